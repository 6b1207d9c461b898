/* From interval power to the figures people cite: monthly and annual
 * energy, the average day of each month, lifetime energy with degradation,
 * calendar-year energies of multi-year records. Pure. */
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

/* Energy of every complete local calendar year [MWh], in time order, from
 * power p_kw over intervals of interval_s seconds labelled t_utc [s],
 * shifted by utc_offset_h. A year is complete when its intervals cover
 * all of it (at most one interval missing); partial years at either end,
 * and the months of a typical year taken from different years, are left
 * out. Writes at most max_years values to out_mwh. Returns the number of
 * complete years (possibly more than max_years, of which only the first
 * max_years are written). */
int agg_calendar_year_mwh(size_t n, const int64_t *t_utc, double utc_offset_h, int interval_s,
                          const double *p_kw, int max_years, double *out_mwh);

/* Mean power [MW] by local month and hour: out_mw[m][h]; an hour with no
 * intervals gets 0. */
void agg_average_day_mw(size_t n, const unsigned char *month, const unsigned char *hour,
                        const double *p_kw, double out_mw[12][24]);

/* DC output kept in operating year (1-based) with degradation d per year
 * (fraction, 0..0.05): linear 1 - d (year - 1), or compounded
 * (1 - d)^(year - 1). Year 1 is undegraded. Never below 0. */
double agg_degradation_factor(double d, int year, int linear);

/* Quadratic through three points (x0, y0), (x1, y1), (x2, y2) with
 * distinct x, evaluated at x. */
double agg_quadratic(double x0, double y0, double x1, double y1, double x2, double y2,
                     double x);

/* Share [%] of the n values v in bins of width starting at 0: bin i holds
 * [i w, (i + 1) w); values beyond the last bin count in the last. Writes
 * nbins values to share_pct. */
void agg_histogram(size_t n, const double *v, double width, int nbins, double *share_pct);

/* Wind rose: share [%] of the n hours by direction sector (nsectors,
 * centred on north, 360/nsectors wide) and speed class (class c holds
 * speeds from edge[c] to edge[c + 1], the last class everything above
 * edge[nclasses - 1]). share_pct[c * nsectors + s]. */
void agg_wind_rose(size_t n, const double *dir_deg, const double *v, int nsectors,
                   const double *edge, int nclasses, double *share_pct);

#endif
