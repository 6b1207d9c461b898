/* Rear-side irradiance of bifacial rows from a 2-D view-factor model of
 * infinitely long, evenly spaced rows on flat ground: the "infinite sheds"
 * model of M. Mikofski, R. Darawali, M. Hamer, A. Neubert and J. Newmiller,
 * "Bifacial Performance Modeling in Large Arrays", 46th IEEE PVSC, 2019,
 * pp. 1282-1287, in the form pvlib python's bifacial.infinite_sheds
 * documents it (ground irradiance averaged over the pitch), itself a
 * simplification of B. Marion et al., "A Practical Irradiance Model for
 * Bifacial PV Modules", NREL/CP-5K00-67847, 2017.
 *
 * The rear of a row receives, per unit area:
 *   sky    = DHI x F(rear -> sky through the gap between row tops)
 *   ground = albedo x E_gnd x F(rear -> ground through the gap between row
 *            lower edges), with E_gnd the ground irradiance averaged over a
 *            pitch: Gbh x (sunlit fraction) + DHI x (ground -> sky view)
 *   beam   = DNI cos(rear AOI) x (1 - part shaded by the row behind), when
 *            the sun is behind the rows.
 * The view factors are closed forms (Hottel's crossed strings, and an exact
 * integral for the ground's view of the sky, see bifacial.c).
 *
 * What this leaves out, compared with Marion et al. 2017: the ground is
 * taken as uniformly lit over a pitch, so which part of the ground (shaded
 * or sunlit) a given row sees is ignored; under that averaging the row
 * height drops out exactly (shifting infinite rows up only moves their
 * shadows), so there is no height input; irradiance is not resolved along
 * the row height (only the row average, which is what matters without
 * electrical mismatch); sky light is isotropic; no row ends, no sloped
 * ground, no light through gaps in the modules, no rear incidence-angle
 * loss; racking shade and rear mismatch are one lumped fraction. For
 * single-axis trackers the model is exact in 2-D for a horizontal axis;
 * for a tilted axis it is an approximation. */
#ifndef RENEWCALC_BIFACIAL_H
#define RENEWCALC_BIFACIAL_H

#include <stddef.h>

/* Validated parameters of a bifacial array. */
struct bifacial_params {
  double gcr;            /* ground coverage ratio, row width / pitch, 0.01..0.99 */
  double albedo;         /* ground albedo 0..1, used when no series is given */
  double bifaciality;    /* rear / front efficiency at STC, 0..1 (often 0.7) */
  double rear_loss_frac; /* racking shade and rear mismatch, 0..1 (0.05) */
};

/* Rear-side irradiance components [W/m2], all >= 0. */
struct bifacial_rear {
  double beam;      /* direct beam, when the sun is behind the rows */
  double sky;       /* sky diffuse */
  double ground;    /* ground-reflected */
  double total;     /* beam + sky + ground */
  double effective; /* total x bifaciality x (1 - rear_loss_frac): the
                       front-equivalent irradiance the rear adds */
};

/* View factor from a row face to the sky past its neighbours, for rows of
 * tilt_deg (0..180; a rear face has 180 - front tilt) and gcr 0..1:
 *   (1 + p - sqrt(1 + p^2 - 2 p cos tilt)) / 2, p = 1 / gcr.
 * Tends to (1 + cos tilt)/2 as gcr -> 0. Pure. */
double bifacial_vf_row_sky(double tilt_deg, double gcr);

/* View factor from a row face to the ground, tilt_deg 0..180, gcr 0..1:
 *   (1 + p - sqrt(1 + p^2 + 2 p cos tilt)) / 2, p = 1 / gcr.
 * Tends to (1 - cos tilt)/2 as gcr -> 0. The rest of the face's view,
 * 1 - sky - ground, is the neighbouring row. Pure. */
double bifacial_vf_row_ground(double tilt_deg, double gcr);

/* View factor from the ground to the sky averaged over one pitch, rows of
 * tilt_deg 0..180 and gcr 0..1, exact for infinitely many rows (and the
 * same at any height):  (1/2) int_0^pi max(0, sin t - gcr |sin(t - tilt)|) dt.
 * 1 - gcr for tilt 0. Pure. */
double bifacial_vf_ground_sky(double tilt_deg, double gcr);

/* Fraction (0..1) of the ground between rows in a row's shadow:
 * min(1, gcr |cos aoi| / cos zenith); 0 with the sun down. cos_aoi: the
 * sun's incidence on the front face; zenith_deg: sun zenith. Pure. */
double bifacial_ground_shaded_fraction(double cos_aoi, double zenith_deg,
                                       double gcr);

/* Rear irradiance of rows with front face tilt_deg (0..90) and azimuth
 * surf_az_deg (0..360), sun at zenith_deg, sun_az_deg; dni_wm2, dhi_wm2
 * >= 0; albedo 0..1. Fills *out. Pure. */
void bifacial_rear_irradiance(const struct bifacial_params *bp, double tilt_deg,
                              double surf_az_deg, double zenith_deg,
                              double sun_az_deg, double dni_wm2, double dhi_wm2,
                              double albedo, struct bifacial_rear *out);

/* bifacial_rear_irradiance() over n intervals. surf_tilt_deg, surf_az_deg:
 * n each (the same value repeated for fixed racks, the tracker's output
 * otherwise); zenith_deg, sun_az_deg, dni_wm2, dhi_wm2: n each; albedo: n
 * values, or NULL to use bp->albedo; front_wm2: front plane-of-array
 * irradiance (n), may be NULL. Outputs (caller-owned, n each; any may be
 * NULL): rear_wm2 (total), rear_eff_wm2 (effective), rear_frac
 * (rear_eff / front, 0 where front <= 0; needs front_wm2).
 * Pure, no allocation. */
void bifacial_run(const struct bifacial_params *bp, size_t n,
                  const double *surf_tilt_deg, const double *surf_az_deg,
                  const double *zenith_deg, const double *sun_az_deg,
                  const double *dni_wm2, const double *dhi_wm2,
                  const double *albedo, const double *front_wm2,
                  double *rear_wm2, double *rear_eff_wm2, double *rear_frac);

#endif
