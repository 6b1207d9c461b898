/* Coal displaced and emissions avoided; see emissions.h.
 * Units: 1 gce/kWh = 1 kg/MWh = 1e-3 t/MWh, so tce = E[MWh] x b[gce/kWh] / 1000;
 * likewise g/kWh pollutant factors give t = E[MWh] x f / 1000. */
#include "emissions.h"

#include <math.h>

/* A factor's value, or 0 when none is known. */
static double known(const struct factor *f)
{
  return f->value > 0.0 ? f->value : 0.0;
}

double emissions_cm_factor(const struct emission_factors *ef, enum emis_tech tech)
{
  /* CDM Tool07: wind and solar 0.75/0.25 in all crediting periods; other
   * projects 0.5/0.5 in the first. */
  double w_om = tech == EMIS_TECH_WIND_SOLAR ? 0.75 : 0.5;
  return w_om * known(&ef->om) + (1.0 - w_om) * known(&ef->bm);
}

void emissions_for_year(const struct emission_factors *ef, enum emis_tech tech, double e_mwh,
                        int year, struct emissions *out)
{
  double trend = pow(1.0 + ef->change_per_year, year - 1);
  out->coal_tce = e_mwh * known(&ef->coal_rate) / 1000.0;
  if (ef->method == EMIS_GRID)
    out->co2_t = e_mwh * known(&ef->grid) * trend;
  else if (ef->method == EMIS_CM)
    out->co2_t = e_mwh * emissions_cm_factor(ef, tech) * trend;
  else
    out->co2_t = out->coal_tce * known(&ef->co2_per_tce) * trend;
  out->so2_t = e_mwh * known(&ef->so2) / 1000.0;
  out->nox_t = e_mwh * known(&ef->nox) / 1000.0;
  out->dust_t = e_mwh * known(&ef->dust) / 1000.0;
}

void emissions_for(const struct emission_factors *ef, double e_mwh, struct emissions *out)
{
  emissions_for_year(ef, EMIS_TECH_WIND_SOLAR, e_mwh, 1, out);
}

const char *emissions_method_name(enum emis_method m)
{
  return m == EMIS_GRID ? "grid" : m == EMIS_CM ? "combined_margin" : "coal";
}
