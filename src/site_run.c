/* Site reading and running; see site_run.h. */
#include "site_run.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "profile.h"
#include "sim.h"
#include "site_cfg.h"
#include "solar.h"
#include "unc_check.h"
#include "wind_profile.h"

void site_run_free(struct site_run *s)
{
  if (s->site && s->profiles && s->winds) {
    for (int i = 0; i < s->site->n_plants; i++) {
      int shared = 0;
      for (int j = 0; j < i; j++)
        shared |= (s->profiles[i] && s->profiles[j] == s->profiles[i]) ||
                  (s->winds[i] && s->winds[j] == s->winds[i]);
      if (shared)
        continue;
      solar_axis_free(s->axes ? s->axes[i] : NULL);
      profile_free(s->profiles[i]);
      wind_profile_free(s->winds[i]);
    }
  }
  free(s->profiles);
  free(s->winds);
  free(s->axes);
  sim_free(s->r);
  site_free(s->site);
}

int site_run_load(const char *path, const char *const *sets, int n_sets, struct site_run *s,
                  struct diag *d)
{
  memset(s, 0, sizeof *s);
  s->site = site_cfg_read(path, sets, n_sets, d);
  if (!s->site)
    return SITE_RUN_INPUT;
  const struct site *st = s->site;
  s->profiles = calloc((size_t)st->n_plants, sizeof *s->profiles);
  s->winds = calloc((size_t)st->n_plants, sizeof *s->winds);
  s->axes = calloc((size_t)st->n_plants, sizeof *s->axes);
  if (!s->profiles || !s->winds || !s->axes) {
    diag_msg(d, "out of memory");
    return SITE_RUN_RUNTIME;
  }
  int bad = 0;
  for (int i = 0; i < st->n_plants; i++) {
    int wind = st->plants[i].type == PLANT_WIND;
    s->cap_ac_mw += st->plants[i].capacity_mw_ac;
    s->cap_dc_mw += st->plants[i].type == PLANT_PV ? st->plants[i].capacity_mw_dc
                                                   : st->plants[i].capacity_mw_ac;
    if (!st->plants[i].profile[0])
      continue;
    for (int j = 0; j < i; j++) {
      if (strcmp(st->plants[j].profile, st->plants[i].profile) != 0 ||
          (st->plants[j].type == PLANT_WIND) != wind)
        continue;
      s->profiles[i] = s->profiles[j];
      s->winds[i] = s->winds[j];
    }
    if (s->profiles[i] || s->winds[i])
      continue;
    if (wind) {
      bad |= !(s->winds[i] = wind_profile_read(st->plants[i].profile, d));
    } else if (!(s->profiles[i] = profile_read(st->plants[i].profile, d))) {
      bad = 1;
    } else {
      /* The sun's time part once for the plants on this profile. */
      s->axes[i] = sim_sun_axis_new(s->profiles[i], st->delta_t_s);
      s->profiles[i]->sun_axis = s->axes[i];
    }
  }
  /* The site file named readable profiles; one that cannot be opened or
   * read now has vanished or failed during the run. */
  if (bad)
    return diag_system_errors(d) ? SITE_RUN_RUNTIME : SITE_RUN_INPUT;
  if (sim_check_spans(st, (const struct profile *const *)s->profiles,
                      (const struct wind_profile *const *)s->winds, d) != 0)
    return SITE_RUN_INPUT;
  s->r = sim_run(st, (const struct profile *const *)s->profiles,
                 (const struct wind_profile *const *)s->winds, d);
  if (!s->r)
    return SITE_RUN_RUNTIME;
  /* P-levels at or below zero: the uncertainties given or measured. */
  return unc_check(s->r, d) == 0 ? SITE_RUN_OK : SITE_RUN_INPUT;
}

