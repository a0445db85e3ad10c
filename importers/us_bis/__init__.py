"""US export-control and DoD lists (BIS Entity List and Military End-User List, DoD 1260H)."""
