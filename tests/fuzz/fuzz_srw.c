/* libFuzzer harness: read_srw() on one file (see README.md). */
#include "fuzz_file.h"

#include "diag.h"
#include "wind_profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const char *path = fuzz_file_write("srw", data, size);
  struct diag *d = diag_new();
  if (!d)
    return 0;
  struct wind_profile *p = read_srw(path, d);
  wind_profile_free(p);
  fuzz_diag_done(d);
  return 0;
}
