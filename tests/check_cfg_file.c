/* Tests of cfg_file.c: a configuration file is parsed from the bytes read
 * once through infile_open(), NUL bytes included, and every line that
 * libconfig would take for an include is refused with its line, before
 * anything is parsed or another file opened. */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cfg_file.h"
#include "diag.h"

static char dir[512];
static char path[600];

static void setup(void)
{
  const char *t = getenv("TMPDIR");
  snprintf(dir, sizeof dir, "%s/check_cfg_file-XXXXXX", t && *t ? t : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/site.cfg", dir);
}

static void teardown(void)
{
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}

/* Writes n bytes of text to path. */
static void put(const char *text, size_t n)
{
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  ck_assert_uint_eq(fwrite(text, 1, n, f), n);
  ck_assert_int_eq(fclose(f), 0);
}

#define PUT(literal) put(literal, sizeof literal - 1)

START_TEST(test_plain_file)
{
  PUT("# a comment naming @include is no include\nlifetime_years = 25;\n"
      "name = \"@include\";\n");
  struct diag *d = diag_new();
  config_t cfg;
  config_init(&cfg);
  ck_assert_int_eq(cfg_file_read(&cfg, path, d), 0);
  ck_assert_int_eq(diag_count(d), 0);
  int years = 0;
  ck_assert(config_lookup_int(&cfg, "lifetime_years", &years));
  ck_assert_int_eq(years, 25);
  config_destroy(&cfg);
  diag_free(d);
}
END_TEST

START_TEST(test_includes_refused)
{
  char fifo[620];
  snprintf(fifo, sizeof fifo, "%s/fifo", dir);
  ck_assert_int_eq(mkfifo(fifo, 0600), 0);
  /* line 2 as libconfig reads it; line 4 with a tab and any case; line 5
   * with a control byte, masked in the message */
  PUT("name = \"x\";\n@include \"fifo\"\nlifetime_years = 25;\n \t@INCLUDE \"b.cfg\"  \r\n"
      "@include \"c\x1b[2J.cfg\"\n");
  struct diag *d = diag_new();
  config_t cfg;
  config_init(&cfg);
  ck_assert_int_eq(cfg_file_read(&cfg, path, d), -1);
  ck_assert_int_eq(diag_count(d), 3);
  char want[800];
  snprintf(want, sizeof want, "%s:2: @include: expected a self-contained file (renewcalc reads "
           "no included files), got @include \"fifo\"", path);
  ck_assert_str_eq(diag_get(d, 0), want);
  snprintf(want, sizeof want, "%s:4: @include: expected a self-contained file (renewcalc reads "
           "no included files), got @INCLUDE \"b.cfg\"", path);
  ck_assert_str_eq(diag_get(d, 1), want);
  snprintf(want, sizeof want, "%s:5: @include: expected a self-contained file (renewcalc reads "
           "no included files), got @include \"c?[2J.cfg\"", path);
  ck_assert_str_eq(diag_get(d, 2), want);
  config_destroy(&cfg);
  diag_free(d);
}
END_TEST

START_TEST(test_long_include_cut)
{
  char text[400], want[800];
  memset(text, 'a', sizeof text);
  memcpy(text, "@include \"", 10);
  put(text, sizeof text);
  struct diag *d = diag_new();
  FILE *f = cfg_file_open(path, "cannot open", d);
  ck_assert_ptr_null(f);
  /* 68 bytes of the line, then "..." */
  snprintf(want, sizeof want, "%s:1: @include: expected a self-contained file (renewcalc reads "
           "no included files), got @include \"%.58s...", path, text + 10);
  ck_assert_str_eq(diag_get(d, 0), want);
  diag_free(d);
}
END_TEST

START_TEST(test_nul_byte_kept)
{
  /* parsed as a string, the text would end at the NUL and "a = 1;" pass */
  PUT("a = 1;\n\0b = 2;\n");
  struct diag *d = diag_new();
  config_t cfg;
  config_init(&cfg);
  ck_assert_int_eq(cfg_file_read(&cfg, path, d), -1);
  char want[700];
  snprintf(want, sizeof want, "%s:2: syntax error", path);
  ck_assert_str_eq(diag_get(d, 0), want);
  config_destroy(&cfg);
  diag_free(d);
}
END_TEST

START_TEST(test_limits_of_infile)
{
  PUT("a = 1;\n");
  ck_assert_int_eq(truncate(path, (16LL << 20) + 1), 0);
  struct diag *d = diag_new();
  ck_assert_ptr_null(cfg_file_open(path, "cannot open", d));
  char want[700];
  snprintf(want, sizeof want, "%s: expected a file of at most 16 MiB (SECURITY.md), got "
           "16777217 bytes", path);
  ck_assert_str_eq(diag_get(d, 0), want);
  diag_free(d);
}
END_TEST

static Suite *make_cfg_file_suite(void)
{
  Suite *s = suite_create("cfg_file");
  TCase *tc = tcase_create("cfg_file");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 20);
  tcase_add_test(tc, test_plain_file);
  tcase_add_test(tc, test_includes_refused);
  tcase_add_test(tc, test_long_include_cut);
  tcase_add_test(tc, test_nul_byte_kept);
  tcase_add_test(tc, test_limits_of_infile);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_cfg_file_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
