/* Photovoltaic plant model after NREL PVWatts v5 (A. P. Dobos, "PVWatts
 * Version 5 Manual", NREL/TP-6A20-62641, 2014): plane-of-array irradiance
 * reduced by the glass cover's angle-of-incidence loss on beam light, Sandia
 * (SAPM) cell temperature, DC power linear in irradiance with a temperature
 * coefficient, lumped system losses, and the PVWatts part-load inverter
 * curve clipped at the AC rating. */
#ifndef RENEWCALC_PV_H
#define RENEWCALC_PV_H

#include <stddef.h>

#include "transpose.h"

enum pv_mount { PV_MOUNT_FIXED };
enum pv_racking { PV_RACK_OPEN, PV_RACK_ROOF };

/* Validated parameters of one PV plant (site_cfg.c checks every range). */
struct pv_params {
  double p_dc0_kw;          /* DC nameplate at STC [kW] > 0 */
  double p_ac0_kw;          /* inverter AC rating [kW] > 0 */
  double tilt_deg;          /* 0..90 */
  double azimuth_deg;       /* 0..360, 180 = south */
  enum pv_mount mount;
  enum pv_racking racking;
  enum transpose_model sky;
  double albedo;            /* used when the profile has none, 0..1 */
  double gamma_per_c;       /* power temperature coefficient [1/degC], -0.01..0 */
  double losses_frac;       /* lumped DC system losses, 0..0.99 */
  double inv_eff_nom;       /* inverter nominal efficiency, 0.5..1 */
  double glass_n;           /* cover refractive index for the IAM (1.526) */
};

/* SAPM thermal coefficients (King et al. 2004, SAND2004-3535, Table 1). */
struct pv_sapm_thermal {
  double a, b;   /* module back temperature: T = E exp(a + b ws) + Ta */
  double dt_c;   /* cell minus back temperature at 1000 W/m2 [degC] */
};

/* SAPM coefficients for a racking type (glass/polymer module). Pure. */
struct pv_sapm_thermal pv_sapm_for_racking(enum pv_racking r);

/* Cell temperature [degC] from POA irradiance poa_wm2 >= 0, air temperature
 * temp_air_c [degC] and wind speed wind_ms [m/s] >= 0. Pure. */
double pv_cell_temp_sapm(struct pv_sapm_thermal th, double poa_wm2,
                         double temp_air_c, double wind_ms);

/* DC power [kW] before system losses, PVWatts v5 eq. (poa_tr/1000) p_dc0
 * (1 + gamma (t_cell - 25)); poa_tr_wm2: POA after the cover's reflection
 * loss, >= 0. Never negative. Pure. */
double pv_dc_kw(double poa_tr_wm2, double t_cell_c, double p_dc0_kw,
                double gamma_per_c);

/* AC power [kW] from DC power p_dc_kw >= 0 by the PVWatts v5 inverter curve
 * (nominal efficiency inv_eff_nom, reference 0.9637), limited to p_ac0_kw.
 * *clipped_kw receives the AC power lost to the limit (>= 0). Pure. */
double pv_inverter_ac_kw(double p_dc_kw, double p_ac0_kw, double inv_eff_nom,
                         double *clipped_kw);

/* Hourly chain for one plant over n intervals, one array pass per stage.
 * Inputs per interval: poa components (beam, sky + ground) [W/m2], cos of
 * the beam's angle of incidence, air temperature [degC], wind speed [m/s].
 * Outputs (caller-owned, n each): poa_wm2 (total), t_cell_c, dc_kw (after
 * system losses), ac_kw, clip_kw. Pure. */
void pv_run(const struct pv_params *pp, size_t n, const double *poa_beam,
            const double *poa_diffuse, const double *cos_aoi,
            const double *temp_air_c, const double *wind_ms, double *poa_wm2,
            double *t_cell_c, double *dc_kw, double *ac_kw, double *clip_kw);

#endif
