/* JSON summary with jansson; the keys are the contract of DESIGN.md and
 * are only ever added to, never renamed. Text from the inputs goes in
 * through text_json(). */
#include <errno.h>
#include <jansson.h>

#include "config.h"
#include "out.h"
#include "profile.h"
#include "sim.h"
#include "site.h"
#include "text.h"
#include "uncertainty.h"
#include "wind_profile.h"

static json_t *factor_json(const struct factor *x)
{
  return json_pack("{s:o, s:s, s:o, s:o, s:o}", "value",
                   x->value < 0 ? json_null() : json_real(x->value), "unit", x->unit, "year",
                   text_json(x->year), "source", text_json(x->source), "note", text_json(x->note));
}

static json_t *emissions_json(const struct emissions *e)
{
  return json_pack("{s:f, s:f, s:f, s:f, s:f}", "coal_saved_tce", e->coal_tce, "co2_avoided_t",
                   e->co2_t, "so2_avoided_t", e->so2_t, "nox_avoided_t", e->nox_t,
                   "dust_avoided_t", e->dust_t);
}

static json_t *profile_json(const struct plant_result *pr)
{
  const struct profile *p = pr->profile;
  return json_pack("{s:o, s:s, s:s, s:f, s:I, s:i, s:s, s:s, s:s, s:s, s:f}", "path",
                   text_json(p->path), "format", p->format, "labelling", p->labelling,
                   "utc_offset_h", p->utc_offset_h, "rows", (json_int_t)p->n, "interval_s",
                   p->interval_s, "dni_dhi", pr->note.dni_dhi, "temp_air", pr->note.temp_air,
                   "wind_speed", pr->note.wind_speed, "albedo", pr->note.albedo,
                   "ghi_kwh_per_m2", pr->note.ghi_kwh_m2 / pr->years);
}

static json_t *wind_plant_json(const struct plant_result *pr)
{
  const struct plant_cfg *c = pr->cfg;
  const struct wind_cfg *w = &c->wind;
  const struct wind_result *wr = &pr->wind;
  const struct wind_profile *p = wr->profile;
  json_t *monthly = json_array();
  for (int m = 0; m < 12; m++)
    json_array_append_new(monthly, json_real(pr->monthly_mwh[m]));
  json_t *heights = json_array();
  for (int k = 0; p && k < p->nh; k++)
    json_array_append_new(heights, json_real(p->height_m[k]));
  static const char *const loss_keys[WIND_LOSS_COUNT] = {
    "availability_loss_mwh", "electrical_loss_mwh", "turbine_performance_loss_mwh",
    "environmental_loss_mwh", "curtailment_loss_mwh", "lumped_loss_mwh"
  };
  json_t *energy = json_pack("{s:f, s:f}", "free_stream_mwh", wr->gross_mwh, "wake_loss_mwh",
                             wr->wake_mwh);
  for (int l = 0; l < WIND_LOSS_COUNT; l++)
    json_object_set_new(energy, loss_keys[l], json_real(wr->loss_mwh[l]));
  json_object_set_new(energy, "net_mwh", json_real(pr->annual_mwh));
  static const char *const dens[] = { "off", "iec", "power" };
  static const char *const wakes[] = { "none", "park", "fixed" };
  json_t *o = json_pack(
    "{s:o, s:s, s:f, s:f, s:f, s:f, s:o, s:f, s:f, s:f, s:i, s:o, s:f, s:f, s:s, s:s, s:f}",
    "name", text_json(c->name), "type", "wind", "capacity_mw", c->capacity_mw_ac,
    "annual_generation_mwh", pr->annual_mwh, "capacity_factor", pr->capacity_factor,
    "specific_yield_kwh_per_kw", pr->specific_yield_kwh_per_kw, "monthly_generation_mwh", monthly,
    "mean_hub_wind_speed_m_s", wr->mean_hub_speed_ms, "wake_loss_percent",
    100 * wr->wake_loss_frac, "hub_height_m", w->hub_height_m, "count", w->count, "turbine",
    text_json(w->turbine.name), "rated_kw", w->turbine.rated_kw, "rotor_diameter_m",
    w->turbine.rotor_diameter_m, "density_correction", dens[w->density], "wake_model",
    wakes[w->wake], "air_density_kg_m3", wr->mean_density);
  json_object_set_new(o, "energy_balance", energy);
  json_object_set_new(o, "weibull", json_pack("{s:f, s:f, s:f, s:f}", "k", wr->weibull_k,
                                               "c_m_s", wr->weibull_c, "aep_integral_mwh",
                                               wr->aep_weibull_mwh, "aep_iec_rayleigh_mwh",
                                               wr->aep_iec_mwh));
  if (p)
    json_object_set_new(o, "profile",
                        json_pack("{s:o, s:s, s:s, s:f, s:I, s:i, s:o, s:s}", "path",
                                  text_json(p->path), "format", p->format, "labelling",
                                  p->labelling, "utc_offset_h", p->utc_offset_h, "rows",
                                  (json_int_t)p->n, "interval_s", p->interval_s, "heights_m",
                                  heights, "hub_speed", wr->height_note));
  else
    json_object_set_new(o, "distribution",
                        json_pack("{s:f, s:f, s:f, s:o, s:s}", "weibull_k", w->dist_k,
                                  "weibull_c_m_s", w->dist_c, "height_m", w->dist_height_m,
                                  "heights_m", heights, "hub_speed", wr->height_note));
  json_object_set_new(o, "lifetime_generation_mwh", json_real(pr->lifetime_mwh));
  json_object_update_new(o, emissions_json(&pr->annual));
  return o;
}

static json_t *pv_plant_json(const struct plant_result *pr);

static json_t *biomass_plant_json(const struct plant_result *pr)
{
  const struct plant_cfg *c = pr->cfg;
  const struct biomass_result *b = &pr->bio;
  static const char *const disp[] = { "baseload", "schedule", "fill" };
  json_t *monthly = json_array();
  for (int m = 0; m < 12; m++)
    json_array_append_new(monthly, json_real(pr->monthly_mwh[m]));
  json_t *o = json_pack(
    "{s:o, s:s, s:f, s:f, s:f, s:f, s:o, s:s, s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:f}",
    "name", text_json(c->name), "type", "biomass", "capacity_mw", c->capacity_mw_ac,
    "annual_generation_mwh", pr->annual_mwh, "capacity_factor", pr->capacity_factor,
    "specific_yield_kwh_per_kw", pr->specific_yield_kwh_per_kw, "monthly_generation_mwh", monthly,
    "dispatch", disp[c->bio.dispatch], "fuel_t", b->fuel_used_t, "fuel_supply_gj",
    b->fuel_supply_gj, "fuel_used_gj", b->fuel_used_gj, "fuel_needed_gj", b->fuel_needed_gj,
    "fuel_surplus_gj", b->fuel_surplus_gj, "fuel_shortfall_gj", b->fuel_shortfall_gj,
    "full_load_hours", b->full_load_hours, "project_co2e_t", b->project_co2e_t,
    "biogenic_co2_memo_t", b->biogenic_co2_t);
  json_object_set_new(o, "lifetime_generation_mwh", json_real(pr->lifetime_mwh));
  json_object_update_new(o, emissions_json(&pr->annual));
  return o;
}

static json_t *plant_json(const struct plant_result *pr)
{
  const struct plant_cfg *c = pr->cfg;
  json_t *o = c->type == PLANT_WIND      ? wind_plant_json(pr)
              : c->type == PLANT_BIOMASS ? biomass_plant_json(pr)
                                         : pv_plant_json(pr);
  json_object_set_new(o, "before_curtailment_mwh", json_real(pr->before_curtailment_mwh > 0
                                                               ? pr->before_curtailment_mwh
                                                               : pr->annual_mwh));
  json_object_set_new(o, "curtailed_mwh", json_real(pr->curtailed_mwh));
  /* The figures of a plant on less than a year of data are scaled up from
   * these days (plants[i].annualise); null: a year or more of data. */
  json_object_set_new(o, "annualised_from_days",
                      pr->annualised_days > 0 ? json_real(pr->annualised_days) : json_null());
  if (pr->has_lcoe)
    json_object_set_new(o, "lcoe", json_pack("{s:o, s:f, s:f, s:f, s:f}", "currency",
                                             text_json(pr->currency), "per_mwh", pr->lcoe_per_mwh,
                                             "discount_rate_percent",
                                             100 * c->econ.discount_rate, "pv_costs",
                                             pr->lcoe_pv_costs, "pv_energy_mwh",
                                             pr->lcoe_pv_energy_mwh));
  return o;
}

static json_t *pv_plant_json(const struct plant_result *pr)
{
  const struct plant_cfg *c = pr->cfg;
  json_t *monthly = json_array();
  for (int m = 0; m < 12; m++)
    json_array_append_new(monthly, json_real(pr->monthly_mwh[m]));
  json_t *p = json_pack(
    "{s:o, s:s, s:f, s:f, s:f, s:s, s:f, s:f, s:f, s:f, s:o, s:f, s:f, s:f, s:f, s:f}",
    "name", text_json(c->name), "type", "pv", "capacity_mw", c->capacity_mw_ac, "capacity_mw_ac",
    c->capacity_mw_ac, "capacity_mw_dc", c->capacity_mw_dc, "capacity_basis",
    c->basis == CAPACITY_AC ? "ac" : "dc", "dc_ac_ratio", c->dc_ac_ratio,
    "annual_generation_mwh", pr->annual_mwh, "capacity_factor", pr->capacity_factor,
    "capacity_factor_dc", pr->capacity_factor_dc, "monthly_generation_mwh", monthly,
    "specific_yield_kwh_per_kw", pr->specific_yield_kwh_per_kw, "poa_kwh_per_m2",
    pr->poa_kwh_m2, "clipping_loss_mwh", pr->clipping_mwh, "dc_generation_mwh", pr->dc_mwh,
    "performance_ratio", pr->performance_ratio);
  json_object_set_new(p, "lifetime_generation_mwh", json_real(pr->lifetime_mwh));
  const struct pv_params *pv = &c->pv;
  json_t *arr = json_pack("{s:s, s:s, s:f, s:b}", "mount", pv_mount_name(pv->mount), "sky_model",
                          transpose_model_name(pv->sky), "gcr", pv->gcr, "self_shading",
                          pv->self_shading);
  if (pv->mount == PV_MOUNT_FIXED)
    json_object_update_new(arr, json_pack("{s:s, s:f, s:f}", "racking",
                                          pv->racking == PV_RACK_ROOF ? "roof" : "open_rack",
                                          "tilt", pv->tilt_deg, "azimuth", pv->azimuth_deg));
  else if (pv->mount == PV_MOUNT_SINGLE_AXIS)
    json_object_update_new(arr, json_pack("{s:f, s:f, s:f, s:b}", "axis_tilt",
                                          pv->track.axis_tilt_deg, "axis_azimuth",
                                          pv->track.axis_azimuth_deg, "max_angle",
                                          pv->track.max_angle_deg, "backtrack", pv->track.backtrack));
  json_object_set_new(p, "array", arr);
  json_object_set_new(p, "model", json_string(pv_model_name(pv->model)));
  json_object_set_new(p, "temperature_model",
                      json_string(pv->model == PV_MODEL_PVWATTS_V8 ? "noct"
                                                                   : pv_temp_model_name(pv->temp_model)));
  if (pv->model == PV_MODEL_PVWATTS_V8)
    json_object_set_new(p, "module_type", json_string(pv_module_type_name(pv->module_type)));
  if (pv->bifacial)
    json_object_set_new(p, "bifacial", json_pack("{s:f, s:f}", "bifaciality", pv->bifaciality,
                                                 "rear_loss_percent", 100 * pv->rear_loss_frac));
  json_object_set_new(p, "losses_percent", json_real(100 * pr->dc_loss_frac));
  const struct pv_balance *b = &pr->balance_mwh;
  json_t *bal = json_pack("{s:f, s:f, s:f, s:f, s:f}", "nominal_mwh", b->nominal,
                          "rear_gain_mwh", b->rear, "aoi_loss_mwh",
                          b->aoi, "spectral_loss_mwh", b->spectral, "temperature_loss_mwh",
                          b->temperature);
  for (int l = 0; l < PV_LOSS_COUNT; l++) {
    char key[48];
    snprintf(key, sizeof key, "%s_loss_mwh", pv_loss_name((enum pv_loss)l));
    json_object_set_new(bal, key, json_real(b->loss[l]));
  }
  json_object_set_new(bal, "dc_mwh", json_real(b->dc));
  json_object_set_new(bal, "inverter_loss_mwh", json_real(b->inverter));
  json_object_set_new(bal, "clipping_loss_mwh", json_real(b->clipping));
  json_object_set_new(bal, "ac_mwh", json_real(b->ac));
  json_object_set_new(p, "energy_balance", bal);
  json_object_set_new(p, "degradation", json_string(c->degradation_linear ? "linear" : "compound"));
  json_object_set_new(p, "degradation_percent_per_year", json_real(100 * c->degradation_per_year));
  json_t *prof = profile_json(pr);
  json_object_set_new(prof, "intervals_above_clear_sky",
                      json_integer((json_int_t)pr->note.above_clear_sky));
  if (pr->note.distance_km >= 0)
    json_object_set_new(prof, "distance_from_site_km", json_real(pr->note.distance_km));
  json_object_set_new(p, "profile", prof);
  json_object_update_new(p, emissions_json(&pr->annual));
  return p;
}

int out_json(FILE *f, const struct sim_result *r, const struct profile *const *profiles)
{
  (void)profiles;
  const struct site *s = r->site;
  const struct emission_factors *ef = &s->factors;
  json_t *plants = json_array();
  for (int i = 0; i < r->n_plants; i++)
    json_array_append_new(plants, plant_json(&r->plants[i]));

  json_t *total = emissions_json(&r->annual);
  json_object_set_new(total, "annual_generation_mwh", json_real(r->annual_mwh));
  json_object_set_new(total, "curtailed_mwh", json_real(r->curtailed_mwh));
  if (s->export_limit_mw > 0)
    json_object_set_new(total, "export_limit_mw", json_real(s->export_limit_mw));

  json_t *per_year = json_array();
  for (int y = 0; y < s->lifetime_years; y++)
    json_array_append_new(per_year, json_real(r->lifetime_per_year_mwh[y]));
  json_t *lifetime = emissions_json(&r->lifetime);
  json_object_set_new(lifetime, "years", json_integer(s->lifetime_years));
  json_object_set_new(lifetime, "generation_mwh", json_real(r->lifetime_mwh));
  json_object_set_new(lifetime, "generation_by_year_mwh", per_year);

  char source[1400];
  if (ef->method == EMIS_CM)
    snprintf(source, sizeof source, "operating margin: %s; build margin: %s", ef->om.source,
             ef->bm.source);
  else
    snprintf(source, sizeof source, "coal rate: %s; %s: %s", ef->coal_rate.source,
             ef->method == EMIS_GRID ? "grid factor" : "CO2 per tce",
             ef->method == EMIS_GRID ? ef->grid.source : ef->co2_per_tce.source);
  json_t *factors = json_pack(
    "{s:o, s:o, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "name",
    text_json(ef->name), "title", text_json(ef->title), "method",
    emissions_method_name(ef->method), "coal_rate_gce_per_kwh",
    ef->coal_rate.value < 0 ? json_null() : json_real(ef->coal_rate.value), "co2_t_per_tce",
    ef->co2_per_tce.value < 0 ? json_null() : json_real(ef->co2_per_tce.value),
    "grid_t_co2_per_mwh",
    ef->grid.value < 0 ? json_null() : json_real(ef->grid.value), "source", text_json(source),
    "coal_rate", factor_json(&ef->coal_rate), "co2_per_tce", factor_json(&ef->co2_per_tce),
    "grid", factor_json(&ef->grid), "so2", factor_json(&ef->so2), "nox",
    factor_json(&ef->nox), "dust", factor_json(&ef->dust));
  json_object_set_new(factors, "om", factor_json(&ef->om));
  json_object_set_new(factors, "bm", factor_json(&ef->bm));
  json_object_set_new(factors, "change_percent_per_year", json_real(100 * ef->change_per_year));

  const struct sim_uncertainty *u = &r->unc;
  json_t *unc = json_pack("{s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:s}", "p50_mwh", u->p50_mwh,
                          "p75_mwh", u->p75_mwh, "p90_mwh", u->p90_mwh, "p99_mwh", u->p99_mwh,
                          "sigma_interannual", u->sigma_iav, "sigma_other", u->sigma_other,
                          "sigma_total", u->sigma_total, "method", u->source);
  json_t *other = json_array();
  for (int i = 0; i < u->n_other; i++)
    json_array_append_new(other, json_real(u->other[i]));
  json_object_set_new(unc, "sigma_other_components", other);
  json_object_set_new(unc, "data_source",
                      u->data_source == SIM_SOURCE_NONE    ? json_null()
                      : u->data_source == SIM_SOURCE_MIXED ? json_string("mixed")
                        : json_string(unc_source_key((enum unc_source)u->data_source)));
  json_object_set_new(unc, "data_source_from",
                      json_string(u->data_source_given ? "site file" : "profile"));
  json_object_set_new(unc, "coal_saved_tce",
                      json_pack("{s:f, s:f, s:f, s:f}", "p50", u->coal_tce[0], "p75",
                                u->coal_tce[1], "p90", u->coal_tce[2], "p99", u->coal_tce[3]));
  json_object_set_new(unc, "co2_avoided_t",
                      json_pack("{s:f, s:f, s:f, s:f}", "p50", u->co2_t[0], "p75", u->co2_t[1],
                                "p90", u->co2_t[2], "p99", u->co2_t[3]));
  json_t *horizon = json_pack("{s:i, s:f, s:f, s:f, s:f}", "years", u->years, "sigma",
                              u->sigma_years, "p75_mwh", u->p75_years_mwh, "p90_mwh",
                              u->p90_years_mwh, "p99_mwh", u->p99_years_mwh);
  json_object_set_new(horizon, "coal_saved_tce",
                      json_pack("{s:f, s:f, s:f}", "p75", u->coal_tce[4], "p90", u->coal_tce[5],
                                "p99", u->coal_tce[6]));
  json_object_set_new(horizon, "co2_avoided_t",
                      json_pack("{s:f, s:f, s:f}", "p75", u->co2_t[4], "p90", u->co2_t[5],
                                "p99", u->co2_t[6]));
  json_object_set_new(unc, "horizon", horizon);
  if (u->mc_samples > 0)
    json_object_set_new(
      unc, "monte_carlo",
      json_pack("{s:i, s:I, s:f, s:f, s:f, s:f, s:[f, f, f, f]}", "samples", u->mc_samples, "seed",
                (json_int_t)u->mc_seed, "p50_mwh", u->mc_mwh[0], "p75_mwh", u->mc_mwh[1],
                "p90_mwh", u->mc_mwh[2], "p99_mwh", u->mc_mwh[3], "std_err_mwh",
                u->mc_std_err_mwh[0], u->mc_std_err_mwh[1], u->mc_std_err_mwh[2],
                u->mc_std_err_mwh[3]));

  json_t *root = json_pack(
    "{s:s, s:{s:o, s:o, s:f, s:f, s:f}, s:o, s:o, s:o, s:o, s:o}", "program", OUT_PROGRAM,
    "site", "name", text_json(s->name), "file", text_json(s->path), "latitude", s->latitude,
    "longitude", s->longitude, "elevation_m", s->elevation_m, "plants", plants, "total", total,
    "lifetime", lifetime, "factors", factors, "uncertainty", unc);
  if (!root) {
    errno = ENOMEM; /* texts are UTF-8 by now: only memory can fail */
    return -1;
  }
  int rc = json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12));
  fputc('\n', f);
  json_decref(root);
  return rc == 0 && !ferror(f) ? 0 : -1;
}
