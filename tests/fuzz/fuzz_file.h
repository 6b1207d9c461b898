/* Shared by the harnesses: the readers take a path, so every input is
 * written to one temporary file per process, in a folder of its own under
 * $RENEWCALC_FUZZ_TMP (default /tmp/renewcalc-fuzz-tmp), created once and
 * rewritten in place for each run. Harnesses that read other files named
 * relative to the input (site and bond files) put them in that folder with
 * fuzz_companion(). */
#ifndef RENEWCALC_FUZZ_FILE_H
#define RENEWCALC_FUZZ_FILE_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"

static char fuzz_dir[512];
static char fuzz_path[600];
static int fuzz_fd = -1;

static void fuzz_die(const char *what)
{
  fprintf(stderr, "fuzz: %s: %s\n", what, strerror(errno));
  abort();
}

/* Creates the folder and the file on the first call; returns the file. */
static const char *fuzz_file_setup(const char *name)
{
  if (fuzz_fd >= 0)
    return fuzz_path;
  const char *base = getenv("RENEWCALC_FUZZ_TMP");
  if (!base || !*base)
    base = "/tmp/renewcalc-fuzz-tmp";
  if (mkdir(base, 0700) != 0 && errno != EEXIST)
    fuzz_die(base);
  snprintf(fuzz_dir, sizeof fuzz_dir, "%s/%s-XXXXXX", base, name);
  if (!mkdtemp(fuzz_dir))
    fuzz_die(fuzz_dir);
  snprintf(fuzz_path, sizeof fuzz_path, "%s/inputXXXXXX", fuzz_dir);
  fuzz_fd = mkstemp(fuzz_path);
  if (fuzz_fd < 0)
    fuzz_die(fuzz_path);
  return fuzz_path;
}

/* Writes text to the file name in the input's folder (once per process). */
static void fuzz_companion(const char *name, const char *text)
{
  char p[700];
  snprintf(p, sizeof p, "%s/%s", fuzz_dir, name);
  FILE *f = fopen(p, "w");
  if (!f || fputs(text, f) == EOF || fclose(f) != 0)
    fuzz_die(p);
}

/* Replaces the file's contents with data. */
static const char *fuzz_file_write(const char *name, const uint8_t *data, size_t size)
{
  const char *p = fuzz_file_setup(name);
  if (ftruncate(fuzz_fd, 0) != 0)
    fuzz_die("ftruncate");
  size_t off = 0;
  while (off < size) {
    ssize_t k = pwrite(fuzz_fd, data + off, size - off, (off_t)off);
    if (k < 0) {
      if (errno == EINTR)
        continue;
      fuzz_die("pwrite");
    }
    off += (size_t)k;
  }
  return p;
}

/* Frees d, first printing its messages when FUZZ_PRINT is set (to see
 * what a reader makes of an input: FUZZ_PRINT=1 ./fuzz_site FILE). */
static void fuzz_diag_done(struct diag *d)
{
  static int print = -1;
  if (print < 0)
    print = getenv("FUZZ_PRINT") != NULL;
  if (print)
    diag_print(d, stderr);
  diag_free(d);
}

#endif
