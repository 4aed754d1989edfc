"""Builds pdf-source/cong-van-tra-loi-kien-nghi-ho-tich-chung-thuc-cac-xa-2027.docx (Công văn 472/STP-HCTP of Sở Tư pháp
answering the kiến nghị of three xã) and converts it with LibreOffice to documents/….pdf."""
import os
import shutil
import sys
import tempfile

from docx.shared import Cm

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from docxlib import C, L, convert, new_document, para, set_props, two_col  # noqa: E402

NAME = 'cong-van-tra-loi-kien-nghi-ho-tich-chung-thuc-cac-xa-2027'
SRC = os.path.join(HERE, '..', 'pdf-source', NAME + '.docx')
PDF = os.path.join(HERE, '..', 'documents', NAME + '.pdf')

d = new_document()
two_col(d,
        [('UBND TỈNH HƯNG YÊN', False, False), ('SỞ TƯ PHÁP', True, False), ('', False, False),
         ('Số: 472/STP-HCTP', False, False),
         ('V/v trả lời kiến nghị của UBND các xã Khoái Châu, Quỳnh Phụ, Tiền Hải về hộ tịch, chứng thực, hòa giải ở '
          'cơ sở', False, False)],
        [('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', True, False), ('Độc lập - Tự do - Hạnh phúc', True, False),
         ('', False, False), ('', False, False), ('Hưng Yên, ngày 23 tháng 3 năm 2027', False, True)],
        widths=(6.5, 10.0), size_left=12, size_right=12)
para(d, '', C, after=0)
para(d, 'Kính gửi:', L, indent=False, after=0).paragraph_format.left_indent = Cm(3)
for t in ['- UBND xã Khoái Châu;', '- UBND xã Quỳnh Phụ;', '- UBND xã Tiền Hải.']:
    p = para(d, t, L, indent=False, after=0)
    p.paragraph_format.left_indent = Cm(5)
para(d, '', L, after=0)
para(d, 'Sở Tư pháp nhận được Công văn số 38/UBND-TP ngày 26/02/2027 của UBND xã Khoái Châu, Công văn số 51/UBND-VP '
        'ngày 03/3/2027 của UBND xã Quỳnh Phụ và Báo cáo số 22/BC-UBND ngày 05/3/2027 của UBND xã Tiền Hải kiến nghị '
        'một số nội dung vướng mắc trong công tác hộ tịch, chứng thực và hòa giải ở cơ sở. Sau khi nghiên cứu, Sở Tư '
        'pháp trả lời như sau:')

para(d, '**I. KIẾN NGHỊ CỦA UBND XÃ KHOÁI CHÂU**')
para(d, '**1. Nội dung kiến nghị:** Năm 2026, trên địa bàn xã có 47 trường hợp cha, mẹ đi làm ăn xa, đến khi trẻ từ 03 '
        'đến 06 tháng tuổi mới đi đăng ký khai sinh. Đề nghị hướng dẫn việc đăng ký khai sinh cho các trường hợp này '
        'và việc xử lý đối với cha, mẹ.')
para(d, '**Trả lời:** Theo khoản 1 Điều 15 Luật Hộ tịch năm 2014, trong thời hạn 60 ngày kể từ ngày sinh con, cha hoặc '
        'mẹ có trách nhiệm đăng ký khai sinh cho con. Quá thời hạn này, UBND xã vẫn tiếp nhận và đăng ký khai sinh theo '
        'trình tự, thủ tục tại Điều 16 Luật Hộ tịch, không yêu cầu người đi đăng ký nộp thêm giấy tờ hay văn bản giải '
        'trình về lý do chậm đăng ký. Việc xử lý vi phạm hành chính (nếu có) đối với người có trách nhiệm đăng ký khai '
        'sinh thực hiện theo pháp luật về xử phạt vi phạm hành chính trong lĩnh vực hộ tịch; UBND xã chú trọng nhắc '
        'nhở, hướng dẫn, không để việc xử phạt làm chậm việc đăng ký khai sinh cho trẻ.')
para(d, 'Đề nghị UBND xã Khoái Châu rà soát các trường hợp trẻ em sinh từ ngày 01/01/2026 chưa được đăng ký khai sinh '
        'trên địa bàn, hoàn thành trước ngày 30/4/2027; từ tháng 5/2027, báo cáo số trường hợp đăng ký khai sinh quá '
        'hạn về Sở Tư pháp (qua Phòng Hành chính tư pháp) hằng tháng, trước ngày 25.')
para(d, '**2. Nội dung kiến nghị:** Người dân yêu cầu chứng thực bản sao từ bản chính Giấy khai sinh do cơ quan có '
        'thẩm quyền của Hàn Quốc cấp cho con. UBND xã có được chứng thực bản sao giấy tờ này không?')
para(d, '**Trả lời:** Theo khoản 2 Điều 20 Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 của Chính phủ, bản chính giấy tờ, '
        'văn bản do cơ quan, tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận phải được hợp pháp hóa lãnh sự '
        'theo quy định của pháp luật về hợp pháp hóa lãnh sự trước khi yêu cầu chứng thực bản sao, trừ trường hợp được '
        'miễn hợp pháp hóa lãnh sự theo điều ước quốc tế hoặc theo nguyên tắc có đi có lại. Vì vậy, UBND xã chỉ chứng '
        'thực bản sao khi Giấy khai sinh nêu trên đã được hợp pháp hóa lãnh sự.')

para(d, '**II. KIẾN NGHỊ CỦA UBND XÃ QUỲNH PHỤ**')
para(d, '**3. Nội dung kiến nghị:** Công dân thường trú tại xã Quỳnh Phụ chết tại bệnh viện ở thành phố Hà Nội; người '
        'thân đề nghị đăng ký khai tử tại xã nhưng được bệnh viện hướng dẫn đăng ký tại nơi chết. Cơ quan nào có thẩm '
        'quyền đăng ký khai tử và thời hạn đi đăng ký là bao lâu?')
para(d, '**Trả lời:** Theo khoản 1 Điều 32 Luật Hộ tịch năm 2014, UBND cấp xã nơi cư trú cuối cùng của người chết thực '
        'hiện việc đăng ký khai tử; trường hợp không xác định được nơi cư trú cuối cùng của người chết thì UBND cấp xã '
        'nơi người đó chết hoặc nơi phát hiện thi thể người chết thực hiện việc đăng ký khai tử. Như vậy, UBND xã Quỳnh '
        'Phụ có thẩm quyền đăng ký khai tử cho trường hợp nêu trên. Theo khoản 1 Điều 33 Luật Hộ tịch, trong thời hạn '
        '15 ngày kể từ ngày có người chết, vợ, chồng hoặc con, cha, mẹ hoặc người thân thích khác của người chết có '
        'trách nhiệm đi đăng ký khai tử.')
para(d, '**4. Nội dung kiến nghị:** Sau khi sáp nhập thôn, xã có 06 thôn mới. Mỗi thôn mới có được duy trì 02 tổ hòa '
        'giải như trước không, và mỗi tổ hòa giải cần tối thiểu bao nhiêu hòa giải viên?')
para(d, '**Trả lời:** Theo khoản 1 Điều 12 Luật Hòa giải ở cơ sở năm 2013, tổ hòa giải có từ 03 hòa giải viên trở lên, '
        'trong đó có hòa giải viên nữ; đối với vùng có nhiều đồng bào dân tộc thiểu số thì tổ hòa giải phải có hòa giải '
        'viên là người dân tộc thiểu số. Tổ hòa giải được tổ chức ở thôn, tổ dân phố; việc duy trì 02 tổ hòa giải trong '
        'một thôn do UBND xã quyết định căn cứ vào địa bàn, số dân và tình hình thực tế.')
para(d, 'Đề nghị UBND xã Quỳnh Phụ kiện toàn tổ hòa giải ở 06 thôn sau sáp nhập, hoàn thành trong tháng 5/2027, gửi '
        'danh sách tổ trưởng tổ hòa giải về Sở Tư pháp (qua Phòng Phổ biến, giáo dục pháp luật) để cập nhật.')

para(d, '**III. KIẾN NGHỊ CỦA UBND XÃ TIỀN HẢI**')
para(d, '**5. Nội dung kiến nghị:** Sổ đăng ký khai sinh các năm 1978 - 1985 của xã Tây Giang (cũ) lưu tại xã bị mối '
        'mọt, mất một số trang. Người dân đề nghị cấp bản sao Giấy khai sinh nhưng Sổ không còn thông tin và người dân '
        'cũng không còn bản chính. Xã có được đăng ký lại khai sinh không?')
para(d, '**Trả lời:** Theo khoản 1 Điều 24 Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ, việc khai sinh đã '
        'được đăng ký tại cơ quan có thẩm quyền của Việt Nam trước ngày 01/01/2016 nhưng Sổ hộ tịch và bản chính giấy '
        'tờ hộ tịch đều bị mất thì được đăng ký lại. UBND xã Tiền Hải thực hiện đăng ký lại khai sinh theo thủ tục tại '
        'Điều 26 Nghị định số 123/2015/NĐ-CP.')
para(d, 'Để bảo quản Sổ hộ tịch, Sở Tư pháp hỗ trợ số hóa Sổ hộ tịch của xã Tiền Hải trong quý II/2027 từ kinh phí '
        'được giao tại Quyết định số 52/QĐ-UBND ngày 14/01/2027 của UBND tỉnh. Đề nghị UBND xã Tiền Hải lập danh mục '
        'Sổ hộ tịch bị hư hỏng, mất trang, gửi Sở Tư pháp trước ngày 15/4/2027.')
para(d, '**6. Nội dung kiến nghị:** Người dân nộp yêu cầu chứng thực bản sao tại Trung tâm Phục vụ hành chính công xã '
        'lúc 16 giờ 20 phút. Xã có bắt buộc trả kết quả trong ngày không?')
para(d, '**Trả lời:** Theo Điều 7 Nghị định số 23/2015/NĐ-CP, thời hạn chứng thực bản sao từ bản chính được bảo đảm '
        'ngay trong ngày cơ quan, tổ chức tiếp nhận yêu cầu hoặc trong ngày làm việc tiếp theo nếu tiếp nhận yêu cầu sau '
        '15 giờ. Do đó, yêu cầu tiếp nhận lúc 16 giờ 20 phút được trả kết quả trong ngày làm việc tiếp theo; công chức '
        'tiếp nhận ghi rõ thời gian trả kết quả trong phiếu hẹn.')

para(d, 'Đề nghị UBND các xã Khoái Châu, Quỳnh Phụ, Tiền Hải phổ biến nội dung trả lời tại Công văn này đến công chức '
        'làm công tác tư pháp - hộ tịch và công chức Trung tâm Phục vụ hành chính công xã trong thời hạn 05 ngày làm '
        'việc kể từ ngày nhận Công văn.')
para(d, 'Sở Tư pháp tổ chức tập huấn chuyên sâu về hộ tịch, chứng thực cho công chức làm công tác tư pháp - hộ tịch '
        'các xã, phường trong quý II/2027. Nội dung trả lời tại Công văn này được Phòng Hành chính tư pháp đăng tải tại '
        'mục "Hỏi - đáp pháp luật" trên Cổng thông tin điện tử Sở Tư pháp trong thời hạn 03 ngày làm việc kể từ ngày '
        'ký.')
para(d, 'Trường hợp còn vướng mắc, đề nghị UBND các xã liên hệ bà Kiều Thị Vân Anh, chuyên viên Phòng Hành chính tư '
        'pháp, Sở Tư pháp; điện thoại: 0221 3862 417; thư điện tử: anhktv.stp@hungyen.gov.vn để được hướng dẫn.')
para(d, 'Sở Tư pháp trả lời để UBND các xã biết, thực hiện./.')
two_col(d,
        [('Nơi nhận:', True, True), ('- Như trên;', False, False), ('- UBND tỉnh (để b/c);', False, False),
         ('- Văn phòng UBND tỉnh;', False, False), ('- Giám đốc Sở (để b/c);', False, False),
         ('- Các Phó Giám đốc Sở;', False, False), ('- Cổng thông tin điện tử Sở;', False, False),
         ('- Lưu: VT, HCTP.', False, False)],
        [('KT. GIÁM ĐỐC', True, False), ('PHÓ GIÁM ĐỐC', True, False), ('', False, False), ('', False, False),
         ('', False, False), ('', False, False), ('Chu Đức Lâm', True, False)],
        widths=(7.5, 9.0), align_left=L, size_left=11)

set_props(d, 'Công văn trả lời kiến nghị của UBND các xã', 'Phòng Hành chính tư pháp - Sở Tư pháp',
          (2027, 3, 23, 10, 5))
d.save(SRC)
tmp = tempfile.mkdtemp()
shutil.copy(convert(SRC, 'pdf', tmp), PDF)
shutil.rmtree(tmp)
os.system('pdfinfo "%s" | grep Pages' % PDF)
print('wrote', SRC, PDF)
