/* renewcalc batch: many one-plant sites from a CSV list (batch.h), one
 * output row each plus totals (batch_table.h), on all cores, optionally
 * as the K-th of N slices for a cluster's job array (renewcalc merge joins
 * the slices, batch_merge.h). docs/batch.md describes the list and the outputs.
 *
 * The list is read twice: once to validate every row (all problems are
 * reported before anything runs) and once to run, a block of rows at a
 * time, so that memory does not grow with the number of sites. Threads
 * take the sites of a block in turn; rows are written in list order, so
 * the output does not depend on the number of threads. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"
#include "batch_merge.h"
#include "batch_table.h"
#include "cli.h"
#include "diag.h"
#include "factors.h"
#include "outstream.h"
#include "profile.h"
#include "profile_cache.h"
#include "sha256file.h"
#include "sim.h"
#include "site_cfg.h"
#include "solar.h"
#include "synth.h"
#include "unc_check.h"
#include "wind_profile.h"

static const char batch_usage[] =
  "usage: renewcalc batch SITES.csv [-o FILE] [-j N] [--shard K/N] [--template SITE.cfg]\n"
  "                       [--progress|--no-progress] [--stats]\n"
  "  -o FILE             write the table to FILE (complete or not at all) instead of stdout\n"
  "  -j, --jobs N        threads, 1..256 (default: every core of the machine)\n"
  "  --shard K/N         run only the K-th of N slices of the list (sites K, K+N, K+2N, ...);\n"
  "                      renewcalc merge joins the N outputs into the table of one run\n"
  "  --template SITE.cfg a site file whose PV (and wind) plant gives every setting a row\n"
  "                      leaves out (losses, model, degradation, emissions, lifetime ...)\n"
  "  --progress          a progress line on stderr (default: when stderr is a terminal)\n"
  "  --stats             at the end, sites, time, rate, threads and peak memory on stderr\n"
  "exit status: 0 success, 1 runtime failure, 2 bad input (usage, site list, template, "
  "profile)\n";

static const char merge_usage[] =
  "usage: renewcalc merge SHARD.csv... [-o FILE]\n"
  "  joins the outputs of renewcalc batch --shard 1/N ... N/N (in any order) into the\n"
  "  table one run of the whole list writes\n"
  "exit status: 0 success, 1 runtime failure, 2 bad input\n";

#define JOBS_MAX 256
#define PRESETS_MAX 64
/* Sites per block: enough for every thread to stay busy, few enough that
 * the profiles and rows of a block stay small. */
#define BLOCK_PER_THREAD 32
/* Shared time axes kept (synthetic years by year and time zone). */
#define AXES_MAX 32

struct batch_opts {
  const char *list;
  const char *out;
  const char *tmpl;
  int jobs;
  int shard_k, shard_n;
  int progress; /* -1: when stderr is a terminal */
  int stats;
};

/* Emission presets named in the list, loaded once. */
struct presets {
  int n;
  char name[PRESETS_MAX][64];
  struct emission_factors ef[PRESETS_MAX];
};

/* Time parts shared by every site on the same axis (solar.h). */
struct axes {
  pthread_mutex_t lock;
  double delta_t_s;
  int n;
  struct solar_axis *a[AXES_MAX];
};

/* A thread's own state. */
struct worker {
  struct diag *d;
};

struct job {
  struct batch_site site;
  char row[BATCH_ROW_MAX];
  int status;           /* EXIT_* */
  char msg[1024];       /* the first message when status != 0 */
};

struct block {
  struct job *jobs;
  int n;
  atomic_int next;
  const struct site *tmpl;
  const struct presets *presets;
  struct axes *axes;
  struct profile_cache *cache;
};

struct task {
  struct block *b;
  struct worker *w;
};

/* ---- options ---------------------------------------------------------------- */

static int number_of_cores(void)
{
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > JOBS_MAX ? JOBS_MAX : (int)n;
}

static int parse_int(const char *s, int lo, int hi, int *out)
{
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || end == s || *end || v < lo || v > hi)
    return -1;
  *out = (int)v;
  return 0;
}

static int parse(int argc, char **argv, struct batch_opts *o)
{
  static const struct option longopts[] = {
    { "jobs", required_argument, NULL, 'j' },
    { "shard", required_argument, NULL, 's' },
    { "template", required_argument, NULL, 't' },
    { "progress", no_argument, NULL, 'p' },
    { "no-progress", no_argument, NULL, 'q' },
    { "stats", no_argument, NULL, 'S' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  *o = (struct batch_opts){ .jobs = 0, .shard_k = 1, .shard_n = 1, .progress = -1 };
  optind = 1;
  opterr = 0;
  int c;
  while ((c = getopt_long(argc, argv, "o:j:h", longopts, NULL)) != -1) {
    switch (c) {
    case 'o':
      o->out = optarg;
      break;
    case 'j':
      if (parse_int(optarg, 1, JOBS_MAX, &o->jobs) != 0) {
        fprintf(stderr, "renewcalc: batch: -j: expected a whole number of threads between 1 "
                "and %d, got '%s'\n", JOBS_MAX, optarg);
        return EXIT_INPUT;
      }
      break;
    case 's': {
      char k[32], n[32], extra;
      if (sscanf(optarg, "%31[0-9]/%31[0-9]%c", k, n, &extra) != 2 ||
          parse_int(n, 1, BATCH_SHARDS_MAX, &o->shard_n) != 0 ||
          parse_int(k, 1, o->shard_n, &o->shard_k) != 0) {
        fprintf(stderr, "renewcalc: batch: --shard: expected K/N with 1 <= K <= N, got '%s'\n",
                optarg);
        return EXIT_INPUT;
      }
      break;
    }
    case 't':
      o->tmpl = optarg;
      break;
    case 'p':
      o->progress = 1;
      break;
    case 'q':
      o->progress = 0;
      break;
    case 'S':
      o->stats = 1;
      break;
    case 'h':
      fputs(batch_usage, stdout);
      return -1;
    default:
      fprintf(stderr, "renewcalc: batch: unknown option '%s'\n%s", argv[optind - 1],
              batch_usage);
      return EXIT_INPUT;
    }
  }
  if (optind != argc - 1) {
    fprintf(stderr, "renewcalc: batch: expected one site list, got %d\n%s", argc - optind,
            batch_usage);
    return EXIT_INPUT;
  }
  o->list = argv[optind];
  if (!o->jobs)
    o->jobs = number_of_cores();
  if (o->progress < 0)
    o->progress = isatty(STDERR_FILENO);
  return 0;
}

/* ---- pass 1: validation ------------------------------------------------------ */

static const struct emission_factors *preset_find(const struct presets *ps, const char *name)
{
  for (int i = 0; i < ps->n; i++)
    if (strcmp(ps->name[i], name) == 0)
      return &ps->ef[i];
  return NULL;
}

/* Loads preset name (the template's when "") on first use. */
static int preset_need(struct presets *ps, const char *name, const char *list, long line,
                       struct diag *d)
{
  if (!*name || preset_find(ps, name))
    return 0;
  if (ps->n == PRESETS_MAX) {
    diag_at(d, list, (int)line, "emissions: expected at most %d different presets in one "
            "list, got more", PRESETS_MAX);
    return -1;
  }
  struct emission_factors *ef = &ps->ef[ps->n];
  if (factors_load(name, ef, d, list, (int)line) != 0)
    return -1;
  if (ef->method == EMIS_COAL && ef->co2_per_tce.value < 0) {
    diag_at(d, list, (int)line, "emissions: expected a preset with coal factors, got '%s'",
            name);
    return -1;
  }
  snprintf(ps->name[ps->n++], sizeof ps->name[0], "%s", name);
  return 0;
}

/* Reads the whole list once. Returns the number of sites, or -1 after
 * every problem is reported in d. */
static long validate(const char *list, const struct site *tmpl, struct presets *ps,
                     struct diag *d)
{
  struct batch_reader *r = batch_open(list, d);
  if (!r)
    return -1;
  struct batch_site b;
  int errors = 0, need_pv = 0, need_wind = 0;
  long pv_line = 0, wind_line = 0;
  for (;;) {
    int got = batch_next(r, &b);
    if (got == 0)
      break;
    if (got == -2 || batch_errors_full(r)) {
      errors++;
      break;
    }
    if (got < 0) {
      errors++;
      continue;
    }
    if (preset_need(ps, b.emissions, list, b.line, d) != 0)
      errors++;
    if (b.tech == BATCH_PV && !need_pv++)
      pv_line = b.line;
    if (b.tech == BATCH_WIND && !need_wind++)
      wind_line = b.line;
  }
  long rows = batch_rows(r);
  batch_close(r);
  for (int t = 0; t < 2; t++) {
    enum plant_type type = t ? PLANT_WIND : PLANT_PV;
    if (!(t ? need_wind : need_pv))
      continue;
    int found = 0;
    for (int i = 0; i < tmpl->n_plants; i++)
      found |= tmpl->plants[i].type == type;
    if (!found) {
      diag_at(d, list, (int)(t ? wind_line : pv_line), "technology: expected a %s plant in "
              "the template %s for this row, got none", t ? "wind" : "pv", tmpl->path);
      errors++;
    }
  }
  if (!errors && rows == 0) {
    diag_at(d, list, 2, "expected at least one site row after the header, got none");
    errors++;
  }
  return errors ? -1 : rows;
}

/* ---- pass 2: the sites ------------------------------------------------------- */

static const struct solar_axis *axis_for(struct axes *ax, const struct profile *p,
                                         double delta_t_s)
{
  if (p->n < 2)
    return NULL;
  double len = p->interval_s, t0 = (double)p->t_utc[0] + 0.5 * len;
  const struct solar_axis *found = NULL;
  pthread_mutex_lock(&ax->lock);
  for (int i = 0; i < ax->n && !found; i++) {
    const struct solar_axis *a = ax->a[i];
    if (a->t0_mid_unix_s == t0 && a->step_s == len && a->n == p->n &&
        a->delta_t_s == delta_t_s)
      found = a;
  }
  if (!found && ax->n < AXES_MAX) {
    struct solar_axis *a = solar_axis_new(t0, len, p->n, delta_t_s);
    if (a)
      found = ax->a[ax->n++] = a;
  }
  pthread_mutex_unlock(&ax->lock);
  return found;
}

/* profile_cache_prepare: files on a common axis share its time part. */
static void attach_axis(struct profile *p, void *arg)
{
  struct axes *ax = arg;
  p->sun_axis = axis_for(ax, p, ax->delta_t_s);
}

static void fail(struct job *j, int status, const struct diag *d)
{
  j->status = status;
  const char *m = diag_count(d) > 0 ? diag_get(d, 0) : "failed";
  snprintf(j->msg, sizeof j->msg, "%s", m);
}

static void run_one(struct block *b, struct worker *w, struct job *j)
{
  const struct batch_site *bs = &j->site;
  diag_free(w->d);
  w->d = diag_new();
  if (!w->d) {
    j->status = EXIT_RUNTIME;
    snprintf(j->msg, sizeof j->msg, "renewcalc: out of memory");
    return;
  }
  const struct emission_factors *ef =
    *bs->emissions ? preset_find(b->presets, bs->emissions) : &b->tmpl->factors;
  struct site site;
  struct plant_cfg plant;
  if (batch_site_build(b->tmpl, bs, ef, &site, &plant, w->d) != 0) {
    fail(j, EXIT_INPUT, w->d);
    return;
  }
  struct profile *own = NULL;
  int handle = -1;
  const struct profile *p = NULL;
  const struct wind_profile *wp = NULL;
  if (bs->has_monthly) {
    struct synth_spec spec = bs->synth;
    own = synth_profile(&spec);
    if (!own) {
      j->status = EXIT_INPUT;
      snprintf(j->msg, sizeof j->msg, "ghi_kwh_m2_day: expected monthly means at most the "
               "clear-sky irradiation of site '%s' (see renewcalc profile synth), got more",
               bs->name);
      return;
    }
    attach_axis(own, b->axes);
    p = own;
  } else {
    handle = profile_cache_get(b->cache, bs->profile, bs->tech == BATCH_WIND, &p, &wp, w->d);
    if (handle < 0) {
      /* The list was checked to name readable files: one that cannot be
       * opened or read now vanished or failed during the run. */
      fail(j, diag_system_errors(w->d) ? EXIT_RUNTIME : EXIT_INPUT, w->d);
      return;
    }
  }
  const struct profile *profiles[1] = { p };
  const struct wind_profile *winds[1] = { wp };
  struct sim_result *r = sim_run(&site, profiles, winds, w->d);
  if (!r || unc_check(r, w->d) != 0) {
    fail(j, EXIT_INPUT, w->d);
  } else {
    batch_table_row(bs->index, r, bs->tech == BATCH_WIND ? "wind" : "pv", j->row);
    j->status = EXIT_OK;
  }
  sim_free(r);
  profile_free(own);
  profile_cache_release(b->cache, handle);
}

static void *work(void *arg)
{
  struct task *t = arg;
  for (;;) {
    int i = atomic_fetch_add(&t->b->next, 1);
    if (i >= t->b->n)
      break;
    run_one(t->b, t->w, &t->b->jobs[i]);
  }
  return NULL;
}

/* Runs the block's jobs on n_threads threads (this one included). */
static void run_block(struct block *b, struct worker *workers, int n_threads)
{
  pthread_t tid[JOBS_MAX];
  struct task task[JOBS_MAX];
  int started = 0;
  atomic_store(&b->next, 0);
  for (int i = 1; i < n_threads && i < b->n; i++) {
    task[i] = (struct task){ b, &workers[i] };
    if (pthread_create(&tid[i], NULL, work, &task[i]) != 0)
      break;
    started = i;
  }
  task[0] = (struct task){ b, &workers[0] };
  work(&task[0]);
  for (int i = 1; i <= started; i++)
    pthread_join(tid[i], NULL);
}

static double now_s(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void progress_line(long done, long total, double t0)
{
  double dt = now_s() - t0, rate = dt > 0 ? done / dt : 0.0;
  double left = rate > 0 ? (total - done) / rate : 0.0;
  int width = 30, fill = total ? (int)(width * done / total) : width;
  char eta[32];
  long sec = (long)(left + 0.5);
  if (sec < 60)
    snprintf(eta, sizeof eta, "%ld s", sec);
  else if (sec < 3600)
    snprintf(eta, sizeof eta, "%ld min %02ld s", sec / 60, sec % 60);
  else
    snprintf(eta, sizeof eta, "%ld h %02ld min", sec / 3600, sec / 60 % 60);
  fprintf(stderr, "\r[%.*s%*s] %ld/%ld sites, %.0f sites/s, %s left   ", fill,
          "##############################", width - fill, "", done, total, rate, eta);
  if (done == total)
    fputc('\n', stderr);
  fflush(stderr);
}

/* ---- the list and template the table comes from ----------------------------- */

/* The template's digest into hex: of its file, or of the text "no
 * template" for the built-in one. 0, or -1 with the reason in d. */
static int digest_template(const char *path, char hex[65], struct diag *d)
{
  static const char none[] = "no template";
  if (!path) {
    sha256_mem(none, sizeof none - 1, hex);
    return 0;
  }
  if (sha256_file(path, hex) == 0)
    return 0;
  diag_errno(d, "cannot read template site file", path);
  return -1;
}

static int digest_list(const char *path, char hex[65], struct diag *d)
{
  if (sha256_file(path, hex) == 0)
    return 0;
  diag_errno(d, "cannot read site list", path);
  return -1;
}

/* After the run: the list and template still have the digests the totals
 * row gives, so the figures come from the files it names. 0, or the exit
 * status. */
static int digests_unchanged(const struct batch_opts *o, const struct batch_label *lab,
                             struct diag *d)
{
  char now[65];
  if (digest_list(o->list, now, d) != 0)
    return EXIT_RUNTIME;
  if (strcmp(now, lab->list_sha256) != 0) {
    diag_at(d, o->list, 0, "the site list changed while it was being run (sha256 %s, then %s)",
            lab->list_sha256, now);
    return EXIT_RUNTIME;
  }
  if (digest_template(o->tmpl, now, d) != 0)
    return EXIT_RUNTIME;
  if (strcmp(now, lab->template_sha256) != 0) {
    diag_at(d, o->tmpl, 0, "the template site file changed while the list was being run "
            "(sha256 %s, then %s)", lab->template_sha256, now);
    return EXIT_RUNTIME;
  }
  return 0;
}

/* The output stream: FILE through an outstream (complete or nothing), or
 * stdout. */
struct output {
  struct outstream *set;
  FILE *f;
};

/* 0, or the exit status of the failure. */
static int output_open(struct output *o, const char *path, struct diag *d)
{
  int why;
  o->set = outstream_open(path ? path : "-", &why, d);
  o->f = o->set ? outstream_file(o->set) : NULL;
  return o->set ? 0 : cli_exit_of(why);
}

/* Commits (ok) or drops the output; the exit status of that. */
static int output_close(struct output *o, int ok, struct diag *d)
{
  (void)d;
  if (!ok) {
    outstream_abort(o->set);
    o->set = NULL;
    return EXIT_OK;
  }
  int rc = cli_exit_of(outstream_commit(o->set));
  o->set = NULL;
  return rc;
}

static int run_list(const struct batch_opts *o, const struct site *tmpl,
                    const struct presets *ps, const struct batch_label *lab, struct diag *d)
{
  int status = EXIT_RUNTIME;
  long total = lab->total;
  struct batch_reader *r = batch_open(o->list, d);
  int threads = o->jobs;
  int cap = BLOCK_PER_THREAD * threads;
  struct worker *workers = calloc((size_t)threads, sizeof *workers);
  struct block blk = { .tmpl = tmpl, .presets = ps };
  struct axes axes = { .delta_t_s = tmpl->delta_t_s, .n = 0 };
  pthread_mutex_init(&axes.lock, NULL);
  blk.axes = &axes;
  blk.cache = profile_cache_new(attach_axis, &axes);
  blk.jobs = calloc((size_t)cap, sizeof *blk.jobs);
  struct output out = { NULL, NULL };
  if (!r || !workers || !blk.jobs || !blk.cache) {
    if (r)
      diag_msg(d, "out of memory");
    status = r ? EXIT_RUNTIME : EXIT_INPUT;
    goto done;
  }
  if ((status = output_open(&out, o->out, d)) != 0)
    goto done;
  status = EXIT_RUNTIME;

  long mine = 0;
  for (long i = 0; i < total; i++)
    mine += i % o->shard_n == o->shard_k - 1;
  struct batch_totals tot;
  batch_totals_init(&tot);
  double t0 = now_s();
  long done = 0;
  int eof = 0;
  status = EXIT_OK;
  while (!eof && status == EXIT_OK) {
    blk.n = 0;
    while (blk.n < cap) {
      struct job *j = &blk.jobs[blk.n];
      int got = batch_next(r, &j->site);
      if (got <= 0) {
        /* A row that passed the check fails now: the list or a weather
         * file it names changed during the run. */
        if (got < 0)
          status = EXIT_RUNTIME;
        eof = 1;
        break;
      }
      if ((j->site.index - 1) % o->shard_n != o->shard_k - 1)
        continue;
      j->status = EXIT_OK;
      j->msg[0] = '\0';
      blk.n++;
    }
    run_block(&blk, workers, threads);
    /* The header once the first block has run: a list whose first sites
     * fail prints nothing, even to stdout. */
    if (done == 0 && status == EXIT_OK && blk.n > 0 && blk.jobs[0].status == EXIT_OK)
      batch_table_write_header(out.f);
    for (int i = 0; i < blk.n && status == EXIT_OK; i++) {
      const struct job *j = &blk.jobs[i];
      if (j->status != EXIT_OK) {
        diag_at(d, o->list, (int)j->site.line, "site '%s': %s", j->site.name, j->msg);
        status = j->status;
        break;
      }
      fputs(j->row, out.f);
      batch_totals_add(&tot, j->row);
    }
    done += blk.n;
    if (o->progress && status == EXIT_OK)
      progress_line(done, mine, t0);
  }
  if (status == EXIT_OK && done != mine) {
    diag_msg(d, "%s: the site list changed while it was being run (%ld sites, then %ld)",
             o->list, mine, done);
    status = EXIT_RUNTIME;
  }
  if (status == EXIT_OK)
    status = digests_unchanged(o, lab, d);
  if (status == EXIT_OK) {
    if (done == 0)
      batch_table_write_header(out.f);
    char label[BATCH_LABEL_MAX];
    batch_label_format(lab, label);
    batch_totals_write(&tot, label, out.f);
  }
  int closed = output_close(&out, status == EXIT_OK, d);
  if (status == EXIT_OK)
    status = closed;
  if (o->stats && status == EXIT_OK) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double dt = now_s() - t0;
    fprintf(stderr, "batch: %ld sites in %.3f s, %.1f sites/s on %d threads, peak memory "
            "%.1f MB\n", done, dt, dt > 0 ? done / dt : 0.0, threads, ru.ru_maxrss / 1024.0);
  }
done:
  for (int t = 0; workers && t < threads; t++)
    diag_free(workers[t].d);
  profile_cache_free(blk.cache);
  for (int i = 0; i < axes.n; i++)
    solar_axis_free(axes.a[i]);
  pthread_mutex_destroy(&axes.lock);
  free(workers);
  free(blk.jobs);
  batch_close(r);
  return status;
}

int cli_batch(int argc, char **argv)
{
  struct batch_opts o;
  int rc = parse(argc, argv, &o);
  if (rc)
    return rc < 0 ? EXIT_OK : rc;
  cli_handle_signals();
  struct diag *d = diag_new();
  struct presets *ps = calloc(1, sizeof *ps);
  if (!d || !ps) {
    fprintf(stderr, "renewcalc: out of memory\n");
    diag_free(d);
    free(ps);
    return EXIT_RUNTIME;
  }
  int status = EXIT_INPUT;
  /* The template is hashed as soon as it is read, the list once it has
   * been checked and before it is run; both again after the run. */
  struct batch_label lab = { .k = o.shard_n > 1 ? o.shard_k : 0,
                             .n = o.shard_n > 1 ? o.shard_n : 0 };
  struct site *tmpl = site_cfg_template(o.tmpl, d);
  if (tmpl && digest_template(o.tmpl, lab.template_sha256, d) != 0) {
    status = EXIT_RUNTIME;
  } else {
    lab.total = tmpl ? validate(o.list, tmpl, ps, d) : -1;
    if (lab.total > 0)
      status = digest_list(o.list, lab.list_sha256, d) != 0 ? EXIT_RUNTIME
                                                             : run_list(&o, tmpl, ps, &lab, d);
  }
  diag_print(d, stderr);
  site_free(tmpl);
  free(ps);
  diag_free(d);
  return status;
}

/* ---- merge -------------------------------------------------------------------- */

int cli_merge(int argc, char **argv)
{
  const char *outpath = NULL;
  optind = 1;
  opterr = 0;
  int c;
  static const struct option longopts[] = { { "help", no_argument, NULL, 'h' },
                                            { NULL, 0, NULL, 0 } };
  while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
    if (c == 'o') {
      outpath = optarg;
    } else if (c == 'h') {
      fputs(merge_usage, stdout);
      return EXIT_OK;
    } else {
      fprintf(stderr, "renewcalc: merge: unknown option '%s'\n%s", argv[optind - 1],
              merge_usage);
      return EXIT_INPUT;
    }
  }
  int n = argc - optind;
  if (n < 1) {
    fprintf(stderr, "renewcalc: merge: expected the shard outputs, got none\n%s", merge_usage);
    return EXIT_INPUT;
  }
  cli_handle_signals();
  struct diag *d = diag_new();
  struct batch_merge *m = batch_merge_new((const char *const *)argv + optind, n);
  struct output out = { NULL, NULL };
  int status = EXIT_INPUT;
  if (!d || !m) {
    fprintf(stderr, "renewcalc: out of memory\n");
    status = EXIT_RUNTIME;
    goto done;
  }
  if (batch_merge_check(m, d) != 0)
    goto done;
  if ((status = output_open(&out, outpath, d)) != 0)
    goto done;
  status = EXIT_INPUT;
  if (batch_merge_write(m, out.f, d) != 0)
    goto done;
  status = output_close(&out, 1, d);
done:
  if (out.set)
    output_close(&out, 0, d);
  batch_merge_free(m);
  if (d)
    diag_print(d, stderr);
  diag_free(d);
  return status;
}
