"""The text modules as they were before the speed work (commit 1 of the text stage): the reference
that tests/text/test_same_outputs.py compares the fast code with."""
