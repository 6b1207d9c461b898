/* Rendering a folder's charts again; see plot_folder.h. */
#define _GNU_SOURCE /* O_NOFOLLOW, O_CLOEXEC */
#include "plot_folder.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chartcheck.h"
#include "datadir.h"
#include "diag.h"
#include "infile.h"
#include "outfile.h"
#include "plot.h"
#include "sha256file.h"

#define LIST_MAX_BYTES (1 << 20)
#define LISTED_MAX 96
#define SCRIPT_MAX_BYTES (1 << 20)

/* One entry of a folder's list. */
struct listed {
  char hex[65];
  char name[256];
};

/* The whole regular file name of dirfd (at most max bytes) in *buf (the
 * caller frees it); its length, or -1. */
static long read_small(int dirfd, const char *name, long max, char **buf)
{
  *buf = NULL;
  int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > max ||
      !(*buf = malloc((size_t)st.st_size + 1))) {
    if (fd >= 0)
      close(fd);
    return -1;
  }
  long n = 0;
  ssize_t got;
  while (n <= st.st_size && (got = read(fd, *buf + n, (size_t)(st.st_size + 1 - n))) > 0)
    n += got;
  close(fd);
  if (n != st.st_size) {
    free(*buf);
    *buf = NULL;
    return -1;
  }
  return n;
}

/* The entries of the folder's list and the list's own SHA-256; how many,
 * or -1 when it has none. Lines that are not "HEX  NAME" with a name a set
 * can hold are passed over. */
static int read_list(int dirfd, struct listed *e, char list_hex[65])
{
  char *text;
  long len = read_small(dirfd, OUTSET_LIST, LIST_MAX_BYTES, &text);
  if (len < 0)
    return -1;
  sha256_mem(text, (size_t)len, list_hex);
  text[len] = '\0';
  int n = 0;
  for (char *line = text, *next; *line && n < LISTED_MAX; line = next) {
    next = line + strcspn(line, "\n");
    if (*next)
      *next++ = '\0';
    if (strlen(line) < 67 || strspn(line, "0123456789abcdef") != 64 || line[64] != ' ' ||
        line[65] != ' ' || !outset_name_ok(line + 66))
      continue;
    snprintf(e[n].hex, sizeof e[n].hex, "%.64s", line);
    snprintf(e[n].name, sizeof e[n].name, "%.255s", line + 66);
    n++;
  }
  free(text);
  return n;
}

/* 1 if name is NAME.fmt for a chart script NAME.gp of the list: an image
 * that is rendered again rather than kept. */
static int is_rendered(const struct listed *e, int n, const char *name, const char *fmt)
{
  size_t len = strlen(name), flen = strlen(fmt);
  if (len <= flen + 1 || name[len - flen - 1] != '.' || strcmp(name + len - flen, fmt) != 0)
    return 0;
  for (int i = 0; i < n; i++) {
    size_t l = strlen(e[i].name);
    if (l == len - flen + 2 && strncmp(e[i].name, name, len - flen) == 0 &&
        strcmp(e[i].name + l - 2, "gp") == 0 && strcmp(e[i].name, "style.gp") != 0)
      return 1;
  }
  return 0;
}

/* Copies name of dirfd into the set; 0, 1 when the copy (in the private
 * staging folder, hashed there) is not what the list says (the file
 * changed since verify()), -1 on error. */
static int copy_listed(struct outset *o, int dirfd, const char *dir, const struct listed *e,
                       struct diag *d)
{
  char path[1600];
  snprintf(path, sizeof path, "%s/%s", dir, e->name);
  int fd = openat(dirfd, e->name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    diag_errno(d, "cannot read", path);
    return -1;
  }
  FILE *out = outset_open(o, e->name);
  if (!out) {
    close(fd);
    return -1;
  }
  unsigned char buf[65536];
  ssize_t got;
  int bad = 0;
  while (!bad && (got = read(fd, buf, sizeof buf)) > 0)
    bad = fwrite(buf, 1, (size_t)got, out) != (size_t)got;
  int e_read = !bad && got < 0 ? errno : 0;
  close(fd);
  if (bad || e_read || outset_finish(o, e->name) != 0) {
    errno = e_read ? e_read : errno;
    diag_errno(d, e_read ? "cannot read" : "cannot write", e_read ? path : outset_dir(o));
    return -1;
  }
  int stagefd = open(outset_stage(o), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  char hex[65];
  int hashed = stagefd >= 0 && sha256_at(stagefd, e->name, INFILE_DATA_MAX, hex) == 0;
  if (stagefd >= 0)
    close(stagefd);
  if (!hashed) {
    diag_errno(d, "cannot read back", path);
    return -1;
  }
  return strcmp(hex, e->hex) == 0 ? 0 : 1;
}

/* The chart scripts and style.gp of the set are what renewcalc writes
 * from the templates it has; 0, or -1 with a message naming the first
 * that is not. */
static int check_scripts(struct outset *o, const char *dir, struct diag *d)
{
  const char *names[LISTED_MAX + 1];
  int n = plot_chart_scripts(o, names, LISTED_MAX);
  names[n++] = "style.gp";
  int stagefd = open(outset_stage(o), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int tmplfd = open(datadir_plots(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int bad = stagefd < 0 || tmplfd < 0;
  if (bad)
    diag_errno(d, "cannot open the chart templates in", datadir_plots());
  for (int i = 0; i < n && !bad; i++) {
    char *text = NULL, *tmpl = NULL, why[160], chart[256];
    if (outset_finish(o, names[i]) != 0) {
      bad = 1;
      break;
    }
    long len = outset_has(o, names[i]) ? read_small(stagefd, names[i], SCRIPT_MAX_BYTES, &text)
                                       : -2;
    long tlen = read_small(tmplfd, names[i], SCRIPT_MAX_BYTES, &tmpl);
    snprintf(chart, sizeof chart, "%.*s", (int)strlen(names[i]) - 3, names[i]);
    if (len == -2) {
      diag_at(d, dir, 0, "style.gp: expected the chart style renewcalc wrote, got none");
      bad = 1;
    } else if (len < 0 || tlen < 0) {
      diag_at(d, dir, 0, "%s: expected a chart renewcalc has a template for (plots/%s in %s), "
              "got none", names[i], names[i], datadir_plots());
      bad = 1;
    } else if (strcmp(names[i], "style.gp") == 0
                 ? (len != tlen || memcmp(text, tmpl, (size_t)len) != 0)
                 : chartcheck_script(text, (size_t)len, chart, tmpl, (size_t)tlen, why,
                                     sizeof why) != 0) {
      diag_at(d, dir, 0, "%s: expected a chart script as renewcalc writes it, got one where %s; "
              "nothing rendered (renewcalc plot --allow-edited renders your own edits)",
              names[i], strcmp(names[i], "style.gp") == 0 ? "the style differs from plots/style.gp"
                                                          : why);
      bad = 1;
    }
    free(text);
    free(tmpl);
  }
  if (stagefd >= 0)
    close(stagefd);
  if (tmplfd >= 0)
    close(tmplfd);
  return bad ? -1 : 0;
}

/* Every listed file (but the images rendered again) holds what the list
 * says, within the data size limit in all; 0, or PLOT_INPUT / PLOT_FAIL
 * with a message, before anything is copied. */
static int verify(int dirfd, const char *dir, const struct listed *e, int n, const char *fmt,
                  int allow_edited, struct diag *d)
{
  long long total = 0;
  for (int i = 0; i < n; i++) {
    if (is_rendered(e, n, e[i].name, fmt))
      continue;
    struct stat st;
    char hex[65];
    int found = fstatat(dirfd, e[i].name, &st, AT_SYMLINK_NOFOLLOW) == 0;
    if (!found || !S_ISREG(st.st_mode)) {
      diag_at(d, dir, 0, "%s: expected the regular file renewcalc wrote (listed in %s), got %s",
              e[i].name, OUTSET_LIST, found ? infile_kind(st.st_mode) : strerror(errno));
      return PLOT_INPUT;
    }
    if ((total += st.st_size) > INFILE_DATA_MAX) {
      diag_at(d, dir, 0, "expected the files of %s to hold at most %lld GiB in all "
              "(SECURITY.md), got more", OUTSET_LIST, INFILE_DATA_MAX >> 30);
      return PLOT_INPUT;
    }
    if (sha256_at(dirfd, e[i].name, INFILE_DATA_MAX, hex) != 0) {
      char path[1600];
      snprintf(path, sizeof path, "%s/%s", dir, e[i].name);
      diag_errno(d, "cannot read", path);
      return PLOT_FAIL;
    }
    if (strcmp(hex, e[i].hex) != 0 && !allow_edited) {
      diag_at(d, dir, 0, "%s: expected the file renewcalc wrote, got one changed since "
              "(SHA-256 differs from %s); nothing rendered (renewcalc plot --allow-edited "
              "renders your own edits)", e[i].name, OUTSET_LIST);
      return PLOT_INPUT;
    }
  }
  return 0;
}

int plot_folder(const char *dir, const char *fmt, const char *size, int allow_edited,
                struct diag *d)
{
  struct listed *e = malloc(LISTED_MAX * sizeof *e);
  int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (!e || dirfd < 0) {
    if (e)
      diag_errno(d, "cannot open output folder", dir);
    else
      diag_msg(d, "out of memory");
    free(e);
    if (dirfd >= 0)
      close(dirfd);
    return e ? PLOT_INPUT : PLOT_FAIL;
  }
  char list_hex[65];
  int n = read_list(dirfd, e, list_hex);
  int rc = 0;
  if (n <= 0) {
    diag_at(d, dir, 0, "expected a folder renewcalc wrote, with its list %s, got %s; renewcalc "
            "renders only the chart scripts it wrote itself", OUTSET_LIST,
            n < 0 ? "no list" : "an empty list");
    rc = PLOT_INPUT;
  }
  if (rc == 0)
    rc = verify(dirfd, dir, e, n, fmt, allow_edited, d);
  struct outset *o = rc == 0 ? outset_new(dir, d) : NULL;
  if (rc == 0 && !o)
    rc = PLOT_FAIL;
  for (int i = 0; i < n && rc == 0; i++) {
    if (is_rendered(e, n, e[i].name, fmt))
      continue;
    int c = copy_listed(o, dirfd, dir, &e[i], d);
    if (c < 0)
      rc = PLOT_FAIL;
    else if (c > 0 && !allow_edited) {
      diag_at(d, dir, 0, "%s: changed while renewcalc read it; nothing rendered", e[i].name);
      rc = PLOT_FAIL;
    }
  }
  free(e);
  close(dirfd);
  if (rc == 0 && !allow_edited && check_scripts(o, dir, d) != 0)
    rc = PLOT_INPUT;
  int charts = rc == 0 ? plot_render_set(o, fmt, size, d) : -1;
  if (charts < 0) {
    int a = outset_abort(o);
    return rc ? rc : a == OUTTARGET_INPUT ? PLOT_INPUT : PLOT_FAIL;
  }
  /* A run that committed into dir since the list was read wins. */
  outset_expect_earlier(o, list_hex);
  rc = outset_commit(o);
  return rc == OUTTARGET_OK ? charts : rc == OUTTARGET_INPUT ? PLOT_INPUT : PLOT_FAIL;
}
