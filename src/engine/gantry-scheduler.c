/* gantry-scheduler.c — MS Project-compatible CPM scheduling
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project is compiled into flat arrays ("the plan"): one record per
 * task, links in CSR form, and a node graph with two nodes per task
 * (IN: where links into the task and its ancestors arrive; OUT: the task's
 * own dates, or a summary's roll-up) sorted topologically once.  Passes run
 * over that order with dirty flags: a full pass marks everything dirty, an
 * incremental pass marks the edited tasks and follows only what changed.
 * Both call the same pure per-node functions, so they give the same result.
 * The results go back into the GObjects in one batch, only where they
 * changed.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stddef.h>
#include <string.h>

#include "gantry-scheduler.h"
#include "gantry-core-private.h"
#include "gantry-workcal.h"
#include "gantry-resource-engine.h"

enum
{
  F_SUMMARY   = 1 << 0,
  F_MANUAL    = 1 << 1,
  F_SKIP      = 1 << 2,   /* inactive or blank row: not scheduled */
  F_MILESTONE = 1 << 3,
  F_ELAPSED   = 1 << 4,
  F_RESOURCES = 1 << 5,   /* dates driven by work assignments */
  F_ROOT      = 1 << 6,
  F_LVL_WORK  = 1 << 7,   /* leveling delay in working time (m/h/d/w/mo) */
};

enum
{
  P_CONFLICT = 1 << 0,
  P_NO_WORK  = 1 << 1,
  P_DEADLINE = 1 << 2,
};

enum
{
  LAG_WORK,
  LAG_ELAPSED,
  LAG_PERCENT,
};

typedef struct
{
  GantryAssignment *asg;
  GantryWorkCal    *cal;
  GantryDuration    span;     /* work / units: working ms on cal */
  GantryDuration    delay;
  GantryTime        start, finish;
  GantryTime        m_start, m_finish;   /* the model's values, as read or written */
} PAsg;

/* Laid out by use: the first cache line holds what the passes read of
 * other tasks (predecessors, successors, children), the second the rest
 * of the pass inputs, then what only loading and results use.  Records
 * are 64-byte aligned so each line is fetched once. */
typedef struct
{
  /* line 1: read across tasks */
  _Alignas (64) guint flags;
  int            ctype;
  GantryTime     es, ef;       /* forward */
  GantryTime     ls, lf;       /* backward */
  GantryWorkCal *cal;
  GantryTime     astart, afinish;
  /* line 2 */
  GantryTime     min_ls, min_lf;   /* summaries: over their leaves */
  int            earliest_leaf;
  int            parent;       /* index, -1 for the root */
  guint8         problems;
  int            pct;
  GantryDuration dur;
  GantryDuration remaining;
  GantryTime     cdate, deadline;
  /* line 3 */
  GantryTime     mstart, mfinish;
  GantryDuration lvl_delay;
  guint          asg_first, asg_n;
  guint          child_first, child_n;
  GantryTask    *task;
  /* model values the results carry through (read by load_task) */
  GantryDuration work_in, asg_work, actual_work;
  double         cost, fixed_cost;
  gboolean       has_asg;
  GantryAccrual  accrual;      /* of the fixed cost: when it counts as spent */
} PTask;
G_STATIC_ASSERT (offsetof (PTask, min_ls) == 64);
G_STATIC_ASSERT (offsetof (PTask, mstart) == 128);

typedef struct
{
  GantryLink    *link;        /* identity only (checked by plan_refresh) */
  int            pred, succ;
  guint8         type;
  guint8         kind;
  guint8         back;        /* broken to resolve a cycle: OUT (pred) comes
                               * after IN (succ) in the order; passes ignore it */
  gint64         lag;
} PLink;

typedef struct
{
  gint64         es, ef;
  guint          gen;
} PPos;

/* Positions on a task's own calendar that the passes computed anyway,
 * keyed by the instant: slots 0-1 hold the forward pass's start and
 * finish, 2-3 the backward pass's late finish and start.  A hit is the
 * value gantry_workcal_position() gives (the calendar cannot change
 * without load_task clearing the slots), so the results need not look
 * them up again. */
typedef struct
{
  GantryTime     t[4];
  gint64         pos[4];
} PCache;

typedef struct
{
  guint          n;            /* tasks, index 0 = the root task */
  PTask         *t;
  GantryTaskSchedule *outs;            /* results as last written (cold data) */
  guint         *children;     /* child indices, by child_first */
  PAsg          *asg;
  guint          n_asg;
  PLink         *links;
  guint          n_links;
  guint         *pred_off, *pred_ix;    /* links into task i */
  guint         *succ_off, *succ_ix;    /* links out of task i */
  PLink         *slinks;                /* copies of links[succ_ix[e]] in that order,
                                         * read by the backward passes in sequence */
  guint         *spos;                  /* link k's index in slinks */
  guint         *out_off, *out_ix;      /* node graph (2n nodes) */
  guint         *in_off, *in_ix;
  guint         *order;                 /* topological order of nodes */
  guint         *pos;                   /* position of node in order */
  guint8        *fw_dirty, *bw_dirty, *sl_dirty;
  guint8        *w_dirty;               /* results to write into the model */
  guint8        *roll;                  /* summaries to roll up (plan_finish) */
  PPos          *tpos;                  /* working-time positions of es/ef on the
                                         * task's calendar, valid when
                                         * tpos[i].gen == gen */
  guint          gen;
  PCache        *pc;
  guint8         rec;                   /* which slots the running pass fills:
                                         * REC_FORWARD, REC_BACKWARD or 4 (none) */
  guint8        *status;                /* compact: 1 critical leaf, 2 has problems */
  GantryTime    *leaf_ef;               /* compact: early finish of scheduled leaves */
  GHashTable    *index;                 /* GantryTask* -> index + 1 */
  GPtrArray     *cycles;                /* GPtrArray of GantryTask* per cycle */
  /* project settings */
  GantryTime     proj_start, proj_finish_in, proj_finish;
  gboolean       from_start, honor, mcp, has_alap;
  guint8        *alap;                  /* task i is an automatic ALAP leaf */
  guint64       *loaded;                /* serial when task i was last re-read alone */
  guint          n_alap;
  gint64         crit_limit;
  GantryWorkCal *proj_cal;
  gboolean       alap_pass;
  /* the model's change serial when the inputs were read, and whether
   * results were computed since the last write (outs then differ from
   * the model) */
  guint64        serial;
  gboolean       unwritten;
  /* compiled calendars looked up during one read of the model (the cache
   * checks a calendar's whole base chain on each lookup; it cannot change
   * while the model is read): GantryCalendar* -> GantryWorkCal*, and
   * CalPair -> GantryWorkCal* for intersections */
  GHashTable    *cal_memo;
  GHashTable    *pair_memo;
} Plan;

typedef struct
{
  GantryCalendar *a, *b;
} CalPair;

static guint
cal_pair_hash (gconstpointer key)
{
  const CalPair *k = key;

  return g_direct_hash (k->a) * 31u + g_direct_hash (k->b);
}

static gboolean
cal_pair_equal (gconstpointer x, gconstpointer y)
{
  const CalPair *a = x, *b = y;

  return a->a == b->a && a->b == b->b;
}

/* Forget the calendars looked up so far: call before reading the model. */
static void
plan_begin_read (Plan *p)
{
  if (p->cal_memo == NULL)
    {
      p->cal_memo = g_hash_table_new (g_direct_hash, g_direct_equal);
      p->pair_memo = g_hash_table_new_full (cal_pair_hash, cal_pair_equal, g_free, NULL);
    }
  g_hash_table_remove_all (p->cal_memo);
  g_hash_table_remove_all (p->pair_memo);
}

static GantryWorkCal *
plan_workcal (Plan *p, GantryWorkCalCache *cache, GantryCalendar *c)
{
  GantryWorkCal *w = g_hash_table_lookup (p->cal_memo, c);

  if (w == NULL)
    {
      w = gantry_workcal_cache_get (cache, c);
      g_hash_table_insert (p->cal_memo, c, w);
    }
  return w;
}

static GantryWorkCal *
plan_workcal_intersection (Plan *p, GantryWorkCalCache *cache, GantryCalendar *a, GantryCalendar *b)
{
  CalPair key = { a, b };
  GantryWorkCal *w = g_hash_table_lookup (p->pair_memo, &key);

  if (w == NULL)
    {
      w = gantry_workcal_cache_get_intersection (cache, a, b);
      g_hash_table_insert (p->pair_memo, g_memdup2 (&key, sizeof key), w);
    }
  return w;
}

struct _GantryScheduler
{
  GObject             parent_instance;
  GantryProject      *project;
  gulong              changed_id;
  gboolean            auto_schedule;
  GantryWorkCalCache *cache;
  Plan               *plan;
  GPtrArray          *problems;
  guint               n_critical;
  guint               last_n_visited;
};

G_DEFINE_FINAL_TYPE (GantryScheduler, gantry_scheduler, G_TYPE_OBJECT)

enum { SIG_SCHEDULED, N_SIGNALS };
static guint signals[N_SIGNALS];

#define IN(i)  (2 * (guint) (i))
#define OUT(i) (2 * (guint) (i) + 1)
#define NONE   GANTRY_TIME_NONE

/* max / min where NONE means "no value" */
static inline GantryTime
tmax (GantryTime a, GantryTime b)
{
  return a == NONE ? b : (b == NONE ? a : MAX (a, b));
}

static inline GantryTime
tmin (GantryTime a, GantryTime b)
{
  return a == NONE ? b : (b == NONE ? a : MIN (a, b));
}

void
gantry_problem_free (GantryProblem *p)
{
  if (p == NULL)
    return;
  g_free (p->message);
  g_clear_pointer (&p->tasks, g_ptr_array_unref);
  g_free (p);
}

/* ---- plan building ------------------------------------------------------- */

static void
plan_free (Plan *p)
{
  guint i;

  if (p == NULL)
    return;
  for (i = 0; i < p->n; i++)
    g_object_unref (p->t[i].task);
  for (i = 0; i < p->n_asg; i++)
    g_object_unref (p->asg[i].asg);
  g_aligned_free (p->t);
  g_free (p->outs);
  g_free (p->children);
  g_free (p->asg);
  g_free (p->links);
  g_free (p->pred_off);
  g_free (p->pred_ix);
  g_free (p->succ_off);
  g_free (p->succ_ix);
  g_free (p->slinks);
  g_free (p->spos);
  g_free (p->out_off);
  g_free (p->out_ix);
  g_free (p->in_off);
  g_free (p->in_ix);
  g_free (p->order);
  g_free (p->pos);
  g_free (p->fw_dirty);
  g_free (p->bw_dirty);
  g_free (p->sl_dirty);
  g_free (p->status);
  g_free (p->w_dirty);
  g_free (p->roll);
  g_free (p->tpos);
  g_free (p->pc);
  g_free (p->leaf_ef);
  g_free (p->alap);
  g_free (p->loaded);
  g_hash_table_unref (p->index);
  g_ptr_array_unref (p->cycles);
  g_clear_pointer (&p->cal_memo, g_hash_table_unref);
  g_clear_pointer (&p->pair_memo, g_hash_table_unref);
  g_free (p);
}

static inline int
plan_lookup (Plan *p, GantryTask *task)
{
  gpointer v = task != NULL ? g_hash_table_lookup (p->index, task) : NULL;
  return v != NULL ? GPOINTER_TO_INT (v) - 1 : -1;
}

gboolean
gantry_assignment_drives_schedule (GantryAssignment *a)
{
  GantryResource *r;

  g_return_val_if_fail (GANTRY_IS_ASSIGNMENT (a), FALSE);

  r = gantry_assignment_get_resource (a);
  return r != NULL
         && gantry_resource_get_resource_type (r) == GANTRY_RESOURCE_WORK
         && gantry_assignment_get_units (a) > 0
         && gantry_assignment_get_work (a) > 0;
}

void
gantry_assignment_pick_calendars (GantryAssignment *a,
                                  GantryProject    *project,
                                  GantryCalendar   *tcal,
                                  gboolean          ignore_resource_calendar,
                                  GantryCalendar  **first,
                                  GantryCalendar  **second)
{
  GantryResource *r;
  GantryCalendar *rcal;

  g_return_if_fail (GANTRY_IS_ASSIGNMENT (a));
  g_return_if_fail (first != NULL && second != NULL);

  r = gantry_assignment_get_resource (a);
  rcal = r != NULL ? gantry_resource_get_calendar (r) : NULL;
  *second = NULL;
  if (rcal == NULL && project != NULL)
    rcal = gantry_project_get_calendar (project);
  if (tcal != NULL && ignore_resource_calendar)
    *first = tcal;
  else if (tcal != NULL && rcal != NULL)
    *first = tcal, *second = rcal;
  else
    *first = rcal;
}

/* Values from a damaged file must not overflow the arithmetic: durations
 * and lags are bounded by ~300 000 years, dates by the valid range. */
#define MAX_SPAN ((gint64) 10000000000000000LL)

static inline GantryTime
clamp_time (GantryTime t)
{
  if (t == NONE)
    return NONE;
  return CLAMP (t, GANTRY_TIME_MIN, GANTRY_TIME_MAX);
}

/* Reads one task's inputs from the model.  Returns the flags that shape
 * the graph (so a caller can tell whether a rebuild is needed). */
static void
load_task (Plan *p, GantryWorkCalCache *cache, GantryProject *project, guint i,
           const GantryTaskInputs *in)
{
  PTask *pt = &p->t[i];
  GantryCalendar *tcal = in->calendar;
  GantryDurationFormat fmt = in->duration_format;

  pt->flags &= F_SUMMARY | F_ROOT;
  if (pt->asg_n > 0)
    pt->flags |= F_RESOURCES;
  if (in->manual)
    pt->flags |= F_MANUAL;
  if (!in->active || in->is_null)
    pt->flags |= F_SKIP;
  pt->dur = CLAMP (in->duration, 0, MAX_SPAN);
  if (gantry_format_is_elapsed (fmt) && !gantry_format_is_percent (fmt))
    pt->flags |= F_ELAPSED;
  if (in->milestone || (pt->dur == 0 && pt->asg_n == 0))
    pt->flags |= F_MILESTONE;
  pt->ctype = in->constraint_type;
  if (pt->ctype < GANTRY_CONSTRAINT_ASAP || pt->ctype > GANTRY_CONSTRAINT_FNLT)
    pt->ctype = GANTRY_CONSTRAINT_ASAP;
  pt->cdate = clamp_time (in->constraint_date);
  if (pt->ctype >= GANTRY_CONSTRAINT_MSO && pt->cdate == NONE)
    pt->ctype = GANTRY_CONSTRAINT_ASAP;
  pt->deadline = clamp_time (in->deadline);
  pt->astart = clamp_time (in->actual_start);
  pt->afinish = clamp_time (in->actual_finish);
  pt->pct = CLAMP (in->percent_complete, 0, 100);
  if (pt->astart == NONE)
    pt->afinish = NONE;
  pt->remaining = pt->dur - pt->dur * pt->pct / 100;
  pt->mstart = clamp_time (in->start);
  pt->mfinish = clamp_time (in->finish);
  pt->lvl_delay = CLAMP (in->leveling_delay, 0, MAX_SPAN);
  if (pt->lvl_delay > 0)
    {
      /* a delay typed in working units runs on the task's calendar; the
       * default (ed) and the elapsed units are wall-clock time [M] S3 */
      int code = (int) gantry_task_get_leveling_delay_format (pt->task);
      int base = code >= 35 ? code - 32 : code;

      if (base == GANTRY_FORMAT_MINUTES || base == GANTRY_FORMAT_HOURS
          || base == GANTRY_FORMAT_DAYS || base == GANTRY_FORMAT_WEEKS
          || base == GANTRY_FORMAT_MONTHS)
        pt->flags |= F_LVL_WORK;
    }
  pt->cal = tcal != NULL ? plan_workcal (p, cache, tcal) : p->proj_cal;
  if (p->pc != NULL)
    p->pc[i].t[0] = p->pc[i].t[1] = p->pc[i].t[2] = p->pc[i].t[3] = NONE;
  pt->work_in = in->work;
  pt->fixed_cost = in->fixed_cost;
  pt->accrual = gantry_task_get_fixed_cost_accrual (pt->task);
  {
    GPtrArray *as = in->assignments;
    guint k;

    pt->cost = pt->fixed_cost;
    pt->asg_work = pt->actual_work = 0;
    pt->has_asg = as != NULL && as->len > 0;
    for (k = 0; as != NULL && k < as->len; k++)
      {
        GantryAssignment *a = g_ptr_array_index (as, k);
        GantryResource *r = gantry_assignment_get_resource (a);
        GantryDuration w = gantry_assignment_get_work (a);

        if (r == NULL)
          continue;
        if (gantry_resource_get_resource_type (r) == GANTRY_RESOURCE_WORK)
          {
            pt->asg_work += w;
            pt->actual_work += gantry_assignment_get_actual_work (a);
          }
        /* rates, rate tables, cost per use, cost resources (gantry-resource-engine.c) */
        pt->cost += gantry_assignment_compute_cost (a);
      }
  }
  if (pt->asg_n > 0 && in->task_type == GANTRY_TASK_FIXED_DURATION)
    pt->flags &= ~F_RESOURCES;
  {
    guint k;
    for (k = 0; k < pt->asg_n; k++)
      {
        PAsg *a = &p->asg[pt->asg_first + k];
        GantryCalendar *first, *second;
        double units = gantry_assignment_get_units (a->asg);

        gantry_assignment_pick_calendars (a->asg, project, tcal, in->ignore_resource_calendar,
                                          &first, &second);
        a->cal = second != NULL ? plan_workcal_intersection (p, cache, first, second)
                                : plan_workcal (p, cache, first);
        /* overtime work shortens the duration (reference §1.7); a work
         * contour stretches it: the resource works at the contour's
         * percentages of its units, on average less than all of them */
        {
          double span = (double) MAX (gantry_assignment_get_work (a->asg)
                                      - gantry_assignment_get_overtime_work (a->asg), 0)
                        / (units * gantry_work_contour_average (gantry_assignment_get_work_contour (a->asg)))
                        + 0.5;
          a->span = span < (double) MAX_SPAN ? (GantryDuration) span : MAX_SPAN;
        }
        a->delay = CLAMP (gantry_assignment_get_delay (a->asg), 0, MAX_SPAN);
        a->m_start = gantry_assignment_get_start (a->asg);
        a->m_finish = gantry_assignment_get_finish (a->asg);
      }
  }
}

/* load_task, keeping the count of ALAP tasks (they need a second forward
 * pass) up to date. */
static void
plan_load (Plan *p, GantryWorkCalCache *cache, GantryProject *project, guint i,
           const GantryTaskInputs *in)
{
  PTask *pt = &p->t[i];
  guint8 alap;

  load_task (p, cache, project, i, in);
  alap = pt->ctype == GANTRY_CONSTRAINT_ALAP && !(pt->flags & (F_SUMMARY | F_SKIP | F_MANUAL));
  p->n_alap = p->n_alap - p->alap[i] + alap;
  p->alap[i] = alap;
  p->has_alap = p->n_alap > 0;
}

/* The project summary's calendar (its own, else the project's): read again
 * with the other inputs, since a changed calendar is compiled anew. */
static void
load_root_cal (Plan *p, GantryWorkCalCache *cache)
{
  GantryCalendar *rc = gantry_task_get_calendar (p->t[0].task);

  p->t[0].cal = rc != NULL ? gantry_workcal_cache_get (cache, rc) : p->proj_cal;
  if (p->pc != NULL)
    p->pc[0].t[0] = p->pc[0].t[1] = p->pc[0].t[2] = p->pc[0].t[3] = NONE;
}

static void
add_edge (GArray *from, GArray *to, guint a, guint b)
{
  g_array_append_val (from, a);
  g_array_append_val (to, b);
}

static void
build_csr (guint n_nodes, GArray *from, GArray *to, guint **off_out, guint **ix_out)
{
  guint *off = g_new0 (guint, n_nodes + 1);
  guint *ix = g_new (guint, MAX (from->len, 1));
  guint *fill = g_new0 (guint, n_nodes);
  guint e;

  for (e = 0; e < from->len; e++)
    off[g_array_index (from, guint, e) + 1]++;
  for (e = 0; e < n_nodes; e++)
    off[e + 1] += off[e];
  for (e = 0; e < from->len; e++)
    {
      guint a = g_array_index (from, guint, e);
      ix[off[a] + fill[a]++] = g_array_index (to, guint, e);
    }
  g_free (fill);
  *off_out = off;
  *ix_out = ix;
}

/* Tarjan's algorithm (iterative) over the nodes Kahn left over; reports
 * every strongly connected component with more than one task. */
static void
find_cycles (Plan *p, const guint8 *left)
{
  guint nn = 2 * p->n, v;
  gint *idx = g_new (gint, nn), *low = g_new (gint, nn);
  guint8 *on = g_new0 (guint8, nn);
  guint *stack = g_new (guint, nn), *cs = g_new (guint, nn), *ce = g_new (guint, nn);
  guint sp = 0, csp = 0;
  gint counter = 0;

  for (v = 0; v < nn; v++)
    idx[v] = -1;
  for (v = 0; v < nn; v++)
    {
      if (!left[v] || idx[v] >= 0)
        continue;
      cs[csp] = v;
      ce[csp] = p->out_off[v];
      csp++;
      idx[v] = low[v] = counter++;
      stack[sp++] = v;
      on[v] = 1;
      while (csp > 0)
        {
          guint u = cs[csp - 1];
          if (ce[csp - 1] < p->out_off[u + 1])
            {
              guint w = p->out_ix[ce[csp - 1]++];
              if (!left[w])
                continue;
              if (idx[w] < 0)
                {
                  idx[w] = low[w] = counter++;
                  stack[sp++] = w;
                  on[w] = 1;
                  cs[csp] = w;
                  ce[csp] = p->out_off[w];
                  csp++;
                }
              else if (on[w])
                low[u] = MIN (low[u], idx[w]);
            }
          else
            {
              csp--;
              if (csp > 0)
                low[cs[csp - 1]] = MIN (low[cs[csp - 1]], low[u]);
              if (low[u] == idx[u])
                {
                  GPtrArray *tasks = g_ptr_array_new_with_free_func (g_object_unref);
                  guint w, n_nodes = 0;
                  do
                    {
                      GantryTask *task;
                      w = stack[--sp];
                      on[w] = 0;
                      n_nodes++;
                      task = p->t[w / 2].task;
                      if (!(p->t[w / 2].flags & F_ROOT)
                          && !g_ptr_array_find (tasks, task, NULL))
                        g_ptr_array_add (tasks, g_object_ref (task));
                    }
                  while (w != u);
                  /* one node alone is not a cycle (no self links) */
                  if (n_nodes > 1 && tasks->len > 0)
                    g_ptr_array_add (p->cycles, tasks);
                  else
                    g_ptr_array_unref (tasks);
                }
            }
        }
    }
  g_free (idx);
  g_free (low);
  g_free (on);
  g_free (stack);
  g_free (cs);
  g_free (ce);
}

/* A binary min-heap of node indices: Kahn's algorithm takes the smallest
 * ready node first, so the order follows the outline wherever the links
 * allow, and the passes walk memory almost sequentially. */
static inline void
heap_push (guint *heap, guint *len, guint v)
{
  guint i = (*len)++;

  while (i > 0 && heap[(i - 1) / 2] > v)
    {
      heap[i] = heap[(i - 1) / 2];
      i = (i - 1) / 2;
    }
  heap[i] = v;
}

static inline guint
heap_pop (guint *heap, guint *len)
{
  guint top = heap[0], v = heap[--(*len)], i = 0;

  while (TRUE)
    {
      guint c = 2 * i + 1;
      if (c >= *len)
        break;
      if (c + 1 < *len && heap[c + 1] < heap[c])
        c++;
      if (heap[c] >= v)
        break;
      heap[i] = heap[c];
      i = c;
    }
  if (*len > 0)
    heap[i] = v;
  return top;
}

static void
topo_sort (Plan *p)
{
  guint nn = 2 * p->n, v, tail = 0, e, hlen = 0, scan = 0;
  guint *indeg = g_new0 (guint, nn);
  guint *heap = g_new (guint, nn);
  guint8 *done = g_new0 (guint8, nn);
  gboolean any_left = FALSE;

  p->order = g_new (guint, nn);
  p->pos = g_new (guint, nn);
  for (v = 0; v < nn; v++)
    for (e = p->out_off[v]; e < p->out_off[v + 1]; e++)
      indeg[p->out_ix[e]]++;
  for (v = 0; v < nn; v++)
    if (indeg[v] == 0)
      heap_push (heap, &hlen, v);

  while (tail < nn)
    {
      while (hlen > 0)
        {
          guint u = heap_pop (heap, &hlen);
          done[u] = 1;
          p->order[tail++] = u;
          for (e = p->out_off[u]; e < p->out_off[u + 1]; e++)
            {
              guint w = p->out_ix[e];
              if (!done[w] && indeg[w] > 0 && --indeg[w] == 0)
                heap_push (heap, &hlen, w);
            }
        }
      if (tail >= nn)
        break;
      if (!any_left)
        {
          /* Kahn stalled: everything left is on or behind a cycle. */
          guint8 *left = g_new0 (guint8, nn);
          for (v = 0; v < nn; v++)
            left[v] = !done[v];
          find_cycles (p, left);
          g_free (left);
          any_left = TRUE;
        }
      /* break the cycle at the first waiting node; its remaining in-edges
       * are ignored by the passes (they point backwards in the order) */
      while (scan < nn && done[scan])
        scan++;
      g_assert (scan < nn);
      indeg[scan] = 0;
      heap_push (heap, &hlen, scan);
    }
  for (v = 0; v < nn; v++)
    p->pos[p->order[v]] = v;
  g_free (indeg);
  g_free (heap);
  g_free (done);
}

static void
plan_read_project (Plan *p, GantryWorkCalCache *cache, GantryProject *project)
{
  GantryDurationContext ctx;

  gantry_project_get_duration_context (project, &ctx);
  p->proj_cal = gantry_workcal_cache_get (cache, gantry_project_get_calendar (project));
  p->from_start = gantry_project_get_schedule_from_start (project);
  p->proj_start = clamp_time (gantry_project_get_start (project));
  p->proj_finish_in = clamp_time (gantry_project_get_finish (project));
  p->honor = gantry_project_get_honor_constraints (project);
  p->mcp = gantry_project_get_multiple_critical_paths (project);
  p->crit_limit = (gint64) gantry_project_get_critical_slack_limit (project)
                  * ctx.minutes_per_day * GANTRY_MS_MINUTE;
}

static Plan *
plan_build (GantryProject *project, GantryWorkCalCache *cache)
{
  Plan *p = g_new0 (Plan, 1);
  GPtrArray *all = gantry_project_get_all_tasks (project);
  GantryTask *root = gantry_project_get_root_task (project);
  GArray *links = g_array_new (FALSE, FALSE, sizeof (PLink));
  GArray *asgs = g_array_new (FALSE, TRUE, sizeof (PAsg));
  GArray *ea = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *eb = g_array_new (FALSE, FALSE, sizeof (guint));
  guint i, k;

  p->serial = _gantry_model_serial;
  plan_begin_read (p);
  plan_read_project (p, cache, project);
  p->n = all->len + 1;
  p->t = g_aligned_alloc0 (p->n, sizeof (PTask), 64);
  p->outs = g_new0 (GantryTaskSchedule, p->n);
  p->alap = g_new0 (guint8, p->n);
  p->loaded = g_new0 (guint64, p->n);
  p->index = g_hash_table_new (g_direct_hash, g_direct_equal);
  p->cycles = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  p->t[0].task = g_object_ref (root);
  p->t[0].flags = F_ROOT | F_SUMMARY;
  g_hash_table_insert (p->index, root, GINT_TO_POINTER (1));
  for (i = 0; i < all->len; i++)
    {
      p->t[i + 1].task = g_object_ref (g_ptr_array_index (all, i));
      g_hash_table_insert (p->index, p->t[i + 1].task, GINT_TO_POINTER (i + 2));
    }

  /* hierarchy: the tasks come in pre-order, so a stack of the open
   * ancestors finds each parent without a lookup */
  {
    guint *stack = g_new (guint, p->n), sp = 0, *fill;

    stack[sp++] = 0;
    p->t[0].parent = -1;
    for (i = 1; i < p->n; i++)
      {
        GantryTask *parent = gantry_task_get_parent (p->t[i].task);
        int pi;

        if (parent == NULL)
          parent = root;
        while (sp > 0 && p->t[stack[sp - 1]].task != parent)
          sp--;
        pi = sp > 0 ? (int) stack[sp - 1] : plan_lookup (p, parent);
        if (pi < 0)
          pi = 0;
        p->t[i].parent = pi;
        p->t[pi].child_n++;
        if (sp == 0)
          stack[sp++] = (guint) pi;
        stack[sp++] = i;
      }
    for (i = 0, k = 0; i < p->n; i++)
      {
        p->t[i].child_first = k;
        k += p->t[i].child_n;
        if (p->t[i].child_n > 0)
          p->t[i].flags |= F_SUMMARY;
      }
    p->children = g_new (guint, MAX (k, 1));
    fill = g_new0 (guint, p->n);
    for (i = 1; i < p->n; i++)
      {
        guint pi = (guint) p->t[i].parent;
        p->children[p->t[pi].child_first + fill[pi]++] = i;
      }
    g_free (fill);
    g_free (stack);
  }

  /* assignments and links */
  for (i = 1; i < p->n; i++)
    {
      PTask *pt = &p->t[i];
      GPtrArray *as = gantry_task_get_assignments (pt->task);
      GPtrArray *preds = gantry_task_get_predecessors (pt->task);

      pt->asg_first = asgs->len;
      for (k = 0; as != NULL && k < as->len && !(pt->flags & F_SUMMARY); k++)
        {
          GantryAssignment *a = g_ptr_array_index (as, k);
          if (gantry_assignment_drives_schedule (a))
            {
              PAsg pa = { 0 };
              pa.asg = g_object_ref (a);
              g_array_append_val (asgs, pa);
            }
        }
      pt->asg_n = asgs->len - pt->asg_first;
      if (pt->asg_n > 0)
        pt->flags |= F_RESOURCES;

      for (k = 0; preds != NULL && k < preds->len; k++)
        {
          GantryLink *l = g_ptr_array_index (preds, k);
          int pr = plan_lookup (p, gantry_link_get_predecessor (l));
          GantryDurationFormat lf = gantry_link_get_lag_format (l);
          PLink pl;

          if (pr <= 0 || pr == (int) i)
            continue;
          pl.link = l;
          pl.pred = pr;
          pl.succ = (int) i;
          pl.type = gantry_link_get_link_type (l);
          pl.lag = CLAMP (gantry_link_get_lag (l), -MAX_SPAN, MAX_SPAN);
          pl.kind = gantry_format_is_percent (lf) ? LAG_PERCENT
                    : gantry_format_is_elapsed (lf) ? LAG_ELAPSED : LAG_WORK;
          g_array_append_val (links, pl);
        }
    }
  p->n_asg = asgs->len;
  p->asg = (PAsg *) (gpointer) g_array_free (asgs, FALSE);
  p->n_links = links->len;
  p->links = (PLink *) (gpointer) g_array_free (links, FALSE);

  for (i = 1; i < p->n; i++)
    {
      GantryTaskInputs in;

      _gantry_task_get_inputs (p->t[i].task, &in);
      plan_load (p, cache, project, i, &in);
    }
  load_root_cal (p, cache);

  /* link CSR */
  {
    GArray *la = g_array_new (FALSE, FALSE, sizeof (guint));
    GArray *lb = g_array_new (FALSE, FALSE, sizeof (guint));
    for (k = 0; k < p->n_links; k++)
      add_edge (la, lb, p->links[k].succ, k);
    build_csr (p->n, la, lb, &p->pred_off, &p->pred_ix);
    g_array_set_size (la, 0);
    g_array_set_size (lb, 0);
    for (k = 0; k < p->n_links; k++)
      add_edge (la, lb, p->links[k].pred, k);
    build_csr (p->n, la, lb, &p->succ_off, &p->succ_ix);
    g_array_unref (la);
    g_array_unref (lb);
  }

  /* node graph */
  for (i = 0; i < p->n; i++)
    {
      PTask *pt = &p->t[i];
      if (pt->flags & F_SUMMARY)
        for (k = 0; k < pt->child_n; k++)
          {
            guint c = p->children[pt->child_first + k];
            add_edge (ea, eb, IN (i), IN (c));
            add_edge (ea, eb, OUT (c), OUT (i));
          }
      else
        add_edge (ea, eb, IN (i), OUT (i));
    }
  for (k = 0; k < p->n_links; k++)
    add_edge (ea, eb, OUT (p->links[k].pred), IN (p->links[k].succ));
  build_csr (2 * p->n, ea, eb, &p->out_off, &p->out_ix);
  build_csr (2 * p->n, eb, ea, &p->in_off, &p->in_ix);
  g_array_unref (ea);
  g_array_unref (eb);

  topo_sort (p);
  for (k = 0; k < p->n_links; k++)
    p->links[k].back = p->pos[IN (p->links[k].succ)] < p->pos[OUT (p->links[k].pred)];
  p->slinks = g_new (PLink, MAX (p->n_links, 1));
  p->spos = g_new (guint, MAX (p->n_links, 1));
  for (k = 0; k < p->n_links; k++)
    {
      p->slinks[k] = p->links[p->succ_ix[k]];
      p->spos[p->succ_ix[k]] = k;
    }

  p->fw_dirty = g_new0 (guint8, 2 * p->n);
  p->bw_dirty = g_new0 (guint8, 2 * p->n);
  p->sl_dirty = g_new0 (guint8, p->n);
  p->status = g_new0 (guint8, p->n);
  p->w_dirty = g_new0 (guint8, p->n);
  p->roll = g_new0 (guint8, p->n);
  p->tpos = g_new0 (PPos, p->n);
  p->pc = g_new (PCache, p->n);
  p->rec = 4;
  for (i = 0; i < p->n; i++)
    p->pc[i].t[0] = p->pc[i].t[1] = p->pc[i].t[2] = p->pc[i].t[3] = NONE;
  p->leaf_ef = g_new (GantryTime, p->n);
  for (i = 0; i < p->n; i++)
    p->leaf_ef[i] = NONE;
  for (i = 0; i < p->n; i++)
    {
      gantry_task_get_schedule (p->t[i].task, &p->outs[i]);
      p->t[i].es = p->t[i].ef = p->t[i].ls = p->t[i].lf = NONE;
      p->t[i].min_ls = p->t[i].min_lf = NONE;
      p->t[i].earliest_leaf = -1;
    }
  return p;
}

/* Are task i's predecessor links and driving assignments the very objects
 * the plan was built with?  Reads the links' type and lag again on the way
 * (they may have changed without changing the graph). */
static gboolean
task_links_same (Plan *p, guint i, const GantryTaskInputs *in)
{
  PTask *pt = &p->t[i];
  GPtrArray *preds, *as;
  guint j, a, k;

  preds = in->predecessors;
  j = p->pred_off[i];
  for (k = 0; preds != NULL && k < preds->len; k++)
    {
      GantryLink *l = g_ptr_array_index (preds, k);
      GantryLinkType type;
      gint64 lag;
      GantryDurationFormat lf;
      GantryTask *pr = _gantry_link_get_inputs (l, &type, &lag, &lf);
      PLink *pl = j < p->pred_off[i + 1] ? &p->links[p->pred_ix[j]] : NULL;

      if (pl == NULL || pl->link != l || p->t[pl->pred].task != pr)
        {
          int pi = plan_lookup (p, pr);
          if (pi > 0 && pi != (int) i)
            return FALSE;     /* a link the plan does not have */
          continue;           /* skipped at build too */
        }
      pl->type = type;
      pl->lag = CLAMP (lag, -MAX_SPAN, MAX_SPAN);
      pl->kind = gantry_format_is_percent (lf) ? LAG_PERCENT
                 : gantry_format_is_elapsed (lf) ? LAG_ELAPSED : LAG_WORK;
      p->slinks[p->spos[p->pred_ix[j]]] = *pl;
      j++;
    }
  if (j != p->pred_off[i + 1])
    return FALSE;

  as = in->assignments;
  a = 0;
  for (k = 0; as != NULL && k < as->len && !(pt->flags & F_SUMMARY); k++)
    {
      GantryAssignment *asg = g_ptr_array_index (as, k);
      if (!gantry_assignment_drives_schedule (asg))
        continue;
      if (a >= pt->asg_n || p->asg[pt->asg_first + a].asg != asg)
        return FALSE;
      a++;
    }
  if (a != pt->asg_n)
    return FALSE;
  return TRUE;
}

/* A full pass on a plan whose graph still matches the project: checks
 * that the tasks, their parents, links and driving assignments are the
 * very same objects in the same order (pointer comparisons while the
 * inputs are read again), and reloads every input.  Returns FALSE, with
 * the plan unusable, when anything structural differs: then rebuild. */
static gboolean
plan_refresh (Plan *p, GantryProject *project, GantryWorkCalCache *cache)
{
  GPtrArray *all = gantry_project_get_all_tasks (project);
  guint i;

  if (all->len + 1 != p->n || gantry_project_get_root_task (project) != p->t[0].task)
    return FALSE;
  p->serial = _gantry_model_serial;
  plan_begin_read (p);
  plan_read_project (p, cache, project);
  load_root_cal (p, cache);
  gantry_task_get_schedule (p->t[0].task, &p->outs[0]);
  for (i = 1; i < p->n; i++)
    {
      PTask *pt = &p->t[i];
      GantryTask *parent;
      GantryTaskInputs in;

      if (g_ptr_array_index (all, i - 1) != pt->task)
        return FALSE;
      _gantry_task_get_inputs (pt->task, &in);
      gantry_task_get_schedule (pt->task, &p->outs[i]);
      parent = in.parent;
      if (parent == NULL)
        parent = p->t[0].task;
      if (p->t[pt->parent].task != parent)
        return FALSE;

      if (!task_links_same (p, i, &in))
        return FALSE;

      plan_load (p, cache, project, i, &in);
    }
  return TRUE;
}

/* Reads task i's inputs again (once per refresh: its loaded serial is then
 * the current one).  FALSE when its links or assignments are no longer
 * those of the plan. */
static gboolean
plan_reload_task (Plan *p, GantryProject *project, GantryWorkCalCache *cache, guint i,
                  guint64 since)
{
  PTask *pt = &p->t[i];
  GantryTaskInputs in;

  if (p->loaded[i] > since)
    return TRUE;
  p->loaded[i] = _gantry_model_serial;
  _gantry_task_get_inputs (pt->task, &in);
  if (!task_links_same (p, i, &in) || in.n_children != pt->child_n)
    return FALSE;
  gantry_task_get_schedule (pt->task, &p->outs[i]);
  plan_load (p, cache, project, i, &in);
  return TRUE;
}

/* A full pass after field edits only: when nothing structural changed
 * since the plan read the model (core's shape serial; outline, list and
 * calendar edits move it) and the last results were written, only the
 * tasks whose inputs were stamped since then are read again (core stamps
 * a task when it, a link into it, one of its assignments or their
 * resource changes).  Returns FALSE when a full re-read is needed. */
static gboolean
plan_refresh_stamped (Plan *p, GantryProject *project, GantryWorkCalCache *cache)
{
  GantryWorkCal *pc = p->proj_cal;
  guint64 since = p->serial;
  guint i;

  if (p->unwritten || _gantry_model_shape_serial > since)
    return FALSE;
  plan_begin_read (p);
  plan_read_project (p, cache, project);
  if (p->proj_cal != pc)
    return FALSE;
  if (_gantry_model_serial == since)
    return TRUE;
  load_root_cal (p, cache);
  gantry_task_get_schedule (p->t[0].task, &p->outs[0]);
  if (_gantry_model_serial - since <= _GANTRY_STAMP_LOG)
    {
      /* few changes: the stamp log names the tasks */
      guint64 k;

      for (k = since + 1; k <= _gantry_model_serial; k++)
        {
          int j = plan_lookup (p, _gantry_stamp_log[k % _GANTRY_STAMP_LOG]);

          if (j > 0 && _gantry_task_get_stamp (p->t[j].task) > since
              && !plan_reload_task (p, project, cache, (guint) j, since))
            return FALSE;
        }
    }
  else
    for (i = 1; i < p->n; i++)
      if (_gantry_task_get_stamp (p->t[i].task) > since
          && !plan_reload_task (p, project, cache, i, since))
        return FALSE;
  p->serial = _gantry_model_serial;
  return TRUE;
}

/* ---- calendar helpers per task ------------------------------------------- */

enum { REC_FORWARD = 0, REC_BACKWARD = 2, REC_NONE = 4 };

/* The position of d on task t's own calendar. */
static inline gint64
own_pos (Plan *p, const PTask *t, GantryTime d)
{
  const PCache *c = &p->pc[t - p->t];
  guint k;

  for (k = 0; k < 4; k++)
    if (c->t[k] == d)
      return c->pos[k];
  return gantry_workcal_position (t->cal, d);
}

static inline void
own_note (Plan *p, const PTask *t, guint slot, GantryTime d, gint64 pos)
{
  PCache *c = &p->pc[t - p->t];

  c->t[slot] = d;
  c->pos[slot] = pos;
}

/* d + w on task t's own calendar: gantry_workcal_add()/_subtract() with
 * the positions kept (slot REC_FORWARD/REC_BACKWARD: the pass's pair). */
static GantryTime
own_add (Plan *p, PTask *t, GantryTime d, GantryDuration w, guint slot)
{
  gint64 pd, pr;
  GantryTime r;

  if (w == 0)
    return d;
  pd = own_pos (p, t, d);
  pr = pd + w;
  if (w > 0)
    r = gantry_workcal_finish_at (t->cal, pr);
  else
    r = pr < 0 ? GANTRY_TIME_MIN : gantry_workcal_start_at (t->cal, pr);
  if (r == NONE)
    {
      t->problems |= P_NO_WORK;
      return clamp_time (d + w);
    }
  if (slot < REC_NONE)
    {
      own_note (p, t, slot, d, pd);
      if (pr >= 0)
        own_note (p, t, slot + 1, r, pr);
    }
  return r;
}

static GantryTime
cal_next_start (Plan *p, PTask *t, GantryWorkCal *cal, GantryTime d)
{
  GantryTime ns = gantry_workcal_next_work_start (cal, d);

  if (ns == NONE)
    {
      t->problems |= P_NO_WORK;
      return d;
    }
  if (ns > d && (t->flags & F_MILESTONE) && gantry_workcal_prev_work_finish (cal, d) == d)
    return d;
  return ns;
}

static GantryTime
next_start (Plan *p, PTask *t, GantryTime d)
{
  GantryTime best = NONE;
  guint k;

  if (d == NONE)
    return NONE;
  if (!(t->flags & F_RESOURCES))
    {
      /* gantry_workcal_next_work_start(), keeping the position (the
       * result is at the position of d) for the finish that follows */
      gint64 pd = own_pos (p, t, d);
      GantryTime s = gantry_workcal_start_at (t->cal, pd), ns;

      if (s == NONE)
        {
          t->problems |= P_NO_WORK;
          return d;
        }
      ns = s < d ? d : s;
      if (ns > d && (t->flags & F_MILESTONE) && gantry_workcal_prev_work_finish (t->cal, d) == d)
        ns = d;
      if (p->rec == REC_FORWARD)
        own_note (p, t, 0, ns, pd);
      return ns;
    }
  for (k = 0; k < t->asg_n; k++)
    best = tmin (best, cal_next_start (p, t, p->asg[t->asg_first + k].cal, d));
  return best;
}

static GantryTime
cal_add (PTask *t, GantryWorkCal *cal, GantryTime d, GantryDuration w)
{
  GantryTime r = gantry_workcal_add (cal, d, w);

  if (r == NONE && d != NONE)
    {
      t->problems |= P_NO_WORK;
      return clamp_time (d + w);
    }
  return r;
}

static GantryTime
finish_from (Plan *p, PTask *t, GantryTime s, GantryDuration dur, gboolean full)
{
  GantryTime best = NONE;
  guint k;

  if (s == NONE)
    return NONE;
  if (t->flags & F_ELAPSED)
    return clamp_time (s + dur);
  if (!(t->flags & F_RESOURCES))
    return own_add (p, t, s, dur, p->rec == REC_FORWARD ? REC_FORWARD : REC_NONE);
  for (k = 0; k < t->asg_n; k++)
    {
      PAsg *a = &p->asg[t->asg_first + k];
      GantryDuration span = full ? a->span : a->span * (100 - t->pct) / 100;
      best = tmax (best, cal_add (t, a->cal, s, a->delay + span));
    }
  return best;
}

static GantryTime
start_from (Plan *p, PTask *t, GantryTime f, GantryDuration dur, gboolean full)
{
  GantryTime best = NONE;
  guint k;

  if (f == NONE)
    return NONE;
  if (t->flags & F_ELAPSED)
    return clamp_time (f - dur);
  if (!(t->flags & F_RESOURCES))
    return own_add (p, t, f, -dur, p->rec == REC_BACKWARD ? REC_BACKWARD : REC_NONE);
  for (k = 0; k < t->asg_n; k++)
    {
      PAsg *a = &p->asg[t->asg_first + k];
      GantryDuration span = full ? a->span : a->span * (100 - t->pct) / 100;
      best = tmin (best, cal_add (t, a->cal, f, -(a->delay + span)));
    }
  return best;
}

static GantryTime
prev_finish (Plan *p, PTask *t, GantryTime d)
{
  GantryTime best = NONE;
  guint k;

  if (d == NONE)
    return NONE;
  if (!(t->flags & F_RESOURCES))
    return gantry_workcal_prev_work_finish (t->cal, d);
  for (k = 0; k < t->asg_n; k++)
    best = tmax (best, gantry_workcal_prev_work_finish (p->asg[t->asg_first + k].cal, d));
  return best;
}

static GantryDuration
link_lag_ms (Plan *p, const PLink *l)
{
  if (l->kind == LAG_PERCENT)
    {
      PTask *pr = &p->t[l->pred];
      /* a resource-driven duration is the one the assignments give */
      GantryDuration d = ((pr->flags & F_RESOURCES) && !(pr->flags & F_MANUAL) && pr->es != NONE
                          && pr->ef != NONE)
                         ? gantry_workcal_work_between (pr->cal, pr->es, pr->ef) : pr->dur;
      double v = (double) d * (double) l->lag / 100000.0;
      return (GantryDuration) CLAMP (v, (double) -MAX_SPAN, (double) MAX_SPAN);
    }
  return l->lag;
}

/* date + sign * lag on the successor's calendar. */
static GantryTime
apply_lag (Plan *p, const PLink *l, GantryTime d, int sign)
{
  GantryDuration lag;
  PTask *succ = &p->t[l->succ];
  gboolean elapsed;

  if (d == NONE || l->lag == 0)
    return d;
  lag = sign * link_lag_ms (p, l);
  elapsed = l->kind == LAG_ELAPSED
            || (l->kind == LAG_PERCENT && (p->t[l->pred].flags & F_ELAPSED));
  if (elapsed)
    return clamp_time (d + lag);
  return cal_add (succ, succ->cal, d, lag);
}

/* ---- forward pass -------------------------------------------------------- */

static inline gboolean
usable_pred (Plan *p, const PLink *l)
{
  return !l->back && !(p->t[l->pred].flags & F_SKIP) && p->t[l->pred].es != NONE;
}

static inline GantryTime
pred_start (Plan *p, PTask *pr)
{
  if (p->alap_pass && pr->ctype == GANTRY_CONSTRAINT_ALAP && !(pr->flags & F_SUMMARY)
      && pr->astart == NONE && pr->ls != NONE)
    return pr->ls;
  return pr->es;
}

static inline GantryTime
pred_finish (Plan *p, PTask *pr)
{
  if (p->alap_pass && pr->ctype == GANTRY_CONSTRAINT_ALAP && !(pr->flags & F_SUMMARY)
      && pr->astart == NONE && pr->lf != NONE)
    return prev_finish (p, pr, pr->lf);
  return pr->ef;
}

static void
forward_leaf (Plan *p, guint i)
{
  PTask *t = &p->t[i];
  GantryTime es = NONE, ef = NONE, link_es, sf_finish = NONE;
  gboolean have_pred = FALSE, ef_fixed = FALSE;
  int a;

  t->problems = 0;
  if (t->flags & F_SKIP)
    {
      t->es = t->ef = NONE;
      return;
    }
  if (t->flags & F_MANUAL)
    {
      t->es = t->mstart != NONE ? t->mstart : p->proj_start;
      t->ef = t->mfinish != NONE ? t->mfinish : finish_from (p, t, t->es, t->dur, TRUE);
      return;
    }
  if (t->astart != NONE)
    {
      t->es = t->astart;
      if (t->afinish != NONE)
        t->ef = t->afinish;
      else
        {
          ef = finish_from (p, t, t->astart, t->dur, TRUE);
          if (t->ctype == GANTRY_CONSTRAINT_FNET && ef < t->cdate)
            ef = t->cdate;
          t->ef = ef;
        }
      return;
    }

  for (a = (int) i; a > 0; a = p->t[a].parent)
    {
      guint e;
      PTask *anc = &p->t[a];

      /* a summary's Start No Earlier Than holds back every task under it,
       * like a link into the summary (MS Project offers summaries only
       * ASAP, SNET and FNLT when scheduling from the start) */
      if (a != (int) i && anc->ctype == GANTRY_CONSTRAINT_SNET
          && !(anc->flags & (F_MANUAL | F_SKIP)))
        {
          es = tmax (es, anc->cdate);
          have_pred = TRUE;
        }
      for (e = p->pred_off[a]; e < p->pred_off[a + 1]; e++)
        {
          const PLink *l = &p->links[p->pred_ix[e]];
          PTask *pr = &p->t[l->pred];
          PLink ll = *l;
          GantryTime c = NONE;

          if (!usable_pred (p, l))
            continue;
          ll.succ = (int) i;
          switch (l->type)
            {
            case GANTRY_LINK_FS:
              c = apply_lag (p, &ll, pred_finish (p, pr), 1);
              break;
            case GANTRY_LINK_SS:
              c = apply_lag (p, &ll, pred_start (p, pr), 1);
              break;
            case GANTRY_LINK_FF:
              /* EF_succ >= EF_pred + lag (reference §2.3) */
              c = start_from (p, t, apply_lag (p, &ll, pred_finish (p, pr), 1), t->remaining, FALSE);
              if (p->proj_start != NONE)
                c = tmax (c, p->proj_start);
              break;
            case GANTRY_LINK_SF:
              c = start_from (p, t, apply_lag (p, &ll, pred_start (p, pr), 1), t->dur, TRUE);
              sf_finish = tmax (sf_finish, apply_lag (p, &ll, pred_start (p, pr), 1));
              break;
            default:
              break;
            }
          if (c != NONE)
            {
              es = tmax (es, c);
              have_pred = TRUE;
            }
        }
    }

  if (!have_pred)
    {
      switch (t->ctype)
        {
        case GANTRY_CONSTRAINT_SNET:
          es = t->cdate;
          break;
        case GANTRY_CONSTRAINT_FNET:
          es = start_from (p, t, t->cdate, t->dur, TRUE);
          break;
        default:
          es = next_start (p, t, p->proj_start);
          break;
        }
    }
  /* leveling delay: time added before the start, whatever drives it
   * (reference §1.5.2); elapsed unless given in working units */
  if (t->lvl_delay > 0 && es != NONE)
    {
      GantryTime s0 = next_start (p, t, es);
      es = (t->flags & F_LVL_WORK) ? cal_add (t, t->cal, s0, t->lvl_delay)
                                   : clamp_time (s0 + t->lvl_delay);
    }
  es = next_start (p, t, es);
  link_es = es;

  switch (t->ctype)
    {
    case GANTRY_CONSTRAINT_SNET:
      if (es < t->cdate)
        es = next_start (p, t, t->cdate);
      break;
    case GANTRY_CONSTRAINT_FNET:
      {
        GantryTime s = start_from (p, t, t->cdate, t->dur, TRUE);
        if (es < s)
          es = s;
      }
      break;
    case GANTRY_CONSTRAINT_FNLT:
      {
        GantryTime s = start_from (p, t, t->cdate, t->dur, TRUE);
        if (es > s)
          es = s;
      }
      break;
    case GANTRY_CONSTRAINT_SNLT:
      if (es > t->cdate)
        es = t->cdate;
      break;
    case GANTRY_CONSTRAINT_MSO:
      es = t->cdate;
      break;
    case GANTRY_CONSTRAINT_MFO:
      ef = t->cdate;
      ef_fixed = TRUE;
      es = start_from (p, t, ef, t->dur, TRUE);
      break;
    default:
      break;
    }

  if (have_pred && es < link_es)
    {
      if (p->honor)
        t->problems |= P_CONFLICT;
      else
        {
          es = link_es;
          ef_fixed = FALSE;
        }
    }

  if (!ef_fixed)
    ef = finish_from (p, t, es, t->dur, TRUE);
  /* a finish-type date the task reaches at an equivalent instant (the
   * same working-time position) is kept as given, as MS Project does */
  if (t->ctype == GANTRY_CONSTRAINT_FNET && ef != NONE && ef < t->cdate
      && gantry_workcal_work_between (t->cal, ef, t->cdate) == 0)
    ef = t->cdate;
  if (sf_finish != NONE && sf_finish > ef && ef != NONE
      && gantry_workcal_work_between (t->cal, ef, sf_finish) == 0)
    ef = sf_finish;
  if (t->deadline != NONE && ef != NONE && ef > t->deadline)
    t->problems |= P_DEADLINE;
  t->es = es;
  t->ef = ef;
}

static void
forward_summary (Plan *p, guint i)
{
  PTask *t = &p->t[i];
  GantryTime es = NONE, ef = NONE, best = NONE;
  int el = -1;
  guint k;

  for (k = 0; k < t->child_n; k++)
    {
      PTask *c = &p->t[p->children[t->child_first + k]];
      GantryTime cs, cf;
      int leaf;

      if ((c->flags & F_SKIP) || c->es == NONE)
        continue;
      cs = pred_start (p, c);
      cf = pred_finish (p, c);
      es = tmin (es, cs);
      ef = tmax (ef, cf);
      leaf = (c->flags & F_SUMMARY) ? c->earliest_leaf : (int) p->children[t->child_first + k];
      if (leaf >= 0 && (best == NONE || p->t[leaf].es < best))
        {
          best = p->t[leaf].es;
          el = leaf;
        }
    }
  t->es = es;
  t->ef = ef;
  t->earliest_leaf = el;
}

/* Returns TRUE when the node's forward values changed. */
static gboolean
forward_node (Plan *p, guint node)
{
  guint i = node / 2;
  PTask *t = &p->t[i];
  GantryTime es = t->es, ef = t->ef;
  int el = t->earliest_leaf;
  guint8 pr = t->problems;

  if (!(node & 1))
    return TRUE;   /* IN nodes only order things */
  if (t->flags & F_SUMMARY)
    forward_summary (p, i);
  else
    {
      forward_leaf (p, i);
      p->leaf_ef[i] = (t->flags & F_SKIP) ? NONE : t->ef;
    }
  return es != t->es || ef != t->ef || el != t->earliest_leaf || pr != t->problems;
}

/* ---- backward pass ------------------------------------------------------- */

static gboolean
late_candidate (Plan *p, const PLink *l, guint pred_i, GantryTime *out)
{
  PTask *s = &p->t[l->succ];
  PTask *t = &p->t[pred_i];
  PLink ll = *l;
  GantryTime s_ls, s_lf, c;

  if ((s->flags & F_SKIP) || s->afinish != NONE)
    return FALSE;
  if (l->back)
    return FALSE;   /* an edge broken to resolve a cycle */
  if (s->flags & F_SUMMARY)
    {
      s_ls = s->min_ls;
      s_lf = s->min_lf;
    }
  else
    {
      s_ls = s->ls;
      s_lf = s->lf;
    }
  if (s_ls == NONE || s_lf == NONE)
    return FALSE;
  if ((s->flags & F_SUMMARY) && s->earliest_leaf >= 0)
    ll.succ = s->earliest_leaf;
  switch (l->type)
    {
    case GANTRY_LINK_FS:
      c = apply_lag (p, &ll, s_ls, -1);
      break;
    case GANTRY_LINK_SS:
      if (t->flags & F_MANUAL)
        c = p->proj_finish;
      else
        c = finish_from (p, t, apply_lag (p, &ll, gantry_workcal_next_work_start (t->cal, s_ls), -1),
                         t->dur, TRUE);
      break;
    case GANTRY_LINK_FF:
      c = apply_lag (p, &ll, s_lf, -1);
      break;
    case GANTRY_LINK_SF:
      c = finish_from (p, t, apply_lag (p, &ll, s_lf, -1), t->dur, TRUE);
      break;
    default:
      return FALSE;
    }
  if (c == NONE)
    return FALSE;
  *out = p->proj_finish != NONE ? MIN (c, p->proj_finish) : c;
  return TRUE;
}

static void
backward_leaf (Plan *p, guint i)
{
  PTask *t = &p->t[i];
  GantryTime lf = NONE, c, sum_fnlt = NONE;
  gboolean have_succ = FALSE;
  int a;

  if ((t->flags & F_SKIP) || t->es == NONE)
    {
      t->ls = t->lf = NONE;
      return;
    }
  if (t->afinish != NONE)
    lf = t->afinish;
  else
    {
      for (a = (int) i; a > 0; a = p->t[a].parent)
        {
          guint e;
          /* a summary's Finish No Later Than caps the late finish of every
           * task under it */
          if (a != (int) i && p->t[a].ctype == GANTRY_CONSTRAINT_FNLT
              && !(p->t[a].flags & (F_MANUAL | F_SKIP)))
            sum_fnlt = tmin (sum_fnlt, p->t[a].cdate);
          for (e = p->succ_off[a]; e < p->succ_off[a + 1]; e++)
            {
              const PLink *l = &p->slinks[e];
              if (a != (int) i && (l->type == GANTRY_LINK_SS || l->type == GANTRY_LINK_SF)
                  && p->t[a].earliest_leaf != (int) i)
                continue;
              if (late_candidate (p, l, i, &c))
                {
                  lf = tmin (lf, c);
                  have_succ = TRUE;
                }
            }
        }
      if (!have_succ)
        lf = p->mcp ? t->ef : p->proj_finish;
      else if ((t->flags & F_MILESTONE) && t->dur == 0 && t->astart != NONE)
        lf = t->astart;
      switch (t->ctype)
        {
        case GANTRY_CONSTRAINT_MSO:
          lf = finish_from (p, t, t->cdate, t->dur, TRUE);
          break;
        case GANTRY_CONSTRAINT_MFO:
          lf = t->cdate;
          break;
        case GANTRY_CONSTRAINT_SNLT:
          lf = tmin (lf, finish_from (p, t, t->cdate, t->dur, TRUE));
          break;
        case GANTRY_CONSTRAINT_FNLT:
          lf = tmin (lf, t->cdate);
          break;
        default:
          break;
        }
      if (t->deadline != NONE)
        lf = tmin (lf, t->deadline);
      lf = tmin (lf, sum_fnlt);
      /* not normalised: MS Project stores an FS predecessor's late finish
       * as the successor's late start (reference §2.6, I11) */
    }
  t->lf = lf;
  if (t->astart != NONE)
    t->ls = t->astart;
  else if (t->flags & F_MANUAL)
    t->ls = start_from (p, t, lf, t->dur, TRUE);
  else
    t->ls = start_from (p, t, lf, t->remaining, FALSE);
}

static gboolean
backward_node (Plan *p, guint node)
{
  guint i = node / 2;
  PTask *t = &p->t[i];

  if (t->flags & F_SUMMARY)
    {
      GantryTime a = t->min_ls, b = t->min_lf, ls = NONE, lf = NONE;
      guint k;

      if (node & 1)
        return TRUE;     /* OUT of a summary: leaves read its links */
      for (k = 0; k < t->child_n; k++)
        {
          PTask *c = &p->t[p->children[t->child_first + k]];
          if (c->flags & F_SKIP)
            continue;
          if (c->flags & F_SUMMARY)
            {
              ls = tmin (ls, c->min_ls);
              lf = tmin (lf, c->min_lf);
            }
          else
            {
              ls = tmin (ls, c->ls);
              lf = tmin (lf, c->lf);
            }
        }
      t->min_ls = ls;
      t->min_lf = lf;
      return a != ls || b != lf;
    }
  else
    {
      GantryTime ls = t->ls, lf = t->lf;

      if (!(node & 1))
        return TRUE;
      backward_leaf (p, i);
      return ls != t->ls || lf != t->lf;
    }
}

/* ---- slack, roll-up, results --------------------------------------------- */

static GantryDuration
span_on (PTask *t, GantryTime a, GantryTime b)
{
  if (a == NONE || b == NONE)
    return 0;
  if (t->flags & F_ELAPSED)
    return b - a;
  return gantry_workcal_work_between (t->cal, a, b);
}

/* Positions of task j's early dates on its own calendar, computed once
 * per plan_finish() (free slack of every predecessor needs them). */
static inline void
task_positions (Plan *p, guint j)
{
  PTask *t = &p->t[j];
  PPos *q = &p->tpos[j];

  if (q->gen == p->gen)
    return;
  q->es = t->es != NONE ? own_pos (p, t, t->es) : 0;
  q->ef = t->ef != NONE ? own_pos (p, t, t->ef) : 0;
  q->gen = p->gen;
}

/* Cost to date (MSPDI ActualCost): the resources' cost as far as the task
 * has progressed, and the fixed cost by its accrual (MSPDI
 * FixedCostAccrual; GantryAccrual): all of it once the task has started
 * (Start), all of it at 100 % (End), or in proportion (Prorated). */
static double
task_actual_cost (const PTask *t)
{
  double fixed = t->fixed_cost, spent = (t->cost - fixed) * t->pct / 100.0;

  switch (t->accrual)
    {
    case GANTRY_ACCRUE_START:
      return spent + ((t->pct > 0 || t->astart != NONE) ? fixed : 0.0);
    case GANTRY_ACCRUE_END:
      return spent + (t->pct >= 100 ? fixed : 0.0);
    case GANTRY_ACCRUE_PRORATED:
    default:
      return spent + fixed * t->pct / 100.0;
    }
}

static void
leaf_results (Plan *p, guint i, GantryTaskSchedule *o)
{
  PTask *t = &p->t[i];
  gboolean alap = t->ctype == GANTRY_CONSTRAINT_ALAP;
  GantryDuration ss, fs, free_slack = G_MAXINT64;
  gboolean has_succ = FALSE;
  guint e, k;

  /* a pure function of the compiled plan: fields the engine does not
   * compute carry the model's values read when the task was loaded */
  *o = p->outs[i];
  o->duration = t->dur;
  o->work = t->has_asg ? t->asg_work : t->work_in;
  o->cost = t->cost;
  o->actual_cost = task_actual_cost (t);
  o->actual_work = t->actual_work;
  if (t->flags & F_SKIP)
    {
      o->start = t->mstart;
      o->finish = t->mfinish;
      return;
    }
  if (t->flags & F_MANUAL)
    {
      o->start = t->mstart;
      o->finish = t->mfinish;
    }
  else
    {
      o->start = t->astart != NONE ? t->astart : (alap && t->ls != NONE ? t->ls : t->es);
      o->finish = t->afinish != NONE ? t->afinish
                  : (alap && t->lf != NONE ? prev_finish (p, t, t->lf) : t->ef);
    }
  o->early_start = t->es;
  o->early_finish = t->ef;
  o->late_start = t->ls;
  o->late_finish = t->lf;

  if (!(t->flags & F_ELAPSED) && t->es != NONE && t->ef != NONE)
    {
      task_positions (p, i);
      ss = t->ls != NONE ? own_pos (p, t, t->ls) - p->tpos[i].es : 0;
      fs = t->lf != NONE ? own_pos (p, t, t->lf) - p->tpos[i].ef : 0;
    }
  else
    {
      ss = span_on (t, t->es, t->ls);
      fs = span_on (t, t->ef, t->lf);
    }
  o->start_slack = ss;
  o->finish_slack = fs;
  o->total_slack = t->astart != NONE ? fs : MIN (ss, fs);
  if (alap)
    o->start_slack = o->finish_slack = 0;

  for (e = p->succ_off[i]; e < p->succ_off[i + 1]; e++)
    {
      const PLink *l = &p->slinks[e];
      PTask *s = &p->t[l->succ];
      GantryDuration f;
      GantryDuration lag = l->kind == LAG_ELAPSED ? 0 : link_lag_ms (p, l);

      if (l->back || (s->flags & F_SKIP) || s->es == NONE)
        continue;
      if (s->cal == t->cal && !(t->flags & F_ELAPSED) && t->es != NONE && t->ef != NONE
          && s->ef != NONE)
        {
          /* same calendar: reuse the positions */
          task_positions (p, l->succ);
          switch (l->type)
            {
            case GANTRY_LINK_FS: f = p->tpos[l->succ].es - p->tpos[i].ef; break;
            case GANTRY_LINK_SS: f = p->tpos[l->succ].es - p->tpos[i].es; break;
            case GANTRY_LINK_FF: f = p->tpos[l->succ].ef - p->tpos[i].ef; break;
            default:             f = p->tpos[l->succ].ef - p->tpos[i].es; break;
            }
        }
      else
        switch (l->type)
          {
          case GANTRY_LINK_FS: f = span_on (t, t->ef, s->es); break;
          case GANTRY_LINK_SS: f = span_on (t, t->es, s->es); break;
          case GANTRY_LINK_FF: f = span_on (t, t->ef, s->ef); break;
          default:             f = span_on (t, t->es, s->ef); break;
          }
      f -= lag;
      free_slack = MIN (free_slack, f);
      has_succ = TRUE;
    }
  if (!has_succ)
    free_slack = o->total_slack;
  free_slack = MAX (free_slack, 0);
  if (o->total_slack >= 0)
    free_slack = MIN (free_slack, o->total_slack);
  if (t->pct >= 100)
    free_slack = 0;
  o->free_slack = free_slack;
  o->critical = !(t->flags & F_MANUAL) && t->pct < 100 && o->total_slack <= p->crit_limit;

  /* duration and costs */
  for (k = 0; k < t->asg_n; k++)
    {
      PAsg *a = &p->asg[t->asg_first + k];

      if (t->flags & F_ELAPSED)
        {
          /* an elapsed duration runs through nights, weekends and
           * holidays (reference §2), and so do the resources on it:
           * work = elapsed time × units, on no calendar */
          a->start = clamp_time (o->start + a->delay);
          a->finish = (t->flags & F_RESOURCES) ? clamp_time (a->start + a->span) : o->finish;
          if (a->start == NONE || a->finish == NONE)
            a->start = o->start, a->finish = o->finish;
          continue;
        }
      /* each assignment starts at the next working time of its calendar */
      a->start = gantry_workcal_next_work_start (a->cal, o->start);
      if (a->start == NONE)
        a->start = o->start;
      if (a->delay > 0)
        a->start = gantry_workcal_next_work_start (a->cal,
                                                   gantry_workcal_add (a->cal, a->start, a->delay));
      if (t->flags & F_RESOURCES)
        a->finish = gantry_workcal_add (a->cal, a->start, a->span);
      else
        a->finish = o->finish;
      if (a->finish == NONE)
        a->finish = o->finish;
    }
  if ((t->flags & F_RESOURCES) && !(t->flags & F_MANUAL))
    o->duration = span_on (t, o->start, o->finish);
}

static void
summary_results (Plan *p, guint i, GantryTaskSchedule *o)
{
  PTask *t = &p->t[i];
  guint k;
  gboolean any = FALSE;
  double cost = (t->flags & F_ROOT) ? 0 : t->fixed_cost;
  GantryDuration ss, fs;

  *o = p->outs[i];
  o->start = o->finish = o->early_start = o->early_finish = NONE;
  o->late_start = o->late_finish = NONE;
  o->critical = FALSE;
  o->work = 0;
  o->actual_work = 0;
  o->actual_cost = 0;
  for (k = 0; k < t->child_n; k++)
    {
      PTask *c = &p->t[p->children[t->child_first + k]];
      const GantryTaskSchedule *co = &p->outs[p->children[t->child_first + k]];

      if (c->flags & F_SKIP)
        continue;
      any = TRUE;
      o->start = tmin (o->start, co->start);
      o->finish = tmax (o->finish, co->finish);
      o->early_start = tmin (o->early_start, co->early_start);
      o->early_finish = tmax (o->early_finish, co->early_finish);
      o->late_start = tmin (o->late_start, co->late_start);
      o->late_finish = tmax (o->late_finish, co->late_finish);
      o->critical = o->critical || co->critical;
      o->work += co->work;
      o->actual_work += co->actual_work;
      cost += co->cost;
      o->actual_cost += co->actual_cost;
    }
  if (!any)
    {
      /* an empty plan: the project summary sits at the project start */
      *o = p->outs[i];
      if (t->flags & F_ROOT)
        {
          o->start = o->finish = o->early_start = o->early_finish = p->proj_start;
          o->late_start = o->late_finish = p->proj_start;
          o->duration = 0;
        }
      return;
    }
  o->cost = cost;
  if (t->flags & F_MANUAL)
    {
      /* a manually scheduled summary keeps the dates the user gave it */
      o->start = t->mstart != NONE ? t->mstart : o->start;
      o->finish = t->mfinish != NONE ? t->mfinish : o->finish;
    }
  o->duration = span_on (t, o->start, o->finish);
  ss = span_on (t, o->early_start, o->late_start);
  fs = span_on (t, o->early_finish, o->late_finish);
  o->start_slack = ss;
  o->finish_slack = fs;
  o->total_slack = MIN (ss, fs);
  o->free_slack = MAX (0, MIN (o->total_slack, fs));
}

static gboolean
schedule_equal (const GantryTaskSchedule *a, const GantryTaskSchedule *b)
{
  return a->start == b->start && a->finish == b->finish && a->duration == b->duration
         && a->work == b->work && a->early_start == b->early_start
         && a->early_finish == b->early_finish && a->late_start == b->late_start
         && a->late_finish == b->late_finish && a->total_slack == b->total_slack
         && a->free_slack == b->free_slack && a->start_slack == b->start_slack
         && a->finish_slack == b->finish_slack && a->critical == b->critical
         && a->cost == b->cost && a->actual_cost == b->actual_cost
         && a->actual_work == b->actual_work;
}

/* ---- the passes ---------------------------------------------------------- */

static void
mark_preds_slack (Plan *p, guint i)
{
  guint e;

  p->sl_dirty[i] = 1;
  for (e = p->pred_off[i]; e < p->pred_off[i + 1]; e++)
    p->sl_dirty[p->links[p->pred_ix[e]].pred] = 1;
}

static guint
run_forward (Plan *p)
{
  guint nn = 2 * p->n, k, visited = 0;

  p->rec = REC_FORWARD;
  for (k = 0; k < nn; k++)
    {
      guint node = p->order[k], e;
      int old_el;
      if (!p->fw_dirty[node])
        continue;
      p->fw_dirty[node] = 0;
      visited++;
      old_el = p->t[node / 2].earliest_leaf;
      if (!forward_node (p, node))
        continue;
      if (node & 1)
        {
          PTask *t = &p->t[node / 2];
          if (!(t->flags & F_SUMMARY))
            p->bw_dirty[node] = 1;
          else if (old_el != t->earliest_leaf)
            {
              /* SS/SF links from a summary bind its earliest leaf */
              if (old_el >= 0)
                p->bw_dirty[OUT (old_el)] = 1;
              if (t->earliest_leaf >= 0)
                p->bw_dirty[OUT (t->earliest_leaf)] = 1;
              /* and the lags of links into it use that leaf's calendar */
              for (e = p->pred_off[node / 2]; e < p->pred_off[node / 2 + 1]; e++)
                p->bw_dirty[OUT (p->links[p->pred_ix[e]].pred)] = 1;
            }
          mark_preds_slack (p, node / 2);
        }
      for (e = p->out_off[node]; e < p->out_off[node + 1]; e++)
        {
          guint w = p->out_ix[e];
          if (p->pos[w] > k)
            p->fw_dirty[w] = 1;
        }
    }
  p->rec = REC_NONE;
  return visited;
}

static guint
run_backward (Plan *p)
{
  guint nn = 2 * p->n, k, visited = 0;

  p->rec = REC_BACKWARD;
  for (k = nn; k-- > 0;)
    {
      guint node = p->order[k], e;
      if (!p->bw_dirty[node])
        continue;
      p->bw_dirty[node] = 0;
      visited++;
      if (!backward_node (p, node))
        continue;
      p->sl_dirty[node / 2] = 1;
      for (e = p->in_off[node]; e < p->in_off[node + 1]; e++)
        {
          guint w = p->in_ix[e];
          if (p->pos[w] < k)
            p->bw_dirty[w] = 1;
        }
    }
  p->rec = REC_NONE;
  return visited;
}

/* The same passes over every node, for a full pass: nothing to track (every
 * node is visited anyway), and the dirty flags are left clear. */
static guint
run_forward_all (Plan *p)
{
  guint nn = 2 * p->n, k;

  p->rec = REC_FORWARD;
  for (k = 0; k < nn; k++)
    {
      guint node = p->order[k];
      if (node & 1)
        forward_node (p, node);
    }
  p->rec = REC_NONE;
  memset (p->fw_dirty, 0, nn);
  return nn;
}

static guint
run_backward_all (Plan *p)
{
  guint nn = 2 * p->n, k;

  p->rec = REC_BACKWARD;
  for (k = nn; k-- > 0;)
    backward_node (p, p->order[k]);
  p->rec = REC_NONE;
  memset (p->bw_dirty, 0, nn);
  return nn;
}

static GantryTime
compute_finish (Plan *p)
{
  GantryTime f = NONE;
  guint i;

  for (i = 1; i < p->n; i++)
    f = tmax (f, p->leaf_ef[i]);
  return f;
}

static guint
plan_run (Plan *p, gboolean full)
{
  guint nn = 2 * p->n, i, visited = 0;
  GantryTime old_finish = p->proj_finish;

  if (full)
    memset (p->sl_dirty, 1, p->n);
  if (p->proj_start == NONE)
    p->proj_start = gantry_time_make (2000, 1, 3, 8, 0, 0);

  if (!p->from_start && p->proj_finish_in != NONE)
    {
      /* schedule from finish: late dates from the project finish, then the
       * project start is the earliest late start and early dates follow */
      GantryTime s = NONE;
      p->alap_pass = FALSE;
      visited += full ? run_forward_all (p) : run_forward (p);
      p->proj_finish = p->proj_finish_in;
      visited += run_backward_all (p);
      for (i = 1; i < p->n; i++)
        if (!(p->t[i].flags & (F_SUMMARY | F_SKIP)))
          s = tmin (s, p->t[i].ls);
      if (s != NONE && s != p->proj_start)
        {
          p->proj_start = s;
          visited += run_forward_all (p);
        }
      memset (p->sl_dirty, 1, p->n);
      return visited;
    }

  p->alap_pass = FALSE;
  visited += full ? run_forward_all (p) : run_forward (p);
  p->proj_finish = compute_finish (p);
  if (full)
    visited += run_backward_all (p);
  else
    {
      /* changed late dates mark their tasks for slack and results */
      if (p->proj_finish != old_finish || p->has_alap || p->mcp)
        memset (p->bw_dirty, 1, nn);
      visited += run_backward (p);
    }
  if (p->has_alap)
    {
      p->alap_pass = TRUE;
      visited += run_forward_all (p);
      memset (p->sl_dirty, 1, p->n);
    }
  return visited;
}

/* Computes results for dirty tasks and rolls up; writes changed ones back
 * when write is TRUE. */
static void
plan_finish (Plan *p)
{
  guint8 *roll = p->roll;   /* all clear between passes */
  guint i;

  p->unwritten = TRUE;
  if (++p->gen == 0)
    {
      for (i = 0; i < p->n; i++)
        p->tpos[i].gen = 0;
      p->gen = 1;
    }

  /* backwards: a task's successors mostly follow it in the outline, so
   * they were just visited and are still in the cache (free slack reads
   * them); the results do not depend on the order */
  for (i = p->n; --i > 0;)
    {
      PTask *t = &p->t[i];
      GantryTaskSchedule o;
      int a;

      if (!p->sl_dirty[i] || (t->flags & F_SUMMARY))
        continue;
      p->sl_dirty[i] = 0;
      leaf_results (p, i, &o);
      p->status[i] = (o.critical ? 1 : 0) | (t->problems ? 2 : 0);
      for (a = 0; a < (int) t->asg_n; a++)
        {
          const PAsg *pa = &p->asg[t->asg_first + a];
          if (pa->start != pa->m_start || pa->finish != pa->m_finish)
            p->w_dirty[i] = 1;   /* assignment dates */
        }
      if (!schedule_equal (&o, &p->outs[i]))
        {
          p->outs[i] = o;
          p->w_dirty[i] = 1;
          for (a = t->parent; a >= 0 && !roll[a]; a = p->t[a].parent)
            roll[a] = 1;
        }
    }
  for (i = 0; i < p->n; i++)
    if (p->sl_dirty[i] && (p->t[i].flags & F_SUMMARY))
      {
        int a;
        p->sl_dirty[i] = 0;
        for (a = (int) i; a >= 0 && !roll[a]; a = p->t[a].parent)
          roll[a] = 1;
      }
  /* children come after their parents in pre-order: go backwards */
  for (i = p->n; i-- > 0;)
    {
      GantryTaskSchedule o;
      if (!roll[i])
        continue;
      roll[i] = 0;
      summary_results (p, i, &o);
      if (!schedule_equal (&o, &p->outs[i]))
        {
          p->outs[i] = o;
          p->w_dirty[i] = 1;
        }
    }
}

/* Writes the results that changed into the model, in one batch; the
 * project's computed end (its finish, or its start when scheduled from
 * the finish) follows the project summary. */
static void
plan_write (Plan *p, GantryProject *project)
{
  guint i;
  int a;

  p->unwritten = FALSE;
  if (p->outs[0].start != NONE)
    {
      if (p->from_start && gantry_project_get_finish (project) != p->outs[0].finish)
        gantry_project_set_finish (project, p->outs[0].finish);
      else if (!p->from_start && gantry_project_get_start (project) != p->outs[0].start)
        gantry_project_set_start (project, p->outs[0].start);
    }

  for (i = 0; i < p->n; i++)
    {
      PTask *t = &p->t[i];
      GantryTaskSchedule cur;

      if (!p->w_dirty[i])
        continue;
      p->w_dirty[i] = 0;
      gantry_task_get_schedule (t->task, &cur);
      if (!schedule_equal (&cur, &p->outs[i]))
        gantry_task_set_schedule (t->task, &p->outs[i]);
      for (a = 0; a < (int) t->asg_n; a++)
        {
          PAsg *pa = &p->asg[t->asg_first + a];
          if (gantry_assignment_get_start (pa->asg) != pa->start
              || gantry_assignment_get_finish (pa->asg) != pa->finish)
            gantry_assignment_set_computed (pa->asg, pa->start, pa->finish,
                                            gantry_assignment_get_cost (pa->asg));
          pa->m_start = pa->start;
          pa->m_finish = pa->finish;
        }
    }
}

/* ---- GObject ------------------------------------------------------------- */

static void
collect_problems (GantryScheduler *self)
{
  Plan *p = self->plan;
  guint i, k;

  g_ptr_array_set_size (self->problems, 0);
  self->n_critical = 0;
  for (k = 0; k < p->cycles->len; k++)
    {
      GPtrArray *tasks = g_ptr_array_index (p->cycles, k);
      GantryProblem *pb = g_new0 (GantryProblem, 1);
      GString *names = g_string_new (NULL);

      pb->kind = GANTRY_PROBLEM_CYCLE;
      pb->tasks = g_ptr_array_new_with_free_func (g_object_unref);
      for (i = 0; i < tasks->len; i++)
        {
          GantryTask *task = g_ptr_array_index (tasks, i);
          const char *tn = gantry_task_get_name (task);

          g_ptr_array_add (pb->tasks, g_object_ref (task));
          if (i > 0)
            g_string_append (names, ", ");
          g_string_append_printf (names, "“%s” (%d)", tn != NULL ? tn : "",
                                  gantry_task_get_uid (task));
        }
      pb->message = g_strdup_printf (_("The links between these tasks form a loop: %s. "
                                       "Remove one of the links."), names->str);
      g_string_free (names, TRUE);
      g_ptr_array_add (self->problems, pb);
    }
  for (i = 1; i < p->n; i++)
    {
      PTask *t;
      const char *name;

      if (p->status[i] == 0)
        continue;
      if (p->status[i] & 1)
        self->n_critical++;
      if (!(p->status[i] & 2))
        continue;
      t = &p->t[i];
      name = gantry_task_get_name (t->task);
      if (name == NULL)
        name = "";
      if (t->problems & (P_CONFLICT | P_DEADLINE))
        {
          GantryProblem *pb = g_new0 (GantryProblem, 1);
          pb->kind = GANTRY_PROBLEM_CONFLICT;
          pb->tasks = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (pb->tasks, g_object_ref (t->task));
          if (t->problems & P_CONFLICT)
            pb->message = g_strdup_printf (_("Task “%s” (%d): its constraint date conflicts with "
                                             "its predecessors; it has negative slack."),
                                           name, gantry_task_get_uid (t->task));
          else
            pb->message = g_strdup_printf (_("Task “%s” (%d) finishes after its deadline."),
                                           name, gantry_task_get_uid (t->task));
          g_ptr_array_add (self->problems, pb);
        }
      if (t->problems & P_NO_WORK)
        {
          GantryProblem *pb = g_new0 (GantryProblem, 1);
          pb->kind = GANTRY_PROBLEM_NO_WORKING_TIME;
          pb->tasks = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (pb->tasks, g_object_ref (t->task));
          pb->message = g_strdup_printf (_("Task “%s” (%d) has no working time in its calendar; "
                                           "its dates use elapsed time instead."),
                                         name, gantry_task_get_uid (t->task));
          g_ptr_array_add (self->problems, pb);
        }
    }
}

static void
scheduler_full (GantryScheduler *self, gboolean write)
{
  if (self->plan == NULL
      || (!plan_refresh_stamped (self->plan, self->project, self->cache)
          && !plan_refresh (self->plan, self->project, self->cache)))
    {
      g_clear_pointer (&self->plan, plan_free);
      self->plan = plan_build (self->project, self->cache);
    }
  self->last_n_visited = plan_run (self->plan, TRUE);
  plan_finish (self->plan);
  if (write)
    plan_write (self->plan, self->project);
  collect_problems (self);
}

void
gantry_scheduler_run (GantryScheduler *self)
{
  g_return_if_fail (GANTRY_IS_SCHEDULER (self));
  scheduler_full (self, TRUE);
  g_signal_emit (self, signals[SIG_SCHEDULED], 0);
}

gboolean
gantry_scheduler_run_incremental (GantryScheduler *self, GPtrArray *tasks)
{
  Plan *p;
  guint k, e;

  g_return_val_if_fail (GANTRY_IS_SCHEDULER (self), FALSE);
  p = self->plan;
  if (p == NULL || tasks == NULL || p->has_alap || !p->from_start)
    goto full;
  plan_begin_read (p);
  plan_read_project (p, self->cache, self->project);
  if (!p->from_start)
    goto full;
  for (k = 0; k < tasks->len; k++)
    {
      int i = plan_lookup (p, g_ptr_array_index (tasks, k));
      PTask *t;
      guint flags;
      gboolean alap;
      GantryTaskInputs in;

      if (i <= 0)
        goto full;
      t = &p->t[i];
      flags = t->flags;
      _gantry_task_get_inputs (t->task, &in);
      /* a link or assignment added or removed changes the graph */
      if (!task_links_same (p, (guint) i, &in))
        goto full;
      plan_load (p, self->cache, self->project, (guint) i, &in);
      alap = t->ctype == GANTRY_CONSTRAINT_ALAP;
      if (((flags ^ t->flags) & (F_SKIP | F_MANUAL)) || alap
          || in.n_children != t->child_n)
        goto full;
      p->fw_dirty[OUT (i)] = 1;
      p->fw_dirty[IN (i)] = 1;
      p->bw_dirty[OUT (i)] = 1;
      p->sl_dirty[i] = 1;
      /* the edit may have changed fields the engine also writes
       * (duration, work, dates): compare with the model when writing */
      p->w_dirty[i] = 1;
      /* a link's type or lag also moves its predecessor's late dates */
      for (e = p->pred_off[i]; e < p->pred_off[i + 1]; e++)
        {
          guint pr = p->links[p->pred_ix[e]].pred;
          p->bw_dirty[OUT (pr)] = 1;
          p->sl_dirty[pr] = 1;
        }
    }
  self->last_n_visited = plan_run (p, FALSE);
  plan_finish (p);
  plan_write (p, self->project);
  collect_problems (self);
  g_signal_emit (self, signals[SIG_SCHEDULED], 0);
  return TRUE;

full:
  gantry_scheduler_run (self);
  return FALSE;
}

static void
on_project_changed (GantryProject *project, guint flags, GPtrArray *tasks, GantryScheduler *self)
{
  if (!self->auto_schedule)
    return;
  /* the risk register does not affect dates */
  if (flags == GANTRY_CHANGE_RISKS)
    return;
  /* field edits of tasks, links and assignments name the tasks they
   * touch; the incremental pass checks that the graph is unchanged */
  if ((flags & ~(GANTRY_CHANGE_TASKS | GANTRY_CHANGE_LINKS | GANTRY_CHANGE_ASSIGNMENTS)) == 0
      && self->plan != NULL && tasks != NULL && tasks->len > 0)
    gantry_scheduler_run_incremental (self, tasks);
  else
    gantry_scheduler_run (self);
}

static void
gantry_scheduler_dispose (GObject *object)
{
  GantryScheduler *self = GANTRY_SCHEDULER (object);

  if (self->project != NULL && self->changed_id != 0)
    g_signal_handler_disconnect (self->project, self->changed_id);
  self->changed_id = 0;
  g_clear_pointer (&self->plan, plan_free);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (gantry_scheduler_parent_class)->dispose (object);
}

static void
gantry_scheduler_finalize (GObject *object)
{
  GantryScheduler *self = GANTRY_SCHEDULER (object);

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->cache, gantry_workcal_cache_free);
  G_OBJECT_CLASS (gantry_scheduler_parent_class)->finalize (object);
}

static void
gantry_scheduler_class_init (GantrySchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gantry_scheduler_dispose;
  object_class->finalize = gantry_scheduler_finalize;

  signals[SIG_SCHEDULED] = g_signal_new ("scheduled", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
}

static void
gantry_scheduler_init (GantryScheduler *self)
{
  self->cache = gantry_workcal_cache_new ();
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) gantry_problem_free);
}

GantryScheduler *
gantry_scheduler_new (GantryProject *project)
{
  GantryScheduler *self;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), NULL);
  self = g_object_new (GANTRY_TYPE_SCHEDULER, NULL);
  self->project = g_object_ref (project);
  self->changed_id = g_signal_connect (project, "changed", G_CALLBACK (on_project_changed), self);
  return self;
}

void
gantry_scheduler_set_auto (GantryScheduler *self, gboolean auto_schedule)
{
  g_return_if_fail (GANTRY_IS_SCHEDULER (self));
  self->auto_schedule = auto_schedule;
}

GPtrArray *
gantry_scheduler_get_problems (GantryScheduler *self)
{
  g_return_val_if_fail (GANTRY_IS_SCHEDULER (self), NULL);
  return self->problems;
}

guint
gantry_scheduler_get_n_critical (GantryScheduler *self)
{
  g_return_val_if_fail (GANTRY_IS_SCHEDULER (self), 0);
  return self->n_critical;
}

guint
gantry_scheduler_get_n_visited (GantryScheduler *self)
{
  g_return_val_if_fail (GANTRY_IS_SCHEDULER (self), 0);
  return self->last_n_visited;
}

GPtrArray *
gantry_schedule_project (GantryProject *project)
{
  g_autoptr (GantryScheduler) s = NULL;
  GPtrArray *out;
  guint k;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), NULL);
  s = gantry_scheduler_new (project);
  gantry_scheduler_run (s);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) gantry_problem_free);
  for (k = 0; k < s->problems->len; k++)
    {
      GantryProblem *src = g_ptr_array_index (s->problems, k);
      GantryProblem *pb = g_new0 (GantryProblem, 1);
      pb->kind = src->kind;
      pb->message = g_strdup (src->message);
      pb->tasks = g_ptr_array_ref (src->tasks);
      g_ptr_array_add (out, pb);
    }
  return out;
}

/* Computes the schedule without writing into the model: fills out[i] for
 * every task in gantry_project_get_all_tasks() order. */
void
gantry_scheduler_compute (GantryScheduler *self, GArray *out)
{
  guint i;

  g_return_if_fail (GANTRY_IS_SCHEDULER (self));
  scheduler_full (self, FALSE);
  if (out == NULL)
    return;
  g_array_set_size (out, self->plan->n - 1);
  for (i = 1; i < self->plan->n; i++)
    g_array_index (out, GantryTaskSchedule, i - 1) = self->plan->outs[i];
}


void
gantry_scheduler_compile (GantryScheduler *self)
{
  g_return_if_fail (GANTRY_IS_SCHEDULER (self));
  g_clear_pointer (&self->plan, plan_free);
  self->plan = plan_build (self->project, self->cache);
}

void
gantry_scheduler_recompute (GantryScheduler *self)
{
  g_return_if_fail (GANTRY_IS_SCHEDULER (self));
  if (self->plan == NULL)
    gantry_scheduler_compile (self);
  self->last_n_visited = plan_run (self->plan, TRUE);
  plan_finish (self->plan);
  collect_problems (self);
}

void
gantry_scheduler_write (GantryScheduler *self)
{
  g_return_if_fail (GANTRY_IS_SCHEDULER (self));
  if (self->plan != NULL)
    plan_write (self->plan, self->project);
}

gboolean
gantry_scheduler_peek_result (GantryScheduler    *self,
                              GantryTask         *task,
                              GantryTaskSchedule *out)
{
  int i;

  g_return_val_if_fail (GANTRY_IS_SCHEDULER (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  if (self->plan == NULL || (i = plan_lookup (self->plan, task)) < 0)
    return FALSE;
  *out = self->plan->outs[i];
  return TRUE;
}

/* ---- work contours --------------------------------------------------------- */

/* The share of the assignment's units worked in each tenth of its
 * duration, in percent (Microsoft's Work Contour field: the duration is
 * divided into 10 segments).  Back Loaded is Microsoft's documented
 * example; Early Peak spreads 40 h of work over 10 days (80 h), as in
 * Microsoft Project; Turtle stretches 40 h to 57.14 h (corpus
 * mspdiresource.xml, task 3). */
static const guint8 contour_table[9][10] = {
  /* 0 Flat         */ { 100, 100, 100, 100, 100, 100, 100, 100, 100, 100 },
  /* 1 Back Loaded  */ {  10,  15,  25,  50,  50,  75,  75, 100, 100, 100 },
  /* 2 Front Loaded */ { 100, 100, 100,  75,  75,  50,  50,  25,  15,  10 },
  /* 3 Double Peak  */ {  25,  50, 100,  50,  25,  25,  50, 100,  50,  25 },
  /* 4 Early Peak   */ {  25,  50, 100, 100,  75,  50,  50,  25,  15,  10 },
  /* 5 Late Peak    */ {  10,  15,  25,  50,  50,  75, 100, 100,  50,  25 },
  /* 6 Bell         */ {  10,  20,  40,  80, 100, 100,  80,  40,  20,  10 },
  /* 7 Turtle       */ {  25,  50,  75, 100, 100, 100, 100,  75,  50,  25 },
  /* 8 Contoured: edited by hand in MS Project; its timephased data is
   * not modelled, so it is spread flat */
                       { 100, 100, 100, 100, 100, 100, 100, 100, 100, 100 },
};

guint
gantry_work_contour_percent (int contour, guint segment)
{
  g_return_val_if_fail (segment < 10, 100);

  if (contour < 0 || contour > 8)
    contour = 0;
  return contour_table[contour][segment];
}

double
gantry_work_contour_average (int contour)
{
  guint k, sum = 0;

  if (contour <= 0 || contour > 8)
    return 1.0;
  for (k = 0; k < 10; k++)
    sum += contour_table[contour][k];
  return sum / 1000.0;
}
