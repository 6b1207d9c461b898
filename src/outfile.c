/* Output sets committed all or nothing; see outfile.h. */
#define _GNU_SOURCE /* O_NOFOLLOW, O_DIRECTORY, O_CLOEXEC, flock */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "infile.h"
#include "sha256file.h"

#define OUTSET_MAX_FILES 96
#define OUT_PATH_MAX 1200
#define OLD_MAX 256
/* The largest file a set may hold: checked when files are hashed. */
#define OUT_FILE_MAX ((long long)1 << 40)
#define IDENTITY_SIZE 64
#define LIST_FILE_TAG "# renewcalc-file "

#define JOURNAL_NAME ".renewcalc-commit"
#define STAGE_PREFIX ".renewcalc-new-"
#define OLD_NAME "old"

struct outset {
  char dir[OUT_PATH_MAX];   /* the target folder, as the user named it */
  char stage[OUT_PATH_MAX]; /* dir/.renewcalc-new-XXXXXX */
  const char *stage_base;   /* its last component */
  int dirfd, stagefd;       /* stagefd holds the staging folder's flock */
  struct diag *d;
  int refused_input;
  int n;
  FILE *f[OUTSET_MAX_FILES];
  char name[OUTSET_MAX_FILES][256];
  char hex[OUTSET_MAX_FILES + 1][65]; /* SHA-256 of each, and of the list, at commit */
  char id[OUTSET_MAX_FILES + 1][IDENTITY_SIZE]; /* identity_at() of each, and of the list */
  char earlier_hex[65];               /* the earlier list expected at commit, or "" */
};

/* The live set, for the signal handler (renewcalc writes one set at a time). */
static struct outset *volatile live;

/* mkdir -p */
static int make_dirs(const char *dir)
{
  char buf[OUT_PATH_MAX];
  snprintf(buf, sizeof buf, "%s", dir);
  for (char *p = buf + 1; *p; p++) {
    if (*p != '/')
      continue;
    *p = '\0';
    if (mkdir(buf, 0777) != 0 && errno != EEXIST)
      return -1;
    *p = '/';
  }
  if (mkdir(buf, 0777) != 0 && errno != EEXIST)
    return -1;
  struct stat st;
  if (stat(buf, &st) != 0 || !S_ISDIR(st.st_mode)) {
    errno = ENOTDIR;
    return -1;
  }
  return 0;
}

/* 1 if name is a staging folder's name. */
static int is_stage_name(const char *name)
{
  size_t k = sizeof STAGE_PREFIX - 1;
  return strncmp(name, STAGE_PREFIX, k) == 0 && strlen(name) == k + 6 &&
         strchr(name, '/') == NULL;
}

static int is_hex64(const char *s)
{
  int n = 0;
  while (n < 64 && ((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
    n++;
  return n == 64;
}

int outset_name_ok(const char *name)
{
  size_t n = strlen(name);
  if (n == 0 || n > 255 || name[0] == '.')
    return 0;
  for (const char *p = name; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
          *p == '.' || *p == '_' || *p == '-'))
      return 0;
  return 1;
}

/* What a commit moves: the new files (with the SHA-256 each had when it
 * was written) and the earlier ones set aside. */
struct journal {
  char stage[64];
  int n_new, n_old;
  char new_name[OUTSET_MAX_FILES + 1][256];
  char new_hex[OUTSET_MAX_FILES + 1][65];
  char new_id[OUTSET_MAX_FILES + 1][IDENTITY_SIZE];
  char old_name[OLD_MAX][256];
};

/* 1 if the regular file name in dirfd has the SHA-256 hex. */
static int same_content(int dirfd, const char *name, const char *hex)
{
  char got[65];
  return sha256_at(dirfd, name, OUT_FILE_MAX, got) == 0 && strcmp(got, hex) == 0;
}

/* The identity of the regular file name in dirfd: its inode and the
 * nanosecond it was last written. A rename keeps both, and nobody who
 * sends a folder can know them for a file of the user's, so a list or
 * journal in the folder can name only files renewcalc itself wrote there.
 * 0, or -1 (no such regular file). */
static int identity_at(int dirfd, const char *name, char id[IDENTITY_SIZE])
{
  struct stat st;
  if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
    return -1;
  snprintf(id, IDENTITY_SIZE, "%ju.%jd.%09ld", (uintmax_t)st.st_ino, (intmax_t)st.st_mtim.tv_sec,
           (long)st.st_mtim.tv_nsec);
  return 0;
}

/* 1 if name in dirfd is the very file whose identity is id, and no input
 * of this run. */
static int same_file(int dirfd, const char *name, const char *id)
{
  char got[IDENTITY_SIZE];
  struct stat st;
  return identity_at(dirfd, name, got) == 0 && strcmp(got, id) == 0 &&
         fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
         !infile_was_read(st.st_dev, st.st_ino);
}

/* Undoes a commit: new files moved in go back to the staging folder (to be
 * removed with it), earlier ones set aside come back. Every step is
 * idempotent, so a recovery cut short is finished by the next. A journal
 * is a file in a folder others can write to, so it moves nothing but what
 * a commit would have moved: a new file only while it is the very file
 * renewcalc wrote, unchanged (and no input of this run), an earlier one
 * only into a free name. */
static void roll_back(int dirfd, int stagefd, const struct journal *j)
{
  for (int i = 0; i < j->n_new; i++) {
    struct stat st;
    if (fstatat(stagefd, j->new_name[i], &st, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT &&
        same_file(dirfd, j->new_name[i], j->new_id[i]) &&
        same_content(dirfd, j->new_name[i], j->new_hex[i]))
      renameat(dirfd, j->new_name[i], stagefd, j->new_name[i]);
  }
  int oldfd = openat(stagefd, OLD_NAME, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (oldfd >= 0) {
    for (int i = 0; i < j->n_old; i++) {
      struct stat st;
      if (fstatat(oldfd, j->old_name[i], &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode))
        renameat2(oldfd, j->old_name[i], dirfd, j->old_name[i], RENAME_NOREPLACE);
    }
    close(oldfd);
  }
}

/* Reads a journal; 0, or -1 when it is not one renewcalc wrote. */
static int journal_read(int dirfd, struct journal *j)
{
  memset(j, 0, sizeof *j);
  int fd = openat(dirfd, JOURNAL_NAME, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return -1;
  FILE *f = fdopen(fd, "r");
  if (!f) {
    close(fd);
    return -1;
  }
  char line[400];
  int ok = fgets(line, sizeof line, f) && strcmp(line, "renewcalc-commit 3\n") == 0;
  while (ok && fgets(line, sizeof line, f)) {
    size_t len = strcspn(line, "\n");
    if (line[len] != '\n')
      ok = 0;
    line[len] = '\0';
    const char *name = strrchr(line, ' ');
    if (name)
      name++;
    if (!name)
      ok = 0;
    else if (strncmp(line, "stage ", 6) == 0 && is_stage_name(name))
      snprintf(j->stage, sizeof j->stage, "%s", name);
    else if (!outset_name_ok(name))
      ok = 0;
    else if (strncmp(line, "new ", 4) == 0 && is_hex64(line + 4) && line[68] == ' ' &&
             name - (line + 69) > 0 && name - (line + 69) < IDENTITY_SIZE &&
             j->n_new < OUTSET_MAX_FILES + 1) {
      snprintf(j->new_hex[j->n_new], 65, "%.64s", line + 4);
      snprintf(j->new_id[j->n_new], IDENTITY_SIZE, "%.*s", (int)(name - (line + 69) - 1),
               line + 69);
      snprintf(j->new_name[j->n_new++], 256, "%.255s", name);
    } else if (strncmp(line, "old ", 4) == 0 && name == line + 4 && j->n_old < OLD_MAX)
      snprintf(j->old_name[j->n_old++], 256, "%.255s", name);
    else
      ok = 0;
  }
  fclose(f);
  return ok && j->stage[0] ? 0 : -1;
}

/* Under the folder's lock: a commit cut short (the process was killed) is
 * rolled back; a journal renewcalc cannot read is left for the user. */
static void recover(int dirfd)
{
  struct journal *j = malloc(sizeof *j);
  if (!j)
    return;
  if (journal_read(dirfd, j) == 0) {
    int stagefd = openat(dirfd, j->stage, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (stagefd >= 0) {
      roll_back(dirfd, stagefd, j);
      close(stagefd);
    }
    unlinkat(dirfd, JOURNAL_NAME, 0);
  }
  free(j);
}

static int match_stage(const char *name, const void *unused)
{
  (void)unused;
  return is_stage_name(name);
}

struct outset *outset_new(const char *dir, struct diag *d)
{
  struct outset *o = calloc(1, sizeof *o);
  if (!o) {
    diag_msg(d, "out of memory");
    return NULL;
  }
  o->d = d;
  o->dirfd = o->stagefd = -1;
  int len1 = snprintf(o->dir, sizeof o->dir, "%s", dir);
  int len2 = snprintf(o->stage, sizeof o->stage, "%s/%sXXXXXX", dir, STAGE_PREFIX);
  if (len1 >= OUT_PATH_MAX || len2 >= OUT_PATH_MAX) {
    diag_msg(d, "output folder path too long: '%s'", dir);
    free(o);
    return NULL;
  }
  if (make_dirs(dir) != 0 ||
      (o->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
    diag_errno(d, "cannot create output folder", dir);
    free(o);
    return NULL;
  }
  int lock = outtarget_lock_folder(o->dirfd);
  if (lock < 0) {
    diag_errno(d, "cannot lock output folder", dir);
    close(o->dirfd);
    free(o);
    return NULL;
  }
  recover(o->dirfd);
  /* under the folder's lock: staging folders whose run is gone */
  outtarget_sweep(o->dirfd, match_stage, NULL);
  int bad = mkdtemp(o->stage) == NULL;
  if (!bad) {
    o->stage_base = o->stage + len2 - (int)(sizeof STAGE_PREFIX - 1) - 6;
    o->stagefd = openat(o->dirfd, o->stage_base, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    bad = o->stagefd < 0 || flock(o->stagefd, LOCK_EX | LOCK_NB) != 0;
  }
  if (bad)
    diag_errno(d, "cannot write in output folder", dir);
  close(lock);
  if (bad) {
    if (o->stagefd >= 0)
      close(o->stagefd);
    if (o->stage_base)
      unlinkat(o->dirfd, o->stage_base, AT_REMOVEDIR);
    close(o->dirfd);
    free(o);
    return NULL;
  }
  live = o;
  return o;
}

const char *outset_dir(const struct outset *o)
{
  return o->dir;
}

const char *outset_stage(const struct outset *o)
{
  return o->stage;
}

int outset_count(const struct outset *o)
{
  return o->n;
}

const char *outset_name(const struct outset *o, int i)
{
  return i >= 0 && i < o->n ? o->name[i] : NULL;
}

static int find(const struct outset *o, const char *name)
{
  for (int i = 0; i < o->n; i++)
    if (strcmp(o->name[i], name) == 0)
      return i;
  return -1;
}

void outset_expect_earlier(struct outset *o, const char *list_hex)
{
  snprintf(o->earlier_hex, sizeof o->earlier_hex, "%s", list_hex);
}

int outset_has(const struct outset *o, const char *name)
{
  return find(o, name) >= 0;
}

/* Room for one more file called name, which must be new to the set and
 * replaceable in the target folder. */
static int check_new(struct outset *o, const char *name)
{
  char shown[OUT_PATH_MAX + 300];
  snprintf(shown, sizeof shown, "%s/%s", o->dir, name);
  if (!outset_name_ok(name) || find(o, name) >= 0) {
    diag_msg(o->d, "internal: output name '%s' is not a new plain name", name);
    return -1;
  }
  if (o->n == OUTSET_MAX_FILES) {
    diag_msg(o->d, "too many output files in one set");
    return -1;
  }
  int rc = outtarget_check(o->dirfd, name, shown, o->d);
  if (rc == OUTTARGET_INPUT)
    o->refused_input = 1;
  return rc == OUTTARGET_OK ? 0 : -1;
}

FILE *outset_open(struct outset *o, const char *name)
{
  if (check_new(o, name) != 0)
    return NULL;
  int fd = openat(o->stagefd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!f) {
    char path[OUT_PATH_MAX + 300];
    snprintf(path, sizeof path, "%s/%s", o->dir, name);
    diag_errno(o->d, "cannot write", path);
    if (fd >= 0)
      close(fd);
    return NULL;
  }
  int i = o->n++;
  snprintf(o->name[i], sizeof o->name[i], "%s", name);
  o->f[i] = f;
  return f;
}

int outset_adopt(struct outset *o, const char *name)
{
  if (check_new(o, name) != 0)
    return -1;
  struct stat st;
  if (fstatat(o->stagefd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) {
    diag_msg(o->d, "expected a regular file '%s' in the staging folder '%s', got none", name,
             o->stage);
    return -1;
  }
  int i = o->n++;
  snprintf(o->name[i], sizeof o->name[i], "%s", name);
  o->f[i] = NULL;
  return 0;
}

/* Closes the stream of file i; 0, or -1 with a message. */
static int close_one(struct outset *o, int i)
{
  if (!o->f[i])
    return 0;
  int err = ferror(o->f[i]);
  int rc = fclose(o->f[i]);
  o->f[i] = NULL;
  if (rc == 0 && !err)
    return 0;
  char path[OUT_PATH_MAX + 300];
  snprintf(path, sizeof path, "%s/%s", o->dir, o->name[i]);
  if (err && errno == 0)
    errno = EIO;
  diag_errno(o->d, "cannot write", path);
  return -1;
}

int outset_finish(struct outset *o, const char *name)
{
  int i = find(o, name);
  return i < 0 ? 0 : close_one(o, i);
}

/* Frees the set after removing its staging folder. */
static void discard(struct outset *o)
{
  for (int i = 0; i < o->n; i++)
    if (o->f[i])
      fclose(o->f[i]);
  live = NULL;
  outtarget_remove_tree(o->dirfd, o->stage_base);
  close(o->stagefd);
  close(o->dirfd);
  free(o);
}

int outset_abort(struct outset *o)
{
  if (!o)
    return OUTTARGET_FAIL;
  int rc = o->refused_input ? OUTTARGET_INPUT : OUTTARGET_FAIL;
  discard(o);
  return rc;
}

/* Writes the list of the set (SHA-256 and name of each file, sorted as
 * written) into the staging folder. 0 or -1 with a message. */
static int write_list(struct outset *o)
{
  int fd = openat(o->stagefd, OUTSET_LIST, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                  0666);
  FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!f) {
    if (fd >= 0)
      close(fd);
    diag_errno(o->d, "cannot write in output folder", o->dir);
    return -1;
  }
  int bad = 0;
  for (int i = 0; i < o->n && !bad; i++) {
    if (sha256_at(o->stagefd, o->name[i], OUT_FILE_MAX, o->hex[i]) != 0 ||
        identity_at(o->stagefd, o->name[i], o->id[i]) != 0) {
      char path[OUT_PATH_MAX + 300];
      snprintf(path, sizeof path, "%s/%s", o->dir, o->name[i]);
      diag_errno(o->d, "cannot read back", path);
      bad = 1;
    } else {
      fprintf(f, "%s  %s\n", o->hex[i], o->name[i]);
    }
  }
  /* Comments to sha256sum: which files renewcalc wrote (identity_at()). */
  for (int i = 0; i < o->n && !bad; i++)
    fprintf(f, LIST_FILE_TAG "%s %s\n", o->id[i], o->name[i]);
  int err = ferror(f);
  if (fclose(f) != 0 || err) {
    if (!bad)
      diag_errno(o->d, "cannot write in output folder", o->dir);
    bad = 1;
  }
  if (!bad && (sha256_at(o->stagefd, OUTSET_LIST, OUT_FILE_MAX, o->hex[o->n]) != 0 ||
               identity_at(o->stagefd, OUTSET_LIST, o->id[o->n]) != 0)) {
    diag_errno(o->d, "cannot write in output folder", o->dir);
    bad = 1;
  }
  return bad ? -1 : 0;
}

/* The files of the folder's earlier set, from its list. The list is a
 * file in a folder others can write to, so a name counts only when its
 * identity line matches the file there: the very file renewcalc wrote,
 * unchanged since, and no input of this run. A list from elsewhere cannot
 * make renewcalc move or remove the user's files or the run's inputs. */
static void earlier_set(int dirfd, struct journal *j)
{
  int fd = openat(dirfd, OUTSET_LIST, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  struct stat st;
  FILE *f = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? fdopen(fd, "r") : NULL;
  if (!f) {
    if (fd >= 0)
      close(fd);
    return;
  }
  char line[400];
  const size_t tag = sizeof LIST_FILE_TAG - 1;
  /* renewcalc writes one line per file: more is not its list */
  for (int lines = 0; lines < 2 * OLD_MAX && j->n_old < OLD_MAX - 1 && fgets(line, sizeof line, f);
       lines++) {
    line[strcspn(line, "\n")] = '\0';
    char *name = strrchr(line, ' ');
    if (strncmp(line, LIST_FILE_TAG, tag) != 0 || !name || name - (line + tag) >= IDENTITY_SIZE)
      continue;
    *name++ = '\0';
    int dup = 0;
    for (int k = 0; k < j->n_old && !dup; k++)
      dup = strcmp(j->old_name[k], name) == 0;
    if (!dup && outset_name_ok(name) && same_file(dirfd, name, line + tag))
      snprintf(j->old_name[j->n_old++], 256, "%.255s", name);
  }
  fclose(f);
}

/* Writes the journal of a commit into the staging folder and moves it
 * into the folder. 0 or -1. */
static int journal_write(struct outset *o, const struct journal *j)
{
  int fd = openat(o->stagefd, JOURNAL_NAME, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                  0666);
  FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!f) {
    if (fd >= 0)
      close(fd);
    return -1;
  }
  fprintf(f, "renewcalc-commit 3\nstage %s\n", j->stage);
  for (int i = 0; i < j->n_new; i++)
    fprintf(f, "new %s %s %s\n", j->new_hex[i], j->new_id[i], j->new_name[i]);
  for (int i = 0; i < j->n_old; i++)
    fprintf(f, "old %s\n", j->old_name[i]);
  int err = ferror(f);
  if (fclose(f) != 0 || err)
    return -1;
  return renameat(o->stagefd, JOURNAL_NAME, o->dirfd, JOURNAL_NAME);
}

/* The swap, under the folder's lock and with signals held: the earlier
 * set aside, the new one in, the journal dropped. 0, or -1 (errno) after
 * rolling back. */
static int swap_in(struct outset *o, struct journal *j)
{
  if (mkdirat(o->stagefd, OLD_NAME, 0700) != 0 || journal_write(o, j) != 0)
    return -1;
  int oldfd = openat(o->stagefd, OLD_NAME, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  int bad = oldfd < 0;
  for (int i = 0; i < j->n_old && !bad; i++)
    bad = renameat(o->dirfd, j->old_name[i], oldfd, j->old_name[i]) != 0 && errno != ENOENT;
  for (int i = 0; i < j->n_new && !bad; i++)
    bad = renameat(o->stagefd, j->new_name[i], o->dirfd, j->new_name[i]) != 0;
  int e = errno;
  if (oldfd >= 0)
    close(oldfd);
  if (bad)
    roll_back(o->dirfd, o->stagefd, j);
  if (unlinkat(o->dirfd, JOURNAL_NAME, 0) != 0 && !bad) {
    e = errno;
    roll_back(o->dirfd, o->stagefd, j);
    unlinkat(o->dirfd, JOURNAL_NAME, 0);
    bad = 1;
  }
  errno = e;
  return bad ? -1 : 0;
}

int outset_commit(struct outset *o)
{
  int bad = 0;
  for (int i = 0; i < o->n; i++)
    bad |= close_one(o, i) != 0;
  if (bad || write_list(o) != 0)
    return outset_abort(o);
  struct journal *j = calloc(1, sizeof *j);
  int lock = j ? outtarget_lock_folder(o->dirfd) : -1;
  if (lock < 0) {
    diag_errno(o->d, j ? "cannot lock output folder" : "out of memory in", o->dir);
    free(j);
    return outset_abort(o);
  }
  recover(o->dirfd);
  snprintf(j->stage, sizeof j->stage, "%s", o->stage_base);
  for (int i = 0; i <= o->n; i++) {
    memcpy(j->new_hex[j->n_new], o->hex[i], 65);
    memcpy(j->new_id[j->n_new], o->id[i], IDENTITY_SIZE);
    snprintf(j->new_name[j->n_new++], 256, "%s", i < o->n ? o->name[i] : OUTSET_LIST);
  }
  int rc = OUTTARGET_OK;
  if (o->earlier_hex[0] && !same_content(o->dirfd, OUTSET_LIST, o->earlier_hex)) {
    diag_at(o->d, o->dir, 0, "expected the set this run started from, got a set another run "
            "wrote meanwhile; nothing written (run again)");
    rc = OUTTARGET_FAIL;
  }
  for (int i = 0; i < j->n_new && rc == OUTTARGET_OK; i++) {
    char shown[OUT_PATH_MAX + 300];
    snprintf(shown, sizeof shown, "%s/%s", o->dir, j->new_name[i]);
    rc = outtarget_check(o->dirfd, j->new_name[i], shown, o->d);
  }
  if (rc == OUTTARGET_OK) {
    /* The earlier set, then every new name (a file of an older renewcalc
     * or of the user under that name goes aside too, and comes back on a
     * roll-back). */
    earlier_set(o->dirfd, j);
    for (int i = 0; i < j->n_new && j->n_old < OLD_MAX; i++) {
      int dup = 0;
      for (int k = 0; k < j->n_old && !dup; k++)
        dup = strcmp(j->old_name[k], j->new_name[i]) == 0;
      if (!dup)
        snprintf(j->old_name[j->n_old++], 256, "%s", j->new_name[i]);
    }
    sigset_t all, saved;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &saved);
    if (swap_in(o, j) != 0) {
      diag_errno(o->d, "cannot move the outputs into", o->dir);
      rc = OUTTARGET_FAIL;
    }
    live = NULL;
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
  } else if (rc == OUTTARGET_INPUT) {
    o->refused_input = 1;
  }
  close(lock);
  free(j);
  if (rc != OUTTARGET_OK)
    return outset_abort(o);
  o->n = 0;
  discard(o);
  return OUTTARGET_OK;
}

void outset_cleanup_on_signal(void)
{
  struct outset *o = live;
  if (!o)
    return;
  for (int i = 0; i < o->n; i++)
    unlinkat(o->stagefd, o->name[i], 0);
  unlinkat(o->stagefd, OUTSET_LIST, 0);
  unlinkat(o->dirfd, o->stage_base, AT_REMOVEDIR);
}
