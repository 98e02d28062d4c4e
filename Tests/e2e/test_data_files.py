"""Machine-readable files in the output parse: every .json as JSON, every .csv as a rectangular table."""

from __future__ import annotations

import csv
import io
import json

from built_site import BuiltSite


def test_every_json_file_parses(site: BuiltSite):
    problems = []
    for path in (path for path in site.files if path.endswith(".json")):
        try:
            json.loads((site.root / path).read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            problems.append(f"{path}: {error}")
    assert not problems, "\n".join(problems)


def test_every_csv_file_is_a_table_with_a_header(site: BuiltSite):
    problems = []
    for path in (path for path in site.files if path.endswith(".csv")):
        text = (site.root / path).read_text(encoding="utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        if len(rows) < 2:
            problems.append(f"{path}: expected a header row and at least one data row")
            continue
        widths = {len(row) for row in rows}
        if len(widths) != 1:
            problems.append(f"{path}: rows have different numbers of columns: {sorted(widths)}")
        if any(not cell.strip() for cell in rows[0]):
            problems.append(f"{path}: the header has an empty column name")
    assert not problems, "\n".join(problems)
