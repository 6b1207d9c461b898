/* Synthetic hourly solar profile from monthly means: a clear-sky day shape
 * scaled so that each month's mean daily irradiation equals the target, with
 * seeded day-to-day variability, Erbs decomposition for beam and diffuse,
 * and a diurnal temperature cycle around the monthly mean. Used where no
 * measured or satellite profile may be shipped, and by benchmarks. */
#ifndef RENEWCALC_SYNTH_H
#define RENEWCALC_SYNTH_H

#include <stdint.h>

struct profile;

struct synth_spec {
  double latitude, longitude;   /* [deg] */
  double elevation_m;           /* [m] */
  double utc_offset_h;          /* local standard time of the output labels */
  int year;                     /* calendar year of the series, 1900..2100 */
  double ghi_kwh_m2_day[12];    /* monthly mean daily GHI [kWh/m2/day] > 0 */
  double temp_c[12];            /* monthly mean air temperature [degC] */
  double temp_range_c[12];      /* monthly mean daily max - min [degC] >= 0 */
  double wind_m_s[12];          /* monthly mean wind speed [m/s] >= 0 */
  double linke[12];             /* Linke turbidity by month, 1.5..8 */
  double variability;           /* day-to-day spread of the daily clearness
                                   ratio, 0 (every day alike) .. 1 */
  uint64_t seed;                /* for the gsl_rng; same seed, same profile */
  char source[512];             /* where the monthly means come from */
};

/* Hourly profile (interval start UTC, 8760 or 8784 rows for the year) with
 * ghi, dni, dhi, temp_air, wind_speed and pressure (from elevation).
 * Returns NULL when out of memory, or when a month's target exceeds its
 * clear-sky irradiation (see synth_clearsky_monthly(); synth_cfg_read()
 * rejects such files). The caller frees it with profile_free().
 * Deterministic for a given spec. The method is described in synth.c. */
struct profile *synth_profile(const struct synth_spec *spec);

/* Monthly mean daily clear-sky GHI [kWh/m2/day] at the spec's site, year
 * and Linke turbidity (the ghi_kwh_m2_day, seed and variability fields are
 * not used): the largest target synth_profile() can meet. Fills
 * out_kwh_m2_day[12]. Returns 0, or -1 when out of memory. */
int synth_clearsky_monthly(const struct synth_spec *spec, double out_kwh_m2_day[12]);

#endif
