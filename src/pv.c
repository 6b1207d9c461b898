/* PVWatts v5-style PV plant; equations from Dobos (2014), see pv.h. */
#include "pv.h"

#include <math.h>

#include "celltemp.h"
#include "irradiance.h"
#include "units.h"

struct pv_sapm_thermal pv_sapm_for_racking(enum pv_racking r)
{
  /* King et al. (2004) Table 1: glass/cell/polymer sheet, open rack and
   * insulated back (roof mount, no air gap is "close roof"). */
  struct pv_sapm_thermal open = { -3.56, -0.075, 3.0 };
  struct pv_sapm_thermal roof = { -2.81, -0.0455, 0.0 };
  return r == PV_RACK_ROOF ? roof : open;
}

double pv_cell_temp_sapm(struct pv_sapm_thermal th, double poa_wm2,
                         double temp_air_c, double wind_ms)
{
  double t_back = poa_wm2 * exp(th.a + th.b * wind_ms) + temp_air_c;
  return t_back + poa_wm2 / 1000.0 * th.dt_c;
}

double pv_dc_kw(double poa_tr_wm2, double t_cell_c, double p_dc0_kw,
                double gamma_per_c)
{
  double p = poa_tr_wm2 / 1000.0 * p_dc0_kw * (1.0 + gamma_per_c * (t_cell_c - 25.0));
  return p > 0.0 ? p : 0.0;
}

struct pv_inverter pv_inverter_of(const struct pv_params *pp)
{
  return (struct pv_inverter){ pp->p_ac0_kw, pp->p_ac0_kw / pp->inv_eff_nom,
                               pp->inv_eff_nom / PV_INV_EFF_REF };
}

double pv_inverter_ac_kw(double p_dc_kw, double p_ac0_kw, double inv_eff_nom,
                         double *clipped_kw)
{
  *clipped_kw = 0.0;
  if (p_dc_kw <= 0.0)
    return 0.0;
  double p_dc0_inv = p_ac0_kw / inv_eff_nom;
  double zeta = p_dc_kw / p_dc0_inv;
  double eff = inv_eff_nom / PV_INV_EFF_REF * (-0.0162 * zeta - 0.0059 / zeta + 0.9858);
  double p_ac = eff * p_dc_kw;
  if (p_ac <= 0.0)
    return 0.0; /* below the inverter's start-up power */
  if (p_ac > p_ac0_kw) {
    *clipped_kw = p_ac - p_ac0_kw;
    p_ac = p_ac0_kw;
  }
  return p_ac;
}

const char *pv_mount_name(enum pv_mount m)
{
  return m == PV_MOUNT_SINGLE_AXIS ? "single_axis" : m == PV_MOUNT_TWO_AXIS ? "two_axis" : "fixed";
}

const char *pv_module_type_name(enum pv8_module_type t)
{
  return t == PV8_MODULE_PREMIUM ? "premium" : t == PV8_MODULE_THIN_FILM ? "thin_film" : "standard";
}

const char *pv_temp_model_name(enum pv_temp_model m)
{
  static const char *const names[] = { "sapm", "noct", "faiman", "pvsyst" };
  return (unsigned)m < 4 ? names[m] : "?";
}

/* Cell temperature by the plant's model; poa: incident, poa_tr: what the
 * cover lets through (the NOCT model's transmitted fraction). */
static double cell_temp(const struct pv_params *pp, const struct pv_sapm_thermal *th,
                        const struct celltemp_noct *noct, double poa, double poa_tr,
                        double temp_air_c, double wind_ms)
{
  switch (pp->temp_model) {
  case PV_TEMP_NOCT:
    return celltemp_noct(noct, poa, temp_air_c, wind_ms > 0.0 ? wind_ms : 0.0, poa_tr / poa);
  case PV_TEMP_FAIMAN: {
    struct celltemp_faiman f = { pp->faiman_u0, pp->faiman_u1 };
    return celltemp_faiman(&f, poa, temp_air_c, wind_ms);
  }
  case PV_TEMP_PVSYST: {
    struct celltemp_pvsyst v = { pp->pvsyst_uc, pp->pvsyst_uv, pp->pvsyst_absorptance,
                                 pp->pvsyst_eff };
    return celltemp_pvsyst(&v, poa, temp_air_c, wind_ms);
  }
  default:
    return pv_cell_temp_sapm(*th, poa, temp_air_c, wind_ms);
  }
}

const char *pv_model_name(enum pv_model m)
{
  return m == PV_MODEL_PVWATTS_V8 ? "pvwatts_v8" : "pvwatts_v5";
}

const char *pv_loss_name(enum pv_loss l)
{
  static const char *const names[PV_LOSS_COUNT] = {
    [PV_LOSS_SOILING] = "soiling",       [PV_LOSS_SHADING] = "shading",
    [PV_LOSS_SNOW] = "snow",             [PV_LOSS_MISMATCH] = "mismatch",
    [PV_LOSS_WIRING] = "wiring",         [PV_LOSS_CONNECTIONS] = "connections",
    [PV_LOSS_LID] = "lid",               [PV_LOSS_NAMEPLATE] = "nameplate",
    [PV_LOSS_AVAILABILITY] = "availability", [PV_LOSS_LUMPED] = "lumped",
  };
  return (unsigned)l < PV_LOSS_COUNT ? names[l] : "?";
}

double pv_loss_frac(const struct pv_params *pp, int l, int m)
{
  return l == PV_LOSS_SOILING && pp->soiling_by_month ? pp->soiling_month_frac[m]
                                                      : pp->loss_frac[l];
}

double pv_dc_keep(const struct pv_params *pp, int m)
{
  double keep = 1.0;
  for (int l = 0; l < PV_LOSS_COUNT; l++)
    keep *= 1.0 - pv_loss_frac(pp, l, m);
  return keep;
}

/* pv_run() and pv_run_scaled(); n_factor 0..2, the loop specialised for
 * each count by inlining. */
static inline __attribute__((always_inline)) void
run_core(const struct pv_params *pp, size_t n, const double *poa_beam,
         const double *poa_diffuse, const double *cos_aoi, const double *temp_air_c,
         const double *wind_ms, const unsigned char *month, const double *rear_eff_wm2,
         double *poa_wm2, double *t_cell_c, double *dc_kw, double *ac_kw, double *clip_kw,
         int n_factor, const double *factor, double *ac_scaled_sum, struct pv_balance *bal)
{
  double f0 = n_factor > 0 ? factor[0] : 0.0, f1 = n_factor > 1 ? factor[1] : 0.0;
  double sum0 = 0.0, sum1 = 0.0, clip_unused;
  const struct pv_inverter inv = pv_inverter_of(pp);
  /* DC before the losses, by month: each loss is then a fixed fraction of
   * it (the losses apply one after another), summed after the loop. */
  double raw_month[12] = { 0 };
  struct pv_sapm_thermal th = pv_sapm_for_racking(pp->racking);
  /* NOCT as PVWatts v8 sets it up, with the plant's NOCT (module
   * efficiency 19 %, a typical crystalline module, for the heat balance). */
  struct celltemp_noct noct = celltemp_noct_pvwatts8(0.19, pp->racking == PV_RACK_ROOF);
  noct.t_noct_c = pp->noct_c;
  double keep[12];
  for (int m = 0; m < 12; m++)
    keep[m] = pv_dc_keep(pp, m);
  struct pv_balance b = { 0 };
  double per_wm2 = pp->p_dc0_kw / 1000.0;
  const int sapm = pp->temp_model != PV_TEMP_NOCT && pp->temp_model != PV_TEMP_FAIMAN &&
                   pp->temp_model != PV_TEMP_PVSYST;
  double sapm_wind = NAN, sapm_exp = 0.0;
  for (size_t i = 0; i < n; i++) {
    double poa = poa_beam[i] + poa_diffuse[i];
    poa_wm2[i] = poa;
    if (poa <= 0.0) {
      t_cell_c[i] = temp_air_c[i];
      dc_kw[i] = ac_kw[i] = clip_kw[i] = 0.0;
      continue;
    }
    double iam = poa_beam[i] > 0.0 ? irr_iam_physical_cos(cos_aoi[i], pp->glass_n,
                                                          PV_GLASS_K_PER_M, PV_GLASS_L_M)
                                    : 0.0;
    double rear = rear_eff_wm2 ? rear_eff_wm2[i] : 0.0;
    double front_tr = poa_beam[i] * iam + poa_diffuse[i];
    double poa_tr = front_tr + rear;
    if (sapm) {
      /* pv_cell_temp_sapm() with its exp() kept while the wind stays the
       * same (monthly-mean wind in synthetic profiles): same operations. */
      if (wind_ms[i] != sapm_wind) {
        sapm_wind = wind_ms[i];
        sapm_exp = exp(th.a + th.b * sapm_wind);
      }
      t_cell_c[i] = poa * sapm_exp + temp_air_c[i] + poa / 1000.0 * th.dt_c;
    } else {
      t_cell_c[i] = cell_temp(pp, &th, &noct, poa, front_tr, temp_air_c[i], wind_ms[i]);
    }
    double raw = pv_dc_kw(poa_tr, t_cell_c[i], pp->p_dc0_kw, pp->gamma_per_c);
    int m = month[i];
    dc_kw[i] = raw * keep[m];
    ac_kw[i] = pv_inverter_ac(&inv, dc_kw[i], &clip_kw[i]);

    b.nominal += poa * per_wm2;
    b.rear += rear * per_wm2;
    b.aoi += (poa - front_tr) * per_wm2;
    b.temperature += poa_tr * per_wm2 - raw;
    raw_month[m] += raw;
    b.dc += dc_kw[i];
    b.inverter += dc_kw[i] - ac_kw[i] - clip_kw[i];
    b.clipping += clip_kw[i];
    b.ac += ac_kw[i];
    /* pv_ac_sum_scaled()'s sums, in its order (it skips DC <= 0). */
    if (n_factor > 0 && dc_kw[i] > 0.0) {
      sum0 += pv_inverter_ac(&inv, dc_kw[i] * f0, &clip_unused);
      if (n_factor > 1)
        sum1 += pv_inverter_ac(&inv, dc_kw[i] * f1, &clip_unused);
    }
  }
  pv_balance_losses(pp, raw_month, &b);
  *bal = b;
  if (n_factor > 0)
    ac_scaled_sum[0] = sum0;
  if (n_factor > 1)
    ac_scaled_sum[1] = sum1;
}

void pv_balance_losses(const struct pv_params *pp, const double raw_month[12],
                       struct pv_balance *bal)
{
  for (int m = 0; m < 12; m++) {
    double left = raw_month[m];
    /* A zero loss adds 0 to its sum and leaves what is left unchanged:
     * skipping it changes no bit, and most plants set a few losses (or one
     * lumped total) of the ten. */
    for (int l = 0; l < PV_LOSS_COUNT; l++) {
      double f = pv_loss_frac(pp, l, m);
      if (f != 0.0) {
        double lost = left * f;
        bal->loss[l] += lost;
        left -= lost;
      }
    }
  }
}

void pv_run(const struct pv_params *pp, size_t n, const double *poa_beam,
            const double *poa_diffuse, const double *cos_aoi,
            const double *temp_air_c, const double *wind_ms,
            const unsigned char *month, const double *rear_eff_wm2, double *poa_wm2,
            double *t_cell_c, double *dc_kw, double *ac_kw, double *clip_kw,
            struct pv_balance *bal)
{
  run_core(pp, n, poa_beam, poa_diffuse, cos_aoi, temp_air_c, wind_ms, month, rear_eff_wm2,
           poa_wm2, t_cell_c, dc_kw, ac_kw, clip_kw, 0, NULL, NULL, bal);
}

void pv_run_scaled(const struct pv_params *pp, size_t n, const double *poa_beam,
                   const double *poa_diffuse, const double *cos_aoi,
                   const double *temp_air_c, const double *wind_ms,
                   const unsigned char *month, const double *rear_eff_wm2, double *poa_wm2,
                   double *t_cell_c, double *dc_kw, double *ac_kw, double *clip_kw,
                   int n_factor, const double *factor, double *ac_scaled_sum,
                   struct pv_balance *bal)
{
  if (n_factor >= 2)
    run_core(pp, n, poa_beam, poa_diffuse, cos_aoi, temp_air_c, wind_ms, month, rear_eff_wm2,
             poa_wm2, t_cell_c, dc_kw, ac_kw, clip_kw, 2, factor, ac_scaled_sum, bal);
  else if (n_factor == 1)
    run_core(pp, n, poa_beam, poa_diffuse, cos_aoi, temp_air_c, wind_ms, month, rear_eff_wm2,
             poa_wm2, t_cell_c, dc_kw, ac_kw, clip_kw, 1, factor, ac_scaled_sum, bal);
  else
    run_core(pp, n, poa_beam, poa_diffuse, cos_aoi, temp_air_c, wind_ms, month, rear_eff_wm2,
             poa_wm2, t_cell_c, dc_kw, ac_kw, clip_kw, 0, NULL, NULL, bal);
}

void pv_balance_add(struct pv_balance *dst, const struct pv_balance *src)
{
  dst->nominal += src->nominal;
  dst->rear += src->rear;
  dst->aoi += src->aoi;
  dst->spectral += src->spectral;
  dst->temperature += src->temperature;
  for (int l = 0; l < PV_LOSS_COUNT; l++)
    dst->loss[l] += src->loss[l];
  dst->dc += src->dc;
  dst->inverter += src->inverter;
  dst->clipping += src->clipping;
  dst->ac += src->ac;
}

double pv_ac_sum_scaled(const struct pv_params *pp, size_t n, const double *dc_kw,
                        double factor)
{
  double sum = 0.0, clip;
  if (pp->model == PV_MODEL_PVWATTS_V8) {
    double pso = pv8_inverter_pso_frac(pp->p_dc0_kw);
    for (size_t i = 0; i < n; i++)
      if (dc_kw[i] > 0.0)
        sum += pv8_inverter_ac_kw(dc_kw[i] * factor, pp->p_ac0_kw, pp->inv_eff_nom, pso, &clip);
    return sum;
  }
  const struct pv_inverter inv = pv_inverter_of(pp);
  for (size_t i = 0; i < n; i++)
    if (dc_kw[i] > 0.0)
      sum += pv_inverter_ac(&inv, dc_kw[i] * factor, &clip);
  return sum;
}
