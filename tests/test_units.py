"""Unit resolution: accented, unaccented, abbreviated, misspelled; groups; free text."""

from __future__ import annotations

import pytest

from retrieval.units import Units, key, load_units

from conftest import ROOT

UNITS = load_units(ROOT / "corpus" / "units.yaml")


@pytest.mark.parametrize(
    "name, canonical",
    [
        ("Sở Tư pháp", "Sở Tư pháp"),
        ("sở tư pháp", "Sở Tư pháp"),
        ("SỞ TƯ PHÁP", "Sở Tư pháp"),
        ("So Tu phap", "Sở Tư pháp"),
        ("Tư pháp", "Sở Tư pháp"),
        ("STP", "Sở Tư pháp"),
        ("SNV", "Sở Nội vụ"),
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("so gddt", "Sở Giáo dục và Đào tạo"),
        ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
        ("Thông tin và Truyền thông", "Sở Thông tin và Truyền thông"),
        ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
        ("Sở GTVT", "Sở Giao thông vận tải"),
        ("Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"),
        ("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"),
        ("VP UBND tỉnh", "Văn phòng UBND tỉnh"),
        ("van phong uy ban nhan dan tinh", "Văn phòng UBND tỉnh"),
        ("huyện Kim Động", "UBND huyện Kim Động"),
        ("Huyen Kim Dong", "UBND huyện Kim Động"),
        ("Kim Động", "UBND huyện Kim Động"),
        ("UBND huyện Khoái Châu", "UBND huyện Khoái Châu"),
        ("khoai chau", "UBND huyện Khoái Châu"),
        ("thị xã Mỹ Hòa", "UBND thị xã Mỹ Hào"),  # the directive's spelling
        ("thị xã Mỹ Hoà", "UBND thị xã Mỹ Hào"),  # old-style tone mark
        ("TX Mỹ Hào", "UBND thị xã Mỹ Hào"),
        ("my hao", "UBND thị xã Mỹ Hào"),
        ("TP Hưng Yên", "UBND thành phố Hưng Yên"),
        ("thanh pho hung yen", "UBND thành phố Hưng Yên"),
        ("Ân Thi", "UBND huyện Ân Thi"),
        ("an thi", "UBND huyện Ân Thi"),
    ],
)
def test_resolves_to_the_unit(name, canonical):
    r = UNITS.resolve(name)
    assert r is not None and r.unit is not None, name
    assert r.unit.name == canonical
    assert r.how == "exact"


@pytest.mark.parametrize(
    "name, canonical",
    [("Sở Tư phát", "Sở Tư pháp"), ("So Tai chanh", "Sở Tài chính"), ("huyen Kim Dog", "UBND huyện Kim Động")],
)
def test_close_misspelling_resolves_only_to_one_clearly_closest_unit(name, canonical):
    r = UNITS.resolve(name)
    assert r is not None and r.unit is not None and r.unit.name == canonical and r.how == "fuzzy"


@pytest.mark.parametrize("name", ["Bộ Tư pháp", "Hưng Yên", "Sở Ngoại giao hành tinh", "xyz", ""])
def test_does_not_guess(name):
    assert UNITS.resolve(name) is None


def test_suggestions_for_unknown_names():
    assert UNITS.suggest("Hưng Yên")[0] == "UBND thành phố Hưng Yên"
    assert "Sở Tư pháp" in UNITS.suggest("Bộ Tư pháp")
    assert UNITS.suggest("Khoai Trau")[0] == "UBND huyện Khoái Châu"
    assert UNITS.suggest("qwertyuiop") == []


@pytest.mark.parametrize(
    "name, group",
    [
        ("Các sở, ban, ngành tỉnh", "sở, ban, ngành tỉnh"),
        ("sở ban ngành", "sở, ban, ngành tỉnh"),
        ("UBND các huyện, thị xã, thành phố", "UBND huyện, thị xã, thành phố"),
        ("ubnd cac huyen thi xa thanh pho", "UBND huyện, thị xã, thành phố"),
        ("đơn vị sự nghiệp công lập trực thuộc UBND tỉnh", "đơn vị sự nghiệp công lập trực thuộc UBND tỉnh"),
    ],
)
def test_resolves_groups(name, group):
    r = UNITS.resolve(name)
    assert r is not None and r.is_group and r.name == group


def test_group_membership():
    districts = {u.name for u in UNITS.members("UBND huyện, thị xã, thành phố")}
    assert len(districts) == 10
    assert {"UBND thành phố Hưng Yên", "UBND thị xã Mỹ Hào", "UBND huyện Tiên Lữ"} <= districts
    departments = {u.name for u in UNITS.members("sở, ban, ngành tỉnh")}
    assert {"Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ",
            "Sở Giao thông vận tải", "Sở Thông tin và Truyền thông", "Sở Công Thương", "Sở Kế hoạch và Đầu tư",
            "Sở Y tế", "Văn phòng UBND tỉnh"} <= departments
    assert not departments & districts


def test_list_context_reads_short_names_with_their_prefix():
    assert UNITS.resolve("Yên Mỹ", kinds=("huyện", "thị xã")).name == "UBND huyện Yên Mỹ"  # type: ignore[union-attr]
    assert UNITS.resolve("Tư pháp", kinds=("sở",)).name == "Sở Tư pháp"  # type: ignore[union-attr]
    assert UNITS.resolve("Hưng Yên", kinds=("thành phố",)).name == "UBND thành phố Hưng Yên"  # type: ignore[union-attr]


def test_free_text_mentions():
    found = [m.resolution.name for m in UNITS.find(
        "Huyện Kim Động có phải báo cáo không? Sở Tư pháp gửi Báo cáo số 145/BC-SNV; Bộ Tư pháp; "
        "UBND các huyện, thị xã, thành phố; so giao thong van tai"
    )]
    # "145/BC-SNV" is a document number, not Sở Nội vụ; "Bộ Tư pháp" is no unit of the province
    assert found == ["UBND huyện Kim Động", "Sở Tư pháp", "UBND huyện, thị xã, thành phố", "Sở Giao thông vận tải"]
    # a department's bare short name is a common phrase in running text: not a mention
    assert UNITS.find("báo cáo tài chính và công tác tư pháp") == []
    assert UNITS.first_unit("Thị xã Mỹ Hòa phải làm gì?").name == "UBND thị xã Mỹ Hào"  # type: ignore[union-attr]
    assert UNITS.first_unit("Ai ký văn bản của UBND tỉnh Hưng Yên?") is None


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
    with pytest.raises(ValueError, match="unknown group"):
        Units.from_dict({"groups": [], "units": [{"name": "Sở A", "groups": ["nhóm lạ"]}]})


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
