/* Clear-sky irradiance: Ineichen and Perez (2002), "A new airmass
 * independent formulation for the Linke turbidity coefficient", Solar Energy
 * 73(3), 151-157, with the global and beam formulas of that paper. */
#ifndef RENEWCALC_CLEARSKY_H
#define RENEWCALC_CLEARSKY_H

/* Clear-sky GHI, DNI and DHI [W/m2] (all >= 0; 0 when the sun is down).
 * zenith_deg: apparent sun zenith; am_abs: absolute air mass (pressure
 * corrected; ignored when zenith_deg >= 90); linke: Linke turbidity at air
 * mass 2, 1.5..8; elevation_m [m]; dni_extra [W/m2]. Pure. */
void clearsky_ineichen(double zenith_deg, double am_abs, double linke,
                       double elevation_m, double dni_extra,
                       double *ghi, double *dni, double *dhi);

/* The global part of clearsky_ineichen() with its per-site factors
 * computed once (clearsky_ineichen_init()) instead of at every call: four
 * exp() fewer an hour. Plain value, nothing to free. */
struct clearsky_ineichen_site {
  double cg1;     /* altitude coefficient cg1 [-] */
  double neg_cg2; /* -cg2 [-] */
  double tl;      /* fh1 + fh2 (linke - 1) [-] */
};

/* Fills *c for linke 1.5..8 and elevation_m [m], as clearsky_ineichen()
 * takes them. Pure. */
void clearsky_ineichen_init(struct clearsky_ineichen_site *c, double linke,
                            double elevation_m);

/* Clear-sky GHI [W/m2] >= 0 for the sun above the horizon at cos_zenith
 * (0..1] with absolute air mass am_abs > 0 and dni_extra [W/m2]: the ghi of
 * clearsky_ineichen() for the zenith whose cosine cos_zenith is, bit for
 * bit when cos_zenith is cos(zenith_deg in radians). Pure. */
double clearsky_ineichen_ghi(const struct clearsky_ineichen_site *c, double cos_zenith,
                             double am_abs, double dni_extra);

/* A lower bound [W/m2] of clearsky_ineichen_ghi() without exp(), from
 * exp(-x) >= 1 - x, by a relative margin of x^2 / 2 - x^3 / 6 (x = the
 * extinction exponent, 0.03..2 for any Linke turbidity and air mass); may
 * be negative. For skipping the exact value when a test against the bound
 * already decides. Pure. */
static inline double clearsky_ineichen_ghi_lower(const struct clearsky_ineichen_site *c,
                                                 double cos_zenith, double am_abs,
                                                 double dni_extra)
{
  return c->cg1 * dni_extra * cos_zenith * (1.0 + c->neg_cg2 * am_abs * c->tl);
}

#endif
