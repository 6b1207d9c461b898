/* Unit tests for shading.c (row-to-row self-shading as PVWatts v8 models
 * it, after Deline et al., Solar Energy 96, 2013) and bifacial.c
 * (infinite-sheds rear irradiance, Mikofski et al. 2019 as pvlib documents
 * it). Expected values are hand calculations from the formulas in the
 * headers, with the arithmetic next to each case, limits with known values
 * (isolated row, flat rows, vertical fins by Hottel's crossed strings) and
 * an independent brute-force integration over ground points. */
#include <check.h>
#include <math.h>
#include <stdlib.h>

#include "bifacial.h"
#include "irradiance.h"
#include "shading.h"
#include "tracking.h"
#include "transpose.h"
#include "units.h"

/* Hand values carried to 9-10 significant figures: 1e-8 absolute on
 * fractions and view factors (all 0..1) covers the written digits; any
 * wrong term moves them by 1e-3 or more. */
#define TOL_F 1e-8
/* Irradiance hand values [W/m2] written to 1e-6 W/m2 or better. */
#define TOL_W 1e-5

/* ---- beam shading -------------------------------------------------------- */

START_TEST(test_equinox_noon_unshaded)
{
  /* Laos site, latitude 20.69 N, equinox solar noon: zenith 20.69, sun due
   * south. Rack tilt 20 toward 180, gcr 0.3:
   *   cos AOI = cos(20.69 - 20) = cos 0.69 = 0.99992749
   *   f = 1 - cos 20.69 / (0.3 x 0.99992749) = 1 - 0.935507 / 0.299978
   *     = 1 - 3.1186 < 0  ->  0: the shadow (1.07 widths) is far short of
   *   the pitch (3.33 widths). */
  ck_assert_double_eq_tol(shading_fixed_beam_fraction(20.0, 180.0, 0.3, 20.69, 180.0),
                          0.0, TOL_F);
}
END_TEST

START_TEST(test_fixed_fraction_by_gcr)
{
  /* Winter morning sun, zenith 70, azimuth 140; rack tilt 25 toward 180.
   *   cos AOI = cos 70 cos 25 + sin 70 sin 25 cos(140 - 180)
   *           = 0.3099755192 + 0.3042201964 = 0.6141957156
   * (Appelbaum's shadow length p_y = cos 25 + cos 40 sin 25 / tan 20 is the
   * same quantity over cos 70.)  f = 1 - cos 70 / (gcr x 0.6141957156):
   *   gcr 0.3: 1 - 0.342020143 / 0.184258715 < 0 -> 0
   *   gcr 0.5: 1 - 0.342020143 / 0.307097858 < 0 -> 0
   *   gcr 0.7: 1 - 0.342020143 / 0.429937001 = 0.2044877678
   *   gcr 0.9: 1 - 0.342020143 / 0.552776144 = 0.3812682638
   * so the fraction never decreases as the rows close up. */
  const double gcr[] = { 0.3, 0.5, 0.7, 0.9 };
  const double expect[] = { 0.0, 0.0, 0.2044877678, 0.3812682638 };
  double prev = -1.0;
  for (int i = 0; i < 4; i++) {
    double f = shading_fixed_beam_fraction(25.0, 180.0, gcr[i], 70.0, 140.0);
    ck_assert_double_eq_tol(f, expect[i], TOL_F);
    ck_assert(f >= prev);
    prev = f;
  }
  /* Sun behind the rack (north, low): no beam on the face, nothing shaded. */
  ck_assert_double_eq_tol(shading_fixed_beam_fraction(25.0, 180.0, 0.9, 80.0, 10.0),
                          0.0, TOL_F);
}
END_TEST

START_TEST(test_tracker_fraction_true_tracking)
{
  /* Horizontal N-S axis, gcr 0.5, true tracking, sun at zenith 75 due east
   * (azimuth 90): R = -75, cos AOI = 1 (sun in the plane across the axis),
   * reference cos = cos 75 = 0.2588190451;
   *   f = 1 - 0.2588190451 / (0.5 x 1) = 0.4823619098
   * (SSC's shadeFraction1x case for a 1-axis tracker without backtracking). */
  struct tracking_params tp = { 0.0, 180.0, 90.0, 0, 0.5 };
  double r, c;
  tracking_single_axis(&tp, 75.0, 90.0, &r, NULL, NULL, &c);
  ck_assert_double_eq_tol(r, -75.0, 1e-9);
  double f[1];
  const double zen[] = { 75.0 }, saz[] = { 90.0 };
  shading_tracker_beam_run(&tp, 1, zen, saz, &c, f);
  ck_assert_double_eq_tol(f[0], 0.4823619098, TOL_F);
}
END_TEST

/* ---- diffuse derates ----------------------------------------------------- */

START_TEST(test_sky_derate_hand)
{
  /* Tilt 25, gcr 0.45: p = 2.222222222, cos 25 = 0.9063077870
   *   1 + p^2 - 2 p cos 25 = 1 + 4.938271605 - 4.028034609 = 1.910236996
   *   sqrt = 1.382113236
   *   F = (1 + 2.222222222 - 1.382113236) / 1.906307787 = 0.9652738132 */
  ck_assert_double_eq_tol(shading_sky_derate(25.0, 0.45), 0.9652738132, TOL_F);
  /* Flat rows see the whole sky. */
  ck_assert_double_eq_tol(shading_sky_derate(0.0, 0.45), 1.0, TOL_F);
}
END_TEST

START_TEST(test_sky_derate_matches_point_integral)
{
  /* SSC integrates over the row height the point ratio
   * (1 + cos(tilt + psi)) / (1 + cos tilt), psi the elevation of the front
   * row's top edge seen from height s: tan psi = (1 - s) sin b /
   * (p - (1 - s) cos b). A 20000-step midpoint sum of that ratio, written
   * here from the geometry, must equal the closed form; 1e-7 bounds the
   * midpoint rule's error for this smooth integrand. */
  const double tilts[] = { 12.0, 33.7, 60.0 }, gcrs[] = { 0.28, 0.52, 0.77 };
  for (int i = 0; i < 3; i++) {
    double b = deg2rad(tilts[i]), p = 1.0 / gcrs[i], sum = 0.0;
    int n = 20000;
    for (int k = 0; k < n; k++) {
      double s = (k + 0.5) / n;
      double psi = atan2((1.0 - s) * sin(b), p - (1.0 - s) * cos(b));
      sum += (1.0 + cos(b + psi)) / (1.0 + cos(b));
    }
    ck_assert_double_eq_tol(shading_sky_derate(tilts[i], gcrs[i]), sum / n, 1e-7);
  }
}
END_TEST

START_TEST(test_ground_derate_hand)
{
  /* Tilt 25, gcr 0.45 (p = 2.222222222), 10 rows, sun zenith 40
   * (elevation 50), DNI 700, DHI 150:
   *   Gbh = 700 cos 40 = 536.2311102
   *   unshaded strip Y1 = p - sin(50 + 25) / sin 50 = 2.222222222
   *     - 0.965925826 / 0.766044443 = 0.9612956076
   *   F2 = (1 + Y1 - sqrt(1 + Y1^2 + 2 Y1 cos 25)) / 2 = 0.0232361062
   *   F3 = (1 + p - sqrt(1 + p^2 + 2 p cos 25)) / 2 = 0.0326382563
   * PVWatts v8 form:
   *   D = [(1 + 9 F2) 536.2311 + (1 + 9 F3) 150] / (10 x 686.2311)
   *     = 0.1227621498
   * normalised by (1 - cos 25)/2 = 0.0468461065:
   *   F2n = 0.4960110..., F3n = 0.6967..., D = 0.5858920302 */
  ck_assert_double_eq_tol(
      shading_ground_derate(SHADING_GROUND_PVWATTS8, 25.0, 0.45, 10, 40.0, 700.0, 150.0),
      0.1227621498, TOL_F);
  ck_assert_double_eq_tol(
      shading_ground_derate(SHADING_GROUND_NORMALISED, 25.0, 0.45, 10, 40.0, 700.0, 150.0),
      0.5858920302, TOL_F);
  /* Normalised: widely spaced rows keep nearly all their ground light
   * (gcr 0.01: the view factors differ from the open-field one by
   * O(gcr) ~ 1e-2 relative). */
  double dn = shading_ground_derate(SHADING_GROUND_NORMALISED, 25.0, 0.01, 10, 40.0,
                                    700.0, 150.0);
  ck_assert(dn > 0.98 && dn <= 1.0);
  /* No light: derate 1. */
  ck_assert_double_eq_tol(
      shading_ground_derate(SHADING_GROUND_PVWATTS8, 25.0, 0.45, 10, 95.0, 0.0, 0.0), 1.0,
      TOL_F);
}
END_TEST

START_TEST(test_pvwatts8_rows)
{
  /* 1000 MW AC x 1.3 = 1 300 000 kW DC: ceil(1300000 / 0.3) = 4333334
   * modules, sqrt = 2081.67, so 2082 rows. 0.2 kW: 1 module, 1 row. */
  ck_assert_int_eq(shading_pvwatts8_rows(1300000.0), 2082);
  ck_assert_int_eq(shading_pvwatts8_rows(0.2), 1);
}
END_TEST

START_TEST(test_shading_run)
{
  /* Two intervals, fixed tilt 25, gcr 0.45, PVWatts v8 ground form:
   * interval 0 as in test_ground_derate_hand with beam fraction 0.25:
   *   beam 612.4 x 0.75 = 459.3; sky 98.7 x 0.9652738132 = 95.27252536;
   *   ground 5.1 x 0.1227621498 = 0.6260869640.
   * interval 1 at night: zeros stay zeros. Outputs written in place. */
  struct shading_params sp = { 0.45, 10, SHADING_GROUND_PVWATTS8 };
  double tilt[] = { 25.0, 25.0 }, frac[] = { 0.25, 0.0 };
  double zen[] = { 40.0, 100.0 }, dni[] = { 700.0, 0.0 }, dhi[] = { 150.0, 0.0 };
  double beam[] = { 612.4, 0.0 }, sky[] = { 98.7, 0.0 }, gnd[] = { 5.1, 0.0 };
  shading_run(&sp, 2, tilt, frac, zen, dni, dhi, beam, sky, gnd, beam, sky, gnd);
  ck_assert_double_eq_tol(beam[0], 459.3, TOL_W);
  ck_assert_double_eq_tol(sky[0], 95.27252536, TOL_W);
  ck_assert_double_eq_tol(gnd[0], 0.6260869640, TOL_W);
  ck_assert_double_eq_tol(beam[1] + sky[1] + gnd[1], 0.0, TOL_W);
}
END_TEST

/* ---- bifacial view factors ------------------------------------------------ */

START_TEST(test_vf_isolated_row)
{
  /* An isolated plane of tilt 25 sees the ground with (1 - cos 25)/2
   * = 0.0468461065. With gcr 0.001 (p = 1000) the row model differs by
   * about sin^2 25 / (4 p) = 4.5e-5, hence the 1e-4 tolerance. */
  ck_assert_double_eq_tol(bifacial_vf_row_ground(25.0, 0.001), 0.0468461065, 1e-4);
  /* ...and the sky with (1 + cos 25)/2 = 0.9531538935. */
  ck_assert_double_eq_tol(bifacial_vf_row_sky(25.0, 0.001), 0.9531538935, 1e-4);
}
END_TEST

START_TEST(test_vf_rear_hand)
{
  /* Tilt 30, gcr 0.4 (p = 2.5), rear face tilt 150:
   *   rear -> sky    = (1 + 2.5 - sqrt(1 + 6.25 + 5 cos 30)) / 2
   *                  = (3.5 - sqrt(11.580127019)) / 2 = 0.0485207158
   *   rear -> ground = (3.5 - sqrt(1 + 6.25 - 5 cos 30)) / 2
   *                  = (3.5 - sqrt(2.919872981)) / 2 = 0.8956182087
   *   rear -> next row face (crossed strings, parallel faces):
   *     (sqrt(11.580127019) + sqrt(2.919872981) - 2 x 2.5) / 2 = 0.0558610755
   * and the three add up to 1. */
  double vs = bifacial_vf_row_sky(150.0, 0.4), vg = bifacial_vf_row_ground(150.0, 0.4);
  ck_assert_double_eq_tol(vs, 0.0485207158, TOL_F);
  ck_assert_double_eq_tol(vg, 0.8956182087, TOL_F);
  ck_assert_double_eq_tol(vs + vg + 0.0558610755, 1.0, TOL_F);
  /* Front-to-ground equals rear-to-sky (mirror symmetry of the cell). */
  ck_assert_double_eq_tol(shading_vf_row_ground(30.0, 2.5), vs, TOL_F);
}
END_TEST

START_TEST(test_vf_ground_sky_limits)
{
  /* Flat rows, gcr 0.37: every direction is blocked for exactly the
   * covered fraction of ground points, so the view is 1 - 0.37 = 0.63. */
  ck_assert_double_eq_tol(bifacial_vf_ground_sky(0.0, 0.37), 0.63, TOL_F);
  /* Vertical fins of width 1, pitch 2 (gcr 0.5): crossed strings from the
   * ground strip to the opening between fin tops:
   *   (2 sqrt(1 + 4) - 2 x 1) / (2 x 2) = (sqrt 5 - 1) / 2 = 0.6180339887 */
  ck_assert_double_eq_tol(bifacial_vf_ground_sky(90.0, 0.5), 0.6180339887, TOL_F);
}
END_TEST

static int cmp_pair(const void *a, const void *b)
{
  const double *x = a, *y = b;
  return (x[0] > y[0]) - (x[0] < y[0]);
}

START_TEST(test_vf_ground_sky_brute_force)
{
  /* Ground points over one pitch, rows of width 1 and tilt 25 centred
   * 1.3 widths up, gcr 0.4, 4001 rows: the sky seen between the rows'
   * angular spans, (1/2) sum (cos a - cos b) over the gaps, averaged over
   * 1000 points. Leaves out only rays within 1e-4 rad of the horizon and
   * the midpoint-rule error: 1e-4. */
  static double iv[4001][2];
  double b = deg2rad(25.0), p = 2.5, h = 1.3;
  int nrow = 4001, npt = 1000;
  double avg = 0.0;
  for (int i = 0; i < npt; i++) {
    double x = (i + 0.5) * p / npt;
    for (int k = 0; k < nrow; k++) {
      double xc = (k - nrow / 2) * p;
      double a1 = atan2(h - 0.5 * sin(b), xc - 0.5 * cos(b) - x);
      double a2 = atan2(h + 0.5 * sin(b), xc + 0.5 * cos(b) - x);
      iv[k][0] = fmin(a1, a2);
      iv[k][1] = fmax(a1, a2);
    }
    qsort(iv, (size_t)nrow, sizeof iv[0], cmp_pair);
    double sky = 0.0, reach = 0.0; /* directions below reach are done */
    for (int k = 0; k < nrow; k++) {
      if (iv[k][0] > reach)
        sky += 0.5 * (cos(reach) - cos(iv[k][0]));
      if (iv[k][1] > reach)
        reach = iv[k][1];
    }
    sky += 0.5 * (cos(reach) - cos(UNITS_PI));
    avg += sky / npt;
  }
  ck_assert_double_eq_tol(bifacial_vf_ground_sky(25.0, 0.4), avg, 1e-4);
}
END_TEST

/* ---- bifacial rear irradiance ---------------------------------------------- */

START_TEST(test_rear_dark_ground_no_sky)
{
  /* Albedo 0, no diffuse light, sun in front of the rows: nothing reaches
   * the rear (no sky light, no reflected light, no beam from behind). */
  struct bifacial_params bp = { 0.4, 0.0, 0.7, 0.0 };
  struct bifacial_rear r;
  bifacial_rear_irradiance(&bp, 20.0, 180.0, 30.0, 170.0, 800.0, 0.0, 0.0, &r);
  ck_assert_double_eq_tol(r.total, 0.0, TOL_W);
  /* Albedo 0 with diffuse light: only the sky term, DHI x rear sky view
   * = 120 x 0.0216725495 (tilt 20, gcr 0.4) = 2.600705946. */
  bifacial_rear_irradiance(&bp, 20.0, 180.0, 30.0, 170.0, 800.0, 120.0, 0.0, &r);
  ck_assert_double_eq_tol(r.ground, 0.0, TOL_W);
  ck_assert_double_eq_tol(r.total, 2.600705946, TOL_W);
}
END_TEST

START_TEST(test_rear_hand_and_below_front)
{
  /* Fixed rack tilt 20 toward 180, gcr 0.4 (p = 2.5), albedo 0.25,
   * bifaciality 0.7, rear loss 0.05; sun zenith 30, azimuth 170; DNI 800,
   * DHI 120.
   *   cos AOI (front) = cos 30 cos 20 + sin 30 sin 20 cos(-10) = 0.9822097258
   *   Gbh = 800 cos 30 = 692.8203230
   *   ground shaded = 0.4 x 0.9822097258 / 0.8660254038 = 0.4536632397
   *   ground -> sky (tilt 20, gcr 0.4) = 0.6108015983
   *   E_gnd = 692.8203230 x 0.5463367603 + 120 x 0.6108015983 = 451.8094026
   *   rear -> sky    = (3.5 - sqrt(7.25 + 5 cos 20)) / 2 = 0.0216725495
   *   rear -> ground = (3.5 - sqrt(7.25 - 5 cos 20)) / 2 = 0.9513234547
   *   sky = 120 x 0.0216725495 = 2.600705946
   *   ground = 0.25 x 451.8094026 x 0.9513234547 = 107.4542204
   *   total = 110.0549264; effective = x 0.7 x 0.95 = 73.18652604
   * Front (isotropic sky, open ground): 800 x 0.9822097258 + 120 x
   * (1 + cos 20)/2 + 812.8203230 x 0.25 x (1 - cos 20)/2 = 908.2767208,
   * well above the rear. */
  struct bifacial_params bp = { 0.4, 0.25, 0.7, 0.05 };
  struct bifacial_rear r;
  bifacial_rear_irradiance(&bp, 20.0, 180.0, 30.0, 170.0, 800.0, 120.0, 0.25, &r);
  ck_assert_double_eq_tol(r.beam, 0.0, TOL_W);
  ck_assert_double_eq_tol(r.sky, 2.600705946, TOL_W);
  ck_assert_double_eq_tol(r.ground, 107.4542204, 1e-4); /* 10 digits written */
  ck_assert_double_eq_tol(r.effective, 73.18652604, 1e-4);

  struct poa f;
  transpose(TRANSPOSE_ISOTROPIC, 20.0, 180.0, 30.0, 170.0, 800.0, 120.0, 812.8203230,
            1361.0, irr_airmass_relative(30.0), 0.25, &f);
  ck_assert_double_eq_tol(f.total, 908.2767208, 1e-4);
  ck_assert(r.total < f.total);

  /* Array form: same numbers, and the effective fraction of the front. */
  double tilt[] = { 20.0 }, az[] = { 180.0 }, zen[] = { 30.0 }, saz[] = { 170.0 };
  double dni[] = { 800.0 }, dhi[] = { 120.0 }, front[] = { 908.2767208 };
  double rear[1], eff[1], frac[1];
  bifacial_run(&bp, 1, tilt, az, zen, saz, dni, dhi, NULL, front, rear, eff, frac);
  ck_assert_double_eq_tol(rear[0], 110.0549264, 1e-4);
  /* 73.18652604 / 908.2767208 = 0.08057712; 1e-7 from the digits. */
  ck_assert_double_eq_tol(frac[0], 73.18652604 / 908.2767208, 1e-7);
}
END_TEST

START_TEST(test_rear_beam_from_behind)
{
  /* Sun low in the north (zenith 85, azimuth 0) behind a rack of tilt 20
   * facing south: cos AOI (rear) = -(cos 85 cos 20 - sin 85 sin 20)
   * = 0.2588190451 (rear AOI 75 deg). DNI 300.
   *   gcr 0.3: shadow |0.2588| / cos 85 = 2.970 < pitch 3.333: unshaded,
   *            beam = 300 x 0.2588190451 = 77.64571353
   *   gcr 0.9: part shaded by the row behind 1 - 0.0871557427 /
   *            (0.9 x 0.2588190451) = 0.6258400763,
   *            beam = 77.64571353 x 0.3741599237 = 29.05191425 */
  struct bifacial_params bp = { 0.3, 0.2, 0.7, 0.0 };
  struct bifacial_rear r;
  bifacial_rear_irradiance(&bp, 20.0, 180.0, 85.0, 0.0, 300.0, 0.0, 0.2, &r);
  ck_assert_double_eq_tol(r.beam, 77.64571353, TOL_W);
  bp.gcr = 0.9;
  bifacial_rear_irradiance(&bp, 20.0, 180.0, 85.0, 0.0, 300.0, 0.0, 0.2, &r);
  ck_assert_double_eq_tol(r.beam, 29.05191425, TOL_W);
}
END_TEST

Suite *make_shading_suite(void)
{
  Suite *s = suite_create("shading");
  TCase *tc = tcase_create("self-shading");
  tcase_add_test(tc, test_equinox_noon_unshaded);
  tcase_add_test(tc, test_fixed_fraction_by_gcr);
  tcase_add_test(tc, test_tracker_fraction_true_tracking);
  tcase_add_test(tc, test_sky_derate_hand);
  tcase_add_test(tc, test_sky_derate_matches_point_integral);
  tcase_add_test(tc, test_ground_derate_hand);
  tcase_add_test(tc, test_pvwatts8_rows);
  tcase_add_test(tc, test_shading_run);
  suite_add_tcase(s, tc);
  TCase *tb = tcase_create("bifacial");
  tcase_add_test(tb, test_vf_isolated_row);
  tcase_add_test(tb, test_vf_rear_hand);
  tcase_add_test(tb, test_vf_ground_sky_limits);
  tcase_add_test(tb, test_vf_ground_sky_brute_force);
  tcase_add_test(tb, test_rear_dark_ground_no_sky);
  tcase_add_test(tb, test_rear_hand_and_below_front);
  tcase_add_test(tb, test_rear_beam_from_behind);
  suite_add_tcase(s, tb);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_shading_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
