/* Synthetic hourly wind profile from monthly means.
 *
 * Method, hour by hour over the calendar year in local standard time
 * (interval start, 3600 s, 8760 or 8784 rows):
 *
 * 1. Persistence: a stationary AR(1) Gaussian process
 *      z_t = phi z_{t-1} + sqrt(1 - phi^2) e_t,  e_t ~ N(0, 1),
 *    started from z_0 ~ N(0, 1), so every z_t is standard normal and
 *    corr(z_t, z_{t-1}) = phi. Hourly wind speeds are strongly persistent:
 *    Brown, Katz and Murphy (1984) fit autoregressive models to hourly
 *    speeds transformed towards normality and find lag-1 autocorrelations
 *    near 0.9; 0.9 is the default of windsynth_cfg.c. The process runs on
 *    across month ends.
 * 2. Marginal distribution: z_t is mapped to a speed by the probability
 *    integral transform, v = F^-1(Phi(z)) with F the Weibull distribution
 *    of the hour's month, F^-1(u) = c (-ln(1 - u))^(1/k). The upper tail
 *    Q(z) = 1 - Phi(z) is used directly, so strong winds keep their
 *    precision. Shape k is given per month and the scale follows from the
 *    monthly mean, c = mean / Gamma(1 + 1/k) (wind_weibull_scale_from_mean).
 *    Because the transform is monotonic, each month's hours follow the
 *    requested Weibull distribution exactly in distribution, and the
 *    persistence carries over: the lag-1 correlation of the speeds is the
 *    sum over the Hermite coefficients a_n of the transform,
 *    sum a_n^2 phi^n / sum a_n^2, slightly below phi (about 0.89 for k = 2
 *    and phi = 0.9, since the transform is nearly linear).
 * 3. Diurnal cycle (optional): v *= 1 + A cos(2 pi (h + 0.5 - h_peak) / 24)
 *    with h the local hour of the interval start, so the cycle is taken at
 *    the middle of the hour. A full day of it averages to exactly 1. It
 *    widens the distribution a little: the month's hours are then a
 *    mixture of Weibulls with scales c (1 + A cos ...). Its squared
 *    coefficient of variation grows from CV^2 to (1 + CV^2)(1 + A^2 / 2) - 1,
 *    which near k = 2 lowers the fitted shape by about A^2 in relative
 *    terms (1 % for A = 0.1, 9 % for A = 0.3).
 * 4. Monthly means: the hours of each month at the reference height are
 *    scaled by one factor so that their mean equals the target (sampling
 *    noise of a persistent process makes a month's mean wander by several
 *    percent otherwise). Scaling keeps the Weibull shape.
 * 5. Heights: the power law v(h) = v_ref (h / h_ref)^alpha (Hellmann; see
 *    wind.c), so the monthly mean at height h is the target times
 *    (h / h_ref)^alpha. Speeds are kept at or below 99.99 m/s, the range of
 *    the renewcalc wind CSV; realistic specs never reach it.
 * 6. Directions: the same Gaussian construction with its own AR(1)
 *    process y_t (lag-1 autocorrelation dir_phi), mapped through the
 *    quantile of a mixture of two von Mises distributions,
 *      f(theta) = w vM(theta; mu1, kappa1) + (1 - w) vM(theta; mu2, kappa2),
 *      vM(theta; mu, kappa) = exp(kappa cos(theta - mu)) / (2 pi I0(kappa)),
 *    the prevailing (mu1) and secondary (mu2) directions with the month's
 *    weight w (Carta, Bueno and Ramirez 2008 review such mixtures for wind
 *    direction). The cumulative distribution is taken clockwise from the
 *    direction of least density on a 0.5 deg grid, so the marginal of each
 *    month is the mixture, hour-to-hour changes are small when y changes
 *    little, and the wind swings between the two modes on one side only,
 *    never through the direction of least density (a limitation: real
 *    winds also veer the other way round). The
 *    Bessel function comes from GSL (gsl_sf_bessel_I0_scaled). Every
 *    height gets the same direction (no veer).
 * 7. Temperature: the monthly mean at ground level (2 m) plus
 *    (range / 2) cos(2 pi (h + 0.5 - h_peak) / 24), a symmetric cycle that
 *    keeps the monthly mean, then lowered to each height by the ICAO
 *    standard-atmosphere lapse rate of 6.5 K/km.
 * 8. Pressure: the ICAO standard atmosphere at elevation + height
 *    (wind_pressure_at_elevation, ISO 2533 / ICAO Doc 7488), constant in
 *    time: the synthetic profile carries no weather systems.
 *
 * Random numbers: one gsl_rng_mt19937 seeded with spec->seed; per hour one
 * Gaussian for speed and then one for direction, in that order, so the
 * same spec gives the same profile.
 *
 * Sources: B. G. Brown, R. W. Katz and A. H. Murphy, "Time series models to
 * simulate and forecast wind speed and wind power", Journal of Climate and
 * Applied Meteorology 23, 1184-1195, 1984 (AR(1) on transformed hourly
 * speeds, lag-1 autocorrelation about 0.9); J. A. Carta, C. Bueno and
 * P. Ramirez, "Statistical modelling of directional wind speeds using
 * mixtures of von Mises distributions", Energy Conversion and Management
 * 49, 897-907, 2008; J. F. Manwell, J. G. McGowan and A. L. Rogers, "Wind
 * Energy Explained", 2nd ed., Wiley 2009, ch. 2 (Weibull c from the mean,
 * power-law shear); ICAO Doc 7488, "Manual of the ICAO Standard
 * Atmosphere", 3rd ed., 1993. */
#include "windsynth.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sf_bessel.h>

#include "calendar.h"
#include "wind.h"
#include "wind_profile.h"

/* Cells of the direction table: 0.5 deg. */
#define DIR_CELLS 720
#define DIR_CELL_DEG (360.0 / DIR_CELLS)
/* Largest speed written (the wind CSV accepts 0..100 m/s). */
#define WINDSYNTH_SPEED_MAX_M_S 99.99
/* ICAO standard-atmosphere lapse rate [K/m] and the height of the
 * monthly temperature [m]. */
#define LAPSE_K_PER_M 0.0065
#define TEMP_REF_HEIGHT_M 2.0

double windsynth_weibull_from_gaussian(double z, double k, double c_m_s)
{
  double q = gsl_cdf_ugaussian_Q(z);

  /* Q underflows only beyond z = 37, which no N(0,1) draw reaches; keep
   * the quantile finite regardless. */
  if (q < 1e-300)
    q = 1e-300;
  return c_m_s * pow(-log(q), 1.0 / k);
}

static double vonmises_pdf_deg(double theta_deg, double mu_deg, double kappa)
{
  /* exp(kappa (cos - 1)) / I0_scaled avoids overflow for large kappa. */
  double d = (theta_deg - mu_deg) * M_PI / 180.0;

  return exp(kappa * (cos(d) - 1.0)) /
         (2.0 * M_PI * gsl_sf_bessel_I0_scaled(kappa)) * (M_PI / 180.0);
}

double windsynth_vonmises_mix_pdf(double theta_deg, double mu1_deg, double kappa1,
                                  double mu2_deg, double kappa2, double w)
{
  return w * vonmises_pdf_deg(theta_deg, mu1_deg, kappa1) +
         (1.0 - w) * vonmises_pdf_deg(theta_deg, mu2_deg, kappa2);
}

/* Cumulative distribution of the mixture on the grid, clockwise from
 * start_deg: cdf[j] is the probability of [start, start + j cells). */
struct dir_table {
  double start_deg;
  double cdf[DIR_CELLS + 1];
};

static void dir_table_build(struct dir_table *t, double mu1, double k1,
                            double mu2, double k2, double w)
{
  double f[DIR_CELLS];
  int jmin = 0;

  for (int j = 0; j < DIR_CELLS; j++) {
    f[j] = windsynth_vonmises_mix_pdf((j + 0.5) * DIR_CELL_DEG, mu1, k1, mu2, k2, w);
    if (f[j] < f[jmin])
      jmin = j;
  }
  t->start_deg = jmin * DIR_CELL_DEG;
  t->cdf[0] = 0.0;
  for (int j = 0; j < DIR_CELLS; j++)
    t->cdf[j + 1] = t->cdf[j] + f[(jmin + j) % DIR_CELLS];
  for (int j = 1; j <= DIR_CELLS; j++)
    t->cdf[j] /= t->cdf[DIR_CELLS];
}

/* Quantile at u in (0, 1): linear within the cell. */
static double dir_table_quantile(const struct dir_table *t, double u)
{
  int lo = 0, hi = DIR_CELLS;
  double frac, theta;

  while (hi - lo > 1) {
    int mid = (lo + hi) / 2;

    if (t->cdf[mid] <= u)
      lo = mid;
    else
      hi = mid;
  }
  frac = t->cdf[hi] > t->cdf[lo] ? (u - t->cdf[lo]) / (t->cdf[hi] - t->cdf[lo]) : 0.5;
  theta = fmod(t->start_deg + (lo + frac) * DIR_CELL_DEG, 360.0);
  if (theta < 0.0)
    theta += 360.0;
  return theta < 360.0 ? theta : 0.0;
}

double windsynth_direction_from_gaussian(double y, double mu1_deg, double kappa1,
                                         double mu2_deg, double kappa2, double w)
{
  struct dir_table t;

  dir_table_build(&t, mu1_deg, kappa1, mu2_deg, kappa2, w);
  return dir_table_quantile(&t, gsl_cdf_ugaussian_P(y));
}

/* Multiplier of a cosine cycle at local hour h (interval start). */
static double diurnal(double amplitude, int hour, double peak_h)
{
  return 1.0 + amplitude * cos(2.0 * M_PI * (hour + 0.5 - peak_h) / 24.0);
}

/* Allocates every array of p for spec's heights. 0 or -1. */
static int alloc_heights(struct wind_profile *p, const struct windsynth_spec *spec,
                         size_t n)
{
  p->nh = spec->nh;
  for (int h = 0; h < spec->nh; h++) {
    p->height_m[h] = spec->height_m[h];
    p->speed[h] = calloc(n + 1, sizeof(double));
    p->direction[h] = calloc(n + 1, sizeof(double));
    p->temp_c[h] = calloc(n + 1, sizeof(double));
    p->pressure_pa[h] = calloc(n + 1, sizeof(double));
    if (!p->speed[h] || !p->direction[h] || !p->temp_c[h] || !p->pressure_pa[h])
      return -1;
  }
  return 0;
}

struct wind_profile *windsynth_profile(const struct windsynth_spec *spec)
{
  const int64_t day0 = calendar_days_from_civil(spec->year, 1, 1);
  const int ndays = (int)(calendar_days_from_civil(spec->year + 1, 1, 1) - day0);
  const size_t n = (size_t)ndays * 24;
  const int64_t offset_s = (int64_t)lround(spec->utc_offset_h * 3600.0);
  struct wind_profile *p = wind_profile_new(n);
  struct dir_table *tab = malloc(12 * sizeof *tab);
  unsigned char *month = malloc(n);
  gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
  double c_m_s[12], sum[12] = {0}, scale[12];
  size_t count[12] = {0};
  double *vref;
  double z, y;

  assert(spec->nh >= 1 && spec->nh <= WINDSYNTH_HEIGHTS_MAX);
  if (!p || !tab || !month || !rng || alloc_heights(p, spec, n) != 0)
    goto fail;
  gsl_rng_set(rng, (unsigned long)spec->seed);
  for (int m = 0; m < 12; m++) {
    c_m_s[m] = wind_weibull_scale_from_mean(spec->weibull_k[m], spec->speed_m_s[m]);
    dir_table_build(&tab[m], spec->dir_prevailing_deg, spec->kappa_prevailing,
                    spec->dir_secondary_deg, spec->kappa_secondary,
                    spec->weight_prevailing[m]);
  }

  p->n = n;
  p->interval_s = 3600;
  for (int d = 0; d < ndays; d++) {
    int yy, mm, dd;

    calendar_civil_from_days(day0 + d, &yy, &mm, &dd);
    for (int hr = 0; hr < 24; hr++) {
      size_t i = (size_t)d * 24 + (size_t)hr;

      month[i] = (unsigned char)(mm - 1);
      p->t_utc[i] = (day0 + d) * 86400 + hr * 3600 - offset_s;
    }
  }

  /* Speeds at the reference height go into the top height's array first;
   * step 5 fills every height from them, the top one last. */
  vref = p->speed[spec->nh - 1];
  z = gsl_ran_ugaussian(rng);
  y = gsl_ran_ugaussian(rng);
  {
    const double sz = sqrt(1.0 - spec->phi * spec->phi);
    const double sy = sqrt(1.0 - spec->dir_phi * spec->dir_phi);

    for (size_t i = 0; i < n; i++) {
      const int m = month[i], hr = (int)(i % 24);

      if (i > 0) {
        z = spec->phi * z + sz * gsl_ran_ugaussian(rng);
        y = spec->dir_phi * y + sy * gsl_ran_ugaussian(rng);
      }
      vref[i] = windsynth_weibull_from_gaussian(z, spec->weibull_k[m], c_m_s[m]) *
                diurnal(spec->diurnal_amplitude, hr, spec->diurnal_peak_h);
      p->direction[0][i] = dir_table_quantile(&tab[m], gsl_cdf_ugaussian_P(y));
      sum[m] += vref[i];
      count[m]++;
    }
  }

  for (int m = 0; m < 12; m++)
    scale[m] = sum[m] > 0.0 ? spec->speed_m_s[m] * (double)count[m] / sum[m] : 1.0;
  for (int h = 0; h < spec->nh; h++) {
    const double shear = pow(spec->height_m[h] / spec->ref_height_m, spec->shear_alpha);
    const double p_pa = wind_pressure_at_elevation(spec->elevation_m + spec->height_m[h]);
    const double dt_c = -LAPSE_K_PER_M * (spec->height_m[h] - TEMP_REF_HEIGHT_M);

    for (size_t i = 0; i < n; i++) {
      const int m = month[i], hr = (int)(i % 24);
      double v = vref[i] * scale[m] * shear;

      p->speed[h][i] = v < WINDSYNTH_SPEED_MAX_M_S ? v : WINDSYNTH_SPEED_MAX_M_S;
      p->direction[h][i] = p->direction[0][i];
      p->temp_c[h][i] = spec->temp_c[m] + dt_c +
                        0.5 * spec->temp_range_c[m] *
                        (diurnal(1.0, hr, spec->temp_peak_h) - 1.0);
      p->pressure_pa[h][i] = p_pa;
    }
  }

  strcpy(p->format, "windsynth");
  strcpy(p->labelling, "interval-beginning, synthetic, local standard time");
  p->utc_offset_h = spec->utc_offset_h;
  p->has_location = 1;
  p->latitude = spec->latitude;
  p->longitude = spec->longitude;
  p->has_elevation = 1;
  p->elevation_m = spec->elevation_m;
  memcpy(p->station, spec->source, sizeof p->station);
  p->station[sizeof p->station - 1] = '\0';
  free(tab);
  free(month);
  gsl_rng_free(rng);
  return p;

fail:
  wind_profile_free(p);
  free(tab);
  free(month);
  if (rng)
    gsl_rng_free(rng);
  return NULL;
}
