/* util.h: allocation that never fails, arenas, growable buffers and vectors. */
#ifndef PLANNER_UTIL_H
#define PLANNER_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/*
 * Allocation wrappers in the style of OpenBSD's: they never return NULL.
 * On exhaustion they print "planner: out of memory" and exit with status 3,
 * because no caller could do anything better.
 */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xreallocarray(void *p, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) PRINTF_LIKE(1, 2);
char *xvasprintf(const char *fmt, va_list ap) PRINTF_LIKE(1, 0);

/*
 * An arena owns every allocation made from it and frees them all at once.
 * The loaded model and the YAML trees live in arenas, so a document's
 * many small strings need no individual ownership. Memory is zeroed.
 */
struct arena;
struct arena *arena_new(void);
void arena_free(struct arena *a);			/* NULL is a no-op */
void *arena_alloc(struct arena *a, size_t n);		/* never NULL, zeroed */
void *arena_array(struct arena *a, size_t nmemb, size_t size);
char *arena_strdup(struct arena *a, const char *s);	/* NULL gives NULL */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* A growable string. Initialise with {0}; sb_free() releases it. */
struct sb {
	char *s;
	size_t len, cap;
};
void sb_putc(struct sb *b, char c);
void sb_puts(struct sb *b, const char *s);
void sb_putn(struct sb *b, const char *s, size_t n);
void sb_printf(struct sb *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
const char *sb_str(struct sb *b);	/* always NUL-terminated, never NULL */
char *sb_take(struct sb *b);		/* caller frees; b is reset */
void sb_free(struct sb *b);
/*
 * Make room for extra more octets and the NUL after them, so that
 * appending up to extra octets moves the text no more: afterwards
 * b->cap >= b->len + extra + 1 and b->s is not NULL. b->len and the
 * text are kept; a buffer that was empty is not NUL-terminated by it.
 * The capacity grows by doubling from 64, so it may exceed the request.
 * This function can't fail: exhaustion exits, as xmalloc() does.
 */
void sb_reserve(struct sb *b, size_t extra);

/*
 * Grow a heap array *pp of *capp elements so that index n is valid.
 * Used as VEC_PUSH(arr, n, cap) = value.
 */
void *vec_grow(void *p, size_t *capp, size_t n, size_t size);
#define VEC_PUSH(p, n, cap) \
	(*((p) = vec_grow((p), &(cap), (n), sizeof(*(p))), &(p)[(n)++]))

/* String helpers. */
int streq(const char *a, const char *b);	/* NULL-safe equality */
int strcaseeq(const char *a, const char *b);	/* ASCII case-insensitive */
size_t edit_distance(const char *a, const char *b);
const char *closest_word(const char *word, const char *const *cands,
    size_t n);	/* NULL when nothing is close enough to suggest */

/* Read a whole file into a NUL-terminated heap buffer; caller frees.
 * Returns NULL with errno set on failure, or ERANGE past max bytes. */
char *read_file(const char *path, size_t max, size_t *lenp);

/*
 * Write len bytes to path atomically: a temporary file in the same
 * directory, fsync, then rename. Returns 0, or -1 with errno set and
 * nothing left behind. A path that is a device, pipe or socket (after
 * symbolic links) is written in place instead, not replaced.
 */
int write_file_atomic(const char *path, const char *data, size_t len);

/* mkdir -p; returns 0 or -1 with errno set. */
int mkdir_p(const char *path);

#endif
