/* Tests of the hourly chain (sim.c) end to end: one hour worked by hand,
 * physical invariants over a synthetic year, and the JSON summary parsed
 * back with a JSON parser (jansson). */
#include <check.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "out.h"
#include "profile.h"
#include "uncertainty.h"
#include "sim.h"
#include "site.h"
#include "solar.h"
#include "synth.h"

static struct site *make_site(double tilt, enum transpose_model sky)
{
  struct site *s = calloc(1, sizeof *s);
  snprintf(s->name, sizeof s->name, "test site");
  snprintf(s->path, sizeof s->path, "test.cfg");
  s->latitude = 20.0;
  s->longitude = 100.0;
  s->elevation_m = 300.0;
  s->delta_t_s = 69.0;
  s->lifetime_years = 25;
  struct emission_factors *ef = &s->factors;
  snprintf(ef->name, sizeof ef->name, "hand");
  ef->method = EMIS_COAL;
  ef->coal_rate.value = 300.0;
  ef->co2_per_tce.value = 2.7725;
  ef->grid.value = -1;
  ef->so2.value = 0.17;
  ef->nox.value = 0.27;
  ef->dust.value = 0.03;
  s->n_plants = 1;
  s->plants = calloc(1, sizeof *s->plants);
  struct plant_cfg *p = &s->plants[0];
  snprintf(p->name, sizeof p->name, "plant \"A\"");
  p->capacity_mw_ac = 1.0;
  p->capacity_mw_dc = 2.0;
  p->dc_ac_ratio = 2.0;
  p->degradation_per_year = 0.005;
  p->degradation_linear = 1;
  p->pv = (struct pv_params){ .p_dc0_kw = 2000.0, .p_ac0_kw = 1000.0, .tilt_deg = tilt,
                              .azimuth_deg = 180.0, .mount = PV_MOUNT_FIXED,
                              .racking = PV_RACK_OPEN, .sky = sky, .albedo = 0.2,
                              .gamma_per_c = -0.0037,
                              .loss_frac = { [PV_LOSS_LUMPED] = 0.1408 },
                              .inv_eff_nom = 0.96, .glass_n = 1.526 };
  return s;
}

static void free_site(struct site *s)
{
  free(s->plants);
  free(s);
}

/* One day, hourly, UTC+7, all light diffuse (dni 0, dhi = ghi) so that on a
 * horizontal plane with the isotropic sky POA = dhi and no angle-of-
 * incidence loss applies. Hour 12 local: ghi = dhi = 600 W/m2, 30 degC,
 * 2 m/s. By hand (SAPM open rack; PVWatts v5 DC and inverter):
 *   Tc = 600 exp(-3.56 - 0.075*2) + 30 + 0.6*3 = 600*0.0244692 + 31.8 = 46.48651
 *   DC = 0.6 * 2000 * (1 - 0.0037*21.48651) * (1 - 0.1408) = 949.0722 kW
 *   zeta = 949.0722 / (1000/0.96) = 0.911109
 *   eta = 0.96/0.9637 * (-0.0162 zeta - 0.0059/zeta + 0.9858) = 0.960861
 *   AC = 0.960861 * 949.0722 = 911.9266 kW (below the 1000 kW rating) */
START_TEST(test_hand_hour)
{
  struct profile *p = profile_new(24);
  p->n = 24;
  p->interval_s = 3600;
  p->utc_offset_h = 7.0;
  snprintf(p->format, sizeof p->format, "test");
  profile_add_col(p, PROFILE_GHI);
  profile_add_col(p, PROFILE_DNI);
  profile_add_col(p, PROFILE_DHI);
  profile_add_col(p, PROFILE_TEMP_AIR);
  profile_add_col(p, PROFILE_WIND_SPEED);
  const int64_t t0 = 1687305600 - 7 * 3600; /* 2023-06-21 00:00 at UTC+7 */
  for (size_t i = 0; i < 24; i++) {
    p->t_utc[i] = t0 + (int64_t)i * 3600;
    double g = (i >= 8 && i <= 16) ? 600.0 : 0.0;
    p->col[PROFILE_GHI][i] = p->col[PROFILE_DHI][i] = g;
    p->col[PROFILE_DNI][i] = 0.0;
    p->col[PROFILE_TEMP_AIR][i] = 30.0;
    p->col[PROFILE_WIND_SPEED][i] = 2.0;
  }
  struct site *s = make_site(0.0, TRANSPOSE_ISOTROPIC);
  s->plants[0].annualise = 1; /* one day: the hour is what is checked */
  struct diag *d = diag_new();
  const struct profile *pp[] = { p };
  struct sim_result *r = sim_run(s, pp, NULL, d);
  diag_print(d, stderr);
  ck_assert_ptr_nonnull(r);
  const struct plant_result *pr = &r->plants[0];
  /* POA exact; temperatures and power to the 4-5 decimals of the hand values */
  ck_assert_double_eq_tol(pr->s.poa_wm2[12], 600.0, 1e-9);
  ck_assert_double_eq_tol(pr->s.t_cell_c[12], 46.48651, 1e-4);
  ck_assert_double_eq_tol(pr->s.dc_kw[12], 949.0722, 1e-3);
  ck_assert_double_eq_tol(pr->s.ac_kw[12], 911.9266, 1e-3);
  ck_assert_double_eq(pr->s.ac_kw[3], 0.0);
  /* Nine equal hours; a one-day profile is scaled to a year of 365.25 days. */
  ck_assert_double_eq_tol(pr->annual_mwh, 9 * 0.9119266 * 365.25, 1e-3);
  /* local calendar: 2023-06-21 is in June */
  ck_assert_double_eq_tol(pr->monthly_mwh[5], pr->annual_mwh, 1e-9);
  sim_free(r);
  diag_free(d);
  free_site(s);
  profile_free(p);
}
END_TEST

static struct profile *synthetic_year_of(int year, unsigned long seed)
{
  struct synth_spec spec = { .latitude = 20.0, .longitude = 100.0, .elevation_m = 300.0,
                             .utc_offset_h = 7.0, .year = year, .variability = 0.6,
                             .seed = seed };
  for (int m = 0; m < 12; m++) {
    spec.ghi_kwh_m2_day[m] = 4.6 + 0.8 * sin(m * 0.5236);
    spec.temp_c[m] = 25.0;
    spec.temp_range_c[m] = 10.0;
    spec.wind_m_s[m] = 2.0;
    spec.linke[m] = 3.0;
  }
  snprintf(spec.source, sizeof spec.source, "test");
  return synth_profile(&spec);
}

static struct profile *synthetic_year(void)
{
  return synthetic_year_of(2023, 4242);
}

/* Profile a followed by profile b (same columns and interval). */
static struct profile *concat(const struct profile *a, const struct profile *b)
{
  struct profile *p = profile_new(a->n + b->n);
  ck_assert_ptr_nonnull(p);
  *p = (struct profile){ .n = a->n + b->n, .cap = p->cap, .interval_s = a->interval_s,
                         .t_utc = p->t_utc, .utc_offset_h = a->utc_offset_h };
  memcpy(p->t_utc, a->t_utc, a->n * sizeof *p->t_utc);
  memcpy(p->t_utc + a->n, b->t_utc, b->n * sizeof *p->t_utc);
  for (int c = 0; c < PROFILE_NCOLS; c++)
    if (a->col[c]) {
      ck_assert_int_eq(profile_add_col(p, (enum profile_col)c), 0);
      memcpy(p->col[c], a->col[c], a->n * sizeof(double));
      memcpy(p->col[c] + a->n, b->col[c], b->n * sizeof(double));
    }
  return p;
}

/* Invariants over a year: the annual figure is the sum of the months and of
 * the hours; AC never negative nor above the rating; no energy at night;
 * energy below nameplate x hours; clipping only at the rating. */
START_TEST(test_year_invariants)
{
  struct profile *p = synthetic_year();
  ck_assert_ptr_nonnull(p);
  struct site *s = make_site(20.0, TRANSPOSE_PEREZ);
  struct diag *d = diag_new();
  const struct profile *pp[] = { p };
  struct sim_result *r = sim_run(s, pp, NULL, d);
  ck_assert_ptr_nonnull(r);
  const struct plant_result *pr = &r->plants[0];
  double sum_h = 0, sum_m = 0;
  for (size_t i = 0; i < pr->n; i++) {
    ck_assert(pr->s.ac_kw[i] >= 0.0);
    ck_assert(pr->s.ac_kw[i] <= 1000.0 + 1e-9);
    ck_assert(pr->s.ac_kw[i] <= pr->s.dc_kw[i]);
    if (p->col[PROFILE_GHI][i] == 0.0)
      ck_assert_double_eq(pr->s.ac_kw[i], 0.0);
    if (pr->s.clip_kw[i] > 0.0)
      ck_assert_double_eq_tol(pr->s.ac_kw[i], 1000.0, 1e-9);
    sum_h += pr->s.ac_kw[i] / 1000.0;
  }
  for (int m = 0; m < 12; m++)
    sum_m += pr->monthly_mwh[m];
  ck_assert_double_eq_tol(pr->annual_mwh, sum_h, 1e-9 * sum_h);
  ck_assert_double_eq_tol(pr->annual_mwh, sum_m, 1e-9 * sum_h);
  ck_assert(pr->annual_mwh < 1.0 * 8760.0);
  ck_assert(pr->annual_mwh > 0.0);
  ck_assert(pr->clipping_mwh > 0.0); /* DC/AC 2 clips on clear middays */
  ck_assert_double_eq_tol(pr->specific_yield_kwh_per_kw, pr->annual_mwh / 2.0, 1e-9);
  ck_assert_double_eq_tol(r->annual.coal_tce, r->annual_mwh * 0.3, 1e-6);
  /* A synthetic year: interannual 4 %, other sqrt(0.06^2 + 0.04^2 + 0.04^2). */
  ck_assert_double_eq_tol(r->unc.p90_mwh, r->annual_mwh * (1 - 1.28155 * sqrt(0.0084)), 1e-3);
  sim_free(r);
  diag_free(d);
  free_site(s);
  profile_free(p);
}
END_TEST

/* sim_sun_axis_new() makes an axis for a profile with regular steps (one
 * interval per row from the first row's middle), none for two years with
 * the year between them missing, nor for a single row. */
START_TEST(test_sun_axis_new)
{
  struct profile *a = synthetic_year_of(2023, 1), *b = synthetic_year_of(2025, 2);
  ck_assert(a && b);
  struct solar_axis *ax = sim_sun_axis_new(a, 69.0);
  ck_assert_ptr_nonnull(ax);
  ck_assert_uint_eq(ax->n, a->n);
  ck_assert_double_eq(ax->step_s, 3600.0);
  ck_assert_double_eq(ax->t0_mid_unix_s, (double)a->t_utc[0] + 1800.0);
  ck_assert_double_eq(ax->delta_t_s, 69.0);
  solar_axis_free(ax);
  struct profile *gap = concat(a, b);
  ck_assert_ptr_null(sim_sun_axis_new(gap, 69.0));
  const size_t n = a->n;
  a->n = 1;
  ck_assert_ptr_null(sim_sun_axis_new(a, 69.0));
  a->n = n;
  profile_free(gap);
  profile_free(b);
  profile_free(a);
}
END_TEST

/* A profile carrying a shared time part of the sun (profile.h sun_axis),
 * from sim_sun_axis_new(), gives exactly the energy it gives without: the axis holds the values the
 * per-run path interpolates, bit for bit (solar.h). Exact equality, for a
 * fixed plant and for a tracker (which reads the azimuth and the sun below
 * the horizon). An axis that does not fit (another delta_t, shifted by an
 * hour) is not used, and the result is again the same. */
START_TEST(test_shared_sun_axis)
{
  struct profile *p = synthetic_year();
  ck_assert_ptr_nonnull(p);
  const struct profile *pp[] = { p };
  for (int tracker = 0; tracker < 2; tracker++) {
    struct site *s = make_site(20.0, TRANSPOSE_PEREZ);
    if (tracker) {
      s->plants[0].pv.mount = PV_MOUNT_SINGLE_AXIS;
      s->plants[0].pv.track.max_angle_deg = 60.0;
      s->plants[0].pv.track.axis_azimuth_deg = 180.0;
    }
    struct diag *d = diag_new();
    p->sun_axis = NULL;
    struct sim_result *r0 = sim_run(s, pp, NULL, d);
    ck_assert_ptr_nonnull(r0);
    const double t0_mid = (double)p->t_utc[0] + 0.5 * p->interval_s;
    struct solar_axis *fit = sim_sun_axis_new(p, s->delta_t_s);
    struct solar_axis *other_dt = solar_axis_new(t0_mid, p->interval_s, p->n, 60.0);
    struct solar_axis *shifted = solar_axis_new(t0_mid + 3600.0, p->interval_s, p->n,
                                                s->delta_t_s);
    ck_assert(fit && other_dt && shifted);
    struct solar_axis *axes[] = { fit, other_dt, shifted };
    for (int k = 0; k < 3; k++) {
      p->sun_axis = axes[k];
      struct sim_result *r1 = sim_run(s, pp, NULL, d);
      ck_assert_ptr_nonnull(r1);
      ck_assert_double_eq(r1->annual_mwh, r0->annual_mwh);
      ck_assert_double_eq(r1->plants[0].poa_kwh_m2, r0->plants[0].poa_kwh_m2);
      ck_assert_uint_eq(r1->plants[0].note.above_clear_sky, r0->plants[0].note.above_clear_sky);
      for (size_t i = 0; i < p->n; i++)
        ck_assert_double_eq(r1->plants[0].s.ac_kw[i], r0->plants[0].s.ac_kw[i]);
      sim_free(r1);
    }
    p->sun_axis = NULL;
    solar_axis_free(fit);
    solar_axis_free(other_dt);
    solar_axis_free(shifted);
    sim_free(r0);
    diag_free(d);
    free_site(s);
  }
  solar_axis_free(NULL);
  profile_free(p);
}
END_TEST

/* The JSON summary parses and holds the DESIGN.md keys; the months add up. */
START_TEST(test_json_contract)
{
  struct profile *p = synthetic_year();
  snprintf(p->path, sizeof p->path, "synthetic");
  struct site *s = make_site(20.0, TRANSPOSE_PEREZ);
  struct diag *d = diag_new();
  const struct profile *pp[] = { p };
  struct sim_result *r = sim_run(s, pp, NULL, d);
  ck_assert_ptr_nonnull(r);
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  ck_assert_int_eq(out_json(f, r, pp), 0);
  fclose(f);
  json_error_t err;
  json_t *root = json_loads(buf, 0, &err);
  ck_assert_msg(root != NULL, "JSON does not parse: %s at line %d", err.text, err.line);
  const char *need[][2] = { { "site", "name" }, { "site", "latitude" }, { "site", "longitude" },
                            { "total", "annual_generation_mwh" }, { "total", "coal_saved_tce" },
                            { "total", "co2_avoided_t" }, { "total", "so2_avoided_t" },
                            { "total", "nox_avoided_t" }, { "total", "dust_avoided_t" },
                            { "lifetime", "years" }, { "lifetime", "generation_mwh" },
                            { "lifetime", "coal_saved_tce" }, { "lifetime", "co2_avoided_t" },
                            { "factors", "name" }, { "factors", "method" },
                            { "factors", "coal_rate_gce_per_kwh" }, { "factors", "co2_t_per_tce" },
                            { "factors", "grid_t_co2_per_mwh" }, { "factors", "source" },
                            { "uncertainty", "p50_mwh" }, { "uncertainty", "p90_mwh" } };
  for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
    ck_assert_msg(json_object_get(json_object_get(root, need[i][0]), need[i][1]) != NULL,
                  "missing %s.%s", need[i][0], need[i][1]);
  json_t *plant = json_array_get(json_object_get(root, "plants"), 0);
  ck_assert_str_eq(json_string_value(json_object_get(plant, "name")), "plant \"A\"");
  ck_assert_str_eq(json_string_value(json_object_get(plant, "type")), "pv");
  json_t *months = json_object_get(plant, "monthly_generation_mwh");
  ck_assert_int_eq(json_array_size(months), 12);
  double sum = 0;
  for (size_t m = 0; m < 12; m++)
    sum += json_real_value(json_array_get(months, m));
  double annual = json_real_value(json_object_get(plant, "annual_generation_mwh"));
  ck_assert_double_eq_tol(sum, annual, 1e-6 * annual);
  ck_assert_double_eq_tol(annual, r->annual_mwh, 1e-6 * annual);
  ck_assert(json_object_get(plant, "clipping_loss_mwh") != NULL);
  ck_assert(json_object_get(plant, "poa_kwh_per_m2") != NULL);
  json_decref(root);
  free(buf);
  sim_free(r);
  diag_free(d);
  free_site(s);
  profile_free(p);
}
END_TEST

/* Lifetime years against exact sums: the quadratic in the DC factor must
 * match a direct inverter pass at every year's factor within 1e-4 relative
 * (2e-5 seen here, with DC/AC 2 clipping hard: a deliberately bad case), and
 * with linear degradation year 25 keeps 1 - 0.005 x 24 = 0.88 of the DC. */
START_TEST(test_lifetime_exact)
{
  struct profile *p = synthetic_year();
  struct site *s = make_site(20.0, TRANSPOSE_PEREZ);
  struct diag *d = diag_new();
  const struct profile *pp[] = { p };
  struct sim_result *r = sim_run(s, pp, NULL, d);
  ck_assert_ptr_nonnull(r);
  const struct plant_result *pr = &r->plants[0];
  double sum = 0;
  for (int y = 1; y <= 25; y++) {
    double f = 1.0 - 0.005 * (y - 1);
    double exact = pv_ac_sum_scaled(&s->plants[0].pv, pr->n, pr->s.dc_kw, f) / 1000.0;
    ck_assert_double_eq_tol(pr->lifetime_per_year_mwh[y - 1], exact, 1e-4 * exact);
    sum += exact;
  }
  ck_assert_double_eq_tol(pr->lifetime_per_year_mwh[0], pr->annual_mwh, 1e-9 * pr->annual_mwh);
  ck_assert_double_eq_tol(pr->lifetime_mwh, sum, 1e-4 * sum);
  /* Clipping: year 25 loses less than 12 % of AC energy since the degraded
   * DC clips less (DC/AC 2 here). */
  ck_assert(pr->lifetime_per_year_mwh[24] > 0.88 * pr->annual_mwh);
  sim_free(r);
  diag_free(d);
  free_site(s);
  profile_free(p);
}
END_TEST

/* Finance outputs from the site file's settings. LCOE by hand: with a 0 %
 * discount rate it is (capex + 25 x fixed O&M) / lifetime energy + the
 * variable O&M; at 7 % the costs and every year's energy are discounted by
 * 1.07^t, t = 1..25, with the capex at year 0. P-levels by hand for
 * interannual 5 %, other 6 %: sigma_1 = sqrt(0.0036 + 0.0025) = 0.078102,
 * sigma_10 = sqrt(0.0036 + 0.00025) = 0.062048; P90 = P50 (1 - 1.281552
 * sigma). The Monte Carlo P90 (100,000 draws) lies within 3 standard errors. */
START_TEST(test_finance)
{
  struct profile *p = synthetic_year();
  struct site *s = make_site(20.0, TRANSPOSE_PEREZ);
  struct economics_cfg *e = &s->plants[0].econ;
  *e = (struct economics_cfg){ .given = 1, .currency = "USD", .capex = 1.5e6,
                               .fixed_om_per_year = 20000.0, .variable_om_per_mwh = 2.0 };
  s->unc_iav_given = s->unc_other_given = 1;
  s->unc_iav = 0.05;
  s->unc_n_other = 1;
  s->unc_other[0] = 0.06;
  s->unc_years = 10;
  s->unc_mc_samples = 100000;
  s->unc_seed = 7;
  struct diag *d = diag_new();
  const struct profile *pp[] = { p };
  struct sim_result *r = sim_run(s, pp, NULL, d);
  ck_assert_ptr_nonnull(r);
  const struct plant_result *pr = &r->plants[0];
  ck_assert(pr->has_lcoe);
  ck_assert_double_eq_tol(pr->lcoe_per_mwh, (1.5e6 + 25 * 20000.0) / pr->lifetime_mwh + 2.0,
                          1e-9 * pr->lcoe_per_mwh);
  sim_free(r);

  e->discount_rate = 0.07;
  r = sim_run(s, pp, NULL, d);
  ck_assert_ptr_nonnull(r);
  pr = &r->plants[0];
  double costs = 1.5e6, energy = 0.0;
  for (int t = 1; t <= 25; t++) {
    double df = pow(1.07, -t);
    costs += df * (20000.0 + 2.0 * pr->lifetime_per_year_mwh[t - 1]);
    energy += df * pr->lifetime_per_year_mwh[t - 1];
  }
  ck_assert_double_eq_tol(pr->lcoe_per_mwh, costs / energy, 1e-9 * pr->lcoe_per_mwh);
  ck_assert_double_eq_tol(pr->lcoe_pv_energy_mwh, energy, 1e-9 * energy);

  const struct sim_uncertainty *u = &r->unc;
  double p50 = r->annual_mwh;
  ck_assert_double_eq_tol(u->sigma_total, 0.078102, 1e-6);
  ck_assert_double_eq_tol(u->sigma_years, 0.062048, 1e-6);
  ck_assert_double_eq_tol(u->p90_mwh, p50 * (1 - 1.281552 * 0.0781025), 1e-6 * p50);
  ck_assert_double_eq_tol(u->p90_years_mwh, p50 * (1 - 1.281552 * 0.0620484), 1e-6 * p50);
  ck_assert_int_eq(u->years, 10);
  ck_assert_int_eq(u->mc_samples, 100000);
  ck_assert(u->mc_std_err_mwh[2] > 0);
  ck_assert_double_eq_tol(u->mc_mwh[2], u->p90_mwh, 3 * u->mc_std_err_mwh[2]);
  ck_assert_double_eq_tol(u->mc_mwh[0], p50, 3 * u->mc_std_err_mwh[0]);
  sim_free(r);
  diag_free(d);
  free_site(s);
  profile_free(p);
}
END_TEST

/* The default other uncertainty of PV follows the data source (by hand,
 * resource part R and the model chain 4 %: sqrt(R^2 + 0.0016)):
 *   synthetic from monthly means  R = sqrt(0.06^2 + 0.04^2): sqrt(0.0068) = 8.2462 %
 *   typical year (TMY3)           R = 5 %:  sqrt(0.0041) = 6.4031 %
 *   satellite (PVGIS hourly)      R = 4 %:  sqrt(0.0032) = 5.6569 %
 *   measured (site file)          R = 3 %:  sqrt(0.0025) = 5 %
 * With the PV interannual 4 %, the synthetic year's one-year sigma is
 * sqrt(0.0016 + 0.0068) = 9.1652 % and its P90 = P50 (1 - 1.281552 x
 * 0.0916515) = 0.882544 P50; a measured year's is sqrt(0.0041). */
START_TEST(test_data_source_sigma)
{
  struct profile *p = synthetic_year();
  struct site *s = make_site(20.0, TRANSPOSE_PEREZ);
  struct diag *d = diag_new();
  const struct profile *pp[] = { p };
  struct sim_result *r = sim_run(s, pp, NULL, d);
  ck_assert_ptr_nonnull(r);
  ck_assert_double_eq_tol(r->unc.sigma_other, 0.0824621, 1e-7);
  ck_assert_double_eq_tol(r->unc.sigma_total, 0.0916515, 1e-7);
  ck_assert_double_eq_tol(r->unc.p90_mwh, 0.882544 * r->annual_mwh, 1e-6 * r->annual_mwh);
  ck_assert_int_eq(r->unc.data_source, UNC_SOURCE_SYNTHETIC);
  ck_assert_int_eq(r->unc.data_source_given, 0);
  sim_free(r);

  static const struct {
    const char *format;
    double other;
  } by_format[] = { { "tmy3", 0.0640312 }, { "pvgis-hourly", 0.0565685 }, { "csv", 0.05 } };
  for (size_t k = 0; k < sizeof by_format / sizeof by_format[0]; k++) {
    snprintf(p->format, sizeof p->format, "%s", by_format[k].format);
    r = sim_run(s, pp, NULL, d);
    ck_assert_ptr_nonnull(r);
    ck_assert_double_eq_tol(r->unc.sigma_other, by_format[k].other, 1e-7);
    sim_free(r);
  }
  /* A CSV that carries the synth header is synthetic again. */
  p->synthetic = 1;
  r = sim_run(s, pp, NULL, d);
  ck_assert_double_eq_tol(r->unc.sigma_other, 0.0824621, 1e-7);
  sim_free(r);
  /* The site file's word wins over the profile's. */
  s->unc_source_given = 1;
  s->unc_source = UNC_SOURCE_MEASURED;
  r = sim_run(s, pp, NULL, d);
  ck_assert_double_eq_tol(r->unc.sigma_other, 0.05, 1e-12);
  ck_assert_double_eq_tol(r->unc.sigma_total, sqrt(0.0041), 1e-12);
  ck_assert_int_eq(r->unc.data_source, UNC_SOURCE_MEASURED);
  ck_assert_int_eq(r->unc.data_source_given, 1);
  sim_free(r);
  diag_free(d);
  free_site(s);
  profile_free(p);
}
END_TEST

/* A two-year profile: each calendar year's energy equals a run on that year
 * alone, and the interannual variability is their sample sd over their
 * mean, sqrt(2) |e1 - e2| / 2 / ((e1 + e2) / 2) = |e1 - e2| / (sqrt(2) mean),
 * which replaces the PV default of 4 % in the P-levels. */
START_TEST(test_iav_from_profile)
{
  struct profile *y1 = synthetic_year_of(2023, 4242), *y2 = synthetic_year_of(2024, 99);
  struct profile *both = concat(y1, y2);
  struct site *s = make_site(20.0, TRANSPOSE_PEREZ);
  struct diag *d = diag_new();
  double e[2];
  const struct profile *one[2] = { y1, y2 };
  for (int k = 0; k < 2; k++) {
    const struct profile *pp[] = { one[k] };
    struct sim_result *r = sim_run(s, pp, NULL, d);
    ck_assert_ptr_nonnull(r);
    e[k] = r->annual_mwh;
    ck_assert_int_eq(r->plants[0].calendar_years, 0); /* one year: no IAV */
    ck_assert_double_eq_tol(r->unc.sigma_iav, 0.04, 1e-12);
    sim_free(r);
  }
  const struct profile *pp[] = { both };
  struct sim_result *r = sim_run(s, pp, NULL, d);
  ck_assert_ptr_nonnull(r);
  const struct plant_result *pr = &r->plants[0];
  ck_assert_int_eq(pr->calendar_years, 2);
  ck_assert_double_eq_tol(pr->calendar_year_mwh[0], e[0], 1e-9 * e[0]);
  ck_assert_double_eq_tol(pr->calendar_year_mwh[1], e[1], 1e-9 * e[1]);
  double iav = fabs(e[0] - e[1]) / (sqrt(2.0) * 0.5 * (e[0] + e[1]));
  ck_assert(iav > 0.0);
  ck_assert_double_eq_tol(pr->iav_measured, iav, 1e-9);
  ck_assert_double_eq_tol(r->unc.sigma_iav, iav, 1e-9);
  ck_assert_int_eq(r->unc.iav_plants_measured, 1);
  ck_assert_double_eq_tol(r->unc.sigma_total, sqrt(iav * iav + 0.05 * 0.05), 1e-9);
  /* Coal and CO2 levels scale with the energy. */
  ck_assert_double_eq_tol(r->unc.coal_tce[2], r->unc.p90_mwh * 0.3, 1e-6 * r->unc.p90_mwh);
  sim_free(r);
  diag_free(d);
  free_site(s);
  profile_free(y1);
  profile_free(y2);
  profile_free(both);
}
END_TEST

/* Extreme but valid inputs give sane numbers: at latitude +-89.9 (the
 * profile's sun no longer matches, but nothing may turn NaN) and for
 * capacities of 0.001 MW and 100 GW, every interval's AC power is finite,
 * at least 0 and at most the rating, and the annual energy scales exactly
 * with the capacity (PVWatts is linear in the nameplate). */
START_TEST(test_extremes)
{
  struct profile *p = synthetic_year();
  const struct profile *pp[] = { p };
  struct diag *d = diag_new();
  const double lat[] = { 89.9, -89.9, 20.0, 20.0 };
  const double mw_ac[] = { 1.0, 1.0, 0.001, 1e5 };
  double annual[4];
  for (int k = 0; k < 4; k++) {
    struct site *s = make_site(20.0, TRANSPOSE_PEREZ);
    s->latitude = lat[k];
    struct plant_cfg *c = &s->plants[0];
    c->capacity_mw_ac = mw_ac[k];
    c->capacity_mw_dc = 2 * mw_ac[k];
    c->pv.p_ac0_kw = 1000 * mw_ac[k];
    c->pv.p_dc0_kw = 2000 * mw_ac[k];
    struct sim_result *r = sim_run(s, pp, NULL, d);
    ck_assert_ptr_nonnull(r);
    const struct plant_result *pr = &r->plants[0];
    for (size_t i = 0; i < pr->n; i++) {
      ck_assert(isfinite(pr->s.ac_kw[i]));
      ck_assert(pr->s.ac_kw[i] >= 0.0);
      ck_assert(pr->s.ac_kw[i] <= 1000 * mw_ac[k] * (1 + 1e-12));
    }
    annual[k] = r->annual_mwh;
    ck_assert(isfinite(annual[k]) && annual[k] >= 0 && annual[k] <= mw_ac[k] * 8760);
    ck_assert(isfinite(r->unc.p90_mwh) && isfinite(r->annual.co2_t) && isfinite(r->lifetime_mwh));
    sim_free(r);
    free_site(s);
  }
  ck_assert(annual[0] > 0 && annual[1] > 0);
  ck_assert_double_eq_tol(annual[3] / annual[2], 1e8, 1e-9 * 1e8);
  diag_free(d);
  profile_free(p);
}
END_TEST

/* ---- reference energies --------------------------------------------------
 * Annual and lifetime AC energy of fixed plants over a range of latitudes,
 * tilts, azimuths, sky models and both PV models, recorded from the code
 * before the faster sun and chain (topocentric parallax to first order,
 * fused passes): the faster path must agree within 1e-6 relative. The
 * weather is made here from a simple clear-sky formula with its own
 * declination (Cooper) and pseudo-random clouds, so that it does not depend
 * on solar.c. */
struct ref_case {
  double lat, lon, tilt, az;
  enum transpose_model sky;
  enum pv_model model;
  int ghi_only;             /* 1: ghi alone, Erbs decomposition */
  double annual_mwh, lifetime_mwh;
};

static const struct ref_case REF[] = {
  { -60.0, -70.0, 45.0, 0.0, TRANSPOSE_PEREZ, PV_MODEL_PVWATTS_V5, 0, 
    1446.3543369494537, 33967.918641923556 },
  { -30.0, 150.0, 20.0, 0.0, TRANSPOSE_PEREZ, PV_MODEL_PVWATTS_V5, 0, 
    1713.0936531178222, 40240.767907070745 },
  { -30.0, 150.0, 0.0, 180.0, TRANSPOSE_ISOTROPIC, PV_MODEL_PVWATTS_V8, 0, 
    1509.5524106861885, 35443.232923950716 },
  { 0.5, -78.0, 0.0, 180.0, TRANSPOSE_PEREZ, PV_MODEL_PVWATTS_V5, 0, 
    1744.0537702027252, 40968.640608917289 },
  { 0.5, -78.0, 20.0, 90.0, TRANSPOSE_HAYDAVIES, PV_MODEL_PVWATTS_V5, 1, 
    1710.7571350987662, 40185.38714993812 },
  { 20.0, 100.0, 20.0, 180.0, TRANSPOSE_PEREZ, PV_MODEL_PVWATTS_V5, 0, 
    1753.4285429893384, 41189.504565346622 },
  { 20.0, 100.0, 20.0, 180.0, TRANSPOSE_PEREZ, PV_MODEL_PVWATTS_V8, 0, 
    1731.362982453915, 40655.781360492241 },
  { 20.0, 100.0, 45.0, 250.0, TRANSPOSE_PEREZ, PV_MODEL_PVWATTS_V5, 1, 
    1534.3152603738981, 36035.962923285035 },
  { 45.0, 7.0, 45.0, 180.0, TRANSPOSE_PEREZ, PV_MODEL_PVWATTS_V8, 0, 
    1667.2630946402237, 39149.433996870604 },
  { 45.0, 7.0, 20.0, 135.0, TRANSPOSE_ISOTROPIC, PV_MODEL_PVWATTS_V5, 0, 
    1461.7298455043835, 34328.403237397055 },
  { 70.0, 25.0, 45.0, 180.0, TRANSPOSE_PEREZ, PV_MODEL_PVWATTS_V5, 0, 
    1208.907663848403, 28384.296440877202 },
  { 70.0, 25.0, 0.0, 180.0, TRANSPOSE_PEREZ, PV_MODEL_PVWATTS_V8, 1, 
    810.58861480543567, 19017.583720752944 },
};

/* An hourly year 2023 at lat, lon, UTC, independent of solar.c. */
static struct profile *ref_profile(double lat, double lon, int ghi_only)
{
  const double DEG = 3.14159265358979323846 / 180.0;
  struct profile *p = profile_new(8760);
  ck_assert_ptr_nonnull(p);
  p->n = 8760;
  p->interval_s = 3600;
  ck_assert_int_eq(profile_add_col(p, PROFILE_GHI), 0);
  if (!ghi_only) {
    ck_assert_int_eq(profile_add_col(p, PROFILE_DNI), 0);
    ck_assert_int_eq(profile_add_col(p, PROFILE_DHI), 0);
  }
  ck_assert_int_eq(profile_add_col(p, PROFILE_TEMP_AIR), 0);
  ck_assert_int_eq(profile_add_col(p, PROFILE_WIND_SPEED), 0);
  unsigned long seed = 12345;
  for (size_t i = 0; i < p->n; i++) {
    p->t_utc[i] = 1672531200 + 3600 * (int64_t)i;
    const double day = (double)(i / 24) + 1.0, hour_utc = (double)(i % 24) + 0.5;
    const double decl = 23.45 * sin(2.0 * 3.14159265358979323846 * (284.0 + day) / 365.0) * DEG;
    const double h = (15.0 * (hour_utc - 12.0) + lon) * DEG;
    const double cz = sin(lat * DEG) * sin(decl) + cos(lat * DEG) * cos(decl) * cos(h);
    seed = seed * 6364136223846793005UL + 1442695040888963407UL;
    const double cloud = (double)(seed >> 11) / 9007199254740992.0;
    double dni = 0.0, dhi = 0.0;
    if (cz > 0.0) {
      dni = 950.0 * exp(-0.14 / cz) * (cloud < 0.3 ? 0.1 : cloud < 0.5 ? 0.6 : 1.0);
      dhi = 40.0 + 120.0 * cz * (1.2 - cloud);
    }
    p->col[PROFILE_GHI][i] = dhi + dni * (cz > 0.0 ? cz : 0.0);
    if (!ghi_only) {
      p->col[PROFILE_DNI][i] = dni;
      p->col[PROFILE_DHI][i] = dhi;
    }
    p->col[PROFILE_TEMP_AIR][i] = 15.0 - 0.2 * fabs(lat) + 8.0 * cz + 4.0 * cloud;
    p->col[PROFILE_WIND_SPEED][i] = 1.0 + 4.0 * cloud;
  }
  return p;
}

START_TEST(test_reference_energies)
{
  const struct ref_case *c = &REF[_i];
  struct profile *p = ref_profile(c->lat, c->lon, c->ghi_only);
  const struct profile *pp[] = { p };
  struct site *s = make_site(c->tilt, c->sky);
  s->latitude = c->lat;
  s->longitude = c->lon;
  struct plant_cfg *pc = &s->plants[0];
  pc->capacity_mw_dc = 1.3;
  pc->dc_ac_ratio = 1.3;
  pc->pv.p_dc0_kw = 1300.0;
  pc->pv.azimuth_deg = c->az;
  pc->pv.model = c->model;
  if (c->model == PV_MODEL_PVWATTS_V8)
    pc->pv.temp_model = PV_TEMP_NOCT, pc->pv.noct_c = 45.0;
  struct diag *d = diag_new();
  /* Without and with the shared time axis (the batch path). */
  struct solar_axis *ax = solar_axis_new((double)p->t_utc[0] + 1800.0, 3600.0, p->n,
                                         s->delta_t_s);
  ck_assert_ptr_nonnull(ax);
  for (int shared = 0; shared < 2; shared++) {
    p->sun_axis = shared ? ax : NULL;
    struct sim_result *r = sim_run(s, pp, NULL, d);
    ck_assert_ptr_nonnull(r);
    if (getenv("REF_PRINT"))
      fprintf(stderr, "case %d: %.17g, %.17g\n", _i, r->annual_mwh, r->lifetime_mwh);
    ck_assert_double_eq_tol(r->annual_mwh, c->annual_mwh, 1e-6 * c->annual_mwh);
    ck_assert_double_eq_tol(r->lifetime_mwh, c->lifetime_mwh, 1e-6 * c->lifetime_mwh);
    sim_free(r);
  }
  p->sun_axis = NULL;
  solar_axis_free(ax);
  diag_free(d);
  free_site(s);
  profile_free(p);
}
END_TEST

/* The fused loop's plant a against the general passes' b beyond the annual
 * totals: the loss balance and monthly sums within 1e-9 relative, the
 * average day within 1e-12 MW, and every hour within 1e-9 (kW, W/m2, degC). */
static void same_beyond_totals(const struct plant_result *a, const struct plant_result *b)
{
  ck_assert_double_eq_tol(a->balance_mwh.aoi, b->balance_mwh.aoi, 1e-9 * b->balance_mwh.aoi);
  ck_assert_double_eq_tol(a->balance_mwh.loss[PV_LOSS_LUMPED],
                          b->balance_mwh.loss[PV_LOSS_LUMPED],
                          1e-9 * b->balance_mwh.loss[PV_LOSS_LUMPED]);
  for (int m = 0; m < 12; m++) {
    ck_assert_double_eq_tol(a->monthly_mwh[m], b->monthly_mwh[m], 1e-9 * b->annual_mwh);
    for (int h = 0; h < 24; h++)
      ck_assert_double_eq_tol(a->avgday_mw[m][h], b->avgday_mw[m][h], 1e-12);
  }
  ck_assert_uint_eq(a->note.above_clear_sky, b->note.above_clear_sky);
  ck_assert_uint_eq(a->n, b->n);
  for (size_t i = 0; i < a->n; i++) {
    ck_assert_double_eq_tol(a->s.ac_kw[i], b->s.ac_kw[i], 1e-9);
    ck_assert_double_eq_tol(a->s.dc_kw[i], b->s.dc_kw[i], 1e-9);
    ck_assert_double_eq_tol(a->s.clip_kw[i], b->s.clip_kw[i], 1e-9);
    ck_assert_double_eq_tol(a->s.poa_wm2[i], b->s.poa_wm2[i], 1e-9);
    ck_assert_double_eq_tol(a->s.t_cell_c[i], b->s.t_cell_c[i], 1e-9);
  }
}

/* Runs site s on profile p (one plant, made DC/AC 1.6 here so that noon
 * clips, with albedo by month when monthly_albedo) through the fused loop
 * and through the general passes, without and with a shared sun axis, and
 * checks that they agree: the annual figures within 1e-9 relative (clipping within
 * 1e-9 relative plus clip_abs MWh, and above 0 when must_clip), then
 * same_beyond_totals(). Frees s and p. */
static void fused_against_general(struct site *s, struct profile *p, int monthly_albedo,
                                  int must_clip, double clip_abs)
{
  struct plant_cfg *pc = &s->plants[0];
  pc->capacity_mw_dc = 1.6; /* clipped at noon */
  pc->dc_ac_ratio = 1.6;
  pc->pv.p_dc0_kw = 1600.0;
  if (monthly_albedo) {
    pc->pv.albedo_by_month = 1;
    for (int m = 0; m < 12; m++)
      pc->pv.albedo_month[m] = 0.15 + 0.02 * m;
  }
  const struct profile *pp[] = { p };
  struct diag *d = diag_new();
  struct solar_axis *ax = solar_axis_new((double)p->t_utc[0] + 1800.0, 3600.0, p->n,
                                         s->delta_t_s);
  ck_assert_ptr_nonnull(ax);
  for (int shared = 0; shared < 2; shared++) {
    p->sun_axis = shared ? ax : NULL;
    s->general_passes = 1;
    struct sim_result *g = sim_run(s, pp, NULL, d);
    s->general_passes = 0;
    struct sim_result *f = sim_run(s, pp, NULL, d);
    ck_assert_ptr_nonnull(g);
    ck_assert_ptr_nonnull(f);
    const struct plant_result *a = &f->plants[0], *b = &g->plants[0];
    ck_assert(b->annual_mwh > 0.0);
    ck_assert_double_eq_tol(a->annual_mwh, b->annual_mwh, 1e-9 * b->annual_mwh);
    ck_assert_double_eq_tol(a->lifetime_mwh, b->lifetime_mwh, 1e-9 * b->lifetime_mwh);
    ck_assert_double_eq_tol(a->poa_kwh_m2, b->poa_kwh_m2, 1e-9 * b->poa_kwh_m2);
    ck_assert_double_eq_tol(a->dc_mwh, b->dc_mwh, 1e-9 * b->dc_mwh);
    if (must_clip)
      ck_assert(b->clipping_mwh > 0.0); /* the clipping branch was exercised */
    ck_assert_double_eq_tol(a->clipping_mwh, b->clipping_mwh,
                            1e-9 * b->clipping_mwh + clip_abs);
    same_beyond_totals(a, b);
    sim_free(g);
    sim_free(f);
  }
  p->sun_axis = NULL;
  solar_axis_free(ax);
  diag_free(d);
  free_site(s);
  profile_free(p);
}

/* The one-loop path of the common plant (fixed rack, PVWatts v5, SAPM, no
 * row shade or rear side) against the general array passes, forced with
 * site.general_passes: within 1e-9 relative in the annual figures and 1e-9 kW
 * in every hour's AC, on the reference cases (sun down with diffuse light
 * in the data included: the profile's own sun is cruder than solar.c's)
 * with and without the shared axis, and with monthly albedo. */
START_TEST(test_fused_same_as_general)
{
  const struct ref_case *c = &REF[_i];
  struct profile *p = ref_profile(c->lat, c->lon, c->ghi_only);
  struct site *s = make_site(c->tilt, c->sky);
  s->latitude = c->lat;
  s->longitude = c->lon;
  struct plant_cfg *pc = &s->plants[0];
  pc->pv.azimuth_deg = c->az;
  fused_against_general(s, p, _i % 2, c->model == PV_MODEL_PVWATTS_V5, 1e-15);
}
END_TEST

/* The one loop for a single-axis tracker (PVWatts v5, SAPM, no row shade or
 * rear side: the sun's direction vector, the stowed plane with the sun
 * down) against the general passes (tracking_single_axis() through the
 * angles), as test_fused_same_as_general does for fixed racks: within 1e-9
 * relative in the annual figures and 1e-9 kW in every hour's AC, DC and
 * clipping, over trackers with horizontal and tilted axes, two axis
 * azimuths, backtracking on and off, two rotation limits and ground
 * coverage ratios, latitudes -40..60, the three sky models and ghi alone,
 * with diffuse light in a third of the night rows. */
struct trk_case {
  double lat, lon, axis_tilt, axis_az, max_angle;
  int backtrack;
  double gcr;
  enum transpose_model sky;
  int ghi_only;
};

static const struct trk_case TRK[] = {
  { -40.0, 150.0, 0.0, 180.0, 60.0, 1, 0.3, TRANSPOSE_PEREZ, 0 },
  { -40.0, 150.0, 10.0, 0.0, 45.0, 0, 0.5, TRANSPOSE_HAYDAVIES, 0 },
  { -20.0, -60.0, 10.0, 170.0, 60.0, 1, 0.5, TRANSPOSE_PEREZ, 1 },
  { 0.5, -78.0, 0.0, 170.0, 45.0, 1, 0.5, TRANSPOSE_ISOTROPIC, 0 },
  { 20.0, 100.0, 0.0, 180.0, 60.0, 0, 0.3, TRANSPOSE_PEREZ, 0 },
  { 20.0, 100.0, 10.0, 180.0, 45.0, 1, 0.3, TRANSPOSE_PEREZ, 0 },
  { 45.0, 7.0, 10.0, 170.0, 60.0, 0, 0.5, TRANSPOSE_HAYDAVIES, 1 },
  { 45.0, 7.0, 0.0, 180.0, 45.0, 1, 0.5, TRANSPOSE_PEREZ, 0 },
  { 60.0, 25.0, 0.0, 170.0, 60.0, 1, 0.3, TRANSPOSE_PEREZ, 0 },
  { 60.0, 25.0, 10.0, 180.0, 45.0, 0, 0.3, TRANSPOSE_ISOTROPIC, 0 },
};

START_TEST(test_fused_tracker_same_as_general)
{
  const struct trk_case *c = &TRK[_i];
  struct profile *p = ref_profile(c->lat, c->lon, c->ghi_only);
  /* Some diffuse light at night (twilight in the data): the stowed plane. */
  size_t n_night = 0;
  for (size_t i = 0; i < p->n; i += 3)
    if (p->col[PROFILE_GHI][i] == 0.0) {
      p->col[PROFILE_GHI][i] = 2.0 + (double)(i % 7);
      if (!c->ghi_only)
        p->col[PROFILE_DHI][i] = p->col[PROFILE_GHI][i];
      n_night++;
    }
  ck_assert_uint_gt(n_night, 500);
  struct site *s = make_site(0.0, c->sky);
  s->latitude = c->lat;
  s->longitude = c->lon;
  struct plant_cfg *pc = &s->plants[0];
  pc->pv.mount = PV_MOUNT_SINGLE_AXIS;
  pc->pv.gcr = c->gcr;
  pc->pv.track = (struct tracking_params){ c->axis_tilt, c->axis_az, c->max_angle, c->backtrack,
                                           c->gcr };
  fused_against_general(s, p, _i % 2, 1, 0.0);
}
END_TEST

Suite *make_sim_suite(void)
{
  Suite *s = suite_create("sim");
  TCase *tc = tcase_create("sim");
  tcase_add_test(tc, test_hand_hour);
  tcase_add_test(tc, test_year_invariants);
  tcase_add_test(tc, test_json_contract);
  tcase_add_test(tc, test_lifetime_exact);
  tcase_add_test(tc, test_finance);
  tcase_add_test(tc, test_iav_from_profile);
  tcase_add_test(tc, test_data_source_sigma);
  tcase_add_test(tc, test_extremes);
  tcase_add_test(tc, test_sun_axis_new);
  tcase_add_test(tc, test_shared_sun_axis);
  tcase_add_loop_test(tc, test_reference_energies, 0, (int)(sizeof REF / sizeof REF[0]));
  tcase_add_loop_test(tc, test_fused_same_as_general, 0, (int)(sizeof REF / sizeof REF[0]));
  tcase_add_loop_test(tc, test_fused_tracker_same_as_general, 0,
                      (int)(sizeof TRK / sizeof TRK[0]));
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_sim_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
