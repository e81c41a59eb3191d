/* gantry-report-data.h — what the stakeholder status report says (pure data)
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read from the model's stored and computed fields (the report does not
 * schedule).  Only "work" tasks count: tasks that are not summaries, are
 * active and are not blank rows.  A task is complete when its % complete
 * is 100 or it has an actual finish.  The result is a snapshot: it keeps
 * no pointer into the project.
 *
 * The rules, as the report states them:
 *  - % complete by duration = sum (duration x % complete) / sum (duration);
 *    by work = sum (actual work) / sum (work), where a task's actual work
 *    is its "actual-work" or, when that is 0, work x % work complete.
 *  - Milestones: completed; late = not complete and (forecast finish before
 *    the status date, or after the baseline finish, or after the deadline);
 *    upcoming = not complete, not late, forecast finish within
 *    [status date, status date + upcoming days).
 *  - Late tasks: not complete and finish before the status date ("should
 *    have finished"), or 0 % complete and start before the status date
 *    ("should have started").
 *  - Slipping tasks: not complete, with a baseline, forecast finish after
 *    the baseline finish; largest slip first.
 *  - Critical tasks ahead: critical, not complete; by start.
 *  - This week and next: the week holding the status date starts on the
 *    project's week-start-day at 00:00; tasks not complete that start or
 *    finish within the two weeks.
 *  - Schedule health: late when the forecast finish is after the baseline
 *    finish by more than 10 % of the baseline span; at risk when it is
 *    after it at all, or when a task or milestone is late; else on track.
 *  - Work burndown (hours of work remaining over time, sampled daily,
 *    weekly or coarser so there are at most ~60 samples, plus the status
 *    date): a task's actual work is spread evenly over the part of its span
 *    its % complete covers (up to the status date); its remaining work
 *    evenly from there (or from the status date, if later) to its finish;
 *    baseline work evenly over the baseline span.
 *  - Cost health: not assessed without a cost baseline; over budget (LATE)
 *    when the forecast cost exceeds the baseline by more than 10 %; at
 *    risk when it exceeds it at all, or when the actual cost exceeds the
 *    baseline cost earned so far (baseline x % complete by duration) by
 *    more than 10 %; else on track.
 */
#pragma once

#include "gantry-core.h"

G_BEGIN_DECLS

typedef enum
{
  GANTRY_HEALTH_NONE = 0,    /* not assessed (no baseline) */
  GANTRY_HEALTH_ON_TRACK,
  GANTRY_HEALTH_AT_RISK,
  GANTRY_HEALTH_LATE,        /* for cost: over budget */
} GantryHealth;

/* Why a task is listed (bit flags). */
typedef enum
{
  GANTRY_REPORT_NOT_STARTED  = 1 << 0,  /* late: should have started */
  GANTRY_REPORT_NOT_FINISHED = 1 << 1,  /* late: should have finished */
  GANTRY_REPORT_PAST_BASELINE = 1 << 2, /* finish after baseline finish */
  GANTRY_REPORT_PAST_DEADLINE = 1 << 3, /* finish after the deadline */
  GANTRY_REPORT_STARTS_THIS_WEEK = 1 << 4,
  GANTRY_REPORT_DUE_THIS_WEEK    = 1 << 5,
  GANTRY_REPORT_STARTS_NEXT_WEEK = 1 << 6,
  GANTRY_REPORT_DUE_NEXT_WEEK    = 1 << 7,
} GantryReportFlags;

typedef struct
{
  int            uid;
  int            id;
  char          *name;
  GantryTime     start;             /* forecast (current) dates */
  GantryTime     finish;
  GantryTime     baseline_start;    /* NONE without a baseline */
  GantryTime     baseline_finish;
  GantryTime     deadline;          /* NONE when unset */
  int            percent_complete;
  GantryDuration total_slack;       /* ms of working time */
  GantryDuration duration;
  char          *resources;         /* "Ann, Bob" (may be "") */
  guint          flags;             /* GantryReportFlags */
} GantryReportTaskRow;

typedef struct
{
  int            uid;
  char          *name;
  double         peak_units;        /* fractions, 1.0 = 100 % */
  double         max_units;
  GantryDuration work;
} GantryReportResourceRow;

typedef struct
{
  char   *name;
  double  baseline;                 /* currency units */
  double  actual;
  double  forecast;                 /* current total cost */
} GantryReportCostRow;

/* The risk register's top risks (risks that are not closed, highest score
 * first; see fill_risks in the .c).  Empty register: the renderer hides
 * the section. */
typedef struct
{
  char   *title;
  char   *owner;
  double  probability;              /* 0..1 */
  double  impact;                   /* 1..5 */
  char   *response;
} GantryReportRisk;

typedef struct
{
  GantryTime     t;
  GantryDuration work;              /* ms of work remaining at t */
} GantryReportPoint;

typedef struct _GantryReportData GantryReportData;
struct _GantryReportData
{
  /*< public, read-only >*/
  char          *project_name;
  char          *manager;
  char          *narrative;
  char          *currency_symbol;
  GantryTime     status_date;
  GantryTime     start;              /* forecast span of the work tasks */
  GantryTime     finish;
  GantryTime     baseline_start;     /* NONE when no task has a baseline */
  GantryTime     baseline_finish;
  int            upcoming_days;
  int            week_start_day;     /* 0 = Sunday */
  GantryTime     this_week;          /* start of the status date's week */
  int            minutes_per_day;    /* the project's, for slack in days */

  guint          n_tasks;            /* work tasks */
  guint          n_complete;
  guint          n_milestones;

  GantryHealth   schedule_health;
  char          *schedule_rule;      /* translated sentence: why */
  GantryHealth   cost_health;
  char          *cost_rule;

  double         percent_complete_duration;   /* 0..100 */
  double         percent_complete_work;       /* 0..100; -1 without work */

  /* GantryReportTaskRow* lists, complete (the renderer truncates). */
  GPtrArray     *milestones_completed;  /* most recent first */
  GPtrArray     *milestones_upcoming;   /* by forecast finish */
  GPtrArray     *milestones_late;       /* by forecast finish */
  GPtrArray     *late_tasks;            /* by finish */
  GPtrArray     *slipping_tasks;        /* largest slip first */
  GPtrArray     *critical_tasks;        /* by start */
  GPtrArray     *week_tasks;            /* by start */

  /* Work burndown (GantryReportPoint).  actual: up to the status date;
   * remaining: from the status date; baseline: over the baseline span. */
  GArray        *burndown_actual;
  GArray        *burndown_remaining;
  GArray        *burndown_baseline;
  GantryDuration total_work;
  GantryDuration actual_work;
  GantryDuration baseline_work;

  double         cost_baseline;
  double         cost_actual;
  double         cost_remaining;     /* forecast - actual */
  double         cost_forecast;      /* current total cost */
  double         cost_variance;      /* forecast - baseline (> 0 = over) */
  GPtrArray     *cost_rows;          /* GantryReportCostRow*: top-level
                                        tasks by forecast cost, at most 8
                                        (the rest summed as "Other") */

  GPtrArray     *overallocated;      /* GantryReportResourceRow*, worst first */
  GPtrArray     *risks;              /* GantryReportRisk*, top first */

  /*< private >*/
  gint           ref_count;
};

/* upcoming_days 0 = 28.  status_date NONE = the project's status date,
 * else its "current-date", else today at the default finish time.
 * narrative NULL = the project's. */
GantryReportData *gantry_report_data_new   (GantryProject *project,
                                            GantryTime     status_date,
                                            int            upcoming_days,
                                            const char    *narrative);
GantryReportData *gantry_report_data_ref   (GantryReportData *data);
void              gantry_report_data_unref (GantryReportData *data);

/* Translated labels: "On track", "At risk", "Late" / "Over budget",
 * "Not assessed". */
const char       *gantry_health_to_string  (GantryHealth health, gboolean for_cost);

/* The name to print: the project's "title", else its "name", else
 * "Untitled plan". */
char             *gantry_report_dup_project_title (GantryProject *project);

/* A date as the printed report shows it ("2 Mar 2026", translatable
 * format); "—" for GANTRY_TIME_NONE or out of range. */
char             *gantry_report_format_date (GantryTime t);

/* Today's date as a GantryTime (floating local), at 00:00. */
GantryTime        gantry_report_today      (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GantryReportData, gantry_report_data_unref)

G_END_DECLS
