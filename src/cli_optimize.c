/* renewcalc optimize: the tilt and azimuth of greatest annual yield for a
 * fixed-rack plant, then the largest DC/AC ratio within a clipping-loss
 * limit at that orientation (optimize.h), with the yield surface and the
 * DC/AC sweep as gnuplot data and scripts. docs/optimize.md describes it. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "config.h"
#include "datadir.h"
#include "diag.h"
#include "optimize.h"
#include "out.h"
#include "outfile.h"
#include "profile.h"
#include "profile_span.h"
#include "sim.h"
#include "site_cfg.h"
#include "solar.h"
#include "text.h"

#define MAX_SETS 64

static const char optimize_usage[] =
  "usage: renewcalc optimize SITE.cfg [--plant N] [--clipping-limit PERCENT]\n"
  "                          [--grid STEP_DEG] [-o DIR] [--format text|json]\n"
  "                          [--set KEY=VALUE ...]\n"
  "  --plant N                plant to optimise, 0-based as in plants[N] (default 0)\n"
  "  --clipping-limit PERCENT largest clipping loss, % of DC energy (default 1)\n"
  "  --grid STEP_DEG          step of the tilt x azimuth grid, 1..30 (default 5)\n";

struct opt_opts {
  const char *site;
  const char *outdir;
  int json;
  int plant;
  double limit_pct;
  double step_deg;
  const char *sets[MAX_SETS];
  int n_sets;
};

/* Whole-string number; 0, or -1 with a message. */
static int parse_number(const char *opt, const char *arg, double *out)
{
  char *end;
  double v = strtod(arg, &end);
  if (end == arg || *end != '\0' || !isfinite(v)) {
    fprintf(stderr, "renewcalc: %s: expected a number, got '%s'\n", opt, arg);
    return -1;
  }
  *out = v;
  return 0;
}

static int parse(int argc, char **argv, struct opt_opts *o)
{
  static const struct option longopts[] = {
    { "output", required_argument, NULL, 'o' },
    { "format", required_argument, NULL, 'f' },
    { "plant", required_argument, NULL, 'n' },
    { "clipping-limit", required_argument, NULL, 'c' },
    { "grid", required_argument, NULL, 'g' },
    { "set", required_argument, NULL, 's' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  memset(o, 0, sizeof *o);
  o->limit_pct = OPT_CLIP_LIMIT_DEFAULT_PCT;
  o->step_deg = OPT_GRID_STEP_DEFAULT_DEG;
  optind = 1;
  opterr = 0;
  int c;
  double v;
  while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
    switch (c) {
    case 'o':
      o->outdir = optarg;
      break;
    case 'f':
      if (strcmp(optarg, "text") == 0 || strcmp(optarg, "json") == 0) {
        o->json = strcmp(optarg, "json") == 0;
      } else {
        fprintf(stderr, "renewcalc: --format: expected text or json, got '%s'\n", optarg);
        return -1;
      }
      break;
    case 'n':
      if (parse_number("--plant", optarg, &v) != 0)
        return -1;
      if (v != floor(v) || v < 0 || v > 1e6) {
        fprintf(stderr, "renewcalc: --plant: expected a plant index 0, 1, ..., got '%s'\n",
                optarg);
        return -1;
      }
      o->plant = (int)v;
      break;
    case 'c':
      if (parse_number("--clipping-limit", optarg, &o->limit_pct) != 0)
        return -1;
      break;
    case 'g':
      if (parse_number("--grid", optarg, &o->step_deg) != 0)
        return -1;
      break;
    case 's':
      if (o->n_sets == MAX_SETS) {
        fprintf(stderr, "renewcalc: --set: expected at most %d overrides\n", MAX_SETS);
        return -1;
      }
      o->sets[o->n_sets++] = optarg;
      break;
    case 'h':
      fputs(optimize_usage, stdout);
      exit(EXIT_OK);
    case ':':
      fprintf(stderr, "renewcalc: option '%s' needs a value\n%s", argv[optind - 1],
              optimize_usage);
      return -1;
    default:
      fprintf(stderr, "renewcalc: unknown option '%s'\n%s", argv[optind - 1], optimize_usage);
      return -1;
    }
  }
  if (optind != argc - 1) {
    fprintf(stderr, "renewcalc: optimize: expected one site file, got %d arguments\n%s",
            argc - optind, optimize_usage);
    return -1;
  }
  o->site = argv[optind];
  return 0;
}

/* Everything a report shows. */
struct report {
  const struct site *site;
  const struct plant_cfg *plant;  /* as in the site file */
  int index;
  double limit_pct;
  struct opt_grid grid;
  struct opt_point at_site;       /* the site file's orientation and ratio */
  struct opt_orient orient;
  struct opt_point sweep[OPT_DCAC_SWEEP_N];
  struct opt_dcac dcac;
  int runs;                       /* runs of the chain */
  double seconds;
};

static double gain_pct(const struct report *r)
{
  double y0 = r->at_site.yield_kwh_per_kw;
  return y0 > 0.0 ? 100.0 * (r->orient.best.yield_kwh_per_kw - y0) / y0 : 0.0;
}

static const char *dcac_status_name(enum opt_dcac_status s)
{
  return s == OPT_DCAC_FOUND ? "found" : s == OPT_DCAC_NONE ? "none_in_range" : "at_range_max";
}

static void text_row(FILE *f, const char *label, const struct opt_point *p)
{
  fprintf(f, "  %-20s %8.1f %9.1f %12.1f %16.1f\n", label, p->tilt_deg,
          opt_azimuth_norm(p->azimuth_deg), p->yield_kwh_per_kw, p->annual_mwh);
}

/* The readable report; with_time adds the run time (stdout only, so that
 * the file written under -o is the same on every run). */
static int put_text(FILE *f, const struct report *r, int with_time)
{
  const struct plant_cfg *pc = r->plant;
  const struct opt_orient *o = &r->orient;
  char t[TEXT_TERMINAL_SIZE(SITE_PATH_MAX)], u[TEXT_TERMINAL_SIZE(SITE_PATH_MAX)];
  fprintf(f, "%s optimize\n", OUT_PROGRAM);
  fprintf(f, "site                %s (%s)\n", text_terminal(t, sizeof t, r->site->name),
          text_terminal(u, sizeof u, r->site->path));
  fprintf(f, "location            %.4f, %.4f\n", r->site->latitude, r->site->longitude);
  fprintf(f, "plant               plants[%d] %s: fixed rack, %.3f MW AC, DC/AC %.3f\n",
          r->index, text_terminal(t, sizeof t, pc->name), pc->capacity_mw_ac, pc->dc_ac_ratio);
  fprintf(f, "profile             %s\n\n", text_terminal(t, sizeof t, pc->profile));

  fprintf(f, "Orientation of greatest annual yield (DC/AC %.3f as in the site file)\n",
          pc->dc_ac_ratio);
  fprintf(f, "  %-20s %8s %9s %12s %16s\n", "", "tilt", "azimuth", "yield", "generation");
  fprintf(f, "  %-20s %8s %9s %12s %16s\n", "", "[deg]", "[deg]", "[kWh/kWp]", "[MWh/yr]");
  text_row(f, "site file", &r->at_site);
  text_row(f, "best grid point", &o->grid_best);
  text_row(f, "optimum", &o->best);
  fprintf(f, "  gain over the site file  %+.2f %% (%+.1f MWh/yr)\n", gain_pct(r),
          o->best.annual_mwh - r->at_site.annual_mwh);
  fprintf(f, "  search              grid step %g deg (%d tilts x %d azimuths, azimuth %g..%g),\n"
             "                      Nelder-Mead %d iterations to a simplex of %g deg%s\n\n",
          r->grid.step_deg, r->grid.n_tilt, r->grid.n_az,
          r->grid.az_center_deg - OPT_AZ_HALF_RANGE_DEG,
          r->grid.az_center_deg + OPT_AZ_HALF_RANGE_DEG, o->iterations, OPT_XTOL_DEG,
          o->converged ? "" : " (iteration limit reached first)");

  const struct opt_dcac *dc = &r->dcac;
  const struct opt_point *b = &dc->best;
  fprintf(f, "Largest DC/AC ratio within %.2f %% clipping loss (clipping / DC energy),\n"
             "at the optimum orientation, AC rating held at %.3f MW, searched %.2f..%.2f\n",
          r->limit_pct, pc->capacity_mw_ac, OPT_DCAC_MIN, OPT_DCAC_MAX);
  switch (dc->status) {
  case OPT_DCAC_FOUND:
    fprintf(f, "  DC/AC ratio         %.3f (%.3f MWp DC); %.4f exceeds the limit\n",
            b->dc_ac_ratio, pc->capacity_mw_ac * b->dc_ac_ratio, dc->ratio_above);
    break;
  case OPT_DCAC_NONE:
    fprintf(f, "  DC/AC ratio         none: clipping at %.2f is above the limit\n", b->dc_ac_ratio);
    break;
  case OPT_DCAC_AT_MAX:
    fprintf(f, "  DC/AC ratio         %.3f or more: clipping stays within the limit over the "
               "whole range\n", b->dc_ac_ratio);
    break;
  }
  fprintf(f, "  clipping loss       %.3f %% at DC/AC %.3f\n", 100.0 * b->clip_frac, b->dc_ac_ratio);
  fprintf(f, "  generation          %.1f MWh/yr, %.1f kWh/kWp\n", b->annual_mwh,
          b->yield_kwh_per_kw);
  fprintf(f, "  search              sweep of %d ratios, Brent %d iterations to %g\n",
          OPT_DCAC_SWEEP_N, dc->iterations, OPT_DCAC_TOL);
  if (with_time)
    fprintf(f, "\nruns of the chain   %d in %.1f s\n", r->runs, r->seconds);
  else
    fprintf(f, "\nruns of the chain   %d\n", r->runs);
  return ferror(f) ? -1 : 0;
}

static json_t *point_json(const struct opt_point *p)
{
  return json_pack("{s:f, s:f, s:f, s:f, s:f, s:f}", "tilt_deg", p->tilt_deg, "azimuth_deg",
                   opt_azimuth_norm(p->azimuth_deg), "dc_ac_ratio", p->dc_ac_ratio,
                   "annual_generation_mwh", p->annual_mwh, "specific_yield_kwh_per_kw",
                   p->yield_kwh_per_kw, "clipping_loss_percent", 100.0 * p->clip_frac);
}

static int put_json(FILE *f, const struct report *r)
{
  const struct opt_orient *o = &r->orient;
  const struct opt_dcac *dc = &r->dcac;
  json_t *sweep = json_array();
  for (int k = 0; sweep && k < OPT_DCAC_SWEEP_N; k++)
    json_array_append_new(sweep, point_json(&r->sweep[k]));
  json_t *orient = json_pack(
    "{s:o, s:o, s:o, s:f, s:f, s:f, s:f, s:f, s:i, s:i, s:b}", "site_file", point_json(&r->at_site),
    "best_grid_point", point_json(&o->grid_best), "optimum", point_json(&o->best),
    "gain_percent", gain_pct(r), "gain_mwh", o->best.annual_mwh - r->at_site.annual_mwh,
    "grid_step_deg", r->grid.step_deg, "azimuth_min_deg",
    r->grid.az_center_deg - OPT_AZ_HALF_RANGE_DEG, "azimuth_max_deg",
    r->grid.az_center_deg + OPT_AZ_HALF_RANGE_DEG, "evaluations", o->evaluations, "iterations",
    o->iterations, "converged", o->converged);
  json_t *dcac = json_pack("{s:s, s:f, s:f, s:f, s:o, s:o, s:o}", "status",
                           dcac_status_name(dc->status), "clipping_limit_percent", r->limit_pct,
                           "capacity_mw_ac", r->plant->capacity_mw_ac, "ratio",
                           dc->best.dc_ac_ratio, "ratio_above",
                           isfinite(dc->ratio_above) && dc->status == OPT_DCAC_FOUND
                             ? json_real(dc->ratio_above)
                             : json_null(),
                           "best", point_json(&dc->best), "sweep", sweep);
  json_t *root = json_pack("{s:s, s:{s:o, s:o, s:f, s:f}, s:{s:i, s:o}, s:o, s:o, s:i}",
                           "program", OUT_PROGRAM, "site", "name", text_json(r->site->name),
                           "file", text_json(r->site->path), "latitude", r->site->latitude,
                           "longitude", r->site->longitude, "plant", "index", r->index, "name",
                           text_json(r->plant->name), "orientation", orient, "dc_ac", dcac,
                           "runs", r->runs);
  if (!root) {
    errno = ENOMEM; /* texts are UTF-8 by now: only memory can fail */
    return -1;
  }
  int rc = json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12));
  fputc('\n', f);
  json_decref(root);
  return rc == 0 && !ferror(f) ? 0 : -1;
}

/* ---- gnuplot ------------------------------------------------------------ */

/* An azimuth in the grid's continuous coordinate (within 180 deg of the
 * equator-facing direction), for marking it on the chart. */
static double axis_azimuth(const struct opt_grid *g, double az_deg)
{
  double a = opt_azimuth_norm(az_deg - g->az_center_deg + 180.0) - 180.0;
  return g->az_center_deg + a;
}

/* "# site: NAME (PATH), plants[N] NAME" of a .dat, without the line end. */
static void put_site(FILE *f, const struct report *r)
{
  fputs("# site: ", f);
  out_gp_dat_text(f, r->site->name);
  fputs(" (", f);
  out_gp_dat_text(f, r->site->path);
  fprintf(f, "), plants[%d] ", r->index);
  out_gp_dat_text(f, r->plant->name);
}

static int write_surface(struct outset *o, const struct report *r, struct diag *d)
{
  const struct opt_grid *g = &r->grid;
  FILE *f = outset_open(o, "yield_surface.dat");
  if (!f)
    return -1;
  fprintf(f, "# %s: annual specific yield over tilt x azimuth [kWh/kWp]\n", OUT_PROGRAM);
  put_site(f, r);
  fprintf(f, ", DC/AC %.3f\n", r->plant->dc_ac_ratio);
  fprintf(f, "# azimuth: degrees clockwise from north, %g..%g (below 0: add 360)\n",
          g->az_center_deg - OPT_AZ_HALF_RANGE_DEG, g->az_center_deg + OPT_AZ_HALF_RANGE_DEG);
  fprintf(f, "# one block per tilt, blank line between blocks (gnuplot pm3d)\n");
  fprintf(f, "# columns: tilt_deg azimuth_deg specific_yield_kwh_per_kwp\n");
  for (int i = 0; i < g->n_tilt; i++) {
    if (i > 0)
      fputc('\n', f);
    for (int j = 0; j < g->n_az; j++)
      fprintf(f, "%.4f %.4f %.6f\n", opt_grid_tilt(g, i), opt_grid_azimuth(g, j),
              g->yield_kwh_per_kw[i * g->n_az + j]);
  }
  char vars[512], title[400];
  snprintf(vars, sizeof vars,
           "opt_tilt = %.4f\nopt_azimuth = %.4f\nopt_yield = %.4f\n"
           "site_tilt = %.4f\nsite_azimuth = %.4f\n"
           "az_min = %.4f\naz_max = %.4f\n",
           r->orient.best.tilt_deg, r->orient.azimuth_axis_deg, r->orient.best.yield_kwh_per_kw,
           r->at_site.tilt_deg, axis_azimuth(g, r->at_site.azimuth_deg),
           g->az_center_deg - OPT_AZ_HALF_RANGE_DEG, g->az_center_deg + OPT_AZ_HALF_RANGE_DEG);
  snprintf(title, sizeof title, "%s: specific yield by orientation", r->plant->name);
  return out_gp_chart_script(o, datadir_plots(), "yield_surface", title, vars, d);
}

static int write_dcac(struct outset *o, const struct report *r, struct diag *d)
{
  FILE *f = outset_open(o, "dcac.dat");
  if (!f)
    return -1;
  fprintf(f, "# %s: DC/AC ratio sweep at tilt %.2f deg, azimuth %.2f deg\n", OUT_PROGRAM,
          r->orient.best.tilt_deg, r->orient.best.azimuth_deg);
  put_site(f, r);
  fprintf(f, ", AC rating %.3f MW held\n", r->plant->capacity_mw_ac);
  fprintf(f, "# columns: dc_ac_ratio clipping_percent_of_dc annual_mwh "
             "specific_yield_kwh_per_kwp\n");
  for (int k = 0; k < OPT_DCAC_SWEEP_N; k++) {
    const struct opt_point *p = &r->sweep[k];
    fprintf(f, "%.4f %.6f %.6f %.6f\n", p->dc_ac_ratio, 100.0 * p->clip_frac, p->annual_mwh,
            p->yield_kwh_per_kw);
  }
  char vars[256], title[400];
  snprintf(vars, sizeof vars, "limit_pct = %.4f\nbest_ratio = %.4f\n", r->limit_pct,
           r->dcac.status == OPT_DCAC_NONE ? -1.0 : r->dcac.best.dc_ac_ratio);
  snprintf(title, sizeof title, "%s: clipping loss and generation by DC/AC ratio",
           r->plant->name);
  return out_gp_chart_script(o, datadir_plots(), "dcac", title, vars, d);
}

/* The outputs into dir, committed together; the exit status. */
static int write_outputs(const char *dir, const struct report *r, struct diag *d)
{
  struct outset *o = outset_new(dir, d);
  if (!o)
    return EXIT_RUNTIME;
  FILE *f;
  int bad = 0;
  bad |= !(f = outset_open(o, "optimize.txt")) || put_text(f, r, 0) != 0;
  bad |= bad || !(f = outset_open(o, "optimize.json")) || put_json(f, r) != 0;
  bad |= bad || write_surface(o, r, d) != 0;
  bad |= bad || write_dcac(o, r, d) != 0;
  bad |= bad || !(f = outset_open(o, "style.gp")) || out_copy_template(f, datadir_plots(), "style.gp", d) != 0;
  if (bad && diag_count(d) == 0)
    diag_errno(d, "cannot write outputs in", dir);
  return cli_exit_of(bad ? outset_abort(o) : outset_commit(o));
}

static double now_s(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int cli_optimize(int argc, char **argv)
{
  struct opt_opts o;
  if (parse(argc, argv, &o) != 0)
    return EXIT_INPUT;
  struct diag *d = diag_new();
  struct opt_plant *op = malloc(sizeof *op);
  if (!d || !op) {
    fputs("renewcalc: out of memory\n", stderr);
    diag_free(d);
    free(op);
    return EXIT_RUNTIME;
  }
  int rc = EXIT_OK;
  struct profile *p = NULL;
  struct solar_axis *axis = NULL;
  struct report r;
  memset(&r, 0, sizeof r);
  r.limit_pct = o.limit_pct;
  r.index = o.plant;
  double t0 = now_s();
  int bad = opt_check_clip_limit(o.limit_pct, d);
  bad |= opt_check_grid_step(o.step_deg, d);
  struct site *s = site_cfg_read(o.site, o.sets, o.n_sets, d);
  if (!s || bad || opt_check_plant(s, o.plant, d) != 0) {
    rc = EXIT_INPUT;
    goto done;
  }
  r.site = s;
  r.plant = &s->plants[o.plant];
  if (!(p = profile_read(r.plant->profile, d)) ||
      profile_span_check(p->path, p->n, p->interval_s, r.plant->annualise, d) != 0 ||
      opt_plant_init(op, s, o.plant, p, d) != 0) {
    rc = EXIT_INPUT;
    goto done;
  }
  /* Every evaluation runs the chain on this profile: its sun's time part
   * once. */
  axis = sim_sun_axis_new(p, s->delta_t_s);
  p->sun_axis = axis;
  if (opt_grid_init(&r.grid, o.step_deg, opt_az_center(s->latitude)) != 0) {
    diag_msg(d, "out of memory for the yield grid");
    rc = EXIT_RUNTIME;
    goto done;
  }
  r.at_site = (struct opt_point){ .tilt_deg = r.plant->pv.tilt_deg,
                                  .azimuth_deg = r.plant->pv.azimuth_deg,
                                  .dc_ac_ratio = r.plant->dc_ac_ratio };
  if (opt_plant_eval(op, &r.at_site) != 0 ||
      opt_orientation(opt_plant_eval, op, &r.at_site, &r.grid, OPT_XTOL_DEG, &r.orient, d) != 0 ||
      opt_dcac_search(opt_plant_eval, op, &r.orient.best, o.limit_pct / 100.0, r.sweep, &r.dcac,
                      d) != 0) {
    rc = EXIT_RUNTIME;
    goto done;
  }
  r.runs = op->evaluations;
  r.seconds = now_s() - t0;
  if (o.outdir && strcmp(o.outdir, "-") == 0)
    o.outdir = NULL; /* -o -: the one stream on standard output, no folder */
  if (o.outdir && (rc = write_outputs(o.outdir, &r, d)) != EXIT_OK)
    goto done;
  int wrote = o.json ? put_json(stdout, &r) : put_text(stdout, &r, 1);
  if (!o.json && o.outdir && wrote == 0)
    printf("outputs             %s/\n", o.outdir);
  if (fflush(stdout) != 0 || wrote != 0) {
    diag_errno(d, "cannot write to", "standard output");
    rc = EXIT_RUNTIME;
  }
done:
  diag_print(d, stderr);
  opt_grid_free(&r.grid);
  solar_axis_free(axis);
  profile_free(p);
  site_free(s);
  free(op);
  diag_free(d);
  return rc;
}
