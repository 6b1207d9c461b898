/* Erbs, Klein and Duffie (1982) diffuse fraction, hourly correlation
 * (Solar Energy 28(4), 293-302, eq. 1), and Maxwell's DISC model
 * (SERI/TR-215-3087, 1987; coefficients as in the report's Table and
 * NREL's DISC worksheet, the form pvlib's irradiance.disc implements). */
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

/* Floor of cos z in the DISC clearness index (pvlib's min_cos_zenith,
 * about 86.3 deg), which keeps kt finite near the cut-off. */
#define DISC_MIN_COS_ZENITH 0.065
/* Air mass above which Maxwell's fit was not made; pvlib caps it here. */
#define DISC_MAX_AIRMASS 12.0

/* Kasten (1966) relative air mass, the one Maxwell used:
 * 1 / (cos z + 0.15 (93.885 - z)^-1.253), z in degrees. */
static double kasten1966_airmass(double zenith_deg)
{
  return 1.0 / (cos(deg2rad(zenith_deg))
                + 0.15 * pow(93.885 - zenith_deg, -1.253));
}

/* Maxwell (1987) beam clearness Kn for clearness index kt and air mass am. */
static double disc_kn(double kt, double am)
{
  double a, b, c;
  if (kt <= 0.6) {
    a = 0.512 + kt * (-1.56 + kt * (2.286 - 2.222 * kt));
    b = 0.37 + 0.962 * kt;
    c = -0.28 + kt * (0.932 - 2.048 * kt);
  } else {
    a = -5.743 + kt * (21.77 + kt * (-27.49 + 11.56 * kt));
    b = 41.4 + kt * (-118.5 + kt * (66.05 + 31.9 * kt));
    c = -47.01 + kt * (184.2 + kt * (-222.0 + 73.81 * kt));
  }
  double knc = 0.866 + am * (-0.122 + am * (0.0121
                                            + am * (-0.000653 + am * 0.000014)));
  return knc - (a + b * exp(c * am));
}

void decompose_disc(double ghi, double zenith_deg, double dni_extra,
                    double pressure_pa, double *dni, double *dhi)
{
  double g = fmax(0.0, ghi);
  if (!(zenith_deg <= DECOMPOSE_MAX_ZENITH_DEG) || !(dni_extra > 0.0)
      || !(g > 0.0) || !(pressure_pa > 0.0)) {
    *dni = 0.0;
    *dhi = g;
    return;
  }
  double cos_z = cos(deg2rad(zenith_deg));
  double kt = fmin(1.0, g / (dni_extra * fmax(cos_z, DISC_MIN_COS_ZENITH)));
  double am = fmin(DISC_MAX_AIRMASS,
                   kasten1966_airmass(zenith_deg) * pressure_pa / UNITS_P0_PA);
  double b = fmax(0.0, disc_kn(kt, am) * dni_extra);
  /* The fit is not built to close with GHI; a beam above GHI / cos z would
   * need a negative diffuse part, so the split gives all of GHI to beam. */
  if (b * cos_z > g)
    b = g / cos_z;
  *dni = b;
  *dhi = fmax(0.0, g - b * cos_z);
}
