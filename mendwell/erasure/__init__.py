"""Deleting: one item everywhere at once, or the whole account with its data key."""
