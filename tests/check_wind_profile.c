/* Tests of the wind profile readers: SAM SRW and the renewcalc wind CSV
 * (docs/wind-profile-formats.md). Format detection, the time axis (interval
 * starts in UTC), unit conversions, the placing of columns on heights, the
 * malformed files in tests/wind/, and, when present, every SRW file of the
 * shared data/wind/ collection.
 *
 * Environment: top_srcdir (default ".") locates tests/wind/;
 * RENEWCALC_SHARED (default "$top_srcdir/../shared") locates data/wind/;
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
#include "wind_profile.h"

/* Unix time of 2023-01-01 00:00 UTC: 19358 days after 1970-01-01
 * (53 years of 365 days + 13 leap days 1972..2020). */
#define T_2023 1672531200LL
/* 2012-01-01: 42 years with 10 leap days (1972..2008): 15340 days. */
#define T_2012 1325376000LL

static char srcdir[1024];
static char shared[1100];

static FILE *open_temp(char *path, size_t size)
{
  const char *dir = getenv("TMPDIR");
  int fd;
  FILE *f;

  snprintf(path, size, "%s/check_wind_profile-XXXXXX", dir ? dir : "/tmp");
  fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  f = fdopen(fd, "w");
  ck_assert_ptr_nonnull(f);
  return f;
}

static struct wind_profile *read_ok(const char *path, struct diag *d)
{
  struct wind_profile *p = wind_profile_read(path, d);

  ck_assert_msg(p != NULL, "%s", diag_count(d) ? diag_get(d, 0) : "");
  ck_assert_int_eq(diag_count(d), 0);
  return p;
}

/* ---- the shared data/wind/ files ------------------------------------------- */

/* Expected values from ../shared/data/wind/README.md (NREL/ssc test
 * files): elevation and time zone on line 1, mean speed at 50/80/110/140 m
 * from the README's table, checked independently with
 *   awk -F, 'NR>5 {for (k=1;k<=4;k++) s[k]+=$(4*k); n++}
 *     END {printf "%.4f %.4f %.4f %.4f %d\n", s[1]/n, s[2]/n, s[3]/n,
 *          s[4]/n, n}' FILE.srw
 * (speed is every 4th column in these files), which prints the same four
 * values and 8760. First t_utc: record 0 is 1 Jan 00:00 local standard
 * time of the nominal year 2023, i.e. T_2023 - UTC offset:
 *   AR UTC-6: T_2023 + 6 h;  AZ, WY UTC-7: T_2023 + 7 h.
 * First pressure: line 6 of each file, 50 m column 2 [atm] x 101325:
 *   AR 0.953420183 atm = 96605.300 Pa; AZ 0.800485566 atm = 81109.200 Pa;
 *   WY 0.756533925 atm = 76655.800 Pa (bc -l). */
static const struct {
  const char *file, *station;
  double elevation_m, tz_h;
  double mean_ms[4];
  double p0_pa;
} srw[] = {
  {"AR Northwestern-Flat Lands.srw", "Northwestern AR - flat lands (NREL "
   "AWS Truepower representative file)", 758.0, -6.0,
   {6.0067, 6.7678, 7.2784, 7.7006}, 96605.300042},
  {"AZ Eastern-Rolling Hills.srw", "Eastern AZ - rolling hills (NREL AWS "
   "Truepower representative file)", 1829.0, -7.0,
   {5.7837, 6.3162, 6.6877, 6.9955}, 81109.199975},
  {"WY_Southern-Flat_Lands.srw", "Southern WY - flat lands (NREL AWS "
   "Truepower representative file)", 2088.0, -7.0,
   {9.5081, 10.1809, 10.6507, 11.0305}, 76655.799951},
};
#define NSRW (sizeof srw / sizeof srw[0])

static int shared_file(char *buf, size_t size, const char *name)
{
  snprintf(buf, size, "%s/data/wind/%s", shared, name);
  if (access(buf, R_OK) == 0)
    return 1;
  printf("check_wind_profile: %s not found, test skipped\n", buf);
  return 0;
}

START_TEST(test_shared_srw)
{
  static const double heights[4] = {50.0, 80.0, 110.0, 140.0};
  char path[1400];
  struct diag *d;
  struct wind_profile *p;

  if (!shared_file(path, sizeof path, srw[_i].file))
    return;
  d = diag_new();
  p = read_ok(path, d);
  ck_assert_str_eq(p->format, "srw");
  ck_assert_uint_eq(p->n, 8760);
  ck_assert_int_eq(p->interval_s, 3600);
  ck_assert_int_eq(p->nh, 4);
  ck_assert(p->t_utc[0] == T_2023 - (long long)srw[_i].tz_h * 3600);
  /* Records are consecutive hours: the last starts 8759 h after the first. */
  ck_assert(p->t_utc[8759] == p->t_utc[0] + 8759LL * 3600);
  ck_assert_int_eq(p->has_location, 0);
  ck_assert_int_eq(p->has_elevation, 1);
  /* Whole numbers on line 1, read exactly. */
  ck_assert_double_eq_tol(p->elevation_m, srw[_i].elevation_m, 1e-9);
  ck_assert_double_eq_tol(p->utc_offset_h, srw[_i].tz_h, 1e-9);
  ck_assert_str_eq(p->station, srw[_i].station);
  for (int h = 0; h < 4; h++) {
    double sum = 0.0;

    ck_assert_double_eq_tol(p->height_m[h], heights[h], 1e-9);
    ck_assert_ptr_nonnull(p->direction[h]);
    ck_assert_ptr_nonnull(p->temp_c[h]);
    ck_assert_ptr_nonnull(p->pressure_pa[h]);
    for (size_t i = 0; i < p->n; i++)
      sum += p->speed[h][i];
    /* The README gives 4 decimals: half a unit of the last one. */
    ck_assert_double_eq_tol(sum / (double)p->n, srw[_i].mean_ms[h], 5e-5);
  }
  /* atm x 101325 in double arithmetic: far below 1e-6 Pa. */
  ck_assert_double_eq_tol(p->pressure_pa[0][0], srw[_i].p0_pa, 1e-5);
  wind_profile_free(p);
  diag_free(d);
}
END_TEST

/* Spot values of the WY file, line 6 (record 0), read off the file:
 * 140 m: temperature -5.069 C, direction 254 degrees, speed 11.989 m/s. */
START_TEST(test_shared_srw_values)
{
  char path[1400];
  struct diag *d;
  struct wind_profile *p;

  if (!shared_file(path, sizeof path, "WY_Southern-Flat_Lands.srw"))
    return;
  d = diag_new();
  p = read_ok(path, d);
  /* Decimal values copied through strtod: exact to the last bit. */
  ck_assert_double_eq_tol(p->speed[3][0], 11.989, 1e-12);
  ck_assert_double_eq_tol(p->direction[3][0], 254.0, 1e-12);
  ck_assert_double_eq_tol(p->temp_c[3][0], -5.069, 1e-12);
  ck_assert_str_eq(p->labelling, "interval-beginning, local standard time "
                   "UTC-07:00, typical year placed in 2023");
  /* A hub at 95 m is 15 m from both 80 and 110 m: the tie goes to the
   * lower, 80 m; at 96.2 m, 110 m is nearer. */
  ck_assert_int_eq(wind_profile_nearest_height(p, 95.0), 1);
  ck_assert_int_eq(wind_profile_nearest_height(p, 96.2), 2);
  wind_profile_free(p);
  diag_free(d);
}
END_TEST

/* ---- a written SRW year --------------------------------------------------------- */

/* Columns in an unusual order, heights 60 and 10 m (descending in the
 * file), temperature in K at 2 m only below 10 m, pressure in mbar:
 *   Speed 60, Speed 10, Direction 10, Temperature 2 (K), Pressure 10
 *   (mbar), Temperature 60 (C). */
static void write_srw(const char *path, const char *year, double tz,
                      long records)
{
  FILE *f = fopen(path, "w");

  ck_assert_ptr_nonnull(f);
  fprintf(f, "loc_id,city??,LA,Laos,%s,20.68,101.99,1320,%g,%ld\n"
          "Oudomxay ridge (written by the test)\n"
          "Speed,Speed,Direction,Temperature,Pressure,Temperature\n"
          "m/s,m/s,degrees,K,mbar,C\n"
          "60,10,10,2,10,60\n", year, tz, records);
  for (long i = 0; i < records; i++)
    fprintf(f, "%.1f,5.2,%s,293.15,1001.3,15.3\n", i == 3 ? 9.7 : 8.4,
            i == 3 ? "360" : "187");
  fclose(f);
}

static const struct {
  const char *year;
  long records;
  int interval_s;
  long long t0;
  const char *labelling;
} years[] = {
  /* 2012 has 366 days: kept. Jan 1 00:00 at UTC+05:30. */
  {"2012", 8784, 3600, T_2012 - 19800, "interval-beginning, local standard "
   "time UTC+05:30, year 2012"},
  /* A 365-day series cannot be 2012: nominal year. */
  {"2012", 8760, 3600, T_2023 - 19800, "interval-beginning, local standard "
   "time UTC+05:30, year 2012 placed in 2023"},
  /* Half-hourly typical year: 2 x 8760 records of 1800 s. */
  {"year??", 17520, 1800, T_2023 - 19800, "interval-beginning, local "
   "standard time UTC+05:30, typical year placed in 2023"},
};
#define NYEARS (sizeof years / sizeof years[0])

START_TEST(test_srw_written)
{
  char path[1100];
  struct diag *d = diag_new();
  struct wind_profile *p;
  long n = years[_i].records;

  fclose(open_temp(path, sizeof path));
  write_srw(path, years[_i].year, 5.5, n);
  p = read_ok(path, d);
  ck_assert_uint_eq(p->n, (size_t)n);
  ck_assert_int_eq(p->interval_s, years[_i].interval_s);
  ck_assert(p->t_utc[0] == years[_i].t0);
  ck_assert(p->t_utc[n - 1] == years[_i].t0 +
            (long long)(n - 1) * years[_i].interval_s);
  ck_assert_str_eq(p->labelling, years[_i].labelling);
  ck_assert_int_eq(p->has_location, 1);
  ck_assert_double_eq_tol(p->latitude, 20.68, 1e-12);
  ck_assert_double_eq_tol(p->longitude, 101.99, 1e-12);
  ck_assert_int_eq(p->nh, 2);
  ck_assert_double_eq_tol(p->height_m[0], 10.0, 1e-12);
  ck_assert_double_eq_tol(p->height_m[1], 60.0, 1e-12);
  ck_assert_double_eq_tol(p->speed[0][3], 5.2, 1e-12);
  ck_assert_double_eq_tol(p->speed[1][3], 9.7, 1e-12);
  ck_assert_double_eq_tol(p->speed[1][4], 8.4, 1e-12);
  /* 360 degrees is north, stored as 0. */
  ck_assert_double_eq_tol(p->direction[0][3], 0.0, 1e-12);
  ck_assert_double_eq_tol(p->direction[0][4], 187.0, 1e-12);
  ck_assert_ptr_null(p->direction[1]);
  /* 2 m: 293.15 K = 20.00 degC, moved up 8 m to 10 m with the standard
   * lapse rate 6.5 K/km: 20 - 0.052 = 19.948 degC. Rounding of
   * 293.15 - 273.15 only: 1e-9. */
  ck_assert_double_eq_tol(p->temp_c[0][0], 19.948, 1e-9);
  ck_assert_double_eq_tol(p->temp_c[1][0], 15.3, 1e-12);
  /* 1001.3 mbar = 100130 Pa; no pressure at 60 m. */
  ck_assert_double_eq_tol(p->pressure_pa[0][0], 100130.0, 1e-9);
  ck_assert_ptr_null(p->pressure_pa[1]);
  wind_profile_free(p);
  diag_free(d);
  unlink(path);
}
END_TEST

/* ---- the good wind CSV --------------------------------------------------------- */

/* tests/wind/good-3h.csv, by hand:
 *  - labelling interval-end, 10-minute rows: the first row
 *    2023-03-14T07:10+07:00 = 00:10 UTC ends its interval, which starts at
 *    00:00 UTC: 14 March is day 31 + 28 + 13 = 72 after 1 January, so
 *    t_utc[0] = T_2023 + 72 * 86400 = 1678752000;
 *  - speed at 40, 80 and 100 m (nh = 3);
 *  - temp_air_2m goes to 40 m, the nearest speed height, 38 m up:
 *    24.6 - 0.0065 * 38 = 24.353 degC;
 *  - pressure_80m 865.2 hPa = 86520 Pa;
 *  - direction 360 (row 2) is stored as 0. */
START_TEST(test_good_csv)
{
  char path[1200];
  struct diag *d = diag_new();
  struct wind_profile *p;

  snprintf(path, sizeof path, "%s/tests/wind/good-3h.csv", srcdir);
  p = read_ok(path, d);
  ck_assert_str_eq(p->format, "wind-csv");
  ck_assert_uint_eq(p->n, 4);
  ck_assert_int_eq(p->interval_s, 600);
  ck_assert(p->t_utc[0] == 1678752000LL);
  ck_assert(p->t_utc[3] == 1678752000LL + 1800);
  ck_assert_str_eq(p->labelling, "interval-ending, ISO 8601 times, "
                   "UTC+07:00");
  ck_assert_double_eq_tol(p->utc_offset_h, 7.0, 1e-12);
  ck_assert_int_eq(p->has_location, 1);
  ck_assert_double_eq_tol(p->latitude, 20.68, 1e-12);
  ck_assert_double_eq_tol(p->longitude, 101.99, 1e-12);
  ck_assert_int_eq(p->has_elevation, 1);
  ck_assert_double_eq_tol(p->elevation_m, 1320.0, 1e-12);
  ck_assert_str_eq(p->station, "ridge mast A");
  ck_assert_int_eq(p->nh, 3);
  ck_assert_double_eq_tol(p->height_m[0], 40.0, 1e-12);
  ck_assert_double_eq_tol(p->height_m[1], 80.0, 1e-12);
  ck_assert_double_eq_tol(p->height_m[2], 100.0, 1e-12);
  ck_assert_double_eq_tol(p->speed[0][0], 5.4, 1e-12);
  ck_assert_double_eq_tol(p->speed[1][2], 7.4, 1e-12);
  ck_assert_double_eq_tol(p->speed[2][3], 7.5, 1e-12);
  ck_assert_double_eq_tol(p->direction[0][1], 0.0, 1e-12);
  ck_assert_double_eq_tol(p->direction[1][0], 190.0, 1e-12);
  ck_assert_ptr_null(p->direction[2]);
  /* One multiplication and one subtraction of decimals: 1e-9. */
  ck_assert_double_eq_tol(p->temp_c[0][0], 24.353, 1e-9);
  ck_assert_ptr_null(p->temp_c[1]);
  ck_assert_ptr_null(p->temp_c[2]);
  ck_assert_ptr_null(p->pressure_pa[0]);
  ck_assert_double_eq_tol(p->pressure_pa[1][0], 86520.0, 1e-9);
  ck_assert_ptr_null(p->pressure_pa[2]);
  /* Ties go to the lower height: 60 m is 20 m from both 40 and 80. */
  ck_assert_int_eq(wind_profile_nearest_height(p, 60.0), 0);
  ck_assert_int_eq(wind_profile_nearest_height(p, 90.0), 1);
  ck_assert_int_eq(wind_profile_nearest_height(p, 93.7), 2);
  ck_assert_int_eq(wind_profile_nearest_height(p, 12.5), 0);
  ck_assert_int_eq(wind_profile_nearest_height(p, 152.0), 2);
  wind_profile_free(p);
  diag_free(d);
}
END_TEST

/* Which column wins a speed height, and where off-height temperature and
 * pressure go. Speeds at 30 and 90 m; temperature at 2, 28 and 90 m;
 * pressure at 85 and 95 m. */
START_TEST(test_layout)
{
  struct wind_profile *p = wind_profile_new(24);
  struct wind_column c[] = {
    {WIND_TEMP, 2.0, 0, 0, 0}, {WIND_SPEED, 90.0, 0, 0, 0},
    {WIND_TEMP, 28.0, 0, 0, 0}, {WIND_SPEED, 30.0, 0, 0, 0},
    {WIND_TEMP, 90.0, 0, 0, 0}, {WIND_PRESSURE, 95.0, 0, 0, 0},
    {WIND_PRESSURE, 85.0, 0, 0, 0},
  };

  ck_assert_ptr_nonnull(p);
  ck_assert_int_eq(wind_profile_layout(p, c, 7), 0);
  ck_assert_int_eq(p->nh, 2);
  ck_assert_double_eq_tol(p->height_m[0], 30.0, 1e-12);
  /* 28 m is nearer to 30 m than 2 m is: it wins, 2 m is not used. */
  ck_assert_int_eq(c[0].status, WIND_COL_UNUSED);
  ck_assert_int_eq(c[2].status, WIND_COL_USED);
  ck_assert_int_eq(c[2].h, 0);
  ck_assert_double_eq_tol(c[2].dz_m, 2.0, 1e-12);
  ck_assert_int_eq(c[4].h, 1);
  /* 85 and 95 m are both 5 m from 90 m: the first column wins. */
  ck_assert_int_eq(c[5].status, WIND_COL_USED);
  ck_assert_double_eq_tol(c[5].dz_m, -5.0, 1e-12);
  ck_assert_int_eq(c[6].status, WIND_COL_UNUSED);
  ck_assert_ptr_nonnull(p->temp_c[0]);
  ck_assert_ptr_null(p->pressure_pa[0]);
  ck_assert_ptr_nonnull(p->pressure_pa[1]);
  wind_profile_free(p);
}
END_TEST

/* ICAO standard atmosphere (ICAO Doc 7488, table): 1013.25 hPa at 0 m,
 * 1001.29 hPa at 100 m. The isothermal scale height used for short moves
 * gives 1001.308 hPa; the lapse rate left out makes 0.02 hPa, so 3 Pa. */
START_TEST(test_adjust)
{
  ck_assert_double_eq_tol(wind_profile_adjust(WIND_PRESSURE, 101325.0,
                                              100.0), 100129.0, 3.0);
  /* 15 degC at 0 m is 8.5 degC at 1000 m (ICAO table: 281.65 K). */
  ck_assert_double_eq_tol(wind_profile_adjust(WIND_TEMP, 15.0, 1000.0), 8.5,
                          1e-12);
  /* Speed is not moved: returned as given. */
  ck_assert_double_eq_tol(wind_profile_adjust(WIND_SPEED, 7.3, 40.0), 7.3,
                          1e-15);
}
END_TEST

START_TEST(test_detect)
{
  static const char srw_head[] =
    "loc_id,city??,WY,USA,year??,lat??,lon??,2088,-7,8760\n"
    "Southern WY - flat lands\n"
    "Temperature,Pressure,Direction,Speed\n"
    "C,atm,degrees,m/s\n"
    "50,50,50,50\n";
  static const char csv_head[] =
    "# labelling: interval-start\n"
    "time,speed_100m,direction_100m\n"
    "2023-01-01T00:00Z,7.1,270\n";
  static const char solar_head[] =
    "# labelling: interval-start\n"
    "time,ghi,wind_speed\n"
    "2023-01-01T00:00Z,37.6,2.1\n";

  ck_assert_int_eq(read_srw_detect(srw_head), 1);
  ck_assert_int_eq(read_srw_detect(csv_head), 0);
  ck_assert_int_eq(read_wind_csv_detect(csv_head), 1);
  ck_assert_int_eq(read_wind_csv_detect(srw_head), 0);
  ck_assert_int_eq(read_wind_csv_detect(solar_head), 0);
  ck_assert_int_eq(read_srw_detect(solar_head), 0);
}
END_TEST

START_TEST(test_missing_file)
{
  struct diag *d = diag_new();

  ck_assert_ptr_null(wind_profile_read("tests/wind/no-such-file.srw", d));
  ck_assert_int_eq(diag_count(d), 1);
  ck_assert_str_eq(diag_get(d, 0), "renewcalc: cannot open "
                   "'tests/wind/no-such-file.srw': No such file or directory");
  wind_profile_free(NULL);
  diag_free(d);
}
END_TEST

/* ---- malformed files ------------------------------------------------------------- */

/* Each tests/wind/NAME.EXT has NAME.err with the exact first message,
 * naming the file as tests/wind/NAME.EXT. */
static const char *const bad_files[] = {
  "srw-bad-timezone.srw", "srw-bad-unit.srw", "srw-cut-row.srw",
  "srw-direction-no-speed.srw", "srw-direction-range.srw",
  "srw-negative-speed.srw", "srw-no-speed.srw", "srw-short-line1.srw",
  "srw-speed-not-number.srw", "srw-too-few-records.srw",
  "srw-unknown-column.srw", "srw-zero-height.srw",
  "unknown-format.csv",
  "wcsv-direction-no-speed.csv", "wcsv-duplicate-column.csv",
  "wcsv-duplicate.csv", "wcsv-empty-value.csv", "wcsv-gap.csv",
  "wcsv-interval-too-long.csv", "wcsv-nan.csv", "wcsv-negative-speed.csv",
  "wcsv-no-height.csv", "wcsv-no-labelling.csv", "wcsv-no-offset.csv",
  "wcsv-no-speed.csv", "wcsv-pressure-pa.csv", "wcsv-shifted.csv",
  "wcsv-truncated.csv", "wcsv-unknown-column.csv", "wcsv-unsorted.csv",
  "wcsv-zero-height.csv",
};
#define NBAD (sizeof bad_files / sizeof bad_files[0])

START_TEST(test_bad_file)
{
  const char *name = bad_files[_i];
  char rel[256], path[1400], errpath[1400], want[1024], expect[2048];
  struct diag *d = diag_new();
  size_t len;
  FILE *f;

  snprintf(rel, sizeof rel, "tests/wind/%s", name);
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
  ck_assert_ptr_null(wind_profile_read(path, d));
  ck_assert_int_ge(diag_count(d), 1);
  ck_assert_str_eq(diag_get(d, 0), expect);
  diag_free(d);
}
END_TEST

/* Every file in tests/wind/ is good-3h.csv, a bad_files[] entry or its
 * .err. */
START_TEST(test_fixture_list)
{
  char dirpath[1200];
  DIR *dir;
  struct dirent *e;
  int nfiles = 0;

  snprintf(dirpath, sizeof dirpath, "%s/tests/wind", srcdir);
  dir = opendir(dirpath);
  ck_assert_msg(dir != NULL, "cannot open %s", dirpath);
  while ((e = readdir(dir)) != NULL) {
    const char *dot = strrchr(e->d_name, '.');
    int found = strcmp(e->d_name, "good-3h.csv") == 0;

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
  ck_assert_int_eq(nfiles, (int)(2 * NBAD + 1));
}
END_TEST

/* A bad file reports every problem, not only the first: the SRW cut row
 * and then the record count. */
START_TEST(test_all_errors)
{
  char path[1200], want[1300];
  struct diag *d = diag_new();

  snprintf(path, sizeof path, "%s/tests/wind/srw-cut-row.srw", srcdir);
  ck_assert_ptr_null(wind_profile_read(path, d));
  ck_assert_int_eq(diag_count(d), 2);
  snprintf(want, sizeof want, "%s:8: expected 8760 records as line 1 says, "
           "got 3", path);
  ck_assert_str_eq(diag_get(d, 1), want);
  diag_free(d);
}
END_TEST

Suite *make_wind_profile_suite(void)
{
  Suite *s = suite_create("wind_profile");
  TCase *tc;

  tc = tcase_create("readers");
  tcase_add_test(tc, test_good_csv);
  tcase_add_loop_test(tc, test_srw_written, 0, (int)NYEARS);
  tcase_add_test(tc, test_layout);
  tcase_add_test(tc, test_adjust);
  tcase_add_test(tc, test_detect);
  tcase_add_test(tc, test_missing_file);
  suite_add_tcase(s, tc);

  tc = tcase_create("errors");
  tcase_add_loop_test(tc, test_bad_file, 0, (int)NBAD);
  tcase_add_test(tc, test_fixture_list);
  tcase_add_test(tc, test_all_errors);
  suite_add_tcase(s, tc);

  tc = tcase_create("shared");
  tcase_set_timeout(tc, 60);
  tcase_add_loop_test(tc, test_shared_srw, 0, (int)NSRW);
  tcase_add_test(tc, test_shared_srw_values);
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
  sr = srunner_create(make_wind_profile_suite());
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
