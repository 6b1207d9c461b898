/* Opening the files renewcalc reads. Every input (site, bond, factor
 * preset, claim ranges, monthly means, solar and wind profiles, power
 * curves, batch lists and shard outputs) is opened here, so that each one:
 * - is a regular file: a FIFO, device, socket or folder is refused before
 *   anything is read from it, and opening never blocks (a FIFO with no
 *   writer would otherwise hang renewcalc for good);
 * - is within its size limit (SECURITY.md), checked on the descriptor that
 *   is then read, so the file cannot be swapped between check and read;
 * - is remembered, so that no output of the same run replaces it.
 *
 * The last point needs one table for the whole process: an output is
 * written after its inputs were read, often by another part of the
 * program (and in `batch` by several threads at once), and must be
 * compared with every input opened so far. That table, guarded by a
 * mutex, is the only state this module keeps. */
#ifndef RENEWCALC_INFILE_H
#define RENEWCALC_INFILE_H

#include <stdio.h>
#include <sys/types.h>

struct diag;

/* Data files (solar and wind profiles, batch site lists and shard outputs,
 * power curves): 4 GiB, room for 20 years of 1-minute data (10,540,800
 * rows) in the widest format renewcalc reads. */
#define INFILE_DATA_MAX ((long long)4 << 30)
/* Configuration files (site, bond, monthly means, factor presets, claim
 * ranges): 16 MiB, libconfig reads them whole. */
#define INFILE_CONFIG_MAX ((long long)16 << 20)

/* Opens the regular file at path for reading, at most max_bytes long, and
 * records its device and inode for infile_was_read(). Returns the stream
 * (the caller fclose()s it), or NULL with one message in d:
 * "renewcalc: cannot open 'PATH': REASON" when it cannot be opened,
 * "PATH: expected a regular file, got a FIFO" (a folder, a character
 * device, ...) or "PATH: expected a file of at most 16 MiB (SECURITY.md),
 * got N bytes". Only the first is a failure of the system
 * (diag_system_errors()); the others are bad input. */
FILE *infile_open(const char *path, long long max_bytes, struct diag *d);

/* As infile_open(), with what in place of "cannot open" in the message
 * ("cannot open site file"); what NULL: no message when the file cannot be
 * opened (errno tells why, d is left as it was), for a caller that
 * explains a missing file in its own words. */
FILE *infile_open_as(const char *path, long long max_bytes, const char *what,
                     struct diag *d);

/* 1 if this process has opened the file (dev, ino) through infile_open(),
 * else 0. Safe to call from any thread. */
int infile_was_read(dev_t dev, ino_t ino);

/* Forgets every file opened so far (tests; a program that runs several
 * independent jobs in turn). */
void infile_forget_all(void);

/* What a file that is not a regular one is, for messages: "a directory",
 * "a FIFO", "a symbolic link", ... */
const char *infile_kind(mode_t mode);

#endif
