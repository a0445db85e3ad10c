"""China's countermeasure lists: MOFCOM's export-control control list and unreliable entity list,
the MFA's countermeasure (anti-sanctions) decisions."""
