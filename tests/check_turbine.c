/* Tests of the turbine model: power-curve interpolation, the density
 * corrections, behaviour outside the curve, the thrust coefficient, the
 * curve checks, the CSV reader (fixtures in tests/turbines/ and, when
 * present, windpowerlib's curves in the shared data/wind/turbines/) and the
 * built-in reference turbines.
 *
 * Environment: top_srcdir (default ".") locates tests/turbines/;
 * RENEWCALC_SHARED (default "$top_srcdir/../shared") locates
 * data/wind/turbines/; tests on those files are skipped with a message when
 * they are absent. */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "turbine.h"

static char srcdir[1024];
static char shared[1100];

/* A 2 MW test curve (values from windpowerlib's V90 curve at a few speeds,
 * rated 2000 kW, the last point 0.175 % above it). */
static void test_turbine(struct turbine *t)
{
  static const double v[] = {2.5, 3.5, 4.5, 8.5, 12.5, 20.0};
  static const double p[] = {0.0, 42.2, 145.2, 1087.6, 2003.5, 2003.5};

  memset(t, 0, sizeof *t);
  snprintf(t->name, sizeof t->name, "test-2MW");
  t->rated_kw = 2000.0;
  t->rotor_diameter_m = 90.0;
  t->n = 6;
  for (int i = 0; i < t->n; i++) {
    t->speed_ms[i] = v[i];
    t->power_kw[i] = p[i];
    t->ct[i] = NAN;
  }
}

static void checked_turbine(struct turbine *t)
{
  struct diag *d = diag_new();

  test_turbine(t);
  ck_assert_int_eq(turbine_check(t, "site.cfg", 12, d), 0);
  ck_assert_int_eq(diag_count(d), 0);
  diag_free(d);
}

/* ---- power ------------------------------------------------------------------ */

START_TEST(test_interpolation)
{
  struct turbine t;

  checked_turbine(&t);
  /* 6.3 m/s lies between 4.5 (145.2 kW) and 8.5 m/s (1087.6 kW):
   * f = 1.8 / 4 = 0.45, P = 145.2 + 0.45 x 942.4 = 569.28 kW.
   * Tolerance: rounding of one interpolation, 1e-9 kW. */
  ck_assert_double_eq_tol(turbine_power_kw(&t, 6.3, TURBINE_RHO0,
                                           TURBINE_DENSITY_OFF), 569.28, 1e-9);
  /* At a curve point, its own value. */
  ck_assert_double_eq_tol(turbine_power_kw(&t, 8.5, 1.1, TURBINE_DENSITY_OFF),
                          1087.6, 1e-9);
  ck_assert_double_eq(t.cut_in_ms, 3.5);
  ck_assert_double_eq(t.cut_out_ms, 20.0);
}
END_TEST

START_TEST(test_outside_curve)
{
  struct turbine t;

  checked_turbine(&t);
  /* Below the first point and between it and cut-in: 0. */
  ck_assert_double_eq(turbine_power_kw(&t, 1.7, TURBINE_RHO0, TURBINE_DENSITY_OFF), 0.0);
  ck_assert_double_eq(turbine_power_kw(&t, 2.5, TURBINE_RHO0, TURBINE_DENSITY_OFF), 0.0);
  /* 3.0 m/s: half-way from 0 to 42.2 kW = 21.1 kW. */
  ck_assert_double_eq_tol(turbine_power_kw(&t, 3.0, TURBINE_RHO0,
                                           TURBINE_DENSITY_OFF), 21.1, 1e-9);
  /* The cut-out speed is the last point's (20 m/s): power there, 0 above. */
  ck_assert_double_eq_tol(turbine_power_kw(&t, 20.0, TURBINE_RHO0,
                                           TURBINE_DENSITY_OFF), 2003.5, 1e-9);
  ck_assert_double_eq(turbine_power_kw(&t, 20.4, TURBINE_RHO0, TURBINE_DENSITY_OFF), 0.0);
  ck_assert_double_eq(turbine_power_kw(&t, 22.7, TURBINE_RHO0, TURBINE_DENSITY_POWER), 0.0);
  ck_assert_double_eq(turbine_power_kw(&t, 22.7, 1.3, TURBINE_DENSITY_IEC), 0.0);
}
END_TEST

/* A cut-out speed beyond the last point holds the last point's power up to
 * it (windpowerlib's V90 curve stops at 16.5 m/s; the turbine runs to 25). */
START_TEST(test_hold_to_cut_out)
{
  struct turbine t;
  struct diag *d = diag_new();

  test_turbine(&t);
  t.cut_out_ms = 25.0;
  ck_assert_int_eq(turbine_check(&t, "site.cfg", 12, d), 0);
  ck_assert_double_eq_tol(turbine_power_kw(&t, 22.7, TURBINE_RHO0,
                                           TURBINE_DENSITY_OFF), 2003.5, 1e-9);
  ck_assert_double_eq_tol(turbine_power_kw(&t, 25.0, TURBINE_RHO0,
                                           TURBINE_DENSITY_OFF), 2003.5, 1e-9);
  ck_assert_double_eq(turbine_power_kw(&t, 25.3, TURBINE_RHO0, TURBINE_DENSITY_OFF), 0.0);
  diag_free(d);
}
END_TEST

START_TEST(test_density_iec)
{
  struct turbine t;

  checked_turbine(&t);
  /* rho = 1.0: v_n = 9.6 x (1.0/1.225)^(1/3) = 9.6 x 0.9345904 = 8.972068 m/s
   * (python3 -c "print(9.6*(1/1.225)**(1/3))"), between 8.5 and 12.5 m/s:
   * P = 1087.6 + (0.472068 / 4) x 915.9 = 1195.6917 kW.
   * Tolerance 1e-3 kW: the hand value is rounded to 7 digits. */
  ck_assert_double_eq_tol(turbine_power_kw(&t, 9.6, 1.0, TURBINE_DENSITY_IEC),
                          1195.6917, 1e-3);
  /* At the reference density the correction does nothing. */
  ck_assert_double_eq_tol(turbine_power_kw(&t, 6.3, TURBINE_RHO0,
                                           TURBINE_DENSITY_IEC), 569.28, 1e-9);
  /* Denser air never lifts the curve above its maximum (2003.5 kW). */
  ck_assert_double_eq_tol(turbine_power_kw(&t, 19.9, 1.32, TURBINE_DENSITY_IEC),
                          2003.5, 1e-9);
}
END_TEST

START_TEST(test_density_power)
{
  struct turbine t;

  checked_turbine(&t);
  /* rho = 1.0 at 6.3 m/s: 569.28 x 1.0 / 1.225 = 464.71837 kW. */
  ck_assert_double_eq_tol(turbine_power_kw(&t, 6.3, 1.0, TURBINE_DENSITY_POWER),
                          464.71837, 1e-5);
  /* rho = 1.30 at 12.5 m/s: 2003.5 x 1.30 / 1.225 = 2126.2 kW, capped at the
   * rated 2000 kW. */
  ck_assert_double_eq_tol(turbine_power_kw(&t, 12.5, 1.30, TURBINE_DENSITY_POWER),
                          2000.0, 1e-9);
  /* rho = 1.30 at 4.5 m/s: 145.2 x 1.30 / 1.225 = 154.08980 kW. */
  ck_assert_double_eq_tol(turbine_power_kw(&t, 4.5, 1.30, TURBINE_DENSITY_POWER),
                          154.08980, 1e-5);
}
END_TEST

/* ---- thrust ------------------------------------------------------------------ */

/* Actuator-disc default (Manwell, McGowan & Rogers, section 3.3):
 * for a = 0.2, Cp = 4 x 0.2 x 0.8^2 = 0.512 and Ct = 4 x 0.2 x 0.8 = 0.64.
 * With D = 80 m (A = 1600 pi = 5026.5482 m2) and v = 8 m/s, that Cp is
 * P = 0.5 x 1.225 x 5026.5482 x 512 x 0.512 W = 807.07867 kW. */
START_TEST(test_ct_actuator_disc)
{
  struct turbine t;
  struct diag *d = diag_new();
  static const double v[] = {3.0, 8.0, 15.0};
  static const double p[] = {0.0, 807.07867, 1500.0};

  memset(&t, 0, sizeof t);
  snprintf(t.name, sizeof t.name, "disc");
  t.rated_kw = 1500.0;
  t.rotor_diameter_m = 80.0;
  t.n = 3;
  for (int i = 0; i < 3; i++) {
    t.speed_ms[i] = v[i];
    t.power_kw[i] = p[i];
  }
  ck_assert_int_eq(turbine_check(&t, "site.cfg", 3, d), 0);
  /* Tolerance 1e-6: the power is typed to 0.01 W, dCt/dP is 1e-6 per W. */
  ck_assert_double_eq_tol(turbine_ct(&t, 8.0), 0.64, 1e-6);
  /* 4.0 m/s: P = 807.07867 x 1/5 = 161.41573 kW, Cp = 161415.73 /
   * (0.5 x 1.225 x 5026.5482 x 64) = 0.8192: above Betz' 16/27, so a = 1/3
   * and Ct = 4/3 x 2/3 = 8/9. */
  ck_assert_double_eq_tol(turbine_ct(&t, 4.0), 8.0 / 9.0, 1e-9);
  /* Where the turbine gives no power (below the first point, at the zero
   * point 3.0 m/s, above cut-out): 0. */
  ck_assert_double_eq(turbine_ct(&t, 2.9), 0.0);
  ck_assert_double_eq(turbine_ct(&t, 3.0), 0.0);
  ck_assert_double_eq(turbine_ct(&t, 15.2), 0.0);
  diag_free(d);
}
END_TEST

START_TEST(test_ct_from_curve)
{
  struct turbine t;

  ck_assert_int_eq(turbine_builtin("NREL-5MW", &t), 0);
  ck_assert_int_eq(t.has_ct, 1);
  /* NREL turbine-models NREL_Reference_5MW_126.csv: Ct 0.8154 at 7.0 and
   * 0.8116 at 7.1 m/s; at 7.05 m/s half-way: 0.8135. */
  ck_assert_double_eq_tol(turbine_ct(&t, 7.05), 0.8135, 1e-9);
  ck_assert_double_eq(turbine_ct(&t, 2.6), 0.0);
  ck_assert_double_eq(turbine_ct(&t, 25.8), 0.0);
}
END_TEST

/* ---- checks ------------------------------------------------------------------ */

START_TEST(test_check_decreasing)
{
  struct turbine t;
  struct diag *d = diag_new();

  test_turbine(&t);
  t.speed_ms[3] = 4.2;
  ck_assert_int_eq(turbine_check(&t, "configs/farm.cfg", 17, d), -1);
  ck_assert_int_eq(diag_count(d), 1);
  ck_assert_str_eq(diag_get(d, 0), "configs/farm.cfg:17: turbine 'test-2MW': "
                   "power curve point 4: wind speed must be greater than the "
                   "previous point's 4.5 m/s, got 4.2");
  diag_free(d);
}
END_TEST

START_TEST(test_check_negative_power)
{
  struct turbine t;
  struct diag *d = diag_new();

  test_turbine(&t);
  t.power_kw[1] = -3.2;
  ck_assert_int_eq(turbine_check(&t, "configs/farm.cfg", 17, d), -1);
  ck_assert_int_eq(diag_count(d), 1);
  ck_assert_str_eq(diag_get(d, 0), "configs/farm.cfg:17: turbine 'test-2MW': "
                   "power curve point 2: power must be >= 0 kW, got -3.2");
  diag_free(d);
}
END_TEST

START_TEST(test_check_above_rated)
{
  struct turbine t;
  struct diag *d = diag_new();

  test_turbine(&t);
  /* 10 % above the rated 2000 kW. */
  t.power_kw[4] = 2200.0;
  ck_assert_int_eq(turbine_check(&t, "configs/farm.cfg", 17, d), -1);
  ck_assert_int_eq(diag_count(d), 1);
  ck_assert_str_eq(diag_get(d, 0), "configs/farm.cfg:17: turbine 'test-2MW': "
                   "power curve point 5: power must not exceed the rated 2000 "
                   "kW by more than 2 %, got 2200 kW");
  diag_free(d);
}
END_TEST

START_TEST(test_check_other_rules)
{
  struct turbine t;
  struct diag *d = diag_new();

  /* Every problem is reported, not only the first. */
  test_turbine(&t);
  t.rotor_diameter_m = 0.0;
  t.has_ct = 1;
  for (int i = 0; i < t.n; i++)
    t.ct[i] = 0.8;
  t.ct[2] = 1.25;
  ck_assert_int_eq(turbine_check(&t, "configs/farm.cfg", 0, d), -1);
  ck_assert_int_eq(diag_count(d), 2);
  ck_assert_str_eq(diag_get(d, 0), "configs/farm.cfg: turbine 'test-2MW': "
                   "rotor diameter must be > 0 m, got 0");
  ck_assert_str_eq(diag_get(d, 1), "configs/farm.cfg: turbine 'test-2MW': "
                   "power curve point 3: thrust coefficient must be between 0 "
                   "and 1.2, got 1.25");
  diag_free(d);

  d = diag_new();
  test_turbine(&t);
  t.n = 1;
  ck_assert_int_eq(turbine_check(&t, "configs/farm.cfg", 4, d), -1);
  ck_assert_str_eq(diag_get(d, 0), "configs/farm.cfg:4: turbine 'test-2MW': "
                   "power curve must have 2 to 256 points, got 1");
  diag_free(d);

  d = diag_new();
  test_turbine(&t);
  t.cut_out_ms = 3.0;
  ck_assert_int_eq(turbine_check(&t, "configs/farm.cfg", 4, d), -1);
  ck_assert_str_eq(diag_get(d, 0), "configs/farm.cfg:4: turbine 'test-2MW': "
                   "cut-out speed must be between the cut-in speed 3.5 m/s and "
                   "100 m/s, got 3");
  diag_free(d);
}
END_TEST

/* ---- plausibility ------------------------------------------------------------- */

/* Betz limit by hand: D = 100 m, A = pi x 50^2 = 7853.9816 m2; at 10 m/s and
 * 1.225 kg/m3, 1/2 rho A v^3 = 0.6125 x 7853.9816 x 1000 = 4810563.8 W, and
 * 16/27 of it is 2850704.4 W. At 1.0 kg/m3: 2850.7044 / 1.225 = 2327.1056 kW. */
START_TEST(test_betz_hand)
{
  ck_assert_double_eq_tol(turbine_betz_kw(100.0, 1.225, 10.0), 2850.7044, 1e-3);
  ck_assert_double_eq_tol(turbine_betz_kw(100.0, 1.0, 10.0), 2327.1056, 1e-3);
  ck_assert_double_eq(turbine_betz_kw(100.0, 1.225, 0.0), 0.0);
}
END_TEST

START_TEST(test_unit_fit)
{
  ck_assert_double_eq(turbine_unit_fit(2003.5, 2000.0), 1.0);
  ck_assert_double_eq(turbine_unit_fit(2003500.0, 2000.0), 0.001);
  ck_assert_double_eq(turbine_unit_fit(2.0035, 2000.0), 1000.0);
  /* 1e-5 of the rated power in MW, 1e-2 in kW: no unit fits. */
  ck_assert_double_eq(turbine_unit_fit(0.02, 2000.0), 0.0);
  ck_assert_str_eq(turbine_unit_name(0.001), "W");
  ck_assert_ptr_null(turbine_unit_name(0.5));
}
END_TEST

/* The test curve in W with no rated power given (the rated power then is
 * the curve's maximum): the rotor gives it away. Betz limit at 3.5 m/s for
 * 90 m: 16/27 x 0.6125 x (pi x 45^2 = 6361.725) x 42.875 = 99.0014 kW. */
START_TEST(test_check_in_w)
{
  struct turbine t;
  struct diag *d = diag_new();

  test_turbine(&t);
  for (int i = 0; i < t.n; i++)
    t.power_kw[i] *= 1000.0;
  t.rated_kw = 2003500.0;
  ck_assert_int_eq(turbine_check(&t, "configs/farm.cfg", 17, d), -1);
  ck_assert_int_eq(diag_count(d), 1);
  ck_assert_str_eq(diag_get(d, 0), "configs/farm.cfg:17: turbine 'test-2MW': "
                   "power curve point 2: expected at most 99.0014 kW at 3.5 m/s "
                   "(the Betz limit for a 90 m rotor at 1.225 kg/m3), got 42200 "
                   "kW (a curve in W?)");
  diag_free(d);

  /* With the rated power from the site file: one message, not one per
   * point. */
  d = diag_new();
  t.rated_kw = 2000.0;
  ck_assert_int_eq(turbine_check(&t, "configs/farm.cfg", 17, d), -1);
  ck_assert_int_eq(diag_count(d), 1);
  ck_assert_str_eq(diag_get(d, 0), "configs/farm.cfg:17: turbine 'test-2MW': "
                   "power curve: expected kW (rated 2000 kW), got values up to "
                   "2003500 (a curve in W?)");
  diag_free(d);
}
END_TEST

/* The test curve in MW: with the rated 2000 kW, the unit; without, the
 * rotor: the peak power coefficient is at 8.5 m/s, 1.0876 kW over
 * 0.6125 x 6361.725 x 614.125 / 1000 = 2392.97 kW of wind, 0.00045. */
START_TEST(test_check_in_mw)
{
  struct turbine t;
  struct diag *d = diag_new();

  test_turbine(&t);
  for (int i = 0; i < t.n; i++)
    t.power_kw[i] /= 1000.0;
  ck_assert_int_eq(turbine_check(&t, "configs/farm.cfg", 17, d), -1);
  ck_assert_int_eq(diag_count(d), 1);
  ck_assert_str_eq(diag_get(d, 0), "configs/farm.cfg:17: turbine 'test-2MW': "
                   "power curve: expected kW (rated 2000 kW), got values up to "
                   "2.0035 (a curve in MW?)");
  diag_free(d);

  d = diag_new();
  t.rated_kw = 2.0035;
  ck_assert_int_eq(turbine_check(&t, "configs/farm.cfg", 17, d), -1);
  ck_assert_int_eq(diag_count(d), 1);
  ck_assert_str_eq(diag_get(d, 0), "configs/farm.cfg:17: turbine 'test-2MW': "
                   "power curve: expected kW, got values up to 2.0035 (a peak "
                   "power coefficient of 0.00045 for a 90 m rotor: a curve in "
                   "MW?)");
  diag_free(d);
}
END_TEST

/* One point above the Betz limit: 320 kW at 5 m/s for 90 m, limit
 * 16/27 x 0.6125 x 6361.725 x 125 / 1000 = 288.634 kW. */
START_TEST(test_check_above_betz)
{
  struct turbine t;
  struct diag *d = diag_new();

  test_turbine(&t);
  t.speed_ms[2] = 5.0;
  t.power_kw[2] = 320.0;
  ck_assert_int_eq(turbine_check(&t, "configs/farm.cfg", 17, d), -1);
  ck_assert_int_eq(diag_count(d), 1);
  ck_assert_str_eq(diag_get(d, 0), "configs/farm.cfg:17: turbine 'test-2MW': "
                   "power curve point 3: expected at most 288.634 kW at 5 m/s "
                   "(the Betz limit for a 90 m rotor at 1.225 kg/m3), got 320 kW");
  diag_free(d);
}
END_TEST

/* ---- built-in library -------------------------------------------------------- */

START_TEST(test_builtins)
{
  const char *const *names = turbine_builtin_names();
  struct turbine t;
  int count = 0;

  for (; names[count]; count++) {
    struct diag *d = diag_new();

    ck_assert_int_eq(turbine_builtin(names[count], &t), 0);
    ck_assert_int_eq(turbine_check(&t, names[count], 0, d), 0);
    ck_assert_msg(diag_count(d) == 0, "%s", diag_get(d, 0));
    ck_assert_str_eq(t.name, names[count]);
    ck_assert(strlen(t.source) > 20);
    ck_assert_double_eq(t.cut_out_ms, 25.0);
    diag_free(d);
  }
  ck_assert_int_eq(count, 3);
  ck_assert_int_eq(turbine_builtin("V90-2000", &t), -1);

  /* Published facts: NREL 5-MW, Jonkman et al. 2009 table 1-1: rotor 126 m,
   * hub 90 m, cut-in 3 m/s; 5 MW from 11.4 m/s (the table: 5000.92 kW). */
  ck_assert_int_eq(turbine_builtin("nrel-5mw", &t), 0);
  ck_assert_double_eq(t.rotor_diameter_m, 126.0);
  ck_assert_double_eq(t.hub_height_m, 90.0);
  ck_assert_double_eq(t.cut_in_ms, 3.0);
  ck_assert_double_eq_tol(turbine_power_kw(&t, 11.4, TURBINE_RHO0,
                                           TURBINE_DENSITY_OFF), 5000.92, 1e-9);
  /* IEA 15-MW, Gaertner et al. 2020 table 1: rotor 240 m, hub 150 m, rated
   * 15 MW at 10.59 m/s: the curve is within 0.05 % of 15 MW from 10.6 m/s. */
  ck_assert_int_eq(turbine_builtin("IEA-15MW", &t), 0);
  ck_assert_double_eq(t.rotor_diameter_m, 240.0);
  ck_assert_double_eq_tol(turbine_power_kw(&t, 13.7, TURBINE_RHO0,
                                           TURBINE_DENSITY_OFF), 15000.0, 7.5);
  /* IEA 3.4-MW, Bortolotti et al. 2019: rotor 130 m, hub 110 m, 3.37 MW
   * electrical from 9.8 m/s. */
  ck_assert_int_eq(turbine_builtin("IEA-3.4MW", &t), 0);
  ck_assert_double_eq(t.hub_height_m, 110.0);
  ck_assert_double_eq_tol(turbine_power_kw(&t, 11.2, TURBINE_RHO0,
                                           TURBINE_DENSITY_OFF), 3370.0, 0.01);
}
END_TEST

/* ---- CSV reader ---------------------------------------------------------------- */

static void read_fixture(const char *name, struct turbine *t)
{
  char path[1200];
  struct diag *d = diag_new();

  snprintf(path, sizeof path, "%s/tests/turbines/%s", srcdir, name);
  ck_assert_msg(turbine_read_csv(path, t, d) == 0, "%s",
                diag_count(d) ? diag_get(d, 0) : "");
  ck_assert_int_eq(diag_count(d), 0);
  diag_free(d);
}

START_TEST(test_read_good)
{
  struct turbine t;
  struct diag *d = diag_new();

  read_fixture("good-metadata.csv", &t);
  ck_assert_str_eq(t.name, "Test 2MW");
  ck_assert_str_eq(t.source, "typed for the renewcalc tests");
  ck_assert_int_eq(t.n, 6);
  ck_assert_int_eq(t.has_ct, 1);
  ck_assert_double_eq(t.rated_kw, 2000.0);
  ck_assert_double_eq(t.rotor_diameter_m, 90.0);
  ck_assert_double_eq(t.hub_height_m, 80.0);
  ck_assert_double_eq(t.cut_in_ms, 3.5);
  ck_assert_double_eq(t.cut_out_ms, 25.0);
  ck_assert_int_eq(turbine_check(&t, "x", 0, d), 0);
  /* Same curve as test_turbine(): 569.28 kW at 6.3 m/s; Ct half-way between
   * 0.81 (4.5) and 0.78 (8.5) at 6.5 m/s: 0.795. */
  ck_assert_double_eq_tol(turbine_power_kw(&t, 6.3, TURBINE_RHO0,
                                           TURBINE_DENSITY_OFF), 569.28, 1e-9);
  ck_assert_double_eq_tol(turbine_ct(&t, 6.5), 0.795, 1e-12);
  /* cut_out_m_s 25 > the last point (20): held. */
  ck_assert_double_eq_tol(turbine_power_kw(&t, 23.1, TURBINE_RHO0,
                                           TURBINE_DENSITY_OFF), 2003.5, 1e-9);

  /* NREL turbine-models column names, CRLF, unused and empty columns. */
  read_fixture("good-nrel-columns.csv", &t);
  ck_assert_str_eq(t.name, "good-nrel-columns");
  ck_assert_int_eq(t.n, 3);
  ck_assert_int_eq(t.has_ct, 1);
  ck_assert_double_eq(t.rated_kw, 5000.04);
  ck_assert_double_eq(t.ct[1], 0.9995);
  ck_assert_double_eq(t.cut_out_ms, 25.0);

  /* A power column in W, as its name says, and one in MW, as power_unit
   * says: kW once read. */
  read_fixture("good-power-w.csv", &t);
  ck_assert_double_eq(t.power_kw[0], 42.2);
  ck_assert_double_eq(t.power_kw[1], 2003.5);
  ck_assert_double_eq(t.rated_kw, 2000.0);
  read_fixture("good-power-mw.csv", &t);
  ck_assert_double_eq_tol(t.power_kw[0], 42.2, 1e-9);
  ck_assert_double_eq_tol(t.rated_kw, 2003.5, 1e-9);
  diag_free(d);
}
END_TEST

/* Each tests/turbines/NAME.csv with NAME.err holds the exact first message,
 * naming the file as tests/turbines/NAME.csv. */
static const char *const bad_files[] = {
  "ct-range.csv", "cut-row.csv", "decreasing-speed.csv", "negative-power.csv",
  "no-power-column.csv", "not-a-number.csv", "one-point.csv",
  "rated-exceeded.csv", "unknown-column.csv", "power-in-w.csv",
  "power-in-mw.csv", "above-betz.csv", "above-betz-thin-air.csv",
  "unit-conflict.csv", "bad-power-unit.csv",
};
#define NBAD (sizeof bad_files / sizeof bad_files[0])

START_TEST(test_read_bad)
{
  const char *name = bad_files[_i];
  char rel[256], path[1400], errpath[1400], want[1024], expect[2048];
  struct diag *d = diag_new();
  struct turbine t;
  size_t len;
  FILE *f;

  snprintf(rel, sizeof rel, "tests/turbines/%s", name);
  snprintf(path, sizeof path, "%s/%s", srcdir, rel);
  snprintf(errpath, sizeof errpath, "%s", path);
  strcpy(strrchr(errpath, '.'), ".err");
  f = fopen(errpath, "r");
  ck_assert_msg(f != NULL, "cannot open %s", errpath);
  ck_assert_ptr_nonnull(fgets(want, sizeof want, f));
  fclose(f);
  len = strlen(want);
  if (len > 0 && want[len - 1] == '\n')
    want[--len] = '\0';
  ck_assert_msg(strncmp(want, rel, strlen(rel)) == 0,
                "%s does not start with %s", errpath, rel);
  snprintf(expect, sizeof expect, "%s%s", path, want + strlen(rel));
  ck_assert_int_eq(turbine_read_csv(path, &t, d), -1);
  ck_assert_int_ge(diag_count(d), 1);
  ck_assert_str_eq(diag_get(d, 0), expect);
  diag_free(d);
}
END_TEST

/* Every .csv in tests/turbines/ is a good-*.csv or a bad_files[] entry with
 * its .err. */
START_TEST(test_fixture_list)
{
  char dirpath[1200];
  DIR *dir;
  struct dirent *e;
  int nbad = 0, nerr = 0;

  snprintf(dirpath, sizeof dirpath, "%s/tests/turbines", srcdir);
  dir = opendir(dirpath);
  ck_assert_msg(dir != NULL, "cannot open %s", dirpath);
  while ((e = readdir(dir)) != NULL) {
    const char *dot = strrchr(e->d_name, '.');
    int found = 0;

    if (e->d_name[0] == '.' || !dot || strncmp(e->d_name, "good-", 5) == 0)
      continue;
    for (size_t i = 0; i < NBAD; i++) {
      size_t stem = (size_t)(strrchr(bad_files[i], '.') - bad_files[i]);

      if (strcmp(e->d_name, bad_files[i]) == 0) {
        found = 1;
        nbad++;
      } else if (strcmp(dot, ".err") == 0 && (size_t)(dot - e->d_name) == stem &&
                 strncmp(e->d_name, bad_files[i], stem) == 0) {
        found = 1;
        nerr++;
      }
    }
    ck_assert_msg(found, "%s is not in bad_files[]", e->d_name);
  }
  closedir(dir);
  ck_assert_int_eq(nbad, (int)NBAD);
  ck_assert_int_eq(nerr, (int)NBAD);
}
END_TEST

START_TEST(test_read_missing)
{
  struct turbine t;
  struct diag *d = diag_new();

  ck_assert_int_eq(turbine_read_csv("/nonexistent/curve.csv", &t, d), -1);
  ck_assert_str_eq(diag_get(d, 0), "renewcalc: cannot open "
                   "'/nonexistent/curve.csv': No such file or directory");
  diag_free(d);
}
END_TEST

/* windpowerlib's oedb curves as listed in data/wind/turbines/README.md:
 * points, first and last speed, maximum power. */
static const struct {
  const char *file;
  int n;
  double first_ms, last_ms, max_kw, v_ms, p_kw, rotor_m;
} shared_curves[] = {
  /* V90: 34 points 0..16.5 m/s, maximum 2007.7 kW; at 9.25 m/s half-way
   * between 1247.1 and 1429.6 kW: 1338.35 kW. */
  {"power_curve_V90_2000.csv", 34, 0.0, 16.5, 2007.7, 9.25, 1338.35, 90.0},
  /* E-126: 25 points 1..25 m/s, 4200 kW. */
  {"power_curve_E-126_4200.csv", 25, 1.0, 25.0, 4200.0, 25.0, 4200.0, 127.0},
  /* V112: 51 points 0..25 m/s, 3075 kW. */
  {"power_curve_V112_3075.csv", 51, 0.0, 25.0, 3075.0, 25.0, 3075.0, 112.0},
};
#define NSHARED (sizeof shared_curves / sizeof shared_curves[0])

START_TEST(test_read_shared)
{
  char path[1400];
  struct turbine t;
  struct diag *d;

  snprintf(path, sizeof path, "%s/data/wind/turbines/%s", shared,
           shared_curves[_i].file);
  if (access(path, R_OK) != 0) {
    printf("check_turbine: %s not found, test skipped\n", path);
    return;
  }
  d = diag_new();
  ck_assert_msg(turbine_read_csv(path, &t, d) == 0, "%s", diag_get(d, 0));
  ck_assert_int_eq(t.n, shared_curves[_i].n);
  ck_assert_int_eq(t.has_ct, 0);
  ck_assert_double_eq(t.speed_ms[0], shared_curves[_i].first_ms);
  ck_assert_double_eq(t.speed_ms[t.n - 1], shared_curves[_i].last_ms);
  ck_assert_double_eq(t.cut_out_ms, shared_curves[_i].last_ms);
  ck_assert_double_eq(t.rated_kw, shared_curves[_i].max_kw);
  ck_assert_double_eq_tol(turbine_power_kw(&t, shared_curves[_i].v_ms,
                                           TURBINE_RHO0, TURBINE_DENSITY_OFF),
                          shared_curves[_i].p_kw, 1e-9);
  /* The caller sets the rotor (README: 90, 127, 112 m), then checks: every
   * point below the Betz limit for it. */
  t.rotor_diameter_m = shared_curves[_i].rotor_m;
  ck_assert_int_eq(turbine_check(&t, path, 0, d), 0);
  diag_free(d);
}
END_TEST

Suite *make_turbine_suite(void)
{
  Suite *s = suite_create("turbine");
  TCase *tc = tcase_create("power");

  tcase_add_test(tc, test_interpolation);
  tcase_add_test(tc, test_outside_curve);
  tcase_add_test(tc, test_hold_to_cut_out);
  tcase_add_test(tc, test_density_iec);
  tcase_add_test(tc, test_density_power);
  tcase_add_test(tc, test_ct_actuator_disc);
  tcase_add_test(tc, test_ct_from_curve);
  suite_add_tcase(s, tc);

  tc = tcase_create("check");
  tcase_add_test(tc, test_check_decreasing);
  tcase_add_test(tc, test_check_negative_power);
  tcase_add_test(tc, test_check_above_rated);
  tcase_add_test(tc, test_check_other_rules);
  tcase_add_test(tc, test_builtins);
  tcase_add_test(tc, test_betz_hand);
  tcase_add_test(tc, test_unit_fit);
  tcase_add_test(tc, test_check_in_w);
  tcase_add_test(tc, test_check_in_mw);
  tcase_add_test(tc, test_check_above_betz);
  suite_add_tcase(s, tc);

  tc = tcase_create("csv");
  tcase_add_test(tc, test_read_good);
  tcase_add_loop_test(tc, test_read_bad, 0, (int)NBAD);
  tcase_add_test(tc, test_fixture_list);
  tcase_add_test(tc, test_read_missing);
  tcase_add_loop_test(tc, test_read_shared, 0, (int)NSHARED);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  const char *top = getenv("top_srcdir");
  const char *sh = getenv("RENEWCALC_SHARED");
  SRunner *sr;
  int failed;

  snprintf(srcdir, sizeof srcdir, "%s", top && *top ? top : ".");
  if (sh && *sh)
    snprintf(shared, sizeof shared, "%s", sh);
  else
    snprintf(shared, sizeof shared, "%s/../shared", srcdir);
  sr = srunner_create(make_turbine_suite());
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
