/* Paths relative to an input file; see path.h. */
/* realpath() is XSI, beyond the POSIX level the build asks for. */
#define _XOPEN_SOURCE 700
#include "path.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void path_resolve(const char *file, const char *rel, char *out, size_t n)
{
  const char *slash = strrchr(file, '/');
  if (rel[0] == '/' || !slash)
    snprintf(out, n, "%s", rel);
  else
    snprintf(out, n, "%.*s/%s", (int)(slash - file), file, rel);
}

static int has_dotdot(const char *rel)
{
  for (const char *p = rel; *p;) {
    size_t len = strcspn(p, "/");
    if (len == 2 && p[0] == '.' && p[1] == '.')
      return 1;
    p += len;
    p += *p == '/';
  }
  return 0;
}

/* 1 if the real path r is base or below it. */
static int inside(const char *r, const char *base)
{
  size_t len = strlen(base);
  if (strcmp(base, "/") == 0)
    return 1;
  return strncmp(r, base, len) == 0 && (r[len] == '\0' || r[len] == '/');
}

int path_confine(const char *file, const char *rel, char *out, size_t n, char *leads,
                 size_t m)
{
  leads[0] = '\0';
  path_resolve(file, rel, out, n);
  if (rel[0] == '/' || has_dotdot(rel))
    return -1;
  const char *slash = strrchr(file, '/');
  char folder[PATH_MAX], base[PATH_MAX], part[PATH_MAX], real[PATH_MAX];
  if (slash)
    snprintf(folder, sizeof folder, "%.*s", (int)(slash - file), file);
  else
    snprintf(folder, sizeof folder, ".");
  if (!realpath(slash == file ? "/" : folder, base))
    return -1;
  /* The longest part that exists (lstat: a link counts, even a dangling
   * one, which realpath() then refuses); what does not exist yet will be
   * created below it. rel has no "..", so each shorter part is a parent. */
  snprintf(part, sizeof part, "%s", out);
  size_t keep = slash ? (size_t)(slash - file) : 0;
  struct stat st;
  while (lstat(part, &st) != 0) {
    char *cut = strrchr(part, '/');
    if (!cut || (size_t)(cut - part) < keep) {
      snprintf(part, sizeof part, "%s", slash == file ? "/" : folder);
      break;
    }
    *cut = '\0';
  }
  if (!realpath(part, real))
    return -1; /* a dangling link or a loop: where it leads cannot be told */
  if (inside(real, base))
    return 0;
  snprintf(leads, m, "%s", real);
  return -1;
}
