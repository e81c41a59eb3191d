/* test-report-view.c — the Report view: shows the laid-out pages, edits of
 * the status summary and the status date go through undoable commands,
 * and the pages follow them.  Saves a screenshot (report-view.png in the
 * build folder) to look at.
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <string.h>

#include "gantry-report-view.h"
#include "report-test-plan.h"

static gboolean
wait_for (gboolean (*cond) (gpointer), gpointer data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!cond (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  return cond (data);
}

static gboolean
narrative_is_new (gpointer data)
{
  g_autofree char *text = NULL;

  g_object_get (data, "narrative", &text, NULL);
  return g_strcmp0 (text, "Build recovered two days this week.") == 0;
}

typedef struct
{
  GtkWidget  *button;
  const char *expected;
} LabelWait;

static gboolean
label_is (gpointer data)
{
  LabelWait *w = data;

  return g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (w->button)), w->expected) == 0;
}

/* A checksum of page 1 as drawn: changes when what the page says does. */
static char *
page_checksum (GantryReportDoc *doc)
{
  cairo_surface_t *img = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
  cairo_t *cr = cairo_create (img);
  char *sum;

  cairo_scale (cr, 0.5, 0.5);
  gantry_report_doc_render_page (doc, cr, 0, TRUE);
  cairo_destroy (cr);
  cairo_surface_flush (img);
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, cairo_image_surface_get_data (img),
                                     (gsize) cairo_image_surface_get_stride (img) * 421);
  cairo_surface_destroy (img);
  return sum;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL || renderer == NULL)
    return;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL ? g_getenv ("G_TEST_BUILDDIR")
                                                                : g_get_tmp_dir (),
                           name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
test_view (void)
{
  g_autoptr(GantryProject) p = rtp_status_plan ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = gantry_report_view_new ();
  GantryReportDoc *doc;
  GtkTextView *text_view = NULL;
  GtkCalendar *calendar = NULL;
  GtkWidget *date_button;
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 3, 13, 12, 0, 0);
  g_autofree char *narrative = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_null (gantry_report_view_get_doc (GANTRY_REPORT_VIEW (view)));
  gantry_report_view_set_project (GANTRY_REPORT_VIEW (view), p);
  doc = gantry_report_view_get_doc (GANTRY_REPORT_VIEW (view));
  g_assert_nonnull (doc);
  g_assert_cmpuint (gantry_report_doc_get_n_pages (doc), >=, 2);

  /* Find the text view and the calendar. */
  for (GtkWidget *w = gtk_widget_get_first_child (view); w != NULL; )
    {
      if (GTK_IS_TEXT_VIEW (w))
        text_view = GTK_TEXT_VIEW (w);
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != view && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w != NULL && w != view ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (text_view);
  {
    g_autofree char *shown = NULL;
    GtkTextIter a, b;

    gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (text_view), &a, &b);
    shown = gtk_text_buffer_get_text (gtk_text_view_get_buffer (text_view), &a, &b, FALSE);
    g_assert_nonnull (strstr (shown, "content API arrived late"));
  }

  /* Typing the summary: one undoable command after a short pause. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view),
                            "Build recovered two days this week.", -1);
  g_assert_true (wait_for (narrative_is_new, p));
  g_assert_true (gantry_project_can_undo (p));
  g_assert_true (gantry_project_undo (p));
  g_object_get (p, "narrative", &narrative, NULL);
  g_assert_nonnull (strstr (narrative, "content API arrived late"));
  g_assert_true (gantry_project_redo (p));
  g_assert_true (narrative_is_new (p));

  /* The status date through the calendar: 13 Mar at the default finish
   * time, undoable. */
  date_button = gtk_widget_get_first_child (gtk_widget_get_first_child (
                                              gtk_widget_get_first_child (view)));
  g_assert_true (GTK_IS_MENU_BUTTON (date_button));
  calendar = GTK_CALENDAR (gtk_popover_get_child (
                             gtk_menu_button_get_popover (GTK_MENU_BUTTON (date_button))));
  gtk_calendar_select_day (calendar, day);
  g_signal_emit_by_name (calendar, "day-selected");
  g_assert_cmpint (gantry_project_get_status_date (p), ==,
                   gantry_time_make (2026, 3, 13, 0, 0, 0)
                   + (gint64) gantry_project_get_default_finish_time (p) * GANTRY_MS_MINUTE);
  {
    g_autofree char *shown = gantry_time_format_display (gantry_project_get_status_date (p), FALSE);
    g_autofree char *label = g_strdup_printf ("Status date: %s", shown);
    LabelWait w = { date_button, label };

    g_assert_true (wait_for (label_is, &w));
    /* Undo puts the old date back on the button too. */
    g_assert_true (gantry_project_undo (p));
    g_assert_cmpint (gantry_project_get_status_date (p), ==, T (2026, 3, 11, 17));
    g_assert_false (label_is (&w));
    g_assert_true (gantry_project_redo (p));
    g_assert_true (label_is (&w));
  }

  gtk_widget_activate_action (view, "report.refresh", NULL);
  doc = gantry_report_view_get_doc (GANTRY_REPORT_VIEW (view));
  g_assert_nonnull (doc);
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  save_screenshot (window, "report-view.png");

  /* Hidden, a change only marks the pages stale; shown again, they are
   * laid out anew. */
  {
    GantryReportView *rv = GANTRY_REPORT_VIEW (view);
    g_autofree char *before = page_checksum (gantry_report_view_get_doc (rv));
    g_autofree char *hidden = NULL;
    g_autofree char *shown = NULL;

    gtk_widget_set_visible (view, FALSE);
    gantry_project_apply (p, gantry_command_set (p, "manager", "Robin Ames"));
    for (int i = 0; i < 40; i++)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (10000);
      }
    hidden = page_checksum (gantry_report_view_get_doc (rv));
    g_assert_cmpstr (hidden, ==, before);
    gtk_widget_set_visible (view, TRUE);
    shown = page_checksum (gantry_report_view_get_doc (rv));
    g_assert_cmpstr (shown, !=, before);
  }

  gantry_report_view_set_project (GANTRY_REPORT_VIEW (view), NULL);
  g_assert_null (gantry_report_view_get_doc (GANTRY_REPORT_VIEW (view)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display to open a window on (run under Xvfb)");
      return g_test_run ();
    }
  g_test_add_func ("/report/view/pages-summary-status-date", test_view);
  return g_test_run ();
}
