/* Levelised cost of energy with end-of-year discounting (Short, Packey &
 * Holt, NREL/TP-462-5173, 1995); conventions in lcoe.h and
 * docs/uncertainty-lcoe.md. */
#include "lcoe.h"

#include <math.h>

void lcoe_compute(const struct lcoe_inputs *in, struct lcoe_result *out)
{
  double pv_costs = in->capex, pv_energy = 0.0;
  for (int t = 1; t <= in->years; t++) {
    double df = 1.0 / pow(1.0 + in->discount_rate, t);
    double e = in->energy_mwh[t - 1];
    double cost = in->fixed_om_per_year + in->variable_om_per_mwh * e + in->fuel_cost_per_year;
    pv_costs += cost * df;
    pv_energy += e * df;
  }
  out->pv_costs = pv_costs;
  out->pv_energy_mwh = pv_energy;
  out->lcoe_per_mwh = pv_energy > 0.0 ? pv_costs / pv_energy : NAN;
}
