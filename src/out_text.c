/* Text summary; see out.h. */
#include <string.h>

#include "config.h"
#include "out.h"
#include "profile.h"
#include "profile_span.h"
#include "sim.h"
#include "site.h"
#include "biomass.h"
#include "sky_check.h"
#include "text.h"
#include "uncertainty.h"
#include "wind_profile.h"

/* Text from the inputs goes through text_terminal() into buffers of this
 * size: a name, a path, a factor's source. */
#define SHOWN TEXT_TERMINAL_SIZE(1024)

static const char *month_abbr[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* Decimals that keep 4-5 significant digits for small plants and none for
 * large ones: 7.214 MWh, 512.3 MWh, 1737962 MWh. */
static int dec(double x)
{
  double a = x < 0 ? -x : x;
  return a >= 10000 ? 0 : a >= 100 ? 1 : 3;
}

static void describe_mount(const struct pv_params *pv, char *buf, size_t n)
{
  const char *shade = pv->self_shading ? ", row self-shading" : "";
  if (pv->mount == PV_MOUNT_SINGLE_AXIS)
    snprintf(buf, n, "single-axis tracker, axis tilt %.1f deg, azimuth %.1f deg, +-%.0f deg%s, "
             "GCR %.2f%s", pv->track.axis_tilt_deg, pv->track.axis_azimuth_deg,
             pv->track.max_angle_deg, pv->track.backtrack ? ", backtracking" : "", pv->gcr, shade);
  else if (pv->mount == PV_MOUNT_TWO_AXIS)
    snprintf(buf, n, "two-axis tracker");
  else
    snprintf(buf, n, "fixed, tilt %.1f deg, azimuth %.1f deg, %s, GCR %.2f%s", pv->tilt_deg,
             pv->azimuth_deg, pv->racking == PV_RACK_ROOF ? "roof mount" : "open rack", pv->gcr,
             shade);
}

/* The line that says a plant's figures are scaled up from less than a
 * year of data (plants[i].annualise). */
static void annualised_line(FILE *f, const struct plant_result *pr)
{
  if (!(pr->annualised_days > 0))
    return;
  char t[32];
  profile_span_days_text(t, sizeof t, pr->annualised_days);
  fprintf(f, "  annualised from %s %s: the profile covers less than a year; every annual "
          "figure below is scaled up from it\n", t, pr->annualised_days == 1.0 ? "day" : "days");
}

static void profile_block(FILE *f, const struct plant_result *pr)
{
  const struct profile *p = pr->profile;
  char t[SHOWN];
  fprintf(f, "  profile             %s\n", text_terminal(t, sizeof t, p->path));
  fprintf(f, "                      format %s; %s; %zu rows of %d min\n", p->format, p->labelling,
          p->n, p->interval_s / 60);
  if (p->station[0])
    fprintf(f, "                      source: %s\n", text_terminal(t, sizeof t, p->station));
  if (pr->note.distance_km >= 0)
    fprintf(f, "                      header location %.4f, %.4f: %.1f km from the site\n",
            p->latitude, p->longitude, pr->note.distance_km);
  fprintf(f, "                      dni/dhi: %s; temperature: %s; wind: %s; albedo: %s\n",
          pr->note.dni_dhi, pr->note.temp_air, pr->note.wind_speed, pr->note.albedo);
  fprintf(f, "                      %zu intervals with GHI above clear sky (x %.1f + %.0f W/m2)%s\n",
          pr->note.above_clear_sky, SKY_CHECK_RATIO, SKY_CHECK_OFFSET_WM2,
          pr->note.above_clear_sky ? ": check the data" : "");
  annualised_line(f, pr);
}

/* One step of the energy balance: what is lost, as a share of what
 * entered the step. */
static void step(FILE *f, const char *label, double lost, double *left)
{
  double pct = *left > 0 ? 100.0 * lost / *left : 0.0;
  /* + 0.0 turns -0 into 0, so that nothing lost prints as 0 */
  fprintf(f, "    %-30s %14.*f MWh  %7.2f %%\n", label, dec(lost), -lost + 0.0, -pct + 0.0);
  *left -= lost;
}

/* The loss waterfall from plane-of-array irradiation to AC energy. */
static void balance_block(FILE *f, const struct plant_result *pr)
{
  const struct pv_balance *b = &pr->balance_mwh;
  double left = b->nominal;
  fprintf(f, "  energy balance, year 1 (loss as a share of the energy entering each step)\n");
  fprintf(f, "    %-30s %14.*f MWh\n", "POA x DC nameplate at STC", dec(b->nominal), b->nominal);
  if (b->rear > 0) {
    fprintf(f, "    %-30s %14.*f MWh  %7.2f %%\n", "rear side (bifacial)", dec(b->rear), b->rear,
            100.0 * b->rear / b->nominal);
    left += b->rear;
  }
  int v8 = pr->cfg->pv.model == PV_MODEL_PVWATTS_V8;
  step(f, "angle of incidence", b->aoi, &left);
  if (v8)
    step(f, "spectrum (air mass)", b->spectral, &left);
  step(f, v8 ? "module: temperature, low light" : "cell temperature", b->temperature, &left);
  for (int l = 0; l < PV_LOSS_COUNT; l++) {
    if (b->loss[l] == 0.0)
      continue;
    char label[48];
    snprintf(label, sizeof label, "%s%s", pv_loss_name((enum pv_loss)l),
             l == PV_LOSS_SOILING && pr->cfg->pv.soiling_by_month ? " (monthly)" : "");
    step(f, label, b->loss[l], &left);
  }
  fprintf(f, "    %-30s %14.*f MWh\n", "DC into inverters", dec(b->dc), b->dc);
  step(f, "inverter efficiency", b->inverter, &left);
  step(f, "clipping at AC rating", b->clipping, &left);
  fprintf(f, "    %-30s %14.*f MWh  %7.2f %% of the first line\n", "AC", dec(b->ac), b->ac,
          b->nominal > 0 ? 100.0 * b->ac / b->nominal : 0.0);
}

static const char *const wind_loss_names[WIND_LOSS_COUNT] = {
  "availability", "electrical", "turbine performance", "environmental", "curtailment", "lumped"
};

/* A wind plant: turbine, profile, hub height and density, the energy from
 * the free stream to the grid, and the distribution view. */
static void wind_block(FILE *f, int i, const struct plant_result *pr)
{
  const struct plant_cfg *c = pr->cfg;
  const struct wind_cfg *w = &c->wind;
  const struct wind_result *wr = &pr->wind;
  const struct wind_profile *p = wr->profile;
  char t[SHOWN], u[SHOWN];
  fprintf(f, "plant %d: %s (wind, %d x %s, %.0f kW, rotor %.0f m, hub %.0f m)\n", i + 1,
          text_terminal(t, sizeof t, c->name), w->count,
          text_terminal(u, sizeof u, w->turbine.name), w->turbine.rated_kw,
          w->turbine.rotor_diameter_m, w->hub_height_m);
  fprintf(f, "  turbine curve       %s\n", text_terminal(t, sizeof t, w->turbine.source));
  if (p) {
    fprintf(f, "  profile             %s\n", text_terminal(t, sizeof t, p->path));
    fprintf(f, "                      format %s; %s; %zu rows of %d min; heights", p->format,
            p->labelling, p->n, p->interval_s / 60);
    for (int k = 0; k < p->nh; k++)
      fprintf(f, " %g", p->height_m[k]);
    fprintf(f, " m\n");
    if (p->station[0])
      fprintf(f, "                      source: %s\n", text_terminal(t, sizeof t, p->station));
  } else {
    fprintf(f, "  resource            a Weibull distribution, no time series\n");
  }
  annualised_line(f, pr);
  fprintf(f, "  hub-height speed    %.2f m/s mean; %s\n", wr->mean_hub_speed_ms, wr->height_note);
  if (w->n_coords)
    fprintf(f, "  layout              %d turbines at given coordinates\n", w->n_coords);
  else if (w->has_layout)
    fprintf(f, "  layout              %d x %d, %.1f D between rows, %.1f D along rows, rows "
            "running %.0f deg\n", w->rows, w->cols, w->row_spacing_d, w->col_spacing_d,
            w->orientation_deg);
  fprintf(f, "  air density         %s\n", wr->density_note);
  fprintf(f, "  capacity            %.3f MW\n", c->capacity_mw_ac);
  fprintf(f, "  annual generation   %.*f MWh (%.4f TWh)\n", dec(pr->annual_mwh), pr->annual_mwh,
          pr->annual_mwh / 1e6);
  fprintf(f, "  capacity factor     %.2f %%, %.0f full-load hours\n", 100 * pr->capacity_factor,
          pr->capacity_factor * 8760);
  fprintf(f, "  monthly MWh        ");
  for (int m = 0; m < 12; m++)
    fprintf(f, " %s %.*f", month_abbr[m], dec(pr->annual_mwh / 12), pr->monthly_mwh[m]);
  fprintf(f, "\n  energy, year 1 (loss as a share of the energy entering each step)\n");
  double left = wr->gross_mwh;
  fprintf(f, "    %-30s %14.*f MWh\n", p ? "free stream, no wakes" : "free stream (distribution)",
          dec(left), left);
  const char *wake = w->wake == WIND_WAKE_PARK    ? "wakes (Park model)"
                     : w->wake == WIND_WAKE_FIXED ? "wakes (fixed)"
                                                  : "wakes (none modelled)";
  step(f, wake, wr->wake_mwh, &left);
  for (int l = 0; l < WIND_LOSS_COUNT; l++)
    if (w->loss_frac[l] > 0)
      step(f, wind_loss_names[l], wr->loss_mwh[l], &left);
  fprintf(f, "    %-30s %14.*f MWh\n", "to the grid", dec(pr->annual_mwh), pr->annual_mwh);
  if (wr->weibull_k > 0)
    fprintf(f, "  distribution        Weibull k %.3f, c %.3f m/s at hub height: %.*f MWh by "
            "integration, %.*f MWh by the IEC bin method (Rayleigh, mean %.2f m/s), farm without "
            "wakes or losses\n", wr->weibull_k, wr->weibull_c, dec(wr->aep_weibull_mwh),
            wr->aep_weibull_mwh, dec(wr->aep_iec_mwh), wr->aep_iec_mwh, wr->mean_hub_speed_ms);
  fprintf(f, "\n");
}

/* A biomass plant: capacity, fuel and dispatch, what the fuel allowed. */
static void biomass_block(FILE *f, int i, const struct plant_result *pr)
{
  const struct plant_cfg *c = pr->cfg;
  const struct biomass_params *b = &c->bio;
  const struct biomass_result *br = &pr->bio;
  static const char *const disp[] = { "baseload", "schedule", "fill" };
  char t[SHOWN];
  fprintf(f, "plant %d: %s (biomass, %.3f MW net, %s dispatch, efficiency %.1f %%, availability "
          "%.1f %%)\n", i + 1, text_terminal(t, sizeof t, c->name), b->capacity_mw,
          disp[b->dispatch], 100 * b->efficiency, 100 * b->availability);
  for (int k = 0; k < b->n_feed; k++) {
    const struct biomass_feedstock *fs = &b->feed[k];
    fprintf(f, "  feedstock           %s: %.0f t/yr at %.1f %% moisture, LHV %.3f MJ/kg as "
            "received, %.0f GJ/yr\n", text_terminal(t, sizeof t, fs->name), fs->tonnes_per_year,
            fs->moisture_pct,
            biomass_lhv_as_received(fs->lhv_dry_mj_kg > 0
                                      ? fs->lhv_dry_mj_kg
                                      : biomass_lhv_from_hhv(fs->hhv_dry_mj_kg, fs->hydrogen_pct),
                                    fs->moisture_pct),
            biomass_feed_energy_gj(fs));
  }
  if (!c->bio_fuel_limited)
    fprintf(f, "  feedstock           none given: capacity-driven, fuel bought as burnt\n");
  fprintf(f, "  fuel                %.0f GJ supplied, %.0f GJ used (%.0f t), %.0f GJ needed "
          "without a fuel limit; %s %.0f GJ\n", br->fuel_supply_gj, br->fuel_used_gj,
          br->fuel_used_t, br->fuel_needed_gj,
          br->fuel_shortfall_gj > 0 ? "shortfall" : "surplus",
          br->fuel_shortfall_gj > 0 ? br->fuel_shortfall_gj : br->fuel_surplus_gj);
  fprintf(f, "  annual generation   %.*f MWh (%.4f TWh), %.0f full-load hours, capacity factor "
          "%.2f %%\n", dec(pr->annual_mwh), pr->annual_mwh, pr->annual_mwh / 1e6,
          br->full_load_hours, 100 * pr->capacity_factor);
  fprintf(f, "  station service     %.*f MWh (reported; capacity and efficiency are net)\n",
          dec(br->parasitic_mwh), br->parasitic_mwh);
  fprintf(f, "  fuel emissions      %.*f t CO2e of CH4, N2O and haulage (subtracted); biogenic "
          "CO2 %.*f t (memo item, not counted)\n", dec(br->project_co2e_t), br->project_co2e_t,
          dec(br->biogenic_co2_t), br->biogenic_co2_t);
  fprintf(f, "  monthly MWh        ");
  for (int m = 0; m < 12; m++)
    fprintf(f, " %s %.*f", month_abbr[m], dec(pr->annual_mwh / 12), pr->monthly_mwh[m]);
  fprintf(f, "\n\n");
}

static void factor_line(FILE *f, const char *label, const struct factor *x, const char *use)
{
  if (x->value < 0) {
    fprintf(f, "  %-16s none known%s\n", label, use);
    return;
  }
  char t[SHOWN];
  fprintf(f, "  %-16s %g %s (%s)%s\n", label, x->value, x->unit,
          text_terminal(t, sizeof t, x->year), use);
  fprintf(f, "  %-16s source: %s\n", "", text_terminal(t, sizeof t, x->source));
  if (x->note[0])
    fprintf(f, "  %-16s note: %s\n", "", text_terminal(t, sizeof t, x->note));
}

int out_text(FILE *f, const struct sim_result *r, const struct profile *const *profiles)
{
  (void)profiles;
  const struct site *s = r->site;
  char t[SHOWN], u[SHOWN];
  fprintf(f, "%s: %s\n", OUT_PROGRAM, text_terminal(t, sizeof t, s->name));
  fprintf(f, "site file           %s\n", text_terminal(t, sizeof t, s->path));
  fprintf(f, "location            %.4f, %.4f, %.0f m\n\n", s->latitude, s->longitude,
          s->elevation_m);

  for (int i = 0; i < r->n_plants; i++) {
    const struct plant_result *pr = &r->plants[i];
    const struct plant_cfg *c = pr->cfg;
    if (c->type == PLANT_WIND) {
      wind_block(f, i, pr);
      continue;
    }
    if (c->type == PLANT_BIOMASS) {
      biomass_block(f, i, pr);
      continue;
    }
    char model[64], mount[200];
    if (c->pv.model == PV_MODEL_PVWATTS_V8)
      snprintf(model, sizeof model, "PVWatts v8, %s module", pv_module_type_name(c->pv.module_type));
    else
      snprintf(model, sizeof model, "PVWatts v5");
    describe_mount(&c->pv, mount, sizeof mount);
    fprintf(f, "plant %d: %s (pv, %s%s)\n", i + 1, text_terminal(t, sizeof t, c->name), model,
            c->pv.bifacial ? ", bifacial" : "");
    fprintf(f, "  mounting            %s; %s sky; %s cell temperature\n", mount,
            transpose_model_name(c->pv.sky),
            c->pv.model == PV_MODEL_PVWATTS_V8 ? "noct" : pv_temp_model_name(c->pv.temp_model));
    profile_block(f, pr);
    fprintf(f, "  capacity            %.3f MW AC%s, %.3f MW DC%s (DC/AC %.2f)\n", c->capacity_mw_ac,
            c->basis == CAPACITY_AC ? " (given)" : "", c->capacity_mw_dc,
            c->basis == CAPACITY_DC ? " (given)" : "", c->dc_ac_ratio);
    fprintf(f, "  irradiation         %.1f kWh/m2 horizontal, %.1f kWh/m2 plane of array\n",
            pr->note.ghi_kwh_m2 / pr->years, pr->poa_kwh_m2);
    fprintf(f, "  annual generation   %.*f MWh AC (%.4f TWh)\n", dec(pr->annual_mwh), pr->annual_mwh, pr->annual_mwh / 1e6);
    fprintf(f, "  capacity factor     %.2f %% of AC rating, %.2f %% of DC nameplate\n",
            100 * pr->capacity_factor, 100 * pr->capacity_factor_dc);
    fprintf(f, "  specific yield      %.1f kWh/kWp (DC), performance ratio %.3f\n",
            pr->specific_yield_kwh_per_kw, pr->performance_ratio);
    fprintf(f, "  clipping loss       %.*f MWh (%.2f %% of DC energy)\n", dec(pr->clipping_mwh), pr->clipping_mwh,
            pr->dc_mwh > 0 ? 100 * pr->clipping_mwh / pr->dc_mwh : 0.0);
    fprintf(f, "  DC losses           %.2f %% in all (tree below); degradation %.2f %%/yr, %s\n",
            100 * pr->dc_loss_frac, 100 * c->degradation_per_year,
            c->degradation_linear ? "linear" : "compounded");
    fprintf(f, "  monthly MWh        ");
    for (int m = 0; m < 12; m++)
      fprintf(f, " %s %.*f", month_abbr[m], dec(pr->annual_mwh / 12), pr->monthly_mwh[m]);
    fprintf(f, "\n");
    balance_block(f, pr);
    fprintf(f, "\n");
  }

  const struct emission_factors *ef = &s->factors;
  if (s->export_limit_mw > 0) {
    fprintf(f, "grid connection     %.3f MW export limit, curtailment %s; largest export %.3f "
            "MW\n", s->export_limit_mw, s->curtailment == GRID_PRIORITY ? "by priority" : "pro rata",
            r->exported_max_mw);
    for (int i = 0; i < r->n_plants; i++) {
      const struct plant_result *pr = &r->plants[i];
      fprintf(f, "  %-30s %.*f MWh before, %.*f MWh curtailed (%.2f %%), %.*f MWh exported\n",
              text_terminal(t, sizeof t, pr->cfg->name), dec(pr->before_curtailment_mwh),
              pr->before_curtailment_mwh,
              dec(pr->curtailed_mwh), pr->curtailed_mwh,
              pr->before_curtailment_mwh > 0 ? 100 * pr->curtailed_mwh / pr->before_curtailment_mwh
                                             : 0.0,
              dec(pr->annual_mwh), pr->annual_mwh);
    }
    fprintf(f, "\n");
  }
  if (r->n_plants > 1) {
    fprintf(f, "shares by source   ");
    static const char *const kinds[] = { "PV", "wind", "biomass" };
    for (int t = 0; t < 3; t++) {
      double e = 0;
      for (int i = 0; i < r->n_plants; i++)
        if ((int)r->plants[i].cfg->type == t)
          e += r->plants[i].annual_mwh;
      if (e > 0)
        fprintf(f, " %s %.*f MWh (%.1f %%)", kinds[t], dec(e), e,
                r->annual_mwh > 0 ? 100 * e / r->annual_mwh : 0.0);
    }
    fprintf(f, "\n\n");
  }
  int any_lcoe = 0;
  for (int i = 0; i < r->n_plants; i++)
    any_lcoe |= r->plants[i].has_lcoe;
  if (any_lcoe) {
    fprintf(f, "levelised cost of energy (real, end-of-year discounting, over %d years)\n",
            s->lifetime_years);
    for (int i = 0; i < r->n_plants; i++) {
      const struct plant_result *pr = &r->plants[i];
      if (pr->has_lcoe)
        fprintf(f, "  %-30s %.2f %s/MWh at %.1f %% (present value of costs %.0f %s, of energy "
                "%.0f MWh)\n", text_terminal(t, sizeof t, pr->cfg->name), pr->lcoe_per_mwh,
                text_terminal(u, sizeof u, pr->currency), 100 * pr->cfg->econ.discount_rate,
                pr->lcoe_pv_costs, u, pr->lcoe_pv_energy_mwh);
    }
    fprintf(f, "\n");
  }
  fprintf(f, "total, one year\n");
  for (int i = 0; i < r->n_plants; i++) {
    const struct plant_result *pr = &r->plants[i];
    if (!(pr->annualised_days > 0))
      continue;
    char d[32];
    profile_span_days_text(d, sizeof d, pr->annualised_days);
    fprintf(f, "  includes plant %d (%s) annualised from %s %s\n", i + 1,
            text_terminal(t, sizeof t, pr->cfg->name), d,
            pr->annualised_days == 1.0 ? "day" : "days");
  }
  fprintf(f, "  annual generation   %.*f MWh (%.4f TWh)\n", dec(r->annual_mwh), r->annual_mwh, r->annual_mwh / 1e6);
  fprintf(f, "  coal saved          %.*f tce\n", dec(r->annual.coal_tce), r->annual.coal_tce);
  fprintf(f, "  CO2 avoided         %.*f t\n", dec(r->annual.co2_t), r->annual.co2_t);
  fprintf(f, "  SO2, NOx, dust      %.*f t, %.*f t, %.*f t avoided\n", dec(r->annual.so2_t),
          r->annual.so2_t, dec(r->annual.nox_t), r->annual.nox_t, dec(r->annual.dust_t),
          r->annual.dust_t);
  int pd = dec(r->unc.p99_mwh);
  fprintf(f, "  P50/P75/P90/P99     %.*f / %.*f / %.*f / %.*f MWh (%s)\n", pd, r->unc.p50_mwh,
          pd, r->unc.p75_mwh, pd, r->unc.p90_mwh, pd, r->unc.p99_mwh, r->unc.source);
  if (r->unc.data_source != SIM_SOURCE_NONE)
    fprintf(f, "  PV data source      %s (%s)\n",
            r->unc.data_source == SIM_SOURCE_MIXED
              ? "mixed: each plant's profile sets its default"
              : unc_source_words((enum unc_source)r->unc.data_source),
            r->unc.data_source_given ? "uncertainty.data_source" : "from the profile");
  fprintf(f, "  %d-year mean         P75/P90/P99 %.*f / %.*f / %.*f MWh a year (sigma %.2f %%, "
          "one year %.2f %%)\n", r->unc.years, pd, r->unc.p75_years_mwh, pd, r->unc.p90_years_mwh,
          pd, r->unc.p99_years_mwh, 100 * r->unc.sigma_years, 100 * r->unc.sigma_total);
  fprintf(f, "  P90 coal and CO2    %.*f tce and %.*f t (one year); %.*f tce and %.*f t a year "
          "(%d-year mean)\n", dec(r->unc.coal_tce[2]), r->unc.coal_tce[2], dec(r->unc.co2_t[2]),
          r->unc.co2_t[2], dec(r->unc.coal_tce[5]), r->unc.coal_tce[5], dec(r->unc.co2_t[5]),
          r->unc.co2_t[5], r->unc.years);
  if (r->unc.mc_samples > 0)
    fprintf(f, "  Monte Carlo check   P50/P75/P90/P99 %.*f / %.*f / %.*f / %.*f MWh, %d samples, "
            "seed %lu, standard error of P90 %.*f MWh\n", pd, r->unc.mc_mwh[0], pd,
            r->unc.mc_mwh[1], pd, r->unc.mc_mwh[2], pd, r->unc.mc_mwh[3], r->unc.mc_samples,
            r->unc.mc_seed, pd, r->unc.mc_std_err_mwh[2]);
  fprintf(f, "\nlifetime, %d years with degradation\n", s->lifetime_years);
  fprintf(f, "  by year, MWh       ");
  for (int y = 1; y <= s->lifetime_years; y++)
    if (y == 1 || y % 5 == 0 || y == s->lifetime_years)
      fprintf(f, " %d: %.*f", y, dec(r->lifetime_per_year_mwh[y - 1]), r->lifetime_per_year_mwh[y - 1]);
  fprintf(f, "\n");
  fprintf(f, "  generation          %.*f MWh\n", dec(r->lifetime_mwh), r->lifetime_mwh);
  fprintf(f, "  coal saved          %.*f tce\n", dec(r->lifetime.coal_tce), r->lifetime.coal_tce);
  fprintf(f, "  CO2 avoided         %.*f t\n", dec(r->lifetime.co2_t), r->lifetime.co2_t);

  fprintf(f, "\nfactors: preset %s, %s\n", ef->name, text_terminal(t, sizeof t, ef->title));
  if (ef->method == EMIS_GRID)
    fprintf(f, "  method grid: CO2 avoided = generation x grid factor; coal saved = generation x coal rate\n");
  else if (ef->method == EMIS_CM)
    fprintf(f, "  method combined margin (CDM Tool07): CO2 avoided = generation x (w_OM OM + w_BM BM), "
               "wind and solar 0.75/0.25 (%.4f t/MWh), other plants 0.5/0.5 (%.4f t/MWh)\n",
            emissions_cm_factor(ef, EMIS_TECH_WIND_SOLAR), emissions_cm_factor(ef, EMIS_TECH_OTHER));
  else
    fprintf(f, "  method coal: coal saved = generation x coal rate; CO2 avoided = coal saved x CO2 per tce\n");
  factor_line(f, "coal rate", &ef->coal_rate, "");
  factor_line(f, "CO2 per tce", &ef->co2_per_tce, ef->method != EMIS_COAL ? " (not used)" : "");
  factor_line(f, "grid factor", &ef->grid, ef->method != EMIS_GRID ? " (not used)" : "");
  if (ef->om.value >= 0 || ef->bm.value >= 0) {
    factor_line(f, "operating margin", &ef->om, ef->method != EMIS_CM ? " (not used)" : "");
    factor_line(f, "build margin", &ef->bm, ef->method != EMIS_CM ? " (not used)" : "");
  }
  if (ef->change_per_year != 0)
    fprintf(f, "  %-16s %+.2f %%/yr, compounded from operating year 2 (site file)\n",
            "CO2 trajectory", 100 * ef->change_per_year);
  factor_line(f, "SO2", &ef->so2, "");
  factor_line(f, "NOx", &ef->nox, "");
  factor_line(f, "dust", &ef->dust, "");
  return ferror(f) ? -1 : 0;
}
