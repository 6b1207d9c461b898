/* Wind resource physics: vertical extrapolation, air density, Weibull
 * statistics and annual energy from a distribution. Pure. */
#ifndef RENEWCALC_WIND_H
#define RENEWCALC_WIND_H

#include <stddef.h>

#include "turbine.h"

/* Speed at h_m from v_ref at h_ref_m by the power law, alpha 0..1. */
double wind_shear_power(double v_ref_ms, double h_ref_m, double h_m, double alpha);
/* Speed at h_m from v_ref at h_ref_m by the log law, roughness z0_m > 0. */
double wind_shear_log(double v_ref_ms, double h_ref_m, double h_m, double z0_m);
/* Shear exponent fitted from two heights (v1 at h1, v2 at h2, h1 != h2,
 * speeds > 0): ln(v2/v1)/ln(h2/h1). */
double wind_shear_alpha(double v1_ms, double h1_m, double v2_ms, double h2_m);

/* Air density [kg/m3] from temperature [degC] and pressure [Pa] (dry air,
 * R = 287.05 J/(kg K)). */
double wind_air_density(double temp_c, double pressure_pa);
/* Standard-atmosphere pressure [Pa] at elevation_m and temperature at that
 * height [degC] for sites whose profile has no pressure (ISO 2533). */
double wind_pressure_at_elevation(double elevation_m);
double wind_temperature_at_elevation(double elevation_m);

/* Weibull maximum-likelihood fit of speeds v[n] (zeros skipped: the
 * likelihood needs v > 0): shape *k and scale *c [m/s]. Returns 0, or -1
 * when fewer than 2 positive values or the solver fails. */
int wind_weibull_fit(const double *v, size_t n, double *k, double *c);

/* Annual energy [MWh] of one turbine for Weibull(k, c) at hub height, air
 * density rho, correction mode, over hours_per_year (8760): numerical
 * integration (GSL QAGS or a fine quadrature; documented). */
double wind_aep_weibull(const struct turbine *t, double k, double c, double rho,
                        enum turbine_density mode, double hours_per_year);

/* Annual energy [MWh] by the IEC 61400-12-1 bin method: 0.5 m/s bins
 * centred on multiples of 0.5 m/s, bin probabilities from the Rayleigh
 * distribution with mean v_mean_ms (k = 2), the curve's power at the bin
 * centres; hours_per_year hours. Pure. */
double wind_aep_iec_rayleigh(const struct turbine *t, double v_mean_ms, double rho,
                             enum turbine_density mode, double hours_per_year);

/* Weibull scale c [m/s] for shape k and mean speed v_mean: v_mean / Gamma(1 + 1/k). */
double wind_weibull_scale_from_mean(double k, double v_mean_ms);

#endif
