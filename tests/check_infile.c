/* Tests of infile.c: every input opened through infile_open() is recorded
 * by device and inode (infile_was_read()), from any thread; a FIFO, a
 * folder or a file above its limit is refused with its message, at once,
 * and not recorded. */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "infile.h"

static char dir[512];

static void setup(void)
{
  const char *t = getenv("TMPDIR");
  snprintf(dir, sizeof dir, "%s/check_infile-XXXXXX", t && *t ? t : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  infile_forget_all();
}

static void teardown(void)
{
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}

/* Writes text to dir/name; the path goes to path (n bytes). */
static void make_file(const char *name, const char *text, char *path, size_t n)
{
  snprintf(path, n, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  ck_assert_int_ge(fputs(text, f), 0);
  ck_assert_int_eq(fclose(f), 0);
}

static int was_read(const char *path)
{
  struct stat st;
  ck_assert_int_eq(stat(path, &st), 0);
  return infile_was_read(st.st_dev, st.st_ino);
}

START_TEST(test_records_what_it_opens)
{
  char a[600], b[600];
  make_file("profile.csv", "time,ghi\n", a, sizeof a);
  make_file("other.csv", "time,ghi\n", b, sizeof b);
  struct diag *d = diag_new();
  FILE *f = infile_open(a, INFILE_DATA_MAX, d);
  ck_assert_ptr_nonnull(f);
  ck_assert_int_eq(diag_count(d), 0);
  char line[32];
  ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
  ck_assert_str_eq(line, "time,ghi\n");
  fclose(f);
  ck_assert_int_eq(was_read(a), 1);
  ck_assert_int_eq(was_read(b), 0);
  /* opened by other means: not an input */
  f = fopen(b, "r");
  ck_assert_ptr_nonnull(f);
  fclose(f);
  ck_assert_int_eq(was_read(b), 0);
  /* still known after it is renamed: the inode, not the name */
  char moved[620];
  snprintf(moved, sizeof moved, "%s.moved", a);
  ck_assert_int_eq(rename(a, moved), 0);
  ck_assert_int_eq(was_read(moved), 1);
  infile_forget_all();
  ck_assert_int_eq(was_read(moved), 0);
  diag_free(d);
}
END_TEST

START_TEST(test_fifo_refused_at_once)
{
  char p[600], want[700];
  snprintf(p, sizeof p, "%s/fifo", dir);
  ck_assert_int_eq(mkfifo(p, 0600), 0);
  struct diag *d = diag_new();
  /* with no writer, a blocking open would never return */
  ck_assert_ptr_null(infile_open(p, INFILE_CONFIG_MAX, d));
  ck_assert_int_eq(diag_count(d), 1);
  snprintf(want, sizeof want, "%s: expected a regular file, got a FIFO", p);
  ck_assert_str_eq(diag_get(d, 0), want);
  ck_assert_int_eq(diag_system_errors(d), 0);
  ck_assert_int_eq(was_read(p), 0);
  diag_free(d);
}
END_TEST

START_TEST(test_folder_and_device_refused)
{
  char want[700];
  struct diag *d = diag_new();
  ck_assert_ptr_null(infile_open(dir, INFILE_DATA_MAX, d));
  snprintf(want, sizeof want, "%s: expected a regular file, got a directory", dir);
  ck_assert_str_eq(diag_get(d, 0), want);
  ck_assert_ptr_null(infile_open("/dev/null", INFILE_DATA_MAX, d));
  ck_assert_str_eq(diag_get(d, 1), "/dev/null: expected a regular file, got a character device");
  ck_assert_int_eq(diag_system_errors(d), 0);
  diag_free(d);
}
END_TEST

START_TEST(test_size_limit)
{
  char p[600], want[700];
  make_file("big.cfg", "name = \"big\";\n", p, sizeof p);
  /* sparse: 17 MiB = 17825792 bytes, one over the 16 MiB of a configuration */
  ck_assert_int_eq(truncate(p, 17LL << 20), 0);
  struct diag *d = diag_new();
  ck_assert_ptr_null(infile_open(p, INFILE_CONFIG_MAX, d));
  snprintf(want, sizeof want, "%s: expected a file of at most 16 MiB (SECURITY.md), got "
           "17825792 bytes", p);
  ck_assert_str_eq(diag_get(d, 0), want);
  ck_assert_int_eq(was_read(p), 0);
  /* the same file is a data file within 4 GiB */
  FILE *f = infile_open(p, INFILE_DATA_MAX, d);
  ck_assert_ptr_nonnull(f);
  fclose(f);
  ck_assert_int_eq(diag_count(d), 1);
  diag_free(d);
}
END_TEST

START_TEST(test_missing_file)
{
  char p[600], want[700];
  snprintf(p, sizeof p, "%s/none.csv", dir);
  struct diag *d = diag_new();
  ck_assert_ptr_null(infile_open_as(p, INFILE_DATA_MAX, "cannot open site list", d));
  snprintf(want, sizeof want, "renewcalc: cannot open site list '%s': No such file or directory", p);
  ck_assert_str_eq(diag_get(d, 0), want);
  ck_assert_int_eq(diag_system_errors(d), 1);
  /* no words: no message, the caller explains */
  ck_assert_ptr_null(infile_open_as(p, INFILE_DATA_MAX, NULL, d));
  ck_assert_int_eq(diag_count(d), 1);
  diag_free(d);
}
END_TEST

/* Files opened by four threads at once, more than the table first holds. */
#define THREADS 4
#define PER_THREAD 40

static char paths[THREADS * PER_THREAD][600];

static void *open_some(void *arg)
{
  int t = *(const int *)arg;
  struct diag *d = diag_new();
  for (int i = t * PER_THREAD; i < (t + 1) * PER_THREAD; i++) {
    FILE *f = infile_open(paths[i], INFILE_DATA_MAX, d);
    if (f)
      fclose(f);
  }
  int bad = diag_count(d);
  diag_free(d);
  return bad ? (void *)paths : NULL;
}

START_TEST(test_threads)
{
  char name[32];
  for (int i = 0; i < THREADS * PER_THREAD; i++) {
    snprintf(name, sizeof name, "site%03d.csv", i);
    make_file(name, "x\n", paths[i], sizeof paths[i]);
  }
  pthread_t th[THREADS];
  int ids[THREADS];
  for (int t = 0; t < THREADS; t++) {
    ids[t] = t;
    ck_assert_int_eq(pthread_create(&th[t], NULL, open_some, &ids[t]), 0);
  }
  for (int t = 0; t < THREADS; t++) {
    void *bad;
    ck_assert_int_eq(pthread_join(th[t], &bad), 0);
    ck_assert_ptr_null(bad);
  }
  for (int i = 0; i < THREADS * PER_THREAD; i++)
    ck_assert_msg(was_read(paths[i]) == 1, "%s not recorded", paths[i]);
  char other[600];
  make_file("not-read.csv", "x\n", other, sizeof other);
  ck_assert_int_eq(was_read(other), 0);
}
END_TEST

static Suite *make_infile_suite(void)
{
  Suite *s = suite_create("infile");
  TCase *tc = tcase_create("infile");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 20);
  tcase_add_test(tc, test_records_what_it_opens);
  tcase_add_test(tc, test_fifo_refused_at_once);
  tcase_add_test(tc, test_folder_and_device_refused);
  tcase_add_test(tc, test_size_limit);
  tcase_add_test(tc, test_missing_file);
  tcase_add_test(tc, test_threads);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(make_infile_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
