/* gantry-resource-engine.c — costs, over-allocation and resource levelling
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "gantry-resource-engine.h"
#include "gantry-scheduler.h"
#include "gantry-workcal.h"

#define NONE GANTRY_TIME_NONE
#define UNITS_EPS 1e-6

/* ---- cost rate tables --------------------------------------------------- */

/* MSPDI keeps the rate tables B–E (and dated rows of A) in the resource's
 * <Rates> element, which Gantry carries as an extra; read the row of table
 * `table` in force at `at`. */
typedef struct
{
  int        want_table;
  GantryTime at;
  /* the row being read */
  int        table;
  GantryTime from, to;
  double     std, ot, cpu;
  gboolean   have_std, have_ot, have_cpu;
  /* the answer */
  gboolean   found;
  double     r_std, r_ot, r_cpu;
  const char *element;
} RateScan;

static void
rate_start (GMarkupParseContext *ctx, const char *name, const char **an, const char **av,
            gpointer data, GError **error)
{
  RateScan *s = data;

  (void) ctx; (void) an; (void) av; (void) error;
  if (strcmp (name, "Rate") == 0)
    {
      s->table = 0;
      s->from = s->to = NONE;
      s->have_std = s->have_ot = s->have_cpu = FALSE;
    }
  s->element = name;
}

static void
rate_text (GMarkupParseContext *ctx, const char *text, gsize len, gpointer data, GError **error)
{
  RateScan *s = data;
  g_autofree char *v = g_strndup (text, len);
  const char *el = g_markup_parse_context_get_element (ctx);

  (void) error;
  g_strstrip (v);
  if (el == NULL || *v == '\0')
    return;
  if (strcmp (el, "RateTable") == 0)
    s->table = (int) g_ascii_strtoll (v, NULL, 10);
  else if (strcmp (el, "StandardRate") == 0)
    s->std = g_ascii_strtod (v, NULL), s->have_std = TRUE;
  else if (strcmp (el, "OvertimeRate") == 0)
    s->ot = g_ascii_strtod (v, NULL), s->have_ot = TRUE;
  else if (strcmp (el, "CostPerUse") == 0)
    s->cpu = g_ascii_strtod (v, NULL) / 100.0, s->have_cpu = TRUE;
  else if (strcmp (el, "RatesFrom") == 0 && !gantry_time_parse_iso (v, &s->from, NULL))
    s->from = NONE;
  else if (strcmp (el, "RatesTo") == 0 && !gantry_time_parse_iso (v, &s->to, NULL))
    s->to = NONE;
}

static void
rate_end (GMarkupParseContext *ctx, const char *name, gpointer data, GError **error)
{
  RateScan *s = data;

  (void) ctx; (void) error;
  if (strcmp (name, "Rate") != 0 || s->table != s->want_table)
    return;
  if (s->at != NONE && s->from != NONE && s->at < s->from)
    return;
  if (s->at != NONE && s->to != NONE && s->at >= s->to)
    return;
  if (s->found && s->at == NONE)
    return;   /* no date: the first row of the table */
  s->found = TRUE;
  s->r_std = s->have_std ? s->std : 0;
  s->r_ot = s->have_ot ? s->ot : 0;
  s->r_cpu = s->have_cpu ? s->cpu : 0;
}

static gboolean
lookup_rate (GantryResource *r, int table, GantryTime at, double *std, double *ot, double *cpu)
{
  static const GMarkupParser parser = { rate_start, rate_end, rate_text, NULL, NULL };
  const GantryExtra *e = gantry_extras_lookup (gantry_resource_get_extras (r), "Rates");
  g_autoptr(GMarkupParseContext) ctx = NULL;
  RateScan s = { 0 };

  if (e == NULL || e->xml == NULL)
    return FALSE;
  s.want_table = table;
  s.at = at;
  ctx = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, &s, NULL);
  if (!g_markup_parse_context_parse (ctx, e->xml, -1, NULL)
      || !g_markup_parse_context_end_parse (ctx, NULL)
      || !s.found)
    return FALSE;
  *std = s.r_std;
  *ot = s.r_ot;
  *cpu = s.r_cpu;
  return TRUE;
}

static void
assignment_rates (GantryAssignment *a, GantryResource *r, double *std, double *ot, double *cpu)
{
  int table = gantry_assignment_get_cost_rate_table (a);

  if (table > 0 && table <= 4
      && lookup_rate (r, table, gantry_assignment_get_start (a), std, ot, cpu))
    return;
  *std = gantry_resource_get_standard_rate (r);
  *ot = gantry_resource_get_overtime_rate (r);
  *cpu = gantry_resource_get_cost_per_use (r);
}

double
gantry_assignment_compute_overtime_cost (GantryAssignment *a)
{
  GantryResource *r;
  double std, ot, cpu;

  g_return_val_if_fail (GANTRY_IS_ASSIGNMENT (a), 0);
  r = gantry_assignment_get_resource (a);
  if (r == NULL || gantry_resource_get_resource_type (r) != GANTRY_RESOURCE_WORK)
    return 0;
  assignment_rates (a, r, &std, &ot, &cpu);
  return (double) MAX (gantry_assignment_get_overtime_work (a), 0) / GANTRY_MS_HOUR * ot;
}

double
gantry_assignment_compute_cost (GantryAssignment *a)
{
  GantryResource *r;
  double std, ot, cpu;

  g_return_val_if_fail (GANTRY_IS_ASSIGNMENT (a), 0);
  r = gantry_assignment_get_resource (a);
  if (r == NULL)
    return 0;
  switch (gantry_resource_get_resource_type (r))
    {
    case GANTRY_RESOURCE_WORK:
      {
        GantryDuration w = MAX (gantry_assignment_get_work (a), 0);
        GantryDuration o = CLAMP (gantry_assignment_get_overtime_work (a), 0, w);

        assignment_rates (a, r, &std, &ot, &cpu);
        return (double) (w - o) / GANTRY_MS_HOUR * std
               + (double) o / GANTRY_MS_HOUR * ot + cpu;
      }
    case GANTRY_RESOURCE_MATERIAL:
      assignment_rates (a, r, &std, &ot, &cpu);
      return MAX (gantry_assignment_get_units (a), 0) * std + cpu;
    case GANTRY_RESOURCE_COST:
    default:
      return gantry_assignment_get_cost (a);
    }
}

/* ---- over-allocation: a sweep per resource -------------------------------- */

typedef struct
{
  GantryTime t;
  double     du;      /* +units at a start, -units at a finish */
} Event;

static int
event_cmp (gconstpointer a, gconstpointer b)
{
  const Event *x = a, *y = b;

  if (x->t != y->t)
    return x->t < y->t ? -1 : 1;
  /* finishes before starts at the same instant: back-to-back is fine */
  if (x->du != y->du)
    return x->du < y->du ? -1 : 1;
  return 0;
}

static gboolean
assignment_interval (GantryAssignment *a, GantryTime *s, GantryTime *f)
{
  GantryTask *task;

  *s = gantry_assignment_get_start (a);
  *f = gantry_assignment_get_finish (a);
  if ((*s == NONE || *f == NONE) && (task = gantry_assignment_get_task (a)) != NULL)
    {
      *s = gantry_task_get_start (task);
      *f = gantry_task_get_finish (task);
    }
  return *s != NONE && *f != NONE && *f > *s;
}

static GantryWorkCal *
resource_cal (GantryWorkCalCache *cache, GantryProject *project, GantryResource *r)
{
  GantryCalendar *c = gantry_resource_get_calendar (r);

  return gantry_workcal_cache_get (cache, c != NULL ? c : gantry_project_get_calendar (project));
}

/* Sweeps one resource's events (sorted); appends its over-allocated
 * periods to out and returns the peak units. */
static double
sweep_resource (GantryResource *r, GantryWorkCalCache *cache, GantryProject *project,
                const Event *ev, guint n, GArray *out)
{
  GantryWorkCal *cal = NULL;
  double max = gantry_resource_get_max_units (r) + UNITS_EPS;
  double cur = 0, peak = 0, period_peak = 0;
  GantryTime p_start = NONE;
  guint i;

  for (i = 0; i < n; i++)
    {
      const Event *e = &ev[i];

      cur += e->du;
      /* decide only once every event of this instant is in */
      if (i + 1 < n && ev[i + 1].t == e->t)
        continue;
      if (cur < UNITS_EPS)
        cur = 0;
      if (cur > max)
        {
          if (p_start == NONE)
            p_start = e->t, period_peak = 0;
          period_peak = MAX (period_peak, cur);
        }
      else if (p_start != NONE)
        {
          GantryTime a = p_start, b = e->t;

          /* keep the part in the resource's working time (the calendar
           * is compiled only for resources that need it) */
          if (cal == NULL)
            cal = resource_cal (cache, project, r);
          if (gantry_workcal_work_between (cal, a, b) > 0)
            {
              GantryOverallocation o;

              o.resource = r;
              o.start = gantry_workcal_next_work_start (cal, a);
              o.finish = gantry_workcal_prev_work_finish (cal, b);
              o.units = period_peak;
              if (o.start == NONE || o.start >= b)
                o.start = a;
              if (o.finish == NONE || o.finish <= o.start)
                o.finish = b;
              g_array_append_val (out, o);
              peak = MAX (peak, period_peak);
            }
          p_start = NONE;
        }
      if (cur <= max)
        peak = MAX (peak, cur);
    }
  return peak;
}

/* Compiled calendars are kept with the project between calls (the cache
 * recompiles a calendar when it or a base changed). */
static GantryWorkCalCache *
project_cache (GantryProject *project)
{
  GantryWorkCalCache *cache = g_object_get_data (G_OBJECT (project), "gantry-resources-calendars");

  if (cache == NULL)
    {
      cache = gantry_workcal_cache_new ();
      g_object_set_data_full (G_OBJECT (project), "gantry-resources-calendars", cache,
                              (GDestroyNotify) gantry_workcal_cache_free);
    }
  return cache;
}

/* ---- the timephased shape of an assignment's work ------------------------- */

static gboolean
task_is_elapsed (GantryTask *task)
{
  GantryDurationFormat df;

  if (task == NULL)
    return FALSE;
  df = gantry_task_get_duration_format (task);
  return gantry_format_is_elapsed (df) && !gantry_format_is_percent (df);
}

/* The scheduler's choice (gantry_assignment_pick_calendars); none for an
 * elapsed task, whose resources work around the clock. */
static GantryWorkCal *
work_calendar (GantryWorkCalCache *cache, GantryProject *project, GantryAssignment *a)
{
  GantryTask *task = gantry_assignment_get_task (a);
  GantryCalendar *first, *second;

  if (task_is_elapsed (task))
    return NULL;
  gantry_assignment_pick_calendars (a, project, task != NULL ? gantry_task_get_calendar (task) : NULL,
                                    task != NULL && gantry_task_get_ignore_resource_calendar (task),
                                    &first, &second);
  if (second != NULL)
    return gantry_workcal_cache_get_intersection (cache, first, second);
  return gantry_workcal_cache_get (cache, first);
}

static GantryProject *
assignment_project (GantryAssignment *a)
{
  GantryTask *task = gantry_assignment_get_task (a);
  GantryResource *r = gantry_assignment_get_resource (a);
  GantryProject *p = task != NULL ? gantry_task_get_project (task) : NULL;

  if (p == NULL && r != NULL)
    p = gantry_resource_get_project (r);
  return p;
}

static inline GantryDuration
shape_span (const GantryWorkCal *cal, GantryTime a, GantryTime b)
{
  if (b <= a)
    return 0;
  return cal != NULL ? gantry_workcal_work_between (cal, a, b) : b - a;
}

static gboolean
contoured (int contour)
{
  /* 8 (Contoured) is edited by hand in MS Project: its timephased data
   * is not modelled, and the scheduler spreads it flat */
  return contour >= 1 && contour <= 7;
}

static gboolean
work_shape (GantryWorkCalCache *cache, GantryProject *project, GantryAssignment *a,
            GantryWorkShape *sh)
{
  GantryDuration work = gantry_assignment_get_work (a), total, len[10];
  double units = gantry_assignment_get_units (a), weighted = 0;
  int contour = gantry_assignment_get_work_contour (a);
  GantryTime s, f;
  gboolean exact = TRUE;
  guint k;

  memset (sh, 0, sizeof *sh);
  if (!(units > 0) || work <= 0 || !assignment_interval (a, &s, &f))
    return FALSE;
  sh->cal = work_calendar (cache, project, a);
  total = shape_span (sh->cal, s, f);
  sh->n = contoured (contour) && total > 0 ? 10 : 1;
  sh->bound[0] = s;
  sh->bound[sh->n] = f;
  if (sh->n == 10)
    {
      gint64 pos0 = sh->cal != NULL ? gantry_workcal_position (sh->cal, s) : 0;

      for (k = 1; k < 10; k++)
        {
          GantryDuration at = total * (gint64) k / 10;
          GantryTime b = sh->cal != NULL ? gantry_workcal_finish_at (sh->cal, pos0 + at) : s + at;

          if (b == NONE || b < sh->bound[k - 1] || b > f)
            exact = FALSE, b = CLAMP (b == NONE ? f : b, sh->bound[k - 1], f);
          sh->bound[k] = b;
        }
    }
  for (k = 0; k < sh->n; k++)
    {
      double pct = sh->n == 10 ? gantry_work_contour_percent (contour, k) : 100;

      /* a bound at working position pos0 + at is at exactly that
       * distance from the start */
      len[k] = sh->n == 1 ? total
               : exact ? total * (gint64) (k + 1) / 10 - total * (gint64) k / 10
               : shape_span (sh->cal, sh->bound[k], sh->bound[k + 1]);
      sh->units[k] = units * pct / 100.0;
      weighted += (double) len[k] * pct;
    }
  /* rate k = units × pct/100 when the dates fit the work (work = units ×
   * average × working time); scaled so the total is the work anyway */
  sh->done[0] = 0;
  for (k = 0; k < sh->n; k++)
    {
      double pct = sh->n == 10 ? gantry_work_contour_percent (contour, k) : 100;

      sh->rate[k] = weighted > 0 ? work * pct / weighted : 0;
      sh->done[k + 1] = sh->done[k] + sh->rate[k] * len[k];
    }
  if (weighted > 0)
    sh->done[sh->n] = work;     /* exactly, whatever the rounding */
  return TRUE;
}

GantryWorkCal *
gantry_assignment_get_work_calendar (GantryAssignment *assignment, GantryWorkCalCache *cache)
{
  GantryProject *project;

  g_return_val_if_fail (GANTRY_IS_ASSIGNMENT (assignment), NULL);
  project = assignment_project (assignment);
  if (cache == NULL)
    {
      g_return_val_if_fail (project != NULL, NULL);
      cache = project_cache (project);
    }
  return work_calendar (cache, project, assignment);
}

gboolean
gantry_assignment_get_work_shape (GantryAssignment *assignment, GantryWorkCalCache *cache,
                                  GantryWorkShape *shape)
{
  GantryProject *project;

  g_return_val_if_fail (GANTRY_IS_ASSIGNMENT (assignment), FALSE);
  g_return_val_if_fail (shape != NULL, FALSE);
  project = assignment_project (assignment);
  if (cache == NULL)
    {
      if (project == NULL)
        {
          memset (shape, 0, sizeof *shape);
          return FALSE;
        }
      cache = project_cache (project);
    }
  return work_shape (cache, project, assignment, shape);
}

double
gantry_work_shape_work_before (const GantryWorkShape *shape, GantryTime t)
{
  guint k;

  g_return_val_if_fail (shape != NULL, 0);
  if (shape->n == 0 || t <= shape->bound[0])
    return 0;
  if (t >= shape->bound[shape->n])
    return shape->done[shape->n];
  for (k = 0; k + 1 < shape->n && t >= shape->bound[k + 1]; k++)
    ;
  return shape->done[k] + shape->rate[k] * shape_span (shape->cal, shape->bound[k], t);
}

GantryDuration
gantry_assignment_work_between (GantryAssignment *assignment, GantryTime t0, GantryTime t1)
{
  GantryWorkShape sh;

  g_return_val_if_fail (GANTRY_IS_ASSIGNMENT (assignment), 0);
  if (t0 == NONE || t1 == NONE || t1 <= t0
      || !gantry_assignment_get_work_shape (assignment, NULL, &sh))
    return 0;
  return (GantryDuration) llround (gantry_work_shape_work_before (&sh, t1))
         - (GantryDuration) llround (gantry_work_shape_work_before (&sh, t0));
}

typedef struct
{
  guint      res;
  GantryTime s, f;
  double     units;
  int        shape;     /* index in the contoured shapes, -1: flat */
} Use;

/* Walks the tasks in outline order (memory order, mostly) and their
 * assignments once, buckets the intervals by resource (counting sort),
 * sorts each bucket and sweeps it.  A flat assignment is two events
 * (+units at its start, -units at its finish); a contoured one steps
 * through its 10 segments' units (11 events). */
static GArray *
find_all (GantryProject *project, gboolean write)
{
  GListModel *resources = gantry_project_get_resources (project);
  guint n_res = g_list_model_get_n_items (resources);
  GPtrArray *tasks = gantry_project_get_all_tasks (project);
  GantryWorkCalCache *cache = project_cache (project);
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) res = g_ptr_array_new_full (n_res, g_object_unref);
  g_autoptr(GArray) uses = g_array_new (FALSE, FALSE, sizeof (Use));
  g_autoptr(GArray) shapes = g_array_new (FALSE, FALSE, sizeof (GantryWorkShape));
  g_autofree guint *first = g_new0 (guint, n_res + 1);
  g_autofree guint *fill = NULL;
  g_autofree Event *events = NULL;
  g_autofree guint8 *is_work = g_new0 (guint8, MAX (n_res, 1));
  g_autofree GantryDuration *work = write ? g_new0 (GantryDuration, MAX (n_res, 1)) : NULL;
  g_autofree double *cost = write ? g_new0 (double, MAX (n_res, 1)) : NULL;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (GantryOverallocation));
  guint i, k;

  for (i = 0; i < n_res; i++)
    {
      GantryResource *r = g_list_model_get_item (resources, i);

      g_ptr_array_add (res, r);
      g_hash_table_insert (index, r, GUINT_TO_POINTER (i + 1));
      is_work[i] = gantry_resource_get_resource_type (r) == GANTRY_RESOURCE_WORK;
    }
  for (i = 0; i < tasks->len; i++)
    {
      GantryTask *t = g_ptr_array_index (tasks, i);
      GPtrArray *as = gantry_task_get_assignments (t);
      gboolean counts;

      if (as == NULL || as->len == 0)
        continue;
      counts = gantry_task_get_active (t) && !gantry_task_get_summary (t);
      for (k = 0; k < as->len; k++)
        {
          GantryAssignment *a = g_ptr_array_index (as, k);
          guint ri = GPOINTER_TO_UINT (g_hash_table_lookup (index,
                                                            gantry_assignment_get_resource (a)));
          Use u;

          if (ri-- == 0)
            continue;
          if (write)
            {
              double c = gantry_assignment_compute_cost (a);

              if (c != gantry_assignment_get_cost (a))
                gantry_assignment_set_computed (a, gantry_assignment_get_start (a),
                                                gantry_assignment_get_finish (a), c);
              cost[ri] += c;
              if (is_work[ri])
                work[ri] += MAX (gantry_assignment_get_work (a), 0);
            }
          if (!counts || !is_work[ri])
            continue;
          u.units = gantry_assignment_get_units (a);
          if (!(u.units > 0) || gantry_assignment_get_work (a) <= 0)
            continue;
          u.s = gantry_assignment_get_start (a);
          u.f = gantry_assignment_get_finish (a);
          if (u.s == NONE || u.f == NONE)
            {
              u.s = gantry_task_get_start (t);
              u.f = gantry_task_get_finish (t);
            }
          if (u.s == NONE || u.f == NONE || u.f <= u.s)
            continue;
          u.res = ri;
          u.shape = -1;
          if (contoured (gantry_assignment_get_work_contour (a)))
            {
              GantryWorkShape sh;

              if (work_shape (cache, project, a, &sh) && sh.n > 1)
                {
                  u.shape = (int) shapes->len;
                  g_array_append_val (shapes, sh);
                }
            }
          g_array_append_val (uses, u);
          first[ri + 1] += u.shape >= 0 ? 11 : 2;
        }
    }
  for (i = 0; i < n_res; i++)
    first[i + 1] += first[i];
  fill = g_memdup2 (first, sizeof (guint) * (n_res + 1));
  events = g_new (Event, MAX (first[n_res], 1));
  for (i = 0; i < uses->len; i++)
    {
      const Use *u = &g_array_index (uses, Use, i);
      Event *e = &events[fill[u->res]];

      if (u->shape >= 0)
        {
          const GantryWorkShape *sh = &g_array_index (shapes, GantryWorkShape, u->shape);
          guint j;

          for (j = 0; j <= 10; j++)
            {
              e[j].t = sh->bound[j];
              e[j].du = (j < 10 ? sh->units[j] : 0) - (j > 0 ? sh->units[j - 1] : 0);
            }
          fill[u->res] += 11;
          continue;
        }
      e[0].t = u->s; e[0].du = u->units;
      e[1].t = u->f; e[1].du = -u->units;
      fill[u->res] += 2;
    }
  for (i = 0; i < n_res; i++)
    {
      GantryResource *r = g_ptr_array_index (res, i);
      guint n = first[i + 1] - first[i], before = out->len;
      double peak = 0;

      if (n > 0)
        {
          qsort (events + first[i], n, sizeof (Event), event_cmp);
          peak = sweep_resource (r, cache, project, events + first[i], n, out);
        }
      if (write)
        gantry_resource_set_computed (r, work[i], cost[i], out->len > before, peak);
    }
  return out;
}

GArray *
gantry_resources_find_overallocations (GantryProject *project)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (project), NULL);
  return find_all (project, FALSE);
}

GArray *
gantry_resources_update (GantryProject *project)
{
  g_return_val_if_fail (GANTRY_IS_PROJECT (project), NULL);
  return find_all (project, TRUE);
}

/* ---- levelling ------------------------------------------------------------ */

typedef struct
{
  GantryTime s, f;
  double     units;
} Busy;

typedef struct
{
  GantryTask *task;
  guint       index;
  GantryTime  start;
  int         priority;
  GantryDuration slack;
  int         id;
} Cand;

typedef struct
{
  GantryProject   *project;
  GantryScheduler *scheduler;
  GPtrArray       *tasks;        /* all tasks, borrowed */
  GHashTable      *index;        /* task -> index + 1 */
  GHashTable      *res_index;    /* resource -> profile index + 1 */
  GArray         **profile;      /* per resource: Busy */
  guint            n_res;
  double          *max_units;
  GantryWorkCal  **res_cal;
  guint8          *fixed, *dirty, *levelable;
  GantryDuration  *delay;        /* current delay per task */
  GantryWorkCalCache *cache;
} Leveler;

static int
cand_cmp (gconstpointer a, gconstpointer b)
{
  const Cand *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->priority != y->priority)
    return x->priority > y->priority ? -1 : 1;
  if (x->slack != y->slack)
    return x->slack < y->slack ? -1 : 1;
  if (x->id != y->id)
    return x->id < y->id ? -1 : 1;
  return 0;
}

static int
task_ix (Leveler *L, GantryTask *t)
{
  gpointer v = g_hash_table_lookup (L->index, t);
  return v != NULL ? GPOINTER_TO_INT (v) - 1 : -1;
}

static int
res_ix (Leveler *L, GantryResource *r)
{
  gpointer v = r != NULL ? g_hash_table_lookup (L->res_index, r) : NULL;
  return v != NULL ? GPOINTER_TO_INT (v) - 1 : -1;
}

static gboolean
task_levelable (GantryTask *t)
{
  GPtrArray *as = gantry_task_get_assignments (t);
  GantryConstraintType c = gantry_task_get_constraint_type (t);
  guint k;

  if (gantry_task_get_summary (t) || gantry_task_get_manual (t) || !gantry_task_get_active (t)
      || gantry_task_get_is_null (t) || gantry_task_get_priority (t) >= 1000
      || gantry_task_get_actual_start (t) != NONE || gantry_task_get_percent_complete (t) > 0
      || c == GANTRY_CONSTRAINT_MSO || c == GANTRY_CONSTRAINT_MFO
      || c == GANTRY_CONSTRAINT_SNLT || c == GANTRY_CONSTRAINT_FNLT)
    return FALSE;
  for (k = 0; as != NULL && k < as->len; k++)
    if (gantry_assignment_drives_schedule (g_ptr_array_index (as, k)))
      return TRUE;
  return FALSE;
}

/* A placed contoured assignment is kept as its segments' units; the task
 * being placed (place()) counts its contoured assignments at their full
 * units over their whole interval, never less than any segment uses (no
 * contour goes above 100 %): what levelling places is never
 * over-allocated by the contoured sweep (gantry_resources_level checks
 * its result with it), though a contoured task may wait longer than it
 * must. */
static void
add_busy (Leveler *L, GantryTask *t)
{
  GPtrArray *as = gantry_task_get_assignments (t);
  guint k;

  if (gantry_task_get_summary (t) || !gantry_task_get_active (t))
    return;
  for (k = 0; as != NULL && k < as->len; k++)
    {
      GantryAssignment *a = g_ptr_array_index (as, k);
      int r = res_ix (L, gantry_assignment_get_resource (a));
      GantryWorkShape sh;
      Busy b;
      guint j;

      if (r < 0 || !gantry_assignment_drives_schedule (a) || !assignment_interval (a, &b.s, &b.f))
        continue;
      b.units = gantry_assignment_get_units (a);
      if (!contoured (gantry_assignment_get_work_contour (a))
          || !work_shape (L->cache, L->project, a, &sh) || sh.n < 2)
        {
          g_array_append_val (L->profile[r], b);
          continue;
        }
      /* one interval per run of equal units (Turtle: 7, not 10) */
      for (j = 0; j < sh.n; )
        {
          guint e = j + 1;

          while (e < sh.n && sh.units[e] == sh.units[j])
            e++;
          if (sh.bound[e] > sh.bound[j])
            {
              b.s = sh.bound[j];
              b.f = sh.bound[e];
              b.units = sh.units[j];
              g_array_append_val (L->profile[r], b);
            }
          j = e;
        }
    }
}

/* Highest use of resource r in [s, f) by what is placed, and the earliest
 * finish among the placed intervals that make [s, f) too full when units
 * are added (NONE when it fits). */
static GantryTime
first_clash (Leveler *L, int r, GantryTime s, GantryTime f, double units)
{
  GArray *p = L->profile[r];
  double limit = L->max_units[r] + UNITS_EPS;
  GantryTime clash = NONE;
  guint i, j;

  /* use is piecewise constant and only rises at an interval start, so
   * checking s and every start inside (s, f) is enough */
  for (i = 0; i <= p->len; i++)
    {
      GantryTime pt;
      double use = units;
      GantryTime end = NONE;

      if (i == p->len)
        pt = s;
      else
        {
          pt = g_array_index (p, Busy, i).s;
          if (pt <= s || pt >= f)
            continue;
        }
      for (j = 0; j < p->len; j++)
        {
          const Busy *b = &g_array_index (p, Busy, j);
          if (b->s <= pt && b->f > pt)
            {
              use += b->units;
              if (end == NONE || b->f < end)
                end = b->f;
            }
        }
      if (use > limit && end != NONE && (clash == NONE || end < clash))
        clash = end;
    }
  return clash;
}

typedef struct
{
  int           r;
  GantryWorkCal *cal;
  gint64        off, len;    /* working ms from task start, working length */
  double        units;
} Shape;

/* Finds where the task fits: returns the new start (>= start). */
static GantryTime
place (Leveler *L, GantryTask *t, GantryTime limit_finish, gboolean *fits)
{
  GPtrArray *as = gantry_task_get_assignments (t);
  GantryTime start = gantry_task_get_start (t);
  g_autoptr(GArray) shapes = g_array_new (FALSE, FALSE, sizeof (Shape));
  GantryTime c = start;
  guint k, guard;

  *fits = TRUE;
  for (k = 0; as != NULL && k < as->len; k++)
    {
      GantryAssignment *a = g_ptr_array_index (as, k);
      Shape sh;
      GantryTime s, f;

      sh.r = res_ix (L, gantry_assignment_get_resource (a));
      if (sh.r < 0 || !gantry_assignment_drives_schedule (a) || !assignment_interval (a, &s, &f))
        continue;
      sh.cal = L->res_cal[sh.r];
      sh.off = gantry_workcal_work_between (sh.cal, start, s);
      sh.len = gantry_workcal_work_between (sh.cal, s, f);
      sh.units = gantry_assignment_get_units (a);
      if (sh.units > L->max_units[sh.r] + UNITS_EPS)
        {
          *fits = FALSE;          /* can never fit: leave it where it is */
          return start;
        }
      g_array_append_val (shapes, sh);
    }
  if (start == NONE || shapes->len == 0)
    return start;

  for (guard = 0; guard < 100000; guard++)
    {
      GantryTime next = NONE, fin = c;

      for (k = 0; k < shapes->len; k++)
        {
          Shape *sh = &g_array_index (shapes, Shape, k);
          gint64 pos = gantry_workcal_position (sh->cal, c) + sh->off;
          GantryTime s = gantry_workcal_start_at (sh->cal, pos);
          GantryTime f = gantry_workcal_finish_at (sh->cal, pos + sh->len);
          GantryTime clash;

          if (s == NONE || f == NONE)
            {
              *fits = FALSE;
              return start;
            }
          fin = MAX (fin, f);
          clash = first_clash (L, sh->r, s, f, sh->units);
          if (clash != NONE)
            {
              /* move so that this assignment starts no earlier than the
               * clash ends */
              GantryTime cand = c + MAX (clash - s, 1);
              if (next == NONE || cand < next)
                next = cand;
            }
        }
      if (next == NONE)
        {
          GantryTime snapped = NONE;

          if (limit_finish != NONE && fin > limit_finish)
            {
              *fits = FALSE;
              return start;
            }
          /* the start the scheduler will give: the next working start */
          for (k = 0; k < shapes->len; k++)
            {
              Shape *sh = &g_array_index (shapes, Shape, k);
              GantryTime s = gantry_workcal_start_at (sh->cal, gantry_workcal_position (sh->cal, c));
              if (s != NONE && (snapped == NONE || s < snapped))
                snapped = s;
            }
          return snapped != NONE && snapped >= c ? snapped : c;
        }
      if (limit_finish != NONE && next > limit_finish)
        {
          *fits = FALSE;
          return start;
        }
      c = next;
    }
  *fits = FALSE;
  return start;
}

static void
mark_dirty (Leveler *L, GantryTask *from, GQueue *q)
{
  GantryTask *a;

  g_queue_push_tail (q, from);
  /* a later leaf can move its summaries' finishes, and with them the
   * successors of those summaries */
  for (a = gantry_task_get_parent (from); a != NULL && gantry_task_get_parent (a) != NULL;
       a = gantry_task_get_parent (a))
    g_queue_push_tail (q, a);
  while (!g_queue_is_empty (q))
    {
      GantryTask *t = g_queue_pop_head (q);
      GPtrArray *succ = gantry_task_get_successors (t);
      guint k;

      for (k = 0; succ != NULL && k < succ->len; k++)
        {
          GantryTask *s = gantry_link_get_successor (g_ptr_array_index (succ, k));
          int i = task_ix (L, s);
          guint c;

          if (i < 0 || L->dirty[i])
            continue;
          L->dirty[i] = 1;
          g_queue_push_tail (q, s);
          for (c = 0; c < gantry_task_get_n_children (s); c++)
            {
              GantryTask *ch = gantry_task_get_child (s, c);
              int j = task_ix (L, ch);
              if (j >= 0 && !L->dirty[j])
                {
                  L->dirty[j] = 1;
                  g_queue_push_tail (q, ch);
                }
            }
          for (a = gantry_task_get_parent (s); a != NULL && gantry_task_get_parent (a) != NULL;
               a = gantry_task_get_parent (a))
            g_queue_push_tail (q, a);
        }
    }
}

static gboolean
in_range (const GantryLevelOptions *o, GantryTask *t)
{
  GantryTime s = gantry_task_get_start (t), f = gantry_task_get_finish (t);

  if (o->from != NONE && f != NONE && f <= o->from)
    return FALSE;
  if (o->to != NONE && s != NONE && s >= o->to)
    return FALSE;
  return TRUE;
}

/* One round of passes; returns FALSE when cancelled.  A pass places the
 * tasks whose dates are settled in start order; a task it delays makes
 * its successors unsettled until the next pass, which reschedules only
 * what the delays reach.  Placed tasks stay in the resource profiles. */
static gboolean
level_round (Leveler *L, const GantryLevelOptions *opt, GantryLevelProgress progress,
             gpointer user_data, GCancellable *cancellable, guint round)
{
  guint n = L->tasks->len, n_fixed = 0, i, pass;
  g_autoptr(GArray) cands = g_array_new (FALSE, FALSE, sizeof (Cand));
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  GQueue q = G_QUEUE_INIT;

  memset (L->fixed, 0, n);
  for (i = 0; i < L->n_res; i++)
    g_array_set_size (L->profile[i], 0);
  gantry_scheduler_run (L->scheduler);
  for (pass = 0; n_fixed < n; pass++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
      if (changed->len > 0)
        gantry_scheduler_run_incremental (L->scheduler, changed);
      g_ptr_array_set_size (changed, 0);
      memset (L->dirty, 0, n);
      g_array_set_size (cands, 0);
      for (i = 0; i < n; i++)
        {
          GantryTask *t = g_ptr_array_index (L->tasks, i);
          Cand c;

          if (L->fixed[i])
            continue;
          c.task = t;
          c.index = i;
          c.start = gantry_task_get_start (t);
          c.priority = gantry_task_get_priority (t);
          c.slack = gantry_task_get_total_slack (t);
          c.id = gantry_task_get_id (t);
          g_array_append_val (cands, c);
        }
      g_array_sort (cands, cand_cmp);
      for (i = 0; i < cands->len; i++)
        {
          Cand *c = &g_array_index (cands, Cand, i);
          GantryTime s;
          gboolean fits;

          if (L->dirty[c->index])
            continue;
          if (L->levelable[c->index] && in_range (opt, c->task))
            {
              s = place (L, c->task,
                         opt->within_slack ? gantry_task_get_late_finish (c->task) : NONE,
                         &fits);
              if (fits && s != NONE && s > c->start)
                {
                  L->delay[c->index] += s - c->start;
                  gantry_task_set_leveling_delay (c->task, L->delay[c->index]);
                  g_ptr_array_add (changed, c->task);
                  /* re-read its dates (and its successors') next pass */
                  L->dirty[c->index] = 1;
                  mark_dirty (L, c->task, &q);
                  continue;
                }
            }
          L->fixed[c->index] = 1;
          n_fixed++;
          add_busy (L, c->task);
        }
      if (progress != NULL)
        progress (MIN (0.99, (round + (double) n_fixed / MAX (n, 1)) / 2.0), user_data);
      if (changed->len == 0)
        break;   /* every undelayed candidate got fixed: nothing left */
    }
  if (changed->len > 0)
    gantry_scheduler_run_incremental (L->scheduler, changed);
  g_debug ("levelling round %u: %u passes", round, pass);
  return TRUE;
}

/* Writes the new levelling delays (delays[i] for tasks[i]) where they
 * differ, as one undoable step "Level Resources". */
static void
apply_delays (GantryProject *project, GPtrArray *tasks, const GantryDuration *delays)
{
  gboolean any = FALSE;
  guint i;

  for (i = 0; i < tasks->len; i++)
    {
      GantryTask *t = g_ptr_array_index (tasks, i);

      if (t == NULL || gantry_task_get_leveling_delay (t) == delays[i])
        continue;
      if (!any)
        gantry_project_begin_group (project, _("Level Resources"));
      any = TRUE;
      gantry_project_apply (project, gantry_command_set (t, "leveling-delay", (gint64) delays[i]));
      if (gantry_task_get_leveling_delay_format (t) != GANTRY_FORMAT_ELAPSED_DAYS
          && !gantry_format_is_elapsed (gantry_task_get_leveling_delay_format (t)))
        gantry_project_apply (project, gantry_command_set (t, "leveling-delay-format",
                                                           (int) GANTRY_FORMAT_ELAPSED_DAYS));
    }
  if (any)
    gantry_project_end_group (project);
}

static void
restore_delays (Leveler *L, const GantryDuration *orig)
{
  guint i;

  for (i = 0; i < L->tasks->len; i++)
    gantry_task_set_leveling_delay (g_ptr_array_index (L->tasks, i), orig[i]);
}

gboolean
gantry_resources_level (GantryProject            *project,
                        const GantryLevelOptions *options,
                        GantryLevelProgress       progress,
                        gpointer                  user_data,
                        GCancellable             *cancellable,
                        GError                  **error)
{
  GantryLevelOptions defaults = { NONE, NONE, FALSE };
  GListModel *resources;
  Leveler L = { 0 };
  g_autofree GantryDuration *orig = NULL;
  gboolean ok = TRUE;
  guint i, n, round;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (options == NULL)
    options = &defaults;

  L.project = project;
  L.scheduler = gantry_scheduler_new (project);
  L.tasks = g_ptr_array_ref (gantry_project_get_all_tasks (project));
  n = L.tasks->len;
  L.index = g_hash_table_new (NULL, NULL);
  L.res_index = g_hash_table_new (NULL, NULL);
  L.cache = project_cache (project);
  resources = gantry_project_get_resources (project);
  L.n_res = g_list_model_get_n_items (resources);
  L.profile = g_new0 (GArray *, MAX (L.n_res, 1));
  L.max_units = g_new0 (double, MAX (L.n_res, 1));
  L.res_cal = g_new0 (GantryWorkCal *, MAX (L.n_res, 1));
  for (i = 0; i < L.n_res; i++)
    {
      g_autoptr(GantryResource) r = g_list_model_get_item (resources, i);
      g_hash_table_insert (L.res_index, r, GINT_TO_POINTER (i + 1));
      L.profile[i] = g_array_new (FALSE, FALSE, sizeof (Busy));
      L.max_units[i] = gantry_resource_get_max_units (r);
      L.res_cal[i] = resource_cal (L.cache, project, r);
    }
  L.fixed = g_new0 (guint8, MAX (n, 1));
  L.dirty = g_new0 (guint8, MAX (n, 1));
  L.levelable = g_new0 (guint8, MAX (n, 1));
  L.delay = g_new0 (GantryDuration, MAX (n, 1));
  orig = g_new0 (GantryDuration, MAX (n, 1));

  /* clear the old levelling of what may move, then schedule */
  for (i = 0; i < n; i++)
    {
      GantryTask *t = g_ptr_array_index (L.tasks, i);
      g_hash_table_insert (L.index, t, GINT_TO_POINTER (i + 1));
      orig[i] = gantry_task_get_leveling_delay (t);
      L.levelable[i] = task_levelable (t);
      L.delay[i] = orig[i];
    }
  gantry_scheduler_run (L.scheduler);
  for (i = 0; i < n; i++)
    {
      GantryTask *t = g_ptr_array_index (L.tasks, i);
      if (L.levelable[i] && in_range (options, t) && L.delay[i] != 0)
        {
          L.delay[i] = 0;
          gantry_task_set_leveling_delay (t, 0);
        }
    }

  /* a round places every task; the placements use working-time shapes,
   * so a second round settles what the real schedule moved */
  for (round = 0; round < 2 && ok; round++)
    {
      g_autoptr(GArray) over = NULL;

      ok = level_round (&L, options, progress, user_data, cancellable, round);
      if (!ok)
        break;
      over = gantry_resources_find_overallocations (project);
      if (over->len == 0)
        break;
    }

  restore_delays (&L, orig);
  if (!ok)
    {
      gantry_scheduler_run (L.scheduler);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("Levelling was cancelled; the plan is unchanged."));
    }
  else
    {
      apply_delays (project, L.tasks, L.delay);
      gantry_scheduler_run (L.scheduler);
      if (progress != NULL)
        progress (1.0, user_data);
    }

  for (i = 0; i < L.n_res; i++)
    g_array_unref (L.profile[i]);
  g_free (L.profile);
  g_free (L.max_units);
  g_free (L.res_cal);
  g_free (L.fixed);
  g_free (L.dirty);
  g_free (L.levelable);
  g_free (L.delay);
  g_hash_table_unref (L.index);
  g_hash_table_unref (L.res_index);
  g_ptr_array_unref (L.tasks);
  g_object_unref (L.scheduler);
  return ok;
}

guint
gantry_resources_clear_leveling (GantryProject *project)
{
  GPtrArray *tasks;
  guint i, n = 0;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), 0);
  tasks = gantry_project_get_all_tasks (project);
  for (i = 0; i < tasks->len; i++)
    {
      GantryTask *t = g_ptr_array_index (tasks, i);

      if (gantry_task_get_leveling_delay (t) == 0)
        continue;
      if (n++ == 0)
        gantry_project_begin_group (project, _("Clear Levelling"));
      gantry_project_apply (project, gantry_command_set (t, "leveling-delay", (gint64) 0));
    }
  if (n > 0)
    gantry_project_end_group (project);
  return n;
}

/* ---- levelling off the main thread ------------------------------------------ */

/* Copies what the scheduler and the leveller read: calendars, the project's
 * settings, tasks (outline, every read-write property, computed dates),
 * links, resources and assignments.  Object references (calendars) are
 * mapped to the copy's objects by UID. */
/* The read-write properties of one class (looked up once per copy). */
typedef struct
{
  GParamSpec **specs;
  guint        n;
} PropList;

static void
prop_list_init (PropList *l, GType type)
{
  GObjectClass *klass = g_type_class_ref (type);
  g_autofree GParamSpec **all = NULL;
  guint n, i;

  all = g_object_class_list_properties (klass, &n);
  l->specs = g_new (GParamSpec *, MAX (n, 1));
  l->n = 0;
  for (i = 0; i < n; i++)
    if ((all[i]->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE
        && (all[i]->flags & G_PARAM_CONSTRUCT_ONLY) == 0)
      l->specs[l->n++] = all[i];
  g_type_class_unref (klass);
}

static void
copy_properties (const PropList *l, GObject *src, GObject *dst, GantryProject *dst_project)
{
  guint i;

  g_object_freeze_notify (dst);
  for (i = 0; i < l->n; i++)
    {
      GParamSpec *p = l->specs[i];
      GValue v = G_VALUE_INIT;

      if (g_type_is_a (p->value_type, G_TYPE_OBJECT))
        {
          g_autoptr(GObject) obj = NULL;

          if (p->value_type != GANTRY_TYPE_CALENDAR)
            continue;
          g_object_get (src, p->name, &obj, NULL);
          g_object_set (dst, p->name,
                        obj != NULL ? gantry_project_lookup_calendar (
                                        dst_project, gantry_calendar_get_uid (GANTRY_CALENDAR (obj)))
                                    : NULL,
                        NULL);
          continue;
        }
      g_value_init (&v, p->value_type);
      g_object_get_property (src, p->name, &v);
      g_object_set_property (dst, p->name, &v);
      g_value_unset (&v);
    }
  g_object_thaw_notify (dst);
}

GantryProject *
gantry_resources_level_input_copy (GantryProject *project)
{
  GantryProject *copy;
  GListModel *cals, *res, *links, *as;
  GPtrArray *tasks;
  g_autoptr(GHashTable) tmap = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) rmap = g_hash_table_new (NULL, NULL);
  GantryTask *root;
  PropList props_project, props_task, props_resource, props_assignment;
  guint i, n;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), NULL);

  copy = gantry_project_new ();
  cals = gantry_project_get_calendars (project);
  n = g_list_model_get_n_items (cals);
  for (i = 0; i < n; i++)
    {
      g_autoptr(GantryCalendar) c = g_list_model_get_item (cals, i);
      g_autoptr(GantryCalendar) cc = gantry_calendar_copy (c);

      gantry_calendar_set_base (cc, NULL);
      gantry_project_add_calendar (copy, cc);
    }
  for (i = 0; i < n; i++)
    {
      g_autoptr(GantryCalendar) c = g_list_model_get_item (cals, i);
      GantryCalendar *base = gantry_calendar_get_base (c);

      if (base != NULL)
        gantry_calendar_set_base (gantry_project_lookup_calendar (copy, gantry_calendar_get_uid (c)),
                                  gantry_project_lookup_calendar (copy, gantry_calendar_get_uid (base)));
    }
  prop_list_init (&props_project, GANTRY_TYPE_PROJECT);
  prop_list_init (&props_task, GANTRY_TYPE_TASK);
  prop_list_init (&props_resource, GANTRY_TYPE_RESOURCE);
  prop_list_init (&props_assignment, GANTRY_TYPE_ASSIGNMENT);
  copy_properties (&props_project, G_OBJECT (project), G_OBJECT (copy), copy);

  res = gantry_project_get_resources (project);
  n = g_list_model_get_n_items (res);
  for (i = 0; i < n; i++)
    {
      g_autoptr(GantryResource) r = g_list_model_get_item (res, i);
      g_autoptr(GantryResource) rc = gantry_resource_new (gantry_resource_get_uid (r),
                                                          gantry_resource_get_name (r));

      copy_properties (&props_resource, G_OBJECT (r), G_OBJECT (rc), copy);
      gantry_project_add_resource (copy, -1, rc);
      g_hash_table_insert (rmap, r, rc);
    }

  root = gantry_project_get_root_task (project);
  copy_properties (&props_task, G_OBJECT (root), G_OBJECT (gantry_project_get_root_task (copy)), copy);
  tasks = gantry_project_get_all_tasks (project);
  for (i = 0; i < tasks->len; i++)
    {
      GantryTask *t = g_ptr_array_index (tasks, i);
      GantryTask *parent = gantry_task_get_parent (t);
      g_autoptr(GantryTask) tc = gantry_task_new (gantry_task_get_uid (t), gantry_task_get_name (t));
      GantryTaskSchedule s;

      copy_properties (&props_task, G_OBJECT (t), G_OBJECT (tc), copy);
      gantry_task_get_schedule (t, &s);
      gantry_task_set_schedule (tc, &s);
      gantry_project_add_task (copy, parent == root ? NULL : g_hash_table_lookup (tmap, parent), -1, tc);
      g_hash_table_insert (tmap, t, tc);
    }

  links = gantry_project_get_links (project);
  n = g_list_model_get_n_items (links);
  for (i = 0; i < n; i++)
    {
      g_autoptr(GantryLink) l = g_list_model_get_item (links, i);
      GantryTask *pred = g_hash_table_lookup (tmap, gantry_link_get_predecessor (l));
      GantryTask *succ = g_hash_table_lookup (tmap, gantry_link_get_successor (l));
      g_autoptr(GantryLink) lc = NULL;

      if (pred == NULL || succ == NULL)
        continue;
      lc = gantry_link_new (pred, succ, gantry_link_get_link_type (l), gantry_link_get_lag (l),
                            gantry_link_get_lag_format (l));
      gantry_project_add_link (copy, lc);
    }

  as = gantry_project_get_assignments (project);
  n = g_list_model_get_n_items (as);
  for (i = 0; i < n; i++)
    {
      g_autoptr(GantryAssignment) a = g_list_model_get_item (as, i);
      GantryTask *t = g_hash_table_lookup (tmap, gantry_assignment_get_task (a));
      GantryResource *r = gantry_assignment_get_resource (a);
      g_autoptr(GantryAssignment) ac = NULL;

      if (t == NULL)
        continue;
      if (r != NULL && (r = g_hash_table_lookup (rmap, r)) == NULL)
        continue;
      ac = gantry_assignment_new (gantry_assignment_get_uid (a), t, r,
                                  gantry_assignment_get_units (a), gantry_assignment_get_work (a));
      copy_properties (&props_assignment, G_OBJECT (a), G_OBJECT (ac), copy);
      gantry_assignment_set_computed (ac, gantry_assignment_get_start (a),
                                      gantry_assignment_get_finish (a),
                                      gantry_assignment_get_cost (a));
      gantry_project_add_assignment (copy, ac);
    }
  gantry_project_clear_history (copy);
  g_free (props_project.specs);
  g_free (props_task.specs);
  g_free (props_resource.specs);
  g_free (props_assignment.specs);
  return copy;
}

typedef struct
{
  GantryLevelOptions  options;
  GantryLevelProgress progress;
  gpointer            progress_data;
  GMainContext       *context;
  GCancellable       *cancel;        /* the job's own: the caller's, or a change of the plan */
  GCancellable       *caller_cancel;
  gulong              caller_handler;
  GantryProject      *project;       /* the caller's plan (main thread only) */
  gulong              changed_handler;
  gboolean            stale;         /* the plan changed while the worker ran */
  GantryProject      *input;         /* the copy the worker levels */
  GMutex              lock;
  double              fraction;      /* under lock */
  gint                pending;       /* a progress report is queued (atomic) */
  gint                done;          /* no more progress reports (atomic) */
  /* the worker's answer */
  GArray             *uids;          /* int */
  GArray             *delays;        /* GantryDuration */
} LevelJob;

static void
level_job_free (LevelJob *job)
{
  if (job->caller_cancel != NULL)
    g_cancellable_disconnect (job->caller_cancel, job->caller_handler);
  g_clear_object (&job->caller_cancel);
  if (job->project != NULL && job->changed_handler != 0)
    g_signal_handler_disconnect (job->project, job->changed_handler);
  g_clear_object (&job->project);
  g_clear_object (&job->input);
  g_clear_object (&job->cancel);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_pointer (&job->uids, g_array_unref);
  g_clear_pointer (&job->delays, g_array_unref);
  g_mutex_clear (&job->lock);
}

static LevelJob *
level_job_ref (LevelJob *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
level_job_unref (LevelJob *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) level_job_free);
}

/* Main thread: hands the newest fraction to the caller's callback. */
static gboolean
level_job_report (gpointer data)
{
  LevelJob *job = data;
  double f;

  g_atomic_int_set (&job->pending, 0);
  g_mutex_lock (&job->lock);
  f = job->fraction;
  g_mutex_unlock (&job->lock);
  if (!g_atomic_int_get (&job->done) && job->progress != NULL)
    job->progress (f, job->progress_data);
  return G_SOURCE_REMOVE;
}

/* Worker thread: keeps the fraction and queues one report at a time. */
static void
level_job_progress (double fraction, gpointer data)
{
  LevelJob *job = data;

  g_mutex_lock (&job->lock);
  job->fraction = MAX (job->fraction, MIN (fraction, 0.99));
  g_mutex_unlock (&job->lock);
  /* an idle source, not g_main_context_invoke: that would run the callback
   * here when no thread owns the context at this instant */
  if (job->progress != NULL && g_atomic_int_compare_and_exchange (&job->pending, 0, 1))
    {
      GSource *src = g_idle_source_new ();

      g_source_set_priority (src, G_PRIORITY_DEFAULT);
      g_source_set_callback (src, level_job_report, level_job_ref (job),
                             (GDestroyNotify) level_job_unref);
      g_source_attach (src, job->context);
      g_source_unref (src);
    }
}

static void
level_job_run (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  LevelJob *job = data;
  GError *error = NULL;
  GPtrArray *tasks;
  guint i;

  (void) source; (void) cancellable;
  if (!gantry_resources_level (job->input, &job->options, level_job_progress, job,
                               job->cancel, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  tasks = gantry_project_get_all_tasks (job->input);
  job->uids = g_array_sized_new (FALSE, FALSE, sizeof (int), tasks->len);
  job->delays = g_array_sized_new (FALSE, FALSE, sizeof (GantryDuration), tasks->len);
  for (i = 0; i < tasks->len; i++)
    {
      GantryTask *t = g_ptr_array_index (tasks, i);
      int uid = gantry_task_get_uid (t);
      GantryDuration d = gantry_task_get_leveling_delay (t);

      g_array_append_val (job->uids, uid);
      g_array_append_val (job->delays, d);
    }
  /* the copy was made for this thread; drop it here */
  g_clear_object (&job->input);
  g_task_return_boolean (task, TRUE);
}

static void
level_job_caller_cancelled (GCancellable *caller, gpointer data)
{
  LevelJob *job = data;

  (void) caller;
  g_cancellable_cancel (job->cancel);
}

static void
level_job_plan_changed (GantryProject *project, guint flags, GPtrArray *tasks, gpointer data)
{
  LevelJob *job = data;

  (void) project; (void) flags; (void) tasks;
  job->stale = TRUE;
  g_cancellable_cancel (job->cancel);
}

void
gantry_resources_level_async (GantryProject            *project,
                              const GantryLevelOptions *options,
                              GantryLevelProgress       progress,
                              gpointer                  progress_data,
                              GCancellable             *cancellable,
                              GAsyncReadyCallback       callback,
                              gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  LevelJob *job;

  g_return_if_fail (GANTRY_IS_PROJECT (project));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_atomic_rc_box_new0 (LevelJob);
  g_mutex_init (&job->lock);
  if (options != NULL)
    job->options = *options;
  else
    job->options = (GantryLevelOptions) { NONE, NONE, FALSE };
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();
  job->cancel = g_cancellable_new ();
  job->project = g_object_ref (project);
  if (cancellable != NULL)
    {
      job->caller_cancel = g_object_ref (cancellable);
      job->caller_handler = g_cancellable_connect (cancellable,
                                                   G_CALLBACK (level_job_caller_cancelled),
                                                   job, NULL);
    }
  job->changed_handler = g_signal_connect (project, "changed",
                                           G_CALLBACK (level_job_plan_changed), job);

  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, gantry_resources_level_async);
  g_task_set_task_data (task, job, (GDestroyNotify) level_job_unref);
  /* the plan is read here, on the caller's thread; the worker only ever
   * touches the copy */
  job->input = gantry_resources_level_input_copy (project);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, level_job_run);
}

gboolean
gantry_resources_level_finish (GantryProject *project,
                               GAsyncResult  *result,
                               GError       **error)
{
  GTask *task;
  LevelJob *job;
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GantryScheduler) sched = NULL;
  gboolean cancelled;
  guint i;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, project), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  task = G_TASK (result);
  job = g_task_get_task_data (task);
  g_atomic_int_set (&job->done, 1);
  if (job->changed_handler != 0)
    {
      g_signal_handler_disconnect (job->project, job->changed_handler);
      job->changed_handler = 0;
    }
  cancelled = g_cancellable_is_cancelled (job->cancel);
  if (!g_task_propagate_boolean (task, &local) || cancelled)
    {
      if (job->stale)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("The plan changed while levelling; nothing was levelled."));
      else if (cancelled || local == NULL
               || g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("Levelling was cancelled; the plan is unchanged."));
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  /* one undo step on the caller's plan, then its dates */
  tasks = g_ptr_array_sized_new (job->uids->len);
  for (i = 0; i < job->uids->len; i++)
    g_ptr_array_add (tasks, gantry_project_lookup_task (project, g_array_index (job->uids, int, i)));
  apply_delays (project, tasks, (const GantryDuration *) (gpointer) job->delays->data);
  sched = gantry_scheduler_new (project);
  gantry_scheduler_run (sched);
  if (job->progress != NULL)
    job->progress (1.0, job->progress_data);
  return TRUE;
}
