/* gantry-scheduler.h — schedules a GantryProject the way MS Project does
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gantry-core.h"

G_BEGIN_DECLS

typedef enum
{
  GANTRY_PROBLEM_CYCLE,          /* tasks form a dependency cycle */
  GANTRY_PROBLEM_CONFLICT,       /* a constraint or deadline cannot be met */
  GANTRY_PROBLEM_NO_WORKING_TIME,/* a calendar has no working time ahead */
  GANTRY_PROBLEM_OVERALLOCATION, /* reserved for the resource layer */
} GantryProblemKind;

typedef struct
{
  GantryProblemKind kind;
  char             *message;     /* translated, names the task(s) */
  GPtrArray        *tasks;       /* GantryTask*, the tasks involved (ref'd) */
} GantryProblem;

void gantry_problem_free (GantryProblem *p);

#define GANTRY_TYPE_SCHEDULER (gantry_scheduler_get_type ())
G_DECLARE_FINAL_TYPE (GantryScheduler, gantry_scheduler, GANTRY, SCHEDULER, GObject)

/* A scheduler bound to a project.  When auto is TRUE it listens to the
 * project's "changed" signal and reschedules (incrementally where that
 * equals a full pass).  Emits "scheduled" after each pass. */
GantryScheduler *gantry_scheduler_new          (GantryProject *project);
void             gantry_scheduler_set_auto     (GantryScheduler *self, gboolean auto_schedule);
/* A full pass: writes start/finish, early/late dates, slack, critical,
 * summary roll-up and costs into the model, in one batch. */
void             gantry_scheduler_run          (GantryScheduler *self);
/* Problems found by the last pass (GantryProblem*, owned by scheduler). */
GPtrArray       *gantry_scheduler_get_problems (GantryScheduler *self);
guint            gantry_scheduler_get_n_critical (GantryScheduler *self);

/* One-shot convenience for the CLI and tests. */
GPtrArray       *gantry_schedule_project       (GantryProject *project); /* problems, transfer full */

/* Reschedules after an edit of the given tasks' fields only: follows
 * what the change reaches and gives exactly the result of a full pass
 * (it falls back to one when the edit changes the graph, and returns
 * FALSE then).  The "changed" handler uses it; exposed for tests and
 * benchmarks. */
gboolean         gantry_scheduler_run_incremental (GantryScheduler *self, GPtrArray *tasks);
/* Nodes the last pass visited (a full pass visits two per task). */
guint            gantry_scheduler_get_n_visited (GantryScheduler *self);
/* A full pass that does not write into the model: out (of
 * GantryTaskSchedule) gets one entry per task of
 * gantry_project_get_all_tasks(), in that order. */
void             gantry_scheduler_compute       (GantryScheduler *self, GArray *out);

/* The three steps of gantry_scheduler_run(), for callers that want the
 * results without touching the model, and for benchmarks:
 * compile reads the project into flat arrays (task graph, compiled
 * calendars); recompute is a full pass over those arrays only (a pure
 * function: no GObject is read or written); write stores the results
 * that changed into the tasks and assignments, in one batch. */
void             gantry_scheduler_compile       (GantryScheduler *self);
void             gantry_scheduler_recompute     (GantryScheduler *self);
void             gantry_scheduler_write         (GantryScheduler *self);
/* The last computed result for task (FALSE when unknown). */
gboolean         gantry_scheduler_peek_result   (GantryScheduler    *self,
                                                 GantryTask         *task,
                                                 GantryTaskSchedule *out);

/* Work contours (assignment WorkContour 0 Flat .. 8 Contoured): the
 * percentage of the assignment's units worked in each of the 10 equal
 * segments of its duration, and their average as a fraction (1.0 for
 * Flat; 0.7 for Turtle).  A contoured assignment of a task whose dates
 * its resources drive lasts work / (units x average).  Out-of-range
 * contours count as Flat. */
guint            gantry_work_contour_percent    (int contour, guint segment);
double           gantry_work_contour_average    (int contour);

/* Does the assignment drive its task's dates: a work resource with units
 * and work?  (Material and cost resources, and 0 units or 0 work, do not.) */
gboolean         gantry_assignment_drives_schedule (GantryAssignment *assignment);
/* The calendars the assignment's work follows, as MS Project picks them:
 * the task calendar alone when the task ignores resource calendars, else
 * the intersection of the task calendar and the resource's (the
 * project's when the resource has none), or the resource's alone when
 * the task has none.  *second is set only for an intersection (else
 * NULL); *first may be NULL when no calendar applies.  task_calendar and
 * ignore_resource_calendar are the task's (passed in so the scheduler can
 * use what it read in bulk). */
void             gantry_assignment_pick_calendars (GantryAssignment *assignment,
                                                   GantryProject    *project,
                                                   GantryCalendar   *task_calendar,
                                                   gboolean          ignore_resource_calendar,
                                                   GantryCalendar  **first,
                                                   GantryCalendar  **second);

G_END_DECLS
