"""Business rules in plain Python: no Qt, no SQL, no PDF library."""
