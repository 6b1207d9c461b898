/* The hourly chain of the common PV plants in one loop (sim.c takes it
 * for the plants plant_fused() accepts); private to the simulation. */
#ifndef RENEWCALC_SIM_FUSED_H
#define RENEWCALC_SIM_FUSED_H

#include "pv.h"
#include "sim.h"
#include "sim_sky.h"

/* What run_fused() sums over the intervals. */
struct fused_sums {
  struct pv_balance bal;
  double life_sum[2];      /* pv_run_scaled()'s AC sums at the lifetime factors */
  double poa;              /* POA [W/m2 x intervals] */
  double month_kwh[12];    /* agg_monthly_mwh()'s sums, before its / 1000 */
  double day_kw[12][24];   /* agg_average_day_mw()'s sums, before its means */
};

/* Passes 3 to 6 of a fixed rack or single-axis tracker without row shade
 * or rear side under PVWatts v5 with SAPM cell temperature, in one loop
 * over the intervals of k: fills every series of r (r->month and r->hour
 * set) and *out. n_f: lifetime factors f, 0 or 2 (pv_run_scaled()). */
void run_fused(const struct plant_cfg *cfg, const struct sky *k, struct plant_result *r,
               int n_f, const double f[2], struct fused_sums *out);

#endif
