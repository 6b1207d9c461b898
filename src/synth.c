/* Synthetic hourly profile from monthly means.
 *
 * Method, hour by hour over the calendar year in local standard time
 * (interval start, 3600 s, 8760 or 8784 rows):
 *
 * 1. Sun: the NREL SPA position at the middle of the part of the hour when
 *    the sun is up (solar_interval_position_site), refraction from the
 *    hour's synthetic temperature and the site pressure; the time part
 *    interpolated between exact nodes 1.5 days apart (solar.h: within
 *    3e-7 deg of SPA in zenith), some 20 times cheaper than the exact SPA
 *    every hour.
 * 2. Bounds: the extraterrestrial irradiance on the horizontal H0 and the
 *    Ineichen-Perez clear-sky GHI with the month's Linke turbidity and the
 *    absolute (Kasten-Young, pressure-corrected) air mass, both times the
 *    sun-up fraction of the hour so that they are interval means.
 * 3. Daily clearness index Kt = GHI_day / H0_day: the month's mean
 *    Kt_m = target / H0 selects one of the ten Markov transition matrices
 *    of Aguiar, Collares-Pereira and Conde (1988) (the library of
 *    "MTM"s; the matrix for Kt_m in (0.50, 0.55] is used for
 *    0.50 < Kt_m <= 0.55, and so on). Each matrix spans its own range
 *    Kt_min..Kt_max in ten equal states; tomorrow's state is drawn from the
 *    row of today's state with a uniform deviate u, and the value placed
 *    linearly within the state by where u falls in the state's share of
 *    the row (the interpolation of the paper). Rows are normalised by their
 *    sum, which the paper prints rounded to three decimals. The chain runs
 *    on across month ends (today's value picks the row of the new month's
 *    matrix). The day's Kt is then Kt_m + variability (Kt_chain - Kt_m),
 *    within SYNTH_KT_DAY_MIN..SYNTH_KT_DAY_MAX.
 * 4. Hourly clearness index kt = GHI / H0 within each day: the TAG model
 *    of Aguiar and Collares-Pereira (1992), kt = ktm(Kt, alt) +
 *    variability sigma(Kt, alt) y, where the normalised y follows an AR(1)
 *    process y_h = phi1 y_{h-1} + sqrt(1 - phi1^2) e_h with standard
 *    Gaussian e_h (so y is standard Gaussian, started from one at the
 *    first sun-up hour of the day). The Gaussian is truncated to
 *    0 <= kt <= kt_cs (the clear-sky clearness index of the hour) by
 *    drawing e_h again, up to SYNTH_TAG_DRAWS times, then clamping.
 * 5. The day's hours are scaled so that their sum is Kt H0_day, and each
 *    kept at or below clear sky.
 * 6. Monthly target: within each month the hours below clear sky are
 *    scaled by one factor, again and again as hours reach clear sky, until
 *    the month's mean daily GHI equals the target to rounding (the final
 *    rescale, which also absorbs the difference between the matrix
 *    library's stationary mean and Kt_m). GHI never exceeds clear sky, and
 *    so never the extraterrestrial horizontal value; a target above the
 *    month's clear-sky irradiation cannot be met.
 * 7. Beam and diffuse: Erbs decomposition of each hour's GHI.
 * 8. Temperature: the monthly mean plus a diurnal cycle of amplitude
 *    range/2, a rising half cosine from the minimum at sunrise to the
 *    maximum SYNTH_TMAX_AFTER_NOON_H after solar noon (about 14:30 local)
 *    and a falling one back to the next sunrise; both halves average to
 *    zero, so the monthly mean is kept.
 * 9. Wind speed: the monthly mean, constant through the day.
 * 10. Pressure: from the elevation by the standard-atmosphere barometric
 *    formula p = 101325 (1 - 2.25577e-5 h)^5.25588 Pa (ICAO 1993 standard
 *    atmosphere, troposphere).
 * Random numbers: one gsl_rng_mt19937 seeded with spec->seed, drawn in a
 * fixed order, so the same spec gives the same profile.
 *
 * Sources: R. Aguiar, M. Collares-Pereira and J. P. Conde, "Simple
 * procedure for generating sequences of daily radiation values using a
 * library of Markov transition matrices", Solar Energy 40(3), 269-279,
 * 1988 (matrix library as transcribed in J. Susanto's synthetic-solar,
 * github.com/susantoj/synthetic-solar, synth_solar.py, 2014, and
 * identically in a second open transcription); R. Aguiar and
 * M. Collares-Pereira, "TAG: a time-dependent, autoregressive, Gaussian
 * model for generating synthetic hourly radiation", Solar Energy 49(3),
 * 167-174, 1992 (ktm, sigma and phi1 parametrisations); Ineichen and Perez
 * (2002), Solar Energy 73(3) 151-157 (in clearsky.c); Erbs, Klein and
 * Duffie (1982) (in decompose.c); Reda and Andreas, NREL/TP-560-34302 (in
 * solar.c). */
#include "synth.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "clearsky.h"
#include "decompose.h"
#include "irradiance.h"
#include "profile.h"
#include "solar.h"
#include "units.h"

/* Bounds of the daily clearness index fed to TAG, inside the range its
 * parametrisations were fitted on. */
#define SYNTH_KT_DAY_MIN 0.03
#define SYNTH_KT_DAY_MAX 0.85
/* Redraws of a TAG innovation that leaves 0..kt_cs before clamping. */
#define SYNTH_TAG_DRAWS 10
/* Passes of the monthly rescale; each pass fixes at least one more hour
 * at clear sky or ends, and a month has at most 744 hours. */
#define SYNTH_FIT_PASSES 800
/* Hours after solar noon of the daily temperature maximum. */
#define SYNTH_TMAX_AFTER_NOON_H 2.5

/* Aguiar, Collares-Pereira and Conde (1988): upper edges of the
 * monthly-Kt classes of the library (the last class is open). */
static const double mtm_class_edge[SYNTH_MTM_COUNT - 1] = {
  0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70
};
/* Range of daily Kt of each matrix. */
static const double mtm_kt_min[SYNTH_MTM_COUNT] = {
  0.031, 0.058, 0.051, 0.052, 0.028, 0.053, 0.044, 0.085, 0.010, 0.319
};
static const double mtm_kt_max[SYNTH_MTM_COUNT] = {
  0.705, 0.694, 0.753, 0.753, 0.807, 0.856, 0.818, 0.846, 0.842, 0.865
};
/* The matrices, [class][today's state][tomorrow's state]. */
static const double mtm_p[SYNTH_MTM_COUNT][SYNTH_MTM_STATES][SYNTH_MTM_STATES] = {
  { /* Kt_m <= 0.30 */
    {0.229, 0.333, 0.208, 0.042, 0.083, 0.042, 0.042, 0.021, 0.000, 0.000},
    {0.167, 0.319, 0.194, 0.139, 0.097, 0.028, 0.042, 0.000, 0.014, 0.000},
    {0.250, 0.250, 0.091, 0.136, 0.091, 0.046, 0.046, 0.023, 0.068, 0.000},
    {0.158, 0.237, 0.158, 0.263, 0.026, 0.053, 0.079, 0.026, 0.000, 0.000},
    {0.211, 0.053, 0.211, 0.158, 0.053, 0.053, 0.158, 0.105, 0.000, 0.000},
    {0.125, 0.125, 0.250, 0.188, 0.063, 0.125, 0.000, 0.125, 0.000, 0.000},
    {0.040, 0.240, 0.080, 0.120, 0.080, 0.080, 0.120, 0.120, 0.080, 0.040},
    {0.000, 0.250, 0.000, 0.125, 0.000, 0.125, 0.125, 0.250, 0.063, 0.063},
    {0.000, 0.250, 0.000, 0.125, 0.250, 0.000, 0.250, 0.000, 0.000, 0.125},
    {0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.500, 0.250, 0.000, 0.250},
  },
  { /* 0.30 < Kt_m <= 0.35 */
    {0.000, 0.000, 0.091, 0.000, 0.364, 0.091, 0.182, 0.000, 0.273, 0.000},
    {0.118, 0.118, 0.176, 0.118, 0.059, 0.118, 0.176, 0.059, 0.059, 0.000},
    {0.067, 0.267, 0.067, 0.200, 0.067, 0.000, 0.133, 0.133, 0.000, 0.067},
    {0.118, 0.235, 0.000, 0.235, 0.059, 0.176, 0.118, 0.000, 0.059, 0.000},
    {0.077, 0.154, 0.308, 0.077, 0.154, 0.077, 0.000, 0.077, 0.077, 0.000},
    {0.083, 0.000, 0.167, 0.250, 0.083, 0.167, 0.000, 0.083, 0.167, 0.000},
    {0.222, 0.222, 0.000, 0.111, 0.111, 0.000, 0.111, 0.222, 0.000, 0.000},
    {0.091, 0.182, 0.273, 0.000, 0.091, 0.273, 0.000, 0.091, 0.000, 0.000},
    {0.111, 0.111, 0.111, 0.222, 0.000, 0.000, 0.000, 0.222, 0.111, 0.111},
    {0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.500, 0.000, 0.000, 0.500},
  },
  { /* 0.35 < Kt_m <= 0.40 */
    {0.206, 0.088, 0.176, 0.176, 0.088, 0.029, 0.176, 0.029, 0.029, 0.000},
    {0.120, 0.100, 0.140, 0.160, 0.120, 0.220, 0.100, 0.000, 0.020, 0.020},
    {0.077, 0.123, 0.185, 0.123, 0.077, 0.139, 0.092, 0.123, 0.061, 0.000},
    {0.048, 0.111, 0.095, 0.206, 0.206, 0.190, 0.095, 0.048, 0.000, 0.000},
    {0.059, 0.137, 0.118, 0.137, 0.098, 0.118, 0.118, 0.157, 0.059, 0.000},
    {0.014, 0.097, 0.139, 0.153, 0.125, 0.139, 0.208, 0.056, 0.042, 0.028},
    {0.073, 0.101, 0.116, 0.145, 0.087, 0.159, 0.203, 0.087, 0.029, 0.000},
    {0.019, 0.037, 0.111, 0.056, 0.074, 0.111, 0.185, 0.296, 0.074, 0.037},
    {0.035, 0.069, 0.035, 0.000, 0.035, 0.103, 0.172, 0.138, 0.379, 0.035},
    {0.000, 0.167, 0.167, 0.000, 0.167, 0.000, 0.000, 0.333, 0.000, 0.167},
  },
  { /* 0.40 < Kt_m <= 0.45 */
    {0.167, 0.167, 0.167, 0.000, 0.083, 0.125, 0.000, 0.167, 0.125, 0.000},
    {0.117, 0.117, 0.150, 0.117, 0.083, 0.117, 0.200, 0.067, 0.017, 0.017},
    {0.049, 0.085, 0.134, 0.158, 0.098, 0.110, 0.134, 0.134, 0.061, 0.037},
    {0.039, 0.090, 0.141, 0.141, 0.167, 0.141, 0.090, 0.141, 0.039, 0.013},
    {0.009, 0.139, 0.074, 0.093, 0.194, 0.139, 0.167, 0.093, 0.074, 0.019},
    {0.036, 0.018, 0.117, 0.099, 0.144, 0.180, 0.180, 0.117, 0.072, 0.036},
    {0.000, 0.046, 0.061, 0.061, 0.136, 0.159, 0.273, 0.167, 0.098, 0.000},
    {0.016, 0.056, 0.080, 0.128, 0.104, 0.080, 0.160, 0.208, 0.136, 0.032},
    {0.011, 0.053, 0.021, 0.043, 0.128, 0.096, 0.074, 0.223, 0.277, 0.074},
    {0.000, 0.074, 0.037, 0.000, 0.074, 0.074, 0.074, 0.074, 0.333, 0.259},
  },
  { /* 0.45 < Kt_m <= 0.50 */
    {0.120, 0.200, 0.160, 0.120, 0.120, 0.120, 0.080, 0.000, 0.040, 0.040},
    {0.100, 0.080, 0.120, 0.140, 0.140, 0.200, 0.180, 0.040, 0.000, 0.000},
    {0.046, 0.114, 0.068, 0.171, 0.125, 0.171, 0.080, 0.159, 0.057, 0.011},
    {0.015, 0.061, 0.084, 0.099, 0.191, 0.153, 0.153, 0.115, 0.115, 0.015},
    {0.024, 0.030, 0.098, 0.098, 0.165, 0.195, 0.195, 0.140, 0.043, 0.012},
    {0.015, 0.026, 0.062, 0.124, 0.144, 0.170, 0.170, 0.222, 0.062, 0.005},
    {0.000, 0.013, 0.045, 0.108, 0.112, 0.175, 0.188, 0.224, 0.117, 0.018},
    {0.008, 0.023, 0.054, 0.066, 0.093, 0.125, 0.191, 0.253, 0.183, 0.004},
    {0.006, 0.022, 0.061, 0.033, 0.067, 0.083, 0.139, 0.222, 0.322, 0.044},
    {0.000, 0.046, 0.091, 0.091, 0.046, 0.046, 0.136, 0.091, 0.273, 0.182},
  },
  { /* 0.50 < Kt_m <= 0.55 */
    {0.250, 0.179, 0.107, 0.107, 0.143, 0.071, 0.107, 0.036, 0.000, 0.000},
    {0.133, 0.022, 0.089, 0.111, 0.156, 0.178, 0.111, 0.133, 0.067, 0.000},
    {0.064, 0.048, 0.143, 0.048, 0.175, 0.143, 0.206, 0.095, 0.079, 0.000},
    {0.000, 0.022, 0.078, 0.111, 0.156, 0.156, 0.244, 0.167, 0.044, 0.022},
    {0.016, 0.027, 0.037, 0.069, 0.160, 0.219, 0.230, 0.160, 0.075, 0.005},
    {0.013, 0.025, 0.030, 0.093, 0.144, 0.202, 0.215, 0.219, 0.055, 0.004},
    {0.006, 0.041, 0.035, 0.064, 0.090, 0.180, 0.337, 0.192, 0.049, 0.006},
    {0.012, 0.021, 0.029, 0.035, 0.132, 0.123, 0.184, 0.371, 0.082, 0.012},
    {0.008, 0.016, 0.016, 0.024, 0.071, 0.103, 0.159, 0.270, 0.309, 0.024},
    {0.000, 0.000, 0.000, 0.000, 0.059, 0.000, 0.059, 0.294, 0.412, 0.176},
  },
  { /* 0.55 < Kt_m <= 0.60 */
    {0.217, 0.087, 0.000, 0.174, 0.130, 0.087, 0.087, 0.130, 0.087, 0.000},
    {0.026, 0.079, 0.132, 0.079, 0.026, 0.158, 0.158, 0.132, 0.158, 0.053},
    {0.020, 0.020, 0.020, 0.040, 0.160, 0.180, 0.160, 0.200, 0.100, 0.100},
    {0.025, 0.013, 0.038, 0.076, 0.076, 0.139, 0.139, 0.266, 0.215, 0.013},
    {0.030, 0.030, 0.050, 0.020, 0.091, 0.131, 0.162, 0.283, 0.131, 0.071},
    {0.006, 0.006, 0.013, 0.057, 0.057, 0.121, 0.204, 0.287, 0.185, 0.064},
    {0.004, 0.026, 0.037, 0.030, 0.093, 0.107, 0.193, 0.307, 0.167, 0.037},
    {0.011, 0.009, 0.014, 0.042, 0.041, 0.071, 0.152, 0.418, 0.203, 0.041},
    {0.012, 0.022, 0.022, 0.038, 0.019, 0.050, 0.113, 0.281, 0.360, 0.084},
    {0.008, 0.024, 0.039, 0.039, 0.063, 0.039, 0.118, 0.118, 0.284, 0.268},
  },
  { /* 0.60 < Kt_m <= 0.65 */
    {0.067, 0.133, 0.133, 0.067, 0.067, 0.200, 0.133, 0.133, 0.067, 0.000},
    {0.118, 0.059, 0.059, 0.059, 0.059, 0.118, 0.118, 0.235, 0.118, 0.059},
    {0.000, 0.024, 0.024, 0.049, 0.146, 0.073, 0.195, 0.244, 0.195, 0.049},
    {0.026, 0.000, 0.026, 0.026, 0.053, 0.184, 0.263, 0.184, 0.237, 0.000},
    {0.014, 0.000, 0.042, 0.056, 0.069, 0.097, 0.139, 0.306, 0.278, 0.000},
    {0.009, 0.009, 0.052, 0.069, 0.052, 0.112, 0.215, 0.285, 0.138, 0.060},
    {0.009, 0.009, 0.026, 0.017, 0.094, 0.099, 0.232, 0.283, 0.210, 0.021},
    {0.010, 0.014, 0.016, 0.019, 0.027, 0.062, 0.163, 0.467, 0.202, 0.019},
    {0.004, 0.007, 0.031, 0.017, 0.033, 0.050, 0.086, 0.252, 0.469, 0.050},
    {0.000, 0.000, 0.015, 0.046, 0.031, 0.046, 0.077, 0.123, 0.446, 0.215},
  },
  { /* 0.65 < Kt_m <= 0.70 */
    {0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 1.000, 0.000},
    {0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 1.000, 0.000},
    {0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.250, 0.250, 0.500, 0.000},
    {0.000, 0.000, 0.000, 0.000, 0.250, 0.000, 0.000, 0.375, 0.250, 0.125},
    {0.000, 0.000, 0.000, 0.083, 0.000, 0.167, 0.167, 0.250, 0.333, 0.000},
    {0.000, 0.000, 0.042, 0.042, 0.042, 0.083, 0.083, 0.292, 0.292, 0.125},
    {0.000, 0.000, 0.032, 0.000, 0.000, 0.032, 0.129, 0.387, 0.355, 0.065},
    {0.000, 0.000, 0.000, 0.038, 0.038, 0.075, 0.047, 0.340, 0.415, 0.047},
    {0.004, 0.004, 0.007, 0.007, 0.011, 0.030, 0.052, 0.141, 0.654, 0.089},
    {0.000, 0.000, 0.000, 0.000, 0.061, 0.061, 0.030, 0.030, 0.349, 0.470},
  },
  { /* Kt_m > 0.70 */
    {0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 1.000, 0.000},
    {0.100, 0.100, 0.100, 0.100, 0.100, 0.100, 0.100, 0.100, 0.100, 0.100},
    {0.000, 0.000, 0.000, 0.250, 0.000, 0.000, 0.000, 0.500, 0.250, 0.000},
    {0.000, 0.000, 0.143, 0.143, 0.000, 0.143, 0.143, 0.429, 0.000, 0.000},
    {0.000, 0.000, 0.000, 0.200, 0.000, 0.000, 0.200, 0.400, 0.200, 0.000},
    {0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 0.222, 0.444, 0.333, 0.000},
    {0.000, 0.000, 0.000, 0.000, 0.080, 0.080, 0.080, 0.480, 0.240, 0.040},
    {0.000, 0.000, 0.027, 0.009, 0.027, 0.018, 0.135, 0.523, 0.252, 0.009},
    {0.000, 0.000, 0.000, 0.022, 0.000, 0.043, 0.043, 0.326, 0.511, 0.054},
    {0.000, 0.000, 0.000, 0.143, 0.000, 0.000, 0.000, 0.143, 0.714, 0.000},
  },
};

int synth_mtm_index(double kt_month)
{
  int k = 0;
  while (k < SYNTH_MTM_COUNT - 1 && kt_month > mtm_class_edge[k])
    k++;
  return k;
}

const double *synth_mtm_matrix(int index, double *kt_min, double *kt_max)
{
  *kt_min = mtm_kt_min[index];
  *kt_max = mtm_kt_max[index];
  return &mtm_p[index][0][0];
}

double synth_mtm_next(int index, double kt_prev, double u)
{
  const double lo = mtm_kt_min[index];
  const double step = (mtm_kt_max[index] - lo) / SYNTH_MTM_STATES;
  double pos = floor((kt_prev - lo) / step);
  int row = pos < 0.0 ? 0 : pos > SYNTH_MTM_STATES - 1 ? SYNTH_MTM_STATES - 1 : (int)pos;
  const double *p = mtm_p[index][row];
  double sum = 0.0;
  for (int j = 0; j < SYNTH_MTM_STATES; j++)
    sum += p[j];
  const double target = u * sum;
  double cum = 0.0;
  int last = 0;
  for (int j = 0; j < SYNTH_MTM_STATES; j++) {
    if (p[j] <= 0.0)
      continue;
    last = j;
    if (target < cum + p[j])
      return lo + step * (j + (target - cum) / p[j]);
    cum += p[j];
  }
  /* u * sum rounded up to the row sum: the top of the last state. */
  return lo + step * (last + 1);
}

double synth_tag_mean_kt(double kt_day, double sin_alt)
{
  const double lambda = -0.19 + 1.12 * kt_day + 0.24 * exp(-8.0 * kt_day);
  const double eps = 0.32 - 1.6 * (kt_day - 0.5) * (kt_day - 0.5);
  const double kappa = 0.19 + kt_day * kt_day * (2.27 - 2.51 * kt_day);
  return lambda + eps * exp(-kappa / sin_alt);
}

double synth_tag_sigma(double kt_day, double sin_alt)
{
  const double a = 0.14 * exp(-20.0 * (kt_day - 0.35) * (kt_day - 0.35));
  const double b = 3.0 * (kt_day - 0.45) * (kt_day - 0.45)
                   + 16.0 * pow(kt_day, 5.0);
  return a * exp(b * (1.0 - sin_alt));
}

double synth_tag_phi(double kt_day)
{
  return 0.38 + 0.06 * cos(7.4 * kt_day - 2.5);
}

static int is_leap(int y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m0)
{
  static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return len[m0] + (m0 == 1 && is_leap(y));
}

/* Days from 1970-01-01 to 1 January of year y (proleptic Gregorian). */
static int64_t days_to_jan1(int y)
{
  int64_t yy = (int64_t)y - 1;
  return 365 * ((int64_t)y - 1970) + (yy / 4 - yy / 100 + yy / 400)
         - (1969 / 4 - 1969 / 100 + 1969 / 400);
}

static double pressure_from_elevation_pa(double elevation_m)
{
  return UNITS_P0_PA * pow(1.0 - 2.25577e-5 * elevation_m, 5.25588);
}

/* Diurnal shape in -1..1: -1 at sunrise, +1 at t_max, half cosines
 * between. Clock hours, local standard time. */
static double diurnal_shape(double t_h, double sunrise_h, double tmax_h)
{
  while (t_h < sunrise_h)
    t_h += 24.0;
  while (t_h >= sunrise_h + 24.0)
    t_h -= 24.0;
  if (t_h <= tmax_h)
    return -cos(UNITS_PI * (t_h - sunrise_h) / (tmax_h - sunrise_h));
  return cos(UNITS_PI * (t_h - tmax_h) / (sunrise_h + 24.0 - tmax_h));
}

/* Working arrays of one run, allocated once. */
struct work {
  size_t n;         /* hours */
  int n_days;
  int64_t t0_utc;   /* start of the year, local standard time, in UTC */
  int month0[366];  /* month 0..11 of each local day */
  double *cs;       /* clear-sky GHI, interval mean [W/m2] */
  double *h0;       /* extraterrestrial horizontal, interval mean [W/m2] */
  double *zen;      /* zenith at the middle of the sun-up part [deg] */
  double *ext;      /* extraterrestrial normal irradiance [W/m2] */
  double *day_cs;   /* clear-sky irradiation of each day [Wh/m2] */
  double *day_h0;   /* extraterrestrial horizontal irradiation [Wh/m2] */
};

static void work_free(struct work *w)
{
  free(w->cs);
  free(w->h0);
  free(w->zen);
  free(w->ext);
  free(w->day_cs);
  free(w->day_h0);
}

static int work_init(struct work *w, const struct synth_spec *spec)
{
  memset(w, 0, sizeof *w);
  w->n_days = is_leap(spec->year) ? 366 : 365;
  w->n = (size_t)w->n_days * 24;
  w->t0_utc = days_to_jan1(spec->year) * 86400
              - (int64_t)lround(spec->utc_offset_h * UNITS_S_PER_H);
  int d = 0;
  for (int m = 0; m < 12; m++)
    for (int k = 0; k < month_days(spec->year, m); k++)
      w->month0[d++] = m;
  w->cs = malloc(w->n * sizeof *w->cs);
  w->h0 = malloc(w->n * sizeof *w->h0);
  w->zen = malloc(w->n * sizeof *w->zen);
  w->ext = malloc(w->n * sizeof *w->ext);
  w->day_cs = calloc((size_t)w->n_days, sizeof *w->day_cs);
  w->day_h0 = calloc((size_t)w->n_days, sizeof *w->day_h0);
  if (!w->cs || !w->h0 || !w->zen || !w->ext || !w->day_cs || !w->day_h0) {
    work_free(w);
    return -1;
  }
  return 0;
}

/* Sun, clear sky and temperature for every hour. temp may be NULL. */
static void clearsky_pass(const struct synth_spec *spec, struct work *w,
                          double *temp)
{
  const double p_pa = pressure_from_elevation_pa(spec->elevation_m);
  /* Clock time of solar noon, ignoring the equation of time (<= 16 min). */
  const double noon_h = 12.0 + spec->utc_offset_h - spec->longitude / 15.0;
  const double tmax_h = noon_h + SYNTH_TMAX_AFTER_NOON_H;

  struct solar_time_cache sc;
  solar_time_cache_init(&sc, SOLAR_DELTA_T_DEFAULT_S);
  struct solar_site site;
  solar_site_init(&site, spec->latitude, spec->longitude, spec->elevation_m);
  struct clearsky_ineichen_site cs[12];
  for (int m = 0; m < 12; m++)
    clearsky_ineichen_init(&cs[m], spec->linke[m], spec->elevation_m);

  for (size_t i = 0; i < w->n; i++) {
    const int day = (int)(i / 24);
    const int m = w->month0[day];
    const double t_mid = (double)(w->t0_utc + (int64_t)i * 3600) + 1800.0;
    struct solar_time st;
    solar_time_fast(&sc, t_mid, &st);

    /* Sunrise clock time from the sunrise hour angle, kept at least an
     * hour from noon and from the afternoon maximum. */
    double w0 = solar_sunrise_hour_angle(spec->latitude, st.delta_deg);
    double sunrise_h = noon_h - w0 / 15.0;
    if (sunrise_h > noon_h - 1.0)
      sunrise_h = noon_h - 1.0;
    if (sunrise_h < tmax_h - 23.0)
      sunrise_h = tmax_h - 23.0;
    const double clock_h = (double)(i % 24) + 0.5;
    const double t_c = spec->temp_c[m]
                       + 0.5 * spec->temp_range_c[m]
                         * diurnal_shape(clock_h, sunrise_h, tmax_h);
    if (temp)
      temp[i] = t_c;

    struct solar_pos pos;
    double frac = solar_interval_position_site(&sc, &site, t_mid, 3600.0,
                                               p_pa / 100.0, t_c, &pos);
    const double ext = irr_extraterrestrial((double)(day + 1));
    double ghi = 0.0, h0 = 0.0;
    if (frac > 0.0 && pos.zenith_deg < 90.0) {
      /* clearsky_ineichen()'s ghi, with the site's factors once a month. */
      const double cos_z = cos(deg2rad(pos.zenith_deg));
      double am = irr_airmass_absolute(irr_airmass_relative_cos(pos.zenith_deg, cos_z), p_pa);
      ghi = clearsky_ineichen_ghi(&cs[m], cos_z, am, ext);
      ghi *= frac;
      h0 = ext * cos_z * frac;
    }
    w->cs[i] = ghi;
    w->h0[i] = h0;
    w->zen[i] = pos.zenith_deg;
    w->ext[i] = ext;
    w->day_cs[day] += ghi; /* 1 h each: W/m2 -> Wh/m2 */
    w->day_h0[day] += h0;
  }
}

int synth_clearsky_monthly(const struct synth_spec *spec, double out_kwh_m2_day[12])
{
  struct work w;
  if (work_init(&w, spec) != 0)
    return -1;
  clearsky_pass(spec, &w, NULL);
  double sum[12] = {0};
  for (int d = 0; d < w.n_days; d++)
    sum[w.month0[d]] += w.day_cs[d];
  for (int m = 0; m < 12; m++)
    out_kwh_m2_day[m] = sum[m] / 1000.0 / month_days(spec->year, m);
  work_free(&w);
  return 0;
}

/* Hourly GHI of local day `day` from the TAG model for daily clearness
 * kt_day, scaled to kt_day H0_day and kept at or below clear sky. */
static void tag_day(const struct work *w, int day, double kt_day, double var,
                   gsl_rng *rng, double *ghi)
{
  const double phi = synth_tag_phi(kt_day);
  const double innov = sqrt(1.0 - phi * phi);
  const size_t h0 = (size_t)day * 24;
  double y = gsl_ran_gaussian(rng, 1.0), sum = 0.0;
  for (size_t i = h0; i < h0 + 24; i++) {
    ghi[i] = 0.0;
    if (!(w->h0[i] > 0.0))
      continue;
    const double sin_alt = cos(deg2rad(w->zen[i]));
    const double ktm = synth_tag_mean_kt(kt_day, sin_alt);
    const double sd = var * synth_tag_sigma(kt_day, sin_alt);
    const double kt_cs = w->cs[i] / w->h0[i];
    double y_new = y, kt = ktm;
    for (int k = 0; k < SYNTH_TAG_DRAWS; k++) {
      y_new = phi * y + innov * gsl_ran_gaussian(rng, 1.0);
      kt = ktm + sd * y_new;
      if (kt >= 0.0 && kt <= kt_cs)
        break;
    }
    y = y_new;
    ghi[i] = fmin(kt_cs, fmax(0.0, kt)) * w->h0[i];
    sum += ghi[i];
  }
  if (!(sum > 0.0))
    return;
  const double r = kt_day * w->day_h0[day] / sum;
  for (size_t i = h0; i < h0 + 24; i++)
    ghi[i] = fmin(w->cs[i], ghi[i] * r);
}

/* Scales hours h0..h1-1 that are below clear sky, repeatedly, until their
 * sum is target_wh. Returns -1 when the target exceeds clear sky. */
static int fit_month(const struct work *w, size_t h0, size_t h1,
                     double target_wh, double *ghi)
{
  double cs_sum = 0.0;
  for (size_t i = h0; i < h1; i++)
    cs_sum += w->cs[i];
  if (target_wh > cs_sum * (1.0 + 1e-12))
    return -1;
  for (int pass = 0; pass < SYNTH_FIT_PASSES; pass++) {
    double s_fixed = 0.0, s_free = 0.0;
    for (size_t i = h0; i < h1; i++) {
      if (ghi[i] >= w->cs[i])
        s_fixed += ghi[i];
      else
        s_free += ghi[i];
    }
    if (!(s_free > 0.0)) {
      /* Nothing left to scale (every hour dark or at clear sky): lift the
       * dark hours towards clear sky in proportion to it. */
      double room = 0.0;
      for (size_t i = h0; i < h1; i++)
        room += w->cs[i] - ghi[i];
      if (!(room > 0.0))
        return fabs(s_fixed - target_wh) <= 1e-9 * target_wh ? 0 : -1;
      const double f = (target_wh - s_fixed) / room;
      for (size_t i = h0; i < h1; i++)
        ghi[i] += f * (w->cs[i] - ghi[i]);
      return 0;
    }
    const double r = (target_wh - s_fixed) / s_free;
    int clipped = 0;
    for (size_t i = h0; i < h1; i++) {
      if (ghi[i] >= w->cs[i])
        continue;
      ghi[i] *= r;
      if (ghi[i] >= w->cs[i]) {
        ghi[i] = w->cs[i];
        clipped = 1;
      }
    }
    if (!clipped)
      return 0;
  }
  return 0;
}

struct profile *synth_profile(const struct synth_spec *spec)
{
  struct work w;
  struct profile *p = NULL;
  gsl_rng *rng = NULL;

  if (work_init(&w, spec) != 0)
    return NULL;
  p = profile_new(w.n);
  rng = gsl_rng_alloc(gsl_rng_mt19937);
  if (!p || !rng)
    goto fail;
  static const enum profile_col cols[] = {
    PROFILE_GHI, PROFILE_DNI, PROFILE_DHI, PROFILE_TEMP_AIR,
    PROFILE_WIND_SPEED, PROFILE_PRESSURE
  };
  for (size_t c = 0; c < sizeof cols / sizeof cols[0]; c++)
    if (profile_add_col(p, cols[c]) != 0)
      goto fail;
  double *ghi = p->col[PROFILE_GHI], *dni = p->col[PROFILE_DNI];
  double *dhi = p->col[PROFILE_DHI], *temp = p->col[PROFILE_TEMP_AIR];
  double *wind = p->col[PROFILE_WIND_SPEED], *pres = p->col[PROFILE_PRESSURE];

  clearsky_pass(spec, &w, temp);

  /* mt19937 uses 32 bits of the seed, so fold the upper half in. */
  gsl_rng_set(rng, (unsigned long)((spec->seed ^ (spec->seed >> 32)) & 0xffffffffu));
  const double var = spec->variability;
  double kt_chain = NAN;

  for (int m = 0, first = 0; m < 12; m++) {
    const int nd = month_days(spec->year, m);
    const double target_wh = spec->ghi_kwh_m2_day[m] * 1000.0 * nd;
    double h0_sum = 0.0;
    for (int d = first; d < first + nd; d++)
      h0_sum += w.day_h0[d];
    const double kt_month = h0_sum > 0.0 ? target_wh / h0_sum : 0.0;
    const int mtm = synth_mtm_index(kt_month);
    if (isnan(kt_chain))
      kt_chain = kt_month;
    for (int d = first; d < first + nd; d++) {
      kt_chain = synth_mtm_next(mtm, kt_chain, gsl_rng_uniform(rng));
      double kt_day = kt_month + var * (kt_chain - kt_month);
      kt_day = fmin(SYNTH_KT_DAY_MAX, fmax(SYNTH_KT_DAY_MIN, kt_day));
      tag_day(&w, d, kt_day, var, rng, ghi);
    }
    if (fit_month(&w, (size_t)first * 24, (size_t)(first + nd) * 24,
                  target_wh, ghi) != 0)
      goto fail;
    first += nd;
  }

  const double p_pa = pressure_from_elevation_pa(spec->elevation_m);
  for (size_t i = 0; i < w.n; i++) {
    const int m = w.month0[i / 24];
    p->t_utc[i] = w.t0_utc + (int64_t)i * 3600;
    if (ghi[i] > 0.0 && w.zen[i] < 90.0)
      decompose_erbs(ghi[i], w.zen[i], w.ext[i], &dni[i], &dhi[i]);
    else
      ghi[i] = dni[i] = dhi[i] = 0.0;
    wind[i] = spec->wind_m_s[m];
    pres[i] = p_pa;
  }
  p->n = w.n;
  p->interval_s = 3600;

  strcpy(p->format, "synth");
  strcpy(p->labelling, "interval-start, synthetic");
  p->utc_offset_h = spec->utc_offset_h;
  p->has_location = 1;
  p->latitude = spec->latitude;
  p->longitude = spec->longitude;
  p->elevation_m = spec->elevation_m;
  size_t len = 0;
  while (len < sizeof p->station - 1 && len < sizeof spec->source
         && spec->source[len] != '\0') {
    p->station[len] = spec->source[len];
    len++;
  }
  p->station[len] = '\0';

  gsl_rng_free(rng);
  work_free(&w);
  return p;
fail:
  gsl_rng_free(rng);
  work_free(&w);
  profile_free(p);
  return NULL;
}
