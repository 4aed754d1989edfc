"""Writes qa.jsonl, obligations.json and num2doc.json of heldout6/a."""
import json
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(HERE, '..')
N = lambda s: unicodedata.normalize('NFC', s)

QD = 'quyet-dinh-giao-du-toan-kinh-phi-cchc-nam-2027.doc'
KH = 'ke-hoach-lien-tich-mttq-so-noi-vu-giam-sat-phan-bien-cchc-2027.md'
CV = 'cong-van-tra-loi-kien-nghi-ho-tich-chung-thuc-cac-xa-2027.pdf'
TB = 'thong-bao-phan-cong-nhiem-vu-giao-ban-cchc-quy-i-2027.pdf'
NUM2DOC = {'52/QĐ-UBND': QD, '03/KHLT-MTTQ-SNV': KH, '472/STP-HCTP': CV, '118/TB-VP': TB}

Q = []  # (kind, doc, (a, b, c), must_include, gold_anchor)


def q(kind, doc, a, b, c, must=(), anchors=()):
    Q.append((kind, doc, (a, b, c), [list(g) for g in must], list(anchors)))


def abstain(doc, a, b, c):
    Q.append(('out_of_scope', doc, (a, b, c), [], []))


# ------------------------------------------------------------------ 52/QĐ-UBND (giao dự toán, .doc)
q('metadata', QD,
  'Quyết định 52/QĐ-UBND của UBND tỉnh Hưng Yên được ban hành ngày nào, về việc gì và có hiệu lực từ khi nào?',
  'qd 52 ubnd tinh ngay nao, ve viec gi, hieu luc tu bao gio',
  'QĐ 52/QĐ-UBND: ngày ban hành, trích yếu, hiệu lực?',
  [['14 tháng 01 năm 2027', '14/01/2027'], ['giao dự toán kinh phí thực hiện nhiệm vụ cải cách hành chính năm 2027'],
   ['kể từ ngày ký']],
  ['Về việc giao dự toán kinh phí thực hiện nhiệm vụ cải cách hành chính năm 2027'])
q('signer', QD,
  'Ai ký Quyết định giao dự toán kinh phí thực hiện nhiệm vụ cải cách hành chính năm 2027 của tỉnh, và ký với thẩm quyền gì?',
  'qd giao kinh phi cchc 2027 cua tinh ai ky, ky voi tu cach gi',
  'Người ký QĐ giao dự toán CCHC 2027 — chức danh, thẩm quyền?',
  [['Nguyễn Thị Thanh Hương'], ['PHÓ CHỦ TỊCH'], ['KT. CHỦ TỊCH'], ['TM. ỦY BAN NHÂN DÂN']],
  ['Nguyễn Thị Thanh Hương'])
q('table_total', QD,
  'Tổng kinh phí cải cách hành chính năm 2027 giao theo Quyết định 52/QĐ-UBND là bao nhiêu, và chia cho khối sở, ngành và khối xã, phường thế nào?',
  'tong kinh phi cchc 2027 theo qd 52 la bao nhieu, khoi so nganh va khoi xa phuong moi ben bao nhieu',
  'QĐ 52: tổng dự toán CCHC 2027, Cộng I, Cộng II?',
  [['8.270'], ['6.970'], ['1.300']],
  ['Tổng cộng (I + II)'])
q('table_max', QD,
  'Theo Phụ lục của Quyết định 52/QĐ-UBND, đơn vị nào được giao nhiều kinh phí cải cách hành chính năm 2027 nhất, bao nhiêu tiền và để làm gì?',
  'don vi nao duoc giao kinh phi cchc 2027 nhieu nhat theo qd 52, bao nhieu trieu, lam gi',
  'Nhiều tiền nhất trong Phụ lục dự toán CCHC 2027 — đơn vị, số tiền, nội dung?',
  [['Sở Khoa học và Công nghệ'], ['2.350'], ['Nâng cấp Hệ thống thông tin giải quyết TTHC tỉnh']],
  ['Nâng cấp Hệ thống thông tin giải quyết TTHC tỉnh; bảo đảm an toàn thông tin, kết nối với Cổng Dịch vụ công quốc gia'])
q('table_min', QD,
  'Trong Phụ lục của Quyết định giao dự toán kinh phí CCHC năm 2027, xã, phường nào được giao ít kinh phí nhất và số tiền là bao nhiêu?',
  'xa phuong nao duoc giao it kinh phi cchc 2027 nhat, bao nhieu trieu',
  'Ít nhất khối xã, phường — dự toán CCHC 2027?',
  [['UBND xã Quỳnh Phụ', 'xã Quỳnh Phụ'], ['190']],
  ['Duy trì Tổ công nghệ số cộng đồng; tuyên truyền dịch vụ công trực tuyến'])
q('table_cell', QD,
  'Trung tâm Phục vụ hành chính công tỉnh được giao bao nhiêu kinh phí cải cách hành chính năm 2027, cho những nội dung gì, và trong đó bao nhiêu dành cho dịch vụ bưu chính công ích?',
  'tt pvhcc tinh duoc giao bao nhieu kinh phi cchc 2027, noi dung gi, bao nhieu cho buu chinh cong ich',
  'Trung tâm PVHCC tỉnh: kinh phí 2027, nội dung, phần bưu chính công ích?',
  [['1.280'], ['Số hóa hồ sơ, kết quả giải quyết TTHC'], ['180 triệu đồng']],
  ['Số hóa hồ sơ, kết quả giải quyết TTHC; chi trả dịch vụ bưu chính công ích'])
q('table_filter', QD,
  'Những đơn vị nào được giao kinh phí năm 2027 cho việc số hóa Sổ hộ tịch theo Quyết định 52/QĐ-UBND?',
  'nhung don vi nao duoc cap tien so hoa so ho tich theo qd 52',
  'Số hóa Sổ hộ tịch — đơn vị nào có kinh phí (QĐ 52)?',
  [['UBND xã Khoái Châu', 'xã Khoái Châu'], ['UBND xã Tiền Hải', 'xã Tiền Hải'], ['Sở Tư pháp']],
  ['Số hóa Sổ hộ tịch; trang bị thiết bị đánh giá sự hài lòng tại quầy'])
q('table_count', QD,
  'Có bao nhiêu xã, phường được giao kinh phí cải cách hành chính năm 2027 tại Quyết định 52/QĐ-UBND, và đó là những xã, phường nào?',
  'bao nhieu xa phuong duoc giao kinh phi cchc 2027 trong qd 52, la nhung xa nao',
  'Số xã, phường ở Mục II Phụ lục QĐ 52 và tên từng nơi?',
  [['05 xã, phường', '05'], ['Phố Hiến'], ['Mỹ Hào'], ['Khoái Châu'], ['Quỳnh Phụ'], ['Tiền Hải']],
  ['II. Khối xã, phường'])
q('table_compare', QD,
  'Theo Quyết định giao dự toán kinh phí CCHC năm 2027, phường Phố Hiến và phường Mỹ Hào mỗi phường được giao bao nhiêu, phường nào nhiều hơn?',
  'phuong pho hien va phuong my hao duoc giao kinh phi cchc 2027 bao nhieu, phuong nao nhieu hon',
  'Phố Hiến so với Mỹ Hào — kinh phí CCHC 2027?',
  [['340'], ['280']],
  ['Vận hành Chi nhánh Trung tâm Phục vụ hành chính công tỉnh tại phường; số hóa hồ sơ tồn đọng'])
q('obligation', QD,
  'Các sở, ngành và xã, phường được giao kinh phí CCHC năm 2027 phải gửi báo cáo quyết toán cho cơ quan nào, trước ngày nào; riêng các xã, phường trong Phụ lục còn phải làm gì, hạn nào?',
  'cac don vi duoc giao kinh phi cchc 2027 quyet toan gui ai truoc ngay nao; xa phuong trong phu luc phai lam gi them, han nao',
  'QĐ 52: hạn quyết toán kinh phí CCHC 2027; hạn kế hoạch sử dụng kinh phí của xã, phường?',
  [['28/02/2028'], ['Sở Tài chính'], ['26/02/2027']],
  ['b) Lập báo cáo quyết toán kinh phí thực hiện nhiệm vụ CCHC năm 2027, gửi Sở Tài chính trước ngày 28/02/2028; '
   'kinh phí không sử dụng hết phải nộp trả ngân sách tỉnh theo quy định;',
   '2. Chủ tịch UBND các xã, phường có tên tại Mục II Phụ lục ban hành kế hoạch sử dụng kinh phí chi tiết theo từng '
   'nội dung, gửi Sở Tài chính và Sở Nội vụ trước ngày 26/02/2027.'])
q('lookup', QD,
  'Theo Quyết định 52/QĐ-UBND, nếu đến hết ngày 30/9/2027 một đơn vị giải ngân dưới 60% dự toán được giao thì phải làm gì, trước ngày nào?',
  'qd 52: den het 30/9/2027 giai ngan duoi 60% thi phai lam gi, han nao',
  'Giải ngân dưới 60% đến 30/9/2027 — xử lý ra sao?',
  [['giải trình'], ['Sở Tài chính'], ['10/10/2027'], ['điều chỉnh, điều chuyển dự toán']],
  ['c) Trường hợp đến hết ngày 30/9/2027 tỷ lệ giải ngân dưới 60% dự toán được giao, có văn bản giải trình gửi Sở Tài '
   'chính trước ngày 10/10/2027 để tổng hợp, trình UBND tỉnh điều chỉnh, điều chuyển dự toán.'])
q('lead', QD,
  'Cơ quan nào chủ trì kiểm tra việc quản lý, sử dụng kinh phí cải cách hành chính năm 2027, phối hợp với ai, kiểm tra ít nhất bao nhiêu đơn vị và vào thời gian nào?',
  'ai chu tri kiem tra su dung kinh phi cchc 2027, phoi hop voi ai, it nhat may don vi, khi nao',
  'Kiểm tra sử dụng kinh phí CCHC 2027: chủ trì, phối hợp, số đơn vị, thời gian?',
  [['Sở Tài chính'], ['Sở Nội vụ'], ['04 đơn vị'], ['quý III/2027']],
  ['c) Chủ trì, phối hợp với Sở Nội vụ kiểm tra việc quản lý, sử dụng kinh phí tại ít nhất 04 đơn vị trong quý '
   'III/2027;'])
q('reporting', QD,
  'Tình hình giải ngân kinh phí CCHC năm 2027 được cơ quan nào tổng hợp, báo cáo UBND tỉnh, bao lâu một lần và gửi qua đâu?',
  'ai tong hop bc giai ngan kinh phi cchc 2027 cho ubnd tinh, bao lau 1 lan, qua dau',
  'Báo cáo giải ngân kinh phí CCHC 2027: ai làm, kỳ báo cáo, qua đâu?',
  [['Sở Tài chính'], ['Hằng quý'], ['trước ngày 15 của tháng đầu quý sau'], ['Văn phòng UBND tỉnh']],
  ['b) Hằng quý, trước ngày 15 của tháng đầu quý sau, tổng hợp tình hình giải ngân kinh phí CCHC, báo cáo UBND tỉnh '
   '(qua Văn phòng UBND tỉnh);'])
abstain(QD,
        'Theo Quyết định giao dự toán kinh phí CCHC năm 2027, định mức chi cho mỗi phiếu khảo sát SIPAS là bao nhiêu đồng?',
        'qd 52 dinh muc chi moi phieu khao sat sipas bao nhieu tien',
        'Đơn giá một phiếu SIPAS 2027 trong QĐ giao kinh phí?')
abstain(QD,
        'Năm 2026, UBND tỉnh Hưng Yên đã giao tổng cộng bao nhiêu kinh phí cho nhiệm vụ cải cách hành chính?',
        'nam 2026 tinh giao tong bao nhieu kinh phi cho cchc',
        'Tổng kinh phí CCHC giao năm 2026?')

# ------------------------------------------------------------------ 03/KHLT-MTTQ-SNV (Kế hoạch liên tịch, .md)
q('metadata', KH,
  'Kế hoạch liên tịch số 03/KHLT-MTTQ-SNV do những cơ quan nào ban hành, ngày nào và về nội dung gì?',
  'khlt 03 mttq snv do ai ban hanh, ngay nao, ve viec gi',
  'KHLT 03/KHLT-MTTQ-SNV: cơ quan ban hành, ngày, trích yếu?',
  [['Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'BAN THƯỜNG TRỰC'], ['Sở Nội vụ'],
   ['04 tháng 02 năm 2027'], ['giám sát, phản biện xã hội']],
  ['Phối hợp giám sát, phản biện xã hội đối với việc thực hiện cải cách hành chính năm 2027'])
q('signer', KH,
  'Ai ký Kế hoạch liên tịch giữa Ủy ban MTTQ Việt Nam tỉnh và Sở Nội vụ về giám sát, phản biện cải cách hành chính năm 2027, mỗi người ký với chức danh gì?',
  'khlt giam sat phan bien cchc 2027 giua mttq tinh va snv ai ky, chuc danh gi',
  'Hai người ký KHLT 03 — tên và chức danh?',
  [['Quách Văn Tuấn'], ['PHÓ CHỦ TỊCH'], ['Phạm Thị Thu Hà'], ['GIÁM ĐỐC SỞ NỘI VỤ']],
  ['Quách Văn Tuấn', 'Phạm Thị Thu Hà'])
q('table_cell', KH,
  'Theo Kế hoạch liên tịch giám sát CCHC năm 2027, đoàn giám sát làm việc tại xã Khoái Châu vào ngày nào, nội dung trọng tâm là gì và cơ quan nào chủ trì đoàn?',
  'doan giam sat o xa khoai chau ngay nao, noi dung trong tam gi, ai chu tri doan (khlt 03)',
  'Xã Khoái Châu — ngày giám sát, trọng tâm, cơ quan chủ trì?',
  [['15/4/2027'], ['Đăng ký hộ tịch, chứng thực'], ['Ủy ban MTTQ Việt Nam tỉnh']],
  ['| 2 | Xã Khoái Châu | 15/4/2027 | Đăng ký hộ tịch, chứng thực | Ủy ban MTTQ Việt Nam tỉnh |'])
q('table_count', KH,
  'Trong năm 2027, Sở Nội vụ chủ trì đoàn giám sát tại bao nhiêu xã, phường theo Kế hoạch liên tịch với Ủy ban MTTQ tỉnh, và đó là những nơi nào?',
  'snv chu tri doan giam sat o may xa phuong theo khlt 03, la nhung xa nao',
  'Số địa bàn Sở Nội vụ chủ trì giám sát năm 2027, tên từng nơi?',
  [['04'], ['Xã Yên Mỹ'], ['Xã Ân Thi'], ['Phường Mỹ Hào'], ['Xã Vũ Thư']],
  ['a) Chủ trì các đoàn giám sát tại 04 địa bàn có tên tại Bảng ở Mục II.1; cử công chức Phòng Cải cách hành chính '
   'tham gia các đoàn giám sát do Ủy ban MTTQ Việt Nam tỉnh chủ trì.'])
q('table_filter', KH,
  'Những xã, phường nào được giám sát trong đợt 2 (quý III/2027) theo Kế hoạch liên tịch số 03/KHLT-MTTQ-SNV?',
  'dot 2 quy 3/2027 giam sat nhung xa phuong nao theo khlt 03',
  'Đợt 2 giám sát CCHC năm 2027 — những địa bàn nào?',
  [['Phường Mỹ Hào'], ['Xã Quỳnh Phụ'], ['Xã Tiền Hải'], ['Xã Vũ Thư']],
  ['Đợt 2 (quý III/2027)'])
q('obligation', KH,
  'Sở Nội vụ phải gửi hồ sơ dự thảo Quyết định về đánh giá, xếp loại chất lượng phục vụ của Trung tâm Phục vụ hành chính công cấp xã cho Ban Thường trực Ủy ban MTTQ tỉnh trước ngày nào, và phải tiếp thu, giải trình ý kiến phản biện trong bao lâu?',
  'snv gui ho so du thao qd danh gia xep loai tt pvhcc xa cho mttq tinh truoc ngay nao, tiep thu giai trinh phan bien trong bao lau',
  'Hạn Sở Nội vụ gửi dự thảo đi phản biện; hạn tiếp thu, giải trình?',
  [['15/5/2027'], ['15 ngày kể từ ngày nhận văn bản phản biện']],
  ['b) Gửi hồ sơ dự thảo Quyết định nêu tại Mục II.2 đến Ban Thường trực trước ngày 15/5/2027; tiếp thu, giải trình ý '
   'kiến phản biện bằng văn bản trong thời hạn 15 ngày kể từ ngày nhận văn bản phản biện.'])
q('lookup', KH,
  'Hội nghị phản biện xã hội trong Kế hoạch liên tịch 03/KHLT-MTTQ-SNV phản biện dự thảo văn bản nào, tổ chức khi nào, ai chủ trì, và văn bản phản biện được gửi trong bao lâu?',
  'hoi nghi phan bien trong khlt 03 phan bien van ban gi, khi nao, ai chu tri, gui van ban phan bien trong may ngay',
  'Phản biện xã hội 2027 (KHLT 03): dự thảo nào, thời gian, chủ trì, hạn gửi văn bản?',
  [['Quy định đánh giá, xếp loại chất lượng phục vụ của Trung tâm Phục vụ hành chính công cấp xã'], ['tháng 6/2027'],
   ['Ban Thường trực'], ['10 ngày']],
  ['b) Chủ trì hội nghị phản biện xã hội dự thảo Quyết định nêu tại Mục II.2 trong tháng 6/2027; gửi văn bản phản biện '
   'đến Sở Nội vụ trong thời hạn 10 ngày kể từ ngày tổ chức hội nghị.'])
q('reporting', KH,
  'Ban Thường trực Ủy ban MTTQ Việt Nam các xã, phường gửi tổng hợp phản ánh, kiến nghị của Nhân dân về thủ tục hành chính cho ai, qua đâu và khi nào?',
  'mttq xa phuong gui tong hop phan anh kien nghi ve tthc cho ai, qua dau, khi nao',
  'Phản ánh về TTHC từ MTTQ xã, phường: gửi ai, qua đâu, hạn?',
  [['Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh'], ['Ban Dân chủ - Pháp luật'], ['hằng tháng, trước ngày 25']],
  ['b) Tổng hợp phản ánh, kiến nghị của Nhân dân về TTHC, gửi Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh (qua Ban Dân '
   'chủ - Pháp luật) hằng tháng, trước ngày 25.'])
q('lead', KH,
  'Cơ quan nào chủ trì tổng hợp kết quả thực hiện Kế hoạch liên tịch giám sát, phản biện CCHC năm 2027, báo cáo ai và hạn chót là ngày nào?',
  'ai chu tri tong hop ket qua khlt giam sat phan bien cchc 2027, bc ai, han khi nao',
  'Tổng hợp, báo cáo kết quả KHLT 03: chủ trì, nơi nhận, hạn?',
  [['Sở Nội vụ'], ['Ban Thường vụ Tỉnh ủy'], ['UBND tỉnh'], ['15/12/2027']],
  ['b) Sở Nội vụ chủ trì, phối hợp với Ban Thường trực tổng hợp kết quả thực hiện Kế hoạch liên tịch, báo cáo Ban '
   'Thường vụ Tỉnh ủy và UBND tỉnh trước ngày 15/12/2027.'])
q('contact', KH,
  'Đầu mối liên hệ thực hiện Kế hoạch liên tịch giữa Ủy ban MTTQ tỉnh và Sở Nội vụ năm 2027 là ai, số điện thoại bao nhiêu?',
  'dau moi lien he khlt mttq tinh - snv 2027 la ai, sdt bao nhieu',
  'Liên hệ KHLT 03: người, điện thoại, email?',
  [['Đàm Quang Vinh'], ['0221 3863 127'], ['Thân Thị Hồng Gấm'], ['0221 3546 205']],
  ['Đầu mối liên hệ: ông Đàm Quang Vinh, Phó Trưởng ban Dân chủ - Pháp luật, Ủy ban MTTQ Việt Nam tỉnh, điện thoại '
   '0221 3863 127'])
q('lookup', KH,
  'Sở Nội vụ bố trí bao nhiêu kinh phí cho các hoạt động phối hợp theo Kế hoạch liên tịch 03/KHLT-MTTQ-SNV, và lấy từ nguồn nào?',
  'snv bo tri bao nhieu tien cho khlt 03, lay tu nguon nao',
  'Kinh phí phối hợp của Sở Nội vụ (KHLT 03) — số tiền, nguồn?',
  [['150 triệu đồng'], ['52/QĐ-UBND']],
  ['d) Bố trí 150 triệu đồng cho các hoạt động phối hợp tại Kế hoạch này từ dự toán kinh phí CCHC năm 2027 của Sở '
   'Nội vụ được giao tại Quyết định số 52/QĐ-UBND ngày 14/01/2027 của UBND tỉnh.'])
q('people', KH,
  'Ai làm Trưởng đoàn các đoàn giám sát theo Kế hoạch liên tịch giám sát CCHC năm 2027, và mỗi đoàn có bao nhiêu thành viên?',
  'ai lam truong doan giam sat theo khlt cchc 2027, moi doan may nguoi',
  'Trưởng đoàn giám sát (KHLT 03) và số thành viên mỗi đoàn?',
  [['Quách Văn Tuấn'], ['Mai Xuân Trường'], ['từ 05 đến 07 thành viên']],
  ['Đoàn do Ủy ban MTTQ Việt Nam tỉnh chủ trì do ông Quách Văn Tuấn, Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh làm '
   'Trưởng đoàn; đoàn do Sở Nội vụ chủ trì do ông Mai Xuân Trường, Phó Giám đốc Sở Nội vụ làm Trưởng đoàn.'])
q('summary', KH,
  'Kế hoạch liên tịch giữa Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh và Sở Nội vụ năm 2027 gồm những nội dung phối hợp chính nào?',
  'khlt mttq tinh va snv 2027 gom nhung noi dung phoi hop chinh nao',
  'Tóm tắt các nội dung phối hợp của KHLT 03/KHLT-MTTQ-SNV?',
  [['Giám sát chuyên đề'], ['Phản biện xã hội'], ['Khảo sát sự hài lòng', 'SIPAS'], ['phản ánh, kiến nghị']],
  ['II. NỘI DUNG PHỐI HỢP'])
abstain(KH,
        'Đoàn giám sát làm việc tại phường Phố Hiến ngày 13/4/2027 đã phát hiện những tồn tại gì và kiến nghị ra sao?',
        'doan giam sat o phuong pho hien 13/4/2027 phat hien ton tai gi, kien nghi gi',
        'Phố Hiến, giám sát 13/4/2027 — kết quả, kiến nghị?')
abstain(KH,
        'Ủy ban MTTQ Việt Nam tỉnh bố trí bao nhiêu tiền cho hoạt động giám sát, phản biện cải cách hành chính năm 2027?',
        'mttq tinh bo tri bao nhieu tien cho giam sat phan bien cchc 2027',
        'Số tiền của Ủy ban MTTQ tỉnh cho giám sát, phản biện CCHC 2027?')

# ------------------------------------------------------------------ 472/STP-HCTP (Công văn trả lời kiến nghị, .pdf)
q('metadata', CV,
  'Công văn số 472/STP-HCTP của Sở Tư pháp được ban hành ngày nào, gửi những đơn vị nào và về việc gì?',
  'cv 472 stp ngay nao, gui ai, ve viec gi',
  'CV 472/STP-HCTP: ngày, nơi nhận, V/v?',
  [['23 tháng 3 năm 2027'], ['UBND xã Khoái Châu'], ['UBND xã Quỳnh Phụ'], ['UBND xã Tiền Hải'], ['trả lời kiến nghị']],
  ['V/v trả lời kiến nghị của UBND các xã Khoái Châu, Quỳnh Phụ, Tiền Hải về hộ tịch, chứng thực, hòa giải ở cơ sở'])
q('signer', CV,
  'Ai ký công văn trả lời kiến nghị của Sở Tư pháp gửi UBND các xã Khoái Châu, Quỳnh Phụ, Tiền Hải, và ký với chức danh gì?',
  'cv tra loi kien nghi cua stp gui 3 xa khoai chau quynh phu tien hai ai ky, chuc danh gi',
  'Người ký CV 472 của Sở Tư pháp — chức danh?',
  [['Chu Đức Lâm'], ['PHÓ GIÁM ĐỐC'], ['KT. GIÁM ĐỐC']],
  ['Chu Đức Lâm'])
q('lookup', CV,
  'Theo trả lời của Sở Tư pháp, trẻ em được đăng ký khai sinh sau thời hạn 60 ngày thì UBND xã Khoái Châu xử lý thế nào, căn cứ điều luật nào?',
  'stp tra loi: tre dang ky khai sinh qua 60 ngay thi xa khoai chau xu ly the nao, can cu dieu nao',
  'Khai sinh quá hạn — Sở Tư pháp trả lời xã Khoái Châu thế nào?',
  [['60 ngày'], ['khoản 1 Điều 15 Luật Hộ tịch'], ['Điều 16 Luật Hộ tịch'],
   ['không yêu cầu người đi đăng ký nộp thêm giấy tờ']],
  ['Theo khoản 1 Điều 15 Luật Hộ tịch năm 2014, trong thời hạn 60 ngày kể từ ngày sinh con, cha hoặc mẹ có trách '
   'nhiệm đăng ký khai sinh cho con.'])
q('lookup', CV,
  'Theo công văn trả lời của Sở Tư pháp, UBND xã có được chứng thực bản sao từ bản chính Giấy khai sinh do cơ quan có thẩm quyền của Hàn Quốc cấp không?',
  'xa co duoc chung thuc ban sao giay khai sinh do han quoc cap ko (cv 472 stp)',
  'Chứng thực bản sao giấy tờ nước ngoài tại xã — điều kiện, căn cứ?',
  [['hợp pháp hóa lãnh sự'], ['khoản 2 Điều 20 Nghị định số 23/2015/NĐ-CP']],
  ['Vì vậy, UBND xã chỉ chứng thực bản sao khi Giấy khai sinh nêu trên đã được hợp pháp hóa lãnh sự.'])
q('lookup', CV,
  'Công dân thường trú ở xã Quỳnh Phụ chết tại bệnh viện ở Hà Nội thì UBND xã nào đăng ký khai tử, và thời hạn đi đăng ký khai tử là bao lâu?',
  'nguoi thuong tru o quynh phu chet o benh vien ha noi thi dang ky khai tu o dau, han may ngay',
  'Khai tử cho người chết ngoài tỉnh: thẩm quyền, thời hạn (CV 472)?',
  [['UBND xã Quỳnh Phụ có thẩm quyền đăng ký khai tử', 'nơi cư trú cuối cùng của người chết'], ['15 ngày'],
   ['Điều 32'], ['Điều 33']],
  ['Như vậy, UBND xã Quỳnh Phụ có thẩm quyền đăng ký khai tử cho trường hợp nêu trên.'])
q('lookup', CV,
  'Theo trả lời của Sở Tư pháp cho xã Quỳnh Phụ, mỗi tổ hòa giải cần tối thiểu bao nhiêu hòa giải viên, và xã phải kiện toàn tổ hòa giải ở các thôn mới trong thời gian nào?',
  'to hoa giai can toi thieu may hoa giai vien, xa quynh phu kien toan to hoa giai khi nao',
  'Tổ hòa giải: số hòa giải viên tối thiểu; hạn kiện toàn ở Quỳnh Phụ?',
  [['03 hòa giải viên'], ['khoản 1 Điều 12 Luật Hòa giải ở cơ sở'], ['tháng 5/2027']],
  ['Đề nghị UBND xã Quỳnh Phụ kiện toàn tổ hòa giải ở 06 thôn sau sáp nhập, hoàn thành trong tháng 5/2027, gửi danh '
   'sách tổ trưởng tổ hòa giải về Sở Tư pháp (qua Phòng Phổ biến, giáo dục pháp luật) để cập nhật.'])
q('lookup', CV,
  'Sổ đăng ký khai sinh bị mất trang và người dân cũng không còn bản chính Giấy khai sinh thì xã Tiền Hải có được đăng ký lại khai sinh không, căn cứ quy định nào?',
  'so khai sinh bi mat trang, dan ko con ban chinh thi xa tien hai dang ky lai khai sinh duoc ko, can cu nao',
  'Đăng ký lại khai sinh ở xã Tiền Hải — điều kiện, căn cứ?',
  [['01/01/2016'], ['khoản 1 Điều 24 Nghị định số 123/2015/NĐ-CP'], ['Điều 26']],
  ['UBND xã Tiền Hải thực hiện đăng ký lại khai sinh theo thủ tục tại Điều 26 Nghị định số 123/2015/NĐ-CP.'])
q('lookup', CV,
  'Người dân nộp yêu cầu chứng thực bản sao tại Trung tâm Phục vụ hành chính công xã lúc 16 giờ 20 phút thì khi nào được trả kết quả, theo trả lời của Sở Tư pháp?',
  'nop yeu cau chung thuc ban sao luc 16h20 thi khi nao tra ket qua',
  'Chứng thực nhận sau 15 giờ — trả kết quả khi nào?',
  [['ngày làm việc tiếp theo'], ['sau 15 giờ', '15 giờ'], ['Điều 7 Nghị định số 23/2015/NĐ-CP']],
  ['Do đó, yêu cầu tiếp nhận lúc 16 giờ 20 phút được trả kết quả trong ngày làm việc tiếp theo'])
q('obligation', CV,
  'Công văn 472/STP-HCTP đề nghị UBND xã Tiền Hải làm gì, trước ngày nào, và Sở Tư pháp hỗ trợ xã việc gì?',
  'cv 472 yeu cau xa tien hai lam gi, truoc ngay nao; stp ho tro xa cai gi',
  'Xã Tiền Hải — việc phải làm, hạn; hỗ trợ của Sở Tư pháp?',
  [['lập danh mục Sổ hộ tịch bị hư hỏng'], ['15/4/2027'], ['số hóa Sổ hộ tịch'], ['quý II/2027']],
  ['Đề nghị UBND xã Tiền Hải lập danh mục Sổ hộ tịch bị hư hỏng, mất trang, gửi Sở Tư pháp trước ngày 15/4/2027.'])
q('reporting', CV,
  'Theo Sở Tư pháp, UBND xã Khoái Châu phải rà soát trẻ em chưa được đăng ký khai sinh đến khi nào, và báo cáo định kỳ về đâu, vào thời điểm nào?',
  'xa khoai chau ra soat tre chua dk khai sinh den khi nao, bc dinh ky ve dau, khi nao',
  'Khoái Châu: hạn rà soát khai sinh; báo cáo hằng tháng gửi đâu?',
  [['30/4/2027'], ['hằng tháng, trước ngày 25'], ['Phòng Hành chính tư pháp']],
  ['Đề nghị UBND xã Khoái Châu rà soát các trường hợp trẻ em sinh từ ngày 01/01/2026 chưa được đăng ký khai sinh trên '
   'địa bàn, hoàn thành trước ngày 30/4/2027; từ tháng 5/2027, báo cáo số trường hợp đăng ký khai sinh quá hạn về Sở '
   'Tư pháp (qua Phòng Hành chính tư pháp) hằng tháng, trước ngày 25.'])
q('obligation', CV,
  'Sau khi nhận công văn trả lời kiến nghị của Sở Tư pháp, UBND ba xã phải phổ biến nội dung trả lời cho những ai và trong thời hạn bao lâu?',
  '3 xa nhan cv tra loi kien nghi cua stp phai pho bien cho ai, trong bao lau',
  'Hạn phổ biến nội dung CV 472 tại các xã?',
  [['05 ngày làm việc'], ['công chức làm công tác tư pháp - hộ tịch']],
  ['Đề nghị UBND các xã Khoái Châu, Quỳnh Phụ, Tiền Hải phổ biến nội dung trả lời tại Công văn này đến công chức làm '
   'công tác tư pháp - hộ tịch và công chức Trung tâm Phục vụ hành chính công xã trong thời hạn 05 ngày làm việc kể '
   'từ ngày nhận Công văn.'])
q('lead', CV,
  'Đơn vị nào của Sở Tư pháp đăng tải nội dung trả lời kiến nghị lên Cổng thông tin điện tử, ở mục nào, trong bao lâu; và Sở tổ chức tập huấn hộ tịch, chứng thực khi nào?',
  'phong nao cua stp dang noi dung tra loi kien nghi len cong ttdt, muc nao, trong bao lau; stp tap huan ho tich chung thuc khi nao',
  'Đăng tải trả lời kiến nghị: đơn vị, mục, hạn; thời gian tập huấn?',
  [['Phòng Hành chính tư pháp'], ['Hỏi - đáp pháp luật'], ['03 ngày làm việc'], ['quý II/2027']],
  ['Nội dung trả lời tại Công văn này được Phòng Hành chính tư pháp đăng tải tại mục "Hỏi - đáp pháp luật" trên Cổng '
   'thông tin điện tử Sở Tư pháp trong thời hạn 03 ngày làm việc kể từ ngày ký.'])
q('contact', CV,
  'Nếu còn vướng mắc về nội dung trả lời kiến nghị, các xã liên hệ ai ở Sở Tư pháp, qua số điện thoại và thư điện tử nào?',
  'con vuong mac ve cv 472 thi lien he ai o stp, sdt, email',
  'Liên hệ ở Sở Tư pháp (CV 472): người, điện thoại, email?',
  [['Kiều Thị Vân Anh'], ['0221 3862 417'], ['anhktv.stp@hungyen.gov.vn']],
  ['bà Kiều Thị Vân Anh, chuyên viên Phòng Hành chính tư pháp'])
abstain(CV,
        'Cha, mẹ đăng ký khai sinh cho con quá thời hạn 60 ngày thì bị phạt tiền bao nhiêu?',
        'dk khai sinh cho con qua 60 ngay bi phat bao nhieu tien',
        'Mức phạt tiền khi đăng ký khai sinh quá hạn?')
abstain(CV,
        'Lệ phí chứng thực bản sao từ bản chính tại UBND xã là bao nhiêu đồng một trang?',
        'le phi chung thuc ban sao tu ban chinh o xa bao nhieu 1 trang',
        'Phí chứng thực bản sao mỗi trang?')

# ------------------------------------------------------------------ 118/TB-VP (Thông báo phân công, scanned .pdf)
q('metadata', TB,
  'Thông báo số 118/TB-VP của Văn phòng UBND tỉnh được ban hành ngày nào và thông báo về việc gì?',
  'tb 118 vp ubnd tinh ngay nao, thong bao ve viec gi',
  'TB 118/TB-VP: ngày, nội dung?',
  [['12 tháng 4 năm 2027'], ['Hội nghị giao ban công tác cải cách hành chính quý I năm 2027']],
  ['Phân công thực hiện nhiệm vụ sau Hội nghị giao ban công tác cải cách hành chính quý I năm 2027'])
q('signer', TB,
  'Ai ký Thông báo phân công nhiệm vụ sau Hội nghị giao ban công tác cải cách hành chính quý I/2027, với chức danh gì?',
  'tb phan cong nhiem vu sau giao ban cchc quy 1/2027 ai ky, chuc danh gi',
  'Người ký TB 118 — chức danh?',
  [['Trịnh Thu Trang'], ['PHÓ CHÁNH VĂN PHÒNG'], ['KT. CHÁNH VĂN PHÒNG']],
  ['Trịnh Thu Trang'])
q('people', TB,
  'Ai chủ trì Hội nghị giao ban công tác cải cách hành chính quý I/2027, hội nghị tổ chức ngày nào và ở đâu?',
  'ai chu tri hoi nghi giao ban cchc quy 1/2027, ngay nao, o dau',
  'Giao ban CCHC quý I/2027: chủ trì, ngày, địa điểm?',
  [['Nguyễn Thị Thanh Hương'], ['08/4/2027'], ['Phòng họp số 2']],
  ['Ngày 08/4/2027, tại Phòng họp số 2, trụ sở UBND tỉnh, đồng chí Nguyễn Thị Thanh Hương'])
q('lookup', TB,
  'Theo Thông báo 118/TB-VP, quý I/2027 toàn tỉnh tiếp nhận bao nhiêu hồ sơ TTHC, tỷ lệ trực tuyến toàn trình và tỷ lệ đúng hạn là bao nhiêu, còn bao nhiêu hồ sơ quá hạn?',
  'tb 118: quy 1/2027 nhan bao nhieu ho so, truc tuyen toan trinh, dung han bao nhieu %, qua han bao nhieu',
  'Số liệu TTHC quý I/2027 theo TB 118?',
  [['203.815'], ['71,4%'], ['98,6%'], ['1.126']],
  ['Quý I/2027, toàn tỉnh tiếp nhận 203.815 hồ sơ thủ tục hành chính (TTHC)'])
q('lookup', TB,
  'Đến ngày 31/3/2027, kinh phí CCHC năm 2027 đã giải ngân được bao nhiêu, đạt bao nhiêu phần trăm dự toán, và đơn vị nào chưa giải ngân?',
  'den 31/3/2027 giai ngan kinh phi cchc 2027 duoc bao nhieu, bao nhieu %, don vi nao chua giai ngan',
  'Giải ngân kinh phí CCHC 2027 đến 31/3/2027?',
  [['811 triệu đồng'], ['9,8%'], ['Sở Khoa học và Công nghệ']],
  ['mới giải ngân 811 triệu đồng, đạt 9,8% dự toán'])
q('table_cell', TB,
  'Nhiệm vụ trình công bố danh mục TTHC được cắt giảm thành phần hồ sơ được giao cho đơn vị nào chủ trì, đơn vị nào phối hợp, thời hạn đến khi nào?',
  'nv cong bo danh muc tthc cat giam thanh phan ho so giao ai chu tri, ai phoi hop, han khi nao (tb 118)',
  'Danh mục TTHC cắt giảm thành phần hồ sơ — chủ trì, phối hợp, hạn?',
  [['Văn phòng UBND tỉnh'], ['Các sở, ban, ngành'], ['31/5/2027']],
  ['Trình Chủ tịch UBND tỉnh công bố danh mục TTHC được cắt giảm thành phần hồ sơ do khai thác được từ cơ sở dữ liệu'])
q('table_filter', TB,
  'Theo bảng phân công tại Thông báo 118/TB-VP, Sở Nội vụ chủ trì những nhiệm vụ nào?',
  'tb 118: snv chu tri nhung nhiem vu nao',
  'Nhiệm vụ do Sở Nội vụ chủ trì (TB 118)?',
  [['Tổ chức 02 đoàn giám sát đợt 1'], ['Trình UBND tỉnh dự thảo Quyết định quy định đánh giá, xếp loại chất lượng phục vụ'],
   ['Tổng hợp kết quả thực hiện Thông báo này']],
  ['Tổ chức 02 đoàn giám sát đợt 1 tại xã Yên Mỹ, xã Ân Thi theo Kế hoạch liên tịch số 03/KHLT-MTTQ-SNV'])
q('table_count', TB,
  'Có bao nhiêu nhiệm vụ trong bảng phân công của Thông báo 118/TB-VP có thời hạn trước ngày 30/4/2027, và đó là những nhiệm vụ nào?',
  'bao nhieu nhiem vu trong tb 118 han truoc 30/4/2027, nhung nv nao',
  'Số nhiệm vụ hạn 30/4/2027 trong TB 118, kể tên?',
  [['Rà soát, giải quyết dứt điểm 1.126 hồ sơ quá hạn'], ['Hoàn thành lựa chọn nhà thầu']],
  ['Trước 30/4/2027'])
q('table_max', TB,
  'Trong bảng phân công của Thông báo phân công nhiệm vụ sau giao ban CCHC quý I/2027, nhiệm vụ nào có thời hạn hoàn thành muộn nhất và do ai chủ trì?',
  'nv nao trong tb 118 co han hoan thanh muon nhat, ai chu tri',
  'Hạn muộn nhất trong bảng TB 118 — nhiệm vụ, chủ trì?',
  [['31/7/2027'], ['Sở Nội vụ'], ['Trình UBND tỉnh dự thảo Quyết định']],
  ['Trình UBND tỉnh dự thảo Quyết định quy định đánh giá, xếp loại chất lượng phục vụ của Trung tâm Phục vụ hành chính '
   'công cấp xã sau phản biện xã hội'])
q('lead', TB,
  'Theo Thông báo 118/TB-VP, đơn vị nào chủ trì, đơn vị nào phối hợp tổ chức tập huấn chuyên sâu về hộ tịch, chứng thực cho công chức cấp xã, và hạn khi nào?',
  'tap huan ho tich chung thuc cho cong chuc xa: ai chu tri, ai phoi hop, han (tb 118)',
  'Tập huấn hộ tịch, chứng thực: chủ trì, phối hợp, hạn?',
  [['Sở Tư pháp'], ['Sở Nội vụ'], ['Trong quý II/2027']],
  ['Tập huấn chuyên sâu về hộ tịch, chứng thực cho công chức tư pháp - hộ tịch cấp xã'])
q('obligation', TB,
  'UBND các xã, phường được giao nhiệm vụ gì đối với hồ sơ quá hạn tại Thông báo 118/TB-VP, phối hợp với ai và hạn khi nào?',
  'tb 118 giao ubnd xa phuong lam gi voi ho so qua han, phoi hop voi ai, han nao',
  'Xã, phường — hồ sơ quá hạn quý I/2027: nhiệm vụ, phối hợp, hạn?',
  [['1.126'], ['Phiếu xin lỗi'], ['Trung tâm Phục vụ hành chính công tỉnh'], ['Trước 30/4/2027']],
  ['Rà soát, giải quyết dứt điểm 1.126 hồ sơ quá hạn của quý I/2027; gửi Phiếu xin lỗi đến người dân'])
q('reporting', TB,
  'Các đơn vị chủ trì nhiệm vụ theo Thông báo 118/TB-VP báo cáo tiến độ cho ai, qua đâu, vào thời điểm nào; Sở Nội vụ có phải gửi báo cáo này không?',
  'cac don vi chu tri nv tb 118 bc tien do cho ai, qua dau, khi nao; snv co phai gui ko',
  'Báo cáo tiến độ TB 118: nơi nhận, qua đâu, hạn, ai được trừ?',
  [['Sở Nội vụ'], ['Phòng Cải cách hành chính'], ['trước ngày 25 hằng tháng'], ['trừ Sở Nội vụ']],
  ['3. Các cơ quan, đơn vị chủ trì nhiệm vụ tại Bảng trên (trừ Sở Nội vụ) gửi báo cáo tiến độ về Sở Nội vụ (qua '
   'Phòng Cải cách hành chính) trước ngày 25 hằng tháng để tổng hợp.'])
q('lookup', TB,
  'Nếu không hoàn thành nhiệm vụ đúng thời hạn theo Thông báo 118/TB-VP thì đơn vị chủ trì phải làm gì, gửi ai và chậm nhất khi nào?',
  'ko hoan thanh nv dung han theo tb 118 thi don vi chu tri phai lam gi, gui ai, cham nhat khi nao',
  'Trễ hạn nhiệm vụ TB 118 — phải làm gì?',
  [['văn bản giải trình'], ['Phó Chủ tịch UBND tỉnh'], ['Văn phòng UBND tỉnh'], ['03 ngày làm việc']],
  ['4. Trường hợp không hoàn thành nhiệm vụ đúng thời hạn, Thủ trưởng đơn vị chủ trì có văn bản giải trình, báo cáo '
   'Phó Chủ tịch UBND tỉnh (qua Văn phòng UBND tỉnh) chậm nhất 03 ngày làm việc trước khi hết thời hạn.'])
abstain(TB,
        'Hội nghị giao ban công tác cải cách hành chính quý II/2027 của tỉnh được tổ chức vào ngày nào?',
        'giao ban cchc quy 2/2027 to chuc ngay nao',
        'Ngày họp giao ban CCHC quý II/2027?')
abstain(TB,
        'Trong quý I/2027, xã, phường nào có nhiều hồ sơ đất đai quá hạn nhất và bao nhiêu hồ sơ?',
        'quy 1/2027 xa phuong nao nhieu ho so dat dai qua han nhat, bao nhieu',
        'Xã nhiều hồ sơ đất đai quá hạn nhất quý I/2027?')

# ------------------------------------------------------------------ obligations
O = []


def o(unit, num, kw, recipient, via, deadline, recurrence, deadline_text, evidence, basis='direct'):
    O.append({'unit': unit, 'document_number': num, 'action_keywords': kw, 'recipient': recipient, 'via': via,
              'deadline': deadline, 'recurrence': recurrence, 'deadline_text': deadline_text, 'basis': basis,
              'evidence': evidence})


Q1 = '52/QĐ-UBND'
ev = ('b) Lập báo cáo quyết toán kinh phí thực hiện nhiệm vụ CCHC năm 2027, gửi Sở Tài chính trước ngày 28/02/2028; '
      'kinh phí không sử dụng hết phải nộp trả ngân sách tỉnh theo quy định;')
SO_NGANH = ['Sở Nội vụ', 'Sở Khoa học và Công nghệ', 'Sở Tư pháp', 'Văn phòng UBND tỉnh',
            'Trung tâm Phục vụ hành chính công tỉnh', 'Sở Văn hóa, Thể thao và Du lịch']
XA = ['UBND phường Phố Hiến', 'UBND phường Mỹ Hào', 'UBND xã Khoái Châu', 'UBND xã Quỳnh Phụ', 'UBND xã Tiền Hải']
for unit in SO_NGANH + XA:
    o(unit, Q1, ['Lập báo cáo quyết toán kinh phí'], 'Sở Tài chính', None, '2028-02-28', None, 'trước ngày 28/02/2028',
      ev, basis='group: các sở, ngành và UBND các xã, phường có tên tại Phụ lục')
ev = ('2. Chủ tịch UBND các xã, phường có tên tại Mục II Phụ lục ban hành kế hoạch sử dụng kinh phí chi tiết theo từng '
      'nội dung, gửi Sở Tài chính và Sở Nội vụ trước ngày 26/02/2027.')
for unit in XA:
    o(unit, Q1, ['ban hành kế hoạch sử dụng kinh phí'], 'Sở Tài chính và Sở Nội vụ', None, '2027-02-26', None,
      'trước ngày 26/02/2027', ev, basis='group: UBND các xã, phường có tên tại Mục II Phụ lục')
o('UBND các xã, phường không có tên tại Phụ lục', Q1, ['chủ động bố trí kinh phí'], None, None, None, None, None,
  '3. UBND các xã, phường không có tên tại Phụ lục chủ động bố trí kinh phí thực hiện nhiệm vụ CCHC trong dự toán ngân '
  'sách cấp xã năm 2027, bảo đảm thực hiện các nhiệm vụ được giao tại Kế hoạch số 305/KH-UBND.')
o('Sở Tài chính', Q1, ['Thông báo dự toán'], 'các cơ quan, đơn vị, xã, phường có tên tại Phụ lục', None, None, None,
  'trong thời hạn 05 ngày làm việc kể từ ngày ký Quyết định này',
  'a) Thông báo dự toán cho các cơ quan, đơn vị, xã, phường có tên tại Phụ lục trong thời hạn 05 ngày làm việc kể từ '
  'ngày ký Quyết định này;')
o('Sở Tài chính', Q1, ['tổng hợp tình hình giải ngân', 'báo cáo UBND tỉnh'], 'UBND tỉnh', 'Văn phòng UBND tỉnh', None,
  'hằng quý', 'Hằng quý, trước ngày 15 của tháng đầu quý sau',
  'b) Hằng quý, trước ngày 15 của tháng đầu quý sau, tổng hợp tình hình giải ngân kinh phí CCHC, báo cáo UBND tỉnh '
  '(qua Văn phòng UBND tỉnh);')
o('Sở Tài chính', Q1, ['kiểm tra việc quản lý, sử dụng kinh phí'], None, None, '2027-09-30', None, 'trong quý III/2027',
  'c) Chủ trì, phối hợp với Sở Nội vụ kiểm tra việc quản lý, sử dụng kinh phí tại ít nhất 04 đơn vị trong quý '
  'III/2027;')
o('Sở Tài chính', Q1, ['Thẩm định quyết toán'], None, None, None, None, None,
  'd) Thẩm định quyết toán kinh phí của các đơn vị, tổng hợp vào quyết toán ngân sách tỉnh năm 2027 theo quy định.')
o('Sở Nội vụ', Q1, ['đánh giá kết quả thực hiện', 'trình UBND tỉnh'], 'UBND tỉnh', None, '2027-12-10', None,
  'trước ngày 10/12/2027',
  '5. Sở Nội vụ đánh giá kết quả thực hiện các nhiệm vụ CCHC được bố trí kinh phí tại Quyết định này, đưa vào Báo cáo '
  'CCHC năm 2027 của tỉnh, trình UBND tỉnh trước ngày 10/12/2027.')
ev = ('6. Sở Khoa học và Công nghệ hoàn thành việc lựa chọn nhà thầu nâng cấp Hệ thống thông tin giải quyết TTHC tỉnh '
      'trước ngày 30/4/2027; đưa hệ thống sau nâng cấp vào vận hành trong quý III/2027.')
o('Sở Khoa học và Công nghệ', Q1, ['hoàn thành việc lựa chọn nhà thầu'], None, None, '2027-04-30', None,
  'trước ngày 30/4/2027', ev)
o('Sở Khoa học và Công nghệ', Q1, ['đưa hệ thống sau nâng cấp vào vận hành'], None, None, '2027-09-30', None,
  'trong quý III/2027', ev)

Q2 = '03/KHLT-MTTQ-SNV'
MT = 'Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh'
ev = ('a) Chủ trì các đoàn giám sát tại 04 địa bàn có tên tại Bảng ở Mục II.1; ban hành quyết định thành lập đoàn giám '
      'sát chậm nhất 10 ngày trước ngày giám sát.')
for date, iso in [('13/4/2027', '2027-04-13'), ('15/4/2027', '2027-04-15'), ('12/8/2027', '2027-08-12'),
                  ('14/9/2027', '2027-09-14')]:
    o(MT, Q2, ['Chủ trì các đoàn giám sát'], None, None, iso, None, date, ev)
o(MT, Q2, ['ban hành quyết định thành lập đoàn giám sát'], None, None, None, None,
  'chậm nhất 10 ngày trước ngày giám sát', ev)
ev = ('b) Chủ trì hội nghị phản biện xã hội dự thảo Quyết định nêu tại Mục II.2 trong tháng 6/2027; gửi văn bản phản '
      'biện đến Sở Nội vụ trong thời hạn 10 ngày kể từ ngày tổ chức hội nghị.')
o(MT, Q2, ['Chủ trì hội nghị phản biện xã hội'], None, None, '2027-06-30', None, 'trong tháng 6/2027', ev)
o(MT, Q2, ['gửi văn bản phản biện'], 'Sở Nội vụ', None, None, None, 'trong thời hạn 10 ngày kể từ ngày tổ chức hội nghị',
  ev)
o(MT, Q2, ['Hướng dẫn Ban Thường trực Ủy ban MTTQ Việt Nam các xã, phường xây dựng kế hoạch giám sát'], None, None,
  '2027-03-15', None, 'trước ngày 15/3/2027',
  'c) Hướng dẫn Ban Thường trực Ủy ban MTTQ Việt Nam các xã, phường xây dựng kế hoạch giám sát ở cơ sở về CCHC, hoàn '
  'thành trước ngày 15/3/2027.')
o('Ban Dân chủ - Pháp luật, Ủy ban MTTQ Việt Nam tỉnh', Q2, ['chuyển Sở Nội vụ'], 'Sở Nội vụ', None, None, None,
  'trong thời hạn 03 ngày làm việc kể từ ngày nhận',
  'Phản ánh, kiến nghị về TTHC được Ban Dân chủ - Pháp luật chuyển Sở Nội vụ trong thời hạn 03 ngày làm việc kể từ ngày '
  'nhận.')
ev = ('a) Chủ trì các đoàn giám sát tại 04 địa bàn có tên tại Bảng ở Mục II.1; cử công chức Phòng Cải cách hành chính '
      'tham gia các đoàn giám sát do Ủy ban MTTQ Việt Nam tỉnh chủ trì.')
for date, iso in [('20/5/2027', '2027-05-20'), ('22/5/2027', '2027-05-22'), ('10/8/2027', '2027-08-10'),
                  ('16/9/2027', '2027-09-16')]:
    o('Sở Nội vụ', Q2, ['Chủ trì các đoàn giám sát'], None, None, iso, None, date, ev)
o('Sở Nội vụ', Q2, ['cử công chức Phòng Cải cách hành chính tham gia các đoàn giám sát'], None, None, None, None, None,
  ev)
ev = ('b) Gửi hồ sơ dự thảo Quyết định nêu tại Mục II.2 đến Ban Thường trực trước ngày 15/5/2027; tiếp thu, giải trình '
      'ý kiến phản biện bằng văn bản trong thời hạn 15 ngày kể từ ngày nhận văn bản phản biện.')
o('Sở Nội vụ', Q2, ['Gửi hồ sơ dự thảo Quyết định'], 'Ban Thường trực', None, '2027-05-15', None, 'trước ngày 15/5/2027',
  ev)
o('Sở Nội vụ', Q2, ['tiếp thu, giải trình ý kiến phản biện'], None, None, None, None,
  'trong thời hạn 15 ngày kể từ ngày nhận văn bản phản biện', ev)
o('Sở Nội vụ', Q2, ['Xem xét, chỉ đạo xử lý phản ánh, kiến nghị', 'trả lời Ban Thường trực'], 'Ban Thường trực', None,
  None, None, 'trong thời hạn 15 ngày làm việc kể từ ngày nhận',
  'c) Xem xét, chỉ đạo xử lý phản ánh, kiến nghị do Mặt trận Tổ quốc chuyển đến, trả lời Ban Thường trực trong thời hạn '
  '15 ngày làm việc kể từ ngày nhận.')
o('Sở Nội vụ', Q2, ['Bố trí 150 triệu đồng'], None, None, None, None, None,
  'd) Bố trí 150 triệu đồng cho các hoạt động phối hợp tại Kế hoạch này từ dự toán kinh phí CCHC năm 2027 của Sở Nội '
  'vụ được giao tại Quyết định số 52/QĐ-UBND ngày 14/01/2027 của UBND tỉnh.')
o('Sở Nội vụ', Q2, ['tổng hợp kết quả thực hiện Kế hoạch liên tịch', 'báo cáo Ban Thường vụ Tỉnh ủy và UBND tỉnh'],
  'Ban Thường vụ Tỉnh ủy và UBND tỉnh', None, '2027-12-15', None, 'trước ngày 15/12/2027',
  'b) Sở Nội vụ chủ trì, phối hợp với Ban Thường trực tổng hợp kết quả thực hiện Kế hoạch liên tịch, báo cáo Ban '
  'Thường vụ Tỉnh ủy và UBND tỉnh trước ngày 15/12/2027.')
ev = ('a) Trong thời hạn 15 ngày kể từ ngày kết thúc giám sát tại mỗi địa bàn, cơ quan chủ trì đoàn ban hành thông báo '
      'kết quả giám sát, gửi UBND xã, phường được giám sát và cơ quan phối hợp.')
for unit in [MT, 'Sở Nội vụ']:
    o(unit, Q2, ['ban hành thông báo kết quả giám sát'], 'UBND xã, phường được giám sát và cơ quan phối hợp', None, None,
      None, 'Trong thời hạn 15 ngày kể từ ngày kết thúc giám sát tại mỗi địa bàn', ev,
      basis='group: cơ quan chủ trì đoàn tại Bảng ở Mục II.1')
MX = 'Ban Thường trực Ủy ban MTTQ Việt Nam các xã, phường'
o(MX, Q2, ['Xây dựng kế hoạch giám sát ở cơ sở', 'gửi Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh'],
  'Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh', None, '2027-03-31', None, 'trước ngày 31/3/2027',
  'a) Xây dựng kế hoạch giám sát ở cơ sở về CCHC năm 2027, gửi Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh trước ngày '
  '31/3/2027.')
o(MX, Q2, ['Tổng hợp phản ánh, kiến nghị', 'gửi Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh'],
  'Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh', 'Ban Dân chủ - Pháp luật', None, 'hằng tháng', 'hằng tháng, trước ngày 25',
  'b) Tổng hợp phản ánh, kiến nghị của Nhân dân về TTHC, gửi Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh (qua Ban Dân '
  'chủ - Pháp luật) hằng tháng, trước ngày 25.')
o(MX, Q2, ['tổ chức phát, thu phiếu khảo sát SIPAS'], None, None, '2027-09-30', None, 'trong tháng 9/2027',
  'c) Phối hợp với UBND cùng cấp tổ chức phát, thu phiếu khảo sát SIPAS năm 2027 trong tháng 9/2027.')

Q3 = '472/STP-HCTP'
ev = ('Đề nghị UBND xã Khoái Châu rà soát các trường hợp trẻ em sinh từ ngày 01/01/2026 chưa được đăng ký khai sinh trên '
      'địa bàn, hoàn thành trước ngày 30/4/2027; từ tháng 5/2027, báo cáo số trường hợp đăng ký khai sinh quá hạn về Sở '
      'Tư pháp (qua Phòng Hành chính tư pháp) hằng tháng, trước ngày 25.')
o('UBND xã Khoái Châu', Q3, ['rà soát các trường hợp trẻ em'], None, None, '2027-04-30', None,
  'hoàn thành trước ngày 30/4/2027', ev)
o('UBND xã Khoái Châu', Q3, ['báo cáo số trường hợp đăng ký khai sinh quá hạn'], 'Sở Tư pháp',
  'Phòng Hành chính tư pháp', None, 'hằng tháng', 'hằng tháng, trước ngày 25', ev)
o('UBND xã Quỳnh Phụ', Q3, ['kiện toàn tổ hòa giải', 'gửi danh sách tổ trưởng tổ hòa giải'], 'Sở Tư pháp',
  'Phòng Phổ biến, giáo dục pháp luật', '2027-05-31', None, 'trong tháng 5/2027',
  'Đề nghị UBND xã Quỳnh Phụ kiện toàn tổ hòa giải ở 06 thôn sau sáp nhập, hoàn thành trong tháng 5/2027, gửi danh '
  'sách tổ trưởng tổ hòa giải về Sở Tư pháp (qua Phòng Phổ biến, giáo dục pháp luật) để cập nhật.')
ev = ('Để bảo quản Sổ hộ tịch, Sở Tư pháp hỗ trợ số hóa Sổ hộ tịch của xã Tiền Hải trong quý II/2027 từ kinh phí được '
      'giao tại Quyết định số 52/QĐ-UBND ngày 14/01/2027 của UBND tỉnh. Đề nghị UBND xã Tiền Hải lập danh mục Sổ hộ '
      'tịch bị hư hỏng, mất trang, gửi Sở Tư pháp trước ngày 15/4/2027.')
o('Sở Tư pháp', Q3, ['hỗ trợ số hóa Sổ hộ tịch'], None, None, '2027-06-30', None, 'trong quý II/2027', ev)
o('UBND xã Tiền Hải', Q3, ['lập danh mục Sổ hộ tịch bị hư hỏng'], 'Sở Tư pháp', None, '2027-04-15', None,
  'trước ngày 15/4/2027', ev)
ev = ('Đề nghị UBND các xã Khoái Châu, Quỳnh Phụ, Tiền Hải phổ biến nội dung trả lời tại Công văn này đến công chức làm '
      'công tác tư pháp - hộ tịch và công chức Trung tâm Phục vụ hành chính công xã trong thời hạn 05 ngày làm việc kể '
      'từ ngày nhận Công văn.')
for unit in ['UBND xã Khoái Châu', 'UBND xã Quỳnh Phụ', 'UBND xã Tiền Hải']:
    o(unit, Q3, ['phổ biến nội dung trả lời'], None, None, None, None,
      'trong thời hạn 05 ngày làm việc kể từ ngày nhận Công văn', ev)
ev = ('Sở Tư pháp tổ chức tập huấn chuyên sâu về hộ tịch, chứng thực cho công chức làm công tác tư pháp - hộ tịch các '
      'xã, phường trong quý II/2027. Nội dung trả lời tại Công văn này được Phòng Hành chính tư pháp đăng tải tại mục '
      '"Hỏi - đáp pháp luật" trên Cổng thông tin điện tử Sở Tư pháp trong thời hạn 03 ngày làm việc kể từ ngày ký.')
o('Sở Tư pháp', Q3, ['tổ chức tập huấn chuyên sâu'], None, None, '2027-06-30', None, 'trong quý II/2027', ev)
o('Phòng Hành chính tư pháp', Q3, ['đăng tải'], None, None, None, None,
  'trong thời hạn 03 ngày làm việc kể từ ngày ký', ev)

Q4 = '118/TB-VP'
for unit, kw, rec, iso, rec_, text, evc in [
    ('UBND các xã, phường', ['Rà soát, giải quyết dứt điểm', 'gửi Phiếu xin lỗi'], 'người dân', '2027-04-30', None,
     'Trước 30/4/2027',
     'Rà soát, giải quyết dứt điểm 1.126 hồ sơ quá hạn của quý I/2027; gửi Phiếu xin lỗi đến người dân'),
    ('Sở Khoa học và Công nghệ', ['Hoàn thành lựa chọn nhà thầu'], None, '2027-04-30', None, 'Trước 30/4/2027',
     'Hoàn thành lựa chọn nhà thầu nâng cấp Hệ thống thông tin giải quyết TTHC tỉnh theo Quyết định số 52/QĐ-UBND'),
    ('Sở Nội vụ', ['Tổ chức 02 đoàn giám sát đợt 1'], None, '2027-05-31', None, 'Trong tháng 5/2027',
     'Tổ chức 02 đoàn giám sát đợt 1 tại xã Yên Mỹ, xã Ân Thi theo Kế hoạch liên tịch số 03/KHLT-MTTQ-SNV'),
    ('Sở Nội vụ', ['Trình UBND tỉnh dự thảo Quyết định'], 'UBND tỉnh', '2027-07-31', None, 'Trước 31/7/2027',
     'Trình UBND tỉnh dự thảo Quyết định quy định đánh giá, xếp loại chất lượng phục vụ của Trung tâm Phục vụ hành '
     'chính công cấp xã sau phản biện xã hội'),
    ('Sở Tư pháp', ['Tập huấn chuyên sâu'], None, '2027-06-30', None, 'Trong quý II/2027',
     'Tập huấn chuyên sâu về hộ tịch, chứng thực cho công chức tư pháp - hộ tịch cấp xã'),
    ('Văn phòng UBND tỉnh', ['Trình Chủ tịch UBND tỉnh công bố danh mục TTHC'], 'Chủ tịch UBND tỉnh', '2027-05-31',
     None, 'Trước 31/5/2027',
     'Trình Chủ tịch UBND tỉnh công bố danh mục TTHC được cắt giảm thành phần hồ sơ do khai thác được từ cơ sở dữ '
     'liệu'),
    ('Sở Văn hóa, Thể thao và Du lịch', ['Mở chuyên mục'], None, None, 'hằng tháng', 'Hằng tháng',
     'Mở chuyên mục "Dịch vụ công trực tuyến toàn trình", phát sóng ít nhất 02 kỳ mỗi tháng'),
    ('Sở Tài chính', ['Đôn đốc giải ngân', 'đề xuất điều chuyển dự toán'], None, '2027-07-20', None, 'Trước 20/7/2027',
     'Đôn đốc giải ngân kinh phí CCHC năm 2027; đề xuất điều chuyển dự toán của đơn vị giải ngân chậm'),
    ('Trung tâm Phục vụ hành chính công tỉnh', ['Tăng cường công chức lĩnh vực đất đai'], None, None, None,
     'Từ ngày 15/4/2027',
     'Tăng cường công chức lĩnh vực đất đai cho Trung tâm Phục vụ hành chính công các xã có trên 50 hồ sơ đất đai quá '
     'hạn'),
    ('Sở Nội vụ', ['Tổng hợp kết quả thực hiện Thông báo này', 'báo cáo Phó Chủ tịch UBND tỉnh'],
     'Phó Chủ tịch UBND tỉnh', '2027-07-05', None, 'Trước 05/7/2027',
     'Tổng hợp kết quả thực hiện Thông báo này, báo cáo Phó Chủ tịch UBND tỉnh tại Hội nghị giao ban quý II/2027'),
]:
    o(unit, Q4, kw, rec, None, iso, rec_, text, evc)
ev = ('3. Các cơ quan, đơn vị chủ trì nhiệm vụ tại Bảng trên (trừ Sở Nội vụ) gửi báo cáo tiến độ về Sở Nội vụ (qua '
      'Phòng Cải cách hành chính) trước ngày 25 hằng tháng để tổng hợp.')
for unit in ['UBND các xã, phường', 'Sở Khoa học và Công nghệ', 'Sở Tư pháp', 'Văn phòng UBND tỉnh',
             'Sở Văn hóa, Thể thao và Du lịch', 'Sở Tài chính', 'Trung tâm Phục vụ hành chính công tỉnh']:
    o(unit, Q4, ['gửi báo cáo tiến độ'], 'Sở Nội vụ', 'Phòng Cải cách hành chính', None, 'hằng tháng',
      'trước ngày 25 hằng tháng', ev, basis='group: các cơ quan, đơn vị chủ trì nhiệm vụ tại Bảng (trừ Sở Nội vụ)')
o('Sở Nội vụ', Q4, ['đưa vào đánh giá Chỉ số CCHC năm 2027'], None, None, None, None, None,
  'Kết quả thực hiện nhiệm vụ tại Thông báo này được Sở Nội vụ đưa vào đánh giá Chỉ số CCHC năm 2027 của các cơ quan, '
  'đơn vị.')

# ------------------------------------------------------------------ write
lines = []
for i, (kind, doc, texts, must, anchors) in enumerate(Q, 1):
    for suffix, text in zip('abc', texts):
        r = {'id': 'q6a%03d%s' % (i, suffix), 'kind': kind, 'question': N(text),
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
