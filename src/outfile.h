/* A set of output files written under temporary names and renamed into
 * place together once all of them are complete, so that a failed or
 * interrupted run never leaves a half-written file under its final name and
 * earlier outputs in the folder stay intact until then. */
#ifndef RENEWCALC_OUTFILE_H
#define RENEWCALC_OUTFILE_H

#include <stdio.h>

struct diag;
struct outset;

/* New set for folder dir (created, with parents, on the first open).
 * NULL when out of memory. Free with outset_commit() or outset_abort(). */
struct outset *outset_new(const char *dir, struct diag *d);

/* Opens dir/name for writing under a temporary name. NULL on error (with a
 * message in d). The stream belongs to the set: do not fclose it. */
FILE *outset_open(struct outset *o, const char *name);

/* Closes every file, checks that each was written completely, renames them
 * to their final names and frees the set. 0, or -1 with a message in d
 * (then no file of the set is left under its temporary or final name). */
int outset_commit(struct outset *o);

/* Closes and removes every temporary file and frees the set. */
void outset_abort(struct outset *o);

/* Removes every temporary file of every live set; safe in a signal
 * handler (uses only unlink). */
void outset_cleanup_on_signal(void);

/* The folder of the set. */
const char *outset_dir(const struct outset *o);

#endif
