/* gantry-resource-engine.h — costs, over-allocation and resource levelling
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The resource side of the engine (reference §1.6, §1.7, §2.9):
 *  - assignment costs from the resource's rates (cost rate tables A–E),
 *    regular and overtime work and cost per use; totals per resource;
 *  - over-allocation: a sweep over each work resource's assignment
 *    intervals finds where the summed units exceed its max units, kept to
 *    the resource's working time;
 *  - levelling: delays tasks (their "leveling-delay") so that no work
 *    resource is over-allocated, in priority, slack, ID order.
 */
#pragma once

#include <gio/gio.h>
#include "gantry-core.h"
#include "gantry-workcal.h"

G_BEGIN_DECLS

/* One over-allocated period of one resource. */
typedef struct
{
  GantryResource *resource;     /* borrowed */
  GantryTime      start;        /* first working instant of the period */
  GantryTime      finish;       /* end of the period */
  double          units;        /* the highest summed units in it */
} GantryOverallocation;

/* The cost of one assignment in currency units: regular work at the
 * standard rate and overtime work at the overtime rate of the
 * assignment's cost rate table, plus the cost per use; material:
 * units × rate + cost per use; cost resources: the cost entered on the
 * assignment. */
double   gantry_assignment_compute_cost     (GantryAssignment *assignment);
/* The overtime part of that cost. */
double   gantry_assignment_compute_overtime_cost (GantryAssignment *assignment);

/* Over-allocated periods of every work resource (GantryOverallocation),
 * ordered by resource position then start.  Uses the assignment dates the
 * scheduler wrote (the task's where none). */
GArray  *gantry_resources_find_overallocations (GantryProject *project);

/* Computes assignment costs and, per resource, work, cost, peak units and
 * the over-allocated flag, and writes them into the model (engine batch
 * writes, not undoable).  Returns the over-allocations (transfer full),
 * as gantry_resources_find_overallocations(). */
GArray  *gantry_resources_update            (GantryProject *project);

typedef struct
{
  GantryTime from;              /* GANTRY_TIME_NONE: from the beginning */
  GantryTime to;                /* GANTRY_TIME_NONE: to the end */
  gboolean   within_slack;      /* never move a task past its late finish */
} GantryLevelOptions;

typedef void (*GantryLevelProgress) (double fraction, gpointer user_data);

/* Levels the plan: delays tasks (as one undoable step labelled "Level
 * Resources") so that no work resource exceeds its max units.  Tasks that
 * compete are served by priority (higher first), then total slack (less
 * first), then ID.  Manual, started, summary, priority-1000 tasks and
 * tasks with a must-start/finish-on or a not-later-than constraint are
 * never moved.  options may be NULL (whole project, no slack limit).
 * Returns FALSE with G_IO_ERROR_CANCELLED when cancelled (the plan is
 * left as it was).  Deterministic. */
gboolean gantry_resources_level             (GantryProject            *project,
                                             const GantryLevelOptions *options,
                                             GantryLevelProgress       progress,
                                             gpointer                  user_data,
                                             GCancellable             *cancellable,
                                             GError                  **error);
/* Sets every task's levelling delay back to 0, as one undoable step.
 * Returns the number of tasks changed. */
guint    gantry_resources_clear_leveling    (GantryProject *project);

/* Levels on a worker thread, so a window stays responsive: the plan is
 * copied (gantry_resources_level_input_copy, on the calling thread), the
 * copy is levelled in a thread, and gantry_resources_level_finish writes
 * the new levelling delays into project as one undoable step "Level
 * Resources" and reschedules it.  progress is called on the calling
 * thread's main context with fractions that only grow, ending with 1.0 in
 * _finish on success.  Cancelling (cancellable), or any change of the plan
 * while the worker runs, leaves the plan and its undo stack exactly as
 * they were: _finish returns FALSE with G_IO_ERROR_CANCELLED then.
 * progress_data must stay valid until callback has run. */
void     gantry_resources_level_async       (GantryProject            *project,
                                             const GantryLevelOptions *options,
                                             GantryLevelProgress       progress,
                                             gpointer                  progress_data,
                                             GCancellable             *cancellable,
                                             GAsyncReadyCallback       callback,
                                             gpointer                  user_data);
gboolean gantry_resources_level_finish      (GantryProject            *project,
                                             GAsyncResult             *result,
                                             GError                  **error);
/* A new plan with what scheduling and levelling read from project:
 * calendars, the project's settings, tasks (outline, every read-write
 * property, computed dates), links, resources and assignments, with the
 * same UIDs; no history, extras or baselines. */
GantryProject *gantry_resources_level_input_copy (GantryProject *project);

/* The timephased shape of one assignment's work, as the scheduler plans
 * it.  The assignment works on its task's calendar intersected with its
 * resource's (the task's alone when the task ignores resource calendars;
 * the resource's, or the project's, when the task has none); on no
 * calendar (around the clock) when the task's duration is elapsed.  A
 * work contour (1 Back Loaded .. 7 Turtle) splits the working time
 * between the assignment's start and finish into 10 equal segments, each
 * worked at units x gantry_work_contour_percent() / 100; Flat and
 * Contoured (8) are one segment at the assignment's units.  The work of
 * a segment is its working time x its rate, with the rates scaled so
 * that the segments add up to the assignment's work exactly. */
typedef struct
{
  GantryWorkCal *cal;           /* borrowed from the cache; NULL: around the clock */
  guint          n;             /* segments: 1 or 10 */
  GantryTime     bound[11];     /* segment k is [bound[k], bound[k + 1]) */
  double         units[10];     /* units worked in segment k */
  double         rate[10];      /* work per working ms in segment k */
  double         done[11];      /* work before bound[k] */
} GantryWorkShape;

/* The calendar assignment works on (see GantryWorkShape), or NULL for an
 * elapsed-duration task.  cache NULL: the project's own cache. */
GantryWorkCal *gantry_assignment_get_work_calendar (GantryAssignment   *assignment,
                                                    GantryWorkCalCache *cache);
/* Fills shape for assignment from its start and finish (its task's when
 * it has none).  Returns FALSE when it has no work, no units or no dates
 * to spread them over.  cache NULL: the project's own cache. */
gboolean gantry_assignment_get_work_shape   (GantryAssignment   *assignment,
                                             GantryWorkCalCache *cache,
                                             GantryWorkShape    *shape);
/* Work of the shape done before t (0 before its start, all of it after
 * its finish), in ms, unrounded. */
double   gantry_work_shape_work_before      (const GantryWorkShape *shape,
                                             GantryTime             t);
/* Work of assignment in [t0, t1), in ms: the difference of the rounded
 * work before t1 and before t0, so that consecutive periods add up to
 * the assignment's work. */
GantryDuration gantry_assignment_work_between (GantryAssignment *assignment,
                                               GantryTime        t0,
                                               GantryTime        t1);

G_END_DECLS
