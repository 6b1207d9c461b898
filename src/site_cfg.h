/* Site files (libconfig) to a validated struct site. Every problem in the
 * file is reported, each as one line "FILE:LINE: KEY: expected ..., got ...",
 * before the caller stops. */
#ifndef RENEWCALC_SITE_CFG_H
#define RENEWCALC_SITE_CFG_H

#include "site.h"

struct diag;

/* Reads, overrides and validates the site file at path.
 * sets: n_sets strings "KEY=VALUE" from the command line (KEY as in error
 * messages, e.g. "plants[0].dc_ac_ratio"), applied before validation; a new
 * key is created, so a misspelt one is reported as unknown.
 * Returns a new site (free with site_free()) or NULL with messages in d. */
struct site *site_cfg_read(const char *path, const char *const *sets, int n_sets,
                           struct diag *d);

/* A template for `renewcalc batch`: the site file at path, or the built-in
 * template (path NULL: every key at its default, one PV plant and one wind
 * plant with the NREL-5MW turbine), validated as a site file except that
 * plants need no profile (each batch row names its own; a profile a
 * template names is ignored). Returns a new site (free with site_free()) or
 * NULL with messages in d. */
struct site *site_cfg_template(const char *path, struct diag *d);

void site_free(struct site *s);

#endif
