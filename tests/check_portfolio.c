/* Tests of the bond/portfolio arithmetic (portfolio.c), the bond file
 * reader (bond_cfg.c) and one end-to-end run of `renewcalc portfolio` on
 * configs/bond-example.cfg. Expected values are hand computations from the
 * example bond's amounts, written out in each comment. */
#include <check.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "bond_cfg.h"
#include "diag.h"
#include "portfolio.h"
#include "sim.h"
#include "site_run.h"

static const char *top(void)
{
  const char *t = getenv("top_srcdir");
  return t && *t ? t : ".";
}

/* The first bond of configs/bond-example.cfg, on fixed full-project
 * figures (the sites' annual figures rounded to whole units):
 *   PV      1000 MW, 1,744,924 MWh, 523,477 tce, 1,451,341 t CO2;
 *           financed 200 M of 715 M USD: share 200/715 = 40/143
 *   wind    67.4 MW, 142,644 t CO2; 60 M of 97.73 M: share 6000/9773
 *   biomass 15 MW, 72,866 t CO2; 30 M of 39 M: share 10/13
 * Tolerances: the arithmetic is a handful of double operations on numbers
 * below 1e10, so 1e-9 relative covers rounding with a wide margin while a
 * wrong formula (e.g. share inverted, per million of the wrong amount)
 * misses by whole percent. */
START_TEST(test_icma_share_and_attribution)
{
  double share;
  ck_assert_int_eq(portfolio_share_icma(200e6, 715e6, &share), PORTFOLIO_OK);
  /* 40/143 = 0.279720279720... */
  ck_assert_double_eq_tol(share, 40.0 / 143.0, 1e-15);

  struct portfolio_figures full = { 1000.0, 1300.0, 1744924.0, 523477.0, 1451341.0 }, attr;
  portfolio_scale(&full, share, &attr);
  /* 1000 x 40/143 = 279.72027972 MW */
  ck_assert_double_eq_tol(attr.cap_ac_mw, 279.72027972027973, 279.7 * 1e-9);
  /* 1,744,924 x 40 = 69,796,960; / 143 = 488,090.629370629 MWh */
  ck_assert_double_eq_tol(attr.generation_mwh, 488090.6293706294, 488090.6 * 1e-9);
  /* 523,477 x 40 = 20,939,080; / 143 = 146,427.132867 tce */
  ck_assert_double_eq_tol(attr.coal_tce, 146427.13286713287, 146427.1 * 1e-9);
  /* 1,451,341 x 40 = 58,053,640; / 143 = 405,969.510489510 t CO2 */
  ck_assert_double_eq_tol(attr.co2_t, 405969.5104895105, 405969.5 * 1e-9);

  struct portfolio_figures pm;
  ck_assert_int_eq(portfolio_per_million(&attr, 200e6, &pm), 0);
  /* per million USD financed: 405,969.510489 / 200 = 2,029.847552 t CO2 */
  ck_assert_double_eq_tol(pm.co2_t, 2029.8475524475525, 2029.8 * 1e-9);
  /* 279.72028 MW / 200 = 1.3986014 MW per million USD */
  ck_assert_double_eq_tol(pm.cap_ac_mw, 1.3986013986013987, 1.4 * 1e-9);
}
END_TEST

START_TEST(test_bond_totals_per_million)
{
  struct portfolio_figures pv = { 0, 0, 0, 0, 1451341.0 }, wind = { 0, 0, 0, 0, 142644.0 },
                           bio = { 0, 0, 0, 0, 72866.0 }, x, total = { 0 }, pm;
  double s;
  portfolio_share_icma(200e6, 715e6, &s);
  portfolio_scale(&pv, s, &x);
  portfolio_add(&total, &x);
  portfolio_share_icma(60e6, 97.73e6, &s);
  /* 60 / 97.73 = 6000/9773 = 0.613936355...: 142,644 x 6000 = 855,864,000;
     / 9773 = 87,574.337460 t */
  ck_assert_double_eq_tol(s, 6000.0 / 9773.0, 1e-15);
  portfolio_scale(&wind, s, &x);
  ck_assert_double_eq_tol(x.co2_t, 87574.33746034994, 87574.3 * 1e-9);
  portfolio_add(&total, &x);
  portfolio_share_icma(30e6, 39e6, &s);
  portfolio_scale(&bio, s, &x);
  /* 72,866 x 10/13 = 56,050.769231 t */
  ck_assert_double_eq_tol(x.co2_t, 56050.769230769234, 56050.8 * 1e-9);
  portfolio_add(&total, &x);
  /* 405,969.510490 + 87,574.337460 + 56,050.769231 = 549,594.617181 t */
  ck_assert_double_eq_tol(total.co2_t, 549594.6171806296, 549594.6 * 1e-9);
  /* per million USD issued (300 M): 549,594.617181 / 300 = 1,831.982057 */
  ck_assert_int_eq(portfolio_per_million(&total, 300e6, &pm), 0);
  ck_assert_double_eq_tol(pm.co2_t, 1831.9820572687656, 1832.0 * 1e-9);
  /* per million USD allocated (290 M): / 290 = 1,895.153852 */
  ck_assert_int_eq(portfolio_per_million(&total, 290e6, &pm), 0);
  ck_assert_double_eq_tol(pm.co2_t, 1895.1538523469987, 1895.2 * 1e-9);
  /* no amount: no per-million figure */
  ck_assert_int_eq(portfolio_per_million(&total, 0.0, &pm), -1);
  ck_assert_double_eq(pm.co2_t, 0.0);
}
END_TEST

START_TEST(test_icma_share_limits)
{
  double share;
  /* financed above the total cost: 120 M of 97.73 M */
  ck_assert_int_eq(portfolio_share_icma(120e6, 97.73e6, &share), PORTFOLIO_OVER);
  ck_assert_double_eq_tol(share, 120.0 / 97.73, 1e-12);
  /* equal to it within the rounding of decimal amounts: capped at 1 */
  ck_assert_int_eq(portfolio_share_icma(0.1 + 0.2, 0.3, &share), PORTFOLIO_OK);
  ck_assert_double_eq(share, 1.0);
  ck_assert_int_eq(portfolio_share_icma(-5.0, 39e6, &share), PORTFOLIO_BAD_INPUT);
  ck_assert_int_eq(portfolio_share_icma(5.0, 0.0, &share), PORTFOLIO_BAD_INPUT);
}
END_TEST

/* PCAF project finance: outstanding / (equity + debt). Example bond, PV:
 * 180 M outstanding of 215 M equity + 500 M debt = 180/715 = 36/143
 * = 0.251748...; wind, two bonds with 60 M and 45 M outstanding of
 * 29.73 + 68 = 97.73 M: 61.39 % + 46.05 % = 107.44 %, over 100 %. */
START_TEST(test_pcaf_share)
{
  double share;
  ck_assert_int_eq(portfolio_share_pcaf(180e6, 215e6, 500e6, &share), PORTFOLIO_OK);
  ck_assert_double_eq_tol(share, 36.0 / 143.0, 1e-15);
  /* all debt, no equity, is a valid balance sheet */
  ck_assert_int_eq(portfolio_share_pcaf(27e6, 0.0, 54e6, &share), PORTFOLIO_OK);
  ck_assert_double_eq_tol(share, 0.5, 1e-15);
  ck_assert_int_eq(portfolio_share_pcaf(98e6, 29.73e6, 68e6, &share), PORTFOLIO_OVER);
  ck_assert_int_eq(portfolio_share_pcaf(5e6, -1.0, 68e6, &share), PORTFOLIO_BAD_INPUT);
  ck_assert_int_eq(portfolio_share_pcaf(5e6, 0.0, 0.0, &share), PORTFOLIO_BAD_INPUT);

  int proj[2] = { 0, 0 };
  double sh[2];
  portfolio_share_pcaf(60e6, 29.73e6, 68e6, &sh[0]);
  portfolio_share_pcaf(45e6, 29.73e6, 68e6, &sh[1]);
  double sum;
  ck_assert_int_eq(portfolio_over_allocated(proj, sh, 2, 1, &sum), 1);
  /* (60 + 45) / 97.73 = 1.074388621 */
  ck_assert_double_eq_tol(sum, 105.0 / 97.73, 1e-12);
}
END_TEST

/* The double-counting guard on the example book: PV held by both bonds,
 * 40/143 + 143/715 = 0.27972 + 0.2 = 0.47972 (allowed); a third holding
 * of 55 % of the PV base takes it to 102.97 % at holding 4. */
START_TEST(test_over_allocation_guard)
{
  int proj[5] = { 0, 1, 2, 0, 0 };
  double sh[5] = { 40.0 / 143.0, 6000.0 / 9773.0, 10.0 / 13.0, 0.2, 0.55 };
  double sum;
  ck_assert_int_eq(portfolio_over_allocated(proj, sh, 4, 3, &sum), -1);
  /* the largest total, the biomass plant's 10/13 = 0.769231 */
  ck_assert_double_eq_tol(sum, 10.0 / 13.0, 1e-15);
  ck_assert_int_eq(portfolio_over_allocated(proj, sh, 5, 3, &sum), 4);
  ck_assert_double_eq_tol(sum, 40.0 / 143.0 + 0.2 + 0.55, 1e-15);
}
END_TEST

/* The over-allocation error names both bonds and the project:
 * tests/errors-portfolio/over-allocation.cfg has Green Bond A financing
 * 420 M and Green Bond B 350 M of the 700 M PV base, 60 % + 50 %. */
START_TEST(test_over_allocation_message)
{
  char path[1200];
  snprintf(path, sizeof path, "%s/tests/errors-portfolio/over-allocation.cfg", top());
  struct diag *d = diag_new();
  ck_assert_ptr_nonnull(d);
  struct bond_book *b = bond_cfg_read(path, PORTFOLIO_ICMA, d);
  ck_assert_ptr_null(b);
  ck_assert_int_eq(diag_count(d), 1);
  const char *msg = diag_get(d, 0);
  ck_assert_ptr_nonnull(strstr(msg, "over-allocation.cfg:17: bonds[1].projects[0]: "));
  ck_assert_ptr_nonnull(strstr(msg, "project 'PV base'"));
  ck_assert_ptr_nonnull(strstr(msg, "got 110.00 %"));
  ck_assert_ptr_nonnull(strstr(msg, "bond 'Green Bond A' 60.00 %"));
  ck_assert_ptr_nonnull(strstr(msg, "bond 'Green Bond B' 50.00 %"));
  diag_free(d);
}
END_TEST

/* Portfolio LCOE from present values, hand case: plant A (share 0.5) with
 * 800 M USD of discounted costs over 20 M MWh of discounted energy (its own
 * LCOE 40 USD/MWh), plant B (share 0.25) with 300 M USD over 5 M MWh
 * (60 USD/MWh): (0.5 x 800 + 0.25 x 300) M / (0.5 x 20 + 0.25 x 5) M MWh
 * = 475 / 11.25 = 42.2222 USD/MWh, not the mean of 40 and 60. */
START_TEST(test_lcoe)
{
  struct portfolio_lcoe a = { 0 }, b = { 0 }, none = { 0 };
  double v;
  portfolio_lcoe_add(&a, 0.5, 1, 800e6, 20e6, "USD");
  portfolio_lcoe_add(&b, 0.25, 1, 300e6, 5e6, "USD");
  portfolio_lcoe_add(&b, 0.25, 0, 0.0, 0.0, "");
  portfolio_lcoe_merge(&a, &b);
  ck_assert_int_eq(portfolio_lcoe_value(&a, &v), 0);
  /* a ratio of two sums of exact products: 1e-12 relative */
  ck_assert_double_eq_tol(v, 475.0 / 11.25, 42.2 * 1e-12);
  ck_assert_int_eq(a.n_with, 2);
  ck_assert_int_eq(a.n_without, 1);
  ck_assert_str_eq(a.currency, "USD");
  /* no plant with economics: not available */
  portfolio_lcoe_add(&none, 0.3, 0, 0.0, 0.0, "");
  ck_assert_int_eq(portfolio_lcoe_value(&none, &v), -1);
  /* two currencies cannot be added */
  portfolio_lcoe_add(&none, 0.3, 1, 100e6, 2e6, "EUR");
  ck_assert_int_eq(portfolio_lcoe_value(&none, &v), 0);
  ck_assert_double_eq_tol(v, 50.0, 50.0 * 1e-12);
  portfolio_lcoe_merge(&none, &a);
  ck_assert_int_eq(none.mixed_currency, 1);
  ck_assert_int_eq(portfolio_lcoe_value(&none, &v), -1);
}
END_TEST

/* The example book as read: two bonds, three distinct sites (the PV base
 * financed by both counts once), and the shares of the file's amounts. */
START_TEST(test_example_book)
{
  char path[1200];
  snprintf(path, sizeof path, "%s/configs/bond-example.cfg", top());
  struct diag *d = diag_new();
  struct bond_book *b = bond_cfg_read(path, PORTFOLIO_ICMA, d);
  if (!b)
    diag_print(d, stderr);
  ck_assert_ptr_nonnull(b);
  ck_assert_int_eq(b->n_bonds, 2);
  ck_assert_int_eq(b->n_sites, 3);
  ck_assert_int_eq(b->bonds[0].n_projects, 3);
  ck_assert_int_eq(b->bonds[1].projects[0].site_index, b->bonds[0].projects[0].site_index);
  /* 143 / 715 = 0.2 */
  ck_assert_double_eq_tol(b->bonds[1].projects[0].share, 0.2, 1e-15);
  ck_assert_double_eq_tol(b->bonds[0].projects[2].share, 10.0 / 13.0, 1e-15);
  bond_book_free(b);
  /* the same file under PCAF: PV 180 / 715 = 36/143 */
  b = bond_cfg_read(path, PORTFOLIO_PCAF, d);
  ck_assert_ptr_nonnull(b);
  ck_assert_double_eq_tol(b->bonds[0].projects[0].share, 36.0 / 143.0, 1e-15);
  ck_assert_double_eq_tol(b->bonds[0].projects[0].amount, 180e6, 1e-3);
  bond_book_free(b);
  diag_free(d);
}
END_TEST

/* ---- end to end ------------------------------------------------------------------- */

static json_t *run_portfolio_json(void)
{
  const char *prog = getenv("RENEWCALC");
  char cmd[2048];
  snprintf(cmd, sizeof cmd, "LC_ALL=C '%s' portfolio '%s/configs/bond-example.cfg' --format json",
           prog && *prog ? prog : "src/renewcalc", top());
  FILE *p = popen(cmd, "r");
  ck_assert_ptr_nonnull(p);
  json_error_t err;
  json_t *root = json_loadf(p, 0, &err);
  int st = pclose(p);
  ck_assert_int_eq(WIFEXITED(st) ? WEXITSTATUS(st) : -1, 0);
  ck_assert_msg(root != NULL, "renewcalc portfolio printed no JSON: %s", err.text);
  return root;
}

static double num(const json_t *o, const char *a, const char *b)
{
  const json_t *x = json_object_get(o, a);
  if (b)
    x = json_object_get(x, b);
  ck_assert_msg(json_is_number(x), "%s.%s is not a number", a, b ? b : "");
  return json_number_value(x);
}

/* A site's annual CO2 avoided [t] and generation; *costs, *energy: the
 * present values of its plants with economics (0 when none has). */
static double site_co2(const char *name, double *mwh, double *costs, double *energy)
{
  char path[1200];
  snprintf(path, sizeof path, "%s/configs/%s", top(), name);
  struct diag *d = diag_new();
  struct site_run s;
  int rc = site_run_load(path, NULL, 0, &s, d);
  if (rc != SITE_RUN_OK)
    diag_print(d, stderr);
  ck_assert_int_eq(rc, SITE_RUN_OK);
  double co2 = s.r->annual.co2_t;
  *mwh = s.r->annual_mwh;
  *costs = *energy = 0;
  for (int i = 0; i < s.r->n_plants; i++)
    if (s.r->plants[i].has_lcoe) {
      *costs += s.r->plants[i].lcoe_pv_costs;
      *energy += s.r->plants[i].lcoe_pv_energy_mwh;
    }
  site_run_free(&s);
  diag_free(d);
  return co2;
}

/* The example bond end to end: each project's full figures are its site's
 * annual figures (run here, in this process), and each attributed figure
 * is full x share with the shares of the file's amounts typed by hand:
 * 200/715, 60/97.73 and 30/39 for the first bond, 143/715 for the second.
 * The bond's per million issued is its attributed total / 300 (M USD), the
 * book's full total counts the PV base once, and its LCOE is the sum of
 * share x present value of costs over the sum of share x present value of
 * energy of the sites that give economics (PV share 343/715 over both
 * bonds), or null when none does. 1e-9 relative: the JSON carries 12
 * significant digits. */
START_TEST(test_end_to_end)
{
  static const char *const sites[3] = { "laos-pv-1000mw.cfg", "laos-ridge-wind.cfg",
                                        "laos-biomass-15mw.cfg" };
  static const double share1[3] = { 200.0 / 715.0, 60.0 / 97.73, 30.0 / 39.0 };
  static const double share_book[3] = { 343.0 / 715.0, 60.0 / 97.73, 30.0 / 39.0 };
  double co2[3], mwh[3], costs[3], energy[3], lc_costs = 0, lc_energy = 0;
  for (int i = 0; i < 3; i++) {
    co2[i] = site_co2(sites[i], &mwh[i], &costs[i], &energy[i]);
    lc_costs += share_book[i] * costs[i];
    lc_energy += share_book[i] * energy[i];
  }
  json_t *root = run_portfolio_json();
  const json_t *bonds = json_object_get(root, "bonds");
  ck_assert_int_eq((int)json_array_size(bonds), 2);
  const json_t *b1 = json_array_get(bonds, 0), *b2 = json_array_get(bonds, 1);
  const json_t *p1 = json_object_get(b1, "projects");
  double sum = 0;
  for (int i = 0; i < 3; i++) {
    const json_t *p = json_array_get(p1, (size_t)i);
    ck_assert_double_eq_tol(num(p, "full", "co2_avoided_t"), co2[i], co2[i] * 1e-9);
    ck_assert_double_eq_tol(num(p, "full", "annual_generation_mwh"), mwh[i], mwh[i] * 1e-9);
    ck_assert_double_eq_tol(num(p, "share", NULL), share1[i], 1e-9);
    double want = co2[i] * share1[i];
    ck_assert_double_eq_tol(num(p, "attributed", "co2_avoided_t"), want, want * 1e-9);
    want = mwh[i] * share1[i];
    ck_assert_double_eq_tol(num(p, "attributed", "annual_generation_mwh"), want, want * 1e-9);
    sum += co2[i] * share1[i];
  }
  const json_t *tot = json_object_get(b1, "total");
  ck_assert_double_eq_tol(num(tot, "attributed", "co2_avoided_t"), sum, sum * 1e-9);
  ck_assert_double_eq_tol(num(tot, "per_million_issued", "co2_avoided_t"), sum / 300.0,
                          sum / 300.0 * 1e-9);
  ck_assert_double_eq_tol(num(tot, "per_million_allocated", "co2_avoided_t"), sum / 290.0,
                          sum / 290.0 * 1e-9);
  const json_t *q = json_array_get(json_object_get(b2, "projects"), 0);
  double want = co2[0] * 143.0 / 715.0;
  ck_assert_double_eq_tol(num(q, "attributed", "co2_avoided_t"), want, want * 1e-9);
  const json_t *book = json_object_get(root, "book");
  double full = co2[0] + co2[1] + co2[2];
  ck_assert_double_eq_tol(num(book, "full", "co2_avoided_t"), full, full * 1e-9);
  double attributed = sum + want;
  ck_assert_double_eq_tol(num(book, "attributed", "co2_avoided_t"), attributed,
                          attributed * 1e-9);
  /* per million of the 450 M issued and of the 433 M allocated */
  ck_assert_double_eq_tol(num(book, "per_million_issued", "co2_avoided_t"), attributed / 450.0,
                          attributed / 450.0 * 1e-9);
  ck_assert_double_eq_tol(num(book, "per_million_allocated", "co2_avoided_t"),
                          attributed / 433.0, attributed / 433.0 * 1e-9);
  const json_t *lcoe = json_object_get(json_object_get(book, "lcoe"), "lcoe_per_mwh");
  if (lc_energy > 0)
    ck_assert_double_eq_tol(json_number_value(lcoe), lc_costs / lc_energy,
                            lc_costs / lc_energy * 1e-9);
  else
    ck_assert(json_is_null(lcoe));
  json_decref(root);
}
END_TEST

Suite *make_portfolio_suite(void)
{
  Suite *s = suite_create("portfolio");
  TCase *tc = tcase_create("arithmetic");
  tcase_add_test(tc, test_icma_share_and_attribution);
  tcase_add_test(tc, test_bond_totals_per_million);
  tcase_add_test(tc, test_icma_share_limits);
  tcase_add_test(tc, test_pcaf_share);
  tcase_add_test(tc, test_over_allocation_guard);
  tcase_add_test(tc, test_lcoe);
  suite_add_tcase(s, tc);
  tc = tcase_create("bond file");
  tcase_add_test(tc, test_over_allocation_message);
  tcase_add_test(tc, test_example_book);
  suite_add_tcase(s, tc);
  tc = tcase_create("end to end");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_end_to_end);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_portfolio_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
