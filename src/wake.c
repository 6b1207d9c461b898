/* Wind farm layout and the Park wake model.
 *
 * Sources:
 *   N. O. Jensen, "A note on wind generator interaction", Risø-M-2411,
 *     Risø National Laboratory, 1983: a top-hat wake behind a rotor of
 *     radius R that widens linearly, R_w = R + k x, with the momentum
 *     deficit of the actuator disc spread evenly over it.
 *   I. Katic, J. Højstrup and N. O. Jensen, "A simple model for cluster
 *     efficiency", European Wind Energy Association Conference (EWEC),
 *     Rome, 1986: the initial deficit 1 - sqrt(1 - Ct), several wakes
 *     combined by the root of the sum of squares of their deficits, and
 *     a downstream rotor partly in a wake taking the deficit in proportion
 *     to the overlapped share of its swept area.
 *
 * Deficits are fractions of the free-stream speed (as Katic et al. write
 * them); each upstream turbine's Ct is taken at its own waked inflow
 * speed, so turbines are visited from upstream to downstream. */
#include <math.h>

#include "units.h"
#include "wake.h"

int wake_farm_grid(struct wake_farm *f, int rows, int cols, double spacing_row_d,
                   double spacing_col_d, double orientation_deg, double rotor_d_m)
{
  if (rows < 1 || cols < 1 || rows > WAKE_TURBINES_MAX / cols)
    return -1;
  /* Along a row: the bearing orientation_deg. Row after row: 90 degrees
   * clockwise from it, so orientation 90 (rows running east) stacks the
   * rows southward and orientation 0 stacks them eastward. */
  double a = deg2rad(orientation_deg);
  double along_e = sin(a), along_n = cos(a);
  double across_e = cos(a), across_n = -sin(a);
  double dc_m = spacing_col_d * rotor_d_m, dr_m = spacing_row_d * rotor_d_m;
  f->n = rows * cols;
  for (int r = 0; r < rows; r++)
    for (int c = 0; c < cols; c++) {
      int i = r * cols + c;
      f->x_m[i] = c * dc_m * along_e + r * dr_m * across_e;
      f->y_m[i] = c * dc_m * along_n + r * dr_m * across_n;
    }
  return 0;
}

/* Area common to two circles of radii r1 and r2 whose centres are d apart
 * (the lens formula: two circular segments). */
static double circle_overlap_area(double r1, double r2, double d)
{
  if (d >= r1 + r2)
    return 0.0;
  double rmin = r1 < r2 ? r1 : r2;
  if (d <= fabs(r1 - r2))
    return UNITS_PI * rmin * rmin;
  double c1 = (d * d + r1 * r1 - r2 * r2) / (2.0 * d * r1);
  double c2 = (d * d + r2 * r2 - r1 * r1) / (2.0 * d * r2);
  c1 = c1 > 1.0 ? 1.0 : (c1 < -1.0 ? -1.0 : c1);
  c2 = c2 > 1.0 ? 1.0 : (c2 < -1.0 ? -1.0 : c2);
  double k = (-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2);
  return r1 * r1 * acos(c1) + r2 * r2 * acos(c2) - 0.5 * sqrt(k > 0.0 ? k : 0.0);
}

void wake_speeds(const struct wake_farm *f, const struct turbine *t, double v_ms,
                 double dir_deg, double k_wake, double *v_each)
{
  int n = f->n;
  /* Stack work space: wake_speeds allocates nothing. */
  int order[WAKE_TURBINES_MAX];
  double s_m[WAKE_TURBINES_MAX];   /* along the wind's travel */
  double c_m[WAKE_TURBINES_MAX];   /* across it */
  double ss[WAKE_TURBINES_MAX];    /* sum of squared deficits received */

  /* The wind comes from dir_deg and travels toward dir_deg + 180. */
  double a = deg2rad(dir_deg);
  double ue = -sin(a), un = -cos(a);
  for (int i = 0; i < n; i++) {
    s_m[i] = f->x_m[i] * ue + f->y_m[i] * un;
    c_m[i] = f->y_m[i] * ue - f->x_m[i] * un;
    ss[i] = 0.0;
  }
  /* Insertion sort, upstream first: no allocation (qsort may allocate),
   * and cheaper than the O(n^2) pair loop below. */
  for (int i = 0; i < n; i++) {
    int p = i;
    while (p > 0 && s_m[order[p - 1]] > s_m[i]) {
      order[p] = order[p - 1];
      p--;
    }
    order[p] = i;
  }

  double r_m = 0.5 * t->rotor_diameter_m;
  double rotor_area = UNITS_PI * r_m * r_m;
  /* Turbines less than this far downstream of each other stand side by
   * side (rounding in rotated layouts must not make one wake the other). */
  double x_min_m = 1e-6 * t->rotor_diameter_m;
  for (int p = 0; p < n; p++) {
    int i = order[p];
    double d = sqrt(ss[i]);
    v_each[i] = d < 1.0 ? v_ms * (1.0 - d) : 0.0;
    double ct = turbine_ct(t, v_each[i]);
    /* 1 - sqrt(1 - Ct) needs Ct <= 1; beyond it momentum theory fails and
     * the wake is taken as fully stopped at the rotor. */
    ct = ct < 0.0 ? 0.0 : (ct > 1.0 ? 1.0 : ct);
    double d0 = 1.0 - sqrt(1.0 - ct);
    if (d0 <= 0.0)
      continue;
    for (int q = p + 1; q < n; q++) {
      int j = order[q];
      double x = s_m[j] - s_m[i];
      if (x <= x_min_m)
        continue;
      double rw = r_m + k_wake * x;
      double lat = fabs(c_m[j] - c_m[i]);
      if (lat >= rw + r_m)
        continue;
      double shade = circle_overlap_area(rw, r_m, lat) / rotor_area;
      double e = d0 * (r_m / rw) * (r_m / rw) * shade;
      ss[j] += e * e;
    }
  }
}

/* Grid of the table: nd directions at 360/nd degrees (nd = 360/dir_step
 * rounded), nv speeds at 0, v_step, ... up to v_max. */
static size_t table_dirs(double dir_step_deg)
{
  if (!(dir_step_deg > 0.0) || dir_step_deg > 360.0)
    return 0;
  long nd = lround(360.0 / dir_step_deg);
  return nd < 1 ? 1 : (size_t)nd;
}

static size_t table_speeds(double v_step_ms, double v_max_ms)
{
  if (!(v_step_ms > 0.0) || !(v_max_ms >= 0.0))
    return 0;
  return (size_t)floor(v_max_ms / v_step_ms + 1e-9) + 1;
}

size_t wake_table_size(double dir_step_deg, double v_step_ms, double v_max_ms)
{
  return table_dirs(dir_step_deg) * table_speeds(v_step_ms, v_max_ms);
}

void wake_table_build(const struct wake_farm *f, const struct turbine *t, double k_wake,
                      double dir_step_deg, double v_step_ms, double v_max_ms, double *table)
{
  size_t nd = table_dirs(dir_step_deg), nv = table_speeds(v_step_ms, v_max_ms);
  double step_deg = nd ? 360.0 / (double)nd : 0.0;
  double v_each[WAKE_TURBINES_MAX];
  for (size_t id = 0; id < nd; id++)
    for (size_t iv = 0; iv < nv; iv++) {
      double v = (double)iv * v_step_ms;
      double p_free = turbine_power_kw(t, v, TURBINE_RHO0, TURBINE_DENSITY_OFF);
      double eff = 1.0;
      if (p_free > 0.0) {
        wake_speeds(f, t, v, (double)id * step_deg, k_wake, v_each);
        double p_sum = 0.0;
        for (int i = 0; i < f->n; i++)
          p_sum += turbine_power_kw(t, v_each[i], TURBINE_RHO0, TURBINE_DENSITY_OFF);
        eff = p_sum / (f->n * p_free);
      }
      table[id * nv + iv] = eff;
    }
}

double wake_table_efficiency(const double *table, double dir_step_deg, double v_step_ms,
                             double v_max_ms, double dir_deg, double v_ms)
{
  size_t nd = table_dirs(dir_step_deg), nv = table_speeds(v_step_ms, v_max_ms);
  if (nd == 0 || nv == 0 || !isfinite(dir_deg))
    return 1.0;
  double v_top = (double)(nv - 1) * v_step_ms;
  if (!(v_ms >= 0.0) || v_ms > v_top)
    return 1.0;

  double step_deg = 360.0 / (double)nd;
  double d = fmod(dir_deg, 360.0);
  if (d < 0.0)
    d += 360.0;
  double u = d / step_deg;
  size_t i0 = (size_t)floor(u);
  double fd = u - (double)i0;
  i0 %= nd;
  size_t i1 = (i0 + 1) % nd;

  if (nv == 1)
    return (1.0 - fd) * table[i0] + fd * table[i1];
  double w = v_ms / v_step_ms;
  size_t j0 = (size_t)floor(w);
  if (j0 > nv - 2)
    j0 = nv - 2;
  double fv = w - (double)j0;
  double lo = (1.0 - fv) * table[i0 * nv + j0] + fv * table[i0 * nv + j0 + 1];
  double hi = (1.0 - fv) * table[i1 * nv + j0] + fv * table[i1 * nv + j0 + 1];
  return (1.0 - fd) * lo + fd * hi;
}
