/* Checks on output names; see outtarget.h. */
#define _GNU_SOURCE /* O_NOFOLLOW, O_DIRECTORY, O_CLOEXEC, flock */
#include "outtarget.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "infile.h"

int outtarget_check(int dirfd, const char *name, const char *shown, struct diag *d)
{
  struct stat st;
  if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
    if (errno == ENOENT)
      return OUTTARGET_OK;
    diag_errno(d, "cannot examine", shown);
    return OUTTARGET_FAIL;
  }
  if (!S_ISREG(st.st_mode)) {
    diag_at(d, shown, 0, "expected a regular file that renewcalc may replace, got %s; "
            "nothing written", infile_kind(st.st_mode));
    return OUTTARGET_FAIL;
  }
  if (infile_was_read(st.st_dev, st.st_ino)) {
    diag_at(d, shown, 0, "expected an output that replaces none of this run's inputs, got "
            "an input of this run; choose another output (-o); nothing written");
    return OUTTARGET_INPUT;
  }
  return OUTTARGET_OK;
}

int outtarget_name_ok(const char *name)
{
  size_t n = strlen(name);
  if (n == 0 || n > 255 || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
    return 0;
  for (const unsigned char *p = (const unsigned char *)name; *p; p++)
    if (*p == '/' || *p < 0x20 || *p == 0x7f)
      return 0;
  return 1;
}

/* Removes the entries of the open folder fd: regular files and, while
 * depth > 0, sub-folders with theirs. Closes fd. */
static int empty_folder(int fd, int depth)
{
  DIR *dd = fdopendir(fd);
  if (!dd) {
    close(fd);
    return -1;
  }
  int bad = 0;
  struct dirent *e;
  while ((e = readdir(dd))) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
      continue;
    struct stat st;
    if (fstatat(dirfd(dd), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
      continue;
    if (S_ISDIR(st.st_mode)) {
      int sub = depth > 0 ? openat(dirfd(dd), e->d_name,
                                   O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
      if (sub < 0 || empty_folder(sub, depth - 1) != 0 ||
          unlinkat(dirfd(dd), e->d_name, AT_REMOVEDIR) != 0)
        bad = 1;
    } else if (unlinkat(dirfd(dd), e->d_name, 0) != 0) {
      bad = 1;
    }
  }
  closedir(dd);
  return bad ? -1 : 0;
}

int outtarget_remove_tree(int dirfd, const char *name)
{
  int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return errno == ENOENT ? 0 : -1;
  if (empty_folder(fd, 1) != 0)
    return -1;
  return unlinkat(dirfd, name, AT_REMOVEDIR);
}

void outtarget_sweep(int dirfd, int (*match)(const char *name, const void *arg), const void *arg)
{
  int fd = dup(dirfd);
  DIR *dd = fd >= 0 ? fdopendir(fd) : NULL;
  if (!dd) {
    if (fd >= 0)
      close(fd);
    return;
  }
  struct dirent *e;
  while ((e = readdir(dd))) {
    if (!match(e->d_name, arg))
      continue;
    int t = openat(dirfd, e->d_name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (t >= 0 && fstat(t, &st) == 0 && flock(t, LOCK_EX | LOCK_NB) == 0) {
      if (S_ISDIR(st.st_mode))
        outtarget_remove_tree(dirfd, e->d_name);
      else if (S_ISREG(st.st_mode))
        unlinkat(dirfd, e->d_name, 0);
    }
    if (t >= 0)
      close(t);
  }
  closedir(dd);
}

int outtarget_lock_folder(int dirfd)
{
  int fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return -1;
  while (flock(fd, LOCK_EX) != 0)
    if (errno != EINTR) {
      close(fd);
      return -1;
    }
  return fd;
}
