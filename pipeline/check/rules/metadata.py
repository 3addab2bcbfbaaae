"""Personal information Word keeps about who wrote a file: document properties, the names attached to
comments and revisions, the attached template's path, and links hidden in field codes."""
from __future__ import annotations

import re

from ...anonymise.formats.ooxml import qn
from ..findings import BLOCK
from .base import Rule, register
from .hidden import capped
from .wordxml import locate, story_parts

_INSPECT = "Remove it with File > Info > Check for Issues > Inspect Document > Document Properties."
# A path to a file on someone's computer or a server: it usually carries a user name.
_FILE_PATH = re.compile(r"(?:[a-z]:\\|\\\\|file:/|/users/|/home/)", re.IGNORECASE)
# A user's own folder in a path ("C:\\Users\\pharrington\\..."), unless the anonymiser has put a label there.
_PERSONAL_PATH = re.compile(r"(?:users|home|documents and settings)[\\/]+(?!\[)[^\\/\s\"]+", re.IGNORECASE)
_FIELD_LINK = re.compile(r"\b(?:HYPERLINK|INCLUDETEXT|INCLUDEPICTURE|LINK|DDEAUTO|DDE)\b", re.IGNORECASE)


# What the anonymiser writes over an author's name (pipeline.anonymise.formats.docx_clean.NEUTRAL_AUTHOR).
NEUTRAL_NAMES = frozenset({"author", "a", "anonymous", "unknown", "reviewer", "redacted"})


def is_neutral(value: str, ctx) -> bool:
    """A value that identifies nobody: the anonymiser's neutral author, a pseudonym or label it wrote, a
    person who may be named, or the board or an agency of the case (organisational, not personal)."""
    text = " ".join(value.split())
    if not text or text.lower() in NEUTRAL_NAMES or ctx.is_pseudonym(text) or ctx.is_exempt(text):
        return True
    if ctx.case is not None:
        organisations = {ctx.case.board.name, ctx.case.board.short_name, *(a.name for a in ctx.case.agencies)}
        return text.lower() in {o.lower() for o in organisations if o}
    return False


@register
class PersonalPropertiesRule(Rule):
    code = "SCR211"
    category = "metadata"
    severity = BLOCK
    description = "Personal document properties: author, last modified by, company, manager; custom properties naming someone"

    def check(self, doc, ctx):
        for prop in doc.properties():
            if prop.personal and not is_neutral(prop.value, ctx):
                where = f"document property '{prop.label}'"
                yield self.finding(where, f"The {where} is filled in ({{match}}). {_INSPECT}", match=prop.value)
            elif prop.custom_name and ctx.names_someone(prop.custom_name):
                yield self.finding(prop.label, "The name of this custom property ({match}) identifies someone. "
                                               f"{_INSPECT}", match=prop.custom_name, location_match=prop.custom_name)


@register
class AuthorNamesRule(Rule):
    code = "SCR212"
    category = "metadata"
    severity = BLOCK
    description = "Names of comment and revision authors kept in the file (author attributes, word/people.xml)"
    formats = ("docx", "xlsx")

    def check(self, doc, ctx):
        package = doc.package
        authors: dict[str, str] = {}
        author_attr = qn("w:author")
        for part in package.xml_parts():
            if not part.endswith(".xml") or part.startswith("docProps/"):
                continue
            root = package.xml(part)
            if part.startswith("word/"):
                for element in root.iter():
                    name = element.get(author_attr) if isinstance(element.tag, str) else None
                    if name and name.strip():
                        authors.setdefault(name.strip(), _where(doc, part, element))
            if part == "word/people.xml":
                for person in root.iter(qn("w15:person")):
                    name = person.get(qn("w15:author"), "")
                    if name.strip():
                        authors.setdefault(name.strip(), "list of reviewers (word/people.xml)")
            if part.startswith("xl/"):
                for author in root.iter(f"{{{_X}}}author"):
                    if (author.text or "").strip():
                        authors.setdefault(author.text.strip(), "cell comment authors")
                for person in root.iter(f"{{{_XP}}}person"):
                    if person.get("displayName", "").strip():
                        authors.setdefault(person.get("displayName").strip(), "list of reviewers (xl/persons)")
        found = [
            self.finding(where, f"The name of a comment or revision author ({{match}}) is stored in the file. {_INSPECT}",
                         match=name)
            for name, where in authors.items()
            if not is_neutral(name, ctx)
        ]
        yield from capped(found, self, "author names")


_X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_XP = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"


def _where(doc, part: str, element) -> str:
    if part in story_parts(doc.package):
        return locate(doc, part, element)
    return part


@register
class AttachedTemplateRule(Rule):
    code = "SCR213"
    category = "metadata"
    severity = BLOCK
    description = "The attached template's path (often C:\\Users\\<name>\\...), kept in the document settings"
    formats = ("docx",)

    def check(self, doc, ctx):
        package = doc.package
        for rel in package.relationships("word/settings.xml"):
            if rel.get("Type", "").endswith("/attachedTemplate"):
                target = rel.get("Target", "")
                if "/" in target.replace("\\", "/").strip("/") or _FILE_PATH.search(target):
                    yield self.finding(
                        "document settings (attached template)",
                        "The file records the path of its template ({match}), which can name the person who "
                        "wrote it. Attach the board's template again or remove the template "
                        "(Developer > Document Template), or inspect the document.",
                        match=target,
                    )


@register
class FieldCodeLinksRule(Rule):
    code = "SCR214"
    category = "metadata"
    severity = BLOCK
    description = "Field codes linking to an email address or to a file in someone's user folder (C:\\Users\\<name>)"
    formats = ("docx",)

    def check(self, doc, ctx):
        package = doc.package
        found = []
        for part in story_parts(package):
            root = package.xml(part)
            # A complex field's code may be split over several runs: join it per paragraph before reading.
            by_paragraph: dict[int, tuple[object, list[str]]] = {}
            for el in root.iter(qn("w:instrText")):
                paragraph = next(el.iterancestors(qn("w:p")), el)
                by_paragraph.setdefault(id(paragraph), (el, []))[1].append(el.text or "")
            codes = [(el, "".join(parts)) for el, parts in by_paragraph.values()]
            codes += [(el, el.get(qn("w:instr"), "")) for el in root.iter(qn("w:fldSimple"))]
            for element, code in codes:
                if not _FIELD_LINK.search(code):
                    continue
                # After anonymisation a link reads 'mailto:[email address]': only a real address or path counts.
                if ("mailto:" in code.lower() and "@" in code) or _PERSONAL_PATH.search(code):
                    found.append(self.finding(
                        locate(doc, part, element),
                        "A field code links to an email address or a file on someone's computer ({match}). "
                        "Remove the link (right-click > Remove Hyperlink) or unlink the field (Ctrl+Shift+F9).",
                        match=_target(code),
                    ))
        yield from capped(found, self, "field codes")


def _target(code: str) -> str:
    quoted = re.search(r'"([^"]+)"', code)
    return quoted.group(1) if quoted else code.strip()


