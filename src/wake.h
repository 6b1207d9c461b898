/* Wind farm layout and wakes: turbine positions from coordinates or a
 * rows x columns grid, and the Jensen (1983) / Katic et al. (1986) "Park"
 * wake model: each wake expands linearly with decay constant k_wake, the
 * speed deficit 1 - sqrt(1 - Ct) spread over the wake's cross-section,
 * deficits from several wakes combined by root-sum-square, partial overlap
 * of a wake with a downstream rotor by the area of the overlap. Pure. */
#ifndef RENEWCALC_WAKE_H
#define RENEWCALC_WAKE_H

#include <stddef.h>

#include "turbine.h"

#define WAKE_TURBINES_MAX 512

struct wake_farm {
  int n;                       /* turbines, 1..WAKE_TURBINES_MAX */
  double x_m[WAKE_TURBINES_MAX];   /* east [m] */
  double y_m[WAKE_TURBINES_MAX];   /* north [m] */
};

/* A rows x cols grid: spacing_row_d between rows and spacing_col_d along
 * rows, in rotor diameters; rows run along orientation_deg (clockwise from
 * north); the first turbine at the origin. Returns 0, or -1 when rows x cols
 * exceeds WAKE_TURBINES_MAX. */
int wake_farm_grid(struct wake_farm *f, int rows, int cols, double spacing_row_d,
                   double spacing_col_d, double orientation_deg, double rotor_d_m);

/* Free-stream to farm: given the free-stream speed v_ms at hub height and
 * the direction the wind comes FROM dir_deg, the speed at every turbine
 * (v_each, n values, caller-owned) under the Park model with decay k_wake
 * (0.075 onshore, 0.04-0.05 offshore) and the turbine's thrust curve.
 * Pure. */
void wake_speeds(const struct wake_farm *f, const struct turbine *t, double v_ms,
                 double dir_deg, double k_wake, double *v_each);

/* Farm efficiency table for fast hourly use: the ratio of farm power with
 * wakes to farm power without, at direction bins of dir_step_deg and speed
 * bins of v_step_ms up to v_max_ms, for air density rho0 and no density
 * correction. Caller-owned table of wake_table_size() doubles. */
size_t wake_table_size(double dir_step_deg, double v_step_ms, double v_max_ms);
void wake_table_build(const struct wake_farm *f, const struct turbine *t, double k_wake,
                      double dir_step_deg, double v_step_ms, double v_max_ms, double *table);
/* Bilinear look-up in a table built with the same steps; 1 outside it. */
double wake_table_efficiency(const double *table, double dir_step_deg, double v_step_ms,
                             double v_max_ms, double dir_deg, double v_ms);

#endif
