/* Row-to-row self-shading of large regular arrays of long rows, as NREL
 * PVWatts v8 models it: the beam shaded fraction of a row's face from the
 * row geometry (ground coverage ratio, tilt, sun position), and derates of
 * the sky diffuse and ground-reflected light for the rows' limited view.
 * Sources:
 *   C. Deline, A. Dobos, S. Janzou, J. Meydbray and M. Donovan, "A
 *   simplified model of uniform shading in large photovoltaic arrays",
 *   Solar Energy 96, 274-282, 2013 (and the shadow geometry of J. Appelbaum
 *   and J. Bany, Solar Energy 23(6), 497-507, 1979, that it uses).
 *   NREL System Advisor Model core (SSC), pvwattsv8 compute module and
 *   shared/lib_pvshade.cpp (ss_exec, diffuse_reduce, the sky diffuse
 *   table) and shared/lib_irradproc.cpp (shadeFraction1x), read for how
 *   PVWatts v8 applies the model.
 *
 * How PVWatts v8 uses it, and how renewcalc's callers should:
 *   fixed rack:            beam x (1 - fixed fraction), sky x sky derate,
 *                          ground x ground derate;
 *   1-axis, no backtrack:  beam x (1 - tracker fraction), the diffuse
 *                          derates at the tracker's current surface tilt;
 *   1-axis, backtracking:  no beam shading (backtracking avoids it), the
 *                          diffuse derates still apply;
 *   roof mount, 2-axis:    no self-shading.
 * PVWatts v8 reduces beam linearly (its non-linear electrical derate is
 * switched off in v8); so does this module.
 *
 * Rows are taken as infinitely long (no row-end effects); PVWatts v8 does
 * the same in effect, since its rows hold more than one string. */
#ifndef RENEWCALC_SHADING_H
#define RENEWCALC_SHADING_H

#include <stddef.h>

#include "tracking.h"

/* Fraction (0..1) of a row's face, measured up from its lower edge, in the
 * shadow of the row in front, for infinitely long rows standing on a plane:
 *   f = 1 - cos_ref / (gcr cos_aoi), limited to 0..1.
 * cos_aoi: cosine of the sun's angle of incidence on the face;
 * cos_ref: cosine of the sun's angle from the normal of the plane the rows
 * stand on (cos zenith for racks on flat ground; for a single-axis tracker,
 * the cosine of incidence on the surface at zero rotation);
 * gcr: ground coverage ratio, 0 < gcr < 1.
 * Returns 0 when cos_aoi <= 0 (no beam on the face) and 1 when cos_ref <= 0
 * while cos_aoi > 0. For fixed racks this is Appelbaum and Bany eq. A13 as
 * Deline et al. and SSC's ss_exec use it (1 - R/p_y, p_y the shadow
 * length); for trackers it is the plane-across-the-axis form of SSC's
 * shadeFraction1x. Pure. */
double shading_row_beam_fraction(double cos_aoi, double cos_ref, double gcr);

/* Beam shaded fraction of a fixed rack of tilt_deg 0..90 and azimuth
 * surf_az_deg 0..360 with ground coverage ratio gcr, for the sun at
 * zenith_deg and sun_az_deg. 0 with the sun down or tilt 0. Pure. */
double shading_fixed_beam_fraction(double tilt_deg, double surf_az_deg,
                                   double gcr, double zenith_deg,
                                   double sun_az_deg);

/* Beam shaded fraction of a single-axis tracker row (tp: axis tilt,
 * azimuth and gcr; rotation limit and backtracking are irrelevant here)
 * whose face has cos_aoi toward the sun at zenith_deg, sun_az_deg. With
 * backtracking active this is 0 (up to rounding). 0 with the sun down. Pure. */
double shading_tracker_beam_fraction(const struct tracking_params *tp,
                                     double zenith_deg, double sun_az_deg,
                                     double cos_aoi);

/* Sky diffuse derate (0..1) for rows of tilt tilt_deg (0..90) and ground
 * coverage ratio gcr: the view factor from a whole row face to the sky
 * past the row in front, divided by that of an isolated plane,
 * (1 + cos tilt) / 2. With p = 1 / gcr (pitch in row widths),
 *   F = (1 + p - sqrt(1 + p^2 - 2 p cos tilt)) / (1 + cos tilt)
 * (Hottel's crossed strings over the gap between two rows). This is the
 * closed form of the integral over the row height of the point sky view
 * factor that SSC's sssky_diffuse_table evaluates numerically (1000 steps).
 * 1 for tilt 0. Pure. */
double shading_sky_derate(double tilt_deg, double gcr);

/* View factor from a row face (width 1) to a strip of ground of length
 * len (row widths) that starts at the row's lower edge and runs away from
 * it in front, the face tilted tilt_deg (0..180) from the ground:
 *   (1 + len - sqrt(1 + len^2 + 2 len cos tilt)) / 2.
 * len = 1/gcr gives the view of the whole ground between two rows; as len
 * grows it tends to (1 - cos tilt) / 2, the isolated-plane value. Pure. */
double shading_vf_row_ground(double tilt_deg, double len);

/* How the ground-reflected derate is formed. */
enum shading_ground_form {
  /* As SSC's diffuse_reduce computes it for PVWatts v8: the open-field
   * ground-reflected term is multiplied by the row-to-ground view factor
   * itself (not by its ratio to the open-field one), so even widely spaced
   * rows keep only (1 - cos tilt) / 2 of it. Use to agree with PVWatts. */
  SHADING_GROUND_PVWATTS8,
  /* The same construction with the view factors divided by the open-field
   * view factor (1 - cos tilt) / 2, so that the derate tends to 1 as the
   * rows move apart. */
  SHADING_GROUND_NORMALISED
};

/* Ground-reflected derate (0..1), PVWatts v8 construction (Deline's
 * diffuse_reduce): of n_rows rows the first sees open ground; each other
 * row sees, for the beam part of the reflected light, the sunlit strip of
 * ground between rows (pitch minus the shadow length with the sun straight
 * in front at its elevation), and for the diffuse part the whole strip:
 *   D = [(1 + (n-1) F2) Gbh + (1 + (n-1) F3) Gdh] / (n (Gbh + Gdh)),
 * F2, F3 from shading_vf_row_ground() (divided by (1 - cos tilt)/2 when
 * form is SHADING_GROUND_NORMALISED). tilt_deg 0..90; gcr 0..1;
 * zenith_deg sun zenith; dni_wm2, dhi_wm2 >= 0; n_rows >= 1.
 * Returns 1 when there is no light or tilt is 0. Pure. */
double shading_ground_derate(enum shading_ground_form form, double tilt_deg,
                             double gcr, int n_rows, double zenith_deg,
                             double dni_wm2, double dhi_wm2);

/* Number of rows PVWatts v8 assumes for a plant of p_dc_kw (> 0) DC:
 * ceil(sqrt(modules)), modules = ceil(p_dc_kw / 0.3), at least 1
 * (300 W modules, one module per row width in its estimate). Pure. */
int shading_pvwatts8_rows(double p_dc_kw);

/* Validated self-shading parameters of a plant. */
struct shading_params {
  double gcr;                     /* 0.01..0.99 */
  int n_rows;                     /* >= 1, e.g. shading_pvwatts8_rows() */
  enum shading_ground_form ground;
};

/* Beam shaded fractions over n intervals for a fixed rack (tilt_deg,
 * surf_az_deg, gcr) from zenith_deg and sun_az_deg (n each) into frac
 * (caller-owned, n). Pure, no allocation. */
void shading_fixed_beam_run(double tilt_deg, double surf_az_deg, double gcr,
                            size_t n, const double *zenith_deg,
                            const double *sun_az_deg, double *frac);

/* Beam shaded fractions over n intervals for a single-axis tracker from
 * zenith_deg, sun_az_deg and the cos_aoi that tracking_single_axis_run()
 * gave (n each) into frac (caller-owned, n). Pure, no allocation. */
void shading_tracker_beam_run(const struct tracking_params *tp, size_t n,
                              const double *zenith_deg, const double *sun_az_deg,
                              const double *cos_aoi, double *frac);

/* Applies self-shading to plane-of-array components over n intervals:
 *   out_beam = poa_beam (1 - beam_frac), out_sky = poa_sky x sky derate,
 *   out_ground = poa_ground x ground derate,
 * with the derates at surf_tilt_deg[i] (n values; the same value n times
 * for a fixed rack). beam_frac may be NULL (no beam shading, as for a
 * backtracked tracker). zenith_deg, dni_wm2, dhi_wm2: n each. All [W/m2].
 * Outputs are caller-owned (n each) and may be the input arrays.
 * Pure, no allocation. */
void shading_run(const struct shading_params *sp, size_t n,
                 const double *surf_tilt_deg, const double *beam_frac,
                 const double *zenith_deg, const double *dni_wm2,
                 const double *dhi_wm2, const double *poa_beam,
                 const double *poa_sky, const double *poa_ground,
                 double *out_beam, double *out_sky, double *out_ground);

#endif
