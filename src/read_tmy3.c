/* Reader for NREL NSRDB TMY3 files (CSV variant).
 *
 * Format (Wilcox and Marion, "Users Manual for TMY3 Data Sets",
 * NREL/TP-581-43156, 2008, section 2):
 *   line 1  station id, "name", state, UTC offset of local standard time [h],
 *           latitude [deg N], longitude [deg E], elevation [m];
 *   line 2  column names: "Date (MM/DD/YYYY)", "Time (HH:MM)", ...;
 *   then    8760 rows, time 01:00 .. 24:00 in local standard time. Each value
 *           is for the 60 minutes ENDING at the label; irradiances are
 *           Wh/m2 over that hour, i.e. the hour-mean W/m2.
 * Columns are found by their header names, so files with or without the
 * trailing PresWth columns both read.
 *
 * Time axis. A typical year takes each month from a different real year, so
 * the Year field is ignored and every row is placed in the nominal non-leap
 * year 2023 (2024 when the file has 29 February, 8784 rows); the axis is then
 * continuous. Interval start in UTC:
 *     t_utc = 2023-MM-DD 00:00 + (HH - 1) h - UTC offset
 * e.g. 01/01 01:00 at UTC-05:00 starts at 2023-01-01 00:00 local = 05:00 UTC.
 *
 * Albedo ("Alb (unitless)") is 0 or -9900 when not available. A column that
 * is never available is dropped (col[PROFILE_ALBEDO] = NULL); otherwise the
 * hours without a value get the mean of the hours with one. */
#include <math.h>
#include <stdarg.h>
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

#define TMY3_ROWS 8760
#define TMY3_ROWS_LEAP 8784
#define TMY3_NOMINAL_YEAR 2023
#define TMY3_NOMINAL_LEAP_YEAR 2024
#define TMY3_MISSING (-9900.0)

/* Columns read from the file, in the order of the header names below. */
enum tmy3_field {
  F_DATE, F_TIME, F_GHI, F_DNI, F_DHI, F_TEMP, F_PRES, F_WSPD, F_ALB, F_COUNT
};

static const char *const field_names[F_COUNT] = {
  [F_DATE] = "Date (MM/DD/YYYY)",
  [F_TIME] = "Time (HH:MM)",
  [F_GHI] = "GHI (W/m^2)",
  [F_DNI] = "DNI (W/m^2)",
  [F_DHI] = "DHI (W/m^2)",
  [F_TEMP] = "Dry-bulb (C)",
  [F_PRES] = "Pressure (mbar)",
  [F_WSPD] = "Wspd (m/s)",
  [F_ALB] = "Alb (unitless)",
};


int read_tmy3_detect(const char *head)
{
  static const char line2[] = "Date (MM/DD/YYYY),Time (HH:MM),";
  const char *nl = strchr(head, '\n');

  return nl && strncmp(nl + 1, line2, sizeof line2 - 1) == 0;
}

/* "+HH:MM" / "-HH:MM" for an offset in hours. */
static void format_offset(char *buf, size_t size, double offset_h)
{
  /* Offsets are validated to +-14 h; the modulo only bounds the width. */
  unsigned m = (unsigned)lround(fabs(offset_h) * 60.0) % 6000u;

  snprintf(buf, size, "%c%02u:%02u", offset_h < 0 ? '-' : '+', m / 60,
           m % 60);
}

/* Parses line 1. 0, or -1 when an error was reported. */
static int read_station(struct csv_reader *r, struct csvline *c, struct profile *p)
{
  static const struct {
    const char *name;
    double lo, hi;
    const char *unit;
  } num[4] = {
    {"UTC offset", -12.0, 14.0, "h"},
    {"latitude", -90.0, 90.0, "degrees"},
    {"longitude", -180.0, 180.0, "degrees"},
    {"elevation", -500.0, 9000.0, "m"},
  };
  double v[4] = {0};
  int n = csvline_split(c, ',');
  int bad = 0;

  if (n != 7) {
    csv_error_at(r, c->lineno, "TMY3 header: expected 7 fields (station id, "
             "name, state, UTC offset, latitude, longitude, elevation), "
             "got %d", n < 0 ? (int)c->nfield : n);
    return -1;
  }
  for (int i = 0; i < 4; i++) {
    const char *s = c->field[3 + i];

    if (csvline_parse_double(s, &v[i]) != 0 || v[i] < num[i].lo ||
        v[i] > num[i].hi) {
      csv_error_at(r, c->lineno, "TMY3 header '%s': expected a number between "
               "%g and %g %s, got '%s'", num[i].name, num[i].lo, num[i].hi,
               num[i].unit, s);
      bad = 1;
    }
  }
  if (bad)
    return -1;
  p->utc_offset_h = v[0];
  p->has_location = 1;
  p->latitude = v[1];
  p->longitude = v[2];
  p->elevation_m = v[3];
  snprintf(p->station, sizeof p->station, "%s, %s (%s)", c->field[1],
           c->field[2], c->field[0]);
  return 0;
}

/* Parses line 2 into idx[] (field positions; -1 for an absent albedo).
 * Returns the number of fields, or -1 when a required column is missing. */
static int read_columns(struct csv_reader *r, struct csvline *c, int idx[F_COUNT])
{
  int n = csvline_split(c, ',');
  int bad = 0;

  if (n < 0) {
    csv_error_at(r, c->lineno, "TMY3 header: expected column names, got an "
             "unterminated quoted field");
    return -1;
  }
  for (int f = 0; f < F_COUNT; f++) {
    idx[f] = -1;
    for (int i = 0; i < n; i++)
      if (strcmp(c->field[i], field_names[f]) == 0) {
        idx[f] = i;
        break;
      }
    if (idx[f] < 0 && f != F_ALB) {
      csv_error_at(r, c->lineno, "TMY3 header: expected a column '%s', got none",
               field_names[f]);
      bad = 1;
    }
  }
  return bad ? -1 : n;
}

/* Month, day and hour (1..24) of hour-of-year idx (0-based). */
static void hour_to_date(long idx, int year, int *month, int *day, int *hour)
{
  long d = idx / 24;
  int m = 1;

  while (m < 12 && d >= calendar_days_in_month(year, m))
    d -= calendar_days_in_month(year, m++);
  *month = m;
  *day = (int)d + 1;
  *hour = (int)(idx % 24) + 1;
}

/* Checks the range of one value; NaN-free by csvline_parse_double. */
static int check_value(struct csv_reader *r, long line, const char *s,
                       enum tmy3_field f, double *v)
{
  int ok = csvline_parse_double(s, v) == 0;

  switch (f) {
  case F_GHI:
  case F_DNI:
  case F_DHI:
    if (ok && bounds_irradiance_ok(*v))
      return 0;
    return csv_error_at(r, line, "column '%s': expected a number between %g "
                    "and %g W/m2, got '%s'", field_names[f],
                    BOUNDS_IRRADIANCE_MIN_WM2, BOUNDS_IRRADIANCE_MAX_WM2, s);
  case F_TEMP:
    if (ok && *v >= -90.0 && *v <= 70.0)
      return 0;
    return csv_error_at(r, line, "column '%s': expected a number between -90 "
                    "and 70 degC, got '%s'", field_names[f], s);
  case F_PRES:
    if (ok && *v >= 300.0 && *v <= 1100.0)
      return 0;
    return csv_error_at(r, line, "column '%s': expected a number between 300 "
                    "and 1100 mbar, got '%s'", field_names[f], s);
  case F_WSPD:
    if (ok && *v >= 0.0 && *v <= 100.0)
      return 0;
    return csv_error_at(r, line, "column '%s': expected a number between 0 and "
                    "100 m/s, got '%s'", field_names[f], s);
  case F_ALB:
    if (*s == '\0' || (ok && (*v == 0.0 || *v == TMY3_MISSING))) {
      *v = -1.0; /* not available */
      return 0;
    }
    if (ok && *v > 0.0 && *v <= 1.0)
      return 0;
    return csv_error_at(r, line, "column '%s': expected a number between 0 and "
                    "1 (0 or -9900 when not available), got '%s'",
                    field_names[f], s);
  default:
    return 0;
  }
}

/* Parses "MM/DD/YYYY" and "HH:MM" into month, day, hour 1..24. 0 or -1
 * (reported). */
static int parse_date_time(struct csv_reader *r, long line, const char *date,
                           const char *time, int *month, int *day, int *hour)
{
  int mo = -1, dd = -1, hh = -1, mi = -1;

  if (strlen(date) == 10 && date[2] == '/' && date[5] == '/' &&
      csvline_parse_digits(date + 6, 4) >= 0) {
    mo = csvline_parse_digits(date, 2);
    dd = csvline_parse_digits(date + 3, 2);
  }
  /* 29 February is checked against the leap calendar; whether the file
   * is a leap year is decided by the row order. */
  if (mo < 1 || mo > 12 || dd < 1 ||
      dd > calendar_days_in_month(TMY3_NOMINAL_LEAP_YEAR, mo)) {
    csv_error_at(r, line, "column '%s': expected a date MM/DD/YYYY, got '%s'",
             field_names[F_DATE], date);
    return -1;
  }
  if (strlen(time) == 5 && time[2] == ':') {
    hh = csvline_parse_digits(time, 2);
    mi = csvline_parse_digits(time + 3, 2);
  }
  if (hh < 1 || hh > 24 || mi != 0) {
    csv_error_at(r, line, "column '%s': expected an hour-ending time 01:00 to "
             "24:00, got '%s'", field_names[F_TIME], time);
    return -1;
  }
  *month = mo;
  *day = dd;
  *hour = hh;
  return 0;
}

/* Reads the data rows. Returns the number of rows (possibly more than were
 * stored), or -1 when the error limit was reached or on a read error. */
static long read_rows(struct csv_reader *r, struct csvline *c, FILE *f,
                      struct profile *p, const int idx[F_COUNT], int nfields,
                      int *leap, long *last_line)
{
  static const enum profile_col dest[F_COUNT] = {
    [F_GHI] = PROFILE_GHI, [F_DNI] = PROFILE_DNI, [F_DHI] = PROFILE_DHI,
    [F_TEMP] = PROFILE_TEMP_AIR, [F_PRES] = PROFILE_PRESSURE,
    [F_WSPD] = PROFILE_WIND_SPEED, [F_ALB] = PROFILE_ALBEDO,
  };
  int64_t offset_s = llround(p->utc_offset_h * 3600.0);
  long rows = 0;
  long next = 0; /* expected hour of year, 0-based */
  int rc;

  while ((rc = csvline_read(c, f)) == 1) {
    int n, mo, dd, hh, year;
    long at;

    if (csvline_is_blank(c))
      continue;
    *last_line = c->lineno;
    rows++;
    n = csvline_split(c, ',');
    if (n == -2)
      return -1;
    if (n != nfields) {
      if (csv_error_at(r, c->lineno, "expected %d fields as in the header "
                   "(line 2), got %d", nfields,
                   n < 0 ? (int)c->nfield : n) != 0)
        return -1;
      next++;
      continue;
    }
    if (parse_date_time(r, c->lineno, c->field[idx[F_DATE]],
                        c->field[idx[F_TIME]], &mo, &dd, &hh) != 0) {
      if (r->nerr >= CSV_MAX_ERRORS)
        return -1;
      next++;
      continue;
    }
    if (mo == 2 && dd == 29 && !*leap && next == 59 * 24)
      *leap = 1;
    year = *leap ? TMY3_NOMINAL_LEAP_YEAR : TMY3_NOMINAL_YEAR;
    at = (long)(calendar_days_from_civil(year, mo, dd) -
                calendar_days_from_civil(year, 1, 1)) * 24 + (hh - 1);
    if (at != next && next >= (*leap ? TMY3_ROWS_LEAP : TMY3_ROWS)) {
      if (csv_error_at(r, c->lineno, "column '%s': expected no row after 12/31 "
                   "24:00, got '%s %s'", field_names[F_TIME],
                   c->field[idx[F_DATE]], c->field[idx[F_TIME]]) != 0)
        return -1;
    } else if (at != next) {
      int emo, edd, ehh;

      hour_to_date(next, year, &emo, &edd, &ehh);
      if (csv_error_at(r, c->lineno, "column '%s': expected %02d/%02d %02d:00 "
                   "(the hour after the previous row), got '%s %s'",
                   field_names[F_TIME], emo, edd, ehh,
                   c->field[idx[F_DATE]], c->field[idx[F_TIME]]) != 0)
        return -1;
    }
    next = at + 1;
    if ((size_t)rows > p->cap)
      continue; /* too many rows: counted and reported by the caller */
    p->t_utc[rows - 1] = (calendar_days_from_civil(year, mo, dd) * 86400 +
                          (int64_t)(hh - 1) * 3600) - offset_s;
    for (int fi = F_GHI; fi < F_COUNT; fi++) {
      double v;

      if (idx[fi] < 0)
        continue;
      if (check_value(r, c->lineno, c->field[idx[fi]], (enum tmy3_field)fi,
                      &v) != 0) {
        if (r->nerr >= CSV_MAX_ERRORS)
          return -1;
        continue;
      }
      p->col[dest[fi]][rows - 1] = fi == F_PRES ? v * 100.0 : v;
    }
  }
  if (rc < 0) {
    diag_errno(r->d, "cannot read", r->path);
    r->nerr++;
    return -1;
  }
  /* The year turns out to be a leap year only at 29 February: move the
   * rows before it from the nominal year to the leap year too. */
  if (*leap) {
    int64_t shift = (calendar_days_from_civil(TMY3_NOMINAL_LEAP_YEAR, 1, 1) -
                     calendar_days_from_civil(TMY3_NOMINAL_YEAR, 1, 1)) * 86400;
    for (long i = 0; i < rows && i < 59 * 24 && (size_t)i < p->cap; i++)
      p->t_utc[i] += shift;
  }
  return rows;
}

/* Drops an albedo column that is never available, or fills its gaps
 * (marked -1) with the mean of the available hours. */
static void finish_albedo(struct profile *p)
{
  double *a = p->col[PROFILE_ALBEDO];
  double sum = 0.0;
  size_t nvalid = 0;

  if (!a)
    return;
  for (size_t i = 0; i < p->n; i++)
    if (a[i] >= 0.0) {
      sum += a[i];
      nvalid++;
    }
  if (nvalid == 0) {
    free(a);
    p->col[PROFILE_ALBEDO] = NULL;
    return;
  }
  for (size_t i = 0; i < p->n; i++)
    if (a[i] < 0.0)
      a[i] = sum / (double)nvalid;
}

struct profile *read_tmy3(const char *path, struct diag *d)
{
  struct csv_reader r = {path, d, 0};
  struct csvline c;
  struct profile *p = NULL;
  int idx[F_COUNT];
  int nfields, leap = 0;
  long rows, last_line = 0, want;
  char off[16];
  FILE *f = infile_open(path, INFILE_DATA_MAX, d);

  csvline_init(&c);
  if (!f)
    return NULL;
  p = profile_new(TMY3_ROWS_LEAP);
  if (!p)
    goto nomem;
  for (int col = 0; col < PROFILE_NCOLS; col++)
    if (profile_add_col(p, (enum profile_col)col) != 0)
      goto nomem;
  snprintf(p->path, sizeof p->path, "%s", path);
  snprintf(p->format, sizeof p->format, "tmy3");
  p->interval_s = 3600;

  if (csvline_read(&c, f) != 1) {
    csv_error_at(&r, 1, "TMY3 header: expected the station line, got an empty "
             "file");
    goto fail;
  }
  read_station(&r, &c, p);
  if (csvline_read(&c, f) != 1) {
    csv_error_at(&r, 2, "TMY3 header: expected the column names, got the end "
             "of the file");
    goto fail;
  }
  nfields = read_columns(&r, &c, idx);
  if (nfields < 0)
    goto fail;
  if (idx[F_ALB] < 0) {
    free(p->col[PROFILE_ALBEDO]);
    p->col[PROFILE_ALBEDO] = NULL;
  }
  last_line = c.lineno;
  rows = read_rows(&r, &c, f, p, idx, nfields, &leap, &last_line);
  if (rows < 0)
    goto fail;
  want = leap ? TMY3_ROWS_LEAP : TMY3_ROWS;
  if (rows != want)
    csv_error_at(&r, last_line, "expected %d hourly rows (%d with 29 February), "
             "got %ld", TMY3_ROWS, TMY3_ROWS_LEAP, rows);
  if (r.nerr > 0)
    goto fail;
  p->n = (size_t)rows;
  finish_albedo(p);
  format_offset(off, sizeof off, p->utc_offset_h);
  snprintf(p->labelling, sizeof p->labelling,
           "hour-ending, local standard time UTC%s, typical year placed in %d",
           off, leap ? TMY3_NOMINAL_LEAP_YEAR : TMY3_NOMINAL_YEAR);
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
