/* The hourly chain of the common PV plants in one pass; see sim_fused.h.
 *
 * Passes 3 to 6 of the array chain (sim.c) with the same operations in the
 * same order, hence the same results: the beam's angle on the plane, the
 * plane of array, cover, cell temperature, DC, inverter and the sums of
 * pass 6 (pv_run_scaled(), agg_monthly_mwh() and agg_average_day_mw() add
 * exact zeros for the dark intervals, which are skipped here), except the
 * cover's modifier, taken from irr_iam_cover_cos() (within 1e-15 of
 * irr_iam_physical_cos()). A single-axis tracker's plane comes from the
 * sun's direction vector (tracking_axis_plane(), equal to
 * tracking_single_axis() to rounding) and, with the sun down, is the
 * stowed one, as pass 3 has it.
 *
 * The rows go by blocks: a vectorised loop works each row's figures under
 * the Perez sky (fused_block_perez()), then a plain loop adds them up in
 * row order. A row the vectorised loop cannot take exactly, and every row
 * of the other sky models, goes through fused_row(), the same operations
 * one row at a time. */
#include "sim_fused.h"

#include <math.h>
#include <string.h>

#include "irradiance.h"
#include "pv.h"
#include "simd.h"
#include "tracking.h"
#include "transpose.h"
#include "units.h"

/* Rows per block: the block's figures stay in the first-level cache. */
#define FUSED_BLOCK 256

/* What every row reads of the plant (run_core()'s constants in pv.c). */
struct fused_plant {
  int tracker;                /* single-axis tracker, else fixed rack */
  struct tracking_axis ta;    /* the tracker's axis */
  double ct, st;              /* cos and sin of the tilt; a tracker's stowed */
  double se, sn;              /* the fixed plane's normal, east and north parts */
  enum transpose_model model;
  struct irr_iam_cover cover;
  struct pv_sapm_thermal th;
  struct pv_inverter inv;
  double p_dc0, gamma;        /* DC nameplate [kW], power temperature coefficient */
  int n_f;                    /* lifetime factors f0, f1: 0 or 2 */
  double f0, f1;
};

/* One row's figures; poa <= 0: dark, the others unset. */
struct fused_row {
  double poa, poa_tr, t_cell, raw, dc, ac, clip, life0, life1;
};

/* The row's figures one at a time, any sky model: alb the albedo, keep the
 * DC kept after losses, sapm_exp the SAPM wind factor exp(a + b ws). */
static inline __attribute__((always_inline)) void
fused_row(const struct fused_plant *fp, const struct sky *k, size_t i, double alb, double keep,
          double sapm_exp, const int tracker, struct fused_row *o)
{
  double beam = 0.0, diffuse = 0.0, c = 0.0;
  const double z = k->zenith[i];
  if (z < 90.0) {
    double ct_i = fp->ct, st_i = fp->st;
    if (tracker) {
      tracking_axis_plane(&fp->ta, k->sin_zen[i] * k->sun_e[i], k->sin_zen[i] * k->sun_n[i],
                          k->cos_zen[i], &ct_i, &st_i, &c);
    } else {
      c = k->cos_zen[i] * fp->ct + k->sin_zen[i] * (k->sun_e[i] * fp->se + k->sun_n[i] * fp->sn);
      c = c > 1.0 ? 1.0 : c < -1.0 ? -1.0 : c;
    }
    struct poa poa;
    transpose_pre_inline(fp->model, ct_i, st_i, c, z, k->cos_zen[i], k->dni[i], k->dhi[i],
                         k->ghi[i], k->dni_extra[i], k->am_rel[i], alb, &poa);
    beam = poa.beam;
    diffuse = poa.sky + poa.ground;
  } else if (k->dhi[i] > 0.0 || k->ghi[i] > 0.0) {
    /* Sun down with diffuse light in the data (twilight); else dark. */
    double sky, gnd;
    transpose_night(fp->ct, k->dhi[i], k->ghi[i], alb, &sky, &gnd);
    diffuse = sky + gnd;
  }
  const double poa = o->poa = beam + diffuse;
  if (poa <= 0.0)
    return;
  const double iam = beam > 0.0 ? irr_iam_cover_cos(&fp->cover, c) : 0.0;
  /* No rear side: what the cover lets through is the front's. */
  const double poa_tr = o->poa_tr = beam * iam + diffuse;
  const double tc = o->t_cell = poa * sapm_exp + k->temp[i] + poa / 1000.0 * fp->th.dt_c;
  const double raw = poa_tr / 1000.0 * fp->p_dc0 * (1.0 + fp->gamma * (tc - 25.0)); /* pv_dc_kw() */
  o->raw = raw > 0.0 ? raw : 0.0;
  o->dc = o->raw * keep;
  o->ac = pv_inverter_ac(&fp->inv, o->dc, &o->clip);
  o->life0 = o->life1 = 0.0;
  if (fp->n_f > 0 && o->dc > 0.0) {
    double unused;
    o->life0 = pv_inverter_ac(&fp->inv, o->dc * fp->f0, &unused);
    o->life1 = pv_inverter_ac(&fp->inv, o->dc * fp->f1, &unused);
  }
}

/* A block's figures by rows, for fused_block_perez(). */
struct fused_block {
  double poa[FUSED_BLOCK], poa_tr[FUSED_BLOCK], t_cell[FUSED_BLOCK], raw[FUSED_BLOCK];
  double dc[FUSED_BLOCK], ac[FUSED_BLOCK], clip[FUSED_BLOCK], life0[FUSED_BLOCK];
  double life1[FUSED_BLOCK];
  double x_abs[FUSED_BLOCK]; /* irr_iam_cover_cos_select()'s: at or above
                                IRR_IAM_SERIES_X, the row goes through
                                fused_row() */
};

/* fused_row() under the Perez sky for rows [i0, i0 + m) of k, without a
 * branch, so that the loop vectorises: every row works every term and
 * selects drop the ones it does not use. The same operations as
 * fused_row(), hence the same figures, wherever x_abs is under
 * IRR_IAM_SERIES_X. alb, keep,
 * sapm_exp: by row of the block. */
static inline __attribute__((always_inline)) void
fused_block_body(const struct fused_plant *fp_in, const struct sky *k, size_t i0, size_t m,
                 const double *restrict alb, const double *restrict keep,
                 const double *restrict sapm_exp, struct fused_block *restrict b,
                 const int tracker)
{
  const struct fused_plant fp = *fp_in;
  const double *restrict zen = k->zenith + i0, *restrict cos_zen = k->cos_zen + i0;
  const double *restrict sin_zen = k->sin_zen + i0, *restrict sun_e = k->sun_e + i0;
  const double *restrict sun_n = k->sun_n + i0, *restrict dni = k->dni + i0;
  const double *restrict dhi = k->dhi + i0, *restrict ghi = k->ghi + i0;
  const double *restrict dni_extra = k->dni_extra + i0, *restrict am_rel = k->am_rel + i0;
  const double *restrict temp = k->temp + i0;
  const double *perez_f = &transpose_perez_f[0][0];
#pragma omp simd
  for (size_t j = 0; j < m; j++) {
    /* (The tests stand in the selects themselves: a flag kept in a
     * variable would stop the loop from vectorising.) */
    const double z = zen[j];
    double ct_i = fp.ct, st_i = fp.st, c;
    if (tracker) {
      tracking_axis_plane(&fp.ta, sin_zen[j] * sun_e[j], sin_zen[j] * sun_n[j], cos_zen[j],
                          &ct_i, &st_i, &c);
      ct_i = z < 90.0 ? ct_i : fp.ct;
      st_i = z < 90.0 ? st_i : fp.st;
    } else {
      c = cos_zen[j] * fp.ct + sin_zen[j] * (sun_e[j] * fp.se + sun_n[j] * fp.sn);
      c = c > 1.0 ? 1.0 : c < -1.0 ? -1.0 : c;
    }
    /* transpose_pre_inline() under the Perez sky with the sun up, and
     * transpose_night() (the same terms) with it down. */
    double sky_iso, ground;
    transpose_night(ct_i, dhi[j], ghi[j], alb[j], &sky_iso, &ground);
    double z_rad;
    const int at = 6 * transpose_perez_bin_select(transpose_perez_eps(z, dni[j], dhi[j], &z_rad));
    /* Each coefficient by its own index into the table: gathers. */
    const double sky_perez =
        transpose_perez_sky_f(perez_f[at], perez_f[at + 1], perez_f[at + 2], perez_f[at + 3],
                              perez_f[at + 4], perez_f[at + 5], z_rad, ct_i, st_i, c,
                              cos_zen[j], dhi[j], dni_extra[j], am_rel[j]);
    const double beam = z < 90.0 ? transpose_pos0(dni[j] * c) : 0.0;
    const double diffuse = (z < 90.0 ? (dhi[j] > 0.0 ? sky_perez : sky_iso) : sky_iso) + ground;
    const double poa = beam + diffuse;
    double x_abs;
    const double iam_any = irr_iam_cover_cos_select(&fp.cover, c, &x_abs);
    const double iam = beam > 0.0 ? iam_any : 0.0;
    const double poa_tr = beam * iam + diffuse;
    const double tc = poa * sapm_exp[j] + temp[j] + poa / 1000.0 * fp.th.dt_c;
    const double raw_any = poa_tr / 1000.0 * fp.p_dc0 * (1.0 + fp.gamma * (tc - 25.0));
    const double raw = raw_any > 0.0 ? raw_any : 0.0;
    const double dc = raw * keep[j];
    double clip, unused;
    const double ac = pv_inverter_ac_select(&fp.inv, dc, &clip);
    const double life0 = pv_inverter_ac_select(&fp.inv, dc * fp.f0, &unused);
    const double life1 = pv_inverter_ac_select(&fp.inv, dc * fp.f1, &unused);
    b->poa[j] = poa;
    b->poa_tr[j] = poa_tr;
    b->t_cell[j] = tc;
    b->raw[j] = raw;
    b->dc[j] = dc;
    b->ac[j] = ac;
    b->clip[j] = clip;
    b->life0[j] = dc > 0.0 ? life0 : 0.0;
    b->life1[j] = dc > 0.0 ? life1 : 0.0;
    b->x_abs[j] = x_abs;
  }
}

/* fused_block_body() compiled for each mount and for wider vector units
 * (simd.h). */
SIMD_CLONES static void
fused_block_fixed(const struct fused_plant *fp, const struct sky *k, size_t i0, size_t m,
                  const double *alb, const double *keep, const double *sapm_exp,
                  struct fused_block *b)
{
  fused_block_body(fp, k, i0, m, alb, keep, sapm_exp, b, 0);
}

SIMD_CLONES static void
fused_block_tracker(const struct fused_plant *fp, const struct sky *k, size_t i0, size_t m,
                    const double *alb, const double *keep, const double *sapm_exp,
                    struct fused_block *b)
{
  fused_block_body(fp, k, i0, m, alb, keep, sapm_exp, b, 1);
}

/* The sums of run_fused(), in locals that the stores to the series cannot
 * alias. */
struct fused_acc {
  struct pv_balance bal;
  double raw_month[12], life[2], poa;
  double month_kwh[12], day_kw[12][24];
};

/* Row i's figures o into the series of r and the sums a. */
static inline __attribute__((always_inline)) void
fused_add(const struct fused_plant *fp, const struct sky *k, struct plant_result *r, size_t i,
          const struct fused_row *o, double per_wm2, double kwh_per_kw, struct fused_acc *a)
{
  if (o->poa <= 0.0) {
    r->s.poa_wm2[i] = 0.0;
    r->s.t_cell_c[i] = k->temp[i];
    r->s.dc_kw[i] = r->s.ac_kw[i] = r->s.clip_kw[i] = 0.0;
    return;
  }
  const int m = r->month[i];
  r->s.poa_wm2[i] = o->poa;
  r->s.t_cell_c[i] = o->t_cell;
  r->s.dc_kw[i] = o->dc;
  r->s.ac_kw[i] = o->ac;
  r->s.clip_kw[i] = o->clip;
  a->poa += o->poa;
  a->bal.nominal += o->poa * per_wm2;
  a->bal.aoi += (o->poa - o->poa_tr) * per_wm2;
  a->bal.temperature += o->poa_tr * per_wm2 - o->raw;
  a->raw_month[m] += o->raw;
  a->bal.dc += o->dc;
  a->bal.inverter += o->dc - o->ac - o->clip;
  a->bal.clipping += o->clip;
  a->bal.ac += o->ac;
  if (fp->n_f > 0 && o->dc > 0.0) {
    a->life[0] += o->life0;
    a->life[1] += o->life1;
  }
  a->month_kwh[m] += o->ac * kwh_per_kw;
  a->day_kw[m][r->hour[i]] += o->ac;
}

static void fused_plant_init(const struct plant_cfg *cfg, int n_f, const double f[2],
                             struct fused_plant *fp)
{
  const struct pv_params *pv = &cfg->pv;
  memset(fp, 0, sizeof *fp);
  fp->tracker = pv->mount == PV_MOUNT_SINGLE_AXIS;
  if (fp->tracker)
    tracking_axis_init(&fp->ta, &pv->track);
  fp->ct = fp->tracker ? fp->ta.cos_tilt0 : cos(deg2rad(pv->tilt_deg));
  fp->st = fp->tracker ? fp->ta.sin_tilt0 : sin(deg2rad(pv->tilt_deg));
  fp->se = fp->st * sin(deg2rad(pv->azimuth_deg));
  fp->sn = fp->st * cos(deg2rad(pv->azimuth_deg));
  fp->model = pv->sky;
  irr_iam_cover_init(&fp->cover, pv->glass_n, PV_GLASS_K_PER_M, PV_GLASS_L_M);
  fp->th = pv_sapm_for_racking(pv->racking);
  fp->inv = pv_inverter_of(pv);
  fp->p_dc0 = pv->p_dc0_kw;
  fp->gamma = pv->gamma_per_c;
  fp->n_f = n_f;
  fp->f0 = n_f > 0 ? f[0] : 0.0;
  fp->f1 = n_f > 0 ? f[1] : 0.0;
}

void run_fused(const struct plant_cfg *cfg, const struct sky *k, struct plant_result *r,
               int n_f, const double f[2], struct fused_sums *out)
{
  const struct pv_params *pv = &cfg->pv;
  const size_t n = r->n;
  struct fused_plant fp;
  fused_plant_init(cfg, n_f, f, &fp);
  double keep_m[12], alb_m[12];
  for (int m = 0; m < 12; m++) {
    keep_m[m] = pv_dc_keep(pv, m);
    alb_m[m] = pv->albedo_by_month ? pv->albedo_month[m] : pv->albedo;
  }
  const double per_wm2 = pv->p_dc0_kw / 1000.0;
  const double kwh_per_kw = k->p->interval_s / UNITS_S_PER_H;
  const int blocks = fp.model == TRANSPOSE_PEREZ;
  struct fused_acc a;
  memset(&a, 0, sizeof a);
  struct fused_block b;
  double alb[FUSED_BLOCK], keep[FUSED_BLOCK], sapm_exp[FUSED_BLOCK];
  double sapm_wind = NAN, sapm_last = 0.0;

  for (size_t i0 = 0; i0 < n; i0 += FUSED_BLOCK) {
    const size_t m = n - i0 < FUSED_BLOCK ? n - i0 : FUSED_BLOCK;
    /* What the rows look up by month, and the SAPM wind factor, once per
     * wind speed in a run of equal ones (the same value either way). */
    for (size_t j = 0; j < m; j++) {
      const size_t i = i0 + j;
      const int mo = r->month[i];
      alb[j] = k->albedo ? k->albedo[i] : alb_m[mo];
      keep[j] = keep_m[mo];
      if (k->wind[i] != sapm_wind && (k->zenith[i] < 90.0 || k->dhi[i] > 0.0 || k->ghi[i] > 0.0)) {
        sapm_wind = k->wind[i];
        sapm_last = exp(fp.th.a + fp.th.b * sapm_wind);
      }
      sapm_exp[j] = sapm_last;
    }
    if (blocks) {
      if (fp.tracker)
        fused_block_tracker(&fp, k, i0, m, alb, keep, sapm_exp, &b);
      else
        fused_block_fixed(&fp, k, i0, m, alb, keep, sapm_exp, &b);
    }
    for (size_t j = 0; j < m; j++) {
      struct fused_row o;
      if (blocks && b.x_abs[j] < IRR_IAM_SERIES_X) {
        o = (struct fused_row){ b.poa[j],  b.poa_tr[j], b.t_cell[j], b.raw[j],  b.dc[j],
                                b.ac[j],   b.clip[j],   b.life0[j],  b.life1[j] };
      } else if (fp.tracker) {
        fused_row(&fp, k, i0 + j, alb[j], keep[j], sapm_exp[j], 1, &o);
      } else {
        fused_row(&fp, k, i0 + j, alb[j], keep[j], sapm_exp[j], 0, &o);
      }
      fused_add(&fp, k, r, i0 + j, &o, per_wm2, kwh_per_kw, &a);
    }
  }
  memset(out, 0, sizeof *out);
  memcpy(out->month_kwh, a.month_kwh, sizeof a.month_kwh);
  memcpy(out->day_kw, a.day_kw, sizeof a.day_kw);
  pv_balance_losses(pv, a.raw_month, &a.bal);
  out->bal = a.bal;
  out->life_sum[0] = a.life[0];
  out->life_sum[1] = a.life[1];
  out->poa = a.poa;
}
