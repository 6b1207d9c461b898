/* Reading the monthly means of a synthetic profile (struct synth_spec) from
 * a libconfig file, as `renewcalc profile synth` takes them.
 *
 * Keys (all at the top level; any other key is an error):
 *
 *   key             unit           range             default
 *   latitude        deg            -90..90           required
 *   longitude       deg, east +    -180..180         required
 *   elevation       m              -500..9000        0
 *   utc_offset      h              -12..14           round(longitude / 15)
 *   year            -              1900..2100 (int)  2023
 *   seed            -              integer >= 0      1
 *   variability     -              0..1              1 (as published)
 *   source          text           1..511 chars      required
 *   ghi_kwh_m2_day  kWh/m2/day     12 x 0.1..12      required
 *   temp_c          degC           12 x -60..60      required
 *   temp_range_c    degC           12 x 0..40        12 x 10
 *   wind_m_s        m/s            12 x 0..40        12 x 2
 *   linke           -              12 x 1.5..8       12 x 3
 *
 * The 12-element keys are arrays [ ... ] or lists ( ... ) of numbers,
 * January first; integers are accepted where numbers are. Each monthly GHI
 * must also not exceed the clear-sky irradiation of that month at the site
 * with its Linke turbidity (synth_clearsky_monthly()).
 *
 * Messages: "FILE:LINE: KEY: expected ..., got ...", the line of the
 * offending setting (of the element for a bad list element, written
 * KEY[M] with M the month 1..12), line 1 for a missing key. */
#ifndef RENEWCALC_SYNTH_CFG_H
#define RENEWCALC_SYNTH_CFG_H

#include "synth.h"

struct diag;

/* Reads path into *spec (overwritten whole). Returns 0, or -1 after adding
 * every problem found to d (a file that cannot be opened gives
 * "renewcalc: cannot open ..."). */
int synth_cfg_read(const char *path, struct synth_spec *spec, struct diag *d);

#endif
