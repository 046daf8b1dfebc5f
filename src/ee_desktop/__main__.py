import sys

from ee_desktop.cli import main

sys.exit(main())
