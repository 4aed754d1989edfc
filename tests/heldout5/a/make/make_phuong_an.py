"""Builds documents/phuong-an-bo-tri-cong-chuc-trung-tam-pvhcc-xa-van-giang-2026.docx (Quyết định 286/QĐ-UBND + Phương án)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from docxlib import C, J, L, grid, new_document, page_break, para, two_col  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'documents',
                   'phuong-an-bo-tri-cong-chuc-trung-tam-pvhcc-xa-van-giang-2026.docx')

d = new_document()


def header(number_line):
    two_col(d,
            [('ỦY BAN NHÂN DÂN', True, False), ('XÃ VĂN GIANG', True, False), ('', False, False),
             (number_line, False, False)],
            [('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', True, False), ('Độc lập - Tự do - Hạnh phúc', True, False),
             ('', False, False), ('Văn Giang, ngày 25 tháng 8 năm 2026', False, True)],
            widths=(6.0, 10.5), size_left=13, size_right=13)


# ---------------- Quyết định ----------------
header('Số: 286/QĐ-UBND')
para(d, '', C, after=0)
para(d, 'QUYẾT ĐỊNH', C, bold=True, size=14, after=0)
para(d, 'Phê duyệt Phương án sắp xếp, bố trí công chức làm việc tại Trung tâm Phục vụ hành chính công xã Văn Giang',
     C, bold=True, after=6)
para(d, 'ỦY BAN NHÂN DÂN XÃ VĂN GIANG', C, bold=True, after=6)
for t in [
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
    'Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ về thực hiện thủ tục hành chính '
    'theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia;',
    'Căn cứ Quyết định số 176/QĐ-UBND ngày 27 tháng 01 năm 2026 của UBND tỉnh phê duyệt Đề án thí điểm mô hình '
    'Trung tâm Phục vụ hành chính công một cấp trên địa bàn tỉnh Hưng Yên giai đoạn 2026 - 2028;',
    'Thực hiện Thông tri số 05-TT/TU ngày 08 tháng 6 năm 2026 của Ban Thường vụ Tỉnh ủy về tăng cường sự lãnh đạo '
    'của các tổ chức đảng đối với công tác cải cách hành chính gắn với chuyển đổi số;',
    'Theo đề nghị của Chánh Văn phòng HĐND và UBND xã tại Tờ trình số 41/TTr-VP ngày 20 tháng 8 năm 2026.',
]:
    para(d, t, J, italic=True)
para(d, 'QUYẾT ĐỊNH:', C, bold=True)
para(d, '**Điều 1.** Phê duyệt Phương án sắp xếp, bố trí công chức làm việc tại Trung tâm Phục vụ hành chính công '
        'xã Văn Giang (sau đây gọi là Phương án) kèm theo Quyết định này.')
para(d, '**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.')
para(d, '**Điều 3.** Chánh Văn phòng HĐND và UBND xã; Trưởng phòng Kinh tế; Trưởng phòng Văn hóa - Xã hội; Giám đốc '
        'Trung tâm Phục vụ hành chính công xã và các công chức có tên tại Phương án chịu trách nhiệm thi hành Quyết '
        'định này./.')
two_col(d,
        [('Nơi nhận:', True, True), ('- Như Điều 3;', False, False), ('- UBND tỉnh (để b/c);', False, False),
         ('- Sở Nội vụ;', False, False), ('- Trung tâm Phục vụ hành chính công tỉnh;', False, False),
         ('- Thường trực Đảng ủy xã;', False, False), ('- Thường trực HĐND xã;', False, False),
         ('- Chủ tịch, các PCT UBND xã;', False, False), ('- Công an xã;', False, False),
         ('- Lưu: VT, VP.', False, False)],
        [('TM. ỦY BAN NHÂN DÂN', True, False), ('CHỦ TỊCH', True, False), ('', False, False), ('', False, False),
         ('', False, False), ('Trương Công Hậu', True, False)],
        widths=(7.5, 9.0), align_left=L, size_left=11)

# ---------------- Phương án ----------------
page_break(d)
two_col(d,
        [('ỦY BAN NHÂN DÂN', True, False), ('XÃ VĂN GIANG', True, False)],
        [('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', True, False), ('Độc lập - Tự do - Hạnh phúc', True, False)],
        widths=(6.0, 10.5))
para(d, '', C, after=0)
para(d, 'PHƯƠNG ÁN', C, bold=True, size=14, after=0)
para(d, 'Sắp xếp, bố trí công chức làm việc tại Trung tâm Phục vụ hành chính công xã Văn Giang', C, bold=True, after=0)
para(d, '(Kèm theo Quyết định số 286/QĐ-UBND ngày 25 tháng 8 năm 2026 của UBND xã Văn Giang)', C, italic=True)

para(d, 'I. SỰ CẦN THIẾT VÀ THỰC TRẠNG', J, bold=True, indent=False)
para(d, 'Trung tâm Phục vụ hành chính công xã Văn Giang (sau đây gọi là Trung tâm) hoạt động từ ngày 01/7/2025, do bà '
        'Lã Thị Thu Hiền làm Giám đốc; hiện có 09 công chức làm nhiệm vụ hướng dẫn, tiếp nhận, trả kết quả và 02 người '
        'làm việc theo hợp đồng hỗ trợ số hóa hồ sơ.')
para(d, 'Từ ngày 01/01/2026 đến ngày 31/7/2026, Trung tâm tiếp nhận 6.842 hồ sơ thủ tục hành chính (TTHC), trong đó '
        '4.105 hồ sơ nộp trực tuyến (đạt 60,0%); giải quyết đúng hạn 6.718 hồ sơ; quá hạn 37 hồ sơ, trong đó lĩnh '
        'vực đất đai 29 hồ sơ.')
para(d, 'Việc bố trí công chức giữa các lĩnh vực chưa tương xứng với khối lượng công việc: lĩnh vực đất đai chiếm '
        '38,2% số hồ sơ nhưng chỉ có 01 công chức tiếp nhận; lĩnh vực đăng ký kinh doanh, hộ kinh doanh chưa có công '
        'chức chuyên trách; trong khi lĩnh vực văn hóa, giáo dục, y tế bình quân chỉ phát sinh 04 hồ sơ mỗi tháng. '
        'Thực hiện Thông tri số 05-TT/TU của Ban Thường vụ Tỉnh ủy và để chuẩn bị điều kiện tổ chức lại Trung tâm '
        'thành Chi nhánh của Trung tâm Phục vụ hành chính công tỉnh theo Đề án ban hành kèm theo Quyết định số '
        '176/QĐ-UBND của UBND tỉnh, việc sắp xếp lại công chức tại Trung tâm là cần thiết.')

para(d, 'II. MỤC TIÊU, NGUYÊN TẮC', J, bold=True, indent=False)
para(d, '1. Mỗi lĩnh vực có hồ sơ phát sinh thường xuyên có ít nhất 01 công chức tiếp nhận chuyên trách; từ quý IV/2026, '
        'tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 99% trở lên, lĩnh vực đất đai không còn hồ sơ quá hạn.')
para(d, '2. Không tăng biên chế của UBND xã; công chức được điều động đến Trung tâm trong thời hạn 24 tháng, giữ nguyên '
        'ngạch, bậc lương và phụ cấp đang hưởng; mỗi công chức kiêm nhiệm không quá 02 lĩnh vực.')

para(d, 'III. PHƯƠNG ÁN SẮP XẾP, BỐ TRÍ', J, bold=True, indent=False)
para(d, '1. Số lượng công chức theo lĩnh vực', J, bold=True)
grid(d, ['STT', 'Lĩnh vực', 'Số công chức hiện có', 'Số cần bố trí', 'Nguồn bổ sung'],
     [['1', 'Tư pháp - Hộ tịch, chứng thực', '3', '3', 'Giữ nguyên'],
      ['2', 'Đất đai', '1', '3', 'Điều động 02 công chức từ Phòng Kinh tế'],
      ['3', 'Xây dựng, giao thông, nông nghiệp và môi trường', '1', '1', 'Giữ nguyên'],
      ['4', 'Đăng ký kinh doanh, hộ kinh doanh', '0', '1', 'Điều động 01 công chức từ Phòng Kinh tế'],
      ['5', 'Lao động, người có công, bảo trợ xã hội', '2', '2', 'Giữ nguyên'],
      ['6', 'Văn hóa, giáo dục, y tế', '1', '0',
       'Không bố trí riêng; hồ sơ do bộ phận tiếp nhận chung tiếp nhận'],
      ['7', 'Tiếp nhận chung, hướng dẫn và số hóa hồ sơ', '1', '2', 'Tuyển dụng 01 công chức năm 2026']],
     widths=[1.2, 5.0, 2.6, 2.2, 5.5], total=('Tổng cộng', 2, ['9', '12', '']),
     aligns=[C, L, C, C, L])
para(d, 'Sau khi sắp xếp, số công chức làm việc tại Trung tâm tăng 03 người so với hiện nay; 02 hợp đồng hỗ trợ số hóa '
        'hồ sơ được giữ nguyên.')
para(d, '2. Nhân sự cụ thể', J, bold=True)
para(d, 'a) Điều động ông Đào Duy Khiêm và bà Nghiêm Thị Thắm, công chức Phòng Kinh tế, đến làm việc tại Trung tâm, '
        'tiếp nhận hồ sơ lĩnh vực đất đai;')
para(d, 'b) Điều động ông Lục Văn Toản, công chức Phòng Kinh tế, đến làm việc tại Trung tâm, tiếp nhận hồ sơ lĩnh vực '
        'đăng ký kinh doanh, hộ kinh doanh;')
para(d, 'c) Bà Hứa Thị Ngân, công chức đang tiếp nhận hồ sơ lĩnh vực văn hóa, giáo dục, y tế, chuyển về làm việc tại '
        'Phòng Văn hóa - Xã hội;')
para(d, 'd) Tuyển dụng 01 công chức làm nhiệm vụ tiếp nhận chung, hướng dẫn và số hóa hồ sơ trong kỳ tuyển dụng công '
        'chức năm 2026 của xã.')

para(d, 'IV. LỘ TRÌNH THỰC HIỆN', J, bold=True, indent=False)
grid(d, ['STT', 'Nội dung công việc', 'Thời gian thực hiện'],
     [['1', 'Ban hành quyết định điều động 03 công chức từ Phòng Kinh tế đến làm việc tại Trung tâm',
       'Trước ngày 05/9/2026'],
      ['2', 'Bàn giao hồ sơ, công việc đang giải quyết của công chức được điều động', 'Trước ngày 10/9/2026'],
      ['3', 'Bố trí lại quầy tiếp nhận; cấp tài khoản trên Hệ thống thông tin giải quyết TTHC tỉnh cho công chức mới',
       'Trước ngày 15/9/2026'],
      ['4', 'Công chức được điều động chính thức làm việc tại Trung tâm; bà Hứa Thị Ngân chuyển về Phòng Văn hóa - Xã hội',
       'Từ ngày 15/9/2026'],
      ['5', 'Tập huấn nghiệp vụ tiếp nhận hồ sơ đất đai, đăng ký kinh doanh', 'Tháng 9/2026'],
      ['6', 'Tuyển dụng 01 công chức tiếp nhận chung, hướng dẫn và số hóa hồ sơ', 'Quý IV/2026'],
      ['7', 'Sơ kết 03 tháng thực hiện Phương án', 'Trước ngày 20/12/2026'],
      ['8', 'Báo cáo UBND tỉnh kết quả thực hiện Phương án', 'Trước ngày 25/12/2026']],
     widths=[1.2, 10.8, 4.5], aligns=[C, L, C])

para(d, 'V. TỔ CHỨC THỰC HIỆN', J, bold=True, indent=False)
para(d, '1. Văn phòng HĐND và UBND xã', J, bold=True)
para(d, 'a) Là cơ quan thường trực, giúp UBND xã theo dõi, đôn đốc việc thực hiện Phương án;')
para(d, 'b) Tham mưu Chủ tịch UBND xã ban hành quyết định điều động công chức quy định tại điểm a, điểm b khoản 2 Mục '
        'III trước ngày 05/9/2026; tổ chức tuyển dụng 01 công chức tiếp nhận chung trong quý IV/2026;')
para(d, 'c) Kinh phí mua sắm bổ sung 02 bộ máy tính, máy quét tài liệu cho quầy tiếp nhận hồ sơ đất đai được Văn phòng '
        'HĐND và UBND xã bố trí từ nguồn chi thường xuyên năm 2026, hoàn thành trong tháng 9/2026;')
para(d, 'd) Tổng hợp kết quả thực hiện Phương án, tham mưu Chủ tịch UBND xã báo cáo UBND tỉnh (qua Sở Nội vụ) trước '
        'ngày 25/12/2026.')
para(d, '2. Phòng Kinh tế', J, bold=True)
para(d, 'a) Bàn giao hồ sơ, công việc đang giải quyết của công chức được điều động, hoàn thành trước ngày 10/9/2026;')
para(d, 'b) Chủ trì, phối hợp với Trung tâm tập huấn nghiệp vụ tiếp nhận hồ sơ đất đai, đăng ký kinh doanh cho công '
        'chức được điều động trong tháng 9/2026;')
para(d, 'c) Giải quyết hồ sơ do Trung tâm chuyển đến đúng thời hạn; hồ sơ có nguy cơ quá hạn phải báo cáo Phó Chủ tịch '
        'UBND xã phụ trách lĩnh vực chậm nhất 02 ngày làm việc trước ngày hẹn trả kết quả.')
para(d, '3. Phòng Văn hóa - Xã hội', J, bold=True)
para(d, 'Tiếp nhận, phân công nhiệm vụ cho bà Hứa Thị Ngân từ ngày 15/9/2026; giải quyết hồ sơ lĩnh vực văn hóa, giáo '
        'dục, y tế do Trung tâm chuyển đến theo quy trình nội bộ đã được phê duyệt.')
para(d, '4. Trung tâm Phục vụ hành chính công xã', J, bold=True)
para(d, 'a) Phân công nhiệm vụ, bố trí lại quầy tiếp nhận và đề nghị cấp tài khoản trên Hệ thống thông tin giải quyết '
        'TTHC tỉnh cho công chức mới, hoàn thành trước ngày 15/9/2026;')
para(d, 'b) Hằng tháng, trước ngày 05, báo cáo Chủ tịch UBND xã (qua Văn phòng HĐND và UBND xã) số hồ sơ tiếp nhận, '
        'giải quyết, quá hạn của từng lĩnh vực và việc bố trí công chức tại Trung tâm;')
para(d, 'c) Sơ kết 03 tháng thực hiện Phương án, báo cáo Chủ tịch UBND xã trước ngày 20/12/2026.')
para(d, 'Trường hợp số hồ sơ của một lĩnh vực tăng trên 30% so với tháng trước, Giám đốc Trung tâm đề xuất Chủ tịch '
        'UBND xã bố trí công chức hỗ trợ tạm thời.')
para(d, '5. Đề nghị Công an xã bố trí cán bộ hướng dẫn, tiếp nhận hồ sơ cư trú, căn cước tại Trung tâm vào sáng thứ Ba '
        'và sáng thứ Năm hằng tuần, theo Quy chế phối hợp số 03/QCPH-SNV-CAT ngày 15/7/2026 giữa Sở Nội vụ và Công an '
        'tỉnh.')
para(d, 'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về Văn phòng HĐND và UBND '
        'xã để tổng hợp, báo cáo Chủ tịch UBND xã xem xét, quyết định./.')

d.save(OUT)
print('wrote', OUT)
