/* Input size limits; see inputsize.h. */
#include "inputsize.h"

#include <sys/stat.h>

#include "diag.h"

int inputsize_check(const char *path, long long max, struct diag *d)
{
  struct stat st;
  if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || (long long)st.st_size <= max)
    return 0;
  if (max >= (1LL << 30))
    diag_at(d, path, 0, "expected a file of at most %lld GiB (SECURITY.md), got %lld bytes",
            max >> 30, (long long)st.st_size);
  else
    diag_at(d, path, 0, "expected a file of at most %lld MiB (SECURITY.md), got %lld bytes",
            max >> 20, (long long)st.st_size);
  return -1;
}
