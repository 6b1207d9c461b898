/* renewcalc portfolio: a bond's (or a book of bonds') impact report after
 * the ICMA Harmonised Framework for Impact Reporting: every project's
 * capacity, generation, coal saved and CO2 avoided, in full and for the
 * share each bond finances, totals, impact per million of currency and the
 * portfolio's levelised cost (portfolio.h, bond_cfg.h, docs/portfolio.md).
 * Each distinct site runs once, however many bonds finance it. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bond_cfg.h"
#include "cli.h"
#include "config.h"
#include "datadir.h"
#include "diag.h"
#include "out.h"
#include "outfile.h"
#include "plot.h"
#include "portfolio.h"
#include "sim.h"
#include "site.h"
#include "report.h"
#include "site_run.h"
#include "text.h"

static const char portfolio_usage[] =
  "usage: renewcalc portfolio BOND.cfg [-o DIR] [--format text|json|csv]\n"
  "                           [--attribution icma|pcaf] [--plot] [--plot-format png|svg|pdf]\n"
  "                           [--plot-size WxH]\n"
  "  -o DIR                 also write portfolio.txt, portfolio.json, portfolio_icma.csv and\n"
  "                         the chart portfolio.dat + portfolio.gp into DIR\n"
  "  --format F             text (default), json, or csv (the ICMA template's columns)\n"
  "  --attribution A        icma (default): share = financed / total project cost;\n"
  "                         pcaf: share = outstanding / (equity + debt)\n"
  "  --plot                 render the chart with gnuplot (needs -o DIR)\n"
  "exit status: 0 success, 1 runtime failure, 2 bad input (usage, bond file, site file)\n";

enum fmt { FMT_TEXT, FMT_JSON, FMT_CSV };

struct pf_opts {
  const char *bond;
  const char *outdir;
  enum fmt format;
  enum portfolio_method method;
  int plot;
  const char *plot_format;
  const char *plot_size; /* "WxH" or NULL */
  int report;            /* also report.md and report.html (renewcalc report) */
  time_t when;           /* the report's date */
};

/* One bond's financing of one project, worked out. */
struct holding {
  const struct bond_project *p;
  const char *name;                 /* the project's name in reports */
  struct portfolio_figures attributed, per_million; /* per million of p->amount */
  int has_per_million;
  struct portfolio_lcoe lcoe;
};

struct bond_totals {
  double allocated;                 /* sum of the holdings' amounts */
  struct portfolio_figures attributed, per_issued, per_allocated;
  int has_issued, has_allocated;
  struct portfolio_lcoe lcoe;
};

struct report {
  const struct bond_book *book;
  struct site_run *runs;            /* per distinct site */
  struct portfolio_figures *full;   /* per distinct site */
  struct holding **h;               /* per bond, per project */
  struct bond_totals *bt;           /* per bond */
  struct bond_totals book_total;    /* all bonds */
  struct portfolio_figures book_full; /* every distinct project once */
  double issued;                    /* sum of the bonds' amounts */
  const char *currency;             /* the bonds' common currency, or NULL */
};

/* ---- options ---------------------------------------------------------------- */

static int parse(int argc, char **argv, struct pf_opts *o)
{
  static const struct option longopts[] = {
    { "output", required_argument, NULL, 'o' },
    { "format", required_argument, NULL, 'f' },
    { "attribution", required_argument, NULL, 'a' },
    { "plot", no_argument, NULL, 'p' },
    { "plot-format", required_argument, NULL, 'P' },
    { "plot-size", required_argument, NULL, 'S' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  memset(o, 0, sizeof *o);
  o->plot_format = "png";
  optind = 1;
  opterr = 0;
  int c;
  while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
    switch (c) {
    case 'o':
      o->outdir = optarg;
      break;
    case 'f':
      if (strcmp(optarg, "text") == 0)
        o->format = FMT_TEXT;
      else if (strcmp(optarg, "json") == 0)
        o->format = FMT_JSON;
      else if (strcmp(optarg, "csv") == 0)
        o->format = FMT_CSV;
      else {
        fprintf(stderr, "renewcalc: --format: expected text, json or csv, got '%s'\n", optarg);
        return -1;
      }
      break;
    case 'a':
      if (strcmp(optarg, "icma") == 0)
        o->method = PORTFOLIO_ICMA;
      else if (strcmp(optarg, "pcaf") == 0)
        o->method = PORTFOLIO_PCAF;
      else {
        fprintf(stderr, "renewcalc: --attribution: expected icma or pcaf, got '%s'\n", optarg);
        return -1;
      }
      break;
    case 'p':
      o->plot = 1;
      break;
    case 'P':
      if (!plot_format_ok(optarg)) {
        fprintf(stderr, "renewcalc: --plot-format: expected png, svg or pdf, got '%s'\n", optarg);
        return -1;
      }
      o->plot_format = optarg;
      break;
    case 'S':
      if (!plot_size_ok(optarg, NULL, NULL)) {
        fprintf(stderr, "renewcalc: --plot-size: expected WIDTHxHEIGHT in pixels, each 100 to "
                "10000 (e.g. 1200x750), got '%s'\n", optarg);
        return -1;
      }
      o->plot_size = optarg;
      break;
    case 'h':
      fputs(portfolio_usage, stdout);
      exit(EXIT_OK);
    case ':':
      fprintf(stderr, "renewcalc: option '%s' needs a value\n%s", argv[optind - 1],
              portfolio_usage);
      return -1;
    default:
      fprintf(stderr, "renewcalc: unknown option '%s'\n%s", argv[optind - 1], portfolio_usage);
      return -1;
    }
  }
  if (optind != argc - 1) {
    fprintf(stderr, "renewcalc: portfolio: expected one bond file, got %d arguments\n%s",
            argc - optind, portfolio_usage);
    return -1;
  }
  if (o->plot && !o->outdir) {
    fprintf(stderr, "renewcalc: --plot: expected an output folder (-o DIR), got none\n");
    return -1;
  }
  o->bond = argv[optind];
  return 0;
}

/* ---- the arithmetic ------------------------------------------------------------ */

static void full_figures(const struct site_run *s, struct portfolio_figures *f)
{
  f->cap_ac_mw = s->cap_ac_mw;
  f->cap_dc_mw = s->cap_dc_mw;
  f->generation_mwh = s->r->annual_mwh;
  f->coal_tce = s->r->annual.coal_tce;
  f->co2_t = s->r->annual.co2_t;
}

static void add_lcoe(struct portfolio_lcoe *acc, const struct sim_result *r, double share)
{
  for (int i = 0; i < r->n_plants; i++) {
    const struct plant_result *pr = &r->plants[i];
    portfolio_lcoe_add(acc, share, pr->has_lcoe, pr->lcoe_pv_costs, pr->lcoe_pv_energy_mwh,
                       pr->currency);
  }
}

static int compute(struct report *rp)
{
  const struct bond_book *b = rp->book;
  rp->h = calloc((size_t)b->n_bonds, sizeof *rp->h);
  rp->bt = calloc((size_t)b->n_bonds, sizeof *rp->bt);
  if (!rp->h || !rp->bt)
    return -1;
  for (int s = 0; s < b->n_sites; s++)
    portfolio_add(&rp->book_full, &rp->full[s]);
  rp->currency = b->bonds[0].currency;
  double allocated = 0;
  for (int i = 0; i < b->n_bonds; i++) {
    const struct bond *bd = &b->bonds[i];
    struct bond_totals *t = &rp->bt[i];
    if (strcmp(bd->currency, rp->currency) != 0)
      rp->currency = NULL;
    rp->issued += bd->amount;
    rp->h[i] = calloc((size_t)bd->n_projects, sizeof **rp->h);
    if (!rp->h[i])
      return -1;
    for (int k = 0; k < bd->n_projects; k++) {
      struct holding *h = &rp->h[i][k];
      const struct bond_project *p = &bd->projects[k];
      const struct site_run *run = &rp->runs[p->site_index];
      h->p = p;
      h->name = p->name[0] ? p->name : run->site->name;
      portfolio_scale(&rp->full[p->site_index], p->share, &h->attributed);
      h->has_per_million = portfolio_per_million(&h->attributed, p->amount, &h->per_million) == 0;
      add_lcoe(&h->lcoe, run->r, p->share);
      portfolio_add(&t->attributed, &h->attributed);
      portfolio_lcoe_merge(&t->lcoe, &h->lcoe);
      t->allocated += p->amount;
    }
    t->has_issued = portfolio_per_million(&t->attributed, bd->amount, &t->per_issued) == 0;
    t->has_allocated = portfolio_per_million(&t->attributed, t->allocated, &t->per_allocated) == 0;
    portfolio_add(&rp->book_total.attributed, &t->attributed);
    portfolio_lcoe_merge(&rp->book_total.lcoe, &t->lcoe);
    allocated += t->allocated;
  }
  rp->book_total.allocated = allocated;
  if (rp->currency) {
    rp->book_total.has_issued =
      portfolio_per_million(&rp->book_total.attributed, rp->issued, &rp->book_total.per_issued) == 0;
    rp->book_total.has_allocated =
      portfolio_per_million(&rp->book_total.attributed, allocated,
                            &rp->book_total.per_allocated) == 0;
  }
  return 0;
}

static void free_report(struct report *rp)
{
  if (rp->h)
    for (int i = 0; i < rp->book->n_bonds; i++)
      free(rp->h[i]);
  free(rp->h);
  free(rp->bt);
}

/* ---- number formatting (locale-free) ---------------------------------------------- */

/* v rounded to decimals places, with thousands grouped by commas. */
static const char *grouped(char *buf, size_t n, double v, int decimals)
{
  char raw[64];
  snprintf(raw, sizeof raw, "%.*f", decimals, fabs(v));
  const char *dot = strchr(raw, '.');
  size_t int_len = dot ? (size_t)(dot - raw) : strlen(raw);
  size_t o = 0;
  if (v < 0 && strtod(raw, NULL) != 0 && o + 1 < n)
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

/* ---- text -------------------------------------------------------------------------- */

static const char *method_words(enum portfolio_method m)
{
  return m == PORTFOLIO_PCAF
           ? "pcaf: share = outstanding / (equity + debt) (PCAF Standard Part A, 2nd ed. 2022, "
             "project finance)"
           : "icma: share = financed / total project cost (ICMA Handbook, Harmonised Framework "
             "for Impact Reporting, June 2022)";
}

static void text_figures(FILE *f, const char *label, const struct portfolio_figures *x)
{
  char a[48], b[48], c[48], d[48];
  fprintf(f, "    %-22s%12s MW %16s MWh %14s tce %14s t CO2\n", label,
          grouped(a, sizeof a, x->cap_ac_mw, 1), grouped(b, sizeof b, x->generation_mwh, 0),
          grouped(c, sizeof c, x->coal_tce, 0), grouped(d, sizeof d, x->co2_t, 0));
}

/* Per million: capacity and energy with decimals, since a million buys
 * about a megawatt. */
static void text_per_million(FILE *f, const char *label, const struct portfolio_figures *x)
{
  char a[48], b[48], c[48], d[48];
  fprintf(f, "    %-22s%12s MW %16s MWh %14s tce %14s t CO2\n", label,
          grouped(a, sizeof a, x->cap_ac_mw, 3), grouped(b, sizeof b, x->generation_mwh, 1),
          grouped(c, sizeof c, x->coal_tce, 1), grouped(d, sizeof d, x->co2_t, 1));
}

/* Plants with economics among the projects of bond bi (-1: the book's
 * distinct projects) into *with, all their plants into *all. */
static void count_plants(const struct report *rp, int bi, int *with, int *all)
{
  const struct bond_book *b = rp->book;
  *with = *all = 0;
  for (int s = 0; s < b->n_sites; s++) {
    int used = bi < 0;
    if (bi >= 0)
      for (int k = 0; k < b->bonds[bi].n_projects; k++)
        used |= b->bonds[bi].projects[k].site_index == s;
    if (!used)
      continue;
    const struct sim_result *r = rp->runs[s].r;
    for (int i = 0; i < r->n_plants; i++) {
      *with += r->plants[i].has_lcoe != 0;
      (*all)++;
    }
  }
}

static void text_lcoe(FILE *f, const struct report *rp, int bi, const struct portfolio_lcoe *l)
{
  double v;
  int with, all;
  count_plants(rp, bi, &with, &all);
  if (portfolio_lcoe_value(l, &v) != 0) {
    const char *why = l->n_with == 0 ? "no project's site file gives plant economics"
                                     : l->mixed_currency ? "the plants' currencies differ"
                                                         : "no energy";
    fprintf(f, "    %-22snot available (%s)\n", "LCOE", why);
    return;
  }
  char a[48], cur[TEXT_TERMINAL_SIZE(sizeof l->currency)];
  fprintf(f, "    %-22s%s %s/MWh (present values of the attributed shares; %d of %d %s with "
             "economics)\n", "LCOE", grouped(a, sizeof a, v, 2),
          text_terminal(cur, sizeof cur, l->currency), with, all, all == 1 ? "plant" : "plants");
}

static void print_text(FILE *f, const struct report *rp, enum portfolio_method m)
{
  const struct bond_book *b = rp->book;
  char a[48], c[48], e[48], tx[TEXT_TERMINAL_SIZE(1024)], ux[TEXT_TERMINAL_SIZE(1024)];
  fprintf(f, "%s: portfolio impact report\n", OUT_PROGRAM);
  fprintf(f, "bond file           %s\n", text_terminal(tx, sizeof tx, b->path));
  if (b->name[0])
    fprintf(f, "portfolio           %s\n", text_terminal(tx, sizeof tx, b->name));
  fprintf(f, "bonds, projects     %d %s, %d distinct %s\n", b->n_bonds,
          b->n_bonds == 1 ? "bond" : "bonds", b->n_sites, b->n_sites == 1 ? "project" : "projects");
  fprintf(f, "attribution         %s\n", method_words(m));
  fprintf(f, "figures             first operating year; capacity AC\n");
  for (int i = 0; i < b->n_bonds; i++) {
    const struct bond *bd = &b->bonds[i];
    const struct bond_totals *t = &rp->bt[i];
    fputc('\n', f);
    fprintf(f, "bond %d: %s\n", i + 1, text_terminal(tx, sizeof tx, bd->name));
    fprintf(f, "  amount              %s %s issued; %s %s (%.1f %%) %s\n",
            grouped(a, sizeof a, bd->amount, 0),
            bd->currency, grouped(c, sizeof c, t->allocated, 0), bd->currency,
            100 * t->allocated / bd->amount,
            m == PORTFOLIO_PCAF ? "outstanding in its projects" : "allocated to its projects");
    for (int k = 0; k < bd->n_projects; k++) {
      const struct holding *h = &rp->h[i][k];
      const struct bond_project *p = h->p;
      fprintf(f, "  project %d: %s (%s)\n", k + 1, text_terminal(tx, sizeof tx, h->name),
              text_terminal(ux, sizeof ux, p->site));
      if (m == PORTFOLIO_PCAF)
        fprintf(f, "    share               %.2f %% = %s outstanding / (%s equity + %s debt) %s\n",
                100 * p->share, grouped(a, sizeof a, p->outstanding, 0),
                grouped(c, sizeof c, p->equity, 0), grouped(e, sizeof e, p->debt, 0),
                bd->currency);
      else
        fprintf(f, "    share               %.2f %% = %s financed / %s total cost %s\n",
                100 * p->share, grouped(a, sizeof a, p->financed, 0),
                grouped(c, sizeof c, p->total_cost, 0), bd->currency);
      text_figures(f, "full project", &rp->full[p->site_index]);
      text_figures(f, "attributed", &h->attributed);
      if (h->has_per_million) {
        char label[48];
        snprintf(label, sizeof label, "per million %s %s", bd->currency,
                 m == PORTFOLIO_PCAF ? "outst." : "fin.");
        text_per_million(f, label, &h->per_million);
      }
    }
    fprintf(f, "  total\n");
    text_figures(f, "attributed", &t->attributed);
    char label[64];
    snprintf(label, sizeof label, "per million %s issued", bd->currency);
    if (t->has_issued)
      text_per_million(f, label, &t->per_issued);
    snprintf(label, sizeof label, "per million %s %s", bd->currency,
             m == PORTFOLIO_PCAF ? "outst." : "alloc.");
    if (t->has_allocated)
      text_per_million(f, label, &t->per_allocated);
    text_lcoe(f, rp, i, &t->lcoe);
  }
  fputc('\n', f);
  fprintf(f, "book: %d %s, %d distinct %s, each counted once\n", b->n_bonds,
          b->n_bonds == 1 ? "bond" : "bonds", b->n_sites, b->n_sites == 1 ? "project" : "projects");
  text_figures(f, "full projects", &rp->book_full);
  text_figures(f, "attributed", &rp->book_total.attributed);
  if (rp->book_full.co2_t > 0)
    fprintf(f, "    %-22s%.2f %% of the projects' CO2 avoided\n", "attributed share",
            100 * rp->book_total.attributed.co2_t / rp->book_full.co2_t);
  if (rp->currency) {
    char label[64];
    snprintf(label, sizeof label, "per million %s issued", rp->currency);
    if (rp->book_total.has_issued)
      text_per_million(f, label, &rp->book_total.per_issued);
    snprintf(label, sizeof label, "per million %s %s", rp->currency,
             m == PORTFOLIO_PCAF ? "outst." : "alloc.");
    if (rp->book_total.has_allocated)
      text_per_million(f, label, &rp->book_total.per_allocated);
    fprintf(f, "    %-22s%s %s issued, %s %s %s\n", "amounts", grouped(a, sizeof a, rp->issued, 0),
            rp->currency, grouped(c, sizeof c, rp->book_total.allocated, 0), rp->currency,
            m == PORTFOLIO_PCAF ? "outstanding" : "allocated");
  } else {
    fprintf(f, "    %-22snot computed (the bonds are in different currencies)\n", "per million");
  }
  text_lcoe(f, rp, -1, &rp->book_total.lcoe);
  fputc('\n', f);
  fprintf(f, "factors (each project's site file; renewcalc run SITE.cfg shows every source)\n");
  for (int s = 0; s < b->n_sites; s++) {
    const struct emission_factors *ef = &rp->runs[s].site->factors;
    int seen = 0;
    for (int q = 0; q < s; q++)
      seen |= strcmp(rp->runs[q].site->factors.name, ef->name) == 0;
    if (seen)
      continue;
    fprintf(f, "  preset %s, method %s: coal rate %.6g gce/kWh (%s), %.6g t CO2/tce (%s)\n",
            ef->name, emissions_method_name(ef->method), ef->coal_rate.value,
            text_terminal(tx, sizeof tx, ef->coal_rate.year), ef->co2_per_tce.value,
            text_terminal(ux, sizeof ux, ef->co2_per_tce.year));
    fprintf(f, "    used by          ");
    for (int q = s, first = 1; q < b->n_sites; q++)
      if (strcmp(rp->runs[q].site->factors.name, ef->name) == 0) {
        fprintf(f, "%s%s", first ? "" : "; ", text_terminal(tx, sizeof tx, rp->runs[q].site->name));
        first = 0;
      }
    fprintf(f, "\n    coal rate source %s\n    CO2 source       %s\n",
            text_terminal(tx, sizeof tx, ef->coal_rate.source),
            text_terminal(ux, sizeof ux, ef->co2_per_tce.source));
  }
}

/* ---- JSON ----------------------------------------------------------------------- */

static json_t *figures_json(const struct portfolio_figures *x)
{
  return json_pack("{s:f, s:f, s:f, s:f, s:f}", "capacity_mw_ac", x->cap_ac_mw, "capacity_mw_dc",
                   x->cap_dc_mw, "annual_generation_mwh", x->generation_mwh, "coal_saved_tce",
                   x->coal_tce, "co2_avoided_t", x->co2_t);
}

static json_t *opt_figures(int has, const struct portfolio_figures *x)
{
  return has ? figures_json(x) : json_null();
}

static json_t *lcoe_json(const struct report *rp, int bi, const struct portfolio_lcoe *l)
{
  double v;
  int ok = portfolio_lcoe_value(l, &v) == 0, with, all;
  if (bi == -2) { /* one holding: its own plants */
    with = l->n_with;
    all = l->n_with + l->n_without;
  } else {
    count_plants(rp, bi, &with, &all);
  }
  return json_pack("{s:o, s:o, s:f, s:f, s:i, s:i}", "lcoe_per_mwh", ok ? json_real(v) : json_null(),
                   "currency", ok ? text_json(l->currency) : json_null(), "pv_costs",
                   l->pv_costs, "pv_energy_mwh", l->pv_energy_mwh, "plants_with_economics", with,
                   "plants", all);
}

static int print_json(FILE *f, const struct report *rp, enum portfolio_method m)
{
  const struct bond_book *b = rp->book;
  json_t *bonds = json_array();
  for (int i = 0; i < b->n_bonds; i++) {
    const struct bond *bd = &b->bonds[i];
    const struct bond_totals *t = &rp->bt[i];
    json_t *projects = json_array();
    for (int k = 0; k < bd->n_projects; k++) {
      const struct holding *h = &rp->h[i][k];
      const struct bond_project *p = h->p;
      const struct site_run *run = &rp->runs[p->site_index];
      json_t *o = json_pack("{s:o, s:o, s:i, s:f, s:f, s:f}", "name", text_json(h->name), "site",
                            text_json(p->site),
                            "lifetime_years", run->site->lifetime_years, "total_cost",
                            p->total_cost, "financed", p->financed, "signed", p->signed_amount);
      if (p->has_pcaf) {
        json_object_set_new(o, "outstanding", json_real(p->outstanding));
        json_object_set_new(o, "equity", json_real(p->equity));
        json_object_set_new(o, "debt", json_real(p->debt));
      }
      json_object_set_new(o, "share", json_real(p->share));
      json_object_set_new(o, "full", figures_json(&rp->full[p->site_index]));
      json_object_set_new(o, "attributed", figures_json(&h->attributed));
      json_object_set_new(o, "per_million", opt_figures(h->has_per_million, &h->per_million));
      json_object_set_new(o, "lcoe", lcoe_json(rp, -2, &h->lcoe));
      json_object_set_new(o, "factors", text_json(run->site->factors.name));
      json_array_append_new(projects, o);
    }
    json_t *tot = json_pack("{s:o, s:o, s:o, s:o}", "attributed", figures_json(&t->attributed),
                            "per_million_issued", opt_figures(t->has_issued, &t->per_issued),
                            "per_million_allocated",
                            opt_figures(t->has_allocated, &t->per_allocated), "lcoe",
                            lcoe_json(rp, i, &t->lcoe));
    json_array_append_new(bonds, json_pack("{s:o, s:o, s:f, s:f, s:o, s:o}", "name",
                                           text_json(bd->name), "currency",
                                           text_json(bd->currency), "amount", bd->amount,
                                           "allocated", t->allocated, "projects", projects,
                                           "total", tot));
  }
  const struct bond_totals *bk = &rp->book_total;
  json_t *book = json_pack(
    "{s:i, s:i, s:o, s:f, s:f, s:o, s:o, s:o, s:o, s:o}", "bonds", b->n_bonds, "projects",
    b->n_sites, "currency", rp->currency ? text_json(rp->currency) : json_null(), "issued",
    rp->issued, "allocated", bk->allocated, "full", figures_json(&rp->book_full), "attributed",
    figures_json(&bk->attributed), "per_million_issued",
    opt_figures(bk->has_issued, &bk->per_issued), "per_million_allocated",
    opt_figures(bk->has_allocated, &bk->per_allocated), "lcoe", lcoe_json(rp, -1, &bk->lcoe));
  json_t *factors = json_array();
  for (int s = 0; s < b->n_sites; s++) {
    const struct emission_factors *ef = &rp->runs[s].site->factors;
    json_array_append_new(
      factors, json_pack("{s:o, s:o, s:s, s:f, s:f, s:o}", "site",
                         text_json(rp->runs[s].site->name), "name", text_json(ef->name), "method",
                         emissions_method_name(ef->method), "coal_rate_gce_per_kwh",
                         ef->coal_rate.value, "co2_t_per_tce", ef->co2_per_tce.value, "source",
                         text_json(ef->coal_rate.source)));
  }
  json_t *root = json_pack(
    "{s:s, s:o, s:o, s:{s:s, s:s}, s:o, s:o, s:o}", "renewcalc", PACKAGE_VERSION, "bond_file",
    text_json(b->path), "name", b->name[0] ? text_json(b->name) : json_null(), "attribution",
    "method",
    m == PORTFOLIO_PCAF ? "pcaf" : "icma", "formula",
    m == PORTFOLIO_PCAF ? "outstanding / (equity + debt)" : "financed / total_cost", "bonds",
    bonds, "book", book, "factors", factors);
  if (!root) {
    errno = ENOMEM; /* texts are UTF-8 by now: only memory can fail */
    return -1;
  }
  int rc = json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12));
  fputc('\n', f);
  json_decref(root);
  return rc;
}

/* ---- CSV: the ICMA renewable-energy template's columns, then renewcalc's -------------- */

static void csv_figs(FILE *f, int has, const struct portfolio_figures *x)
{
  if (has)
    fprintf(f, ",%.6f,%.6f,%.6f,%.6f", x->cap_ac_mw, x->generation_mwh, x->coal_tce, x->co2_t);
  else
    fputs(",,,,", f);
}

static int print_csv(FILE *f, const struct report *rp, enum portfolio_method m)
{
  const struct bond_book *b = rp->book;
  /* Columns 2-10 are those of the Renewable Energy template in Chapter V of
   * the ICMA Handbook (June 2022), in its order, after the bond each row
   * belongs to; the impact columns hold the attributed figures (the share
   * financed). renewcalc's own columns follow. */
  fputs("Bond,Project name,Signed amount,Share of total project financing (%),"
        "Eligibility for green bonds (%),Allocated amount,Project lifetime (years),"
        "Annual renewable energy generation (MWh),"
        "Capacity of renewable energy plant(s) (MW),"
        "Annual GHG emissions reduced/avoided (tCO2),"
        "Currency,Attribution,Attribution amount,Total project cost,Annual coal saved (tce),"
        "Full capacity (MW),Full annual generation (MWh),Full coal saved (tce),"
        "Full CO2 avoided (t),"
        "Per million financed: capacity (MW),Per million financed: generation (MWh),"
        "Per million financed: coal saved (tce),Per million financed: CO2 avoided (t),"
        "Per million issued: capacity (MW),Per million issued: generation (MWh),"
        "Per million issued: coal saved (tce),Per million issued: CO2 avoided (t)\n", f);
  const char *method = m == PORTFOLIO_PCAF ? "pcaf" : "icma";
  for (int i = 0; i < b->n_bonds; i++) {
    const struct bond *bd = &b->bonds[i];
    const struct bond_totals *t = &rp->bt[i];
    double signed_sum = 0, financed_sum = 0;
    for (int k = 0; k < bd->n_projects; k++) {
      const struct holding *h = &rp->h[i][k];
      const struct bond_project *p = h->p;
      const struct portfolio_figures *x = &h->attributed, *full = &rp->full[p->site_index];
      signed_sum += p->signed_amount;
      financed_sum += p->financed;
      text_put_csv_cell(f, bd->name, TEXT_CSV_QUOTE_ALWAYS);
      fputc(',', f);
      text_put_csv_cell(f, h->name, TEXT_CSV_QUOTE_ALWAYS);
      fprintf(f, ",%.2f,%.6f,100,%.2f,%d,%.6f,%.6f,%.6f,%s,%s,%.2f,%.2f,%.6f", p->signed_amount,
              100 * p->share, p->financed, rp->runs[p->site_index].site->lifetime_years,
              x->generation_mwh, x->cap_ac_mw, x->co2_t, bd->currency, method, p->amount,
              p->total_cost, x->coal_tce);
      fprintf(f, ",%.6f,%.6f,%.6f,%.6f", full->cap_ac_mw, full->generation_mwh, full->coal_tce,
              full->co2_t);
      csv_figs(f, h->has_per_million, &h->per_million);
      csv_figs(f, 0, NULL);
      fputc('\n', f);
    }
    text_put_csv_cell(f, bd->name, TEXT_CSV_QUOTE_ALWAYS);
    fprintf(f, ",\"total\",%.2f,,,%.2f,,%.6f,%.6f,%.6f,%s,%s,%.2f,,%.6f,,,,", signed_sum,
            financed_sum, t->attributed.generation_mwh, t->attributed.cap_ac_mw,
            t->attributed.co2_t, bd->currency, method, t->allocated, t->attributed.coal_tce);
    csv_figs(f, t->has_allocated, &t->per_allocated);
    csv_figs(f, t->has_issued, &t->per_issued);
    fputc('\n', f);
  }
  if (b->n_bonds > 1) {
    const struct bond_totals *bk = &rp->book_total;
    double signed_sum = 0, financed_sum = 0;
    for (int i = 0; i < b->n_bonds; i++)
      for (int k = 0; k < b->bonds[i].n_projects; k++) {
        signed_sum += b->bonds[i].projects[k].signed_amount;
        financed_sum += b->bonds[i].projects[k].financed;
      }
    if (rp->currency)
      fprintf(f, "\"book\",\"total\",%.2f,,,%.2f,", signed_sum, financed_sum);
    else
      fputs("\"book\",\"total\",,,,,", f);
    fprintf(f, ",%.6f,%.6f,%.6f,%s,%s,", bk->attributed.generation_mwh, bk->attributed.cap_ac_mw,
            bk->attributed.co2_t, rp->currency ? rp->currency : "", method);
    if (rp->currency)
      fprintf(f, "%.2f", bk->allocated);
    fprintf(f, ",,%.6f,%.6f,%.6f,%.6f,%.6f", bk->attributed.coal_tce, rp->book_full.cap_ac_mw,
            rp->book_full.generation_mwh, rp->book_full.coal_tce, rp->book_full.co2_t);
    csv_figs(f, bk->has_allocated, &bk->per_allocated);
    csv_figs(f, bk->has_issued, &bk->per_issued);
    fputc('\n', f);
  }
  return ferror(f) ? -1 : 0;
}

/* ---- chart ---------------------------------------------------------------------- */

/* A short label for site s: the name a bond gives the project, else the
 * plant's name for a one-plant site, else the site's name. */
static const char *chart_label(const struct report *rp, int s)
{
  const struct bond_book *b = rp->book;
  for (int i = 0; i < b->n_bonds; i++)
    for (int k = 0; k < b->bonds[i].n_projects; k++)
      if (b->bonds[i].projects[k].site_index == s && b->bonds[i].projects[k].name[0])
        return b->bonds[i].projects[k].name;
  const struct site *st = rp->runs[s].site;
  return st->n_plants == 1 && st->plants[0].name[0] ? st->plants[0].name : st->name;
}

static int chart(struct outset *o, const struct report *rp, struct diag *d)
{
  const struct bond_book *b = rp->book;
  FILE *f = outset_open(o, "portfolio.dat");
  if (!f)
    return -1;
  fprintf(f, "# %s: CO2 avoided a year by project, attributed to each bond [t]\n", OUT_PROGRAM);
  fputs("# bond file: ", f);
  out_gp_dat_text(f, b->path);
  fputc('\n', f);
  fprintf(f, "# columns: project, then t CO2 attributed to each bond, then the unattributed "
             "rest of the project\n\"project\"");
  for (int i = 0; i < b->n_bonds; i++) {
    fputc(' ', f);
    out_gp_dat_string(f, b->bonds[i].name);
  }
  fputs(" \"not attributed\"\n", f);
  for (int s = 0; s < b->n_sites; s++) {
    out_gp_dat_string(f, chart_label(rp, s));
    double rest = rp->full[s].co2_t;
    for (int i = 0; i < b->n_bonds; i++) {
      double x = 0;
      for (int k = 0; k < b->bonds[i].n_projects; k++)
        if (b->bonds[i].projects[k].site_index == s)
          x += rp->h[i][k].attributed.co2_t;
      rest -= x;
      fprintf(f, " %.6f", x);
    }
    fprintf(f, " %.6f\n", rest > 0 ? rest : 0);
  }
  char title[400], vars[40];
  snprintf(title, sizeof title, "%.300s: CO2 avoided a year, attributed by bond",
           b->name[0] ? b->name : b->path);
  snprintf(vars, sizeof vars, "nbonds = %d\n", b->n_bonds);
  if (out_gp_chart_script(o, datadir_plots(), "portfolio", title, vars, d) != 0)
    return -1;
  if (!(f = outset_open(o, "style.gp")))
    return -1;
  return out_copy_template(f, datadir_plots(), "style.gp", d);
}

static int book_report(struct outset *set, const struct pf_opts *o, const struct report *rp,
                       struct diag *d);

/* The outputs into o->outdir, with the charts and the report when asked
 * for, committed together. The number of charts (0 without), or -1 with
 * *rc set to the exit status. */
static int write_outputs(const struct pf_opts *opt, const struct report *rp, int *rc,
                         struct diag *d)
{
  struct outset *o = outset_new(opt->outdir, d);
  if (!o) {
    *rc = EXIT_RUNTIME;
    return -1;
  }
  FILE *f;
  int bad = 0, n = 0;
  bad |= !(f = outset_open(o, "portfolio.txt")) || (print_text(f, rp, opt->method), ferror(f));
  bad |= bad || !(f = outset_open(o, "portfolio.json")) || print_json(f, rp, opt->method) != 0;
  bad |= bad || !(f = outset_open(o, "portfolio_icma.csv")) || print_csv(f, rp, opt->method) != 0;
  bad |= bad || chart(o, rp, d) != 0;
  if (bad && diag_count(d) == 0)
    diag_errno(d, "cannot write outputs in", opt->outdir);
  if (!bad && (opt->plot || opt->report))
    bad = (n = plot_render_set(o, opt->plot_format, opt->plot_size, d)) < 0;
  if (!bad && opt->report)
    bad = book_report(o, opt, rp, d) != 0;
  *rc = cli_exit_of(bad ? outset_abort(o) : outset_commit(o));
  return *rc == EXIT_OK ? n : -1;
}

/* ---- the command --------------------------------------------------------------- */

/* report.md and report.html of the book, from its text report and chart. */
static int book_report(struct outset *set, const struct pf_opts *o, const struct report *rp,
                       struct diag *d)
{
  char *summary = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&summary, &len);
  const struct sim_result **runs = calloc((size_t)rp->book->n_sites, sizeof *runs);
  if (!mem || !runs) {
    if (mem)
      fclose(mem);
    free(summary);
    free(runs);
    diag_msg(d, "out of memory");
    return -1;
  }
  print_text(mem, rp, o->method);
  int bad = fclose(mem) != 0 || !summary;
  for (int s = 0; s < rp->book->n_sites; s++)
    runs[s] = rp->runs[s].r;
  const char *title = rp->book->name[0] ? rp->book->name : "Bond impact report";
  if (bad)
    diag_msg(d, "out of memory");
  else
    bad = report_write_book(set, title, o->bond, runs, rp->book->n_sites, summary,
                            o->plot_format, o->when, d) != 0;
  free(summary);
  free(runs);
  return bad ? -1 : 0;
}

static int run_portfolio(const struct pf_opts *o);

int cli_portfolio(int argc, char **argv)
{
  struct pf_opts o;
  if (parse(argc, argv, &o) != 0)
    return EXIT_INPUT;
  return run_portfolio(&o);
}

int cli_portfolio_report(const char *bond, const char *outdir, const char *plot_format,
                         const char *plot_size, time_t when)
{
  struct pf_opts o = { .bond = bond, .outdir = outdir, .format = FMT_TEXT,
                       .method = PORTFOLIO_ICMA, .plot = 1, .plot_format = plot_format,
                       .plot_size = plot_size, .report = 1, .when = when };
  return run_portfolio(&o);
}

static int run_portfolio(const struct pf_opts *opts)
{
  struct pf_opts o = *opts;
  struct diag *d = diag_new();
  if (!d) {
    fputs("renewcalc: out of memory\n", stderr);
    return EXIT_RUNTIME;
  }
  struct report rp;
  memset(&rp, 0, sizeof rp);
  int rc = EXIT_OK, n_runs = 0;
  struct bond_book *book = bond_cfg_read(o.bond, o.method, d);
  if (!book) {
    rc = diag_count(d) == 1 && strstr(diag_get(d, 0), "out of memory") ? EXIT_RUNTIME
                                                                        : EXIT_INPUT;
    goto done;
  }
  rp.book = book;
  rp.runs = calloc((size_t)book->n_sites, sizeof *rp.runs);
  rp.full = calloc((size_t)book->n_sites, sizeof *rp.full);
  if (!rp.runs || !rp.full) {
    diag_msg(d, "out of memory");
    rc = EXIT_RUNTIME;
    goto done;
  }
  /* each distinct site once, however many bonds finance it */
  for (int s = 0; s < book->n_sites; s++) {
    n_runs++;
    rc = site_run_load(book->sites[s].path, NULL, 0, &rp.runs[s], d);
    if (rc != SITE_RUN_OK)
      goto done;
    full_figures(&rp.runs[s], &rp.full[s]);
  }
  if (compute(&rp) != 0) {
    diag_msg(d, "out of memory");
    rc = EXIT_RUNTIME;
    goto done;
  }
  if (o.outdir && strcmp(o.outdir, "-") == 0)
    o.outdir = NULL; /* -o -: the one stream on standard output, no folder */
  if ((o.plot || o.report) && !o.outdir) {
    diag_msg(d, "%s: expected an output folder (-o DIR), got none", o.report ? "report" : "--plot");
    rc = EXIT_INPUT;
    goto done;
  }
  int charts = 0;
  if (o.outdir && (charts = write_outputs(&o, &rp, &rc, d)) < 0)
    goto done;
  int wrote = 0;
  if (o.report) {
    printf("outputs             %s/\n", o.outdir);
    printf("charts              %d %s files rendered with gnuplot\n", charts, o.plot_format);
    printf("report              %s/report.md, %s/report.html\n", o.outdir, o.outdir);
    if (fflush(stdout) != 0) {
      diag_errno(d, "cannot write to", "standard output");
      rc = EXIT_RUNTIME;
    }
    goto done;
  }
  switch (o.format) {
  case FMT_JSON:
    wrote = print_json(stdout, &rp, o.method);
    break;
  case FMT_CSV:
    wrote = print_csv(stdout, &rp, o.method);
    break;
  default:
    print_text(stdout, &rp, o.method);
    if (o.outdir)
      printf("\noutputs             %s/\n", o.outdir);
    if (o.plot)
      printf("charts              %d %s files rendered with gnuplot in %s/\n", charts,
             o.plot_format, o.outdir);
  }
  if (fflush(stdout) != 0 || wrote != 0) {
    diag_errno(d, "cannot write to", "standard output");
    rc = EXIT_RUNTIME;
  }
done:
  diag_print(d, stderr);
  free_report(&rp);
  for (int s = 0; s < n_runs; s++)
    site_run_free(&rp.runs[s]);
  free(rp.runs);
  free(rp.full);
  bond_book_free(book);
  diag_free(d);
  return rc;
}
