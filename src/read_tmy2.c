/* Reader for NREL NSRDB TMY2 files (fixed width).
 *
 * Format (Marion and Urban, "User's Manual for TMY2s", NREL, 1995, section
 * 3; columns are 1-based):
 *   line 1  2-6 WBAN number, 8-29 city, 31-32 state, 34-36 UTC offset of
 *           local standard time [h], 38 'N'/'S', 40-41 latitude degrees,
 *           43-44 minutes, 46 'E'/'W', 48-50 longitude degrees, 52-53
 *           minutes, 56-59 elevation [m];
 *   then    8760 rows: 2-3 year, 4-5 month, 6-7 day, 8-9 hour 1..24 (local
 *           standard time, hour ENDING at the label), 18-21 GHI, 24-27 DNI,
 *           30-33 DHI [Wh/m2 over the hour = hour-mean W/m2], 68-71
 *           dry-bulb [0.1 degC, may carry a '-'], 85-88 pressure [mbar],
 *           96-98 wind speed [0.1 m/s]; each value is followed by a source
 *           and an uncertainty flag. All-9 values (9999, 999) mark missing
 *           data and are rejected, since renewcalc does not fill gaps.
 * TMY2 has no albedo; col[PROFILE_ALBEDO] is NULL.
 *
 * Time axis as for TMY3 (read_tmy3.c): the 2-digit year is ignored, rows are
 * placed in the nominal year 2023 (2024 when the file has 29 February), and
 *     t_utc = 2023-MM-DD 00:00 + (HH - 1) h - UTC offset. */
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

#define TMY2_ROWS 8760
#define TMY2_ROWS_LEAP 8784
#define TMY2_NOMINAL_YEAR 2023
#define TMY2_NOMINAL_LEAP_YEAR 2024
/* Last column read (wind speed, 96-98). */
#define TMY2_MIN_WIDTH 98

/* Fields read from a data row: 1-based first column, width, what the
 * message calls it, allowed range in file units, scale to profile units. */
static const struct tmy2_field {
  int col, width;
  const char *name;
  double lo, hi;
  const char *unit;
  double scale;
  enum profile_col dest;
} fields[] = {
  {18, 4, "global horizontal radiation", BOUNDS_IRRADIANCE_MIN_WM2,
   BOUNDS_IRRADIANCE_MAX_WM2, "Wh/m2", 1.0, PROFILE_GHI},
  {24, 4, "direct normal radiation", BOUNDS_IRRADIANCE_MIN_WM2,
   BOUNDS_IRRADIANCE_MAX_WM2, "Wh/m2", 1.0, PROFILE_DNI},
  {30, 4, "diffuse horizontal radiation", BOUNDS_IRRADIANCE_MIN_WM2,
   BOUNDS_IRRADIANCE_MAX_WM2, "Wh/m2", 1.0, PROFILE_DHI},
  {68, 4, "dry-bulb temperature", -900, 700, "0.1 degC", 0.1,
   PROFILE_TEMP_AIR},
  {85, 4, "pressure", 300, 1100, "mbar", 100.0, PROFILE_PRESSURE},
  {96, 3, "wind speed", 0, 1000, "0.1 m/s", 0.1, PROFILE_WIND_SPEED},
};
#define NFIELDS (sizeof fields / sizeof fields[0])

/* Parses width characters at s: leading blanks, an optional '-', then at
 * least one digit and nothing else. Returns 0 and sets *v, or -1. */
static int parse_fixed(const char *s, int width, int *v)
{
  int i = 0, neg = 0, val = 0, nd = 0;

  while (i < width && s[i] == ' ')
    i++;
  if (i < width && s[i] == '-') {
    neg = 1;
    i++;
  }
  for (; i < width; i++, nd++) {
    if (s[i] < '0' || s[i] > '9')
      return -1;
    val = val * 10 + (s[i] - '0');
  }
  if (nd == 0)
    return -1;
  *v = neg ? -val : val;
  return 0;
}

/* Columns col..col+width-1 (1-based) of line as text, for messages. */
static const char *cols_text(char *buf, size_t size, const char *line,
                             size_t len, int col, int width)
{
  size_t from = (size_t)col - 1;
  int n = from >= len ? 0 : (int)(len - from < (size_t)width ? len - from
                                                              : (size_t)width);

  snprintf(buf, size, "%.*s", n, from >= len ? "" : line + from);
  return buf;
}

int read_tmy2_detect(const char *head)
{
  const char *nl = strchr(head, '\n');
  const char *l2;
  int v;

  if (!nl || nl - head < 59 || head[0] != ' ' ||
      csvline_parse_digits(head + 1, 5) < 0 ||
      parse_fixed(head + 33, 3, &v) != 0 ||
      (head[37] != 'N' && head[37] != 'S') ||
      (head[45] != 'E' && head[45] != 'W'))
    return 0;
  l2 = nl + 1;
  return l2[0] == ' ' && csvline_parse_digits(l2 + 1, 8) >= 0;
}

/* Parses line 1. 0, or -1 when an error was reported. */
static int read_station(struct csv_reader *r, const struct csvline *c,
                        struct profile *p)
{
  const char *s = c->text;
  int tz, latd, latm, lond, lonm, elev;
  char city[32], state[4];
  size_t clen;

  if (c->len < 56 || s[0] != ' ' || csvline_parse_digits(s + 1, 5) < 0) {
    csv_error_at(r, c->lineno, "TMY2 header: expected a space, a 5-digit WBAN "
                 "number, city, state, UTC offset, latitude, longitude and "
                 "elevation in fixed columns, got '%s'", s);
    return -1;
  }
  if (parse_fixed(s + 33, 3, &tz) != 0 || tz < -12 || tz > 14) {
    csv_error_at(r, c->lineno, "TMY2 header 'UTC offset' (columns 34-36): "
                 "expected a whole number between -12 and 14 h, got '%.3s'",
                 s + 33);
    return -1;
  }
  latd = csvline_parse_digits(s + 39, 2);
  latm = csvline_parse_digits(s + 42, 2);
  if ((s[37] != 'N' && s[37] != 'S') || s[38] != ' ' || s[41] != ' ' ||
      latd < 0 || latd > 90 || latm < 0 || latm > 59 ||
      latd * 60 + latm > 90 * 60) {
    csv_error_at(r, c->lineno, "TMY2 header 'latitude' (columns 38-44): "
                 "expected N or S dd mm, at most 90 degrees, got '%.7s'",
                 s + 37);
    return -1;
  }
  if (parse_fixed(s + 47, 3, &lond) != 0)
    lond = -1;
  lonm = csvline_parse_digits(s + 51, 2);
  if ((s[45] != 'E' && s[45] != 'W') || s[46] != ' ' || s[50] != ' ' ||
      lond < 0 || lond > 180 || lonm < 0 || lonm > 59 ||
      lond * 60 + lonm > 180 * 60) {
    csv_error_at(r, c->lineno, "TMY2 header 'longitude' (columns 46-53): "
                 "expected E or W ddd mm, at most 180 degrees, got '%.8s'",
                 s + 45);
    return -1;
  }
  if (parse_fixed(s + 55, c->len < 59 ? (int)c->len - 55 : 4, &elev) != 0 ||
      elev < -500 || elev > 9000) {
    csv_error_at(r, c->lineno, "TMY2 header 'elevation' (columns 56-59): "
                 "expected a whole number between -500 and 9000 m, got '%s'",
                 s + 55);
    return -1;
  }
  p->utc_offset_h = tz;
  p->has_location = 1;
  p->latitude = (s[37] == 'S' ? -1.0 : 1.0) * (latd + latm / 60.0);
  p->longitude = (s[45] == 'W' ? -1.0 : 1.0) * (lond + lonm / 60.0);
  p->elevation_m = elev;
  snprintf(city, sizeof city, "%.22s", s + 7);
  clen = strlen(city);
  while (clen > 0 && city[clen - 1] == ' ')
    city[--clen] = '\0';
  snprintf(state, sizeof state, "%.2s", s + 30);
  snprintf(p->station, sizeof p->station, "%s, %s (WBAN %.5s)", city, state,
           s + 1);
  return 0;
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

/* Parses columns 4-9 into month, day, hour 1..24. 0 or -1 (reported). */
static int parse_date_time(struct csv_reader *r, const struct csvline *c,
                           int *month, int *day, int *hour)
{
  const char *s = c->text;
  int mo = csvline_parse_digits(s + 3, 2);
  int dd = csvline_parse_digits(s + 5, 2);
  int hh = csvline_parse_digits(s + 7, 2);

  /* 29 February is checked against the leap calendar; whether the file is
   * a leap year is decided by the row order. */
  if (mo < 1 || mo > 12 || dd < 1 ||
      dd > calendar_days_in_month(TMY2_NOMINAL_LEAP_YEAR, mo)) {
    csv_error_at(r, c->lineno, "columns 4-7 (month, day): expected MMDD, got "
                 "'%.4s'", s + 3);
    return -1;
  }
  if (hh < 1 || hh > 24) {
    csv_error_at(r, c->lineno, "columns 8-9 (hour): expected an hour-ending "
                 "hour 01 to 24, got '%.2s'", s + 7);
    return -1;
  }
  *month = mo;
  *day = dd;
  *hour = hh;
  return 0;
}

/* Checks and stores the values of one row in slot i. 0, or -1 when the
 * error limit was reached. */
static int read_values(struct csv_reader *r, const struct csvline *c,
                       struct profile *p, long i)
{
  for (size_t k = 0; k < NFIELDS; k++) {
    const struct tmy2_field *f = &fields[k];
    const char *s = c->text + f->col - 1;
    int v;
    char buf[8];
    int missing = f->width == 4 ? strncmp(s, "9999", 4) == 0
                                : strncmp(s, "999", 3) == 0;

    if (!missing && parse_fixed(s, f->width, &v) == 0 && v >= f->lo &&
        v <= f->hi) {
      if ((size_t)i < p->cap)
        p->col[f->dest][i] = v * f->scale;
      continue;
    }
    if (csv_error_at(r, c->lineno, "columns %d-%d (%s): expected a number "
                     "between %g and %g %s, got '%s'%s", f->col,
                     f->col + f->width - 1, f->name, f->lo, f->hi, f->unit,
                     cols_text(buf, sizeof buf, c->text, c->len, f->col,
                               f->width),
                     missing ? " (missing value)" : "") != 0)
      return -1;
  }
  return 0;
}

/* Reads the data rows. Returns the number of rows (possibly more than were
 * stored), or -1 when the error limit was reached or on a read error. */
static long read_rows(struct csv_reader *r, struct csvline *c, FILE *f,
                      struct profile *p, int *leap, long *last_line)
{
  int64_t offset_s = llround(p->utc_offset_h * 3600.0);
  long rows = 0;
  long next = 0; /* expected hour of year, 0-based */
  int rc;

  while ((rc = csvline_read(c, f)) == 1) {
    int mo, dd, hh, year;
    long at;

    if (csvline_is_blank(c))
      continue;
    *last_line = c->lineno;
    rows++;
    if (c->len < TMY2_MIN_WIDTH || c->text[0] != ' ' ||
        csvline_parse_digits(c->text + 1, 8) < 0) {
      if (csv_error_at(r, c->lineno, "expected a fixed-width TMY2 row (a "
                       "space, 8 digits of date and hour, at least %d "
                       "characters), got %zu characters starting '%.12s'",
                       TMY2_MIN_WIDTH, c->len, c->text) != 0)
        return -1;
      next++;
      continue;
    }
    if (parse_date_time(r, c, &mo, &dd, &hh) != 0) {
      if (r->nerr >= CSV_MAX_ERRORS)
        return -1;
      next++;
      continue;
    }
    if (mo == 2 && dd == 29 && !*leap && next == 59 * 24)
      *leap = 1;
    year = *leap ? TMY2_NOMINAL_LEAP_YEAR : TMY2_NOMINAL_YEAR;
    at = (long)(calendar_days_from_civil(year, mo, dd) -
                calendar_days_from_civil(year, 1, 1)) * 24 + (hh - 1);
    if (at != next && next >= (*leap ? TMY2_ROWS_LEAP : TMY2_ROWS)) {
      if (csv_error_at(r, c->lineno, "columns 4-9 (month, day, hour): "
                       "expected no row after 12/31 hour 24, got '%.6s'",
                       c->text + 3) != 0)
        return -1;
    } else if (at != next) {
      int emo, edd, ehh;

      hour_to_date(next, year, &emo, &edd, &ehh);
      if (csv_error_at(r, c->lineno, "columns 4-9 (month, day, hour): "
                       "expected %02d%02d%02d (the hour after the previous "
                       "row), got '%.6s'", emo, edd, ehh, c->text + 3) != 0)
        return -1;
    }
    next = at + 1;
    if ((size_t)rows > p->cap)
      continue; /* too many rows: counted and reported by the caller */
    p->t_utc[rows - 1] = (calendar_days_from_civil(year, mo, dd) * 86400 +
                          (int64_t)(hh - 1) * 3600) - offset_s;
    if (read_values(r, c, p, rows - 1) != 0)
      return -1;
  }
  if (rc < 0) {
    diag_errno(r->d, "cannot read", r->path);
    r->nerr++;
    return -1;
  }
  /* The year turns out to be a leap year only at 29 February: move the
   * rows before it from the nominal year to the leap year too. */
  if (*leap) {
    int64_t shift = (calendar_days_from_civil(TMY2_NOMINAL_LEAP_YEAR, 1, 1) -
                     calendar_days_from_civil(TMY2_NOMINAL_YEAR, 1, 1)) * 86400;
    for (long i = 0; i < rows && i < 59 * 24 && (size_t)i < p->cap; i++)
      p->t_utc[i] += shift;
  }
  return rows;
}

struct profile *read_tmy2(const char *path, struct diag *d)
{
  struct csv_reader r = {path, d, 0};
  struct csvline c;
  struct profile *p = NULL;
  int leap = 0;
  long rows, last_line = 1, want;
  char off[16];
  FILE *f = infile_open(path, INFILE_DATA_MAX, d);

  csvline_init(&c);
  if (!f)
    return NULL;
  p = profile_new(TMY2_ROWS_LEAP);
  if (!p)
    goto nomem;
  for (size_t k = 0; k < NFIELDS; k++)
    if (profile_add_col(p, fields[k].dest) != 0)
      goto nomem;
  snprintf(p->path, sizeof p->path, "%s", path);
  snprintf(p->format, sizeof p->format, "tmy2");
  p->interval_s = 3600;

  if (csvline_read(&c, f) != 1) {
    csv_error_at(&r, 1, "TMY2 header: expected the station line, got an empty "
                 "file");
    goto fail;
  }
  if (read_station(&r, &c, p) != 0)
    goto fail;
  rows = read_rows(&r, &c, f, p, &leap, &last_line);
  if (rows < 0)
    goto fail;
  want = leap ? TMY2_ROWS_LEAP : TMY2_ROWS;
  if (rows != want)
    csv_error_at(&r, last_line, "expected %d hourly rows (%d with 29 "
                 "February), got %ld", TMY2_ROWS, TMY2_ROWS_LEAP, rows);
  if (r.nerr > 0)
    goto fail;
  p->n = (size_t)rows;
  profile_offset_text(off, sizeof off, p->utc_offset_h);
  snprintf(p->labelling, sizeof p->labelling,
           "hour-ending, local standard time UTC%s, typical year placed in %d",
           off, leap ? TMY2_NOMINAL_LEAP_YEAR : TMY2_NOMINAL_YEAR);
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
