#!/usr/bin/env python3
"""Podium's front door in a checkout: ``python build.py slides|handout|all|check|template …``.

The command line itself lives in :mod:`podium.cli`; the installed ``podium`` command and
``python -m podium`` run the same code, and so does a warm build server when one is running
(:mod:`podium.buildclient`).
"""

from podium.__main__ import main

if __name__ == "__main__":
    main("build.py")
