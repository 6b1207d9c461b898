/* The hourly chain of the common PV plants in one loop; see sim_fused.h. */
#include "sim_fused.h"

#include <math.h>
#include <string.h>

#include "irradiance.h"
#include "pv.h"
#include "tracking.h"
#include "transpose.h"
#include "units.h"

/* Passes 3 to 6 of a plant that plant_fused() accepts, in one loop over
 * the intervals: the beam's angle on the plane, the plane of array, cover,
 * cell temperature, DC, inverter and the sums of pass 6, with the same
 * operations in the same order as the array passes (pv_run_scaled(),
 * agg_monthly_mwh() and agg_average_day_mw() add exact zeros for the dark
 * intervals, which are skipped here) except the cover's modifier, taken
 * from irr_iam_cover_cos() (within 1e-15 of irr_iam_physical_cos()). Fills every
 * series of r->s (POA, DC, AC and clipping 0 and the cell at air
 * temperature in the dark, as pv_run() gives). n_f: lifetime factors f,
 * 0 or 2. tracker: 1 for a single-axis tracker, whose plane comes from the
 * sun's direction vector (tracking_axis_plane(), equal to
 * tracking_single_axis() to rounding) and, with the sun down, is the
 * stowed one, as pass 3 has it; 0 for a fixed rack. */
static inline __attribute__((always_inline)) void
run_fused_body(const struct plant_cfg *cfg, const struct sky *k, struct plant_result *r, int n_f,
               const double f[2], struct fused_sums *out, const int tracker)
{
  const struct pv_params *pv = &cfg->pv;
  const size_t n = r->n;
  double *poa_wm2 = r->s.poa_wm2, *t_cell = r->s.t_cell_c, *dc_kw = r->s.dc_kw;
  double *ac_kw = r->s.ac_kw, *clip_kw = r->s.clip_kw;
  const unsigned char *month = r->month, *hour = r->hour;
  const double *zen = k->zenith, *cos_zen = k->cos_zen, *sin_zen = k->sin_zen;
  const double *sun_e = k->sun_e, *sun_n = k->sun_n, *dni = k->dni, *dhi = k->dhi;
  const double *ghi = k->ghi, *temp = k->temp, *wind = k->wind;
  const double *dni_extra = k->dni_extra, *am_rel = k->am_rel;
  const enum transpose_model model = pv->sky;

  /* The plane (pass 3's constants); a tracker's when stowed. */
  struct tracking_axis ta = { 0 };
  if (tracker)
    tracking_axis_init(&ta, &pv->track);
  const double ct = tracker ? ta.cos_tilt0 : cos(deg2rad(pv->tilt_deg));
  const double st = tracker ? ta.sin_tilt0 : sin(deg2rad(pv->tilt_deg));
  const double se = st * sin(deg2rad(pv->azimuth_deg)), sn = st * cos(deg2rad(pv->azimuth_deg));
  /* The plant (run_core()'s in pv.c). */
  const struct pv_inverter inv = pv_inverter_of(pv);
  const struct pv_sapm_thermal th = pv_sapm_for_racking(pv->racking);
  struct irr_iam_cover cover;
  irr_iam_cover_init(&cover, pv->glass_n, PV_GLASS_K_PER_M, PV_GLASS_L_M);
  double keep[12], alb_m[12];
  for (int m = 0; m < 12; m++) {
    keep[m] = pv_dc_keep(pv, m);
    alb_m[m] = pv->albedo_by_month ? pv->albedo_month[m] : pv->albedo;
  }
  const double *alb_row = k->albedo;
  const double per_wm2 = pv->p_dc0_kw / 1000.0, p_dc0 = pv->p_dc0_kw, gamma = pv->gamma_per_c;
  const double kwh_per_kw = k->p->interval_s / UNITS_S_PER_H;
  const double f0 = n_f > 0 ? f[0] : 0.0, f1 = n_f > 0 ? f[1] : 0.0;
  double raw_month[12] = { 0 }, sum0 = 0.0, sum1 = 0.0, poa_sum = 0.0;
  double sapm_wind = NAN, sapm_exp = 0.0;
  struct pv_balance b = { 0 };
  memset(out, 0, sizeof *out);
  /* The sums in locals, which the stores to the series cannot alias. */
  double month_kwh[12] = { 0 }, day_kw[12][24] = { { 0 } };

  for (size_t i = 0; i < n; i++) {
    double beam = 0.0, diffuse = 0.0, c = 0.0;
    const double z = zen[i];
    if (z < 90.0) {
      double ct_i = ct, st_i = st;
      if (tracker) {
        tracking_axis_plane(&ta, sin_zen[i] * sun_e[i], sin_zen[i] * sun_n[i], cos_zen[i], &ct_i,
                            &st_i, &c);
      } else {
        c = cos_zen[i] * ct + sin_zen[i] * (sun_e[i] * se + sun_n[i] * sn);
        c = c > 1.0 ? 1.0 : c < -1.0 ? -1.0 : c;
      }
      const double alb = alb_row ? alb_row[i] : alb_m[month[i]];
      struct poa poa;
      transpose_pre_inline(model, ct_i, st_i, c, z, cos_zen[i], dni[i], dhi[i], ghi[i],
                           dni_extra[i], am_rel[i], alb, &poa);
      beam = poa.beam;
      diffuse = poa.sky + poa.ground;
    } else if (dhi[i] > 0.0 || ghi[i] > 0.0) {
      /* Sun down with diffuse light in the data (twilight); else dark. */
      const double alb = alb_row ? alb_row[i] : alb_m[month[i]];
      double sky, gnd;
      transpose_night(ct, dhi[i], ghi[i], alb, &sky, &gnd);
      diffuse = sky + gnd;
    }
    const double poa = beam + diffuse;
    if (poa <= 0.0) {
      /* Written here rather than by memset() beforehand: half the rows. */
      poa_wm2[i] = 0.0;
      t_cell[i] = temp[i];
      dc_kw[i] = ac_kw[i] = clip_kw[i] = 0.0;
      continue;
    }
    poa_wm2[i] = poa;
    poa_sum += poa;
    const double iam =
        beam > 0.0 ? irr_iam_cover_cos(&cover, c) : 0.0;
    /* No rear side: what the cover lets through is the front's. */
    const double poa_tr = beam * iam + diffuse;
    if (wind[i] != sapm_wind) {
      sapm_wind = wind[i];
      sapm_exp = exp(th.a + th.b * sapm_wind);
    }
    const double tc = poa * sapm_exp + temp[i] + poa / 1000.0 * th.dt_c;
    t_cell[i] = tc;
    double raw = poa_tr / 1000.0 * p_dc0 * (1.0 + gamma * (tc - 25.0)); /* pv_dc_kw() */
    raw = raw > 0.0 ? raw : 0.0;
    const int m = month[i];
    const double dc = raw * keep[m];
    double clip;
    const double ac = pv_inverter_ac(&inv, dc, &clip);
    dc_kw[i] = dc;
    ac_kw[i] = ac;
    clip_kw[i] = clip;
    b.nominal += poa * per_wm2;
    b.aoi += (poa - poa_tr) * per_wm2;
    b.temperature += poa_tr * per_wm2 - raw;
    raw_month[m] += raw;
    b.dc += dc;
    b.inverter += dc - ac - clip;
    b.clipping += clip;
    b.ac += ac;
    if (n_f > 0 && dc > 0.0) {
      double unused;
      sum0 += pv_inverter_ac(&inv, dc * f0, &unused);
      sum1 += pv_inverter_ac(&inv, dc * f1, &unused);
    }
    month_kwh[m] += ac * kwh_per_kw;
    day_kw[m][hour[i]] += ac;
  }
  memcpy(out->month_kwh, month_kwh, sizeof month_kwh);
  memcpy(out->day_kw, day_kw, sizeof day_kw);
  pv_balance_losses(pv, raw_month, &b);
  out->bal = b;
  out->life_sum[0] = sum0;
  out->life_sum[1] = sum1;
  out->poa = poa_sum;
}

/* run_fused_body() compiled once for each mount, so that a fixed rack's
 * loop does not carry the tracker's branch, and each as a function of its
 * own: inlined into run_plant() the loop spills more registers. */
static __attribute__((noinline)) void
run_fused_fixed(const struct plant_cfg *cfg, const struct sky *k, struct plant_result *r,
                int n_f, const double f[2], struct fused_sums *out)
{
  run_fused_body(cfg, k, r, n_f, f, out, 0);
}

static __attribute__((noinline)) void
run_fused_tracker(const struct plant_cfg *cfg, const struct sky *k, struct plant_result *r,
                  int n_f, const double f[2], struct fused_sums *out)
{
  run_fused_body(cfg, k, r, n_f, f, out, 1);
}

void run_fused(const struct plant_cfg *cfg, const struct sky *k, struct plant_result *r,
                      int n_f, const double f[2], struct fused_sums *out)
{
  if (cfg->pv.mount == PV_MOUNT_SINGLE_AXIS)
    run_fused_tracker(cfg, k, r, n_f, f, out);
  else
    run_fused_fixed(cfg, k, r, n_f, f, out);
}

