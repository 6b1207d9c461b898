/* Bond and portfolio impact arithmetic; see portfolio.h for the sources. */
#include "portfolio.h"

#include <math.h>
#include <string.h>

static int share_of(double part, double whole, double *share)
{
  *share = 0;
  if (!isfinite(part) || !isfinite(whole) || !(part > 0) || !(whole > 0))
    return PORTFOLIO_BAD_INPUT;
  *share = part / whole;
  if (part > whole * (1 + PORTFOLIO_SHARE_TOL))
    return PORTFOLIO_OVER;
  /* within the tolerance: the whole project, not a hair more */
  if (*share > 1)
    *share = 1;
  return PORTFOLIO_OK;
}

int portfolio_share_icma(double financed, double total_cost, double *share)
{
  return share_of(financed, total_cost, share);
}

int portfolio_share_pcaf(double outstanding, double equity, double debt, double *share)
{
  if (!isfinite(equity) || !isfinite(debt) || equity < 0 || debt < 0) {
    *share = 0;
    return PORTFOLIO_BAD_INPUT;
  }
  return share_of(outstanding, equity + debt, share);
}

void portfolio_scale(const struct portfolio_figures *full, double share,
                     struct portfolio_figures *out)
{
  out->cap_ac_mw = full->cap_ac_mw * share;
  out->cap_dc_mw = full->cap_dc_mw * share;
  out->generation_mwh = full->generation_mwh * share;
  out->coal_tce = full->coal_tce * share;
  out->co2_t = full->co2_t * share;
}

void portfolio_add(struct portfolio_figures *acc, const struct portfolio_figures *x)
{
  acc->cap_ac_mw += x->cap_ac_mw;
  acc->cap_dc_mw += x->cap_dc_mw;
  acc->generation_mwh += x->generation_mwh;
  acc->coal_tce += x->coal_tce;
  acc->co2_t += x->co2_t;
}

int portfolio_per_million(const struct portfolio_figures *figures, double amount,
                          struct portfolio_figures *out)
{
  if (!(amount > 0) || !isfinite(amount)) {
    memset(out, 0, sizeof *out);
    return -1;
  }
  /* figure / (amount / 1e6): the division written as the definition reads,
   * so that a hand computation gives the same digits */
  double millions = amount / 1e6;
  out->cap_ac_mw = figures->cap_ac_mw / millions;
  out->cap_dc_mw = figures->cap_dc_mw / millions;
  out->generation_mwh = figures->generation_mwh / millions;
  out->coal_tce = figures->coal_tce / millions;
  out->co2_t = figures->co2_t / millions;
  return 0;
}

int portfolio_over_allocated(const int *project, const double *share, int n, int n_projects,
                             double *sum)
{
  int first = -1;
  double worst = 0;
  /* one pass per project keeps this free of allocation; books are small */
  for (int p = 0; p < n_projects; p++) {
    double acc = 0;
    int over_at = -1;
    for (int i = 0; i < n; i++) {
      if (project[i] != p)
        continue;
      acc += share[i];
      if (over_at < 0 && acc > 1 + PORTFOLIO_SHARE_TOL)
        over_at = i;
    }
    if (over_at >= 0 && (first < 0 || over_at < first)) {
      first = over_at;
      *sum = acc;
    }
    if (first < 0 && acc > worst)
      worst = acc;
  }
  if (first < 0)
    *sum = worst;
  return first;
}

void portfolio_lcoe_add(struct portfolio_lcoe *acc, double share, int has_lcoe, double pv_costs,
                        double pv_energy_mwh, const char *currency)
{
  if (!has_lcoe) {
    acc->n_without++;
    return;
  }
  if (acc->n_with == 0) {
    size_t n = strlen(currency);
    if (n >= sizeof acc->currency)
      n = sizeof acc->currency - 1;
    memcpy(acc->currency, currency, n);
    acc->currency[n] = '\0';
  } else if (strncmp(acc->currency, currency, sizeof acc->currency - 1) != 0) {
    acc->mixed_currency = 1;
  }
  acc->n_with++;
  acc->pv_costs += share * pv_costs;
  acc->pv_energy_mwh += share * pv_energy_mwh;
}

void portfolio_lcoe_merge(struct portfolio_lcoe *acc, const struct portfolio_lcoe *x)
{
  if (x->n_with > 0) {
    if (acc->n_with == 0)
      memcpy(acc->currency, x->currency, sizeof acc->currency);
    else if (strcmp(acc->currency, x->currency) != 0)
      acc->mixed_currency = 1;
  }
  acc->mixed_currency |= x->mixed_currency;
  acc->n_with += x->n_with;
  acc->n_without += x->n_without;
  acc->pv_costs += x->pv_costs;
  acc->pv_energy_mwh += x->pv_energy_mwh;
}

int portfolio_lcoe_value(const struct portfolio_lcoe *acc, double *lcoe)
{
  *lcoe = 0;
  if (acc->n_with == 0 || acc->mixed_currency || !(acc->pv_energy_mwh > 0))
    return -1;
  *lcoe = acc->pv_costs / acc->pv_energy_mwh;
  return 0;
}
