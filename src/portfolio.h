/* Bond and portfolio impact arithmetic: the share of a project attributed
 * to a bond, attributed figures, impact per million of currency, the check
 * that the shares of one project held by several bonds do not exceed the
 * whole project, and the portfolio's levelised cost of energy. Pure: no
 * I/O, no allocation.
 *
 * Sources:
 * - ICMA, Handbook - Harmonised Framework for Impact Reporting (June 2022):
 *   impact reported for the share of the total project cost that the bond
 *   finances (pro-rata), and impact per currency unit invested.
 * - PCAF, The Global GHG Accounting and Reporting Standard for the
 *   Financial Industry, Part A (2nd edition, December 2022), project
 *   finance: attribution factor = outstanding amount / (total equity +
 *   debt of the project). */
#ifndef RENEWCALC_PORTFOLIO_H
#define RENEWCALC_PORTFOLIO_H

/* How a bond's share of a project is found. */
enum portfolio_method {
  PORTFOLIO_ICMA, /* financed / total project cost */
  PORTFOLIO_PCAF  /* outstanding / (equity + debt) */
};

/* Results of the share functions. */
enum {
  PORTFOLIO_OK = 0,
  PORTFOLIO_BAD_INPUT = -1, /* an amount <= 0 (or a part < 0), or not finite */
  PORTFOLIO_OVER = -2       /* the numerator exceeds the whole */
};

/* Shares above 1 by no more than this count as 1: amounts typed as decimal
 * fractions do not add up exactly in binary. */
#define PORTFOLIO_SHARE_TOL 1e-9

/* The annual figures of a project (or of a sum of projects), full or
 * attributed. */
struct portfolio_figures {
  double cap_ac_mw;      /* AC (grid) capacity [MW] */
  double cap_dc_mw;      /* DC nameplate for PV, AC for the others [MW] */
  double generation_mwh; /* first operating year [MWh] */
  double coal_tce;       /* standard coal saved a year [t] */
  double co2_t;          /* CO2 avoided a year [t] */
};

/* ICMA pro-rata share: financed / total_cost, both in one currency and
 * > 0. Writes the share (0..1] to *share. Returns PORTFOLIO_OK,
 * PORTFOLIO_BAD_INPUT, or PORTFOLIO_OVER when financed exceeds total_cost
 * by more than PORTFOLIO_SHARE_TOL of it (then *share is the uncapped
 * ratio, for the message). */
int portfolio_share_icma(double financed, double total_cost, double *share);

/* PCAF attribution factor: outstanding / (equity + debt); outstanding > 0,
 * equity, debt >= 0 with equity + debt > 0. Returns as
 * portfolio_share_icma() (PORTFOLIO_OVER: outstanding above equity + debt). */
int portfolio_share_pcaf(double outstanding, double equity, double debt, double *share);

/* out = full x share, figure by figure (share 0..1). */
void portfolio_scale(const struct portfolio_figures *full, double share,
                     struct portfolio_figures *out);

/* acc += x, figure by figure. */
void portfolio_add(struct portfolio_figures *acc, const struct portfolio_figures *x);

/* Impact per million of currency: out = figures / (amount / 1e6), figure
 * by figure; amount [currency] > 0. Returns 0, or -1 (out zeroed) when
 * amount is not > 0. */
int portfolio_per_million(const struct portfolio_figures *figures, double amount,
                          struct portfolio_figures *out);

/* Over-allocation: holding i of n is bond bond[i]'s share share[i] of
 * project project[i] (0 .. n_projects-1). Adds the shares project by
 * project in the order given and returns the index of the first holding at
 * which its project's shares exceed 1 + PORTFOLIO_SHARE_TOL, or -1 when
 * none does. *sum gets that project's total over all holdings (or, with
 * none over, the largest total). */
int portfolio_over_allocated(const int *project, const double *share, int n, int n_projects,
                             double *sum);

/* Levelised cost of energy of a set of plants, each weighted by the share
 * of it attributed: sum(share x PV of costs) / sum(share x PV of energy). */
struct portfolio_lcoe {
  double pv_costs;      /* sum of share x present value of costs [currency] */
  double pv_energy_mwh; /* sum of share x present value of energy [MWh] */
  int n_with;           /* plants with economics added */
  int n_without;        /* plants without economics */
  int mixed_currency;   /* 1 when the plants with economics differ in currency */
  char currency[8];     /* of the first plant with economics */
};

/* Adds a plant: has_lcoe 0 counts it in n_without only; otherwise its
 * present values [currency], [MWh] >= 0 times share, in currency (a code
 * like "USD"; a different one sets mixed_currency). */
void portfolio_lcoe_add(struct portfolio_lcoe *acc, double share, int has_lcoe, double pv_costs,
                        double pv_energy_mwh, const char *currency);

/* acc += x (for totals over bonds). */
void portfolio_lcoe_merge(struct portfolio_lcoe *acc, const struct portfolio_lcoe *x);

/* The levelised cost [currency/MWh] into *lcoe. Returns 0, or -1 when it is
 * not available: no plant has economics, the currencies differ, or the
 * energy is not > 0. */
int portfolio_lcoe_value(const struct portfolio_lcoe *acc, double *lcoe);

#endif
