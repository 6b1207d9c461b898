/* Synthetic hourly solar profile from monthly means: daily clearness indices
 * from the Markov transition matrices of Aguiar, Collares-Pereira and Conde
 * (1988), hourly clearness indices within each day from the TAG model of
 * Aguiar and Collares-Pereira (1992), bounded by the Ineichen-Perez clear
 * sky and rescaled so that each month's mean daily irradiation equals the
 * target; Erbs decomposition for beam and diffuse, and a diurnal
 * temperature cycle around the monthly mean. Used where no measured or
 * satellite profile may be shipped, and by benchmarks. The method is
 * described in synth.c. */
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
  double variability;           /* share of the published day-to-day and
                                   hour-to-hour spread of the clearness
                                   index: 0 (every day alike, hours on the
                                   TAG mean) .. 1 (as published) */
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

/* ---- model pieces, exposed for tests and for other generators --------- */

/* Number of matrices in the library and of states in each. */
#define SYNTH_MTM_COUNT 10
#define SYNTH_MTM_STATES 10

/* Index 0..9 of the library matrix for a monthly mean clearness index
 * kt_month (Kt <= 0.30, 0.30 < Kt <= 0.35, ..., Kt > 0.70). Pure. */
int synth_mtm_index(double kt_month);

/* Matrix `index` (0..9) of the library: returns its 10 x 10 transition
 * probabilities, row-major (row = today's state, column = tomorrow's), and
 * writes the range of daily Kt it spans, split into 10 equal states.
 * Static data; do not free. */
const double *synth_mtm_matrix(int index, double *kt_min, double *kt_max);

/* Tomorrow's daily clearness index from today's kt_prev under matrix
 * `index`, for a uniform deviate u in [0, 1): the state is drawn from
 * today's row and the value placed within it by the position of u inside
 * the state's share of the row (Aguiar et al. 1988). Pure. */
double synth_mtm_next(int index, double kt_prev, double u);

/* TAG (Aguiar and Collares-Pereira 1992): mean hourly clearness index
 * ktm = lambda + eps exp(-kappa / sin alt) for daily clearness index kt_day
 * (0..1) and sine of the sun elevation sin_alt (0..1]. Pure. */
double synth_tag_mean_kt(double kt_day, double sin_alt);

/* TAG standard deviation of the hourly clearness index,
 * sigma = A exp(B (1 - sin alt)). Pure. */
double synth_tag_sigma(double kt_day, double sin_alt);

/* TAG lag-one autocorrelation of the normalised hourly clearness index,
 * phi1 = 0.38 + 0.06 cos(7.4 Kt - 2.5). Pure. */
double synth_tag_phi(double kt_day);

#endif
