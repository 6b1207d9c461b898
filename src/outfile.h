/* An output set: the files one command writes into one folder, committed
 * all or nothing (SECURITY.md).
 *
 * The files are written into a private staging folder made with mkdtemp()
 * inside the target folder, each created with O_EXCL and O_NOFOLLOW. The
 * commit takes a lock on the folder (flock on .renewcalc.lock), so that
 * concurrent runs into one folder commit one after the other, moves the
 * files of the earlier set (as listed in renewcalc.sha256) aside, moves the
 * new ones in and then drops a journal (.renewcalc-commit): until then any
 * failure rolls the folder back to the earlier set, and a run killed in
 * between is rolled back by the next run into that folder. Staging
 * folders of killed runs are recognised (their lock is free) and removed
 * by the next run. Files of the folder that belong to no set are left
 * alone; names of the set that are links, folders, devices or inputs of
 * this run are never replaced.
 *
 * renewcalc.sha256 lists every file of the set with its SHA-256, in the format
 * of `sha256sum`, so that `sha256sum -c renewcalc.sha256` checks a folder
 * and `renewcalc plot DIR` renders only the scripts renewcalc
 * wrote. */
#ifndef RENEWCALC_OUTFILE_H
#define RENEWCALC_OUTFILE_H

#include <stdio.h>

#include "outtarget.h"

struct diag;
struct outset;

/* The list of a folder's set, in the folder. */
#define OUTSET_LIST "renewcalc.sha256"

/* 1 if name can name a file of a set: letters, digits, '.', '_' and '-',
 * not starting with '.', at most 255 bytes (every name renewcalc writes). */
int outset_name_ok(const char *name);

/* New set for folder dir: creates the folder (with parents), recovers the
 * folder from a commit cut short, removes staging folders left by killed
 * runs and makes this set's staging folder. NULL with a message in d. Free
 * with outset_commit() or outset_abort(). */
struct outset *outset_new(const char *dir, struct diag *d);

/* Opens name (a plain file name) of the set for writing in the staging
 * folder. NULL on error (with a message in d). The stream belongs to the
 * set: do not fclose it. */
FILE *outset_open(struct outset *o, const char *name);

/* Adds name, a regular file another program made in the staging folder
 * (a chart gnuplot rendered), to the set. 0, or -1 with a message in d. */
int outset_adopt(struct outset *o, const char *name);

/* Closes the stream of name, so that another program can read the file
 * complete in the staging folder. 0, or -1 with a message in d. */
int outset_finish(struct outset *o, const char *name);

/* The staging folder (where the files are being written), the target
 * folder, the number of files and the i-th file's name (valid as long as
 * the set, whatever files join it). */
const char *outset_stage(const struct outset *o);
const char *outset_dir(const struct outset *o);
int outset_count(const struct outset *o);
const char *outset_name(const struct outset *o, int i);

/* At commit, the folder's list must still be the one whose SHA-256 is
 * list_hex (the set this one was made from, for `plot DIR`): else the
 * commit fails, and the set another run committed meanwhile stays. */
void outset_expect_earlier(struct outset *o, const char *list_hex);

/* 1 if name is a file of the set. */
int outset_has(const struct outset *o, const char *name);

/* Closes every file, checks that each was written completely, lists them
 * in renewcalc.sha256 and swaps the set in for the folder's earlier one, then
 * frees the set. OUTTARGET_OK, or OUTTARGET_FAIL / OUTTARGET_INPUT with a
 * message in d; the folder then holds its earlier set. */
int outset_commit(struct outset *o);

/* Removes the staging folder and frees the set (NULL does nothing).
 * Returns OUTTARGET_INPUT when the set failed because an output would
 * have replaced an input, else OUTTARGET_FAIL. */
int outset_abort(struct outset *o);

/* Removes the files of the live set's staging folder; safe in a signal
 * handler (uses only unlinkat). */
void outset_cleanup_on_signal(void);

#endif
