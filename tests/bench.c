/* renewcalc benchmark (make bench): times the hourly chain in-process and
 * as a whole process, and prints a table. Figures are medians of repeated
 * runs on this machine; compare them as ratios within one run of the
 * benchmark, never against timed thresholds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "profile.h"
#include "sim.h"
#include "site.h"
#include "synth.h"

static double now_s(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
  qsort(v, (size_t)n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

static struct synth_spec laos_spec(int year, uint64_t seed)
{
  /* The reference site's monthly means (profiles/laos-oudomxay-monthly.cfg). */
  static const double ghi[12] = { 4.3, 4.9, 5.2, 5.5, 5.1, 4.4, 4.0, 4.0, 4.3, 4.4, 4.2, 4.0 };
  static const double temp[12] = { 18.3, 20.8, 22.8, 25.8, 26.3, 26.3,
                                   25.3, 24.8, 25.3, 23.8, 20.8, 18.3 };
  struct synth_spec s = { .latitude = 20.69, .longitude = 101.99, .elevation_m = 700.0,
                          .utc_offset_h = 7.0, .year = year, .variability = 0.6, .seed = seed };
  for (int m = 0; m < 12; m++) {
    s.ghi_kwh_m2_day[m] = ghi[m];
    s.temp_c[m] = temp[m];
    s.temp_range_c[m] = 12.0;
    s.wind_m_s[m] = 1.5;
    s.linke[m] = 3.8;
  }
  snprintf(s.source, sizeof s.source, "benchmark");
  return s;
}

/* years consecutive synthetic years in one profile. */
static struct profile *years_profile(int years)
{
  struct profile *all = NULL;
  size_t at = 0;
  for (int y = 0; y < years; y++) {
    struct synth_spec spec = laos_spec(2014 + y, 100 + (uint64_t)y);
    struct profile *p = synth_profile(&spec);
    if (!p)
      return NULL;
    if (!all) {
      all = profile_new(p->n * (size_t)years + 24 * (size_t)years);
      all->interval_s = p->interval_s;
      all->utc_offset_h = p->utc_offset_h;
      snprintf(all->format, sizeof all->format, "synthetic");
      for (int c = 0; c < PROFILE_NCOLS; c++)
        if (p->col[c])
          profile_add_col(all, (enum profile_col)c);
    }
    for (size_t i = 0; i < p->n; i++, at++) {
      all->t_utc[at] = p->t_utc[i];
      for (int c = 0; c < PROFILE_NCOLS; c++)
        if (all->col[c])
          all->col[c][at] = p->col[c][i];
    }
    profile_free(p);
  }
  all->n = at;
  return all;
}

/* The same year at 1-minute resolution (each hour's values held). */
static struct profile *minute_profile(void)
{
  struct profile *h = years_profile(1);
  struct profile *m = profile_new(h->n * 60);
  m->interval_s = 60;
  m->utc_offset_h = h->utc_offset_h;
  snprintf(m->format, sizeof m->format, "synthetic");
  for (int c = 0; c < PROFILE_NCOLS; c++)
    if (h->col[c])
      profile_add_col(m, (enum profile_col)c);
  for (size_t i = 0; i < h->n; i++)
    for (int k = 0; k < 60; k++) {
      size_t j = i * 60 + (size_t)k;
      m->t_utc[j] = h->t_utc[i] + 60 * k;
      for (int c = 0; c < PROFILE_NCOLS; c++)
        if (m->col[c])
          m->col[c][j] = h->col[c][i];
    }
  m->n = h->n * 60;
  profile_free(h);
  return m;
}

static struct site *bench_site(enum pv_mount mount)
{
  struct site *s = calloc(1, sizeof *s);
  snprintf(s->name, sizeof s->name, "benchmark");
  s->latitude = 20.69;
  s->longitude = 101.99;
  s->elevation_m = 700.0;
  s->delta_t_s = 69.0;
  s->lifetime_years = 25;
  s->factors.coal_rate.value = 300.0;
  s->factors.co2_per_tce.value = 2.7725;
  s->n_plants = 1;
  s->plants = calloc(1, sizeof *s->plants);
  struct plant_cfg *p = &s->plants[0];
  snprintf(p->name, sizeof p->name, "fixed");
  p->capacity_mw_ac = 1000.0;
  p->capacity_mw_dc = 1300.0;
  p->dc_ac_ratio = 1.3;
  p->degradation_per_year = 0.005;
  p->degradation_linear = 1;
  p->pv = (struct pv_params){ .p_dc0_kw = 1.3e6, .p_ac0_kw = 1.0e6, .tilt_deg = 20.0,
                              .azimuth_deg = 180.0, .mount = mount, .sky = TRANSPOSE_PEREZ,
                              .albedo = 0.2, .gamma_per_c = -0.0037,
                              .loss_frac = { [PV_LOSS_LUMPED] = 0.1408 }, .inv_eff_nom = 0.96,
                              .glass_n = 1.526, .gcr = 0.4 };
  p->pv.track = (struct tracking_params){ .axis_tilt_deg = 0.0, .axis_azimuth_deg = 180.0,
                                          .max_angle_deg = 45.0, .backtrack = 1, .gcr = 0.4 };
  return s;
}

/* Median wall time [s] of sim_run on profile p, over reps runs. */
static double time_chain(const struct site *s, const struct profile *p, int reps)
{
  double t[64];
  const struct profile *pp[] = { p };
  struct diag *d = diag_new();
  for (int r = 0; r < reps; r++) {
    double t0 = now_s();
    struct sim_result *res = sim_run(s, pp, NULL, d);
    t[r] = now_s() - t0;
    if (!res) {
      diag_print(d, stderr);
      exit(1);
    }
    sim_free(res);
  }
  diag_free(d);
  return median(t, reps);
}

/* Median wall time [s] of a whole renewcalc process. */
static double time_process(const char *exe, const char *site, int reps)
{
  double t[64];
  for (int r = 0; r < reps; r++) {
    double t0 = now_s();
    pid_t pid = fork();
    if (pid == 0) {
      if (!freopen("/dev/null", "w", stdout))
        _exit(127);
      execl(exe, exe, "run", site, "--format", "json", (char *)NULL);
      _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    t[r] = now_s() - t0;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      fprintf(stderr, "bench: %s run %s failed\n", exe, site);
      exit(1);
    }
  }
  return median(t, reps);
}

int main(int argc, char **argv)
{
  const char *exe = argc > 1 ? argv[1] : "src/renewcalc";
  const char *site_file = argc > 2 ? argv[2] : "configs/laos-pv-1000mw.cfg";
  struct site *s = bench_site(PV_MOUNT_FIXED), *trk = bench_site(PV_MOUNT_SINGLE_AXIS);
  struct profile *one = years_profile(1), *ten = years_profile(10), *minute = minute_profile();
  if (!one || !ten || !minute) {
    fputs("bench: cannot make the synthetic profiles\n", stderr);
    return 1;
  }
  double fixed = time_chain(s, one, 31);
  double tracker = time_chain(trk, one, 31);
  double fixed10 = time_chain(s, ten, 7);
  double fixed_min = time_chain(s, minute, 5);
  double process = time_process(exe, site_file, 11);

  printf("renewcalc benchmark (median wall time, this machine)\n\n");
  printf("| case | rows | time | per site-year |\n| --- | ---: | ---: | ---: |\n");
  printf("| hourly fixed-tilt chain, 1 site-year, in-process | %zu | %.0f us | %.0f us |\n",
         one->n, fixed * 1e6, fixed * 1e6);
  printf("| hourly single-axis tracker chain (backtracking), 1 site-year, in-process | %zu | "
         "%.0f us | %.0f us |\n", one->n, tracker * 1e6, tracker * 1e6);
  printf("| hourly fixed-tilt chain, 10 site-years, in-process | %zu | %.1f ms | %.0f us |\n",
         ten->n, fixed10 * 1e3, fixed10 * 1e6 / 10);
  printf("| 1-minute fixed-tilt chain, 1 year, in-process | %zu | %.1f ms | %.1f ms |\n",
         minute->n, fixed_min * 1e3, fixed_min * 1e3);
  printf("| whole process: renewcalc run %s --format json | 8760 | %.1f ms | |\n", site_file,
         process * 1e3);
  printf("\ntracker chain / fixed chain: %.2f\n", tracker / fixed);
  profile_free(one);
  profile_free(ten);
  profile_free(minute);
  free(s->plants);
  free(s);
  free(trk->plants);
  free(trk);
  return 0;
}
