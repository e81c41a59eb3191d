/* test-uid-limits.c — UID allocation when a plan already uses G_MAXINT
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Regression test for a fuzz-mspdi finding: a file with UID 2147483647 and
 * a duplicate UID made the reader give the duplicate UID -2147483648
 * (signed overflow in gantry_project_next_*_uid).  A fresh UID must be
 * positive and unused, however large the UIDs in the plan are.
 *
 * Also a second finding: gantry_project_add_calendar reported success for
 * a duplicate calendar UID without adding it, so the MSPDI reader kept a
 * pointer to a calendar that was then freed (use after free when it
 * resolved the calendar's base).
 */
#include "config.h"

#include <string.h>

#include "gantry-core.h"
#include "gantry-mspdi.h"

static void
test_task_uids (void)
{
  g_autoptr(GantryProject) p = gantry_project_new ();
  GantryTask *root = gantry_project_get_root_task (p);
  g_autoptr(GantryTask) top = gantry_task_new (G_MAXINT, "Top UID");
  g_autoptr(GantryTask) one = gantry_task_new (1, "One");
  int a, b;

  g_assert_true (gantry_project_add_task (p, root, -1, top));
  g_assert_true (gantry_project_add_task (p, root, -1, one));

  a = gantry_project_next_task_uid (p);
  g_assert_cmpint (a, >, 0);
  g_assert_null (gantry_project_lookup_task (p, a));
  {
    g_autoptr(GantryTask) t = gantry_task_new (a, "Fresh");
    g_assert_true (gantry_project_add_task (p, root, -1, t));
  }
  b = gantry_project_next_task_uid (p);
  g_assert_cmpint (b, >, 0);
  g_assert_cmpint (b, !=, a);
  g_assert_null (gantry_project_lookup_task (p, b));
}

static void
test_resource_and_calendar_uids (void)
{
  g_autoptr(GantryProject) p = gantry_project_new ();
  g_autoptr(GantryResource) r = gantry_resource_new (G_MAXINT, "Top UID");
  g_autoptr(GantryCalendar) c = gantry_calendar_new (G_MAXINT, "Top UID");
  int uid;

  g_assert_true (gantry_project_add_resource (p, -1, r));
  g_assert_true (gantry_project_add_calendar (p, c));

  uid = gantry_project_next_resource_uid (p);
  g_assert_cmpint (uid, >, 0);
  g_assert_null (gantry_project_lookup_resource (p, uid));
  uid = gantry_project_next_calendar_uid (p);
  g_assert_cmpint (uid, >, 0);
  g_assert_null (gantry_project_lookup_calendar (p, uid));
  uid = gantry_project_next_assignment_uid (p);
  g_assert_cmpint (uid, >, 0);
}

/* The input fuzz-mspdi found, reduced (tests/fuzz/seeds/mspdi/uid-max-duplicates.xml). */
static void
test_mspdi_duplicate_next_to_max (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<Project xmlns=\"http://schemas.microsoft.com/project\"><Name>uid-max</Name>\n"
    "<Tasks><Task><UID>2147483647</UID><Name>T1</Name></Task>"
    "<Task><UID>5</UID><Name>T2</Name></Task><Task><UID>5</UID><Name>T3</Name></Task></Tasks>\n"
    "<Resources><Resource><UID>2147483647</UID><Name>A</Name></Resource>"
    "<Resource><UID>5</UID><Name>B</Name></Resource>"
    "<Resource><UID>5</UID><Name>C</Name></Resource></Resources>\n"
    "</Project>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GantryProject) p = gantry_mspdi_load_data (xml, strlen (xml), &warnings, &error);
  GPtrArray *tasks;
  GListModel *resources;

  g_assert_no_error (error);
  g_assert_nonnull (p);

  tasks = gantry_project_get_all_tasks (p);
  g_assert_cmpuint (tasks->len, ==, 3);      /* the duplicate is kept, renumbered */
  for (guint i = 0; i < tasks->len; i++)
    g_assert_cmpint (gantry_task_get_uid (g_ptr_array_index (tasks, i)), >, 0);

  resources = gantry_project_get_resources (p);
  g_assert_cmpuint (g_list_model_get_n_items (resources), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(GantryResource) r = g_list_model_get_item (resources, i);
      g_assert_cmpint (gantry_resource_get_uid (r), >, 0);
    }
}

static void
test_duplicate_calendar_refused (void)
{
  g_autoptr(GantryProject) p = gantry_project_new ();
  g_autoptr(GantryCalendar) a = gantry_calendar_new (2, "A");
  g_autoptr(GantryCalendar) b = gantry_calendar_new (2, "B");
  guint n;

  g_assert_true (gantry_project_add_calendar (p, a));
  n = g_list_model_get_n_items (gantry_project_get_calendars (p));
  g_assert_false (gantry_project_add_calendar (p, b));   /* documented: FALSE, nothing added */
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_calendars (p)), ==, n);
  g_assert_true (gantry_project_lookup_calendar (p, 2) == a);
}

/* The input fuzz-mspdi found, reduced (tests/fuzz/seeds/mspdi/calendar-duplicate-uid.xml). */
static void
test_mspdi_duplicate_calendar_with_base (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<Project xmlns=\"http://schemas.microsoft.com/project\"><Name>cal</Name><Calendars>"
    "<Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar></Calendar>"
    "<Calendar><UID>2</UID><Name>A</Name><BaseCalendarUID>1</BaseCalendarUID></Calendar>"
    "<Calendar><UID>2</UID><Name>B</Name><BaseCalendarUID>1</BaseCalendarUID></Calendar>"
    "</Calendars></Project>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GantryProject) p = gantry_mspdi_load_data (xml, strlen (xml), &warnings, &error);
  GantryCalendar *a;

  g_assert_no_error (error);
  g_assert_nonnull (p);
  a = gantry_project_lookup_calendar (p, 2);
  g_assert_nonnull (a);
  g_assert_cmpstr (gantry_calendar_get_name (a), ==, "A");
  g_assert_true (gantry_calendar_get_base (a) == gantry_project_lookup_calendar (p, 1));
  g_assert_nonnull (warnings);
  g_assert_cmpuint (warnings->len, >=, 1);   /* the second calendar is reported, not kept */
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/uid-limits/tasks", test_task_uids);
  g_test_add_func ("/core/uid-limits/resources-calendars", test_resource_and_calendar_uids);
  g_test_add_func ("/core/uid-limits/mspdi-duplicate-next-to-max", test_mspdi_duplicate_next_to_max);
  g_test_add_func ("/core/uid-limits/duplicate-calendar", test_duplicate_calendar_refused);
  g_test_add_func ("/core/uid-limits/mspdi-duplicate-calendar-with-base",
                   test_mspdi_duplicate_calendar_with_base);
  return g_test_run ();
}
