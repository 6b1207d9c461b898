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

#endif
