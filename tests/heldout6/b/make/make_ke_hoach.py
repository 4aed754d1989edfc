"""Builds pdf-source/ke-hoach-nang-ty-le-ho-so-truc-tuyen-phuong-vu-phuc-6-thang-cuoi-2026.docx (Kế hoạch 96/KH-UBND of
UBND phường Vũ Phúc with its Phụ lục phân công) and converts it with LibreOffice to documents/….pdf. The Phụ lục table
starts on one page and continues on the next (header row repeated; rows never split)."""
import os
import shutil
import subprocess
import sys
import tempfile

from docx.shared import Pt

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from docxlib import C, L, grid, new_document, para, two_col  # noqa: E402

NAME = 'ke-hoach-nang-ty-le-ho-so-truc-tuyen-phuong-vu-phuc-6-thang-cuoi-2026'
SRC = os.path.join(HERE, '..', 'pdf-source', NAME + '.docx')
PDF = os.path.join(HERE, '..', 'documents', NAME + '.pdf')

d = new_document()
two_col(d,
        [('ỦY BAN NHÂN DÂN', True, False), ('PHƯỜNG VŨ PHÚC', True, False), ('', False, False),
         ('Số: 96/KH-UBND', False, False)],
        [('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', True, False), ('Độc lập - Tự do - Hạnh phúc', True, False),
         ('', False, False), ('Vũ Phúc, ngày 22 tháng 7 năm 2026', False, True)],
        widths=(6.0, 10.5), size_left=12, size_right=12)
para(d, '', C, after=0)
para(d, 'KẾ HOẠCH', C, bold=True, size=14, after=0)
para(d, 'Nâng cao tỷ lệ hồ sơ trực tuyến toàn trình và chất lượng giải quyết thủ tục hành chính trên địa bàn '
        'phường Vũ Phúc 6 tháng cuối năm 2026', C, bold=True, after=8)
para(d, 'Thực hiện Kế hoạch số 214/KH-UBND ngày 26/12/2025 của UBND tỉnh về cải cách hành chính nhà nước tỉnh Hưng '
        'Yên năm 2026 và ý kiến kết luận của đồng chí Chủ tịch UBND tỉnh tại Hội nghị sơ kết công tác cải cách hành '
        'chính, chuyển đổi số 6 tháng đầu năm 2026 (ngày 15/7/2026), Ủy ban nhân dân phường Vũ Phúc ban hành Kế hoạch '
        'nâng cao tỷ lệ hồ sơ trực tuyến toàn trình và chất lượng giải quyết thủ tục hành chính (TTHC) 6 tháng cuối '
        'năm 2026 như sau:')

para(d, 'I. MỤC ĐÍCH, YÊU CẦU', L, bold=True, indent=False)
para(d, '1. Khắc phục tình trạng tỷ lệ hồ sơ trực tuyến toàn trình của phường thấp hơn mức bình quân của tỉnh; '
        'không để phát sinh hồ sơ quá hạn mới.')
para(d, '2. Phân công cụ thể cơ quan chủ trì, cơ quan phối hợp, thời hạn và sản phẩm của từng nhiệm vụ; gắn trách '
        'nhiệm người đứng đầu với kết quả thực hiện.')

para(d, 'II. THỰC TRẠNG 6 THÁNG ĐẦU NĂM 2026', L, bold=True, indent=False)
para(d, '6 tháng đầu năm 2026, Trung tâm Phục vụ hành chính công phường tiếp nhận 2.946 hồ sơ TTHC, trong đó 1.397 '
        'hồ sơ trực tuyến toàn trình (đạt 47,4%), thấp hơn mức bình quân của tỉnh (58,2%); giải quyết đúng hạn 2.902/'
        '2.931 hồ sơ (đạt 99,0%), quá hạn 29 hồ sơ, trong đó 18 hồ sơ thuộc lĩnh vực đất đai.')
para(d, 'Chỉ số cải cách hành chính năm 2025 của phường đạt 78,35 điểm, xếp thứ 89/104 xã, phường. Phường có 21 tổ dân '
        'phố, trong đó 19 tổ dân phố đã có Tổ công nghệ số cộng đồng (còn tổ dân phố số 7 và tổ dân phố số 15 chưa có); '
        '84,6% công dân từ đủ 14 tuổi trở lên cư trú trên địa bàn đã được kích hoạt tài khoản định danh điện tử mức '
        'độ 2.')

para(d, 'III. CHỈ TIÊU ĐẾN NGÀY 31/12/2026', L, bold=True, indent=False)
for t in ['- Tỷ lệ hồ sơ trực tuyến toàn trình cả 6 tháng cuối năm đạt từ 65% trở lên, riêng tháng 12/2026 đạt từ '
          '70% trở lên;',
          '- Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 99,5% trở lên; 100% hồ sơ quá hạn có Phiếu xin lỗi gửi người dân;',
          '- 95% công dân từ đủ 14 tuổi trở lên được kích hoạt tài khoản định danh điện tử mức độ 2;',
          '- 21/21 tổ dân phố có Tổ công nghệ số cộng đồng hoạt động thường xuyên;',
          '- Chỉ số cải cách hành chính năm 2026 của phường tăng ít nhất 10 bậc so với năm 2025.']:
    para(d, t)

para(d, 'IV. TỔ CHỨC THỰC HIỆN', L, bold=True, indent=False)
para(d, '1. Các cơ quan, đơn vị thuộc UBND phường, các tổ dân phố thực hiện nhiệm vụ được phân công tại Phụ lục kèm '
        'theo Kế hoạch này; báo cáo kết quả thực hiện về UBND phường (qua Văn phòng HĐND và UBND phường) hằng quý, '
        'trước ngày 15 của tháng cuối quý.')
para(d, '2. Văn phòng HĐND và UBND phường:')
para(d, 'a) Là cơ quan thường trực, giúp UBND phường theo dõi, đôn đốc việc thực hiện Kế hoạch này;')
para(d, 'b) Tổng hợp kết quả thực hiện các chỉ tiêu tại Mục III, báo cáo Chủ tịch UBND phường hằng tháng, trước ngày '
        '25;')
para(d, 'c) Tham mưu UBND phường báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả thực hiện Kế hoạch trước ngày 10/12/2026.')
para(d, '3. Kinh phí thực hiện Kế hoạch được Phòng Kinh tế, Hạ tầng và Đô thị tham mưu bố trí từ dự toán ngân sách '
        'phường năm 2026, trình Chủ tịch UBND phường phê duyệt trước ngày 15/8/2026.')
para(d, '4. Trường hợp tỷ lệ hồ sơ trực tuyến toàn trình của tháng 9/2026 chưa đạt 55%, Văn phòng HĐND và UBND phường '
        'tham mưu Chủ tịch UBND phường tổ chức họp kiểm điểm trách nhiệm của Giám đốc Trung tâm Phục vụ hành chính '
        'công phường và các phòng chuyên môn có liên quan.')
para(d, '5. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường giám sát việc thực hiện Kế hoạch này tại các tổ dân phố.')
para(d, 'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo Chủ tịch UBND phường (qua '
        'Văn phòng HĐND và UBND phường) để xem xét, giải quyết./.')

two_col(d,
        [('Nơi nhận:', True, True), ('- Sở Nội vụ (b/c);', False, False),
         ('- Trung tâm Phục vụ hành chính công tỉnh;', False, False),
         ('- Thường trực Đảng ủy phường (b/c);', False, False), ('- Chủ tịch, các PCT UBND phường;', False, False),
         ('- Ủy ban MTTQ Việt Nam phường;', False, False), ('- Các cơ quan, đơn vị thuộc UBND phường;', False, False),
         ('- Các tổ dân phố;', False, False), ('- Lưu: VT, VP.', False, False)],
        [('TM. ỦY BAN NHÂN DÂN', True, False), ('KT. CHỦ TỊCH', True, False), ('PHÓ CHỦ TỊCH', True, False),
         ('', False, False), ('', False, False), ('', False, False), ('Đồng Thị Huyền Trang', True, False)],
        widths=(8.0, 8.5), align_left=L, size_left=11)

# ---------------------------------------------------------------- Phụ lục (no page break before it: the table starts
# on the page of the signature and continues on the next)
para(d, '', C, after=0)
para(d, 'PHỤ LỤC', C, bold=True, after=0)
para(d, 'PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH', C, bold=True, after=0)
para(d, '(Kèm theo Kế hoạch số 96/KH-UBND ngày 22/7/2026 của UBND phường Vũ Phúc)', C, italic=True, after=6)
ROWS = [
    ['1', 'Rà soát, công khai danh mục TTHC thực hiện trực tuyến toàn trình tại Trung tâm và trên Trang thông tin '
          'điện tử phường', 'Trung tâm Phục vụ hành chính công phường', 'Văn phòng HĐND và UBND phường',
     'Trước 15/8/2026', 'Danh mục được niêm yết, đăng tải'],
    ['2', 'Bố trí 02 công chức hướng dẫn, hỗ trợ người dân nộp hồ sơ trực tuyến tại khu vực chờ của Trung tâm',
     'Trung tâm Phục vụ hành chính công phường', 'Đoàn Thanh niên phường', 'Từ ngày 01/8/2026',
     'Quầy hỗ trợ hoạt động'],
    ['3', 'Giải quyết dứt điểm 18 hồ sơ đất đai quá hạn; gửi Phiếu xin lỗi cho người dân',
     'Phòng Kinh tế, Hạ tầng và Đô thị', 'Trung tâm Phục vụ hành chính công phường', 'Trước 31/8/2026',
     'Báo cáo kết quả xử lý'],
    ['4', 'Thành lập Tổ công nghệ số cộng đồng tại tổ dân phố số 7 và tổ dân phố số 15', 'Phòng Văn hóa - Xã hội',
     'Các tổ dân phố', 'Tháng 8/2026', 'Quyết định thành lập'],
    ['5', 'Tập huấn kỹ năng hướng dẫn dịch vụ công trực tuyến cho thành viên Tổ công nghệ số cộng đồng (02 lớp)',
     'Phòng Văn hóa - Xã hội', 'Trung tâm Phục vụ hành chính công phường', 'Quý III/2026',
     '21 Tổ được tập huấn'],
    ['6', 'Tuyên truyền lợi ích của dịch vụ công trực tuyến trên hệ thống truyền thanh phường, nhóm Zalo của tổ dân '
          'phố (tối thiểu 04 tin, bài mỗi tháng)', 'Phòng Văn hóa - Xã hội', 'Các ban, ngành, đoàn thể phường',
     'Hằng tháng', 'Tin, bài được phát'],
    ['7', 'Vận động hội viên, đoàn viên nộp hồ sơ trực tuyến, thanh toán phí, lệ phí không dùng tiền mặt; mỗi tổ '
          'chức đăng ký ít nhất 01 mô hình "Dân vận khéo" về dịch vụ công trực tuyến',
     'Các ban, ngành, đoàn thể phường', 'Phòng Văn hóa - Xã hội', 'Trước 30/9/2026', 'Danh sách mô hình đăng ký'],
    ['8', 'Rà soát, lập danh sách công dân từ đủ 14 tuổi trở lên chưa được kích hoạt tài khoản định danh điện tử '
          'mức độ 2, gửi Công an phường', 'Các tổ dân phố', 'Công an phường', 'Hằng tháng, trước ngày 20',
     'Danh sách công dân chưa kích hoạt'],
    ['9', 'Kích hoạt tài khoản định danh điện tử mức độ 2 cho công dân từ đủ 14 tuổi trở lên, đạt 95%',
     'Công an phường', 'Các tổ dân phố', 'Trước 30/11/2026', 'Báo cáo số liệu'],
    ['10', 'Tổng hợp phản ánh, kiến nghị của người dân về giải quyết TTHC tại hội nghị tổ dân phố, gửi UBND phường '
           '(qua Văn phòng HĐND và UBND phường)', 'Các tổ dân phố', 'Các ban, ngành, đoàn thể phường',
     'Hằng tháng, trước ngày 20', 'Báo cáo tổng hợp'],
    ['11', 'Trích xuất số liệu hồ sơ trực tuyến toàn trình theo từng lĩnh vực trên Hệ thống thông tin giải quyết TTHC '
           'tỉnh; cảnh báo lĩnh vực đạt dưới 50%', 'Trung tâm Phục vụ hành chính công phường',
     'Văn phòng HĐND và UBND phường', 'Trước 16 giờ 00 thứ Sáu hằng tuần', 'Bản tin số liệu tuần'],
    ['12', 'Kiểm tra công vụ đột xuất việc tiếp nhận, giải quyết hồ sơ tại Trung tâm và các phòng chuyên môn',
     'Văn phòng HĐND và UBND phường', 'Công an phường', 'Ít nhất 01 lần mỗi quý', 'Thông báo kết quả kiểm tra'],
    ['13', 'Khảo sát mức độ hài lòng của người dân đối với việc giải quyết TTHC (tối thiểu 300 phiếu)',
     'Văn phòng HĐND và UBND phường', 'Các ban, ngành, đoàn thể phường; Các tổ dân phố', 'Tháng 10/2026',
     'Báo cáo kết quả khảo sát'],
    ['14', 'Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2026 của phường, gửi Sở Nội vụ',
     'Văn phòng HĐND và UBND phường', 'Các cơ quan, đơn vị thuộc UBND phường', 'Trước 15/11/2026',
     'Báo cáo tự đánh giá'],
    ['15', 'Sơ kết thực hiện Kế hoạch; đề xuất khen thưởng 03 tổ dân phố có tỷ lệ hồ sơ trực tuyến toàn trình cao nhất',
     'Văn phòng HĐND và UBND phường', 'Phòng Văn hóa - Xã hội', 'Tháng 12/2026', 'Báo cáo sơ kết'],
]
grid(d, ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn', 'Sản phẩm'], ROWS,
     widths=[1.5, 4.9, 3.0, 3.0, 2.6, 2.4], size=11, aligns=[C, L, L, L, C, L], margin_cm=0.3)

# the empty paragraph that must follow the table is made 1 pt high, so that it does not open a blank page
last = d.paragraphs[-1]
last.paragraph_format.space_after = Pt(0)
last.paragraph_format.line_spacing = Pt(1)
last.add_run('').font.size = Pt(1)
d.save(SRC)
tmp = tempfile.mkdtemp()
subprocess.run(['soffice', '--headless', '--convert-to', 'pdf', '--outdir', tmp, SRC], check=True,
               capture_output=True)
shutil.copy(os.path.join(tmp, NAME + '.pdf'), PDF)
shutil.rmtree(tmp)
print('wrote', SRC, PDF)
