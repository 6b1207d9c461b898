/* Unit tests for sky_check.c: GHI above clear sky by more than the
 * hourly cloud-enhancement margin 1.1 x clear + 50 W/m2 (sky_check.h). */
#include <check.h>
#include <math.h>
#include <stdlib.h>

#include "sky_check.h"

/* Each threshold is 1.1 * clear + 50, worked by hand:
 *   clear 812.4 -> 893.64 + 50 = 943.64
 *   clear 0     -> 50 (sun down or not modelled: only the offset)
 *   clear 143.7 -> 158.07 + 50 = 208.07 */
START_TEST(test_above_hand)
{
  ck_assert_int_eq(sky_check_above(943.7, 812.4, SKY_CHECK_RATIO,
                                   SKY_CHECK_OFFSET_WM2), 1);
  ck_assert_int_eq(sky_check_above(943.5, 812.4, SKY_CHECK_RATIO,
                                   SKY_CHECK_OFFSET_WM2), 0);
  /* Cloud enhancement of 8 % over an hour passes. */
  ck_assert_int_eq(sky_check_above(1.08 * 812.4, 812.4, SKY_CHECK_RATIO,
                                   SKY_CHECK_OFFSET_WM2), 0);
  ck_assert_int_eq(sky_check_above(50.3, 0.0, SKY_CHECK_RATIO,
                                   SKY_CHECK_OFFSET_WM2), 1);
  ck_assert_int_eq(sky_check_above(49.8, 0.0, SKY_CHECK_RATIO,
                                   SKY_CHECK_OFFSET_WM2), 0);
  ck_assert_int_eq(sky_check_above(208.2, 143.7, SKY_CHECK_RATIO,
                                   SKY_CHECK_OFFSET_WM2), 1);
  ck_assert_int_eq(sky_check_above(207.9, 143.7, SKY_CHECK_RATIO,
                                   SKY_CHECK_OFFSET_WM2), 0);
  /* Missing values are not excursions. */
  ck_assert_int_eq(sky_check_above(NAN, 143.7, SKY_CHECK_RATIO,
                                   SKY_CHECK_OFFSET_WM2), 0);
  ck_assert_int_eq(sky_check_above(612.4, NAN, SKY_CHECK_RATIO,
                                   SKY_CHECK_OFFSET_WM2), 0);
  /* A custom margin, 1.5 x clear + 0: 1.5 * 612.4 = 918.6. */
  ck_assert_int_eq(sky_check_above(918.7, 612.4, 1.5, 0.0), 1);
  ck_assert_int_eq(sky_check_above(918.5, 612.4, 1.5, 0.0), 0);
}
END_TEST

START_TEST(test_count_series)
{
  /* Six hours of a morning; flagged by hand against 1.1 x clear + 50:
   *   clear   0.0  ghi   0.0 -> bound  50.00, no
   *   clear  95.3  ghi 171.2 -> bound 154.83, yes
   *   clear 312.8  ghi 301.0 -> bound 394.08, no
   *   clear 540.6  ghi 700.1 -> bound 644.66, yes
   *   clear 721.4  ghi NaN   -> missing, no
   *   clear 845.0  ghi 979.4 -> bound 979.50, no (just inside) */
  const double clear[] = { 0.0, 95.3, 312.8, 540.6, 721.4, 845.0 };
  const double ghi[] = { 0.0, 171.2, 301.0, 700.1, NAN, 979.4 };
  const unsigned char expect[] = { 0, 1, 0, 1, 0, 0 };
  unsigned char flags[6];
  ck_assert_uint_eq(sky_check_count_above_clear(ghi, clear, 6, flags), 2);
  for (int i = 0; i < 6; i++)
    ck_assert_int_eq(flags[i], expect[i]);
  /* Without a flags array, the same count; over no intervals, none. */
  ck_assert_uint_eq(sky_check_count_above_clear(ghi, clear, 6, NULL), 2);
  ck_assert_uint_eq(sky_check_count_above_clear(ghi, clear, 0, NULL), 0);
  /* A stricter margin (1.0 x clear + 0) also flags hour 5: 979.4 > 845. */
  ck_assert_uint_eq(sky_check_count_above(ghi, clear, 6, 1.0, 0.0, NULL), 3);
}
END_TEST

Suite *make_sky_check_suite(void)
{
  Suite *s = suite_create("sky_check");
  TCase *tc = tcase_create("margin");
  tcase_add_test(tc, test_above_hand);
  tcase_add_test(tc, test_count_series);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_sky_check_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
