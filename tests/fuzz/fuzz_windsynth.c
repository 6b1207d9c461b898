/* libFuzzer harness: windsynth_cfg_read() on one monthly-means file. */
#include "fuzz_file.h"

#include "diag.h"
#include "windsynth_cfg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const char *path = fuzz_file_write("windsynth", data, size);
  struct diag *d = diag_new();
  if (!d)
    return 0;
  struct windsynth_spec spec;
  (void)windsynth_cfg_read(path, &spec, d);
  fuzz_diag_done(d);
  return 0;
}
