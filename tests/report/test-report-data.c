/* test-report-data.c — every section of the report data, on constructed
 * plans, holds exactly the rows worked out by hand
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "report-test-plan.h"

#include <string.h>

/* The status plan (see report-test-plan.c), status date Wed 11 Mar 2026
 * 17:00, weeks from Monday:
 *
 *  uid name      start        finish       dur  %   work  done  baseline finish  notes
 *   1  Phase 1   (summary of 2..6, ignored)
 *   2  Design    2 Mar 08     6 Mar 17     40h 100  40h  40h   6 Mar 17         complete
 *   3  Build     9 Mar 08    20 Mar 17     80h  20  80h  20h  18 Mar 17         critical
 *   4  Test     10 Mar 08    12 Mar 17     24h   0  24h   0   12 Mar 17
 *   5  Review   ms 6 Mar 17                      100             6 Mar 17
 *   6  Beta     ms 20 Mar 17                       0            18 Mar 17      critical
 *   7  Launch   ms 3 Apr 17                        0             3 Apr 17
 *   8  Docs      2 Mar 08    10 Mar 17     56h  50  56h  28h   (none)
 *   9  Party    ms 1 Jun 17                        0            (none)
 *  10  Inactive  (inactive, ignored)
 *  11  Gate     ms 9 Mar 17                        0            (none)
 */

static void
assert_uids (GPtrArray *rows,
             const int *uids,
             guint      n)
{
  if (rows->len != n)
    {
      g_autoptr(GString) s = g_string_new (NULL);

      for (guint i = 0; i < rows->len; i++)
        g_string_append_printf (s, " %d",
                                ((GantryReportTaskRow *) g_ptr_array_index (rows, i))->uid);
      g_test_message ("got uids:%s", s->str);
    }
  g_assert_cmpuint (rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (((GantryReportTaskRow *) g_ptr_array_index (rows, i))->uid, ==, uids[i]);
}

static GantryReportTaskRow *
row (GPtrArray *rows,
     guint      i)
{
  return g_ptr_array_index (rows, i);
}

static void
test_header_and_progress (void)
{
  g_autoptr(GantryProject) p = rtp_status_plan ();
  g_autoptr(GantryReportData) d = gantry_report_data_new (p, GANTRY_TIME_NONE, 0, NULL);

  g_assert_cmpstr (d->project_name, ==, "Apollo Website Relaunch");
  g_assert_cmpstr (d->manager, ==, "Dana Whitfield");
  g_assert_cmpint (d->status_date, ==, T (2026, 3, 11, 17));
  g_assert_nonnull (strstr (d->narrative, "content API arrived late"));
  g_assert_cmpint (d->this_week, ==, T (2026, 3, 9, 0));
  g_assert_cmpint (d->upcoming_days, ==, 28);
  g_assert_cmpint (d->minutes_per_day, ==, 480);

  /* Work tasks: 2 3 4 5 6 7 8 9 11 (not the summary, not the inactive). */
  g_assert_cmpuint (d->n_tasks, ==, 9);
  g_assert_cmpuint (d->n_complete, ==, 2);
  g_assert_cmpuint (d->n_milestones, ==, 5);   /* 5 6 7 9 11 */

  /* (40*100 + 80*20 + 24*0 + 56*50) / (40+80+24+56) = 8400/200 */
  g_assert_cmpfloat_with_epsilon (d->percent_complete_duration, 42.0, 1e-9);
  /* done 40 + 80*25% + 0 + 28 = 88 of 200 h */
  g_assert_cmpfloat_with_epsilon (d->percent_complete_work, 44.0, 1e-9);
  g_assert_cmpint (d->total_work, ==, H (200));
  g_assert_cmpint (d->actual_work, ==, H (88));

  g_assert_cmpint (d->start, ==, T (2026, 3, 2, 8));
  g_assert_cmpint (d->finish, ==, T (2026, 6, 1, 17));
  g_assert_cmpint (d->baseline_start, ==, T (2026, 3, 2, 8));
  g_assert_cmpint (d->baseline_finish, ==, T (2026, 4, 3, 17));
}

static void
test_milestones (void)
{
  g_autoptr(GantryProject) p = rtp_status_plan ();
  g_autoptr(GantryReportData) d = gantry_report_data_new (p, GANTRY_TIME_NONE, 0, NULL);
  const int completed[] = { 5 };
  const int late[] = { 11, 6 };
  const int upcoming[] = { 7 };

  assert_uids (d->milestones_completed, completed, 1);
  assert_uids (d->milestones_late, late, 2);
  assert_uids (d->milestones_upcoming, upcoming, 1);

  g_assert_cmpuint (row (d->milestones_late, 0)->flags, ==, GANTRY_REPORT_NOT_FINISHED);
  g_assert_cmpuint (row (d->milestones_late, 1)->flags, ==, GANTRY_REPORT_PAST_BASELINE);
  g_assert_cmpint (row (d->milestones_late, 1)->baseline_finish, ==, T (2026, 3, 18, 17));
  g_assert_cmpint (row (d->milestones_late, 1)->finish, ==, T (2026, 3, 20, 17));
  g_assert_cmpint (row (d->milestones_upcoming, 0)->baseline_finish, ==, T (2026, 4, 3, 17));

  /* A shorter look-ahead (3 weeks: until 1 Apr 17:00) drops Launch. */
  {
    g_autoptr(GantryReportData) d2 = gantry_report_data_new (p, GANTRY_TIME_NONE, 21, NULL);

    g_assert_cmpuint (d2->milestones_upcoming->len, ==, 0);
  }
  /* A longer one (90 days: until 9 Jun) picks up Party too. */
  {
    g_autoptr(GantryReportData) d3 = gantry_report_data_new (p, GANTRY_TIME_NONE, 90, NULL);
    const int both[] = { 7, 9 };

    assert_uids (d3->milestones_upcoming, both, 2);
  }
}

static void
test_task_lists (void)
{
  g_autoptr(GantryProject) p = rtp_status_plan ();
  g_autoptr(GantryReportData) d = gantry_report_data_new (p, GANTRY_TIME_NONE, 0, NULL);
  const int late[] = { 8, 4 };
  const int slipping[] = { 3 };
  const int critical[] = { 3, 6 };
  const int week[] = { 8, 3, 11, 4, 6 };

  assert_uids (d->late_tasks, late, 2);
  g_assert_cmpuint (row (d->late_tasks, 0)->flags, ==, GANTRY_REPORT_NOT_FINISHED);
  g_assert_cmpuint (row (d->late_tasks, 1)->flags, ==, GANTRY_REPORT_NOT_STARTED);

  assert_uids (d->slipping_tasks, slipping, 1);
  g_assert_cmpint (row (d->slipping_tasks, 0)->finish - row (d->slipping_tasks, 0)->baseline_finish,
                   ==, 2 * GANTRY_MS_DAY);

  assert_uids (d->critical_tasks, critical, 2);
  g_assert_cmpstr (row (d->critical_tasks, 0)->resources, ==, "Ann");
  g_assert_cmpstr (row (d->critical_tasks, 1)->resources, ==, "");

  assert_uids (d->week_tasks, week, 5);
  g_assert_cmpuint (row (d->week_tasks, 0)->flags, ==, GANTRY_REPORT_DUE_THIS_WEEK);
  g_assert_cmpuint (row (d->week_tasks, 1)->flags, ==,
                    GANTRY_REPORT_STARTS_THIS_WEEK | GANTRY_REPORT_DUE_NEXT_WEEK);
  g_assert_cmpuint (row (d->week_tasks, 2)->flags, ==,
                    GANTRY_REPORT_STARTS_THIS_WEEK | GANTRY_REPORT_DUE_THIS_WEEK);
  g_assert_cmpuint (row (d->week_tasks, 3)->flags, ==,
                    GANTRY_REPORT_STARTS_THIS_WEEK | GANTRY_REPORT_DUE_THIS_WEEK);
  g_assert_cmpuint (row (d->week_tasks, 4)->flags, ==,
                    GANTRY_REPORT_STARTS_NEXT_WEEK | GANTRY_REPORT_DUE_NEXT_WEEK);
}

static void
test_status_date_override (void)
{
  g_autoptr(GantryProject) p = rtp_status_plan ();
  /* On Mon 23 Mar 17:00 Build (finish 20 Mar) and Beta are overdue too,
   * Test still is; the upcoming window (to 20 Apr) holds Launch. */
  g_autoptr(GantryReportData) d = gantry_report_data_new (p, T (2026, 3, 23, 17), 0, NULL);
  const int late[] = { 8, 4, 3 };
  const int late_ms[] = { 11, 6 };
  const int week[] = { 7 };

  assert_uids (d->late_tasks, late, 3);
  g_assert_cmpuint (row (d->late_tasks, 2)->flags, ==, GANTRY_REPORT_NOT_FINISHED);
  assert_uids (d->milestones_late, late_ms, 2);
  g_assert_cmpuint (row (d->milestones_late, 1)->flags, ==,
                    GANTRY_REPORT_PAST_BASELINE | GANTRY_REPORT_NOT_FINISHED);
  /* Weeks of 23 and 30 Mar: only Launch (3 Apr) falls in them. */
  assert_uids (d->week_tasks, week, 1);
  g_assert_cmpuint (row (d->week_tasks, 0)->flags, ==,
                    GANTRY_REPORT_STARTS_NEXT_WEEK | GANTRY_REPORT_DUE_NEXT_WEEK);
  g_assert_cmpint (d->this_week, ==, T (2026, 3, 23, 0));
}

static void
test_cost_and_health (void)
{
  g_autoptr(GantryProject) p = rtp_status_plan ();
  g_autoptr(GantryReportData) d = gantry_report_data_new (p, GANTRY_TIME_NONE, 0, NULL);
  GantryReportCostRow *c;

  g_assert_cmpfloat_with_epsilon (d->cost_baseline, 13400, 1e-6);
  g_assert_cmpfloat_with_epsilon (d->cost_forecast, 14400, 1e-6);
  g_assert_cmpfloat_with_epsilon (d->cost_actual, 5600, 1e-6);
  g_assert_cmpfloat_with_epsilon (d->cost_remaining, 8800, 1e-6);
  g_assert_cmpfloat_with_epsilon (d->cost_variance, 1000, 1e-6);

  /* Top-level rows: Phase 1 carries every cost; the rest are 0, in
   * outline order (Launch, Docs, Party, Gate; Inactive is no work task). */
  g_assert_cmpuint (d->cost_rows->len, ==, 5);
  c = g_ptr_array_index (d->cost_rows, 0);
  g_assert_cmpstr (c->name, ==, "Phase 1");
  g_assert_cmpfloat_with_epsilon (c->baseline, 13400, 1e-6);
  g_assert_cmpfloat_with_epsilon (c->actual, 5600, 1e-6);
  g_assert_cmpfloat_with_epsilon (c->forecast, 14400, 1e-6);
  c = g_ptr_array_index (d->cost_rows, 1);
  g_assert_cmpstr (c->name, ==, "Launch");
  c = g_ptr_array_index (d->cost_rows, 4);
  g_assert_cmpstr (c->name, ==, "Gate");

  /* 1000 / 13400 = 7.5 % over: at risk.  Forecast finish 1 Jun is 59 days
   * after the baseline finish 3 Apr, far over 10 % of the 32-day span. */
  g_assert_cmpint (d->cost_health, ==, GANTRY_HEALTH_AT_RISK);
  g_assert_cmpint (d->schedule_health, ==, GANTRY_HEALTH_LATE);
  g_assert_nonnull (strstr (d->schedule_rule, "59 days"));
  g_assert_nonnull (strstr (d->schedule_rule, "10 %"));
}

/* One task, health rules table. */
typedef struct
{
  const char  *what;
  GantryTime   finish;
  GantryTime   bl_finish;      /* NONE: no baseline */
  int          percent;
  double       bl_cost, cost, actual;
  GantryHealth schedule;
  GantryHealth cost_health;
} HealthCase;

static void
test_health_rules (void)
{
  /* Status date 16 Mar 17:00; task starts 2 Mar 08:00; baseline span
   * 2 Mar 08:00 .. 20 Mar 17:00 = 18 d 9 h, so 10 % is ~44 h. */
  const HealthCase cases[] = {
    { "no baseline, nothing late", T (2026, 3, 20, 17), GANTRY_TIME_NONE, 50, 0, 0, 0,
      GANTRY_HEALTH_ON_TRACK, GANTRY_HEALTH_NONE },
    { "on baseline", T (2026, 3, 20, 17), T (2026, 3, 20, 17), 50, 1000, 1000, 500,
      GANTRY_HEALTH_ON_TRACK, GANTRY_HEALTH_ON_TRACK },
    { "one day late: within 10 %", T (2026, 3, 21, 17), T (2026, 3, 20, 17), 50, 1000, 1050,
      500, GANTRY_HEALTH_AT_RISK, GANTRY_HEALTH_AT_RISK },
    { "three days late: over 10 %", T (2026, 3, 23, 17), T (2026, 3, 20, 17), 50, 1000, 1200,
      500, GANTRY_HEALTH_LATE, GANTRY_HEALTH_LATE },
    { "overdue against the status date", T (2026, 3, 13, 17), T (2026, 3, 13, 17), 50, 1000,
      1000, 500, GANTRY_HEALTH_AT_RISK, GANTRY_HEALTH_ON_TRACK },
    { "spending ahead of progress", T (2026, 3, 20, 17), T (2026, 3, 20, 17), 50, 1000, 1000,
      800, GANTRY_HEALTH_ON_TRACK, GANTRY_HEALTH_AT_RISK },
    { "spending exactly 10 % ahead", T (2026, 3, 20, 17), T (2026, 3, 20, 17), 50, 1000, 1000,
      550, GANTRY_HEALTH_ON_TRACK, GANTRY_HEALTH_ON_TRACK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const HealthCase *hc = &cases[i];
      g_autoptr(GantryProject) p = gantry_project_new ();
      g_autoptr(GantryReportData) d = NULL;
      GantryTask *t;

      g_test_message ("case: %s", hc->what);
      gantry_project_set_status_date (p, T (2026, 3, 16, 17));
      t = rtp_add_task (p, NULL, 1, "Only", T (2026, 3, 2, 8), hc->finish, H (80), hc->percent);
      rtp_set_computed (t, FALSE, hc->cost, hc->actual, 0);
      if (hc->bl_finish != GANTRY_TIME_NONE)
        rtp_set_baseline (t, T (2026, 3, 2, 8), hc->bl_finish, H (80), hc->bl_cost);
      d = gantry_report_data_new (p, GANTRY_TIME_NONE, 0, NULL);
      g_assert_cmpint (d->schedule_health, ==, hc->schedule);
      g_assert_cmpint (d->cost_health, ==, hc->cost_health);
      g_assert_nonnull (d->schedule_rule);
      g_assert_nonnull (d->cost_rule);
      g_assert_cmpstr (d->schedule_rule, !=, "");
    }
}

static void
assert_points (GArray         *a,
               const GantryTime *t,
               const double   *hours,
               guint           n)
{
  g_assert_cmpuint (a->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      GantryReportPoint *p = &g_array_index (a, GantryReportPoint, i);

      g_assert_cmpint (p->t, ==, t[i]);
      g_assert_cmpfloat_with_epsilon ((double) p->work / GANTRY_MS_HOUR, hours[i], 1e-6);
    }
}

static void
test_burndown (void)
{
  /* One task, 2 Mar 00:00 .. 12 Mar 00:00, 100 h of work, 40 % complete
   * (40 h done, spread over 2..6 Mar); status date 9 Mar 00:00; the
   * baseline covers the same span with 100 h.  Daily samples. */
  g_autoptr(GantryProject) p = gantry_project_new ();
  g_autoptr(GantryReportData) d = NULL;
  GantryTask *t;
  GantryTime days[11];
  const double actual[] = { 100, 90, 80, 70, 60, 60, 60, 60 };
  const double remaining[] = { 60, 40, 20, 0 };
  const double baseline[] = { 100, 90, 80, 70, 60, 50, 40, 30, 20, 10, 0 };

  for (guint i = 0; i < 11; i++)
    days[i] = T (2026, 3, 2 + i, 0);
  gantry_project_set_status_date (p, days[7]);
  t = rtp_add_task (p, NULL, 1, "Only", days[0], days[10], H (80), 40);
  gantry_task_set_work (t, H (100));
  rtp_set_computed (t, FALSE, 0, 0, H (40));
  rtp_set_baseline (t, days[0], days[10], H (100), 0);

  d = gantry_report_data_new (p, GANTRY_TIME_NONE, 0, NULL);
  assert_points (d->burndown_actual, days, actual, 8);
  assert_points (d->burndown_remaining, days + 7, remaining, 4);
  assert_points (d->burndown_baseline, days, baseline, 11);
  g_assert_cmpint (d->baseline_work, ==, H (100));
}

static void
test_overallocated_and_risks (void)
{
  g_autoptr(GantryProject) p = rtp_status_plan ();
  g_autoptr(GantryReportData) d = gantry_report_data_new (p, GANTRY_TIME_NONE, 0, NULL);
  const char *expected[] = { "Dan", "Ann", "Cid" };

  /* Worst first: Dan 200 % of 100 %, Ann 150 % of 100 %, Cid 120 %. */
  g_assert_cmpuint (d->overallocated->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      GantryReportResourceRow *r = g_ptr_array_index (d->overallocated, i);

      g_assert_cmpstr (r->name, ==, expected[i]);
    }
  g_assert_cmpfloat_with_epsilon (((GantryReportResourceRow *)
                                   g_ptr_array_index (d->overallocated, 2))->peak_units, 2.4,
                                  1e-9);
  /* No risk register yet: the hook stays empty. */
  g_assert_cmpuint (d->risks->len, ==, 0);
}

static void
test_empty_plan (void)
{
  g_autoptr(GantryProject) p = gantry_project_new ();
  g_autoptr(GantryReportData) d = gantry_report_data_new (p, T (2026, 1, 1, 0), 0, "");

  g_assert_cmpuint (d->n_tasks, ==, 0);
  g_assert_cmpint (d->start, ==, GANTRY_TIME_NONE);
  g_assert_cmpfloat (d->percent_complete_work, ==, -1.0);
  g_assert_cmpuint (d->burndown_actual->len + d->burndown_baseline->len, ==, 0);
  g_assert_cmpint (d->schedule_health, ==, GANTRY_HEALTH_ON_TRACK);
  g_assert_cmpint (d->cost_health, ==, GANTRY_HEALTH_NONE);
  g_assert_cmpstr (d->project_name, ==, "Untitled plan");
  g_assert_cmpstr (d->narrative, ==, "");

  /* The title wins over the (file) name. */
  {
    g_autoptr(GantryReportData) d2 = NULL;

    gantry_project_set_name (p, "plan-v3.xml");
    d2 = gantry_report_data_new (p, T (2026, 1, 1, 0), 0, "");
    g_assert_cmpstr (d2->project_name, ==, "plan-v3.xml");
    g_object_set (p, "title", "Office Move", NULL);
    g_clear_pointer (&d2, gantry_report_data_unref);
    d2 = gantry_report_data_new (p, T (2026, 1, 1, 0), 0, "");
    g_assert_cmpstr (d2->project_name, ==, "Office Move");
  }
}

static void
test_bad_fields (void)
{
  /* Unscheduled tasks, finish before start, no name: no crash;
   * unscheduled tasks are left out. */
  g_autoptr(GantryProject) p = gantry_project_new ();
  g_autoptr(GantryReportData) d = NULL;

  rtp_add_task (p, NULL, 1, "Unscheduled", GANTRY_TIME_NONE, GANTRY_TIME_NONE, 0, 0);
  rtp_add_task (p, NULL, 2, "Backwards", T (2026, 3, 10, 8), T (2026, 3, 2, 8), H (8), 0);
  rtp_add_task (p, NULL, 3, NULL, T (2026, 3, 2, 8), T (2026, 3, 3, 8), H (8), 0);
  d = gantry_report_data_new (p, T (2026, 3, 20, 0), 0, NULL);
  g_assert_cmpuint (d->n_tasks, ==, 2);
  /* Dates at both ends of the calendar: the burndown stays short. */
  {
    g_autoptr(GantryReportData) d2 = NULL;
    GantryTask *t;

    t = rtp_add_task (p, NULL, 4, "Ancient", GANTRY_TIME_MIN, GANTRY_TIME_MIN + H (8), H (8), 0);
    gantry_task_set_work (t, H (8));
    rtp_add_task (p, NULL, 5, "Far future", GANTRY_TIME_MAX - H (8), GANTRY_TIME_MAX, H (8), 0);
    d2 = gantry_report_data_new (p, T (2026, 3, 20, 0), 0, NULL);
    g_assert_cmpuint (d2->n_tasks, ==, 4);
    g_assert_cmpuint (d2->burndown_actual->len + d2->burndown_remaining->len, <=, 64);
    g_assert_cmpuint (d2->burndown_actual->len, >=, 2);
  }
  g_assert_cmpuint (d->late_tasks->len, ==, 2);
  g_assert_cmpint (d->total_work, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/data/header-progress", test_header_and_progress);
  g_test_add_func ("/report/data/milestones", test_milestones);
  g_test_add_func ("/report/data/task-lists", test_task_lists);
  g_test_add_func ("/report/data/status-date-override", test_status_date_override);
  g_test_add_func ("/report/data/cost-health", test_cost_and_health);
  g_test_add_func ("/report/data/health-rules", test_health_rules);
  g_test_add_func ("/report/data/burndown", test_burndown);
  g_test_add_func ("/report/data/overallocated-risks", test_overallocated_and_risks);
  g_test_add_func ("/report/data/empty-plan", test_empty_plan);
  g_test_add_func ("/report/data/bad-fields", test_bad_fields);
  return g_test_run ();
}
