/* json_get FILE PATH...: parses FILE as JSON (jansson) and prints the
 * string at each PATH, one per line; a PATH is keys and array indices
 * joined by dots ("plants.0.name"). Exit 0, or 1 when FILE is not JSON or
 * a PATH names no string. For the shell tests, where python3 is missing. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const json_t *at(const json_t *j, const char *path)
{
  char buf[256];
  snprintf(buf, sizeof buf, "%s", path);
  for (char *save = NULL, *key = strtok_r(buf, ".", &save); key && j;
       key = strtok_r(NULL, ".", &save))
    j = json_is_array(j) ? json_array_get(j, strtoul(key, NULL, 10)) : json_object_get(j, key);
  return j;
}

int main(int argc, char **argv)
{
  if (argc < 2) {
    fputs("usage: json_get FILE PATH...\n", stderr);
    return 1;
  }
  json_error_t err;
  json_t *root = json_load_file(argv[1], 0, &err);
  if (!root) {
    fprintf(stderr, "%s:%d: %s\n", argv[1], err.line, err.text);
    return 1;
  }
  int rc = 0;
  for (int i = 2; i < argc; i++) {
    const json_t *s = at(root, argv[i]);
    if (!json_is_string(s)) {
      fprintf(stderr, "%s: no string at %s\n", argv[1], argv[i]);
      rc = 1;
      continue;
    }
    fwrite(json_string_value(s), 1, json_string_length(s), stdout);
    putchar('\n');
  }
  json_decref(root);
  return rc;
}
