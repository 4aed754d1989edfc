"""Unit resolution in Hưng Yên's registry (the national list, the province's communes from
vietnam-provinces, its former districts and communes, corpus/units.yaml): accented,
unaccented, abbreviated, misspelled, former names; groups; heads' titles; communes and
districts the registry lacks; the province's authorities; free text. Other provinces and
the PROVINCE setting: tests/test_provinces.py."""

from __future__ import annotations

import gzip
import json

import pytest
import yaml
from conftest import ROOT
from vietnam_provinces import Ward

from retrieval.facts.units import (
    COMMUNE_KINDS,
    DISTRICT_KINDS,
    KIND_PREFIXES,
    LEGACY_PATH,
    Units,
    find_province,
    key,
    kinds_in,
    load_units,
)
from retrieval.lang.text import fold

UNITS_PATH = ROOT / "corpus" / "units.yaml"
UNITS = load_units(UNITS_PATH)
RAW = yaml.safe_load(UNITS_PATH.read_text(encoding="utf-8"))
PROVINCE = find_province(RAW["province"])
LEGACY = json.loads(gzip.decompress(LEGACY_PATH.read_bytes()))["provinces"][str(PROVINCE.code)]
WARDS = list(Ward.iter_by_province(PROVINCE.code))  # type: ignore[arg-type]

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
def _unit_names(u):
    yield u.name, None
    for a in u.aliases:
        yield a, None
    for prefix in KIND_PREFIXES.get(u.kind, ()):
        yield f"{prefix} {u.short}", None
    if u.standalone:
        yield u.short, None
    for old in u.former:
        yield old, old
    for alias, old in u.former_aliases:
        yield alias, old


@pytest.mark.parametrize("unit", UNITS.units, ids=lambda u: u.name)
def test_every_name_abbreviation_and_former_name_resolves(unit):
    for name, former in _unit_names(unit):
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
        # the province itself is a place, no unit
        "tỉnh", "tỉnh Hưng Yên", "tinh hung yen", "tỉnh Thái Bình",
        # central bodies that share words with the province's units
        "Bộ Nội vụ", "bo noi vu", "Văn phòng Chính phủ", "van phong chinh phu", "Thanh tra Chính phủ",
        "Ban Tổ chức Trung ương",
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
    assert "UBND thành phố Hưng Yên" in UNITS.suggest("Hưng Yên")
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
        # the bodies every commune has, and their groups (the two-tier model, NĐ 150/2025)
        ("Công an các xã, phường", "Công an cấp xã"),
        ("các Trung tâm Phục vụ hành chính công cấp xã", "Trung tâm Phục vụ hành chính công cấp xã"),
        ("Các cơ quan, đơn vị thuộc UBND phường", "cơ quan, đơn vị thuộc UBND phường"),
        ("các phòng chuyên môn thuộc UBND xã", "cơ quan chuyên môn thuộc UBND xã"),
        ("Đảng ủy các xã, phường", "Đảng ủy cấp xã"),
        ("UBND các phường", "UBND các phường"),
        ("Các thôn", "các thôn"),
        ("các tổ dân phố", "các tổ dân phố"),
        # the province's party, front and council bodies
        ("các tổ chức chính trị - xã hội tỉnh", "tổ chức chính trị - xã hội tỉnh"),
        ("các Ban của Hội đồng nhân dân tỉnh", "Ban của HĐND tỉnh"),
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
    # the former districts of Hưng Yên: what its documents of 2024 meant by the group
    own = [d for d in LEGACY["districts"] if d["old_province"] == "Tỉnh Hưng Yên"]
    assert len(districts) == len(own) == UNITS.group(HUYEN).total  # type: ignore[union-attr]
    assert {"UBND thành phố Hưng Yên", "UBND thị xã Mỹ Hào", "UBND huyện Tiên Lữ"} <= districts
    # those of Thái Bình, merged into it on 01/7/2025, have a group of their own
    merged = {u.name for u in UNITS.members("UBND các huyện, thị xã, thành phố tỉnh Thái Bình")}
    assert len(merged) == len(LEGACY["districts"]) - len(own) and "UBND huyện Hưng Hà" in merged
    assert not merged & districts
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
    # every commune and ward vietnam-provinces has for the province, with its code
    assert {u.code for u in UNITS.members(XA)} == {int(w.code) for w in WARDS}
    grp = UNITS.group(XA)
    assert grp is not None and grp.complete and grp.total == len(WARDS) == len(communes)
    # a group is found by any of its names
    assert {u.name for u in UNITS.members("UBND các xã, phường")} == communes
    wards = {u.name for u in UNITS.members("UBND các phường")}
    assert wards == {u.name for u in UNITS.members(XA) if u.kind == "phường"} and "UBND phường Phố Hiến" in wards


def test_former_districts_say_where_their_territory_went():
    kim_dong = UNITS.unit("UBND huyện Kim Động")
    assert kim_dong is not None and kim_dong.until == "30/6/2025" and kim_dong.level == "huyện"
    record = next(d for d in LEGACY["districts"] if d["name"] == "Huyện Kim Động")
    assert {UNITS.unit(n).code for n in kim_dong.successors} == set(record["wards"])  # type: ignore[union-attr]
    assert all(UNITS.unit(n).kind in COMMUNE_KINDS for n in kim_dong.successors)  # type: ignore[union-attr]


def test_former_communes_are_former_names_of_the_commune_they_are_now_in():
    for c in LEGACY["communes"]:
        if len(c["to"]) != 1 or c["split"]:
            continue  # split between several new communes: no single successor
        r = UNITS.resolve(f"{c['name']}, {c['district']}", fuzzy=False)
        assert r is not None and r.unit is not None and r.via_former, c
        assert r.unit.code == c["to"][0], c
    # the unqualified name too, where no other former commune or current unit has it
    r = UNITS.resolve("xã Thủ Sỹ")
    assert r is not None and r.name == "UBND xã Tân Hưng" and r.via_former == "xã Thủ Sỹ (huyện Tiên Lữ)"
    assert r.former_note == "xã Thủ Sỹ (huyện Tiên Lữ), nay là UBND xã Tân Hưng"
    # a name several former communes had is read only with its district
    assert sum(1 for c in LEGACY["communes"] if c["name"] == "Xã Hòa Bình") > 1
    assert UNITS.resolve("xã Hòa Bình", fuzzy=False) is None or UNITS.resolve("xã Hòa Bình").how == "kind"  # type: ignore[union-attr]


def test_the_merged_provinces_bodies_are_former_names():
    assert UNITS.merged_from == ("Thái Bình",)
    for name, canonical in (("Sở Tư pháp tỉnh Thái Bình", "Sở Tư pháp"), ("UBND tỉnh Thái Bình", "UBND tỉnh"),
                            ("Công an tỉnh Thái Bình", "Công an tỉnh"),
                            ("Sở Kế hoạch và Đầu tư tỉnh Thái Bình", "Sở Tài chính")):
        r = UNITS.resolve(name)
        assert r is not None and r.name == canonical and r.via_former == name
    # the province's own name after a body's is the body, no former name
    r = UNITS.resolve("Sở Tư pháp tỉnh Hưng Yên")
    assert r is not None and r.name == "Sở Tư pháp" and r.via_former is None


def test_groups_of():
    assert UNITS.groups_of("Sở Tư pháp") == (CQCM, SBN)
    assert UNITS.groups_of("stp") == (CQCM, SBN)
    assert UNITS.groups_of("Sở Giao thông vận tải") == (CQCM, SBN)  # through its successor
    assert UNITS.groups_of("Ban Quản lý các KCN tỉnh") == (SBN,)
    assert UNITS.groups_of("Công an tỉnh") == (TW,)
    assert UNITS.groups_of("UBND phường Phố Hiến") == (XA, "UBND các phường")
    assert UNITS.groups_of("UBND huyện Kim Động") == (HUYEN,)
    # a commune the province's list lacks is another province's: none of this province's groups hold it
    assert UNITS.groups_of("UBND xã Tân Sơn") == ()
    # a registry that lists no communes cannot tell: the kind's groups
    bare = Units.from_dict({"province": "Hưng Yên", "groups": [{"name": "UBND cấp xã", "kinds": ["xã", "phường"]}]})
    assert bare.groups_of("UBND xã Tân Sơn") == ("UBND cấp xã",)
    assert UNITS.groups_of(CQCM) == (SBN,)  # a group: the groups including it
    assert UNITS.groups_of("Bưu điện tỉnh") == ()
    assert UNITS.groups_of("Sở Ngoại vụ") == ()


@pytest.mark.parametrize(
    "name, canonical, kind, group",
    [
        # communes the province's full list lacks are other provinces': none of its groups reach them
        ("UBND xã Tân Sơn", "UBND xã Tân Sơn", "xã", ()),
        ("xã Tân Sơn", "UBND xã Tân Sơn", "xã", ()),
        ("Ủy ban nhân dân xã Tân Sơn", "UBND xã Tân Sơn", "xã", ()),
        ("phường Ba Đình", "UBND phường Ba Đình", "phường", ()),  # Hà Nội's
        ("UBND thị trấn Vĩnh Hưng", "UBND thị trấn Vĩnh Hưng", "thị trấn", ()),
        ("UBND huyện Gia Lâm", "UBND huyện Gia Lâm", "huyện", (HUYEN,)),
        ("huyện Gia Lâm", "UBND huyện Gia Lâm", "huyện", (HUYEN,)),
        ("thị xã Sơn Tây", "UBND thị xã Sơn Tây", "thị xã", (HUYEN,)),
    ],
)
def test_a_commune_or_district_the_registry_lacks_is_kept_under_its_own_name(name, canonical, kind, group):
    for fuzzy in (True, False):
        r = UNITS.resolve(name, fuzzy=fuzzy)
        assert r is not None and r.unit is not None
        assert r.how == "kind"
        assert r.unit.name == canonical and r.unit.kind == kind and r.unit.synthetic
        assert r.unit.groups == group  # a district's group's duties apply to it
        assert UNITS.unit(canonical) is None  # nothing is added to the registry


def test_a_lacking_commune_with_a_heads_title():
    r = UNITS.resolve("Chủ tịch UBND xã Tân Sơn", fuzzy=False)
    assert r is not None and r.name == "UBND xã Tân Sơn" and r.how == "kind" and r.head == "Chủ tịch"


@pytest.mark.parametrize(
    "name",
    ["UBND xã", "xã có hồ sơ quá hạn", "các xã, phường được chọn khảo sát", "phường", "UBND xã Tân Sơn huyện Văn Giang"],
)
def test_no_commune_is_made_of_words_that_are_not_a_name(name):
    r = UNITS.resolve(name, fuzzy=False)
    assert r is None or r.how != "kind"


def test_a_lacking_commune_typed_without_accents_keeps_the_users_spelling():
    r = UNITS.resolve("ubnd xa tan son")
    assert r is not None and r.how == "kind" and r.name == "UBND xã Tan Son"


def test_a_wrong_kind_word_typed_by_a_user_finds_the_unit_at_its_level():
    r = UNITS.resolve("huyện Mỹ Hào")  # a huyện until 2019, then a thị xã
    assert r is not None and r.name == "UBND thị xã Mỹ Hào" and r.how == "fuzzy"
    assert UNITS.resolve("huyện Mỹ Hào", fuzzy=False).how == "kind"  # type: ignore[union-attr]
    r = UNITS.resolve("phường Nghĩa Trụ")  # commune level: a xã
    assert r is not None and r.name == "UBND xã Nghĩa Trụ" and r.how == "fuzzy"
    # a thị trấn until 2025, now part of a xã: its former name
    r = UNITS.resolve("thị trấn Như Quỳnh")
    assert r is not None and r.name == "UBND xã Như Quỳnh" and r.how == "exact" and r.via_former
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
    r = UNITS.resolve("Tân Sơn", kinds=("xã", "phường"), fuzzy=False)
    assert r is not None and r.name == "UBND xã Tân Sơn" and r.how == "kind"


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
         "xử lý ngay các hồ sơ tồn đọng thuộc thẩm quyền", [XA, "Trung tâm Phục vụ hành chính công cấp xã"]),
        ("Công an tỉnh chỉ đạo Công an các xã, phường giải quyết dứt điểm hồ sơ đăng ký thường trú",
         ["Công an tỉnh", "Công an cấp xã"]),
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
    m, _centres = UNITS.find("Chủ tịch UBND các xã, phường chỉ đạo Trung tâm Phục vụ hành chính công cấp xã …")
    assert m.resolution.is_group and m.resolution.head == "Chủ tịch" and m.resolution.text == "UBND các xã, phường"
    assert (m.start, m.end) == (0, 6)  # the title is part of the mention
    [m] = UNITS.find("Giám đốc Sở Nội vụ tổng hợp, báo cáo")
    assert m.resolution.name == "Sở Nội vụ" and m.resolution.head == "Giám đốc" and m.start == 0


@pytest.mark.parametrize(
    "text, expected",
    [
        ("UBND xã Tân Sơn phải báo cáo gì?", [("UBND xã Tân Sơn", "kind")]),
        ("Chủ tịch UBND xã Tân Sơn chịu trách nhiệm", [("UBND xã Tân Sơn", "kind")]),
        ("phường Ba Đình, huyện Gia Lâm và thị xã Sơn Tây", [("UBND phường Ba Đình", "kind"),
                                                            ("UBND huyện Gia Lâm", "kind"),
                                                            ("UBND thị xã Sơn Tây", "kind")]),
        ("xã Tân Sơn Sở Tư pháp", [("UBND xã Tân Sơn", "kind"), ("Sở Tư pháp", "exact")]),
        ("UBND xã Nghĩa Trụ báo cáo", [("UBND xã Nghĩa Trụ", "exact")]),
        # former units: their successors, in a 2024 document's words
        ("phường Hiến Nam, huyện Hưng Hà", [("UBND phường Phố Hiến", "exact"), ("UBND huyện Hưng Hà", "exact")]),
    ],
)
def test_communes_the_registry_lacks_in_running_text(text, expected):
    found = [(m.resolution.name, m.resolution.how) for m in UNITS.find(text)]
    assert found == expected
    unit = UNITS.first_unit(text)
    assert unit is not None and unit.name == expected[0][0]


@pytest.mark.parametrize(
    "text",
    [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Đẩy mạnh xã hội hóa; Xã hội hóa công tác này",
        "Bộ phận Một cửa cấp huyện, cấp xã",
        "tổ chức 02 kỳ tuyển dụng công chức cấp xã với 186 chỉ tiêu",
        "một số xã chưa thực hiện nghiêm việc số hóa hồ sơ",
        "thành phố Hà Nội",
        "tỉnh Hưng Yên và tỉnh Thái Bình",
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


def test_the_registry_has_no_clashes():
    # loading checks every key: no name, alias, short or former name names two units or groups
    units = Units.load(UNITS_PATH)
    names = [u.name for u in units.units]
    assert len(names) == len(set(names))
    for u in units.units:
        for k in u.keys(free_text=False):
            assert units.resolve(k, fuzzy=False).name == u.name, k  # type: ignore[union-attr]


def test_the_province_file_adds_only_its_own():
    # corpus/units.yaml: the province's additions on top of the national list and the data
    plain = Units.assemble(RAW["province"])
    added = {u.name for u in UNITS.units} - {u.name for u in plain.units}
    assert added == {u["name"] for u in RAW.get("units") or ()}
    for name, ext in (RAW.get("extend") or {}).items():
        for alias in ext.get("aliases") or ():
            assert plain.resolve(alias, fuzzy=False) is None or plain.resolve(alias, fuzzy=False).name != name
            assert UNITS.resolve(alias).name == name  # type: ignore[union-attr]
    assert len(UNITS_PATH.read_text(encoding="utf-8").splitlines()) < 120  # small: the rest is derived


def test_a_key_given_twice_in_the_file_is_refused(tmp_path):
    bad = tmp_path / "units.yaml"
    bad.write_text("units:\n  - name: Sở A\n    short: A\n    short: B\n", encoding="utf-8")
    with pytest.raises(ValueError, match="duplicate key"):
        Units.load(bad)


def test_a_missing_file_gives_the_registry_without_additions(tmp_path):
    bare = load_units(tmp_path / "none.yaml")
    assert bare.province == UNITS.province and bare.unit("Sở Tư pháp") is not None
    assert bare.unit("Chi nhánh Phố Hiến") is None and UNITS.unit("Chi nhánh Phố Hiến") is not None
    bad = tmp_path / "units.yaml"
    bad.write_text("units: [\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid YAML"):
        load_units(bad)


def test_names_inside_other_names_are_not_units():
    # "cơ sở giáo dục" is a school, "Bộ Giáo dục và Đào tạo" the ministry: neither is the Sở
    assert UNITS.find("Cơ sở giáo dục nghề nghiệp phối hợp với cơ sở giáo dục thường xuyên", groups=False) == []
    assert UNITS.find("Bộ Giáo dục và Đào tạo quy định việc dạy và học", groups=False) == []
    assert [m.resolution.name for m in UNITS.find("Sở Giáo dục và Đào tạo báo cáo", groups=False)] == ["Sở Giáo dục và Đào tạo"]


# -- the province's authorities ------------------------------------------------------------
@pytest.mark.parametrize(
    "name, canonical, head",
    [
        ("UBND tỉnh", "UBND tỉnh", None),
        ("ubnd tinh", "UBND tỉnh", None),
        ("Ủy ban nhân dân tỉnh Hưng Yên", "UBND tỉnh", None),
        ("Chủ tịch UBND tỉnh", "UBND tỉnh", "Chủ tịch"),
        ("HĐND tỉnh", "HĐND tỉnh", None),
        ("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", None),
        ("Ban Chấp hành Đảng bộ tỉnh", "Tỉnh ủy", None),
        ("UBND xã", "UBND xã", None),
    ],
)
def test_the_authorities_resolve_when_named_on_their_own(name, canonical, head):
    r = UNITS.resolve(name, fuzzy=False)
    assert r is not None and r.unit is not None and r.unit.authority
    assert r.name == canonical and r.head == head


def test_running_text_finds_the_authorities_only_when_asked():
    text = "Giao Ủy ban nhân dân tỉnh chỉ đạo Sở Nội vụ; Ban Thường vụ Tỉnh ủy yêu cầu Đảng ủy UBND tỉnh lãnh đạo"
    assert [m.resolution.name for m in UNITS.find(text)] == ["Sở Nội vụ", "Đảng ủy UBND tỉnh"]
    found = [m.resolution.name for m in UNITS.find(text, authorities=True)]
    assert found == ["UBND tỉnh", "Sở Nội vụ", "Ban Thường vụ Tỉnh ủy", "Đảng ủy UBND tỉnh"]
    # the whole authority's name is read: none of its words names another unit
    assert UNITS.find("UBND tỉnh Thái Bình và Thường trực Tỉnh ủy") == []


# -- party, council, front and the bodies every commune has ---------------------------------
@pytest.mark.parametrize(
    "name, canonical",
    [
        ("Đảng ủy Ủy ban nhân dân tỉnh", "Đảng ủy UBND tỉnh"),
        ("Ban cán sự đảng UBND tỉnh", "Đảng ủy UBND tỉnh"),  # until 2025
        ("Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),  # merged in 2025
        ("UBKT Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"),
        ("Thường trực Hội đồng nhân dân tỉnh", "Thường trực HĐND tỉnh"),
        ("Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh", "Ban Kinh tế - Ngân sách HĐND tỉnh"),
        ("Đại biểu Hội đồng nhân dân tỉnh", "Đại biểu HĐND tỉnh"),
        ("Đảng đoàn Hội đồng nhân dân tỉnh", "Đảng đoàn HĐND tỉnh"),
        ("Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban MTTQ Việt Nam tỉnh"),
        ("Hội LHPN tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"),
        ("Tỉnh Đoàn", "Tỉnh đoàn"),
        # every commune's: one unit per kind of commune, the xã's and the phường's apart
        ("Văn phòng HĐND và UBND xã", "Văn phòng HĐND và UBND xã"),
        ("Văn phòng HĐND và UBND phường", "Văn phòng HĐND và UBND phường"),
        ("Phòng Kinh tế", "Phòng Kinh tế"),
        ("Phòng Kinh tế - Hạ tầng và Đô thị", "Phòng Kinh tế, Hạ tầng và Đô thị"),
        ("Phòng VH-XH", "Phòng Văn hóa - Xã hội"),
        ("Trung tâm PVHCC phường", "Trung tâm Phục vụ hành chính công phường"),
        ("Công an xã", "Công an xã"),
        ("Đảng ủy phường", "Đảng ủy phường"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam phường", "Ủy ban MTTQ Việt Nam phường"),
        ("Đoàn Thanh niên xã", "Đoàn Thanh niên xã"),
        # … named with the commune: the unit every commune of that kind has
        ("Công an xã Tiên Lữ", "Công an xã"),
        ("Trung tâm Phục vụ hành chính công xã Tiên Lữ", "Trung tâm Phục vụ hành chính công xã"),
        ("Phòng Kinh tế xã Tân Hưng", "Phòng Kinh tế"),
        ("Chánh Văn phòng HĐND và UBND xã", "Văn phòng HĐND và UBND xã"),
    ],
)
def test_party_council_front_and_commune_bodies(name, canonical):
    r = UNITS.resolve(name, fuzzy=False)
    assert r is not None and r.unit is not None and r.name == canonical


def test_commune_bodies_belong_to_the_groups_documents_use():
    specialised_ward = {u.name for u in UNITS.members("các phòng chuyên môn thuộc UBND phường")}
    assert specialised_ward == {"Văn phòng HĐND và UBND phường", "Phòng Kinh tế, Hạ tầng và Đô thị",
                                "Phòng Văn hóa - Xã hội"}
    ward_bodies = {u.name for u in UNITS.members("các cơ quan, đơn vị thuộc UBND phường")}
    assert ward_bodies == specialised_ward | {"Trung tâm Phục vụ hành chính công phường"}
    assert {u.name for u in UNITS.members("các phòng chuyên môn thuộc UBND xã")} == {
        "Văn phòng HĐND và UBND xã", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội"}
    assert {u.name for u in UNITS.members("Công an các xã, phường")} == {"Công an xã", "Công an phường"}
    # kinds of commune the province has not (đặc khu) get none
    assert UNITS.resolve("Công an đặc khu", fuzzy=False) is None
    front = {u.name for u in UNITS.members("Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh")}
    assert "Ủy ban MTTQ Việt Nam tỉnh" in front and "Tỉnh đoàn" in front
    assert all(u.level == "xã" for u in UNITS.members("Công an cấp xã"))


def test_the_optional_departments_are_never_guessed():
    # Sở Ngoại vụ, Sở Dân tộc và Tôn giáo: some provinces have them (enable: in their units.yaml)
    for name in ("Sở Ngoại vụ", "So Ngoai vu", "Sở Dân tộc và Tôn giáo", "Ban Dân tộc", "Sở Du lịch"):
        assert UNITS.resolve(name) is None, name
