"""``python -m podium`` and the installed ``podium`` command (``build.py`` runs :func:`main` too).

A building command goes to the warm build server when one is running (:mod:`podium.buildclient`);
otherwise, and for every other command, the command line runs in this process.
"""

import os
import sys

from podium.buildclient import served


def main(prog_name: str = "podium") -> None:
    """Run the command line of ``sys.argv`` (in the build server when it can)."""
    status = served(sys.argv[1:], prog_name)
    if status is not None:
        sys.exit(status)
    try:
        from podium.cli import cli  # noqa: PLC0415 (only when no server ran the command)
    except ModuleNotFoundError as e:  # the command line's own libraries (click…) are not installed here
        from podium.dependencies import missing_message  # noqa: PLC0415

        message = missing_message(e)
        if message is None or os.environ.get("PODIUM_DEBUG"):
            raise
        sys.exit(f"Error: {message} [setup]")
    cli(prog_name=prog_name)


if __name__ == "__main__":
    main()
