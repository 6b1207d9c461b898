/* Photovoltaic plant model after NREL PVWatts v8 as SAM's open-source SSC
 * implements it (ssc/cmod_pvwattsv8.cpp with shared/lib_cec6par.cpp,
 * shared/lib_pv_incidence_modifier.cpp and shared/lib_sandia.cpp; see
 * docs/pvwatts-v8.md for the revision and every convention):
 *  - each module type (standard, premium, thin film) is one representative
 *    CEC single-diode module (De Soto, Klein and Beckman, "Improvement and
 *    validation of a model for photovoltaic array performance", Solar
 *    Energy 80 (2006) 78-88; Dobos, "An improved coefficient calculator for
 *    the California Energy Commission 6 parameter photovoltaic module
 *    model", J. Sol. Energy Eng. 134 (2012)), its maximum power scaled by
 *    DC nameplate / (Vmp Imp);
 *  - beam, sky and ground light pass a glass cover (Fresnel + Bouguer,
 *    Duffie and Beckman 5.3, sky/ground effective angles D&B eq. 5.4.1-2);
 *  - the De Soto air-mass modifier (King's SAPM polynomial form);
 *  - SAM's NOCT cell temperature (celltemp.h);
 *  - lumped DC losses, then the Sandia inverter equation with C0..C3 = 0
 *    and a self-consumption Pso, clipped at the AC rating. */
#ifndef RENEWCALC_PV8_H
#define RENEWCALC_PV8_H

#include <stddef.h>

enum pv8_module_type { PV8_MODULE_STANDARD, PV8_MODULE_PREMIUM, PV8_MODULE_THIN_FILM };

/* PVWatts array types; trackers' surface angles come from the caller. */
enum pv8_array_type {
  PV8_ARRAY_FIXED_OPEN,
  PV8_ARRAY_FIXED_ROOF,
  PV8_ARRAY_ONE_AXIS,
  PV8_ARRAY_ONE_AXIS_BACKTRACK,
  PV8_ARRAY_TWO_AXIS
};

/* CEC six-parameter module at reference conditions (1000 W/m2, 25 degC). */
struct pv8_cec_module {
  const char *name;         /* module the parameters belong to */
  double area_m2;           /* module area [m2] */
  double vmp_v, imp_a;      /* max-power voltage [V] and current [A] */
  double voc_v, isc_a;      /* open-circuit voltage [V], short-circuit current [A] */
  double alpha_isc_a_per_c; /* Isc temperature coefficient [A/degC] */
  double beta_voc_v_per_c;  /* Voc temperature coefficient [V/degC] */
  double a_ref_v;           /* modified ideality factor n Ns k T/q [V] */
  double i_l_ref_a;         /* light current [A] */
  double i_o_ref_a;         /* diode saturation current [A] */
  double r_s_ohm;           /* series resistance [ohm] */
  double r_sh_ref_ohm;      /* shunt resistance [ohm] */
  double adj_pct;           /* Dobos (2012) alpha_isc adjustment [%] */
  double gamma_per_c;       /* PVWatts v8's stated Pmp temperature
                               coefficient for the type [1/degC] */
  double stc_eff;           /* PVWatts v8's nominal efficiency for the type */
};

/* Reference module PVWatts v8 uses for a module type (static storage,
 * never freed). */
const struct pv8_cec_module *pv8_module(enum pv8_module_type t);

/* The five single-diode parameters at one operating condition. */
struct pv8_sdm {
  double il_a;    /* light current [A] >= 0 */
  double io_a;    /* saturation current [A] > 0 */
  double rs_ohm;  /* series resistance [ohm] >= 0 */
  double rsh_ohm; /* shunt resistance [ohm] > 0 */
  double a_v;     /* n Ns k T / q [V] > 0 */
};

/* De Soto (2006) translation to effective irradiance g_eff_wm2 > 0 [W/m2]
 * (after cover and spectral losses) and cell temperature t_cell_c [degC],
 * with SAM's constants: Eg(Tref) 1.12 eV, dEg/dT -0.0002677/K, k 8.618e-5
 * eV/K, and alpha_isc reduced by adj_pct. Pure. */
struct pv8_sdm pv8_desoto(const struct pv8_cec_module *m, double g_eff_wm2,
                          double t_cell_c);

/* Open-circuit voltage [V] of the single-diode equation, explicit
 * Lambert-W form. Pure. */
double pv8_sdm_voc(const struct pv8_sdm *p);

/* Maximum power [W] of the single-diode equation
 *   I = IL - Io (exp((V + I Rs)/a) - 1) - (V + I Rs)/Rsh,
 * I(V) in Lambert-W form (Jain and Kapoor 2004), V by golden section on
 * [0, Voc] to 1e-10 Voc. vmp_v, imp_a (may be NULL) receive the point.
 * Returns 0 when il_a <= 0. Pure. */
double pv8_sdm_mpp(const struct pv8_sdm *p, double *vmp_v, double *imp_a);

/* DC power per unit of DC nameplate [-] for n intervals: effective
 * irradiance g_eff_wm2 [W/m2] (after cover and air-mass modifier; below 1
 * W/m2 gives 0, as SAM) and cell temperature t_cell_c [degC] in,
 * p_per_unit[n] out (caller-owned): Pmp(g, T) / (Vmp Imp)_ref. Never
 * negative; no allocation. Pure. */
void pv8_dc_per_unit(const struct pv8_cec_module *m, size_t n,
                     const double *g_eff_wm2, const double *t_cell_c,
                     double *p_per_unit);

/* Irradiance transmitted by the module cover [W/m2] (De Soto 2006, D&B
 * 5.3): beam at aoi_deg (clamped to 1..89), sky diffuse and ground
 * reflected at the effective angles for surface tilt tilt_deg (0..180),
 * each normalised by normal-incidence transmittance and capped at 1.
 * Glass n = 1.526, K = 4 /m, L = 2 mm; ar_glass != 0 adds a coating
 * (n = 1.3, L = 0.02 mm) on the beam path. poa_* [W/m2] >= 0. Pure. */
double pv8_cover_transmitted(double aoi_deg, double tilt_deg, double poa_beam,
                             double poa_sky, double poa_gnd, int ar_glass);

/* Spectral air-mass modifier [-] >= 0 (De Soto 2006 coefficients
 * 0.918093, 0.086257, -0.024459, 0.002816, -0.000126 on the Kasten-Young
 * air mass, scaled by exp(-0.0001184 elevation_m) as SAPM); zenith_deg is
 * clamped to 0..86 as SAM. Pure. */
double pv8_air_mass_modifier(double zenith_deg, double elevation_m);

/* Inverter self-consumption Pso as a fraction of the AC rating, as SSC
 * chooses it from the DC nameplate p_dc0_kw (see docs/pvwatts-v8.md: SSC
 * compares watts against 10 and 1000, so every plant of 1 kW or more gets
 * the utility value 0.004931). Pure. */
double pv8_inverter_pso_frac(double p_dc0_kw);

/* AC power [kW] by the Sandia inverter equation with C0..C3 = 0:
 *   P_ac = P_ac0 (P_dc - P_so) / (P_dc0 - P_so), P_dc0 = P_ac0 / eta_nom,
 * 0 when P_dc <= P_so, limited to p_ac0_kw; *clipped_kw gets the AC power
 * lost to the limit (>= 0). p_dc_kw >= 0, eta_nom 0.9..0.995,
 * pso_frac 0..0.05. Pure. */
double pv8_inverter_ac_kw(double p_dc_kw, double p_ac0_kw, double eta_nom,
                          double pso_frac, double *clipped_kw);

struct pv_params;
struct pv_balance;

/* Hourly chain for one plant over n intervals, one pass, no allocation.
 * pp: the plant (DC and AC ratings, inverter efficiency, loss tree,
 * racking; pp->module_type picks the module); elevation_m [m] for the
 * air-mass modifier. Inputs per interval: plane-of-array beam, sky diffuse
 * and ground reflected [W/m2], angle of incidence [deg], surface tilt [deg]
 * (it varies on trackers), sun zenith [deg], air temperature [degC], wind
 * speed [m/s], local month 0..11 (monthly soiling), the rear side's
 * effective irradiance [W/m2] (NULL for monofacial modules).
 * Outputs (caller-owned, n each): poa_wm2 (total incident), t_cell_c,
 * dc_kw (after DC losses), ac_kw, clip_kw; *bal the energy balance, with
 * the cover and spectral losses in aoi and spectral, and the module's
 * temperature and low-light losses in temperature. Pure. */
void pv8_run(const struct pv_params *pp, double elevation_m, size_t n,
             const double *poa_beam, const double *poa_sky, const double *poa_gnd,
             const double *aoi_deg, const double *surf_tilt_deg,
             const double *zenith_deg, const double *temp_air_c,
             const double *wind_ms, const unsigned char *month,
             const double *rear_eff_wm2, double *poa_wm2, double *t_cell_c,
             double *dc_kw, double *ac_kw, double *clip_kw, struct pv_balance *bal);

#endif
