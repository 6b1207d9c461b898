/* Aggregation of interval results; see aggregate.h. */
#include "aggregate.h"

#include <math.h>

#include "calendar.h"
#include "units.h"

void agg_local_calendar(size_t n, const int64_t *t_utc, double utc_offset_h,
                        unsigned char *month, unsigned char *hour)
{
  int64_t shift = (int64_t)llround(utc_offset_h * UNITS_S_PER_H);
  int64_t day = INT64_MIN;
  int y = 0, m = 1, d = 1;
  for (size_t i = 0; i < n; i++) {
    int64_t t = t_utc[i] + shift;
    int64_t z = calendar_day_of(t);
    if (z != day) { /* one calendar conversion per day, not per interval */
      day = z;
      calendar_civil_from_days(z, &y, &m, &d);
    }
    month[i] = (unsigned char)(m - 1);
    hour[i] = (unsigned char)((t - z * 86400) / 3600);
  }
}

int agg_calendar_year_mwh(size_t n, const int64_t *t_utc, double utc_offset_h, int interval_s,
                          const double *p_kw, int max_years, double *out_mwh)
{
  int64_t shift = (int64_t)llround(utc_offset_h * UNITS_S_PER_H);
  double kwh_per_kw = interval_s / UNITS_S_PER_H;
  int found = 0;
  size_t i = 0;
  while (i < n) {
    int year, m, d;
    calendar_civil_from_days(calendar_day_of(t_utc[i] + shift), &year, &m, &d);
    int64_t start = calendar_days_from_civil(year, 1, 1) * 86400 - shift;
    int64_t end = calendar_days_from_civil(year + 1, 1, 1) * 86400 - shift;
    double e = 0.0;
    size_t count = 0;
    for (; i < n && t_utc[i] < end; i++, count++)
      e += p_kw[i];
    if ((int64_t)(count + 1) * interval_s >= end - start) {
      if (found < max_years)
        out_mwh[found] = e * kwh_per_kw / 1000.0;
      found++;
    }
  }
  return found;
}

double agg_monthly_mwh(size_t n, const unsigned char *month, const double *p_kw,
                       int interval_s, double out_mwh[12])
{
  double kwh_per_kw = interval_s / UNITS_S_PER_H;
  for (int m = 0; m < 12; m++)
    out_mwh[m] = 0.0;
  for (size_t i = 0; i < n; i++)
    out_mwh[month[i]] += p_kw[i] * kwh_per_kw;
  double total = 0.0;
  for (int m = 0; m < 12; m++) {
    out_mwh[m] /= 1000.0;
    total += out_mwh[m];
  }
  return total;
}

void agg_average_day_mw(size_t n, const unsigned char *month, const unsigned char *hour,
                        const double *p_kw, double out_mw[12][24])
{
  double count[12][24] = { { 0 } };
  for (int m = 0; m < 12; m++)
    for (int h = 0; h < 24; h++)
      out_mw[m][h] = 0.0;
  for (size_t i = 0; i < n; i++) {
    out_mw[month[i]][hour[i]] += p_kw[i];
    count[month[i]][hour[i]] += 1.0;
  }
  for (int m = 0; m < 12; m++)
    for (int h = 0; h < 24; h++)
      out_mw[m][h] = count[m][h] > 0 ? out_mw[m][h] / count[m][h] / 1000.0 : 0.0;
}

double agg_degradation_factor(double d, int year, int linear)
{
  double f = linear ? 1.0 - d * (year - 1) : pow(1.0 - d, year - 1);
  return f > 0.0 ? f : 0.0;
}

double agg_quadratic(double x0, double y0, double x1, double y1, double x2, double y2,
                     double x)
{
  /* Lagrange form. */
  return y0 * (x - x1) * (x - x2) / ((x0 - x1) * (x0 - x2)) +
         y1 * (x - x0) * (x - x2) / ((x1 - x0) * (x1 - x2)) +
         y2 * (x - x0) * (x - x1) / ((x2 - x0) * (x2 - x1));
}

void agg_histogram(size_t n, const double *v, double width, int nbins, double *share_pct)
{
  for (int i = 0; i < nbins; i++)
    share_pct[i] = 0.0;
  for (size_t k = 0; k < n; k++) {
    int i = v[k] > 0 ? (int)(v[k] / width) : 0;
    share_pct[i < nbins ? i : nbins - 1] += 1.0;
  }
  for (int i = 0; i < nbins && n > 0; i++)
    share_pct[i] *= 100.0 / (double)n;
}

void agg_wind_rose(size_t n, const double *dir_deg, const double *v, int nsectors,
                   const double *edge, int nclasses, double *share_pct)
{
  double width = 360.0 / nsectors;
  for (int i = 0; i < nsectors * nclasses; i++)
    share_pct[i] = 0.0;
  for (size_t k = 0; k < n; k++) {
    double d = fmod(dir_deg[k] + 0.5 * width, 360.0);
    int s = (int)((d < 0 ? d + 360.0 : d) / width) % nsectors;
    int c = 0;
    while (c + 1 < nclasses && v[k] >= edge[c + 1])
      c++;
    share_pct[c * nsectors + s] += 1.0;
  }
  for (int i = 0; i < nsectors * nclasses && n > 0; i++)
    share_pct[i] *= 100.0 / (double)n;
}
