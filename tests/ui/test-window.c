/* test-window.c — the main window on a real display (Xvfb in CI)
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the window through its actions and checks the model; edits table
 * cells; opens bad files; saves screenshots (PNG) into the build folder.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "gantry-application.h"
#include "gantry-cell-editor.h"
#include "gantry-edit.h"
#include "gantry-store.h"
#include "gantry-mspdi.h"
#include "gantry-resource-engine.h"
#include "gantry-task-dialog.h"
#include "gantry-task-table.h"
#include "gantry-ui-test-helper.h"
#include "gantry-test-helper.h"
#include "gantry-text.h"
#include "gantry-window.h"
#include "gantry-chart.h"
#include "gantry-placeholder.h"

static GtkApplication *app;
static char *tmpdir;

/* Runs the main loop until cond holds (or a generous limit passes: the
 * assertion after it then fails). */
#define WAIT_FOR(cond) \
  G_STMT_START { \
    gint64 _end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < _end) \
      g_main_context_iteration (NULL, TRUE); \
  } G_STMT_END

static GantryProject *
build_plan (void)
{
  GantryProject *p = gantry_project_new_default (gantry_time_make (2026, 3, 2, 8, 0, 0));
  GantryTask *root = gantry_project_get_root_task (p);
  const char *names[] = { "Design", "Build", "Test", "Release" };

  /* new_default may have a blank first row: start from an empty outline */
  while (gantry_task_get_n_children (root) > 0)
    gantry_project_remove_task (p, gantry_task_get_child (root, 0));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GantryTask) t = gantry_task_new (gantry_project_next_task_uid (p), names[i]);
      gantry_task_set_duration (t, 2 * 480 * GANTRY_MS_MINUTE);
      gantry_task_set_duration_format (t, GANTRY_FORMAT_DAYS);
      g_assert_true (gantry_project_add_task (p, root, -1, t));
    }
  {
    GantryTask *build = gantry_task_get_child (root, 1);
    for (guint i = 1; i <= 2; i++)
      {
        g_autofree char *name = g_strdup_printf ("Module %u", i);
        g_autoptr(GantryTask) t = gantry_task_new (gantry_project_next_task_uid (p), name);
        gantry_task_set_duration (t, 3 * 480 * GANTRY_MS_MINUTE);
        gantry_task_set_duration_format (t, GANTRY_FORMAT_DAYS);
        g_assert_true (gantry_project_add_task (p, build, -1, t));
      }
  }
  gantry_project_renumber (p);
  gantry_project_clear_history (p);
  return p;
}

static GantryTask *
find_task (GantryProject *p, const char *name)
{
  GPtrArray *all = gantry_project_get_all_tasks (p);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gantry_task_get_name (g_ptr_array_index (all, i)), name) == 0)
      return g_ptr_array_index (all, i);
  return NULL;
}

static char *
outline (GantryProject *p)
{
  GString *s = g_string_new (NULL);
  GPtrArray *all = gantry_project_get_all_tasks (p);

  for (guint i = 0; i < all->len; i++)
    {
      GantryTask *t = g_ptr_array_index (all, i);
      g_autofree char *preds = gantry_text_format_predecessors (t);
      g_string_append_printf (s, "%s@%d[%s]%s|", gantry_task_get_name (t),
                              gantry_task_get_outline_level (t), preds,
                              gantry_task_get_milestone (t) ? "M" : "");
    }
  return g_string_free (s, FALSE);
}

static GantryWindow *
new_window (GantryProject *project)
{
  GantryWindow *win = gantry_window_new (app);

  if (project != NULL)
    gantry_window_set_project (win, project, NULL, GANTRY_FILE_FORMAT_NATIVE);
  gtk_window_set_default_size (GTK_WINDOW (win), 1400, 720);
  gtk_window_present (GTK_WINDOW (win));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (win)));
  gantry_ui_test_iterate (5);
  return win;
}

static void
close_window (GantryWindow *win)
{
  gtk_window_destroy (GTK_WINDOW (win));
  gantry_ui_test_iterate (3);
}

static void
select_tasks (GantryWindow *win, GantryProject *p, const char *first, ...)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *n = first; n != NULL; n = va_arg (ap, const char *))
    {
      GantryTask *t = find_task (p, n);
      if (t == NULL)
        {
          g_autofree char *o = outline (p);
          g_test_message ("no task %s in %s", n, o);
        }
      g_assert_nonnull (t);
      g_ptr_array_add (tasks, t);
    }
  va_end (ap);
  gantry_task_table_select_tasks (gantry_window_get_task_table (win), tasks);
}

static void
activate (GantryWindow *win, const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), action, NULL));
  gantry_ui_test_iterate (2);
}

/* apply via action -> expect; doc.undo -> before; doc.redo -> expect */
static void
check_action (GantryWindow *win, GantryProject *p, const char *action, const char *expect)
{
  g_autofree char *before = outline (p);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  activate (win, action);
  after = outline (p);
  g_assert_cmpstr (after, ==, expect);
  activate (win, "doc.undo");
  undone = outline (p);
  g_assert_cmpstr (undone, ==, before);
  activate (win, "doc.redo");
  redone = outline (p);
  g_assert_cmpstr (redone, ==, expect);
}

/* ---- tests ------------------------------------------------------------- */

static void
test_basics (void)
{
  GantryWindow *win = new_window (NULL);
  GantryProject *p = gantry_window_get_project (win);
  const char *title;

  g_assert_nonnull (p);
  title = gtk_window_get_title (GTK_WINDOW (win));
  g_assert_nonnull (strstr (title, "Untitled"));
  g_assert_null (strstr (title, "•"));
  g_assert_true (gantry_window_is_pristine (win));
  /* the keyboard shortcuts window is there (Ctrl+?) */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (win)));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (win), "doc.undo", NULL) &&
                  gantry_project_can_undo (p));

  /* an edit marks the title and enables undo */
  activate (win, "task.insert");
  g_assert_true (gantry_project_can_undo (p));
  title = gtk_window_get_title (GTK_WINDOW (win));
  g_assert_nonnull (strstr (title, "•"));
  g_assert_false (gantry_window_is_pristine (win));
  activate (win, "doc.undo");
  g_assert_false (gantry_project_get_modified (p));
  title = gtk_window_get_title (GTK_WINDOW (win));
  g_assert_null (strstr (title, "•"));
  close_window (win);
}

static void
test_actions (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  GantryWindow *win = new_window (p);
  g_autofree char *s0 = outline (p);
  guint n0 = gantry_project_get_n_tasks (p);

  g_assert_cmpstr (s0, ==, "Design@1[]|Build@1[]|Module 1@2[]|Module 2@2[]|Test@1[]|Release@1[]|");

  /* insert above the selected task, selected afterwards */
  select_tasks (win, p, "Test", NULL);
  activate (win, "task.insert");
  g_assert_cmpuint (gantry_project_get_n_tasks (p), ==, n0 + 1);
  {
    g_autoptr(GPtrArray) sel = gantry_task_table_get_selected_tasks (gantry_window_get_task_table (win));
    GantryTask *t = g_ptr_array_index (sel, 0);
    g_assert_cmpuint (sel->len, ==, 1);
    g_assert_true (gantry_task_get_parent (t) == gantry_project_get_root_task (p));
    g_assert_cmpint (gantry_task_get_position (t), ==, 2);
  }
  activate (win, "doc.undo");
  g_assert_cmpuint (gantry_project_get_n_tasks (p), ==, n0);
  activate (win, "doc.redo");
  g_assert_cmpuint (gantry_project_get_n_tasks (p), ==, n0 + 1);
  activate (win, "doc.undo");

  /* delete, indent, outdent, move, link, unlink, milestone */
  select_tasks (win, p, "Test", NULL);
  check_action (win, p, "task.delete", "Design@1[]|Build@1[]|Module 1@2[]|Module 2@2[]|Release@1[]|");
  activate (win, "doc.undo");
  select_tasks (win, p, "Test", NULL);
  check_action (win, p, "task.indent", "Design@1[]|Build@1[]|Module 1@2[]|Module 2@2[]|Test@2[]|Release@1[]|");
  select_tasks (win, p, "Module 2", NULL);
  check_action (win, p, "task.outdent", "Design@1[]|Build@1[]|Module 1@2[]|Module 2@1[]|Test@2[]|Release@1[]|");
  select_tasks (win, p, "Release", NULL);
  check_action (win, p, "task.move-up", "Design@1[]|Build@1[]|Module 1@2[]|Release@1[]|Module 2@1[]|Test@2[]|");
  select_tasks (win, p, "Release", NULL);
  check_action (win, p, "task.move-down", "Design@1[]|Build@1[]|Module 1@2[]|Module 2@1[]|Test@2[]|Release@1[]|");
  select_tasks (win, p, "Design", "Module 1", NULL);
  check_action (win, p, "task.link", "Design@1[]|Build@1[]|Module 1@2[1]|Module 2@1[]|Test@2[]|Release@1[]|");
  select_tasks (win, p, "Module 1", NULL);
  check_action (win, p, "task.unlink", "Design@1[]|Build@1[]|Module 1@2[]|Module 2@1[]|Test@2[]|Release@1[]|");
  select_tasks (win, p, "Release", NULL);
  check_action (win, p, "task.toggle-milestone", "Design@1[]|Build@1[]|Module 1@2[]|Module 2@1[]|Test@2[]|Release@1[]M|");

  /* expand / collapse the outline */
  activate (win, "view.collapse-all");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gantry_task_table_get_selection (gantry_window_get_task_table (win)))),
                    ==, gantry_task_get_n_children (gantry_project_get_root_task (p)));
  activate (win, "view.expand-all");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gantry_task_table_get_selection (gantry_window_get_task_table (win)))),
                    ==, gantry_project_get_n_tasks (p));
  /* selecting a hidden task opens its summary */
  activate (win, "view.collapse-all");
  g_assert_true (gantry_task_table_select_task (gantry_window_get_task_table (win), find_task (p, "Module 1")));
  g_assert_cmpint (gantry_task_table_find_row (gantry_window_get_task_table (win), find_task (p, "Module 1")), ==, 2);

  /* indenting under a task without subtasks: the new summary gets an
   * expander and its new subtask is on screen */
  select_tasks (win, p, "Build", NULL);
  activate (win, "task.indent");
  {
    GantryTaskTable *table = gantry_window_get_task_table (win);
    GantryTask *test = find_task (p, "Design");
    int r = gantry_task_table_find_row (table, test);
    g_autoptr(GtkTreeListRow) row = NULL;

    g_assert_true (gantry_task_get_parent (find_task (p, "Build")) == test);
    g_assert_cmpint (r, >=, 0);
    row = g_list_model_get_item (G_LIST_MODEL (gantry_task_table_get_selection (table)), r);
    g_assert_true (gtk_tree_list_row_is_expandable (row));
    g_assert_true (gtk_tree_list_row_get_expanded (row));
    g_assert_cmpint (gantry_task_table_find_row (table, find_task (p, "Build")), ==, r + 1);
    g_assert_cmpint (gantry_task_table_find_row (table, find_task (p, "Module 1")), ==, r + 2);
  }
  activate (win, "doc.undo");

  /* the column chooser hides and shows columns */
  {
    GtkColumnView *view = gantry_task_table_get_column_view (gantry_window_get_task_table (win));
    g_autoptr(GtkColumnViewColumn) duration = g_list_model_get_item (gtk_column_view_get_columns (view),
                                                                     GANTRY_COLUMN_DURATION);

    g_assert_cmpstr (gtk_column_view_column_get_title (duration), ==, "Duration");
    g_assert_true (gtk_column_view_column_get_visible (duration));
    activate (win, "columns.show-duration");
    g_assert_false (gtk_column_view_column_get_visible (duration));
    activate (win, "columns.show-duration");
    g_assert_true (gtk_column_view_column_get_visible (duration));
  }

  /* discard on close */
  gantry_project_mark_saved (p);
  close_window (win);
}

static void
test_clipboard (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  g_autoptr(GantryProject) q = build_plan ();
  GantryWindow *win = new_window (p);
  GantryWindow *win2 = new_window (q);
  g_autofree char *s0 = NULL;
  g_autofree char *s1 = NULL;
  guint n0 = gantry_project_get_n_tasks (p);

  gantry_edit_set_field_text (find_task (p, "Module 2"), GANTRY_FIELD_PREDECESSORS, "3", NULL);
  s0 = outline (p);

  /* copy Build with its subtasks, paste above Design */
  select_tasks (win, p, "Build", NULL);
  activate (win, "task.copy");
  select_tasks (win, p, "Design", NULL);
  activate (win, "task.paste");
  WAIT_FOR (gantry_project_get_n_tasks (p) == n0 + 3);
  g_assert_cmpuint (gantry_project_get_n_tasks (p), ==, n0 + 3);
  s1 = outline (p);
  /* the link among the pasted tasks came along (new IDs) */
  g_assert_cmpstr (s1, ==, "Build@1[]|Module 1@2[]|Module 2@2[2]|Design@1[]|Build@1[]|Module 1@2[]|Module 2@2[6]|Test@1[]|Release@1[]|");
  activate (win, "doc.undo");
  {
    g_autofree char *s = outline (p);
    g_assert_cmpstr (s, ==, s0);
  }

  /* between windows */
  select_tasks (win2, q, "Release", NULL);
  activate (win2, "task.paste");
  WAIT_FOR (gantry_project_get_n_tasks (q) == n0 + 3);
  g_assert_cmpuint (gantry_project_get_n_tasks (q), ==, n0 + 3);

  /* cut = copy + delete, one undo step */
  select_tasks (win, p, "Test", NULL);
  activate (win, "task.cut");
  g_assert_null (find_task (p, "Test"));
  activate (win, "doc.undo");
  g_assert_nonnull (find_task (p, "Test"));

  gantry_project_mark_saved (p);
  gantry_project_mark_saved (q);
  close_window (win);
  close_window (win2);
}

static GtkWidget *
wait_cell (GantryWindow *win, GantryTask *task, GantryField field)
{
  GtkWidget *cell = NULL;

  WAIT_FOR ((cell = gantry_task_table_find_cell (gantry_window_get_task_table (win), task, field)) != NULL);
  g_assert_nonnull (cell);
  return cell;
}

static void
type_into (GtkWidget *cell, const char *text)
{
  gantry_cell_editor_start_editing (GANTRY_CELL_EDITOR (cell), NULL);
  gtk_editable_set_text (gantry_cell_editor_get_entry (GANTRY_CELL_EDITOR (cell)), text);
  g_signal_emit_by_name (gantry_cell_editor_get_entry (GANTRY_CELL_EDITOR (cell)), "activate");  /* Enter */
  gantry_ui_test_iterate (2);
}

static void
test_table_edits (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  GantryWindow *win = new_window (p);
  GantryTask *design = find_task (p, "Design");
  GantryTask *test = find_task (p, "Test");
  GtkWidget *cell;
  const char *tip;

  /* name */
  cell = wait_cell (win, design, GANTRY_FIELD_NAME);
  type_into (cell, "Design review");
  g_assert_cmpstr (gantry_task_get_name (design), ==, "Design review");
  activate (win, "doc.undo");
  g_assert_cmpstr (gantry_task_get_name (design), ==, "Design");
  g_assert_cmpstr (gantry_cell_editor_get_text (GANTRY_CELL_EDITOR (cell)), ==, "Design");
  activate (win, "doc.redo");
  g_assert_cmpstr (gantry_task_get_name (design), ==, "Design review");

  /* duration: good, then bad */
  cell = wait_cell (win, design, GANTRY_FIELD_DURATION);
  type_into (cell, "4d");
  g_test_message ("duration cell: '%s' error=%d tip=%s", gantry_cell_editor_get_text (GANTRY_CELL_EDITOR (cell)),
                  gtk_widget_has_css_class (cell, "error"), gtk_widget_get_tooltip_text (cell));
  g_assert_cmpint (gantry_task_get_duration (design), ==, 4 * 480 * GANTRY_MS_MINUTE);
  g_assert_false (gtk_widget_has_css_class (cell, "error"));
  type_into (cell, "four days");
  g_assert_cmpint (gantry_task_get_duration (design), ==, 4 * 480 * GANTRY_MS_MINUTE);
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  tip = gtk_widget_get_tooltip_text (cell);
  g_assert_nonnull (tip);
  g_assert_cmpstr (tip, !=, "");
  /* a good value clears the error */
  type_into (cell, "5d");
  g_assert_false (gtk_widget_has_css_class (cell, "error"));
  g_assert_cmpint (gantry_task_get_duration (design), ==, 5 * 480 * GANTRY_MS_MINUTE);

  /* start sets SNET */
  cell = wait_cell (win, test, GANTRY_FIELD_START);
  type_into (cell, "2026-04-06");
  g_assert_cmpint (gantry_task_get_constraint_type (test), ==, GANTRY_CONSTRAINT_SNET);
  g_assert_cmpint (gantry_task_get_constraint_date (test), ==, gantry_time_make (2026, 4, 6, 8, 0, 0));
  activate (win, "doc.undo");
  g_assert_cmpint (gantry_task_get_constraint_type (test), ==, GANTRY_CONSTRAINT_ASAP);

  /* predecessors, with a bad one first */
  cell = wait_cell (win, test, GANTRY_FIELD_PREDECESSORS);
  type_into (cell, "42");
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_cmpuint (gantry_task_get_predecessors (test)->len, ==, 0);
  type_into (cell, "1FS+1d");
  g_assert_false (gtk_widget_has_css_class (cell, "error"));
  g_assert_cmpuint (gantry_task_get_predecessors (test)->len, ==, 1);

  /* resources and % complete */
  cell = wait_cell (win, test, GANTRY_FIELD_RESOURCES);
  type_into (cell, "Ana[50%]");
  g_assert_cmpuint (gantry_task_get_assignments (test)->len, ==, 1);
  cell = wait_cell (win, test, GANTRY_FIELD_PERCENT_COMPLETE);
  type_into (cell, "101");
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_cmpint (gantry_task_get_percent_complete (test), ==, 0);
  type_into (cell, "30");
  g_assert_cmpint (gantry_task_get_percent_complete (test), ==, 30);
  /* as in MS Project, progress gives the task an actual start (its start) */
  g_assert_cmpint (gantry_task_get_actual_start (test), ==, gantry_task_get_start (test));
  activate (win, "doc.undo");
  g_assert_cmpint (gantry_task_get_percent_complete (test), ==, 0);
  g_assert_cmpint (gantry_task_get_actual_start (test), ==, GANTRY_TIME_NONE);

  gantry_project_mark_saved (p);
  close_window (win);
}

static gboolean
send_key (GtkWidget *widget, guint keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        g_signal_emit_by_name (c, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }
  return handled;
}

static void
test_keyboard (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  GantryWindow *win = new_window (p);
  GantryTaskTable *table = gantry_window_get_task_table (win);
  GtkWidget *view = GTK_WIDGET (gantry_task_table_get_column_view (table));
  GtkWidget *start = wait_cell (win, find_task (p, "Design"), GANTRY_FIELD_DURATION);
  GtkWidget *below = wait_cell (win, find_task (p, "Build"), GANTRY_FIELD_DURATION);
  GtkWidget *right = wait_cell (win, find_task (p, "Build"), GANTRY_FIELD_START);

  gtk_widget_grab_focus (start);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (win)) == start);
  /* Down moves to the same column of the next row and selects it */
  g_assert_true (send_key (view, GDK_KEY_Down));
  gantry_ui_test_iterate (2);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (win)) == below);
  {
    g_autoptr(GPtrArray) sel = gantry_task_table_get_selected_tasks (table);
    g_assert_cmpuint (sel->len, ==, 1);
    g_assert_true (g_ptr_array_index (sel, 0) == find_task (p, "Build"));
  }
  /* Right moves to the next column */
  g_assert_true (send_key (view, GDK_KEY_Right));
  gantry_ui_test_iterate (2);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (win)) == right);
  /* typing a character starts editing with it; Enter commits */
  g_assert_true (send_key (below, GDK_KEY_3));
  g_assert_true (gantry_cell_editor_get_editing (GANTRY_CELL_EDITOR (below)));
  gtk_editable_set_position (gantry_cell_editor_get_entry (GANTRY_CELL_EDITOR (below)), -1);
  g_assert_cmpstr (gtk_editable_get_text (gantry_cell_editor_get_entry (GANTRY_CELL_EDITOR (below))), ==, "3");
  g_signal_emit_by_name (gantry_cell_editor_get_entry (GANTRY_CELL_EDITOR (below)), "activate");
  gantry_ui_test_iterate (2);
  /* Build is a summary: its duration comes from its subtasks */
  g_assert_true (gtk_widget_has_css_class (below, "error"));
  gantry_project_mark_saved (p);
  close_window (win);
}

/* Every table cell on screen shows what its task holds now. */
static void
assert_cells_current (GantryWindow *win, GantryProject *p)
{
  static const GantryField fields[] = {
    GANTRY_FIELD_NAME, GANTRY_FIELD_DURATION, GANTRY_FIELD_START, GANTRY_FIELD_FINISH,
    GANTRY_FIELD_PREDECESSORS, GANTRY_FIELD_RESOURCES, GANTRY_FIELD_PERCENT_COMPLETE,
  };
  GPtrArray *all = gantry_project_get_all_tasks (p);
  guint checked = 0;

  for (guint i = 0; i < all->len; i++)
    for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
      {
        GantryTask *t = g_ptr_array_index (all, i);
        GtkWidget *cell = gantry_task_table_find_cell (gantry_window_get_task_table (win), t, fields[f]);
        g_autofree char *want = gantry_edit_format_field (t, fields[f]);

        if (cell == NULL)
          continue;
        g_assert_cmpstr (gantry_cell_editor_get_text (GANTRY_CELL_EDITOR (cell)), ==, want);
        checked++;
      }
  g_assert_cmpuint (checked, >, 0);
}

/* The table reuses cell widgets (GTK 4.8 unbinds and rebinds every row it
 * moves; collapse all hands the old rows' cells to the new rows): edits
 * made while a row is hidden show when it comes back. */
static void
test_cells_follow_model (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  GantryWindow *win = new_window (p);
  GantryTask *m1 = find_task (p, "Module 1");
  GantryTask *test = find_task (p, "Test");
  g_autoptr(GError) error = NULL;

  wait_cell (win, m1, GANTRY_FIELD_NAME);
  assert_cells_current (win, p);
  for (int round = 0; round < 2; round++)
    {
      activate (win, "view.collapse-all");
      gantry_ui_test_iterate (3);
      g_assert_null (gantry_task_table_find_cell (gantry_window_get_task_table (win), m1,
                                                  GANTRY_FIELD_NAME));
      assert_cells_current (win, p);
      activate (win, "view.expand-all");
      gantry_ui_test_iterate (3);
      assert_cells_current (win, p);
    }

  /* edits while Module 1 is hidden: a command and a plain setter */
  activate (win, "view.collapse-all");
  gantry_ui_test_iterate (3);
  g_assert_true (gantry_edit_set_field_text (m1, GANTRY_FIELD_NAME, "Module A", &error));
  g_assert_no_error (error);
  g_assert_true (gantry_edit_set_field_text (m1, GANTRY_FIELD_DURATION, "4d", &error));
  g_assert_no_error (error);
  gantry_task_set_name (test, "Testing");
  activate (win, "view.expand-all");
  gantry_ui_test_iterate (3);
  {
    GtkWidget *name = wait_cell (win, m1, GANTRY_FIELD_NAME);
    GtkWidget *dur = wait_cell (win, m1, GANTRY_FIELD_DURATION);

    g_assert_cmpstr (gantry_cell_editor_get_text (GANTRY_CELL_EDITOR (name)), ==, "Module A");
    g_assert_cmpstr (gantry_cell_editor_get_text (GANTRY_CELL_EDITOR (dur)), ==, "4 days");
    g_assert_cmpstr (gantry_cell_editor_get_text (GANTRY_CELL_EDITOR (wait_cell (win, test, GANTRY_FIELD_NAME))),
                     ==, "Testing");
  }
  assert_cells_current (win, p);
  /* undo while shown, then collapse and expand again */
  activate (win, "doc.undo");
  activate (win, "doc.undo");
  gantry_ui_test_iterate (2);
  assert_cells_current (win, p);
  activate (win, "view.collapse-all");
  activate (win, "view.expand-all");
  gantry_ui_test_iterate (3);
  g_assert_cmpstr (gantry_cell_editor_get_text (GANTRY_CELL_EDITOR (wait_cell (win, m1, GANTRY_FIELD_NAME))),
                   ==, "Module 1");
  assert_cells_current (win, p);
  gantry_project_mark_saved (p);
  close_window (win);
}

/* Collapse all on an outline with many top-level rows takes the path that
 * keeps GTK's row widgets (gantry-task-table.c: collapse_all_in_place):
 * every row is closed, the top-level task of the row that was at the top
 * of the view is at the top afterwards, and the cells on screen are right. */
static void
test_collapse_all_large (void)
{
  g_autoptr(GantryProject) p = gantry_project_new_default (gantry_time_make (2026, 3, 2, 8, 0, 0));
  GantryTask *root = gantry_project_get_root_task (p);
  const guint n_top = 400, per = 3;
  GantryWindow *win;
  GantryTaskTable *table;
  GListModel *rows;
  GtkAdjustment *adj;
  GantryTask *target;

  while (gantry_task_get_n_children (root) > 0)
    gantry_project_remove_task (p, gantry_task_get_child (root, 0));
  for (guint i = 0; i < n_top; i++)
    {
      g_autofree char *name = g_strdup_printf ("Phase %u", i);
      g_autoptr(GantryTask) phase = gantry_task_new (gantry_project_next_task_uid (p), name);

      g_assert_true (gantry_project_add_task (p, root, -1, phase));
      for (guint c = 0; c < per; c++)
        {
          g_autofree char *cname = g_strdup_printf ("Work %u.%u", i, c);
          g_autoptr(GantryTask) t = gantry_task_new (gantry_project_next_task_uid (p), cname);

          gantry_task_set_duration (t, 480 * GANTRY_MS_MINUTE);
          g_assert_true (gantry_project_add_task (p, phase, -1, t));
        }
    }
  gantry_project_renumber (p);
  win = new_window (p);
  table = gantry_window_get_task_table (win);
  rows = G_LIST_MODEL (gantry_task_table_get_selection (table));
  adj = gantry_task_table_get_vadjustment (table);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_top * (1 + per));

  /* scroll so that the second child of Phase 60 is the first row shown */
  target = gantry_task_get_child (root, 60);
  gtk_adjustment_set_value (adj, (60 * (1 + per) + 2) * (double) GANTRY_TASK_TABLE_ROW_HEIGHT);
  gantry_ui_test_iterate (5);
  wait_cell (win, gantry_task_get_child (target, 1), GANTRY_FIELD_NAME);

  for (int round = 0; round < 2; round++)
    {
      activate (win, "view.collapse-all");
      g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_top);
      for (guint i = 0; i < n_top; i++)
        {
          g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
          g_autoptr(GantryTask) task = gtk_tree_list_row_get_item (row);

          g_assert_true (task == gantry_task_get_child (root, i));
          g_assert_false (gtk_tree_list_row_get_expanded (row));
          g_assert_true (gtk_tree_list_row_is_expandable (row));
        }
      gantry_ui_test_iterate (5);
      /* Phase 60 is at the top of the view */
      g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, 60.0 * GANTRY_TASK_TABLE_ROW_HEIGHT);
      wait_cell (win, target, GANTRY_FIELD_NAME);
      g_assert_null (gantry_task_table_find_cell (table, gantry_task_get_child (target, 0),
                                                  GANTRY_FIELD_NAME));
      assert_cells_current (win, p);

      activate (win, "view.expand-all");
      g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_top * (1 + per));
      gantry_ui_test_iterate (5);
      assert_cells_current (win, p);
      /* back to where the round started */
      gtk_adjustment_set_value (adj, (60 * (1 + per) + 2) * (double) GANTRY_TASK_TABLE_ROW_HEIGHT);
      gantry_ui_test_iterate (5);
    }

  /* from the top of the outline too */
  gtk_adjustment_set_value (adj, 0);
  gantry_ui_test_iterate (5);
  activate (win, "view.collapse-all");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_top);
  gantry_ui_test_iterate (5);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, 0.0);
  g_assert_cmpstr (gantry_cell_editor_get_text (GANTRY_CELL_EDITOR (wait_cell (win, gantry_task_get_child (root, 0), GANTRY_FIELD_NAME))),
                   ==, "Phase 0");
  assert_cells_current (win, p);
  /* an opened row shows its subtasks */
  {
    g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, 1);

    gtk_tree_list_row_set_expanded (row, TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_top + per);
    gantry_ui_test_iterate (3);
    g_assert_cmpstr (gantry_cell_editor_get_text (GANTRY_CELL_EDITOR (wait_cell (win, gantry_task_get_child (gantry_task_get_child (root, 1), 0), GANTRY_FIELD_NAME))),
                     ==, "Work 1.0");
  }
  gantry_project_mark_saved (p);
  close_window (win);
}

/* ---- the whole view from the keyboard alone ---------------------------- */

/* GTK 4.8 has no way to inject key events into a window (and this machine
 * has no XTest), so press_key() routes a key press as GTK does: the
 * capture phase from the window down to the focus widget, then the focus
 * widget and its ancestors up to the window; at each widget its key
 * controllers and its shortcut controllers (class key bindings such as
 * the window's Insert, Alt+Shift+Right, Ctrl+Z and Tab) see the key until
 * one takes it.  The test itself calls no action and grabs no focus. */
static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 GtkShortcutTrigger *key)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), key)
           || trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), key);
  return GTK_IS_KEYVAL_TRIGGER (trigger) && gtk_shortcut_trigger_equal (trigger, key);
}

static gboolean
controller_takes_key (GtkEventController *c,
                      GtkWidget          *widget,
                      guint               keyval,
                      GdkModifierType     mods)
{
  gboolean handled = FALSE;

  if (GTK_IS_EVENT_CONTROLLER_KEY (c))
    {
      g_signal_emit_by_name (c, "key-pressed", keyval, 0, mods, &handled);
      return handled;
    }
  if (GTK_IS_SHORTCUT_CONTROLLER (c))
    {
      g_autoptr(GtkShortcutTrigger) key = gtk_keyval_trigger_new (keyval, mods);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (c)) && !handled; i++)
        {
          g_autoptr(GtkShortcut) sc = g_list_model_get_item (G_LIST_MODEL (c), i);

          if (trigger_matches (gtk_shortcut_get_trigger (sc), key))
            handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (sc),
                                                    GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                    gtk_shortcut_get_arguments (sc));
        }
    }
  return handled;
}

static gboolean
widget_takes_key (GtkWidget          *widget,
                  GtkPropagationPhase phase,
                  gboolean            target,
                  guint               keyval,
                  GdkModifierType     mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);
      GtkPropagationPhase p = gtk_event_controller_get_propagation_phase (c);

      if ((p == phase || (target && p == GTK_PHASE_TARGET))
          && controller_takes_key (c, widget, keyval, mods))
        return TRUE;
    }
  return FALSE;
}

static gboolean
press_key (GantryWindow    *win,
           guint            keyval,
           GdkModifierType  mods)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (win));
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  gboolean handled = FALSE;

  for (GtkWidget *w = focus ? focus : GTK_WIDGET (win); w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_add (chain, g_object_ref (w));
  g_ptr_array_set_free_func (chain, g_object_unref);
  for (guint i = chain->len; i > 0 && !handled; i--)
    handled = widget_takes_key (g_ptr_array_index (chain, i - 1), GTK_PHASE_CAPTURE, FALSE,
                                keyval, mods);
  for (guint i = 0; i < chain->len && !handled; i++)
    handled = widget_takes_key (g_ptr_array_index (chain, i), GTK_PHASE_BUBBLE, i == 0,
                                keyval, mods);
  gantry_ui_test_iterate (2);
  return handled;
}

/* The table cell (task, field) that has the keyboard focus, if any. */
static gboolean
focus_is_cell (GantryWindow *win,
               GantryTask   *task,
               GantryField   field)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (win));

  return focus != NULL
         && focus == gantry_task_table_find_cell (gantry_window_get_task_table (win), task, field);
}

static gboolean
focus_in_table (GantryWindow *win)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (win));

  return focus != NULL && GANTRY_IS_CELL_EDITOR (focus)
         && gtk_widget_is_ancestor (focus, GTK_WIDGET (gantry_window_get_task_table (win)));
}

static void
test_keyboard_only (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  GantryWindow *win = new_window (p);
  GantryTask *test = find_task (p, "Test");
  g_autofree char *s0 = outline (p);
  guint n0 = gantry_project_get_n_tasks (p);
  GantryTime d0 = gantry_task_get_duration (test);
  int tabs = 0;

  /* Tab goes round the window's controls: out of the table (the window
   * starts with a cell focused) and back into it */
  while (focus_in_table (win) && tabs++ < 80)
    press_key (win, GDK_KEY_Tab, 0);
  g_assert_false (focus_in_table (win));
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (win)));
  g_test_message ("Tab left the table after %d presses, to a %s", tabs,
                  G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (win))));
  tabs = 0;
  while (!focus_in_table (win) && tabs++ < 80)
    press_key (win, GDK_KEY_Tab, 0);
  g_assert_true (focus_in_table (win));
  g_test_message ("and came back after %d more", tabs);

  /* arrows: to the first row, the Name column, then Duration of "Test"
   * (rows: Design, Build, Module 1, Module 2, Test, Release) */
  for (int i = 0; i < 8; i++)
    g_assert_true (press_key (win, GDK_KEY_Up, 0));
  for (int i = 0; i < 8; i++)
    g_assert_true (press_key (win, GDK_KEY_Left, 0));
  g_assert_true (focus_is_cell (win, find_task (p, "Design"), GANTRY_FIELD_NAME));
  g_assert_true (press_key (win, GDK_KEY_Right, 0));
  for (int i = 0; i < 4; i++)
    g_assert_true (press_key (win, GDK_KEY_Down, 0));
  WAIT_FOR (focus_is_cell (win, test, GANTRY_FIELD_DURATION));
  g_assert_true (focus_is_cell (win, test, GANTRY_FIELD_DURATION));
  {
    g_autoptr(GPtrArray) sel = gantry_task_table_get_selected_tasks (gantry_window_get_task_table (win));

    g_assert_cmpuint (sel->len, ==, 1);
    g_assert_true (g_ptr_array_index (sel, 0) == test);
  }

  /* F2 edits the cell, Escape cancels: nothing changes */
  {
    GtkWidget *cell = gtk_root_get_focus (GTK_ROOT (win));

    g_assert_true (press_key (win, GDK_KEY_F2, 0));
    g_assert_true (gantry_cell_editor_get_editing (GANTRY_CELL_EDITOR (cell)));
    g_assert_true (press_key (win, GDK_KEY_Escape, 0));
    g_assert_false (gantry_cell_editor_get_editing (GANTRY_CELL_EDITOR (cell)));
    g_assert_false (gantry_project_can_undo (p));

    /* typing a digit starts editing with it; Enter commits: 5 days */
    g_assert_true (press_key (win, GDK_KEY_5, 0));
    g_assert_true (gantry_cell_editor_get_editing (GANTRY_CELL_EDITOR (cell)));
    g_assert_true (press_key (win, GDK_KEY_Return, 0));
    g_assert_false (gantry_cell_editor_get_editing (GANTRY_CELL_EDITOR (cell)));
  }
  g_assert_cmpint (gantry_task_get_duration (test), ==, 5 * 480 * GANTRY_MS_MINUTE);

  /* Insert adds a task above the selected one; Alt+Shift+Right indents it
   * under Build */
  g_assert_true (press_key (win, GDK_KEY_Insert, 0));
  g_assert_cmpuint (gantry_project_get_n_tasks (p), ==, n0 + 1);
  {
    GantryTask *build = find_task (p, "Build");
    GantryTask *added = gantry_task_get_child (gantry_project_get_root_task (p), 2);

    g_assert_true (added != test);
    g_assert_true (press_key (win, GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK));
    g_assert_true (gantry_task_get_parent (added) == build);
    g_assert_cmpint (gantry_task_get_position (added), ==, 2);
  }

  /* Ctrl+Z undoes the indent, the insert and the edit, one each */
  g_assert_true (press_key (win, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (gantry_project_get_n_tasks (p), ==, n0 + 1);
  g_assert_true (press_key (win, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (gantry_project_get_n_tasks (p), ==, n0);
  g_assert_cmpint (gantry_task_get_duration (test), ==, 5 * 480 * GANTRY_MS_MINUTE);
  g_assert_true (press_key (win, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpint (gantry_task_get_duration (test), ==, d0);
  {
    g_autofree char *s1 = outline (p);

    g_assert_cmpstr (s1, ==, s0);
  }
  g_assert_false (gantry_project_can_undo (p));
  /* Ctrl+Shift+Z redoes the edit */
  g_assert_true (press_key (win, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpint (gantry_task_get_duration (test), ==, 5 * 480 * GANTRY_MS_MINUTE);
  gantry_project_mark_saved (p);
  close_window (win);
}

static void
test_task_dialog (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  GantryWindow *win = new_window (p);
  GantryTask *test = find_task (p, "Test");
  GtkWidget *dialog = gantry_task_dialog_new (GTK_WINDOW (win), test);
  g_autoptr(GError) error = NULL;
  guint depth;

  gtk_window_present (GTK_WINDOW (dialog));
  gantry_ui_test_iterate (3);
  gtk_editable_set_text (GTK_EDITABLE (gantry_task_dialog_get_field (GANTRY_TASK_DIALOG (dialog), "name")), "QA");
  gtk_editable_set_text (GTK_EDITABLE (gantry_task_dialog_get_field (GANTRY_TASK_DIALOG (dialog), "duration")), "nonsense");
  g_assert_false (gantry_task_dialog_apply (GANTRY_TASK_DIALOG (dialog), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpstr (gantry_task_get_name (test), ==, "Test");   /* nothing applied */

  gtk_editable_set_text (GTK_EDITABLE (gantry_task_dialog_get_field (GANTRY_TASK_DIALOG (dialog), "duration")), "1w");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gantry_task_dialog_get_field (GANTRY_TASK_DIALOG (dialog), "milestone")), TRUE);
  depth = 0;
  g_assert_true (gantry_task_dialog_apply (GANTRY_TASK_DIALOG (dialog), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gantry_task_get_name (test), ==, "QA");
  g_assert_cmpint (gantry_task_get_duration (test), ==, 2400 * GANTRY_MS_MINUTE);
  g_assert_true (gantry_task_get_milestone (test));
  /* one undo step restores all */
  g_assert_true (gantry_project_undo (p));
  g_assert_cmpstr (gantry_task_get_name (test), ==, "Test");
  g_assert_cmpint (gantry_task_get_duration (test), ==, 2 * 480 * GANTRY_MS_MINUTE);
  g_assert_false (gantry_task_get_milestone (test));
  (void) depth;
  gtk_window_destroy (GTK_WINDOW (dialog));
  gantry_project_mark_saved (p);
  close_window (win);
}

static GtkWidget *
find_error_dialog (GantryWindow *win)
{
  GListModel *tops = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (tops, i);
      if (GTK_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (win)
          && gtk_widget_has_css_class (GTK_WIDGET (w), "gantry-error-dialog"))
        return GTK_WIDGET (w);
    }
  return NULL;
}

static void
check_bad_file (const char *name, const char *contents, gsize len)
{
  g_autoptr(GantryProject) p = build_plan ();
  GantryWindow *win = new_window (p);
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  GtkWidget *dialog;

  gantry_edit_set_field_text (find_task (p, "Test"), GANTRY_FIELD_NAME, "Edited", NULL);
  before = outline (p);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  g_assert_false (gantry_window_load_file (win, file));
  gantry_ui_test_iterate (3);
  dialog = find_error_dialog (win);
  g_assert_nonnull (dialog);
  g_object_get (dialog, "text", &text, NULL);
  g_assert_nonnull (strstr (text, name));   /* the dialog names the file */
  /* the document is intact and still the window's */
  g_assert_true (gantry_window_get_project (win) == p);
  after = outline (p);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (gantry_project_get_modified (p));
  g_assert_null (gantry_window_get_file (win));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);   /* the Close button */
  gantry_ui_test_iterate (2);
  g_assert_null (find_error_dialog (win));
  /* still usable */
  activate (win, "doc.undo");
  g_assert_nonnull (find_task (p, "Test"));
  gantry_project_mark_saved (p);
  close_window (win);
}

static void
test_bad_files (void)
{
  static const char junk[] = "this is not a plan at all\n";
  static const char xml[] = "<?xml version=\"1.0\"?><Project xmlns=\"http://schemas.microsoft.com/project\"><Tasks><Task>";
  static const char html[] = "<html><body>hello</body></html>";

  check_bad_file ("junk.gantry", junk, sizeof junk - 1);
  check_bad_file ("empty.gantry", "", 0);
  check_bad_file ("truncated.xml", xml, sizeof xml - 1);
  check_bad_file ("not-project.xml", html, sizeof html - 1);
  check_bad_file ("missing.gantry", NULL, 0);
}

static void
test_save_open (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  GantryWindow *win = new_window (p);
  g_autofree char *path = g_build_filename (tmpdir, "saved.gantry", NULL);
  g_autofree char *xml_path = g_build_filename (tmpdir, "saved.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) xml = g_file_new_for_path (xml_path);
  g_autofree char *s0 = NULL;
  GantryWindow *win2, *win3;

  gantry_edit_set_field_text (find_task (p, "Test"), GANTRY_FIELD_PREDECESSORS, "1", NULL);
  s0 = outline (p);
  g_assert_true (gantry_project_get_modified (p));
  g_assert_true (gantry_window_save_to_file (win, file, GANTRY_FILE_FORMAT_NATIVE));
  g_assert_false (gantry_project_get_modified (p));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (win)), "saved.gantry"));
  g_assert_true (gantry_window_save_to_file (win, xml, GANTRY_FILE_FORMAT_MSPDI));
  /* both went to the recent files */
  {
    g_autofree char *uri = g_file_get_uri (file);
    g_autofree char *xml_uri = g_file_get_uri (xml);
    GtkRecentManager *recent = gtk_recent_manager_get_default ();
    int size = 0;

    /* the manager stores them from the main loop */
    WAIT_FOR ((g_object_get (recent, "size", &size, NULL), size >= 2));
    g_assert_cmpint (size, >=, 2);
    g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
    g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), xml_uri));
  }

  win2 = new_window (NULL);
  g_assert_true (gantry_window_load_file (win2, file));
  {
    g_autofree char *s = outline (gantry_window_get_project (win2));
    g_assert_cmpstr (s, ==, s0);
  }
  win3 = new_window (NULL);
  g_assert_true (gantry_window_load_file (win3, xml));
  {
    g_autofree char *s = outline (gantry_window_get_project (win3));
    g_assert_cmpstr (s, ==, s0);
  }
  g_assert_false (gantry_project_get_modified (gantry_window_get_project (win3)));
  close_window (win);
  close_window (win2);
  close_window (win3);
}

static void
test_geometry (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  GantryWindow *win = new_window (p);
  GantryTaskTable *table = gantry_window_get_task_table (win);
  GtkWidget *view = GTK_WIDGET (gantry_task_table_get_column_view (table));
  GtkWidget *c1 = wait_cell (win, find_task (p, "Design"), GANTRY_FIELD_NAME);
  GtkWidget *c2 = wait_cell (win, find_task (p, "Build"), GANTRY_FIELD_NAME);
  graphene_point_t p1, p2;

  gantry_ui_test_iterate (5);
  /* rows sit exactly ROW_HEIGHT apart, the first right under a header of
   * HEADER_HEIGHT: what the chart is told */
  g_assert_true (gtk_widget_compute_point (c1, view, &GRAPHENE_POINT_INIT (0, 0), &p1));
  g_assert_true (gtk_widget_compute_point (c2, view, &GRAPHENE_POINT_INIT (0, 0), &p2));
  g_assert_cmpfloat_with_epsilon (p2.y - p1.y, GANTRY_TASK_TABLE_ROW_HEIGHT, 0.01);
  g_assert_cmpfloat_with_epsilon (p1.y - (GANTRY_TASK_TABLE_ROW_HEIGHT - gtk_widget_get_height (c1)) / 2.0,
                                  GANTRY_TASK_TABLE_HEADER_HEIGHT, 0.51);
  gantry_project_mark_saved (p);
  close_window (win);
}

/* The Gantt view of a plan without tasks says how to start (a hint over
 * the chart), and the hint goes as soon as there is a task; at the default
 * window size the table shows its columns through Predecessors in full. */
/* The GtkScrollbar showing adj outside the task table, or NULL. */
static GtkWidget *
find_scrollbar_for (GtkWidget     *w,
                    GtkAdjustment *adj)
{
  if (GANTRY_IS_TASK_TABLE (w))
    return NULL;   /* its own (external-policy) scrollbar never shows */
  if (GTK_IS_SCROLLBAR (w) && gtk_scrollbar_get_adjustment (GTK_SCROLLBAR (w)) == adj)
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_scrollbar_for (c, adj);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_empty_plan_placeholder (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  GantryTask *root = gantry_project_get_root_task (p);
  GantryWindow *win = new_window (p);
  GantryTaskTable *table = gantry_window_get_task_table (win);
  GtkWidget *hint = gantry_placeholder_find (GTK_WIDGET (win));
  GtkWidget *cell, *view;
  graphene_point_t right;

  /* a plan with tasks: no hint */
  g_assert_nonnull (hint);
  g_assert_false (gtk_widget_get_visible (hint));
  g_assert_false (gtk_widget_get_can_target (hint));   /* never swallows clicks */

  /* the Predecessors column ends inside the table pane */
  cell = wait_cell (win, find_task (p, "Design"), GANTRY_FIELD_PREDECESSORS);
  view = GTK_WIDGET (gantry_task_table_get_column_view (table));
  g_assert_true (gtk_widget_compute_point (cell, GTK_WIDGET (table),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (cell), 0), &right));
  g_assert_cmpfloat (right.x, <=, gtk_widget_get_width (GTK_WIDGET (table)));
  g_assert_cmpint (gtk_widget_get_width (view), >, 0);

  /* delete every task: the hint shows over the chart */
  while (gantry_task_get_n_children (root) > 0)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      g_ptr_array_add (one, gantry_task_get_child (root, 0));
      gantry_task_table_select_tasks (table, one);
      activate (win, "task.delete");
    }
  gantry_ui_test_iterate (3);
  g_assert_cmpuint (gantry_task_get_n_children (root), ==, 0);
  g_assert_true (gtk_widget_get_visible (hint));
  WAIT_FOR (gtk_widget_get_mapped (hint) && gtk_widget_get_width (hint) > 0);
  g_assert_true (gtk_widget_get_mapped (hint));
  g_assert_cmpint (gtk_widget_get_width (hint), >, 0);
  gantry_ui_test_save_png (GTK_WIDGET (win), "gantry-empty-plan.png");
  {
    /* nothing to scroll: the scrollbar beside the chart shows no thumb */
    GtkAdjustment *vadj = gantry_task_table_get_vadjustment (table);

    GtkWidget *vscroll = find_scrollbar_for (GTK_WIDGET (win), vadj);

    g_assert_nonnull (vscroll);
    g_assert_cmpfloat (gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_lower (vadj), <=,
                       gtk_adjustment_get_page_size (vadj));
    g_assert_false (gtk_widget_get_mapped (vscroll));
  }

  /* Insert adds a task: the hint goes; undo brings it back */
  activate (win, "task.insert");
  g_assert_cmpuint (gantry_task_get_n_children (root), ==, 1);
  g_assert_false (gtk_widget_get_visible (hint));
  {
    /* the scrollbar shows exactly when the rows overflow the view */
    GtkAdjustment *vadj = gantry_task_table_get_vadjustment (table);
    GtkWidget *vscroll = find_scrollbar_for (GTK_WIDGET (win), vadj);

    gantry_ui_test_iterate (3);
    g_assert_cmpint (gtk_widget_get_visible (vscroll), ==,
                     gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_lower (vadj)
                     > gtk_adjustment_get_page_size (vadj));
  }
  activate (win, "doc.undo");
  g_assert_true (gtk_widget_get_visible (hint));

  gantry_project_mark_saved (p);
  close_window (win);
}

/* Menus show an action's binding added last (GTK's action muxer keeps the
 * last one as the "primary accelerator"); for actions with a keypad
 * variant that must be the main key, so the menu reads "Insert", not
 * "KP Insert", and "Ctrl++", not "Ctrl+KP +". */
static void
test_menu_accels (void)
{
  static const struct { const char *action; const char *trigger; } want[] = {
    { "task.insert", "Insert" },
    { "task.delete", "Delete" },
    { "view.zoom-in", "<Control>plus" },
    { "view.zoom-out", "<Control>minus" },
  };
  GantryWindow *win = new_window (NULL);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (win));
  char *last[G_N_ELEMENTS (want)] = { NULL };

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (c))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (c)); j++)
        {
          g_autoptr(GtkShortcut) sc = g_list_model_get_item (G_LIST_MODEL (c), j);
          GtkShortcutAction *a = gtk_shortcut_get_action (sc);

          if (!GTK_IS_NAMED_ACTION (a))
            continue;
          for (guint k = 0; k < G_N_ELEMENTS (want); k++)
            if (g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (a)), want[k].action) == 0)
              {
                g_free (last[k]);
                last[k] = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (sc));
              }
        }
    }
  for (guint k = 0; k < G_N_ELEMENTS (want); k++)
    {
      g_assert_cmpstr (last[k], ==, want[k].trigger);
      g_free (last[k]);
    }
  close_window (win);
}

/* Earned-value columns, by hand (Standard calendar): Design's baseline
 * runs Mon 2 Mar 08:00 .. Fri 13 Mar 17:00 (10 working days) at $1,000;
 * status date Fri 6 Mar 17:00 = 5 of those days, so PV = $500; 40 %
 * complete, so EV = $400 and SV = EV - PV = -$100.  No actual cost yet:
 * AC = $0, CV = EV - AC = $400. */
static void
test_earned_value_columns (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  GantryTask *design = find_task (p, "Design");
  GantryTaskTable *table = GANTRY_TASK_TABLE (g_object_ref_sink (gantry_task_table_new ()));
  GActionGroup *actions;
  GantryBaseline b = { 0 };
  const GantryColumn cols[] = {
    GANTRY_COLUMN_BCWS, GANTRY_COLUMN_BCWP, GANTRY_COLUMN_ACWP, GANTRY_COLUMN_SV, GANTRY_COLUMN_CV,
  };
  const char *expected[] = { "$500.00", "$400.00", "$0.00", "-$100.00", "$400.00" };

  b.set = TRUE;
  b.start = gantry_time_make (2026, 3, 2, 8, 0, 0);
  b.finish = gantry_time_make (2026, 3, 13, 17, 0, 0);
  b.duration = 10 * 480 * GANTRY_MS_MINUTE;
  b.duration_format = GANTRY_FORMAT_DAYS;
  b.cost = 1000.0;
  gantry_task_set_baseline (design, 0, &b);
  gantry_task_set_percent_complete (design, 40);
  gantry_project_set_status_date (p, gantry_time_make (2026, 3, 6, 17, 0, 0));

  for (guint i = 0; i < G_N_ELEMENTS (cols); i++)
    {
      g_autofree char *text = gantry_task_table_format_earned_value (design, cols[i]);

      g_assert_cmpstr (text, ==, expected[i]);
    }
  g_assert_null (gantry_task_table_format_earned_value (design, GANTRY_COLUMN_NAME));
  /* no cost spent yet: CPI is undefined (0.00), SPI = EV / PV = 0.80,
   * TCPI = (BAC - EV) / (BAC - AC) = 600 / 1000 = 0.60 */
  {
    struct { GantryColumn col; const char *text; } idx[] = {
      { GANTRY_COLUMN_SPI, "0.80" }, { GANTRY_COLUMN_CPI, "0.00" }, { GANTRY_COLUMN_TCPI, "0.60" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (idx); i++)
      {
        g_autofree char *text = gantry_task_table_format_earned_value (design, idx[i].col);

        g_assert_cmpstr (text, ==, idx[i].text);
      }
  }
  /* $500 spent for $400 earned: CPI = 400 / 500 = 0.80,
   * EAC = AC + (BAC - EV) / CPI = 500 + 600 / 0.8 = $1,250,
   * VAC = BAC - EAC = -$250, TCPI = 600 / (1000 - 500) = 1.20 */
  {
    GantryTaskSchedule sch;

    gantry_task_get_schedule (design, &sch);
    sch.actual_cost = 500.0;
    gantry_task_set_schedule (design, &sch);
  }
  {
    struct { GantryColumn col; const char *text; } idx[] = {
      { GANTRY_COLUMN_SPI, "0.80" }, { GANTRY_COLUMN_CPI, "0.80" }, { GANTRY_COLUMN_EAC, "$1250.00" },
      { GANTRY_COLUMN_VAC, "-$250.00" }, { GANTRY_COLUMN_TCPI, "1.20" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (idx); i++)
      {
        g_autofree char *text = gantry_task_table_format_earned_value (design, idx[i].col);

        g_assert_cmpstr (text, ==, idx[i].text);
      }
  }
  {
    GantryTaskSchedule sch;

    gantry_task_get_schedule (design, &sch);
    sch.actual_cost = 0.0;
    gantry_task_set_schedule (design, &sch);
  }

  /* hidden by default, offered in the column chooser */
  gantry_task_table_set_project (table, p);
  actions = G_ACTION_GROUP (gantry_task_table_get_column_actions (table));
  {
    const char *ids[] = { "show-bcws", "show-bcwp", "show-acwp", "show-sv", "show-cv",
                          "show-spi", "show-cpi", "show-eac", "show-vac", "show-tcpi" };

    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        g_autoptr(GVariant) state = NULL;

        g_assert_true (g_action_group_has_action (actions, ids[i]));
        state = g_action_group_get_action_state (actions, ids[i]);
        g_assert_false (g_variant_get_boolean (state));
      }
  }
  g_object_unref (table);
}

/* View menu → Progress Line toggles the chart's progress line. */
static void
test_progress_line_menu (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  GantryWindow *win = new_window (p);
  GtkWidget *chart = gantry_window_get_chart (win);

  gantry_ui_test_iterate (2);
  g_assert_false (gantry_chart_get_show_progress_line (GANTRY_CHART (chart)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "chartview.show-progress-line", NULL));
  g_assert_true (gantry_chart_get_show_progress_line (GANTRY_CHART (chart)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "chartview.show-progress-line", NULL));
  g_assert_false (gantry_chart_get_show_progress_line (GANTRY_CHART (chart)));
  gantry_project_mark_saved (p);
  close_window (win);
}

static GtkWidget *
find_dialog_with_class (GantryWindow *win, const char *css_class)
{
  GListModel *tops = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (tops, i);
      if (gtk_window_get_transient_for (w) == GTK_WINDOW (win)
          && gtk_widget_has_css_class (GTK_WIDGET (w), css_class))
        return GTK_WIDGET (w);
    }
  return NULL;
}

static void
on_destroyed (GtkWidget *widget, gboolean *flag)
{
  *flag = TRUE;
}

static void
test_close_unsaved (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  GantryWindow *win = new_window (p);
  GtkWidget *dialog;
  gboolean destroyed = FALSE;

  g_signal_connect (win, "destroy", G_CALLBACK (on_destroyed), &destroyed);
  /* unmodified: closes at once */
  select_tasks (win, p, "Test", NULL);
  activate (win, "task.delete");
  g_assert_true (gantry_project_get_modified (p));

  /* modified: asks; Cancel keeps the window and the document */
  gtk_window_close (GTK_WINDOW (win));
  gantry_ui_test_iterate (3);
  dialog = find_dialog_with_class (win, "gantry-unsaved-dialog");
  g_assert_nonnull (dialog);
  g_assert_false (destroyed);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  gantry_ui_test_iterate (3);
  g_assert_false (destroyed);
  g_assert_null (find_dialog_with_class (win, "gantry-unsaved-dialog"));
  g_assert_null (find_task (p, "Test"));

  /* Discard closes */
  gtk_window_close (GTK_WINDOW (win));
  gantry_ui_test_iterate (3);
  dialog = find_dialog_with_class (win, "gantry-unsaved-dialog");
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), 1 /* Discard */);
  gantry_ui_test_iterate (3);
  g_assert_true (destroyed);
}

static void
test_open_and_import_report (void)
{
  /* an MS Project file with a link to a task that does not exist: it
   * opens, and the import report lists the problem */
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Project xmlns=\"http://schemas.microsoft.com/project\">\n"
    "<Name>Import</Name><StartDate>2026-03-02T08:00:00</StartDate>\n"
    "<Tasks><Task><UID>0</UID><ID>0</ID><Name>Import</Name><OutlineLevel>0</OutlineLevel></Task>\n"
    "<Task><UID>1</UID><ID>1</ID><Name>Alpha</Name><OutlineLevel>1</OutlineLevel>"
    "<Duration>PT16H0M0S</Duration><DurationFormat>7</DurationFormat>"
    "<PredecessorLink><PredecessorUID>99</PredecessorUID><Type>1</Type></PredecessorLink></Task>\n"
    "</Tasks></Project>\n";
  g_autofree char *path = g_build_filename (tmpdir, "import.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GantryWindow *win = NULL;
  GPtrArray *warnings;
  guint before = 0;
  GList *windows;

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  windows = gtk_application_get_windows (app);
  before = g_list_length (windows);
  /* what "gantry FILE" does */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  gantry_ui_test_iterate (5);
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (GANTRY_IS_WINDOW (l->data) && gantry_window_get_file (l->data) != NULL
        && g_file_equal (gantry_window_get_file (l->data), file))
      win = l->data;
  g_assert_nonnull (win);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (app)), >=, before);
  g_assert_nonnull (find_task (gantry_window_get_project (win), "Alpha"));
  warnings = gantry_window_get_import_warnings (win);
  g_assert_nonnull (warnings);
  g_assert_cmpuint (warnings->len, >, 0);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (win)), "import.xml"));
  gantry_project_mark_saved (gantry_window_get_project (win));
  close_window (win);
}

static GtkWidget *
find_revealed_info_bar (GtkWidget *w)
{
  if (GTK_IS_INFO_BAR (w) && gtk_info_bar_get_revealed (GTK_INFO_BAR (w)))
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_revealed_info_bar (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button_labelled (GtkWidget *w, const char *label)
{
  if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), label) == 0)
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button_labelled (c, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
append_label_text (GtkWidget *w, GString *out)
{
  if (GTK_IS_LABEL (w))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (w)));
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    append_label_text (c, out);
}

/* Scheduling after an import moves a task whose stored dates break its
 * link: the import report names it with the file's dates and the new ones;
 * a task whose stored dates hold is not listed. */
static void
test_import_report_moves (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Project xmlns=\"http://schemas.microsoft.com/project\">\n"
    "<Name>Moves</Name><StartDate>2026-03-02T08:00:00</StartDate>\n"
    "<Tasks><Task><UID>0</UID><ID>0</ID><Name>Moves</Name><OutlineLevel>0</OutlineLevel></Task>\n"
    "<Task><UID>1</UID><ID>1</ID><Name>Alpha</Name><OutlineLevel>1</OutlineLevel>"
    "<Start>2026-03-02T08:00:00</Start><Finish>2026-03-03T17:00:00</Finish>"
    "<Duration>PT16H0M0S</Duration><DurationFormat>7</DurationFormat></Task>\n"
    "<Task><UID>2</UID><ID>2</ID><Name>Beta</Name><OutlineLevel>1</OutlineLevel>"
    "<Start>2026-03-02T08:00:00</Start><Finish>2026-03-03T17:00:00</Finish>"
    "<Duration>PT16H0M0S</Duration><DurationFormat>7</DurationFormat>"
    "<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>\n"
    "</Tasks></Project>\n";
  g_autofree char *path = g_build_filename (tmpdir, "moves.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GantryWindow *win;
  GPtrArray *moves;
  GantryImportMove *m;
  GtkWidget *dialog;

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  win = gantry_window_new (app);
  gtk_window_present (GTK_WINDOW (win));
  g_assert_true (gantry_window_load_file (win, file));
  g_assert_cmpuint (gantry_window_get_import_warnings (win)->len, ==, 0);
  moves = gantry_window_get_import_moves (win);
  g_assert_nonnull (moves);
  g_assert_cmpuint (moves->len, ==, 1);
  m = g_ptr_array_index (moves, 0);
  g_assert_cmpstr (gantry_task_get_name (m->task), ==, "Beta");
  g_assert_cmpint (m->file_start, ==, gantry_time_make (2026, 3, 2, 8, 0, 0));
  g_assert_cmpint (m->file_finish, ==, gantry_time_make (2026, 3, 3, 17, 0, 0));
  /* FS after Alpha on the Standard calendar: Wed 08:00 to Thu 17:00 */
  g_assert_cmpint (gantry_task_get_start (m->task), ==, gantry_time_make (2026, 3, 4, 8, 0, 0));
  g_assert_cmpint (gantry_task_get_finish (m->task), ==, gantry_time_make (2026, 3, 5, 17, 0, 0));

  /* the bar says so, and Details lists the task */
  {
    GtkWidget *bar = find_revealed_info_bar (GTK_WIDGET (win));
    GtkWidget *details;

    g_assert_nonnull (bar);
    {
      g_autoptr(GString) bar_text = g_string_new (NULL);

      append_label_text (bar, bar_text);
      g_assert_nonnull (strstr (bar_text->str, "Scheduling moved the dates of 1 task"));
    }
    details = find_button_labelled (bar, "_Details");
    g_assert_nonnull (details);
    g_signal_emit_by_name (details, "clicked");
    gantry_ui_test_iterate (5);
    dialog = find_dialog_with_class (win, "gantry-import-report");
  }
  g_assert_nonnull (dialog);
  {
    g_autoptr(GString) text = g_string_new (NULL);

    append_label_text (dialog, text);
    g_assert_nonnull (strstr (text->str, "1 task whose dates moved"));
    g_assert_nonnull (strstr (text->str, "Beta"));
    g_assert_null (strstr (text->str, "Alpha"));
  }
  WAIT_FOR (gtk_widget_get_mapped (dialog) && gtk_widget_get_width (dialog) > 0);
  gantry_ui_test_save_png (dialog, "gantry-import-report.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gantry_project_mark_saved (gantry_window_get_project (win));
  close_window (win);
}

/* name-scaleN.png, N = the widget's scale factor */
static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s-scale%d.png", name,
                                           gtk_widget_get_scale_factor (widget));

  gantry_ui_test_save_png (widget, file);
}

static GantryProject *
example_plan (void)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *dir = g_build_filename (srcdir ? srcdir : ".", "..", "data", "examples", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GantryProject *p = NULL;

      if (g_str_has_suffix (name, ".gantry"))
        p = gantry_store_load (path, NULL);
      else if (g_str_has_suffix (name, ".xml"))
        p = gantry_mspdi_load (path, NULL, NULL);
      if (p != NULL)
        {
          gantry_project_clear_history (p);
          return p;
        }
    }
  return gantry_test_build_full_plan ();
}

static void
test_screenshots (void)
{
  g_autoptr(GantryProject) p = example_plan ();
  GantryWindow *win = new_window (p);
  GtkSettings *settings = gtk_settings_get_default ();
  const char *themes[] = { "light", "dark" };

  for (guint t = 0; t < 2; t++)
    {
      g_object_set (settings, "gtk-application-prefer-dark-theme", t == 1, NULL);
      gantry_ui_test_iterate (5);
      for (int z = 0; z < 3; z++)
        {
          g_autofree char *name = g_strdup_printf ("gantry-%s-zoom%d", themes[t], z);

          if (z > 0)
            activate (win, "view.zoom-out");
          gantry_ui_test_iterate (5);
          save_png (GTK_WIDGET (win), name);
        }
      activate (win, "view.zoom-in");
      activate (win, "view.zoom-in");
    }
  g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, NULL);
  gantry_project_mark_saved (p);
  close_window (win);
}

/* ---- variance columns and the over-allocation indicator ---------------- */

static void
test_variance_columns (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  GantryTask *design = find_task (p, "Design");
  GantryTask *test = find_task (p, "Test");
  GantryTask *release = find_task (p, "Release");
  GantryTaskTable *table = GANTRY_TASK_TABLE (g_object_ref_sink (gantry_task_table_new ()));
  GActionGroup *actions;
  g_autoptr(GVariant) state = NULL;
  GantryBaseline b = { 0 };
  const GantryColumn cols[] = {
    GANTRY_COLUMN_START_VARIANCE, GANTRY_COLUMN_FINISH_VARIANCE,
    GANTRY_COLUMN_DURATION_VARIANCE, GANTRY_COLUMN_WORK_VARIANCE, GANTRY_COLUMN_COST_VARIANCE,
  };
  /* Design now: Mon 2 Mar 08:00 .. Thu 5 Mar 17:00, 4 days, 32 h of work,
   * no cost.  Its baseline: Fri 27 Feb 08:00 .. Wed 4 Mar 17:00, 3 days,
   * 20 h, $30.  Standard calendar (8-12, 13-17, Mon-Fri): one working day
   * from 27 Feb 08:00 to 2 Mar 08:00 and from 4 Mar 17:00 to 5 Mar 17:00. */
  const char *expected[] = { "1 day", "1 day", "1 day", "12 hrs", "-$30.00" };

  gantry_task_set_start (design, gantry_time_make (2026, 3, 2, 8, 0, 0));
  gantry_task_set_finish (design, gantry_time_make (2026, 3, 5, 17, 0, 0));
  gantry_task_set_duration (design, 4 * 480 * GANTRY_MS_MINUTE);
  gantry_task_set_work (design, 32 * GANTRY_MS_HOUR);
  g_assert_cmpfloat (gantry_task_get_cost (design), ==, 0.0);
  b.set = TRUE;
  b.start = gantry_time_make (2026, 2, 27, 8, 0, 0);
  b.finish = gantry_time_make (2026, 3, 4, 17, 0, 0);
  b.duration = 3 * 480 * GANTRY_MS_MINUTE;
  b.duration_format = GANTRY_FORMAT_DAYS;
  b.work = 20 * GANTRY_MS_HOUR;
  b.cost = 30.0;
  gantry_task_set_baseline (design, 0, &b);
  for (guint i = 0; i < G_N_ELEMENTS (cols); i++)
    {
      g_autofree char *text = gantry_task_table_format_variance (design, cols[i]);

      g_assert_cmpstr (text, ==, expected[i]);
    }

  /* ahead of plan: Test starts and finishes two working days earlier */
  gantry_task_set_start (test, gantry_time_make (2026, 3, 2, 8, 0, 0));
  gantry_task_set_finish (test, gantry_time_make (2026, 3, 3, 17, 0, 0));
  b = (GantryBaseline) { .set = TRUE, .start = gantry_time_make (2026, 3, 4, 8, 0, 0),
                         .finish = gantry_time_make (2026, 3, 5, 17, 0, 0),
                         .duration = gantry_task_get_duration (test),
                         .duration_format = GANTRY_FORMAT_DAYS };
  gantry_task_set_baseline (test, 0, &b);
  {
    g_autofree char *sv = gantry_task_table_format_variance (test, GANTRY_COLUMN_START_VARIANCE);
    g_autofree char *fv = gantry_task_table_format_variance (test, GANTRY_COLUMN_FINISH_VARIANCE);
    g_autofree char *dv = gantry_task_table_format_variance (test, GANTRY_COLUMN_DURATION_VARIANCE);

    g_assert_cmpstr (sv, ==, "-2 days");
    g_assert_cmpstr (fv, ==, "-2 days");
    g_assert_cmpstr (dv, ==, "0 days");
  }

  /* no baseline: empty; not a variance column: NULL */
  {
    g_autofree char *none = gantry_task_table_format_variance (release, GANTRY_COLUMN_COST_VARIANCE);
    g_autofree char *other = gantry_task_table_format_variance (design, GANTRY_COLUMN_NAME);

    g_assert_cmpstr (none, ==, "");
    g_assert_null (other);
  }

  /* the project's currency and work format */
  g_object_set (p, "currency-symbol", "€", "currency-symbol-position", 3, "work-format", 3, NULL);
  {
    g_autofree char *cv = gantry_task_table_format_variance (design, GANTRY_COLUMN_COST_VARIANCE);
    g_autofree char *wv = gantry_task_table_format_variance (design, GANTRY_COLUMN_WORK_VARIANCE);

    g_assert_cmpstr (cv, ==, "-30.00 €");
    g_assert_cmpstr (wv, ==, "1.5 days");
  }

  /* the table: hidden by default, offered in the column chooser */
  gantry_task_table_set_project (table, p);
  actions = gantry_task_table_get_column_actions (table);
  g_assert_true (g_action_group_has_action (actions, "show-cost-variance"));
  state = g_action_group_get_action_state (actions, "show-cost-variance");
  g_assert_false (g_variant_get_boolean (state));
  {
    GListModel *cols_model = gtk_column_view_get_columns (gantry_task_table_get_column_view (table));
    g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (cols_model, GANTRY_COLUMN_COST_VARIANCE);
    GMenuModel *menu = gantry_task_table_get_column_menu (table);
    gboolean offered = FALSE;

    g_assert_cmpstr (gtk_column_view_column_get_title (col), ==, "Cost Variance");
    g_assert_false (gtk_column_view_column_get_visible (col));
    for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
      {
        g_autofree char *action = NULL;

        if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action)
            && g_strcmp0 (action, "columns.show-cost-variance") == 0)
          offered = TRUE;
      }
    g_assert_true (offered);
    g_action_group_change_action_state (actions, "show-cost-variance", g_variant_new_boolean (TRUE));
    g_assert_true (gtk_column_view_column_get_visible (col));
  }
  gantry_task_table_set_project (table, NULL);
  g_object_unref (table);
}

/* Like WAIT_FOR, but never blocks in the main loop (nothing may be
 * pending while a frame is awaited): polls for at most 20 s. */
#define POLL_FOR(cond) \
  G_STMT_START { \
    gint64 _end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < _end) \
      { \
        gantry_ui_test_iterate (1); \
        g_usleep (5000); \
      } \
  } G_STMT_END

/* Visible images named icon under w whose tooltip is tip. */
static guint
count_icons (GtkWidget  *w,
             const char *icon,
             const char *tip)
{
  guint n = 0;

  if (!gtk_widget_get_visible (w))
    return 0;
  if (GTK_IS_IMAGE (w) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (w)), icon) == 0
      && g_strcmp0 (gtk_widget_get_tooltip_text (w), tip) == 0)
    n++;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_icons (c, icon, tip);
  return n;
}

static void
test_overallocation_indicator (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  GantryTask *design = find_task (p, "Design");
  GantryTask *test = find_task (p, "Test");
  GantryTask *release = find_task (p, "Release");
  g_autoptr(GantryResource) ana = gantry_resource_new (1, "Ana");
  g_autoptr(GantryResource) bob = gantry_resource_new (2, "Bob");
  GantryTask *tasks[3] = { design, test, release };
  g_autoptr(GArray) over = NULL;
  g_autofree char *d = NULL, *t = NULL, *r = NULL;
  GtkWidget *window, *table;

  g_assert_true (gantry_project_add_resource (p, -1, ana));
  g_assert_true (gantry_project_add_resource (p, -1, bob));
  /* Design and Test both Mon 2 .. Tue 3 March: Ana at 100 % on each is
   * 200 % of her 100 %; Bob works on Release alone */
  for (guint i = 0; i < 3; i++)
    {
      GantryResource *who = i < 2 ? ana : bob;
      g_autoptr(GantryAssignment) a =
        gantry_assignment_new (gantry_project_next_assignment_uid (p), tasks[i], who, 1.0,
                               gantry_task_get_duration (tasks[i]));

      gantry_task_set_start (tasks[i], gantry_time_make (2026, 3, 2, 8, 0, 0));
      gantry_task_set_finish (tasks[i], gantry_time_make (2026, 3, 3, 17, 0, 0));
      g_assert_true (gantry_project_add_assignment (p, a));
    }
  g_assert_null (gantry_task_table_overallocation_text (design));   /* before the engine ran */

  /* a table on screen shows the indicator once the engine has run */
  window = gtk_window_new ();
  table = gantry_task_table_new ();
  gtk_window_set_child (GTK_WINDOW (window), table);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 400);
  gantry_task_table_set_project (GANTRY_TASK_TABLE (table), p);
  gtk_window_present (GTK_WINDOW (window));
  POLL_FOR (gtk_widget_get_mapped (window)
            && gantry_task_table_find_cell (GANTRY_TASK_TABLE (table), test, GANTRY_FIELD_NAME) != NULL);
  gantry_ui_test_iterate (5);
  g_assert_nonnull (gantry_task_table_find_cell (GANTRY_TASK_TABLE (table), test, GANTRY_FIELD_NAME));
  g_assert_cmpuint (count_icons (window, "system-users-symbolic", "Over-allocated resource: Ana"), ==, 0);

  over = gantry_resources_update (p);
  POLL_FOR (count_icons (window, "system-users-symbolic", "Over-allocated resource: Ana") == 2);
  g_assert_cmpuint (count_icons (window, "system-users-symbolic", "Over-allocated resource: Ana"), ==, 2);
  g_assert_cmpuint (over->len, >=, 1);
  g_assert_true (gantry_resource_get_overallocated (ana));
  g_assert_false (gantry_resource_get_overallocated (bob));

  d = gantry_task_table_overallocation_text (design);
  t = gantry_task_table_overallocation_text (test);
  r = gantry_task_table_overallocation_text (release);
  g_assert_cmpstr (d, ==, "Over-allocated resource: Ana");
  g_assert_cmpstr (t, ==, "Over-allocated resource: Ana");
  g_assert_null (r);
  gtk_window_destroy (GTK_WINDOW (window));
  gantry_ui_test_iterate (3);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  setlocale (LC_ALL, "C.UTF-8");
  tmpdir = g_dir_make_tmp ("gantry-ui-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display (the README's test command provides Xvfb)");
      return g_test_run ();
    }
  app = GTK_APPLICATION (gantry_application_new (G_APPLICATION_NON_UNIQUE));
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/ui/window/basics", test_basics);
  g_test_add_func ("/ui/window/actions", test_actions);
  g_test_add_func ("/ui/window/clipboard", test_clipboard);
  g_test_add_func ("/ui/window/table-edits", test_table_edits);
  g_test_add_func ("/ui/window/keyboard", test_keyboard);
  g_test_add_func ("/ui/window/keyboard-only", test_keyboard_only);
  g_test_add_func ("/ui/window/cells-follow-model", test_cells_follow_model);
  g_test_add_func ("/ui/window/collapse-all-large", test_collapse_all_large);
  g_test_add_func ("/ui/window/task-dialog", test_task_dialog);
  g_test_add_func ("/ui/window/bad-files", test_bad_files);
  g_test_add_func ("/ui/window/save-open", test_save_open);
  g_test_add_func ("/ui/window/geometry", test_geometry);
  g_test_add_func ("/ui/window/empty-plan-placeholder", test_empty_plan_placeholder);
  g_test_add_func ("/ui/window/menu-accels", test_menu_accels);
  g_test_add_func ("/ui/window/progress-line-menu", test_progress_line_menu);
  g_test_add_func ("/ui/window/close-unsaved", test_close_unsaved);
  g_test_add_func ("/ui/window/open-import-report", test_open_and_import_report);
  g_test_add_func ("/ui/window/import-report-moves", test_import_report_moves);
  g_test_add_func ("/ui/window/screenshots", test_screenshots);
  g_test_add_func ("/ui/window/variance-columns", test_variance_columns);
  g_test_add_func ("/ui/window/earned-value-columns", test_earned_value_columns);
  g_test_add_func ("/ui/window/overallocation-indicator", test_overallocation_indicator);
  ret = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return ret;
}
