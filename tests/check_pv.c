/* Tests of the PV plant model (pv.c) against hand calculations from the
 * PVWatts v5 manual (Dobos 2014) and the SAPM thermal model (King et al.
 * 2004), and physical invariants over random inputs. */
#include <check.h>
#include <gsl/gsl_rng.h>
#include <stdlib.h>

#include "pv.h"

/* SAPM open rack, glass/polymer: a = -3.56, b = -0.075, dT = 3.
 * E = 850 W/m2, Ta = 26.4 degC, ws = 2.3 m/s:
 *   T_back = 850 exp(-3.56 - 0.075 * 2.3) + 26.4 = 850 exp(-3.7325) + 26.4
 *          = 850 * 0.0239329 + 26.4 = 46.74299
 *   T_cell = 46.74299 + 850/1000 * 3 = 49.29299 degC
 * Tolerance 1e-4 degC: the hand value is rounded at the 5th decimal. */
START_TEST(test_sapm_open_rack)
{
  struct pv_sapm_thermal th = pv_sapm_for_racking(PV_RACK_OPEN);
  ck_assert_double_eq_tol(pv_cell_temp_sapm(th, 850.0, 26.4, 2.3), 49.29299, 1e-4);
}
END_TEST

/* Insulated back (roof): a = -2.81, b = -0.0455, dT = 0 (King et al. 2004):
 *   850 exp(-2.81 - 0.0455 * 2.3) + 26.4 = 850 * 0.0540583 + 26.4 = 72.48955 */
START_TEST(test_sapm_roof)
{
  struct pv_sapm_thermal th = pv_sapm_for_racking(PV_RACK_ROOF);
  ck_assert_double_eq_tol(pv_cell_temp_sapm(th, 850.0, 26.4, 2.3), 72.48955, 1e-4);
}
END_TEST

/* No irradiance: the cell is at air temperature. */
START_TEST(test_sapm_night)
{
  struct pv_sapm_thermal th = pv_sapm_for_racking(PV_RACK_OPEN);
  ck_assert_double_eq_tol(pv_cell_temp_sapm(th, 0.0, 12.7, 4.1), 12.7, 1e-12);
}
END_TEST

/* PVWatts v5 eq. 3: P = (742.5/1000) 1300 (1 - 0.0037 (48.3 - 25))
 *   = 965.25 * (1 - 0.08621) = 965.25 * 0.91379 = 882.0358 kW. */
START_TEST(test_dc_power)
{
  ck_assert_double_eq_tol(pv_dc_kw(742.5, 48.3, 1300.0, -0.0037), 882.0358, 1e-4);
  ck_assert_double_eq(pv_dc_kw(0.0, 48.3, 1300.0, -0.0037), 0.0);
}
END_TEST

/* PVWatts v5 inverter, eqs. 10-11, with eta_nom 0.96, eta_ref 0.9637:
 * P_dc0 = 1000 / 0.96 = 1041.667 kW; zeta = 500 / 1041.667 = 0.48;
 * eta = 0.96/0.9637 (-0.0162*0.48 - 0.0059/0.48 + 0.9858)
 *     = 0.996161 * (-0.007776 - 0.012292 + 0.9858) = 0.996161 * 0.965732
 *     = 0.962025; P_ac = 0.962025 * 500 = 481.0123 kW, no clipping. */
START_TEST(test_inverter_part_load)
{
  double clip;
  ck_assert_double_eq_tol(pv_inverter_ac_kw(500.0, 1000.0, 0.96, &clip), 481.0123, 1e-4);
  ck_assert_double_eq(clip, 0.0);
}
END_TEST

/* Above the rating: zeta = 1180 / 1041.667 = 1.13280;
 * eta = 0.996161 (-0.018351 - 0.005208 + 0.9858) = 0.996161 * 0.962241 = 0.958547;
 * unclipped 1131.084 kW, so AC = 1000 kW and 131.084 kW is clipped. */
START_TEST(test_inverter_clipping)
{
  double clip;
  ck_assert_double_eq_tol(pv_inverter_ac_kw(1180.0, 1000.0, 0.96, &clip), 1000.0, 1e-9);
  ck_assert_double_eq_tol(clip, 131.084, 1e-3);
}
END_TEST

/* Invariants over a fixed-seed sweep: 0 <= AC <= DC, AC <= rating, clipping
 * only when the unclipped AC would exceed the rating, and more DC capacity
 * never gives less AC energy. */
START_TEST(test_invariants)
{
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(r, 37);
  enum { N = 2000 };
  double beam[N], diffuse[N], cos_aoi[N], ta[N], ws[N];
  double poa[N], tc[N], dc[N], ac[N], clip[N], ac2[N];
  for (int i = 0; i < N; i++) {
    beam[i] = gsl_rng_uniform(r) * 1000.0;
    diffuse[i] = gsl_rng_uniform(r) * 400.0;
    cos_aoi[i] = gsl_rng_uniform(r) * 1.2 - 0.2;
    ta[i] = -20.0 + gsl_rng_uniform(r) * 65.0;
    ws[i] = gsl_rng_uniform(r) * 15.0;
  }
  struct pv_params pp = { .p_dc0_kw = 1300.0, .p_ac0_kw = 1000.0, .tilt_deg = 20.0,
                          .azimuth_deg = 180.0, .mount = PV_MOUNT_FIXED,
                          .racking = PV_RACK_OPEN, .sky = TRANSPOSE_PEREZ, .albedo = 0.2,
                          .gamma_per_c = -0.0037, .loss_frac = { [PV_LOSS_LUMPED] = 0.1408 },
                          .inv_eff_nom = 0.96, .glass_n = 1.526 };
  unsigned char month[N];
  for (int i = 0; i < N; i++)
    month[i] = (unsigned char)(i % 12);
  struct pv_balance bal, bal2;
  pv_run(&pp, N, beam, diffuse, cos_aoi, ta, ws, month, NULL, poa, tc, dc, ac, clip, &bal);
  struct pv_params bigger = pp;
  bigger.p_dc0_kw = 1500.0;
  double poa2[N], tc2[N], dc2[N], clip2[N];
  pv_run(&bigger, N, beam, diffuse, cos_aoi, ta, ws, month, NULL, poa2, tc2, dc2, ac2, clip2, &bal2);
  double e1 = 0, e2 = 0;
  for (int i = 0; i < N; i++) {
    ck_assert(ac[i] >= 0.0);
    ck_assert(ac[i] <= dc[i]);
    ck_assert(ac[i] <= pp.p_ac0_kw + 1e-9);
    ck_assert(clip[i] >= 0.0);
    if (clip[i] > 0.0)
      ck_assert_double_eq_tol(ac[i], pp.p_ac0_kw, 1e-9);
    /* The DC power cannot exceed nameplate x POA/1000 by more than the
     * temperature gain of a cell colder than 25 degC (-20 degC at most). */
    ck_assert(dc[i] <= pp.p_dc0_kw * poa[i] / 1000.0 * (1.0 + 0.0037 * 45.0) + 1e-9);
    ck_assert(ac2[i] >= ac[i] - 1e-9);
    e1 += ac[i];
    e2 += ac2[i];
  }
  ck_assert(e2 > e1);
  /* The energy balance closes: nominal - every loss = AC (rounding only). */
  double lost = bal.aoi + bal.temperature + bal.inverter + bal.clipping;
  for (int l = 0; l < PV_LOSS_COUNT; l++)
    lost += bal.loss[l];
  ck_assert_double_eq_tol(bal.nominal - lost, bal.ac, 1e-9 * bal.nominal);
  ck_assert_double_eq_tol(bal.ac, e1, 1e-9 * e1);
  /* The lumped loss takes 14.08 % of what reaches it. */
  ck_assert_double_eq_tol(bal.loss[PV_LOSS_LUMPED] / (bal.nominal - bal.aoi - bal.temperature),
                          0.1408, 1e-12);
  gsl_rng_free(r);
}
END_TEST

/* The PVWatts v5 loss set, combined multiplicatively:
 * 1 - 0.98*0.97*1.0*0.98*0.98*0.995*0.985*0.99*0.97 = 1 - 0.859243 = 14.0757 %
 * (the "14.08 %" of the PVWatts manual). Monthly soiling replaces the
 * single soiling figure: 5 % in April gives 0.859243 / 0.98 * 0.95. */
START_TEST(test_loss_tree)
{
  struct pv_params pp = { .loss_frac = { [PV_LOSS_SOILING] = 0.02, [PV_LOSS_SHADING] = 0.03,
                                         [PV_LOSS_MISMATCH] = 0.02, [PV_LOSS_WIRING] = 0.02,
                                         [PV_LOSS_CONNECTIONS] = 0.005, [PV_LOSS_LID] = 0.015,
                                         [PV_LOSS_NAMEPLATE] = 0.01,
                                         [PV_LOSS_AVAILABILITY] = 0.03 } };
  ck_assert_double_eq_tol(pv_dc_keep(&pp, 0), 0.859243, 1e-6);
  pp.soiling_by_month = 1;
  for (int m = 0; m < 12; m++)
    pp.soiling_month_frac[m] = m == 3 ? 0.05 : 0.02;
  ck_assert_double_eq_tol(pv_dc_keep(&pp, 3), 0.859243 / 0.98 * 0.95, 1e-6);
  ck_assert_double_eq_tol(pv_dc_keep(&pp, 4), 0.859243, 1e-6);
  ck_assert_str_eq(pv_loss_name(PV_LOSS_LID), "lid");
}
END_TEST

/* pv_run takes each cell temperature model as chosen: with all light
 * diffuse (no cover loss), the cell temperature equals the model's own
 * function at the same conditions. */
START_TEST(test_temperature_models)
{
  double beam[1] = { 0.0 }, diffuse[1] = { 812.6 }, cos_aoi[1] = { 0.9 };
  double ta[1] = { 31.4 }, ws[1] = { 2.7 };
  unsigned char month[1] = { 4 };
  double poa, tc, dc, ac, clip;
  struct pv_balance bal;
  struct pv_params pp = { .p_dc0_kw = 1000.0, .p_ac0_kw = 800.0, .gamma_per_c = -0.0037,
                          .inv_eff_nom = 0.96, .glass_n = 1.526, .noct_c = 45.0,
                          .faiman_u0 = 25.0, .faiman_u1 = 6.84, .pvsyst_uc = 29.0,
                          .pvsyst_uv = 0.0, .pvsyst_absorptance = 0.9, .pvsyst_eff = 0.1 };
  pp.temp_model = PV_TEMP_FAIMAN;
  pv_run(&pp, 1, beam, diffuse, cos_aoi, ta, ws, month, NULL, &poa, &tc, &dc, &ac, &clip, &bal);
  /* Faiman: 31.4 + 812.6 / (25 + 6.84 x 2.7) = 31.4 + 812.6 / 43.468 = 50.09421 */
  ck_assert_double_eq_tol(tc, 50.09421, 1e-4);
  pp.temp_model = PV_TEMP_PVSYST;
  pv_run(&pp, 1, beam, diffuse, cos_aoi, ta, ws, month, NULL, &poa, &tc, &dc, &ac, &clip, &bal);
  /* PVsyst: 31.4 + 0.9 x 812.6 x (1 - 0.1) / 29 = 31.4 + 658.206 / 29 = 54.09676 */
  ck_assert_double_eq_tol(tc, 54.09676, 1e-4);
  pp.temp_model = PV_TEMP_SAPM;
  pv_run(&pp, 1, beam, diffuse, cos_aoi, ta, ws, month, NULL, &poa, &tc, &dc, &ac, &clip, &bal);
  ck_assert_double_eq_tol(tc, pv_cell_temp_sapm(pv_sapm_for_racking(PV_RACK_OPEN), 812.6, 31.4,
                                                2.7), 1e-12);
}
END_TEST

Suite *make_pv_suite(void)
{
  Suite *s = suite_create("pv");
  TCase *tc = tcase_create("pv");
  tcase_add_test(tc, test_sapm_open_rack);
  tcase_add_test(tc, test_sapm_roof);
  tcase_add_test(tc, test_sapm_night);
  tcase_add_test(tc, test_dc_power);
  tcase_add_test(tc, test_inverter_part_load);
  tcase_add_test(tc, test_inverter_clipping);
  tcase_add_test(tc, test_invariants);
  tcase_add_test(tc, test_loss_tree);
  tcase_add_test(tc, test_temperature_models);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_pv_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
