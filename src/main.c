/* renewcalc: command-line entry point. Parses the command name and hands
 * over to the command; only this layer exits. */
#include <gsl/gsl_errno.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "config.h"

static const char usage[] =
  "usage: renewcalc <command> [arguments]\n"
  "\n"
  "commands:\n"
  "  run SITE.cfg [-o DIR] [--format text|json|csv] [--plot] [--plot-format png|svg|pdf]\n"
  "               [--plot-size WxH] [--set KEY=VALUE ...]\n"
  "                         model a site: annual and lifetime generation, coal saved,\n"
  "                         CO2 avoided; with DIR (or output.dir) also CSV, JSON and\n"
  "                         gnuplot data and scripts\n"
  "  report SITE.cfg|BOND.cfg -o DIR [--plot-format png|svg] [--plot-size WxH]\n"
  "         [--set KEY=VALUE ...]\n"
  "                         everything run --plot (or portfolio --plot) writes, plus report.md\n"
  "                         and a self-contained report.html (tables, factors with sources,\n"
  "                         charts, input SHA-256)\n"
  "  plot DIR [--plot-format png|svg|pdf] [--plot-size WxH]\n"
  "                         render DIR/*.gp with gnuplot\n"
  "  factors [NAME]         list emission factor presets, or show one with its sources\n"
  "  profile synth MONTHLY.cfg -o PROFILE.csv\n"
  "                         synthetic hourly solar profile from monthly means\n"
  "  profile synth-wind MONTHLY.cfg -o PROFILE.csv\n"
  "                         synthetic hourly wind profile (Weibull, persistent) from\n"
  "                         monthly means\n"
  "  optimize SITE.cfg [--plant N] [--clipping-limit PERCENT] [--grid STEP_DEG]\n"
  "                    [-o DIR] [--format text|json] [--set KEY=VALUE ...]\n"
  "                         tilt and azimuth of greatest annual yield for a fixed-rack\n"
  "                         plant, and the largest DC/AC ratio within a clipping-loss\n"
  "                         limit; with DIR also the yield surface for gnuplot\n"
  "  check-claim [--capacity-mw N] [--generation-gwh N] [--coal-t N] [--co2-t N]\n"
  "              [--technology pv|wind|biomass] [--capacity-basis ac|dc] [--country CODE]\n"
  "              [--mounting fixed|tracker] [--factors NAME] [--site SITE.cfg]\n"
  "              [--format text|json]\n"
  "                         check an issuer's figures: implied full-load hours, gce/kWh,\n"
  "                         t CO2/tce and t CO2/MWh against typical ranges and a factor\n"
  "                         preset, likely unit slips, and the site's P50/P90\n"
  "  portfolio BOND.cfg [-o DIR] [--format text|json|csv] [--attribution icma|pcaf]\n"
  "                    [--plot] [--plot-format png|svg|pdf] [--plot-size WxH]\n"
  "                         a bond's or a book's impact report (ICMA Harmonised Framework):\n"
  "                         each project's capacity, generation, coal saved and CO2\n"
  "                         avoided, in full and attributed, and per million of currency\n"
  "  batch SITES.csv [-o FILE] [-j N] [--shard K/N] [--template SITE.cfg]\n"
  "                         thousands of one-plant sites from a CSV list on every core,\n"
  "                         one summary row each plus totals; --shard runs one slice\n"
  "  merge SHARD.csv... [-o FILE]\n"
  "                         join batch --shard outputs into the table of one run\n"
  "\n"
  "options:\n"
  "  -h, --help             this help (also: renewcalc COMMAND --help)\n"
  "  --version              the version\n"
  "\n"
  "exit status: 0 success, 1 runtime failure (I/O, numerical, internal),\n"
  "             2 bad input (usage, site file, profile)\n"
  "documentation: README.md, docs/site-file.md (every site-file key), docs/profile-csv.md,\n"
  "               docs/profile-formats.md, docs/optimize.md, docs/pvwatts-v8.md,\n"
  "               docs/check-claim.md, docs/portfolio.md, docs/batch.md\n";

int main(int argc, char **argv)
{
  gsl_set_error_handler_off();
  cli_handle_signals();
  /* batch, optimize and portfolio run the hourly chain many times, each
   * run allocating and freeing the same few megabytes of hourly arrays:
   * keep them in the heap instead of giving them back to the system after
   * each run (glibc would trim and fault the pages in again, which costs
   * more than the run's physics). */
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  if (argc < 2) {
    fputs(usage, stderr);
    return EXIT_INPUT;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
    fputs(usage, stdout);
    return EXIT_OK;
  }
  if (strcmp(cmd, "--version") == 0) {
    printf("renewcalc %s\n", PACKAGE_VERSION);
    return EXIT_OK;
  }
  if (strcmp(cmd, "run") == 0)
    return cli_run(argc - 1, argv + 1);
  if (strcmp(cmd, "plot") == 0)
    return cli_plot(argc - 1, argv + 1);
  if (strcmp(cmd, "factors") == 0)
    return cli_factors(argc - 1, argv + 1);
  if (strcmp(cmd, "profile") == 0)
    return cli_profile(argc - 1, argv + 1);
  if (strcmp(cmd, "optimize") == 0)
    return cli_optimize(argc - 1, argv + 1);
  if (strcmp(cmd, "check-claim") == 0)
    return cli_check_claim(argc - 1, argv + 1);
  if (strcmp(cmd, "portfolio") == 0)
    return cli_portfolio(argc - 1, argv + 1);
  if (strcmp(cmd, "report") == 0)
    return cli_report(argc - 1, argv + 1);
  if (strcmp(cmd, "batch") == 0)
    return cli_batch(argc - 1, argv + 1);
  if (strcmp(cmd, "merge") == 0)
    return cli_merge(argc - 1, argv + 1);
  fprintf(stderr, "renewcalc: unknown command '%s' (renewcalc --help lists them)\n", cmd);
  return EXIT_INPUT;
}
