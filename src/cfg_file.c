/* Self-contained libconfig files; see cfg_file.h. */
#include "cfg_file.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "infile.h"

/* The bytes of f, at most max; NULL (message in d) when it holds more, as
 * a file that grows while it is read can. */
static char *slurp(FILE *f, const char *path, long long max, size_t *n, struct diag *d)
{
  size_t cap = 65536, len = 0;
  char *buf = malloc(cap);
  for (;;) {
    if (!buf) {
      diag_msg(d, "out of memory");
      return NULL;
    }
    len += fread(buf + len, 1, cap - len, f);
    if (ferror(f)) {
      diag_errno(d, "cannot read", path);
      free(buf);
      return NULL;
    }
    if ((long long)len > max) {
      diag_at(d, path, 0, "expected a file of at most %lld MiB (SECURITY.md), got more "
              "(it grew while being read)", max >> 20);
      free(buf);
      return NULL;
    }
    if (feof(f)) {
      *n = len;
      return buf;
    }
    char *more = realloc(buf, cap * 2);
    if (!more)
      free(buf);
    buf = more;
    cap *= 2;
  }
}

/* One message per line that libconfig's scanner would read as an include:
 * "@include" after blanks at the start of a line. Its scanner matches the
 * word exactly; refusing any case and any blank costs nothing. */
static int refuse_includes(const char *buf, size_t n, const char *path, struct diag *d)
{
  static const char word[] = "@include";
  const size_t wlen = sizeof word - 1;
  int found = 0, line = 1;
  for (size_t i = 0; i < n; line++) {
    const char *nl = memchr(buf + i, '\n', n - i);
    size_t end = nl ? (size_t)(nl - buf) : n;
    size_t p = i;
    while (p < end && buf[p] && strchr(" \t\r\f\v", buf[p]))
      p++;
    if (end - p >= wlen && strncasecmp(buf + p, word, wlen) == 0) {
      /* What the line says, cut and with control bytes masked, for the message. */
      char got[72];
      size_t k = 0, last = end;
      while (last > p && strchr(" \t\r", buf[last - 1]))
        last--;
      for (size_t j = p; j < last && k < sizeof got - 4; j++)
        got[k++] = (unsigned char)buf[j] < 0x20 || buf[j] == 0x7f ? '?' : buf[j];
      if (p + k < last) {
        memcpy(got + k, "...", 3);
        k += 3;
      }
      got[k] = '\0';
      diag_at(d, path, line, "@include: expected a self-contained file (renewcalc reads no "
              "included files), got %s", got);
      found = 1;
    }
    i = end + 1;
  }
  return found ? -1 : 0;
}

FILE *cfg_file_open(const char *path, const char *what, struct diag *d)
{
  FILE *f = infile_open_as(path, INFILE_CONFIG_MAX, what, d);
  if (!f)
    return NULL;
  size_t n = 0;
  char *buf = slurp(f, path, INFILE_CONFIG_MAX, &n, d);
  fclose(f);
  if (!buf)
    return NULL;
  if (refuse_includes(buf, n, path, d) != 0) {
    free(buf);
    return NULL;
  }
  /* libconfig parses a stream; one over a private copy means that what is
   * parsed is what was checked, whatever happens to the file meanwhile. A
   * stream rather than a string keeps NUL bytes in the text (a string would
   * end at the first). */
  FILE *m = fmemopen(NULL, n + 1, "w+");
  if (!m || fwrite(buf, 1, n, m) != n || fseek(m, 0, SEEK_SET) != 0) {
    diag_msg(d, "out of memory");
    if (m)
      fclose(m);
    m = NULL;
  }
  free(buf);
  return m;
}

int cfg_file_read(config_t *cfg, const char *path, struct diag *d)
{
  FILE *f = cfg_file_open(path, "cannot open", d);
  if (!f)
    return -1;
  int ok = config_read(cfg, f);
  fclose(f);
  if (ok != CONFIG_TRUE) {
    diag_at(d, path, config_error_line(cfg), "%s", config_error_text(cfg));
    return -1;
  }
  return 0;
}
