/* The site-wide charts of `run --plot` beyond those of out_gnuplot.c: the
 * hour x day heat map of AC power, the load-duration curve and, for PV, the
 * monthly horizontal and plane-of-array irradiation and the clipping by DC
 * power. Also the helpers every chart writer shares (internal to the
 * writers: out_gnuplot.c and out_charts.c). */
#ifndef RENEWCALC_OUT_CHARTS_H
#define RENEWCALC_OUT_CHARTS_H

#include <stdio.h>

struct outset;
struct sim_result;
struct diag;

/* out_gp_chart_script() (out.h) with the line "nplants = N" before the
 * lines of vars. 0, or -1 with a message in d. */
int out_gp_script(struct outset *o, const char *plots_dir, const char *chart, const char *title,
                  int nplants, const char *vars, struct diag *d);

/* The two comment lines that open every .dat: program, what the file
 * holds (what, a constant), and the site's name and file (through
 * out_gp_dat_text()). */
void out_gp_dat_header(FILE *f, const struct sim_result *r, const char *what);

/* heatmap, duration and, when the site has a PV plant, irradiation and
 * (when that plant clips) clipping: each NAME.dat with NAME.gp from
 * plots_dir/NAME.gp, into o. Plants without a series (wind from a
 * distribution) are left out of the heat map and the duration curve.
 * 0, or -1 with a message in d. */
int out_charts_extra(struct outset *o, const struct sim_result *r, const char *plots_dir,
                     struct diag *d);

#endif
