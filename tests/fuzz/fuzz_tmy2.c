/* libFuzzer harness: read_tmy2() on one file (see README.md). */
#include "fuzz_file.h"

#include "diag.h"
#include "profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const char *path = fuzz_file_write("tmy2", data, size);
  struct diag *d = diag_new();
  if (!d)
    return 0;
  struct profile *p = read_tmy2(path, d);
  profile_free(p);
  fuzz_diag_done(d);
  return 0;
}
