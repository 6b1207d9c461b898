/* libFuzzer harness: synth_cfg_read() on one monthly-means file. */
#include "fuzz_file.h"

#include "diag.h"
#include "synth_cfg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const char *path = fuzz_file_write("synth", data, size);
  struct diag *d = diag_new();
  if (!d)
    return 0;
  struct synth_spec spec;
  (void)synth_cfg_read(path, &spec, d);
  fuzz_diag_done(d);
  return 0;
}
