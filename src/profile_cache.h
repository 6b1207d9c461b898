/* Weather files read once and shared by the threads of a batch: sites that
 * name the same file use one reading of it, whatever their order in the
 * list and whichever thread runs them. Holds at most PROFILE_CACHE_SLOTS
 * files and, beyond those in use, about PROFILE_CACHE_BYTES of them; the
 * least recently used file nobody holds is dropped first. Thread-safe. */
#ifndef RENEWCALC_PROFILE_CACHE_H
#define RENEWCALC_PROFILE_CACHE_H

#include <stddef.h>

struct diag;
struct profile;
struct wind_profile;
struct profile_cache;

#define PROFILE_CACHE_SLOTS 64
#define PROFILE_CACHE_BYTES ((size_t)96 << 20)

/* Called once on each solar profile right after it is read, before any
 * other thread sees it (to attach shared data such as profile.sun_axis). */
typedef void (*profile_cache_prepare)(struct profile *p, void *arg);

/* New empty cache; NULL when out of memory. Free with profile_cache_free(),
 * after every entry has been released. */
struct profile_cache *profile_cache_new(profile_cache_prepare prepare, void *arg);
void profile_cache_free(struct profile_cache *c);

/* The solar (wind = 0) or wind (wind = 1) profile at path, read on first
 * use; *p or *w is set, borrowed until profile_cache_release() with the
 * returned handle. Returns a handle >= 0, or -1 with messages in d (the
 * file cannot be read, or out of memory). */
int profile_cache_get(struct profile_cache *c, const char *path, int wind,
                      const struct profile **p, const struct wind_profile **w, struct diag *d);

/* Gives back a handle from profile_cache_get(). */
void profile_cache_release(struct profile_cache *c, int handle);

#endif
