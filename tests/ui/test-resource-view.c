/* test-resource-view.c — the Resources page under a display
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the resource sheet's actions (add, edit, delete, level, undo),
 * checks the usage grid against the plan it was built from, and saves
 * screenshots (PNG) of the sheet and the usage view, light and dark, into
 * the build folder.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <gtk/gtk.h>

#include "gantry-core.h"
#include "gantry-scheduler.h"
#include "gantry-resource-engine.h"
#include "gantry-resource-view.h"
#include "gantry-calendar-editor.h"
#include "gantry-level-dialog.h"
#include "gantry-task-dialog.h"
#include "gantry-task-table.h"
#include "gantry-edit.h"
#include "gantry-placeholder.h"
#include "gantry-application.h"
#include "gantry-test-helper.h"
#include "gantry-ui-test-helper.h"

#define H GANTRY_MS_HOUR

/* Ana on Design (Mon–Wed) and Build (Tue–Thu, SNET Tue): over-allocated
 * Tue–Wed.  Bo half-time on Test (Mon–Fri), 40/h, overtime 60/h. */
static GantryProject *
build_plan (GantryScheduler **sched)
{
  GantryProject *p = gantry_project_new ();
  g_autoptr(GantryCalendar) cal = gantry_calendar_new_standard (1, "Standard");
  g_autoptr(GantryResource) ana = gantry_resource_new (1, "Ana Lima");
  g_autoptr(GantryResource) bo = gantry_resource_new (2, "Bo Berg");
  const char *names[] = { "Design", "Build", "Test" };
  GantryTask *t[3];

  gantry_project_add_calendar (p, cal);
  gantry_project_set_calendar (p, cal);
  gantry_project_set_start (p, gantry_time_make (2026, 3, 2, 8, 0, 0));   /* Monday */
  gantry_resource_set_initials (ana, "AL");
  gantry_resource_set_group (ana, "Engineering");
  gantry_resource_set_standard_rate (ana, 50);
  gantry_resource_set_overtime_rate (ana, 75);
  gantry_resource_set_initials (bo, "BB");
  gantry_resource_set_group (bo, "QA");
  gantry_resource_set_standard_rate (bo, 40);
  gantry_resource_set_overtime_rate (bo, 60);
  gantry_resource_set_cost_per_use (bo, 25);
  gantry_project_add_resource (p, -1, ana);
  gantry_project_add_resource (p, -1, bo);
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GantryTask) task = gantry_task_new (i + 1, names[i]);
      gantry_task_set_duration (task, (i == 2 ? 40 : 24) * H);
      gantry_task_set_duration_format (task, GANTRY_FORMAT_DAYS);
      gantry_project_add_task (p, NULL, -1, task);
      t[i] = task;
    }
  gantry_task_set_constraint_type (t[1], GANTRY_CONSTRAINT_SNET);
  gantry_task_set_constraint_date (t[1], gantry_time_make (2026, 3, 3, 8, 0, 0));
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GantryAssignment) a = gantry_assignment_new (i + 1, t[i], i < 2 ? ana : bo,
                                                             i < 2 ? 1.0 : 0.5, i < 2 ? 24 * H : 20 * H);
      gantry_project_add_assignment (p, a);
    }
  gantry_project_renumber (p);
  *sched = gantry_scheduler_new (p);
  gantry_scheduler_run (*sched);
  gantry_scheduler_set_auto (*sched, TRUE);
  gantry_project_clear_history (p);
  return p;
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *tops = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (tops, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return GTK_WIDGET (w);
    }
  return NULL;
}

/* Runs the main loop until the view's levelling has finished (bounded:
 * a run that never ends fails the test instead of hanging it). */
static void
wait_levelled (GantryResourceView *view)
{
  for (int i = 0; i < 6000 && gantry_resource_view_is_leveling (view); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  g_assert_false (gantry_resource_view_is_leveling (view));
  gantry_ui_test_iterate (5);
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_assert_cmpint (gtk_widget_get_width (widget), >, 100);
  g_assert_cmpint (gtk_widget_get_height (widget), >, 100);
  gantry_ui_test_save_png (widget, name);
}

static GtkWidget *
show_view (GantryProject *p, GtkWidget **win_out)
{
  GtkWidget *win = gtk_window_new ();
  GtkWidget *view = gantry_resource_view_new ();

  gtk_window_set_default_size (GTK_WINDOW (win), 1200, 640);
  gtk_window_set_child (GTK_WINDOW (win), view);
  gantry_resource_view_set_project (GANTRY_RESOURCE_VIEW (view), p);
  gtk_window_present (GTK_WINDOW (win));
  gantry_ui_test_iterate (5);
  *win_out = win;
  return view;
}

static void
test_sheet_edit_undo (void)
{
  g_autoptr(GantryScheduler) sched = NULL;
  g_autoptr(GantryProject) p = build_plan (&sched);
  GListModel *res = gantry_project_get_resources (p);
  GtkWidget *win, *view = show_view (p, &win);
  g_autoptr(GantryResource) ana = g_list_model_get_item (res, 0);
  GantryResource *added;

  /* costs and over-allocation are in the sheet's model after a refresh */
  g_assert_true (gantry_resource_get_overallocated (ana));
  g_assert_cmpfloat_with_epsilon (gantry_resource_get_cost (ana), 48 * 50.0, 1e-9);

  /* add a resource: one undo step */
  g_assert_true (gtk_widget_activate_action (view, "resources.add", NULL));
  gantry_ui_test_iterate (5);
  g_assert_cmpuint (g_list_model_get_n_items (res), ==, 3);
  added = g_list_model_get_item (res, 2);
  g_object_unref (added);
  g_assert_cmpstr (gantry_resource_get_name (added), ==, "Resource 3");

  /* edit it as a user types into the cells */
  g_assert_true (gantry_resource_view_edit_cell (GANTRY_RESOURCE_VIEW (view), added, "name", "Cy Dantas"));
  g_assert_true (gantry_resource_view_edit_cell (GANTRY_RESOURCE_VIEW (view), added, "max-units", "50%"));
  g_assert_true (gantry_resource_view_edit_cell (GANTRY_RESOURCE_VIEW (view), added, "standard-rate", "$45.50/h"));
  g_assert_true (gantry_resource_view_edit_cell (GANTRY_RESOURCE_VIEW (view), added, "cost-per-use", "12,5"));
  g_assert_cmpstr (gantry_resource_get_name (added), ==, "Cy Dantas");
  g_assert_cmpfloat (gantry_resource_get_max_units (added), ==, 0.5);
  g_assert_cmpfloat (gantry_resource_get_standard_rate (added), ==, 45.5);
  g_assert_cmpfloat (gantry_resource_get_cost_per_use (added), ==, 12.5);
  /* bad input is refused and changes nothing */
  g_assert_false (gantry_resource_view_edit_cell (GANTRY_RESOURCE_VIEW (view), added, "max-units", "lots"));
  g_assert_false (gantry_resource_view_edit_cell (GANTRY_RESOURCE_VIEW (view), added, "standard-rate", "-3"));
  g_assert_false (gantry_resource_view_edit_cell (GANTRY_RESOURCE_VIEW (view), added, "name", "   "));
  g_assert_cmpfloat (gantry_resource_get_max_units (added), ==, 0.5);

  /* undo, step by step, back to before the add */
  for (int i = 0; i < 4; i++)
    g_assert_true (gantry_project_undo (p));
  g_assert_cmpstr (gantry_resource_get_name (added), ==, "Resource 3");
  g_assert_cmpfloat (gantry_resource_get_max_units (added), ==, 1.0);
  g_assert_true (gantry_project_undo (p));
  g_assert_cmpuint (g_list_model_get_n_items (res), ==, 2);
  g_assert_false (gantry_project_can_undo (p));

  /* delete the selected resource (with its assignments), undo */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (
                                       gantry_resource_view_get_sheet (GANTRY_RESOURCE_VIEW (view)))), 1);
  g_assert_true (gtk_widget_activate_action (view, "resources.delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (res), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_assignments (p)), ==, 2);
  g_assert_true (gantry_project_undo (p));
  g_assert_cmpuint (g_list_model_get_n_items (res), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_assignments (p)), ==, 3);

  gtk_window_destroy (GTK_WINDOW (win));
  gantry_ui_test_iterate (5);
}

/* The toolbar button bound to action (mapped or not). */
static GtkWidget *
find_action_button (GtkWidget *w, const char *action)
{
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (c)), action) == 0)
        return c;
      if ((found = find_action_button (c, action)) != NULL)
        return found;
    }
  return NULL;
}

/* A plan without resources: the sheet says how to add one (a hint over
 * the empty sheet that lets clicks through); Add Resource hides it, undo
 * brings it back. */
static void
test_empty_sheet_placeholder (void)
{
  g_autoptr(GantryProject) p = gantry_project_new_default (gantry_time_make (2026, 3, 2, 8, 0, 0));
  GtkWidget *win, *view = show_view (p, &win);
  GtkWidget *hint = gantry_placeholder_find (view);
  GtkWidget *sheet = GTK_WIDGET (gantry_resource_view_get_sheet (GANTRY_RESOURCE_VIEW (view)));

  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_resources (p)), ==, 0);
  g_assert_nonnull (hint);
  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_true (gtk_widget_get_mapped (hint));
  g_assert_true (gtk_widget_get_mapped (sheet));       /* the header stays */
  g_assert_false (gtk_widget_get_can_target (hint));
  /* nothing to delete or level yet */
  g_assert_false (gtk_widget_get_sensitive (find_action_button (view, "resources.delete")));
  g_assert_false (gtk_widget_get_sensitive (find_action_button (view, "resources.level")));
  g_assert_true (gtk_widget_get_sensitive (find_action_button (view, "resources.add")));
  for (int dark = 0; dark <= 1; dark++)
    {
      g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", dark, NULL);
      gantry_ui_test_iterate (5);
      save_png (win, dark ? "resources-empty-dark.png" : "resources-empty-light.png");
    }
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", FALSE, NULL);

  g_assert_true (gtk_widget_activate_action (view, "resources.add", NULL));
  gantry_ui_test_iterate (5);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_resources (p)), ==, 1);
  g_assert_false (gtk_widget_get_visible (hint));
  /* the new resource is selected: it can be deleted, the plan levelled */
  g_assert_true (gtk_widget_get_sensitive (find_action_button (view, "resources.delete")));
  g_assert_true (gtk_widget_get_sensitive (find_action_button (view, "resources.level")));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (sheet))),
                                     GTK_INVALID_LIST_POSITION);
  gantry_ui_test_iterate (5);
  g_assert_false (gtk_widget_get_sensitive (find_action_button (view, "resources.delete")));
  g_assert_true (gantry_project_undo (p));
  gantry_ui_test_iterate (5);
  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_false (gtk_widget_get_sensitive (find_action_button (view, "resources.level")));

  /* another plan, with resources: no hint */
  {
    g_autoptr(GantryScheduler) sched = NULL;
    g_autoptr(GantryProject) full = build_plan (&sched);

    gantry_resource_view_set_project (GANTRY_RESOURCE_VIEW (view), full);
    gantry_ui_test_iterate (5);
    g_assert_false (gtk_widget_get_visible (hint));
    gantry_resource_view_set_project (GANTRY_RESOURCE_VIEW (view), p);
    gantry_ui_test_iterate (5);
    g_assert_true (gtk_widget_get_visible (hint));
  }

  gtk_window_destroy (GTK_WINDOW (win));
  gantry_ui_test_iterate (5);
}

/* The usage view under the sheet shows the same centred card as the
 * sheet while it has no rows (no work resource), not a bare line of text;
 * a work resource makes it go. */
static GtkWidget *
find_usage_hint (GtkWidget *view)
{
  GtkWidget *w = GTK_WIDGET (gantry_resource_view_get_usage (GANTRY_RESOURCE_VIEW (view)));

  while (w != NULL && !GTK_IS_OVERLAY (w))
    w = gtk_widget_get_parent (w);
  return w != NULL ? gantry_placeholder_find (w) : NULL;
}

static void
test_empty_usage_placeholder (void)
{
  g_autoptr(GantryProject) p = gantry_project_new_default (gantry_time_make (2026, 3, 2, 8, 0, 0));
  GtkWidget *win, *view = show_view (p, &win);
  GantryUsageView *usage = gantry_resource_view_get_usage (GANTRY_RESOURCE_VIEW (view));
  GtkWidget *hint = find_usage_hint (view);
  GtkWidget *area;
  graphene_rect_t hb, ab;

  g_assert_nonnull (hint);
  g_assert_true (hint != gantry_placeholder_find (view));   /* not the sheet's */
  g_assert_cmpuint (gantry_usage_view_get_n_rows (usage), ==, 0);
  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_true (gtk_widget_get_mapped (hint));
  g_assert_false (gtk_widget_get_can_target (hint));
  /* a title and a hint, centred in the usage area */
  g_assert_nonnull (gtk_widget_get_first_child (hint));
  g_assert_nonnull (gtk_widget_get_next_sibling (gtk_widget_get_first_child (hint)));
  area = gtk_widget_get_parent (hint);
  g_assert_true (gtk_widget_compute_bounds (hint, area, &hb));
  g_assert_true (gtk_widget_compute_bounds (area, area, &ab));
  g_assert_cmpfloat (fabs ((hb.origin.x + hb.size.width / 2) - ab.size.width / 2), <=, 2);
  g_assert_cmpfloat (fabs ((hb.origin.y + hb.size.height / 2) - ab.size.height / 2), <=, 2);
  for (int dark = 0; dark <= 1; dark++)
    {
      g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", dark, NULL);
      gantry_ui_test_iterate (5);
      save_png (win, dark ? "resources-usage-empty-dark.png" : "resources-usage-empty-light.png");
    }
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", FALSE, NULL);

  /* a work resource gives the usage view a row: the card goes */
  g_assert_true (gtk_widget_activate_action (view, "resources.add", NULL));
  gantry_ui_test_iterate (5);
  g_assert_cmpuint (gantry_usage_view_get_n_rows (usage), ==, 1);
  g_assert_false (gtk_widget_get_visible (hint));
  g_assert_true (gantry_project_undo (p));
  gantry_ui_test_iterate (5);
  g_assert_cmpuint (gantry_usage_view_get_n_rows (usage), ==, 0);
  g_assert_true (gtk_widget_get_visible (hint));

  /* another plan, with work resources: no card; an empty one again: card */
  {
    g_autoptr(GantryScheduler) sched = NULL;
    g_autoptr(GantryProject) full = build_plan (&sched);

    gantry_resource_view_set_project (GANTRY_RESOURCE_VIEW (view), full);
    gantry_ui_test_iterate (5);
    g_assert_cmpuint (gantry_usage_view_get_n_rows (usage), >, 0);
    g_assert_false (gtk_widget_get_visible (hint));
    gantry_resource_view_set_project (GANTRY_RESOURCE_VIEW (view), p);
    gantry_ui_test_iterate (5);
    g_assert_true (gtk_widget_get_visible (hint));
  }

  gtk_window_destroy (GTK_WINDOW (win));
  gantry_ui_test_iterate (5);
}

/* The over-allocated resource's Work is red, except on the selected row,
 * where it takes the row's text colour (red on the selection colour cannot
 * be read, light or dark). */
static GtkWidget *
find_error_label (GtkWidget *w)
{
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (c) && gtk_widget_has_css_class (c, "error") && gtk_widget_get_mapped (c))
        return c;
      if ((found = find_error_label (c)) != NULL)
        return found;
    }
  return NULL;
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
widget_color (GtkWidget *w, GdkRGBA *c)
{
  gtk_style_context_get_color (gtk_widget_get_style_context (w), c);
}
G_GNUC_END_IGNORE_DEPRECATIONS

static void
test_selected_overallocated_contrast (void)
{
  g_autoptr(GantryScheduler) sched = NULL;
  g_autoptr(GantryProject) p = build_plan (&sched);
  GtkWidget *win, *view = show_view (p, &win);
  GtkColumnView *sheet = gantry_resource_view_get_sheet (GANTRY_RESOURCE_VIEW (view));
  GtkSingleSelection *sel = GTK_SINGLE_SELECTION (gtk_column_view_get_model (sheet));
  GtkWidget *label, *row;
  GdkRGBA lc, rc;
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  /* the application's style sheet, as GantryApplication loads it */
  gantry_ui_register_resources ();
  gtk_css_provider_load_from_resource (css, "/org/gantryplanner/Gantry/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  for (int dark = 0; dark <= 1; dark++)
    {
      g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", dark, NULL);
      gtk_single_selection_set_selected (sel, GTK_INVALID_LIST_POSITION);
      gantry_ui_test_iterate (5);
      label = find_error_label (GTK_WIDGET (sheet));
      g_assert_nonnull (label);            /* Ana (row 0) is over-allocated */
      /* 48 hours (6 days of 8 h, see test_sheet_edit_undo's cost 48 x $50),
       * written as the usage grid writes work */
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "48h");
      for (row = gtk_widget_get_parent (label); row != NULL && gtk_widget_get_parent (row) != NULL
           && !GTK_IS_LIST_VIEW (gtk_widget_get_parent (row)); row = gtk_widget_get_parent (row))
        ;
      g_assert_nonnull (row);
      widget_color (label, &lc);
      widget_color (row, &rc);
      g_assert_false (gdk_rgba_equal (&lc, &rc));   /* red while not selected */

      gtk_single_selection_set_selected (sel, 0);
      gantry_ui_test_iterate (5);
      g_assert_true (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED);
      widget_color (label, &lc);
      widget_color (row, &rc);
      g_assert_true (gdk_rgba_equal (&lc, &rc));    /* the row's colour once selected */
    }
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", FALSE, NULL);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
  gtk_window_destroy (GTK_WINDOW (win));
  gantry_ui_test_iterate (5);
}

static void
test_usage_and_level (void)
{
  g_autoptr(GantryScheduler) sched = NULL;
  g_autoptr(GantryProject) p = build_plan (&sched);
  GtkWidget *win, *view = show_view (p, &win);
  GantryUsageView *usage = gantry_resource_view_get_usage (GANTRY_RESOURCE_VIEW (view));

  g_assert_true (gtk_widget_activate_action (view, "resources.zoom", "i", (int) GANTRY_USAGE_DAY));
  /* rows: Ana, Design, Build, Bo, Test */
  g_assert_cmpuint (gantry_usage_view_get_n_rows (usage), ==, 5);
  /* days from Mon 2 March: Ana works 8 h Mon, 16 h Tue and Wed, 8 h Thu */
  g_assert_cmpint (gantry_usage_view_get_cell (usage, 0, 0), ==, 8 * H);
  g_assert_cmpint (gantry_usage_view_get_cell (usage, 0, 1), ==, 16 * H);
  g_assert_cmpint (gantry_usage_view_get_cell (usage, 0, 2), ==, 16 * H);
  g_assert_cmpint (gantry_usage_view_get_cell (usage, 0, 3), ==, 8 * H);
  g_assert_cmpint (gantry_usage_view_get_cell (usage, 0, 5), ==, 0);   /* Saturday */
  /* Bo: 4 h a day at 50 % */
  g_assert_cmpint (gantry_usage_view_get_cell (usage, 3, 0), ==, 4 * H);
  /* the over-allocated days are Tue and Wed */
  g_assert_cmpuint (gantry_usage_view_get_n_over_cells (usage), ==, 2);

  /* screenshots: sheet and usage, light and dark (before levelling) */
  {
    GtkSettings *settings = gtk_settings_get_default ();
    const char *themes[] = { "light", "dark" };

    for (int t = 0; t < 2; t++)
      {
        g_autofree char *name = g_strdup_printf ("resources-%s.png", themes[t]);
        g_object_set (settings, "gtk-application-prefer-dark-theme", t == 1, NULL);
        gantry_ui_test_iterate (5);
        g_usleep (50000);
        gantry_ui_test_iterate (5);
        save_png (view, name);
      }
    g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, NULL);
  }

  /* level (Level in the options dialog): one undo step; no over-allocation after */
  g_assert_true (gtk_widget_activate_action (view, "resources.level", NULL));
  gantry_ui_test_iterate (5);
  {
    GtkWidget *dialog = find_toplevel (GANTRY_TYPE_LEVEL_DIALOG);
    g_assert_nonnull (dialog);
    g_assert_true (gantry_level_dialog_activate_level (GANTRY_LEVEL_DIALOG (dialog)));
  }
  wait_levelled (GANTRY_RESOURCE_VIEW (view));
  g_assert_null (find_toplevel (GANTRY_TYPE_LEVEL_DIALOG));
  g_assert_cmpstr (gantry_project_get_undo_label (p), ==, "Level Resources");
  gantry_resource_view_refresh (GANTRY_RESOURCE_VIEW (view));
  g_assert_cmpuint (gantry_usage_view_get_n_over_cells (usage), ==, 0);
  g_assert_cmpint (gantry_usage_view_get_cell (usage, 0, 1), ==, 8 * H);
  g_assert_true (gantry_project_undo (p));
  gantry_ui_test_iterate (5);
  gantry_resource_view_refresh (GANTRY_RESOURCE_VIEW (view));
  g_assert_cmpuint (gantry_usage_view_get_n_over_cells (usage), ==, 2);
  g_assert_false (gantry_project_can_undo (p));

  /* zoom to weeks: the first week holds all of Ana's 48 h */
  g_assert_true (gtk_widget_activate_action (view, "resources.zoom", "i", (int) GANTRY_USAGE_WEEK));
  g_assert_cmpint (gantry_usage_view_get_cell (usage, 0, 0), ==, 48 * H);

  gtk_window_destroy (GTK_WINDOW (win));
  gantry_ui_test_iterate (5);
}

static void
test_day_text (void)
{
  GantryDayDef d;
  g_autoptr(GError) error = NULL;
  g_autofree char *s = NULL;

  g_assert_true (gantry_calendar_parse_day ("08:00-12:00, 13:00-17:00", &d, NULL));
  g_assert_cmpint (d.kind, ==, GANTRY_DAY_WORKING);
  g_assert_cmpint (d.n_ranges, ==, 2);
  g_assert_cmpint (d.ranges[1].from, ==, 13 * 60);
  g_assert_cmpint (d.ranges[1].to, ==, 17 * 60);
  s = gantry_calendar_format_day (&d);
  g_assert_cmpstr (s, ==, "08:00-12:00, 13:00-17:00");
  g_assert_true (gantry_calendar_parse_day ("22:00-24:00", &d, NULL));
  g_assert_cmpint (d.ranges[0].to, ==, 1440);
  g_assert_true (gantry_calendar_parse_day ("nonworking", &d, NULL));
  g_assert_cmpint (d.kind, ==, GANTRY_DAY_NONWORKING);
  g_assert_true (gantry_calendar_parse_day ("default", &d, NULL));
  g_assert_cmpint (d.kind, ==, GANTRY_DAY_DEFAULT);
  g_assert_false (gantry_calendar_parse_day ("25:00-26:00", &d, &error));
  g_assert_nonnull (strstr (error->message, "25:00-26:00"));
  g_clear_error (&error);
  g_assert_false (gantry_calendar_parse_day ("13:00-17:00, 08:00-12:00", &d, &error));
  g_clear_error (&error);
  g_assert_false (gantry_calendar_parse_day ("12:00-08:00", &d, &error));
  g_clear_error (&error);
  g_assert_false (gantry_calendar_parse_day ("morning", &d, &error));
}

/* The exception rows' "Repeats" drop-downs ("Once", "Every year") line up
 * in one column: same left edge, same width, whatever each one shows. */
static void
collect_dropdowns (GtkWidget *w, GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_DROP_DOWN (c) && gtk_widget_get_mapped (c))
        g_ptr_array_add (out, c);
      else
        collect_dropdowns (c, out);
    }
}

static void
assert_dropdowns_aligned (GtkWidget *editor)
{
  g_autoptr(GPtrArray) dds = g_ptr_array_new ();
  graphene_point_t first, p;

  collect_dropdowns (editor, dds);
  g_assert_cmpuint (dds->len, >=, 2);
  g_assert_true (gtk_widget_compute_point (g_ptr_array_index (dds, 0), editor,
                                           &GRAPHENE_POINT_INIT (0, 0), &first));
  for (guint i = 1; i < dds->len; i++)
    {
      GtkWidget *dd = g_ptr_array_index (dds, i);

      g_assert_true (gtk_widget_compute_point (dd, editor, &GRAPHENE_POINT_INIT (0, 0), &p));
      g_assert_cmpfloat_with_epsilon (p.x, first.x, 0.5);
      g_assert_cmpint (gtk_widget_get_width (dd), ==,
                       gtk_widget_get_width (g_ptr_array_index (dds, 0)));
    }
}

static void
test_calendar_editor (void)
{
  g_autoptr(GantryScheduler) sched = NULL;
  g_autoptr(GantryProject) p = build_plan (&sched);
  GantryCalendar *cal = gantry_project_get_calendar (p);
  GtkWidget *win, *view = show_view (p, &win);
  GtkWidget *ed;
  g_autoptr(GError) error = NULL;
  GantryDayDef d;
  g_autoptr(GantryResource) ana = g_list_model_get_item (gantry_project_get_resources (p), 0);

  ed = gantry_calendar_editor_new (GTK_WINDOW (win), p, cal);
  gtk_window_present (GTK_WINDOW (ed));
  gantry_ui_test_iterate (5);
  /* bad input: refused, named, nothing changes */
  gantry_calendar_editor_set_weekday_text (GANTRY_CALENDAR_EDITOR (ed), 5, "25:00-26:00");
  g_assert_false (gantry_calendar_editor_apply (GANTRY_CALENDAR_EDITOR (ed), &error));
  g_assert_nonnull (strstr (error->message, "Friday"));
  g_clear_error (&error);
  g_assert_false (gantry_project_can_undo (p));

  /* short Fridays, Good Friday off, Christmas off every year */
  gantry_calendar_editor_set_weekday_text (GANTRY_CALENDAR_EDITOR (ed), 5, "08:00-12:00");
  gantry_calendar_editor_add_exception (GANTRY_CALENDAR_EDITOR (ed), "Good Friday", "2026-04-03",
                                        "2026-04-03", "nonworking", GANTRY_RECUR_NONE);
  gantry_calendar_editor_add_exception (GANTRY_CALENDAR_EDITOR (ed), "Christmas", "2026-12-25",
                                        "2026-12-25", "nonworking", GANTRY_RECUR_YEARLY_BY_DAY);
  gantry_ui_test_iterate (5);
  g_usleep (50000);
  gantry_ui_test_iterate (5);
  save_png (gtk_window_get_child (GTK_WINDOW (ed)), "calendar-editor-light.png");
  assert_dropdowns_aligned (ed);
  g_assert_true (gantry_calendar_editor_apply (GANTRY_CALENDAR_EDITOR (ed), &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (ed));
  gantry_ui_test_iterate (5);

  gantry_calendar_resolve_day (cal, gantry_time_day_number (gantry_time_make (2026, 3, 6, 0, 0, 0)), &d);
  g_assert_cmpint (d.n_ranges, ==, 1);
  g_assert_cmpint (d.ranges[0].to, ==, 12 * 60);
  gantry_calendar_resolve_day (cal, gantry_time_day_number (gantry_time_make (2026, 4, 3, 0, 0, 0)), &d);
  g_assert_cmpint (d.kind, ==, GANTRY_DAY_NONWORKING);
  gantry_calendar_resolve_day (cal, gantry_time_day_number (gantry_time_make (2031, 12, 25, 0, 0, 0)), &d);
  g_assert_cmpint (d.kind, ==, GANTRY_DAY_NONWORKING);
  gantry_calendar_resolve_day (cal, gantry_time_day_number (gantry_time_make (2031, 12, 24, 0, 0, 0)), &d);
  g_assert_cmpint (d.kind, ==, GANTRY_DAY_WORKING);
  /* the plan follows: Bo's 20 h at 50 % now need Mon–Mon (Friday is 4 h) */
  gantry_ui_test_iterate (5);
  g_assert_cmpint (gantry_task_get_finish (gantry_project_lookup_task (p, 3)), ==,
                   gantry_time_make (2026, 3, 9, 12, 0, 0));

  /* one undo step restores it */
  g_assert_true (gantry_project_undo (p));
  g_assert_false (gantry_project_can_undo (p));
  g_assert_cmpuint (gantry_calendar_get_n_exceptions (cal), ==, 0);
  gantry_calendar_resolve_day (cal, gantry_time_day_number (gantry_time_make (2026, 3, 6, 0, 0, 0)), &d);
  g_assert_cmpint (d.n_ranges, ==, 2);

  /* a resource without its own calendar gets one, based on the project's */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (
                                       gantry_resource_view_get_sheet (GANTRY_RESOURCE_VIEW (view)))), 0);
  g_assert_true (gtk_widget_activate_action (view, "resources.edit-calendar", NULL));
  gantry_ui_test_iterate (5);
  g_assert_nonnull (gantry_resource_get_calendar (ana));
  g_assert_true (gantry_resource_get_calendar (ana) != cal);
  g_assert_true (gantry_calendar_get_base (gantry_resource_get_calendar (ana)) == cal);
  {
    GListModel *tops = gtk_window_get_toplevels ();
    for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (tops, i);
        if (GANTRY_IS_CALENDAR_EDITOR (w))
          {
            gtk_window_destroy (GTK_WINDOW (w));
            break;
          }
      }
  }
  gtk_window_destroy (GTK_WINDOW (win));
  gantry_ui_test_iterate (5);
}

/* n tasks of 2 days on 10 resources at 100 %, no links: most of them
 * collide, so levelling has work to do. */
static GantryProject *
build_big_plan (guint n, GantryScheduler **sched)
{
  GantryProject *p = gantry_project_new ();
  g_autoptr(GantryCalendar) cal = gantry_calendar_new_standard (1, "Standard");
  GantryResource *res[10];

  gantry_project_add_calendar (p, cal);
  gantry_project_set_calendar (p, cal);
  gantry_project_set_start (p, gantry_time_make (2026, 3, 2, 8, 0, 0));
  for (int r = 0; r < 10; r++)
    {
      g_autofree char *name = g_strdup_printf ("R%d", r);
      g_autoptr(GantryResource) res_r = gantry_resource_new (r + 1, name);
      gantry_project_add_resource (p, -1, res_r);
      res[r] = res_r;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("T%u", i);
      g_autoptr(GantryTask) t = gantry_task_new ((int) i + 1, name);
      g_autoptr(GantryAssignment) a = NULL;

      gantry_task_set_duration (t, 16 * H);
      gantry_task_set_duration_format (t, GANTRY_FORMAT_DAYS);
      gantry_task_set_priority (t, 100 + (int) (i * 37 % 800));
      gantry_project_add_task (p, NULL, -1, t);
      a = gantry_assignment_new ((int) i + 1, t, res[i % 10], 1.0, 16 * H);
      gantry_project_add_assignment (p, a);
    }
  gantry_project_renumber (p);
  *sched = gantry_scheduler_new (p);
  gantry_scheduler_run (*sched);
  gantry_scheduler_set_auto (*sched, TRUE);
  gantry_resources_update (p);
  gantry_project_clear_history (p);
  return p;
}

/* The options dialog: bad dates are refused and named; a date range with
 * "within slack" levels as the engine does with the same options. */
static void
test_level_options_dialog (void)
{
  g_autoptr(GantryScheduler) sched = NULL, sched_q = NULL;
  g_autoptr(GantryProject) p = build_big_plan (60, &sched);
  g_autoptr(GantryProject) q = build_big_plan (60, &sched_q);
  GtkWidget *win, *view = show_view (p, &win);
  GtkWidget *dialog;
  g_autoptr(GError) error = NULL;
  GantryLevelOptions opt;
  GantryLevelOptions want = { gantry_time_make (2026, 3, 2, 8, 0, 0),
                              gantry_time_make (2026, 3, 13, 17, 0, 0), FALSE };
  guint n_delayed = 0;
  GPtrArray *tp, *tq;

  g_assert_true (gtk_widget_activate_action (view, "resources.level", NULL));
  gantry_ui_test_iterate (5);
  dialog = find_toplevel (GANTRY_TYPE_LEVEL_DIALOG);
  g_assert_nonnull (dialog);
  gantry_level_dialog_set_range_text (GANTRY_LEVEL_DIALOG (dialog), "2026-03-02", "someday");
  g_assert_false (gantry_level_dialog_get_options (GANTRY_LEVEL_DIALOG (dialog), &opt, &error));
  g_assert_nonnull (strstr (error->message, "someday"));
  g_clear_error (&error);
  gantry_level_dialog_set_range_text (GANTRY_LEVEL_DIALOG (dialog), "2026-03-13", "2026-03-02");
  g_assert_false (gantry_level_dialog_activate_level (GANTRY_LEVEL_DIALOG (dialog)));
  g_assert_false (gantry_resource_view_is_leveling (GANTRY_RESOURCE_VIEW (view)));
  g_assert_false (gantry_project_can_undo (p));

  gantry_level_dialog_set_within_slack (GANTRY_LEVEL_DIALOG (dialog), TRUE);
  gantry_level_dialog_set_range_text (GANTRY_LEVEL_DIALOG (dialog), "2026-03-02", "2026-03-13");
  g_assert_true (gantry_level_dialog_get_options (GANTRY_LEVEL_DIALOG (dialog), &opt, NULL));
  g_assert_true (opt.within_slack);
  gantry_level_dialog_set_within_slack (GANTRY_LEVEL_DIALOG (dialog), FALSE);
  g_assert_true (gantry_level_dialog_get_options (GANTRY_LEVEL_DIALOG (dialog), &opt, NULL));
  g_assert_cmpint (opt.from, ==, want.from);
  g_assert_cmpint (opt.to, ==, want.to);
  g_assert_false (opt.within_slack);
  gantry_ui_test_iterate (5);
  g_usleep (50000);
  gantry_ui_test_iterate (5);
  gantry_ui_test_save_png (gtk_window_get_child (GTK_WINDOW (dialog)), "level-options-light.png");
  g_assert_true (gantry_level_dialog_activate_level (GANTRY_LEVEL_DIALOG (dialog)));
  wait_levelled (GANTRY_RESOURCE_VIEW (view));

  /* the same as the engine gives for these options */
  g_assert_true (gantry_resources_level (q, &want, NULL, NULL, NULL, NULL));
  tp = gantry_project_get_all_tasks (p);
  tq = gantry_project_get_all_tasks (q);
  for (guint i = 0; i < tp->len; i++)
    {
      g_assert_cmpint (gantry_task_get_leveling_delay (g_ptr_array_index (tp, i)), ==,
                       gantry_task_get_leveling_delay (g_ptr_array_index (tq, i)));
      n_delayed += gantry_task_get_leveling_delay (g_ptr_array_index (tp, i)) > 0;
    }
  /* 6 tasks per resource start in the range: 5 of each wait */
  g_assert_cmpuint (n_delayed, ==, 50);
  g_assert_cmpstr (gantry_project_get_undo_label (p), ==, "Level Resources");

  /* Clear Levelling in the dialog: one more undo step, no delay left */
  g_assert_true (gtk_widget_activate_action (view, "resources.level", NULL));
  gantry_ui_test_iterate (5);
  dialog = find_toplevel (GANTRY_TYPE_LEVEL_DIALOG);
  g_signal_emit_by_name (dialog, "clear");
  gantry_ui_test_iterate (5);
  g_assert_null (find_toplevel (GANTRY_TYPE_LEVEL_DIALOG));
  g_assert_cmpstr (gantry_project_get_undo_label (p), ==, "Clear Levelling");
  for (guint i = 0; i < tp->len; i++)
    g_assert_cmpint (gantry_task_get_leveling_delay (g_ptr_array_index (tp, i)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (win));
  gantry_ui_test_iterate (5);
}

/* The progress window: Cancel leaves the plan exactly as it was with
 * nothing to undo; a run to the end is one undo step. */
static void
test_level_progress_window (void)
{
  g_autoptr(GantryScheduler) sched = NULL, sched_q = NULL;
  g_autoptr(GantryProject) p = build_big_plan (400, &sched);
  g_autoptr(GantryProject) q = build_big_plan (400, &sched_q);
  GtkWidget *win, *view = show_view (p, &win);
  GantryResourceView *rv = GANTRY_RESOURCE_VIEW (view);
  GtkWidget *prog;

  gantry_resource_view_set_progress_delay (rv, 0);
  g_assert_true (gantry_resource_view_level (rv, NULL));
  /* one run at a time */
  g_assert_false (gantry_resource_view_level (rv, NULL));
  prog = gantry_resource_view_get_level_progress (rv);
  g_assert_nonnull (prog);
  g_assert_true (GANTRY_IS_LEVEL_PROGRESS_WINDOW (prog));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (prog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prog)) == GTK_WINDOW (win));
  gantry_level_progress_window_cancel (GANTRY_LEVEL_PROGRESS_WINDOW (prog));
  wait_levelled (rv);
  g_assert_null (gantry_resource_view_get_level_progress (rv));
  g_assert_false (gantry_project_can_undo (p));
  gantry_test_assert_projects_identical (p, q);

  /* to the end: one undo step, none over-allocated, progress window gone */
  g_assert_true (gantry_resource_view_level (rv, NULL));
  g_assert_nonnull (gantry_resource_view_get_level_progress (rv));
  wait_levelled (rv);
  g_assert_null (gantry_resource_view_get_level_progress (rv));
  {
    g_autoptr(GArray) over = gantry_resources_find_overallocations (p);
    g_assert_cmpuint (over->len, ==, 0);
  }
  g_assert_cmpstr (gantry_project_get_undo_label (p), ==, "Level Resources");
  g_assert_true (gantry_project_undo (p));
  g_assert_false (gantry_project_can_undo (p));
  gantry_ui_test_iterate (5);

  /* closing the window while levelling runs cancels it */
  g_object_ref (rv);
  g_assert_true (gantry_resource_view_level (rv, NULL));
  gtk_window_destroy (GTK_WINDOW (win));
  for (int i = 0; i < 400 && gantry_resource_view_is_leveling (rv); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  gantry_ui_test_iterate (5);
  g_assert_false (gantry_resource_view_is_leveling (rv));
  g_object_unref (rv);
  g_assert_false (gantry_project_can_undo (p));
  g_assert_true (gantry_project_can_redo (p));
}

/* The progress window as users see it, at 42 %. */
static void
test_level_progress_screenshot (void)
{
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  GtkWidget *w = gantry_level_progress_window_new (NULL, cancel);

  gtk_window_present (GTK_WINDOW (w));
  gantry_level_progress_window_set_fraction (GANTRY_LEVEL_PROGRESS_WINDOW (w), 0.42);
  g_assert_cmpfloat (gantry_level_progress_window_get_fraction (GANTRY_LEVEL_PROGRESS_WINDOW (w)),
                     ==, 0.42);
  gantry_ui_test_iterate (5);
  g_usleep (50000);
  gantry_ui_test_iterate (5);
  gantry_ui_test_save_png (gtk_window_get_child (GTK_WINDOW (w)), "level-progress-light.png");
  /* closing it means Cancel; it stays until the run has stopped */
  gtk_window_close (GTK_WINDOW (w));
  gantry_ui_test_iterate (5);
  g_assert_true (g_cancellable_is_cancelled (cancel));
  g_assert_true (gtk_widget_get_visible (w));
  gtk_window_destroy (GTK_WINDOW (w));
  gantry_ui_test_iterate (5);
}

static void
set_field (GtkWidget *dialog, guint row, const char *field, const char *text)
{
  GtkWidget *w = gantry_task_dialog_get_assignment_field (GANTRY_TASK_DIALOG (dialog), row, field);

  g_assert_nonnull (w);
  gtk_editable_set_text (GTK_EDITABLE (w), text);
}

static const char *
get_field (GtkWidget *dialog, guint row, const char *field)
{
  GtkWidget *w = gantry_task_dialog_get_assignment_field (GANTRY_TASK_DIALOG (dialog), row, field);

  g_assert_nonnull (w);
  return gtk_editable_get_text (GTK_EDITABLE (w));
}

static GtkWidget *
find_notebook (GtkWidget *w)
{
  if (GTK_IS_NOTEBOOK (w))
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *n = find_notebook (c);
      if (n != NULL)
        return n;
    }
  return NULL;
}

/* The task dialog's Resources tab: units and work per assignment, as
 * Work = Duration × Units and the task type have it (reference §2.9). */
static void
test_task_dialog_work (void)
{
  g_autoptr(GantryScheduler) sched = NULL;
  g_autoptr(GantryProject) p = build_plan (&sched);
  GtkWidget *win, *view = show_view (p, &win);
  GantryTask *design = gantry_project_lookup_task (p, 1);
  GantryTask *test = gantry_project_lookup_task (p, 3);
  GantryResource *bo = gantry_project_lookup_resource (p, 2);
  GtkWidget *dialog;
  g_autoptr(GError) error = NULL;
  GPtrArray *as;

  (void) view;
  /* Design: Ana 24 h at 100 %, 3d */
  dialog = gantry_task_dialog_new (GTK_WINDOW (win), design);
  gtk_window_present (GTK_WINDOW (dialog));
  gantry_ui_test_iterate (5);
  g_assert_cmpstr (get_field (dialog, 0, "resource"), ==, "Ana Lima");
  g_assert_cmpstr (get_field (dialog, 0, "work"), ==, "24h");
  g_assert_null (gantry_task_dialog_get_assignment_field (GANTRY_TASK_DIALOG (dialog), 1, "work"));

  /* bad work: named, nothing applied */
  set_field (dialog, 0, "work", "lots");
  g_assert_false (gantry_task_dialog_apply (GANTRY_TASK_DIALOG (dialog), &error));
  g_assert_nonnull (strstr (error->message, "lots"));
  g_clear_error (&error);
  set_field (dialog, 0, "work", "-8h");
  g_assert_false (gantry_task_dialog_apply (GANTRY_TASK_DIALOG (dialog), &error));
  g_clear_error (&error);
  g_assert_false (gantry_project_can_undo (p));

  /* I19's rule: Fixed Units, 40 h at 100 % is 5d: Mon 2 → Fri 6 March */
  set_field (dialog, 0, "work", "40h");
  gtk_notebook_set_current_page (GTK_NOTEBOOK (find_notebook (dialog)), 2);
  gantry_ui_test_iterate (5);
  g_usleep (50000);
  gantry_ui_test_iterate (5);
  gantry_ui_test_save_png (find_notebook (dialog), "task-dialog-resources-light.png");
  g_assert_true (gantry_task_dialog_apply (GANTRY_TASK_DIALOG (dialog), &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gantry_ui_test_iterate (5);
  g_assert_cmpint (gantry_task_get_work (design), ==, 40 * H);
  g_assert_cmpint (gantry_task_get_duration (design), ==, 40 * H);
  g_assert_cmpint (gantry_task_get_finish (design), ==, gantry_time_make (2026, 3, 6, 17, 0, 0));
  g_assert_cmpstr (gantry_project_get_undo_label (p), ==, "Task Information");
  g_assert_true (gantry_project_undo (p));
  g_assert_false (gantry_project_can_undo (p));
  gantry_ui_test_iterate (5);
  g_assert_cmpint (gantry_task_get_work (design), ==, 24 * H);
  g_assert_cmpint (gantry_task_get_finish (design), ==, gantry_time_make (2026, 3, 4, 17, 0, 0));

  /* Test: Bo 20 h at 50 % over 5d.  Units 100 % keeps the 20 h
   * (Fixed Units: the duration follows): 2.5d, Mon 08:00 → Wed 12:00 */
  dialog = gantry_task_dialog_new (GTK_WINDOW (win), test);
  g_assert_cmpstr (get_field (dialog, 0, "work"), ==, "20h");
  set_field (dialog, 0, "units", "100%");
  g_assert_true (gantry_task_dialog_apply (GANTRY_TASK_DIALOG (dialog), NULL));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gantry_ui_test_iterate (5);
  as = gantry_task_get_assignments (test);
  g_assert_cmpfloat (gantry_assignment_get_units (g_ptr_array_index (as, 0)), ==, 1.0);
  g_assert_cmpint (gantry_assignment_get_work (g_ptr_array_index (as, 0)), ==, 20 * H);
  g_assert_cmpint (gantry_task_get_finish (test), ==, gantry_time_make (2026, 3, 4, 12, 0, 0));
  g_assert_true (gantry_project_undo (p));
  gantry_ui_test_iterate (5);

  /* a new row with its own work: Bo 10 h at 50 % on Design beside Ana */
  dialog = gantry_task_dialog_new (GTK_WINDOW (win), design);
  gantry_task_dialog_add_assignment_row (GANTRY_TASK_DIALOG (dialog));
  set_field (dialog, 1, "resource", "Bo Berg");
  set_field (dialog, 1, "units", "50%");
  set_field (dialog, 1, "work", "10h");
  g_assert_true (gantry_task_dialog_apply (GANTRY_TASK_DIALOG (dialog), NULL));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gantry_ui_test_iterate (5);
  as = gantry_task_get_assignments (design);
  g_assert_cmpuint (as->len, ==, 2);
  for (guint i = 0; i < as->len; i++)
    {
      GantryAssignment *a = g_ptr_array_index (as, i);
      g_assert_cmpint (gantry_assignment_get_work (a), ==,
                       gantry_assignment_get_resource (a) == bo ? 10 * H : 24 * H);
    }
  g_assert_cmpint (gantry_task_get_work (design), ==, 34 * H);
  /* the longer one decides: Ana's 3d */
  g_assert_cmpint (gantry_task_get_finish (design), ==, gantry_time_make (2026, 3, 4, 17, 0, 0));
  g_assert_true (gantry_project_undo (p));
  g_assert_false (gantry_project_can_undo (p));

  gtk_window_destroy (GTK_WINDOW (win));
  gantry_ui_test_iterate (5);
}

static GtkWidget *
open_editor (GtkWidget *win, GantryProject *p, GantryCalendar *cal)
{
  GtkWidget *ed = gantry_calendar_editor_new (GTK_WINDOW (win), p, cal);

  gtk_window_present (GTK_WINDOW (ed));
  gantry_ui_test_iterate (5);
  return ed;
}

/* Work weeks: added with their own weekday hours, edited, removed, each
 * Apply one undo step; bad input named; the plan follows. */
static void
test_calendar_work_weeks (void)
{
  g_autoptr(GantryScheduler) sched = NULL;
  g_autoptr(GantryProject) p = build_plan (&sched);
  GantryCalendar *cal = gantry_project_get_calendar (p);
  GtkWidget *win, *view = show_view (p, &win);
  GtkWidget *ed;
  g_autoptr(GError) error = NULL;
  GantryDayDef d;
  GantryTask *test = gantry_project_lookup_task (p, 3);
  const char *march[7] = { "nonworking", "08:00-12:00, 13:00-17:00", "08:00-12:00, 13:00-17:00",
                           "08:00-12:00, 13:00-17:00", "08:00-12:00, 13:00-17:00", "08:00-12:00",
                           "nonworking" };
  const GantryWorkWeek *ww;

  (void) view;
  ed = open_editor (win, p, cal);
  g_assert_cmpuint (gantry_calendar_editor_get_n_work_weeks (GANTRY_CALENDAR_EDITOR (ed)), ==, 0);
  gantry_calendar_editor_add_work_week (GANTRY_CALENDAR_EDITOR (ed), "Short Fridays", "2026-03-01",
                                        "2026-03-31", march);

  /* bad input: refused, named, nothing changes */
  gantry_calendar_editor_set_work_week_text (GANTRY_CALENDAR_EDITOR (ed), 0, "day", 5, "8 to 12");
  g_assert_false (gantry_calendar_editor_apply (GANTRY_CALENDAR_EDITOR (ed), &error));
  g_assert_nonnull (strstr (error->message, "Short Fridays"));
  g_assert_nonnull (strstr (error->message, "Friday"));
  g_clear_error (&error);
  gantry_calendar_editor_set_work_week_text (GANTRY_CALENDAR_EDITOR (ed), 0, "day", 5, "08:00-12:00");
  gantry_calendar_editor_set_work_week_text (GANTRY_CALENDAR_EDITOR (ed), 0, "to", 0, "2026-02-01");
  g_assert_false (gantry_calendar_editor_apply (GANTRY_CALENDAR_EDITOR (ed), &error));
  g_assert_nonnull (strstr (error->message, "Short Fridays"));
  g_clear_error (&error);
  gantry_calendar_editor_set_work_week_text (GANTRY_CALENDAR_EDITOR (ed), 0, "to", 0, "2026-03-31");
  gantry_calendar_editor_add_work_week (GANTRY_CALENDAR_EDITOR (ed), "Overlap", "2026-03-20",
                                        "2026-04-10", NULL);
  g_assert_false (gantry_calendar_editor_apply (GANTRY_CALENDAR_EDITOR (ed), &error));
  g_assert_nonnull (strstr (error->message, "overlap"));
  g_clear_error (&error);
  gantry_calendar_editor_set_work_week_text (GANTRY_CALENDAR_EDITOR (ed), 1, "from", 0, "2026-04-01");
  gantry_calendar_editor_set_work_week_text (GANTRY_CALENDAR_EDITOR (ed), 1, "name", 0, "April");
  g_assert_false (gantry_project_can_undo (p));
  g_assert_false (gantry_calendar_editor_set_work_week_text (GANTRY_CALENDAR_EDITOR (ed), 7, "name", 0, "x"));

  gantry_ui_test_iterate (5);
  g_usleep (50000);
  gantry_ui_test_iterate (5);
  save_png (gtk_window_get_child (GTK_WINDOW (ed)), "calendar-work-weeks-light.png");
  g_assert_true (gantry_calendar_editor_apply (GANTRY_CALENDAR_EDITOR (ed), &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (ed));
  gantry_ui_test_iterate (5);

  g_assert_cmpuint (gantry_calendar_get_n_work_weeks (cal), ==, 2);
  ww = gantry_calendar_get_work_week (cal, 0);
  g_assert_cmpstr (ww->name, ==, "Short Fridays");
  g_assert_cmpint (ww->from_day, ==, gantry_time_day_number (gantry_time_make (2026, 3, 1, 0, 0, 0)));
  g_assert_cmpint (ww->to_day, ==, gantry_time_day_number (gantry_time_make (2026, 3, 31, 0, 0, 0)));
  g_assert_cmpint (ww->days[5].n_ranges, ==, 1);
  g_assert_cmpint (ww->days[5].ranges[0].to, ==, 12 * 60);
  g_assert_cmpint (gantry_calendar_get_work_week (cal, 1)->days[1].kind, ==, GANTRY_DAY_DEFAULT);
  /* Friday 6 March is short; Friday 10 April (the "April" week, all
   * "default") is a whole day */
  gantry_calendar_resolve_day (cal, gantry_time_day_number (gantry_time_make (2026, 3, 6, 0, 0, 0)), &d);
  g_assert_cmpint (d.n_ranges, ==, 1);
  gantry_calendar_resolve_day (cal, gantry_time_day_number (gantry_time_make (2026, 4, 10, 0, 0, 0)), &d);
  g_assert_cmpint (d.n_ranges, ==, 2);
  /* the plan follows: Bo's 20 h at 50 % need Mon 2 – Mon 9 March 12:00
   * (4 h a day Mon–Thu, 2 h on the short Friday, 2 h on Monday) */
  gantry_ui_test_iterate (5);
  g_assert_cmpint (gantry_task_get_finish (test), ==, gantry_time_make (2026, 3, 9, 12, 0, 0));
  g_assert_cmpstr (gantry_project_get_undo_label (p), ==, "Change Working Time");

  /* reopened: the same weeks, and Apply without a change applies nothing */
  ed = open_editor (win, p, cal);
  g_assert_cmpuint (gantry_calendar_editor_get_n_work_weeks (GANTRY_CALENDAR_EDITOR (ed)), ==, 2);
  g_assert_true (gantry_calendar_editor_apply (GANTRY_CALENDAR_EDITOR (ed), NULL));
  g_assert_true (gantry_project_undo (p));
  g_assert_false (gantry_project_can_undo (p));
  g_assert_true (gantry_project_redo (p));
  /* edit: whole Fridays again in March; the task ends on Friday */
  gantry_calendar_editor_set_work_week_text (GANTRY_CALENDAR_EDITOR (ed), 0, "day", 5,
                                             "08:00-12:00, 13:00-17:00");
  g_assert_true (gantry_calendar_editor_apply (GANTRY_CALENDAR_EDITOR (ed), NULL));
  gtk_window_destroy (GTK_WINDOW (ed));
  gantry_ui_test_iterate (5);
  g_assert_cmpint (gantry_task_get_finish (test), ==, gantry_time_make (2026, 3, 6, 17, 0, 0));

  /* close without Apply: nothing changes */
  ed = open_editor (win, p, cal);
  gantry_calendar_editor_set_work_week_text (GANTRY_CALENDAR_EDITOR (ed), 0, "name", 0, "Renamed");
  gtk_widget_activate_action (ed, "window.close", NULL);
  gantry_ui_test_iterate (5);
  g_assert_cmpstr (gantry_calendar_get_work_week (cal, 0)->name, ==, "Short Fridays");

  /* remove both; one undo step brings them back */
  ed = open_editor (win, p, cal);
  g_assert_true (gantry_calendar_editor_remove_work_week (GANTRY_CALENDAR_EDITOR (ed), 1));
  g_assert_true (gantry_calendar_editor_remove_work_week (GANTRY_CALENDAR_EDITOR (ed), 0));
  g_assert_false (gantry_calendar_editor_remove_work_week (GANTRY_CALENDAR_EDITOR (ed), 0));
  g_assert_true (gantry_calendar_editor_apply (GANTRY_CALENDAR_EDITOR (ed), NULL));
  gtk_window_destroy (GTK_WINDOW (ed));
  g_assert_cmpuint (gantry_calendar_get_n_work_weeks (cal), ==, 0);
  g_assert_true (gantry_project_undo (p));
  g_assert_cmpuint (gantry_calendar_get_n_work_weeks (cal), ==, 2);
  g_assert_true (gantry_project_undo (p));
  g_assert_true (gantry_project_undo (p));
  g_assert_false (gantry_project_can_undo (p));
  g_assert_cmpuint (gantry_calendar_get_n_work_weeks (cal), ==, 0);
  gantry_ui_test_iterate (5);
  g_assert_cmpint (gantry_task_get_finish (test), ==, gantry_time_make (2026, 3, 6, 17, 0, 0));

  gtk_window_destroy (GTK_WINDOW (win));
  gantry_ui_test_iterate (5);
}

/* A resource on an elapsed task works around the clock (reference §2:
 * elapsed durations run through nights and weekends): 2 ed from Fri
 * 08:00 at 50 % is 8 h on Friday (16 h left of the day), 12 h on Saturday
 * and 4 h on Sunday up to 08:00, none on Monday. */
static void
test_usage_elapsed (void)
{
  g_autoptr(GantryProject) p = gantry_project_new ();
  g_autoptr(GantryCalendar) cal = gantry_calendar_new_standard (1, "Standard");
  g_autoptr(GantryResource) ana = gantry_resource_new (1, "Ana Lima");
  g_autoptr(GantryTask) task = gantry_task_new (1, "Hypercare");
  g_autoptr(GantryAssignment) a = NULL;
  g_autoptr(GantryScheduler) sched = NULL;
  GtkWidget *win, *view;
  GantryUsageView *usage;

  gantry_project_add_calendar (p, cal);
  gantry_project_set_calendar (p, cal);
  gantry_project_set_start (p, gantry_time_make (2026, 3, 6, 8, 0, 0));   /* Friday */
  gantry_project_add_resource (p, -1, ana);
  gantry_task_set_duration (task, 48 * H);
  gantry_task_set_duration_format (task, GANTRY_FORMAT_ELAPSED_DAYS);
  gantry_project_add_task (p, NULL, -1, task);
  a = gantry_assignment_new (1, task, ana, 0.5, 24 * H);
  gantry_project_add_assignment (p, a);
  gantry_project_renumber (p);
  sched = gantry_scheduler_new (p);
  gantry_scheduler_run (sched);
  g_assert_cmpint (gantry_assignment_get_finish (a), ==, gantry_time_make (2026, 3, 8, 8, 0, 0));

  view = show_view (p, &win);
  usage = gantry_resource_view_get_usage (GANTRY_RESOURCE_VIEW (view));
  g_assert_true (gtk_widget_activate_action (view, "resources.zoom", "i", (int) GANTRY_USAGE_DAY));
  /* rows: Ana, Hypercare; days from Fri 6 March */
  g_assert_cmpint (gantry_usage_view_get_cell (usage, 1, 0), ==, 8 * H);
  g_assert_cmpint (gantry_usage_view_get_cell (usage, 1, 1), ==, 12 * H);
  g_assert_cmpint (gantry_usage_view_get_cell (usage, 1, 2), ==, 4 * H);
  g_assert_cmpint (gantry_usage_view_get_cell (usage, 0, 1), ==, 12 * H);
  g_assert_cmpuint (gantry_usage_view_get_n_over_cells (usage), ==, 0);
  gtk_window_destroy (GTK_WINDOW (win));
  gantry_ui_test_iterate (5);
}

/* Work contours in the usage grid (days from Mon 2 March 2026, standard
 * calendar).  Ana: 40 h Back Loaded (10 15 25 50 50 75 75 100 100 100 %,
 * average 60 %) at 100 % lasts 66 h 40 min in segments of 400 working
 * minutes; per day, by hand: 400 × 10 % + 80 × 15 % = 52 min, then 88,
 * 180, 240, 340, (weekend), 380, 480, 480 and 160 min (2400 min = 40 h).
 * Bo: 40 h Bell (10 20 40 80 100 100 80 40 20 10 %, average 50 %) at
 * 100 % beside 40 h flat at 50 %: 10 days each, a Bell segment a day;
 * Thu 5: 8 h × 80 % + 4 h = 10 h 24 min; over-allocated (1.3, 1.5, 1.5,
 * 1.3 > 1.0) on Thu 5, Fri 6, Mon 9 and Tue 10 only. */
static void
test_usage_contour (void)
{
  static const int back_min[] = { 52, 88, 180, 240, 340, 0, 0, 380, 480, 480, 160, 0 };
  g_autoptr(GantryProject) p = gantry_project_new ();
  g_autoptr(GantryCalendar) cal = gantry_calendar_new_standard (1, "Standard");
  g_autoptr(GantryResource) ana = gantry_resource_new (1, "Ana Lima");
  g_autoptr(GantryResource) bo = gantry_resource_new (2, "Bo Chen");
  g_autoptr(GantryTask) back = gantry_task_new (1, "Back-loaded review");
  g_autoptr(GantryTask) bell = gantry_task_new (2, "Bell-shaped build");
  g_autoptr(GantryTask) flat = gantry_task_new (3, "Flat support");
  g_autoptr(GantryAssignment) a1 = NULL;
  g_autoptr(GantryAssignment) a2 = NULL;
  g_autoptr(GantryAssignment) a3 = NULL;
  g_autoptr(GantryScheduler) sched = NULL;
  GtkWidget *win, *view;
  GantryUsageView *usage;
  gint64 sum = 0;
  guint d;

  gantry_project_add_calendar (p, cal);
  gantry_project_set_calendar (p, cal);
  gantry_project_set_start (p, gantry_time_make (2026, 3, 2, 8, 0, 0));   /* Monday */
  gantry_project_add_resource (p, -1, ana);
  gantry_project_add_resource (p, -1, bo);
  gantry_task_set_duration (back, 40 * H);
  gantry_task_set_duration (bell, 80 * H);
  gantry_task_set_duration (flat, 80 * H);
  gantry_project_add_task (p, NULL, -1, back);
  gantry_project_add_task (p, NULL, -1, bell);
  gantry_project_add_task (p, NULL, -1, flat);
  a1 = gantry_assignment_new (1, back, ana, 1.0, 40 * H);
  gantry_assignment_set_work_contour (a1, 1);
  a2 = gantry_assignment_new (2, bell, bo, 1.0, 40 * H);
  gantry_assignment_set_work_contour (a2, 6);
  a3 = gantry_assignment_new (3, flat, bo, 0.5, 40 * H);
  gantry_project_add_assignment (p, a1);
  gantry_project_add_assignment (p, a2);
  gantry_project_add_assignment (p, a3);
  gantry_project_renumber (p);
  sched = gantry_scheduler_new (p);
  gantry_scheduler_run (sched);
  g_assert_cmpint (gantry_assignment_get_finish (a1), ==, gantry_time_make (2026, 3, 12, 10, 40, 0));
  g_assert_cmpint (gantry_assignment_get_finish (a2), ==, gantry_time_make (2026, 3, 13, 17, 0, 0));

  view = show_view (p, &win);
  usage = gantry_resource_view_get_usage (GANTRY_RESOURCE_VIEW (view));
  g_assert_true (gtk_widget_activate_action (view, "resources.zoom", "i", (int) GANTRY_USAGE_DAY));
  /* rows: Ana, Back-loaded review, Bo, Bell-shaped build, Flat support */
  g_assert_cmpuint (gantry_usage_view_get_n_rows (usage), ==, 5);
  for (d = 0; d < G_N_ELEMENTS (back_min); d++)
    {
      g_assert_cmpint (gantry_usage_view_get_cell (usage, 1, d), ==, back_min[d] * 60000);
      g_assert_cmpint (gantry_usage_view_get_cell (usage, 0, d), ==, back_min[d] * 60000);
      sum += gantry_usage_view_get_cell (usage, 1, d);
    }
  g_assert_cmpint (sum, ==, 40 * H);
  g_assert_cmpint (gantry_usage_view_get_cell (usage, 3, 0), ==, 48 * 60000);      /* 10 % */
  g_assert_cmpint (gantry_usage_view_get_cell (usage, 3, 3), ==, 384 * 60000);     /* 80 % */
  g_assert_cmpint (gantry_usage_view_get_cell (usage, 2, 3), ==, 624 * 60000);
  g_assert_cmpint (gantry_usage_view_get_cell (usage, 4, 3), ==, 4 * H);
  g_assert_cmpuint (gantry_usage_view_get_n_over_cells (usage), ==, 4);

  {
    GtkSettings *settings = gtk_settings_get_default ();
    const char *themes[] = { "light", "dark" };

    for (int t = 0; t < 2; t++)
      {
        g_autofree char *name = g_strdup_printf ("usage-contour-%s.png", themes[t]);
        g_object_set (settings, "gtk-application-prefer-dark-theme", t == 1, NULL);
        gantry_ui_test_iterate (5);
        g_usleep (50000);
        gantry_ui_test_iterate (5);
        save_png (view, name);
      }
    g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, NULL);
  }
  gtk_window_destroy (GTK_WINDOW (win));
  gantry_ui_test_iterate (5);
}

/* The task table's Work column: hidden until chosen under Columns; it
 * shows the task's total work and typing it follows §2.9 (Fixed Units:
 * 40 h at 100 % is 5d, Mon 2 → Fri 6 March). */
static void
test_table_work_column (void)
{
  g_autoptr(GantryScheduler) sched = NULL;
  g_autoptr(GantryProject) p = build_plan (&sched);
  GantryTask *design = gantry_project_lookup_task (p, 1);
  g_autoptr(GantryTask) plain = gantry_task_new (9, "Plain");
  GtkWidget *win = gtk_window_new ();
  GtkWidget *table = gantry_task_table_new ();
  GActionGroup *cols;
  g_autoptr(GVariant) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *cell;

  gantry_project_add_task (p, NULL, -1, plain);
  gantry_project_renumber (p);
  gantry_scheduler_run (sched);
  gantry_project_clear_history (p);
  gtk_window_set_default_size (GTK_WINDOW (win), 1400, 500);
  gtk_window_set_child (GTK_WINDOW (win), table);
  gantry_task_table_set_project (GANTRY_TASK_TABLE (table), p);
  gtk_window_present (GTK_WINDOW (win));
  gantry_ui_test_iterate (5);

  cols = gantry_task_table_get_column_actions (GANTRY_TASK_TABLE (table));
  state = g_action_group_get_action_state (cols, "show-work");
  g_assert_nonnull (state);
  g_assert_false (g_variant_get_boolean (state));
  g_action_group_change_action_state (cols, "show-work", g_variant_new_boolean (TRUE));
  gantry_ui_test_iterate (5);
  cell = gantry_task_table_find_cell (GANTRY_TASK_TABLE (table), design, GANTRY_FIELD_WORK);
  g_assert_nonnull (cell);

  text = gantry_edit_format_field (design, GANTRY_FIELD_WORK);
  g_assert_cmpstr (text, ==, "24 hrs");
  /* bad input: named, nothing applied */
  g_assert_false (gantry_edit_set_field_text (design, GANTRY_FIELD_WORK, "lots", &error));
  g_clear_error (&error);
  g_assert_false (gantry_edit_set_field_text (design, GANTRY_FIELD_WORK, "-4h", &error));
  g_clear_error (&error);
  g_assert_false (gantry_edit_set_field_text (design, GANTRY_FIELD_WORK, "2ed", &error));
  g_assert_nonnull (strstr (error->message, "2ed"));
  g_clear_error (&error);
  g_assert_false (gantry_edit_set_field_text (plain, GANTRY_FIELD_WORK, "8h", &error));
  g_assert_nonnull (strstr (error->message, "resource"));
  g_clear_error (&error);
  g_assert_false (gantry_project_can_undo (p));

  g_assert_true (gantry_edit_set_field_text (design, GANTRY_FIELD_WORK, "5d", &error));
  g_assert_no_error (error);
  gantry_ui_test_iterate (5);
  g_assert_cmpint (gantry_task_get_work (design), ==, 40 * H);
  g_assert_cmpint (gantry_task_get_finish (design), ==, gantry_time_make (2026, 3, 6, 17, 0, 0));
  g_clear_pointer (&text, g_free);
  text = gantry_edit_format_field (design, GANTRY_FIELD_WORK);
  g_assert_cmpstr (text, ==, "40 hrs");
  g_assert_cmpstr (gantry_project_get_undo_label (p), ==, "Set Work");
  g_assert_true (gantry_project_undo (p));
  g_assert_false (gantry_project_can_undo (p));
  gantry_ui_test_iterate (5);
  g_assert_cmpint (gantry_task_get_finish (design), ==, gantry_time_make (2026, 3, 4, 17, 0, 0));

  gtk_window_destroy (GTK_WINDOW (win));
  gantry_ui_test_iterate (5);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display (the README's test command provides Xvfb)");
      return g_test_run ();
    }
  g_test_add_func ("/ui/resources/sheet-edit-undo", test_sheet_edit_undo);
  g_test_add_func ("/ui/resources/empty-sheet-placeholder", test_empty_sheet_placeholder);
  g_test_add_func ("/ui/resources/empty-usage-placeholder", test_empty_usage_placeholder);
  g_test_add_func ("/ui/resources/selected-overallocated-contrast", test_selected_overallocated_contrast);
  g_test_add_func ("/ui/resources/usage-and-level", test_usage_and_level);
  g_test_add_func ("/ui/resources/usage-elapsed", test_usage_elapsed);
  g_test_add_func ("/ui/resources/usage-contour", test_usage_contour);
  g_test_add_func ("/ui/resources/day-text", test_day_text);
  g_test_add_func ("/ui/resources/calendar-editor", test_calendar_editor);
  g_test_add_func ("/ui/resources/calendar-work-weeks", test_calendar_work_weeks);
  g_test_add_func ("/ui/resources/level-options-dialog", test_level_options_dialog);
  g_test_add_func ("/ui/resources/task-dialog-work", test_task_dialog_work);
  g_test_add_func ("/ui/resources/table-work-column", test_table_work_column);
  g_test_add_func ("/ui/resources/level-progress-window", test_level_progress_window);
  g_test_add_func ("/ui/resources/level-progress-screenshot", test_level_progress_screenshot);
  return g_test_run ();
}
