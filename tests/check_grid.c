/* Tests of export-limit curtailment (grid.c): hand cases for both rules and
 * hourly energy conservation over a year of random outputs. */
#include <check.h>
#include <gsl/gsl_rng.h>
#include <stdlib.h>

#include "grid.h"

/* Limit 100 kW; plants make 80, 50 and 20 kW (150 in all): 50 kW must go.
 * Pro rata: each gives up 50/150 = 1/3: 26.667, 16.667, 6.667.
 * Priority 0, 1, 2: plant 2 (last) loses all 20, plant 1 the other 30. */
START_TEST(test_hand_cases)
{
  double a[1] = { 80.0 }, b[1] = { 50.0 }, c[1] = { 20.0 };
  const double *p[3] = { a, b, c };
  double ca[1], cb[1], cc[1], ex[1];
  double *curt[3] = { ca, cb, cc };
  grid_curtail(1, 3, p, 100.0, GRID_PRO_RATA, NULL, curt, ex);
  ck_assert_double_eq_tol(ca[0], 80.0 / 3.0, 1e-12);
  ck_assert_double_eq_tol(cb[0], 50.0 / 3.0, 1e-12);
  ck_assert_double_eq_tol(cc[0], 20.0 / 3.0, 1e-12);
  ck_assert_double_eq_tol(ex[0], 100.0, 1e-12);
  int order[3] = { 0, 1, 2 };
  grid_curtail(1, 3, p, 100.0, GRID_PRIORITY, order, curt, ex);
  ck_assert_double_eq_tol(cc[0], 20.0, 1e-12);
  ck_assert_double_eq_tol(cb[0], 30.0, 1e-12);
  ck_assert_double_eq_tol(ca[0], 0.0, 1e-12);
  ck_assert_double_eq_tol(ex[0], 100.0, 1e-12);
  /* below the limit nothing is curtailed */
  grid_curtail(1, 3, p, 200.0, GRID_PRIORITY, order, curt, ex);
  ck_assert_double_eq_tol(ca[0] + cb[0] + cc[0], 0.0, 1e-12);
  ck_assert_double_eq_tol(ex[0], 150.0, 1e-12);
}
END_TEST

/* A year of random outputs of three plants: in every hour the plants'
 * energy before curtailment less the curtailment equals the export, the
 * export never exceeds the limit, and no plant loses more than it made. */
START_TEST(test_conservation_year)
{
  enum { N = 8760 };
  static double a[N], b[N], c[N], ca[N], cb[N], cc[N], ex[N];
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(r, 5);
  for (int i = 0; i < N; i++) {
    a[i] = 1000.0 * gsl_rng_uniform(r);
    b[i] = 600.0 * gsl_rng_uniform(r);
    c[i] = 300.0 * gsl_rng_uniform(r);
  }
  const double *p[3] = { a, b, c };
  double *curt[3] = { ca, cb, cc };
  for (int rule = 0; rule < 2; rule++) {
    int order[3] = { 2, 0, 1 };
    grid_curtail(N, 3, p, 1100.0, rule ? GRID_PRIORITY : GRID_PRO_RATA, order, curt, ex);
    for (int i = 0; i < N; i++) {
      double before = a[i] + b[i] + c[i], lost = ca[i] + cb[i] + cc[i];
      ck_assert_double_eq_tol(before - lost, ex[i], 1e-9);
      ck_assert(ex[i] <= 1100.0 + 1e-9);
      ck_assert(ca[i] >= 0 && ca[i] <= a[i] + 1e-12);
      ck_assert(cb[i] >= 0 && cb[i] <= b[i] + 1e-12);
      ck_assert(cc[i] >= 0 && cc[i] <= c[i] + 1e-12);
      if (before <= 1100.0)
        ck_assert_double_eq_tol(lost, 0.0, 1e-12);
    }
  }
  gsl_rng_free(r);
}
END_TEST

Suite *make_grid_suite(void)
{
  Suite *s = suite_create("grid");
  TCase *tc = tcase_create("grid");
  tcase_add_test(tc, test_hand_cases);
  tcase_add_test(tc, test_conservation_year);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_grid_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
