/* What an output may replace: the checks every writer makes on the name
 * it is about to take in the folder the user chose (SECURITY.md). */
#ifndef RENEWCALC_OUTTARGET_H
#define RENEWCALC_OUTTARGET_H

struct diag;

/* Results of outtarget_check(), also returned by the commits of output
 * sets and streams. */
enum outtarget {
  OUTTARGET_OK = 0,
  OUTTARGET_FAIL = -1,     /* runtime failure: exit status 1 */
  OUTTARGET_INPUT = -2     /* the output would replace an input: exit status 2 */
};

/* Checks name in the folder open as dirfd (shown as "shown" in messages):
 * absent, or a regular file that is not an input of this run (see
 * infile_was_read()). Symbolic links are not followed: a link, folder,
 * device or FIFO under that name is never replaced. OUTTARGET_OK, or
 * another value with a message in d. */
int outtarget_check(int dirfd, const char *name, const char *shown, struct diag *d);

/* 1 if name can name a file renewcalc writes in a folder: not empty, at
 * most 255 bytes, no '/', no control character, not "." or "..". */
int outtarget_name_ok(const char *name);

/* Removes the folder name in dirfd and the regular files in it, one level
 * of sub-folders deep, without following links. 0 or -1 (errno). */
int outtarget_remove_tree(int dirfd, const char *name);

/* Takes the lock of the folder dirfd (flock on the folder itself, so that
 * no lock file is left), waiting for it: runs that sweep, stage or commit
 * in one folder do so in turn. The descriptor to close() to release it, or
 * -1 (errno). */
int outtarget_lock_folder(int dirfd);

/* Removes the entries of the folder dirfd for which match(name, arg) is 1
 * and on which no live process holds a flock: what killed runs left (a
 * staging folder with its files, a temporary file). Links and other kinds
 * of file are left alone. Call it with the folder's lock held, so that
 * nothing another run is still setting up is taken for a leftover. */
void outtarget_sweep(int dirfd, int (*match)(const char *name, const void *arg),
                     const void *arg);

#endif
