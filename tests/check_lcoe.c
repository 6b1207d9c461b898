/* Unit tests for lcoe.c: levelised cost of energy with the capital at
 * year 0 and end-of-year discounting (Short, Packey & Holt 1995,
 * NREL/TP-462-5173). Expected values are hand calculations written out
 * term by term next to each case, and the closed-form annuity (capital
 * recovery factor) form of the same definition. */
#include <check.h>
#include <math.h>
#include <stdlib.h>

#include "lcoe.h"

/* ACCEPTANCE: the LCOE equals the hand computation to 0.01 %. */
#define REL_ACCEPT 1e-4
/* Present values: the hand terms are quoted to 10+ significant digits, so
 * 1e-9 relative is above their rounding and far below any wrong discount
 * exponent (one year more at 7 % changes a term by 7 %). */
#define REL_PV 1e-9

static void check_rel(double got, double want, double rel)
{
  ck_assert_double_eq_tol(got, want, rel * fabs(want));
}

/* capex 1,000,000; fixed O&M 20,000/yr; variable O&M 2/MWh; no fuel;
 * r = 7 %; 3 years producing 1000, 990, 980 MWh.
 *   year 1: cost 20,000 + 2 x 1000 = 22,000; (1.07)^1 = 1.07
 *           22,000 / 1.07     = 20,560.7476635514   1000 / 1.07     = 934.579439252336
 *   year 2: cost 20,000 + 2 x 990 = 21,980; (1.07)^2 = 1.1449
 *           21,980 / 1.1449   = 19,198.1832474452   990 / 1.1449    = 864.704340990480
 *   year 3: cost 20,000 + 2 x 980 = 21,960; (1.07)^3 = 1.225043
 *           21,960 / 1.225043 = 17,925.9013765231   980 / 1.225043  = 799.971919353035
 *   PV costs  = 1,000,000 + 20,560.7476635514 + 19,198.1832474452 + 17,925.9013765231
 *             = 1,057,684.83228752
 *   PV energy = 934.579439252336 + 864.704340990480 + 799.971919353035 = 2,599.25569959585
 *   LCOE      = 1,057,684.83228752 / 2,599.25569959585 = 406.918346837510 per MWh */
START_TEST(test_hand_7pct)
{
  const double e[3] = {1000.0, 990.0, 980.0};
  struct lcoe_inputs in = {1000000.0, 20000.0, 2.0, 0.0, 0.07, 3, e};
  struct lcoe_result r;
  lcoe_compute(&in, &r);
  check_rel(r.pv_costs, 1057684.83228752, REL_PV);
  check_rel(r.pv_energy_mwh, 2599.25569959585, REL_PV);
  check_rel(r.lcoe_per_mwh, 406.918346837510, REL_ACCEPT);
  check_rel(r.lcoe_per_mwh, 406.918346837510, REL_PV);
}
END_TEST

/* The same plant at r = 0: plain sums.
 *   costs  = 1,000,000 + 22,000 + 21,980 + 21,960 = 1,065,940
 *   energy = 1000 + 990 + 980 = 2970 MWh
 *   LCOE   = 1,065,940 / 2970 = 358.902356902357 per MWh */
START_TEST(test_hand_zero_rate)
{
  const double e[3] = {1000.0, 990.0, 980.0};
  struct lcoe_inputs in = {1000000.0, 20000.0, 2.0, 0.0, 0.0, 3, e};
  struct lcoe_result r;
  lcoe_compute(&in, &r);
  check_rel(r.pv_costs, 1065940.0, REL_PV);
  check_rel(r.pv_energy_mwh, 2970.0, REL_PV);
  check_rel(r.lcoe_per_mwh, 358.902356902357, REL_ACCEPT);
}
END_TEST

/* A small biomass unit with fuel: capex 2,450,000; fixed 37,600/yr;
 * variable 3.5/MWh; fuel 148,000/yr; r = 5.5 %; 4 years producing
 * 12,400, 12,300, 12,150, 12,000 MWh.
 *   year 1: cost 37,600 + 3.5 x 12,400 + 148,000 = 229,000; 1.055
 *           229,000 / 1.055          = 217,061.611374408   12,400 / 1.055         = 11,753.5545023697
 *   year 2: cost 37,600 + 43,050 + 148,000 = 228,650;     1.055^2 = 1.113025
 *           228,650 / 1.113025       = 205,431.144852991   12,300 / 1.113025      = 11,050.9647132814
 *   year 3: cost 37,600 + 42,525 + 148,000 = 228,125;     1.055^3 = 1.174241375
 *           228,125 / 1.174241375    = 194,274.367141935   12,150 / 1.174241375   = 10,347.1060198334
 *   year 4: cost 37,600 + 42,000 + 148,000 = 227,600;     1.055^4 = 1.238824650625
 *           227,600 / 1.238824650625 = 183,722.530775581   12,000 / 1.238824650625 = 9,686.60091962642
 *   PV costs  = 2,450,000 + 800,489.654144914 = 3,250,489.65414491
 *   PV energy = 42,838.2261551109 MWh
 *   LCOE      = 3,250,489.65414491 / 42,838.2261551109 = 75.8782504759971 per MWh */
START_TEST(test_hand_fuel)
{
  const double e[4] = {12400.0, 12300.0, 12150.0, 12000.0};
  struct lcoe_inputs in = {2450000.0, 37600.0, 3.5, 148000.0, 0.055, 4, e};
  struct lcoe_result r;
  lcoe_compute(&in, &r);
  check_rel(r.pv_costs, 3250489.65414491, REL_PV);
  check_rel(r.pv_energy_mwh, 42838.2261551109, REL_PV);
  check_rel(r.lcoe_per_mwh, 75.8782504759971, REL_ACCEPT);
}
END_TEST

/* Constant energy and costs: the ratio of discounted sums equals the
 * annuity form NREL's simple LCOE calculator uses,
 *   LCOE = capex CRF / E + (fixed + fuel) / E + var,
 *   CRF  = r (1 + r)^n / ((1 + r)^n - 1).
 * capex 1,200,000; fixed 18,000; var 1.5; r = 8 %; n = 5; E = 2150 MWh/yr:
 *   1.08^5 = 1.4693280768; CRF = 0.08 x 1.4693280768 / 0.4693280768 = 0.250456454566837
 *   LCOE = 1,200,000 x 0.250456454566837 / 2150 + 18,000 / 2150 + 1.5
 *        = 139.789649060560 + 8.37209302325581 + 1.5 = 149.661742083816 per MWh */
START_TEST(test_annuity_form)
{
  const double e[5] = {2150.0, 2150.0, 2150.0, 2150.0, 2150.0};
  struct lcoe_inputs in = {1200000.0, 18000.0, 1.5, 0.0, 0.08, 5, e};
  struct lcoe_result r;
  lcoe_compute(&in, &r);
  check_rel(r.lcoe_per_mwh, 149.661742083816, REL_ACCEPT);
  check_rel(r.lcoe_per_mwh, 149.661742083816, REL_PV);
}
END_TEST

/* A plant that produces nothing has no LCOE (NAN), not 0 or infinity. */
START_TEST(test_no_energy)
{
  const double e[2] = {0.0, 0.0};
  struct lcoe_inputs in = {500000.0, 9000.0, 1.0, 0.0, 0.06, 2, e};
  struct lcoe_result r;
  lcoe_compute(&in, &r);
  ck_assert(isnan(r.lcoe_per_mwh));
  /* 500,000 + 9000 / 1.06 + 9000 / 1.1236 = 500,000 + 8490.56603773585 + 8009.96796012816 */
  check_rel(r.pv_costs, 516500.533997864, REL_PV);
}
END_TEST

Suite *make_lcoe_suite(void)
{
  Suite *s = suite_create("lcoe");
  TCase *tc = tcase_create("lcoe");
  tcase_add_test(tc, test_hand_7pct);
  tcase_add_test(tc, test_hand_zero_rate);
  tcase_add_test(tc, test_hand_fuel);
  tcase_add_test(tc, test_annuity_form);
  tcase_add_test(tc, test_no_energy);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_lcoe_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
