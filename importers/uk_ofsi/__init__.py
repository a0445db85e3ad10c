"""United Kingdom: the OFSI consolidated list of asset-freeze targets (2022 format, Excel)."""
