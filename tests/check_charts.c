/* Tests of the site-wide charts (out_charts.c): a synthetic PV site is run,
 * its charts written into a fresh folder, and the .dat files read back and
 * held against figures derived here from the plant's series and profile:
 * the load-duration curve, the day x hour heat map, the monthly
 * irradiation and the clipping bands, for hourly, 15-minute and two-year
 * profiles. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "out.h"
#include "out_charts.h"
#include "outfile.h"
#include "profile.h"
#include "sim.h"
#include "site.h"
#include "synth.h"

#ifndef PLOTS_DIR_SOURCE
#define PLOTS_DIR_SOURCE "plots"
#endif

/* The .dat files print 6 decimals: each value is off by at most 5e-7, so a
 * sum of n values by at most n * 5e-7. */
#define PRINTED(n) ((double)(n) * 5e-7 + 1e-9)

/* A 37.6 MW AC fixed-tilt PV plant at DC/AC 1.45 (clips at noon on
 * clear days), at 19.9 N 102.1 E, UTC+7. */
static struct site *site_new(void)
{
  struct site *s = calloc(1, sizeof *s);
  ck_assert_ptr_nonnull(s);
  snprintf(s->name, sizeof s->name, "chart site");
  snprintf(s->path, sizeof s->path, "charts.cfg");
  s->latitude = 19.9;
  s->longitude = 102.1;
  s->elevation_m = 620.0;
  s->delta_t_s = 69.0;
  s->lifetime_years = 25;
  s->factors.method = EMIS_COAL;
  s->factors.coal_rate.value = 300.0;
  s->factors.co2_per_tce.value = 2.7725;
  s->factors.grid.value = -1;
  s->n_plants = 1;
  s->plants = calloc(1, sizeof *s->plants);
  ck_assert_ptr_nonnull(s->plants);
  struct plant_cfg *p = &s->plants[0];
  snprintf(p->name, sizeof p->name, "array 1");
  p->type = PLANT_PV;
  p->capacity_mw_ac = 37.6;
  p->capacity_mw_dc = 37.6 * 1.45;
  p->dc_ac_ratio = 1.45;
  p->degradation_per_year = 0.005;
  p->degradation_linear = 1;
  p->pv = (struct pv_params){ .p_dc0_kw = 37600.0 * 1.45, .p_ac0_kw = 37600.0,
                              .tilt_deg = 18.0, .azimuth_deg = 180.0,
                              .mount = PV_MOUNT_FIXED, .racking = PV_RACK_OPEN,
                              .sky = TRANSPOSE_PEREZ, .albedo = 0.2, .gamma_per_c = -0.0037,
                              .loss_frac = { [PV_LOSS_LUMPED] = 0.1408 },
                              .inv_eff_nom = 0.96, .glass_n = 1.526 };
  return s;
}

static void site_free(struct site *s)
{
  free(s->plants);
  free(s);
}

/* An hourly year at the site from monthly means (synth.c), starting at
 * local midnight on 1 January. */
static struct profile *year_of(int year, unsigned long seed)
{
  struct synth_spec spec = { .latitude = 19.9, .longitude = 102.1, .elevation_m = 620.0,
                             .utc_offset_h = 7.0, .year = year, .variability = 0.5,
                             .seed = seed };
  for (int m = 0; m < 12; m++) {
    spec.ghi_kwh_m2_day[m] = 4.9 + 0.9 * cos((m - 3) * 0.5236);
    spec.temp_c[m] = 24.0;
    spec.temp_range_c[m] = 9.0;
    spec.wind_m_s[m] = 1.8;
    spec.linke[m] = 3.2;
  }
  snprintf(spec.source, sizeof spec.source, "check_charts");
  struct profile *p = synth_profile(&spec);
  ck_assert_ptr_nonnull(p);
  return p;
}

/* Profile a followed by b (same columns and interval). */
static struct profile *joined(const struct profile *a, const struct profile *b)
{
  struct profile *p = profile_new(a->n + b->n);
  ck_assert_ptr_nonnull(p);
  p->n = a->n + b->n;
  p->interval_s = a->interval_s;
  p->utc_offset_h = a->utc_offset_h;
  memcpy(p->t_utc, a->t_utc, a->n * sizeof *p->t_utc);
  memcpy(p->t_utc + a->n, b->t_utc, b->n * sizeof *p->t_utc);
  for (int c = 0; c < PROFILE_NCOLS; c++)
    if (a->col[c]) {
      ck_assert_int_eq(profile_add_col(p, (enum profile_col)c), 0);
      memcpy(p->col[c], a->col[c], a->n * sizeof(double));
      memcpy(p->col[c] + a->n, b->col[c], b->n * sizeof(double));
    }
  return p;
}

/* The hourly profile a spread over four 15-minute intervals per hour,
 * each carrying the hour's values. */
static struct profile *quarter_hours(const struct profile *a)
{
  struct profile *p = profile_new(a->n * 4);
  ck_assert_ptr_nonnull(p);
  p->n = a->n * 4;
  p->interval_s = 900;
  p->utc_offset_h = a->utc_offset_h;
  for (int c = 0; c < PROFILE_NCOLS; c++)
    if (a->col[c])
      ck_assert_int_eq(profile_add_col(p, (enum profile_col)c), 0);
  for (size_t i = 0; i < p->n; i++) {
    p->t_utc[i] = a->t_utc[i / 4] + (int64_t)(i % 4) * 900;
    for (int c = 0; c < PROFILE_NCOLS; c++)
      if (a->col[c])
        p->col[c][i] = a->col[c][i / 4];
  }
  return p;
}

/* A run of the site on profile p with its charts written to a fresh folder. */
struct run {
  struct site *site;
  struct sim_result *r;
  char dir[64];
};

static void run_start(struct run *u, const struct profile *p)
{
  u->site = site_new();
  struct diag *d = diag_new();
  const struct profile *pp[] = { p };
  u->r = sim_run(u->site, pp, NULL, d);
  diag_print(d, stderr);
  ck_assert_ptr_nonnull(u->r);
  snprintf(u->dir, sizeof u->dir, "/tmp/check_charts.XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(u->dir));
  struct outset *o = outset_new(u->dir, d);
  ck_assert_ptr_nonnull(o);
  int rc = out_gnuplot(o, u->r, PLOTS_DIR_SOURCE, d);
  diag_print(d, stderr);
  ck_assert_int_eq(rc, 0);
  ck_assert_int_eq(outset_commit(o), 0);
  diag_free(d);
}

static void run_end(struct run *u)
{
  static const char *files[] = {
    "monthly", "avgday", "losses", "lifetime", "exceedance", "heatmap", "duration",
    "irradiation", "clipping",
  };
  char path[160];
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
    for (int ext = 0; ext < 2; ext++) {
      snprintf(path, sizeof path, "%s/%s.%s", u->dir, files[i], ext ? "gp" : "dat");
      unlink(path);
    }
  snprintf(path, sizeof path, "%s/style.gp", u->dir);
  unlink(path);
  snprintf(path, sizeof path, "%s/renewcalc.sha256", u->dir);
  unlink(path);
  ck_assert_int_eq(rmdir(u->dir), 0);
  sim_free(u->r);
  site_free(u->site);
}

/* The numeric rows of dir/name (comments, blank lines and the quoted
 * header row skipped; the month name column read as NaN): up to ncols
 * numbers each into rows (row-major, malloc'ed; the caller frees).
 * Returns the number of rows. */
static size_t read_rows(const char *dir, const char *name, int ncols, double **rows)
{
  char path[160], line[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "r");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  size_t n = 0, cap = 1024;
  double *v = malloc(cap * ncols * sizeof *v);
  ck_assert_ptr_nonnull(v);
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || line[0] == '\n' || line[0] == '"')
      continue;
    if (n == cap) {
      cap *= 2;
      v = realloc(v, cap * ncols * sizeof *v);
      ck_assert_ptr_nonnull(v);
    }
    char *s = line;
    for (int c = 0; c < ncols; c++) {
      char *end;
      double x = strtod(s, &end);
      if (end == s) { /* a word: skip it */
        while (*s == ' ')
          s++;
        while (*s && *s != ' ' && *s != '\n')
          s++;
        x = NAN;
        end = s;
      }
      v[n * ncols + c] = x;
      s = end;
    }
    n++;
  }
  fclose(f);
  *rows = v;
  return n;
}

/* Energy of each local hour [MWh] = its mean power [MW], from the series:
 * k intervals per hour, the profile starting on the hour. */
static double *hourly_mw(const struct plant_result *pr, size_t k, size_t *nh)
{
  *nh = pr->n / k;
  double *h = calloc(*nh, sizeof *h);
  ck_assert_ptr_nonnull(h);
  for (size_t i = 0; i < pr->n; i++)
    h[i / k] += pr->s.ac_kw[i] / 1000.0 / (double)k;
  return h;
}

/* Duration curve: n rows of hours, MW, % of capacity, non-increasing; its
 * first value is the largest hour; the rows' MW x (8760 / n) h give the
 * annual energy; the hours run up to 8760. */
static void check_duration(const struct run *u, size_t k)
{
  const struct plant_result *pr = &u->r->plants[0];
  size_t nh;
  double *h = hourly_mw(pr, k, &nh), *v, max = 0, sum = 0;
  for (size_t i = 0; i < nh; i++)
    max = fmax(max, h[i]);
  size_t n = read_rows(u->dir, "duration.dat", 3, &v);
  ck_assert_uint_eq(n, nh);
  ck_assert_double_eq_tol(v[0 * 3 + 1], max, PRINTED(1));
  for (size_t i = 0; i < n; i++) {
    if (i > 0)
      ck_assert(v[i * 3 + 1] <= v[(i - 1) * 3 + 1]);
    /* % column: the MW over 37.6 MW, both printed to 6 decimals */
    ck_assert_double_eq_tol(v[i * 3 + 2], 100.0 * v[i * 3 + 1] / 37.6, 1e-5);
    sum += v[i * 3 + 1];
  }
  ck_assert_double_eq_tol(v[(n - 1) * 3], 8760.0, 1e-4);
  ck_assert_double_eq_tol(sum * 8760.0 / (double)n, pr->annual_mwh, PRINTED(n));
  free(v);
  free(h);
}

/* Heat map of one year: 365 days x 24 hours, no gaps, each cell the hour
 * of the series it stands for, and the cells add up to the annual energy. */
static void check_heatmap_year(const struct run *u, size_t k)
{
  const struct plant_result *pr = &u->r->plants[0];
  size_t nh;
  double *h = hourly_mw(pr, k, &nh), *v, sum = 0;
  size_t n = read_rows(u->dir, "heatmap.dat", 3, &v);
  ck_assert_uint_eq(n, 365 * 24);
  for (size_t i = 0; i < n; i++) {
    ck_assert(!isnan(v[i * 3 + 2]));
    sum += v[i * 3 + 2];
  }
  ck_assert_double_eq_tol(sum, pr->annual_mwh, PRINTED(n));
  /* 9 May (day 129) 13:00 local: hour 128 * 24 + 13 of the year */
  size_t row = 128 * 24 + 13;
  ck_assert_double_eq(v[row * 3], 129.0);
  ck_assert_double_eq(v[row * 3 + 1], 13.0);
  ck_assert_uint_eq(pr->hour[row * k], 13); /* the profile starts at local midnight */
  ck_assert(h[row] > 0);
  ck_assert_double_eq_tol(v[row * 3 + 2], h[row], PRINTED(1));
  free(v);
  free(h);
}

START_TEST(test_hourly_year)
{
  struct profile *p = year_of(2023, 3761);
  struct run u;
  run_start(&u, p);
  const struct plant_result *pr = &u.r->plants[0];
  ck_assert(pr->clipping_mwh > 0); /* DC/AC 1.45 at 19.9 N clips on clear noons */
  check_duration(&u, 1);
  check_heatmap_year(&u, 1);

  /* Irradiation: the months' GHI adds up to the profile's, June to the
   * rows of June (days 151..180 of 2023), POA to the plant's. */
  double *v, ghi = 0, june = 0, sum_g = 0, sum_poa = 0;
  for (size_t i = 0; i < p->n; i++) {
    ghi += p->col[PROFILE_GHI][i] / 1000.0;
    if (i >= 151 * 24 && i < 181 * 24)
      june += p->col[PROFILE_GHI][i] / 1000.0;
  }
  size_t n = read_rows(u.dir, "irradiation.dat", 5, &v);
  ck_assert_uint_eq(n, 12);
  for (size_t m = 0; m < 12; m++) {
    ck_assert_double_eq(v[m * 5], (double)(m + 1));
    sum_g += v[m * 5 + 2];
    sum_poa += v[m * 5 + 3];
  }
  ck_assert_double_eq_tol(sum_g, ghi, PRINTED(12));
  ck_assert_double_eq_tol(sum_g, pr->note.ghi_kwh_m2, PRINTED(12));
  ck_assert_double_eq_tol(v[5 * 5 + 2], june, PRINTED(1));
  ck_assert_double_eq_tol(sum_poa, pr->poa_kwh_m2, PRINTED(12));
  free(v);

  /* Clipping bands: the clipped energy adds up to the plant's, the hours
   * to the intervals with DC output, no AC above the rating. */
  double hours = 0, clip = 0, dc_max = 0;
  size_t lit = 0;
  for (size_t i = 0; i < pr->n; i++) {
    lit += pr->s.dc_kw[i] > 0;
    dc_max = fmax(dc_max, pr->s.dc_kw[i] / 1000.0);
  }
  n = read_rows(u.dir, "clipping.dat", 6, &v);
  ck_assert_uint_eq(n, 50);
  for (size_t b = 0; b < n; b++) {
    hours += v[b * 6 + 1];
    clip += v[b * 6 + 5];
    if (v[b * 6 + 1] > 0) {
      ck_assert(v[b * 6 + 4] <= 37.6 + 1e-6);
      ck_assert(v[b * 6 + 3] <= v[b * 6 + 2] + 1e-6); /* AC <= DC */
    }
  }
  ck_assert_double_eq_tol(v[(n - 1) * 6], dc_max * 49.5 / 50.0, PRINTED(1));
  ck_assert_double_eq_tol(hours, (double)lit, PRINTED(n));
  ck_assert_double_eq_tol(clip, pr->clipping_mwh, PRINTED(n));
  free(v);
  run_end(&u);
  profile_free(p);
}
END_TEST

/* 15-minute intervals are summed into their hour: still 8760 hours, and
 * the sums hold. */
START_TEST(test_quarter_hours)
{
  struct profile *a = year_of(2023, 3761);
  struct profile *p = quarter_hours(a);
  struct run u;
  run_start(&u, p);
  check_duration(&u, 4);
  check_heatmap_year(&u, 4);
  run_end(&u);
  profile_free(p);
  profile_free(a);
}
END_TEST

/* Two years, the second a leap year: the heat map has 366 days, a cell is
 * the mean of the two years' hours and 31 December 2024 stands alone;
 * the duration curve has every hour of both years. */
START_TEST(test_two_years)
{
  struct profile *a = year_of(2023, 3761), *b = year_of(2024, 9127);
  ck_assert_uint_eq(b->n, 8784);
  struct profile *p = joined(a, b);
  struct run u;
  run_start(&u, p);
  const struct plant_result *pr = &u.r->plants[0];
  double *v;
  size_t n = read_rows(u.dir, "heatmap.dat", 3, &v);
  ck_assert_uint_eq(n, 366 * 24);
  size_t row = 99 * 24 + 12; /* 10 April 2023 and 9 April 2024, 12:00 */
  ck_assert_double_eq_tol(v[row * 3 + 2],
                          (pr->s.ac_kw[row] + pr->s.ac_kw[8760 + row]) / 2000.0, PRINTED(1));
  row = 365 * 24 + 11; /* day 366: 31 December 2024 only */
  ck_assert_double_eq_tol(v[row * 3 + 2], pr->s.ac_kw[8760 + row] / 1000.0, PRINTED(1));
  free(v);
  n = read_rows(u.dir, "duration.dat", 3, &v);
  ck_assert_uint_eq(n, 8760 + 8784);
  double max = 0, sum = 0;
  for (size_t i = 0; i < pr->n; i++) {
    max = fmax(max, pr->s.ac_kw[i] / 1000.0);
    sum += pr->s.ac_kw[i] / 1000.0;
  }
  double got = 0;
  for (size_t i = 0; i < n; i++)
    got += v[i * 3 + 1];
  ck_assert_double_eq_tol(v[1], max, PRINTED(1));
  ck_assert_double_eq_tol(got, sum, PRINTED(n));
  free(v);
  run_end(&u);
  profile_free(p);
  profile_free(a);
  profile_free(b);
}
END_TEST

static Suite *make_charts_suite(void)
{
  Suite *s = suite_create("charts");
  TCase *tc = tcase_create("charts");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_hourly_year);
  tcase_add_test(tc, test_quarter_hours);
  tcase_add_test(tc, test_two_years);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_charts_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
