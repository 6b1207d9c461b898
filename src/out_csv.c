/* CSV writers; see out.h. Comma-separated, '.' decimal point, one header row.
 * Plant names are text cells, always quoted (text_put_csv_cell()). */
#include <time.h>

#include "out.h"
#include "profile.h"
#include "sim.h"
#include "site.h"
#include "text.h"
#include "wind_profile.h"

int out_csv_summary(FILE *f, const struct sim_result *r)
{
  fprintf(f, "plant,type,capacity_mw_ac,capacity_mw_dc,annual_generation_mwh,capacity_factor,"
             "specific_yield_kwh_per_kw,poa_kwh_per_m2,clipping_loss_mwh,coal_saved_tce,"
             "co2_avoided_t,so2_avoided_t,nox_avoided_t,dust_avoided_t,lifetime_generation_mwh,"
             "annualised_from_days\n");
  double ac = 0, dc = 0;
  for (int i = 0; i < r->n_plants; i++) {
    const struct plant_result *p = &r->plants[i];
    text_put_csv_cell(f, p->cfg->name, TEXT_CSV_QUOTE_ALWAYS);
    fprintf(f, ",%s,%.6f,%.6f,%.6f,%.6f,%.3f,%.3f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,",
            p->cfg->type == PLANT_WIND ? "wind" : "pv", p->cfg->capacity_mw_ac,
            p->cfg->capacity_mw_dc, p->annual_mwh, p->capacity_factor,
            p->specific_yield_kwh_per_kw, p->poa_kwh_m2, p->clipping_mwh, p->annual.coal_tce,
            p->annual.co2_t, p->annual.so2_t, p->annual.nox_t, p->annual.dust_t,
            p->lifetime_mwh);
    /* Empty: a year or more of data; else the days the figures are scaled
     * up from (plants[i].annualise). */
    if (p->annualised_days > 0)
      fprintf(f, "%.4f", p->annualised_days);
    fputc('\n', f);
    ac += p->cfg->capacity_mw_ac;
    dc += p->cfg->capacity_mw_dc;
  }
  fprintf(f, "\"total\",all,%.6f,%.6f,%.6f,%.6f,%.3f,,,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,\n", ac, dc,
          r->annual_mwh, r->annual_mwh / (ac * 8760.0), r->annual_mwh / dc, r->annual.coal_tce,
          r->annual.co2_t, r->annual.so2_t, r->annual.nox_t, r->annual.dust_t, r->lifetime_mwh);
  return ferror(f) ? -1 : 0;
}

static void iso_time(char *buf, size_t n, int64_t t, double offset_h)
{
  int off_min = (int)(offset_h * 60.0 + (offset_h >= 0 ? 0.5 : -0.5));
  time_t lt = (time_t)(t + off_min * 60);
  struct tm tm;
  gmtime_r(&lt, &tm);
  int a = off_min < 0 ? -off_min : off_min;
  snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d%c%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
           tm.tm_mday, tm.tm_hour, tm.tm_min, off_min < 0 ? '-' : '+', a / 60, a % 60);
}

int out_csv_hourly(FILE *f, const struct sim_result *r)
{
  fprintf(f, "plant,time_start,poa_wm2,t_cell_c,dc_kw,ac_kw,clipping_kw\n");
  for (int i = 0; i < r->n_plants; i++) {
    const struct plant_result *p = &r->plants[i];
    int pv = p->cfg->type == PLANT_PV;
    for (size_t k = 0; k < p->n; k++) {
      char t[96];
      iso_time(t, sizeof t, p->t_utc[k], p->utc_offset_h);
      if (pv)
        fprintf(f, "%d,%s,%.2f,%.2f,%.3f,%.3f,%.3f\n", i + 1, t, p->s.poa_wm2[k],
                p->s.t_cell_c[k], p->s.dc_kw[k], p->s.ac_kw[k], p->s.clip_kw[k]);
      else /* wind and biomass: AC only (wind details in hourly_wind.csv) */
        fprintf(f, "%d,%s,,,,%.3f,\n", i + 1, t, p->s.ac_kw[k]);
    }
  }
  return ferror(f) ? -1 : 0;
}

int out_csv_monthly(FILE *f, const struct sim_result *r)
{
  fprintf(f, "month");
  for (int i = 0; i < r->n_plants; i++) {
    fputc(',', f);
    text_put_csv_cell(f, r->plants[i].cfg->name, TEXT_CSV_QUOTE_ALWAYS);
  }
  fprintf(f, ",total_mwh\n");
  for (int m = 0; m < 12; m++) {
    double sum = 0;
    fprintf(f, "%d", m + 1);
    for (int i = 0; i < r->n_plants; i++) {
      fprintf(f, ",%.6f", r->plants[i].monthly_mwh[m]);
      sum += r->plants[i].monthly_mwh[m];
    }
    fprintf(f, ",%.6f\n", sum);
  }
  return ferror(f) ? -1 : 0;
}

int out_csv_lifetime(FILE *f, const struct sim_result *r)
{
  fprintf(f, "year,generation_mwh,coal_saved_tce,co2_avoided_t,co2_avoided_cumulative_t\n");
  double cum = 0.0;
  for (int y = 0; y < r->site->lifetime_years; y++) {
    struct emissions e = r->lifetime_per_year[y];
    cum += e.co2_t;
    fprintf(f, "%d,%.6f,%.6f,%.6f,%.6f\n", y + 1, r->lifetime_per_year_mwh[y], e.coal_tce, e.co2_t,
            cum);
  }
  return ferror(f) ? -1 : 0;
}

int out_csv_hourly_wind(FILE *f, const struct sim_result *r)
{
  fprintf(f, "plant,time_start,hub_speed_m_s,direction_deg,free_stream_kw,ac_kw\n");
  for (int i = 0; i < r->n_plants; i++) {
    const struct plant_result *p = &r->plants[i];
    if (p->cfg->type != PLANT_WIND)
      continue;
    const struct wind_result *w = &p->wind;
    for (size_t k = 0; k < p->n; k++) {
      char t[96];
      iso_time(t, sizeof t, w->profile->t_utc[k], w->profile->utc_offset_h);
      fprintf(f, "%d,%s,%.3f,", i + 1, t, w->hub_speed_ms[k]);
      if (w->direction_deg)
        fprintf(f, "%.1f", w->direction_deg[k]);
      fprintf(f, ",%.3f,%.3f\n", w->gross_kw[k], p->s.ac_kw[k]);
    }
  }
  return ferror(f) ? -1 : 0;
}
