/* Coal displaced and emissions avoided; see emissions.h.
 * Units: 1 gce/kWh = 1 kg/MWh = 1e-3 t/MWh, so tce = E[MWh] x b[gce/kWh] / 1000;
 * likewise g/kWh pollutant factors give t = E[MWh] x f / 1000. */
#include "emissions.h"

void emissions_for(const struct emission_factors *ef, double e_mwh,
                   struct emissions *out)
{
  out->coal_tce = e_mwh * ef->coal_rate.value / 1000.0;
  if (ef->method == EMIS_GRID)
    out->co2_t = e_mwh * ef->grid.value;
  else
    out->co2_t = out->coal_tce * ef->co2_per_tce.value;
  out->so2_t = e_mwh * ef->so2.value / 1000.0;
  out->nox_t = e_mwh * ef->nox.value / 1000.0;
  out->dust_t = e_mwh * ef->dust.value / 1000.0;
}

const char *emissions_method_name(enum emis_method m)
{
  return m == EMIS_GRID ? "grid" : "coal";
}
