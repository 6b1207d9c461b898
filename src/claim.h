/* Checking an issuer's claim (capacity, annual generation, coal saved, CO2
 * avoided): the figures it implies (full-load hours and capacity factor,
 * gce/kWh, t CO2/tce, t CO2/MWh), each compared with a typical range for the
 * technology and country and with a factor preset; likely unit slips
 * (kWh for MWh, t for kt, MW AC for MW DC); the claim against a site's P50.
 * Pure: no I/O. The ranges come from configs/claim-ranges.cfg, read by
 * claim_ranges_read() (claim_ranges.h). Method and verdict rules: docs/check-claim.md. */
#ifndef RENEWCALC_CLAIM_H
#define RENEWCALC_CLAIM_H

#include "emissions.h"

#define CLAIM_HOURS_PER_YEAR 8760.0
#define CLAIM_RANGES_MAX 64
#define CLAIM_POINTS_MAX 64

/* The implied figures. Full-load hours carry the capacity factor along
 * (CF = hours / 8760), so they are one figure. */
enum claim_metric {
  CLAIM_FLH,          /* full-load hours [h] = generation MWh / capacity MW */
  CLAIM_COAL_RATE,    /* [gce/kWh] = coal tce x 1e6 / (generation MWh x 1e3) */
  CLAIM_CO2_PER_TCE,  /* [t CO2/tce] = CO2 t / coal tce */
  CLAIM_CO2_PER_MWH,  /* [t CO2/MWh] = CO2 t / generation MWh */
  CLAIM_N_METRICS
};

enum claim_tech { CLAIM_PV, CLAIM_WIND, CLAIM_BIOMASS, CLAIM_TECH_ANY };

/* Capacity basis of a claim (NONE: not stated) or of a range (NONE: either). */
enum claim_basis { CLAIM_BASIS_NONE, CLAIM_BASIS_AC, CLAIM_BASIS_DC };

/* Mounting of a PV claim (NONE: not stated) or of a range (NONE: any). */
enum claim_mount { CLAIM_MOUNT_NONE, CLAIM_MOUNT_FIXED, CLAIM_MOUNT_TRACKER };

/* What a t CO2/MWh range stands for (ANY for the other metrics). */
enum claim_baseline { CLAIM_BASELINE_ANY, CLAIM_BASELINE_COAL, CLAIM_BASELINE_GRID };

/* A typical range of one metric, in the metric's unit, with its source.
 * country: ISO 3166-1 alpha-2 code, "" for any country. */
struct claim_range {
  enum claim_metric metric;
  enum claim_tech tech;
  char country[4];
  enum claim_mount mount;
  enum claim_basis basis;        /* full-load hours: capacity basis of lo/hi */
  enum claim_baseline baseline;  /* t CO2/MWh only */
  double lo, hi;                 /* 0 <= lo <= hi */
  char label[160];
  char year[48];
  char confidence[8];            /* "H", "M", "L", "M/L" (docs/check-claim.md) */
  char source[512];
};

/* A published value of a metric (a year's national coal rate, a CO2 factor),
 * to name the convention a claim most likely used. */
struct claim_point {
  enum claim_metric metric;
  double value;
  char label[200];
  char year[48];
  char confidence[8];
};

/* Everything read from the ranges file. */
struct claim_ranges {
  double dcac_lo, dcac_hi;       /* DC/AC ratios of utility PV, 1 <= lo <= hi */
  char dcac_source[256];
  int n_ranges;
  struct claim_range ranges[CLAIM_RANGES_MAX];
  int n_points;
  struct claim_point points[CLAIM_POINTS_MAX];
};

/* The claim. Each figure < 0: not given. */
struct claim_input {
  double capacity_mw;
  double generation_mwh;
  double coal_tce;
  double co2_t;
  enum claim_tech tech;          /* not ANY */
  enum claim_basis basis;
  enum claim_mount mount;
  char country[4];               /* upper case, "" when not given */
};

enum claim_verdict {
  CLAIM_NOT_COMPUTED, /* a figure it needs was not given */
  CLAIM_NO_RANGE,     /* no range in the file fits */
  CLAIM_CONSISTENT,   /* lo <= value <= hi */
  CLAIM_BELOW,        /* value < lo; deviation = value / lo - 1 */
  CLAIM_ABOVE         /* value > hi; deviation = value / hi - 1 */
};

/* The verdict on one implied figure. Pointers are borrowed from the
 * claim_ranges passed to claim_check(). */
struct claim_check {
  enum claim_metric metric;
  double value;                  /* in the metric's unit; valid when verdict != NOT_COMPUTED */
  enum claim_verdict verdict;
  double deviation;              /* fraction; 0 when consistent */
  const struct claim_range *range;
  double lo, hi;                 /* range as applied to the claim's capacity basis */
  enum claim_basis applied_basis; /* basis lo/hi refer to (NONE: either) */
  /* full-load hours against a range on one basis: the verdict if the capacity
     were on the other basis (scaled by the DC/AC ratios of the file) */
  int has_alt;
  enum claim_basis alt_basis;
  double alt_lo, alt_hi;
  enum claim_verdict alt_verdict;
  double alt_deviation;
  /* t CO2/MWh: the range of the other baseline (coal substitution or grid) */
  const struct claim_range *other;
  enum claim_verdict other_verdict;
  double other_deviation;
  /* the preset's value of the same figure (coal rate, CO2 per tce, and
     t CO2/MWh = coal rate x CO2 per tce / 1000 or the grid factor) */
  int has_preset;
  double preset_value;
  double preset_diff;            /* value / preset_value - 1 */
  /* the nearest published value */
  const struct claim_point *nearest;
  double nearest_diff;           /* value / nearest->value - 1 */
};

enum claim_figure { CLAIM_FIG_CAPACITY, CLAIM_FIG_GENERATION, CLAIM_FIG_COAL, CLAIM_FIG_CO2,
                    CLAIM_N_FIGURES };

enum claim_slip_kind {
  CLAIM_SLIP_SCALE, /* a unit 1000 times too small or too large (kWh/MWh/GWh, t/kt, kW/MW) */
  CLAIM_SLIP_BASIS  /* capacity stated on one basis fits only on the other (MW AC vs DC) */
};

/* A likely unit slip: the given figure times factor makes the figures agree. */
struct claim_slip {
  enum claim_slip_kind kind;
  enum claim_figure figure;
  double factor;                 /* 1000 or 0.001 (SCALE); 1 (BASIS) */
  double given, corrected;       /* the figure [MW, MWh, tce, t] */
  enum claim_metric metric;      /* the implied figure that shows it */
  double metric_given;           /* metric with this figure as given and any
                                    other slip corrected */
  double metric_corrected;       /* metric with every slip corrected */
};

struct claim_result {
  struct claim_check check[CLAIM_N_METRICS];
  double capacity_factor;        /* full-load hours / 8760 (fraction); < 0: not computed */
  int n_slips;
  struct claim_slip slips[CLAIM_N_FIGURES];
  int slip_unresolved;           /* 1: a figure is impossible and no single unit
                                    change per figure explains it */
};

/* Implied figures, verdicts and unit slips of claim in against the ranges
 * rg and the factor preset ef (NULL: no preset comparison). in->tech is a
 * technology, not ANY; figures < 0 are not given. Fills *out. Pure. */
void claim_check(const struct claim_input *in, const struct claim_ranges *rg,
                 const struct emission_factors *ef, struct claim_result *out);

/* The most specific range of metric for the claim (country before
 * technology before mounting; first in the file on a tie), or NULL.
 * baseline selects t CO2/MWh ranges (ANY for the other metrics). */
const struct claim_range *claim_range_find(const struct claim_ranges *rg, enum claim_metric metric,
                                           const struct claim_input *in,
                                           enum claim_baseline baseline);

/* Verdict of value against [lo, hi]; *deviation as in enum claim_verdict. */
enum claim_verdict claim_compare(double value, double lo, double hi, double *deviation);

/* A claim's generation against a site's modelled year. */
enum claim_site_verdict {
  CLAIM_SITE_CONSISTENT,  /* P90 <= claim <= P50 x (1 + sigma) */
  CLAIM_SITE_ABOVE,       /* claim above P50 by more than one standard deviation */
  CLAIM_SITE_BELOW_P90    /* claim below P90: conservative */
};

/* claim_mwh, p50_mwh, p90_mwh > 0 [MWh]; sigma_total: one-year standard
 * deviation as a fraction of P50 (sim_uncertainty.sigma_total).
 * *diff = claim / P50 - 1. */
enum claim_site_verdict claim_site_compare(double claim_mwh, double p50_mwh, double p90_mwh,
                                           double sigma_total, double *diff);

/* Names for output: "full_load_hours", "coal_rate_gce_per_kwh",
 * "co2_t_per_tce", "co2_t_per_mwh"; unit strings "h", "gce/kWh",
 * "t CO2/tce", "t CO2/MWh"; verdict "consistent", "below_range",
 * "above_range", "not_computed", "no_range"; technologies "pv", "wind",
 * "biomass"; figures "capacity", "generation", "coal", "co2". */
const char *claim_metric_name(enum claim_metric m);
const char *claim_metric_unit(enum claim_metric m);
const char *claim_verdict_name(enum claim_verdict v);
const char *claim_tech_name(enum claim_tech t);
const char *claim_figure_name(enum claim_figure f);
const char *claim_site_verdict_name(enum claim_site_verdict v);

/* Parsers for names in the ranges file and on the command line; -1 when
 * unknown. claim_metric_parse accepts the names above. */
int claim_metric_parse(const char *s);
int claim_tech_parse(const char *s);  /* "pv", "wind", "biomass", "*" (ANY) */

#endif
