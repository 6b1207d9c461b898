/* Monthly means of a synthetic profile from a libconfig file; see
 * synth_cfg.h for the keys. */
#include "synth_cfg.h"

#include <math.h>
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
  "latitude", "longitude", "elevation", "utc_offset", "year", "seed",
  "variability", "source", "ghi_kwh_m2_day", "temp_c", "temp_range_c",
  "wind_m_s", "linke"
};
#define N_KNOWN ((int)(sizeof known_keys / sizeof known_keys[0]))

static int line_of(const config_setting_t *s)
{
  int line = s ? (int)config_setting_source_line(s) : 0;
  return line > 0 ? line : 1;
}

#define ERR(c, s, ...) \
  do { \
    diag_at((c)->d, (c)->path, line_of(s), __VA_ARGS__); \
    (c)->errors++; \
  } while (0)

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

static double number_of(const config_setting_t *s)
{
  if (config_setting_type(s) == CONFIG_TYPE_FLOAT)
    return config_setting_get_float(s);
  return (double)config_setting_get_int64(s);
}

/* A scalar number key in lo..hi. Keeps *out when the key is absent and
 * not required. */
static void get_number(struct ctx *c, const config_setting_t *root, const char *key,
                       double lo, double hi, int required, double *out)
{
  const config_setting_t *s = config_setting_get_member(root, key);
  if (!s) {
    if (required)
      ERR(c, root, "%s: expected a number between %g and %g, got nothing", key, lo, hi);
    return;
  }
  if (!is_number(s)) {
    ERR(c, s, "%s: expected a number between %g and %g, got %s", key, lo, hi,
        type_name(s));
    return;
  }
  double v = number_of(s);
  if (!(v >= lo && v <= hi)) {
    ERR(c, s, "%s: expected a number between %g and %g, got %g", key, lo, hi, v);
    return;
  }
  *out = v;
}

/* An integer key in lo..hi. */
static void get_integer(struct ctx *c, const config_setting_t *root, const char *key,
                        long long lo, long long hi, long long *out)
{
  const config_setting_t *s = config_setting_get_member(root, key);
  if (!s)
    return;
  int t = config_setting_type(s);
  if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64) {
    ERR(c, s, "%s: expected an integer between %lld and %lld, got %s", key, lo, hi,
        type_name(s));
    return;
  }
  long long v = config_setting_get_int64(s);
  if (v < lo || v > hi) {
    ERR(c, s, "%s: expected an integer between %lld and %lld, got %lld", key, lo,
        hi, v);
    return;
  }
  *out = v;
}

/* A 12-element array or list of numbers, each in lo..hi. */
static void get_months(struct ctx *c, const config_setting_t *root, const char *key,
                       double lo, double hi, int required, double out[12])
{
  const config_setting_t *s = config_setting_get_member(root, key);
  if (!s) {
    if (required)
      ERR(c, root, "%s: expected a list of 12 numbers, got nothing", key);
    return;
  }
  int t = config_setting_type(s);
  if (t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST) {
    ERR(c, s, "%s: expected a list of 12 numbers, got %s", key, type_name(s));
    return;
  }
  int n = config_setting_length(s);
  if (n != 12) {
    ERR(c, s, "%s: expected a list of 12 numbers, got %d element%s", key, n,
        n == 1 ? "" : "s");
    return;
  }
  double v[12];
  int bad = 0;
  for (int m = 0; m < 12; m++) {
    const config_setting_t *e = config_setting_get_elem(s, (unsigned)m);
    if (!is_number(e)) {
      ERR(c, e, "%s[%d]: expected a number between %g and %g (%s), got %s", key,
          m + 1, lo, hi, month_names[m], type_name(e));
      bad = 1;
      continue;
    }
    v[m] = number_of(e);
    if (!(v[m] >= lo && v[m] <= hi)) {
      ERR(c, e, "%s[%d]: expected a number between %g and %g (%s), got %g", key,
          m + 1, lo, hi, month_names[m], v[m]);
      bad = 1;
    }
  }
  if (!bad)
    memcpy(out, v, sizeof v);
}

static void get_source(struct ctx *c, const config_setting_t *root, char *out,
                       size_t size)
{
  const config_setting_t *s = config_setting_get_member(root, "source");
  if (!s) {
    ERR(c, root, "source: expected a string naming where the monthly means "
        "come from, got nothing");
    return;
  }
  if (config_setting_type(s) != CONFIG_TYPE_STRING) {
    ERR(c, s, "source: expected a string, got %s", type_name(s));
    return;
  }
  const char *v = config_setting_get_string(s);
  size_t len = strlen(v);
  char why[96];
  if (len == 0 || len >= size) {
    ERR(c, s, "source: expected a string of 1 to %zu characters, got %zu", size - 1,
        len);
    return;
  }
  if (text_utf8_problem(v, why, sizeof why)) {
    ERR(c, s, "source: %s", why);
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
      ERR(c, s, "%s: expected one of latitude, longitude, elevation, utc_offset, "
          "year, seed, variability, source, ghi_kwh_m2_day, temp_c, "
          "temp_range_c, wind_m_s, linke, got an unknown key", name ? name : "?");
  }
}

int synth_cfg_read(const char *path, struct synth_spec *spec, struct diag *d)
{
  struct ctx c = {path, d, 0};
  config_t cfg;

  memset(spec, 0, sizeof *spec);
  spec->year = 2023;
  spec->seed = 1;
  spec->variability = 1.0; /* the published spread */
  spec->utc_offset_h = NAN;
  for (int m = 0; m < 12; m++) {
    spec->temp_range_c[m] = 10.0;
    spec->wind_m_s[m] = 2.0;
    spec->linke[m] = 3.0;
  }

  config_init(&cfg);
  if (cfg_file_read(&cfg, path, d) != 0) {
    config_destroy(&cfg);
    return -1;
  }

  const config_setting_t *root = config_root_setting(&cfg);
  check_unknown(&c, root);
  get_number(&c, root, "latitude", -90.0, 90.0, 1, &spec->latitude);
  get_number(&c, root, "longitude", -180.0, 180.0, 1, &spec->longitude);
  get_number(&c, root, "elevation", -500.0, 9000.0, 0, &spec->elevation_m);
  get_number(&c, root, "utc_offset", -12.0, 14.0, 0, &spec->utc_offset_h);
  long long year = spec->year, seed = 1;
  get_integer(&c, root, "year", 1900, 2100, &year);
  get_integer(&c, root, "seed", 0, INT64_MAX, &seed);
  spec->year = (int)year;
  spec->seed = (uint64_t)seed;
  get_number(&c, root, "variability", 0.0, 1.0, 0, &spec->variability);
  get_source(&c, root, spec->source, sizeof spec->source);
  get_months(&c, root, "ghi_kwh_m2_day", 0.1, 12.0, 1, spec->ghi_kwh_m2_day);
  get_months(&c, root, "temp_c", -60.0, 60.0, 1, spec->temp_c);
  get_months(&c, root, "temp_range_c", 0.0, 40.0, 0, spec->temp_range_c);
  get_months(&c, root, "wind_m_s", 0.0, 40.0, 0, spec->wind_m_s);
  get_months(&c, root, "linke", 1.5, 8.0, 0, spec->linke);
  if (isnan(spec->utc_offset_h))
    spec->utc_offset_h = round(spec->longitude / 15.0);

  /* Only a consistent spec can be compared with clear sky. */
  if (c.errors == 0) {
    double cs[12];
    if (synth_clearsky_monthly(spec, cs) != 0) {
      diag_msg(d, "out of memory");
      c.errors++;
    } else {
      const config_setting_t *s = config_setting_get_member(root, "ghi_kwh_m2_day");
      for (int m = 0; m < 12; m++)
        if (spec->ghi_kwh_m2_day[m] > cs[m])
          ERR(&c, config_setting_get_elem(s, (unsigned)m),
              "ghi_kwh_m2_day[%d]: expected at most the clear-sky %.2f kWh/m2/day "
              "of %s at this site with linke %g, got %g", m + 1, cs[m],
              month_names[m], spec->linke[m], spec->ghi_kwh_m2_day[m]);
    }
  }
  config_destroy(&cfg);
  return c.errors ? -1 : 0;
}
