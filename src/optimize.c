/* Orientation and DC/AC searches over the PV chain; see optimize.h.
 *
 * Nelder-Mead: J. A. Nelder and R. Mead, "A simplex method for function
 * minimization", Computer Journal 7 (1965) 308-313, in GSL's nmsimplex2
 * form. Brent: R. P. Brent, "Algorithms for Minimization without
 * Derivatives" (1973), ch. 4, as gsl_root_fsolver_brent.
 *
 * Why a grid first: the yield surface is smooth and has one maximum in the
 * window for an unshaded plane, but its azimuth direction is nearly flat
 * at low tilts, where a simplex started anywhere may stall; the grid also
 * gives the chart its surface. Why the best point evaluated is reported
 * rather than the simplex's last vertex: it makes "never worse than the
 * grid" hold by construction. */
#include "optimize.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_roots.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "profile.h"
#include "sim.h"

double opt_az_center(double latitude_deg)
{
  return latitude_deg >= 0.0 ? 180.0 : 0.0;
}

double opt_azimuth_norm(double azimuth_deg)
{
  double a = fmod(azimuth_deg, 360.0);
  if (a < 0.0)
    a += 360.0;
  return a >= 360.0 ? 0.0 : a;
}

int opt_check_plant(const struct site *s, int index, struct diag *d)
{
  if (index < 0 || index >= s->n_plants) {
    diag_msg(d, "--plant: expected a plant index from 0 to %d, got %d", s->n_plants - 1, index);
    return -1;
  }
  const struct pv_params *pv = &s->plants[index].pv;
  if (pv->mount != PV_MOUNT_FIXED) {
    diag_at(d, s->path, 0,
            "plants[%d].array.mount: expected \"fixed\" to optimise tilt and azimuth "
            "(a tracker has no fixed tilt), got \"%s\"",
            index, pv_mount_name(pv->mount));
    return -1;
  }
  return 0;
}

int opt_check_clip_limit(double limit_pct, struct diag *d)
{
  if (limit_pct >= OPT_CLIP_LIMIT_MIN_PCT && limit_pct <= OPT_CLIP_LIMIT_MAX_PCT)
    return 0;
  diag_msg(d, "--clipping-limit: expected a percentage between %g and %g, got %g",
           OPT_CLIP_LIMIT_MIN_PCT, OPT_CLIP_LIMIT_MAX_PCT, limit_pct);
  return -1;
}

int opt_check_grid_step(double step_deg, struct diag *d)
{
  if (step_deg >= OPT_GRID_STEP_MIN_DEG && step_deg <= OPT_GRID_STEP_MAX_DEG)
    return 0;
  diag_msg(d, "--grid: expected a step between %g and %g degrees, got %g", OPT_GRID_STEP_MIN_DEG,
           OPT_GRID_STEP_MAX_DEG, step_deg);
  return -1;
}

/* ---- grid ------------------------------------------------------------- */

/* Points on 0..span with the given step, both ends included; the 1e-9
 * keeps a step that divides the span from adding a duplicate end. */
static int grid_count(double span, double step)
{
  return (int)ceil(span / step - 1e-9) + 1;
}

int opt_grid_init(struct opt_grid *g, double step_deg, double az_center_deg)
{
  memset(g, 0, sizeof *g);
  g->step_deg = step_deg;
  g->az_center_deg = az_center_deg;
  g->n_tilt = grid_count(OPT_TILT_MAX_DEG - OPT_TILT_MIN_DEG, step_deg);
  g->n_az = grid_count(2.0 * OPT_AZ_HALF_RANGE_DEG, step_deg);
  g->yield_kwh_per_kw = calloc((size_t)g->n_tilt * (size_t)g->n_az, sizeof(double));
  return g->yield_kwh_per_kw ? 0 : -1;
}

void opt_grid_free(struct opt_grid *g)
{
  if (!g)
    return;
  free(g->yield_kwh_per_kw);
  g->yield_kwh_per_kw = NULL;
}

double opt_grid_tilt(const struct opt_grid *g, int i)
{
  return fmin(OPT_TILT_MIN_DEG + i * g->step_deg, OPT_TILT_MAX_DEG);
}

double opt_grid_azimuth(const struct opt_grid *g, int j)
{
  double lo = g->az_center_deg - OPT_AZ_HALF_RANGE_DEG;
  return lo + fmin(j * g->step_deg, 2.0 * OPT_AZ_HALF_RANGE_DEG);
}

/* ---- orientation -------------------------------------------------------- */

struct orient_ctx {
  opt_eval_fn f;
  void *ctx;
  struct diag *d;
  struct opt_point base;
  double az_lo, az_hi;
  double penalty_per_deg;  /* objective added per degree outside the box */
  int failed;
  int evaluations;
  struct opt_point best;   /* best evaluated, grid coordinate */
  int have_best;
};

static double clamp(double x, double lo, double hi)
{
  return x < lo ? lo : x > hi ? hi : x;
}

/* Runs the callback at (tilt, azimuth) and keeps the best point. */
static int orient_eval(struct orient_ctx *c, double tilt_deg, double az_deg, double *yield)
{
  struct opt_point pt = c->base;
  pt.tilt_deg = tilt_deg;
  pt.azimuth_deg = az_deg;
  c->evaluations++;
  if (c->f(c->ctx, &pt) != 0) {
    c->failed = 1;
    return -1;
  }
  if (!isfinite(pt.yield_kwh_per_kw)) {
    diag_msg(c->d, "optimize: the chain gave a yield of %g at tilt %g, azimuth %g",
             pt.yield_kwh_per_kw, tilt_deg, az_deg);
    c->failed = 1;
    return -1;
  }
  if (!c->have_best || pt.yield_kwh_per_kw > c->best.yield_kwh_per_kw) {
    c->best = pt;
    c->have_best = 1;
  }
  *yield = pt.yield_kwh_per_kw;
  return 0;
}

/* Objective for the simplex: minus the yield at the point brought into the
 * box, plus a penalty for the distance outside it, so that the box's edge
 * beats anything beyond. NaN after a failure stops GSL (GSL_EBADFUNC). */
static double orient_objective(const gsl_vector *x, void *params)
{
  struct orient_ctx *c = params;
  if (c->failed)
    return GSL_NAN;
  double t = gsl_vector_get(x, 0), a = gsl_vector_get(x, 1);
  double tc = clamp(t, OPT_TILT_MIN_DEG, OPT_TILT_MAX_DEG), ac = clamp(a, c->az_lo, c->az_hi);
  double y;
  if (orient_eval(c, tc, ac, &y) != 0)
    return GSL_NAN;
  return -y + c->penalty_per_deg * (fabs(t - tc) + fabs(a - ac));
}

/* Start step of the simplex along one axis: half a grid step, pointing
 * into the box so that the first vertices are feasible. */
static double start_step(double x, double lo, double hi, double step)
{
  return x + step <= hi || x - step < lo ? step : -step;
}

static int refine(struct orient_ctx *c, const struct opt_grid *g, double xtol_deg,
                  struct opt_orient *res)
{
  const gsl_multimin_fminimizer_type *T = gsl_multimin_fminimizer_nmsimplex2;
  gsl_multimin_fminimizer *s = gsl_multimin_fminimizer_alloc(T, 2);
  gsl_vector *x = gsl_vector_alloc(2), *step = gsl_vector_alloc(2);
  int rc = -1;
  if (!s || !x || !step) {
    diag_msg(c->d, "optimize: out of memory for the Nelder-Mead minimiser");
    goto done;
  }
  double h = 0.5 * g->step_deg;
  double t0 = res->grid_best.tilt_deg, a0 = res->grid_best.azimuth_deg;
  gsl_vector_set(x, 0, t0);
  gsl_vector_set(x, 1, a0);
  gsl_vector_set(step, 0, start_step(t0, OPT_TILT_MIN_DEG, OPT_TILT_MAX_DEG, h));
  gsl_vector_set(step, 1, start_step(a0, c->az_lo, c->az_hi, h));
  gsl_multimin_function fn = { .f = orient_objective, .n = 2, .params = c };
  int status = gsl_multimin_fminimizer_set(s, &fn, x, step);
  if (status != GSL_SUCCESS)
    goto gsl_fail;
  for (res->iterations = 0; res->iterations < OPT_NM_ITER_MAX;) {
    status = gsl_multimin_fminimizer_iterate(s);
    res->iterations++;
    if (status != GSL_SUCCESS)
      goto gsl_fail;
    status = gsl_multimin_test_size(gsl_multimin_fminimizer_size(s), xtol_deg);
    if (status == GSL_SUCCESS) {
      res->converged = 1;
      break;
    }
    if (status != GSL_CONTINUE)
      goto gsl_fail;
  }
  rc = 0;
  goto done;
gsl_fail:
  if (!c->failed)
    diag_msg(c->d, "optimize: Nelder-Mead minimiser failed: %s", gsl_strerror(status));
done:
  gsl_vector_free(step);
  gsl_vector_free(x);
  gsl_multimin_fminimizer_free(s);
  return rc;
}

int opt_orientation(opt_eval_fn f, void *ctx, const struct opt_point *base, struct opt_grid *g,
                    double xtol_deg, struct opt_orient *res, struct diag *d)
{
  memset(res, 0, sizeof *res);
  struct orient_ctx c = { .f = f, .ctx = ctx, .d = d, .base = *base,
                          .az_lo = g->az_center_deg - OPT_AZ_HALF_RANGE_DEG,
                          .az_hi = g->az_center_deg + OPT_AZ_HALF_RANGE_DEG };
  for (int i = 0; i < g->n_tilt; i++)
    for (int j = 0; j < g->n_az; j++)
      if (orient_eval(&c, opt_grid_tilt(g, i), opt_grid_azimuth(g, j),
                      &g->yield_kwh_per_kw[i * g->n_az + j]) != 0)
        return -1;
  res->grid_best = c.best;
  /* Steeper than the yield can change per degree (at most about 1.75 %,
   * pi/180, for a cosine response), so that leaving the box never pays. */
  c.penalty_per_deg = 0.1 * fmax(fabs(c.best.yield_kwh_per_kw), 1.0);
  int rc = refine(&c, g, xtol_deg, res);
  res->evaluations = c.evaluations;
  if (rc != 0)
    return -1;
  res->best = c.best;
  res->azimuth_axis_deg = c.best.azimuth_deg;
  res->best.azimuth_deg = opt_azimuth_norm(c.best.azimuth_deg);
  return 0;
}

/* ---- DC/AC ratio ------------------------------------------------------------ */

struct dcac_ctx {
  opt_eval_fn f;
  void *ctx;
  struct diag *d;
  struct opt_point base;
  double limit_frac;
  int failed;
  int evaluations;
  struct opt_point below;   /* largest ratio evaluated at or below the limit */
  struct opt_point above;   /* smallest ratio evaluated above it */
};

static int dcac_eval(struct dcac_ctx *c, double ratio, struct opt_point *pt)
{
  *pt = c->base;
  pt->dc_ac_ratio = ratio;
  c->evaluations++;
  if (c->f(c->ctx, pt) != 0) {
    c->failed = 1;
    return -1;
  }
  if (!isfinite(pt->clip_frac)) {
    diag_msg(c->d, "optimize: the chain gave a clipping fraction of %g at DC/AC %g",
             pt->clip_frac, ratio);
    c->failed = 1;
    return -1;
  }
  if (pt->clip_frac <= c->limit_frac) {
    if (ratio > c->below.dc_ac_ratio)
      c->below = *pt;
  } else if (ratio < c->above.dc_ac_ratio) {
    c->above = *pt;
  }
  return 0;
}

/* Root function for Brent: clipping fraction minus the limit. */
static double dcac_excess(double ratio, void *params)
{
  struct dcac_ctx *c = params;
  struct opt_point pt;
  if (c->failed || dcac_eval(c, ratio, &pt) != 0)
    return GSL_NAN;
  return pt.clip_frac - c->limit_frac;
}

/* Narrows [below, above] with Brent's method until it is OPT_DCAC_TOL wide. */
static int dcac_bracket(struct dcac_ctx *c, struct opt_dcac *res)
{
  gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
  if (!s) {
    diag_msg(c->d, "optimize: out of memory for the root solver");
    return -1;
  }
  gsl_function fn = { .function = dcac_excess, .params = c };
  int status = gsl_root_fsolver_set(s, &fn, c->below.dc_ac_ratio, c->above.dc_ac_ratio);
  int rc = -1;
  if (status != GSL_SUCCESS)
    goto gsl_fail;
  for (res->iterations = 0; res->iterations < OPT_DCAC_ITER_MAX;) {
    if (c->above.dc_ac_ratio - c->below.dc_ac_ratio < OPT_DCAC_TOL)
      break;
    status = gsl_root_fsolver_iterate(s);
    res->iterations++;
    if (status != GSL_SUCCESS)
      goto gsl_fail;
    /* The solver's bracket holds ours; it can close on an exact zero of
     * the excess before ours is narrow enough. */
    status = gsl_root_test_interval(gsl_root_fsolver_x_lower(s), gsl_root_fsolver_x_upper(s),
                                    OPT_DCAC_TOL, 0.0);
    if (status == GSL_SUCCESS)
      break;
    if (status != GSL_CONTINUE)
      goto gsl_fail;
  }
  rc = 0;
  goto done;
gsl_fail:
  if (!c->failed)
    diag_msg(c->d, "optimize: root solver for the DC/AC ratio failed: %s", gsl_strerror(status));
done:
  gsl_root_fsolver_free(s);
  return rc;
}

int opt_dcac_search(opt_eval_fn f, void *ctx, const struct opt_point *orient, double limit_frac,
                    struct opt_point sweep[OPT_DCAC_SWEEP_N], struct opt_dcac *res,
                    struct diag *d)
{
  memset(res, 0, sizeof *res);
  struct dcac_ctx c = { .f = f, .ctx = ctx, .d = d, .base = *orient, .limit_frac = limit_frac };
  c.below.dc_ac_ratio = -HUGE_VAL;
  c.above.dc_ac_ratio = HUGE_VAL;
  for (int k = 0; k < OPT_DCAC_SWEEP_N; k++) {
    double r = OPT_DCAC_MIN + (OPT_DCAC_MAX - OPT_DCAC_MIN) * k / (OPT_DCAC_SWEEP_N - 1);
    if (dcac_eval(&c, r, &sweep[k]) != 0)
      return -1;
  }
  res->evaluations = c.evaluations;
  if (sweep[0].clip_frac > limit_frac) {
    res->status = OPT_DCAC_NONE;
    res->best = sweep[0];
    res->ratio_above = sweep[0].dc_ac_ratio;
    return 0;
  }
  if (sweep[OPT_DCAC_SWEEP_N - 1].clip_frac <= limit_frac) {
    res->status = OPT_DCAC_AT_MAX;
    res->best = sweep[OPT_DCAC_SWEEP_N - 1];
    res->ratio_above = HUGE_VAL;
    return 0;
  }
  /* Clipping grows with the ratio, so the sweep's first point above the
   * limit and the one before it bracket the answer; the bracket c.below /
   * c.above is exactly that after the sweep unless clipping is not
   * monotonic, which the chain does not allow. */
  int rc = dcac_bracket(&c, res);
  res->evaluations = c.evaluations;
  if (rc != 0)
    return -1;
  res->status = OPT_DCAC_FOUND;
  res->ratio_above = c.above.dc_ac_ratio;
  /* Report three decimals, rounded down so that the reported ratio is
   * itself within the limit; keep the evaluated one if rounding did not. */
  double r3 = floor(c.below.dc_ac_ratio * 1000.0) / 1000.0;
  res->best = c.below;
  if (r3 < c.below.dc_ac_ratio) {
    struct opt_point pt;
    if (dcac_eval(&c, r3, &pt) != 0)
      return -1;
    res->evaluations = c.evaluations;
    if (pt.clip_frac <= limit_frac)
      res->best = pt;
  }
  return 0;
}

/* ---- a site's plant as the callback ----------------------------------------- */

int opt_plant_init(struct opt_plant *op, const struct site *s, int index,
                   const struct profile *p, struct diag *d)
{
  memset(op, 0, sizeof *op);
  if (opt_check_plant(s, index, d) != 0)
    return -1;
  op->site = *s;
  op->plant = s->plants[index];
  op->site.n_plants = 1;
  op->site.plants = &op->plant;
  op->profile = p;
  op->d = d;
  return 0;
}

int opt_plant_eval(void *ctx, struct opt_point *pt)
{
  struct opt_plant *op = ctx;
  struct plant_cfg *pc = &op->plant;
  op->site.plants = pc;
  pc->pv.tilt_deg = pt->tilt_deg;
  pc->pv.azimuth_deg = opt_azimuth_norm(pt->azimuth_deg);
  pc->dc_ac_ratio = pt->dc_ac_ratio;
  pc->capacity_mw_dc = pc->capacity_mw_ac * pt->dc_ac_ratio;
  pc->pv.p_dc0_kw = pc->capacity_mw_dc * 1000.0;
  const struct profile *profiles[1] = { op->profile };
  struct sim_result *r = sim_run(&op->site, profiles, NULL, op->d);
  op->evaluations++;
  if (!r)
    return -1;
  const struct plant_result *pr = &r->plants[0];
  pt->annual_mwh = pr->annual_mwh;
  pt->yield_kwh_per_kw = pr->specific_yield_kwh_per_kw;
  pt->clip_frac = pr->dc_mwh > 0.0 ? pr->clipping_mwh / pr->dc_mwh : 0.0;
  sim_free(r);
  return 0;
}
