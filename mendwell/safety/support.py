"""Which support lines to show a person: their country, chosen or guessed."""

from __future__ import annotations

from django.http import HttpRequest

from mendwell.safety.countries import country_from_accept_language, country_from_time_zone
from mendwell.safety.forms import CountryForm
from mendwell.safety.resources import DIRECTORY, Country, directory


def _country_code(request: HttpRequest) -> str | None:
    chosen = request.GET.get("country", "").upper()[:4]
    if chosen:
        return chosen
    user = request.user
    if user.is_authenticated:
        return user.country or country_from_time_zone(user.time_zone)
    return country_from_accept_language(request.headers.get("Accept-Language", ""))


def support_context(request: HttpRequest) -> dict[str, object]:
    return _lines_context(directory().for_country(_country_code(request)))


def _lines_context(country: Country) -> dict[str, object]:
    return {
        "country": country,
        "crisis_lines": country.lines_of("crisis"),
        "abuse_lines": country.lines_of("abuse"),
        "other_lines": country.lines_of("support") + country.lines_of("emergency"),
        "country_form": CountryForm(initial={"country": country.code}),
    }


def professional_help_context(request: HttpRequest) -> dict[str, object]:
    """The support lines plus where to find a counsellor, for the same country."""
    country = directory().for_country(_country_code(request))
    return {**_lines_context(country), "directories": country.lines_of(DIRECTORY)}
