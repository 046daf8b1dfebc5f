"""`python -m ee_desktop.cli`: the same as `ee-desktop`."""

import sys

from ee_desktop.cli import main

sys.exit(main())
