/* Opening inputs; see infile.h. */
#include "infile.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"

/* ---- the files read so far ------------------------------------------------ */

/* An open-addressing hash set of (device, inode): a batch run may open a
 * weather file per site, and every output is looked up in it. */
struct seen {
  dev_t dev;
  ino_t ino;
  int used;
};

static pthread_mutex_t seen_lock = PTHREAD_MUTEX_INITIALIZER;
static struct seen *seen_slot;
static size_t seen_cap; /* a power of two, or 0 */
static size_t seen_n;

static size_t slot_of(dev_t dev, ino_t ino, size_t cap)
{
  uint64_t h = (uint64_t)ino * 0x9e3779b97f4a7c15u ^ (uint64_t)dev * 0xc2b2ae3d27d4eb4fu;
  return (size_t)(h ^ (h >> 29)) & (cap - 1);
}

/* The slot holding (dev, ino), or the empty one where it belongs. */
static struct seen *find(struct seen *tab, size_t cap, dev_t dev, ino_t ino)
{
  size_t i = slot_of(dev, ino, cap);
  while (tab[i].used && !(tab[i].dev == dev && tab[i].ino == ino))
    i = (i + 1) & (cap - 1);
  return &tab[i];
}

/* 0, or -1 when out of memory. Called with seen_lock held. */
static int remember(dev_t dev, ino_t ino)
{
  if (seen_cap && find(seen_slot, seen_cap, dev, ino)->used)
    return 0;
  if (2 * (seen_n + 1) > seen_cap) {
    size_t cap = seen_cap ? 2 * seen_cap : 64;
    struct seen *tab = calloc(cap, sizeof *tab);
    if (!tab)
      return -1;
    for (size_t i = 0; i < seen_cap; i++)
      if (seen_slot[i].used)
        *find(tab, cap, seen_slot[i].dev, seen_slot[i].ino) = seen_slot[i];
    free(seen_slot);
    seen_slot = tab;
    seen_cap = cap;
  }
  *find(seen_slot, seen_cap, dev, ino) = (struct seen){ dev, ino, 1 };
  seen_n++;
  return 0;
}

int infile_was_read(dev_t dev, ino_t ino)
{
  pthread_mutex_lock(&seen_lock);
  int got = seen_cap && find(seen_slot, seen_cap, dev, ino)->used;
  pthread_mutex_unlock(&seen_lock);
  return got;
}

void infile_forget_all(void)
{
  pthread_mutex_lock(&seen_lock);
  free(seen_slot);
  seen_slot = NULL;
  seen_cap = seen_n = 0;
  pthread_mutex_unlock(&seen_lock);
}

/* ---- opening ---------------------------------------------------------------- */

const char *infile_kind(mode_t mode)
{
  if (S_ISLNK(mode))
    return "a symbolic link";
  if (S_ISDIR(mode))
    return "a directory";
  if (S_ISFIFO(mode))
    return "a FIFO";
  if (S_ISCHR(mode))
    return "a character device";
  if (S_ISBLK(mode))
    return "a block device";
  if (S_ISSOCK(mode))
    return "a socket";
  return "a special file";
}

/* 0 when st is a regular file within max bytes, else -1 with the message. */
static int check(const char *path, const struct stat *st, long long max, struct diag *d)
{
  if (!S_ISREG(st->st_mode)) {
    diag_at(d, path, 0, "expected a regular file, got %s", infile_kind(st->st_mode));
    return -1;
  }
  if ((long long)st->st_size <= max)
    return 0;
  if (max >= (1LL << 30))
    diag_at(d, path, 0, "expected a file of at most %lld GiB (SECURITY.md), got %lld bytes",
            max >> 30, (long long)st->st_size);
  else
    diag_at(d, path, 0, "expected a file of at most %lld MiB (SECURITY.md), got %lld bytes",
            max >> 20, (long long)st->st_size);
  return -1;
}

FILE *infile_open_as(const char *path, long long max_bytes, const char *what,
                     struct diag *d)
{
  struct stat st;
  /* Opening some devices has effects of its own (a tape rewinds, a
   * watchdog arms): look first and open only what looks like a file. The
   * check on the open descriptor below is the one that counts. */
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
    check(path, &st, max_bytes, d);
    return NULL;
  }
  /* O_NONBLOCK: a FIFO put in place of the file since is opened at once
   * rather than waiting for a writer, then refused. */
  int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (what)
      diag_errno(d, what, path);
    return NULL;
  }
  if (fstat(fd, &st) != 0) {
    int e = errno;
    close(fd);
    errno = e;
    if (what)
      diag_errno(d, what, path);
    return NULL;
  }
  if (check(path, &st, max_bytes, d) != 0) {
    close(fd);
    return NULL;
  }
  int flags = fcntl(fd, F_GETFL);
  FILE *f = NULL;
  if (flags != -1 && fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != -1)
    f = fdopen(fd, "r");
  if (!f) {
    int e = errno;
    close(fd);
    errno = e;
    if (what)
      diag_errno(d, what, path);
    return NULL;
  }
  pthread_mutex_lock(&seen_lock);
  int bad = remember(st.st_dev, st.st_ino);
  pthread_mutex_unlock(&seen_lock);
  if (bad) {
    fclose(f);
    diag_msg(d, "out of memory");
    return NULL;
  }
  return f;
}

FILE *infile_open(const char *path, long long max_bytes, struct diag *d)
{
  return infile_open_as(path, max_bytes, "cannot open", d);
}
