/* The typical ranges of check-claim; see claim_ranges.h. */
#include "claim_ranges.h"

#include <ctype.h>
#include <libconfig.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cfg_file.h"
#include "diag.h"
#include "text.h"

static int line_of(const config_setting_t *s)
{
  return s ? (int)config_setting_source_line(s) : 1;
}

static void copy_str(char *dst, size_t n, const char *src)
{
  text_copy(dst, n, src ? src : "");
}

static int get_number(const config_setting_t *g, const char *key, double *v)
{
  const config_setting_t *s = config_setting_get_member(g, key);
  if (!s)
    return -1;
  if (config_setting_type(s) == CONFIG_TYPE_INT)
    *v = config_setting_get_int(s);
  else if (config_setting_type(s) == CONFIG_TYPE_FLOAT)
    *v = config_setting_get_float(s);
  else
    return -1;
  return isfinite(*v) ? 0 : -1;
}

/* Looks up string key of g; "" (and -1 when required) when missing. */
static int get_string(const char *path, const config_setting_t *g, const char *where,
                      const char *key, int required, char *dst, size_t n, struct diag *d)
{
  const char *s = NULL;
  if (!config_setting_lookup_string(g, key, &s)) {
    dst[0] = '\0';
    if (required) {
      diag_at(d, path, line_of(g), "%s.%s: expected a string, got nothing", where, key);
      return -1;
    }
    return 0;
  }
  char why[96];
  if (text_utf8_problem(s, why, sizeof why)) {
    dst[0] = '\0';
    diag_at(d, path, line_of(config_setting_get_member(g, key)), "%s.%s: %s", where, key, why);
    return -1;
  }
  copy_str(dst, n, s);
  return 0;
}

/* The metric a range or point is about; 0, or -1 with a message. */
static int metric_of(const char *path, const config_setting_t *g, const char *where,
                     const char *metric, enum claim_metric *out, struct diag *d)
{
  int m = claim_metric_parse(metric);
  *out = (enum claim_metric)(m < 0 ? 0 : m);
  if (m >= 0)
    return 0;
  diag_at(d, path, line_of(g), "%s.metric: expected full_load_hours, coal_rate_gce_per_kwh, "
                               "co2_t_per_tce or co2_t_per_mwh, got '%s'", where, metric);
  return -1;
}

static int read_range(const char *path, const config_setting_t *g, const char *where,
                      struct claim_range *r, struct diag *d)
{
  char metric[40], tech[16], country[8], mount[16], basis[8], baseline[8];
  int bad = 0;
  bad |= get_string(path, g, where, "metric", 1, metric, sizeof metric, d);
  bad |= get_string(path, g, where, "technology", 1, tech, sizeof tech, d);
  bad |= get_string(path, g, where, "country", 0, country, sizeof country, d);
  bad |= get_string(path, g, where, "mounting", 0, mount, sizeof mount, d);
  bad |= get_string(path, g, where, "capacity_basis", 0, basis, sizeof basis, d);
  bad |= get_string(path, g, where, "baseline", 0, baseline, sizeof baseline, d);
  bad |= get_string(path, g, where, "label", 1, r->label, sizeof r->label, d);
  bad |= get_string(path, g, where, "year", 1, r->year, sizeof r->year, d);
  bad |= get_string(path, g, where, "confidence", 1, r->confidence, sizeof r->confidence, d);
  bad |= get_string(path, g, where, "source", 1, r->source, sizeof r->source, d);
  if (bad)
    return -1;
  bad |= metric_of(path, g, where, metric, &r->metric, d);
  int t = claim_tech_parse(tech);
  if (t < 0) {
    diag_at(d, path, line_of(g), "%s.technology: expected pv, wind, biomass or \"*\", got '%s'",
            where, tech);
    bad = -1;
  }
  r->tech = t < 0 ? CLAIM_TECH_ANY : (enum claim_tech)t;
  if (!country[0] || strcmp(country, "*") == 0) {
    r->country[0] = '\0';
  } else if (strlen(country) != 2) {
    diag_at(d, path, line_of(g), "%s.country: expected a two-letter code or \"*\", got '%s'",
            where, country);
    bad = -1;
  } else {
    r->country[0] = (char)toupper((unsigned char)country[0]);
    r->country[1] = (char)toupper((unsigned char)country[1]);
    r->country[2] = '\0';
  }
  if (!mount[0] || strcmp(mount, "*") == 0)
    r->mount = CLAIM_MOUNT_NONE;
  else if (strcmp(mount, "fixed") == 0)
    r->mount = CLAIM_MOUNT_FIXED;
  else if (strcmp(mount, "tracker") == 0)
    r->mount = CLAIM_MOUNT_TRACKER;
  else {
    diag_at(d, path, line_of(g), "%s.mounting: expected fixed, tracker or \"*\", got '%s'",
            where, mount);
    bad = -1;
  }
  if (!basis[0] || strcmp(basis, "any") == 0)
    r->basis = CLAIM_BASIS_NONE;
  else if (strcmp(basis, "ac") == 0)
    r->basis = CLAIM_BASIS_AC;
  else if (strcmp(basis, "dc") == 0)
    r->basis = CLAIM_BASIS_DC;
  else {
    diag_at(d, path, line_of(g), "%s.capacity_basis: expected ac, dc or any, got '%s'", where,
            basis);
    bad = -1;
  }
  if (!baseline[0] || strcmp(baseline, "any") == 0)
    r->baseline = CLAIM_BASELINE_ANY;
  else if (strcmp(baseline, "coal") == 0)
    r->baseline = CLAIM_BASELINE_COAL;
  else if (strcmp(baseline, "grid") == 0)
    r->baseline = CLAIM_BASELINE_GRID;
  else {
    diag_at(d, path, line_of(g), "%s.baseline: expected coal, grid or any, got '%s'", where,
            baseline);
    bad = -1;
  }
  if (get_number(g, "low", &r->lo) != 0 || get_number(g, "high", &r->hi) != 0) {
    diag_at(d, path, line_of(g), "%s: expected numbers 'low' and 'high', got %s", where,
            "a missing or non-numeric one");
    bad = -1;
  } else if (!(r->lo >= 0 && r->lo <= r->hi)) {
    diag_at(d, path, line_of(g), "%s: expected 0 <= low <= high, got low %g, high %g", where,
            r->lo, r->hi);
    bad = -1;
  }
  return bad;
}

static int read_point(const char *path, const config_setting_t *g, const char *where,
                      struct claim_point *p, struct diag *d)
{
  char metric[40];
  int bad = 0;
  bad |= get_string(path, g, where, "metric", 1, metric, sizeof metric, d);
  bad |= get_string(path, g, where, "label", 1, p->label, sizeof p->label, d);
  bad |= get_string(path, g, where, "year", 1, p->year, sizeof p->year, d);
  bad |= get_string(path, g, where, "confidence", 1, p->confidence, sizeof p->confidence, d);
  if (bad)
    return -1;
  bad |= metric_of(path, g, where, metric, &p->metric, d);
  if (get_number(g, "value", &p->value) != 0 || !(p->value > 0)) {
    diag_at(d, path, line_of(g), "%s.value: expected a number greater than 0", where);
    bad = -1;
  }
  return bad;
}

int claim_ranges_read(const char *path, struct claim_ranges *rg, struct diag *d)
{
  config_t cfg;
  config_init(&cfg);
  int rc = -1;
  if (cfg_file_read(&cfg, path, d) != 0)
    goto done;
  rc = 0;
  const config_setting_t *root = config_root_setting(&cfg);
  const config_setting_t *dcac = config_setting_get_member(root, "dc_ac_ratio");
  if (!dcac || get_number(dcac, "low", &rg->dcac_lo) != 0 ||
      get_number(dcac, "high", &rg->dcac_hi) != 0 || !(rg->dcac_lo >= 1.0) ||
      !(rg->dcac_hi >= rg->dcac_lo) || rg->dcac_hi > 3.0) {
    diag_at(d, path, line_of(dcac), "dc_ac_ratio: expected { low; high; } with "
                                    "1 <= low <= high <= 3");
    rc = -1;
  } else {
    const char *src = NULL;
    char why[96];
    config_setting_lookup_string(dcac, "source", &src);
    if (src && text_utf8_problem(src, why, sizeof why)) {
      diag_at(d, path, line_of(config_setting_get_member(dcac, "source")),
              "dc_ac_ratio.source: %s", why);
      rc = -1;
    }
    copy_str(rg->dcac_source, sizeof rg->dcac_source, src);
  }
  static const char *const lists[2] = { "ranges", "points" };
  for (int k = 0; k < 2; k++) {
    const config_setting_t *l = config_setting_get_member(root, lists[k]);
    if (!l || !config_setting_is_list(l)) {
      diag_at(d, path, line_of(l), "%s: expected a list ( { ... }, ... )", lists[k]);
      rc = -1;
      continue;
    }
    int n = config_setting_length(l), max = k == 0 ? CLAIM_RANGES_MAX : CLAIM_POINTS_MAX;
    if (n > max) {
      diag_at(d, path, line_of(l), "%s: expected at most %d entries, got %d", lists[k], max, n);
      rc = -1;
      n = max;
    }
    for (int i = 0; i < n; i++) {
      const config_setting_t *g = config_setting_get_elem(l, (unsigned)i);
      char where[32];
      snprintf(where, sizeof where, "%s[%d]", lists[k], i);
      if (!config_setting_is_group(g)) {
        diag_at(d, path, line_of(g), "%s: expected a group { ... }", where);
        rc = -1;
        continue;
      }
      if (k == 0 ? read_range(path, g, where, &rg->ranges[i], d) != 0
                 : read_point(path, g, where, &rg->points[i], d) != 0)
        rc = -1;
    }
    if (k == 0)
      rg->n_ranges = n;
    else
      rg->n_points = n;
  }
done:
  config_destroy(&cfg);
  return rc;
}
