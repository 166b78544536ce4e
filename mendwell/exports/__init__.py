"""Your data, yours to take: a zip of everything you wrote (JSON and Markdown), and importing it again."""
