/* Searches over the PV chain for `renewcalc optimize`: the fixed-rack
 * orientation (tilt, azimuth) of greatest annual specific yield, and the
 * largest DC/AC ratio whose clipping loss stays within a limit.
 *
 * The searches see the plant only through a callback that runs the chain
 * for one orientation and DC/AC ratio (opt_eval_fn); opt_plant_eval() is
 * that callback for a plant of a site file, by way of sim_run(). Searches:
 * - orientation: every point of a grid (tilt 0..90 deg, azimuth within
 *   90 deg of the equator-facing direction), then Nelder-Mead
 *   (gsl_multimin_fminimizer_nmsimplex2) started on the best grid point;
 * - DC/AC: a sweep of the ratio over 1.0..2.0 brackets the limit, then
 *   Brent's method (gsl_root_fsolver_brent) on clipping fraction - limit
 *   narrows the bracket. Clipping grows with the ratio, so the answer is
 *   the largest ratio evaluated at or below the limit.
 * No printing; messages go to a struct diag. */
#ifndef RENEWCALC_OPTIMIZE_H
#define RENEWCALC_OPTIMIZE_H

#include "site.h"

struct diag;
struct profile;

/* Search ranges and tolerances. */
#define OPT_TILT_MIN_DEG 0.0
#define OPT_TILT_MAX_DEG 90.0
#define OPT_AZ_HALF_RANGE_DEG 90.0   /* azimuth window: centre +- this */
#define OPT_GRID_STEP_DEFAULT_DEG 5.0
#define OPT_GRID_STEP_MIN_DEG 1.0
#define OPT_GRID_STEP_MAX_DEG 30.0
#define OPT_XTOL_DEG 0.05            /* Nelder-Mead stops when the simplex's
                                        size (GSL: mean vertex distance from
                                        the centre) is below this */
#define OPT_NM_ITER_MAX 400
#define OPT_CLIP_LIMIT_DEFAULT_PCT 1.0
#define OPT_CLIP_LIMIT_MIN_PCT 0.01
#define OPT_CLIP_LIMIT_MAX_PCT 50.0
#define OPT_DCAC_MIN 1.0
#define OPT_DCAC_MAX 2.0
#define OPT_DCAC_SWEEP_N 21          /* ratios 1.00, 1.05, ..., 2.00 */
#define OPT_DCAC_TOL 0.002           /* final bracket width on the ratio */
#define OPT_DCAC_ITER_MAX 100

/* One evaluation of the chain. Inputs: tilt_deg 0..90, azimuth_deg
 * (clockwise from north; any real value, taken modulo 360), dc_ac_ratio
 * > 0. Outputs, filled by the callback: annual AC energy [MWh], specific
 * yield [kWh per kW DC], and clipping fraction = AC energy lost to the
 * inverter limit / DC energy into the inverters [-] 0..1. */
struct opt_point {
  double tilt_deg, azimuth_deg, dc_ac_ratio;
  double annual_mwh, yield_kwh_per_kw, clip_frac;
};

/* Runs the chain for pt's inputs and fills its outputs. Returns 0, or -1
 * after adding a message to the diag the callback was set up with. */
typedef int (*opt_eval_fn)(void *ctx, struct opt_point *pt);

/* Equator-facing azimuth [deg] for a latitude [deg]: 180 (south) for
 * latitude >= 0, else 0 (north). Pure. */
double opt_az_center(double latitude_deg);

/* Azimuth [deg] brought into [0, 360). Pure. */
double opt_azimuth_norm(double azimuth_deg);

/* ---- input checks: 0, or -1 with a message in d (exit status 2) ------- */

/* Plant index 0..n_plants-1 with a fixed rack (trackers have no tilt to
 * optimise). Messages name the site file and the key plants[i]. */
int opt_check_plant(const struct site *s, int index, struct diag *d);
/* Clipping-loss limit [%] in OPT_CLIP_LIMIT_MIN_PCT..OPT_CLIP_LIMIT_MAX_PCT. */
int opt_check_clip_limit(double limit_pct, struct diag *d);
/* Grid step [deg] in OPT_GRID_STEP_MIN_DEG..OPT_GRID_STEP_MAX_DEG. */
int opt_check_grid_step(double step_deg, struct diag *d);

/* ---- orientation ---------------------------------------------------- */

/* Yield surface on the grid: tilt_i = min(i step, 90) for i = 0..n_tilt-1
 * and azimuth_j = az_center - 90 + min(j step, 180) for j = 0..n_az-1, so
 * both ends of each range are on the grid. yield[i * n_az + j] is the
 * specific yield [kWh/kWp] at (tilt_i, azimuth_j). Azimuths stay in the
 * continuous coordinate of the window (-90..90 around north for the
 * southern hemisphere), as charts want them. */
struct opt_grid {
  double step_deg, az_center_deg;
  int n_tilt, n_az;
  double *yield_kwh_per_kw;   /* n_tilt x n_az, owned */
};

/* Sets up a grid of step step_deg (> 0) around az_center_deg and allocates
 * its values. Returns 0, or -1 (out of memory). Free with opt_grid_free(). */
int opt_grid_init(struct opt_grid *g, double step_deg, double az_center_deg);
void opt_grid_free(struct opt_grid *g);   /* NULL or an empty grid: nothing */
double opt_grid_tilt(const struct opt_grid *g, int i);
double opt_grid_azimuth(const struct opt_grid *g, int j);

struct opt_orient {
  struct opt_point best;         /* the optimum; best.azimuth_deg in [0, 360) */
  double azimuth_axis_deg;       /* the same azimuth in the grid's coordinate */
  struct opt_point grid_best;    /* best grid point (grid coordinate) */
  int evaluations;               /* grid + refinement */
  int iterations;                /* Nelder-Mead iterations */
  int converged;                 /* 1: simplex size reached OPT_XTOL_DEG */
};

/* Fills g's values by calling f at every grid point with base's
 * dc_ac_ratio, then refines the best point with Nelder-Mead (tilt clamped
 * to 0..90 and azimuth to the window, a steep penalty outside) until the
 * simplex size is below xtol_deg or OPT_NM_ITER_MAX iterations. The result
 * is the best point evaluated, so it is never worse than any grid point.
 * Returns 0, or -1 with a message in d (callback or GSL failure, out of
 * memory). */
int opt_orientation(opt_eval_fn f, void *ctx, const struct opt_point *base, struct opt_grid *g,
                    double xtol_deg, struct opt_orient *res, struct diag *d);

/* ---- DC/AC ratio ---------------------------------------------------- */

enum opt_dcac_status {
  OPT_DCAC_FOUND,    /* best: the largest ratio at or below the limit */
  OPT_DCAC_NONE,     /* clipping exceeds the limit already at OPT_DCAC_MIN */
  OPT_DCAC_AT_MAX    /* clipping stays within the limit up to OPT_DCAC_MAX */
};

struct opt_dcac {
  enum opt_dcac_status status;
  struct opt_point best;     /* at the reported ratio (3 decimals, rounded down) */
  double ratio_above;        /* FOUND: smallest ratio evaluated above the limit */
  int evaluations;           /* sweep + bracket refinement */
  int iterations;            /* Brent iterations */
};

/* Sweeps the ratio over OPT_DCAC_MIN..OPT_DCAC_MAX in OPT_DCAC_SWEEP_N
 * points at orient's tilt and azimuth (sweep[], caller-owned, receives
 * them), then narrows the bracket around limit_frac (0..1, clipping energy
 * / DC energy) to OPT_DCAC_TOL with Brent's method. Returns 0, or -1 with
 * a message in d (callback or GSL failure). */
int opt_dcac_search(opt_eval_fn f, void *ctx, const struct opt_point *orient, double limit_frac,
                    struct opt_point sweep[OPT_DCAC_SWEEP_N], struct opt_dcac *res,
                    struct diag *d);

/* ---- the chain of a site's plant as the callback ---------------------- */

/* One plant of a site run alone on its profile. The AC rating stays at the
 * site file's value; a ratio sets the DC nameplate to ratio x AC. */
struct opt_plant {
  struct site site;              /* copy of the site holding only plant */
  struct plant_cfg plant;        /* copy of the plant, changed per call */
  const struct profile *profile; /* borrowed */
  struct diag *d;                /* borrowed: messages of failed runs */
  int evaluations;
};

/* Sets op up for plant index of s on profile p (the plant's own profile,
 * already read). Checks the plant with opt_check_plant(). Returns 0, or -1
 * with a message in d. op keeps copies of the site and the plant (and
 * points into itself: do not copy it after this call); it borrows p and d. */
int opt_plant_init(struct opt_plant *op, const struct site *s, int index,
                   const struct profile *p, struct diag *d);

/* opt_eval_fn for ctx = struct opt_plant *: one sim_run() of the plant. */
int opt_plant_eval(void *ctx, struct opt_point *pt);

#endif
