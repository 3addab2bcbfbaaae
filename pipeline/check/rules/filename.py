"""File names travel further than contents: they appear in email attachments, upload logs and Ofsted's
portal. A file called IMR_Poppy_Harrington_Police.docx leaks the child's name before anyone opens it."""
from __future__ import annotations

import re

from ..findings import BLOCK
from .base import Rule, register

_SEPARATORS = re.compile(r"[_\-.+]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


@register
class FileNameRule(Rule):
    code = "SCR301"
    category = "filename"
    severity = BLOCK
    formats = ("docx", "xlsx", "pdf", "text")
    description = "A file name containing a register name or another identifier (names travel with attachments)"

    def check(self, doc, ctx):
        stem = doc.path.stem
        # Writers join words with _ - . and CamelCase; spaces let the name finder read them as words.
        readable = _CAMEL.sub(" ", _SEPARATORS.sub(" ", stem)).strip()
        reported: set[str] = set()
        for detection in ctx.find_in(readable):
            if detection.entity_type in ("DATE", "EXEMPT"):
                continue
            reported.add(detection.text.lower())
            yield self.finding("file name", "The file name contains {match}. Rename the file (anonymised files "
                                            "are named by role, e.g. 'IMR Child A Police.docx').",
                               match=detection.text)
        squashed = _squash(stem)
        for person in (*ctx.register.people, *ctx.register.places):
            for name in person.all_names:
                key = _squash(name)
                # Names run together ("poppyharrington") escape the name finder; four letters avoids noise.
                if len(key) >= 4 and key in squashed and name.lower() not in reported:
                    reported.add(name.lower())
                    yield self.finding("file name", "The file name contains the register name {match}. Rename "
                                                    "the file.", match=name)
