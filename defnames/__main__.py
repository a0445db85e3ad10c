"""``python -m defnames``: the same as the ``defnames`` command."""

import sys

from defnames.cli.main import main

sys.exit(main())
