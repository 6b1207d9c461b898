/* Site file reading and validation; see site_cfg.h and site_keys.c. */
#include "site_cfg.h"

#include <errno.h>
#include <libconfig.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cfg_describe.h"
#include "cfg_file.h"
#include "diag.h"
#include "factors.h"
#include "path.h"
#include "site_keys.h"
#include "text.h"
#include "uncertainty.h"
#include "wind.h"

struct ctx {
  const char *path;  /* the site file, for messages */
  struct diag *d;
  int errors;
  enum key_plant plant; /* type of the plant being checked */
  int template;         /* a batch template: profiles are named per row */
};

/* ---- messages ------------------------------------------------------------ */

static const char *file_of(const struct ctx *c, const config_setting_t *s)
{
  const char *f = s ? config_setting_source_file(s) : NULL;
  return f ? f : c->path;
}

static int line_of(const config_setting_t *s)
{
  int line = s ? (int)config_setting_source_line(s) : 0;
  return line > 0 ? line : 1;
}

/* A setting made by --set has no line; the root group has none either, but
 * belongs to the file. */
static int from_command_line(const config_setting_t *s)
{
  return s && !config_setting_is_root(s) && config_setting_source_line(s) == 0;
}

__attribute__((format(printf, 3, 4)))
static void report(struct ctx *c, const config_setting_t *s, const char *fmt, ...)
{
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (from_command_line(s))
    diag_msg(c->d, "--set %s", msg);
  else
    diag_at(c->d, file_of(c, s), line_of(s), "%s", msg);
  c->errors++;
}

#define ERR(c, s, ...) report(c, s, __VA_ARGS__)

/* Any string of a site file may reach an output: UTF-8 only. */
static void check_text(struct ctx *c, const config_setting_t *s, const char *key, const char *v)
{
  char why[96];
  if (text_utf8_problem(v, why, sizeof why))
    ERR(c, s, "%s: %s", key, why);
}

static int is_number(const config_setting_t *s)
{
  int t = config_setting_type(s);
  return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64 || t == CONFIG_TYPE_FLOAT;
}

static double number_of(const config_setting_t *s)
{
  switch (config_setting_type(s)) {
  case CONFIG_TYPE_INT:
    return config_setting_get_int(s);
  case CONFIG_TYPE_INT64:
    return (double)config_setting_get_int64(s);
  default:
    return config_setting_get_float(s);
  }
}

static void expectation(const struct site_key *k, char *buf, size_t n)
{
  const char *unit = k->unit && *k->unit ? " " : "";
  switch (k->type) {
  case KEY_FLOAT:
    snprintf(buf, n, "a number between %g and %g%s%s", k->lo, k->hi, unit, k->unit);
    break;
  case KEY_INT:
    snprintf(buf, n, "an integer between %g and %g%s%s", k->lo, k->hi, unit, k->unit);
    break;
  case KEY_STRING:
    snprintf(buf, n, "a string");
    break;
  case KEY_CHOICE: {
    char list[256];
    snprintf(list, sizeof list, "%s", k->choices);
    for (char *p = list; *p; p++)
      if (*p == '|')
        *p = '/';
    snprintf(buf, n, "one of %s", list);
    break;
  }
  case KEY_GROUP:
    snprintf(buf, n, "a group { ... }");
    break;
  case KEY_LIST:
    snprintf(buf, n, "a list ( { ... }, ... )");
    break;
  case KEY_BOOL:
    snprintf(buf, n, "true or false");
    break;
  case KEY_STRINGS:
    snprintf(buf, n, "a list of strings [ \"...\", ... ]");
    break;
  case KEY_NUMBERS:
    snprintf(buf, n, "a list of numbers [ ... ] between %g and %g%s%s", k->lo, k->hi, unit,
             k->unit);
    break;
  case KEY_MONTHS:
    snprintf(buf, n, "12 numbers [Jan, ..., Dec] between %g and %g%s%s", k->lo, k->hi, unit,
             k->unit);
    break;
  }
}

static int choice_ok(const char *choices, const char *v)
{
  size_t len = strlen(v);
  for (const char *p = choices; *p;) {
    const char *bar = strchr(p, '|');
    size_t n = bar ? (size_t)(bar - p) : strlen(p);
    if (n == len && strncmp(p, v, n) == 0)
      return 1;
    if (!bar)
      break;
    p = bar + 1;
  }
  return 0;
}

/* ---- schema walk ----------------------------------------------------------- */

static void check_group(struct ctx *c, const config_setting_t *g, const char *schema,
                        const char *keypath);

static void check_value(struct ctx *c, const config_setting_t *s, const struct site_key *k,
                        const char *key)
{
  char exp[320], got[160];
  expectation(k, exp, sizeof exp);
  cfg_describe(s, got, sizeof got);
  int t = config_setting_type(s);
  switch (k->type) {
  case KEY_FLOAT:
  case KEY_INT: {
    if (!is_number(s) || (k->type == KEY_INT && t == CONFIG_TYPE_FLOAT)) {
      ERR(c, s, "%s: expected %s, got %s", key, exp, got);
      return;
    }
    double v = number_of(s);
    if (!(v >= k->lo && v <= k->hi))
      ERR(c, s, "%s: expected %s, got %s", key, exp, got);
    return;
  }
  case KEY_STRING:
    if (t != CONFIG_TYPE_STRING)
      ERR(c, s, "%s: expected %s, got %s", key, exp, got);
    else
      check_text(c, s, key, config_setting_get_string(s));
    return;
  case KEY_BOOL:
    if (t != CONFIG_TYPE_BOOL)
      ERR(c, s, "%s: expected %s, got %s", key, exp, got);
    return;
  case KEY_CHOICE:
    if (t != CONFIG_TYPE_STRING || !choice_ok(k->choices, config_setting_get_string(s)))
      ERR(c, s, "%s: expected %s, got %s", key, exp, got);
    return;
  case KEY_GROUP: {
    if (t != CONFIG_TYPE_GROUP) {
      ERR(c, s, "%s: expected %s, got %s", key, exp, got);
      return;
    }
    char schema[128];
    snprintf(schema, sizeof schema, "%s%s%s", k->group, *k->group ? "." : "", k->name);
    check_group(c, s, schema, key);
    return;
  }
  case KEY_STRINGS: {
    if ((t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST) || config_setting_length(s) == 0) {
      ERR(c, s, "%s: expected %s, got %s", key, exp, got);
      return;
    }
    for (int m = 0; m < config_setting_length(s); m++) {
      const config_setting_t *e = config_setting_get_elem(s, (unsigned)m);
      if (config_setting_type(e) != CONFIG_TYPE_STRING) {
        cfg_describe(e, got, sizeof got);
        ERR(c, e, "%s[%d]: expected a string, got %s", key, m, got);
      } else {
        char sub[400];
        snprintf(sub, sizeof sub, "%s[%d]", key, m);
        check_text(c, e, sub, config_setting_get_string(e));
      }
    }
    return;
  }
  case KEY_NUMBERS: {
    if ((t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST) || config_setting_length(s) == 0) {
      ERR(c, s, "%s: expected %s, got %s", key, exp, got);
      return;
    }
    for (int m = 0; m < config_setting_length(s); m++) {
      const config_setting_t *e = config_setting_get_elem(s, (unsigned)m);
      cfg_describe(e, got, sizeof got);
      if (!is_number(e) || !(number_of(e) >= k->lo && number_of(e) <= k->hi))
        ERR(c, e, "%s[%d]: expected a number between %g and %g%s%s, got %s", key, m, k->lo,
            k->hi, *k->unit ? " " : "", k->unit, got);
    }
    return;
  }
  case KEY_MONTHS: {
    if ((t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST) || config_setting_length(s) != 12) {
      if (t == CONFIG_TYPE_ARRAY || t == CONFIG_TYPE_LIST)
        snprintf(got, sizeof got, "%d values", config_setting_length(s));
      ERR(c, s, "%s: expected %s, got %s", key, exp, got);
      return;
    }
    for (int m = 0; m < 12; m++) {
      const config_setting_t *e = config_setting_get_elem(s, (unsigned)m);
      cfg_describe(e, got, sizeof got);
      if (!is_number(e) || !(number_of(e) >= k->lo && number_of(e) <= k->hi))
        ERR(c, e, "%s[%d]: expected a number between %g and %g%s%s, got %s", key, m + 1, k->lo,
            k->hi, *k->unit ? " " : "", k->unit, got);
    }
    return;
  }
  case KEY_LIST: {
    if (t != CONFIG_TYPE_LIST || config_setting_length(s) == 0) {
      ERR(c, s, "%s: expected %s with at least one entry, got %s%s", key, exp,
          t == CONFIG_TYPE_LIST ? "an empty " : "", t == CONFIG_TYPE_LIST ? "list" : got);
      return;
    }
    for (int i = 0; i < config_setting_length(s); i++) {
      const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
      char sub[400];
      snprintf(sub, sizeof sub, "%s[%d]", key, i);
      if (config_setting_type(e) != CONFIG_TYPE_GROUP) {
        cfg_describe(e, got, sizeof got);
        ERR(c, e, "%s: expected a group { ... }, got %s", sub, got);
        continue;
      }
      char schema[128];
      snprintf(schema, sizeof schema, "%s%s%s", k->group, *k->group ? "." : "", k->name);
      check_group(c, e, schema, sub);
    }
    return;
  }
  }
}

/* The plant type a plants[] entry declares (pv when unknown: its own error
 * is reported by the type key's check). */
static enum key_plant plant_type_of(const config_setting_t *g)
{
  const char *t = NULL;
  config_setting_lookup_string(g, "type", &t);
  return !t                             ? KEY_PLANT_PV
         : strcmp(t, "wind") == 0      ? KEY_PLANT_WIND
         : strcmp(t, "biomass") == 0   ? KEY_PLANT_BIOMASS
                                        : KEY_PLANT_PV;
}

static const char *plant_type_name(enum key_plant p)
{
  return p == KEY_PLANT_WIND      ? "wind"
         : p == KEY_PLANT_BIOMASS ? "biomass"
         : p == KEY_PLANT_PV_WIND ? "pv\" or \"wind"
                                  : "pv";
}

/* Whether a key meant for plants of type only may appear in a plant of
 * type plant. */
static int plant_key_fits(enum key_plant only, enum key_plant plant)
{
  return only == KEY_PLANT_ANY || only == plant ||
         (only == KEY_PLANT_PV_WIND && (plant == KEY_PLANT_PV || plant == KEY_PLANT_WIND));
}

static void check_group(struct ctx *c, const config_setting_t *g, const char *schema,
                        const char *keypath)
{
  char key[320];
  if (strcmp(schema, "plants") == 0)
    c->plant = plant_type_of(g);
  for (int i = 0; i < config_setting_length(g); i++) {
    const config_setting_t *s = config_setting_get_elem(g, (unsigned)i);
    const char *name = config_setting_name(s);
    snprintf(key, sizeof key, "%s%s%s", keypath, *keypath ? "." : "", name);
    const struct site_key *k = site_key_find(schema, name);
    if (!k) {
      char near_buf[128];
      const char *near = site_key_suggest(schema, name, near_buf, sizeof near_buf);
      if (near)
        ERR(c, s, "%s: expected a known key (did you mean '%s'?), got '%s'", key, near, name);
      else
        ERR(c, s, "%s: expected a known key (see docs/site-file.md), got '%s'", key, name);
      continue;
    }
    enum key_plant only = site_key_plant(k);
    if (!plant_key_fits(only, c->plant)) {
      ERR(c, s, "%s: expected only in type = \"%s\" plants, got it in a %s plant", key,
          plant_type_name(only), plant_type_name(c->plant));
      continue;
    }
    check_value(c, s, k, key);
  }
  for (const struct site_key *k = site_keys; k->name; k++) {
    if (!k->required || strcmp(k->group, schema) != 0 || config_setting_get_member(g, k->name))
      continue;
    if (!plant_key_fits(site_key_plant(k), c->plant))
      continue;
    char exp[320];
    expectation(k, exp, sizeof exp);
    snprintf(key, sizeof key, "%s%s%s", keypath, *keypath ? "." : "", k->name);
    ERR(c, g, "%s: expected %s, got nothing (the key is required)", key, exp);
  }
}

/* ---- typed look-ups with schema defaults ------------------------------------ */

static double get_num(const config_setting_t *g, const char *schema, const char *name)
{
  const config_setting_t *s = g ? config_setting_get_member(g, name) : NULL;
  if (s && is_number(s))
    return number_of(s);
  const struct site_key *k = site_key_find(schema, name);
  return k ? k->def : NAN;
}

/* A boolean key, or its default (-1 in the schema: "not given"). */
static int get_bool(const config_setting_t *g, const char *schema, const char *name)
{
  const config_setting_t *s = g ? config_setting_get_member(g, name) : NULL;
  if (s && config_setting_type(s) == CONFIG_TYPE_BOOL)
    return config_setting_get_bool(s);
  const struct site_key *k = site_key_find(schema, name);
  return k ? (int)k->def : 0;
}

static const char *get_str(const config_setting_t *g, const char *schema, const char *name)
{
  const config_setting_t *s = g ? config_setting_get_member(g, name) : NULL;
  if (s && config_setting_type(s) == CONFIG_TYPE_STRING)
    return config_setting_get_string(s);
  const struct site_key *k = site_key_find(schema, name);
  return k && k->def_str ? k->def_str : "";
}

static void copy_str(char *dst, size_t n, const char *src)
{
  text_copy(dst, n, src);
}

/* ---- building the site --------------------------------------------------- */

/* The DC loss tree: one lumped figure, or the components of the losses
 * group with PVWatts v5 defaults. */
static void build_losses(struct ctx *c, const config_setting_t *g, const char *key,
                         struct pv_params *pv)
{
  static const struct {
    enum pv_loss l;
    const char *name;
  } parts[] = {
    { PV_LOSS_SOILING, "soiling_percent" },   { PV_LOSS_SHADING, "shading_percent" },
    { PV_LOSS_SNOW, "snow_percent" },         { PV_LOSS_MISMATCH, "mismatch_percent" },
    { PV_LOSS_WIRING, "wiring_percent" },     { PV_LOSS_CONNECTIONS, "connections_percent" },
    { PV_LOSS_LID, "lid_percent" },           { PV_LOSS_NAMEPLATE, "nameplate_percent" },
    { PV_LOSS_AVAILABILITY, "availability_percent" },
  };
  const config_setting_t *lumped = config_setting_get_member(g, "losses_percent");
  const config_setting_t *tree = config_setting_get_member(g, "losses");
  memset(pv->loss_frac, 0, sizeof pv->loss_frac);
  pv->soiling_by_month = 0;
  if (lumped && tree)
    ERR(c, tree, "%s.losses: expected either losses_percent or a losses group, got both", key);
  if (lumped) {
    pv->loss_frac[PV_LOSS_LUMPED] = get_num(g, "plants", "losses_percent") / 100.0;
    return;
  }
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
    pv->loss_frac[parts[i].l] = get_num(tree, "plants.losses", parts[i].name) / 100.0;
  const config_setting_t *monthly = tree ? config_setting_get_member(tree, "soiling_monthly_percent")
                                         : NULL;
  if (monthly && config_setting_get_member(tree, "soiling_percent"))
    ERR(c, monthly, "%s.losses.soiling_monthly_percent: expected either soiling_percent or "
        "soiling_monthly_percent, got both", key);
  if (monthly && config_setting_length(monthly) == 12) {
    pv->soiling_by_month = 1;
    for (int m = 0; m < 12; m++) {
      const config_setting_t *e = config_setting_get_elem(monthly, (unsigned)m);
      pv->soiling_month_frac[m] = is_number(e) ? number_of(e) / 100.0 : 0.0;
    }
  }
}

/* Mounting: fixed racks (tilt, azimuth) or trackers (axis, limit,
 * backtracking), rows (gcr) and their self-shading. */
static void build_array(struct ctx *c, const config_setting_t *arr, const char *key,
                        struct pv_params *pv)
{
  const char *mount = get_str(arr, "plants.array", "mount");
  pv->mount = strcmp(mount, "single_axis") == 0 ? PV_MOUNT_SINGLE_AXIS
              : strcmp(mount, "two_axis") == 0  ? PV_MOUNT_TWO_AXIS
                                                : PV_MOUNT_FIXED;
  pv->racking = strcmp(get_str(arr, "plants.array", "racking"), "roof") == 0 ? PV_RACK_ROOF
                                                                             : PV_RACK_OPEN;
  pv->tilt_deg = get_num(arr, "plants.array", "tilt");
  pv->azimuth_deg = get_num(arr, "plants.array", "azimuth");
  pv->gcr = get_num(arr, "plants.array", "gcr");
  pv->track = (struct tracking_params){
    .axis_tilt_deg = get_num(arr, "plants.array", "axis_tilt"),
    .axis_azimuth_deg = get_num(arr, "plants.array", "axis_azimuth"),
    .max_angle_deg = get_num(arr, "plants.array", "max_angle"),
    .backtrack = get_bool(arr, "plants.array", "backtrack"),
    .gcr = pv->gcr,
  };
  int shading = get_bool(arr, "plants.array", "self_shading");
  pv->self_shading = shading < 0 ? pv->model == PV_MODEL_PVWATTS_V8 : shading;
  if (!arr)
    return;
  /* Keys that belong to another mount are mistakes worth a message. */
  static const char *const fixed_only[] = { "tilt", "azimuth", "racking" };
  static const char *const tracker_only[] = { "axis_tilt", "axis_azimuth", "max_angle",
                                              "backtrack" };
  for (size_t i = 0; i < 3 && pv->mount != PV_MOUNT_FIXED; i++) {
    const config_setting_t *s = config_setting_get_member(arr, fixed_only[i]);
    if (s)
      ERR(c, s, "%s.array.%s: expected only with mount = \"fixed\", got it with %s", key,
          fixed_only[i], mount);
  }
  for (size_t i = 0; i < 4 && pv->mount != PV_MOUNT_SINGLE_AXIS; i++) {
    const config_setting_t *s = config_setting_get_member(arr, tracker_only[i]);
    if (s)
      ERR(c, s, "%s.array.%s: expected only with mount = \"single_axis\", got it with %s", key,
          tracker_only[i], mount);
  }
}

/* A wind plant: turbine (built-in or curve file), count and layout, shear,
 * density correction, wakes and losses. */
static void build_wind(struct ctx *c, struct site *site, const config_setting_t *g,
                       const char *key, struct plant_cfg *p)
{
  struct wind_cfg *w = &p->wind;
  const config_setting_t *tg = config_setting_get_member(g, "turbine");
  const char *tname = get_str(tg, "plants.turbine", "name");
  const char *curve = get_str(tg, "plants.turbine", "power_curve");
  if (*tname && *curve) {
    ERR(c, tg, "%s.turbine: expected either name or power_curve, got both", key);
    return;
  }
  if (*tname) {
    if (turbine_builtin(tname, &w->turbine) != 0) {
      char known[512] = "";
      const char *const *names = turbine_builtin_names();
      for (int i = 0; names[i]; i++)
        snprintf(known + strlen(known), sizeof known - strlen(known), "%s\"%s\"", i ? ", " : "",
                 names[i]);
      ERR(c, config_setting_get_member(tg, "name"), "%s.turbine.name: expected one of %s, got \"%s\"",
          key, known, tname);
      return;
    }
  } else if (*curve) {
    char path[SITE_PATH_MAX];
    path_resolve(site->path, curve, path, sizeof path);
    if (turbine_read_csv(path, &w->turbine, c->d) != 0) {
      c->errors++;
      return;
    }
    snprintf(w->curve_path, sizeof w->curve_path, "%s", path);
    if (!config_setting_get_member(tg, "rotor_diameter"))
      ERR(c, tg, "%s.turbine.rotor_diameter: expected a number between 5 and 300 m with a "
          "power_curve file, got nothing", key);
  } else if (tg) {
    ERR(c, tg, "%s.turbine: expected name or power_curve, got neither", key);
    return;
  } else {
    return; /* the missing group is reported by the schema */
  }
  struct turbine *t = &w->turbine;
  if (config_setting_get_member(tg, "rotor_diameter"))
    t->rotor_diameter_m = get_num(tg, "plants.turbine", "rotor_diameter");
  if (config_setting_get_member(tg, "rated_kw"))
    t->rated_kw = get_num(tg, "plants.turbine", "rated_kw");
  if (config_setting_get_member(tg, "cut_out"))
    t->cut_out_ms = get_num(tg, "plants.turbine", "cut_out");
  w->hub_height_m = config_setting_get_member(tg, "hub_height")
                      ? get_num(tg, "plants.turbine", "hub_height")
                      : t->hub_height_m;
  if (!(w->hub_height_m > 0))
    ERR(c, tg, "%s.turbine.hub_height: expected a number between 10 and 300 m (turbine %s gives "
        "none), got nothing", key, t->name);
  const config_setting_t *where = config_setting_get_member(tg, "power_curve");
  if (turbine_check(t, *curve ? config_setting_source_file(where) ? config_setting_source_file(where)
                                                                  : c->path
                              : "built-in turbine",
                    *curve ? line_of(where) : 0, c->d) != 0)
    c->errors++;

  w->count = (int)get_num(g, "plants", "count");
  const config_setting_t *lay = config_setting_get_member(g, "layout");
  w->has_layout = lay != NULL;
  const config_setting_t *xs = lay ? config_setting_get_member(lay, "x") : NULL;
  const config_setting_t *ys = lay ? config_setting_get_member(lay, "y") : NULL;
  w->n_coords = 0;
  if (xs || ys) {
    int nx = xs ? config_setting_length(xs) : 0, ny = ys ? config_setting_length(ys) : 0;
    if (nx != w->count || ny != w->count)
      ERR(c, xs ? xs : ys, "%s.layout: expected x and y with one value per turbine (%d), got %d "
          "and %d", key, w->count, nx, ny);
    else if (config_setting_get_member(lay, "rows") || config_setting_get_member(lay, "columns"))
      ERR(c, lay, "%s.layout: expected either rows and columns or x and y, got both", key);
    else
      for (int k = 0; k < w->count && k < WIND_COORDS_MAX; k++) {
        w->x_m[k] = number_of(config_setting_get_elem(xs, (unsigned)k));
        w->y_m[k] = number_of(config_setting_get_elem(ys, (unsigned)k));
        w->n_coords = k + 1;
      }
  }
  w->rows = (int)get_num(lay, "plants.layout", "rows");
  w->cols = (int)get_num(lay, "plants.layout", "columns");
  w->row_spacing_d = get_num(lay, "plants.layout", "row_spacing");
  w->col_spacing_d = get_num(lay, "plants.layout", "column_spacing");
  w->orientation_deg = get_num(lay, "plants.layout", "orientation");
  if (lay && !xs && !ys && w->rows * w->cols != w->count)
    ERR(c, lay, "%s.layout: expected rows x columns = count (%d), got %d x %d", key, w->count,
        w->rows, w->cols);

  const config_setting_t *sh = config_setting_get_member(g, "shear");
  const char *model = get_str(sh, "plants.shear", "model");
  w->shear = strcmp(model, "power") == 0 ? WIND_SHEAR_POWER
             : strcmp(model, "log") == 0 ? WIND_SHEAR_LOG
                                         : WIND_SHEAR_INTERPOLATE;
  w->shear_exponent = get_num(sh, "plants.shear", "exponent");
  w->roughness_m = get_num(sh, "plants.shear", "roughness_length");

  const char *dens = get_str(g, "plants", "density_correction");
  w->density = strcmp(dens, "off") == 0     ? TURBINE_DENSITY_OFF
               : strcmp(dens, "power") == 0 ? TURBINE_DENSITY_POWER
                                            : TURBINE_DENSITY_IEC;
  const char *wake = get_str(g, "plants", "wake_model");
  w->wake = strcmp(wake, "park") == 0    ? WIND_WAKE_PARK
            : strcmp(wake, "fixed") == 0 ? WIND_WAKE_FIXED
                                         : WIND_WAKE_NONE;
  w->wake_loss_frac = get_num(g, "plants", "wake_loss_percent") / 100.0;
  w->wake_decay = get_num(g, "plants", "wake_decay");
  if (w->wake == WIND_WAKE_PARK && w->count > 1 && !lay && !config_setting_get_member(g, "distribution"))
    ERR(c, config_setting_get_member(g, "wake_model"),
        "%s.wake_model: expected a layout group with wake_model = \"park\" and %d turbines, got "
        "none", key, w->count);
  if (w->wake != WIND_WAKE_FIXED && config_setting_get_member(g, "wake_loss_percent"))
    ERR(c, config_setting_get_member(g, "wake_loss_percent"),
        "%s.wake_loss_percent: expected only with wake_model = \"fixed\", got it with %s", key,
        wake);

  /* Losses after wakes, as SAM lists them, or one lumped figure. */
  static const struct {
    enum wind_loss l;
    const char *name;
  } parts[] = {
    { WIND_LOSS_AVAILABILITY, "availability_percent" },
    { WIND_LOSS_ELECTRICAL, "electrical_percent" },
    { WIND_LOSS_TURBINE, "turbine_performance_percent" },
    { WIND_LOSS_ENVIRONMENTAL, "environmental_percent" },
    { WIND_LOSS_CURTAILMENT, "curtailment_percent" },
  };
  const config_setting_t *lumped = config_setting_get_member(g, "losses_percent");
  const config_setting_t *tree = config_setting_get_member(g, "losses");
  memset(w->loss_frac, 0, sizeof w->loss_frac);
  if (lumped && tree)
    ERR(c, tree, "%s.losses: expected either losses_percent or a losses group, got both", key);
  if (lumped)
    w->loss_frac[WIND_LOSS_LUMPED] = get_num(g, "plants", "losses_percent") / 100.0;
  else
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
      w->loss_frac[parts[i].l] = get_num(tree, "plants.losses", parts[i].name) / 100.0;

  const config_setting_t *dist = config_setting_get_member(g, "distribution");
  w->has_distribution = dist != NULL;
  if (dist) {
    w->dist_k = get_num(dist, "plants.distribution", "weibull_k");
    w->dist_height_m = get_num(dist, "plants.distribution", "height");
    const config_setting_t *cs = config_setting_get_member(dist, "weibull_c");
    const config_setting_t *ms = config_setting_get_member(dist, "mean_speed");
    if (cs && ms)
      ERR(c, dist, "%s.distribution: expected weibull_c or mean_speed, got both", key);
    else if (!cs && !ms)
      ERR(c, dist, "%s.distribution.weibull_c: expected a number between 0.5 and 30 m/s (or "
          "mean_speed), got nothing", key);
    else if (cs)
      w->dist_c = get_num(dist, "plants.distribution", "weibull_c");
    else if (w->dist_k >= 1.0 && w->dist_k <= 5.0)
      /* Only a shape in range: the schema reports the others, and
       * Gamma(1 + 1/k) overflows as k goes to 0. */
      w->dist_c = wind_weibull_scale_from_mean(w->dist_k,
                                               get_num(dist, "plants.distribution", "mean_speed"));
    if (w->wake == WIND_WAKE_PARK)
      ERR(c, config_setting_get_member(g, "wake_model"),
          "%s.wake_model: expected \"none\" or \"fixed\" with a distribution (the Park model "
          "needs hourly directions), got park", key);
  }

  p->capacity_mw_ac = p->capacity_mw_dc = w->count * t->rated_kw / 1000.0;
  p->dc_ac_ratio = 1.0;
  p->basis = CAPACITY_AC;
}

/* Reads a list of numbers into v (at most max); returns how many. */
static int get_numbers(const config_setting_t *s, double *v, int max)
{
  int n = s ? config_setting_length(s) : 0;
  for (int i = 0; i < n && i < max; i++)
    v[i] = number_of(config_setting_get_elem(s, (unsigned)i));
  return n < max ? n : max;
}

/* A biomass plant: capacity, efficiency and its part-load curve, dispatch,
 * and the feedstocks (none: capacity-driven, fuel unlimited). */
static void build_biomass(struct ctx *c, const config_setting_t *g, const char *key,
                          struct plant_cfg *p)
{
  struct biomass_params *b = &p->bio;
  memset(b, 0, sizeof *b);
  if (!config_setting_get_member(g, "capacity_mw"))
    ERR(c, g, "%s.capacity_mw: expected a number between 0.001 and 5000 MW, got nothing (the "
        "key is required)", key);
  b->capacity_mw = get_num(g, "plants", "capacity_mw");
  b->availability = get_num(g, "plants", "availability_percent") / 100.0;
  b->efficiency = get_num(g, "plants", "efficiency_percent") / 100.0;
  const config_setting_t *hr = config_setting_get_member(g, "heat_rate_kj_per_kwh");
  if (hr && config_setting_get_member(g, "efficiency_percent"))
    ERR(c, hr, "%s.heat_rate_kj_per_kwh: expected either efficiency_percent or "
        "heat_rate_kj_per_kwh, got both", key);
  else if (hr)
    b->efficiency = 3600.0 / get_num(g, "plants", "heat_rate_kj_per_kwh");
  b->min_load = get_num(g, "plants", "min_load_percent") / 100.0;
  b->parasitic_frac = get_num(g, "plants", "parasitic_percent") / 100.0;
  b->ramp_mw_per_h = get_num(g, "plants", "ramp_mw_per_h");
  const char *disp = get_str(g, "plants", "dispatch");
  b->dispatch = strcmp(disp, "fill") == 0       ? BIOMASS_FILL
                : strcmp(disp, "schedule") == 0 ? BIOMASS_SCHEDULE
                                                : BIOMASS_BASELOAD;
  p->bio_transport_kg_per_tkm = get_num(g, "plants", "transport_kg_co2_per_tkm");

  const config_setting_t *pl = config_setting_get_member(g, "part_load");
  if (pl) {
    double load[BIOMASS_CURVE_MAX], rel[BIOMASS_CURVE_MAX];
    const config_setting_t *ls = config_setting_get_member(pl, "load_percent");
    const config_setting_t *rs = config_setting_get_member(pl, "relative_efficiency");
    int nl = get_numbers(ls, load, BIOMASS_CURVE_MAX), nr = get_numbers(rs, rel, BIOMASS_CURVE_MAX);
    int nl_all = ls ? config_setting_length(ls) : 0, nr_all = rs ? config_setting_length(rs) : 0;
    int ok = nl_all <= BIOMASS_CURVE_MAX && nr_all <= BIOMASS_CURVE_MAX;
    if (!ok)
      ERR(c, pl, "%s.part_load: expected at most %d points, got %d", key, BIOMASS_CURVE_MAX,
          nl_all > nr_all ? nl_all : nr_all);
    ok = ok && nl == nr && nl >= 2 && load[nl - 1] == 100.0;
    for (int i = 1; ok && i < nl; i++)
      ok = load[i] > load[i - 1];
    if (!ok && nl_all <= BIOMASS_CURVE_MAX && nr_all <= BIOMASS_CURVE_MAX)
      ERR(c, pl, "%s.part_load: expected load_percent (increasing, ending at 100) and "
          "relative_efficiency of the same length, at least 2 each, got %d and %d values", key,
          nl, nr);
    else {
      b->n_curve = nl;
      for (int i = 0; i < nl; i++) {
        b->curve_load[i] = load[i] / 100.0;
        b->curve_rel_eff[i] = rel[i];
      }
    }
  }

  const config_setting_t *sch = config_setting_get_member(g, "schedule");
  double monthly[12], hourly[24];
  for (int m = 0; m < 12; m++)
    monthly[m] = 100.0;
  for (int h = 0; h < 24; h++)
    hourly[h] = 100.0;
  if (sch) {
    const config_setting_t *ms = config_setting_get_member(sch, "monthly_percent");
    const config_setting_t *hs = config_setting_get_member(sch, "hourly_percent");
    if (ms)
      get_numbers(ms, monthly, 12);
    if (hs && config_setting_length(hs) != 24)
      ERR(c, hs, "%s.schedule.hourly_percent: expected 24 numbers (00:00 .. 23:00), got %d",
          key, config_setting_length(hs));
    else if (hs)
      get_numbers(hs, hourly, 24);
  }
  if (b->dispatch == BIOMASS_SCHEDULE && !sch)
    ERR(c, config_setting_get_member(g, "dispatch"),
        "%s.dispatch: expected a schedule group with dispatch = \"schedule\", got none", key);
  for (int m = 0; m < 12; m++)
    for (int h = 0; h < 24; h++)
      b->schedule[m][h] = monthly[m] * hourly[h] / 1e4;

  const config_setting_t *fl = config_setting_get_member(g, "feedstock");
  p->bio_fuel_limited = fl != NULL && config_setting_type(fl) == CONFIG_TYPE_LIST;
  for (int i = 0; p->bio_fuel_limited && i < config_setting_length(fl); i++) {
    const config_setting_t *fg = config_setting_get_elem(fl, (unsigned)i);
    if (b->n_feed == BIOMASS_FEEDSTOCKS_MAX || config_setting_type(fg) != CONFIG_TYPE_GROUP)
      break;
    struct biomass_feedstock *f = &b->feed[b->n_feed++];
    copy_str(f->name, sizeof f->name, get_str(fg, "plants.feedstock", "name"));
    if (!f->name[0])
      snprintf(f->name, sizeof f->name, "feedstock %d", i + 1);
    f->tonnes_per_year = get_num(fg, "plants.feedstock", "tonnes_per_year");
    f->moisture_pct = get_num(fg, "plants.feedstock", "moisture_percent");
    const config_setting_t *lhv = config_setting_get_member(fg, "lhv_dry_mj_per_kg");
    const config_setting_t *hhv = config_setting_get_member(fg, "hhv_dry_mj_per_kg");
    if ((lhv != NULL) == (hhv != NULL))
      ERR(c, fg, "%s.feedstock[%d]: expected either lhv_dry_mj_per_kg or hhv_dry_mj_per_kg, got "
          "%s", key, i, lhv ? "both" : "neither");
    f->lhv_dry_mj_kg = lhv ? get_num(fg, "plants.feedstock", "lhv_dry_mj_per_kg") : 0.0;
    f->hhv_dry_mj_kg = get_num(fg, "plants.feedstock", "hhv_dry_mj_per_kg");
    f->hydrogen_pct = get_num(fg, "plants.feedstock", "hydrogen_percent");
    f->ash_pct = get_num(fg, "plants.feedstock", "ash_percent");
    f->ch4_kg_per_tj = get_num(fg, "plants.feedstock", "ch4_kg_per_tj");
    f->n2o_kg_per_tj = get_num(fg, "plants.feedstock", "n2o_kg_per_tj");
    f->transport_tkm_per_t = get_num(fg, "plants.feedstock", "haul_km");
  }
  p->capacity_mw_ac = p->capacity_mw_dc = b->capacity_mw;
  p->dc_ac_ratio = 1.0;
  p->basis = CAPACITY_AC;
}

/* The plant's costs for its levelised cost of energy. */
static void build_economics(struct ctx *c, const config_setting_t *g, const char *key,
                            struct plant_cfg *p)
{
  struct economics_cfg *e = &p->econ;
  const config_setting_t *eg = config_setting_get_member(g, "economics");
  memset(e, 0, sizeof *e);
  e->given = eg != NULL;
  copy_str(e->currency, sizeof e->currency, get_str(eg, "plants.economics", "currency"));
  if (!eg)
    return;
  const config_setting_t *cap = config_setting_get_member(eg, "capex");
  const config_setting_t *per = config_setting_get_member(eg, "capex_per_kw");
  double kw = (p->type == PLANT_PV ? p->capacity_mw_dc : p->capacity_mw_ac) * 1000.0;
  if (cap && per)
    ERR(c, eg, "%s.economics: expected either capex or capex_per_kw, got both", key);
  else if (!cap && !per)
    ERR(c, eg, "%s.economics.capex: expected a number between 0 and 1e13 (or capex_per_kw), got "
        "nothing", key);
  e->capex = cap ? get_num(eg, "plants.economics", "capex")
                 : get_num(eg, "plants.economics", "capex_per_kw") * kw;
  e->fixed_om_per_year = get_num(eg, "plants.economics", "fixed_om_per_kw_year") * kw;
  e->variable_om_per_mwh = get_num(eg, "plants.economics", "variable_om_per_mwh");
  e->fuel_cost_per_t = get_num(eg, "plants.economics", "fuel_cost_per_t");
  e->discount_rate = get_num(eg, "plants.economics", "discount_rate_percent") / 100.0;
  if (p->type != PLANT_BIOMASS && config_setting_get_member(eg, "fuel_cost_per_t"))
    ERR(c, config_setting_get_member(eg, "fuel_cost_per_t"),
        "%s.economics.fuel_cost_per_t: expected only for biomass plants, got it in a %s plant",
        key, p->type == PLANT_WIND ? "wind" : "pv");
}

/* The uncertainty of the energy estimate, for the P-levels. */
static void build_uncertainty(struct ctx *c, struct site *site, const config_setting_t *root)
{
  const config_setting_t *u = config_setting_get_member(root, "uncertainty");
  double iav = get_num(u, "uncertainty", "interannual_percent");
  site->unc_iav_given = iav >= 0;
  site->unc_iav = iav >= 0 ? iav / 100.0 : 0.0;
  const config_setting_t *other = u ? config_setting_get_member(u, "other_percent") : NULL;
  site->unc_other_given = other != NULL;
  int n_other = other ? config_setting_length(other) : 0;
  if (n_other > SITE_UNC_OTHER_MAX)
    ERR(c, other, "uncertainty.other_percent: expected at most %d numbers, got %d",
        SITE_UNC_OTHER_MAX, n_other);
  site->unc_n_other = other ? get_numbers(other, site->unc_other, SITE_UNC_OTHER_MAX) : 0;
  for (int i = 0; i < site->unc_n_other; i++)
    site->unc_other[i] /= 100.0;
  site->unc_years = (int)get_num(u, "uncertainty", "years");
  site->unc_mc_samples = (int)get_num(u, "uncertainty", "monte_carlo_samples");
  if (site->unc_mc_samples == 1)
    ERR(c, config_setting_get_member(u, "monte_carlo_samples"),
        "uncertainty.monte_carlo_samples: expected 0 (no Monte Carlo) or at least 2, got 1");
  site->unc_seed = (unsigned long)get_num(u, "uncertainty", "seed");
  int source = unc_source_parse(get_str(u, "uncertainty", "data_source"));
  site->unc_source_given = source >= 0;
  site->unc_source = source >= 0 ? source : 0;
  const config_setting_t *plants = config_setting_get_member(root, "plants");
  site->unc_line = u ? line_of(u) : line_of(plants);
  /* The values given are a floor of the combined sigma whatever the
   * defaults add: past the limit no run can give a positive P99. */
  double floor = unc_sigma_combined(site->unc_iav, site->unc_other, site->unc_n_other, 1);
  int in_range = site->unc_iav <= 0.5; /* else reported as out of its range alone */
  for (int i = 0; i < site->unc_n_other; i++)
    in_range &= site->unc_other[i] <= 0.5;
  if (u && in_range && floor >= unc_sigma_limit(99))
    ERR(c, u, "uncertainty: expected a combined sigma below %.2f %% (P99 = P50 (1 - 2.326 "
        "sigma) must stay above zero), got %.2f %%", 100 * unc_sigma_limit(99), 100 * floor);
}

/* The shared grid connection and how curtailment is allocated. */
static void build_grid(struct ctx *c, struct site *site, const config_setting_t *root)
{
  const config_setting_t *g = config_setting_get_member(root, "grid");
  site->export_limit_mw = g && config_setting_get_member(g, "export_limit_mw")
                            ? get_num(g, "grid", "export_limit_mw")
                            : 0.0;
  site->curtailment = strcmp(get_str(g, "grid", "curtailment"), "priority") == 0 ? GRID_PRIORITY
                                                                                  : GRID_PRO_RATA;
  const config_setting_t *pr = g ? config_setting_get_member(g, "priority") : NULL;
  site->n_priority = 0;
  if (site->curtailment == GRID_PRIORITY && !pr) {
    ERR(c, g, "grid.priority: expected the plant names in priority order with curtailment = "
        "\"priority\", got nothing");
    return;
  }
  for (int i = 0; pr && i < config_setting_length(pr) && i < 64; i++) {
    const char *name = config_setting_get_string_elem(pr, (unsigned)i);
    int found = -1;
    for (int j = 0; name && j < site->n_plants; j++)
      if (strcmp(site->plants[j].name, name) == 0)
        found = j;
    if (found < 0)
      ERR(c, config_setting_get_elem(pr, (unsigned)i),
          "grid.priority[%d]: expected the name of a plant of this site, got \"%s\"", i,
          name ? name : "");
    else
      site->priority[site->n_priority++] = found;
  }
  if (pr && site->n_priority != site->n_plants && c->errors == 0)
    ERR(c, pr, "grid.priority: expected every plant once (%d), got %d names", site->n_plants,
        site->n_priority);
}

static void build_plant(struct ctx *c, struct site *site, const config_setting_t *g, int i)
{
  struct plant_cfg *p = &site->plants[i];
  char key[64];
  snprintf(key, sizeof key, "plants[%d]", i);

  const char *name = get_str(g, "plants", "name");
  if (*name)
    copy_str(p->name, sizeof p->name, name);
  else
    snprintf(p->name, sizeof p->name, "plant %d", i + 1);
  enum key_plant kind = plant_type_of(g);
  p->type = kind == KEY_PLANT_WIND ? PLANT_WIND : kind == KEY_PLANT_BIOMASS ? PLANT_BIOMASS : PLANT_PV;
  if (p->type == PLANT_BIOMASS) {
    build_biomass(c, g, key, p);
    return;
  }

  const char *prof = get_str(g, "plants", "profile");
  int has_dist = p->type == PLANT_WIND && config_setting_get_member(g, "distribution");
  if (c->template && !has_dist)
    prof = "";
  else if (!*prof && !has_dist)
    ERR(c, g, "%s.profile: expected a string%s, got nothing (the key is required)", key,
        p->type == PLANT_WIND ? " (or a distribution group)" : "");
  if (*prof && has_dist)
    ERR(c, config_setting_get_member(g, "distribution"),
        "%s.distribution: expected either profile or distribution, got both", key);
  if (*prof) {
    path_resolve(site->path, prof, p->profile, sizeof p->profile);
    struct stat st;
    const char *why = NULL;
    if (stat(p->profile, &st) != 0 || access(p->profile, R_OK) != 0)
      why = strerror(errno);
    else if (S_ISDIR(st.st_mode))
      why = strerror(EISDIR);
    else if (!S_ISREG(st.st_mode))
      why = "not a regular file";
    if (why)
      ERR(c, config_setting_get_member(g, "profile"),
          "%s.profile: expected a readable profile file, got '%s' (%s)", key, p->profile, why);
  }

  p->annualise = get_bool(g, "plants", "annualise");
  p->degradation_per_year = get_num(g, "plants", "degradation_percent_per_year") / 100.0;
  p->degradation_linear = strcmp(get_str(g, "plants", "degradation"), "compound") != 0;
  if (p->type == PLANT_WIND) {
    build_wind(c, site, g, key, p);
    return;
  }

  const config_setting_t *ac = config_setting_get_member(g, "capacity_mw_ac");
  const config_setting_t *dc = config_setting_get_member(g, "capacity_mw_dc");
  p->dc_ac_ratio = get_num(g, "plants", "dc_ac_ratio");
  if (ac && dc) {
    ERR(c, dc, "%s.capacity_mw_dc: expected either capacity_mw_ac or capacity_mw_dc, got both", key);
  } else if (!ac && !dc) {
    ERR(c, g, "%s.capacity_mw_ac: expected a number between 0.001 and 100000 MW "
        "(or capacity_mw_dc), got nothing (the key is required)", key);
  } else if (ac) {
    p->basis = CAPACITY_AC;
    p->capacity_mw_ac = get_num(g, "plants", "capacity_mw_ac");
    p->capacity_mw_dc = p->capacity_mw_ac * p->dc_ac_ratio;
  } else {
    p->basis = CAPACITY_DC;
    p->capacity_mw_dc = get_num(g, "plants", "capacity_mw_dc");
    p->capacity_mw_ac = p->capacity_mw_dc / p->dc_ac_ratio;
  }

  struct pv_params *pv = &p->pv;
  const char *model = get_str(g, "plants", "model");
  pv->model = strcmp(model, "pvwatts_v8") == 0 ? PV_MODEL_PVWATTS_V8 : PV_MODEL_PVWATTS_V5;
  const char *module = get_str(g, "plants", "module_type");
  pv->module_type = strcmp(module, "premium") == 0     ? PV8_MODULE_PREMIUM
                    : strcmp(module, "thin_film") == 0 ? PV8_MODULE_THIN_FILM
                                                       : PV8_MODULE_STANDARD;
  if (pv->model == PV_MODEL_PVWATTS_V8 && config_setting_get_member(g, "temp_coeff_percent_per_c"))
    ERR(c, config_setting_get_member(g, "temp_coeff_percent_per_c"),
        "%s.temp_coeff_percent_per_c: expected only with model = \"pvwatts_v5\" (v8 takes the "
        "module type's), got it with pvwatts_v8", key);
  const char *tm = get_str(g, "plants", "temperature_model");
  pv->temp_model = strcmp(tm, "noct") == 0     ? PV_TEMP_NOCT
                   : strcmp(tm, "faiman") == 0 ? PV_TEMP_FAIMAN
                   : strcmp(tm, "pvsyst") == 0 ? PV_TEMP_PVSYST
                                               : PV_TEMP_SAPM;
  const config_setting_t *tp = config_setting_get_member(g, "temperature");
  pv->noct_c = get_num(tp, "plants.temperature", "noct_c");
  pv->faiman_u0 = get_num(tp, "plants.temperature", "u0");
  pv->faiman_u1 = get_num(tp, "plants.temperature", "u1");
  pv->pvsyst_uc = get_num(tp, "plants.temperature", "uc");
  pv->pvsyst_uv = get_num(tp, "plants.temperature", "uv");
  pv->pvsyst_absorptance = get_num(tp, "plants.temperature", "absorptance");
  pv->pvsyst_eff = get_num(tp, "plants.temperature", "efficiency_percent") / 100.0;
  if (pv->model == PV_MODEL_PVWATTS_V8 && config_setting_get_member(g, "temperature_model"))
    ERR(c, config_setting_get_member(g, "temperature_model"),
        "%s.temperature_model: expected only with model = \"pvwatts_v5\" (v8 uses NOCT), got it "
        "with pvwatts_v8", key);
  if (pv->model != PV_MODEL_PVWATTS_V8 && config_setting_get_member(g, "module_type"))
    ERR(c, config_setting_get_member(g, "module_type"),
        "%s.module_type: expected only with model = \"pvwatts_v8\", got it with %s", key, model);
  pv->p_dc0_kw = p->capacity_mw_dc * 1000.0;
  pv->p_ac0_kw = p->capacity_mw_ac * 1000.0;
  build_losses(c, g, key, pv);
  pv->gamma_per_c = get_num(g, "plants", "temp_coeff_percent_per_c") / 100.0;
  pv->inv_eff_nom = get_num(g, "plants", "inverter_efficiency_percent") / 100.0;
  pv->albedo = get_num(g, "plants", "albedo");
  const config_setting_t *alb = config_setting_get_member(g, "albedo_monthly");
  if (alb && config_setting_get_member(g, "albedo"))
    ERR(c, alb, "%s.albedo_monthly: expected either albedo or albedo_monthly, got both", key);
  pv->albedo_by_month = alb && config_setting_length(alb) == 12;
  for (int m = 0; pv->albedo_by_month && m < 12; m++) {
    const config_setting_t *e = config_setting_get_elem(alb, (unsigned)m);
    pv->albedo_month[m] = is_number(e) ? number_of(e) : pv->albedo;
  }
  const char *sky = get_str(g, "plants", "sky_model");
  pv->sky = strcmp(sky, "isotropic") == 0   ? TRANSPOSE_ISOTROPIC
            : strcmp(sky, "haydavies") == 0 ? TRANSPOSE_HAYDAVIES
                                            : TRANSPOSE_PEREZ;
  const config_setting_t *bif = config_setting_get_member(g, "bifacial");
  pv->bifacial = bif != NULL;
  pv->bifaciality = get_num(bif, "plants.bifacial", "bifaciality");
  pv->rear_loss_frac = get_num(bif, "plants.bifacial", "rear_loss_percent") / 100.0;
  pv->glass_n = 1.526;
  const config_setting_t *arr = config_setting_get_member(g, "array");
  build_array(c, arr, key, pv);
}

static void build_emissions(struct ctx *c, struct site *site, const config_setting_t *root)
{
  const config_setting_t *em = config_setting_get_member(root, "emissions");
  const config_setting_t *preset_s = em ? config_setting_get_member(em, "preset") : NULL;
  const char *preset = get_str(em, "emissions", "preset");
  struct emission_factors *ef = &site->factors;
  if (factors_load(preset, ef, c->d, file_of(c, preset_s ? preset_s : em),
                   line_of(preset_s ? preset_s : em)) != 0) {
    c->errors++;
    return;
  }
  if (!em)
    return;
  const char *method = get_str(em, "emissions", "method");
  if (*method)
    ef->method = strcmp(method, "grid") == 0              ? EMIS_GRID
                 : strcmp(method, "combined_margin") == 0 ? EMIS_CM
                                                          : EMIS_COAL;
  ef->change_per_year = get_num(em, "emissions", "change_percent_per_year") / 100.0;

  /* Overrides keep their unit; their source names the site file and line. */
  static const struct {
    const char *key;
    size_t offset;
  } over[] = {
    { "coal_rate_gce_per_kwh", offsetof(struct emission_factors, coal_rate) },
    { "co2_t_per_tce", offsetof(struct emission_factors, co2_per_tce) },
    { "grid_t_co2_per_mwh", offsetof(struct emission_factors, grid) },
    { "om_t_co2_per_mwh", offsetof(struct emission_factors, om) },
    { "bm_t_co2_per_mwh", offsetof(struct emission_factors, bm) },
  };
  const char *src = get_str(em, "emissions", "source");
  const char *year = get_str(em, "emissions", "year");
  int n_over = 0;
  for (size_t i = 0; i < sizeof over / sizeof over[0]; i++) {
    const config_setting_t *s = config_setting_get_member(em, over[i].key);
    if (!s || !is_number(s))
      continue;
    struct factor *f = (struct factor *)((char *)ef + over[i].offset);
    f->value = number_of(s);
    text_format(f->source, sizeof f->source, "%s (site file %s:%d)", *src ? src : "user value",
                file_of(c, s), line_of(s));
    copy_str(f->year, sizeof f->year, *year ? year : "not stated");
    copy_str(f->note, sizeof f->note, "overrides the preset");
    n_over++;
  }
  if (n_over && !*src)
    ERR(c, em, "emissions.source: expected a string naming where the overriding factors come "
        "from, got nothing");
  if (ef->method == EMIS_GRID && ef->grid.value < 0)
    ERR(c, em, "emissions.grid_t_co2_per_mwh: expected a number between 0 and 2 t CO2/MWh "
        "(preset %s has no grid factor), got nothing", ef->name);
  if (ef->method == EMIS_CM && (ef->om.value < 0 || ef->bm.value < 0))
    ERR(c, em, "emissions.%s: expected a number between 0 and 2 t CO2/MWh (preset %s has no "
        "%s), got nothing", ef->om.value < 0 ? "om_t_co2_per_mwh" : "bm_t_co2_per_mwh", ef->name,
        ef->om.value < 0 ? "operating margin" : "build margin");
  if (ef->method == EMIS_COAL && ef->co2_per_tce.value < 0)
    ERR(c, em, "emissions.co2_t_per_tce: expected a number between 1 and 4 t CO2/tce (preset %s "
        "has no coal factors), got nothing", ef->name);
}

/* ---- --set overrides -------------------------------------------------------- */

/* "plants[0].array.tilt" -> "plants.[0].array.tilt" (libconfig path syntax). */
static void to_libconfig_path(const char *key, char *out, size_t n)
{
  size_t j = 0;
  for (const char *p = key; *p && j + 2 < n; p++) {
    if (*p == '[' && j > 0 && out[j - 1] != '.')
      out[j++] = '.';
    out[j++] = *p;
  }
  out[j] = '\0';
}

static int apply_set(struct ctx *c, config_t *cfg, const char *arg)
{
  const char *eq = strchr(arg, '=');
  if (!eq || eq == arg) {
    diag_msg(c->d, "--set: expected KEY=VALUE, got '%s'", arg);
    return -1;
  }
  char key[256], path[300];
  snprintf(key, sizeof key, "%.*s", (int)(eq - arg), arg);
  const char *val = eq + 1;
  to_libconfig_path(key, path, sizeof path);

  char *dot = strrchr(path, '.');
  config_setting_t *parent;
  const char *name;
  if (dot) {
    *dot = '\0';
    parent = config_lookup(cfg, path);
    name = dot + 1;
  } else {
    parent = config_root_setting(cfg);
    name = path;
  }
  if (!parent || config_setting_type(parent) != CONFIG_TYPE_GROUP || name[0] == '[') {
    diag_msg(c->d, "--set %s: expected the key of a group in the site file, got no such group", key);
    return -1;
  }
  if (config_setting_get_member(parent, name))
    config_setting_remove(parent, name);

  char *end;
  errno = 0;
  long iv = strtol(val, &end, 10);
  config_setting_t *s;
  if (*val && !*end && errno == 0 && iv >= INT32_MIN && iv <= INT32_MAX) {
    s = config_setting_add(parent, name, CONFIG_TYPE_INT);
    if (s)
      config_setting_set_int(s, (int)iv);
  } else {
    double dv = strtod(val, &end);
    if (*val && !*end) {
      s = config_setting_add(parent, name, CONFIG_TYPE_FLOAT);
      if (s)
        config_setting_set_float(s, dv);
    } else {
      s = config_setting_add(parent, name, CONFIG_TYPE_STRING);
      if (s)
        config_setting_set_string(s, val);
    }
  }
  if (!s) {
    diag_msg(c->d, "--set %s: expected a valid key name, got '%s'", key, name);
    return -1;
  }
  return 0;
}

/* ---- syntax errors --------------------------------------------------------------- */

/* libconfig reports an unclosed group or list at the end of the file, past
 * the last line. Find the innermost opening bracket never closed, and the
 * key it belongs to, by scanning the text (skipping strings and comments). */
static int find_unclosed(FILE *fp, int *open_line, char *key, size_t keyn, char *closer)
{
  enum { DEPTH = 64, WORD = 64 };
  struct { int line; char close; char key[WORD]; } stack[DEPTH];
  int depth = 0, line = 1, c;
  char word[WORD] = "", pending[WORD] = ""; /* current word; key before '=' */
  size_t wl = 0;
  rewind(fp);
  while ((c = fgetc(fp)) != EOF) {
    int is_word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    if (is_word) {
      if (wl + 1 < WORD)
        word[wl++] = (char)c;
      word[wl] = '\0';
      continue;
    }
    if (c == '=' || c == ':')
      snprintf(pending, sizeof pending, "%s", word);
    if (c != ' ' && c != '\t')
      wl = 0, word[0] = '\0';
    if (c == '\n') {
      line++;
    } else if (c == '"') {
      while ((c = fgetc(fp)) != EOF && c != '"' && c != '\n')
        if (c == '\\')
          fgetc(fp);
      if (c == '\n')
        line++;
    } else if (c == '#') {
      while ((c = fgetc(fp)) != EOF && c != '\n')
        ;
      line++;
    } else if (c == '{' || c == '(' || c == '[') {
      if (depth < DEPTH) {
        stack[depth].line = line;
        stack[depth].close = c == '{' ? '}' : c == '(' ? ')' : ']';
        snprintf(stack[depth].key, WORD, "%s", pending);
      }
      depth++;
      pending[0] = '\0';
    } else if (c == '}' || c == ')' || c == ']') {
      if (depth > 0)
        depth--;
    } else if (c == ';' || c == ',') {
      pending[0] = '\0';
    }
  }
  if (depth == 0 || depth > DEPTH)
    return 0;
  *open_line = stack[depth - 1].line;
  snprintf(key, keyn, "%s", stack[depth - 1].key[0] ? stack[depth - 1].key : "a list entry");
  *closer = stack[depth - 1].close;
  return 1;
}

static void syntax_error(const char *path, FILE *fp, const config_t *cfg, struct diag *d)
{
  int line = config_error_line(cfg), open_line;
  char key[64], closer;
  int lines = 0, c;
  rewind(fp);
  while ((c = fgetc(fp)) != EOF)
    lines += c == '\n';
  if (line > lines && find_unclosed(fp, &open_line, key, sizeof key, &closer)) {
    diag_at(d, path, open_line, "%s: expected '%c' closing the %s, got end of file", key, closer,
            closer == '}' ? "group" : "list");
    return;
  }
  diag_at(d, path, line, "%s", config_error_text(cfg));
}

/* ---- entry points ------------------------------------------------------------ */

void site_free(struct site *s)
{
  if (!s)
    return;
  free(s->plants);
  free(s);
}

/* The validated site of a parsed file; config_destroy()s cfg. */
static struct site *build_site(struct ctx *cp, config_t *cfg)
{
  struct ctx *c = cp;
  const char *path = c->path;
  struct diag *d = c->d;
  struct site *site = NULL;
  const config_setting_t *root = config_root_setting(cfg);
  check_group(c, root, "", "");

  site = calloc(1, sizeof *site);
  if (!site) {
    diag_msg(d, "out of memory");
    goto fail;
  }
  copy_str(site->path, sizeof site->path, path);
  copy_str(site->name, sizeof site->name, get_str(root, "", "name"));
  const config_setting_t *loc = config_setting_get_member(root, "location");
  site->latitude = get_num(loc, "location", "latitude");
  site->longitude = get_num(loc, "location", "longitude");
  site->elevation_m = get_num(loc, "location", "elevation");
  site->delta_t_s = get_num(root, "", "delta_t");
  site->lifetime_years = (int)get_num(root, "", "lifetime_years");
  site->decomposition = strcmp(get_str(root, "", "decomposition"), "disc") == 0
                          ? SITE_DECOMPOSE_DISC
                          : SITE_DECOMPOSE_ERBS;
  const config_setting_t *out = config_setting_get_member(root, "output");
  const char *dir = get_str(out, "output", "dir");
  char leads[SITE_PATH_MAX];
  /* A site file from elsewhere decides where its outputs go only within
   * its own folder; the command line (-o) is the user's. */
  if (*dir && path_confine(path, dir, site->output_dir, sizeof site->output_dir, leads,
                           sizeof leads) != 0)
    ERR(c, config_setting_get_member(out, "dir"), "output.dir: expected a folder below the site "
        "file's folder (use -o DIR to write elsewhere), got \"%s\"%s%s%s", dir,
        *leads ? ", which resolves to \"" : "", leads, *leads ? "\"" : "");

  build_emissions(c, site, root);

  const config_setting_t *plants = config_setting_get_member(root, "plants");
  if (plants && config_setting_type(plants) == CONFIG_TYPE_LIST) {
    int n = config_setting_length(plants);
    site->plants = calloc((size_t)(n > 0 ? n : 1), sizeof *site->plants);
    if (!site->plants) {
      diag_msg(d, "out of memory");
      goto fail;
    }
    site->n_plants = n;
    for (int i = 0; i < n; i++) {
      const config_setting_t *g = config_setting_get_elem(plants, (unsigned)i);
      if (config_setting_type(g) == CONFIG_TYPE_GROUP)
        build_plant(c, site, g, i);
    }
  }
  build_grid(c, site, root);
  build_uncertainty(c, site, root);
  for (int i = 0; site->plants && i < site->n_plants; i++) {
    const config_setting_t *g = config_setting_get_elem(plants, (unsigned)i);
    char key[64];
    snprintf(key, sizeof key, "plants[%d]", i);
    if (g && config_setting_type(g) == CONFIG_TYPE_GROUP)
      build_economics(c, g, key, &site->plants[i]);
  }
  if (c->errors)
    goto fail;
  config_destroy(cfg);
  return site;
fail:
  site_free(site);
  config_destroy(cfg);
  return NULL;
}

struct site *site_cfg_read(const char *path, const char *const *sets, int n_sets,
                           struct diag *d)
{
  struct ctx c = { path, d, 0, KEY_PLANT_PV, 0 };
  config_t cfg;
  FILE *fp = cfg_file_open(path, "cannot open site file", d);
  if (!fp)
    return NULL;
  config_init(&cfg);
  /* config_read() records no file name; keep ours for messages. */
  int ok = config_read(&cfg, fp);
  if (ok != CONFIG_TRUE)
    syntax_error(path, fp, &cfg, d);
  fclose(fp);
  if (ok != CONFIG_TRUE) {
    config_destroy(&cfg);
    return NULL;
  }
  for (int i = 0; i < n_sets; i++)
    if (apply_set(&c, &cfg, sets[i]) != 0)
      c.errors++;
  if (c.errors) {
    config_destroy(&cfg);
    return NULL;
  }
  return build_site(&c, &cfg);
}

/* The built-in batch template: every key at its default, one PV plant and
 * one wind plant (the first built-in turbine) for the rows to fill in. */
static const char builtin_template[] =
  "name = \"batch\";\n"
  "location = { latitude = 0.0; longitude = 0.0; };\n"
  "plants = (\n"
  "  { type = \"pv\"; capacity_mw_ac = 1.0; },\n"
  "  { type = \"wind\"; turbine = { name = \"NREL-5MW\"; }; count = 1; }\n"
  ");\n";

struct site *site_cfg_template(const char *path, struct diag *d)
{
  const char *label = path ? path : "built-in batch template";
  struct ctx c = { label, d, 0, KEY_PLANT_PV, 1 };
  config_t cfg;
  config_init(&cfg);
  int ok;
  if (path) {
    FILE *fp = cfg_file_open(path, "cannot open template site file", d);
    if (!fp) {
      config_destroy(&cfg);
      return NULL;
    }
    ok = config_read(&cfg, fp);
    if (ok != CONFIG_TRUE)
      syntax_error(path, fp, &cfg, d);
    fclose(fp);
  } else {
    ok = config_read_string(&cfg, builtin_template);
    if (ok != CONFIG_TRUE)
      diag_at(d, label, config_error_line(&cfg), "%s", config_error_text(&cfg));
  }
  if (ok != CONFIG_TRUE) {
    config_destroy(&cfg);
    return NULL;
  }
  return build_site(&c, &cfg);
}
