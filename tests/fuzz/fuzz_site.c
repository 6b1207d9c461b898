/* libFuzzer harness: site_cfg_read() on one site file. The seeds name
 * "profile.csv", "wind.csv" and "turbine.csv" in the file's own folder, so
 * those are put there (site_cfg_read() reads the turbine curve and only
 * checks that a profile exists). */
#include "fuzz_file.h"

#include "diag.h"
#include "site_cfg.h"

static const char turbine_csv[] =
  "# name: Fuzz 2MW\n# rated_kw: 2000\n# rotor_diameter_m: 90\n"
  "# hub_height_m: 80\n# cut_out_m_s: 25\n"
  "wind_speed,power,ct\n2.5,0,0\n3.5,42.2,0.82\n8.5,1087.6,0.78\n"
  "12.5,2003.5,0.40\n20.0,2003.5,0.12\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static int ready;
  const char *path = fuzz_file_write("site", data, size);
  if (!ready) {
    fuzz_companion("profile.csv", "# not read by site_cfg_read()\n");
    fuzz_companion("wind.csv", "# not read by site_cfg_read()\n");
    fuzz_companion("turbine.csv", turbine_csv);
    ready = 1;
  }
  struct diag *d = diag_new();
  if (!d)
    return 0;
  struct site *s = site_cfg_read(path, NULL, 0, d);
  site_free(s);
  fuzz_diag_done(d);
  return 0;
}
