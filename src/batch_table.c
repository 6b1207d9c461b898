/* The batch output table; see batch_table.h. */
#include "batch_table.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "csvline.h"
#include "sim.h"
#include "site.h"
#include "text.h"

/* Columns, in order; SUM marks the ones the totals row adds up. The one
 * list gives both the header and the table below. */
#define BATCH_COLUMNS(X)                                                                  \
  X(index, 0) X(name, 0) X(technology, 0) X(latitude, 0) X(longitude, 0)                   \
  X(capacity_mw, 1) X(annual_generation_mwh, 1) X(capacity_factor, 0)                     \
  X(specific_yield_kwh_per_kw, 0) X(poa_kwh_per_m2, 0) X(clipping_loss_mwh, 1)            \
  X(mean_hub_wind_speed_m_s, 0) X(coal_saved_tce, 1) X(co2_avoided_t, 1)                  \
  X(so2_avoided_t, 1) X(nox_avoided_t, 1) X(dust_avoided_t, 1) X(lifetime_years, 0)       \
  X(lifetime_generation_mwh, 1) X(lifetime_coal_saved_tce, 1)                              \
  X(lifetime_co2_avoided_t, 1) X(p50_mwh, 1) X(p90_mwh, 0)
#define AS_ENTRY(n, s) { #n, s },
#define AS_TEXT(n, s) #n ","

static const struct {
  const char *name;
  int sum;
} cols[] = { BATCH_COLUMNS(AS_ENTRY) };
#define N_COLS ((int)(sizeof cols / sizeof cols[0]))
enum { COL_CAPACITY = 5, COL_ENERGY = 6, COL_CF = 7 };

/* The header with a comma after every name, the last one included. */
static const char header_commas[] = BATCH_COLUMNS(AS_TEXT);
#define HEADER_LEN (sizeof header_commas - 2) /* without the last comma and the NUL */

int batch_table_write_header(FILE *f)
{
  fprintf(f, "%.*s\n", (int)HEADER_LEN, header_commas);
  return ferror(f) ? -1 : 0;
}

int batch_table_is_header(const char *line)
{
  return strncmp(line, header_commas, HEADER_LEN) == 0 &&
         (line[HEADER_LEN] == '\0' || line[HEADER_LEN] == '\n' || line[HEADER_LEN] == '\r');
}

size_t batch_table_row(long index, const struct sim_result *r, const char *technology,
                       char *buf)
{
  const struct plant_result *p = &r->plants[0];
  const struct site *s = r->site;
  int pv = p->cfg->type == PLANT_PV;
  char name[TEXT_CSV_SIZE(SITE_NAME_MAX)];
  text_csv_cell(name, sizeof name, s->name, TEXT_CSV_QUOTE_NEEDED);
  char poa[32] = "", clip[32] = "0.000", hub[32] = "";
  if (pv) {
    snprintf(poa, sizeof poa, "%.2f", p->poa_kwh_m2);
    snprintf(clip, sizeof clip, "%.3f", p->clipping_mwh);
  } else {
    snprintf(hub, sizeof hub, "%.3f", p->wind.mean_hub_speed_ms);
  }
  int len = snprintf(buf, BATCH_ROW_MAX,
                     "%ld,%s,%s,%.6f,%.6f,%.3f,%.3f,%.5f,%.2f,%s,%s,%s,%.3f,%.3f,%.3f,%.3f,"
                     "%.3f,%d,%.3f,%.3f,%.3f,%.3f,%.3f\n",
                     index, name, technology, s->latitude, s->longitude, p->cfg->capacity_mw_ac,
                     r->annual_mwh, p->capacity_factor, p->specific_yield_kwh_per_kw, poa, clip,
                     hub, r->annual.coal_tce, r->annual.co2_t, r->annual.so2_t, r->annual.nox_t,
                     r->annual.dust_t, s->lifetime_years, r->lifetime_mwh, r->lifetime.coal_tce,
                     r->lifetime.co2_t, r->unc.p50_mwh, r->unc.p90_mwh);
  return len < BATCH_ROW_MAX ? (size_t)len : BATCH_ROW_MAX - 1;
}

void batch_totals_init(struct batch_totals *t)
{
  memset(t, 0, sizeof *t);
}

/* Splits a copy of row at commas outside quotes into at most N_COLS fields;
 * returns the count. */
static int split(const char *row, char *copy, size_t n, char **field)
{
  snprintf(copy, n, "%s", row);
  size_t len = strcspn(copy, "\r\n");
  copy[len] = '\0';
  int nf = 0, quoted = 0;
  field[nf++] = copy;
  for (char *c = copy; *c; c++) {
    if (*c == '"')
      quoted = !quoted;
    else if (*c == ',' && !quoted) {
      *c = '\0';
      if (nf == N_COLS)
        return N_COLS + 1;
      field[nf++] = c + 1;
    }
  }
  return nf;
}

int batch_totals_add(struct batch_totals *t, const char *row)
{
  char copy[BATCH_ROW_MAX];
  char *field[N_COLS + 1];
  if (split(row, copy, sizeof copy, field) != N_COLS)
    return -1;
  int k = 0;
  double v[N_COLS];
  for (int c = 0; c < N_COLS; c++) {
    if (!cols[c].sum)
      continue;
    if (!*field[c])
      v[k] = 0.0;
    else if (csvline_parse_double(field[c], &v[k]) != 0)
      return -1;
    k++;
  }
  for (int i = 0; i < k; i++)
    t->sum[i] += v[i];
  t->n_sum = k;
  t->sites++;
  return 0;
}

void batch_label_format(const struct batch_label *l, char *buf)
{
  char which[64];
  if (l->n > 0)
    snprintf(which, sizeof which, "shard %d/%d of", l->k, l->n);
  else
    snprintf(which, sizeof which, "all");
  snprintf(buf, BATCH_LABEL_MAX, "%s %ld sites from list sha256:%s with template sha256:%s",
           which, l->total, l->list_sha256, l->template_sha256);
}

/* The label is read by hand rather than by sscanf(): a number out of
 * range in a file from elsewhere must be a refusal, not undefined. */
static int take_text(const char **s, const char *text)
{
  size_t n = strlen(text);
  if (strncmp(*s, text, n) != 0)
    return -1;
  *s += n;
  return 0;
}

static int take_long(const char **s, long lo, long hi, long *v)
{
  if (**s < '0' || **s > '9')
    return -1;
  char *end;
  errno = 0;
  long x = strtol(*s, &end, 10);
  if (errno || x < lo || x > hi)
    return -1;
  *s = end;
  *v = x;
  return 0;
}

static int take_hex(const char **s, char hex[65])
{
  for (int i = 0; i < 64; i++) {
    char c = (*s)[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
      return -1;
    hex[i] = c;
  }
  hex[64] = '\0';
  *s += 64;
  return 0;
}

int batch_label_parse(const char *row, struct batch_label *l)
{
  const char *s = row;
  long k = 0, n = 0;
  memset(l, 0, sizeof *l);
  if (take_text(&s, "total,") != 0)
    return -1;
  if (take_text(&s, "shard ") == 0) {
    if (take_long(&s, 1, BATCH_SHARDS_MAX, &k) != 0 || take_text(&s, "/") != 0 ||
        take_long(&s, k, BATCH_SHARDS_MAX, &n) != 0 || take_text(&s, " of ") != 0)
      return -1;
  } else if (take_text(&s, "all ") != 0) {
    return -1;
  }
  if (take_long(&s, 0, LONG_MAX, &l->total) != 0 ||
      take_text(&s, " sites from list sha256:") != 0 || take_hex(&s, l->list_sha256) != 0 ||
      take_text(&s, " with template sha256:") != 0 || take_hex(&s, l->template_sha256) != 0 ||
      take_text(&s, ",") != 0)
    return -1;
  l->k = (int)k;
  l->n = (int)n;
  return 0;
}

int batch_totals_write(const struct batch_totals *t, const char *label, FILE *f)
{
  fprintf(f, "total,%s,", label);
  int k = 0;
  double cap = 0.0, energy = 0.0;
  for (int c = 2; c < N_COLS; c++) {
    double v = cols[c].sum && k < t->n_sum ? t->sum[k] : 0.0;
    if (c == COL_CAPACITY)
      cap = v;
    if (c == COL_ENERGY)
      energy = v;
    if (cols[c].sum) {
      fprintf(f, "%.3f", v);
      k++;
    } else if (c == COL_CF && cap > 0.0) {
      fprintf(f, "%.5f", energy / (cap * 8760.0));
    }
    fputc(c + 1 < N_COLS ? ',' : '\n', f);
  }
  return ferror(f) ? -1 : 0;
}

size_t batch_table_clean(const char *row, char *out, size_t size)
{
  struct csvline c;
  const char *pos = row;
  size_t len = 0;
  csvline_init(&c);
  if (csvline_read_mem(&c, &pos) != 1 || csvline_split(&c, ',') != N_COLS)
    goto bad;
  for (int k = 0; k < N_COLS; k++) {
    const char *v = c.field[k];
    char cell[TEXT_CSV_SIZE(SITE_NAME_MAX)];
    double x;
    if (k == 1) { /* the name */
      text_csv_cell(cell, sizeof cell, v, TEXT_CSV_QUOTE_NEEDED);
      v = cell;
    } else if (k == 2 ? strcmp(v, "pv") != 0 && strcmp(v, "wind") != 0
                      : (*v || k == 0) && csvline_parse_double(v, &x) != 0) {
      goto bad; /* the index is a number, other figures numbers or empty */
    }
    int n = snprintf(out + len, size - len, "%s%s", v, k + 1 < N_COLS ? "," : "\n");
    if (n < 0 || (size_t)n >= size - len)
      goto bad;
    len += (size_t)n;
  }
  csvline_free(&c);
  return len;
bad:
  csvline_free(&c);
  return 0;
}

long batch_table_index(const char *row)
{
  char *end;
  long i = strtol(row, &end, 10);
  return end != row && *end == ',' && i > 0 ? i : -1;
}
