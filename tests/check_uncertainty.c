/* Unit tests for uncertainty.c: combined sigma over an N-year horizon,
 * analytic exceedance levels P_p = P50 (1 - z_p sigma) (Solargis P90 note;
 * the worked example of the project's factor notes, sec. 5: sigma_other
 * 6 %, sigma_IAV 5 % -> 7.81 % and P90 = 0.900 P50 for one year, 6.20 %
 * and 0.920 P50 for ten), the Monte Carlo check against them, and the
 * exceedance curve. Standard normal quantiles and densities quoted below
 * are the textbook values: z_75 = 0.6744897501960817,
 * z_90 = 1.2815515655446004, z_99 = 2.3263478740408408,
 * phi(0) = 1/sqrt(2 pi) = 0.3989422804014327. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <stdio.h>
#include <unistd.h>

#include "diag.h"
#include "profile.h"
#include "uncertainty.h"

#define Z75 0.6744897501960817
#define Z90 1.2815515655446004
#define Z99 2.3263478740408408

/* ACCEPTANCE: analytic P90 equals P50 (1 - z sigma) to 1e-9 relative. */
#define REL_ACCEPT 1e-9
/* Square roots of exact decimals quoted to 15+ digits: 1e-12 is above
 * their rounding and far below any wrong term (dropping the /N changes
 * the 10-year value by 20 %). */
#define TOL_SIGMA 1e-12
/* ACCEPTANCE: Monte Carlo within 3 standard errors of the analytic level. */
#define MC_SE_FACTOR 3.0
#define MC_SAMPLES 100000

/* The reference plant's yield (1.7 billion kWh a year, DESIGN.md) [MWh]. */
#define P50_LAOS 1700000.0

static void check_rel(double got, double want, double rel)
{
  ck_assert_double_eq_tol(got, want, rel * fabs(want));
}

/* factors.md sec. 5 example: sigma_other 6 %, sigma_IAV 5 %.
 *   1 yr:  sqrt(0.06^2 + 0.05^2 / 1)  = sqrt(0.0036 + 0.0025)  = sqrt(0.0061)  = 0.0781024967590665
 *   10 yr: sqrt(0.0036 + 0.0025 / 10) = sqrt(0.0036 + 0.00025) = sqrt(0.00385) = 0.0620483682299543
 * Three components 3 %, 4 % and wind IAV 10 % over 20 years:
 *   sqrt(0.0009 + 0.0016 + 0.01 / 20) = sqrt(0.003) = 0.0547722557505166
 * IAV alone, 4 % over 4 years: sqrt(0.0016 / 4) = 0.02. */
START_TEST(test_sigma_combined)
{
  const double other6[1] = {0.06};
  const double other34[2] = {0.03, 0.04};
  ck_assert_double_eq_tol(unc_sigma_combined(0.05, other6, 1, 1), 0.0781024967590665, TOL_SIGMA);
  ck_assert_double_eq_tol(unc_sigma_combined(0.05, other6, 1, 10), 0.0620483682299543, TOL_SIGMA);
  ck_assert_double_eq_tol(unc_sigma_combined(0.10, other34, 2, 20), 0.0547722557505166, TOL_SIGMA);
  ck_assert_double_eq_tol(unc_sigma_combined(0.04, NULL, 0, 4), 0.02, TOL_SIGMA);
  /* factors.md rounds to 7.8 % / 6.2 % (0.05 % half-unit of the 2nd decimal) */
  ck_assert_double_eq_tol(unc_sigma_combined(0.05, other6, 1, 1), 0.0781, 5e-5);
  ck_assert_double_eq_tol(unc_sigma_combined(0.05, other6, 1, 10), 0.0620, 5e-5);
}
END_TEST

/* P90 of the reference plant at sigma = 7.81 %:
 *   1.2815515655446004 x 0.0781 = 0.100089177269033
 *   P90 = 1,700,000 x (1 - 0.100089177269033) = 1,529,848.39864264 MWh
 * and the z it implies, (1 - P90/P50) / sigma, is 1.2816 to four decimals
 * (factors.md table row 19). */
START_TEST(test_p90_exact_z)
{
  double p90 = unc_p_level(P50_LAOS, 0.0781, 90.0);
  check_rel(p90, P50_LAOS * (1.0 - Z90 * 0.0781), REL_ACCEPT);
  check_rel(p90, 1529848.39864264, REL_ACCEPT);
  /* 4 decimals: half a unit of the last one */
  ck_assert_double_eq_tol((1.0 - p90 / P50_LAOS) / 0.0781, 1.2816, 5e-5);
}
END_TEST

/* Other levels, same plant and sigma:
 *   P75 = 1.7e6 (1 - 0.6744897501960817 x 0.0781) = 1,610,447.99586647
 *   P99 = 1.7e6 (1 - 2.3263478740408408 x 0.0781) = 1,391,130.79276360
 *   P1  = 1.7e6 (1 + 2.3263478740408408 x 0.0781) = 2,008,869.20723640
 *   P50 = P50 */
START_TEST(test_other_levels)
{
  check_rel(unc_p_level(P50_LAOS, 0.0781, 75.0), 1610447.99586647, REL_ACCEPT);
  check_rel(unc_p_level(P50_LAOS, 0.0781, 99.0), 1391130.79276360, REL_ACCEPT);
  check_rel(unc_p_level(P50_LAOS, 0.0781, 1.0), 2008869.20723640, REL_ACCEPT);
  check_rel(unc_p_level(P50_LAOS, 0.0781, 50.0), P50_LAOS, REL_ACCEPT);
}
END_TEST

/* factors.md sec. 5: P90 = 0.900 P50 for one year, 0.920 P50 for ten.
 *   1 - 1.2815515655446004 x 0.0781024967590665 = 0.899907623005476
 *   1 - 1.2815515655446004 x 0.0620483682299543 = 0.920481816555414
 * checked exactly, and to the 3 decimals the notes quote (tol 5e-4). */
START_TEST(test_factors_example)
{
  const double other[1] = {0.06};
  double s1 = unc_sigma_combined(0.05, other, 1, 1);
  double s10 = unc_sigma_combined(0.05, other, 1, 10);
  double f1 = unc_p_level(1.0, s1, 90.0), f10 = unc_p_level(1.0, s10, 90.0);
  check_rel(f1, 0.899907623005476, REL_ACCEPT);
  check_rel(f10, 0.920481816555414, REL_ACCEPT);
  ck_assert_double_eq_tol(f1, 0.900, 5e-4);
  ck_assert_double_eq_tol(f10, 0.920, 5e-4);
}
END_TEST

/* Monte Carlo cases: the analytic sigma is worked out by hand here, not
 * taken from unc_sigma_combined.
 *   0: PV, 1 yr, IAV 4 %, other 5 %:            sqrt(0.0016 + 0.0025) = sqrt(0.0041)  = 0.0640312423743285
 *   1: PV, 10 yr, IAV 4 %, other 3 %, 3 %, 2 %: sqrt(0.0022 + 0.00016) = sqrt(0.00236) = 0.0485798312059645
 *   2: wind 385,000 MWh, 20 yr, IAV 10 %, other 8 %: sqrt(0.0064 + 0.0005) = sqrt(0.0069) = 0.0830662386291808 */
struct mc_case {
  double p50, sigma_iav, other[3];
  int n_other, years;
  double sigma;
};
static const struct mc_case mc_cases[] = {
  {P50_LAOS, 0.04, {0.05, 0, 0}, 1, 1, 0.0640312423743285},
  {P50_LAOS, 0.04, {0.03, 0.03, 0.02}, 3, 10, 0.0485798312059645},
  {385000.0, 0.10, {0.08, 0, 0}, 1, 20, 0.0830662386291808},
};
static const double mc_levels[4] = {50.0, 75.0, 90.0, 99.0};

/* ACCEPTANCE: with N = 100,000 every level is within 3 standard errors of
 * P50 (1 - z_p sigma). */
START_TEST(test_mc_agrees)
{
  const struct mc_case *c = &mc_cases[_i];
  const double z[4] = {0.0, Z75, Z90, Z99};
  struct unc_mc mc = {MC_SAMPLES, 20240601UL};
  double *work = malloc(MC_SAMPLES * sizeof *work);
  double mwh[4], se[4];
  ck_assert_ptr_nonnull(work);
  ck_assert_int_eq(unc_monte_carlo(c->p50, c->sigma_iav, c->other, c->n_other, c->years, &mc,
                                   mc_levels, 4, mwh, se, work),
                   0);
  for (int k = 0; k < 4; k++) {
    double analytic = c->p50 * (1.0 - z[k] * c->sigma);
    ck_assert_double_gt(se[k], 0.0);
    ck_assert_double_eq_tol(mwh[k], analytic, MC_SE_FACTOR * se[k]);
  }
  free(work);
}
END_TEST

/* Standard errors of case 0, SE = P50 sigma sqrt(q (1 - q) / n) / phi(z_q),
 * sigma = 0.0640312423743285, n = 100,000, P50 sigma = 108,853.112036358:
 *   P50: q 0.50, sqrt(0.25 / 1e5)   = 0.00158113883008419, phi(0)      = 0.398942280401433 -> 431.420510363065
 *   P75: q 0.25, sqrt(0.1875 / 1e5) = 0.00136930639376292, phi(0.6745) = 0.317776572684107 -> 469.050506251593
 *   P90: q 0.10, sqrt(0.09 / 1e5)   = 0.000948683298050514, phi(1.2816) = 0.175498331932487 -> 588.422284090090
 *   P99: q 0.01, sqrt(0.0099 / 1e5) = 0.000314642654451046, phi(2.3263) = 0.0266521422034581 -> 1285.06863932060
 * Tolerance 1e-9 relative: products of values quoted to 15 digits. */
START_TEST(test_mc_std_err)
{
  const struct mc_case *c = &mc_cases[0];
  struct unc_mc mc = {MC_SAMPLES, 7UL};
  double *work = malloc(MC_SAMPLES * sizeof *work);
  double mwh[4], se[4];
  ck_assert_ptr_nonnull(work);
  ck_assert_int_eq(unc_monte_carlo(c->p50, c->sigma_iav, c->other, c->n_other, c->years, &mc,
                                   mc_levels, 4, mwh, se, work),
                   0);
  check_rel(se[0], 431.420510363065, 1e-9);
  check_rel(se[1], 469.050506251593, 1e-9);
  check_rel(se[2], 588.422284090090, 1e-9);
  check_rel(se[3], 1285.06863932060, 1e-9);
  free(work);
}
END_TEST

/* ACCEPTANCE: the same seed gives the same numbers (bit for bit); another
 * seed gives other numbers, so the first check is not vacuous. */
START_TEST(test_mc_same_seed)
{
  const struct mc_case *c = &mc_cases[1];
  struct unc_mc mc = {MC_SAMPLES, 4357UL};
  double *work = malloc(MC_SAMPLES * sizeof *work);
  double a[4], b[4], d[4], sa[4], sb[4];
  ck_assert_ptr_nonnull(work);
  ck_assert_int_eq(unc_monte_carlo(c->p50, c->sigma_iav, c->other, c->n_other, c->years, &mc,
                                   mc_levels, 4, a, sa, work),
                   0);
  ck_assert_int_eq(unc_monte_carlo(c->p50, c->sigma_iav, c->other, c->n_other, c->years, &mc,
                                   mc_levels, 4, b, sb, work),
                   0);
  ck_assert_int_eq(memcmp(a, b, sizeof a), 0);
  ck_assert_int_eq(memcmp(sa, sb, sizeof sa), 0);
  mc.seed = 4358UL;
  ck_assert_int_eq(unc_monte_carlo(c->p50, c->sigma_iav, c->other, c->n_other, c->years, &mc,
                                   mc_levels, 4, d, NULL, work),
                   0);
  ck_assert_int_ne(memcmp(a, d, sizeof a), 0);
  free(work);
}
END_TEST

/* Arguments out of range are refused and leave the outputs alone. */
START_TEST(test_mc_bad_args)
{
  const double other[1] = {0.05};
  const double bad_level[1] = {100.0}, zero_level[1] = {0.0}, ok_level[1] = {90.0};
  const double neg_other[1] = {-0.05};
  double work[16], out[1] = {37.6};
  struct unc_mc mc = {16, 1UL}, tiny = {1, 1UL};
  ck_assert_int_eq(unc_monte_carlo(1000.0, 0.04, other, 1, 1, &mc, bad_level, 1, out, NULL, work), -1);
  ck_assert_int_eq(unc_monte_carlo(1000.0, 0.04, other, 1, 1, &mc, zero_level, 1, out, NULL, work), -1);
  ck_assert_int_eq(unc_monte_carlo(1000.0, 0.04, other, 1, 0, &mc, ok_level, 1, out, NULL, work), -1);
  ck_assert_int_eq(unc_monte_carlo(1000.0, 0.04, other, 1, 1, &tiny, ok_level, 1, out, NULL, work), -1);
  ck_assert_int_eq(unc_monte_carlo(1000.0, -0.04, other, 1, 1, &mc, ok_level, 1, out, NULL, work), -1);
  ck_assert_int_eq(unc_monte_carlo(1000.0, 0.04, neg_other, 1, 1, &mc, ok_level, 1, out, NULL, work), -1);
  ck_assert_int_eq(unc_monte_carlo(1000.0, 0.04, other, 1, 1, &mc, ok_level, 1, out, NULL, NULL), -1);
  ck_assert_double_eq(out[0], 37.6);
  ck_assert_int_eq(unc_monte_carlo(1000.0, 0.04, other, 1, 1, &mc, ok_level, 1, out, NULL, work), 0);
  ck_assert_double_ne(out[0], 37.6);
}
END_TEST

/* 99 points are P1, P2, ..., P99; P90 is point 89 with the value of
 * test_p90_exact_z; the curve falls as p rises and is symmetric about
 * P50: P_p + P_(100-p) = 2 P50 since z_(100-p) = -z_p. */
START_TEST(test_exceedance_curve)
{
  double p[99], mwh[99];
  unc_exceedance_curve(P50_LAOS, 0.0781, 99, p, mwh);
  ck_assert_double_eq(p[0], 1.0);
  ck_assert_double_eq(p[49], 50.0);
  ck_assert_double_eq(p[89], 90.0);
  ck_assert_double_eq(p[98], 99.0);
  check_rel(mwh[89], 1529848.39864264, REL_ACCEPT);
  check_rel(mwh[0], 2008869.20723640, REL_ACCEPT);
  check_rel(mwh[49], P50_LAOS, REL_ACCEPT);
  for (int i = 1; i < 99; i++)
    ck_assert_double_lt(mwh[i], mwh[i - 1]);
  for (int i = 0; i < 99; i++)
    check_rel(mwh[i] + mwh[98 - i], 2.0 * P50_LAOS, REL_ACCEPT);

  /* 5 points: p = 1, 25.5, 50, 74.5, 99 (step 98 / 4 = 24.5) */
  double p5[5], m5[5];
  unc_exceedance_curve(P50_LAOS, 0.0781, 5, p5, m5);
  ck_assert_double_eq_tol(p5[1], 25.5, 1e-12);
  ck_assert_double_eq_tol(p5[3], 74.5, 1e-12);
  check_rel(m5[4], 1391130.79276360, REL_ACCEPT);
}
END_TEST

/* Interannual variability of yearly energies 90, 100, 110: mean 100,
 * sample sd sqrt((100 + 0 + 100) / 2) = 10, so 0.1. Fewer than two years or
 * a zero mean give -1. */
START_TEST(test_iav_from_years)
{
  const double e[3] = {90.0, 100.0, 110.0};
  const double zero[2] = {0.0, 0.0};
  ck_assert_double_eq_tol(unc_iav_from_years(e, 3), 0.1, 1e-15);
  ck_assert_double_eq_tol(unc_iav_from_years(e, 2), sqrt(50.0) / 95.0, 1e-15);
  ck_assert_double_eq(unc_iav_from_years(e, 1), -1.0);
  ck_assert_double_eq(unc_iav_from_years(zero, 2), -1.0);
}
END_TEST

/* P99 = P50 (1 - z_99 sigma) > 0 needs sigma < 1 / z_99 = 1 / 2.3263479 =
 * 0.4298583; P90 the same with z_90 = 1.2815516: 0.7803041. */
START_TEST(test_sigma_limit)
{
  ck_assert_double_eq_tol(unc_sigma_limit(99), 0.4298583, 1e-7);
  ck_assert_double_eq_tol(unc_sigma_limit(90), 0.7803041, 1e-7);
  ck_assert_double_eq_tol(unc_p_level(1000.0, unc_sigma_limit(99), 99), 0.0, 1e-9);
}
END_TEST

/* Defaults by source, sqrt(R^2 + 0.04^2) with R = 3, 4, 5 and
 * sqrt(6^2 + 4^2) %; a source that is not stated takes the measured one. */
START_TEST(test_source_defaults)
{
  ck_assert_double_eq_tol(unc_pv_other_default(UNC_SOURCE_MEASURED), 0.05, 1e-12);
  ck_assert_double_eq_tol(unc_pv_other_default(UNC_SOURCE_NOT_STATED), 0.05, 1e-12);
  ck_assert_double_eq_tol(unc_pv_other_default(UNC_SOURCE_SATELLITE), 0.0565685, 1e-7);
  ck_assert_double_eq_tol(unc_pv_other_default(UNC_SOURCE_TYPICAL), 0.0640312, 1e-7);
  ck_assert_double_eq_tol(unc_pv_other_default(UNC_SOURCE_SYNTHETIC), 0.0824621, 1e-7);
  ck_assert_int_eq(unc_source_of_format("tmy3", 0), UNC_SOURCE_TYPICAL);
  ck_assert_int_eq(unc_source_of_format("tmy2", 0), UNC_SOURCE_TYPICAL);
  ck_assert_int_eq(unc_source_of_format("epw", 0), UNC_SOURCE_TYPICAL);
  ck_assert_int_eq(unc_source_of_format("pvgis-tmy", 0), UNC_SOURCE_TYPICAL);
  ck_assert_int_eq(unc_source_of_format("pvgis-hourly", 0), UNC_SOURCE_SATELLITE);
  ck_assert_int_eq(unc_source_of_format("synth", 0), UNC_SOURCE_SYNTHETIC);
  ck_assert_int_eq(unc_source_of_format("csv", 1), UNC_SOURCE_SYNTHETIC);
  ck_assert_int_eq(unc_source_of_format("csv", 0), UNC_SOURCE_NOT_STATED);
  ck_assert_int_eq(unc_source_of_format("sam-csv", 0), UNC_SOURCE_NOT_STATED);
  ck_assert_int_eq(unc_source_parse("typical_year"), UNC_SOURCE_TYPICAL);
  ck_assert_int_eq(unc_source_parse("tmy"), -1);
  ck_assert_str_eq(unc_source_key(UNC_SOURCE_SYNTHETIC), "synthetic");
}
END_TEST

/* The CSV reader knows the first comment renewcalc's synth command writes;
 * the wind command's and a look-alike are not it. */
START_TEST(test_csv_synth_header)
{
  static const char *const first[] = { "# made by renewcalc profile synth from m.cfg\n",
                                       "# made by renewcalc profile synth-wind from m.cfg\n",
                                       "# note: measured on the roof\n" };
  static const int want[] = { 1, 0, 0 };
  for (int k = 0; k < 3; k++) {
    char path[] = "/tmp/check_unc_csv.XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    ck_assert_ptr_nonnull(f);
    fprintf(f, "%s# labelling: interval-start\ntime,ghi\n"
               "2023-01-01T00:00+07:00,0\n2023-01-01T01:00+07:00,0\n", first[k]);
    fclose(f);
    struct diag *d = diag_new();
    struct profile *p = profile_read(path, d);
    unlink(path);
    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(p->synthetic, want[k]);
    profile_free(p);
    diag_free(d);
  }
}
END_TEST

Suite *make_uncertainty_suite(void)
{
  Suite *s = suite_create("uncertainty");
  TCase *tc = tcase_create("analytic");
  tcase_add_test(tc, test_sigma_combined);
  tcase_add_test(tc, test_p90_exact_z);
  tcase_add_test(tc, test_other_levels);
  tcase_add_test(tc, test_factors_example);
  tcase_add_test(tc, test_exceedance_curve);
  tcase_add_test(tc, test_iav_from_years);
  tcase_add_test(tc, test_sigma_limit);
  tcase_add_test(tc, test_source_defaults);
  tcase_add_test(tc, test_csv_synth_header);
  suite_add_tcase(s, tc);
  TCase *mc = tcase_create("monte_carlo");
  tcase_add_loop_test(mc, test_mc_agrees, 0, (int)(sizeof mc_cases / sizeof mc_cases[0]));
  tcase_add_test(mc, test_mc_std_err);
  tcase_add_test(mc, test_mc_same_seed);
  tcase_add_test(mc, test_mc_bad_args);
  suite_add_tcase(s, mc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_uncertainty_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
