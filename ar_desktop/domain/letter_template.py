"""Letter wording with facts: ``$placeholders`` and ``{if fact}…{else}…{end}`` blocks.

A letter says only what the record holds on its date. The wording refers to *facts*; a fact
that the record may lack (an earlier reminder, a registered mailing, late charges) is absent on
letters where it does not hold, and a sentence that needs it goes inside a block guarded by it::

    {if reminder_date}Despite our reminder of $reminder_date, the{else}The{end} invoices ...

``{if not fact}`` is the opposite block. A template that uses a fact which may be absent outside
a block guarded by it is refused when it is saved (:func:`check_template`), so an edited letter
can never print an empty gap where a date should be, or claim a step that was not taken.
``$$`` is a dollar sign. Blocks nest. Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, translate

# Facts every letter has (a value is always printed).
ALWAYS = frozenset({
    "customer_name", "customer_contact", "company_name", "total", "total_words", "invoices_open", "currency",
    "deadline", "letter_date", "reference", "invoice_count", "contract_ref", "next_step", "subject",
    "oldest_due_date", "total_amount",
})
# Facts the record may lack on a given letter, and the facts a guard on each one also vouches for.
OPTIONAL: Mapping[str, frozenset[str]] = {
    "courtesy_date": frozenset(),            # our courtesy note (before the due date), this episode
    "reminder_date": frozenset({"reminder_ref"}),  # our latest reminder in this episode
    "reminder_ref": frozenset(),             # the reference of that reminder when it was a letter
    "call_date": frozenset(),                # our latest phone call logged as a ladder step
    "demand_date": frozenset({"demand_ref"}),  # our formal demand letter in this episode
    "demand_ref": frozenset(),
    "demand_registered": frozenset({"demand_service", "demand_tracking", "demand_posted"}),
    "demand_service": frozenset(),           # e.g. "Deutsche Post Einschreiben Rückschein"
    "demand_tracking": frozenset(),
    "demand_posted": frozenset(),
    "final_notice_date": frozenset({"final_notice_ref"}),
    "final_notice_ref": frozenset(),
    "letters_before": frozenset(),           # how many of our letters this episode (2 or more)
    "charges": frozenset({"charges_total"}),  # late charges are claimed on this letter
    "charges_total": frozenset(),
    "interest_per_day": frozenset(),         # interest keeps running by this much a day
    "disputed": frozenset({"disputed_total"}),  # a part of the account is in dispute (not claimed)
    "disputed_total": frozenset(),
    "overdue": frozenset(),                  # something is past due (false on a courtesy note)
    "pre_due": frozenset({"falling_due_date"}),  # nothing is due yet: a friendly note
    "falling_due_date": frozenset(),
    "contact_person": frozenset(), "company_phone": frozenset(), "company_email": frozenset(),
    "signer_name": frozenset(), "signer_title": frozenset(),
    "bank_account": frozenset({"iban", "bank_name", "bic"}),
    "iban": frozenset(), "bank_name": frozenset(), "bic": frozenset(),
}
KNOWN = ALWAYS | frozenset(OPTIONAL)

_TOKEN = re.compile(r"\{(?:if\s+(?P<neg>not\s+)?(?P<cond>[a-z_][a-z0-9_]*)|(?P<else>else)|(?P<end>end))\}"
                    r"|\$(?:(?P<dollar>\$)|(?P<name>[_a-zA-Z][_a-zA-Z0-9]*)|\{(?P<braced>[_a-zA-Z][_a-zA-Z0-9]*)\}"
                    r"|(?P<stray>))")
_BRACE_WORD = re.compile(r"\{\s*(if|else|end|endif|fi)\b[^}]*\}?")


@dataclass(frozen=True)
class _Block:
    fact: str
    negated: bool
    then: tuple
    otherwise: tuple


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def parse(text: str) -> tuple:
    """The template as a tree: strings, ('$', name, line) and _Block nodes; UserError when malformed."""
    stack: list[tuple[str, bool, list, list | None, int]] = []
    out: list = []
    pos = 0
    for m in _TOKEN.finditer(text):
        chunk = text[pos:m.start()]
        _check_plain(chunk, text, pos)
        out.append(chunk)
        pos = m.end()
        line = _line(text, m.start())
        if m.group("cond"):
            fact = m.group("cond")
            if fact not in KNOWN:
                raise UserError(Text(translate("Messages", "Line {line} of the letter text tests the unknown fact "
                                                           "'{fact}'. Known facts: {known}."),
                                     line=line, fact=fact, known=", ".join(sorted(KNOWN))))
            stack.append((fact, bool(m.group("neg")), out, None, line))
            out = []
        elif m.group("else"):
            if not stack or stack[-1][3] is not None:
                raise UserError(Text(translate("Messages", "Line {line} of the letter text has an {{else}} without "
                                                           "an {{if …}} before it. Remove it or add the condition."),
                                     line=line))
            fact, neg, parent, _none, start = stack.pop()
            stack.append((fact, neg, parent, out, start))
            out = []
        elif m.group("end"):
            if not stack:
                raise UserError(Text(translate("Messages", "Line {line} of the letter text has an {{end}} without "
                                                           "an {{if …}} before it. Remove it."), line=line))
            fact, neg, parent, then, _start = stack.pop()
            block = _Block(fact, neg, tuple(then if then is not None else out), tuple(out) if then is not None else ())
            out = parent
            out.append(block)
        elif m.group("dollar"):
            out.append("$")
        elif m.group("stray") is not None:
            snippet = text[m.start():m.start() + 12].splitlines()[0]
            raise UserError(Text(translate("Messages", "The letter text has a '$' that is not a placeholder on line "
                                                       "{line} ('{snippet}'). Write $$ for a dollar sign, or a "
                                                       "placeholder such as $customer_name."),
                                 line=line, snippet=snippet))
        else:
            out.append(("$", m.group("name") or m.group("braced"), line))
    _check_plain(text[pos:], text, pos)
    out.append(text[pos:])
    if stack:
        raise UserError(Text(translate("Messages", "The {{if {fact}}} on line {line} of the letter text is never "
                                                   "closed. Add {{end}} where the conditional text ends."),
                             fact=stack[-1][0], line=stack[-1][4]))
    return tuple(out)


def _check_plain(chunk: str, text: str, offset: int) -> None:
    m = _BRACE_WORD.search(chunk)
    if m:
        raise UserError(Text(translate("Messages", "Line {line} of the letter text has '{snippet}', which is not a "
                                                   "condition. Write {{if fact}}, {{if not fact}}, {{else}} or "
                                                   "{{end}}."),
                             line=_line(text, offset + m.start()), snippet=m.group(0)))


def check_template(text: str) -> tuple:
    """Parse and check a letter text: every placeholder is a known fact, and every fact the record
    may lack is used only inside a block guarded by it. Returns the parsed tree."""
    tree = parse(text)
    _check(tree, frozenset())
    return tree


def _check(nodes, guarded: frozenset[str]) -> None:
    for n in nodes:
        if isinstance(n, _Block):
            inner = guarded
            if not n.negated:
                inner = guarded | {n.fact} | OPTIONAL.get(n.fact, frozenset())
            _check(n.then, inner)
            _check(n.otherwise, guarded if not n.negated else guarded | {n.fact} | OPTIONAL.get(n.fact, frozenset()))
        elif isinstance(n, tuple):
            _kind, name, line = n
            if name not in KNOWN:
                raise UserError(Text(translate("Messages", "The letter text uses the unknown placeholder ${name} "
                                                           "(line {line}). Known placeholders: {known}."),
                                     name=name, line=line, known=", ".join(f"${k}" for k in sorted(KNOWN))))
            if name in OPTIONAL and name not in guarded:
                raise UserError(Text(translate("Messages", "The letter text uses ${name} on line {line} without a "
                                                           "condition, but not every letter has it (the record may "
                                                           "lack it). Put it inside {{if {name}}} … {{end}}."),
                                     name=name, line=line))


def render(text: str, facts: Mapping[str, str | None]) -> str:
    """The wording filled with the facts (None or '' = the fact is absent)."""
    tree = check_template(text)
    missing = sorted(k for k in ALWAYS if facts.get(k) is None)
    if missing:
        raise ValueError(f"facts missing: {missing}")   # a bug: the letter builder gives every fact
    return _render(tree, facts)


def _render(nodes, facts: Mapping[str, str | None]) -> str:
    parts = []
    for n in nodes:
        if isinstance(n, _Block):
            present = bool(facts.get(n.fact))
            parts.append(_render(n.then if present != n.negated else n.otherwise, facts))
        elif isinstance(n, tuple):
            parts.append(str(facts.get(n[1]) or ""))
        else:
            parts.append(n)
    return "".join(parts)


def used_facts(text: str) -> frozenset[str]:
    """The facts a letter text refers to (placeholders and conditions)."""
    names: set[str] = set()

    def walk(nodes):
        for n in nodes:
            if isinstance(n, _Block):
                names.add(n.fact)
                walk(n.then)
                walk(n.otherwise)
            elif isinstance(n, tuple):
                names.add(n[1])
    walk(parse(text))
    return frozenset(names)
