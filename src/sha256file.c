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
  struct sha256_ctx ctx;
  sha256_init(&ctx);
  unsigned char buf[65536];
  size_t got;
  while ((got = fread(buf, 1, sizeof buf, f)) > 0)
    sha256_update(&ctx, got, buf);
  if (ferror(f)) {
    int e = errno;
    fclose(f);
    errno = e ? e : EIO;
    return -1;
  }
  fclose(f);
  to_hex(&ctx, hex);
  return 0;
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
  struct sha256_ctx ctx;
  sha256_init(&ctx);
  unsigned char buf[65536];
  ssize_t got;
  long long total = 0;
  while ((got = read(fd, buf, sizeof buf)) > 0 && (total += got) <= max_bytes)
    sha256_update(&ctx, (size_t)got, buf);
  int e = got < 0 ? errno : total > max_bytes ? EFBIG : 0;
  close(fd);
  if (e) {
    errno = e;
    return -1;
  }
  to_hex(&ctx, hex);
  return 0;
}

void sha256_mem(const void *data, size_t n, char hex[65])
{
  struct sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, n, data);
  to_hex(&ctx, hex);
}
