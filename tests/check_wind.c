/* Tests of the wind resource physics: shear laws, air density, the standard
 * atmosphere, the Weibull maximum-likelihood fit, and annual energy by
 * integration over a Weibull distribution and by the IEC 61400-12-1 bin
 * method.
 *
 * Environment: RENEWCALC_SHARED (default "$top_srcdir/../shared") locates
 * data/wind/turbines/power_curve_V90_2000.csv, read when present to check
 * that the curve typed below is the same. */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "diag.h"
#include "turbine.h"
#include "wind.h"

static char shared[1100];

/* Vestas V90-2.0 MW, windpowerlib oedb curve as in the shared
 * data/wind/turbines/power_curve_V90_2000.csv: 0 .. 16.5 m/s by 0.5. */
static const double v90_kw[34] = {
  0, 0, 0, 0, 0, 0, 0, 42.2, 93.3, 145.2, 211.3, 284.2, 390.9, 491.5, 601.1,
  731.8, 884.5, 1087.6, 1247.1, 1429.6, 1594.3, 1742.9, 1861.2, 1948.1, 1993.3,
  2003.5, 2007, 2007.7, 2007.3, 2007.4, 2007, 2006.8, 2006.7, 2006.5,
};

static void v90(struct turbine *t)
{
  struct diag *d = diag_new();

  memset(t, 0, sizeof *t);
  snprintf(t->name, sizeof t->name, "V90-2.0MW");
  t->rated_kw = 2000.0;
  t->rotor_diameter_m = 90.0;
  t->n = 34;
  for (int i = 0; i < 34; i++) {
    t->speed_ms[i] = 0.5 * i;
    t->power_kw[i] = v90_kw[i];
    t->ct[i] = NAN;
  }
  ck_assert_int_eq(turbine_check(t, "v90", 0, d), 0);
  diag_free(d);
}

/* ---- shear, density, atmosphere -------------------------------------------- */

START_TEST(test_shear)
{
  double v2;

  /* Power law: 6.2 x (80/10)^0.143 = 6.2 x 1.3463001 = 8.3470604 m/s.
   * Log law, z0 = 0.03 m: 6.2 x ln(80/0.03) / ln(10/0.03) = 6.2 x 7.888585 /
   * 5.809143 = 8.4193528 m/s (python3 as a calculator).
   * Tolerance 1e-6 m/s: hand values to 7-8 digits. */
  ck_assert_double_eq_tol(wind_shear_power(6.2, 10.0, 80.0, 0.143), 8.3470604, 1e-6);
  ck_assert_double_eq_tol(wind_shear_log(6.2, 10.0, 80.0, 0.03), 8.4193528, 1e-6);
  /* Same height: unchanged. */
  ck_assert_double_eq_tol(wind_shear_power(7.3, 37.6, 37.6, 0.2), 7.3, 1e-12);
  ck_assert_double_eq_tol(wind_shear_log(7.3, 37.6, 37.6, 0.1), 7.3, 1e-12);
  /* alpha from the two speeds above: ln(8.3470604/6.2)/ln(8) = 0.143. */
  ck_assert_double_eq_tol(wind_shear_alpha(6.2, 10.0, 8.3470604, 80.0), 0.143, 1e-7);
  /* Round trip at other heights: fitted alpha gives back the speed. */
  v2 = wind_shear_power(5.83, 37.6, 112.0, 0.21);
  ck_assert_double_eq_tol(wind_shear_alpha(5.83, 37.6, v2, 112.0), 0.21, 1e-12);
  ck_assert_double_eq_tol(wind_shear_power(5.83, 37.6, 112.0,
                                           wind_shear_alpha(5.83, 37.6, v2, 112.0)),
                          v2, 1e-12);
}
END_TEST

START_TEST(test_density)
{
  /* ISO standard sea level: 101325 / (287.05 x 288.15) = 1.2250 kg/m3;
   * tolerance 5e-5, the reference is given to 4 decimals. */
  ck_assert_double_eq_tol(wind_air_density(15.0, 101325.0), 1.2250, 5e-5);
  /* 31.4 degC, 93200 Pa: 93200 / (287.05 x 304.55) = 1.0661045 kg/m3. */
  ck_assert_double_eq_tol(wind_air_density(31.4, 93200.0), 1.0661045, 1e-7);
  /* ISO 2533 table at 1000 m: 898.746 hPa, 8.5 degC; at 0 m 1013.25 hPa.
   * Tolerance 1 Pa: the table's last digit is 0.001 hPa = 0.1 Pa, the
   * exponent 5.25588 is rounded. */
  ck_assert_double_eq_tol(wind_pressure_at_elevation(1000.0), 89874.6, 1.0);
  ck_assert_double_eq_tol(wind_pressure_at_elevation(0.0), 101325.0, 1e-9);
  ck_assert_double_eq_tol(wind_temperature_at_elevation(1000.0), 8.5, 1e-12);
  ck_assert_double_eq_tol(wind_temperature_at_elevation(0.0), 15.0, 1e-12);
}
END_TEST

START_TEST(test_scale_from_mean)
{
  /* k = 2: Gamma(1.5) = sqrt(pi)/2 = 0.88622693, c = 7.37 / 0.88622693 =
   * 8.3161545 m/s. k = 1: Gamma(2) = 1, c = mean. */
  ck_assert_double_eq_tol(wind_weibull_scale_from_mean(2.0, 7.37), 8.3161545, 1e-6);
  ck_assert_double_eq_tol(wind_weibull_scale_from_mean(1.0, 6.4), 6.4, 1e-12);
}
END_TEST

/* ---- Weibull maximum likelihood ---------------------------------------------- */

#define PI 3.14159265358979323846
#define NSAMPLES 50000
#define K_TRUE 2.13
#define C_TRUE 8.37

static double *draw_samples(void)
{
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  double *v = malloc(NSAMPLES * sizeof *v);

  ck_assert_ptr_nonnull(r);
  ck_assert_ptr_nonnull(v);
  gsl_rng_set(r, 20240611UL);
  for (int i = 0; i < NSAMPLES; i++)
    v[i] = gsl_ran_weibull(r, C_TRUE, K_TRUE); /* scale a, shape b */
  gsl_rng_free(r);
  return v;
}

/* ACCEPTANCE: the fit recovers k and c from 50,000 samples of GSL's Weibull
 * generator within 1 % (the standard error of k's estimate is about
 * 0.78 k / sqrt(n) = 0.35 %, of c's about 0.3 %). */
START_TEST(test_weibull_fit)
{
  double *v = draw_samples();
  double k = 0.0, c = 0.0, k2 = 0.0, c2 = 0.0;
  double *v0 = malloc((NSAMPLES + 3) * sizeof *v0);

  ck_assert_int_eq(wind_weibull_fit(v, NSAMPLES, &k, &c), 0);
  ck_assert_double_eq_tol(k, K_TRUE, 0.01 * K_TRUE);
  ck_assert_double_eq_tol(c, C_TRUE, 0.01 * C_TRUE);

  /* Calm hours (zeros) are skipped: the same fit with three of them. */
  ck_assert_ptr_nonnull(v0);
  v0[0] = v0[1] = v0[2] = 0.0;
  memcpy(v0 + 3, v, NSAMPLES * sizeof *v);
  ck_assert_int_eq(wind_weibull_fit(v0, NSAMPLES + 3, &k2, &c2), 0);
  ck_assert_double_eq_tol(k2, k, 1e-9);
  ck_assert_double_eq_tol(c2, c, 1e-9);
  free(v0);
  free(v);
}
END_TEST

START_TEST(test_weibull_fit_degenerate)
{
  const double one[] = {0.0, 6.1, 0.0};
  const double same[] = {5.5, 5.5, 5.5, 5.5};
  double k = -1.0, c = -1.0;

  ck_assert_int_eq(wind_weibull_fit(one, 3, &k, &c), -1);
  ck_assert_int_eq(wind_weibull_fit(same, 4, &k, &c), -1);
  ck_assert_double_eq(k, -1.0);
}
END_TEST

/* Two values, v = {2, 8}: the fitted k satisfies the likelihood equation
 * (2^k ln 2 + 8^k ln 8) / (2^k + 8^k) - 1/k = (ln 2 + ln 8)/2 = ln 4, and
 * c = ((2^k + 8^k)/2)^(1/k) (Seguro & Lambert eq. 9-10 written out for
 * n = 2). Bisection of that equation in python3 gives k = 1.7307704,
 * c = 5.6359157. Tolerance 1e-6: the hand values have 8 digits; the
 * equation itself holds to 1e-9 (the solver stops at |dk| < 1e-12). */
START_TEST(test_weibull_fit_two_values)
{
  const double v[] = {2.0, 8.0};
  double k, c, a, b, g;

  ck_assert_int_eq(wind_weibull_fit(v, 2, &k, &c), 0);
  ck_assert_double_eq_tol(k, 1.7307704, 1e-6);
  ck_assert_double_eq_tol(c, 5.6359157, 1e-6);
  a = pow(2.0, k);
  b = pow(8.0, k);
  g = (a * log(2.0) + b * log(8.0)) / (a + b) - 1.0 / k - log(4.0);
  ck_assert_double_eq_tol(g, 0.0, 1e-9);
  ck_assert_double_eq_tol(c, pow((a + b) / 2.0, 1.0 / k), 1e-9);
}
END_TEST

/* ---- annual energy ------------------------------------------------------------ */

/* Constant 1000 kW from 4 to 20 m/s: AEP = 8760 h x 1000 kW x
 * [exp(-(4/c)^k) - exp(-(20/c)^k)] / 1000 = 7103.9735 MWh for k = 2.13,
 * c = 8.37 (python3 as a calculator). Tolerance 1e-4 MWh: the integration's
 * relative tolerance is 1e-9. */
START_TEST(test_aep_weibull_hand)
{
  struct turbine t;
  struct diag *d = diag_new();

  memset(&t, 0, sizeof t);
  snprintf(t.name, sizeof t.name, "flat");
  t.rated_kw = 1000.0;
  /* Large enough for 1000 kW at 4 m/s below the Betz limit (1051 kW). */
  t.rotor_diameter_m = 240.0;
  t.n = 2;
  t.speed_ms[0] = 4.0;
  t.speed_ms[1] = 20.0;
  t.power_kw[0] = t.power_kw[1] = 1000.0;
  ck_assert_int_eq(turbine_check(&t, "flat", 0, d), 0);
  ck_assert_double_eq_tol(wind_aep_weibull(&t, 2.13, 8.37, TURBINE_RHO0,
                                           TURBINE_DENSITY_OFF, 8760.0),
                          7103.9735, 1e-4);
  diag_free(d);
}
END_TEST

/* ACCEPTANCE: the integral AEP and the mean over the 50,000 samples agree
 * within sampling error: |integral - sample| < 3 standard errors of the
 * sample mean (sd of P over the samples / sqrt(n)), for each density mode. */
START_TEST(test_aep_weibull_samples)
{
  static const struct {
    enum turbine_density mode;
    double rho;
  } cases[] = {
    {TURBINE_DENSITY_OFF, TURBINE_RHO0},
    {TURBINE_DENSITY_IEC, 1.12},
    {TURBINE_DENSITY_POWER, 1.31},
  };
  double *v = draw_samples();
  struct turbine t;

  ck_assert_int_eq(turbine_builtin("NREL-5MW", &t), 0);
  for (size_t m = 0; m < sizeof cases / sizeof cases[0]; m++) {
    double sum = 0.0, sum2 = 0.0, mean, sd, se_mwh, sample_mwh, integral_mwh;

    for (int i = 0; i < NSAMPLES; i++) {
      double p = turbine_power_kw(&t, v[i], cases[m].rho, cases[m].mode);

      sum += p;
      sum2 += p * p;
    }
    mean = sum / NSAMPLES;
    sd = sqrt((sum2 - NSAMPLES * mean * mean) / (NSAMPLES - 1));
    sample_mwh = mean * 8760.0 / 1000.0;
    se_mwh = sd / sqrt((double)NSAMPLES) * 8760.0 / 1000.0;
    integral_mwh = wind_aep_weibull(&t, K_TRUE, C_TRUE, cases[m].rho,
                                    cases[m].mode, 8760.0);
    ck_assert_msg(fabs(integral_mwh - sample_mwh) < 3.0 * se_mwh,
                  "mode %d: integral %.1f MWh, samples %.1f MWh, se %.1f MWh",
                  (int)cases[m].mode, integral_mwh, sample_mwh, se_mwh);
    /* The test has power: the standard error is well below 1 %. */
    ck_assert(se_mwh < 0.01 * sample_mwh);
  }
  free(v);
}
END_TEST

/* ACCEPTANCE: IEC 61400-12-1 Rayleigh AEP of the V90 curve at mean speeds
 * 4..11 m/s equals a hand computation to 0.1 %. The table, AEP [MWh] =
 * 8760 sum_{i=1}^{33} [F(V_i) - F(V_{i-1})] (P_{i-1} + P_i) / 2 / 1000 with
 * V_i = 0.5 i, P_i the curve's value at V_i, F(V) = 1 - exp(-pi/4 (V/Vave)^2),
 * computed with awk as a calculator over the shared curve file:
 *
 *   awk -F, 'NR>1{v[NR-2]=$1; p[NR-2]=$2; n=NR-2} END{pi=atan2(0,-1);
 *     for(m=4;m<=11;m++){s=0; for(i=1;i<=n;i++){
 *       F1=1-exp(-pi/4*(v[i]/m)^2); F0=1-exp(-pi/4*(v[i-1]/m)^2);
 *       s+=(F1-F0)*(p[i-1]+p[i])/2} printf "%d %.1f\n", m, s*8760/1000}}'
 *     data/wind/turbines/power_curve_V90_2000.csv
 *
 *   Vave m/s    4       5       6       7       8       9      10      11
 *   AEP MWh  1718.8  3225.1  4885.8  6377.5  7486.6  8158.1  8444.3  8438.6 */
static const double iec_table_mwh[8] = {
  1718.8, 3225.1, 4885.8, 6377.5, 7486.6, 8158.1, 8444.3, 8438.6,
};

START_TEST(test_aep_iec_rayleigh)
{
  struct turbine t;
  double v_mean = 4.0 + _i;

  v90(&t);
  ck_assert_double_eq_tol(wind_aep_iec_rayleigh(&t, v_mean, TURBINE_RHO0,
                                                TURBINE_DENSITY_OFF, 8760.0),
                          iec_table_mwh[_i], 0.001 * iec_table_mwh[_i]);
}
END_TEST

/* The bin method and the exact integral of the same curve over the same
 * Rayleigh distribution (Weibull k = 2, c = Vave / Gamma(1.5)) differ only
 * by the bin method's trapezoid over 0.5 m/s: within 1 % for Vave 5..10. */
START_TEST(test_aep_methods_agree)
{
  struct turbine t;

  v90(&t);
  for (double vm = 5.0; vm <= 10.0; vm += 1.0) {
    double iec = wind_aep_iec_rayleigh(&t, vm, TURBINE_RHO0, TURBINE_DENSITY_OFF, 8760.0);
    double integral = wind_aep_weibull(&t, 2.0, wind_weibull_scale_from_mean(2.0, vm),
                                       TURBINE_RHO0, TURBINE_DENSITY_OFF, 8760.0);

    ck_assert_double_eq_tol(iec, integral, 0.01 * integral);
  }
}
END_TEST

/* Above the last point: with the cut-out speed raised to 25 m/s the last
 * power (2006.5 kW at 16.5 m/s) is held, which adds the bins 17..25 m/s,
 * each at (2006.5 + 2006.5)/2 kW; their probabilities add up to
 * F(25) - F(16.5), so at Vave = 11 m/s the AEP grows by
 * 8.76 x 2006.5 x [exp(-pi/4 (16.5/11)^2) - exp(-pi/4 (25/11)^2)] MWh. */
START_TEST(test_aep_hold_to_cut_out)
{
  struct turbine t;
  double base, held, expect;

  v90(&t);
  base = wind_aep_iec_rayleigh(&t, 11.0, TURBINE_RHO0, TURBINE_DENSITY_OFF, 8760.0);
  t.cut_out_ms = 25.0;
  held = wind_aep_iec_rayleigh(&t, 11.0, TURBINE_RHO0, TURBINE_DENSITY_OFF, 8760.0);
  expect = 8.76 * 2006.5 * (exp(-PI / 4.0 * pow(16.5 / 11.0, 2.0)) -
                            exp(-PI / 4.0 * pow(25.0 / 11.0, 2.0)));
  ck_assert_double_eq_tol(held - base, expect, 1e-6 * expect);
}
END_TEST

/* The curve typed in v90() is the shared file's. */
START_TEST(test_v90_shared)
{
  char path[1300];
  struct turbine t, ref;
  struct diag *d;

  snprintf(path, sizeof path, "%s/data/wind/turbines/power_curve_V90_2000.csv",
           shared);
  if (access(path, R_OK) != 0) {
    printf("check_wind: %s not found, test skipped\n", path);
    return;
  }
  d = diag_new();
  ck_assert_int_eq(turbine_read_csv(path, &t, d), 0);
  v90(&ref);
  ck_assert_int_eq(t.n, ref.n);
  for (int i = 0; i < t.n; i++) {
    ck_assert_double_eq(t.speed_ms[i], ref.speed_ms[i]);
    ck_assert_double_eq(t.power_kw[i], ref.power_kw[i]);
  }
  diag_free(d);
}
END_TEST

Suite *make_wind_suite(void)
{
  Suite *s = suite_create("wind");
  TCase *tc = tcase_create("physics");

  tcase_add_test(tc, test_shear);
  tcase_add_test(tc, test_density);
  tcase_add_test(tc, test_scale_from_mean);
  suite_add_tcase(s, tc);

  tc = tcase_create("weibull");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_weibull_fit);
  tcase_add_test(tc, test_weibull_fit_degenerate);
  tcase_add_test(tc, test_weibull_fit_two_values);
  suite_add_tcase(s, tc);

  tc = tcase_create("aep");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_aep_weibull_hand);
  tcase_add_test(tc, test_aep_weibull_samples);
  tcase_add_loop_test(tc, test_aep_iec_rayleigh, 0, 8);
  tcase_add_test(tc, test_aep_methods_agree);
  tcase_add_test(tc, test_aep_hold_to_cut_out);
  tcase_add_test(tc, test_v90_shared);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  const char *top = getenv("top_srcdir");
  const char *sh = getenv("RENEWCALC_SHARED");
  SRunner *sr;
  int failed;

  if (sh && *sh)
    snprintf(shared, sizeof shared, "%s", sh);
  else
    snprintf(shared, sizeof shared, "%s/../shared", top && *top ? top : ".");
  sr = srunner_create(make_wind_suite());
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
