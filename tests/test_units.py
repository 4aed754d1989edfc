"""Unit resolution: accented, unaccented, abbreviated, misspelled, former names; groups;
heads' titles; communes and districts the registry lacks; free text."""

from __future__ import annotations

import pytest
import yaml
from conftest import ROOT

from retrieval.facts.units import COMMUNE_KINDS, DISTRICT_KINDS, KIND_PREFIXES, Units, key, kinds_in, load_units
from retrieval.lang.text import fold

UNITS_PATH = ROOT / "corpus" / "units.yaml"
UNITS = load_units(UNITS_PATH)
RAW = yaml.safe_load(UNITS_PATH.read_text(encoding="utf-8"))

SBN = "sở, ban, ngành tỉnh"
CQCM = "cơ quan chuyên môn thuộc UBND tỉnh"
TW = "cơ quan Trung ương đóng trên địa bàn tỉnh"
SN = "đơn vị sự nghiệp công lập trực thuộc UBND tỉnh"
HUYEN = "UBND huyện, thị xã, thành phố"
XA = "UBND cấp xã"
KHCN = "Sở Khoa học và Công nghệ"


@pytest.mark.parametrize(
    "name, canonical",
    [
        ("Sở Tư pháp", "Sở Tư pháp"),
        ("sở tư pháp", "Sở Tư pháp"),
        ("SỞ TƯ PHÁP", "Sở Tư pháp"),
        ("So Tu phap", "Sở Tư pháp"),
        ("so tu phap", "Sở Tư pháp"),
        ("Tư pháp", "Sở Tư pháp"),
        ("STP", "Sở Tư pháp"),
        ("stp", "Sở Tư pháp"),
        ("SNV", "Sở Nội vụ"),
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("so gddt", "Sở Giáo dục và Đào tạo"),
        # the 2025 reorganisation: the former departments' names now name their successors
        ("Sở TT&TT", KHCN),
        ("Thông tin và Truyền thông", KHCN),
        ("Sở KH&CN", KHCN),
        ("Sở GTVT", "Sở Xây dựng"),
        ("Kế hoạch và Đầu tư", "Sở Tài chính"),
        ("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"),
        ("VP UBND tỉnh", "Văn phòng UBND tỉnh"),
        ("van phong uy ban nhan dan tinh", "Văn phòng UBND tỉnh"),
        ("huyện Kim Động", "UBND huyện Kim Động"),
        ("Huyen Kim Dong", "UBND huyện Kim Động"),
        ("Kim Động", "UBND huyện Kim Động"),
        ("UBND huyện Khoái Châu", "UBND huyện Khoái Châu"),
        ("huyen khoai chau", "UBND huyện Khoái Châu"),
        ("thị xã Mỹ Hòa", "UBND thị xã Mỹ Hào"),  # the directive's spelling
        ("thị xã Mỹ Hoà", "UBND thị xã Mỹ Hào"),  # old-style tone mark
        ("TX Mỹ Hào", "UBND thị xã Mỹ Hào"),
        ("UBND phường Mỹ Hào", "UBND phường Mỹ Hào"),
        ("phường Mỹ Hào", "UBND phường Mỹ Hào"),
        ("TP Hưng Yên", "UBND thành phố Hưng Yên"),
        ("thanh pho hung yen", "UBND thành phố Hưng Yên"),
        ("huyện Ân Thi", "UBND huyện Ân Thi"),
        ("xã Ân Thi", "UBND xã Ân Thi"),
        ("Phố Hiến", "UBND phường Phố Hiến"),
        ("pho hien", "UBND phường Phố Hiến"),
        ("Phường Phố Hiến", "UBND phường Phố Hiến"),
        ("Xã Nghĩa Trụ", "UBND xã Nghĩa Trụ"),
        ("ubnd phuong thai binh", "UBND phường Thái Bình"),
        ("Công an tỉnh", "Công an tỉnh"),
        ("BHXH tỉnh", "Bảo hiểm xã hội tỉnh"),
        ("bhxh tinh", "Bảo hiểm xã hội tỉnh"),
        ("Bộ CHQS tỉnh", "Bộ Chỉ huy Quân sự tỉnh"),
        ("Đài PT&TH tỉnh", "Đài Phát thanh và Truyền hình tỉnh"),
        ("Đài Phát thanh và Truyền hình Hưng Yên", "Đài Phát thanh và Truyền hình tỉnh"),
        ("Trung tâm PVHCC tỉnh", "Trung tâm Phục vụ hành chính công tỉnh"),
        ("tt pvhcc tinh", "Trung tâm Phục vụ hành chính công tỉnh"),
        ("Trường Chính trị Nguyễn Văn Linh", "Trường Chính trị tỉnh"),
        ("Bưu điện tỉnh", "Bưu điện tỉnh"),
        ("Sở NN&MT", "Sở Nông nghiệp và Môi trường"),
        ("so nnmt", "Sở Nông nghiệp và Môi trường"),
    ],
)
def test_resolves_to_the_unit(name, canonical):
    r = UNITS.resolve(name)
    assert r is not None and r.unit is not None, name
    assert r.unit.name == canonical
    assert r.how == "exact"


# -- every name the registry holds --------------------------------------------------------
def _unit_names():
    for u in UNITS.units:
        yield u, u.name, None
        for a in u.aliases:
            yield u, a, None
        for prefix in KIND_PREFIXES.get(u.kind, ()):
            yield u, f"{prefix} {u.short}", None
        if u.standalone:
            yield u, u.short, None
        for old in u.former:
            yield u, old, old
        for alias, old in u.former_aliases:
            yield u, alias, old


@pytest.mark.parametrize("unit, name, former", list(_unit_names()), ids=lambda x: getattr(x, "name", x))
def test_every_name_abbreviation_and_former_name_resolves(unit, name, former):
    for given in (name, fold(name), name.upper()):  # accented, unaccented lower-case, capitals
        r = UNITS.resolve(given)
        assert r is not None and r.unit is not None, given
        assert r.unit.name == unit.name and r.how == "exact", given
        assert r.via_former == former, given
        assert UNITS.resolve(given, fuzzy=False) == r


@pytest.mark.parametrize("group", UNITS.groups, ids=lambda g: g.name)
def test_every_group_name_resolves(group):
    for name in (group.name, *group.aliases, *group.standalone_aliases):
        for given in (name, fold(name)):
            r = UNITS.resolve(given)
            assert r is not None and r.is_group and r.name == group.name, given


@pytest.mark.parametrize(
    "name, canonical, former",
    [
        ("Sở Thông tin và Truyền thông", KHCN, "Sở Thông tin và Truyền thông"),
        ("so thong tin va truyen thong", KHCN, "Sở Thông tin và Truyền thông"),
        ("STTTT", KHCN, "Sở Thông tin và Truyền thông"),
        ("Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Kế hoạch và Đầu tư"),
        ("Sở KH&ĐT", "Sở Tài chính", "Sở Kế hoạch và Đầu tư"),
        ("Sở Giao thông vận tải", "Sở Xây dựng", "Sở Giao thông vận tải"),
        ("so gtvt", "Sở Xây dựng", "Sở Giao thông vận tải"),
        ("Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Môi trường", "Sở Tài nguyên và Môi trường"),
        ("Sở TN&MT", "Sở Nông nghiệp và Môi trường", "Sở Tài nguyên và Môi trường"),
        ("Sở NN&PTNT", "Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở LĐ-TB&XH", "Sở Nội vụ", "Sở Lao động - Thương binh và Xã hội"),
        ("Cục Thuế tỉnh", "Thuế tỉnh", "Cục Thuế tỉnh"),
        ("Trung tâm PVHCC&KSTTHC", "Trung tâm Phục vụ hành chính công tỉnh",
         "Trung tâm Phục vụ hành chính công và Kiểm soát thủ tục hành chính tỉnh"),
    ],
)
def test_former_names_resolve_to_the_successor(name, canonical, former):
    r = UNITS.resolve(name)
    assert r is not None and r.unit is not None and r.unit.name == canonical
    assert r.via_former == former
    assert r.former_note == f"{former}, nay là {canonical}"
    assert former in r.unit.former


def test_current_names_say_nothing_of_a_former_name():
    r = UNITS.resolve("Sở Khoa học và Công nghệ")
    assert r is not None and r.via_former is None and r.former_note is None


def test_a_stored_former_name_finds_its_successor():
    assert UNITS.current("Sở Giao thông vận tải").name == "Sở Xây dựng"  # type: ignore[union-attr]
    assert UNITS.current("Sở Tư pháp").name == "Sở Tư pháp"  # type: ignore[union-attr]
    assert UNITS.unit("Sở Giao thông vận tải") is None  # no longer a canonical name
    assert UNITS.current("Sở Ngoại vụ") is None


@pytest.mark.parametrize(
    "name, canonical",
    [("Sở Tư phát", "Sở Tư pháp"), ("So Tai chanh", "Sở Tài chính"), ("huyen Kim Dog", "UBND huyện Kim Động")],
)
def test_close_misspelling_resolves_only_to_one_clearly_closest_unit(name, canonical):
    r = UNITS.resolve(name)
    assert r is not None and r.unit is not None and r.unit.name == canonical and r.how == "fuzzy"


@pytest.mark.parametrize(
    "name",
    [
        "Bộ Tư pháp", "Hưng Yên", "Sở Ngoại giao hành tinh", "xyz", "",
        # the province itself: the issuer and the recipient of reports, never a unit here
        "UBND tỉnh", "Ủy ban nhân dân tỉnh", "ubnd tinh", "UBND tỉnh Hưng Yên", "Chủ tịch UBND tỉnh",
        "chu tich ubnd tinh",
        # central bodies that share words with the province's units
        "Bộ Nội vụ", "bo noi vu", "Văn phòng Chính phủ", "van phong chinh phu", "Thanh tra Chính phủ",
        # commune-level bodies that share words with province-level units
        "Công an các xã, phường", "Trung tâm Phục vụ hành chính công cấp xã",
        "trung tam phuc vu hanh chinh cong cap xa",
        # a department this province has not: never read as a near one ("Nội vụ")
        "Sở Ngoại vụ", "So Ngoai vu",
        # "Mỹ Hào" is both the former thị xã and the new phường
        "Mỹ Hào", "my hao", "Mỹ Hòa",
        # so are these districts and the communes named after them (2025)
        "Ân Thi", "an thi", "khoai chau", "Yên Mỹ", "Văn Giang", "Tiên Lữ",
        "Thái Bình",  # the former province's name, not only the phường
        # a city under the central government is no district of the province
        "thành phố Hà Nội",
    ],
)
def test_does_not_guess(name):
    assert UNITS.resolve(name) is None
    assert UNITS.resolve(name, fuzzy=False) is None


def test_a_department_the_registry_lacks_stays_unresolved():
    # unlike a commune, "Sở …" is never made up: the caller keeps it under its own name
    assert UNITS.resolve("Sở Dân tộc và Tôn giáo", fuzzy=False) is None
    assert UNITS.resolve("Sở Ngoại vụ", kinds=("sở",), fuzzy=False) is None
    assert UNITS.resolve("Ngoại vụ", kinds=("sở",), fuzzy=False) is None


def test_suggestions_for_unknown_names():
    assert UNITS.suggest("Hưng Yên")[0] == "UBND thành phố Hưng Yên"
    assert "Sở Tư pháp" in UNITS.suggest("Bộ Tư pháp")
    assert UNITS.suggest("Khoai Trau")[0] == "UBND huyện Khoái Châu"
    assert UNITS.suggest("qwertyuiop") == []
    # an ambiguous short name: both units, neither chosen
    assert set(UNITS.suggest("Mỹ Hào")[:2]) == {"UBND thị xã Mỹ Hào", "UBND phường Mỹ Hào"}
    assert set(UNITS.suggest("an thi")[:2]) == {"UBND huyện Ân Thi", "UBND xã Ân Thi"}


@pytest.mark.parametrize(
    "name, group",
    [
        ("Các sở, ban, ngành tỉnh", SBN),
        ("sở ban ngành", SBN),
        ("UBND các huyện, thị xã, thành phố", HUYEN),
        ("ubnd cac huyen thi xa thanh pho", HUYEN),
        ("UBND cấp huyện", HUYEN),
        ("đơn vị sự nghiệp công lập trực thuộc UBND tỉnh", SN),
        ("UBND các xã, phường", XA),
        ("ubnd cac xa phuong", XA),
        ("UBND các xã, phường, thị trấn", XA),
        ("Ủy ban nhân dân các xã, phường", XA),
        ("UBND xã, phường", XA),
        ("cấp xã", XA),
        ("các xã, phường", XA),
        ("cơ quan chuyên môn thuộc UBND tỉnh", CQCM),
        ("các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh", CQCM),
        ("cơ quan Trung ương đóng trên địa bàn", TW),
        ("các cơ quan ngành dọc đóng trên địa bàn tỉnh", TW),
        ("cơ quan ngành dọc", TW),
    ],
)
def test_resolves_groups(name, group):
    r = UNITS.resolve(name)
    assert r is not None and r.is_group and r.name == group


@pytest.mark.parametrize(
    "name, target, head",
    [
        ("Thủ trưởng các sở, ban, ngành tỉnh", SBN, "Thủ trưởng"),
        ("Chủ tịch UBND các huyện, thị xã, thành phố", HUYEN, "Chủ tịch"),
        ("Chủ tịch UBND các xã, phường", XA, "Chủ tịch"),
        ("Giám đốc Sở Nội vụ", "Sở Nội vụ", "Giám đốc"),
        ("giam doc so noi vu", "Sở Nội vụ", "giam doc"),
        ("Chánh Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh", "Chánh"),
        ("Chánh Thanh tra tỉnh", "Thanh tra tỉnh", "Chánh"),
        ("Giám đốc Trung tâm Phục vụ hành chính công tỉnh", "Trung tâm Phục vụ hành chính công tỉnh", "Giám đốc"),
        ("Thủ trưởng các cơ quan ngành dọc đóng trên địa bàn tỉnh", TW, "Thủ trưởng"),
        ("Trưởng Ban Quản lý các khu công nghiệp tỉnh", "Ban Quản lý các khu công nghiệp tỉnh", "Trưởng"),
        ("lãnh đạo Công an tỉnh", "Công an tỉnh", "lãnh đạo"),
        ("người đứng đầu Sở Y tế", "Sở Y tế", "người đứng đầu"),
        ("Giám đốc Sở Thông tin và Truyền thông", KHCN, "Giám đốc"),
        ("Chủ tịch UBND xã Nghĩa Trụ", "UBND xã Nghĩa Trụ", "Chủ tịch"),
    ],
)
def test_a_heads_title_names_the_unit_or_group_they_lead(name, target, head):
    r = UNITS.resolve(name, fuzzy=False)
    assert r is not None and r.name == target and r.head == head


def test_a_title_does_not_hide_a_name():
    # "Trường Chính trị …" begins with the word of a title ("trưởng") but is a unit's own name
    r = UNITS.resolve("Trường Chính trị tỉnh")
    assert r is not None and r.name == "Trường Chính trị tỉnh" and r.head is None


def test_group_membership():
    districts = {u.name for u in UNITS.members(HUYEN)}
    assert len(districts) == 10
    assert {"UBND thành phố Hưng Yên", "UBND thị xã Mỹ Hào", "UBND huyện Tiên Lữ"} <= districts
    departments = {u.name for u in UNITS.members(SBN)}
    # 2025: Giao thông vận tải, Thông tin và Truyền thông, Kế hoạch và Đầu tư, … are former
    # names of their successors now, no longer units of their own
    assert {"Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Giáo dục và Đào tạo", KHCN, "Sở Xây dựng",
            "Sở Nông nghiệp và Môi trường", "Sở Công Thương", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch",
            "Văn phòng UBND tỉnh", "Thanh tra tỉnh", "Ban Quản lý các khu công nghiệp tỉnh"} == departments
    assert not departments & districts
    for former in ("Sở Giao thông vận tải", "Sở Thông tin và Truyền thông", "Sở Kế hoạch và Đầu tư",
                   "Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn",
                   "Sở Lao động - Thương binh và Xã hội"):
        assert UNITS.unit(former) is None
    specialised = {u.name for u in UNITS.members(CQCM)}
    assert specialised == departments - {"Ban Quản lý các khu công nghiệp tỉnh"}


def test_central_agencies_and_public_service_units_are_not_departments():
    departments = {u.name for u in UNITS.members(SBN)}
    central = {u.name for u in UNITS.members(TW)}
    assert {"Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Bảo hiểm xã hội tỉnh", "Thuế tỉnh"} <= central
    assert not central & departments
    assert "Công an tỉnh" not in departments
    public = {u.name for u in UNITS.members(SN)}
    assert {"Đài Phát thanh và Truyền hình tỉnh", "Trường Chính trị tỉnh"} <= public
    # an administrative unit of the provincial office (NĐ 107/2021), neither a department nor
    # a public service unit: duties to "đơn vị sự nghiệp" are not its duties
    assert "Trung tâm Phục vụ hành chính công tỉnh" not in departments | public
    assert UNITS.unit("Trung tâm Phục vụ hành chính công tỉnh").parent == "Văn phòng UBND tỉnh"  # type: ignore[union-attr]
    post = UNITS.unit("Bưu điện tỉnh")
    assert post is not None and post.kind == "doanh nghiệp" and post.groups == ()


def test_commune_membership():
    communes = {u.name for u in UNITS.members(XA)}
    assert {"UBND phường Phố Hiến", "UBND phường Mỹ Hào", "UBND phường Thái Bình", "UBND xã Nghĩa Trụ"} <= communes
    assert "UBND thị xã Mỹ Hào" not in communes
    assert all(u.kind in COMMUNE_KINDS for u in UNITS.members(XA))
    grp = UNITS.group(XA)
    assert grp is not None and not grp.complete and grp.total == 104 and len(communes) <= 104
    # a group is found by any of its names
    assert {u.name for u in UNITS.members("UBND các xã, phường")} == communes


def test_groups_of():
    assert UNITS.groups_of("Sở Tư pháp") == (CQCM, SBN)
    assert UNITS.groups_of("stp") == (CQCM, SBN)
    assert UNITS.groups_of("Sở Giao thông vận tải") == (CQCM, SBN)  # through its successor
    assert UNITS.groups_of("Ban Quản lý các KCN tỉnh") == (SBN,)
    assert UNITS.groups_of("Công an tỉnh") == (TW,)
    assert UNITS.groups_of("UBND phường Phố Hiến") == (XA,)
    assert UNITS.groups_of("UBND huyện Kim Động") == (HUYEN,)
    assert UNITS.groups_of("UBND xã Tân Tiến") == (XA,)  # not in the registry: by its kind
    assert UNITS.groups_of(CQCM) == (SBN,)  # a group: the groups including it
    assert UNITS.groups_of("Bưu điện tỉnh") == ()
    assert UNITS.groups_of("Sở Ngoại vụ") == ()


@pytest.mark.parametrize(
    "name, canonical, kind, group",
    [
        ("UBND xã Tân Tiến", "UBND xã Tân Tiến", "xã", XA),
        ("xã Tân Tiến", "UBND xã Tân Tiến", "xã", XA),
        ("Ủy ban nhân dân xã Tân Tiến", "UBND xã Tân Tiến", "xã", XA),
        ("phường Hiến Nam", "UBND phường Hiến Nam", "phường", XA),  # merged into Phố Hiến in 2025
        ("UBND phường Hiến Nam", "UBND phường Hiến Nam", "phường", XA),
        ("UBND thị trấn Vương", "UBND thị trấn Vương", "thị trấn", XA),
        ("UBND huyện Hưng Hà", "UBND huyện Hưng Hà", "huyện", HUYEN),
        ("huyện Hưng Hà", "UBND huyện Hưng Hà", "huyện", HUYEN),
        ("thị xã Sơn Tây", "UBND thị xã Sơn Tây", "thị xã", HUYEN),
    ],
)
def test_a_commune_or_district_the_registry_lacks_is_kept_under_its_own_name(name, canonical, kind, group):
    for fuzzy in (True, False):
        r = UNITS.resolve(name, fuzzy=fuzzy)
        assert r is not None and r.unit is not None
        assert r.how == "kind"
        assert r.unit.name == canonical and r.unit.kind == kind and r.unit.synthetic
        assert r.unit.groups == (group,)  # the group's duties apply to it
        assert UNITS.unit(canonical) is None  # nothing is added to the registry


def test_a_lacking_commune_with_a_heads_title():
    r = UNITS.resolve("Chủ tịch UBND xã Tân Tiến", fuzzy=False)
    assert r is not None and r.name == "UBND xã Tân Tiến" and r.how == "kind" and r.head == "Chủ tịch"


@pytest.mark.parametrize(
    "name",
    ["UBND xã", "xã có hồ sơ quá hạn", "các xã, phường được chọn khảo sát", "phường", "UBND xã Tân Tiến huyện Văn Giang"],
)
def test_no_commune_is_made_of_words_that_are_not_a_name(name):
    r = UNITS.resolve(name, fuzzy=False)
    assert r is None or r.how != "kind"


def test_a_lacking_commune_typed_without_accents_keeps_the_users_spelling():
    r = UNITS.resolve("ubnd xa tan tien")
    assert r is not None and r.how == "kind" and r.name == "UBND xã Tan Tien"


def test_a_wrong_kind_word_typed_by_a_user_finds_the_unit_at_its_level():
    r = UNITS.resolve("huyện Mỹ Hào")  # a huyện until 2019, then a thị xã
    assert r is not None and r.name == "UBND thị xã Mỹ Hào" and r.how == "fuzzy"
    assert UNITS.resolve("huyện Mỹ Hào", fuzzy=False).how == "kind"  # type: ignore[union-attr]
    r = UNITS.resolve("thị trấn Như Quỳnh")  # commune level: a thị trấn until 2025, now a xã
    assert r is not None and r.name == "UBND xã Như Quỳnh" and r.how == "fuzzy"
    r = UNITS.resolve("huyen Khoai Chau")
    assert r is not None and r.name == "UBND huyện Khoái Châu" and r.how == "exact"


def test_list_context_reads_short_names_with_their_prefix():
    assert UNITS.resolve("Yên Mỹ", kinds=("huyện", "thị xã")).name == "UBND huyện Yên Mỹ"  # type: ignore[union-attr]
    assert UNITS.resolve("Tư pháp", kinds=("sở",)).name == "Sở Tư pháp"  # type: ignore[union-attr]
    assert UNITS.resolve("Hưng Yên", kinds=("thành phố",)).name == "UBND thành phố Hưng Yên"  # type: ignore[union-attr]
    # "Mỹ Hào" is read by the list's kind
    assert UNITS.resolve("Mỹ Hào", kinds=DISTRICT_KINDS).name == "UBND thị xã Mỹ Hào"  # type: ignore[union-attr]
    assert UNITS.resolve("Mỹ Hào", kinds=("phường",)).name == "UBND phường Mỹ Hào"  # type: ignore[union-attr]
    assert UNITS.resolve("Mỹ Hòa", kinds=("thị xã",)).name == "UBND thị xã Mỹ Hào"  # type: ignore[union-attr]
    assert UNITS.resolve("Yên Mỹ", kinds=("xã",)).name == "UBND xã Yên Mỹ"  # type: ignore[union-attr]
    assert UNITS.resolve("Phố Hiến", kinds=("xã", "phường")).name == "UBND phường Phố Hiến"  # type: ignore[union-attr]
    # a listed commune the registry lacks: of the list's kind
    r = UNITS.resolve("Tân Tiến", kinds=("xã", "phường"), fuzzy=False)
    assert r is not None and r.name == "UBND xã Tân Tiến" and r.how == "kind"


@pytest.mark.parametrize(
    "items, expected",
    [
        # 142/TB-VP: "lãnh đạo các sở: Nội vụ, Tài chính, Tư pháp, Khoa học và Công nghệ, Xây dựng, …"
        (["Nội vụ", "Tài chính", "Tư pháp", "Khoa học và Công nghệ", "Xây dựng", "Nông nghiệp và Môi trường"],
         ["Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", KHCN, "Sở Xây dựng", "Sở Nông nghiệp và Môi trường"]),
        # the 2024 directive: "(các sở: Giáo dục và Đào tạo, Tư pháp; Khoa học và Công nghệ, …)"
        (["Giáo dục và Đào tạo", "Tư pháp", "Khoa học và Công nghệ", "Giao thông vận tải",
          "Thông tin và Truyền thông", "Công Thương"],
         ["Sở Giáo dục và Đào tạo", "Sở Tư pháp", KHCN, "Sở Xây dựng", KHCN, "Sở Công Thương"]),
        # 142/TB-VP, nơi nhận: "Các sở: NV, TC, TP, KHCN, XD, NNMT"
        (["NV", "TC", "TP", "KHCN", "XD", "NNMT"],
         ["Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", KHCN, "Sở Xây dựng", "Sở Nông nghiệp và Môi trường"]),
    ],
)
def test_department_lists(items, expected):
    got = [UNITS.resolve(x, kinds=("sở",), fuzzy=False) for x in items]
    assert [r.name if r else None for r in got] == expected
    assert UNITS.resolve("Giao thông vận tải", kinds=("sở",)).via_former == "Sở Giao thông vận tải"  # type: ignore[union-attr]


def test_kinds_in_a_lists_label():
    assert kinds_in("các sở") == ("sở",)
    assert kinds_in("UBND các huyện, thị xã") == ("huyện", "thị xã")
    assert kinds_in("UBND các xã, phường") == ("xã", "phường")
    assert kinds_in("Các sở, ngành được UBND tỉnh giao") == ("sở",)


# -- running text --------------------------------------------------------------------------
def _found(text, groups=True):
    return [m.resolution.name for m in UNITS.find(text, groups=groups)]


def test_free_text_mentions():
    found = _found(
        "Huyện Kim Động có phải báo cáo không? Sở Tư pháp gửi Báo cáo số 145/BC-SNV; Bộ Tư pháp; "
        "UBND các huyện, thị xã, thành phố; so giao thong van tai"
    )
    # "145/BC-SNV" is a document number, not Sở Nội vụ; "Bộ Tư pháp" is no unit of the province;
    # "Sở Giao thông vận tải" is Sở Xây dựng since the 2025 reorganisation
    assert found == ["UBND huyện Kim Động", "Sở Tư pháp", "UBND huyện, thị xã, thành phố", "Sở Xây dựng"]
    # a department's bare short name is a common phrase in running text: not a mention
    assert UNITS.find("báo cáo tài chính và công tác tư pháp") == []
    assert UNITS.first_unit("Thị xã Mỹ Hòa phải làm gì?").name == "UBND thị xã Mỹ Hào"  # type: ignore[union-attr]
    assert UNITS.first_unit("Ai ký văn bản của UBND tỉnh Hưng Yên?") is None


def test_a_former_name_in_running_text():
    [m] = UNITS.find("Sở Thông tin và Truyền thông có phải báo cáo không?")
    assert m.resolution.name == KHCN and m.resolution.via_former == "Sở Thông tin và Truyền thông"
    assert m.resolution.text == "Sở Thông tin và Truyền thông"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sở Tư pháp chủ trì, phối hợp với Công an tỉnh và Trung tâm Phục vụ hành chính công tỉnh rà soát toàn bộ "
         "hồ sơ liên thông đăng ký khai sinh, đăng ký khai tử còn tồn đọng",
         ["Sở Tư pháp", "Công an tỉnh", "Trung tâm Phục vụ hành chính công tỉnh"]),
        ("Chủ tịch UBND các xã, phường chỉ đạo Trung tâm Phục vụ hành chính công cấp xã, công chức tư pháp - hộ tịch "
         "xử lý ngay các hồ sơ tồn đọng thuộc thẩm quyền", [XA]),
        ("Công an tỉnh chỉ đạo Công an các xã, phường giải quyết dứt điểm hồ sơ đăng ký thường trú", ["Công an tỉnh"]),
        ("Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh chỉ đạo các cơ sở khám bệnh, chữa bệnh",
         ["Sở Y tế", "Bảo hiểm xã hội tỉnh"]),
        ("Chỉ đạo Trung tâm Phục vụ hành chính công và Kiểm soát thủ tục hành chính tỉnh công khai tỷ lệ hồ sơ",
         ["Trung tâm Phục vụ hành chính công tỉnh"]),
        ("Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố và các cơ quan, đơn vị có "
         "liên quan tổ chức triển khai thực hiện nghiêm túc Chỉ thị này", [SBN, HUYEN]),
        ("Chánh Văn phòng UBND tỉnh; Giám đốc Trung tâm Phục vụ hành chính công tỉnh; Thủ trưởng các sở, ban, ngành "
         "tỉnh; Thủ trưởng các cơ quan ngành dọc đóng trên địa bàn tỉnh; Chủ tịch UBND các xã, phường và các tổ chức",
         ["Văn phòng UBND tỉnh", "Trung tâm Phục vụ hành chính công tỉnh", SBN, TW, XA]),
        ("Phối hợp với Sở Nội vụ, Sở Văn hóa, Thể thao và Du lịch tuyên truyền; Đài PT&TH tỉnh; Bưu điện tỉnh",
         ["Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch", "Đài Phát thanh và Truyền hình tỉnh", "Bưu điện tỉnh"]),
        ("Trường Chính trị tỉnh tổ chức các lớp bồi dưỡng ngạch chuyên viên chính", ["Trường Chính trị tỉnh"]),
        # lists a kind opens: the short names are read with the list's kind
        ("Tham dự cuộc họp có: lãnh đạo các sở: Nội vụ, Tài chính, Tư pháp, Khoa học và Công nghệ, Xây dựng, Nông "
         "nghiệp và Môi trường; lãnh đạo Công an tỉnh, Bảo hiểm xã hội tỉnh, Trung tâm Phục vụ hành chính công tỉnh, "
         "Văn phòng UBND tỉnh; đại diện lãnh đạo UBND các phường: Phố Hiến, Mỹ Hào, Thái Bình và xã Nghĩa Trụ.",
         ["Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", KHCN, "Sở Xây dựng", "Sở Nông nghiệp và Môi trường",
          "Công an tỉnh", "Bảo hiểm xã hội tỉnh", "Trung tâm Phục vụ hành chính công tỉnh", "Văn phòng UBND tỉnh",
          "UBND phường Phố Hiến", "UBND phường Mỹ Hào", "UBND phường Thái Bình", "UBND xã Nghĩa Trụ"]),
        ("Các đơn vị được kiểm tra (các sở: Giáo dục và Đào tạo, Tư pháp; Khoa học và Công nghệ, Giao thông vận tải, "
         "Thông tin và Truyền thông, Công Thương; UBND các huyện, thị xã: Yên Mỹ, Khoái Châu, Ân Thi, Văn Lâm, "
         "thị xã Mỹ Hòa):",
         ["Sở Giáo dục và Đào tạo", "Sở Tư pháp", KHCN, "Sở Xây dựng", KHCN, "Sở Công Thương", "UBND huyện Yên Mỹ",
          "UBND huyện Khoái Châu", "UBND huyện Ân Thi", "UBND huyện Văn Lâm", "UBND thị xã Mỹ Hào"]),
        ("| 6 | Phường Phố Hiến | 99,2 | 76,5 | 85,12 |\n| 7 | Xã Nghĩa Trụ | 97,4 | 48,9 | 74,08 |",
         ["UBND phường Phố Hiến", "UBND xã Nghĩa Trụ"]),
        ("Về đề xuất của UBND phường Mỹ Hào về việc bổ sung 02 biên chế", ["UBND phường Mỹ Hào"]),
    ],
)
def test_mentions_in_the_documents_sentences(text, expected):
    assert _found(text) == expected


def test_mentions_keep_the_heads_title():
    [m] = UNITS.find("Chủ tịch UBND các xã, phường chỉ đạo Trung tâm Phục vụ hành chính công cấp xã …")
    assert m.resolution.is_group and m.resolution.head == "Chủ tịch" and m.resolution.text == "UBND các xã, phường"
    assert (m.start, m.end) == (0, 6)  # the title is part of the mention
    [m] = UNITS.find("Giám đốc Sở Nội vụ tổng hợp, báo cáo")
    assert m.resolution.name == "Sở Nội vụ" and m.resolution.head == "Giám đốc" and m.start == 0


@pytest.mark.parametrize(
    "text, expected",
    [
        ("UBND xã Tân Tiến phải báo cáo gì?", [("UBND xã Tân Tiến", "kind")]),
        ("Chủ tịch UBND xã Tân Tiến chịu trách nhiệm", [("UBND xã Tân Tiến", "kind")]),
        ("phường Hiến Nam, huyện Hưng Hà và thị xã Sơn Tây", [("UBND phường Hiến Nam", "kind"),
                                                             ("UBND huyện Hưng Hà", "kind"),
                                                             ("UBND thị xã Sơn Tây", "kind")]),
        ("xã Tân Tiến Sở Tư pháp", [("UBND xã Tân Tiến", "kind"), ("Sở Tư pháp", "exact")]),
        ("UBND xã Nghĩa Trụ báo cáo", [("UBND xã Nghĩa Trụ", "exact")]),
    ],
)
def test_communes_the_registry_lacks_in_running_text(text, expected):
    found = [(m.resolution.name, m.resolution.how) for m in UNITS.find(text)]
    assert found == expected
    unit = UNITS.first_unit(text)
    assert unit is not None and unit.groups


@pytest.mark.parametrize(
    "text",
    [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Đẩy mạnh xã hội hóa; Xã hội hóa công tác này",
        "Bộ phận Một cửa cấp huyện, cấp xã",
        "tổ chức 02 kỳ tuyển dụng công chức cấp xã với 186 chỉ tiêu",
        "Trung tâm Phục vụ hành chính công cấp xã bố trí công chức",
        "một số xã chưa thực hiện nghiêm việc số hóa hồ sơ",
        "Công an xã Tân Tiến; Công an các xã, phường",
        "thành phố Hà Nội",
        "Ai ký văn bản của UBND tỉnh Hưng Yên? Chủ tịch UBND tỉnh",
        "Bộ Nội vụ; Văn phòng Chính phủ; Thanh tra Chính phủ",
    ],
)
def test_no_unit_in_words_that_name_none(text):
    assert UNITS.find(text) == []


def test_key_normalisation():
    assert key("Sở GD&ĐT") == "so gd dt"
    assert key("  Lao động - Thương binh và Xã hội ") == "lao dong thuong binh va xa hoi"


def test_conflicting_aliases_are_refused():
    with pytest.raises(ValueError, match="names both"):
        Units.from_dict({
            "groups": [],
            "units": [{"name": "Sở A", "short": "A", "kind": "sở", "aliases": ["X"]},
                      {"name": "Sở B", "short": "B", "kind": "sở", "aliases": ["X"]}],
        })
    with pytest.raises(ValueError, match="names both"):  # a former name too
        Units.from_dict({
            "groups": [],
            "units": [{"name": "Sở A", "short": "A", "kind": "sở", "former": ["Sở C"]},
                      {"name": "Sở B", "short": "B", "kind": "sở", "former": [{"name": "Sở C"}]}],
        })
    with pytest.raises(ValueError, match="unknown group"):
        Units.from_dict({"groups": [], "units": [{"name": "Sở A", "groups": ["nhóm lạ"]}]})
    with pytest.raises(ValueError, match="unknown group"):
        Units.from_dict({"groups": [{"name": "g", "includes": ["nhóm lạ"]}], "units": []})
    with pytest.raises(ValueError, match="unknown parent"):
        Units.from_dict({"groups": [], "units": [{"name": "Sở A", "parent": "Sở Z"}]})


def test_membership_is_data_driven():
    u = Units.from_dict({
        "groups": [{"name": "inner"}, {"name": "outer", "includes": ["inner"]}, {"name": "communes", "kinds": ["xã"]}],
        "units": [{"name": "Sở A", "short": "A", "kind": "sở", "groups": ["inner"]},
                  {"name": "UBND xã B", "short": "B", "kind": "xã"}],
    })
    assert u.unit("Sở A").groups == ("inner", "outer")  # type: ignore[union-attr]
    assert [x.name for x in u.members("outer")] == ["Sở A"]
    assert [x.name for x in u.members("communes")] == ["UBND xã B"]
    assert u.resolve("UBND xã C").unit.groups == ("communes",)  # type: ignore[union-attr]


def test_the_registry_file_has_no_clashes():
    # loading checks every key: no name, alias, short or former name names two units or groups
    units = Units.load(UNITS_PATH)
    assert len(units.units) == len(RAW["units"]) and len(units.groups) == len(RAW["groups"])
    names = [u["name"] for u in RAW["units"]]
    assert len(names) == len(set(names))
    for u in units.units:
        for k in u.keys(free_text=False):
            assert units.resolve(k, fuzzy=False).name == u.name, k  # type: ignore[union-attr]


def test_a_key_given_twice_in_the_file_is_refused(tmp_path):
    bad = tmp_path / "units.yaml"
    bad.write_text("units:\n  - name: Sở A\n    short: A\n    short: B\n", encoding="utf-8")
    with pytest.raises(ValueError, match="duplicate key"):
        Units.load(bad)


def test_missing_file_gives_no_units(tmp_path):
    assert load_units(tmp_path / "none.yaml").units == []
    bad = tmp_path / "units.yaml"
    bad.write_text("units: [\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid YAML"):
        load_units(bad)


def test_names_inside_other_names_are_not_units():
    # "cơ sở giáo dục" is a school, "Bộ Giáo dục và Đào tạo" the ministry: neither is the Sở
    assert UNITS.find("Cơ sở giáo dục nghề nghiệp phối hợp với cơ sở giáo dục thường xuyên", groups=False) == []
    assert UNITS.find("Bộ Giáo dục và Đào tạo quy định việc dạy và học", groups=False) == []
    assert [m.resolution.name for m in UNITS.find("Sở Giáo dục và Đào tạo báo cáo", groups=False)] == ["Sở Giáo dục và Đào tạo"]
