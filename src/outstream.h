/* An output of one stream (a batch table, a merged table, a synthetic
 * profile, a claim check): "-" is standard output, and so is /dev/stdout
 * (/dev/stderr, /dev/fd/N: the descriptor the shell gave, whatever it
 * leads to); a device, a FIFO or a socket is written as it is; anything
 * else is written to a temporary file made with mkstemp() beside the
 * target and renamed over it when complete, never over a link, folder or
 * an input of this run (SECURITY.md). A temporary file left by a killed
 * run is recognised (its flock is free) and removed by the next run
 * writing the same target. */
#ifndef RENEWCALC_OUTSTREAM_H
#define RENEWCALC_OUTSTREAM_H

#include <stdio.h>

#include "outtarget.h"

struct diag;
struct outstream;

/* Opens path (or "-") for writing. NULL with a message in d and *why set
 * to OUTTARGET_FAIL or OUTTARGET_INPUT. Free with outstream_commit() or
 * outstream_abort(). */
struct outstream *outstream_open(const char *path, int *why, struct diag *d);

/* The stream to write to; it belongs to the outstream. */
FILE *outstream_file(struct outstream *s);

/* Flushes and checks the stream and, for a file, renames it into place.
 * OUTTARGET_OK, or OUTTARGET_FAIL / OUTTARGET_INPUT with a message in d
 * (the target is then as it was). Frees s. */
int outstream_commit(struct outstream *s);

/* Removes the temporary file and frees s (NULL does nothing). */
void outstream_abort(struct outstream *s);

/* Removes the live temporary file; safe in a signal handler (uses only
 * unlinkat). */
void outstream_cleanup_on_signal(void);

#endif
