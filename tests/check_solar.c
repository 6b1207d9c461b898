/* Unit tests for solar.c (NREL SPA sun position). */
#include <check.h>
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_rng.h>

#include "solar.h"

/* ---- SPA report worked example -----------------------------------------
 * Reda & Andreas, NREL/TP-560-34302 (rev. 2008), Table A5.1: 2003-10-17
 * 12:30:30 local at UTC-7 = 19:30:30 UTC = 1066419030 s since the epoch;
 * lat 39.742476, lon -105.1786, elevation 1830.14 m, 820 mbar, 11 degC,
 * delta_t 67 s, atmos_refract 0.5667 deg. */
#define SPA_EX_UNIX_S 1066419030.0
#define SPA_EX_DELTA_T_S 67.0
#define SPA_EX_LAT 39.742476
#define SPA_EX_LON (-105.1786)
#define SPA_EX_ELEV_M 1830.14
#define SPA_EX_P_MBAR 820.0
#define SPA_EX_T_C 11.0
#define SPA_EX_REFRACT 0.5667

START_TEST(test_spa_example_time_part)
{
  struct solar_time st;
  solar_time_at(SPA_EX_UNIX_S, SPA_EX_DELTA_T_S, &st);
  /* The report prints JD to 6 decimals (0.09 s); 1e-6 day is that digit. */
  ck_assert_double_eq_tol(st.jd, 2452930.312847, 1e-6);
  /* nu = 318.511910 deg, alpha = 202.227408 deg: printed to 1e-6 deg. */
  ck_assert_double_eq_tol(st.nu_deg, 318.511910, 2e-6);
  ck_assert_double_eq_tol(st.alpha_deg, 202.227408, 2e-6);
  /* delta = -9.31434 deg is printed to 5 decimals. */
  ck_assert_double_eq_tol(st.delta_deg, -9.31434, 1e-5);
  /* R = 0.9965422974 AU, printed to 10 decimals: a single mistyped term of
   * the R0..R4 tables moves it by 1e-8 or more. */
  ck_assert_double_eq_tol(st.r_au, 0.9965422974, 2e-10);
  /* xi = 0.002451 deg, printed to 6 decimals. */
  ck_assert_double_eq_tol(st.xi_deg, 0.002451, 1e-6);
}
END_TEST

START_TEST(test_spa_example_site_part)
{
  struct solar_time st;
  struct solar_pos p;
  solar_time_at(SPA_EX_UNIX_S, SPA_EX_DELTA_T_S, &st);
  solar_position(&st, SPA_EX_LAT, SPA_EX_LON, SPA_EX_ELEV_M, SPA_EX_P_MBAR, SPA_EX_T_C,
                 SPA_EX_REFRACT, &p);
  /* Zenith 50.11162 and azimuth 194.34024 deg are printed to 5 decimals;
   * 1e-4 deg is the agreement the report itself asks of an implementation. */
  ck_assert_double_eq_tol(p.zenith_deg, 50.11162, 1e-4);
  ck_assert_double_eq_tol(p.azimuth_deg, 194.34024, 1e-4);
  ck_assert_double_eq_tol(p.elevation_deg, 90.0 - 50.11162, 1e-4);
  /* Topocentric local hour angle H' = 11.10627 deg (5 decimals). */
  ck_assert_double_eq_tol(p.hour_angle_deg, 11.10627, 1e-5);
}
END_TEST

/* ---- geocentric values published independently of SPA -------------------
 * Each row gives the instant and the published value(s); NAN = not given. */
struct geo_case {
  const char *source;
  double unix_s, delta_t_s;
  double alpha_deg, delta_deg, r_au, nu_deg, gha_deg;
  double tol_angle_deg, tol_r_au;
};

static const struct geo_case GEO[] = {
  /* J. Meeus, Astronomical Algorithms, 2nd ed. (1998), ex. 25.b and p. 165:
   * 1992-10-13 0h TD (JDE 2448908.5 = 718934400 s + delta_t; delta_t taken
   * as 59 s), from the full VSOP87: apparent alpha = 13h13m30.749s =
   * 198.378121 deg, delta = -7d47'01.74" = -7.783817 deg; R = 0.99760775 AU
   * from the abridged series (the same as SPA's, printed to 8 decimals).
   * Tolerance 0.0003 deg: SPA's stated accuracy (the abridged series differs
   * from full VSOP87 by about 0.0001 deg here). */
  {"Meeus ex. 25.b", 718934400.0 - 59.0, 59.0, 198.378121, -7.783817, 0.99760775,
   NAN, NAN, 3e-4, 1e-7},
  /* Meeus ex. 12.b: 1987-04-10 19:21:00 UT (545080860 s), apparent sidereal
   * time at Greenwich 8h34m56.853s = 128.7368875 deg, printed to 0.001 s
   * (4e-6 deg); delta_t 56 s only shifts nutation negligibly. */
  {"Meeus ex. 12.b", 545080860.0, 56.0, NAN, NAN, NAN, 128.7368875, NAN, 1e-5, 0.0},
  /* The Nautical Almanac 1997, 1997-12-03 05h UT (881125200 s), as worked in
   * the Gould Academy celestial navigation course, lesson 5 (archived at
   * web.archive.org/web/20041207163357/http://world.gouldacademy.org/cn/
   * course/lesson_5.htm): sun GHA
   * 257d34.0' = 257.566667 deg, Dec S22d06.0' = -22.1 deg. Tabulated to 0.1'
   * (0.0017 deg) and the sun's GHA is adjusted by the Almanac by up to about
   * 0.15' so that no v correction is needed: tolerance 0.004 deg (0.24').
   * delta_t 62.6 s (IERS, 1997). */
  {"Nautical Almanac 1997", 881125200.0, 62.6, NAN, -22.1, NAN, NAN, 257.566667, 4e-3,
   0.0},
};

START_TEST(test_geocentric_published)
{
  const struct geo_case *c = &GEO[_i];
  struct solar_time st;
  solar_time_at(c->unix_s, c->delta_t_s, &st);
  if (!isnan(c->alpha_deg))
    ck_assert_double_eq_tol(st.alpha_deg, c->alpha_deg, c->tol_angle_deg);
  if (!isnan(c->delta_deg))
    ck_assert_double_eq_tol(st.delta_deg, c->delta_deg, c->tol_angle_deg);
  if (!isnan(c->r_au))
    ck_assert_double_eq_tol(st.r_au, c->r_au, c->tol_r_au);
  if (!isnan(c->nu_deg))
    ck_assert_double_eq_tol(st.nu_deg, c->nu_deg, c->tol_angle_deg);
  if (!isnan(c->gha_deg)) {
    double gha = fmod(st.nu_deg - st.alpha_deg + 720.0, 360.0);
    ck_assert_double_eq_tol(gha, c->gha_deg, c->tol_angle_deg);
  }
}
END_TEST

/* ---- equinoxes and solstices: alpha is a multiple of 90 deg --------------
 * At an equinox or solstice the sun's apparent longitude is 0, 90, 180 or
 * 270 deg, so its apparent right ascension is that same angle (beta < 1").
 * Meeus, Astronomical Algorithms, 2nd ed., ex. 27.a: June solstice 1962 at
 * JDE 2437837.39245 = 1962-06-21 21:25:08 TD (-237609292.32 s TT); Meeus gives
 * his method's error as at most 51 s for 1951-2050: 51 s of the sun's
 * motion (1.02 deg/day in alpha in June) is 0.0006 deg, plus SPA's
 * 0.0003 deg: tolerance 0.001 deg. The March equinox of 2001 at
 * 2001-03-20 13:31 UT (F. Espenak, NASA GSFC, "Solstices and Equinoxes:
 * 2001 to 2100", to the minute) also puts delta at 0: half a minute of
 * motion is 0.0003 deg in alpha (0.91 deg/day) and 0.00014 deg in delta
 * (0.40 deg/day), plus SPA's 0.0003 deg: tolerances 0.0007 and 0.0005 deg.
 * delta_t: 34.5 s in 1962 (immaterial: the instant is given in TD) and
 * 64.1 s in 2001 (IERS). */
struct season_case {
  double unix_s, delta_t_s, alpha_deg, delta_deg, tol_alpha_deg, tol_delta_deg;
};

static const struct season_case SEASON[] = {
  {-237609292.32 - 34.5, 34.5, 90.0, NAN, 1e-3, 0.0},
  {985095060.0, 64.1, 0.0, 0.0, 7e-4, 5e-4},
};

START_TEST(test_season_instants)
{
  const struct season_case *c = &SEASON[_i];
  struct solar_time st;
  solar_time_at(c->unix_s, c->delta_t_s, &st);
  /* Signed difference reduced to -180..180: alpha passes 360 -> 0 in March. */
  const double d = fmod(st.alpha_deg - c->alpha_deg + 540.0, 360.0) - 180.0;
  ck_assert_double_eq_tol(d, 0.0, c->tol_alpha_deg);
  if (!isnan(c->delta_deg))
    ck_assert_double_eq_tol(st.delta_deg, c->delta_deg, c->tol_delta_deg);
}
END_TEST

START_TEST(test_julian_day_1957)
{
  /* Meeus ex. 7.a: 1957 October 4.81 (Sputnik 1) is JD 2436116.31;
   * 4471.19 days before the Unix epoch (JD 2440587.5) is -386310816 s.
   * The conversion is exact arithmetic: 1e-7 day (9 ms). */
  struct solar_time st;
  solar_time_at(-386310816.0, 32.0, &st);
  ck_assert_double_eq_tol(st.jd, 2436116.31, 1e-7);
}
END_TEST

/* ---- topocentric positions from the Almanac's GHA and Dec ----------------
 * 1997-12-03 05h UT, GHA 257d34.0', Dec S22d06.0' (Nautical Almanac 1997, as
 * above). Expected values by hand with the navigator's sight-reduction
 * formulas (LHA = GHA + lon east):
 *   sin h = sin(lat) sin(Dec) + cos(lat) cos(Dec) cos(LHA)
 *   Az = atan2(sin LHA, cos LHA sin lat - tan Dec cos lat) + 180
 * then the horizontal parallax of the sun, 8.794"/0.9858 cos h, is taken off
 * h (R = 0.9858 AU in early December). Refraction is switched off by a
 * near-vacuum pressure of 0.001 mbar (it scales with pressure: < 1e-5 deg).
 * Tolerance: the Almanac's 0.1' rounding and its up to 0.15' GHA adjustment
 * move h and Az by at most about 0.004 deg; 0.005 deg for the zenith and
 * 0.01 deg for the azimuth (which is more sensitive at low sun). */
struct topo_case {
  const char *site;
  double lat_deg, lon_deg;
  double zenith_deg, azimuth_deg;
};

static const struct topo_case TOPO[] = {
  /* Hobart, Tasmania: LHA 44.894, h 47.4743, with parallax 47.4726 */
  {"Hobart", -42.8821, 147.3272, 42.5274, 284.6520},
  /* McMurdo Station, Antarctica (polar day): LHA 64.235, h 26.9096 -> 26.9074 */
  {"McMurdo", -77.8463, 166.6682, 63.0926, 290.6526},
  /* Yakutsk, Siberia, low winter sun: LHA 27.242, h 3.0946 -> 3.0921 */
  {"Yakutsk", 62.0355, 129.6755, 86.9079, 205.1342},
};

START_TEST(test_topocentric_almanac)
{
  const struct topo_case *c = &TOPO[_i];
  struct solar_time st;
  struct solar_pos p;
  solar_time_at(881125200.0, 62.6, &st);
  solar_position(&st, c->lat_deg, c->lon_deg, 0.0, 0.001, 10.0, 0.5667, &p);
  ck_assert_double_eq_tol(p.zenith_deg, c->zenith_deg, 5e-3);
  ck_assert_double_eq_tol(p.azimuth_deg, c->azimuth_deg, 1e-2);
  ck_assert_double_eq_tol(p.elevation_deg, 90.0 - c->zenith_deg, 5e-3);
}
END_TEST

/* Refraction raises the sun. At 1010 mbar and 10 degC (where SPA's pressure
 * and temperature factor is 1) the Yakutsk sun above, true h = 3.0921 deg,
 * is lifted by Bennett's formula for apparent altitude h0 (Meeus eq. 16.3,
 * R = cot(h0 + 7.31 / (h0 + 4.4)) arcmin), solved by hand iteration:
 * h0 = 3.3157, R = 13.415' = 0.22358 deg. SPA uses Saemundsson's inverse
 * form, which agrees with Bennett to 0.07' (0.0012 deg). Tolerance
 * 0.006 deg: that plus the 0.005 deg of the geometric case. */
START_TEST(test_refraction_low_sun)
{
  struct solar_time st;
  struct solar_pos p;
  solar_time_at(881125200.0, 62.6, &st);
  solar_position(&st, 62.0355, 129.6755, 0.0, 1010.0, 10.0, 0.5667, &p);
  ck_assert_double_eq_tol(p.elevation_deg, 3.0921 + 13.415 / 60.0, 6e-3);
}
END_TEST

/* ---- sunrise hour angle ---------------------------------------------------- */
START_TEST(test_sunrise_equator_equinox)
{
  /* Hand calc: cos w0 = sin(-0.8333 deg) = -0.0145433, w0 = 90.8333 deg
   * (the 0.8333 deg of refraction plus semi-diameter add 3.3 min to each
   * half day). Tolerance 1e-4 deg: the printed digits. */
  ck_assert_double_eq_tol(solar_sunrise_hour_angle(0.0, 0.0), 90.8333, 1e-4);
}
END_TEST

START_TEST(test_sunrise_mid_latitude)
{
  /* Hand calc, lat 37.6, delta 23.44 (June solstice):
   * sin lat sin delta = 0.242709, cos lat cos delta = 0.726908,
   * cos w0 = (-0.0145433 - 0.242709) / 0.726908 = -0.353899,
   * w0 = 110.7260 deg. Tolerance 1e-3 deg: hand-calc rounding. */
  ck_assert_double_eq_tol(solar_sunrise_hour_angle(37.6, 23.44), 110.7260, 1e-3);
  /* December, delta -23.44:
   * cos w0 = (-0.0145433 + 0.242709) / 0.726908 = 0.313885, w0 = 71.7065 */
  ck_assert_double_eq_tol(solar_sunrise_hour_angle(37.6, -23.44), 71.7065, 1e-3);
}
END_TEST

START_TEST(test_sunrise_polar)
{
  /* Longyearbyen 78.2 N: sun 23 deg below the equator never rises, 23 deg
   * above never sets; McMurdo 77.8 S in December never sets. */
  ck_assert_double_eq_tol(solar_sunrise_hour_angle(78.2, -23.0), 0.0, 1e-12);
  ck_assert_double_eq_tol(solar_sunrise_hour_angle(78.2, 23.0), 180.0, 1e-12);
  ck_assert_double_eq_tol(solar_sunrise_hour_angle(-77.8463, -22.1), 180.0, 1e-12);
}
END_TEST

/* ---- interval position -------------------------------------------------- */
START_TEST(test_interval_daylight)
{
  /* The SPA example instant as the middle of a daytime hour: the whole
   * hour is sun-up, so the position is the middle one (zenith 50.11162,
   * azimuth 194.34024 from the SPA report, same tolerance as above). */
  struct solar_time st;
  struct solar_pos p;
  solar_time_at(SPA_EX_UNIX_S, SPA_EX_DELTA_T_S, &st);
  double f = solar_interval_position(&st, SPA_EX_UNIX_S, 3600.0, SPA_EX_DELTA_T_S,
                                     SPA_EX_LAT, SPA_EX_LON, SPA_EX_ELEV_M,
                                     SPA_EX_P_MBAR, SPA_EX_T_C, &p);
  ck_assert_double_eq_tol(f, 1.0, 1e-12);
  ck_assert_double_eq_tol(p.zenith_deg, 50.11162, 1e-4);
  ck_assert_double_eq_tol(p.azimuth_deg, 194.34024, 1e-4);
}
END_TEST

START_TEST(test_interval_night)
{
  /* Golden, 2003-10-18 00:30 local (07:30 UTC): the SPA report gives sunset
   * 17:20:19 and (next day) sunrise about 06:13 local, so the hour is dark. */
  const double t_mid = SPA_EX_UNIX_S + 12.0 * 3600.0;
  struct solar_time st;
  struct solar_pos p;
  solar_time_at(t_mid, SPA_EX_DELTA_T_S, &st);
  double f = solar_interval_position(&st, t_mid, 3600.0, SPA_EX_DELTA_T_S, SPA_EX_LAT,
                                     SPA_EX_LON, SPA_EX_ELEV_M, SPA_EX_P_MBAR,
                                     SPA_EX_T_C, &p);
  ck_assert_double_eq_tol(f, 0.0, 1e-12);
  /* Middle position returned: solar noon is 11:46 local (SPA report), so
   * at 00:30 the hour angle is about -169 deg; with delta -9.4 deg,
   * cos z = sin(39.74) sin(-9.4) + cos(39.74) cos(-9.4) cos(-169),
   * z = 148.1 deg (hand calc). Tolerance 0.5 deg covers the rounded inputs. */
  ck_assert_double_eq_tol(p.zenith_deg, 148.1, 0.5);
  ck_assert(p.hour_angle_deg < -165.0 && p.hour_angle_deg > -173.0);
}
END_TEST

START_TEST(test_interval_sunrise_usno)
{
  /* Raleigh, NC (35d47'N, 78d39'W), 2015-07-12: USNO "Sun and Moon Data for
   * One Day" gives sunrise 10:08 UTC (06:08 EDT), rounded to the minute.
   * Interval 10:00-11:00 UTC, middle 10:30 UTC = 1436697000 s;
   * delta_t 67.6 s (IERS 2015). The sun-up fraction f implies sunrise at
   * 11:00 - f h. Tolerance 2 min: USNO's rounding (0.5 min) plus the
   * 15 deg/h and mid-interval declination approximations. */
  const double t_mid = 1436697000.0, t_end = t_mid + 1800.0;
  const double rise_usno = t_mid - 1800.0 + 8.0 * 60.0;
  struct solar_time st;
  struct solar_pos p;
  solar_time_at(t_mid, 67.6, &st);
  double f = solar_interval_position(&st, t_mid, 3600.0, 67.6, 35.0 + 47.0 / 60.0,
                                     -(78.0 + 39.0 / 60.0), 96.0, 1000.0, 22.0, &p);
  ck_assert(f > 0.0 && f < 1.0);
  ck_assert_double_eq_tol(t_end - f * 3600.0, rise_usno, 120.0);
  /* Position at the middle of the sun-up part (about 10:34 UTC): up, east. */
  ck_assert(p.zenith_deg < 90.0);
  ck_assert(p.azimuth_deg > 45.0 && p.azimuth_deg < 90.0);
}
END_TEST

START_TEST(test_interval_midnight_sun_edge)
{
  /* Wrap-around at +-180 deg: Fairbanks-like latitude 65.0 N, 2015-06-21,
   * a 3-hour interval centred on local midnight (lon -147.7: local midnight
   * about 09:51 UTC). The sun sets and rises again inside the interval:
   * w0 near 165 deg leaves a night of about 2 h, so the sun-up fraction is
   * 1 - 2 (180 - w0) / 45, strictly between 0 and 1, and the position must
   * come from a sun-up piece, not from midnight. */
  const double lat = 65.0, lon = -147.7;
  const double t_mid = 1434880260.0; /* 2015-06-21 09:51 UTC */
  struct solar_time st;
  struct solar_pos p;
  solar_time_at(t_mid, 67.6, &st);
  const double w0 = solar_sunrise_hour_angle(lat, st.delta_deg);
  ck_assert(w0 > 160.0 && w0 < 170.0);
  double f = solar_interval_position(&st, t_mid, 3.0 * 3600.0, 67.6, lat, lon, 0.0,
                                     1013.25, 10.0, &p);
  /* The night is centred within 0.5 deg of the interval middle, so the
   * fraction is the hand formula to within 1/45 of a degree share. */
  ck_assert_double_eq_tol(f, 1.0 - 2.0 * (180.0 - w0) / 45.0, 0.02);
  ck_assert(p.zenith_deg < 90.0);
}
END_TEST

START_TEST(test_interval_night_geocentric)
{
  /* The sun-down contract (solar.h): with fraction 0 the position is the
   * geocentric one at the middle, within the solar parallax of the SPA
   * topocentric one: 8.794 arcsec / r (SPA eq. 27) = 0.00245 deg at
   * r = 0.9965 AU (SPA report, Table A5.2), so tolerance 0.0025 deg; and
   * the sun's centre is below -0.8333 deg, zenith > 90.8333. Golden,
   * 2003-10-18 03:30 local, as in test_interval_night. Refraction does not
   * apply (SPA eq. 41: none with the sun below -0.8334 deg). */
  const double t_mid = SPA_EX_UNIX_S + 15.0 * 3600.0;
  struct solar_time st;
  struct solar_pos p, topo;
  solar_time_at(t_mid, SPA_EX_DELTA_T_S, &st);
  double f = solar_interval_position(&st, t_mid, 3600.0, SPA_EX_DELTA_T_S, SPA_EX_LAT,
                                     SPA_EX_LON, SPA_EX_ELEV_M, SPA_EX_P_MBAR,
                                     SPA_EX_T_C, &p);
  solar_position(&st, SPA_EX_LAT, SPA_EX_LON, SPA_EX_ELEV_M, SPA_EX_P_MBAR, SPA_EX_T_C,
                 SPA_EX_REFRACT, &topo);
  ck_assert_double_eq_tol(f, 0.0, 1e-12);
  ck_assert(p.zenith_deg > 90.8333);
  ck_assert_double_eq_tol(p.zenith_deg, topo.zenith_deg, 0.0025);
  ck_assert_double_eq_tol(p.elevation_deg, 90.0 - p.zenith_deg, 1e-12);
  /* Azimuth: parallax / sin(zenith), zenith about 122 deg at 03:30 (hour
   * angle -124 deg, delta -9.5 deg: cos z = sin(39.74) sin(-9.5) +
   * cos(39.74) cos(-9.5) cos(124), hand calc), 0.0025 / 0.85 = 0.0030 deg;
   * hour angle: parallax / cos(delta) = 0.0026 deg. */
  ck_assert_double_eq_tol(p.azimuth_deg, topo.azimuth_deg, 0.0030);
  ck_assert_double_eq_tol(p.hour_angle_deg, topo.hour_angle_deg, 0.0026);
}
END_TEST

/* ---- the interpolated time part against the exact one ---------------------
 * The bar for a faster path: the topocentric zenith and azimuth it
 * gives differ from the exact SPA path by less than 1e-6 deg. Each case is a
 * full hourly year (interval middles) at three sites: near the equator
 * (Quito, where the sun passes close to the zenith and the azimuth is most
 * sensitive), at 60 N (Helsinki) and at 45.9 S (Dunedin), in 1950, 2000 and
 * 2050. The time fields themselves are held to 1e-7 deg (the node
 * interpolation is 10-100 times better; see solar.h), r to 1e-9 AU. */
struct fast_site {
  double lat_deg, lon_deg, elev_m;
};

static const struct fast_site FAST_SITES[] = {
  {-0.1807, -78.4678, 2850.0}, /* Quito */
  {60.1699, 24.9384, 17.0},    /* Helsinki */
  {-45.8788, 170.5028, 40.0},  /* Dunedin */
};

/* Year starts 1950-01-01, 2000-01-01, 2050-01-01 00:00 UTC [s]. */
static const double FAST_YEARS[] = {-631152000.0, 946684800.0, 2524608000.0};
/* delta_t for those years [s] (IERS; 2050 extrapolated). */
static const double FAST_DELTA_T[] = {29.1, 63.8, 93.0};

static double angle_diff_deg(double a, double b)
{
  return fabs(fmod(a - b + 540.0, 360.0) - 180.0);
}

/* Largest differences between the fast and exact paths [deg, AU]. */
struct fast_err {
  double alpha, delta, nu, r, zenith, azimuth;
};

static void fast_err_add(struct fast_err *e, const struct solar_time *ex,
                         const struct solar_time *fa, const struct solar_pos *pe,
                         const struct solar_pos *pf)
{
  e->alpha = fmax(e->alpha, angle_diff_deg(ex->alpha_deg, fa->alpha_deg));
  e->delta = fmax(e->delta, fabs(ex->delta_deg - fa->delta_deg));
  e->nu = fmax(e->nu, angle_diff_deg(ex->nu_deg, fa->nu_deg));
  e->r = fmax(e->r, fabs(ex->r_au - fa->r_au));
  e->zenith = fmax(e->zenith, fabs(pe->zenith_deg - pf->zenith_deg));
  e->azimuth = fmax(e->azimuth, angle_diff_deg(pe->azimuth_deg, pf->azimuth_deg));
}

static void fast_err_check(const struct fast_err *e)
{
  ck_assert_double_eq_tol(e->alpha, 0.0, 1e-7);
  ck_assert_double_eq_tol(e->delta, 0.0, 1e-7);
  ck_assert_double_eq_tol(e->nu, 0.0, 1e-7);
  ck_assert_double_eq_tol(e->r, 0.0, 1e-9);
  ck_assert_double_eq_tol(e->zenith, 0.0, 1e-6);
  ck_assert_double_eq_tol(e->azimuth, 0.0, 1e-6);
}

#define FAST_HOURS 8760

START_TEST(test_fast_hourly_year)
{
  const double t0 = FAST_YEARS[_i] + 1800.0, dt = FAST_DELTA_T[_i];
  static struct solar_time fast[FAST_HOURS];
  solar_time_regular(t0, 3600.0, FAST_HOURS, dt, fast);
  struct fast_err e = {0};
  for (int i = 0; i < FAST_HOURS; i++) {
    struct solar_time ex;
    solar_time_at(t0 + 3600.0 * i, dt, &ex);
    ck_assert_double_eq_tol(fast[i].jd, ex.jd, 1e-9);
    for (size_t k = 0; k < sizeof FAST_SITES / sizeof FAST_SITES[0]; k++) {
      const struct fast_site *s = &FAST_SITES[k];
      struct solar_pos pe, pf;
      solar_position(&ex, s->lat_deg, s->lon_deg, s->elev_m, 1013.25, 12.0, 0.5667, &pe);
      solar_position(&fast[i], s->lat_deg, s->lon_deg, s->elev_m, 1013.25, 12.0, 0.5667,
                     &pf);
      fast_err_add(&e, &ex, &fast[i], &pe, &pf);
    }
  }
  fast_err_check(&e);
}
END_TEST

START_TEST(test_fast_interval_year)
{
  /* The whole interval chain, sunrise and sunset hours included (where the
   * position is taken inside the hour). The sun-up fractions agree to 1e-6
   * (3.6 ms of an hour): the sunrise hour angle moves by about as much as
   * delta, times at most a few at these latitudes. */
  const double t0 = FAST_YEARS[_i] + 1800.0, dt = FAST_DELTA_T[_i];
  struct solar_time_cache c;
  solar_time_cache_init(&c, dt);
  struct fast_err e = {0};
  int partial = 0;
  for (int i = 0; i < FAST_HOURS; i++) {
    const double t = t0 + 3600.0 * i;
    struct solar_time ex;
    solar_time_at(t, dt, &ex);
    for (size_t k = 0; k < sizeof FAST_SITES / sizeof FAST_SITES[0]; k++) {
      const struct fast_site *s = &FAST_SITES[k];
      struct solar_pos pe, pf;
      const double fe = solar_interval_position(&ex, t, 3600.0, dt, s->lat_deg, s->lon_deg,
                                                s->elev_m, 1013.25, 12.0, &pe);
      const double ff = solar_interval_position_fast(&c, t, 3600.0, s->lat_deg, s->lon_deg,
                                                     s->elev_m, 1013.25, 12.0, &pf);
      ck_assert_double_eq_tol(ff, fe, 1e-6);
      partial += fe > 0.0 && fe < 1.0;
      e.zenith = fmax(e.zenith, fabs(pe.zenith_deg - pf.zenith_deg));
      e.azimuth = fmax(e.azimuth, angle_diff_deg(pe.azimuth_deg, pf.azimuth_deg));
    }
  }
  fast_err_check(&e);
  /* Two partial hours a day at each site (none in Helsinki's white
   * nights): the sunrise/sunset branch was exercised. */
  ck_assert_int_gt(partial, 1500);
}
END_TEST

START_TEST(test_fast_irregular_instants)
{
  /* 20000 instants drawn at random over 1950-2050, in random order (no node
   * is reused from one to the next), and the same instants through
   * solar_time_series: both equal solar_time_at within the bar, and equal
   * each other exactly, since an instant's result does not depend on the
   * others. */
  enum { N = 20000 };
  static double t[N];
  static struct solar_time series[N];
  gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(rng, 1950);
  for (int i = 0; i < N; i++)
    t[i] = FAST_YEARS[0] + gsl_rng_uniform(rng) * (FAST_YEARS[2] - FAST_YEARS[0] + 3.1536e7);
  gsl_rng_free(rng);
  solar_time_series(N, t, 69.0, series);
  struct solar_time_cache c;
  solar_time_cache_init(&c, 69.0);
  struct fast_err e = {0};
  for (int i = 0; i < N; i++) {
    struct solar_time ex, one;
    solar_time_at(t[i], 69.0, &ex);
    solar_time_fast(&c, t[i], &one);
    ck_assert_double_eq(one.alpha_deg, series[i].alpha_deg);
    ck_assert_double_eq(one.nu_deg, series[i].nu_deg);
    const struct fast_site *s = &FAST_SITES[i % 3];
    struct solar_pos pe, pf;
    solar_position(&ex, s->lat_deg, s->lon_deg, s->elev_m, 1013.25, 12.0, 0.5667, &pe);
    solar_position(&series[i], s->lat_deg, s->lon_deg, s->elev_m, 1013.25, 12.0, 0.5667,
                   &pf);
    fast_err_add(&e, &ex, &series[i], &pe, &pf);
  }
  fast_err_check(&e);
}
END_TEST

START_TEST(test_site_api_same)
{
  /* solar_interval_position_site() with solar_site_init() is the same
   * computation as solar_interval_position_fast() with the site's numbers:
   * identical results, bit for bit, over an hourly year at Helsinki
   * (white nights, polar-ish sunrise hours) in 2000. */
  const struct fast_site *fs = &FAST_SITES[1];
  struct solar_site site;
  solar_site_init(&site, fs->lat_deg, fs->lon_deg, fs->elev_m);
  struct solar_time_cache c1, c2;
  solar_time_cache_init(&c1, 63.8);
  solar_time_cache_init(&c2, 63.8);
  int night = 0;
  for (int i = 0; i < FAST_HOURS; i++) {
    const double t = FAST_YEARS[1] + 1800.0 + 3600.0 * i;
    struct solar_pos a, b;
    const double fa = solar_interval_position_fast(&c1, t, 3600.0, fs->lat_deg, fs->lon_deg,
                                                   fs->elev_m, 1013.25, 12.0, &a);
    const double fb = solar_interval_position_site(&c2, &site, t, 3600.0, 1013.25, 12.0, &b);
    ck_assert_double_eq(fa, fb);
    ck_assert_double_eq(a.zenith_deg, b.zenith_deg);
    ck_assert_double_eq(a.azimuth_deg, b.azimuth_deg);
    ck_assert_double_eq(a.hour_angle_deg, b.hour_angle_deg);
    if (fb == 0.0) {
      night++;
      ck_assert(b.zenith_deg > 90.8333);
    }
  }
  /* Helsinki has about 4000 sun-down hours a year. */
  ck_assert_int_gt(night, 3000);
}
END_TEST

/* The shared time axis gives the per-site path's positions bit for bit
 * (sim.c relies on it for identical outputs), for full positions and for
 * the fixed-plane subset, over an hourly year at Helsinki in 2000 and at
 * Dunedin in 2050, including the sunrise and sunset hours that interpolate
 * at the middle of their sun-up part. */
START_TEST(test_axis_same_as_site)
{
  const double DEG = 3.14159265358979323846 / 180.0;
  const struct fast_site *fs = &FAST_SITES[1 + _i];
  struct solar_site site;
  solar_site_init(&site, fs->lat_deg, fs->lon_deg, fs->elev_m);
  const double t0 = FAST_YEARS[1 + _i] + 1800.0;
  struct solar_axis *a = solar_axis_new(t0, 3600.0, FAST_HOURS, 63.8);
  ck_assert_ptr_nonnull(a);
  struct solar_time_cache c1, c2;
  solar_time_cache_init(&c1, 63.8);
  solar_time_cache_init(&c2, 63.8);
  int partial = 0;
  for (int i = 0; i < FAST_HOURS; i++) {
    const double t = t0 + 3600.0 * i;
    struct solar_pos ps, pa, pb;
    struct solar_sun ss, sa;
    const double fs_ = solar_interval_position_site(&c1, &site, t, 3600.0, 1013.25, 12.0, &ps);
    const double fa = solar_interval_position_axis(a, (size_t)i, &site, 1013.25, 12.0, &pa);
    const double fb = solar_interval_sun_axis(a, (size_t)i, &site, 1013.25, 12.0, &pb, &sa);
    const double fc = solar_interval_sun_site(&c2, &site, t, 3600.0, 1013.25, 12.0, NULL, &ss);
    ck_assert_double_eq(fs_, fa);
    ck_assert_double_eq(fs_, fb);
    ck_assert_double_eq(fs_, fc);
    ck_assert_double_eq(ps.zenith_deg, pa.zenith_deg);
    ck_assert_double_eq(ps.azimuth_deg, pa.azimuth_deg);
    ck_assert_double_eq(ps.hour_angle_deg, pa.hour_angle_deg);
    ck_assert_double_eq(ps.zenith_deg, pb.zenith_deg);
    ck_assert_double_eq(ps.azimuth_deg, pb.azimuth_deg);
    ck_assert_double_eq(sa.zenith_deg, ss.zenith_deg);
    ck_assert_double_eq(sa.cos_zenith, ss.cos_zenith);
    ck_assert_double_eq(sa.sin_azimuth, ss.sin_azimuth);
    if (fs_ > 0.0) {
      /* The fixed-plane subset: the same zenith, and the sines and cosines
       * of zenith and azimuth to rounding (solar.h: 1e-15 and 4e-15; the
       * reference azimuth_deg, up to 360, is itself rounded to 6e-14 deg,
       * 1e-15 rad, and converting it to radians adds as much). */
      ck_assert_double_eq(sa.zenith_deg, ps.zenith_deg);
      ck_assert_double_eq_tol(sa.cos_zenith, cos(ps.zenith_deg * DEG), 1e-15);
      ck_assert_double_eq_tol(sa.sin_zenith, sin(ps.zenith_deg * DEG), 1e-15);
      ck_assert_double_eq_tol(sa.sin_azimuth, sin(ps.azimuth_deg * DEG), 4e-15);
      ck_assert_double_eq_tol(sa.cos_azimuth, cos(ps.azimuth_deg * DEG), 4e-15);
    } else {
      ck_assert_double_eq(sa.zenith_deg, SOLAR_NIGHT_ZENITH_DEG);
    }
    partial += fs_ > 0.0 && fs_ < 1.0;
  }
  ck_assert_int_gt(partial, 600); /* sunrise and sunset hours were exercised */
  solar_axis_free(a);
}
END_TEST

/* solar_interval_sun_axis_run(), which works a block of rows at a time
 * in a vectorised loop, gives solar_interval_sun_axis() row by row bit
 * for bit: at Quito, Helsinki, Dunedin and 78.2 N (polar day and night),
 * with the pressure and temperature from rows (among them, every 97th,
 * 60000 hPa at -60 degC: no real air, but refraction enough to leave the
 * series, so that the scalar way takes over) and with a constant pressure;
 * over 8760 rows, not a whole number of blocks. */
START_TEST(test_axis_run_same_as_rows)
{
  static const struct fast_site sites[] = {
    {-0.1807, -78.4678, 2850.0}, {60.1699, 24.9384, 17.0},
    {-45.8788, 170.5028, 40.0},  {78.2232, 15.6267, 10.0},
  };
  const struct fast_site *fs = &sites[_i / 2];
  const int rows_air = _i % 2;
  struct solar_site site;
  solar_site_init(&site, fs->lat_deg, fs->lon_deg, fs->elev_m);
  struct solar_axis *a = solar_axis_new(FAST_YEARS[1] + 1800.0, 3600.0, FAST_HOURS, 63.8);
  ck_assert_ptr_nonnull(a);
  static double pa[FAST_HOURS], tc[FAST_HOURS], z[FAST_HOURS], cz[FAST_HOURS], sz[FAST_HOURS],
      se[FAST_HOURS], ce[FAST_HOURS];
  for (int i = 0; i < FAST_HOURS; i++) {
    const int dense = rows_air && i % 97 == 0;
    pa[i] = dense ? 6.0e6 : rows_air ? 90000.0 + 20.0 * (i % 1000) : 101325.0;
    tc[i] = dense ? -60.0 : -20.0 + 0.007 * i;
  }
  solar_interval_sun_axis_run(a, FAST_HOURS, &site, rows_air ? pa : NULL, 101325.0, tc, z, cz,
                              sz, se, ce);
  int up = 0, down = 0;
  for (int i = 0; i < FAST_HOURS; i++) {
    struct solar_sun s;
    const double f = solar_interval_sun_axis(a, (size_t)i, &site, pa[i] / 100.0, tc[i], NULL, &s);
    ck_assert_double_eq(z[i], s.zenith_deg);
    ck_assert_double_eq(cz[i], s.cos_zenith);
    ck_assert_double_eq(sz[i], s.sin_zenith);
    ck_assert_double_eq(se[i], s.sin_azimuth);
    ck_assert_double_eq(ce[i], s.cos_azimuth);
    up += f >= 1.0;
    down += f <= 0.0;
  }
  /* Each site has whole hours of sun and whole hours of night. */
  ck_assert_int_gt(up, 1000);
  ck_assert_int_gt(down, 1000);
  solar_axis_free(a);
}
END_TEST

/* ---- the topocentric part against SPA's equations as printed -------------
 * solar_position() works the parallax on the direction vector (solar.c)
 * and the refraction by the tangent addition rule; here are eqs. 26-43 of
 * the report written out as printed (atan, atan2, tan), from the exact time
 * part. The two must agree within 1e-6 deg in zenith and azimuth, at 2000
 * random sites (latitude -89..89, elevation -400..5000 m, any pressure and
 * temperature) and instants in 1950-2050; and the shared-axis path
 * (interpolated time part, sun up all hour) within 1e-6 deg as well. */
static void spa_topocentric_printed(const struct solar_time *st, double lat, double lon,
                                    double elev, double p_mbar, double t_c, double refract,
                                    double *zenith, double *azimuth)
{
  const double D = 3.14159265358979323846 / 180.0;
  const double h = fmod(st->nu_deg + lon - st->alpha_deg + 720.0, 360.0) * D;
  const double xi = st->xi_deg * D, phi = lat * D, delta = st->delta_deg * D;
  const double u = atan(0.99664719 * tan(phi));
  const double x = cos(u) + elev / 6378140.0 * cos(phi);
  const double y = 0.99664719 * sin(u) + elev / 6378140.0 * sin(phi);
  const double da = atan2(-x * sin(xi) * sin(h), cos(delta) - x * sin(xi) * cos(h));
  const double dp = atan2((sin(delta) - y * sin(xi)) * cos(da),
                          cos(delta) - x * sin(xi) * cos(h));
  const double hp = h - da;
  const double e0 = asin(sin(phi) * sin(dp) + cos(phi) * cos(dp) * cos(hp)) / D;
  double de = 0.0;
  if (e0 >= -(0.26667 + refract))
    de = p_mbar / 1010.0 * 283.0 / (273.0 + t_c) * 1.02 /
         (60.0 * tan((e0 + 10.3 / (e0 + 5.11)) * D));
  *zenith = 90.0 - (e0 + de);
  const double g = atan2(sin(hp), cos(hp) * sin(phi) - tan(dp) * cos(phi)) / D;
  *azimuth = fmod(g + 180.0 + 360.0, 360.0);
}

START_TEST(test_topocentric_as_printed)
{
  gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(rng, 2024);
  double ez = 0.0, ea = 0.0, ez_axis = 0.0, ea_axis = 0.0;
  int n_axis = 0;
  for (int k = 0; k < 2000; k++) {
    const double lat = -89.0 + 178.0 * gsl_rng_uniform(rng);
    const double lon = -180.0 + 360.0 * gsl_rng_uniform(rng);
    const double elev = -400.0 + 5400.0 * gsl_rng_uniform(rng);
    const double p_mbar = 500.0 + 550.0 * gsl_rng_uniform(rng);
    const double t_c = -40.0 + 85.0 * gsl_rng_uniform(rng);
    const double t = FAST_YEARS[0] + 1800.0 +
                     3600.0 * floor(gsl_rng_uniform(rng) * 100.0 * 8766.0);
    struct solar_time st;
    solar_time_at(t, 69.0, &st);
    struct solar_pos pos;
    double z, a;
    solar_position(&st, lat, lon, elev, p_mbar, t_c, 0.5667, &pos);
    spa_topocentric_printed(&st, lat, lon, elev, p_mbar, t_c, 0.5667, &z, &a);
    ez = fmax(ez, fabs(pos.zenith_deg - z));
    ea = fmax(ea, angle_diff_deg(pos.azimuth_deg, a));
    /* The fixed-plane path on a shared axis of a few hours around t. */
    struct solar_axis *ax = solar_axis_new(t - 3600.0, 3600.0, 3, 69.0);
    ck_assert_ptr_nonnull(ax);
    struct solar_site site;
    solar_site_init(&site, lat, lon, elev);
    struct solar_pos pa;
    struct solar_sun sun;
    if (solar_interval_sun_axis(ax, 1, &site, p_mbar, t_c, &pa, &sun) >= 1.0) {
      spa_topocentric_printed(&st, lat, lon, elev, p_mbar, t_c, 0.5667, &z, &a);
      ez_axis = fmax(ez_axis, fabs(sun.zenith_deg - z));
      ez_axis = fmax(ez_axis, fabs(pa.zenith_deg - z));
      ea_axis = fmax(ea_axis, angle_diff_deg(pa.azimuth_deg, a));
      const double D = 3.14159265358979323846 / 180.0;
      ck_assert_double_eq_tol(sun.cos_zenith, cos(z * D), 1e-8);
      ck_assert_double_eq_tol(sun.sin_azimuth, sin(a * D), 1e-8);
      ck_assert_double_eq_tol(sun.cos_azimuth, cos(a * D), 1e-8);
      n_axis++;
    }
    solar_axis_free(ax);
  }
  gsl_rng_free(rng);
  ck_assert_double_eq_tol(ez, 0.0, 1e-6);
  ck_assert_double_eq_tol(ea, 0.0, 1e-6);
  ck_assert_double_eq_tol(ez_axis, 0.0, 1e-6);
  ck_assert_double_eq_tol(ea_axis, 0.0, 1e-6);
  ck_assert_int_gt(n_axis, 500);
}
END_TEST

Suite *make_solar_suite(void)
{
  Suite *s = suite_create("solar");
  TCase *tc = tcase_create("spa_example");
  tcase_add_test(tc, test_spa_example_time_part);
  tcase_add_test(tc, test_spa_example_site_part);
  suite_add_tcase(s, tc);

  tc = tcase_create("published");
  tcase_add_loop_test(tc, test_geocentric_published, 0,
                      (int)(sizeof(GEO) / sizeof(GEO[0])));
  tcase_add_loop_test(tc, test_topocentric_almanac, 0,
                      (int)(sizeof(TOPO) / sizeof(TOPO[0])));
  tcase_add_test(tc, test_refraction_low_sun);
  tcase_add_loop_test(tc, test_season_instants, 0,
                      (int)(sizeof(SEASON) / sizeof(SEASON[0])));
  tcase_add_test(tc, test_julian_day_1957);
  suite_add_tcase(s, tc);

  tc = tcase_create("sunrise");
  tcase_add_test(tc, test_sunrise_equator_equinox);
  tcase_add_test(tc, test_sunrise_mid_latitude);
  tcase_add_test(tc, test_sunrise_polar);
  suite_add_tcase(s, tc);

  tc = tcase_create("interval");
  tcase_add_test(tc, test_interval_daylight);
  tcase_add_test(tc, test_interval_night);
  tcase_add_test(tc, test_interval_sunrise_usno);
  tcase_add_test(tc, test_interval_midnight_sun_edge);
  tcase_add_test(tc, test_interval_night_geocentric);
  suite_add_tcase(s, tc);

  tc = tcase_create("fast");
  tcase_set_timeout(tc, 60);
  tcase_add_loop_test(tc, test_fast_hourly_year, 0, 3);
  tcase_add_loop_test(tc, test_fast_interval_year, 0, 3);
  tcase_add_test(tc, test_fast_irregular_instants);
  tcase_add_test(tc, test_site_api_same);
  tcase_add_loop_test(tc, test_axis_same_as_site, 0, 2);
  tcase_add_loop_test(tc, test_axis_run_same_as_rows, 0, 8);
  tcase_add_test(tc, test_topocentric_as_printed);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_solar_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
