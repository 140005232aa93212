/* team.c: a few threads sharing numbered jobs, for work done once per exercise or per file. */
#include "team.h"

#include <pthread.h>
#include <unistd.h>

size_t
team_threads(int want)
{
	long n = want > 0 ? want : sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n < TEAM_MAX ? (size_t)n : TEAM_MAX;
}

size_t
team_size(size_t n, size_t from, int want)
{
	return want == 0 && n < from ? 1 : team_threads(want);
}

struct team {
	pthread_mutex_t lock;
	size_t next, n;
	int failed;
	int (*job)(void *arg, size_t j);
	void *arg;
};

static void *
team_work(void *arg)
{
	struct team *t = arg;
	size_t j;

	for (;;) {
		pthread_mutex_lock(&t->lock);
		if (t->failed || t->next == t->n) {
			pthread_mutex_unlock(&t->lock);
			return NULL;
		}
		j = t->next++;
		pthread_mutex_unlock(&t->lock);
		if (t->job(t->arg, j) == -1) {
			pthread_mutex_lock(&t->lock);
			t->failed = 1;
			pthread_mutex_unlock(&t->lock);
		}
	}
}

void
team_run(size_t nthreads, size_t n, int (*job)(void *, size_t), void *arg)
{
	struct team t = { .n = n, .job = job, .arg = arg };
	pthread_t tid[TEAM_MAX];
	size_t i, started = 0;

	pthread_mutex_init(&t.lock, NULL);
	if (nthreads > n)
		nthreads = n;
	for (i = 1; i < nthreads && i < TEAM_MAX; i++)
		if (pthread_create(&tid[started], NULL, team_work, &t) == 0)
			started++;
	team_work(&t);
	for (i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	pthread_mutex_destroy(&t.lock);
}
