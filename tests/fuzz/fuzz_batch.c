/* libFuzzer harness: a batch site list (batch_open(), then batch_next() on
 * every row) and, for each good row, the one-plant site batch_site_build()
 * makes from the built-in template. The seeds name "profile.csv" in the
 * list's folder, which is put there (the reader only checks that it
 * exists). */
#include "fuzz_file.h"

#include "batch.h"
#include "diag.h"
#include "site_cfg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static int ready;
  static struct site *tmpl;
  const char *path = fuzz_file_write("batch", data, size);
  if (!ready) {
    fuzz_companion("profile.csv", "# not read by batch_next()\n");
    struct diag *td = diag_new();
    tmpl = site_cfg_template(NULL, td);
    diag_free(td);
    if (!tmpl)
      abort();
    ready = 1;
  }
  struct diag *d = diag_new();
  if (!d)
    return 0;
  struct batch_reader *r = batch_open(path, d);
  struct batch_site b;
  int got;
  while (r && (got = batch_next(r, &b)) != 0 && got != -2 && !batch_errors_full(r)) {
    if (got != 1)
      continue;
    struct site s;
    struct plant_cfg p;
    batch_site_build(tmpl, &b, &tmpl->factors, &s, &p, d);
  }
  batch_close(r);
  fuzz_diag_done(d);
  return 0;
}
