/* Reader for turbine power-curve CSV files (docs/turbines.md): optional
 * '#' comment lines, some of them "# key: value" metadata, a header naming
 * the columns, then one row per curve point in increasing wind speed.
 *
 * The column names of windpowerlib's oedb files (wind_speed_m_s, power_kW)
 * and of NREL's turbine-models archive ("Wind Speed [m/s]", "Power [kW]",
 * "Ct [-]", with Cp and thrust columns that are not used) are accepted as
 * they are, so that those files can be used unchanged. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "csvline.h"
#include "diag.h"
#include "infile.h"
#include "text.h"
#include "turbine.h"

enum col { COL_SPEED, COL_POWER, COL_CT, COL_UNUSED, COL_NONE };

/* A power column's name may give its unit: kW per unit, 0 when it does not. */
static const struct {
  const char *name;
  enum col col;
  double kw_per_unit;
} col_names[] = {
  {"wind_speed", COL_SPEED, 0}, {"wind_speed_m_s", COL_SPEED, 0},
  {"wind speed [m/s]", COL_SPEED, 0}, {"power", COL_POWER, 0},
  {"power_kw", COL_POWER, 1.0}, {"power [kw]", COL_POWER, 1.0},
  {"power_w", COL_POWER, 0.001}, {"power [w]", COL_POWER, 0.001},
  {"power_mw", COL_POWER, 1000.0}, {"power [mw]", COL_POWER, 1000.0},
  {"ct", COL_CT, 0}, {"ct [-]", COL_CT, 0}, {"cp", COL_UNUSED, 0},
  {"cp [-]", COL_UNUSED, 0}, {"thrust [kn]", COL_UNUSED, 0},
  {"thrust_kn", COL_UNUSED, 0},
};
#define NCOLNAMES (sizeof col_names / sizeof col_names[0])

static const char *const col_label[] = {"wind_speed", "power", "ct"};

static enum col find_col(const char *name, double *kw_per_unit)
{
  for (size_t i = 0; i < NCOLNAMES; i++)
    if (strcasecmp(name, col_names[i].name) == 0) {
      *kw_per_unit = col_names[i].kw_per_unit;
      return col_names[i].col;
    }
  return COL_NONE;
}

/* ---- metadata ---------------------------------------------------------------- */

enum meta_key { META_NAME, META_SOURCE, META_RATED, META_ROTOR, META_HUB,
                META_CUT_OUT, META_RHO, META_UNIT, META_COUNT };

static const char *const meta_names[META_COUNT] = {
  "name", "source", "rated_kw", "rotor_diameter_m", "hub_height_m", "cut_out_m_s",
  "air_density_kg_m3", "power_unit"
};

/* What the reader knows besides the curve: where each point was read, the
 * power's unit, and the metadata lines. */
struct curve_read {
  long line[TURBINE_CURVE_MAX];
  long seen[META_COUNT];
  double kw_per_unit;   /* from "# power_unit:", 0 when not given */
};

/* Reads "# key: value" from a comment; other comments are free text.
 * Returns 0, or -1 when the error limit was reached. */
static int read_meta(struct csv_reader *r, long lineno, char *text,
                     struct turbine *t, struct curve_read *cr)
{
  long *seen = cr->seen;
  static const struct {
    double lo, hi;
    const char *unit;
  } range[META_COUNT] = {
    [META_RATED] = {0.0, 1e6, "kW"},
    [META_ROTOR] = {0.0, 500.0, "m"},
    [META_HUB] = {0.0, 500.0, "m"},
    [META_CUT_OUT] = {0.0, 100.0, "m/s"},
    [META_RHO] = {0.5, 1.5, "kg/m3"},
  };
  char *key = strchr(text, '#') + 1, *end, *value;
  size_t vlen;
  int k;
  double v;

  while (*key == ' ' || *key == '\t')
    key++;
  end = key;
  while (isalnum((unsigned char)*end) || *end == '_')
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
    if (strcmp(key, meta_names[k]) == 0)
      break;
  if (k == META_COUNT)
    return 0; /* "# note: ..." and the like */
  if (seen[k])
    return csv_error_at(r, lineno, "metadata '%s': expected once, got a second "
                        "time (first on line %ld)", meta_names[k], seen[k]);
  seen[k] = lineno;
  char why[96];
  if ((k == META_NAME || k == META_SOURCE) && text_utf8_problem(value, why, sizeof why))
    return csv_error_at(r, lineno, "metadata '%s': %s", meta_names[k], why);
  switch ((enum meta_key)k) {
  case META_NAME:
    text_copy(t->name, sizeof t->name, value);
    return 0;
  case META_SOURCE:
    text_copy(t->source, sizeof t->source, value);
    return 0;
  case META_UNIT:
    cr->kw_per_unit = strcasecmp(value, "W") == 0 ? 0.001
                      : strcasecmp(value, "kW") == 0 ? 1.0
                      : strcasecmp(value, "MW") == 0 ? 1000.0 : 0.0;
    if (cr->kw_per_unit == 0.0)
      return csv_error_at(r, lineno, "metadata 'power_unit': expected W, kW or "
                          "MW, got '%s'", value);
    return 0;
  default:
    break;
  }
  if (csvline_parse_double(value, &v) != 0 || !(v > range[k].lo) ||
      v > range[k].hi)
    return csv_error_at(r, lineno, "metadata '%s': expected a number > %g and "
                        "<= %g %s, got '%s'", meta_names[k], range[k].lo,
                        range[k].hi, range[k].unit, value);
  if (k == META_RATED)
    t->rated_kw = v;
  else if (k == META_ROTOR)
    t->rotor_diameter_m = v;
  else if (k == META_HUB)
    t->hub_height_m = v;
  else if (k == META_RHO)
    t->curve_rho = v;
  else
    t->cut_out_ms = v;
  return 0;
}

/* ---- header and rows --------------------------------------------------------- */

/* Maps the header's fields to columns and settles the power's unit in
 * cr->kw_per_unit (kW unless the column name or the metadata says
 * otherwise). Returns 0, or -1 (reported). */
static int read_header(struct csv_reader *r, const struct csvline *c, enum col *map,
                       struct curve_read *cr)
{
  int seen[3] = {0, 0, 0}, bad = 0;

  for (size_t i = 0; i < c->nfield; i++) {
    const char *name = c->field[i];
    double unit = 0.0;
    enum col col = find_col(name, &unit);

    if (col == COL_POWER && unit != 0.0 && cr->kw_per_unit != 0.0 &&
        unit != cr->kw_per_unit) {
      csv_error_at(r, c->lineno, "column '%s': expected power in %s as metadata "
                   "'power_unit' says (line %ld), got a column in %s", name,
                   turbine_unit_name(cr->kw_per_unit), cr->seen[META_UNIT],
                   turbine_unit_name(unit));
      bad = 1;
    } else if (col == COL_POWER && unit != 0.0) {
      cr->kw_per_unit = unit;
    }

    map[i] = col;
    if (col == COL_NONE && name[0] == '\0') {
      map[i] = COL_UNUSED; /* trailing empty columns of spreadsheet exports */
    } else if (col == COL_NONE) {
      csv_error_at(r, c->lineno, "unknown column '%s': expected wind_speed, "
                   "power and optionally ct", name);
      bad = 1;
    } else if (col <= COL_CT && seen[col]) {
      csv_error_at(r, c->lineno, "column '%s': expected once, got it as column "
                   "%d and column %zu", col_label[col], seen[col], i + 1);
      bad = 1;
    } else if (col <= COL_CT) {
      seen[col] = (int)i + 1;
    }
  }
  if (cr->kw_per_unit == 0.0)
    cr->kw_per_unit = 1.0;
  if (!bad && (!seen[COL_SPEED] || !seen[COL_POWER])) {
    csv_error_at(r, c->lineno, "header: expected columns 'wind_speed' and "
                 "'power', got no '%s'", seen[COL_SPEED] ? "power" : "wind_speed");
    bad = 1;
  }
  return bad ? -1 : 0;
}

/* Checks one row's values and stores them as point t->n. Returns 0, or -1
 * when the row was bad (reported). */
static int read_row(struct csv_reader *r, const struct csvline *c,
                    const enum col *map, struct turbine *t, struct curve_read *cr)
{
  int k = t->n, bad = 0;
  double val[3] = {0.0, 0.0, NAN};

  for (size_t i = 0; i < c->nfield; i++) {
    enum col col = map[i];
    const char *s = c->field[i];
    double v;

    if (col > COL_CT)
      continue;
    if (csvline_parse_double(s, &v) != 0) {
      csv_error_at(r, c->lineno, "column '%s': expected a number, got '%s'",
                   col_label[col], s);
      bad = 1;
      continue;
    }
    if (col == COL_SPEED && !(v >= 0.0 && v <= 100.0)) {
      csv_error_at(r, c->lineno, "column 'wind_speed': expected a number "
                   "between 0 and 100 m/s, got '%s'", s);
      bad = 1;
    } else if (col == COL_SPEED && k > 0 && !(v > t->speed_ms[k - 1])) {
      csv_error_at(r, c->lineno, "column 'wind_speed': expected a speed greater "
                   "than the previous row's %g m/s, got '%s'",
                   t->speed_ms[k - 1], s);
      bad = 1;
    } else if (col == COL_POWER && !(v >= 0.0)) {
      csv_error_at(r, c->lineno, "column 'power': expected a number >= 0 %s, "
                   "got '%s'", turbine_unit_name(cr->kw_per_unit), s);
      bad = 1;
    } else if (col == COL_CT && !(v >= 0.0 && v <= 1.2)) {
      csv_error_at(r, c->lineno, "column 'ct': expected a number between 0 and "
                   "1.2, got '%s'", s);
      bad = 1;
    }
    val[col] = v;
  }
  /* The row keeps its place even when bad, so that the next row is
   * compared with a sensible previous speed. */
  cr->line[k] = c->lineno;
  t->speed_ms[k] = val[COL_SPEED];
  t->power_kw[k] = val[COL_POWER];
  t->ct[k] = val[COL_CT];
  t->n++;
  return bad ? -1 : 0;
}

/* The power's size against the metadata: with a rated power, the unit that
 * fits it; with a rotor, the Betz limit at every point and a working rotor's
 * peak power coefficient. Converts the power to kW and defaults the rated
 * power to the curve's maximum. Returns 0, or -1 (reported). */
static int check_power(struct csv_reader *r, struct turbine *t,
                       const struct curve_read *cr, long last_line)
{
  double f = cr->kw_per_unit, raw_max = 0.0, cp_peak = 0.0;
  double rho = turbine_curve_rho(t);
  const char *unit = turbine_unit_name(f);
  const char *smaller = turbine_unit_name(f / 1000.0);
  const char *larger = turbine_unit_name(f * 1000.0);
  int imax = 0, bad = 0;

  for (int i = 0; i < t->n; i++)
    if (t->power_kw[i] > raw_max) {
      raw_max = t->power_kw[i];
      imax = i;
    }
  if (!(raw_max > 0.0)) {
    csv_error_at(r, last_line, "column 'power': expected a point with power "
                 "> 0 %s, got none", unit);
    return -1;
  }
  if (cr->seen[META_RATED]) {
    double fit = turbine_unit_fit(raw_max, t->rated_kw);

    if (fit != f) {
      if (fit != 0.0)
        csv_error_at(r, cr->line[imax], "column 'power': expected %s (rated %.10g "
                     "kW), got values up to %.10g (a curve in %s?)", unit,
                     t->rated_kw, raw_max, turbine_unit_name(fit));
      else if (raw_max * f > 1.02 * t->rated_kw)
        csv_error_at(r, cr->seen[META_RATED], "metadata 'rated_kw': expected at "
                     "least %g kW (the curve's maximum %g kW less 2 %%), got %g",
                     raw_max * f / 1.02, raw_max * f, t->rated_kw);
      else
        csv_error_at(r, cr->line[imax], "column 'power': expected %s (rated %.10g "
                     "kW), got values up to %.10g (no unit fits)", unit,
                     t->rated_kw, raw_max);
      return -1;
    }
    if (raw_max * f > 1.02 * t->rated_kw) {
      csv_error_at(r, cr->seen[META_RATED], "metadata 'rated_kw': expected at "
                   "least %g kW (the curve's maximum %g kW less 2 %%), got %g",
                   raw_max * f / 1.02, raw_max * f, t->rated_kw);
      return -1;
    }
  }
  /* Divided rather than multiplied by 0.001, so 42200 W is exactly 42.2 kW. */
  for (int i = 0; i < t->n; i++)
    t->power_kw[i] = f < 1.0 ? t->power_kw[i] / 1000.0 : t->power_kw[i] * f;
  if (!cr->seen[META_RATED])
    t->rated_kw = raw_max * f;
  if (!cr->seen[META_ROTOR])
    return 0;
  for (int i = 0; i < t->n; i++) {
    double v = t->speed_ms[i], p = t->power_kw[i];
    double limit = turbine_betz_kw(t->rotor_diameter_m, rho, v);

    if (v > 0.0)
      cp_peak = fmax(cp_peak, p / limit * 16.0 / 27.0);
    if (p > limit) {
      char hint[32] = "";

      if (smaller && turbine_unit_fit(p, limit) == 0.001)
        snprintf(hint, sizeof hint, " (a curve in %s?)", smaller);
      bad = 1;
      if (csv_error_at(r, cr->line[i], "column 'power': expected at most %g kW "
                       "at %g m/s (the Betz limit for a %g m rotor at %g kg/m3), "
                       "got %.10g kW%s", limit, v, t->rotor_diameter_m, rho, p,
                       hint) != 0 || *hint)
        return -1; /* a unit slip: the other points say the same */
    }
  }
  if (!bad && cp_peak < TURBINE_CP_PEAK_MIN) {
    csv_error_at(r, cr->line[imax], "column 'power': expected %s, got values up "
                 "to %.10g (a peak power coefficient of %.2g for a %g m rotor%s%s%s)",
                 unit, raw_max, cp_peak, t->rotor_diameter_m,
                 larger ? ": a curve in " : "", larger ? larger : "",
                 larger ? "?" : "");
    bad = 1;
  }
  return bad ? -1 : 0;
}

/* Name of the turbine from the file name: no folder, no extension. */
static void name_from_path(char *name, size_t size, const char *path)
{
  const char *base = strrchr(path, '/');
  const char *dot;
  int len;

  base = base ? base + 1 : path;
  dot = strrchr(base, '.');
  len = dot && dot != base ? (int)(dot - base) : (int)strlen(base);
  if ((size_t)len < text_copy(name, size, base))
    name[len] = '\0';
}

int turbine_read_csv(const char *path, struct turbine *t, struct diag *d)
{
  struct csv_reader r = {path, d, 0};
  struct csvline c;
  enum col map[64];
  struct curve_read read = {.kw_per_unit = 0.0}, *cr = &read;
  long *seen = read.seen;
  long header_line, last_line;
  int nfields, rc;
  FILE *f = infile_open(path, INFILE_DATA_MAX, d);

  memset(t, 0, sizeof *t);
  for (int i = 0; i < TURBINE_CURVE_MAX; i++)
    t->ct[i] = NAN;
  csvline_init(&c);
  if (!f)
    return -1;
  while ((rc = csvline_read(&c, f)) == 1) {
    if (csvline_is_blank(&c))
      continue;
    if (!csvline_is_comment(c.text))
      break;
    if (read_meta(&r, c.lineno, c.text, t, cr) != 0)
      goto fail;
  }
  if (rc != 1) {
    if (rc < 0)
      diag_errno(d, "cannot read", path);
    else
      csv_error_at(&r, c.lineno > 0 ? c.lineno : 1, "header: expected a line "
                   "'wind_speed,power[,ct]', got the end of the file");
    goto fail;
  }
  header_line = last_line = c.lineno;
  nfields = csvline_split(&c, ',');
  if (nfields == -2)
    goto nomem;
  if (nfields < 0 || nfields > (int)(sizeof map / sizeof map[0])) {
    csv_error_at(&r, c.lineno, "header: expected column names, got %s",
                 nfields < 0 ? "an unterminated quoted field" : "too many columns");
    goto fail;
  }
  if (read_header(&r, &c, map, cr) != 0)
    goto fail;

  while ((rc = csvline_read(&c, f)) == 1) {
    int n;

    if (csvline_is_blank(&c) || csvline_is_comment(c.text))
      continue;
    last_line = c.lineno;
    if (t->n >= TURBINE_CURVE_MAX) {
      csv_error_at(&r, c.lineno, "expected at most %d curve points, got more",
                   TURBINE_CURVE_MAX);
      goto fail;
    }
    n = csvline_split(&c, ',');
    if (n == -2)
      goto nomem;
    if (n != nfields) {
      if (csv_error_at(&r, c.lineno, "expected %d fields as in the header (line "
                       "%ld), got %d", nfields, header_line,
                       n < 0 ? (int)c.nfield : n) != 0)
        goto fail;
      continue;
    }
    if (read_row(&r, &c, map, t, cr) != 0 && r.nerr >= CSV_MAX_ERRORS)
      goto fail;
  }
  if (rc < 0) {
    diag_errno(d, "cannot read", path);
    goto fail;
  }
  if (r.nerr == 0 && t->n < 2)
    csv_error_at(&r, last_line, "expected at least 2 curve points, got %d", t->n);
  if (r.nerr == 0)
    check_power(&r, t, cr, last_line);
  if (r.nerr > 0)
    goto fail;
  for (int i = 0; i < nfields; i++)
    if (map[i] == COL_CT)
      t->has_ct = 1;
  if (!seen[META_NAME])
    name_from_path(t->name, sizeof t->name, path);
  if (!seen[META_SOURCE])
    text_copy(t->source, sizeof t->source, path);
  for (int i = 0; i < t->n; i++)
    if (t->power_kw[i] > 0.0) {
      t->cut_in_ms = t->speed_ms[i];
      break;
    }
  if (seen[META_CUT_OUT] && !(t->cut_out_ms > t->cut_in_ms)) {
    csv_error_at(&r, seen[META_CUT_OUT], "metadata 'cut_out_m_s': expected a "
                 "speed above the cut-in speed %g m/s, got %g", t->cut_in_ms,
                 t->cut_out_ms);
    goto fail;
  }
  if (!seen[META_CUT_OUT])
    t->cut_out_ms = t->speed_ms[t->n - 1];
  csvline_free(&c);
  fclose(f);
  return 0;

nomem:
  diag_msg(d, "out of memory reading '%s'", path);
fail:
  csvline_free(&c);
  fclose(f);
  return -1;
}
