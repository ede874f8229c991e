"""The command line: the same services as the window, no display needed.

Exit code 0 on success; otherwise a one-line reason on stderr and a non-zero code.
Each module here registers its subcommands when imported.
"""

from ar_desktop.cli import core  # noqa: F401  (registers commands)
from ar_desktop.cli import collections  # noqa: F401,I001  (registers commands)
from ar_desktop.cli import company  # noqa: F401,I001  (registers commands)
from ar_desktop.cli import credit  # noqa: F401,I001  (registers commands)
from ar_desktop.cli import data  # noqa: F401,I001  (registers commands)
from ar_desktop.cli import letters  # noqa: F401,I001  (registers commands)
from ar_desktop.cli import payments  # noqa: F401,I001  (registers commands)
from ar_desktop.cli import reports  # noqa: F401,I001  (registers commands)
from ar_desktop.cli.base import build_parser, run

__all__ = ["build_parser", "run"]
