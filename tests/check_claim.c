/* Tests for claim.c: the founding claim of the northern-Laos PV base
 * (1000 MW, "about 1.7 billion kWh", "about 510,000 t of standard coal",
 * "about 1.4 million t of CO2"), unit slips, missing figures.
 * Expected values are hand calculations from the claimed figures:
 *   full-load hours  1.7e6 MWh / 1000 MW           = 1700 h
 *   capacity factor  1700 / 8760                    = 0.194064
 *   coal rate        510,000 tce x 1e6 g / 1.7e9 kWh = 300.0 gce/kWh
 *   CO2 per tce      1.4e6 t / 510,000 tce          = 2.745098 t CO2/tce
 *   CO2 per MWh      1.4e6 t / 1.7e6 MWh            = 0.823529 t CO2/MWh
 * The ranges are built here with the values of configs/claim-ranges.cfg
 * (sources there and in docs/check-claim.md). The last tests run the
 * program ($RENEWCALC, else src/renewcalc) on the shipped ranges file. */
#include <check.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "claim.h"

/* The founding claim's implied figures come from four-digit quotients;
 * 1e-6 relative is far below any rounding the claim itself carries. */
#define TOL_REL 1e-6

static struct claim_ranges rg;
static struct emission_factors cn_coal;

static void add_range(enum claim_metric m, enum claim_tech t, const char *country,
                      enum claim_mount mount, enum claim_basis basis, enum claim_baseline bl,
                      double lo, double hi)
{
  struct claim_range *r = &rg.ranges[rg.n_ranges++];
  memset(r, 0, sizeof *r);
  r->metric = m;
  r->tech = t;
  strcpy(r->country, country);
  r->mount = mount;
  r->basis = basis;
  r->baseline = bl;
  r->lo = lo;
  r->hi = hi;
  strcpy(r->confidence, "M");
}

static void add_point(enum claim_metric m, double v, const char *label)
{
  struct claim_point *p = &rg.points[rg.n_points++];
  memset(p, 0, sizeof *p);
  p->metric = m;
  p->value = v;
  strcpy(p->label, label);
}

static void setup(void)
{
  memset(&rg, 0, sizeof rg);
  rg.dcac_lo = 1.1; /* utility DC/AC ratios, PVWatts default 1.2 within */
  rg.dcac_hi = 1.4;
  /* PV capacity factor 12-22 % (factors.md section 2: warn outside it) */
  add_range(CLAIM_FLH, CLAIM_PV, "", CLAIM_MOUNT_NONE, CLAIM_BASIS_NONE, CLAIM_BASELINE_ANY,
            1050, 1930);
  /* Laos 1,300-1,500 kWh/kWp, DC (Global Solar Atlas-type, L) */
  add_range(CLAIM_FLH, CLAIM_PV, "LA", CLAIM_MOUNT_NONE, CLAIM_BASIS_DC, CLAIM_BASELINE_ANY,
            1300, 1500);
  add_range(CLAIM_FLH, CLAIM_PV, "LA", CLAIM_MOUNT_TRACKER, CLAIM_BASIS_DC,
            CLAIM_BASELINE_ANY, 1430, 1800);
  /* wind CF 20-40 %; biomass 70-85 % */
  add_range(CLAIM_FLH, CLAIM_WIND, "", CLAIM_MOUNT_NONE, CLAIM_BASIS_NONE, CLAIM_BASELINE_ANY,
            1750, 3500);
  add_range(CLAIM_FLH, CLAIM_BIOMASS, "", CLAIM_MOUNT_NONE, CLAIM_BASIS_NONE,
            CLAIM_BASELINE_ANY, 6130, 7450);
  add_range(CLAIM_COAL_RATE, CLAIM_TECH_ANY, "", CLAIM_MOUNT_NONE, CLAIM_BASIS_NONE,
            CLAIM_BASELINE_ANY, 280, 400);
  add_range(CLAIM_CO2_PER_TCE, CLAIM_TECH_ANY, "", CLAIM_MOUNT_NONE, CLAIM_BASIS_NONE,
            CLAIM_BASELINE_ANY, 2.4925, 2.7725);
  add_range(CLAIM_CO2_PER_MWH, CLAIM_TECH_ANY, "", CLAIM_MOUNT_NONE, CLAIM_BASIS_NONE,
            CLAIM_BASELINE_COAL, 0.75, 0.95);
  add_range(CLAIM_CO2_PER_MWH, CLAIM_TECH_ANY, "", CLAIM_MOUNT_NONE, CLAIM_BASIS_NONE,
            CLAIM_BASELINE_GRID, 0.45, 0.65);
  add_point(CLAIM_COAL_RATE, 305.5, "2020");
  add_point(CLAIM_COAL_RATE, 300.0, "2025 target");
  add_point(CLAIM_CO2_PER_TCE, 2.7725, "IPCC bituminous");
  add_point(CLAIM_CO2_PER_TCE, 2.741, "NDRC ERI");
  add_point(CLAIM_CO2_PER_TCE, 2.4925, "legacy");

  /* configs/factors/cn-coal.cfg: 300 gce/kWh (NDRC/NEA 2025 target),
     2.7725 t CO2/tce (IPCC 2006 bituminous x 29.3076 GJ/tce) */
  memset(&cn_coal, 0, sizeof cn_coal);
  strcpy(cn_coal.name, "cn-coal");
  cn_coal.method = EMIS_COAL;
  cn_coal.coal_rate.value = 300.0;
  cn_coal.co2_per_tce.value = 2.7725;
  cn_coal.grid.value = 0.5366;
}

static struct claim_input founding(void)
{
  struct claim_input in;
  memset(&in, 0, sizeof in);
  in.capacity_mw = 1000.0;
  in.generation_mwh = 1.7e6; /* 1.7 billion kWh */
  in.coal_tce = 510000.0;
  in.co2_t = 1.4e6;
  in.tech = CLAIM_PV;
  return in;
}

START_TEST(test_founding_figures)
{
  struct claim_input in = founding();
  struct claim_result r;
  claim_check(&in, &rg, &cn_coal, &r);
  ck_assert_double_eq_tol(r.check[CLAIM_FLH].value, 1700.0, 1700.0 * TOL_REL);
  ck_assert_double_eq_tol(r.capacity_factor, 0.194064, 1e-6);
  ck_assert_double_eq_tol(r.check[CLAIM_COAL_RATE].value, 300.0, 300.0 * TOL_REL);
  ck_assert_double_eq_tol(r.check[CLAIM_CO2_PER_TCE].value, 2.745098, 1e-6);
  ck_assert_double_eq_tol(r.check[CLAIM_CO2_PER_MWH].value, 0.823529, 1e-6);
  ck_assert_int_eq(r.n_slips, 0);
  ck_assert_int_eq(r.slip_unresolved, 0);
}
END_TEST

START_TEST(test_founding_verdicts_any_country)
{
  /* No country: the PV band 1,050-1,930 h holds 1,700 h. */
  struct claim_input in = founding();
  struct claim_result r;
  claim_check(&in, &rg, &cn_coal, &r);
  ck_assert_int_eq(r.check[CLAIM_FLH].verdict, CLAIM_CONSISTENT);
  ck_assert_double_eq_tol(r.check[CLAIM_FLH].hi, 1930.0, 1e-9);
  /* 300 gce/kWh is the cn-coal rate exactly, inside 280-400 */
  ck_assert_int_eq(r.check[CLAIM_COAL_RATE].verdict, CLAIM_CONSISTENT);
  ck_assert_double_eq_tol(r.check[CLAIM_COAL_RATE].preset_diff, 0.0, 1e-9);
  ck_assert_str_eq(r.check[CLAIM_COAL_RATE].nearest->label, "2025 target");
  /* 2.745 inside 2.4925-2.7725; 2.745098 / 2.7725 - 1 = -0.009884;
     nearest published 2.741 (2.745098 / 2.741 - 1 = +0.001495) */
  ck_assert_int_eq(r.check[CLAIM_CO2_PER_TCE].verdict, CLAIM_CONSISTENT);
  ck_assert_double_eq_tol(r.check[CLAIM_CO2_PER_TCE].preset_diff, -0.009884, 1e-6);
  ck_assert_str_eq(r.check[CLAIM_CO2_PER_TCE].nearest->label, "NDRC ERI");
  ck_assert_double_eq_tol(r.check[CLAIM_CO2_PER_TCE].nearest_diff, 0.001495, 1e-6);
  /* 0.8235 inside coal substitution 0.75-0.95, above grid averages by
     0.823529 / 0.65 - 1 = +0.266968; preset 0.300 x 2.7725 = 0.83175 */
  const struct claim_check *c = &r.check[CLAIM_CO2_PER_MWH];
  ck_assert_int_eq(c->verdict, CLAIM_CONSISTENT);
  ck_assert_int_eq(c->range->baseline, CLAIM_BASELINE_COAL);
  ck_assert_ptr_nonnull(c->other);
  ck_assert_int_eq(c->other_verdict, CLAIM_ABOVE);
  ck_assert_double_eq_tol(c->other_deviation, 0.266968, 1e-6);
  ck_assert_double_eq_tol(c->preset_value, 0.83175, 1e-9);
}
END_TEST

START_TEST(test_founding_laos)
{
  /* Laos, basis not stated: read as DC specific yield, 1,700 h is above
     1,500 by 1700/1500 - 1 = +13.33 %; as MW AC the range is
     1300 x 1.1 = 1430 to 1500 x 1.4 = 2100 h and 1,700 h fits. */
  struct claim_input in = founding();
  strcpy(in.country, "LA");
  struct claim_result r;
  claim_check(&in, &rg, &cn_coal, &r);
  const struct claim_check *h = &r.check[CLAIM_FLH];
  ck_assert_int_eq(h->verdict, CLAIM_ABOVE);
  ck_assert_double_eq_tol(h->deviation, 0.133333, 1e-6);
  ck_assert_int_eq(h->has_alt, 1);
  ck_assert_int_eq(h->alt_basis, CLAIM_BASIS_AC);
  ck_assert_double_eq_tol(h->alt_lo, 1430.0, 1e-9);
  ck_assert_double_eq_tol(h->alt_hi, 2100.0, 1e-9);
  ck_assert_int_eq(h->alt_verdict, CLAIM_CONSISTENT);
  /* basis not stated: an ambiguity, not a slip */
  ck_assert_int_eq(r.n_slips, 0);

  /* stated as MW AC: the range is 1,430-2,100 h and the claim fits */
  in.basis = CLAIM_BASIS_AC;
  claim_check(&in, &rg, &cn_coal, &r);
  ck_assert_int_eq(r.check[CLAIM_FLH].verdict, CLAIM_CONSISTENT);
  ck_assert_double_eq_tol(r.check[CLAIM_FLH].lo, 1430.0, 1e-9);

  /* stated as MW DC: outside, and the AC reading fits: a basis slip */
  in.basis = CLAIM_BASIS_DC;
  claim_check(&in, &rg, &cn_coal, &r);
  ck_assert_int_eq(r.check[CLAIM_FLH].verdict, CLAIM_ABOVE);
  ck_assert_int_eq(r.n_slips, 1);
  ck_assert_int_eq(r.slips[0].kind, CLAIM_SLIP_BASIS);
  ck_assert_int_eq(r.slips[0].figure, CLAIM_FIG_CAPACITY);

  /* trackers in Laos: 1,430-1,800 kWh/kWp holds 1,700 h on DC */
  in.mount = CLAIM_MOUNT_TRACKER;
  claim_check(&in, &rg, &cn_coal, &r);
  ck_assert_double_eq_tol(r.check[CLAIM_FLH].hi, 1800.0, 1e-9);
  ck_assert_int_eq(r.check[CLAIM_FLH].verdict, CLAIM_CONSISTENT);
  ck_assert_int_eq(r.n_slips, 0);
}
END_TEST

START_TEST(test_slip_kwh_for_mwh)
{
  /* "1.7 million kWh" for 1000 MW: 1,700 MWh / 1000 MW = 1.7 h. */
  struct claim_input in = founding();
  in.generation_mwh = 1700.0;
  in.coal_tce = in.co2_t = -1.0;
  struct claim_result r;
  claim_check(&in, &rg, &cn_coal, &r);
  ck_assert_double_eq_tol(r.check[CLAIM_FLH].value, 1.7, 1e-9);
  ck_assert_int_eq(r.check[CLAIM_FLH].verdict, CLAIM_BELOW);
  ck_assert_int_eq(r.n_slips, 1);
  ck_assert_int_eq(r.slips[0].kind, CLAIM_SLIP_SCALE);
  ck_assert_int_eq(r.slips[0].figure, CLAIM_FIG_GENERATION);
  ck_assert_double_eq_tol(r.slips[0].factor, 1000.0, 1e-9);
  ck_assert_double_eq_tol(r.slips[0].corrected, 1.7e6, 1e-3);
  ck_assert_double_eq_tol(r.slips[0].metric_corrected, 1700.0, 1e-6);
}
END_TEST

START_TEST(test_slip_with_all_figures)
{
  /* The same slip with coal and CO2 given: the coal rate (510,000 tce over
     1,700 MWh = 300,000 gce/kWh) blames generation, not capacity. */
  struct claim_input in = founding();
  in.generation_mwh = 1700.0;
  struct claim_result r;
  claim_check(&in, &rg, &cn_coal, &r);
  ck_assert_int_eq(r.n_slips, 1);
  ck_assert_int_eq(r.slips[0].figure, CLAIM_FIG_GENERATION);
  ck_assert_double_eq_tol(r.slips[0].factor, 1000.0, 1e-9);
}
END_TEST

START_TEST(test_slip_kt_for_t)
{
  /* Coal written as 510 (kt) and CO2 as 1400 (kt), both in t:
     510 t x 1e6 / 1.7e9 kWh = 0.3 gce/kWh; both are corrected x 1000. */
  struct claim_input in = founding();
  in.coal_tce = 510.0;
  in.co2_t = 1400.0;
  struct claim_result r;
  claim_check(&in, &rg, &cn_coal, &r);
  ck_assert_double_eq_tol(r.check[CLAIM_COAL_RATE].value, 0.3, 1e-9);
  ck_assert_int_eq(r.n_slips, 2);
  ck_assert_int_eq(r.slips[0].figure, CLAIM_FIG_COAL);
  ck_assert_double_eq_tol(r.slips[0].factor, 1000.0, 1e-9);
  ck_assert_int_eq(r.slips[1].figure, CLAIM_FIG_CO2);
  ck_assert_double_eq_tol(r.slips[1].factor, 1000.0, 1e-9);
  /* CO2 alone, with coal right: 1,400 / 510,000 = 0.002745 t CO2/tce */
  in.coal_tce = 510000.0;
  claim_check(&in, &rg, &cn_coal, &r);
  ck_assert_int_eq(r.n_slips, 1);
  ck_assert_int_eq(r.slips[0].figure, CLAIM_FIG_CO2);
  ck_assert_double_eq_tol(r.slips[0].metric_given, 0.002745098, 1e-9);
}
END_TEST

START_TEST(test_missing_figures)
{
  /* Generation and coal only: the coal rate, nothing else. */
  struct claim_input in = founding();
  in.capacity_mw = -1.0;
  in.co2_t = -1.0;
  struct claim_result r;
  claim_check(&in, &rg, &cn_coal, &r);
  ck_assert_int_eq(r.check[CLAIM_FLH].verdict, CLAIM_NOT_COMPUTED);
  ck_assert_double_eq(r.capacity_factor, -1.0);
  ck_assert_int_eq(r.check[CLAIM_CO2_PER_TCE].verdict, CLAIM_NOT_COMPUTED);
  ck_assert_int_eq(r.check[CLAIM_CO2_PER_MWH].verdict, CLAIM_NOT_COMPUTED);
  ck_assert_int_eq(r.check[CLAIM_COAL_RATE].verdict, CLAIM_CONSISTENT);
  /* a single figure: nothing implied, no slip */
  in.coal_tce = -1.0;
  claim_check(&in, &rg, &cn_coal, &r);
  for (int m = 0; m < CLAIM_N_METRICS; m++)
    ck_assert_int_eq(r.check[m].verdict, CLAIM_NOT_COMPUTED);
  ck_assert_int_eq(r.n_slips, 0);
}
END_TEST

START_TEST(test_legacy_rule_claim)
{
  /* A claim made with the legacy rule, 0.4 kgce and 0.997 kg CO2 per kWh,
     on 37.6 GWh of wind from 17.2 MW: 37,600 MWh / 17.2 MW = 2186.0 h;
     coal 37.6e6 kWh x 0.4 kg = 15,040 t -> 400 gce/kWh (top of the range);
     CO2 37,600 MWh x 0.997 = 37,487.2 t -> 2.4925 t CO2/tce (bottom). */
  struct claim_input in;
  memset(&in, 0, sizeof in);
  in.tech = CLAIM_WIND;
  in.capacity_mw = 17.2;
  in.generation_mwh = 37600.0;
  in.coal_tce = 15040.0;
  in.co2_t = 37487.2;
  struct claim_result r;
  claim_check(&in, &rg, &cn_coal, &r);
  ck_assert_double_eq_tol(r.check[CLAIM_FLH].value, 2186.046512, 1e-6);
  ck_assert_int_eq(r.check[CLAIM_FLH].verdict, CLAIM_CONSISTENT);
  ck_assert_double_eq_tol(r.check[CLAIM_COAL_RATE].value, 400.0, 1e-9);
  ck_assert_int_eq(r.check[CLAIM_COAL_RATE].verdict, CLAIM_CONSISTENT);
  ck_assert_double_eq_tol(r.check[CLAIM_CO2_PER_TCE].value, 2.4925, 1e-9);
  ck_assert_str_eq(r.check[CLAIM_CO2_PER_TCE].nearest->label, "legacy");
  /* 400 / 300 - 1 = +33.3 % against cn-coal */
  ck_assert_double_eq_tol(r.check[CLAIM_COAL_RATE].preset_diff, 0.333333, 1e-6);
  /* the same plant called biomass: 2,186 h is below 6,130 h by
     2186.046512 / 6130 - 1 = -0.643386 */
  in.tech = CLAIM_BIOMASS;
  claim_check(&in, &rg, &cn_coal, &r);
  ck_assert_int_eq(r.check[CLAIM_FLH].verdict, CLAIM_BELOW);
  ck_assert_double_eq_tol(r.check[CLAIM_FLH].deviation, -0.643386, 1e-6);
}
END_TEST

START_TEST(test_grid_preset_baseline)
{
  /* With a grid preset the t CO2/MWh verdict uses the grid range:
     0.8235 is above 0.65 by 0.823529 / 0.65 - 1 = +26.70 %. */
  struct emission_factors grid = cn_coal;
  grid.method = EMIS_GRID;
  struct claim_input in = founding();
  struct claim_result r;
  claim_check(&in, &rg, &grid, &r);
  const struct claim_check *c = &r.check[CLAIM_CO2_PER_MWH];
  ck_assert_int_eq(c->range->baseline, CLAIM_BASELINE_GRID);
  ck_assert_int_eq(c->verdict, CLAIM_ABOVE);
  ck_assert_double_eq_tol(c->deviation, 0.266968, 1e-6);
  ck_assert_int_eq(c->other_verdict, CLAIM_CONSISTENT);
  ck_assert_double_eq_tol(c->preset_value, 0.5366, 1e-12);
}
END_TEST

START_TEST(test_range_find_specificity)
{
  struct claim_input in = founding();
  strcpy(in.country, "VN"); /* no Vietnam PV range: the any-country one */
  const struct claim_range *x = claim_range_find(&rg, CLAIM_FLH, &in, CLAIM_BASELINE_ANY);
  ck_assert_double_eq(x->lo, 1050.0);
  strcpy(in.country, "LA");
  x = claim_range_find(&rg, CLAIM_FLH, &in, CLAIM_BASELINE_ANY);
  ck_assert_double_eq(x->lo, 1300.0);
  in.mount = CLAIM_MOUNT_TRACKER;
  x = claim_range_find(&rg, CLAIM_FLH, &in, CLAIM_BASELINE_ANY);
  ck_assert_double_eq(x->lo, 1430.0);
}
END_TEST

START_TEST(test_site_compare)
{
  /* A site with P50 1,744,924 MWh, P90 1,601,737 MWh, sigma 6.4 % (the
     reference site with 5 % other uncertainty): 1.7e6 / 1,744,924 - 1 =
     -2.5745 %. */
  double diff;
  ck_assert_int_eq(claim_site_compare(1.7e6, 1744924.0, 1601737.0, 0.064, &diff),
                   CLAIM_SITE_CONSISTENT);
  ck_assert_double_eq_tol(diff, -0.025745, 1e-6);
  /* 1.9e6 is +8.9 %, more than one sigma above */
  ck_assert_int_eq(claim_site_compare(1.9e6, 1744924.0, 1601737.0, 0.064, &diff),
                   CLAIM_SITE_ABOVE);
  ck_assert_int_eq(claim_site_compare(1.55e6, 1744924.0, 1601737.0, 0.064, &diff),
                   CLAIM_SITE_BELOW_P90);
}
END_TEST

START_TEST(test_names)
{
  ck_assert_int_eq(claim_metric_parse("co2_t_per_tce"), CLAIM_CO2_PER_TCE);
  ck_assert_int_eq(claim_metric_parse("gce"), -1);
  ck_assert_int_eq(claim_tech_parse("wind"), CLAIM_WIND);
  ck_assert_int_eq(claim_tech_parse("*"), CLAIM_TECH_ANY);
  ck_assert_int_eq(claim_tech_parse("hydro"), -1);
  ck_assert_str_eq(claim_verdict_name(CLAIM_ABOVE), "above_range");
}
END_TEST

/* Runs renewcalc check-claim with args on the shipped ranges; returns its
 * standard output (caller frees) and exit status in *rc. */
static char *run_cli(const char *args, int *rc)
{
  const char *prog = getenv("RENEWCALC");
  const char *top = getenv("top_srcdir");
  char cmd[2048];
  snprintf(cmd, sizeof cmd, "LC_ALL=C '%s' check-claim --ranges '%s/configs/claim-ranges.cfg' %s 2>/dev/null",
           prog && *prog ? prog : "src/renewcalc", top && *top ? top : ".", args);
  FILE *p = popen(cmd, "r");
  ck_assert_ptr_nonnull(p);
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  ck_assert_ptr_nonnull(buf);
  size_t got;
  while ((got = fread(buf + n, 1, cap - 1 - n, p)) > 0) {
    n += got;
    if (n + 1 >= cap) {
      cap *= 2;
      buf = realloc(buf, cap);
      ck_assert_ptr_nonnull(buf);
    }
  }
  buf[n] = '\0';
  int st = pclose(p);
  *rc = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return buf;
}

static const char founding_args[] =
  "--capacity-mw 1000 --generation-gwh 1700 --coal-t 510000 --co2-t 1400000";

START_TEST(test_cli_text)
{
  /* The acceptance figures: 1,700 h, CF 19.4 %, 300 gce/kWh, 2.75 t CO2/tce,
     0.82 t CO2/MWh, each with a verdict and the range used. */
  int rc;
  char *out = run_cli(founding_args, &rc);
  ck_assert_int_eq(rc, 0);
  ck_assert_ptr_nonnull(strstr(out, "full-load hours     1,700 h (capacity factor 19.4 %)"));
  ck_assert_ptr_nonnull(strstr(out, "coal rate           300 gce/kWh\n"));
  ck_assert_ptr_nonnull(strstr(out, "CO2 per tce         2.75 t CO2/tce (2.745)"));
  ck_assert_ptr_nonnull(strstr(out, "CO2 per MWh         0.82 t CO2/MWh (0.8235)"));
  ck_assert_ptr_nonnull(strstr(out, "range used        1,050-1,930 h"));
  ck_assert_ptr_nonnull(strstr(out, "range used        280-400 gce/kWh"));
  ck_assert_ptr_nonnull(strstr(out, "unit slips          none found"));
  free(out);
  out = run_cli("--capacity-mw 1000 --generation-kwh 1.7e6", &rc);
  ck_assert_int_eq(rc, 0);
  ck_assert_ptr_nonnull(strstr(out, "generation: 1.7 million kWh for 1,000 MW gives 1.7 "
                                    "full-load hours: likely kWh written for MWh (1.7 billion "
                                    "kWh gives 1,700 full-load hours)"));
  free(out);
  out = run_cli("--capacity-mw -1000", &rc);
  ck_assert_int_eq(rc, 2);
  free(out);
  out = run_cli("--capacity-mw 1000 --no-such-option 3", &rc);
  ck_assert_int_eq(rc, 2);
  free(out);
}
END_TEST

START_TEST(test_cli_json)
{
  int rc;
  char args[256];
  snprintf(args, sizeof args, "%s --country LA --format json", founding_args);
  char *out = run_cli(args, &rc);
  ck_assert_int_eq(rc, 0);
  json_error_t err;
  json_t *root = json_loads(out, 0, &err);
  ck_assert_msg(root != NULL, "JSON does not parse: %s", err.text);
  json_t *checks = json_object_get(root, "checks");
  json_t *flh = json_object_get(checks, "full_load_hours");
  ck_assert_double_eq_tol(json_real_value(json_object_get(flh, "value")), 1700.0, 1e-6);
  ck_assert_double_eq_tol(json_real_value(json_object_get(flh, "capacity_factor")), 0.194064,
                          1e-6);
  ck_assert_str_eq(json_string_value(json_object_get(flh, "verdict")), "above_range");
  /* 1700 / 1500 - 1 = +13.33 % over the Laos range */
  ck_assert_double_eq_tol(json_real_value(json_object_get(flh, "deviation_percent")), 13.3333,
                          1e-4);
  json_t *range = json_object_get(flh, "range");
  ck_assert_str_eq(json_string_value(json_object_get(range, "country")), "LA");
  ck_assert_str_eq(json_string_value(json_object_get(range, "confidence")), "L");
  json_t *coal = json_object_get(checks, "coal_rate_gce_per_kwh");
  ck_assert_double_eq_tol(json_real_value(json_object_get(coal, "value")), 300.0, 1e-9);
  ck_assert_str_eq(json_string_value(json_object_get(coal, "verdict")), "consistent");
  json_t *tce = json_object_get(checks, "co2_t_per_tce");
  ck_assert_double_eq_tol(json_real_value(json_object_get(tce, "value")), 2.745098, 1e-6);
  json_t *mwh = json_object_get(checks, "co2_t_per_mwh");
  ck_assert_double_eq_tol(json_real_value(json_object_get(mwh, "value")), 0.823529, 1e-6);
  ck_assert_str_eq(json_string_value(json_object_get(json_object_get(mwh, "range"), "baseline")),
                   "coal");
  ck_assert_int_eq((int)json_array_size(json_object_get(root, "unit_slips")), 0);
  /* cn-coal for 1.7e6 MWh: 510,000 tce and 510,000 x 2.7725 = 1,413,975 t */
  json_t *exp = json_object_get(root, "expected");
  ck_assert_double_eq_tol(json_real_value(json_object_get(exp, "co2_avoided_t")), 1413975.0,
                          1e-3);
  ck_assert(json_is_null(json_object_get(root, "site")));
  json_decref(root);
  free(out);
}
END_TEST

Suite *make_claim_suite(void)
{
  Suite *s = suite_create("claim");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, NULL);
  tcase_add_test(tc, test_founding_figures);
  tcase_add_test(tc, test_founding_verdicts_any_country);
  tcase_add_test(tc, test_founding_laos);
  tcase_add_test(tc, test_slip_kwh_for_mwh);
  tcase_add_test(tc, test_slip_with_all_figures);
  tcase_add_test(tc, test_slip_kt_for_t);
  tcase_add_test(tc, test_missing_figures);
  tcase_add_test(tc, test_legacy_rule_claim);
  tcase_add_test(tc, test_grid_preset_baseline);
  tcase_add_test(tc, test_range_find_specificity);
  tcase_add_test(tc, test_site_compare);
  tcase_add_test(tc, test_names);
  suite_add_tcase(s, tc);
  TCase *cli = tcase_create("cli");
  tcase_add_test(cli, test_cli_text);
  tcase_add_test(cli, test_cli_json);
  suite_add_tcase(s, cli);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_claim_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
