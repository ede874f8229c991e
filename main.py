"""Start AR Desktop (the window, or a command when one is given)."""

import sys

from ar_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
