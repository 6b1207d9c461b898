/* Splitting global horizontal irradiance into beam and diffuse when a
 * profile has GHI only: Erbs, Klein and Duffie (1982), "Estimation of the
 * diffuse radiation fraction for hourly, daily and monthly-average global
 * radiation", Solar Energy 28(4), 293-302; and DISC, E. L. Maxwell, "A
 * quasi-physical model for converting hourly global horizontal to direct
 * normal insolation", SERI/TR-215-3087, Solar Energy Research Institute,
 * Golden CO, 1987. */
#ifndef RENEWCALC_DECOMPOSE_H
#define RENEWCALC_DECOMPOSE_H

/* Erbs decomposition for one interval.
 * ghi [W/m2] >= 0; zenith_deg: sun zenith; dni_extra [W/m2]: extraterrestrial
 * normal irradiance. Writes *dni and *dhi [W/m2], both >= 0, with
 * dhi + dni cos(zenith) = ghi. Zenith above 87 deg: all diffuse (the
 * clearness index is meaningless near the horizon, as pvlib's
 * max_zenith default does). Pure. */
void decompose_erbs(double ghi, double zenith_deg, double dni_extra,
                    double *dni, double *dhi);

/* DISC decomposition for one interval (Maxwell 1987): the beam clearness
 * Kn = DNI / dni_extra from the clearness index kt = GHI / (dni_extra cos z)
 * and the absolute air mass (Kasten 1966 relative air mass times
 * pressure_pa / 101325, capped at 12), Kn = Knc(AM) - (a + b exp(c AM))
 * with Maxwell's polynomials in kt (two branches at kt = 0.6).
 * ghi [W/m2] >= 0; zenith_deg: sun zenith; dni_extra [W/m2]:
 * extraterrestrial normal irradiance (Maxwell's worksheet and pvlib use a
 * solar constant of 1370 W/m2; pass whatever the rest of the chain uses);
 * pressure_pa [Pa] > 0 (101325 when unknown). Writes *dni and *dhi
 * [W/m2], both >= 0, with dhi + dni cos(zenith) = ghi: DNI is floored at 0
 * and capped at ghi / cos z. Zenith above 87 deg: all diffuse, as for
 * decompose_erbs(). kt uses max(cos z, 0.065) and is clipped to 0..1, as in
 * pvlib's disc. Pure. */
void decompose_disc(double ghi, double zenith_deg, double dni_extra,
                    double pressure_pa, double *dni, double *dhi);

#endif
