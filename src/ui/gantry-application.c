/* gantry-application.c — the GtkApplication
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gantry-application.h"
#include "gantry-window.h"
#include "gantry-preferences.h"
#include "gantry-recovery.h"
#include "gantry-resources.h"

struct _GantryApplication
{
  GtkApplication parent_instance;

  gboolean       recovery_offered;
};

G_DEFINE_FINAL_TYPE (GantryApplication, gantry_application, GTK_TYPE_APPLICATION)

void
gantry_ui_register_resources (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      gantry_register_resource ();
      g_once_init_leave (&done, 1);
    }
}

static GantryWindow *
pristine_window (GtkApplication *app)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (GANTRY_IS_WINDOW (l->data) && gantry_window_is_pristine (l->data))
      return l->data;
  return NULL;
}

/* Once per process, after the first window shows: offer what a crash left
 * in the recovery folder. */
static void
offer_recovery (GantryApplication *self,
                GtkWindow         *parent)
{
  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;
  gantry_recovery_offer (GTK_APPLICATION (self), parent);
}

/* Test hook: GANTRY_TEST_EDIT=1 makes an unsaved, undoable edit (a task
 * named "Autosave probe" appended) right after a plan opens. */
static void
test_edit (GantryWindow *window)
{
  GantryProject *project = gantry_window_get_project (window);
  GantryTask *root = gantry_project_get_root_task (project);
  GantryTask *task = gantry_task_new (gantry_project_next_task_uid (project), "Autosave probe");

  gantry_project_apply (project, gantry_command_insert_task (root, -1, task));
  g_object_unref (task);
  g_print ("gantry-test: edited\n");
  fflush (stdout);
}

static void
gantry_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (gantry_window_new (GTK_APPLICATION (app)));
  gtk_window_present (window);
  offer_recovery (GANTRY_APPLICATION (app), window);
}

static void
gantry_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      GantryWindow *window = pristine_window (GTK_APPLICATION (app));

      if (window == NULL)
        window = gantry_window_new (GTK_APPLICATION (app));
      gtk_window_present (GTK_WINDOW (window));
      if (gantry_window_load_file (window, files[i])
          && g_strcmp0 (g_getenv ("GANTRY_TEST_EDIT"), "1") == 0)
        test_edit (window);
      offer_recovery (GANTRY_APPLICATION (app), GTK_WINDOW (window));
    }
}

static void
action_new_window (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  GantryWindow *window = gantry_window_new (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
}

static void
action_quit (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* each window with unsaved changes asks before it goes */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static void
action_about (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  static const char *authors[] = { "The Gantry authors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_about_dialog (parent,
                         "program-name", _("Gantry"),
                         "logo-icon-name", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Plan projects on a Gantt chart, track them, and exchange plans with Microsoft Project."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         "copyright", "© 2026 The Gantry authors",
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
action_preferences (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GListModel *tops = gtk_window_get_toplevels ();
  GtkWidget *dialog = NULL;

  /* one Preferences dialog at a time */
  for (guint i = 0; dialog == NULL && i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (tops, i);

      if (gtk_widget_has_css_class (w, "gantry-preferences-dialog"))
        dialog = w;
    }
  if (dialog == NULL)
    dialog = gantry_preferences_dialog_new (parent);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The "date-format" preference: the style every date is shown in. */
static void
apply_date_format (GSettings         *settings,
                   const char        *key,
                   GantryApplication *self)
{
  int style = g_settings_get_enum (settings, "date-format");

  if (style == (int) gantry_time_get_display_style ())
    return;
  gantry_time_set_display_style (CLAMP (style, GANTRY_DATE_STYLE_LOCALE, GANTRY_DATE_STYLE_LONG));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GtkWidget *chart;

      if (!GANTRY_IS_WINDOW (l->data))
        continue;
      gantry_task_table_refresh_dates (gantry_window_get_task_table (l->data));
      chart = gantry_window_get_chart (l->data);
      if (chart != NULL)
        gtk_widget_queue_draw (chart);
    }
}

/* A window opened after the style changed still has the default column
 * widths. */
static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  if (GANTRY_IS_WINDOW (window) && gantry_time_get_display_style () != GANTRY_DATE_STYLE_LOCALE)
    gantry_task_table_refresh_dates (gantry_window_get_task_table (GANTRY_WINDOW (window)));
}

static const GActionEntry app_actions[] = {
  { "preferences", action_preferences, NULL, NULL, NULL, { 0 } },
  { "new-window", action_new_window, NULL, NULL, NULL, { 0 } },
  { "quit", action_quit, NULL, NULL, NULL, { 0 } },
  { "about", action_about, NULL, NULL, NULL, { 0 } },
};

static void
gantry_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *window_accels[] = { "<Control><Shift>n", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };

  gantry_ui_register_resources ();
  G_APPLICATION_CLASS (gantry_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window", window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);
  gtk_window_set_default_icon_name (APPLICATION_ID);

  {
    GSettings *settings = gantry_settings_get ();

    if (settings != NULL)
      {
        apply_date_format (settings, NULL, GANTRY_APPLICATION (app));
        g_signal_connect_object (settings, "changed::date-format",
                                 G_CALLBACK (apply_date_format), app, 0);
      }
  }
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);

  /* GtkApplication (unlike AdwApplication) does not load style.css itself */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/org/gantryplanner/Gantry/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
}

static void
gantry_application_class_init (GantryApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = gantry_application_startup;
  app_class->activate = gantry_application_activate;
  app_class->open = gantry_application_open;
}

static void
gantry_application_init (GantryApplication *self)
{
}

GantryApplication *
gantry_application_new (GApplicationFlags extra_flags)
{
  gantry_ui_register_resources ();
  return g_object_new (GANTRY_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | extra_flags,
                       "resource-base-path", "/org/gantryplanner/Gantry",
                       NULL);
}
