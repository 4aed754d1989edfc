"""`python -m retrieval obligations [--index DIR] [--unit NAME] [--json]`.

Lists the obligations extracted from the index's directives. With `--unit`, only those
that apply to the unit (directly or through one of its groups; for a group name, those
given to the group), each row saying which unit the name resolved to. An unknown name
prints the close matches and exits with code 2.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .duties import describe, lookup_unit, unknown_unit_message, who
from .index import load_index
from .model import Directive
from .obligations import Obligation, applicable, extract_obligations, format_date
from .units import units_for_index


def list_obligations(index_dir: Path, unit: str | None, as_json: bool) -> int:
    index = load_index(index_dir)  # IndexError_ names a missing or stale index
    try:
        units = units_for_index(index_dir)
    except ValueError as exc:
        print(f"lỗi: {exc}", file=sys.stderr)
        return 2
    obligations: list[Obligation] = [
        o for d in index.documents if isinstance(d, Directive) for o in extract_obligations(d, units)
    ]
    resolved: str | None = None
    if unit is not None:
        lk = lookup_unit(units, unit)
        if not lk.ok:
            print(f"lỗi: {unknown_unit_message(lk)}", file=sys.stderr)
            return 2
        r = lk.resolution
        assert r is not None
        resolved = r.name
        if r.unit is not None:
            obligations = applicable(obligations, r.unit.name, r.unit.groups)
        else:
            members = {u.name for u in units.members(r.name)}
            obligations = [o for o in obligations if o.group == r.name or (members and members <= set(o.units))]
    if as_json:
        print(json.dumps([o.to_json(resolved) for o in obligations], ensure_ascii=False, indent=1))
        return 0
    if unit is not None:
        print(f"{unit} → {resolved}: {len(obligations)} nhiệm vụ")
    else:
        print(f"{len(obligations)} nhiệm vụ")
    for o in obligations:
        when = format_date(o.deadline) if o.deadline else (o.deadline_text or "-")
        print(f"- [{o.section}] {who(o)} | hạn: {when} | {describe(o, 160)}")
    return 0
