/* The heat map, load-duration, irradiation and clipping charts; see
 * out_charts.h. Plants are added up hour by hour on the local standard
 * calendar: sub-hourly intervals are summed into the hour they start in,
 * so an hour's energy [MWh] and its mean power [MW] are the same number. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "config.h"
#include "diag.h"
#include "out.h"
#include "out_charts.h"
#include "outfile.h"
#include "profile.h"
#include "sim.h"
#include "site.h"

enum { DAYS = 366, HOURS = 24, CLIP_BINS = 50 };

static const char *month_abbr[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* Energy of one plant in each local standard hour from h0 on [MWh]. */
struct hourly {
  int64_t h0;  /* first hour [h since 1970-01-01 00:00 local standard time] */
  size_t n;
  double *mwh; /* owned */
};

static int64_t floor_div(int64_t a, int64_t b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* The series are regular: a PV plant's interval is its profile's, the
 * others' the step of their axis (one hour for a single interval). */
static int64_t interval_of(const struct plant_result *pr)
{
  if (pr->profile)
    return pr->profile->interval_s;
  if (pr->n > 1 && pr->t_utc[1] > pr->t_utc[0])
    return pr->t_utc[1] - pr->t_utc[0];
  return 3600;
}

static int64_t local_hour(const struct plant_result *pr, size_t i)
{
  return floor_div(pr->t_utc[i] + (int64_t)llround(pr->utc_offset_h * 3600.0), 3600);
}

static int plant_hourly(const struct plant_result *pr, struct hourly *h, struct diag *d)
{
  double to_mwh = (double)interval_of(pr) / 3600.0 / 1000.0;
  h->h0 = local_hour(pr, 0);
  h->n = (size_t)(local_hour(pr, pr->n - 1) - h->h0 + 1);
  h->mwh = calloc(h->n, sizeof *h->mwh);
  if (!h->mwh) {
    diag_msg(d, "renewcalc: out of memory for the heat map of plant '%s'", pr->cfg->name);
    return -1;
  }
  for (size_t i = 0; i < pr->n; i++)
    h->mwh[local_hour(pr, i) - h->h0] += pr->s.ac_kw[i] * to_mwh;
  return 0;
}

/* Mean power of the site [MW] by day of year and local hour: each plant's
 * energy of that day and hour averaged over the years its profile holds
 * it, then the plants added. A cell no plant covers is NaN. Returns the
 * days in use: 366 when a profile holds a 31 December of a leap year. */
struct day_hour {
  double mw[DAYS][HOURS];       /* the result */
  double e[DAYS][HOURS], c[DAYS][HOURS]; /* one plant's energy and count */
};

static int day_hour_grid(int nh, const struct hourly *hr, struct day_hour *g)
{
  double(*mw)[HOURS] = g->mw, (*e)[HOURS] = g->e, (*c)[HOURS] = g->c;
  int ndays = 365;
  for (int dy = 0; dy < DAYS; dy++)
    for (int h = 0; h < HOURS; h++)
      mw[dy][h] = NAN;
  for (int p = 0; p < nh; p++) {
    memset(g->e, 0, sizeof g->e);
    memset(g->c, 0, sizeof g->c);
    for (size_t k = 0; k < hr[p].n; k++) {
      int64_t hour = hr[p].h0 + (int64_t)k;
      int64_t day = floor_div(hour, 24);
      int doy = calendar_day_of_year(day);
      int h = (int)(hour - day * 24);
      e[doy - 1][h] += hr[p].mwh[k];
      c[doy - 1][h] += 1.0;
    }
    for (int dy = 0; dy < DAYS; dy++)
      for (int h = 0; h < HOURS; h++)
        if (c[dy][h] > 0) {
          mw[dy][h] = (isnan(mw[dy][h]) ? 0.0 : mw[dy][h]) + e[dy][h] / c[dy][h];
          if (dy == DAYS - 1)
            ndays = DAYS;
        }
  }
  return ndays;
}

static int by_descending(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x < y) - (x > y);
}

static int heatmap_chart(struct outset *o, const struct sim_result *r, const char *plots_dir,
                         int ndays, double mw[DAYS][HOURS], struct diag *d)
{
  FILE *f = outset_open(o, "heatmap.dat");
  if (!f)
    return -1;
  out_gp_dat_header(f, r, "mean AC power of all plants by day of year and local hour [MW]");
  fprintf(f, "# each cell: a plant's energy in that hour of that day of the year averaged over\n"
          "# the years of its profile, plants added (wind from a distribution left out);\n"
          "# sub-hourly intervals summed into their hour. For a profile of one year the\n"
          "# cells add up to the annual energy [MWh]. NaN: no profile covers the hour.\n");
  fprintf(f, "# columns: day of year, hour (interval start, local standard time), MW;\n"
          "# one block of 24 rows per day\n");
  double max_mw = 0;
  for (int dy = 0; dy < ndays; dy++) {
    for (int h = 0; h < HOURS; h++) {
      if (isnan(mw[dy][h])) {
        fprintf(f, "%d %d NaN\n", dy + 1, h);
        continue;
      }
      fprintf(f, "%d %d %.6f\n", dy + 1, h, mw[dy][h]);
      if (mw[dy][h] > max_mw)
        max_mw = mw[dy][h];
    }
    fputc('\n', f);
  }
  char title[400], vars[120];
  snprintf(title, sizeof title, "%s: AC power of all plants by day and hour", r->site->name);
  snprintf(vars, sizeof vars, "ndays = %d\nmax_mw = %.6f\n", ndays, max_mw > 0 ? max_mw : 1.0);
  return out_gp_script(o, plots_dir, "heatmap", title, r->n_plants, vars, d);
}

/* total: n hourly values [MW] of a year or of several years, sorted here. */
static int duration_chart(struct outset *o, const struct sim_result *r, const char *plots_dir,
                          double *total, size_t n, int same_axis, double capacity_mw,
                          struct diag *d)
{
  qsort(total, n, sizeof *total, by_descending);
  FILE *f = outset_open(o, "duration.dat");
  if (!f)
    return -1;
  out_gp_dat_header(f, r, "load-duration curve: AC power of all plants sorted, largest first");
  if (same_axis)
    fprintf(f, "# %zu hours of the plants' common time axis", n);
  else
    fprintf(f, "# %zu hours of the day-of-year heat map (the plants' profiles cover different "
            "years)", n);
  fprintf(f, ", scaled to a year of 8760 h\n# (each row stands for %.6f h; the rows' MW x that "
          "add up to a year's energy);\n# wind from a distribution left out. Capacity %.6f MW AC\n",
          8760.0 / (double)n, capacity_mw);
  fprintf(f, "# columns: hours a year at or above [h], MW, %% of AC capacity\n");
  for (size_t k = 0; k < n; k++)
    fprintf(f, "%.4f %.6f %.6f\n", (double)(k + 1) * 8760.0 / (double)n, total[k],
            capacity_mw > 0 ? 100.0 * total[k] / capacity_mw : 0.0);
  char title[400], vars[160];
  snprintf(title, sizeof title, "%s: load-duration curve of all plants", r->site->name);
  snprintf(vars, sizeof vars, "capacity_mw = %.6f\nexport_limit_mw = %.6f\n",
           capacity_mw > 0 ? capacity_mw : 1.0,
           r->site->export_limit_mw > 0 ? r->site->export_limit_mw : -1.0);
  return out_gp_script(o, plots_dir, "duration", title, r->n_plants, vars, d);
}

/* Heat map and duration curve from the plants with a series. */
static int power_charts(struct outset *o, const struct sim_result *r, const char *plots_dir,
                        struct diag *d)
{
  int rc = -1, nh = 0;
  double capacity_mw = 0, *total = NULL;
  struct hourly *hr = calloc((size_t)r->n_plants, sizeof *hr);
  struct day_hour *g = malloc(sizeof *g);
  if (!hr || !g) {
    diag_msg(d, "renewcalc: out of memory for the heat map");
    free(hr);
    free(g);
    return -1;
  }
  double(*mw)[HOURS] = g->mw;
  for (int i = 0; i < r->n_plants; i++) {
    const struct plant_result *pr = &r->plants[i];
    if (pr->n == 0)
      continue;
    if (plant_hourly(pr, &hr[nh], d) != 0)
      goto done;
    nh++;
    capacity_mw += pr->cfg->capacity_mw_ac;
  }
  if (nh == 0) {
    rc = 0;
    goto done;
  }
  int ndays = day_hour_grid(nh, hr, g);
  if (heatmap_chart(o, r, plots_dir, ndays, mw, d) != 0)
    goto done;

  /* The duration curve wants real hours, so that the peaks of single
   * years survive; plants on different axes can only meet in the grid. */
  int same_axis = 1;
  for (int p = 1; p < nh; p++)
    same_axis &= hr[p].h0 == hr[0].h0 && hr[p].n == hr[0].n;
  size_t n = same_axis ? hr[0].n : (size_t)ndays * HOURS;
  if (!(total = calloc(n, sizeof *total))) {
    diag_msg(d, "renewcalc: out of memory for the duration curve");
    goto done;
  }
  if (same_axis) {
    for (int p = 0; p < nh; p++)
      for (size_t k = 0; k < n; k++)
        total[k] += hr[p].mwh[k];
  } else {
    for (size_t k = 0; k < n; k++) {
      double v = mw[k / HOURS][k % HOURS];
      total[k] = isnan(v) ? 0.0 : v;
    }
  }
  rc = duration_chart(o, r, plots_dir, total, n, same_axis, capacity_mw, d);
done:
  for (int p = 0; p < nh; p++)
    free(hr[p].mwh);
  free(hr);
  free(g);
  free(total);
  return rc;
}

/* Monthly horizontal and plane-of-array irradiation of one PV plant. */
static int irradiation_chart(struct outset *o, const struct sim_result *r,
                             const struct plant_result *pr, const char *plots_dir, struct diag *d)
{
  const struct profile *p = pr->profile;
  const double *ghi = p->col[PROFILE_GHI];
  double to_kwh = p->interval_s / 3600.0 / 1000.0 / pr->years;
  double g[12] = { 0 }, poa[12] = { 0 };
  for (size_t i = 0; i < pr->n; i++) {
    int m = pr->month[i]; /* 0 = January */
    g[m] += ghi[i] * to_kwh;
    poa[m] += pr->s.poa_wm2[i] * to_kwh;
  }
  FILE *f = outset_open(o, "irradiation.dat");
  if (!f)
    return -1;
  out_gp_dat_header(f, r, "irradiation by local month: horizontal and plane of array [kWh/m2]");
  fputs("# plant: ", f);
  out_gp_dat_text(f, pr->cfg->name);
  fprintf(f, "; a year's share when the profile spans %.6f years\n", pr->years);
  fprintf(f, "# columns: month number, month, GHI [kWh/m2], POA [kWh/m2], POA/GHI - 1 [%%]\n");
  fprintf(f, "\"n\" \"month\" \"horizontal (GHI)\" \"plane of array (POA)\" \"gain\"\n");
  for (int m = 0; m < 12; m++)
    fprintf(f, "%d %s %.6f %.6f %.6f\n", m + 1, month_abbr[m], g[m], poa[m],
            g[m] > 0 ? 100.0 * (poa[m] / g[m] - 1.0) : 0.0);
  char title[400];
  snprintf(title, sizeof title, "%s: monthly irradiation of %s", r->site->name, pr->cfg->name);
  return out_gp_script(o, plots_dir, "irradiation", title, r->n_plants, NULL, d);
}

/* Clipping of one PV plant by DC power: the intervals binned by their DC
 * power show where the inverter saturates and how much energy each band
 * of DC power loses. */
static int clipping_chart(struct outset *o, const struct sim_result *r,
                          const struct plant_result *pr, const char *plots_dir, struct diag *d)
{
  double dc_max = 0, h = pr->profile->interval_s / 3600.0;
  for (size_t i = 0; i < pr->n; i++)
    if (pr->s.dc_kw[i] > dc_max)
      dc_max = pr->s.dc_kw[i];
  double width = dc_max / CLIP_BINS;
  double hours[CLIP_BINS] = { 0 }, dc[CLIP_BINS] = { 0 }, ac[CLIP_BINS] = { 0 };
  double ac_max[CLIP_BINS] = { 0 }, clip[CLIP_BINS] = { 0 };
  for (size_t i = 0; i < pr->n; i++) {
    if (!(pr->s.dc_kw[i] > 0))
      continue;
    int b = (int)(pr->s.dc_kw[i] / width);
    b = b < CLIP_BINS ? b : CLIP_BINS - 1;
    hours[b] += h;
    dc[b] += pr->s.dc_kw[i] * h;
    ac[b] += pr->s.ac_kw[i] * h;
    clip[b] += pr->s.clip_kw[i] * h;
    if (pr->s.ac_kw[i] > ac_max[b])
      ac_max[b] = pr->s.ac_kw[i];
  }
  FILE *f = outset_open(o, "clipping.dat");
  if (!f)
    return -1;
  out_gp_dat_header(f, r, "inverter clipping by DC power, intervals with DC > 0");
  fputs("# plant: ", f);
  out_gp_dat_text(f, pr->cfg->name);
  fprintf(f, "; AC rating %.6f MW; %d bins of %.6f MW DC; a year's share when the\n"
          "# profile spans %.6f years\n", pr->cfg->capacity_mw_ac, CLIP_BINS, width / 1000.0,
          pr->years);
  fprintf(f, "# columns: bin centre DC [MW], hours a year [h], mean DC [MW], mean AC [MW],\n"
          "# largest AC [MW], energy clipped a year [MWh]\n");
  for (int b = 0; b < CLIP_BINS; b++) {
    double centre = (b + 0.5) * width / 1000.0;
    if (hours[b] == 0) {
      fprintf(f, "%.6f 0 NaN NaN NaN 0\n", centre);
      continue;
    }
    fprintf(f, "%.6f %.6f %.6f %.6f %.6f %.6f\n", centre, hours[b] / pr->years,
            dc[b] / hours[b] / 1000.0, ac[b] / hours[b] / 1000.0, ac_max[b] / 1000.0,
            clip[b] / 1000.0 / pr->years);
  }
  char title[400], vars[160];
  snprintf(title, sizeof title, "%s: inverter clipping of %s (%.1f MWh a year)", r->site->name,
           pr->cfg->name, pr->clipping_mwh);
  snprintf(vars, sizeof vars, "ac_rating_mw = %.6f\ndc_max_mw = %.6f\nbin_mw = %.6f\n",
           pr->cfg->capacity_mw_ac, dc_max / 1000.0, width / 1000.0);
  return out_gp_script(o, plots_dir, "clipping", title, r->n_plants, vars, d);
}

int out_charts_extra(struct outset *o, const struct sim_result *r, const char *plots_dir,
                     struct diag *d)
{
  if (power_charts(o, r, plots_dir, d) != 0)
    return -1;
  for (int i = 0; i < r->n_plants; i++) {
    const struct plant_result *pr = &r->plants[i];
    if (pr->cfg->type != PLANT_PV || pr->n == 0 || !pr->profile ||
        !pr->profile->col[PROFILE_GHI])
      continue;
    if (irradiation_chart(o, r, pr, plots_dir, d) != 0)
      return -1;
    if (pr->clipping_mwh > 0 && clipping_chart(o, r, pr, plots_dir, d) != 0)
      return -1;
    break; /* the first PV plant's charts */
  }
  return 0;
}
