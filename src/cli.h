/* The renewcalc commands. Each takes the arguments after the command name
 * (argv[0] is the command) and returns an exit status. */
#ifndef RENEWCALC_CLI_H
#define RENEWCALC_CLI_H

#include <time.h>

/* Exit statuses, listed in --help (DESIGN.md). */
enum cli_exit {
  EXIT_OK = 0,
  EXIT_RUNTIME = 1, /* I/O, numerical or internal failure */
  EXIT_INPUT = 2    /* bad input: usage, site file, profile */
};

int cli_run(int argc, char **argv);
int cli_plot(int argc, char **argv);
int cli_factors(int argc, char **argv);
int cli_profile(int argc, char **argv);
int cli_optimize(int argc, char **argv);
int cli_check_claim(int argc, char **argv);
int cli_portfolio(int argc, char **argv);
int cli_report(int argc, char **argv);
int cli_batch(int argc, char **argv);
int cli_merge(int argc, char **argv);

/* `renewcalc report BOND.cfg`: the portfolio outputs of `portfolio -o DIR
 * --plot` (ICMA attribution) plus report.md and report.html dated when.
 * Returns an exit status. */
int cli_portfolio_report(const char *bond, const char *outdir, const char *plot_format,
                         const char *plot_size, time_t when);

struct sim_result;
struct profile;
struct diag;
struct outset;
/* The outputs of `run -o DIR` (summaries, CSVs, chart data and scripts)
 * written into the set o, for `run` and `report`. Returns 0, or -1 with
 * messages in d. */
int cli_run_stage(struct outset *o, const struct sim_result *r,
                  const struct profile *const *profiles, struct diag *d);

/* The exit status for the result of an output commit (outtarget.h). */
int cli_exit_of(int outtarget_rc);

/* Installs SIGINT/SIGTERM handlers that remove temporary outputs and exit
 * with EXIT_RUNTIME. */
void cli_handle_signals(void);

#endif
