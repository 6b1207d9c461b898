/* Paths relative to an input file; see path.h. */
#include "path.h"

#include <stdio.h>
#include <string.h>

void path_resolve(const char *file, const char *rel, char *out, size_t n)
{
  const char *slash = strrchr(file, '/');
  if (rel[0] == '/' || !slash)
    snprintf(out, n, "%s", rel);
  else
    snprintf(out, n, "%.*s/%s", (int)(slash - file), file, rel);
}
