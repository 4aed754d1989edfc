"""The registry of any province: PROVINCE decides it, and another province's documents are
answered with no code change — Ninh Bình's held-out plan with PROVINCE=Ninh Bình, and a
Lào Cai plan whose corpus brings its own units.yaml (tests/provinces/lao-cai). Every one
of the 34 provinces assembles; names told apart only by diacritics stay apart; loading is
cached and a near-miss typed by a user compares few names in full."""

from __future__ import annotations

import datetime as dt
import difflib
import gzip
import io
import json
import shutil

import pytest
from conftest import ROOT, index_over, run_cli
from vietnam_provinces import Province as Division
from vietnam_provinces import Ward

from retrieval.facts.units import LEGACY_PATH, Units, find_province, load_units, units_for_index
from retrieval.settings import Settings

NINH_BINH_PLAN = ROOT / "tests" / "heldout" / "documents" / "ke-hoach-ninh-binh-tthc-khong-phu-thuoc-dia-gioi-2026.md"
LAO_CAI = ROOT / "tests" / "provinces" / "lao-cai"
LEGACY = json.loads(gzip.decompress(LEGACY_PATH.read_bytes()))["provinces"]
CORE = ("Văn phòng UBND", "Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Công Thương", "Sở Xây dựng",
        "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế",
        "Sở Văn hóa, Thể thao và Du lịch", "Thanh tra")  # NĐ 45/2025: in every province


def test_the_setting():
    assert Settings.from_env({}).province == "Hưng Yên"
    assert Settings.from_env({"PROVINCE": "Ninh Bình"}).province == "Ninh Bình"
    assert find_province("tinh ninh binh") == find_province("Ninh Bình")
    assert find_province("TP Hồ Chí Minh").city and not find_province("Ninh Bình").city
    with pytest.raises(ValueError, match="34"):
        find_province("Hà Tây")  # merged into Hà Nội in 2008


def test_PROVINCE_decides_the_registry(monkeypatch):
    monkeypatch.setenv("PROVINCE", "Ninh Bình")
    units = load_units()
    assert units.province == "Ninh Bình" and set(units.merged_from) == {"Hà Nam", "Nam Định"}
    for name, canonical in (("phường Hoa Lư", "UBND phường Hoa Lư"), ("Phường Nam Định", "UBND phường Nam Định"),
                            ("xa y yen", "UBND xã Ý Yên"), ("Sở Nội vụ", "Sở Nội vụ"), ("STP", "Sở Tư pháp")):
        r = units.resolve(name)
        assert r is not None and r.name == canonical and r.how == "exact", name
    # the provinces merged into it: their bodies and districts are former names
    r = units.resolve("Sở Nội vụ tỉnh Nam Định")
    assert r is not None and r.name == "Sở Nội vụ" and r.via_former == "Sở Nội vụ tỉnh Nam Định"
    district = units.resolve("thành phố Phủ Lý")
    assert district is not None and district.unit is not None and district.unit.until == "30/6/2025"
    assert "UBND phường Phủ Lý" in district.unit.successors
    # Hưng Yên's wards and additions are not Ninh Bình's (corpus/units.yaml is Hưng Yên's)
    assert units.unit("UBND phường Phố Hiến") is None and units.unit("Chi nhánh Phố Hiến") is None
    assert units.resolve("phường Phố Hiến").how == "kind"  # type: ignore[union-attr]
    monkeypatch.setenv("PROVINCE", "Hưng Yên")
    assert load_units().unit("UBND phường Phố Hiến") is not None


@pytest.mark.parametrize("division", list(Division.iter_all()), ids=lambda p: p.codename)
def test_every_province_assembles(division):
    units = Units.assemble(division.name)  # every key is checked: no name names two units
    wards = list(Ward.iter_by_province(division.code))
    communes = units.members("UBND cấp xã")
    assert {u.code for u in communes} == {int(w.code) for w in wards}
    assert units.group("UBND cấp xã").total == len(wards)  # type: ignore[union-attr]
    legacy = LEGACY.get(str(int(division.code)), {})
    assert len([u for u in units.units if u.until]) == len(legacy.get("districts", ()))
    specialised = {u.name for u in units.members(f"cơ quan chuyên môn thuộc UBND {'thành phố' if units.city else 'tỉnh'}")}
    assert all(any(n.startswith(c) for n in specialised) for c in CORE)
    word = "thành phố" if units.city else "tỉnh"
    assert units.resolve(f"UBND {word}").name == f"UBND {word}"  # type: ignore[union-attr]
    assert units.resolve(f"{word} {units.province}") is None  # the province is a place


def test_a_city_under_the_central_government():
    hanoi = Units.assemble("Hà Nội")
    assert hanoi.city and hanoi.unit("Thành ủy") is not None and hanoi.unit("Thành đoàn") is not None
    assert hanoi.resolve("Công an thành phố Hà Nội").name == "Công an thành phố"  # type: ignore[union-attr]
    assert hanoi.unit("Ban Đô thị HĐND thành phố") is not None  # a city's council has one
    assert hanoi.resolve("thành phố Hà Nội") is None
    r = hanoi.resolve("quận Ba Đình")  # a district of the city until 30/6/2025
    assert r is not None and r.unit is not None and r.unit.until and "UBND phường Ba Đình" in r.unit.successors


def test_names_told_apart_only_by_diacritics():
    units = Units.assemble("Thái Nguyên")  # xã Văn Lăng and xã Văn Lang
    assert units.resolve("xã Văn Lăng").name == "UBND xã Văn Lăng"  # type: ignore[union-attr]
    assert units.resolve("UBND xã Văn Lang").name == "UBND xã Văn Lang"  # type: ignore[union-attr]
    assert units.resolve("xa van lang") is None  # without them: either, so neither
    assert set(units.suggest("xa van lang")[:2]) == {"UBND xã Văn Lăng", "UBND xã Văn Lang"}
    found = [m.resolution.name for m in units.find("UBND xã Văn Lăng và UBND xã Văn Lang báo cáo")]
    assert found == ["UBND xã Văn Lăng", "UBND xã Văn Lang"]


def test_an_optional_department_is_the_provinces_when_its_file_enables_it(tmp_path):
    (tmp_path / "units.yaml").write_text("province: Lào Cai\nenable: [Sở Dân tộc và Tôn giáo]\n", encoding="utf-8")
    units = load_units(tmp_path / "units.yaml")  # a file given by path carries its province
    assert units.province == "Lào Cai"
    assert units.resolve("Ban Dân tộc tỉnh").name == "Sở Dân tộc và Tôn giáo"  # type: ignore[union-attr]
    assert "Sở Dân tộc và Tôn giáo" in {u.name for u in units.members("sở, ban, ngành tỉnh")}
    assert load_units(province="Lào Cai").resolve("Sở Dân tộc và Tôn giáo") is None
    (tmp_path / "units.yaml").write_text("province: Lào Cai\nextend:\n  Sở Không Có: {aliases: [X]}\n",
                                         encoding="utf-8")
    with pytest.raises(ValueError, match="Sở Không Có"):
        load_units(tmp_path / "units.yaml")


def test_the_registry_travels_with_the_index(tmp_path, monkeypatch):
    # index/units.yaml (copied from the corpus it was built from) names the province
    shutil.copy(LAO_CAI / "units.yaml", tmp_path / "units.yaml")
    assert units_for_index(tmp_path).province == "Lào Cai"
    (tmp_path / "units.yaml").unlink()
    monkeypatch.setenv("PROVINCE", "Ninh Bình")
    assert units_for_index(tmp_path).province == "Ninh Bình"  # none: the setting's


# -- speed: cached, and a near miss compares few names in full ----------------------------------
def test_loading_is_cached_and_a_near_miss_compares_few_names(monkeypatch):
    first = load_units()
    assert load_units() is first
    calls = {"ratio": 0}
    ratio = difflib.SequenceMatcher.ratio

    def counted(self):  # type: ignore[no-untyped-def]
        calls["ratio"] += 1
        return ratio(self)

    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", counted)
    r = first.resolve("So Tu phat")
    assert r is not None and r.name == "Sở Tư pháp" and r.how == "fuzzy"
    keys = len(first._by_key)
    assert keys > 2000 and calls["ratio"] < keys / 20  # the cheap bounds leave few to compare in full


# -- another province's documents, no code change ---------------------------------------------------
@pytest.fixture(scope="module")
def ninh_binh_index(tmp_path_factory, embedder, embed_cache):
    src = tmp_path_factory.mktemp("ninh-binh")
    shutil.copy(NINH_BINH_PLAN, src / NINH_BINH_PLAN.name)  # no units.yaml: PROVINCE decides
    return index_over(tmp_path_factory, embedder, embed_cache, src)


@pytest.fixture(scope="module")
def lao_cai_index(tmp_path_factory, embedder, embed_cache):
    return index_over(tmp_path_factory, embedder, embed_cache, LAO_CAI)  # with its units.yaml


def _obligations(index, unit: str, env: dict[str, str] | None = None) -> tuple[str, list[dict]]:  # type: ignore[type-arg]
    head = run_cli("obligations", "--index", str(index), "--unit", unit, env=env)
    assert head.returncode == 0, head.stderr
    rows = run_cli("obligations", "--index", str(index), "--unit", unit, "--json", env=env)
    return head.stdout.splitlines()[0], json.loads(rows.stdout)


def test_a_former_district_still_answers_for_a_2024_document(directive_index):
    # the seed (2024) gives duties to "UBND các huyện, thị xã, thành phố": Kim Động's, through its group
    line, rows = _obligations(directive_index, "huyen kim dong")
    assert line.startswith("huyen kim dong → UBND huyện Kim Động:") and rows
    assert {r["group"] for r in rows} <= {"UBND huyện, thị xã, thành phố", None}


def test_ninh_binh_obligations_with_PROVINCE(ninh_binh_index):
    env = {"PROVINCE": "Ninh Bình"}
    line, rows = _obligations(ninh_binh_index, "phuong hoa lu", env)
    assert line.startswith("phuong hoa lu → UBND phường Hoa Lư:") and rows
    assert all(r["doc_number"] == "132/KH-UBND" for r in rows)
    line, rows = _obligations(ninh_binh_index, "So Tu phap", env)
    assert line.startswith("So Tu phap → Sở Tư pháp:") and rows
    assert all("Sở Tư pháp" in r["units"] or r["group"] for r in rows)
    listing = run_cli("obligations", "--index", str(ninh_binh_index), env=env)
    assert listing.returncode == 0 and "chưa có trong danh mục" not in listing.stdout


def test_ninh_binh_nhiemvu_in_the_chat(ninh_binh_index, embedder, embed_cache, tmp_path, monkeypatch):
    monkeypatch.setenv("PROVINCE", "Ninh Bình")
    printed = _console(ninh_binh_index, embedder, embed_cache, tmp_path, "/nhiemvu phường Tam Điệp\n/nhiemvu Sở Nội vụ\n")
    assert "Nhiệm vụ của UBND phường Tam Điệp" in printed and "Nhiệm vụ của Sở Nội vụ" in printed
    assert "Không tìm thấy đơn vị" not in printed


def test_a_third_province_brings_its_units_file(lao_cai_index, embedder, embed_cache, tmp_path, monkeypatch):
    monkeypatch.delenv("PROVINCE", raising=False)  # Hưng Yên by default: the index's units.yaml decides
    line, rows = _obligations(lao_cai_index, "So Dan toc va Ton giao")
    assert line.startswith("So Dan toc va Ton giao → Sở Dân tộc và Tôn giáo:") and rows
    line, rows = _obligations(lao_cai_index, "phuong Sa Pa")
    assert line.startswith("phuong Sa Pa → UBND phường Sa Pa:") and rows and rows[0]["deadline"] == "2026-05-31"
    listing = run_cli("obligations", "--index", str(lao_cai_index))
    assert listing.returncode == 0 and "chưa có trong danh mục" not in listing.stdout
    printed = _console(lao_cai_index, embedder, embed_cache, tmp_path, "/nhiemvu xã Bắc Hà\n")
    assert "Nhiệm vụ của UBND xã Bắc Hà" in printed and "31/5/2026" in printed


def _console(index, embedder, embed_cache, tmp_path, lines: str) -> str:  # type: ignore[no-untyped-def]
    """The chat's replies to `lines` (the console runs the bot's dialogue)."""
    from bot.console import run as run_console
    from bot.dialogue import Dialogue
    from bot.engine import Engine
    from bot.reminders import TZ
    from bot.storage import Store
    from retrieval.answering import Assistant

    settings = Settings(index_dir=index, corpus_dirs=(index,), embed_cache=embed_cache,
                        database_url=f"sqlite:///{tmp_path}/chat.sqlite3", outbox_path=tmp_path / "outbox.jsonl")
    store = Store(settings.database_url, settings.outbox_path)
    store.start()
    try:
        assistant = Assistant.open(index, embedder=embedder)
        engine = Engine(assistant, index, [index], embed_cache)
        dialogue = Dialogue(settings, engine, store, clock=lambda: dt.datetime(2026, 3, 25, 9, 0, tzinfo=TZ))
        out = io.StringIO()
        assert run_console(dialogue, stdin=io.StringIO(lines), out=out) == 0
        return out.getvalue()
    finally:
        store.dispose()
