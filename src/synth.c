/* Synthetic hourly profile from monthly means.
 *
 * Method, hour by hour over the calendar year in local standard time
 * (interval start, 3600 s, 8760 or 8784 rows):
 *
 * 1. Sun: the NREL SPA position at the middle of the part of the hour when
 *    the sun is up (solar_interval_position), refraction from the hour's
 *    synthetic temperature and the site pressure.
 * 2. Clear sky: Ineichen-Perez GHI with the month's Linke turbidity and the
 *    absolute (Kasten-Young, pressure-corrected) air mass, times the sun-up
 *    fraction of the hour, so that the hour's value is an interval mean.
 * 3. Cloud: every local day d gets a clearness ratio k_d, the share of the
 *    clear-sky irradiation that reaches the ground, the same for all the
 *    day's hours. A latent Gaussian z_d follows an AR(1) process with lag-one
 *    correlation SYNTH_PERSISTENCE (so dull and bright spells last a few
 *    days) from a gsl_rng_mt19937 seeded with spec->seed; the raw weight is
 *    w_d = exp(sigma z_d), sigma = SYNTH_SIGMA_MAX * variability.
 * 4. Monthly target: within each month, k_d = clamp(a w_d, K_MIN, K_MAX)
 *    with one factor a found by bisection, so that the month's clear-sky
 *    irradiation weighted by k_d equals the target; the days left inside
 *    the bounds then take the last rounding-level correction, which makes
 *    the month's mean daily GHI equal the target to machine precision. GHI
 *    never exceeds the clear-sky value (K_MAX = 1). K_MIN = 0.1, the
 *    darkest overcast day, is dropped only for a target below a tenth of
 *    clear sky. A target above the clear-sky irradiation cannot be met.
 * 5. Beam and diffuse: Erbs decomposition of each hour's GHI.
 * 6. Temperature: the monthly mean plus a diurnal cycle of amplitude
 *    range/2, a rising half cosine from the minimum at sunrise to the
 *    maximum SYNTH_TMAX_AFTER_NOON_H after solar noon (about 14:30 local)
 *    and a falling one back to the next sunrise; both halves average to
 *    zero, so the monthly mean is kept.
 * 7. Wind speed: the monthly mean, constant through the day.
 * 8. Pressure: from the elevation by the standard-atmosphere barometric
 *    formula p = 101325 (1 - 2.25577e-5 h)^5.25588 Pa (ICAO 1993 standard
 *    atmosphere, troposphere).
 *
 * Sources: Ineichen and Perez (2002), Solar Energy 73(3) 151-157 (in
 * clearsky.c); Erbs, Klein and Duffie (1982) (in decompose.c); Reda and
 * Andreas, NREL/TP-560-34302 (in solar.c). */
#include "synth.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "clearsky.h"
#include "decompose.h"
#include "irradiance.h"
#include "profile.h"
#include "solar.h"
#include "units.h"

/* Lag-one correlation of the daily clearness from one day to the next. */
#define SYNTH_PERSISTENCE 0.5
/* Log-spread of the daily clearness weights at variability 1. */
#define SYNTH_SIGMA_MAX 0.8
/* Bounds of the daily clearness ratio (fraction of clear sky). */
#define SYNTH_K_MIN 0.1
#define SYNTH_K_MAX 1.0
/* Hours after solar noon of the daily temperature maximum. */
#define SYNTH_TMAX_AFTER_NOON_H 2.5
/* SPA refraction default at sunrise/sunset [deg]. */
#define SYNTH_ATMOS_REFRACT_DEG 0.5667

static int is_leap(int y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m0)
{
  static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return len[m0] + (m0 == 1 && is_leap(y));
}

/* Days from 1970-01-01 to 1 January of year y (proleptic Gregorian). */
static int64_t days_to_jan1(int y)
{
  int64_t yy = (int64_t)y - 1;
  return 365 * ((int64_t)y - 1970) + (yy / 4 - yy / 100 + yy / 400)
         - (1969 / 4 - 1969 / 100 + 1969 / 400);
}

static double pressure_from_elevation_pa(double elevation_m)
{
  return UNITS_P0_PA * pow(1.0 - 2.25577e-5 * elevation_m, 5.25588);
}

/* Diurnal shape in -1..1: -1 at sunrise, +1 at t_max, half cosines
 * between. Clock hours, local standard time. */
static double diurnal_shape(double t_h, double sunrise_h, double tmax_h)
{
  while (t_h < sunrise_h)
    t_h += 24.0;
  while (t_h >= sunrise_h + 24.0)
    t_h -= 24.0;
  if (t_h <= tmax_h)
    return -cos(UNITS_PI * (t_h - sunrise_h) / (tmax_h - sunrise_h));
  return cos(UNITS_PI * (t_h - tmax_h) / (sunrise_h + 24.0 - tmax_h));
}

/* Working arrays of one run, allocated once. */
struct work {
  size_t n;         /* hours */
  int n_days;
  int64_t t0_utc;   /* start of the year, local standard time, in UTC */
  int month0[366];  /* month 0..11 of each local day */
  double *cs;       /* clear-sky GHI, interval mean [W/m2] */
  double *zen;      /* zenith at the middle of the sun-up part [deg] */
  double *ext;      /* extraterrestrial normal irradiance [W/m2] */
  double *day_cs;   /* clear-sky irradiation of each day [Wh/m2] */
};

static void work_free(struct work *w)
{
  free(w->cs);
  free(w->zen);
  free(w->ext);
  free(w->day_cs);
}

static int work_init(struct work *w, const struct synth_spec *spec)
{
  memset(w, 0, sizeof *w);
  w->n_days = is_leap(spec->year) ? 366 : 365;
  w->n = (size_t)w->n_days * 24;
  w->t0_utc = days_to_jan1(spec->year) * 86400
              - (int64_t)lround(spec->utc_offset_h * UNITS_S_PER_H);
  int d = 0;
  for (int m = 0; m < 12; m++)
    for (int k = 0; k < month_days(spec->year, m); k++)
      w->month0[d++] = m;
  w->cs = malloc(w->n * sizeof *w->cs);
  w->zen = malloc(w->n * sizeof *w->zen);
  w->ext = malloc(w->n * sizeof *w->ext);
  w->day_cs = calloc((size_t)w->n_days, sizeof *w->day_cs);
  if (!w->cs || !w->zen || !w->ext || !w->day_cs) {
    work_free(w);
    return -1;
  }
  return 0;
}

/* Sun, clear sky and temperature for every hour. temp may be NULL. */
static void clearsky_pass(const struct synth_spec *spec, struct work *w,
                          double *temp)
{
  const double p_pa = pressure_from_elevation_pa(spec->elevation_m);
  /* Clock time of solar noon, ignoring the equation of time (<= 16 min). */
  const double noon_h = 12.0 + spec->utc_offset_h - spec->longitude / 15.0;
  const double tmax_h = noon_h + SYNTH_TMAX_AFTER_NOON_H;

  for (size_t i = 0; i < w->n; i++) {
    const int day = (int)(i / 24);
    const int m = w->month0[day];
    const double t_mid = (double)(w->t0_utc + (int64_t)i * 3600) + 1800.0;
    struct solar_time st;
    solar_time_at(t_mid, SOLAR_DELTA_T_DEFAULT_S, &st);

    /* Sunrise clock time from the sunrise hour angle, kept at least an
     * hour from noon and from the afternoon maximum. */
    double w0 = solar_sunrise_hour_angle(spec->latitude, st.delta_deg);
    double sunrise_h = noon_h - w0 / 15.0;
    if (sunrise_h > noon_h - 1.0)
      sunrise_h = noon_h - 1.0;
    if (sunrise_h < tmax_h - 23.0)
      sunrise_h = tmax_h - 23.0;
    const double clock_h = (double)(i % 24) + 0.5;
    const double t_c = spec->temp_c[m]
                       + 0.5 * spec->temp_range_c[m]
                         * diurnal_shape(clock_h, sunrise_h, tmax_h);
    if (temp)
      temp[i] = t_c;

    struct solar_pos pos;
    double frac = solar_interval_position(&st, t_mid, 3600.0,
                                          SOLAR_DELTA_T_DEFAULT_S,
                                          spec->latitude, spec->longitude,
                                          spec->elevation_m, p_pa / 100.0,
                                          t_c, &pos);
    const double ext = irr_extraterrestrial((double)(day + 1));
    double ghi = 0.0, dni, dhi;
    if (frac > 0.0 && pos.zenith_deg < 90.0) {
      double am = irr_airmass_absolute(irr_airmass_relative(pos.zenith_deg), p_pa);
      clearsky_ineichen(pos.zenith_deg, am, spec->linke[m], spec->elevation_m,
                        ext, &ghi, &dni, &dhi);
      ghi *= frac;
    }
    w->cs[i] = ghi;
    w->zen[i] = pos.zenith_deg;
    w->ext[i] = ext;
    w->day_cs[day] += ghi; /* 1 h each: W/m2 -> Wh/m2 */
  }
}

int synth_clearsky_monthly(const struct synth_spec *spec, double out_kwh_m2_day[12])
{
  struct work w;
  if (work_init(&w, spec) != 0)
    return -1;
  clearsky_pass(spec, &w, NULL);
  double sum[12] = {0};
  for (int d = 0; d < w.n_days; d++)
    sum[w.month0[d]] += w.day_cs[d];
  for (int m = 0; m < 12; m++)
    out_kwh_m2_day[m] = sum[m] / 1000.0 / month_days(spec->year, m);
  work_free(&w);
  return 0;
}

/* Clearness ratios k[d] of the month's days first..first+nd-1 from weights
 * wt[d], such that sum k C = target_wh. Returns -1 when the target exceeds
 * the clear-sky irradiation. */
static int fit_month(const double *day_cs, const double *wt, int first, int nd,
                     double target_wh, double *k)
{
  double c_sum = 0.0, w_min = INFINITY;
  for (int d = first; d < first + nd; d++) {
    c_sum += day_cs[d];
    if (wt[d] < w_min)
      w_min = wt[d];
  }
  if (target_wh > SYNTH_K_MAX * c_sum * (1.0 + 1e-12) || !(c_sum > 0.0))
    return target_wh > 0.0 ? -1 : 0;
  const double k_min = target_wh >= SYNTH_K_MIN * c_sum ? SYNTH_K_MIN : 0.0;

  /* f(a) = sum clamp(a w, k_min, K_MAX) C rises with a; bisect to the
   * last representable step. */
  double lo = 0.0, hi = SYNTH_K_MAX / w_min;
  for (int it = 0; it < 200 && hi > lo; it++) {
    double a = 0.5 * (lo + hi);
    if (a <= lo || a >= hi)
      break;
    double f = 0.0;
    for (int d = first; d < first + nd; d++)
      f += fmin(SYNTH_K_MAX, fmax(k_min, a * wt[d])) * day_cs[d];
    if (f < target_wh)
      lo = a;
    else
      hi = a;
  }
  const double a = 0.5 * (lo + hi);
  for (int d = first; d < first + nd; d++)
    k[d] = fmin(SYNTH_K_MAX, fmax(k_min, a * wt[d]));
  return 0;
}

struct profile *synth_profile(const struct synth_spec *spec)
{
  struct work w;
  struct profile *p = NULL;
  double *k = NULL, *wt = NULL;
  gsl_rng *rng = NULL;

  if (work_init(&w, spec) != 0)
    return NULL;
  p = profile_new(w.n);
  k = malloc((size_t)w.n_days * sizeof *k);
  wt = malloc((size_t)w.n_days * sizeof *wt);
  rng = gsl_rng_alloc(gsl_rng_mt19937);
  if (!p || !k || !wt || !rng)
    goto fail;
  static const enum profile_col cols[] = {
    PROFILE_GHI, PROFILE_DNI, PROFILE_DHI, PROFILE_TEMP_AIR,
    PROFILE_WIND_SPEED, PROFILE_PRESSURE
  };
  for (size_t c = 0; c < sizeof cols / sizeof cols[0]; c++)
    if (profile_add_col(p, cols[c]) != 0)
      goto fail;
  double *ghi = p->col[PROFILE_GHI], *dni = p->col[PROFILE_DNI];
  double *dhi = p->col[PROFILE_DHI], *temp = p->col[PROFILE_TEMP_AIR];
  double *wind = p->col[PROFILE_WIND_SPEED], *pres = p->col[PROFILE_PRESSURE];

  clearsky_pass(spec, &w, temp);

  /* Daily weights: AR(1) in a latent Gaussian. mt19937 uses 32 bits of
   * the seed, so fold the upper half in. */
  gsl_rng_set(rng, (unsigned long)((spec->seed ^ (spec->seed >> 32)) & 0xffffffffu));
  const double sigma = SYNTH_SIGMA_MAX * spec->variability;
  const double rho = SYNTH_PERSISTENCE;
  double z = gsl_ran_gaussian(rng, 1.0);
  for (int d = 0; d < w.n_days; d++) {
    if (d > 0)
      z = rho * z + sqrt(1.0 - rho * rho) * gsl_ran_gaussian(rng, 1.0);
    wt[d] = exp(sigma * z);
  }

  /* Fit each month, then make its sum exact on the unclamped days. */
  for (int m = 0, first = 0; m < 12; m++) {
    const int nd = month_days(spec->year, m);
    const double target_wh = spec->ghi_kwh_m2_day[m] * 1000.0 * nd;
    if (fit_month(w.day_cs, wt, first, nd, target_wh, k) != 0)
      goto fail;
    const size_t h0 = (size_t)first * 24, h1 = (size_t)(first + nd) * 24;
    double s_fixed = 0.0, s_free = 0.0;
    for (size_t i = h0; i < h1; i++) {
      const double kd = k[i / 24];
      ghi[i] = kd * w.cs[i];
      if (kd >= SYNTH_K_MAX)
        s_fixed += ghi[i];
      else
        s_free += ghi[i];
    }
    if (s_free > 0.0) {
      const double r = (target_wh - s_fixed) / s_free;
      for (size_t i = h0; i < h1; i++)
        if (k[i / 24] < SYNTH_K_MAX)
          ghi[i] *= r;
    }
    first += nd;
  }

  const double p_pa = pressure_from_elevation_pa(spec->elevation_m);
  for (size_t i = 0; i < w.n; i++) {
    const int m = w.month0[i / 24];
    p->t_utc[i] = w.t0_utc + (int64_t)i * 3600;
    if (ghi[i] > 0.0 && w.zen[i] < 90.0)
      decompose_erbs(ghi[i], w.zen[i], w.ext[i], &dni[i], &dhi[i]);
    else
      ghi[i] = dni[i] = dhi[i] = 0.0;
    wind[i] = spec->wind_m_s[m];
    pres[i] = p_pa;
  }
  p->n = w.n;
  p->interval_s = 3600;

  strcpy(p->format, "synth");
  strcpy(p->labelling, "interval-start, synthetic");
  p->utc_offset_h = spec->utc_offset_h;
  p->has_location = 1;
  p->latitude = spec->latitude;
  p->longitude = spec->longitude;
  p->elevation_m = spec->elevation_m;
  size_t len = 0;
  while (len < sizeof p->station - 1 && len < sizeof spec->source
         && spec->source[len] != '\0') {
    p->station[len] = spec->source[len];
    len++;
  }
  p->station[len] = '\0';

  gsl_rng_free(rng);
  free(k);
  free(wt);
  work_free(&w);
  return p;
fail:
  gsl_rng_free(rng);
  free(k);
  free(wt);
  work_free(&w);
  profile_free(p);
  return NULL;
}
