/* PV cell temperature models other than SAPM (SAPM is pv_cell_temp_sapm in
 * pv.h). Each steady-state model has the same shape as the SAPM one:
 * parameters, plane-of-array irradiance poa_wm2 [W/m2] >= 0, air
 * temperature temp_air_c [degC] and wind speed wind_ms [m/s] >= 0 in, cell
 * temperature [degC] out; at poa_wm2 == 0 each returns temp_air_c.
 *
 * Sources:
 *  - NOCT: SAM's CEC/NOCT cell temperature model (NREL SSC,
 *    shared/lib_cec6par.cpp, noct_celltemp_t), after the CEC PV calculator;
 *    PVWatts v8 uses it with T_noct 45 degC (49 degC roof mount), wind
 *    factor 0.51 and no standoff adjustment (ssc/cmod_pvwattsv8.cpp).
 *  - Faiman: D. Faiman, "Assessing the outdoor operating temperature of
 *    photovoltaic modules", Prog. Photovolt. 16 (2008) 307-315.
 *  - PVsyst: PVsyst 6 help, "Array thermal losses"; defaults as in pvlib
 *    temperature.pvsyst_cell (U_c 29, U_v 0, alpha 0.9, eta 0.1).
 *  - Fuentes: M. K. Fuentes, "A simplified thermal model for flat-plate
 *    photovoltaic arrays", SAND85-0330 (1987), as implemented for PVWatts
 *    v5/v7 (SSC shared/lib_pvwatts.cpp, pvwatts_celltemp): a transient
 *    energy balance with a thermal capacity, so it runs over a series. */
#ifndef RENEWCALC_CELLTEMP_H
#define RENEWCALC_CELLTEMP_H

#include <stddef.h>

/* SAM NOCT model parameters. */
struct celltemp_noct {
  double t_noct_c;       /* nominal operating cell temperature [degC], 30..80 */
  double standoff_adj_c; /* NOCT adjustment for installation [degC], 0..20 */
  double ffv_wind;       /* wind speed factor: 0.51 below 22 ft, 0.61 above */
  double eff_ref;        /* module efficiency at STC, 0.01..0.5 */
  double tau_alpha;      /* transmittance-absorptance product, 0.9 in SAM */
};

/* SAM NOCT cell temperature:
 *   T = Ta + G/800 (T_noct + adj - 20) (1 - eff_ref/ta) 9.5/(5.7 + 3.8 v),
 *   ta = tau_alpha * f_tr,  v = max(ffv_wind * wind_ms, 0.001).
 * f_tr [-] 0..1.1: the fraction of poa_wm2 the cover passes to the cell
 * (effective over incident irradiance; 1 when not known). Returns degC. */
double celltemp_noct(const struct celltemp_noct *p, double poa_wm2,
                     double temp_air_c, double wind_ms, double f_tr);

/* NOCT parameters PVWatts v8 uses for a module of efficiency eff_ref
 * (0.01..0.5); roof != 0 selects the roof-mount NOCT (49 instead of 45
 * degC). Pure. */
struct celltemp_noct celltemp_noct_pvwatts8(double eff_ref, int roof);

/* Faiman (2008) heat-loss factors. */
struct celltemp_faiman {
  double u0_w_m2k;   /* constant heat-loss factor [W/(m2 K)] > 0, 25.0 */
  double u1_w_m3sk;  /* wind heat-loss factor [W s/(m3 K)] >= 0, 6.84 */
};

/* Faiman module temperature T = Ta + G / (U0 + U1 v). Returns degC. */
double celltemp_faiman(const struct celltemp_faiman *p, double poa_wm2,
                       double temp_air_c, double wind_ms);

/* PVsyst thermal model parameters. */
struct celltemp_pvsyst {
  double u_c_w_m2k;   /* constant heat-loss factor [W/(m2 K)] > 0: 29 free
                         standing, 15 insulated back */
  double u_v_w_m3sk;  /* wind heat-loss factor [W s/(m3 K)] >= 0, 0 */
  double absorptance; /* alpha, 0..1, 0.9 */
  double eff;         /* module efficiency taken out as electricity, 0..0.5,
                         0.1 */
};

/* PVsyst cell temperature T = Ta + alpha G (1 - eta) / (U_c + U_v v).
 * Returns degC. */
double celltemp_pvsyst(const struct celltemp_pvsyst *p, double poa_wm2,
                       double temp_air_c, double wind_ms);

/* Fuentes (1987) transient model as run by PVWatts v5/v7 and early v8
 * revisions, over n consecutive intervals of dt_h hours (0 < dt_h <= 1):
 * inoct_c installed NOCT [degC] (45 open rack, 49 roof), height_m module
 * height above ground [m] (PVWatts 5), poa_wm2, temp_air_c, wind_ms (wind
 * measured at 9.144 m) per interval. The module starts at 20 degC with no
 * sun; an interval with no sun resets it to air temperature. Fills
 * t_cell_c[n] (caller-owned). Pure. */
void celltemp_fuentes(double inoct_c, double height_m, double dt_h, size_t n,
                      const double *poa_wm2, const double *temp_air_c,
                      const double *wind_ms, double *t_cell_c);

#endif
