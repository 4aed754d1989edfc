"""Builds pdf-source/quyet-dinh-giao-du-toan-kinh-phi-cchc-nam-2027.docx (Quyết định 52/QĐ-UBND giao dự toán kinh phí
CCHC năm 2027, with its Phụ lục) and converts it with LibreOffice to the old Word format: documents/….doc."""
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from docxlib import C, J, L, R, convert, grouped_grid, new_document, page_break, para, set_props, two_col  # noqa: E402

NAME = 'quyet-dinh-giao-du-toan-kinh-phi-cchc-nam-2027'
SRC = os.path.join(HERE, '..', 'pdf-source', NAME + '.docx')
DOC = os.path.join(HERE, '..', 'documents', NAME + '.doc')

d = new_document()
two_col(d,
        [('ỦY BAN NHÂN DÂN', True, False), ('TỈNH HƯNG YÊN', True, False), ('', False, False),
         ('Số: 52/QĐ-UBND', False, False)],
        [('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', True, False), ('Độc lập - Tự do - Hạnh phúc', True, False),
         ('', False, False), ('Hưng Yên, ngày 14 tháng 01 năm 2027', False, True)],
        widths=(6.0, 10.5), size_left=12, size_right=12)
para(d, '', C, after=0)
para(d, 'QUYẾT ĐỊNH', C, bold=True, size=14, after=0)
para(d, 'Về việc giao dự toán kinh phí thực hiện nhiệm vụ cải cách hành chính năm 2027', C, bold=True, after=6)
para(d, 'ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN', C, bold=True, after=6)
for t in [
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
    'Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2025;',
    'Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành '
    'chính nhà nước giai đoạn 2021 - 2030;',
    'Căn cứ Nghị quyết số 112/NQ-HĐND ngày 10 tháng 12 năm 2026 của Hội đồng nhân dân tỉnh về dự toán ngân sách địa '
    'phương và phân bổ ngân sách cấp tỉnh năm 2027;',
    'Căn cứ Kế hoạch số 305/KH-UBND ngày 25 tháng 12 năm 2026 của UBND tỉnh về cải cách hành chính nhà nước tỉnh Hưng '
    'Yên năm 2027;',
    'Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 27/TTr-STC ngày 08 tháng 01 năm 2027.',
]:
    para(d, t, J, italic=True)
para(d, 'QUYẾT ĐỊNH:', C, bold=True, after=6)

para(d, '**Điều 1.** Giao dự toán kinh phí thực hiện nhiệm vụ cải cách hành chính (CCHC) năm 2027 cho 06 sở, ngành và '
        '05 xã, phường với tổng số tiền là 8.270 triệu đồng (Tám tỷ, hai trăm bảy mươi triệu đồng), trong đó:')
para(d, '- Khối sở, ngành: 6.970 triệu đồng;')
para(d, '- Khối xã, phường: 1.300 triệu đồng.')
para(d, 'Nguồn kinh phí: ngân sách tỉnh năm 2027 (sự nghiệp quản lý hành chính) đã bố trí tại Nghị quyết số '
        '112/NQ-HĐND ngày 10/12/2026 của Hội đồng nhân dân tỉnh. Chi tiết theo Phụ lục kèm theo Quyết định này.')
para(d, 'Các xã, phường có tên tại Mục II Phụ lục là đơn vị thực hiện thí điểm số hóa Sổ hộ tịch, vận hành Chi nhánh '
        'Trung tâm Phục vụ hành chính công hoặc có tỷ lệ hồ sơ trực tuyến toàn trình năm 2026 dưới 50%.')

para(d, '**Điều 2. Tổ chức thực hiện**')
para(d, '1. Thủ trưởng các sở, ngành và Chủ tịch UBND các xã, phường có tên tại Phụ lục:')
para(d, 'a) Quản lý, sử dụng kinh phí được giao đúng mục đích, đúng nội dung tại Phụ lục, theo chế độ, định mức chi '
        'hiện hành; không sử dụng kinh phí này để mua sắm xe ô tô, sửa chữa lớn trụ sở;')
para(d, 'b) Lập báo cáo quyết toán kinh phí thực hiện nhiệm vụ CCHC năm 2027, gửi Sở Tài chính trước ngày 28/02/2028; '
        'kinh phí không sử dụng hết phải nộp trả ngân sách tỉnh theo quy định;')
para(d, 'c) Trường hợp đến hết ngày 30/9/2027 tỷ lệ giải ngân dưới 60% dự toán được giao, có văn bản giải trình gửi Sở '
        'Tài chính trước ngày 10/10/2027 để tổng hợp, trình UBND tỉnh điều chỉnh, điều chuyển dự toán.')
para(d, '2. Chủ tịch UBND các xã, phường có tên tại Mục II Phụ lục ban hành kế hoạch sử dụng kinh phí chi tiết theo '
        'từng nội dung, gửi Sở Tài chính và Sở Nội vụ trước ngày 26/02/2027.')
para(d, '3. UBND các xã, phường không có tên tại Phụ lục chủ động bố trí kinh phí thực hiện nhiệm vụ CCHC trong dự '
        'toán ngân sách cấp xã năm 2027, bảo đảm thực hiện các nhiệm vụ được giao tại Kế hoạch số 305/KH-UBND.')
para(d, '4. Sở Tài chính:')
para(d, 'a) Thông báo dự toán cho các cơ quan, đơn vị, xã, phường có tên tại Phụ lục trong thời hạn 05 ngày làm việc '
        'kể từ ngày ký Quyết định này;')
para(d, 'b) Hằng quý, trước ngày 15 của tháng đầu quý sau, tổng hợp tình hình giải ngân kinh phí CCHC, báo cáo UBND '
        'tỉnh (qua Văn phòng UBND tỉnh);')
para(d, 'c) Chủ trì, phối hợp với Sở Nội vụ kiểm tra việc quản lý, sử dụng kinh phí tại ít nhất 04 đơn vị trong quý '
        'III/2027;')
para(d, 'd) Thẩm định quyết toán kinh phí của các đơn vị, tổng hợp vào quyết toán ngân sách tỉnh năm 2027 theo quy '
        'định.')
para(d, '5. Sở Nội vụ đánh giá kết quả thực hiện các nhiệm vụ CCHC được bố trí kinh phí tại Quyết định này, đưa vào '
        'Báo cáo CCHC năm 2027 của tỉnh, trình UBND tỉnh trước ngày 10/12/2027.')
para(d, '6. Sở Khoa học và Công nghệ hoàn thành việc lựa chọn nhà thầu nâng cấp Hệ thống thông tin giải quyết TTHC '
        'tỉnh trước ngày 30/4/2027; đưa hệ thống sau nâng cấp vào vận hành trong quý III/2027.')
para(d, '**Điều 3.** Quyết định này có hiệu lực kể từ ngày ký.')
para(d, 'Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Tài chính, Nội vụ, Khoa học và Công nghệ, Tư pháp, Văn hóa, Thể '
        'thao và Du lịch; Giám đốc Trung tâm Phục vụ hành chính công tỉnh; Chủ tịch UBND các xã, phường và các cơ quan, '
        'đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.')
two_col(d,
        [('Nơi nhận:', True, True), ('- Như Điều 3;', False, False), ('- Thường trực Tỉnh ủy (b/c);', False, False),
         ('- Thường trực HĐND tỉnh;', False, False), ('- Chủ tịch, các PCT UBND tỉnh;', False, False),
         ('- Kho bạc Nhà nước khu vực;', False, False), ('- Lưu: VT, KT.', False, False)],
        [('TM. ỦY BAN NHÂN DÂN', True, False), ('KT. CHỦ TỊCH', True, False), ('PHÓ CHỦ TỊCH', True, False),
         ('', False, False), ('', False, False), ('', False, False), ('Nguyễn Thị Thanh Hương', True, False)],
        widths=(7.5, 9.0), align_left=L, size_left=11)

page_break(d)
two_col(d,
        [('ỦY BAN NHÂN DÂN', True, False), ('TỈNH HƯNG YÊN', True, False)],
        [('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', True, False), ('Độc lập - Tự do - Hạnh phúc', True, False)],
        widths=(6.0, 10.5), size_left=12, size_right=12)
para(d, '', C, after=0)
para(d, 'Phụ lục', C, bold=True, after=0)
para(d, 'DỰ TOÁN KINH PHÍ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2027', C, bold=True, after=0)
para(d, '(Kèm theo Quyết định số 52/QĐ-UBND ngày 14/01/2027 của UBND tỉnh Hưng Yên)', C, italic=True, after=6)
para(d, 'Đơn vị tính: triệu đồng', R, italic=True, size=12, after=2)
grouped_grid(d, ['STT', 'Đơn vị', 'Nội dung', 'Kinh phí (triệu đồng)'], [
    ('group', 'I. Khối sở, ngành'),
    ('row', ['1', 'Sở Nội vụ', 'Xác định Chỉ số CCHC năm 2027 của các sở, ban, ngành và UBND các xã, phường; đo '
             'lường sự hài lòng của người dân, tổ chức (SIPAS); kiểm tra công tác CCHC', '1.620']),
    ('row', ['2', 'Sở Khoa học và Công nghệ', 'Nâng cấp Hệ thống thông tin giải quyết TTHC tỉnh; bảo đảm an toàn '
             'thông tin, kết nối với Cổng Dịch vụ công quốc gia', '2.350']),
    ('row', ['3', 'Sở Tư pháp', 'Rà soát, đánh giá quy định, TTHC; hỗ trợ số hóa Sổ hộ tịch lưu trữ tại các xã, '
             'phường', '760']),
    ('row', ['4', 'Văn phòng UBND tỉnh', 'Kiểm soát TTHC; tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh '
             'nghiệp', '540']),
    ('row', ['5', 'Trung tâm Phục vụ hành chính công tỉnh', 'Số hóa hồ sơ, kết quả giải quyết TTHC; chi trả dịch vụ '
             'bưu chính công ích', '1.280']),
    ('row', ['6', 'Sở Văn hóa, Thể thao và Du lịch', 'Tuyên truyền CCHC trên các phương tiện thông tin đại chúng',
             '420']),
    ('sum', 'Cộng I', 3, ['6.970']),
    ('group', 'II. Khối xã, phường'),
    ('row', ['7', 'UBND phường Phố Hiến', 'Vận hành Chi nhánh Trung tâm Phục vụ hành chính công tỉnh tại phường; số '
             'hóa hồ sơ tồn đọng', '340']),
    ('row', ['8', 'UBND phường Mỹ Hào', 'Số hóa hồ sơ, kết quả giải quyết TTHC còn lưu trữ dạng giấy', '280']),
    ('row', ['9', 'UBND xã Khoái Châu', 'Số hóa Sổ hộ tịch; trang bị thiết bị đánh giá sự hài lòng tại quầy',
             '260']),
    ('row', ['10', 'UBND xã Quỳnh Phụ', 'Duy trì Tổ công nghệ số cộng đồng; tuyên truyền dịch vụ công trực tuyến',
             '190']),
    ('row', ['11', 'UBND xã Tiền Hải', 'Số hóa Sổ hộ tịch; sửa chữa, sắp xếp khu vực tiếp nhận hồ sơ', '230']),
    ('sum', 'Cộng II', 3, ['1.300']),
    ('sum', 'Tổng cộng (I + II)', 3, ['8.270']),
], widths=[1.2, 4.3, 8.5, 2.5], aligns=[C, L, L, R])
para(d, 'Ghi chú: Kinh phí của Trung tâm Phục vụ hành chính công tỉnh đã bao gồm 180 triệu đồng chi trả dịch vụ bưu '
        'chính công ích cho người có công, hộ nghèo khi nhận kết quả giải quyết TTHC tại nhà.', J, italic=True,
     size=12)

set_props(d, 'Quyết định giao dự toán kinh phí CCHC năm 2027', 'Phòng Kinh tế - Văn phòng UBND tỉnh', (2027, 1, 14, 15, 20))
d.save(SRC)
tmp = tempfile.mkdtemp()
shutil.copy(convert(SRC, 'doc', tmp), DOC)
pdf = convert(SRC, 'pdf', tmp)
os.system('pdfinfo "%s" | grep Pages' % pdf)
shutil.rmtree(tmp)
print('wrote', SRC, DOC)
