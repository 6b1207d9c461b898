/* Splitting global horizontal irradiance into beam and diffuse when a
 * profile has GHI only: Erbs, Klein and Duffie (1982), "Estimation of the
 * diffuse radiation fraction for hourly, daily and monthly-average global
 * radiation", Solar Energy 28(4), 293-302. */
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

#endif
