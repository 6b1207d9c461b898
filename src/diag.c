/* Diagnostics collection; see diag.h. */
#include "diag.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Enough for any message; longer ones are cut, never overflow. */
#define DIAG_MSG_MAX 1024
/* A file with thousands of bad rows should not flood the terminal. */
#define DIAG_KEEP_MAX 50

struct diag {
  int count;              /* all messages added */
  int kept;               /* messages stored (at most DIAG_KEEP_MAX) */
  int system;             /* of them from diag_errno() */
  char *msg[DIAG_KEEP_MAX];
};

struct diag *diag_new(void)
{
  return calloc(1, sizeof(struct diag));
}

void diag_free(struct diag *d)
{
  if (!d)
    return;
  for (int i = 0; i < d->kept; i++)
    free(d->msg[i]);
  free(d);
}

static void add(struct diag *d, const char *prefix, const char *fmt, va_list ap)
{
  char buf[DIAG_MSG_MAX];
  int n = snprintf(buf, sizeof buf, "%s", prefix);
  if (n < 0 || (size_t)n >= sizeof buf)
    n = 0;
  vsnprintf(buf + n, sizeof buf - (size_t)n, fmt, ap);
  d->count++;
  if (d->kept < DIAG_KEEP_MAX) {
    char *copy = strdup(buf);
    if (copy)
      d->msg[d->kept++] = copy;
  }
}

void diag_at(struct diag *d, const char *file, int line, const char *fmt, ...)
{
  char prefix[512];
  if (line > 0)
    snprintf(prefix, sizeof prefix, "%s:%d: ", file, line);
  else
    snprintf(prefix, sizeof prefix, "%s: ", file);
  va_list ap;
  va_start(ap, fmt);
  add(d, prefix, fmt, ap);
  va_end(ap);
}

void diag_msg(struct diag *d, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  add(d, "renewcalc: ", fmt, ap);
  va_end(ap);
}

void diag_errno(struct diag *d, const char *what, const char *path)
{
  int err = errno;
  diag_msg(d, "%s '%s': %s", what, path, strerror(err));
  d->system++;
}

int diag_system_errors(const struct diag *d)
{
  return d->system;
}

int diag_count(const struct diag *d)
{
  return d->count;
}

const char *diag_get(const struct diag *d, int i)
{
  return (i >= 0 && i < d->kept) ? d->msg[i] : NULL;
}

void diag_print(const struct diag *d, FILE *f)
{
  /* Messages quote what the inputs hold: shown, never obeyed. */
  for (int i = 0; i < d->kept; i++) {
    text_put_terminal(f, d->msg[i]);
    fputc('\n', f);
  }
  if (d->count > d->kept)
    fprintf(f, "renewcalc: %d more errors not shown\n", d->count - d->kept);
}
