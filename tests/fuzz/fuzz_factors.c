/* libFuzzer harness: factors_read() on one emission factor preset. */
#include "fuzz_file.h"

#include "diag.h"
#include "factors.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const char *path = fuzz_file_write("factors", data, size);
  struct diag *d = diag_new();
  if (!d)
    return 0;
  struct emission_factors ef;
  (void)factors_read(path, "fuzz", &ef, d);
  fuzz_diag_done(d);
  return 0;
}
