/* Reader for EnergyPlus weather files (EPW).
 *
 * Format (U.S. DOE, "EnergyPlus Auxiliary Programs", chapter "Weather
 * Converter Program", section "EnergyPlus Weather File (EPW) Data
 * Dictionary"):
 *   line 1    LOCATION, city, state, country, source, WMO number,
 *             latitude [deg N], longitude [deg E], UTC offset of local
 *             standard time [h], elevation [m];
 *   lines 2-7 DESIGN CONDITIONS, TYPICAL/EXTREME PERIODS, GROUND
 *             TEMPERATURES, HOLIDAYS/DAYLIGHT SAVINGS, COMMENTS 1, COMMENTS 2
 *             (not used);
 *   line 8    DATA PERIODS, number of periods, records per hour, ...;
 *   then      one row per hour: year, month, day, hour 1..24, minute,
 *             flags, then the fields below (1-based positions as in the
 *             data dictionary). Values are for the hour ENDING at the label,
 *             in local standard time; irradiances are Wh/m2 received over
 *             that hour, i.e. the hour-mean W/m2.
 *      7 dry bulb [degC] (99.9 missing)    10 pressure [Pa] (999999 missing)
 *     14 GHI [Wh/m2]  15 DNI  16 DHI (9999 missing)
 *     22 wind speed [m/s] (999 missing)    33 albedo [-] (999 missing)
 *
 * Time axis as in read_tmy3.c: a typical year takes each month from a
 * different real year, so rows are placed in 2023 (2024 when the file has
 * 29 February); a file whose rows all carry one year keeps that year.
 *     t_utc = date 00:00 + (hour - 1) h - UTC offset
 * Only hourly files (1 record per hour) are read. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "csvline.h"
#include "diag.h"
#include "infile.h"
#include "profile.h"
#include "bounds.h"

#define EPW_HEADER_LINES 8
#define EPW_ROWS 8760
#define EPW_ROWS_LEAP 8784
#define EPW_NOMINAL_YEAR 2023
#define EPW_NOMINAL_LEAP_YEAR 2024

/* 0-based field positions of the values read. */
enum epw_field { E_YEAR = 0, E_MONTH = 1, E_DAY = 2, E_HOUR = 3, E_MINUTE = 4,
                 E_TEMP = 6, E_PRES = 9, E_GHI = 13, E_DNI = 14, E_DHI = 15,
                 E_WSPD = 21, E_ALB = 32 };

/* Fields a row must have: up to the wind speed. Albedo is read when the
 * row is long enough (older files stop before it). */
#define EPW_MIN_FIELDS (E_WSPD + 1)

static const struct {
  enum epw_field f;
  enum profile_col col;
  const char *name;
  double lo, hi, missing;
  const char *unit;
} values[] = {
  {E_TEMP, PROFILE_TEMP_AIR, "dry bulb temperature", -70.0, 70.0, 99.9,
   "degC"},
  {E_PRES, PROFILE_PRESSURE, "atmospheric pressure", 31000.0, 120000.0,
   999999.0, "Pa"},
  {E_GHI, PROFILE_GHI, "global horizontal radiation", BOUNDS_IRRADIANCE_MIN_WM2,
   BOUNDS_IRRADIANCE_MAX_WM2, 9999.0,
   "Wh/m2"},
  {E_DNI, PROFILE_DNI, "direct normal radiation", BOUNDS_IRRADIANCE_MIN_WM2,
   BOUNDS_IRRADIANCE_MAX_WM2, 9999.0,
   "Wh/m2"},
  {E_DHI, PROFILE_DHI, "diffuse horizontal radiation", BOUNDS_IRRADIANCE_MIN_WM2,
   BOUNDS_IRRADIANCE_MAX_WM2, 9999.0,
   "Wh/m2"},
  {E_WSPD, PROFILE_WIND_SPEED, "wind speed", 0.0, 40.0, 999.0, "m/s"},
};
#define EPW_NVALUES (sizeof values / sizeof values[0])

int read_epw_detect(const char *head)
{
  static const char loc[] = "LOCATION,";

  if (strncmp(head, "\xEF\xBB\xBF", 3) == 0)
    head += 3;
  return strncmp(head, loc, sizeof loc - 1) == 0;
}

/* Line 1. 0, or -1 when an error was reported. */
static int read_location(struct csv_reader *r, struct csvline *c,
                         struct profile *p)
{
  static const struct {
    const char *name;
    double lo, hi;
    const char *unit;
  } num[4] = {
    {"latitude", -90.0, 90.0, "degrees"},
    {"longitude", -180.0, 180.0, "degrees"},
    {"time zone", -12.0, 14.0, "h"},
    {"elevation", -1000.0, 9999.9, "m"},
  };
  double v[4] = {0};
  int n = csvline_split(c, ',');
  int bad = 0;

  if (n != 10) {
    csv_error_at(r, c->lineno, "EPW LOCATION: expected 10 fields (LOCATION, "
                 "city, state, country, source, WMO, latitude, longitude, "
                 "time zone, elevation), got %d", n < 0 ? (int)c->nfield : n);
    return -1;
  }
  for (int i = 0; i < 4; i++) {
    const char *s = c->field[6 + i];

    if (csvline_parse_double(s, &v[i]) != 0 || v[i] < num[i].lo ||
        v[i] > num[i].hi) {
      csv_error_at(r, c->lineno, "EPW LOCATION %s: expected a number between "
                   "%g and %g %s, got '%s'", num[i].name, num[i].lo,
                   num[i].hi, num[i].unit, s);
      bad = 1;
    }
  }
  if (bad)
    return -1;
  p->has_location = 1;
  p->latitude = v[0];
  p->longitude = v[1];
  p->utc_offset_h = v[2];
  p->elevation_m = v[3];
  {
    int has_state = c->field[2][0] && strcmp(c->field[2], "-") != 0;

    snprintf(p->station, sizeof p->station, "%s%s%s, %s (%s, WMO %s)",
             c->field[1], has_state ? ", " : "", has_state ? c->field[2] : "",
             c->field[3], c->field[4], c->field[5]);
  }
  return 0;
}

/* Line 8. 0, or -1 when an error was reported. */
static int read_data_periods(struct csv_reader *r, struct csvline *c)
{
  int n = csvline_split(c, ',');
  double periods, per_hour;

  if (n < 3 || strcmp(c->field[0], "DATA PERIODS") != 0) {
    csv_error_at(r, c->lineno, "EPW header: expected 'DATA PERIODS' on line "
                 "8, got '%s'", n > 0 ? c->field[0] : "");
    return -1;
  }
  if (csvline_parse_double(c->field[1], &periods) != 0 || periods != 1.0) {
    csv_error_at(r, c->lineno, "EPW DATA PERIODS: expected 1 data period, "
                 "got '%s'", c->field[1]);
    return -1;
  }
  if (csvline_parse_double(c->field[2], &per_hour) != 0 || per_hour != 1.0) {
    csv_error_at(r, c->lineno, "EPW DATA PERIODS: expected 1 record per hour "
                 "(sub-hourly EPW files are not read), got '%s'",
                 c->field[2]);
    return -1;
  }
  return 0;
}

/* Reads an integer field in lo..hi. 0, or -1 (not reported). */
static int parse_int(const char *s, int lo, int hi, int *out)
{
  double v;

  if (csvline_parse_double(s, &v) != 0 || v != floor(v) || v < lo || v > hi)
    return -1;
  *out = (int)v;
  return 0;
}

struct epw_state {
  int nfields;   /* fields of the first row, which every row must have */
  int leap;
  long next;     /* expected hour of the year (0-based) */
  int year;      /* year of every row, or -1 when they differ */
  long rows;
  long last_line;
};

/* Date and hour of the current row. Returns the hour of the nominal year
 * (0-based), or -1 (reported). */
static long parse_time(struct csv_reader *r, struct csvline *c,
                       struct epw_state *s, int *year)
{
  int y, mo, dd, hh, mi, ny;

  if (parse_int(c->field[E_YEAR], 1800, 2200, &y) != 0 ||
      parse_int(c->field[E_MONTH], 1, 12, &mo) != 0 ||
      parse_int(c->field[E_DAY], 1, 31, &dd) != 0 ||
      dd > calendar_days_in_month(y, mo) ||
      parse_int(c->field[E_HOUR], 1, 24, &hh) != 0 ||
      parse_int(c->field[E_MINUTE], 0, 60, &mi) != 0 ||
      (mi != 0 && mi != 60)) {
    csv_error_at(r, c->lineno, "expected a date and hour-ending time (year, "
                 "month, day, hour 1-24, minute 0 or 60), got '%s,%s,%s,%s,%s'",
                 c->field[E_YEAR], c->field[E_MONTH], c->field[E_DAY],
                 c->field[E_HOUR], c->field[E_MINUTE]);
    return -1;
  }
  if (mo == 2 && dd == 29 && !s->leap && s->next == 59 * 24)
    s->leap = 1;
  ny = s->leap ? EPW_NOMINAL_LEAP_YEAR : EPW_NOMINAL_YEAR;
  *year = y;
  return (long)(calendar_days_from_civil(ny, mo, dd) -
                calendar_days_from_civil(ny, 1, 1)) * 24 + (hh - 1);
}

/* "MM/DD HH:00" (hour-ending) of hour-of-year h (0-based). */
static void hour_text(char *buf, size_t size, long h, int leap)
{
  int year = leap ? EPW_NOMINAL_LEAP_YEAR : EPW_NOMINAL_YEAR;
  long d = h / 24;
  int mo = 1;

  while (mo < 12 && d >= calendar_days_in_month(year, mo))
    d -= calendar_days_in_month(year, mo++);
  snprintf(buf, size, "%02d/%02ld %02ld:00", mo, d + 1, h % 24 + 1);
}

/* Value of field f of the current row into *v (albedo -1 when not
 * available). 0, or -1 after reporting. */
static int read_value(struct csv_reader *r, struct csvline *c, size_t k,
                      double *v)
{
  const char *s = c->field[values[k].f];
  int ok = csvline_parse_double(s, v) == 0;

  if (ok && *v >= values[k].lo && *v <= values[k].hi)
    return 0;
  csv_error_at(r, c->lineno, "field %d (%s): expected a number between %g and "
               "%g %s, got '%s'%s", (int)values[k].f + 1, values[k].name,
               values[k].lo, values[k].hi, values[k].unit, s,
               ok && *v == values[k].missing ? " (missing value)" : "");
  return -1;
}

static int read_albedo(struct csv_reader *r, struct csvline *c, double *v)
{
  const char *s = c->field[E_ALB];
  int ok = csvline_parse_double(s, v) == 0;

  if (*s == '\0' || (ok && (*v == 0.0 || *v == 999.0))) {
    *v = -1.0; /* not available */
    return 0;
  }
  if (ok && *v > 0.0 && *v <= 1.0)
    return 0;
  csv_error_at(r, c->lineno, "field 33 (albedo): expected a number between 0 "
               "and 1 (0 or 999 when not available), got '%s'", s);
  return -1;
}

/* Reads the data rows. 0, or -1 when reading must stop. */
static int read_rows(struct csv_reader *r, struct csvline *c, FILE *f,
                     struct profile *p, struct epw_state *s)
{
  int rc;

  while ((rc = csvline_read(c, f)) == 1) {
    int n, year;
    long at;

    if (csvline_is_blank(c))
      continue;
    s->last_line = c->lineno;
    s->rows++;
    n = csvline_split(c, ',');
    if (n == -2)
      return -1;
    if (s->rows == 1) {
      if (n < EPW_MIN_FIELDS) {
        csv_error_at(r, c->lineno, "expected at least %d fields (up to the "
                     "wind speed), got %d", EPW_MIN_FIELDS,
                     n < 0 ? (int)c->nfield : n);
        return -1;
      }
      s->nfields = n;
      if (n <= E_ALB) {
        free(p->col[PROFILE_ALBEDO]);
        p->col[PROFILE_ALBEDO] = NULL;
      }
    }
    if (n != s->nfields) {
      if (csv_error_at(r, c->lineno, "expected %d fields as in the first row "
                       "(line %d), got %d", s->nfields, EPW_HEADER_LINES + 1,
                       n < 0 ? (int)c->nfield : n) != 0)
        return -1;
      s->next++;
      continue;
    }
    at = parse_time(r, c, s, &year);
    if (at < 0) {
      if (r->nerr >= CSV_MAX_ERRORS)
        return -1;
      s->next++;
      continue;
    }
    if (s->rows == 1)
      s->year = year;
    else if (year != s->year)
      s->year = -1;
    if (at != s->next) {
      char want[48], got[48];
      int over = s->next >= (s->leap ? EPW_ROWS_LEAP : EPW_ROWS);

      hour_text(want, sizeof want, s->next, s->leap);
      hour_text(got, sizeof got, at, s->leap);
      if ((over ? csv_error_at(r, c->lineno, "expected no row after 12/31 "
                               "24:00, got %s", got)
                : csv_error_at(r, c->lineno, "expected %s (the hour after the "
                               "previous row), got %s", want, got)) != 0)
        return -1;
    }
    s->next = at + 1;
    if ((size_t)s->rows > p->cap)
      continue; /* too many rows: reported by the caller */
    p->t_utc[s->rows - 1] = at;
    for (size_t k = 0; k < EPW_NVALUES; k++) {
      double v;

      if (read_value(r, c, k, &v) != 0) {
        if (r->nerr >= CSV_MAX_ERRORS)
          return -1;
        continue;
      }
      p->col[values[k].col][s->rows - 1] = v;
    }
    if (p->col[PROFILE_ALBEDO]) {
      double v;

      if (read_albedo(r, c, &v) != 0) {
        if (r->nerr >= CSV_MAX_ERRORS)
          return -1;
      } else {
        p->col[PROFILE_ALBEDO][s->rows - 1] = v;
      }
    }
  }
  if (rc < 0) {
    diag_errno(r->d, "cannot read", r->path);
    r->nerr++;
    return -1;
  }
  return 0;
}

struct profile *read_epw(const char *path, struct diag *d)
{
  struct csv_reader r = {path, d, 0};
  struct csvline c;
  struct profile *p = NULL;
  struct epw_state s;
  long want;
  int nominal, keep_year;
  int64_t t0;
  char off[8], tail[32];
  FILE *f = infile_open(path, INFILE_DATA_MAX, d);

  memset(&s, 0, sizeof s);
  csvline_init(&c);
  if (!f)
    return NULL;
  p = profile_new(EPW_ROWS_LEAP);
  if (!p)
    goto nomem;
  for (int col = 0; col < PROFILE_NCOLS; col++)
    if (profile_add_col(p, (enum profile_col)col) != 0)
      goto nomem;
  snprintf(p->path, sizeof p->path, "%s", path);
  snprintf(p->format, sizeof p->format, "epw");
  p->interval_s = 3600;

  for (int line = 1; line <= EPW_HEADER_LINES; line++) {
    if (csvline_read(&c, f) != 1) {
      csv_error_at(&r, line, "EPW header: expected %d header lines, got the "
                   "end of the file", EPW_HEADER_LINES);
      goto fail;
    }
    if (line == 1 && read_location(&r, &c, p) != 0)
      goto fail;
    if (line == EPW_HEADER_LINES && read_data_periods(&r, &c) != 0)
      goto fail;
  }
  s.last_line = c.lineno;
  if (read_rows(&r, &c, f, p, &s) != 0)
    goto fail;
  want = s.leap ? EPW_ROWS_LEAP : EPW_ROWS;
  if (s.rows != want)
    csv_error_at(&r, s.last_line, "expected %d hourly rows (%d with 29 "
                 "February), got %ld", EPW_ROWS, EPW_ROWS_LEAP, s.rows);
  if (r.nerr > 0)
    goto fail;
  p->n = (size_t)s.rows;

  nominal = s.leap ? EPW_NOMINAL_LEAP_YEAR : EPW_NOMINAL_YEAR;
  keep_year = s.year > 0 &&
              (calendar_days_in_month(s.year, 2) == 29) == s.leap;
  t0 = calendar_days_from_civil(keep_year ? s.year : nominal, 1, 1) * 86400 -
       llround(p->utc_offset_h * 3600.0);
  for (size_t i = 0; i < p->n; i++)
    p->t_utc[i] = t0 + p->t_utc[i] * 3600;
  /* Years are 1800..2200 (parse_time); the modulo only bounds the text. */
  if (keep_year)
    snprintf(tail, sizeof tail, "year %u", (unsigned)s.year % 10000u);
  else if (s.year > 0) /* a leap year without its 29 February */
    snprintf(tail, sizeof tail, "year %u placed in %u",
             (unsigned)s.year % 10000u, (unsigned)nominal % 10000u);
  else
    snprintf(tail, sizeof tail, "typical year placed in %u",
             (unsigned)nominal % 10000u);
  profile_offset_text(off, sizeof off, p->utc_offset_h);
  snprintf(p->labelling, sizeof p->labelling, "hour-ending, local standard "
           "time UTC%s, %s", off, tail);
  profile_fill_albedo(p);
  csvline_free(&c);
  fclose(f);
  return p;

nomem:
  diag_msg(d, "out of memory reading '%s'", path);
fail:
  csvline_free(&c);
  profile_free(p);
  fclose(f);
  return NULL;
}
