"""Fill untranslated messages of the Chinese .ts without Qt Linguist.

    python scripts/ts_fill.py --list                      # print unfinished sources, one per line (TSV-escaped)
    python scripts/ts_fill.py --pairs FILE.tsv            # FILE: "context<TAB>source<TAB>translation" lines
    python scripts/ts_fill.py --from OTHER.ts             # take translations another .ts already has

Sources and translations in the TSV use \\n for a line break and \\t for a tab. A context of "*"
fills the source in every context. Then run scripts/update_translations.sh to compile the .qm.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "ar_desktop_zh_CN.ts"


def _esc(s: str) -> str:
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def _unesc(s: str) -> str:
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def _messages(root):
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            yield name, msg.findtext("source") or "", msg.find("translation")


def _done(t) -> bool:
    return t is not None and t.get("type") not in ("unfinished", "vanished", "obsolete") and bool((t.text or "").strip())


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ts", type=Path, default=TS)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--pairs", type=Path)
    ap.add_argument("--from", dest="other", type=Path)
    a = ap.parse_args(argv)
    tree = ET.parse(a.ts)
    root = tree.getroot()
    if a.list:
        for ctx, src, t in _messages(root):
            if not _done(t):
                print(f"{ctx}\t{_esc(src)}\t")
        return 0
    known: dict[tuple[str, str], str] = {}
    if a.other:
        for ctx, src, t in _messages(ET.parse(a.other).getroot()):
            if _done(t):
                known[(ctx, src)] = t.text
    if a.pairs:
        for line in a.pairs.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            ctx, src, tr = line.split("\t", 2)
            known[(ctx, _unesc(src))] = _unesc(tr)
    filled = 0
    for ctx, src, t in _messages(root):
        if _done(t) or t is None:
            continue
        tr = known.get((ctx, src)) or known.get(("*", src))
        if tr:
            t.text = tr
            t.attrib.pop("type", None)
            filled += 1
    ET.indent(tree, space="    ")
    with open(a.ts, "wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding="utf-8", xml_declaration=False)
    print(f"filled {filled} message(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
