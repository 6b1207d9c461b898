/* gnuplot data and scripts; see out.h. Each chart is a .dat with a commented
 * header and a .gp made of a few generated variable lines followed by the
 * template from plots/, which loads the shared style.gp copied alongside, so
 * `gnuplot NAME.gp` renders it in the output folder as it stands. */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "diag.h"
#include "out.h"
#include "outfile.h"
#include "profile.h"
#include "sim.h"
#include "site.h"

static const char *month_abbr[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

void out_gp_string(FILE *f, const char *s)
{
  fputc('"', f);
  for (; *s; s++) {
    if (*s == '"' || *s == '\\')
      fputc('\\', f);
    fputc(*s, f);
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

static int script(struct outset *o, const char *plots_dir, const char *chart, const char *title,
                  int nplants, struct diag *d)
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
  fprintf(f, "\ndatafile = \"%s.dat\"\nnplants = %d\n", chart, nplants);
  fprintf(f, "if (!exists(\"outbase\")) outbase = \"%s\"\nload \"style.gp\"\n\n", chart);
  return out_copy_template(f, plots_dir, name, d);
}

/* Column header token: the name in double quotes for gnuplot's columnhead. */
static void put_head(FILE *f, const char *s)
{
  fputc(' ', f);
  out_gp_string(f, s);
}

/* One row of the loss waterfall: the energy before and after the step. */
static void put_step(FILE *f, const char *name, double lost, double *left)
{
  fprintf(f, "\"%s\" %.6f %.6f\n", name, *left, *left - lost);
  *left -= lost;
}

static void dat_header(FILE *f, const struct sim_result *r, const char *what)
{
  fprintf(f, "# %s: %s\n# site: %s (%s)\n", OUT_PROGRAM, what, r->site->name, r->site->path);
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
  dat_header(f, r, "energy balance of the PV plants, year 1: step, MWh before, MWh after");
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
  if (script(o, plots_dir, "losses", title, r->n_plants, d) != 0)
    return -1;
  return 0;
}

int out_gnuplot(struct outset *o, const struct sim_result *r, const char *plots_dir,
                struct diag *d)
{
  char title[400];
  FILE *f;

  /* Monthly generation. */
  if (!(f = outset_open(o, "monthly.dat")))
    return -1;
  dat_header(f, r, "generation by local month [MWh], one column per plant");
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
  if (script(o, plots_dir, "monthly", title, r->n_plants, d) != 0)
    return -1;

  /* Average day of each month, all plants together. */
  if (!(f = outset_open(o, "avgday.dat")))
    return -1;
  dat_header(f, r, "mean AC power of all plants by local standard hour and month [MW]");
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
  if (script(o, plots_dir, "avgday", title, r->n_plants, d) != 0)
    return -1;

  if (r->balance_mwh.nominal > 0 && losses_chart(o, r, plots_dir, d) != 0)
    return -1;

  /* Lifetime generation and cumulative CO2. */
  if (!(f = outset_open(o, "lifetime.dat")))
    return -1;
  dat_header(f, r, "generation and CO2 avoided by operating year");
  fprintf(f, "# year, generation [MWh], CO2 avoided [t], CO2 avoided up to that year [t]\n");
  double cum = 0;
  for (int y = 0; y < r->site->lifetime_years; y++) {
    struct emissions e;
    emissions_for(&r->site->factors, r->lifetime_per_year_mwh[y], &e);
    cum += e.co2_t;
    fprintf(f, "%d %.6f %.6f %.6f\n", y + 1, r->lifetime_per_year_mwh[y], e.co2_t, cum);
  }
  snprintf(title, sizeof title, "%s: generation and CO2 avoided over %d years", r->site->name,
           r->site->lifetime_years);
  if (script(o, plots_dir, "lifetime", title, r->n_plants, d) != 0)
    return -1;

  if (!(f = outset_open(o, "style.gp")))
    return -1;
  return out_copy_template(f, plots_dir, "style.gp", d);
}
