/* Diagnostics: collects every error found in the inputs, the way a compiler
 * does, so that all of them can be reported before the program stops.
 * Messages follow the GNU form "FILE:LINE: message" or "renewcalc: message";
 * a message starts lowercase and has no trailing period. */
#ifndef RENEWCALC_DIAG_H
#define RENEWCALC_DIAG_H

#include <stdio.h>

struct diag;

/* New empty collection; NULL when out of memory. Free with diag_free(). */
struct diag *diag_new(void);
void diag_free(struct diag *d);

/* Adds "FILE:LINE: message" (line 0 gives "FILE: message"). */
void diag_at(struct diag *d, const char *file, int line, const char *fmt, ...)
  __attribute__((format(printf, 4, 5)));
/* Adds "renewcalc: message". */
void diag_msg(struct diag *d, const char *fmt, ...)
  __attribute__((format(printf, 2, 3)));
/* Adds "renewcalc: WHAT 'PATH': strerror(errno)", e.g. what = "cannot open". */
void diag_errno(struct diag *d, const char *what, const char *path);

/* Number of the messages added by diag_errno(): failures of the system
 * (a file that cannot be opened or read) rather than of the input's
 * content. */
int diag_system_errors(const struct diag *d);

/* Number of messages so far. */
int diag_count(const struct diag *d);
/* The i-th message (0-based), or NULL. */
const char *diag_get(const struct diag *d, int i);
/* Writes every message, one per line, to f, each control character in
 * it replaced as text_put_terminal() does. */
void diag_print(const struct diag *d, FILE *f);

#endif
