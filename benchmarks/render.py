"""How long `scr render` takes on a large review: 100 actions in the action plan, 2,000 chronology entries.

Usage:  .venv/bin/python benchmarks/render.py [--actions 100] [--entries 2000] [--repeats 3] [--pdf]

Prints, for each document, the fastest of `--repeats` runs next to a baseline measured in the same run:
the same table built the ordinary python-docx way (`doc.add_table(rows, cols)` then `cell.text = ...`) and
saved, with nothing else in the document. The target (issue 3 "Scale") is "seconds, not minutes"; the script
marks each row PASS when it takes under 10 seconds. Exit 0 whatever the figures; 1 only if it could not measure.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402

from pipeline.case import load_case  # noqa: E402
from pipeline.case.model import Action, ChronologyEntry, Recommendation  # noqa: E402
from pipeline.render import action_plan, chronology  # noqa: E402
from pipeline.render.reports import render_reports  # noqa: E402

TARGET_SECONDS = 10.0


def big_case(actions: int, entries: int):
    case = load_case(ROOT / "samples" / "minimal")
    per_rec = 5
    recs = []
    for r in range(max(1, actions // per_rec)):
        recs.append(Recommendation(r + 1, f"Recommendation {r + 1}: agencies will improve practice area {r + 1} "
                                          "within six months and audit the change after twelve months.", [
            Action(f"{r + 1}.{a + 1}", f"Action {a + 1} for recommendation {r + 1}: write, brief and audit.",
                   "police", "Westmoor Police", "Head of Public Protection", dt.date(2024, 9, 30),
                   "Practitioners record the child's lived experience.", "90% of audited records meet the standard.",
                   "Quality Assurance Subgroup, quarterly.", ("not-started", "in-progress", "complete")[a % 3],
                   dt.date(2024, 6, 1) if a % 3 == 2 else None, "Audit report" if a % 3 == 2 else None)
            for a in range(per_rec)]))
    start = dt.date(2021, 1, 1)
    chrono = [
        ChronologyEntry(start + dt.timedelta(days=(i * 7919) % 1200), "police", "Westmoor Police",
                        f"Entry {i}: officers attended the family home after a call from a neighbour about shouting; "
                        "the children were seen and spoken to; a risk assessment was completed.",
                        time=f"{i % 24:02d}:{i % 60:02d}", source="Incident log", practitioner="Police Constable",
                        significance="Domestic incident; referral sent to Children's Social Care.")
        for i in range(entries)
    ]
    return dataclasses.replace(case, recommendations=recs, chronology=chrono)


def fastest(fn: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        began = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - began)
    return best


def baseline_table(headers, rows, target: Path) -> None:
    doc = Document()
    table = doc.add_table(rows=1 + len(rows), cols=len(headers))
    for cell, text in zip(table.rows[0].cells, headers):
        cell.text = text
    for row, values in zip(table.rows[1:], rows):
        for cell, text in zip(row.cells, values):
            cell.text = text
    doc.save(str(target))


def baseline_sheet(headers, rows, target: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(list(headers))
    for values in rows:
        ws.append(values)
    wb.save(str(target))


def plain_soffice(source: Path, out_dir: Path) -> None:
    import subprocess

    from pipeline.render.pdf import find_soffice

    subprocess.run([find_soffice(), "--headless", f"-env:UserInstallation=file://{out_dir}/profile",
                    "--convert-to", "pdf", "--outdir", str(out_dir), str(source)], check=True, capture_output=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=100)
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--pdf", action="store_true", help="also time the PDF conversion (needs LibreOffice)")
    args = parser.parse_args(argv)
    case = big_case(args.actions, args.entries)
    print(f"Case: {len(case.actions)} actions in {len(case.recommendations)} recommendations, "
          f"{len(case.chronology)} chronology entries; fastest of {args.repeats} runs.\n")
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        plan_rows = [cells for _r, _a, cells in action_plan.rows(case)]
        chrono_rows = [chronology._cells(case, e) for e in chronology.merged(case)]
        figures = [
            ("action plan (.docx)",
             fastest(lambda: render_reports(case, out / "a", only=["action-plan"]), args.repeats),
             fastest(lambda: baseline_table(action_plan.COLUMNS, plan_rows, out / "base-a.docx"), args.repeats)),
            ("executive summary with the plan (.docx)",
             fastest(lambda: render_reports(case, out / "e", only=["executive-summary"]), args.repeats),
             fastest(lambda: baseline_table(action_plan.COLUMNS, plan_rows, out / "base-e.docx"), args.repeats)),
            ("chronology (.docx + .xlsx)",
             fastest(lambda: render_reports(case, out / "c", only=["chronology"]), args.repeats),
             fastest(lambda: (baseline_table(chronology.COLUMNS, chrono_rows, out / "base-c.docx"),
                              baseline_sheet(chronology.COLUMNS, chrono_rows, out / "base-c.xlsx")), args.repeats)),
            ("  of which the .xlsx",
             fastest(lambda: chronology.write_chronology_xlsx(case, out / "x.xlsx", marking="OFFICIAL"), args.repeats),
             fastest(lambda: baseline_sheet(chronology.COLUMNS, chrono_rows, out / "base-x.xlsx"), args.repeats)),
        ]
        if args.pdf:
            from pipeline.render.pdf import convert_to_pdf, soffice_available

            if soffice_available():
                source = out / "c" / "multi-agency-chronology.docx"
                figures.append(("chronology PDF (contents refreshed)",
                                fastest(lambda: convert_to_pdf([source], out / "p"), 1),
                                fastest(lambda: plain_soffice(source, out / "q"), 1)))
            else:
                print("LibreOffice is not installed: PDF conversion not timed.\n")
    print(f"{'document':44} {'scr render':>11} {'baseline':>10} {'ratio':>7}  target < {TARGET_SECONDS:.0f} s")
    for name, ours, base in figures:
        ratio = ours / base if base == base and base > 0 else float("nan")
        verdict = "info" if "PDF" in name else "PASS" if ours < TARGET_SECONDS else "FAIL"
        base_text = f"{base:9.2f}s" if base == base else f"{'-':>10}"
        print(f"{name:44} {ours:10.2f}s {base_text} {ratio:6.2f}x  {verdict}")
    print("\nbaseline: the same table built with python-docx's add_table + cell.text (and openpyxl's ws.append for the "
          "spreadsheet) and saved, with no template, cover or styles; for the PDF, a plain `soffice --convert-to pdf` "
          "of the same file, which does not refresh the contents page. ratio = scr time / baseline time. The target "
          "applies to rendering; the PDF row is for information (LibreOffice lays out every page).")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception as err:  # noqa: BLE001 - a benchmark that cannot measure says why and exits 1
        print(f"Could not measure: {err}", file=sys.stderr)
        sys.exit(1)
