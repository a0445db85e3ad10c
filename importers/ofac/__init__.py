"""The US Treasury OFAC lists (SDN list in its CSV format: sdn.csv, alt.csv, add.csv)."""
