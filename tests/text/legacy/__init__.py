"""The text modules as they were before the speed work: the reference that
tests/text/test_same_outputs.py compares the fast code with.

Only the algorithms are old: the rule tables (skeleton rules, script blocks, letter languages,
place and genitive endings) and the concept table are imported from the current code, so tuning a
rule does not touch these files.  A change of behaviour on purpose (not of a table) has to be made
here as well, or this reference retired.
"""
