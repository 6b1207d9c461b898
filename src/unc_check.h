/* Refusal of P-levels that the normal approximation cannot give: a combined
 * sigma that takes P99 (the lowest level reported) to zero or below. */
#ifndef RENEWCALC_UNC_CHECK_H
#define RENEWCALC_UNC_CHECK_H

struct diag;
struct sim_result;

/* 0 when every level of r (one year, the multi-year mean and the Monte
 * Carlo check) is above zero; else -1 with "SITE:LINE: uncertainty:
 * expected a combined sigma below X %, ..." in d, at the site file's
 * uncertainty group (or its plants list when it has none). The multi-year
 * sigma never exceeds the one-year one, so the one-year limit covers both;
 * Monte Carlo quantiles scatter about the analytic ones and are checked
 * themselves. A refusal is a fault of the input: exit 2. */
int unc_check(const struct sim_result *r, struct diag *d);

#endif
