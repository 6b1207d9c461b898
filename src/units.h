/* Unit conversions shared by every layer; header-only. */
#ifndef RENEWCALC_UNITS_H
#define RENEWCALC_UNITS_H

#include <math.h>

#define UNITS_PI 3.14159265358979323846

static inline double deg2rad(double deg) { return deg * (UNITS_PI / 180.0); }
static inline double rad2deg(double rad) { return rad * (180.0 / UNITS_PI); }

/* Seconds in an hour and in a day. */
#define UNITS_S_PER_H 3600.0
#define UNITS_S_PER_DAY 86400.0

/* Standard atmosphere at sea level [Pa]. */
#define UNITS_P0_PA 101325.0

#endif
