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

/* Name of a model as in site files: "perez", "haydavies", "isotropic". */
const char *transpose_model_name(enum transpose_model model);

#endif
