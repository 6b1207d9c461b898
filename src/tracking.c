/* Single-axis and two-axis trackers.
 * Sources: W. F. Marion and A. P. Dobos, NREL/TP-6A20-58891, 2013 (ideal
 * rotation and surface orientation); E. Lorenzo, L. Narvarte and J. Munoz,
 * Prog. Photovolt. 19(6), 747-753, 2011, and K. Anderson and M. Mikofski,
 * NREL/TP-5K00-76626, 2020 (backtracking on flat ground).
 *
 * Everything is done with unit vectors in east-north-up coordinates. With
 * axis tilt ba and axis azimuth ga, the normal at zero rotation is
 *   n0 = (sin ba sin ga, sin ba cos ga, cos ba)
 * and the horizontal unit vector across the axis, toward ga + 90 deg, is
 *   w = (cos ga, -sin ga, 0);
 * n0, w and the axis are orthonormal, and rotating by R gives the normal
 *   n = cos R n0 + sin R w.
 * n.s = cos R (n0.s) + sin R (w.s) is largest at R = atan2(w.s, n0.s),
 * which is Marion and Dobos eq. 7 with its quadrant corrections. */
#include "tracking.h"

#include <math.h>

#include "units.h"

struct vec3 {
  double x, y, z;
};

static double dot(struct vec3 a, struct vec3 b)
{
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

static struct vec3 sun_vector(double zenith_deg, double sun_az_deg)
{
  double z = deg2rad(zenith_deg), a = deg2rad(sun_az_deg);
  struct vec3 s = { sin(z) * sin(a), sin(z) * cos(a), cos(z) };
  return s;
}

static struct vec3 normal_at_zero(double axis_tilt_deg, double axis_az_deg)
{
  double b = deg2rad(axis_tilt_deg), g = deg2rad(axis_az_deg);
  struct vec3 n0 = { sin(b) * sin(g), sin(b) * cos(g), cos(b) };
  return n0;
}

static struct vec3 across_axis(double axis_az_deg)
{
  double g = deg2rad(axis_az_deg);
  struct vec3 w = { cos(g), -sin(g), 0.0 };
  return w;
}

static struct vec3 rotated_normal(double rotation_deg, double axis_tilt_deg,
                                  double axis_az_deg)
{
  struct vec3 n0 = normal_at_zero(axis_tilt_deg, axis_az_deg);
  struct vec3 w = across_axis(axis_az_deg);
  double r = deg2rad(rotation_deg);
  struct vec3 n = { cos(r) * n0.x + sin(r) * w.x, cos(r) * n0.y + sin(r) * w.y,
                    cos(r) * n0.z + sin(r) * w.z };
  return n;
}

static double clamp_unit(double c)
{
  return c > 1.0 ? 1.0 : (c < -1.0 ? -1.0 : c);
}

double tracking_ideal_rotation(double zenith_deg, double sun_az_deg,
                               double axis_tilt_deg, double axis_azimuth_deg)
{
  struct vec3 s = sun_vector(zenith_deg, sun_az_deg);
  double num = dot(across_axis(axis_azimuth_deg), s);
  double den = dot(normal_at_zero(axis_tilt_deg, axis_azimuth_deg), s);
  return rad2deg(atan2(num, den));
}

double tracking_backtrack_rotation(double ideal_deg, double gcr)
{
  /* In the plane across the axis the rows stand on a line perpendicular to
   * n0, one pitch = 1/gcr row widths apart. A row's shadow along that line
   * is |cos(R - ideal)| / |cos(ideal)| widths, so the next row is clear
   * while gcr |cos(R - ideal)| <= |cos(ideal)|; backtracking takes the
   * equality, turning the rows away from the sun. */
  double c = fabs(cos(deg2rad(ideal_deg))) / gcr;
  if (c >= 1.0)
    return ideal_deg;
  double corr = rad2deg(acos(c));
  return ideal_deg >= 0.0 ? ideal_deg - corr : ideal_deg + corr;
}

void tracking_surface(double rotation_deg, double axis_tilt_deg,
                      double axis_azimuth_deg, double *surf_tilt_deg,
                      double *surf_az_deg)
{
  struct vec3 n = rotated_normal(rotation_deg, axis_tilt_deg, axis_azimuth_deg);
  double horiz = hypot(n.x, n.y);
  *surf_tilt_deg = rad2deg(atan2(horiz, n.z));
  if (horiz < 1e-12) {
    *surf_az_deg = axis_azimuth_deg;
    return;
  }
  double az = rad2deg(atan2(n.x, n.y));
  if (az < 0.0)
    az += 360.0;
  if (az >= 360.0)
    az -= 360.0;
  *surf_az_deg = az;
}

void tracking_single_axis(const struct tracking_params *tp, double zenith_deg,
                          double sun_az_deg, double *rotation_deg,
                          double *surf_tilt_deg, double *surf_az_deg,
                          double *cos_aoi)
{
  double r = 0.0;
  if (zenith_deg < 90.0) {
    r = tracking_ideal_rotation(zenith_deg, sun_az_deg, tp->axis_tilt_deg,
                                tp->axis_azimuth_deg);
    if (tp->backtrack)
      r = tracking_backtrack_rotation(r, tp->gcr);
    if (r > tp->max_angle_deg)
      r = tp->max_angle_deg;
    else if (r < -tp->max_angle_deg)
      r = -tp->max_angle_deg;
  }
  if (rotation_deg)
    *rotation_deg = r;
  if (surf_tilt_deg || surf_az_deg) {
    double t, a;
    tracking_surface(r, tp->axis_tilt_deg, tp->axis_azimuth_deg, &t, &a);
    if (surf_tilt_deg)
      *surf_tilt_deg = t;
    if (surf_az_deg)
      *surf_az_deg = a;
  }
  if (cos_aoi) {
    struct vec3 n = rotated_normal(r, tp->axis_tilt_deg, tp->axis_azimuth_deg);
    *cos_aoi = clamp_unit(dot(n, sun_vector(zenith_deg, sun_az_deg)));
  }
}

void tracking_single_axis_run(const struct tracking_params *tp, size_t n,
                              const double *zenith_deg, const double *sun_az_deg,
                              double *rotation_deg, double *surf_tilt_deg,
                              double *surf_az_deg, double *cos_aoi)
{
  for (size_t i = 0; i < n; i++)
    tracking_single_axis(tp, zenith_deg[i], sun_az_deg[i],
                         rotation_deg ? &rotation_deg[i] : NULL,
                         surf_tilt_deg ? &surf_tilt_deg[i] : NULL,
                         surf_az_deg ? &surf_az_deg[i] : NULL,
                         cos_aoi ? &cos_aoi[i] : NULL);
}

void tracking_two_axis_run(size_t n, const double *zenith_deg,
                           const double *sun_az_deg, double *surf_tilt_deg,
                           double *surf_az_deg, double *cos_aoi)
{
  for (size_t i = 0; i < n; i++) {
    int up = zenith_deg[i] < 90.0;
    if (surf_tilt_deg)
      surf_tilt_deg[i] = up ? zenith_deg[i] : 0.0;
    if (surf_az_deg)
      surf_az_deg[i] = up ? sun_az_deg[i] : 180.0;
    if (cos_aoi)
      cos_aoi[i] = up ? 1.0 : cos(deg2rad(zenith_deg[i]));
  }
}

void tracking_axis_init(struct tracking_axis *ta, const struct tracking_params *tp)
{
  const struct vec3 n0 = normal_at_zero(tp->axis_tilt_deg, tp->axis_azimuth_deg);
  const struct vec3 w = across_axis(tp->axis_azimuth_deg);
  ta->n0x = n0.x;
  ta->n0y = n0.y;
  ta->n0z = n0.z;
  ta->wx = w.x;
  ta->wy = w.y;
  ta->cos_max = cos(deg2rad(tp->max_angle_deg));
  ta->sin_max = sin(deg2rad(tp->max_angle_deg));
  ta->gcr = tp->backtrack ? tp->gcr : 0.0;
  ta->cos_tilt0 = n0.z;
  ta->sin_tilt0 = hypot(n0.x, n0.y);
}
