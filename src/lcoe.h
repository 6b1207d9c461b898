/* Levelised cost of energy, the "simple LCOE" of NREL and the IEA/NEA: the
 * present value of all costs divided by the present value of the energy,
 *   LCOE = (capex + sum_t (fixed + var E_t + fuel) / (1 + r)^t)
 *          / sum_t E_t / (1 + r)^t,      t = 1 .. years,
 * with the capital spent at year 0 (not discounted) and each operating
 * year's costs and energy at its end (end-of-year discounting).
 * Source: W. Short, D. J. Packey, T. Holt, "A Manual for the Economic
 * Evaluation of Energy Efficiency and Renewable Energy Technologies",
 * NREL/TP-462-5173, 1995 (levelised cost of energy); IEA/NEA "Projected
 * Costs of Generating Electricity" (same ratio of discounted sums).
 * Real (constant-money) inputs and a real discount rate; no taxes,
 * depreciation, financing fees, construction interest or residual value.
 * Any currency: the results carry the currency of the inputs. */
#ifndef RENEWCALC_LCOE_H
#define RENEWCALC_LCOE_H

struct lcoe_inputs {
  double capex;                /* overnight capital cost [currency] >= 0, at year 0 */
  double fixed_om_per_year;    /* fixed O&M [currency/yr] >= 0 */
  double variable_om_per_mwh;  /* variable O&M [currency/MWh] >= 0 */
  double fuel_cost_per_year;   /* fuel [currency/yr] >= 0 (biomass; 0 for PV, wind) */
  double discount_rate;        /* real discount rate [-/yr], 0 .. 1 (0.07 for 7 %) */
  int years;                   /* operating years >= 1 */
  const double *energy_mwh;    /* energy of operating year 1..years [MWh] >= 0,
                                  `years` values (energy_mwh[0] is year 1) */
};

struct lcoe_result {
  double pv_costs;       /* present value of all costs [currency] */
  double pv_energy_mwh;  /* present value of the energy [MWh] */
  double lcoe_per_mwh;   /* pv_costs / pv_energy_mwh [currency/MWh]; NAN when
                            pv_energy_mwh is 0 */
};

/* Fills *out from *in as above; discount_rate 0 gives plain sums.
 * Pure; inputs validated by the caller. */
void lcoe_compute(const struct lcoe_inputs *in, struct lcoe_result *out);

#endif
