/* Plane-of-array (POA) irradiance from beam, diffuse and global horizontal
 * irradiance: the isotropic sky (Liu and Jordan 1963) and the Perez et al.
 * (1990) anisotropic sky with the "allsitescomposite1990" coefficients.
 * Sources: R. Perez, P. Ineichen, R. Seals, J. Michalsky, R. Stewart,
 * "Modeling daylight availability and irradiance components from direct and
 * global irradiance", Solar Energy 44(5), 271-289, 1990. */
#ifndef RENEWCALC_TRANSPOSE_H
#define RENEWCALC_TRANSPOSE_H

enum transpose_model { TRANSPOSE_PEREZ, TRANSPOSE_ISOTROPIC };

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

#endif
