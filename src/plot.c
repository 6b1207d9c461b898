/* gnuplot rendering; see plot.h. */
#include "plot.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diag.h"

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

/* Runs gnuplot on script in dir with fmt and outbase set; gnuplot's stderr
 * goes to errfile. Returns the exit status, 127 when gnuplot cannot run. */
static int run_gnuplot(const char *dir, const char *script, const char *fmt, const char *size,
                       const char *outbase, const char *errfile)
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
    int fd = open(errfile, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (fd >= 0) {
      dup2(fd, 2);
      close(fd);
    }
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

/* First line of a file, for messages. */
static void first_line(const char *path, char *buf, size_t n)
{
  buf[0] = '\0';
  FILE *f = fopen(path, "r");
  if (!f)
    return;
  if (fgets(buf, (int)n, f))
    buf[strcspn(buf, "\n")] = '\0';
  fclose(f);
}

static int cmp_str(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int plot_render_dir(const char *dir, const char *fmt, const char *size, struct diag *d)
{
  DIR *dd = opendir(dir);
  if (!dd) {
    diag_errno(d, "cannot open output folder", dir);
    return -1;
  }
  char *names[64];
  int n = 0;
  struct dirent *e;
  while ((e = readdir(dd)) && n < 64) {
    size_t len = strlen(e->d_name);
    if (len > 3 && strcmp(e->d_name + len - 3, ".gp") == 0 && e->d_name[0] != '.' &&
        strcmp(e->d_name, "style.gp") != 0)
      names[n++] = strdup(e->d_name);
  }
  closedir(dd);
  qsort(names, (size_t)n, sizeof names[0], cmp_str);

  int done = 0, bad = 0;
  char errfile[1200];
  snprintf(errfile, sizeof errfile, "%s/.gnuplot-stderr.%ld", dir, (long)getpid());
  for (int i = 0; i < n && !bad; i++) {
    if (!names[i]) {
      diag_msg(d, "out of memory");
      bad = 1;
      break;
    }
    char base[256], tmpbase[300], tmp[1500], final[1500];
    snprintf(base, sizeof base, "%.*s", (int)(strlen(names[i]) - 3), names[i]);
    snprintf(tmpbase, sizeof tmpbase, ".%s.tmp%ld", base, (long)getpid());
    snprintf(tmp, sizeof tmp, "%s/%s.%s", dir, tmpbase, fmt);
    snprintf(final, sizeof final, "%s/%s.%s", dir, base, fmt);
    int rc = run_gnuplot(dir, names[i], fmt, size, tmpbase, errfile);
    char msg[512];
    first_line(errfile, msg, sizeof msg);
    if (rc == 127) {
      diag_msg(d, "gnuplot is not installed (Debian: apt-get install gnuplot-nox); "
                  "the chart scripts in '%s' render with it later: renewcalc plot %s", dir, dir);
      bad = 1;
    } else if (rc != 0) {
      diag_msg(d, "gnuplot failed on '%s/%s': %s", dir, names[i], msg[0] ? msg : "no message");
      bad = 1;
    } else if (rename(tmp, final) != 0) {
      diag_errno(d, "cannot write chart", final);
      bad = 1;
    } else {
      done++;
    }
    unlink(tmp);
  }
  unlink(errfile);
  for (int i = 0; i < n; i++)
    free(names[i]);
  if (!bad && n == 0) {
    diag_msg(d, "no chart scripts (*.gp) in '%s'", dir);
    bad = 1;
  }
  return bad ? -1 : done;
}
