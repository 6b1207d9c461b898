/* Irradiance helpers: extraterrestrial irradiance, air mass, angle of
 * incidence and the physical incidence-angle modifier.
 * Sources:
 *   J. W. Spencer, "Fourier series representation of the position of the
 *   sun", Search 2(5), 172, 1971.
 *   F. Kasten and A. T. Young, "Revised optical air mass tables and
 *   approximation formula", Applied Optics 28(22), 4735-4738, 1989.
 *   W. De Soto, S. A. Klein and W. A. Beckman, "Improvement and validation
 *   of a model for photovoltaic array performance", Solar Energy 80(1),
 *   78-88, 2006 (eqs. 14-16). */
#include "irradiance.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "units.h"

double irr_extraterrestrial(double doy)
{
  /* Spencer's series gives (r0/r)^2, the inverse-square correction of the
   * mean Earth-sun distance. */
  double b = 2.0 * UNITS_PI * (doy - 1.0) / 365.0;
  double e0 = 1.000110 + 0.034221 * cos(b) + 0.001280 * sin(b)
              + 0.000719 * cos(2.0 * b) + 0.000077 * sin(2.0 * b);
  return IRR_SOLAR_CONSTANT_WM2 * e0;
}

double irr_airmass_relative(double zenith_deg)
{
  if (!(zenith_deg < 90.0))
    return NAN;
  return 1.0 / (cos(deg2rad(zenith_deg))
                + 0.50572 * pow(96.07995 - zenith_deg, -1.6364));
}

double irr_airmass_relative_cos(double zenith_deg, double cos_zenith)
{
  return irr_airmass_relative_cos_inline(zenith_deg, cos_zenith);
}

double irr_airmass_absolute(double am_rel, double pressure_pa)
{
  return irr_airmass_absolute_inline(am_rel, pressure_pa);
}

double irr_cos_aoi(double tilt_deg, double surf_az_deg, double zenith_deg,
                   double sun_az_deg)
{
  double t = deg2rad(tilt_deg);
  double z = deg2rad(zenith_deg);
  double c = cos(z) * cos(t)
             + sin(z) * sin(t) * cos(deg2rad(sun_az_deg - surf_az_deg));
  /* Rounding can push the dot product of two unit vectors just past 1. */
  if (c > 1.0)
    c = 1.0;
  else if (c < -1.0)
    c = -1.0;
  return c;
}

/* Transmittance of the cover at incidence theta_rad > 0 (De Soto et al.
 * 2006 eq. 14): absorption along the refracted path times one minus the
 * mean of the s- and p-polarised Fresnel reflectances. */
static double cover_transmittance(double theta_rad, double n, double kl)
{
  double theta_r = asin(sin(theta_rad) / n); /* Snell, from air */
  double dm = theta_r - theta_rad;
  double dp = theta_r + theta_rad;
  double sm = sin(dm), sp = sin(dp), tm = tan(dm), tp = tan(dp);
  double refl = 0.5 * ((sm * sm) / (sp * sp) + (tm * tm) / (tp * tp));
  return exp(-kl / cos(theta_r)) * (1.0 - refl);
}

double irr_iam_physical(double aoi_deg, double n, double k_per_m, double l_m)
{
  double a = fabs(aoi_deg);
  double kl = k_per_m * l_m;
  if (!(a < 90.0))
    return 0.0;
  /* The Fresnel ratios are 0/0 at normal incidence; below 1e-6 deg the
   * modifier differs from 1 by less than 1e-15. */
  if (a < 1e-6)
    return 1.0;
  double r0 = (n - 1.0) / (n + 1.0);
  double tau0 = exp(-kl) * (1.0 - r0 * r0);
  double iam = cover_transmittance(deg2rad(a), n, kl) / tau0;
  if (iam < 0.0)
    iam = 0.0;
  else if (iam > 1.0)
    iam = 1.0;
  return iam;
}

double irr_iam_physical_cos(double cos_aoi, double n, double k_per_m, double l_m)
{
  if (!(cos_aoi > 0.0))
    return 0.0;
  if (cos_aoi >= 1.0)
    return 1.0;
  double c = cos_aoi;
  double sin2_r = (1.0 - c * c) / (n * n);      /* Snell: sin(r) = sin(i) / n */
  double cr = sqrt(1.0 - sin2_r);
  double rs = (c - n * cr) / (c + n * cr);      /* s-polarised amplitude */
  double rp = (cr - n * c) / (cr + n * c);      /* p-polarised amplitude */
  double refl = 0.5 * (rs * rs + rp * rp);
  double r0 = (n - 1.0) / (n + 1.0);
  /* The path through the glass grows as 1 / cos(r): relative to normal
   * incidence, absorption adds exp(-K L (1/cr - 1)). */
  double x = -k_per_m * l_m * (1.0 / cr - 1.0);
  /* A 2 mm cover (K L = 0.008) gives |x| < 0.003: there the series to x^7
   * is exp() to rounding (next term x^8 / 40320 < 1e-24). */
  double absorb = fabs(x) < 0.01
                      ? 1.0 + x * (1.0 + x / 2.0 * (1.0 + x / 3.0 * (1.0 + x / 4.0 *
                                   (1.0 + x / 5.0 * (1.0 + x / 6.0 * (1.0 + x / 7.0))))))
                      : exp(x);
  double iam = absorb * (1.0 - refl) / (1.0 - r0 * r0);
  return iam < 0.0 ? 0.0 : iam > 1.0 ? 1.0 : iam;
}

void irr_iam_cover_init(struct irr_iam_cover *cv, double n, double k_per_m, double l_m)
{
  const double r0 = (n - 1.0) / (n + 1.0);
  cv->n = n;
  cv->inv_n2 = 1.0 / (n * n);
  cv->neg_kl = -k_per_m * l_m;
  cv->inv_norm = 1.0 / (1.0 - r0 * r0);
}

double irr_cos_aoi_trig(double cos_tilt, double sin_tilt, double surf_az_deg,
                        double cos_zenith, double sin_zenith, double sun_az_deg)
{
  double c = cos_zenith * cos_tilt +
             sin_zenith * sin_tilt * cos(deg2rad(sun_az_deg - surf_az_deg));
  return c > 1.0 ? 1.0 : c < -1.0 ? -1.0 : c;
}
