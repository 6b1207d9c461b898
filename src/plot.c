/* gnuplot rendering; see plot.h. */
#define _GNU_SOURCE /* O_NOFOLLOW, O_CLOEXEC */
#include "plot.h"

#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "imagecheck.h"
#include "outfile.h"

#define PLOT_PATH_MAX 1600
/* The longest gnuplot may take over one chart by default, and the status
 * for a chart that took longer. */
#define PLOT_GNUPLOT_SECONDS 120
#define PLOT_TIMED_OUT 1000

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

/* The gnuplot being run and the image it writes, for the signal handler. */
static volatile pid_t running;
static char running_image[PLOT_PATH_MAX];

/* $RENEWCALC_GNUPLOT_SECONDS (1 to 3600), else PLOT_GNUPLOT_SECONDS. */
static int gnuplot_seconds(void)
{
  const char *e = getenv("RENEWCALC_GNUPLOT_SECONDS");
  char *end;
  long v = e && *e ? strtol(e, &end, 10) : 0;
  return e && *e && *end == '\0' && v >= 1 && v <= 3600 ? (int)v : PLOT_GNUPLOT_SECONDS;
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
  running = pid;
  /* A script can keep gnuplot busy for days (a count in its header set to
   * millions): none of renewcalc's charts takes seconds. Looks every few
   * milliseconds, which costs nothing beside a chart's tenth of a second
   * and needs no signal handler or descriptor of the process. */
  int status = 0;
  const long limit_ms = gnuplot_seconds() * 1000L;
  long waited_ms = 0, nap_ms = 1;
  pid_t got;
  while ((got = waitpid(pid, &status, WNOHANG)) == 0 || (got < 0 && errno == EINTR)) {
    if (waited_ms >= limit_ms) {
      kill(pid, SIGKILL);
      waitpid(pid, NULL, 0);
      running = 0;
      return PLOT_TIMED_OUT;
    }
    struct timespec nap = { 0, nap_ms * 1000000 };
    nanosleep(&nap, NULL);
    waited_ms += nap_ms;
    nap_ms = nap_ms < 4 ? 2 * nap_ms : 4;
  }
  running = 0;
  if (got < 0)
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
  snprintf(running_image, sizeof running_image, "%s", path);
  int rc = run_gnuplot(stage, script, fmt, size, base, errfd);
  first_line(errfd, msg, sizeof msg);
  if (rc == 127) {
    diag_msg(d, "gnuplot is not installed (Debian: apt-get install gnuplot-nox); "
                "the chart scripts in '%s' render with it later: renewcalc plot %s", dir, dir);
    return -1;
  }
  if (rc == PLOT_TIMED_OUT) {
    diag_msg(d, "gnuplot took more than %d s over '%s/%s' and was stopped "
                "($RENEWCALC_GNUPLOT_SECONDS)", gnuplot_seconds(), dir, script);
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

void plot_cleanup_on_signal(void)
{
  pid_t pid = running;
  if (pid > 0) {
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    unlink(running_image);
  }
}
