/* Single-stream outputs; see outstream.h. */
#define _GNU_SOURCE /* O_NOFOLLOW, O_CLOEXEC, flock, mkostemp */
#include "outstream.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "infile.h"

#define STREAM_PATH_MAX 1200
#define TMP_TAG ".renewcalc-"

/* The live temporary file, for the signal handler (one stream at a time). */
static struct outstream *volatile live;

struct outstream {
  FILE *f;
  int is_stdout, direct;      /* standard output; a device or FIFO written in place */
  int dirfd;                  /* the target's folder, for a file */
  char path[STREAM_PATH_MAX]; /* as the user named it */
  char name[256];             /* the target's name in its folder */
  char tmp[300];              /* the temporary file's name in that folder */
  struct diag *d;
};

/* The folder and name of path. -1 when the name is not one a file can have. */
static int split(const char *path, char *dir, size_t n, char *name)
{
  const char *slash = strrchr(path, '/');
  if (slash)
    snprintf(dir, n, "%.*s", (int)(slash == path ? 1 : slash - path), path);
  else
    snprintf(dir, n, ".");
  const char *base = slash ? slash + 1 : path;
  if (!outtarget_name_ok(base))
    return -1;
  snprintf(name, 256, "%s", base);
  return 0;
}

/* 1 if entry is a temporary file of the target name ("." NAME TMP_TAG XXXXXX). */
static int is_tmp_of(const char *entry, const void *target)
{
  const char *name = target;
  size_t n = strlen(name), t = sizeof TMP_TAG - 1;
  return entry[0] == '.' && strncmp(entry + 1, name, n) == 0 &&
         strncmp(entry + 1 + n, TMP_TAG, t) == 0 && strlen(entry + 1 + n + t) == 6;
}

/* The descriptor a name for one of this process's own streams means:
 * /dev/stdout, /dev/stderr, /dev/fd/N or /proc/self/fd/N; -1 for any
 * other path. */
static int own_stream(const char *path)
{
  if (strcmp(path, "/dev/stdout") == 0)
    return 1;
  if (strcmp(path, "/dev/stderr") == 0)
    return 2;
  const char *n = strncmp(path, "/dev/fd/", 8) == 0          ? path + 8
                  : strncmp(path, "/proc/self/fd/", 14) == 0 ? path + 14
                                                             : NULL;
  if (!n || *n < '0' || *n > '9' || strspn(n, "0123456789") != strlen(n) || strlen(n) > 6)
    return -1;
  return atoi(n);
}

/* Writes in place what is no file to replace: one of the process's own
 * streams (whatever the shell redirected it to, written through the
 * descriptor it has, never reopened), or a device, FIFO or socket. 1 if
 * path is one of these (then s->f is set, or *why and a message in d), 0
 * otherwise. */
static int open_direct(struct outstream *s, int *why)
{
  struct stat st;
  int own = own_stream(s->path), fd = -1;
  if (own >= 0)
    fd = fcntl(own, F_DUPFD_CLOEXEC, 3);
  else if (stat(s->path, &st) == 0 && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode) ||
                                       S_ISSOCK(st.st_mode)))
    fd = open(s->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
  else
    return 0;
  s->direct = 1;
  if (fd >= 0 && fstat(fd, &st) == 0) {
    if (S_ISREG(st.st_mode) && infile_was_read(st.st_dev, st.st_ino)) {
      diag_at(s->d, s->path, 0, "expected an output that replaces none of this run's inputs, "
              "got an input of this run; choose another output (-o); nothing written");
      *why = OUTTARGET_INPUT;
      close(fd);
      return 1;
    }
    if (own < 0 && !(S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))) {
      /* replaced by a file between the look and the open */
      diag_at(s->d, s->path, 0, "expected a device or FIFO to write to, got %s",
              infile_kind(st.st_mode));
      close(fd);
      return 1;
    }
    s->f = fdopen(fd, "w");
  }
  if (!s->f) {
    diag_errno(s->d, "cannot write", s->path);
    if (fd >= 0)
      close(fd);
  }
  return 1;
}

struct outstream *outstream_open(const char *path, int *why, struct diag *d)
{
  *why = OUTTARGET_FAIL;
  struct outstream *s = calloc(1, sizeof *s);
  if (!s) {
    diag_msg(d, "out of memory");
    return NULL;
  }
  s->d = d;
  s->dirfd = -1;
  if (strcmp(path, "-") == 0) {
    s->is_stdout = 1;
    s->f = stdout;
    return s;
  }
  char dir[STREAM_PATH_MAX];
  if (snprintf(s->path, sizeof s->path, "%s", path) >= (int)sizeof s->path ||
      split(path, dir, sizeof dir, s->name) != 0) {
    diag_at(d, path, 0, "expected the path of a file to write, got a folder or a name too long");
    free(s);
    return NULL;
  }
  if (open_direct(s, why)) {
    if (s->f)
      return s;
    free(s);
    return NULL;
  }
  s->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (s->dirfd < 0) {
    diag_errno(d, "cannot open output folder", dir);
    free(s);
    return NULL;
  }
  int rc = outtarget_check(s->dirfd, s->name, path, d);
  if (rc != OUTTARGET_OK) {
    *why = rc;
    close(s->dirfd);
    free(s);
    return NULL;
  }
  /* Under the folder's lock: what killed runs left goes, and this run's
   * temporary file is made and locked before another run can look. */
  int lock = outtarget_lock_folder(s->dirfd);
  if (lock >= 0)
    outtarget_sweep(s->dirfd, is_tmp_of, s->name);
  char tmp[STREAM_PATH_MAX + 300];
  snprintf(s->tmp, sizeof s->tmp, ".%s%sXXXXXX", s->name, TMP_TAG);
  snprintf(tmp, sizeof tmp, "%s/%s", dir, s->tmp);
  int fd = mkostemp(tmp, O_CLOEXEC);
  if (fd >= 0) {
    memcpy(s->tmp + strlen(s->tmp) - 6, tmp + strlen(tmp) - 6, 6);
    /* mkostemp makes the file 0600; give it the mode a new file gets. */
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0 || flock(fd, LOCK_EX | LOCK_NB) != 0) {
      unlinkat(s->dirfd, s->tmp, 0);
      close(fd);
      fd = -1;
    }
  }
  if (lock >= 0)
    close(lock);
  s->f = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!s->f) {
    diag_errno(d, "cannot write", path);
    if (fd >= 0) {
      unlinkat(s->dirfd, s->tmp, 0);
      close(fd);
    }
    close(s->dirfd);
    free(s);
    return NULL;
  }
  live = s;
  return s;
}

FILE *outstream_file(struct outstream *s)
{
  return s->f;
}

void outstream_abort(struct outstream *s)
{
  if (!s)
    return;
  if (live == s)
    live = NULL;
  if (!s->is_stdout) {
    fclose(s->f);
    if (!s->direct)
      unlinkat(s->dirfd, s->tmp, 0);
  }
  if (s->dirfd >= 0)
    close(s->dirfd);
  free(s);
}

int outstream_commit(struct outstream *s)
{
  if (live == s)
    live = NULL;
  int err = fflush(s->f) != 0 || ferror(s->f);
  int rc = OUTTARGET_OK;
  if (s->is_stdout) {
    if (err)
      diag_errno(s->d, "cannot write to", "standard output");
    free(s);
    return err ? OUTTARGET_FAIL : OUTTARGET_OK;
  }
  if (err) {
    if (errno == 0)
      errno = EIO;
    diag_errno(s->d, "cannot write", s->path);
    rc = OUTTARGET_FAIL;
  }
  if (s->direct) {
    if (fclose(s->f) != 0 && rc == OUTTARGET_OK) {
      diag_errno(s->d, "cannot write", s->path);
      rc = OUTTARGET_FAIL;
    }
    free(s);
    return rc;
  }
  if (rc == OUTTARGET_OK)
    rc = outtarget_check(s->dirfd, s->name, s->path, s->d);
  if (rc == OUTTARGET_OK && renameat(s->dirfd, s->tmp, s->dirfd, s->name) != 0) {
    diag_errno(s->d, "cannot rename output to", s->path);
    rc = OUTTARGET_FAIL;
  }
  if (rc != OUTTARGET_OK)
    unlinkat(s->dirfd, s->tmp, 0);
  fclose(s->f);
  close(s->dirfd);
  free(s);
  return rc;
}

void outstream_cleanup_on_signal(void)
{
  struct outstream *s = live;
  if (s && !s->is_stdout && !s->direct)
    unlinkat(s->dirfd, s->tmp, 0);
}
