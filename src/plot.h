/* Rendering chart scripts with gnuplot, an external program looked up on
 * PATH (or $RENEWCALC_GNUPLOT) when a chart is drawn. Only scripts that
 * renewcalc wrote are rendered: those of the output set being written, or
 * those a folder's list (renewcalc.sha256) names with their SHA-256. */
#ifndef RENEWCALC_PLOT_H
#define RENEWCALC_PLOT_H

struct diag;
struct outset;

/* Renders every NAME.gp of the set o except style.gp into NAME.FMT (fmt
 * "png", "svg" or "pdf"), running gnuplot in the set's staging folder,
 * checks each image is complete (imagecheck.h: gnuplot exits 0 even on a
 * full disk) and adds it to the set. size is "WxH" in pixels (at 150 dpi
 * for pdf) or NULL for style.gp's default (945x590, 16 cm x 10 cm on A4).
 * Returns the number of charts rendered, or -1 with messages in d
 * (gnuplot missing or failing, an incomplete image). */
int plot_render_set(struct outset *o, const char *fmt, const char *size, struct diag *d);

/* The chart scripts of the set o (NAME.gp but style.gp), sorted: at most
 * max names (the set's own strings) in names; how many. */
int plot_chart_scripts(const struct outset *o, const char **names, int max);

/* Stops the gnuplot being run, if any, and removes the image it was
 * writing, before the set's staging folder is removed; safe in a signal
 * handler (kill, waitpid, unlink). */
void plot_cleanup_on_signal(void);

/* 1 if fmt is a format plot_render_set() knows. */
int plot_format_ok(const char *fmt);

/* 1 if size is "WxH" with whole numbers W and H from 100 to 10000, with W
 * and H stored in *w and *h (either may be NULL); 0 otherwise. */
int plot_size_ok(const char *size, int *w, int *h);

#endif
