/* SHA-256 of a file; see sha256file.h. */
#include <errno.h>
#include <stdio.h>

#include <nettle/sha2.h>

#include "diag.h"
#include "infile.h"
#include "sha256file.h"

int sha256_file(const char *path, char hex[65])
{
  static const char digits[] = "0123456789abcdef";
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
  unsigned char md[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, sizeof md, md);
  for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
    hex[2 * i] = digits[md[i] >> 4];
    hex[2 * i + 1] = digits[md[i] & 15];
  }
  hex[64] = '\0';
  return 0;
}
