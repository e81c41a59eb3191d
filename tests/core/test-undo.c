/* test-undo.c — commands, groups, undo/redo and the "changed" signal
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reference for "undo restores the plan exactly" is the plan itself:
 * gantry_test_build_full_plan() is deterministic, so a fresh plan (plus the
 * same deterministic edits) is a deep snapshot of any earlier state.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gantry-test-helper.h"

#define T(y, mo, d, h, mi) gantry_time_make (y, mo, d, h, mi, 0)

/* ---- "changed" recorder ------------------------------------------------------ */

typedef struct
{
  guint      count;
  guint      flags;         /* of the last emission */
  GPtrArray *tasks;         /* uids of the last emission */
} Changes;

static void
on_changed (GantryProject *p, guint flags, GPtrArray *tasks, gpointer data)
{
  Changes *c = data;

  c->count++;
  c->flags = flags;
  g_ptr_array_set_size (c->tasks, 0);
  for (guint i = 0; i < tasks->len; i++)
    g_ptr_array_add (c->tasks, GINT_TO_POINTER (gantry_task_get_uid (g_ptr_array_index (tasks, i))));
}

static void
changes_init (Changes *c, GantryProject *p)
{
  c->count = 0;
  c->flags = 0;
  c->tasks = g_ptr_array_new ();
  g_signal_connect (p, "changed", G_CALLBACK (on_changed), c);
}

static void
changes_clear (Changes *c, GantryProject *p)
{
  g_signal_handlers_disconnect_by_func (p, on_changed, c);
  g_ptr_array_unref (c->tasks);
}

static gboolean
changes_has_task (Changes *c, int uid)
{
  for (guint i = 0; i < c->tasks->len; i++)
    if (GPOINTER_TO_INT (g_ptr_array_index (c->tasks, i)) == uid)
      return TRUE;
  return FALSE;
}

/* ---- basics ------------------------------------------------------------------- */

static void
test_set_property (void)
{
  g_autoptr(GantryProject) p = gantry_test_build_full_plan ();
  g_autoptr(GantryProject) fresh = gantry_test_build_full_plan ();
  GantryTask *sketch = gantry_project_lookup_task (p, 4);
  Changes ch;

  changes_init (&ch, p);

  g_assert_true (gantry_project_apply (p, gantry_command_set (sketch, "duration",
                                                              (gint64) 5 * GANTRY_MS_HOUR)));
  g_assert_cmpint (gantry_task_get_duration (sketch), ==, 5 * GANTRY_MS_HOUR);
  g_assert_cmpuint (ch.count, ==, 1);
  g_assert_cmpuint (ch.flags, ==, GANTRY_CHANGE_TASKS);
  g_assert_cmpuint (ch.tasks->len, ==, 1);
  g_assert_true (changes_has_task (&ch, 4));
  g_assert_true (gantry_project_get_modified (p));
  g_assert_true (gantry_project_can_undo (p));
  g_assert_false (gantry_project_can_redo (p));
  g_assert_cmpstr (gantry_project_get_undo_label (p), ==, "Set Duration");
  g_assert_null (gantry_project_get_redo_label (p));

  g_assert_true (gantry_project_undo (p));
  g_assert_cmpuint (ch.count, ==, 2);
  g_assert_cmpuint (ch.flags, ==, GANTRY_CHANGE_TASKS);
  g_assert_true (changes_has_task (&ch, 4));
  g_assert_false (gantry_project_get_modified (p));
  g_assert_cmpstr (gantry_project_get_redo_label (p), ==, "Set Duration");
  gantry_test_assert_projects_identical (p, fresh);

  g_assert_true (gantry_project_redo (p));
  g_assert_cmpuint (ch.count, ==, 3);
  g_assert_cmpint (gantry_task_get_duration (sketch), ==, 5 * GANTRY_MS_HOUR);
  g_assert_false (gantry_project_redo (p));

  /* Setting the same value again is no change: nothing pushed, no signal. */
  g_assert_true (gantry_project_apply (p, gantry_command_set (sketch, "duration",
                                                              (gint64) 5 * GANTRY_MS_HOUR)));
  g_assert_cmpuint (ch.count, ==, 3);
  g_assert_true (gantry_project_undo (p));
  g_assert_false (gantry_project_can_undo (p));

  /* Properties of every object type, through GValue. */
  {
    GValue v = G_VALUE_INIT;
    GantryLink *link = gantry_project_find_link (p, gantry_project_lookup_task (p, 2), sketch);

    g_value_init (&v, G_TYPE_INT);
    g_value_set_int (&v, GANTRY_LINK_SS);
    g_assert_true (gantry_project_apply (p, gantry_command_set_property (link, "link-type", &v)));
    g_assert_cmpuint (ch.flags, ==, GANTRY_CHANGE_LINKS);
    g_assert_true (changes_has_task (&ch, 4));   /* the successor */
    g_value_unset (&v);
  }
  g_assert_true (gantry_project_apply (p, gantry_command_set (gantry_project_lookup_resource (p, 2),
                                                              "max-units", 0.75)));
  g_assert_cmpuint (ch.flags, ==, GANTRY_CHANGE_RESOURCES);
  g_assert_true (changes_has_task (&ch, 8));     /* Bob works on task 8 */
  g_assert_true (gantry_project_apply (p, gantry_command_set (gantry_project_lookup_assignment (p, 1),
                                                              "units", 0.5)));
  g_assert_cmpuint (ch.flags, ==, GANTRY_CHANGE_ASSIGNMENTS);
  g_assert_true (gantry_project_apply (p, gantry_command_set (gantry_project_lookup_calendar (p, 2),
                                                              "name", "Nights")));
  g_assert_cmpuint (ch.flags, ==, GANTRY_CHANGE_CALENDARS);
  g_assert_true (gantry_project_apply (p, gantry_command_set (p, "status-date",
                                                              T (2026, 3, 1, 17, 0))));
  g_assert_cmpuint (ch.flags, ==, GANTRY_CHANGE_PROJECT);
  g_assert_true (gantry_project_apply (p, gantry_command_set (p, "calendar",
                                                              gantry_project_lookup_calendar (p, 2))));
  g_assert_cmpuint (ch.flags, ==, GANTRY_CHANGE_PROJECT | GANTRY_CHANGE_CALENDARS);
  g_assert_true (gantry_project_apply (p, gantry_command_set (sketch, "calendar", NULL)));

  while (gantry_project_undo (p))
    ;
  gantry_test_assert_projects_identical (p, fresh);
  changes_clear (&ch, p);
}

static void
test_refusals (void)
{
  g_autoptr(GantryProject) p = gantry_test_build_full_plan ();
  g_autoptr(GantryProject) other = gantry_test_build_full_plan ();
  g_autoptr(GantryProject) fresh = gantry_test_build_full_plan ();
  GantryTask *phase1 = gantry_project_lookup_task (p, 1);
  GantryTask *sketch = gantry_project_lookup_task (p, 4);
  Changes ch;

  changes_init (&ch, p);

  /* Values out of range or of the wrong type. */
  g_assert_false (gantry_project_apply (p, gantry_command_set (sketch, "percent-complete", 150)));
  g_assert_false (gantry_project_apply (p, gantry_command_set (sketch, "priority", -1)));
  g_assert_false (gantry_project_apply (p, gantry_command_set (
      gantry_project_lookup_resource (p, 1), "max-units", -1.0)));
  {
    GValue v = G_VALUE_INIT;

    g_value_init (&v, G_TYPE_STRING);
    g_value_set_string (&v, "soon");
    g_assert_false (gantry_project_apply (p, gantry_command_set_property (sketch, "start", &v)));
    g_value_unset (&v);
  }
  /* A calendar of another project. */
  g_assert_false (gantry_project_apply (p, gantry_command_set (
      sketch, "calendar", gantry_project_lookup_calendar (other, 2))));
  /* A UID that is taken; the root's UID. */
  g_assert_false (gantry_project_apply (p, gantry_command_set (sketch, "uid", 5)));
  g_assert_false (gantry_project_apply (p, gantry_command_set (gantry_project_get_root_task (p),
                                                               "uid", 99)));
  /* A base calendar that would make a cycle. */
  g_assert_false (gantry_project_apply (p, gantry_command_set (
      gantry_project_lookup_calendar (p, 1), "base", gantry_project_lookup_calendar (p, 3))));
  /* An object of another project. */
  g_assert_false (gantry_project_apply (p, gantry_command_set (
      gantry_project_lookup_task (other, 4), "name", "x")));

  /* Structure. */
  g_assert_false (gantry_project_apply (p, gantry_command_move_task (phase1, sketch, 0)));
  g_assert_false (gantry_project_apply (p, gantry_command_move_task (phase1, phase1, 0)));
  g_assert_false (gantry_project_apply (p, gantry_command_insert_task (NULL, -1, sketch)));
  g_assert_false (gantry_project_apply (p, gantry_command_remove_task (
      gantry_project_get_root_task (p))));
  g_assert_false (gantry_project_apply (p, gantry_command_remove_task (
      gantry_project_lookup_task (other, 4))));
  {
    g_autoptr(GantryTask) dup = gantry_task_new (4, "dup uid");
    g_autoptr(GantryLink) again = gantry_link_new (gantry_project_lookup_task (p, 2), sketch,
                                                   GANTRY_LINK_FS, 0, 7);
    g_autoptr(GantryLink) self = gantry_link_new (sketch, sketch, GANTRY_LINK_FS, 0, 7);
    g_autoptr(GantryResource) r = gantry_resource_new (1, "dup uid");
    g_autoptr(GantryCalendar) c = gantry_calendar_new (1, "dup uid");
    g_autoptr(GantryAssignment) a = gantry_assignment_new (1, sketch,
                                                           gantry_project_lookup_resource (p, 2),
                                                           1.0, 0);

    g_assert_false (gantry_project_apply (p, gantry_command_insert_task (NULL, -1, dup)));
    g_assert_false (gantry_project_apply (p, gantry_command_add_link (again)));
    g_assert_false (gantry_project_apply (p, gantry_command_add_link (self)));
    g_assert_false (gantry_project_apply (p, gantry_command_add_resource (r, 0)));
    g_assert_false (gantry_project_apply (p, gantry_command_add_calendar (c)));
    g_assert_false (gantry_project_apply (p, gantry_command_add_assignment (a)));
    g_assert_false (gantry_project_apply (p, gantry_command_remove_link (self)));
  }
  /* Calendars in use: by the project, as a base, by a resource, by a task. */
  for (int uid = 1; uid <= 3; uid++)
    g_assert_false (gantry_project_apply (p, gantry_command_remove_calendar (
        gantry_project_lookup_calendar (p, uid))));
  g_assert_false (gantry_project_apply (p, gantry_command_set_baseline (sketch, 11, NULL)));

  g_assert_cmpuint (ch.count, ==, 0);
  g_assert_false (gantry_project_can_undo (p));
  g_assert_false (gantry_project_get_modified (p));
  gantry_test_assert_projects_identical (p, fresh);

  /* The unused calendar can go, and comes back at its place. */
  g_assert_true (gantry_project_apply (p, gantry_command_remove_calendar (
      gantry_project_lookup_calendar (p, 4))));
  g_assert_null (gantry_project_lookup_calendar (p, 4));
  g_assert_true (gantry_project_undo (p));
  gantry_test_assert_projects_identical (p, fresh);
  changes_clear (&ch, p);
}

/* Applies cmd_a to a and the same edit to b (built by the same function),
 * then checks that undo on a gives a fresh plan and redo gives b. */
typedef GantryCommand *(*MakeCommand) (GantryProject *p);

static void
check_undo_redo (MakeCommand make, GantryChangeFlags expected_flags)
{
  g_autoptr(GantryProject) a = gantry_test_build_full_plan ();
  g_autoptr(GantryProject) b = gantry_test_build_full_plan ();
  g_autoptr(GantryProject) fresh = gantry_test_build_full_plan ();
  Changes ch;

  changes_init (&ch, a);
  g_assert_true (gantry_project_apply (a, make (a)));
  g_assert_cmpuint (ch.count, ==, 1);
  g_assert_cmpuint (ch.flags & expected_flags, ==, expected_flags);
  g_assert_true (gantry_project_apply (b, make (b)));
  gantry_test_assert_projects_identical (a, b);

  g_assert_true (gantry_project_undo (a));
  g_assert_cmpuint (ch.count, ==, 2);
  g_assert_cmpuint (ch.flags & expected_flags, ==, expected_flags);
  gantry_test_assert_projects_identical (a, fresh);
  g_assert_true (gantry_project_redo (a));
  gantry_test_assert_projects_identical (a, b);
  g_assert_true (gantry_project_undo (a));
  gantry_test_assert_projects_identical (a, fresh);
  changes_clear (&ch, a);
}

static GantryCommand *
make_insert (GantryProject *p)
{
  g_autoptr(GantryTask) t = gantry_task_new (gantry_project_next_task_uid (p), "New ✓");

  return gantry_command_insert_task (gantry_project_lookup_task (p, 3), 1, t);
}

static GantryCommand *
make_insert_subtree (GantryProject *p)
{
  g_autoptr(GantryTask) t = gantry_task_new (100, "Parent");
  g_autoptr(GantryTask) c = gantry_task_new (101, "Child");
  g_autoptr(GantryProject) scratch = gantry_project_new ();

  /* Build the subtree in a scratch project, then take it out. */
  g_assert_true (gantry_project_add_task (scratch, NULL, -1, t));
  g_assert_true (gantry_project_add_task (scratch, t, -1, c));
  gantry_project_remove_task (scratch, t);
  return gantry_command_insert_task (NULL, 0, t);
}

static GantryCommand *
make_remove_summary (GantryProject *p)
{
  /* Phase 1 with its subtree, links in and out, assignments. */
  return gantry_command_remove_task (gantry_project_lookup_task (p, 1));
}

static GantryCommand *
make_remove_leaf (GantryProject *p)
{
  return gantry_command_remove_task (gantry_project_lookup_task (p, 8));
}

static GantryCommand *
make_move_indent (GantryProject *p)
{
  /* Launch under Phase 2, at the end. */
  return gantry_command_move_task (gantry_project_lookup_task (p, 11),
                                   gantry_project_lookup_task (p, 7), -1);
}

static GantryCommand *
make_move_up (GantryProject *p)
{
  return gantry_command_move_task (gantry_project_lookup_task (p, 10),
                                   gantry_project_lookup_task (p, 7), 0);
}

static GantryCommand *
make_move_outdent_subtree (GantryProject *p)
{
  return gantry_command_move_task (gantry_project_lookup_task (p, 3), NULL, 0);
}

static GantryCommand *
make_add_link (GantryProject *p)
{
  g_autoptr(GantryLink) l = gantry_link_new (gantry_project_lookup_task (p, 13),
                                             gantry_project_lookup_task (p, 11),
                                             GANTRY_LINK_SF, -GANTRY_MS_HOUR, 5);
  return gantry_command_add_link (l);
}

static GantryCommand *
make_remove_link (GantryProject *p)
{
  return gantry_command_remove_link (gantry_project_find_link (p, gantry_project_lookup_task (p, 5),
                                                               gantry_project_lookup_task (p, 6)));
}

static GantryCommand *
make_add_resource (GantryProject *p)
{
  g_autoptr(GantryResource) r = gantry_resource_new (gantry_project_next_resource_uid (p), "Eve");
  return gantry_command_add_resource (r, 1);
}

static GantryCommand *
make_remove_resource (GantryProject *p)
{
  return gantry_command_remove_resource (gantry_project_lookup_resource (p, 1));
}

static GantryCommand *
make_add_assignment (GantryProject *p)
{
  g_autoptr(GantryAssignment) a = gantry_assignment_new (gantry_project_next_assignment_uid (p),
                                                         gantry_project_lookup_task (p, 9),
                                                         gantry_project_lookup_resource (p, 2),
                                                         0.5, 8 * GANTRY_MS_HOUR);
  return gantry_command_add_assignment (a);
}

static GantryCommand *
make_remove_assignment (GantryProject *p)
{
  return gantry_command_remove_assignment (gantry_project_lookup_assignment (p, 2));
}

static GantryCommand *
make_add_calendar (GantryProject *p)
{
  g_autoptr(GantryCalendar) c = gantry_calendar_new_standard (gantry_project_next_calendar_uid (p),
                                                              "Extra");
  return gantry_command_add_calendar (c);
}

static GantryCommand *
make_remove_calendar (GantryProject *p)
{
  return gantry_command_remove_calendar (gantry_project_lookup_calendar (p, 4));
}

static GantryCommand *
make_definition (GantryProject *p)
{
  g_autoptr(GantryCalendar) def = gantry_calendar_new (0, NULL);
  GantryDayDef off = { GANTRY_DAY_NONWORKING, 0, { { 0, 0 } } };

  gantry_calendar_set_weekday (def, 3, &off);
  return gantry_command_set_calendar_definition (gantry_project_lookup_calendar (p, 3), def);
}

static GantryCommand *
make_baseline (GantryProject *p)
{
  GantryBaseline b = { 0 };

  b.start = T (2026, 1, 1, 8, 0);
  b.finish = T (2026, 1, 2, 17, 0);
  b.cost = 99.5;
  return gantry_command_set_baseline (gantry_project_lookup_task (p, 4), 10, &b);
}

static GantryCommand *
make_clear_baseline (GantryProject *p)
{
  return gantry_command_set_baseline (gantry_project_lookup_task (p, 2), 0, NULL);
}

static void
test_each_command (void)
{
  static const struct { const char *name; MakeCommand make; GantryChangeFlags flags; } cases[] = {
    { "insert", make_insert, GANTRY_CHANGE_STRUCTURE },
    { "insert-subtree", make_insert_subtree, GANTRY_CHANGE_STRUCTURE },
    { "remove-summary", make_remove_summary, GANTRY_CHANGE_STRUCTURE | GANTRY_CHANGE_LINKS
                                             | GANTRY_CHANGE_ASSIGNMENTS },
    { "remove-leaf", make_remove_leaf, GANTRY_CHANGE_STRUCTURE | GANTRY_CHANGE_LINKS
                                       | GANTRY_CHANGE_ASSIGNMENTS },
    { "move-indent", make_move_indent, GANTRY_CHANGE_STRUCTURE },
    { "move-up", make_move_up, GANTRY_CHANGE_STRUCTURE },
    { "move-outdent-subtree", make_move_outdent_subtree, GANTRY_CHANGE_STRUCTURE },
    { "add-link", make_add_link, GANTRY_CHANGE_LINKS },
    { "remove-link", make_remove_link, GANTRY_CHANGE_LINKS },
    { "add-resource", make_add_resource, GANTRY_CHANGE_RESOURCES },
    { "remove-resource", make_remove_resource, GANTRY_CHANGE_RESOURCES
                                               | GANTRY_CHANGE_ASSIGNMENTS },
    { "add-assignment", make_add_assignment, GANTRY_CHANGE_ASSIGNMENTS },
    { "remove-assignment", make_remove_assignment, GANTRY_CHANGE_ASSIGNMENTS },
    { "add-calendar", make_add_calendar, GANTRY_CHANGE_CALENDARS },
    { "remove-calendar", make_remove_calendar, GANTRY_CHANGE_CALENDARS },
    { "calendar-definition", make_definition, GANTRY_CHANGE_CALENDARS },
    { "baseline", make_baseline, GANTRY_CHANGE_TASKS },
    { "clear-baseline", make_clear_baseline, GANTRY_CHANGE_TASKS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("command %s", cases[i].name);
      check_undo_redo (cases[i].make, cases[i].flags);
    }
}

static void
test_remove_details (void)
{
  g_autoptr(GantryProject) p = gantry_test_build_full_plan ();
  GantryTask *phase1 = gantry_project_lookup_task (p, 1);
  GantryTask *backend = gantry_project_lookup_task (p, 8);
  GantryResource *alice = gantry_project_lookup_resource (p, 1);

  /* Removing Phase 1 takes its 5 tasks, the links touching them (4 inside,
   * 2 out to Backend) and Alice's assignment to Sketch. */
  g_assert_true (gantry_project_apply (p, gantry_command_remove_task (phase1)));
  g_assert_cmpuint (gantry_project_get_n_tasks (p), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_links (p)), ==, 3);
  g_assert_cmpuint (gantry_task_get_predecessors (backend)->len, ==, 0);
  g_assert_cmpuint (gantry_resource_get_assignments (alice)->len, ==, 1);
  g_assert_null (gantry_project_lookup_task (p, 4));
  /* Row numbers follow. */
  g_assert_cmpint (gantry_task_get_id (gantry_project_lookup_task (p, 7)), ==, 1);

  /* Removing a resource removes its assignments. */
  g_assert_true (gantry_project_apply (p, gantry_command_remove_resource (alice)));
  g_assert_cmpuint (gantry_task_get_assignments (backend)->len, ==, 1);
  g_assert_cmpint (gantry_resource_get_id (gantry_project_lookup_resource (p, 2)), ==, 1);

  g_assert_true (gantry_project_undo (p));
  g_assert_true (gantry_project_undo (p));
  {
    g_autoptr(GantryProject) fresh = gantry_test_build_full_plan ();
    gantry_test_assert_projects_identical (p, fresh);
  }
}

/* Non-sequential row IDs (as loaded from a file) are restored exactly. */
static void
test_ids_restored (void)
{
  g_autoptr(GantryProject) p = gantry_test_build_full_plan ();
  GantryTask *t = gantry_project_lookup_task (p, 5);
  g_autoptr(GantryTask) n = gantry_task_new (50, "n");

  gantry_task_set_id (t, 77);
  gantry_resource_set_id (gantry_project_lookup_resource (p, 3), 40);
  g_assert_true (gantry_project_apply (p, gantry_command_insert_task (NULL, 0, n)));
  g_assert_cmpint (gantry_task_get_id (n), ==, 1);
  g_assert_cmpint (gantry_task_get_id (t), ==, 6);
  g_assert_true (gantry_project_undo (p));
  g_assert_cmpint (gantry_task_get_id (t), ==, 77);
  g_assert_cmpint (gantry_resource_get_id (gantry_project_lookup_resource (p, 3)), ==, 40);
  g_assert_true (gantry_project_redo (p));
  g_assert_cmpint (gantry_task_get_id (t), ==, 6);
  g_assert_true (gantry_project_undo (p));
  g_assert_cmpint (gantry_task_get_id (t), ==, 77);
}

typedef struct
{
  guint calls, position, removed, added;
} ItemsChanged;

static void
on_items_changed (GListModel *m, guint position, guint removed, guint added, gpointer data)
{
  ItemsChanged *ic = data;

  ic->calls++;
  ic->position = position;
  ic->removed = removed;
  ic->added = added;
}

static void
test_structure_signals (void)
{
  g_autoptr(GantryProject) p = gantry_test_build_full_plan ();
  GantryTask *phase1 = gantry_project_lookup_task (p, 1);
  GantryTask *req = gantry_project_lookup_task (p, 2);
  ItemsChanged ic = { 0 };
  Changes ch;

  changes_init (&ch, p);
  g_signal_connect (phase1, "items-changed", G_CALLBACK (on_items_changed), &ic);

  /* Delete Requirements (first child of Phase 1, linked to Sketch). */
  g_assert_true (gantry_project_apply (p, gantry_command_remove_task (req)));
  g_assert_cmpuint (ic.calls, ==, 1);
  g_assert_cmpuint (ic.position, ==, 0);
  g_assert_cmpuint (ic.removed, ==, 1);
  g_assert_cmpuint (ic.added, ==, 0);
  g_assert_cmpuint (ch.flags, ==, GANTRY_CHANGE_STRUCTURE | GANTRY_CHANGE_LINKS);
  g_assert_true (changes_has_task (&ch, 1));    /* the parent */
  g_assert_true (changes_has_task (&ch, 4));    /* its successor */
  g_assert_false (changes_has_task (&ch, 2));   /* gone from the plan */

  g_assert_true (gantry_project_undo (p));
  g_assert_cmpuint (ic.calls, ==, 2);
  g_assert_cmpuint (ic.position, ==, 0);
  g_assert_cmpuint (ic.added, ==, 1);
  g_assert_true (changes_has_task (&ch, 2));
  g_assert_true (changes_has_task (&ch, 4));
  g_assert_true (gantry_task_get_parent (req) == phase1);

  /* Move Requirements to the end of Phase 1: both ends are reported. */
  g_assert_true (gantry_project_apply (p, gantry_command_move_task (req, phase1, -1)));
  g_assert_cmpint (gantry_task_get_position (req), ==, 2);
  g_assert_cmpuint (ch.flags, ==, GANTRY_CHANGE_STRUCTURE);
  g_assert_true (changes_has_task (&ch, 2));
  g_assert_true (changes_has_task (&ch, 1));
  g_assert_cmpint (gantry_task_get_id (req), ==, 6);
  g_assert_true (gantry_project_undo (p));
  g_assert_cmpint (gantry_task_get_position (req), ==, 0);
  g_assert_cmpint (gantry_task_get_id (req), ==, 2);

  /* Moving to the same place is no change at all. */
  ch.count = 0;
  g_assert_true (gantry_project_apply (p, gantry_command_move_task (req, phase1, 0)));
  g_assert_cmpuint (ch.count, ==, 0);
  g_assert_true (gantry_project_apply (p, gantry_command_move_task (
      gantry_project_lookup_task (p, 6), phase1, 7)));
  g_assert_cmpuint (ch.count, ==, 0);

  g_signal_handlers_disconnect_by_func (phase1, on_items_changed, &ic);
  changes_clear (&ch, p);
}

/* A valid value different from the current one, or FALSE if none. */
static gboolean
different_value (GObject *o, GParamSpec *pspec, GantryProject *p, GValue *v)
{
  g_auto(GValue) cur = G_VALUE_INIT;

  g_value_init (&cur, pspec->value_type);
  g_object_get_property (o, pspec->name, &cur);
  g_value_init (v, pspec->value_type);

  if (g_str_equal (pspec->name, "uid"))
    {
      if (GANTRY_IS_TASK (o) && o == G_OBJECT (gantry_project_get_root_task (p)))
        return FALSE;
      g_value_set_int (v, 999);
    }
  else if (G_IS_PARAM_SPEC_INT (pspec))
    {
      GParamSpecInt *ps = G_PARAM_SPEC_INT (pspec);
      int c = g_value_get_int (&cur);

      g_value_set_int (v, c < ps->maximum ? c + 1 : c - 1);
    }
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    {
      gint64 c = g_value_get_int64 (&cur);
      g_value_set_int64 (v, c == GANTRY_TIME_NONE ? gantry_time_make (2026, 5, 5, 9, 0, 0)
                                                  : c + GANTRY_MS_HOUR);
    }
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    g_value_set_boolean (v, !g_value_get_boolean (&cur));
  else if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    g_value_set_double (v, g_value_get_double (&cur) + 0.25);
  else if (G_IS_PARAM_SPEC_STRING (pspec))
    {
      g_autofree char *n = g_strconcat (g_value_get_string (&cur) ? g_value_get_string (&cur) : "",
                                        "·x", NULL);
      g_value_set_string (v, n);
    }
  else if (G_IS_PARAM_SPEC_OBJECT (pspec))
    {
      GObject *c = g_value_get_object (&cur);

      if (c != NULL)
        g_value_set_object (v, NULL);
      else
        /* Calendar 2 ("Night shift") has no base: never a cycle, except
         * for itself. */
        g_value_set_object (v, gantry_project_lookup_calendar (
            p, o == G_OBJECT (gantry_project_lookup_calendar (p, 2)) ? 4 : 2));
    }
  else
    return FALSE;
  return TRUE;
}

static void
test_every_property (void)
{
  g_autoptr(GantryProject) p = gantry_test_build_full_plan ();
  g_autoptr(GantryProject) fresh = gantry_test_build_full_plan ();
  GObject *objects[] = {
    G_OBJECT (gantry_project_lookup_task (p, 8)),
    G_OBJECT (gantry_project_get_root_task (p)),
    G_OBJECT (gantry_project_find_link (p, gantry_project_lookup_task (p, 8),
                                        gantry_project_lookup_task (p, 9))),
    G_OBJECT (gantry_project_lookup_resource (p, 1)),
    G_OBJECT (gantry_project_lookup_assignment (p, 2)),
    G_OBJECT (gantry_project_lookup_calendar (p, 3)),
    G_OBJECT (gantry_project_lookup_calendar (p, 2)),
    G_OBJECT (p),
  };
  guint n_checked = 0;
  Changes ch;

  changes_init (&ch, p);
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      g_autofree GParamSpec **specs = NULL;
      guint n;

      specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (objects[i]), &n);
      for (guint j = 0; j < n; j++)
        {
          GParamSpec *pspec = specs[j];
          g_auto(GValue) v = G_VALUE_INIT;
          g_auto(GValue) now = G_VALUE_INIT;
          guint before = ch.count;

          if (!(pspec->flags & G_PARAM_WRITABLE) || (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
            continue;
          if (!different_value (objects[i], pspec, p, &v))
            continue;

          g_test_message ("%s:%s", G_OBJECT_TYPE_NAME (objects[i]), pspec->name);
          g_assert_true (gantry_project_apply (p, gantry_command_set_property (objects[i],
                                                                               pspec->name, &v)));
          g_value_init (&now, pspec->value_type);
          g_object_get_property (objects[i], pspec->name, &now);
          g_assert_cmpint (g_param_values_cmp (pspec, &now, &v), ==, 0);
          g_assert_cmpuint (ch.count, ==, before + 1);
          g_assert_nonnull (gantry_project_get_undo_label (p));

          g_assert_true (gantry_project_undo (p));
          gantry_test_assert_projects_identical (p, fresh);
          n_checked++;
        }
    }
  /* Every writable property of the six types was exercised. */
  g_assert_cmpuint (n_checked, >, 90);
  changes_clear (&ch, p);
}

/* ---- groups and history ---------------------------------------------------------- */

static void
test_groups (void)
{
  g_autoptr(GantryProject) p = gantry_test_build_full_plan ();
  g_autoptr(GantryProject) fresh = gantry_test_build_full_plan ();
  GantryTask *a = gantry_project_lookup_task (p, 4);
  GantryTask *b = gantry_project_lookup_task (p, 9);
  Changes ch;

  changes_init (&ch, p);

  /* An empty group pushes nothing and says nothing. */
  gantry_project_begin_group (p, "Nothing");
  gantry_project_end_group (p);
  g_assert_false (gantry_project_can_undo (p));
  g_assert_cmpuint (ch.count, ==, 0);

  /* A group of no-ops is empty too. */
  gantry_project_begin_group (p, "Same");
  g_assert_true (gantry_project_apply (p, gantry_command_set (a, "name", "Sketch")));
  gantry_project_end_group (p);
  g_assert_false (gantry_project_can_undo (p));

  /* Nested groups: one step, the outermost label, one signal. */
  gantry_project_begin_group (p, "Drag");
  g_assert_true (gantry_project_apply (p, gantry_command_set (a, "start", T (2026, 1, 12, 8, 0))));
  gantry_project_begin_group (p, "Inner");
  g_assert_true (gantry_project_apply (p, gantry_command_set (b, "duration",
                                                              (gint64) 3 * GANTRY_MS_HOUR)));
  g_assert_true (gantry_project_apply (p, gantry_command_move_task (
      gantry_project_lookup_task (p, 13), NULL, 0)));
  gantry_project_end_group (p);
  g_assert_cmpuint (ch.count, ==, 0);          /* still inside the outer group */
  g_assert_false (gantry_project_apply (p, gantry_command_set (a, "priority", 5000)));
  gantry_project_end_group (p);

  g_assert_cmpuint (ch.count, ==, 1);
  g_assert_cmpuint (ch.flags, ==, GANTRY_CHANGE_TASKS | GANTRY_CHANGE_STRUCTURE);
  g_assert_true (changes_has_task (&ch, 4));
  g_assert_true (changes_has_task (&ch, 9));
  g_assert_true (changes_has_task (&ch, 13));
  g_assert_cmpstr (gantry_project_get_undo_label (p), ==, "Drag");

  g_assert_true (gantry_project_undo (p));
  g_assert_cmpuint (ch.count, ==, 2);
  g_assert_false (gantry_project_can_undo (p));
  gantry_test_assert_projects_identical (p, fresh);
  g_assert_true (gantry_project_redo (p));
  g_assert_cmpint (gantry_task_get_duration (b), ==, 3 * GANTRY_MS_HOUR);
  g_assert_cmpint (gantry_task_get_position (gantry_project_lookup_task (p, 13)), ==, 0);

  /* A group without a label takes its first command's. */
  gantry_project_begin_group (p, NULL);
  g_assert_true (gantry_project_apply (p, gantry_command_set (a, "notes", "n")));
  gantry_project_end_group (p);
  g_assert_cmpstr (gantry_project_get_undo_label (p), ==, "Edit Notes");

  /* Undo is refused inside a group. */
  gantry_project_begin_group (p, "Open");
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*inside a command group*");
  g_assert_false (gantry_project_undo (p));
  g_test_assert_expected_messages ();
  gantry_project_end_group (p);

  changes_clear (&ch, p);
}

static void
on_notify (GObject *o, GParamSpec *pspec, gpointer data)
{
  (*(guint *) data)++;
}

static void
test_modified (void)
{
  g_autoptr(GantryProject) p = gantry_test_build_full_plan ();
  GantryTask *t = gantry_project_lookup_task (p, 2);
  guint modified_notes = 0, undo_notes = 0, redo_notes = 0;

  g_signal_connect (p, "notify::modified", G_CALLBACK (on_notify), &modified_notes);
  g_signal_connect (p, "notify::can-undo", G_CALLBACK (on_notify), &undo_notes);
  g_signal_connect (p, "notify::can-redo", G_CALLBACK (on_notify), &redo_notes);

  g_assert_false (gantry_project_get_modified (p));
  g_assert_true (gantry_project_apply (p, gantry_command_set (t, "name", "a")));
  g_assert_true (gantry_project_apply (p, gantry_command_set (t, "name", "b")));
  g_assert_cmpuint (modified_notes, ==, 1);
  g_assert_cmpuint (undo_notes, ==, 1);
  gantry_project_mark_saved (p);
  g_assert_false (gantry_project_get_modified (p));
  g_assert_cmpuint (modified_notes, ==, 2);

  /* Away from the saved position and back. */
  g_assert_true (gantry_project_undo (p));
  g_assert_true (gantry_project_get_modified (p));
  g_assert_cmpuint (redo_notes, ==, 1);
  g_assert_true (gantry_project_redo (p));
  g_assert_false (gantry_project_get_modified (p));
  g_assert_true (gantry_project_apply (p, gantry_command_set (t, "name", "c")));
  g_assert_true (gantry_project_get_modified (p));
  g_assert_true (gantry_project_undo (p));
  g_assert_false (gantry_project_get_modified (p));

  /* Undo below the saved point, then a new edit: the saved state is gone
   * for good (redo dropped), so the plan stays modified. */
  g_assert_true (gantry_project_undo (p));
  g_assert_true (gantry_project_apply (p, gantry_command_set (t, "name", "d")));
  g_assert_false (gantry_project_can_redo (p));
  g_assert_true (gantry_project_get_modified (p));
  g_assert_true (gantry_project_undo (p));
  g_assert_true (gantry_project_get_modified (p));
  g_assert_true (gantry_project_undo (p));
  g_assert_true (gantry_project_get_modified (p));
  g_assert_false (gantry_project_undo (p));

  /* clear_history keeps "modified" honest. */
  gantry_project_clear_history (p);
  g_assert_true (gantry_project_get_modified (p));
  g_assert_false (gantry_project_can_undo (p));
  gantry_project_mark_saved (p);
  gantry_project_clear_history (p);
  g_assert_false (gantry_project_get_modified (p));

  g_signal_handlers_disconnect_by_func (p, on_notify, &modified_notes);
  g_signal_handlers_disconnect_by_func (p, on_notify, &undo_notes);
  g_signal_handlers_disconnect_by_func (p, on_notify, &redo_notes);
}

static void
test_unlimited (void)
{
  g_autoptr(GantryProject) p = gantry_test_build_full_plan ();
  g_autoptr(GantryProject) fresh = gantry_test_build_full_plan ();
  GantryTask *t = gantry_project_lookup_task (p, 2);
  guint n = 0;

  for (int i = 1; i <= 5000; i++)
    g_assert_true (gantry_project_apply (p, gantry_command_set (t, "priority", i % 1000)));
  while (gantry_project_undo (p))
    n++;
  g_assert_cmpuint (n, ==, 5000);
  gantry_test_assert_projects_identical (p, fresh);
}

/* ---- random sequences ------------------------------------------------------------- */

static GObject *
random_object (GantryProject *p, GRand *r)
{
  GListModel *lists[] = { gantry_project_get_links (p), gantry_project_get_resources (p),
                          gantry_project_get_assignments (p), gantry_project_get_calendars (p) };
  int kind = g_rand_int_range (r, 0, 7);

  if (kind <= 1)
    {
      GPtrArray *all = gantry_project_get_all_tasks (p);

      if (all->len == 0 || g_rand_int_range (r, 0, 20) == 0)
        return G_OBJECT (gantry_project_get_root_task (p));
      return g_ptr_array_index (all, g_rand_int_range (r, 0, all->len));
    }
  if (kind == 6)
    return G_OBJECT (p);
  {
    GListModel *m = lists[kind - 2];
    guint n = g_list_model_get_n_items (m);
    GObject *o;

    if (n == 0)
      return G_OBJECT (p);
    o = g_list_model_get_item (m, g_rand_int_range (r, 0, n));
    g_object_unref (o);   /* still owned by the project */
    return o;
  }
}

static GantryTask *
random_task (GantryProject *p, GRand *r, gboolean allow_root)
{
  GPtrArray *all = gantry_project_get_all_tasks (p);

  if (all->len == 0 || (allow_root && g_rand_int_range (r, 0, 4) == 0))
    return allow_root ? gantry_project_get_root_task (p) : NULL;
  return g_ptr_array_index (all, g_rand_int_range (r, 0, all->len));
}

static gpointer
random_item (GListModel *m, GRand *r)
{
  guint n = g_list_model_get_n_items (m);
  gpointer o;

  if (n == 0)
    return NULL;
  o = g_list_model_get_item (m, g_rand_int_range (r, 0, n));
  g_object_unref (o);
  return o;
}

static void
random_value (GParamSpec *pspec, GantryProject *p, GRand *r, GValue *v)
{
  static const char *strings[] = { NULL, "", "x", "Ünïcødé ✓ 日本", "a much longer string" };

  g_value_init (v, pspec->value_type);
  if (G_IS_PARAM_SPEC_INT (pspec))
    {
      GParamSpecInt *s = G_PARAM_SPEC_INT (pspec);

      if ((gint64) s->maximum - s->minimum <= 2000)
        g_value_set_int (v, g_rand_int_range (r, s->minimum, s->maximum + 2));
      else
        g_value_set_int (v, g_rand_int_range (r, -3, 60));
    }
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    {
      switch (g_rand_int_range (r, 0, 4))
        {
        case 0: g_value_set_int64 (v, GANTRY_TIME_NONE); break;
        case 1: g_value_set_int64 (v, 0); break;
        case 2: g_value_set_int64 (v, T (2026, 1, 1, 0, 0) + g_rand_int_range (r, 0, 1000) *
                                      GANTRY_MS_HOUR); break;
        default: g_value_set_int64 (v, g_rand_int_range (r, -100, 100) * GANTRY_MS_HOUR); break;
        }
    }
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    g_value_set_boolean (v, g_rand_boolean (r));
  else if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    {
      static const double doubles[] = { 0.0, 1.5, -3.25, 1e6, 0.1 };
      g_value_set_double (v, doubles[g_rand_int_range (r, 0, G_N_ELEMENTS (doubles))]);
    }
  else if (G_IS_PARAM_SPEC_STRING (pspec))
    g_value_set_string (v, strings[g_rand_int_range (r, 0, G_N_ELEMENTS (strings))]);
  else if (G_IS_PARAM_SPEC_OBJECT (pspec) && pspec->value_type == GANTRY_TYPE_CALENDAR)
    g_value_set_object (v, g_rand_int_range (r, 0, 4) == 0
                             ? NULL : random_item (gantry_project_get_calendars (p), r));
  else
    g_assert_not_reached ();
}

static GantryCommand *
random_set_property (GantryProject *p, GRand *r)
{
  GObject *o = random_object (p, r);
  g_autofree GParamSpec **specs = NULL;
  g_autoptr(GPtrArray) writable = g_ptr_array_new ();
  g_auto(GValue) v = G_VALUE_INIT;
  GParamSpec *pspec;
  guint n;

  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (o), &n);
  for (guint i = 0; i < n; i++)
    if ((specs[i]->flags & G_PARAM_WRITABLE) && !(specs[i]->flags & G_PARAM_CONSTRUCT_ONLY))
      g_ptr_array_add (writable, specs[i]);
  pspec = g_ptr_array_index (writable, g_rand_int_range (r, 0, writable->len));
  random_value (pspec, p, r, &v);
  return gantry_command_set_property (o, pspec->name, &v);
}

static GantryCommand *
random_command (GantryProject *p, GRand *r)
{
  switch (g_rand_int_range (r, 0, 16))
    {
    case 0: case 1: case 2:
      return random_set_property (p, r);

    case 3:
      {
        GantryTask *parent = random_task (p, r, TRUE);
        g_autoptr(GantryTask) t = gantry_task_new (gantry_project_next_task_uid (p), "new");

        return gantry_command_insert_task (parent, g_rand_int_range (r, -1, 4), t);
      }

    case 4:
      {
        GantryTask *t = random_task (p, r, FALSE);
        return t ? gantry_command_remove_task (t) : NULL;
      }

    case 5:
      {
        GantryTask *t = random_task (p, r, FALSE);
        GantryTask *parent = random_task (p, r, TRUE);
        return t ? gantry_command_move_task (t, parent, g_rand_int_range (r, -1, 4)) : NULL;
      }

    case 6:
      {
        GantryTask *a = random_task (p, r, FALSE), *b = random_task (p, r, FALSE);
        g_autoptr(GantryLink) l = NULL;

        if (a == NULL || b == NULL)
          return NULL;
        l = gantry_link_new (a, b, g_rand_int_range (r, 0, 4),
                             g_rand_int_range (r, -10, 10) * GANTRY_MS_HOUR,
                             g_rand_boolean (r) ? 7 : 6);
        return gantry_command_add_link (l);
      }

    case 7:
      {
        GantryLink *l = random_item (gantry_project_get_links (p), r);
        return l ? gantry_command_remove_link (l) : NULL;
      }

    case 8:
      {
        g_autoptr(GantryResource) res = gantry_resource_new (gantry_project_next_resource_uid (p),
                                                             "res");
        return gantry_command_add_resource (res, g_rand_int_range (r, -1, 3));
      }

    case 9:
      {
        GantryResource *res = random_item (gantry_project_get_resources (p), r);
        return res ? gantry_command_remove_resource (res) : NULL;
      }

    case 10:
      {
        GantryTask *t = random_task (p, r, FALSE);
        GantryResource *res = random_item (gantry_project_get_resources (p), r);
        g_autoptr(GantryAssignment) a = NULL;

        if (t == NULL || res == NULL)
          return NULL;
        a = gantry_assignment_new (gantry_project_next_assignment_uid (p), t, res, 0.5,
                                   g_rand_int_range (r, 0, 40) * GANTRY_MS_HOUR);
        return gantry_command_add_assignment (a);
      }

    case 11:
      {
        GantryAssignment *a = random_item (gantry_project_get_assignments (p), r);
        return a ? gantry_command_remove_assignment (a) : NULL;
      }

    case 12:
      {
        g_autoptr(GantryCalendar) c = gantry_calendar_new_standard (
            gantry_project_next_calendar_uid (p), "cal");
        return gantry_command_add_calendar (c);
      }

    case 13:
      {
        GantryCalendar *c = random_item (gantry_project_get_calendars (p), r);
        return c ? gantry_command_remove_calendar (c) : NULL;
      }

    case 14:
      {
        GantryCalendar *c = random_item (gantry_project_get_calendars (p), r);
        GantryCalendar *src = random_item (gantry_project_get_calendars (p), r);
        g_autoptr(GantryCalendar) def = NULL;
        GantryCalendarException ex = { 0 };

        if (c == NULL)
          return NULL;
        def = gantry_calendar_copy (src);
        ex.name = (char *) "random";
        ex.from_day = g_rand_int_range (r, 20000, 21000);
        ex.to_day = ex.from_day + g_rand_int_range (r, 0, 30);
        ex.recurrence = g_rand_int_range (r, 1, 10);
        ex.period = g_rand_int_range (r, 1, 3);
        ex.day.kind = GANTRY_DAY_NONWORKING;
        gantry_calendar_add_exception (def, &ex);
        return gantry_command_set_calendar_definition (c, def);
      }

    default:
      {
        GantryTask *t = random_task (p, r, FALSE);
        GantryBaseline b = { 0 };

        if (t == NULL)
          return NULL;
        b.start = T (2026, 2, 1, 8, 0) + g_rand_int_range (r, 0, 100) * GANTRY_MS_HOUR;
        b.cost = g_rand_int_range (r, 0, 1000) / 4.0;
        return gantry_command_set_baseline (t, g_rand_int_range (r, 0, GANTRY_N_BASELINES),
                                            g_rand_boolean (r) ? &b : NULL);
      }
    }
}

/* One step: a command, or a (possibly nested) group of commands. */
static void
random_step (GantryProject *p, GRand *r, int depth)
{
  if (depth < 2 && g_rand_int_range (r, 0, 8) == 0)
    {
      int n = g_rand_int_range (r, 0, 4);

      gantry_project_begin_group (p, "Group");
      for (int i = 0; i < n; i++)
        random_step (p, r, depth + 1);
      gantry_project_end_group (p);
    }
  else
    {
      GantryCommand *cmd = random_command (p, r);

      if (cmd != NULL)
        gantry_project_apply (p, cmd);
    }
}

/* A fresh full plan with the first n steps of seed applied: the deep
 * snapshot of that state. */
static GantryProject *
plan_after (guint32 seed, int n)
{
  GantryProject *p = gantry_test_build_full_plan ();
  g_autoptr(GRand) r = g_rand_new_with_seed (seed);

  for (int i = 0; i < n; i++)
    random_step (p, r, 0);
  return p;
}

static guint
undo_depth (GantryProject *p)
{
  guint n = 0;

  while (gantry_project_undo (p))
    n++;
  for (guint i = 0; i < n; i++)
    g_assert_true (gantry_project_redo (p));
  return n;
}

static void
test_random (void)
{
  int n_steps = g_test_slow () ? 150 : 40;
  int n_seeds = g_test_slow () ? 40 : 8;

  for (int s = 0; s < n_seeds; s++)
    {
      guint32 seed = g_test_rand_int ();
      g_autoptr(GantryProject) p = gantry_test_build_full_plan ();
      g_autoptr(GantryProject) fresh = gantry_test_build_full_plan ();
      g_autoptr(GantryProject) end = NULL;
      g_autoptr(GRand) r = g_rand_new_with_seed (seed);
      g_autoptr(GArray) depth_after = g_array_new (FALSE, FALSE, sizeof (guint));
      guint zero = 0, depth = 0;
      Changes ch;

      g_test_message ("seed %u", seed);
      changes_init (&ch, p);
      g_array_append_val (depth_after, zero);
      for (int i = 0; i < n_steps; i++)
        {
          random_step (p, r, 0);
          g_signal_handlers_block_by_func (p, on_changed, &ch);
          depth = undo_depth (p);
          g_signal_handlers_unblock_by_func (p, on_changed, &ch);
          g_array_append_val (depth_after, depth);
        }
      g_test_message ("%u undo steps after %d random steps", depth, n_steps);
      /* One "changed" per pushed step. */
      g_assert_cmpuint (ch.count, ==, depth);

      end = plan_after (seed, n_steps);
      gantry_test_assert_projects_identical (p, end);

      /* Undo everything: the original plan, exactly. */
      while (gantry_project_undo (p))
        ;
      gantry_test_assert_projects_identical (p, fresh);
      g_assert_false (gantry_project_get_modified (p));
      /* Redo everything: the end state, exactly. */
      while (gantry_project_redo (p))
        ;
      gantry_test_assert_projects_identical (p, end);

      /* Jump around the history: every position is an earlier state. */
      for (int k = 0; k < 6; k++)
        {
          int step = g_rand_int_range (r, 0, n_steps + 1);
          guint target = g_array_index (depth_after, guint, step);
          g_autoptr(GantryProject) expect = NULL;
          guint now = undo_depth (p);

          while (now > target)
            {
              g_assert_true (gantry_project_undo (p));
              now--;
            }
          while (now < target)
            {
              g_assert_true (gantry_project_redo (p));
              now++;
            }
          /* The first step that reached this depth. */
          while (step > 0 && g_array_index (depth_after, guint, step - 1) == target)
            step--;
          expect = plan_after (seed, step);
          gantry_test_assert_projects_identical (p, expect);
        }

      /* A new edit drops the redo part; undo still returns to the start. */
      while (gantry_project_can_undo (p) && g_rand_boolean (r))
        gantry_project_undo (p);
      for (int i = 0; i < 5; i++)
        random_step (p, r, 0);
      while (gantry_project_undo (p))
        ;
      gantry_test_assert_projects_identical (p, fresh);

      changes_clear (&ch, p);
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo/set-property", test_set_property);
  g_test_add_func ("/undo/refusals", test_refusals);
  g_test_add_func ("/undo/each-command", test_each_command);
  g_test_add_func ("/undo/remove-details", test_remove_details);
  g_test_add_func ("/undo/ids-restored", test_ids_restored);
  g_test_add_func ("/undo/structure-signals", test_structure_signals);
  g_test_add_func ("/undo/every-property", test_every_property);
  g_test_add_func ("/undo/groups", test_groups);
  g_test_add_func ("/undo/modified", test_modified);
  g_test_add_func ("/undo/unlimited", test_unlimited);
  g_test_add_func ("/undo/random", test_random);

  return g_test_run ();
}
