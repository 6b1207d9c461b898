/* Tests of the EPW, SAM CSV, PVGIS and TMY2 readers: format detection, the time
 * axis each one builds (interval starts in UTC), unit conversions, the
 * malformed files in tests/readers/, and, when present, every file of the
 * shared data/solar/ collection.
 *
 * Environment: top_srcdir (default ".") locates tests/readers/;
 * RENEWCALC_SHARED (default "$top_srcdir/../shared") locates data/solar/;
 * tests on those files are skipped with a message when they are absent. */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "profile.h"
#include "solar.h"

/* Unix time of 2023-01-01 00:00 UTC: 19358 days after 1970-01-01
 * (53 years of 365 days + 13 leap days 1972..2020). */
#define T_2023 1672531200LL
/* 2015-01-01: 45 years after 1970 with 11 leap days (1972..2012):
 * (45 * 365 + 11) * 86400. */
#define T_2015 1420070400LL
/* 2016-01-01 = T_2015 + 365 days; 2017-01-01 = 2016-01-01 + 366 days. */
#define T_2016 (T_2015 + 365LL * 86400)
#define T_2017 (T_2016 + 366LL * 86400)
/* 2019-01-01 = 2017-01-01 + 2 * 365 days. */
#define T_2019 (T_2017 + 730LL * 86400)

static char srcdir[1024];
static char shared[1100];

/* Writes text to a new temporary file; path receives its name. */
static FILE *open_temp(char *path, size_t size)
{
  const char *dir = getenv("TMPDIR");
  int fd;
  FILE *f;

  snprintf(path, size, "%s/check_readers-XXXXXX", dir ? dir : "/tmp");
  fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  f = fdopen(fd, "w");
  ck_assert_ptr_nonnull(f);
  return f;
}

static struct profile *read_ok(const char *path, struct diag *d)
{
  struct profile *p = profile_read(path, d);

  ck_assert_msg(p != NULL, "%s", diag_count(d) ? diag_get(d, 0) : "");
  ck_assert_int_eq(diag_count(d), 0);
  return p;
}

static int days_in_month(int y, int m)
{
  static const int md[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  return m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29
                                                                 : md[m - 1];
}

/* ---- detection -------------------------------------------------------------- */

START_TEST(test_detect)
{
  ck_assert(read_epw_detect("LOCATION,AMSTERDAM,-,NLD,IWEC Data,062400,52.30,"
                            "4.77,1.0,-2.0\nDESIGN CONDITIONS,1\n"));
  ck_assert(!read_epw_detect("Location,x\n"));
  ck_assert(read_sam_csv_detect("Source,Location ID,Latitude,Longitude,Time "
                                "Zone,Elevation\nNSRDB,1,40.5,-108.5,-7,2168\n"
                                "Year,Month,Day,Hour,Minute,GHI\n"));
  /* Names are compared without case, as SAM does. */
  ck_assert(read_sam_csv_detect("latitude,longitude,time zone\n1,2,3\n"
                                "year,month,day,hour,ghi\n"));
  /* No metadata lines: not SAM CSV (tests/profiles/unknown-format.csv). */
  ck_assert(!read_sam_csv_detect("Year,Month,Day,Hour,GHI\n2023,1,1,8,37.6\n"));
  ck_assert(!read_sam_csv_detect("Latitude,Longitude,Time Zone\n1,2,3\n"
                                 "time,ghi\n"));
  ck_assert(read_pvgis_detect("Latitude (decimal degrees): 45.000\n"));
  ck_assert(read_pvgis_detect("Latitude (decimal degrees):\t45.000\n"));
  ck_assert(!read_pvgis_detect("Latitude,45\n"));
  /* The other detectors do not claim the new formats. */
  ck_assert(!read_csv_detect("Latitude (decimal degrees): 45.000\n"));
  ck_assert(!read_tmy3_detect("LOCATION,A,-,B,C,1,2.0,3.0,1.0,4.0\n"
                              "DESIGN CONDITIONS,0\n"));
  ck_assert(read_tmy2_detect(" 12839 MIAMI                  FL  -5 N 25 48 "
                             "W  80 16     2\n 62010101000000000000?0\n"));
  /* No leading space on the rows, or a TMY3 station line: not TMY2. */
  ck_assert(!read_tmy2_detect(" 12839 MIAMI                  FL  -5 N 25 48 "
                              "W  80 16     2\n62010101000000000000?0\n"));
  ck_assert(!read_tmy2_detect("723170,\"GREENSBORO\",NC,-5.0,36.1,-79.9,"
                              "273\nDate (MM/DD/YYYY),Time (HH:MM),\n"));
  ck_assert(!read_tmy3_detect(" 12839 MIAMI                  FL  -5 N 25 48 "
                              "W  80 16     2\n 62010101000000000000?0\n"));
}
END_TEST

/* ---- EPW ---------------------------------------------------------------------- */

static const char epw_header[] =
  "LOCATION,LUANG PRABANG,-,LAO,renewcalc test,489300,19.88,102.14,7.0,305.0\n"
  "DESIGN CONDITIONS,0\n"
  "TYPICAL/EXTREME PERIODS,0\n"
  "GROUND TEMPERATURES,0\n"
  "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0\n"
  "COMMENTS 1,renewcalc test\n"
  "COMMENTS 2,not real weather\n"
  "DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31\n";

/* One EPW row (35 fields) with the given values. */
static void epw_row(FILE *f, int y, int m, int d, int h, const char *temp,
                    const char *pres, const char *ghi, const char *dni,
                    const char *dhi, const char *wind, const char *alb)
{
  fprintf(f, "%d,%d,%d,%d,60,A7A7A7,%s,18.0,70,%s,0,1415,380,%s,%s,%s,0,0,0,"
          "0,90,%s,5,5,20.0,77777,9,999999999,0,0.0500,0,88,%s,0.0,0.0\n",
          y, m, d, h, temp, pres, ghi, dni, dhi, wind, alb);
}

/* A typical year: months from 1995 and 1988; only the first row has an
 * albedo (the others 999, not available). */
START_TEST(test_epw_good)
{
  char path[1200];
  FILE *f = open_temp(path, sizeof path);
  struct diag *d = diag_new();
  struct profile *p;

  fputs(epw_header, f);
  epw_row(f, 1995, 1, 1, 1, "24.3", "98140", "37.6", "241.3", "101.6", "1.6",
          "0.190");
  for (int m = 1; m <= 12; m++)
    for (int day = 1; day <= days_in_month(2023, m); day++)
      for (int h = 1; h <= 24; h++)
        if (m > 1 || day > 1 || h > 1)
          epw_row(f, m < 7 ? 1995 : 1988, m, day, h, "12.5", "101325",
                  h == 13 ? "500" : "0", "0", "0", "2.5", "999");
  fclose(f);
  p = read_ok(path, d);
  ck_assert_str_eq(p->format, "epw");
  ck_assert_uint_eq(p->n, 8760);
  ck_assert_int_eq(p->interval_s, 3600);
  ck_assert(p->utc_offset_h == 7.0);
  /* 1/1 hour 1 ends at 01:00 local, starts at 00:00 local UTC+7 =
   * 2022-12-31 17:00 UTC = T_2023 - 7 h (typical year placed in 2023). */
  ck_assert(p->t_utc[0] == T_2023 - 7 * 3600);
  ck_assert(p->t_utc[8759] == p->t_utc[0] + 8759LL * 3600);
  /* Values are copied from the text: 1e-9 only allows decimal rounding. */
  ck_assert_double_eq_tol(p->col[PROFILE_TEMP_AIR][0], 24.3, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_PRESSURE][0], 98140.0, 1e-9); /* Pa */
  ck_assert_double_eq_tol(p->col[PROFILE_GHI][0], 37.6, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_DNI][0], 241.3, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_DHI][0], 101.6, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_WIND_SPEED][0], 1.6, 1e-9);
  /* Row 12 (1/1 13:00) has 500 Wh/m2 over the hour = 500 W/m2 mean. */
  ck_assert_double_eq_tol(p->col[PROFILE_GHI][12], 500.0, 1e-9);
  /* The hours without albedo get the mean of those with one: 0.19. */
  ck_assert_double_eq_tol(p->col[PROFILE_ALBEDO][4000], 0.19, 1e-9);
  ck_assert_double_eq_tol(p->latitude, 19.88, 1e-9);
  ck_assert_double_eq_tol(p->longitude, 102.14, 1e-9);
  ck_assert_double_eq_tol(p->elevation_m, 305.0, 1e-9);
  ck_assert_str_eq(p->station, "LUANG PRABANG, LAO (renewcalc test, WMO "
                   "489300)");
  ck_assert_str_eq(p->labelling, "hour-ending, local standard time UTC+07:00, "
                   "typical year placed in 2023");
  profile_free(p);
  diag_free(d);
  unlink(path);
}
END_TEST

/* ---- SAM CSV ------------------------------------------------------------------ */

/* Hourly TMY with a Minute column (30): instantaneous at hh:30, stored as
 * the hour hh:00-hh+1:00. */
START_TEST(test_sam_tmy_minute)
{
  char path[1200];
  FILE *f = open_temp(path, sizeof path);
  struct diag *d = diag_new();
  struct profile *p;

  fputs("Source,Location ID,City,State,Country,Latitude,Longitude,Time Zone,"
        "Elevation\nNSRDB,424242,Luang Prabang,-,LAO,19.88,102.14,7,305\n"
        "Year,Month,Day,Hour,Minute,DNI,DHI,GHI,Dew Point,Tdry,Pres,Wspd,"
        "Surface Albedo,,\n", f);
  for (int m = 1; m <= 12; m++)
    for (int day = 1; day <= days_in_month(2023, m); day++)
      for (int h = 0; h < 24; h++) {
        int first = m == 1 && day == 1 && h == 0;

        fprintf(f, "%d,%d,%d,%d,30,%s,%s,%s,12,%s,%s,%s,0.19,,\n",
                m < 5 ? 2009 : 2014, m, day, h, first ? "241.3" : "0",
                first ? "101.6" : "0", first ? "37.6" : "0",
                first ? "24.3" : "20", first ? "981.4" : "1000",
                first ? "1.6" : "2");
      }
  fclose(f);
  p = read_ok(path, d);
  ck_assert_str_eq(p->format, "sam-csv");
  ck_assert_uint_eq(p->n, 8760);
  ck_assert_int_eq(p->interval_s, 3600);
  /* Label 01/01 00:30 local; the hour centred on it starts at 00:00 local
   * UTC+7 = 2022-12-31 17:00 UTC = T_2023 - 7 h. */
  ck_assert(p->t_utc[0] == T_2023 - 7 * 3600);
  ck_assert(p->t_utc[8759] == p->t_utc[0] + 8759LL * 3600);
  ck_assert_double_eq_tol(p->col[PROFILE_GHI][0], 37.6, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_DNI][0], 241.3, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_DHI][0], 101.6, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_TEMP_AIR][0], 24.3, 1e-9);
  /* 981.4 mbar = 98140 Pa; 1e-6 Pa allows the rounding of the product. */
  ck_assert_double_eq_tol(p->col[PROFILE_PRESSURE][0], 98140.0, 1e-6);
  ck_assert_double_eq_tol(p->col[PROFILE_WIND_SPEED][0], 1.6, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_ALBEDO][0], 0.19, 1e-9);
  ck_assert_str_eq(p->station, "NSRDB 424242, Luang Prabang, LAO");
  ck_assert_str_eq(p->labelling, "instantaneous at label (NSRDB), local "
                   "standard time UTC+07:00, typical year placed in 2023");
  profile_free(p);
  diag_free(d);
  unlink(path);
}
END_TEST

/* One real year (2019) without a Minute column: Hour h is the interval
 * h:00-h+1:00. */
START_TEST(test_sam_no_minute)
{
  char path[1200];
  FILE *f = open_temp(path, sizeof path);
  struct diag *d = diag_new();
  struct profile *p;

  fputs("Source,Location ID,City,State,Country,Latitude,Longitude,Time Zone,"
        "Elevation\nTMY2,14914,Fargo,ND,USA,46.9,-96.8,-6,274\n"
        "Year,Month,Day,Hour,GHI,Tdry\n", f);
  for (int m = 1; m <= 12; m++)
    for (int day = 1; day <= days_in_month(2019, m); day++)
      for (int h = 0; h < 24; h++)
        fprintf(f, "2019,%d,%d,%d,%s,-20.9\n", m, day, h,
                h == 12 ? "312.5" : "0");
  fclose(f);
  p = read_ok(path, d);
  ck_assert_uint_eq(p->n, 8760);
  /* Hour 0 of 2019-01-01 at UTC-6 starts at 06:00 UTC. */
  ck_assert(p->t_utc[0] == T_2019 + 6 * 3600);
  ck_assert_ptr_null(p->col[PROFILE_DNI]);
  ck_assert_ptr_null(p->col[PROFILE_PRESSURE]);
  ck_assert_double_eq_tol(p->col[PROFILE_GHI][12], 312.5, 1e-12); /* exact */
  ck_assert_str_eq(p->labelling, "interval-beginning, local standard time "
                   "UTC-06:00, year 2019");
  profile_free(p);
  diag_free(d);
  unlink(path);
}
END_TEST

/* 30-minute rows of the leap year 2016 with Minute 0 and 30: each value is
 * the half hour centred on its label. */
START_TEST(test_sam_30min_leap)
{
  char path[1200];
  FILE *f = open_temp(path, sizeof path);
  struct diag *d = diag_new();
  struct profile *p;

  fputs("Source,Latitude,Longitude,Time Zone,Elevation\n"
        "NSRDB,40.53,-108.54,-7,2168\n"
        "Year,Month,Day,Hour,Minute,GHI,DNI,DHI\n", f);
  for (int m = 1; m <= 12; m++)
    for (int day = 1; day <= days_in_month(2016, m); day++)
      for (int h = 0; h < 24; h++)
        for (int mi = 0; mi < 60; mi += 30)
          fprintf(f, "2016,%d,%d,%d,%d,%s,0,0\n", m, day, h, mi,
                  m == 2 && day == 29 && h == 12 && mi == 30 ? "402.5" : "0");
  fclose(f);
  p = read_ok(path, d);
  ck_assert_uint_eq(p->n, 17568); /* 366 * 48 */
  ck_assert_int_eq(p->interval_s, 1800);
  /* Label 2016-01-01 00:00 local UTC-7 = 07:00 UTC; the half hour centred
   * on it starts 15 min earlier: T_2016 + 7 h - 900 s. */
  ck_assert(p->t_utc[0] == T_2016 + 7 * 3600 - 900);
  /* 29 Feb 12:30 is row (31 + 28) * 48 + 25; it starts at 12:15 local =
   * 19:15 UTC on day 59 after 1 January. */
  ck_assert_double_eq_tol(p->col[PROFILE_GHI][59 * 48 + 25], 402.5, 1e-12);
  ck_assert(p->t_utc[59 * 48 + 25] == T_2016 + 59 * 86400LL + 19 * 3600 +
            15 * 60);
  ck_assert_str_eq(p->labelling, "instantaneous at label (NSRDB), local "
                   "standard time UTC-07:00, year 2016");
  profile_free(p);
  diag_free(d);
  unlink(path);
}
END_TEST

/* ---- PVGIS -------------------------------------------------------------------- */

START_TEST(test_pvgis_tmy)
{
  char path[1200];
  FILE *f = open_temp(path, sizeof path);
  struct diag *d = diag_new();
  struct profile *p;

  fputs("Latitude (decimal degrees): 19.880\n"
        "Longitude (decimal degrees): 102.140\n"
        "Elevation (m): 305.0\n"
        "Irradiance Time Offset (h): 0.1761\n"
        "month,year\n1,2012\n2,2019\n3,2008\n4,2015\n5,2011\n6,2006\n"
        "7,2014\n8,2017\n9,2010\n10,2009\n11,2020\n12,2013\n"
        "time(UTC),T2m,RH,G(h),Gb(n),Gd(h),IR(h),WS10m,WD10m,SP\n", f);
  for (int m = 1; m <= 12; m++)
    for (int day = 1; day <= days_in_month(2023, m); day++)
      for (int h = 0; h < 24; h++) {
        int first = m == 1 && day == 1 && h == 0;

        fprintf(f, "%d%02d%02d:%02d00,%s,70.0,%s,%s,%s,380.0,%s,90.0,%s\n",
                m < 6 ? 2012 : 2014, m, day, h, first ? "24.3" : "20.0",
                first ? "37.6" : "0.0", first ? "241.3" : "-0.0",
                first ? "101.6" : "0.0", first ? "1.6" : "2.0",
                first ? "98140.0" : "100000.0");
      }
  fputs("\nT2m: 2-m air temperature (degree Celsius)\n\n"
        "PVGIS (c) European Union, 2001-2025\n", f);
  fclose(f);
  p = read_ok(path, d);
  ck_assert_str_eq(p->format, "pvgis-tmy");
  ck_assert_uint_eq(p->n, 8760);
  ck_assert(p->utc_offset_h == 0.0);
  /* Values belong to 00:00 UTC + 0.1761 h = 634 s (0.1761 * 3600 = 633.96,
   * rounded to the second); the hour centred there starts 1800 s earlier:
   * T_2023 + 634 - 1800 = T_2023 - 1166. */
  ck_assert(p->t_utc[0] == T_2023 - 1166);
  ck_assert(p->t_utc[8759] == p->t_utc[0] + 8759LL * 3600);
  ck_assert_double_eq_tol(p->col[PROFILE_GHI][0], 37.6, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_DNI][0], 241.3, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_DHI][0], 101.6, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_PRESSURE][0], 98140.0, 1e-9); /* Pa */
  /* "-0.0" is stored as +0 (signbit clear). */
  ck_assert(p->col[PROFILE_DNI][5] == 0.0 && !signbit(p->col[PROFILE_DNI][5]));
  ck_assert_ptr_null(p->col[PROFILE_ALBEDO]);
  ck_assert_str_eq(p->station, "PVGIS TMY, months from 2006-2020");
  ck_assert_str_eq(p->labelling, "instantaneous at label +0.1761 h (PVGIS), "
                   "UTC, typical year placed in 2023");
  profile_free(p);
  diag_free(d);
  unlink(path);
}
END_TEST

/* Two years of a horizontal-plane series with radiation components. */
START_TEST(test_pvgis_series)
{
  char path[1200];
  FILE *f = open_temp(path, sizeof path);
  struct diag *d = diag_new();
  struct profile *p;

  fputs("Latitude (decimal degrees):\t19.880\n"
        "Longitude (decimal degrees):\t102.140\n"
        "Elevation (m):\t305\n"
        "Radiation database:\tPVGIS-SARAH3\n\n\n"
        "Slope: 0 deg. \nAzimuth: 0 deg. \n"
        "time,Gb(i),Gd(i),Gr(i),H_sun,T2m,WS10m,Int\n", f);
  for (int y = 2015; y <= 2016; y++)
    for (int m = 1; m <= 12; m++)
      for (int day = 1; day <= days_in_month(y, m); day++)
        for (int h = 0; h < 24; h++) {
          int noon = y == 2015 && m == 1 && day == 1 && h == 5;

          fprintf(f, "%d%02d%02d:%02d10,%s,%s,0.0,%s,24.3,1.6,0.0\n", y, m,
                  day, h, noon ? "150.5" : "0.0", noon ? "80.25" : "0.0",
                  noon ? "30.0" : "0.0");
        }
  fputs("\nGb(i): Beam (direct) irradiance on the inclined plane (plane of "
        "the array) (W/m2)\n\nPVGIS (c) European Union, 2001-2025\n", f);
  fclose(f);
  p = read_ok(path, d);
  ck_assert_str_eq(p->format, "pvgis-hourly");
  ck_assert_uint_eq(p->n, 8760 + 8784);
  /* First label 2015-01-01 00:10 UTC; the hour centred on it starts at
   * 2014-12-31 23:40 UTC = T_2015 - 20 min. */
  ck_assert(p->t_utc[0] == T_2015 - 1200);
  /* The series keeps its years: row 8760 is 2016-01-01 00:10 - 30 min. */
  ck_assert(p->t_utc[8760] == T_2016 - 1200);
  /* Row 5: GHI = Gb(i) + Gd(i) + Gr(i) = 150.5 + 80.25 + 0 = 230.75;
   * DNI = Gb(i) / sin(H_sun) = 150.5 / sin(30 deg) = 301.0. The sum is
   * exact in binary; the division differs from 301 by the rounding of
   * sin(pi/6) only (1e-9). */
  ck_assert_double_eq_tol(p->col[PROFILE_GHI][5], 230.75, 1e-12);
  ck_assert_double_eq_tol(p->col[PROFILE_DHI][5], 80.25, 1e-12);
  ck_assert_double_eq_tol(p->col[PROFILE_DNI][5], 301.0, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_DNI][4], 0.0, 1e-12);
  ck_assert_ptr_null(p->col[PROFILE_PRESSURE]);
  ck_assert_str_eq(p->station, "PVGIS hourly series, PVGIS-SARAH3");
  ck_assert_str_eq(p->labelling, "instantaneous at label (PVGIS), UTC, years "
                   "2015-2016");
  profile_free(p);
  diag_free(d);
  unlink(path);
}
END_TEST

/* ---- TMY2 --------------------------------------------------------------------- */

/* One fixed-width TMY2 row (142 characters) with the given values: GHI,
 * DNI, DHI [Wh/m2], dry-bulb [0.1 degC, 4 characters], pressure [mbar] and
 * wind speed [0.1 m/s]; the other fields are constant flags and zeros. */
static void tmy2_row(FILE *f, int m, int d, int h, int ghi, int dni, int dhi,
                     const char *temp, int pres, int wind)
{
  fprintf(f, " 95%02d%02d%02d00000000%04d?0%04d?0%04d?00000?00000?00000?0"
          "0000?000A700A7%4sA7 150A7070A7%04dA7090A7%03dA70161A777777A70999"
          "999999013F8062F8000A788E7\n", m, d, h, ghi, dni, dhi, temp, pres,
          wind);
}

/* A synthetic year with the Miami station line (typed from the header
 * layout of the TMY2 manual, not copied from the data file). */
START_TEST(test_tmy2_good)
{
  char path[1200];
  FILE *f = open_temp(path, sizeof path);
  struct diag *d = diag_new();
  struct profile *p;

  fputs(" 12839 MIAMI                  FL  -5 N 25 48 W  80 16     2\n", f);
  for (int m = 1; m <= 12; m++)
    for (int day = 1; day <= days_in_month(2023, m); day++)
      for (int h = 1; h <= 24; h++) {
        int first = m == 1 && day == 1 && h == 1;

        if (first)
          tmy2_row(f, m, day, h, 37, 241, 101, " 243", 981, 16);
        else if (m == 7 && day == 1 && h == 13)
          tmy2_row(f, m, day, h, 912, 655, 287, "-053", 1013, 45);
        else
          tmy2_row(f, m, day, h, 0, 0, 0, " 125", 1013, 25);
      }
  fclose(f);
  p = read_ok(path, d);
  ck_assert_str_eq(p->format, "tmy2");
  ck_assert_uint_eq(p->n, 8760);
  ck_assert_int_eq(p->interval_s, 3600);
  ck_assert(p->utc_offset_h == -5.0);
  /* 1/1 hour 1 ends at 01:00 local, starts at 00:00 local UTC-5 =
   * 05:00 UTC = T_2023 + 5 h (typical year placed in 2023). */
  ck_assert(p->t_utc[0] == T_2023 + 5 * 3600);
  ck_assert(p->t_utc[8759] == p->t_utc[0] + 8759LL * 3600);
  /* Whole numbers in the file; the scaled ones allow the rounding of the
   * product (1e-9). 981 mbar = 98100 Pa; 243 * 0.1 degC; 16 * 0.1 m/s. */
  ck_assert_double_eq_tol(p->col[PROFILE_GHI][0], 37.0, 1e-12);
  ck_assert_double_eq_tol(p->col[PROFILE_DNI][0], 241.0, 1e-12);
  ck_assert_double_eq_tol(p->col[PROFILE_DHI][0], 101.0, 1e-12);
  ck_assert_double_eq_tol(p->col[PROFILE_TEMP_AIR][0], 24.3, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_PRESSURE][0], 98100.0, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_WIND_SPEED][0], 1.6, 1e-9);
  /* 07/01 hour 13 is row (181 days) * 24 + 12 = 4356; "-053" = -5.3 degC. */
  ck_assert_double_eq_tol(p->col[PROFILE_GHI][4356], 912.0, 1e-12);
  ck_assert_double_eq_tol(p->col[PROFILE_TEMP_AIR][4356], -5.3, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_WIND_SPEED][4356], 4.5, 1e-9);
  ck_assert(p->t_utc[4356] == T_2023 + 181 * 86400LL + 17 * 3600);
  ck_assert_ptr_null(p->col[PROFILE_ALBEDO]);
  /* N 25 48 = 25.8; W 80 16 = -(80 + 16/60) = -80.2667 (1e-4: rounding of
   * the printed value only). */
  ck_assert_int_eq(p->has_location, 1);
  ck_assert_double_eq_tol(p->latitude, 25.8, 1e-9);
  ck_assert_double_eq_tol(p->longitude, -80.2667, 1e-4);
  ck_assert_double_eq_tol(p->elevation_m, 2.0, 1e-12);
  ck_assert_str_eq(p->station, "MIAMI, FL (WBAN 12839)");
  ck_assert_str_eq(p->labelling, "hour-ending, local standard time UTC-05:00, "
                   "typical year placed in 2023");
  profile_free(p);
  diag_free(d);
  unlink(path);
}
END_TEST

/* ---- malformed files --------------------------------------------------------- */

/* Each tests/readers/NAME.EXT has NAME.err with the exact first message,
 * naming the file as tests/readers/NAME.EXT. */
static const char *const bad_files[] = {
  "epw-bad-location.epw", "epw-cut-row.epw", "epw-hour-skipped.epw",
  "epw-missing-ghi.epw", "epw-missing-rows.epw", "epw-nan.epw",
  "epw-negative-dni.epw", "epw-subhourly.epw",
  "pvgis-series-beam-at-night.csv", "pvgis-series-duplicate.csv",
  "pvgis-series-missing-rows.csv", "pvgis-series-negative.csv", "pvgis-series-no-t2m.csv",
  "pvgis-series-tilted.csv", "pvgis-tmy-bad-time.csv",
  "pvgis-tmy-cut-row.csv", "pvgis-tmy-hour-skipped.csv",
  "pvgis-tmy-missing-rows.csv", "pvgis-tmy-negative-ghi.csv",
  "sam-bad-timezone.csv", "sam-cut-row.csv", "sam-duplicate.csv",
  "sam-inf.csv", "sam-missing-rows.csv", "sam-missing-value.csv",
  "sam-negative-dhi.csv", "sam-no-irradiance.csv", "sam-only-dni.csv",
  "sam-out-of-order.csv",
  "tmy2-bad-temp.tm2", "tmy2-cut-row.tm2", "tmy2-hour-shifted.tm2",
  "tmy2-missing-ghi.tm2", "tmy2-missing-rows.tm2",
};
#define NBAD (sizeof bad_files / sizeof bad_files[0])

START_TEST(test_bad_file)
{
  const char *name = bad_files[_i];
  char rel[256], path[1400], errpath[1400], want[1024], expect[2048];
  struct diag *d = diag_new();
  size_t len;
  FILE *f;

  snprintf(rel, sizeof rel, "tests/readers/%s", name);
  snprintf(path, sizeof path, "%s/%s", srcdir, rel);
  snprintf(errpath, sizeof errpath, "%s", path);
  strcpy(strrchr(errpath, '.'), ".err");
  f = fopen(errpath, "r");
  ck_assert_msg(f != NULL, "cannot open %s", errpath);
  ck_assert_ptr_nonnull(fgets(want, sizeof want, f));
  fclose(f);
  len = strlen(want);
  if (len > 0 && want[len - 1] == '\n')
    want[--len] = '\0';
  ck_assert_msg(strncmp(want, rel, strlen(rel)) == 0,
                "%s does not start with %s", errpath, rel);
  snprintf(expect, sizeof expect, "%s%s", path, want + strlen(rel));
  ck_assert_ptr_null(profile_read(path, d));
  ck_assert_int_ge(diag_count(d), 1);
  ck_assert_str_eq(diag_get(d, 0), expect);
  diag_free(d);
}
END_TEST

/* Every file in tests/readers/ is a bad_files[] entry or its .err. */
START_TEST(test_fixture_list)
{
  char dirpath[1200];
  DIR *dir;
  struct dirent *e;
  int nfiles = 0;

  snprintf(dirpath, sizeof dirpath, "%s/tests/readers", srcdir);
  dir = opendir(dirpath);
  ck_assert_msg(dir != NULL, "cannot open %s", dirpath);
  while ((e = readdir(dir)) != NULL) {
    const char *dot = strrchr(e->d_name, '.');
    int found = 0;

    if (e->d_name[0] == '.' || !dot)
      continue;
    nfiles++;
    for (size_t i = 0; i < NBAD; i++) {
      size_t stem = (size_t)(strrchr(bad_files[i], '.') - bad_files[i]);

      if (strcmp(e->d_name, bad_files[i]) == 0 ||
          (strcmp(dot, ".err") == 0 && (size_t)(dot - e->d_name) == stem &&
           strncmp(e->d_name, bad_files[i], stem) == 0))
        found = 1;
    }
    ck_assert_msg(found, "%s is not in bad_files[]", e->d_name);
  }
  closedir(dir);
  ck_assert_int_eq(nfiles, (int)(2 * NBAD));
}
END_TEST

/* ---- the shared data/solar/ files ----------------------------------------- */

static int shared_file(char *buf, size_t size, const char *name)
{
  snprintf(buf, size, "%s/data/solar/%s", shared, name);
  if (access(buf, R_OK) == 0)
    return 1;
  printf("check_readers: %s not found, test skipped\n", buf);
  return 0;
}

/* First t_utc from the first label, the time zone and the labelling (all
 * placed in 2023 unless a real year):
 *  EPW      1/1 hour 1 (ending) UTC+1: starts 00:00 local = T_2023 - 1 h
 *  phoenix  01/01 00:30 UTC-7, hour centred: 00:00 local = T_2023 + 7 h
 *  daggett  01/01 00:00 UTC-8, centred: 12-31 23:30 local = T_2023 + 7.5 h
 *  des moines 00:30 UTC-6: 00:00 local = T_2023 + 6 h
 *  fargo    Hour 0, no Minute, UTC-6: 00:00 local = T_2023 + 6 h
 *  psm_40   00:30 UTC-5: T_2023 + 5 h
 *  psm3     2017-01-01 00:00 UTC-7, half hour centred: 2016-12-31 23:45
 *           local = T_2017 + 7 h - 15 min
 *  PVGIS    00:00 UTC + 634 s - 1800 s = T_2023 - 1166 s
 * Annual sums of the irradiance column (Wh/m2 for hourly rows; W/m2 summed
 * over half hours for psm3), computed from the files with
 *  awk -F, 'NR>8 {s += $14} END {print s}' NLD_Amsterdam062400_IWEC.epw
 *  awk -F, 'NR>3 {s += $8} END {print s}' phoenix_*.csv          (GHI)
 *  awk -F, 'NR>3 {s += $6} END {print s}' daggett_*.csv          (DNI)
 *  awk -F, 'NR>3 {s += $9} END {print s}' des_moines_*.csv       (GHI)
 *  awk -F, 'NR>3 {s += $5} END {print s}' fargo_*.csv            (GHI)
 *  awk -F, 'NR>3 {s += $9} END {print s}' psm_40_-80_tmy2.csv    (GHI)
 *  awk -F, 'NR>3 {s += $7} END {print s}' test_read_psm3.csv     (GHI)
 *  awk -F, '$1 ~ /^[0-9]+:[0-9]+$/ {s += $4} END {print s}' tmy_45*.csv
 * The values are integers or one decimal at most and the sums stay below
 * 2^53, so the double sums are exact to well under 0.01. */
static const struct {
  const char *file, *format;
  size_t n;
  int interval_s;
  long long t0;
  enum profile_col col;
  double sum;
} shared_cases[] = {
  {"NLD_Amsterdam062400_IWEC.epw", "epw", 8760, 3600, T_2023 - 3600,
   PROFILE_GHI, 982481.0},
  {"phoenix_az_33.450495_-111.983688_psmv3_60_tmy.csv", "sam-csv", 8760, 3600,
   T_2023 + 7 * 3600, PROFILE_GHI, 2115088.0},
  {"daggett_ca_34.865371_-116.783023_psmv3_60_tmy.csv", "sam-csv", 8760, 3600,
   T_2023 + 7 * 3600 + 1800, PROFILE_DNI, 2793285.0},
  {"des_moines_ia_41.586835_-93.624959_psmv3_60_tmy.csv", "sam-csv", 8760,
   3600, T_2023 + 6 * 3600, PROFILE_GHI, 1498681.0},
  {"fargo_nd_46.9_-96.8_mts1_60_tmy.csv", "sam-csv", 8760, 3600,
   T_2023 + 6 * 3600, PROFILE_GHI, 1403705.0},
  {"psm_40_-80_tmy2.csv", "sam-csv", 8760, 3600, T_2023 + 5 * 3600,
   PROFILE_GHI, 1456764.0},
  {"test_read_psm3.csv", "sam-csv", 17520, 1800, T_2017 + 7 * 3600 - 900,
   PROFILE_GHI, 3497704.0},
  {"tmy_45.000_8.000_2005_2023.csv", "pvgis-tmy", 8760, 3600, T_2023 - 1166,
   PROFILE_GHI, 1435861.0},
};
#define NSHARED (sizeof shared_cases / sizeof shared_cases[0])

START_TEST(test_shared)
{
  char path[1200];
  struct diag *d;
  struct profile *p;
  double sum = 0.0;

  if (!shared_file(path, sizeof path, shared_cases[_i].file))
    return;
  d = diag_new();
  p = read_ok(path, d);
  ck_assert_str_eq(p->format, shared_cases[_i].format);
  ck_assert_uint_eq(p->n, shared_cases[_i].n);
  ck_assert_int_eq(p->interval_s, shared_cases[_i].interval_s);
  ck_assert_msg(p->t_utc[0] == shared_cases[_i].t0, "%s: t_utc[0] %lld, "
                "expected %lld", shared_cases[_i].file,
                (long long)p->t_utc[0], shared_cases[_i].t0);
  for (size_t i = 1; i < p->n; i++)
    ck_assert(p->t_utc[i] - p->t_utc[i - 1] == p->interval_s);
  ck_assert_ptr_nonnull(p->col[shared_cases[_i].col]);
  for (size_t i = 0; i < p->n; i++)
    sum += p->col[shared_cases[_i].col][i];
  ck_assert_double_eq_tol(sum, shared_cases[_i].sum, 0.01);
  ck_assert_int_eq(p->has_location, 1);
  ck_assert(p->labelling[0] != '\0');
  profile_free(p);
  diag_free(d);
}
END_TEST

/* Details of single files: what the headers say. */
START_TEST(test_shared_headers)
{
  char path[1200];
  struct diag *d = diag_new();
  struct profile *p;

  if (shared_file(path, sizeof path, "NLD_Amsterdam062400_IWEC.epw")) {
    p = read_ok(path, d);
    /* LOCATION,AMSTERDAM,-,NLD,IWEC Data,062400,52.30,4.77,1.0,-2.0 */
    ck_assert_double_eq_tol(p->latitude, 52.30, 1e-9);
    ck_assert_double_eq_tol(p->longitude, 4.77, 1e-9);
    ck_assert_double_eq_tol(p->elevation_m, -2.0, 1e-9);
    ck_assert_str_eq(p->station, "AMSTERDAM, NLD (IWEC Data, WMO 062400)");
    /* First row: 5.1 degC, 100100 Pa; albedo 0.000 everywhere: dropped. */
    ck_assert_double_eq_tol(p->col[PROFILE_TEMP_AIR][0], 5.1, 1e-9);
    ck_assert_double_eq_tol(p->col[PROFILE_PRESSURE][0], 100100.0, 1e-9);
    ck_assert_ptr_null(p->col[PROFILE_ALBEDO]);
    profile_free(p);
  }
  if (shared_file(path, sizeof path,
                  "daggett_ca_34.865371_-116.783023_psmv3_60_tmy.csv")) {
    p = read_ok(path, d);
    /* No GHI column; first row 950.0 mbar = 95000 Pa, albedo 0.21604. */
    ck_assert_ptr_null(p->col[PROFILE_GHI]);
    ck_assert_double_eq_tol(p->col[PROFILE_PRESSURE][0], 95000.0, 1e-6);
    ck_assert_double_eq_tol(p->col[PROFILE_ALBEDO][0], 0.2160400003194809,
                            1e-12);
    ck_assert_str_eq(p->labelling, "instantaneous at label (NSRDB), local "
                     "standard time UTC-08:00, typical year placed in 2023");
    profile_free(p);
  }
  if (shared_file(path, sizeof path, "fargo_nd_46.9_-96.8_mts1_60_tmy.csv")) {
    p = read_ok(path, d);
    ck_assert_str_eq(p->station, "TMY2 14914, Fargo, ND, USA");
    ck_assert_str_eq(p->labelling, "interval-beginning, local standard time "
                     "UTC-06:00, typical year placed in 2023");
    profile_free(p);
  }
  if (shared_file(path, sizeof path, "tmy_45.000_8.000_2005_2023.csv")) {
    p = read_ok(path, d);
    ck_assert_str_eq(p->station, "PVGIS TMY, months from 2006-2020");
    /* First row SP 99870.0 Pa, T2m 2.04 degC. */
    ck_assert_double_eq_tol(p->col[PROFILE_PRESSURE][0], 99870.0, 1e-9);
    ck_assert_double_eq_tol(p->col[PROFILE_TEMP_AIR][0], 2.04, 1e-9);
    profile_free(p);
  }
  diag_free(d);
}
END_TEST

/* Miami TMY2 (pvlib's 12839.tm2): annual GHI and mean dry-bulb against the
 * climate of Miami: about 1,700-1,800 kWh/m2 and 24-25 degC (the file sums
 * to 1792.6 kWh/m2 and averages 24.3 degC, from
 *  awk 'NR>1 {g += substr($0,18,4); t += substr($0,68,4)/10}' 12839.tm2).
 * The bounds are the plausible range, not the exact sums, so that a column
 * read one field off (DNI, DHI, dew point) fails. */
START_TEST(test_shared_tmy2)
{
  char path[1200];
  struct diag *d;
  struct profile *p;
  double ghi = 0.0, temp = 0.0;

  if (!shared_file(path, sizeof path, "12839.tm2"))
    return;
  d = diag_new();
  p = read_ok(path, d);
  ck_assert_str_eq(p->format, "tmy2");
  ck_assert_uint_eq(p->n, 8760);
  /* 01/01 hour 1 at UTC-5 starts at 00:00 local = T_2023 + 5 h. */
  ck_assert(p->t_utc[0] == T_2023 + 5 * 3600);
  for (size_t i = 0; i < p->n; i++) {
    ghi += p->col[PROFILE_GHI][i];
    temp += p->col[PROFILE_TEMP_AIR][i];
  }
  ghi /= 1000.0; /* kWh/m2 */
  temp /= (double)p->n;
  ck_assert_msg(ghi > 1650.0 && ghi < 1850.0, "annual GHI %.1f kWh/m2", ghi);
  ck_assert_msg(temp > 23.0 && temp < 26.0, "mean dry-bulb %.2f degC", temp);
  ck_assert_double_eq_tol(p->latitude, 25.8, 1e-9);
  ck_assert_double_eq_tol(p->longitude, -80.2667, 1e-4);
  ck_assert_double_eq_tol(p->elevation_m, 2.0, 1e-12);
  profile_free(p);
  diag_free(d);
}
END_TEST

/* The sun our axis implies for the PSM3 file (at the middle of each half
 * hour, i.e. at the label) against the file's own 'Solar Zenith Angle'
 * (column 14). Rows (0-based) = (day of year - 1) * 48 + 2 * hour + minute
 * / 30, with the sun well up. The README of the data states the file agrees
 * with SPA at the label within 0.13 deg; 0.2 deg allows that plus the
 * difference between the file's and our refraction at these zeniths. */
START_TEST(test_psm3_zenith)
{
  static const int rows[] = {
    24,                      /* 01-01 12:00 */
    (79 - 1) * 48 + 19,      /* 03-20 09:30 */
    (172 - 1) * 48 + 24,     /* 06-21 12:00 */
    (172 - 1) * 48 + 35,     /* 06-21 17:30 */
    (265 - 1) * 48 + 30,     /* 09-22 15:00 */
    (355 - 1) * 48 + 20,     /* 12-21 10:00 */
  };
  char path[1200], line[1024];
  struct diag *d;
  struct profile *p;
  FILE *f;
  size_t k = 0;
  long lineno = 0;

  if (!shared_file(path, sizeof path, "test_read_psm3.csv"))
    return;
  d = diag_new();
  p = read_ok(path, d);
  f = fopen(path, "r");
  ck_assert_ptr_nonnull(f);
  while (k < sizeof rows / sizeof rows[0] && fgets(line, sizeof line, f)) {
    char *s = line;
    double zen_file, zen_ours;
    struct solar_time st;
    struct solar_pos pos;
    int i = rows[k];

    if (++lineno != i + 4) /* data row i is on line i + 4 */
      continue;
    for (int field = 1; field < 14; field++)
      s = strchr(s, ',') + 1;
    zen_file = strtod(s, NULL);
    solar_time_at((double)p->t_utc[i] + 0.5 * p->interval_s,
                  SOLAR_DELTA_T_DEFAULT_S, &st);
    solar_position(&st, p->latitude, p->longitude, p->elevation_m,
                   p->col[PROFILE_PRESSURE][i] / 100.0,
                   p->col[PROFILE_TEMP_AIR][i], 0.5667, &pos);
    zen_ours = pos.zenith_deg;
    ck_assert_msg(zen_file < 85.0, "row %d: zenith %g", i, zen_file);
    ck_assert_msg(fabs(zen_ours - zen_file) < 0.2, "row %d: zenith %.3f, "
                  "file %.3f", i, zen_ours, zen_file);
    k++;
  }
  fclose(f);
  ck_assert_uint_eq(k, sizeof rows / sizeof rows[0]);
  profile_free(p);
  diag_free(d);
}
END_TEST

Suite *make_readers_suite(void)
{
  Suite *s = suite_create("readers");
  TCase *tc;

  tc = tcase_create("good");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_detect);
  tcase_add_test(tc, test_epw_good);
  tcase_add_test(tc, test_sam_tmy_minute);
  tcase_add_test(tc, test_sam_no_minute);
  tcase_add_test(tc, test_sam_30min_leap);
  tcase_add_test(tc, test_pvgis_tmy);
  tcase_add_test(tc, test_pvgis_series);
  tcase_add_test(tc, test_tmy2_good);
  suite_add_tcase(s, tc);

  tc = tcase_create("errors");
  tcase_add_loop_test(tc, test_bad_file, 0, (int)NBAD);
  tcase_add_test(tc, test_fixture_list);
  suite_add_tcase(s, tc);

  tc = tcase_create("shared");
  tcase_set_timeout(tc, 60);
  tcase_add_loop_test(tc, test_shared, 0, (int)NSHARED);
  tcase_add_test(tc, test_shared_headers);
  tcase_add_test(tc, test_shared_tmy2);
  tcase_add_test(tc, test_psm3_zenith);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  const char *top = getenv("top_srcdir");
  const char *sh = getenv("RENEWCALC_SHARED");
  SRunner *sr;
  int failed;

  snprintf(srcdir, sizeof srcdir, "%s", top && *top ? top : ".");
  if (sh && *sh)
    snprintf(shared, sizeof shared, "%s", sh);
  else
    snprintf(shared, sizeof shared, "%s/../shared", srcdir);
  sr = srunner_create(make_readers_suite());
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
