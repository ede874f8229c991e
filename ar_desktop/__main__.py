import sys

from ar_desktop.app import main

sys.exit(main())
