"""Account security: your sessions and devices, re-authentication, shared-device sign-in and security alerts."""
