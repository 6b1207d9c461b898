/* The output table of `renewcalc batch`: one CSV row per site with the
 * JSON summary's keys flattened, then one totals row. Every figure is
 * printed with a fixed number of decimals and the totals are sums of the
 * printed figures, in site order, so that the totals add up to what the
 * rows show and so that `renewcalc merge` of shard outputs reproduces a
 * single run byte for byte. */
#ifndef RENEWCALC_BATCH_TABLE_H
#define RENEWCALC_BATCH_TABLE_H

#include <stddef.h>
#include <stdio.h>

struct sim_result;

/* Writes the header line (with its line end). 0, or -1 on a write error. */
int batch_table_write_header(FILE *f);

/* 1 if line (its line end optional) is the header, else 0. */
int batch_table_is_header(const char *line);

/* Longest row batch_table_row() writes, with its line end. */
#define BATCH_ROW_MAX 1536

/* Writes site index's row ("...\n") for the one-plant result r into buf
 * (BATCH_ROW_MAX bytes). Returns the length. */
size_t batch_table_row(long index, const struct sim_result *r, const char *technology,
                       char *buf);

/* Sums of the summed columns, over rows in site order. */
struct batch_totals {
  long sites;
  double sum[16];
  int n_sum;
};

void batch_totals_init(struct batch_totals *t);

/* Adds the row text (as batch_table_row() writes it, or as read back from
 * a file) to t. Returns 0, or -1 when the row does not have the table's
 * columns or a summed figure is not a number. Does not modify row. */
int batch_totals_add(struct batch_totals *t, const char *row);

/* What the totals row's label names: the whole list or one shard of it,
 * the list's length and the SHA-256 digests of the list's content and of
 * the template site file. Two lists of the same length, or one list run
 * with two templates, give tables that look alike; the digests tell
 * renewcalc merge their shards apart. */
struct batch_label {
  int k, n;                 /* shard k of n (1 <= k <= n); 0, 0: the whole list */
  long total;               /* sites in the list */
  char list_sha256[65];     /* 64 lowercase hex digits and a NUL */
  char template_sha256[65]; /* of the template file, or of the text "no template" */
};

/* Most shards a list is cut into (renewcalc batch --shard K/N, N at most this). */
#define BATCH_SHARDS_MAX 1000000

/* Longest label batch_label_format() writes, with its NUL. */
#define BATCH_LABEL_MAX 256

/* The text of the label l, "all T sites from list sha256:HEX with template
 * sha256:HEX" or "shard K/N of T sites from list ...", into buf
 * (BATCH_LABEL_MAX bytes). It has no comma or quote. */
void batch_label_format(const struct batch_label *l, char *buf);

/* Reads the label of the totals row row ("total,LABEL,..." as
 * batch_totals_write() writes it; its line end optional) into *l. 0, or -1
 * when row is not a totals row with such a label (a row, a totals row of
 * another form, a shard number out of range, a digest that is not 64 hex
 * digits). */
int batch_label_parse(const char *row, struct batch_label *l);

/* Writes the totals row: "total,<label>,..." with line end. label has no
 * comma or quote (batch_label_format()). Returns 0, or -1 on a write
 * error. */
int batch_totals_write(const struct batch_totals *t, const char *label, FILE *f);

/* A data row read back from a file (a shard of batch --shard), written
 * again into out (size bytes) as batch_table_row() would: the name as a
 * text cell (text_csv_cell()), the technology "pv" or "wind", every other
 * field a number or empty. A row renewcalc wrote comes out byte for byte;
 * a row edited since cannot carry a formula or a control character into
 * the merged table. Returns the length, or 0 when the row is not one of the
 * table's. */
size_t batch_table_clean(const char *row, char *out, size_t size);

/* The index of a data row (its first field), or -1 for the totals row or
 * a malformed one. */
long batch_table_index(const char *row);

#endif
