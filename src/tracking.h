/* Sun-tracking mounts: the single-axis tracker (any axis tilt and azimuth,
 * rotation limit, backtracking by ground coverage ratio) and the two-axis
 * tracker. Angles in degrees; azimuths clockwise from north (180 = south).
 * Sources:
 *   W. F. Marion and A. P. Dobos, "Rotation Angle for the Optimum Tracking
 *   of One-Axis Trackers", NREL/TP-6A20-58891, 2013 (ideal rotation, surface
 *   tilt and azimuth).
 *   E. Lorenzo, L. Narvarte and J. Munoz, "Tracking and back-tracking",
 *   Progress in Photovoltaics 19(6), 747-753, 2011, and K. Anderson and
 *   M. Mikofski, "Slope-Aware Backtracking for Single-Axis Trackers",
 *   NREL/TP-5K00-76626, 2020, with zero cross-axis slope (backtracking).
 *
 * Rotation sign (as in Marion and Dobos and pvlib): positive rotation turns
 * the surface normal toward axis azimuth + 90 deg, so for a horizontal axis
 * with azimuth 180 (north-south) positive angles face west (afternoon).
 * At zero rotation the surface has tilt = axis tilt and azimuth = axis
 * azimuth: the axis descends toward its azimuth.
 *
 * Sun at or below the horizon (zenith >= 90 deg): the single-axis tracker
 * stows at rotation 0, the two-axis tracker stows flat (tilt 0, azimuth
 * 180). cos(AOI) is then the plain geometric value (usually <= 0). */
#ifndef RENEWCALC_TRACKING_H
#define RENEWCALC_TRACKING_H

#include <math.h>
#include <stddef.h>

/* Validated parameters of a single-axis tracker. */
struct tracking_params {
  double axis_tilt_deg;    /* tilt of the rotation axis, 0..90 */
  double axis_azimuth_deg; /* direction the axis descends toward, 0..360 */
  double max_angle_deg;    /* rotation limit, rotation stays in +-max, 0..180 */
  int backtrack;           /* nonzero: backtrack to avoid row-to-row shading */
  double gcr;              /* ground coverage ratio (row width / pitch),
                              0.01..0.99; used when backtrack is set */
};

/* Ideal (true-tracking) rotation [deg], -180..180: the rotation that puts
 * the sun in the plane spanned by the surface normal and the axis, which
 * minimises the angle of incidence (Marion and Dobos 2013 eq. 7 with its
 * quadrant rules, done as one atan2). It equals the sun's angle projected
 * into the plane perpendicular to the axis, measured from the normal at
 * zero rotation. zenith_deg 0..180, sun_az_deg 0..360. No limit applied.
 * Pure. */
double tracking_ideal_rotation(double zenith_deg, double sun_az_deg,
                               double axis_tilt_deg, double axis_azimuth_deg);

/* Backtracked rotation [deg] for an ideal rotation ideal_deg and ground
 * coverage ratio gcr (0 < gcr < 1), flat ground across the axis
 * (Lorenzo et al. 2011; Anderson and Mikofski 2020 eq. 14 with zero slope):
 * while |cos(ideal)| < gcr the rotation is pulled back toward 0 by
 * acos(|cos(ideal)| / gcr) so that the shadow of one row just reaches the
 * next; otherwise the ideal rotation is returned. No limit applied. Pure. */
double tracking_backtrack_rotation(double ideal_deg, double gcr);

/* Surface tilt [deg] 0..180 and azimuth [deg] 0..360 of a single-axis
 * tracker at rotation rotation_deg (Marion and Dobos 2013 eqs. 1-4, from
 * the rotated normal vector). When the tilt is 0 the azimuth is undefined
 * and axis_azimuth_deg is returned. Pure. */
void tracking_surface(double rotation_deg, double axis_tilt_deg,
                      double axis_azimuth_deg, double *surf_tilt_deg,
                      double *surf_az_deg);

/* One single-axis interval: rotation [deg] (ideal, backtracked when
 * enabled, then limited to +-max_angle_deg; 0 with the sun down), surface
 * tilt and azimuth [deg] and cos(AOI) of beam light on the surface.
 * Any output pointer may be NULL. Pure. */
void tracking_single_axis(const struct tracking_params *tp, double zenith_deg,
                          double sun_az_deg, double *rotation_deg,
                          double *surf_tilt_deg, double *surf_az_deg,
                          double *cos_aoi);

/* tracking_single_axis() over n intervals: zenith_deg, sun_az_deg (n each)
 * in; rotation_deg, surf_tilt_deg, surf_az_deg, cos_aoi (caller-owned, n
 * each) out; any output array may be NULL. Pure, no allocation. */
void tracking_single_axis_run(const struct tracking_params *tp, size_t n,
                              const double *zenith_deg, const double *sun_az_deg,
                              double *rotation_deg, double *surf_tilt_deg,
                              double *surf_az_deg, double *cos_aoi);

/* Two-axis tracker over n intervals: the surface normal points at the sun
 * (tilt = zenith, azimuth = sun azimuth, cos AOI = 1) while the sun is up;
 * flat stow (tilt 0, azimuth 180, cos AOI = cos zenith) otherwise. Inputs
 * and outputs as for tracking_single_axis_run(); outputs may be NULL.
 * Pure, no allocation. */
void tracking_two_axis_run(size_t n, const double *zenith_deg,
                           const double *sun_az_deg, double *surf_tilt_deg,
                           double *surf_az_deg, double *cos_aoi);

/* ---- the same tracker from the sun's direction vector -----------------------
 * For the hourly loops: the axis's constants once per plant, then per
 * interval the plane from the sun's east, north and up components with a
 * few multiplications and two square roots instead of sin, cos and atan2
 * of angles. The rotation's cosine and sine follow the ideal one
 * (atan2(w.s, n0.s) as a unit vector), backtracking (cos and sin of ideal
 * minus acos(|cos ideal| / gcr) by the angle-difference formulas) and the
 * limit (|R| > max as cos R < cos max) without the angle itself. Equal to
 * tracking_single_axis() to rounding except within rounding of the
 * backtracking and limit thresholds, where both are continuous. */
struct tracking_axis {
  double n0x, n0y, n0z;     /* normal at zero rotation (east, north, up) */
  double wx, wy;            /* horizontal unit vector across the axis */
  double cos_max, sin_max;  /* of max_angle_deg */
  double gcr;               /* 0: no backtracking */
  double cos_tilt0, sin_tilt0; /* the plane stowed at rotation 0 */
};

/* Fills *ta from validated parameters *tp. Pure. */
void tracking_axis_init(struct tracking_axis *ta, const struct tracking_params *tp);

/* The tracker's plane for the sun above the horizon in the direction
 * (se, sn, su) (east, north, up; a unit vector): the cosine and sine of the
 * surface tilt and cos(AOI) clamped to -1..1, as tracking_single_axis()
 * gives them for zenith < 90 deg (the tilt's through cos and sin of its
 * angle). Written without a branch (each case worked, a select keeps one),
 * so that the hourly loops that call it vectorise. Pure. */
static inline __attribute__((always_inline)) void
tracking_axis_plane(const struct tracking_axis *ta, double se, double sn, double su,
                    double *cos_tilt, double *sin_tilt, double *cos_aoi)
{
  const double num = ta->wx * se + ta->wy * sn;                   /* w.s */
  const double den = ta->n0x * se + ta->n0y * sn + ta->n0z * su; /* n0.s */
  const double h = sqrt(num * num + den * den);
  /* The ideal rotation R as cos and sin; the sun along the axis
   * (h = 0): atan2(0, 0) = 0. (The tests stand in the selects themselves:
   * a flag kept in a variable would stop the loops from vectorising.) */
  const double ci = h > 0.0 ? den / h : 1.0, si = h > 0.0 ? num / h : 0.0;
  /* Backtracking: R pulled back by acos(c), c = |cos R| / gcr, while
   * c < 1: ideal - acos(c) for sin R >= 0, ideal + acos(c) otherwise. */
  const double c = fabs(ci) / ta->gcr;
  const double sc = sqrt(1.0 - c * c);
  const double cb = si >= 0.0 ? ci * c + si * sc : ci * c - si * sc;
  const double sb = si >= 0.0 ? si * c - ci * sc : si * c + ci * sc;
  const double c1 = h > 0.0 && ta->gcr > 0.0 && c < 1.0 ? cb : ci;
  const double s1 = h > 0.0 && ta->gcr > 0.0 && c < 1.0 ? sb : si;
  /* The rotation limit: |R| > max, |R| in 0..180 deg. */
  const double cr = h > 0.0 && c1 < ta->cos_max ? ta->cos_max : c1;
  const double sr = h > 0.0 && c1 < ta->cos_max ? copysign(ta->sin_max, s1) : s1;
  const double nx = cr * ta->n0x + sr * ta->wx, ny = cr * ta->n0y + sr * ta->wy;
  const double nz = cr * ta->n0z;
  *cos_tilt = nz;
  *sin_tilt = sqrt(nx * nx + ny * ny);
  const double ca = nx * se + ny * sn + nz * su;
  *cos_aoi = ca > 1.0 ? 1.0 : ca < -1.0 ? -1.0 : ca;
}

#endif
