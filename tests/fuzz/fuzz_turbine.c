/* libFuzzer harness: turbine_read_csv() on one power-curve file. */
#include "fuzz_file.h"

#include "diag.h"
#include "turbine.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const char *path = fuzz_file_write("turbine", data, size);
  struct diag *d = diag_new();
  if (!d)
    return 0;
  static struct turbine t; /* about 6 KB: keep it off the stack */
  memset(&t, 0, sizeof t);
  (void)turbine_read_csv(path, &t, d);
  fuzz_diag_done(d);
  return 0;
}
