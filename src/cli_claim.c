/* renewcalc check-claim: an issuer's capacity, generation, coal saved and
 * CO2 avoided checked for internal consistency, against typical ranges
 * (configs/claim-ranges.cfg) and a factor preset, and optionally against
 * renewcalc's own P50 for a site (claim.h; docs/check-claim.md). */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claim.h"
#include "claim_ranges.h"
#include "cli.h"
#include "config.h"
#include "datadir.h"
#include "diag.h"
#include "outstream.h"
#include "factors.h"
#include "profile.h"
#include "sim.h"
#include "site_run.h"
#include "site_cfg.h"
#include "text.h"
#include "wind_profile.h"

static const char claim_usage[] =
  "usage: renewcalc check-claim [--capacity-mw N] [--generation-gwh N] [--coal-t N] [--co2-t N]\n"
  "                             [--technology pv|wind|biomass] [--capacity-basis ac|dc]\n"
  "                             [--country CODE] [--mounting fixed|tracker] [--factors NAME]\n"
  "                             [--site SITE.cfg] [--ranges FILE] [--format text|json]\n"
  "                             [-o FILE|-]\n"
  "  --capacity-mw N          installed capacity [MW]\n"
  "  --generation-gwh N       annual generation [GWh]; or --generation-mwh N, --generation-kwh N\n"
  "  --coal-t N               standard coal saved a year [t, tce]\n"
  "  --co2-t N                CO2 avoided a year [t]\n"
  "  --technology T           pv (default), wind or biomass\n"
  "  --capacity-basis B       ac or dc: which rating the capacity is (default: not stated)\n"
  "  --country CODE           ISO 3166-1 alpha-2 code of the plant's country, e.g. LA, CN, TH, VN\n"
  "  --mounting M             fixed or tracker (PV)\n"
  "  --factors NAME           factor preset to compare with (default: the site's, else cn-coal)\n"
  "  --site SITE.cfg          also model the site and compare the generation with its P50/P90\n"
  "  --ranges FILE            typical ranges (default: claim-ranges.cfg beside the factor presets)\n"
  "  -o FILE                  write the check to FILE, complete or not at all (- or none:\n"
  "                           standard output)\n"
  "any subset of the four figures may be given; each implied figure needs two of them\n"
  "exit status: 0 the check ran (whatever the verdicts), 1 runtime failure, 2 bad input\n";

enum gen_unit { GEN_KWH, GEN_MWH, GEN_GWH };

struct claim_opts {
  struct claim_input in;
  enum gen_unit gen_unit;
  int gen_given;
  int tech_given;
  const char *factors;
  const char *site;
  const char *ranges;
  const char *out; /* -o FILE, or NULL for standard output */
  int json;
};

/* ---- options ---------------------------------------------------------------- */

static int parse_positive(const char *opt, const char *arg, double *out)
{
  char *end;
  double v = strtod(arg, &end);
  if (end == arg || *end != '\0' || !isfinite(v)) {
    fprintf(stderr, "renewcalc: --%s: expected a number, got '%s'\n", opt, arg);
    return -1;
  }
  if (!(v > 0)) {
    fprintf(stderr, "renewcalc: --%s: expected a number greater than 0, got %s\n", opt, arg);
    return -1;
  }
  *out = v;
  return 0;
}

static int parse(int argc, char **argv, struct claim_opts *o)
{
  enum { O_CAP = 256, O_GWH, O_MWH, O_KWH, O_COAL, O_CO2, O_TECH, O_BASIS, O_COUNTRY, O_MOUNT,
         O_FACTORS, O_SITE, O_RANGES, O_FORMAT };
  static const struct option longopts[] = {
    { "capacity-mw", required_argument, NULL, O_CAP },
    { "generation-gwh", required_argument, NULL, O_GWH },
    { "generation-mwh", required_argument, NULL, O_MWH },
    { "generation-kwh", required_argument, NULL, O_KWH },
    { "coal-t", required_argument, NULL, O_COAL },
    { "co2-t", required_argument, NULL, O_CO2 },
    { "technology", required_argument, NULL, O_TECH },
    { "capacity-basis", required_argument, NULL, O_BASIS },
    { "country", required_argument, NULL, O_COUNTRY },
    { "mounting", required_argument, NULL, O_MOUNT },
    { "factors", required_argument, NULL, O_FACTORS },
    { "site", required_argument, NULL, O_SITE },
    { "ranges", required_argument, NULL, O_RANGES },
    { "format", required_argument, NULL, O_FORMAT },
    { "output", required_argument, NULL, 'o' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  memset(o, 0, sizeof *o);
  o->in.capacity_mw = o->in.generation_mwh = o->in.coal_tce = o->in.co2_t = -1.0;
  o->in.tech = CLAIM_PV;
  optind = 1;
  opterr = 0;
  int c, idx;
  double v;
  while ((c = getopt_long(argc, argv, ":ho:", longopts, &idx)) != -1) {
    const char *name = c >= O_CAP ? longopts[idx].name : "";
    switch (c) {
    case 'o':
      o->out = optarg;
      break;
    case O_CAP:
      if (parse_positive(name, optarg, &o->in.capacity_mw) != 0)
        return -1;
      break;
    case O_GWH:
    case O_MWH:
    case O_KWH:
      if (o->gen_given) {
        fprintf(stderr, "renewcalc: --%s: expected one generation option, got a second\n", name);
        return -1;
      }
      if (parse_positive(name, optarg, &v) != 0)
        return -1;
      o->gen_given = 1;
      o->gen_unit = c == O_GWH ? GEN_GWH : c == O_MWH ? GEN_MWH : GEN_KWH;
      o->in.generation_mwh = c == O_GWH ? v * 1000.0 : c == O_MWH ? v : v / 1000.0;
      break;
    case O_COAL:
      if (parse_positive(name, optarg, &o->in.coal_tce) != 0)
        return -1;
      break;
    case O_CO2:
      if (parse_positive(name, optarg, &o->in.co2_t) != 0)
        return -1;
      break;
    case O_TECH: {
      int t = claim_tech_parse(optarg);
      if (t < 0 || t == CLAIM_TECH_ANY) {
        fprintf(stderr, "renewcalc: --technology: expected pv, wind or biomass, got '%s'\n",
                optarg);
        return -1;
      }
      o->in.tech = (enum claim_tech)t;
      o->tech_given = 1;
      break;
    }
    case O_BASIS:
      if (strcmp(optarg, "ac") == 0 || strcmp(optarg, "AC") == 0)
        o->in.basis = CLAIM_BASIS_AC;
      else if (strcmp(optarg, "dc") == 0 || strcmp(optarg, "DC") == 0)
        o->in.basis = CLAIM_BASIS_DC;
      else {
        fprintf(stderr, "renewcalc: --capacity-basis: expected ac or dc, got '%s'\n", optarg);
        return -1;
      }
      break;
    case O_COUNTRY:
      if (strlen(optarg) != 2 || !isalpha((unsigned char)optarg[0]) ||
          !isalpha((unsigned char)optarg[1])) {
        fprintf(stderr, "renewcalc: --country: expected a two-letter ISO 3166 code such as LA, "
                        "got '%s'\n", optarg);
        return -1;
      }
      o->in.country[0] = (char)toupper((unsigned char)optarg[0]);
      o->in.country[1] = (char)toupper((unsigned char)optarg[1]);
      o->in.country[2] = '\0';
      break;
    case O_MOUNT:
      if (strcmp(optarg, "fixed") == 0)
        o->in.mount = CLAIM_MOUNT_FIXED;
      else if (strcmp(optarg, "tracker") == 0)
        o->in.mount = CLAIM_MOUNT_TRACKER;
      else {
        fprintf(stderr, "renewcalc: --mounting: expected fixed or tracker, got '%s'\n", optarg);
        return -1;
      }
      break;
    case O_FACTORS:
      o->factors = optarg;
      break;
    case O_SITE:
      o->site = optarg;
      break;
    case O_RANGES:
      o->ranges = optarg;
      break;
    case O_FORMAT:
      if (strcmp(optarg, "text") == 0)
        o->json = 0;
      else if (strcmp(optarg, "json") == 0)
        o->json = 1;
      else {
        fprintf(stderr, "renewcalc: --format: expected text or json, got '%s'\n", optarg);
        return -1;
      }
      break;
    case 'h':
      fputs(claim_usage, stdout);
      exit(EXIT_OK);
    case ':':
      fprintf(stderr, "renewcalc: option '%s' needs a value\n", argv[optind - 1]);
      return -1;
    default:
      fprintf(stderr, "renewcalc: unknown option '%s' (renewcalc check-claim --help lists them)\n",
              argv[optind - 1]);
      return -1;
    }
  }
  if (optind != argc) {
    fprintf(stderr, "renewcalc: check-claim: expected options only, got '%s'\n", argv[optind]);
    return -1;
  }
  if (o->in.capacity_mw < 0 && o->in.generation_mwh < 0 && o->in.coal_tce < 0 &&
      o->in.co2_t < 0) {
    fprintf(stderr, "renewcalc: check-claim: expected at least one of --capacity-mw, "
                    "--generation-gwh, --coal-t, --co2-t, got none\n");
    return -1;
  }
  return 0;
}

/* ---- number formatting (locale-free) ------------------------------------------ */

/* v rounded to decimals places, with thousands grouped by commas. */
static const char *grouped(char *buf, size_t n, double v, int decimals)
{
  char raw[64];
  snprintf(raw, sizeof raw, "%.*f", decimals, fabs(v));
  const char *dot = strchr(raw, '.');
  size_t int_len = dot ? (size_t)(dot - raw) : strlen(raw);
  size_t o = 0;
  if (v < 0 && o + 1 < n)
    buf[o++] = '-';
  for (size_t i = 0; i < int_len && o + 2 < n; i++) {
    if (i > 0 && (int_len - i) % 3 == 0)
      buf[o++] = ',';
    buf[o++] = raw[i];
  }
  for (const char *c = dot; c && *c && o + 1 < n; c++)
    buf[o++] = *c;
  buf[o] = '\0';
  return buf;
}

/* An amount in words as an issuer writes it: "1.7 billion", "510,000". */
static const char *amount(char *buf, size_t n, double v)
{
  if (v >= 1e12)
    snprintf(buf, n, "%.4g trillion", v / 1e12);
  else if (v >= 1e9)
    snprintf(buf, n, "%.4g billion", v / 1e9);
  else if (v >= 1e6)
    snprintf(buf, n, "%.4g million", v / 1e6);
  else if (v >= 1000 || v == floor(v))
    grouped(buf, n, v, v == floor(v) ? 0 : 1);
  else
    snprintf(buf, n, "%.5g", v);
  return buf;
}

/* A metric's value as printed: hours grouped, others to 3 (t CO2/MWh: 2)
 * significant digits, with 4 in brackets when the rounding hides some. */
static const char *metric_text(char *buf, size_t n, enum claim_metric m, double v)
{
  if (m == CLAIM_FLH) {
    char g[48];
    if (v < 100)
      snprintf(buf, n, "%.3g h", v);
    else
      snprintf(buf, n, "%s h", grouped(g, sizeof g, v, 0));
    return buf;
  }
  int sig = m == CLAIM_CO2_PER_MWH ? 2 : 3;
  char s[32];
  snprintf(s, sizeof s, "%.*g", sig, v);
  if (fabs(strtod(s, NULL) - v) > 1e-9 * fabs(v))
    snprintf(buf, n, "%s %s (%.4g)", s, claim_metric_unit(m), v);
  else
    snprintf(buf, n, "%s %s", s, claim_metric_unit(m));
  return buf;
}

static const char *bound_text(char *buf, size_t n, enum claim_metric m, double v)
{
  if (m == CLAIM_FLH)
    return grouped(buf, n, v, 0);
  snprintf(buf, n, "%.5g", v);
  return buf;
}

static const char *range_text(char *buf, size_t n, enum claim_metric m, double lo, double hi)
{
  char a[32], b[32];
  snprintf(buf, n, "%s-%s %s", bound_text(a, sizeof a, m, lo), bound_text(b, sizeof b, m, hi),
           claim_metric_unit(m));
  return buf;
}

static const char *basis_name(enum claim_basis b)
{
  return b == CLAIM_BASIS_AC ? "ac" : b == CLAIM_BASIS_DC ? "dc" : NULL;
}

static const char *mount_name(enum claim_mount m)
{
  return m == CLAIM_MOUNT_FIXED ? "fixed" : m == CLAIM_MOUNT_TRACKER ? "tracker" : NULL;
}

/* ---- unit slips in words ---------------------------------------------------------- */

static const char *const gen_ladder[] = { "Wh", "kWh", "MWh", "GWh", "TWh" };
static const char *const mass_ladder[] = { "kg", "t", "kt", "Mt" };
static const char *const cap_ladder[] = { "kW", "MW", "GW" };

/* A figure in the unit the user gave it, in words. */
static const char *figure_text(char *buf, size_t n, enum claim_figure f, double v,
                               enum gen_unit gu)
{
  char a[64];
  switch (f) {
  case CLAIM_FIG_CAPACITY:
    snprintf(buf, n, "%s MW", amount(a, sizeof a, v));
    break;
  case CLAIM_FIG_GENERATION: {
    double x = gu == GEN_GWH ? v / 1000.0 : gu == GEN_MWH ? v : v * 1000.0;
    char k[64];
    if (gu == GEN_KWH)
      snprintf(buf, n, "%s kWh", amount(a, sizeof a, x));
    else
      snprintf(buf, n, "%s %s (%s kWh)", amount(a, sizeof a, x), gen_ladder[gu + 1],
               amount(k, sizeof k, v * 1000.0));
    break;
  }
  case CLAIM_FIG_COAL:
    snprintf(buf, n, "%s t of standard coal", amount(a, sizeof a, v));
    break;
  default:
    snprintf(buf, n, "%s t of CO2", amount(a, sizeof a, v));
  }
  return buf;
}

/* The other figure an implied metric is made from. */
static enum claim_figure partner(enum claim_metric m, enum claim_figure f)
{
  switch (m) {
  case CLAIM_FLH:
    return f == CLAIM_FIG_CAPACITY ? CLAIM_FIG_GENERATION : CLAIM_FIG_CAPACITY;
  case CLAIM_COAL_RATE:
    return f == CLAIM_FIG_COAL ? CLAIM_FIG_GENERATION : CLAIM_FIG_COAL;
  case CLAIM_CO2_PER_TCE:
    return f == CLAIM_FIG_CO2 ? CLAIM_FIG_COAL : CLAIM_FIG_CO2;
  default:
    return f == CLAIM_FIG_CO2 ? CLAIM_FIG_GENERATION : CLAIM_FIG_CO2;
  }
}

static const char *metric_words(char *buf, size_t n, enum claim_metric m, double v)
{
  if (m == CLAIM_FLH) {
    char g[48];
    if (v < 100)
      snprintf(buf, n, "%.3g full-load hours", v);
    else
      snprintf(buf, n, "%s full-load hours", grouped(g, sizeof g, v, 0));
    return buf;
  }
  char g[48];
  if (v >= 1e4)
    snprintf(buf, n, "%s %s", grouped(g, sizeof g, v, 0), claim_metric_unit(m));
  else
    snprintf(buf, n, "%.4g %s", v, claim_metric_unit(m));
  return buf;
}

static void slip_message(char *buf, size_t n, const struct claim_slip *s,
                         const struct claim_input *in, const struct claim_result *res,
                         const struct claim_ranges *rg, const struct claim_opts *o)
{
  char a[128], b[128], c[64], e[64];
  if (s->kind == CLAIM_SLIP_BASIS) {
    const struct claim_check *h = &res->check[CLAIM_FLH];
    const char *stated = in->basis == CLAIM_BASIS_AC ? "AC" : "DC";
    const char *other = in->basis == CLAIM_BASIS_AC ? "DC" : "AC";
    snprintf(buf, n, "capacity: %s MW %s gives %s, outside %s; on MW %s (DC/AC %.2g-%.2g) "
                     "the range is %s: likely MW %s written for MW %s",
             amount(a, sizeof a, in->capacity_mw), stated,
             metric_words(c, sizeof c, CLAIM_FLH, h->value),
             range_text(b, sizeof b, CLAIM_FLH, h->lo, h->hi), other, rg->dcac_lo, rg->dcac_hi,
             range_text(e, sizeof e, CLAIM_FLH, h->alt_lo, h->alt_hi), other, stated);
    return;
  }
  double fig[CLAIM_N_FIGURES] = { in->capacity_mw, in->generation_mwh, in->coal_tce, in->co2_t };
  const char *const *ladder = s->figure == CLAIM_FIG_GENERATION ? gen_ladder
                              : s->figure == CLAIM_FIG_CAPACITY ? cap_ladder
                                                                : mass_ladder;
  int top = s->figure == CLAIM_FIG_GENERATION ? 4 : s->figure == CLAIM_FIG_CAPACITY ? 2 : 3;
  int i = s->figure == CLAIM_FIG_GENERATION ? (int)o->gen_unit + 1 : 1;
  int j = s->factor > 1 ? i + 1 : i - 1; /* the unit meant */
  char unit_words[64];
  if (j < 0 || j > top)
    snprintf(unit_words, sizeof unit_words, "a figure 1000 times too %s",
             s->factor > 1 ? "small" : "large");
  else
    snprintf(unit_words, sizeof unit_words, "%s written for %s", ladder[i], ladder[j]);
  enum claim_figure p = partner(s->metric, s->figure);
  double pv = fig[p];
  for (int k = 0; k < res->n_slips; k++)
    if (res->slips[k].kind == CLAIM_SLIP_SCALE && res->slips[k].figure == p)
      pv = res->slips[k].corrected; /* the partner as corrected */
  char pt[128];
  figure_text(pt, sizeof pt, p, pv, o->gen_unit);
  snprintf(buf, n, "%s: %s %s %s gives %s: likely %s (%s gives %s)", claim_figure_name(s->figure),
           figure_text(a, sizeof a, s->figure, s->given, o->gen_unit),
           p == CLAIM_FIG_CAPACITY ? "for" : "with", pt,
           metric_words(c, sizeof c, s->metric, s->metric_given), unit_words,
           figure_text(b, sizeof b, s->figure, s->corrected, o->gen_unit),
           metric_words(e, sizeof e, s->metric, s->metric_corrected));
}

/* ---- text ------------------------------------------------------------------------- */

static const char *const metric_titles[CLAIM_N_METRICS] = { "full-load hours", "coal rate",
                                                            "CO2 per tce", "CO2 per MWh" };
static const char *const metric_needs[CLAIM_N_METRICS] = {
  "capacity and generation", "generation and coal saved", "coal saved and CO2 avoided",
  "generation and CO2 avoided"
};

static const char *verdict_text(char *buf, size_t n, enum claim_verdict v, double dev)
{
  switch (v) {
  case CLAIM_CONSISTENT:
    snprintf(buf, n, "consistent");
    break;
  case CLAIM_BELOW:
    snprintf(buf, n, "outside the range: below it by %+.1f %%", 100 * dev);
    break;
  case CLAIM_ABOVE:
    snprintf(buf, n, "outside the range: above it by %+.1f %%", 100 * dev);
    break;
  case CLAIM_NO_RANGE:
    snprintf(buf, n, "no range for this technology and place");
    break;
  default:
    snprintf(buf, n, "not computed");
  }
  return buf;
}

static const char *basis_words(enum claim_basis b)
{
  return b == CLAIM_BASIS_AC ? " on AC capacity" : b == CLAIM_BASIS_DC ? " on DC capacity" : "";
}

static void text_check(FILE *f, const struct claim_check *c, const struct claim_result *res,
                       const struct claim_ranges *rg, const struct emission_factors *ef)
{
  char v[96], r[96], w[128];
  /* the ranges file's texts: shown, never obeyed */
  char t1[TEXT_TERMINAL_SIZE(512)], t2[TEXT_TERMINAL_SIZE(512)], t3[TEXT_TERMINAL_SIZE(512)];
  enum claim_metric m = c->metric;
  if (c->verdict == CLAIM_NOT_COMPUTED) {
    fprintf(f, "%-20snot computed (needs %s)\n", metric_titles[m], metric_needs[m]);
    return;
  }
  if (m == CLAIM_FLH)
    fprintf(f, "%-20s%s (capacity factor %.*f %%)\n", metric_titles[m],
            metric_text(v, sizeof v, m, c->value), res->capacity_factor < 0.01 ? 3 : 1,
            100 * res->capacity_factor);
  else
    fprintf(f, "%-20s%s\n", metric_titles[m], metric_text(v, sizeof v, m, c->value));
  fprintf(f, "  verdict           %s%s%s\n", verdict_text(w, sizeof w, c->verdict, c->deviation),
          m == CLAIM_CO2_PER_MWH && c->range && c->range->baseline != CLAIM_BASELINE_ANY
            ? (c->verdict == CLAIM_CONSISTENT ? " with " : " of ")
            : "",
          m == CLAIM_CO2_PER_MWH && c->range && c->range->baseline != CLAIM_BASELINE_ANY
            ? (c->range->baseline == CLAIM_BASELINE_COAL ? "coal substitution" : "grid factors")
            : "");
  if (c->range) {
    const struct claim_range *x = c->range;
    fprintf(f, "  range used        %s%s: %s (%s, confidence %s)\n",
            range_text(r, sizeof r, m, c->lo, c->hi),
            m == CLAIM_FLH ? basis_words(c->applied_basis) : "",
            text_terminal(t1, sizeof t1, x->label), text_terminal(t2, sizeof t2, x->year),
            text_terminal(t3, sizeof t3, x->confidence));
    if (m == CLAIM_FLH && x->basis != CLAIM_BASIS_NONE && c->applied_basis != x->basis)
      fprintf(f, "                    (the file's %s%s times DC/AC %.2g-%.2g)\n",
              range_text(r, sizeof r, m, x->lo, x->hi), basis_words(x->basis), rg->dcac_lo,
              rg->dcac_hi);
    fprintf(f, "  source            %s\n", text_terminal(t1, sizeof t1, x->source));
  }
  if (c->has_alt)
    fprintf(f, "  if%-16s%s (DC/AC %.2g-%.2g): %s\n", basis_words(c->alt_basis),
            range_text(r, sizeof r, m, c->alt_lo, c->alt_hi), rg->dcac_lo, rg->dcac_hi,
            verdict_text(w, sizeof w, c->alt_verdict, c->alt_deviation));
  if (c->other)
    fprintf(f, "  other baseline    %s, %s: %s\n", range_text(r, sizeof r, m, c->other->lo,
                                                               c->other->hi),
            text_terminal(t1, sizeof t1, c->other->label),
            verdict_text(w, sizeof w, c->other_verdict, c->other_deviation));
  if (c->has_preset && ef)
    fprintf(f, "  preset %-11s%s: %+.1f %%\n", ef->name, metric_text(v, sizeof v, m, c->preset_value),
            100 * c->preset_diff);
  if (c->nearest)
    fprintf(f, "  nearest published %.6g %s: %s (%s, %s): %+.1f %%\n", c->nearest->value,
            claim_metric_unit(m), text_terminal(t1, sizeof t1, c->nearest->label),
            text_terminal(t2, sizeof t2, c->nearest->year),
            text_terminal(t3, sizeof t3, c->nearest->confidence), 100 * c->nearest_diff);
}

static void text_figure(FILE *f, const char *title, double v, const char *unit, const char *more)
{
  char g[64];
  if (v < 0)
    fprintf(f, "  %-18snot given\n", title);
  else
    fprintf(f, "  %-18s%s %s%s\n", title, grouped(g, sizeof g, v, v == floor(v) ? 0 : 3), unit,
            more);
}

static void print_text(FILE *f, const struct claim_opts *o, const struct claim_result *res,
                       const struct claim_ranges *rg, const struct emission_factors *ef,
                       const struct site_run *s)
{
  const struct claim_input *in = &o->in;
  char a[64], b[64], more[96], t1[TEXT_TERMINAL_SIZE(1024)], t2[TEXT_TERMINAL_SIZE(1024)];
  fprintf(f, "renewcalc %s: check of a claim\n", PACKAGE_VERSION);
  fprintf(f, "claim               %s, country %s, mounting %s, capacity basis %s\n",
          claim_tech_name(in->tech), in->country[0] ? in->country : "not stated",
          mount_name(in->mount) ? mount_name(in->mount) : "not stated",
          basis_name(in->basis) ? (in->basis == CLAIM_BASIS_AC ? "AC" : "DC") : "not stated");
  text_figure(f, "capacity", in->capacity_mw, "MW", "");
  more[0] = '\0';
  if (in->generation_mwh > 0)
    snprintf(more, sizeof more, " a year (%s kWh)", amount(a, sizeof a, in->generation_mwh * 1000));
  text_figure(f, "generation", in->generation_mwh, "MWh", more);
  text_figure(f, "coal saved", in->coal_tce, "tce", "");
  text_figure(f, "CO2 avoided", in->co2_t, "t", "");
  fprintf(f, "factors             preset %s: %.6g gce/kWh (%s), %.6g t CO2/tce (%s), method %s\n",
          ef->name, ef->coal_rate.value, text_terminal(t1, sizeof t1, ef->coal_rate.year),
          ef->co2_per_tce.value, text_terminal(t2, sizeof t2, ef->co2_per_tce.year),
          emissions_method_name(ef->method));
  if (in->generation_mwh > 0) {
    struct emissions e;
    emissions_for(ef, in->generation_mwh, &e);
    fprintf(f, "                    for the claimed generation: %s tce, %s t CO2\n",
            grouped(a, sizeof a, e.coal_tce, 0), grouped(b, sizeof b, e.co2_t, 0));
  }
  fputc('\n', f);
  for (int m = 0; m < CLAIM_N_METRICS; m++)
    text_check(f, &res->check[m], res, rg, ef);
  fputc('\n', f);
  if (res->n_slips == 0)
    fprintf(f, "unit slips          %s\n",
            res->slip_unresolved ? "a figure is impossible, and no change of unit explains it"
                                 : "none found");
  for (int i = 0; i < res->n_slips; i++) {
    char msg[1024];
    slip_message(msg, sizeof msg, &res->slips[i], in, res, rg, o);
    fprintf(f, "%-20s%s\n", i == 0 ? "unit slips" : "", text_terminal(t1, sizeof t1, msg));
  }
  if (s && s->r) {
    const struct sim_uncertainty *u = &s->r->unc;
    fputc('\n', f);
    fprintf(f, "site                %s (%s)\n", text_terminal(t1, sizeof t1, s->site->name),
            text_terminal(t2, sizeof t2, s->site->path));
    fprintf(f, "  capacity          %s MW AC, %s MW DC\n", grouped(a, sizeof a, s->cap_ac_mw, 1),
            grouped(b, sizeof b, s->cap_dc_mw, 1));
    fprintf(f, "  P50, P90          %s MWh, %s MWh (one year, sigma %.1f %%)\n",
            grouped(a, sizeof a, u->p50_mwh, 0), grouped(b, sizeof b, u->p90_mwh, 0),
            100 * u->sigma_total);
    if (s->cap_ac_mw > 0)
      fprintf(f, "  full-load hours   %s h on AC, %s h on DC at P50\n",
              grouped(a, sizeof a, u->p50_mwh / s->cap_ac_mw, 0),
              grouped(b, sizeof b, u->p50_mwh / s->cap_dc_mw, 0));
    if (in->generation_mwh > 0) {
      double diff;
      enum claim_site_verdict sv =
        claim_site_compare(in->generation_mwh, u->p50_mwh, u->p90_mwh, u->sigma_total, &diff);
      static const char *const words[] = {
        "consistent (between P90 and P50 + 1 sigma)",
        "above the P50 by more than one standard deviation: optimistic",
        "below the P90: conservative"
      };
      fprintf(f, "  claim vs P50      %+.1f %% (vs P90 %+.1f %%): %s\n", 100 * diff,
              100 * (in->generation_mwh / u->p90_mwh - 1), words[sv]);
    } else {
      fprintf(f, "  claim vs P50      not computed (needs generation)\n");
    }
  }
}

/* ---- JSON ------------------------------------------------------------------------- */

static json_t *num_or_null(double v)
{
  return v < 0 ? json_null() : json_real(v);
}

static json_t *str_or_null(const char *s)
{
  return s && *s ? text_json(s) : json_null();
}

static json_t *range_json(const struct claim_range *x, double lo, double hi,
                          enum claim_basis applied)
{
  static const char *const baselines[] = { "any", "coal", "grid" };
  json_t *o = json_pack("{s:f, s:f, s:s, s:o, s:o, s:s, s:o, s:s, s:s, s:o, s:o, s:f, s:f}",
                        "low", lo, "high", hi, "unit", claim_metric_unit(x->metric),
                        "capacity_basis", str_or_null(basis_name(applied)), "label",
                        text_json(x->label), "technology", claim_tech_name(x->tech), "country",
                        text_json(x->country[0] ? x->country : "*"), "mounting",
                        mount_name(x->mount) ? mount_name(x->mount) : "*", "baseline",
                        baselines[x->baseline], "year", text_json(x->year), "confidence",
                        text_json(x->confidence), "file_low", x->lo, "file_high", x->hi);
  json_object_set_new(o, "source", text_json(x->source));
  return o;
}

static json_t *check_json(const struct claim_check *c, const struct claim_result *res,
                          const struct emission_factors *ef)
{
  int computed = c->verdict != CLAIM_NOT_COMPUTED;
  json_t *o = json_pack("{s:o, s:s, s:s, s:o}", "value",
                        computed ? json_real(c->value) : json_null(), "unit",
                        claim_metric_unit(c->metric), "verdict", claim_verdict_name(c->verdict),
                        "deviation_percent",
                        computed && c->range ? json_real(100 * c->deviation) : json_null());
  if (c->metric == CLAIM_FLH)
    json_object_set_new(o, "capacity_factor", num_or_null(res->capacity_factor));
  json_object_set_new(o, "range", c->range ? range_json(c->range, c->lo, c->hi, c->applied_basis)
                                           : json_null());
  if (c->has_alt)
    json_object_set_new(
      o, "other_capacity_basis",
      json_pack("{s:s?, s:f, s:f, s:s, s:o}", "capacity_basis", basis_name(c->alt_basis), "low",
                c->alt_lo, "high", c->alt_hi, "verdict",
                computed ? claim_verdict_name(c->alt_verdict) : "not_computed",
                "deviation_percent", computed ? json_real(100 * c->alt_deviation) : json_null()));
  if (c->other) {
    json_t *x = range_json(c->other, c->other->lo, c->other->hi, CLAIM_BASIS_NONE);
    json_object_set_new(x, "verdict", json_string(computed ? claim_verdict_name(c->other_verdict)
                                                           : "not_computed"));
    json_object_set_new(x, "deviation_percent",
                        computed ? json_real(100 * c->other_deviation) : json_null());
    json_object_set_new(o, "other_baseline", x);
  }
  json_object_set_new(o, "preset",
                      c->has_preset ? json_pack("{s:s, s:f, s:f}", "name", ef->name, "value",
                                                c->preset_value, "difference_percent",
                                                100 * c->preset_diff)
                                    : json_null());
  json_object_set_new(
    o, "nearest",
    c->nearest ? json_pack("{s:f, s:o, s:o, s:o, s:f}", "value", c->nearest->value, "label",
                           text_json(c->nearest->label), "year", text_json(c->nearest->year),
                           "confidence", text_json(c->nearest->confidence), "difference_percent",
                           100 * c->nearest_diff)
               : json_null());
  return o;
}

static int print_json(FILE *f, const struct claim_opts *o, const struct claim_result *res,
                      const struct claim_ranges *rg, const struct emission_factors *ef,
                      const struct site_run *s)
{
  const struct claim_input *in = &o->in;
  json_t *claim = json_pack(
    "{s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "technology", claim_tech_name(in->tech),
    "country", str_or_null(in->country), "mounting", str_or_null(mount_name(in->mount)),
    "capacity_basis", str_or_null(basis_name(in->basis)), "capacity_mw",
    num_or_null(in->capacity_mw), "annual_generation_mwh", num_or_null(in->generation_mwh),
    "coal_saved_tce", num_or_null(in->coal_tce), "co2_avoided_t", num_or_null(in->co2_t));
  json_t *factors = json_pack(
    "{s:o, s:o, s:s, s:f, s:f, s:o, s:o}", "name", text_json(ef->name), "title",
    text_json(ef->title), "method", emissions_method_name(ef->method), "coal_rate_gce_per_kwh",
    ef->coal_rate.value, "co2_t_per_tce", ef->co2_per_tce.value, "grid_t_co2_per_mwh",
    num_or_null(ef->grid.value), "source", text_json(ef->coal_rate.source));
  json_object_set_new(factors, "co2_source", text_json(ef->co2_per_tce.source));
  json_t *expected = json_null();
  if (in->generation_mwh > 0) {
    struct emissions e;
    emissions_for(ef, in->generation_mwh, &e);
    expected = json_pack("{s:f, s:f}", "coal_saved_tce", e.coal_tce, "co2_avoided_t", e.co2_t);
  }
  json_t *checks = json_object();
  for (int m = 0; m < CLAIM_N_METRICS; m++)
    json_object_set_new(checks, claim_metric_name((enum claim_metric)m),
                        check_json(&res->check[m], res, ef));
  json_t *slips = json_array();
  for (int i = 0; i < res->n_slips; i++) {
    const struct claim_slip *x = &res->slips[i];
    char msg[1024];
    slip_message(msg, sizeof msg, x, in, res, rg, o);
    json_array_append_new(
      slips, json_pack("{s:s, s:s, s:f, s:f, s:f, s:s, s:f, s:f, s:o}", "figure",
                       claim_figure_name(x->figure), "kind",
                       x->kind == CLAIM_SLIP_BASIS ? "capacity_basis" : "scale", "factor",
                       x->factor, "given", x->given, "corrected", x->corrected, "metric",
                       claim_metric_name(x->metric), "metric_given", x->metric_given,
                       "metric_corrected", x->metric_corrected, "message", text_json(msg)));
  }
  json_t *root = json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:b}", "renewcalc", PACKAGE_VERSION,
                           "claim", claim, "factors", factors, "expected", expected, "checks",
                           checks, "unit_slips", slips, "unit_slip_unresolved",
                           res->slip_unresolved);
  json_t *site = json_null();
  if (s && s->r) {
    const struct sim_uncertainty *u = &s->r->unc;
    site = json_pack("{s:o, s:o, s:f, s:f, s:f, s:f, s:f}", "path", text_json(s->site->path),
                     "name", text_json(s->site->name), "capacity_mw_ac", s->cap_ac_mw,
                     "capacity_mw_dc", s->cap_dc_mw, "p50_mwh", u->p50_mwh, "p90_mwh",
                     u->p90_mwh, "sigma_total", u->sigma_total);
    if (in->generation_mwh > 0) {
      double diff;
      enum claim_site_verdict sv =
        claim_site_compare(in->generation_mwh, u->p50_mwh, u->p90_mwh, u->sigma_total, &diff);
      json_object_set_new(site, "claim_vs_p50_percent", json_real(100 * diff));
      json_object_set_new(site, "claim_vs_p90_percent",
                          json_real(100 * (in->generation_mwh / u->p90_mwh - 1)));
      json_object_set_new(site, "verdict", json_string(claim_site_verdict_name(sv)));
    } else {
      json_object_set_new(site, "verdict", json_string("not_computed"));
    }
  }
  json_object_set_new(root, "site", site);
  if (!root) {
    errno = ENOMEM; /* texts are UTF-8 by now: only memory can fail */
    return -1;
  }
  int rc = json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12));
  fputc('\n', f);
  json_decref(root);
  return rc;
}

/* ---- the command ------------------------------------------------------------------- */

int cli_check_claim(int argc, char **argv)
{
  struct claim_opts o;
  if (parse(argc, argv, &o) != 0)
    return EXIT_INPUT;
  struct diag *d = diag_new();
  struct claim_ranges *rg = calloc(1, sizeof *rg);
  struct claim_result *res = calloc(1, sizeof *res);
  struct emission_factors ef;
  struct site_run s;
  memset(&s, 0, sizeof s);
  int rc = EXIT_OK;
  if (!d || !rg || !res) {
    fputs("renewcalc: out of memory\n", stderr);
    rc = EXIT_RUNTIME;
    goto done;
  }
  char path[1100];
  if (o.ranges)
    snprintf(path, sizeof path, "%s", o.ranges);
  else
    snprintf(path, sizeof path, "%s/../claim-ranges.cfg", datadir_factors());
  if (claim_ranges_read(path, rg, d) != 0) {
    rc = EXIT_INPUT;
    goto done;
  }
  if (o.site) {
    rc = site_run_load(o.site, NULL, 0, &s, d);
    if (rc != EXIT_OK)
      goto done;
    if (!o.tech_given && s.site->n_plants > 0) {
      /* a site of one technology tells what the claim is about */
      int same = 1;
      for (int i = 1; i < s.site->n_plants; i++)
        same &= s.site->plants[i].type == s.site->plants[0].type;
      if (same)
        o.in.tech = s.site->plants[0].type == PLANT_WIND      ? CLAIM_WIND
                    : s.site->plants[0].type == PLANT_BIOMASS ? CLAIM_BIOMASS
                                                              : CLAIM_PV;
    }
  }
  if (o.factors) {
    char names[32][64], known[32 * 66] = "";
    int n = factors_list(names, 32), found = 0;
    for (int i = 0; i < n; i++) {
      found |= strcmp(names[i], o.factors) == 0;
      snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s", i ? ", " : "",
               names[i]);
    }
    if (!found) {
      diag_msg(d, "--factors: expected one of %s, got '%s'", n ? known : "(no presets found)",
               o.factors);
      rc = EXIT_INPUT;
      goto done;
    }
  }
  if (o.factors || !o.site) {
    if (factors_load(o.factors ? o.factors : "cn-coal", &ef, d, "renewcalc", 0) != 0) {
      rc = EXIT_INPUT;
      goto done;
    }
  } else {
    ef = s.site->factors;
  }
  claim_check(&o.in, rg, &ef, res);
  int why;
  struct outstream *out = outstream_open(o.out ? o.out : "-", &why, d);
  if (!out) {
    rc = cli_exit_of(why);
    goto done;
  }
  FILE *f = outstream_file(out);
  int wrote = o.json ? print_json(f, &o, res, rg, &ef, &s) : (print_text(f, &o, res, rg, &ef, &s), 0);
  if (wrote != 0) {
    diag_errno(d, "cannot write", o.out ? o.out : "standard output");
    outstream_abort(out);
    rc = EXIT_RUNTIME;
  } else {
    rc = cli_exit_of(outstream_commit(out));
  }
done:
  if (d)
    diag_print(d, stderr);
  site_run_free(&s);
  free(rg);
  free(res);
  diag_free(d);
  return rc;
}
