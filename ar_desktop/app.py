"""Composition root: a subcommand runs headless; otherwise the window starts."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from ar_desktop import cli

    parser = cli.build_parser()
    args, _rest = parser.parse_known_args(argv)
    if args.command:
        return cli.run(argv, parser)   # the parser built once (60 subcommands: tens of ms)
    from ar_desktop.ui.application import run_gui

    return run_gui(argv, open_path=args.open or args.db)


if __name__ == "__main__":
    sys.exit(main())
