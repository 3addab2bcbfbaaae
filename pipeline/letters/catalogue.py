"""The catalogue of standard letters (templates/letters/catalogue.yaml), loaded and checked.

The catalogue is data: adding a letter or changing its wording never needs a code change. It is checked
against schemas/letters-catalogue.schema.json and every subject and paragraph is parsed as a template when
loaded, so a typo in the wording is found before any letter is written.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..errors import CaseInvalid, TemplateProblem, UsageError
from ..schema import load_structured, schema_problems
from ..templating import make_environment

LETTERS_DIR = Path(__file__).resolve().parents[2] / "templates" / "letters"
CATALOGUE = LETTERS_DIR / "catalogue.yaml"
LETTER_TEMPLATE = LETTERS_DIR / "letter.docx"


@dataclass(frozen=True)
class Letter:
    id: str
    title: str
    when: str
    source: str
    recipients: tuple[str, ...]
    signed_by: str
    subject: str
    body: tuple[str, ...]
    choose_one: bool = False
    requires: tuple[str, ...] = ()
    recipient_requires: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    send_by: str | None = None
    attention: str | None = None
    enclosures: tuple[str, ...] = ()


def _check_wording(letter: dict, path: Path, env: jinja2.Environment) -> None:
    for label, text in [("subject", letter["subject"])] + [(f"body paragraph {n}", t) for n, t in enumerate(letter["body"], 1)]:
        try:
            env.parse(text)
        except jinja2.TemplateSyntaxError as err:
            raise TemplateProblem(path, f"letter '{letter['id']}', {label}: {err.message}", context=text[:160],
                                  hint="Each {{ must be closed by }}, and each {% if %} needs its {% endif %}.") from err


@functools.lru_cache(maxsize=4)
def load_catalogue(path: str | Path = CATALOGUE) -> tuple[Letter, ...]:
    """Every letter in the catalogue, in catalogue order."""
    path = Path(path)
    doc = load_structured(path)
    problems = schema_problems(doc, "letters-catalogue", display=str(path))
    if problems:
        raise CaseInvalid(problems, source=path)
    env = make_environment()
    letters: list[Letter] = []
    seen: set[str] = set()
    for item in doc.data["letters"]:
        if item["id"] in seen:
            raise TemplateProblem(path, f"the letter id '{item['id']}' is used twice", hint="Give each letter its own id.")
        seen.add(item["id"])
        _check_wording(item, path, env)
        tuples = {key: tuple(item.get(key) or ()) for key in
                  ("recipients", "body", "requires", "recipient_requires", "states", "enclosures")}
        letters.append(Letter(
            id=item["id"], title=item["title"], when=item["when"], source=item["source"],
            signed_by=item["signed_by"], subject=item["subject"], choose_one=bool(item.get("choose_one")),
            send_by=item.get("send_by"), attention=item.get("attention"), **tuples,
        ))
    return tuple(letters)


def get_letter(letter_id: str, path: str | Path = CATALOGUE) -> Letter:
    """One letter by id; UsageError listing the ids when there is no such letter."""
    letters = load_catalogue(path)
    for letter in letters:
        if letter.id == letter_id:
            return letter
    raise UsageError(
        f"There is no letter called '{letter_id}'. The letters are: {', '.join(l.id for l in letters)} "
        f"(see 'scr letters list')."
    )
