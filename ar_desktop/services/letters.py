"""Collection letters, one import for the window and the command line. The work is split by
capability:

* :mod:`services.letter_settings` - settings, wording of each template, subjects;
* :mod:`services.letter_parties` - the company's letterhead and the customer as addressee;
* :mod:`services.letter_build` - a letter built from the books and the facts of the record, and samples of a wording;
* :mod:`services.letter_issue` - issuing a batch (skips with reasons, dry runs, archive first);
* :mod:`services.letter_archive` - the archive: fingerprints, orphans, printing again, history.
"""

from __future__ import annotations

from ar_desktop.services.letter_archive import (INTERRUPTED, LetterCheck, archive_dir, archive_dir_of,  # noqa: F401
                                                archive_name, archive_problems, archived_bytes, customer_letters,
                                                document_from_json, document_to_json, get_letter, letter_items,
                                                letter_path, letter_record, render_batch_pdf, set_aside_orphans,
                                                verify_letter)
from ar_desktop.services.letter_build import (LetterCandidate, SkipLetter, build_letter,  # noqa: F401
                                              letter_candidates, next_step_text, preview_letter, preview_template)
from ar_desktop.services.letter_issue import (DraftLetter, IssuedLetter, LetterBatch, SkippedLetter,  # noqa: F401
                                              issue_batch, issue_letters)
from ar_desktop.services.letter_parties import address_lines, company_party, recipient_party  # noqa: F401
from ar_desktop.services.letter_settings import (DEADLINE_DAYS_KEY, LAYOUT_KEY, LAYOUT_KEYS, MAX_DEADLINE_DAYS,  # noqa: F401
                                                 NEXT_STEP_TEXT,
                                                 OFFSET_DX_KEY, OFFSET_DY_KEY, STATEMENT_KEY, SUBJECTS, TEMPLATE_KEY,
                                                 LetterSettings, calibration_pdf, letter_settings, pdf_layout,
                                                 set_letter_settings, set_template_text,
                                                 template_placeholders, template_text, template_version)

__all__ = ["DEADLINE_DAYS_KEY", "DraftLetter", "IssuedLetter", "LAYOUT_KEY", "LAYOUT_KEYS", "LetterBatch",
           "LetterCandidate", "LetterCheck", "LetterSettings", "OFFSET_DX_KEY", "OFFSET_DY_KEY", "STATEMENT_KEY",
           "SkippedLetter", "TEMPLATE_KEY", "archive_dir", "archive_name", "archive_problems", "archived_bytes",
           "build_letter", "calibration_pdf", "customer_letters", "document_from_json", "document_to_json",
           "get_letter", "issue_batch", "issue_letters", "letter_candidates", "letter_items", "letter_path",
           "letter_settings", "next_step_text", "pdf_layout", "preview_letter", "preview_template",
           "render_batch_pdf", "set_aside_orphans", "set_letter_settings", "set_template_text",
           "template_placeholders", "template_text", "template_version", "verify_letter"]
