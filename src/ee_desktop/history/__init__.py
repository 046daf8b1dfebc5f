"""The permanent-residence histories: who needs them, their window, gaps, overlaps and the
findings that contradict the rest of the file (no Qt, no database)."""
