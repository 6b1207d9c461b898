/* Tests of site-file reading (site_cfg.c) and the key schema (site_keys.c):
 * defaults, derived capacities, --set overrides, messages, and that the
 * reference page docs/site-file.md documents every key. The malformed site
 * files under tests/errors/ are run through the program by site_errors.sh. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "site_cfg.h"
#include "pv.h"
#include "site_keys.h"

static char top[1024];

static void setup(void)
{
  const char *t = getenv("top_srcdir");
  snprintf(top, sizeof top, "%s", t ? t : ".");
  char dir[1100];
  snprintf(dir, sizeof dir, "%s/configs/factors", top);
  setenv("RENEWCALC_FACTORS_DIR", dir, 1);
}

static char *slurp(const char *path)
{
  FILE *f = fopen(path, "r");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  rewind(f);
  char *buf = malloc((size_t)n + 1);
  ck_assert_int_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
  buf[n] = '\0';
  fclose(f);
  return buf;
}

/* Every key of the schema appears in the reference page as `group.name`. */
START_TEST(test_every_key_documented)
{
  char path[1100];
  snprintf(path, sizeof path, "%s/docs/site-file.md", top);
  char *doc = slurp(path);
  int n = 0;
  for (const struct site_key *k = site_keys; k->name; k++, n++) {
    char want[160];
    snprintf(want, sizeof want, "`%s%s%s`", k->group, *k->group ? "." : "", k->name);
    ck_assert_msg(strstr(doc, want) != NULL, "docs/site-file.md does not document %s", want);
  }
  ck_assert_int_gt(n, 25);
  free(doc);
}
END_TEST

START_TEST(test_suggestions)
{
  char b[128];
  ck_assert_str_eq(site_key_suggest("plants", "dc_ac_raito", b, sizeof b), "dc_ac_ratio");
  ck_assert_str_eq(site_key_suggest("location", "lattitude", b, sizeof b), "latitude");
  ck_assert_str_eq(site_key_suggest("", "lifetime_year", b, sizeof b), "lifetime_years");
  /* the right key one level down or up */
  ck_assert_str_eq(site_key_suggest("plants", "tilt", b, sizeof b), "array.tilt");
  ck_assert_str_eq(site_key_suggest("", "latitude", b, sizeof b), "location.latitude");
  ck_assert_ptr_null(site_key_suggest("plants", "completely_unrelated", b, sizeof b));
}
END_TEST

static struct site *read_reference(const char *const *sets, int n, struct diag *d)
{
  char path[1100];
  snprintf(path, sizeof path, "%s/configs/laos-pv-1000mw.cfg", top);
  return site_cfg_read(path, sets, n, d);
}

/* The reference site: 1000 MW AC x DC/AC 1.3 = 1300 MW DC; keys it leaves
 * out take the schema defaults (albedo 0.2, inverter 96 %, delta_t 69 s). */
START_TEST(test_reference_site)
{
  struct diag *d = diag_new();
  struct site *s = read_reference(NULL, 0, d);
  diag_print(d, stderr);
  ck_assert_ptr_nonnull(s);
  ck_assert_int_eq(s->n_plants, 1);
  const struct plant_cfg *p = &s->plants[0];
  ck_assert_int_eq(p->basis, CAPACITY_AC);
  ck_assert_double_eq_tol(p->capacity_mw_dc, 1300.0, 1e-9);
  ck_assert_double_eq_tol(p->pv.p_dc0_kw, 1.3e6, 1e-6);
  /* the PVWatts v5 set written out: 1 - prod(1 - L_i) = 14.0757 % */
  ck_assert_double_eq_tol(1.0 - pv_dc_keep(&p->pv, 0), 0.140757, 1e-6);
  ck_assert_double_eq_tol(p->pv.loss_frac[PV_LOSS_LID], 0.015, 1e-12);
  ck_assert_int_eq(p->degradation_linear, 1);
  ck_assert_double_eq_tol(p->pv.albedo, 0.2, 1e-12);
  ck_assert_double_eq_tol(p->pv.inv_eff_nom, 0.96, 1e-12);
  ck_assert_double_eq_tol(s->delta_t_s, 69.0, 1e-12);
  ck_assert_int_eq(s->lifetime_years, 25);
  ck_assert_str_eq(s->factors.name, "cn-coal");
  /* paths are relative to the site file's folder */
  ck_assert(strstr(p->profile, "configs/../profiles/laos-oudomxay-synth.csv") != NULL);
  ck_assert(strstr(s->output_dir, "configs/out/laos-pv-1000mw") != NULL);
  site_free(s);
  diag_free(d);
}
END_TEST

/* --set: the DC size follows a new ratio (1000 x 1.25 = 1250 MW DC), a
 * capacity given in DC gives AC = 1300 / 1.3 = 1000 MW, a string value and
 * a new key inside an existing group are created. */
START_TEST(test_set_overrides)
{
  struct diag *d = diag_new();
  const char *sets[] = { "plants[0].dc_ac_ratio=1.25", "plants[0].array.tilt=15",
                         "plants[0].sky_model=isotropic", "plants[0].albedo=0.31" };
  struct site *s = read_reference(sets, 4, d);
  diag_print(d, stderr);
  ck_assert_ptr_nonnull(s);
  ck_assert_double_eq_tol(s->plants[0].capacity_mw_dc, 1250.0, 1e-9);
  ck_assert_double_eq_tol(s->plants[0].pv.tilt_deg, 15.0, 1e-12);
  ck_assert_int_eq(s->plants[0].pv.sky, TRANSPOSE_ISOTROPIC);
  ck_assert_double_eq_tol(s->plants[0].pv.albedo, 0.31, 1e-12);
  site_free(s);

  const char *dc[] = { "plants[0].capacity_mw_ac=nothing" };
  s = read_reference(dc, 1, d);
  ck_assert_ptr_null(s); /* a string where a number belongs */
  diag_free(d);
}
END_TEST

/* A misspelt key given on the command line is reported like one in the
 * file, with the suggestion; the message names the key path. */
START_TEST(test_set_unknown_key)
{
  struct diag *d = diag_new();
  const char *sets[] = { "plants[0].dc_ac_raito=1.25" };
  struct site *s = read_reference(sets, 1, d);
  ck_assert_ptr_null(s);
  ck_assert_int_eq(diag_count(d), 1);
  ck_assert(strstr(diag_get(d, 0), "plants[0].dc_ac_raito: expected a known key (did you mean "
                                   "'dc_ac_ratio'?), got 'dc_ac_raito'") != NULL);
  diag_free(d);
}
END_TEST

/* Every problem of a file is reported, not just the first. */
START_TEST(test_reports_every_problem)
{
  char path[] = "/tmp/renewcalc-site-XXXXXX";
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  FILE *f = fdopen(fd, "w");
  fputs("name = \"three faults\";\n"
        "location = { latitude = 91.5; longitude = 200.0; };\n"
        "plants = ( { type = \"pv\"; profile = \"/nonexistent/p.csv\"; capacity_mw_ac = 5.0; } );\n",
        f);
  fclose(f);
  struct diag *d = diag_new();
  ck_assert_ptr_null(site_cfg_read(path, NULL, 0, d));
  ck_assert_int_eq(diag_count(d), 3);
  char want[3][300];
  snprintf(want[0], sizeof want[0], "%s:2: location.latitude: expected a number between -90 and "
           "90 deg, got 91.5", path);
  snprintf(want[1], sizeof want[1], "%s:2: location.longitude: expected a number between -180 "
           "and 180 deg, got 200", path);
  snprintf(want[2], sizeof want[2], "%s:3: plants[0].profile: expected a readable profile file, "
           "got '/nonexistent/p.csv' (No such file or directory)", path);
  for (int i = 0; i < 3; i++)
    ck_assert_str_eq(diag_get(d, i), want[i]);
  diag_free(d);
  unlink(path);
}
END_TEST

Suite *make_site_cfg_suite(void)
{
  Suite *s = suite_create("site_cfg");
  TCase *tc = tcase_create("site_cfg");
  tcase_add_unchecked_fixture(tc, setup, NULL);
  tcase_add_test(tc, test_every_key_documented);
  tcase_add_test(tc, test_suggestions);
  tcase_add_test(tc, test_reference_site);
  tcase_add_test(tc, test_set_overrides);
  tcase_add_test(tc, test_set_unknown_key);
  tcase_add_test(tc, test_reports_every_problem);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_site_cfg_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
