"""The publication checker (`scr check`): nothing leaves the board until it passes (§8.40, 8.80–8.86, 5.27).

Library use:
    from pipeline.check import check_paths
    report = check_paths(["out/publication"], case=load_case("samples/child-a"))
    report.passed, report.to_json(), report.to_markdown(), report.to_text()
"""
from __future__ import annotations

from .config import RuleConfig, load_rule_config
from .findings import BLOCK, CATEGORIES, WARN, Finding, mask
from .report import CheckReport, FileResult
from .rules import RULES
from .runner import check_paths, collect_files

__all__ = [
    "BLOCK", "CATEGORIES", "RULES", "WARN", "CheckReport", "FileResult", "Finding", "RuleConfig", "check_paths",
    "collect_files", "load_rule_config", "mask",
]
