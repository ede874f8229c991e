"""Letter settings (deadline, layout, printer offset, statement), the wording of each template
(shipped or edited, checked against the facts a letter may lack), subjects, what-happens-next
texts, the calibration page and a sample letter of a wording."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ar_desktop.domain import letters as L
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.ladder import ActionKind
from ar_desktop.domain.letter_template import check_template
from ar_desktop.domain.letters import load_template
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.context import Books
from ar_desktop.storage import company_repo

# Layout keys of the command line and the settings -> keys of ar_desktop.pdf.layouts.
LAYOUT_KEYS = ("din-a", "din-b", "us-10", "plain")
_PDF_LAYOUTS = {"din-a": "din-a", "din-b": "din-b", "us-10": "us10", "us10": "us10", "plain": "plain"}

# Setting keys (JSON values in the `setting` table).
DEADLINE_DAYS_KEY = "letters.deadline_days"
LAYOUT_KEY = "letters.layout"
OFFSET_DX_KEY = "letters.offset_dx_mm"
OFFSET_DY_KEY = "letters.offset_dy_mm"
STATEMENT_KEY = "letters.statement_attached"
TEMPLATE_KEY = "letters.template.{language}.{template}"   # edited wording; absent = the shipped text

DEFAULT_DEADLINE_DAYS = 14
MAX_DEADLINE_DAYS = 90
MAX_TEMPLATE_CHARS = 20_000

SUBJECTS = {
    "en": {"courtesy_reminder": "Friendly note: invoices falling due", "reminder": "Payment reminder",
           "demand_letter": "Formal demand for payment", "final_notice": "Final notice",
           "legal_notice": "Notice before legal action",
           "agency_notice": "Notice of hand-over to a debt collection agency"},
    "zh": {"courtesy_reminder": "发票到期友情提示", "reminder": "付款提醒函", "demand_letter": "催款函",
           "final_notice": "最后催告函", "legal_notice": "诉前催告通知书", "agency_notice": "债权移交催收机构通知书"},
}
# A final notice names what follows it, in its subject and (through $subject) in its body.
_FINAL_BEFORE = {
    "en": {ActionKind.LEGAL_ACTION: "Final notice before legal action",
           ActionKind.AGENCY: "Final notice before hand-over to a debt collection agency"},
    "zh": {ActionKind.LEGAL_ACTION: "诉前最后催告函", ActionKind.AGENCY: "移交催收机构前最后催告函"},
}
# "What happens if unpaid": the action of the ladder step after the letter step.
NEXT_STEP_TEXT = {
    "en": {
        ActionKind.COURTESY_REMINDER: "we will send you a reminder.",
        ActionKind.REMINDER: "we will send you a further reminder.",
        ActionKind.PHONE_CALL: "we will contact you by telephone to settle the matter.",
        ActionKind.DEMAND_LETTER: "we will send you a formal demand for payment by registered mail.",
        ActionKind.FINAL_NOTICE: "we will send you a final notice.",
        ActionKind.LEGAL_ACTION: "we will take legal action to recover the debt without further notice; "
                                 "the costs will be charged to you as far as the law permits.",
        ActionKind.AGENCY: "we will hand the claim over to a debt collection agency without further notice; "
                           "its costs will be charged to you as far as the law permits.",
        ActionKind.CREDIT_HOLD: "we will stop all further deliveries on credit.",
        None: "we will take further steps to recover the debt.",
    },
    "zh": {
        ActionKind.COURTESY_REMINDER: "我司将向贵司发出付款提醒。",
        ActionKind.REMINDER: "我司将再次向贵司发出付款提醒。",
        ActionKind.PHONE_CALL: "我司将通过电话与贵司联系解决。",
        ActionKind.DEMAND_LETTER: "我司将以挂号信方式向贵司发出正式催款函。",
        ActionKind.FINAL_NOTICE: "我司将向贵司发出最后催告函。",
        ActionKind.LEGAL_ACTION: "我司将通过诉讼途径追讨欠款，恕不另行通知，由此产生的费用依法由贵司承担。",
        ActionKind.AGENCY: "我司将委托专业催收机构追讨欠款，恕不另行通知，由此产生的费用依法由贵司承担。",
        ActionKind.CREDIT_HOLD: "我司将停止对贵司的一切赊销供货。",
        None: "我司将采取进一步措施追讨欠款。",
    },
}


def subject_for(template: str, next_action: ActionKind | None, language: str) -> str:
    """The subject line: a final notice names the step that follows it (as its body does)."""
    if template == "final_notice":
        return _FINAL_BEFORE[language].get(next_action, SUBJECTS[language]["final_notice"])
    return SUBJECTS[language][template]


def next_action_text(action: ActionKind | None, language: str) -> str:
    return NEXT_STEP_TEXT[language].get(action, NEXT_STEP_TEXT[language][None])


# --- settings ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LetterSettings:
    deadline_days: int = DEFAULT_DEADLINE_DAYS
    layout: str = "din-a"                 # din-a | din-b | us-10 | plain
    offset_dx_mm: float = 0.0             # printer offset (calibration page), positive = right
    offset_dy_mm: float = 0.0             # positive = down
    statement_attached: bool = False


def pdf_layout(key: str) -> str:
    """The pdf layout key of a letter layout key ('us-10' -> 'us10')."""
    k = (key or "").strip().lower()
    if k not in _PDF_LAYOUTS:
        raise UserError(Text(translate("Messages", "Unknown letter layout '{key}'. Choose one of: {layout_keys}."),
                             key=key, layout_keys=', '.join(LAYOUT_KEYS)))
    return _PDF_LAYOUTS[k]


def _layout_key(key: str) -> str:
    pdf = pdf_layout(key)
    return "us-10" if pdf == "us10" else pdf


def _settings(s) -> LetterSettings:
    return LetterSettings(
        int(company_repo.get_setting(s, DEADLINE_DAYS_KEY, DEFAULT_DEADLINE_DAYS)),
        str(company_repo.get_setting(s, LAYOUT_KEY, "din-a")),
        float(company_repo.get_setting(s, OFFSET_DX_KEY, 0.0)), float(company_repo.get_setting(s, OFFSET_DY_KEY, 0.0)),
        bool(company_repo.get_setting(s, STATEMENT_KEY, False)))


def letter_settings(books: Books) -> LetterSettings:
    with books.db.session() as s:
        return _settings(s)


def set_letter_settings(books: Books, settings: LetterSettings) -> LetterSettings:
    days = settings.deadline_days
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DEADLINE_DAYS:
        raise UserError(Text(translate("Messages", "The payment deadline '{days}' must be a whole number of days "
                                                   "from 1 to {max_deadline_days} after the letter date."),
                             days=days, max_deadline_days=MAX_DEADLINE_DAYS))
    layout = _layout_key(settings.layout)
    from ar_desktop.pdf.layouts import check_offset

    dx, dy = check_offset((settings.offset_dx_mm, settings.offset_dy_mm))
    out = LetterSettings(days, layout, dx, dy, bool(settings.statement_attached))
    with books.db.session() as s:
        company_repo.set_setting(s, DEADLINE_DAYS_KEY, out.deadline_days)
        company_repo.set_setting(s, LAYOUT_KEY, out.layout)
        company_repo.set_setting(s, OFFSET_DX_KEY, out.offset_dx_mm)
        company_repo.set_setting(s, OFFSET_DY_KEY, out.offset_dy_mm)
        company_repo.set_setting(s, STATEMENT_KEY, out.statement_attached)
    return out


# --- wording -------------------------------------------------------------------------------------------

def _template_text(s, language: str, template: str) -> str:
    own = company_repo.get_setting(s, TEMPLATE_KEY.format(language=language, template=template), None)
    return own if own is not None else load_template(language, template)


def template_text(books: Books, language: str, template: str) -> str:
    """The wording used for a template: the edited text, or the shipped one."""
    L.template_path(language, template)  # validates both keys
    with books.db.session() as s:
        return _template_text(s, language, template)


def template_version(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _check_wording(text: str) -> None:
    if not text.strip():
        raise UserError(Text(translate("Messages", "The letter text is empty. Write the letter, or restore the "
                                                   "shipped text.")))
    if len(text) > MAX_TEMPLATE_CHARS:
        raise UserError(Text(translate("Messages", "The letter text is longer than {max_template_chars} "
                                                   "characters. Shorten it."), max_template_chars=MAX_TEMPLATE_CHARS))
    check_template(text)


def set_template_text(books: Books, language: str, template: str, text: str | None) -> None:
    """Store edited wording, refused when it uses an unknown placeholder or a fact the record may
    lack outside a condition on it (see domain.letter_template); None restores the shipped text."""
    L.template_path(language, template)
    key = TEMPLATE_KEY.format(language=language, template=template)
    if text is not None:
        _check_wording(text)
    with books.db.session() as s:
        company_repo.set_setting(s, key, text)


def template_placeholders(language: str = "en") -> tuple[str, ...]:
    """The ``$names`` a letter text may use, sorted."""
    from ar_desktop.domain.letter_template import KNOWN

    return tuple(sorted(KNOWN))


# --- settings dialogs: calibration page, sample letter ------------------------------------------------

def calibration_pdf(books: Books, layout: str | None = None, offset: tuple[float, float] | None = None,
                    language: str = "en") -> bytes:
    """The printer calibration page of ``layout`` with the printer ``offset`` (each default: the
    settings), so values can be checked on paper before they are stored."""
    from ar_desktop.pdf.calibration import render_calibration
    from ar_desktop.pdf.layouts import check_offset

    settings = letter_settings(books)
    key = pdf_layout(layout or settings.layout)
    off = check_offset(offset if offset is not None else (settings.offset_dx_mm, settings.offset_dy_mm))
    return render_calibration(key, off, "zh" if language == "zh" else "en")


__all__ = ["DEADLINE_DAYS_KEY", "LAYOUT_KEY", "LAYOUT_KEYS", "LetterSettings", "NEXT_STEP_TEXT", "OFFSET_DX_KEY",
           "OFFSET_DY_KEY", "STATEMENT_KEY", "SUBJECTS", "TEMPLATE_KEY", "calibration_pdf", "letter_settings",
           "next_action_text", "pdf_layout", "set_letter_settings", "set_template_text",
           "subject_for", "template_placeholders", "template_text", "template_version"]
