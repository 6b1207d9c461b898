/* Tests of the profile storage, the CSV line splitter and the TMY3 and plain
 * CSV readers.
 *
 * Environment: top_srcdir (default ".") locates tests/profiles/;
 * RENEWCALC_SHARED (default "$top_srcdir/../shared") locates the shared
 * data/solar/ TMY3 files; tests on them are skipped with a message when the
 * files are absent. */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <math.h>
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "calendar.h"
#include "csvline.h"
#include "diag.h"
#include "profile.h"
#include "solar.h"

/* Unix time of 2023-01-01 00:00 UTC: 19358 days after 1970-01-01
 * (53 years of 365 days + 13 leap days 1972..2020 = 19345 + 13). */
#define T_2023 1672531200LL
/* Unix time of 2024-01-01 00:00 UTC: T_2023 + 365 days. */
#define T_2024 (T_2023 + 365LL * 86400)

static char srcdir[1024];
static char shared[1100];

static void path_in_src(char *buf, size_t size, const char *rel)
{
  snprintf(buf, size, "%s/%s", srcdir, rel);
}

/* ---- storage ---------------------------------------------------------------- */

START_TEST(test_store)
{
  struct profile *p = profile_new(10);

  ck_assert_ptr_nonnull(p);
  ck_assert_uint_eq(p->cap, 10);
  ck_assert_uint_eq(p->n, 0);
  ck_assert_ptr_null(p->col[PROFILE_GHI]);
  ck_assert_int_eq(profile_add_col(p, PROFILE_GHI), 0);
  ck_assert_ptr_nonnull(p->col[PROFILE_GHI]);
  ck_assert_ptr_null(p->col[PROFILE_DNI]);
  for (size_t i = 0; i < 10; i++) {
    /* A fresh column is zeroed. */
    ck_assert(p->col[PROFILE_GHI][i] == 0.0);
    p->col[PROFILE_GHI][i] = 37.6 * (double)i;
    p->t_utc[i] = T_2023 + 3600 * (int64_t)i;
  }
  ck_assert_int_eq(profile_reserve(p, 100000), 0);
  ck_assert_uint_ge(p->cap, 100000);
  /* Growth keeps the rows, and the new part of a column is zeroed. Values
   * are copied, not recomputed: exact equality. */
  ck_assert(p->col[PROFILE_GHI][9] == 37.6 * 9.0);
  ck_assert(p->t_utc[9] == T_2023 + 9 * 3600);
  ck_assert(p->col[PROFILE_GHI][99999] == 0.0);
  /* A column added after growth has the new capacity. */
  ck_assert_int_eq(profile_add_col(p, PROFILE_ALBEDO), 0);
  p->col[PROFILE_ALBEDO][99999] = 0.21;
  ck_assert_int_eq(profile_add_col(p, PROFILE_GHI), 0);
  ck_assert(p->col[PROFILE_GHI][9] == 37.6 * 9.0);
  profile_free(p);
  profile_free(NULL);
}
END_TEST

START_TEST(test_col_names)
{
  static const char *const names[PROFILE_NCOLS] = {
    "ghi", "dni", "dhi", "temp_air", "wind_speed", "pressure", "albedo"
  };

  for (int c = 0; c < PROFILE_NCOLS; c++)
    ck_assert_str_eq(profile_col_name((enum profile_col)c), names[c]);
}
END_TEST

/* ---- csvline -------------------------------------------------------------- */

START_TEST(test_csvline_split)
{
  struct csvline c;
  const char *text = "\xEF\xBB\xBF" "a, \"b,c\" ,\"say \"\"hi\"\"\",,  d  \r\n"
                     "\r\n"
                     "x,\"open\n"
                     "last";
  const char *pos = text;

  csvline_init(&c);
  ck_assert_int_eq(csvline_read_mem(&c, &pos), 1);
  ck_assert_int_eq(c.lineno, 1);
  ck_assert_int_eq(csvline_split(&c, ','), 5);
  ck_assert_str_eq(c.field[0], "a");      /* BOM dropped */
  ck_assert_str_eq(c.field[1], "b,c");    /* separator inside quotes */
  ck_assert_str_eq(c.field[2], "say \"hi\"");
  ck_assert_str_eq(c.field[3], "");
  ck_assert_str_eq(c.field[4], "d");      /* blanks and CR dropped */

  ck_assert_int_eq(csvline_read_mem(&c, &pos), 1);
  ck_assert(csvline_is_blank(&c));
  ck_assert_int_eq(csvline_split(&c, ','), 1);
  ck_assert_str_eq(c.field[0], "");

  ck_assert_int_eq(csvline_read_mem(&c, &pos), 1);
  ck_assert_int_eq(csvline_split(&c, ','), -1); /* quote not closed */
  ck_assert_uint_eq(c.nfield, 1);

  ck_assert_int_eq(csvline_read_mem(&c, &pos), 1); /* no final LF */
  ck_assert_int_eq(c.lineno, 4);
  ck_assert_str_eq(c.text, "last");
  ck_assert_int_eq(csvline_read_mem(&c, &pos), 0);
  csvline_free(&c);
}
END_TEST

/* Lines longer than the initial buffer and many fields, from a FILE. */
START_TEST(test_csvline_file)
{
  struct csvline c;
  FILE *f = tmpfile();
  int nf = 0;

  ck_assert_ptr_nonnull(f);
  for (int i = 1; i <= 1500; i++)
    fprintf(f, "%s%d.5", i > 1 ? "," : "", i);
  fprintf(f, "\r\nshort;semicolon\r\n");
  rewind(f);
  csvline_init(&c);
  ck_assert_int_eq(csvline_read(&c, f), 1);
  nf = csvline_split(&c, ',');
  ck_assert_int_eq(nf, 1500);
  ck_assert_str_eq(c.field[0], "1.5");
  ck_assert_str_eq(c.field[1499], "1500.5");
  ck_assert_int_eq(csvline_read(&c, f), 1);
  ck_assert_int_eq(c.lineno, 2);
  ck_assert_int_eq(csvline_split(&c, ';'), 2);
  ck_assert_str_eq(c.field[1], "semicolon");
  ck_assert_int_eq(csvline_read(&c, f), 0);
  csvline_free(&c);
  fclose(f);
}
END_TEST

START_TEST(test_parse_numbers)
{
  static const char *const bad[] = {
    "", "nan", "NaN", "inf", "-inf", "0x10", " 5", "5 ", "1e", "1.2.3", "-",
    ".", "e5", "1,5", "12a"
  };
  double v = 0.0;

  /* Decimal literals parse to the nearest double, as the C compiler's. */
  ck_assert_int_eq(csvline_parse_double("-3.2", &v), 0);
  ck_assert(v == -3.2);
  ck_assert_int_eq(csvline_parse_double("993", &v), 0);
  ck_assert(v == 993.0);
  ck_assert_int_eq(csvline_parse_double("1.5e-3", &v), 0);
  ck_assert(v == 1.5e-3);
  ck_assert_int_eq(csvline_parse_double(".25", &v), 0);
  ck_assert(v == 0.25);
  ck_assert_int_eq(csvline_parse_double("+37.6", &v), 0);
  ck_assert(v == 37.6);
  ck_assert_int_eq(csvline_parse_double("1e999", &v), -1); /* overflow */
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    ck_assert_msg(csvline_parse_double(bad[i], &v) == -1, "accepted '%s'",
                  bad[i]);
  ck_assert_int_eq(csvline_parse_digits("2023", 4), 2023);
  ck_assert_int_eq(csvline_parse_digits("07:", 2), 7);
  ck_assert_int_eq(csvline_parse_digits("0a", 2), -1);
}
END_TEST

/* A small deterministic generator for the decimals below (xorshift64*,
 * Marsaglia 2003 / Vigna 2016): the same strings on every run. */
static uint64_t rng_next(uint64_t *x)
{
  *x ^= *x >> 12;
  *x ^= *x << 25;
  *x ^= *x >> 27;
  return *x * UINT64_C(2685821657736338717);
}

/* Writes a random decimal in csvline_parse_double's syntax into buf: sign,
 * 1-24 digits with leading zeros at times, a point anywhere (or none), an
 * exponent at times; biased to the fast path's limits (15-20 significant
 * digits, 2^53 +- a few, |e| near 22). */
static void random_decimal(uint64_t *x, char *buf)
{
  char *b = buf;
  uint64_t r = rng_next(x);
  switch (r % 4) {
  case 1: *b++ = '-'; break;
  case 2: *b++ = '+'; break;
  default: break;
  }
  r = rng_next(x);
  int kind = (int)(r % 8);
  char digits[40];
  int nd;
  if (kind == 0) {
    /* Integers at and around 2^53 = 9007199254740992 and 10^19 limits. */
    static const uint64_t near[] = { UINT64_C(9007199254740992), UINT64_C(9999999999999999999),
                                     UINT64_C(1000000000000000000), UINT64_C(18014398509481984) };
    uint64_t v = near[(r >> 3) % 4] + (uint64_t)((int64_t)(rng_next(x) % 9) - 4);
    nd = snprintf(digits, sizeof digits, "%llu", (unsigned long long)v);
  } else {
    nd = kind == 1 ? 15 + (int)(rng_next(x) % 6) : 1 + (int)(rng_next(x) % 24);
    int lead0 = rng_next(x) % 4 == 0 ? (int)(rng_next(x) % 5) : 0;
    for (int i = 0; i < nd; i++)
      digits[i] = i < lead0 ? '0' : (char)('0' + rng_next(x) % 10);
    digits[nd] = '\0';
  }
  int point = rng_next(x) % 3 == 0 ? -1 : (int)(rng_next(x) % (unsigned)(nd + 1));
  for (int i = 0; i < nd; i++) {
    if (i == point)
      *b++ = '.';
    *b++ = digits[i];
  }
  if (point == nd)
    *b++ = '.';
  r = rng_next(x);
  if (r % 3 != 0) {
    int e = (r >> 8) % 4 == 0 ? (int)((r >> 16) % 700) - 350 : (int)((r >> 16) % 61) - 30;
    b += sprintf(b, "%c%s%d", (r >> 40) % 2 ? 'e' : 'E', e >= 0 && (r >> 41) % 2 ? "+" : "", e);
  }
  *b = '\0';
}

START_TEST(test_parse_double_matches_strtod)
{
  /* The fast path must give strtod's double bit for bit, and accept and
   * refuse exactly what the strtod-only parser did (finite, |v| <= 1.7e308). */
  static const char *const edge[] = {
    "9007199254740992", "9007199254740993", "9007199254740991", "-9007199254740993",
    "9007199254740992e22", "9007199254740992e-22", "9007199254740993e-22", "1e22", "1e23",
    "1e-22", "1e-23", "4.9406564584124654e-324", "2.2250738585072014e-308", "1.7e308",
    "1.7000000000000001e308", "0.000000000000000000000000000001", "123456789012345678901234",
    "0.1", "0.3", "-0", "-0.0e-5", "0e999999999999", "00000000000000000000001.5",
    "1.0000000000000000000000000001", "89255.0e-22", "1234567890123456789",
    "12345678901234567890", "9999999999999999999e3", "7.2057594037927933e16", "1.e1", ".5e1"
  };
  uint64_t x = UINT64_C(0x9E3779B97F4A7C15);
  char buf[96];
  long n_fast_range = 0;
  for (long k = 0; k < 300000 + (long)(sizeof edge / sizeof edge[0]); k++) {
    const char *s = buf;
    if (k < (long)(sizeof edge / sizeof edge[0]))
      s = edge[k];
    else
      random_decimal(&x, buf);
    char *end;
    errno = 0;
    double ref = strtod(s, &end);
    int ref_ok = *end == '\0' && ref == ref && ref <= 1.7e308 && ref >= -1.7e308;
    double v = 12345.0;
    int rc = csvline_parse_double(s, &v);
    ck_assert_msg((rc == 0) == ref_ok, "'%s': rc %d, strtod %.17g", s, rc, ref);
    if (rc == 0) {
      ck_assert_msg(memcmp(&v, &ref, sizeof v) == 0, "'%s': got %.17g, strtod %.17g", s, v, ref);
      n_fast_range += fabs(ref) > 1e-22 && fabs(ref) < 1e22;
    }
  }
  ck_assert(n_fast_range > 100000);
}
END_TEST

START_TEST(test_civil_days)
{
  /* 2000-01-01 is day 10957 (946684800 s / 86400, the well-known Unix
   * time of Y2K); 2000 is a leap year, so 2000-03-01 is 31 + 29 days on. */
  ck_assert_int_eq(calendar_days_from_civil(1970, 1, 1), 0);
  ck_assert_int_eq(calendar_days_from_civil(2000, 1, 1), 10957);
  ck_assert_int_eq(calendar_days_from_civil(2000, 3, 1), 10957 + 60);
  ck_assert_int_eq(calendar_days_from_civil(2023, 1, 1), T_2023 / 86400);
  ck_assert_int_eq(calendar_days_from_civil(2024, 1, 1), T_2024 / 86400);
  ck_assert_int_eq(calendar_days_from_civil(1969, 12, 31), -1);
  ck_assert_int_eq(calendar_days_in_month(2023, 2), 28);
  ck_assert_int_eq(calendar_days_in_month(2024, 2), 29);
  ck_assert_int_eq(calendar_days_in_month(1900, 2), 28);
  ck_assert_int_eq(calendar_days_in_month(2000, 2), 29);
  ck_assert_int_eq(calendar_days_in_month(2023, 11), 30);
}
END_TEST

/* ---- detection ----------------------------------------------------------- */

START_TEST(test_detect)
{
  ck_assert(read_csv_detect("time,ghi,temp_air\n2023-01-01T00:00Z,0,1\n"));
  ck_assert(read_csv_detect("# labelling: interval-end\n\n# x\r\n"
                            "time, dni ,dhi\r\n"));
  ck_assert(!read_csv_detect("time,temp_air,wind_speed\n"));
  ck_assert(!read_csv_detect("date,ghi\n"));
  ck_assert(!read_csv_detect("# only comments\n"));
  ck_assert(!read_csv_detect(""));
  ck_assert(read_tmy3_detect("723170,\"GREENSBORO\",NC,-5.0,36.1,-79.95,273\n"
                             "Date (MM/DD/YYYY),Time (HH:MM),ETR (W/m^2)\n"));
  ck_assert(!read_tmy3_detect("time,ghi\n"));
  ck_assert(!read_csv_detect("723170,\"GREENSBORO\",NC,-5.0,36.1,-79.95,273\n"
                             "Date (MM/DD/YYYY),Time (HH:MM),GHI (W/m^2)\n"));
}
END_TEST

/* ---- plain CSV ------------------------------------------------------------- */

START_TEST(test_csv_good)
{
  char path[1200];
  struct diag *d = diag_new();
  struct profile *p;

  path_in_src(path, sizeof path, "tests/profiles/good-utc7.csv");
  p = profile_read(path, d);
  ck_assert_msg(p != NULL, "%s", diag_count(d) ? diag_get(d, 0) : "");
  ck_assert_str_eq(p->format, "csv");
  ck_assert_uint_eq(p->n, 4);
  /* Times 07:30, 08:00 and 08:30 at +07:00 are 1800 s apart. */
  ck_assert_int_eq(p->interval_s, 1800);
  ck_assert(p->utc_offset_h == 7.0);
  /* First label 2023-06-21T07:30+07:00 = 00:30 UTC is the END of a 30-min
   * interval, so the interval starts at 2023-06-21 00:00 UTC.
   * 2023-06-21 is day-of-year 172 (31+28+31+30+31 = 151, + 21), i.e.
   * 171 days after 2023-01-01: 1672531200 + 171 * 86400 = 1687305600. */
  ck_assert(p->t_utc[0] == 1687305600LL);
  ck_assert(p->t_utc[1] == 1687305600LL + 1800);
  /* The last row is written 2023-06-21T02:00Z (end 02:00, start 01:30
   * UTC), the same axis as 09:00+07:00. */
  ck_assert(p->t_utc[3] == 1687305600LL + 5400);
  /* Columns in a different order from the header are placed by name. Text
   * to double is exact to half an ulp; 1e-9 only allows that. */
  ck_assert_double_eq_tol(p->col[PROFILE_GHI][0], 37.6, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_TEMP_AIR][0], 24.3, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_DNI][2], 241.3, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_DHI][3], 101.6, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_WIND_SPEED][1], 1.6, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_ALBEDO][2], 0.19, 1e-9);
  /* 981.4 hPa = 98140 Pa; 1e-6 Pa allows the rounding of the product. */
  ck_assert_double_eq_tol(p->col[PROFILE_PRESSURE][0], 98140.0, 1e-6);
  ck_assert_int_eq(p->has_location, 1);
  ck_assert_double_eq_tol(p->latitude, 19.89, 1e-9);
  ck_assert_double_eq_tol(p->longitude, 102.14, 1e-9);
  ck_assert_double_eq_tol(p->elevation_m, 305.0, 1e-9);
  ck_assert_str_eq(p->station, "renewcalc test fixture, Luang Prabang");
  ck_assert_str_eq(p->labelling, "interval-ending, ISO 8601 times, UTC+07:00");
  ck_assert_str_eq(p->path, path);
  ck_assert_int_eq(diag_count(d), 0);
  profile_free(p);
  diag_free(d);
}
END_TEST

/* Writes text to a new temporary file; path receives its name. */
static void write_temp(char *path, size_t size, const char *text)
{
  const char *dir = getenv("TMPDIR");
  int fd;
  FILE *f;

  snprintf(path, size, "%s/check_profile-XXXXXX", dir ? dir : "/tmp");
  fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  f = fdopen(fd, "w");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  fclose(f);
}

/* CRLF line ends, a byte-order mark, interval-start labelling, Z times,
 * 15-minute rows, negative offset written in the time. */
START_TEST(test_csv_crlf)
{
  char path[1200];
  struct diag *d = diag_new();
  struct profile *p;

  write_temp(path, sizeof path,
             "\xEF\xBB\xBF# labelling: interval-start\r\n"
             "time,dni,dhi\r\n"
             "2023-03-20T11:45-05:00,812.5,97.25\r\n"
             "2023-03-20T17:00Z,820.0,98.5\r\n"
             "2023-03-20 17:15:00Z,\"826.5\",99.0\r\n");
  p = profile_read(path, d);
  ck_assert_msg(p != NULL, "%s", diag_count(d) ? diag_get(d, 0) : "");
  ck_assert_uint_eq(p->n, 3);
  ck_assert_int_eq(p->interval_s, 900);
  ck_assert(p->utc_offset_h == -5.0);
  /* 11:45-05:00 = 16:45 UTC on 2023-03-20, day-of-year 79 (31+28+20), 78
   * days after 2023-01-01: 1672531200 + 78*86400 + 16*3600 + 45*60. The
   * label is the interval start, so t_utc is the label. */
  ck_assert(p->t_utc[0] == T_2023 + 78 * 86400 + 16 * 3600 + 45 * 60);
  ck_assert(p->t_utc[2] == p->t_utc[0] + 1800);
  ck_assert_ptr_null(p->col[PROFILE_GHI]);
  ck_assert_ptr_null(p->col[PROFILE_PRESSURE]);
  ck_assert_double_eq_tol(p->col[PROFILE_DHI][0], 97.25, 1e-12); /* exact */
  ck_assert_double_eq_tol(p->col[PROFILE_DNI][2], 826.5, 1e-12);  /* exact */
  ck_assert_int_eq(p->has_location, 0);
  ck_assert_str_eq(p->station, "");
  ck_assert_str_eq(p->labelling,
                   "interval-beginning, ISO 8601 times, UTC-05:00");
  profile_free(p);
  diag_free(d);
  unlink(path);
}
END_TEST

START_TEST(test_missing_file)
{
  char path[1200];
  struct diag *d = diag_new();

  path_in_src(path, sizeof path, "tests/profiles/no-such-profile.csv");
  ck_assert_ptr_null(profile_read(path, d));
  ck_assert_int_eq(diag_count(d), 1);
  ck_assert_ptr_nonnull(strstr(diag_get(d, 0), path));
  ck_assert_ptr_nonnull(strstr(diag_get(d, 0), strerror(ENOENT)));
  diag_free(d);
}
END_TEST

/* ---- malformed profiles ------------------------------------------------------ */

/* Each tests/profiles/NAME.csv here has NAME.err with the exact first
 * message, naming the file as tests/profiles/NAME.csv. */
static const char *const bad_profiles[] = {
  "csv-albedo-range", "csv-bad-interval", "csv-bad-labelling",
  "csv-bad-timestamp", "csv-duplicate", "csv-empty-value",
  "csv-field-count", "csv-gap", "csv-inf", "csv-interval-changed",
  "csv-missing-ghi", "csv-missing-labelling", "csv-missing-offset",
  "csv-nan", "csv-negative-ghi", "csv-pressure-pa", "csv-too-few-rows",
  "csv-unknown-column", "csv-unsorted", "tmy3-bad-station", "tmy3-bad-time",
  "tmy3-hour-order", "tmy3-missing-column", "tmy3-negative-dhi",
  "tmy3-row-count", "unknown-format", "csv-ghi-5000", "csv-dni-1.6e308",
  "tmy3-ghi-5000", "tmy3-dni-1.6e308",
};

START_TEST(test_bad_profile)
{
  const char *name = bad_profiles[_i];
  char rel[256], path[1400], errpath[1400], want[1024], expect[2048];
  struct diag *d = diag_new();
  size_t len;
  FILE *f;

  snprintf(rel, sizeof rel, "tests/profiles/%s.csv", name);
  path_in_src(path, sizeof path, rel);
  snprintf(errpath, sizeof errpath, "%s/tests/profiles/%s.err", srcdir, name);
  f = fopen(errpath, "r");
  ck_assert_msg(f != NULL, "cannot open %s", errpath);
  ck_assert_ptr_nonnull(fgets(want, sizeof want, f));
  fclose(f);
  len = strlen(want);
  if (len > 0 && want[len - 1] == '\n')
    want[--len] = '\0';
  /* The .err names the file relative to the source tree; the reader was
   * given it under top_srcdir. */
  ck_assert_msg(strncmp(want, rel, strlen(rel)) == 0,
                "%s does not start with %s", errpath, rel);
  snprintf(expect, sizeof expect, "%s%s", path, want + strlen(rel));

  ck_assert_ptr_null(profile_read(path, d));
  ck_assert_int_ge(diag_count(d), 1);
  ck_assert_str_eq(diag_get(d, 0), expect);
  diag_free(d);
}
END_TEST

/* Every NAME.err in tests/profiles/ is in bad_profiles[], so that a new
 * fixture cannot be left out of the run. */
START_TEST(test_fixture_list)
{
  char dirpath[1200];
  DIR *dir;
  struct dirent *e;
  int nerr = 0;

  path_in_src(dirpath, sizeof dirpath, "tests/profiles");
  dir = opendir(dirpath);
  ck_assert_msg(dir != NULL, "cannot open %s", dirpath);
  while ((e = readdir(dir)) != NULL) {
    size_t len = strlen(e->d_name);
    int found = 0;

    if (len < 5 || strcmp(e->d_name + len - 4, ".err") != 0)
      continue;
    nerr++;
    for (size_t i = 0; i < sizeof bad_profiles / sizeof bad_profiles[0]; i++)
      if (strlen(bad_profiles[i]) == len - 4 &&
          strncmp(bad_profiles[i], e->d_name, len - 4) == 0)
        found = 1;
    ck_assert_msg(found, "%s is not in bad_profiles[]", e->d_name);
  }
  closedir(dir);
  ck_assert_int_eq(nerr, (int)(sizeof bad_profiles / sizeof bad_profiles[0]));
}
END_TEST

/* ---- TMY3 -------------------------------------------------------------------- */

static int shared_file(char *buf, size_t size, const char *name)
{
  snprintf(buf, size, "%s/data/solar/%s", shared, name);
  if (access(buf, R_OK) == 0)
    return 1;
  printf("check_profile: %s not found, test skipped\n", buf);
  return 0;
}

/* A known sunrise pins the time axis: at Greensboro (36.10 N, 79.95 W) on
 * 12 July the sun rises about 10:12 UTC = 05:12 EST. USNO gives 10:08 UTC
 * for Raleigh (35.78 N, 78.64 W) that day; Greensboro lies 1.31 deg further
 * west (+5.2 min) and 0.3 deg further north (about -1 min in July). So the
 * TMY3 row labelled 07/12 06:00 (hour ending, EST) must be the first with
 * light, must start at 10:00 UTC, and the sun must be up for about 48 of its
 * 60 minutes (fraction 0.8 +- 0.1); the row before must be dark. The file
 * agrees: that row has ETR 69 Wh/m2 and GHI 21, the one before 0 and 0.
 * Read an hour off, the light would fall in the wrong interval. */
START_TEST(test_tmy3_known_sunrise)
{
  char path[1200];
  if (!shared_file(path, sizeof path, "723170TYA.CSV"))
    return;
  struct diag *d = diag_new();
  struct profile *p = profile_read(path, d);
  ck_assert_ptr_nonnull(p);
  const int64_t t = T_2023 + (int64_t)(31 + 28 + 31 + 30 + 31 + 30 + 11) * 86400 + 10 * 3600;
  size_t i = 0;
  while (i < p->n && p->t_utc[i] != t)
    i++;
  ck_assert_uint_lt(i, p->n);
  ck_assert_double_eq_tol(p->col[PROFILE_GHI][i], 21.0, 1e-9);
  ck_assert_double_eq(p->col[PROFILE_GHI][i - 1], 0.0);
  struct solar_time st;
  struct solar_pos pos;
  double mid = (double)t + 1800.0;
  solar_time_at(mid, 69.0, &st);
  double frac = solar_interval_position(&st, mid, 3600.0, 69.0, 36.1, -79.95, 273.0, 993.0,
                                        20.0, &pos);
  ck_assert_double_le(fabs(frac - 0.8), 0.1);
  profile_free(p);
  diag_free(d);
}
END_TEST

START_TEST(test_tmy3_greensboro)
{
  char path[1200];
  struct diag *d;
  struct profile *p;
  double ghi_sum = 0.0;

  if (!shared_file(path, sizeof path, "723170TYA.CSV"))
    return;
  d = diag_new();
  p = profile_read(path, d);
  ck_assert_msg(p != NULL, "%s", diag_count(d) ? diag_get(d, 0) : "");
  ck_assert_str_eq(p->format, "tmy3");
  ck_assert_uint_eq(p->n, 8760);
  ck_assert_int_eq(p->interval_s, 3600);
  /* Line 1: 723170,"GREENSBORO PIEDMONT TRIAD INT",NC,-5.0,36.100,-79.950,273 */
  ck_assert(p->utc_offset_h == -5.0);
  ck_assert_int_eq(p->has_location, 1);
  ck_assert_double_eq_tol(p->latitude, 36.1, 1e-9);
  ck_assert_double_eq_tol(p->longitude, -79.95, 1e-9);
  ck_assert_double_eq_tol(p->elevation_m, 273.0, 1e-9);
  ck_assert_ptr_nonnull(strstr(p->station, "GREENSBORO PIEDMONT TRIAD INT"));
  ck_assert_str_eq(p->labelling, "hour-ending, local standard time "
                   "UTC-05:00, typical year placed in 2023");
  /* First row 01/01/1988,01:00 at UTC-5: the hour ending 01:00 local starts
   * at 00:00 local = 05:00 UTC, placed in 2023: 1672531200 + 5 * 3600. */
  ck_assert(p->t_utc[0] == T_2023 + 5 * 3600);
  /* Last row 12/31 24:00 starts 23:00 local = 2024-01-01 04:00 UTC. */
  ck_assert(p->t_utc[8759] == T_2024 + 4 * 3600);
  /* The axis is continuous although the rows come from 1980-2003. */
  for (size_t i = 1; i < p->n; i++)
    ck_assert(p->t_utc[i] - p->t_utc[i - 1] == 3600);
  /* Annual GHI, computed independently from the file:
   *   awk -F, 'NR>2 {s += $5} END {print s}' 723170TYA.CSV  ->  1566203
   * (Wh/m2; column 5 is "GHI (W/m^2)"). All values are integers, so the
   * double sum is exact; 1e-6 only guards the comparison. */
  for (size_t i = 0; i < p->n; i++)
    ghi_sum += p->col[PROFILE_GHI][i];
  ck_assert_double_eq_tol(ghi_sum, 1566203.0, 1e-6);
  /* First row: Pressure (mbar) 993 -> 99300 Pa; Dry-bulb 10.0 degC;
   * Wspd 6.2 m/s. Exact apart from decimal-to-binary rounding (1e-9). */
  ck_assert_double_eq_tol(p->col[PROFILE_PRESSURE][0], 99300.0, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_TEMP_AIR][0], 10.0, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_WIND_SPEED][0], 6.2, 1e-9);
  /* Alb (unitless) is 0.00 in every row of this file: not available. */
  ck_assert_ptr_null(p->col[PROFILE_ALBEDO]);
  profile_free(p);
  diag_free(d);
}
END_TEST

START_TEST(test_tmy3_sand_point)
{
  char path[1200];
  struct diag *d;
  struct profile *p;

  if (!shared_file(path, sizeof path, "703165TY.csv"))
    return;
  d = diag_new();
  p = profile_read(path, d);
  ck_assert_msg(p != NULL, "%s", diag_count(d) ? diag_get(d, 0) : "");
  ck_assert_uint_eq(p->n, 8760);
  /* Line 1 gives UTC offset -9.0: 01/01 01:00 starts at 09:00 UTC. */
  ck_assert(p->t_utc[0] == T_2023 + 9 * 3600);
  /* Albedo is given (0.11-0.25): the first row's is 0.240. Pressure is a
   * constant 1012 mbar = 101200 Pa (README of the shared data). */
  ck_assert_ptr_nonnull(p->col[PROFILE_ALBEDO]);
  ck_assert_double_eq_tol(p->col[PROFILE_ALBEDO][0], 0.24, 1e-9);
  ck_assert_double_eq_tol(p->col[PROFILE_PRESSURE][4000], 101200.0, 1e-9);
  profile_free(p);
  diag_free(d);
}
END_TEST

/* A generated TMY3 file with 29 February (8784 rows) is placed in 2024. */
START_TEST(test_tmy3_leap)
{
  static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  char path[1200];
  char *text = malloc(8784 * 64 + 512);
  size_t len = 0;
  struct diag *d = diag_new();
  struct profile *p;

  ck_assert_ptr_nonnull(text);
  len += (size_t)sprintf(text + len, "999999,\"TEST\",XX,-5.0,35.5,-80.5,"
                         "120\nDate (MM/DD/YYYY),Time (HH:MM),GHI (W/m^2),"
                         "DNI (W/m^2),DHI (W/m^2),Dry-bulb (C),Pressure "
                         "(mbar),Wspd (m/s)\n");
  for (int m = 1; m <= 12; m++)
    for (int day = 1; day <= mdays[m - 1]; day++)
      for (int h = 1; h <= 24; h++)
        len += (size_t)sprintf(text + len, "%02d/%02d/1996,%02d:00,%d,0,0,"
                               "12.5,1001,3.5\n", m, day, h, h == 13 ? 500 : 0);
  write_temp(path, sizeof path, text);
  free(text);
  p = profile_read(path, d);
  ck_assert_msg(p != NULL, "%s", diag_count(d) ? diag_get(d, 0) : "");
  ck_assert_uint_eq(p->n, 8784);
  /* Row 1440 = 60 days * 24 h is 03/01 01:00, starting at 2024-03-01 00:00
   * local = 05:00 UTC: 2024-01-01 + (31 + 29) days + 5 h. */
  ck_assert(p->t_utc[1440] == T_2024 + 60 * 86400 + 5 * 3600);
  /* January is in the leap year too, and the axis is continuous */
  ck_assert(p->t_utc[0] == T_2024 + 5 * 3600);
  for (size_t i = 1; i < p->n; i++)
    ck_assert(p->t_utc[i] - p->t_utc[i - 1] == 3600);
  /* 366 days with 500 Wh/m2 at 13:00 each. */
  {
    double sum = 0.0;

    for (size_t i = 0; i < p->n; i++)
      sum += p->col[PROFILE_GHI][i];
    ck_assert_double_eq_tol(sum, 366 * 500.0, 1e-9); /* integer sum: exact */
  }
  ck_assert_ptr_null(p->col[PROFILE_ALBEDO]); /* no Alb column at all */
  ck_assert_ptr_nonnull(strstr(p->labelling, "placed in 2024"));
  profile_free(p);
  diag_free(d);
  unlink(path);
}
END_TEST

Suite *make_profile_suite(void)
{
  Suite *s = suite_create("profile");
  TCase *tc;

  tc = tcase_create("store");
  tcase_add_test(tc, test_store);
  tcase_add_test(tc, test_col_names);
  suite_add_tcase(s, tc);

  tc = tcase_create("csvline");
  tcase_add_test(tc, test_csvline_split);
  tcase_add_test(tc, test_csvline_file);
  tcase_add_test(tc, test_parse_double_matches_strtod);
  tcase_add_test(tc, test_parse_numbers);
  tcase_add_test(tc, test_civil_days);
  suite_add_tcase(s, tc);

  tc = tcase_create("csv");
  tcase_add_test(tc, test_detect);
  tcase_add_test(tc, test_csv_good);
  tcase_add_test(tc, test_csv_crlf);
  tcase_add_test(tc, test_missing_file);
  suite_add_tcase(s, tc);

  tc = tcase_create("errors");
  tcase_add_loop_test(tc, test_bad_profile, 0,
                      (int)(sizeof bad_profiles / sizeof bad_profiles[0]));
  tcase_add_test(tc, test_fixture_list);
  suite_add_tcase(s, tc);

  tc = tcase_create("tmy3");
  tcase_set_timeout(tc, 30);
  tcase_add_test(tc, test_tmy3_greensboro);
  tcase_add_test(tc, test_tmy3_known_sunrise);
  tcase_add_test(tc, test_tmy3_sand_point);
  tcase_add_test(tc, test_tmy3_leap);
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
  sr = srunner_create(make_profile_suite());
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
