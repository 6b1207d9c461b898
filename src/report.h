/* The hand-over report of a run: report.md (Markdown) and report.html (one
 * self-contained file, inline CSS, the charts embedded as base64 data URIs)
 * in the output folder, beside the outputs of `run --plot`. Both hold the
 * site's name, the program version, the date of the run, the summary
 * tables, every emission factor with its source, the model choices, each
 * chart with a caption, the input files with size and SHA-256, and the
 * full text summary. */
#ifndef RENEWCALC_REPORT_H
#define RENEWCALC_REPORT_H

#include <time.h>

struct sim_result;
struct profile;
struct diag;
struct outset;

/* Writes report.md and report.html into the output set o (outfile.h), whose
 * charts it embeds. r: the run, its site r->site; profiles[i] belongs to plant i
 * (as for out_text()). sets: the n_sets "KEY=VALUE" overrides the run was
 * given (listed, so that the run can be repeated). plot_format: "png" or
 * "svg", the rendered charts NAME.FMT of the set beside each NAME.gp,
 * embedded in the HTML (a chart not rendered is listed without its image).
 * when: the date of the run, printed in UTC. Returns 0, or -1 with a
 * message in d (the caller then aborts the set). */
int report_write(struct outset *o, const struct sim_result *r,
                 const struct profile *const *profiles, const char *const *sets, int n_sets,
                 const char *plot_format, time_t when, struct diag *d);

/* The report of a bond file (`renewcalc report BOND.cfg`): report.md
 * and report.html in the set o with the title, program version and date, the
 * portfolio report `summary` (the text of `renewcalc portfolio`) verbatim,
 * every chart of the set, and the input files with size and SHA-256: the bond
 * file, then for each of the n_runs project sites everything report_write()
 * lists. Other arguments and the return value as for report_write(). */
int report_write_book(struct outset *o, const char *title, const char *bond_path,
                      const struct sim_result *const *runs, int n_runs, const char *summary,
                      const char *plot_format, time_t when, struct diag *d);

#endif
