/* Bond and portfolio files; see bond_cfg.h and docs/portfolio.md. */
#include "bond_cfg.h"

#include <errno.h>
#include <libconfig.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cfg_describe.h"
#include "cfg_file.h"
#include "diag.h"
#include "path.h"
#include "text.h"

/* The keys of each level of the file, for unknown-key messages. */
static const char *const top_keys[] = { "name", "bonds", NULL };
static const char *const bond_keys[] = { "name", "currency", "amount", "projects", NULL };
static const char *const project_keys[] = { "name",      "site",        "total_cost",
                                            "financed",  "signed",      "outstanding",
                                            "equity",    "debt",        NULL };

struct ctx {
  const char *path;
  struct diag *d;
  int bad;
};

#define ERR(c, s, ...)                                                                            \
  do {                                                                                            \
    diag_at((c)->d, (c)->path, line_of(s), __VA_ARGS__);                                          \
    (c)->bad = 1;                                                                                 \
  } while (0)

static int line_of(const config_setting_t *s)
{
  int line = s ? (int)config_setting_source_line(s) : 0;
  return line > 0 ? line : 1;
}

static void copy_str(char *dst, size_t n, const char *src)
{
  text_copy(dst, n, src ? src : "");
}

/* Levenshtein distance of two short key names. */
static size_t edit_distance(const char *a, const char *b)
{
  enum { MAXLEN = 64 };
  size_t la = strlen(a), lb = strlen(b);
  if (la >= MAXLEN || lb >= MAXLEN)
    return MAXLEN;
  size_t prev[MAXLEN + 1], cur[MAXLEN + 1];
  for (size_t j = 0; j <= lb; j++)
    prev[j] = j;
  for (size_t i = 1; i <= la; i++) {
    cur[0] = i;
    for (size_t j = 1; j <= lb; j++) {
      size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
      size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
    }
    memcpy(prev, cur, sizeof prev);
  }
  return prev[lb];
}

/* Reports every member of g not in keys, with the nearest known key. */
static void check_keys(struct ctx *c, const config_setting_t *g, const char *where,
                       const char *const *keys)
{
  for (int i = 0; i < config_setting_length(g); i++) {
    const config_setting_t *s = config_setting_get_elem(g, (unsigned)i);
    const char *name = config_setting_name(s);
    if (!name)
      continue;
    int known = 0;
    const char *near = NULL;
    size_t best = 4; /* farther than 3 edits is a different word */
    for (int k = 0; keys[k]; k++) {
      known |= strcmp(keys[k], name) == 0;
      size_t dist = edit_distance(keys[k], name);
      if (dist < best) {
        best = dist;
        near = keys[k];
      }
    }
    if (known)
      continue;
    if (near)
      ERR(c, s, "%s%s%s: expected a known key (did you mean '%s'?), got '%s'", where,
          *where ? "." : "", name, near, name);
    else
      ERR(c, s, "%s%s%s: expected a known key (see docs/portfolio.md), got '%s'", where,
          *where ? "." : "", name, name);
  }
}

/* A string key: 1 when given and a string (copied), 0 when absent (an
 * error when required), -1 when of another type (reported). */
static int get_string(struct ctx *c, const config_setting_t *g, const char *where,
                      const char *key, int required, char *dst, size_t n)
{
  const config_setting_t *s = config_setting_get_member(g, key);
  dst[0] = '\0';
  if (!s) {
    if (required)
      ERR(c, g, "%s.%s: expected a string, got nothing (the key is required)", where, key);
    return 0;
  }
  if (config_setting_type(s) != CONFIG_TYPE_STRING) {
    char got[64];
    cfg_describe(s, got, sizeof got);
    ERR(c, s, "%s.%s: expected a string, got %s", where, key, got);
    return -1;
  }
  const char *v = config_setting_get_string(s);
  if (required && !*v) {
    ERR(c, s, "%s.%s: expected a non-empty string, got \"\"", where, key);
    return -1;
  }
  char why[96];
  if (text_utf8_problem(v, why, sizeof why)) {
    ERR(c, s, "%s%s%s: %s", where, *where ? "." : "", key, why);
    return -1;
  }
  copy_str(dst, n, v);
  return 1;
}

/* A number key, > 0 (positive) or >= 0: 1 when given and valid, 0 when
 * absent (an error when required), -1 when invalid (reported). */
static int get_amount(struct ctx *c, const config_setting_t *g, const char *where,
                      const char *key, int required, int positive, const char *unit, double *v)
{
  const config_setting_t *s = config_setting_get_member(g, key);
  const char *rule = positive ? "greater than 0" : "at least 0";
  *v = 0;
  if (!s) {
    if (required)
      ERR(c, g, "%s.%s: expected a number %s %s, got nothing (the key is required)", where, key,
          rule, unit);
    return 0;
  }
  int t = config_setting_type(s);
  char got[64];
  cfg_describe(s, got, sizeof got);
  if (t == CONFIG_TYPE_INT)
    *v = config_setting_get_int(s);
  else if (t == CONFIG_TYPE_INT64)
    *v = (double)config_setting_get_int64(s);
  else if (t == CONFIG_TYPE_FLOAT)
    *v = config_setting_get_float(s);
  else {
    ERR(c, s, "%s.%s: expected a number %s %s, got %s", where, key, rule, unit, got);
    return -1;
  }
  if (!isfinite(*v) || (positive ? !(*v > 0) : !(*v >= 0))) {
    ERR(c, s, "%s.%s: expected a number %s %s, got %s", where, key, rule, unit, got);
    return -1;
  }
  return 1;
}

static const config_setting_t *member_line(const config_setting_t *g, const char *key)
{
  const config_setting_t *s = config_setting_get_member(g, key);
  return s ? s : g;
}

static int currency_ok(const char *s)
{
  if (strlen(s) != 3)
    return 0;
  for (int i = 0; i < 3; i++)
    if (s[i] < 'A' || s[i] > 'Z')
      return 0;
  return 1;
}

/* The site of a project: resolved, and its index among the book's
 * distinct sites (a new one is added). -1 when it cannot be found. */
static int find_site(struct ctx *c, struct bond_book *b, const config_setting_t *s,
                     const char *where, struct bond_project *p, int max_sites)
{
  const char *rel = p->site_given;
  copy_str(p->site_given, sizeof p->site_given, p->site);
  path_resolve(c->path, rel, p->site, sizeof p->site);
  struct stat st;
  if (stat(p->site, &st) != 0) {
    ERR(c, s, "%s.site: expected a readable site file, got '%s' (%s: %s)", where, rel, p->site,
        strerror(errno));
    return -1;
  }
  if (!S_ISREG(st.st_mode)) {
    ERR(c, s, "%s.site: expected a readable site file, got '%s' (%s: not a regular file)", where,
        rel, p->site);
    return -1;
  }
  int idx = -1;
  for (int i = 0; i < b->n_sites; i++)
    if (b->sites[i].dev == (unsigned long long)st.st_dev &&
        b->sites[i].ino == (unsigned long long)st.st_ino)
      idx = i;
  if (idx < 0 && b->n_sites < max_sites) {
    idx = b->n_sites++;
    copy_str(b->sites[idx].path, sizeof b->sites[idx].path, p->site);
    b->sites[idx].dev = (unsigned long long)st.st_dev;
    b->sites[idx].ino = (unsigned long long)st.st_ino;
  }
  return idx;
}

static void read_project(struct ctx *c, struct bond_book *b, const struct bond *bond,
                         const config_setting_t *g, const char *where, struct bond_project *p,
                         int max_sites)
{
  const char *cur = bond->currency[0] ? bond->currency : "currency units";
  memset(p, 0, sizeof *p);
  p->line = line_of(g);
  p->site_index = -1;
  check_keys(c, g, where, project_keys);
  get_string(c, g, where, "name", 0, p->name, sizeof p->name);
  if (get_string(c, g, where, "site", 1, p->site, sizeof p->site) == 1)
    p->site_index = find_site(c, b, member_line(g, "site"), where, p, max_sites);
  int ok_total = get_amount(c, g, where, "total_cost", 1, 1, cur, &p->total_cost) == 1;
  int ok_fin = get_amount(c, g, where, "financed", 1, 1, cur, &p->financed) == 1;
  if (ok_total && ok_fin && p->financed > p->total_cost * (1 + PORTFOLIO_SHARE_TOL))
    ERR(c, member_line(g, "financed"),
        "%s.financed: expected at most the total_cost, %.15g %s, got %.15g", where,
        p->total_cost, cur, p->financed);
  int sg = get_amount(c, g, where, "signed", 0, 1, cur, &p->signed_amount);
  if (sg == 0)
    p->signed_amount = p->financed;
  else if (sg == 1 && ok_fin && p->signed_amount < p->financed * (1 - PORTFOLIO_SHARE_TOL))
    ERR(c, member_line(g, "signed"),
        "%s.signed: expected at least the financed amount, %.15g %s, got %.15g", where,
        p->financed, cur, p->signed_amount);

  static const char *const pcaf[3] = { "outstanding", "equity", "debt" };
  double *dst[3] = { &p->outstanding, &p->equity, &p->debt };
  int given[3], n_given = 0, n_ok = 0;
  for (int k = 0; k < 3; k++) {
    given[k] = config_setting_get_member(g, pcaf[k]) != NULL;
    n_given += given[k];
    n_ok += get_amount(c, g, where, pcaf[k], 0, k == 0, cur, dst[k]) == 1;
  }
  if (n_given > 0 && n_given < 3) {
    char list[64] = "";
    for (int k = 0; k < 3; k++)
      if (given[k])
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", list[0] ? " and " : "",
                 pcaf[k]);
    ERR(c, g, "%s: expected all of outstanding, equity and debt or none of them, got only %s",
        where, list);
  } else if (n_ok == 3) {
    p->has_pcaf = 1;
    if (!(p->equity + p->debt > 0))
      ERR(c, member_line(g, "equity"), "%s: expected equity + debt greater than 0, got 0", where);
    else if (p->outstanding > (p->equity + p->debt) * (1 + PORTFOLIO_SHARE_TOL))
      ERR(c, member_line(g, "outstanding"),
          "%s.outstanding: expected at most equity + debt, %.15g %s, got %.15g", where,
          p->equity + p->debt, cur, p->outstanding);
  } else if (n_given == 0 && b->method == PORTFOLIO_PCAF) {
    ERR(c, g, "%s: expected outstanding, equity and debt (attribution pcaf), got none of them",
        where);
  }
}

static void read_bond(struct ctx *c, struct bond_book *b, const config_setting_t *g,
                      const char *where, struct bond *bond, int max_sites)
{
  bond->line = line_of(g);
  check_keys(c, g, where, bond_keys);
  get_string(c, g, where, "name", 1, bond->name, sizeof bond->name);
  if (get_string(c, g, where, "currency", 1, bond->currency, sizeof bond->currency) == 1 &&
      !currency_ok(bond->currency)) {
    const config_setting_t *s = config_setting_get_member(g, "currency");
    ERR(c, s, "%s.currency: expected a three-letter ISO 4217 code such as \"USD\", got \"%s\"",
        where, config_setting_get_string(s));
  }
  const char *cur = bond->currency[0] ? bond->currency : "currency units";
  int ok_amount = get_amount(c, g, where, "amount", 1, 1, cur, &bond->amount) == 1;
  const config_setting_t *l = config_setting_get_member(g, "projects");
  if (!l) {
    ERR(c, g, "%s.projects: expected a list of projects ( { ... }, ... ), got nothing (the key "
              "is required)", where);
    return;
  }
  if (!config_setting_is_list(l) || config_setting_length(l) == 0) {
    char got[64];
    cfg_describe(l, got, sizeof got);
    ERR(c, l, "%s.projects: expected a list of at least one project ( { ... }, ... ), got %s",
        where, config_setting_is_list(l) ? "an empty list" : got);
    return;
  }
  int n = config_setting_length(l);
  bond->projects = calloc((size_t)(unsigned)n, sizeof *bond->projects);
  if (!bond->projects) {
    diag_msg(c->d, "out of memory");
    c->bad = 1;
    return;
  }
  bond->n_projects = n;
  double sum = 0;
  for (int i = 0; i < n; i++) {
    const config_setting_t *pg = config_setting_get_elem(l, (unsigned)i);
    char pw[96];
    snprintf(pw, sizeof pw, "%s.projects[%d]", where, i);
    struct bond_project *p = &bond->projects[i];
    if (!config_setting_is_group(pg)) {
      char got[64];
      cfg_describe(pg, got, sizeof got);
      ERR(c, pg, "%s: expected a group { ... }, got %s", pw, got);
      p->site_index = -1;
      continue;
    }
    read_project(c, b, bond, pg, pw, p, max_sites);
    sum += p->financed;
    for (int j = 0; j < i; j++)
      if (p->site_index >= 0 && bond->projects[j].site_index == p->site_index)
        ERR(c, member_line(pg, "site"),
            "%s.site: expected each project once in a bond, got '%s' again (also %s.projects[%d])",
            pw, b->sites[p->site_index].path, where, j);
  }
  if (ok_amount && sum > bond->amount * (1 + PORTFOLIO_SHARE_TOL))
    ERR(c, member_line(g, "amount"),
        "%s.amount: expected at least what the projects are financed with, %.15g %s in all, "
        "got %.15g", where, sum, cur, bond->amount);
}

/* The project as a reader knows it: its name in this bond, else its file. */
static const char *project_label(const struct bond_project *p)
{
  return p->name[0] ? p->name : p->site_given;
}

/* Bonds that finance the same site must describe the same project. */
static void check_same_projects(struct ctx *c, struct bond_book *b)
{
  for (int i = 0; i < b->n_bonds; i++)
    for (int k = 0; k < b->bonds[i].n_projects; k++) {
      const struct bond_project *p = &b->bonds[i].projects[k];
      for (int j = 0; j < i; j++)
        for (int m = 0; m < b->bonds[j].n_projects; m++) {
          const struct bond_project *q = &b->bonds[j].projects[m];
          if (q->site_index != p->site_index ||
              strcmp(b->bonds[i].currency, b->bonds[j].currency) != 0)
            continue;
          if (fabs(p->total_cost - q->total_cost) > PORTFOLIO_SHARE_TOL * q->total_cost)
            diag_at(c->d, c->path, p->line,
                    "bonds[%d].projects[%d].total_cost: expected %.15g %s, the total cost bond "
                    "'%s' gives project '%s', got %.15g", i, k, q->total_cost,
                    b->bonds[i].currency, b->bonds[j].name, project_label(q), p->total_cost),
              c->bad = 1;
          if (p->has_pcaf && q->has_pcaf &&
              fabs(p->equity + p->debt - q->equity - q->debt) >
                PORTFOLIO_SHARE_TOL * (q->equity + q->debt))
            diag_at(c->d, c->path, p->line,
                    "bonds[%d].projects[%d]: expected equity + debt %.15g %s, as bond '%s' gives "
                    "project '%s', got %.15g", i, k, q->equity + q->debt, b->bonds[i].currency,
                    b->bonds[j].name, project_label(q), p->equity + p->debt),
              c->bad = 1;
        }
    }
}

/* Shares by the book's method, then the double-counting guard: the bonds'
 * shares of one project may not add up to more than the whole project. */
static void attribute(struct ctx *c, struct bond_book *b)
{
  int n = 0;
  for (int i = 0; i < b->n_bonds; i++)
    n += b->bonds[i].n_projects;
  int *proj = calloc((size_t)n + 1, sizeof *proj);
  double *share = calloc((size_t)n + 1, sizeof *share);
  int *bond_of = calloc((size_t)n + 1, sizeof *bond_of);
  struct bond_project **hold = calloc((size_t)n + 1, sizeof *hold);
  if (!proj || !share || !bond_of || !hold) {
    diag_msg(c->d, "out of memory");
    c->bad = 1;
    goto done;
  }
  n = 0;
  for (int i = 0; i < b->n_bonds; i++)
    for (int k = 0; k < b->bonds[i].n_projects; k++) {
      struct bond_project *p = &b->bonds[i].projects[k];
      int rc;
      if (b->method == PORTFOLIO_PCAF) {
        p->amount = p->outstanding;
        rc = portfolio_share_pcaf(p->outstanding, p->equity, p->debt, &p->share);
      } else {
        p->amount = p->financed;
        rc = portfolio_share_icma(p->financed, p->total_cost, &p->share);
      }
      if (rc != PORTFOLIO_OK) { /* validated above; a guard only */
        diag_at(c->d, c->path, p->line, "bonds[%d].projects[%d]: expected a share of 0 to 100 %%, "
                "got %.2f %%", i, k, 100 * p->share);
        c->bad = 1;
      }
      proj[n] = p->site_index;
      share[n] = p->share;
      bond_of[n] = i;
      hold[n++] = p;
    }
  if (c->bad)
    goto done;
  double sum;
  int over = portfolio_over_allocated(proj, share, n, b->n_sites, &sum);
  if (over >= 0) {
    char list[1024] = "";
    for (int i = 0; i < n; i++) {
      if (proj[i] != proj[over])
        continue;
      size_t len = strlen(list);
      snprintf(list + len, sizeof list - len, "%sbond '%s' %.2f %%", len ? ", " : "",
               b->bonds[bond_of[i]].name, 100 * share[i]);
    }
    const struct bond_project *p = hold[over];
    int bi = bond_of[over], k = (int)(p - b->bonds[bi].projects);
    diag_at(c->d, c->path, p->line,
            "bonds[%d].projects[%d]: expected the shares of project '%s' held by all bonds to "
            "add up to at most 100 %%, got %.2f %% (%s)", bi, k, project_label(p), 100 * sum,
            list);
    c->bad = 1;
  }
done:
  free(proj);
  free(share);
  free(bond_of);
  free(hold);
}

void bond_book_free(struct bond_book *book)
{
  if (!book)
    return;
  for (int i = 0; i < book->n_bonds; i++)
    free(book->bonds[i].projects);
  free(book->bonds);
  free(book->sites);
  free(book);
}

struct bond_book *bond_cfg_read(const char *path, enum portfolio_method method, struct diag *d)
{
  struct ctx c = { path, d, 0 };
  struct bond_book *b = calloc(1, sizeof *b);
  if (!b) {
    diag_msg(d, "out of memory");
    return NULL;
  }
  copy_str(b->path, sizeof b->path, path);
  b->method = method;
  config_t cfg;
  config_init(&cfg);
  if (cfg_file_read(&cfg, path, d) != 0) {
    c.bad = 1;
    goto done;
  }
  const config_setting_t *root = config_root_setting(&cfg);
  check_keys(&c, root, "", top_keys);
  get_string(&c, root, "", "name", 0, b->name, sizeof b->name);
  const config_setting_t *l = config_setting_get_member(root, "bonds");
  if (!l) {
    diag_at(d, path, 1, "bonds: expected a list of bonds ( { ... }, ... ), got nothing (the key "
                        "is required)");
    c.bad = 1;
    goto done;
  }
  if (!config_setting_is_list(l) || config_setting_length(l) == 0) {
    char got[64];
    cfg_describe(l, got, sizeof got);
    ERR(&c, l, "bonds: expected a list of at least one bond ( { ... }, ... ), got %s",
        config_setting_is_list(l) ? "an empty list" : got);
    goto done;
  }
  int n = config_setting_length(l), max_sites = 0;
  for (int i = 0; i < n; i++) {
    const config_setting_t *pl =
      config_setting_get_member(config_setting_get_elem(l, (unsigned)i), "projects");
    max_sites += pl && config_setting_is_list(pl) ? config_setting_length(pl) : 0;
  }
  b->bonds = calloc((size_t)(unsigned)n, sizeof *b->bonds);
  b->sites = calloc((size_t)max_sites + 1, sizeof *b->sites);
  if (!b->bonds || !b->sites) {
    diag_msg(d, "out of memory");
    c.bad = 1;
    goto done;
  }
  b->n_bonds = n;
  for (int i = 0; i < n; i++) {
    const config_setting_t *g = config_setting_get_elem(l, (unsigned)i);
    char where[32];
    snprintf(where, sizeof where, "bonds[%d]", i);
    if (!config_setting_is_group(g)) {
      char got[64];
      cfg_describe(g, got, sizeof got);
      ERR(&c, g, "%s: expected a group { ... }, got %s", where, got);
      continue;
    }
    read_bond(&c, b, g, where, &b->bonds[i], max_sites);
  }
  for (int i = 0; i < n; i++)
    for (int j = 0; j < i; j++)
      if (b->bonds[i].name[0] && strcmp(b->bonds[i].name, b->bonds[j].name) == 0)
        diag_at(d, path, b->bonds[i].line,
                "bonds[%d].name: expected a name no other bond has, got \"%s\" (also bonds[%d])",
                i, b->bonds[i].name, j),
          c.bad = 1;
  if (c.bad)
    goto done;
  check_same_projects(&c, b);
  if (!c.bad)
    attribute(&c, b);
done:
  config_destroy(&cfg);
  if (c.bad) {
    bond_book_free(b);
    return NULL;
  }
  return b;
}
