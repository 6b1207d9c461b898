/* Site lists for renewcalc batch; see batch.h. Ranges come from the
 * site-file schema (site_keys.c), so that a batch row and a site file
 * accept the same values. */
#include "batch.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "infile.h"
#include "path.h"
#include "pv.h"
#include "site_keys.h"
#include "text.h"
#include "turbine.h"

enum col {
  C_NAME, C_LAT, C_LON, C_ELEV, C_TECH, C_CAP, C_DCAC, C_MOUNT, C_TILT, C_AZ, C_TURBINE,
  C_COUNT, C_HUB, C_PROFILE, C_GHI, C_TEMP, C_YEAR, C_UTC, C_SEED, C_EMIS, C_N
};

static const char *const col_names[C_N] = {
  "name", "latitude", "longitude", "elevation", "technology", "capacity_mw", "dc_ac_ratio",
  "mount", "tilt", "azimuth", "turbine", "count", "hub_height", "profile", "ghi_kwh_m2_day",
  "temp_c", "year", "utc_offset", "seed", "emissions"
};

struct batch_reader {
  char path[SITE_PATH_MAX];
  FILE *f;
  struct csvline line;
  struct csv_reader cr;
  int at[C_N];   /* field index of each column, -1: absent */
  size_t nfield; /* fields in the header */
  long rows;
  int full;      /* CSV_MAX_ERRORS messages given: stop reading */
};

static void close_reader(struct batch_reader *r)
{
  if (r->f)
    fclose(r->f);
  csvline_free(&r->line);
  free(r);
}

void batch_close(struct batch_reader *r)
{
  if (r)
    close_reader(r);
}

long batch_rows(const struct batch_reader *r)
{
  return r->rows;
}

int batch_errors_full(const struct batch_reader *r)
{
  return r->full;
}

/* Next line that is neither blank nor a comment: 1, 0 at the end, -1 error. */
static int next_line(struct batch_reader *r)
{
  for (;;) {
    int got = csvline_read(&r->line, r->f);
    if (got <= 0)
      return got;
    if (!csvline_is_blank(&r->line) && !csvline_is_comment(r->line.text))
      return 1;
  }
}

struct batch_reader *batch_open(const char *path, struct diag *d)
{
  struct batch_reader *r = calloc(1, sizeof *r);
  if (!r) {
    diag_msg(d, "out of memory");
    return NULL;
  }
  snprintf(r->path, sizeof r->path, "%s", path);
  csvline_init(&r->line);
  r->cr = (struct csv_reader){ r->path, d, 0 };
  r->f = infile_open_as(path, INFILE_DATA_MAX, "cannot open site list", d);
  if (!r->f) {
    close_reader(r);
    return NULL;
  }
  int got = next_line(r);
  if (got <= 0 || csvline_split(&r->line, ',') < 1) {
    if (got < 0)
      diag_errno(d, "cannot read site list", path);
    else
      diag_at(d, path, 1, "header: expected a line of column names (name,latitude,"
              "longitude,...), got %s", got == 0 ? "an empty file" : "a malformed line");
    close_reader(r);
    return NULL;
  }
  for (int c = 0; c < C_N; c++)
    r->at[c] = -1;
  r->nfield = r->line.nfield;
  int errors = 0;
  for (size_t i = 0; i < r->line.nfield; i++) {
    const char *h = r->line.field[i];
    int c = 0;
    while (c < C_N && strcmp(h, col_names[c]) != 0)
      c++;
    if (c == C_N) {
      int best = -1, best_d = 4;
      for (int k = 0; k < C_N; k++) {
        int dist = csv_edit_distance(h, col_names[k]);
        if (dist < best_d) {
          best_d = dist;
          best = k;
        }
      }
      diag_at(d, path, (int)r->line.lineno, "column %zu: expected one of the batch columns "
              "(docs/batch.md)%s%s%s, got '%s'", i + 1, best >= 0 ? "; did you mean '" : "",
              best >= 0 ? col_names[best] : "", best >= 0 ? "'" : "", h);
      errors++;
    } else if (r->at[c] >= 0) {
      diag_at(d, path, (int)r->line.lineno, "column %zu: expected each column once, got '%s' "
              "again (first in column %d)", i + 1, h, r->at[c] + 1);
      errors++;
    } else {
      r->at[c] = (int)i;
    }
  }
  static const enum col required[] = { C_NAME, C_LAT, C_LON };
  for (size_t k = 0; k < sizeof required / sizeof required[0]; k++)
    if (r->at[required[k]] < 0) {
      diag_at(d, path, (int)r->line.lineno, "header: expected a column '%s', got none (the "
              "column is required)", col_names[required[k]]);
      errors++;
    }
  if (r->at[C_PROFILE] < 0 && r->at[C_GHI] < 0) {
    diag_at(d, path, (int)r->line.lineno, "header: expected a column 'profile' or "
            "'ghi_kwh_m2_day', got neither");
    errors++;
  }
  if (errors) {
    close_reader(r);
    return NULL;
  }
  return r;
}

/* ---- fields ----------------------------------------------------------------- */

struct row {
  struct batch_reader *r;
  long line;
  int errors;
};

__attribute__((format(printf, 2, 3)))
static void bad(struct row *w, const char *fmt, ...)
{
  char msg[768];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (csv_error_at(&w->r->cr, w->line, "%s", msg) != 0)
    w->r->full = 1;
  w->errors++;
}

/* The row's text in column c, "" when the list has no such column. */
static const char *field(const struct row *w, enum col c)
{
  int i = w->r->at[c];
  return i >= 0 ? w->r->line.field[i] : "";
}

/* A number in lo..hi (unit for messages); NAN when empty and not required. */
static double number(struct row *w, enum col c, double lo, double hi, const char *unit,
                     int required)
{
  const char *s = field(w, c);
  double v;
  if (!*s) {
    if (required)
      bad(w, "%s: expected a number between %g and %g%s%s, got nothing (the column is "
          "required)", col_names[c], lo, hi, *unit ? " " : "", unit);
    return NAN;
  }
  if (csvline_parse_double(s, &v) != 0 || !(v >= lo && v <= hi)) {
    bad(w, "%s: expected a number between %g and %g%s%s, got '%s'", col_names[c], lo, hi,
        *unit ? " " : "", unit, s);
    return NAN;
  }
  return v;
}

/* The same with the range of site-file key group.name. */
static double schema_number(struct row *w, enum col c, const char *group, const char *name,
                            int required)
{
  const struct site_key *k = site_key_find(group, name);
  return number(w, c, k->lo, k->hi, k->unit, required);
}

/* One value or 12 monthly values (separated by blanks or ';') in lo..hi
 * into v[12]; allow_one: a single value stands for every month. Returns the
 * count read (0: empty). */
static int months(struct row *w, enum col c, double lo, double hi, const char *unit,
                  int allow_one, double v[12])
{
  const char *s = field(w, c);
  char buf[512];
  snprintf(buf, sizeof buf, "%s", s);
  int n = 0, ok = 1;
  for (char *save = NULL, *tok = strtok_r(buf, " ;\t", &save); tok;
       tok = strtok_r(NULL, " ;\t", &save)) {
    double x;
    if (n == 12 || csvline_parse_double(tok, &x) != 0 || !(x >= lo && x <= hi)) {
      ok = 0;
      break;
    }
    v[n++] = x;
  }
  if (ok && n == 1 && allow_one) {
    for (int m = 1; m < 12; m++)
      v[m] = v[0];
    return 12;
  }
  if (ok && (n == 12 || n == 0))
    return n;
  bad(w, "%s: expected %s12 numbers between %g and %g %s (January to December, separated by "
      "blanks or ';'), got '%s'", col_names[c], allow_one ? "1 or " : "", lo, hi, unit, s);
  return -1;
}

static void read_profile(struct row *w, struct batch_site *b)
{
  const char *prof = field(w, C_PROFILE), *ghi = field(w, C_GHI);
  if (*prof && *ghi) {
    bad(w, "profile: expected either profile or ghi_kwh_m2_day, got both");
    return;
  }
  if (*prof) {
    path_resolve(w->r->path, prof, b->profile, sizeof b->profile);
    struct stat st;
    const char *why = NULL;
    if (stat(b->profile, &st) != 0 || access(b->profile, R_OK) != 0)
      why = strerror(errno);
    else if (!S_ISREG(st.st_mode))
      why = S_ISDIR(st.st_mode) ? strerror(EISDIR) : "not a regular file";
    if (why)
      bad(w, "profile: expected a readable profile file, got '%s' (%s)", b->profile, why);
    return;
  }
  if (!*ghi) {
    bad(w, "profile: expected a profile file or monthly means (ghi_kwh_m2_day), got neither");
    return;
  }
  if (b->tech == BATCH_WIND) {
    bad(w, "ghi_kwh_m2_day: expected a profile file for a wind site, got monthly irradiation");
    return;
  }
  /* Monthly means: the defaults of `renewcalc profile synth`. */
  struct synth_spec *s = &b->synth;
  memset(s, 0, sizeof *s);
  b->has_monthly = 1;
  s->latitude = b->latitude;
  s->longitude = b->longitude;
  s->elevation_m = b->elevation_m;
  s->variability = 1.0;
  for (int m = 0; m < 12; m++) {
    s->temp_range_c[m] = 10.0;
    s->wind_m_s[m] = 2.0;
    s->linke[m] = 3.0;
  }
  months(w, C_GHI, 0.1, 12.0, "kWh/m2/day", 0, s->ghi_kwh_m2_day);
  if (!*field(w, C_TEMP))
    bad(w, "temp_c: expected 1 or 12 numbers between -60 and 60 degC with ghi_kwh_m2_day, "
        "got nothing");
  else
    months(w, C_TEMP, -60.0, 60.0, "degC", 1, s->temp_c);
  double year = number(w, C_YEAR, 1900, 2100, "", 0);
  s->year = isnan(year) ? 2023 : (int)year;
  if (!isnan(year) && year != floor(year))
    bad(w, "year: expected a whole year between 1900 and 2100, got '%s'", field(w, C_YEAR));
  double utc = number(w, C_UTC, -12, 14, "h", 0);
  s->utc_offset_h = isnan(utc) ? round(b->longitude / 15.0) : utc;
  double seed = number(w, C_SEED, 0, 9007199254740992.0, "", 0);
  s->seed = isnan(seed) ? (uint64_t)b->index : (uint64_t)seed;
  char list[401]; /* room for the line number after it */
  text_copy(list, sizeof list, w->r->path);
  snprintf(s->source, sizeof s->source, "monthly means of site list %s line %ld", list, w->line);
}

int batch_next(struct batch_reader *r, struct batch_site *b)
{
  int got = next_line(r);
  if (got < 0) {
    diag_errno(r->cr.d, "cannot read site list", r->path);
    return -2;
  }
  if (got == 0)
    return 0;
  r->rows++;
  struct row w = { r, r->line.lineno, 0 };
  memset(b, 0, sizeof *b);
  b->index = r->rows;
  b->line = w.line;
  int nf = csvline_split(&r->line, ',');
  if (nf == -2) {
    diag_msg(r->cr.d, "out of memory");
    return -2;
  }
  if (nf < 0) {
    bad(&w, "expected %zu fields as in the header, got a quoted field not closed or text "
        "after its closing quote", r->nfield);
    return -1;
  }
  if ((size_t)nf != r->nfield) {
    bad(&w, "expected %zu fields as in the header, got %d", r->nfield, nf);
    return -1;
  }

  const char *name = field(&w, C_NAME);
  char why[96];
  if (!*name)
    bad(&w, "name: expected the site's name, got nothing");
  else if (text_utf8_problem(name, why, sizeof why))
    bad(&w, "name: %s", why);
  text_copy(b->name, sizeof b->name, name);
  b->latitude = number(&w, C_LAT, -90, 90, "deg", 1);
  b->longitude = number(&w, C_LON, -180, 180, "deg", 1);
  b->elevation_m = schema_number(&w, C_ELEV, "location", "elevation", 0);
  if (isnan(b->elevation_m))
    b->elevation_m = 0.0;
  const char *tech = field(&w, C_TECH);
  if (!*tech || strcmp(tech, "pv") == 0)
    b->tech = BATCH_PV;
  else if (strcmp(tech, "wind") == 0)
    b->tech = BATCH_WIND;
  else
    bad(&w, "technology: expected \"pv\" or \"wind\", got '%s'", tech);

  b->capacity_mw = schema_number(&w, C_CAP, "plants", "capacity_mw_ac", b->tech == BATCH_PV);
  b->dc_ac_ratio = schema_number(&w, C_DCAC, "plants", "dc_ac_ratio", 0);
  const char *mount = field(&w, C_MOUNT);
  b->mount = !*mount                          ? -1
             : strcmp(mount, "fixed") == 0       ? PV_MOUNT_FIXED
             : strcmp(mount, "single_axis") == 0 ? PV_MOUNT_SINGLE_AXIS
             : strcmp(mount, "two_axis") == 0    ? PV_MOUNT_TWO_AXIS
                                                 : -2;
  if (b->mount == -2)
    bad(&w, "mount: expected \"fixed\", \"single_axis\" or \"two_axis\", got '%s'", mount);
  b->tilt_deg = schema_number(&w, C_TILT, "plants.array", "tilt", 0);
  b->azimuth_deg = schema_number(&w, C_AZ, "plants.array", "azimuth", 0);
  if (b->mount > PV_MOUNT_FIXED && (!isnan(b->tilt_deg) || !isnan(b->azimuth_deg)))
    bad(&w, "%s: expected only with mount \"fixed\", got it with '%s'",
        isnan(b->tilt_deg) ? "azimuth" : "tilt", mount);
  snprintf(b->turbine, sizeof b->turbine, "%s", field(&w, C_TURBINE));
  struct turbine t;
  if (*b->turbine && turbine_builtin(b->turbine, &t) != 0) {
    char known[256] = "";
    const char *const *names = turbine_builtin_names();
    for (int i = 0; names[i]; i++)
      snprintf(known + strlen(known), sizeof known - strlen(known), "%s\"%s\"", i ? ", " : "",
               names[i]);
    bad(&w, "turbine: expected one of %s, got '%s'", known, b->turbine);
  }
  double count = schema_number(&w, C_COUNT, "plants", "count", 0);
  if (!isnan(count) && count != floor(count))
    bad(&w, "count: expected a whole number of turbines, got '%s'", field(&w, C_COUNT));
  b->count = isnan(count) ? 0 : (int)count;
  b->hub_height_m = schema_number(&w, C_HUB, "plants.turbine", "hub_height", 0);
  if (b->tech == BATCH_PV) {
    static const enum col wind_only[] = { C_TURBINE, C_COUNT, C_HUB };
    for (size_t k = 0; k < 3; k++)
      if (*field(&w, wind_only[k]))
        bad(&w, "%s: expected only for technology \"wind\", got it for \"pv\"",
            col_names[wind_only[k]]);
  } else {
    static const enum col pv_only[] = { C_CAP, C_DCAC, C_MOUNT, C_TILT, C_AZ };
    for (size_t k = 0; k < 5; k++)
      if (*field(&w, pv_only[k]))
        bad(&w, "%s: expected only for technology \"pv\", got it for \"wind\"",
            col_names[pv_only[k]]);
  }
  snprintf(b->emissions, sizeof b->emissions, "%s", field(&w, C_EMIS));
  if (!isnan(b->latitude) && !isnan(b->longitude))
    read_profile(&w, b);
  return w.errors ? -1 : 1;
}

/* ---- a row's site ----------------------------------------------------------- */

static const struct plant_cfg *template_plant(const struct site *t, enum plant_type type)
{
  for (int i = 0; i < t->n_plants; i++)
    if (t->plants[i].type == type)
      return &t->plants[i];
  return NULL;
}

int batch_site_build(const struct site *tmpl, const struct batch_site *b,
                     const struct emission_factors *ef, struct site *out,
                     struct plant_cfg *plant, struct diag *d)
{
  enum plant_type type = b->tech == BATCH_WIND ? PLANT_WIND : PLANT_PV;
  const struct plant_cfg *tp = template_plant(tmpl, type);
  if (!tp) {
    diag_at(d, tmpl->path, 1, "plants: expected a %s plant in the template for the site "
            "list's %s rows, got none", b->tech == BATCH_WIND ? "wind" : "pv",
            b->tech == BATCH_WIND ? "wind" : "pv");
    return -1;
  }
  *out = *tmpl;
  *plant = *tp;
  out->plants = plant;
  out->n_plants = 1;
  out->n_priority = 0;
  out->export_limit_mw = 0.0; /* the template's connection is not the row's */
  text_copy(out->name, sizeof out->name, b->name);
  text_copy(plant->name, sizeof plant->name, b->name);
  out->latitude = b->latitude;
  out->longitude = b->longitude;
  out->elevation_m = b->elevation_m;
  out->factors = *ef;
  snprintf(plant->profile, sizeof plant->profile, "%s", b->profile);

  double scale = 1.0; /* of the template's costs, which scale with capacity */
  if (type == PLANT_PV) {
    struct pv_params *pv = &plant->pv;
    double ratio = isnan(b->dc_ac_ratio) ? tp->dc_ac_ratio : b->dc_ac_ratio;
    scale = b->capacity_mw / tp->capacity_mw_ac;
    plant->basis = CAPACITY_AC;
    plant->dc_ac_ratio = ratio;
    plant->capacity_mw_ac = b->capacity_mw;
    plant->capacity_mw_dc = b->capacity_mw * ratio;
    pv->p_ac0_kw = plant->capacity_mw_ac * 1000.0;
    pv->p_dc0_kw = plant->capacity_mw_dc * 1000.0;
    if (b->mount >= 0)
      pv->mount = (enum pv_mount)b->mount;
    if (!isnan(b->tilt_deg))
      pv->tilt_deg = b->tilt_deg;
    pv->azimuth_deg = !isnan(b->azimuth_deg) ? b->azimuth_deg : b->latitude >= 0.0 ? 180.0 : 0.0;
  } else {
    struct wind_cfg *w = &plant->wind;
    double rated_before = w->turbine.rated_kw * w->count;
    w->has_distribution = 0; /* every row names its wind profile */
    if (*b->turbine && strcmp(b->turbine, w->turbine.name) != 0) {
      turbine_builtin(b->turbine, &w->turbine); /* batch_next() checked the name */
      w->hub_height_m = w->turbine.hub_height_m;
    }
    if (!isnan(b->hub_height_m))
      w->hub_height_m = b->hub_height_m;
    if (b->count > 0 && b->count != w->count) {
      /* One row of turbines at the template's spacing. */
      w->count = b->count;
      w->has_layout = 0;
      w->n_coords = 0;
      w->rows = 1;
      w->cols = b->count;
    }
    plant->capacity_mw_ac = plant->capacity_mw_dc = w->turbine.rated_kw * w->count / 1000.0;
    scale = rated_before > 0 ? w->turbine.rated_kw * w->count / rated_before : 1.0;
  }
  plant->econ.capex *= scale;
  plant->econ.fixed_om_per_year *= scale;
  return 0;
}
