"""``python -m defnames``: the same as the ``defnames`` command."""

import sys

from defnames.cli import main

sys.exit(main())
