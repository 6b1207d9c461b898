/* STUB (replaced by the gnuplot branch) */
#include "imagecheck.h"
#include <stdio.h>
#include <sys/stat.h>
int image_check(const char *path, const char *fmt, char *why, size_t why_n)
{
  (void)fmt;
  struct stat st;
  if (stat(path, &st) != 0 || st.st_size == 0) { snprintf(why, why_n, "empty"); return -1; }
  return 0;
}
