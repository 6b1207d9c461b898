/* libFuzzer harness: bond_cfg_read() on one bond file, by both methods of
 * attribution (the first input byte picks one). The seeds name "site.cfg"
 * and "site2.cfg" in the file's own folder, so those are put there
 * (bond_cfg_read() only checks that they exist). */
#include "fuzz_file.h"

#include "bond_cfg.h"
#include "diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static int ready;
  const char *path = fuzz_file_write("bond", data, size);
  if (!ready) {
    fuzz_companion("site.cfg", "# not read by bond_cfg_read()\n");
    fuzz_companion("site2.cfg", "# not read by bond_cfg_read()\n");
    ready = 1;
  }
  struct diag *d = diag_new();
  if (!d)
    return 0;
  enum portfolio_method m = size > 0 && (data[0] & 1) ? PORTFOLIO_PCAF : PORTFOLIO_ICMA;
  struct bond_book *b = bond_cfg_read(path, m, d);
  bond_book_free(b);
  fuzz_diag_done(d);
  return 0;
}
