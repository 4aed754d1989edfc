"""Builds pdf-source/thong-bao-phan-cong-nhiem-vu-giao-ban-cchc-quy-i-2027.docx (Thông báo 118/TB-VP of Văn phòng UBND
tỉnh), converts it with LibreOffice to pdf-source/….pdf (the text PDF that validate.py reads with pdftotext), and then
has make_scan.py (run with a python that has Pillow and img2pdf) turn that PDF into the image-only documents/….pdf."""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from docxlib import C, L, convert, grid, new_document, para, set_props, two_col  # noqa: E402

NAME = 'thong-bao-phan-cong-nhiem-vu-giao-ban-cchc-quy-i-2027'
SRC = os.path.join(HERE, '..', 'pdf-source', NAME + '.docx')
SRC_PDF = os.path.join(HERE, '..', 'pdf-source', NAME + '.pdf')
SCAN = os.path.join(HERE, '..', 'documents', NAME + '.pdf')
PYTHON_WITH_PIL = os.environ.get('PYTHON_WITH_PIL', '/usr/bin/python3')

d = new_document()
two_col(d,
        [('UBND TỈNH HƯNG YÊN', False, False), ('VĂN PHÒNG', True, False), ('', False, False),
         ('Số: 118/TB-VP', False, False)],
        [('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', True, False), ('Độc lập - Tự do - Hạnh phúc', True, False),
         ('', False, False), ('Hưng Yên, ngày 12 tháng 4 năm 2027', False, True)],
        widths=(6.0, 10.5), size_left=12, size_right=12)
para(d, '', C, after=0)
para(d, 'THÔNG BÁO', C, bold=True, size=14, after=0)
para(d, 'Phân công thực hiện nhiệm vụ sau Hội nghị giao ban công tác cải cách hành chính quý I năm 2027', C, bold=True,
     after=8)
para(d, 'Ngày 08/4/2027, tại Phòng họp số 2, trụ sở UBND tỉnh, đồng chí Nguyễn Thị Thanh Hương, Phó Chủ tịch UBND '
        'tỉnh, Phó Trưởng ban thường trực Ban Chỉ đạo cải cách hành chính và chuyển đổi số tỉnh chủ trì Hội nghị giao '
        'ban công tác cải cách hành chính (CCHC) quý I năm 2027. Tham dự Hội nghị có lãnh đạo các Sở: Nội vụ, Tài '
        'chính, Khoa học và Công nghệ, Tư pháp, Văn hóa, Thể thao và Du lịch; Văn phòng UBND tỉnh; Trung tâm Phục vụ '
        'hành chính công tỉnh; đại diện Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh; Chủ tịch UBND 104 xã, phường dự '
        'trực tuyến.')
para(d, '**1. Kết quả quý I/2027**')
para(d, 'Quý I/2027, toàn tỉnh tiếp nhận 203.815 hồ sơ thủ tục hành chính (TTHC); tỷ lệ hồ sơ trực tuyến toàn trình '
        'đạt 71,4%; tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,6%; còn 1.126 hồ sơ quá hạn, tập trung ở lĩnh vực đất đai '
        '(812 hồ sơ).')
para(d, 'Đến ngày 31/3/2027, kinh phí CCHC năm 2027 giao tại Quyết định số 52/QĐ-UBND mới giải ngân 811 triệu đồng, '
        'đạt 9,8% dự toán; Sở Khoa học và Công nghệ chưa giải ngân do chưa hoàn thành lựa chọn nhà thầu.')
para(d, '**2. Phân công nhiệm vụ**')
para(d, 'Để khắc phục tồn tại, hoàn thành nhiệm vụ CCHC quý II/2027, đồng chí Phó Chủ tịch UBND tỉnh phân công nhiệm '
        'vụ như sau:')
grid(d, ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn'], [
    ['1', 'Rà soát, giải quyết dứt điểm 1.126 hồ sơ quá hạn của quý I/2027; gửi Phiếu xin lỗi đến người dân',
     'UBND các xã, phường', 'Trung tâm Phục vụ hành chính công tỉnh', 'Trước 30/4/2027'],
    ['2', 'Hoàn thành lựa chọn nhà thầu nâng cấp Hệ thống thông tin giải quyết TTHC tỉnh theo Quyết định số '
     '52/QĐ-UBND', 'Sở Khoa học và Công nghệ', 'Sở Tài chính', 'Trước 30/4/2027'],
    ['3', 'Tổ chức 02 đoàn giám sát đợt 1 tại xã Yên Mỹ, xã Ân Thi theo Kế hoạch liên tịch số 03/KHLT-MTTQ-SNV',
     'Sở Nội vụ', 'Ủy ban MTTQ Việt Nam tỉnh', 'Trong tháng 5/2027'],
    ['4', 'Trình UBND tỉnh dự thảo Quyết định quy định đánh giá, xếp loại chất lượng phục vụ của Trung tâm Phục vụ '
     'hành chính công cấp xã sau phản biện xã hội', 'Sở Nội vụ', 'Sở Tư pháp, Trung tâm Phục vụ hành chính công tỉnh',
     'Trước 31/7/2027'],
    ['5', 'Tập huấn chuyên sâu về hộ tịch, chứng thực cho công chức tư pháp - hộ tịch cấp xã', 'Sở Tư pháp',
     'Sở Nội vụ', 'Trong quý II/2027'],
    ['6', 'Trình Chủ tịch UBND tỉnh công bố danh mục TTHC được cắt giảm thành phần hồ sơ do khai thác được từ cơ sở '
     'dữ liệu', 'Văn phòng UBND tỉnh', 'Các sở, ban, ngành', 'Trước 31/5/2027'],
    ['7', 'Mở chuyên mục "Dịch vụ công trực tuyến toàn trình", phát sóng ít nhất 02 kỳ mỗi tháng',
     'Sở Văn hóa, Thể thao và Du lịch', 'Báo và Phát thanh, Truyền hình Hưng Yên', 'Hằng tháng'],
    ['8', 'Đôn đốc giải ngân kinh phí CCHC năm 2027; đề xuất điều chuyển dự toán của đơn vị giải ngân chậm',
     'Sở Tài chính', 'Sở Nội vụ', 'Trước 20/7/2027'],
    ['9', 'Tăng cường công chức lĩnh vực đất đai cho Trung tâm Phục vụ hành chính công các xã có trên 50 hồ sơ đất '
     'đai quá hạn', 'Trung tâm Phục vụ hành chính công tỉnh', 'UBND các xã, phường', 'Từ ngày 15/4/2027'],
    ['10', 'Tổng hợp kết quả thực hiện Thông báo này, báo cáo Phó Chủ tịch UBND tỉnh tại Hội nghị giao ban quý '
     'II/2027', 'Sở Nội vụ', 'Văn phòng UBND tỉnh', 'Trước 05/7/2027'],
], widths=[1.2, 5.4, 3.2, 3.3, 3.4], size=11, aligns=[C, L, L, L, C])
para(d, '3. Các cơ quan, đơn vị chủ trì nhiệm vụ tại Bảng trên (trừ Sở Nội vụ) gửi báo cáo tiến độ về Sở Nội vụ (qua '
        'Phòng Cải cách hành chính) trước ngày 25 hằng tháng để tổng hợp.')
para(d, '4. Trường hợp không hoàn thành nhiệm vụ đúng thời hạn, Thủ trưởng đơn vị chủ trì có văn bản giải trình, báo '
        'cáo Phó Chủ tịch UBND tỉnh (qua Văn phòng UBND tỉnh) chậm nhất 03 ngày làm việc trước khi hết thời hạn.')
para(d, '5. Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện. Kết quả thực hiện nhiệm vụ tại Thông báo này được Sở '
        'Nội vụ đưa vào đánh giá Chỉ số CCHC năm 2027 của các cơ quan, đơn vị.')
para(d, 'Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.')
two_col(d,
        [('Nơi nhận:', True, True), ('- Chủ tịch, các PCT UBND tỉnh (b/c);', False, False),
         ('- Các sở, ban, ngành tỉnh;', False, False), ('- Ủy ban MTTQ Việt Nam tỉnh;', False, False),
         ('- Trung tâm PVHCC tỉnh;', False, False), ('- UBND các xã, phường;', False, False),
         ('- Lưu: VT, NC.', False, False)],
        [('KT. CHÁNH VĂN PHÒNG', True, False), ('PHÓ CHÁNH VĂN PHÒNG', True, False), ('', False, False),
         ('', False, False), ('', False, False), ('Trịnh Thu Trang', True, False)],
        widths=(7.5, 9.0), align_left=L, size_left=11)

set_props(d, 'Thông báo phân công nhiệm vụ giao ban CCHC quý I/2027', 'Phòng Nội chính - Văn phòng UBND tỉnh',
          (2027, 4, 12, 9, 40))
d.save(SRC)
tmp = tempfile.mkdtemp()
shutil.copy(convert(SRC, 'pdf', tmp), SRC_PDF)
shutil.rmtree(tmp)
os.system('pdfinfo "%s" | grep Pages' % SRC_PDF)
subprocess.run([PYTHON_WITH_PIL, os.path.join(HERE, 'make_scan.py'), SRC_PDF, SCAN], check=True)
print('wrote', SRC, SRC_PDF, SCAN)
