/* Reader for the renewcalc profile CSV, the plain format documented in
 * docs/profile-csv.md: '#' comment lines (some of them "# key: value"
 * metadata), a header "time,<column>,...", then one row per interval with an
 * ISO 8601 timestamp carrying its UTC offset.
 *
 * Timestamps are converted to UTC with their own offset, so a file may switch
 * offsets (e.g. daylight saving time written as +01:00/+02:00) and still give
 * a continuous axis. With "labelling: interval-end" every time is moved back
 * by the interval, once the interval is known from the first two rows. */
#include <ctype.h>
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

#define CSV_INITIAL_ROWS 8784

enum labelling { LABEL_NONE, LABEL_START, LABEL_END };


/* ---- names and suggestions ------------------------------------------------ */

/* Column of a header name, or -1. */
static int find_col(const char *name)
{
  for (int c = 0; c < PROFILE_NCOLS; c++)
    if (strcmp(name, profile_col_name((enum profile_col)c)) == 0)
      return c;
  return -1;
}

/* 1 if pre is a case-insensitive prefix of s. */
static int is_prefix_ci(const char *pre, const char *s)
{
  for (; *pre; pre++, s++)
    if (tolower((unsigned char)*pre) != tolower((unsigned char)*s))
      return 0;
  return 1;
}

/* Nearest valid column name for an unknown one, or NULL: other spellings
 * used by common weather files, then names at most 2 edits away, then a
 * name the unknown one begins (at least 3 letters). */
static const char *suggest_col(const char *name)
{
  static const struct {
    const char *alias;
    enum profile_col col;
  } alias[] = {
    {"temp", PROFILE_TEMP_AIR}, {"temperature", PROFILE_TEMP_AIR},
    {"t_air", PROFILE_TEMP_AIR}, {"tamb", PROFILE_TEMP_AIR},
    {"t2m", PROFILE_TEMP_AIR}, {"tdry", PROFILE_TEMP_AIR},
    {"dry_bulb", PROFILE_TEMP_AIR}, {"drybulb", PROFILE_TEMP_AIR},
    {"wind", PROFILE_WIND_SPEED}, {"ws", PROFILE_WIND_SPEED},
    {"wspd", PROFILE_WIND_SPEED}, {"windspeed", PROFILE_WIND_SPEED},
    {"ws10m", PROFILE_WIND_SPEED}, {"pres", PROFILE_PRESSURE},
    {"press", PROFILE_PRESSURE}, {"sp", PROFILE_PRESSURE},
    {"air_pressure", PROFILE_PRESSURE}, {"alb", PROFILE_ALBEDO},
    {"surface_albedo", PROFILE_ALBEDO}, {"g(h)", PROFILE_GHI},
    {"gb(n)", PROFILE_DNI}, {"bni", PROFILE_DNI}, {"gd(h)", PROFILE_DHI},
  };
  const char *best = NULL;
  int best_d = 3;

  for (size_t i = 0; i < sizeof alias / sizeof alias[0]; i++)
    if (csv_edit_distance(name, alias[i].alias) == 0)
      return profile_col_name(alias[i].col);
  for (int c = 0; c < PROFILE_NCOLS; c++) {
    const char *cand = profile_col_name((enum profile_col)c);
    int dist = csv_edit_distance(name, cand);

    if (dist < best_d && strlen(name) >= 2) {
      best = cand;
      best_d = dist;
    }
  }
  if (best)
    return best;
  for (int c = 0; c < PROFILE_NCOLS; c++) {
    const char *cand = profile_col_name((enum profile_col)c);
    size_t n = strlen(name);

    if (n >= 3 && is_prefix_ci(name, cand))
      return cand;
  }
  return NULL;
}

/* ---- metadata comments ------------------------------------------------------ */

enum meta_key { META_LABELLING, META_LATITUDE, META_LONGITUDE, META_ELEVATION,
                META_SOURCE, META_COUNT };

static const char *const meta_names[META_COUNT] = {
  "labelling", "latitude", "longitude", "elevation", "source"
};

struct meta {
  enum labelling labelling;
  double latitude, longitude, elevation_m;
  char source[128];
  long line[META_COUNT]; /* where each key was given, 0 if absent */
};

/* Reads "# key: value" from a comment line; other comments are ignored.
 * Returns 0, or -1 when the error limit was reached. */
static int read_meta(struct csv_reader *r, long lineno, char *text, struct meta *m)
{
  static const struct {
    double lo, hi;
    const char *unit;
  } range[META_COUNT] = {
    [META_LATITUDE] = {-90.0, 90.0, "degrees"},
    [META_LONGITUDE] = {-180.0, 180.0, "degrees"},
    [META_ELEVATION] = {-500.0, 9000.0, "m"},
  };
  char *key, *end, *value;
  size_t vlen;
  int k;
  double v;

  key = strchr(text, '#') + 1;
  while (*key == ' ' || *key == '\t')
    key++;
  end = key;
  while (isalnum((unsigned char)*end) || *end == '_' || *end == '-')
    end++;
  value = end;
  while (*value == ' ' || *value == '\t')
    value++;
  if (end == key || *value != ':')
    return 0; /* free text */
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
    /* A near miss of a key is a typo, anything else ("# note: ...") text. */
    for (k = 0; k < META_COUNT; k++)
      if (strlen(key) >= 4 && csv_edit_distance(key, meta_names[k]) <= 2)
        return csv_error_at(r, lineno, "unknown metadata key '%s': did you mean "
                        "'%s'?", key, meta_names[k]);
    return 0;
  }
  if (m->line[k])
    return csv_error_at(r, lineno, "metadata '%s': expected once, got a second "
                    "time (first on line %ld)", meta_names[k], m->line[k]);
  m->line[k] = lineno;
  switch ((enum meta_key)k) {
  case META_LABELLING:
    if (strcmp(value, "interval-start") == 0)
      m->labelling = LABEL_START;
    else if (strcmp(value, "interval-end") == 0)
      m->labelling = LABEL_END;
    else
      return csv_error_at(r, lineno, "metadata 'labelling': expected "
                      "interval-start or interval-end, got '%s'", value);
    return 0;
  case META_SOURCE:
    snprintf(m->source, sizeof m->source, "%s", value);
    return 0;
  case META_LATITUDE:
  case META_LONGITUDE:
  case META_ELEVATION:
    if (csvline_parse_double(value, &v) != 0 || v < range[k].lo ||
        v > range[k].hi)
      return csv_error_at(r, lineno, "metadata '%s': expected a number between "
                      "%g and %g %s, got '%s'", meta_names[k], range[k].lo,
                      range[k].hi, range[k].unit, value);
    if (k == META_LATITUDE)
      m->latitude = v;
    else if (k == META_LONGITUDE)
      m->longitude = v;
    else
      m->elevation_m = v;
    return 0;
  default:
    return 0;
  }
}

/* 1 for the comment renewcalc's synth command writes first ("# made by
 * renewcalc profile synth from FILE"): hours made from monthly means,
 * whose P-levels need the wider uncertainty of such data. */
static int made_by_synth(const char *text)
{
  static const char mark[] = "made by renewcalc profile synth from ";
  const char *t = strchr(text, '#') + 1;
  while (*t == ' ' || *t == '\t')
    t++;
  return strncmp(t, mark, sizeof mark - 1) == 0;
}

/* ---- timestamps ------------------------------------------------------------- */

/* ---- detection -------------------------------------------------------------- */

int read_csv_detect(const char *head)
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
        int col = find_col(c.field[i]);

        if (col == PROFILE_GHI || col == PROFILE_DNI || col == PROFILE_DHI)
          found = 1;
      }
    break;
  }
  csvline_free(&c);
  return found;
}

/* ---- header and rows -------------------------------------------------------- */

/* Maps header fields 1..n-1 to columns in map[]. Returns 0, or -1 when the
 * header cannot be used (errors reported). */
static int read_header(struct csv_reader *r, struct csvline *c, int *map)
{
  int n = (int)c->nfield, bad = 0;
  int seen[PROFILE_NCOLS] = {0};
  char names[160] = "";

  if (strcmp(c->field[0], "time") != 0) {
    csv_error_at(r, c->lineno, "header: expected 'time' as the first column, "
             "got '%s'", c->field[0]);
    bad = 1;
  }
  for (int col = 0; col < PROFILE_NCOLS; col++) {
    strcat(names, col ? ", " : "");
    strcat(names, profile_col_name((enum profile_col)col));
  }
  for (int i = 1; i < n; i++) {
    const char *name = c->field[i];
    int col = find_col(name);

    map[i] = col;
    if (col >= 0 && seen[col]) {
      csv_error_at(r, c->lineno, "column '%s': expected once, got it as column "
               "%d and column %d", name, seen[col], i + 1);
      bad = 1;
    } else if (col >= 0) {
      seen[col] = i + 1;
    } else {
      const char *hint = suggest_col(name);

      if (hint)
        csv_error_at(r, c->lineno, "unknown column '%s': did you mean '%s'?",
                 name, hint);
      else
        csv_error_at(r, c->lineno, "unknown column '%s': expected one of %s",
                 name, names);
      bad = 1;
    }
  }
  if (!bad && !seen[PROFILE_GHI] && !(seen[PROFILE_DNI] && seen[PROFILE_DHI])) {
    csv_error_at(r, c->lineno, "header: expected a column 'ghi', or both 'dni' "
             "and 'dhi', got %s", seen[PROFILE_DNI] ? "only 'dni'" :
             seen[PROFILE_DHI] ? "only 'dhi'" : "no irradiance column");
    bad = 1;
  }
  return bad ? -1 : 0;
}

/* Range check of one value of column col. 0, or -1 (reported). */
static int check_value(struct csv_reader *r, long line, const char *s,
                       enum profile_col col, double *v)
{
  const char *name = profile_col_name(col);
  int ok = csvline_parse_double(s, v) == 0;

  switch (col) {
  case PROFILE_GHI:
  case PROFILE_DNI:
  case PROFILE_DHI:
    if (ok && bounds_irradiance_ok(*v))
      return 0;
    csv_error_at(r, line, "column '%s': expected a number between %g and %g W/m2, "
             "got '%s'", name, BOUNDS_IRRADIANCE_MIN_WM2, BOUNDS_IRRADIANCE_MAX_WM2, s);
    return -1;
  case PROFILE_TEMP_AIR:
    if (ok && *v >= -90.0 && *v <= 70.0)
      return 0;
    csv_error_at(r, line, "column '%s': expected a number between -90 and 70 "
             "degC, got '%s'", name, s);
    return -1;
  case PROFILE_WIND_SPEED:
    if (ok && *v >= 0.0 && *v <= 100.0)
      return 0;
    csv_error_at(r, line, "column '%s': expected a number between 0 and 100 "
             "m/s, got '%s'", name, s);
    return -1;
  case PROFILE_PRESSURE:
    if (ok && *v >= 300.0 && *v <= 1100.0) {
      *v *= 100.0; /* hPa to Pa */
      return 0;
    }
    csv_error_at(r, line, "column '%s': expected a number between 300 and 1100 "
             "hPa, got '%s'%s", name, s, ok && *v >= 30000.0 &&
             *v <= 110000.0 ? " (a value in Pa? divide it by 100)" : "");
    return -1;
  case PROFILE_ALBEDO:
    if (ok && *v >= 0.0 && *v <= 1.0)
      return 0;
    csv_error_at(r, line, "column '%s': expected a number between 0 and 1, "
             "got '%s'", name, s);
    return -1;
  default:
    return -1;
  }
}

/* Reads the data rows into p. Returns 0, or -1 when reading must stop. */
static int read_rows(struct csv_reader *r, struct csvline *c, FILE *f,
                     struct profile *p, const int *map, int nfields,
                     long header_line, long *last_line)
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
    if (k >= PROFILE_ROWS_MAX) {
      csv_error_at(r, c->lineno, "expected at most %zu rows, got more",
               PROFILE_ROWS_MAX);
      return -1;
    }
    if (k == p->cap) {
      size_t cap = 2 * p->cap;

      if (cap > PROFILE_ROWS_MAX)
        cap = PROFILE_ROWS_MAX;
      if (profile_reserve(p, cap) != 0) {
        diag_msg(r->d, "out of memory reading '%s'", r->path);
        r->nerr++;
        return -1;
      }
    }
    n = csvline_split(c, ',');
    if (n == -2) {
      diag_msg(r->d, "out of memory reading '%s'", r->path);
      r->nerr++;
      return -1;
    }
    p->n++;
    if (n != nfields) {
      if (csv_error_at(r, c->lineno, "expected %d fields as in the header (line "
                   "%ld), got %d", nfields, header_line,
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
    for (int i = 1; i < nfields; i++) {
      double v;

      if (check_value(r, c->lineno, c->field[i], (enum profile_col)map[i],
                      &v) == 0)
        p->col[map[i]][k] = v;
      else if (r->nerr >= CSV_MAX_ERRORS)
        return -1;
    }
  }
  if (rc < 0) {
    diag_errno(r->d, "cannot read", r->path);
    r->nerr++;
    return -1;
  }
  return 0;
}

/* "+HH:MM" / "-HH:MM" for an offset in hours. */
static void format_offset(char *buf, size_t size, double offset_h)
{
  /* Offsets are validated to +-14 h; the modulo only bounds the width. */
  unsigned m = (unsigned)lround(fabs(offset_h) * 60.0) % 6000u;

  snprintf(buf, size, "%c%02u:%02u", offset_h < 0 ? '-' : '+', m / 60,
           m % 60);
}

struct profile *read_csv(const char *path, struct diag *d)
{
  struct csv_reader r = {path, d, 0};
  struct csvline c;
  struct meta m;
  struct profile *p = NULL;
  int *map = NULL;
  int nfields, rc, synthetic = 0;
  long header_line, last_line;
  char off[16];
  FILE *f = infile_open(path, INFILE_DATA_MAX, d);

  memset(&m, 0, sizeof m);
  csvline_init(&c);
  if (!f)
    return NULL;
  /* Comments and metadata up to the header. */
  while ((rc = csvline_read(&c, f)) == 1) {
    if (csvline_is_blank(&c))
      continue;
    if (!csvline_is_comment(c.text))
      break;
    if (read_meta(&r, c.lineno, c.text, &m) != 0)
      goto fail;
    synthetic |= made_by_synth(c.text);
  }
  if (rc != 1) {
    if (rc < 0)
      diag_errno(d, "cannot read", path);
    else
      csv_error_at(&r, c.lineno > 0 ? c.lineno : 1, "header: expected a line "
               "'time,<column>,...', got the end of the file");
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
  map = calloc((size_t)nfields, sizeof *map);
  if (!map)
    goto nomem;
  if (read_header(&r, &c, map) != 0)
    goto fail;
  if (!m.line[META_LABELLING])
    csv_error_at(&r, header_line, "metadata 'labelling': expected a comment "
             "'# labelling: interval-start' or '# labelling: interval-end' "
             "before the header, got none");
  if (!m.line[META_LATITUDE] != !m.line[META_LONGITUDE])
    csv_error_at(&r, header_line, "metadata: expected both 'latitude' and "
             "'longitude', got only '%s'",
             m.line[META_LATITUDE] ? "latitude" : "longitude");

  p = profile_new(CSV_INITIAL_ROWS);
  if (!p)
    goto nomem;
  for (int i = 1; i < nfields; i++)
    if (profile_add_col(p, (enum profile_col)map[i]) != 0)
      goto nomem;
  if (read_rows(&r, &c, f, p, map, nfields, header_line, &last_line) != 0)
    goto fail;
  if (p->n < 2)
    csv_error_at(&r, last_line, "expected at least 2 data rows, got %zu", p->n);
  if (r.nerr > 0)
    goto fail;

  if (m.labelling == LABEL_END)
    for (size_t i = 0; i < p->n; i++)
      p->t_utc[i] -= p->interval_s;
  snprintf(p->path, sizeof p->path, "%s", path);
  snprintf(p->format, sizeof p->format, "csv");
  format_offset(off, sizeof off, p->utc_offset_h);
  snprintf(p->labelling, sizeof p->labelling, "%s, ISO 8601 times, UTC%s",
           m.labelling == LABEL_END ? "interval-ending" : "interval-beginning",
           off);
  p->has_location = m.line[META_LATITUDE] != 0;
  p->latitude = m.latitude;
  p->longitude = m.longitude;
  p->elevation_m = m.elevation_m;
  snprintf(p->station, sizeof p->station, "%s", m.source);
  p->synthetic = synthetic;
  free(map);
  csvline_free(&c);
  fclose(f);
  return p;

nomem:
  diag_msg(d, "out of memory reading '%s'", path);
fail:
  free(map);
  csvline_free(&c);
  profile_free(p);
  fclose(f);
  return NULL;
}
