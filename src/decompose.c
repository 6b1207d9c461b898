/* Erbs, Klein and Duffie (1982) diffuse fraction, hourly correlation
 * (Solar Energy 28(4), 293-302, eq. 1). */
#include "decompose.h"

#include <math.h>

#include "units.h"

/* Above this zenith the clearness index is dominated by the cos z
 * denominator, so the hour is treated as all diffuse. */
#define DECOMPOSE_MAX_ZENITH_DEG 87.0

static double erbs_diffuse_fraction(double kt)
{
  if (kt <= 0.22)
    return 1.0 - 0.09 * kt;
  if (kt <= 0.80)
    return 0.9511 + kt * (-0.1604 + kt * (4.388 + kt * (-16.638
                                                        + kt * 12.336)));
  return 0.165;
}

void decompose_erbs(double ghi, double zenith_deg, double dni_extra,
                    double *dni, double *dhi)
{
  double g = fmax(0.0, ghi);
  if (!(zenith_deg <= DECOMPOSE_MAX_ZENITH_DEG) || !(dni_extra > 0.0)) {
    *dni = 0.0;
    *dhi = g;
    return;
  }
  double cos_z = cos(deg2rad(zenith_deg));
  double kt = g / (dni_extra * cos_z);
  if (kt > 1.0)
    kt = 1.0;
  double kd = erbs_diffuse_fraction(kt);
  /* kd stays within 0.165..1 over kt in 0..1, so both parts are >= 0. */
  *dhi = kd * g;
  *dni = (g - *dhi) / cos_z;
}
