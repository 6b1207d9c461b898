/* Infinite-sheds rear irradiance (Mikofski et al., 46th IEEE PVSC, 2019,
 * as described in pvlib python's bifacial.infinite_sheds; a simplification
 * of Marion et al., NREL/CP-5K00-67847, 2017); see bifacial.h.
 *
 * Cross-section: rows of width 1 and pitch p = 1/gcr. A face and its
 * neighbour bound a cell open at the top (between the row tops) and at the
 * bottom (between the lower edges); light from the face leaves through the
 * top to the sky, through the bottom to the ground, or lands on the
 * neighbour. Crossed strings over the triangle face/opening gives
 * (1 + p - third side) / 2 for each opening.
 *
 * Ground to sky, averaged over a pitch: from ground points spread evenly
 * over a pitch, the rays in direction t are blocked for the fraction of
 * points inside the rows' shadows cast along t, min(1, gcr |sin(t - b)| /
 * sin t) for tilt b; weighting by the 2-D kernel sin(t)/2 gives
 *   (1/2) int max(0, sin t - gcr |sin(t - b)|) dt,
 * nonzero between the roots t2 < b < t1 of sin t = gcr |sin(t - b)|:
 *   tan t2 = g sin b / (1 + g cos b),  tan t1 = -g sin b / (1 - g cos b),
 * which integrates to
 *   (1/2) [cos t2 - cos t1 - g (2 - cos(b - t2) - cos(t1 - b))].
 * The height of the rows does not enter: raising them shifts their shadows
 * but not the shaded fraction. */
#include "bifacial.h"

#include <math.h>

#include "irradiance.h"
#include "units.h"

double bifacial_vf_row_sky(double tilt_deg, double gcr)
{
  double p = 1.0 / gcr, c = cos(deg2rad(tilt_deg));
  return 0.5 * (1.0 + p - sqrt(1.0 + p * p - 2.0 * p * c));
}

double bifacial_vf_row_ground(double tilt_deg, double gcr)
{
  double p = 1.0 / gcr, c = cos(deg2rad(tilt_deg));
  return 0.5 * (1.0 + p - sqrt(1.0 + p * p + 2.0 * p * c));
}

double bifacial_vf_ground_sky(double tilt_deg, double gcr)
{
  /* The integral is symmetric under tilt -> 180 - tilt (mirror image). */
  double tdeg = tilt_deg > 90.0 ? 180.0 - tilt_deg : tilt_deg;
  double b = deg2rad(tdeg), g = gcr;
  double t2 = atan2(g * sin(b), 1.0 + g * cos(b));
  double t1 = UNITS_PI - atan2(g * sin(b), 1.0 - g * cos(b));
  return 0.5 * (cos(t2) - cos(t1) - g * (2.0 - cos(b - t2) - cos(t1 - b)));
}

double bifacial_ground_shaded_fraction(double cos_aoi, double zenith_deg,
                                       double gcr)
{
  if (!(zenith_deg < 90.0))
    return 0.0;
  double cz = cos(deg2rad(zenith_deg));
  if (cz <= 0.0)
    return 0.0;
  double f = gcr * fabs(cos_aoi) / cz;
  return f > 1.0 ? 1.0 : f;
}

void bifacial_rear_irradiance(const struct bifacial_params *bp, double tilt_deg,
                              double surf_az_deg, double zenith_deg,
                              double sun_az_deg, double dni_wm2, double dhi_wm2,
                              double albedo, struct bifacial_rear *out)
{
  double g = bp->gcr;
  double rear_tilt = 180.0 - tilt_deg;
  double dhi = dhi_wm2 > 0.0 ? dhi_wm2 : 0.0;
  double dni = dni_wm2 > 0.0 ? dni_wm2 : 0.0;
  int up = zenith_deg < 90.0;
  double cz = up ? cos(deg2rad(zenith_deg)) : 0.0;
  double ca_front = irr_cos_aoi(tilt_deg, surf_az_deg, zenith_deg, sun_az_deg);

  double gbh = up ? dni * cz : 0.0;
  double sunlit = 1.0 - bifacial_ground_shaded_fraction(ca_front, zenith_deg, g);
  double e_gnd = gbh * sunlit + dhi * bifacial_vf_ground_sky(tilt_deg, g);

  out->sky = dhi * bifacial_vf_row_sky(rear_tilt, g);
  out->ground = albedo * e_gnd * bifacial_vf_row_ground(rear_tilt, g);
  out->beam = 0.0;
  double ca_rear = -ca_front;
  if (up && ca_rear > 0.0 && cz > 0.0) {
    /* The row behind shades the rear from its lower edge up, by the same
     * rule as the front: 1 - cos zenith / (gcr cos aoi). */
    double fs = 1.0 - cz / (g * ca_rear);
    fs = fs < 0.0 ? 0.0 : (fs > 1.0 ? 1.0 : fs);
    out->beam = dni * ca_rear * (1.0 - fs);
  }
  out->total = out->beam + out->sky + out->ground;
  out->effective = out->total * bp->bifaciality * (1.0 - bp->rear_loss_frac);
}

void bifacial_run(const struct bifacial_params *bp, size_t n,
                  const double *surf_tilt_deg, const double *surf_az_deg,
                  const double *zenith_deg, const double *sun_az_deg,
                  const double *dni_wm2, const double *dhi_wm2,
                  const double *albedo, const double *front_wm2,
                  double *rear_wm2, double *rear_eff_wm2, double *rear_frac)
{
  for (size_t i = 0; i < n; i++) {
    struct bifacial_rear r;
    bifacial_rear_irradiance(bp, surf_tilt_deg[i], surf_az_deg[i], zenith_deg[i],
                             sun_az_deg[i], dni_wm2[i], dhi_wm2[i],
                             albedo ? albedo[i] : bp->albedo, &r);
    if (rear_wm2)
      rear_wm2[i] = r.total;
    if (rear_eff_wm2)
      rear_eff_wm2[i] = r.effective;
    if (rear_frac)
      rear_frac[i] = (front_wm2 && front_wm2[i] > 0.0) ? r.effective / front_wm2[i]
                                                       : 0.0;
  }
}
