/* Reader for the renewcalc wind CSV (docs/wind-profile-formats.md): '#'
 * comment lines, some of them "# key: value" metadata, a header "time"
 * followed by height-tagged columns such as speed_100m, then one row per
 * interval with an ISO 8601 time carrying its UTC offset.
 *
 * Times are converted to UTC with their own offset, so a file may switch
 * offsets (daylight saving time written as +01:00/+02:00) and still give a
 * regular axis. With "labelling: interval-end" every time is moved back by
 * the interval once it is known from the first two rows. */
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

#define WCSV_INITIAL_ROWS 8784
/* 20 years of 1-minute rows, as for the solar profiles. */
#define WCSV_ROWS_MAX ((size_t)20 * 366 * 24 * 60)
#define WCSV_HEIGHT_MAX_M 1000.0

enum labelling { LABEL_NONE, LABEL_START, LABEL_END };

/* Column name stems; temp_air is another name of temperature. */
static const struct {
  const char *stem;
  enum wind_quantity q;
} stems[] = {
  {"speed", WIND_SPEED}, {"direction", WIND_DIRECTION},
  {"temperature", WIND_TEMP}, {"temp_air", WIND_TEMP},
  {"pressure", WIND_PRESSURE},
};
#define NSTEMS (sizeof stems / sizeof stems[0])

/* Names other files use for the same quantities, for suggestions. */
static const struct {
  const char *alias;
  const char *stem;
} aliases[] = {
  {"ws", "speed"}, {"wspd", "speed"}, {"spd", "speed"},
  {"wind_speed", "speed"}, {"windspeed", "speed"}, {"wind", "speed"},
  {"v", "speed"}, {"u", "speed"},
  {"wd", "direction"}, {"wdir", "direction"}, {"dir", "direction"},
  {"wind_direction", "direction"}, {"winddirection", "direction"},
  {"temp", "temperature"}, {"t", "temperature"}, {"tair", "temperature"},
  {"t_air", "temperature"}, {"air_temperature", "temperature"},
  {"tdry", "temperature"},
  {"pres", "pressure"}, {"press", "pressure"}, {"p", "pressure"},
  {"sp", "pressure"}, {"air_pressure", "pressure"},
};
#define NALIASES (sizeof aliases / sizeof aliases[0])

/* ---- column names -------------------------------------------------------- */

enum { NAME_OK = 0, NAME_UNKNOWN = -1, NAME_BAD_HEIGHT = -2,
       NAME_NO_HEIGHT = -3 };

/* Stem index of s (exact), or -1. */
static int stem_of(const char *s, size_t len)
{
  for (size_t i = 0; i < NSTEMS; i++)
    if (strlen(stems[i].stem) == len && strncmp(s, stems[i].stem, len) == 0)
      return (int)i;
  return -1;
}

/* A valid stem near s (first len characters): an alias, or a stem at most
 * 2 edits away. NULL if none. */
static const char *suggest_stem(const char *s, size_t len)
{
  char buf[33];
  const char *best = NULL;
  int best_d = 3;

  if (len == 0 || len >= sizeof buf)
    return NULL;
  memcpy(buf, s, len);
  buf[len] = '\0';
  for (size_t i = 0; i < NALIASES; i++)
    if (csv_edit_distance(buf, aliases[i].alias) == 0)
      return aliases[i].stem;
  for (size_t i = 0; i < NSTEMS; i++) {
    int dist = csv_edit_distance(buf, stems[i].stem);

    if (dist < best_d && len >= 3) {
      best = stems[i].stem;
      best_d = dist;
    }
  }
  return best;
}

/* 1 if s is a height tag: digits with an optional '.', then 'm'. */
static int is_height_tag(const char *s)
{
  size_t n = strlen(s), digits = 0, dots = 0;

  if (n < 2 || s[n - 1] != 'm')
    return 0;
  for (size_t i = 0; i + 1 < n; i++) {
    if (isdigit((unsigned char)s[i]))
      digits++;
    else if (s[i] == '.')
      dots++;
    else
      return 0;
  }
  return digits > 0 && dots <= 1;
}

/* Parses a column name "<stem>_<height>m". NAME_OK with *q, *h_m; else a
 * NAME_* code, with *stem_len the length of the part before the height tag
 * (or of the whole name when there is none). */
static int parse_name(const char *name, enum wind_quantity *q, double *h_m,
                      size_t *stem_len)
{
  const char *us = strrchr(name, '_');
  int st;

  *stem_len = strlen(name);
  if (us && is_height_tag(us + 1)) {
    char num[32];
    size_t nlen = strlen(us + 1) - 1;

    *stem_len = (size_t)(us - name);
    st = stem_of(name, *stem_len);
    if (st < 0)
      return NAME_UNKNOWN;
    *q = stems[st].q;
    if (nlen >= sizeof num)
      return NAME_BAD_HEIGHT;
    memcpy(num, us + 1, nlen);
    num[nlen] = '\0';
    if (csvline_parse_double(num, h_m) != 0 || !(*h_m > 0.0) ||
        *h_m > WCSV_HEIGHT_MAX_M)
      return NAME_BAD_HEIGHT;
    return NAME_OK;
  }
  /* No height tag: a stem alone, or a stem with something else after it. */
  if (stem_of(name, *stem_len) >= 0 || (us && stem_of(name, (size_t)(us - name)) >= 0))
    return NAME_NO_HEIGHT;
  return NAME_UNKNOWN;
}

/* ---- metadata comments ----------------------------------------------------- */

enum meta_key { META_LABELLING, META_LATITUDE, META_LONGITUDE, META_ELEVATION,
                META_SOURCE, META_COUNT };

static const char *const meta_names[META_COUNT] = {
  "labelling", "latitude", "longitude", "elevation", "source"
};

struct meta {
  enum labelling labelling;
  double value[META_COUNT];
  char source[128];
  long line[META_COUNT]; /* where each key was given, 0 if absent */
};

/* Reads "# key: value" from a comment line; other comments are free text.
 * Returns 0, or -1 when the error limit was reached. */
static int read_meta(struct csv_reader *r, long lineno, char *text,
                     struct meta *m)
{
  static const struct {
    double lo, hi;
    const char *unit;
  } range[META_COUNT] = {
    [META_LATITUDE] = {-90.0, 90.0, "degrees"},
    [META_LONGITUDE] = {-180.0, 180.0, "degrees"},
    [META_ELEVATION] = {-500.0, 9000.0, "m"},
  };
  char *key = strchr(text, '#') + 1, *end, *value;
  size_t vlen;
  int k;

  while (*key == ' ' || *key == '\t')
    key++;
  end = key;
  while (isalnum((unsigned char)*end) || *end == '_' || *end == '-')
    end++;
  value = end;
  while (*value == ' ' || *value == '\t')
    value++;
  if (end == key || *value != ':')
    return 0;
  *end = '\0';
  value++;
  while (*value == ' ' || *value == '\t')
    value++;
  vlen = strlen(value);
  while (vlen > 0 && (value[vlen - 1] == ' ' || value[vlen - 1] == '\t'))
    value[--vlen] = '\0';

  for (k = 0; k < META_COUNT; k++)
    if (csv_edit_distance(key, meta_names[k]) == 0)
      break;
  if (k == META_COUNT) {
    /* A near miss of a key is a typo; anything else ("# note: ...") is
     * free text. */
    for (k = 0; k < META_COUNT; k++)
      if (strlen(key) >= 4 && csv_edit_distance(key, meta_names[k]) <= 2)
        return csv_error_at(r, lineno, "unknown metadata key '%s': did you "
                            "mean '%s'?", key, meta_names[k]);
    return 0;
  }
  if (m->line[k])
    return csv_error_at(r, lineno, "metadata '%s': expected once, got a "
                        "second time (first on line %ld)", meta_names[k],
                        m->line[k]);
  m->line[k] = lineno;
  if (k == META_LABELLING) {
    if (strcmp(value, "interval-start") == 0)
      m->labelling = LABEL_START;
    else if (strcmp(value, "interval-end") == 0)
      m->labelling = LABEL_END;
    else
      return csv_error_at(r, lineno, "metadata 'labelling': expected "
                          "interval-start or interval-end, got '%s'", value);
    return 0;
  }
  if (k == META_SOURCE) {
    snprintf(m->source, sizeof m->source, "%s", value);
    return 0;
  }
  if (csvline_parse_double(value, &m->value[k]) != 0 ||
      m->value[k] < range[k].lo || m->value[k] > range[k].hi)
    return csv_error_at(r, lineno, "metadata '%s': expected a number between "
                        "%g and %g %s, got '%s'", meta_names[k], range[k].lo,
                        range[k].hi, range[k].unit, value);
  return 0;
}

/* ---- times ------------------------------------------------------------------ */

/* ---- detection --------------------------------------------------------------- */

int read_wind_csv_detect(const char *head)
{
  struct csvline c;
  const char *pos = head;
  int found = 0;

  csvline_init(&c);
  while (csvline_read_mem(&c, &pos) == 1) {
    int n;

    if (csvline_is_blank(&c) || csvline_is_comment(c.text))
      continue;
    n = csvline_split(&c, ',');
    if (n > 1 && strcmp(c.field[0], "time") == 0)
      for (int i = 1; i < n; i++) {
        const char *us = strrchr(c.field[i], '_');

        if (us && is_height_tag(us + 1))
          found = 1;
      }
    break;
  }
  csvline_free(&c);
  return found;
}

/* ---- header and rows ---------------------------------------------------------- */

struct wcsv_col {
  struct wind_column wc;
  char name[64];    /* as in the header, for messages */
};

/* Checks the header's names. Returns 0, or -1 (reported). */
static int read_header(struct csv_reader *r, struct csvline *c,
                       struct wcsv_col *col, struct wind_column *wc)
{
  int n = (int)c->nfield, bad = 0;

  if (strcmp(c->field[0], "time") != 0) {
    csv_error_at(r, c->lineno, "header: expected 'time' as the first column, "
                 "got '%s'", c->field[0]);
    bad = 1;
  }
  for (int i = 1; i < n; i++) {
    const char *name = c->field[i];
    size_t stem_len;
    int rc = parse_name(name, &wc[i - 1].q, &wc[i - 1].height_m, &stem_len);
    const char *hint;

    snprintf(col[i].name, sizeof col[i].name, "%s", name);
    if (rc == NAME_OK)
      continue;
    bad = 1;
    if (rc == NAME_BAD_HEIGHT) {
      csv_error_at(r, c->lineno, "column '%s': expected a height above 0 and "
                   "at most %g m, got '%s'", name, WCSV_HEIGHT_MAX_M,
                   name + stem_len + 1);
    } else if (rc == NAME_NO_HEIGHT) {
      csv_error_at(r, c->lineno, "column '%s': expected a height tag after "
                   "the name, e.g. 'speed_100m'", name);
    } else if ((hint = suggest_stem(name, stem_len)) != NULL) {
      csv_error_at(r, c->lineno, "unknown column '%s': did you mean "
                   "'%s%s'?", name, hint,
                   stem_len < strlen(name) ? name + stem_len : "_100m");
    } else {
      csv_error_at(r, c->lineno, "unknown column '%s': expected speed, "
                   "direction, temperature (or temp_air) or pressure with a "
                   "height tag, e.g. 'speed_100m'", name);
    }
  }
  return bad ? -1 : 0;
}

/* Places the columns on heights; reports what cannot be placed. */
static int layout(struct csv_reader *r, struct wind_profile *p, long line,
                  struct wcsv_col *col, struct wind_column *wc, int ncol)
{
  int rc = wind_profile_layout(p, wc, ncol);

  for (int i = 0; i < ncol; i++)
    col[i + 1].wc = wc[i];
  switch (rc) {
  case 0:
    return 0;
  case -1:
    diag_msg(r->d, "out of memory reading '%s'", r->path);
    r->nerr++;
    return -1;
  case -2:
    csv_error_at(r, line, "header: expected at least one speed column, e.g. "
                 "'speed_100m', got none");
    return -1;
  case -3:
    csv_error_at(r, line, "header: expected speed at %d heights at most, got "
                 "more", WIND_HEIGHTS_MAX);
    return -1;
  default:
    for (int i = 0; i < ncol; i++) {
      if (wc[i].status == WIND_COL_DUPLICATE)
        csv_error_at(r, line, "column '%s': expected once, got it again as "
                     "column %d", col[i + 1].name, i + 2);
      else if (wc[i].status == WIND_COL_NO_SPEED)
        csv_error_at(r, line, "column '%s': expected a speed column at the "
                     "same height, got none", col[i + 1].name);
    }
    return -1;
  }
}

/* Checks and stores one value of row k. 0, or -1 (reported). */
static int store_value(struct csv_reader *r, long line, const char *s,
                       const struct wcsv_col *col, struct wind_profile *p,
                       size_t k)
{
  const struct wind_column *wc = &col->wc;
  double v;
  int ok = csvline_parse_double(s, &v) == 0;

  switch (wc->q) {
  case WIND_SPEED:
    if (ok && v >= 0.0 && v <= 100.0)
      break;
    return csv_error_at(r, line, "column '%s': expected a number between 0 "
                        "and 100 m/s, got '%s'", col->name, s), -1;
  case WIND_DIRECTION:
    if (ok && v >= 0.0 && v <= 360.0) {
      if (v == 360.0)
        v = 0.0;
      break;
    }
    return csv_error_at(r, line, "column '%s': expected a number between 0 "
                        "and 360 degrees, got '%s'", col->name, s), -1;
  case WIND_TEMP:
    if (ok && v >= -90.0 && v <= 70.0)
      break;
    return csv_error_at(r, line, "column '%s': expected a number between -90 "
                        "and 70 degC, got '%s'", col->name, s), -1;
  default:
    if (ok && v >= 300.0 && v <= 1100.0) {
      v *= 100.0; /* hPa to Pa */
      break;
    }
    return csv_error_at(r, line, "column '%s': expected a number between 300 "
                        "and 1100 hPa, got '%s'%s", col->name, s,
                        ok && v >= 30000.0 && v <= 110000.0 ?
                        " (a value in Pa? divide it by 100)" : ""), -1;
  }
  if (wc->status != WIND_COL_USED)
    return 0;
  v = wind_profile_adjust(wc->q, v, wc->dz_m) + 0.0;
  if (wc->q == WIND_SPEED)
    p->speed[wc->h][k] = v;
  else if (wc->q == WIND_DIRECTION)
    p->direction[wc->h][k] = v;
  else if (wc->q == WIND_TEMP)
    p->temp_c[wc->h][k] = v;
  else
    p->pressure_pa[wc->h][k] = v;
  return 0;
}

/* Reads the rows into p. 0, or -1 when reading must stop. */
static int read_rows(struct csv_reader *r, struct csvline *c, FILE *f,
                     struct wind_profile *p, const struct wcsv_col *col,
                     int nfields, long header_line, long *last_line)
{
  struct csv_time_axis ax = { 0, 0 };
  int rc;

  while ((rc = csvline_read(c, f)) == 1) {
    size_t k = p->n;
    int n;
    int64_t t = 0;

    if (csvline_is_blank(c) || csvline_is_comment(c->text))
      continue;
    *last_line = c->lineno;
    if (k >= WCSV_ROWS_MAX) {
      csv_error_at(r, c->lineno, "expected at most %zu rows, got more",
                   WCSV_ROWS_MAX);
      return -1;
    }
    if (k == p->cap && wind_profile_reserve(p, 2 * p->cap) != 0) {
      diag_msg(r->d, "out of memory reading '%s'", r->path);
      r->nerr++;
      return -1;
    }
    n = csvline_split(c, ',');
    if (n == -2) {
      diag_msg(r->d, "out of memory reading '%s'", r->path);
      r->nerr++;
      return -1;
    }
    p->n++;
    if (n != nfields) {
      if (csv_error_at(r, c->lineno, "expected %d fields as in the header "
                       "(line %ld), got %d", nfields, header_line,
                       n < 0 ? (int)c->nfield : n) != 0)
        return -1;
      csv_time_skip(&ax, p->interval_s);
      continue;
    }
    csv_row_time(r, c->lineno, c->field[0], k == 0, &ax, &p->interval_s, &t,
                 &p->utc_offset_h);
    if (r->nerr >= CSV_MAX_ERRORS)
      return -1;
    p->t_utc[k] = t;
    for (int i = 1; i < nfields; i++)
      if (store_value(r, c->lineno, c->field[i], &col[i], p, k) != 0 &&
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

struct wind_profile *read_wind_csv(const char *path, struct diag *d)
{
  struct csv_reader r = {path, d, 0};
  struct csvline c;
  struct meta m;
  struct wind_profile *p = NULL;
  struct wcsv_col *col = NULL;
  struct wind_column *wc = NULL;
  int nfields, rc;
  long header_line, last_line;
  unsigned off;
  FILE *f = infile_open(path, INFILE_DATA_MAX, d);

  memset(&m, 0, sizeof m);
  csvline_init(&c);
  if (!f)
    return NULL;
  while ((rc = csvline_read(&c, f)) == 1) {
    if (csvline_is_blank(&c))
      continue;
    if (!csvline_is_comment(c.text))
      break;
    if (read_meta(&r, c.lineno, c.text, &m) != 0)
      goto fail;
  }
  if (rc != 1) {
    if (rc < 0)
      diag_errno(d, "cannot read", path);
    else
      csv_error_at(&r, c.lineno > 0 ? c.lineno : 1, "header: expected a line "
                   "'time,speed_<height>m,...', got the end of the file");
    goto fail;
  }
  header_line = last_line = c.lineno;
  nfields = csvline_split(&c, ',');
  if (nfields == -2)
    goto nomem;
  if (nfields < 0) {
    csv_error_at(&r, c.lineno, "header: expected column names, got an "
                 "unterminated quoted field");
    goto fail;
  }
  p = wind_profile_new(WCSV_INITIAL_ROWS);
  col = calloc((size_t)nfields, sizeof *col);
  wc = calloc((size_t)nfields, sizeof *wc);
  if (!p || !col || !wc)
    goto nomem;
  if (read_header(&r, &c, col, wc) != 0)
    goto fail;
  if (layout(&r, p, header_line, col, wc, nfields - 1) != 0)
    goto fail;
  if (!m.line[META_LABELLING])
    csv_error_at(&r, header_line, "metadata 'labelling': expected a comment "
                 "'# labelling: interval-start' or '# labelling: "
                 "interval-end' before the header, got none");
  if (!m.line[META_LATITUDE] != !m.line[META_LONGITUDE])
    csv_error_at(&r, header_line, "metadata: expected both 'latitude' and "
                 "'longitude', got only '%s'",
                 m.line[META_LATITUDE] ? "latitude" : "longitude");
  if (read_rows(&r, &c, f, p, col, nfields, header_line, &last_line) != 0)
    goto fail;
  if (p->n < 2)
    csv_error_at(&r, last_line, "expected at least 2 data rows, got %zu",
                 p->n);
  if (r.nerr > 0)
    goto fail;

  if (m.labelling == LABEL_END)
    for (size_t i = 0; i < p->n; i++)
      p->t_utc[i] -= p->interval_s;
  snprintf(p->path, sizeof p->path, "%s", path);
  snprintf(p->format, sizeof p->format, "wind-csv");
  /* Offsets are at most 14:59 (parse_time); the modulo bounds the width. */
  off = (unsigned)lround(fabs(p->utc_offset_h) * 60.0) % 6000u;
  snprintf(p->labelling, sizeof p->labelling, "%s, ISO 8601 times, "
           "UTC%c%02u:%02u", m.labelling == LABEL_END ? "interval-ending" :
           "interval-beginning", p->utc_offset_h < 0 ? '-' : '+', off / 60,
           off % 60);
  p->has_location = m.line[META_LATITUDE] != 0;
  p->latitude = m.value[META_LATITUDE];
  p->longitude = m.value[META_LONGITUDE];
  p->has_elevation = m.line[META_ELEVATION] != 0;
  p->elevation_m = m.value[META_ELEVATION];
  snprintf(p->station, sizeof p->station, "%s", m.source);
  goto done;

nomem:
  diag_msg(d, "out of memory reading '%s'", path);
fail:
  wind_profile_free(p);
  p = NULL;
done:
  free(col);
  free(wc);
  csvline_free(&c);
  fclose(f);
  return p;
}
