"""New moons and the December solstice by Meeus's series, and the Lunar New Year they place."""

from __future__ import annotations

import datetime as dt
import math

# Meeus, Astronomical Algorithms (2nd ed.), chapter 49: the periodic terms of a true new moon, in
# days, as (coefficient, power of E, multiples of M, M', F, Omega). The planetary terms (under a
# minute together) are left out: a day is what is wanted.
_TERMS = (
    (-0.40720, 0, 0, 1, 0, 0), (0.17241, 1, 1, 0, 0, 0), (0.01608, 0, 0, 2, 0, 0),
    (0.01039, 0, 0, 0, 2, 0), (0.00739, 1, -1, 1, 0, 0), (-0.00514, 1, 1, 1, 0, 0),
    (0.00208, 2, 2, 0, 0, 0), (-0.00111, 0, 0, 1, -2, 0), (-0.00057, 0, 0, 1, 2, 0),
    (0.00056, 1, 1, 2, 0, 0), (-0.00042, 0, 0, 3, 0, 0), (0.00042, 1, 1, 0, 2, 0),
    (0.00038, 1, 1, 0, -2, 0), (-0.00024, 1, -1, 2, 0, 0), (-0.00017, 0, 0, 0, 0, 1),
    (-0.00007, 0, 2, 1, 0, 0), (0.00004, 0, 0, 2, -2, 0), (0.00004, 0, 3, 0, 0, 0),
    (0.00003, 0, 1, 1, -2, 0), (0.00003, 0, 0, 2, 2, 0), (-0.00003, 0, 1, 1, 2, 0),
    (0.00003, 0, -1, 1, 2, 0), (-0.00002, 0, -1, 1, -2, 0), (-0.00002, 0, 1, 3, 0, 0),
    (0.00002, 0, 0, 4, 0, 0),
)
_JD_UNIX = 2440587.5  # the Julian day of 1970-01-01 00:00 UT
_DELTA_T = 70 / 86400  # terrestrial minus universal time, about 70 s in this century
_BEIJING = 8 / 24  # the Chinese calendar counts days at UTC+8


def new_moon(k: int) -> float:
    """Julian ephemeris day of new moon number `k` counted from the one of 2000-01-06."""
    t = k / 1236.85
    jde = (2451550.09766 + 29.530588861 * k + 0.00015437 * t**2 - 0.000000150 * t**3
           + 0.00000000073 * t**4)
    e = 1 - 0.002516 * t - 0.0000074 * t**2
    m = math.radians(2.5534 + 29.10535670 * k - 0.0000014 * t**2 - 0.00000011 * t**3)
    mp = math.radians(201.5643 + 385.81693528 * k + 0.0107582 * t**2 + 0.00001238 * t**3
                      - 0.000000058 * t**4)
    f = math.radians(160.7108 + 390.67050284 * k - 0.0016118 * t**2 - 0.00000227 * t**3
                     + 0.000000011 * t**4)
    om = math.radians(124.7746 - 1.56375588 * k + 0.0020672 * t**2 + 0.00000215 * t**3)
    for coef, power, a, b, c, d in _TERMS:
        jde += coef * e**power * math.sin(a * m + b * mp + c * f + d * om)
    return jde


def new_moon_day(k: int, offset_days: float = _BEIJING) -> dt.date:
    """The civil day, at UTC + `offset_days`, of new moon number `k`."""
    return _day(new_moon(k), offset_days)


def december_solstice(year: int) -> float:
    """Julian ephemeris day of the December solstice of `year`, Meeus's mean value (chapter 27,
    within half an hour: the periodic terms are left out)."""
    if year < 1000:
        raise ValueError(f"no solstice series before the year 1000: {year}")
    if year < 2000:
        y = year / 1000
        return 1721414.39987 + 365242.88257 * y - 0.00769 * y**2 - 0.00933 * y**3 - 0.00006 * y**4
    y = (year - 2000) / 1000
    return 2451900.05952 + 365242.74049 * y - 0.06223 * y**2 - 0.00823 * y**3 + 0.00032 * y**4


def _day(jde: float, offset_days: float = _BEIJING) -> dt.date:
    return dt.date(1970, 1, 1) + dt.timedelta(days=math.floor(jde - _DELTA_T - _JD_UNIX + offset_days))


def lunar_new_year(year: int) -> dt.date:
    """The Chinese New Year of `year`, as Beijing counts days: the eleventh month is the one holding
    the December solstice, and the new year starts two new moons after it (1985: the new moon of
    the solstice's own day opened the eleventh month, the year began on February 20), or three when
    a leap month follows the eleventh and the second falls before January 21 (2034)."""
    solstice = _day(december_solstice(year - 1))
    k = math.floor((year - 1 + 350 / 365.25 - 2000) * 12.3685) - 2
    while new_moon_day(k + 1) <= solstice:
        k += 1
    start = new_moon_day(k + 2)  # k: the new moon on or before the solstice's day
    return start if start >= dt.date(year, 1, 21) else new_moon_day(k + 3)
