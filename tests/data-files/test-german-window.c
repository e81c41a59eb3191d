/* test-german-window.c — the Gantt view in German, with a screenshot
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Arguments (after the GTest ones):  PO-BUILDDIR LOCALEDEF-or-"" EXAMPLE-PLAN
 *
 * Compiles de_DE.UTF-8 privately (LOCPATH), binds the catalogue the build
 * made from po/de.po, opens the example plan in a real window and checks
 * that the task table's column titles and the window's labels are German.
 * Saves gantry-german.png into the build folder for a look by eye.  Needs
 * a display (the README's test command provides Xvfb).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "gantry-application.h"
#include "gantry-mspdi.h"
#include "gantry-window.h"
#include "gantry-ui-test-helper.h"

static GtkApplication *app;
static char *skip_reason;
static const char *example_path;

/* Every text shown by labels, inscriptions (the table's cells), buttons
 * and column headers under widget. */
static void
collect_texts (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_INSCRIPTION (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)) != NULL)
    g_string_append_printf (out, "%s\n", gtk_inscription_get_text (GTK_INSCRIPTION (widget)));
  else if (GTK_IS_COLUMN_VIEW (widget))
    {
      GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (widget));

      for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
        {
          g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (columns, i);
          g_string_append_printf (out, "%s\n", gtk_column_view_column_get_title (c));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

static void
test_gantt_view (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GantryProject) project = NULL;
  g_autoptr(GString) texts = g_string_new (NULL);
  GantryWindow *win;
  gint64 end;

  if (skip_reason != NULL)
    {
      g_test_skip (skip_reason);
      return;
    }

  project = gantry_mspdi_load (example_path, NULL, &error);
  g_assert_no_error (error);
  gantry_project_clear_history (project);

  win = gantry_window_new (app);
  gantry_window_set_project (win, project, NULL, GANTRY_FILE_FORMAT_MSPDI);
  gtk_window_set_default_size (GTK_WINDOW (win), 1400, 720);
  gtk_window_present (GTK_WINDOW (win));
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!gtk_widget_get_mapped (GTK_WIDGET (win)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (win)));
  gantry_ui_test_iterate (10);

  collect_texts (GTK_WIDGET (win), texts);
  g_test_message ("texts in the window:\n%s", texts->str);
  /* Column titles of the task table and the view switcher, in German. */
  g_assert_nonnull (strstr (texts->str, "Vorgangsname"));
  g_assert_nonnull (strstr (texts->str, "Dauer"));
  g_assert_nonnull (strstr (texts->str, "Anfang"));
  g_assert_nonnull (strstr (texts->str, "Vorgänger"));
  /* The example plan starts on 2 March 2026 (its <StartDate>): German
   * dates are day first with dots. */
  g_assert_nonnull (strstr (texts->str, "02.03.2026"));
  g_assert_null (strstr (texts->str, "03/02/2026"));
  g_assert_null (strstr (texts->str, "Task Name"));
  g_assert_null (strstr (texts->str, "Predecessors"));

  /* Let the window draw once (the paintable is empty before a frame). */
  end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  gantry_ui_test_save_png (GTK_WIDGET (win), "gantry-german.png");

  gantry_project_mark_saved (project);
  gtk_window_destroy (GTK_WINDOW (win));
  gantry_ui_test_iterate (3);
}

static char *
make_german_locale (const char *localedef)
{
  g_autofree char *dir = g_dir_make_tmp ("gantry-locale-XXXXXX", NULL);
  g_autofree char *out = NULL;
  int status = 0;
  const char *argv[] = { localedef, "-i", "de_DE", "-f", "UTF-8", NULL, NULL };

  if (localedef == NULL || *localedef == '\0' || dir == NULL)
    {
      skip_reason = g_strdup ("localedef not found (glibc’s locales package)");
      return NULL;
    }
  out = g_build_filename (dir, "de_DE.UTF-8", NULL);
  argv[5] = out;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, NULL)
      || !g_file_test (out, G_FILE_TEST_IS_DIR))
    skip_reason = g_strdup ("cannot compile the de_DE.UTF-8 locale with localedef");
  return g_steal_pointer (&dir);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_tree (child);
      }
  g_remove (path);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *locale_dir = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *xdg = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  if (argc < 4)
    {
      g_printerr ("usage: %s PO-BUILDDIR LOCALEDEF EXAMPLE-PLAN\n", argv[0]);
      return 2;
    }
  example_path = argv[3];

  mo = g_build_filename (argv[1], "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    skip_reason = g_strdup_printf ("no German catalogue built (%s)", mo);
  else if (!g_file_test (example_path, G_FILE_TEST_IS_REGULAR))
    skip_reason = g_strdup_printf ("no example plan (%s)", example_path);
  else
    locale_dir = make_german_locale (argv[2]);

  if (skip_reason == NULL)
    {
      /* gtk_init calls setlocale (LC_ALL, "") again: the environment must
       * name the German locale too, or dates fall back to C. */
      g_setenv ("LOCPATH", locale_dir, TRUE);
      g_setenv ("LANGUAGE", "de", TRUE);
      g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
      if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
        skip_reason = g_strdup ("setlocale (de_DE.UTF-8) failed even with LOCPATH");
      bindtextdomain (GETTEXT_PACKAGE, argv[1]);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  xdg = g_dir_make_tmp ("gantry-de-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", xdg, TRUE);
  g_setenv ("XDG_STATE_HOME", xdg, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  if (skip_reason == NULL && !gtk_init_check ())
    skip_reason = g_strdup ("no display (the README's test command provides Xvfb)");
  if (skip_reason == NULL)
    {
      app = GTK_APPLICATION (gantry_application_new (G_APPLICATION_NON_UNIQUE));
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
      g_application_hold (G_APPLICATION (app));
    }

  g_test_add_func ("/german/window/gantt-view", test_gantt_view);
  ret = g_test_run ();

  if (app != NULL)
    {
      g_application_release (G_APPLICATION (app));
      g_object_unref (app);
    }
  if (locale_dir != NULL)
    remove_tree (locale_dir);
  remove_tree (xdg);
  return ret;
}
