"""The standalone app's entry point: the same as the `ee-desktop` command.

With no arguments it opens the window; with a command or `--self-test` it runs that.
"""

import sys

from ee_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
