/* The hand-over report; see report.h. One writer for both documents: each
 * section is emitted through a small "doc" that knows whether it writes
 * Markdown or HTML, so that the two always hold the same content. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"
#include "datadir.h"
#include "diag.h"
#include "out.h"
#include "outfile.h"
#include "plot.h"
#include "profile.h"
#include "report.h"
#include "sha256file.h"
#include "sim.h"
#include "site.h"
#include "text.h"
#include "transpose.h"
#include "wind_profile.h"

/* Cell separator of row(): the ASCII unit separator, which no name holds
 * (control characters are printed as spaces). */
#define SEP "\x1f"
#define MAX_CHARTS 64
#define MAX_INPUTS 160

struct doc {
  FILE *f;
  int html;
  int cols; /* of the open table; 0 before its header row */
};

/* Text from the inputs, escaped for the document: HTML entities, or a
 * backslash before the Markdown characters that would start markup (and
 * the table's |). Control characters, bidirectional overrides and bytes
 * that are not UTF-8 (text_unsafe_len()) become spaces. */
static void text(struct doc *d, const char *s)
{
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    size_t bad = text_unsafe_len(s);
    if (bad) {
      fputc(' ', d->f);
      s += bad - 1;
    } else if (c >= 0x80) { /* a whole character, checked by text_unsafe_len() */
      fputc(c, d->f);
      while (((unsigned char)s[1] & 0xc0) == 0x80)
        fputc(*++s, d->f);
    } else if (d->html) {
      switch (c) {
      case '&': fputs("&amp;", d->f); break;
      case '<': fputs("&lt;", d->f); break;
      case '>': fputs("&gt;", d->f); break;
      case '"': fputs("&quot;", d->f); break;
      case '\'': fputs("&#39;", d->f); break;
      default: fputc(c, d->f);
      }
    } else {
      if (strchr("\\`*_[]<>|&#", c))
        fputc('\\', d->f);
      fputc(c, d->f);
    }
  }
}

static void textf(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void textf(struct doc *d, const char *fmt, ...)
{
  char buf[4096];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  text(d, buf);
}

static void heading(struct doc *d, int level, const char *s)
{
  if (d->html) {
    fprintf(d->f, "<h%d>", level);
    text(d, s);
    fprintf(d->f, "</h%d>\n", level);
  } else {
    fprintf(d->f, "%.*s ", level, "######");
    text(d, s);
    fputs("\n\n", d->f);
  }
}

static void para_begin(struct doc *d)
{
  if (d->html)
    fputs("<p>", d->f);
}

static void para_end(struct doc *d)
{
  fputs(d->html ? "</p>\n" : "\n\n", d->f);
}

/* A paragraph of formatted (then escaped) text. */
static void para(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void para(struct doc *d, const char *fmt, ...)
{
  char buf[4096];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  para_begin(d);
  text(d, buf);
  para_end(d);
}

static void table_begin(struct doc *d)
{
  d->cols = 0;
  if (d->html)
    fputs("<table>\n", d->f);
}

static void table_end(struct doc *d)
{
  fputs(d->html ? "</table>\n" : "\n", d->f);
}

/* One table row: cells formatted by fmt and separated by SEP. The first
 * row of a table is its header. */
static void row(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void row(struct doc *d, const char *fmt, ...)
{
  char buf[8192];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  int head = d->cols == 0;
  const char *tag = head ? "th" : "td";
  int n = 0;
  if (d->html)
    fputs("<tr>", d->f);
  else
    fputs("|", d->f);
  for (char *cell = buf, *next; cell; cell = next, n++) {
    next = strstr(cell, SEP);
    if (next)
      *next++ = '\0';
    if (d->html)
      fprintf(d->f, "<%s>", tag);
    else
      fputc(' ', d->f);
    text(d, cell);
    if (d->html)
      fprintf(d->f, "</%s>", tag);
    else
      fputs(" |", d->f);
  }
  fputs(d->html ? "</tr>\n" : "\n", d->f);
  if (head) {
    d->cols = n;
    if (!d->html) {
      fputs("|", d->f);
      for (int i = 0; i < n; i++)
        fputs(" --- |", d->f);
      fputs("\n", d->f);
    }
  }
}

/* Preformatted text, verbatim: a <pre> block, or a fenced code block with a
 * fence longer than any run of backticks in s. */
static void pre(struct doc *d, const char *s)
{
  if (d->html) {
    fputs("<pre>", d->f);
    for (; *s; s++) {
      if (*s == '\n') {
        fputc('\n', d->f);
      } else {
        char one[2] = { *s, '\0' };
        text(d, one);
      }
    }
    fputs("</pre>\n", d->f);
    return;
  }
  int run = 0, longest = 0;
  for (const char *p = s; *p; p++) {
    run = *p == '`' ? run + 1 : 0;
    if (run > longest)
      longest = run;
  }
  int fence = longest < 3 ? 3 : longest + 1;
  for (int i = 0; i < fence; i++)
    fputc('`', d->f);
  fputs("text\n", d->f);
  fputs(s, d->f);
  if (*s && s[strlen(s) - 1] != '\n')
    fputc('\n', d->f);
  for (int i = 0; i < fence; i++)
    fputc('`', d->f);
  fputs("\n\n", d->f);
}

/* The file at path as base64 (RFC 4648, no line breaks). 0 or -1 (errno). */
static int base64_file(FILE *out, const char *path)
{
  static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  FILE *in = fopen(path, "rb");
  if (!in)
    return -1;
  unsigned char buf[3 * 4096];
  size_t got;
  while ((got = fread(buf, 1, sizeof buf, in)) > 0) {
    for (size_t i = 0; i < got; i += 3) {
      size_t left = got - i;
      unsigned v = (unsigned)buf[i] << 16;
      if (left > 1)
        v |= (unsigned)buf[i + 1] << 8;
      if (left > 2)
        v |= buf[i + 2];
      fputc(alphabet[(v >> 18) & 63], out);
      fputc(alphabet[(v >> 12) & 63], out);
      fputc(left > 1 ? alphabet[(v >> 6) & 63] : '=', out);
      fputc(left > 2 ? alphabet[v & 63] : '=', out);
    }
    /* A short read mid-file would misplace the padding: fread fills the
     * buffer (a multiple of 3) except at the end or on an error. */
    if (got < sizeof buf)
      break;
  }
  int bad = ferror(in);
  int e = errno;
  fclose(in);
  if (bad) {
    errno = e ? e : EIO;
    return -1;
  }
  return 0;
}

/* A chart with its caption: the image embedded (HTML) or linked beside the
 * report (Markdown). 0 or -1 (errno: the image cannot be read). */
static int figure(struct doc *d, const char *dir, const char *file, const char *fmt,
                  int number, const char *caption)
{
  char path[2048];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  if (!d->html) {
    fputs("![", d->f);
    text(d, caption);
    fprintf(d->f, "](%s)\n\n", file);
    fprintf(d->f, "*Figure %d: ", number);
    text(d, caption);
    fputs("*\n\n", d->f);
    return 0;
  }
  fprintf(d->f, "<div class=\"figure\"><img src=\"data:%s;base64,",
          strcmp(fmt, "svg") == 0 ? "image/svg+xml" : "image/png");
  if (base64_file(d->f, path) != 0)
    return -1;
  fputs("\" alt=\"", d->f);
  text(d, caption);
  fprintf(d->f, "\"><p class=\"caption\">Figure %d: ", number);
  text(d, caption);
  fputs("</p></div>\n", d->f);
  return 0;
}

/* The title a chart script gives its chart (chart_title = "..."), or its
 * file name when it gives none. */
static void chart_caption(const char *dir, const char *gp, char *buf, size_t n)
{
  char path[2048], line[1024];
  snprintf(path, sizeof path, "%s/%s", dir, gp);
  snprintf(buf, n, "%s", gp);
  FILE *f = fopen(path, "r");
  if (!f)
    return;
  static const char key[] = "chart_title = ";
  while (fgets(line, sizeof line, f)) {
    if (strncmp(line, key, sizeof key - 1) != 0)
      continue;
    /* gnuplot strings: '...' with '' for a quote, or "..." with \ escapes */
    const char *p = line + sizeof key - 1;
    char q = *p++;
    if (q != '\'' && q != '"')
      break;
    size_t k = 0;
    for (; *p && k + 1 < n; p++) {
      if (*p == q && !(q == '\'' && p[1] == '\''))
        break;
      if ((q == '"' && *p == '\\' && p[1]) || (q == '\'' && *p == '\''))
        p++;
      buf[k++] = *p;
    }
    buf[k] = '\0';
    break;
  }
  fclose(f);
}


struct input {
  const char *role;
  char path[SITE_PATH_MAX + 64];
};

static int is_file(const char *path)
{
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int add_input(struct input *in, int n, const char *role, const char *path)
{
  if (n == MAX_INPUTS || !path[0])
    return n;
  for (int i = 0; i < n; i++)
    if (strcmp(in[i].path, path) == 0)
      return n;
  in[n].role = role;
  snprintf(in[n].path, sizeof in[n].path, "%s", path);
  return n + 1;
}

/* Every file the run read that can be found again: the site file, each
 * profile, turbine curve files and the factor preset, added after the n
 * inputs already in in[]. Returns the new count. */
static int inputs(const struct sim_result *r, struct input *in, int n)
{
  const struct site *s = r->site;
  n = add_input(in, n, "site file", s->path);
  for (int i = 0; i < r->n_plants; i++) {
    const struct plant_result *pr = &r->plants[i];
    const struct plant_cfg *c = pr->cfg;
    if (c->type == PLANT_PV && pr->profile)
      n = add_input(in, n, "solar profile", pr->profile->path);
    if (c->type == PLANT_WIND) {
      if (pr->wind.profile)
        n = add_input(in, n, "wind profile", pr->wind.profile->path);
      /* The file read, never the curve's own "# source:" text: a file
       * from elsewhere cannot make the report vouch for another file. */
      if (c->wind.curve_path[0])
        n = add_input(in, n, "turbine power curve", c->wind.curve_path);
    }
  }
  char preset[SITE_PATH_MAX + 64];
  snprintf(preset, sizeof preset, "%s/%s.cfg", datadir_factors(), s->factors.name);
  if (is_file(preset))
    n = add_input(in, n, "emission factor preset", preset);
  return n;
}

static const char *plant_type_name(enum plant_type t)
{
  return t == PLANT_WIND ? "wind" : t == PLANT_BIOMASS ? "biomass" : "PV";
}

static void factor_row(struct doc *d, const char *label, const struct factor *x, int used)
{
  if (x->value < 0) {
    row(d, "%s" SEP "none known" SEP SEP SEP "%s" SEP SEP, label, used ? "yes" : "no");
    return;
  }
  row(d, "%s" SEP "%g" SEP "%s" SEP "%s" SEP "%s" SEP "%s" SEP "%s", label, x->value, x->unit,
      x->year, used ? "yes" : "no", x->source, x->note);
}

static void section_summary(struct doc *d, const struct sim_result *r)
{
  const struct site *s = r->site;
  heading(d, 2, "Summary");
  heading(d, 3, "Plants, first operating year");
  table_begin(d);
  row(d, "Plant" SEP "Type" SEP "Capacity MW (AC)" SEP "Capacity MW (DC)" SEP "Annual MWh" SEP
         "Capacity factor %%" SEP "Specific yield kWh/kW");
  double ac = 0, dc = 0;
  for (int i = 0; i < r->n_plants; i++) {
    const struct plant_result *pr = &r->plants[i];
    const struct plant_cfg *c = pr->cfg;
    ac += c->capacity_mw_ac;
    dc += c->capacity_mw_dc;
    row(d, "%s" SEP "%s" SEP "%.3f" SEP "%.3f" SEP "%.3f" SEP "%.2f" SEP "%.1f", c->name,
        plant_type_name(c->type), c->capacity_mw_ac, c->capacity_mw_dc, pr->annual_mwh,
        100 * pr->capacity_factor, pr->specific_yield_kwh_per_kw);
  }
  row(d, "total" SEP "all" SEP "%.3f" SEP "%.3f" SEP "%.3f" SEP "%.2f" SEP "%.1f", ac, dc,
      r->annual_mwh, ac > 0 ? 100 * r->annual_mwh / (ac * 8760.0) : 0.0,
      dc > 0 ? r->annual_mwh / dc : 0.0);
  table_end(d);

  heading(d, 3, "Total");
  table_begin(d);
  row(d, "Quantity" SEP "Value" SEP "Unit");
  row(d, "annual generation" SEP "%.3f" SEP "MWh", r->annual_mwh);
  row(d, "coal saved" SEP "%.3f" SEP "tce", r->annual.coal_tce);
  row(d, "CO2 avoided" SEP "%.3f" SEP "t", r->annual.co2_t);
  row(d, "SO2 avoided" SEP "%.3f" SEP "t", r->annual.so2_t);
  row(d, "NOx avoided" SEP "%.3f" SEP "t", r->annual.nox_t);
  row(d, "dust avoided" SEP "%.3f" SEP "t", r->annual.dust_t);
  row(d, "lifetime generation (%d years)" SEP "%.3f" SEP "MWh", s->lifetime_years,
      r->lifetime_mwh);
  row(d, "lifetime coal saved" SEP "%.3f" SEP "tce", r->lifetime.coal_tce);
  row(d, "lifetime CO2 avoided" SEP "%.3f" SEP "t", r->lifetime.co2_t);
  table_end(d);

  const struct sim_uncertainty *u = &r->unc;
  heading(d, 3, "Exceedance levels of annual generation");
  table_begin(d);
  row(d, "Level" SEP "Annual MWh" SEP "Coal saved tce" SEP "CO2 avoided t");
  static const char *const one[] = { "P50", "P75", "P90", "P99" };
  const double mwh[7] = { u->p50_mwh, u->p75_mwh, u->p90_mwh, u->p99_mwh,
                          u->p75_years_mwh, u->p90_years_mwh, u->p99_years_mwh };
  for (int k = 0; k < 7; k++) {
    char level[64];
    if (k < 4)
      snprintf(level, sizeof level, "%s, one year", one[k]);
    else
      snprintf(level, sizeof level, "%s, %d-year mean (a year)", one[k - 3], u->years);
    row(d, "%s" SEP "%.3f" SEP "%.3f" SEP "%.3f", level, mwh[k], u->coal_tce[k], u->co2_t[k]);
  }
  table_end(d);
  para(d, "Uncertainty: one-year sigma %.2f %%, %d-year sigma %.2f %% (%s).",
       100 * u->sigma_total, u->years, 100 * u->sigma_years, u->source);

  int any_lcoe = 0;
  for (int i = 0; i < r->n_plants; i++)
    any_lcoe |= r->plants[i].has_lcoe;
  if (any_lcoe) {
    heading(d, 3, "Levelised cost of energy");
    table_begin(d);
    row(d, "Plant" SEP "LCOE per MWh" SEP "Currency" SEP "Discount rate %%" SEP
           "PV of costs" SEP "PV of energy MWh");
    for (int i = 0; i < r->n_plants; i++) {
      const struct plant_result *pr = &r->plants[i];
      if (pr->has_lcoe)
        row(d, "%s" SEP "%.2f" SEP "%s" SEP "%.1f" SEP "%.0f" SEP "%.0f", pr->cfg->name,
            pr->lcoe_per_mwh, pr->currency, 100 * pr->cfg->econ.discount_rate, pr->lcoe_pv_costs,
            pr->lcoe_pv_energy_mwh);
    }
    table_end(d);
    para(d, "Real, end-of-year discounting, over %d years.", s->lifetime_years);
  }
}

static void section_factors(struct doc *d, const struct sim_result *r)
{
  const struct emission_factors *ef = &r->site->factors;
  heading(d, 2, "Emission factors");
  if (ef->method == EMIS_GRID)
    para(d, "Preset %s (%s). Method grid: CO2 avoided = generation x grid factor; coal saved = "
            "generation x coal rate.", ef->name, ef->title);
  else if (ef->method == EMIS_CM)
    para(d, "Preset %s (%s). Method combined margin (CDM Tool07): CO2 avoided = generation x "
            "(w_OM OM + w_BM BM); wind and solar 0.75/0.25 (%.4f t/MWh), other plants 0.5/0.5 "
            "(%.4f t/MWh).", ef->name, ef->title, emissions_cm_factor(ef, EMIS_TECH_WIND_SOLAR),
         emissions_cm_factor(ef, EMIS_TECH_OTHER));
  else
    para(d, "Preset %s (%s). Method coal: coal saved = generation x coal rate; CO2 avoided = "
            "coal saved x CO2 per tce.", ef->name, ef->title);
  table_begin(d);
  row(d, "Factor" SEP "Value" SEP "Unit" SEP "Year" SEP "Used" SEP "Source" SEP "Note");
  factor_row(d, "coal rate", &ef->coal_rate, 1);
  factor_row(d, "CO2 per tce", &ef->co2_per_tce, ef->method == EMIS_COAL);
  factor_row(d, "grid factor", &ef->grid, ef->method == EMIS_GRID);
  if (ef->om.value >= 0 || ef->bm.value >= 0) {
    factor_row(d, "operating margin", &ef->om, ef->method == EMIS_CM);
    factor_row(d, "build margin", &ef->bm, ef->method == EMIS_CM);
  }
  factor_row(d, "SO2", &ef->so2, 1);
  factor_row(d, "NOx", &ef->nox, 1);
  factor_row(d, "dust", &ef->dust, 1);
  table_end(d);
  if (ef->change_per_year != 0)
    para(d, "CO2 trajectory: %+.2f %%/yr, compounded from operating year 2 (site file).",
         100 * ef->change_per_year);
}

static void section_models(struct doc *d, const struct sim_result *r)
{
  heading(d, 2, "Model choices");
  table_begin(d);
  row(d, "Plant" SEP "Choice" SEP "Value");
  for (int i = 0; i < r->n_plants; i++) {
    const struct plant_result *pr = &r->plants[i];
    const struct plant_cfg *c = pr->cfg;
    const char *n = c->name;
    if (c->type == PLANT_PV) {
      const struct pv_params *pv = &c->pv;
      if (pv->model == PV_MODEL_PVWATTS_V8)
        row(d, "%s" SEP "model" SEP "PVWatts v8, %s module%s", n,
            pv_module_type_name(pv->module_type), pv->bifacial ? ", bifacial" : "");
      else
        row(d, "%s" SEP "model" SEP "PVWatts v5%s", n, pv->bifacial ? ", bifacial" : "");
      if (pv->mount == PV_MOUNT_SINGLE_AXIS)
        row(d, "%s" SEP "mounting" SEP "single-axis tracker, axis tilt %.1f deg, azimuth %.1f "
               "deg, +-%.0f deg%s, GCR %.2f", n, pv->track.axis_tilt_deg,
            pv->track.axis_azimuth_deg, pv->track.max_angle_deg,
            pv->track.backtrack ? ", backtracking" : "", pv->gcr);
      else if (pv->mount == PV_MOUNT_TWO_AXIS)
        row(d, "%s" SEP "mounting" SEP "two-axis tracker", n);
      else
        row(d, "%s" SEP "mounting" SEP "fixed, tilt %.1f deg, azimuth %.1f deg, %s, GCR %.2f", n,
            pv->tilt_deg, pv->azimuth_deg,
            pv->racking == PV_RACK_ROOF ? "roof mount" : "open rack", pv->gcr);
      row(d, "%s" SEP "sky model" SEP "%s", n, transpose_model_name(pv->sky));
      row(d, "%s" SEP "temperature model" SEP "%s", n,
          pv->model == PV_MODEL_PVWATTS_V8 ? "noct" : pv_temp_model_name(pv->temp_model));
      row(d, "%s" SEP "DC/AC ratio" SEP "%.2f", n, c->dc_ac_ratio);
      row(d, "%s" SEP "DC losses" SEP "%.2f %% in all", n, 100 * pr->dc_loss_frac);
      row(d, "%s" SEP "degradation" SEP "%.2f %%/yr, %s", n, 100 * c->degradation_per_year,
          c->degradation_linear ? "linear" : "compounded");
    } else if (c->type == PLANT_WIND) {
      const struct wind_cfg *w = &c->wind;
      row(d, "%s" SEP "turbine" SEP "%d x %s, %.0f kW, rotor %.0f m (%s)", n, w->count,
          w->turbine.name, w->turbine.rated_kw, w->turbine.rotor_diameter_m, w->turbine.source);
      row(d, "%s" SEP "hub height" SEP "%.0f m; %s", n, w->hub_height_m, pr->wind.height_note);
      row(d, "%s" SEP "density correction" SEP "%s", n, pr->wind.density_note);
      row(d, "%s" SEP "wake model" SEP "%s", n,
          w->wake == WIND_WAKE_PARK    ? "Park"
          : w->wake == WIND_WAKE_FIXED ? "fixed loss"
                                       : "none");
    } else {
      static const char *const disp[] = { "baseload", "schedule", "fill" };
      const struct biomass_params *b = &c->bio;
      row(d, "%s" SEP "dispatch" SEP "%s", n, disp[b->dispatch]);
      row(d, "%s" SEP "efficiency" SEP "%.1f %% (net)", n, 100 * b->efficiency);
      row(d, "%s" SEP "availability" SEP "%.1f %%", n, 100 * b->availability);
      row(d, "%s" SEP "fuel" SEP "%s", n,
          c->bio_fuel_limited ? "limited by the feedstocks given" : "capacity-driven");
    }
  }
  table_end(d);
  para(d, "The full text summary below gives every other setting and the energy balance.");
}

/* The charts of the set, read from its staging folder. */
static int section_charts(struct doc *d, const struct outset *o, const char *fmt)
{
  heading(d, 2, "Charts");
  const char *names[MAX_CHARTS];
  int n = plot_chart_scripts(o, names, MAX_CHARTS);
  const char *stage = outset_stage(o);
  int bad = 0, shown = 0;
  for (int i = 0; i < n; i++) {
    char file[300], caption[1024];
    snprintf(file, sizeof file, "%.*s.%s", (int)(strlen(names[i]) - 3), names[i], fmt);
    chart_caption(stage, names[i], caption, sizeof caption);
    if (!bad && outset_has(o, file))
      bad = figure(d, stage, file, fmt, ++shown, caption) != 0;
  }
  if (shown == 0)
    para(d, "No chart was rendered.");
  return bad ? -1 : 0;
}

static void input_table(struct doc *d, const struct input *in, int n)
{
  heading(d, 2, "Input files");
  table_begin(d);
  row(d, "Role" SEP "Path" SEP "Bytes" SEP "SHA-256");
  for (int i = 0; i < n; i++) {
    struct stat st;
    char hex[65];
    if (stat(in[i].path, &st) != 0 || sha256_file(in[i].path, hex) != 0)
      row(d, "%s" SEP "%s" SEP SEP "cannot read: %s", in[i].role, in[i].path, strerror(errno));
    else
      row(d, "%s" SEP "%s" SEP "%lld" SEP "%s", in[i].role, in[i].path, (long long)st.st_size,
          hex);
  }
  table_end(d);
}

static void section_inputs(struct doc *d, const struct sim_result *r, const char *const *sets,
                           int n_sets)
{
  struct input in[MAX_INPUTS];
  input_table(d, in, inputs(r, in, 0));
  if (n_sets == 0) {
    para(d, "No --set overrides.");
    return;
  }
  para_begin(d);
  text(d, "Overrides given with --set, in this order:");
  for (int i = 0; i < n_sets; i++)
    textf(d, "%s %s", i ? "," : "", sets[i]);
  para_end(d);
}

static const char css[] =
  "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222;"
  "line-height:1.4}\n"
  "table{border-collapse:collapse;margin:0.5em 0 1.5em}\n"
  "th,td{border:1px solid #bbb;padding:0.2em 0.5em;vertical-align:top}\n"
  "th{background:#eee;text-align:left}\n"
  "td{font-variant-numeric:tabular-nums}\n"
  "pre{background:#f6f6f6;padding:0.8em;overflow-x:auto;font-size:0.85em}\n"
  ".figure{margin:1em 0 2em}\n"
  ".figure img{max-width:100%;height:auto;border:1px solid #ddd}\n"
  ".caption{font-style:italic;margin:0.3em 0}\n";

static void document_begin(struct doc *d, const char *title)
{
  if (d->html) {
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
          d->f);
    text(d, title);
    fprintf(d->f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
  }
  heading(d, 1, title);
}

static void document_end(struct doc *d)
{
  if (d->html)
    fputs("</body>\n</html>\n", d->f);
}

static int document(struct doc *d, const struct outset *o, const struct sim_result *r,
                    const char *const *sets, int n_sets, const char *fmt, const char *date,
                    const char *summary)
{
  const struct site *s = r->site;
  document_begin(d, s->name);
  para(d, "Made by %s on %s (UTC) from the site file %s: location %.4f, %.4f, %.0f m; "
          "plants: %d; lifetime %d years.", OUT_PROGRAM, date, s->path, s->latitude, s->longitude,
       s->elevation_m, r->n_plants, s->lifetime_years);
  section_summary(d, r);
  section_factors(d, r);
  section_models(d, r);
  int bad = section_charts(d, o, fmt);
  section_inputs(d, r, sets, n_sets);
  heading(d, 2, "Full text summary");
  pre(d, summary);
  document_end(d);
  return bad;
}

struct book {
  const char *title, *bond_path, *summary;
  const struct sim_result *const *runs;
  int n_runs;
};

static int book_document(struct doc *d, const struct outset *o, const struct book *b, const char *fmt,
                         const char *date)
{
  document_begin(d, b->title);
  para(d, "Made by %s on %s (UTC) from the bond file %s: %d distinct projects, each "
          "simulated once.", OUT_PROGRAM, date, b->bond_path, b->n_runs);
  heading(d, 2, "Impact report");
  pre(d, b->summary);
  int bad = section_charts(d, o, fmt);
  struct input in[MAX_INPUTS];
  int n = add_input(in, 0, "bond file", b->bond_path);
  for (int i = 0; i < b->n_runs; i++)
    n = inputs(b->runs[i], in, n);
  input_table(d, in, n);
  para(d, "Each project's own report: renewcalc report SITE.cfg -o DIR.");
  document_end(d);
  return bad;
}

static void date_text(time_t when, char date[32])
{
  struct tm tm;
  if (!gmtime_r(&when, &tm) || strftime(date, 32, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
    snprintf(date, 32, "unknown");
}

/* What a report document holds: a site run or a book. */
struct content {
  const struct sim_result *r;       /* a site ... */
  const struct profile *const *profiles;
  const char *const *sets;
  int n_sets;
  const char *summary;
  const struct book *book;          /* ... or a book (r NULL) */
};

static int write_one(struct doc *d, const struct outset *o, const struct content *c,
                     const char *fmt, const char *date)
{
  return c->book ? book_document(d, o, c->book, fmt, date)
                 : document(d, o, c->r, c->sets, c->n_sets, fmt, date, c->summary);
}

/* report.md and report.html into the set. */
static int write_pair(struct outset *o, const struct content *c, const char *fmt, time_t when,
                      struct diag *d)
{
  char date[32];
  date_text(when, date);
  struct doc md = { NULL, 0, 0 }, html = { NULL, 1, 0 };
  int bad = !(md.f = outset_open(o, "report.md")) || write_one(&md, o, c, fmt, date) != 0;
  bad = bad || !(html.f = outset_open(o, "report.html")) ||
        write_one(&html, o, c, fmt, date) != 0;
  if (bad && diag_count(d) == 0)
    diag_errno(d, "cannot write the report in", outset_dir(o));
  return bad ? -1 : 0;
}

int report_write(struct outset *o, const struct sim_result *r,
                 const struct profile *const *profiles, const char *const *sets, int n_sets,
                 const char *plot_format, time_t when, struct diag *d)
{
  char *summary = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&summary, &len);
  if (!mem) {
    diag_msg(d, "out of memory");
    return -1;
  }
  int bad = out_text(mem, r, profiles) != 0;
  if (fclose(mem) != 0 || bad || !summary) {
    free(summary);
    diag_msg(d, "out of memory");
    return -1;
  }
  struct content c = { r, profiles, sets, n_sets, summary, NULL };
  int rc = write_pair(o, &c, plot_format, when, d);
  free(summary);
  return rc;
}

int report_write_book(struct outset *o, const char *title, const char *bond_path,
                      const struct sim_result *const *runs, int n_runs, const char *summary,
                      const char *plot_format, time_t when, struct diag *d)
{
  struct book b = { title, bond_path, summary, runs, n_runs };
  struct content c = { NULL, NULL, NULL, 0, NULL, &b };
  return write_pair(o, &c, plot_format, when, d);
}
