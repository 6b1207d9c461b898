/* A site read and run: the site file, each plant's profile (every file
 * read once, shared by the plants that name it) and the simulation. For
 * the commands that run sites: run, check-claim --site, portfolio. */
#ifndef RENEWCALC_SITE_RUN_H
#define RENEWCALC_SITE_RUN_H

struct diag;

/* Results of site_run_load(), equal to the program's exit statuses. */
enum { SITE_RUN_OK = 0, SITE_RUN_RUNTIME = 1, SITE_RUN_INPUT = 2 };

struct site_run {
  struct site *site;
  struct profile **profiles;      /* per plant (PV), shared pointers */
  struct wind_profile **winds;    /* per plant (wind), shared pointers */
  struct solar_axis **axes;       /* per plant (PV): the sun's time part on its
                                     profile (sim_sun_axis_new()), owned where
                                     the profile is first named, else NULL */
  struct sim_result *r;
  double cap_ac_mw, cap_dc_mw;    /* sums over the plants (DC: PV nameplate) */
};

/* Reads the site at path with n_sets "KEY=VALUE" overrides, its profiles,
 * and runs it into *s (zeroed first). Returns SITE_RUN_OK, SITE_RUN_INPUT
 * for bad input or SITE_RUN_RUNTIME, with messages in d. Free *s with
 * site_run_free() in every case. */
int site_run_load(const char *path, const char *const *sets, int n_sets, struct site_run *s,
                  struct diag *d);

void site_run_free(struct site_run *s);

#endif
