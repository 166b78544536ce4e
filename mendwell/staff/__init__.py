"""What the operator can do: metadata-only admin and an audit log of every staff action the person can see."""
