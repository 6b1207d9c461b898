/* Cell temperature models; sources in celltemp.h. */
#include "celltemp.h"

#include <math.h>

/* NOCT reference conditions (SAM lib_cec6par.cpp): 800 W/m2, 20 degC air. */
#define NOCT_G_WM2 800.0
#define NOCT_TA_C 20.0

double celltemp_noct(const struct celltemp_noct *p, double poa_wm2,
                     double temp_air_c, double wind_ms, double f_tr)
{
  if (poa_wm2 <= 0.0)
    return temp_air_c;
  double v = p->ffv_wind * wind_ms;
  if (v < 0.001)
    v = 0.001; /* SAM's floor, keeps the wind term finite */
  double ta = fabs(p->tau_alpha) * f_tr;
  double absorbed = ta > 0.0 ? 1.0 - p->eff_ref / ta : 1.0;
  double rise = poa_wm2 / NOCT_G_WM2 * (p->t_noct_c + p->standoff_adj_c - NOCT_TA_C)
                * absorbed * 9.5 / (5.7 + 3.8 * v);
  return temp_air_c + rise;
}

struct celltemp_noct celltemp_noct_pvwatts8(double eff_ref, int roof)
{
  struct celltemp_noct p = {
    .t_noct_c = roof ? 49.0 : 45.0,
    .standoff_adj_c = 0.0,
    .ffv_wind = 0.51,
    .eff_ref = eff_ref,
    .tau_alpha = 0.9,
  };
  return p;
}

double celltemp_faiman(const struct celltemp_faiman *p, double poa_wm2,
                       double temp_air_c, double wind_ms)
{
  if (poa_wm2 <= 0.0)
    return temp_air_c;
  return temp_air_c + poa_wm2 / (p->u0_w_m2k + p->u1_w_m3sk * wind_ms);
}

double celltemp_pvsyst(const struct celltemp_pvsyst *p, double poa_wm2,
                       double temp_air_c, double wind_ms)
{
  if (poa_wm2 <= 0.0)
    return temp_air_c;
  return temp_air_c + p->absorptance * poa_wm2 * (1.0 - p->eff)
                      / (p->u_c_w_m2k + p->u_v_w_m3sk * wind_ms);
}

/* Fuentes (1987) constants, as PVWatts uses them. */
#define FU_SIGMA 5.669e-8   /* Stefan-Boltzmann [W/(m2 K4)] */
#define FU_CAP0 11000.0     /* module heat capacity per area [J/(m2 K)] */
#define FU_ABSORB 0.83      /* absorptance */
#define FU_EMISS 0.84       /* emissivity */
#define FU_XLEN 0.5         /* characteristic length [m] */
#define FU_T20_K 293.15     /* NOCT air temperature [K] */
#define FU_TSKY_NOCT_K 282.21 /* sky temperature at 20 degC air [K] */
#define FU_WIND_REF_M 9.144 /* anemometer height of the wind data [m] */

struct air_props {
  double dens, visc, cond;
};

/* Air density, kinematic viscosity and conductivity at mean film
 * temperature t_k, sea-level pressure (Fuentes 1987 fits). */
static struct air_props air_at(double t_k)
{
  struct air_props a;
  a.dens = 0.003484 * 101325.0 / t_k;
  a.visc = 0.24237e-6 * pow(t_k, 0.76) / a.dens;
  a.cond = 2.1695e-4 * pow(t_k, 0.84);
  return a;
}

/* Combined free and forced convective coefficient [W/(m2 K)] for mean film
 * temperature t_ave_k, module-air difference dt_k, wind at module v_ms. */
static double h_convective(double t_ave_k, double dt_k, double v_ms, int allow_turbulent)
{
  struct air_props a = air_at(t_ave_k);
  double re = v_ms * FU_XLEN / a.visc;
  double h_forced = 0.86 / sqrt(re) * a.dens * v_ms * 1007.0 / pow(0.71, 0.67);
  if (allow_turbulent && re > 1.2e5)
    h_forced = 0.0282 / pow(re, 0.2) * a.dens * v_ms * 1007.0 / pow(0.71, 0.4);
  double gr = 9.8 / t_ave_k * fabs(dt_k) * pow(FU_XLEN, 3.0) / (a.visc * a.visc) * 0.5;
  double h_free = 0.21 * pow(gr * 0.71, 0.32) * a.cond / FU_XLEN;
  return cbrt(pow(h_free, 3.0) + pow(h_forced, 3.0));
}

void celltemp_fuentes(double inoct_c, double height_m, double dt_h, size_t n,
                      const double *poa_wm2, const double *temp_air_c,
                      const double *wind_ms, double *t_cell_c)
{
  /* Calibrate the convection and ground view so that the steady state at
   * NOCT conditions (800 W/m2, 20 degC, 1 m/s) is exactly inoct. */
  double tn = inoct_c + 273.15;
  double h0 = h_convective((tn + FU_T20_K) / 2.0, tn - FU_T20_K, 1.0, 0);
  double h_gnd0 = FU_EMISS * FU_SIGMA * (tn * tn + FU_T20_K * FU_T20_K) * (tn + FU_T20_K);
  double back = (FU_ABSORB * 800.0 - FU_EMISS * FU_SIGMA * (pow(tn, 4.0) - pow(FU_TSKY_NOCT_K, 4.0))
                 - h0 * (tn - FU_T20_K))
                / ((h_gnd0 + h0) * (tn - FU_T20_K));
  double t_gnd0 = pow(pow(tn, 4.0) - back * (pow(tn, 4.0) - pow(FU_T20_K, 4.0)), 0.25);
  if (t_gnd0 > tn)
    t_gnd0 = tn;
  if (t_gnd0 < FU_T20_K)
    t_gnd0 = FU_T20_K;
  double gnd_ratio = (t_gnd0 - FU_T20_K) / (tn - FU_T20_K);
  double conv_ratio = (FU_ABSORB * 800.0
                       - FU_EMISS * FU_SIGMA * (2.0 * pow(tn, 4.0) - pow(FU_TSKY_NOCT_K, 4.0)
                                                - pow(t_gnd0, 4.0)))
                      / (h0 * (tn - FU_T20_K));
  double cap = FU_CAP0;
  if (tn > 321.15)
    cap *= 1.0 + (tn - 321.15) / 12.0; /* hotter installs are heavier */

  double t_prev = FU_T20_K, sun_prev = 0.0;
  for (size_t i = 0; i < n; i++) {
    if (poa_wm2[i] <= 0.0) {
      t_cell_c[i] = temp_air_c[i];
      t_prev = temp_air_c[i] + 273.15;
      sun_prev = 0.0;
      continue;
    }
    double ta = temp_air_c[i] + 273.15;
    double sun = poa_wm2[i] * FU_ABSORB;
    double tsky = 0.68 * (0.0552 * pow(ta, 1.5)) + 0.32 * ta;
    double v = wind_ms[i] * pow(height_m / FU_WIND_REF_M, 0.2) + 0.0001;
    double t = t_prev;
    for (int k = 0; k < 10; k++) {
      double hc = conv_ratio * h_convective((t + ta) / 2.0, t - ta, v, 1);
      double hs = FU_EMISS * FU_SIGMA * (t * t + tsky * tsky) * (t + tsky);
      double tg = ta + gnd_ratio * (t - ta);
      double hg = FU_EMISS * FU_SIGMA * (t * t + tg * tg) * (t + tg);
      double htot = hc + hs + hg;
      double eig = -htot / cap * dt_h * 3600.0;
      double ex = eig > -10.0 ? exp(eig) : 0.0;
      /* exact solution of C dT/dt = S(t) - h (T - T_env) with S linear in
       * time from sun_prev to sun over the interval */
      t = t_prev * ex
          + ((1.0 - ex) * (hc * ta + hs * tsky + hg * tg + sun_prev + (sun - sun_prev) / eig)
             + sun - sun_prev)
                / htot;
    }
    t_prev = t;
    sun_prev = sun;
    t_cell_c[i] = t - 273.15;
  }
}
