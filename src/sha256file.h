/* SHA-256 of a file (FIPS 180-4, computed by nettle), for the input list of
 * a report so that a reader can check they hold the same files, and for the
 * totals row of renewcalc batch (the list and template a table comes from). */
#ifndef RENEWCALC_SHA256FILE_H
#define RENEWCALC_SHA256FILE_H

#include <stddef.h>

/* Hashes the file at path into hex: 64 lowercase hex digits and a NUL.
 * Returns 0, or -1 with errno set (cannot open or read; hex is then ""). */
int sha256_file(const char *path, char hex[65]);

/* Hashes the regular file name in the folder dirfd (no link followed, not
 * taken for an input of the run: for renewcalc's own outputs) of at most
 * max_bytes into hex. 0, or -1 with errno set (EINVAL: not a regular file
 * or too large). */
int sha256_at(int dirfd, const char *name, long long max_bytes, char hex[65]);

/* Hashes the n bytes at data into hex (64 lowercase hex digits and a NUL). */
void sha256_mem(const void *data, size_t n, char hex[65]);

#endif
