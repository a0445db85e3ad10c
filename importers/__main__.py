"""``python -m importers <source> [--raw PATH] [--update-pin]``."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
