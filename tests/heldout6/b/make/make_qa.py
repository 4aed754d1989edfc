"""Writes qa.jsonl, obligations.json and num2doc.json of heldout6/b."""
import json
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(HERE, '..')
N = lambda s: unicodedata.normalize('NFC', s)

CT = 'chuong-trinh-hoi-nghi-so-ket-cchc-cds-6-thang-dau-nam-2026.md'
BC = 'bao-cao-tiep-thu-giai-trinh-du-thao-quy-dinh-chi-so-cchc-xa-phuong-2026.docx'
KH = 'ke-hoach-nang-ty-le-ho-so-truc-tuyen-phuong-vu-phuc-6-thang-cuoi-2026.pdf'
QD = 'quyet-dinh-phan-cong-cap-uy-vien-phu-trach-chi-bo-cchc-dang-uy-xa-lac-dao-2026.docx'
NUM2DOC = {'58/CTr-VP': CT, '164/BC-SNV': BC, '96/KH-UBND': KH, '112-QĐ/ĐU': QD}

Q = []  # (kind, doc, (a, b, c), must_include, gold_anchor)


def q(kind, doc, a, b, c, must=(), anchors=()):
    Q.append((kind, doc, (a, b, c), [list(g) for g in must], list(anchors)))


def abstain(doc, a, b, c):
    Q.append(('out_of_scope', doc, (a, b, c), [], []))


# ------------------------------------------------------------------ 58/CTr-VP (Chương trình hội nghị, .md)
q('metadata', CT,
  'Chương trình số 58/CTr-VP của Văn phòng UBND tỉnh được ban hành ngày nào và là chương trình của hội nghị gì?',
  'ctr 58 vp ubnd tinh ban hanh ngay nao, chuong trinh cua hoi nghi gi',
  '58/CTr-VP: ngày ban hành, hội nghị nào?',
  [['08 tháng 7 năm 2026'],
   ['Hội nghị sơ kết công tác cải cách hành chính, chuyển đổi số 6 tháng đầu năm 2026']],
  ['Hội nghị sơ kết công tác cải cách hành chính, chuyển đổi số 6 tháng đầu năm 2026 và công bố Chỉ số cải cách '
   'hành chính năm 2025'])
q('signer', CT,
  'Ai ký Chương trình Hội nghị sơ kết cải cách hành chính, chuyển đổi số 6 tháng đầu năm 2026 của Văn phòng UBND tỉnh, với chức danh gì?',
  'chuong trinh hoi nghi so ket cchc 6 thang dau nam 2026 cua vp ubnd tinh ai ky, chuc danh gi',
  'Người ký chương trình hội nghị sơ kết CCHC 6 tháng 2026 — chức danh?',
  [['Bùi Đức Thịnh'], ['CHÁNH VĂN PHÒNG']], ['Bùi Đức Thịnh'])
q('lookup', CT,
  'Hội nghị sơ kết công tác cải cách hành chính, chuyển đổi số 6 tháng đầu năm 2026 của tỉnh tổ chức vào thời gian nào, ở đâu và theo hình thức nào?',
  'hoi nghi so ket cchc cds 6 thang dau nam 2026 to chuc luc nao, o dau, hinh thuc the nao',
  'Thời gian, địa điểm, hình thức hội nghị sơ kết CCHC 6 tháng đầu 2026?',
  [['15/7/2026'], ['Hội trường tầng 3, Trung tâm Hội nghị tỉnh'], ['104 điểm cầu']],
  ['2. Địa điểm: Hội trường tầng 3, Trung tâm Hội nghị tỉnh, số 02 đường Hải Thượng Lãn Ông, phường Phố Hiến.',
   '1. Thời gian: 01 buổi, từ 07 giờ 45 đến 11 giờ 30, thứ Tư, ngày 15/7/2026.'])
q('people', CT,
  'Tại Hội nghị sơ kết cải cách hành chính 6 tháng đầu năm 2026 theo Chương trình 58/CTr-VP, ai phát biểu khai mạc và ai phát biểu kết luận?',
  'ctr 58 hoi nghi so ket cchc ai phat bieu khai mac, ai ket luan',
  'Khai mạc, kết luận hội nghị ngày 15/7/2026 — ai?',
  [['Nguyễn Thị Thanh Hương'], ['Lê Minh Đức']],
  ['Phát biểu khai mạc Hội nghị', 'Phát biểu kết luận Hội nghị'])
q('table_cell', CT,
  'Theo chương trình Hội nghị sơ kết cải cách hành chính ngày 15/7/2026, từ 09 giờ 50 đến 10 giờ 00 là nội dung gì và do ai trình bày?',
  'hoi nghi so ket cchc 15/7 khung 9h50 - 10h la noi dung gi, ai trinh bay',
  '09 giờ 50 - 10 giờ 00 (hội nghị sơ kết 15/7/2026): nội dung, người trình bày?',
  [['Khai thác dữ liệu dân cư'], ['Lưu Quang Dũng']],
  ['Tham luận: Khai thác dữ liệu dân cư phục vụ giải quyết thủ tục hành chính (Đề án 06)'])
q('table_count', CT,
  'Hội nghị sơ kết cải cách hành chính, chuyển đổi số 6 tháng đầu năm 2026 có bao nhiêu bài tham luận và của những cơ quan, đơn vị nào?',
  'hoi nghi so ket cchc 6 thang co bao nhieu tham luan, cua don vi nao',
  'Số tham luận và đơn vị tham luận tại hội nghị sơ kết CCHC 15/7/2026?',
  [['Trung tâm Phục vụ hành chính công tỉnh'], ['Công an tỉnh'], ['Phố Hiến'], ['Tống Trân']],
  ['Tham luận: Duy trì Tổ công nghệ số cộng đồng ở xã thuần nông'])
q('table_max', CT,
  'Trong chương trình Hội nghị sơ kết cải cách hành chính 6 tháng đầu năm 2026, nội dung nào được bố trí nhiều thời gian nhất?',
  'trong ctr 58 noi dung nao chiem nhieu thoi gian nhat',
  'Phần dài nhất của chương trình hội nghị sơ kết CCHC 15/7/2026?',
  [['Báo cáo sơ kết công tác CCHC 6 tháng đầu năm 2026'], ['08 giờ 20 - 08 giờ 50']],
  ['Báo cáo sơ kết công tác CCHC 6 tháng đầu năm 2026, nhiệm vụ trọng tâm 6 tháng cuối năm 2026'])
q('table_filter', CT,
  'Trong chương trình hội nghị ngày 15/7/2026, Chủ tịch UBND tỉnh Lê Minh Đức trực tiếp thực hiện những nội dung nào?',
  'ctr hoi nghi 15/7 chu tich ubnd tinh le minh duc thuc hien nhung phan nao',
  'Phần việc của Chủ tịch Lê Minh Đức trong chương trình hội nghị sơ kết?',
  [['Trao Bằng khen'], ['Phát biểu kết luận']],
  ['Trao Bằng khen của Chủ tịch UBND tỉnh cho 03 tập thể dẫn đầu Chỉ số CCHC năm 2025'])
q('table_compare', CT,
  'Theo Chương trình 58/CTr-VP, báo cáo của Sở Nội vụ và báo cáo của Sở Khoa học và Công nghệ tại hội nghị được bố trí vào khung giờ nào, phần nào dài hơn?',
  'ctr 58: bc cua snv va bc cua so khcn o hoi nghi khung gio nao, cai nao dai hon',
  'Sở Nội vụ vs Sở KH&CN: khung giờ báo cáo tại hội nghị sơ kết, bên nào lâu hơn?',
  [['08 giờ 20 - 08 giờ 50'], ['08 giờ 50 - 09 giờ 05']],
  ['Báo cáo kết quả chuyển đổi số, cung cấp dịch vụ công trực tuyến 6 tháng đầu năm 2026'])
q('obligation', CT,
  'Để chuẩn bị Hội nghị sơ kết cải cách hành chính 6 tháng đầu năm 2026, Sở Nội vụ được giao những việc gì và thời hạn ra sao?',
  'chuan bi hoi nghi so ket cchc 6 thang, snv phai lam gi, han khi nao',
  'Sở Nội vụ — việc chuẩn bị hội nghị 15/7/2026 và hạn?',
  [['16 giờ 00 ngày 10/7/2026'], ['13/7/2026'], ['14/7/2026']],
  ['a) Chuẩn bị báo cáo sơ kết công tác CCHC 6 tháng đầu năm 2026 và dự thảo Quyết định công bố Chỉ số CCHC năm '
   '2025, gửi Văn phòng UBND tỉnh trước 16 giờ 00 ngày 10/7/2026;'])
q('reporting', CT,
  'Sau Hội nghị sơ kết cải cách hành chính 6 tháng đầu năm 2026, Sở Nội vụ phải báo cáo việc thực hiện kết luận Hội nghị cho ai, qua đâu và định kỳ thế nào?',
  'sau hoi nghi so ket, snv bao cao thuc hien ket luan cho ai, qua dau, dinh ky ra sao',
  'Báo cáo thực hiện kết luận hội nghị sơ kết: ai báo cáo, gửi ai, kỳ hạn?',
  [['Chủ tịch UBND tỉnh'], ['Văn phòng UBND tỉnh'], ['hằng tháng, trước ngày 25']],
  ['3. Sở Nội vụ theo dõi việc thực hiện kết luận Hội nghị, báo cáo Chủ tịch UBND tỉnh (qua Văn phòng UBND tỉnh) '
   'hằng tháng, trước ngày 25, đến hết năm 2026.'])
q('obligation', CT,
  'Các cơ quan, đơn vị có tham luận tại Hội nghị sơ kết cải cách hành chính 6 tháng đầu năm 2026 phải gửi bài về đâu, trước ngày nào và bài dài tối đa bao nhiêu?',
  'don vi co tham luan hoi nghi so ket cchc gui bai ve dau, truoc ngay nao, dai toi da bao nhieu',
  'Hạn, nơi nhận, độ dài bài tham luận hội nghị sơ kết CCHC?',
  [['Phòng Kiểm soát thủ tục hành chính'], ['11/7/2026'], ['1.500 chữ']],
  ['3. Các cơ quan, đơn vị có tham luận tại Mục III gửi bài tham luận (không quá 1.500 chữ, trình bày không quá 10 '
   'phút) về Văn phòng UBND tỉnh (qua Phòng Kiểm soát thủ tục hành chính) trước ngày 11/7/2026.'])
q('contact', CT,
  'Muốn hỏi về Hội nghị sơ kết cải cách hành chính 6 tháng đầu năm 2026 thì liên hệ ai ở Văn phòng UBND tỉnh, số điện thoại nào?',
  'hoi ve hoi nghi so ket cchc 6 thang lien he ai o vp ubnd tinh, sdt',
  'Đầu mối liên hệ hội nghị sơ kết CCHC 15/7/2026 — tên, điện thoại?',
  [['Lâm Thị Kim Oanh'], ['0221 3862 417', '0904 315 286']],
  ['Chi tiết liên hệ: bà Lâm Thị Kim Oanh, chuyên viên Phòng Kiểm soát thủ tục hành chính, Văn phòng UBND tỉnh'])
abstain(CT,
        'Ba tập thể được tặng Bằng khen tại Hội nghị sơ kết cải cách hành chính 6 tháng đầu năm 2026 là những đơn vị nào?',
        '3 tap the duoc tang bang khen o hoi nghi so ket cchc 6 thang dau 2026 la don vi nao',
        'Tên 03 tập thể nhận Bằng khen tại hội nghị 15/7/2026?')
abstain(CT,
        'Chỉ số cải cách hành chính năm 2025 của tỉnh Hưng Yên xếp thứ mấy trên cả nước?',
        'chi so cchc 2025 cua hung yen xep thu may ca nuoc',
        'Hưng Yên — thứ hạng PAR Index 2025 toàn quốc?')

# ------------------------------------------------------------------ 164/BC-SNV (Báo cáo tiếp thu, giải trình, .docx)
q('metadata', BC,
  'Báo cáo số 164/BC-SNV của Sở Nội vụ được ban hành ngày nào, về nội dung gì và gửi cơ quan nào?',
  'bc 164 snv ngay nao, ve viec gi, gui ai',
  '164/BC-SNV: ngày, nội dung, kính gửi?',
  [['26 tháng 6 năm 2026'], ['Quy định xác định Chỉ số cải cách hành chính'], ['Ủy ban nhân dân tỉnh Hưng Yên']],
  ['Kính gửi: Ủy ban nhân dân tỉnh Hưng Yên.'])
q('signer', BC,
  'Ai ký Báo cáo tiếp thu, giải trình ý kiến góp ý dự thảo Quy định xác định Chỉ số cải cách hành chính của các xã, phường, với thẩm quyền gì?',
  'bc tiep thu giai trinh gop y du thao quy dinh chi so cchc xa phuong do ai ky, ky the nao',
  'Người ký 164/BC-SNV và chức danh?',
  [['Mai Xuân Trường'], ['PHÓ GIÁM ĐỐC'], ['KT. GIÁM ĐỐC']], ['Mai Xuân Trường'])
q('lookup', BC,
  'Sở Nội vụ đã lấy ý kiến góp ý dự thảo Quy định xác định Chỉ số cải cách hành chính của UBND các xã, phường bằng văn bản nào, gửi bao nhiêu cơ quan, đơn vị và đăng tải dự thảo trong thời gian nào?',
  'snv lay y kien du thao quy dinh chi so cchc xa phuong bang cv nao, gui bao nhieu don vi, dang tai tu ngay nao den ngay nao',
  'Lấy ý kiến dự thảo Chỉ số CCHC xã, phường: công văn, số đơn vị, thời gian đăng tải?',
  [['1402/SNV-CCHC'], ['22 cơ quan, đơn vị'], ['02/6/2026'], ['16/6/2026']],
  ['1. Ngày 02/6/2026, Sở Nội vụ ban hành Công văn số 1402/SNV-CCHC đề nghị 22 cơ quan, đơn vị góp ý dự thảo Quy '
   'định, gồm 14 sở, ban, ngành tỉnh và UBND 08 xã, phường đại diện cho các khu vực'])
q('table_total', BC,
  'Theo Báo cáo 164/BC-SNV, dự thảo Quy định Chỉ số cải cách hành chính xã, phường nhận được tổng cộng bao nhiêu ý kiến góp ý cụ thể, bao nhiêu ý kiến được tiếp thu, giải trình và không tiếp thu?',
  'bc 164 snv tong cong bao nhieu y kien gop y, bao nhieu tiep thu, giai trinh, khong tiep thu',
  'Tổng số ý kiến góp ý và kết quả xử lý (164/BC-SNV)?',
  [['15 ý kiến'], ['tiếp thu 10 ý kiến'], ['giải trình 03 ý kiến'], ['không tiếp thu 02 ý kiến']],
  ['3. Trên cơ sở nghiên cứu các ý kiến góp ý, Sở Nội vụ tiếp thu 10 ý kiến, giải trình 03 ý kiến và không tiếp thu '
   '02 ý kiến.'])
q('lookup', BC,
  'Những cơ quan, đơn vị nào không gửi văn bản góp ý dự thảo Quy định xác định Chỉ số cải cách hành chính của UBND các xã, phường?',
  'don vi nao ko gui van ban gop y du thao quy dinh chi so cchc xa phuong',
  'Đơn vị không góp ý dự thảo Chỉ số CCHC cấp xã?',
  [['Sở Xây dựng'], ['Sở Nông nghiệp và Môi trường'], ['Hoàn Long']],
  ['- 03 cơ quan, đơn vị không gửi văn bản góp ý: Sở Xây dựng, Sở Nông nghiệp và Môi trường và UBND xã Hoàn Long.'])
q('table_filter', BC,
  'Trong Báo cáo tiếp thu, giải trình của Sở Nội vụ về dự thảo Quy định Chỉ số cải cách hành chính xã, phường, những ý kiến nào không được tiếp thu, của đơn vị nào?',
  'bc 164 snv nhung y kien nao ko tiep thu, cua don vi nao',
  'Ý kiến không tiếp thu trong 164/BC-SNV — đơn vị, nội dung?',
  [['Văn phòng UBND tỉnh'], ['UBND phường Thượng Hồng'], ['lĩnh vực đánh giá riêng'], ['15/11']],
  ['Đề nghị tách nội dung kiểm soát TTHC thành một lĩnh vực đánh giá riêng.',
   'Đề nghị lùi thời hạn gửi báo cáo tự đánh giá từ ngày 15/11 sang ngày 30/11 hằng năm.'])
q('table_max', BC,
  'Đơn vị nào có nhiều ý kiến góp ý nhất đối với dự thảo Quy định xác định Chỉ số cải cách hành chính của xã, phường, và các ý kiến đó được xử lý thế nào?',
  'don vi nao gop y nhieu nhat du thao chi so cchc xa phuong, xu ly ra sao',
  'Nhiều ý kiến góp ý nhất (164/BC-SNV): đơn vị nào, kết quả?',
  [['Sở Khoa học và Công nghệ'], ['Tiếp thu']],
  ['Đề nghị quy định báo cáo tự đánh giá được ký số và gửi qua Hệ thống quản lý văn bản và điều hành.'])
q('table_count', BC,
  'UBND phường Thượng Hồng góp ý những nội dung nào vào dự thảo Quy định Chỉ số cải cách hành chính xã, phường và mỗi ý kiến được xử lý ra sao?',
  'ubnd phuong thuong hong gop y may noi dung vao du thao chi so cchc, xu ly the nao',
  'Ý kiến của phường Thượng Hồng (164/BC-SNV) và kết quả?',
  [['lùi thời hạn gửi báo cáo tự đánh giá'], ['tài liệu kiểm chứng'], ['chỉ khảo sát người dân']],
  ['Đề nghị hướng dẫn cụ thể tài liệu kiểm chứng của từng tiêu chí.'])
q('table_cell', BC,
  'Công an tỉnh góp ý gì vào dự thảo Quy định xác định Chỉ số cải cách hành chính của UBND các xã, phường và Sở Nội vụ tiếp thu ra sao?',
  'ca tinh gop y gi vao du thao chi so cchc xa phuong, snv tiep thu the nao',
  'Góp ý của Công an tỉnh và cách xử lý (164/BC-SNV)?',
  [['tài khoản định danh điện tử mức độ 2'], ['6.6'], ['1 điểm']],
  ['Tiếp thu. Đã bổ sung tiêu chí thành phần 6.6, tối đa 1 điểm.'])
q('lead', BC,
  'Theo Báo cáo 164/BC-SNV, cơ quan nào chủ trì xây dựng phần mềm chấm điểm Chỉ số cải cách hành chính cấp xã, phối hợp với ai và phải đưa vào sử dụng trước ngày nào?',
  'ai chu tri xay dung phan mem cham diem chi so cchc cap xa, phoi hop voi ai, han dua vao su dung',
  'Phần mềm chấm điểm Chỉ số CCHC cấp xã — chủ trì, phối hợp, hạn?',
  [['Sở Nội vụ'], ['Sở Khoa học và Công nghệ'], ['30/9/2026']],
  ['6. Sở Nội vụ chủ trì, phối hợp với Sở Khoa học và Công nghệ xây dựng phần mềm chấm điểm Chỉ số CCHC cấp xã trên '
   'môi trường mạng, đưa vào sử dụng trước ngày 30/9/2026'])
q('table_min', BC,
  'Trong bảng tiếp thu, giải trình của Báo cáo 164/BC-SNV, những đơn vị nào chỉ có một ý kiến góp ý và đó là ý kiến gì?',
  'bc 164 snv don vi nao chi gop 1 y kien, y kien gi',
  'Đơn vị có ít ý kiến nhất (1 ý kiến) trong 164/BC-SNV?',
  [['Văn phòng UBND tỉnh'], ['Công an tỉnh']],
  ['Đề nghị bổ sung tiêu chí về tỷ lệ công dân được kích hoạt tài khoản định danh điện tử mức độ 2.'])
q('lookup', BC,
  'Sau khi tiếp thu góp ý, dự thảo Quy định xác định Chỉ số cải cách hành chính của UBND các xã, phường có bao nhiêu chương, điều, lĩnh vực, tiêu chí và thang điểm thế nào?',
  'du thao quy dinh chi so cchc xa phuong sau tiep thu co may chuong, dieu, linh vuc, tieu chi, thang diem',
  'Cấu trúc và thang điểm dự thảo Chỉ số CCHC xã, phường sau tiếp thu?',
  [['03 chương, 12 điều'], ['08 lĩnh vực, 32 tiêu chí, 68 tiêu chí thành phần'], ['100 điểm'],
   ['30 điểm điều tra xã hội học']],
  ['1. Dự thảo Quy định sau khi tiếp thu gồm 03 chương, 12 điều; Bộ tiêu chí gồm 08 lĩnh vực, 32 tiêu chí, 68 tiêu '
   'chí thành phần, thang điểm tối đa 100 điểm (70 điểm thẩm định theo tiêu chí, 30 điểm điều tra xã hội học), chưa '
   'tính điểm thưởng.'])
q('obligation', BC,
  'Sau khi Quy định xác định Chỉ số cải cách hành chính của xã, phường được ban hành, Sở Nội vụ sẽ phải làm những việc gì, trong thời hạn nào?',
  'sau khi quy dinh chi so cchc xa phuong ban hanh snv lam gi, han bao lau',
  'Việc Sở Nội vụ làm sau khi Quy định Chỉ số CCHC xã được ban hành — thời hạn?',
  [['15 ngày kể từ ngày Quy định có hiệu lực'], ['tháng 8/2026'], ['104 xã, phường']],
  ['4. Sau khi Quy định được ban hành, Sở Nội vụ ban hành văn bản hướng dẫn tài liệu kiểm chứng trong thời hạn 15 '
   'ngày kể từ ngày Quy định có hiệu lực; tổ chức tập huấn cho công chức Văn phòng HĐND và UBND của 104 xã, phường '
   'trong tháng 8/2026.'])
abstain(BC,
        'Theo dự thảo Quy định Chỉ số cải cách hành chính xã, phường, tỷ lệ hồ sơ trực tuyến toàn trình phải đạt bao nhiêu phần trăm thì được điểm tối đa ở tiêu chí 6.2?',
        'du thao chi so cchc xa phuong: ty le ho so truc tuyen toan trinh dat bao nhieu % thi duoc diem toi da tieu chi 6.2',
        'Ngưỡng % để đạt điểm tối đa tiêu chí 6.2?')
abstain(BC,
        'UBND tỉnh đã ban hành Quyết định Quy định xác định Chỉ số cải cách hành chính của UBND các xã, phường chưa, số quyết định là bao nhiêu?',
        'ubnd tinh ban hanh qd quy dinh chi so cchc xa phuong chua, so qd bao nhieu',
        'Số Quyết định ban hành Quy định Chỉ số CCHC xã, phường?')

# ------------------------------------------------------------------ 96/KH-UBND (Kế hoạch + Phụ lục, .pdf)
q('metadata', KH,
  'Kế hoạch số 96/KH-UBND của UBND phường Vũ Phúc được ban hành ngày nào và về nội dung gì?',
  'kh 96 ubnd phuong vu phuc ngay nao, ve viec gi',
  '96/KH-UBND phường Vũ Phúc: ngày, nội dung?',
  [['22 tháng 7 năm 2026'], ['Nâng cao tỷ lệ hồ sơ trực tuyến toàn trình']],
  ['Nâng cao tỷ lệ hồ sơ trực tuyến toàn trình và chất lượng giải quyết thủ tục hành chính trên địa bàn phường Vũ '
   'Phúc 6 tháng cuối năm 2026'])
q('signer', KH,
  'Ai ký Kế hoạch nâng cao tỷ lệ hồ sơ trực tuyến toàn trình của phường Vũ Phúc và ký với thẩm quyền gì?',
  'kh nang ty le ho so truc tuyen phuong vu phuc ai ky, ky voi tu cach gi',
  'Người ký 96/KH-UBND (Vũ Phúc), chức danh?',
  [['Đồng Thị Huyền Trang'], ['PHÓ CHỦ TỊCH'], ['KT. CHỦ TỊCH']], ['Đồng Thị Huyền Trang'])
q('lookup', KH,
  '6 tháng đầu năm 2026, tỷ lệ hồ sơ trực tuyến toàn trình của phường Vũ Phúc là bao nhiêu và so với bình quân của tỉnh thế nào?',
  '6 thang dau 2026 ty le ho so truc tuyen toan trinh phuong vu phuc bao nhieu, so voi tinh',
  'Tỷ lệ trực tuyến toàn trình 6 tháng đầu 2026 của Vũ Phúc vs bình quân tỉnh?',
  [['47,4%'], ['58,2%'], ['1.397']],
  ['trong đó 1.397 hồ sơ trực tuyến toàn trình (đạt 47,4%), thấp hơn mức bình quân của tỉnh (58,2%)'])
q('lookup', KH,
  'Kế hoạch 96/KH-UBND đặt chỉ tiêu tỷ lệ hồ sơ trực tuyến toàn trình của phường Vũ Phúc đến cuối năm 2026 là bao nhiêu?',
  'kh 96 chi tieu ty le ho so truc tuyen toan trinh vu phuc cuoi nam 2026 la bao nhieu',
  'Chỉ tiêu trực tuyến toàn trình 6 tháng cuối 2026 (Vũ Phúc)?',
  [['65%'], ['70%']],
  ['- Tỷ lệ hồ sơ trực tuyến toàn trình cả 6 tháng cuối năm đạt từ 65% trở lên, riêng tháng 12/2026 đạt từ 70% trở '
   'lên;'])
q('table_filter', KH,
  'Trong Phụ lục phân công của Kế hoạch 96/KH-UBND phường Vũ Phúc, các tổ dân phố chủ trì những nhiệm vụ nào và thời hạn ra sao?',
  'phu luc kh 96 vu phuc: cac to dan pho chu tri nhiem vu nao, han the nao',
  'Nhiệm vụ do các tổ dân phố chủ trì (Phụ lục KH 96) và thời hạn?',
  [['Rà soát, lập danh sách công dân'], ['Tổng hợp phản ánh, kiến nghị'], ['Hằng tháng, trước ngày 20']],
  ['Rà soát, lập danh sách công dân từ đủ 14 tuổi trở lên chưa được kích hoạt tài khoản định danh điện tử mức độ 2, '
   'gửi Công an phường'])
q('table_filter', KH,
  'Các ban, ngành, đoàn thể phường Vũ Phúc được giao chủ trì nhiệm vụ gì trong Phụ lục của Kế hoạch 96/KH-UBND, thời hạn khi nào?',
  'cac ban nganh doan the phuong vu phuc chu tri viec gi trong phu luc kh 96, han khi nao',
  'Ban, ngành, đoàn thể phường chủ trì việc gì (KH 96), hạn?',
  [['Vận động hội viên, đoàn viên'], ['Dân vận khéo'], ['Trước 30/9/2026']],
  ['Vận động hội viên, đoàn viên nộp hồ sơ trực tuyến, thanh toán phí, lệ phí không dùng tiền mặt; mỗi tổ chức đăng '
   'ký ít nhất 01 mô hình "Dân vận khéo" về dịch vụ công trực tuyến'])
q('table_count', KH,
  'Văn phòng HĐND và UBND phường Vũ Phúc chủ trì bao nhiêu nhiệm vụ trong Phụ lục phân công của Kế hoạch 96/KH-UBND, là những nhiệm vụ nào?',
  'vp hdnd va ubnd phuong vu phuc chu tri may nhiem vu trong phu luc kh 96, nhiem vu nao',
  'Số nhiệm vụ Văn phòng HĐND và UBND phường chủ trì (Phụ lục KH 96)?',
  [['Kiểm tra công vụ đột xuất'], ['Khảo sát mức độ hài lòng'],
   ['Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2026'], ['Sơ kết thực hiện Kế hoạch']],
  ['Kiểm tra công vụ đột xuất việc tiếp nhận, giải quyết hồ sơ tại Trung tâm và các phòng chuyên môn'])
q('table_cell', KH,
  'Theo Kế hoạch của phường Vũ Phúc, việc trích xuất số liệu hồ sơ trực tuyến toàn trình theo từng lĩnh vực do ai chủ trì, thời hạn và sản phẩm là gì?',
  'vu phuc: trich xuat so lieu ho so truc tuyen theo linh vuc do ai chu tri, han, san pham',
  'Trích xuất số liệu trực tuyến theo lĩnh vực (KH 96): chủ trì, hạn, sản phẩm?',
  [['Trung tâm Phục vụ hành chính công phường'], ['Trước 16 giờ 00 thứ Sáu hằng tuần'], ['Bản tin số liệu tuần']],
  ['Trích xuất số liệu hồ sơ trực tuyến toàn trình theo từng lĩnh vực trên Hệ thống thông tin giải quyết TTHC tỉnh; '
   'cảnh báo lĩnh vực đạt dưới 50%'])
q('lead', KH,
  'Ở phường Vũ Phúc, cơ quan nào chủ trì kích hoạt tài khoản định danh điện tử mức độ 2 cho công dân theo Kế hoạch 96/KH-UBND, ai phối hợp và hạn hoàn thành?',
  'vu phuc ai chu tri kich hoat tai khoan dinh danh dien tu muc 2 theo kh 96, ai phoi hop, han',
  'Kích hoạt định danh mức 2 (KH 96 Vũ Phúc): chủ trì, phối hợp, hạn?',
  [['Công an phường'], ['Các tổ dân phố'], ['Trước 30/11/2026']],
  ['Kích hoạt tài khoản định danh điện tử mức độ 2 cho công dân từ đủ 14 tuổi trở lên, đạt 95%'])
q('obligation', KH,
  'Kế hoạch 96/KH-UBND giao Phòng Kinh tế, Hạ tầng và Đô thị phường Vũ Phúc những việc gì, thời hạn ra sao?',
  'kh 96 giao phong kinh te ha tang va do thi phuong vu phuc viec gi, han khi nao',
  'Phòng Kinh tế, Hạ tầng và Đô thị (Vũ Phúc) — nhiệm vụ, hạn?',
  [['18 hồ sơ đất đai quá hạn'], ['31/8/2026'], ['15/8/2026']],
  ['Giải quyết dứt điểm 18 hồ sơ đất đai quá hạn; gửi Phiếu xin lỗi cho người dân',
   '3. Kinh phí thực hiện Kế hoạch được Phòng Kinh tế, Hạ tầng và Đô thị tham mưu bố trí từ dự toán ngân sách phường '
   'năm 2026, trình Chủ tịch UBND phường phê duyệt trước ngày 15/8/2026.'])
q('reporting', KH,
  'Theo Kế hoạch 96/KH-UBND, Văn phòng HĐND và UBND phường Vũ Phúc phải báo cáo những gì, gửi ai và khi nào?',
  'kh 96 vp hdnd va ubnd phuong vu phuc bao cao gi, gui ai, khi nao',
  'Báo cáo của Văn phòng HĐND và UBND phường Vũ Phúc: nơi nhận, hạn?',
  [['hằng tháng, trước ngày 25'], ['10/12/2026'], ['Sở Nội vụ']],
  ['c) Tham mưu UBND phường báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả thực hiện Kế hoạch trước ngày 10/12/2026.'])
q('lookup', KH,
  'Theo Kế hoạch của phường Vũ Phúc, nếu tỷ lệ hồ sơ trực tuyến toàn trình tháng 9/2026 chưa đạt 55% thì sẽ xử lý thế nào?',
  'vu phuc neu ty le truc tuyen thang 9/2026 chua dat 55% thi sao',
  'Tháng 9/2026 dưới 55% trực tuyến — hệ quả (KH 96)?',
  [['55%'], ['họp kiểm điểm trách nhiệm'], ['Giám đốc Trung tâm Phục vụ hành chính công phường']],
  ['4. Trường hợp tỷ lệ hồ sơ trực tuyến toàn trình của tháng 9/2026 chưa đạt 55%, Văn phòng HĐND và UBND phường '
   'tham mưu Chủ tịch UBND phường tổ chức họp kiểm điểm trách nhiệm của Giám đốc Trung tâm Phục vụ hành chính công '
   'phường và các phòng chuyên môn có liên quan.'])
q('table_max', KH,
  'Trong Phụ lục phân công của Kế hoạch 96/KH-UBND, nhiệm vụ nào có thời hạn muộn nhất và do ai chủ trì?',
  'phu luc kh 96 vu phuc nhiem vu nao han muon nhat, ai chu tri',
  'Nhiệm vụ hạn muộn nhất trong Phụ lục KH 96?',
  [['Sơ kết thực hiện Kế hoạch'], ['Tháng 12/2026'], ['Văn phòng HĐND và UBND phường']],
  ['Sơ kết thực hiện Kế hoạch; đề xuất khen thưởng 03 tổ dân phố có tỷ lệ hồ sơ trực tuyến toàn trình cao nhất'])
abstain(KH,
        'Tổng kinh phí thực hiện Kế hoạch nâng cao tỷ lệ hồ sơ trực tuyến toàn trình của phường Vũ Phúc là bao nhiêu triệu đồng?',
        'tong kinh phi kh nang ty le ho so truc tuyen phuong vu phuc bao nhieu trieu',
        'Kinh phí KH 96 Vũ Phúc — bao nhiêu tiền?')
abstain(KH,
        'Tổ dân phố nào của phường Vũ Phúc có tỷ lệ hồ sơ trực tuyến toàn trình cao nhất trong 6 tháng đầu năm 2026?',
        'to dan pho nao cua vu phuc co ty le ho so truc tuyen cao nhat 6 thang dau 2026',
        'Tổ dân phố dẫn đầu trực tuyến 6 tháng đầu 2026 (Vũ Phúc)?')

# ------------------------------------------------------------------ 112-QĐ/ĐU (Quyết định of BTV Đảng ủy xã, .docx)
q('metadata', QD,
  'Quyết định số 112-QĐ/ĐU của Ban Thường vụ Đảng ủy xã Lạc Đạo được ban hành ngày nào và về việc gì?',
  'qd 112 dang uy xa lac dao ngay nao, ve viec gi',
  '112-QĐ/ĐU Lạc Đạo: ngày, nội dung?',
  [['05 tháng 8 năm 2026'], ['phân công cấp ủy viên phụ trách chi bộ']],
  ['phân công cấp ủy viên phụ trách chi bộ và theo dõi lĩnh vực cải cách hành chính, chuyển đổi số'])
q('signer', QD,
  'Ai ký Quyết định phân công cấp ủy viên phụ trách chi bộ của Đảng ủy xã Lạc Đạo và ký với thẩm quyền gì?',
  'qd phan cong cap uy vien phu trach chi bo dang uy xa lac dao ai ky, ky the nao',
  'Người ký 112-QĐ/ĐU — thẩm quyền?',
  [['Quách Văn Thiện'], ['BÍ THƯ'], ['T/M BAN THƯỜNG VỤ']], ['Quách Văn Thiện'])
q('table_cell', QD,
  'Theo Quyết định 112-QĐ/ĐU, đồng chí nào phụ trách Chi bộ thôn Tuấn Dị và đồng chí đó theo dõi lĩnh vực gì?',
  'qd 112 ai phu trach chi bo thon tuan di, theo doi linh vuc gi',
  'Phụ trách Chi bộ thôn Tuấn Dị — ai, lĩnh vực?',
  [['Ninh Văn Trọng'], ['Giám sát, phản biện xã hội']],
  ['Giám sát, phản biện xã hội; khảo sát sự hài lòng của người dân'])
q('table_filter', QD,
  'Trong Quyết định phân công của Ban Thường vụ Đảng ủy xã Lạc Đạo, những đồng chí nào phụ trách hai chi bộ?',
  'qd phan cong dang uy xa lac dao nhung ai phu trach 2 chi bo',
  'Ai phụ trách 02 chi bộ (112-QĐ/ĐU)?',
  [['Kiều Thị Phương Lan'], ['Ninh Văn Trọng'], ['Hầu Thị Xuân'], ['Phùng Văn Sáng']],
  ['Kiều Thị Phương Lan'])
q('table_count', QD,
  'Theo Quyết định 112-QĐ/ĐU, Đảng bộ xã Lạc Đạo có bao nhiêu chi bộ trực thuộc không phải chi bộ thôn, là những chi bộ nào và ai phụ trách?',
  'qd 112 lac dao co may chi bo ko phai chi bo thon, chi bo nao, ai phu trach',
  'Chi bộ cơ quan, lực lượng (không phải thôn) — số lượng, người phụ trách?',
  [['Chi bộ Cơ quan Đảng - Mặt trận - Đoàn thể'], ['Chi bộ Cơ quan UBND xã'], ['Chi bộ Công an xã'],
   ['Chi bộ Quân sự xã']],
  ['Chi bộ Cơ quan Đảng - Mặt trận - Đoàn thể'])
q('people', QD,
  'Trong Đảng ủy xã Lạc Đạo, đồng chí nào được phân công theo dõi Đề án 06 và định danh điện tử, giữ chức vụ gì?',
  'dang uy xa lac dao ai theo doi de an 06, dinh danh dien tu, chuc vu gi',
  'Theo dõi Đề án 06 ở Lạc Đạo — ai, chức vụ?',
  [['Thiều Quang Minh'], ['Trưởng Công an xã']],
  ['Đề án 06; định danh và xác thực điện tử'])
q('table_cell', QD,
  'Đồng chí Hầu Thị Xuân giữ chức vụ gì, được phân công phụ trách chi bộ nào và theo dõi lĩnh vực gì theo Quyết định 112-QĐ/ĐU?',
  'dong chi hau thi xuan chuc vu gi, phu trach chi bo nao, theo doi linh vuc gi',
  'Hầu Thị Xuân: chức vụ, chi bộ phụ trách, lĩnh vực?',
  [['Giám đốc Trung tâm Phục vụ hành chính công xã'], ['Lạc Cầu'], ['Tân Thịnh'], ['Dịch vụ công trực tuyến']],
  ['Dịch vụ công trực tuyến; số hóa hồ sơ, kết quả giải quyết TTHC'])
q('table_compare', QD,
  'So sánh phân công của đồng chí Giáp Văn Hưng và đồng chí Vi Thị Huệ trong Quyết định 112-QĐ/ĐU: mỗi người phụ trách chi bộ nào và theo dõi lĩnh vực gì?',
  'so sanh phan cong giap van hung va vi thi hue: phu trach chi bo nao, linh vuc gi',
  'Giáp Văn Hưng vs Vi Thị Huệ — chi bộ, lĩnh vực?',
  [['Chi bộ Cơ quan UBND xã'], ['Chi bộ thôn Hành Lạc'], ['Cải cách thủ tục hành chính'], ['Cải cách tài chính công']],
  ['Cải cách tài chính công; thanh toán không dùng tiền mặt'])
q('obligation', QD,
  'Theo Quyết định 112-QĐ/ĐU, các cấp ủy viên được phân công phụ trách chi bộ có những trách nhiệm gì và thời hạn thế nào?',
  'qd 112 cap uy vien phu trach chi bo co trach nhiem gi, han the nao',
  'Trách nhiệm của cấp ủy viên phụ trách chi bộ (Lạc Đạo) và hạn?',
  [['ít nhất 01 lần mỗi quý'], ['tháng 8/2026'], ['trước ngày 25 của tháng cuối quý']],
  ['c) Theo dõi, đôn đốc việc thực hiện nhiệm vụ thuộc lĩnh vực được giao; báo cáo Ban Thường vụ Đảng ủy xã (qua '
   'Văn phòng Đảng ủy xã) hằng quý, trước ngày 25 của tháng cuối quý.'])
q('reporting', QD,
  'Các chi bộ trực thuộc Đảng ủy xã Lạc Đạo phải báo cáo kết quả lãnh đạo cải cách hành chính, chuyển đổi số về đâu và khi nào?',
  'chi bo truc thuoc dang uy xa lac dao bao cao ket qua cchc cds ve dau, khi nao',
  'Chi bộ báo cáo CCHC, CĐS: gửi ai, qua đâu, kỳ hạn? (112-QĐ/ĐU)',
  [['Ban Thường vụ Đảng ủy xã'], ['Văn phòng Đảng ủy xã'], ['trước ngày 20 của tháng cuối quý']],
  ['b) Báo cáo kết quả lãnh đạo thực hiện CCHC, chuyển đổi số của chi bộ về Ban Thường vụ Đảng ủy xã (qua Văn phòng '
   'Đảng ủy xã) hằng quý, trước ngày 20 của tháng cuối quý, đồng thời gửi đồng chí cấp ủy viên phụ trách.'])
q('obligation', QD,
  'Quyết định 112-QĐ/ĐU giao Văn phòng Đảng ủy xã Lạc Đạo những nhiệm vụ gì và thời hạn ra sao?',
  'qd 112 giao van phong dang uy xa lac dao lam gi, han the nao',
  'Văn phòng Đảng ủy xã Lạc Đạo — nhiệm vụ, hạn (QĐ 112)?',
  [['03 ngày làm việc'], ['10/6'], ['10/12'], ['Văn phòng Tỉnh ủy']],
  ['b) Tổng hợp báo cáo của các đồng chí cấp ủy viên và các chi bộ, tham mưu Ban Thường vụ Đảng ủy xã báo cáo Ban '
   'Thường vụ Tỉnh ủy (qua Văn phòng Tỉnh ủy) trước ngày 10/6 và ngày 10/12 hằng năm.'])
q('lead', QD,
  'Cơ quan nào kiểm tra việc thực hiện Quyết định 112-QĐ/ĐU của Đảng ủy xã Lạc Đạo, kiểm tra ở bao nhiêu chi bộ và khi nào?',
  'ai kiem tra viec thuc hien qd 112 dang uy lac dao, may chi bo, khi nao',
  'Kiểm tra thực hiện 112-QĐ/ĐU: cơ quan, số chi bộ, thời gian?',
  [['Ủy ban Kiểm tra Đảng ủy xã'], ['04 chi bộ'], ['quý IV/2026']],
  ['5. Việc kiểm tra thực hiện Quyết định này tại ít nhất 04 chi bộ trực thuộc do Ủy ban Kiểm tra Đảng ủy xã thực '
   'hiện trong quý IV/2026.'])
q('summary', QD,
  'Tóm tắt nội dung chính của Quyết định 112-QĐ/ĐU của Ban Thường vụ Đảng ủy xã Lạc Đạo: phân công những ai, trách nhiệm báo cáo ra sao và thay thế văn bản nào?',
  'tom tat qd 112 dang uy xa lac dao: phan cong ai, bao cao the nao, thay the van ban nao',
  'Tóm tắt QĐ 112-QĐ/ĐU (phân công, báo cáo, văn bản bị thay thế)?',
  [['11 đồng chí'], ['15 chi bộ'], ['hằng quý'], ['27-QĐ/ĐU']],
  ['Phân công 11 đồng chí ủy viên Ban Chấp hành Đảng bộ xã phụ trách 15 chi bộ trực thuộc và theo dõi các lĩnh vực '
   'cải cách hành chính (CCHC), chuyển đổi số như sau:',
   'Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 27-QĐ/ĐU ngày 18/9/2025 của Ban Thường vụ Đảng '
   'ủy xã về phân công cấp ủy viên phụ trách chi bộ.'])
abstain(QD,
        'Đảng bộ xã Lạc Đạo hiện có bao nhiêu đảng viên?',
        'dang bo xa lac dao co bao nhieu dang vien',
        'Tổng số đảng viên Đảng bộ xã Lạc Đạo?')
abstain(QD,
        'Tỷ lệ hồ sơ thủ tục hành chính trực tuyến của người dân thôn Tuấn Dị, xã Lạc Đạo hiện là bao nhiêu?',
        'ty le ho so tthc truc tuyen cua nguoi dan thon tuan di xa lac dao la bao nhieu',
        'Thôn Tuấn Dị — tỷ lệ hồ sơ trực tuyến hiện nay?')

# ------------------------------------------------------------------ obligations
O = []


def o(unit, doc, kw, recipient, via, deadline, recurrence, deadline_text, evidence, basis='direct'):
    O.append({'unit': unit, 'document_number': doc, 'action_keywords': kw, 'recipient': recipient, 'via': via,
              'deadline': deadline, 'recurrence': recurrence, 'deadline_text': deadline_text, 'basis': basis,
              'evidence': evidence})


C1 = '58/CTr-VP'
o('Sở Nội vụ', C1, ['Chuẩn bị báo cáo sơ kết', 'gửi Văn phòng UBND tỉnh'], 'Văn phòng UBND tỉnh', None, '2026-07-10',
  None, 'trước 16 giờ 00 ngày 10/7/2026',
  'a) Chuẩn bị báo cáo sơ kết công tác CCHC 6 tháng đầu năm 2026 và dự thảo Quyết định công bố Chỉ số CCHC năm 2025, '
  'gửi Văn phòng UBND tỉnh trước 16 giờ 00 ngày 10/7/2026;')
o('Sở Nội vụ', C1, ['trình Chủ tịch UBND tỉnh tặng Bằng khen'], 'Chủ tịch UBND tỉnh', None, '2026-07-13', None,
  'trước ngày 13/7/2026',
  'b) Hoàn thiện hồ sơ, trình Chủ tịch UBND tỉnh tặng Bằng khen cho 03 tập thể dẫn đầu Chỉ số CCHC năm 2025 trước '
  'ngày 13/7/2026;')
o('Sở Nội vụ', C1, ['In tài liệu', 'gửi bản điện tử'], None, None, '2026-07-14', None, 'trước ngày 14/7/2026',
  'c) In tài liệu Chỉ số CCHC năm 2025 phát cho đại biểu tại điểm cầu tỉnh và gửi bản điện tử đến các điểm cầu xã, '
  'phường trước ngày 14/7/2026.')
ev = ('2. Sở Khoa học và Công nghệ chủ trì, phối hợp với Viễn thông Hưng Yên bảo đảm đường truyền đến 104 điểm cầu '
      'trong suốt thời gian Hội nghị; tổ chức chạy thử kết nối vào 14 giờ 00 ngày 14/7/2026.')
o('Sở Khoa học và Công nghệ', C1, ['bảo đảm đường truyền'], None, None, '2026-07-15', None,
  'trong suốt thời gian Hội nghị', ev)
o('Sở Khoa học và Công nghệ', C1, ['tổ chức chạy thử kết nối'], None, None, '2026-07-14', None,
  '14 giờ 00 ngày 14/7/2026', ev)
ev = ('3. Các cơ quan, đơn vị có tham luận tại Mục III gửi bài tham luận (không quá 1.500 chữ, trình bày không quá 10 '
      'phút) về Văn phòng UBND tỉnh (qua Phòng Kiểm soát thủ tục hành chính) trước ngày 11/7/2026.')
for unit in ['Trung tâm Phục vụ hành chính công tỉnh', 'Công an tỉnh', 'UBND phường Phố Hiến', 'UBND xã Tống Trân']:
    o(unit, C1, ['gửi bài tham luận'], 'Văn phòng UBND tỉnh', 'Phòng Kiểm soát thủ tục hành chính', '2026-07-11', None,
      'trước ngày 11/7/2026', ev, basis='group: các cơ quan, đơn vị có tham luận tại Mục III')
o('Phòng Kiểm soát thủ tục hành chính', C1, ['chuẩn bị', 'trình lãnh đạo UBND tỉnh'], 'lãnh đạo UBND tỉnh', None,
  '2026-07-13', None, 'trước ngày 13/7/2026',
  '4. Dự thảo bài phát biểu khai mạc và dự thảo kết luận của Chủ tịch UBND tỉnh do Phòng Kiểm soát thủ tục hành chính, '
  'Văn phòng UBND tỉnh chủ trì, phối hợp với Sở Nội vụ chuẩn bị, trình lãnh đạo UBND tỉnh trước ngày 13/7/2026.')
ev = ('5. UBND các xã, phường bố trí phòng họp, thiết bị tại điểm cầu của mình và tham gia chạy thử kết nối vào 14 giờ '
      '00 ngày 14/7/2026; gửi danh sách người dự tại điểm cầu xã, phường qua Phòng Kiểm soát thủ tục hành chính trước '
      '10 giờ 00 ngày 14/7/2026.')
o('UBND các xã, phường', C1, ['bố trí phòng họp, thiết bị', 'tham gia chạy thử kết nối'], None, None, '2026-07-14',
  None, '14 giờ 00 ngày 14/7/2026', ev)
o('UBND các xã, phường', C1, ['gửi danh sách người dự'], None, 'Phòng Kiểm soát thủ tục hành chính', '2026-07-14',
  None, 'trước 10 giờ 00 ngày 14/7/2026', ev)
o('Phòng Quản trị - Tài vụ', C1, ['chuẩn bị hội trường'], None, None, '2026-07-15', None,
  'trước 07 giờ 00 ngày 15/7/2026',
  '6. Phòng Quản trị - Tài vụ, Văn phòng UBND tỉnh chuẩn bị hội trường, khánh tiết, âm thanh tại điểm cầu tỉnh, hoàn '
  'thành trước 07 giờ 00 ngày 15/7/2026.')
o('Văn phòng UBND tỉnh', C1, ['ban hành Thông báo kết luận'], None, None, None, None,
  'trong thời hạn 03 ngày làm việc kể từ ngày kết thúc Hội nghị',
  '1. Văn phòng UBND tỉnh ban hành Thông báo kết luận của Chủ tịch UBND tỉnh tại Hội nghị trong thời hạn 03 ngày làm '
  'việc kể từ ngày kết thúc Hội nghị.')
o('Sở Nội vụ', C1, ['hoàn thiện dự thảo Quy định', 'trình UBND tỉnh'], 'UBND tỉnh', None, '2026-07-24', None,
  'trước ngày 24/7/2026',
  '2. Sở Nội vụ tiếp thu ý kiến thảo luận, hoàn thiện dự thảo Quy định xác định Chỉ số CCHC của UBND các xã, phường, '
  'trình UBND tỉnh trước ngày 24/7/2026')
o('Sở Nội vụ', C1, ['theo dõi việc thực hiện kết luận', 'báo cáo Chủ tịch UBND tỉnh'], 'Chủ tịch UBND tỉnh',
  'Văn phòng UBND tỉnh', None, 'hằng tháng', 'hằng tháng, trước ngày 25',
  '3. Sở Nội vụ theo dõi việc thực hiện kết luận Hội nghị, báo cáo Chủ tịch UBND tỉnh (qua Văn phòng UBND tỉnh) hằng '
  'tháng, trước ngày 25, đến hết năm 2026.')

C2 = '164/BC-SNV'
ev = ('3. Báo cáo này và dự thảo Quy định đã hoàn thiện được Phòng Cải cách hành chính, Sở Nội vụ đăng tải trên Cổng '
      'thông tin điện tử Sở Nội vụ trước ngày 30/6/2026, đồng thời gửi đến 07 cơ quan, đơn vị có ý kiến góp ý.')
o('Phòng Cải cách hành chính', C2, ['đăng tải'], None, None, '2026-06-30', None, 'trước ngày 30/6/2026', ev)
o('Phòng Cải cách hành chính', C2, ['gửi đến 07 cơ quan, đơn vị'], '07 cơ quan, đơn vị có ý kiến góp ý', None,
  '2026-06-30', None, 'trước ngày 30/6/2026', ev)
ev = ('4. Sau khi Quy định được ban hành, Sở Nội vụ ban hành văn bản hướng dẫn tài liệu kiểm chứng trong thời hạn 15 '
      'ngày kể từ ngày Quy định có hiệu lực; tổ chức tập huấn cho công chức Văn phòng HĐND và UBND của 104 xã, phường '
      'trong tháng 8/2026.')
o('Sở Nội vụ', C2, ['ban hành văn bản hướng dẫn tài liệu kiểm chứng'], None, None, None, None,
  'trong thời hạn 15 ngày kể từ ngày Quy định có hiệu lực', ev)
o('Sở Nội vụ', C2, ['tổ chức tập huấn'], None, None, '2026-08-31', None, 'trong tháng 8/2026', ev)
o('Phòng Cải cách hành chính', C2, ['tổng hợp vướng mắc', 'báo cáo Giám đốc Sở'], 'Giám đốc Sở', None, None,
  'hằng quý', 'hằng quý, trước ngày 15 của tháng cuối quý',
  '5. Phòng Cải cách hành chính, Sở Nội vụ tổng hợp vướng mắc của các xã, phường trong quá trình áp dụng Bộ tiêu chí, '
  'báo cáo Giám đốc Sở hằng quý, trước ngày 15 của tháng cuối quý.')
o('Sở Nội vụ', C2, ['chủ trì', 'xây dựng phần mềm chấm điểm'], None, None, '2026-09-30', None, 'trước ngày 30/9/2026',
  '6. Sở Nội vụ chủ trì, phối hợp với Sở Khoa học và Công nghệ xây dựng phần mềm chấm điểm Chỉ số CCHC cấp xã trên '
  'môi trường mạng, đưa vào sử dụng trước ngày 30/9/2026')

C3 = '96/KH-UBND'
ev = ('1. Các cơ quan, đơn vị thuộc UBND phường, các tổ dân phố thực hiện nhiệm vụ được phân công tại Phụ lục kèm theo '
      'Kế hoạch này; báo cáo kết quả thực hiện về UBND phường (qua Văn phòng HĐND và UBND phường) hằng quý, trước ngày '
      '15 của tháng cuối quý.')
for unit in ['Các cơ quan, đơn vị thuộc UBND phường', 'Các tổ dân phố']:
    o(unit, C3, ['báo cáo kết quả thực hiện'], 'UBND phường', 'Văn phòng HĐND và UBND phường', None, 'hằng quý',
      'hằng quý, trước ngày 15 của tháng cuối quý', ev)
o('Văn phòng HĐND và UBND phường', C3, ['Tổng hợp kết quả thực hiện các chỉ tiêu', 'báo cáo Chủ tịch UBND phường'],
  'Chủ tịch UBND phường', None, None, 'hằng tháng', 'hằng tháng, trước ngày 25',
  'b) Tổng hợp kết quả thực hiện các chỉ tiêu tại Mục III, báo cáo Chủ tịch UBND phường hằng tháng, trước ngày 25;')
o('Văn phòng HĐND và UBND phường', C3, ['báo cáo UBND tỉnh'], 'UBND tỉnh', 'Sở Nội vụ', '2026-12-10', None,
  'trước ngày 10/12/2026',
  'c) Tham mưu UBND phường báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả thực hiện Kế hoạch trước ngày 10/12/2026.')
o('Phòng Kinh tế, Hạ tầng và Đô thị', C3, ['tham mưu bố trí', 'trình Chủ tịch UBND phường phê duyệt'],
  'Chủ tịch UBND phường', None, '2026-08-15', None, 'trước ngày 15/8/2026',
  '3. Kinh phí thực hiện Kế hoạch được Phòng Kinh tế, Hạ tầng và Đô thị tham mưu bố trí từ dự toán ngân sách phường năm '
  '2026, trình Chủ tịch UBND phường phê duyệt trước ngày 15/8/2026.')
TTP = 'Trung tâm Phục vụ hành chính công phường'
VP = 'Văn phòng HĐND và UBND phường'
VH = 'Phòng Văn hóa - Xã hội'
# Phụ lục rows: (unit, keywords, recipient, via, deadline, recurrence, Thời hạn cell, Nhiệm vụ cell)
for row in [
    (TTP, ['Rà soát, công khai danh mục TTHC'], None, None, '2026-08-15', None, 'Trước 15/8/2026',
     'Rà soát, công khai danh mục TTHC thực hiện trực tuyến toàn trình tại Trung tâm và trên Trang thông tin điện tử '
     'phường'),
    (TTP, ['Bố trí 02 công chức hướng dẫn'], None, None, None, None, 'Từ ngày 01/8/2026',
     'Bố trí 02 công chức hướng dẫn, hỗ trợ người dân nộp hồ sơ trực tuyến tại khu vực chờ của Trung tâm'),
    ('Phòng Kinh tế, Hạ tầng và Đô thị', ['Giải quyết dứt điểm 18 hồ sơ đất đai quá hạn', 'gửi Phiếu xin lỗi'], None,
     None, '2026-08-31', None, 'Trước 31/8/2026',
     'Giải quyết dứt điểm 18 hồ sơ đất đai quá hạn; gửi Phiếu xin lỗi cho người dân'),
    (VH, ['Thành lập Tổ công nghệ số cộng đồng'], None, None, '2026-08-31', None, 'Tháng 8/2026',
     'Thành lập Tổ công nghệ số cộng đồng tại tổ dân phố số 7 và tổ dân phố số 15'),
    (VH, ['Tập huấn kỹ năng hướng dẫn dịch vụ công trực tuyến'], None, None, '2026-09-30', None, 'Quý III/2026',
     'Tập huấn kỹ năng hướng dẫn dịch vụ công trực tuyến cho thành viên Tổ công nghệ số cộng đồng (02 lớp)'),
    (VH, ['Tuyên truyền lợi ích của dịch vụ công trực tuyến'], None, None, None, 'hằng tháng', 'Hằng tháng',
     'Tuyên truyền lợi ích của dịch vụ công trực tuyến trên hệ thống truyền thanh phường, nhóm Zalo của tổ dân phố '
     '(tối thiểu 04 tin, bài mỗi tháng)'),
    ('Các ban, ngành, đoàn thể phường', ['Vận động hội viên, đoàn viên', 'đăng ký ít nhất 01 mô hình'], None, None,
     '2026-09-30', None, 'Trước 30/9/2026',
     'Vận động hội viên, đoàn viên nộp hồ sơ trực tuyến, thanh toán phí, lệ phí không dùng tiền mặt; mỗi tổ chức đăng '
     'ký ít nhất 01 mô hình "Dân vận khéo" về dịch vụ công trực tuyến'),
    ('Các tổ dân phố', ['Rà soát, lập danh sách công dân', 'gửi Công an phường'], 'Công an phường', None, None,
     'hằng tháng', 'Hằng tháng, trước ngày 20',
     'Rà soát, lập danh sách công dân từ đủ 14 tuổi trở lên chưa được kích hoạt tài khoản định danh điện tử mức độ 2, '
     'gửi Công an phường'),
    ('Công an phường', ['Kích hoạt tài khoản định danh điện tử mức độ 2'], None, None, '2026-11-30', None,
     'Trước 30/11/2026',
     'Kích hoạt tài khoản định danh điện tử mức độ 2 cho công dân từ đủ 14 tuổi trở lên, đạt 95%'),
    ('Các tổ dân phố', ['Tổng hợp phản ánh, kiến nghị', 'gửi UBND phường'], 'UBND phường', VP, None, 'hằng tháng',
     'Hằng tháng, trước ngày 20',
     'Tổng hợp phản ánh, kiến nghị của người dân về giải quyết TTHC tại hội nghị tổ dân phố, gửi UBND phường (qua Văn '
     'phòng HĐND và UBND phường)'),
    (TTP, ['Trích xuất số liệu hồ sơ trực tuyến toàn trình', 'cảnh báo'], None, None, None, 'hằng tuần',
     'Trước 16 giờ 00 thứ Sáu hằng tuần',
     'Trích xuất số liệu hồ sơ trực tuyến toàn trình theo từng lĩnh vực trên Hệ thống thông tin giải quyết TTHC tỉnh; '
     'cảnh báo lĩnh vực đạt dưới 50%'),
    (VP, ['Kiểm tra công vụ đột xuất'], None, None, None, 'hằng quý', 'Ít nhất 01 lần mỗi quý',
     'Kiểm tra công vụ đột xuất việc tiếp nhận, giải quyết hồ sơ tại Trung tâm và các phòng chuyên môn'),
    (VP, ['Khảo sát mức độ hài lòng'], None, None, '2026-10-31', None, 'Tháng 10/2026',
     'Khảo sát mức độ hài lòng của người dân đối với việc giải quyết TTHC (tối thiểu 300 phiếu)'),
    (VP, ['Tự đánh giá, chấm điểm Chỉ số cải cách hành chính', 'gửi Sở Nội vụ'], 'Sở Nội vụ', None, '2026-11-15',
     None, 'Trước 15/11/2026',
     'Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2026 của phường, gửi Sở Nội vụ'),
    (VP, ['Sơ kết thực hiện Kế hoạch', 'đề xuất khen thưởng'], None, None, '2026-12-31', None, 'Tháng 12/2026',
     'Sơ kết thực hiện Kế hoạch; đề xuất khen thưởng 03 tổ dân phố có tỷ lệ hồ sơ trực tuyến toàn trình cao nhất'),
]:
    unit, kw, rec, via, dl, rc, dtext, task = row
    o(unit, C3, kw, rec, via, dl, rc, dtext, task)

C4 = '112-QĐ/ĐU'
CUV = 'Các đồng chí được phân công tại Điều 1'
o(CUV, C4, ['Dự sinh hoạt của chi bộ'], None, None, None, 'hằng quý', 'ít nhất 01 lần mỗi quý',
  'a) Dự sinh hoạt của chi bộ được phân công phụ trách ít nhất 01 lần mỗi quý; quán triệt, đôn đốc chi bộ thực hiện '
  'nghị quyết, chỉ thị của cấp trên và của Đảng ủy xã về CCHC, chuyển đổi số;')
o(CUV, C4, ['làm việc với cấp ủy các chi bộ'], None, None, '2026-08-31', None, 'Trong tháng 8/2026',
  'b) Trong tháng 8/2026, làm việc với cấp ủy các chi bộ được phân công phụ trách để nắm tình hình, thống nhất nội '
  'dung lãnh đạo CCHC, chuyển đổi số đến cuối năm 2026;')
o(CUV, C4, ['Theo dõi, đôn đốc', 'báo cáo Ban Thường vụ Đảng ủy xã'], 'Ban Thường vụ Đảng ủy xã',
  'Văn phòng Đảng ủy xã', None, 'hằng quý', 'hằng quý, trước ngày 25 của tháng cuối quý',
  'c) Theo dõi, đôn đốc việc thực hiện nhiệm vụ thuộc lĩnh vực được giao; báo cáo Ban Thường vụ Đảng ủy xã (qua Văn '
  'phòng Đảng ủy xã) hằng quý, trước ngày 25 của tháng cuối quý.')
o('Các chi bộ trực thuộc', C4, ['Đưa nội dung CCHC, chuyển đổi số vào sinh hoạt định kỳ'], None, None, None,
  'hằng tháng', 'sinh hoạt định kỳ hằng tháng',
  'a) Đưa nội dung CCHC, chuyển đổi số vào sinh hoạt định kỳ hằng tháng của chi bộ;')
o('Các chi bộ trực thuộc', C4, ['Báo cáo kết quả lãnh đạo thực hiện CCHC, chuyển đổi số'], 'Ban Thường vụ Đảng ủy xã',
  'Văn phòng Đảng ủy xã', None, 'hằng quý', 'hằng quý, trước ngày 20 của tháng cuối quý',
  'b) Báo cáo kết quả lãnh đạo thực hiện CCHC, chuyển đổi số của chi bộ về Ban Thường vụ Đảng ủy xã (qua Văn phòng '
  'Đảng ủy xã) hằng quý, trước ngày 20 của tháng cuối quý, đồng thời gửi đồng chí cấp ủy viên phụ trách.')
o('Các chi bộ thôn', C4, ['tổ chức sinh hoạt chuyên đề'], None, None, '2026-09-30', None, 'trong quý III/2026',
  '3. Các chi bộ thôn tổ chức sinh hoạt chuyên đề "Cải cách hành chính gắn với chuyển đổi số ở khu dân cư" trong quý '
  'III/2026, mời đồng chí cấp ủy viên phụ trách dự.')
o('Văn phòng Đảng ủy xã', C4, ['Cập nhật danh sách phân công'], None, None, None, None,
  'trong thời hạn 03 ngày làm việc kể từ ngày ký Quyết định này',
  'a) Cập nhật danh sách phân công tại Điều 1 lên Hệ thống thông tin điều hành tác nghiệp của Đảng bộ tỉnh trong thời '
  'hạn 03 ngày làm việc kể từ ngày ký Quyết định này;')
o('Văn phòng Đảng ủy xã', C4, ['Tổng hợp báo cáo', 'tham mưu Ban Thường vụ Đảng ủy xã báo cáo Ban Thường vụ Tỉnh ủy'],
  'Ban Thường vụ Tỉnh ủy', 'Văn phòng Tỉnh ủy', None, '6 tháng', 'trước ngày 10/6 và ngày 10/12 hằng năm',
  'b) Tổng hợp báo cáo của các đồng chí cấp ủy viên và các chi bộ, tham mưu Ban Thường vụ Đảng ủy xã báo cáo Ban '
  'Thường vụ Tỉnh ủy (qua Văn phòng Tỉnh ủy) trước ngày 10/6 và ngày 10/12 hằng năm.')
o('Ủy ban Kiểm tra Đảng ủy xã', C4, ['kiểm tra thực hiện Quyết định này'], None, None, '2026-12-31', None,
  'trong quý IV/2026',
  '5. Việc kiểm tra thực hiện Quyết định này tại ít nhất 04 chi bộ trực thuộc do Ủy ban Kiểm tra Đảng ủy xã thực hiện '
  'trong quý IV/2026.')

# ------------------------------------------------------------------ write
lines = []
for i, (kind, doc, texts, must, anchors) in enumerate(Q, 1):
    for suffix, text in zip('abc', texts):
        r = {'id': 'q6b%03d%s' % (i, suffix), 'kind': kind, 'question': N(text),
             'must_include': [[N(x) for x in g] for g in must], 'gold_anchor': [N(x) for x in anchors], 'doc': doc}
        if kind == 'out_of_scope':
            r['expect_abstain'] = True
        lines.append(json.dumps(r, ensure_ascii=False))
open(os.path.join(BASE, 'qa.jsonl'), 'w', encoding='utf-8').write('\n'.join(lines) + '\n')
O = [{k: (N(v) if isinstance(v, str) else [N(x) for x in v] if isinstance(v, list) else v) for k, v in x.items()}
     for x in O]
open(os.path.join(BASE, 'obligations.json'), 'w', encoding='utf-8').write(
    json.dumps(O, ensure_ascii=False, indent=1) + '\n')
open(os.path.join(BASE, 'num2doc.json'), 'w', encoding='utf-8').write(
    json.dumps(NUM2DOC, ensure_ascii=False, indent=1) + '\n')
print(len(Q), 'base questions,', len(lines), 'lines,', len(O), 'duties')
