/* Joining shard outputs of renewcalc batch; see batch_merge.h. */
#include "batch_merge.h"

#include <stdlib.h>
#include <string.h>

#include "batch_table.h"
#include "diag.h"
#include "infile.h"

struct shard_in {
  const char *path;
  FILE *f;
  char line[BATCH_ROW_MAX + 2];
  long lineno;
  struct batch_label lab; /* from its totals row */
  long lab_line;          /* the totals row's line */
  int ended;              /* its totals row was read */
};

/* Next line of s into s->line; 1, 0 at the end, -1 for a line too long. */
static int shard_line(struct shard_in *s)
{
  if (!fgets(s->line, sizeof s->line, s->f))
    return 0;
  s->lineno++;
  size_t len = strlen(s->line);
  if (len == sizeof s->line - 1 && s->line[len - 1] != '\n')
    return -1;
  return 1;
}

/* Parses the line of s as a shard's totals row ("total,shard K/N of T
 * sites from list sha256:... with template sha256:...,...") into s->lab.
 * 0 or -1. */
static int shard_total(struct shard_in *s)
{
  if (batch_label_parse(s->line, &s->lab) != 0 || s->lab.n < 1)
    return -1;
  s->ended = 1;
  return 0;
}

/* The line number of the last line of s that is not empty, for messages
 * about its totals row. */
static long last_line(FILE *f)
{
  char buf[65536];
  size_t got;
  long line = 1, last = 0;
  int empty = 1;
  rewind(f);
  while ((got = fread(buf, 1, sizeof buf, f)) > 0)
    for (size_t i = 0; i < got; i++) {
      if (buf[i] != '\n') {
        empty = 0;
      } else {
        if (!empty)
          last = line;
        line++;
        empty = 1;
      }
    }
  return empty ? last : line;
}

/* Reads the last line of s (its totals row) for its label, then rewinds.
 * 0, or -1 when the file does not end with a shard's totals row. */
static int shard_tail(struct shard_in *s)
{
  s->lab_line = last_line(s->f);
  if (fseek(s->f, 0, SEEK_END) != 0)
    return -1;
  long size = ftell(s->f);
  long back = size < 2 * BATCH_ROW_MAX ? size : 2 * BATCH_ROW_MAX;
  if (size < 0 || fseek(s->f, size - back, SEEK_SET) != 0)
    return -1;
  char last[sizeof s->line] = "";
  while (fgets(s->line, sizeof s->line, s->f))
    if (s->line[0] != '\n')
      memcpy(last, s->line, sizeof last);
  memcpy(s->line, last, sizeof last);
  int rc = shard_total(s);
  s->ended = 0;
  rewind(s->f);
  s->lineno = 0;
  return rc;
}

/* 0 when shard s comes from the list and template first's does, else -1
 * with the difference in d, at s's totals row. */
static int same_inputs(const struct shard_in *s, const struct shard_in *first, struct diag *d)
{
  if (strcmp(s->lab.list_sha256, first->lab.list_sha256) != 0) {
    diag_at(d, s->path, (int)s->lab_line, "list: expected a shard of the list %s was cut from "
            "(sha256 %s), got a shard of another list (sha256 %s)", first->path,
            first->lab.list_sha256, s->lab.list_sha256);
    return -1;
  }
  if (strcmp(s->lab.template_sha256, first->lab.template_sha256) != 0) {
    diag_at(d, s->path, (int)s->lab_line, "template: expected a shard run with the template "
            "of %s (sha256 %s), got another template (sha256 %s)", first->path,
            first->lab.template_sha256, s->lab.template_sha256);
    return -1;
  }
  return 0;
}

struct batch_merge {
  int n;
  struct shard_in *in;    /* in the order given */
  struct shard_in **by_k; /* shard k at by_k[k - 1] */
};

struct batch_merge *batch_merge_new(const char *const *paths, int n)
{
  struct batch_merge *m = calloc(1, sizeof *m);
  if (!m)
    return NULL;
  m->n = n;
  m->in = calloc((size_t)n, sizeof *m->in);
  m->by_k = calloc((size_t)n, sizeof *m->by_k);
  if (!m->in || !m->by_k) {
    batch_merge_free(m);
    return NULL;
  }
  for (int i = 0; i < n; i++)
    m->in[i].path = paths[i];
  return m;
}

void batch_merge_free(struct batch_merge *m)
{
  if (!m)
    return;
  for (int i = 0; m->in && i < m->n; i++)
    if (m->in[i].f)
      fclose(m->in[i].f);
  free(m->in);
  free(m->by_k);
  free(m);
}

int batch_merge_check(struct batch_merge *m, struct diag *d)
{
  int n = m->n;
  struct shard_in *in = m->in, **by_k = m->by_k;
  /* Each shard's header, then its first line tells which shard it is. */
  for (int i = 0; i < n; i++) {
    struct shard_in *s = &in[i];
    s->f = infile_open_as(s->path, INFILE_DATA_MAX, "cannot open shard output", d);
    if (!s->f)
      return -1;
    if (shard_line(s) != 1 || !batch_table_is_header(s->line)) {
      diag_at(d, s->path, 1, "header: expected the header of renewcalc batch, got %s",
              s->lineno ? "another line" : "an empty file");
      return -1;
    }
    if (shard_tail(s) != 0) {
      diag_msg(d, "%s: expected the output of renewcalc batch --shard K/N, ending in its "
               "totals row \"total,shard K/N of T sites from list sha256:... with template "
               "sha256:...,...\", got another last line (a shard that did not finish, or of "
               "an earlier renewcalc?)", s->path);
      return -1;
    }
    if (s->lab.n != n) {
      diag_msg(d, "%s: expected %d shards as given, got shard %d/%d: merge needs all %d shards "
               "of the list", s->path, n, s->lab.k, s->lab.n, s->lab.n);
      return -1;
    }
    if (i > 0 && s->lab.total != in[0].lab.total) {
      diag_msg(d, "%s: expected shards of one list (%ld sites, as %s), got a shard of %ld sites",
               s->path, in[0].lab.total, in[0].path, s->lab.total);
      return -1;
    }
    if (i > 0 && same_inputs(s, &in[0], d) != 0)
      return -1;
    shard_line(s); /* the header again */
    if (shard_line(s) != 1) {
      diag_at(d, s->path, 2, "expected a site row or the totals row, got the end of the file");
      return -1;
    }
    long idx = batch_table_index(s->line);
    int k = idx > 0 ? (int)((idx - 1) % n) + 1 : 0;
    if (idx < 0 && shard_total(s) == 0)
      k = s->lab.k;
    if (k < 1 || k > n || (idx > 0 && idx > n)) {
      diag_at(d, s->path, 2, "expected the first row of shard 1..%d of %d (site 1..%d) or its "
              "totals row, got '%.40s'", n, n, n, s->line);
      return -1;
    }
    if (by_k[k - 1]) {
      diag_at(d, s->path, 2, "expected each shard once, got shard %d/%d again (also %s)", k, n,
              by_k[k - 1]->path);
      return -1;
    }
    by_k[k - 1] = s;
  }
  return 0;
}

int batch_merge_write(struct batch_merge *m, FILE *out, struct diag *d)
{
  int n = m->n;
  struct shard_in **by_k = m->by_k;
  struct batch_totals tot;
  batch_totals_init(&tot);
  batch_table_write_header(out);
  /* Site i is the next row of shard ((i - 1) mod n) + 1. */
  for (long i = 1;; i++) {
    struct shard_in *s = by_k[(i - 1) % n];
    if (s->ended)
      break;
    long idx = batch_table_index(s->line);
    if (idx != i) {
      if (idx < 0 && shard_total(s) == 0)
        break;
      diag_at(d, s->path, (int)s->lineno, "expected site %ld (shard %ld/%d), got '%.40s'", i,
              (i - 1) % n + 1, n, s->line);
      return -1;
    }
    /* Written again, not copied: a shard is a file like any other. */
    char row[BATCH_ROW_MAX];
    if (batch_table_clean(s->line, row, sizeof row) == 0 || batch_totals_add(&tot, row) != 0) {
      diag_at(d, s->path, (int)s->lineno, "expected a row of renewcalc batch, got '%.40s'",
              s->line);
      return -1;
    }
    fputs(row, out);
    if (shard_line(s) != 1) {
      diag_at(d, s->path, (int)s->lineno + 1, "expected a site row or the totals row, got the "
              "end of the file (a shard that did not finish?)");
      return -1;
    }
  }
  /* Every shard must be at its totals row, with the same N and total. */
  long total = -1;
  for (int k = 0; k < n; k++) {
    struct shard_in *s = by_k[k];
    if (!s->ended && shard_total(s) != 0) {
      diag_at(d, s->path, (int)s->lineno, "expected site %ld or the totals row, got '%.40s'",
              tot.sites + 1, s->line);
      return -1;
    }
    if (s->lab.n != n || s->lab.k != k + 1 || (total >= 0 && s->lab.total != total)) {
      diag_at(d, s->path, (int)s->lineno, "expected shard %d/%d of the same list as the other "
              "files, got shard %d/%d of %ld sites", k + 1, n, s->lab.k, s->lab.n,
              s->lab.total);
      return -1;
    }
    /* Read again: the file may have changed since batch_merge_check(). */
    s->lab_line = s->lineno;
    if (same_inputs(s, by_k[0], d) != 0)
      return -1;
    total = s->lab.total;
  }
  if (tot.sites != total) {
    diag_msg(d, "merge: expected %ld sites in the shards, got %ld", total, tot.sites);
    return -1;
  }
  /* The digests the shards agree on: the table is the one run's. */
  struct batch_label all = by_k[0]->lab;
  all.k = all.n = 0;
  char label[BATCH_LABEL_MAX];
  batch_label_format(&all, label);
  batch_totals_write(&tot, label, out);
  return 0;
}
