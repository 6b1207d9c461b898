/* Unit tests for tracking.c (single-axis and two-axis trackers).
 * Expected values are hand calculations from Marion and Dobos
 * (NREL/TP-6A20-58891, 2013) and the backtracking rule of Lorenzo et al.
 * (2011) / Anderson and Mikofski (NREL/TP-5K00-76626, 2020), with the
 * arithmetic next to each case, and the published reference cases of pvlib
 * python's tests/test_tracking.py (test_backtrack, test_axis_tilt). */
#include <check.h>
#include <math.h>
#include <stdlib.h>

#include "irradiance.h"
#include "shading.h"
#include "tracking.h"
#include "units.h"

/* Angles worked by hand to 6-7 significant figures: 1e-5 deg covers the
 * rounding of the written digits; a wrong sign or quadrant is off by
 * degrees. */
#define TOL_DEG 1e-5
/* Cosines written to 9-10 digits. */
#define TOL_COS 1e-8

static struct tracking_params ns_horizontal(double max_deg, int backtrack,
                                            double gcr)
{
  struct tracking_params tp = { 0.0, 180.0, max_deg, backtrack, gcr };
  return tp;
}

START_TEST(test_noon_ns_axis_is_flat)
{
  /* Sun due south (az 180) at zenith 37.6: for a horizontal axis with
   * azimuth 180 the ideal rotation is atan2(sin z sin(180 - 180), cos z)
   * = atan2(0, 0.792290) = 0; the surface is flat, so cos AOI = cos 37.6
   * = 0.7922896434. */
  struct tracking_params tp = ns_horizontal(60.0, 1, 0.35);
  double r, t, a, c;
  tracking_single_axis(&tp, 37.6, 180.0, &r, &t, &a, &c);
  ck_assert_double_eq_tol(r, 0.0, TOL_DEG);
  ck_assert_double_eq_tol(t, 0.0, TOL_DEG);
  ck_assert_double_eq_tol(c, 0.7922896434, TOL_COS);
}
END_TEST

START_TEST(test_projected_angle_morning)
{
  /* Horizontal N-S axis (azimuth 180), sun at zenith 50, azimuth 110.
   * Marion and Dobos eq. 7 with axis tilt 0:
   *   tan R = sin z sin(az - 180) / cos z = tan 50 x sin(-70)
   *         = 1.191753593 x -0.939692621 = -1.119880558
   *   R = -48.23670258 deg (the sun's angle projected into the east-west
   *   vertical plane). Negative = facing east: surface tilt |R| = 48.2367,
   *   azimuth 90. On the ideal rotation cos AOI is the length of the sun
   *   vector's projection: sqrt(cos^2 50 + (sin 50 sin 70)^2)
   *   = sqrt(0.4131759112 + 0.5181787106) = 0.9650671592. */
  struct tracking_params tp = ns_horizontal(90.0, 0, 0.35);
  double r, t, a, c;
  tracking_single_axis(&tp, 50.0, 110.0, &r, &t, &a, &c);
  ck_assert_double_eq_tol(r, -48.23670258, TOL_DEG);
  ck_assert_double_eq_tol(t, 48.23670258, TOL_DEG);
  ck_assert_double_eq_tol(a, 90.0, TOL_DEG);
  ck_assert_double_eq_tol(c, 0.9650671592, TOL_COS);
  /* The unlimited helper gives the same angle. */
  ck_assert_double_eq_tol(tracking_ideal_rotation(50.0, 110.0, 0.0, 180.0),
                          -48.23670258, TOL_DEG);
}
END_TEST

START_TEST(test_rotation_limit)
{
  /* Same sun, limit 45 deg: R = -45, tilt 45 facing east (az 90);
   * cos AOI = cos 50 cos 45 + sin 50 sin 45 cos(110 - 90)
   *         = 0.642787610 x 0.707106781 + 0.766044443 x 0.707106781
   *           x 0.939692621 = 0.454519 + 0.509008 = 0.9635276852. */
  struct tracking_params tp = ns_horizontal(45.0, 0, 0.35);
  double r, t, a, c;
  tracking_single_axis(&tp, 50.0, 110.0, &r, &t, &a, &c);
  ck_assert_double_eq_tol(r, -45.0, TOL_DEG);
  ck_assert_double_eq_tol(t, 45.0, TOL_DEG);
  ck_assert_double_eq_tol(a, 90.0, TOL_DEG);
  ck_assert_double_eq_tol(c, 0.9635276852, TOL_COS);
  /* Mirror: afternoon sun (az 250) hits +45 facing west (az 270). */
  tracking_single_axis(&tp, 50.0, 250.0, &r, &t, &a, &c);
  ck_assert_double_eq_tol(r, 45.0, TOL_DEG);
  ck_assert_double_eq_tol(a, 270.0, TOL_DEG);
}
END_TEST

START_TEST(test_pvlib_backtrack)
{
  /* pvlib test_backtrack: zenith 80, sun azimuth 90, axis tilt 0, axis
   * azimuth 0, max 90, gcr 2/7.
   * Without backtracking: R = atan2(sin 80, cos 80) = 80, AOI 0, tilt 80,
   * azimuth 90 (axis azimuth 0: positive rotation faces east).
   * With it: |cos 80| / gcr = 0.173648178 x 3.5 = 0.607768622 < 1,
   * acos(0.607768622) = 52.57166591, R = 80 - 52.57166591 = 27.42833409;
   * pvlib's table: tracker_theta 27.42833, aoi 52.5716, surface_tilt
   * 27.42833, surface_azimuth 90. */
  struct tracking_params tp = { 0.0, 0.0, 90.0, 0, 2.0 / 7.0 };
  double r, t, a, c;
  tracking_single_axis(&tp, 80.0, 90.0, &r, &t, &a, &c);
  ck_assert_double_eq_tol(r, 80.0, TOL_DEG);
  ck_assert_double_eq_tol(c, 1.0, TOL_COS);
  tp.backtrack = 1;
  tracking_single_axis(&tp, 80.0, 90.0, &r, &t, &a, &c);
  ck_assert_double_eq_tol(r, 27.42833409, TOL_DEG);
  ck_assert_double_eq_tol(t, 27.42833409, TOL_DEG);
  ck_assert_double_eq_tol(a, 90.0, TOL_DEG);
  ck_assert_double_eq_tol(rad2deg(acos(c)), 52.57166591, TOL_DEG);
}
END_TEST

START_TEST(test_pvlib_axis_tilt)
{
  /* pvlib test_axis_tilt: zenith 30, sun azimuth 135, axis tilt 30, axis
   * azimuth 180, max 90, backtracking, gcr 2/7. Expected (pvlib):
   * tracker_theta -20.88121, surface_tilt 35.98741, surface_azimuth
   * 142.65730, aoi 7.286245. By hand:
   *   numerator   sin 30 sin(135 - 180) = 0.5 x -0.707106781 = -0.353553391
   *   denominator sin 30 cos(-45) sin 30 + cos 30 cos 30 = 0.176776695
   *               + 0.75 = 0.926776695
   *   R = atan2(-0.353553391, 0.926776695) = -20.88120968 deg
   *   (|cos R| = 0.934 > gcr: no backtracking)
   *   tilt = acos(cos R cos 30) = acos(0.934264 x 0.866025) = 35.98741490
   *   azimuth = 180 + asin(sin R / sin tilt) = 180 + asin(-0.356432 /
   *   0.587596) = 180 - 37.34270 = 142.65729988 (Marion and Dobos eqs. 2-3)
   *   AOI = 7.28624519 deg. */
  struct tracking_params tp = { 30.0, 180.0, 90.0, 1, 2.0 / 7.0 };
  double r, t, a, c;
  tracking_single_axis(&tp, 30.0, 135.0, &r, &t, &a, &c);
  ck_assert_double_eq_tol(r, -20.88120968, TOL_DEG);
  ck_assert_double_eq_tol(t, 35.98741490, TOL_DEG);
  ck_assert_double_eq_tol(a, 142.65729988, TOL_DEG);
  ck_assert_double_eq_tol(rad2deg(acos(c)), 7.28624519, TOL_DEG);
  /* The reported tilt and azimuth give the same incidence through the
   * shared irr_cos_aoi(). */
  ck_assert_double_eq_tol(irr_cos_aoi(t, a, 30.0, 135.0), c, 1e-12);
}
END_TEST

START_TEST(test_stow_at_night)
{
  /* Sun below the horizon: rotation 0, so the surface takes the axis tilt
   * and azimuth (here 12.5 deg toward 170). */
  struct tracking_params tp = { 12.5, 170.0, 55.0, 1, 0.4 };
  double r, t, a;
  tracking_single_axis(&tp, 97.3, 250.0, &r, &t, &a, NULL);
  ck_assert_double_eq_tol(r, 0.0, TOL_DEG);
  ck_assert_double_eq_tol(t, 12.5, TOL_DEG);
  ck_assert_double_eq_tol(a, 170.0, TOL_DEG);
}
END_TEST

/* Shadow length, in row widths, of a row rotated r_deg on a horizontal
 * axis of azimuth axis_az, measured along the ground across the axis:
 * project the row's two edges onto the ground along the sun's rays. Built
 * from the geometry directly, not from tracking.c. */
static double shadow_len(double r_deg, double axis_az, double zen, double saz)
{
  double s_e = sin(deg2rad(zen)) * sin(deg2rad(saz));
  double s_n = sin(deg2rad(zen)) * cos(deg2rad(saz));
  double s_u = cos(deg2rad(zen));
  /* Across-axis horizontal direction (toward axis azimuth + 90). */
  double s_w = s_e * cos(deg2rad(axis_az)) - s_n * sin(deg2rad(axis_az));
  /* Edges at +-1/2 (cos r, -sin r) in (across, up); x - z s_w / s_u. */
  double r = deg2rad(r_deg);
  double x1 = 0.5 * cos(r) - (-0.5 * sin(r)) * s_w / s_u;
  double x0 = -0.5 * cos(r) - (0.5 * sin(r)) * s_w / s_u;
  return fabs(x1 - x0);
}

START_TEST(test_backtracking_no_shade)
{
  /* Over a grid of sun positions, a backtracked horizontal-axis tracker
   * (gcr 0.41, pitch 1/0.41 = 2.439 widths) casts a shadow no longer than
   * the pitch; where backtracking acts the shadow just reaches the next
   * row (= pitch), and where the ideal rotation casts no shade onto the
   * next row the rotation is the ideal one. 1e-9 widths: rounding only. */
  double gcr = 0.41, pitch = 1.0 / gcr;
  const double axes[] = { 180.0, 90.0, 197.0 };
  int n_bt = 0, n_ideal = 0;
  for (int k = 0; k < 3; k++) {
    struct tracking_params tp = { 0.0, axes[k], 180.0, 1, gcr };
    struct tracking_params ti = tp;
    ti.backtrack = 0;
    for (double zen = 3.7; zen < 89.9; zen += 4.3) {
      for (double saz = 1.1; saz < 360.0; saz += 7.9) {
        double rb, ri;
        tracking_single_axis(&tp, zen, saz, &rb, NULL, NULL, NULL);
        tracking_single_axis(&ti, zen, saz, &ri, NULL, NULL, NULL);
        double sb = shadow_len(rb, axes[k], zen, saz);
        double si = shadow_len(ri, axes[k], zen, saz);
        ck_assert(sb <= pitch + 1e-9);
        if (si <= pitch) {
          ck_assert_double_eq_tol(rb, ri, 1e-9);
          n_ideal++;
        } else {
          ck_assert_double_eq_tol(sb, pitch, 1e-9);
          n_bt++;
        }
      }
    }
  }
  /* Both branches were exercised. */
  ck_assert_int_gt(n_bt, 100);
  ck_assert_int_gt(n_ideal, 100);
}
END_TEST

START_TEST(test_backtracked_rows_unshaded)
{
  /* Across modules: the beam shaded fraction of shading.c is 0 for a
   * backtracked tracker (tilted axis too) and positive for the same sun
   * with true tracking. Sun low in the east: zenith 81.3, azimuth 97.4;
   * axis 8 deg toward 185, gcr 0.47. */
  struct tracking_params tp = { 8.0, 185.0, 75.0, 1, 0.47 };
  double c;
  tracking_single_axis(&tp, 81.3, 97.4, NULL, NULL, NULL, &c);
  ck_assert_double_eq_tol(shading_tracker_beam_fraction(&tp, 81.3, 97.4, c), 0.0,
                          1e-9);
  tp.backtrack = 0;
  tracking_single_axis(&tp, 81.3, 97.4, NULL, NULL, NULL, &c);
  ck_assert(shading_tracker_beam_fraction(&tp, 81.3, 97.4, c) > 0.1);
}
END_TEST

START_TEST(test_two_axis)
{
  /* Normal at the sun: tilt = zenith 37.6, azimuth = 211.3, cos AOI 1;
   * checked against irr_cos_aoi() on the reported orientation. At night:
   * flat, cos AOI = cos 101.2 = -0.1942343512. */
  const double zen[] = { 37.6, 101.2 }, saz[] = { 211.3, 300.0 };
  double t[2], a[2], c[2];
  tracking_two_axis_run(2, zen, saz, t, a, c);
  ck_assert_double_eq_tol(c[0], 1.0, TOL_COS);
  ck_assert_double_eq_tol(t[0], 37.6, TOL_DEG);
  ck_assert_double_eq_tol(a[0], 211.3, TOL_DEG);
  ck_assert_double_eq_tol(irr_cos_aoi(t[0], a[0], zen[0], saz[0]), 1.0, 1e-12);
  ck_assert_double_eq_tol(t[1], 0.0, TOL_DEG);
  ck_assert_double_eq_tol(c[1], -0.1942343512, TOL_COS);
}
END_TEST

START_TEST(test_run_matches_single)
{
  /* The array form gives the single-interval values element by element. */
  struct tracking_params tp = { 5.0, 175.0, 52.0, 1, 0.38 };
  const double zen[] = { 37.6, 71.9, 88.2, 120.0 };
  const double saz[] = { 151.0, 97.0, 286.0, 10.0 };
  double r[4], t[4], a[4], c[4];
  tracking_single_axis_run(&tp, 4, zen, saz, r, t, a, c);
  for (int i = 0; i < 4; i++) {
    double r1, t1, a1, c1;
    tracking_single_axis(&tp, zen[i], saz[i], &r1, &t1, &a1, &c1);
    ck_assert_double_eq_tol(r[i], r1, 1e-12);
    ck_assert_double_eq_tol(t[i], t1, 1e-12);
    ck_assert_double_eq_tol(a[i], a1, 1e-12);
    ck_assert_double_eq_tol(c[i], c1, 1e-12);
    ck_assert(fabs(r[i]) <= 52.0);
  }
}
END_TEST

START_TEST(test_axis_plane_matches_angles)
{
  /* The direction-vector form (tracking_axis_plane()) against
   * tracking_single_axis() through the angles, over a grid of sun
   * positions above the horizon and trackers with horizontal and tilted
   * axes, with and without backtracking and with several rotation limits
   * (180: none): cos and sin of the tilt and cos AOI within 1e-12. The
   * grid's steps keep clear of the thresholds, where both forms are
   * continuous but ill-conditioned. The stowed plane is the axis's. */
  const struct tracking_params tps[] = {
    { 0.0, 180.0, 60.0, 1, 0.35 }, { 0.0, 180.0, 45.0, 0, 0.3 },
    { 10.0, 170.0, 60.0, 1, 0.5 }, { 10.0, 180.0, 45.0, 1, 0.3 },
    { 0.0, 90.0, 180.0, 1, 0.41 }, { 25.0, 197.0, 52.0, 1, 0.47 },
    { 35.0, 0.0, 90.0, 0, 0.3 },   { 5.0, 175.0, 0.0, 1, 0.38 },
  };
  int n_bt = 0, n_lim = 0;
  for (size_t k = 0; k < sizeof tps / sizeof tps[0]; k++) {
    struct tracking_axis ta;
    tracking_axis_init(&ta, &tps[k]);
    double r, t, a, c;
    tracking_single_axis(&tps[k], 97.3, 250.0, &r, &t, &a, &c);
    ck_assert_double_eq_tol(ta.cos_tilt0, cos(deg2rad(t)), 1e-15);
    ck_assert_double_eq_tol(ta.sin_tilt0, sin(deg2rad(t)), 1e-15);
    for (double zen = 0.37; zen < 90.0; zen += 1.713) {
      for (double saz = 0.29; saz < 360.0; saz += 2.917) {
        tracking_single_axis(&tps[k], zen, saz, &r, &t, &a, &c);
        const double se = sin(deg2rad(zen)) * sin(deg2rad(saz));
        const double sn = sin(deg2rad(zen)) * cos(deg2rad(saz));
        double ct, st, cv;
        tracking_axis_plane(&ta, se, sn, cos(deg2rad(zen)), &ct, &st, &cv);
        ck_assert_double_eq_tol(ct, cos(deg2rad(t)), 1e-12);
        ck_assert_double_eq_tol(st, sin(deg2rad(t)), 1e-12);
        ck_assert_double_eq_tol(cv, c, 1e-12);
        const double ri = tracking_ideal_rotation(zen, saz, tps[k].axis_tilt_deg,
                                                  tps[k].axis_azimuth_deg);
        n_lim += fabs(r) == tps[k].max_angle_deg;
        n_bt += tps[k].backtrack && fabs(r) < fabs(ri) && fabs(r) < tps[k].max_angle_deg;
      }
    }
  }
  /* Both the backtracking and the limit were exercised. */
  ck_assert_int_gt(n_bt, 1000);
  ck_assert_int_gt(n_lim, 1000);
}
END_TEST

Suite *make_tracking_suite(void)
{
  Suite *s = suite_create("tracking");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_noon_ns_axis_is_flat);
  tcase_add_test(tc, test_projected_angle_morning);
  tcase_add_test(tc, test_rotation_limit);
  tcase_add_test(tc, test_pvlib_backtrack);
  tcase_add_test(tc, test_pvlib_axis_tilt);
  tcase_add_test(tc, test_stow_at_night);
  tcase_add_test(tc, test_backtracking_no_shade);
  tcase_add_test(tc, test_backtracked_rows_unshaded);
  tcase_add_test(tc, test_two_axis);
  tcase_add_test(tc, test_run_matches_single);
  tcase_add_test(tc, test_axis_plane_matches_angles);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_tracking_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
