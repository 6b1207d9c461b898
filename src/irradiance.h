/* Irradiance helpers shared by the transposition and PV models: the sun's
 * extraterrestrial irradiance, air mass and the angle of incidence on a
 * tilted plane. Sources are named at each function. */
#ifndef RENEWCALC_IRRADIANCE_H
#define RENEWCALC_IRRADIANCE_H

#include <math.h>
#include <stdint.h>
#include <string.h>

/* Solar constant [W/m2], the value NREL SAM's irradiance code uses. */
#define IRR_SOLAR_CONSTANT_WM2 1367.0

/* Extraterrestrial normal irradiance [W/m2] on day of year doy (1..366),
 * Spencer (1971) Fourier series of the Earth-sun distance. Pure. */
double irr_extraterrestrial(double doy);

/* Relative (optical) air mass at sun zenith zenith_deg [deg], Kasten and
 * Young (1989). Returns NAN for zenith_deg >= 90. Pure. */
double irr_airmass_relative(double zenith_deg);

/* The same with the cosine of the zenith given (cos_zenith = cos of
 * zenith_deg, as the caller already has it): one cos() fewer. Pure. */
double irr_airmass_relative_cos(double zenith_deg, double cos_zenith);

/* Absolute (pressure-corrected) air mass: am_rel * pressure_pa / 101325. */
double irr_airmass_absolute(double am_rel, double pressure_pa);

/* irr_airmass_relative_cos() inline, for the hourly passes: the same
 * operations, the same values bit for bit. */
/* x^-1.6364 for x = 6.08..96.08 (Kasten and Young's term) as
 * exp(-1.6364 ln x) with both written out: ln x from x = 2^k m,
 * m in [sqrt(1/2), sqrt(2)), ln m = 2 atanh s, s = (m - 1) / (m + 1),
 * |s| < 0.172, by its series to s^21 (next term under 3e-18); exp y from
 * y = j ln 2 + r, |r| < 0.35, by its series to r^13 (next term 4e-18).
 * Within 3e-15 relative of pow() (ln x < 4.6 carries its rounding into
 * the exponent, as the library's exp(log()) did), in about half the
 * instructions of the two library calls. */
static inline __attribute__((always_inline)) double irr_kasten_young_pow(double x)
{
  const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
  uint64_t bits;
  memcpy(&bits, &x, sizeof bits);
  const int ex = (int)((bits >> 52) & 0x7ff) - 1023;
  bits = (bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL;
  double m1;
  memcpy(&m1, &bits, sizeof m1);
  /* m in [sqrt(1/2), sqrt(2)): selects, not a branch, for the vectorised
   * loops (k is a whole number in a double: exact). */
  const double m = m1 > 1.41421356237309504880 ? m1 * 0.5 : m1;
  const double k = (double)ex + (m1 > 1.41421356237309504880 ? 1.0 : 0.0);
  const double s = (m - 1.0) / (m + 1.0), s2 = s * s;
  const double ln_m =
      2.0 * s *
      (1.0 + s2 * (1.0 / 3 + s2 * (1.0 / 5 + s2 * (1.0 / 7 + s2 * (1.0 / 9 + s2 * (1.0 / 11 +
             s2 * (1.0 / 13 + s2 * (1.0 / 15 + s2 * (1.0 / 17 + s2 * (1.0 / 19 +
             s2 * (1.0 / 21)))))))))));
  const double y = -1.6364 * ((k * ln2_hi + ln_m) + k * ln2_lo);
  /* y is -7.5..-2.9: j = round(y / ln 2) by truncating y / ln 2 - 0.5. */
  const int j = (int)(y * 1.44269504088896340736 - 0.5);
  const double jf = (double)j;
  const double r = (y - jf * ln2_hi) - jf * ln2_lo;
  const double e =
      1.0 + r * (1.0 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 +
            r * (1.0 / 720 + r * (1.0 / 5040 + r * (1.0 / 40320 + r * (1.0 / 362880 +
            r * (1.0 / 3628800 + r * (1.0 / 39916800 + r * (1.0 / 479001600 +
            r * (1.0 / 6227020800.0)))))))))))));
  const uint64_t scale_bits = (uint64_t)((int64_t)j + 1023) << 52;
  double scale;
  memcpy(&scale, &scale_bits, sizeof scale);
  return e * scale;
}

static inline double irr_airmass_relative_cos_inline(double zenith_deg, double cos_zenith)
{
  if (!(zenith_deg < 90.0))
    return NAN;
  const double x = 96.07995 - zenith_deg;
  /* The written-out power covers the sun up (x = 6.08..96.08); a zenith
   * below 0 (not from a sun position) takes the library's. */
  const double p = x <= 97.0 ? irr_kasten_young_pow(x) : exp(-1.6364 * log(x));
  return 1.0 / (cos_zenith + 0.50572 * p);
}

/* irr_airmass_absolute() inline, likewise. */
static inline double irr_airmass_absolute_inline(double am_rel, double pressure_pa)
{
  return am_rel * pressure_pa / 101325.0; /* UNITS_P0_PA */
}

/* Cosine of the angle of incidence of beam light on a plane of tilt
 * tilt_deg (0..90) and azimuth surf_az_deg (clockwise from north), for the
 * sun at zenith_deg and sun_az_deg. May be negative (sun behind the plane).
 * Pure. */
double irr_cos_aoi(double tilt_deg, double surf_az_deg, double zenith_deg,
                   double sun_az_deg);

/* Incidence-angle modifier of a glazed module, transmittance through an
 * air-glass interface relative to normal incidence (De Soto et al. 2006,
 * after Sjerps-Koomen et al. 1996; used by PVWatts v5 for beam light).
 * aoi_deg 0..90 (returns 0 at 90 and beyond); n: glass refractive index
 * (1.526); k_per_m: extinction coefficient (4 /m); l_m: glass thickness
 * (0.002 m). Returns 0..1. Pure. */
double irr_iam_physical(double aoi_deg, double n, double k_per_m, double l_m);

/* The same modifier from the cosine of the angle of incidence, written
 * with Fresnel's equations in cosines (no trigonometric calls): for the
 * hourly chain. cos_aoi <= 0 gives 0. Pure. */
double irr_iam_physical_cos(double cos_aoi, double n, double k_per_m, double l_m);

/* irr_iam_physical_cos() for one cover, its constants worked out once by
 * irr_iam_cover_init(): within 1e-15 of it (the divisions by constants
 * become products), inline for the hourly loops. */
struct irr_iam_cover {
  double n, inv_n2, neg_kl, inv_norm;
};

void irr_iam_cover_init(struct irr_iam_cover *cv, double n, double k_per_m, double l_m);

/* The Fresnel reflection refl of the cover for 0 < c < 1 and the exponent
 * x of its absorption exp(x); no branch. */
static inline void irr_iam_cover_parts(const struct irr_iam_cover *cv, double c, double *refl,
                                       double *x)
{
  const double n = cv->n;
  const double cr = sqrt(1.0 - (1.0 - c * c) * cv->inv_n2); /* cos of the refracted ray */
  const double ncr = n * cr, nc = n * c;
  const double rs = (c - ncr) / (c + ncr), rp = (cr - nc) / (cr + nc);
  *refl = 0.5 * (rs * rs + rp * rp);
  *x = cv->neg_kl * (1.0 / cr - 1.0);
}

/* exp(x) by its series, while |x| < IRR_IAM_SERIES_X (next term
 * x^7 / 5040 < 2e-18): any real cover, PVWatts' glass reaches 0.0026. */
#define IRR_IAM_SERIES_X 0.01
static inline double irr_iam_absorb_series(double x)
{
  return 1.0 + x * (1.0 + x * (0.5 + x * (1.0 / 6.0 + x * (1.0 / 24.0 +
                                                       x * (1.0 / 120.0 + x * (1.0 / 720.0))))));
}

static inline double irr_iam_cover_value(const struct irr_iam_cover *cv, double refl,
                                         double absorb)
{
  const double iam = absorb * (1.0 - refl) * cv->inv_norm;
  return iam < 0.0 ? 0.0 : iam > 1.0 ? 1.0 : iam;
}

static inline double irr_iam_cover_cos(const struct irr_iam_cover *cv, double c)
{
  if (!(c > 0.0))
    return 0.0;
  if (c >= 1.0)
    return 1.0;
  double refl, x;
  irr_iam_cover_parts(cv, c, &refl, &x);
  return irr_iam_cover_value(
      cv, refl, fabs(x) < IRR_IAM_SERIES_X ? irr_iam_absorb_series(x) : exp(x));
}

/* irr_iam_cover_cos() without a branch or a call, for the vectorised
 * loops: the same value wherever the absorption's series holds, which is
 * wherever *x_abs, the magnitude of its exponent, is under
 * IRR_IAM_SERIES_X (the caller takes irr_iam_cover_cos() for the others;
 * a flag here instead of the magnitude would stop the loops from
 * vectorising). */
static inline double irr_iam_cover_cos_select(const struct irr_iam_cover *cv, double c,
                                              double *x_abs)
{
  double refl, x;
  irr_iam_cover_parts(cv, c, &refl, &x);
  const double v = irr_iam_cover_value(cv, refl, irr_iam_absorb_series(x));
  *x_abs = fabs(x);
  return !(c > 0.0) ? 0.0 : c >= 1.0 ? 1.0 : v;
}

/* cos of the angle of incidence from precomputed cosines and sines of the
 * plane's tilt and of the sun's zenith: cos z cos t + sin z sin t
 * cos(sun_az - surf_az), clamped to -1..1. Pure. */
double irr_cos_aoi_trig(double cos_tilt, double sin_tilt, double surf_az_deg,
                        double cos_zenith, double sin_zenith, double sun_az_deg);

#endif
