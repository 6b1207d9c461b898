/* PVWatts v8 plant model; sources in pv8.h and docs/pvwatts-v8.md. */
#include "pv8.h"

#include <gsl/gsl_sf_lambert.h>
#include <math.h>

#include "celltemp.h"
#include "pv.h"
#include "units.h"

/* Reference modules: parameters as listed in NREL SSC
 * ssc/cmod_pvwattsv8.cpp (commit 3ab34a2af68ff4a10fa0c074f2462a74c01b898e),
 * CEC coefficients computed by SAM 2020.2.29 r3; gamma and efficiency are
 * the per-type PVWatts values of the same file. */
static const struct pv8_cec_module modules[] = {
  [PV8_MODULE_STANDARD] = {
    .name = "Canadian Solar CS1H-320MS", .area_m2 = 1.6864,
    .vmp_v = 35.8, .imp_a = 9.01, .voc_v = 43.3, .isc_a = 9.51,
    .alpha_isc_a_per_c = 0.004755, .beta_voc_v_per_c = -0.12557,
    .a_ref_v = 1.65916, .i_l_ref_a = 9.51393, .i_o_ref_a = 4.37813e-11,
    .r_s_ohm = 0.269953, .r_sh_ref_ohm = 654.059, .adj_pct = 5.79586,
    .gamma_per_c = -0.0037, .stc_eff = 0.19 },
  [PV8_MODULE_PREMIUM] = {
    .name = "SunPower SPR-E20-327", .area_m2 = 1.6297,
    .vmp_v = 54.7, .imp_a = 5.98, .voc_v = 64.9, .isc_a = 6.46,
    .alpha_isc_a_per_c = 0.0026, .beta_voc_v_per_c = -0.1766,
    .a_ref_v = 2.45326, .i_l_ref_a = 6.4704, .i_o_ref_a = 2.01784e-11,
    .r_s_ohm = 0.421231, .r_sh_ref_ohm = 261.723, .adj_pct = 9.56482,
    .gamma_per_c = -0.0035, .stc_eff = 0.21 },
  [PV8_MODULE_THIN_FILM] = {
    .name = "First Solar FS-6435A", .area_m2 = 2.4751,
    .vmp_v = 183.6, .imp_a = 2.37, .voc_v = 219.6, .isc_a = 2.55,
    .alpha_isc_a_per_c = 0.00102, .beta_voc_v_per_c = -0.61488,
    .a_ref_v = 7.97293, .i_l_ref_a = 2.55475, .i_o_ref_a = 2.69243e-12,
    .r_s_ohm = 4.60991, .r_sh_ref_ohm = 2476.95, .adj_pct = -2.49865,
    .gamma_per_c = -0.0032, .stc_eff = 0.18 },
};

/* SAM lib_cec6par.cpp constants. */
#define CEC_KB_EV_PER_K 8.618e-5
#define CEC_EG0_EV 1.12
#define CEC_DEG_DT -0.0002677
#define CEC_TREF_K 298.15
#define CEC_GREF_WM2 1000.0

/* Cover optics, lib_pv_incidence_modifier.h (De Soto 2006). */
#define GLASS_N 1.526
#define GLASS_K_PER_M 4.0
#define GLASS_L_M 0.002
#define ARC_N 1.3
#define ARC_K_PER_M 4.0
#define ARC_L_M (GLASS_L_M * 0.01)

const struct pv8_cec_module *pv8_module(enum pv8_module_type t)
{
  return &modules[t];
}

struct pv8_sdm pv8_desoto(const struct pv8_cec_module *m, double g_eff_wm2,
                          double t_cell_c)
{
  double t_k = t_cell_c + 273.15;
  double dt = t_k - CEC_TREF_K;
  double mu_isc = m->alpha_isc_a_per_c * (1.0 - m->adj_pct / 100.0);
  double eg = CEC_EG0_EV * (1.0 + CEC_DEG_DT * dt);
  struct pv8_sdm p;
  p.il_a = g_eff_wm2 / CEC_GREF_WM2 * (m->i_l_ref_a + mu_isc * dt);
  if (p.il_a < 0.0)
    p.il_a = 0.0;
  p.io_a = m->i_o_ref_a * pow(t_k / CEC_TREF_K, 3.0)
           * exp((CEC_EG0_EV / CEC_TREF_K - eg / t_k) / CEC_KB_EV_PER_K);
  p.a_v = m->a_ref_v * t_k / CEC_TREF_K;
  p.rsh_ohm = m->r_sh_ref_ohm * CEC_GREF_WM2 / g_eff_wm2;
  p.rs_ohm = m->r_s_ohm;
  return p;
}

/* W0(exp(x)) without forming exp(x), which overflows for the shunt terms
 * of real modules (x ~ Rsh IL / a ~ 4000): Newton on w + ln w = x. */
static double lambert_w_exp(double x)
{
  if (x < 500.0)
    return gsl_sf_lambert_W0(exp(x));
  double w = x - log(x);
  for (int k = 0; k < 8; k++)
    w -= (w + log(w) - x) / (1.0 + 1.0 / w);
  return w;
}

double pv8_sdm_voc(const struct pv8_sdm *p)
{
  if (p->il_a <= 0.0)
    return 0.0;
  /* V(I = 0) = (IL + Io) Rsh - a W(Io Rsh / a exp((IL + Io) Rsh / a)) */
  double x = log(p->io_a * p->rsh_ohm / p->a_v) + (p->il_a + p->io_a) * p->rsh_ohm / p->a_v;
  double v = (p->il_a + p->io_a) * p->rsh_ohm - p->a_v * lambert_w_exp(x);
  return v > 0.0 ? v : 0.0;
}

/* Current [A] at terminal voltage v_v. */
static double sdm_current(const struct pv8_sdm *p, double v_v)
{
  double rs = p->rs_ohm, rsh = p->rsh_ohm, a = p->a_v;
  if (rs < 1e-12)
    return p->il_a - p->io_a * expm1(v_v / a) - v_v / rsh;
  double x = log(rs * p->io_a * rsh / (a * (rs + rsh)))
             + rsh * (rs * (p->il_a + p->io_a) + v_v) / (a * (rs + rsh));
  return (p->il_a + p->io_a - v_v / rsh) / (1.0 + rs / rsh) - a / rs * lambert_w_exp(x);
}

double pv8_sdm_mpp(const struct pv8_sdm *p, double *vmp_v, double *imp_a)
{
  double lo = 0.0, hi = pv8_sdm_voc(p);
  if (hi <= 0.0) {
    if (vmp_v)
      *vmp_v = 0.0;
    if (imp_a)
      *imp_a = 0.0;
    return 0.0;
  }
  const double r = 0.6180339887498949; /* golden ratio - 1 */
  double tol = 1e-10 * hi;
  double x1 = hi - r * (hi - lo), x2 = lo + r * (hi - lo);
  double f1 = x1 * sdm_current(p, x1), f2 = x2 * sdm_current(p, x2);
  while (hi - lo > tol) {
    if (f1 < f2) {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + r * (hi - lo);
      f2 = x2 * sdm_current(p, x2);
    } else {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - r * (hi - lo);
      f1 = x1 * sdm_current(p, x1);
    }
  }
  double v = 0.5 * (lo + hi);
  double i = sdm_current(p, v);
  if (i < 0.0)
    i = 0.0;
  if (vmp_v)
    *vmp_v = v;
  if (imp_a)
    *imp_a = i;
  return v * i;
}

void pv8_dc_per_unit(const struct pv8_cec_module *m, size_t n,
                     const double *g_eff_wm2, const double *t_cell_c,
                     double *p_per_unit)
{
  double p_ref = m->vmp_v * m->imp_a;
  for (size_t i = 0; i < n; i++) {
    if (!(g_eff_wm2[i] >= 1.0)) {
      p_per_unit[i] = 0.0;
      continue;
    }
    struct pv8_sdm p = pv8_desoto(m, g_eff_wm2[i], t_cell_c[i]);
    double pmp = pv8_sdm_mpp(&p, NULL, NULL);
    p_per_unit[i] = pmp > 0.0 ? pmp / p_ref : 0.0;
  }
}

/* Transmittance of one layer (Fresnel for unpolarised light, Bouguer
 * absorption) for light arriving at theta1_deg from a medium of index
 * n_in; *theta2_deg receives the refraction angle. */
static double layer_tau(double theta1_deg, double n_layer, double n_in, double k_per_m,
                        double l_m, double *theta2_deg)
{
  double t1 = deg2rad(theta1_deg);
  double t2 = asin(n_in / n_layer * sin(t1));
  if (theta2_deg)
    *theta2_deg = rad2deg(t2);
  double rs = sin(t2 - t1) / sin(t2 + t1);
  double rp = tan(t2 - t1) / tan(t2 + t1);
  return (1.0 - 0.5 * (rs * rs + rp * rp)) * exp(-k_per_m * l_m / cos(t2));
}

/* Cover transmittance at theta_deg, with or without the AR coating. */
static double cover_tau(double theta_deg, int ar_glass)
{
  if (!ar_glass)
    return layer_tau(theta_deg, GLASS_N, 1.0, GLASS_K_PER_M, GLASS_L_M, NULL);
  double theta_in = theta_deg;
  double tau = layer_tau(theta_deg, ARC_N, 1.0, ARC_K_PER_M, ARC_L_M, &theta_in);
  return tau * layer_tau(theta_in, GLASS_N, ARC_N, GLASS_K_PER_M, GLASS_L_M, NULL);
}

double pv8_cover_transmitted(double aoi_deg, double tilt_deg, double poa_beam,
                             double poa_sky, double poa_gnd, int ar_glass)
{
  /* 1 and 89 degrees keep the Fresnel terms finite (SAM's limits); normal
   * incidence is evaluated at 1 degree for the same reason. */
  double theta = aoi_deg < 1.0 ? 1.0 : (aoi_deg > 89.0 ? 89.0 : aoi_deg);
  /* normal incidence: SSC passes the coated path into the glass with an
   * incoming index of 1.0 (not the coating's), followed here */
  double tau_n;
  if (ar_glass) {
    double th_in = 1.0;
    tau_n = layer_tau(1.0, ARC_N, 1.0, ARC_K_PER_M, ARC_L_M, &th_in)
            * layer_tau(th_in, GLASS_N, 1.0, GLASS_K_PER_M, GLASS_L_M, NULL);
  } else {
    tau_n = cover_tau(1.0, 0);
  }
  double k_beam = fmin(cover_tau(theta, ar_glass) / tau_n, 1.0);
  /* Brandemuehl and Beckman effective angles, D&B eqs. 5.4.1-2; SAM
   * evaluates the diffuse paths through bare glass and normalises them by
   * the same tau_n. */
  double th_sky = 59.7 - 0.1388 * tilt_deg + 0.001497 * tilt_deg * tilt_deg;
  double th_gnd = 90.0 - 0.5788 * tilt_deg + 0.002693 * tilt_deg * tilt_deg;
  double k_sky = fmin(cover_tau(th_sky, 0) / tau_n, 1.0);
  double k_gnd = fmin(cover_tau(th_gnd, 0) / tau_n, 1.0);
  double g = poa_beam * k_beam + poa_sky * k_sky + poa_gnd * k_gnd;
  return g > 0.0 ? g : 0.0;
}

double pv8_air_mass_modifier(double zenith_deg, double elevation_m)
{
  static const double c[5] = { 0.918093, 0.086257, -0.024459, 0.002816, -0.000126 };
  double z = zenith_deg < 0.0 ? 0.0 : (zenith_deg > 86.0 ? 86.0 : zenith_deg);
  double am = 1.0 / (cos(deg2rad(z)) + 0.5057 * pow(96.080 - z, -1.634));
  am *= exp(-0.0001184 * elevation_m);
  double f = c[0] + am * (c[1] + am * (c[2] + am * (c[3] + am * c[4])));
  return f > 0.0 ? f : 0.0;
}

double pv8_inverter_pso_frac(double p_dc0_kw)
{
  double w = p_dc0_kw * 1000.0; /* SSC compares the nameplate in watts */
  if (w < 10.0)
    return 0.002246;
  if (w < 1000.0)
    return 0.002478;
  return 0.004931;
}

double pv8_inverter_ac_kw(double p_dc_kw, double p_ac0_kw, double eta_nom,
                          double pso_frac, double *clipped_kw)
{
  *clipped_kw = 0.0;
  double pso = pso_frac * p_ac0_kw;
  if (p_dc_kw <= pso)
    return 0.0;
  double p_dc0 = p_ac0_kw / eta_nom;
  double p_ac = p_ac0_kw * (p_dc_kw - pso) / (p_dc0 - pso);
  if (p_ac > p_ac0_kw) {
    *clipped_kw = p_ac - p_ac0_kw;
    p_ac = p_ac0_kw;
  }
  return p_ac > 0.0 ? p_ac : 0.0;
}

void pv8_run(const struct pv_params *pp, double elevation_m, size_t n,
             const double *poa_beam, const double *poa_sky, const double *poa_gnd,
             const double *aoi_deg, const double *surf_tilt_deg,
             const double *zenith_deg, const double *temp_air_c,
             const double *wind_ms, const unsigned char *month,
             const double *rear_eff_wm2, double *poa_wm2, double *t_cell_c,
             double *dc_kw, double *ac_kw, double *clip_kw, struct pv_balance *bal)
{
  const struct pv8_cec_module *m = pv8_module(pp->module_type);
  struct celltemp_noct th = celltemp_noct_pvwatts8(
      m->vmp_v * m->imp_a / (CEC_GREF_WM2 * m->area_m2), pp->racking == PV_RACK_ROOF);
  double pso = pv8_inverter_pso_frac(pp->p_dc0_kw);
  double keep[12], frac[12][PV_LOSS_COUNT];
  for (int mo = 0; mo < 12; mo++) {
    keep[mo] = pv_dc_keep(pp, mo);
    for (int l = 0; l < PV_LOSS_COUNT; l++)
      frac[mo][l] = pv_loss_frac(pp, l, mo);
  }
  struct pv_balance b = { 0 };
  double per_wm2 = pp->p_dc0_kw / 1000.0;
  for (size_t i = 0; i < n; i++) {
    double poa = poa_beam[i] + poa_sky[i] + poa_gnd[i];
    poa_wm2[i] = poa;
    t_cell_c[i] = temp_air_c[i];
    dc_kw[i] = ac_kw[i] = clip_kw[i] = 0.0;
    if (!(poa > 0.0))
      continue;
    /* the CEC module model passes bare glass (no AR) for all components */
    double g_front = pv8_cover_transmitted(aoi_deg[i], surf_tilt_deg[i], poa_beam[i],
                                           poa_sky[i], poa_gnd[i], 0);
    double g_eff = g_front * pv8_air_mass_modifier(zenith_deg[i], elevation_m);
    double ws = wind_ms[i] > 0.0 ? wind_ms[i] : 0.0;
    if (g_eff > 0.0)
      t_cell_c[i] = celltemp_noct(&th, poa, temp_air_c[i], ws, g_eff / poa);
    double rear = rear_eff_wm2 ? rear_eff_wm2[i] : 0.0;
    double g_total = g_eff + rear;
    double pu;
    pv8_dc_per_unit(m, 1, &g_total, &t_cell_c[i], &pu);
    double raw = pu > 0.0 ? pu * pp->p_dc0_kw : 0.0;
    int mo = month[i];
    dc_kw[i] = raw * keep[mo];
    ac_kw[i] = pv8_inverter_ac_kw(dc_kw[i], pp->p_ac0_kw, pp->inv_eff_nom, pso, &clip_kw[i]);

    b.nominal += poa * per_wm2;
    b.aoi += (poa - g_front) * per_wm2;
    b.spectral += (g_front - g_eff) * per_wm2;
    b.rear += rear * per_wm2;
    b.temperature += g_total * per_wm2 - raw;
    double left = raw;
    for (int l = 0; l < PV_LOSS_COUNT; l++) {
      double lost = left * frac[mo][l];
      b.loss[l] += lost;
      left -= lost;
    }
    b.dc += dc_kw[i];
    b.inverter += dc_kw[i] - ac_kw[i] - clip_kw[i];
    b.clipping += clip_kw[i];
    b.ac += ac_kw[i];
  }
  *bal = b;
}
