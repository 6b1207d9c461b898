/* Writing a profile in the plain renewcalc profile CSV format
 * (docs/profile-csv.md), the format profile_read() reads back. */
#ifndef RENEWCALC_PROFILE_WRITE_H
#define RENEWCALC_PROFILE_WRITE_H

#include <stdio.h>

struct profile;

/* Writes p to f: '#' comment lines (each of comment_lines, a NULL-terminated
 * array that may itself be NULL, free text that must not start with a
 * metadata key such as "source:"; then "# labelling: interval-start", the
 * location when p has one and "# source: ..." when p->station is set), the
 * header "time,ghi,dni,dhi,temp_air,wind_speed,pressure" for the columns
 * present, and one row per interval: its start in the profile's local
 * standard time with its UTC offset (2023-01-01T00:00+07:00), irradiance
 * [W/m2], temperature [degC] and wind speed [m/s] with 2 decimals,
 * pressure in hPa with 2 decimals. Numbers are formatted without the C
 * library's locale-dependent conversions. Returns 0, or -1 when a write
 * fails (errno set by stdio). */
int profile_write_csv(FILE *f, const struct profile *p,
                      const char *const *comment_lines);

#endif
