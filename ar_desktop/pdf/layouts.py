"""Window-envelope geometry.  All measures in millimetres, y measured from the TOP of the sheet.

- DIN 5008 form A / form B (A4): address field 20 mm from the left edge, 85 × 45 mm, starting
  27 mm (A) / 45 mm (B) from the top; its top 17.7 mm hold the return line and endorsements
  such as "By registered mail", the 27.3 mm below hold the recipient.  Fold marks at
  87/192 mm (A) and 105/210 mm (B), hole mark at 148.5 mm.
- US #10 window envelope (US Letter): recipient block 0.5 in from the left, 2.042 in from the
  top, at most 3.5 × 0.875 in; endorsement line just above it.
- plain (A4): for envelopes addressed by hand (usual in China): recipient at the top of the
  letter, no window, no fold marks.

A printer offset (dx, dy) in mm shifts everything printed (positive = right / down).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.units import inch, mm

from ar_desktop.domain.errors import UserError

IN = 25.4  # mm per inch

A4_MM = (210.0, 297.0)
LETTER_MM = (8.5 * IN, 11.0 * IN)

# DIN 5008
DIN_ADDRESS_LEFT = 20.0
DIN_ADDRESS_WIDTH = 85.0
DIN_ADDRESS_HEIGHT = 45.0
DIN_ENDORSEMENT_HEIGHT = 17.7
DIN_RECIPIENT_HEIGHT = 27.3
DIN_A_ADDRESS_TOP = 27.0
DIN_B_ADDRESS_TOP = 45.0
DIN_A_FOLD_MARKS = (87.0, 192.0)
DIN_B_FOLD_MARKS = (105.0, 210.0)
HOLE_MARK = 148.5
DIN_INFO_LEFT = 125.0
DIN_A_INFO_TOP = 32.0
DIN_B_INFO_TOP = 50.0
DIN_TEXT_LEFT = 25.0
DIN_TEXT_RIGHT = 20.0
DIN_A_BODY_TOP = 80.5   # first line of the subject, form A
DIN_B_BODY_TOP = 98.5   # first line of the subject, form B

# US #10 window envelope on US Letter
US10_LEFT = 0.5 * IN
US10_TOP = 2.042 * IN
US10_WIDTH = 3.5 * IN
US10_HEIGHT = 0.875 * IN
US10_ENDORSEMENT_HEIGHT = 0.3 * IN
US10_MARGIN = 0.75 * IN

# plain A4, addressed by hand
PLAIN_ADDRESS_LEFT = 25.0
PLAIN_ADDRESS_TOP = 36.0
PLAIN_ADDRESS_WIDTH = 95.0
PLAIN_ADDRESS_HEIGHT = 36.0
PLAIN_ENDORSEMENT_HEIGHT = 8.0

FOOTER_HEIGHT = 24.0     # company details at the bottom of every page
LATER_PAGE_TOP = 28.0    # body top on pages 2+
FOLD_MARK_LENGTH = 5.0
HOLE_MARK_LENGTH = 8.0


@dataclass(frozen=True)
class Rect:
    """A rectangle in mm, x from the left edge, y from the TOP edge."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def shifted(self, dx: float, dy: float) -> Rect:
        return replace(self, x=self.x + dx, y=self.y + dy)

    def to_points(self) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) in points, y from the top (as pdftotext -bbox reports)."""
        return (self.x * mm, self.y * mm, self.right * mm, self.bottom * mm)


@dataclass(frozen=True)
class Layout:
    key: str
    title: str
    page_mm: tuple[float, float]
    window: Rect | None          # the envelope window (None for plain)
    endorsement: Rect            # return line, "By registered mail", tracking number
    recipient: Rect              # recipient's name and address
    info: Rect                   # date / reference block
    body_top: float              # first page: top of the text frame
    margin_left: float
    margin_right: float
    fold_marks: tuple[float, ...] = ()
    hole_mark: float | None = None
    letterhead_height: float = 25.0

    @property
    def page_size(self) -> tuple[float, float]:
        """Page size in points for ReportLab."""
        return (self.page_mm[0] * mm, self.page_mm[1] * mm)

    @property
    def address_field(self) -> Rect:
        """The whole area (endorsement + recipient) that must be visible through the window."""
        return self.window or Rect(self.endorsement.x, self.endorsement.y, self.recipient.w,
                                   self.recipient.bottom - self.endorsement.y)


def _din(key: str, title: str, top: float, fold: tuple[float, float], info_top: float, body_top: float) -> Layout:
    return Layout(
        key=key, title=title, page_mm=A4_MM,
        window=Rect(DIN_ADDRESS_LEFT, top, DIN_ADDRESS_WIDTH, DIN_ADDRESS_HEIGHT),
        endorsement=Rect(DIN_ADDRESS_LEFT, top, DIN_ADDRESS_WIDTH, DIN_ENDORSEMENT_HEIGHT),
        recipient=Rect(DIN_ADDRESS_LEFT, top + DIN_ENDORSEMENT_HEIGHT, DIN_ADDRESS_WIDTH, DIN_RECIPIENT_HEIGHT),
        info=Rect(DIN_INFO_LEFT, info_top, A4_MM[0] - DIN_INFO_LEFT - DIN_TEXT_RIGHT, 40.0),
        body_top=body_top, margin_left=DIN_TEXT_LEFT, margin_right=DIN_TEXT_RIGHT,
        fold_marks=fold, hole_mark=HOLE_MARK, letterhead_height=top - 2.0,
    )


US10_RECIPIENT = Rect(US10_LEFT, US10_TOP, US10_WIDTH, US10_HEIGHT)

LAYOUTS: dict[str, Layout] = {
    "din-a": _din("din-a", "DIN 5008 form A (A4, DL window envelope)", DIN_A_ADDRESS_TOP, DIN_A_FOLD_MARKS,
                  DIN_A_INFO_TOP, DIN_A_BODY_TOP),
    "din-b": _din("din-b", "DIN 5008 form B (A4, DL window envelope)", DIN_B_ADDRESS_TOP, DIN_B_FOLD_MARKS,
                  DIN_B_INFO_TOP, DIN_B_BODY_TOP),
    "us10": Layout(
        key="us10", title="US #10 window envelope (US Letter)", page_mm=LETTER_MM,
        window=US10_RECIPIENT,
        endorsement=Rect(US10_LEFT, US10_TOP - US10_ENDORSEMENT_HEIGHT, US10_WIDTH, US10_ENDORSEMENT_HEIGHT),
        recipient=US10_RECIPIENT,
        info=Rect(4.6 * IN, US10_TOP - US10_ENDORSEMENT_HEIGHT, LETTER_MM[0] - 4.6 * IN - US10_MARGIN, 1.3 * IN),
        body_top=US10_TOP + US10_HEIGHT + 0.45 * IN, margin_left=US10_MARGIN, margin_right=US10_MARGIN,
        fold_marks=(11.0 / 3 * IN, 22.0 / 3 * IN), hole_mark=None, letterhead_height=1.5 * IN,
    ),
    "plain": Layout(
        key="plain", title="Plain A4 (envelope addressed by hand)", page_mm=A4_MM, window=None,
        endorsement=Rect(PLAIN_ADDRESS_LEFT, PLAIN_ADDRESS_TOP, PLAIN_ADDRESS_WIDTH, PLAIN_ENDORSEMENT_HEIGHT),
        recipient=Rect(PLAIN_ADDRESS_LEFT, PLAIN_ADDRESS_TOP + PLAIN_ENDORSEMENT_HEIGHT, PLAIN_ADDRESS_WIDTH,
                       PLAIN_ADDRESS_HEIGHT - PLAIN_ENDORSEMENT_HEIGHT),
        info=Rect(DIN_INFO_LEFT, PLAIN_ADDRESS_TOP, A4_MM[0] - DIN_INFO_LEFT - DIN_TEXT_RIGHT, 36.0),
        body_top=PLAIN_ADDRESS_TOP + PLAIN_ADDRESS_HEIGHT + 6.0, margin_left=DIN_TEXT_LEFT,
        margin_right=DIN_TEXT_RIGHT, letterhead_height=PLAIN_ADDRESS_TOP - 4.0,
    ),
}


def get_layout(key: str) -> Layout:
    try:
        return LAYOUTS[key]
    except KeyError:
        raise UserError(f"Unknown letter layout '{key}'. Choose one of: {', '.join(LAYOUTS)}.") from None


MAX_OFFSET_MM = 15.0


def check_offset(offset: tuple[float, float] | None) -> tuple[float, float]:
    dx, dy = offset or (0.0, 0.0)
    dx, dy = float(dx), float(dy)
    if abs(dx) > MAX_OFFSET_MM or abs(dy) > MAX_OFFSET_MM:
        raise UserError(
            f"The printer offset ({dx:g} mm, {dy:g} mm) is larger than {MAX_OFFSET_MM:g} mm. "
            "Print the calibration page again and measure the shift in millimetres."
        )
    return dx, dy


class Geometry:
    """Converts mm-from-top into ReportLab points-from-bottom with the printer offset applied."""

    def __init__(self, layout: Layout, offset: tuple[float, float] = (0.0, 0.0)):
        self.layout = layout
        self.dx, self.dy = check_offset(offset)
        self.page_w, self.page_h = layout.page_size

    def x(self, x_mm: float) -> float:
        return (x_mm + self.dx) * mm

    def y(self, y_mm_from_top: float) -> float:
        """Baseline/edge position in points from the bottom for a y measured in mm from the top."""
        return self.page_h - (y_mm_from_top + self.dy) * mm

    def rect(self, r: Rect) -> tuple[float, float, float, float]:
        """(x, y_bottom, w, h) in points for canvas.rect."""
        return (self.x(r.x), self.y(r.bottom), r.w * mm, r.h * mm)


__all__ = ["LAYOUTS", "Layout", "Rect", "Geometry", "get_layout", "check_offset", "inch", "mm"]
