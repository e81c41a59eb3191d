/* test-recovery.c — autosave and crash recovery, files changed on disk,
 * the Preferences dialog (issue 9)
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <signal.h>

#include "gantry-application.h"
#include "gantry-cell-editor.h"
#include "gantry-mspdi.h"
#include "gantry-preferences.h"
#include "gantry-recovery.h"
#include "gantry-store.h"
#include "gantry-test-helper.h"
#include "gantry-window.h"
#include "gantry-ui-test-helper.h"

static GtkApplication *app;
static char *tmpdir;

/* Runs the main loop until cond holds or a generous limit passes (the
 * assertion after it then fails). */
#define WAIT_FOR(cond, seconds) \
  G_STMT_START { \
    gint64 _end = g_get_monotonic_time () + (seconds) * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < _end) \
      { \
        if (!g_main_context_iteration (NULL, FALSE)) \
          g_usleep (20000); \
      } \
  } G_STMT_END

static GantryProject *
build_plan (void)
{
  GantryProject *p = gantry_project_new_default (gantry_time_make (2026, 3, 2, 8, 0, 0));
  GantryTask *root = gantry_project_get_root_task (p);
  const char *names[] = { "Design", "Build", "Test", "Release" };

  while (gantry_task_get_n_children (root) > 0)
    gantry_project_remove_task (p, gantry_task_get_child (root, 0));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GantryTask) t = gantry_task_new (gantry_project_next_task_uid (p), names[i]);
      gantry_task_set_duration (t, 2 * 480 * GANTRY_MS_MINUTE);
      g_assert_true (gantry_project_add_task (p, root, -1, t));
    }
  gantry_project_renumber (p);
  gantry_project_clear_history (p);
  return p;
}

static guint
count_tasks (GantryTask *task)
{
  guint n = 0;

  for (guint i = 0; i < gantry_task_get_n_children (task); i++)
    n += 1 + count_tasks (gantry_task_get_child (task, i));
  return n;
}

static GantryTask *
find_task (GantryTask *task, const char *name)
{
  for (guint i = 0; i < gantry_task_get_n_children (task); i++)
    {
      GantryTask *c = gantry_task_get_child (task, i);
      GantryTask *found;

      if (g_strcmp0 (gantry_task_get_name (c), name) == 0)
        return c;
      if ((found = find_task (c, name)) != NULL)
        return found;
    }
  return NULL;
}

static void
add_task (GantryProject *p, const char *name)
{
  GantryTask *t = gantry_task_new (gantry_project_next_task_uid (p), name);

  g_assert_true (gantry_project_apply (p, gantry_command_insert_task (gantry_project_get_root_task (p), -1, t)));
  g_object_unref (t);
}

static char *
recovery_file (const char *id, const char *suffix)
{
  g_autofree char *dir = gantry_recovery_get_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

static void
clear_recovery_dir (void)
{
  g_autoptr(GPtrArray) entries = gantry_recovery_list ();

  for (guint i = 0; i < entries->len; i++)
    gantry_recovery_remove (((GantryRecoveryEntry *) g_ptr_array_index (entries, i))->id);
}

static GtkWidget *
find_dialog (const char *css_class)
{
  GListModel *tops = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (tops, i);
      if (gtk_widget_has_css_class (w, css_class) && gtk_widget_get_visible (w))
        return w;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget *root, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_destroyed (GtkWidget *widget, gboolean *flag)
{
  *flag = TRUE;
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.png", name);

  gantry_ui_test_save_png (widget, file);
}

static void
screenshots (GtkWidget *dialog, const char *name)
{
  GtkSettings *settings = gtk_settings_get_default ();

  WAIT_FOR (gtk_widget_get_mapped (dialog) && gtk_widget_get_width (dialog) > 0, 10);
  for (int dark = 0; dark < 2; dark++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%s", name, dark ? "dark" : "light");

      g_object_set (settings, "gtk-application-prefer-dark-theme", dark, NULL);
      gantry_ui_test_iterate (5);
      save_png (dialog, file);
    }
  g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, NULL);
  gantry_ui_test_iterate (3);
}

/* ---- the recovery folder ----------------------------------------------- */

static void
test_store (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  g_autofree char *plan_path = g_build_filename (tmpdir, "store.gantry", NULL);
  g_autoptr(GFile) original = g_file_new_for_path (plan_path);
  g_autofree char *id = gantry_recovery_new_id ();
  g_autofree char *dir = gantry_recovery_get_dir ();
  g_autofree char *state = g_build_filename (tmpdir, "state", NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GantryProject) loaded = NULL;
  GantryRecoveryEntry *e;

  clear_recovery_dir ();
  /* the folder is the user's state folder (XDG_STATE_HOME set by main) */
  g_assert_true (g_str_has_prefix (dir, state));
  add_task (p, "Unsaved");
  g_assert_true (gantry_recovery_save (p, id, original, &error));
  g_assert_no_error (error);

  /* junk beside it is ignored: a sidecar without plan, an unreadable
   * sidecar, a name that is not an id, a stray plan */
  {
    g_autofree char *a = g_build_filename (dir, "0000-orphan.info", NULL);
    g_autofree char *b = g_build_filename (dir, "1111-garbage.info", NULL);
    g_autofree char *b2 = g_build_filename (dir, "1111-garbage.gantry", NULL);
    g_autofree char *c = g_build_filename (dir, "bad name!.info", NULL);
    g_autofree char *d = g_build_filename (dir, "2222-stray.gantry", NULL);

    g_assert_true (g_file_set_contents (a, "[Recovery]\noriginal=/x\nsaved=1\n", -1, NULL));
    g_assert_true (g_file_set_contents (b, "\x01\x02 not a key file [[[", -1, NULL));
    g_assert_true (g_file_set_contents (b2, "not sqlite", -1, NULL));
    g_assert_true (g_file_set_contents (c, "[Recovery]\nsaved=1\n", -1, NULL));
    g_assert_true (g_file_set_contents (d, "x", -1, NULL));
  }
  entries = gantry_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);
  e = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (e->id, ==, id);
  g_assert_cmpstr (e->original_path, ==, plan_path);
  g_assert_cmpint (e->saved, >, 0);

  loaded = gantry_recovery_load (e, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (gantry_project_get_modified (loaded));
  g_assert_cmpuint (count_tasks (gantry_project_get_root_task (loaded)), ==, 5);
  g_assert_nonnull (find_task (gantry_project_get_root_task (loaded), "Unsaved"));

  /* a broken recovery plan fails to load with a message, no crash */
  {
    g_autofree char *pp = g_strdup (e->plan_path);
    g_autoptr(GantryProject) none = NULL;
    g_autoptr(GError) err2 = NULL;

    g_assert_true (g_file_set_contents (pp, "this is not a plan", -1, NULL));
    none = gantry_recovery_load (e, &err2);
    g_assert_null (none);
    g_assert_nonnull (err2);
    g_assert_cmpstr (err2->message, !=, "");
  }

  gantry_recovery_remove (id);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = gantry_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 0);
  /* a recovery folder that cannot be made: FALSE and a message naming it */
  {
    g_autoptr(GError) err3 = NULL;
    g_autofree char *moved = g_strconcat (dir, ".aside", NULL);
    g_autofree char *id3 = gantry_recovery_new_id ();

    g_assert_cmpint (g_rename (dir, moved), ==, 0);
    g_assert_true (g_file_set_contents (dir, "a file where the folder belongs", -1, NULL));
    g_assert_false (gantry_recovery_save (p, id3, original, &err3));
    g_assert_nonnull (err3);
    g_assert_nonnull (strstr (err3->message, dir));
    g_clear_pointer (&entries, g_ptr_array_unref);
    entries = gantry_recovery_list ();
    g_assert_cmpuint (entries->len, ==, 0);
    g_assert_cmpint (g_unlink (dir), ==, 0);
    g_assert_cmpint (g_rename (moved, dir), ==, 0);
  }
  /* ids are checked: nothing outside the folder can be named */
  gantry_recovery_remove ("../../etc");
  gantry_recovery_remove ("1111-garbage");
  gantry_recovery_remove ("0000-orphan");
}

/* ---- a window's autosave ----------------------------------------------- */

static void
test_window_autosave (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  g_autofree char *path = g_build_filename (tmpdir, "window.gantry", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GantryWindow *win = gantry_window_new (app);
  GantryProject *wp;
  const char *id;
  g_autofree char *rfile = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *dialog;
  gboolean destroyed = FALSE;

  clear_recovery_dir ();
  g_assert_true (gantry_store_save (p, path, NULL));
  gtk_window_present (GTK_WINDOW (win));
  g_assert_true (gantry_window_load_file (win, file));
  wp = gantry_window_get_project (win);
  id = gantry_window_get_recovery_id (win);
  g_assert_nonnull (id);
  rfile = recovery_file (id, ".gantry");

  /* nothing to save while unmodified */
  g_assert_false (gantry_window_autosave_now (win));
  g_assert_false (g_file_test (rfile, G_FILE_TEST_EXISTS));

  add_task (wp, "Autosaved");
  g_assert_true (gantry_window_autosave_now (win));
  g_assert_true (g_file_test (rfile, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GantryProject) r = gantry_store_load (rfile, NULL);
    g_assert_nonnull (r);
    g_assert_nonnull (find_task (gantry_project_get_root_task (r), "Autosaved"));
  }
  /* a live window's file is not offered for recovery */
  entries = gantry_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 0);

  /* saving removes it */
  g_assert_true (gantry_window_save_to_file (win, file, GANTRY_FILE_FORMAT_NATIVE));
  g_assert_false (g_file_test (rfile, G_FILE_TEST_EXISTS));

  /* undo back to the saved state removes it too */
  add_task (wp, "Undone");
  g_assert_true (gantry_window_autosave_now (win));
  g_assert_true (g_file_test (rfile, G_FILE_TEST_EXISTS));
  g_assert_true (gantry_project_undo (wp));
  g_assert_false (gantry_project_get_modified (wp));
  g_assert_false (gantry_window_autosave_now (win));
  g_assert_false (g_file_test (rfile, G_FILE_TEST_EXISTS));

  /* a failing autosave is shown in the window, not only logged, and the
   * message goes once it works again: the recovery folder is replaced by a
   * plain file (a permission change would not stop root, who runs CI) */
  {
    g_autofree char *dir = gantry_recovery_get_dir ();
    g_autofree char *aside = g_strconcat (dir, ".aside", NULL);
    GtkWidget *bar = find_named (GTK_WIDGET (win), "gantry-autosave-bar");
    GtkWidget *label;

    g_assert_nonnull (bar);
    g_assert_false (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));
    add_task (wp, "Cannot autosave");
    g_assert_cmpint (g_rename (dir, aside), ==, 0);
    g_assert_true (g_file_set_contents (dir, "not a folder", -1, NULL));
    g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "autosave failed*");
    g_assert_false (gantry_window_autosave_now (win));
    g_test_assert_expected_messages ();
    g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));
    label = find_named (bar, "gantry-autosave-label");
    g_assert_nonnull (label);
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "Autosave failed"));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "recovery"));
    gantry_ui_test_iterate (5);
    save_png (GTK_WIDGET (win), "gantry-autosave-failed");
    g_assert_cmpint (g_unlink (dir), ==, 0);
    g_assert_cmpint (g_rename (aside, dir), ==, 0);
    g_assert_true (gantry_window_autosave_now (win));
    g_assert_false (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));
  }

  /* the timer: GANTRY_AUTOSAVE_SECONDS=1 (set by main) */
  add_task (wp, "By the timer");
  WAIT_FOR (g_file_test (rfile, G_FILE_TEST_EXISTS), 30);
  g_assert_true (g_file_test (rfile, G_FILE_TEST_EXISTS));

  /* closing and discarding the changes removes it */
  g_signal_connect (win, "destroy", G_CALLBACK (on_destroyed), &destroyed);
  gtk_window_close (GTK_WINDOW (win));
  gantry_ui_test_iterate (3);
  dialog = find_dialog ("gantry-unsaved-dialog");
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), 1 /* Discard */);
  WAIT_FOR (destroyed, 10);
  g_assert_true (destroyed);
  g_assert_false (g_file_test (rfile, G_FILE_TEST_EXISTS));
}

/* ---- the dialog at start-up -------------------------------------------- */

static char *
plant_entry (const char *name, const char *task_name, char **out_path)
{
  g_autoptr(GantryProject) p = build_plan ();
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  char *id = gantry_recovery_new_id ();

  g_assert_true (gantry_store_save (p, path, NULL));
  add_task (p, task_name);
  g_assert_true (gantry_recovery_save (p, id, file, NULL));
  if (out_path)
    *out_path = g_steal_pointer (&path);
  return id;
}

static void
test_offer_dialog (void)
{
  g_autofree char *path1 = NULL;
  g_autofree char *id1 = NULL;
  g_autofree char *id2 = NULL;
  g_autofree char *r1 = NULL;
  g_autofree char *r2 = NULL;
  GantryWindow *win;
  GtkWidget *dialog;
  g_autoptr(GPtrArray) entries = NULL;

  clear_recovery_dir ();
  id1 = plant_entry ("offer-a.gantry", "Recover me", &path1);
  id2 = plant_entry ("offer-b.gantry", "Drop me", NULL);
  r1 = recovery_file (id1, ".gantry");
  r2 = recovery_file (id2, ".gantry");

  win = gantry_window_new (app);
  gtk_window_present (GTK_WINDOW (win));
  g_assert_true (gantry_recovery_offer (app, GTK_WINDOW (win)));
  dialog = find_dialog ("gantry-recovery-dialog");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (win));
  screenshots (dialog, "gantry-recovery-dialog");

  /* closing the dialog keeps both for the next start */
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_DELETE_EVENT);
  gantry_ui_test_iterate (3);
  g_assert_true (g_file_test (r1, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (r2, G_FILE_TEST_EXISTS));

  /* Recover with the second unchecked: the first opens in the (pristine)
   * window, modified, with its original file; the second is deleted */
  g_assert_true (gantry_recovery_offer (app, GTK_WINDOW (win)));
  dialog = find_dialog ("gantry-recovery-dialog");
  g_assert_nonnull (dialog);
  {
    GtkWidget *box = gtk_dialog_get_content_area (GTK_DIALOG (dialog));
    guint unchecked = 0;

    /* the check buttons are labelled with the plans' file names */
    for (GtkWidget *c = gtk_widget_get_first_child (gtk_widget_get_first_child (box));
         c != NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_CHECK_BUTTON (c)
          && g_str_has_prefix (gtk_check_button_get_label (GTK_CHECK_BUTTON (c)), "offer-b.gantry"))
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (c), FALSE);
          unchecked++;
        }
    g_assert_cmpuint (unchecked, ==, 1);
  }
  gtk_dialog_response (GTK_DIALOG (dialog), 1 /* Recover */);
  gantry_ui_test_iterate (5);
  g_assert_false (g_file_test (r2, G_FILE_TEST_EXISTS));
  /* the recovered plan's file stays until it is saved */
  g_assert_true (g_file_test (r1, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (gantry_window_get_recovery_id (win), ==, id1);
  g_assert_true (gantry_project_get_modified (gantry_window_get_project (win)));
  g_assert_nonnull (find_task (gantry_project_get_root_task (gantry_window_get_project (win)), "Recover me"));
  {
    g_autofree char *wpath = g_file_get_path (gantry_window_get_file (win));
    g_assert_cmpstr (wpath, ==, path1);
  }
  g_assert_true (gantry_window_save_to_file (win, gantry_window_get_file (win), GANTRY_FILE_FORMAT_NATIVE));
  g_assert_false (g_file_test (r1, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GantryProject) saved = gantry_store_load (path1, NULL);
    g_assert_nonnull (find_task (gantry_project_get_root_task (saved), "Recover me"));
  }

  /* Discard deletes them all */
  g_free (id2);
  id2 = plant_entry ("offer-c.gantry", "Gone", NULL);
  g_assert_true (gantry_recovery_offer (app, GTK_WINDOW (win)));
  dialog = find_dialog ("gantry-recovery-dialog");
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), 2 /* Discard */);
  gantry_ui_test_iterate (3);
  entries = gantry_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 0);
  /* nothing left: no dialog */
  g_assert_false (gantry_recovery_offer (app, GTK_WINDOW (win)));
  gtk_window_destroy (GTK_WINDOW (win));
  gantry_ui_test_iterate (3);
}

/* A plan named on the command line that also has a recovery file opens
 * once: the recovered changes go into the window already showing it, as long
 * as that window has no edits of its own. */
static guint
count_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (GANTRY_IS_WINDOW (l->data))
      n++;
  return n;
}

static void
test_recover_into_open_window (void)
{
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GFile) file = NULL;
  GantryWindow *win;
  GtkWidget *dialog;
  guint before;

  clear_recovery_dir ();
  id = plant_entry ("open-once.gantry", "Recovered edit", &path);
  file = g_file_new_for_path (path);

  win = gantry_window_new (app);
  gtk_window_present (GTK_WINDOW (win));
  g_assert_true (gantry_window_load_file (win, file));
  g_assert_false (gantry_window_is_pristine (win));
  before = count_windows ();

  g_assert_true (gantry_recovery_offer (app, GTK_WINDOW (win)));
  dialog = find_dialog ("gantry-recovery-dialog");
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), 1 /* Recover */);
  gantry_ui_test_iterate (5);
  g_assert_cmpuint (count_windows (), ==, before);
  g_assert_cmpstr (gantry_window_get_recovery_id (win), ==, id);
  g_assert_true (gantry_project_get_modified (gantry_window_get_project (win)));
  g_assert_nonnull (find_task (gantry_project_get_root_task (gantry_window_get_project (win)),
                               "Recovered edit"));

  /* the window now has unsaved edits: a second recovery of the same plan
   * opens beside it instead of replacing them */
  {
    GantryWindow *other = NULL;

    g_assert_true (gantry_window_save_to_file (win, file, GANTRY_FILE_FORMAT_NATIVE));
    add_task (gantry_window_get_project (win), "Unsaved here");
    g_free (id);
    id = plant_entry ("open-once.gantry", "Second recovery", NULL);
    /* plant_entry rewrote the file; the window's own edits stay */
    g_assert_true (gantry_recovery_offer (app, GTK_WINDOW (win)));
    dialog = find_dialog ("gantry-recovery-dialog");
    g_assert_nonnull (dialog);
    gtk_dialog_response (GTK_DIALOG (dialog), 1 /* Recover */);
    gantry_ui_test_iterate (5);
    g_assert_cmpuint (count_windows (), ==, before + 1);
    g_assert_nonnull (find_task (gantry_project_get_root_task (gantry_window_get_project (win)),
                                 "Unsaved here"));
    for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
      if (GANTRY_IS_WINDOW (l->data) && l->data != (gpointer) win)
        other = l->data;
    g_assert_nonnull (other);
    g_assert_nonnull (find_task (gantry_project_get_root_task (gantry_window_get_project (other)),
                                 "Second recovery"));
    gtk_window_destroy (GTK_WINDOW (other));
  }
  gtk_window_destroy (GTK_WINDOW (win));
  gantry_ui_test_iterate (3);
  clear_recovery_dir ();
}

/* ---- the real binary, killed ------------------------------------------- */

typedef struct
{
  GMainLoop *loop;
  GString   *out;
  const char *want;
  gboolean   found;
} ReadState;

static void
on_line (GObject *source, GAsyncResult *res, gpointer data)
{
  ReadState *rs = data;
  g_autofree char *line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source), res, NULL, NULL);

  if (line == NULL)
    {
      g_main_loop_quit (rs->loop);
      return;
    }
  g_string_append_printf (rs->out, "%s\n", line);
  if (g_str_has_prefix (line, rs->want))
    {
      rs->found = TRUE;
      g_main_loop_quit (rs->loop);
      return;
    }
  g_data_input_stream_read_line_async (G_DATA_INPUT_STREAM (source), G_PRIORITY_DEFAULT, NULL, on_line, rs);
}

static gboolean
on_watchdog (gpointer data)
{
  g_subprocess_send_signal (G_SUBPROCESS (data), SIGKILL);
  return G_SOURCE_REMOVE;
}

/* Reads the child's stdout until a line starting with want (returned in
 * *line) or EOF; a watchdog kills a child that never says it. */
static gboolean
wait_for_line (GSubprocess *proc, GDataInputStream *in, const char *want, char **line)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  ReadState rs = { loop, g_string_new (NULL), want, FALSE };
  guint dog = g_timeout_add_seconds (120, on_watchdog, proc);

  g_data_input_stream_read_line_async (in, G_PRIORITY_DEFAULT, NULL, on_line, &rs);
  g_main_loop_run (loop);
  if (rs.found)
    g_source_remove (dog);
  g_test_message ("gantry said: %s", rs.out->str);
  if (line)
    {
      char *start = strstr (rs.out->str, want);
      *line = start ? g_strndup (start, strcspn (start, "\n")) : NULL;
    }
  g_string_free (rs.out, TRUE);
  return rs.found;
}

static GSubprocess *
spawn_gantry (const char *state, const char *arg, gboolean edit, gboolean recover, GDataInputStream **out)
{
  g_autoptr(GSubprocessLauncher) l = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GError) error = NULL;
  GSubprocess *proc;

  g_subprocess_launcher_setenv (l, "XDG_STATE_HOME", state, TRUE);
  g_subprocess_launcher_setenv (l, "XDG_DATA_HOME", state, TRUE);
  g_subprocess_launcher_setenv (l, "GANTRY_AUTOSAVE_SECONDS", "1", TRUE);
  g_subprocess_launcher_setenv (l, "GANTRY_NON_UNIQUE", "1", TRUE);
  if (edit)
    g_subprocess_launcher_setenv (l, "GANTRY_TEST_EDIT", "1", TRUE);
  else
    g_subprocess_launcher_unsetenv (l, "GANTRY_TEST_EDIT");
  if (recover)
    g_subprocess_launcher_setenv (l, "GANTRY_TEST_AUTO_RECOVER", "1", TRUE);
  else
    g_subprocess_launcher_unsetenv (l, "GANTRY_TEST_AUTO_RECOVER");
  proc = g_subprocess_launcher_spawn (l, &error, g_getenv ("GANTRY_EXE"), arg, NULL);
  g_assert_no_error (error);
  *out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  return proc;
}

static void
kill_gantry (GSubprocess *proc)
{
  g_subprocess_send_signal (proc, SIGKILL);
  g_assert_true (g_subprocess_wait (proc, NULL, NULL));
  g_assert_true (g_subprocess_get_if_signaled (proc));
  g_assert_cmpint (g_subprocess_get_term_sig (proc), ==, SIGKILL);
}

static void
test_crash_and_recover (void)
{
  const char *exe = g_getenv ("GANTRY_EXE");
  g_autofree char *dir = NULL;
  g_autofree char *state = NULL;
  g_autofree char *rdir = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *line = NULL;
  g_autofree char *want = NULL;
  g_autoptr(GantryProject) p = build_plan ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GSubprocess) proc2 = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GDataInputStream) out2 = NULL;
  g_autofree char *info_path = NULL;
  guint n_tasks = count_tasks (gantry_project_get_root_task (p));

  if (exe == NULL || !g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("GANTRY_EXE is not set to the gantry binary (tests/ui/meson.build sets it)");
      return;
    }
  dir = g_build_filename (tmpdir, "crash", NULL);
  state = g_build_filename (dir, "state", NULL);
  rdir = g_build_filename (state, "gantry", "recovery", NULL);
  plan = g_build_filename (dir, "crash plan.gantry", NULL);
  g_assert_cmpint (g_mkdir_with_parents (state, 0700), ==, 0);
  g_assert_true (gantry_store_save (p, plan, NULL));

  /* 1. open the plan, edit it (GANTRY_TEST_EDIT appends "Autosave probe"),
   *    wait for the autosave, SIGKILL */
  proc = spawn_gantry (state, plan, TRUE, FALSE, &out);
  g_assert_true (wait_for_line (proc, out, "gantry-test: edited", NULL));
  {
    gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
    while (info_path == NULL && g_get_monotonic_time () < end)
      {
        g_autoptr(GDir) d = g_dir_open (rdir, 0, NULL);
        const char *name;

        while (d != NULL && (name = g_dir_read_name (d)) != NULL)
          if (g_str_has_suffix (name, ".info"))
            info_path = g_build_filename (rdir, name, NULL);
        if (info_path == NULL)
          g_usleep (100000);
      }
  }
  g_assert_nonnull (info_path);
  kill_gantry (proc);

  /* the autosave holds the edit; the sidecar names the original; the
   * original on disk is untouched */
  {
    g_autoptr(GKeyFile) kf = g_key_file_new ();
    g_autofree char *orig = NULL;
    g_autofree char *rplan = NULL;
    g_autoptr(GantryProject) r = NULL;
    g_autoptr(GantryProject) o = gantry_store_load (plan, NULL);

    g_assert_true (g_key_file_load_from_file (kf, info_path, G_KEY_FILE_NONE, NULL));
    orig = g_key_file_get_string (kf, "Recovery", "original", NULL);
    g_assert_cmpstr (orig, ==, plan);
    {
      g_autofree char *stem = g_strndup (info_path, strlen (info_path) - strlen (".info"));
      rplan = g_strconcat (stem, ".gantry", NULL);
    }
    r = gantry_store_load (rplan, NULL);
    g_assert_nonnull (r);
    g_assert_cmpuint (count_tasks (gantry_project_get_root_task (r)), ==, n_tasks + 1);
    g_assert_nonnull (find_task (gantry_project_get_root_task (r), "Autosave probe"));
    g_assert_cmpuint (count_tasks (gantry_project_get_root_task (o)), ==, n_tasks);
  }

  /* 2. restart: recovery offers the edits (auto-accepted by the hook) */
  proc2 = spawn_gantry (state, NULL, FALSE, TRUE, &out2);
  g_assert_true (wait_for_line (proc2, out2, "gantry-test: recovered", &line));
  want = g_strdup_printf ("gantry-test: recovered %u tasks modified=1 file=%s", n_tasks + 1, plan);
  g_assert_cmpstr (line, ==, want);
  /* 3. killed again before saving: the recovery file is still there */
  kill_gantry (proc2);
  g_assert_true (g_file_test (info_path, G_FILE_TEST_EXISTS));
}

/* ---- files changed on disk --------------------------------------------- */

static void
test_changed_on_disk (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  g_autofree char *path = g_build_filename (tmpdir, "disk.gantry", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GantryWindow *win = gantry_window_new (app);
  GtkWidget *dialog;
  GantryProject *wp;

  g_assert_true (gantry_store_save (p, path, NULL));
  gtk_window_present (GTK_WINDOW (win));
  g_assert_true (gantry_window_load_file (win, file));
  wp = gantry_window_get_project (win);

  /* unchanged on disk: saves without asking */
  add_task (wp, "Mine 1");
  g_assert_true (gantry_window_save_to_file (win, file, GANTRY_FILE_FORMAT_NATIVE));
  g_assert_null (find_dialog ("gantry-changed-on-disk-dialog"));

  /* someone else writes the file */
  {
    g_autoptr(GantryProject) other = build_plan ();
    g_autoptr(GFileInfo) info = NULL;

    add_task (other, "Theirs");
    g_assert_true (gantry_store_save (other, path, NULL));
    /* a distinct time even on coarse-grained file systems */
    g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                g_get_real_time () / G_USEC_PER_SEC + 120,
                                                G_FILE_QUERY_INFO_NONE, NULL, NULL));
  }
  add_task (wp, "Mine 2");
  /* Save warns instead of overwriting; Cancel keeps their file */
  g_assert_false (gantry_window_save_to_file (win, file, GANTRY_FILE_FORMAT_NATIVE));
  dialog = find_dialog ("gantry-changed-on-disk-dialog");
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  gantry_ui_test_iterate (3);
  g_assert_null (find_dialog ("gantry-changed-on-disk-dialog"));
  g_assert_true (gantry_project_get_modified (wp));
  {
    g_autoptr(GantryProject) disk = gantry_store_load (path, NULL);
    g_assert_nonnull (find_task (gantry_project_get_root_task (disk), "Theirs"));
    g_assert_null (find_task (gantry_project_get_root_task (disk), "Mine 2"));
  }

  /* asked again; Overwrite writes ours */
  g_assert_false (gantry_window_save_to_file (win, file, GANTRY_FILE_FORMAT_NATIVE));
  dialog = find_dialog ("gantry-changed-on-disk-dialog");
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), 1 /* Overwrite */);
  gantry_ui_test_iterate (3);
  g_assert_false (gantry_project_get_modified (wp));
  {
    g_autoptr(GantryProject) disk = gantry_store_load (path, NULL);
    g_assert_null (find_task (gantry_project_get_root_task (disk), "Theirs"));
    g_assert_nonnull (find_task (gantry_project_get_root_task (disk), "Mine 2"));
  }
  /* and after that, our own save is not a change by someone else */
  add_task (wp, "Mine 3");
  g_assert_true (gantry_window_save_to_file (win, file, GANTRY_FILE_FORMAT_NATIVE));

  /* a deleted file is simply written again */
  g_assert_cmpint (g_unlink (path), ==, 0);
  add_task (wp, "Mine 4");
  g_assert_true (gantry_window_save_to_file (win, file, GANTRY_FILE_FORMAT_NATIVE));
  g_assert_null (find_dialog ("gantry-changed-on-disk-dialog"));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (win));
  gantry_ui_test_iterate (3);
}

/* ---- preferences ------------------------------------------------------- */

static void
test_preferences (void)
{
  GSettings *settings = gantry_settings_get ();
  GantryWindow *win;
  GtkWidget *dialog, *w;
  g_autoptr(GantryProject) full = NULL;
  g_autofree char *xml_path = g_build_filename (tmpdir, "prefs.xml", NULL);
  g_autoptr(GFile) xml_file = g_file_new_for_path (xml_path);
  int start = 0, finish = 0;
  g_autofree char *code = NULL;

  if (settings == NULL)
    {
      g_test_skip ("the GSettings schema is not available (tests/ui/meson.build sets GSETTINGS_SCHEMA_DIR)");
      return;
    }
  win = gantry_window_new (app);
  gtk_window_present (GTK_WINDOW (win));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, "app.preferences");
    g_assert_nonnull (accels);
    g_assert_cmpstr (accels[0], ==, "<Control>comma");
  }
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  gantry_ui_test_iterate (3);
  dialog = find_dialog ("gantry-preferences-dialog");
  g_assert_nonnull (dialog);
  /* asking again shows the same dialog */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  gantry_ui_test_iterate (3);
  {
    GListModel *tops = gtk_window_get_toplevels ();
    guint n = 0;

    for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
      {
        g_autoptr(GtkWidget) t = g_list_model_get_item (tops, i);
        n += gtk_widget_has_css_class (t, "gantry-preferences-dialog");
      }
    g_assert_cmpuint (n, ==, 1);
  }
  screenshots (dialog, "gantry-preferences");

  /* working hours: the spin buttons show HH:MM and write the minutes */
  w = find_named (dialog, "working-start");
  g_assert_nonnull (w);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (w)), ==, "08:00");
  gtk_editable_set_text (GTK_EDITABLE (w), "09:30");
  gtk_spin_button_update (GTK_SPIN_BUTTON (w));
  g_assert_cmpuint (g_settings_get_uint (settings, "working-hours-start"), ==, 570);
  w = find_named (dialog, "working-finish");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (w), 1080);
  g_assert_cmpuint (g_settings_get_uint (settings, "working-hours-finish"), ==, 1080);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (w)), ==, "18:00");
  /* a bad time is refused, the setting is kept */
  gtk_editable_set_text (GTK_EDITABLE (w), "25:99");
  gtk_spin_button_update (GTK_SPIN_BUTTON (w));
  g_assert_cmpuint (g_settings_get_uint (settings, "working-hours-finish"), ==, 1080);

  w = find_named (dialog, "currency");
  gtk_editable_set_text (GTK_EDITABLE (w), "chf");
  {
    g_autofree char *c = g_settings_get_string (settings, "currency");
    g_assert_cmpstr (c, ==, "chf");
  }
  w = find_named (dialog, "date-format");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (w), 1);
  g_assert_cmpint (g_settings_get_enum (settings, "date-format"), ==, 1);   /* iso */
  w = find_named (dialog, "autosave-interval");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (w), 7);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-interval"), ==, 7);

  /* new plans get the working hours and currency */
  {
    GantryWindow *fresh = gantry_window_new (app);
    g_object_get (gantry_window_get_project (fresh), "default-start-time", &start,
                  "default-finish-time", &finish, "currency-code", &code, NULL);
    g_assert_cmpint (start, ==, 570);
    g_assert_cmpint (finish, ==, 1080);
    g_assert_cmpstr (code, ==, "CHF");
    gtk_window_destroy (GTK_WINDOW (fresh));
  }

  /* keep-unknown reaches the MS Project writer: the plan's vendor
   * elements are written only while it is on */
  full = gantry_test_build_full_plan ();
  gantry_project_clear_history (full);
  gantry_window_set_project (win, full, NULL, GANTRY_FILE_FORMAT_NATIVE);
  w = find_named (dialog, "keep-unknown");
  for (int keep = 0; keep < 2; keep++)
    {
      g_autofree char *written = NULL;
      g_autofree char *expected = NULL;

      gtk_check_button_set_active (GTK_CHECK_BUTTON (w), keep);
      g_assert_cmpint (g_settings_get_boolean (settings, "keep-unknown-mspdi"), ==, keep);
      g_assert_true (gantry_window_save_to_file (win, xml_file, GANTRY_FILE_FORMAT_MSPDI));
      /* close the export's notes, if any */
      gantry_ui_test_iterate (3);
      g_assert_true (g_file_get_contents (xml_path, &written, NULL, NULL));
      expected = gantry_mspdi_save_to_data (full, keep ? GANTRY_MSPDI_WRITE_KEEP_UNKNOWN
                                                       : GANTRY_MSPDI_WRITE_DEFAULT, NULL, NULL);
      g_assert_cmpstr (written, ==, expected);
      if (keep)
        {
          g_autofree char *without = gantry_mspdi_save_to_data (full, GANTRY_MSPDI_WRITE_DEFAULT, NULL, NULL);
          g_assert_cmpstr (written, !=, without);
        }
    }

  /* the date format reaches the table's date cells and widens them */
  {
    GantryTaskTable *table = gantry_window_get_task_table (win);
    GantryTask *first = gantry_task_get_child (gantry_project_get_root_task (full), 0);
    GantryTime first_start = gantry_task_get_start (first);
    int y, mo, d, h, mi, sec;
    g_autofree char *iso = NULL;
    g_autofree char *longer = NULL;
    const char *months[] = { "January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December" };
    GtkWidget *cell;
    GtkColumnViewColumn *column;

    gantry_time_split (first_start, &y, &mo, &d, &h, &mi, &sec);
    iso = g_strdup_printf ("%04d-%02d-%02d", y, mo, d);
    longer = g_strdup_printf ("%d %s %04d", d, months[mo - 1], y);
    column = g_list_model_get_item (gtk_column_view_get_columns (gantry_task_table_get_column_view (table)),
                                    GANTRY_COLUMN_START);
    g_object_unref (column);   /* the column view keeps it */

    w = find_named (dialog, "date-format");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (w), 1);
    gantry_ui_test_iterate (5);
    cell = gantry_task_table_find_cell (table, first, GANTRY_FIELD_START);
    g_assert_nonnull (cell);
    g_assert_cmpstr (gantry_cell_editor_get_text (GANTRY_CELL_EDITOR (cell)), ==, iso);

    gtk_drop_down_set_selected (GTK_DROP_DOWN (w), 2);
    g_assert_cmpint (g_settings_get_enum (settings, "date-format"), ==, 2);   /* locale-long */
    gantry_ui_test_iterate (5);
    cell = gantry_task_table_find_cell (table, first, GANTRY_FIELD_START);
    g_assert_nonnull (cell);
    g_assert_cmpstr (gantry_cell_editor_get_text (GANTRY_CELL_EDITOR (cell)), ==, longer);
    /* "28 September 2026" does not fit the default 100 px */
    g_assert_cmpint (gtk_column_view_column_get_fixed_width (column), >, 100);
    save_png (GTK_WIDGET (win), "gantry-date-format-long");

    /* a window opened now gets the wide columns too */
    {
      GantryWindow *later = gantry_window_new (app);
      GtkColumnViewColumn *c2 = g_list_model_get_item (gtk_column_view_get_columns (gantry_task_table_get_column_view (gantry_window_get_task_table (later))),
                                                       GANTRY_COLUMN_FINISH);

      g_assert_cmpint (gtk_column_view_column_get_fixed_width (c2), >, 100);
      g_object_unref (c2);
      gtk_window_destroy (GTK_WINDOW (later));
    }

    g_settings_reset (settings, "date-format");
    gantry_ui_test_iterate (5);
    cell = gantry_task_table_find_cell (table, first, GANTRY_FIELD_START);
    g_assert_nonnull (cell);
    g_assert_cmpstr (gantry_cell_editor_get_text (GANTRY_CELL_EDITOR (cell)), !=, longer);
    g_assert_cmpstr (gantry_cell_editor_get_text (GANTRY_CELL_EDITOR (cell)), !=, iso);
  }

  g_settings_reset (settings, "working-hours-start");
  g_settings_reset (settings, "working-hours-finish");
  g_settings_reset (settings, "currency");
  g_settings_reset (settings, "date-format");
  g_settings_reset (settings, "autosave-interval");
  g_settings_reset (settings, "keep-unknown-mspdi");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gantry_project_mark_saved (full);
  gtk_window_destroy (GTK_WINDOW (win));
  gantry_ui_test_iterate (3);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  int ret;

  setlocale (LC_ALL, "C.UTF-8");
  tmpdir = g_dir_make_tmp ("gantry-recovery-XXXXXX", NULL);
  state = g_build_filename (tmpdir, "state", NULL);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GANTRY_AUTOSAVE_SECONDS", "1", TRUE);
  g_unsetenv ("GANTRY_TEST_AUTO_RECOVER");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/recovery/store", test_store);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display (the README's test command provides Xvfb)");
      return g_test_run ();
    }
  app = GTK_APPLICATION (gantry_application_new (G_APPLICATION_NON_UNIQUE));
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/ui/recovery/window-autosave", test_window_autosave);
  g_test_add_func ("/ui/recovery/offer-dialog", test_offer_dialog);
  g_test_add_func ("/ui/recovery/into-open-window", test_recover_into_open_window);
  g_test_add_func ("/ui/recovery/crash-and-recover", test_crash_and_recover);
  g_test_add_func ("/ui/file/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/ui/preferences", test_preferences);
  ret = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return ret;
}
