"""``python -m contactkeeper``: the same as the ``contactkeeper`` command."""

import sys

from contactkeeper.cli import main

sys.exit(main())
