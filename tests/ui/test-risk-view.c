/* test-risk-view.c — the Risks page, and baseline bars in the chart
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the page through its actions and an inline editor, checks the
 * matrix counts, and saves screenshots (light and dark) of the page and of
 * the chart's baseline bars next to the test binary.
 */
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "gantry-risk-view.h"
#include "gantry-placeholder.h"
#include "gantry-chart.h"
#include "gantry-scheduler.h"
#include "gantry-tracking.h"
#include "gantry-ui-test-helper.h"
#include "gantry-test-helper.h"
#include "gantry-application.h"
#include "gantry-window.h"
#include "gantry-tracking-dialogs.h"

static void
settle (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gantry_ui_test_iterate (3);
  while (gtk_widget_get_width (widget) <= 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  /* a few frames so that list rows are realised */
  for (int i = 0; i < 10; i++)
    {
      g_usleep (10000);
      gantry_ui_test_iterate (2);
    }
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.png", name);

  gantry_ui_test_save_png (widget, file);
}

/* The first descendant of that type, mapped or not. */
static GtkWidget *
find_descendant_any (GtkWidget *root, GType type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
      if ((found = find_descendant_any (c, type)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_descendant (GtkWidget *root, GType type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type) && gtk_widget_get_mapped (c))
        return c;
      if ((found = find_descendant (c, type)) != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GantryProject *project;
  GtkWidget     *window;
  GantryRiskView *view;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->project = gantry_test_build_full_plan ();
  gantry_test_add_risks (f->project);
  gantry_project_clear_history (f->project);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 420);
  f->view = GANTRY_RISK_VIEW (gantry_risk_view_new ());
  gantry_risk_view_set_project (f->view, f->project);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
  settle (GTK_WIDGET (f->view));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  gantry_ui_test_iterate (3);
  g_clear_object (&f->project);
}

static void
test_matrix_and_actions (Fixture *f, gconstpointer data)
{
  GListModel *risks = gantry_project_get_risks (f->project);
  GantryRisk *r7 = gantry_project_lookup_risk (f->project, 7);
  GantryRisk *added;

  /* risk 7: P4 I5 mitigating; risk 2: closed (not counted); risk 3: P5 I2 */
  g_assert_cmpuint (gantry_risk_view_count_cell (f->view, 4, 5), ==, 1);
  g_assert_cmpuint (gantry_risk_view_count_cell (f->view, 1, 1), ==, 0);
  g_assert_cmpuint (gantry_risk_view_count_cell (f->view, 5, 2), ==, 1);

  /* add: one undo step, selected */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "risk.add", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, 4);
  added = gantry_risk_view_get_selected (f->view);
  g_assert_nonnull (added);
  g_assert_cmpstr (gantry_risk_get_title (added), ==, "New risk");
  g_assert_cmpuint (gantry_risk_view_count_cell (f->view, 3, 3), ==, 1);
  g_assert_true (gantry_project_undo (f->project));
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, 3);
  g_assert_cmpuint (gantry_risk_view_count_cell (f->view, 3, 3), ==, 0);

  /* delete the selected risk; undo puts it back at its place */
  gantry_risk_view_select (f->view, r7);
  g_assert_true (gantry_risk_view_get_selected (f->view) == r7);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "risk.delete", NULL));
  g_assert_null (gantry_project_lookup_risk (f->project, 7));
  g_assert_cmpuint (gantry_risk_view_count_cell (f->view, 4, 5), ==, 0);
  g_assert_true (gantry_project_undo (f->project));
  {
    g_autoptr(GantryRisk) first = g_list_model_get_item (risks, 0);

    g_assert_true (first == r7);
  }
  g_assert_cmpuint (gantry_risk_view_count_cell (f->view, 4, 5), ==, 1);

  /* an edit from elsewhere (undoable command) moves it in the matrix */
  g_assert_true (gantry_project_apply (f->project, gantry_command_set (r7, "impact", 1)));
  g_assert_cmpuint (gantry_risk_view_count_cell (f->view, 4, 1), ==, 1);
  g_assert_cmpuint (gantry_risk_view_count_cell (f->view, 4, 5), ==, 0);
  g_assert_true (gantry_project_undo (f->project));
  g_assert_cmpuint (gantry_risk_view_count_cell (f->view, 4, 5), ==, 1);
}

/* The first row's probability spin button edits risk 7 through a command. */
static void
test_inline_edit (Fixture *f, gconstpointer data)
{
  GantryRisk *r7 = gantry_project_lookup_risk (f->project, 7);
  GtkWidget *spin = find_descendant (GTK_WIDGET (f->view), GTK_TYPE_SPIN_BUTTON);

  g_assert_nonnull (spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 4);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 2);
  g_assert_cmpint (gantry_risk_get_probability (r7), ==, 2);
  g_assert_cmpstr (gantry_project_get_undo_label (f->project), ==, "Edit Risk");
  g_assert_cmpuint (gantry_risk_view_count_cell (f->view, 2, 5), ==, 1);
  /* undo updates the cell */
  g_assert_true (gantry_project_undo (f->project));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 4);
  g_assert_false (gantry_project_can_undo (f->project));
}

static void
test_screenshots (Fixture *f, gconstpointer data)
{
  GtkSettings *settings = gtk_settings_get_default ();

  for (int dark = 0; dark <= 1; dark++)
    {
      g_object_set (settings, "gtk-application-prefer-dark-theme", dark, NULL);
      settle (GTK_WIDGET (f->view));
      save_png (f->window, dark ? "risks-dark" : "risks-light");
    }
  g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, NULL);
}

/* A plan without risks: the register says how to record one; Add Risk
 * hides the hint, deleting the risk again brings it back. */
static void
test_empty_register_placeholder (Fixture *f, gconstpointer data)
{
  g_autoptr(GantryProject) empty = gantry_project_new_default (gantry_time_make (2026, 3, 2, 8, 0, 0));
  GtkWidget *hint = gantry_placeholder_find (GTK_WIDGET (f->view));

  /* the fixture's plan has risks: no hint */
  g_assert_nonnull (hint);
  g_assert_false (gtk_widget_get_visible (hint));

  gantry_risk_view_set_project (f->view, empty);
  settle (GTK_WIDGET (f->view));
  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_true (gtk_widget_get_mapped (hint));
  g_assert_false (gtk_widget_get_can_target (hint));
  save_png (f->window, "risks-empty-light");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "risk.add", NULL));
  gantry_ui_test_iterate (2);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_risks (empty)), ==, 1);
  g_assert_false (gtk_widget_get_visible (hint));
  g_assert_true (gantry_project_undo (empty));
  gantry_ui_test_iterate (2);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_risks (empty)), ==, 0);
  g_assert_true (gtk_widget_get_visible (hint));

  gantry_risk_view_set_project (f->view, f->project);
  gantry_ui_test_iterate (2);
  g_assert_false (gtk_widget_get_visible (hint));
}

static GListModel *
create_children (gpointer item, gpointer data)
{
  GantryTask *t = item;

  return gantry_task_get_n_children (t) > 0 ? G_LIST_MODEL (g_object_ref (t)) : NULL;
}

/* Baseline bars: a plan baselined, then slipped, drawn by the chart. */
static void
test_baseline_bars (void)
{
  g_autoptr(GantryProject) p = gantry_project_new ();
  g_autoptr(GantryCalendar) cal = gantry_calendar_new_standard (1, "Standard");
  g_autoptr(GantryScheduler) sched = NULL;
  g_autoptr(GtkTreeListModel) tree = NULL;
  g_autoptr(GtkSelectionModel) sel = NULL;
  GtkSettings *settings = gtk_settings_get_default ();
  const char *names[] = { "Design", "Build", "Test", "Launch" };
  const int days[] = { 3, 5, 2, 0 };
  GantryTask *tasks[4];
  GtkWidget *window, *chart;

  gantry_project_add_calendar (p, cal);
  gantry_project_set_calendar (p, cal);
  gantry_project_set_start (p, gantry_time_make (2026, 3, 2, 8, 0, 0));
  for (int i = 0; i < 4; i++)
    {
      g_autoptr(GantryTask) t = gantry_task_new (i + 1, names[i]);

      gantry_task_set_duration (t, days[i] * 8 * GANTRY_MS_HOUR);
      gantry_task_set_duration_format (t, GANTRY_FORMAT_DAYS);
      gantry_task_set_milestone (t, days[i] == 0);
      gantry_project_add_task (p, NULL, -1, t);
      tasks[i] = t;
      if (i > 0)
        {
          g_autoptr(GantryLink) l = gantry_link_new (tasks[i - 1], t, GANTRY_LINK_FS, 0,
                                                     GANTRY_FORMAT_DAYS);
          gantry_project_add_link (p, l);
        }
    }
  sched = gantry_scheduler_new (p);
  gantry_scheduler_set_auto (sched, TRUE);
  gantry_scheduler_run (sched);
  g_assert_true (gantry_project_set_baseline_for (p, NULL, 0));
  /* Build slips by two days: the bars move right of their baselines. */
  gantry_project_apply (p, gantry_command_set (tasks[1], "duration",
                                               (gint64) (7 * 8 * GANTRY_MS_HOUR)));
  {
    GantryVariance v;

    g_assert_true (gantry_tracking_variance (tasks[3], 0, &v));
    g_assert_cmpint (v.finish, ==, 2 * 8 * GANTRY_MS_HOUR);
  }

  tree = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (gantry_project_get_root_task (p))),
                                  FALSE, TRUE, create_children, NULL, NULL);
  sel = GTK_SELECTION_MODEL (gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (tree))));
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 200);
  chart = gantry_chart_new ();
  gantry_chart_set_model (GANTRY_CHART (chart), G_LIST_MODEL (sel), sel);
  gantry_chart_set_project (GANTRY_CHART (chart), p);
  gantry_chart_set_zoom (GANTRY_CHART (chart), 1);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_present (GTK_WINDOW (window));
  settle (chart);
  gantry_chart_scroll_to_task (GANTRY_CHART (chart), tasks[0]);
  for (int dark = 0; dark <= 1; dark++)
    {
      g_object_set (settings, "gtk-application-prefer-dark-theme", dark, NULL);
      settle (chart);
      save_png (chart, dark ? "baseline-bars-dark" : "baseline-bars-light");
    }
  g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  gantry_ui_test_iterate (3);
}

/* Visible risk indicators in the task table (their tooltip names the risk). */
static guint
count_risk_indicators (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_IMAGE (c) && gtk_widget_get_visible (c) && gtk_widget_get_mapped (c)
          && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (c)), "emblem-important-symbolic") == 0)
        {
          const char *tip = gtk_widget_get_tooltip_text (c);

          g_assert_nonnull (strstr (tip, "Supplier"));
          n++;
        }
      n += count_risk_indicators (c);
    }
  return n;
}

/* The window: a Risks page reached by view.show, and the tracking
 * dialogs behind their actions, each confirmed dialog one undo step. */
static void
test_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkApplication) app = GTK_APPLICATION (gantry_application_new (
                                                     G_APPLICATION_NON_UNIQUE));
  g_autoptr(GantryProject) p = gantry_test_build_full_plan ();
  GantryWindow *win;
  GtkWidget *stack, *dialog;
  GantryTask *t3;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  gantry_test_add_risks (p);
  gantry_project_clear_history (p);
  win = gantry_window_new (app);
  gantry_window_set_project (win, p, NULL, GANTRY_FILE_FORMAT_NATIVE);
  gtk_window_set_default_size (GTK_WINDOW (win), 1200, 600);
  gtk_window_present (GTK_WINDOW (win));
  settle (GTK_WIDGET (win));

  /* The task table marks tasks 3 and 5, linked to the open risk 7 (its
   * third link, UID 999, is no task). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "view.show", "s", "gantt"));
  settle (GTK_WIDGET (win));
  g_assert_cmpuint (count_risk_indicators (GTK_WIDGET (win)), ==, 2);
  g_assert_true (gantry_project_apply (p, gantry_command_set (gantry_project_lookup_risk (p, 7),
                                                              "status", GANTRY_RISK_CLOSED)));
  settle (GTK_WIDGET (win));
  g_assert_cmpuint (count_risk_indicators (GTK_WIDGET (win)), ==, 0);
  g_assert_true (gantry_project_undo (p));
  settle (GTK_WIDGET (win));
  g_assert_cmpuint (count_risk_indicators (GTK_WIDGET (win)), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "view.show", "s", "risks"));
  stack = gtk_widget_get_ancestor (find_descendant (GTK_WIDGET (win), GANTRY_TYPE_RISK_VIEW),
                                   GTK_TYPE_STACK);
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "risks");
  settle (GTK_WIDGET (win));
  save_png (GTK_WIDGET (win), "risks-in-window");

  /* Set Baseline 3 for the whole project: one step, every task. */
  t3 = gantry_project_lookup_task (p, 3);
  g_assert_null (gantry_task_get_baseline (t3, 3));
  dialog = gantry_baseline_dialog_new (GTK_WINDOW (win), p, NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_descendant_any (dialog, GTK_TYPE_DROP_DOWN)), 3);
  gantry_tracking_dialog_respond (dialog, FALSE);
  g_assert_nonnull (gantry_task_get_baseline (t3, 3));
  g_assert_cmpstr (gantry_project_get_undo_label (p), ==, "Set Baseline 3");
  g_assert_true (gantry_project_undo (p));
  g_assert_null (gantry_task_get_baseline (t3, 3));

  /* Update Project: a bad date keeps the dialog open with a message. */
  dialog = gantry_update_project_dialog_new (GTK_WINDOW (win), p);
  gtk_editable_set_text (GTK_EDITABLE (find_descendant_any (dialog, GTK_TYPE_ENTRY)), "soon");
  gantry_tracking_dialog_respond (dialog, FALSE);
  g_assert_false (gantry_project_can_undo (p));
  gtk_editable_set_text (GTK_EDITABLE (find_descendant_any (dialog, GTK_TYPE_ENTRY)),
                         "2099-01-01");
  gantry_tracking_dialog_respond (dialog, FALSE);
  g_assert_cmpstr (gantry_project_get_undo_label (p), ==, "Update Project");
  g_assert_true (gantry_project_get_status_date (p) != GANTRY_TIME_NONE);
  g_assert_true (gantry_project_undo (p));
  g_assert_false (gantry_project_can_undo (p));

  gtk_window_destroy (GTK_WINDOW (win));
  gantry_ui_test_iterate (3);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  if (gdk_display_get_default () == NULL)
    {
      g_test_skip ("no display");
      return 77;
    }
  g_test_add ("/ui/risk-view/matrix-actions", Fixture, NULL, fixture_set_up,
              test_matrix_and_actions, fixture_tear_down);
  g_test_add ("/ui/risk-view/inline-edit", Fixture, NULL, fixture_set_up, test_inline_edit,
              fixture_tear_down);
  g_test_add ("/ui/risk-view/screenshots", Fixture, NULL, fixture_set_up, test_screenshots,
              fixture_tear_down);
  g_test_add ("/ui/risk-view/empty-register-placeholder", Fixture, NULL, fixture_set_up,
              test_empty_register_placeholder, fixture_tear_down);
  g_test_add_func ("/ui/risk-view/baseline-bars", test_baseline_bars);
  g_test_add_func ("/ui/risk-view/window", test_window);
  return g_test_run ();
}
