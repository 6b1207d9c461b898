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

/* Writes s as a gnuplot double-quoted string (quotes and backslashes
 * escaped). */
void out_gp_string(FILE *f, const char *s);

/* Copies the chart template plots_dir/name into f. 0, or -1 with a message
 * in d. */
int out_copy_template(FILE *f, const char *plots_dir, const char *name, struct diag *d);

/* The version string printed in every report. */
#define OUT_PROGRAM "renewcalc " PACKAGE_VERSION

#endif
