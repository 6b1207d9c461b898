/* Ineichen-Perez clear-sky model.
 *
 * Source: P. Ineichen and R. Perez (2002), "A new airmass independent
 * formulation for the Linke turbidity coefficient", Solar Energy 73(3),
 * 151-157: global irradiance (their eq. 8 with the altitude coefficients
 * cg1, cg2 and the scale heights 8000 m and 1250 m) and beam irradiance
 * (eq. 7 with b = 0.664 + 0.163 / fh1), the beam capped so that it never
 * exceeds what the global formula leaves for the diffuse part (the
 * coefficients of their section 4).
 *
 * The paper's global formula carries an extra factor exp(0.01 AM^1.8); it is
 * left out here, as in pvlib's ineichen() default (perez_enhancement=False),
 * because it grows without bound at large air mass and gives spurious
 * irradiance with the sun near the horizon. */
#include "clearsky.h"

#include <math.h>

#include "units.h"

void clearsky_ineichen(double zenith_deg, double am_abs, double linke,
                       double elevation_m, double dni_extra,
                       double *ghi, double *dni, double *dhi)
{
  *ghi = 0.0;
  *dni = 0.0;
  *dhi = 0.0;
  if (!(zenith_deg < 90.0) || !(am_abs > 0.0))
    return;

  double cos_z = cos(deg2rad(zenith_deg));
  struct clearsky_ineichen_site c;
  clearsky_ineichen_init(&c, linke, elevation_m);
  double fh1 = exp(-elevation_m / 8000.0);
  double g = clearsky_ineichen_ghi(&c, cos_z, am_abs, dni_extra);
  if (!(g > 0.0))
    return;

  /* Beam: the turbidity form, and the bound that keeps the diffuse part
   * non-negative and consistent with the global value. */
  double b = 0.664 + 0.163 / fh1;
  double beam = b * dni_extra * exp(-0.09 * am_abs * (linke - 1.0));
  double ratio = (1.0 - (0.1 - 0.2 * exp(-linke)) / (0.1 + 0.882 / fh1)) / cos_z;
  if (ratio < 0.0)
    ratio = 0.0;
  double beam_cap = g * ratio;
  if (beam > beam_cap)
    beam = beam_cap;
  if (beam < 0.0)
    beam = 0.0;

  double diffuse = g - beam * cos_z;
  if (diffuse < 0.0)
    diffuse = 0.0;
  *ghi = g;
  *dni = beam;
  *dhi = diffuse;
}

void clearsky_ineichen_init(struct clearsky_ineichen_site *c, double linke,
                            double elevation_m)
{
  const double fh1 = exp(-elevation_m / 8000.0);
  const double fh2 = exp(-elevation_m / 1250.0);
  c->cg1 = 5.09e-5 * elevation_m + 0.868;
  c->neg_cg2 = -(3.92e-5 * elevation_m + 0.0387);
  c->tl = fh1 + fh2 * (linke - 1.0);
}

double clearsky_ineichen_ghi(const struct clearsky_ineichen_site *c, double cos_zenith,
                             double am_abs, double dni_extra)
{
  if (!(am_abs > 0.0))
    return 0.0;
  /* Eq. 8, the operations in the order of the paper's formula. */
  const double g = c->cg1 * dni_extra * cos_zenith * exp(c->neg_cg2 * am_abs * c->tl);
  return g > 0.0 ? g : 0.0;
}

