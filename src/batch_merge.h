/* Reading the outputs of `renewcalc batch --shard K/N` back and joining
 * them into the table of one run (`renewcalc merge`, docs/batch.md): each
 * file is checked to be one shard of the same list (its content and the
 * template, by the digests in the totals rows), once, complete, and the
 * rows are taken in site order, so that the merged table and its
 * totals are byte for byte those of a single run. */
#ifndef RENEWCALC_BATCH_MERGE_H
#define RENEWCALC_BATCH_MERGE_H

#include <stdio.h>

struct diag;
struct batch_merge;

/* A merge of the n (>= 1) shard outputs at paths (borrowed: they must
 * outlive it). NULL when out of memory. Free with batch_merge_free(). */
struct batch_merge *batch_merge_new(const char *const *paths, int n);
void batch_merge_free(struct batch_merge *m);

/* Opens every shard (infile.h: regular files within the data size limit)
 * and checks its header, its totals row (the same N as files given, the
 * same number of sites and the same list and template digests in all) and
 * its first row (each shard once).
 * Before anything is written. 0, or -1 with the first problem in d. */
int batch_merge_check(struct batch_merge *m, struct diag *d);

/* After batch_merge_check(): writes the header, the rows in site order and
 * the totals row "total,all T sites from list sha256:... with template
 * sha256:...,..." to out. 0, or -1 with the first
 * problem in d (a row out of place, a shard cut short, a malformed row);
 * what was written by then is to be discarded. Write errors are out's
 * (ferror()). */
int batch_merge_write(struct batch_merge *m, FILE *out, struct diag *d);

#endif
