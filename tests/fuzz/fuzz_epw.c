/* libFuzzer harness: read_epw() on one file (see README.md). */
#include "fuzz_file.h"

#include "diag.h"
#include "profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const char *path = fuzz_file_write("epw", data, size);
  struct diag *d = diag_new();
  if (!d)
    return 0;
  struct profile *p = read_epw(path, d);
  profile_free(p);
  fuzz_diag_done(d);
  return 0;
}
