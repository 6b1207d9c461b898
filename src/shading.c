/* Row-to-row self-shading after Deline et al. (Solar Energy 96, 2013) as
 * PVWatts v8 applies it (NREL SSC, shared/lib_pvshade.cpp); see shading.h.
 *
 * Geometry, in the plane across the rows (rows of width 1, pitch p = 1/gcr,
 * all on one plane): a row's shadow along that plane is
 *   |cos(aoi)| / cos(ref)
 * row widths long, where aoi is the sun's incidence on the face and ref its
 * angle from the plane's normal (both measured in the cross-section; the
 * ratio is the same in 3-D because the sun vector's component along the
 * rows cancels). The part of the next row's face in that shadow is
 * 1 - p / shadow. */
#include "shading.h"

#include <math.h>

#include "irradiance.h"
#include "units.h"

double shading_row_beam_fraction(double cos_aoi, double cos_ref, double gcr)
{
  if (cos_aoi <= 0.0)
    return 0.0;
  if (cos_ref <= 0.0)
    return 1.0;
  double f = 1.0 - cos_ref / (gcr * cos_aoi);
  return f < 0.0 ? 0.0 : (f > 1.0 ? 1.0 : f);
}

double shading_fixed_beam_fraction(double tilt_deg, double surf_az_deg,
                                   double gcr, double zenith_deg,
                                   double sun_az_deg)
{
  if (!(zenith_deg < 90.0) || tilt_deg == 0.0)
    return 0.0;
  double ca = irr_cos_aoi(tilt_deg, surf_az_deg, zenith_deg, sun_az_deg);
  return shading_row_beam_fraction(ca, cos(deg2rad(zenith_deg)), gcr);
}

double shading_tracker_beam_fraction(const struct tracking_params *tp,
                                     double zenith_deg, double sun_az_deg,
                                     double cos_aoi)
{
  if (!(zenith_deg < 90.0))
    return 0.0;
  /* The rows stand side by side across the axis, so the reference plane's
   * normal is the surface normal at zero rotation. */
  double cref = irr_cos_aoi(tp->axis_tilt_deg, tp->axis_azimuth_deg, zenith_deg,
                            sun_az_deg);
  return shading_row_beam_fraction(cos_aoi, cref, tp->gcr);
}

double shading_sky_derate(double tilt_deg, double gcr)
{
  double c = cos(deg2rad(tilt_deg));
  double p = 1.0 / gcr;
  /* Crossed strings: the face and the opening between the two row tops
   * (length p) share the upper edge; the third side runs from the face's
   * lower edge to the front row's upper edge. */
  double f = (1.0 + p - sqrt(1.0 + p * p - 2.0 * p * c)) / (1.0 + c);
  return f > 1.0 ? 1.0 : (f < 0.0 ? 0.0 : f);
}

double shading_vf_row_ground(double tilt_deg, double len)
{
  double c = cos(deg2rad(tilt_deg));
  /* Face and ground strip share the lower edge, at an angle 180 - tilt. */
  return 0.5 * (1.0 + len - sqrt(1.0 + len * len + 2.0 * len * c));
}

double shading_ground_derate(enum shading_ground_form form, double tilt_deg,
                             double gcr, int n_rows, double zenith_deg,
                             double dni_wm2, double dhi_wm2)
{
  double gbh = zenith_deg < 90.0 ? dni_wm2 * cos(deg2rad(zenith_deg)) : 0.0;
  double gdh = dhi_wm2;
  if (gbh < 0.0)
    gbh = 0.0;
  if (gdh < 0.0)
    gdh = 0.0;
  if (gbh + gdh <= 0.0 || tilt_deg <= 0.0)
    return 1.0;
  double p = 1.0 / gcr;
  double norm = 1.0;
  if (form == SHADING_GROUND_NORMALISED)
    norm = 0.5 * (1.0 - cos(deg2rad(tilt_deg)));
  double f3 = shading_vf_row_ground(tilt_deg, p) / norm;
  double f2 = 0.0;
  if (gbh > 0.0) {
    /* Unshaded strip: pitch minus the shadow of the front row with the sun
     * straight in front at its elevation alt, sin(alt + tilt) / sin(alt);
     * SSC keeps it above 1e-5. */
    double alt = deg2rad(90.0 - zenith_deg);
    double y1 = p - sin(alt + deg2rad(tilt_deg)) / sin(alt);
    if (y1 < 1e-5)
      y1 = 1e-5;
    f2 = shading_vf_row_ground(tilt_deg, y1) / norm;
  }
  double nr = n_rows < 1 ? 1.0 : (double)n_rows;
  double d = ((1.0 + (nr - 1.0) * f2) * gbh + (1.0 + (nr - 1.0) * f3) * gdh)
             / (nr * (gbh + gdh));
  return d > 1.0 ? 1.0 : (d < 0.0 ? 0.0 : d);
}

int shading_pvwatts8_rows(double p_dc_kw)
{
  double modules = ceil(p_dc_kw / 0.3);
  if (modules < 1.0)
    modules = 1.0;
  return (int)ceil(sqrt(modules));
}

void shading_fixed_beam_run(double tilt_deg, double surf_az_deg, double gcr,
                            size_t n, const double *zenith_deg,
                            const double *sun_az_deg, double *frac)
{
  for (size_t i = 0; i < n; i++)
    frac[i] = shading_fixed_beam_fraction(tilt_deg, surf_az_deg, gcr,
                                          zenith_deg[i], sun_az_deg[i]);
}

void shading_tracker_beam_run(const struct tracking_params *tp, size_t n,
                              const double *zenith_deg, const double *sun_az_deg,
                              const double *cos_aoi, double *frac)
{
  for (size_t i = 0; i < n; i++)
    frac[i] = shading_tracker_beam_fraction(tp, zenith_deg[i], sun_az_deg[i],
                                            cos_aoi[i]);
}

void shading_run(const struct shading_params *sp, size_t n,
                 const double *surf_tilt_deg, const double *beam_frac,
                 const double *zenith_deg, const double *dni_wm2,
                 const double *dhi_wm2, const double *poa_beam,
                 const double *poa_sky, const double *poa_ground,
                 double *out_beam, double *out_sky, double *out_ground)
{
  /* A fixed rack repeats one tilt: keep the last sky derate. */
  double last_tilt = NAN, sky_d = 1.0;
  for (size_t i = 0; i < n; i++) {
    double t = surf_tilt_deg[i];
    if (t != last_tilt) {
      sky_d = shading_sky_derate(t, sp->gcr);
      last_tilt = t;
    }
    double gnd_d = shading_ground_derate(sp->ground, t, sp->gcr, sp->n_rows,
                                         zenith_deg[i], dni_wm2[i], dhi_wm2[i]);
    double fb = beam_frac ? beam_frac[i] : 0.0;
    out_beam[i] = poa_beam[i] * (1.0 - fb);
    out_sky[i] = poa_sky[i] * sky_d;
    out_ground[i] = poa_ground[i] * gnd_d;
  }
}
