/* Pass 3 of the sky (sim.c sky_build()): air mass, irradiation and the
 * clear-sky flag; see sim_sky.h. */
#include "sim_sky.h"

#include <math.h>

#include "clearsky.h"
#include "irradiance.h"
#include "simd.h"
#include "sky_check.h"
#include "units.h"

/* Rows per block: the block's scratch stays in the first-level cache. */
#define SKY_BLOCK 512

/* 1 where irr_airmass_relative_cos_inline() leaves the written-out power
 * for the library's: the sun up with x = 96.07995 - zenith above 97 (a
 * zenith below -0.92 deg, which no sun position gives). */
static int airmass_outside(double zenith_deg)
{
  return zenith_deg < 90.0 && !(96.07995 - zenith_deg <= 97.0);
}

/* Clear-sky flag of one interval with the sun up: the exact test where
 * the bound of clearsky_ineichen_ghi_lower() leaves it open. */
static int above_clear_sky(const struct clearsky_ineichen_site *cs, double ghi, double cos_zen,
                           double am_abs, double dni_extra)
{
  /* The bound is below the clear sky by a relative x^2 / 2 >= 4e-4
   * (clearsky.h), far more than rounding: ghi at or under the bound's
   * threshold is under the exact one too. */
  const double lower = clearsky_ineichen_ghi_lower(cs, cos_zen, am_abs, dni_extra);
  if (!(ghi > SKY_CHECK_RATIO * lower * (1.0 + 1e-9) + SKY_CHECK_OFFSET_WM2))
    return 0;
  return sky_check_above(ghi, clearsky_ineichen_ghi(cs, cos_zen, am_abs, dni_extra),
                         SKY_CHECK_RATIO, SKY_CHECK_OFFSET_WM2);
}

/* Rows [0, m) of a block: the relative air mass am (NAN with the sun down)
 * and open[j] = 1.0 where the clear-sky bound leaves the flag open (GHI
 * above SKY_CHECK_OFFSET_WM2 and above the bound's threshold), else 0.0.
 * The operations of irr_airmass_relative_cos_inline() and above_clear_sky()
 * without a branch, so that the loop vectorises: the same values but
 * where airmass_outside(), whose rows the caller redoes. */
SIMD_CLONES static void
airmass_block(size_t m, const double *restrict zen, const double *restrict cos_zen,
              const double *restrict ghi, const double *restrict dni_extra,
              const double *restrict pressure_pa, const struct clearsky_ineichen_site *cs_in,
              double *restrict am, double *restrict open)
{
  const struct clearsky_ineichen_site cs = *cs_in;
#pragma omp simd
  for (size_t j = 0; j < m; j++) {
    const double z = zen[j];
    const double am_up = 1.0 / (cos_zen[j] + 0.50572 * irr_kasten_young_pow(96.07995 - z));
    am[j] = z < 90.0 ? am_up : NAN;
    const double lower = clearsky_ineichen_ghi_lower(
        &cs, cos_zen[j], irr_airmass_absolute_inline(am_up, pressure_pa[j]), dni_extra[j]);
    const double threshold = SKY_CHECK_RATIO * lower * (1.0 + 1e-9) + SKY_CHECK_OFFSET_WM2;
    open[j] = z < 90.0 ? (ghi[j] > SKY_CHECK_OFFSET_WM2 ? (ghi[j] > threshold ? 1.0 : 0.0) : 0.0)
                       : 0.0;
  }
}

void sky_airmass(struct sky *k, const double *pressure_pa, double p_site, double elevation_m,
                 double linke)
{
  const size_t n = k->n;
  const double len = k->p->interval_s;
  struct clearsky_ineichen_site cs;
  clearsky_ineichen_init(&cs, linke, elevation_m);
  double open[SKY_BLOCK], p_const[SKY_BLOCK];
  if (!pressure_pa)
    for (size_t j = 0; j < SKY_BLOCK; j++)
      p_const[j] = p_site;
  double ghi_wh = 0.0;
  size_t above = 0;
  for (size_t i0 = 0; i0 < n; i0 += SKY_BLOCK) {
    const size_t m = n - i0 < SKY_BLOCK ? n - i0 : SKY_BLOCK;
    const double *pa = pressure_pa ? pressure_pa + i0 : p_const;
    airmass_block(m, k->zenith + i0, k->cos_zen + i0, k->ghi + i0, k->dni_extra + i0, pa, &cs,
                  k->am_rel + i0, open);
    for (size_t j = 0; j < m; j++) {
      const size_t i = i0 + j;
      ghi_wh += k->ghi[i] * len / UNITS_S_PER_H;
      if (airmass_outside(k->zenith[i])) {
        /* Not from a sun position: the library's power, and the flag. */
        const double am_rel = k->am_rel[i] =
            irr_airmass_relative_cos_inline(k->zenith[i], k->cos_zen[i]);
        if (k->ghi[i] > SKY_CHECK_OFFSET_WM2)
          above += (size_t)above_clear_sky(&cs, k->ghi[i], k->cos_zen[i],
                                           irr_airmass_absolute_inline(am_rel, pa[j]),
                                           k->dni_extra[i]);
      } else if (open[j] != 0.0) {
        above += (size_t)sky_check_above(
            k->ghi[i],
            clearsky_ineichen_ghi(&cs, k->cos_zen[i],
                                  irr_airmass_absolute_inline(k->am_rel[i], pa[j]),
                                  k->dni_extra[i]),
            SKY_CHECK_RATIO, SKY_CHECK_OFFSET_WM2);
      }
    }
  }
  k->note.above_clear_sky += above;
  k->note.ghi_kwh_m2 = ghi_wh / 1000.0;
}
