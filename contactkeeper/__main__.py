"""``python -m contactkeeper``: the same as the ``contactkeeper`` command."""

import sys

from contactkeeper.launch import main

sys.exit(main())
