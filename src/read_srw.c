/* Reader for SAM wind resource files (.srw).
 *
 * Format (NREL, SAM help "Wind Resource File Format"; the files of the NREL
 * SAM Simulation Core test data):
 *   line 1  loc_id, city, state, country, year, latitude, longitude,
 *           elevation [m], UTC offset of local standard time [h], number of
 *           records. Files often carry placeholders ("lat??", "year??")
 *           instead of numbers, and spreadsheet padding (trailing empty
 *           fields);
 *   line 2  free-text description;
 *   line 3  column names: Temperature, Pressure, Direction, Speed, in any
 *           order and at any number of heights;
 *   line 4  units per column (C, atm, degrees, m/s);
 *   line 5  measurement height above ground per column [m];
 *   then    one record per time step, no time stamp: record i is step i of
 *           a year starting 1 January 00:00 local standard time.
 * Columns are found by the names on line 3 and the heights on line 5,
 * never by position.
 *
 * Time axis. A record starts its interval. 8760 records are the hours of a
 * 365-day year, 8784 those of a 366-day one; a multiple of either by a
 * divisor of 60 gives sub-hourly steps. The year on line 1 is used when it
 * is a number whose length (365/366 days) matches the records; otherwise
 * the records are placed in the nominal year 2023 (2024 for 366 days), as
 * the other readers do with typical years:
 *   t_utc[i] = Jan 1 00:00 of that year + i * step - UTC offset
 * e.g. UTC-7, record 0: 2023-01-01 07:00 UTC. */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "csvline.h"
#include "diag.h"
#include "infile.h"
#include "wind_profile.h"

#define SRW_NOMINAL_YEAR 2023
#define SRW_NOMINAL_LEAP_YEAR 2024
#define SRW_HOURS 8760
#define SRW_HOURS_LEAP 8784
#define SRW_META_FIELDS 10
/* Pa per atmosphere (ISO 2533 standard atmosphere). */
#define PA_PER_ATM 101325.0

enum srw_meta { S_ID, S_CITY, S_STATE, S_COUNTRY, S_YEAR, S_LAT, S_LON,
                S_ELEV, S_TZ, S_RECORDS };

static const char *const meta_names[SRW_META_FIELDS] = {
  "loc_id", "city", "state", "country", "year", "latitude", "longitude",
  "elevation", "timezone", "records",
};

/* Names on line 3, '|'-separated, compared without case. */
static const char *const quantity_names[WIND_NQUANTITIES] = {
  [WIND_SPEED] = "Speed|Wind Speed|Spd",
  [WIND_DIRECTION] = "Direction|Dir",
  [WIND_TEMP] = "Temperature|Temp",
  [WIND_PRESSURE] = "Pressure|Pres",
};

static const char *const quantity_label[WIND_NQUANTITIES] = {
  [WIND_SPEED] = "Speed", [WIND_DIRECTION] = "Direction",
  [WIND_TEMP] = "Temperature", [WIND_PRESSURE] = "Pressure",
};

/* Accepted units: scale and offset to m/s, deg, degC, Pa. */
static const struct {
  enum wind_quantity q;
  const char *unit;
  double scale, offset;
} units[] = {
  {WIND_SPEED, "m/s", 1.0, 0.0},
  {WIND_DIRECTION, "degrees", 1.0, 0.0},
  {WIND_DIRECTION, "deg", 1.0, 0.0},
  {WIND_TEMP, "C", 1.0, 0.0},
  {WIND_TEMP, "degC", 1.0, 0.0},
  {WIND_TEMP, "K", 1.0, -273.15},
  {WIND_PRESSURE, "atm", PA_PER_ATM, 0.0},
  {WIND_PRESSURE, "mbar", 100.0, 0.0},
  {WIND_PRESSURE, "hPa", 100.0, 0.0},
  {WIND_PRESSURE, "kPa", 1000.0, 0.0},
  {WIND_PRESSURE, "Pa", 1.0, 0.0},
};
#define NUNITS (sizeof units / sizeof units[0])

static const char *const unit_list[WIND_NQUANTITIES] = {
  [WIND_SPEED] = "m/s", [WIND_DIRECTION] = "degrees or deg",
  [WIND_TEMP] = "C, degC or K", [WIND_PRESSURE] = "atm, mbar, hPa, kPa or Pa",
};

struct srw_col {
  struct wind_column wc;
  double scale, offset;
  const char *unit;     /* as spelled in units[] */
};

static int equal_ci(const char *a, const char *b, size_t nb)
{
  size_t i;

  for (i = 0; i < nb; i++)
    if (a[i] == '\0' || tolower((unsigned char)a[i]) !=
        tolower((unsigned char)b[i]))
      return 0;
  return a[i] == '\0';
}

/* Quantity named s on line 3, or -1. */
static int quantity_of(const char *s)
{
  for (int q = 0; q < WIND_NQUANTITIES; q++) {
    const char *names = quantity_names[q];

    while (*names) {
      const char *bar = strchr(names, '|');
      size_t len = bar ? (size_t)(bar - names) : strlen(names);

      if (equal_ci(s, names, len))
        return q;
      names += len + (bar ? 1 : 0);
    }
  }
  return -1;
}

/* Splits the current line and drops trailing empty fields (spreadsheet
 * padding). Returns the number of fields left, or -1 / -2 as csvline_split. */
static int split_trimmed(struct csvline *c)
{
  int n = csvline_split(c, ',');

  while (n > 1 && c->field[n - 1][0] == '\0')
    n--;
  if (n >= 0)
    c->nfield = (size_t)n;
  return n;
}

int read_srw_detect(const char *head)
{
  struct csvline c;
  const char *pos = head;
  int ok = 0, n, line;

  csvline_init(&c);
  for (line = 1; line <= 5; line++) {
    if (csvline_read_mem(&c, &pos) != 1)
      break;
    if (line == 3) {
      n = split_trimmed(&c);
      for (int i = 0; i < n; i++)
        if (quantity_of(c.field[i]) >= 0)
          ok = 1;
    }
    if (line == 5) {
      double h;

      n = split_trimmed(&c);
      ok = ok && n > 0 && csvline_parse_double(c.field[0], &h) == 0;
    }
  }
  csvline_free(&c);
  return ok && line == 6;
}

/* 1 if s looks like a placeholder ("lat??", "city??") or is empty. */
static int is_placeholder(const char *s)
{
  return *s == '\0' || strstr(s, "??") != NULL;
}

/* Adds ", s" to the station name unless s is empty or a placeholder. */
static void station_add(struct wind_profile *p, const char *s)
{
  size_t len = strlen(p->station);

  if (is_placeholder(s) || len + 3 >= sizeof p->station)
    return;
  snprintf(p->station + len, sizeof p->station - len, "%s%s",
           len ? ", " : "", s);
}

struct srw_meta_values {
  double tz_h;
  int year;       /* 0 if a placeholder */
  long records;   /* 0 if a placeholder */
};

/* Line 1. 0, or -1 after reporting. */
static int read_line1(struct csv_reader *r, struct csvline *c,
                      struct wind_profile *p, struct srw_meta_values *m)
{
  int n = split_trimmed(c), bad = 0;
  double lat = 0.0, lon = 0.0, v;
  const char *s;

  if (n < SRW_META_FIELDS) {
    csv_error_at(r, 1, "SRW header: expected %d fields (loc_id, city, "
                 "state, country, year, latitude, longitude, elevation, "
                 "timezone, records), got %d", SRW_META_FIELDS, n < 0 ? 0 : n);
    return -1;
  }
  s = c->field[S_TZ];
  if (csvline_parse_double(s, &m->tz_h) != 0 || m->tz_h < -12.0 ||
      m->tz_h > 14.0) {
    csv_error_at(r, 1, "SRW header 'timezone': expected a number between "
                 "-12 and 14 h, got '%s'", s);
    bad = 1;
  }
  s = c->field[S_ELEV];
  if (!is_placeholder(s)) {
    if (csvline_parse_double(s, &v) != 0 || v < -500.0 || v > 9000.0) {
      csv_error_at(r, 1, "SRW header 'elevation': expected a number between "
                   "-500 and 9000 m or a placeholder, got '%s'", s);
      bad = 1;
    } else {
      p->has_elevation = 1;
      p->elevation_m = v;
    }
  }
  for (int k = S_LAT; k <= S_LON; k++) {
    double lim = k == S_LAT ? 90.0 : 180.0;

    s = c->field[k];
    if (is_placeholder(s))
      continue;
    if (csvline_parse_double(s, &v) != 0 || v < -lim || v > lim) {
      csv_error_at(r, 1, "SRW header '%s': expected a number between %g and "
                   "%g degrees or a placeholder, got '%s'", meta_names[k],
                   -lim, lim, s);
      bad = 1;
    } else {
      *(k == S_LAT ? &lat : &lon) = v;
      p->has_location |= 1 << (k - S_LAT);
    }
  }
  /* Both or nothing. */
  p->has_location = p->has_location == 3;
  p->latitude = p->has_location ? lat : 0.0;
  p->longitude = p->has_location ? lon : 0.0;
  s = c->field[S_YEAR];
  m->year = 0;
  if (!is_placeholder(s) && (csvline_parse_double(s, &v) != 0 ||
                             v != floor(v) || v < 1800.0 || v > 2200.0)) {
    csv_error_at(r, 1, "SRW header 'year': expected a year between 1800 and "
                 "2200 or a placeholder, got '%s'", s);
    bad = 1;
  } else if (!is_placeholder(s)) {
    m->year = (int)v;
  }
  s = c->field[S_RECORDS];
  m->records = 0;
  if (!is_placeholder(s)) {
    if (csvline_parse_double(s, &v) != 0 || v != floor(v) || v < 1.0 ||
        v > 60.0 * SRW_HOURS_LEAP) {
      csv_error_at(r, 1, "SRW header 'records': expected a whole number of "
                   "records (8760 for an hourly year), got '%s'", s);
      bad = 1;
    } else {
      m->records = (long)v;
    }
  }
  station_add(p, c->field[S_CITY]);
  station_add(p, c->field[S_STATE]);
  station_add(p, c->field[S_COUNTRY]);
  return bad ? -1 : 0;
}

/* Line 2: the description becomes the station name when there is one. */
static void read_line2(struct csvline *c, struct wind_profile *p)
{
  char *t = c->text;
  size_t len = strlen(t);

  while (len > 0 && (t[len - 1] == ',' || t[len - 1] == ' ' ||
                     t[len - 1] == '\t'))
    t[--len] = '\0';
  while (*t == ' ' || *t == '\t')
    t++;
  if (*t == '"' && csvline_split(c, ',') >= 1)
    t = c->field[0];
  if (*t != '\0')
    snprintf(p->station, sizeof p->station, "%s", t);
}

/* Lines 3-5: names, units, heights. Returns the number of columns, or -1
 * after reporting. *cols receives a new array (caller frees). */
static int read_columns(struct csv_reader *r, struct csvline *c, FILE *f,
                        struct srw_col **cols)
{
  struct srw_col *col;
  int n, bad = 0;

  *cols = NULL;
  if (csvline_read(c, f) != 1) {
    csv_error_at(r, 3, "SRW header: expected the column names, got the end "
                 "of the file");
    return -1;
  }
  n = split_trimmed(c);
  if (n < 1) {
    csv_error_at(r, 3, "SRW header: expected column names, got an "
                 "unterminated quoted field");
    return -1;
  }
  col = calloc((size_t)n, sizeof *col);
  if (!col) {
    diag_msg(r->d, "out of memory reading '%s'", r->path);
    r->nerr++;
    return -1;
  }
  *cols = col;
  for (int i = 0; i < n; i++) {
    int q = quantity_of(c->field[i]);

    if (q < 0) {
      csv_error_at(r, 3, "column %d: expected Temperature, Pressure, "
                   "Direction or Speed, got '%s'", i + 1, c->field[i]);
      bad = 1;
    }
    col[i].wc.q = q < 0 ? WIND_SPEED : (enum wind_quantity)q;
  }
  if (bad)
    return -1;
  if (csvline_read(c, f) != 1 || split_trimmed(c) != n) {
    csv_error_at(r, 4, "SRW header: expected %d units, one per column "
                 "named on line 3, got %s", n,
                 c->lineno == 4 ? "another number of fields" :
                 "the end of the file");
    return -1;
  }
  for (int i = 0; i < n; i++) {
    size_t u;

    for (u = 0; u < NUNITS; u++)
      if (units[u].q == col[i].wc.q &&
          equal_ci(c->field[i], units[u].unit, strlen(units[u].unit)))
        break;
    if (u == NUNITS) {
      csv_error_at(r, 4, "column %d '%s': expected the unit %s, got '%s'",
                   i + 1, quantity_label[col[i].wc.q], unit_list[col[i].wc.q],
                   c->field[i]);
      bad = 1;
      continue;
    }
    col[i].scale = units[u].scale;
    col[i].offset = units[u].offset;
    col[i].unit = units[u].unit;
  }
  if (bad)
    return -1;
  if (csvline_read(c, f) != 1 || split_trimmed(c) != n) {
    csv_error_at(r, 5, "SRW header: expected %d heights, one per column "
                 "named on line 3, got %s", n,
                 c->lineno == 5 ? "another number of fields" :
                 "the end of the file");
    return -1;
  }
  for (int i = 0; i < n; i++) {
    double h;

    if (csvline_parse_double(c->field[i], &h) != 0 || !(h > 0.0) ||
        h > 1000.0) {
      csv_error_at(r, 5, "column %d '%s': expected a height above 0 and at "
                   "most 1000 m, got '%s'", i + 1,
                   quantity_label[col[i].wc.q], c->field[i]);
      bad = 1;
    }
    col[i].wc.height_m = h;
  }
  return bad ? -1 : n;
}

/* Places the columns on heights; reports what cannot be placed. */
static int layout(struct csv_reader *r, struct wind_profile *p,
                  struct srw_col *col, int n)
{
  struct wind_column *wc = malloc((size_t)n * sizeof *wc);
  int rc;

  if (!wc) {
    diag_msg(r->d, "out of memory reading '%s'", r->path);
    r->nerr++;
    return -1;
  }
  for (int i = 0; i < n; i++)
    wc[i] = col[i].wc;
  rc = wind_profile_layout(p, wc, n);
  for (int i = 0; i < n; i++)
    col[i].wc = wc[i];
  free(wc);
  switch (rc) {
  case 0:
    return 0;
  case -1:
    diag_msg(r->d, "out of memory reading '%s'", r->path);
    r->nerr++;
    return -1;
  case -2:
    csv_error_at(r, 3, "SRW header: expected a column 'Speed', got none");
    return -1;
  case -3:
    csv_error_at(r, 5, "SRW header: expected at most %d heights with a "
                 "Speed column, got more", WIND_HEIGHTS_MAX);
    return -1;
  default:
    for (int i = 0; i < n; i++) {
      if (col[i].wc.status == WIND_COL_DUPLICATE)
        csv_error_at(r, 3, "column %d '%s': expected once at %g m, got it a "
                     "second time", i + 1, quantity_label[col[i].wc.q],
                     col[i].wc.height_m);
      else if (col[i].wc.status == WIND_COL_NO_SPEED)
        csv_error_at(r, 3, "column %d 'Direction': expected a Speed column "
                     "at the same height, %g m, got none", i + 1,
                     col[i].wc.height_m);
    }
    return -1;
  }
}

/* Checks and stores one value. 0, or -1 (reported). */
static int store_value(struct csv_reader *r, long line, int i,
                       const struct srw_col *col, const char *s,
                       struct wind_profile *p, size_t k)
{
  const struct wind_column *wc = &col->wc;
  double v;
  int ok = csvline_parse_double(s, &v) == 0;

  if (ok)
    v = v * col->scale + col->offset;
  switch (wc->q) {
  case WIND_SPEED:
    if (ok && v >= 0.0 && v <= 100.0)
      break;
    return csv_error_at(r, line, "column %d 'Speed' (%g m): expected a "
                        "number between 0 and 100 m/s, got '%s'", i + 1,
                        wc->height_m, s), -1;
  case WIND_DIRECTION:
    if (ok && v >= 0.0 && v <= 360.0) {
      if (v == 360.0)
        v = 0.0;
      break;
    }
    return csv_error_at(r, line, "column %d 'Direction' (%g m): expected a "
                        "number between 0 and 360 degrees, got '%s'", i + 1,
                        wc->height_m, s), -1;
  case WIND_TEMP:
    if (ok && v >= -90.0 && v <= 70.0)
      break;
    return csv_error_at(r, line, "column %d 'Temperature' (%g m): expected a "
                        "temperature between -90 and 70 degC, got '%s' %s",
                        i + 1, wc->height_m, s, col->unit), -1;
  default:
    if (ok && v >= 30000.0 && v <= 110000.0)
      break;
    return csv_error_at(r, line, "column %d 'Pressure' (%g m): expected a "
                        "pressure between 300 and 1100 hPa, got '%s' %s",
                        i + 1, wc->height_m, s, col->unit), -1;
  }
  if (wc->status != WIND_COL_USED)
    return 0;
  v = wind_profile_adjust(wc->q, v, wc->dz_m);
  switch (wc->q) {
  case WIND_SPEED:
    p->speed[wc->h][k] = v + 0.0;
    break;
  case WIND_DIRECTION:
    p->direction[wc->h][k] = v + 0.0;
    break;
  case WIND_TEMP:
    p->temp_c[wc->h][k] = v + 0.0;
    break;
  default:
    p->pressure_pa[wc->h][k] = v;
    break;
  }
  return 0;
}

/* Reads the records. 0, or -1 when reading must stop. *last_line receives
 * the line of the last record. */
static int read_records(struct csv_reader *r, struct csvline *c, FILE *f,
                        struct wind_profile *p, const struct srw_col *col,
                        int ncol, long want, long *last_line)
{
  int rc;

  while ((rc = csvline_read(c, f)) == 1) {
    size_t k = p->n;
    int n;

    if (csvline_is_blank(c))
      continue;
    if (want > 0 && (long)k == want) {
      csv_error_at(r, c->lineno, "expected %ld records as line 1 says, got "
                   "more", want);
      return -1;
    }
    if (k >= (size_t)60 * SRW_HOURS_LEAP) {
      csv_error_at(r, c->lineno, "expected at most %d records (a year of "
                   "1-minute steps), got more", 60 * SRW_HOURS_LEAP);
      return -1;
    }
    *last_line = c->lineno;
    if (k == p->cap && wind_profile_reserve(p, 2 * p->cap) != 0) {
      diag_msg(r->d, "out of memory reading '%s'", r->path);
      r->nerr++;
      return -1;
    }
    p->n++;
    n = split_trimmed(c);
    if (n == -2) {
      diag_msg(r->d, "out of memory reading '%s'", r->path);
      r->nerr++;
      return -1;
    }
    if (n != ncol) {
      if (csv_error_at(r, c->lineno, "expected %d fields as named on line 3, "
                       "got %d", ncol, n < 0 ? (int)c->nfield : n) != 0)
        return -1;
      continue;
    }
    for (int i = 0; i < ncol; i++)
      if (store_value(r, c->lineno, i, &col[i], c->field[i], p, k) != 0 &&
          r->nerr >= CSV_MAX_ERRORS)
        return -1;
  }
  if (rc < 0) {
    diag_errno(r->d, "cannot read", r->path);
    r->nerr++;
    return -1;
  }
  return 0;
}

/* Step [s] of n records spanning days, or 0 when n is not such a year. */
static int step_of(long n, int days)
{
  long span = (long)days * 86400;

  if (n <= 0 || span % n != 0)
    return 0;
  if (span / n < 60 || span / n > 3600 || 3600 % (span / n) != 0)
    return 0;
  return (int)(span / n);
}

/* Sets the time axis and the labelling. */
static void finish_axis(struct wind_profile *p, const struct srw_meta_values *m,
                        int days)
{
  int leap = days == 366;
  int year_leap = m->year > 0 && calendar_days_in_month(m->year, 2) == 29;
  int keep = m->year > 0 && year_leap == leap;
  int year = keep ? m->year :
             leap ? SRW_NOMINAL_LEAP_YEAR : SRW_NOMINAL_YEAR;
  int64_t t0 = calendar_days_from_civil(year, 1, 1) * 86400 -
               llround(m->tz_h * 3600.0);
  /* The offset is validated to -12..14 h; the modulo only bounds the
   * width of the text. */
  unsigned off = (unsigned)llround(fabs(m->tz_h) * 60.0) % 6000u;
  /* Years are 1800..2200 (read_line1); the modulo bounds the width. */
  unsigned y = (unsigned)m->year % 10000u, ny = (unsigned)year % 10000u;
  char tail[40];

  for (size_t i = 0; i < p->n; i++)
    p->t_utc[i] = t0 + (int64_t)i * p->interval_s;
  p->utc_offset_h = m->tz_h;
  if (keep)
    snprintf(tail, sizeof tail, "year %u", ny);
  else if (m->year > 0)
    snprintf(tail, sizeof tail, "year %u placed in %u", y, ny);
  else
    snprintf(tail, sizeof tail, "typical year placed in %u", ny);
  snprintf(p->labelling, sizeof p->labelling, "interval-beginning, local "
           "standard time UTC%c%02u:%02u, %s", m->tz_h < 0 ? '-' : '+',
           off / 60, off % 60, tail);
}

struct wind_profile *read_srw(const char *path, struct diag *d)
{
  struct csv_reader r = {path, d, 0};
  struct csvline c;
  struct wind_profile *p = NULL;
  struct srw_col *col = NULL;
  struct srw_meta_values m;
  int ncol, days;
  long last_line = 5;
  FILE *f = infile_open(path, INFILE_DATA_MAX, d);

  memset(&m, 0, sizeof m);
  csvline_init(&c);
  if (!f)
    return NULL;
  p = wind_profile_new(SRW_HOURS_LEAP);
  if (!p)
    goto nomem;
  snprintf(p->path, sizeof p->path, "%s", path);
  snprintf(p->format, sizeof p->format, "srw");
  if (csvline_read(&c, f) != 1) {
    csv_error_at(&r, 1, "SRW header: expected the location line, got an "
                 "empty file");
    goto fail;
  }
  if (read_line1(&r, &c, p, &m) != 0)
    goto fail;
  if (csvline_read(&c, f) != 1) {
    csv_error_at(&r, 2, "SRW header: expected the description line, got the "
                 "end of the file");
    goto fail;
  }
  read_line2(&c, p);
  ncol = read_columns(&r, &c, f, &col);
  if (ncol < 0 || layout(&r, p, col, ncol) != 0)
    goto fail;
  if (read_records(&r, &c, f, p, col, ncol, m.records, &last_line) != 0)
    goto fail;
  if (m.records > 0 && (long)p->n < m.records) {
    csv_error_at(&r, last_line, "expected %ld records as line 1 says, got "
                 "%zu", m.records, p->n);
    goto fail;
  }
  days = step_of((long)p->n, 365) ? 365 : step_of((long)p->n, 366) ? 366 : 0;
  if (days == 0) {
    csv_error_at(&r, m.records > 0 ? 1 : last_line, "expected the records "
                 "of a whole year (8760 hourly, 8784 for 366 days, or "
                 "either times a divisor of 60 for shorter steps), got %zu",
                 p->n);
    goto fail;
  }
  if (r.nerr > 0)
    goto fail;
  p->interval_s = step_of((long)p->n, days);
  finish_axis(p, &m, days);
  free(col);
  csvline_free(&c);
  fclose(f);
  return p;

nomem:
  diag_msg(d, "out of memory reading '%s'", path);
fail:
  free(col);
  csvline_free(&c);
  wind_profile_free(p);
  fclose(f);
  return NULL;
}
