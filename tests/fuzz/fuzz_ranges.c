/* libFuzzer harness: claim_ranges_read() on one check-claim ranges file
 * (--ranges). */
#include "fuzz_file.h"

#include "claim_ranges.h"
#include "diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static struct claim_ranges rg;
  const char *path = fuzz_file_write("ranges", data, size);
  struct diag *d = diag_new();
  if (!d)
    return 0;
  memset(&rg, 0, sizeof rg);
  (void)claim_ranges_read(path, &rg, d);
  fuzz_diag_done(d);
  return 0;
}
