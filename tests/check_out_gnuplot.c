/* Tests of the three writers through which text from the inputs reaches
 * gnuplot's files (out_gnuplot.c): each hostile byte is held against the
 * rules of gnuplot's syntax, and the strings written into a script are
 * read back by gnuplot itself when it is installed. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out.h"

/* What writer w makes of s, in a static buffer. */
static const char *through(void (*w)(FILE *, const char *), const char *s)
{
  static char out[512];
  memset(out, 0, sizeof out);
  FILE *f = fmemopen(out, sizeof out, "w");
  ck_assert_ptr_nonnull(f);
  w(f, s);
  ck_assert_int_eq(fclose(f), 0);
  return out;
}

/* input, then what each writer must make of it: script string, comment
 * text, data field */
static const char *const cases[][4] = {
  { "PV field A", "'PV field A'", "PV field A", "\"PV field A\"" },
  /* gnuplot substitutes backticks inside double quotes, not single */
  { "x`touch P`", "'x`touch P`'", "x`touch P`", "\"x`touch P`\"" },
  /* a single quote closes the script string unless doubled */
  { "a'; system('id'); '", "'a''; system(''id''); '''", "a'; system('id'); '",
    "\"a'; system('id'); '\"" },
  /* a backslash is literal inside single quotes; in a data field gnuplot
   * reads escapes, so it is doubled there */
  { "a\\'b\\", "'a\\''b\\'", "a\\'b\\", "\"a\\\\'b\\\\\"" },
  /* a double quote ends a data field whatever precedes it */
  { "say \"hi\"", "'say \"hi\"'", "say \"hi\"", "\"say 'hi'\"" },
  /* line breaks and other control characters become spaces */
  { "a\nb\rc\td\x1b[31m\x7f", "'a b c d [31m '", "a b c d [31m ", "\"a b c d [31m \"" },
  { "@macro $(id) #c", "'@macro $(id) #c'", "@macro $(id) #c", "\"@macro $(id) #c\"" },
  /* bytes above 127 (UTF-8) pass unchanged */
  { "\xe5\x8d\x97 \xc3\xa9", "'\xe5\x8d\x97 \xc3\xa9'", "\xe5\x8d\x97 \xc3\xa9",
    "\"\xe5\x8d\x97 \xc3\xa9\"" },
  { "", "''", "", "\"\"" },
};

START_TEST(test_writers)
{
  const char *const *c = cases[_i];
  ck_assert_str_eq(through(out_gp_string, c[0]), c[1]);
  ck_assert_str_eq(through(out_gp_dat_text, c[0]), c[2]);
  ck_assert_str_eq(through(out_gp_dat_string, c[0]), c[3]);
}
END_TEST

/* gnuplot reads each script string back as one string constant: the
 * input with control characters as spaces. */
START_TEST(test_gnuplot_reads_back)
{
  if (system("gnuplot --version >/dev/null 2>&1") != 0)
    return; /* checked by the writers' test alone */
  const char *const *c = cases[_i];
  char dir[] = "/tmp/check_out_gnuplot.XXXXXX", path[64], cmd[256], got[512];
  ck_assert_ptr_nonnull(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/t.gp", dir);
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs("s = ", f);
  out_gp_string(f, c[0]);
  fputs("\nset print 'out.txt'\nprint s\n", f);
  ck_assert_int_eq(fclose(f), 0);
  snprintf(cmd, sizeof cmd, "cd %s && gnuplot t.gp 2>err.txt", dir);
  ck_assert_int_eq(system(cmd), 0);
  snprintf(path, sizeof path, "%s/out.txt", dir);
  f = fopen(path, "r");
  ck_assert_ptr_nonnull(f);
  size_t n = fread(got, 1, sizeof got - 1, f);
  fclose(f);
  got[n] = '\0';
  /* the expected text: c[2], the comment form, is the input with control
   * characters as spaces, and print adds a line end */
  char want[512];
  snprintf(want, sizeof want, "%s\n", c[2]);
  ck_assert_str_eq(got, want);
  static const char *files[] = { "t.gp", "out.txt", "err.txt" };
  for (int i = 0; i < 3; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, files[i]);
    ck_assert_int_eq(unlink(path), 0);
  }
  ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

static Suite *make_out_gnuplot_suite(void)
{
  Suite *s = suite_create("out_gnuplot");
  TCase *tc = tcase_create("strings");
  int n = (int)(sizeof cases / sizeof cases[0]);
  tcase_add_loop_test(tc, test_writers, 0, n);
  tcase_add_loop_test(tc, test_gnuplot_reads_back, 0, n);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_out_gnuplot_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
