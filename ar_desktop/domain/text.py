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

from collections.abc import Callable
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

    def render(self, tr: Translate = _english) -> str:
        values = {k: (v.render(tr) if isinstance(v, Text) else v) for k, v in self.params.items()}
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


def name_text(name: str | Text) -> Text:
    """A name a caller puts into a sentence ("invoice date", "letter date") as a ``Text``: the window
    shows its translation when the name is marked somewhere with ``translate("Messages", ...)``
    (domain/records.py ``FIELD_NAMES``), else the English it was given."""
    if isinstance(name, Text):
        return name
    return Text(name.replace("{", "{{").replace("}", "}}"))
