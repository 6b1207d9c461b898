/* Tests of image_check() (imagecheck.c): byte buffers built here after the
 * PNG, SVG and PDF specifications, written to files in a fresh folder,
 * complete and cut in the ways a full disk or a killed gnuplot cuts them;
 * a symbolic link, a folder and a FIFO refused; and one chart of each
 * format rendered by gnuplot. When gnuplot is not installed the program
 * runs everything else and exits 77 (skipped), saying so. */
#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "imagecheck.h"

static char dir[256];

static void make_dir(void)
{
  const char *t = getenv("TMPDIR");
  snprintf(dir, sizeof dir, "%s/check_imagecheck.XXXXXX", t && *t ? t : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(dir));
}

/* Removes dir and the files in it (it holds no folders). */
static void remove_dir(void)
{
  DIR *d = opendir(dir);
  ck_assert_ptr_nonnull(d);
  struct dirent *e;
  char path[600];
  while ((e = readdir(d)))
    if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
      snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
      ck_assert_int_eq(unlink(path), 0);
    }
  closedir(d);
  ck_assert_int_eq(rmdir(dir), 0);
}

/* Writes n bytes of buf to dir/name; returns the path (static buffer). */
static const char *put(const char *name, const void *buf, size_t n)
{
  static char path[400];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  ck_assert_uint_eq(fwrite(buf, 1, n, f), n);
  ck_assert_int_eq(fclose(f), 0);
  return path;
}

/* CRC-32 of the PNG specification (ISO/IEC 15948, annex D), bit by bit. */
static uint32_t crc32_png(const unsigned char *p, size_t n)
{
  uint32_t c = 0xffffffffu;
  for (size_t i = 0; i < n; i++) {
    c ^= p[i];
    for (int k = 0; k < 8; k++)
      c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
  }
  return c ^ 0xffffffffu;
}

static size_t put_chunk(unsigned char *out, const char *type, const unsigned char *data,
                        uint32_t n)
{
  out[0] = (unsigned char)(n >> 24);
  out[1] = (unsigned char)(n >> 16);
  out[2] = (unsigned char)(n >> 8);
  out[3] = (unsigned char)n;
  memcpy(out + 4, type, 4);
  if (n)
    memcpy(out + 8, data, n);
  uint32_t crc = crc32_png(out + 4, 4 + n);
  out[8 + n] = (unsigned char)(crc >> 24);
  out[9 + n] = (unsigned char)(crc >> 16);
  out[10 + n] = (unsigned char)(crc >> 8);
  out[11 + n] = (unsigned char)crc;
  return 12 + n;
}

/* The smallest complete PNG: one grey pixel. Signature; IHDR 1 x 1, 8-bit
 * greyscale; IDAT holding the zlib stream of the row (filter 0, value 0)
 * in one stored block with its Adler-32 (1 + 0 + 0, 2 * 1 => 0x00020001);
 * IEND. Returns its length. */
static size_t minimal_png(unsigned char *out)
{
  static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const unsigned char ihdr[13] = { 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0 };
  static const unsigned char idat[13] = { 0x78, 0x01, 0x01, 0x02, 0x00, 0xfd, 0xff,
                                          0x00, 0x00, 0x00, 0x02, 0x00, 0x01 };
  size_t n = 0;
  memcpy(out, sig, 8);
  n += 8;
  n += put_chunk(out + n, "IHDR", ihdr, 13);
  n += put_chunk(out + n, "IDAT", idat, 13);
  n += put_chunk(out + n, "IEND", NULL, 0);
  return n;
}

START_TEST(test_crc_of_iend)
{
  /* The test's CRC gives the IEND CRC the specification prints. */
  ck_assert_uint_eq(crc32_png((const unsigned char *)"IEND", 4), 0xae426082u);
}
END_TEST

START_TEST(test_png)
{
  unsigned char png[128];
  char why[128];
  make_dir();
  size_t n = minimal_png(png);
  ck_assert_uint_eq(n, 8 + 25 + 25 + 12);
  ck_assert_int_eq(image_check(put("good.png", png, n), "png", why, sizeof why), 0);
  /* Cut anywhere: inside IEND, before it, inside IHDR. */
  static const size_t cut[] = { 1, 4, 11, 12, 20, 40 };
  for (size_t i = 0; i < sizeof cut / sizeof cut[0]; i++) {
    why[0] = '\0';
    ck_assert_int_eq(image_check(put("cut.png", png, n - cut[i]), "png", why, sizeof why), -1);
    ck_assert_msg(why[0] != '\0', "no reason for a PNG cut by %zu bytes", cut[i]);
  }
  /* Complete chunks but no IEND. */
  ck_assert_int_eq(image_check(put("noiend.png", png, n - 12), "png", why, sizeof why), -1);
  ck_assert_str_eq(why, "does not end with a complete IEND chunk (cut short?)");
  /* IEND with a wrong CRC. */
  png[n - 1] ^= 0x01;
  ck_assert_int_eq(image_check(put("badcrc.png", png, n), "png", why, sizeof why), -1);
  png[n - 1] ^= 0x01;
  /* An SVG or a PDF named .png. */
  ck_assert_int_eq(image_check(put("svg.png", "<svg></svg>", 11), "png", why, sizeof why), -1);
  ck_assert_str_eq(why, "no PNG signature");
  /* The signature followed directly by IEND: no IHDR. */
  unsigned char bare[20];
  memcpy(bare, png, 8);
  memcpy(bare + 8, png + n - 12, 12);
  ck_assert_int_eq(image_check(put("bare.png", bare, 20), "png", why, sizeof why), -1);
  ck_assert_str_eq(why, "no IHDR chunk after the PNG signature");
  /* A large PNG whose IEND is beyond the first read: padding chunks. */
  size_t big_n = 8 + 25 + 20 * (12 + 1000) + 12;
  unsigned char *big = malloc(big_n);
  ck_assert_ptr_nonnull(big);
  unsigned char pad[1000] = { 0 };
  size_t k = 33;
  memcpy(big, png, k);
  for (int i = 0; i < 20; i++)
    k += put_chunk(big + k, "tEXt", pad, sizeof pad);
  k += put_chunk(big + k, "IEND", NULL, 0);
  ck_assert_uint_eq(k, big_n);
  ck_assert_int_eq(image_check(put("big.png", big, big_n), "png", why, sizeof why), 0);
  ck_assert_int_eq(image_check(put("bigcut.png", big, big_n - 12), "png", why, sizeof why), -1);
  free(big);
  remove_dir();
}
END_TEST

START_TEST(test_empty)
{
  char why[64];
  make_dir();
  static const char *fmts[] = { "png", "svg", "pdf" };
  for (int i = 0; i < 3; i++) {
    ck_assert_int_eq(image_check(put("empty", "", 0), fmts[i], why, sizeof why), -1);
    ck_assert_str_eq(why, "empty");
  }
  remove_dir();
}
END_TEST

START_TEST(test_svg)
{
  static const char good[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"  standalone=\"no\"?>\n"
    "<svg viewBox=\"0 0 945 590\" xmlns=\"http://www.w3.org/2000/svg\">\n"
    "<text>Monthly generation</text>\n</svg>\n\n";
  static const char bare[] = "  \n<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>";
  char why[128];
  make_dir();
  size_t n = strlen(good);
  ck_assert_int_eq(image_check(put("good.svg", good, n), "svg", why, sizeof why), 0);
  ck_assert_int_eq(image_check(put("bare.svg", bare, strlen(bare)), "svg", why, sizeof why), 0);
  /* Cut before </svg>, and inside it. */
  const char *end = strstr(good, "</svg>");
  ck_assert_int_eq(image_check(put("cut.svg", good, (size_t)(end - good)), "svg", why,
                               sizeof why), -1);
  ck_assert_str_eq(why, "does not end with </svg> (cut short?)");
  ck_assert_int_eq(image_check(put("cut2.svg", good, (size_t)(end - good) + 4), "svg", why,
                               sizeof why), -1);
  /* Something after </svg> that is not white space. */
  static const char after[] = "<svg></svg>x";
  ck_assert_int_eq(image_check(put("after.svg", after, strlen(after)), "svg", why, sizeof why),
                   -1);
  /* A start that is neither. */
  static const char html[] = "<html><svg></svg>";
  ck_assert_int_eq(image_check(put("html.svg", html, strlen(html)), "svg", why, sizeof why), -1);
  ck_assert_str_eq(why, "does not start with <?xml or <svg");
  remove_dir();
}
END_TEST

START_TEST(test_pdf)
{
  char why[128];
  make_dir();
  /* A PDF's frame: header, a body, the trailer and %%EOF on the last line. */
  char pdf[3000];
  int n = snprintf(pdf, sizeof pdf, "%%PDF-1.5\n%%\xb5\xed\xae\xfb\n1 0 obj\n<< >>\nendobj\n");
  memset(pdf + n, ' ', 2000);
  n += 2000;
  n += snprintf(pdf + n, sizeof pdf - (size_t)n,
                "\ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n9\n%%%%EOF\n");
  ck_assert_int_eq(image_check(put("good.pdf", pdf, (size_t)n), "pdf", why, sizeof why), 0);
  /* Without %%EOF: cut before it. */
  const char *eof = strstr(pdf, "%%EOF");
  ck_assert_int_eq(image_check(put("cut.pdf", pdf, (size_t)(eof - pdf)), "pdf", why, sizeof why),
                   -1);
  ck_assert_str_eq(why, "no %%EOF in its last 1024 bytes (cut short?)");
  /* %%EOF present but more than 1024 bytes before the end. */
  char far[2100];
  memcpy(far, "%PDF-1.5\n%%EOF\n", 15);
  memset(far + 15, 'x', sizeof far - 15);
  ck_assert_int_eq(image_check(put("far.pdf", far, sizeof far), "pdf", why, sizeof why), -1);
  /* %%EOF exactly at the start of the last 1024 bytes. */
  memcpy(far + sizeof far - 1024, "%%EOF", 5);
  ck_assert_int_eq(image_check(put("edge.pdf", far, sizeof far), "pdf", why, sizeof why), 0);
  /* No header. */
  ck_assert_int_eq(image_check(put("nohead.pdf", pdf + 1, (size_t)n - 1), "pdf", why,
                               sizeof why), -1);
  ck_assert_str_eq(why, "does not start with %PDF-");
  remove_dir();
}
END_TEST

START_TEST(test_not_a_file)
{
  unsigned char png[128];
  char why[128], link[400], fifo[400];
  make_dir();
  size_t n = minimal_png(png);
  const char *target = put("good.png", png, n);
  ck_assert_int_eq(image_check(target, "png", why, sizeof why), 0);
  /* A symbolic link to a complete image is refused. */
  snprintf(link, sizeof link, "%s/link.png", dir);
  ck_assert_int_eq(symlink("good.png", link), 0);
  ck_assert_int_eq(image_check(link, "png", why, sizeof why), -1);
  ck_assert_str_eq(why, "a symbolic link, not a file");
  /* A folder, a FIFO (without waiting for a writer), a missing file. */
  ck_assert_int_eq(image_check(dir, "png", why, sizeof why), -1);
  ck_assert_str_eq(why, "not a regular file");
  snprintf(fifo, sizeof fifo, "%s/fifo.png", dir);
  ck_assert_int_eq(mkfifo(fifo, 0600), 0);
  ck_assert_int_eq(image_check(fifo, "png", why, sizeof why), -1);
  ck_assert_str_eq(why, "not a regular file");
  snprintf(fifo, sizeof fifo, "%s/missing.png", dir);
  ck_assert_int_eq(image_check(fifo, "png", why, sizeof why), -1);
  /* An unknown format; no room for a reason. */
  ck_assert_int_eq(image_check(target, "gif", why, sizeof why), -1);
  ck_assert_str_eq(why, "unknown image format 'gif'");
  ck_assert_int_eq(image_check(put("empty", "", 0), "png", NULL, 0), -1);
  remove_dir();
}
END_TEST

/* Runs gnuplot in dir on a one-line plot into out with terminal term.
 * Returns its exit status, 127 when it cannot run. */
static int gnuplot(const char *term, const char *out)
{
  char expr[300];
  snprintf(expr, sizeof expr, "set terminal %s; set output '%s'; plot sin(x) title 'sin'", term,
           out);
  pid_t pid = fork();
  if (pid < 0)
    return -1;
  if (pid == 0) {
    if (chdir(dir) != 0)
      _exit(126);
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0)
      dup2(null, 2);
    execlp("gnuplot", "gnuplot", "-e", expr, (char *)NULL);
    _exit(127);
  }
  int status;
  if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status))
    return -1;
  return WEXITSTATUS(status);
}

static int have_gnuplot;

/* One image of each format as gnuplot writes it passes; cut in half it
 * fails. */
START_TEST(test_gnuplot)
{
  static const char *term[3] = { "pngcairo", "svg", "pdfcairo" };
  static const char *fmt[3] = { "png", "svg", "pdf" };
  char name[32], path[400], why[128];
  make_dir();
  for (int i = 0; i < 3; i++) {
    snprintf(name, sizeof name, "chart.%s", fmt[i]);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    ck_assert_int_eq(gnuplot(term[i], name), 0);
    ck_assert_msg(image_check(path, fmt[i], why, sizeof why) == 0, "gnuplot's %s: %s", fmt[i],
                  why);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(truncate(path, st.st_size / 2), 0);
    ck_assert_int_eq(image_check(path, fmt[i], why, sizeof why), -1);
  }
  remove_dir();
}
END_TEST

static Suite *make_imagecheck_suite(void)
{
  Suite *s = suite_create("imagecheck");
  TCase *tc = tcase_create("files");
  tcase_add_test(tc, test_crc_of_iend);
  tcase_add_test(tc, test_png);
  tcase_add_test(tc, test_empty);
  tcase_add_test(tc, test_svg);
  tcase_add_test(tc, test_pdf);
  tcase_add_test(tc, test_not_a_file);
  suite_add_tcase(s, tc);
  if (have_gnuplot) {
    TCase *g = tcase_create("gnuplot");
    tcase_set_timeout(g, 60);
    tcase_add_test(g, test_gnuplot);
    suite_add_tcase(s, g);
  }
  return s;
}

int main(void)
{
  have_gnuplot = system("gnuplot --version >/dev/null 2>&1") == 0;
  SRunner *sr = srunner_create(make_imagecheck_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  if (failed)
    return EXIT_FAILURE;
  if (!have_gnuplot) {
    puts("SKIP: gnuplot is not installed (Debian: gnuplot-nox): the files of gnuplot "
         "itself were not checked");
    return 77;
  }
  return EXIT_SUCCESS;
}
