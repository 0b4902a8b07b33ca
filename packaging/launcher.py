"""The bundle's entry point: the same ``contactkeeper`` command as a checkout's.

PyInstaller freezes this script into ``ContactKeeper/contactkeeper``; everything it does is
:func:`contactkeeper.launch.main` (the desktop with no argument, else the command line).
"""

import multiprocessing
import sys

from contactkeeper.launch import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a child process of a frozen program runs this file too
    sys.exit(main())
