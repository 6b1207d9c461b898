/* Where renewcalc finds its data (factor presets, gnuplot templates): the
 * folder named by an environment variable, else the installed folder, else
 * the source tree it was built from. */
#ifndef RENEWCALC_DATADIR_H
#define RENEWCALC_DATADIR_H

/* Folder of factor presets ($RENEWCALC_FACTORS_DIR overrides). */
const char *datadir_factors(void);
/* Folder of gnuplot templates ($RENEWCALC_PLOTS_DIR overrides). */
const char *datadir_plots(void);

#endif
