/* Plausibility check of measured global horizontal irradiance against a
 * clear-sky model (for example clearsky_ineichen()): intervals where GHI
 * stands well above the clear-sky value point to a sensor or time-stamp
 * problem, or to a clear-sky model with a turbidity too high for the site.
 *
 * The margin: an interval is flagged when
 *     GHI > SKY_CHECK_RATIO * GHI_clear + SKY_CHECK_OFFSET_WM2
 *         = 1.1 * GHI_clear + 50 W/m2.
 * GHI may legitimately exceed clear sky: near the edges of cumulus clouds
 * the sun is unobstructed while the clouds add reflected diffuse light
 * ("cloud enhancement"), which lifts 1-minute GHI by tens of per cent
 * above the clear-sky value for seconds to minutes (C. A. Gueymard, "Cloud
 * and albedo enhancement impacts on solar irradiance using high-frequency
 * measurements from thermopile and photodiode radiometers", Parts 1 and 2,
 * Solar Energy, 2017). Over an hour the excursions average out, so
 * hourly means rarely stand more than a few per cent above clear sky; the
 * 10 % allows for that and for the error of the clear-sky model at a
 * typical turbidity, and the 50 W/m2 for its larger relative error with
 * the sun low, where both values are small. The margin suits hourly data;
 * 1-minute data need a wider one (pass it to sky_check_count_above()). */
#ifndef RENEWCALC_SKY_CHECK_H
#define RENEWCALC_SKY_CHECK_H

#include <stddef.h>

#define SKY_CHECK_RATIO 1.1
#define SKY_CHECK_OFFSET_WM2 50.0

/* 1 when ghi_wm2 > ratio * ghi_clear_wm2 + offset_wm2, else 0 (also when
 * either value is NaN: a missing value is not an excursion).
 * ghi_wm2, ghi_clear_wm2 [W/m2]; ratio >= 1; offset_wm2 [W/m2] >= 0. Pure. */
int sky_check_above(double ghi_wm2, double ghi_clear_wm2, double ratio,
                    double offset_wm2);

/* Number of intervals i in 0..n-1 where sky_check_above(ghi_wm2[i],
 * ghi_clear_wm2[i], ratio, offset_wm2) is 1. flags, when not NULL, gets
 * n entries of 0 or 1 (caller-owned). Pure. */
size_t sky_check_count_above(const double *ghi_wm2, const double *ghi_clear_wm2,
                             size_t n, double ratio, double offset_wm2,
                             unsigned char *flags);

/* sky_check_count_above() with the hourly margin SKY_CHECK_RATIO and
 * SKY_CHECK_OFFSET_WM2 above. */
size_t sky_check_count_above_clear(const double *ghi_wm2,
                                   const double *ghi_clear_wm2, size_t n,
                                   unsigned char *flags);

#endif
