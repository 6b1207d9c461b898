/* Synthetic hourly wind profile from monthly means: Weibull speeds made
 * persistent through an AR(1) Gaussian process, an optional diurnal
 * cycle, power-law shear to each height, directions from a mixture of two
 * von Mises distributions, temperature and pressure from monthly means
 * and the standard atmosphere. Used to ship example profiles where no
 * measured one may be shipped. The method and its sources are described
 * in windsynth.c. */
#ifndef RENEWCALC_WINDSYNTH_H
#define RENEWCALC_WINDSYNTH_H

#include <stdint.h>

struct wind_profile;

/* Heights a synthetic profile may have. */
#define WINDSYNTH_HEIGHTS_MAX 4

struct windsynth_spec {
  double latitude, longitude;   /* [deg], east positive */
  double elevation_m;           /* ground above sea level [m] */
  double utc_offset_h;          /* local standard time of the axis [h] */
  int year;                     /* calendar year of the series, 1900..2100 */
  uint64_t seed;                /* for the gsl_rng; same spec, same profile */
  char source[128];             /* where the monthly values come from */

  int nh;                                   /* heights, 1..4 */
  double height_m[WINDSYNTH_HEIGHTS_MAX];   /* above ground [m], ascending */
  double ref_height_m;          /* height of speed_m_s [m] > 0 */
  double speed_m_s[12];         /* monthly mean speed at ref_height_m [m/s] > 0 */
  double weibull_k[12];         /* monthly Weibull shape [-], 1..5 */
  double shear_alpha;           /* power-law exponent [-], 0..0.6 */
  double phi;                   /* lag-1 autocorrelation of the hourly
                                   Gaussian process [-], 0..0.99 */
  double diurnal_amplitude;     /* diurnal cycle as a fraction of the
                                   mean [-], 0..0.5 */
  double diurnal_peak_h;        /* local hour of the speed maximum, 0..24 */

  double dir_prevailing_deg;    /* mean of the prevailing von Mises [deg] */
  double dir_secondary_deg;     /* mean of the secondary one [deg] */
  double kappa_prevailing;      /* concentrations [-], 0.1..50 */
  double kappa_secondary;
  double weight_prevailing[12]; /* monthly share of the prevailing one, 0..1 */
  double dir_phi;               /* lag-1 autocorrelation of the direction's
                                   Gaussian process [-], 0..0.99 */

  double temp_c[12];            /* monthly mean air temperature at ground
                                   level (2 m) [degC] */
  double temp_range_c[12];      /* monthly mean daily max - min [degC] >= 0 */
  double temp_peak_h;           /* local hour of the temperature maximum */
};

/* Hourly profile for spec's year (8760 or 8784 rows, interval start UTC,
 * 3600 s) with speed, direction, temperature and pressure at every height
 * of spec, location and elevation set, station = spec->source.
 * Deterministic for a given spec. Returns NULL when out of memory. The
 * caller frees it with wind_profile_free(). */
struct wind_profile *windsynth_profile(const struct windsynth_spec *spec);

/* ---- model pieces, exposed for tests ------------------------------------- */

/* Weibull quantile for a standard Gaussian z: c (-ln Q(z))^(1/k), Q the
 * upper tail of the standard normal, so that z ~ N(0,1) gives a speed
 * ~ Weibull(k, c). k [-] > 0, c [m/s] > 0. Returns [m/s]. Pure. */
double windsynth_weibull_from_gaussian(double z, double k, double c_m_s);

/* Density [1/deg] of the two-component von Mises mixture at theta_deg:
 * w vM(mu1, kappa1) + (1 - w) vM(mu2, kappa2), the von Mises density
 * exp(kappa cos(theta - mu)) / (2 pi I0(kappa)) converted to per degree.
 * Angles [deg]; kappa [-] > 0; w 0..1. Pure. */
double windsynth_vonmises_mix_pdf(double theta_deg, double mu1_deg, double kappa1,
                                  double mu2_deg, double kappa2, double w);

/* Direction [deg, 0..360) for a standard Gaussian y: the quantile of the
 * mixture above at Phi(y), the cumulative distribution taken clockwise
 * from the direction of least density (so that a slowly changing y gives
 * a slowly turning direction that never jumps across the mixture's
 * peaks). Computed on a 0.5 deg grid; same arguments as
 * windsynth_vonmises_mix_pdf(). Pure. */
double windsynth_direction_from_gaussian(double y, double mu1_deg, double kappa1,
                                         double mu2_deg, double kappa2, double w);

#endif
