/* test-risk.c — the risk register: model, commands and undo
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gantry-test-helper.h"

static guint changed_flags;
static guint n_changed;

static void
on_changed (GantryProject *p, guint flags, GPtrArray *tasks, gpointer data)
{
  changed_flags |= flags;
  n_changed++;
}

static GantryProject *
plan_with_risks (void)
{
  GantryProject *p = gantry_test_build_full_plan ();

  gantry_test_add_risks (p);
  gantry_project_clear_history (p);
  return p;
}

static void
test_defaults_and_score (void)
{
  g_autoptr(GantryRisk) r = gantry_risk_new (1, "Late API");

  g_assert_cmpint (gantry_risk_get_probability (r), ==, 3);
  g_assert_cmpint (gantry_risk_get_impact (r), ==, 3);
  g_assert_cmpint (gantry_risk_get_score (r), ==, 9);
  g_assert_cmpint (gantry_risk_get_status (r), ==, GANTRY_RISK_OPEN);
  g_assert_true (gantry_risk_get_trigger_date (r) == GANTRY_TIME_NONE);
  g_assert_null (gantry_risk_get_owner (r));
  g_assert_null (gantry_risk_get_project (r));

  gantry_risk_set_probability (r, 4);
  gantry_risk_set_impact (r, 5);
  g_assert_cmpint (gantry_risk_get_score (r), ==, 20);
  {
    int score;

    g_object_get (r, "score", &score, NULL);
    g_assert_cmpint (score, ==, 20);
  }

  /* Linked tasks: duplicates dropped, order kept. */
  {
    static const int uids[] = { 8, 3, 8, 5, 3 };
    const int *got;
    guint n;

    gantry_risk_set_task_uids (r, uids, G_N_ELEMENTS (uids));
    got = gantry_risk_get_task_uids (r, &n);
    g_assert_cmpuint (n, ==, 3);
    g_assert_cmpint (got[0], ==, 8);
    g_assert_cmpint (got[1], ==, 3);
    g_assert_cmpint (got[2], ==, 5);
    g_assert_true (gantry_risk_links_task (r, 5));
    g_assert_false (gantry_risk_links_task (r, 4));
  }
}

/* Add, edit (every writable property), delete: each one undo step,
 * undone exactly, redone exactly. */
static void
test_commands_undo (void)
{
  g_autoptr(GantryProject) p = plan_with_risks ();
  g_autoptr(GantryProject) before = plan_with_risks ();
  g_autoptr(GantryRisk) fresh = gantry_risk_new (gantry_project_next_risk_uid (p), "New risk");
  GantryRisk *r1;
  static const int two[] = { 4, 6 };

  g_assert_cmpint (gantry_project_next_risk_uid (p), ==, 8);
  g_signal_connect (p, "changed", G_CALLBACK (on_changed), NULL);

  /* add at position 1 */
  changed_flags = 0;
  g_assert_true (gantry_project_apply (p, gantry_command_add_risk (fresh, 1)));
  g_assert_true (changed_flags & GANTRY_CHANGE_RISKS);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_risks (p)), ==, 4);
  g_assert_true (gantry_project_lookup_risk (p, 8) == fresh);
  g_assert_true (gantry_risk_get_project (fresh) == p);
  g_assert_cmpstr (gantry_project_get_undo_label (p), ==, "Add Risk");
  /* adding it twice is refused */
  g_assert_false (gantry_project_apply (p, gantry_command_add_risk (fresh, -1)));

  /* edits */
  r1 = gantry_project_lookup_risk (p, 7);
  g_assert_nonnull (r1);
  g_assert_true (gantry_project_apply (p, gantry_command_set (r1, "title", "Renamed")));
  g_assert_cmpstr (gantry_project_get_undo_label (p), ==, "Edit Risk");
  g_assert_true (gantry_project_apply (p, gantry_command_set (r1, "probability", 2)));
  g_assert_cmpint (gantry_risk_get_score (r1), ==, 10);
  g_assert_true (gantry_project_apply (p, gantry_command_set (r1, "impact", 1)));
  g_assert_true (gantry_project_apply (p, gantry_command_set (r1, "status", GANTRY_RISK_CLOSED)));
  g_assert_true (gantry_project_apply (p, gantry_command_set (r1, "owner",
                                        gantry_project_lookup_resource (p, 1))));
  g_assert_true (gantry_project_apply (p, gantry_command_set (r1, "trigger-date",
                                        (gint64) GANTRY_TIME_NONE)));
  g_assert_true (gantry_project_apply (p, gantry_command_set (r1, "mitigation", NULL)));
  g_assert_true (gantry_project_apply (p, gantry_command_set (r1, "contingency", "Buy")));
  g_assert_true (gantry_project_apply (p, gantry_command_set (r1, "description", "")));
  g_assert_true (gantry_project_apply (p, gantry_command_set (r1, "task-uids",
                                        gantry_risk_task_uids_variant (two, 2))));
  g_assert_true (gantry_risk_links_task (r1, 6));
  g_assert_false (gantry_risk_links_task (r1, 3));

  /* refused edits: out of range, an owner from another plan, a taken UID */
  {
    g_autoptr(GantryResource) stranger = gantry_resource_new (1, "Stranger");

    g_assert_false (gantry_project_apply (p, gantry_command_set (r1, "probability", 6)));
    g_assert_false (gantry_project_apply (p, gantry_command_set (r1, "impact", 0)));
    g_assert_false (gantry_project_apply (p, gantry_command_set (r1, "status", 9)));
    g_assert_false (gantry_project_apply (p, gantry_command_set (r1, "owner", stranger)));
    g_assert_false (gantry_project_apply (p, gantry_command_set (r1, "uid", 2)));
    g_assert_cmpint (gantry_risk_get_probability (r1), ==, 2);
  }

  /* delete */
  g_assert_true (gantry_project_apply (p, gantry_command_remove_risk (r1)));
  g_assert_null (gantry_project_lookup_risk (p, 7));
  g_assert_null (gantry_risk_get_project (r1));
  g_assert_cmpstr (gantry_project_get_undo_label (p), ==, "Delete Risk");

  /* undo everything: back to the plan as built */
  while (gantry_project_can_undo (p))
    g_assert_true (gantry_project_undo (p));
  gantry_test_assert_projects_identical (before, p);
  g_assert_false (gantry_project_get_modified (p));

  /* redo everything: the deleted risk is gone again, the new one back */
  while (gantry_project_can_redo (p))
    g_assert_true (gantry_project_redo (p));
  g_assert_null (gantry_project_lookup_risk (p, 7));
  g_assert_true (gantry_project_lookup_risk (p, 8) == fresh);
  {
    g_autoptr(GantryRisk) at1 = g_list_model_get_item (gantry_project_get_risks (p), 0);

    g_assert_true (at1 == fresh);   /* r1 (first) was deleted, fresh was at 1 */
  }
}

/* Removal of a task keeps the UID; undo brings the link back to life. */
static void
test_task_risks (void)
{
  g_autoptr(GantryProject) p = plan_with_risks ();
  GantryTask *t3 = gantry_project_lookup_task (p, 3);
  GantryTask *t4 = gantry_project_lookup_task (p, 4);
  g_autoptr(GPtrArray) on3 = NULL;
  g_autoptr(GPtrArray) on4 = NULL;

  g_assert_nonnull (t3);
  g_assert_nonnull (t4);
  on3 = gantry_project_get_task_risks (p, t3);
  on4 = gantry_project_get_task_risks (p, t4);
  g_assert_cmpuint (on3->len, ==, 1);
  g_assert_cmpint (gantry_risk_get_uid (g_ptr_array_index (on3, 0)), ==, 7);
  g_assert_cmpuint (on4->len, ==, 0);

  /* A closed risk does not mark its tasks. */
  g_assert_true (gantry_project_apply (p, gantry_command_set (gantry_project_lookup_risk (p, 7),
                                                              "status", GANTRY_RISK_CLOSED)));
  g_clear_pointer (&on3, g_ptr_array_unref);
  on3 = gantry_project_get_task_risks (p, t3);
  g_assert_cmpuint (on3->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/risk/defaults-score", test_defaults_and_score);
  g_test_add_func ("/risk/commands-undo", test_commands_undo);
  g_test_add_func ("/risk/task-risks", test_task_risks);
  return g_test_run ();
}
