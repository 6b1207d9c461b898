/* renewcalc plot, factors and profile commands. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "factors.h"
#include "outstream.h"
#include "plot.h"
#include "plot_folder.h"
#include "profile.h"
#include "profile_write.h"
#include "synth.h"
#include "synth_cfg.h"
#include "text.h"
#include "wind_profile.h"
#include "wind_profile_write.h"
#include "windsynth.h"
#include "windsynth_cfg.h"

/* Prints the messages of d, frees it and returns rc. */
static int finish(struct diag *d, int rc)
{
  diag_print(d, stderr);
  diag_free(d);
  return rc;
}

int cli_plot(int argc, char **argv)
{
  static const char usage[] = "usage: renewcalc plot DIR [--plot-format png|svg|pdf] "
                              "[--plot-size WxH] [--allow-edited]\n";
  const char *fmt = "png", *size = NULL;
  const char *dir = NULL;
  int allow_edited = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--allow-edited") == 0) {
      allow_edited = 1;
    } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      fputs(usage, stdout);
      return EXIT_OK;
    } else if (strcmp(argv[i], "--plot-format") == 0 && i + 1 < argc) {
      fmt = argv[++i];
    } else if (strncmp(argv[i], "--plot-format=", 14) == 0) {
      fmt = argv[i] + 14;
    } else if (strcmp(argv[i], "--plot-size") == 0 && i + 1 < argc) {
      size = argv[++i];
    } else if (strncmp(argv[i], "--plot-size=", 12) == 0) {
      size = argv[i] + 12;
    } else if (argv[i][0] == '-' || dir) {
      fprintf(stderr, "renewcalc: plot: expected DIR [--plot-format png|svg|pdf] "
              "[--plot-size WxH] [--allow-edited], got '%s'\n", argv[i]);
      return EXIT_INPUT;
    } else {
      dir = argv[i];
    }
  }
  if (!dir) {
    fputs(usage, stderr);
    return EXIT_INPUT;
  }
  if (!plot_format_ok(fmt)) {
    fprintf(stderr, "renewcalc: --plot-format: expected png, svg or pdf, got '%s'\n", fmt);
    return EXIT_INPUT;
  }
  if (size && !plot_size_ok(size, NULL, NULL)) {
    fprintf(stderr, "renewcalc: --plot-size: expected WIDTHxHEIGHT in pixels, each 100 to 10000 "
            "(e.g. 1200x750), got '%s'\n", size);
    return EXIT_INPUT;
  }
  struct diag *d = diag_new();
  if (!d)
    return EXIT_RUNTIME;
  int n = plot_folder(dir, fmt, size, allow_edited, d);
  if (n >= 0)
    printf("%d %s charts rendered in %s/\n", n, fmt, dir);
  return finish(d, n >= 0 ? EXIT_OK : n == PLOT_INPUT ? EXIT_INPUT : EXIT_RUNTIME);
}

static void show_factor(const char *label, const struct factor *x)
{
  if (x->value < 0) {
    printf("%-14s none known\n", label);
    return;
  }
  char t[TEXT_TERMINAL_SIZE(sizeof x->source)];
  printf("%-14s %g %s (%s)\n", label, x->value, x->unit, text_terminal(t, sizeof t, x->year));
  printf("%-14s source: %s\n", "", text_terminal(t, sizeof t, x->source));
  if (x->note[0])
    printf("%-14s note: %s\n", "", text_terminal(t, sizeof t, x->note));
}

int cli_factors(int argc, char **argv)
{
  if (argc > 2) {
    fputs("usage: renewcalc factors [NAME]\n", stderr);
    return EXIT_INPUT;
  }
  struct diag *d = diag_new();
  if (!d)
    return EXIT_RUNTIME;
  struct emission_factors ef;
  char t[TEXT_TERMINAL_SIZE(sizeof ef.title)];
  if (argc == 1) {
    char names[64][64];
    int n = factors_list(names, 64);
    for (int i = 0; i < n; i++) {
      if (factors_load(names[i], &ef, d, "renewcalc", 0) == 0)
        printf("%-16s %s\n", names[i], text_terminal(t, sizeof t, ef.title));
    }
    return finish(d, diag_count(d) ? EXIT_INPUT : EXIT_OK);
  }
  if (factors_load(argv[1], &ef, d, "renewcalc factors", 0) != 0)
    return finish(d, EXIT_INPUT);
  printf("%s: %s\nmethod: %s\n", ef.name, text_terminal(t, sizeof t, ef.title),
         emissions_method_name(ef.method));
  show_factor("coal rate", &ef.coal_rate);
  show_factor("CO2 per tce", &ef.co2_per_tce);
  show_factor("grid factor", &ef.grid);
  show_factor("operating m.", &ef.om);
  show_factor("build margin", &ef.bm);
  show_factor("SO2", &ef.so2);
  show_factor("NOx", &ef.nox);
  show_factor("dust", &ef.dust);
  return finish(d, EXIT_OK);
}

static const char synth_usage[] =
  "usage: renewcalc profile synth MONTHLY.cfg -o PROFILE.csv\n"
  "       renewcalc profile synth-wind MONTHLY.cfg -o PROFILE.csv\n";

int cli_profile(int argc, char **argv)
{
  int wind = argc >= 2 && strcmp(argv[1], "synth-wind") == 0;
  if (argc < 2 || (!wind && strcmp(argv[1], "synth") != 0)) {
    fputs(synth_usage, stderr);
    return EXIT_INPUT;
  }
  const char *in = NULL, *out = NULL;
  for (int i = 2; i < argc; i++) {
    if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
      out = argv[++i];
    else if (argv[i][0] != '-' && !in)
      in = argv[i];
    else {
      fprintf(stderr, "renewcalc: profile %s: unexpected argument '%s'\n%s", argv[1],
              argv[i], synth_usage);
      return EXIT_INPUT;
    }
  }
  if (!in || !out) {
    fputs(synth_usage, stderr);
    return EXIT_INPUT;
  }
  struct diag *d = diag_new();
  if (!d)
    return EXIT_RUNTIME;
  struct profile *p = NULL;
  struct wind_profile *wp = NULL;
  if (wind) {
    struct windsynth_spec wspec;
    if (windsynth_cfg_read(in, &wspec, d) != 0)
      return finish(d, EXIT_INPUT);
    wp = windsynth_profile(&wspec);
    if (!wp) {
      diag_msg(d, "cannot make a wind profile from '%s': out of memory", in);
      return finish(d, EXIT_RUNTIME);
    }
  } else {
    struct synth_spec spec;
    if (synth_cfg_read(in, &spec, d) != 0)
      return finish(d, EXIT_INPUT);
    p = synth_profile(&spec);
    if (!p) {
      diag_msg(d, "cannot make a profile from '%s' (out of memory, or a month above clear sky)", in);
      return finish(d, EXIT_RUNTIME);
    }
  }
  /* Written beside the target and renamed, so a failed run leaves no half file. */
  int why;
  struct outstream *o = outstream_open(out, &why, d);
  FILE *f = o ? outstream_file(o) : NULL;
  if (!o)
    return finish(d, cli_exit_of(why));
  char note[1200];
  snprintf(note, sizeof note, "made by renewcalc profile %s from %s", argv[1], in);
  const char *comments[] = { note, NULL };
  int rc = EXIT_OK;
  if ((wind ? wind_profile_write_csv(f, wp, comments) : profile_write_csv(f, p, comments)) != 0) {
    diag_errno(d, "cannot write", out);
    outstream_abort(o);
    rc = EXIT_RUNTIME;
  } else if ((rc = cli_exit_of(outstream_commit(o))) == EXIT_OK) {
    printf("wrote %s: %zu hourly rows\n", out, wind ? wp->n : p->n);
  }
  profile_free(p);
  wind_profile_free(wp);
  return finish(d, rc);
}
