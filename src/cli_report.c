/* renewcalc report: everything `run --plot` writes, plus report.md and a
 * self-contained report.html, in one folder to hand over. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "diag.h"
#include "outfile.h"
#include "infile.h"
#include "plot.h"
#include "report.h"
#include "site.h"
#include "site_run.h"

#define MAX_SETS 64

static const char report_usage[] =
  "usage: renewcalc report SITE.cfg -o DIR [--plot-format png|svg] [--plot-size WxH]\n"
  "                        [--set KEY=VALUE ...]\n"
  "       renewcalc report BOND.cfg -o DIR [--plot-format png|svg] [--plot-size WxH]\n";

struct report_opts {
  const char *site;
  const char *outdir;
  const char *plot_format;
  const char *plot_size; /* "WxH" or NULL */
  const char *sets[MAX_SETS];
  int n_sets;
};

static int parse(int argc, char **argv, struct report_opts *o)
{
  static const struct option longopts[] = {
    { "output", required_argument, NULL, 'o' },
    { "plot-format", required_argument, NULL, 'P' },
    { "plot-size", required_argument, NULL, 'S' },
    { "set", required_argument, NULL, 's' },
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
    case 'P':
      /* Browsers show PNG and SVG inline; PDF they do not. */
      if (strcmp(optarg, "png") != 0 && strcmp(optarg, "svg") != 0) {
        fprintf(stderr, "renewcalc: --plot-format: expected png or svg, got '%s'\n", optarg);
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
    case 's':
      if (o->n_sets == MAX_SETS) {
        fprintf(stderr, "renewcalc: --set: expected at most %d overrides\n", MAX_SETS);
        return -1;
      }
      o->sets[o->n_sets++] = optarg;
      break;
    case 'h':
      fputs(report_usage, stdout);
      exit(EXIT_OK);
    case ':':
      fprintf(stderr, "renewcalc: option '%s' needs a value\n%s", argv[optind - 1],
              report_usage);
      return -1;
    default:
      fprintf(stderr, "renewcalc: unknown option '%s'\n%s", argv[optind - 1], report_usage);
      return -1;
    }
  }
  if (optind != argc - 1) {
    fprintf(stderr, "renewcalc: report: expected one site file, got %d arguments\n%s",
            argc - optind, report_usage);
    return -1;
  }
  if (o->outdir && strcmp(o->outdir, "-") == 0) {
    fprintf(stderr, "renewcalc: report: expected an output folder (-o DIR), got '-'\n");
    return -1;
  }
  o->site = argv[optind];
  return 0;
}

/* The date of the run: now, or $SOURCE_DATE_EPOCH when set, so that a
 * report can be rebuilt byte for byte. */
/* 1 if path is a bond file: a line that sets `bonds`, the one setting a
 * site file never has; 0 otherwise (also when it cannot be read: the site
 * loader then reports that). */
static int is_bond_file(const char *path)
{
  struct diag *d = diag_new();
  FILE *f = d ? infile_open(path, INFILE_CONFIG_MAX, d) : NULL;
  diag_free(d);
  if (!f)
    return 0;
  char line[512];
  int bond = 0;
  while (!bond && fgets(line, sizeof line, f)) {
    const char *p = line + strspn(line, " \t");
    if (strncmp(p, "bonds", 5) == 0) {
      p += 5 + strspn(p + 5, " \t");
      bond = *p == '=' || *p == ':';
    }
  }
  fclose(f);
  return bond;
}

static time_t run_time(void)
{
  const char *e = getenv("SOURCE_DATE_EPOCH");
  if (e && *e) {
    char *end;
    long long v = strtoll(e, &end, 10);
    if (*end == '\0' && v >= 0)
      return (time_t)v;
  }
  return time(NULL);
}

int cli_report(int argc, char **argv)
{
  struct report_opts o;
  if (parse(argc, argv, &o) != 0)
    return EXIT_INPUT;
  if (is_bond_file(o.site)) {
    if (o.n_sets > 0 || !o.outdir) {
      fprintf(stderr, "renewcalc: report %s: expected -o DIR and no --set for a bond file, "
              "got %s\n", o.site, o.n_sets > 0 ? "--set" : "no -o DIR");
      return EXIT_INPUT;
    }
    return cli_portfolio_report(o.site, o.outdir, o.plot_format, o.plot_size, run_time());
  }
  struct diag *d = diag_new();
  if (!d) {
    fputs("renewcalc: out of memory\n", stderr);
    return EXIT_RUNTIME;
  }
  time_t when = run_time();
  struct site_run run;
  int rc = site_run_load(o.site, o.sets, o.n_sets, &run, d);
  const struct profile *const *profiles = (const struct profile *const *)run.profiles;
  const char *dir = NULL;
  if (rc != EXIT_OK)
    goto done;
  dir = o.outdir ? o.outdir : (run.site->output_dir[0] ? run.site->output_dir : NULL);
  if (!dir) {
    diag_msg(d, "report: expected an output folder (-o DIR or output.dir in the site file), "
                "got none");
    rc = EXIT_INPUT;
    goto done;
  }
  struct outset *set = outset_new(dir, d);
  if (!set) {
    rc = EXIT_RUNTIME;
    goto done;
  }
  int n = 0;
  if (cli_run_stage(set, run.r, profiles, d) != 0 ||
      (n = plot_render_set(set, o.plot_format, o.plot_size, d)) < 0 ||
      report_write(set, run.r, profiles, o.sets, o.n_sets, o.plot_format, when, d) != 0) {
    rc = cli_exit_of(outset_abort(set));
    goto done;
  }
  if ((rc = cli_exit_of(outset_commit(set))) != EXIT_OK)
    goto done;
  printf("outputs             %s/\n", dir);
  printf("charts              %d %s files rendered with gnuplot\n", n, o.plot_format);
  printf("report              %s/report.md, %s/report.html\n", dir, dir);
  if (fflush(stdout) != 0) {
    diag_errno(d, "cannot write to", "standard output");
    rc = EXIT_RUNTIME;
  }
done:
  diag_print(d, stderr);
  site_run_free(&run);
  diag_free(d);
  return rc;
}
