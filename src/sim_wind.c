/* The hourly chain of a wind plant: hub-height speed from the measured
 * heights, air density, the turbine's power curve with the chosen density
 * correction, wakes (Park table or a fixed loss), then the losses after
 * wakes; plus the Weibull fit of the hub-height speeds and the annual
 * energy it implies (integral and IEC bin method) for comparison. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "diag.h"
#include "sim.h"
#include "units.h"
#include "wake.h"
#include "wind.h"
#include "wind_profile.h"

/* Power-law exponent when a profile has one height and none is given:
 * the 1/7 law of neutral flat terrain. */
#define SIM_WIND_ALPHA_DEFAULT (1.0 / 7.0)

/* Park table resolution: 1 degree and 0.5 m/s (wake.h documents its
 * error against direct computation). */
#define SIM_WAKE_DIR_STEP 1.0
#define SIM_WAKE_V_STEP 0.5
#define SIM_WAKE_V_MAX 40.0

/* First index of the measured height nearest h_m that has column col
 * (0: speed, 1: direction, 2: temperature, 3: pressure), or -1. */
static int nearest_with(const struct wind_profile *p, double h_m, int col)
{
  int best = -1;
  for (int i = 0; i < p->nh; i++) {
    const double *a = col == 0   ? p->speed[i]
                      : col == 1 ? p->direction[i]
                      : col == 2 ? p->temp_c[i]
                                 : p->pressure_pa[i];
    if (a && (best < 0 || fabs(p->height_m[i] - h_m) < fabs(p->height_m[best] - h_m)))
      best = i;
  }
  return best;
}

/* Hub-height speed of every interval into v[n]; describes the method. */
static void hub_speeds(const struct wind_profile *p, const struct wind_cfg *w, double *v,
                       char *note, size_t note_n)
{
  double hub = w->hub_height_m;
  int k = nearest_with(p, hub, 0);
  /* The measured heights around the hub, for interpolation. */
  int lo = -1, hi = -1;
  for (int i = 0; i < p->nh; i++) {
    if (p->height_m[i] <= hub && (lo < 0 || p->height_m[i] > p->height_m[lo]))
      lo = i;
    if (p->height_m[i] >= hub && (hi < 0 || p->height_m[i] < p->height_m[hi]))
      hi = i;
  }
  if (fabs(p->height_m[k] - hub) < 0.01) {
    memcpy(v, p->speed[k], p->n * sizeof *v);
    snprintf(note, note_n, "measured at the hub height, %.0f m", hub);
    return;
  }
  if (w->shear == WIND_SHEAR_INTERPOLATE && lo >= 0 && hi >= 0 && lo != hi) {
    double h1 = p->height_m[lo], h2 = p->height_m[hi];
    for (size_t i = 0; i < p->n; i++) {
      double v1 = p->speed[lo][i], v2 = p->speed[hi][i];
      v[i] = v1 > 0 && v2 > 0 ? wind_shear_power(v1, h1, hub, wind_shear_alpha(v1, h1, v2, h2))
                              : v1 + (v2 - v1) * (hub - h1) / (h2 - h1);
    }
    snprintf(note, note_n, "power law between %.0f m and %.0f m, exponent fitted each hour", h1,
             h2);
    return;
  }
  double hk = p->height_m[k];
  if (w->shear == WIND_SHEAR_LOG) {
    for (size_t i = 0; i < p->n; i++)
      v[i] = wind_shear_log(p->speed[k][i], hk, hub, w->roughness_m);
    snprintf(note, note_n, "log law from %.0f m, roughness length %g m", hk, w->roughness_m);
    return;
  }
  if (w->shear_exponent >= 0 || p->nh < 2) {
    double a = w->shear_exponent >= 0 ? w->shear_exponent : SIM_WIND_ALPHA_DEFAULT;
    for (size_t i = 0; i < p->n; i++)
      v[i] = wind_shear_power(p->speed[k][i], hk, hub, a);
    snprintf(note, note_n, "power law from %.0f m, exponent %.3f", hk, a);
    return;
  }
  /* Exponent fitted each hour from the two heights nearest the hub. */
  int k2 = -1;
  for (int i = 0; i < p->nh; i++)
    if (i != k && (k2 < 0 || fabs(p->height_m[i] - hub) < fabs(p->height_m[k2] - hub)))
      k2 = i;
  double h2 = p->height_m[k2];
  for (size_t i = 0; i < p->n; i++) {
    double v1 = p->speed[k][i], v2 = p->speed[k2][i];
    double a = v1 > 0 && v2 > 0 ? wind_shear_alpha(v1, hk, v2, h2) : SIM_WIND_ALPHA_DEFAULT;
    v[i] = wind_shear_power(v1, hk, hub, a);
  }
  snprintf(note, note_n, "power law from %.0f m, exponent fitted each hour with %.0f m", hk, h2);
}

static const char *density_name(enum turbine_density m)
{
  return m == TURBINE_DENSITY_OFF   ? "off (the curve as published, 1.225 kg/m3)"
         : m == TURBINE_DENSITY_IEC ? "IEC 61400-12-1: speed x (rho/1.225)^(1/3)"
                                    : "power x rho/1.225 (as SAM)";
}

/* Figures every wind plant reports, from its annual energy. */
static void wind_totals(const struct site *site, const struct plant_cfg *cfg,
                        struct plant_result *r)
{
  r->capacity_factor = r->capacity_factor_dc = r->annual_mwh / (cfg->capacity_mw_ac * 8760.0);
  r->specific_yield_kwh_per_kw = r->annual_mwh / cfg->capacity_mw_ac;
  emissions_for_year(&site->factors, EMIS_TECH_WIND_SOLAR, r->annual_mwh, 1, &r->annual);
  r->lifetime_mwh = 0.0;
  for (int y = 1; y <= site->lifetime_years; y++) {
    double e = r->annual_mwh *
               agg_degradation_factor(cfg->degradation_per_year, y, cfg->degradation_linear);
    r->lifetime_per_year_mwh[y - 1] = e;
    r->lifetime_mwh += e;
  }
}

/* A plant on a Weibull distribution instead of a series: the scale is
 * carried to the hub height by the power law (the shape kept, the usual
 * approximation), the energy integrated over the distribution at the
 * standard air density of the site, then fixed wakes and losses; months by
 * their share of the year's days. */
static int wind_distribution(const struct site *site, const struct plant_cfg *cfg,
                             struct plant_result *r)
{
  const struct wind_cfg *w = &cfg->wind;
  struct wind_result *wr = &r->wind;
  double alpha = w->shear_exponent >= 0 ? w->shear_exponent : SIM_WIND_ALPHA_DEFAULT;
  double c_hub = wind_shear_power(w->dist_c, w->dist_height_m, w->hub_height_m, alpha);
  double z = site->elevation_m + w->hub_height_m;
  double rho = wind_air_density(wind_temperature_at_elevation(z), wind_pressure_at_elevation(z));
  r->years = 1.0;
  wr->weibull_k = w->dist_k;
  wr->weibull_c = c_hub;
  wr->mean_hub_speed_ms = c_hub * tgamma(1.0 + 1.0 / w->dist_k);
  wr->mean_density = rho;
  wr->gross_mwh = wr->aep_weibull_mwh =
    w->count * wind_aep_weibull(&w->turbine, w->dist_k, c_hub, rho, w->density, 8760.0);
  wr->aep_iec_mwh = w->count * wind_aep_iec_rayleigh(&w->turbine, wr->mean_hub_speed_ms, rho,
                                                     w->density, 8760.0);
  wr->wake_loss_frac = w->wake == WIND_WAKE_FIXED ? w->wake_loss_frac : 0.0;
  wr->wake_mwh = wr->gross_mwh * wr->wake_loss_frac;
  double left = wr->gross_mwh - wr->wake_mwh;
  for (int l = 0; l < WIND_LOSS_COUNT; l++) {
    wr->loss_mwh[l] = left * w->loss_frac[l];
    left -= wr->loss_mwh[l];
  }
  r->annual_mwh = left;
  static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  for (int m = 0; m < 12; m++)
    r->monthly_mwh[m] = left * days[m] / 365.0;
  snprintf(wr->height_note, sizeof wr->height_note,
           "Weibull k %.3f, c %.3f m/s at %.0f m, carried to the hub by the power law, exponent "
           "%.3f", w->dist_k, w->dist_c, w->dist_height_m, alpha);
  snprintf(wr->density_note, sizeof wr->density_note,
           "%s; air density %.3f kg/m3 (standard atmosphere at the site elevation)",
           density_name(w->density), rho);
  wind_totals(site, cfg, r);
  return 0;
}

int sim_wind_plant(const struct site *site, const struct plant_cfg *cfg,
                   const struct wind_profile *p, struct plant_result *r, struct diag *d)
{
  if (cfg->wind.has_distribution) {
    r->cfg = cfg;
    r->profile = NULL;
    r->wind.profile = NULL;
    r->n = 0;
    return wind_distribution(site, cfg, r);
  }
  const struct wind_cfg *w = &cfg->wind;
  struct wind_result *wr = &r->wind;
  size_t n = p->n;
  r->cfg = cfg;
  r->profile = NULL;
  wr->profile = p;
  r->n = n;
  r->t_utc = p->t_utc;
  r->utc_offset_h = p->utc_offset_h;
  r->s.ac_kw = malloc(n * sizeof(double));
  r->s.clip_kw = calloc(n, sizeof(double));
  r->month = malloc(n);
  r->hour = malloc(n);
  wr->hub_speed_ms = malloc(n * sizeof(double));
  wr->gross_kw = malloc(n * sizeof(double));
  int kd = nearest_with(p, w->hub_height_m, 1);
  wr->direction_deg = kd >= 0 ? malloc(n * sizeof(double)) : NULL;
  double *table = NULL;
  size_t tsize = 0;
  if (w->wake == WIND_WAKE_PARK && w->count > 1) {
    tsize = wake_table_size(SIM_WAKE_DIR_STEP, SIM_WAKE_V_STEP, SIM_WAKE_V_MAX);
    table = malloc(tsize * sizeof(double));
  }
  if (!r->s.ac_kw || !r->s.clip_kw || !r->month || !r->hour || !wr->hub_speed_ms ||
      !wr->gross_kw || (kd >= 0 && !wr->direction_deg) || (tsize && !table)) {
    free(table);
    diag_msg(d, "out of memory for plant '%s'", cfg->name);
    return -1;
  }
  if (w->wake == WIND_WAKE_PARK && w->count > 1 && kd < 0) {
    free(table);
    diag_at(d, p->path, 0, "direction: expected a wind direction column for wake_model = \"park\" "
            "(plant '%s'), got none", cfg->name);
    return -1;
  }
  if (table) {
    struct wake_farm farm;
    farm.n = w->n_coords;
    for (int k = 0; k < w->n_coords; k++) {
      farm.x_m[k] = w->x_m[k];
      farm.y_m[k] = w->y_m[k];
    }
    if (!w->n_coords &&
        wake_farm_grid(&farm, w->rows, w->cols, w->row_spacing_d, w->col_spacing_d,
                       w->orientation_deg, w->turbine.rotor_diameter_m) != 0) {
      free(table);
      diag_msg(d, "plant '%s': layout larger than %d turbines", cfg->name, WAKE_TURBINES_MAX);
      return -1;
    }
    wake_table_build(&farm, &w->turbine, w->wake_decay, SIM_WAKE_DIR_STEP, SIM_WAKE_V_STEP,
                     SIM_WAKE_V_MAX, table);
  }
  if (wr->direction_deg)
    memcpy(wr->direction_deg, p->direction[kd], n * sizeof(double));
  hub_speeds(p, w, wr->hub_speed_ms, wr->height_note, sizeof wr->height_note);

  /* Air density at the hub: measured temperature and pressure of the
   * nearest height that has them, else the standard atmosphere at the
   * site's elevation plus the hub height. */
  int kt = nearest_with(p, w->hub_height_m, 2), kp = nearest_with(p, w->hub_height_m, 3);
  double z = site->elevation_m + w->hub_height_m;
  double t_std = wind_temperature_at_elevation(z), p_std = wind_pressure_at_elevation(z);

  agg_local_calendar(n, p->t_utc, p->utc_offset_h, r->month, r->hour);
  double keep = 1.0;
  for (int l = 0; l < WIND_LOSS_COUNT; l++)
    keep *= 1.0 - w->loss_frac[l];
  double h = p->interval_s / UNITS_S_PER_H;
  double gross = 0, waked = 0, rho_sum = 0, v_sum = 0;
  for (size_t i = 0; i < n; i++) {
    double v = wr->hub_speed_ms[i];
    double tc = kt >= 0 ? p->temp_c[kt][i] : t_std;
    double pa = kp >= 0 ? p->pressure_pa[kp][i] : p_std;
    double rho = wind_air_density(tc, pa);
    double each = turbine_power_kw(&w->turbine, v, rho, w->density);
    double farm = each * w->count;
    wr->gross_kw[i] = farm;
    double eff = 1.0;
    if (table) {
      double v_eq = w->density == TURBINE_DENSITY_IEC ? v * cbrt(rho / TURBINE_RHO0) : v;
      eff = wake_table_efficiency(table, SIM_WAKE_DIR_STEP, SIM_WAKE_V_STEP, SIM_WAKE_V_MAX,
                                  wr->direction_deg[i], v_eq);
    } else if (w->wake == WIND_WAKE_FIXED) {
      eff = 1.0 - w->wake_loss_frac;
    }
    double after_wake = farm * eff;
    r->s.ac_kw[i] = after_wake * keep;
    gross += farm;
    waked += after_wake;
    rho_sum += rho;
    v_sum += v;
  }
  free(table);

  r->years = (double)n * p->interval_s / UNITS_S_PER_DAY;
  r->years = fabs(r->years - 365.0) < 1e-9 || fabs(r->years - 366.0) < 1e-9 ? 1.0
                                                                          : r->years / 365.25;
  double to_mwh = h / 1000.0 / r->years;
  wr->gross_mwh = gross * to_mwh;
  wr->wake_mwh = (gross - waked) * to_mwh;
  wr->wake_loss_frac = gross > 0 ? (gross - waked) / gross : 0.0;
  double left = waked * to_mwh;
  for (int l = 0; l < WIND_LOSS_COUNT; l++) {
    wr->loss_mwh[l] = left * w->loss_frac[l];
    left -= wr->loss_mwh[l];
  }
  wr->mean_hub_speed_ms = n ? v_sum / n : 0.0;
  wr->mean_density = n ? rho_sum / n : TURBINE_RHO0;
  snprintf(wr->density_note, sizeof wr->density_note, "%s; mean air density %.3f kg/m3 (%s)",
           density_name(w->density), wr->mean_density,
           kt >= 0 && kp >= 0 ? "measured temperature and pressure"
                              : "standard atmosphere at the site elevation");

  /* The distribution view: Weibull fit of the hub-height speeds and the
   * annual energy it implies, farm without wakes or losses. */
  if (wind_weibull_fit(wr->hub_speed_ms, n, &wr->weibull_k, &wr->weibull_c) == 0) {
    wr->aep_weibull_mwh = w->count * wind_aep_weibull(&w->turbine, wr->weibull_k, wr->weibull_c,
                                                      wr->mean_density, w->density, 8760.0);
    wr->aep_iec_mwh = w->count * wind_aep_iec_rayleigh(&w->turbine, wr->mean_hub_speed_ms,
                                                       wr->mean_density, w->density, 8760.0);
  }

  double total = agg_monthly_mwh(n, r->month, r->s.ac_kw, p->interval_s, r->monthly_mwh);
  for (int m = 0; m < 12; m++)
    r->monthly_mwh[m] /= r->years;
  r->annual_mwh = total / r->years;
  agg_average_day_mw(n, r->month, r->hour, r->s.ac_kw, r->avgday_mw);
  wind_totals(site, cfg, r);
  return 0;
}
