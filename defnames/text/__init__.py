"""Text-level mechanisms for matching names across scripts, inflections and descriptor words."""
