/* Rendering chart scripts with gnuplot, an external program looked up on
 * PATH (or $RENEWCALC_GNUPLOT) when a chart is drawn. */
#ifndef RENEWCALC_PLOT_H
#define RENEWCALC_PLOT_H

struct diag;

/* Renders every NAME.gp in dir except style.gp into NAME.FMT (fmt "png",
 * "svg" or "pdf"), running gnuplot in dir. size is "WxH" in pixels (at 150
 * dpi for pdf) or NULL for style.gp's default (945x590, 16 cm x 10 cm on
 * A4). Each image is written under a temporary name and renamed when
 * gnuplot succeeds. Returns the number of charts rendered, or -1 with
 * messages in d (gnuplot missing or failing). */
int plot_render_dir(const char *dir, const char *fmt, const char *size, struct diag *d);

/* 1 if fmt is a format plot_render_dir() knows. */
int plot_format_ok(const char *fmt);

/* 1 if size is "WxH" with whole numbers W and H from 100 to 10000, with W
 * and H stored in *w and *h (either may be NULL); 0 otherwise. */
int plot_size_ok(const char *size, int *w, int *h);

#endif
