/* Monthly values of a synthetic wind profile from a libconfig file; see
 * windsynth_cfg.h for the keys. */
#include "windsynth_cfg.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <libconfig.h>

#include "cfg_file.h"
#include "diag.h"
#include "text.h"

struct ctx {
  const char *path;
  struct diag *d;
  int errors;
};

static const char *const month_names[12] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December"
};

static const char *const known_keys[] = {
  "latitude", "longitude", "elevation", "utc_offset", "year", "seed", "source",
  "heights", "reference_height", "speed_m_s", "weibull_k", "shear_exponent",
  "autocorrelation", "diurnal_amplitude", "diurnal_peak_hour",
  "direction_prevailing", "direction_secondary", "kappa_prevailing",
  "kappa_secondary", "weight_prevailing", "direction_persistence", "temp_c",
  "temp_range_c", "temp_peak_hour"
};
#define N_KNOWN ((int)(sizeof known_keys / sizeof known_keys[0]))

static int line_of(const config_setting_t *s)
{
  int line = s ? (int)config_setting_source_line(s) : 0;

  return line > 0 ? line : 1;
}

static void err(struct ctx *c, const config_setting_t *s, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));

static void err(struct ctx *c, const config_setting_t *s, const char *fmt, ...)
{
  char msg[1024];
  va_list ap;

  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  diag_at(c->d, c->path, line_of(s), "%s", msg);
  c->errors++;
}

/* "a string", "a list", ... for the "got" part of a type error. */
static const char *type_name(const config_setting_t *s)
{
  switch (config_setting_type(s)) {
  case CONFIG_TYPE_INT:
  case CONFIG_TYPE_INT64:
    return "an integer";
  case CONFIG_TYPE_FLOAT:
    return "a number";
  case CONFIG_TYPE_STRING:
    return "a string";
  case CONFIG_TYPE_BOOL:
    return "a boolean";
  case CONFIG_TYPE_GROUP:
    return "a group";
  case CONFIG_TYPE_ARRAY:
    return "an array";
  case CONFIG_TYPE_LIST:
    return "a list";
  default:
    return "nothing";
  }
}

static int is_number(const config_setting_t *s)
{
  int t = config_setting_type(s);

  return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64 || t == CONFIG_TYPE_FLOAT;
}

static int is_list(const config_setting_t *s)
{
  int t = config_setting_type(s);

  return t == CONFIG_TYPE_ARRAY || t == CONFIG_TYPE_LIST;
}

static double number_of(const config_setting_t *s)
{
  if (config_setting_type(s) == CONFIG_TYPE_FLOAT)
    return config_setting_get_float(s);
  return (double)config_setting_get_int64(s);
}

/* A number key in lo..hi [unit]. Keeps *out when absent and optional.
 * Returns 1 when the key was given and valid, 0 otherwise. */
static int get_number(struct ctx *c, const config_setting_t *root, const char *key,
                      double lo, double hi, const char *unit, int required,
                      double *out)
{
  const config_setting_t *s = config_setting_get_member(root, key);
  double v;

  if (!s) {
    if (required)
      err(c, root, "%s: expected a number between %g and %g%s%s, got nothing", key,
          lo, hi, *unit ? " " : "", unit);
    return 0;
  }
  if (!is_number(s)) {
    err(c, s, "%s: expected a number between %g and %g%s%s, got %s", key, lo, hi,
        *unit ? " " : "", unit, type_name(s));
    return 0;
  }
  v = number_of(s);
  if (!(v >= lo && v <= hi)) {
    err(c, s, "%s: expected a number between %g and %g%s%s, got %g", key, lo, hi,
        *unit ? " " : "", unit, v);
    return 0;
  }
  *out = v;
  return 1;
}

static void get_integer(struct ctx *c, const config_setting_t *root, const char *key,
                        long long lo, long long hi, long long *out)
{
  const config_setting_t *s = config_setting_get_member(root, key);
  long long v;
  int t;

  if (!s)
    return;
  t = config_setting_type(s);
  if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64) {
    err(c, s, "%s: expected an integer between %lld and %lld, got %s", key, lo, hi,
        type_name(s));
    return;
  }
  v = config_setting_get_int64(s);
  if (v < lo || v > hi) {
    err(c, s, "%s: expected an integer between %lld and %lld, got %lld", key, lo, hi,
        v);
    return;
  }
  *out = v;
}

/* 12 monthly numbers in lo..hi; with scalar_ok a single number stands for
 * every month. */
static void get_months(struct ctx *c, const config_setting_t *root, const char *key,
                       double lo, double hi, int required, int scalar_ok,
                       double out[12])
{
  const config_setting_t *s = config_setting_get_member(root, key);
  const char *what = scalar_ok ? "a number or a list of 12 numbers" :
                                 "a list of 12 numbers";
  double v[12];
  int n, bad = 0;

  if (!s) {
    if (required)
      err(c, root, "%s: expected %s, got nothing", key, what);
    return;
  }
  if (scalar_ok && is_number(s)) {
    double x = number_of(s);

    if (!(x >= lo && x <= hi)) {
      err(c, s, "%s: expected a number between %g and %g, got %g", key, lo, hi, x);
      return;
    }
    for (int m = 0; m < 12; m++)
      out[m] = x;
    return;
  }
  if (!is_list(s)) {
    err(c, s, "%s: expected %s, got %s", key, what, type_name(s));
    return;
  }
  n = config_setting_length(s);
  if (n != 12) {
    err(c, s, "%s: expected %s, got %d element%s", key, what, n, n == 1 ? "" : "s");
    return;
  }
  for (int m = 0; m < 12; m++) {
    const config_setting_t *e = config_setting_get_elem(s, (unsigned)m);

    if (!is_number(e)) {
      err(c, e, "%s[%d]: expected a number between %g and %g (%s), got %s", key,
          m + 1, lo, hi, month_names[m], type_name(e));
      bad = 1;
      continue;
    }
    v[m] = number_of(e);
    if (!(v[m] >= lo && v[m] <= hi)) {
      err(c, e, "%s[%d]: expected a number between %g and %g (%s), got %g", key,
          m + 1, lo, hi, month_names[m], v[m]);
      bad = 1;
    }
  }
  if (!bad)
    memcpy(out, v, sizeof v);
}

/* heights: 1..4 ascending numbers in lo..hi m. */
static void get_heights(struct ctx *c, const config_setting_t *root, double lo,
                        double hi, struct windsynth_spec *spec)
{
  const config_setting_t *s = config_setting_get_member(root, "heights");
  double v[WINDSYNTH_HEIGHTS_MAX];
  int n, bad = 0;

  if (!s) {
    err(c, root, "heights: expected a list of 1 to %d heights in m, got nothing",
        WINDSYNTH_HEIGHTS_MAX);
    return;
  }
  if (!is_list(s)) {
    err(c, s, "heights: expected a list of 1 to %d heights in m, got %s",
        WINDSYNTH_HEIGHTS_MAX, type_name(s));
    return;
  }
  n = config_setting_length(s);
  if (n < 1 || n > WINDSYNTH_HEIGHTS_MAX) {
    err(c, s, "heights: expected a list of 1 to %d heights in m, got %d element%s",
        WINDSYNTH_HEIGHTS_MAX, n, n == 1 ? "" : "s");
    return;
  }
  for (int h = 0; h < n; h++) {
    const config_setting_t *e = config_setting_get_elem(s, (unsigned)h);

    if (!is_number(e)) {
      err(c, e, "heights[%d]: expected a number between %g and %g m, got %s", h + 1,
          lo, hi, type_name(e));
      bad = 1;
      continue;
    }
    v[h] = number_of(e);
    if (!(v[h] >= lo && v[h] <= hi)) {
      err(c, e, "heights[%d]: expected a number between %g and %g m, got %g", h + 1,
          lo, hi, v[h]);
      bad = 1;
    } else if (h > 0 && !bad && !(v[h] > v[h - 1])) {
      err(c, e, "heights[%d]: expected a height above heights[%d] = %g m, got %g",
          h + 1, h, v[h - 1], v[h]);
      bad = 1;
    }
  }
  if (bad)
    return;
  spec->nh = n;
  memcpy(spec->height_m, v, (size_t)n * sizeof v[0]);
}

static void get_source(struct ctx *c, const config_setting_t *root, char *out,
                       size_t size)
{
  const config_setting_t *s = config_setting_get_member(root, "source");
  const char *v;
  size_t len;
  char why[96];

  if (!s) {
    err(c, root, "source: expected a string naming where the monthly values come "
        "from, got nothing");
    return;
  }
  if (config_setting_type(s) != CONFIG_TYPE_STRING) {
    err(c, s, "source: expected a string, got %s", type_name(s));
    return;
  }
  v = config_setting_get_string(s);
  len = strlen(v);
  if (len == 0 || len >= size || strpbrk(v, "\r\n")) {
    err(c, s, "source: expected one line of 1 to %zu characters, got %zu%s",
        size - 1, len, strpbrk(v, "\r\n") ? " with a line break" : "");
    return;
  }
  if (text_utf8_problem(v, why, sizeof why)) {
    err(c, s, "source: %s", why);
    return;
  }
  memcpy(out, v, len + 1);
}

static void check_unknown(struct ctx *c, const config_setting_t *root)
{
  int n = config_setting_length(root);

  for (int i = 0; i < n; i++) {
    const config_setting_t *s = config_setting_get_elem(root, (unsigned)i);
    const char *name = config_setting_name(s);
    int known = 0;

    for (int k = 0; k < N_KNOWN && !known; k++)
      known = name && strcmp(name, known_keys[k]) == 0;
    if (!known)
      err(c, s, "%s: expected one of latitude, longitude, elevation, utc_offset, "
          "year, seed, source, heights, reference_height, speed_m_s, weibull_k, "
          "shear_exponent, autocorrelation, diurnal_amplitude, diurnal_peak_hour, "
          "direction_prevailing, direction_secondary, kappa_prevailing, "
          "kappa_secondary, weight_prevailing, direction_persistence, temp_c, "
          "temp_range_c, temp_peak_hour, got an unknown key", name ? name : "?");
  }
}

int windsynth_cfg_read(const char *path, struct windsynth_spec *spec, struct diag *d)
{
  struct ctx c = {path, d, 0};
  const config_setting_t *root;
  long long year = 2023, seed = 1;
  config_t cfg;

  memset(spec, 0, sizeof *spec);
  spec->year = 2023;
  spec->seed = 1;
  spec->utc_offset_h = NAN;
  spec->ref_height_m = NAN;
  spec->shear_alpha = 1.0 / 7.0;
  spec->phi = 0.9;              /* Brown, Katz and Murphy (1984) */
  spec->diurnal_amplitude = 0.0;
  spec->diurnal_peak_h = 15.0;
  spec->dir_secondary_deg = NAN;
  spec->kappa_prevailing = 2.0;
  spec->kappa_secondary = 2.0;
  spec->dir_phi = 0.9;
  spec->temp_peak_h = 15.0;
  for (int m = 0; m < 12; m++) {
    spec->weight_prevailing[m] = 1.0;
    spec->temp_range_c[m] = 8.0;
  }

  config_init(&cfg);
  if (cfg_file_read(&cfg, path, d) != 0) {
    config_destroy(&cfg);
    return -1;
  }

  root = config_root_setting(&cfg);
  check_unknown(&c, root);
  get_number(&c, root, "latitude", -90.0, 90.0, "degrees", 1, &spec->latitude);
  get_number(&c, root, "longitude", -180.0, 180.0, "degrees", 1, &spec->longitude);
  get_number(&c, root, "elevation", -500.0, 9000.0, "m", 0, &spec->elevation_m);
  get_number(&c, root, "utc_offset", -12.0, 14.0, "h", 0, &spec->utc_offset_h);
  get_integer(&c, root, "year", 1900, 2100, &year);
  get_integer(&c, root, "seed", 0, INT64_MAX, &seed);
  spec->year = (int)year;
  spec->seed = (uint64_t)seed;
  get_source(&c, root, spec->source, sizeof spec->source);
  get_heights(&c, root, 1.0, 500.0, spec);
  get_number(&c, root, "reference_height", 1.0, 500.0, "m", 0, &spec->ref_height_m);
  get_months(&c, root, "speed_m_s", 0.5, 25.0, 1, 0, spec->speed_m_s);
  get_months(&c, root, "weibull_k", 1.0, 5.0, 1, 1, spec->weibull_k);
  get_number(&c, root, "shear_exponent", 0.0, 0.6, "", 0, &spec->shear_alpha);
  get_number(&c, root, "autocorrelation", 0.0, 0.99, "", 0, &spec->phi);
  get_number(&c, root, "diurnal_amplitude", 0.0, 0.5, "", 0, &spec->diurnal_amplitude);
  get_number(&c, root, "diurnal_peak_hour", 0.0, 24.0, "h", 0, &spec->diurnal_peak_h);
  get_number(&c, root, "direction_prevailing", 0.0, 360.0, "degrees", 1,
             &spec->dir_prevailing_deg);
  get_number(&c, root, "direction_secondary", 0.0, 360.0, "degrees", 0,
             &spec->dir_secondary_deg);
  get_number(&c, root, "kappa_prevailing", 0.1, 50.0, "", 0, &spec->kappa_prevailing);
  get_number(&c, root, "kappa_secondary", 0.1, 50.0, "", 0, &spec->kappa_secondary);
  get_months(&c, root, "weight_prevailing", 0.0, 1.0, 0, 1, spec->weight_prevailing);
  get_number(&c, root, "direction_persistence", 0.0, 0.99, "", 0, &spec->dir_phi);
  get_months(&c, root, "temp_c", -60.0, 60.0, 1, 0, spec->temp_c);
  get_months(&c, root, "temp_range_c", 0.0, 40.0, 0, 0, spec->temp_range_c);
  get_number(&c, root, "temp_peak_hour", 0.0, 24.0, "h", 0, &spec->temp_peak_h);

  if (isnan(spec->utc_offset_h))
    spec->utc_offset_h = round(spec->longitude / 15.0);
  if (isnan(spec->ref_height_m))
    spec->ref_height_m = spec->nh > 0 ? spec->height_m[0] : 100.0;
  if (isnan(spec->dir_secondary_deg))
    spec->dir_secondary_deg = fmod(spec->dir_prevailing_deg + 180.0, 360.0);
  config_destroy(&cfg);
  return c.errors ? -1 : 0;
}
