/* gnuplot data and scripts; see out.h. Each chart is a .dat with a commented
 * header and a .gp made of a few generated variable lines followed by the
 * template from plots/, which loads the shared style.gp copied alongside, so
 * `gnuplot NAME.gp` renders it in the output folder as it stands. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "config.h"
#include "diag.h"
#include "out.h"
#include "out_charts.h"
#include "outfile.h"
#include "profile.h"
#include "sim.h"
#include "site.h"
#include "uncertainty.h"

static const char *month_abbr[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* Bytes 1..31 and 127: a line feed or carriage return would end a gnuplot
 * command or a data line; the others have no business in a chart. */
static int is_control(unsigned char c)
{
  return c < 0x20 || c == 0x7f;
}

void out_gp_string(FILE *f, const char *s)
{
  /* Single quotes: gnuplot substitutes backticks inside double quotes, and
   * inside single quotes nothing at all; '' is the only escape. */
  fputc('\'', f);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '\'')
      fputc('\'', f);
    fputc(is_control(*p) ? ' ' : *p, f);
  }
  fputc('\'', f);
}

void out_gp_dat_text(FILE *f, const char *s)
{
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    fputc(is_control(*p) ? ' ' : *p, f);
}

void out_gp_dat_string(FILE *f, const char *s)
{
  /* gnuplot ends such a field at the next '"' whatever precedes it, then
   * reads backslash escapes (\n, \033) inside it. */
  fputc('"', f);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"')
      fputc('\'', f);
    else if (*p == '\\')
      fputs("\\\\", f);
    else
      fputc(is_control(*p) ? ' ' : *p, f);
  }
  fputc('"', f);
}

int out_copy_template(FILE *f, const char *plots_dir, const char *name, struct diag *d)
{
  char path[1200];
  snprintf(path, sizeof path, "%s/%s", plots_dir, name);
  FILE *in = fopen(path, "r");
  if (!in) {
    diag_errno(d, "cannot open chart template", path);
    return -1;
  }
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, in)) > 0)
    fwrite(buf, 1, n, f);
  int bad = ferror(in);
  fclose(in);
  if (bad) {
    diag_errno(d, "cannot read chart template", path);
    return -1;
  }
  return 0;
}

int out_gp_chart_script(struct outset *o, const char *plots_dir, const char *chart,
                        const char *title, const char *vars, struct diag *d)
{
  char name[64];
  snprintf(name, sizeof name, "%s.gp", chart);
  FILE *f = outset_open(o, name);
  if (!f)
    return -1;
  fprintf(f, "# %s chart; render with: gnuplot %s.gp (in this folder)\n", OUT_PROGRAM, chart);
  fprintf(f, "# Generated from the template plots/%s.gp; restyle every chart in style.gp.\n",
          chart);
  fprintf(f, "chart_title = ");
  out_gp_string(f, title);
  fprintf(f, "\ndatafile = \"%s.dat\"\n%s", chart, vars ? vars : "");
  fprintf(f, "if (!exists(\"outbase\")) outbase = \"%s\"\nload \"style.gp\"\n\n", chart);
  return out_copy_template(f, plots_dir, name, d);
}

int out_gp_script(struct outset *o, const char *plots_dir, const char *chart, const char *title,
                  int nplants, const char *vars, struct diag *d)
{
  char head[640];
  snprintf(head, sizeof head, "nplants = %d\n%s", nplants, vars ? vars : "");
  return out_gp_chart_script(o, plots_dir, chart, title, head, d);
}

/* Column head token: gnuplot's columnhead() takes it as the title. */
static void put_head(FILE *f, const char *s)
{
  fputc(' ', f);
  out_gp_dat_string(f, s);
}

/* One row of the loss waterfall: the energy before and after the step. */
static void put_step(FILE *f, const char *name, double lost, double *left)
{
  out_gp_dat_string(f, name);
  fprintf(f, " %.6f %.6f\n", *left, *left - lost);
  *left -= lost;
}

void out_gp_dat_header(FILE *f, const struct sim_result *r, const char *what)
{
  fprintf(f, "# %s: %s\n# site: ", OUT_PROGRAM, what);
  out_gp_dat_text(f, r->site->name);
  fputs(" (", f);
  out_gp_dat_text(f, r->site->path);
  fputs(")\n", f);
}

/* Loss waterfall of the PV plants together; wind plants print theirs in
 * the summary. */
static int losses_chart(struct outset *o, const struct sim_result *r, const char *plots_dir,
                        struct diag *d)
{
  char title[400];
  FILE *f = outset_open(o, "losses.dat");
  if (!f)
    return -1;
  out_gp_dat_header(f, r, "energy balance of the PV plants, year 1: step, MWh before, MWh after");
  const struct pv_balance *b = &r->balance_mwh;
  fprintf(f, "# step, before [MWh], after [MWh]\n");
  double left = b->nominal;
  fprintf(f, "\"POA x nameplate\" 0 %.6f\n", left);
  if (b->rear > 0)
    put_step(f, "rear side", -b->rear, &left);
  put_step(f, "incidence angle", b->aoi, &left);
  if (b->spectral != 0)
    put_step(f, "spectrum", b->spectral, &left);
  put_step(f, "temperature", b->temperature, &left);
  for (int l = 0; l < PV_LOSS_COUNT; l++)
    if (b->loss[l] != 0)
      put_step(f, pv_loss_name((enum pv_loss)l), b->loss[l], &left);
  put_step(f, "inverter", b->inverter, &left);
  put_step(f, "clipping", b->clipping, &left);
  fprintf(f, "\"AC\" 0 %.6f\n", b->ac);
  snprintf(title, sizeof title, "%s: losses from plane-of-array irradiation to AC, year 1",
           r->site->name);
  if (out_gp_script(o, plots_dir, "losses", title, r->n_plants, NULL, d) != 0)
    return -1;
  return 0;
}

/* Power curve with the hub-height speed histogram and Weibull fit, and the
 * wind rose, for one wind plant. */
static int wind_charts(struct outset *o, const struct sim_result *r, const struct plant_result *pr,
                       const char *plots_dir, struct diag *d)
{
  enum { NBINS = 30, NSECT = 16, NCLASS = 5 };
  const struct wind_result *w = &pr->wind;
  const struct turbine *t = &pr->cfg->wind.turbine;
  char title[400];
  FILE *f = outset_open(o, "windcurve.dat");
  if (!f)
    return -1;
  out_gp_dat_header(f, r, "power curve, and hub-height speed distribution of the year");
  fputs("# index 0: speed [m/s], power [kW] (", f);
  out_gp_dat_text(f, t->name);
  fputs(")\n", f);
  for (int k = 0; k < t->n; k++)
    fprintf(f, "%.3f %.3f\n", t->speed_ms[k], t->power_kw[k]);
  double share[NBINS];
  agg_histogram(pr->n, w->hub_speed_ms, 1.0, NBINS, share);
  fprintf(f, "\n\n# index 1: bin centre [m/s], share of hours [%%], Weibull k %.3f c %.3f [%%]\n",
          w->weibull_k, w->weibull_c);
  for (int b = 0; b < NBINS; b++) {
    double f0 = w->weibull_c > 0 ? 1.0 - exp(-pow(b / w->weibull_c, w->weibull_k)) : 0.0;
    double f1 = w->weibull_c > 0 ? 1.0 - exp(-pow((b + 1) / w->weibull_c, w->weibull_k)) : 0.0;
    fprintf(f, "%.1f %.6f %.6f\n", b + 0.5, share[b], 100.0 * (f1 - f0));
  }
  snprintf(title, sizeof title, "%s: %s power curve and hub-height wind, %.0f m", r->site->name,
           t->name, pr->cfg->wind.hub_height_m);
  if (out_gp_script(o, plots_dir, "windcurve", title, r->n_plants, NULL, d) != 0)
    return -1;
  if (!w->direction_deg)
    return 0;

  static const double edge[NCLASS] = { 0, 3, 6, 9, 12 };
  double rose[NCLASS * NSECT];
  agg_wind_rose(pr->n, w->direction_deg, w->hub_speed_ms, NSECT, edge, NCLASS, rose);
  if (!(f = outset_open(o, "windrose.dat")))
    return -1;
  out_gp_dat_header(f, r,
                    "wind rose: share of hours by direction sector and hub-height speed class");
  fprintf(f, "# one index per speed class; wedges of angle [deg from north], radius [%%]\n");
  double inner[NSECT] = { 0 };
  for (int c = 0; c < NCLASS; c++) {
    fprintf(f, "%s# class %d\n", c ? "\n\n" : "", c);
    for (int sct = 0; sct < NSECT; sct++) {
      double a0 = sct * 360.0 / NSECT - 180.0 / NSECT, a1 = a0 + 360.0 / NSECT;
      double r0 = inner[sct], r1 = inner[sct] + rose[c * NSECT + sct];
      /* outer arc out, inner arc back, closed */
      for (int k = 0; k <= 4; k++)
        fprintf(f, "%.3f %.6f\n", a0 + (a1 - a0) * k / 4, r1);
      for (int k = 4; k >= 0; k--)
        fprintf(f, "%.3f %.6f\n", a0 + (a1 - a0) * k / 4, r0);
      fprintf(f, "%.3f %.6f\n\n", a0, r1);
      inner[sct] = r1;
    }
  }
  snprintf(title, sizeof title, "%s: wind rose at %.0f m (share of hours, %%)", r->site->name,
           pr->cfg->wind.hub_height_m);
  const char *vars = "nclasses = 5\nclasses = \"0-3 3-6 6-9 9-12 >12\"\n";
  return out_gp_script(o, plots_dir, "windrose", title, r->n_plants, vars, d);
}

/* Exceedance curves of the yearly energy: one year and the mean of the
 * multi-year horizon, with the Monte Carlo levels when they were drawn. */
static int exceedance_chart(struct outset *o, const struct sim_result *r, const char *plots_dir,
                            struct diag *d)
{
  enum { N = 99 };
  const struct sim_uncertainty *u = &r->unc;
  double p[N], one[N], many[N];
  unc_exceedance_curve(r->annual_mwh, u->sigma_total, N, p, one);
  unc_exceedance_curve(r->annual_mwh, u->sigma_years, N, p, many);
  FILE *f = outset_open(o, "exceedance.dat");
  if (!f)
    return -1;
  out_gp_dat_header(f, r, "energy exceeded with each probability (normal approximation)");
  fprintf(f, "# sigma one year %.6f, mean of %d years %.6f; ", u->sigma_total, u->years,
          u->sigma_years);
  out_gp_dat_text(f, u->source);
  fputc('\n', f);
  fprintf(f, "# columns: exceedance probability [%%], MWh one year, MWh a year over %d years, "
          "Monte Carlo MWh (one year; NaN where not drawn)\n", u->years);
  for (int i = 0; i < N; i++) {
    double mc = NAN;
    static const int mc_p[4] = { 50, 75, 90, 99 };
    for (int k = 0; k < 4 && u->mc_samples > 0; k++)
      if (fabs(p[i] - mc_p[k]) < 1e-9)
        mc = u->mc_mwh[k];
    fprintf(f, "%.0f %.6f %.6f ", p[i], one[i], many[i]);
    fprintf(f, isnan(mc) ? "NaN\n" : "%.6f\n", mc);
  }
  char title[400], vars[160];
  snprintf(title, sizeof title, "%s: yearly generation exceeded with each probability",
           r->site->name);
  snprintf(vars, sizeof vars, "years = %d\np50_gwh = %.6f\np90_gwh = %.6f\nmc = %d\n", u->years,
           u->p50_mwh / 1000, u->p90_mwh / 1000, u->mc_samples > 0);
  return out_gp_script(o, plots_dir, "exceedance", title, r->n_plants, vars, d);
}

int out_gnuplot(struct outset *o, const struct sim_result *r, const char *plots_dir,
                struct diag *d)
{
  char title[400];
  FILE *f;

  /* Monthly generation. */
  if (!(f = outset_open(o, "monthly.dat")))
    return -1;
  out_gp_dat_header(f, r, "generation by local month [MWh], one column per plant");
  fprintf(f, "# columns: month number, month, then MWh of each plant\n");
  fprintf(f, "\"n\" \"month\"");
  for (int i = 0; i < r->n_plants; i++)
    put_head(f, r->plants[i].cfg->name);
  fputc('\n', f);
  for (int m = 0; m < 12; m++) {
    fprintf(f, "%d %s", m + 1, month_abbr[m]);
    for (int i = 0; i < r->n_plants; i++)
      fprintf(f, " %.6f", r->plants[i].monthly_mwh[m]);
    fputc('\n', f);
  }
  snprintf(title, sizeof title, "%s: monthly generation", r->site->name);
  if (out_gp_script(o, plots_dir, "monthly", title, r->n_plants, NULL, d) != 0)
    return -1;

  /* Average day of each month, all plants together. */
  if (!(f = outset_open(o, "avgday.dat")))
    return -1;
  out_gp_dat_header(f, r, "mean AC power of all plants by local standard hour and month [MW]");
  fprintf(f, "# columns: hour (interval start), then MW in January .. December\n\"hour\"");
  for (int m = 0; m < 12; m++)
    fprintf(f, " \"%s\"", month_abbr[m]);
  fputc('\n', f);
  for (int h = 0; h < 24; h++) {
    fprintf(f, "%d", h);
    for (int m = 0; m < 12; m++) {
      double mw = 0;
      for (int i = 0; i < r->n_plants; i++)
        mw += r->plants[i].avgday_mw[m][h];
      fprintf(f, " %.6f", mw);
    }
    fputc('\n', f);
  }
  snprintf(title, sizeof title, "%s: average day of each month", r->site->name);
  if (out_gp_script(o, plots_dir, "avgday", title, r->n_plants, NULL, d) != 0)
    return -1;

  if (r->balance_mwh.nominal > 0 && losses_chart(o, r, plots_dir, d) != 0)
    return -1;
  for (int i = 0; i < r->n_plants; i++)
    if (r->plants[i].cfg->type == PLANT_WIND) {
      if (wind_charts(o, r, &r->plants[i], plots_dir, d) != 0)
        return -1;
      break; /* the first wind plant's charts */
    }

  /* Lifetime generation and cumulative CO2. */
  if (!(f = outset_open(o, "lifetime.dat")))
    return -1;
  out_gp_dat_header(f, r, "generation and CO2 avoided by operating year");
  fprintf(f, "# year, generation [MWh], CO2 avoided [t], CO2 avoided up to that year [t]\n");
  double cum = 0;
  for (int y = 0; y < r->site->lifetime_years; y++) {
    struct emissions e = r->lifetime_per_year[y];
    cum += e.co2_t;
    fprintf(f, "%d %.6f %.6f %.6f\n", y + 1, r->lifetime_per_year_mwh[y], e.co2_t, cum);
  }
  snprintf(title, sizeof title, "%s: generation and CO2 avoided over %d years", r->site->name,
           r->site->lifetime_years);
  if (out_gp_script(o, plots_dir, "lifetime", title, r->n_plants, NULL, d) != 0)
    return -1;

  if (exceedance_chart(o, r, plots_dir, d) != 0)
    return -1;
  if (out_charts_extra(o, r, plots_dir, d) != 0)
    return -1;

  if (!(f = outset_open(o, "style.gp")))
    return -1;
  return out_copy_template(f, plots_dir, "style.gp", d);
}
