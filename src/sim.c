/* The hourly chain; see sim.h. A few array passes per plant: the sun for
 * every interval (its time-only part once per timestamp), the sky
 * (decomposition where needed), the plane of array, then the PV model. */
#include "sim.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "aggregate.h"
#include "calendar.h"
#include "clearsky.h"
#include "decompose.h"
#include "diag.h"
#include "irradiance.h"
#include "lcoe.h"
#include "profile.h"
#include "profile_span.h"
#include "pv8.h"
#include "shading.h"
#include "sim_fused.h"
#include "sim_sky.h"
#include "sky_check.h"
#include "bifacial.h"
#include "tracking.h"
#include "solar.h"
#include "transpose.h"
#include "uncertainty.h"
#include "wind_profile.h"
#include "units.h"

/* Used when a profile has no such column; reported in the summary. */
#define SIM_TEMP_AIR_DEFAULT_C 20.0
#define SIM_WIND_DEFAULT_MS 1.0

/* Linke turbidity of the clear sky that flags doubtful irradiance: clean,
 * dry air, so that only values above any clear sky are flagged. */
#define SIM_CLEAR_LINKE 2.0

/* Default interannual variability of a PV yield (1 sigma): 4 % (Thevenard
 * and Pelland, Solar Energy 91 (2013) 432-445: 3.9 % year-to-year). The
 * other uncertainties depend on the data source: unc_pv_other_default(). */
#define SIM_SIGMA_IAV_PV 0.04
/* Wind: energy varies from year to year about 1.5-2 times as much as the
 * mean speed (6 %), about 10 %; other uncertainties about 8 % (EWEA, "Wind
 * Energy - The Facts"; industry practice). */
#define SIM_SIGMA_IAV_WIND 0.10
#define SIM_SIGMA_OTHER_WIND 0.08
/* Biomass: no weather in the year-to-year sense; availability and fuel
 * supply carry its risk (factors.md section 5), taken here as 5 %. */
#define SIM_SIGMA_IAV_BIOMASS 0.0
#define SIM_SIGMA_OTHER_BIOMASS 0.05


static void sky_free(struct sky *k)
{
  if (!k)
    return;
  free(k->zenith);
  free(k->azimuth);
  if (!k->dni_extra_borrowed)
    free(k->dni_extra);
  free(k->am_rel);
  free(k->cos_zen);
  free(k->sin_zen);
  free(k->sun_e);
  free(k->sun_n);
  for (int i = 0; i < k->n_owned; i++)
    free(k->owned[i]);
  free(k);
}

static double *sky_alloc(struct sky *k)
{
  double *a = malloc(k->n * sizeof *a);
  if (a)
    k->owned[k->n_owned++] = a;
  return a;
}

/* Pressure of the standard atmosphere at elevation [Pa] (ISO 2533). */
static double pressure_at_elevation(double elevation_m)
{
  return UNITS_P0_PA * pow(1.0 - 2.25577e-5 * elevation_m, 5.25588);
}

/* Great-circle distance [km] (haversine, mean Earth radius 6371 km). */
static double distance_km(double lat1, double lon1, double lat2, double lon2)
{
  double dlat = deg2rad(lat2 - lat1), dlon = deg2rad(lon2 - lon1);
  double a = sin(dlat / 2) * sin(dlat / 2) +
             cos(deg2rad(lat1)) * cos(deg2rad(lat2)) * sin(dlon / 2) * sin(dlon / 2);
  return 2.0 * 6371.0 * asin(sqrt(a < 1.0 ? a : 1.0));
}

struct solar_axis *sim_sun_axis_new(const struct profile *p, double delta_t_s)
{
  if (p->n < 2 || p->n > SIM_SUN_AXIS_MAX_ROWS || profile_regular(p) != 1)
    return NULL;
  return solar_axis_new((double)p->t_utc[0] + 0.5 * p->interval_s, p->interval_s, p->n,
                        delta_t_s);
}

/* The profile's shared time part (profile.h sun_axis) when it fits this
 * site and profile: the same delta_t and interval, and every row's middle
 * where the axis has it (compared exactly: both are whole or half seconds).
 * NULL: compute it here. */
static const struct solar_axis *shared_axis(const struct site *site, const struct profile *p)
{
  const struct solar_axis *a = p->sun_axis;
  if (!a || a->step_s != (double)p->interval_s || a->delta_t_s != site->delta_t_s ||
      a->n < p->n)
    return NULL;
  const double half = 0.5 * p->interval_s;
  /* On a regular axis the first row decides: the rest follow exactly (the
   * values are whole or half seconds, exact in doubles). */
  if (profile_regular(p) == 1)
    return p->n == 0 || (double)p->t_utc[0] + half == a->t0_mid_unix_s ? a : NULL;
  for (size_t i = 0; i < p->n; i++)
    if ((double)p->t_utc[i] + half != a->t0_mid_unix_s + (double)i * a->step_s)
      return NULL;
  return a;
}

/* angles: fill zenith and azimuth for every row, for plants that read the
 * sun's place below the horizon or its azimuth (trackers, row shading,
 * bifacial rear). */
static struct sky *sky_build(const struct site *site, const struct profile *p, int angles,
                             struct diag *d)
{
  struct sky *k = calloc(1, sizeof *k);
  if (!k)
    goto oom;
  k->p = p;
  k->n = p->n;
  size_t n = p->n;
  k->zenith = malloc(n * sizeof(double));
  k->azimuth = angles ? malloc(n * sizeof(double)) : NULL;
  /* Extraterrestrial irradiance depends on the UTC day alone: the
   * profile's, shared by its sites, when it has it. */
  const double *dni_extra = profile_dni_extra(p);
  k->dni_extra_borrowed = dni_extra != NULL;
  k->dni_extra = dni_extra ? (double *)dni_extra : malloc(n * sizeof(double));
  k->am_rel = malloc(n * sizeof(double));
  k->cos_zen = malloc(n * sizeof(double));
  k->sin_zen = malloc(n * sizeof(double));
  k->sun_e = malloc(n * sizeof(double));
  k->sun_n = malloc(n * sizeof(double));
  if (!k->zenith || (angles && !k->azimuth) || !k->dni_extra || !k->am_rel || !k->cos_zen ||
      !k->sin_zen || !k->sun_e || !k->sun_n)
    goto oom;

  double p_site = pressure_at_elevation(site->elevation_m);
  k->note.distance_km = p->has_location ? distance_km(site->latitude, site->longitude,
                                                      p->latitude, p->longitude)
                                        : -1.0;
  k->temp = p->col[PROFILE_TEMP_AIR];
  k->wind = p->col[PROFILE_WIND_SPEED];
  k->albedo = p->col[PROFILE_ALBEDO];
  const double *pres = p->col[PROFILE_PRESSURE];
  snprintf(k->note.temp_air, sizeof k->note.temp_air, "from the profile");
  snprintf(k->note.wind_speed, sizeof k->note.wind_speed, "from the profile");
  snprintf(k->note.albedo, sizeof k->note.albedo, "from the profile");
  if (pres)
    snprintf(k->note.pressure, sizeof k->note.pressure, "from the profile");
  else
    snprintf(k->note.pressure, sizeof k->note.pressure, "%.0f Pa from the site elevation", p_site);
  if (!k->temp) {
    if (!(k->temp = sky_alloc(k)))
      goto oom;
    for (size_t i = 0; i < n; i++)
      k->temp[i] = SIM_TEMP_AIR_DEFAULT_C;
    snprintf(k->note.temp_air, sizeof k->note.temp_air, "not in the profile: %.0f degC",
             SIM_TEMP_AIR_DEFAULT_C);
  }
  if (!k->wind) {
    if (!(k->wind = sky_alloc(k)))
      goto oom;
    for (size_t i = 0; i < n; i++)
      k->wind[i] = SIM_WIND_DEFAULT_MS;
    snprintf(k->note.wind_speed, sizeof k->note.wind_speed, "not in the profile: %.0f m/s",
             SIM_WIND_DEFAULT_MS);
  }
  if (!k->albedo)
    snprintf(k->note.albedo, sizeof k->note.albedo, "not in the profile: the site file's");

  /* Pass 1: the sun. The time-only part of its position is exact once
   * every day and a half and interpolated between (solar.h: within 5e-8 deg
   * in the time part, 3e-7 deg in zenith and azimuth, of SPA); read from
   * the profile's shared axis when it has one that fits, with the same
   * results bit for bit. */
  double len = p->interval_s;
  const struct solar_axis *axis = shared_axis(site, p);
  struct solar_time_cache sc;
  solar_time_cache_init(&sc, site->delta_t_s);
  struct solar_site ss;
  solar_site_init(&ss, site->latitude, site->longitude, site->elevation_m);
  /* A fixed plant on a shared axis: the whole pass in one call. */
  const int sun_run = axis && !angles;
  if (sun_run)
    solar_interval_sun_axis_run(axis, n, &ss, pres, p_site, k->temp, k->zenith, k->cos_zen,
                                k->sin_zen, k->sun_e, k->sun_n);
  else
    for (size_t i = 0; i < n; i++) {
      const double t_mid = (double)p->t_utc[i] + 0.5 * len;
      struct solar_pos pos;
      struct solar_sun sun;
      double pr_mbar = (pres ? pres[i] : p_site) / 100.0;
      if (axis)
        solar_interval_sun_axis(axis, i, &ss, pr_mbar, k->temp[i], angles ? &pos : NULL, &sun);
      else
        solar_interval_sun_site(&sc, &ss, t_mid, len, pr_mbar, k->temp[i],
                                angles ? &pos : NULL, &sun);
      k->zenith[i] = angles ? pos.zenith_deg : sun.zenith_deg;
      if (angles)
        k->azimuth[i] = pos.azimuth_deg;
      k->cos_zen[i] = sun.cos_zenith;
      k->sin_zen[i] = sun.sin_zenith;
      k->sun_e[i] = sun.sin_azimuth;
      k->sun_n[i] = sun.cos_azimuth;
    }
  if (!k->dni_extra_borrowed) {
    /* Extraterrestrial irradiance by UTC day of year, as pvlib and SAM
     * take it: it changes by at most 0.06 % a day. floor(t_mid) is
     * t_utc + interval_s / 2 (whole seconds). profile_dni_extra() gives
     * the same values. */
    int64_t day, day_start = INT64_MAX - 86400; /* the UTC day of t_day below, its start */
    double e0 = 0.0;
    for (size_t i = 0; i < n; i++) {
      const int64_t t_day = p->t_utc[i] + p->interval_s / 2;
      if (t_day < day_start || t_day >= day_start + 86400) {
        day = calendar_day_of(t_day);
        day_start = day * 86400;
        e0 = irr_extraterrestrial(calendar_day_of_year(day));
      }
      k->dni_extra[i] = e0;
    }
  }

  /* Pass 2: the irradiance components the transposition needs. */
  const double *ghi = p->col[PROFILE_GHI], *dni = p->col[PROFILE_DNI], *dhi = p->col[PROFILE_DHI];
  k->ghi = (double *)ghi;
  k->dni = (double *)dni;
  k->dhi = (double *)dhi;
  if (dni && dhi) {
    snprintf(k->note.dni_dhi, sizeof k->note.dni_dhi, "from the profile");
    if (!ghi) {
      if (!(k->ghi = sky_alloc(k)))
        goto oom;
      for (size_t i = 0; i < n; i++) {
        double c = k->cos_zen[i];
        k->ghi[i] = dhi[i] + (c > 0.0 ? dni[i] * c : 0.0);
      }
      snprintf(k->note.dni_dhi, sizeof k->note.dni_dhi,
               "from the profile; ghi = dhi + dni cos(zenith)");
    }
  } else if (ghi) {
    if (!(k->dni = sky_alloc(k)) || !(k->dhi = sky_alloc(k)))
      goto oom;
    if (site->decomposition == SITE_DECOMPOSE_DISC) {
      for (size_t i = 0; i < n; i++)
        decompose_disc(ghi[i], k->zenith[i], k->dni_extra[i], pres ? pres[i] : p_site,
                       &k->dni[i], &k->dhi[i]);
      snprintf(k->note.dni_dhi, sizeof k->note.dni_dhi, "DISC decomposition of ghi");
    } else {
      for (size_t i = 0; i < n; i++)
        decompose_erbs(ghi[i], k->zenith[i], k->dni_extra[i], &k->dni[i], &k->dhi[i]);
      snprintf(k->note.dni_dhi, sizeof k->note.dni_dhi, "Erbs decomposition of ghi");
    }
  } else {
    diag_at(d, p->path, 0, "ghi or both dni and dhi: expected in the profile, got neither");
    sky_free(k);
    return NULL;
  }
  /* Pass 3: air mass (the decompositions above do not read it) and, in
   * the same pass, the irradiation and the clear-sky flag: irradiance
   * above a clear sky of clean, dry air (Linke turbidity 2, Ineichen and
   * Perez 2002), which measured or modelled data seldom exceed by the
   * sky_check.h margin over an hour. */
  sky_airmass(k, pres, p_site, site->elevation_m, SIM_CLEAR_LINKE);
  return k;
oom:
  diag_msg(d, "out of memory for a profile of %zu rows", p->n);
  sky_free(k);
  return NULL;
}

/* Span of a profile in years: a one-year profile (365 or 366 days) counts
 * as exactly one year, so that the annual figure is the sum of its hours. */
static double profile_years(const struct profile *p)
{
  double days = (double)p->n * p->interval_s / UNITS_S_PER_DAY;
  if (fabs(days - 365.0) < 1e-9 || fabs(days - 366.0) < 1e-9)
    return 1.0;
  return days / 365.25;
}

static void scale_balance(struct pv_balance *b, double k)
{
  b->nominal *= k;
  b->rear *= k;
  b->aoi *= k;
  b->spectral *= k;
  b->temperature *= k;
  for (int l = 0; l < PV_LOSS_COUNT; l++)
    b->loss[l] *= k;
  b->dc *= k;
  b->inverter *= k;
  b->clipping *= k;
  b->ac *= k;
}

/* Generation of every operating year with the DC output degraded, through
 * the same inverter, so that clipping and part-load efficiency follow the
 * degraded DC. The AC sum as a function of the DC factor f is smooth; it is
 * evaluated exactly at f = 1, at the last year's factor and halfway, and
 * read from the quadratic through those three points for the other years:
 * two inverter passes instead of one per year, within 1e-4 of the exact
 * sums even with heavy clipping (check_sim compares them). */
/* The DC factors of the two exact inverter passes: halfway and the last
 * year's. */
static void lifetime_factors(const struct site *site, const struct plant_cfg *cfg, double f[2])
{
  f[1] = agg_degradation_factor(cfg->degradation_per_year, site->lifetime_years,
                                cfg->degradation_linear);
  f[0] = 0.5 * (1.0 + f[1]);
}

/* scaled: the AC sums at lifetime_factors() when the plant's pass made
 * them (pv_run_scaled()), else NULL. */
static void lifetime(const struct site *site, const struct plant_cfg *cfg,
                     struct plant_result *r, double first_year_mwh, const double *scaled)
{
  int years = site->lifetime_years;
  double f[2];
  lifetime_factors(site, cfg, f);
  double f_mid = f[0], f_end = f[1];
  double e_mid = first_year_mwh, e_end = first_year_mwh;
  if (f_end < 1.0) {
    double to_mwh = r->profile->interval_s / UNITS_S_PER_H / 1000.0 / r->years;
    e_mid = (scaled ? scaled[0] : pv_ac_sum_scaled(&cfg->pv, r->n, r->s.dc_kw, f_mid)) * to_mwh;
    e_end = (scaled ? scaled[1] : pv_ac_sum_scaled(&cfg->pv, r->n, r->s.dc_kw, f_end)) * to_mwh;
  }
  r->lifetime_mwh = 0.0;
  for (int y = 1; y <= years; y++) {
    double f = agg_degradation_factor(cfg->degradation_per_year, y, cfg->degradation_linear);
    double e = f_end < 1.0 ? agg_quadratic(1.0, first_year_mwh, f_mid, e_mid, f_end, e_end, f)
                           : first_year_mwh;
    r->lifetime_per_year_mwh[y - 1] = e;
    r->lifetime_mwh += e;
  }
}

static void series_free(struct plant_result *r)
{
  free(r->wind.hub_speed_ms);
  free(r->wind.direction_deg);
  free(r->wind.gross_kw);
  free(r->s.poa_wm2);
  free(r->s.t_cell_c);
  free(r->s.dc_kw);
  free(r->s.ac_kw);
  free(r->s.clip_kw);
  if (!r->calendar_borrowed) {
    free(r->month);
    free(r->hour);
  }
}

static int plant_fused(const struct site *site, const struct plant_cfg *cfg);

/* 1 if the plant reads the sun's azimuth, or its place below the horizon:
 * trackers, row shading, the bifacial rear side; not the plants of
 * run_fused(), which read the sun's direction vector (a single-axis
 * tracker stows whatever the sun's place below the horizon). */
static int plant_needs_angles(const struct site *site, const struct plant_cfg *cfg)
{
  const struct pv_params *pv = &cfg->pv;
  return !plant_fused(site, cfg) &&
         (pv->mount != PV_MOUNT_FIXED || pv->self_shading || pv->bifacial);
}

/* Pass 6 of a PV plant from its balance bal, its AC total over the
 * months [MWh], summed by agg_monthly_mwh() into r->monthly_mwh, and POA
 * [W/m2 x intervals]; scaled as lifetime() takes it. */
static void finish_pv(const struct site *site, const struct plant_cfg *cfg,
                      struct plant_result *r, const struct pv_balance *bal_in, double total,
                      double poa, const double *scaled)
{
  const struct profile *p = r->profile;
  const struct pv_params *pv = &cfg->pv;
  const size_t n = r->n;
  const struct pv_balance bal = *bal_in;
  double h = p->interval_s / UNITS_S_PER_H;
  r->years = profile_years(p);
  double to_mwh = h / 1000.0 / r->years;
  r->balance_mwh = bal;
  scale_balance(&r->balance_mwh, to_mwh);
  double before = bal.nominal - bal.aoi - bal.spectral - bal.temperature;
  r->dc_loss_frac = before > 0.0 ? 1.0 - bal.dc / before : 0.0;
  for (int m = 0; m < 12; m++)
    r->monthly_mwh[m] /= r->years;
  r->annual_mwh = total / r->years;
  double dc = 0.0, clip = 0.0;
  if (pv->model == PV_MODEL_PVWATTS_V5) {
    /* pv_run sums DC and clipping in this order over the rows with light,
     * and the others add exact zeros: the same sums. */
    dc = bal.dc;
    clip = bal.clipping;
  } else {
    for (size_t i = 0; i < n; i++) {
      dc += r->s.dc_kw[i];
      clip += r->s.clip_kw[i];
    }
  }
  r->dc_mwh = dc * h / 1000.0 / r->years;
  r->clipping_mwh = clip * h / 1000.0 / r->years;
  r->poa_kwh_m2 = poa * h / 1000.0 / r->years;
  r->capacity_factor = r->annual_mwh / (cfg->capacity_mw_ac * 8760.0);
  r->capacity_factor_dc = r->annual_mwh / (cfg->capacity_mw_dc * 8760.0);
  r->specific_yield_kwh_per_kw = r->annual_mwh / cfg->capacity_mw_dc;
  r->performance_ratio = r->poa_kwh_m2 > 0 ? r->specific_yield_kwh_per_kw / r->poa_kwh_m2 : 0.0;
  emissions_for_year(&site->factors, EMIS_TECH_WIND_SOLAR, r->annual_mwh, 1, &r->annual);
  lifetime(site, cfg, r, bal.ac * to_mwh, scaled);
}

/* 1 if the plant takes run_fused(): a fixed rack or a single-axis tracker
 * without row shade or rear side under PVWatts v5 with SAPM cell
 * temperature, the common plants, unless the site asks for the general
 * passes (site.h). */
static int plant_fused(const struct site *site, const struct plant_cfg *cfg)
{
  const struct pv_params *pv = &cfg->pv;
  return !site->general_passes &&
         (pv->mount == PV_MOUNT_FIXED || pv->mount == PV_MOUNT_SINGLE_AXIS) &&
         !pv->self_shading && !pv->bifacial && pv->model == PV_MODEL_PVWATTS_V5 &&
         pv->temp_model == PV_TEMP_SAPM;
}

/* agg_monthly_mwh()'s result from its sums month_kwh: fills out_mwh, returns
 * the total, the same operations. */
static double fused_monthly(const double month_kwh[12], double out_mwh[12])
{
  double total = 0.0;
  for (int m = 0; m < 12; m++) {
    out_mwh[m] = month_kwh[m] / 1000.0;
    total += out_mwh[m];
  }
  return total;
}

/* agg_average_day_mw()'s result from its sums day_kw over the calendar. */
static void fused_average_day(size_t n, const unsigned char *month, const unsigned char *hour,
                              const unsigned (*shared)[24], const double day_kw[12][24],
                              double out_mw[12][24])
{
  unsigned own[12][24] = { { 0 } };
  const unsigned (*count)[24] = shared;
  if (!count) {
    for (size_t i = 0; i < n; i++)
      own[month[i]][hour[i]]++;
    count = (const unsigned (*)[24])own;
  }
  for (int m = 0; m < 12; m++)
    for (int h = 0; h < 24; h++)
      out_mw[m][h] = count[m][h] > 0 ? day_kw[m][h] / (double)count[m][h] / 1000.0 : 0.0;
}

static int run_plant(const struct site *site, const struct plant_cfg *cfg,
                     const struct sky *k, struct plant_result *r, struct diag *d)
{
  const struct profile *p = k->p;
  size_t n = p->n;
  r->cfg = cfg;
  r->profile = p;
  r->note = k->note;
  r->n = n;
  r->t_utc = p->t_utc;
  r->utc_offset_h = p->utc_offset_h;
  r->s.poa_wm2 = malloc(n * sizeof(double));
  r->s.t_cell_c = malloc(n * sizeof(double));
  r->s.dc_kw = malloc(n * sizeof(double));
  r->s.ac_kw = malloc(n * sizeof(double));
  r->s.clip_kw = malloc(n * sizeof(double));
  /* The local calendar depends on the profile alone: shared by its plants
   * and sites. */
  const unsigned char *cal = profile_local_calendar(p);
  if (cal) {
    r->month = (unsigned char *)cal;
    r->hour = (unsigned char *)cal + n;
    r->calendar_borrowed = 1;
  } else {
    r->month = malloc(n);
    r->hour = malloc(n);
  }
  /* Scratch arrays of the plane-of-array passes, one block (none for the
   * one-loop path). */
  enum { BEAM, SKY, GND, COS_AOI, AOI, TILT, AZ, ALB, FRAC, REAR, REAR_EFF, N_SCRATCH };
  const int fused = plant_fused(site, cfg);
  double *scratch = fused ? NULL : malloc(N_SCRATCH * n * sizeof(double));
  if (!r->s.poa_wm2 || !r->s.t_cell_c || !r->s.dc_kw || !r->s.ac_kw || !r->s.clip_kw ||
      !r->month || !r->hour || (!fused && !scratch)) {
    free(scratch);
    diag_msg(d, "out of memory for plant '%s'", cfg->name);
    return -1;
  }
  if (!cal)
    agg_local_calendar(n, p->t_utc, p->utc_offset_h, r->month, r->hour);
  if (fused) {
    double life_f[2];
    lifetime_factors(site, cfg, life_f);
    const int n_f = life_f[1] < 1.0 ? 2 : 0;
    struct fused_sums fs;
    run_fused(cfg, k, r, n_f, life_f, &fs);
    double total = fused_monthly(fs.month_kwh, r->monthly_mwh);
    /* The counts of the profile's shared calendar when the plant uses it. */
    fused_average_day(n, r->month, r->hour,
                      r->calendar_borrowed ? profile_month_hour_count(p) : NULL, fs.day_kw,
                      r->avgday_mw);
    finish_pv(site, cfg, r, &fs.bal, total, fs.poa, n_f ? fs.life_sum : NULL);
    return 0;
  }
  double *beam = scratch + BEAM * n, *sky = scratch + SKY * n, *gnd = scratch + GND * n;
  double *cos_aoi = scratch + COS_AOI * n, *aoi = scratch + AOI * n;
  double *tilt = scratch + TILT * n, *az = scratch + AZ * n, *albedo = scratch + ALB * n;
  double *frac = scratch + FRAC * n, *rear = scratch + REAR * n;
  double *rear_eff = scratch + REAR_EFF * n;
  const struct pv_params *pv = &cfg->pv;
  assert(k->azimuth || !plant_needs_angles(site, cfg));

  /* A fixed rack without row shade or rear side under PVWatts v5 reads
   * only cos aoi, the beam and sky + ground: passes 3 and 4 in one loop,
   * the same operations as below, without the tilt, azimuth and albedo
   * arrays. */
  const int plain = pv->mount == PV_MOUNT_FIXED && !pv->self_shading && !pv->bifacial &&
                    pv->model == PV_MODEL_PVWATTS_V5;
  if (plain) {
    double ct = cos(deg2rad(pv->tilt_deg)), st = sin(deg2rad(pv->tilt_deg));
    double se = st * sin(deg2rad(pv->azimuth_deg)), sn = st * cos(deg2rad(pv->azimuth_deg));
    for (size_t i = 0; i < n; i++) {
      double c = k->cos_zen[i] * ct + k->sin_zen[i] * (k->sun_e[i] * se + k->sun_n[i] * sn);
      c = c > 1.0 ? 1.0 : c < -1.0 ? -1.0 : c;
      cos_aoi[i] = c;
      double alb = k->albedo            ? k->albedo[i]
                   : pv->albedo_by_month ? pv->albedo_month[r->month[i]]
                                         : pv->albedo;
      double g;
      if (!(k->zenith[i] < 90.0)) {
        beam[i] = 0.0;
        transpose_night(ct, k->dhi[i], k->ghi[i], alb, &sky[i], &g);
      } else {
        struct poa poa;
        transpose_pre(pv->sky, ct, st, c, k->zenith[i], k->cos_zen[i], k->dni[i], k->dhi[i],
                      k->ghi[i], k->dni_extra[i], k->am_rel[i], alb, &poa);
        beam[i] = poa.beam;
        sky[i] = poa.sky;
        g = poa.ground;
      }
      sky[i] += g;
    }
  } else {
    /* Pass 3: the surface's orientation and the beam's angle on it. */
    if (pv->mount == PV_MOUNT_SINGLE_AXIS) {
      tracking_single_axis_run(&pv->track, n, k->zenith, k->azimuth, NULL, tilt, az, cos_aoi);
    } else if (pv->mount == PV_MOUNT_TWO_AXIS) {
      tracking_two_axis_run(n, k->zenith, k->azimuth, tilt, az, cos_aoi);
    } else {
      /* cos aoi = cos z cos t + sin z sin t cos(az_sun - az_plane), the last
       * factor from the sun's azimuth sine and cosine: no atan2 and cos. At
       * night (sun_e = sun_n = 0, sin z = 0) it is -cos t, which nothing
       * reads: the beam is 0. */
      double ct = cos(deg2rad(pv->tilt_deg)), st = sin(deg2rad(pv->tilt_deg));
      double se = st * sin(deg2rad(pv->azimuth_deg)), sn = st * cos(deg2rad(pv->azimuth_deg));
      for (size_t i = 0; i < n; i++) {
        tilt[i] = pv->tilt_deg;
        az[i] = pv->azimuth_deg;
        double c = k->cos_zen[i] * ct + k->sin_zen[i] * (k->sun_e[i] * se + k->sun_n[i] * sn);
        cos_aoi[i] = c > 1.0 ? 1.0 : c < -1.0 ? -1.0 : c;
      }
    }
    /* The angle itself: only PVWatts v8's cover model reads it. */
    if (pv->model == PV_MODEL_PVWATTS_V8)
      for (size_t i = 0; i < n; i++)
        aoi[i] = rad2deg(acos(cos_aoi[i] > 1.0 ? 1.0 : cos_aoi[i] < -1.0 ? -1.0 : cos_aoi[i]));

    /* Pass 4: plane-of-array irradiance, then the rows' shade on it. */
    double last_tilt = NAN, ct = 1.0, st = 0.0;
    for (size_t i = 0; i < n; i++) {
      struct poa poa;
      albedo[i] = k->albedo            ? k->albedo[i]
                  : pv->albedo_by_month ? pv->albedo_month[r->month[i]]
                                        : pv->albedo;
      if (tilt[i] != last_tilt) { /* once for fixed racks */
        last_tilt = tilt[i];
        ct = cos(deg2rad(tilt[i]));
        st = sin(deg2rad(tilt[i]));
      }
      if (!(k->zenith[i] < 90.0)) { /* transpose_pre's night, inline */
        beam[i] = 0.0;
        transpose_night(ct, k->dhi[i], k->ghi[i], albedo[i], &sky[i], &gnd[i]);
        continue;
      }
      transpose_pre(pv->sky, ct, st, cos_aoi[i], k->zenith[i], k->cos_zen[i], k->dni[i], k->dhi[i],
                    k->ghi[i], k->dni_extra[i], k->am_rel[i], albedo[i], &poa);
      beam[i] = poa.beam;
      sky[i] = poa.sky;
      gnd[i] = poa.ground;
    }
    if (pv->self_shading && pv->mount != PV_MOUNT_TWO_AXIS) {
      /* As PVWatts v8: beam shade from the row geometry for fixed racks and
       * trackers that do not backtrack (backtracking avoids it), and the rows'
       * reduced view of the sky and the ground for all. */
      const double *beam_frac = NULL;
      if (pv->mount == PV_MOUNT_FIXED) {
        shading_fixed_beam_run(pv->tilt_deg, pv->azimuth_deg, pv->gcr, n, k->zenith, k->azimuth,
                               frac);
        beam_frac = frac;
      } else if (!pv->track.backtrack) {
        shading_tracker_beam_run(&pv->track, n, k->zenith, k->azimuth, cos_aoi, frac);
        beam_frac = frac;
      }
      struct shading_params sp = { .gcr = pv->gcr,
                                   .n_rows = shading_pvwatts8_rows(pv->p_dc0_kw),
                                   .ground = pv->model == PV_MODEL_PVWATTS_V8
                                               ? SHADING_GROUND_PVWATTS8
                                               : SHADING_GROUND_NORMALISED };
      shading_run(&sp, n, tilt, beam_frac, k->zenith, k->dni, k->dhi, beam, sky, gnd, beam, sky,
                  gnd);
    }
    if (pv->bifacial) {
      struct bifacial_params bp = { .gcr = pv->gcr, .albedo = pv->albedo,
                                    .bifaciality = pv->bifaciality,
                                    .rear_loss_frac = pv->rear_loss_frac };
      for (size_t i = 0; i < n; i++)
        r->s.poa_wm2[i] = beam[i] + sky[i] + gnd[i];
      bifacial_run(&bp, n, tilt, az, k->zenith, k->azimuth, k->dni, k->dhi, albedo, r->s.poa_wm2,
                   rear, rear_eff, frac);
    }
  }

  /* Pass 5: the plant. */
  struct pv_balance bal;
  double life_f[2], life_sum[2];
  const double *scaled = NULL;
  lifetime_factors(site, cfg, life_f);
  if (pv->model == PV_MODEL_PVWATTS_V8) {
    pv8_run(pv, site->elevation_m, n, beam, sky, gnd, aoi, tilt, k->zenith, k->temp, k->wind,
            r->month, pv->bifacial ? rear_eff : NULL, r->s.poa_wm2, r->s.t_cell_c, r->s.dc_kw,
            r->s.ac_kw, r->s.clip_kw, &bal);
  } else {
    if (!plain)
      for (size_t i = 0; i < n; i++)
        sky[i] += gnd[i];
    /* With the lifetime's two inverter passes in the same loop. */
    const int n_f = life_f[1] < 1.0 ? 2 : 0;
    pv_run_scaled(pv, n, beam, sky, cos_aoi, k->temp, k->wind, r->month,
                  pv->bifacial ? rear_eff : NULL, r->s.poa_wm2, r->s.t_cell_c, r->s.dc_kw,
                  r->s.ac_kw, r->s.clip_kw, n_f, life_f, life_sum, &bal);
    scaled = n_f ? life_sum : NULL;
  }
  free(scratch);

  /* Pass 6: annual and monthly figures. */
  double total = agg_monthly_mwh(n, r->month, r->s.ac_kw, p->interval_s, r->monthly_mwh);
  agg_average_day_mw(n, r->month, r->hour, r->s.ac_kw, r->avgday_mw);
  double poa = 0.0;
  for (size_t i = 0; i < n; i++)
    poa += r->s.poa_wm2[i];
  finish_pv(site, cfg, r, &bal, total, poa, scaled);
  return 0;
}

void sim_free(struct sim_result *r)
{
  if (!r)
    return;
  for (int i = 0; i < r->n_plants; i++)
    series_free(&r->plants[i]);
  free(r->plants);
  free(r->axis_owned);
  free(r);
}

enum emis_tech sim_plant_tech(const struct plant_cfg *cfg)
{
  return cfg->type == PLANT_BIOMASS ? EMIS_TECH_OTHER : EMIS_TECH_WIND_SOLAR;
}

static void add_emissions(struct emissions *sum, const struct emissions *e)
{
  sum->coal_tce += e->coal_tce;
  sum->co2_t += e->co2_t;
  sum->so2_t += e->so2_t;
  sum->nox_t += e->nox_t;
  sum->dust_t += e->dust_t;
}

/* Interannual variability of a PV or wind plant from the complete calendar
 * years of its profile (a multi-year record); -1 when it has fewer than
 * two. */
static void measure_iav(struct plant_result *pr)
{
  pr->iav_measured = -1.0;
  pr->calendar_years = 0;
  int interval_s = pr->profile ? pr->profile->interval_s
                   : pr->wind.profile ? pr->wind.profile->interval_s : 0;
  if (pr->cfg->type == PLANT_BIOMASS || pr->n == 0 || !pr->t_utc || interval_s <= 0 ||
      pr->years < 1.5)
    return;
  int found = agg_calendar_year_mwh(pr->n, pr->t_utc, pr->utc_offset_h, interval_s, pr->s.ac_kw,
                                    SIM_CALENDAR_YEARS_MAX, pr->calendar_year_mwh);
  pr->calendar_years = found < SIM_CALENDAR_YEARS_MAX ? found : SIM_CALENDAR_YEARS_MAX;
  pr->iav_measured = unc_iav_from_years(pr->calendar_year_mwh, pr->calendar_years);
}

/* P-levels. Interannual variability: the site file's, else measured on each
 * plant's multi-year profile, else a default by technology; the plants'
 * values are weighted by energy (plants at one site share their weather,
 * so their variations are taken as fully correlated). The other
 * uncertainties: the site file's, else defaults by technology. */
static int uncertainty(const struct site *site, struct sim_result *r)
{
  struct sim_uncertainty *u = &r->unc;
  double iav = 0.0, other = 0.0;
  u->iav_plants_measured = 0;
  u->data_source = SIM_SOURCE_NONE;
  u->data_source_given = site->unc_source_given;
  for (int i = 0; i < r->n_plants; i++) {
    struct plant_result *pr = &r->plants[i];
    enum plant_type t = site->plants[i].type;
    double share = r->annual_mwh > 0 ? pr->annual_mwh / r->annual_mwh : 0.0;
    measure_iav(pr);
    enum unc_source src = UNC_SOURCE_NOT_STATED;
    if (t == PLANT_PV) {
      src = site->unc_source_given ? (enum unc_source)site->unc_source
            : pr->profile       ? unc_source_of_format(pr->profile->format, pr->profile->synthetic)
                                : UNC_SOURCE_NOT_STATED;
      u->data_source = u->data_source == SIM_SOURCE_NONE || u->data_source == (int)src
                       ? (int)src : SIM_SOURCE_MIXED;
    }
    double plant_iav = t == PLANT_WIND      ? SIM_SIGMA_IAV_WIND
                       : t == PLANT_BIOMASS ? SIM_SIGMA_IAV_BIOMASS
                                            : SIM_SIGMA_IAV_PV;
    if (pr->iav_measured >= 0) {
      plant_iav = pr->iav_measured;
      u->iav_plants_measured++;
    }
    iav += share * plant_iav;
    other += share * (t == PLANT_WIND      ? SIM_SIGMA_OTHER_WIND
                      : t == PLANT_BIOMASS ? SIM_SIGMA_OTHER_BIOMASS
                                           : unc_pv_other_default(src));
  }
  u->sigma_iav = site->unc_iav_given ? site->unc_iav : iav;
  u->n_other = site->unc_other_given ? site->unc_n_other : 1;
  if (site->unc_other_given)
    memcpy(u->other, site->unc_other, (size_t)u->n_other * sizeof u->other[0]);
  else
    u->other[0] = other;
  u->sigma_other = unc_sigma_combined(0.0, u->other, u->n_other, 1);
  u->sigma_total = unc_sigma_combined(u->sigma_iav, u->other, u->n_other, 1);
  u->p50_mwh = r->annual_mwh;
  u->p75_mwh = unc_p_level(r->annual_mwh, u->sigma_total, 75);
  u->p90_mwh = unc_p_level(r->annual_mwh, u->sigma_total, 90);
  u->p99_mwh = unc_p_level(r->annual_mwh, u->sigma_total, 99);
  u->years = site->unc_years > 0 ? site->unc_years : 10;
  u->sigma_years = unc_sigma_combined(u->sigma_iav, u->other, u->n_other, u->years);
  u->p75_years_mwh = unc_p_level(r->annual_mwh, u->sigma_years, 75);
  u->p90_years_mwh = unc_p_level(r->annual_mwh, u->sigma_years, 90);
  u->p99_years_mwh = unc_p_level(r->annual_mwh, u->sigma_years, 99);
  const double levels_mwh[7] = { u->p50_mwh, u->p75_mwh, u->p90_mwh, u->p99_mwh,
                                 u->p75_years_mwh, u->p90_years_mwh, u->p99_years_mwh };
  for (int k = 0; k < 7; k++) {
    double share = r->annual_mwh > 0 ? levels_mwh[k] / r->annual_mwh : 0.0;
    u->coal_tce[k] = share * r->annual.coal_tce;
    u->co2_t[k] = share * r->annual.co2_t;
  }
  char iav_from[96];
  if (site->unc_iav_given)
    snprintf(iav_from, sizeof iav_from, "site file");
  else if (u->iav_plants_measured > 0)
    snprintf(iav_from, sizeof iav_from, "measured on the multi-year profile of %d of %d plants",
             u->iav_plants_measured, r->n_plants);
  else
    snprintf(iav_from, sizeof iav_from, "default");
  int defaults = !site->unc_iav_given || !site->unc_other_given;
  snprintf(u->source, sizeof u->source,
           "normal approximation: Pp = P50 (1 - z_p sigma), sigma = sqrt(other^2 + "
           "interannual^2 / N); interannual %.1f %% (%s), other %.1f %% (%s)%s",
           100 * u->sigma_iav, iav_from, 100 * u->sigma_other,
           site->unc_other_given ? "site file" : "default",
           defaults ? "; defaults: PV interannual 4 %, Thevenard and Pelland, Solar Energy 91, "
                      "2013, other by data source (docs/uncertainty-lcoe.md); wind 10 and 8 %, "
                      "EWEA practice; biomass 0 and 5 %"
                    : "");
  u->mc_samples = site->unc_mc_samples;
  u->mc_seed = site->unc_seed;
  if (u->mc_samples > 0) {
    double *work = malloc((size_t)u->mc_samples * sizeof *work);
    static const double levels[4] = { 50, 75, 90, 99 };
    struct unc_mc mc = { u->mc_samples, u->mc_seed };
    if (!work)
      return -1;
    int rc = unc_monte_carlo(r->annual_mwh, u->sigma_iav, u->other, u->n_other, 1, &mc, levels,
                             4, u->mc_mwh, u->mc_std_err_mwh, work);
    free(work);
    if (rc != 0)
      return -1;
  }
  return 0;
}

/* Levelised cost of every plant whose economics the site file gives, from
 * its energy by operating year (after degradation and curtailment). */
static void levelised_costs(const struct site *site, struct sim_result *r)
{
  for (int i = 0; i < r->n_plants; i++) {
    struct plant_result *pr = &r->plants[i];
    const struct economics_cfg *e = &pr->cfg->econ;
    snprintf(pr->currency, sizeof pr->currency, "%s", e->currency);
    if (!e->given || site->lifetime_years < 1)
      continue;
    double fuel = pr->cfg->type == PLANT_BIOMASS ? pr->bio.fuel_used_t * e->fuel_cost_per_t : 0.0;
    struct lcoe_inputs in = { e->capex, e->fixed_om_per_year, e->variable_om_per_mwh, fuel,
                              e->discount_rate, site->lifetime_years, pr->lifetime_per_year_mwh };
    struct lcoe_result out;
    lcoe_compute(&in, &out);
    pr->has_lcoe = isfinite(out.lcoe_per_mwh);
    pr->lcoe_pv_costs = out.pv_costs;
    pr->lcoe_pv_energy_mwh = out.pv_energy_mwh;
    pr->lcoe_per_mwh = pr->has_lcoe ? out.lcoe_per_mwh : 0.0;
  }
}

/* Biomass plants, then the shared grid connection (sim_hybrid.c). */
static int hybrid(const struct site *site, struct sim_result *r, struct diag *d)
{
  int has_bio = 0;
  for (int i = 0; i < r->n_plants; i++)
    has_bio |= site->plants[i].type == PLANT_BIOMASS;
  if (!has_bio && site->export_limit_mw <= 0)
    return 0;
  struct sim_axis ax;
  if (sim_site_axis(site, r, &ax) != 0) {
    diag_msg(d, "out of memory");
    return -1;
  }
  double *room = NULL;
  int rc = 0;
  if (has_bio && site->export_limit_mw > 0) {
    /* The export room PV and wind leave, for "fill" dispatch. */
    room = malloc(ax.n * sizeof *room);
    if (!room) {
      diag_msg(d, "out of memory");
      rc = -1;
    }
    for (size_t t = 0; room && t < ax.n; t++) {
      double used = 0.0;
      for (int i = 0; i < r->n_plants; i++)
        if (site->plants[i].type != PLANT_BIOMASS && r->plants[i].n == ax.n)
          used += r->plants[i].s.ac_kw[t] / 1000.0;
      room[t] = site->export_limit_mw > used ? site->export_limit_mw - used : 0.0;
    }
  }
  for (int i = 0; i < r->n_plants && rc == 0; i++)
    if (site->plants[i].type == PLANT_BIOMASS)
      rc = sim_biomass_plant(site, &site->plants[i], &ax, room, &r->plants[i], d);
  if (rc == 0)
    rc = sim_grid_curtail(site, r, &ax, d);
  free(room);
  r->axis_owned = ax.owned; /* the biomass plants' series refer to it */
  return rc;
}

int sim_check_spans(const struct site *site, const struct profile *const *profiles,
                    const struct wind_profile *const *wind_profiles, struct diag *d)
{
  int bad = 0;
  for (int i = 0; i < site->n_plants; i++) {
    const struct plant_cfg *c = &site->plants[i];
    const struct profile *p = c->type == PLANT_PV && profiles ? profiles[i] : NULL;
    const struct wind_profile *w = c->type == PLANT_WIND && wind_profiles ? wind_profiles[i]
                                                                          : NULL;
    /* Plants on one profile share its message. */
    int seen = 0;
    for (int j = 0; j < i && !seen; j++)
      seen = !site->plants[j].annualise && site->plants[j].type == c->type &&
             ((p && profiles[j] == p) || (w && wind_profiles[j] == w));
    if (seen)
      continue;
    if (p)
      bad |= profile_span_check(p->path, p->n, p->interval_s, c->annualise, d) != 0;
    else if (w)
      bad |= profile_span_check(w->path, w->n, w->interval_s, c->annualise, d) != 0;
  }
  return bad ? -1 : 0;
}

struct sim_result *sim_run(const struct site *site, const struct profile *const *profiles,
                           const struct wind_profile *const *wind_profiles, struct diag *d)
{
  if (sim_check_spans(site, profiles, wind_profiles, d) != 0)
    return NULL;
  struct sim_result *r = calloc(1, sizeof *r);
  struct sky **skies = calloc((size_t)site->n_plants, sizeof *skies);
  if (!r || !skies || !(r->plants = calloc((size_t)site->n_plants, sizeof *r->plants))) {
    diag_msg(d, "out of memory");
    free(skies);
    sim_free(r);
    return NULL;
  }
  r->site = site;
  r->n_plants = site->n_plants;
  int ok = 1;
  for (int i = 0; i < site->n_plants && ok; i++) {
    if (site->plants[i].type == PLANT_BIOMASS)
      continue; /* after the others: "fill" needs their output */
    if (site->plants[i].type == PLANT_WIND) {
      const struct wind_profile *wp = wind_profiles ? wind_profiles[i] : NULL;
      ok = (wp || site->plants[i].wind.has_distribution) &&
           sim_wind_plant(site, &site->plants[i], wp, &r->plants[i], d) == 0;
      if (ok || diag_count(d))
        continue;
      diag_msg(d, "plant '%s': no wind profile", site->plants[i].name);
      continue;
    }
    /* Plants on the same profile share its sun and sky. */
    struct sky *k = NULL;
    for (int j = 0; j < i; j++)
      if (skies[j] && skies[j]->p == profiles[i])
        k = skies[j];
    if (!k) {
      int angles = 0;
      for (int j = i; j < site->n_plants; j++)
        if (site->plants[j].type == PLANT_PV && profiles[j] == profiles[i])
          angles |= plant_needs_angles(site, &site->plants[j]);
      k = skies[i] = sky_build(site, profiles[i], angles, d);
    }
    ok = k && run_plant(site, &site->plants[i], k, &r->plants[i], d) == 0;
  }
  for (int i = 0; i < site->n_plants && ok; i++) {
    const struct plant_cfg *c = &site->plants[i];
    const struct profile *p = c->type == PLANT_PV ? profiles[i] : NULL;
    const struct wind_profile *w = c->type == PLANT_WIND && wind_profiles ? wind_profiles[i]
                                                                          : NULL;
    if (p)
      r->plants[i].annualised_days = profile_span_annualised_days(p->n, p->interval_s,
                                                                  c->annualise);
    else if (w)
      r->plants[i].annualised_days = profile_span_annualised_days(w->n, w->interval_s,
                                                                  c->annualise);
  }
  for (int i = 0; i < site->n_plants; i++)
    sky_free(skies[i]);
  free(skies);
  if (!ok || hybrid(site, r, d) != 0) {
    sim_free(r);
    return NULL;
  }

  /* Totals are sums over the plants: with the combined margin each plant's
   * CO2 factor depends on its technology, and a trajectory on the year. */
  double project_co2e_t = 0.0;
  for (int i = 0; i < r->n_plants; i++) {
    const struct plant_result *pr = &r->plants[i];
    enum emis_tech tech = sim_plant_tech(pr->cfg);
    project_co2e_t += pr->bio.project_co2e_t;
    r->curtailed_mwh += pr->curtailed_mwh;
    r->annual_mwh += pr->annual_mwh;
    add_emissions(&r->annual, &pr->annual);
    pv_balance_add(&r->balance_mwh, &pr->balance_mwh);
    r->lifetime_mwh += pr->lifetime_mwh;
    for (int y = 0; y < site->lifetime_years; y++) {
      struct emissions e;
      emissions_for_year(&site->factors, tech, pr->lifetime_per_year_mwh[y], y + 1, &e);
      e.co2_t -= pr->bio.project_co2e_t;
      r->lifetime_per_year_mwh[y] += pr->lifetime_per_year_mwh[y];
      add_emissions(&r->lifetime_per_year[y], &e);
      add_emissions(&r->lifetime, &e);
    }
  }
  (void)project_co2e_t;

  levelised_costs(site, r);
  if (uncertainty(site, r) != 0) {
    diag_msg(d, "out of memory");
    sim_free(r);
    return NULL;
  }
  return r;
}
