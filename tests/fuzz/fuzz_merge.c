/* libFuzzer harness: renewcalc merge's shard reader (batch_merge_check(),
 * then batch_merge_write() into /dev/null). One input holds up to four
 * shard outputs separated by lines "%%"; the first goes to the input file,
 * the others to shard2.csv, shard3.csv and shard4.csv beside it. The seeds
 * are shard outputs of renewcalc batch --shard K/N so joined. */
#include "fuzz_file.h"

#include "batch_merge.h"
#include "diag.h"

#define SHARDS_MAX 4

/* Writes size bytes (NULs included) to the file at p. */
static void write_shard(const char *p, const uint8_t *data, size_t size)
{
  FILE *f = fopen(p, "w");
  if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
    fuzz_die(p);
}

/* Where the separator starts in data, or NULL. */
static const uint8_t *find_sep(const uint8_t *data, size_t size, const char *sep, size_t n)
{
  for (size_t i = 0; i + n <= size; i++)
    if (memcmp(data + i, sep, n) == 0)
      return data + i;
  return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static const char sep[] = "\n%%\n";
  static FILE *sink;
  static char names[SHARDS_MAX][700];
  const uint8_t *part[SHARDS_MAX];
  size_t len[SHARDS_MAX];
  int n = 0;
  size_t at = 0;
  while (n < SHARDS_MAX) {
    const uint8_t *hit = NULL;
    if (n < SHARDS_MAX - 1)
      hit = find_sep(data + at, size - at, sep, sizeof sep - 1);
    part[n] = data + at;
    len[n] = hit ? (size_t)(hit - (data + at)) + 1 : size - at; /* keep its line end */
    n++;
    if (!hit)
      break;
    at = (size_t)(hit - data) + sizeof sep - 1;
  }
  const char *path = fuzz_file_write("merge", part[0], len[0]);
  if (!sink) {
    sink = fopen("/dev/null", "w");
    if (!sink)
      fuzz_die("/dev/null");
    snprintf(names[0], sizeof names[0], "%s", path);
    for (int i = 1; i < SHARDS_MAX; i++)
      snprintf(names[i], sizeof names[i], "%s/shard%d.csv", fuzz_dir, i + 1);
  }
  for (int i = 1; i < n; i++)
    write_shard(names[i], part[i], len[i]);
  const char *paths[SHARDS_MAX];
  for (int i = 0; i < n; i++)
    paths[i] = names[i];
  struct diag *d = diag_new();
  struct batch_merge *m = batch_merge_new(paths, n);
  if (d && m && batch_merge_check(m, d) == 0)
    (void)batch_merge_write(m, sink, d);
  batch_merge_free(m);
  if (d)
    fuzz_diag_done(d);
  return 0;
}
