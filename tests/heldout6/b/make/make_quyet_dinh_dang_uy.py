"""Builds documents/quyet-dinh-phan-cong-cap-uy-vien-phu-trach-chi-bo-cchc-dang-uy-xa-lac-dao-2026.docx
(Quyết định 112-QĐ/ĐU of the Ban Thường vụ Đảng ủy xã Lạc Đạo, HD 36 party layout)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from docxlib import C, J, L, grid, new_document, para, two_col  # noqa: E402

NAME = 'quyet-dinh-phan-cong-cap-uy-vien-phu-trach-chi-bo-cchc-dang-uy-xa-lac-dao-2026'
OUT = os.path.join(HERE, '..', 'documents', NAME + '.docx')

d = new_document()
two_col(d,
        [('ĐẢNG BỘ TỈNH HƯNG YÊN', False, False), ('ĐẢNG ỦY XÃ LẠC ĐẠO', True, False), ('*', False, False),
         ('Số 112-QĐ/ĐU', False, False)],
        [('ĐẢNG CỘNG SẢN VIỆT NAM', True, False), ('', False, False), ('', False, False),
         ('Lạc Đạo, ngày 05 tháng 8 năm 2026', False, True)],
        widths=(7.0, 9.5), size_left=13, size_right=13)
para(d, '', C, after=0)
para(d, 'QUYẾT ĐỊNH', C, bold=True, size=15, after=0)
para(d, 'phân công cấp ủy viên phụ trách chi bộ và theo dõi lĩnh vực cải cách hành chính, chuyển đổi số', C,
     bold=True, after=0)
para(d, '-----', C, after=6)
para(d, '- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;', J)
para(d, '- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ xã Lạc Đạo nhiệm kỳ 2025 - 2030;', J)
para(d, '- Thực hiện Thông tri số 05-TT/TU ngày 08/6/2026 của Ban Thường vụ Tỉnh ủy về tăng cường sự lãnh đạo của '
        'các tổ chức đảng đối với công tác cải cách hành chính gắn với chuyển đổi số;', J)
para(d, '- Xét đề nghị của Văn phòng Đảng ủy xã,', J)
para(d, 'BAN THƯỜNG VỤ ĐẢNG ỦY XÃ QUYẾT ĐỊNH', C, bold=True, after=6)

para(d, '**Điều 1.** Phân công 11 đồng chí ủy viên Ban Chấp hành Đảng bộ xã phụ trách 15 chi bộ trực thuộc và theo '
        'dõi các lĩnh vực cải cách hành chính (CCHC), chuyển đổi số như sau:')
ROWS = [
    ['1', 'Quách Văn Thiện', 'Bí thư Đảng ủy xã', 'Chi bộ Cơ quan Đảng - Mặt trận - Đoàn thể',
     'Lãnh đạo chung công tác CCHC, chuyển đổi số'],
    ['2', 'Kiều Thị Phương Lan', 'Phó Bí thư Thường trực Đảng ủy xã', 'Chi bộ thôn Chỉ Đạo;\nChi bộ thôn Ngọc Lịch',
     'Cải cách thể chế; kiểm tra việc thực hiện nghị quyết của Đảng ủy về CCHC'],
    ['3', 'Giáp Văn Hưng', 'Phó Bí thư Đảng ủy, Chủ tịch UBND xã', 'Chi bộ Cơ quan UBND xã',
     'Cải cách thủ tục hành chính; hoạt động của Trung tâm Phục vụ hành chính công xã'],
    ['4', 'Tô Thị Bích Ngọc', 'Chủ nhiệm Ủy ban Kiểm tra Đảng ủy xã', 'Chi bộ thôn Lạc Thịnh',
     'Kỷ luật, kỷ cương hành chính; giải quyết phản ánh, kiến nghị của người dân'],
    ['5', 'Ninh Văn Trọng', 'Chủ tịch Ủy ban MTTQ Việt Nam xã', 'Chi bộ thôn Trình Xá;\nChi bộ thôn Tuấn Dị',
     'Giám sát, phản biện xã hội; khảo sát sự hài lòng của người dân'],
    ['6', 'Thiều Quang Minh', 'Đảng ủy viên, Trưởng Công an xã', 'Chi bộ Công an xã',
     'Đề án 06; định danh và xác thực điện tử'],
    ['7', 'Vi Thị Huệ', 'Đảng ủy viên, Phó Chủ tịch UBND xã', 'Chi bộ thôn Hành Lạc',
     'Cải cách tài chính công; thanh toán không dùng tiền mặt'],
    ['8', 'Âu Đức Cảnh', 'Đảng ủy viên, Chánh Văn phòng Đảng ủy xã', 'Chi bộ thôn Phúc Thọ',
     'Chuyển đổi số trong hoạt động của Đảng bộ; Sổ tay đảng viên điện tử'],
    ['9', 'Hầu Thị Xuân', 'Đảng ủy viên, Giám đốc Trung tâm Phục vụ hành chính công xã',
     'Chi bộ thôn Lạc Cầu;\nChi bộ thôn Tân Thịnh', 'Dịch vụ công trực tuyến; số hóa hồ sơ, kết quả giải quyết TTHC'],
    ['10', 'Phùng Văn Sáng', 'Đảng ủy viên, Trưởng phòng Kinh tế', 'Chi bộ thôn Đình Dù;\nChi bộ thôn Đông Mai',
     'Thủ tục hành chính lĩnh vực đất đai, xây dựng'],
    ['11', 'Chu Văn Đạt', 'Đảng ủy viên, Chỉ huy trưởng Ban Chỉ huy quân sự xã', 'Chi bộ Quân sự xã',
     'An toàn, an ninh mạng; bảo vệ bí mật nhà nước trên môi trường số'],
]
grid(d, ['STT', 'Họ và tên', 'Chức vụ', 'Phụ trách chi bộ', 'Lĩnh vực theo dõi'], ROWS,
     widths=[1.3, 3.2, 4.0, 3.6, 4.4], size=12, aligns=[C, L, L, L, L])

para(d, '**Điều 2.** Trách nhiệm thực hiện')
para(d, '1. Các đồng chí được phân công tại Điều 1:')
para(d, 'a) Dự sinh hoạt của chi bộ được phân công phụ trách ít nhất 01 lần mỗi quý; quán triệt, đôn đốc chi bộ thực '
        'hiện nghị quyết, chỉ thị của cấp trên và của Đảng ủy xã về CCHC, chuyển đổi số;')
para(d, 'b) Trong tháng 8/2026, làm việc với cấp ủy các chi bộ được phân công phụ trách để nắm tình hình, thống nhất '
        'nội dung lãnh đạo CCHC, chuyển đổi số đến cuối năm 2026;')
para(d, 'c) Theo dõi, đôn đốc việc thực hiện nhiệm vụ thuộc lĩnh vực được giao; báo cáo Ban Thường vụ Đảng ủy xã (qua '
        'Văn phòng Đảng ủy xã) hằng quý, trước ngày 25 của tháng cuối quý.')
para(d, '2. Các chi bộ trực thuộc:')
para(d, 'a) Đưa nội dung CCHC, chuyển đổi số vào sinh hoạt định kỳ hằng tháng của chi bộ;')
para(d, 'b) Báo cáo kết quả lãnh đạo thực hiện CCHC, chuyển đổi số của chi bộ về Ban Thường vụ Đảng ủy xã (qua Văn '
        'phòng Đảng ủy xã) hằng quý, trước ngày 20 của tháng cuối quý, đồng thời gửi đồng chí cấp ủy viên phụ trách.')
para(d, '3. Các chi bộ thôn tổ chức sinh hoạt chuyên đề "Cải cách hành chính gắn với chuyển đổi số ở khu dân cư" '
        'trong quý III/2026, mời đồng chí cấp ủy viên phụ trách dự.')
para(d, '4. Văn phòng Đảng ủy xã:')
para(d, 'a) Cập nhật danh sách phân công tại Điều 1 lên Hệ thống thông tin điều hành tác nghiệp của Đảng bộ tỉnh trong '
        'thời hạn 03 ngày làm việc kể từ ngày ký Quyết định này;')
para(d, 'b) Tổng hợp báo cáo của các đồng chí cấp ủy viên và các chi bộ, tham mưu Ban Thường vụ Đảng ủy xã báo cáo '
        'Ban Thường vụ Tỉnh ủy (qua Văn phòng Tỉnh ủy) trước ngày 10/6 và ngày 10/12 hằng năm.')
para(d, '5. Việc kiểm tra thực hiện Quyết định này tại ít nhất 04 chi bộ trực thuộc do Ủy ban Kiểm tra Đảng ủy xã '
        'thực hiện trong quý IV/2026.')
para(d, '6. Trường hợp đồng chí được phân công vắng mặt dài ngày hoặc thay đổi vị trí công tác, đồng chí Phó Bí thư '
        'Thường trực Đảng ủy xã tạm thời phụ trách chi bộ đó cho đến khi có phân công mới. Chi bộ nào có tỷ lệ hồ sơ '
        'thủ tục hành chính trực tuyến của người dân trong thôn dưới 50% trong 02 quý liên tiếp thì đồng chí cấp ủy '
        'viên phụ trách báo cáo Ban Thường vụ Đảng ủy xã nguyên nhân, giải pháp khắc phục.')
para(d, '**Điều 3.** Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 27-QĐ/ĐU ngày 18/9/2025 của '
        'Ban Thường vụ Đảng ủy xã về phân công cấp ủy viên phụ trách chi bộ. Văn phòng Đảng ủy xã, các đồng chí có tên '
        'tại Điều 1 và các chi bộ trực thuộc căn cứ Quyết định thi hành.')

two_col(d,
        [('Nơi nhận:', False, True), ('- Ban Tổ chức Tỉnh ủy (để báo cáo),', False, False),
         ('- Văn phòng Tỉnh ủy,', False, False), ('- Như Điều 3,', False, False),
         ('- UBND xã, Ủy ban MTTQ Việt Nam xã,', False, False), ('- Lưu Văn phòng Đảng ủy.', False, False)],
        [('T/M BAN THƯỜNG VỤ', True, False), ('BÍ THƯ', True, False), ('', False, False), ('', False, False),
         ('', False, False), ('Quách Văn Thiện', True, False)],
        widths=(8.0, 8.5), align_left=L, size_left=11)
d.save(OUT)
print('wrote', OUT)
