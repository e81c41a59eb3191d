/* gantry-window.c — a document window
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gantry-window.h"
#include "gantry-edit.h"
#include "gantry-mspdi.h"
#include "gantry-placeholder.h"
#include "gantry-preferences.h"
#include "gantry-recovery.h"
#include "gantry-scheduler.h"
#include "gantry-store.h"
#include "gantry-task-dialog.h"
#include "gantry-report-view.h"
#include "gantry-resource-view.h"
#include "gantry-risk-view.h"
#include "gantry-tracking-dialogs.h"
#ifdef GANTRY_HAVE_CHART
# include "gantry-chart.h"
#endif

struct _GantryWindow
{
  GtkApplicationWindow parent_instance;

  /* template */
  GtkWidget       *header_bar;
  GtkWidget       *recent_button;
  GtkWidget       *undo_button;
  GtkWidget       *redo_button;
  GtkWidget       *stack;
  GtkWidget       *paned;
  GtkWidget       *info_bar;
  GtkWidget       *info_label;
  GtkWidget       *autosave_bar;
  GtkWidget       *autosave_label;
  GtkWidget       *info_details;
  GtkWidget       *task_button;
  GtkWidget       *report_page;
  GtkWidget       *report_view;
  GtkWidget       *resources_page;
  GtkWidget       *resource_view;
  GtkWidget       *risk_view;
  GMenu           *columns_submenu;
  GMenuModel      *task_menu;

  GantryTaskTable *table;
  GtkWidget       *chart;
  GtkWidget       *chart_box;
  GtkAdjustment   *chart_hadj;
  GtkWidget       *context_popover;

  GantryProject   *project;
  GantryScheduler *scheduler;
  GFile           *file;
  GantryFileFormat format;
  GPtrArray       *import_warnings;
  GPtrArray       *import_moves;     /* GantryImportMove */
  GMenu           *recent_menu;
  gulong           recent_changed_id;
  gboolean         close_confirmed;
  int              zoom;

  /* autosave (gantry-recovery.h) */
  char            *recovery_id;
  guint            autosave_source;
  guint            autosave_interval;
  gboolean         autosave_dirty;
  gulong           settings_changed_id;
  /* the file as last read or written, to notice changes by others */
  gboolean         disk_known;
  guint64          disk_mtime_usec;
  goffset          disk_size;
  gboolean         overwrite_confirmed;
};

G_DEFINE_FINAL_TYPE (GantryWindow, gantry_window, GTK_TYPE_APPLICATION_WINDOW)

GantryFileFormat
gantry_file_format_for_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name ? name : "", -1);

  return g_str_has_suffix (lower, ".xml") ? GANTRY_FILE_FORMAT_MSPDI : GANTRY_FILE_FORMAT_NATIVE;
}

/* ---- title, undo state ------------------------------------------------- */

static void
update_title (GantryWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  gboolean modified = self->project && gantry_project_get_modified (self->project);

  if (self->file != NULL)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      name = info ? g_strdup (g_file_info_get_display_name (info)) : g_file_get_basename (self->file);
    }
  else
    name = g_strdup (_("Untitled Plan"));
  /* Translators: window title; the "•" marks unsaved changes */
  title = modified ? g_strdup_printf (_("• %s — Gantry"), name)
                   : g_strdup_printf (_("%s — Gantry"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_undo (GantryWindow *self)
{
  gboolean can_undo = self->project && gantry_project_can_undo (self->project);
  gboolean can_redo = self->project && gantry_project_can_redo (self->project);
  const char *ul = self->project ? gantry_project_get_undo_label (self->project) : NULL;
  const char *rl = self->project ? gantry_project_get_redo_label (self->project) : NULL;
  g_autofree char *ut = ul ? g_strdup_printf (_("Undo %s (Ctrl+Z)"), ul) : g_strdup (_("Undo (Ctrl+Z)"));
  g_autofree char *rt = rl ? g_strdup_printf (_("Redo %s (Ctrl+Shift+Z)"), rl) : g_strdup (_("Redo (Ctrl+Shift+Z)"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.redo", can_redo);
  gtk_widget_set_tooltip_text (self->undo_button, ut);
  gtk_widget_set_tooltip_text (self->redo_button, rt);
}

static void
on_project_notify (GantryProject *project,
                   GParamSpec    *pspec,
                   GantryWindow  *self)
{
  update_title (self);
  update_undo (self);
}

static void
on_project_changed (GantryProject *project,
                    guint          flags,
                    GPtrArray     *tasks,
                    GantryWindow  *self)
{
  self->autosave_dirty = TRUE;
  update_title (self);
  update_undo (self);
}

static void
on_scheduled (GantryScheduler *scheduler,
              GantryWindow    *self)
{
  GPtrArray *problems = gantry_scheduler_get_problems (scheduler);
  g_autoptr(GHashTable) set = g_hash_table_new (NULL, NULL);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      GantryProblem *p = g_ptr_array_index (problems, i);
      for (guint j = 0; p->tasks != NULL && j < p->tasks->len; j++)
        g_hash_table_add (set, g_ptr_array_index (p->tasks, j));
    }
  gantry_task_table_set_problem_tasks (self->table, set);
}

/* ---- dialogs ----------------------------------------------------------- */

static void
show_error (GantryWindow *self,
            const char   *primary,
            const char   *secondary)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  gtk_widget_add_css_class (dialog, "gantry-error-dialog");
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_warnings_dialog_response (GtkDialog *dialog,
                             int        response)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
import_move_free (gpointer data)
{
  GantryImportMove *m = data;

  g_object_unref (m->task);
  g_free (m);
}

/* The tasks whose dates scheduling changed from those stored in the file:
 * the file's dates (in outline order, taken before scheduling) compared
 * with each task's now.  A task the file gave no dates did not move. */
static void
collect_moves (GArray    *stored,
               GPtrArray *moves)
{
  for (guint i = 0; i < stored->len; i++)
    {
      GantryImportMove *was = &g_array_index (stored, GantryImportMove, i);

      if (was->file_start != GANTRY_TIME_NONE && was->file_finish != GANTRY_TIME_NONE
          && (was->file_start != gantry_task_get_start (was->task)
              || was->file_finish != gantry_task_get_finish (was->task)))
        {
          GantryImportMove *m = g_new (GantryImportMove, 1);

          *m = *was;
          g_object_ref (m->task);
          g_ptr_array_add (moves, m);
        }
    }
}

static GtkWidget *
report_row (const char *text,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, heading ? 12 : 6);
  gtk_widget_set_margin_bottom (label, 6);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static char *
describe_move (GantryImportMove *m)
{
  GantryTask *t = m->task;
  g_autofree char *fs = gantry_time_format_display (m->file_start, TRUE);
  g_autofree char *ff = gantry_time_format_display (m->file_finish, TRUE);
  g_autofree char *ns = gantry_time_format_display (gantry_task_get_start (t), TRUE);
  g_autofree char *nf = gantry_time_format_display (gantry_task_get_finish (t), TRUE);
  const char *name = gantry_task_get_name (t) ? gantry_task_get_name (t) : "";

  /* Translators: a task of the import report whose dates the scheduling
   * changed: its ID and name, then start and finish as in the file → now */
  return g_strdup_printf (_("%d  %s: start %s → %s, finish %s → %s"),
                          gantry_task_get_id (t), name, fs, ns, ff, nf);
}

static void
show_import_warnings (GantryWindow *self)
{
  GtkWidget *dialog, *scroller, *list, *area;
  guint n_warnings = self->import_warnings ? self->import_warnings->len : 0;
  guint n_moves = self->import_moves ? self->import_moves->len : 0;

  dialog = gtk_dialog_new_with_buttons (_("Import Report"), GTK_WINDOW (self),
                                        GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                        _("_Close"), GTK_RESPONSE_CLOSE, NULL);
  gtk_widget_add_css_class (dialog, "gantry-import-report");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 400);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  if (n_warnings > 0)
    {
      g_autofree char *h = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning: values repaired or left out",
                                                         "%u warnings: values repaired or left out", n_warnings),
                                            n_warnings);
      gtk_list_box_append (GTK_LIST_BOX (list), report_row (h, TRUE));
    }
  for (guint i = 0; i < n_warnings; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), report_row (g_ptr_array_index (self->import_warnings, i), FALSE));
  if (n_moves > 0)
    {
      g_autofree char *h = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u task whose dates moved when Gantry scheduled the plan",
                                                         "%u tasks whose dates moved when Gantry scheduled the plan",
                                                         n_moves),
                                            n_moves);
      gtk_list_box_append (GTK_LIST_BOX (list), report_row (h, TRUE));
    }
  for (guint i = 0; i < n_moves; i++)
    {
      g_autofree char *text = describe_move (g_ptr_array_index (self->import_moves, i));

      gtk_list_box_append (GTK_LIST_BOX (list), report_row (text, FALSE));
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_widget_set_vexpand (scroller, TRUE);
  area = gtk_dialog_get_content_area (GTK_DIALOG (dialog));
  gtk_box_append (GTK_BOX (area), scroller);
  g_signal_connect (dialog, "response", G_CALLBACK (on_warnings_dialog_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_info_details_clicked (GtkButton    *button,
                         GantryWindow *self)
{
  show_import_warnings (self);
}

static void
on_info_bar_response (GtkInfoBar   *bar,
                      int           response,
                      GantryWindow *self)
{
  gtk_info_bar_set_revealed (bar, FALSE);
}

static void
show_import_report (GantryWindow *self,
                    GFile        *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;
  guint n = self->import_warnings ? self->import_warnings->len : 0;
  guint n_moves = self->import_moves ? self->import_moves->len : 0;
  g_autofree char *moved = NULL;

  if (n == 0 && n_moves == 0)
    {
      gtk_info_bar_set_revealed (GTK_INFO_BAR (self->info_bar), FALSE);
      return;
    }
  if (n > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "“%s” was imported with %u warning: some values were repaired or left out.",
                                         "“%s” was imported with %u warnings: some values were repaired or left out.",
                                         n),
                            name, n);
  if (n_moves > 0)
    moved = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Scheduling moved the dates of %u task from those in the file.",
                                          "Scheduling moved the dates of %u tasks from those in the file.",
                                          n_moves),
                             n_moves);
  if (text != NULL && moved != NULL)
    {
      char *both = g_strconcat (text, " ", moved, NULL);

      g_free (text);
      text = both;
    }
  else if (text == NULL)
    {
      /* Translators: %s is the file name, then a sentence about the
       * tasks whose dates moved */
      text = g_strdup_printf (_("“%s” was imported. %s"), name, moved);
    }
  gtk_label_set_text (GTK_LABEL (self->info_label), text);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->info_bar), TRUE);
}

/* ---- document ---------------------------------------------------------- */

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

static gboolean
query_disk (GFile   *file,
            guint64 *mtime_usec,
            goffset *size)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC
                            "," G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return FALSE;
  *mtime_usec = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC
                + g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  *size = g_file_info_get_size (info);
  return TRUE;
}

static void
remember_disk (GantryWindow *self)
{
  self->disk_known = self->file != NULL
                     && query_disk (self->file, &self->disk_mtime_usec, &self->disk_size);
}

/* TRUE when file is our file and another program changed it since we
 * read or wrote it. */
static gboolean
changed_on_disk (GantryWindow *self,
                 GFile        *file)
{
  guint64 mtime;
  goffset size;

  if (!self->disk_known || self->file == NULL || !g_file_equal (file, self->file))
    return FALSE;
  if (!query_disk (file, &mtime, &size))
    return FALSE;   /* deleted or unreadable: nothing to overwrite */
  return mtime != self->disk_mtime_usec || size != self->disk_size;
}

void
gantry_window_set_project (GantryWindow    *self,
                           GantryProject   *project,
                           GFile           *file,
                           GantryFileFormat format)
{
  g_return_if_fail (GANTRY_IS_WINDOW (self));
  g_return_if_fail (GANTRY_IS_PROJECT (project));

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  if (self->scheduler != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->scheduler, self);
      gantry_scheduler_set_auto (self->scheduler, FALSE);
      g_clear_object (&self->scheduler);
    }
  g_set_object (&self->project, project);
  g_set_object (&self->file, file);
  self->format = format;
  self->disk_known = FALSE;
  self->autosave_dirty = FALSE;

  self->scheduler = gantry_scheduler_new (project);
  if (g_signal_lookup ("scheduled", GANTRY_TYPE_SCHEDULER) != 0)
    g_signal_connect (self->scheduler, "scheduled", G_CALLBACK (on_scheduled), self);
  gantry_scheduler_run (self->scheduler);
  gantry_scheduler_set_auto (self->scheduler, TRUE);
  gantry_project_renumber (project);

  g_signal_connect (project, "notify::modified", G_CALLBACK (on_project_notify), self);
  g_signal_connect (project, "notify::can-undo", G_CALLBACK (on_project_notify), self);
  g_signal_connect (project, "notify::can-redo", G_CALLBACK (on_project_notify), self);
  g_signal_connect (project, "changed", G_CALLBACK (on_project_changed), self);

  gantry_task_table_set_project (self->table, project);
  gantry_report_view_set_project (GANTRY_REPORT_VIEW (self->report_view), project);
  gantry_resource_view_set_project (GANTRY_RESOURCE_VIEW (self->resource_view), project);
  gantry_risk_view_set_project (GANTRY_RISK_VIEW (self->risk_view), project);
#ifdef GANTRY_HAVE_CHART
  gantry_chart_set_project (GANTRY_CHART (self->chart), project);
#endif
  on_scheduled (self->scheduler, self);
  update_title (self);
  update_undo (self);
}

GantryProject *
gantry_window_get_project (GantryWindow *self)
{
  g_return_val_if_fail (GANTRY_IS_WINDOW (self), NULL);
  return self->project;
}

GFile *
gantry_window_get_file (GantryWindow *self)
{
  g_return_val_if_fail (GANTRY_IS_WINDOW (self), NULL);
  return self->file;
}

GantryTaskTable *
gantry_window_get_task_table (GantryWindow *self)
{
  g_return_val_if_fail (GANTRY_IS_WINDOW (self), NULL);
  return self->table;
}

GtkWidget *
gantry_window_get_chart (GantryWindow *self)
{
  g_return_val_if_fail (GANTRY_IS_WINDOW (self), NULL);
  return self->chart;
}

GPtrArray *
gantry_window_get_import_moves (GantryWindow *self)
{
  g_return_val_if_fail (GANTRY_IS_WINDOW (self), NULL);
  return self->import_moves;
}

GPtrArray *
gantry_window_get_import_warnings (GantryWindow *self)
{
  g_return_val_if_fail (GANTRY_IS_WINDOW (self), NULL);
  return self->import_warnings;
}

gboolean
gantry_window_is_pristine (GantryWindow *self)
{
  g_return_val_if_fail (GANTRY_IS_WINDOW (self), FALSE);
  return self->file == NULL && self->project != NULL
         && !gantry_project_get_modified (self->project)
         && !gantry_project_can_undo (self->project);
}

gboolean
gantry_window_load_file (GantryWindow *self,
                         GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GantryProject) project = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *path = NULL;
  GantryFileFormat format;

  g_return_val_if_fail (GANTRY_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  format = gantry_file_format_for_file (file);
  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("Only local files can be opened."));
  else if (format == GANTRY_FILE_FORMAT_MSPDI)
    project = gantry_mspdi_load (path, &warnings, &error);
  else
    project = gantry_store_load (path, &error);

  if (project == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *primary = g_strdup_printf (_("Could not open “%s”"), name);
      g_autofree char *secondary = g_strdup_printf (_("%s\n\nThe plan you are working on was not changed."),
                                                    error ? error->message : _("Unknown error."));
      show_error (self, primary, secondary);
      return FALSE;
    }

  gantry_project_clear_history (project);
  /* the dates MS Project stored, to report what scheduling moves */
  g_clear_pointer (&self->import_moves, g_ptr_array_unref);
  self->import_moves = g_ptr_array_new_with_free_func (import_move_free);
  if (format == GANTRY_FILE_FORMAT_MSPDI)
    {
      GPtrArray *tasks = gantry_project_get_all_tasks (project);
      g_autoptr(GArray) stored = g_array_sized_new (FALSE, FALSE, sizeof (GantryImportMove), tasks->len);

      /* the project keeps its tasks: no reference is needed meanwhile */
      for (guint i = 0; i < tasks->len; i++)
        {
          GantryTask *t = g_ptr_array_index (tasks, i);
          GantryImportMove was = { t, gantry_task_get_start (t), gantry_task_get_finish (t) };

          g_array_append_val (stored, was);
        }
      gantry_window_set_project (self, project, file, format);
      collect_moves (stored, self->import_moves);
    }
  else
    gantry_window_set_project (self, project, file, format);
  g_clear_pointer (&self->import_warnings, g_ptr_array_unref);
  self->import_warnings = warnings ? g_ptr_array_ref (warnings) : g_ptr_array_new_with_free_func (g_free);
  if (format == GANTRY_FILE_FORMAT_MSPDI)
    show_import_report (self, file);
  else
    gtk_info_bar_set_revealed (GTK_INFO_BAR (self->info_bar), FALSE);
  remember_disk (self);
  add_recent (file);
  return TRUE;
}

typedef struct
{
  GantryWindow    *self;
  GFile           *file;
  GantryFileFormat format;
} OverwriteData;

static void
overwrite_data_free (gpointer data)
{
  OverwriteData *od = data;

  g_object_unref (od->file);
  g_free (od);
}

enum { RESPONSE_OVERWRITE = 1 };

static void
on_overwrite_response (GtkDialog     *dialog,
                       int            response,
                       OverwriteData *od)
{
  GantryWindow *self = od->self;
  g_autoptr(GFile) file = g_object_ref (od->file);
  GantryFileFormat format = od->format;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == RESPONSE_OVERWRITE)
    {
      self->overwrite_confirmed = TRUE;
      gantry_window_save_to_file (self, file, format);
      self->overwrite_confirmed = FALSE;
    }
}

static void
ask_overwrite (GantryWindow    *self,
               GFile           *file,
               GantryFileFormat format)
{
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog;
  OverwriteData *od = g_new0 (OverwriteData, 1);

  od->self = self;
  od->file = g_object_ref (file);
  od->format = format;
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   _("“%s” was changed by another program"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("The file changed on disk after you opened it. Overwriting it replaces those changes with this plan; Cancel keeps both, so that you can save this plan under another name."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Overwrite"), RESPONSE_OVERWRITE,
                          NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), RESPONSE_OVERWRITE),
                            "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  gtk_widget_add_css_class (dialog, "gantry-changed-on-disk-dialog");
  g_object_set_data_full (G_OBJECT (dialog), "gantry-overwrite", od, overwrite_data_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_overwrite_response), od);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
gantry_window_save_to_file (GantryWindow    *self,
                            GFile           *file,
                            GantryFileFormat format)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean ok;

  g_return_val_if_fail (GANTRY_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!self->overwrite_confirmed && changed_on_disk (self, file))
    {
      ask_overwrite (self, file, format);
      return FALSE;
    }
  self->overwrite_confirmed = FALSE;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be saved."));
      ok = FALSE;
    }
  else if (format == GANTRY_FILE_FORMAT_MSPDI)
    {
      GSettings *settings = gantry_settings_get ();
      GantryMspdiWriteFlags flags = GANTRY_MSPDI_WRITE_DEFAULT;

      if (settings == NULL || g_settings_get_boolean (settings, "keep-unknown-mspdi"))
        flags |= GANTRY_MSPDI_WRITE_KEEP_UNKNOWN;
      ok = gantry_mspdi_save (self->project, path, flags, &error);
    }
  else
    ok = gantry_store_save (self->project, path, &error);

  if (!ok)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *primary = g_strdup_printf (_("Could not save “%s”"), name);
      g_autofree char *secondary = g_strdup_printf (_("%s\n\nYour changes are still open here; try another folder or name."),
                                                    error ? error->message : _("Unknown error."));
      show_error (self, primary, secondary);
      return FALSE;
    }
  gantry_project_mark_saved (self->project);
  g_set_object (&self->file, file);
  self->format = format;
  remember_disk (self);
  self->autosave_dirty = FALSE;
  if (self->recovery_id != NULL)
    gantry_recovery_remove (self->recovery_id);
  add_recent (file);
  update_title (self);
  if (format == GANTRY_FILE_FORMAT_MSPDI)
    gantry_tracking_warn_mspdi_export (GTK_WINDOW (self), self->project);
  return TRUE;
}

/* ---- file choosers ----------------------------------------------------- */

static GtkFileFilter *
make_filter (const char *name,
             const char *pattern1,
             const char *pattern2)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern1);
  if (pattern2)
    gtk_file_filter_add_pattern (filter, pattern2);
  return filter;
}

static void
open_in_window (GantryWindow *self,
                GFile        *file)
{
  GantryWindow *target = self;

  if (!gantry_window_is_pristine (self))
    {
      target = gantry_window_new (gtk_window_get_application (GTK_WINDOW (self)));
      gtk_window_present (GTK_WINDOW (target));
    }
  if (!gantry_window_load_file (target, file) && target != self)
    gtk_window_destroy (GTK_WINDOW (target));
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  GantryWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (file != NULL)
        open_in_window (self, file);
    }
  g_object_unref (dialog);
}

static void
action_open (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  GantryWindow *self = GANTRY_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Plan"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser),
                               make_filter (_("All Plans"), "*.gantry", "*.xml"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser),
                               make_filter (_("Gantry Plans"), "*.gantry", NULL));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser),
                               make_filter (_("MS Project XML"), "*.xml", NULL));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_open_recent (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  open_in_window (GANTRY_WINDOW (widget), file);
}

typedef void (*SavedFunc) (GantryWindow *self);

static void
on_save_as_response (GtkNativeDialog *dialog,
                     int              response,
                     GantryWindow    *self)
{
  SavedFunc then = g_object_get_data (G_OBJECT (dialog), "then");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
      gboolean xml = filter != NULL && g_object_get_data (G_OBJECT (filter), "mspdi") != NULL;
      g_autofree char *base = file ? g_file_get_basename (file) : NULL;
      g_autofree char *lower = g_ascii_strdown (base ? base : "", -1);
      GantryFileFormat format;

      if (file != NULL)
        {
          if (g_str_has_suffix (lower, ".xml"))
            format = GANTRY_FILE_FORMAT_MSPDI;
          else if (g_str_has_suffix (lower, ".gantry"))
            format = GANTRY_FILE_FORMAT_NATIVE;
          else
            {
              g_autoptr(GFile) parent = g_file_get_parent (file);
              g_autofree char *named = g_strconcat (base, xml ? ".xml" : ".gantry", NULL);
              g_autoptr(GFile) named_file = g_file_get_child (parent, named);

              format = xml ? GANTRY_FILE_FORMAT_MSPDI : GANTRY_FILE_FORMAT_NATIVE;
              g_set_object (&file, named_file);
            }
          if (gantry_window_save_to_file (self, file, format) && then != NULL)
            then (self);
        }
    }
  g_object_unref (dialog);
}

static void
save_as (GantryWindow *self,
         SavedFunc     then)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *native = make_filter (_("Gantry Plan (.gantry)"), "*.gantry", NULL);
  GtkFileFilter *xml = make_filter (_("MS Project XML (.xml)"), "*.xml", NULL);

  g_object_set_data (G_OBJECT (xml), "mspdi", GINT_TO_POINTER (1));
  chooser = gtk_file_chooser_native_new (_("Save Plan As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), native);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xml);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser),
                               self->format == GANTRY_FILE_FORMAT_MSPDI && self->file ? xml : native);
  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Untitled Plan.gantry"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "then", then);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_save_as (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  save_as (GANTRY_WINDOW (widget), NULL);
}

static void
action_save (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  GantryWindow *self = GANTRY_WINDOW (widget);

  if (self->file == NULL)
    save_as (self, NULL);
  else
    gantry_window_save_to_file (self, self->file, self->format);
}

static void
action_new (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  GantryWindow *self = GANTRY_WINDOW (widget);
  GantryWindow *win = gantry_window_new (gtk_window_get_application (GTK_WINDOW (self)));

  gtk_window_present (GTK_WINDOW (win));
}

static void
action_close (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
action_undo (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  GantryWindow *self = GANTRY_WINDOW (widget);

  if (self->project != NULL)
    gantry_project_undo (self->project);
}

static void
action_redo (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  GantryWindow *self = GANTRY_WINDOW (widget);

  if (self->project != NULL)
    gantry_project_redo (self->project);
}

/* ---- close ------------------------------------------------------------- */

static gboolean
close_idle (gpointer data)
{
  GantryWindow *self = data;

  self->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

/* From an idle: the dialog that asked goes first (it still points at us). */
static void
close_now (GantryWindow *self)
{
  g_idle_add (close_idle, g_object_ref (self));
}

enum { RESPONSE_DISCARD = 1, RESPONSE_SAVE = 2 };

static void
on_unsaved_response (GtkDialog    *dialog,
                     int           response,
                     GantryWindow *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == RESPONSE_DISCARD)
    close_now (self);
  else if (response == RESPONSE_SAVE)
    {
      if (self->file == NULL)
        save_as (self, close_now);
      else if (gantry_window_save_to_file (self, self->file, self->format))
        close_now (self);
    }
}

static gboolean
gantry_window_close_request (GtkWindow *window)
{
  GantryWindow *self = GANTRY_WINDOW (window);
  GtkWidget *dialog;
  g_autofree char *name = NULL;

  if (self->close_confirmed || self->project == NULL || !gantry_project_get_modified (self->project))
    return GTK_WINDOW_CLASS (gantry_window_parent_class)->close_request (window);

  name = self->file ? g_file_get_basename (self->file) : g_strdup (_("Untitled Plan"));
  dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Save changes to “%s” before closing?"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("If you don’t save, your changes since the last save will be lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Discard"), RESPONSE_DISCARD,
                          _("_Save"), RESPONSE_SAVE,
                          NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), RESPONSE_DISCARD),
                            "destructive-action");
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), RESPONSE_SAVE),
                            "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_SAVE);
  gtk_widget_add_css_class (dialog, "gantry-unsaved-dialog");
  g_signal_connect (dialog, "response", G_CALLBACK (on_unsaved_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* ---- task actions ------------------------------------------------------ */

static GPtrArray *
selected (GantryWindow *self)
{
  return gantry_task_table_get_selected_tasks (self->table);
}

static void
action_insert (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  GantryWindow *self = GANTRY_WINDOW (widget);
  g_autoptr(GPtrArray) sel = selected (self);
  GantryTask *task;

  if (self->project == NULL)
    return;
  task = gantry_edit_insert_task (self->project, sel->len > 0 ? g_ptr_array_index (sel, 0) : NULL);
  if (task != NULL)
    gantry_task_table_select_task (self->table, task);
}

static void
action_delete (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  GantryWindow *self = GANTRY_WINDOW (widget);
  g_autoptr(GPtrArray) sel = selected (self);
  int row = -1;

  if (self->project == NULL || sel->len == 0)
    return;
  row = gantry_task_table_find_row (self->table, g_ptr_array_index (sel, 0));
  if (gantry_edit_delete_tasks (self->project, sel) && row >= 0)
    {
      GtkSelectionModel *model = gantry_task_table_get_selection (self->table);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

      if (n > 0)
        gtk_selection_model_select_item (model, MIN ((guint) row, n - 1), TRUE);
    }
}

typedef gboolean (*EditFunc) (GantryProject *project, GPtrArray *tasks);

static void
run_structural (GantryWindow *self,
                EditFunc      func)
{
  g_autoptr(GPtrArray) sel = selected (self);

  if (self->project == NULL || sel->len == 0)
    return;
  if (func (self->project, sel))
    gantry_task_table_select_tasks (self->table, sel);
}

static void
action_indent (GtkWidget *w, const char *n, GVariant *p)
{
  run_structural (GANTRY_WINDOW (w), gantry_edit_indent);
}

static void
action_outdent (GtkWidget *w, const char *n, GVariant *p)
{
  run_structural (GANTRY_WINDOW (w), gantry_edit_outdent);
}

static void
action_move_up (GtkWidget *w, const char *n, GVariant *p)
{
  run_structural (GANTRY_WINDOW (w), gantry_edit_move_up);
}

static void
action_move_down (GtkWidget *w, const char *n, GVariant *p)
{
  run_structural (GANTRY_WINDOW (w), gantry_edit_move_down);
}

static void
action_link (GtkWidget *w, const char *n, GVariant *p)
{
  run_structural (GANTRY_WINDOW (w), gantry_edit_link);
}

static void
action_unlink (GtkWidget *w, const char *n, GVariant *p)
{
  run_structural (GANTRY_WINDOW (w), gantry_edit_unlink);
}

static void
action_toggle_milestone (GtkWidget *w, const char *n, GVariant *p)
{
  run_structural (GANTRY_WINDOW (w), gantry_edit_toggle_milestone);
}

static void
action_copy (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  GantryWindow *self = GANTRY_WINDOW (widget);
  g_autoptr(GPtrArray) sel = selected (self);
  g_autoptr(GPtrArray) tops = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GdkContentProvider *parts[2];

  if (self->project == NULL || sel->len == 0)
    return;
  bytes = gantry_edit_serialize_tasks (self->project, sel);
  tops = gantry_edit_top_tasks (self->project, sel);
  for (guint i = 0; i < sel->len; i++)
    {
      GantryTask *t = g_ptr_array_index (sel, i);
      g_string_append_printf (text, "%s\n", gantry_task_get_name (t) ? gantry_task_get_name (t) : "");
    }
  parts[0] = gdk_content_provider_new_for_bytes (GANTRY_TASKS_MIME_TYPE, bytes);
  parts[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text->str);
  provider = gdk_content_provider_new_union (parts, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), provider);
}

static void
action_cut (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  GantryWindow *self = GANTRY_WINDOW (widget);
  g_autoptr(GPtrArray) sel = selected (self);

  if (self->project == NULL || sel->len == 0)
    return;
  action_copy (widget, name, param);
  gantry_project_begin_group (self->project, _("Cut Tasks"));
  gantry_edit_delete_tasks (self->project, sel);
  gantry_project_end_group (self->project);
}

typedef struct
{
  GantryWindow *self;
  GOutputStream *out;
} PasteData;

static void
paste_data_free (PasteData *data)
{
  g_object_unref (data->self);
  g_clear_object (&data->out);
  g_free (data);
}

static void
paste_bytes (GantryWindow *self,
             GBytes       *bytes)
{
  g_autoptr(GPtrArray) sel = selected (self);
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GError) error = NULL;
  GantryTask *parent = gantry_project_get_root_task (self->project);
  int position = -1;

  if (sel->len > 0)
    {
      GantryTask *first = g_ptr_array_index (sel, 0);
      parent = gantry_task_get_parent (first);
      position = gantry_task_get_position (first);
    }
  if (!gantry_edit_paste_tasks (self->project, parent, position, bytes, &pasted, &error))
    {
      show_error (self, _("Could not paste"), error->message);
      return;
    }
  gantry_task_table_select_tasks (self->table, pasted);
}

static void
on_paste_spliced (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PasteData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) >= 0)
    {
      g_autoptr(GBytes) bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (data->out));
      if (data->self->project != NULL)
        paste_bytes (data->self, bytes);
    }
  paste_data_free (data);
}

static void
on_clipboard_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PasteData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) in = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, &error);

  if (in == NULL)
    {
      paste_data_free (data);
      return;
    }
  data->out = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (data->out, in,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_paste_spliced, data);
}

static void
action_paste (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  GantryWindow *self = GANTRY_WINDOW (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  static const char *mime_types[] = { GANTRY_TASKS_MIME_TYPE, NULL };
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);
  PasteData *data;

  if (self->project == NULL || !gdk_content_formats_contain_mime_type (formats, GANTRY_TASKS_MIME_TYPE))
    return;
  data = g_new0 (PasteData, 1);
  data->self = g_object_ref (self);
  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL, on_clipboard_read, data);
}

static void
action_scroll_to (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  GantryWindow *self = GANTRY_WINDOW (widget);
  g_autoptr(GPtrArray) sel = selected (self);

  if (sel->len == 0)
    return;
  gantry_task_table_select_task (self->table, g_ptr_array_index (sel, 0));
#ifdef GANTRY_HAVE_CHART
  gantry_chart_scroll_to_task (GANTRY_CHART (self->chart), g_ptr_array_index (sel, 0));
#endif
}

static void
open_task_dialog (GantryWindow *self,
                  GantryTask   *task)
{
  GtkWidget *dialog = gantry_task_dialog_new (GTK_WINDOW (self), task);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_info (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  GantryWindow *self = GANTRY_WINDOW (widget);
  g_autoptr(GPtrArray) sel = selected (self);

  if (sel->len > 0)
    open_task_dialog (self, g_ptr_array_index (sel, 0));
}

static void
action_edit (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  gantry_task_table_edit_selected (GANTRY_WINDOW (widget)->table);
}

/* The scrollbar beside the chart shows only while there is something to
 * scroll, as a scrolled window's would; on an empty plan the table leaves
 * its adjustment at 0 / 0, where a bare scrollbar still draws a thumb. */
static void
on_table_vadj_changed (GtkAdjustment *adj,
                       GtkWidget     *vscroll)
{
  double span = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_lower (adj);

  gtk_widget_set_visible (vscroll, span > gtk_adjustment_get_page_size (adj));
}

static void
on_task_activated (GtkWidget    *source,
                   GantryTask   *task,
                   GantryWindow *self)
{
  open_task_dialog (self, task);
}

static void
show_context_menu (GantryWindow *self,
                   GtkWidget    *widget,
                   double        x,
                   double        y)
{
  graphene_point_t p;

  if (!gtk_widget_compute_point (widget, GTK_WIDGET (self->paned), &GRAPHENE_POINT_INIT (x, y), &p))
    return;
  if (self->context_popover == NULL)
    {
      self->context_popover = gtk_popover_menu_new_from_model (self->task_menu);
      gtk_widget_set_parent (self->context_popover, self->paned);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_popover), FALSE);
      gtk_widget_set_halign (self->context_popover, GTK_ALIGN_START);
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_popover),
                               &(GdkRectangle) { (int) p.x, (int) p.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_popover));
}

static void
on_table_context_menu (GantryTaskTable *table,
                       double           x,
                       double           y,
                       GantryWindow    *self)
{
  show_context_menu (self, GTK_WIDGET (table), x, y);
}

#ifdef GANTRY_HAVE_CHART
static void
on_chart_context_menu (GtkWidget    *chart,
                       GantryTask   *task,
                       double        x,
                       double        y,
                       GantryWindow *self)
{
  if (task != NULL)
    gantry_task_table_select_task (self->table, task);
  show_context_menu (self, chart, x, y);
}
#endif

/* ---- view actions ------------------------------------------------------ */

static void
set_zoom (GantryWindow *self,
          int           zoom)
{
  self->zoom = CLAMP (zoom, 0, 5);
#ifdef GANTRY_HAVE_CHART
  gantry_chart_set_zoom (GANTRY_CHART (self->chart), self->zoom);
  self->zoom = gantry_chart_get_zoom (GANTRY_CHART (self->chart));
#endif
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.zoom-in", self->zoom > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.zoom-out", self->zoom < 5);
}

static void
action_zoom_in (GtkWidget *w, const char *n, GVariant *p)
{
  set_zoom (GANTRY_WINDOW (w), GANTRY_WINDOW (w)->zoom - 1);
}

static void
action_zoom_out (GtkWidget *w, const char *n, GVariant *p)
{
  set_zoom (GANTRY_WINDOW (w), GANTRY_WINDOW (w)->zoom + 1);
}

static void
action_expand_all (GtkWidget *w, const char *n, GVariant *p)
{
  gantry_task_table_expand_all (GANTRY_WINDOW (w)->table);
}

static void
action_collapse_all (GtkWidget *w, const char *n, GVariant *p)
{
  gantry_task_table_collapse_all (GANTRY_WINDOW (w)->table);
}

static void
action_print (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  GantryWindow *self = GANTRY_WINDOW (widget);
  const char *page = gtk_stack_get_visible_child_name (GTK_STACK (self->stack));

  if (self->project == NULL)
    return;
  gantry_print_project (GTK_WINDOW (self), self->project,
                        g_strcmp0 (page, "report") == 0 ? GANTRY_PRINT_REPORT : GANTRY_PRINT_GANTT,
                        NULL);
}

static void
action_show_view (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  gtk_stack_set_visible_child_name (GTK_STACK (GANTRY_WINDOW (widget)->stack),
                                    g_variant_get_string (param, NULL));
}

/* ---- recent ------------------------------------------------------------ */

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ma = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *mb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return -g_date_time_compare (ma, mb);   /* newest first */
}

static void
rebuild_recent_menu (GtkRecentManager *manager,
                     GantryWindow     *self)
{
  GList *items = gtk_recent_manager_get_items (manager);
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && n < 10; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autofree char *lower = g_ascii_strdown (uri, -1);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (lower, ".gantry") && !g_str_has_suffix (lower, ".xml"))
        continue;
      if (!gtk_recent_info_has_application (info, g_get_application_name ()))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "doc.open-recent", "s", uri);
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  if (n == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Plans"), "doc.none");
      g_menu_append_item (self->recent_menu, item);
    }
}

/* ---- autosave ---------------------------------------------------------- */

static gboolean
autosave_tick (gpointer data)
{
  GantryWindow *self = data;

  if (self->autosave_dirty)
    gantry_window_autosave_now (self);
  return G_SOURCE_CONTINUE;
}

static void
restart_autosave (GantryWindow *self)
{
  guint interval = gantry_recovery_get_interval ();

  if (interval == self->autosave_interval && (self->autosave_source != 0) == (interval != 0))
    return;
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->autosave_interval = interval;
  if (interval > 0)
    self->autosave_source = g_timeout_add_seconds (interval, autosave_tick, self);
}

/* ---- class ------------------------------------------------------------- */

static void
gantry_window_dispose (GObject *object)
{
  GantryWindow *self = GANTRY_WINDOW (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  if (self->scheduler != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->scheduler, self);
      gantry_scheduler_set_auto (self->scheduler, FALSE);
    }
  g_clear_signal_handler (&self->recent_changed_id, gtk_recent_manager_get_default ());
  if (gantry_settings_get () != NULL)
    g_clear_signal_handler (&self->settings_changed_id, gantry_settings_get ());
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->recovery_id != NULL)
    {
      /* a clean close (saved, or changes discarded): nothing to recover */
      gantry_recovery_remove (self->recovery_id);
      gantry_recovery_unclaim (self->recovery_id);
      g_clear_pointer (&self->recovery_id, g_free);
    }
  g_clear_pointer (&self->context_popover, gtk_widget_unparent);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_object (&self->recent_menu);
  g_clear_object (&self->chart_hadj);
  g_clear_pointer (&self->import_warnings, g_ptr_array_unref);
  g_clear_pointer (&self->import_moves, g_ptr_array_unref);

  G_OBJECT_CLASS (gantry_window_parent_class)->dispose (object);
}

static void
gantry_window_class_init (GantryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gantry_window_dispose;
  window_class->close_request = gantry_window_close_request;

  g_type_ensure (GANTRY_TYPE_TASK_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/gantryplanner/Gantry/gantry-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GantryWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, GantryWindow, recent_button);
  gtk_widget_class_bind_template_child (widget_class, GantryWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, GantryWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, GantryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GantryWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, GantryWindow, info_bar);
  gtk_widget_class_bind_template_child (widget_class, GantryWindow, info_label);
  gtk_widget_class_bind_template_child (widget_class, GantryWindow, autosave_bar);
  gtk_widget_class_bind_template_child (widget_class, GantryWindow, autosave_label);
  gtk_widget_class_bind_template_child (widget_class, GantryWindow, info_details);
  gtk_widget_class_bind_template_child (widget_class, GantryWindow, task_button);
  gtk_widget_class_bind_template_child (widget_class, GantryWindow, report_page);
  gtk_widget_class_bind_template_child (widget_class, GantryWindow, resources_page);
  gtk_widget_class_bind_template_child (widget_class, GantryWindow, columns_submenu);
  gtk_widget_class_bind_template_child (widget_class, GantryWindow, task_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_info_bar_response);

  gtk_widget_class_install_action (widget_class, "doc.new", NULL, action_new);
  gtk_widget_class_install_action (widget_class, "doc.open", NULL, action_open);
  gtk_widget_class_install_action (widget_class, "doc.open-recent", "s", action_open_recent);
  gtk_widget_class_install_action (widget_class, "doc.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "doc.save-as", NULL, action_save_as);
  gtk_widget_class_install_action (widget_class, "doc.close", NULL, action_close);
  gtk_widget_class_install_action (widget_class, "doc.print", NULL, action_print);
  gtk_widget_class_install_action (widget_class, "doc.undo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "doc.redo", NULL, action_redo);
  gtk_widget_class_install_action (widget_class, "task.insert", NULL, action_insert);
  gtk_widget_class_install_action (widget_class, "task.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "task.indent", NULL, action_indent);
  gtk_widget_class_install_action (widget_class, "task.outdent", NULL, action_outdent);
  gtk_widget_class_install_action (widget_class, "task.move-up", NULL, action_move_up);
  gtk_widget_class_install_action (widget_class, "task.move-down", NULL, action_move_down);
  gtk_widget_class_install_action (widget_class, "task.link", NULL, action_link);
  gtk_widget_class_install_action (widget_class, "task.unlink", NULL, action_unlink);
  gtk_widget_class_install_action (widget_class, "task.toggle-milestone", NULL, action_toggle_milestone);
  gtk_widget_class_install_action (widget_class, "task.cut", NULL, action_cut);
  gtk_widget_class_install_action (widget_class, "task.copy", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "task.paste", NULL, action_paste);
  gtk_widget_class_install_action (widget_class, "task.scroll-to", NULL, action_scroll_to);
  gtk_widget_class_install_action (widget_class, "task.info", NULL, action_info);
  gtk_widget_class_install_action (widget_class, "task.edit", NULL, action_edit);
  gtk_widget_class_install_action (widget_class, "view.zoom-in", NULL, action_zoom_in);
  gtk_widget_class_install_action (widget_class, "view.zoom-out", NULL, action_zoom_out);
  gtk_widget_class_install_action (widget_class, "view.expand-all", NULL, action_expand_all);
  gtk_widget_class_install_action (widget_class, "view.collapse-all", NULL, action_collapse_all);
  gtk_widget_class_install_action (widget_class, "view.show", "s", action_show_view);

#define BIND(key, mods, action) \
  gtk_widget_class_add_binding_action (widget_class, key, mods, action, NULL)
  BIND (GDK_KEY_n, GDK_CONTROL_MASK, "doc.new");
  BIND (GDK_KEY_o, GDK_CONTROL_MASK, "doc.open");
  BIND (GDK_KEY_s, GDK_CONTROL_MASK, "doc.save");
  BIND (GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "doc.save-as");
  BIND (GDK_KEY_w, GDK_CONTROL_MASK, "doc.close");
  BIND (GDK_KEY_p, GDK_CONTROL_MASK, "doc.print");
  BIND (GDK_KEY_z, GDK_CONTROL_MASK, "doc.undo");
  BIND (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "doc.redo");
  BIND (GDK_KEY_y, GDK_CONTROL_MASK, "doc.redo");
  /* Menus show the binding added last: the keypad variants go first, so
   * that they read "Insert", "Delete", "Ctrl++" and "Ctrl+-". */
  BIND (GDK_KEY_KP_Insert, 0, "task.insert");
  BIND (GDK_KEY_Insert, 0, "task.insert");
  BIND (GDK_KEY_KP_Delete, 0, "task.delete");
  BIND (GDK_KEY_Delete, 0, "task.delete");
  BIND (GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK, "task.indent");
  BIND (GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK, "task.outdent");
  BIND (GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK, "task.move-up");
  BIND (GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK, "task.move-down");
  BIND (GDK_KEY_F2, GDK_CONTROL_MASK, "task.link");
  BIND (GDK_KEY_F2, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "task.unlink");
  BIND (GDK_KEY_F2, GDK_SHIFT_MASK, "task.info");
  BIND (GDK_KEY_F2, 0, "task.edit");
  BIND (GDK_KEY_c, GDK_CONTROL_MASK, "task.copy");
  BIND (GDK_KEY_x, GDK_CONTROL_MASK, "task.cut");
  BIND (GDK_KEY_v, GDK_CONTROL_MASK, "task.paste");
  BIND (GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "task.toggle-milestone");
  BIND (GDK_KEY_F5, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "task.scroll-to");
  BIND (GDK_KEY_KP_Add, GDK_CONTROL_MASK, "view.zoom-in");
  BIND (GDK_KEY_equal, GDK_CONTROL_MASK, "view.zoom-in");
  BIND (GDK_KEY_plus, GDK_CONTROL_MASK, "view.zoom-in");
  BIND (GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "view.zoom-out");
  BIND (GDK_KEY_minus, GDK_CONTROL_MASK, "view.zoom-out");
#undef BIND
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "view.show", "s", "gantt");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "view.show", "s", "resources");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "view.show", "s", "report");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "view.show", "s", "risks");
  gantry_tracking_dialogs_install (widget_class);
}

static void
gantry_window_init (GantryWindow *self)
{
  GtkWidget *table_frame;
  GtkAdjustment *vadj;
  GtkWidget *vscroll, *hscroll, *chart_column;
  g_autoptr(GantryProject) project = NULL;
  GtkRecentManager *recent;
  g_autoptr(GMenu) recent_root = g_menu_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->table = GANTRY_TASK_TABLE (gantry_task_table_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->table), 260, -1);
  g_signal_connect (self->table, "task-activated", G_CALLBACK (on_task_activated), self);
  g_signal_connect (self->table, "context-menu", G_CALLBACK (on_table_context_menu), self);
  table_frame = GTK_WIDGET (self->table);
  gtk_paned_set_start_child (GTK_PANED (self->paned), table_frame);

  vadj = gantry_task_table_get_vadjustment (self->table);
  self->chart_hadj = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
#ifdef GANTRY_HAVE_CHART
  self->chart = gantry_chart_new ();
  gantry_chart_set_vadjustment (GANTRY_CHART (self->chart), vadj);
  gantry_chart_set_row_height (GANTRY_CHART (self->chart), GANTRY_TASK_TABLE_ROW_HEIGHT);
  gantry_chart_set_header_height (GANTRY_CHART (self->chart), GANTRY_TASK_TABLE_HEADER_HEIGHT);
  gantry_chart_set_model (GANTRY_CHART (self->chart),
                          G_LIST_MODEL (gantry_task_table_get_selection (self->table)),
                          gantry_task_table_get_selection (self->table));
  g_signal_connect (self->chart, "task-activated", G_CALLBACK (on_task_activated), self);
  g_signal_connect (self->chart, "context-menu", G_CALLBACK (on_chart_context_menu), self);
#else
  self->chart = gtk_drawing_area_new ();
  gtk_widget_add_css_class (self->chart, "view");
#endif
  gtk_widget_set_hexpand (self->chart, TRUE);
  gtk_widget_set_vexpand (self->chart, TRUE);
  gtk_widget_set_size_request (self->chart, 200, -1);

#ifdef GANTRY_HAVE_CHART
  /* The scrolled window drives the chart's own horizontal adjustment (and
   * copes with it changing during allocation); the vertical position is the
   * table's adjustment, shown by one scrollbar at the far right. */
  chart_column = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (chart_column),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_EXTERNAL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (chart_column), self->chart);
  (void) hscroll;
#else
  chart_column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  hscroll = gtk_scrollbar_new (GTK_ORIENTATION_HORIZONTAL, self->chart_hadj);
  gtk_box_append (GTK_BOX (chart_column), self->chart);
  gtk_box_append (GTK_BOX (chart_column), hscroll);
#endif
  gtk_widget_set_hexpand (chart_column, TRUE);
  self->chart_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  vscroll = gtk_scrollbar_new (GTK_ORIENTATION_VERTICAL, vadj);
  {
    /* a plan without tasks says how to start one instead of a bare grid */
    GtkWidget *chart_wrap = gantry_placeholder_wrap (chart_column, _("No tasks yet"),
                                                     _("Add a task with Insert or the + button, "
                                                       "then type its name and duration in the table."));

    gtk_widget_set_hexpand (chart_wrap, TRUE);
    gantry_placeholder_set_model (chart_wrap, G_LIST_MODEL (gantry_task_table_get_selection (self->table)));
    gtk_box_append (GTK_BOX (self->chart_box), chart_wrap);
  }
  gtk_box_append (GTK_BOX (self->chart_box), vscroll);
  g_signal_connect_object (vadj, "changed", G_CALLBACK (on_table_vadj_changed), vscroll, 0);
  on_table_vadj_changed (vadj, vscroll);
  gtk_paned_set_end_child (GTK_PANED (self->paned), self->chart_box);

  self->report_view = gantry_report_view_new ();
  gtk_widget_set_vexpand (self->report_view, TRUE);
  gtk_box_append (GTK_BOX (self->report_page), self->report_view);

  self->resource_view = gantry_resource_view_new ();
  gtk_widget_set_vexpand (self->resource_view, TRUE);
  gtk_box_append (GTK_BOX (self->resources_page), self->resource_view);

  self->risk_view = gantry_risk_view_new ();
  gtk_stack_add_titled (GTK_STACK (self->stack), self->risk_view, "risks", _("Risks"));

  gtk_widget_insert_action_group (GTK_WIDGET (self), "columns",
                                  gantry_task_table_get_column_actions (self->table));
  {
    /* chartview.show-progress-line: the chart's progress line, for the menu */
    g_autoptr(GSimpleActionGroup) chart_actions = g_simple_action_group_new ();
    g_autoptr(GPropertyAction) progress_line =
      g_property_action_new ("show-progress-line", self->chart, "show-progress-line");

    g_action_map_add_action (G_ACTION_MAP (chart_actions), G_ACTION (progress_line));
    gtk_widget_insert_action_group (GTK_WIDGET (self), "chartview", G_ACTION_GROUP (chart_actions));
  }
  g_menu_append_section (self->columns_submenu, NULL,
                         gantry_task_table_get_column_menu (self->table));
  g_signal_connect (self->info_details, "clicked", G_CALLBACK (on_info_details_clicked), self);

  self->recent_menu = g_menu_new ();
  g_menu_append_section (recent_root, _("Recent Plans"), G_MENU_MODEL (self->recent_menu));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->recent_button), G_MENU_MODEL (recent_root));
  recent = gtk_recent_manager_get_default ();
  self->recent_changed_id = g_signal_connect (recent, "changed", G_CALLBACK (rebuild_recent_menu), self);
  rebuild_recent_menu (recent, self);

  self->zoom = 3;
  project = gantry_project_new_default (GANTRY_TIME_NONE);
  gantry_preferences_apply_to_new_plan (project);
  gantry_project_clear_history (project);
  gantry_window_set_project (self, project, NULL, GANTRY_FILE_FORMAT_NATIVE);
  set_zoom (self, self->zoom);

  self->recovery_id = gantry_recovery_new_id ();
  gantry_recovery_claim (self->recovery_id);
  if (gantry_settings_get () != NULL)
    self->settings_changed_id = g_signal_connect_swapped (gantry_settings_get (), "changed::autosave-interval",
                                                          G_CALLBACK (restart_autosave), self);
  restart_autosave (self);
}

GantryWindow *
gantry_window_new (GtkApplication *application)
{
  return g_object_new (GANTRY_TYPE_WINDOW, "application", application, NULL);
}

gboolean
gantry_window_autosave_now (GantryWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GANTRY_IS_WINDOW (self), FALSE);

  if (self->project == NULL || self->recovery_id == NULL)
    return FALSE;
  if (!gantry_project_get_modified (self->project))
    {
      /* back at the saved state (e.g. by undo): nothing to recover */
      gantry_recovery_remove (self->recovery_id);
      self->autosave_dirty = FALSE;
      return FALSE;
    }
  if (!gantry_recovery_save (self->project, self->recovery_id, self->file, &error))
    {
      g_autofree char *text = NULL;

      /* No dialog: a bar above the views says it, and the next tick tries
       * again. The user should know the changes are not protected. */
      text = g_strdup_printf (_("Autosave failed: %s\nUnsaved changes are not protected against a crash until autosave works again. Save the plan to keep them."),
                              error->message);
      gtk_label_set_text (GTK_LABEL (self->autosave_label), text);
      gtk_info_bar_set_revealed (GTK_INFO_BAR (self->autosave_bar), TRUE);
      g_message ("autosave failed: %s", error->message);
      return FALSE;
    }
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->autosave_bar), FALSE);
  self->autosave_dirty = FALSE;
  return TRUE;
}

const char *
gantry_window_get_recovery_id (GantryWindow *self)
{
  g_return_val_if_fail (GANTRY_IS_WINDOW (self), NULL);
  return self->recovery_id;
}

void
gantry_window_adopt_recovered (GantryWindow  *self,
                               GantryProject *project,
                               GFile         *original,
                               const char    *recovery_id)
{
  g_return_if_fail (GANTRY_IS_WINDOW (self));
  g_return_if_fail (GANTRY_IS_PROJECT (project));

  gantry_window_set_project (self, project, original,
                             original ? gantry_file_format_for_file (original) : GANTRY_FILE_FORMAT_NATIVE);
  /* the recovery file stays until this window saves or closes cleanly */
  if (recovery_id != NULL)
    {
      gantry_recovery_remove (self->recovery_id);
      gantry_recovery_unclaim (self->recovery_id);
      g_free (self->recovery_id);
      self->recovery_id = g_strdup (recovery_id);
      gantry_recovery_claim (self->recovery_id);
    }
  /* the original may have changed since; remember it as it is now, so a
   * later change by someone else is still noticed */
  remember_disk (self);
  update_title (self);
}
