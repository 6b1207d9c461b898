/* Calendar arithmetic; see calendar.h. Eras of 400 years (146097 days)
 * starting on 1 March, so that the leap day ends the year. */
#include "calendar.h"

int64_t calendar_days_from_civil(int year, int month, int day)
{
  int64_t y = year - (month <= 2);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;                                 /* 0..399 */
  int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1; /* 0..365 */
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;         /* 0..146096 */
  return era * 146097 + doe - 719468;
}

void calendar_civil_from_days(int64_t z, int *year, int *month, int *day)
{
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = (int)(doy - (153 * mp + 2) / 5 + 1);
  int m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *year = (int)(yoe + era * 400 + (m <= 2));
  *month = m;
  *day = d;
}

int calendar_day_of_year(int64_t z)
{
  int y, m, d;
  calendar_civil_from_days(z, &y, &m, &d);
  return (int)(z - calendar_days_from_civil(y, 1, 1)) + 1;
}

int calendar_days_in_month(int year, int month)
{
  static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month < 1 || month > 12)
    return 0;
  return mdays[month - 1] + (month == 2 && leap);
}
