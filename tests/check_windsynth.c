/* Tests of the synthetic wind profile generator (Weibull speeds through an
 * AR(1) Gaussian process, von Mises mixture directions), its libconfig
 * reader and the renewcalc wind CSV writer. */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "wind.h"
#include "wind_profile.h"
#include "wind_profile_write.h"
#include "windsynth.h"
#include "windsynth_cfg.h"

static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

/* The shipped Laos ridge values (profiles/laos-ridge-wind-monthly.cfg),
 * typed here so that the model tests do not depend on the reader. */
static void laos_spec(struct windsynth_spec *s, uint64_t seed)
{
  static const double v[12] = {7.4, 7.6, 7.5, 7.0, 6.2, 5.8, 5.9, 5.6, 5.4, 6.0, 6.8, 7.3};
  static const double w[12] = {0.8, 0.8, 0.8, 0.8, 0.5, 0.3, 0.3, 0.3, 0.3, 0.5, 0.7, 0.8};
  static const double t[12] = {15.1, 17.6, 19.6, 22.6, 23.1, 23.1, 22.1, 21.6, 22.1,
                               20.6, 17.6, 15.1};
  static const double r[12] = {9.8, 11.9, 11.9, 10.5, 8.4, 7.0, 5.6, 6.3, 7.0, 7.7,
                               7.7, 8.4};

  memset(s, 0, sizeof *s);
  s->latitude = 20.7;
  s->longitude = 102.0;
  s->elevation_m = 1200.0;
  s->utc_offset_h = 7.0;
  s->year = 2023;
  s->seed = seed;
  strcpy(s->source, "test spec");
  s->nh = 2;
  s->height_m[0] = 80.0;
  s->height_m[1] = 120.0;
  s->ref_height_m = 100.0;
  s->shear_alpha = 0.10;
  s->phi = 0.90;
  s->diurnal_amplitude = 0.10;
  s->diurnal_peak_h = 2.0;
  s->dir_prevailing_deg = 45.0;
  s->dir_secondary_deg = 225.0;
  s->kappa_prevailing = 3.0;
  s->kappa_secondary = 2.0;
  s->dir_phi = 0.90;
  s->temp_peak_h = 15.0;
  for (int m = 0; m < 12; m++) {
    s->speed_m_s[m] = v[m];
    s->weibull_k[m] = 2.0;
    s->weight_prevailing[m] = w[m];
    s->temp_c[m] = t[m];
    s->temp_range_c[m] = r[m];
  }
}

/* Index of the first hour of month m (0..11) in a 365-day year. */
static size_t month_start(int m)
{
  size_t h = 0;

  for (int i = 0; i < m; i++)
    h += (size_t)mdays[i] * 24;
  return h;
}

/* ---- model pieces -------------------------------------------------------- */

/* Weibull quantile by hand, k = 2, c = 7.9 m/s:
 *   z = 0: Q = 0.5, v = 7.9 sqrt(ln 2) = 7.9 * 0.8325546 = 6.5771814;
 *   z = 1.2815515655 (the 90 % point of the standard normal, tables):
 *   Q = 0.1, with k = 2.3: v = 7.9 (ln 10)^(1/2.3) = 11.353040. */
START_TEST(test_weibull_quantile_hand)
{
  /* 1e-6: the hand values carry 8 significant digits. */
  ck_assert_double_eq_tol(windsynth_weibull_from_gaussian(0.0, 2.0, 7.9), 6.5771814,
                          1e-6);
  ck_assert_double_eq_tol(windsynth_weibull_from_gaussian(1.2815515655446, 2.3, 7.9),
                          11.353040, 1e-5);
}
END_TEST

/* Von Mises density by hand: kappa = 2 at its mean, e^2 / (2 pi I0(2))
 * per radian with I0(2) = 2.2795853 (Abramowitz and Stegun table 9.8):
 * 7.3890561 / 14.322948 = 0.5158857 /rad = 0.0090038990 /deg.
 * Mixture 0.7 vM(45, 3) + 0.3 vM(225, 2) at 100 deg: vM(45, 3) at 55 deg
 * off = e^(3 cos 55) / (2 pi I0(3)) pi/180 with I0(3) = 4.8807926:
 * 0.00318061; vM(225, 2) at 125 deg off: 0.00038694; mixture
 * 0.7 * 0.00318061 + 0.3 * 0.00038694 = 0.00234251. */
START_TEST(test_vonmises_hand)
{
  /* 1e-9 /deg: the hand values carry 6 to 8 significant digits. */
  ck_assert_double_eq_tol(windsynth_vonmises_mix_pdf(37.6, 37.6, 2.0, 200.0, 1.0, 1.0),
                          0.0090038990, 1e-9);
  ck_assert_double_eq_tol(windsynth_vonmises_mix_pdf(100.0, 45.0, 3.0, 225.0, 2.0, 0.7),
                          0.00234251, 1e-8);
}
END_TEST

/* The direction quantile: the median of a single symmetric von Mises is
 * its mean when the cumulative starts at the antipode (the least
 * density); y = 0 gives u = 0.5. The 0.5 deg grid with linear
 * interpolation inside a cell bounds the error by half a cell. */
START_TEST(test_direction_median)
{
  double d = windsynth_direction_from_gaussian(0.0, 37.6, 4.0, 217.6, 4.0, 1.0);

  ck_assert_double_eq_tol(d, 37.6, 0.25);
  /* Every direction stays in 0..360. */
  for (double y = -4.0; y <= 4.0; y += 0.37) {
    d = windsynth_direction_from_gaussian(y, 350.0, 1.5, 170.0, 2.0, 0.6);
    ck_assert(d >= 0.0 && d < 360.0);
  }
}
END_TEST

/* ---- the profile ---------------------------------------------------------- */

/* Each month's mean at the reference height equals the spec (the final
 * rescale), and every height follows the power law from it: mean at h =
 * target (h / 100)^0.10, e.g. March at 80 m: 7.5 * 0.8^0.1 = 7.3345. */
START_TEST(test_monthly_means)
{
  struct windsynth_spec s;
  laos_spec(&s, 37);
  struct wind_profile *p = windsynth_profile(&s);

  ck_assert_ptr_nonnull(p);
  ck_assert_uint_eq(p->n, 8760);
  ck_assert_int_eq(p->nh, 2);
  for (int h = 0; h < 2; h++)
    for (int m = 0; m < 12; m++) {
      const double target = s.speed_m_s[m] * pow(s.height_m[h] / 100.0, 0.10);
      double sum = 0.0;
      size_t i0 = month_start(m), n = (size_t)mdays[m] * 24;

      for (size_t i = i0; i < i0 + n; i++)
        sum += p->speed[h][i];
      /* 1 %: the tolerance asked of the generator. */
      ck_assert_double_eq_tol(sum / (double)n, target, 0.01 * target);
    }
  /* By hand, March at 80 m. */
  {
    double sum = 0.0;
    for (size_t i = month_start(2); i < month_start(3); i++)
      sum += p->speed[0][i];
    ck_assert_double_eq_tol(sum / (31 * 24), 7.3345, 0.0734);
  }
  wind_profile_free(p);
}
END_TEST

/* The Weibull shape of a month recovered by maximum likelihood
 * (wind_weibull_fit) from March at 120 m, pooled over 20 seeds (14880
 * hours: one month of a process this persistent holds only some 40
 * independent values, too few to pin k down). Expected 2.0 less about 1 %
 * for the +-10 % diurnal cycle (windsynth.c, step 3): 1.98. */
START_TEST(test_weibull_shape)
{
  const int nseed = 20;
  const size_t n = 31 * 24;
  double *v = malloc((size_t)nseed * n * sizeof *v);
  double k, c;

  ck_assert_ptr_nonnull(v);
  for (int sd = 0; sd < nseed; sd++) {
    struct windsynth_spec s;
    laos_spec(&s, 1000 + (uint64_t)sd);
    struct wind_profile *p = windsynth_profile(&s);
    ck_assert_ptr_nonnull(p);
    memcpy(v + (size_t)sd * n, p->speed[1] + month_start(2), n * sizeof *v);
    wind_profile_free(p);
  }
  ck_assert_int_eq(wind_weibull_fit(v, (size_t)nseed * n, &k, &c), 0);
  /* 10 %: the tolerance asked of the generator; the standard error of k
   * from this sample is about 2 %. */
  ck_assert_double_eq_tol(k, 2.0, 0.2);
  /* Scale from the mean at 120 m, 7.5 * 1.2^0.1 = 7.6383, over
   * Gamma(1 + 1/2) = 0.8862269: 8.6190 m/s; 10 % as for k (c absorbs the
   * same fitting error). */
  ck_assert_double_eq_tol(c, 8.6190, 0.862);
  free(v);
}
END_TEST

/* Lag-1 autocorrelation of hourly speeds, with constant monthly values
 * and no diurnal cycle (so that only the AR(1) process shapes it). For
 * the transform g from a standard normal to Weibull k = 2, the speed
 * correlation is sum a_n^2 phi^n / sum a_n^2 over the Hermite
 * coefficients a_n of g; computed by quadrature (40 terms, independent of
 * this program) for phi = 0.9: 0.8974, i.e. just below phi because g is
 * nearly linear. Averaged over 10 one-year runs. */
START_TEST(test_autocorrelation)
{
  double r_sum = 0.0;

  for (int sd = 0; sd < 10; sd++) {
    struct windsynth_spec s;
    laos_spec(&s, 500 + (uint64_t)sd);
    s.diurnal_amplitude = 0.0;
    for (int m = 0; m < 12; m++)
      s.speed_m_s[m] = 6.5;
    struct wind_profile *p = windsynth_profile(&s);
    ck_assert_ptr_nonnull(p);
    const double *v = p->speed[0];
    double mean = 0.0, c0 = 0.0, c1 = 0.0;
    for (size_t i = 0; i < p->n; i++)
      mean += v[i];
    mean /= (double)p->n;
    for (size_t i = 0; i < p->n; i++) {
      c0 += (v[i] - mean) * (v[i] - mean);
      if (i > 0)
        c1 += (v[i] - mean) * (v[i - 1] - mean);
    }
    r_sum += c1 / c0;
    wind_profile_free(p);
  }
  /* 0.01: the standard error of r1 over 10 x 8760 hours is about
   * sqrt((1 - 0.9^2) / 87600) = 0.0015; 0.01 also covers the small
   * month-to-month rescale. */
  ck_assert_double_eq_tol(r_sum / 10.0, 0.8974, 0.01);
}
END_TEST

/* The diurnal cycle: +-10 % with its maximum at 02:00. The 02:00-03:00
 * hour is centred 0.5 h after the peak: 1 + 0.1 cos(2 pi 0.5 / 24) =
 * 1.099144; 14:00-15:00 is 12.5 h after: 1 - 0.099144; ratio 1.2201.
 * Over 10 runs of a year. */
START_TEST(test_diurnal_ratio)
{
  double s2 = 0.0, s14 = 0.0;

  for (int sd = 0; sd < 10; sd++) {
    struct windsynth_spec s;
    laos_spec(&s, 700 + (uint64_t)sd);
    struct wind_profile *p = windsynth_profile(&s);
    ck_assert_ptr_nonnull(p);
    for (size_t i = 0; i + 24 <= p->n; i += 24) {
      s2 += p->speed[0][i + 2];
      s14 += p->speed[0][i + 14];
    }
    wind_profile_free(p);
  }
  /* 0.05: each hour's mean over 3650 days of persistent speeds has a
   * standard error near 1.2 % (days about independent at lag 24,
   * 0.9^24 = 0.08), so the ratio's is about 1.7 %: 3 standard errors. */
  ck_assert_double_eq_tol(s2 / s14, 1.2201, 0.05);
}
END_TEST

/* Directions: in a dry-season month (weight 0.8 on 45 deg) and over the
 * year, the 30-degree sector holding the most hours is 30-60 deg, the one
 * around the prevailing direction. In January the share within 45 +- 45
 * deg must be near that of the mixture: numerically
 * 0.8 * 0.78834 + 0.2 * 0.01841 = 0.63436 (von Mises integrals of kappa 3
 * over +-45 deg and of kappa 2 over 135..225 deg off its mean, Simpson's
 * rule with 1000 intervals, independent of this program). Ten seeds
 * pooled: one month of directions this persistent holds only some 40
 * independent values. */
START_TEST(test_direction_histogram)
{
  int jan[12] = {0}, year[12] = {0}, best_jan = 0, best_year = 0;
  size_t near = 0;

  for (int sd = 0; sd < 10; sd++) {
    struct windsynth_spec s;
    laos_spec(&s, 91 + (uint64_t)sd);
    struct wind_profile *p = windsynth_profile(&s);

    ck_assert_ptr_nonnull(p);
    for (size_t i = 0; i < p->n; i++) {
      const double d = p->direction[1][i];
      const int sector = (int)(d / 30.0);

      ck_assert(d >= 0.0 && d < 360.0);
      ck_assert(p->direction[0][i] == d);
      year[sector]++;
      if (i < 744) {
        jan[sector]++;
        near += d <= 90.0;
      }
    }
    wind_profile_free(p);
  }
  for (int j = 1; j < 12; j++) {
    if (jan[j] > jan[best_jan])
      best_jan = j;
    if (year[j] > year[best_year])
      best_year = j;
  }
  ck_assert_int_eq(best_jan, 1);
  ck_assert_int_eq(best_year, 1);
  /* 0.06: the share over 10 Januaries has a standard error near 0.025. */
  ck_assert_double_eq_tol((double)near / 7440.0, 0.63436, 0.06);
}
END_TEST

/* Temperature and pressure by hand. April at 80 m: 22.6 - 0.0065 (80 - 2)
 * = 22.093 degC as the month's mean (the cosine cycle sums to zero over
 * each day). Pressure at 1200 + 80 m, ICAO: 101325 (1 - 0.0065 * 1280 /
 * 288.15)^5.25588 = 86863.82 Pa; at 1320 m: 86440.47 Pa. */
START_TEST(test_temperature_pressure)
{
  struct windsynth_spec s;
  laos_spec(&s, 5);
  struct wind_profile *p = windsynth_profile(&s);
  double sum = 0.0, tmax = -1e9, tmin = 1e9;

  ck_assert_ptr_nonnull(p);
  for (size_t i = month_start(3); i < month_start(4); i++) {
    sum += p->temp_c[0][i];
    tmax = fmax(tmax, p->temp_c[0][i]);
    tmin = fmin(tmin, p->temp_c[0][i]);
  }
  /* 1e-9: an exact sum of cosines over whole days, to rounding. */
  ck_assert_double_eq_tol(sum / (30 * 24), 22.093, 1e-9);
  /* The hourly cycle samples the cosine half an hour off its peak:
   * range 10.5 cos(2 pi 0.5 / 24) = 10.5 * 0.9914449 = 10.4102. */
  ck_assert_double_eq_tol(tmax - tmin, 10.4102, 1e-4);
  /* 0.01 Pa: the hand values are rounded to 0.01. */
  ck_assert_double_eq_tol(p->pressure_pa[0][100], 86863.82, 0.01);
  ck_assert_double_eq_tol(p->pressure_pa[1][5000], 86440.47, 0.01);
  wind_profile_free(p);
}
END_TEST

/* Time axis: interval starts from 2023-01-01T00:00+07:00 =
 * 2022-12-31T17:00Z = 1672506000 s, hourly; a leap year has 8784 rows. */
START_TEST(test_time_axis)
{
  struct windsynth_spec s;
  laos_spec(&s, 5);
  struct wind_profile *p = windsynth_profile(&s);

  ck_assert_ptr_nonnull(p);
  ck_assert_int_eq(p->interval_s, 3600);
  ck_assert(p->t_utc[0] == 1672506000);
  ck_assert(p->t_utc[8759] == 1672506000 + 8759 * 3600LL);
  wind_profile_free(p);
  s.year = 2024;
  p = windsynth_profile(&s);
  ck_assert_ptr_nonnull(p);
  ck_assert_uint_eq(p->n, 8784);
  wind_profile_free(p);
}
END_TEST

START_TEST(test_same_seed)
{
  struct windsynth_spec s;
  laos_spec(&s, 424242);
  struct wind_profile *a = windsynth_profile(&s);
  struct wind_profile *b = windsynth_profile(&s);
  s.seed = 424243;
  struct wind_profile *c = windsynth_profile(&s);

  ck_assert(a && b && c);
  for (int h = 0; h < 2; h++) {
    ck_assert(memcmp(a->speed[h], b->speed[h], a->n * sizeof(double)) == 0);
    ck_assert(memcmp(a->direction[h], b->direction[h], a->n * sizeof(double)) == 0);
    /* Another seed, another series. */
    ck_assert(memcmp(a->speed[h], c->speed[h], a->n * sizeof(double)) != 0);
  }
  wind_profile_free(a);
  wind_profile_free(b);
  wind_profile_free(c);
}
END_TEST

/* ---- the CSV writer --------------------------------------------------------- */

static char *write_to_string(const struct wind_profile *p, const char *const *comments)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);

  ck_assert_ptr_nonnull(f);
  ck_assert_int_eq(wind_profile_write_csv(f, p, comments), 0);
  fclose(f);
  return buf;
}

START_TEST(test_write_head)
{
  struct windsynth_spec s;
  laos_spec(&s, 9);
  struct wind_profile *p = windsynth_profile(&s);
  const char *const comments[] = {"synthetic test\nprofile", NULL};
  char *buf;

  ck_assert_ptr_nonnull(p);
  buf = write_to_string(p, comments);
  const char *expect =
    "# synthetic test profile\n"
    "# labelling: interval-start\n"
    "# latitude: 20.700000\n"
    "# longitude: 102.000000\n"
    "# elevation: 1200.0\n"
    "# source: test spec\n"
    "time,speed_80m,direction_80m,temperature_80m,pressure_80m,"
    "speed_120m,direction_120m,temperature_120m,pressure_120m\n"
    "2023-01-01T00:00+07:00,";
  ck_assert(strncmp(buf, expect, strlen(expect)) == 0);
  /* Pressure in hPa: 86863.82 Pa at 1280 m, 86440.47 Pa at 1320 m. */
  const char *nl = strchr(buf + strlen(expect), '\n');
  ck_assert(nl && strncmp(nl - 7, ",864.40\n", 8) == 0);
  ck_assert_ptr_nonnull(strstr(buf + strlen(expect), ",868.64,"));
  ck_assert_ptr_nonnull(strstr(buf, "\n2023-12-31T23:00+07:00,"));
  free(buf);
  wind_profile_free(p);
}
END_TEST

/* Hand-made profile: fractional heights, a direction that rounds to 360,
 * a negative temperature, a negative fractional UTC offset, no location. */
START_TEST(test_write_small)
{
  struct wind_profile *p = wind_profile_new(2);

  ck_assert_ptr_nonnull(p);
  p->n = 2;
  p->interval_s = 600;
  p->utc_offset_h = -3.5;
  p->t_utc[0] = 3600;
  p->t_utc[1] = 4200;
  p->nh = 2;
  p->height_m[0] = 10.5;
  p->height_m[1] = 57.25;
  for (int h = 0; h < 2; h++)
    p->speed[h] = calloc(3, sizeof(double));
  p->direction[1] = calloc(3, sizeof(double));
  p->temp_c[0] = calloc(3, sizeof(double));
  p->speed[0][0] = 3.456;
  p->speed[0][1] = 0.004;
  p->speed[1][0] = 12.3;
  p->speed[1][1] = 7.0;
  p->direction[1][0] = 359.97;
  p->direction[1][1] = 182.44;
  p->temp_c[0][0] = -0.004;
  p->temp_c[0][1] = -12.345;
  char *buf = write_to_string(p, NULL);
  ck_assert_str_eq(buf, "# labelling: interval-start\n"
                        "time,speed_10.5m,temperature_10.5m,speed_57.25m,direction_57.25m\n"
                        "1969-12-31T21:30-03:30,3.46,0.00,12.30,0.0\n"
                        "1969-12-31T21:40-03:30,0.00,-12.35,7.00,182.4\n");
  free(buf);
  wind_profile_free(p);
}
END_TEST

/* Written, then read back by wind_profile_read(): the same axis, heights
 * and metadata, and the same values to the printed precision: 0.005 for
 * speed and temperature (2 decimals), 0.05 deg for direction (1 decimal,
 * modulo 360), 0.5 Pa for pressure printed in hPa with 2 decimals. */
START_TEST(test_round_trip)
{
  struct windsynth_spec s;
  laos_spec(&s, 77);
  s.year = 2024;
  struct wind_profile *p = windsynth_profile(&s);
  char path[256];
  const char *dir = getenv("TMPDIR");

  ck_assert_ptr_nonnull(p);
  snprintf(path, sizeof path, "%s/check_windsynth_XXXXXX", dir ? dir : "/tmp");
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  FILE *f = fdopen(fd, "w");
  const char *const comments[] = {"made by check_windsynth", NULL};
  ck_assert_int_eq(wind_profile_write_csv(f, p, comments), 0);
  fclose(f);

  struct diag *d = diag_new();
  struct wind_profile *q = wind_profile_read(path, d);
  if (!q)
    diag_print(d, stderr);
  ck_assert_ptr_nonnull(q);
  ck_assert_uint_eq(q->n, p->n);
  ck_assert_uint_eq(q->n, 8784);
  ck_assert_int_eq(q->interval_s, 3600);
  ck_assert_int_eq(q->nh, 2);
  ck_assert_double_eq_tol(q->height_m[0], 80.0, 1e-12);
  ck_assert_double_eq_tol(q->height_m[1], 120.0, 1e-12);
  ck_assert_double_eq_tol(q->utc_offset_h, 7.0, 1e-12);
  ck_assert_int_eq(q->has_location, 1);
  ck_assert_double_eq_tol(q->latitude, 20.7, 1e-9);
  ck_assert_double_eq_tol(q->longitude, 102.0, 1e-9);
  ck_assert_double_eq_tol(q->elevation_m, 1200.0, 1e-9);
  ck_assert_str_eq(q->station, "test spec");
  for (size_t i = 0; i < p->n; i++) {
    ck_assert(q->t_utc[i] == p->t_utc[i]);
    for (int h = 0; h < 2; h++) {
      double dd = fabs(q->direction[h][i] - p->direction[h][i]);
      ck_assert_double_eq_tol(q->speed[h][i], p->speed[h][i], 0.005 + 1e-9);
      ck_assert(fmin(dd, 360.0 - dd) <= 0.05 + 1e-9);
      ck_assert_double_eq_tol(q->temp_c[h][i], p->temp_c[h][i], 0.005 + 1e-9);
      ck_assert_double_eq_tol(q->pressure_pa[h][i], p->pressure_pa[h][i], 0.5 + 1e-9);
    }
  }
  remove(path);
  wind_profile_free(q);
  wind_profile_free(p);
  diag_free(d);
}
END_TEST

/* ---- the spec file reader ----------------------------------------------------- */

static const char *const good_lines[] = {
  "latitude = 20.7;",
  "longitude = 102.0;",
  "elevation = 1200.0;",
  "utc_offset = 7.0;",
  "year = 2023;",
  "seed = 42;",
  "source = \"test values\";",
  "heights = [80.0, 120.0];",
  "reference_height = 100;",
  "speed_m_s = [7.4, 7.6, 7.5, 7.0, 6.2, 5.8, 5.9, 5.6, 5.4, 6.0, 6.8, 7.3];",
  "weibull_k = 2.1;",
  "direction_prevailing = 45.0;",
  "weight_prevailing = (0.8, 0.8, 0.8, 0.8, 0.5, 0.3, 0.3, 0.3, 0.3, 0.5, 0.7, 0.8);",
  "temp_c = [15.1, 17.6, 19.6, 22.6, 23.1, 23.1, 22.1, 21.6, 22.1, 20.6, 17.6, 15.1];",
  "diurnal_amplitude = 0.1;",
};
#define N_GOOD ((int)(sizeof good_lines / sizeof good_lines[0]))

/* Writes the good file with line `replace` (1-based, 0 for none) replaced
 * by `with` (NULL empties the line, keeping the numbering). */
static void write_cfg(char *buf, size_t n, int replace, const char *with)
{
  const char *dir = getenv("TMPDIR");
  snprintf(buf, n, "%s/check_windsynth_XXXXXX", dir ? dir : "/tmp");
  int fd = mkstemp(buf);
  ck_assert_int_ge(fd, 0);
  FILE *f = fdopen(fd, "w");
  ck_assert_ptr_nonnull(f);
  for (int i = 0; i < N_GOOD; i++)
    fprintf(f, "%s\n", i + 1 == replace ? (with ? with : "") : good_lines[i]);
  fclose(f);
}

START_TEST(test_cfg_good)
{
  char path[256];
  struct windsynth_spec s;
  struct diag *d = diag_new();

  write_cfg(path, sizeof path, 0, NULL);
  int rc = windsynth_cfg_read(path, &s, d);
  if (rc != 0)
    diag_print(d, stderr);
  ck_assert_int_eq(rc, 0);
  ck_assert_int_eq(s.nh, 2);
  ck_assert_double_eq_tol(s.height_m[1], 120.0, 1e-12);
  ck_assert_double_eq_tol(s.ref_height_m, 100.0, 1e-12); /* from an int */
  ck_assert_double_eq_tol(s.weibull_k[7], 2.1, 1e-12);   /* one for all */
  ck_assert_double_eq_tol(s.weight_prevailing[5], 0.3, 1e-12);
  ck_assert_double_eq_tol(s.speed_m_s[8], 5.4, 1e-12);
  ck_assert(s.seed == 42);
  /* Defaults. */
  ck_assert_double_eq_tol(s.dir_secondary_deg, 225.0, 1e-12);
  ck_assert_double_eq_tol(s.phi, 0.9, 1e-12);
  ck_assert_double_eq_tol(s.shear_alpha, 1.0 / 7.0, 1e-12);
  ck_assert_double_eq_tol(s.temp_range_c[3], 8.0, 1e-12);
  ck_assert_str_eq(s.source, "test values");
  remove(path);
  diag_free(d);
}
END_TEST

static const struct {
  int line;           /* good line replaced, 1-based */
  const char *with;
  const char *expect; /* after "PATH:" */
} bad_cases[] = {
  {1, "latitude = 95.5;",
   "1: latitude: expected a number between -90 and 90 degrees, got 95.5"},
  {5, "year = 2023.5;",
   "5: year: expected an integer between 1900 and 2100, got a number"},
  {7, NULL,
   "1: source: expected a string naming where the monthly values come from, "
   "got nothing"},
  {8, "heights = [80.0, 60.0];",
   "8: heights[2]: expected a height above heights[1] = 80 m, got 60"},
  {8, "heights = [40, 60, 80, 100, 120];",
   "8: heights: expected a list of 1 to 4 heights in m, got 5 elements"},
  {8, "heights = [40.0, 600.0];",
   "8: heights[2]: expected a number between 1 and 500 m, got 600"},
  {10, "speed_m_s = [7.4, 7.6, 7.5, 7.0, 6.2, 5.8, 5.9, 5.6, 5.4, 6.0, 6.8];",
   "10: speed_m_s: expected a list of 12 numbers, got 11 elements"},
  {10, "speed_m_s = 6.5;",
   "10: speed_m_s: expected a list of 12 numbers, got a number"},
  {11, "weibull_k = 0.8;",
   "11: weibull_k: expected a number between 1 and 5, got 0.8"},
  {11, "weibull_k = (2, 2, 2, 2, 2, 2, 2, \"2\", 2, 2, 2, 2);",
   "11: weibull_k[8]: expected a number between 1 and 5 (August), got a string"},
  {13, "weight_prevailing = (0.8, 0.8, 0.8, 0.8, 0.5, 0.3, 0.3, 0.3, 1.3, 0.5, 0.7, 0.8);",
   "13: weight_prevailing[9]: expected a number between 0 and 1 (September), got 1.3"},
  {12, NULL,
   "1: direction_prevailing: expected a number between 0 and 360 degrees, got nothing"},
  {15, "autocorrelation = 1.0;",
   "15: autocorrelation: expected a number between 0 and 0.99, got 1"},
  {6, "hub_height = 100;",
   "6: hub_height: expected one of latitude, longitude, elevation, utc_offset, "
   "year, seed, source, heights, reference_height, speed_m_s, weibull_k, "
   "shear_exponent, autocorrelation, diurnal_amplitude, diurnal_peak_hour, "
   "direction_prevailing, direction_secondary, kappa_prevailing, "
   "kappa_secondary, weight_prevailing, direction_persistence, temp_c, "
   "temp_range_c, temp_peak_hour, got an unknown key"},
  {3, "elevation = ;", "3: syntax error"},
};

START_TEST(test_cfg_bad)
{
  char path[256], expect[1024];
  struct windsynth_spec s;
  struct diag *d = diag_new();

  write_cfg(path, sizeof path, bad_cases[_i].line, bad_cases[_i].with);
  ck_assert_int_eq(windsynth_cfg_read(path, &s, d), -1);
  snprintf(expect, sizeof expect, "%s:%s", path, bad_cases[_i].expect);
  if (diag_count(d) != 1)
    diag_print(d, stderr);
  ck_assert_int_eq(diag_count(d), 1);
  ck_assert_str_eq(diag_get(d, 0), expect);
  remove(path);
  diag_free(d);
}
END_TEST

/* Every problem of a file is reported, in the order of the keys read. */
START_TEST(test_cfg_several)
{
  char path[256];
  struct windsynth_spec s;
  struct diag *d = diag_new();
  const char *dir = getenv("TMPDIR");

  snprintf(path, sizeof path, "%s/check_windsynth_XXXXXX", dir ? dir : "/tmp");
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  FILE *f = fdopen(fd, "w");
  fputs("latitude = 20.7;\nlongitude = 402.0;\nsource = \"x\";\n"
        "heights = [80];\nspeed_m_s = [7.4, 7.6, 7.5, 7.0, 6.2, 5.8, 5.9, 5.6, 5.4, 6.0, 6.8, 37.3];\n"
        "weibull_k = 2;\ndirection_prevailing = 45;\n", f);
  fclose(f);
  ck_assert_int_eq(windsynth_cfg_read(path, &s, d), -1);
  ck_assert_int_eq(diag_count(d), 3);
  ck_assert_ptr_nonnull(strstr(diag_get(d, 0), ":2: longitude: expected a number "
                                                "between -180 and 180 degrees, got 402"));
  ck_assert_ptr_nonnull(strstr(diag_get(d, 1), ":5: speed_m_s[12]: expected a number "
                                                "between 0.5 and 25 (December), got 37.3"));
  ck_assert_ptr_nonnull(strstr(diag_get(d, 2), ":1: temp_c: expected a list of 12 "
                                                "numbers, got nothing"));
  remove(path);
  diag_free(d);
}
END_TEST

/* The shipped spec parses, and its day-weighted annual mean at 100 m is
 * the documented 6.54 m/s. */
START_TEST(test_cfg_shipped)
{
  const char *top = getenv("top_srcdir");
  char path[1024];
  struct windsynth_spec s;
  struct diag *d = diag_new();
  double annual = 0.0;

  snprintf(path, sizeof path, "%s/profiles/laos-ridge-wind-monthly.cfg", top ? top : ".");
  int rc = windsynth_cfg_read(path, &s, d);
  if (rc != 0)
    diag_print(d, stderr);
  ck_assert_int_eq(rc, 0);
  for (int m = 0; m < 12; m++)
    annual += s.speed_m_s[m] * mdays[m] / 365.0;
  /* 0.005: the file states the mean to 2 decimals. */
  ck_assert_double_eq_tol(annual, 6.54, 0.005);
  ck_assert_int_eq(s.nh, 2);
  diag_free(d);
}
END_TEST

Suite *make_windsynth_suite(void)
{
  Suite *s = suite_create("windsynth");
  TCase *tc = tcase_create("model");
  tcase_add_test(tc, test_weibull_quantile_hand);
  tcase_add_test(tc, test_vonmises_hand);
  tcase_add_test(tc, test_direction_median);
  suite_add_tcase(s, tc);

  tc = tcase_create("profile");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_monthly_means);
  tcase_add_test(tc, test_weibull_shape);
  tcase_add_test(tc, test_autocorrelation);
  tcase_add_test(tc, test_diurnal_ratio);
  tcase_add_test(tc, test_direction_histogram);
  tcase_add_test(tc, test_temperature_pressure);
  tcase_add_test(tc, test_time_axis);
  tcase_add_test(tc, test_same_seed);
  suite_add_tcase(s, tc);

  tc = tcase_create("write");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_write_head);
  tcase_add_test(tc, test_write_small);
  tcase_add_test(tc, test_round_trip);
  suite_add_tcase(s, tc);

  tc = tcase_create("cfg");
  tcase_add_test(tc, test_cfg_good);
  tcase_add_loop_test(tc, test_cfg_bad, 0, (int)(sizeof bad_cases / sizeof bad_cases[0]));
  tcase_add_test(tc, test_cfg_several);
  tcase_add_test(tc, test_cfg_shipped);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_windsynth_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
