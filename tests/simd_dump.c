/* Prints what the hourly chain gives for each site file named, bit for bit:
 * every PV plant's annual figures and energy balance as C hexadecimal
 * floats, and a checksum (FNV-1a) of the bits of each of its hourly
 * series; once as renewcalc run computes the sun (per site), once on a
 * shared time axis as renewcalc batch does. tests/simd-same.sh compares
 * two runs of it (the vectorised loops on different vector units), where
 * the summaries' 12 digits would hide a difference in the last bit. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "sim.h"
#include "site.h"
#include "site_run.h"
#include "solar.h"
#include "profile.h"

static uint64_t fnv1a(const double *v, size_t n)
{
  uint64_t h = 14695981039346656037ULL;
  const unsigned char *p = (const unsigned char *)v;
  for (size_t i = 0; i < n * sizeof *v; i++)
    h = (h ^ p[i]) * 1099511628211ULL;
  return h;
}

static void dump_plant(const struct plant_result *p)
{
  printf("  annual %a dc %a clipping %a poa %a lifetime %a\n", p->annual_mwh, p->dc_mwh,
         p->clipping_mwh, p->poa_kwh_m2, p->lifetime_mwh);
  printf("  monthly");
  for (int m = 0; m < 12; m++)
    printf(" %a", p->monthly_mwh[m]);
  const struct pv_balance *b = &p->balance_mwh;
  printf("\n  balance %a %a %a %a %a %a %a %a\n", b->nominal, b->aoi, b->temperature, b->dc,
         b->inverter, b->clipping, b->ac, p->dc_loss_frac);
  if (p->s.poa_wm2)
    printf("  series %016llx %016llx %016llx %016llx %016llx\n",
           (unsigned long long)fnv1a(p->s.poa_wm2, p->n),
           (unsigned long long)fnv1a(p->s.t_cell_c, p->n),
           (unsigned long long)fnv1a(p->s.dc_kw, p->n),
           (unsigned long long)fnv1a(p->s.ac_kw, p->n),
           (unsigned long long)fnv1a(p->s.clip_kw, p->n));
}

static void dump_result(const char *how, const struct sim_result *r)
{
  printf(" %s\n", how);
  for (int i = 0; i < r->n_plants; i++)
    if (r->plants[i].cfg->type == PLANT_PV)
      dump_plant(&r->plants[i]);
}

/* The site again with each PV profile on a shared time axis. */
static int dump_on_axes(struct site_run *run, struct diag *d)
{
  const struct site *s = run->site;
  struct solar_axis **axes = calloc((size_t)s->n_plants + 1, sizeof *axes);
  int rc = axes ? 0 : -1;
  for (int i = 0; i < s->n_plants && rc == 0; i++) {
    struct profile *p = run->profiles[i];
    if (!p || p->n < 2 || p->sun_axis)
      continue;
    const double t0 = (double)p->t_utc[0] + 0.5 * p->interval_s;
    axes[i] = solar_axis_new(t0, p->interval_s, p->n, s->delta_t_s);
    p->sun_axis = axes[i];
    rc = axes[i] ? 0 : -1;
  }
  struct sim_result *r = rc == 0 ? sim_run(s, (const struct profile *const *)run->profiles,
                                           (const struct wind_profile *const *)run->winds, d)
                                 : NULL;
  if (r)
    dump_result("on a shared axis", r);
  sim_free(r);
  for (int i = 0; axes && i < s->n_plants; i++) {
    if (axes[i])
      run->profiles[i]->sun_axis = NULL;
    solar_axis_free(axes[i]);
  }
  free(axes);
  return r ? 0 : -1;
}

int main(int argc, char **argv)
{
  int rc = 0;
  for (int a = 1; a < argc; a++) {
    struct diag *d = diag_new();
    if (!d)
      return 1;
    struct site_run run;
    if (site_run_load(argv[a], NULL, 0, &run, d) != SITE_RUN_OK) {
      fprintf(stderr, "simd_dump: %s: %s\n", argv[a],
              diag_count(d) > 0 ? diag_get(d, 0) : "does not run");
      rc = 1;
    } else {
      printf("%s\n", argv[a]);
      dump_result("per site", run.r);
      if (dump_on_axes(&run, d) != 0) {
        fprintf(stderr, "simd_dump: %s: does not run on a shared axis\n", argv[a]);
        rc = 1;
      }
    }
    site_run_free(&run);
    diag_free(d);
  }
  return rc;
}
