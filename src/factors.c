/* Factor presets from data files; see factors.h. */
#include "factors.h"

#include <dirent.h>
#include <stddef.h>
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg_file.h"
#include "datadir.h"
#include "diag.h"
#include "text.h"

struct factor_key {
  const char *key;
  const char *unit;
  double lo, hi;
  int required;
  size_t offset;
};

#define FK(k, u, lo, hi, req, field) { k, u, lo, hi, req, offsetof(struct emission_factors, field) }
static const struct factor_key factor_keys[] = {
  FK("coal_rate_gce_per_kwh", "gce/kWh", 100, 1000, 0, coal_rate),
  FK("co2_t_per_tce", "t CO2/tce", 1, 4, 0, co2_per_tce),
  FK("grid_t_co2_per_mwh", "t CO2/MWh", 0, 2, 0, grid),
  FK("om_t_co2_per_mwh", "t CO2/MWh", 0, 2, 0, om),
  FK("bm_t_co2_per_mwh", "t CO2/MWh", 0, 2, 0, bm),
  FK("so2_g_per_kwh", "g/kWh", 0, 100, 0, so2),
  FK("nox_g_per_kwh", "g/kWh", 0, 100, 0, nox),
  FK("dust_g_per_kwh", "g/kWh", 0, 1000, 0, dust),
};
#define N_FACTOR_KEYS (sizeof factor_keys / sizeof factor_keys[0])

static void copy_str(char *dst, size_t n, const char *src)
{
  text_copy(dst, n, src ? src : "");
}

static int line_of(const config_setting_t *s)
{
  return s ? (int)config_setting_source_line(s) : 1;
}

/* The texts of a preset reach every report: UTF-8 only. 0, or -1 with a
 * message naming group.key (key alone when group is NULL). */
static int check_text(const char *path, const config_setting_t *g, const char *group,
                      const char *key, struct diag *d)
{
  const char *s = NULL;
  char why[96];
  if (!config_setting_lookup_string(g, key, &s) || !text_utf8_problem(s, why, sizeof why))
    return 0;
  diag_at(d, path, line_of(config_setting_get_member(g, key)), "%s%s%s: %s", group ? group : "",
          group ? "." : "", key, why);
  return -1;
}

static int read_factor(const char *path, const config_setting_t *root,
                       const struct factor_key *fk, struct factor *f, struct diag *d)
{
  const config_setting_t *g = config_setting_get_member(root, fk->key);
  copy_str(f->unit, sizeof f->unit, fk->unit);
  if (!g) {
    if (!fk->required) {
      f->value = -1.0; /* none known */
      copy_str(f->source, sizeof f->source, "none known for this preset");
      return 0;
    }
    diag_at(d, path, 1, "%s: expected a group { value; year; source; }, got nothing", fk->key);
    return -1;
  }
  const config_setting_t *v = config_setting_get_member(g, "value");
  const char *year = NULL, *source = NULL, *note = NULL;
  config_setting_lookup_string(g, "year", &year);
  config_setting_lookup_string(g, "source", &source);
  config_setting_lookup_string(g, "note", &note);
  int bad = 0;
  if (!v || (config_setting_type(v) != CONFIG_TYPE_FLOAT && config_setting_type(v) != CONFIG_TYPE_INT)) {
    diag_at(d, path, line_of(g), "%s.value: expected a number in %s, got %s", fk->key, fk->unit,
            v ? "another type" : "nothing");
    bad = -1;
  } else {
    f->value = config_setting_get_float(v);
    if (config_setting_type(v) == CONFIG_TYPE_INT)
      f->value = config_setting_get_int(v);
    if (!(f->value >= fk->lo && f->value <= fk->hi)) {
      diag_at(d, path, line_of(v), "%s.value: expected a number between %g and %g %s, got %g",
              fk->key, fk->lo, fk->hi, fk->unit, f->value);
      bad = -1;
    }
  }
  if (!year || !source || !*source) {
    diag_at(d, path, line_of(g), "%s: expected both 'year' and 'source' strings, got %s", fk->key,
            !year ? "no year" : "no source");
    bad = -1;
  }
  static const char *const texts[] = { "year", "source", "note" };
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
    if (check_text(path, g, fk->key, texts[i], d) != 0)
      bad = -1;
  copy_str(f->year, sizeof f->year, year);
  copy_str(f->source, sizeof f->source, source);
  copy_str(f->note, sizeof f->note, note);
  return bad;
}

static int valid_name(const char *name)
{
  if (!*name)
    return 0;
  for (const char *c = name; *c; c++)
    if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' || *c == '_'))
      return 0;
  return 1;
}

/* The preset file at path, opened as fp, into *ef. */
static int read_preset(FILE *fp, const char *path, const char *name,
                       struct emission_factors *ef, struct diag *d)
{
  config_t cfg;
  config_init(&cfg);
  int rc = -1;
  if (config_read(&cfg, fp) != CONFIG_TRUE) {
    diag_at(d, path, config_error_line(&cfg), "%s", config_error_text(&cfg));
    goto done;
  }
  const config_setting_t *root = config_root_setting(&cfg);
  memset(ef, 0, sizeof *ef);
  copy_str(ef->name, sizeof ef->name, name);
  const char *title = NULL, *method = NULL;
  config_setting_lookup_string(root, "title", &title);
  copy_str(ef->title, sizeof ef->title, title);
  rc = check_text(path, root, NULL, "title", d);
  if (!config_setting_lookup_string(root, "method", &method) ||
      (strcmp(method, "coal") != 0 && strcmp(method, "grid") != 0 &&
       strcmp(method, "combined_margin") != 0)) {
    diag_at(d, path, 1, "method: expected \"coal\", \"grid\" or \"combined_margin\", got %s",
            method ? method : "nothing");
    rc = -1;
  } else {
    ef->method = strcmp(method, "grid") == 0              ? EMIS_GRID
                 : strcmp(method, "combined_margin") == 0 ? EMIS_CM
                                                          : EMIS_COAL;
  }
  for (size_t i = 0; i < N_FACTOR_KEYS; i++) {
    struct factor *f = (struct factor *)((char *)ef + factor_keys[i].offset);
    if (read_factor(path, root, &factor_keys[i], f, d) != 0)
      rc = -1;
  }
  /* Which factors a method needs is checked where the site file may still
   * supply them (site_cfg.c): a preset may know no grid factor. */
done:
  config_destroy(&cfg);
  return rc;
}

int factors_read(const char *path, const char *name, struct emission_factors *ef,
                 struct diag *d)
{
  FILE *fp = cfg_file_open(path, "cannot open", d);
  if (!fp)
    return -1;
  int rc = read_preset(fp, path, name, ef, d);
  fclose(fp);
  return rc;
}

int factors_load(const char *name, struct emission_factors *ef, struct diag *d,
                 const char *file, int line)
{
  if (!valid_name(name)) {
    diag_at(d, file, line, "emissions.preset: expected a preset name of a-z, 0-9, '-', got '%s'", name);
    return -1;
  }
  char path[1024];
  snprintf(path, sizeof path, "%s/%s.cfg", datadir_factors(), name);
  int before = diag_count(d);
  FILE *fp = cfg_file_open(path, NULL, d);
  if (!fp) {
    if (diag_count(d) > before)
      return -1; /* there, but refused */
    char names[32][64];
    int n = factors_list(names, 32);
    char known[512] = "";
    for (int i = 0; i < n; i++)
      snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s", i ? ", " : "", names[i]);
    diag_at(d, file, line, "emissions.preset: expected one of %s, got '%s'", n ? known : "(no presets found)",
            name);
    return -1;
  }
  int rc = read_preset(fp, path, name, ef, d);
  fclose(fp);
  return rc;
}

static int cmp_names(const void *a, const void *b)
{
  return strcmp((const char *)a, (const char *)b);
}

int factors_list(char names[][64], int max)
{
  DIR *dir = opendir(datadir_factors());
  if (!dir)
    return 0;
  int n = 0;
  struct dirent *e;
  while ((e = readdir(dir)) && n < max) {
    size_t len = strlen(e->d_name);
    if (len > 4 && len < 64 && strcmp(e->d_name + len - 4, ".cfg") == 0) {
      memcpy(names[n], e->d_name, len - 4);
      names[n][len - 4] = '\0';
      n++;
    }
  }
  closedir(dir);
  qsort(names, (size_t)n, sizeof names[0], cmp_names);
  return n;
}
