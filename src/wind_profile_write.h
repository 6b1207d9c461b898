/* Writing a wind profile in the renewcalc wind CSV format
 * (docs/wind-profile-formats.md), the format wind_profile_read() reads
 * back. */
#ifndef RENEWCALC_WIND_PROFILE_WRITE_H
#define RENEWCALC_WIND_PROFILE_WRITE_H

#include <stdio.h>

struct wind_profile;

/* Writes p to f: '#' comment lines (each of comment_lines, a
 * NULL-terminated array that may itself be NULL, free text that must not
 * start with a metadata key such as "source:"; line breaks in them become
 * spaces), then "# labelling: interval-start", latitude and longitude
 * when p has a location, elevation when p has one, "# source: ..." when
 * p->station is set; the header "time" followed, height by height in
 * ascending order, by speed_<h>m and the direction_<h>m, temperature_<h>m
 * and pressure_<h>m columns p has there (heights printed with up to 3
 * decimals, trailing zeros dropped: 80m, 10.5m); one row per interval:
 * its start in the profile's local standard time with its UTC offset
 * (2023-01-01T00:00+07:00), speed [m/s] and temperature [degC] with 2
 * decimals, direction [deg] with 1 decimal (a value that would print as
 * 360.0 is written 0.0), pressure in hPa with 2 decimals. Numbers are
 * formatted without the C library's locale-dependent conversions.
 * Returns 0, or -1 when a write fails (errno set by stdio). */
int wind_profile_write_csv(FILE *f, const struct wind_profile *p,
                           const char *const *comment_lines);

#endif
