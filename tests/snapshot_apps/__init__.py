"""Apps and helpers for the snapshot and Pilot tests of the reader shell."""
