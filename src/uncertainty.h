/* Energy yield uncertainty and exceedance levels (P50, P75, P90, P99) under
 * the normal approximation used in industry practice (Solargis, "How to
 * calculate P90 (or other Pxx) PV energy yield estimates"; DNV energy
 * assessments): P_p = P50 (1 - z_p sigma_N), with the interannual
 * variability averaged over an N-year horizon,
 * sigma_N = sqrt(sum sigma_other_i^2 + sigma_iav^2 / N).
 * Every sigma is a fraction of P50 (0.04 for 4 %), one standard deviation.
 * Typical values (docs/uncertainty-lcoe.md): PV sigma_iav 0.04 and
 * sigma_other 0.05; wind sigma_iav 0.10 and sigma_other 0.08.
 * A level p is the energy exceeded with probability p %: P90 < P50 < P10. */
#ifndef RENEWCALC_UNCERTAINTY_H
#define RENEWCALC_UNCERTAINTY_H

/* Combined one-sigma uncertainty of the mean yield over `years` years:
 * sqrt(sum_i sigma_other[i]^2 + sigma_iav^2 / years).
 * sigma_iav [-] >= 0, interannual variability of one year's energy;
 * sigma_other [-] n_other values >= 0 (model, long-term resource, losses,
 * ...), independent of each other and of the weather; may be NULL when
 * n_other is 0; years >= 1.
 * Returns sigma_N [-]. Pure. */
double unc_sigma_combined(double sigma_iav, const double *sigma_other, int n_other, int years);

/* Interannual variability measured on a multi-year record: the sample
 * standard deviation (n - 1 in the denominator) of n yearly energies over
 * their mean. energy [any unit] n values; n >= 2.
 * Returns sigma_iav [-], or -1 when n < 2 or the mean is not positive.
 * Pure. */
double unc_iav_from_years(const double *energy, int n);

/* Energy exceeded with probability p %: P50 (1 - z_p sigma), with
 * z_p = Phi^-1(p / 100) the standard normal quantile (z_90 = 1.28155...).
 * p50 [MWh, or any energy unit: the result has the same one];
 * sigma [-] >= 0 (unc_sigma_combined); p [%] in (0, 100).
 * Returns P_p; may be negative when z_p sigma > 1 (the normal
 * approximation no longer holds there). Pure. */
double unc_p_level(double p50, double sigma, double p);

/* Settings of the Monte Carlo check of the analytic levels. */
struct unc_mc {
  int samples;         /* number of simulated yields, >= 2 (100000 typical) */
  unsigned long seed;  /* seed of the GSL MT19937 generator; 0 means 4357 */
};

/* Exceedance levels by Monte Carlo. Each sample is a mean yield over
 * `years` years:
 *   P50 (1 + sum_i sigma_other[i] Z_i + sigma_iav (Y_1 + ... + Y_years) / years)
 * with all Z_i and Y_j independent standard normal deviates (gsl_ran_gaussian
 * on MT19937, drawn sample by sample: n_other Z's, then `years` Y's).
 * The level p is the (1 - p/100) quantile of the samples (linear
 * interpolation between order statistics, gsl_stats_quantile_from_sorted_data).
 * Its standard error is the asymptotic one of a sample quantile,
 *   sqrt(q (1 - q) / n) / f(x_q),  q = 1 - p/100,
 * with f the normal density of the analytic distribution
 * N(P50, (P50 sigma_N)^2): f(x_q) = phi(z_q) / (P50 sigma_N), so
 * SE = P50 sigma_N sqrt(q (1 - q) / n) / phi(z_q) (Serfling 1980, sec. 2.3).
 * p50 [MWh] >= 0; sigma_iav, sigma_other, n_other, years as in
 * unc_sigma_combined; mc: samples >= 2; levels_p [%] n_levels values in
 * (0, 100); out_mwh [MWh] n_levels values, filled; out_std_err_mwh [MWh]
 * n_levels values, filled, or NULL; work: samples doubles owned by the
 * caller, overwritten with the sorted samples.
 * The same seed and inputs give the same numbers on every run.
 * Returns 0, or -1 for an argument out of range or when the generator
 * cannot be allocated (outputs untouched). Pure (one allocation per call). */
int unc_monte_carlo(double p50, double sigma_iav, const double *sigma_other, int n_other,
                    int years, const struct unc_mc *mc, const double *levels_p, int n_levels,
                    double *out_mwh, double *out_std_err_mwh, double *work);

/* Exceedance curve for a chart: n points p = 1 .. 99 % evenly spaced
 * (p_i = 1 + 98 i / (n - 1); n = 99 gives P1, P2, ..., P99; n = 1 gives P50)
 * and the energy exceeded at each, unc_p_level(p50, sigma, p_i).
 * p50 [MWh]; sigma [-] >= 0; n >= 1; p_out [%] and mwh_out [MWh] n values,
 * caller-owned, filled. Pure. */
void unc_exceedance_curve(double p50, double sigma, int n, double *p_out, double *mwh_out);

/* Where a PV plant's resource data come from. The long-term mean of the
 * irradiation is as uncertain as its source: a station on the site, a
 * satellite model, a typical year or a year made from monthly means. */
enum unc_source {
  UNC_SOURCE_NOT_STATED, /* a plain CSV that says nothing of its origin */
  UNC_SOURCE_MEASURED,   /* on-site measurement */
  UNC_SOURCE_SATELLITE,  /* satellite-derived time series */
  UNC_SOURCE_TYPICAL,    /* typical meteorological year (TMY2, TMY3, EPW, PVGIS TMY) */
  UNC_SOURCE_SYNTHETIC,  /* synthetic hours from monthly means */
  UNC_SOURCE_COUNT
};

/* Key of a source as the site file and the JSON write it: "not_stated",
 * "measured", "satellite", "typical_year", "synthetic"; "" out of range. */
const char *unc_source_key(enum unc_source s);

/* Words for the text summary ("synthetic from monthly means", ...). */
const char *unc_source_words(enum unc_source s);

/* The source named by key (unc_source_key), or -1. */
int unc_source_parse(const char *key);

/* The source a profile's reader implies: format as struct profile gives it
 * ("tmy3", "csv", ...); synthetic 1 when the file carries the header of
 * renewcalc's synth command. Typical-year formats give UNC_SOURCE_TYPICAL,
 * PVGIS hourly series and NSRDB/SAM CSV UNC_SOURCE_SATELLITE, "synth" or
 * synthetic UNC_SOURCE_SYNTHETIC, anything else UNC_SOURCE_NOT_STATED.
 * Pure. */
enum unc_source unc_source_of_format(const char *format, int synthetic);

/* Default 1-sigma uncertainty of a PV yield other than the interannual
 * variability, by data source: sqrt(resource^2 + chain^2) with the chain
 * (transposition, module rating) 4 % and the resource part of the long-term
 * irradiation 3 % measured, 4 % satellite, 5 % typical year, 7.2 % synthetic
 * (docs/uncertainty-lcoe.md has each source); not stated takes the
 * measured value. Returns a fraction [-]. Pure. */
double unc_pv_other_default(enum unc_source s);

/* Largest combined sigma that keeps the level p (%, 50 < p < 100) above
 * zero: 1 / z_p (0.42986 for P99). Pure. */
double unc_sigma_limit(double p);

#endif
