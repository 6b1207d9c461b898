/* Claim check; see claim.h and docs/check-claim.md.
 * The arithmetic of the founding claim (1.7e9 kWh x 300 gce/kWh = 510,000
 * tce; 1.4e6 t / 510,000 tce = 2.745 t CO2/tce) follows the Chinese
 * coal-substitution convention (CBRC green-credit measurement guideline). */
#include "claim.h"

#include <math.h>
#include <string.h>

/* Bounds no honest figure crosses, whatever the convention: they tell a
 * unit slip from a merely unusual claim. Full-load hours: a year has 8760;
 * under 10 h no plant is worth reporting. Coal rate: the calorific
 * equivalent 122.9 gce/kWh up to the old 400 rule, widened to 100..1000 as
 * factors.c accepts for presets; CO2 per tce 1..4 likewise; t CO2/MWh from
 * the cleanest grid factors (about 0.1) to lignite (about 1.2), widened. */
static const double hard_lo[CLAIM_N_METRICS] = { 10.0, 100.0, 1.0, 0.01 };
static const double hard_hi[CLAIM_N_METRICS] = { CLAIM_HOURS_PER_YEAR, 1000.0, 4.0, 2.0 };

static const char *const metric_names[CLAIM_N_METRICS] = {
  "full_load_hours", "coal_rate_gce_per_kwh", "co2_t_per_tce", "co2_t_per_mwh"
};
static const char *const metric_units[CLAIM_N_METRICS] = { "h", "gce/kWh", "t CO2/tce",
                                                           "t CO2/MWh" };

const char *claim_metric_name(enum claim_metric m)
{
  return (unsigned)m < CLAIM_N_METRICS ? metric_names[m] : "?";
}

const char *claim_metric_unit(enum claim_metric m)
{
  return (unsigned)m < CLAIM_N_METRICS ? metric_units[m] : "?";
}

const char *claim_verdict_name(enum claim_verdict v)
{
  switch (v) {
  case CLAIM_NOT_COMPUTED:
    return "not_computed";
  case CLAIM_NO_RANGE:
    return "no_range";
  case CLAIM_CONSISTENT:
    return "consistent";
  case CLAIM_BELOW:
    return "below_range";
  case CLAIM_ABOVE:
    return "above_range";
  }
  return "?";
}

const char *claim_tech_name(enum claim_tech t)
{
  switch (t) {
  case CLAIM_PV:
    return "pv";
  case CLAIM_WIND:
    return "wind";
  case CLAIM_BIOMASS:
    return "biomass";
  case CLAIM_TECH_ANY:
    return "*";
  }
  return "?";
}

const char *claim_figure_name(enum claim_figure f)
{
  static const char *const names[CLAIM_N_FIGURES] = { "capacity", "generation", "coal", "co2" };
  return (unsigned)f < CLAIM_N_FIGURES ? names[f] : "?";
}

const char *claim_site_verdict_name(enum claim_site_verdict v)
{
  switch (v) {
  case CLAIM_SITE_CONSISTENT:
    return "consistent";
  case CLAIM_SITE_ABOVE:
    return "above_p50";
  case CLAIM_SITE_BELOW_P90:
    return "below_p90";
  }
  return "?";
}

int claim_metric_parse(const char *s)
{
  for (int m = 0; m < CLAIM_N_METRICS; m++)
    if (strcmp(s, metric_names[m]) == 0)
      return m;
  return -1;
}

int claim_tech_parse(const char *s)
{
  if (strcmp(s, "*") == 0)
    return CLAIM_TECH_ANY;
  for (int t = CLAIM_PV; t <= CLAIM_BIOMASS; t++)
    if (strcmp(s, claim_tech_name((enum claim_tech)t)) == 0)
      return t;
  return -1;
}

enum claim_verdict claim_compare(double value, double lo, double hi, double *deviation)
{
  *deviation = 0.0;
  if (value < lo) {
    *deviation = value / lo - 1.0;
    return CLAIM_BELOW;
  }
  if (value > hi) {
    *deviation = value / hi - 1.0;
    return CLAIM_ABOVE;
  }
  return CLAIM_CONSISTENT;
}

const struct claim_range *claim_range_find(const struct claim_ranges *rg, enum claim_metric metric,
                                           const struct claim_input *in,
                                           enum claim_baseline baseline)
{
  const struct claim_range *best = NULL;
  int best_score = -1;
  for (int i = 0; i < rg->n_ranges; i++) {
    const struct claim_range *r = &rg->ranges[i];
    if (r->metric != metric)
      continue;
    if (r->tech != CLAIM_TECH_ANY && r->tech != in->tech)
      continue;
    if (r->country[0] && strcmp(r->country, in->country) != 0)
      continue;
    if (r->mount != CLAIM_MOUNT_NONE && r->mount != in->mount)
      continue;
    if (baseline != CLAIM_BASELINE_ANY && r->baseline != CLAIM_BASELINE_ANY &&
        r->baseline != baseline)
      continue;
    int score = (r->country[0] ? 4 : 0) + (r->tech != CLAIM_TECH_ANY ? 2 : 0) +
                (r->mount != CLAIM_MOUNT_NONE ? 1 : 0);
    if (score > best_score) {
      best = r;
      best_score = score;
    }
  }
  return best;
}

/* Metric from figures (any < 0: not given); < 0 when not computable. */
static double metric_of(enum claim_metric m, const double fig[CLAIM_N_FIGURES])
{
  double cap = fig[CLAIM_FIG_CAPACITY], gen = fig[CLAIM_FIG_GENERATION];
  double coal = fig[CLAIM_FIG_COAL], co2 = fig[CLAIM_FIG_CO2];
  switch (m) {
  case CLAIM_FLH:
    return cap > 0 && gen > 0 ? gen / cap : -1.0;
  case CLAIM_COAL_RATE:
    /* tce x 1e6 g / (MWh x 1e3 kWh) */
    return gen > 0 && coal > 0 ? coal * 1000.0 / gen : -1.0;
  case CLAIM_CO2_PER_TCE:
    return coal > 0 && co2 > 0 ? co2 / coal : -1.0;
  case CLAIM_CO2_PER_MWH:
    return gen > 0 && co2 > 0 ? co2 / gen : -1.0;
  case CLAIM_N_METRICS:
    break;
  }
  return -1.0;
}

/* How far (in decades) v lies outside [lo, hi]; 0 inside. */
static double log_outside(double v, double lo, double hi)
{
  if (v < lo && lo > 0)
    return log10(lo / v);
  if (v > hi)
    return log10(v / hi);
  return 0.0;
}

static void apply_flh_range(const struct claim_ranges *rg, const struct claim_input *in,
                            struct claim_check *c)
{
  const struct claim_range *r = c->range;
  double lo = r->lo, hi = r->hi;
  c->lo = lo;
  c->hi = hi;
  c->applied_basis = r->basis;
  if (r->basis == CLAIM_BASIS_NONE)
    return;
  /* Hours on AC = hours on DC x DC/AC: the same energy over a smaller rating. */
  double as_ac_lo = r->basis == CLAIM_BASIS_DC ? lo * rg->dcac_lo : lo;
  double as_ac_hi = r->basis == CLAIM_BASIS_DC ? hi * rg->dcac_hi : hi;
  double as_dc_lo = r->basis == CLAIM_BASIS_AC ? lo / rg->dcac_hi : lo;
  double as_dc_hi = r->basis == CLAIM_BASIS_AC ? hi / rg->dcac_lo : hi;
  enum claim_basis basis = in->basis == CLAIM_BASIS_NONE ? r->basis : in->basis;
  c->applied_basis = basis;
  c->has_alt = 1;
  if (basis == CLAIM_BASIS_AC) {
    c->lo = as_ac_lo;
    c->hi = as_ac_hi;
    c->alt_basis = CLAIM_BASIS_DC;
    c->alt_lo = as_dc_lo;
    c->alt_hi = as_dc_hi;
  } else {
    c->lo = as_dc_lo;
    c->hi = as_dc_hi;
    c->alt_basis = CLAIM_BASIS_AC;
    c->alt_lo = as_ac_lo;
    c->alt_hi = as_ac_hi;
  }
}

static const struct claim_point *nearest_point(const struct claim_ranges *rg,
                                               enum claim_metric m, double v)
{
  const struct claim_point *best = NULL;
  double best_d = HUGE_VAL;
  for (int i = 0; i < rg->n_points; i++) {
    const struct claim_point *p = &rg->points[i];
    if (p->metric != m || p->value <= 0)
      continue;
    double d = fabs(log(v / p->value));
    if (d < best_d) {
      best_d = d;
      best = p;
    }
  }
  return best;
}

static double preset_value(enum claim_metric m, const struct emission_factors *ef)
{
  switch (m) {
  case CLAIM_COAL_RATE:
    return ef->coal_rate.value;
  case CLAIM_CO2_PER_TCE:
    return ef->co2_per_tce.value;
  case CLAIM_CO2_PER_MWH:
    if (ef->method == EMIS_GRID)
      return ef->grid.value;
    return ef->coal_rate.value * ef->co2_per_tce.value / 1000.0;
  default:
    return -1.0;
  }
}

/* Which implied figure shows a slip of figure f, given what was claimed. */
static enum claim_metric witness(enum claim_figure f, const double fig[CLAIM_N_FIGURES])
{
  switch (f) {
  case CLAIM_FIG_CAPACITY:
    return CLAIM_FLH;
  case CLAIM_FIG_GENERATION:
    if (fig[CLAIM_FIG_CAPACITY] > 0)
      return CLAIM_FLH;
    return fig[CLAIM_FIG_COAL] > 0 ? CLAIM_COAL_RATE : CLAIM_CO2_PER_MWH;
  case CLAIM_FIG_COAL:
    return fig[CLAIM_FIG_GENERATION] > 0 ? CLAIM_COAL_RATE : CLAIM_CO2_PER_TCE;
  default:
    return fig[CLAIM_FIG_COAL] > 0 ? CLAIM_CO2_PER_TCE : CLAIM_CO2_PER_MWH;
  }
}

/* Tries every figure as given, x 1000 and / 1000; keeps the fewest changes
 * (capacity, a headline number, counts 1.5) that bring every implied figure
 * within the hard bounds, then the one nearest the typical ranges. */
static void find_slips(const double given[CLAIM_N_FIGURES], const struct claim_result *res,
                       struct claim_result *out)
{
  static const double scale[3] = { 1.0, 1000.0, 0.001 };
  int feasible0 = 1;
  for (int m = 0; m < CLAIM_N_METRICS; m++) {
    double v = metric_of((enum claim_metric)m, given);
    if (v >= 0 && (v < hard_lo[m] || v > hard_hi[m]))
      feasible0 = 0;
  }
  if (feasible0)
    return;
  double best_cost = HUGE_VAL;
  int best_combo = -1;
  for (int combo = 0; combo < 81; combo++) {
    double fig[CLAIM_N_FIGURES];
    double cost = 0.0;
    int k = combo, skip = 0;
    for (int f = 0; f < CLAIM_N_FIGURES; f++, k /= 3) {
      int s = k % 3;
      if (s != 0 && given[f] < 0)
        skip = 1;
      fig[f] = given[f] < 0 ? -1.0 : given[f] * scale[s];
      if (s != 0)
        cost += f == CLAIM_FIG_CAPACITY ? 1.5 : 1.0;
    }
    if (skip)
      continue;
    int ok = 1;
    double near = 0.0;
    for (int m = 0; m < CLAIM_N_METRICS && ok; m++) {
      double v = metric_of((enum claim_metric)m, fig);
      if (v < 0)
        continue;
      if (v < hard_lo[m] || v > hard_hi[m])
        ok = 0;
      const struct claim_check *c = &res->check[m];
      if (c->range)
        near += log_outside(v, c->lo, c->hi);
    }
    if (!ok)
      continue;
    cost += 0.01 * near;
    if (cost < best_cost) {
      best_cost = cost;
      best_combo = combo;
    }
  }
  if (best_combo < 0) {
    out->slip_unresolved = 1;
    return;
  }
  double fixed[CLAIM_N_FIGURES];
  int k = best_combo;
  for (int f = 0; f < CLAIM_N_FIGURES; f++, k /= 3)
    fixed[f] = given[f] < 0 ? -1.0 : given[f] * scale[k % 3];
  k = best_combo;
  for (int f = 0; f < CLAIM_N_FIGURES; f++, k /= 3) {
    if (k % 3 == 0)
      continue;
    struct claim_slip *s = &out->slips[out->n_slips++];
    s->kind = CLAIM_SLIP_SCALE;
    s->figure = (enum claim_figure)f;
    s->factor = scale[k % 3];
    s->given = given[f];
    s->corrected = fixed[f];
    s->metric = witness(s->figure, given);
    /* the other slips corrected, this one not: what this figure alone does */
    double one[CLAIM_N_FIGURES];
    memcpy(one, fixed, sizeof one);
    one[f] = given[f];
    s->metric_given = metric_of(s->metric, one);
    s->metric_corrected = metric_of(s->metric, fixed);
  }
}

void claim_check(const struct claim_input *in, const struct claim_ranges *rg,
                 const struct emission_factors *ef, struct claim_result *out)
{
  memset(out, 0, sizeof *out);
  double given[CLAIM_N_FIGURES] = { in->capacity_mw, in->generation_mwh, in->coal_tce,
                                    in->co2_t };
  enum claim_baseline baseline =
    ef && ef->method == EMIS_GRID ? CLAIM_BASELINE_GRID : CLAIM_BASELINE_COAL;
  out->capacity_factor = -1.0;
  for (int m = 0; m < CLAIM_N_METRICS; m++) {
    struct claim_check *c = &out->check[m];
    c->metric = (enum claim_metric)m;
    c->range = claim_range_find(rg, c->metric, in,
                                m == CLAIM_CO2_PER_MWH ? baseline : CLAIM_BASELINE_ANY);
    if (c->range) {
      if (m == CLAIM_FLH) {
        apply_flh_range(rg, in, c);
      } else {
        c->lo = c->range->lo;
        c->hi = c->range->hi;
      }
    }
    if (m == CLAIM_CO2_PER_MWH) {
      enum claim_baseline other =
        baseline == CLAIM_BASELINE_GRID ? CLAIM_BASELINE_COAL : CLAIM_BASELINE_GRID;
      c->other = claim_range_find(rg, c->metric, in, other);
      if (c->other == c->range || (c->other && c->other->baseline != other))
        c->other = NULL;
    }
    c->value = metric_of(c->metric, given);
    if (c->value < 0) {
      c->verdict = CLAIM_NOT_COMPUTED;
      continue;
    }
    c->verdict = c->range ? claim_compare(c->value, c->lo, c->hi, &c->deviation)
                          : CLAIM_NO_RANGE;
    if (c->has_alt)
      c->alt_verdict = claim_compare(c->value, c->alt_lo, c->alt_hi, &c->alt_deviation);
    if (c->other)
      c->other_verdict =
        claim_compare(c->value, c->other->lo, c->other->hi, &c->other_deviation);
    if (ef) {
      double p = preset_value(c->metric, ef);
      if (p > 0) {
        c->has_preset = 1;
        c->preset_value = p;
        c->preset_diff = c->value / p - 1.0;
      }
    }
    c->nearest = nearest_point(rg, c->metric, c->value);
    if (c->nearest)
      c->nearest_diff = c->value / c->nearest->value - 1.0;
  }
  if (out->check[CLAIM_FLH].verdict != CLAIM_NOT_COMPUTED)
    out->capacity_factor = out->check[CLAIM_FLH].value / CLAIM_HOURS_PER_YEAR;
  find_slips(given, out, out);

  /* A stated basis that misses the range while the other basis fits. */
  const struct claim_check *h = &out->check[CLAIM_FLH];
  int scaled = 0;
  for (int i = 0; i < out->n_slips; i++)
    scaled |= out->slips[i].figure == CLAIM_FIG_CAPACITY ||
              out->slips[i].figure == CLAIM_FIG_GENERATION;
  if (!scaled && in->basis != CLAIM_BASIS_NONE && h->has_alt &&
      (h->verdict == CLAIM_BELOW || h->verdict == CLAIM_ABOVE) &&
      h->alt_verdict == CLAIM_CONSISTENT) {
    struct claim_slip *s = &out->slips[out->n_slips++];
    s->kind = CLAIM_SLIP_BASIS;
    s->figure = CLAIM_FIG_CAPACITY;
    s->factor = 1.0;
    s->given = s->corrected = in->capacity_mw;
    s->metric = CLAIM_FLH;
    s->metric_given = s->metric_corrected = h->value;
  }
}

enum claim_site_verdict claim_site_compare(double claim_mwh, double p50_mwh, double p90_mwh,
                                           double sigma_total, double *diff)
{
  *diff = claim_mwh / p50_mwh - 1.0;
  if (claim_mwh < p90_mwh)
    return CLAIM_SITE_BELOW_P90;
  if (*diff > sigma_total)
    return CLAIM_SITE_ABOVE;
  return CLAIM_SITE_CONSISTENT;
}
