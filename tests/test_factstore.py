"""Fact store on SQLite (a temporary file) and on the real PostgreSQL (conftest's `db_url`):
documents and their duties with every detail (roles, partners, hour, schedule, relative time
limit) stored in the `details` JSON column and read back equal; the migration that added it.
(Subscriptions and sent keys are the bot's: tests/test_subscriptions.py.)"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import DIRECTIVE, ROOT, SHARED, need_shared
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from retrieval.documents.ingest import load_document, parse_markdown
from retrieval.documents.model import AdminDocument
from retrieval.facts.deadlines import Recurrence, Relative
from retrieval.facts.obligations import extract_obligations
from retrieval.facts.units import Units, load_units
from retrieval.store import facts as fs
from retrieval.store.db import init_schema, make_engine

UNITS = load_units(ROOT / "corpus" / "units.yaml")
DIRS = SHARED / "corpus" / "directives"
# a record per clause of the seed's duties: 7 points × 3 groups in mục 1, mục 2, mục 3.a, mục 3.b
_SEED = extract_obligations(load_document(DIRECTIVE), UNITS)  # type: ignore[arg-type]
assert len({(o.section, o.group) for o in _SEED}) == 24
SEED_DUTIES = len(_SEED)


def _directive(text: str | None = None, name: str = DIRECTIVE.name) -> AdminDocument:
    doc = load_document(DIRECTIVE) if text is None else parse_markdown(text, name)
    assert isinstance(doc, AdminDocument)
    return doc


def _public(name: str) -> AdminDocument:
    path = DIRS / name
    need_shared(path)
    doc = load_document(path)
    assert isinstance(doc, AdminDocument)
    return doc


def _sqlite(path: Path):
    engine = make_engine(f"sqlite:///{path}")
    init_schema(engine)
    return engine


@pytest.fixture
def engine(db_url):
    eng = make_engine(db_url)
    init_schema(eng)
    yield eng
    eng.dispose()


def test_sync_stores_documents_and_obligations(engine):
    d = _directive()
    rep = fs.sync_facts(engine, [d], UNITS)
    assert rep.added == [d.doc_id] and not rep.updated and not rep.removed
    stored = fs.load_obligations(engine)
    assert len(stored) == rep.obligations == len(extract_obligations(d, UNITS)) == SEED_DUTIES
    (s2,) = [o for o in stored if o.section == "mục 2"]
    assert s2.recipient == "UBND tỉnh" and s2.via == "Sở Nội vụ"
    assert s2.deadline == dt.date(2024, 12, 15) and s2.deadline_text == "chậm nhất vào ngày 15/12/2024"
    assert "UBND thị xã Mỹ Hào" in s2.units and s2.group is None
    assert s2.doc_title == d.title and s2.chunk_id == f"{d.doc_id}:muc-2"
    assert s2.roles == ["báo cáo"] and s2.basis == "direct" and s2.doc_type == "Công văn"
    # what comes back is what was extracted, field for field
    assert stored == extract_obligations(d, UNITS)
    assert [o.key for o in stored] == [o.key for o in extract_obligations(d, UNITS)]


def test_sync_is_idempotent_and_replaces_only_changed_documents(engine):
    d = _directive()
    fs.sync_facts(engine, [d], UNITS)
    before = fs.stored_documents(engine)
    again = fs.sync_facts(engine, [d], UNITS)
    assert again.unchanged == [d.doc_id] and not again.changed
    assert fs.stored_documents(engine) == before
    assert len(fs.load_obligations(engine)) == SEED_DUTIES

    changed_text = DIRECTIVE.read_text(encoding="utf-8").replace("15/12/2024", "20/12/2024")
    d2 = _directive(changed_text)
    rep = fs.sync_facts(engine, [d2], UNITS)
    assert rep.updated == [d.doc_id]
    (s2,) = [o for o in fs.load_obligations(engine) if o.section == "mục 2"]
    assert s2.deadline == dt.date(2024, 12, 20)
    assert len(fs.load_obligations(engine)) == SEED_DUTIES  # replaced, not added to


def test_units_change_changes_the_checksum(engine):
    d = _directive()
    fs.sync_facts(engine, [d], UNITS)
    fewer = Units(UNITS.province, [u for u in UNITS.units if u.name != "UBND huyện Kim Động"], list(UNITS.groups))
    rep = fs.sync_facts(engine, [d], fewer)
    assert rep.updated == [d.doc_id]
    assert all("UBND huyện Kim Động" not in o.units for o in fs.load_obligations(engine))


def test_documents_gone_from_the_corpus_are_removed(engine):
    d = _directive()
    other = _directive(
        "Số: 25/KH-UBND\n\nHưng Yên, ngày 15 tháng 3 năm 2025\n\nV/v thử\n\nKính gửi:\n\n- Sở Nội vụ.\n\n"
        "**1. Sở Nội vụ:**\n\nBáo cáo UBND tỉnh trước ngày 30/6/2025.\n",
        "thu.md",
    )
    fs.sync_facts(engine, [d, other], UNITS)
    assert set(fs.stored_documents(engine)) == {d.doc_id, "thu"}
    rep = fs.sync_facts(engine, [d], UNITS)
    assert rep.removed == ["thu"]
    assert set(fs.stored_documents(engine)) == {d.doc_id}
    assert all(o.doc_id == d.doc_id for o in fs.load_obligations(engine))


# -- every detail of a duty, for every document form ----------------------------------------------------------
FORMS = ["chi-thi-ky-luat-ky-cuong-2025.md", "ke-hoach-khao-sat-hai-long-2025.md",
         "ke-hoach-dao-tao-boi-duong-2026.docx", "cong-van-hoa-toc-2026.pdf", "quyet-dinh-ban-hanh-quy-che-2025.md",
         "thong-bao-ket-luan-pho-chu-tich-2025.md"]


@pytest.fixture(scope="module")
def forms() -> list[AdminDocument]:
    return [_public(name) for name in FORMS]


def test_every_detail_round_trips(engine, forms):
    docs = [_directive(), *forms]
    rep = fs.sync_facts(engine, docs, UNITS)
    extracted = [o for d in sorted(docs, key=lambda d: d.doc_id) for o in extract_obligations(d, UNITS)]
    assert rep.obligations == len(extracted)
    stored = fs.load_obligations(engine)
    assert stored == extracted  # every field, the dataclass's own equality

    def one(doc_id: str, section: str, unit: str, text: str):
        (o,) = [o for o in stored if o.doc_id == doc_id and o.section == section and unit in o.units
                and text in (o.deadline_text or "") + o.action]
        return o

    # a monthly report with its due day, reached through the group; its next date works on the stored record
    monthly = one("chi-thi-ky-luat-ky-cuong-2025", "mục 8", "Sở Tư pháp", "trước ngày 20 hằng tháng")
    assert monthly.rule == Recurrence("month", "hằng tháng", 20) and monthly.recurrence == "hằng tháng"
    assert monthly.group == "sở, ban, ngành tỉnh" and monthly.basis == "group: sở, ban, ngành tỉnh"
    assert monthly.doc_date == dt.date(2025, 3, 17)
    assert monthly.next_deadlines(dt.date(2025, 4, 21), 1) == [dt.date(2025, 5, 20)]
    # a lead and its partners
    lead = one("chi-thi-ky-luat-ky-cuong-2025", "mục 2.a", "Sở Nội vụ", "trước ngày 10/4/2025")
    assert lead.roles == ["chủ trì", "báo cáo"] and lead.cooperating == ["Thanh tra tỉnh", "Văn phòng UBND tỉnh"]
    partner = one("chi-thi-ky-luat-ky-cuong-2025", "mục 2.a", "Thanh tra tỉnh", "trước ngày 10/4/2025")
    assert partner.roles == ["phối hợp"] and partner.lead == ["Sở Nội vụ"]
    # a quarterly rule on a given month of the quarter, given through a list the Quy chế refers to
    quarterly = one("quyet-dinh-ban-hanh-quy-che-2025", "khoản 1 Điều 6", "Công an tỉnh", "tháng cuối quý")
    assert quarterly.rule == Recurrence("quarter", "hằng quý", 25, 3)
    assert quarterly.basis == "reference: điểm d khoản 2 Điều 1"
    # a relative time limit, an hour, a range's first day
    relative = one("ke-hoach-khao-sat-hai-long-2025", "Phụ lục, dòng 10", "Sở Tư pháp", "kể từ ngày công bố")
    assert relative.relative == Relative(30, "ngày", "ngày công bố kết quả") and relative.deadline is None
    hour = one("cong-van-hoa-toc-2026", "mục 7", "Văn phòng UBND tỉnh", "17 giờ 00")
    assert hour.time == "17:00" and hour.deadline == dt.date(2026, 3, 11) and hour.roles == ["tham mưu", "báo cáo"]
    ranged = one("ke-hoach-khao-sat-hai-long-2025", "Phụ lục, dòng 6", "Bưu điện tỉnh", "Từ 01/6")
    assert ranged.start == dt.date(2025, 6, 1) and ranged.deadline == dt.date(2025, 9, 30)
    # the .docx's table rows, read back with their document type
    row = one("ke-hoach-dao-tao-boi-duong-2026", "mục II.2, bảng, dòng 1", "Sở Khoa học và Công nghệ", "Quý II/2026")
    assert row.doc_type == "Kế hoạch" and row.cooperating == ["Sở Nội vụ", "UBND cấp xã"]
    # a second sync of the same documents changes nothing
    assert not fs.sync_facts(engine, docs, UNITS).changed


def test_the_details_column_holds_roles_and_schedules(engine, forms):
    fs.sync_facts(engine, forms[:1], UNITS)  # the Chỉ thị
    with Session(engine) as s:
        rows = s.execute(select(fs.FactObligation.section, fs.FactObligation.recurrence, fs.FactObligation.details)
                         .order_by(fs.FactObligation.position)).all()
    monthly = [d for sec, rec, d in rows if sec == "mục 8" and d["rule"] and d["rule"]["day"] == 20]
    assert monthly and all(rec == "hằng tháng" for sec, rec, d in rows if sec == "mục 8" and d["rule"])
    assert monthly[0]["rule"] == {"period": "month", "label": "hằng tháng", "day": 20, "month": None}
    assert monthly[0]["roles"] == ["báo cáo"] and monthly[0]["doc_date"] == "2025-03-17"
    (lead,) = [d for sec, _r, d in rows if sec == "mục 2.a" and "chủ trì" in d["roles"] and d["rule"] is None
               and "Kế hoạch kiểm tra" in d["sentence"] and d["cooperating"] and "báo cáo" in d["roles"]]
    assert lead["cooperating"] == ["Thanh tra tỉnh", "Văn phòng UBND tỉnh"] and lead["lead"] == []


def test_a_database_from_before_the_details_column(engine, forms):
    """Migration 1 adds `details` to a fact_obligations table made before it; the next sync stores them."""
    fs.sync_facts(engine, forms[:1], UNITS)
    with engine.begin() as conn:  # back to the old shape: no column, migration not run, rows from older code
        conn.execute(text("ALTER TABLE fact_obligations DROP COLUMN details"))
        conn.execute(text("DELETE FROM schema_version WHERE step = 1"))
        conn.execute(text("UPDATE fact_documents SET checksum = 'older'"))
    init_schema(engine)
    old = fs.load_obligations(engine)
    assert old and all(o.roles == [] and o.rule is None for o in old)  # nothing made up for old rows
    rep = fs.sync_facts(engine, forms[:1], UNITS)
    assert rep.updated == [forms[0].doc_id]
    assert fs.load_obligations(engine) == extract_obligations(forms[0], UNITS)
