/* Shared weather files; see profile_cache.h. A file is read outside the
 * lock, by the first thread that asks for it; threads asking meanwhile wait
 * for that reading instead of starting their own. */
#include "profile_cache.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "profile.h"
#include "site.h"
#include "wind_profile.h"

enum { SLOT_FREE, SLOT_LOADING, SLOT_READY };

struct slot {
  int state;
  char path[SITE_PATH_MAX];
  int wind;
  struct profile *p;
  struct wind_profile *w;
  size_t bytes;
  int refs;
  unsigned long used;
};

struct profile_cache {
  pthread_mutex_t lock;
  pthread_cond_t loaded;
  struct slot slot[PROFILE_CACHE_SLOTS];
  size_t bytes;
  unsigned long tick;
  profile_cache_prepare prepare;
  void *arg;
};

struct profile_cache *profile_cache_new(profile_cache_prepare prepare, void *arg)
{
  struct profile_cache *c = calloc(1, sizeof *c);
  if (!c)
    return NULL;
  pthread_mutex_init(&c->lock, NULL);
  pthread_cond_init(&c->loaded, NULL);
  c->prepare = prepare;
  c->arg = arg;
  return c;
}

static void slot_drop(struct profile_cache *c, struct slot *s)
{
  profile_free(s->p);
  wind_profile_free(s->w);
  c->bytes -= s->bytes;
  memset(s, 0, sizeof *s);
}

void profile_cache_free(struct profile_cache *c)
{
  if (!c)
    return;
  for (int i = 0; i < PROFILE_CACHE_SLOTS; i++)
    slot_drop(c, &c->slot[i]);
  pthread_cond_destroy(&c->loaded);
  pthread_mutex_destroy(&c->lock);
  free(c);
}

static size_t profile_bytes(const struct profile *p)
{
  size_t cols = 1; /* t_utc */
  for (int k = 0; k < PROFILE_NCOLS; k++)
    cols += p->col[k] != NULL;
  return p->cap * cols * 8;
}

/* Drops unused files, least recently used first, while the cache holds
 * more than its budget. Called with the lock held. */
static void trim(struct profile_cache *c)
{
  while (c->bytes > PROFILE_CACHE_BYTES) {
    struct slot *lru = NULL;
    for (int i = 0; i < PROFILE_CACHE_SLOTS; i++) {
      struct slot *s = &c->slot[i];
      if (s->state == SLOT_READY && s->refs == 0 && (!lru || s->used < lru->used))
        lru = s;
    }
    if (!lru)
      return;
    slot_drop(c, lru);
  }
}

int profile_cache_get(struct profile_cache *c, const char *path, int wind,
                      const struct profile **p, const struct wind_profile **w, struct diag *d)
{
  pthread_mutex_lock(&c->lock);
  for (;;) {
    struct slot *found = NULL, *spare = NULL;
    for (int i = 0; i < PROFILE_CACHE_SLOTS; i++) {
      struct slot *s = &c->slot[i];
      if (s->state != SLOT_FREE && s->wind == wind && strcmp(s->path, path) == 0)
        found = s;
      else if (s->state == SLOT_FREE && (!spare || spare->state != SLOT_FREE))
        spare = s;
      else if (s->state == SLOT_READY && s->refs == 0 &&
               (!spare || (spare->state == SLOT_READY && s->used < spare->used)))
        spare = s;
    }
    if (found && found->state == SLOT_LOADING) {
      pthread_cond_wait(&c->loaded, &c->lock);
      continue; /* loaded, or failed and freed: look again */
    }
    if (found) {
      found->refs++;
      found->used = ++c->tick;
      *p = found->p;
      *w = found->w;
      pthread_mutex_unlock(&c->lock);
      return (int)(found - c->slot);
    }
    if (!spare) { /* every slot in use: wait for one */
      pthread_cond_wait(&c->loaded, &c->lock);
      continue;
    }
    if (spare->state == SLOT_READY)
      slot_drop(c, spare);
    spare->state = SLOT_LOADING;
    spare->wind = wind;
    snprintf(spare->path, sizeof spare->path, "%s", path);
    pthread_mutex_unlock(&c->lock);

    struct profile *np = NULL;
    struct wind_profile *nw = NULL;
    if (wind)
      nw = wind_profile_read(path, d);
    else if ((np = profile_read(path, d)) && c->prepare)
      c->prepare(np, c->arg);

    pthread_mutex_lock(&c->lock);
    if (!np && !nw) {
      memset(spare, 0, sizeof *spare);
      pthread_cond_broadcast(&c->loaded);
      pthread_mutex_unlock(&c->lock);
      return -1;
    }
    spare->p = np;
    spare->w = nw;
    spare->bytes = np ? profile_bytes(np) : nw->n * 8 * 8; /* wind: about 8 columns */
    c->bytes += spare->bytes;
    spare->state = SLOT_READY;
    spare->refs = 1;
    spare->used = ++c->tick;
    trim(c);
    *p = np;
    *w = nw;
    pthread_cond_broadcast(&c->loaded);
    pthread_mutex_unlock(&c->lock);
    return (int)(spare - c->slot);
  }
}

void profile_cache_release(struct profile_cache *c, int handle)
{
  if (handle < 0)
    return;
  pthread_mutex_lock(&c->lock);
  c->slot[handle].refs--;
  pthread_cond_broadcast(&c->loaded);
  pthread_mutex_unlock(&c->lock);
}
