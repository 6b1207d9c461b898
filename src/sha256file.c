/* SHA-256 of a file; see sha256file.h. */
#define _GNU_SOURCE /* O_NOFOLLOW, O_CLOEXEC */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include "diag.h"
#include "infile.h"
#include "sha256file.h"

static void to_hex(const struct sha256_ctx *ctx, char hex[65])
{
  static const char digits[] = "0123456789abcdef";
  unsigned char md[SHA256_DIGEST_SIZE];
  sha256_digest((struct sha256_ctx *)ctx, sizeof md, md);
  for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
    hex[2 * i] = digits[md[i] >> 4];
    hex[2 * i + 1] = digits[md[i] & 15];
  }
  hex[64] = '\0';
}

/* Hashes what fd holds from its offset on, at most max_bytes; 0, or -1
 * with errno set (EFBIG past max_bytes). */
static int hash_fd(int fd, long long max_bytes, char hex[65])
{
  struct sha256_ctx ctx;
  sha256_init(&ctx);
  unsigned char buf[65536];
  ssize_t got;
  long long total = 0;
  while ((got = read(fd, buf, sizeof buf)) > 0 && (total += got) <= max_bytes)
    sha256_update(&ctx, (size_t)got, buf);
  if (got < 0 || total > max_bytes) {
    errno = got < 0 ? (errno ? errno : EIO) : EFBIG;
    return -1;
  }
  to_hex(&ctx, hex);
  return 0;
}

int sha256_file(const char *path, char hex[65])
{
  hex[0] = '\0';
  /* Read as any input, so that a FIFO put in the file's place cannot hang
   * the report; the reason for a refusal is given by errno alone. */
  struct diag *d = diag_new();
  if (!d)
    return -1;
  FILE *f = infile_open(path, INFILE_DATA_MAX, d);
  int why = !f && diag_system_errors(d) == 0 ? EINVAL : errno;
  diag_free(d);
  if (!f) {
    errno = why;
    return -1;
  }
  int rc = hash_fd(fileno(f), INFILE_DATA_MAX, hex);
  int e = errno;
  fclose(f);
  errno = e;
  return rc;
}

int sha256_at(int dirfd, const char *name, long long max_bytes, char hex[65])
{
  hex[0] = '\0';
  int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return -1;
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (long long)st.st_size > max_bytes) {
    close(fd);
    errno = EINVAL;
    return -1;
  }
  int rc = hash_fd(fd, max_bytes, hex);
  int e = errno;
  close(fd);
  errno = e;
  return rc;
}

void sha256_mem(const void *data, size_t n, char hex[65])
{
  struct sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, n, data);
  to_hex(&ctx, hex);
}
