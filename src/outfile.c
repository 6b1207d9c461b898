/* Atomic output sets; see outfile.h. */
#include "outfile.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"

#define OUTSET_MAX_FILES 64
#define OUT_PATH_MAX 1200

struct outset {
  char dir[OUT_PATH_MAX];
  struct diag *d;
  int n;
  FILE *f[OUTSET_MAX_FILES];
  char tmp[OUTSET_MAX_FILES][OUT_PATH_MAX];
  char final[OUTSET_MAX_FILES][OUT_PATH_MAX];
};

/* The live set, for the signal handler (renewcalc writes one set at a time). */
static struct outset *volatile live;

struct outset *outset_new(const char *dir, struct diag *d)
{
  struct outset *o = calloc(1, sizeof *o);
  if (!o) {
    diag_msg(d, "out of memory");
    return NULL;
  }
  snprintf(o->dir, sizeof o->dir, "%s", dir);
  o->d = d;
  live = o;
  return o;
}

const char *outset_dir(const struct outset *o)
{
  return o->dir;
}

/* mkdir -p */
static int make_dirs(const char *dir)
{
  char buf[OUT_PATH_MAX];
  snprintf(buf, sizeof buf, "%s", dir);
  for (char *p = buf + 1; *p; p++) {
    if (*p != '/')
      continue;
    *p = '\0';
    if (mkdir(buf, 0777) != 0 && errno != EEXIST)
      return -1;
    *p = '/';
  }
  if (mkdir(buf, 0777) != 0 && errno != EEXIST)
    return -1;
  struct stat st;
  if (stat(buf, &st) != 0 || !S_ISDIR(st.st_mode)) {
    errno = ENOTDIR;
    return -1;
  }
  return 0;
}

FILE *outset_open(struct outset *o, const char *name)
{
  if (o->n == OUTSET_MAX_FILES) {
    diag_msg(o->d, "too many output files in one set");
    return NULL;
  }
  if (o->n == 0 && make_dirs(o->dir) != 0) {
    diag_errno(o->d, "cannot create output folder", o->dir);
    return NULL;
  }
  int i = o->n;
  const char *dir = outset_dir(o);
  char final[OUT_PATH_MAX], tmp[OUT_PATH_MAX];
  int len1 = snprintf(final, sizeof final, "%s/%s", dir, name);
  int len2 = snprintf(tmp, sizeof tmp, "%s/.%s.tmp%ld", dir, name, (long)getpid());
  if (len1 >= OUT_PATH_MAX || len2 >= OUT_PATH_MAX) {
    diag_msg(o->d, "output path too long: '%s/%s'", o->dir, name);
    return NULL;
  }
  memcpy(o->final[i], final, sizeof final);
  memcpy(o->tmp[i], tmp, sizeof tmp);
  o->f[i] = fopen(o->tmp[i], "w");
  if (!o->f[i]) {
    diag_errno(o->d, "cannot write", o->tmp[i]);
    return NULL;
  }
  o->n++;
  return o->f[i];
}

static void remove_all(struct outset *o)
{
  for (int i = 0; i < o->n; i++) {
    if (o->f[i])
      fclose(o->f[i]);
    o->f[i] = NULL;
    unlink(o->tmp[i]);
  }
}

int outset_commit(struct outset *o)
{
  int bad = 0;
  for (int i = 0; i < o->n; i++) {
    int err = ferror(o->f[i]);
    if (fclose(o->f[i]) != 0 || err) {
      if (!bad)
        diag_errno(o->d, "cannot write", o->final[i]);
      bad = 1;
    }
    o->f[i] = NULL;
  }
  for (int i = 0; i < o->n && !bad; i++)
    if (rename(o->tmp[i], o->final[i]) != 0) {
      diag_errno(o->d, "cannot rename output to", o->final[i]);
      bad = 1;
    }
  if (bad)
    for (int i = 0; i < o->n; i++)
      unlink(o->tmp[i]);
  live = NULL;
  free(o);
  return bad ? -1 : 0;
}

void outset_abort(struct outset *o)
{
  if (!o)
    return;
  remove_all(o);
  live = NULL;
  free(o);
}

void outset_cleanup_on_signal(void)
{
  struct outset *o = live;
  if (!o)
    return;
  for (int i = 0; i < o->n; i++)
    unlink(o->tmp[i]);
}
