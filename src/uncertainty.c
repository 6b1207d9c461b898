/* Exceedance levels of the yield under the normal approximation
 * (Solargis P90 note; DNV practice) and their Monte Carlo check. The
 * standard error of a Monte Carlo quantile is the asymptotic one of a
 * sample quantile (R. J. Serfling, "Approximation Theorems of Mathematical
 * Statistics", Wiley 1980, sec. 2.3). docs/uncertainty-lcoe.md has the
 * formulas and conventions. */
#include "uncertainty.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

double unc_iav_from_years(const double *energy, int n)
{
  if (n < 2)
    return -1.0;
  double mean = gsl_stats_mean(energy, 1, (size_t)n);
  if (!(mean > 0.0))
    return -1.0;
  return gsl_stats_sd_m(energy, 1, (size_t)n, mean) / mean;
}

double unc_sigma_combined(double sigma_iav, const double *sigma_other, int n_other, int years)
{
  double var = sigma_iav * sigma_iav / years;
  for (int i = 0; i < n_other; i++)
    var += sigma_other[i] * sigma_other[i];
  return sqrt(var);
}

double unc_p_level(double p50, double sigma, double p)
{
  return p50 * (1.0 - gsl_cdf_ugaussian_Pinv(p / 100.0) * sigma);
}

static int valid_sigma(double s)
{
  return isfinite(s) && s >= 0.0;
}

static int mc_args_ok(double p50, double sigma_iav, const double *sigma_other, int n_other,
                      int years, const struct unc_mc *mc, const double *levels_p, int n_levels,
                      const double *out_mwh, const double *work)
{
  if (!mc || !out_mwh || !work || !levels_p || n_levels < 1 || mc->samples < 2)
    return 0;
  if (!isfinite(p50) || p50 < 0.0 || !valid_sigma(sigma_iav) || years < 1 || n_other < 0)
    return 0;
  if (n_other > 0 && !sigma_other)
    return 0;
  for (int i = 0; i < n_other; i++)
    if (!valid_sigma(sigma_other[i]))
      return 0;
  for (int k = 0; k < n_levels; k++)
    if (!(levels_p[k] > 0.0 && levels_p[k] < 100.0))
      return 0;
  return 1;
}

int unc_monte_carlo(double p50, double sigma_iav, const double *sigma_other, int n_other,
                    int years, const struct unc_mc *mc, const double *levels_p, int n_levels,
                    double *out_mwh, double *out_std_err_mwh, double *work)
{
  if (!mc_args_ok(p50, sigma_iav, sigma_other, n_other, years, mc, levels_p, n_levels, out_mwh,
                  work))
    return -1;
  gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
  if (!rng)
    return -1;
  gsl_rng_set(rng, mc->seed);

  /* Drawing every year's deviate (rather than one deviate scaled by
   * 1/sqrt(years)) lets the check confirm the sigma_iav^2 / N averaging. */
  size_t n = (size_t)mc->samples;
  for (size_t s = 0; s < n; s++) {
    double rel = 0.0, iav_sum = 0.0;
    for (int i = 0; i < n_other; i++)
      rel += sigma_other[i] * gsl_ran_gaussian(rng, 1.0);
    for (int y = 0; y < years; y++)
      iav_sum += gsl_ran_gaussian(rng, 1.0);
    rel += sigma_iav * iav_sum / years;
    work[s] = p50 * (1.0 + rel);
  }
  gsl_rng_free(rng);
  gsl_sort(work, 1, n);

  double sigma_mwh = p50 * unc_sigma_combined(sigma_iav, sigma_other, n_other, years);
  for (int k = 0; k < n_levels; k++) {
    double q = 1.0 - levels_p[k] / 100.0;
    out_mwh[k] = gsl_stats_quantile_from_sorted_data(work, 1, n, q);
    if (out_std_err_mwh) {
      /* density of N(P50, sigma_mwh^2) at its q quantile is phi(z_q) / sigma_mwh */
      double z = gsl_cdf_ugaussian_Pinv(q);
      double phi = gsl_ran_ugaussian_pdf(z);
      out_std_err_mwh[k] = sigma_mwh * sqrt(q * (1.0 - q) / (double)n) / phi;
    }
  }
  return 0;
}

void unc_exceedance_curve(double p50, double sigma, int n, double *p_out, double *mwh_out)
{
  for (int i = 0; i < n; i++) {
    double p = n == 1 ? 50.0 : 1.0 + 98.0 * i / (n - 1);
    p_out[i] = p;
    mwh_out[i] = unc_p_level(p50, sigma, p);
  }
}

/* Parts of the default other uncertainty of PV, 1 sigma. The chain: the
 * plane-of-array irradiation 3 % and module rating 3 % of Thevenard and
 * Pelland (Solar Energy 91, 2013, 432-445), 4.2 % combined, taken as 4 %,
 * so that measured data keep renewcalc's earlier 5 % in all. */
#define UNC_PV_CHAIN 0.04
/* The long-term irradiation by source:
 * measured: WMO Guide to Instruments and Methods of Observation (WMO-No. 8),
 *   pyranometers, daily totals 2 % (high quality) to 5 % (good quality) at
 *   95 %, i.e. 1 to 2.5 % one sigma, 3 % with a site station's upkeep;
 * satellite: Solargis validation, GHI bias sd 2.9 % over 235 stations and
 *   4 to 8 % at 80 % elsewhere (3.1 to 6.2 % one sigma), taken as 4 %;
 * typical year: the 5 % of Thevenard and Pelland for the long-term average
 *   horizontal insolation;
 * synthetic: Meteonorm's interpolated yearly irradiation, RMSE about 6 %,
 *   with 4 % for hours made from monthly means (PVsyst: a diffuse part from
 *   monthly global adds 1 to 4 %), sqrt(6^2 + 4^2) = 7.2 %. */
static const double resource_sigma[UNC_SOURCE_COUNT] = {
  [UNC_SOURCE_NOT_STATED] = 0.03, [UNC_SOURCE_MEASURED] = 0.03,
  [UNC_SOURCE_SATELLITE] = 0.04,  [UNC_SOURCE_TYPICAL] = 0.05,
  [UNC_SOURCE_SYNTHETIC] = 0.072111025509279784, /* sqrt(0.0052) */
};

static const char *const source_keys[UNC_SOURCE_COUNT] = {
  "not_stated", "measured", "satellite", "typical_year", "synthetic"
};

static const char *const source_words[UNC_SOURCE_COUNT] = {
  "not stated", "on-site measurement", "satellite time series", "typical meteorological year",
  "synthetic from monthly means"
};

const char *unc_source_key(enum unc_source s)
{
  return (unsigned)s < UNC_SOURCE_COUNT ? source_keys[s] : "";
}

const char *unc_source_words(enum unc_source s)
{
  return (unsigned)s < UNC_SOURCE_COUNT ? source_words[s] : "";
}

int unc_source_parse(const char *key)
{
  for (int i = 0; key && i < UNC_SOURCE_COUNT; i++)
    if (strcmp(key, source_keys[i]) == 0)
      return i;
  return -1;
}

enum unc_source unc_source_of_format(const char *format, int synthetic)
{
  static const char *const typical[] = { "tmy2", "tmy3", "epw", "pvgis-tmy" };
  if (synthetic || (format && strcmp(format, "synth") == 0))
    return UNC_SOURCE_SYNTHETIC;
  if (!format)
    return UNC_SOURCE_NOT_STATED;
  for (size_t i = 0; i < sizeof typical / sizeof typical[0]; i++)
    if (strcmp(format, typical[i]) == 0)
      return UNC_SOURCE_TYPICAL;
  /* PVGIS series come from satellite data (SARAH); a SAM CSV may hold a
   * typical year or a real one, so it states nothing. */
  return strcmp(format, "pvgis-hourly") == 0 ? UNC_SOURCE_SATELLITE : UNC_SOURCE_NOT_STATED;
}

double unc_pv_other_default(enum unc_source s)
{
  double r = (unsigned)s < UNC_SOURCE_COUNT ? resource_sigma[s] : resource_sigma[0];
  return sqrt(r * r + UNC_PV_CHAIN * UNC_PV_CHAIN);
}

double unc_sigma_limit(double p)
{
  return 1.0 / gsl_cdf_ugaussian_Pinv(p / 100.0);
}
