"""Writes qa.jsonl, obligations.json and num2doc.json of heldout5/a."""
import json
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(HERE, '..')
N = lambda s: unicodedata.normalize('NFC', s)

PA = 'phuong-an-bo-tri-cong-chuc-trung-tam-pvhcc-xa-van-giang-2026.docx'
TT = 'thong-tri-ban-thuong-vu-tinh-uy-cchc-gan-voi-chuyen-doi-so-2026.md'
QC = 'quy-che-phoi-hop-so-noi-vu-cong-an-tinh-du-lieu-cu-tru-can-cuoc-2026.pdf'
CV = 'cong-van-xin-y-kien-du-thao-quy-che-lien-thong-khai-sinh-khai-tu-2026.md'
NUM2DOC = {'286/QĐ-UBND': PA, '05-TT/TU': TT, '03/QCPH-SNV-CAT': QC, '1186/STP-HCTP': CV}

Q = []  # (kind, doc, (a, b, c), must_include, gold_anchor)


def q(kind, doc, a, b, c, must=(), anchors=()):
    Q.append((kind, doc, (a, b, c), [list(g) for g in must], list(anchors)))


def abstain(doc, a, b, c):
    Q.append(('out_of_scope', doc, (a, b, c), [], []))


# ------------------------------------------------------------------ 286/QĐ-UBND (Phương án, .docx)
q('metadata', PA,
  'Quyết định 286/QĐ-UBND của UBND xã Văn Giang được ban hành ngày nào, phê duyệt nội dung gì và có hiệu lực từ khi nào?',
  'qd 286 ubnd xa van giang ngay nao, phe duyet cai gi, hieu luc tu bao gio',
  'QĐ 286/QĐ-UBND xã Văn Giang: ngày ký, nội dung phê duyệt, hiệu lực?',
  [['25 tháng 8 năm 2026'], ['Phương án sắp xếp, bố trí công chức'], ['kể từ ngày ký']],
  ['Phê duyệt Phương án sắp xếp, bố trí công chức làm việc tại Trung tâm Phục vụ hành chính công xã Văn Giang '
   '(sau đây gọi là Phương án) kèm theo Quyết định này.'])
q('signer', PA,
  'Ai ký Quyết định phê duyệt Phương án bố trí công chức tại Trung tâm Phục vụ hành chính công xã Văn Giang, và ký với thẩm quyền gì?',
  'qd phe duyet phuong an bo tri cong chuc tt pvhcc xa van giang do ai ky, ky voi tu cach gi',
  'Người ký QĐ 286 của xã Văn Giang — chức danh?',
  [['Trương Công Hậu'], ['CHỦ TỊCH'], ['TM. ỦY BAN NHÂN DÂN']], ['Trương Công Hậu'])
q('table_total', PA,
  'Theo Phương án sắp xếp của xã Văn Giang, Trung tâm Phục vụ hành chính công xã hiện có tổng cộng bao nhiêu công chức và sau sắp xếp cần bố trí tổng cộng bao nhiêu?',
  'pa sap xep cong chuc tt pvhcc van giang: tong so cong chuc hien co va so can bo tri la bao nhieu',
  'Tổng công chức Trung tâm PVHCC xã Văn Giang: hiện có / cần bố trí?',
  [['9'], ['12']], ['Tổng cộng'])
q('table_filter', PA,
  'Trong Phương án bố trí công chức của xã Văn Giang, những lĩnh vực nào được bổ sung thêm công chức so với hiện nay?',
  'pa van giang nhung linh vuc nao duoc bo sung them cong chuc',
  'Lĩnh vực được tăng công chức tại Trung tâm PVHCC xã Văn Giang?',
  [['Đất đai'], ['Đăng ký kinh doanh, hộ kinh doanh'], ['Tiếp nhận chung, hướng dẫn và số hóa hồ sơ']],
  ['Đăng ký kinh doanh, hộ kinh doanh'])
q('table_max', PA,
  'Lĩnh vực nào được tăng nhiều công chức nhất theo Phương án sắp xếp tại Trung tâm Phục vụ hành chính công xã Văn Giang, và lấy người từ đâu?',
  'linh vuc nao tang nhieu cong chuc nhat o tt pvhcc xa van giang, lay nguoi tu dau',
  'Tăng nhiều nhất — lĩnh vực nào, lên mấy người, nguồn? (Phương án Văn Giang)',
  [['Đất đai'], ['3'], ['Điều động 02 công chức từ Phòng Kinh tế']],
  ['Điều động 02 công chức từ Phòng Kinh tế'])
q('table_cell', PA,
  'Theo Phương án của UBND xã Văn Giang, lĩnh vực đăng ký kinh doanh, hộ kinh doanh hiện có mấy công chức, cần bố trí mấy và nguồn bổ sung từ đâu?',
  'linh vuc dang ky kinh doanh ho kinh doanh o tt pvhcc van giang hien co may nguoi, can may, bo sung tu dau',
  'ĐKKD, hộ kinh doanh (xã Văn Giang): hiện có, cần bố trí, nguồn bổ sung?',
  [['0'], ['1'], ['Điều động 01 công chức từ Phòng Kinh tế']],
  ['Điều động 01 công chức từ Phòng Kinh tế'])
q('table_count', PA,
  'Trong bảng số lượng công chức theo lĩnh vực của Phương án xã Văn Giang, có bao nhiêu lĩnh vực giữ nguyên số công chức, là những lĩnh vực nào?',
  'bao nhieu linh vuc giu nguyen so cong chuc trong pa tt pvhcc van giang, linh vuc nao',
  'Số lĩnh vực giữ nguyên công chức (Phương án Văn Giang)?',
  [['3'], ['Tư pháp - Hộ tịch, chứng thực'], ['Lao động, người có công, bảo trợ xã hội']], ['Giữ nguyên'])
q('people', PA,
  'Những công chức nào được điều động đến làm việc tại Trung tâm Phục vụ hành chính công xã Văn Giang theo Phương án, và họ từ phòng nào đến?',
  'ai duoc dieu dong ve tt pvhcc xa van giang theo pa, tu phong nao',
  'Danh sách công chức điều động đến Trung tâm PVHCC xã Văn Giang?',
  [['Đào Duy Khiêm'], ['Nghiêm Thị Thắm'], ['Lục Văn Toản'], ['Phòng Kinh tế']],
  ['a) Điều động ông Đào Duy Khiêm và bà Nghiêm Thị Thắm, công chức Phòng Kinh tế, đến làm việc tại Trung tâm, '
   'tiếp nhận hồ sơ lĩnh vực đất đai;'])
q('obligation', PA,
  'Phương án sắp xếp công chức Trung tâm Phục vụ hành chính công của xã Văn Giang giao Phòng Kinh tế những việc gì và thời hạn ra sao?',
  'pa van giang giao phong kinh te lam gi, han khi nao',
  'Phòng Kinh tế xã Văn Giang — nhiệm vụ và hạn theo Phương án?',
  [['10/9/2026'], ['tháng 9/2026'], ['02 ngày làm việc']],
  ['a) Bàn giao hồ sơ, công việc đang giải quyết của công chức được điều động, hoàn thành trước ngày 10/9/2026;'])
q('reporting', PA,
  'Hằng tháng Trung tâm Phục vụ hành chính công xã Văn Giang phải báo cáo ai, qua đơn vị nào và trước ngày nào?',
  'tt pvhcc xa van giang bc hang thang cho ai, qua dau, truoc ngay may',
  'Báo cáo tháng của Trung tâm PVHCC xã Văn Giang: gửi ai, qua đâu, hạn?',
  [['Chủ tịch UBND xã'], ['Văn phòng HĐND và UBND xã'], ['trước ngày 05']],
  ['b) Hằng tháng, trước ngày 05, báo cáo Chủ tịch UBND xã (qua Văn phòng HĐND và UBND xã)'])
q('lookup', PA,
  'Từ đầu năm đến 31/7/2026, Trung tâm Phục vụ hành chính công xã Văn Giang tiếp nhận bao nhiêu hồ sơ, tỷ lệ nộp trực tuyến bao nhiêu và có bao nhiêu hồ sơ quá hạn?',
  '7 thang dau 2026 tt pvhcc van giang nhan bao nhieu ho so, truc tuyen bao nhieu %, qua han may ho so',
  'Hồ sơ TTHC xã Văn Giang 01/01–31/7/2026: tổng, % trực tuyến, quá hạn?',
  [['6.842'], ['60,0%'], ['37 hồ sơ']],
  ['Trung tâm tiếp nhận 6.842 hồ sơ thủ tục hành chính (TTHC)'])
q('lead', PA,
  'Cơ quan nào là cơ quan thường trực theo dõi việc thực hiện Phương án bố trí công chức tại Trung tâm Phục vụ hành chính công xã Văn Giang, và kết quả được báo cáo lên tỉnh thế nào?',
  'co quan thuong truc pa bo tri cong chuc van giang la ai, bc len tinh qua dau, han nao',
  'Thường trực Phương án xã Văn Giang; báo cáo tỉnh qua đâu, khi nào?',
  [['Văn phòng HĐND và UBND xã'], ['qua Sở Nội vụ'], ['25/12/2026']],
  ['d) Tổng hợp kết quả thực hiện Phương án, tham mưu Chủ tịch UBND xã báo cáo UBND tỉnh (qua Sở Nội vụ) trước '
   'ngày 25/12/2026.'])
q('lookup', PA,
  'Theo lộ trình của Phương án xã Văn Giang, từ khi nào công chức được điều động chính thức làm việc tại Trung tâm, và bà Hứa Thị Ngân chuyển về đâu?',
  'lo trinh pa van giang: cong chuc dieu dong lam viec chinh thuc tu ngay nao, ba hua thi ngan chuyen ve dau',
  'Ngày công chức điều động bắt đầu làm tại Trung tâm xã Văn Giang; bà Ngân đi đâu?',
  [['Từ ngày 15/9/2026'], ['Phòng Văn hóa - Xã hội']],
  ['Công chức được điều động chính thức làm việc tại Trung tâm; bà Hứa Thị Ngân chuyển về Phòng Văn hóa - Xã hội'])
abstain(PA,
        'Kinh phí mua sắm máy tính, máy quét cho quầy tiếp nhận hồ sơ đất đai của Trung tâm Phục vụ hành chính công xã Văn Giang là bao nhiêu tiền?',
        'kinh phi mua may tinh may quet cho quay dat dai tt pvhcc van giang bao nhieu tien',
        'Số tiền mua máy tính, máy quét quầy đất đai xã Văn Giang?')
abstain(PA,
        'Trung tâm Phục vụ hành chính công xã Văn Giang được tổ chức lại thành Chi nhánh của Trung tâm Phục vụ hành chính công tỉnh từ ngày nào?',
        'tt pvhcc xa van giang thanh chi nhanh cua tt pvhcc tinh tu ngay nao',
        'Ngày Trung tâm xã Văn Giang thành Chi nhánh?')

# ------------------------------------------------------------------ 05-TT/TU (Thông tri, .md)
q('metadata', TT,
  'Thông tri số 05-TT/TU của Ban Thường vụ Tỉnh ủy Hưng Yên được ban hành ngày nào và về nội dung gì?',
  'thong tri 05-tt/tu tinh uy ngay nao, ve viec gi',
  'TT 05-TT/TU: ngày ban hành, trích yếu?',
  [['08 tháng 6 năm 2026'], ['cải cách hành chính gắn với chuyển đổi số']],
  ['về tăng cường sự lãnh đạo của các tổ chức đảng đối với công tác cải cách hành chính gắn với chuyển đổi số'])
q('signer', TT,
  'Ai ký Thông tri của Ban Thường vụ Tỉnh ủy về lãnh đạo công tác cải cách hành chính gắn với chuyển đổi số, với chức danh gì?',
  'thong tri tinh uy ve cchc gan cds ai ky, chuc danh gi',
  'Người ký Thông tri 05 của Tỉnh ủy?',
  [['Nguyễn Đình Khôi'], ['PHÓ BÍ THƯ'], ['T/M BAN THƯỜNG VỤ']], ['Nguyễn Đình Khôi'])
q('lookup', TT,
  'Thông tri 05-TT/TU đặt mục tiêu đến hết năm 2026 tỷ lệ hồ sơ thủ tục hành chính trực tuyến toàn trình và tỷ lệ giải quyết đúng hạn của tỉnh là bao nhiêu?',
  'tt 05 tinh uy muc tieu het 2026 ty le ho so tthc truc tuyen toan trinh va dung han bao nhieu',
  'Mục tiêu 2026 theo Thông tri 05: trực tuyến toàn trình, đúng hạn?',
  [['75%'], ['99%']],
  ['Tỷ lệ hồ sơ TTHC trực tuyến toàn trình của tỉnh đạt từ 75% trở lên'])
q('lookup', TT,
  'Thông tri của Tỉnh ủy về cải cách hành chính gắn với chuyển đổi số nêu năm 2025 tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh đạt bao nhiêu và còn bao nhiêu xã, phường có tỷ lệ hồ sơ quá hạn trên 3%?',
  'theo tt 05 nam 2025 truc tuyen toan trinh cua tinh dat bao nhieu, con may xa phuong qua han tren 3%',
  'Năm 2025 (Thông tri 05): % trực tuyến toàn trình; số xã, phường quá hạn trên 3%?',
  [['52,6%'], ['17 xã, phường']],
  ['tỷ lệ hồ sơ thủ tục hành chính (TTHC) trực tuyến toàn trình của tỉnh đạt 52,6%'])
q('obligation', TT,
  'Thông tri 05-TT/TU giao các đảng ủy trực thuộc Tỉnh ủy những việc gì, thời hạn ra sao?',
  'tt 05-tt/tu giao cac dang uy truc thuoc tinh uy lam gi, han khi nao',
  'Đảng ủy trực thuộc Tỉnh ủy phải làm gì theo Thông tri 05, hạn?',
  [['30/6/2026'], ['15/7/2026'], ['01 đồng chí ủy viên ban thường vụ']],
  ['b) Xây dựng kế hoạch thực hiện Thông tri, gửi Ban Thường vụ Tỉnh ủy (qua Ban Tổ chức Tỉnh ủy) trước ngày 15/7/2026;'])
q('reporting', TT,
  'Các đảng ủy trực thuộc Tỉnh ủy báo cáo kết quả thực hiện Thông tri 05 định kỳ vào những thời điểm nào và gửi qua cơ quan nào?',
  'dang uy truc thuoc bc ket qua thuc hien tt 05 khi nao, qua co quan nao',
  'Chế độ báo cáo theo Thông tri 05: kỳ, hạn, qua đâu?',
  [['trước ngày 10/6'], ['trước ngày 10/12'], ['qua Văn phòng Tỉnh ủy']],
  ['c) Định kỳ 6 tháng (trước ngày 10/6) và hằng năm (trước ngày 10/12), báo cáo kết quả thực hiện về Ban Thường vụ '
   'Tỉnh ủy (qua Văn phòng Tỉnh ủy).'])
q('obligation', TT,
  'Theo Thông tri của Ban Thường vụ Tỉnh ủy, Đảng ủy UBND tỉnh phải lãnh đạo việc ban hành quy chế phối hợp khai thác dữ liệu cư trú, căn cước và việc sắp xếp công chức tại Trung tâm Phục vụ hành chính công cấp xã xong khi nào?',
  'dang uy ubnd tinh: quy che khai thac du lieu cu tru can cuoc va sap xep cong chuc tt pvhcc cap xa han khi nao (tt 05)',
  'Đảng ủy UBND tỉnh — hạn quy chế dữ liệu cư trú, căn cước; hạn bố trí công chức Trung tâm cấp xã?',
  [['quý III/2026'], ['30/9/2026']],
  ['a) Chỉ đạo Sở Nội vụ phối hợp với Công an tỉnh ban hành quy chế phối hợp khai thác, chia sẻ dữ liệu về cư trú, '
   'căn cước trong giải quyết TTHC, hoàn thành trong quý III/2026;'])
q('obligation', TT,
  'Ban Tổ chức Tỉnh ủy được giao những nhiệm vụ gì trong Thông tri 05-TT/TU và hạn hoàn thành?',
  'ban to chuc tinh uy lam gi theo thong tri 05, han',
  'Thông tri 05 — nhiệm vụ của Ban Tổ chức Tỉnh ủy?',
  [['đánh giá, xếp loại chất lượng tổ chức đảng'], ['quý IV/2026'], ['31/7/2026']],
  ['b) Tổng hợp kế hoạch của các đảng ủy trực thuộc Tỉnh ủy, báo cáo Ban Thường vụ Tỉnh ủy trước ngày 31/7/2026.'])
q('obligation', TT,
  'Theo Thông tri 05, Văn phòng Tỉnh ủy phải nâng cấp ứng dụng gì, hoàn thành khi nào, và tham mưu báo cáo Ban Bí thư vào thời điểm nào?',
  'vp tinh uy nang cap ung dung gi, xong khi nao, bc ban bi thu luc nao (tt 05)',
  'Văn phòng Tỉnh ủy: nâng cấp gì, hạn; báo cáo Ban Bí thư khi nào?',
  [['Sổ tay đảng viên điện tử'], ['quý III/2026'], ['20/6'], ['20/12']],
  ['b) Nâng cấp ứng dụng Sổ tay đảng viên điện tử, bảo đảm kết nối với Hệ thống thông tin điều hành tác nghiệp của '
   'Đảng bộ tỉnh, hoàn thành trong quý III/2026;'])
q('lead', TT,
  'Cơ quan nào chủ trì theo dõi, đôn đốc việc thực hiện Thông tri 05-TT/TU của Tỉnh ủy, phối hợp với ai?',
  'ai chu tri theo doi don doc thuc hien thong tri 05, phoi hop voi ai',
  'Đầu mối theo dõi Thông tri 05?',
  [['Văn phòng Tỉnh ủy'], ['Ban Tổ chức Tỉnh ủy']],
  ['a) Chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy theo dõi, đôn đốc việc thực hiện Thông tri này;'])
q('obligation', TT,
  'Cơ quan nào kiểm tra việc thực hiện Thông tri 05-TT/TU, kiểm tra ít nhất bao nhiêu đảng ủy và vào thời gian nào?',
  'ai kiem tra viec thuc hien thong tri 05, bao nhieu dang uy, khi nao',
  'Kiểm tra thực hiện Thông tri 05: ai, mấy đảng ủy, khi nào?',
  [['Ủy ban Kiểm tra Tỉnh ủy'], ['05 đảng ủy'], ['quý II/2027']],
  ['Việc thực hiện Thông tri này tại ít nhất 05 đảng ủy trực thuộc Tỉnh ủy được Ủy ban Kiểm tra Tỉnh ủy kiểm tra '
   'trong quý II/2027.'])
q('lookup', TT,
  'Theo Thông tri 05 của Tỉnh ủy, đảng ủy có tỷ lệ hồ sơ thủ tục hành chính quá hạn cao thì bí thư đảng ủy phải làm gì?',
  'dang uy co ho so qua han cao thi bi thu phai lam gi theo tt 05',
  'Hồ sơ quá hạn trên 3% hai quý liền — hệ quả với bí thư đảng ủy?',
  [['trên 3%'], ['02 quý liên tiếp'], ['kiểm điểm trách nhiệm']],
  ['Đảng ủy nào có tỷ lệ hồ sơ TTHC quá hạn trên 3% trong 02 quý liên tiếp thì đồng chí bí thư đảng ủy kiểm điểm '
   'trách nhiệm trước Ban Thường vụ Tỉnh ủy.'])
q('summary', TT,
  'Tóm tắt nội dung chính của Thông tri 05-TT/TU của Ban Thường vụ Tỉnh ủy về cải cách hành chính gắn với chuyển đổi số.',
  'tom tat thong tri 05-tt/tu cua tinh uy',
  'Thông tri 05 Tỉnh ủy nói những gì?',
  [['75%'], ['các đảng ủy trực thuộc Tỉnh ủy', 'Các đảng ủy trực thuộc Tỉnh ủy'], ['Đảng ủy UBND tỉnh']],
  ['Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng thực hiện tốt một số nội dung sau:'])
abstain(TT,
        'Thông tri 05-TT/TU giao chỉ tiêu tỷ lệ hồ sơ trực tuyến toàn trình riêng cho từng xã, phường là bao nhiêu?',
        'tt 05 giao chi tieu truc tuyen toan trinh rieng cho tung xa phuong bao nhieu',
        'Chỉ tiêu trực tuyến riêng từng xã, phường theo Thông tri 05?')
abstain(TT,
        'Hội nghị quán triệt Thông tri 05-TT/TU của Tỉnh ủy được tổ chức vào ngày nào, ở đâu?',
        'hoi nghi quan triet thong tri 05 tinh uy to chuc ngay nao o dau',
        'Ngày, địa điểm hội nghị quán triệt Thông tri 05?')

# ------------------------------------------------------------------ 03/QCPH-SNV-CAT (Quy chế phối hợp, .pdf)
q('metadata', QC,
  'Quy chế phối hợp số 03/QCPH-SNV-CAT được ký ngày nào, giữa những cơ quan nào và có hiệu lực từ khi nào?',
  'quy che phoi hop 03/qcph-snv-cat ky ngay nao, giua nhung ai, hieu luc tu khi nao',
  'QCPH 03: ngày ký, các bên, hiệu lực?',
  [['15 tháng 7 năm 2026'], ['Sở Nội vụ'], ['Công an tỉnh'], ['kể từ ngày ký']],
  ['Quy chế này có hiệu lực kể từ ngày ký'])
q('signer', QC,
  'Ai ký Quy chế phối hợp giữa Sở Nội vụ và Công an tỉnh về khai thác dữ liệu cư trú, căn cước, mỗi người với chức danh gì?',
  'quy che phoi hop snv va cong an tinh ve du lieu cu tru can cuoc ai ky',
  'Người ký QCPH Sở Nội vụ – Công an tỉnh?',
  [['Phạm Thị Thu Hà'], ['Lưu Quang Dũng'], ['PHÓ GIÁM ĐỐC']], ['Đại tá Lưu Quang Dũng'])
q('table_total', QC,
  'Quy chế phối hợp giữa Sở Nội vụ và Công an tỉnh về dữ liệu cư trú, căn cước áp dụng cho tổng cộng bao nhiêu thủ tục hành chính?',
  'qcph snv - ca tinh ap dung tong cong bao nhieu tthc',
  'Tổng số TTHC trong danh mục Quy chế 03/QCPH?',
  [['51']], ['Tổng cộng'])
q('table_max', QC,
  'Trong danh mục TTHC của Quy chế phối hợp về dữ liệu cư trú, căn cước, lĩnh vực nào có nhiều thủ tục nhất và bao nhiêu thủ tục?',
  'linh vuc nao nhieu tthc nhat trong qcph 03, bao nhieu',
  'Lĩnh vực nhiều TTHC nhất (Quy chế 03/QCPH-SNV-CAT)?',
  [['Người có công'], ['24']], ['Người có công'])
q('table_min', QC,
  'Lĩnh vực nào có ít thủ tục hành chính nhất trong danh mục áp dụng Quy chế phối hợp giữa Sở Nội vụ và Công an tỉnh, và khai thác những thông tin gì?',
  'linh vuc it tthc nhat trong quy che phoi hop snv - ca, khai thac thong tin gi',
  'Ít TTHC nhất — lĩnh vực, số thủ tục, thông tin khai thác?',
  [['Công chức, viên chức'], ['3'], ['quê quán']],
  ['Số định danh cá nhân, nơi thường trú, quê quán'])
q('table_cell', QC,
  'Với lĩnh vực tín ngưỡng, tôn giáo, Quy chế 03/QCPH-SNV-CAT áp dụng cho bao nhiêu TTHC và khai thác thông tin gì?',
  'tin nguong ton giao trong qcph 03: may tthc, khai thac thong tin gi',
  'Tín ngưỡng, tôn giáo — số TTHC, thông tin khai thác?',
  [['9'], ['người đại diện, người đăng ký']],
  ['Số định danh cá nhân, nơi thường trú của người đại diện, người đăng ký'])
q('obligation', QC,
  'Theo Quy chế phối hợp, Công an tỉnh phải trả lời đề nghị xác minh thông tin cư trú, căn cước trong thời hạn bao lâu?',
  'ca tinh tra loi de nghi xac minh thong tin cu tru can cuoc trong bao lau',
  'Hạn Công an tỉnh trả lời xác minh cư trú, căn cước?',
  [['03 ngày làm việc'], ['07 ngày làm việc']],
  ['Trả lời đề nghị xác minh thông tin về cư trú, căn cước của Sở Nội vụ, Bộ phận Một cửa trong thời hạn 03 ngày '
   'làm việc kể từ ngày nhận văn bản đề nghị'])
q('obligation', QC,
  'Sở Nội vụ phải gửi danh sách công chức đề nghị cấp tài khoản khai thác dữ liệu cho Công an tỉnh trước ngày nào, qua đơn vị nào, và Công an tỉnh cấp tài khoản trong bao lâu?',
  'snv gui ds cong chuc xin cap tai khoan khai thac du lieu truoc ngay nao, qua dau; ca cap trong bao lau',
  'Danh sách cấp tài khoản khai thác dữ liệu: hạn gửi, qua đâu; thời hạn cấp?',
  [['31/7/2026'], ['Phòng PC06'], ['05 ngày làm việc']],
  ['Lập danh sách công chức đề nghị cấp tài khoản khai thác dữ liệu, gửi Công an tỉnh (qua Phòng PC06) trước ngày '
   '31/7/2026'])
q('obligation', QC,
  'Khi có lỗi kết nối giữa Hệ thống thông tin giải quyết TTHC tỉnh và Cơ sở dữ liệu quốc gia về dân cư thì đơn vị nào khắc phục, phối hợp với ai và trong bao lâu?',
  'loi ket noi he thong tthc tinh voi csdl dan cu ai khac phuc, phoi hop voi ai, bao lau',
  'Lỗi kết nối CSDL dân cư: ai xử lý, hạn?',
  [['Phòng PC06'], ['Sở Khoa học và Công nghệ'], ['24 giờ']],
  ['được Phòng PC06 tiếp nhận, phối hợp với Sở Khoa học và Công nghệ khắc phục trong thời hạn 24 giờ kể từ khi nhận '
   'được thông báo'])
q('reporting', QC,
  'Chế độ báo cáo hằng quý theo Quy chế phối hợp giữa Sở Nội vụ và Công an tỉnh được quy định thế nào?',
  'che do bc hang quy trong qcph snv - ca tinh the nao',
  'Báo cáo quý theo QCPH 03: ai gửi ai, hạn?',
  [['trước ngày 20 của tháng cuối quý'], ['trước ngày 25 của tháng cuối quý'], ['UBND tỉnh']],
  ['Hằng quý, trước ngày 20 của tháng cuối quý, Công an tỉnh gửi Sở Nội vụ số liệu về số lượt khai thác dữ liệu'])
q('contact', QC,
  'Đầu mối phối hợp của Công an tỉnh theo Quy chế 03/QCPH-SNV-CAT là ai, số điện thoại và thư điện tử là gì?',
  'dau moi cong an tinh trong qcph 03 la ai, sdt, email',
  'Liên hệ phía Công an tỉnh (Quy chế phối hợp dữ liệu cư trú)?',
  [['Ứng Văn Thạch'], ['069 2998 216', '0983 604 159'], ['thachuv.pc06@hungyen.gov.vn']],
  ['Trung tá Ứng Văn Thạch, Phó Trưởng phòng PC06'])
q('lead', QC,
  'Theo Quy chế phối hợp về dữ liệu cư trú, căn cước, các cuộc họp giao ban 6 tháng do cơ quan nào chủ trì?',
  'hop giao ban 6 thang theo qcph snv - ca tinh do ai chu tri',
  'Chủ trì giao ban tháng 6 và tháng 12 (QCPH 03)?',
  [['tháng 6 do Sở Nội vụ'], ['tháng 12 do Công an tỉnh']],
  ['cuộc họp tháng 6 do Sở Nội vụ chủ trì, cuộc họp tháng 12 do Công an tỉnh chủ trì'])
q('lookup', QC,
  'Quy chế phối hợp giữa Sở Nội vụ và Công an tỉnh yêu cầu Công an các xã, phường có mặt tại Trung tâm Phục vụ hành chính công cấp xã bao nhiêu buổi mỗi tuần, để làm gì?',
  'cong an xa phuong phai co mat o tt pvhcc cap xa may buoi/tuan theo qcph 03, lam gi',
  'Công an xã, phường tại Trung tâm cấp xã: mấy buổi/tuần, việc gì?',
  [['02 buổi mỗi tuần'], ['hồ sơ cư trú, căn cước']],
  ['Chỉ đạo Công an các xã, phường bố trí cán bộ hướng dẫn, tiếp nhận hồ sơ cư trú, căn cước tại Trung tâm Phục vụ '
   'hành chính công cấp xã ít nhất 02 buổi mỗi tuần.'])
abstain(QC,
        'Kinh phí thực hiện Quy chế phối hợp giữa Sở Nội vụ và Công an tỉnh về dữ liệu cư trú, căn cước là bao nhiêu và do cơ quan nào bảo đảm?',
        'kinh phi thuc hien qcph snv - ca tinh ve du lieu cu tru can cuoc bao nhieu, ai chi',
        'Kinh phí thực hiện QCPH 03 — bao nhiêu, nguồn nào?')
abstain(QC,
        'Đến nay Công an tỉnh đã cấp bao nhiêu tài khoản khai thác dữ liệu dân cư cho công chức Sở Nội vụ?',
        'ca tinh da cap bao nhieu tai khoan khai thac du lieu cho cong chuc snv roi',
        'Số tài khoản khai thác đã cấp cho Sở Nội vụ?')

# ------------------------------------------------------------------ 1186/STP-HCTP (Công văn xin ý kiến, .md)
q('metadata', CV,
  'Công văn 1186/STP-HCTP của Sở Tư pháp được ban hành ngày nào và xin ý kiến về dự thảo văn bản gì?',
  'cv 1186 stp ngay nao, xin y kien du thao gi',
  'CV 1186/STP-HCTP: ngày, nội dung xin ý kiến?',
  [['04 tháng 8 năm 2026'], ['liên thông'], ['khai sinh']],
  ['V/v xin ý kiến góp ý dự thảo Quyết định ban hành Quy chế phối hợp thực hiện liên thông TTHC về khai sinh, khai tử'])
q('signer', CV,
  'Ai ký công văn của Sở Tư pháp xin ý kiến dự thảo Quy chế liên thông thủ tục khai sinh, khai tử?',
  'cv stp xin y kien du thao quy che lien thong khai sinh khai tu ai ky',
  'Người ký CV 1186 của Sở Tư pháp?',
  [['Đỗ Thị Minh Nguyệt'], ['GIÁM ĐỐC']], ['Đỗ Thị Minh Nguyệt'])
q('table_cell', CV,
  'Sở Tư pháp đề nghị Công an tỉnh góp ý trọng tâm vào nội dung nào của dự thảo Quy chế liên thông, và hạn gửi là ngày nào?',
  'stp de nghi ca tinh gop y dieu nao cua du thao, han gui ngay nao (cv 1186)',
  'Công an tỉnh: nội dung góp ý trọng tâm, hạn gửi?',
  [['Điều 6'], ['14/8/2026']],
  ['Điều 6 (đăng ký thường trú, xóa đăng ký thường trú theo quy trình liên thông)'])
q('table_filter', CV,
  'Những đơn vị nào được Sở Tư pháp đề nghị góp ý về Điều 9 của dự thảo Quy chế liên thông khai sinh, khai tử?',
  'don vi nao gop y dieu 9 du thao quy che lien thong (cv 1186)',
  'Góp ý Điều 9 — những đơn vị nào?',
  [['Bảo hiểm xã hội tỉnh'], ['Sở Nội vụ'], ['Sở Y tế']],
  ['Điều 9 (trợ cấp mai táng đối với người có công với cách mạng)'])
q('table_count', CV,
  'Có bao nhiêu đơn vị phải gửi góp ý dự thảo Quy chế liên thông cho Sở Tư pháp với hạn ngày 18/8/2026, là những đơn vị nào?',
  'bao nhieu don vi han gop y 18/8/2026 theo cv 1186 stp, don vi nao',
  'Hạn 18/8/2026: mấy đơn vị, đơn vị nào?',
  [['4'], ['Sở Nội vụ'], ['Sở Y tế'], ['Sở Khoa học và Công nghệ'], ['Trung tâm Phục vụ hành chính công tỉnh']],
  ['Chương III (kết nối, chia sẻ dữ liệu giữa các hệ thống thông tin)'])
q('table_min', CV,
  'Theo công văn xin ý kiến của Sở Tư pháp về dự thảo Quy chế liên thông, đơn vị nào có hạn gửi góp ý sớm nhất và là ngày nào?',
  'don vi nao han gop y som nhat theo cv stp 1186, ngay nao',
  'Hạn góp ý sớm nhất — đơn vị nào, ngày nào?',
  [['14/8/2026'], ['Công an tỉnh'], ['Bảo hiểm xã hội tỉnh']], ['14/8/2026'])
q('table_compare', CV,
  'Hạn gửi góp ý dự thảo Quy chế liên thông khai sinh, khai tử của Sở Y tế và của Sở Tài chính khác nhau thế nào, mỗi sở góp ý nội dung gì?',
  'han gop y cua so y te va so tai chinh khac nhau the nao, moi so gop y gi (cv 1186)',
  'Sở Y tế và Sở Tài chính — hạn và nội dung góp ý?',
  [['18/8/2026'], ['21/8/2026'], ['Điều 15']],
  ['Điều 15 (kinh phí thực hiện)'])
q('lookup', CV,
  'Nếu cơ quan, đơn vị không gửi văn bản góp ý dự thảo Quy chế liên thông đúng hạn thì được hiểu thế nào?',
  'ko gui gop y dung han thi sao (cv 1186 stp)',
  'Không góp ý đúng hạn — được hiểu là gì?',
  [['thống nhất với nội dung dự thảo']],
  ['Quá thời hạn nêu tại Bảng trên, cơ quan, đơn vị nào không gửi văn bản góp ý thì được hiểu là thống nhất với nội '
   'dung dự thảo Quy chế.'])
q('contact', CV,
  'Cần trao đổi về dự thảo Quy chế liên thông khai sinh, khai tử thì liên hệ ai ở Sở Tư pháp, số điện thoại và email?',
  'lien he ai o stp ve du thao quy che lien thong, sdt, email',
  'Đầu mối Sở Tư pháp — CV 1186?',
  [['Mạc Thị Thùy Dung'], ['0221 3862 415', '0977 352 618'], ['dungmtt.stp@hungyen.gov.vn']],
  ['Thông tin chi tiết, đề nghị liên hệ bà Mạc Thị Thùy Dung, Phó Trưởng phòng Hành chính tư pháp, Sở Tư pháp'])
q('obligation', CV,
  'Sở Tư pháp yêu cầu những cơ quan nào cử người dự cuộc họp thống nhất dự thảo Quy chế liên thông, họp lúc nào, ở đâu và hạn gửi danh sách người dự?',
  'co quan nao cu nguoi du hop thong nhat du thao quy che lien thong, hop khi nao o dau, han gui ds',
  'Họp thống nhất dự thảo: ai dự, giờ, địa điểm, hạn danh sách?',
  [['14 giờ 00 ngày 26/8/2026'], ['Phòng họp tầng 3'], ['24/8/2026'], ['Bảo hiểm xã hội tỉnh']],
  ['Sở Nội vụ, Công an tỉnh, Bảo hiểm xã hội tỉnh cử 01 lãnh đạo phòng chuyên môn dự cuộc họp thống nhất các nội dung '
   'còn ý kiến khác nhau của dự thảo Quy chế vào 14 giờ 00 ngày 26/8/2026'])
q('lookup', CV,
  'Dự thảo Quy chế liên thông do Sở Tư pháp xây dựng có bao nhiêu chương, điều, được đăng tải ở đâu và dự kiến trình UBND tỉnh khi nào?',
  'du thao quy che lien thong may chuong may dieu, dang o dau, trinh ubnd tinh khi nao',
  'Dự thảo Quy chế liên thông: số chương, điều; nơi đăng; thời điểm trình?',
  [['04 chương, 16 điều'], ['Cổng thông tin điện tử Sở Tư pháp'], ['tháng 9/2026']],
  ['Dự thảo Quy chế gồm 04 chương, 16 điều', 'trình UBND tỉnh trong tháng 9/2026'])
q('lead', CV,
  'Sau khi nhận góp ý dự thảo Quy chế liên thông, đơn vị nào của Sở Tư pháp tổng hợp, giải trình và phải đăng tải công khai trước ngày nào?',
  'phong nao cua stp tong hop gop y du thao, dang cong khai truoc ngay nao',
  'Tổng hợp, công khai góp ý — đơn vị nào, hạn?',
  [['Phòng Hành chính tư pháp'], ['31/8/2026']],
  ['Ý kiến góp ý được Phòng Hành chính tư pháp, Sở Tư pháp tổng hợp, tiếp thu, giải trình và đăng tải công khai trên '
   'Cổng thông tin điện tử Sở Tư pháp trước ngày 31/8/2026.'])
q('lookup', CV,
  'Theo Sở Tư pháp, năm 2025 toàn tỉnh tiếp nhận bao nhiêu hồ sơ liên thông nhóm khai sinh, nhóm khai tử, và bao nhiêu hồ sơ bị trả lại do dữ liệu không thống nhất?',
  'nam 2025 bao nhieu ho so lien thong khai sinh, khai tu, bao nhieu bi tra lai (cv stp)',
  'Số liệu 2025: hồ sơ liên thông khai sinh / khai tử; hồ sơ bị trả lại?',
  [['38.215'], ['11.904'], ['612']],
  ['Năm 2025, toàn tỉnh tiếp nhận 38.215 hồ sơ liên thông nhóm TTHC khai sinh và 11.904 hồ sơ liên thông nhóm TTHC '
   'khai tử'])
abstain(CV,
        'Theo dự thảo Quy chế liên thông của Sở Tư pháp, thời hạn giải quyết liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi là bao nhiêu ngày?',
        'du thao quy che lien thong: thoi han giai quyet khai sinh + thuong tru + bhyt tre duoi 6 tuoi la may ngay',
        'Thời hạn giải quyết liên thông khai sinh trong dự thảo?')
abstain(CV,
        'Đến nay Sở Tư pháp đã nhận được bao nhiêu văn bản góp ý dự thảo Quy chế liên thông khai sinh, khai tử?',
        'stp da nhan duoc bao nhieu van ban gop y du thao quy che lien thong roi',
        'Số văn bản góp ý Sở Tư pháp đã nhận?')

# ------------------------------------------------------------------ obligations
O = []


def o(unit, num, kw, recipient, via, deadline, recurrence, deadline_text, evidence, basis='direct'):
    O.append(dict(unit=unit, document_number=num, action_keywords=kw, recipient=recipient, via=via, deadline=deadline,
                  recurrence=recurrence, deadline_text=deadline_text, basis=basis, evidence=evidence))


P = '286/QĐ-UBND'
ev = ('b) Tham mưu Chủ tịch UBND xã ban hành quyết định điều động công chức quy định tại điểm a, điểm b khoản 2 Mục III '
      'trước ngày 05/9/2026; tổ chức tuyển dụng 01 công chức tiếp nhận chung trong quý IV/2026;')
o('Văn phòng HĐND và UBND xã', P, ['Tham mưu Chủ tịch UBND xã ban hành quyết định điều động'], 'Chủ tịch UBND xã', None,
  '2026-09-05', None, 'trước ngày 05/9/2026', ev)
o('Văn phòng HĐND và UBND xã', P, ['tổ chức tuyển dụng'], None, None, '2026-12-31', None, 'trong quý IV/2026', ev)
o('Văn phòng HĐND và UBND xã', P, ['Kinh phí mua sắm', 'bố trí'], None, None, '2026-09-30', None, 'trong tháng 9/2026',
  'c) Kinh phí mua sắm bổ sung 02 bộ máy tính, máy quét tài liệu cho quầy tiếp nhận hồ sơ đất đai được Văn phòng HĐND '
  'và UBND xã bố trí từ nguồn chi thường xuyên năm 2026, hoàn thành trong tháng 9/2026;')
o('Văn phòng HĐND và UBND xã', P, ['Tổng hợp kết quả thực hiện Phương án', 'báo cáo UBND tỉnh'], 'UBND tỉnh', 'Sở Nội vụ',
  '2026-12-25', None, 'trước ngày 25/12/2026',
  'd) Tổng hợp kết quả thực hiện Phương án, tham mưu Chủ tịch UBND xã báo cáo UBND tỉnh (qua Sở Nội vụ) trước ngày '
  '25/12/2026.')
o('Phòng Kinh tế', P, ['Bàn giao hồ sơ'], None, None, '2026-09-10', None, 'trước ngày 10/9/2026',
  'a) Bàn giao hồ sơ, công việc đang giải quyết của công chức được điều động, hoàn thành trước ngày 10/9/2026;')
o('Phòng Kinh tế', P, ['tập huấn nghiệp vụ'], None, None, '2026-09-30', None, 'trong tháng 9/2026',
  'b) Chủ trì, phối hợp với Trung tâm tập huấn nghiệp vụ tiếp nhận hồ sơ đất đai, đăng ký kinh doanh cho công chức '
  'được điều động trong tháng 9/2026;')
ev = ('c) Giải quyết hồ sơ do Trung tâm chuyển đến đúng thời hạn; hồ sơ có nguy cơ quá hạn phải báo cáo Phó Chủ tịch '
      'UBND xã phụ trách lĩnh vực chậm nhất 02 ngày làm việc trước ngày hẹn trả kết quả.')
o('Phòng Kinh tế', P, ['Giải quyết hồ sơ do Trung tâm chuyển đến'], None, None, None, None, None, ev)
o('Phòng Kinh tế', P, ['báo cáo Phó Chủ tịch UBND xã'], 'Phó Chủ tịch UBND xã phụ trách lĩnh vực', None, None, None,
  'chậm nhất 02 ngày làm việc trước ngày hẹn trả kết quả', ev)
ev = ('Tiếp nhận, phân công nhiệm vụ cho bà Hứa Thị Ngân từ ngày 15/9/2026; giải quyết hồ sơ lĩnh vực văn hóa, giáo '
      'dục, y tế do Trung tâm chuyển đến theo quy trình nội bộ đã được phê duyệt.')
o('Phòng Văn hóa - Xã hội', P, ['Tiếp nhận, phân công nhiệm vụ'], None, None, None, None, 'từ ngày 15/9/2026', ev)
o('Phòng Văn hóa - Xã hội', P, ['giải quyết hồ sơ lĩnh vực văn hóa, giáo dục, y tế'], None, None, None, None, None, ev)
o('Trung tâm Phục vụ hành chính công xã', P, ['Phân công nhiệm vụ', 'đề nghị cấp tài khoản'], None, None, '2026-09-15',
  None, 'trước ngày 15/9/2026',
  'a) Phân công nhiệm vụ, bố trí lại quầy tiếp nhận và đề nghị cấp tài khoản trên Hệ thống thông tin giải quyết TTHC '
  'tỉnh cho công chức mới, hoàn thành trước ngày 15/9/2026;')
o('Trung tâm Phục vụ hành chính công xã', P, ['báo cáo Chủ tịch UBND xã'], 'Chủ tịch UBND xã',
  'Văn phòng HĐND và UBND xã', None, 'hằng tháng', 'Hằng tháng, trước ngày 05',
  'b) Hằng tháng, trước ngày 05, báo cáo Chủ tịch UBND xã (qua Văn phòng HĐND và UBND xã) số hồ sơ tiếp nhận, giải '
  'quyết, quá hạn của từng lĩnh vực và việc bố trí công chức tại Trung tâm;')
o('Trung tâm Phục vụ hành chính công xã', P, ['Sơ kết 03 tháng', 'báo cáo Chủ tịch UBND xã'], 'Chủ tịch UBND xã', None,
  '2026-12-20', None, 'trước ngày 20/12/2026',
  'c) Sơ kết 03 tháng thực hiện Phương án, báo cáo Chủ tịch UBND xã trước ngày 20/12/2026.')

T = '05-TT/TU'
ev = ('a) Tổ chức quán triệt Thông tri này đến chi bộ, đảng viên, hoàn thành trước ngày 30/6/2026; phân công 01 đồng chí '
      'ủy viên ban thường vụ trực tiếp phụ trách công tác CCHC, chuyển đổi số;')
o('Các đảng ủy trực thuộc Tỉnh ủy', T, ['quán triệt Thông tri này'], None, None, '2026-06-30', None,
  'trước ngày 30/6/2026', ev)
o('Các đảng ủy trực thuộc Tỉnh ủy', T, ['phân công 01 đồng chí ủy viên ban thường vụ'], None, None, None, None, None, ev)
o('Các đảng ủy trực thuộc Tỉnh ủy', T, ['Xây dựng kế hoạch thực hiện'], 'Ban Thường vụ Tỉnh ủy', 'Ban Tổ chức Tỉnh ủy',
  '2026-07-15', None, 'trước ngày 15/7/2026',
  'b) Xây dựng kế hoạch thực hiện Thông tri, gửi Ban Thường vụ Tỉnh ủy (qua Ban Tổ chức Tỉnh ủy) trước ngày 15/7/2026;')
o('Các đảng ủy trực thuộc Tỉnh ủy', T, ['báo cáo kết quả thực hiện'], 'Ban Thường vụ Tỉnh ủy', 'Văn phòng Tỉnh ủy', None,
  '6 tháng', 'Định kỳ 6 tháng (trước ngày 10/6) và hằng năm (trước ngày 10/12)',
  'c) Định kỳ 6 tháng (trước ngày 10/6) và hằng năm (trước ngày 10/12), báo cáo kết quả thực hiện về Ban Thường vụ '
  'Tỉnh ủy (qua Văn phòng Tỉnh ủy).')
o('Đảng ủy UBND tỉnh', T, ['Chỉ đạo Sở Nội vụ phối hợp với Công an tỉnh ban hành quy chế phối hợp'], None, None,
  '2026-09-30', None, 'trong quý III/2026',
  'a) Chỉ đạo Sở Nội vụ phối hợp với Công an tỉnh ban hành quy chế phối hợp khai thác, chia sẻ dữ liệu về cư trú, căn '
  'cước trong giải quyết TTHC, hoàn thành trong quý III/2026;')
o('Đảng ủy UBND tỉnh', T, ['Chỉ đạo UBND các xã, phường rà soát, sắp xếp, bố trí công chức'], None, None, '2026-09-30',
  None, 'trước ngày 30/9/2026',
  'b) Chỉ đạo UBND các xã, phường rà soát, sắp xếp, bố trí công chức tại Trung tâm Phục vụ hành chính công cấp xã phù '
  'hợp với khối lượng hồ sơ của từng lĩnh vực, hoàn thành trước ngày 30/9/2026;')
ev = ('c) Chỉ đạo rà soát, cắt giảm thành phần hồ sơ là giấy tờ đã được số hóa hoặc khai thác được từ cơ sở dữ liệu; '
      'hoàn thiện quy chế phối hợp thực hiện liên thông TTHC về khai sinh, khai tử, trình UBND tỉnh ban hành trong quý '
      'IV/2026.')
o('Đảng ủy UBND tỉnh', T, ['Chỉ đạo rà soát, cắt giảm thành phần hồ sơ'], None, None, None, None, None, ev)
o('Đảng ủy UBND tỉnh', T, ['hoàn thiện quy chế phối hợp thực hiện liên thông TTHC'], 'UBND tỉnh', None, '2026-12-31',
  None, 'trong quý IV/2026', ev)
o('Ban Tổ chức Tỉnh ủy', T, ['bổ sung tiêu chí'], 'Ban Thường vụ Tỉnh ủy', None, '2026-12-31', None, 'trong quý IV/2026',
  'a) Chủ trì, tham mưu Ban Thường vụ Tỉnh ủy bổ sung tiêu chí về kết quả CCHC, chuyển đổi số vào việc đánh giá, xếp '
  'loại chất lượng tổ chức đảng, đảng viên và cán bộ lãnh đạo, quản lý năm 2026, hoàn thành trong quý IV/2026;')
o('Ban Tổ chức Tỉnh ủy', T, ['Tổng hợp kế hoạch', 'báo cáo Ban Thường vụ Tỉnh ủy'], 'Ban Thường vụ Tỉnh ủy', None,
  '2026-07-31', None, 'trước ngày 31/7/2026',
  'b) Tổng hợp kế hoạch của các đảng ủy trực thuộc Tỉnh ủy, báo cáo Ban Thường vụ Tỉnh ủy trước ngày 31/7/2026.')
o('Văn phòng Tỉnh ủy', T, ['Nâng cấp ứng dụng Sổ tay đảng viên điện tử'], None, None, '2026-09-30', None,
  'trong quý III/2026',
  'b) Nâng cấp ứng dụng Sổ tay đảng viên điện tử, bảo đảm kết nối với Hệ thống thông tin điều hành tác nghiệp của Đảng '
  'bộ tỉnh, hoàn thành trong quý III/2026;')
o('Văn phòng Tỉnh ủy', T, ['Tổng hợp báo cáo', 'báo cáo Ban Bí thư'], 'Ban Bí thư', 'Văn phòng Trung ương Đảng', None,
  '6 tháng', 'trước ngày 20/6 và ngày 20/12 hằng năm',
  'c) Tổng hợp báo cáo của các đảng ủy trực thuộc Tỉnh ủy, tham mưu Ban Thường vụ Tỉnh ủy báo cáo Ban Bí thư (qua Văn '
  'phòng Trung ương Đảng) trước ngày 20/6 và ngày 20/12 hằng năm.')
o('Ủy ban Kiểm tra Tỉnh ủy', T, ['kiểm tra'], None, None, '2027-06-30', None, 'trong quý II/2027',
  '3.5. Việc thực hiện Thông tri này tại ít nhất 05 đảng ủy trực thuộc Tỉnh ủy được Ủy ban Kiểm tra Tỉnh ủy kiểm tra '
  'trong quý II/2027.')

C3 = '03/QCPH-SNV-CAT'
ev = ('1. Lập danh sách công chức đề nghị cấp tài khoản khai thác dữ liệu, gửi Công an tỉnh (qua Phòng PC06) trước ngày '
      '31/7/2026; khi có công chức nghỉ việc, chuyển công tác, thông báo để khóa tài khoản trong thời hạn 02 ngày làm '
      'việc.')
o('Sở Nội vụ', C3, ['Lập danh sách công chức', 'gửi Công an tỉnh'], 'Công an tỉnh', 'Phòng PC06', '2026-07-31', None,
  'trước ngày 31/7/2026', ev)
o('Sở Nội vụ', C3, ['thông báo để khóa tài khoản'], None, None, None, None, 'trong thời hạn 02 ngày làm việc', ev)
o('Sở Nội vụ', C3, ['trình Chủ tịch UBND tỉnh công bố danh mục giấy tờ được cắt giảm'], 'Chủ tịch UBND tỉnh', None,
  '2026-09-30', None, 'trong quý III/2026',
  '2. Rà soát, trình Chủ tịch UBND tỉnh công bố danh mục giấy tờ được cắt giảm đối với các TTHC tại khoản 3 Điều 2, '
  'hoàn thành trong quý III/2026.')
o('Phòng Người có công', C3, ['gửi Công an tỉnh'], 'Công an tỉnh', 'Phòng PC06', None, 'hằng tháng',
  'hằng tháng, trước ngày 10',
  '3. Danh sách người có công, thân nhân người có công đã báo giảm do chết được Phòng Người có công thuộc Sở Nội vụ gửi '
  'Công an tỉnh (qua Phòng PC06) hằng tháng, trước ngày 10, để đối chiếu, làm sạch dữ liệu.')
o('Sở Nội vụ', C3, ['Hướng dẫn UBND các xã, phường'], None, None, '2026-08-31', None, 'trong tháng 8/2026',
  '4. Hướng dẫn UBND các xã, phường khai thác dữ liệu đối với TTHC lĩnh vực nội vụ thuộc thẩm quyền cấp xã trong tháng '
  '8/2026.')
o('Công an tỉnh', C3, ['Cấp tài khoản khai thác dữ liệu'], None, None, None, None,
  'trong thời hạn 05 ngày làm việc kể từ ngày nhận danh sách',
  '1. Cấp tài khoản khai thác dữ liệu cho công chức trong danh sách do Sở Nội vụ gửi trong thời hạn 05 ngày làm việc kể '
  'từ ngày nhận danh sách.')
o('Công an tỉnh', C3, ['Trả lời đề nghị xác minh'], 'Sở Nội vụ, Bộ phận Một cửa', None, None, None,
  'trong thời hạn 03 ngày làm việc kể từ ngày nhận văn bản đề nghị',
  '2. Trả lời đề nghị xác minh thông tin về cư trú, căn cước của Sở Nội vụ, Bộ phận Một cửa trong thời hạn 03 ngày làm '
  'việc kể từ ngày nhận văn bản đề nghị; trường hợp phải xác minh tại nơi cư trú thì thời hạn không quá 07 ngày làm '
  'việc.')
o('Công an tỉnh', C3, ['Chỉ đạo Công an các xã, phường bố trí cán bộ'], None, None, None, 'hằng tuần',
  'ít nhất 02 buổi mỗi tuần',
  '3. Chỉ đạo Công an các xã, phường bố trí cán bộ hướng dẫn, tiếp nhận hồ sơ cư trú, căn cước tại Trung tâm Phục vụ '
  'hành chính công cấp xã ít nhất 02 buổi mỗi tuần.')
o('Phòng PC06', C3, ['tiếp nhận', 'khắc phục'], None, None, None, None,
  'trong thời hạn 24 giờ kể từ khi nhận được thông báo',
  '4. Lỗi kết nối, đồng bộ giữa Hệ thống thông tin giải quyết TTHC tỉnh và Cơ sở dữ liệu quốc gia về dân cư được Phòng '
  'PC06 tiếp nhận, phối hợp với Sở Khoa học và Công nghệ khắc phục trong thời hạn 24 giờ kể từ khi nhận được thông '
  'báo.')
o('Công an tỉnh', C3, ['Cập nhật thông tin khai tử', 'gửi kết quả đối chiếu'], 'Sở Nội vụ', None, None, 'hằng tháng',
  'trước ngày 25 hằng tháng',
  '5. Cập nhật thông tin khai tử vào Cơ sở dữ liệu quốc gia về dân cư trên cơ sở danh sách do Sở Nội vụ cung cấp; gửi '
  'kết quả đối chiếu cho Sở Nội vụ trước ngày 25 hằng tháng.')
ev = ('1. Hằng quý, trước ngày 20 của tháng cuối quý, Công an tỉnh gửi Sở Nội vụ số liệu về số lượt khai thác dữ liệu, '
      'số đề nghị xác minh đã trả lời; Sở Nội vụ tổng hợp kết quả thực hiện Quy chế, báo cáo UBND tỉnh trước ngày 25 '
      'của tháng cuối quý, lồng ghép trong báo cáo cải cách hành chính định kỳ.')
o('Công an tỉnh', C3, ['gửi Sở Nội vụ số liệu'], 'Sở Nội vụ', None, None, 'hằng quý',
  'Hằng quý, trước ngày 20 của tháng cuối quý', ev)
o('Sở Nội vụ', C3, ['tổng hợp kết quả thực hiện Quy chế', 'báo cáo UBND tỉnh'], 'UBND tỉnh', None, None, 'hằng quý',
  'trước ngày 25 của tháng cuối quý', ev)
ev = ('2. Định kỳ 6 tháng, hai bên tổ chức họp giao ban đánh giá kết quả phối hợp; cuộc họp tháng 6 do Sở Nội vụ chủ '
      'trì, cuộc họp tháng 12 do Công an tỉnh chủ trì.')
o('Sở Nội vụ', C3, ['họp giao ban', 'chủ trì'], None, None, None, 'hằng năm', 'cuộc họp tháng 6', ev)
o('Công an tỉnh', C3, ['họp giao ban', 'chủ trì'], None, None, None, 'hằng năm', 'cuộc họp tháng 12', ev)
o('Sở Nội vụ', C3, ['gửi Quy chế này'], 'Trung tâm Phục vụ hành chính công tỉnh và UBND các xã, phường', None, None,
  None, 'trong thời hạn 05 ngày làm việc kể từ ngày ký',
  '2. Sở Nội vụ gửi Quy chế này đến Trung tâm Phục vụ hành chính công tỉnh và UBND các xã, phường trong thời hạn 05 '
  'ngày làm việc kể từ ngày ký.')

S = '1186/STP-HCTP'
ev = 'Các cơ quan, đơn vị có tên tại Bảng trên gửi văn bản góp ý về Sở Tư pháp theo thời hạn tại cột "Hạn gửi"'
for unit, date in [('Công an tỉnh', '14/8/2026'), ('Bảo hiểm xã hội tỉnh', '14/8/2026'), ('Sở Nội vụ', '18/8/2026'),
                   ('Sở Y tế', '18/8/2026'), ('Sở Khoa học và Công nghệ', '18/8/2026'),
                   ('Trung tâm Phục vụ hành chính công tỉnh', '18/8/2026'), ('Sở Tài chính', '21/8/2026'),
                   ('UBND các xã, phường', '21/8/2026')]:
    dd, mm, yy = date.split('/')
    o(unit, S, ['gửi văn bản góp ý'], 'Sở Tư pháp', None, '%s-%02d-%02d' % (yy, int(mm), int(dd)), None, date, ev,
      basis='group: các cơ quan, đơn vị có tên tại Bảng của Công văn')
o('UBND các xã, phường', S, ['tổng hợp ý kiến'], None, None, None, None, None,
  '2. Chủ tịch UBND các xã, phường giao công chức làm công tác tư pháp - hộ tịch tổng hợp ý kiến của Trung tâm Phục vụ '
  'hành chính công và Công an xã, phường trước khi gửi Sở Tư pháp.')
ev = ('3. Sở Nội vụ, Công an tỉnh, Bảo hiểm xã hội tỉnh cử 01 lãnh đạo phòng chuyên môn dự cuộc họp thống nhất các nội '
      'dung còn ý kiến khác nhau của dự thảo Quy chế vào 14 giờ 00 ngày 26/8/2026 tại Phòng họp tầng 3, trụ sở Sở Tư '
      'pháp; danh sách người dự gửi Sở Tư pháp trước ngày 24/8/2026.')
for unit in ['Sở Nội vụ', 'Công an tỉnh', 'Bảo hiểm xã hội tỉnh']:
    o(unit, S, ['cử 01 lãnh đạo phòng chuyên môn dự cuộc họp'], None, None, '2026-08-26', None,
      '14 giờ 00 ngày 26/8/2026', ev)
    o(unit, S, ['danh sách người dự gửi Sở Tư pháp'], 'Sở Tư pháp', None, '2026-08-24', None, 'trước ngày 24/8/2026', ev)
o('Phòng Hành chính tư pháp', S, ['tổng hợp, tiếp thu, giải trình', 'đăng tải công khai'], None, None, '2026-08-31',
  None, 'trước ngày 31/8/2026',
  'Ý kiến góp ý được Phòng Hành chính tư pháp, Sở Tư pháp tổng hợp, tiếp thu, giải trình và đăng tải công khai trên Cổng '
  'thông tin điện tử Sở Tư pháp trước ngày 31/8/2026.')
o('Sở Tư pháp', S, ['trình UBND tỉnh'], 'UBND tỉnh', None, '2026-09-30', None, 'trong tháng 9/2026',
  'Để hoàn thiện dự thảo Quy chế, trình UBND tỉnh trong tháng 9/2026, Sở Tư pháp đề nghị các cơ quan, đơn vị nghiên '
  'cứu, góp ý đối với toàn bộ dự thảo')

# ------------------------------------------------------------------ write
lines = []
for i, (kind, doc, texts, must, anchors) in enumerate(Q, 1):
    for suffix, text in zip('abc', texts):
        r = {'id': 'q5a%03d%s' % (i, suffix), 'kind': kind, 'question': N(text),
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
