/* Tests of coal and CO2 (emissions.c), the factor presets (factors.c) and
 * the lifetime and P-level arithmetic (aggregate.c). The founding claim of
 * the reference site: 1.7 billion kWh a year saves about 510,000 t of
 * standard coal and 1.4 million t of CO2. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aggregate.h"
#include "diag.h"
#include "emissions.h"
#include "factors.h"

static char factors_dir[1024];

static void use_project_presets(void)
{
  const char *top = getenv("top_srcdir");
  snprintf(factors_dir, sizeof factors_dir, "%s/configs/factors", top ? top : ".");
  setenv("RENEWCALC_FACTORS_DIR", factors_dir, 1);
}

static struct emission_factors load(const char *name)
{
  struct emission_factors ef;
  struct diag *d = diag_new();
  int rc = factors_load(name, &ef, d, "test", 1);
  if (rc != 0)
    diag_print(d, stderr);
  ck_assert_int_eq(rc, 0);
  diag_free(d);
  return ef;
}

/* 1.7e9 kWh = 1.7e6 MWh. cn-coal: 300 gce/kWh and 2.7725 t CO2/tce
 * (94.6 t/TJ x 29.3076 GJ/tce = 2.77250 t/tce).
 * coal = 1.7e6 MWh x 300 kg/MWh = 510,000 t   (claim: about 510,000, +-1 %)
 * CO2 = 510,000 x 2.7725 = 1,413,975 t          (claim: about 1.4 Mt, +-3 %) */
START_TEST(test_founding_claim)
{
  struct emission_factors ef = load("cn-coal");
  ck_assert_int_eq(ef.method, EMIS_COAL);
  struct emissions e;
  emissions_for(&ef, 1.7e6, &e);
  ck_assert_double_eq_tol(e.coal_tce, 510000.0, 0.01 * 510000.0);
  ck_assert_double_eq_tol(e.co2_t, 1.4e6, 0.03 * 1.4e6);
  /* and exactly the hand values, to rounding */
  ck_assert_double_eq_tol(e.coal_tce, 510000.0, 1e-6);
  ck_assert_double_eq_tol(e.co2_t, 1413975.0, 1e-6);
}
END_TEST

/* The CO2 per tce of the preset is the IPCC product it says it is:
 * 94.6 kg/GJ x 29.3076 GJ = 2772.499 kg, to the 4 decimals it is written. */
START_TEST(test_co2_per_tce_is_ipcc_product)
{
  struct emission_factors ef = load("cn-coal");
  ck_assert_double_eq_tol(ef.co2_per_tce.value, 94.6e-3 * EMIS_GJ_PER_TCE, 5e-5);
  ck_assert(strstr(ef.co2_per_tce.source, "IPCC") != NULL);
  ck_assert(ef.coal_rate.year[0] != '\0');
}
END_TEST

/* Grid method: CO2 = 1.7e6 MWh x 0.5366 t/MWh = 912,220 t; coal still
 * 510,000 t from the coal rate. Pollutants: 1.7e6 MWh x 0.17 g/kWh
 * = 1.7e6 x 0.17 kg/MWh = 289 t SO2. */
START_TEST(test_grid_method)
{
  struct emission_factors ef = load("cn-coal");
  ef.method = EMIS_GRID;
  struct emissions e;
  emissions_for(&ef, 1.7e6, &e);
  ck_assert_double_eq_tol(e.co2_t, 912220.0, 1e-6);
  ck_assert_double_eq_tol(e.coal_tce, 510000.0, 1e-6);
  ck_assert_double_eq_tol(e.so2_t, 289.0, 1e-9);
}
END_TEST

/* The legacy rule: 1 kWh saves 0.4 kgce and 0.997 kg CO2, so 1000 MWh
 * gives 400 tce and 997 t CO2. */
START_TEST(test_legacy_rule)
{
  struct emission_factors ef = load("cn-coal-legacy");
  struct emissions e;
  emissions_for(&ef, 1000.0, &e);
  ck_assert_double_eq_tol(e.coal_tce, 400.0, 1e-9);
  ck_assert_double_eq_tol(e.co2_t, 997.0, 1e-9);
  ck_assert(ef.grid.value < 0); /* none known */
}
END_TEST

START_TEST(test_unknown_preset)
{
  struct emission_factors ef;
  struct diag *d = diag_new();
  ck_assert_int_eq(factors_load("no-such-preset", &ef, d, "site.cfg", 7), -1);
  ck_assert_int_eq(diag_count(d), 1);
  ck_assert(strncmp(diag_get(d, 0), "site.cfg:7: emissions.preset: expected one of cn-coal", 53) == 0);
  diag_free(d);
}
END_TEST

/* A preset file with a value out of range and a missing source. */
START_TEST(test_bad_preset_file)
{
  char dir[] = "/tmp/renewcalc-factors-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char path[1100];
  snprintf(path, sizeof path, "%s/bad.cfg", dir);
  FILE *f = fopen(path, "w");
  fputs("name = \"bad\";\nmethod = \"coal\";\n"
        "coal_rate_gce_per_kwh = { value = 3000.0; year = \"2020\"; source = \"x\"; };\n"
        "co2_t_per_tce = { value = 2.77; year = \"2006\"; };\n"
        "so2_g_per_kwh = { value = 0.1; year = \"2020\"; source = \"x\"; };\n"
        "nox_g_per_kwh = { value = 0.1; year = \"2020\"; source = \"x\"; };\n"
        "dust_g_per_kwh = { value = 0.1; year = \"2020\"; source = \"x\"; };\n", f);
  fclose(f);
  setenv("RENEWCALC_FACTORS_DIR", dir, 1);
  struct emission_factors ef;
  struct diag *d = diag_new();
  ck_assert_int_eq(factors_load("bad", &ef, d, "site.cfg", 3), -1);
  ck_assert_int_eq(diag_count(d), 2);
  char want1[1200], want2[1200];
  snprintf(want1, sizeof want1, "%s:3: coal_rate_gce_per_kwh.value: expected a number between 100 "
           "and 1000 gce/kWh, got 3000", path);
  snprintf(want2, sizeof want2, "%s:4: co2_t_per_tce: expected both 'year' and 'source' strings, "
           "got no source", path);
  ck_assert_str_eq(diag_get(d, 0), want1);
  ck_assert_str_eq(diag_get(d, 1), want2);
  diag_free(d);
  unlink(path);
  rmdir(dir);
  use_project_presets();
}
END_TEST

/* Degradation 0.5 %/yr: linear, year 25 keeps 1 - 0.005 x 24 = 0.88;
 * compounded, 0.995^24 = exp(24 ln 0.995) = 0.8866535; year 1 keeps all;
 * a rate that would go below zero stops at 0. */
START_TEST(test_degradation)
{
  ck_assert_double_eq_tol(agg_degradation_factor(0.005, 1, 1), 1.0, 1e-15);
  ck_assert_double_eq_tol(agg_degradation_factor(0.005, 25, 1), 0.88, 1e-12);
  ck_assert_double_eq_tol(agg_degradation_factor(0.005, 25, 0), 0.8866535, 1e-7);
  ck_assert_double_eq_tol(agg_degradation_factor(0.05, 30, 1), 0.0, 1e-15);
  /* the quadratic through (1, 3), (2, 7), (4, 21) is x^2 + x + 1: at 3, 13 */
  ck_assert_double_eq_tol(agg_quadratic(1, 3, 2, 7, 4, 21, 3), 13.0, 1e-12);
}
END_TEST

/* CDM Tool07 combined margin with Singapore's 2017 margins (sg-cm):
 * OM 0.4192, BM 0.4018 t/MWh.
 *   wind and solar: 0.75 x 0.4192 + 0.25 x 0.4018 = 0.3144 + 0.10045 = 0.41485
 *   other (biomass): 0.5 x 0.4192 + 0.5 x 0.4018 = 0.4105
 * 1000 MWh: 414.85 t and 410.5 t. */
START_TEST(test_combined_margin)
{
  struct emission_factors ef = load("sg-cm");
  ck_assert_int_eq(ef.method, EMIS_CM);
  ck_assert_double_eq_tol(emissions_cm_factor(&ef, EMIS_TECH_WIND_SOLAR), 0.41485, 1e-12);
  ck_assert_double_eq_tol(emissions_cm_factor(&ef, EMIS_TECH_OTHER), 0.4105, 1e-12);
  struct emissions e;
  emissions_for_year(&ef, EMIS_TECH_WIND_SOLAR, 1000.0, 1, &e);
  ck_assert_double_eq_tol(e.co2_t, 414.85, 1e-9);
  emissions_for_year(&ef, EMIS_TECH_OTHER, 1000.0, 1, &e);
  ck_assert_double_eq_tol(e.co2_t, 410.5, 1e-9);
  ck_assert_double_eq(e.coal_tce, 0.0); /* no coal rate in this preset */
}
END_TEST

/* A greening grid: cn-grid 0.5366 t/MWh falling 2 % a year, compounded
 * from year 2: year 3 uses 0.5366 x 0.98^2 = 0.5366 x 0.9604 = 0.51535064;
 * 2000 MWh give 1030.70128 t. The coal saved does not change. */
START_TEST(test_trajectory)
{
  struct emission_factors ef = load("cn-grid");
  ef.change_per_year = -0.02;
  struct emissions e1, e3;
  emissions_for_year(&ef, EMIS_TECH_WIND_SOLAR, 2000.0, 1, &e1);
  emissions_for_year(&ef, EMIS_TECH_WIND_SOLAR, 2000.0, 3, &e3);
  ck_assert_double_eq_tol(e1.co2_t, 1073.2, 1e-9);
  ck_assert_double_eq_tol(e3.co2_t, 1030.70128, 1e-9);
  ck_assert_double_eq_tol(e3.coal_tce, e1.coal_tce, 1e-12);
}
END_TEST

/* Every preset loads, and every value it gives has a unit, a year and a
 * source. */
START_TEST(test_presets_sourced)
{
  char names[64][64];
  int n = factors_list(names, 64);
  ck_assert_int_ge(n, 7);
  for (int i = 0; i < n; i++) {
    struct emission_factors ef = load(names[i]);
    const struct factor *f[] = { &ef.coal_rate, &ef.co2_per_tce, &ef.grid, &ef.om,
                                 &ef.bm,        &ef.so2,         &ef.nox,  &ef.dust };
    for (size_t k = 0; k < sizeof f / sizeof f[0]; k++) {
      if (f[k]->value < 0)
        continue; /* none known */
      ck_assert_msg(f[k]->unit[0] && f[k]->year[0] && f[k]->source[0],
                    "preset %s: a value lacks its unit, year or source", names[i]);
    }
  }
}
END_TEST

Suite *make_emissions_suite(void)
{
  Suite *s = suite_create("emissions");
  TCase *tc = tcase_create("emissions");
  tcase_add_unchecked_fixture(tc, use_project_presets, NULL);
  tcase_add_test(tc, test_founding_claim);
  tcase_add_test(tc, test_co2_per_tce_is_ipcc_product);
  tcase_add_test(tc, test_grid_method);
  tcase_add_test(tc, test_legacy_rule);
  tcase_add_test(tc, test_unknown_preset);
  tcase_add_test(tc, test_bad_preset_file);
  tcase_add_test(tc, test_degradation);
  tcase_add_test(tc, test_combined_margin);
  tcase_add_test(tc, test_trajectory);
  tcase_add_test(tc, test_presets_sourced);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_emissions_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
