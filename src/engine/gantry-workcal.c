/* gantry-workcal.c — compiled working-time calendars
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The working-time axis.  P(t) = working ms from the origin up to t.  Runs
 * are stretches of whole days following one weekly pattern; run r starts at
 * day runs[r].day and P at its start is runs[r].cum.  Inside a run,
 * P(t) = cum + A(t) - A(run start) where A is the pattern's own axis,
 * A(t) = week_index * week_total + before_weekday + before_time_of_day,
 * so whole weeks are skipped with one multiplication.
 */
#include "config.h"

#include <string.h>

#include "gantry-workcal.h"

#define MAX_CHAIN 16
#define MIN_DAY   ((gint64) -719162)   /* 0001-01-01 */
#define WINDOW_LO ((gint64) -62091)    /* 1800-01-01 */
#define WINDOW_HI ((gint64) 157071)    /* 2400-01-01 */

/* Laid out so that a lookup touches few cache lines: the weekday totals
 * and range counts share the first 40 bytes, and each day's ranges are
 * 40 contiguous bytes ([k][0] from, [k][1] to, ms from midnight). */
typedef struct
{
  gint32 before[8];                            /* work before weekday; [7] = week
                                                * (at most 7 x 24 h: fits) */
  guint8 n[8];                                 /* ranges per weekday; [7] unused */
  gint32 rng[7][GANTRY_CALENDAR_MAX_RANGES][2];
} Pattern;

typedef struct
{
  gint64 day;
  gint64 cum;
  gint64 base;     /* cum - A(run start): P(t) = base + A(t) inside the run */
  guint  pattern;
} Run;

struct _GantryWorkCal
{
  gatomicrefcount ref;
  Pattern *patterns;
  guint    n_patterns;
  Run     *runs;
  guint    n_runs;
  /* the run of the last lookup: passes move through time in small steps,
   * so most lookups hit it or its neighbour.  A plain cache (the engine
   * is single-threaded); it never changes a result. */
  guint    hint;
  gint64   max_pos;    /* position of GANTRY_TIME_MAX */
  /* the days [day_lo, day_hi) of the run of the last position lookup,
   * its base and pattern: most lookups need nothing else */
  gint64   day_lo, day_hi, day_base;
  const Pattern *day_pat;
  /* the run of the last lookup by position (finish_at, start_at): its
   * positions [cum_lo, cum_hi], base and pattern (cum_pat NULL: none) */
  gint64   cum_lo, cum_hi, cum_base;
  const Pattern *cum_pat;
  guint    cum_run;
};

static inline gint64
floor_div (gint64 a, gint64 b)
{
  gint64 q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

static inline int
day_weekday (gint64 day)
{
  return (int) (day + 4 - 7 * floor_div (day + 4, 7));
}


/* ---- patterns ------------------------------------------------------------ */

static void
pattern_set_day (Pattern *p, int wd, const GantryDayDef *def)
{
  int k;

  p->n[wd] = 0;
  if (def == NULL || def->kind != GANTRY_DAY_WORKING)
    return;
  for (k = 0; k < def->n_ranges && k < GANTRY_CALENDAR_MAX_RANGES; k++)
    {
      int from = CLAMP (def->ranges[k].from, 0, 1440);
      int to = CLAMP (def->ranges[k].to, 0, 1440);
      if (to <= from)
        continue;
      /* keep sorted and disjoint even if the definition is not */
      if (p->n[wd] > 0 && from < p->rng[wd][p->n[wd] - 1][1] / 60000)
        continue;
      p->rng[wd][p->n[wd]][0] = from * 60000;
      p->rng[wd][p->n[wd]][1] = to * 60000;
      p->n[wd]++;
    }
}

static void
pattern_finish (Pattern *p)
{
  int wd, k;

  p->before[0] = 0;
  for (wd = 0; wd < 7; wd++)
    {
      gint64 total = 0;
      for (k = 0; k < p->n[wd]; k++)
        total += p->rng[wd][k][1] - p->rng[wd][k][0];
      p->before[wd + 1] = p->before[wd] + total;
    }
}

/* Work in the day before time of day tod. */
static inline gint64
pattern_in_day (const Pattern *p, int wd, gint64 tod)
{
  gint64 sum = 0;
  int k;

  for (k = 0; k < p->n[wd]; k++)
    {
      if (tod <= p->rng[wd][k][0])
        break;
      if (tod >= p->rng[wd][k][1])
        sum += p->rng[wd][k][1] - p->rng[wd][k][0];
      else
        {
          sum += tod - p->rng[wd][k][0];
          break;
        }
    }
  return sum;
}

static inline gint64
pattern_axis (const Pattern *p, gint64 day, gint64 tod)
{
  gint64 w = floor_div (day + 4, 7);
  int wd = (int) (day + 4 - 7 * w);
  return w * p->before[7] + p->before[wd] + pattern_in_day (p, wd, tod);
}

/* Smallest instant with A(t) >= target (target must exceed some A). */
static GantryTime
pattern_first (const Pattern *p, gint64 target)
{
  gint64 wt = p->before[7];
  gint64 q = floor_div (target - 1, wt);
  gint64 rem = target - q * wt;          /* 1 .. wt */
  gint64 acc;
  int wd = 0, k;

  /* before[] does not decrease: count the weekdays wholly before rem
   * (no branches: which day it is is hard to predict) */
  wd = (p->before[1] < rem) + (p->before[2] < rem) + (p->before[3] < rem)
       + (p->before[4] < rem) + (p->before[5] < rem) + (p->before[6] < rem);
  rem -= p->before[wd];                   /* 1 .. day total */
  acc = 0;
  for (k = 0; k < p->n[wd]; k++)
    {
      gint64 len = p->rng[wd][k][1] - p->rng[wd][k][0];
      if (acc + len >= rem)
        return (7 * q - 4 + wd) * GANTRY_MS_DAY + p->rng[wd][k][0] + (rem - acc);
      acc += len;
    }
  g_assert_not_reached ();
  return GANTRY_TIME_NONE;
}

/* Largest instant with A(t) <= target. */
static GantryTime
pattern_last (const Pattern *p, gint64 target)
{
  gint64 wt = p->before[7];
  gint64 q = floor_div (target, wt);
  gint64 rem = target - q * wt;          /* 0 .. wt-1 */
  gint64 acc;
  int wd = 0, k;

  wd = (p->before[1] <= rem) + (p->before[2] <= rem) + (p->before[3] <= rem)
       + (p->before[4] <= rem) + (p->before[5] <= rem) + (p->before[6] <= rem);
  rem -= p->before[wd];                   /* 0 .. day total - 1 */
  acc = 0;
  for (k = 0; k < p->n[wd]; k++)
    {
      gint64 len = p->rng[wd][k][1] - p->rng[wd][k][0];
      if (acc + len > rem)
        return (7 * q - 4 + wd) * GANTRY_MS_DAY + p->rng[wd][k][0] + (rem - acc);
      acc += len;
    }
  g_assert_not_reached ();
  return GANTRY_TIME_NONE;
}

/* ---- building ------------------------------------------------------------ */

typedef struct
{
  GArray     *patterns;   /* Pattern */
  GHashTable *index;      /* pattern bytes -> index + 1 */
  GArray     *runs;       /* Run */
} Builder;

static guint
pattern_hash (gconstpointer key)
{
  const guint8 *b = key;
  guint h = 5381;
  gsize i;

  for (i = 0; i < sizeof (Pattern); i++)
    h = h * 33 + b[i];
  return h;
}

static gboolean
pattern_equal (gconstpointer a, gconstpointer b)
{
  return memcmp (a, b, sizeof (Pattern)) == 0;
}

static void
builder_init (Builder *b)
{
  b->patterns = g_array_new (FALSE, TRUE, sizeof (Pattern));
  b->index = g_hash_table_new_full (pattern_hash, pattern_equal, g_free, NULL);
  b->runs = g_array_new (FALSE, TRUE, sizeof (Run));
}

static guint
builder_intern (Builder *b, const Pattern *p)
{
  gpointer v = g_hash_table_lookup (b->index, p);

  if (v != NULL)
    return GPOINTER_TO_UINT (v) - 1;
  g_array_append_val (b->patterns, *p);
  g_hash_table_insert (b->index, g_memdup2 (p, sizeof (Pattern)),
                       GUINT_TO_POINTER (b->patterns->len));
  return b->patterns->len - 1;
}

static void
builder_add_run (Builder *b, gint64 day, const Pattern *p)
{
  guint id = builder_intern (b, p);
  Run run = { day, 0, 0, id };

  if (b->runs->len > 0 && g_array_index (b->runs, Run, b->runs->len - 1).pattern == id)
    return;
  g_array_append_val (b->runs, run);
}

static GantryWorkCal *
builder_finish (Builder *b)
{
  GantryWorkCal *cal = g_new0 (GantryWorkCal, 1);
  guint r;

  g_atomic_ref_count_init (&cal->ref);
  g_hash_table_unref (b->index);
  cal->n_patterns = b->patterns->len;
  cal->patterns = (Pattern *) (gpointer) g_array_free (b->patterns, FALSE);
  cal->n_runs = b->runs->len;
  cal->runs = (Run *) (gpointer) g_array_free (b->runs, FALSE);
  g_assert (cal->n_runs > 0 && cal->runs[0].day == MIN_DAY);

  cal->runs[0].cum = 0;
  for (r = 1; r < cal->n_runs; r++)
    {
      const Run *prev = &cal->runs[r - 1];
      const Pattern *p = &cal->patterns[prev->pattern];
      cal->runs[r].cum = prev->cum + pattern_axis (p, cal->runs[r].day, 0)
                         - pattern_axis (p, prev->day, 0);
    }
  for (r = 0; r < cal->n_runs; r++)
    cal->runs[r].base = cal->runs[r].cum
                        - pattern_axis (&cal->patterns[cal->runs[r].pattern], cal->runs[r].day, 0);
  cal->max_pos = gantry_workcal_position (cal, GANTRY_TIME_MAX);
  return cal;
}

/* One level of a calendar's base chain. */
typedef struct
{
  GantryCalendar *cal;
  GArray         *exc_days;   /* ExcDay, sorted by day */
} Level;

typedef struct
{
  gint64              day;
  guint               seq;
  const GantryDayDef *def;
} ExcDay;

static int
exc_day_cmp (gconstpointer a, gconstpointer b)
{
  const ExcDay *x = a, *y = b;
  if (x->day != y->day)
    return (x->day > y->day) - (x->day < y->day);
  return (x->seq > y->seq) - (x->seq < y->seq);
}

static const GantryDayDef *
level_exception (const Level *lv, gint64 day)
{
  guint lo = 0, hi = lv->exc_days->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const ExcDay *e = &g_array_index (lv->exc_days, ExcDay, mid);
      if (e->day == day)
        return e->def;
      if (e->day < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

static const GantryDayDef *
resolve (Level *levels, int n_levels, int i, gint64 day, int wd, gboolean with_exceptions)
{
  int j;

  /* Exceptions first, the calendar's own then its bases' (a company
   * holiday in Standard applies to a resource with its own Friday hours:
   * MPXJ, and gantry_calendar_resolve_day()); then the weeks. */
  if (with_exceptions)
    for (j = i; j < n_levels; j++)
      {
        const GantryDayDef *def = level_exception (&levels[j], day);
        if (def != NULL)
          return def;
      }
  for (; i < n_levels; i++)
    {
      GantryCalendar *cal = levels[i].cal;
      const GantryDayDef *def;
      guint n, k;

      n = gantry_calendar_get_n_work_weeks (cal);
      for (k = n; k-- > 0;)
        {
          const GantryWorkWeek *ww = gantry_calendar_get_work_week (cal, k);
          if (day >= ww->from_day && day <= ww->to_day
              && ww->days[wd].kind != GANTRY_DAY_DEFAULT)
            return &ww->days[wd];
        }
      def = gantry_calendar_get_weekday (cal, wd);
      if (def != NULL && def->kind != GANTRY_DAY_DEFAULT)
        return def;
    }
  return NULL;   /* nothing defined: the standard week */
}

static const GantryDayDef standard_work = { GANTRY_DAY_WORKING, 2, { { 480, 720 }, { 780, 1020 } } };
static const GantryDayDef standard_off = { GANTRY_DAY_NONWORKING, 0, { { 0, 0 } } };

static const GantryDayDef *
resolve_or_standard (Level *levels, int n_levels, gint64 day, int wd, gboolean with_exceptions)
{
  const GantryDayDef *def = resolve (levels, n_levels, 0, day, wd, with_exceptions);

  if (def != NULL)
    return def;
  return (wd >= 1 && wd <= 5) ? &standard_work : &standard_off;
}

typedef struct
{
  GantryCalendar *cal;
  guint           stamp;
  GArray         *days;
} ExcCacheEntry;

static void
exc_cache_entry_free (gpointer data)
{
  ExcCacheEntry *e = data;

  g_object_unref (e->cal);
  g_array_unref (e->days);
  g_free (e);
}

static void
expand_exceptions (Level *lv, GHashTable *exc_cache)
{
  guint n = gantry_calendar_get_n_exceptions (lv->cal), i;
  ExcCacheEntry *ce = exc_cache != NULL ? g_hash_table_lookup (exc_cache, lv->cal) : NULL;

  if (ce != NULL && ce->stamp == gantry_calendar_get_stamp (lv->cal))
    {
      lv->exc_days = g_array_ref (ce->days);
      return;
    }
  lv->exc_days = g_array_new (FALSE, FALSE, sizeof (ExcDay));
  for (i = 0; i < n; i++)
    {
      const GantryCalendarException *ex = gantry_calendar_get_exception (lv->cal, i);
      gint64 from = MAX (ex->from_day, WINDOW_LO);
      gint64 to = MIN (ex->to_day, WINDOW_HI);
      gint64 d;

      GantryCalendarException fixed;

      if (ex->day.kind == GANTRY_DAY_DEFAULT)
        continue;
      /* a bad period (0, negative) from a damaged file counts as 1 */
      fixed = *ex;
      if (fixed.period < 1)
        fixed.period = 1;
      for (d = from; d <= to; d++)
        {
          if (ex->recurrence == GANTRY_RECUR_NONE || gantry_calendar_exception_covers (&fixed, d))
            {
              ExcDay e = { d, i, &ex->day };
              g_array_append_val (lv->exc_days, e);
            }
        }
    }
  /* the exception listed last wins on a day covered twice */
  g_array_sort (lv->exc_days, exc_day_cmp);
  if (lv->exc_days->len > 1)
    {
      guint w = 1, r;
      for (r = 1; r < lv->exc_days->len; r++)
        {
          ExcDay *e = &g_array_index (lv->exc_days, ExcDay, r);
          if (e->day != g_array_index (lv->exc_days, ExcDay, w - 1).day)
            g_array_index (lv->exc_days, ExcDay, w++) = *e;
          else
            g_array_index (lv->exc_days, ExcDay, w - 1) = *e;
        }
      g_array_set_size (lv->exc_days, w);
    }
  if (exc_cache != NULL)
    {
      ce = g_new0 (ExcCacheEntry, 1);
      ce->cal = g_object_ref (lv->cal);
      ce->stamp = gantry_calendar_get_stamp (lv->cal);
      ce->days = g_array_ref (lv->exc_days);
      g_hash_table_replace (exc_cache, lv->cal, ce);
    }
}

static int
gint64_cmp (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

static GantryWorkCal *
compile_internal (GantryCalendar *calendar, GHashTable *exc_cache)
{
  Level levels[MAX_CHAIN];
  int n_levels = 0, i;
  GArray *points;       /* gint64 days where something may change */
  GHashTable *exc_set;  /* days with any exception */
  Builder b;
  guint k;

  if (calendar == NULL)
    return gantry_workcal_new_standard ();

  for (; calendar != NULL && n_levels < MAX_CHAIN; calendar = gantry_calendar_get_base (calendar))
    {
      levels[n_levels].cal = calendar;
      expand_exceptions (&levels[n_levels], exc_cache);
      n_levels++;
    }

  points = g_array_new (FALSE, FALSE, sizeof (gint64));
  exc_set = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (i = 0; i < n_levels; i++)
    {
      guint n = gantry_calendar_get_n_work_weeks (levels[i].cal);
      for (k = 0; k < n; k++)
        {
          const GantryWorkWeek *ww = gantry_calendar_get_work_week (levels[i].cal, k);
          gint64 a = MAX (ww->from_day, MIN_DAY + 1), z = ww->to_day + 1;
          if (z <= a)
            continue;
          g_array_append_val (points, a);
          g_array_append_val (points, z);
        }
      for (k = 0; k < levels[i].exc_days->len; k++)
        {
          ExcDay *e = &g_array_index (levels[i].exc_days, ExcDay, k);
          gint64 z = e->day + 1;
          g_hash_table_add (exc_set, &e->day);
          g_array_append_val (points, e->day);
          g_array_append_val (points, z);
        }
    }
  g_array_sort (points, gint64_cmp);

  builder_init (&b);
  {
    gint64 day = MIN_DAY;
    guint next = 0;

    while (TRUE)
      {
        Pattern p;
        int wd;

        memset (&p, 0, sizeof p);
        if (g_hash_table_contains (exc_set, &day))
          {
            int dwd = day_weekday (day);
            const GantryDayDef *def = resolve_or_standard (levels, n_levels, day, dwd, TRUE);
            for (wd = 0; wd < 7; wd++)
              pattern_set_day (&p, wd, def);
          }
        else
          {
            for (wd = 0; wd < 7; wd++)
              pattern_set_day (&p, wd, resolve_or_standard (levels, n_levels, day, wd, FALSE));
          }
        pattern_finish (&p);
        builder_add_run (&b, day, &p);

        while (next < points->len && g_array_index (points, gint64, next) <= day)
          next++;
        if (next >= points->len)
          break;
        day = g_array_index (points, gint64, next);
      }
  }

  g_hash_table_unref (exc_set);
  g_array_unref (points);
  for (i = 0; i < n_levels; i++)
    g_array_unref (levels[i].exc_days);
  return builder_finish (&b);
}

GantryWorkCal *
gantry_workcal_compile (GantryCalendar *calendar)
{
  return compile_internal (calendar, NULL);
}

GantryWorkCal *
gantry_workcal_new_standard (void)
{
  Builder b;
  Pattern p;
  GantryDayDef work = { GANTRY_DAY_WORKING, 2, { { 480, 720 }, { 780, 1020 } } };
  int wd;

  memset (&p, 0, sizeof p);
  for (wd = 1; wd <= 5; wd++)
    pattern_set_day (&p, wd, &work);
  pattern_finish (&p);
  builder_init (&b);
  builder_add_run (&b, MIN_DAY, &p);
  return builder_finish (&b);
}

static void
intersect_day (Pattern *out, int wd, const Pattern *a, const Pattern *b)
{
  int i = 0, j = 0;

  out->n[wd] = 0;
  while (i < a->n[wd] && j < b->n[wd] && out->n[wd] < GANTRY_CALENDAR_MAX_RANGES)
    {
      gint32 from = MAX (a->rng[wd][i][0], b->rng[wd][j][0]);
      gint32 to = MIN (a->rng[wd][i][1], b->rng[wd][j][1]);
      if (from < to)
        {
          out->rng[wd][out->n[wd]][0] = from;
          out->rng[wd][out->n[wd]][1] = to;
          out->n[wd]++;
        }
      if (a->rng[wd][i][1] < b->rng[wd][j][1])
        i++;
      else
        j++;
    }
}

GantryWorkCal *
gantry_workcal_intersect (const GantryWorkCal *a,
                          const GantryWorkCal *b)
{
  Builder bl;
  guint i = 0, j = 0;

  g_return_val_if_fail (a != NULL && b != NULL, NULL);

  builder_init (&bl);
  while (i < a->n_runs && j < b->n_runs)
    {
      gint64 day = MAX (a->runs[i].day, b->runs[j].day);
      Pattern p;
      int wd;

      memset (&p, 0, sizeof p);
      for (wd = 0; wd < 7; wd++)
        intersect_day (&p, wd, &a->patterns[a->runs[i].pattern], &b->patterns[b->runs[j].pattern]);
      pattern_finish (&p);
      builder_add_run (&bl, day, &p);

      {
        gint64 na = i + 1 < a->n_runs ? a->runs[i + 1].day : G_MAXINT64;
        gint64 nb = j + 1 < b->n_runs ? b->runs[j + 1].day : G_MAXINT64;
        if (na == G_MAXINT64 && nb == G_MAXINT64)
          break;
        if (na <= nb)
          i++;
        if (nb <= na)
          j++;
      }
    }
  return builder_finish (&bl);
}

GantryWorkCal *
gantry_workcal_ref (GantryWorkCal *cal)
{
  g_return_val_if_fail (cal != NULL, NULL);
  g_atomic_ref_count_inc (&cal->ref);
  return cal;
}

void
gantry_workcal_unref (GantryWorkCal *cal)
{
  if (cal == NULL)
    return;
  if (g_atomic_ref_count_dec (&cal->ref))
    {
      g_free (cal->patterns);
      g_free (cal->runs);
      g_free (cal);
    }
}

guint
gantry_workcal_get_n_runs (const GantryWorkCal *cal)
{
  g_return_val_if_fail (cal != NULL, 0);

  return cal->n_runs;
}

/* ---- arithmetic ---------------------------------------------------------- */

static inline void
remember_cum_run (const GantryWorkCal *cal, guint r)
{
  GantryWorkCal *mut = (GantryWorkCal *) cal;   /* a cache only */

  mut->hint = r;
  mut->cum_run = r;
  mut->cum_lo = cal->runs[r].cum;
  mut->cum_hi = r + 1 < cal->n_runs ? cal->runs[r + 1].cum : G_MAXINT64;
  mut->cum_base = cal->runs[r].base;
  mut->cum_pat = &cal->patterns[cal->runs[r].pattern];
}

static inline gboolean
run_has_day (const GantryWorkCal *cal, guint r, gint64 day)
{
  return cal->runs[r].day <= day && (r + 1 == cal->n_runs || cal->runs[r + 1].day > day);
}

/* The last run r whose key is <= key (run 0's always is), searched
 * outwards from run h: galloping brackets it in a few steps, all near h in
 * memory, then bisecting narrows the bracket.  The key is the run's first
 * day, or with by_cum its cumulative working time (callers pass a
 * constant, so each use compiles to its own loop). */
#define RUN_KEY(r) (by_cum ? cal->runs[r].cum : cal->runs[r].day)
static inline guint
run_gallop (const GantryWorkCal *cal, guint h, gint64 key, gboolean by_cum)
{
  guint lo = 0, hi = cal->n_runs, step;

  if (RUN_KEY (h) <= key)
    {
      lo = h;
      for (step = 1; lo + step < cal->n_runs; step *= 2)
        {
          if (RUN_KEY (lo + step) > key)
            {
              hi = lo + step;
              break;
            }
          lo += step;
        }
    }
  else
    {
      hi = h;
      for (step = 1; step < hi; step *= 2)
        {
          if (RUN_KEY (hi - step) <= key)
            {
              lo = hi - step;
              break;
            }
          hi -= step;
        }
    }
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (RUN_KEY (mid) <= key)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}
#undef RUN_KEY

static inline guint
run_for_day (const GantryWorkCal *cal, gint64 day)
{
  guint lo, h = cal->hint;   /* the last run with runs[r].day <= day */

  if (run_has_day (cal, h, day))
    return h;
  if (h + 1 < cal->n_runs && run_has_day (cal, h + 1, day))
    {
      ((GantryWorkCal *) cal)->hint = h + 1;
      return h + 1;
    }
  /* gallop from the hint: the wanted run is usually a few runs away */
  lo = run_gallop (cal, h, day, FALSE);
  ((GantryWorkCal *) cal)->hint = lo;
  return lo;
}

/* The last run r with runs[r].cum <= key (runs[0].cum <= key), searched
 * outwards from run h. */
static inline guint
run_last_cum_le (const GantryWorkCal *cal, guint h, gint64 key)
{
  return run_gallop (cal, h, key, TRUE);
}

gint64
gantry_workcal_position (const GantryWorkCal *cal, GantryTime t)
{
  gint64 day, tod;
  const Run *run;
  const Pattern *p;
  guint r;

  g_return_val_if_fail (cal != NULL, 0);

  if (t < GANTRY_TIME_MIN)
    t = GANTRY_TIME_MIN;
  if (t > GANTRY_TIME_MAX)
    t = GANTRY_TIME_MAX;
  day = floor_div (t, GANTRY_MS_DAY);
  tod = t - day * GANTRY_MS_DAY;
  if (day >= cal->day_lo && day < cal->day_hi)
    return cal->day_base + pattern_axis (cal->day_pat, day, tod);
  r = run_for_day (cal, day);
  run = &cal->runs[r];
  p = &cal->patterns[run->pattern];
  {
    GantryWorkCal *mut = (GantryWorkCal *) cal;   /* a cache only */
    mut->day_lo = run->day;
    mut->day_hi = r + 1 < cal->n_runs ? cal->runs[r + 1].day : G_MAXINT64;
    mut->day_base = run->base;
    mut->day_pat = p;
  }
  return run->base + pattern_axis (p, day, tod);
}

GantryTime
gantry_workcal_finish_at (const GantryWorkCal *cal, gint64 pos)
{
  guint r;
  const Pattern *p;
  GantryTime t;

  g_return_val_if_fail (cal != NULL, GANTRY_TIME_NONE);

  if (pos <= 0)
    return GANTRY_TIME_MIN;
  if (pos > cal->max_pos)
    return GANTRY_TIME_NONE;
  /* r = first run whose end position reaches pos: first j >= 1 with
   * runs[j].cum >= pos, minus one; else the last run. */
  if (cal->cum_pat == NULL || !((cal->cum_run == 0 || cal->cum_lo < pos) && pos <= cal->cum_hi))
    {
      r = cal->hint;
      if (!((r == 0 || cal->runs[r].cum < pos)
            && (r + 1 == cal->n_runs || cal->runs[r + 1].cum >= pos)))
        /* the last run with cum < pos (runs[0].cum = 0 < pos) */
        r = run_last_cum_le (cal, r, pos - 1);
      remember_cum_run (cal, r);
    }
  r = cal->cum_run;
  p = cal->cum_pat;
  if (r == cal->n_runs - 1 && p->before[7] == 0)
    return GANTRY_TIME_NONE;
  t = pattern_first (p, pos - cal->cum_base);
  return t > GANTRY_TIME_MAX ? GANTRY_TIME_NONE : t;
}

GantryTime
gantry_workcal_start_at (const GantryWorkCal *cal, gint64 pos)
{
  guint r;
  const Pattern *p;
  GantryTime t;

  g_return_val_if_fail (cal != NULL, GANTRY_TIME_NONE);

  if (pos < 0)
    pos = 0;
  if (pos >= cal->max_pos)
    return GANTRY_TIME_NONE;
  /* r = last run with cum <= pos */
  if (cal->cum_pat == NULL || !(cal->cum_lo <= pos && pos < cal->cum_hi))
    {
      r = cal->hint;
      if (!(cal->runs[r].cum <= pos && (r + 1 == cal->n_runs || cal->runs[r + 1].cum > pos)))
        r = run_last_cum_le (cal, r, pos);
      remember_cum_run (cal, r);
    }
  p = cal->cum_pat;
  if (p->before[7] == 0)
    return GANTRY_TIME_NONE;   /* only possible for the last run */
  t = pattern_last (p, pos - cal->cum_base);
  return t > GANTRY_TIME_MAX ? GANTRY_TIME_NONE : t;
}

gboolean
gantry_workcal_has_work_after (const GantryWorkCal *cal, GantryTime t)
{
  const Run *last;

  g_return_val_if_fail (cal != NULL, FALSE);
  last = &cal->runs[cal->n_runs - 1];

  if (cal->patterns[last->pattern].before[7] > 0)
    return TRUE;
  return gantry_workcal_position (cal, t) < gantry_workcal_position (cal, GANTRY_TIME_MAX);
}

GantryTime
gantry_workcal_add (const GantryWorkCal *cal, GantryTime t, GantryDuration work)
{
  g_return_val_if_fail (cal != NULL, GANTRY_TIME_NONE);

  if (t == GANTRY_TIME_NONE)
    return GANTRY_TIME_NONE;
  if (work == 0)
    return t;
  if (work < 0)
    return gantry_workcal_subtract (cal, t, -work);
  if (work > cal->max_pos)
    return GANTRY_TIME_NONE;
  return gantry_workcal_finish_at (cal, gantry_workcal_position (cal, t) + work);
}

GantryTime
gantry_workcal_subtract (const GantryWorkCal *cal, GantryTime t, GantryDuration work)
{
  gint64 pos;

  g_return_val_if_fail (cal != NULL, GANTRY_TIME_NONE);

  if (t == GANTRY_TIME_NONE)
    return GANTRY_TIME_NONE;
  if (work == 0)
    return t;
  if (work < 0)
    return gantry_workcal_add (cal, t, -work);
  if (work > cal->max_pos)
    return GANTRY_TIME_MIN;
  pos = gantry_workcal_position (cal, t) - work;
  if (pos < 0)
    return GANTRY_TIME_MIN;
  return gantry_workcal_start_at (cal, pos);
}

GantryDuration
gantry_workcal_work_between (const GantryWorkCal *cal, GantryTime a, GantryTime b)
{
  g_return_val_if_fail (cal != NULL, 0);

  if (a == GANTRY_TIME_NONE || b == GANTRY_TIME_NONE)
    return 0;
  return gantry_workcal_position (cal, b) - gantry_workcal_position (cal, a);
}

GantryTime
gantry_workcal_next_work_start (const GantryWorkCal *cal, GantryTime t)
{
  GantryTime s;

  g_return_val_if_fail (cal != NULL, GANTRY_TIME_NONE);

  if (t == GANTRY_TIME_NONE)
    return GANTRY_TIME_NONE;
  s = gantry_workcal_start_at (cal, gantry_workcal_position (cal, t));
  return (s != GANTRY_TIME_NONE && s < t) ? t : s;
}

GantryTime
gantry_workcal_prev_work_finish (const GantryWorkCal *cal, GantryTime t)
{
  gint64 pos;
  GantryTime f;

  g_return_val_if_fail (cal != NULL, GANTRY_TIME_NONE);

  if (t == GANTRY_TIME_NONE)
    return GANTRY_TIME_NONE;
  pos = gantry_workcal_position (cal, t);
  if (pos <= 0)
    return t;
  f = gantry_workcal_finish_at (cal, pos);
  return (f == GANTRY_TIME_NONE || f > t) ? t : f;
}

void
gantry_workcal_get_day (const GantryWorkCal *cal, gint64 day_number, GantryDayDef *out)
{
  const Run *run = &cal->runs[run_for_day (cal, day_number)];
  const Pattern *p = &cal->patterns[run->pattern];
  int wd = day_weekday (day_number), k;

  memset (out, 0, sizeof *out);
  out->kind = p->n[wd] > 0 ? GANTRY_DAY_WORKING : GANTRY_DAY_NONWORKING;
  out->n_ranges = p->n[wd];
  for (k = 0; k < p->n[wd]; k++)
    {
      out->ranges[k].from = p->rng[wd][k][0] / 60000;
      out->ranges[k].to = p->rng[wd][k][1] / 60000;
    }
}

/* ---- cache --------------------------------------------------------------- */

typedef struct
{
  GantryCalendar *chain[MAX_CHAIN];
  guint           stamps[MAX_CHAIN];
  int             n;
} ChainKey;

typedef struct
{
  ChainKey       key;
  ChainKey       key2;      /* intersections only */
  GantryWorkCal *cal;
} CacheEntry;

struct _GantryWorkCalCache
{
  GHashTable    *singles;    /* GantryCalendar* -> CacheEntry* */
  GHashTable    *pairs;      /* "a:b" pointer pair -> CacheEntry* */
  GHashTable    *exc_days;   /* GantryCalendar* -> expanded exception days */
  GantryWorkCal *standard;
};

static void
chain_key_fill (ChainKey *k, GantryCalendar *cal)
{
  k->n = 0;
  for (; cal != NULL && k->n < MAX_CHAIN; cal = gantry_calendar_get_base (cal))
    {
      k->chain[k->n] = cal;
      k->stamps[k->n] = gantry_calendar_get_stamp (cal);
      k->n++;
    }
}

static gboolean
chain_key_equal (const ChainKey *a, const ChainKey *b)
{
  int i;

  if (a->n != b->n)
    return FALSE;
  for (i = 0; i < a->n; i++)
    if (a->chain[i] != b->chain[i] || a->stamps[i] != b->stamps[i])
      return FALSE;
  return TRUE;
}

static void
chain_key_ref (ChainKey *k)
{
  int i;

  for (i = 0; i < k->n; i++)
    g_object_ref (k->chain[i]);
}

static void
chain_key_unref (ChainKey *k)
{
  int i;

  for (i = 0; i < k->n; i++)
    g_object_unref (k->chain[i]);
}

static void
cache_entry_free (gpointer data)
{
  CacheEntry *e = data;
  chain_key_unref (&e->key);
  chain_key_unref (&e->key2);
  gantry_workcal_unref (e->cal);
  g_free (e);
}

GantryWorkCalCache *
gantry_workcal_cache_new (void)
{
  GantryWorkCalCache *c = g_new0 (GantryWorkCalCache, 1);

  c->singles = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, cache_entry_free);
  c->pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cache_entry_free);
  c->exc_days = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, exc_cache_entry_free);
  c->standard = gantry_workcal_new_standard ();
  return c;
}

void
gantry_workcal_cache_free (GantryWorkCalCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->singles);
  g_hash_table_unref (cache->pairs);
  g_hash_table_unref (cache->exc_days);
  gantry_workcal_unref (cache->standard);
  g_free (cache);
}

GantryWorkCal *
gantry_workcal_cache_get (GantryWorkCalCache *cache, GantryCalendar *calendar)
{
  CacheEntry *e;
  ChainKey key;

  g_return_val_if_fail (cache != NULL, NULL);
  if (calendar == NULL)
    return cache->standard;
  chain_key_fill (&key, calendar);
  e = g_hash_table_lookup (cache->singles, calendar);
  if (e != NULL && chain_key_equal (&e->key, &key))
    return e->cal;
  e = g_new0 (CacheEntry, 1);
  e->key = key;
  chain_key_ref (&e->key);
  e->cal = compile_internal (calendar, cache->exc_days);
  g_hash_table_replace (cache->singles, calendar, e);
  return e->cal;
}

GantryWorkCal *
gantry_workcal_cache_get_intersection (GantryWorkCalCache *cache,
                                       GantryCalendar     *a,
                                       GantryCalendar     *b)
{
  char name[64];
  CacheEntry *e;
  ChainKey ka, kb;

  g_return_val_if_fail (cache != NULL, NULL);
  if (a == NULL || b == NULL || a == b)
    return gantry_workcal_cache_get (cache, a != NULL ? a : b);
  g_snprintf (name, sizeof name, "%p:%p", (void *) a, (void *) b);
  chain_key_fill (&ka, a);
  chain_key_fill (&kb, b);
  e = g_hash_table_lookup (cache->pairs, name);
  if (e != NULL && chain_key_equal (&e->key, &ka) && chain_key_equal (&e->key2, &kb))
    return e->cal;
  e = g_new0 (CacheEntry, 1);
  e->key = ka;
  e->key2 = kb;
  chain_key_ref (&e->key);
  chain_key_ref (&e->key2);
  e->cal = gantry_workcal_intersect (gantry_workcal_cache_get (cache, a),
                                     gantry_workcal_cache_get (cache, b));
  g_hash_table_replace (cache->pairs, g_strdup (name), e);
  return e->cal;
}
