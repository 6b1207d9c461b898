/* Wind resource physics: vertical extrapolation (power and log laws), dry-air
 * density, the ISO 2533 standard atmosphere, Weibull maximum-likelihood
 * fitting and annual energy from a speed distribution.
 *
 * Sources:
 *  - power and log laws, Weibull statistics: Manwell, McGowan & Rogers,
 *    "Wind Energy Explained", 2nd ed. (2009), sections 2.3 and 2.4;
 *  - Weibull maximum likelihood: Seguro & Lambert (2000), "Modern estimation
 *    of the parameters of the Weibull wind speed distribution for wind
 *    energy analysis", J. Wind Eng. Ind. Aerodyn. 85, 75-84, eq. (9)-(10);
 *  - standard atmosphere: ISO 2533:1975 (troposphere: T = 288.15 K -
 *    0.0065 K/m h, p = 101325 Pa (T/288.15)^(g/(R L)), g/(R L) = 5.25588);
 *  - bin method: IEC 61400-12-1:2005, 8.3, eq. (8) (annual energy production
 *    from a measured power curve and a Rayleigh distribution).
 *
 * Weibull AEP: the integral of P(v) f(v) over the speeds where the turbine
 * runs, by GSL's adaptive QAGS on each piece between the curve's points
 * (the power curve has kinks there, the integrand is smooth in between),
 * relative tolerance 1e-9. */
#include "wind.h"

#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_sf_gamma.h>

#include "units.h"

#define R_DRY_AIR 287.05 /* J/(kg K) */

double wind_shear_power(double v_ref_ms, double h_ref_m, double h_m, double alpha)
{
  return v_ref_ms * pow(h_m / h_ref_m, alpha);
}

double wind_shear_log(double v_ref_ms, double h_ref_m, double h_m, double z0_m)
{
  return v_ref_ms * log(h_m / z0_m) / log(h_ref_m / z0_m);
}

double wind_shear_alpha(double v1_ms, double h1_m, double v2_ms, double h2_m)
{
  return log(v2_ms / v1_ms) / log(h2_m / h1_m);
}

double wind_air_density(double temp_c, double pressure_pa)
{
  return pressure_pa / (R_DRY_AIR * (temp_c + 273.15));
}

double wind_pressure_at_elevation(double elevation_m)
{
  return 101325.0 * pow(1.0 - 0.0065 * elevation_m / 288.15, 5.25588);
}

double wind_temperature_at_elevation(double elevation_m)
{
  return 15.0 - 0.0065 * elevation_m;
}

double wind_weibull_scale_from_mean(double k, double v_mean_ms)
{
  return v_mean_ms / gsl_sf_gamma(1.0 + 1.0 / k);
}

/* ---- Weibull maximum likelihood ------------------------------------------------ */

struct ml_data {
  const double *v;
  size_t n;
  double scale;     /* speeds are divided by it (the largest) against overflow */
  double mean_ln;   /* mean of ln(v / scale) over the positive values */
};

/* The likelihood equation for k (Seguro & Lambert eq. 9):
 * sum u^k ln u / sum u^k - 1/k - mean(ln u) = 0, with u = v / scale (the
 * equation does not change when all speeds are scaled). It rises with k. */
static double ml_equation(double k, void *param)
{
  const struct ml_data *m = param;
  double s0 = 0.0, s1 = 0.0;

  for (size_t i = 0; i < m->n; i++) {
    double u, lu, uk;

    if (!(m->v[i] > 0.0))
      continue;
    u = m->v[i] / m->scale;
    lu = log(u);
    uk = exp(k * lu);
    s0 += uk;
    s1 += uk * lu;
  }
  return s1 / s0 - 1.0 / k - m->mean_ln;
}

int wind_weibull_fit(const double *v, size_t n, double *k, double *c)
{
  struct ml_data m = {v, n, 0.0, 0.0};
  gsl_function fn = {ml_equation, &m};
  gsl_root_fsolver *s;
  double lo = 0.05, hi = 50.0, root = NAN, sum_uk = 0.0;
  size_t npos = 0;
  int status, iter = 0;

  for (size_t i = 0; i < n; i++)
    if (v[i] > 0.0) {
      npos++;
      if (v[i] > m.scale)
        m.scale = v[i];
    }
  if (npos < 2)
    return -1;
  for (size_t i = 0; i < n; i++)
    if (v[i] > 0.0)
      m.mean_ln += log(v[i] / m.scale);
  m.mean_ln /= (double)npos;
  /* All speeds equal: the likelihood grows without bound in k. */
  if (!(m.mean_ln < -1e-12))
    return -1;
  if (!(ml_equation(lo, &m) < 0.0) || !(ml_equation(hi, &m) > 0.0))
    return -1;

  s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
  if (!s)
    return -1;
  status = gsl_root_fsolver_set(s, &fn, lo, hi);
  while (status == GSL_SUCCESS && iter++ < 200) {
    status = gsl_root_fsolver_iterate(s);
    if (status != GSL_SUCCESS)
      break;
    root = gsl_root_fsolver_root(s);
    lo = gsl_root_fsolver_x_lower(s);
    hi = gsl_root_fsolver_x_upper(s);
    status = gsl_root_test_interval(lo, hi, 0.0, 1e-12);
    if (status == GSL_SUCCESS)
      break;
    if (status != GSL_CONTINUE)
      break;
    status = GSL_SUCCESS;
  }
  gsl_root_fsolver_free(s);
  if (status != GSL_SUCCESS || !isfinite(root))
    return -1;

  for (size_t i = 0; i < n; i++)
    if (v[i] > 0.0)
      sum_uk += pow(v[i] / m.scale, root);
  *k = root;
  *c = m.scale * pow(sum_uk / (double)npos, 1.0 / root);
  return 0;
}

/* ---- annual energy ----------------------------------------------------------------- */

struct aep_data {
  const struct turbine *t;
  double k, c, rho;
  enum turbine_density mode;
};

static double aep_integrand(double v, void *param)
{
  const struct aep_data *a = param;
  double x;

  if (!(v > 0.0))
    return 0.0;
  x = v / a->c;
  return turbine_power_kw(a->t, v, a->rho, a->mode) * (a->k / a->c) *
         pow(x, a->k - 1.0) * exp(-pow(x, a->k));
}

double wind_aep_weibull(const struct turbine *t, double k, double c, double rho,
                        enum turbine_density mode, double hours_per_year)
{
  struct aep_data a = {t, k, c, rho, mode};
  gsl_function fn = {aep_integrand, &a};
  gsl_integration_workspace *w = gsl_integration_workspace_alloc(200);
  double limit = t->cut_out_ms > 0.0 ? t->cut_out_ms : t->speed_ms[t->n - 1];
  /* A curve point at speed s is met at the free speed s / (rho/rho0)^(1/3)
   * with the IEC normalisation. */
  double scale = mode == TURBINE_DENSITY_IEC ? cbrt(rho / TURBINE_RHO0) : 1.0;
  double total = 0.0, lo;

  if (!w)
    return NAN;
  lo = fmin(t->speed_ms[0] / scale, limit);
  for (int i = 1; i <= t->n; i++) {
    double hi = i < t->n ? fmin(t->speed_ms[i] / scale, limit) : limit;
    double part, err;

    if (hi <= lo)
      continue;
    if (gsl_integration_qags(&fn, lo, hi, 0.0, 1e-9, 200, w, &part, &err) !=
        GSL_SUCCESS) {
      gsl_integration_workspace_free(w);
      return NAN;
    }
    total += part;
    lo = hi;
  }
  gsl_integration_workspace_free(w);
  return total * hours_per_year / 1000.0;
}

/* Rayleigh cumulative distribution with mean v_mean (IEC 61400-12-1 eq. 9). */
static double rayleigh_cdf(double v, double v_mean)
{
  double x = v / v_mean;

  return 1.0 - exp(-0.25 * UNITS_PI * x * x);
}

double wind_aep_iec_rayleigh(const struct turbine *t, double v_mean_ms, double rho,
                             enum turbine_density mode, double hours_per_year)
{
  double limit = t->cut_out_ms > 0.0 ? t->cut_out_ms : t->speed_ms[t->n - 1];
  /* The last bin is the one whose centre is the highest at or below the
   * speed where the turbine stops (the standard sums over the bins of the
   * measured power curve and adds nothing above them). */
  int nbins = (int)floor(limit / 0.5 + 1e-9);
  double sum = 0.0, p_prev = 0.0, f_prev = 0.0;

  /* The sum starts from V_0 = V_1 - 0.5 m/s = 0 and P_0 = 0. */
  for (int i = 1; i <= nbins; i++) {
    double v = 0.5 * i;
    double p = turbine_power_kw(t, v, rho, mode);
    double f = rayleigh_cdf(v, v_mean_ms);

    sum += (f - f_prev) * 0.5 * (p_prev + p);
    p_prev = p;
    f_prev = f;
  }
  return sum * hours_per_year / 1000.0;
}
