"""Builds pdf-source/quy-che-phoi-hop-so-noi-vu-cong-an-tinh-du-lieu-cu-tru-can-cuoc-2026.docx
(Quy chế phối hợp 03/QCPH-SNV-CAT) and converts it with LibreOffice to documents/….pdf."""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from docxlib import C, J, L, grid, new_document, para, two_col  # noqa: E402

NAME = 'quy-che-phoi-hop-so-noi-vu-cong-an-tinh-du-lieu-cu-tru-can-cuoc-2026'
SRC = os.path.join(HERE, '..', 'pdf-source', NAME + '.docx')
PDF = os.path.join(HERE, '..', 'documents', NAME + '.pdf')

d = new_document()
two_col(d,
        [('UBND TỈNH HƯNG YÊN', False, False), ('SỞ NỘI VỤ', True, False), ('', False, False),
         ('CÔNG AN TỈNH HƯNG YÊN', True, False), ('', False, False), ('Số: 03/QCPH-SNV-CAT', False, False)],
        [('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', True, False), ('Độc lập - Tự do - Hạnh phúc', True, False),
         ('', False, False), ('', False, False), ('', False, False),
         ('Hưng Yên, ngày 15 tháng 7 năm 2026', False, True)],
        widths=(6.5, 10.0), size_left=12, size_right=12)
para(d, '', C, after=0)
para(d, 'QUY CHẾ PHỐI HỢP', C, bold=True, size=14, after=0)
para(d, 'giữa Sở Nội vụ và Công an tỉnh trong việc khai thác, chia sẻ dữ liệu về cư trú, căn cước phục vụ giải quyết '
        'thủ tục hành chính tại Bộ phận Một cửa', C, bold=True, after=6)
for t in [
    'Căn cứ Luật Cư trú ngày 13 tháng 11 năm 2020; Luật Căn cước ngày 27 tháng 11 năm 2023;',
    'Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ về thực hiện thủ tục hành chính '
    'theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia;',
    'Thực hiện Thông tri số 05-TT/TU ngày 08 tháng 6 năm 2026 của Ban Thường vụ Tỉnh ủy về tăng cường sự lãnh đạo '
    'của các tổ chức đảng đối với công tác cải cách hành chính gắn với chuyển đổi số,',
]:
    para(d, t, J, italic=True)
para(d, 'Sở Nội vụ và Công an tỉnh thống nhất ban hành Quy chế phối hợp với các nội dung sau:')

para(d, 'Chương I', C, bold=True, after=0)
para(d, 'QUY ĐỊNH CHUNG', C, bold=True)
para(d, '**Điều 1. Phạm vi điều chỉnh, đối tượng áp dụng**')
para(d, '1. Quy chế này quy định nội dung, phương thức và trách nhiệm phối hợp giữa Sở Nội vụ và Công an tỉnh trong '
        'việc khai thác, chia sẻ dữ liệu về cư trú, căn cước từ Cơ sở dữ liệu quốc gia về dân cư để giải quyết thủ tục '
        'hành chính (TTHC) thuộc lĩnh vực nội vụ được tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh và Trung '
        'tâm Phục vụ hành chính công các xã, phường (sau đây gọi chung là Bộ phận Một cửa).')
para(d, '2. Quy chế này áp dụng đối với các phòng, đơn vị thuộc Sở Nội vụ; Phòng Cảnh sát quản lý hành chính về trật '
        'tự xã hội (sau đây gọi là Phòng PC06) và Công an các xã, phường thuộc Công an tỉnh; công chức làm việc tại Bộ '
        'phận Một cửa được giao khai thác dữ liệu.')
para(d, '**Điều 2. Nguyên tắc phối hợp và danh mục TTHC áp dụng**')
para(d, '1. Phối hợp trên cơ sở chức năng, nhiệm vụ của mỗi bên; thông tin khai thác chỉ được sử dụng để giải quyết '
        'TTHC và được bảo mật theo quy định của pháp luật về bảo vệ dữ liệu cá nhân.')
para(d, '2. Người dân không phải nộp bản sao giấy tờ chứng minh nơi cư trú, thẻ căn cước khi thông tin đã được khai '
        'thác từ Cơ sở dữ liệu quốc gia về dân cư.')
para(d, '3. Danh mục nhóm TTHC áp dụng:')
grid(d, ['STT', 'Lĩnh vực', 'Số TTHC', 'Thông tin khai thác'],
     [['1', 'Người có công', '24',
       'Số định danh cá nhân, nơi thường trú; thông tin khai tử của người có công, thân nhân người có công'],
      ['2', 'Việc làm', '6', 'Số định danh cá nhân, nơi cư trú của người lao động'],
      ['3', 'Lao động, tiền lương', '5', 'Số định danh cá nhân, nơi thường trú'],
      ['4', 'Tín ngưỡng, tôn giáo', '9', 'Số định danh cá nhân, nơi thường trú của người đại diện, người đăng ký'],
      ['5', 'Thi đua, khen thưởng', '4', 'Số định danh cá nhân, ngày tháng năm sinh'],
      ['6', 'Công chức, viên chức', '3', 'Số định danh cá nhân, nơi thường trú, quê quán']],
     widths=[1.2, 4.3, 2.0, 9.0], total=('Tổng cộng', 2, ['51', '']), aligns=[C, L, C, L])
para(d, '**Điều 3. Phương thức phối hợp**')
para(d, '1. Khai thác trực tuyến qua tài khoản do Công an tỉnh cấp cho công chức trên Hệ thống thông tin giải quyết '
        'TTHC tỉnh đã kết nối với Cơ sở dữ liệu quốc gia về dân cư.')
para(d, '2. Trao đổi bằng văn bản điện tử qua Hệ thống quản lý văn bản và điều hành đối với đề nghị xác minh thông tin '
        'chưa thống nhất giữa hồ sơ và dữ liệu.')

para(d, 'Chương II', C, bold=True, after=0)
para(d, 'TRÁCH NHIỆM CỦA CÁC BÊN', C, bold=True)
para(d, '**Điều 4. Trách nhiệm của Sở Nội vụ**')
para(d, '1. Lập danh sách công chức đề nghị cấp tài khoản khai thác dữ liệu, gửi Công an tỉnh (qua Phòng PC06) trước '
        'ngày 31/7/2026; khi có công chức nghỉ việc, chuyển công tác, thông báo để khóa tài khoản trong thời hạn 02 ngày '
        'làm việc.')
para(d, '2. Rà soát, trình Chủ tịch UBND tỉnh công bố danh mục giấy tờ được cắt giảm đối với các TTHC tại khoản 3 Điều '
        '2, hoàn thành trong quý III/2026.')
para(d, '3. Danh sách người có công, thân nhân người có công đã báo giảm do chết được Phòng Người có công thuộc Sở Nội '
        'vụ gửi Công an tỉnh (qua Phòng PC06) hằng tháng, trước ngày 10, để đối chiếu, làm sạch dữ liệu.')
para(d, '4. Hướng dẫn UBND các xã, phường khai thác dữ liệu đối với TTHC lĩnh vực nội vụ thuộc thẩm quyền cấp xã trong '
        'tháng 8/2026.')
para(d, '**Điều 5. Trách nhiệm của Công an tỉnh**')
para(d, '1. Cấp tài khoản khai thác dữ liệu cho công chức trong danh sách do Sở Nội vụ gửi trong thời hạn 05 ngày làm '
        'việc kể từ ngày nhận danh sách.')
para(d, '2. Trả lời đề nghị xác minh thông tin về cư trú, căn cước của Sở Nội vụ, Bộ phận Một cửa trong thời hạn 03 '
        'ngày làm việc kể từ ngày nhận văn bản đề nghị; trường hợp phải xác minh tại nơi cư trú thì thời hạn không quá '
        '07 ngày làm việc.')
para(d, '3. Chỉ đạo Công an các xã, phường bố trí cán bộ hướng dẫn, tiếp nhận hồ sơ cư trú, căn cước tại Trung tâm Phục '
        'vụ hành chính công cấp xã ít nhất 02 buổi mỗi tuần.')
para(d, '4. Lỗi kết nối, đồng bộ giữa Hệ thống thông tin giải quyết TTHC tỉnh và Cơ sở dữ liệu quốc gia về dân cư được '
        'Phòng PC06 tiếp nhận, phối hợp với Sở Khoa học và Công nghệ khắc phục trong thời hạn 24 giờ kể từ khi nhận '
        'được thông báo.')
para(d, '5. Cập nhật thông tin khai tử vào Cơ sở dữ liệu quốc gia về dân cư trên cơ sở danh sách do Sở Nội vụ cung '
        'cấp; gửi kết quả đối chiếu cho Sở Nội vụ trước ngày 25 hằng tháng.')

para(d, 'Chương III', C, bold=True, after=0)
para(d, 'CHẾ ĐỘ THÔNG TIN, BÁO CÁO VÀ TỔ CHỨC THỰC HIỆN', C, bold=True)
para(d, '**Điều 6. Chế độ thông tin, báo cáo**')
para(d, '1. Hằng quý, trước ngày 20 của tháng cuối quý, Công an tỉnh gửi Sở Nội vụ số liệu về số lượt khai thác dữ '
        'liệu, số đề nghị xác minh đã trả lời; Sở Nội vụ tổng hợp kết quả thực hiện Quy chế, báo cáo UBND tỉnh trước '
        'ngày 25 của tháng cuối quý, lồng ghép trong báo cáo cải cách hành chính định kỳ.')
para(d, '2. Định kỳ 6 tháng, hai bên tổ chức họp giao ban đánh giá kết quả phối hợp; cuộc họp tháng 6 do Sở Nội vụ '
        'chủ trì, cuộc họp tháng 12 do Công an tỉnh chủ trì.')
para(d, '**Điều 7. Đầu mối phối hợp**')
para(d, '1. Đầu mối phối hợp của hai bên:')
grid(d, ['Cơ quan', 'Đầu mối', 'Điện thoại', 'Thư điện tử'],
     [['Sở Nội vụ', 'Bà Khổng Thị Hạnh, Phó Trưởng phòng Cải cách hành chính', '0221 3546 118; 0915 228 407',
       'hanhkt.snv@hungyen.gov.vn'],
      ['Công an tỉnh', 'Trung tá Ứng Văn Thạch, Phó Trưởng phòng PC06', '069 2998 216; 0983 604 159',
       'thachuv.pc06@hungyen.gov.vn']],
     widths=[2.2, 4.9, 3.3, 6.1], aligns=[L, L, C, L], size=11)
para(d, '2. Khi thay đổi người làm đầu mối, bên có thay đổi thông báo bằng văn bản cho bên kia trong thời hạn 03 ngày '
        'làm việc.')
para(d, '**Điều 8. Tổ chức thực hiện**')
para(d, '1. Phòng Cải cách hành chính, Sở Nội vụ và Phòng PC06, Công an tỉnh là đầu mối giúp lãnh đạo hai bên theo '
        'dõi, đôn đốc việc thực hiện Quy chế này.')
para(d, '2. Sở Nội vụ gửi Quy chế này đến Trung tâm Phục vụ hành chính công tỉnh và UBND các xã, phường trong thời hạn '
        '05 ngày làm việc kể từ ngày ký.')
para(d, '3. Trong quá trình thực hiện, nếu có vướng mắc hoặc cần sửa đổi, bổ sung, hai bên trao đổi, thống nhất bằng '
        'văn bản.')
para(d, '4. Quy chế này có hiệu lực kể từ ngày ký./.')
two_col(d,
        [('GIÁM ĐỐC SỞ NỘI VỤ', True, False), ('', False, False), ('', False, False), ('', False, False),
         ('Phạm Thị Thu Hà', True, False)],
        [('KT. GIÁM ĐỐC CÔNG AN TỈNH', True, False), ('PHÓ GIÁM ĐỐC', True, False), ('', False, False),
         ('', False, False), ('Đại tá Lưu Quang Dũng', True, False)],
        widths=(8.0, 8.5))
para(d, '', L, after=0)
for i, t in enumerate(['Nơi nhận:', '- UBND tỉnh (để b/c);', '- Văn phòng UBND tỉnh;',
                       '- Trung tâm Phục vụ hành chính công tỉnh;', '- Sở Khoa học và Công nghệ;',
                       '- UBND các xã, phường;', '- Lưu: VT SNV, VT CAT.']):
    para(d, t, L, bold=(i == 0), italic=(i == 0), size=11, indent=False, after=0)

d.save(SRC)
tmp = tempfile.mkdtemp()
subprocess.run(['soffice', '--headless', '--convert-to', 'pdf', '--outdir', tmp, SRC], check=True,
               capture_output=True)
shutil.copy(os.path.join(tmp, NAME + '.pdf'), PDF)
shutil.rmtree(tmp)
print('wrote', SRC, PDF)
