"""Australia: the DFAT Consolidated List of persons and entities under sanctions (Excel)."""
