/* Plane-of-array (POA) irradiance from beam, diffuse and global horizontal
 * irradiance: the isotropic sky (Liu and Jordan 1963), the Perez et al.
 * (1990) anisotropic sky with the "allsitescomposite1990" coefficients, and
 * the Hay and Davies (1980) circumsolar + isotropic sky.
 * Sources: R. Perez, P. Ineichen, R. Seals, J. Michalsky, R. Stewart,
 * "Modeling daylight availability and irradiance components from direct and
 * global irradiance", Solar Energy 44(5), 271-289, 1990; J. E. Hay and
 * J. A. Davies, "Calculation of the solar radiation incident on an inclined
 * surface", Proc. First Canadian Solar Radiation Data Workshop, 59-72, 1980
 * (in the form of Duffie and Beckman, Solar Engineering of Thermal
 * Processes, 4th ed., eq. 2.16.4 without the horizon term). */
#ifndef RENEWCALC_TRANSPOSE_H
#define RENEWCALC_TRANSPOSE_H

#include <math.h>

#include "units.h"

/* TRANSPOSE_HAYDAVIES: sky = DHI [A Rb + (1 - A)(1 + cos tilt)/2] with the
 * anisotropy index A = DNI / dni_extra (clipped to 0..1) and
 * Rb = max(cos aoi, 0) / max(cos zenith, 0.01745); am_rel is not used. */
enum transpose_model { TRANSPOSE_PEREZ, TRANSPOSE_ISOTROPIC, TRANSPOSE_HAYDAVIES };

/* Components of irradiance on the plane [W/m2], all >= 0. */
struct poa {
  double beam;   /* direct beam on the plane */
  double sky;    /* sky diffuse on the plane (circumsolar + isotropic + horizon) */
  double ground; /* reflected from the ground */
  double total;  /* beam + sky + ground */
};

/* POA components for one interval.
 * tilt_deg 0..90, surf_az_deg 0..360; zenith_deg, sun_az_deg: sun position;
 * dni, dhi, ghi [W/m2] >= 0; dni_extra [W/m2]: extraterrestrial normal
 * irradiance; am_rel: relative air mass (ignored when the sun is down);
 * albedo 0..1. With the sun at or below the horizon (zenith >= 90) beam is 0
 * and the diffuse terms are isotropic. Pure. */
void transpose(enum transpose_model model, double tilt_deg, double surf_az_deg,
               double zenith_deg, double sun_az_deg, double dni, double dhi,
               double ghi, double dni_extra, double am_rel, double albedo,
               struct poa *out);

/* The same with the trigonometry done by the caller (once per plane and
 * per sun position, not per call): cos_tilt, sin_tilt of the plane;
 * cos_aoi of the beam on it (irr_cos_aoi); zenith_deg and cos_zenith of
 * the sun. Pure. */
void transpose_pre(enum transpose_model model, double cos_tilt, double sin_tilt,
                   double cos_aoi, double zenith_deg, double cos_zenith, double dni,
                   double dhi, double ghi, double dni_extra, double am_rel, double albedo,
                   struct poa *out);

/* The diffuse terms transpose_pre() gives with the sun at or below the
 * horizon (zenith >= 90 deg, no beam), bit for bit: the isotropic sky and
 * the ground. Inline so that the night half of an hourly year costs a few
 * instructions a row; transpose_pre() itself uses it. */
static inline void transpose_night(double cos_tilt, double dhi, double ghi, double albedo,
                                   double *sky, double *ground)
{
  const double s = dhi * (1.0 + cos_tilt) / 2.0, g = ghi * albedo * (1.0 - cos_tilt) / 2.0;
  *sky = s > 0.0 ? s : 0.0; /* max(0, x), 0 for NaN */
  *ground = g > 0.0 ? g : 0.0;
}

/* ---- transpose_pre() inline, for the hourly loops ---------------------------- */

/* Perez et al. (1990) Table 6 ("allsitescomposite1990"), one row per
 * sky-clearness bin (f11 f12 f13 f21 f22 f23), and the upper edges of the
 * first seven bins (Table 1). */
extern const double transpose_perez_f[8][6];
extern const double transpose_perez_eps_edge[7];

/* max(0, x), 0 for NaN, as fmax(0.0, x) but inline (the library's fmax
 * is a call per use, several an hour). */
static inline double transpose_pos0(double x)
{
  return x > 0.0 ? x : 0.0;
}

/* Clearness bin of epsilon: the number of edges at or below it (0 for
 * NaN), by halving: three tests instead of up to seven. */
static inline int transpose_perez_bin(double eps)
{
  const double *e = transpose_perez_eps_edge;
  int k = eps >= e[3] ? 4 : 0;
  if (eps >= e[k + 1])
    k += 2;
  if (eps >= e[k])
    k += 1;
  return k;
}

/* transpose_perez_bin() counted in selects, for the vectorised loops
 * (a branch stops them): the same bin. */
static inline __attribute__((always_inline)) int transpose_perez_bin_select(double eps)
{
  const double *e = transpose_perez_eps_edge;
  return (int)((eps >= e[0] ? 1.0 : 0.0) + (eps >= e[1] ? 1.0 : 0.0) +
               (eps >= e[2] ? 1.0 : 0.0) + (eps >= e[3] ? 1.0 : 0.0) +
               (eps >= e[4] ? 1.0 : 0.0) + (eps >= e[5] ? 1.0 : 0.0) +
               (eps >= e[6] ? 1.0 : 0.0));
}

/* Perez constant kappa for zenith in radians; cos 85 deg. */
#define TRANSPOSE_PEREZ_KAPPA 1.041
#define TRANSPOSE_PEREZ_COS_85 0.08715574274765817

/* Sky clearness epsilon (eq. 1 with kappa z^3) and the zenith z [rad]. */
static inline double transpose_perez_eps(double zenith_deg, double dni, double dhi, double *z)
{
  *z = deg2rad(zenith_deg);
  const double kz3 = TRANSPOSE_PEREZ_KAPPA * *z * *z * *z;
  return ((dhi + dni) / dhi + kz3) / (1.0 + kz3);
}

/* The sky diffuse on the plane from the bin's coefficients f11..f23
 * (passed one by one: a vectorised loop keeps an array in memory). */
static inline __attribute__((always_inline)) double
transpose_perez_sky_f(double f11, double f12, double f13, double f21, double f22, double f23,
                      double z, double cos_t, double sin_t, double cos_aoi, double cos_z,
                      double dhi, double dni_extra, double am_rel)
{
  double delta = dhi * am_rel / dni_extra;
  double f1 = transpose_pos0(f11 + f12 * delta + f13 * z);
  double f2 = f21 + f22 * delta + f23 * z;
  double a = transpose_pos0(cos_aoi);
  /* Floor of b at cos 85 deg keeps the circumsolar ratio finite near the
   * horizon (Perez et al. 1990, after eq. 9). */
  double b = cos_z > TRANSPOSE_PEREZ_COS_85 ? cos_z : TRANSPOSE_PEREZ_COS_85;
  double sky = dhi * ((1.0 - f1) * (1.0 + cos_t) / 2.0 + f1 * a / b + f2 * sin_t);
  return transpose_pos0(sky);
}

static inline double transpose_perez_sky(double cos_t, double sin_t, double cos_aoi,
                                         double zenith_deg, double cos_z, double dni, double dhi,
                                         double dni_extra, double am_rel)
{
  double z;
  const double eps = transpose_perez_eps(zenith_deg, dni, dhi, &z);
  const double *f = transpose_perez_f[transpose_perez_bin(eps)];
  return transpose_perez_sky_f(f[0], f[1], f[2], f[3], f[4], f[5], z, cos_t, sin_t, cos_aoi,
                               cos_z, dhi, dni_extra, am_rel);
}

/* Floor of cos zenith in the Hay-Davies beam ratio Rb: cos 89 deg, the
 * value pvlib's haydavies uses, so that Rb stays finite at sunrise. */
#define TRANSPOSE_HAYDAVIES_MIN_COS_ZENITH 0.01745

static inline double transpose_haydavies_sky(double cos_t, double cos_aoi, double cos_z,
                                             double dni, double dhi, double dni_extra)
{
  /* A > 1 only for faulty data (DNI above the extraterrestrial value);
   * clipping keeps the isotropic weight 1 - A non-negative. */
  double a_index = dni_extra > 0.0 ? fmin(1.0, transpose_pos0(dni / dni_extra)) : 0.0;
  double rb = transpose_pos0(cos_aoi) / fmax(TRANSPOSE_HAYDAVIES_MIN_COS_ZENITH, cos_z);
  double sky = dhi * (a_index * rb + (1.0 - a_index) * (1.0 + cos_t) / 2.0);
  return transpose_pos0(sky);
}

/* transpose_pre(), the same operations; inlined even where the hourly loop
 * is compiled more than once (sim.c run_fused_body()). */
static inline __attribute__((always_inline)) void
transpose_pre_inline(enum transpose_model model, double cos_tilt, double sin_tilt,
                     double cos_aoi, double zenith_deg, double cos_zenith, double dni,
                     double dhi, double ghi, double dni_extra, double am_rel, double albedo,
                     struct poa *out)
{
  out->beam = 0.0;
  transpose_night(cos_tilt, dhi, ghi, albedo, &out->sky, &out->ground);
  if (zenith_deg < 90.0) {
    out->beam = transpose_pos0(dni * cos_aoi);
    /* With no diffuse light, epsilon is undefined and the sky term is 0
     * either way. */
    if (model == TRANSPOSE_PEREZ && dhi > 0.0)
      out->sky = transpose_perez_sky(cos_tilt, sin_tilt, cos_aoi, zenith_deg, cos_zenith, dni,
                                     dhi, dni_extra, am_rel);
    else if (model == TRANSPOSE_HAYDAVIES)
      out->sky = transpose_haydavies_sky(cos_tilt, cos_aoi, cos_zenith, dni, dhi, dni_extra);
  }
  out->total = out->beam + out->sky + out->ground;
}

/* Name of a model as in site files: "perez", "haydavies", "isotropic". */
const char *transpose_model_name(enum transpose_model model);

#endif
