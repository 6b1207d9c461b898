/* Reader for PVGIS CSV output (European Commission JRC, PVGIS 5.2/5.3,
 * "PVGIS user manual", sections "TMY" and "Hourly radiation"):
 *
 * TMY (tool "tmy"): lines "Latitude (decimal degrees): 45.000",
 *   "Longitude (decimal degrees): ...", "Elevation (m): ...", from 5.3 on
 *   "Irradiance Time Offset (h): 0.1761"; a "month,year" table; the header
 *   "time(UTC),T2m,RH,G(h),Gb(n),Gd(h),IR(h),WS10m,WD10m,SP"; 8760 rows
 *   "YYYYMMDD:HHMM" in UTC, each month from a different year; a blank line
 *   and a legend. G(h), Gb(n), Gd(h) global horizontal, beam normal and
 *   diffuse horizontal irradiance [W/m2]; T2m [degC]; WS10m [m/s]; SP [Pa].
 *
 * Hourly series (tool "seriescalc"): "Latitude (decimal degrees):",
 *   "Longitude ...", "Elevation (m):", "Radiation database:", "Slope: N
 *   deg.", "Azimuth: N deg." lines (key and value separated by a colon and
 *   blanks or a tab); the header "time,Gb(i),Gd(i),Gr(i),H_sun,T2m,WS10m,Int"
 *   (or "time,G(i),..." without radiation components, "P" first when PV
 *   power was asked for); rows "YYYYMMDD:HHMM" in UTC over whole years; a
 *   blank line and a legend. Gb(i), Gd(i), Gr(i) are the beam, diffuse and
 *   reflected irradiance on the plane of the series [W/m2], H_sun the sun
 *   height [deg]. Only series on the horizontal plane (Slope 0) are read:
 *   then GHI = Gb(i) + Gd(i) + Gr(i), DHI = Gd(i) and, from the beam on the
 *   horizontal, DNI = Gb(i) / sin(H_sun) with the file's own sun height.
 *
 * Time. PVGIS values are instantaneous: the satellite irradiance belongs to
 * the time of the label (the minute, e.g. 0010, is the image time), or for
 * the TMY to the label plus the stated "Irradiance Time Offset". Each row
 * is stored as the hour centred on that instant:
 *     t_utc = label + offset - 30 min
 * TMY rows are placed in the nominal year 2023 (2024 with 29 February);
 * hourly series keep their real years. */
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
#include "units.h"
#include "bounds.h"

#define PVGIS_NOMINAL_YEAR 2023
#define PVGIS_NOMINAL_LEAP_YEAR 2024
#define PVGIS_ROWS 8760
#define PVGIS_ROWS_LEAP 8784
/* Lines looked at for the metadata before the column header. */
#define PVGIS_MAX_PREAMBLE 60

enum pvgis_kind { PVGIS_TMY, PVGIS_SERIES };

/* Columns. F_GI is G(i) of a series without components. */
enum pvgis_field { F_TIME, F_GH, F_GBN, F_GDH, F_GBI, F_GDI, F_GRI, F_GI,
                   F_HSUN, F_TEMP, F_WSPD, F_PRES, F_COUNT };

static const char *const field_names[F_COUNT] = {
  [F_TIME] = "time", [F_GH] = "G(h)", [F_GBN] = "Gb(n)", [F_GDH] = "Gd(h)",
  [F_GBI] = "Gb(i)", [F_GDI] = "Gd(i)", [F_GRI] = "Gr(i)", [F_GI] = "G(i)",
  [F_HSUN] = "H_sun", [F_TEMP] = "T2m", [F_WSPD] = "WS10m", [F_PRES] = "SP",
};

struct pvgis_meta {
  int have_lat, have_lon, have_elev, have_slope;
  double lat, lon, elev_m, offset_h, slope_deg;
  long slope_line;
  char database[64];
  int year_lo, year_hi; /* range of the TMY month/year table, 0 if none */
};

struct pvgis_state {
  enum pvgis_kind kind;
  int idx[F_COUNT];
  int nfields;
  long header_line;
  int leap;           /* TMY with 29 February */
  int64_t next;       /* TMY: expected minute of the nominal year;
                         series: expected label [s since 1970] */
  int first_year, last_year;
  long rows;
  long last_line;
};

int read_pvgis_detect(const char *head)
{
  static const char lat[] = "Latitude (decimal degrees):";

  if (strncmp(head, "\xEF\xBB\xBF", 3) == 0)
    head += 3;
  return strncmp(head, lat, sizeof lat - 1) == 0;
}

/* Splits "Key: value" (value after blanks/tabs); NULL when no colon. */
static const char *meta_value(const char *line, const char *key)
{
  size_t n = strlen(key);

  if (strncmp(line, key, n) != 0 || line[n] != ':')
    return NULL;
  line += n + 1;
  while (*line == ' ' || *line == '\t')
    line++;
  return line;
}

/* Parses a number followed only by blanks (or, with unit, by the unit and
 * anything after it, as in "30 deg. (optimum)"). 0 or -1. */
static int parse_number(const char *s, const char *unit, double *v)
{
  char buf[64];
  size_t n = 0;

  while (s[n] && s[n] != ' ' && s[n] != '\t' && n < sizeof buf - 1)
    n++;
  memcpy(buf, s, n);
  buf[n] = '\0';
  s += n;
  while (*s == ' ' || *s == '\t')
    s++;
  if (csvline_parse_double(buf, v) != 0)
    return -1;
  if (*s == '\0')
    return 0;
  return unit && strncmp(s, unit, strlen(unit)) == 0 ? 0 : -1;
}

/* One metadata line. 0, or -1 after reporting a bad value. */
static int read_meta_line(struct csv_reader *r, long line, const char *text,
                          struct pvgis_meta *m)
{
  static const struct {
    const char *key;
    double lo, hi;
    const char *unit;
  } num[5] = {
    {"Latitude (decimal degrees)", -90.0, 90.0, "degrees"},
    {"Longitude (decimal degrees)", -180.0, 180.0, "degrees"},
    {"Elevation (m)", -500.0, 9000.0, "m"},
    {"Irradiance Time Offset (h)", -1.0, 1.0, "h"},
    {"Slope", 0.0, 90.0, "deg."},
  };
  const char *v;
  double x;

  for (int i = 0; i < 5; i++) {
    if ((v = meta_value(text, num[i].key)) == NULL)
      continue;
    if (parse_number(v, i == 4 ? "deg." : NULL, &x) != 0 || x < num[i].lo ||
        x > num[i].hi) {
      csv_error_at(r, line, "PVGIS header '%s': expected a number between %g "
                   "and %g %s, got '%s'", num[i].key, num[i].lo, num[i].hi,
                   num[i].unit, v);
      return -1;
    }
    switch (i) {
    case 0: m->lat = x; m->have_lat = 1; break;
    case 1: m->lon = x; m->have_lon = 1; break;
    case 2: m->elev_m = x; m->have_elev = 1; break;
    case 3: m->offset_h = x; break;
    default: m->slope_deg = x; m->have_slope = 1; m->slope_line = line; break;
    }
    return 0;
  }
  if ((v = meta_value(text, "Radiation database")) != NULL) {
    snprintf(m->database, sizeof m->database, "%s", v);
    return 0;
  }
  /* A row of the TMY month/year table: "1,2018". */
  {
    int mo = -1, y = -1;
    const char *comma = strchr(text, ',');

    if (comma && comma - text <= 2 && strlen(comma + 1) == 4) {
      char mbuf[3] = {0};

      memcpy(mbuf, text, (size_t)(comma - text));
      mo = atoi(mbuf);
      y = csvline_parse_digits(comma + 1, 4);
    }
    if (mo >= 1 && mo <= 12 && y > 0) {
      if (m->year_lo == 0 || y < m->year_lo)
        m->year_lo = y;
      if (y > m->year_hi)
        m->year_hi = y;
    }
  }
  return 0; /* other lines (month,year, System loss, ...) are not used */
}

/* Column header. 0, or -1 after reporting. */
static int read_columns(struct csv_reader *r, struct csvline *c,
                        struct pvgis_state *s, const struct pvgis_meta *m)
{
  int n = csvline_split(c, ',');

  if (n < 0) {
    csv_error_at(r, c->lineno, "PVGIS header: expected column names, got an "
                 "unterminated quoted field");
    return -1;
  }
  s->nfields = n;
  s->header_line = c->lineno;
  s->kind = strcmp(c->field[0], "time(UTC)") == 0 ? PVGIS_TMY : PVGIS_SERIES;
  for (int f = 0; f < F_COUNT; f++) {
    s->idx[f] = -1;
    for (int i = 0; i < n; i++)
      if (strcmp(c->field[i], field_names[f]) == 0 ||
          (f == F_TIME && strcmp(c->field[i], "time(UTC)") == 0)) {
        s->idx[f] = i;
        break;
      }
  }
  if (s->idx[F_TIME] != 0) {
    csv_error_at(r, c->lineno, "PVGIS header: expected 'time(UTC)' or "
                 "'time' as the first column, got '%s'", c->field[0]);
    return -1;
  }
  if (s->kind == PVGIS_TMY) {
    static const enum pvgis_field need[] = {F_GH, F_GBN, F_GDH, F_TEMP,
                                            F_WSPD};

    for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
      if (s->idx[need[i]] < 0) {
        csv_error_at(r, c->lineno, "PVGIS TMY header: expected a column "
                     "'%s', got none", field_names[need[i]]);
        return -1;
      }
    return 0;
  }
  if (!m->have_slope || m->slope_deg != 0.0) {
    csv_error_at(r, m->have_slope ? m->slope_line : c->lineno,
                 "PVGIS hourly series: expected irradiance on the horizontal "
                 "plane ('Slope: 0 deg.'), got %s%g deg.; ask PVGIS for "
                 "angle=0", m->have_slope ? "a slope of " : "no slope, ",
                 m->have_slope ? m->slope_deg : 0.0);
    return -1;
  }
  if (s->idx[F_GI] < 0 && (s->idx[F_GBI] < 0 || s->idx[F_GDI] < 0 ||
                           s->idx[F_HSUN] < 0)) {
    csv_error_at(r, c->lineno, "PVGIS hourly series header: expected a "
                 "column 'G(i)' or the columns 'Gb(i)', 'Gd(i)' and 'H_sun', "
                 "got neither");
    return -1;
  }
  /* read_values() reads both on every row, as for a TMY. */
  static const enum pvgis_field met[] = {F_TEMP, F_WSPD};
  for (size_t i = 0; i < sizeof met / sizeof met[0]; i++)
    if (s->idx[met[i]] < 0) {
      csv_error_at(r, c->lineno, "PVGIS hourly series header: expected a "
                   "column '%s', got none", field_names[met[i]]);
      return -1;
    }
  return 0;
}

/* Parses "YYYYMMDD:HHMM". 0 and the fields, or -1. */
static int parse_stamp(const char *t, int *y, int *mo, int *dd, int *hh,
                       int *mi)
{
  if (strlen(t) != 13 || t[8] != ':')
    return -1;
  *y = csvline_parse_digits(t, 4);
  *mo = csvline_parse_digits(t + 4, 2);
  *dd = csvline_parse_digits(t + 6, 2);
  *hh = csvline_parse_digits(t + 9, 2);
  *mi = csvline_parse_digits(t + 11, 2);
  if (*y < 1900 || *mo < 1 || *mo > 12 || *dd < 1 ||
      *dd > calendar_days_in_month(*y, *mo) || *hh < 0 || *hh > 23 ||
      *mi < 0 || *mi > 59)
    return -1;
  return 0;
}

/* Checks the row's time against the previous row; stores the label (TMY:
 * minute of the nominal year; series: s since 1970) in *label.
 * 0; 1 after reporting a row out of place (reading goes on); -1 stop. */
static int check_time(struct csv_reader *r, struct csvline *c,
                      struct pvgis_state *s, int64_t *label)
{
  const char *t = c->field[0];
  int y, mo, dd, hh, mi;

  if (parse_stamp(t, &y, &mo, &dd, &hh, &mi) != 0) {
    csv_error_at(r, c->lineno, "column '%s': expected a UTC time "
                 "YYYYMMDD:HHMM, got '%s'", field_names[F_TIME], t);
    return -1;
  }
  if (s->rows == 1)
    s->first_year = y;
  s->last_year = y;
  if (s->kind == PVGIS_TMY) {
    int ny;

    if (mo == 2 && dd == 29 && !s->leap && s->next / 1440 == 59)
      s->leap = 1;
    ny = s->leap ? PVGIS_NOMINAL_LEAP_YEAR : PVGIS_NOMINAL_YEAR;
    *label = (calendar_days_from_civil(ny, mo, dd) -
              calendar_days_from_civil(ny, 1, 1)) * 1440 + hh * 60 + mi;
  } else {
    *label = calendar_days_from_civil(y, mo, dd) * 86400 + hh * 3600 + mi * 60;
  }
  if (s->rows == 1) {
    if (mo != 1 || dd != 1 || hh != 0) {
      csv_error_at(r, c->lineno, "column '%s': expected the first row on 1 "
                   "January in hour 00, got '%s'", field_names[F_TIME], t);
      return -1;
    }
  } else if (*label != s->next) {
    s->next = *label + (s->kind == PVGIS_TMY ? 60 : 3600);
    return csv_error_at(r, c->lineno, "column '%s': expected the hour after "
                        "the previous row, got '%s'", field_names[F_TIME],
                        t) == 0 ? 1 : -1;
  }
  s->next = *label + (s->kind == PVGIS_TMY ? 60 : 3600);
  return 0;
}

/* Reads field f as a number in lo..hi. 0, or -1 after reporting. */
static int get_value(struct csv_reader *r, struct csvline *c,
                     const struct pvgis_state *s, enum pvgis_field f,
                     double lo, double hi, const char *unit, double *v)
{
  const char *t = c->field[s->idx[f]];

  if (csvline_parse_double(t, v) == 0 && *v >= lo && *v <= hi) {
    *v += 0.0; /* "-0.0" (beam at night) becomes 0 */
    return 0;
  }
  csv_error_at(r, c->lineno, "column '%s': expected a number between %g and "
               "%g %s, got '%s'", field_names[f], lo, hi, unit, t);
  return -1;
}

/* Values of one row into row i. 0, or -1 when a value was bad. */
static int read_values(struct csv_reader *r, struct csvline *c,
                       const struct pvgis_state *s, struct profile *p,
                       size_t i)
{
  double v, gb = 0.0, gd = 0.0, gr = 0.0, h = 0.0;
  int bad = 0;

  if (get_value(r, c, s, F_TEMP, -90.0, 70.0, "degC", &v) == 0)
    p->col[PROFILE_TEMP_AIR][i] = v;
  else
    bad = 1;
  if (get_value(r, c, s, F_WSPD, 0.0, 100.0, "m/s", &v) == 0)
    p->col[PROFILE_WIND_SPEED][i] = v;
  else
    bad = 1;
  if (s->idx[F_PRES] >= 0) {
    if (get_value(r, c, s, F_PRES, 30000.0, 110000.0, "Pa", &v) == 0)
      p->col[PROFILE_PRESSURE][i] = v;
    else
      bad = 1;
  }
  if (s->kind == PVGIS_TMY) {
    static const struct {
      enum pvgis_field f;
      enum profile_col col;
    } irr[3] = {{F_GH, PROFILE_GHI}, {F_GBN, PROFILE_DNI},
                {F_GDH, PROFILE_DHI}};

    for (int k = 0; k < 3; k++) {
      if (get_value(r, c, s, irr[k].f, BOUNDS_IRRADIANCE_MIN_WM2,
                  BOUNDS_IRRADIANCE_MAX_WM2, "W/m2", &v) == 0)
        p->col[irr[k].col][i] = v;
      else
        bad = 1;
    }
    return bad ? -1 : 0;
  }
  if (s->idx[F_GBI] < 0 || s->idx[F_GDI] < 0 || s->idx[F_HSUN] < 0) {
    if (get_value(r, c, s, F_GI, BOUNDS_IRRADIANCE_MIN_WM2,
                  BOUNDS_IRRADIANCE_MAX_WM2, "W/m2", &v) == 0)
      p->col[PROFILE_GHI][i] = v;
    else
      bad = 1;
    return bad ? -1 : 0;
  }
  if (get_value(r, c, s, F_GBI, BOUNDS_IRRADIANCE_MIN_WM2,
                  BOUNDS_IRRADIANCE_MAX_WM2, "W/m2", &gb) != 0 ||
      get_value(r, c, s, F_GDI, BOUNDS_IRRADIANCE_MIN_WM2,
                  BOUNDS_IRRADIANCE_MAX_WM2, "W/m2", &gd) != 0 ||
      (s->idx[F_GRI] >= 0 &&
       get_value(r, c, s, F_GRI, BOUNDS_IRRADIANCE_MIN_WM2,
                  BOUNDS_IRRADIANCE_MAX_WM2, "W/m2", &gr) != 0) ||
      get_value(r, c, s, F_HSUN, -90.0, 90.0, "degrees", &h) != 0)
    return -1;
  if (gb > 0.0 && h <= 0.0) {
    csv_error_at(r, c->lineno, "column 'Gb(i)': expected 0 with the sun at "
                 "or below the horizon (H_sun %s), got '%s'",
                 c->field[s->idx[F_HSUN]], c->field[s->idx[F_GBI]]);
    return -1;
  }
  p->col[PROFILE_GHI][i] = gb + gd + gr;
  p->col[PROFILE_DHI][i] = gd;
  p->col[PROFILE_DNI][i] = gb > 0.0 ? gb / sin(deg2rad(h)) : 0.0;
  return bad ? -1 : 0;
}

/* Reads the data rows up to the first blank line. 0, or -1 to stop. */
static int read_rows(struct csv_reader *r, struct csvline *c, FILE *f,
                     struct profile *p, struct pvgis_state *s)
{
  int rc;

  while ((rc = csvline_read(c, f)) == 1) {
    int n, order;
    int64_t label;

    if (csvline_is_blank(c))
      break; /* the legend follows */
    s->last_line = c->lineno;
    s->rows++;
    n = csvline_split(c, ',');
    if (n == -2)
      return -1;
    if (n != s->nfields) {
      if (csv_error_at(r, c->lineno, "expected %d fields as in the header "
                       "(line %ld), got %d", s->nfields, s->header_line,
                       n < 0 ? (int)c->nfield : n) != 0 || s->rows == 1)
        return -1;
      s->next += s->kind == PVGIS_TMY ? 60 : 3600;
      continue;
    }
    order = check_time(r, c, s, &label);
    if (order < 0)
      return -1;
    if ((size_t)s->rows > (size_t)PROFILE_ROWS_MAX)
      continue; /* reported by the caller */
    if ((size_t)s->rows > p->cap && profile_reserve(p, p->cap * 2) != 0) {
      diag_msg(r->d, "out of memory reading '%s'", r->path);
      r->nerr++;
      return -1;
    }
    p->t_utc[s->rows - 1] = label;
    if (read_values(r, c, s, p, (size_t)s->rows - 1) != 0 &&
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

/* Checks the row count and turns labels into interval starts. 0 or -1. */
static int finish(struct csv_reader *r, struct profile *p,
                  const struct pvgis_state *s, const struct pvgis_meta *m)
{
  int64_t offset_s = llround(m->offset_h * 3600.0);
  char tail[40];

  if (s->kind == PVGIS_TMY) {
    long want = s->leap ? PVGIS_ROWS_LEAP : PVGIS_ROWS;
    int ny = s->leap ? PVGIS_NOMINAL_LEAP_YEAR : PVGIS_NOMINAL_YEAR;
    int64_t t0 = calendar_days_from_civil(ny, 1, 1) * 86400 + offset_s - 1800;

    if (s->rows != want) {
      csv_error_at(r, s->last_line, "expected %d hourly rows (%d with 29 "
                   "February), got %ld", PVGIS_ROWS, PVGIS_ROWS_LEAP, s->rows);
      return -1;
    }
    for (long i = 0; i < s->rows; i++)
      p->t_utc[i] = t0 + p->t_utc[i] * 60;
    snprintf(p->format, sizeof p->format, "pvgis-tmy");
    snprintf(tail, sizeof tail, "typical year placed in %u",
             (unsigned)ny % 10000u);
  } else {
    /* Whole years: from 1 January of the first year to 31 December of the
     * last, 8760 or 8784 rows each. */
    long want = (long)(calendar_days_from_civil(s->last_year + 1, 1, 1) -
                       calendar_days_from_civil(s->first_year, 1, 1)) * 24;

    if (s->rows != want) {
      csv_error_at(r, s->last_line, "expected whole years of hourly rows "
                   "(8760, or 8784 in a leap year; %ld for %d-%d), got %ld",
                   want, s->first_year, s->last_year, s->rows);
      return -1;
    }
    for (long i = 0; i < s->rows; i++)
      p->t_utc[i] += offset_s - 1800;
    snprintf(p->format, sizeof p->format, "pvgis-hourly");
    if (s->first_year == s->last_year)
      snprintf(tail, sizeof tail, "year %u",
               (unsigned)s->first_year % 10000u);
    else
      snprintf(tail, sizeof tail, "years %u-%u",
               (unsigned)s->first_year % 10000u,
               (unsigned)s->last_year % 10000u);
  }
  if (m->offset_h != 0.0)
    snprintf(p->labelling, sizeof p->labelling, "instantaneous at label "
             "%+.4g h (PVGIS), UTC, %s", m->offset_h, tail);
  else
    snprintf(p->labelling, sizeof p->labelling, "instantaneous at label "
             "(PVGIS), UTC, %s", tail);
  return 0;
}

struct profile *read_pvgis(const char *path, struct diag *d)
{
  struct csv_reader r = {path, d, 0};
  struct csvline c;
  struct profile *p = NULL;
  struct pvgis_meta m;
  struct pvgis_state s;
  int rc;
  FILE *f = infile_open(path, INFILE_DATA_MAX, d);

  memset(&m, 0, sizeof m);
  memset(&s, 0, sizeof s);
  csvline_init(&c);
  if (!f)
    return NULL;
  p = profile_new(PVGIS_ROWS_LEAP);
  if (!p)
    goto nomem;
  snprintf(p->path, sizeof p->path, "%s", path);
  snprintf(p->format, sizeof p->format, "pvgis");
  p->interval_s = 3600;

  /* Metadata lines up to the column header. */
  for (;;) {
    rc = csvline_read(&c, f);
    if (rc != 1 || c.lineno > PVGIS_MAX_PREAMBLE) {
      csv_error_at(&r, rc == 1 ? c.lineno : c.lineno + 1, "PVGIS header: "
                   "expected a column header starting 'time(UTC),' or "
                   "'time,', got %s", rc == 1 ? "none in the first lines" :
                   "the end of the file");
      goto fail;
    }
    if (strncmp(c.text, "time(UTC),", 10) == 0 ||
        strncmp(c.text, "time,", 5) == 0)
      break;
    if (read_meta_line(&r, c.lineno, c.text, &m) != 0)
      goto fail;
  }
  if (!m.have_lat || !m.have_lon || !m.have_elev) {
    csv_error_at(&r, 1, "PVGIS header: expected 'Latitude (decimal degrees)',"
                 " 'Longitude (decimal degrees)' and 'Elevation (m)' lines, "
                 "got %s", !m.have_lat ? "no latitude" :
                 !m.have_lon ? "no longitude" : "no elevation");
    goto fail;
  }
  p->has_location = 1;
  p->latitude = m.lat;
  p->longitude = m.lon;
  p->elevation_m = m.elev_m;
  p->utc_offset_h = 0.0;
  if (read_columns(&r, &c, &s, &m) != 0)
    goto fail;
  if (s.kind == PVGIS_TMY) {
    if (m.year_lo > 0)
      snprintf(p->station, sizeof p->station, "PVGIS TMY, months from "
               "%d-%d", m.year_lo, m.year_hi);
    else
      snprintf(p->station, sizeof p->station, "PVGIS TMY");
  } else {
    snprintf(p->station, sizeof p->station, "PVGIS hourly series%s%s",
             m.database[0] ? ", " : "", m.database);
  }
  if (profile_add_col(p, PROFILE_GHI) != 0 ||
      profile_add_col(p, PROFILE_TEMP_AIR) != 0 ||
      profile_add_col(p, PROFILE_WIND_SPEED) != 0 ||
      (s.idx[F_PRES] >= 0 && profile_add_col(p, PROFILE_PRESSURE) != 0) ||
      ((s.kind == PVGIS_TMY || s.idx[F_GI] < 0) &&
       (profile_add_col(p, PROFILE_DNI) != 0 ||
        profile_add_col(p, PROFILE_DHI) != 0)))
    goto nomem;
  s.last_line = c.lineno;
  if (read_rows(&r, &c, f, p, &s) != 0)
    goto fail;
  if (s.rows == 0) {
    csv_error_at(&r, s.last_line, "expected hourly rows after the header, "
                 "got none");
    goto fail;
  }
  if (finish(&r, p, &s, &m) != 0 || r.nerr > 0)
    goto fail;
  p->n = (size_t)s.rows;
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
