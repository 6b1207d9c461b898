/* libFuzzer harness: read_wind_csv() on one file (see README.md). */
#include "fuzz_file.h"

#include "diag.h"
#include "wind_profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const char *path = fuzz_file_write("wind_csv", data, size);
  struct diag *d = diag_new();
  if (!d)
    return 0;
  struct wind_profile *p = read_wind_csv(path, d);
  wind_profile_free(p);
  fuzz_diag_done(d);
  return 0;
}
