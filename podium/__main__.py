"""``python -m podium``: the same command line as ``podium`` and ``python build.py``."""

from podium.cli import cli

if __name__ == "__main__":
    cli(prog_name="podium")
