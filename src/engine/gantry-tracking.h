/* gantry-tracking.h — baselines, progress, variance and earned value
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Earned value follows MS Project's definitions ("% Complete" earned value
 * method), evaluated at the status date:
 *
 *   BAC   baseline cost (budget at completion)
 *   BCWS  (PV) the baseline cost scheduled up to the status date: the
 *         baseline's cost spread evenly over the working time between
 *         baseline start and baseline finish (task calendar, else the
 *         project's); a fixed cost that accrues at the start counts from
 *         the baseline start, one accruing at the end from the baseline
 *         finish; a zero-length baseline counts whole once reached
 *   BCWP  (EV) BAC × % complete
 *   ACWP  (AC) the task's actual cost
 *   SV = BCWP − BCWS          CV = BCWP − ACWP
 *   SPI = BCWP / BCWS         CPI = BCWP / ACWP       (0 when undefined)
 *   EAC = ACWP + (BAC − BCWP) / CPI  (the current cost when CPI is 0)
 *   VAC = BAC − EAC
 *   TCPI = (BAC − BCWP) / (BAC − ACWP)                 (0 when undefined)
 *
 * A summary task (and the project: root task) sums BAC, BCWS, BCWP, ACWP
 * and the current cost of its leaf tasks and derives the rest from those
 * sums, as MS Project rolls them up.
 *
 * Status date: the project's "status-date"; when unset its "current-date";
 * when both are unset, now.
 *
 * MSPDI: BCWS, BCWP, ACWP, SV, CV, VAC ... stored on tasks by MS Project are
 * calculated fields.  The reader keeps them as the task's extras, so they
 * are written back untouched (they round-trip); Gantry computes its own
 * figures with the functions below for display and the report, and MS
 * Project recalculates its fields when it opens the file.
 */
#pragma once

#include "gantry-core.h"

G_BEGIN_DECLS

typedef struct
{
  double bac;
  double bcws, bcwp, acwp;
  double sv, cv;
  double spi, cpi;
  double eac, vac, tcpi;
} GantryEarnedValue;

/* The status date earned value uses (see above). */
GantryTime      gantry_tracking_get_status_date (GantryProject *project);

/* Earned value of task (a summary or the root task rolls up its leaves)
 * against baseline n (0..10), at status_date (GANTRY_TIME_NONE = the
 * project's status date as above). */
void            gantry_tracking_earned_value   (GantryTask        *task,
                                                guint              baseline_n,
                                                GantryTime         status_date,
                                                GantryEarnedValue *out);
/* BCWS of one task (no roll-up). */
double          gantry_tracking_bcws           (GantryTask *task, guint baseline_n,
                                                GantryTime status_date);

/* Variance of the current schedule against baseline n.  Start and finish
 * variance are working time (task calendar, else the project's) from the
 * baseline date to the current one: positive = later than planned.
 * Returns FALSE (and zeros) when the task has no baseline n. */
typedef struct
{
  GantryDuration start;
  GantryDuration finish;
  GantryDuration duration;
  GantryDuration work;
  double         cost;
} GantryVariance;

gboolean        gantry_tracking_variance       (GantryTask     *task,
                                                guint           baseline_n,
                                                GantryVariance *out);

/* Baseline n as the task is now (start, finish, duration, work, cost,
 * fixed cost). */
void            gantry_tracking_capture_baseline (GantryTask     *task,
                                                  GantryBaseline *out);

/* Sets baseline n (0 = "Baseline", 1..10) from the current schedule for
 * tasks (GantryTask*; NULL = every task and the project summary) as one
 * undo step.  Returns FALSE when nothing changed. */
gboolean        gantry_project_set_baseline_for   (GantryProject *project,
                                                   GPtrArray     *tasks,
                                                   guint          baseline_n);
/* Clears baseline n for tasks (NULL = all, with the project summary),
 * one undo step. */
gboolean        gantry_project_clear_baseline_for (GantryProject *project,
                                                   GPtrArray     *tasks,
                                                   guint          baseline_n);

/* "Update project": work scheduled up to status_date (GANTRY_TIME_NONE =
 * the status date above) is marked complete: a task that finishes by
 * then gets 100 % with actual start and finish; one in progress gets its
 * actual start and the % complete of the working time elapsed (actual
 * and remaining duration follow).  Summary, manual-less blank and
 * inactive tasks are skipped; progress already recorded is never
 * reduced.  One undo step; FALSE when nothing changed. */
gboolean        gantry_project_update_progress    (GantryProject *project,
                                                   GantryTime     status_date);

G_END_DECLS
