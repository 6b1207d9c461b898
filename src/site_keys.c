/* Site-file schema; see site_keys.h. Defaults and their sources:
 * losses 14.08 % and inverter efficiency 96 % are PVWatts v5 defaults
 * (Dobos 2014); the temperature coefficient -0.37 %/degC is the PVWatts v8
 * "standard" module; degradation 0.5 %/yr is the median of Jordan and Kurtz
 * (NREL 2013). */
#include "site_keys.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define NUM(g, n, req, lo, hi, def, unit, doc) \
  { g, n, KEY_FLOAT, req, lo, hi, def, NULL, NULL, unit, doc }
#define INT(g, n, req, lo, hi, def, unit, doc) \
  { g, n, KEY_INT, req, lo, hi, def, NULL, NULL, unit, doc }
#define STR(g, n, req, def, doc) \
  { g, n, KEY_STRING, req, 0, 0, 0, def, NULL, "", doc }
#define CHOICE(g, n, req, def, choices, doc) \
  { g, n, KEY_CHOICE, req, 0, 0, 0, def, choices, "", doc }
#define GROUP(g, n, req, doc) \
  { g, n, KEY_GROUP, req, 0, 0, 0, NULL, NULL, "", doc }
#define MONTHS(g, n, lo, hi, unit, doc) \
  { g, n, KEY_MONTHS, 0, lo, hi, 0, NULL, NULL, unit, doc }
#define BOOL(g, n, def, doc) \
  { g, n, KEY_BOOL, 0, 0, 1, def, NULL, NULL, "", doc }
#define LIST(g, n, req, doc) \
  { g, n, KEY_LIST, req, 0, 0, 0, NULL, NULL, "", doc }

const struct site_key site_keys[] = {
  STR("", "name", 1, NULL, "site name, used in reports and chart titles"),
  GROUP("", "location", 1, "where the site is"),
  GROUP("", "emissions", 0, "how generation is turned into coal and CO2 (default: preset cn-coal)"),
  INT("", "lifetime_years", 0, 1, 100, 25, "years", "operating life for lifetime totals"),
  NUM("", "delta_t", 0, -8000, 8000, 69.0, "s",
      "TT - UT for the sun position (about 69 s in the 2020s, IERS)"),
  CHOICE("", "decomposition", 0, "erbs", "erbs|disc",
         "beam and diffuse from GHI when a profile has GHI only: Erbs (1982) or DISC (Maxwell 1987)"),
  LIST("", "plants", 1, "one group per plant; at least one"),
  GROUP("", "output", 0, "where outputs go"),
  GROUP("", "grid", 0, "the grid connection the plants share"),
  GROUP("", "uncertainty", 0, "P-levels: the uncertainties of the energy estimate"),

  NUM("uncertainty", "interannual_percent", 0, 0, 50, -1, "%",
      "year-to-year variability, 1 sigma (default: by technology, PV 4, wind 10, biomass 0)"),
  { "uncertainty", "other_percent", KEY_NUMBERS, 0, 0, 50, 0, NULL, NULL, "%",
    "other uncertainties, 1 sigma each (resource data, model, losses...): default by technology, PV by data source 5 (measured, not stated), 5.66 (satellite), 6.4 (typical year), 8.25 (synthetic), wind 8, biomass 5" },
  INT("uncertainty", "years", 0, 1, 50, 10, "years", "span of the multi-year P-levels"),
  INT("uncertainty", "monte_carlo_samples", 0, 0, 10000000, 0, "",
      "draws of a Monte Carlo check of the P-levels (0: none)"),
  INT("uncertainty", "seed", 0, 0, 2000000000, 1, "", "seed of the Monte Carlo draws"),
  CHOICE("uncertainty", "data_source", 0, NULL,
         "measured|satellite|typical_year|synthetic|not_stated",
         "where the PV profiles' irradiance comes from; sets the default of other_percent "
         "(default: from the profile: typical year for TMY2/TMY3/EPW/PVGIS TMY, synthetic for "
         "renewcalc synth output, satellite for PVGIS series)"),

  NUM("grid", "export_limit_mw", 0, 0.001, 100000, 0, "MW",
      "most the connection takes; above it output is curtailed (absent: no limit)"),
  CHOICE("grid", "curtailment", 0, "pro_rata", "pro_rata|priority",
         "how curtailment is shared: in proportion to output, or by priority"),
  { "grid", "priority", KEY_STRINGS, 0, 0, 0, 0, NULL, NULL, "",
    "plant names, first kept longest (curtailment = priority)" },

  NUM("location", "latitude", 1, -90, 90, 0, "deg", "north positive"),
  NUM("location", "longitude", 1, -180, 180, 0, "deg", "east positive"),
  NUM("location", "elevation", 0, -500, 9000, 0, "m", "above sea level"),

  STR("emissions", "preset", 0, "cn-coal", "factor preset under configs/factors/ (renewcalc factors lists them)"),
  CHOICE("emissions", "method", 0, "", "coal|grid|combined_margin",
         "coal: CO2 from coal saved; grid: a grid factor; combined_margin: CDM Tool07 "
         "(default: the preset's)"),
  NUM("emissions", "coal_rate_gce_per_kwh", 0, 100, 1000, 0, "gce/kWh", "overrides the preset's coal rate"),
  NUM("emissions", "co2_t_per_tce", 0, 1, 4, 0, "t CO2/tce", "overrides the preset's CO2 per tonne of standard coal"),
  NUM("emissions", "grid_t_co2_per_mwh", 0, 0, 2, 0, "t CO2/MWh", "overrides the preset's grid factor"),
  NUM("emissions", "om_t_co2_per_mwh", 0, 0, 2, 0, "t CO2/MWh", "overrides the preset's operating margin"),
  NUM("emissions", "bm_t_co2_per_mwh", 0, 0, 2, 0, "t CO2/MWh", "overrides the preset's build margin"),
  NUM("emissions", "change_percent_per_year", 0, -20, 20, 0, "%/yr",
      "trajectory of the CO2 factor over the lifetime, compounded (e.g. -2 for a greening grid)"),
  STR("emissions", "source", 0, "", "where the overriding values come from (printed in every report)"),
  STR("emissions", "year", 0, "", "the year the overriding values refer to"),

  CHOICE("plants", "type", 1, NULL, "pv|wind|biomass", "plant technology"),
  STR("plants", "name", 0, "", "plant name (default: \"plant N\")"),
  CHOICE("plants", "model", 0, "pvwatts_v5", "pvwatts_v5|pvwatts_v8",
         "the PV chain: PVWatts v5 (linear DC model) or v8 (single-diode module)"),
  CHOICE("plants", "module_type", 0, "standard", "standard|premium|thin_film",
         "PVWatts v8 module type (its representative CEC module)"),
  STR("plants", "profile", 0, NULL,
      "resource profile (solar: TMY3, EPW, SAM CSV, PVGIS, renewcalc CSV; wind: SRW, wind CSV)"),
  BOOL("plants", "annualise", 0,
       "scale a profile shorter than a year (365 days) to a year; every output then says "
       "\"annualised from N days\" (default: such a profile is refused)"),
  NUM("plants", "capacity_mw_ac", 0, 0.001, 100000, 0, "MW",
      "inverter AC rating; give this or capacity_mw_dc"),
  NUM("plants", "capacity_mw_dc", 0, 0.001, 100000, 0, "MW",
      "DC nameplate at STC; give this or capacity_mw_ac"),
  NUM("plants", "dc_ac_ratio", 0, 0.5, 3, 1.2, "", "DC nameplate / AC rating"),
  NUM("plants", "losses_percent", 0, 0, 99, 14.08, "%",
      "lumped DC system losses, instead of the losses group"),
  GROUP("plants", "losses", 0, "DC losses one by one (default: the PVWatts v5 set, 14.08 % in all)"),
  NUM("plants", "degradation_percent_per_year", 0, 0, 5, 0.5, "%/yr",
      "DC output decline per year"),
  CHOICE("plants", "degradation", 0, "linear", "linear|compound",
         "linear: year y keeps 1 - d (y - 1) of the DC output; compound: (1 - d)^(y - 1)"),
  NUM("plants", "temp_coeff_percent_per_c", 0, -1, 0, -0.37, "%/degC",
      "power temperature coefficient"),
  CHOICE("plants", "temperature_model", 0, "sapm", "sapm|noct|faiman|pvsyst",
         "PVWatts v5 only: cell temperature model (v8 always uses NOCT)"),
  GROUP("plants", "temperature", 0, "parameters of the cell temperature model"),
  NUM("plants", "inverter_efficiency_percent", 0, 50, 100, 96, "%", "inverter nominal efficiency"),
  NUM("plants", "albedo", 0, 0, 1, 0.2, "", "ground reflectance when the profile has none"),
  MONTHS("plants", "albedo_monthly", 0, 1, "",
         "ground reflectance by month, January first, instead of albedo"),
  CHOICE("plants", "sky_model", 0, "perez", "perez|haydavies|isotropic",
         "transposition to the plane of array"),
  GROUP("plants", "bifacial", 0, "bifacial modules: the rear side's gain (absent: monofacial)"),
  GROUP("plants", "array", 0, "mounting"),

  GROUP("plants", "turbine", 1, "wind: the turbine (a built-in name or a power curve file)"),
  INT("plants", "count", 0, 1, 512, 1, "", "wind: number of turbines"),
  GROUP("plants", "layout", 0, "wind: rows x columns of turbines, or their coordinates, for the wake model"),
  GROUP("plants", "distribution", 0,
        "wind: a Weibull distribution at a height instead of a profile"),
  GROUP("plants", "shear", 0, "wind: how the hub-height speed is found from the measured heights"),
  CHOICE("plants", "density_correction", 0, "iec", "off|iec|power",
         "wind: air-density correction of the power curve"),
  CHOICE("plants", "wake_model", 0, "none", "none|park|fixed",
         "wind: no wakes, the Jensen/Park model, or a fixed wake_loss_percent"),
  NUM("plants", "wake_loss_percent", 0, 0, 50, 0, "%", "wind: fixed wake loss (wake_model = fixed)"),
  NUM("plants", "wake_decay", 0, 0.01, 0.2, 0.075, "", "wind: Park wake decay constant (0.075 onshore)"),

  STR("plants.turbine", "name", 0, "", "a built-in reference turbine (docs/turbines.md)"),
  STR("plants.turbine", "power_curve", 0, "",
      "power curve CSV (wind_speed m/s, power kW, optional ct), relative to the site file"),
  NUM("plants.turbine", "hub_height", 0, 10, 300, 0, "m", "hub height (default: the turbine's)"),
  NUM("plants.turbine", "rotor_diameter", 0, 5, 300, 0, "m", "rotor diameter (needed for a curve file)"),
  NUM("plants.turbine", "rated_kw", 0, 1, 30000, 0, "kW", "nameplate (default: the curve's maximum)"),
  NUM("plants.turbine", "cut_out", 0, 5, 40, 0, "m/s", "cut-out speed (default: the curve's last point)"),

  INT("plants.layout", "rows", 0, 1, 64, 1, "", "rows of turbines"),
  INT("plants.layout", "columns", 0, 1, 64, 1, "", "turbines per row"),
  NUM("plants.layout", "row_spacing", 0, 1, 30, 7, "rotor diameters", "distance between rows"),
  NUM("plants.layout", "column_spacing", 0, 1, 30, 5, "rotor diameters", "distance along a row"),
  NUM("plants.layout", "orientation", 0, 0, 360, 0, "deg", "direction the rows run, clockwise from north"),
  { "plants.layout", "x", KEY_NUMBERS, 0, -100000, 100000, 0, NULL, NULL, "m",
    "turbine positions east, one per turbine, instead of rows and columns" },
  { "plants.layout", "y", KEY_NUMBERS, 0, -100000, 100000, 0, NULL, NULL, "m",
    "turbine positions north, with x" },

  NUM("plants.distribution", "weibull_k", 0, 1, 5, 2, "", "Weibull shape (2: Rayleigh)"),
  NUM("plants.distribution", "weibull_c", 0, 0.5, 30, 0, "m/s", "Weibull scale; give this or mean_speed"),
  NUM("plants.distribution", "mean_speed", 0, 0.5, 30, 0, "m/s", "mean speed; give this or weibull_c"),
  NUM("plants.distribution", "height", 1, 2, 300, 0, "m", "height the distribution describes"),

  CHOICE("plants.shear", "model", 0, "interpolate", "interpolate|power|log",
         "interpolate between measured heights (power law between the two around the hub), or "
         "extrapolate from the nearest height by the power or log law"),
  NUM("plants.shear", "exponent", 0, 0, 1, -1, "",
      "power law exponent (default: fitted each hour from the two nearest heights)"),
  NUM("plants.shear", "roughness_length", 0, 0.0001, 5, 0.03, "m", "log law roughness length"),

  CHOICE("plants.array", "mount", 0, "fixed", "fixed|single_axis|two_axis", "mounting"),
  CHOICE("plants.array", "racking", 0, "open_rack", "open_rack|roof",
         "cell temperature model (SAPM open rack or insulated back)"),
  NUM("plants.array", "tilt", 0, 0, 90, 20, "deg", "from horizontal"),
  NUM("plants.array", "azimuth", 0, 0, 360, 180, "deg", "clockwise from north, 180 = south"),
  NUM("plants.array", "axis_tilt", 0, 0, 90, 0, "deg", "single-axis trackers: tilt of the axis"),
  NUM("plants.array", "axis_azimuth", 0, 0, 360, 180, "deg",
      "single-axis trackers: direction the axis descends toward (180: a N-S axis)"),
  NUM("plants.array", "max_angle", 0, 0, 180, 45, "deg", "single-axis trackers: rotation limit"),
  BOOL("plants.array", "backtrack", 1, "single-axis trackers: turn back to avoid row-to-row shading"),
  NUM("plants.array", "gcr", 0, 0.01, 0.99, 0.4, "", "ground coverage ratio: module row width / row pitch"),
  BOOL("plants.array", "self_shading", -1,
       "row-to-row shading of beam and diffuse light (default: on with pvwatts_v8, off with v5)"),

  NUM("plants.temperature", "noct_c", 0, 30, 80, 45, "degC",
      "noct: nominal operating cell temperature (PVWatts v8: 45 open rack; roof mount adds 4)"),
  NUM("plants.temperature", "u0", 0, 1, 100, 25.0, "W/(m2 K)", "faiman: constant heat loss factor"),
  NUM("plants.temperature", "u1", 0, 0, 50, 6.84, "W s/(m3 K)", "faiman: wind heat loss factor"),
  NUM("plants.temperature", "uc", 0, 1, 100, 29.0, "W/(m2 K)",
      "pvsyst: constant heat loss factor (29 free standing, 15 insulated back)"),
  NUM("plants.temperature", "uv", 0, 0, 50, 0.0, "W s/(m3 K)", "pvsyst: wind heat loss factor"),
  NUM("plants.temperature", "absorptance", 0, 0, 1, 0.9, "", "pvsyst: module absorptance"),
  NUM("plants.temperature", "efficiency_percent", 0, 0, 50, 10, "%",
      "pvsyst: module efficiency taken out as electricity"),

  NUM("plants", "capacity_mw", 0, 0.001, 5000, 0, "MW", "biomass: net electrical capacity"),
  NUM("plants", "availability_percent", 0, 0, 100, 85, "%", "biomass: share of hours the plant can run"),
  NUM("plants", "efficiency_percent", 0, 5, 50, 25, "%",
      "biomass: net electrical efficiency at full load (LHV)"),
  NUM("plants", "heat_rate_kj_per_kwh", 0, 7200, 72000, 0, "kJ/kWh",
      "biomass: net heat rate at full load, instead of efficiency_percent (3600 / efficiency)"),
  GROUP("plants", "part_load", 0, "biomass: relative efficiency by load share"),
  NUM("plants", "min_load_percent", 0, 0, 100, 40, "%", "biomass: lowest stable load"),
  NUM("plants", "parasitic_percent", 0, 0, 30, 10, "%",
      "biomass: station service, as a share of gross output (reported)"),
  NUM("plants", "ramp_mw_per_h", 0, 0, 10000, 0, "MW/h", "biomass: ramp limit (0: none)"),
  CHOICE("plants", "dispatch", 0, "baseload", "baseload|schedule|fill",
         "biomass: run at a steady level, to a schedule, or to fill the export room"),
  GROUP("plants", "schedule", 0, "biomass: load share by hour of day and by month"),
  LIST("plants", "feedstock", 0, "biomass: the fuels, one group each"),
  NUM("plants", "transport_kg_co2_per_tkm", 0, 0, 1, 0.1, "kg CO2/(t km)",
      "biomass: haulage emissions per tonne-kilometre"),

  { "plants.part_load", "load_percent", KEY_NUMBERS, 0, 0, 100, 0, NULL, NULL, "%",
    "load shares, increasing, the last 100" },
  { "plants.part_load", "relative_efficiency", KEY_NUMBERS, 0, 0.1, 1.2, 0, NULL, NULL, "",
    "efficiency relative to full load at each load share" },
  MONTHS("plants.schedule", "monthly_percent", 0, 100, "%", "load share by month"),
  { "plants.schedule", "hourly_percent", KEY_NUMBERS, 0, 0, 100, 0, NULL, NULL, "%",
    "load share by hour of day, 24 values from 00:00" },

  STR("plants.feedstock", "name", 0, "", "fuel name"),
  NUM("plants.feedstock", "tonnes_per_year", 1, 0, 1e8, 0, "t/yr", "supply, as received"),
  NUM("plants.feedstock", "moisture_percent", 0, 0, 70, 10, "%", "moisture, wet basis"),
  NUM("plants.feedstock", "lhv_dry_mj_per_kg", 0, 5, 30, 0, "MJ/kg", "dry lower heating value"),
  NUM("plants.feedstock", "hhv_dry_mj_per_kg", 0, 5, 35, 0, "MJ/kg",
      "dry higher heating value, instead of the LHV"),
  NUM("plants.feedstock", "hydrogen_percent", 0, 0, 15, 6, "%", "dry hydrogen content, with the HHV"),
  NUM("plants.feedstock", "ash_percent", 0, 0, 60, 0, "%", "dry ash content (reported)"),
  NUM("plants.feedstock", "ch4_kg_per_tj", 0, 0, 1000, 30, "kg/TJ", "combustion CH4 (IPCC 2006: 30)"),
  NUM("plants.feedstock", "n2o_kg_per_tj", 0, 0, 100, 4, "kg/TJ", "combustion N2O (IPCC 2006: 4)"),
  NUM("plants.feedstock", "haul_km", 0, 0, 2000, 0, "km", "average haul distance"),

  GROUP("plants", "economics", 0, "costs for the levelised cost of energy (LCOE)"),
  STR("plants.economics", "currency", 0, "USD", "currency code of the amounts"),
  NUM("plants.economics", "capex", 0, 0, 1e13, 0, "currency", "capital cost at commissioning"),
  NUM("plants.economics", "capex_per_kw", 0, 0, 1e5, 0, "currency/kW",
      "capital cost per kW of capacity (DC for PV), instead of capex"),
  NUM("plants.economics", "fixed_om_per_kw_year", 0, 0, 1e4, 0, "currency/(kW yr)",
      "fixed operation and maintenance per kW of capacity"),
  NUM("plants.economics", "variable_om_per_mwh", 0, 0, 1e4, 0, "currency/MWh",
      "variable operation and maintenance"),
  NUM("plants.economics", "fuel_cost_per_t", 0, 0, 1e5, 0, "currency/t", "biomass: fuel delivered"),
  NUM("plants.economics", "discount_rate_percent", 0, 0, 30, 7, "%", "real discount rate"),

  NUM("plants.bifacial", "bifaciality", 0, 0, 1, 0.7, "", "rear efficiency / front efficiency"),
  NUM("plants.bifacial", "rear_loss_percent", 0, 0, 50, 5, "%", "rear racking shade and mismatch"),

  NUM("plants.losses", "soiling_percent", 0, 0, 99, 2, "%", "dirt and dust on the modules"),
  MONTHS("plants.losses", "soiling_monthly_percent", 0, 99, "%",
         "soiling by month, January first, instead of soiling_percent"),
  NUM("plants.losses", "shading_percent", 0, 0, 99, 3, "%", "shading by nearby objects"),
  NUM("plants.losses", "snow_percent", 0, 0, 99, 0, "%", "snow cover"),
  NUM("plants.losses", "mismatch_percent", 0, 0, 99, 2, "%", "module mismatch"),
  NUM("plants.losses", "wiring_percent", 0, 0, 99, 2, "%", "DC and AC wiring"),
  NUM("plants.losses", "connections_percent", 0, 0, 99, 0.5, "%", "connectors"),
  NUM("plants.losses", "lid_percent", 0, 0, 99, 1.5, "%", "light-induced degradation"),
  NUM("plants.losses", "nameplate_percent", 0, 0, 99, 1, "%", "modules below their nameplate"),
  NUM("plants.losses", "availability_percent", 0, 0, 99, 3, "%", "outages (PV also curtailment)"),
  NUM("plants.losses", "electrical_percent", 0, 0, 99, 2, "%", "wind: collection and transformer losses"),
  NUM("plants.losses", "turbine_performance_percent", 0, 0, 99, 2, "%",
      "wind: power curve performance, hysteresis"),
  NUM("plants.losses", "environmental_percent", 0, 0, 99, 1, "%", "wind: icing, degradation of blades"),
  NUM("plants.losses", "curtailment_percent", 0, 0, 99, 1, "%", "wind: grid and environmental curtailment"),

  STR("output", "dir", 0, "", "output folder, relative to the site file (-o overrides)"),
  { NULL, NULL, KEY_FLOAT, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum key_plant site_key_plant(const struct site_key *k)
{
  static const char *const pv[] = {
    "plants.model", "plants.module_type", "plants.capacity_mw_ac", "plants.capacity_mw_dc",
    "plants.dc_ac_ratio", "plants.temp_coeff_percent_per_c", "plants.inverter_efficiency_percent",
    "plants.albedo", "plants.albedo_monthly", "plants.sky_model", "plants.bifacial",
    "plants.array", "plants.temperature_model", "plants.temperature",
    "plants.losses.soiling_percent", "plants.losses.soiling_monthly_percent",
    "plants.losses.shading_percent", "plants.losses.snow_percent", "plants.losses.mismatch_percent",
    "plants.losses.wiring_percent", "plants.losses.connections_percent", "plants.losses.lid_percent",
    "plants.losses.nameplate_percent", NULL
  };
  static const char *const biomass[] = {
    "plants.capacity_mw", "plants.availability_percent", "plants.efficiency_percent",
    "plants.heat_rate_kj_per_kwh",
    "plants.part_load", "plants.min_load_percent", "plants.parasitic_percent",
    "plants.ramp_mw_per_h", "plants.dispatch", "plants.schedule", "plants.feedstock",
    "plants.transport_kg_co2_per_tkm", NULL
  };
  static const char *const wind[] = {
    "plants.turbine", "plants.count", "plants.layout", "plants.shear", "plants.density_correction",
    "plants.wake_model", "plants.wake_loss_percent", "plants.wake_decay", "plants.distribution",
    "plants.losses.electrical_percent", "plants.losses.turbine_performance_percent",
    "plants.losses.environmental_percent", "plants.losses.curtailment_percent", NULL
  };
  char full[160];
  snprintf(full, sizeof full, "%s.%s", k->group, k->name);
  for (int i = 0; pv[i]; i++)
    if (strcmp(full, pv[i]) == 0)
      return KEY_PLANT_PV;
  for (int i = 0; wind[i]; i++)
    if (strcmp(full, wind[i]) == 0)
      return KEY_PLANT_WIND;
  for (int i = 0; biomass[i]; i++)
    if (strcmp(full, biomass[i]) == 0)
      return KEY_PLANT_BIOMASS;
  static const char *const weather[] = {
    "plants.profile", "plants.annualise", "plants.losses_percent", "plants.losses", "plants.degradation_percent_per_year",
    "plants.degradation", NULL
  };
  for (int i = 0; weather[i]; i++)
    if (strcmp(full, weather[i]) == 0)
      return KEY_PLANT_PV_WIND;
  return KEY_PLANT_ANY;
}

const struct site_key *site_key_find(const char *group, const char *name)
{
  for (const struct site_key *k = site_keys; k->name; k++)
    if (strcmp(k->group, group) == 0 && strcmp(k->name, name) == 0)
      return k;
  return NULL;
}

/* Levenshtein distance, capped for long names. */
static size_t edit_distance(const char *a, const char *b)
{
  enum { MAXLEN = 64 };
  size_t la = strlen(a), lb = strlen(b);
  if (la >= MAXLEN || lb >= MAXLEN)
    return MAXLEN;
  size_t row[MAXLEN + 1];
  for (size_t j = 0; j <= lb; j++)
    row[j] = j;
  for (size_t i = 1; i <= la; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= lb; j++) {
      size_t up = row[j];
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t best = diag + cost;
      if (row[j] + 1 < best)
        best = row[j] + 1;
      if (row[j - 1] + 1 < best)
        best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[lb];
}

const char *site_key_suggest(const char *group, const char *name, char *buf, size_t n)
{
  size_t glen = strlen(group);
  /* The same name in a subgroup ("plants" -> "plants.array"). */
  for (const struct site_key *k = site_keys; k->name; k++) {
    if (strcmp(k->name, name) != 0 || strncmp(k->group, group, glen) != 0)
      continue;
    const char *rest = k->group + glen;
    if (glen > 0 && *rest != '.')
      continue;
    if (glen > 0)
      rest++;
    if (*rest && !strchr(rest, '.')) {
      snprintf(buf, n, "%s.%s", rest, name);
      return buf;
    }
  }
  const char *best = NULL;
  size_t best_d = 4;
  for (const struct site_key *k = site_keys; k->name; k++) {
    if (strcmp(k->group, group) != 0)
      continue;
    size_t d = edit_distance(k->name, name);
    if (d < best_d) {
      best_d = d;
      best = k->name;
    }
  }
  if (!best)
    return NULL;
  snprintf(buf, n, "%s", best);
  return buf;
}
