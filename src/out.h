/* Writers: the text summary, JSON, CSV and gnuplot data and scripts. They
 * format, never compute physics; numbers use fixed formats independent of
 * the locale. Each returns 0, or -1 when the stream reports an error. */
#ifndef RENEWCALC_OUT_H
#define RENEWCALC_OUT_H

#include <stdio.h>

struct sim_result;
struct profile;
struct outset;
struct diag;

/* Readable summary: per plant and total, lifetime, every factor with its
 * source, and how each profile was read. profiles[i] belongs to plant i. */
int out_text(FILE *f, const struct sim_result *r, const struct profile *const *profiles);

/* One JSON object with the keys of DESIGN.md (jansson). */
int out_json(FILE *f, const struct sim_result *r, const struct profile *const *profiles);

/* Summary table: one row per plant and a total row. */
int out_csv_summary(FILE *f, const struct sim_result *r);
/* Interval values of every plant, long format (one row per plant and interval). */
int out_csv_hourly(FILE *f, const struct sim_result *r);
/* Interval values of every wind plant (hub speed, direction, power). */
int out_csv_hourly_wind(FILE *f, const struct sim_result *r);
/* Energy by month, one column per plant and a total. */
int out_csv_monthly(FILE *f, const struct sim_result *r);
/* Every operating year: generation, coal, CO2 and cumulative CO2. */
int out_csv_lifetime(FILE *f, const struct sim_result *r);

/* gnuplot data (.dat) and scripts (.gp, from the templates in plots_dir)
 * for every chart, plus the shared style file, into the set o.
 * Returns 0, or -1 with a message in d. */
int out_gnuplot(struct outset *o, const struct sim_result *r, const char *plots_dir,
                struct diag *d);

/* Text from the inputs (names, paths) reaches gnuplot's files only through
 * these three, one per place it goes; each writes any s, of any bytes, as
 * text that cannot change the file around it. Control characters (bytes
 * 1..31 and 127, line breaks among them) become spaces in all three. */

/* Writes s as a gnuplot single-quoted string, ' doubled: in a .gp script
 * it is one string constant; gnuplot expands neither backticks nor @
 * macros inside single quotes, and without a line break the string cannot
 * end its command. */
void out_gp_string(FILE *f, const char *s);

/* Writes s as text inside a "# " comment line of a .dat file; the caller
 * writes the "#" and the line end. */
void out_gp_dat_text(FILE *f, const char *s);

/* Writes s as one double-quoted field of a .dat file (a column head that
 * columnhead() reads, or a row label for xtic()): each " becomes ' and
 * each backslash is doubled, as gnuplot ends the field at the next " and
 * then reads backslash escapes in it. */
void out_gp_dat_string(FILE *f, const char *s);

/* Writes chart.gp into o: two comment lines, chart_title (title, through
 * out_gp_string()), datafile ("chart.dat"), the lines of vars, outbase
 * unless set, the load of style.gp, then the template plots_dir/chart.gp.
 * chart: a short file name without extension, a constant of renewcalc.
 * vars: NULL, or lines "name = value\n" made by renewcalc from numbers and
 * constants only, never from input text (titles go through title).
 * Every chart script is written here. 0, or -1 with a message in d. */
int out_gp_chart_script(struct outset *o, const char *plots_dir, const char *chart,
                        const char *title, const char *vars, struct diag *d);

/* Copies the chart template plots_dir/name into f. 0, or -1 with a message
 * in d. */
int out_copy_template(FILE *f, const char *plots_dir, const char *name, struct diag *d);

/* The version string printed in every report. */
#define OUT_PROGRAM "renewcalc " PACKAGE_VERSION

#endif
