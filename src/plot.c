/* gnuplot rendering; see plot.h. */
#define _GNU_SOURCE /* O_NOFOLLOW, O_CLOEXEC */
#include "plot.h"

#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diag.h"
#include "imagecheck.h"
#include "outfile.h"

#define PLOT_PATH_MAX 1600

int plot_format_ok(const char *fmt)
{
  return strcmp(fmt, "png") == 0 || strcmp(fmt, "svg") == 0 || strcmp(fmt, "pdf") == 0;
}

int plot_size_ok(const char *size, int *w, int *h)
{
  int a, b, used = 0;
  if (!size || sscanf(size, "%5d%*[x]%5d%n", &a, &b, &used) != 2 || size[used] != '\0' ||
      a < 100 || a > 10000 || b < 100 || b > 10000)
    return 0;
  if (w)
    *w = a;
  if (h)
    *h = b;
  return 1;
}

static const char *gnuplot_program(void)
{
  const char *g = getenv("RENEWCALC_GNUPLOT");
  return g && *g ? g : "gnuplot";
}

/* Runs gnuplot on script in dir with fmt and outbase set; gnuplot's
 * stderr goes to errfd. Returns the exit status, 127 when gnuplot cannot
 * run. */
static int run_gnuplot(const char *dir, const char *script, const char *fmt, const char *size,
                       const char *outbase, int errfd)
{
  char expr[400];
  int w, h;
  if (plot_size_ok(size, &w, &h))
    snprintf(expr, sizeof expr, "fmt='%s'; outbase='%s'; width=%d; height=%d", fmt, outbase, w, h);
  else
    snprintf(expr, sizeof expr, "fmt='%s'; outbase='%s'", fmt, outbase);
  pid_t pid = fork();
  if (pid < 0)
    return -1;
  if (pid == 0) {
    dup2(errfd, 2);
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) {
      dup2(devnull, 0);
      close(devnull);
    }
    if (chdir(dir) != 0)
      _exit(126);
    execlp(gnuplot_program(), gnuplot_program(), "-e", expr, script, (char *)NULL);
    _exit(127);
  }
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR)
      return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The first line gnuplot wrote to errfd, for messages. */
static void first_line(int errfd, char *buf, size_t n)
{
  buf[0] = '\0';
  ssize_t got = pread(errfd, buf, n - 1, 0);
  if (got <= 0)
    return;
  buf[got] = '\0';
  buf[strcspn(buf, "\n")] = '\0';
  for (char *p = buf; *p; p++)
    if ((unsigned char)*p < 0x20 || *p == 0x7f)
      *p = ' ';
}

static int cmp_str(const void *a, const void *b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int plot_chart_scripts(const struct outset *o, const char **names, int max)
{
  int n = 0;
  for (int i = 0; i < outset_count(o) && n < max; i++) {
    const char *s = outset_name(o, i);
    size_t len = strlen(s);
    if (len > 3 && strcmp(s + len - 3, ".gp") == 0 && strcmp(s, "style.gp") != 0)
      names[n++] = s;
  }
  qsort(names, (size_t)n, sizeof names[0], cmp_str);
  return n;
}

/* Renders one script of the set in the staging folder; 0 or -1. */
static int render_one(struct outset *o, const char *script, const char *fmt, const char *size,
                      int errfd, struct diag *d)
{
  const char *stage = outset_stage(o), *dir = outset_dir(o);
  char base[256], image[300], path[PLOT_PATH_MAX], msg[512], why[200];
  snprintf(base, sizeof base, "%.*s", (int)(strlen(script) - 3), script);
  snprintf(image, sizeof image, "%s.%s", base, fmt);
  snprintf(path, sizeof path, "%s/%s", stage, image);
  if (ftruncate(errfd, 0) != 0) {
    diag_errno(d, "cannot write in", dir);
    return -1;
  }
  int rc = run_gnuplot(stage, script, fmt, size, base, errfd);
  first_line(errfd, msg, sizeof msg);
  if (rc == 127) {
    diag_msg(d, "gnuplot is not installed (Debian: apt-get install gnuplot-nox); "
                "the chart scripts in '%s' render with it later: renewcalc plot %s", dir, dir);
    return -1;
  }
  if (rc != 0) {
    diag_msg(d, "gnuplot failed on '%s/%s': %s", dir, script, msg[0] ? msg : "no message");
    return -1;
  }
  /* gnuplot exits 0 even when its output could not be written (a full
   * disk): only a complete image joins the set. */
  if (image_check(path, fmt, why, sizeof why) != 0) {
    diag_msg(d, "gnuplot wrote an incomplete chart '%s/%s' (%s): is the disk full?%s%s", dir,
             image, why, msg[0] ? " gnuplot: " : "", msg);
    return -1;
  }
  return outset_adopt(o, image);
}

int plot_render_set(struct outset *o, const char *fmt, const char *size, struct diag *d)
{
  enum { MAX = 96 };
  const char *scripts[MAX];
  for (int i = 0; i < outset_count(o); i++)
    if (outset_finish(o, outset_name(o, i)) != 0)
      return -1;
  int n = plot_chart_scripts(o, scripts, MAX);
  if (n == 0) {
    diag_msg(d, "no chart scripts (*.gp) in '%s'", outset_dir(o));
    return -1;
  }
  char errpath[PLOT_PATH_MAX];
  snprintf(errpath, sizeof errpath, "%s/.gnuplot-stderr", outset_stage(o));
  int errfd = open(errpath, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (errfd < 0) {
    diag_errno(d, "cannot write in", outset_dir(o));
    return -1;
  }
  unlink(errpath);
  int bad = 0;
  for (int i = 0; i < n && !bad; i++)
    bad = render_one(o, scripts[i], fmt, size, errfd, d) != 0;
  close(errfd);
  return bad ? -1 : n;
}

/* One entry of a folder's list. */
struct listed {
  char hex[65];
  char name[256];
};

/* The entries of dir's list; how many, or -1 when it has none. */
static int read_list(const char *dir, struct listed *e, int max)
{
  char path[PLOT_PATH_MAX];
  snprintf(path, sizeof path, "%s/%s", dir, OUTSET_LIST);
  int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  struct stat st;
  FILE *f = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? fdopen(fd, "r") : NULL;
  if (!f) {
    if (fd >= 0)
      close(fd);
    return -1;
  }
  char line[400];
  int n = 0;
  while (n < max && fgets(line, sizeof line, f)) {
    size_t len = strcspn(line, "\n");
    line[len] = '\0';
    if (len < 67 || line[64] != ' ' || line[65] != ' ' || strspn(line, "0123456789abcdef") != 64)
      continue;
    const char *name = line + 66;
    if (!outtarget_name_ok(name) || name[0] == '.')
      continue;
    snprintf(e[n].hex, sizeof e[n].hex, "%.64s", line);
    snprintf(e[n].name, sizeof e[n].name, "%.255s", name);
    n++;
  }
  fclose(f);
  return n;
}

/* Copies dir/e->name into the set, checking its SHA-256 against the
 * list's. 0, 1 when it differs (copied all the same), -1 on error. */
static int copy_listed(struct outset *o, const char *dir, const struct listed *e, struct diag *d)
{
  char path[PLOT_PATH_MAX];
  snprintf(path, sizeof path, "%s/%s", dir, e->name);
  int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    if (fd >= 0)
      close(fd);
    diag_at(d, path, 0, "expected the regular file renewcalc wrote (listed in %s), got %s",
            OUTSET_LIST, fd < 0 ? strerror(errno) : "something else");
    return -1;
  }
  FILE *out = outset_open(o, e->name);
  if (!out) {
    close(fd);
    return -1;
  }
  struct sha256_ctx ctx;
  sha256_init(&ctx);
  unsigned char buf[65536];
  ssize_t got;
  while ((got = read(fd, buf, sizeof buf)) > 0) {
    sha256_update(&ctx, (size_t)got, buf);
    fwrite(buf, 1, (size_t)got, out);
  }
  int e_read = got < 0 ? errno : 0;
  close(fd);
  if (e_read) {
    errno = e_read;
    diag_errno(d, "cannot read", path);
    return -1;
  }
  unsigned char digest[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, sizeof digest, digest);
  char hex[65];
  for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
    snprintf(hex + 2 * i, 3, "%02x", digest[i]);
  return strcmp(hex, e->hex) == 0 ? 0 : 1;
}

/* 1 if name is NAME.fmt for a script NAME.gp of the list. */
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

int plot_render_folder(const char *dir, const char *fmt, const char *size, int allow_edited,
                       struct diag *d)
{
  enum { MAX = 96 };
  struct listed *e = malloc(MAX * sizeof *e);
  if (!e) {
    diag_msg(d, "out of memory");
    return PLOT_FAIL;
  }
  int n = read_list(dir, e, MAX);
  if (n <= 0) {
    diag_at(d, dir, 0, "expected a folder renewcalc wrote, with its list %s, got %s; renewcalc "
            "renders only the chart scripts it wrote itself", OUTSET_LIST,
            n < 0 ? "no list" : "an empty list");
    free(e);
    return PLOT_INPUT;
  }
  struct outset *o = outset_new(dir, d);
  if (!o) {
    free(e);
    return PLOT_FAIL;
  }
  int rc = 0;
  for (int i = 0; i < n && rc == 0; i++) {
    if (is_rendered(e, n, e[i].name, fmt))
      continue;
    int c = copy_listed(o, dir, &e[i], d);
    if (c < 0) {
      rc = PLOT_FAIL;
    } else if (c > 0 && !allow_edited) {
      diag_at(d, dir, 0, "%s: expected the file renewcalc wrote, got one changed since "
              "(SHA-256 differs from %s); nothing rendered (renewcalc plot --allow-edited "
              "renders your own edits)", e[i].name, OUTSET_LIST);
      rc = PLOT_INPUT;
    }
  }
  free(e);
  int charts = rc == 0 ? plot_render_set(o, fmt, size, d) : -1;
  if (charts < 0) {
    int a = outset_abort(o);
    return rc ? rc : a == OUTTARGET_INPUT ? PLOT_INPUT : PLOT_FAIL;
  }
  rc = outset_commit(o);
  return rc == OUTTARGET_OK ? charts : rc == OUTTARGET_INPUT ? PLOT_INPUT : PLOT_FAIL;
}
