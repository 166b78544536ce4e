"""A browser's family and system in plain words, from its user-agent string.

Deliberately simple: a person needs to tell "Firefox on Android" from "Safari
on a Mac", not a version number. Order matters, because most browsers claim
to be several others (every Chromium browser says "Safari", Edge says
"Chrome"). Pure Python, no lookups, nothing stored.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

# (marker in the user agent, name shown): the first marker found wins.
_BROWSERS = (
    ("Edg/", "Edge"),
    ("EdgA/", "Edge"),
    ("EdgiOS/", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Vivaldi/", "Vivaldi"),
    ("FxiOS/", "Firefox"),
    ("Firefox/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
)
_SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("CrOS", "ChromeOS"),
    ("Windows", "Windows"),
    ("Macintosh", "a Mac"),
    ("Mac OS X", "a Mac"),
    ("Linux", "Linux"),
)


def browser_family(user_agent: str) -> str:
    """E.g. "Firefox on Android"; "Unknown browser" when nothing is recognised."""
    browser = next((name for marker, name in _BROWSERS if marker in user_agent), None)
    system = next((name for marker, name in _SYSTEMS if marker in user_agent), None)
    if browser and system:
        return _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    if browser:
        return browser
    if system:
        return _("A browser on %(system)s") % {"system": system}
    return _("Unknown browser")
