/* test-model.c — the project, its objects, list models and lookups
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gantry-test-helper.h"

/* Counts notifications of one property. */
typedef struct
{
  guint count;
} NotifyCounter;

static void
on_notify (GObject *object, GParamSpec *pspec, gpointer data)
{
  ((NotifyCounter *) data)->count++;
}

/* Records items-changed of a list model. */
typedef struct
{
  guint calls;
  guint position, removed, added;
} ItemsChanged;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, gpointer data)
{
  ItemsChanged *ic = data;

  ic->calls++;
  ic->position = position;
  ic->removed = removed;
  ic->added = added;
}

static GantryTask *
new_task (GantryProject *p, GantryTask *parent, int position, int uid, const char *name)
{
  g_autoptr(GantryTask) t = gantry_task_new (uid, name);

  g_assert_true (gantry_project_add_task (p, parent, position, t));
  return t;
}

/* ---- full plan ------------------------------------------------------------ */

static void
test_full_plan_equal (void)
{
  g_autoptr(GantryProject) a = gantry_test_build_full_plan ();
  g_autoptr(GantryProject) b = gantry_test_build_full_plan ();

  gantry_test_assert_projects_identical (a, b);
  gantry_test_assert_projects_equal (a, b);
  g_assert_false (gantry_project_get_modified (a));
  g_assert_false (gantry_project_can_undo (a));
  g_assert_cmpuint (gantry_project_get_n_tasks (a), ==, 13);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_links (a)), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_assignments (a)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_resources (a)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_calendars (a)), ==, 4);
}

/* The equality assertion must fail on a difference, naming it. */
static void
test_full_plan_differs_subprocess (void)
{
  g_autoptr(GantryProject) a = gantry_test_build_full_plan ();
  g_autoptr(GantryProject) b = gantry_test_build_full_plan ();
  const char *which = strrchr (g_test_get_path (), '/') + 1;

  if (g_strcmp0 (which, "duration") == 0)
    gantry_task_set_duration (gantry_project_lookup_task (b, 4), 1);
  else if (g_strcmp0 (which, "extra") == 0)
    gantry_extras_append (gantry_task_get_extras (gantry_project_lookup_task (b, 4)),
                          "Foo", "<Foo/>", TRUE);
  else if (g_strcmp0 (which, "calendar") == 0)
    {
      GantryDayDef def = { GANTRY_DAY_NONWORKING, 0, { { 0, 0 } } };
      gantry_calendar_set_weekday (gantry_project_lookup_calendar (b, 3), 2, &def);
    }
  else if (g_strcmp0 (which, "baseline") == 0)
    gantry_task_set_baseline (gantry_project_lookup_task (b, 2), 5, NULL);
  else if (g_strcmp0 (which, "link") == 0)
    gantry_link_set_lag (gantry_project_find_link (b, gantry_project_lookup_task (b, 2),
                                                   gantry_project_lookup_task (b, 4)), 1);
  else if (g_strcmp0 (which, "setting") == 0)
    gantry_project_set_setting (b, "view.zoom", "4");
  else if (g_strcmp0 (which, "resource") == 0)
    gantry_resource_set_standard_rate (gantry_project_lookup_resource (b, 2), 41.0);
  else if (g_strcmp0 (which, "project") == 0)
    gantry_project_set_status_date (b, 0);

  gantry_test_assert_projects_equal (a, b);
}

static void
test_full_plan_differs (void)
{
  static const struct { const char *which; const char *pattern; } cases[] = {
    { "duration", "*task UID 4 “Sketch”: property “duration” differs*" },
    { "extra", "*task UID 4 “Sketch”: 2 extras vs 3*" },
    { "calendar", "*calendar UID 3 “Alice Ång”: definitions differ*" },
    { "baseline", "*task UID 2 “Requirements”: baseline 5 is set vs unset*" },
    { "link", "*link 2→4: property “lag” differs*" },
    { "setting", "*setting “view.zoom” is “3” vs “4”*" },
    { "resource", "*resource UID 2 “Bob”: property “standard-rate” differs*" },
    { "project", "*project: property “status-date” differs*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/model/full-plan/differs/subprocess/%s",
                                               cases[i].which);

      g_test_trap_subprocess (path, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_failed ();
      g_test_trap_assert_stderr (cases[i].pattern);
    }
}

/* ---- outline -------------------------------------------------------------- */

static void
test_outline (void)
{
  g_autoptr(GantryProject) p = gantry_project_new ();
  GantryTask *root = gantry_project_get_root_task (p);
  GantryTask *a, *b, *c, *a1, *a2, *a1x;
  ItemsChanged ic = { 0 };
  NotifyCounter summary = { 0 };
  g_autofree char *num = NULL;
  GPtrArray *all;

  g_signal_connect (root, "items-changed", G_CALLBACK (on_items_changed), &ic);

  a = new_task (p, NULL, -1, 1, "A");
  g_assert_cmpuint (ic.calls, ==, 1);
  g_assert_cmpuint (ic.position, ==, 0);
  g_assert_cmpuint (ic.added, ==, 1);
  c = new_task (p, NULL, -1, 3, "C");
  b = new_task (p, NULL, 1, 2, "B");
  g_assert_cmpuint (ic.calls, ==, 3);
  g_assert_cmpuint (ic.position, ==, 1);

  g_signal_connect (a, "notify::summary", G_CALLBACK (on_notify), &summary);
  a1 = new_task (p, a, -1, 4, "A1");
  a2 = new_task (p, a, -1, 5, "A2");
  a1x = new_task (p, a1, 0, 6, "A1x");
  g_assert_cmpuint (summary.count, ==, 1);   /* only 0 -> 1 child */
  g_assert_true (gantry_task_get_summary (a));
  g_assert_false (gantry_task_get_summary (b));

  /* Root is a GListModel of top-level tasks. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (root)), ==, 3);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (root)) == GANTRY_TYPE_TASK);
  {
    g_autoptr(GantryTask) second = g_list_model_get_item (G_LIST_MODEL (root), 1);
    g_assert_true (second == b);
    g_assert_null (g_list_model_get_item (G_LIST_MODEL (root), 3));
  }

  g_assert_cmpint (gantry_task_get_outline_level (root), ==, 0);
  g_assert_cmpint (gantry_task_get_outline_level (a), ==, 1);
  g_assert_cmpint (gantry_task_get_outline_level (a1x), ==, 3);
  g_assert_cmpint (gantry_task_get_position (c), ==, 2);
  g_assert_cmpint (gantry_task_get_position (root), ==, -1);
  num = gantry_task_dup_outline_number (a1x);
  g_assert_cmpstr (num, ==, "1.1.1");
  g_assert_true (gantry_task_is_ancestor_of (a, a1x));
  g_assert_false (gantry_task_is_ancestor_of (a1x, a));
  g_assert_true (gantry_task_get_parent (a1x) == a1);
  g_assert_true (gantry_task_get_parent (a) == root);
  g_assert_true (gantry_task_get_project (a1x) == p);

  /* Pre-order, every task but the root. */
  all = gantry_project_get_all_tasks (p);
  g_assert_cmpuint (all->len, ==, 6);
  g_assert_true (g_ptr_array_index (all, 0) == a);
  g_assert_true (g_ptr_array_index (all, 1) == a1);
  g_assert_true (g_ptr_array_index (all, 2) == a1x);
  g_assert_true (g_ptr_array_index (all, 3) == a2);
  g_assert_true (g_ptr_array_index (all, 4) == b);
  g_assert_true (g_ptr_array_index (all, 5) == c);

  gantry_project_renumber (p);
  g_assert_cmpint (gantry_task_get_id (a2), ==, 4);
  g_assert_true (gantry_project_lookup_task_by_id (p, 4) == a2);
  g_assert_true (gantry_project_lookup_task_by_id (p, 0) == root);
  g_assert_null (gantry_project_lookup_task_by_id (p, 7));
  g_assert_true (gantry_project_lookup_task (p, 6) == a1x);
  g_assert_true (gantry_project_lookup_task (p, 0) == root);
  g_assert_cmpint (gantry_project_next_task_uid (p), ==, 7);

  /* Move A1 (with A1x) under C; levels follow. */
  g_assert_true (gantry_project_move_task (p, a1, c, 0));
  g_assert_cmpint (gantry_task_get_outline_level (a1x), ==, 3);
  g_assert_true (gantry_task_get_parent (a1) == c);
  g_assert_true (gantry_task_get_summary (c));
  /* A still has A2. */
  g_assert_cmpuint (gantry_task_get_n_children (a), ==, 1);
  /* Refused: under itself or its descendant. */
  g_assert_false (gantry_project_move_task (p, a1, a1x, 0));
  g_assert_false (gantry_project_move_task (p, a1, a1, 0));
  g_assert_false (gantry_project_move_task (p, root, a, 0));
  /* Move to top level, at the front. */
  g_assert_true (gantry_project_move_task (p, a1x, NULL, 0));
  g_assert_cmpint (gantry_task_get_outline_level (a1x), ==, 1);
  g_assert_true (g_ptr_array_index (gantry_project_get_all_tasks (p), 0) == a1x);

  /* Remove a subtree. */
  g_object_ref (c);
  gantry_project_remove_task (p, c);
  g_assert_null (gantry_task_get_project (c));
  g_assert_null (gantry_task_get_project (a1));
  g_assert_null (gantry_project_lookup_task (p, 4));
  g_assert_cmpuint (gantry_project_get_n_tasks (p), ==, 4);
  /* Adding it back takes the subtree's uids again. */
  g_assert_true (gantry_project_add_task (p, NULL, -1, c));
  g_assert_true (gantry_project_lookup_task (p, 4) == a1);
  g_object_unref (c);

  g_signal_handlers_disconnect_by_func (root, on_items_changed, &ic);
  g_signal_handlers_disconnect_by_func (a, on_notify, &summary);
}

static void
test_add_refusals (void)
{
  g_autoptr(GantryProject) p = gantry_project_new ();
  g_autoptr(GantryProject) q = gantry_project_new ();
  g_autoptr(GantryTask) dup = gantry_task_new (1, "dup");
  g_autoptr(GantryTask) zero = gantry_task_new (0, "zero");
  g_autoptr(GantryTask) parent = gantry_task_new (10, "parent");
  g_autoptr(GantryTask) child = gantry_task_new (1, "child");
  GantryTask *a = new_task (p, NULL, -1, 1, "A");
  GantryTask *b = new_task (p, NULL, -1, 2, "B");
  GantryTask *other = new_task (q, NULL, -1, 1, "other");
  g_autoptr(GantryLink) self_link = gantry_link_new (a, a, GANTRY_LINK_FS, 0, 7);
  g_autoptr(GantryLink) ab = gantry_link_new (a, b, GANTRY_LINK_FS, 0, 7);
  g_autoptr(GantryLink) ab2 = gantry_link_new (a, b, GANTRY_LINK_SS, 0, 7);
  g_autoptr(GantryLink) cross = gantry_link_new (a, other, GANTRY_LINK_FS, 0, 7);
  g_autoptr(GantryResource) r = gantry_resource_new (1, "R");
  g_autoptr(GantryResource) r_dup = gantry_resource_new (1, "R again");
  g_autoptr(GantryCalendar) cal = gantry_calendar_new (1, "C");

  /* Duplicate UIDs, the root's UID 0, a subtree with a taken UID. */
  g_assert_false (gantry_project_add_task (p, NULL, -1, dup));
  g_assert_false (gantry_project_add_task (p, NULL, -1, zero));
  {
    g_autoptr(GantryTask) sub = gantry_task_new (11, "sub");
    g_autoptr(GantryTask) sub2 = gantry_task_new (2, "taken");

    /* Build parent(10) > sub(11) > taken(2) in q, take it out, and try to
     * add the subtree to p, where UID 2 is taken: nothing is added. */
    g_assert_true (gantry_project_add_task (q, NULL, -1, parent));
    g_assert_true (gantry_project_add_task (q, parent, -1, sub));
    g_assert_true (gantry_project_add_task (q, sub, -1, sub2));
    gantry_project_remove_task (q, parent);
    g_assert_false (gantry_project_add_task (p, NULL, -1, parent));
    g_assert_null (gantry_project_lookup_task (p, 10));
    g_assert_null (gantry_project_lookup_task (p, 11));
    g_assert_null (gantry_task_get_project (sub));
    gantry_task_set_uid (sub2, 12);
    g_assert_true (gantry_project_add_task (p, NULL, -1, parent));
    g_assert_true (gantry_project_lookup_task (p, 12) == sub2);
  }
  /* A task of another project cannot be a parent here. */
  g_assert_false (gantry_project_add_task (p, other, -1, child));
  /* Adding twice. */
  g_assert_false (gantry_project_add_task (p, NULL, -1, a));

  /* Links: to itself, duplicates, across projects. */
  g_assert_false (gantry_project_add_link (p, self_link));
  g_assert_true (gantry_project_add_link (p, ab));
  g_assert_false (gantry_project_add_link (p, ab));
  g_assert_false (gantry_project_add_link (p, ab2));
  g_assert_false (gantry_project_add_link (p, cross));
  g_assert_true (gantry_project_find_link (p, a, b) == ab);
  g_assert_null (gantry_project_find_link (p, b, a));

  /* Resources with the same UID. */
  g_assert_true (gantry_project_add_resource (p, -1, r));
  g_assert_false (gantry_project_add_resource (p, -1, r_dup));
  g_assert_false (gantry_project_add_resource (q, -1, r));

  g_assert_true (gantry_project_add_calendar (p, cal));
  g_assert_false (gantry_project_add_calendar (p, cal));
  g_assert_false (gantry_project_add_calendar (q, cal));
}

static void
test_links_and_assignments (void)
{
  g_autoptr(GantryProject) p = gantry_project_new ();
  GantryTask *a = new_task (p, NULL, -1, 1, "A");
  GantryTask *b = new_task (p, NULL, -1, 2, "B");
  GantryTask *c = new_task (p, b, -1, 3, "C");
  g_autoptr(GantryLink) ab = gantry_link_new (a, b, GANTRY_LINK_FS, 0, 7);
  g_autoptr(GantryLink) ac = gantry_link_new (a, c, GANTRY_LINK_SS, -GANTRY_MS_HOUR, 5);
  g_autoptr(GantryResource) r = gantry_resource_new (7, "R");
  g_autoptr(GantryAssignment) x = NULL;
  g_autoptr(GantryAssignment) y = NULL;

  g_assert_true (gantry_project_add_link (p, ab));
  g_assert_true (gantry_project_add_link (p, ac));
  g_assert_cmpuint (gantry_task_get_successors (a)->len, ==, 2);
  g_assert_cmpuint (gantry_task_get_predecessors (c)->len, ==, 1);
  g_assert_true (g_ptr_array_index (gantry_task_get_predecessors (c), 0) == ac);

  g_assert_true (gantry_project_add_resource (p, -1, r));
  x = gantry_assignment_new (1, a, r, 1.0, 8 * GANTRY_MS_HOUR);
  y = gantry_assignment_new (2, c, r, 0.5, 4 * GANTRY_MS_HOUR);
  g_assert_true (gantry_project_add_assignment (p, x));
  g_assert_true (gantry_project_add_assignment (p, y));
  g_assert_false (gantry_project_add_assignment (p, x));
  g_assert_cmpuint (gantry_resource_get_assignments (r)->len, ==, 2);
  g_assert_true (gantry_project_lookup_assignment (p, 2) == y);
  g_assert_cmpint (gantry_project_next_assignment_uid (p), ==, 3);

  /* Removing B removes its subtree's links and assignments. */
  gantry_project_remove_task (p, b);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_links (p)), ==, 0);
  g_assert_cmpuint (gantry_task_get_successors (a)->len, ==, 0);
  g_assert_cmpuint (gantry_resource_get_assignments (r)->len, ==, 1);
  g_assert_null (gantry_project_lookup_assignment (p, 2));

  /* Removing the resource removes its assignments. */
  gantry_project_remove_resource (p, r);
  g_assert_cmpuint (gantry_task_get_assignments (a)->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_assignments (p)), ==, 0);
  g_assert_null (gantry_project_lookup_resource (p, 7));
}

static void
test_explicit_notify (void)
{
  g_autoptr(GantryProject) p = gantry_project_new ();
  GantryTask *t = new_task (p, NULL, -1, 1, "T");
  NotifyCounter n = { 0 };
  NotifyCounter pn = { 0 };

  g_signal_connect (t, "notify::duration", G_CALLBACK (on_notify), &n);
  gantry_task_set_duration (t, 2 * GANTRY_MS_HOUR);
  gantry_task_set_duration (t, 2 * GANTRY_MS_HOUR);
  g_object_set (t, "duration", 2 * GANTRY_MS_HOUR, NULL);
  g_assert_cmpuint (n.count, ==, 1);
  g_object_set (t, "duration", 3 * GANTRY_MS_HOUR, NULL);
  g_assert_cmpuint (n.count, ==, 2);

  g_signal_connect (p, "notify::name", G_CALLBACK (on_notify), &pn);
  gantry_project_set_name (p, "x");
  gantry_project_set_name (p, "x");
  g_object_set (p, "name", "x", NULL);
  g_assert_cmpuint (pn.count, ==, 1);

  /* Every writable property of every type is explicit-notify. */
  {
    GType types[] = { GANTRY_TYPE_TASK, GANTRY_TYPE_LINK, GANTRY_TYPE_RESOURCE,
                      GANTRY_TYPE_ASSIGNMENT, GANTRY_TYPE_CALENDAR, GANTRY_TYPE_PROJECT };

    for (guint i = 0; i < G_N_ELEMENTS (types); i++)
      {
        g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
        g_autofree GParamSpec **specs = NULL;
        guint n_specs;

        specs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_specs);
        for (guint j = 0; j < n_specs; j++)
          if ((specs[j]->flags & G_PARAM_WRITABLE) && !(specs[j]->flags & G_PARAM_CONSTRUCT_ONLY))
            {
              g_test_message ("%s:%s", g_type_name (types[i]), specs[j]->name);
              g_assert_true (specs[j]->flags & G_PARAM_EXPLICIT_NOTIFY);
            }
      }
  }

  g_signal_handlers_disconnect_by_func (t, on_notify, &n);
  g_signal_handlers_disconnect_by_func (p, on_notify, &pn);
}

static void
test_uid_change (void)
{
  g_autoptr(GantryProject) p = gantry_project_new ();
  GantryTask *a = new_task (p, NULL, -1, 1, "A");
  GantryTask *b = new_task (p, NULL, -1, 2, "B");

  gantry_task_set_uid (a, 10);
  g_assert_true (gantry_project_lookup_task (p, 10) == a);
  g_assert_null (gantry_project_lookup_task (p, 1));
  g_assert_cmpint (gantry_project_next_task_uid (p), ==, 11);

  /* Taken: refused, with a warning. */
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*UID 2 is already used*");
  gantry_task_set_uid (a, 2);
  g_test_assert_expected_messages ();
  g_assert_cmpint (gantry_task_get_uid (a), ==, 10);
  g_assert_true (gantry_project_lookup_task (p, 2) == b);
}

static void
test_settings (void)
{
  g_autoptr(GantryProject) p = gantry_project_new ();
  g_autoptr(GPtrArray) keys = NULL;

  gantry_project_set_setting (p, "b", "2");
  gantry_project_set_setting (p, "a", "1");
  gantry_project_set_setting (p, "c", "3");
  gantry_project_set_setting (p, "c", NULL);
  keys = gantry_project_list_settings (p);
  g_assert_cmpuint (keys->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (keys, 0), ==, "a");
  g_assert_cmpstr (g_ptr_array_index (keys, 1), ==, "b");
  g_assert_cmpstr (gantry_project_get_setting (p, "b"), ==, "2");
  g_assert_null (gantry_project_get_setting (p, "c"));
}

static void
test_new_default (void)
{
  GantryTime start = gantry_time_make (2026, 3, 2, 8, 0, 0);
  g_autoptr(GantryProject) p = gantry_project_new_default (start);
  GantryDurationContext ctx;

  g_assert_nonnull (gantry_project_get_calendar (p));
  g_assert_cmpuint (gantry_project_get_n_tasks (p), ==, 1);
  g_assert_cmpint (gantry_project_get_start (p), ==, start);
  g_assert_false (gantry_project_get_modified (p));
  g_assert_false (gantry_project_can_undo (p));
  gantry_project_get_duration_context (p, &ctx);
  g_assert_cmpint (ctx.minutes_per_day, ==, 480);
  g_assert_cmpint (ctx.minutes_per_week, ==, 2400);
  g_assert_cmpint (ctx.days_per_month, ==, 20);
  g_assert_cmpint (gantry_project_get_default_start_time (p), ==, 480);
  g_assert_cmpint (gantry_project_get_default_finish_time (p), ==, 1020);
}


/* 100 000 tasks, 100 000 links, 30 000 assignments through the direct API:
 * everything stays consistent at that size (the benchmark bench-core
 * reports the time; nothing here is timed). */
static void
test_large (void)
{
  const guint n = 100000;
  g_autoptr(GantryProject) p = gantry_project_new ();
  g_autoptr(GPtrArray) leaves = g_ptr_array_new ();
  g_autoptr(GPtrArray) resources = g_ptr_array_new ();
  GantryTask *summary = NULL, *victim;
  ItemsChanged ic = { 0 };
  GPtrArray *all;
  guint n_links = 0, n_removed_links = 0, n_removed_assignments = 0;

  g_signal_connect (gantry_project_get_root_task (p), "items-changed",
                    G_CALLBACK (on_items_changed), &ic);
  for (int r = 1; r <= 50; r++)
    {
      g_autoptr(GantryResource) res = gantry_resource_new (r, "R");
      g_assert_true (gantry_project_add_resource (p, -1, res));
      g_ptr_array_add (resources, res);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GantryTask) t = gantry_task_new ((int) i + 1, NULL);

      if (i % 100 == 0)
        {
          g_assert_true (gantry_project_add_task (p, NULL, -1, t));
          summary = t;
        }
      else
        {
          g_assert_true (gantry_project_add_task (p, summary, -1, t));
          g_ptr_array_add (leaves, t);
        }
    }
  for (guint i = 0; n_links < n; i++)
    {
      guint a = i % leaves->len, b = (a + 1 + i / leaves->len) % leaves->len;
      g_autoptr(GantryLink) l = gantry_link_new (g_ptr_array_index (leaves, a),
                                                 g_ptr_array_index (leaves, b),
                                                 GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
      if (gantry_project_add_link (p, l))
        n_links++;
    }
  for (guint i = 0; i < 30000; i++)
    {
      g_autoptr(GantryAssignment) a =
        gantry_assignment_new ((int) i + 1, g_ptr_array_index (leaves, (i * 3) % leaves->len),
                               g_ptr_array_index (resources, i % 50), 1.0, 0);
      g_assert_true (gantry_project_add_assignment (p, a));
    }
  gantry_project_renumber (p);

  g_assert_cmpuint (gantry_project_get_n_tasks (p), ==, n);
  g_assert_cmpuint (ic.calls, ==, n / 100);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_links (p)), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_assignments (p)), ==, 30000);
  all = gantry_project_get_all_tasks (p);
  g_assert_cmpuint (all->len, ==, n);
  for (guint i = 0; i < all->len; i++)
    {
      GantryTask *t = g_ptr_array_index (all, i);
      g_assert_cmpint (gantry_task_get_uid (t), ==, (int) i + 1);
      g_assert_cmpint (gantry_task_get_id (t), ==, (int) i + 1);
    }
  g_assert_true (gantry_project_lookup_task_by_id (p, 54321) ==
                 gantry_project_lookup_task (p, 54321));
  g_assert_cmpint (gantry_task_get_position (gantry_project_lookup_task (p, 99999)), ==, 97);

  /* Delete a summary in the middle through a command, then undo. */
  victim = gantry_project_lookup_task (p, 50001);
  for (guint i = 0; i < gantry_task_get_n_children (victim); i++)
    {
      GantryTask *c = gantry_task_get_child (victim, i);
      n_removed_assignments += gantry_task_get_assignments (c)->len;
      n_removed_links += gantry_task_get_predecessors (c)->len
                         + gantry_task_get_successors (c)->len;
    }
  g_assert_true (gantry_project_apply (p, gantry_command_remove_task (victim)));
  g_assert_cmpuint (gantry_project_get_n_tasks (p), ==, n - 100);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_assignments (p)), ==,
                    30000 - n_removed_assignments);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_links (p)), <, n);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_links (p)), >=,
                    n - n_removed_links);
  g_assert_cmpint (gantry_task_get_id (gantry_project_lookup_task (p, 50101)), ==, 50001);
  g_assert_true (gantry_project_undo (p));
  g_assert_cmpuint (gantry_project_get_n_tasks (p), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_links (p)), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_assignments (p)), ==, 30000);
  g_assert_cmpint (gantry_task_get_id (gantry_project_lookup_task (p, 50101)), ==, 50101);

  g_signal_handlers_disconnect_by_func (gantry_project_get_root_task (p), on_items_changed, &ic);
}

static void
test_corpus_helpers (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("GANTRY_CORPUS_DIR"));
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) files = NULL;

  /* A missing folder: NULL and an empty list, so callers can skip. */
  g_setenv ("GANTRY_CORPUS_DIR", "/nonexistent/gantry-corpus", TRUE);
  g_assert_null (gantry_test_get_corpus_dir ());
  none = gantry_test_list_corpus_files ();
  g_assert_cmpuint (none->len, ==, 0);
  g_unsetenv ("GANTRY_CORPUS_DIR");
  g_assert_null (gantry_test_get_corpus_dir ());

  if (saved == NULL || !g_file_test (saved, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("The MSPDI corpus ($GANTRY_CORPUS_DIR) is not available");
      return;
    }
  g_setenv ("GANTRY_CORPUS_DIR", saved, TRUE);
  g_assert_cmpstr (gantry_test_get_corpus_dir (), ==, saved);
  files = gantry_test_list_corpus_files ();
  g_assert_cmpuint (files->len, >, 0);
  for (guint i = 0; i < files->len; i++)
    {
      const char *f = g_ptr_array_index (files, i);

      g_assert_true (g_str_has_suffix (f, ".xml"));
      g_assert_true (g_str_has_prefix (f, saved));
      g_assert_true (g_file_test (f, G_FILE_TEST_IS_REGULAR));
      if (i > 0)
        g_assert_cmpint (strcmp (g_ptr_array_index (files, i - 1), f), <, 0);
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/full-plan/equal", test_full_plan_equal);
  g_test_add_func ("/model/full-plan/differs", test_full_plan_differs);
  {
    static const char *diffs[] = { "duration", "extra", "calendar", "baseline", "link",
                                   "setting", "resource", "project" };

    for (guint i = 0; i < G_N_ELEMENTS (diffs); i++)
      {
        g_autofree char *path = g_strdup_printf ("/model/full-plan/differs/subprocess/%s",
                                                 diffs[i]);
        g_test_add_func (path, test_full_plan_differs_subprocess);
      }
  }
  g_test_add_func ("/model/outline", test_outline);
  g_test_add_func ("/model/add-refusals", test_add_refusals);
  g_test_add_func ("/model/links-assignments", test_links_and_assignments);
  g_test_add_func ("/model/explicit-notify", test_explicit_notify);
  g_test_add_func ("/model/uid-change", test_uid_change);
  g_test_add_func ("/model/settings", test_settings);
  g_test_add_func ("/model/new-default", test_new_default);
  g_test_add_func ("/model/large", test_large);
  g_test_add_func ("/model/corpus-helpers", test_corpus_helpers);

  return g_test_run ();
}
