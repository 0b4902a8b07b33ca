"""The speed suite: a generator of a large synthetic vault, and the runner that measures it."""
