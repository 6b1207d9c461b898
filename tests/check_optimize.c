/* Tests of the optimiser (optimize.c): the searches on analytic functions
 * whose optimum is known in closed form, the grid's layout, the input
 * checks, and the whole chain on synthetic clear-sky-dominated years at
 * 25 N and 25 S, where the true properties of an optimum are checked:
 * nothing on the grid beats it, a step of 1 deg does not improve it, and it
 * faces the equator. */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "optimize.h"
#include "profile.h"
#include "site.h"
#include "synth.h"

/* ---- analytic callbacks ------------------------------------------------- */

/* Paraboloid peaking at (31.7, 172.4) with 1500 kWh/kWp; the curvatures
 * 0.08 and 0.02 kWh/kWp per deg^2 are of the order of a real surface's
 * (the azimuth direction flatter). */
struct para {
  double t0, a0, y0;
  int calls, fail_after;   /* fail_after > 0: the call of that number fails */
  struct diag *d;
};

static int para_eval(void *ctx, struct opt_point *pt)
{
  struct para *p = ctx;
  if (++p->calls == p->fail_after) {
    diag_msg(p->d, "test failure at call %d", p->calls);
    return -1;
  }
  double dt = pt->tilt_deg - p->t0, da = opt_azimuth_norm(pt->azimuth_deg) - p->a0;
  pt->yield_kwh_per_kw = p->y0 - 0.08 * dt * dt - 0.02 * da * da;
  pt->annual_mwh = pt->yield_kwh_per_kw * 2.6;
  pt->clip_frac = 0.0;
  return 0;
}

/* Grid of step 7 deg around 180: tilts 0, 7, ..., 84 and the end 90
 * (13 + 1 = 14 points), azimuths 90, 97, ..., 265 and the end 270
 * (ceil(180 / 7) + 1 = 27 points). */
START_TEST(test_grid_layout)
{
  struct opt_grid g;
  ck_assert_int_eq(opt_grid_init(&g, 7.0, 180.0), 0);
  ck_assert_int_eq(g.n_tilt, 14);
  ck_assert_int_eq(g.n_az, 27);
  /* Grid values are sums of exact multiples of 7: exact in binary to far
   * below 1e-12. */
  ck_assert_double_eq_tol(opt_grid_tilt(&g, 12), 84.0, 1e-12);
  ck_assert_double_eq_tol(opt_grid_tilt(&g, 13), 90.0, 1e-12);
  ck_assert_double_eq_tol(opt_grid_azimuth(&g, 0), 90.0, 1e-12);
  ck_assert_double_eq_tol(opt_grid_azimuth(&g, 25), 265.0, 1e-12);
  ck_assert_double_eq_tol(opt_grid_azimuth(&g, 26), 270.0, 1e-12);
  opt_grid_free(&g);
  /* Southern hemisphere: window -90..90 around north; a step that divides
   * the span (7.5) adds no duplicate end: 90 / 7.5 + 1 = 13 tilts. */
  ck_assert_int_eq(opt_grid_init(&g, 7.5, opt_az_center(-33.9)), 0);
  ck_assert_int_eq(g.n_tilt, 13);
  ck_assert_int_eq(g.n_az, 25);
  ck_assert_double_eq_tol(opt_grid_azimuth(&g, 0), -90.0, 1e-12);
  ck_assert_double_eq_tol(opt_grid_azimuth(&g, 24), 90.0, 1e-12);
  opt_grid_free(&g);
  /* -37.5 deg is 322.5 deg clockwise from north. */
  ck_assert_double_eq_tol(opt_azimuth_norm(-37.5), 322.5, 1e-12);
  ck_assert_double_eq_tol(opt_azimuth_norm(397.25), 37.25, 1e-12);
}
END_TEST

START_TEST(test_orientation_paraboloid)
{
  struct diag *d = diag_new();
  struct para p = { .t0 = 31.7, .a0 = 172.4, .y0 = 1500.0, .d = d };
  struct opt_grid g;
  ck_assert_int_eq(opt_grid_init(&g, 5.0, 180.0), 0);
  struct opt_point base = { .dc_ac_ratio = 1.25 };
  struct opt_orient res;
  ck_assert_int_eq(opt_orientation(para_eval, &p, &base, &g, OPT_XTOL_DEG, &res, d), 0);
  /* The grid's best is the grid point nearest (31.7, 172.4): (30, 170). */
  ck_assert_double_eq_tol(res.grid_best.tilt_deg, 30.0, 1e-12);
  ck_assert_double_eq_tol(res.grid_best.azimuth_deg, 170.0, 1e-12);
  /* Refined to the 0.1 deg the command promises. */
  ck_assert_double_eq_tol(res.best.tilt_deg, 31.7, 0.1);
  ck_assert_double_eq_tol(res.best.azimuth_deg, 172.4, 0.1);
  ck_assert_int_eq(res.converged, 1);
  /* Within 0.1 deg the paraboloid is below its peak by at most
   * 0.08 * 0.1^2 + 0.02 * 0.1^2 = 0.001 kWh/kWp. */
  ck_assert_double_eq_tol(res.best.yield_kwh_per_kw, 1500.0, 0.001);
  ck_assert_int_eq(res.evaluations, p.calls);
  ck_assert_int_eq(diag_count(d), 0);
  opt_grid_free(&g);
  diag_free(d);
}
END_TEST

/* A peak outside the box (tilt -8: the surface would rather face away)
 * must end on the box's edge, tilt 0, not beyond it. */
START_TEST(test_orientation_edge)
{
  struct diag *d = diag_new();
  struct para p = { .t0 = -8.0, .a0 = 183.6, .y0 = 1412.0, .d = d };
  struct opt_grid g;
  ck_assert_int_eq(opt_grid_init(&g, 10.0, 180.0), 0);
  struct opt_point base = { .dc_ac_ratio = 1.1 };
  struct opt_orient res;
  ck_assert_int_eq(opt_orientation(para_eval, &p, &base, &g, OPT_XTOL_DEG, &res, d), 0);
  /* Tilt is clamped to 0 exactly; azimuth refined to 0.1 deg. */
  ck_assert_double_eq_tol(res.best.tilt_deg, 0.0, 1e-12);
  ck_assert_double_eq_tol(res.best.azimuth_deg, 183.6, 0.1);
  /* 1412 - 0.08 * 8^2 = 1406.88 at the edge; 0.1 deg of azimuth costs at
   * most 0.02 * 0.1^2 = 0.0002 kWh/kWp. */
  ck_assert_double_eq_tol(res.best.yield_kwh_per_kw, 1406.88, 0.0002);
  opt_grid_free(&g);
  diag_free(d);
}
END_TEST

/* A failing run stops the search with -1 and leaves its message. */
START_TEST(test_orientation_failure)
{
  struct diag *d = diag_new();
  struct opt_grid g;
  ck_assert_int_eq(opt_grid_init(&g, 10.0, 180.0), 0);
  struct opt_point base = { .dc_ac_ratio = 1.2 };
  struct opt_orient res;
  /* During the grid (10 x 19 = 190 points), and during the refinement. */
  int fails[2] = { 37, 190 + 5 };
  for (int k = 0; k < 2; k++) {
    struct para p = { .t0 = 20.0, .a0 = 180.0, .y0 = 1300.0, .fail_after = fails[k], .d = d };
    ck_assert_int_eq(opt_orientation(para_eval, &p, &base, &g, OPT_XTOL_DEG, &res, d), -1);
    ck_assert_int_eq(diag_count(d), k + 1);
  }
  ck_assert_str_eq(diag_get(d, 0), "renewcalc: test failure at call 37");
  opt_grid_free(&g);
  diag_free(d);
}
END_TEST

/* Clipping fraction growing as 0.4 (r - 1.25)^2 above r = 1.25. */
static int clip_eval(void *ctx, struct opt_point *pt)
{
  double k = *(double *)ctx, x = pt->dc_ac_ratio - 1.25;
  pt->clip_frac = x > 0.0 ? k * x * x : 0.0;
  pt->annual_mwh = 1000.0 * pt->dc_ac_ratio * (1.0 - pt->clip_frac);
  pt->yield_kwh_per_kw = 1300.0 * (1.0 - pt->clip_frac);
  return 0;
}

START_TEST(test_dcac_analytic)
{
  struct diag *d = diag_new();
  double k = 0.4;
  struct opt_point orient = { .tilt_deg = 21.3, .azimuth_deg = 178.2 };
  struct opt_point sweep[OPT_DCAC_SWEEP_N];
  struct opt_dcac res;
  /* Limit 1.5 %: 0.4 x^2 = 0.015 at x = sqrt(0.0375) = 0.193649, so the
   * answer is 1.443649 less at most the final bracket (0.002) and the
   * rounding down to 3 decimals (0.001). */
  ck_assert_int_eq(opt_dcac_search(clip_eval, &k, &orient, 0.015, sweep, &res, d), 0);
  ck_assert_int_eq(res.status, OPT_DCAC_FOUND);
  ck_assert_double_eq_tol(res.best.dc_ac_ratio, 1.443649 - 0.0015, 0.0015);
  ck_assert(res.best.clip_frac <= 0.015);
  struct opt_point up = { .dc_ac_ratio = res.best.dc_ac_ratio + 0.01 };
  clip_eval(&k, &up);
  ck_assert(up.clip_frac > 0.015);
  /* The sweep keeps the orientation and steps 0.05: point 9 is 1.45. */
  ck_assert_double_eq_tol(sweep[9].dc_ac_ratio, 1.45, 1e-12);
  ck_assert_double_eq_tol(sweep[9].tilt_deg, 21.3, 1e-12);

  /* A tight limit, 0.01 %, close to where clipping starts. */
  ck_assert_int_eq(opt_dcac_search(clip_eval, &k, &orient, 0.0001, sweep, &res, d), 0);
  ck_assert_int_eq(res.status, OPT_DCAC_FOUND);
  /* 0.4 x^2 = 0.0001 at x = 0.0158114: 1.2658 (same allowances). */
  ck_assert_double_eq_tol(res.best.dc_ac_ratio, 1.265811 - 0.0015, 0.0015);

  /* Clipping never reaches the limit: 0.4 x 0.75^2 = 22.5 % at 2.0, limit 30 %. */
  ck_assert_int_eq(opt_dcac_search(clip_eval, &k, &orient, 0.30, sweep, &res, d), 0);
  ck_assert_int_eq(res.status, OPT_DCAC_AT_MAX);
  ck_assert_double_eq_tol(res.best.dc_ac_ratio, 2.0, 1e-12);
  ck_assert_int_eq(diag_count(d), 0);
  diag_free(d);
}
END_TEST

/* Clipping above the limit already at DC/AC 1.0. */
static int clip_always(void *ctx, struct opt_point *pt)
{
  (void)ctx;
  pt->clip_frac = 0.031 * pt->dc_ac_ratio;
  pt->annual_mwh = 800.0;
  pt->yield_kwh_per_kw = 1200.0;
  return 0;
}

START_TEST(test_dcac_none)
{
  struct diag *d = diag_new();
  struct opt_point orient = { .tilt_deg = 14.0, .azimuth_deg = 2.5 };
  struct opt_point sweep[OPT_DCAC_SWEEP_N];
  struct opt_dcac res;
  ck_assert_int_eq(opt_dcac_search(clip_always, NULL, &orient, 0.025, sweep, &res, d), 0);
  ck_assert_int_eq(res.status, OPT_DCAC_NONE);
  ck_assert_double_eq_tol(res.best.dc_ac_ratio, 1.0, 1e-12);
  diag_free(d);
}
END_TEST

/* ---- the chain on synthetic years --------------------------------------- */

static struct site *make_site(double latitude, enum pv_mount mount)
{
  struct site *s = calloc(1, sizeof *s);
  snprintf(s->name, sizeof s->name, "optimiser test site");
  snprintf(s->path, sizeof s->path, "opt-test.cfg");
  s->latitude = latitude;
  s->longitude = 105.0;
  s->elevation_m = 420.0;
  s->delta_t_s = 69.2;
  s->lifetime_years = 20;
  struct emission_factors *ef = &s->factors;
  snprintf(ef->name, sizeof ef->name, "test");
  ef->method = EMIS_COAL;
  ef->coal_rate.value = 300.0;
  ef->co2_per_tce.value = 2.7725;
  ef->grid.value = -1;
  s->n_plants = 1;
  s->plants = calloc(1, sizeof *s->plants);
  struct plant_cfg *p = &s->plants[0];
  snprintf(p->name, sizeof p->name, "field");
  snprintf(p->profile, sizeof p->profile, "synthetic");
  p->capacity_mw_ac = 4.0;
  p->dc_ac_ratio = 1.2;
  p->capacity_mw_dc = 4.8;
  p->degradation_per_year = 0.005;
  p->degradation_linear = 1;
  p->pv = (struct pv_params){ .p_dc0_kw = 4800.0, .p_ac0_kw = 4000.0, .tilt_deg = 12.0,
                              .azimuth_deg = latitude >= 0 ? 180.0 : 0.0, .mount = mount,
                              .racking = PV_RACK_OPEN, .sky = TRANSPOSE_PEREZ, .albedo = 0.2,
                              .gamma_per_c = -0.0037,
                              .loss_frac = { [PV_LOSS_LUMPED] = 0.1408 },
                              .inv_eff_nom = 0.96, .glass_n = 1.526 };
  if (mount == PV_MOUNT_SINGLE_AXIS)
    p->pv.track = (struct tracking_params){ .axis_azimuth_deg = 180.0, .max_angle_deg = 60.0,
                                            .backtrack = 1, .gcr = 0.4 };
  return s;
}

static void free_site(struct site *s)
{
  free(s->plants);
  free(s);
}

/* A clear-sky-dominated year: every day alike (variability 0), each
 * month's irradiation 80 % of its clear-sky value, no diurnal temperature
 * cycle, so that nothing but the sun's path sets the optimum. */
static struct profile *clear_year(double latitude)
{
  struct synth_spec spec = { .latitude = latitude, .longitude = 105.0, .elevation_m = 420.0,
                             .utc_offset_h = 7.0, .year = 2023, .variability = 0.0,
                             .seed = 20240611 };
  for (int m = 0; m < 12; m++) {
    spec.temp_c[m] = 24.6;
    spec.temp_range_c[m] = 0.0;
    spec.wind_m_s[m] = 2.3;
    spec.linke[m] = 3.1;
  }
  snprintf(spec.source, sizeof spec.source, "check_optimize");
  double clear[12];
  if (synth_clearsky_monthly(&spec, clear) != 0)
    return NULL;
  for (int m = 0; m < 12; m++)
    spec.ghi_kwh_m2_day[m] = 0.8 * clear[m];
  return synth_profile(&spec);
}

static double yield_at(struct opt_plant *op, double tilt, double az)
{
  struct opt_point pt = { .tilt_deg = tilt, .azimuth_deg = az, .dc_ac_ratio = 1.2 };
  ck_assert_int_eq(opt_plant_eval(op, &pt), 0);
  return pt.yield_kwh_per_kw;
}

/* Latitude +25 (i = 0) and -25 (i = 1). */
START_TEST(test_chain_orientation)
{
  double lat = _i == 0 ? 25.0 : -25.0;
  struct site *s = make_site(lat, PV_MOUNT_FIXED);
  struct profile *p = clear_year(lat);
  ck_assert_ptr_nonnull(p);
  struct diag *d = diag_new();
  struct opt_plant *op = malloc(sizeof *op);
  ck_assert_int_eq(opt_plant_init(op, s, 0, p, d), 0);
  struct opt_grid g;
  ck_assert_int_eq(opt_grid_init(&g, 10.0, opt_az_center(lat)), 0);
  struct opt_point base = { .tilt_deg = 12.0, .azimuth_deg = s->plants[0].pv.azimuth_deg,
                            .dc_ac_ratio = 1.2 };
  struct opt_orient res;
  ck_assert_int_eq(opt_orientation(opt_plant_eval, op, &base, &g, OPT_XTOL_DEG, &res, d), 0);
  const struct opt_point *b = &res.best;

  /* Nothing on the grid is better (exactly: the result is the best point
   * evaluated, and the grid points were evaluated). */
  for (int k = 0; k < g.n_tilt * g.n_az; k++)
    ck_assert(g.yield_kwh_per_kw[k] <= b->yield_kwh_per_kw);

  /* A step of 1 deg in tilt or azimuth does not improve the optimum by
   * more than 0.002 kWh/kWp (1.3e-6 of it). A plane's yield falls about as
   * the cosine of its misalignment, 1 - cos(1 deg) = 1.5e-4 per deg^2, and
   * in azimuth that misalignment is the azimuth change times sin(tilt)
   * (0.38 at 22 deg): 2.2e-5 per deg^2. From an optimum d deg off, a 1 deg
   * step gains about (2 d - 1) times that curvature, so the check fails for
   * d above about 0.53 deg in azimuth (0.5 in tilt) and passes at the
   * refinement's 0.1 deg. */
  double tol = 0.002;
  double steps[4][2] = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } };
  for (int k = 0; k < 4; k++) {
    double t = b->tilt_deg + steps[k][0], a = b->azimuth_deg + steps[k][1];
    if (t < 0.0 || t > 90.0)
      continue;
    ck_assert(yield_at(op, t, a) <= b->yield_kwh_per_kw + tol);
  }

  /* Equator-facing: the sun's path is symmetric about solar noon. The
   * intervals are centred on the clock half-hours at the zone's meridian
   * (105 E, UTC+7), and the equation of time, though up to +-16 min on a
   * day, averages to well under a minute over the year (0.25 deg of hour
   * angle), so the optimum lies within 1 deg of due south (25 N) or due
   * north (25 S). */
  double az_off = opt_azimuth_norm(b->azimuth_deg - opt_az_center(lat) + 180.0) - 180.0;
  ck_assert_double_eq_tol(az_off, 0.0, 1.0);
  /* Tilted towards the equator, neither flat nor beyond the latitude by
   * more than 15 deg (the rule of thumb, weak, puts it near 25 deg). */
  ck_assert(b->tilt_deg > 10.0 && b->tilt_deg < 40.0);

  opt_grid_free(&g);
  free(op);
  diag_free(d);
  profile_free(p);
  free_site(s);
}
END_TEST

/* The DC/AC search on the chain: the ratio found is within the limit and
 * 0.01 more is not. */
START_TEST(test_chain_dcac)
{
  struct site *s = make_site(25.0, PV_MOUNT_FIXED);
  struct profile *p = clear_year(25.0);
  ck_assert_ptr_nonnull(p);
  struct diag *d = diag_new();
  struct opt_plant *op = malloc(sizeof *op);
  ck_assert_int_eq(opt_plant_init(op, s, 0, p, d), 0);
  struct opt_point orient = { .tilt_deg = 24.0, .azimuth_deg = 180.0 };
  struct opt_point sweep[OPT_DCAC_SWEEP_N];
  struct opt_dcac res;
  double limit = 0.015;
  ck_assert_int_eq(opt_dcac_search(opt_plant_eval, op, &orient, limit, sweep, &res, d), 0);
  ck_assert_int_eq(res.status, OPT_DCAC_FOUND);
  struct opt_point at = { .tilt_deg = 24.0, .azimuth_deg = 180.0,
                          .dc_ac_ratio = res.best.dc_ac_ratio };
  ck_assert_int_eq(opt_plant_eval(op, &at), 0);
  ck_assert(at.clip_frac <= limit);
  struct opt_point up = at;
  up.dc_ac_ratio += 0.01;
  ck_assert_int_eq(opt_plant_eval(op, &up), 0);
  ck_assert(up.clip_frac > limit);
  /* More DC on the same inverter never clips less (sweep is monotonic). */
  for (int k = 1; k < OPT_DCAC_SWEEP_N; k++)
    ck_assert(sweep[k].clip_frac >= sweep[k - 1].clip_frac);
  free(op);
  diag_free(d);
  profile_free(p);
  free_site(s);
}
END_TEST

/* ---- input checks -------------------------------------------------------- */

START_TEST(test_bad_inputs)
{
  struct diag *d = diag_new();
  struct site *s = make_site(20.7, PV_MOUNT_SINGLE_AXIS);
  ck_assert_int_eq(opt_check_plant(s, 0, d), -1);
  ck_assert_str_eq(diag_get(d, 0),
                   "opt-test.cfg: plants[0].array.mount: expected \"fixed\" to optimise tilt "
                   "and azimuth (a tracker has no fixed tilt), got \"single_axis\"");
  struct opt_plant *op = malloc(sizeof *op);
  ck_assert_int_eq(opt_plant_init(op, s, 0, NULL, d), -1);
  ck_assert_int_eq(opt_check_plant(s, 1, d), -1);
  ck_assert_str_eq(diag_get(d, 2), "renewcalc: --plant: expected a plant index from 0 to 0, got 1");
  free_site(s);
  s = make_site(20.7, PV_MOUNT_FIXED);
  ck_assert_int_eq(opt_check_plant(s, 0, d), 0);
  free_site(s);

  ck_assert_int_eq(opt_check_clip_limit(0.0, d), -1);
  ck_assert_str_eq(diag_get(d, 3),
                   "renewcalc: --clipping-limit: expected a percentage between 0.01 and 50, got 0");
  ck_assert_int_eq(opt_check_clip_limit(62.5, d), -1);
  ck_assert_int_eq(opt_check_clip_limit(-1.5, d), -1);
  ck_assert_int_eq(opt_check_clip_limit(2.5, d), 0);
  ck_assert_int_eq(opt_check_grid_step(0.5, d), -1);
  ck_assert_str_eq(diag_get(d, 6),
                   "renewcalc: --grid: expected a step between 1 and 30 degrees, got 0.5");
  ck_assert_int_eq(opt_check_grid_step(45.0, d), -1);
  ck_assert_int_eq(opt_check_grid_step(7.5, d), 0);
  ck_assert_int_eq(diag_count(d), 8);
  free(op);
  diag_free(d);
}
END_TEST

Suite *make_optimize_suite(void)
{
  Suite *s = suite_create("optimize");
  TCase *tc = tcase_create("search");
  tcase_add_test(tc, test_grid_layout);
  tcase_add_test(tc, test_orientation_paraboloid);
  tcase_add_test(tc, test_orientation_edge);
  tcase_add_test(tc, test_orientation_failure);
  tcase_add_test(tc, test_dcac_analytic);
  tcase_add_test(tc, test_dcac_none);
  suite_add_tcase(s, tc);
  tc = tcase_create("chain");
  /* Each case runs the year's chain a few hundred times (under a second
   * optimised, much longer under a sanitizer). */
  tcase_set_timeout(tc, 300);
  tcase_add_loop_test(tc, test_chain_orientation, 0, 2);
  tcase_add_test(tc, test_chain_dcac);
  suite_add_tcase(s, tc);
  tc = tcase_create("inputs");
  tcase_add_test(tc, test_bad_inputs);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  gsl_set_error_handler_off();
  SRunner *sr = srunner_create(make_optimize_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
