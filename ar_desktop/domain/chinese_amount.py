"""Amounts in Chinese capital numerals (大写金额), as written on cheques, invoices and demand letters.

Rules (PBOC 《支付结算办法》 conventions):
- the integer part is read in groups of four digits (个/万/亿/万亿);
- inside the number, one 零 stands for any run of zeros between two non-zero digits
  (1001 → 壹仟零壹元, 10005 → 壹万零伍元, 100010000 → 壹亿零壹万元);
- tens are always written with a leading 壹 (10 → 壹拾元);
- 整 follows 元 when there are no 角/分; when 角 is zero but 分 is not, 零 is written
  between 元 and 分 (1.05 → 壹元零伍分); no 整 after 角 or 分;
- amounts below one yuan have no 元 part (0.05 → 伍分, 0.50 → 伍角);
- the amount is rounded half-up to 分 first; a negative amount is prefixed with 负.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, translate

DIGITS = "零壹贰叁肆伍陆柒捌玖"
_IN_GROUP = ("仟", "佰", "拾", "")
_GROUPS = ("", "万", "亿", "万亿")
MAX_CHINESE_AMOUNT = Decimal("9999999999999999.99")


def _group_text(value: int) -> str:
    """0 < value < 10000 → e.g. 1010 → 壹仟零壹拾 (leading zeros dropped, inner zeros → one 零)."""
    digits = f"{value:04d}"
    out: list[str] = []
    pending_zero = False
    started = False
    for d, unit in zip(digits, _IN_GROUP, strict=True):
        n = int(d)
        if n == 0:
            if started:
                pending_zero = True
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(DIGITS[n] + unit)
        started = True
    return "".join(out)


def _integer_text(value: int) -> str:
    if value == 0:
        return ""
    groups: list[int] = []
    while value:
        groups.append(value % 10000)
        value //= 10000
    out: list[str] = []
    zero_gap = False
    for idx in range(len(groups) - 1, -1, -1):
        g = groups[idx]
        if g == 0:
            if out:
                zero_gap = True
            continue
        if out and (zero_gap or g < 1000):
            out.append("零")
        out.append(_group_text(g) + _GROUPS[idx])
        zero_gap = False
    return "".join(out)


def chinese_amount(value: Decimal | int | str) -> str:
    """Decimal('1234.56') → '壹仟贰佰叁拾肆元伍角陆分'; Decimal('100') → '壹佰元整'."""
    try:
        amount = Decimal(str(value)) if not isinstance(value, Decimal) else value
    except InvalidOperation:
        raise UserError(Text(translate("Messages", "'{value}' is not an amount; it cannot be written in "
                                                   "Chinese capitals."), value=value)) from None
    if not amount.is_finite():
        raise UserError(Text(translate("Messages", "'{value}' is not an amount; it cannot be written in "
                                                   "Chinese capitals."), value=value))
    if abs(amount) > MAX_CHINESE_AMOUNT:
        raise UserError(Text(translate("Messages", "The amount {amount} is too large to be written in "
                                                   "Chinese capitals."), amount=amount))
    amount = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if abs(amount) > MAX_CHINESE_AMOUNT:
        raise UserError(Text(translate("Messages", "The amount {amount} is too large to be written in "
                                                   "Chinese capitals."), amount=amount))
    sign = "负" if amount < 0 else ""
    cents = int(abs(amount) * 100)
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    if yuan == 0 and rest == 0:
        return "零元整"
    parts: list[str] = []
    if yuan:
        parts.append(_integer_text(yuan) + "元")
        if rest == 0:
            parts.append("整")
        elif jiao == 0:
            parts.append("零" + DIGITS[fen] + "分")
        else:
            parts.append(DIGITS[jiao] + "角")
            if fen:
                parts.append(DIGITS[fen] + "分")
    else:
        if jiao:
            parts.append(DIGITS[jiao] + "角")
        if fen:
            parts.append(DIGITS[fen] + "分")
    return sign + "".join(parts)
