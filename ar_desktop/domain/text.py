"""Sentences for the user made below the window, translated by the window.

The domain and the services never hand the user a finished English sentence: they build a
``Text`` from an English template marked with ``translate("Messages", "...")`` and its
parameters. ``str(text)`` is the English sentence (what the command line prints and logs);
the window renders the template through Qt's translator (``ui.i18n.render``).

``translate`` does nothing at run time. It is a marker: ``pyside6-lupdate`` recognises
``translate("Context", "literal")`` calls in every file it scans, and
``scripts/update_translations.sh`` scans ``domain/`` and ``services/`` as well as ``ui/``.
Keep the template a literal (adjacent literals are fine) and the parameters keyword arguments
of ``Text``; a parameter may itself be a ``Text`` (a step name inside a sentence).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

Translate = Callable[[str, str], str]


class Template(str):
    """An English template that remembers the translation context it was marked with."""

    context: str = "Messages"


def translate(context: str, source: str) -> str:
    t = Template(source)
    t.context = context
    return t


def _english(context: str, source: str) -> str:
    return source


class Text:
    """An English template and its parameters, rendered in the reader's language."""

    __slots__ = ("template", "params")

    def __init__(self, template: str, /, **params: Any):
        self.template = template
        self.params = params

    @property
    def context(self) -> str:
        return getattr(self.template, "context", "Messages")

    def render(self, tr: Translate = _english, amount: Callable[[Decimal], str] = str) -> str:
        """The sentence in ``tr``'s language, each ``Amount`` parameter written by ``amount``."""
        values = {k: (v.render(tr, amount) if isinstance(v, Text) else amount(v) if isinstance(v, Amount) else v)
                  for k, v in self.params.items()}
        return tr(self.context, self.template).format(**values)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Text({str(self.template)!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Text):
            return (self.context, str(self.template), self.params) == (other.context, str(other.template), other.params)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.context, str(self.template)))


def english(message: str | Text) -> str:
    return message.render() if isinstance(message, Text) else message


def verbatim(value: str) -> Text:
    """What the user typed (a name, a reference) as a ``Text`` shown as it is in every language."""
    return Text("{value}", value=value)


def joined(texts: list[str | Text], sep: str = "\n") -> Text:
    """Several messages as one ``Text``, each rendered in the reader's language."""
    params = {f"t{i}": t for i, t in enumerate(texts)}
    return Text(sep.replace("{", "{{").replace("}", "}}").join("{%s}" % k for k in params), **params)


def listed(texts: list[str | Text]) -> Text:
    """The items of a list within a sentence, in the reader's language: "a, b, c" (甲、乙、丙)."""
    out: str | Text = texts[0] if texts else ""
    for item in texts[1:]:
        out = Text(translate("Messages", "{items}, {item}"), items=out, item=item)
    return out if isinstance(out, Text) else verbatim(out)


def name_text(name: str | Text) -> Text:
    """A name a caller puts into a sentence ("invoice date", "letter date") as a ``Text``: the window
    shows its translation when the name is marked somewhere with ``translate("Messages", ...)``
    (domain/records.py ``FIELD_NAMES``), else the English it was given."""
    if isinstance(name, Text):
        return name
    return Text(name.replace("{", "{{").replace("}", "}}"))


class Amount(Decimal):
    """An amount of money inside a sentence: English writes it '1,234.50'; the window writes it in the
    user's amount style (``Text.render``'s ``amount``)."""

    def __str__(self) -> str:
        return f"{Decimal(self):,.{max(2, -self.as_tuple().exponent)}f}"  # its own decimals, at least two


# A sentence kept in a record (a history note written by the program) starts with this character, which nobody
# types, and holds its template and parameters as JSON: it reads in the interface language whenever it is shown.
# Anything else in such a column is what a user typed, or English written by an older version: shown as it is.
_STORED = "\x1e"


def _enc(value: Any) -> Any:
    if isinstance(value, Text):
        return {"$t": str(value.template), "c": value.context, "p": {k: _enc(v) for k, v in value.params.items()}}
    if isinstance(value, Amount):
        return {"$a": str(Decimal(value))}
    if isinstance(value, int | str):
        return value
    return str(value)


def _dec(value: Any) -> Any:
    if isinstance(value, dict):
        if "$a" in value:
            return Amount(value["$a"])
        template = Template(value.get("$t", ""))
        template.context = value.get("c", "Messages")
        return Text(template, **{k: _dec(v) for k, v in value.get("p", {}).items()})
    return value


def stored(message: str | Text) -> str:
    """``message`` as kept in a record: a ``Text`` keeps its template and parameters (see ``from_stored``);
    a plain string (what the user typed) stays as it is."""
    if isinstance(message, Text):
        return _STORED + json.dumps(_enc(message), ensure_ascii=False, separators=(",", ":"))
    return message


def is_stored(value: object) -> bool:
    """True for what ``stored`` made (a sentence the program kept), never for what a user typed."""
    return isinstance(value, str) and value.startswith(_STORED)


def from_stored(value: str | None) -> str | Text:
    """What ``stored`` kept: a ``Text`` again, or the plain string (typed, or English from an older version)."""
    if value and value.startswith(_STORED):
        try:
            return _dec(json.loads(value[1:]))
        except (ValueError, TypeError, AttributeError):
            return value[1:]
    return value or ""
