"""``python -m defnames.serve``: the same as ``defnames serve``."""

import sys

from .cli import build_parser, run

sys.exit(run(build_parser().parse_args()))
