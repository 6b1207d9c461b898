/* renewcalc run: site file -> profiles -> simulation -> outputs. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "datadir.h"
#include "diag.h"
#include "out.h"
#include "outfile.h"
#include "outstream.h"
#include "plot.h"
#include "profile.h"
#include "sim.h"
#include "wind_profile.h"
#include "site_cfg.h"
#include "site_run.h"
#include "text.h"

#define MAX_SETS 64

static const char run_usage[] =
  "usage: renewcalc run SITE.cfg [-o DIR] [--format text|json|csv] [--plot]\n"
  "                     [--plot-format png|svg|pdf] [--plot-size WxH] [--set KEY=VALUE ...]\n";

static void on_signal(int sig)
{
  /* Only async-signal-safe calls here: kill(2), waitpid(2), unlink(2),
   * rmdir, write(2), _exit(2). */
  static const char msg_int[] = "renewcalc: interrupted (SIGINT); no output of this run kept\n";
  static const char msg_term[] = "renewcalc: terminated (SIGTERM); no output of this run kept\n";
  static const char msg_hup[] = "renewcalc: hung up (SIGHUP); no output of this run kept\n";
  const char *msg = sig == SIGINT ? msg_int : sig == SIGTERM ? msg_term : msg_hup;
  size_t len = sig == SIGINT ? sizeof msg_int : sig == SIGTERM ? sizeof msg_term : sizeof msg_hup;
  plot_cleanup_on_signal();
  outset_cleanup_on_signal();
  outstream_cleanup_on_signal();
  ssize_t w = write(STDERR_FILENO, msg, len - 1);
  (void)w;
  _exit(EXIT_RUNTIME);
}

void cli_handle_signals(void)
{
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  /* Past a file-size limit (ulimit -f) a write then fails with EFBIG and is
   * reported like a full disk, instead of the process being killed with a
   * partial file left behind. */
  signal(SIGXFSZ, SIG_IGN);
}

enum fmt { FMT_TEXT, FMT_JSON, FMT_CSV };

struct run_opts {
  const char *site;
  const char *outdir;
  enum fmt format;
  int plot;
  const char *plot_format;
  const char *plot_size;             /* "WxH" or NULL */
  const char *sets[MAX_SETS];
  int n_sets;
};

static int parse(int argc, char **argv, struct run_opts *o)
{
  static const struct option longopts[] = {
    { "output", required_argument, NULL, 'o' },
    { "format", required_argument, NULL, 'f' },
    { "plot", no_argument, NULL, 'p' },
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
    case 's':
      if (o->n_sets == MAX_SETS) {
        fprintf(stderr, "renewcalc: --set: expected at most %d overrides\n", MAX_SETS);
        return -1;
      }
      o->sets[o->n_sets++] = optarg;
      break;
    case 'h':
      fputs(run_usage, stdout);
      exit(EXIT_OK);
    case ':':
      fprintf(stderr, "renewcalc: option '%s' needs a value\n%s", argv[optind - 1], run_usage);
      return -1;
    default:
      fprintf(stderr, "renewcalc: unknown option '%s'\n%s", argv[optind - 1], run_usage);
      return -1;
    }
  }
  if (optind != argc - 1) {
    fprintf(stderr, "renewcalc: run: expected one site file, got %d arguments\n%s", argc - optind,
            run_usage);
    return -1;
  }
  o->site = argv[optind];
  return 0;
}

int cli_run_stage(struct outset *o, const struct sim_result *r,
                  const struct profile *const *profiles, struct diag *d)
{
  FILE *f;
  int bad = 0;
  bad |= !(f = outset_open(o, "summary.txt")) || out_text(f, r, profiles) != 0;
  bad |= bad || !(f = outset_open(o, "summary.json")) || out_json(f, r, profiles) != 0;
  bad |= bad || !(f = outset_open(o, "summary.csv")) || out_csv_summary(f, r) != 0;
  bad |= bad || !(f = outset_open(o, "monthly.csv")) || out_csv_monthly(f, r) != 0;
  bad |= bad || !(f = outset_open(o, "lifetime.csv")) || out_csv_lifetime(f, r) != 0;
  bad |= bad || !(f = outset_open(o, "hourly.csv")) || out_csv_hourly(f, r) != 0;
  int has_wind = 0;
  for (int i = 0; i < r->n_plants; i++)
    has_wind |= r->plants[i].cfg->type == PLANT_WIND;
  if (has_wind)
    bad |= bad || !(f = outset_open(o, "hourly_wind.csv")) || out_csv_hourly_wind(f, r) != 0;
  bad |= bad || out_gnuplot(o, r, datadir_plots(), d) != 0;
  if (bad && diag_count(d) == 0)
    diag_errno(d, "cannot write outputs in", outset_dir(o));
  return bad ? -1 : 0;
}

int cli_exit_of(int outtarget_rc)
{
  return outtarget_rc == OUTTARGET_OK ? EXIT_OK
         : outtarget_rc == OUTTARGET_INPUT ? EXIT_INPUT : EXIT_RUNTIME;
}

/* The outputs of a run into dir, with the charts when plot_format is not
 * NULL, committed together. The number of charts (0 without), or -1 with
 * *rc set to the exit status. */
static int write_folder(const char *dir, const struct sim_result *r,
                        const struct profile *const *profiles, const char *plot_format,
                        const char *plot_size, int *rc, struct diag *d)
{
  struct outset *o = outset_new(dir, d);
  if (!o) {
    *rc = EXIT_RUNTIME;
    return -1;
  }
  int n = 0;
  if (cli_run_stage(o, r, profiles, d) != 0 ||
      (plot_format && (n = plot_render_set(o, plot_format, plot_size, d)) < 0)) {
    *rc = cli_exit_of(outset_abort(o));
    return -1;
  }
  *rc = cli_exit_of(outset_commit(o));
  return *rc == EXIT_OK ? n : -1;
}

int cli_run(int argc, char **argv)
{
  struct run_opts o;
  if (parse(argc, argv, &o) != 0)
    return EXIT_INPUT;
  struct diag *d = diag_new();
  if (!d) {
    fputs("renewcalc: out of memory\n", stderr);
    return EXIT_RUNTIME;
  }
  struct site_run run;
  int rc = site_run_load(o.site, o.sets, o.n_sets, &run, d);
  const struct site *s = run.site;
  struct sim_result *r = run.r;
  const struct profile *const *profiles = (const struct profile *const *)run.profiles;
  const char *dir = NULL;
  if (rc != EXIT_OK)
    goto done;
  if (o.outdir && strcmp(o.outdir, "-") == 0)
    dir = NULL; /* -o -: the one stream on standard output, no folder */
  else
    dir = o.outdir ? o.outdir : (s->output_dir[0] ? s->output_dir : NULL);
  if (o.plot && !dir) {
    diag_msg(d, "--plot: expected an output folder (-o DIR or output.dir in the site file), "
                "got none");
    rc = EXIT_INPUT;
    goto done;
  }
  int charts = 0;
  if (dir && (charts = write_folder(dir, r, profiles, o.plot ? o.plot_format : NULL,
                                    o.plot_size, &rc, d)) < 0)
    goto done;
  int wrote;
  char shown[TEXT_TERMINAL_SIZE(SITE_PATH_MAX)]; /* dir may come from the site file */
  switch (o.format) {
  case FMT_JSON:
    wrote = out_json(stdout, r, profiles);
    break;
  case FMT_CSV:
    wrote = out_csv_summary(stdout, r);
    break;
  default:
    wrote = out_text(stdout, r, profiles);
    if (dir)
      printf("\noutputs             %s/\n", text_terminal(shown, sizeof shown, dir));
    if (o.plot)
      printf("charts              %d %s files rendered with gnuplot in %s/\n", charts,
             o.plot_format, text_terminal(shown, sizeof shown, dir));
  }
  if (fflush(stdout) != 0 || wrote != 0) {
    diag_errno(d, "cannot write to", "standard output");
    rc = EXIT_RUNTIME;
  }
done:
  diag_print(d, stderr);
  site_run_free(&run);
  diag_free(d);
  return rc;
}
