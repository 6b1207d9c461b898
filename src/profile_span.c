/* Profile span against a year; see profile_span.h. */
#include "profile_span.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "units.h"

double profile_span_days(size_t n, int interval_s)
{
  return (double)n * interval_s / UNITS_S_PER_DAY;
}

void profile_span_days_text(char *buf, size_t size, double days)
{
  if (fabs(days - round(days)) < 1e-9) {
    snprintf(buf, size, "%.0f", days);
    return;
  }
  snprintf(buf, size, "%.2f", days);
  size_t len = strlen(buf);
  while (len > 0 && buf[len - 1] == '0')
    buf[--len] = '\0';
  if (len > 0 && buf[len - 1] == '.')
    buf[--len] = '\0';
}

int profile_span_check(const char *path, size_t n, int interval_s, int annualise,
                       struct diag *d)
{
  double days = profile_span_days(n, interval_s);
  if (annualise || days >= PROFILE_SPAN_YEAR_DAYS)
    return 0;
  char t[32];
  profile_span_days_text(t, sizeof t, days);
  diag_at(d, path, 0, "expected at least one year of data (%.0f days), got %s %s (%zu "
          "intervals); set annualise = true in the plant to scale it",
          PROFILE_SPAN_YEAR_DAYS, t, days == 1.0 ? "day" : "days", n);
  return -1;
}

double profile_span_annualised_days(size_t n, int interval_s, int annualise)
{
  double days = profile_span_days(n, interval_s);
  return annualise && days < PROFILE_SPAN_YEAR_DAYS ? days : 0.0;
}
