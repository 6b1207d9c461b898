/* Tests of the clear-sky model, the synthetic profile generator (Markov
 * transition matrix library for daily clearness, TAG for hours), its
 * monthly-means file reader and the plain profile CSV writer. */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clearsky.h"
#include "diag.h"
#include "irradiance.h"
#include "profile.h"
#include "profile_write.h"
#include "solar.h"
#include "synth.h"
#include "synth_cfg.h"
#include "units.h"

/* ---- clear sky ----------------------------------------------------------- */

/* Ineichen and Perez (2002) by hand, zenith 30 deg, elevation 700 m,
 * TL 3.2, I0 = 1400 W/m2, am_abs = 1.06138:
 *   Kasten-Young AM_rel = 1 / (cos 30 + 0.50572 (96.07995 - 30)^-1.6364)
 *                       = 1 / (0.8660254 + 0.0005316) = 1.153992;
 *   p(700 m) = 101325 (1 - 2.25577e-5 * 700)^5.25588 = 93193.55 Pa;
 *   AM_abs = 1.153992 * 93193.55 / 101325 = 1.06138 (passed rounded).
 *   fh1 = exp(-700/8000) = 0.9162189, fh2 = exp(-700/1250) = 0.5712091,
 *   cg1 = 5.09e-5*700 + 0.868 = 0.90363, cg2 = 3.92e-5*700 + 0.0387 = 0.06614;
 *   GHI = cg1 I0 cos z exp(-cg2 AM (fh1 + fh2 (TL - 1)))
 *       = 0.90363 * 1400 * 0.8660254 * exp(-0.06614 * 1.06138 * 2.1728788)
 *       = 1095.5924 * exp(-0.1525354) = 1095.5924 * 0.8585285 = 940.59796;
 *   b = 0.664 + 0.163 / fh1 = 0.8419051,
 *   DNI = b I0 exp(-0.09 AM (TL - 1)) = 1178.6671 * 0.8104600 = 955.26261
 *   (below the cap GHI (1 - (0.1 - 0.2 e^-TL) / (0.1 + 0.882 / fh1)) / cos z
 *   = 992.23), DHI = GHI - DNI cos z = 940.59796 - 827.28168 = 113.31628. */
START_TEST(test_ineichen_hand_case)
{
  double ghi, dni, dhi;
  clearsky_ineichen(30.0, 1.06138, 3.2, 700.0, 1400.0, &ghi, &dni, &dhi);
  /* 1e-6 relative: the hand values carry 8 significant digits. DHI is
   * the difference of two such values, so it keeps their 1e-5 absolute
   * rounding on top. */
  ck_assert_double_eq_tol(ghi, 940.59796, 940.6e-6);
  ck_assert_double_eq_tol(dni, 955.26261, 955.3e-6);
  ck_assert_double_eq_tol(dhi, 113.31628, 113.3e-6 + 1e-5);
}
END_TEST

START_TEST(test_ineichen_sun_down)
{
  double ghi = -1.0, dni = -1.0, dhi = -1.0;
  clearsky_ineichen(96.4, 1.5, 3.2, 700.0, 1400.0, &ghi, &dni, &dhi);
  ck_assert(ghi == 0.0 && dni == 0.0 && dhi == 0.0);
}
END_TEST

/* Clear-sky GHI stays below the extraterrestrial irradiance on a
 * horizontal plane, I0 cos z, for zenith 3.7..88.7 deg at 2500 m with a
 * very clean sky (TL 1.5, the least the header allows). */
START_TEST(test_ineichen_below_extraterrestrial)
{
  const double z = 3.7 + 5.0 * _i;
  const double p_pa = 101325.0 * pow(1.0 - 2.25577e-5 * 2500.0, 5.25588);
  const double am = irr_airmass_absolute(irr_airmass_relative(z), p_pa);
  double ghi, dni, dhi;
  clearsky_ineichen(z, am, 1.5, 2500.0, 1412.3, &ghi, &dni, &dhi);
  ck_assert(ghi > 0.0);
  ck_assert(ghi < 1412.3 * cos(deg2rad(z)));
  ck_assert(dni >= 0.0 && dhi >= 0.0);
}
END_TEST

/* ---- daily clearness: Markov transition matrix library --------------------- */

/* Stationary distribution of a 10-state chain by power iteration (every
 * matrix of the library is irreducible and aperiodic: some diagonal
 * entries are positive). Rows are normalised by their sums, as the
 * generator does. */
static void mtm_stationary(const double *p, double pi[SYNTH_MTM_STATES])
{
  double rs[SYNTH_MTM_STATES];
  for (int i = 0; i < SYNTH_MTM_STATES; i++) {
    rs[i] = 0.0;
    for (int j = 0; j < SYNTH_MTM_STATES; j++)
      rs[i] += p[i * SYNTH_MTM_STATES + j];
    pi[i] = 1.0 / SYNTH_MTM_STATES;
  }
  for (int it = 0; it < 20000; it++) {
    double nx[SYNTH_MTM_STATES] = {0};
    for (int i = 0; i < SYNTH_MTM_STATES; i++)
      for (int j = 0; j < SYNTH_MTM_STATES; j++)
        nx[j] += pi[i] * p[i * SYNTH_MTM_STATES + j] / rs[i];
    memcpy(pi, nx, sizeof nx);
  }
}

/* Mean, variance and lag-one autocorrelation of the daily Kt the chain of
 * matrix k generates. Tomorrow's value is lo + step (J + F): J drawn from
 * today's row, F uniform on 0..1 and independent of everything else (the
 * position of u within the state's share of the row). With state
 * midpoints c_j = lo + step (j + 1/2) and stationary pi:
 *   E Kt = sum pi_j c_j
 *   Var Kt = sum pi_j (c_j - E)^2 + step^2 / 12
 *   Cov(Kt_t, Kt_t+1) = sum_i sum_j pi_i P_ij (c_i - E)(c_j - E)
 * (the within-state position of today is independent of tomorrow's
 * state), so rho1 = Cov / Var. */
static void mtm_moments(int k, double *mean, double *var, double *rho1)
{
  double lo, hi, pi[SYNTH_MTM_STATES];
  const double *p = synth_mtm_matrix(k, &lo, &hi);
  mtm_stationary(p, pi);
  const double step = (hi - lo) / SYNTH_MTM_STATES;
  double m = 0.0, v = step * step / 12.0, c = 0.0;
  for (int j = 0; j < SYNTH_MTM_STATES; j++)
    m += pi[j] * (lo + step * (j + 0.5));
  for (int i = 0; i < SYNTH_MTM_STATES; i++) {
    const double di = lo + step * (i + 0.5) - m;
    double rs = 0.0;
    for (int j = 0; j < SYNTH_MTM_STATES; j++)
      rs += p[i * SYNTH_MTM_STATES + j];
    v += pi[i] * di * di;
    for (int j = 0; j < SYNTH_MTM_STATES; j++)
      c += pi[i] * p[i * SYNTH_MTM_STATES + j] / rs * di
           * (lo + step * (j + 0.5) - m);
  }
  *mean = m;
  *var = v;
  *rho1 = c / v;
}

START_TEST(test_mtm_index)
{
  /* Classes of Aguiar et al. (1988): Kt_m <= 0.30, (0.30, 0.35], ...,
   * > 0.70. */
  ck_assert_int_eq(synth_mtm_index(0.217), 0);
  ck_assert_int_eq(synth_mtm_index(0.30), 0);
  ck_assert_int_eq(synth_mtm_index(0.3001), 1);
  ck_assert_int_eq(synth_mtm_index(0.476), 4);
  ck_assert_int_eq(synth_mtm_index(0.55), 5);
  ck_assert_int_eq(synth_mtm_index(0.683), 8);
  ck_assert_int_eq(synth_mtm_index(0.7001), 9);
}
END_TEST

/* Each row of the library is a probability distribution printed to three
 * decimals: entries in 0..1 and a sum within 10 x 0.0005 of 1. Each
 * matrix was built from months whose mean Kt lies in its class, so the
 * stationary mean of its chain must fall in (or, for the open end
 * classes, beyond) that class: a mistyped row moves it out. */
START_TEST(test_mtm_library)
{
  static const double class_lo[SYNTH_MTM_COUNT] = {
    0.0, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70
  };
  static const double class_hi[SYNTH_MTM_COUNT] = {
    0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 1.0
  };
  for (int k = 0; k < SYNTH_MTM_COUNT; k++) {
    double lo, hi;
    const double *p = synth_mtm_matrix(k, &lo, &hi);
    ck_assert(lo >= 0.0 && lo < hi && hi < 0.9);
    for (int i = 0; i < SYNTH_MTM_STATES; i++) {
      double sum = 0.0;
      for (int j = 0; j < SYNTH_MTM_STATES; j++) {
        const double x = p[i * SYNTH_MTM_STATES + j];
        ck_assert(x >= 0.0 && x <= 1.0);
        sum += x;
      }
      ck_assert_msg(fabs(sum - 1.0) <= 0.005 + 1e-12,
                    "matrix %d row %d sums to %.3f", k, i, sum);
    }
    double mean, var, rho1;
    mtm_moments(k, &mean, &var, &rho1);
    ck_assert_msg(mean > class_lo[k] && mean <= class_hi[k],
                  "matrix %d: stationary mean %.4f outside %.2f..%.2f", k,
                  mean, class_lo[k], class_hi[k]);
  }
}
END_TEST

/* Hand case, matrix 4 (0.45 < Kt_m <= 0.50): range 0.028..0.807, step
 * 0.0779. Today 0.5: (0.5 - 0.028) / 0.0779 = 6.059 -> row 6
 * {0 .013 .045 .108 .112 .175 .188 .224 .117 .018}, sum 1.000.
 * u = 0.5: cumulative 0.453 before state 6 (p = 0.188), so state 6 at
 * (0.5 - 0.453) / 0.188 = 0.25 of its width: 0.028 + 0.0779 * 6.25 =
 * 0.514875. u = 0: the first state with a non-zero entry, state 1, at its
 * lower edge: 0.028 + 0.0779 = 0.1059. */
START_TEST(test_mtm_next_hand)
{
  /* The hand values are exact in decimal; 1e-12 covers binary rounding. */
  ck_assert_double_eq_tol(synth_mtm_next(4, 0.5, 0.5), 0.514875, 1e-12);
  ck_assert_double_eq_tol(synth_mtm_next(4, 0.5, 0.0), 0.1059, 1e-12);
  /* A value outside the matrix range uses the nearest row, and every
   * result lies inside the range. */
  for (int k = 0; k < SYNTH_MTM_COUNT; k++) {
    double lo, hi;
    synth_mtm_matrix(k, &lo, &hi);
    for (int i = 0; i < 50; i++) {
      double v = synth_mtm_next(k, -0.2 + 0.025 * i, 0.0199 * i);
      ck_assert(v >= lo && v <= hi);
    }
  }
}
END_TEST

/* A long chain reproduces the moments derived from its matrix
 * (mtm_moments above). The papers report day-to-day lag-one
 * autocorrelations of daily Kt of about 0.2 to 0.5; the library's own
 * values for the populous middle classes must fall there. */
START_TEST(test_mtm_autocorrelation)
{
  static const int classes[] = {3, 4, 5, 7};
  const int n = 200000;
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(r, 19880301UL);
  for (size_t c = 0; c < sizeof classes / sizeof classes[0]; c++) {
    const int k = classes[c];
    double mean, var, rho1;
    mtm_moments(k, &mean, &var, &rho1);
    ck_assert_msg(rho1 > 0.2 && rho1 < 0.5, "matrix %d: rho1 %.3f", k, rho1);
    double x = mean, s = 0.0, s2 = 0.0, s11 = 0.0, prev = 0.0;
    for (int i = 0; i < 1000; i++) /* burn-in from the mean */
      x = synth_mtm_next(k, x, gsl_rng_uniform(r));
    for (int i = 0; i < n; i++) {
      prev = x;
      x = synth_mtm_next(k, x, gsl_rng_uniform(r));
      s += x;
      s2 += x * x;
      s11 += (prev - mean) * (x - mean);
    }
    const double m_hat = s / n, v_hat = s2 / n - m_hat * m_hat;
    /* Standard error of the mean: sd / sqrt(n) inflated by
     * sqrt((1 + rho)/(1 - rho)) ~ 1.4: 0.17 / 447 * 1.4 = 0.0005; 0.003 is
     * 6 of them. Of the lag-one estimate: about 1 / sqrt(n) = 0.0022;
     * 0.012 is 5 of them. Of the variance: a few per cent. */
    ck_assert_double_eq_tol(m_hat, mean, 0.003);
    ck_assert_double_eq_tol(v_hat, var, 0.05 * var);
    ck_assert_double_eq_tol(s11 / n / var, rho1, 0.012);
  }
  gsl_rng_free(r);
}
END_TEST

/* ---- hourly clearness: TAG --------------------------------------------------- */

START_TEST(test_tag_hand)
{
  /* Kt = 0.55, sun 50 deg high: sin alt = 0.766044443.
   * lambda = -0.19 + 1.12 * 0.55 + 0.24 exp(-4.4)
   *        = -0.19 + 0.616 + 0.24 * 0.012277340 = 0.428946562
   * eps    = 0.32 - 1.6 * 0.05^2 = 0.316
   * kappa  = 0.19 + 2.27 * 0.3025 - 2.51 * 0.166375 = 0.459073750
   * ktm    = 0.428946562 + 0.316 exp(-0.459073750 / 0.766044443)
   *        = 0.428946562 + 0.316 exp(-0.599278220)
   *        = 0.428946562 + 0.316 * 0.549207901 = 0.602496258
   * A = 0.14 exp(-20 * 0.2^2) = 0.14 * 0.449328964 = 0.062906055
   * B = 3 * 0.1^2 + 16 * 0.55^5 = 0.03 + 16 * 0.050328438 = 0.835255000
   * sigma = A exp(B (1 - 0.766044443)) = 0.062906055 exp(0.195412549)
   *       = 0.076481966
   * phi1 = 0.38 + 0.06 cos(7.4 * 0.55 - 2.5) = 0.38 + 0.06 cos 1.57
   *      = 0.38 + 0.06 * 0.000796327 = 0.380047780 */
  const double s = sin(deg2rad(50.0));
  ck_assert_double_eq_tol(synth_tag_mean_kt(0.55, s), 0.602496258, 1e-8);
  ck_assert_double_eq_tol(synth_tag_sigma(0.55, s), 0.076481966, 1e-8);
  ck_assert_double_eq_tol(synth_tag_phi(0.55), 0.380047780, 1e-8);
  /* Kt = 0.3, low sun sin alt = 0.15:
   * lambda = -0.19 + 0.336 + 0.24 exp(-2.4) = 0.146 + 0.24 * 0.090717953
   *        = 0.167772309; eps = 0.32 - 1.6 * 0.04 = 0.256;
   * kappa = 0.19 + 2.27 * 0.09 - 2.51 * 0.027 = 0.326530000;
   * ktm = 0.167772309 + 0.256 exp(-2.176866667)
   *     = 0.167772309 + 0.256 * 0.113396283 = 0.196801757
   * A = 0.14 exp(-20 * 0.0025) = 0.133172119;
   * B = 3 * 0.0225 + 16 * 0.00243 = 0.10638;
   * sigma = 0.133172119 exp(0.10638 * 0.85) = 0.145775158
   * phi1 = 0.38 + 0.06 cos(-0.28) = 0.437663326 */
  ck_assert_double_eq_tol(synth_tag_mean_kt(0.3, 0.15), 0.196801757, 1e-8);
  ck_assert_double_eq_tol(synth_tag_sigma(0.3, 0.15), 0.145775158, 1e-8);
  ck_assert_double_eq_tol(synth_tag_phi(0.3), 0.437663326, 1e-8);
}
END_TEST

/* ---- synthetic profile ----------------------------------------------------- */

static const double laos_ghi[12] = {4.3, 4.9, 5.2, 5.5, 5.1, 4.4,
                                    4.0, 4.0, 4.3, 4.4, 4.2, 4.0};

static void laos_spec(struct synth_spec *s, int year, uint64_t seed)
{
  memset(s, 0, sizeof *s);
  s->latitude = 20.69;
  s->longitude = 101.99;
  s->elevation_m = 700.0;
  s->utc_offset_h = 7.0;
  s->year = year;
  s->variability = 0.6;
  s->seed = seed;
  for (int m = 0; m < 12; m++) {
    s->ghi_kwh_m2_day[m] = laos_ghi[m];
    s->temp_c[m] = 18.3 + 0.7 * m;
    s->temp_range_c[m] = 11.5;
    s->wind_m_s[m] = 1.7;
    s->linke[m] = (m == 2 || m == 3) ? 5.0 : 3.6;
  }
  strcpy(s->source, "test spec");
}

static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

/* Month 0..11 of row i of a profile starting at local midnight 1 January
 * of a non-leap year. */
static int month_of_row(size_t i)
{
  int day = (int)(i / 24), m = 0;
  while (day >= mdays[m])
    day -= mdays[m++];
  return m;
}

START_TEST(test_synth_monthly_means_exact)
{
  struct synth_spec s;
  laos_spec(&s, 2023, 7);
  struct profile *p = synth_profile(&s);
  ck_assert_ptr_nonnull(p);
  ck_assert_uint_eq(p->n, 8760);
  double sum[12] = {0};
  for (size_t i = 0; i < p->n; i++)
    sum[month_of_row(i)] += p->col[PROFILE_GHI][i];
  for (int m = 0; m < 12; m++) {
    double mean_kwh = sum[m] / 1000.0 / mdays[m];
    /* The generator's final rescale puts each month on its target (the
     * brief asks 1 %); 1e-9 relative is far tighter than any data error
     * and far looser than rounding. */
    ck_assert_double_eq_tol(mean_kwh, laos_ghi[m], laos_ghi[m] * 1e-9);
  }
  profile_free(p);
}
END_TEST

/* Every hour recomputed from the SPA position the generator documents:
 * GHI >= 0, at most clear sky, zero with the sun down, closure
 * GHI = DHI + DNI cos z. */
START_TEST(test_synth_physical)
{
  struct synth_spec s;
  laos_spec(&s, 2023, 11);
  struct profile *p = synth_profile(&s);
  ck_assert_ptr_nonnull(p);
  const double *ghi = p->col[PROFILE_GHI], *dni = p->col[PROFILE_DNI];
  const double *dhi = p->col[PROFILE_DHI];
  int night = 0, day = 0;
  /* The generator's sun: SPA with the time part interpolated between exact
   * nodes (synth.c step 1, solar.h), within 3e-7 deg of solar_time_at(). */
  struct solar_time_cache sc;
  solar_time_cache_init(&sc, SOLAR_DELTA_T_DEFAULT_S);
  for (size_t i = 0; i < p->n; i++) {
    const double t_mid = (double)p->t_utc[i] + 1800.0;
    struct solar_pos pos;
    const double p_pa = p->col[PROFILE_PRESSURE][i];
    const double frac = solar_interval_position_fast(&sc, t_mid, 3600.0,
                                                     s.latitude, s.longitude,
                                                     s.elevation_m, p_pa / 100.0,
                                                     p->col[PROFILE_TEMP_AIR][i], &pos);
    ck_assert(ghi[i] >= 0.0 && dni[i] >= 0.0 && dhi[i] >= 0.0);
    if (frac == 0.0) {
      ck_assert(ghi[i] == 0.0);
      night++;
      continue;
    }
    double cs = 0.0, cs_dni, cs_dhi;
    if (pos.zenith_deg < 90.0) {
      const double ext = irr_extraterrestrial((double)(i / 24 + 1));
      const double am = irr_airmass_absolute(irr_airmass_relative(pos.zenith_deg),
                                             p_pa);
      clearsky_ineichen(pos.zenith_deg, am, s.linke[month_of_row(i)],
                        s.elevation_m, ext, &cs, &cs_dni, &cs_dhi);
      cs *= frac;
    }
    /* Margin: 1e-9 relative, the rounding of the monthly rescaling. */
    ck_assert(ghi[i] <= cs * (1.0 + 1e-9) + 1e-9);
    /* And so below the extraterrestrial irradiance on the horizontal
     * over the sun-up part of the hour: hourly kt <= 1. */
    if (pos.zenith_deg < 90.0)
      ck_assert(ghi[i] <= irr_extraterrestrial((double)(i / 24 + 1))
                         * cos(deg2rad(pos.zenith_deg)) * frac);
    if (ghi[i] > 0.0) {
      day++;
      /* Closure to rounding of the decomposition (values up to ~1000). */
      ck_assert_double_eq_tol(dhi[i] + dni[i] * cos(deg2rad(pos.zenith_deg)),
                              ghi[i], 1e-9);
    }
  }
  /* At 20.7 N day and night are both near half the year. */
  ck_assert_int_gt(night, 3800);
  ck_assert_int_gt(day, 3800);
  profile_free(p);
}
END_TEST

START_TEST(test_synth_seed)
{
  struct synth_spec s;
  laos_spec(&s, 2023, 12345);
  struct profile *a = synth_profile(&s), *b = synth_profile(&s);
  s.seed = 12346;
  struct profile *c = synth_profile(&s);
  ck_assert(a && b && c);
  for (int col = 0; col < PROFILE_NCOLS; col++)
    if (a->col[col])
      ck_assert(memcmp(a->col[col], b->col[col], a->n * sizeof(double)) == 0);
  size_t differ = 0;
  for (size_t i = 0; i < a->n; i++)
    differ += fabs(a->col[PROFILE_GHI][i] - c->col[PROFILE_GHI][i]) > 1.0;
  /* Another seed reshuffles cloudy and clear days: most daylight hours move. */
  ck_assert_uint_gt(differ, 2000);
  profile_free(a);
  profile_free(b);
  profile_free(c);
}
END_TEST

/* Daily GHI of a profile [Wh/m2], days 0..364 of a non-leap year. */
static void daily_sums(const struct profile *p, double g[365])
{
  for (int d = 0; d < 365; d++)
    g[d] = 0.0;
  for (size_t i = 0; i < p->n; i++)
    g[i / 24] += p->col[PROFILE_GHI][i];
}

/* Day-to-day persistence in the profile. With variability 0 every day of
 * a month has the month's Kt, so G_d(v = 0) follows the month's
 * extraterrestrial shape; the ratio G_d(v) / G_d(0), normalised by its
 * monthly mean, is Kt_d / Kt_m except where the clear-sky bound trims a
 * bright day. Without that bound its lag-one autocorrelation within months
 * would be the chain's, 0.31-0.32 for the matrices of Kt_m 0.45..0.55 that
 * these Laos means select (mtm_moments; Kt_m = 4.0..5.5 kWh/m2 over
 * 8.6..10.6 kWh/m2 extraterrestrial); trimming the bright tail only
 * dilutes it. Over about 350 pairs the estimate has a standard error of
 * about 0.05, so it must lie between clearly positive (0.05) and the
 * chain's value plus 4 standard errors (0.52). */
START_TEST(test_synth_daily_persistence)
{
  struct synth_spec s;
  laos_spec(&s, 2023, 17);
  s.variability = 0.0;
  struct profile *flat = synth_profile(&s);
  s.variability = 1.0;
  struct profile *p = synth_profile(&s);
  ck_assert(flat && p);
  double g0[365], g[365], x[365];
  daily_sums(flat, g0);
  daily_sums(p, g);
  for (int m = 0, d = 0; m < 12; d += mdays[m++]) {
    double mu = 0.0;
    for (int k = d; k < d + mdays[m]; k++)
      mu += g[k] / g0[k] / mdays[m];
    for (int k = d; k < d + mdays[m]; k++)
      x[k] = g[k] / g0[k] / mu - 1.0;
  }
  double s0 = 0.0, s1 = 0.0;
  for (int m = 0, d = 0; m < 12; d += mdays[m++])
    for (int k = d; k < d + mdays[m]; k++) {
      s0 += x[k] * x[k];
      if (k > d)
        s1 += x[k] * x[k - 1];
    }
  const double rho1 = s1 / s0;
  ck_assert_msg(rho1 > 0.05 && rho1 < 0.52, "daily lag-one %.3f", rho1);
  /* Spread: the library's standard deviation of daily Kt at Kt_m ~ 0.5 is
   * about 0.16, a third of the mean; require at least a fifth. */
  ck_assert(sqrt(s0 / 365.0) > 0.2);
  profile_free(flat);
  profile_free(p);
}
END_TEST

/* Hourly clearness kt = GHI / (I0 cos z) for hours fully sun-up with the
 * sun above 20 deg: bounded by the clear sky (kt < 0.85 at 700 m with
 * TL >= 3.6, Ineichen-Perez), and with variability 1 the TAG noise gives
 * overcast hours (kt < 0.25) that the deterministic TAG mean
 * (ktm >= lambda(Kt) ~ 0.33 for Kt >= 0.45, test_tag_hand) never does. */
START_TEST(test_synth_hourly_kt)
{
  for (int v = 0; v < 2; v++) {
    struct synth_spec s;
    laos_spec(&s, 2023, 29);
    s.variability = v;
    struct profile *p = synth_profile(&s);
    ck_assert_ptr_nonnull(p);
    int n = 0, low = 0;
    for (size_t i = 0; i < p->n; i++) {
      const double t_mid = (double)p->t_utc[i] + 1800.0;
      struct solar_time st;
      struct solar_pos pos;
      solar_time_at(t_mid, SOLAR_DELTA_T_DEFAULT_S, &st);
      const double frac = solar_interval_position(
        &st, t_mid, 3600.0, SOLAR_DELTA_T_DEFAULT_S, s.latitude, s.longitude,
        s.elevation_m, p->col[PROFILE_PRESSURE][i] / 100.0,
        p->col[PROFILE_TEMP_AIR][i], &pos);
      if (frac < 1.0 || pos.zenith_deg > 70.0)
        continue;
      const double kt = p->col[PROFILE_GHI][i]
                        / (irr_extraterrestrial((double)(i / 24 + 1))
                           * cos(deg2rad(pos.zenith_deg)));
      ck_assert(kt >= 0.0 && kt < 0.85);
      n++;
      low += kt < 0.25;
    }
    /* About 3300 such hours at 20.7 N. */
    ck_assert_int_gt(n, 3000);
    if (v == 0)
      ck_assert_int_eq(low, 0);
    else
      ck_assert_int_gt(low, 100);
    profile_free(p);
  }
}
END_TEST

START_TEST(test_synth_leap_year_axis)
{
  struct synth_spec s;
  laos_spec(&s, 2024, 3);
  struct profile *p = synth_profile(&s);
  ck_assert_ptr_nonnull(p);
  ck_assert_uint_eq(p->n, 8784);
  ck_assert_int_eq(p->interval_s, 3600);
  /* 2024-01-01T00:00+07:00 = 2023-12-31T17:00Z = 1704067200 - 7 * 3600. */
  ck_assert_int_eq(p->t_utc[0], 1704042000);
  ck_assert_int_eq(p->t_utc[8783], 1704042000 + 8783 * 3600);
  profile_free(p);
}
END_TEST

/* Pressure by the standard atmosphere, temperature cycle and wind. */
START_TEST(test_synth_weather)
{
  struct synth_spec s;
  laos_spec(&s, 2023, 5);
  struct profile *p = synth_profile(&s);
  ck_assert_ptr_nonnull(p);
  /* ICAO standard atmosphere at 700 m: 931.94 hPa (hand value above). */
  ck_assert_double_eq_tol(p->col[PROFILE_PRESSURE][100], 93193.55, 0.5);
  ck_assert_double_eq_tol(p->col[PROFILE_WIND_SPEED][4000], 1.7, 1e-12);

  /* April (rows 2160..2879): the month mean within 0.2 K of 20.4 degC (the
   * hourly samples of a zero-mean cycle average to nearly zero), the daily
   * spread equal to the range, and the warmest hour 14:00 or 15:00. */
  const double *t = p->col[PROFILE_TEMP_AIR];
  double sum = 0.0;
  for (size_t i = 2160; i < 2880; i++)
    sum += t[i];
  ck_assert_double_eq_tol(sum / 720.0, 18.3 + 0.7 * 3, 0.2);
  size_t d0 = 2160 + 24 * 10, imax = d0, imin = d0;
  for (size_t i = d0; i < d0 + 24; i++) {
    if (t[i] > t[imax])
      imax = i;
    if (t[i] < t[imin])
      imin = i;
  }
  ck_assert(imax - d0 == 14 || imax - d0 == 15);
  /* Sunrise in April at 20.7 N, 102 E, UTC+7 is about 06:00. */
  ck_assert(imin - d0 >= 5 && imin - d0 <= 6);
  /* Hourly samples reach within 0.5 K of the +-range/2 extremes. */
  ck_assert_double_eq_tol(t[imax] - t[imin], 11.5, 0.5);
  profile_free(p);
}
END_TEST

START_TEST(test_synth_target_above_clear_sky)
{
  struct synth_spec s;
  laos_spec(&s, 2023, 5);
  double cs[12];
  ck_assert_int_eq(synth_clearsky_monthly(&s, cs), 0);
  /* December at 20.7 N: extraterrestrial about 7.3 kWh/m2/day, clear sky
   * with TL 3.6 between 4 and 6. */
  ck_assert(cs[11] > 4.0 && cs[11] < 6.0);
  s.ghi_kwh_m2_day[11] = cs[11] * 1.01;
  ck_assert_ptr_null(synth_profile(&s));
}
END_TEST

/* ---- monthly means file ------------------------------------------------------ */

static const char *const good_lines[] = {
  "latitude = 20.69;",
  "longitude = 101.99;",
  "elevation = 700.0;",
  "utc_offset = 7.0;",
  "year = 2024;",
  "seed = 42;",
  "variability = 0.6;",
  "source = \"test means\";",
  "ghi_kwh_m2_day = [4.3, 4.9, 5.2, 5.5, 5.1, 4.4, 4.0, 4.0, 4.3, 4.4, 4.2, 4.0];",
  "temp_c = [18.3, 20.8, 22.8, 25.8, 26.3, 26.3, 25.3, 24.8, 25.3, 23.8, 20.8, 18.3];",
  "temp_range_c = (14, 17, 17, 15, 12, 10, 8, 9, 10, 11, 11, 12);",
  "wind_m_s = [1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5];",
  "linke = [3.5, 3.5, 5.0, 5.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 3.5, 3.5];",
};
#define N_GOOD ((int)(sizeof good_lines / sizeof good_lines[0]))

/* Writes the good file with line `replace` (1-based, 0 for none) replaced
 * by `with` (NULL drops the line's text, keeping the numbering) into a new
 * temporary file; returns its path in buf. */
static void write_cfg(char *buf, size_t n, int replace, const char *with)
{
  const char *dir = getenv("TMPDIR");
  snprintf(buf, n, "%s/check_synth_XXXXXX", dir ? dir : "/tmp");
  int fd = mkstemp(buf);
  ck_assert_int_ge(fd, 0);
  FILE *f = fdopen(fd, "w");
  ck_assert_ptr_nonnull(f);
  for (int i = 0; i < N_GOOD; i++) {
    const char *line = i + 1 == replace ? (with ? with : "") : good_lines[i];
    fprintf(f, "%s\n", line);
  }
  fclose(f);
}

START_TEST(test_cfg_good)
{
  char path[256];
  write_cfg(path, sizeof path, 0, NULL);
  struct diag *d = diag_new();
  struct synth_spec s;
  int rc = synth_cfg_read(path, &s, d);
  if (rc != 0)
    diag_print(d, stderr);
  ck_assert_int_eq(rc, 0);
  ck_assert_int_eq(diag_count(d), 0);
  ck_assert_double_eq_tol(s.latitude, 20.69, 1e-12);
  ck_assert_double_eq_tol(s.elevation_m, 700.0, 1e-12);
  ck_assert_int_eq(s.year, 2024);
  ck_assert(s.seed == 42);
  ck_assert_double_eq_tol(s.ghi_kwh_m2_day[3], 5.5, 1e-12);
  ck_assert_double_eq_tol(s.temp_range_c[1], 17.0, 1e-12); /* from an int */
  ck_assert_double_eq_tol(s.linke[2], 5.0, 1e-12);
  ck_assert_str_eq(s.source, "test means");
  remove(path);
  diag_free(d);
}
END_TEST

/* Defaults when optional keys are left out: utc_offset from longitude,
 * temp_range_c 10, wind 2, linke 3, year 2023. */
START_TEST(test_cfg_defaults)
{
  char path[256];
  const char *dir = getenv("TMPDIR");
  snprintf(path, sizeof path, "%s/check_synth_XXXXXX", dir ? dir : "/tmp");
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  FILE *f = fdopen(fd, "w");
  fprintf(f, "%s\n%s\n%s\n%s\n%s\n", good_lines[0], "longitude = -97.6;",
          good_lines[7], good_lines[8], good_lines[9]);
  fclose(f);
  struct diag *d = diag_new();
  struct synth_spec s;
  ck_assert_int_eq(synth_cfg_read(path, &s, d), 0);
  ck_assert_double_eq_tol(s.utc_offset_h, -7.0, 1e-12); /* round(-97.6/15) */
  ck_assert_int_eq(s.year, 2023);
  ck_assert_double_eq_tol(s.temp_range_c[6], 10.0, 1e-12);
  ck_assert_double_eq_tol(s.wind_m_s[6], 2.0, 1e-12);
  ck_assert_double_eq_tol(s.linke[6], 3.0, 1e-12);
  ck_assert_double_eq_tol(s.variability, 1.0, 1e-12); /* the published spread */
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
   "1: latitude: expected a number between -90 and 90, got 95.5"},
  {5, "year = 2023.5;",
   "5: year: expected an integer between 1900 and 2100, got a number"},
  {7, "variability = \"high\";",
   "7: variability: expected a number between 0 and 1, got a string"},
  {8, NULL,
   "1: source: expected a string naming where the monthly means come from, "
   "got nothing"},
  {10, "temp_c = [18.3, 20.8, 22.8, 25.8, 26.3, 26.3, 25.3, 24.8, 25.3, 23.8, 20.8];",
   "10: temp_c: expected a list of 12 numbers, got 11 elements"},
  {9, "ghi_kwh_m2_day = (4.3, \"4.9\", 5.2, 5.5, 5.1, 4.4, 4.0, 4.0, 4.3, 4.4, 4.2, 4.0);",
   "9: ghi_kwh_m2_day[2]: expected a number between 0.1 and 12 (February), got "
   "a string"},
  {13, "linke = [3.5, 3.5, 5.0, 5.0, 4.0, 4.0, 4.0, 4.0, 4.0, 9.5, 3.5, 3.5];",
   "13: linke[10]: expected a number between 1.5 and 8 (October), got 9.5"},
  {6, "colour = \"blue\";",
   "6: colour: expected one of latitude, longitude, elevation, utc_offset, "
   "year, seed, variability, source, ghi_kwh_m2_day, temp_c, temp_range_c, "
   "wind_m_s, linke, got an unknown key"},
  {3, "elevation = ;", "3: syntax error"},
};

START_TEST(test_cfg_bad)
{
  char path[256], expect[1024];
  write_cfg(path, sizeof path, bad_cases[_i].line, bad_cases[_i].with);
  struct diag *d = diag_new();
  struct synth_spec s;
  ck_assert_int_eq(synth_cfg_read(path, &s, d), -1);
  snprintf(expect, sizeof expect, "%s:%s", path, bad_cases[_i].expect);
  ck_assert_int_eq(diag_count(d), 1);
  ck_assert_str_eq(diag_get(d, 0), expect);
  remove(path);
  diag_free(d);
}
END_TEST

/* A target above clear sky is reported at the element, with the bound. */
START_TEST(test_cfg_above_clear_sky)
{
  char path[256], prefix[400];
  write_cfg(path, sizeof path, 9,
            "ghi_kwh_m2_day = [9.3, 4.9, 5.2, 5.5, 5.1, 4.4, 4.0, 4.0, 4.3, 4.4, 4.2, 4.0];");
  struct diag *d = diag_new();
  struct synth_spec s;
  ck_assert_int_eq(synth_cfg_read(path, &s, d), -1);
  ck_assert_int_eq(diag_count(d), 1);
  snprintf(prefix, sizeof prefix,
           "%s:9: ghi_kwh_m2_day[1]: expected at most the clear-sky ", path);
  ck_assert(strncmp(diag_get(d, 0), prefix, strlen(prefix)) == 0);
  ck_assert_ptr_nonnull(strstr(diag_get(d, 0), "of January at this site with linke 3.5, got 9.3"));
  remove(path);
  diag_free(d);
}
END_TEST

/* The shipped monthly means parse and give an annual sum in the expected
 * 1550..1800 kWh/m2 band for northern Laos. */
START_TEST(test_cfg_shipped_laos)
{
  const char *top = getenv("top_srcdir");
  char path[1024];
  snprintf(path, sizeof path, "%s/profiles/laos-oudomxay-monthly.cfg", top ? top : ".");
  struct diag *d = diag_new();
  struct synth_spec s;
  int rc = synth_cfg_read(path, &s, d);
  if (rc != 0)
    diag_print(d, stderr);
  ck_assert_int_eq(rc, 0);
  double annual = 0.0;
  for (int m = 0; m < 12; m++)
    annual += s.ghi_kwh_m2_day[m] * mdays[m];
  ck_assert(annual > 1550.0 && annual < 1800.0);
  diag_free(d);
}
END_TEST

/* ---- CSV writer ---------------------------------------------------------------- */

START_TEST(test_write_head)
{
  struct synth_spec s;
  laos_spec(&s, 2023, 9);
  struct profile *p = synth_profile(&s);
  ck_assert_ptr_nonnull(p);
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  const char *const comments[] = {"synthetic test profile", NULL};
  ck_assert_int_eq(profile_write_csv(f, p, comments), 0);
  fclose(f);
  const char *expect_head =
    "# synthetic test profile\n"
    "# labelling: interval-start\n"
    "# latitude: 20.690000\n"
    "# longitude: 101.990000\n"
    "# elevation: 700.0\n"
    "# source: test spec\n"
    "time,ghi,dni,dhi,temp_air,wind_speed,pressure\n"
    "2023-01-01T00:00+07:00,0.00,0.00,0.00,";
  ck_assert(strncmp(buf, expect_head, strlen(expect_head)) == 0);
  /* Pressure in hPa, the standard atmosphere at 700 m: 931.94. */
  const char *nl = strchr(buf + strlen(expect_head), '\n');
  ck_assert(nl && strncmp(nl - 12, ",1.70,931.94\n", 13) == 0);
  /* The last row is 23:00 local on 31 December. */
  ck_assert_ptr_nonnull(strstr(buf, "\n2023-12-31T23:00+07:00,"));
  free(buf);
  profile_free(p);
}
END_TEST

/* A negative, fractional offset and a date before 1970. */
START_TEST(test_write_offset)
{
  struct profile *p = profile_new(2);
  ck_assert_ptr_nonnull(p);
  ck_assert_int_eq(profile_add_col(p, PROFILE_TEMP_AIR), 0);
  p->n = 2;
  p->interval_s = 3600;
  p->utc_offset_h = -3.5;
  /* 1969-12-31T21:30-03:30 = 1970-01-01T01:00Z = 3600 s. */
  p->t_utc[0] = 3600;
  p->t_utc[1] = 7200;
  p->col[PROFILE_TEMP_AIR][0] = -0.004; /* rounds to zero, no minus sign */
  p->col[PROFILE_TEMP_AIR][1] = -12.345;
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  ck_assert_int_eq(profile_write_csv(f, p, NULL), 0);
  fclose(f);
  ck_assert_str_eq(buf, "# labelling: interval-start\n"
                        "time,temp_air\n"
                        "1969-12-31T21:30-03:30,0.00\n"
                        "1969-12-31T22:30-03:30,-12.35\n");
  free(buf);
  profile_free(p);
}
END_TEST

/* Written by profile_write_csv, read back by profile_read: the same
 * time axis and the same values to the printed precision (0.005 for the
 * 2-decimal columns, 0.5 Pa for pressure printed in hPa to 0.01). */
START_TEST(test_round_trip)
{
  struct synth_spec s;
  laos_spec(&s, 2024, 21);
  struct profile *p = synth_profile(&s);
  ck_assert_ptr_nonnull(p);
  char path[256];
  const char *dir = getenv("TMPDIR");
  snprintf(path, sizeof path, "%s/check_synth_XXXXXX", dir ? dir : "/tmp");
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  FILE *f = fdopen(fd, "w");
  ck_assert_int_eq(profile_write_csv(f, p, NULL), 0);
  fclose(f);

  struct diag *d = diag_new();
  struct profile *q = profile_read(path, d);
  if (!q)
    diag_print(d, stderr);
  ck_assert_ptr_nonnull(q);
  ck_assert_uint_eq(q->n, p->n);
  ck_assert_int_eq(q->interval_s, 3600);
  ck_assert_double_eq_tol(q->latitude, 20.69, 1e-9);
  for (size_t i = 0; i < p->n; i++) {
    ck_assert_int_eq(q->t_utc[i], p->t_utc[i]);
    for (int c = PROFILE_GHI; c <= PROFILE_WIND_SPEED; c++)
      ck_assert_double_eq_tol(q->col[c][i], p->col[c][i], 0.005 + 1e-9);
    ck_assert_double_eq_tol(q->col[PROFILE_PRESSURE][i],
                            p->col[PROFILE_PRESSURE][i], 0.5 + 1e-9);
  }
  remove(path);
  profile_free(q);
  profile_free(p);
  diag_free(d);
}
END_TEST

Suite *make_synth_suite(void)
{
  Suite *s = suite_create("synth");
  TCase *tc = tcase_create("clearsky");
  tcase_add_test(tc, test_ineichen_hand_case);
  tcase_add_test(tc, test_ineichen_sun_down);
  tcase_add_loop_test(tc, test_ineichen_below_extraterrestrial, 0, 18);
  suite_add_tcase(s, tc);

  tc = tcase_create("model");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_mtm_index);
  tcase_add_test(tc, test_mtm_library);
  tcase_add_test(tc, test_mtm_next_hand);
  tcase_add_test(tc, test_mtm_autocorrelation);
  tcase_add_test(tc, test_tag_hand);
  suite_add_tcase(s, tc);

  tc = tcase_create("profile");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_synth_monthly_means_exact);
  tcase_add_test(tc, test_synth_physical);
  tcase_add_test(tc, test_synth_seed);
  tcase_add_test(tc, test_synth_daily_persistence);
  tcase_add_test(tc, test_synth_hourly_kt);
  tcase_add_test(tc, test_synth_leap_year_axis);
  tcase_add_test(tc, test_synth_weather);
  tcase_add_test(tc, test_synth_target_above_clear_sky);
  suite_add_tcase(s, tc);

  tc = tcase_create("cfg");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_cfg_good);
  tcase_add_test(tc, test_cfg_defaults);
  tcase_add_loop_test(tc, test_cfg_bad, 0,
                      (int)(sizeof bad_cases / sizeof bad_cases[0]));
  tcase_add_test(tc, test_cfg_above_clear_sky);
  tcase_add_test(tc, test_cfg_shipped_laos);
  suite_add_tcase(s, tc);

  tc = tcase_create("write");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_write_head);
  tcase_add_test(tc, test_write_offset);
  tcase_add_test(tc, test_round_trip);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_synth_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
