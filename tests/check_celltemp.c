/* Tests of the cell temperature models (celltemp.c) against hand
 * calculations from the published equations, the NOCT calibration of the
 * Fuentes model, and invariants. */
#include <check.h>
#include <stdlib.h>

#include "celltemp.h"

/* SAM NOCT model, PVWatts v8 open rack (T_noct 45, ffv 0.51, adj 0),
 * standard module eff_ref = 35.8 * 9.01 / (1000 * 1.6864) = 0.1912702.
 * G = 850 W/m2, Ta = 27.4 degC, ws = 3.1 m/s, cover passes 95 %:
 *   tau_alpha = 0.9 * 0.95 = 0.855; 1 - 0.1912702/0.855 = 0.7762922
 *   v = 0.51 * 3.1 = 1.581; 9.5 / (5.7 + 3.8 * 1.581) = 9.5/11.7078 = 0.8114249
 *   rise = 850/800 * 25 * 0.7762922 * 0.8114249 = 16.73179
 *   T = 27.4 + 16.73179 = 44.13179 degC
 * Tolerance 1e-4 degC: hand value rounded at the 5th decimal. */
START_TEST(test_noct_open_rack)
{
  struct celltemp_noct p = celltemp_noct_pvwatts8(35.8 * 9.01 / (1000.0 * 1.6864), 0);
  ck_assert_double_eq_tol(celltemp_noct(&p, 850.0, 27.4, 3.1, 0.95), 44.13179, 1e-4);
}
END_TEST

/* Roof mount, T_noct 49: rise = 850/800 * 29 * 0.7762922 * 0.8114249
 *   = 19.40888; T = 46.80888 degC. Tolerance as above. */
START_TEST(test_noct_roof)
{
  struct celltemp_noct p = celltemp_noct_pvwatts8(35.8 * 9.01 / (1000.0 * 1.6864), 1);
  ck_assert_double_eq_tol(celltemp_noct(&p, 850.0, 27.4, 3.1, 0.95), 46.80888, 1e-4);
}
END_TEST

/* Calm air is floored at 0.001 m/s: with G = 800, Ta = 20, eff_ref 0 and
 * tau_alpha 0.9 the rise is (45 - 20) * 9.5 / (5.7 + 0.0038) = 237.5 / 5.7038
 * = 41.63891, so T = 61.63891 degC.
 * Tolerance 1e-4 degC: rounding of the hand value. */
START_TEST(test_noct_calm)
{
  struct celltemp_noct p = { 45.0, 0.0, 0.51, 0.0, 0.9 };
  ck_assert_double_eq_tol(celltemp_noct(&p, 800.0, 20.0, 0.0, 1.0), 61.63891, 1e-4);
}
END_TEST

/* Faiman (2008) with U0 = 25.0, U1 = 6.84: 850 / (25 + 6.84 * 3.1)
 *   = 850 / 46.204 = 18.39668; T = 27.4 + 18.39668 = 45.79668 degC.
 * Tolerance 1e-4 degC: rounding of the hand value. */
START_TEST(test_faiman)
{
  struct celltemp_faiman p = { 25.0, 6.84 };
  ck_assert_double_eq_tol(celltemp_faiman(&p, 850.0, 27.4, 3.1), 45.79668, 1e-4);
}
END_TEST

/* PVsyst with U_c = 29, U_v = 1.2, alpha 0.9, eta 0.1:
 *   0.9 * 850 * 0.9 / (29 + 1.2 * 3.1) = 688.5 / 32.72 = 21.04218;
 *   T = 48.44218 degC. Tolerance 1e-4 degC: rounding. */
START_TEST(test_pvsyst)
{
  struct celltemp_pvsyst p = { 29.0, 1.2, 0.9, 0.1 };
  ck_assert_double_eq_tol(celltemp_pvsyst(&p, 850.0, 27.4, 3.1), 48.44218, 1e-4);
}
END_TEST

/* All steady models give air temperature at zero irradiance. */
START_TEST(test_night_is_air)
{
  struct celltemp_noct pn = celltemp_noct_pvwatts8(0.19, 0);
  struct celltemp_faiman pf = { 25.0, 6.84 };
  struct celltemp_pvsyst pp = { 29.0, 0.0, 0.9, 0.1 };
  ck_assert_double_eq(celltemp_noct(&pn, 0.0, -3.7, 2.2, 1.0), -3.7);
  ck_assert_double_eq(celltemp_faiman(&pf, 0.0, -3.7, 2.2), -3.7);
  ck_assert_double_eq(celltemp_pvsyst(&pp, 0.0, -3.7, 2.2), -3.7);
}
END_TEST

/* More sun, hotter cell; more wind, cooler cell (steady models). */
START_TEST(test_monotonic)
{
  struct celltemp_noct pn = celltemp_noct_pvwatts8(0.19, 0);
  struct celltemp_faiman pf = { 25.0, 6.84 };
  struct celltemp_pvsyst pp = { 29.0, 0.8, 0.9, 0.1 };
  for (double g = 37.6; g < 1200.0; g += 50.0) {
    ck_assert(celltemp_noct(&pn, g + 10.0, 18.3, 2.7, 0.97) > celltemp_noct(&pn, g, 18.3, 2.7, 0.97));
    ck_assert(celltemp_faiman(&pf, g + 10.0, 18.3, 2.7) > celltemp_faiman(&pf, g, 18.3, 2.7));
    ck_assert(celltemp_pvsyst(&pp, g + 10.0, 18.3, 2.7) > celltemp_pvsyst(&pp, g, 18.3, 2.7));
    ck_assert(celltemp_noct(&pn, g, 18.3, 4.7, 0.97) < celltemp_noct(&pn, g, 18.3, 2.7, 0.97));
    ck_assert(celltemp_faiman(&pf, g, 18.3, 4.7) < celltemp_faiman(&pf, g, 18.3, 2.7));
  }
}
END_TEST

/* Fuentes: the convection and ground factors are calibrated (Fuentes 1987)
 * so that at NOCT conditions (800 W/m2, 20 degC, 1 m/s at the 9.144 m
 * anemometer height, module at that height) the steady state is INOCT.
 * After 48 identical hours the transient has died out (time constant
 * C/h ~ 11000/30 s ~ 6 min). Tolerance 0.01 degC: the model runs 10
 * fixed-point sweeps per hour, which leaves a residual well below that. */
START_TEST(test_fuentes_noct_steady)
{
  enum { N = 48 };
  double g[N], ta[N], ws[N], t[N];
  for (int i = 0; i < N; i++) {
    g[i] = 800.0;
    ta[i] = 20.0;
    ws[i] = 1.0;
  }
  celltemp_fuentes(45.0, 9.144, 1.0, N, g, ta, ws, t);
  ck_assert_double_eq_tol(t[N - 1], 45.0, 0.01);
  celltemp_fuentes(49.0, 9.144, 1.0, N, g, ta, ws, t);
  ck_assert_double_eq_tol(t[N - 1], 49.0, 0.01);
}
END_TEST

/* Fuentes: night gives air temperature; a sunlit hour after a night is
 * warmer than the air for ordinary sun; stronger wind cools. */
START_TEST(test_fuentes_series)
{
  double g[4] = { 0.0, 645.3, 645.3, 0.0 };
  double ta[4] = { 11.2, 24.6, 24.6, 17.9 };
  double ws1[4] = { 1.7, 1.7, 1.7, 1.7 };
  double ws2[4] = { 1.7, 6.3, 6.3, 1.7 };
  double t1[4], t2[4];
  celltemp_fuentes(45.0, 5.0, 1.0, 4, g, ta, ws1, t1);
  celltemp_fuentes(45.0, 5.0, 1.0, 4, g, ta, ws2, t2);
  ck_assert_double_eq(t1[0], 11.2);
  ck_assert_double_eq(t1[3], 17.9);
  ck_assert(t1[1] > 24.6 && t1[2] > 24.6);
  ck_assert(t2[2] < t1[2]);
}
END_TEST

Suite *make_celltemp_suite(void)
{
  Suite *s = suite_create("celltemp");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_noct_open_rack);
  tcase_add_test(tc, test_noct_roof);
  tcase_add_test(tc, test_noct_calm);
  tcase_add_test(tc, test_faiman);
  tcase_add_test(tc, test_pvsyst);
  tcase_add_test(tc, test_night_is_air);
  tcase_add_test(tc, test_monotonic);
  tcase_add_test(tc, test_fuentes_noct_steady);
  tcase_add_test(tc, test_fuentes_series);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_celltemp_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
