"""`python -m retrieval obligations [--index DIR] [--unit NAME] [--json]` and
`python -m retrieval inspect FILE`.

`obligations` lists the duties extracted from the index's documents. With `--unit`, only
those that apply to the unit (directly, through one of its groups, or through a list the
document refers to), each row saying which unit the name resolved to. A name the registry
lacks but a document uses (kept under its own name) is answered too; an unknown name
prints the close matches and exits with code 2.

`inspect` prints what was understood of one file — metadata, tree, tables, duties and
the unit names the registry does not know — so whoever adds a document can check it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from retrieval.documents.model import AdminDocument, Node, Signature
from retrieval.facts.deadlines import format_date
from retrieval.facts.obligations import Obligation, applicable, describe, extract_obligations, unknown_names, who
from retrieval.facts.units import Units, key, load_units, lookup_unit, units_for_index, unknown_unit_message
from retrieval.index.stored import load_index


def _for_unit(obligations: list[Obligation], units: Units, name: str) -> tuple[str | None, list[Obligation], str]:
    """(resolved name, its duties, error) for a unit or group name."""
    lk = lookup_unit(units, name)
    if lk.ok:
        r = lk.resolution
        assert r is not None
        if r.unit is not None:
            groups = r.unit.groups or units.groups_of(r.unit.name)
            return r.unit.name, applicable(obligations, r.unit.name, groups), ""
        members = {u.name for u in units.members(r.name)}
        # the group's duties, and those of the part of it a qualifier picks out ("… còn lại")
        return r.name, [o for o in obligations if r.name in (o.group, o.within) or (members and members <= set(o.units))], ""
    # a name the registry lacks, kept by the documents under its own spelling
    k = key(name)
    own = [o for o in obligations if any(key(u) == k for u in o.units)]
    if own:
        canonical = next(u for o in own for u in o.units if key(u) == k)
        return canonical, applicable(own, canonical), ""
    # a body the documents name in full while the user gives its short name ("Tổ giúp việc" for
    # "Tổ giúp việc Ban Chỉ đạo …"), when only one name starts so
    longer = sorted({u for o in obligations for u in o.units if key(u).startswith(k + " ")})
    if len(longer) == 1:
        return longer[0], applicable(obligations, longer[0]), ""
    # a set the document names by words no registry holds ("Các thành viên Ban Chỉ đạo"): its
    # duties as the document gives them to that name
    said = [o for o in obligations if k in (key(o.responsible), key(o.label))]
    if said:
        return name, said, ""
    return None, [], unknown_unit_message(lk)


def list_obligations(index_dir: Path, unit: str | None, as_json: bool) -> int:
    index = load_index(index_dir)  # IndexError_ names a missing or stale index
    try:
        units = units_for_index(index_dir)
    except ValueError as exc:
        print(f"lỗi: {exc}", file=sys.stderr)
        return 2
    obligations = [o for d in index.documents if isinstance(d, AdminDocument) for o in extract_obligations(d, units)]
    resolved: str | None = None
    if unit is not None:
        resolved, obligations, error = _for_unit(obligations, units, unit)
        if resolved is None:
            print(f"lỗi: {error}", file=sys.stderr)
            return 2
    if as_json:
        print(json.dumps([o.to_json(resolved) for o in obligations], ensure_ascii=False, indent=1))
        return 0
    print(f"{unit} → {resolved}: {len(obligations)} nhiệm vụ" if unit is not None else f"{len(obligations)} nhiệm vụ")
    for o in obligations:
        when = format_date(o.deadline) if o.deadline else (o.deadline_text or "-")
        roles = f" ({', '.join(o.roles)})" if o.roles else ""
        print(f"- [{o.doc_number or o.doc_title[:40]} {o.section}] {who(o)}{roles} | hạn: {when} | {describe(o, 160)}")
    unknown = sorted({n for o in obligations for n in o.unresolved})
    if unknown and unit is None:
        print(f"Tên đơn vị chưa có trong danh mục (giữ nguyên tên văn bản ghi): {'; '.join(unknown)}")
    return 0


def _tree_lines(nodes: list[Node], depth: int = 0) -> list[str]:
    out = []
    for n in nodes:
        text = (n.heading or n.text).replace("\n", " ")
        label = f"[{n.path}]" if n.kind != "paragraph" else "  ¶"
        if n.table is not None:
            t = n.table
            out.append(f"{'  ' * depth}[{n.path}] bảng {len(t.rows)} dòng; cột: "
                       + "; ".join(f"{c} ({r})" for c, r in zip(t.columns, t.roles)))
            for row in t.rows:
                grp = f"{row.group} › " if row.group else ""
                out.append(f"{'  ' * (depth + 1)}{row.citation}: {grp}" + " | ".join(c for c in row.cells if c)[:160])
            continue
        out.append(f"{'  ' * depth}{label} {n.kind}: {text[:140]}")
        out += _tree_lines(n.children, depth + 1)
    return out


def _node_json(n: Node) -> dict[str, object]:
    out: dict[str, object] = {"kind": n.kind, "label": n.label, "path": n.path, "heading": n.heading, "text": n.text}
    if n.table is not None:
        out["table"] = _table_json(n)
    if n.children:
        out["children"] = [_node_json(c) for c in n.children]
    return out


def _table_json(n: Node) -> dict[str, object]:
    t = n.table
    assert t is not None
    return {"path": n.path, "caption": t.caption, "columns": t.columns, "roles": t.roles,
            "rows": [{"citation": r.citation, "label": r.label, "group": r.group, "cells": r.cells} for r in t.rows]}


def _document_json(path: Path, doc: AdminDocument, obligations: list[Obligation]) -> dict[str, object]:
    """What `inspect --json` prints: the document as understood, its duties and the unit names
    the registry does not know."""
    h = doc.header
    def signed(sig: Signature) -> dict[str, object]:
        out: dict[str, object] = {"name": sig.name, "title": sig.title, "capacity": sig.capacity}
        return {**out, "role": sig.role} if sig.role else out

    signature = signed(doc.signer) if doc.signer else None
    return {
        "file": path.name, "type": "admin", "kind": doc.kind, "subject": doc.subject, "number": doc.number,
        "number_parts": {"number": h.number.number, "year": h.number.year, "type_code": h.number.type_code,
                         "issuer_code": h.number.issuer_code, "unit_code": h.number.unit_code},
        "issuer": doc.issuer, "parent": h.parent, "date": h.date.text, "place": h.date.place,
        "date_iso": h.date.date.isoformat() if h.date.date else None, "urgency": h.urgency,
        "recipients": doc.recipients, "bases": doc.bases, "effective": doc.effective, "replaces": doc.replaces,
        "tree": [_node_json(n) for n in [*doc.preamble, *doc.body, *doc.appendices]],
        "tables": [_table_json(n) for n, _t in doc.tables()],
        "attachments": [{"kind": a.kind, "subject": a.subject, "attached_to": a.attached_to,
                         "tree": [_node_json(n) for n in a.body]} for a in doc.attachments],
        "closing": doc.closing, "copies": doc.copies,
        "signer": doc.signer.name if doc.signer else None, "signature": signature,
        **({"cosigners": [signed(c) for c in doc.cosigners]} if doc.cosigners else {}),
        "footnotes": [{"number": k, "text": f.text, "cited_in": f.cited_in} for k, f in sorted(doc.footnotes.items())],
        "references": [{"number": r.number, "kind": r.kind, "date": r.date, "issuer": r.issuer, "subject": r.subject,
                        "location": r.location} for r in doc.references],
        # a group's record names its group and how many units it reaches (every member is in
        # `obligations --json`): what was read stays readable, in a diff too
        "duties": [o.to_json() if o.group is None else {**o.to_json(), "units": len(o.units)} for o in obligations],
        "unresolved": unknown_names(doc, obligations),
    }


def inspect_json(path: Path, units: Units) -> dict[str, object]:
    """What `inspect --json` prints for a file (the golden files of tests/golden hold it)."""
    from retrieval.documents.ingest import load_document
    from retrieval.documents.model import Law

    doc = load_document(path)
    if isinstance(doc, Law):
        return {"file": path.name, "type": "law", "title": doc.title, "number": doc.number,
                "articles": [{"number": a.number, "heading": a.heading, "chapter": a.chapter,
                              "paragraphs": len(a.paragraphs)} for a in doc.articles]}
    return _document_json(path, doc, extract_obligations(doc, units))


def inspect_file(path: Path, units_path: Path | None = None, as_json: bool = False) -> int:
    from retrieval.documents.ingest import load_document
    from retrieval.documents.model import Law
    from retrieval.documents.readers import ParseError

    if units_path is not None and not units_path.is_file():
        print(f"lỗi: không có tệp danh mục đơn vị {units_path}", file=sys.stderr)
        return 2
    units = load_units(units_path)
    try:
        if as_json:
            print(json.dumps(inspect_json(path, units), ensure_ascii=False, indent=1))
            return 0
        doc = load_document(path)
    except ParseError as exc:
        print(f"lỗi: {exc}", file=sys.stderr)
        return 2
    if isinstance(doc, Law):
        print(f"Luật: {doc.title} {doc.number}".strip())
        print(f"{len(doc.articles)} điều; " + ", ".join(f"Điều {a.number}" for a in doc.articles[:12]) + (" …" if len(doc.articles) > 12 else ""))
        return 0
    obligations = extract_obligations(doc, units)
    h = doc.header
    print(f"Loại: {doc.kind}")
    print(f"Số, ký hiệu: {h.number.text or '(để trống)'}  [số {h.number.number or '—'}, loại {h.number.type_code or '—'}, "
          f"cơ quan {h.number.issuer_code or '—'}, đơn vị soạn {h.number.unit_code or '—'}]")
    print(f"Cơ quan ban hành: {doc.issuer}" + (f" (chủ quản: {h.parent})" if h.parent else ""))
    print(f"Nơi, ngày: {h.date.place or '—'}, {h.date.text or '—'}" + (f"; độ khẩn: {h.urgency}" if h.urgency else ""))
    print(f"Trích yếu: {doc.subject}")
    if doc.recipients:
        print("Kính gửi: " + "; ".join(doc.recipients))
    for b in doc.bases:
        print(f"Căn cứ: {b[:150]}")
    if doc.effective or doc.replaces:
        print(f"Hiệu lực: {doc.effective or '—'}; thay thế: {', '.join(doc.replaces) or '—'}")
    print("Nội dung:")
    for line in _tree_lines([*doc.preamble, *doc.body, *doc.appendices], 1):
        print(line)
    for a in doc.attachments:
        print(f"Văn bản kèm theo: {a.kind} {a.subject} ({a.attached_to})")
        for line in _tree_lines(a.body, 1):
            print(line)
    if doc.closing:
        print("Phần kết: " + " / ".join(c[:100] for c in doc.closing))
    print("Nơi nhận: " + "; ".join(doc.copies))
    for sig in [*doc.cosigners, *([doc.signer] if doc.signer else [])]:
        role = f"{sig.role}: " if sig.role else ""
        print(f"Ký: {role}{' / '.join(sig.capacity)} — {sig.title} {sig.name}")
    for n, fn in sorted(doc.footnotes.items()):
        print(f"Chú thích {n} (dẫn tại {', '.join(fn.cited_in) or '—'}): {fn.text[:120]}")
    print(f"Nhiệm vụ ({len(obligations)}):")
    for o in obligations:
        when = format_date(o.deadline) if o.deadline else (o.deadline_text or "-")
        print(f"  - [{o.section}] {who(o)} ({', '.join(o.roles)}) | hạn: {when}"
              + (f" | báo cáo {o.recipient}" if o.recipient else "") + (f" qua {o.via}" if o.via else "")
              + f" | {describe(o, 120)}")
    unknown = unknown_names(doc, obligations)
    print("Tên đơn vị chưa có trong danh mục: " + ("; ".join(unknown) if unknown else "không có"))
    return 0
