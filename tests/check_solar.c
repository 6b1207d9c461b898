/* Unit tests for solar.c (NREL SPA sun position). */
#include <check.h>
#include <math.h>
#include <stdlib.h>

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
