/* Gregorian calendar arithmetic on day counts, without the C library's
 * time functions (no locale, no time zone, fast enough for every interval
 * of a series). Algorithms after H. Hinnant, "chrono-Compatible Low-Level
 * Date Algorithms" (days_from_civil / civil_from_days). */
#ifndef RENEWCALC_CALENDAR_H
#define RENEWCALC_CALENDAR_H

#include <stdint.h>

/* Days from 1970-01-01 to year-month-day (month 1..12, day 1..31). */
int64_t calendar_days_from_civil(int year, int month, int day);

/* Year, month (1..12) and day (1..31) of day z counted from 1970-01-01. */
void calendar_civil_from_days(int64_t z, int *year, int *month, int *day);

/* Days in month (1..12) of year; 0 for a month outside 1..12. */
int calendar_days_in_month(int year, int month);

/* Day of year, 1..366, of day z counted from 1970-01-01. */
int calendar_day_of_year(int64_t z);

/* Floor division of seconds into days: the day of unix time t [s]. */
static inline int64_t calendar_day_of(int64_t t)
{
  return t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
}

#endif
