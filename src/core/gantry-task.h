/* gantry-task.h — a task of the outline
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gantry-types.h"
#include "gantry-extras.h"
#include "gantry-calendar.h"

G_BEGIN_DECLS

#define GANTRY_N_BASELINES 11   /* Baseline, Baseline1 .. Baseline10 */

/* One saved baseline of a task (MSPDI Task/Baseline). */
typedef struct
{
  gboolean             set;        /* FALSE: this baseline is empty */
  gboolean             interim;
  GantryTime           start;
  GantryTime           finish;
  GantryDuration       duration;
  GantryDurationFormat duration_format;
  gboolean             estimated;
  GantryDuration       work;
  double               cost;        /* currency units (not cents) */
  double               bcws;
  double               bcwp;
  double               fixed_cost;
} GantryBaseline;

typedef struct _GantryProject GantryProject;
typedef struct _GantryLink GantryLink;
typedef struct _GantryAssignment GantryAssignment;

#define GANTRY_TYPE_TASK (gantry_task_get_type ())
G_DECLARE_FINAL_TYPE (GantryTask, gantry_task, GANTRY, TASK, GObject)

/*
 * GantryTask implements GListModel over its children (GantryTask items),
 * so GtkTreeListModel can expand it.
 *
 * Input properties (edited by users, undoable through commands):
 *   "name" string, "notes" string,
 *   "duration" int64 (ms), "duration-format" int (GantryDurationFormat),
 *   "start" int64, "finish" int64 (GantryTime; for manual tasks these are
 *       the user's dates, for automatic ones the scheduled dates),
 *   "constraint-type" int (GantryConstraintType), "constraint-date" int64,
 *   "deadline" int64, "task-type" int (GantryTaskType),
 *   "effort-driven" bool, "milestone" bool, "manual" bool, "active" bool,
 *   "percent-complete" int 0..100, "percent-work-complete" int 0..100,
 *   "actual-start" int64, "actual-finish" int64,
 *   "actual-duration" int64, "remaining-duration" int64,
 *   "priority" int 0..1000 (default 500),
 *   "calendar" GantryCalendar* (NULL = none),
 *   "ignore-resource-calendar" bool,
 *   "work" int64 (ms of work; rolled up from assignments when it has some),
 *   "fixed-cost" double (currency units), "fixed-cost-accrual" int,
 *   "leveling-delay" int64 (ms, elapsed), "leveling-delay-format" int,
 *   "wbs" string (NULL = outline number), "is-null" bool (blank MSPDI row),
 *   "hide-bar" bool, "rollup" bool.
 * Identity: "uid" int (stable), "id" int (row number).
 * Computed by the engine (not undoable; the engine writes them in a batch):
 *   "early-start", "early-finish", "late-start", "late-finish" int64,
 *   "total-slack", "free-slack", "start-slack", "finish-slack" int64 (ms of
 *   working time, may be negative), "critical" bool,
 *   "cost", "actual-cost" double, "actual-work" int64.
 * Derived: "summary" bool (has children), "outline-level" int (top = 1),
 *   "parent" GantryTask* (NULL for the project's root task).
 */
GantryTask     *gantry_task_new                (int uid, const char *name);

int             gantry_task_get_uid            (GantryTask *self);
void            gantry_task_set_uid            (GantryTask *self, int uid);
int             gantry_task_get_id             (GantryTask *self);
void            gantry_task_set_id             (GantryTask *self, int id);
const char     *gantry_task_get_name           (GantryTask *self);
void            gantry_task_set_name           (GantryTask *self, const char *name);
const char     *gantry_task_get_notes          (GantryTask *self);
void            gantry_task_set_notes          (GantryTask *self, const char *notes);
const char     *gantry_task_get_wbs            (GantryTask *self);
void            gantry_task_set_wbs            (GantryTask *self, const char *wbs);

GantryDuration  gantry_task_get_duration       (GantryTask *self);
void            gantry_task_set_duration       (GantryTask *self, GantryDuration d);
GantryDurationFormat gantry_task_get_duration_format (GantryTask *self);
void            gantry_task_set_duration_format (GantryTask *self, GantryDurationFormat f);
GantryTime      gantry_task_get_start          (GantryTask *self);
void            gantry_task_set_start          (GantryTask *self, GantryTime t);
GantryTime      gantry_task_get_finish         (GantryTask *self);
void            gantry_task_set_finish         (GantryTask *self, GantryTime t);

GantryConstraintType gantry_task_get_constraint_type (GantryTask *self);
void            gantry_task_set_constraint_type (GantryTask *self, GantryConstraintType t);
GantryTime      gantry_task_get_constraint_date (GantryTask *self);
void            gantry_task_set_constraint_date (GantryTask *self, GantryTime t);
GantryTime      gantry_task_get_deadline       (GantryTask *self);
void            gantry_task_set_deadline       (GantryTask *self, GantryTime t);
GantryTaskType  gantry_task_get_task_type      (GantryTask *self);
void            gantry_task_set_task_type      (GantryTask *self, GantryTaskType t);
gboolean        gantry_task_get_effort_driven  (GantryTask *self);
void            gantry_task_set_effort_driven  (GantryTask *self, gboolean v);
gboolean        gantry_task_get_milestone      (GantryTask *self);
void            gantry_task_set_milestone      (GantryTask *self, gboolean v);
gboolean        gantry_task_get_manual         (GantryTask *self);
void            gantry_task_set_manual         (GantryTask *self, gboolean v);
gboolean        gantry_task_get_active         (GantryTask *self);
void            gantry_task_set_active         (GantryTask *self, gboolean v);
gboolean        gantry_task_get_is_null        (GantryTask *self);
void            gantry_task_set_is_null        (GantryTask *self, gboolean v);
int             gantry_task_get_percent_complete (GantryTask *self);
void            gantry_task_set_percent_complete (GantryTask *self, int pc);
int             gantry_task_get_percent_work_complete (GantryTask *self);
void            gantry_task_set_percent_work_complete (GantryTask *self, int pc);
GantryTime      gantry_task_get_actual_start   (GantryTask *self);
void            gantry_task_set_actual_start   (GantryTask *self, GantryTime t);
GantryTime      gantry_task_get_actual_finish  (GantryTask *self);
void            gantry_task_set_actual_finish  (GantryTask *self, GantryTime t);
GantryDuration  gantry_task_get_actual_duration (GantryTask *self);
void            gantry_task_set_actual_duration (GantryTask *self, GantryDuration d);
GantryDuration  gantry_task_get_remaining_duration (GantryTask *self);
void            gantry_task_set_remaining_duration (GantryTask *self, GantryDuration d);
int             gantry_task_get_priority       (GantryTask *self);
void            gantry_task_set_priority       (GantryTask *self, int priority);
GantryCalendar *gantry_task_get_calendar       (GantryTask *self);
void            gantry_task_set_calendar       (GantryTask *self, GantryCalendar *cal);
gboolean        gantry_task_get_ignore_resource_calendar (GantryTask *self);
void            gantry_task_set_ignore_resource_calendar (GantryTask *self, gboolean v);
GantryDuration  gantry_task_get_work           (GantryTask *self);
void            gantry_task_set_work           (GantryTask *self, GantryDuration work);
double          gantry_task_get_fixed_cost     (GantryTask *self);
void            gantry_task_set_fixed_cost     (GantryTask *self, double cost);
GantryAccrual   gantry_task_get_fixed_cost_accrual (GantryTask *self);
void            gantry_task_set_fixed_cost_accrual (GantryTask *self, GantryAccrual a);
GantryDuration  gantry_task_get_leveling_delay (GantryTask *self);
void            gantry_task_set_leveling_delay (GantryTask *self, GantryDuration d);
GantryDurationFormat gantry_task_get_leveling_delay_format (GantryTask *self);
void            gantry_task_set_leveling_delay_format (GantryTask *self, GantryDurationFormat f);
gboolean        gantry_task_get_hide_bar       (GantryTask *self);
void            gantry_task_set_hide_bar       (GantryTask *self, gboolean v);
gboolean        gantry_task_get_rollup         (GantryTask *self);
void            gantry_task_set_rollup         (GantryTask *self, gboolean v);

/* Computed values (engine). */
GantryTime      gantry_task_get_early_start    (GantryTask *self);
GantryTime      gantry_task_get_early_finish   (GantryTask *self);
GantryTime      gantry_task_get_late_start     (GantryTask *self);
GantryTime      gantry_task_get_late_finish    (GantryTask *self);
GantryDuration  gantry_task_get_total_slack    (GantryTask *self);
GantryDuration  gantry_task_get_free_slack     (GantryTask *self);
GantryDuration  gantry_task_get_start_slack    (GantryTask *self);
GantryDuration  gantry_task_get_finish_slack   (GantryTask *self);
gboolean        gantry_task_get_critical       (GantryTask *self);
double          gantry_task_get_cost           (GantryTask *self);
double          gantry_task_get_actual_cost    (GantryTask *self);
GantryDuration  gantry_task_get_actual_work    (GantryTask *self);

/* The engine's batch write: sets the computed fields and start/finish (and
 * duration/work for summaries and resource-driven tasks) in one go, with
 * notifications only for values that changed.  Fields given as
 * GANTRY_TIME_NONE stay as they are only where noted in the engine. */
typedef struct
{
  GantryTime     start, finish;
  GantryDuration duration;           /* working ms */
  GantryDuration work;
  GantryTime     early_start, early_finish, late_start, late_finish;
  GantryDuration total_slack, free_slack, start_slack, finish_slack;
  gboolean       critical;
  double         cost, actual_cost;
  GantryDuration actual_work;
} GantryTaskSchedule;
void            gantry_task_set_schedule       (GantryTask *self, const GantryTaskSchedule *s);
void            gantry_task_get_schedule       (GantryTask *self, GantryTaskSchedule *s);

/* Baselines (n = 0 .. 10).  Returns NULL when baseline n is not set. */
const GantryBaseline *gantry_task_get_baseline (GantryTask *self, guint n);
void            gantry_task_set_baseline       (GantryTask *self, guint n,
                                                const GantryBaseline *b /* NULL clears */);

/* Outline. */
GantryTask     *gantry_task_get_parent         (GantryTask *self);
guint           gantry_task_get_n_children     (GantryTask *self);
GantryTask     *gantry_task_get_child          (GantryTask *self, guint i);   /* borrowed */
/* Index within its parent, or -1 for the root. */
int             gantry_task_get_position       (GantryTask *self);
gboolean        gantry_task_get_summary        (GantryTask *self);
int             gantry_task_get_outline_level  (GantryTask *self);             /* root 0 */
gboolean        gantry_task_is_ancestor_of     (GantryTask *self, GantryTask *other);
/* "1.2.3" */
char           *gantry_task_dup_outline_number (GantryTask *self);
GantryProject  *gantry_task_get_project        (GantryTask *self);             /* may be NULL */

/* Links where this task is the successor / the predecessor, and its
 * assignments (arrays are owned by the task; do not modify). */
GPtrArray      *gantry_task_get_predecessors   (GantryTask *self);   /* of GantryLink */
GPtrArray      *gantry_task_get_successors     (GantryTask *self);   /* of GantryLink */
GPtrArray      *gantry_task_get_assignments    (GantryTask *self);   /* of GantryAssignment */

GantryExtras   *gantry_task_get_extras         (GantryTask *self);

G_END_DECLS
