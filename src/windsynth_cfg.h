/* Reading the monthly values of a synthetic wind profile (struct
 * windsynth_spec) from a libconfig file, as `renewcalc profile synth-wind`
 * takes them.
 *
 * Keys (all at the top level; any other key is an error):
 *
 *   key                    unit          range              default
 *   latitude               deg           -90..90            required
 *   longitude              deg, east +   -180..180          required
 *   elevation              m             -500..9000         0
 *   utc_offset             h             -12..14            round(longitude / 15)
 *   year                   -             1900..2100 (int)   2023
 *   seed                   -             integer >= 0       1
 *   source                 text          1..127 chars       required
 *   heights                m             1..4 x 1..500,     required
 *                                        ascending
 *   reference_height       m             1..500             the first height
 *   speed_m_s              m/s           12 x 0.5..25       required
 *   weibull_k              -             1..5, one or 12    required
 *   shear_exponent         -             0..0.6             0.143 (1/7)
 *   autocorrelation        -             0..0.99            0.9
 *   diurnal_amplitude      -             0..0.5             0
 *   diurnal_peak_hour      h, local      0..24              15
 *   direction_prevailing   deg           0..360             required
 *   direction_secondary    deg           0..360             prevailing + 180
 *   kappa_prevailing       -             0.1..50            2
 *   kappa_secondary        -             0.1..50            2
 *   weight_prevailing      -             0..1, one or 12    1
 *   direction_persistence  -             0..0.99            0.9
 *   temp_c                 degC          12 x -60..60       required
 *   temp_range_c           degC          12 x 0..40         12 x 8
 *   temp_peak_hour         h, local      0..24              15
 *
 * speed_m_s is the monthly mean at reference_height; temp_c the monthly
 * mean at 2 m. The 12-element keys are arrays [ ... ] or lists ( ... ) of
 * numbers, January first; "one or 12" keys also take a single number for
 * every month. Integers are accepted where numbers are.
 *
 * Messages: "FILE:LINE: KEY: expected ..., got ...", the line of the
 * offending setting (of the element for a bad list element, written
 * KEY[M] with M counted from 1), line 1 for a missing key. */
#ifndef RENEWCALC_WINDSYNTH_CFG_H
#define RENEWCALC_WINDSYNTH_CFG_H

#include "windsynth.h"

struct diag;

/* Reads path into *spec (overwritten whole). Returns 0, or -1 after adding
 * every problem found to d (a file that cannot be opened gives
 * "renewcalc: cannot open ..."). */
int windsynth_cfg_read(const char *path, struct windsynth_spec *spec, struct diag *d);

#endif
