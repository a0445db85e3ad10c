"""The ``defnames`` command line: :func:`main` (see :mod:`defnames.cli.app`)."""

from defnames.cli.app import main

__all__ = ["main"]
