/* Photovoltaic plant model after NREL PVWatts v5 (A. P. Dobos, "PVWatts
 * Version 5 Manual", NREL/TP-6A20-62641, 2014): plane-of-array irradiance
 * reduced by the glass cover's angle-of-incidence loss on beam light, Sandia
 * (SAPM) cell temperature, DC power linear in irradiance with a temperature
 * coefficient, lumped system losses, and the PVWatts part-load inverter
 * curve clipped at the AC rating. */
#ifndef RENEWCALC_PV_H
#define RENEWCALC_PV_H

#include <stddef.h>

#include "pv8.h"
#include "tracking.h"
#include "transpose.h"

/* The chain: PVWatts v5 (linear DC model with a temperature coefficient,
 * SAPM cell temperature) or PVWatts v8 (single-diode module of the chosen
 * type, NOCT cell temperature, Sandia inverter; pv8.h). */
enum pv_model { PV_MODEL_PVWATTS_V5, PV_MODEL_PVWATTS_V8 };

enum pv_mount { PV_MOUNT_FIXED, PV_MOUNT_SINGLE_AXIS, PV_MOUNT_TWO_AXIS };

/* Cell temperature model of the PVWatts v5 chain (v8 always uses NOCT). */
enum pv_temp_model { PV_TEMP_SAPM, PV_TEMP_NOCT, PV_TEMP_FAIMAN, PV_TEMP_PVSYST };
enum pv_racking { PV_RACK_OPEN, PV_RACK_ROOF };

/* DC losses of the PVWatts v5 loss tree, applied one after another in this
 * order, each to what the previous ones left (so they combine as
 * 1 - prod(1 - L_i)); PV_LOSS_LUMPED stands for a single total instead. */
enum pv_loss {
  PV_LOSS_SOILING,
  PV_LOSS_SHADING,
  PV_LOSS_SNOW,
  PV_LOSS_MISMATCH,
  PV_LOSS_WIRING,
  PV_LOSS_CONNECTIONS,
  PV_LOSS_LID,
  PV_LOSS_NAMEPLATE,
  PV_LOSS_AVAILABILITY,
  PV_LOSS_LUMPED,
  PV_LOSS_COUNT
};

/* Names as in site files: "fixed", "single_axis", "two_axis"; "standard",
 * "premium", "thin_film"; "pvwatts_v5", "pvwatts_v8". */
const char *pv_mount_name(enum pv_mount m);
const char *pv_module_type_name(enum pv8_module_type t);
const char *pv_model_name(enum pv_model m);
const char *pv_temp_model_name(enum pv_temp_model m);

/* Name of a loss as in site files and reports ("soiling", ..., "lumped"). */
const char *pv_loss_name(enum pv_loss l);

/* Validated parameters of one PV plant (site_cfg.c checks every range). */
struct pv_params {
  enum pv_model model;
  enum pv8_module_type module_type; /* PVWatts v8 only */
  double p_dc0_kw;          /* DC nameplate at STC [kW] > 0 */
  double p_ac0_kw;          /* inverter AC rating [kW] > 0 */
  double tilt_deg;          /* fixed racks: 0..90 */
  double azimuth_deg;       /* fixed racks: 0..360, 180 = south */
  enum pv_mount mount;
  struct tracking_params track; /* single-axis trackers (gcr also for rows) */
  double gcr;               /* ground coverage ratio of the rows, 0.01..0.99 */
  int self_shading;         /* row-to-row shading of beam and diffuse light */
  int bifacial;             /* 1: the rear side adds bifacial_* below */
  double bifaciality;       /* rear / front efficiency, 0..1 */
  double rear_loss_frac;    /* rear racking shade and mismatch, 0..1 */
  enum pv_racking racking;
  enum transpose_model sky;
  double albedo;            /* used when the profile has none, 0..1 */
  int albedo_by_month;      /* 1: albedo_month replaces albedo */
  double albedo_month[12];
  double gamma_per_c;       /* power temperature coefficient [1/degC], -0.01..0 */
  enum pv_temp_model temp_model;
  double noct_c;            /* NOCT model: nominal operating cell temperature */
  double faiman_u0, faiman_u1;      /* Faiman: W/(m2 K), W s/(m3 K) */
  double pvsyst_uc, pvsyst_uv;      /* PVsyst: W/(m2 K), W s/(m3 K) */
  double pvsyst_absorptance, pvsyst_eff;
  double loss_frac[PV_LOSS_COUNT]; /* each 0..0.99 */
  int soiling_by_month;     /* 1: soiling_month_frac replaces loss_frac[SOILING] */
  double soiling_month_frac[12];
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

/* PVWatts v5 inverter reference efficiency (Dobos 2014, eq. 10). */
#define PV_INV_EFF_REF 0.9637
/* Glass cover extinction coefficient [1/m] and thickness [m], PVWatts v5. */
#define PV_GLASS_K_PER_M 4.0
#define PV_GLASS_L_M 0.002

/* The PVWatts v5 inverter constants of a plant, worked out once. */
struct pv_inverter {
  double p_ac0_kw, p_dc0_inv, eff_scale;
};

struct pv_inverter pv_inverter_of(const struct pv_params *pp);

/* pv_inverter_ac_kw() with the constants of inv: the same operations, the
 * same results bit for bit; inline for the hourly loops. Pure. */
static inline double pv_inverter_ac(const struct pv_inverter *inv, double p_dc_kw,
                                    double *clipped_kw)
{
  *clipped_kw = 0.0;
  if (p_dc_kw <= 0.0)
    return 0.0;
  double zeta = p_dc_kw / inv->p_dc0_inv;
  double eff = inv->eff_scale * (-0.0162 * zeta - 0.0059 / zeta + 0.9858);
  double p_ac = eff * p_dc_kw;
  if (p_ac <= 0.0)
    return 0.0; /* below the inverter's start-up power */
  if (p_ac > inv->p_ac0_kw) {
    *clipped_kw = p_ac - inv->p_ac0_kw;
    p_ac = inv->p_ac0_kw;
  }
  return p_ac;
}

/* pv_inverter_ac() without a branch, for the vectorised loops: the same
 * results for any p_dc_kw but NaN. */
static inline double pv_inverter_ac_select(const struct pv_inverter *inv, double p_dc_kw,
                                           double *clipped_kw)
{
  const double zeta = p_dc_kw / inv->p_dc0_inv;
  const double eff = inv->eff_scale * (-0.0162 * zeta - 0.0059 / zeta + 0.9858);
  const double p_ac = eff * p_dc_kw;
  /* The tests straight in the selects: a flag kept in a variable would
   * stop the loops from vectorising. */
  const double on = p_dc_kw > 0.0 && p_ac > 0.0 ? p_ac : 0.0;
  *clipped_kw = on > inv->p_ac0_kw ? on - inv->p_ac0_kw : 0.0;
  return on > inv->p_ac0_kw ? inv->p_ac0_kw : on;
}

/* Fraction of DC power kept after all DC losses in month m (0..11). */
double pv_dc_keep(const struct pv_params *pp, int m);

/* Loss l (fraction) in month m: monthly soiling where given. */
double pv_loss_frac(const struct pv_params *pp, int l, int m);

/* Energy balance of a run from plane-of-array irradiance to AC: sums of
 * power over the intervals [kW x intervals; times the interval length in
 * hours gives kWh]. nominal + rear - aoi - spectral - temperature -
 * sum(loss) - inverter - clipping = ac, exactly. */
struct pv_balance {
  double nominal;             /* POA/1000 x DC nameplate: DC at STC efficiency */
  double rear;                /* gained from the rear side (bifacial), >= 0 */
  double aoi;                 /* lost to the cover's reflection */
  double spectral;            /* lost to the air-mass (spectral) modifier (v8) */
  double temperature;         /* lost to cell temperature (negative: gained) */
  double loss[PV_LOSS_COUNT]; /* lost to each DC loss */
  double dc;                  /* DC into the inverters */
  double inverter;            /* lost to inverter efficiency */
  double clipping;            /* lost to the AC rating */
  double ac;
};

/* Splits the DC before losses of each month, raw_month[m] [kW x intervals],
 * into the losses, applied one after another, adding each to bal->loss[]
 * (pv_run()'s split, in its order). Pure. */
void pv_balance_losses(const struct pv_params *pp, const double raw_month[12],
                       struct pv_balance *bal);

/* Adds every field of src to dst. */
void pv_balance_add(struct pv_balance *dst, const struct pv_balance *src);

/* Hourly chain for one plant over n intervals.
 * Inputs per interval: poa components (beam, sky + ground) [W/m2], cos of
 * the beam's angle of incidence, air temperature [degC], wind speed [m/s],
 * local month 0..11 (for monthly soiling), and the rear side's effective
 * irradiance [W/m2] (front-equivalent; NULL for monofacial modules).
 * Outputs (caller-owned, n each): poa_wm2 (total), t_cell_c, dc_kw (after
 * system losses), ac_kw, clip_kw; *bal receives the energy balance. Pure. */
void pv_run(const struct pv_params *pp, size_t n, const double *poa_beam,
            const double *poa_diffuse, const double *cos_aoi,
            const double *temp_air_c, const double *wind_ms,
            const unsigned char *month, const double *rear_eff_wm2, double *poa_wm2,
            double *t_cell_c, double *dc_kw, double *ac_kw, double *clip_kw,
            struct pv_balance *bal);

/* pv_run() that also sums, over the intervals, the AC power [kW] the
 * inverter gives for each interval's DC output times factor[k] (> 0),
 * k < n_factor (0..2), into ac_scaled_sum[k]: what pv_ac_sum_scaled() gives
 * for dc_kw afterwards, bit for bit, without another pass. PVWatts v5
 * inverter only (pv_run's). Pure. */
void pv_run_scaled(const struct pv_params *pp, size_t n, const double *poa_beam,
                   const double *poa_diffuse, const double *cos_aoi,
                   const double *temp_air_c, const double *wind_ms,
                   const unsigned char *month, const double *rear_eff_wm2, double *poa_wm2,
                   double *t_cell_c, double *dc_kw, double *ac_kw, double *clip_kw,
                   int n_factor, const double *factor, double *ac_scaled_sum,
                   struct pv_balance *bal);

/* Sum of AC power [kW x intervals] when every DC value is scaled by
 * factor 0..1 (a degraded year), through the same inverter. Pure. */
double pv_ac_sum_scaled(const struct pv_params *pp, size_t n, const double *dc_kw,
                        double factor);

#endif
