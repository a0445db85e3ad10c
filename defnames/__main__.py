"""``python -m defnames``: the same as the ``defnames`` command."""

import sys

from .cli import main

sys.exit(main())
