"""The JSON API at /api/v1/: one router per app over the same services and selectors."""
