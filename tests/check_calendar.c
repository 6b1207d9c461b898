/* Tests of the calendar arithmetic (calendar.c): published day numbers and
 * a round trip over 5,000 years. */
#include <check.h>
#include <stdlib.h>

#include "calendar.h"

/* Day counts from 1970-01-01: 2023-06-21 00:00 UTC is unix time 1687305600
 * = 19529 x 86400; 2000-03-01 is 11017 (10957 days to 2000-01-01, + 31 + 29);
 * 1969-12-31 is -1; 1900-03-01 is -25508 (1900 is not a leap year). */
START_TEST(test_known_days)
{
  ck_assert_int_eq(calendar_days_from_civil(1970, 1, 1), 0);
  ck_assert_int_eq(calendar_days_from_civil(2023, 6, 21), 19529);
  ck_assert_int_eq(calendar_days_from_civil(2000, 3, 1), 11017);
  ck_assert_int_eq(calendar_days_from_civil(1969, 12, 31), -1);
  ck_assert_int_eq(calendar_days_from_civil(1900, 3, 1) - calendar_days_from_civil(1900, 2, 28), 1);
  ck_assert_int_eq(calendar_day_of_year(calendar_days_from_civil(2024, 12, 31)), 366);
  ck_assert_int_eq(calendar_day_of_year(calendar_days_from_civil(2023, 12, 31)), 365);
  ck_assert_int_eq(calendar_day_of(-1), -1);
  ck_assert_int_eq(calendar_day_of(86399), 0);
  ck_assert_int_eq(calendar_day_of(-86400), -1);
}
END_TEST

/* Every day from 1600-01-01 to 2399-12-31 (two full 400-year cycles of
 * the Gregorian calendar) converts back to itself and follows its
 * predecessor. */
START_TEST(test_round_trip)
{
  int64_t first = calendar_days_from_civil(1600, 1, 1), last = calendar_days_from_civil(2399, 12, 31);
  int py = 1599, pm = 12, pd = 31, bad = 0;
  for (int64_t z = first; z <= last; z++) {
    int y, m, d;
    calendar_civil_from_days(z, &y, &m, &d);
    int next_day = d == pd + 1 && m == pm && y == py;
    int next_month = d == 1 && ((m == pm + 1 && y == py) || (m == 1 && pm == 12 && y == py + 1));
    if (calendar_days_from_civil(y, m, d) != z || !(next_day || next_month))
      ck_abort_msg("day %lld gives %04d-%02d-%02d after %04d-%02d-%02d", (long long)z, y, m, d,
                   py, pm, pd);
    py = y, pm = m, pd = d;
    bad += m == 2 && d == 29 && (y % 4 != 0 || (y % 100 == 0 && y % 400 != 0));
  }
  ck_assert_int_eq(bad, 0);
  /* 800 years hold 2 x 146097 days */
  ck_assert_int_eq(last - first + 1, 2 * 146097);
}
END_TEST

Suite *make_calendar_suite(void)
{
  Suite *s = suite_create("calendar");
  TCase *tc = tcase_create("calendar");
  tcase_add_test(tc, test_known_days);
  tcase_add_test(tc, test_round_trip);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_calendar_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
