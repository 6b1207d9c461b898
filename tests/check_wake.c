/* Unit tests for wake.c: farm layout and the Jensen (Risø-M-2411, 1983) /
 * Katic, Højstrup & Jensen (EWEC 1986) Park wake model. Expected values are
 * hand calculations from the model's formulas, written out next to each
 * case; the overlap of a wake with a rotor is also checked against a
 * brute-force count of points on the rotor disc, and the efficiency table
 * against the direct calculation over a fixed-seed year of winds. */
#include <check.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "turbine.h"
#include "units.h"
#include "wake.h"

/* Hand values below are carried to 12+ significant figures; 1e-9 m/s (or
 * 1e-9 on a fraction) is far above double rounding in a handful of
 * operations and far below any wrong term (1e-3 or more). */
#define TOL_V 1e-9
/* Positions [m] written to 1e-10 m; 1e-8 m covers rounding of sin/cos. */
#define TOL_M 1e-8

#define ROTOR_D 82.6
#define K_ONSHORE 0.075

/* A turbine of diameter ROTOR_D with a thrust coefficient of 0.8 at every
 * speed from cut-in (3 m/s) to cut-out (25 m/s); the power curve only
 * matters for the table tests. */
static void turbine_const_ct(struct turbine *t)
{
  static const double v[] = {3.0, 12.0, 25.0};
  static const double p[] = {20.0, 2000.0, 2000.0};
  memset(t, 0, sizeof *t);
  strcpy(t->name, "fixture-ct08");
  t->rated_kw = 2000.0;
  t->rotor_diameter_m = ROTOR_D;
  t->n = 3;
  for (int i = 0; i < 3; i++) {
    t->speed_ms[i] = v[i];
    t->power_kw[i] = p[i];
    t->ct[i] = 0.8;
  }
  t->has_ct = 1;
  t->cut_in_ms = 3.0;
  t->cut_out_ms = 25.0;
}

/* Thrust falling linearly from 0.9 at 4 m/s to 0.5 at 14 m/s:
 * Ct(v) = 0.9 - 0.04 (v - 4). */
static void turbine_sloped_ct(struct turbine *t)
{
  memset(t, 0, sizeof *t);
  strcpy(t->name, "fixture-ct-slope");
  t->rated_kw = 2000.0;
  t->rotor_diameter_m = ROTOR_D;
  t->n = 2;
  t->speed_ms[0] = 4.0;
  t->speed_ms[1] = 14.0;
  t->power_kw[0] = 50.0;
  t->power_kw[1] = 2000.0;
  t->ct[0] = 0.9;
  t->ct[1] = 0.5;
  t->has_ct = 1;
  t->cut_in_ms = 4.0;
  t->cut_out_ms = 14.0;
}

/* Vestas V90-2.0 MW power curve as published in the Open Energy Database
 * turbine library bundled with windpowerlib (oedb power_curves, converted
 * to kW). That curve stops at 16.5 m/s although the turbine runs to its
 * 25 m/s cut-out, so the last value is held to 25 m/s. The curve has no
 * thrust coefficients: Ct comes from actuator-disc theory, Cp = 4a(1-a)^2
 * and Ct = 4a(1-a) with a <= 1/3 (Betz), Cp = P / (rho/2 A v^3). */
static void turbine_v90(struct turbine *t)
{
  static const double p[] = {0,      0,      0,      0,      0,      0,      0,
                             42.2,   93.3,   145.2,  211.3,  284.2,  390.9,  491.5,
                             601.1,  731.8,  884.5,  1087.6, 1247.1, 1429.6, 1594.3,
                             1742.9, 1861.2, 1948.1, 1993.3, 2003.5, 2007,   2007.7,
                             2007.3, 2007.4, 2007,   2006.8, 2006.7, 2006.5};
  int np = (int)(sizeof p / sizeof p[0]);
  memset(t, 0, sizeof *t);
  strcpy(t->name, "V90-2.0 MW");
  t->rated_kw = 2007.7;
  t->rotor_diameter_m = 90.0;
  t->hub_height_m = 80.0;
  double area = UNITS_PI * 45.0 * 45.0;
  for (int i = 0; i <= np; i++) {
    double v = i < np ? 0.5 * i : 25.0;
    double pw = i < np ? p[i] : p[np - 1];
    t->speed_ms[i] = v;
    t->power_kw[i] = pw;
    double cp = v > 0.0 ? pw * 1000.0 / (0.5 * TURBINE_RHO0 * area * v * v * v) : 0.0;
    double lo = 0.0, hi = 1.0 / 3.0;
    if (cp >= 16.0 / 27.0) {
      lo = hi;
    } else {
      for (int it = 0; it < 60; it++) {
        double a = 0.5 * (lo + hi);
        if (4.0 * a * (1.0 - a) * (1.0 - a) < cp)
          lo = a;
        else
          hi = a;
      }
    }
    t->ct[i] = 4.0 * lo * (1.0 - lo);
  }
  t->n = np + 1;
  t->has_ct = 1;
  t->cut_in_ms = 3.5;
  t->cut_out_ms = 25.0;
}

static void farm_two(struct wake_farm *f, double x0, double y0, double x1, double y1)
{
  memset(f, 0, sizeof *f);
  f->n = 2;
  f->x_m[0] = x0;
  f->y_m[0] = y0;
  f->x_m[1] = x1;
  f->y_m[1] = y1;
}

/* ---- single wakes ------------------------------------------------------- */

START_TEST(test_full_wake_5d)
{
  /* Wind from the west (270) at 9.3 m/s; turbine 1 is 5 D = 413 m east of
   * turbine 0, straight in its wake. Ct 0.8, k 0.075:
   *   R_w / R = 1 + 2 k x / D = 1 + 2 x 0.075 x 5 = 1.75 >= 1 + 0 offset
   *   so the rotor lies wholly inside the wake;
   *   deficit = (1 - sqrt(1 - 0.8)) / 1.75^2 = 0.5527864045000421 / 3.0625
   *           = 0.1805016831020546
   *   v_1 = 9.3 x (1 - 0.1805016831020546) = 7.621334347150892 m/s. */
  struct turbine t;
  struct wake_farm f;
  double v[2];
  turbine_const_ct(&t);
  farm_two(&f, 0.0, 0.0, 5.0 * ROTOR_D, 0.0);
  wake_speeds(&f, &t, 9.3, 270.0, K_ONSHORE, v);
  ck_assert_double_eq_tol(v[0], 9.3, TOL_V);
  ck_assert_double_eq_tol(v[1], 7.621334347150892, TOL_V);
}
END_TEST

START_TEST(test_full_wake_oblique)
{
  /* The same pair turned: wind from 37.6 deg travels toward 217.6 deg, so
   * turbine 1 at 5 D on bearing 217.6 from turbine 0 sees the same
   * 7.621334347150892 m/s; turbine 0 (upwind) sees 9.3 m/s. */
  struct turbine t;
  struct wake_farm f;
  double v[2];
  turbine_const_ct(&t);
  double b = deg2rad(217.6);
  farm_two(&f, 1000.0, 2000.0, 1000.0 + 5.0 * ROTOR_D * sin(b), 2000.0 + 5.0 * ROTOR_D * cos(b));
  wake_speeds(&f, &t, 9.3, 37.6, K_ONSHORE, v);
  ck_assert_double_eq_tol(v[0], 9.3, TOL_V);
  ck_assert_double_eq_tol(v[1], 7.621334347150892, TOL_V);
  /* Wind reversed (from 217.6): turbine 1 is now upwind and free, turbine
   * 0 is in its wake. */
  wake_speeds(&f, &t, 9.3, 217.6, K_ONSHORE, v);
  ck_assert_double_eq_tol(v[1], 9.3, TOL_V);
  ck_assert_double_eq_tol(v[0], 7.621334347150892, TOL_V);
}
END_TEST

START_TEST(test_partial_wake_half_diameter)
{
  /* Turbine 1 at 5 D downwind (wind from 180: north of turbine 0) and half
   * a diameter (d = R = 41.3 m) across. R_w = 1.75 R = 72.275 m, and
   * R_w - R = 0.75 R < d < R_w + R = 2.75 R: partial overlap. In units of
   * R^2 (circle-circle lens area):
   *   cos a1 = (d^2 + R_w^2 - R^2) / (2 d R_w) = 1.75 / 2 = 0.875,
   *            a1 = acos 0.875 = 0.5053605102841573
   *   cos a2 = (d^2 + R^2 - R_w^2) / (2 d R) = (2 - 3.0625) / 2 = -0.53125,
   *            a2 = acos(-0.53125) = 2.130871633021478
   *   sqrt((-d+R_w+R)(d+R_w-R)(d-R_w+R)(d+R_w+R)) = sqrt(1.75 x 1.75 x
   *            0.25 x 3.75) = 0.875 sqrt 3.75 = 1.694430382058292
   *   A / R^2 = 3.0625 a1 + a2 - 1.694430382058292 / 2 = 2.831322863394
   *   A / (pi R^2) = 0.9012381301403221
   *   deficit = 0.1805016831020546 x 0.9012381301403221 = 0.1626749993660766
   *   v_1 = 9.3 x (1 - 0.1626749993660766) = 7.787122505895488 m/s. */
  struct turbine t;
  struct wake_farm f;
  double v[2];
  turbine_const_ct(&t);
  farm_two(&f, 0.0, 0.0, 0.5 * ROTOR_D, 5.0 * ROTOR_D);
  wake_speeds(&f, &t, 9.3, 180.0, K_ONSHORE, v);
  ck_assert_double_eq_tol(v[0], 9.3, TOL_V);
  ck_assert_double_eq_tol(v[1], 7.787122505895488, TOL_V);
}
END_TEST

START_TEST(test_partial_wake_brute_force)
{
  /* Independent of the lens formula: the share of the downstream rotor
   * inside the wake, counted on a 1000 x 1000 grid of points over the
   * rotor's bounding square, for offsets across the partial range. The
   * count's error is about (perimeter / area) x (cell size) ~ 2e-3; 5e-3
   * on the share (4 x 10^-3 x 0.18 on the deficit) tolerates it while a
   * wrong segment term is off by 5e-2 or more. */
  struct turbine t;
  struct wake_farm f;
  double v[2];
  turbine_const_ct(&t);
  double r = 0.5 * ROTOR_D, rw = 1.75 * r, full = 0.1805016831020546;
  static const double offsets_r[] = {0.83, 1.37, 2.11, 2.62};
  for (int k = 0; k < 4; k++) {
    double lat = offsets_r[k] * r;
    farm_two(&f, 0.0, 0.0, lat, 5.0 * ROTOR_D);
    wake_speeds(&f, &t, 9.3, 180.0, K_ONSHORE, v);
    double share = (1.0 - v[1] / 9.3) / full;
    long in = 0, disc = 0;
    const int m = 1000;
    for (int i = 0; i < m; i++)
      for (int j = 0; j < m; j++) {
        double px = -r + (i + 0.5) * 2.0 * r / m, py = -r + (j + 0.5) * 2.0 * r / m;
        if (px * px + py * py > r * r)
          continue;
        disc++;
        double qx = px + lat;
        if (qx * qx + py * py <= rw * rw)
          in++;
      }
    ck_assert_double_eq_tol(share, (double)in / (double)disc, 5e-3);
  }
}
END_TEST

START_TEST(test_beside_and_upwind)
{
  /* At x = 5 D the wake's edge is R_w = 72.275 m from its axis; a rotor
   * whose centre is more than R_w + R = 113.575 m across is untouched. */
  struct turbine t;
  struct wake_farm f;
  double v[2];
  turbine_const_ct(&t);
  farm_two(&f, 0.0, 0.0, 5.0 * ROTOR_D, 114.2);
  wake_speeds(&f, &t, 9.3, 270.0, K_ONSHORE, v);
  ck_assert_double_eq_tol(v[1], 9.3, TOL_V);
  /* ... while 112.9 m across it clips the wake edge (the lens there is a
   * sliver: the speed is below 9.3 but within 1 % of it). */
  farm_two(&f, 0.0, 0.0, 5.0 * ROTOR_D, 112.9);
  wake_speeds(&f, &t, 9.3, 270.0, K_ONSHORE, v);
  ck_assert(v[1] < 9.3 - 1e-6);
  ck_assert(v[1] > 9.3 * 0.99);
  /* Side by side across the wind (x = 0) and upwind: no effect on either. */
  farm_two(&f, 0.0, 0.0, 0.0, 1.5 * ROTOR_D);
  wake_speeds(&f, &t, 9.3, 270.0, K_ONSHORE, v);
  ck_assert_double_eq_tol(v[0], 9.3, TOL_V);
  ck_assert_double_eq_tol(v[1], 9.3, TOL_V);
}
END_TEST

START_TEST(test_below_cut_in_no_wake)
{
  /* At 2.4 m/s, below the 3 m/s cut-in, Ct = 0: the rotor is idle and
   * casts no wake. */
  struct turbine t;
  struct wake_farm f;
  double v[2];
  turbine_const_ct(&t);
  farm_two(&f, 0.0, 0.0, 5.0 * ROTOR_D, 0.0);
  wake_speeds(&f, &t, 2.4, 270.0, K_ONSHORE, v);
  ck_assert_double_eq_tol(v[1], 2.4, TOL_V);
}
END_TEST

/* ---- several wakes ------------------------------------------------------ */

START_TEST(test_root_sum_square)
{
  /* Two upstream turbines 10 D west of turbine 2, 55 m north and south of
   * its axis. R_w = R (1 + 2 x 0.075 x 10) = 2.5 R = 103.25 m, and
   * 55 + 41.3 = 96.3 <= 103.25: each wake covers the whole rotor.
   *   each deficit = 0.5527864045000421 / 2.5^2 = 0.08844582472000674
   *   combined = sqrt(2) x 0.08844582472000674 = 0.1250812848543071
   *   v_2 = 9.3 x (1 - 0.1250812848543071) = 8.136744050854944 m/s
   * (a linear sum would give 9.3 x (1 - 0.1768916) = 7.6549 m/s). */
  struct turbine t;
  struct wake_farm f;
  double v[3];
  turbine_const_ct(&t);
  memset(&f, 0, sizeof f);
  f.n = 3;
  f.x_m[0] = -10.0 * ROTOR_D;
  f.y_m[0] = 55.0;
  f.x_m[1] = -10.0 * ROTOR_D;
  f.y_m[1] = -55.0;
  f.x_m[2] = 0.0;
  f.y_m[2] = 0.0;
  wake_speeds(&f, &t, 9.3, 270.0, K_ONSHORE, v);
  ck_assert_double_eq_tol(v[0], 9.3, TOL_V);
  ck_assert_double_eq_tol(v[1], 9.3, TOL_V);
  ck_assert_double_eq_tol(v[2], 8.136744050854944, TOL_V);
}
END_TEST

START_TEST(test_chain_uses_waked_ct)
{
  /* A row A (y = 0), B (5 D north), C (10 D north), wind from the south at
   * 9.3 m/s, stored in the order C, A, B so the code must sort them.
   * Ct(v) = 0.9 - 0.04 (v - 4):
   *   Ct_A = 0.9 - 0.04 x 5.3 = 0.688, d_A = 1 - sqrt(0.312)
   *        = 0.4414303982492424
   *   delta_AB = d_A / 1.75^2 = 0.1441405382038342
   *   v_B = 9.3 x (1 - 0.1441405382038342) = 7.959492994704342
   *   Ct_B = 0.9 - 0.04 x 3.959492994704342 = 0.7416202802118263
   *   d_B = 1 - sqrt(0.2583797197881737) = 0.4916893471624132
   *   delta_BC = d_B / 1.75^2 = 0.1605516235632370
   *   delta_AC = d_A / 2.5^2 = 0.07062886371987878
   *   v_C = 9.3 x (1 - sqrt(0.07062886371987878^2 + 0.1605516235632370^2))
   *       = 7.668777343109009 m/s
   * With Ct_B taken at the free 9.3 m/s instead, v_C would be 7.8072. */
  struct turbine t;
  struct wake_farm f;
  double v[3];
  turbine_sloped_ct(&t);
  memset(&f, 0, sizeof f);
  f.n = 3;
  f.y_m[0] = 10.0 * ROTOR_D;
  f.y_m[1] = 0.0;
  f.y_m[2] = 5.0 * ROTOR_D;
  wake_speeds(&f, &t, 9.3, 180.0, K_ONSHORE, v);
  ck_assert_double_eq_tol(v[1], 9.3, TOL_V);
  ck_assert_double_eq_tol(v[2], 7.959492994704342, TOL_V);
  ck_assert_double_eq_tol(v[0], 7.668777343109009, TOL_V);
}
END_TEST

START_TEST(test_mirror_symmetry)
{
  /* A staggered layout under wind from 270 and its mirror images: across
   * the wind axis (y -> -y, same wind) and along it (x -> -x, wind from
   * 90) must give the same speed at each turbine. Exact mirror geometry:
   * the only differences are rounding in sin/cos of the directions. */
  struct turbine t;
  turbine_const_ct(&t);
  static const double xs[] = {0.0, 413.0, 826.0, 380.0, 790.0, 1210.0};
  static const double ys[] = {0.0, 37.6, -20.0, 150.0, 110.0, 60.0};
  struct wake_farm f, fy, fx;
  memset(&f, 0, sizeof f);
  f.n = 6;
  for (int i = 0; i < 6; i++) {
    f.x_m[i] = xs[i];
    f.y_m[i] = ys[i];
  }
  fy = f;
  fx = f;
  for (int i = 0; i < 6; i++) {
    fy.y_m[i] = -ys[i];
    fx.x_m[i] = -xs[i];
  }
  double v[6], vy[6], vx[6];
  wake_speeds(&f, &t, 10.7, 270.0, K_ONSHORE, v);
  wake_speeds(&fy, &t, 10.7, 270.0, K_ONSHORE, vy);
  wake_speeds(&fx, &t, 10.7, 90.0, K_ONSHORE, vx);
  int waked = 0;
  for (int i = 0; i < 6; i++) {
    ck_assert_double_eq_tol(vy[i], v[i], TOL_V);
    ck_assert_double_eq_tol(vx[i], v[i], TOL_V);
    waked += v[i] < 10.7 - 1e-3;
  }
  /* Not vacuous: several turbines are in wakes. */
  ck_assert_int_ge(waked, 3);
}
END_TEST

/* ---- layout ------------------------------------------------------------- */

START_TEST(test_grid_positions)
{
  /* 2 rows x 3 columns, 7 D between rows, 4 D along rows, D = 82.6 m:
   * 4 D = 330.4 m, 7 D = 578.2 m. Turbine (row r, col c) is index 3r + c.
   * Rows along the bearing; row r displaced 90 deg clockwise from it. */
  struct wake_farm f;
  ck_assert_int_eq(wake_farm_grid(&f, 2, 3, 7.0, 4.0, 90.0, ROTOR_D), 0);
  ck_assert_int_eq(f.n, 6);
  /* orientation 90: rows run east, the second row lies south. */
  ck_assert_double_eq_tol(f.x_m[2], 660.8, TOL_M);
  ck_assert_double_eq_tol(f.y_m[2], 0.0, TOL_M);
  ck_assert_double_eq_tol(f.x_m[4], 330.4, TOL_M);
  ck_assert_double_eq_tol(f.y_m[4], -578.2, TOL_M);
  /* orientation 0: rows run north, the second row lies east. */
  ck_assert_int_eq(wake_farm_grid(&f, 2, 3, 7.0, 4.0, 0.0, ROTOR_D), 0);
  ck_assert_double_eq_tol(f.x_m[0], 0.0, TOL_M);
  ck_assert_double_eq_tol(f.y_m[0], 0.0, TOL_M);
  ck_assert_double_eq_tol(f.x_m[2], 0.0, TOL_M);
  ck_assert_double_eq_tol(f.y_m[2], 660.8, TOL_M);
  ck_assert_double_eq_tol(f.x_m[5], 578.2, TOL_M);
  ck_assert_double_eq_tol(f.y_m[5], 660.8, TOL_M);
  /* orientation 30: along = (sin 30, cos 30) = (0.5, 0.8660254037844386),
   * across = (sin 120, cos 120) = (0.8660254037844386, -0.5). Turbine 5:
   *   x = 660.8 x 0.5 + 578.2 x 0.8660254037844386 = 831.1358884681624
   *   y = 660.8 x 0.8660254037844386 - 578.2 x 0.5 = 283.1695868207570 */
  ck_assert_int_eq(wake_farm_grid(&f, 2, 3, 7.0, 4.0, 30.0, ROTOR_D), 0);
  ck_assert_double_eq_tol(f.x_m[5], 831.1358884681624, TOL_M);
  ck_assert_double_eq_tol(f.y_m[5], 283.1695868207570, TOL_M);
  ck_assert_double_eq_tol(f.x_m[1], 165.2, TOL_M);
  ck_assert_double_eq_tol(f.y_m[1], 286.1347934103785, TOL_M);
  /* 23 x 23 = 529 > 512 turbines; 0 rows is no farm. */
  ck_assert_int_eq(wake_farm_grid(&f, 23, 23, 5.0, 5.0, 0.0, ROTOR_D), -1);
  ck_assert_int_eq(wake_farm_grid(&f, 0, 3, 5.0, 5.0, 0.0, ROTOR_D), -1);
  ck_assert_int_eq(wake_farm_grid(&f, 16, 32, 5.0, 5.0, 0.0, ROTOR_D), 0);
  ck_assert_int_eq(f.n, 512);
}
END_TEST

/* ---- a year of winds ------------------------------------------------------ */

#define HOURS 8760
static double wind_dir[HOURS], wind_v[HOURS];

/* Fixed-seed winds: directions normal about a prevailing 270 deg with a
 * 25 deg standard deviation (wrapped), speeds Weibull with scale 8.5 m/s
 * and shape 2 (a good onshore site). */
static void make_winds(void)
{
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(r, 20240611UL);
  for (int h = 0; h < HOURS; h++) {
    double d = fmod(270.0 + gsl_ran_gaussian(r, 25.0) + 720.0, 360.0);
    wind_dir[h] = d;
    wind_v[h] = gsl_ran_weibull(r, 8.5, 2.0);
  }
  gsl_rng_free(r);
}

static double p_kw(const struct turbine *t, double v)
{
  return turbine_power_kw(t, v, TURBINE_RHO0, TURBINE_DENSITY_OFF);
}

/* Farm wake loss over the year: 1 - energy with wakes / energy without. */
static double year_wake_loss(const struct wake_farm *f, const struct turbine *t)
{
  double e_wake = 0.0, e_free = 0.0, v_each[WAKE_TURBINES_MAX];
  for (int h = 0; h < HOURS; h++) {
    wake_speeds(f, t, wind_v[h], wind_dir[h], K_ONSHORE, v_each);
    for (int i = 0; i < f->n; i++)
      e_wake += p_kw(t, v_each[i]);
    e_free += f->n * p_kw(t, wind_v[h]);
  }
  return 1.0 - e_wake / e_free;
}

START_TEST(test_acceptance_spacing)
{
  /* Acceptance: a 3 x 3 farm at 5 rotor diameters' spacing aligned with the
   * prevailing wind (rows east-west, wind mostly from 270) shows a larger
   * wake loss than at 8 diameters. Both losses must also be plausible for
   * a Park model with k = 0.075: between 1 % and 40 %. */
  struct turbine t;
  struct wake_farm f5, f8;
  turbine_v90(&t);
  make_winds();
  ck_assert_int_eq(wake_farm_grid(&f5, 3, 3, 5.0, 5.0, 90.0, t.rotor_diameter_m), 0);
  ck_assert_int_eq(wake_farm_grid(&f8, 3, 3, 8.0, 8.0, 90.0, t.rotor_diameter_m), 0);
  double loss5 = year_wake_loss(&f5, &t), loss8 = year_wake_loss(&f8, &t);
  ck_assert(loss5 > loss8);
  ck_assert(loss8 > 0.01 && loss8 < 0.40);
  ck_assert(loss5 > 0.01 && loss5 < 0.40);
}
END_TEST

/* ---- efficiency table ------------------------------------------------------ */

START_TEST(test_table_nodes_and_wrap)
{
  /* 3 x 3 farm at 5 D, 1 deg x 0.5 m/s table to 30 m/s: 360 x 61 cells. */
  struct turbine t;
  struct wake_farm f;
  turbine_v90(&t);
  wake_farm_grid(&f, 3, 3, 5.0, 5.0, 90.0, t.rotor_diameter_m);
  size_t sz = wake_table_size(1.0, 0.5, 30.0);
  ck_assert_uint_eq(sz, 360u * 61u);
  double *tab = malloc(sz * sizeof *tab);
  ck_assert_ptr_nonnull(tab);
  wake_table_build(&f, &t, K_ONSHORE, 1.0, 0.5, 30.0, tab);

  /* At a node the table is the direct ratio sum P(v_i) / (9 P(v)): wind
   * from 270 at 9.5 m/s, the rows aligned with it. Same arithmetic, so
   * only rounding separates them. */
  double v_each[9], p = 0.0;
  wake_speeds(&f, &t, 9.5, 270.0, K_ONSHORE, v_each);
  for (int i = 0; i < 9; i++)
    p += p_kw(&t, v_each[i]);
  double eff = p / (9.0 * p_kw(&t, 9.5));
  ck_assert(eff < 0.9);
  ck_assert_double_eq_tol(wake_table_efficiency(tab, 1.0, 0.5, 30.0, 270.0, 9.5), eff, 1e-12);
  ck_assert_double_eq_tol(wake_table_efficiency(tab, 1.0, 0.5, 30.0, 270.0 - 720.0, 9.5), eff,
                          1e-12);

  /* Wrap-around: 359.5 deg lies halfway between the 359 and 0 columns;
   * 7.25 m/s halfway between 7.0 and 7.5:
   *   e = (e(359,7) + e(359,7.5) + e(0,7) + e(0,7.5)) / 4. */
  double e4 = tab[359 * 61 + 14] + tab[359 * 61 + 15] + tab[0 * 61 + 14] + tab[0 * 61 + 15];
  ck_assert_double_eq_tol(wake_table_efficiency(tab, 1.0, 0.5, 30.0, 359.5, 7.25), 0.25 * e4,
                          1e-12);
  ck_assert_double_eq_tol(wake_table_efficiency(tab, 1.0, 0.5, 30.0, -0.5, 7.25), 0.25 * e4,
                          1e-12);
  /* Below cut-in P(v) = 0 and the efficiency is 1; beyond the table, 1. */
  ck_assert_double_eq_tol(wake_table_efficiency(tab, 1.0, 0.5, 30.0, 270.0, 2.0), 1.0, 1e-12);
  ck_assert_double_eq_tol(wake_table_efficiency(tab, 1.0, 0.5, 30.0, 270.0, 31.4), 1.0, 1e-12);
  free(tab);
}
END_TEST

START_TEST(test_table_year_accuracy)
{
  /* Energy over the fixed-seed year of winds from the 1 deg x 0.5 m/s
   * table (efficiency x 9 P(v)) against the direct model at every hour:
   * within 0.5 % of the direct energy (the table's stated accuracy). */
  struct turbine t;
  struct wake_farm f;
  turbine_v90(&t);
  make_winds();
  wake_farm_grid(&f, 3, 3, 5.0, 5.0, 90.0, t.rotor_diameter_m);
  size_t sz = wake_table_size(1.0, 0.5, 30.0);
  double *tab = malloc(sz * sizeof *tab);
  ck_assert_ptr_nonnull(tab);
  wake_table_build(&f, &t, K_ONSHORE, 1.0, 0.5, 30.0, tab);
  double e_direct = 0.0, e_table = 0.0, v_each[9];
  for (int h = 0; h < HOURS; h++) {
    wake_speeds(&f, &t, wind_v[h], wind_dir[h], K_ONSHORE, v_each);
    for (int i = 0; i < 9; i++)
      e_direct += p_kw(&t, v_each[i]);
    e_table += wake_table_efficiency(tab, 1.0, 0.5, 30.0, wind_dir[h], wind_v[h]) * 9.0 *
               p_kw(&t, wind_v[h]);
  }
  ck_assert_double_eq_tol(e_table / e_direct, 1.0, 0.005);
  free(tab);
}
END_TEST

Suite *make_wake_suite(void)
{
  Suite *s = suite_create("wake");
  TCase *tc = tcase_create("park");
  tcase_add_test(tc, test_full_wake_5d);
  tcase_add_test(tc, test_full_wake_oblique);
  tcase_add_test(tc, test_partial_wake_half_diameter);
  tcase_add_test(tc, test_partial_wake_brute_force);
  tcase_add_test(tc, test_beside_and_upwind);
  tcase_add_test(tc, test_below_cut_in_no_wake);
  tcase_add_test(tc, test_root_sum_square);
  tcase_add_test(tc, test_chain_uses_waked_ct);
  tcase_add_test(tc, test_mirror_symmetry);
  suite_add_tcase(s, tc);
  TCase *tl = tcase_create("layout");
  tcase_add_test(tl, test_grid_positions);
  suite_add_tcase(s, tl);
  TCase *ty = tcase_create("farm year");
  tcase_set_timeout(ty, 60);
  tcase_add_test(ty, test_acceptance_spacing);
  tcase_add_test(ty, test_table_nodes_and_wrap);
  tcase_add_test(ty, test_table_year_accuracy);
  suite_add_tcase(s, ty);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_wake_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
