/* From interval power to the figures people cite: monthly and annual
 * energy, the average day of each month, lifetime energy with degradation,
 * and P-levels of annual energy. Pure. */
#ifndef RENEWCALC_AGGREGATE_H
#define RENEWCALC_AGGREGATE_H

#include <stddef.h>
#include <stdint.h>

/* Local calendar month (0..11) and hour (0..23) of every interval start,
 * for time labels t_utc [s] shifted by utc_offset_h. Fills month[n], hour[n]. */
void agg_local_calendar(size_t n, const int64_t *t_utc, double utc_offset_h,
                        unsigned char *month, unsigned char *hour);

/* Energy by local month [MWh] from power p_kw over intervals of interval_s
 * seconds. out_mwh[12] is overwritten. Returns the total [MWh]. */
double agg_monthly_mwh(size_t n, const unsigned char *month, const double *p_kw,
                       int interval_s, double out_mwh[12]);

/* Mean power [MW] by local month and hour: out_mw[m][h]; an hour with no
 * intervals gets 0. */
void agg_average_day_mw(size_t n, const unsigned char *month, const unsigned char *hour,
                        const double *p_kw, double out_mw[12][24]);

/* Energy of operating year y (1-based) with compounded degradation:
 * first_year_mwh (1 - d)^(y - 1). Writes years values to per_year_mwh
 * (may be NULL) and returns their sum. d: fraction per year 0..1. */
double agg_lifetime_mwh(double first_year_mwh, double d, int years, double *per_year_mwh);

/* Standard normal quantile for exceedance level Pp, 50 <= p < 100: the z
 * with P(Z < z) = p/100 (1.2816 for P90), so Pp = P50 (1 - z sigma). */
double agg_z_for_exceedance(double p);

#endif
