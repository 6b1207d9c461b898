/* P-levels that stay positive; see unc_check.h and docs/uncertainty-lcoe.md. */
#include "unc_check.h"

#include "diag.h"
#include "sim.h"
#include "site.h"
#include "uncertainty.h"

int unc_check(const struct sim_result *r, struct diag *d)
{
  const struct sim_uncertainty *u = &r->unc;
  const struct site *s = r->site;
  double limit = unc_sigma_limit(99);
  const char *why = u->iav_plants_measured > 0 && !s->unc_iav_given
                    ? "; the interannual part was measured on the profile's calendar years: "
                      "set uncertainty.interannual_percent"
                    : "";
  if (!(u->sigma_total < limit)) {
    diag_at(d, s->path, s->unc_line,
            "uncertainty: expected a combined sigma below %.2f %% (P99 = P50 (1 - 2.326 sigma) "
            "must stay above zero), got %.2f %% (interannual %.2f %%, other %.2f %%)%s",
            100 * limit, 100 * u->sigma_total, 100 * u->sigma_iav, 100 * u->sigma_other, why);
    return -1;
  }
  /* The largest sigma whose P99 is still positive may give a Monte Carlo
   * P99 at or below zero: refused with the same limit. */
  if (u->mc_samples > 0 && u->p50_mwh > 0 && !(u->mc_mwh[3] > 0)) {
    diag_at(d, s->path, s->unc_line,
            "uncertainty: expected a combined sigma below %.2f %% with a Monte Carlo P99 above "
            "zero, got %.2f %% and a Monte Carlo P99 of %.0f MWh",
            100 * limit, 100 * u->sigma_total, u->mc_mwh[3]);
    return -1;
  }
  return 0;
}
