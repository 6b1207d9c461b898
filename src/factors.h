/* Emission factor presets: data files configs/factors/NAME.cfg, each value
 * with unit, year, source and scope note. */
#ifndef RENEWCALC_FACTORS_H
#define RENEWCALC_FACTORS_H

#include "emissions.h"

struct diag;

/* Loads preset name into *ef. On error adds messages to d, blamed on
 * (file, line) when the name itself is wrong, and returns -1; else 0. */
int factors_load(const char *name, struct emission_factors *ef, struct diag *d,
                 const char *file, int line);

/* Reads the preset file at path (checked as any input: cfg_file.h) into
 * *ef under the given name. 0, or -1 with the messages in d. */
int factors_read(const char *path, const char *name, struct emission_factors *ef,
                 struct diag *d);

/* Names of the presets found, sorted; returns how many (at most max). */
int factors_list(char names[][64], int max);

#endif
