"""The bundle's entry point: the same ``contactkeeper`` command as a checkout's.

PyInstaller freezes this script into ``ContactKeeper/contactkeeper``; everything it does is
:func:`contactkeeper.launch.main` (the desktop with no argument, else the command line),
except when the program starts itself to seal or open a backup with a passphrase
(:mod:`contactkeeper.exchange.age_child`, which imports nothing else).
"""

import multiprocessing
import sys

from contactkeeper.exchange import age_child

if __name__ == "__main__":
    if sys.argv[1:] == [age_child.CHILD_ARGUMENT]:  # sealing or opening a backup
        sys.exit(age_child.child_main())
    multiprocessing.freeze_support()  # a child process of a frozen program runs this file too

    from contactkeeper.launch import main

    sys.exit(main())
