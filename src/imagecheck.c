/* Image completeness; see imagecheck.h. Only the head and the tail of the
 * file are read, so a chart of any size costs two small reads. */
#include "imagecheck.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { HEAD = 64, TAIL = 4096 };

static int fail(char *why, size_t why_n, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));

static int fail(char *why, size_t why_n, const char *fmt, ...)
{
  if (why && why_n > 0) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, why_n, fmt, ap);
    va_end(ap);
  }
  return -1;
}

/* n bytes at offset off, or -1: the file is shorter than fstat said (cut
 * while read) or cannot be read. */
static int read_at(int fd, unsigned char *buf, size_t n, off_t off)
{
  size_t got = 0;
  while (got < n) {
    ssize_t r = pread(fd, buf + got, n - got, off + (off_t)got);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0)
      return -1;
    got += (size_t)r;
  }
  return 0;
}

static int is_space(unsigned char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int check_png(const unsigned char *head, size_t nhead, const unsigned char *tail,
                     size_t ntail, char *why, size_t why_n)
{
  static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const unsigned char ihdr[8] = { 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  static const unsigned char iend[12] = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82 };
  if (nhead < sizeof sig || memcmp(head, sig, sizeof sig) != 0)
    return fail(why, why_n, "no PNG signature");
  if (nhead < sizeof sig + sizeof ihdr || memcmp(head + 8, ihdr, sizeof ihdr) != 0)
    return fail(why, why_n, "no IHDR chunk after the PNG signature");
  /* The signature, the whole IHDR chunk (8 + 13 + 4 bytes) and IEND
   * without overlap: the tail holds the whole file below TAIL bytes. */
  if (ntail < sizeof sig + 25 + sizeof iend || memcmp(tail + ntail - 12, iend, sizeof iend) != 0)
    return fail(why, why_n, "does not end with a complete IEND chunk (cut short?)");
  return 0;
}

static int check_svg(const unsigned char *head, size_t nhead, const unsigned char *tail,
                     size_t ntail, char *why, size_t why_n)
{
  size_t i = 0;
  while (i < nhead && is_space(head[i]))
    i++;
  if (!(nhead - i >= 5 && memcmp(head + i, "<?xml", 5) == 0) &&
      !(nhead - i >= 4 && memcmp(head + i, "<svg", 4) == 0))
    return fail(why, why_n, "does not start with <?xml or <svg");
  size_t n = ntail;
  while (n > 0 && is_space(tail[n - 1]))
    n--;
  if (n < 6 || memcmp(tail + n - 6, "</svg>", 6) != 0)
    return fail(why, why_n, "does not end with </svg> (cut short?)");
  return 0;
}

static int check_pdf(const unsigned char *head, size_t nhead, const unsigned char *tail,
                     size_t ntail, char *why, size_t why_n)
{
  if (nhead < 5 || memcmp(head, "%PDF-", 5) != 0)
    return fail(why, why_n, "does not start with %%PDF-");
  size_t from = ntail > 1024 ? ntail - 1024 : 0;
  for (size_t i = from; i + 5 <= ntail; i++)
    if (memcmp(tail + i, "%%EOF", 5) == 0)
      return 0;
  return fail(why, why_n, "no %%%%EOF in its last 1024 bytes (cut short?)");
}

int image_check(const char *path, const char *fmt, char *why, size_t why_n)
{
  int (*check)(const unsigned char *, size_t, const unsigned char *, size_t, char *, size_t);
  if (strcmp(fmt, "png") == 0)
    check = check_png;
  else if (strcmp(fmt, "svg") == 0)
    check = check_svg;
  else if (strcmp(fmt, "pdf") == 0)
    check = check_pdf;
  else
    return fail(why, why_n, "unknown image format '%s'", fmt);

  /* O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
   * writer; a regular file ignores it. */
  int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0)
    return fail(why, why_n, "%s", errno == ELOOP ? "a symbolic link, not a file" : strerror(errno));
  struct stat st;
  unsigned char head[HEAD], tail[TAIL];
  int rc;
  if (fstat(fd, &st) != 0) {
    rc = fail(why, why_n, "%s", strerror(errno));
  } else if (!S_ISREG(st.st_mode)) {
    rc = fail(why, why_n, "not a regular file");
  } else if (st.st_size == 0) {
    rc = fail(why, why_n, "empty");
  } else {
    size_t size = (size_t)st.st_size;
    size_t nhead = size < HEAD ? size : HEAD, ntail = size < TAIL ? size : TAIL;
    if (read_at(fd, head, nhead, 0) != 0 ||
        read_at(fd, tail, ntail, st.st_size - (off_t)ntail) != 0)
      rc = fail(why, why_n, "cannot be read to its end");
    else
      rc = check(head, nhead, tail, ntail, why, why_n);
  }
  close(fd);
  return rc;
}
