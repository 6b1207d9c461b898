/* Biomass plants and the shared grid connection of a hybrid site: biomass
 * runs on the time axis of the site's other plants (or a nominal year),
 * "fill" dispatch takes the room PV and wind leave below the export limit,
 * and the limit then curtails every plant by the site's rule. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "biomass.h"
#include "calendar.h"
#include "diag.h"
#include "grid.h"
#include "profile.h"
#include "sim.h"
#include "units.h"
#include "wind_profile.h"

/* Global warming potentials over 100 years (IPCC AR5, 2013): CH4 28,
 * N2O 265. Biogenic CO2 of solid biomass 112,000 kg/TJ (IPCC 2006 GL
 * Vol. 2 Table 2.2, wood), reported as a memo item only. */
#define SIM_GWP_CH4 28.0
#define SIM_GWP_N2O 265.0
#define SIM_BIOGENIC_KG_PER_TJ 112000.0

/* The time axis of a plant with a series, or NULL. */
static const int64_t *axis_of(const struct plant_result *r, int *interval_s, double *offset_h)
{
  if (r->profile) {
    *interval_s = r->profile->interval_s;
    *offset_h = r->profile->utc_offset_h;
    return r->profile->t_utc;
  }
  if (r->wind.profile) {
    *interval_s = r->wind.profile->interval_s;
    *offset_h = r->wind.profile->utc_offset_h;
    return r->wind.profile->t_utc;
  }
  return NULL;
}

int sim_site_axis(const struct site *site, const struct sim_result *r, struct sim_axis *ax)
{
  for (int i = 0; i < r->n_plants; i++) {
    const int64_t *t = axis_of(&r->plants[i], &ax->interval_s, &ax->utc_offset_h);
    if (t && r->plants[i].n > 0) {
      ax->n = r->plants[i].n;
      ax->t_utc = t;
      ax->owned = NULL;
      return 0;
    }
  }
  /* No plant with a series: a nominal hourly year, 2023, local standard
   * time of the site's longitude. */
  ax->n = 8760;
  ax->interval_s = 3600;
  ax->utc_offset_h = round(site->longitude / 15.0);
  ax->owned = malloc(ax->n * sizeof(int64_t));
  if (!ax->owned)
    return -1;
  int64_t t0 = calendar_days_from_civil(2023, 1, 1) * 86400 -
               (int64_t)llround(ax->utc_offset_h * 3600.0);
  for (size_t i = 0; i < ax->n; i++)
    ax->owned[i] = t0 + (int64_t)i * 3600;
  ax->t_utc = ax->owned;
  return 0;
}

/* Annual, monthly and derived figures of a plant from its AC series. */
static void figures_from_series(const struct site *site, struct plant_result *r, int interval_s)
{
  const struct plant_cfg *cfg = r->cfg;
  double total = agg_monthly_mwh(r->n, r->month, r->s.ac_kw, interval_s, r->monthly_mwh);
  for (int m = 0; m < 12; m++)
    r->monthly_mwh[m] /= r->years;
  r->annual_mwh = total / r->years;
  agg_average_day_mw(r->n, r->month, r->hour, r->s.ac_kw, r->avgday_mw);
  r->capacity_factor = r->annual_mwh / (cfg->capacity_mw_ac * 8760.0);
  r->capacity_factor_dc = r->annual_mwh / (cfg->capacity_mw_dc * 8760.0);
  /* per kW of DC nameplate for PV (kWh/kWp), of capacity for the others */
  r->specific_yield_kwh_per_kw = r->annual_mwh / cfg->capacity_mw_dc;
  if (cfg->type == PLANT_PV && r->poa_kwh_m2 > 0)
    r->performance_ratio = r->specific_yield_kwh_per_kw / r->poa_kwh_m2;
  emissions_for_year(&site->factors, sim_plant_tech(cfg), r->annual_mwh, 1, &r->annual);
}

int sim_biomass_plant(const struct site *site, const struct plant_cfg *cfg,
                      const struct sim_axis *ax, const double *room_mw, struct plant_result *r,
                      struct diag *d)
{
  size_t n = ax->n;
  double h = ax->interval_s / UNITS_S_PER_H;
  r->cfg = cfg;
  r->n = n;
  r->t_utc = ax->t_utc;
  r->utc_offset_h = ax->utc_offset_h;
  r->s.ac_kw = malloc(n * sizeof(double));
  r->s.clip_kw = calloc(n, sizeof(double));
  r->month = malloc(n);
  r->hour = malloc(n);
  double *fuel = malloc(n * sizeof(double));
  if (!r->s.ac_kw || !r->s.clip_kw || !r->month || !r->hour || !fuel) {
    free(fuel);
    diag_msg(d, "out of memory for plant '%s'", cfg->name);
    return -1;
  }
  agg_local_calendar(n, ax->t_utc, ax->utc_offset_h, r->month, r->hour);
  r->years = (double)n * ax->interval_s / UNITS_S_PER_DAY;
  r->years = fabs(r->years - 365.0) < 1e-9 || fabs(r->years - 366.0) < 1e-9 ? 1.0
                                                                          : r->years / 365.25;
  struct biomass_result *b = &r->bio;

  /* What the plant could make and burn with fuel unlimited. */
  struct biomass_params unlimited = cfg->bio;
  unlimited.n_feed = 0;
  b->fuel_needed_gj =
    biomass_dispatch_run(&unlimited, n, h, r->month, r->hour, room_mw, r->s.ac_kw, fuel) /
    r->years;
  double used = biomass_dispatch_run(&cfg->bio, n, h, r->month, r->hour, room_mw, r->s.ac_kw,
                                     fuel);
  free(fuel);
  for (size_t i = 0; i < n; i++)
    r->s.ac_kw[i] *= 1000.0; /* MW to kW, as every plant's series */
  b->fuel_used_gj = used / r->years;
  b->fuel_supply_gj = 0.0;
  for (int f = 0; f < cfg->bio.n_feed; f++)
    b->fuel_supply_gj += biomass_feed_energy_gj(&cfg->bio.feed[f]);
  if (!cfg->bio_fuel_limited)
    b->fuel_supply_gj = b->fuel_used_gj; /* capacity-driven: bought as burnt */
  b->fuel_surplus_gj = b->fuel_supply_gj - b->fuel_used_gj;
  b->fuel_shortfall_gj = cfg->bio_fuel_limited && b->fuel_needed_gj > b->fuel_supply_gj
                           ? b->fuel_needed_gj - b->fuel_supply_gj
                           : 0.0;
  double supply_t = 0.0;
  for (int f = 0; f < cfg->bio.n_feed; f++)
    supply_t += cfg->bio.feed[f].tonnes_per_year;
  b->fuel_used_t = b->fuel_supply_gj > 0 ? supply_t * b->fuel_used_gj / b->fuel_supply_gj : 0.0;

  figures_from_series(site, r, ax->interval_s);
  b->full_load_hours = r->annual_mwh / cfg->bio.capacity_mw;
  b->parasitic_mwh = r->annual_mwh * cfg->bio.parasitic_frac / (1.0 - cfg->bio.parasitic_frac);
  b->project_co2e_t = biomass_project_emissions_t(&cfg->bio, b->fuel_used_gj, SIM_GWP_CH4,
                                                  SIM_GWP_N2O, cfg->bio_transport_kg_per_tkm,
                                                  SIM_BIOGENIC_KG_PER_TJ, &b->biogenic_co2_t);
  r->annual.co2_t -= b->project_co2e_t;
  r->lifetime_mwh = 0.0;
  for (int y = 0; y < site->lifetime_years; y++) {
    r->lifetime_per_year_mwh[y] = r->annual_mwh;
    r->lifetime_mwh += r->annual_mwh;
  }
  return 0;
}

/* Whether plant r lies on the axis ax (same rows, step and start). */
static int on_axis(const struct plant_result *r, const struct sim_axis *ax)
{
  int step;
  double off;
  const int64_t *t = axis_of(r, &step, &off);
  if (r->cfg->type == PLANT_BIOMASS)
    return 1;
  return t && r->n == ax->n && step == ax->interval_s && t[0] == ax->t_utc[0];
}

int sim_grid_curtail(const struct site *site, struct sim_result *r, const struct sim_axis *ax,
                     struct diag *d)
{
  if (site->export_limit_mw <= 0)
    return 0;
  for (int i = 0; i < r->n_plants; i++)
    if (!on_axis(&r->plants[i], ax)) {
      diag_msg(d, "grid.export_limit_mw: expected every plant's profile on one time axis (%zu "
                  "intervals of %d s), got plant '%s' on another",
               ax->n, ax->interval_s, r->plants[i].cfg->name);
      return -1;
    }
  int k = r->n_plants;
  const double **p = malloc((size_t)k * sizeof *p);
  double **curt = malloc((size_t)k * sizeof *curt);
  double *exported = malloc(ax->n * sizeof(double));
  int ok = p && curt && exported;
  for (int j = 0; ok && j < k; j++) {
    p[j] = r->plants[j].s.ac_kw;
    ok = (curt[j] = malloc(ax->n * sizeof(double))) != NULL;
    if (!ok)
      k = j;
  }
  if (!ok) {
    diag_msg(d, "out of memory");
  } else {
    grid_curtail(ax->n, r->n_plants, p, site->export_limit_mw * 1000.0, site->curtailment,
                 site->n_priority ? site->priority : NULL, curt, exported);
    double h = ax->interval_s / UNITS_S_PER_H;
    r->exported_max_mw = 0.0;
    for (size_t i = 0; i < ax->n; i++)
      if (exported[i] / 1000.0 > r->exported_max_mw)
        r->exported_max_mw = exported[i] / 1000.0;
    for (int j = 0; j < r->n_plants; j++) {
      struct plant_result *pr = &r->plants[j];
      double before = pr->annual_mwh, lost = 0.0;
      for (size_t i = 0; i < ax->n; i++) {
        lost += curt[j][i];
        pr->s.ac_kw[i] -= curt[j][i];
      }
      pr->before_curtailment_mwh = before;
      pr->curtailed_mwh = lost * h / 1000.0 / pr->years;
      double project = pr->cfg->type == PLANT_BIOMASS ? pr->bio.project_co2e_t : 0.0;
      figures_from_series(site, pr, ax->interval_s);
      pr->annual.co2_t -= project;
      /* Later years lose the same share of their output to the limit. */
      double keep = before > 0 ? pr->annual_mwh / before : 1.0;
      pr->lifetime_mwh *= keep;
      for (int y = 0; y < site->lifetime_years; y++)
        pr->lifetime_per_year_mwh[y] *= keep;
    }
  }
  for (int j = 0; j < k; j++)
    free(curt[j]);
  free(curt);
  free(p);
  free(exported);
  return ok ? 0 : -1;
}
