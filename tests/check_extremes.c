/* Extreme but valid inputs give sane results:
 * - a whole year at 78.2 deg N (Longyearbyen, Svalbard) on a clear-sky
 *   profile of that place: no energy in the polar night, energy in every
 *   hour of midsummer (the midnight sun), nothing negative, above the
 *   inverter rating, NaN or infinite;
 * - twenty years of 1-minute data (the largest profile renewcalc accepts,
 *   SECURITY.md): runs, finds 20 calendar years, and its yearly mean agrees
 *   with the same twenty years run hour by hour. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "clearsky.h"
#include "diag.h"
#include "irradiance.h"
#include "profile.h"
#include "sim.h"
#include "site.h"
#include "solar.h"
#include "synth.h"

static struct site *make_site(double lat, double lon, double tilt)
{
  struct site *s = calloc(1, sizeof *s);
  ck_assert_ptr_nonnull(s);
  snprintf(s->name, sizeof s->name, "extreme site");
  snprintf(s->path, sizeof s->path, "extreme.cfg");
  s->latitude = lat;
  s->longitude = lon;
  s->elevation_m = 10.0;
  s->delta_t_s = 69.0;
  s->lifetime_years = 25;
  struct emission_factors *ef = &s->factors;
  snprintf(ef->name, sizeof ef->name, "hand");
  ef->method = EMIS_COAL;
  ef->coal_rate.value = 300.0;
  ef->co2_per_tce.value = 2.7725;
  ef->grid.value = -1;
  s->n_plants = 1;
  s->plants = calloc(1, sizeof *s->plants);
  ck_assert_ptr_nonnull(s->plants);
  struct plant_cfg *p = &s->plants[0];
  snprintf(p->name, sizeof p->name, "pv");
  p->capacity_mw_ac = 1.0;
  p->capacity_mw_dc = 1.0;
  p->dc_ac_ratio = 1.0;
  p->degradation_per_year = 0.005;
  p->degradation_linear = 1;
  p->pv = (struct pv_params){ .p_dc0_kw = 1000.0, .p_ac0_kw = 1000.0, .tilt_deg = tilt,
                              .azimuth_deg = 180.0, .mount = PV_MOUNT_FIXED,
                              .racking = PV_RACK_OPEN, .sky = TRANSPOSE_PEREZ, .albedo = 0.2,
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

/* Hourly 2023 at (lat, lon), UTC, with the Ineichen-Perez clear sky
 * (Linke turbidity 2.5) at the sun's position in the middle of each hour,
 * -10 degC and 4 m/s. */
static struct profile *clear_sky_year(double lat, double lon)
{
  const int64_t t0 = 1672531200; /* 2023-01-01 00:00 UTC */
  struct profile *p = profile_new(8760);
  ck_assert_ptr_nonnull(p);
  p->n = 8760;
  p->interval_s = 3600;
  p->utc_offset_h = 0.0;
  snprintf(p->format, sizeof p->format, "test");
  const enum profile_col cols[] = { PROFILE_GHI, PROFILE_DNI, PROFILE_DHI, PROFILE_TEMP_AIR,
                                    PROFILE_WIND_SPEED };
  for (size_t c = 0; c < sizeof cols / sizeof cols[0]; c++)
    ck_assert_int_eq(profile_add_col(p, cols[c]), 0);
  for (size_t i = 0; i < p->n; i++) {
    p->t_utc[i] = t0 + 3600 * (int64_t)i;
    struct solar_time st;
    struct solar_pos pos;
    solar_time_at((double)p->t_utc[i] + 1800.0, 69.0, &st);
    solar_position(&st, lat, lon, 10.0, 1013.0, -10.0, 0.5667, &pos);
    double ghi = 0, dni = 0, dhi = 0;
    if (pos.zenith_deg < 90.0) {
      double e0 = irr_extraterrestrial(calendar_day_of_year(calendar_day_of(p->t_utc[i])));
      double am = irr_airmass_absolute(irr_airmass_relative(pos.zenith_deg), 101325.0);
      clearsky_ineichen(pos.zenith_deg, am, 2.5, 10.0, e0, &ghi, &dni, &dhi);
    }
    p->col[PROFILE_GHI][i] = ghi;
    p->col[PROFILE_DNI][i] = dni;
    p->col[PROFILE_DHI][i] = dhi;
    p->col[PROFILE_TEMP_AIR][i] = -10.0;
    p->col[PROFILE_WIND_SPEED][i] = 4.0;
  }
  return p;
}

START_TEST(test_polar_night_and_midnight_sun)
{
  /* Longyearbyen: the sun stays below the horizon from about 26 October to
   * 16 February and above it from about 20 April to 23 August (the sun's
   * declination beyond -/+ (90 - 78.22 - 0.83) deg). */
  struct profile *p = clear_sky_year(78.22, 15.65);
  struct site *s = make_site(78.22, 15.65, 60.0);
  const struct profile *pp[] = { p };
  struct diag *d = diag_new();
  struct sim_result *r = sim_run(s, pp, NULL, d);
  ck_assert_ptr_nonnull(r);
  const struct plant_result *pr = &r->plants[0];
  ck_assert_double_eq(pr->monthly_mwh[10], 0.0); /* November */
  ck_assert_double_eq(pr->monthly_mwh[11], 0.0); /* December */
  ck_assert_double_eq(pr->monthly_mwh[0], 0.0);  /* January */
  for (int m = 3; m < 8; m++)
    ck_assert_msg(pr->monthly_mwh[m] > 0.0, "month %d: %g MWh", m + 1, pr->monthly_mwh[m]);
  /* 21 June (day 172 of 2023): every hour, midnight included, yields. */
  for (int h = 0; h < 24; h++) {
    size_t i = 171 * 24 + (size_t)h;
    ck_assert_msg(pr->s.ac_kw[i] > 0.0, "21 June %02d:00 UTC: %g kW", h, pr->s.ac_kw[i]);
  }
  for (size_t i = 0; i < pr->n; i++) {
    ck_assert(isfinite(pr->s.ac_kw[i]) && pr->s.ac_kw[i] >= 0.0);
    ck_assert(pr->s.ac_kw[i] <= 1000.0 + 1e-9);
  }
  /* Energy from the light that reached the array, never more: the
   * performance ratio stays below 1 even with cold cells (-10 degC gains
   * at most 0.37 %/degC x 35 degC = 13 %, against 14 % losses and the
   * inverter). */
  ck_assert(pr->performance_ratio > 0.5 && pr->performance_ratio < 1.0);
  ck_assert(isfinite(r->lifetime_mwh) && isfinite(r->unc.p90_mwh) && r->unc.p90_mwh > 0.0);
  sim_free(r);
  diag_free(d);
  free_site(s);
  profile_free(p);
}
END_TEST

/* The synthetic hourly year `year` (local, UTC+7) of a tropical site. */
static struct profile *synth_year(int year)
{
  struct synth_spec spec = { .latitude = 20.0, .longitude = 100.0, .elevation_m = 10.0,
                             .utc_offset_h = 7.0, .year = year, .variability = 0.6,
                             .seed = (uint64_t)year };
  for (int m = 0; m < 12; m++) {
    spec.ghi_kwh_m2_day[m] = 4.6 + 0.8 * sin(m * 0.5236);
    spec.temp_c[m] = 25.0;
    spec.temp_range_c[m] = 10.0;
    spec.wind_m_s[m] = 2.0;
    spec.linke[m] = 3.0;
  }
  snprintf(spec.source, sizeof spec.source, "test");
  struct profile *h = synth_profile(&spec);
  ck_assert_ptr_nonnull(h);
  return h;
}

/* Appends hourly profile h to m, each hour held for 60 one-minute rows. */
static void append_minutes(struct profile *m, const struct profile *h)
{
  for (size_t i = 0; i < h->n; i++)
    for (int k = 0; k < 60; k++) {
      size_t j = m->n++;
      m->t_utc[j] = h->t_utc[i] + 60 * k;
      for (int c = 0; c < PROFILE_NCOLS; c++)
        if (m->col[c])
          m->col[c][j] = h->col[c][i];
    }
}

START_TEST(test_twenty_years_of_minutes)
{
  const int years = 20, first = 2004;
  /* 2004-2023: five leap years; 10,519,200 rows, within the 10,540,800 the
   * readers accept. */
  size_t rows = (size_t)(365 * years + 5) * 1440;
  struct profile *m = profile_new(rows);
  ck_assert_ptr_nonnull(m);
  m->interval_s = 60;
  m->utc_offset_h = 7.0;
  snprintf(m->format, sizeof m->format, "test");
  struct site *s = make_site(20.0, 100.0, 20.0);
  struct diag *d = diag_new();
  double hourly_sum = 0.0;
  for (int y = 0; y < years; y++) {
    struct profile *h = synth_year(first + y);
    if (y == 0)
      for (int c = 0; c < PROFILE_NCOLS; c++)
        if (h->col[c])
          ck_assert_int_eq(profile_add_col(m, (enum profile_col)c), 0);
    const struct profile *hp[] = { h };
    struct sim_result *hr = sim_run(s, hp, NULL, d);
    ck_assert_ptr_nonnull(hr);
    hourly_sum += hr->annual_mwh;
    sim_free(hr);
    append_minutes(m, h);
    profile_free(h);
  }
  ck_assert_uint_eq(m->n, rows);
  const struct profile *mp[] = { m };
  struct sim_result *r = sim_run(s, mp, NULL, d);
  ck_assert_ptr_nonnull(r);
  const struct plant_result *pr = &r->plants[0];
  ck_assert_int_eq(pr->calendar_years, years);
  ck_assert(isfinite(pr->iav_measured) && pr->iav_measured > 0.0 && pr->iav_measured < 0.2);
  /* The same weather minute by minute and hour by hour: the sun's position
   * is taken every minute instead of once an hour, which moves a year by
   * well under 2 %. */
  double hourly_mean = hourly_sum / years;
  ck_assert_msg(fabs(r->annual_mwh / hourly_mean - 1.0) < 0.02, "minutes %g, hours %g MWh",
                r->annual_mwh, hourly_mean);
  ck_assert(r->annual_mwh > 0.0 && r->annual_mwh <= 1.0 * 8784.0);
  ck_assert(isfinite(r->lifetime_mwh) && isfinite(r->unc.p90_mwh) && r->unc.p90_mwh > 0.0);
  sim_free(r);
  diag_free(d);
  free_site(s);
  profile_free(m);
}
END_TEST

static Suite *make_suite(void)
{
  Suite *s = suite_create("extremes");
  TCase *tc = tcase_create("extremes");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, test_polar_night_and_midnight_sun);
  tcase_add_test(tc, test_twenty_years_of_minutes);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
