/* Sun position after the NREL Solar Position Algorithm (SPA).
 * Source: I. Reda and A. Andreas, "Solar Position Algorithm for Solar
 * Radiation Applications", NREL/TP-560-34302, revised January 2008.
 *
 * The computation is split in two so that the costly, time-only part
 * (Earth heliocentric position, nutation, aberration, geocentric sun
 * coordinates) is done once per timestamp and shared by every site and plant
 * on the same time axis; the site part (topocentric correction, refraction)
 * is cheap. */
#ifndef RENEWCALC_SOLAR_H
#define RENEWCALC_SOLAR_H

#include <stddef.h>
#include <stdint.h>

/* Time-only part of the sun's position at one instant. */
struct solar_time {
  double jd;        /* Julian day (UT) */
  double nu_deg;    /* apparent sidereal time at Greenwich [deg], 0..360 */
  double alpha_deg; /* geocentric sun right ascension [deg], 0..360 */
  double delta_deg; /* geocentric sun declination [deg] */
  double r_au;      /* Earth-sun distance [AU] */
  double xi_deg;    /* equatorial horizontal parallax of the sun [deg] */
};

/* Site-dependent result. */
struct solar_pos {
  double zenith_deg;      /* topocentric zenith, refraction-corrected [deg] 0..180 */
  double azimuth_deg;     /* clockwise from north [deg] 0..360 */
  double elevation_deg;   /* 90 - zenith_deg [deg] */
  double hour_angle_deg;  /* local (observer) hour angle, -180..180, 0 at transit */
};

/* Default difference TT - UT [s] used when a site file gives none
 * (about 69 s for the 2020s; IERS Bulletin A). */
#define SOLAR_DELTA_T_DEFAULT_S 69.0

/* Fills *st for the instant unix_s [s since 1970-01-01 00:00 UTC, may be
 * fractional or negative] with delta_t_s = TT - UT [s], -8000..8000.
 * Pure. */
void solar_time_at(double unix_s, double delta_t_s, struct solar_time *st);

/* Topocentric position seen from a site.
 * lat_deg -90..90, lon_deg -180..180 (east positive), elev_m [m] >= -500,
 * pressure_mbar [mbar] > 0, temp_c [degC] > -273.15 (both for refraction);
 * atmos_refract_deg: apparent sun elevation at sunrise/sunset, usually
 * 0.5667 deg (SPA default). Pure. */
void solar_position(const struct solar_time *st, double lat_deg, double lon_deg,
                    double elev_m, double pressure_mbar, double temp_c,
                    double atmos_refract_deg, struct solar_pos *out);

/* Hour angle [deg] at which the sun's centre crosses an apparent elevation
 * of -0.8333 deg (sunrise/sunset: refraction plus semi-diameter) at latitude
 * lat_deg for declination delta_deg. Returns a value in 0..180: 0 when the
 * sun never rises (polar night), 180 when it never sets (polar day). Pure. */
double solar_sunrise_hour_angle(double lat_deg, double delta_deg);

/* Position to use for a whole interval [t0, t0 + len_s): the sun at the
 * middle of the part of the interval when it is above the horizon, as
 * NREL PVWatts/SAM do for hour-average data.
 * mid: time part already computed at the interval middle (shared);
 * the other arguments as for solar_position().
 * Returns the fraction of the interval with the sun up, 0..1. When it is
 * above 0, *out holds the topocentric, refraction-corrected position at the
 * middle of the sun-up part. When it is 0 (the sun's centre below
 * -0.8333 deg all interval), *out holds the cheaper geocentric position at
 * the interval middle, without parallax or refraction: zenith_deg > 90.83
 * (elevation_deg < -0.83); zenith and hour angle within 0.003 deg of the
 * topocentric ones (the parallax), azimuth within 0.003 deg / sin(zenith).
 * That is all a caller may rely on then. Pure. */
double solar_interval_position(const struct solar_time *mid, double t_mid_unix_s,
                               double len_s, double delta_t_s, double lat_deg,
                               double lon_deg, double elev_m, double pressure_mbar,
                               double temp_c, struct solar_pos *out);

/* ---- fast time part for series of instants --------------------------------
 * The time part evaluated exactly only at nodes 1.5 days apart on a fixed
 * grid (multiples of 129600 s since the epoch) and interpolated between them
 * by the polynomial through 8 nodes: alpha, delta, r and the nutation term
 * of nu; jd and the mean sidereal time are exact at every instant, xi is
 * exact from the interpolated r. At the nodes the Table A4.2 series are
 * summed grouped by frequency (68 sine-cosine pairs instead of 195
 * cosines), equal to the term-by-term sums to rounding. Differs from
 * solar_time_at by under 5e-8 deg in alpha, delta and nu, and the
 * topocentric zenith and azimuth computed from it by under 3e-7 deg
 * (tests/check_solar.c checks < 1e-7 and < 1e-6 deg over 1950-2050). The
 * result for an instant does not depend on the other instants asked for. */

/* Nodes kept by a struct solar_time_cache (a power of 2, at least the 8 the
 * interpolation uses). */
#define SOLAR_CACHE_SLOTS 8
/* Quantities interpolated from the nodes. */
#define SOLAR_CACHE_COLS 6
/* Terms of the Earth series (SPA Table A4.2) and their distinct frequencies. */
#define SOLAR_HELIO_TERMS 195
#define SOLAR_HELIO_GROUPS 68

/* Caller-owned state (no heap; nothing to free, about 6 kB): delta_t, the
 * last nodes computed, the interpolation window and the series' constants.
 * Fields are private to solar.c. Set up with solar_time_cache_init() for
 * one delta_t; instants asked for in time order reuse nodes, any order gives
 * the same results. */
struct solar_time_cache {
  double delta_t_s;
  int64_t node[SOLAR_CACHE_SLOTS];
  double val[SOLAR_CACHE_SLOTS][SOLAR_CACHE_COLS];
  int64_t win_k;                      /* segment whose window is in win */
  double win[SOLAR_CACHE_COLS][SOLAR_CACHE_SLOTS]; /* its divided differences */
  double len_s, sin_half, cos_half;   /* last interval length and its half width */
  struct {
    int ready;
    double group_c[SOLAR_HELIO_GROUPS];
    double a_cos_b[SOLAR_HELIO_TERMS], a_sin_b[SOLAR_HELIO_TERMS], dc[SOLAR_HELIO_TERMS];
    unsigned char group[SOLAR_HELIO_TERMS];
    short n_same[16];
  } helio;
};

/* Empties *c for delta_t_s = TT - UT [s], -8000..8000. */
void solar_time_cache_init(struct solar_time_cache *c, double delta_t_s);

/* Fills *st for the instant unix_s [s since 1970-01-01 00:00 UTC] from the
 * nodes in *c, computing the missing ones. Pure apart from *c. */
void solar_time_fast(struct solar_time_cache *c, double unix_s, struct solar_time *st);

/* out[i] = the time part at unix_s[i], i < n, as solar_time_fast() gives it;
 * unix_s best in time order (any order is correct). Caller owns both
 * arrays. Pure. */
void solar_time_series(size_t n, const double *unix_s, double delta_t_s,
                       struct solar_time *out);

/* out[i] = the time part at t0_unix_s + i * step_s [s], i < n; step_s may
 * be any value (hourly data: 3600). Caller owns out. Pure. */
void solar_time_regular(double t0_unix_s, double step_s, size_t n, double delta_t_s,
                        struct solar_time *out);

/* solar_interval_position() for the interval with middle t_mid_unix_s [s]
 * and length len_s [s], 0..86400, with every time part (at the middle and at
 * the middle of the sun-up part) from *c; delta_t is c's. Other arguments
 * and the return value as for solar_interval_position(). Pure apart
 * from *c. */
double solar_interval_position_fast(struct solar_time_cache *c, double t_mid_unix_s,
                                    double len_s, double lat_deg, double lon_deg,
                                    double elev_m, double pressure_mbar, double temp_c,
                                    struct solar_pos *out);

/* ---- per-site constants ------------------------------------------------------
 * A site's latitude terms and its place on the reference ellipsoid (SPA
 * eqs. 28-30), computed once by solar_site_init() instead of at every
 * instant. Plain value, nothing to free. */
struct solar_site {
  double lat_deg, lon_deg, elev_m; /* as given to solar_site_init() */
  double sin_lat, cos_lat;         /* of lat_deg */
  double sin_lon, cos_lon;         /* of lon_deg */
  double x, y;                     /* SPA eqs. 29-30: rho cos phi', rho sin phi' [Earth radii] */
};

/* Fills *s for lat_deg -90..90, lon_deg -180..180 (east positive),
 * elev_m [m] >= -500. Pure. */
void solar_site_init(struct solar_site *s, double lat_deg, double lon_deg, double elev_m);

/* solar_interval_position_fast() for the site *s (solar_site_init()):
 * same results, without recomputing the site constants at every call.
 * Pure apart from *c. */
double solar_interval_position_site(struct solar_time_cache *c, const struct solar_site *s,
                                    double t_mid_unix_s, double len_s, double pressure_mbar,
                                    double temp_c, struct solar_pos *out);


/* ---- the sun for a fixed plane ----------------------------------------------
 * What the hourly chain of a fixed-tilt plant reads: the zenith with its
 * sine and cosine and the azimuth as a sine and cosine (the horizontal
 * direction to the sun), without the atan2 of the azimuth and, for
 * intervals with the sun down throughout, without any position at all. */

/* zenith_deg of a solar_sun for an interval with the sun down throughout. */
#define SOLAR_NIGHT_ZENITH_DEG 180.0

struct solar_sun {
  double zenith_deg;               /* as solar_pos.zenith_deg [deg] 0..180 */
  double cos_zenith, sin_zenith;   /* of zenith_deg */
  double sin_azimuth, cos_azimuth; /* of solar_pos.azimuth_deg: east and
                                      north parts of the unit horizontal
                                      direction to the sun */
};

/* solar_interval_position_site() filling *sun, and *pos as well when it is
 * not NULL (then *pos is what solar_interval_position_site() gives, bit for
 * bit). When the sun is up for part of the interval (return value > 0),
 * sun->zenith_deg equals the solar_pos zenith bit for bit, its sine and
 * cosine are within 1e-15 of the library's sin() and cos() of it, and
 * those of the azimuth within 4e-15 of sin() and cos() of azimuth_deg
 * (which is itself rounded to 1e-15 rad). When it is down throughout (returns 0)
 * no position is computed for *sun: zenith_deg = SOLAR_NIGHT_ZENITH_DEG,
 * cos_zenith = -1, sin_zenith = 0, sin_azimuth = cos_azimuth = 0; a
 * caller that needs the sun's place below the horizon asks for *pos.
 * Pure apart from *c. */
double solar_interval_sun_site(struct solar_time_cache *c, const struct solar_site *s,
                               double t_mid_unix_s, double len_s, double pressure_mbar,
                               double temp_c, struct solar_pos *pos, struct solar_sun *sun);

/* ---- the time part shared along a time axis ---------------------------------
 * The time part at the middles of n intervals t0_mid_unix_s + i * step_s,
 * computed once and shared read-only by every site on that axis (threads
 * may share it): the values solar_interval_position_site() interpolates
 * for those instants, and the interpolation windows (SOLAR_CACHE_COLS x
 * SOLAR_CACHE_SLOTS doubles per 1.5 days) it uses for the middle of an
 * interval's sun-up part, so that the positions below are the site path's
 * bit for bit. About 80 bytes per interval. */
struct solar_axis {
  double t0_mid_unix_s, step_s, delta_t_s; /* [s]: first middle, spacing (= the
                                              intervals' length), TT - UT */
  size_t n;
  struct solar_time *mid;         /* n: the time part at each middle */
  double *sin_delta, *cos_delta;  /* n: of mid[i].delta_deg (interpolated
                                     themselves, as the site path does) */
  double *sin_gha, *cos_gha;      /* n: of the sun's Greenwich hour angle
                                     mid[i].nu_deg - mid[i].alpha_deg */
  /* Private to solar.c. */
  int64_t seg0;                   /* first interpolation segment held */
  size_t n_seg;                   /* segments held */
  double (*win)[SOLAR_CACHE_COLS][SOLAR_CACHE_SLOTS]; /* their windows */
  double *sin_xi;                 /* n: sine of mid[i].xi_deg, as
                                     topocentric() takes it */
  double sin_half, cos_half;      /* of half an interval's hour-angle width */
};

/* New axis of n intervals of length step_s [s], 0 < step_s <= 86400 (hourly
 * data: 3600), with middles t0_mid_unix_s + i * step_s [s since 1970-01-01
 * 00:00 UTC; exact for whole or half seconds], for delta_t_s = TT - UT [s],
 * -8000..8000. Costs about one site's sun position pass (the exact time
 * part every 1.5 days and an interpolation per interval). Returns NULL when
 * out of memory; the caller frees it with solar_axis_free(), NULL ok. */
struct solar_axis *solar_axis_new(double t0_mid_unix_s, double step_s, size_t n,
                                  double delta_t_s);
void solar_axis_free(struct solar_axis *a);

/* solar_interval_position_site() for the interval i < a->n of the axis
 * (middle t0_mid_unix_s + i * step_s, length step_s, delta_t the axis's)
 * with the time part read from the axis instead of interpolated: the same
 * results, bit for bit. Pure (a is only read). */
double solar_interval_position_axis(const struct solar_axis *a, size_t i,
                                    const struct solar_site *s, double pressure_mbar,
                                    double temp_c, struct solar_pos *out);

/* solar_interval_sun_site() for the interval i of the axis, likewise the
 * same results bit for bit; pos may be NULL. Pure. */
double solar_interval_sun_axis(const struct solar_axis *a, size_t i, const struct solar_site *s,
                               double pressure_mbar, double temp_c, struct solar_pos *pos,
                               struct solar_sun *sun);

/* solar_interval_sun_axis() for the intervals 0 .. n - 1 (n <= a->n), pos
 * NULL, with the pressure pressure_pa[i] [Pa] (or pressure_pa_const when
 * pressure_pa is NULL) and temp_c[i] [degC]: writes the struct solar_sun
 * fields of interval i to zenith_deg[i], cos_zenith[i], sin_zenith[i],
 * sin_azimuth[i] and cos_azimuth[i] (caller-owned, n each), the same
 * values bit for bit, without a call per interval. Pure. */
void solar_interval_sun_axis_run(const struct solar_axis *a, size_t n,
                                 const struct solar_site *s, const double *pressure_pa,
                                 double pressure_pa_const, const double *temp_c,
                                 double *zenith_deg, double *cos_zenith, double *sin_zenith,
                                 double *sin_azimuth, double *cos_azimuth);

#endif
