"""Builds documents/bao-cao-tiep-thu-giai-trinh-du-thao-quy-dinh-chi-so-cchc-xa-phuong-2026.docx
(Báo cáo 164/BC-SNV of Sở Nội vụ: tiếp thu, giải trình ý kiến góp ý dự thảo Quy định Chỉ số CCHC xã, phường)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from docxlib import C, J, L, grid, new_document, para, two_col  # noqa: E402

NAME = 'bao-cao-tiep-thu-giai-trinh-du-thao-quy-dinh-chi-so-cchc-xa-phuong-2026'
OUT = os.path.join(HERE, '..', 'documents', NAME + '.docx')

d = new_document()
two_col(d,
        [('UBND TỈNH HƯNG YÊN', False, False), ('SỞ NỘI VỤ', True, False), ('', False, False),
         ('Số: 164/BC-SNV', False, False)],
        [('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', True, False), ('Độc lập - Tự do - Hạnh phúc', True, False),
         ('', False, False), ('Hưng Yên, ngày 26 tháng 6 năm 2026', False, True)],
        widths=(6.0, 10.5), size_left=12, size_right=12)
para(d, '', C, after=0)
para(d, 'BÁO CÁO', C, bold=True, size=14, after=0)
para(d, 'Tiếp thu, giải trình ý kiến góp ý đối với dự thảo Quyết định ban hành Quy định xác định Chỉ số cải cách hành '
        'chính của Ủy ban nhân dân các xã, phường trên địa bàn tỉnh Hưng Yên', C, bold=True, after=8)
para(d, 'Kính gửi: Ủy ban nhân dân tỉnh Hưng Yên.', C, after=8)
para(d, 'Thực hiện Kế hoạch số 214/KH-UBND ngày 26/12/2025 của UBND tỉnh về cải cách hành chính nhà nước tỉnh Hưng Yên '
        'năm 2026, Sở Nội vụ đã xây dựng dự thảo Quyết định ban hành Quy định xác định Chỉ số cải cách hành chính (Chỉ '
        'số CCHC) của Ủy ban nhân dân các xã, phường trên địa bàn tỉnh (sau đây gọi là dự thảo Quy định), thay thế bộ '
        'tiêu chí đánh giá cấp xã được xây dựng cho mô hình chính quyền địa phương 03 cấp. Sở Nội vụ báo cáo kết quả lấy '
        'ý kiến và việc tiếp thu, giải trình như sau:')

para(d, 'I. TÌNH HÌNH LẤY Ý KIẾN GÓP Ý', L, bold=True, indent=False)
para(d, '1. Ngày 02/6/2026, Sở Nội vụ ban hành Công văn số 1402/SNV-CCHC đề nghị 22 cơ quan, đơn vị góp ý dự thảo Quy '
        'định, gồm 14 sở, ban, ngành tỉnh và UBND 08 xã, phường đại diện cho các khu vực; đồng thời đăng tải toàn văn '
        'dự thảo trên Cổng thông tin điện tử Sở Nội vụ từ ngày 02/6/2026 đến hết ngày 16/6/2026.')
para(d, '2. Đến hết ngày 19/6/2026, Sở Nội vụ nhận được văn bản góp ý của 19/22 cơ quan, đơn vị, trong đó:')
para(d, '- 12 cơ quan, đơn vị thống nhất hoàn toàn với dự thảo;')
para(d, '- 07 cơ quan, đơn vị có 15 ý kiến góp ý cụ thể (chi tiết tại Mục II);')
para(d, '- 03 cơ quan, đơn vị không gửi văn bản góp ý: Sở Xây dựng, Sở Nông nghiệp và Môi trường và UBND xã Hoàn Long.')
para(d, 'Không có ý kiến góp ý của tổ chức, cá nhân gửi qua Cổng thông tin điện tử Sở Nội vụ.')
para(d, '3. Trên cơ sở nghiên cứu các ý kiến góp ý, Sở Nội vụ tiếp thu 10 ý kiến, giải trình 03 ý kiến và không tiếp '
        'thu 02 ý kiến.')

para(d, 'II. NỘI DUNG TIẾP THU, GIẢI TRÌNH', L, bold=True, indent=False)
KHCN = 'Sở Khoa học và Công nghệ'
TT = 'Trung tâm Phục vụ hành chính công tỉnh'
TH = 'UBND phường Thượng Hồng'
NQ = 'UBND xã Như Quỳnh'
ROWS = [
    ['1', 'Sở Tư pháp',
     'Đề nghị bổ sung Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ vào phần căn cứ ban hành Quyết định.',
     'Tiếp thu. Đã bổ sung vào phần căn cứ của dự thảo Quyết định.'],
    ['2', 'Sở Tư pháp',
     'Đề nghị bỏ tiêu chí thành phần 2.3 "Tự kiểm tra văn bản do UBND xã ban hành" vì trùng với tiêu chí thành phần '
     '2.1.',
     'Giải trình. Tiêu chí thành phần 2.1 đánh giá việc ban hành văn bản đúng thẩm quyền, đúng hạn; tiêu chí thành '
     'phần 2.3 đánh giá việc tự kiểm tra, xử lý văn bản sau khi ban hành. Hai tiêu chí có nội dung khác nhau nên giữ '
     'nguyên như dự thảo.'],
    ['3', KHCN,
     'Đề nghị nâng điểm tối đa của tiêu chí thành phần 6.2 "Tỷ lệ hồ sơ TTHC trực tuyến toàn trình" từ 3 điểm lên 5 '
     'điểm.',
     'Tiếp thu. Đã nâng lên 5 điểm; giảm tương ứng 02 điểm tại tiêu chí thành phần 6.5 "Ứng dụng công nghệ thông tin '
     'trong nội bộ".'],
    ['4', KHCN, 'Đề nghị bổ sung tiêu chí về tỷ lệ hồ sơ, kết quả giải quyết TTHC được số hóa.',
     'Tiếp thu. Đã bổ sung tiêu chí thành phần 6.3, tối đa 2 điểm.'],
    ['5', KHCN,
     'Đề nghị lấy số liệu các tiêu chí về dịch vụ công trực tuyến từ Hệ thống thông tin giải quyết TTHC tỉnh thay cho '
     'số liệu do xã, phường tự báo cáo.',
     'Tiếp thu. Đã bổ sung khoản 3 Điều 7: số liệu các tiêu chí thành phần 6.2, 6.3 được trích xuất từ Hệ thống tại '
     'thời điểm ngày 31/10 hằng năm.'],
    ['6', KHCN,
     'Đề nghị quy định báo cáo tự đánh giá được ký số và gửi qua Hệ thống quản lý văn bản và điều hành.',
     'Tiếp thu. Đã bổ sung vào khoản 2 Điều 6.'],
    ['7', 'Văn phòng UBND tỉnh', 'Đề nghị tách nội dung kiểm soát TTHC thành một lĩnh vực đánh giá riêng.',
     'Không tiếp thu. Bộ tiêu chí được xây dựng theo khung 08 lĩnh vực do Bộ Nội vụ hướng dẫn; kiểm soát TTHC đã được '
     'đánh giá tại lĩnh vực 3 "Cải cách thủ tục hành chính" với 12 điểm. Việc tách lĩnh vực làm mất khả năng so sánh '
     'với Chỉ số CCHC của các địa phương khác.'],
    ['8', TT, 'Đề nghị bổ sung tiêu chí về tỷ lệ hồ sơ quá hạn có Phiếu xin lỗi gửi người dân.',
     'Tiếp thu. Đã bổ sung vào tiêu chí thành phần 3.4.'],
    ['9', TT,
     'Đề nghị giao Trung tâm Phục vụ hành chính công tỉnh thẩm định điểm lĩnh vực "Thực hiện cơ chế một cửa, một cửa '
     'liên thông".',
     'Giải trình. Theo Điều 9 dự thảo Quy định, việc thẩm định do Hội đồng thẩm định do Giám đốc Sở Nội vụ thành lập '
     'thực hiện; Giám đốc Trung tâm Phục vụ hành chính công tỉnh là thành viên Hội đồng và trực tiếp thẩm định lĩnh '
     'vực này.'],
    ['10', 'Công an tỉnh',
     'Đề nghị bổ sung tiêu chí về tỷ lệ công dân được kích hoạt tài khoản định danh điện tử mức độ 2.',
     'Tiếp thu. Đã bổ sung tiêu chí thành phần 6.6, tối đa 1 điểm.'],
    ['11', TH, 'Đề nghị lùi thời hạn gửi báo cáo tự đánh giá từ ngày 15/11 sang ngày 30/11 hằng năm.',
     'Không tiếp thu. Thời hạn 15/11 bảo đảm đủ thời gian thẩm định, điều tra xã hội học để công bố Chỉ số trong '
     'tháng 02 năm sau; giữ nguyên như dự thảo.'],
    ['12', TH, 'Đề nghị hướng dẫn cụ thể tài liệu kiểm chứng của từng tiêu chí.',
     'Tiếp thu. Sở Nội vụ sẽ ban hành văn bản hướng dẫn tài liệu kiểm chứng sau khi Quy định được ban hành.'],
    ['13', TH,
     'Đề nghị chỉ khảo sát người dân đã giao dịch tại Trung tâm Phục vụ hành chính công xã, phường.',
     'Giải trình. Điều tra xã hội học gồm hai nhóm đối tượng: người dân, tổ chức đã giao dịch và đại diện cán bộ, '
     'công chức, Ủy ban MTTQ Việt Nam cấp xã; khảo sát cả hai nhóm giúp đánh giá khách quan hơn, nên giữ nguyên như '
     'dự thảo.'],
    ['14', NQ, 'Đề nghị giảm số tiêu chí thành phần do xã thiếu công chức làm công tác tổng hợp.',
     'Tiếp thu. Đã rà soát, gộp các tiêu chí trùng lặp, giảm từ 76 xuống 68 tiêu chí thành phần.'],
    ['15', NQ,
     'Đề nghị cộng điểm thưởng cho xã, phường có mô hình, sáng kiến CCHC được cấp tỉnh công nhận.',
     'Tiếp thu. Đã bổ sung Điều 5 về điểm thưởng, tối đa 2 điểm.'],
]
grid(d, ['STT', 'Đơn vị góp ý', 'Nội dung góp ý', 'Ý kiến tiếp thu, giải trình'], ROWS,
     widths=[1.2, 3.3, 5.6, 6.4], size=12, aligns=[C, L, J, J])

para(d, 'III. DỰ THẢO SAU KHI TIẾP THU VÀ ĐỀ XUẤT', L, bold=True, indent=False)
para(d, '1. Dự thảo Quy định sau khi tiếp thu gồm 03 chương, 12 điều; Bộ tiêu chí gồm 08 lĩnh vực, 32 tiêu chí, 68 '
        'tiêu chí thành phần, thang điểm tối đa 100 điểm (70 điểm thẩm định theo tiêu chí, 30 điểm điều tra xã hội '
        'học), chưa tính điểm thưởng.')
para(d, '2. Sở Nội vụ kính trình UBND tỉnh xem xét, ban hành Quyết định trước ngày 15/7/2026 để áp dụng đánh giá Chỉ '
        'số CCHC năm 2026 (hồ sơ gửi kèm gồm dự thảo Quyết định, dự thảo Quy định đã hoàn thiện và bản chụp 19 văn bản '
        'góp ý).')
para(d, '3. Báo cáo này và dự thảo Quy định đã hoàn thiện được Phòng Cải cách hành chính, Sở Nội vụ đăng tải trên Cổng '
        'thông tin điện tử Sở Nội vụ trước ngày 30/6/2026, đồng thời gửi đến 07 cơ quan, đơn vị có ý kiến góp ý.')
para(d, '4. Sau khi Quy định được ban hành, Sở Nội vụ ban hành văn bản hướng dẫn tài liệu kiểm chứng trong thời hạn 15 '
        'ngày kể từ ngày Quy định có hiệu lực; tổ chức tập huấn cho công chức Văn phòng HĐND và UBND của 104 xã, phường '
        'trong tháng 8/2026.')
para(d, '5. Phòng Cải cách hành chính, Sở Nội vụ tổng hợp vướng mắc của các xã, phường trong quá trình áp dụng Bộ tiêu '
        'chí, báo cáo Giám đốc Sở hằng quý, trước ngày 15 của tháng cuối quý.')
para(d, '6. Sở Nội vụ chủ trì, phối hợp với Sở Khoa học và Công nghệ xây dựng phần mềm chấm điểm Chỉ số CCHC cấp xã '
        'trên môi trường mạng, đưa vào sử dụng trước ngày 30/9/2026; đề nghị UBND tỉnh giao Sở Khoa học và Công nghệ '
        'cấu hình chức năng trích xuất số liệu các tiêu chí thành phần 6.2, 6.3 trên Hệ thống thông tin giải quyết TTHC '
        'tỉnh trước ngày 31/10/2026.')
para(d, 'Trường hợp Quyết định được ban hành sau ngày 31/7/2026, Sở Nội vụ đề nghị áp dụng Bộ tiêu chí mới từ kỳ đánh '
        'giá năm 2027; kỳ đánh giá năm 2026 thực hiện theo bộ tiêu chí hiện hành.')
para(d, 'Sở Nội vụ kính báo cáo UBND tỉnh xem xét, quyết định./.')

two_col(d,
        [('Nơi nhận:', True, True), ('- Như trên;', False, False),
         ('- Chủ tịch, các PCT UBND tỉnh (b/c);', False, False), ('- Văn phòng UBND tỉnh;', False, False),
         ('- Các cơ quan, đơn vị có ý kiến góp ý;', False, False), ('- Giám đốc Sở;', False, False),
         ('- Lưu: VT, CCHC.', False, False)],
        [('KT. GIÁM ĐỐC', True, False), ('PHÓ GIÁM ĐỐC', True, False), ('', False, False), ('', False, False),
         ('', False, False), ('Mai Xuân Trường', True, False)],
        widths=(8.0, 8.5), align_left=L, size_left=11)
d.save(OUT)
print('wrote', OUT)
