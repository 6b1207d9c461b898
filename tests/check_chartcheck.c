/* Tests of chartcheck_script() (chartcheck.c): a script as renewcalc
 * writes it passes; every way of making gnuplot run a command, read or
 * write another file, or run lines beyond the template, written here by
 * hand from gnuplot's documented syntax, is refused. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chartcheck.h"

static const char tmpl[] = "set title chart_title noenhanced\n"
                           "plot datafile using 1:2 with lines\n";

/* Checks head + tmpl as the script of chart "monthly". */
static int check(const char *head)
{
  char text[2048], why[160] = "";
  snprintf(text, sizeof text, "%s%s", head, tmpl);
  return chartcheck_script(text, strlen(text), "monthly", tmpl, strlen(tmpl), why, sizeof why);
}

#define GOOD_TOP                                                                  \
  "# renewcalc chart; render with: gnuplot monthly.gp (in this folder)\n"         \
  "# Generated from the template plots/monthly.gp; restyle every chart in style.gp.\n"
#define GOOD_TAIL "if (!exists(\"outbase\")) outbase = \"monthly\"\nload \"style.gp\"\n\n"

START_TEST(test_renewcalc_script)
{
  /* the shape out_gp_chart_script() writes, with a quote in the title */
  ck_assert_int_eq(check(GOOD_TOP "chart_title = 'Site ''A'': monthly generation'\n"
                                  "datafile = \"monthly.dat\"\nnplants = 3\np50_gwh = 1744.924333\n"
                                  "mc = 0\nratio = -1.5e-3\nclasses = \"0-3 3-6 >12\"\n" GOOD_TAIL),
                   0);
}
END_TEST

/* Header lines that must each make the script refused. */
static const char *const bad_lines[] = {
  "system(\"touch PWNED\")\n",                  /* a command */
  "chart_title = \"`touch PWNED`\"\n",          /* backticks run inside double quotes */
  "chart_title = \"@macro\"\n",                 /* macro expansion */
  "chart_title = \"a\\\" . system('id') . \\\"\"\n", /* an escape out of the string */
  "chart_title = 'a' . system('id') . 'b'\n",   /* an expression, not a literal */
  "chart_title = 'it's'\n",                     /* a lone quote ends the string */
  "outbase = '/home/user/.bashrc'\n",           /* where gnuplot writes */
  "fmt = 'png'\n",
  "width = 100000\n",
  "datafile = '/etc/shadow'\n",                 /* what gnuplot reads */
  "datafile = \"other.dat\"\n",
  "f(x) = system('id')\n",                      /* a function */
  "# a comment that goes on \\\n",              /* a comment continued onto the next line */
  "nplants = 3; system('id')\n",
  "nplants = 0x10\n",
  "load \"other.gp\"\n",
  "call \"style.gp\"\n",
};

START_TEST(test_bad_header_line)
{
  char head[1024];
  snprintf(head, sizeof head, GOOD_TOP "chart_title = 'x'\n%s" GOOD_TAIL, bad_lines[_i]);
  ck_assert_msg(check(head) != 0, "accepted: %s", bad_lines[_i]);
}
END_TEST

START_TEST(test_shape)
{
  /* nothing but blank lines after load "style.gp" */
  ck_assert_int_ne(check(GOOD_TOP GOOD_TAIL "print system('id')\n"), 0);
  /* style.gp must be loaded */
  ck_assert_int_ne(check(GOOD_TOP "chart_title = 'x'\n\n"), 0);
  /* the template verbatim at the end */
  char text[1024], why[160];
  snprintf(text, sizeof text, GOOD_TOP GOOD_TAIL "%s!system('id')\n", tmpl);
  ck_assert_int_ne(chartcheck_script(text, strlen(text), "monthly", tmpl, strlen(tmpl), why,
                                     sizeof why), 0);
  ck_assert_ptr_nonnull(strstr(why, "template"));
  /* a control character (a carriage return) in the header */
  ck_assert_int_ne(check(GOOD_TOP "chart_title = 'a\rb'\n" GOOD_TAIL), 0);
}
END_TEST

static Suite *make_chartcheck_suite(void)
{
  Suite *s = suite_create("chartcheck");
  TCase *tc = tcase_create("scripts");
  tcase_add_test(tc, test_renewcalc_script);
  tcase_add_loop_test(tc, test_bad_header_line, 0, (int)(sizeof bad_lines / sizeof bad_lines[0]));
  tcase_add_test(tc, test_shape);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_chartcheck_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
