/* Reader for NREL SAM CSV weather files ("wfcsv"), the layout of NSRDB PSM3
 * downloads and of the weather files shipped with SAM.
 *
 * Format (NREL, "SAM CSV Files for Weather Data", SAM help, and the NSRDB
 * PSM3 API documentation):
 *   line 1  metadata names: Source, Location ID, City, State, Country,
 *           Latitude, Longitude, Time Zone, Elevation, ...;
 *   line 2  their values (Time Zone = UTC offset of the time labels [h]);
 *   line 3  column names: Year, Month, Day, Hour[, Minute], then data
 *           columns in any order (GHI, DNI, DHI, Temperature or Tdry,
 *           Pressure or Pres [mbar], Wind Speed or Wspd, Surface Albedo or
 *           Albedo, ...), found by name without regard to case;
 *   then    one row per time step in local standard time (no daylight
 *           saving), a whole year.
 *
 * Time axis. SAM (pvwattsv8) treats the values of a file with a Minute
 * column as instantaneous at the label, and those of a file without one as
 * the mean of the hour that starts at the label (Hour 0 = 00:00-01:00). A
 * row is stored as an interval of the file's step:
 *   with Minute     start = label - step / 2 (centred on the label, so the
 *                   sun taken at the middle of the interval is the sun at
 *                   the label);
 *   without Minute  start = label.
 * Typical years take each month from a different real year; their rows are
 * placed in 2023 (2024 when the file has 29 February) as in read_tmy3.c. A
 * file whose rows all carry the same year keeps that year (unless it is a
 * leap year whose 29 February was left out: it is then placed in 2023 too).
 *   t_utc = nominal date 00:00 + label - (step / 2 with Minute) - UTC offset
 * e.g. Phoenix (Time Zone -7, Minute 30, step 60 min): 01/01 00:30 local
 * starts at 00:00 local = 07:00 UTC. */
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
#include "profile.h"
#include "bounds.h"

#define SAM_NOMINAL_YEAR 2023
#define SAM_NOMINAL_LEAP_YEAR 2024
#define SAM_MIN_PER_YEAR (365 * 1440)
#define SAM_MIN_PER_LEAP_YEAR (366 * 1440)
#define SAM_MISSING (-9999.0)

/* Metadata on lines 1-2. */
enum sam_meta { M_SOURCE, M_ID, M_CITY, M_STATE, M_COUNTRY, M_LAT, M_LON,
                M_TZ, M_ELEV, M_COUNT };

static const char *const meta_names[M_COUNT] = {
  "Source", "Location ID", "City", "State", "Country", "Latitude",
  "Longitude", "Time Zone", "Elevation",
};

/* Columns on line 3. F_YEAR..F_MINUTE are the time label. */
enum sam_field { F_YEAR, F_MONTH, F_DAY, F_HOUR, F_MINUTE, F_GHI, F_DNI,
                 F_DHI, F_TEMP, F_PRES, F_WSPD, F_ALB, F_COUNT };

/* Accepted names of each column, '|'-separated, compared without case. */
static const char *const field_names[F_COUNT] = {
  [F_YEAR] = "Year", [F_MONTH] = "Month", [F_DAY] = "Day",
  [F_HOUR] = "Hour", [F_MINUTE] = "Minute", [F_GHI] = "GHI",
  [F_DNI] = "DNI", [F_DHI] = "DHI", [F_TEMP] = "Temperature|Tdry",
  [F_PRES] = "Pressure|Pres", [F_WSPD] = "Wind Speed|Wspd",
  [F_ALB] = "Surface Albedo|Albedo",
};

static const enum profile_col dest[F_COUNT] = {
  [F_GHI] = PROFILE_GHI, [F_DNI] = PROFILE_DNI, [F_DHI] = PROFILE_DHI,
  [F_TEMP] = PROFILE_TEMP_AIR, [F_PRES] = PROFILE_PRESSURE,
  [F_WSPD] = PROFILE_WIND_SPEED, [F_ALB] = PROFILE_ALBEDO,
};

struct sam_state {
  int idx[F_COUNT];          /* field positions on line 3, -1 if absent */
  char name[F_COUNT][48];    /* the header's spelling, for messages */
  int nfields;               /* fields on line 3 */
  int leap;                  /* the file has 29 February */
  int step_min;              /* time step [min], 0 until the second row */
  long first_label;          /* minute of the nominal year of row 1 */
  long next;                 /* expected label of the next row */
  int year;                  /* year of every row so far, or -1 if mixed */
  long rows;
  long last_line;
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

/* 1 if s is one of the '|'-separated names, without regard to case. */
static int name_matches(const char *s, const char *names)
{
  while (*names) {
    const char *bar = strchr(names, '|');
    size_t len = bar ? (size_t)(bar - names) : strlen(names);

    if (equal_ci(s, names, len))
      return 1;
    names += len + (bar ? 1 : 0);
  }
  return 0;
}

int read_sam_csv_detect(const char *head)
{
  struct csvline c;
  const char *pos = head;
  int ok = 0, n;

  csvline_init(&c);
  if (csvline_read_mem(&c, &pos) == 1 && (n = csvline_split(&c, ',')) > 0) {
    int seen = 0;

    for (int i = 0; i < n; i++)
      seen |= (name_matches(c.field[i], "Latitude") << 0) |
              (name_matches(c.field[i], "Longitude") << 1) |
              (name_matches(c.field[i], "Time Zone") << 2);
    if (seen == 7 && csvline_read_mem(&c, &pos) == 1 &&
        csvline_read_mem(&c, &pos) == 1 && csvline_split(&c, ',') >= 4)
      ok = name_matches(c.field[0], "Year") &&
           name_matches(c.field[1], "Month") &&
           name_matches(c.field[2], "Day") && name_matches(c.field[3], "Hour");
  }
  csvline_free(&c);
  return ok;
}

/* Line 1: positions of the metadata names (-1 if absent). */
static void read_meta_names(struct csvline *c, int midx[M_COUNT])
{
  int n = csvline_split(c, ',');

  for (int m = 0; m < M_COUNT; m++) {
    midx[m] = -1;
    for (int i = 0; i < n; i++)
      if (name_matches(c->field[i], meta_names[m])) {
        midx[m] = i;
        break;
      }
  }
}

/* Adds ", s" to the station name unless s is empty or "-". */
static void station_add(struct profile *p, const char *s)
{
  size_t len = strlen(p->station);

  if (*s == '\0' || strcmp(s, "-") == 0 || len + 3 >= sizeof p->station)
    return;
  snprintf(p->station + len, sizeof p->station - len, "%s%s",
           len ? ", " : "", s);
}

/* Line 2: location and UTC offset. 0, or -1 when an error was reported. */
static int read_meta_values(struct csv_reader *r, struct csvline *c,
                            const int midx[M_COUNT], struct profile *p)
{
  static const struct {
    enum sam_meta m;
    double lo, hi;
    const char *unit;
  } num[4] = {
    {M_LAT, -90.0, 90.0, "degrees"},
    {M_LON, -180.0, 180.0, "degrees"},
    {M_TZ, -12.0, 14.0, "h"},
    {M_ELEV, -500.0, 9000.0, "m"},
  };
  double v[4] = {0};
  int n = csvline_split(c, ',');
  int bad = 0;

  for (int i = 0; i < 4; i++) {
    int at = midx[num[i].m];
    const char *s;

    if (at < 0) {
      csv_error_at(r, 1, "SAM CSV header: expected a metadata field '%s', "
                   "got none", meta_names[num[i].m]);
      bad = 1;
      continue;
    }
    s = at < n ? c->field[at] : "";
    if (csvline_parse_double(s, &v[i]) != 0 || v[i] < num[i].lo ||
        v[i] > num[i].hi) {
      csv_error_at(r, c->lineno, "SAM CSV header '%s': expected a number "
                   "between %g and %g %s, got '%s'", meta_names[num[i].m],
                   num[i].lo, num[i].hi, num[i].unit, s);
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
  p->station[0] = '\0';
  {
    char src[96] = "";

    if (midx[M_SOURCE] >= 0 && midx[M_SOURCE] < n)
      snprintf(src, sizeof src, "%s", c->field[midx[M_SOURCE]]);
    if (midx[M_ID] >= 0 && midx[M_ID] < n && c->field[midx[M_ID]][0]) {
      size_t len = strlen(src);

      snprintf(src + len, sizeof src - len, "%s%s", len ? " " : "",
               c->field[midx[M_ID]]);
    }
    station_add(p, src);
  }
  for (int m = M_CITY; m <= M_COUNTRY; m++)
    if (midx[m] >= 0 && midx[m] < n)
      station_add(p, c->field[midx[m]]);
  return 0;
}

/* Line 3: column positions. 0, or -1 when a required column is missing. */
static int read_columns(struct csv_reader *r, struct csvline *c,
                        struct sam_state *s)
{
  int n = csvline_split(c, ',');
  int bad = 0;

  if (n < 0) {
    csv_error_at(r, c->lineno, "SAM CSV header: expected column names, got "
                 "an unterminated quoted field");
    return -1;
  }
  s->nfields = n;
  for (int f = 0; f < F_COUNT; f++) {
    s->idx[f] = -1;
    for (int i = 0; i < n; i++)
      if (name_matches(c->field[i], field_names[f])) {
        s->idx[f] = i;
        snprintf(s->name[f], sizeof s->name[f], "%s", c->field[i]);
        break;
      }
    if (s->idx[f] < 0 && f <= F_HOUR) {
      csv_error_at(r, c->lineno, "SAM CSV header: expected a column '%s', "
                   "got none", field_names[f]);
      bad = 1;
    }
  }
  if (s->idx[F_GHI] < 0 && (s->idx[F_DNI] < 0 || s->idx[F_DHI] < 0)) {
    csv_error_at(r, c->lineno, "SAM CSV header: expected a column 'GHI' or "
                 "both 'DNI' and 'DHI', got %s",
                 s->idx[F_DNI] >= 0 ? "only 'DNI'" :
                 s->idx[F_DHI] >= 0 ? "only 'DHI'" : "none of them");
    bad = 1;
  }
  return bad ? -1 : 0;
}

/* Checks one value. 0 and *v set (albedo -1 when not available), or -1
 * after reporting the problem. */
static int check_value(struct csv_reader *r, long line, const char *name,
                       const char *text, enum sam_field f, double *v)
{
  int ok = csvline_parse_double(text, v) == 0;
  const char *miss = ok && *v == SAM_MISSING ? " (missing value)" : "";

  switch (f) {
  case F_GHI:
  case F_DNI:
  case F_DHI:
    if (ok && bounds_irradiance_ok(*v))
      return 0;
    csv_error_at(r, line, "column '%s': expected a number between %g and %g "
                 "W/m2, got '%s'%s", name, BOUNDS_IRRADIANCE_MIN_WM2,
                 BOUNDS_IRRADIANCE_MAX_WM2, text, miss);
    return -1;
  case F_TEMP:
    if (ok && *v >= -90.0 && *v <= 70.0)
      return 0;
    csv_error_at(r, line, "column '%s': expected a number between -90 and 70 "
                 "degC, got '%s'%s", name, text, miss);
    return -1;
  case F_PRES:
    if (ok && *v >= 300.0 && *v <= 1100.0)
      return 0;
    csv_error_at(r, line, "column '%s': expected a number between 300 and "
                 "1100 mbar, got '%s'%s", name, text, miss);
    return -1;
  case F_WSPD:
    if (ok && *v >= 0.0 && *v <= 100.0)
      return 0;
    csv_error_at(r, line, "column '%s': expected a number between 0 and 100 "
                 "m/s, got '%s'%s", name, text, miss);
    return -1;
  case F_ALB:
    if (ok && *v == 0.0) {
      *v = -1.0; /* not available */
      return 0;
    }
    if (ok && *v > 0.0 && *v <= 1.0)
      return 0;
    csv_error_at(r, line, "column '%s': expected a number between 0 and 1 (0 "
                 "when not available), got '%s'%s", name, text, miss);
    return -1;
  default:
    return 0;
  }
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

/* "MM/DD HH:MM" of minute m of the nominal year. */
static void label_text(char *buf, size_t size, long m, int leap)
{
  int year = leap ? SAM_NOMINAL_LEAP_YEAR : SAM_NOMINAL_YEAR;
  long d = m / 1440;
  int mo = 1;

  while (mo < 12 && d >= calendar_days_in_month(year, mo))
    d -= calendar_days_in_month(year, mo++);
  snprintf(buf, size, "%02d/%02ld %02ld:%02ld", mo, d + 1, (m % 1440) / 60,
           m % 60);
}

/* Parses the time label of the current row into *year and the minute of
 * the nominal year. 0, or -1 (reported). */
static int parse_label(struct csv_reader *r, struct csvline *c,
                       struct sam_state *s, int *year, long *minute)
{
  int y, mo, dd = 0, hh, mi = 0, ny;

  if (parse_int(c->field[s->idx[F_YEAR]], 1800, 2200, &y) != 0 ||
      parse_int(c->field[s->idx[F_MONTH]], 1, 12, &mo) != 0 ||
      parse_int(c->field[s->idx[F_DAY]], 1, 31, &dd) != 0 ||
      dd > calendar_days_in_month(y, mo) ||
      parse_int(c->field[s->idx[F_HOUR]], 0, 23, &hh) != 0 ||
      (s->idx[F_MINUTE] >= 0 &&
       parse_int(c->field[s->idx[F_MINUTE]], 0, 59, &mi) != 0)) {
    csv_error_at(r, c->lineno, "expected a date and time (Year, Month 1-12, "
                 "Day, Hour 0-23%s), got '%s,%s,%s,%s%s%s'",
                 s->idx[F_MINUTE] >= 0 ? ", Minute 0-59" : "",
                 c->field[s->idx[F_YEAR]], c->field[s->idx[F_MONTH]],
                 c->field[s->idx[F_DAY]], c->field[s->idx[F_HOUR]],
                 s->idx[F_MINUTE] >= 0 ? "," : "",
                 s->idx[F_MINUTE] >= 0 ? c->field[s->idx[F_MINUTE]] : "");
    return -1;
  }
  /* 29 February switches the file to a leap year when it comes right
   * after 28 February. */
  if (mo == 2 && dd == 29 && !s->leap && s->next / 1440 == 59)
    s->leap = 1;
  ny = s->leap ? SAM_NOMINAL_LEAP_YEAR : SAM_NOMINAL_YEAR;
  *year = y;
  *minute = (long)(calendar_days_from_civil(ny, mo, dd) -
                   calendar_days_from_civil(ny, 1, 1)) * 1440 + hh * 60 + mi;
  return 0;
}

/* Checks the order of the rows and sets the step from the first two.
 * 0; 1 after reporting a row out of order (reading goes on from it); -1
 * when reading must stop. */
static int check_order(struct csv_reader *r, struct csvline *c,
                       struct sam_state *s, long label)
{
  char want[32], got[32];

  if (s->rows == 1) {
    if (label >= 60) {
      label_text(got, sizeof got, label, s->leap);
      csv_error_at(r, c->lineno, "expected the first row in hour 0 of 01/01, "
                   "got %s", got);
      return -1;
    }
    s->first_label = label;
    return 0;
  }
  if (s->rows == 2) {
    long step = label - s->first_label;

    if (step <= 0 || step > 60 || 60 % step != 0 || s->first_label >= step) {
      label_text(got, sizeof got, label, s->leap);
      csv_error_at(r, c->lineno, "expected the second row one time step "
                   "(1 to 60 minutes, dividing the hour) after the first, "
                   "got %s", got);
      return -1;
    }
    s->step_min = (int)step;
    s->next = label + step;
    return 0;
  }
  if (label != s->next) {
    label_text(want, sizeof want, s->next, s->leap);
    label_text(got, sizeof got, label, s->leap);
    s->next = label + s->step_min;
    return csv_error_at(r, c->lineno, "expected %s (%d minutes after the "
                        "previous row), got %s", want, s->step_min, got) == 0
           ? 1 : -1;
  }
  s->next = label + s->step_min;
  return 0;
}

/* Reads the data rows; the labels (minute of the nominal year) go to
 * t_utc for finish_axis(). 0, or -1 when reading must stop. */
static int read_rows(struct csv_reader *r, struct csvline *c, FILE *f,
                     struct profile *p, struct sam_state *s)
{
  int rc;

  while ((rc = csvline_read(c, f)) == 1) {
    int n, year, order;
    long label;

    if (csvline_is_blank(c))
      continue;
    s->last_line = c->lineno;
    s->rows++;
    n = csvline_split(c, ',');
    if (n == -2)
      return -1;
    if (n != s->nfields) {
      if (csv_error_at(r, c->lineno, "expected %d fields as in the header "
                       "(line 3), got %d", s->nfields,
                       n < 0 ? (int)c->nfield : n) != 0 || s->rows <= 2)
        return -1;
      s->next += s->step_min;
      continue;
    }
    if (parse_label(r, c, s, &year, &label) != 0)
      return -1;
    order = check_order(r, c, s, label);
    if (order < 0)
      return -1;
    if (s->rows == 1)
      s->year = year;
    else if (year != s->year)
      s->year = -1;
    if ((size_t)s->rows > (size_t)SAM_MIN_PER_LEAP_YEAR)
      continue; /* more than a year: reported by the caller */
    if ((size_t)s->rows > p->cap && profile_reserve(p, p->cap * 2) != 0) {
      diag_msg(r->d, "out of memory reading '%s'", r->path);
      r->nerr++;
      return -1;
    }
    p->t_utc[s->rows - 1] = label;
    for (int fi = F_GHI; fi < F_COUNT; fi++) {
      double v;

      if (s->idx[fi] < 0)
        continue;
      if (check_value(r, c->lineno, s->name[fi], c->field[s->idx[fi]],
                      (enum sam_field)fi, &v) != 0) {
        if (r->nerr >= CSV_MAX_ERRORS)
          return -1;
        continue;
      }
      /* + 0.0 turns a "-0" into 0. */
      p->col[dest[fi]][s->rows - 1] = (fi == F_PRES ? v * 100.0 : v) + 0.0;
    }
  }
  if (rc < 0) {
    diag_errno(r->d, "cannot read", r->path);
    r->nerr++;
    return -1;
  }
  return 0;
}

/* Turns the labels into interval starts in UTC: back by half a step for
 * instantaneous values, in the file's own year when every row has the same
 * one, else in the nominal year. Writes the labelling text. */
static void finish_axis(struct profile *p, const struct sam_state *s,
                        const char *source)
{
  int nominal = s->leap ? SAM_NOMINAL_LEAP_YEAR : SAM_NOMINAL_YEAR;
  /* Half a step [s] for values instantaneous at the label. */
  int64_t shift = s->idx[F_MINUTE] >= 0 ? (int64_t)s->step_min * 30 : 0;
  int year_leap = s->year > 0 && calendar_days_in_month(s->year, 2) == 29;
  int keep_year = s->year > 0 && year_leap == s->leap;
  int64_t t0 = calendar_days_from_civil(keep_year ? s->year : nominal, 1, 1) *
               86400 - llround(p->utc_offset_h * 3600.0) - shift;
  /* Years are 1800..2200 (parse_label); the modulo only bounds the width
   * of the text so that the labelling always fits. */
  unsigned y = (unsigned)s->year % 10000u, ny = (unsigned)nominal % 10000u;
  char off[8], tail[32];

  for (size_t i = 0; i < p->n; i++)
    p->t_utc[i] = t0 + p->t_utc[i] * 60;
  if (keep_year)
    snprintf(tail, sizeof tail, "year %u", y);
  else if (s->year > 0) /* a leap year without its 29 February */
    snprintf(tail, sizeof tail, "year %u placed in %u", y, ny);
  else
    snprintf(tail, sizeof tail, "typical year placed in %u", ny);
  profile_offset_text(off, sizeof off, p->utc_offset_h);
  if (s->idx[F_MINUTE] >= 0)
    snprintf(p->labelling, sizeof p->labelling, "instantaneous at label%s, "
             "local standard time UTC%s, %s",
             strcmp(source, "NSRDB") == 0 ? " (NSRDB)" : "", off, tail);
  else
    snprintf(p->labelling, sizeof p->labelling, "interval-beginning, local "
             "standard time UTC%s, %s", off, tail);
}

struct profile *read_sam_csv(const char *path, struct diag *d)
{
  struct csv_reader r = {path, d, 0};
  struct csvline c;
  struct profile *p = NULL;
  struct sam_state s;
  int midx[M_COUNT];
  char source[32] = "";
  long want;
  FILE *f = infile_open(path, INFILE_DATA_MAX, d);

  memset(&s, 0, sizeof s);
  csvline_init(&c);
  if (!f)
    return NULL;
  p = profile_new(8784);
  if (!p)
    goto nomem;
  snprintf(p->path, sizeof p->path, "%s", path);
  snprintf(p->format, sizeof p->format, "sam-csv");

  if (csvline_read(&c, f) != 1) {
    csv_error_at(&r, 1, "SAM CSV header: expected the metadata names, got an "
                 "empty file");
    goto fail;
  }
  read_meta_names(&c, midx);
  if (csvline_read(&c, f) != 1) {
    csv_error_at(&r, 2, "SAM CSV header: expected the metadata values, got "
                 "the end of the file");
    goto fail;
  }
  if (read_meta_values(&r, &c, midx, p) != 0)
    goto fail;
  if (midx[M_SOURCE] >= 0 && (size_t)midx[M_SOURCE] < c.nfield)
    snprintf(source, sizeof source, "%s", c.field[midx[M_SOURCE]]);
  if (csvline_read(&c, f) != 1) {
    csv_error_at(&r, 3, "SAM CSV header: expected the column names, got the "
                 "end of the file");
    goto fail;
  }
  if (read_columns(&r, &c, &s) != 0)
    goto fail;
  for (int fi = F_GHI; fi < F_COUNT; fi++)
    if (s.idx[fi] >= 0 && profile_add_col(p, dest[fi]) != 0)
      goto nomem;
  s.last_line = c.lineno;
  if (read_rows(&r, &c, f, p, &s) != 0)
    goto fail;
  if (s.rows < 2) {
    csv_error_at(&r, s.last_line, "expected a year of rows, got %ld", s.rows);
    goto fail;
  }
  want = (s.leap ? SAM_MIN_PER_LEAP_YEAR : SAM_MIN_PER_YEAR) / s.step_min;
  if (s.rows != want) {
    csv_error_at(&r, s.last_line, "expected %ld rows of %d minutes (a whole "
                 "year%s), got %ld", want, s.step_min,
                 s.leap ? " with 29 February" : "", s.rows);
    goto fail;
  }
  if (r.nerr > 0)
    goto fail;
  p->n = (size_t)s.rows;
  p->interval_s = s.step_min * 60;
  finish_axis(p, &s, source);
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
