/* Span of a resource profile: a year's figures come from at least a whole
 * year of data, or from a shorter profile only when the site file asks for
 * it (plants[i].annualise), so that no stretched day or month is printed as
 * a year without saying so. */
#ifndef RENEWCALC_PROFILE_SPAN_H
#define RENEWCALC_PROFILE_SPAN_H

#include <stddef.h>

struct diag;

/* Shortest profile taken as a year without annualisation [days]: 365, a
 * whole non-leap year. No tolerance: a year missing a day is annualised
 * only on request, and then says so. */
#define PROFILE_SPAN_YEAR_DAYS 365.0

/* Days of data in n intervals of interval_s seconds: n x interval_s, the
 * duration the annual figures are scaled from. */
double profile_span_days(size_t n, int interval_s);

/* Writes days for a message: whole days as "364", else two decimals with
 * trailing zeros dropped ("0.08", "182.5"). buf of size >= 32. */
void profile_span_days_text(char *buf, size_t size, double days);

/* 0 when the profile at path (n intervals of interval_s s) covers at least
 * PROFILE_SPAN_YEAR_DAYS, or when annualise is set; else adds
 * "PATH: expected at least one year of data ..." to d and returns -1. */
int profile_span_check(const char *path, size_t n, int interval_s, int annualise,
                       struct diag *d);

/* Days a plant's figures are annualised from: the span when it is shorter
 * than a year and annualise is set, else 0 (the figures are a year's). */
double profile_span_annualised_days(size_t n, int interval_s, int annualise);

#endif
