/* The site-file schema: every key a user may write, with its type, unit,
 * default and valid range. One table drives validation (site_cfg.c), the
 * defaults applied, and the reference page docs/site-file.md (a test checks
 * that the page documents every key). */
#ifndef RENEWCALC_SITE_KEYS_H
#define RENEWCALC_SITE_KEYS_H

#include <stddef.h>

enum key_type { KEY_FLOAT, KEY_INT, KEY_STRING, KEY_CHOICE, KEY_GROUP, KEY_LIST, KEY_MONTHS, KEY_BOOL, KEY_NUMBERS,
                KEY_STRINGS };

struct site_key {
  const char *group;    /* "" (top level), "location", "plants", "plants.array", ... */
  const char *name;
  enum key_type type;
  int required;
  double lo, hi;        /* KEY_FLOAT / KEY_INT / KEY_MONTHS (each of 12): range */
  double def;           /* default of an optional number */
  const char *def_str;  /* default of an optional string / choice ("" none) */
  const char *choices;  /* KEY_CHOICE: "a|b|c" */
  const char *unit;     /* for messages and docs: "deg", "MW", "" */
  const char *doc;      /* one line for docs/site-file.md */
};

/* The whole table, terminated by an entry with name == NULL. */
extern const struct site_key site_keys[];

/* Which plant types a key under "plants" applies to. */
enum key_plant {
  KEY_PLANT_ANY,
  KEY_PLANT_PV,
  KEY_PLANT_WIND,
  KEY_PLANT_BIOMASS,
  KEY_PLANT_PV_WIND /* PV and wind, not biomass */
};
enum key_plant site_key_plant(const struct site_key *k);

/* Entry for group/name, or NULL. */
const struct site_key *site_key_find(const char *group, const char *name);

/* The valid key a user most likely meant by name in group: the same name
 * one level down or up (a "tilt" written in a plant suggests "array.tilt",
 * a "tilt" written at the top level nothing), else the key of group nearest
 * by edit distance (at most 3 edits). Writes it to buf (n bytes) and returns
 * buf, or returns NULL when nothing is close. */
const char *site_key_suggest(const char *group, const char *name, char *buf, size_t n);

#endif
