/* gantry-recovery.c — autosave to the recovery folder, and recovery at start-up
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gantry-recovery.h"
#include "gantry-store.h"
#include "gantry-window.h"

static GHashTable *claimed;   /* ids of live windows in this process */

void
gantry_recovery_entry_free (GantryRecoveryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->plan_path);
  g_free (entry->original_path);
  g_free (entry);
}

GSettings *
gantry_settings_get (void)
{
  static GSettings *settings;
  static gboolean looked;

  if (!looked)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      looked = TRUE;
      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
      if (schema != NULL)
        settings = g_settings_new_full (schema, NULL, NULL);
    }
  return settings;
}

char *
gantry_recovery_get_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "gantry", "recovery", NULL);
}

guint
gantry_recovery_get_interval (void)
{
  const char *env = g_getenv ("GANTRY_AUTOSAVE_SECONDS");
  GSettings *settings;

  if (env != NULL && *env != '\0')
    {
      guint64 v = 0;

      if (g_ascii_string_to_unsigned (env, 10, 0, 86400, &v, NULL))
        return (guint) v;
    }
  settings = gantry_settings_get ();
  if (settings != NULL)
    return g_settings_get_uint (settings, "autosave-interval") * 60;
  return 5 * 60;
}

char *
gantry_recovery_new_id (void)
{
  return g_uuid_string_random ();
}

static char *
entry_path (const char *id,
            const char *suffix)
{
  g_autofree char *dir = gantry_recovery_get_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

static gboolean
valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *c = id; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '-')
      return FALSE;
  return TRUE;
}

gboolean
gantry_recovery_save (GantryProject *project,
                      const char    *id,
                      GFile         *original,
                      GError       **error)
{
  g_autofree char *dir = gantry_recovery_get_dir ();
  g_autofree char *plan = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *info = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *orig = original ? g_file_get_path (original) : NULL;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (valid_id (id), FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the recovery folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  plan = entry_path (id, ".gantry");
  tmp = entry_path (id, ".gantry.tmp");
  info = entry_path (id, ".info");
  /* write beside, then rename: a crash mid-save keeps the last good copy */
  g_unlink (tmp);
  if (!gantry_store_save (project, tmp, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, plan) != 0)
    {
      int saved_errno = errno;
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the recovery file “%s”: %s"), plan, g_strerror (saved_errno));
      return FALSE;
    }
  g_key_file_set_string (kf, "Recovery", "original", orig ? orig : "");
  g_key_file_set_int64 (kf, "Recovery", "saved", g_get_real_time () / G_USEC_PER_SEC);
  data = g_key_file_to_data (kf, NULL, NULL);
  return g_file_set_contents (info, data, -1, error);
}

void
gantry_recovery_remove (const char *id)
{
  g_autofree char *plan = NULL;
  g_autofree char *info = NULL;

  if (!valid_id (id))
    return;
  plan = entry_path (id, ".gantry");
  info = entry_path (id, ".info");
  g_unlink (plan);
  g_unlink (info);
}

void
gantry_recovery_claim (const char *id)
{
  if (claimed == NULL)
    claimed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (id != NULL)
    g_hash_table_add (claimed, g_strdup (id));
}

void
gantry_recovery_unclaim (const char *id)
{
  if (claimed != NULL && id != NULL)
    g_hash_table_remove (claimed, id);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const GantryRecoveryEntry *ea = *(GantryRecoveryEntry * const *) a;
  const GantryRecoveryEntry *eb = *(GantryRecoveryEntry * const *) b;

  return ea->saved < eb->saved ? 1 : ea->saved > eb->saved ? -1 : 0;
}

GPtrArray *
gantry_recovery_list (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gantry_recovery_entry_free);
  g_autofree char *dir = gantry_recovery_get_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *id = NULL;
      g_autofree char *info = NULL;
      g_autofree char *orig = NULL;
      g_autoptr(GKeyFile) kf = g_key_file_new ();
      GantryRecoveryEntry *entry;

      if (!g_str_has_suffix (name, ".info"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".info"));
      if (!valid_id (id) || (claimed != NULL && g_hash_table_contains (claimed, id)))
        continue;
      info = g_build_filename (dir, name, NULL);
      if (!g_key_file_load_from_file (kf, info, G_KEY_FILE_NONE, NULL))
        continue;
      entry = g_new0 (GantryRecoveryEntry, 1);
      entry->id = g_steal_pointer (&id);
      entry->plan_path = entry_path (entry->id, ".gantry");
      orig = g_key_file_get_string (kf, "Recovery", "original", NULL);
      entry->original_path = orig && *orig ? g_steal_pointer (&orig) : NULL;
      entry->saved = g_key_file_get_int64 (kf, "Recovery", "saved", NULL);
      if (!g_file_test (entry->plan_path, G_FILE_TEST_IS_REGULAR))
        {
          gantry_recovery_entry_free (entry);
          continue;
        }
      g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_entries);
  return entries;
}

GantryProject *
gantry_recovery_load (GantryRecoveryEntry *entry,
                      GError             **error)
{
  g_autoptr(GantryProject) project = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  project = gantry_store_load (entry->plan_path, error);
  if (project == NULL)
    return NULL;
  gantry_project_clear_history (project);
  gantry_project_mark_saved (project);
  /* one undoable step so that the plan counts as modified: its changes
   * are not in the original file yet */
  name = g_strdup (gantry_project_get_name (project));
  gantry_project_begin_group (project, _("Recover Unsaved Changes"));
  gantry_project_apply (project, gantry_command_set (project, "name", name ? name : ""));
  gantry_project_end_group (project);
  return g_steal_pointer (&project);
}

/* ---- dialog ------------------------------------------------------------ */

enum { RESPONSE_RECOVER = 1, RESPONSE_DISCARD = 2 };

static guint
count_tasks (GantryTask *task)
{
  guint n = 0;

  for (guint i = 0; i < gantry_task_get_n_children (task); i++)
    n += 1 + count_tasks (gantry_task_get_child (task, i));
  return n;
}

static void
recover_entry (GtkApplication      *app,
               GtkWindow           *parent,
               GantryRecoveryEntry *entry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GantryProject) project = gantry_recovery_load (entry, &error);
  g_autoptr(GFile) original = entry->original_path ? g_file_new_for_path (entry->original_path) : NULL;
  GantryWindow *window = NULL;

  if (project == NULL)
    {
      GtkWidget *dialog = gtk_message_dialog_new (parent, GTK_DIALOG_DESTROY_WITH_PARENT,
                                                  GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                                  _("Could not recover the unsaved changes"));
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                                error ? error->message : _("Unknown error."));
      g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  /* The plan may already be open, unchanged, from the command line or the
   * recent list: the recovered changes go into that window, so the plan is
   * not open twice. A window with edits of its own is left alone. */
  for (GList *l = gtk_application_get_windows (app); original != NULL && l != NULL; l = l->next)
    {
      GFile *shown;

      if (!GANTRY_IS_WINDOW (l->data))
        continue;
      shown = gantry_window_get_file (l->data);
      if (shown != NULL && g_file_equal (shown, original)
          && !gantry_project_get_modified (gantry_window_get_project (l->data)))
        {
          window = l->data;
          break;
        }
    }
  if (window == NULL && GANTRY_IS_WINDOW (parent) && gantry_window_is_pristine (GANTRY_WINDOW (parent)))
    window = GANTRY_WINDOW (parent);
  for (GList *l = gtk_application_get_windows (app); window == NULL && l != NULL; l = l->next)
    if (GANTRY_IS_WINDOW (l->data) && gantry_window_is_pristine (l->data))
      window = l->data;
  if (window == NULL)
    window = gantry_window_new (app);
  gantry_window_adopt_recovered (window, project, original, entry->id);
  gtk_window_present (GTK_WINDOW (window));
  if (g_strcmp0 (g_getenv ("GANTRY_TEST_AUTO_RECOVER"), "1") == 0)
    {
      g_print ("gantry-test: recovered %u tasks modified=%d file=%s\n",
               count_tasks (gantry_project_get_root_task (project)),
               gantry_project_get_modified (project) ? 1 : 0,
               entry->original_path ? entry->original_path : "");
      fflush (stdout);
    }
}

typedef struct
{
  GtkApplication *app;
  GPtrArray      *entries;
  GPtrArray      *checks;
} OfferData;

static void
offer_data_free (gpointer data)
{
  OfferData *od = data;

  g_object_unref (od->app);
  g_ptr_array_unref (od->entries);
  g_ptr_array_unref (od->checks);
  g_free (od);
}

static void
on_offer_response (GtkDialog *dialog,
                   int        response,
                   OfferData *od)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  g_object_ref (dialog);
  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
  if (response == RESPONSE_RECOVER)
    {
      for (guint i = 0; i < od->entries->len; i++)
        {
          GantryRecoveryEntry *entry = g_ptr_array_index (od->entries, i);

          if (gtk_check_button_get_active (g_ptr_array_index (od->checks, i)))
            recover_entry (od->app, parent, entry);
          else
            gantry_recovery_remove (entry->id);
        }
    }
  else if (response == RESPONSE_DISCARD)
    {
      for (guint i = 0; i < od->entries->len; i++)
        gantry_recovery_remove (((GantryRecoveryEntry *) g_ptr_array_index (od->entries, i))->id);
    }
  /* closing the dialog otherwise keeps the files for the next start */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static char *
describe_entry (GantryRecoveryEntry *entry)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (entry->saved);
  g_autofree char *stamp = when ? g_date_time_format (when, "%x %X") : g_strdup ("?");
  g_autofree char *name = entry->original_path ? g_filename_display_basename (entry->original_path)
                                               : g_strdup (_("Untitled Plan"));

  /* Translators: a plan offered for recovery; %s are its name and the time of the autosave */
  return g_strdup_printf (_("%s (autosaved %s)"), name, stamp);
}

gboolean
gantry_recovery_offer (GtkApplication *app,
                       GtkWindow      *parent)
{
  g_autoptr(GPtrArray) entries = gantry_recovery_list ();
  GtkWidget *dialog, *area, *box, *label;
  OfferData *od;

  g_return_val_if_fail (GTK_IS_APPLICATION (app), FALSE);

  if (entries->len == 0)
    return FALSE;
  if (g_strcmp0 (g_getenv ("GANTRY_TEST_AUTO_RECOVER"), "1") == 0)
    {
      for (guint i = 0; i < entries->len; i++)
        recover_entry (app, parent, g_ptr_array_index (entries, i));
      return TRUE;
    }

  dialog = gtk_dialog_new_with_buttons (_("Recover Unsaved Changes?"), parent,
                                        GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                        _("_Discard"), RESPONSE_DISCARD,
                                        _("_Recover"), RESPONSE_RECOVER,
                                        NULL);
  gtk_widget_add_css_class (dialog, "gantry-recovery-dialog");
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), RESPONSE_DISCARD),
                            "destructive-action");
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), RESPONSE_RECOVER),
                            "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_RECOVER);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 460, -1);

  area = gtk_dialog_get_content_area (GTK_DIALOG (dialog));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 12);
  label = gtk_label_new (g_dngettext (GETTEXT_PACKAGE,
                                      "Gantry did not close properly last time. A plan had unsaved changes, which were autosaved:",
                                      "Gantry did not close properly last time. Plans had unsaved changes, which were autosaved:",
                                      entries->len));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);

  od = g_new0 (OfferData, 1);
  od->app = g_object_ref (app);
  od->entries = g_ptr_array_ref (entries);
  od->checks = g_ptr_array_new ();
  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *text = describe_entry (g_ptr_array_index (entries, i));
      GtkWidget *check = gtk_check_button_new_with_label (text);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_box_append (GTK_BOX (box), check);
      g_ptr_array_add (od->checks, check);
    }
  label = gtk_label_new (_("Recover opens the checked plans with their changes, not yet saved to their files; the unchecked ones are deleted. Discard deletes them all."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (area), box);

  g_object_set_data_full (G_OBJECT (dialog), "gantry-offer", od, offer_data_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_offer_response), od);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
