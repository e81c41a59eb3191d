/* test-resources.c — costs, over-allocation and levelling
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Golden values come from the reference (C26, I19, I20) and from the
 * figures MS Project stored in corpus files, read here straight from the
 * XML with libxml2 (not from Gantry's model).
 */
#include "config.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "engine-test-util.h"
#include "gantry-resource-engine.h"
#include "gantry-task-type.h"
#include "gantry-mspdi.h"
#include "gantry-test-helper.h"
#include "gantry-tracking.h"

static GantryResource *
plan_resource (GantryProject *p, const char *name, double max_units)
{
  GantryResource *r = gantry_resource_new (gantry_project_next_resource_uid (p), name);

  gantry_resource_set_max_units (r, max_units);
  g_assert_true (gantry_project_add_resource (p, -1, r));
  g_object_unref (r);
  return r;
}

static GantryAssignment *
plan_assign (GantryProject *p, GantryTask *t, GantryResource *r, double units, GantryDuration work)
{
  GantryAssignment *a = gantry_assignment_new (gantry_project_next_assignment_uid (p), t, r,
                                               units, work);

  g_assert_true (gantry_project_add_assignment (p, a));
  g_object_unref (a);
  return a;
}

static GArray *
update (GantryProject *p)
{
  schedule (p);
  return gantry_resources_update (p);
}

/* ---- costs --------------------------------------------------------------- */

/* C26: 50/h standard, 60/h overtime; 71 h regular + 9 h overtime. */
static void
test_c26_cost (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2011, 7, 6, 8, 0));
  GantryResource *r = plan_resource (p, "Resource One", 1.0);
  GantryTask *t = plan_task (p, NULL, "Task One", 10 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryAssignment *a;
  g_autoptr(GArray) over = NULL;

  gantry_resource_set_standard_rate (r, 50);
  gantry_resource_set_overtime_rate (r, 60);
  a = plan_assign (p, t, r, 1.0, 80 * HOUR_MS);
  gantry_assignment_set_overtime_work (a, 9 * HOUR_MS);
  over = update (p);

  g_assert_cmpfloat_with_epsilon (gantry_assignment_compute_cost (a), 4090.00, 1e-9);
  g_assert_cmpfloat_with_epsilon (gantry_assignment_compute_overtime_cost (a), 540.00, 1e-9);
  g_assert_cmpfloat_with_epsilon (gantry_assignment_get_cost (a), 4090.00, 1e-9);
  g_assert_cmpfloat_with_epsilon (gantry_resource_get_cost (r), 4090.00, 1e-9);
  g_assert_cmpint (gantry_resource_get_work (r), ==, 80 * HOUR_MS);
  g_assert_cmpfloat_with_epsilon (gantry_task_get_cost (t), 4090.00, 1e-9);
  g_assert_cmpuint (over->len, ==, 0);
}

/* Costs of every kind roll up to the summary and to the project:
 *   A: work 16 h at 25/h + 10 per use = 410; fixed cost 100 -> 510
 *   B: material 3 units at 7.5 = 22.5; cost resource 200 -> 222.5
 *   summary = 732.5 (+ its own fixed cost 50 = 782.5) */
static void
test_cost_rollup (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *w = plan_resource (p, "Ana", 1.0);
  GantryResource *m = plan_resource (p, "Cable", 0);
  GantryResource *c = plan_resource (p, "Travel", 0);
  GantryTask *s = plan_task (p, NULL, "Phase", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *ta = plan_task (p, s, "A", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *tb = plan_task (p, s, "B", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryAssignment *ac;
  g_autoptr(GArray) over = NULL;

  gantry_resource_set_standard_rate (w, 25);
  gantry_resource_set_cost_per_use (w, 10);
  gantry_resource_set_resource_type (m, GANTRY_RESOURCE_MATERIAL);
  gantry_resource_set_standard_rate (m, 7.5);
  gantry_resource_set_resource_type (c, GANTRY_RESOURCE_COST);
  gantry_task_set_fixed_cost (ta, 100);
  gantry_task_set_fixed_cost (s, 50);
  plan_assign (p, ta, w, 1.0, 16 * HOUR_MS);
  plan_assign (p, tb, m, 3, 0);
  ac = plan_assign (p, tb, c, 0, 0);
  gantry_assignment_set_computed (ac, GANTRY_TIME_NONE, GANTRY_TIME_NONE, 200);
  over = update (p);

  g_assert_cmpfloat_with_epsilon (gantry_task_get_cost (ta), 510, 1e-9);
  g_assert_cmpfloat_with_epsilon (gantry_task_get_cost (tb), 222.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (gantry_task_get_cost (s), 782.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (gantry_task_get_cost (gantry_project_get_root_task (p)),
                                  782.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (gantry_resource_get_cost (w), 410, 1e-9);
  g_assert_cmpfloat_with_epsilon (gantry_resource_get_cost (m), 22.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (gantry_resource_get_cost (c), 200, 1e-9);
  g_assert_cmpint (gantry_resource_get_work (w), ==, 16 * HOUR_MS);
  g_assert_cmpint (gantry_resource_get_work (m), ==, 0);
}

/* I19/I20 through the resource totals: 5d Fixed Units, R1 100 % gives
 * 40 h; adding R2 (effort-driven) keeps 40 h, 20 h each, finish Wed 12:00. */
static void
test_i19_i20_resource_work (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r1 = plan_resource (p, "R1", 1.0);
  GantryResource *r2 = plan_resource (p, "R2", 1.0);
  GantryTask *t = plan_task (p, NULL, "T", 5 * DAY_MS, GANTRY_FORMAT_DAYS);
  g_autoptr(GArray) o1 = NULL;
  g_autoptr(GArray) o2 = NULL;

  gantry_task_set_effort_driven (t, TRUE);
  gantry_assign_resource (p, t, r1, 1.0);
  o1 = update (p);
  g_assert_cmpint (gantry_resource_get_work (r1), ==, 40 * HOUR_MS);
  g_assert_cmpfloat (gantry_resource_get_peak_units (r1), ==, 1.0);
  gantry_assign_resource (p, t, r2, 1.0);
  o2 = update (p);
  g_assert_cmpint (gantry_resource_get_work (r1), ==, 20 * HOUR_MS);
  g_assert_cmpint (gantry_resource_get_work (r2), ==, 20 * HOUR_MS);
  g_assert_cmpint (gantry_task_get_work (t), ==, 40 * HOUR_MS);
  assert_time (gantry_task_get_finish (t), T (2025, 4, 9, 12, 0));
  g_assert_cmpuint (o1->len + o2->len, ==, 0);
}

/* A rate table other than A comes from the resource's <Rates>. */
static void
test_rate_table (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r = plan_resource (p, "R", 1.0);
  GantryTask *t = plan_task (p, NULL, "T", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryAssignment *a = plan_assign (p, t, r, 1.0, 8 * HOUR_MS);

  gantry_resource_set_standard_rate (r, 10);
  gantry_extras_append (gantry_resource_get_extras (r), "Rates",
                        "<Rates><Rate><RatesFrom>1984-01-01T00:00:00</RatesFrom>"
                        "<RatesTo>2049-12-31T23:59:00</RatesTo><RateTable>0</RateTable>"
                        "<StandardRate>10</StandardRate></Rate>"
                        "<Rate><RatesFrom>1984-01-01T00:00:00</RatesFrom>"
                        "<RatesTo>2049-12-31T23:59:00</RatesTo><RateTable>2</RateTable>"
                        "<StandardRate>12</StandardRate><CostPerUse>500</CostPerUse>"
                        "</Rate></Rates>", TRUE);
  g_assert_cmpfloat_with_epsilon (gantry_assignment_compute_cost (a), 80, 1e-9);
  gantry_assignment_set_cost_rate_table (a, 2);
  g_assert_cmpfloat_with_epsilon (gantry_assignment_compute_cost (a), 12 * 8 + 5, 1e-9);
  /* a table that is not there falls back to the resource's rates */
  gantry_assignment_set_cost_rate_table (a, 3);
  g_assert_cmpfloat_with_epsilon (gantry_assignment_compute_cost (a), 80, 1e-9);
  /* a damaged table does not crash and falls back too */
  gantry_extras_clear (gantry_resource_get_extras (r));
  gantry_extras_append (gantry_resource_get_extras (r), "Rates", "<Rates><Rate><Rate", TRUE);
  g_assert_cmpfloat_with_epsilon (gantry_assignment_compute_cost (a), 80, 1e-9);
}

/* ---- over-allocation ------------------------------------------------------ */

/* Two full-time tasks on Ana: A Mon–Wed, B Tue–Thu (no link).  Over-
 * allocated Tue 08:00 – Wed 17:00 at 200 %.  Bo has two half-time tasks
 * at once (100 %: fine); Cy has two back-to-back tasks (fine). */
static void
test_overallocation_constructed (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));   /* Monday */
  GantryResource *ana = plan_resource (p, "Ana", 1.0);
  GantryResource *bo = plan_resource (p, "Bo", 1.0);
  GantryResource *cy = plan_resource (p, "Cy", 1.0);
  GantryTask *a = plan_task (p, NULL, "A", 3 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", 3 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *c1 = plan_task (p, NULL, "C1", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *c2 = plan_task (p, NULL, "C2", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *d1 = plan_task (p, NULL, "D1", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *d2 = plan_task (p, NULL, "D2", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  g_autoptr(GArray) over = NULL;
  const GantryOverallocation *o;

  gantry_task_set_constraint_type (b, GANTRY_CONSTRAINT_SNET);
  gantry_task_set_constraint_date (b, T (2025, 4, 8, 8, 0));
  plan_assign (p, a, ana, 1.0, 24 * HOUR_MS);
  plan_assign (p, b, ana, 1.0, 24 * HOUR_MS);
  plan_assign (p, c1, bo, 0.5, 8 * HOUR_MS);
  plan_assign (p, c2, bo, 0.5, 8 * HOUR_MS);
  plan_assign (p, d1, cy, 1.0, 16 * HOUR_MS);
  plan_assign (p, d2, cy, 1.0, 16 * HOUR_MS);
  plan_link (p, d1, d2, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  over = update (p);

  g_assert_cmpuint (over->len, ==, 1);
  o = &g_array_index (over, GantryOverallocation, 0);
  g_assert_true (o->resource == ana);
  assert_time (o->start, T (2025, 4, 8, 8, 0));
  assert_time (o->finish, T (2025, 4, 9, 17, 0));
  g_assert_cmpfloat_with_epsilon (o->units, 2.0, 1e-9);
  g_assert_true (gantry_resource_get_overallocated (ana));
  g_assert_cmpfloat_with_epsilon (gantry_resource_get_peak_units (ana), 2.0, 1e-9);
  g_assert_false (gantry_resource_get_overallocated (bo));
  g_assert_cmpfloat_with_epsilon (gantry_resource_get_peak_units (bo), 1.0, 1e-9);
  g_assert_false (gantry_resource_get_overallocated (cy));
  (void) c1; (void) c2;
}

/* Overlap only in the resource's non-working time is no over-allocation:
 * two elapsed tasks Fri 17:00 – Mon 08:00 and Sat 10:00 – Sun 10:00. */
static void
test_overallocation_nonworking (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 11, 17, 0));   /* Friday */
  GantryResource *r = plan_resource (p, "Night", 1.0);
  GantryTask *a = plan_task (p, NULL, "A", 63 * HOUR_MS, GANTRY_FORMAT_ELAPSED_HOURS);
  GantryTask *b = plan_task (p, NULL, "B", 24 * HOUR_MS, GANTRY_FORMAT_ELAPSED_HOURS);
  GantryAssignment *aa, *ab;
  g_autoptr(GArray) over = NULL;

  gantry_task_set_task_type (a, GANTRY_TASK_FIXED_DURATION);
  gantry_task_set_task_type (b, GANTRY_TASK_FIXED_DURATION);
  aa = plan_assign (p, a, r, 1.0, 8 * HOUR_MS);
  ab = plan_assign (p, b, r, 1.0, 8 * HOUR_MS);
  schedule (p);
  /* the intervals the scheduler gave may differ for elapsed tasks; pin
   * them to what the test means */
  gantry_assignment_set_computed (aa, T (2025, 4, 11, 17, 0), T (2025, 4, 14, 8, 0), 0);
  gantry_assignment_set_computed (ab, T (2025, 4, 12, 10, 0), T (2025, 4, 13, 10, 0), 0);
  over = gantry_resources_update (p);
  g_assert_cmpuint (over->len, ==, 0);
  g_assert_false (gantry_resource_get_overallocated (r));

  /* move B onto Monday morning: now they overlap in working time?  No:
   * A ends Mon 08:00 sharp.  B Mon 07:00 – 09:00 overlaps 07:00–08:00,
   * which is not working time either. */
  gantry_assignment_set_computed (ab, T (2025, 4, 14, 7, 0), T (2025, 4, 14, 9, 0), 0);
  g_clear_pointer (&over, g_array_unref);
  over = gantry_resources_update (p);
  g_assert_cmpuint (over->len, ==, 0);

  /* A until Mon 10:00: overlap 08:00–09:00 is working time */
  gantry_assignment_set_computed (aa, T (2025, 4, 11, 17, 0), T (2025, 4, 14, 10, 0), 0);
  g_clear_pointer (&over, g_array_unref);
  over = gantry_resources_update (p);
  g_assert_cmpuint (over->len, ==, 1);
  assert_time (g_array_index (over, GantryOverallocation, 0).start, T (2025, 4, 14, 8, 0));
  assert_time (g_array_index (over, GantryOverallocation, 0).finish, T (2025, 4, 14, 9, 0));
}

/* ---- levelling ------------------------------------------------------------ */

static void
assert_links_hold (GantryProject *p)
{
  GListModel *links = gantry_project_get_links (p);
  guint i;

  for (i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(GantryLink) l = g_list_model_get_item (links, i);
      GantryTask *a = gantry_link_get_predecessor (l), *b = gantry_link_get_successor (l);

      /* the plans below use FS links without lag */
      g_assert_cmpint (gantry_task_get_start (b), >=, gantry_task_get_finish (a));
    }
}

static void
assert_constraints_hold (GantryProject *p)
{
  GPtrArray *tasks = gantry_project_get_all_tasks (p);
  guint i;

  for (i = 0; i < tasks->len; i++)
    {
      GantryTask *t = g_ptr_array_index (tasks, i);
      GantryTime cd = gantry_task_get_constraint_date (t);

      switch (gantry_task_get_constraint_type (t))
        {
        case GANTRY_CONSTRAINT_SNET:
          g_assert_cmpint (gantry_task_get_start (t), >=, cd);
          break;
        case GANTRY_CONSTRAINT_MSO:
          g_assert_cmpint (gantry_task_get_start (t), ==, cd);
          break;
        case GANTRY_CONSTRAINT_FNLT:
          g_assert_cmpint (gantry_task_get_finish (t), <=, cd);
          break;
        default:
          break;
        }
    }
}

static void
test_level_two_tasks (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r = plan_resource (p, "Ana", 1.0);
  GantryTask *a = plan_task (p, NULL, "A", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;

  plan_assign (p, a, r, 1.0, 16 * HOUR_MS);
  plan_assign (p, b, r, 1.0, 16 * HOUR_MS);
  before = update (p);
  g_assert_cmpuint (before->len, ==, 1);
  gantry_project_clear_history (p);

  g_assert_true (gantry_resources_level (p, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  after = gantry_resources_update (p);
  g_assert_cmpuint (after->len, ==, 0);
  /* equal priority and slack: ID decides, B waits for A */
  assert_time (gantry_task_get_start (a), T (2025, 4, 7, 8, 0));
  assert_time (gantry_task_get_start (b), T (2025, 4, 9, 8, 0));
  assert_time (gantry_task_get_finish (b), T (2025, 4, 10, 17, 0));
  g_assert_cmpint (gantry_task_get_leveling_delay (a), ==, 0);
  g_assert_cmpint (gantry_task_get_leveling_delay (b), ==, 2 * EDAY_MS);
  g_assert_cmpint (gantry_task_get_leveling_delay_format (b), ==, GANTRY_FORMAT_ELAPSED_DAYS);

  /* one undo step */
  g_assert_true (gantry_project_can_undo (p));
  g_assert_true (gantry_project_undo (p));
  g_assert_false (gantry_project_can_undo (p));
  g_assert_cmpint (gantry_task_get_leveling_delay (b), ==, 0);
  g_assert_true (gantry_project_redo (p));
  g_assert_cmpint (gantry_task_get_leveling_delay (b), ==, 2 * EDAY_MS);

  /* clear levelling, also one step */
  g_assert_cmpuint (gantry_resources_clear_leveling (p), ==, 1);
  g_assert_cmpint (gantry_task_get_leveling_delay (b), ==, 0);
  schedule (p);
  assert_time (gantry_task_get_start (b), T (2025, 4, 7, 8, 0));
  g_assert_true (gantry_project_undo (p));
  g_assert_cmpint (gantry_task_get_leveling_delay (b), ==, 2 * EDAY_MS);
}

/* Priority first: B (priority 800) keeps its place, A (500) waits. */
static void
test_level_priority (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r = plan_resource (p, "Ana", 1.0);
  GantryTask *a = plan_task (p, NULL, "A", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  g_autoptr(GArray) after = NULL;

  gantry_task_set_priority (b, 800);
  plan_assign (p, a, r, 1.0, 16 * HOUR_MS);
  plan_assign (p, b, r, 1.0, 16 * HOUR_MS);
  schedule (p);
  g_assert_true (gantry_resources_level (p, NULL, NULL, NULL, NULL, NULL));
  after = gantry_resources_update (p);
  g_assert_cmpuint (after->len, ==, 0);
  assert_time (gantry_task_get_start (b), T (2025, 4, 7, 8, 0));
  assert_time (gantry_task_get_start (a), T (2025, 4, 9, 8, 0));
}

/* Slack second: A has 3 days of slack (its successor chain is short), B
 * none; B goes first. */
static void
test_level_slack (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r = plan_resource (p, "Ana", 1.0);
  GantryTask *a = plan_task (p, NULL, "A", 1 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", 1 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *c = plan_task (p, NULL, "C", 4 * DAY_MS, GANTRY_FORMAT_DAYS);
  g_autoptr(GArray) after = NULL;

  plan_assign (p, a, r, 1.0, 8 * HOUR_MS);
  plan_assign (p, b, r, 1.0, 8 * HOUR_MS);
  plan_link (p, b, c, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  schedule (p);
  g_assert_cmpint (gantry_task_get_total_slack (a), >, gantry_task_get_total_slack (b));
  g_assert_true (gantry_resources_level (p, NULL, NULL, NULL, NULL, NULL));
  after = gantry_resources_update (p);
  g_assert_cmpuint (after->len, ==, 0);
  assert_time (gantry_task_get_start (b), T (2025, 4, 7, 8, 0));
  assert_time (gantry_task_get_start (a), T (2025, 4, 8, 8, 0));
}

/* Within slack only: the critical task is never pushed past its late
 * finish; the task with slack moves inside it. */
static void
test_level_within_slack (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r = plan_resource (p, "Ana", 1.0);
  GantryTask *a = plan_task (p, NULL, "A", 3 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", 3 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *c = plan_task (p, NULL, "C", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryLevelOptions opt = { GANTRY_TIME_NONE, GANTRY_TIME_NONE, TRUE };
  g_autoptr(GArray) after = NULL;

  plan_assign (p, a, r, 1.0, 24 * HOUR_MS);
  plan_assign (p, b, r, 1.0, 24 * HOUR_MS);
  plan_assign (p, c, r, 1.0, 16 * HOUR_MS);
  gantry_task_set_priority (c, 900);     /* C first */
  plan_link (p, a, b, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  schedule (p);
  /* A and B are critical (6 days), C has 4 days of slack */
  g_assert_true (gantry_resources_level (p, &opt, NULL, NULL, NULL, NULL));
  after = gantry_resources_update (p);
  /* A cannot move (no slack), so it stays and clashes with C */
  assert_time (gantry_task_get_start (a), T (2025, 4, 7, 8, 0));
  g_assert_cmpint (gantry_task_get_leveling_delay (a), ==, 0);
  g_assert_cmpint (gantry_task_get_leveling_delay (b), ==, 0);
  g_assert_cmpuint (after->len, >=, 1);

  /* without the slack limit, everything is resolved */
  opt.within_slack = FALSE;
  g_clear_pointer (&after, g_array_unref);
  g_assert_true (gantry_resources_level (p, &opt, NULL, NULL, NULL, NULL));
  after = gantry_resources_update (p);
  g_assert_cmpuint (after->len, ==, 0);
  assert_links_hold (p);
}

/* A date range levels only the tasks that overlap it. */
static void
test_level_range (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r = plan_resource (p, "Ana", 1.0);
  GantryTask *a = plan_task (p, NULL, "A", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *c = plan_task (p, NULL, "C", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *d = plan_task (p, NULL, "D", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryLevelOptions opt = { T (2025, 4, 14, 0, 0), T (2025, 4, 19, 0, 0), FALSE };
  g_autoptr(GArray) after = NULL;

  plan_assign (p, a, r, 1.0, 8 * HOUR_MS);
  plan_assign (p, b, r, 1.0, 8 * HOUR_MS);
  plan_assign (p, c, r, 1.0, 8 * HOUR_MS);
  plan_assign (p, d, r, 1.0, 8 * HOUR_MS);
  for (GantryTask **t = (GantryTask *[]) { c, d, NULL }; *t != NULL; t++)
    {
      gantry_task_set_constraint_type (*t, GANTRY_CONSTRAINT_SNET);
      gantry_task_set_constraint_date (*t, T (2025, 4, 14, 8, 0));
    }
  schedule (p);
  g_assert_true (gantry_resources_level (p, &opt, NULL, NULL, NULL, NULL));
  after = gantry_resources_update (p);
  /* week of the 14th levelled, week of the 7th left as it was */
  g_assert_cmpint (gantry_task_get_leveling_delay (a) + gantry_task_get_leveling_delay (b), ==, 0);
  assert_time (gantry_task_get_start (d), T (2025, 4, 15, 8, 0));
  g_assert_cmpuint (after->len, ==, 1);
  assert_time (g_array_index (after, GantryOverallocation, 0).start, T (2025, 4, 7, 8, 0));
}

/* A random plan: chains with FS links, SNET and FNLT constraints, shared
 * resources. */
static GantryProject *
random_plan (guint32 seed, guint n_tasks, guint n_res)
{
  GantryProject *p = plan_new (T (2025, 1, 6, 8, 0));
  g_autoptr(GRand) rnd = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) res = g_ptr_array_new ();
  g_autoptr(GPtrArray) tasks = g_ptr_array_new ();
  guint i;

  for (i = 0; i < n_res; i++)
    {
      g_autofree char *name = g_strdup_printf ("R%u", i);
      g_ptr_array_add (res, plan_resource (p, name, g_rand_int_range (rnd, 0, 4) == 0 ? 2.0 : 1.0));
    }
  for (i = 0; i < n_tasks; i++)
    {
      g_autofree char *name = g_strdup_printf ("T%u", i);
      gint64 days = g_rand_int_range (rnd, 1, 6);
      GantryTask *t = plan_task (p, NULL, name, days * DAY_MS, GANTRY_FORMAT_DAYS);
      guint k, n_as = g_rand_int_range (rnd, 1, 3);

      gantry_task_set_priority (t, 100 * g_rand_int_range (rnd, 3, 8));
      for (k = 0; k < n_as; k++)
        {
          GantryResource *r = g_ptr_array_index (res, g_rand_int_range (rnd, 0, n_res));
          gboolean dup = FALSE;
          GPtrArray *as = gantry_task_get_assignments (t);
          for (guint j = 0; as != NULL && j < as->len; j++)
            dup |= gantry_assignment_get_resource (g_ptr_array_index (as, j)) == r;
          if (!dup)
            plan_assign (p, t, r, 1.0, days * DAY_MS);
        }
      if (i > 0 && g_rand_int_range (rnd, 0, 3) > 0)
        plan_link (p, g_ptr_array_index (tasks, g_rand_int_range (rnd, MAX ((int) i - 20, 0), i)),
                   t, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
      if (g_rand_int_range (rnd, 0, 10) == 0)
        {
          gantry_task_set_constraint_type (t, GANTRY_CONSTRAINT_SNET);
          gantry_task_set_constraint_date (t, T (2025, 1, 6 + g_rand_int_range (rnd, 0, 20), 8, 0));
        }
      g_ptr_array_add (tasks, t);
    }
  return p;
}

static void
test_level_random (void)
{
  for (guint32 seed = 1; seed <= 8; seed++)
    {
      g_autoptr(GantryProject) p = random_plan (seed, 120, 6);
      g_autoptr(GantryProject) q = random_plan (seed, 120, 6);
      g_autoptr(GArray) before = update (p);
      g_autoptr(GArray) after = NULL;
      GPtrArray *tp, *tq;
      guint i;

      g_assert_cmpuint (before->len, >, 0);
      g_assert_true (gantry_resources_level (p, NULL, NULL, NULL, NULL, NULL));
      schedule (p);
      after = gantry_resources_update (p);
      if (after->len != 0)
        {
          const GantryOverallocation *o = &g_array_index (after, GantryOverallocation, 0);
          g_autofree char *s = gantry_time_format_iso (o->start);
          g_test_message ("seed %u: %s over-allocated at %s (%.2f)", seed,
                          gantry_resource_get_name (o->resource), s, o->units);
        }
      g_assert_cmpuint (after->len, ==, 0);
      assert_links_hold (p);
      assert_constraints_hold (p);

      /* deterministic: the same plan levelled again gives the same delays */
      schedule (q);
      g_assert_true (gantry_resources_level (q, NULL, NULL, NULL, NULL, NULL));
      tp = gantry_project_get_all_tasks (p);
      tq = gantry_project_get_all_tasks (q);
      for (i = 0; i < tp->len; i++)
        {
          g_assert_cmpint (gantry_task_get_leveling_delay (g_ptr_array_index (tp, i)), ==,
                           gantry_task_get_leveling_delay (g_ptr_array_index (tq, i)));
          g_assert_cmpint (gantry_task_get_start (g_ptr_array_index (tp, i)), ==,
                           gantry_task_get_start (g_ptr_array_index (tq, i)));
        }
      /* and levelling a levelled plan changes nothing */
      g_assert_true (gantry_resources_level (q, NULL, NULL, NULL, NULL, NULL));
      for (i = 0; i < tp->len; i++)
        g_assert_cmpint (gantry_task_get_leveling_delay (g_ptr_array_index (tp, i)), ==,
                         gantry_task_get_leveling_delay (g_ptr_array_index (tq, i)));
    }
}

static void
count_progress (double f, gpointer data)
{
  double *last = data;

  g_assert_cmpfloat (f, >=, *last);
  g_assert_cmpfloat (f, <=, 1.0);
  *last = f;
}

static void
test_level_progress_cancel (void)
{
  g_autoptr(GantryProject) p = random_plan (42, 60, 3);
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) before = update (p);
  double last = 0;
  GPtrArray *tasks = gantry_project_get_all_tasks (p);
  g_autofree GantryTime *starts = g_new (GantryTime, tasks->len);
  guint i;

  for (i = 0; i < tasks->len; i++)
    starts[i] = gantry_task_get_start (g_ptr_array_index (tasks, i));
  gantry_project_clear_history (p);
  g_cancellable_cancel (cancel);
  g_assert_false (gantry_resources_level (p, NULL, NULL, NULL, cancel, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (gantry_project_can_undo (p));
  for (i = 0; i < tasks->len; i++)
    {
      g_assert_cmpint (gantry_task_get_leveling_delay (g_ptr_array_index (tasks, i)), ==, 0);
      g_assert_cmpint (gantry_task_get_start (g_ptr_array_index (tasks, i)), ==, starts[i]);
    }

  g_assert_true (gantry_resources_level (p, NULL, count_progress, &last, NULL, NULL));
  g_assert_cmpfloat (last, ==, 1.0);
  (void) before;
}

/* ---- levelling on a worker thread -------------------------------------- */

typedef struct
{
  gboolean      done;
  gboolean      ok;
  GError       *error;
  double        last;
  guint         n_progress;
  GThread      *main_thread;
  GCancellable *cancel_on_progress;
  GantryProject *edit_on_progress;
} AsyncRun;

static void
async_progress (double f, gpointer data)
{
  AsyncRun *run = data;

  /* delivered on the caller's thread, never going back, never past 1 */
  g_assert_true (g_thread_self () == run->main_thread);
  g_assert_cmpfloat (f, >=, run->last);
  g_assert_cmpfloat (f, <=, 1.0);
  run->last = f;
  run->n_progress++;
  if (run->cancel_on_progress != NULL)
    g_cancellable_cancel (run->cancel_on_progress);
  if (run->edit_on_progress != NULL)
    {
      GantryTask *t = g_ptr_array_index (gantry_project_get_all_tasks (run->edit_on_progress), 0);
      gantry_project_apply (run->edit_on_progress, gantry_command_set (t, "name", "Renamed"));
      run->edit_on_progress = NULL;
    }
}

static void
async_done (GObject *source, GAsyncResult *result, gpointer data)
{
  AsyncRun *run = data;

  run->ok = gantry_resources_level_finish (GANTRY_PROJECT (source), result, &run->error);
  run->done = TRUE;
}

static void
level_async_wait (GantryProject *p, const GantryLevelOptions *opt, GCancellable *cancel,
                  AsyncRun *run)
{
  run->main_thread = g_thread_self ();
  gantry_resources_level_async (p, opt, async_progress, run, cancel, async_done, run);
  while (!run->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
assert_same_levelling (GantryProject *p, GantryProject *q)
{
  GPtrArray *tp = gantry_project_get_all_tasks (p), *tq = gantry_project_get_all_tasks (q);

  g_assert_cmpuint (tp->len, ==, tq->len);
  for (guint i = 0; i < tp->len; i++)
    {
      GantryTask *a = g_ptr_array_index (tp, i), *b = g_ptr_array_index (tq, i);

      g_assert_cmpint (gantry_task_get_uid (a), ==, gantry_task_get_uid (b));
      g_assert_cmpint (gantry_task_get_leveling_delay (a), ==, gantry_task_get_leveling_delay (b));
      assert_time (gantry_task_get_start (a), gantry_task_get_start (b));
      assert_time (gantry_task_get_finish (a), gantry_task_get_finish (b));
    }
}

/* The worker levels a copy: the result equals levelling the plan itself,
 * is one undo step, and progress ends at 100 %. */
static void
test_level_async_equals_sync (void)
{
  for (guint32 seed = 1; seed <= 4; seed++)
    {
      g_autoptr(GantryProject) p = random_plan (seed, 120, 6);
      g_autoptr(GantryProject) q = random_plan (seed, 120, 6);
      g_autoptr(GArray) bp = update (p);
      g_autoptr(GArray) bq = update (q);
      g_autoptr(GArray) after = NULL;
      AsyncRun run = { 0 };
      GPtrArray *tq;

      g_assert_cmpuint (bq->len, >, 0);
      gantry_project_clear_history (p);
      gantry_project_clear_history (q);
      g_assert_true (gantry_resources_level (p, NULL, NULL, NULL, NULL, NULL));
      level_async_wait (q, NULL, NULL, &run);
      g_assert_no_error (run.error);
      g_assert_true (run.ok);
      g_assert_cmpfloat (run.last, ==, 1.0);
      g_assert_cmpuint (run.n_progress, >=, 1);
      assert_same_levelling (p, q);
      after = gantry_resources_find_overallocations (q);
      g_assert_cmpuint (after->len, ==, 0);
      assert_links_hold (q);

      /* one undo step takes every delay back */
      g_assert_cmpstr (gantry_project_get_undo_label (q), ==, "Level Resources");
      g_assert_true (gantry_project_undo (q));
      g_assert_false (gantry_project_can_undo (q));
      tq = gantry_project_get_all_tasks (q);
      for (guint i = 0; i < tq->len; i++)
        g_assert_cmpint (gantry_task_get_leveling_delay (g_ptr_array_index (tq, i)), ==, 0);
    }
}

/* Range and within-slack options reach the worker. */
static void
test_level_async_options (void)
{
  g_autoptr(GantryProject) p = random_plan (5, 120, 6);
  g_autoptr(GantryProject) q = random_plan (5, 120, 6);
  g_autoptr(GArray) bp = update (p);
  g_autoptr(GArray) bq = update (q);
  GantryLevelOptions opt = { T (2025, 1, 20, 8, 0), T (2025, 2, 14, 17, 0), TRUE };
  AsyncRun run = { 0 };

  g_assert_true (gantry_resources_level (p, &opt, NULL, NULL, NULL, NULL));
  level_async_wait (q, &opt, NULL, &run);
  g_assert_true (run.ok);
  assert_same_levelling (p, q);
}

/* The copy the worker gets schedules exactly like the plan: the full
 * plan with every feature and the corpus files with assignments. */
static void
check_input_copy (GantryProject *p, const char *what)
{
  g_autoptr(GantryProject) c = gantry_resources_level_input_copy (p);
  GPtrArray *tp, *tc;

  schedule (p);
  schedule (c);
  tp = gantry_project_get_all_tasks (p);
  tc = gantry_project_get_all_tasks (c);
  g_assert_cmpuint (tp->len, ==, tc->len);
  for (guint i = 0; i < tp->len; i++)
    {
      GantryTask *a = g_ptr_array_index (tp, i), *b = g_ptr_array_index (tc, i);
      GantryTaskSchedule sa, sb;

      gantry_task_get_schedule (a, &sa);
      gantry_task_get_schedule (b, &sb);
      if (sa.start != sb.start || sa.finish != sb.finish || sa.total_slack != sb.total_slack
          || sa.late_finish != sb.late_finish || gantry_task_get_uid (a) != gantry_task_get_uid (b))
        g_error ("%s: task UID %d schedules differently in the copy", what, gantry_task_get_uid (a));
    }
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_assignments (p)), ==,
                    g_list_model_get_n_items (gantry_project_get_assignments (c)));
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_links (p)), ==,
                    g_list_model_get_n_items (gantry_project_get_links (c)));
  g_assert_false (gantry_project_can_undo (c));
}

static void
test_level_input_copy (void)
{
  g_autoptr(GantryProject) full = gantry_test_build_full_plan ();
  g_autoptr(GPtrArray) files = gantry_test_list_corpus_files ();
  guint n = 0;

  check_input_copy (full, "full plan");
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GantryProject) p = NULL;

      p = gantry_mspdi_load (path, NULL, NULL);
      if (p == NULL)
        continue;
      check_input_copy (p, path);
      n++;
    }
  g_test_message ("%u corpus files", n);
  if (files->len > 0)
    g_assert_cmpuint (n, >=, files->len / 2);
}

/* Cancel leaves the plan exactly as it was, with nothing to undo:
 * cancelled before the worker starts, and while it runs. */
static void
test_level_async_cancel (void)
{
  for (int when = 0; when < 2; when++)
    {
      g_autoptr(GantryProject) p = random_plan (42, 400, 8);
      g_autoptr(GantryProject) q = random_plan (42, 400, 8);
      g_autoptr(GArray) bp = update (p);
      g_autoptr(GArray) bq = update (q);
      g_autoptr(GCancellable) cancel = g_cancellable_new ();
      AsyncRun run = { 0 };

      gantry_project_clear_history (p);
      gantry_project_clear_history (q);
      if (when == 0)
        g_cancellable_cancel (cancel);
      else
        run.cancel_on_progress = cancel;
      level_async_wait (p, NULL, cancel, &run);
      g_assert_false (run.ok);
      g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&run.error);
      g_assert_false (gantry_project_can_undo (p));
      gantry_test_assert_projects_identical (p, q);
    }
}

/* An edit while the worker runs: the result is dropped, only the edit is
 * on the undo stack. */
static void
test_level_async_plan_changed (void)
{
  g_autoptr(GantryProject) p = random_plan (3, 200, 6);
  g_autoptr(GArray) bp = update (p);
  AsyncRun run = { 0 };
  GPtrArray *tasks;

  gantry_project_clear_history (p);
  run.edit_on_progress = p;
  level_async_wait (p, NULL, NULL, &run);
  g_assert_false (run.ok);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (strstr (run.error->message, "changed"));
  g_clear_error (&run.error);
  g_assert_cmpstr (gantry_task_get_name (g_ptr_array_index (gantry_project_get_all_tasks (p), 0)), ==,
                   "Renamed");
  g_assert_true (gantry_project_undo (p));
  g_assert_false (gantry_project_can_undo (p));
  tasks = gantry_project_get_all_tasks (p);
  for (guint i = 0; i < tasks->len; i++)
    g_assert_cmpint (gantry_task_get_leveling_delay (g_ptr_array_index (tasks, i)), ==, 0);
}

/* ---- fixed cost accrual: cost to date ----------------------------------- */

/* A 4d task, R1 at 50/h (32 h = 1600.00) plus a fixed cost of 400.00: its
 * cost to date (ActualCost, and AC in earned value) by FixedCostAccrual,
 * worked out by hand:
 *   0 %:   Start 0,      Prorated 0,      End 0
 *   25 %:  Start 800.00 (400 + 1600 × 25 %), Prorated 500.00 (2000 × 25 %),
 *          End 400.00 (1600 × 25 %)
 *   100 %: 2000.00 for all three. */
static void
test_fixed_cost_accrual (void)
{
  static const struct { GantryAccrual acc; double at0, at25, at100; } rows[] = {
    { GANTRY_ACCRUE_START, 0, 800, 2000 },
    { GANTRY_ACCRUE_PRORATED, 0, 500, 2000 },
    { GANTRY_ACCRUE_END, 0, 400, 2000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
      g_autoptr(GantryScheduler) sched = gantry_scheduler_new (p);
      GantryResource *r = plan_resource (p, "R1", 1.0);
      GantryTask *sum = plan_task (p, NULL, "Phase", 0, GANTRY_FORMAT_DAYS);
      GantryTask *t = plan_task (p, sum, "T", 4 * DAY_MS, GANTRY_FORMAT_DAYS);
      GantryEarnedValue ev;

      gantry_resource_set_standard_rate (r, 50);
      plan_assign (p, t, r, 1.0, 32 * HOUR_MS);
      gantry_task_set_fixed_cost (t, 400);
      gantry_task_set_fixed_cost_accrual (t, rows[i].acc);
      gantry_scheduler_run (sched);
      gantry_scheduler_set_auto (sched, TRUE);
      g_assert_cmpfloat_with_epsilon (gantry_task_get_cost (t), 2000, 1e-9);
      g_assert_cmpfloat_with_epsilon (gantry_task_get_actual_cost (t), rows[i].at0, 1e-9);

      gantry_set_percent_complete (p, t, 25);
      g_assert_cmpfloat_with_epsilon (gantry_task_get_actual_cost (t), rows[i].at25, 1e-9);
      /* rolled up to the summary, and AC in earned value */
      g_assert_cmpfloat_with_epsilon (gantry_task_get_actual_cost (sum), rows[i].at25, 1e-9);
      gantry_tracking_earned_value (t, 0, T (2025, 4, 8, 17, 0), &ev);
      g_assert_cmpfloat_with_epsilon (ev.acwp, rows[i].at25, 1e-9);

      gantry_set_percent_complete (p, t, 100);
      g_assert_cmpfloat_with_epsilon (gantry_task_get_actual_cost (t), rows[i].at100, 1e-9);

      /* changing the accrual alone (an undoable edit) updates it */
      gantry_set_percent_complete (p, t, 25);
      gantry_project_apply (p, gantry_command_set (t, "fixed-cost-accrual",
                                                   (int) GANTRY_ACCRUE_START));
      g_assert_cmpfloat_with_epsilon (gantry_task_get_actual_cost (t), 800, 1e-9);
    }
}

/* Bad input: nothing crashes; an assignment beyond the resource's max
 * units alone is reported, and levelling leaves it. */
static void
test_bad_input (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r = plan_resource (p, "Zero", 0.0);
  GantryResource *q = plan_resource (p, "Half", 0.5);
  GantryTask *a = plan_task (p, NULL, "A", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryAssignment *x;
  g_autoptr(GArray) o1 = NULL;
  g_autoptr(GArray) o2 = NULL;
  g_autoptr(GantryProject) empty = gantry_project_new ();
  g_autoptr(GArray) o3 = NULL;

  GantryResource *pay = plan_resource (p, "Pay", 1.0);
  GantryTask *c = plan_task (p, NULL, "C", DAY_MS, GANTRY_FORMAT_DAYS);

  plan_assign (p, a, r, 1.0, 8 * HOUR_MS);
  plan_assign (p, b, q, 1.0, 8 * HOUR_MS);
  x = plan_assign (p, c, pay, 1.0, 8 * HOUR_MS);
  gantry_assignment_set_overtime_work (x, 100 * HOUR_MS);   /* more OT than work */
  gantry_resource_set_standard_rate (pay, 10);
  gantry_resource_set_overtime_rate (pay, 20);
  o1 = update (p);
  g_assert_cmpuint (o1->len, ==, 2);
  /* overtime is capped at the work */
  g_assert_cmpfloat_with_epsilon (gantry_assignment_compute_cost (x), 160, 1e-9);
  g_assert_true (gantry_resources_level (p, NULL, NULL, NULL, NULL, NULL));
  o2 = gantry_resources_update (p);
  g_assert_cmpuint (o2->len, ==, 2);
  g_assert_cmpint (gantry_task_get_leveling_delay (a), ==, 0);

  o3 = gantry_resources_update (empty);
  g_assert_cmpuint (o3->len, ==, 0);
  g_assert_true (gantry_resources_level (empty, NULL, NULL, NULL, NULL, NULL));
  g_assert_cmpuint (gantry_resources_clear_leveling (empty), ==, 0);
}

/* ---- corpus: MS Project's own work, cost and units ------------------------- */

static char *
xp_text (xmlXPathContextPtr ctx, xmlNodePtr node, const char *expr)
{
  xmlXPathObjectPtr o;
  char *s = NULL;

  ctx->node = node;
  o = xmlXPathEvalExpression ((const xmlChar *) expr, ctx);
  if (o != NULL && o->nodesetval != NULL && o->nodesetval->nodeNr > 0)
    {
      xmlChar *c = xmlNodeGetContent (o->nodesetval->nodeTab[0]);
      s = g_strdup ((const char *) c);
      xmlFree (c);
    }
  xmlXPathFreeObject (o);
  return s;
}

static gint64
pt_hours_ms (const char *s)
{
  int h = 0, m = 0;
  double sec = 0;

  if (s == NULL || sscanf (s, "PT%dH%dM%lfS", &h, &m, &sec) != 3)
    return -1;
  return (gint64) h * HOUR_MS + (gint64) m * MIN_MS + (gint64) (sec * 1000 + 0.5);
}

static guint
check_corpus_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GantryProject) p = NULL;
  g_autoptr(GArray) over = NULL;
  xmlDocPtr doc;
  xmlXPathContextPtr ctx;
  xmlXPathObjectPtr set;
  guint checked = 0;
  int i;

  doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  g_assert_nonnull (doc);
  ctx = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (ctx, (const xmlChar *) "p", (const xmlChar *) "http://schemas.microsoft.com/project");

  p = gantry_mspdi_load (path, NULL, &error);
  g_assert_no_error (error);
  update (p);
  over = gantry_resources_update (p);

  /* assignments of real resources: Work and Units kept, Cost recomputed */
  set = xmlXPathEvalExpression ((const xmlChar *) "//p:Assignments/p:Assignment", ctx);
  for (i = 0; set->nodesetval != NULL && i < set->nodesetval->nodeNr; i++)
    {
      xmlNodePtr n = set->nodesetval->nodeTab[i];
      g_autofree char *uid = xp_text (ctx, n, "p:UID");
      g_autofree char *ruid = xp_text (ctx, n, "p:ResourceUID");
      g_autofree char *tuid = xp_text (ctx, n, "p:TaskUID");
      g_autofree char *work = xp_text (ctx, n, "p:Work");
      g_autofree char *units = xp_text (ctx, n, "p:Units");
      g_autofree char *cost = xp_text (ctx, n, "p:Cost");
      g_autofree char *otcost = xp_text (ctx, n, "p:OvertimeCost");
      GantryAssignment *a;

      /* the null resource (-65535) and the placeholder budget
       * assignments on the project summary (task UID 0) are not loaded */
      if (uid == NULL || ruid == NULL || atoi (ruid) <= 0 || tuid == NULL || atoi (tuid) <= 0)
        continue;
      a = gantry_project_lookup_assignment (p, atoi (uid));
      g_assert_nonnull (a);
      if (work != NULL)
        g_assert_cmpint (gantry_assignment_get_work (a), ==, pt_hours_ms (work));
      if (units != NULL)
        g_assert_cmpfloat_with_epsilon (gantry_assignment_get_units (a), g_ascii_strtod (units, NULL), 1e-9);
      if (cost != NULL)
        {
          g_assert_cmpfloat_with_epsilon (gantry_assignment_compute_cost (a),
                                          g_ascii_strtod (cost, NULL) / 100.0, 0.005);
          g_assert_cmpfloat_with_epsilon (gantry_assignment_get_cost (a),
                                          g_ascii_strtod (cost, NULL) / 100.0, 0.005);
          checked++;
        }
      if (otcost != NULL)
        g_assert_cmpfloat_with_epsilon (gantry_assignment_compute_overtime_cost (a),
                                        g_ascii_strtod (otcost, NULL) / 100.0, 0.005);
    }
  xmlXPathFreeObject (set);

  /* resources: Work, Cost, over-allocated flag, peak units */
  set = xmlXPathEvalExpression ((const xmlChar *) "//p:Resources/p:Resource", ctx);
  for (i = 0; set->nodesetval != NULL && i < set->nodesetval->nodeNr; i++)
    {
      xmlNodePtr n = set->nodesetval->nodeTab[i];
      g_autofree char *uid = xp_text (ctx, n, "p:UID");
      g_autofree char *work = xp_text (ctx, n, "p:Work");
      g_autofree char *cost = xp_text (ctx, n, "p:Cost");
      g_autofree char *oa = xp_text (ctx, n, "p:OverAllocated");
      g_autofree char *peak = xp_text (ctx, n, "p:PeakUnits");
      GantryResource *r;

      if (uid == NULL || atoi (uid) <= 0)
        continue;
      r = gantry_project_lookup_resource (p, atoi (uid));
      g_assert_nonnull (r);
      if (work != NULL && gantry_resource_get_resource_type (r) == GANTRY_RESOURCE_WORK)
        g_assert_cmpint (gantry_resource_get_work (r), ==, pt_hours_ms (work));
      if (cost != NULL)
        g_assert_cmpfloat_with_epsilon (gantry_resource_get_cost (r),
                                        g_ascii_strtod (cost, NULL) / 100.0, 0.005);
      if (oa != NULL)
        g_assert_cmpint (gantry_resource_get_overallocated (r), ==, atoi (oa) != 0);
      /* MS Project leaves PeakUnits 0 for resources whose work is all
       * overtime or not yet spread; compare where it wrote a figure */
      if (peak != NULL && g_ascii_strtod (peak, NULL) > 0)
        g_assert_cmpfloat_with_epsilon (gantry_resource_get_peak_units (r),
                                        g_ascii_strtod (peak, NULL), 1e-6);
      checked++;
    }
  xmlXPathFreeObject (set);

  /* tasks: Cost (resource costs + fixed cost, rolled up) */
  set = xmlXPathEvalExpression ((const xmlChar *) "//p:Tasks/p:Task", ctx);
  for (i = 0; set->nodesetval != NULL && i < set->nodesetval->nodeNr; i++)
    {
      xmlNodePtr n = set->nodesetval->nodeTab[i];
      g_autofree char *uid = xp_text (ctx, n, "p:UID");
      g_autofree char *cost = xp_text (ctx, n, "p:Cost");
      g_autofree char *isnull = xp_text (ctx, n, "p:IsNull");
      GantryTask *t;

      if (uid == NULL || cost == NULL || (isnull != NULL && atoi (isnull) != 0))
        continue;
      t = atoi (uid) == 0 ? gantry_project_get_root_task (p)
                          : gantry_project_lookup_task (p, atoi (uid));
      g_assert_nonnull (t);
      g_assert_cmpfloat_with_epsilon (gantry_task_get_cost (t),
                                      g_ascii_strtod (cost, NULL) / 100.0, 0.005);
      checked++;
    }
  xmlXPathFreeObject (set);

  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
  return checked;
}

static void
test_corpus (void)
{
  const char *dir = g_getenv ("GANTRY_CORPUS_DIR");
  static const char *prefixes[] = { "mspdiassignmentfields.xml", "task-costs-",
                                    "resource-type-", "assignment-assignments-", NULL };
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint files = 0, checked = 0, i;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("GANTRY_CORPUS_DIR is not set or does not exist: no corpus to compare with");
      return;
    }
  d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    for (i = 0; prefixes[i] != NULL; i++)
      if (g_str_has_prefix (name, prefixes[i]) && g_str_has_suffix (name, ".xml"))
        g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_test_message ("%s", (const char *) g_ptr_array_index (names, i));
      checked += check_corpus_file (path);
      files++;
    }
  g_test_message ("%u files, %u figures compared", files, checked);
  g_assert_cmpuint (files, >=, 20);
  g_assert_cmpuint (checked, >, 100);
}

/* ---- work contours -------------------------------------------------------- */

/* Work of a in the day [day 00:00, next day 00:00). */
static GantryDuration
day_work (GantryAssignment *a, int y, int mo, int d)
{
  GantryTime t0 = T (y, mo, d, 0, 0);

  return gantry_assignment_work_between (a, t0, t0 + EDAY_MS);
}

/* Back Loaded: 10 15 25 50 50 75 75 100 100 100 % (average 60 %).  40 h
 * at 100 % lasts 40 h / 0.6 = 66 h 40 min of working time from Mon
 * 2025-04-07 08:00 on the standard calendar (8 h a day), in 10 segments
 * of 400 min.  Day d holds working minutes [480 d, 480 d + 480); by hand:
 *   Mon 7:  400 × 10 % +  80 × 15 %          =  52 min
 *   Tue 8:  320 × 15 % + 160 × 25 %          =  88
 *   Wed 9:  240 × 25 % + 240 × 50 %          = 180
 *   Thu 10: 160 × 50 % + 320 × 50 %          = 240
 *   Fri 11:  80 × 50 % + 400 × 75 %          = 340
 *   Mon 14: 400 × 75 % +  80 × 100 %         = 380
 *   Tue 15, Wed 16: 480 × 100 %              = 480 each
 *   Thu 17: 160 × 100 % (until 10:40)        = 160;  total 2400 min = 40 h */
static void
test_contour_back_loaded_days (void)
{
  static const struct { int day; int minutes; } want[] = {
    { 5, 0 }, { 6, 0 }, { 7, 52 }, { 8, 88 }, { 9, 180 }, { 10, 240 }, { 11, 340 },
    { 12, 0 }, { 13, 0 }, { 14, 380 }, { 15, 480 }, { 16, 480 }, { 17, 160 }, { 18, 0 },
  };
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r = plan_resource (p, "Ana", 1.0);
  GantryTask *t = plan_task (p, NULL, "Back", 5 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryAssignment *a = plan_assign (p, t, r, 1.0, 40 * HOUR_MS);
  g_autoptr(GArray) over = NULL;
  GantryWorkShape sh;
  GantryDuration sum = 0;
  guint i;

  gantry_assignment_set_work_contour (a, 1);
  over = update (p);
  assert_time (gantry_assignment_get_start (a), T (2025, 4, 7, 8, 0));
  assert_time (gantry_assignment_get_finish (a), T (2025, 4, 17, 10, 40));
  for (i = 0; i < G_N_ELEMENTS (want); i++)
    {
      GantryDuration w = day_work (a, 2025, 4, want[i].day);

      g_test_message ("April %d: %" G_GINT64_FORMAT " ms", want[i].day, w);
      g_assert_cmpint (w, ==, (gint64) want[i].minutes * MIN_MS);
      sum += w;
    }
  g_assert_cmpint (sum, ==, 40 * HOUR_MS);

  /* the segments: 400 working minutes each; the first at 10 %, the last
   * at 100 % */
  g_assert_true (gantry_assignment_get_work_shape (a, NULL, &sh));
  g_assert_cmpuint (sh.n, ==, 10);
  assert_time (sh.bound[1], T (2025, 4, 7, 15, 40));
  assert_time (sh.bound[5], T (2025, 4, 11, 9, 20));
  assert_time (sh.bound[10], T (2025, 4, 17, 10, 40));
  g_assert_cmpfloat_with_epsilon (sh.units[0], 0.10, 1e-12);
  g_assert_cmpfloat_with_epsilon (sh.units[9], 1.00, 1e-12);
  /* a single resource under 100 % is not over-allocated; its peak is
   * the contour's peak */
  g_assert_cmpuint (over->len, ==, 0);
  g_assert_cmpfloat_with_epsilon (gantry_resource_get_peak_units (r), 1.0, 1e-9);
}

/* Bell (10 20 40 80 100 100 80 40 20 10 %, average 50 %) at 100 % and a
 * flat 50 % assignment of the same resource (max 100 %), both 40 h from
 * Mon 2025-04-07: both last 80 h = 10 working days, a Bell segment is one
 * day.  Summed units per day: 0.6 0.7 0.9 1.3 1.5 1.5 1.3 0.9 0.7 0.6, so
 * the resource is over-allocated from the 4th working day (Thu 10) to the
 * 7th (Tue 15), at 1.5 at most: not over the whole 10 days, as it would
 * be with the units spread flat. */
static void
test_contour_bell_overallocation (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r = plan_resource (p, "Ana", 1.0);
  GantryTask *ta = plan_task (p, NULL, "Bell", 10 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *tb = plan_task (p, NULL, "Flat", 10 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryAssignment *a = plan_assign (p, ta, r, 1.0, 40 * HOUR_MS);
  GantryAssignment *b = plan_assign (p, tb, r, 0.5, 40 * HOUR_MS);
  g_autoptr(GArray) over = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GError) error = NULL;
  const GantryOverallocation *o;

  gantry_assignment_set_work_contour (a, 6);
  over = update (p);
  assert_time (gantry_assignment_get_finish (a), T (2025, 4, 18, 17, 0));
  assert_time (gantry_assignment_get_finish (b), T (2025, 4, 18, 17, 0));
  /* Bell's days: 8 h × 10 %, 80 %, 100 % */
  g_assert_cmpint (day_work (a, 2025, 4, 7), ==, 48 * MIN_MS);
  g_assert_cmpint (day_work (a, 2025, 4, 10), ==, 384 * MIN_MS);
  g_assert_cmpint (day_work (a, 2025, 4, 11), ==, 8 * HOUR_MS);
  g_assert_cmpint (day_work (b, 2025, 4, 11), ==, 4 * HOUR_MS);

  g_assert_cmpuint (over->len, ==, 1);
  o = &g_array_index (over, GantryOverallocation, 0);
  g_assert_true (o->resource == r);
  assert_time (o->start, T (2025, 4, 10, 8, 0));
  assert_time (o->finish, T (2025, 4, 15, 17, 0));
  g_assert_cmpfloat_with_epsilon (o->units, 1.5, 1e-9);
  g_assert_true (gantry_resource_get_overallocated (r));
  g_assert_cmpfloat_with_epsilon (gantry_resource_get_peak_units (r), 1.5, 1e-9);

  gantry_assignment_set_units (a, 0.4);
  gantry_assignment_set_work (a, 16 * HOUR_MS);   /* still 80 h at 40 % × 50 % */
  g_clear_pointer (&over, g_array_unref);
  over = update (p);
  /* 0.4 × (80 %, 100 %) + 0.5 = 0.82, 0.9: no over-allocation */
  g_assert_cmpuint (over->len, ==, 0);
  g_assert_cmpfloat_with_epsilon (gantry_resource_get_peak_units (r), 0.9, 1e-9);

  /* levelling leaves no over-allocation by the contoured sweep; B fits
   * from Bell's 8th day on (Wed 16: 40, 20, 10 % + 50 % <= 100 %), not
   * only after Bell (Mon 21) */
  gantry_assignment_set_units (a, 1.0);
  gantry_assignment_set_work (a, 40 * HOUR_MS);
  g_clear_pointer (&over, g_array_unref);
  over = update (p);
  g_assert_cmpuint (over->len, ==, 1);
  g_assert_true (gantry_resources_level (p, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  after = gantry_resources_update (p);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_cmpint (gantry_task_get_start (ta), ==, T (2025, 4, 7, 8, 0));
  assert_time (gantry_task_get_start (tb), T (2025, 4, 16, 8, 0));
  g_assert_cmpint (gantry_task_get_leveling_delay (tb), ==, 9 * EDAY_MS);
}

/* The assignment works on the task's calendar ∩ the resource's, as the
 * scheduler plans it: 24 h at 100 % from Mon 2025-04-07, the task's
 * calendar off on Tue 8, the resource's off on Wed 9: Mon, Thu, Fri.  A
 * task that ignores resource calendars works Mon, Wed, Thu.  Every
 * contour's days add up to the work exactly (37 h 13 min at 70 %). */
static GantryCalendar *
calendar_off (GantryProject *p, int day)
{
  GantryCalendar *c = gantry_calendar_new (gantry_project_next_calendar_uid (p), "Off");
  GantryCalendarException ex = { 0 };

  gantry_calendar_set_base (c, gantry_project_get_calendar (p));
  ex.from_day = ex.to_day = gantry_time_day_number (T (2025, 4, day, 0, 0));
  ex.recurrence = GANTRY_RECUR_NONE;
  ex.period = 1;
  ex.day.kind = GANTRY_DAY_NONWORKING;
  gantry_calendar_add_exception (c, &ex);
  g_assert_true (gantry_project_add_calendar (p, c));
  g_object_unref (c);
  return c;
}

static void
test_contour_calendars_totals (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r = plan_resource (p, "Ana", 1.0);
  GantryTask *t = plan_task (p, NULL, "T", 3 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryAssignment *a = plan_assign (p, t, r, 1.0, 24 * HOUR_MS);
  g_autoptr(GArray) over = NULL;
  int contour, d;

  gantry_task_set_calendar (t, calendar_off (p, 8));
  gantry_resource_set_calendar (r, calendar_off (p, 9));
  over = update (p);
  assert_time (gantry_assignment_get_finish (a), T (2025, 4, 11, 17, 0));
  g_assert_cmpint (day_work (a, 2025, 4, 7), ==, 8 * HOUR_MS);
  g_assert_cmpint (day_work (a, 2025, 4, 8), ==, 0);
  g_assert_cmpint (day_work (a, 2025, 4, 9), ==, 0);
  g_assert_cmpint (day_work (a, 2025, 4, 10), ==, 8 * HOUR_MS);
  g_assert_cmpint (day_work (a, 2025, 4, 11), ==, 8 * HOUR_MS);

  gantry_task_set_ignore_resource_calendar (t, TRUE);
  g_clear_pointer (&over, g_array_unref);
  over = update (p);
  assert_time (gantry_assignment_get_finish (a), T (2025, 4, 10, 17, 0));
  g_assert_cmpint (day_work (a, 2025, 4, 8), ==, 0);
  g_assert_cmpint (day_work (a, 2025, 4, 9), ==, 8 * HOUR_MS);
  g_assert_cmpint (day_work (a, 2025, 4, 11), ==, 0);

  gantry_task_set_ignore_resource_calendar (t, FALSE);
  gantry_assignment_set_units (a, 0.7);
  gantry_assignment_set_work (a, 37 * HOUR_MS + 13 * MIN_MS);
  for (contour = 0; contour <= 8; contour++)
    {
      GantryDuration sum = 0;

      gantry_assignment_set_work_contour (a, contour);
      g_clear_pointer (&over, g_array_unref);
      over = update (p);
      for (d = 0; d < 60; d++)
        sum += gantry_assignment_work_between (a, T (2025, 4, 7, 0, 0) + d * EDAY_MS,
                                               T (2025, 4, 7, 0, 0) + (d + 1) * EDAY_MS);
      g_assert_cmpint (sum, ==, 37 * HOUR_MS + 13 * MIN_MS);
      /* nothing on the days off */
      g_assert_cmpint (day_work (a, 2025, 4, 8), ==, 0);
      g_assert_cmpint (day_work (a, 2025, 4, 9), ==, 0);
      g_assert_cmpint (gantry_assignment_work_between (a, T (2025, 1, 1, 0, 0),
                                                       T (2026, 1, 1, 0, 0)),
                       ==, 37 * HOUR_MS + 13 * MIN_MS);
    }
}

/* An elapsed task's resources work around the clock: Bell 40 h at 100 %
 * lasts 80 elapsed hours, segments of 8 h; per 24 h from its start:
 * 8 h × (10 + 20 + 40) % = 5.6 h, × (80 + 100 + 100) % = 22.4 h,
 * × (80 + 40 + 20) % = 11.2 h, × 10 % = 0.8 h. */
static void
test_contour_elapsed (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r = plan_resource (p, "Ana", 1.0);
  GantryTask *t = plan_task (p, NULL, "E", 40 * HOUR_MS, GANTRY_FORMAT_ELAPSED_HOURS);
  GantryAssignment *a = plan_assign (p, t, r, 1.0, 40 * HOUR_MS);
  g_autoptr(GArray) over = NULL;
  static const gint64 want_min[] = { 336, 1344, 672, 48 };
  GantryTime s;
  guint d;

  gantry_assignment_set_work_contour (a, 6);
  over = update (p);
  s = gantry_assignment_get_start (a);
  g_assert_cmpint (gantry_assignment_get_finish (a) - s, ==, 80 * HOUR_MS);
  g_assert_null (gantry_assignment_get_work_calendar (a, NULL));
  for (d = 0; d < G_N_ELEMENTS (want_min); d++)
    g_assert_cmpint (gantry_assignment_work_between (a, s + d * EDAY_MS, s + (d + 1) * EDAY_MS),
                     ==, want_min[d] * MIN_MS);
}

/* Bad input: no dates, no work, no units, reversed or unset bounds. */
static void
test_contour_bad_input (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2025, 4, 7, 8, 0));
  GantryResource *r = plan_resource (p, "Ana", 1.0);
  GantryTask *t = plan_task (p, NULL, "T", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryAssignment *a = plan_assign (p, t, r, 1.0, 16 * HOUR_MS);
  GantryWorkShape sh;

  gantry_assignment_set_work_contour (a, 42);     /* out of range: flat */
  g_assert_cmpint (gantry_assignment_work_between (a, T (2025, 4, 7, 0, 0), T (2025, 4, 9, 0, 0)), ==, 0);
  schedule (p);
  g_assert_true (gantry_assignment_get_work_shape (a, NULL, &sh));
  g_assert_cmpuint (sh.n, ==, 1);
  g_assert_cmpint (gantry_assignment_work_between (a, T (2025, 4, 7, 0, 0), T (2025, 4, 9, 0, 0)),
                   ==, 16 * HOUR_MS);
  g_assert_cmpint (gantry_assignment_work_between (a, T (2025, 4, 9, 0, 0), T (2025, 4, 7, 0, 0)), ==, 0);
  g_assert_cmpint (gantry_assignment_work_between (a, GANTRY_TIME_NONE, T (2025, 4, 9, 0, 0)), ==, 0);
  gantry_assignment_set_work_contour (a, -3);
  g_assert_cmpint (gantry_assignment_work_between (a, T (2025, 4, 7, 0, 0), T (2025, 4, 8, 0, 0)),
                   ==, 8 * HOUR_MS);
  gantry_assignment_set_units (a, 0);
  g_assert_false (gantry_assignment_get_work_shape (a, NULL, &sh));
  g_assert_cmpint (gantry_assignment_work_between (a, T (2025, 4, 7, 0, 0), T (2025, 4, 9, 0, 0)), ==, 0);
}

/* Corpus: mspdiresource.xml, task 3's assignment (UID 8) is Turtle, 40 h
 * at 100 %; MS Project stored its timephased work (Type 1: chunks of an
 * hour, a minute or a day, in order).  The work MS Project has done by
 * the end of each chunk must match the contoured spread's work up to
 * that instant, within 3 minutes: MS Project rounds each chunk, and its
 * chunks add up to 39.962 h, 2 min 18 s short of the 40 h it states. */
static void
test_contour_corpus_turtle (void)
{
  const char *dir = g_getenv ("GANTRY_CORPUS_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GantryProject) p = NULL;
  g_autoptr(GArray) over = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) fin = g_array_new (FALSE, FALSE, sizeof (GantryTime));
  g_autoptr(GArray) cum = g_array_new (FALSE, FALSE, sizeof (gint64));
  GantryAssignment *a;
  xmlDocPtr doc;
  xmlXPathContextPtr ctx;
  xmlXPathObjectPtr set;
  GantryTime first = GANTRY_TIME_NONE, prev = GANTRY_TIME_NONE;
  gint64 total = 0, worst = 0;
  guint k;
  int i;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("GANTRY_CORPUS_DIR is not set or does not exist: no corpus to compare with");
      return;
    }
  path = g_build_filename (dir, "mspdiresource.xml", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("mspdiresource.xml is not in the corpus");
      return;
    }
  doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  g_assert_nonnull (doc);
  ctx = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (ctx, (const xmlChar *) "p", (const xmlChar *) "http://schemas.microsoft.com/project");
  set = xmlXPathEvalExpression ((const xmlChar *)
                                "//p:Assignments/p:Assignment[p:UID='8']/p:TimephasedData[p:Type='1']", ctx);
  g_assert_nonnull (set->nodesetval);
  for (i = 0; i < set->nodesetval->nodeNr; i++)
    {
      xmlNodePtr n = set->nodesetval->nodeTab[i];
      g_autofree char *start = xp_text (ctx, n, "p:Start");
      g_autofree char *finish = xp_text (ctx, n, "p:Finish");
      g_autofree char *value = xp_text (ctx, n, "p:Value");
      gint64 v = value != NULL ? pt_hours_ms (value) : 0;
      GantryTime s, f;

      g_assert_true (gantry_time_parse_iso (start, &s, NULL));
      g_assert_true (gantry_time_parse_iso (finish, &f, NULL));
      g_assert_cmpint (v, >=, 0);
      g_assert_cmpint (f, >=, s);
      if (prev != GANTRY_TIME_NONE)
        g_assert_cmpint (s, >=, prev);
      if (first == GANTRY_TIME_NONE)
        first = s;
      prev = f;
      total += v;
      g_array_append_val (fin, f);
      g_array_append_val (cum, total);
    }
  xmlXPathFreeObject (set);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
  g_assert_cmpuint (fin->len, >=, 100);

  p = gantry_mspdi_load (path, NULL, &error);
  g_assert_no_error (error);
  over = update (p);
  a = gantry_project_lookup_assignment (p, 8);
  g_assert_nonnull (a);
  g_assert_cmpint (gantry_assignment_get_work_contour (a), ==, 7);
  assert_time (gantry_assignment_get_start (a), first);
  for (k = 0; k < fin->len; k++)
    {
      GantryTime f = g_array_index (fin, GantryTime, k);
      gint64 ours = gantry_assignment_work_between (a, first, f);
      gint64 theirs = g_array_index (cum, gint64, k);

      worst = MAX (worst, ABS (ours - theirs));
      if (ABS (ours - theirs) > 3 * MIN_MS)
        {
          g_autofree char *iso = gantry_time_format_iso (f);
          g_test_message ("by %s: MS Project %.4f h, Gantry %.4f h", iso,
                          theirs / (double) HOUR_MS, ours / (double) HOUR_MS);
        }
      g_assert_cmpint (ABS (ours - theirs), <=, 3 * MIN_MS);
    }
  g_assert_cmpint (ABS (total - 40 * HOUR_MS), <=, 3 * MIN_MS);
  g_assert_cmpint (gantry_assignment_work_between (a, first, prev + EDAY_MS), ==, 40 * HOUR_MS);
  g_test_message ("%u chunks compared, largest difference %.1f s", fin->len, worst / 1000.0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/resources/cost/C26", test_c26_cost);
  g_test_add_func ("/engine/resources/cost/rollup", test_cost_rollup);
  g_test_add_func ("/engine/resources/cost/rate-table", test_rate_table);
  g_test_add_func ("/engine/resources/work/I19-I20", test_i19_i20_resource_work);
  g_test_add_func ("/engine/resources/overallocation/constructed", test_overallocation_constructed);
  g_test_add_func ("/engine/resources/overallocation/nonworking", test_overallocation_nonworking);
  g_test_add_func ("/engine/resources/level/two-tasks", test_level_two_tasks);
  g_test_add_func ("/engine/resources/level/priority", test_level_priority);
  g_test_add_func ("/engine/resources/level/slack", test_level_slack);
  g_test_add_func ("/engine/resources/level/within-slack", test_level_within_slack);
  g_test_add_func ("/engine/resources/level/range", test_level_range);
  g_test_add_func ("/engine/resources/level/random", test_level_random);
  g_test_add_func ("/engine/resources/level/progress-cancel", test_level_progress_cancel);
  g_test_add_func ("/engine/resources/level/async-equals-sync", test_level_async_equals_sync);
  g_test_add_func ("/engine/resources/level/async-options", test_level_async_options);
  g_test_add_func ("/engine/resources/level/input-copy", test_level_input_copy);
  g_test_add_func ("/engine/resources/level/async-cancel", test_level_async_cancel);
  g_test_add_func ("/engine/resources/level/async-plan-changed", test_level_async_plan_changed);
  g_test_add_func ("/engine/resources/cost/fixed-cost-accrual", test_fixed_cost_accrual);
  g_test_add_func ("/engine/resources/bad-input", test_bad_input);
  g_test_add_func ("/engine/resources/corpus", test_corpus);
  g_test_add_func ("/engine/resources/contour/back-loaded-days", test_contour_back_loaded_days);
  g_test_add_func ("/engine/resources/contour/bell-overallocation", test_contour_bell_overallocation);
  g_test_add_func ("/engine/resources/contour/calendars-totals", test_contour_calendars_totals);
  g_test_add_func ("/engine/resources/contour/elapsed", test_contour_elapsed);
  g_test_add_func ("/engine/resources/contour/bad-input", test_contour_bad_input);
  g_test_add_func ("/engine/resources/contour/corpus-turtle", test_contour_corpus_turtle);
  return g_test_run ();
}
