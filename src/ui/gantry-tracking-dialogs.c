/* gantry-tracking-dialogs.c — Set/Clear Baseline and Update Project
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gantry-tracking-dialogs.h"
#include "gantry-tracking.h"
#include "gantry-window.h"
#include "gantry-task-table.h"

/* Dialog state kept as object data on the dialog window. */
typedef struct
{
  GantryProject *project;
  GPtrArray     *selected;     /* GantryTask*, ref'd */
  GtkWidget     *which;        /* baseline: drop-down 0..10 */
  GtkWidget     *only_selected;
  GtkWidget     *date;         /* update: entry */
  GtkWidget     *error;        /* update: message label */
  gboolean       is_baseline;
} DialogState;

static void
dialog_state_free (gpointer data)
{
  DialogState *st = data;

  g_clear_object (&st->project);
  g_clear_pointer (&st->selected, g_ptr_array_unref);
  g_free (st);
}

static GtkWidget *
dialog_shell (GtkWindow *parent, const char *title, DialogState *st, GtkWidget *body,
              gboolean with_clear, const char *ok_label)
{
  GtkWidget *win = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *ok = gtk_button_new_with_mnemonic (ok_label);

  gtk_window_set_title (GTK_WINDOW (win), title);
  gtk_window_set_modal (GTK_WINDOW (win), TRUE);
  gtk_window_set_resizable (GTK_WINDOW (win), FALSE);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (win), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (win), TRUE);
  g_object_set_data_full (G_OBJECT (win), "tracking-state", st, dialog_state_free);

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_box_append (GTK_BOX (box), body);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), cancel);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), win);
  if (with_clear)
    {
      GtkWidget *clear = gtk_button_new_with_mnemonic (_("C_lear Baseline"));

      gtk_widget_add_css_class (clear, "destructive-action");
      g_signal_connect_swapped (clear, "clicked",
                                G_CALLBACK (gantry_tracking_dialog_respond_clear), win);
      gtk_box_append (GTK_BOX (buttons), clear);
    }
  gtk_widget_add_css_class (ok, "suggested-action");
  g_signal_connect_swapped (ok, "clicked", G_CALLBACK (gantry_tracking_dialog_respond_ok), win);
  gtk_box_append (GTK_BOX (buttons), ok);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_window_set_child (GTK_WINDOW (win), box);
  gtk_window_set_default_widget (GTK_WINDOW (win), ok);
  return win;
}

/* ---- baseline ------------------------------------------------------------- */

GtkWidget *
gantry_baseline_dialog_new (GtkWindow *parent, GantryProject *project, GPtrArray *selected)
{
  DialogState *st = g_new0 (DialogState, 1);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *label, *all;
  const char *names[GANTRY_N_BASELINES + 1] = { NULL };
  g_autoptr(GPtrArray) owned_names = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), NULL);

  st->project = g_object_ref (project);
  st->selected = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; selected != NULL && i < selected->len; i++)
    g_ptr_array_add (st->selected, g_object_ref (g_ptr_array_index (selected, i)));
  st->is_baseline = TRUE;

  for (guint n = 0; n < GANTRY_N_BASELINES; n++)
    {
      char *s = n == 0 ? g_strdup (_("Baseline")) : g_strdup_printf (_("Baseline %u"), n);

      g_ptr_array_add (owned_names, s);
      names[n] = s;
    }
  st->which = gtk_drop_down_new_from_strings (names);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  label = gtk_label_new_with_mnemonic (_("_Baseline:"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), st->which);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), st->which, 1, 0, 1, 1);

  all = gtk_check_button_new_with_mnemonic (_("_Entire project"));
  st->only_selected = gtk_check_button_new_with_mnemonic (_("_Selected tasks"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (st->only_selected), GTK_CHECK_BUTTON (all));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (all), TRUE);
  gtk_widget_set_sensitive (st->only_selected, st->selected->len > 0);
  gtk_grid_attach (GTK_GRID (grid), all, 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), st->only_selected, 1, 2, 1, 1);

  return dialog_shell (parent, _("Baseline"), st, grid, TRUE, _("_Set Baseline"));
}

/* ---- update project ------------------------------------------------------ */

GtkWidget *
gantry_update_project_dialog_new (GtkWindow *parent, GantryProject *project)
{
  DialogState *st = g_new0 (DialogState, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label;
  g_autofree char *text = NULL;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), NULL);

  st->project = g_object_ref (project);
  label = gtk_label_new_with_mnemonic (_("Mark work as complete up to the status _date:"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  st->date = gtk_entry_new ();
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), st->date);
  text = gantry_time_format_display (gantry_tracking_get_status_date (project), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (st->date), text != NULL ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (st->date), TRUE);
  st->error = gtk_label_new (NULL);
  gtk_widget_add_css_class (st->error, "error");
  gtk_label_set_xalign (GTK_LABEL (st->error), 0);
  gtk_label_set_wrap (GTK_LABEL (st->error), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), st->date);
  gtk_box_append (GTK_BOX (box), st->error);
  return dialog_shell (parent, _("Update Project"), st, box, FALSE, _("_Update"));
}

/* ---- responses ------------------------------------------------------------- */

void
gantry_tracking_dialog_respond (GtkWidget *dialog, gboolean clear)
{
  DialogState *st = g_object_get_data (G_OBJECT (dialog), "tracking-state");

  g_return_if_fail (st != NULL);

  if (st->is_baseline)
    {
      guint n = gtk_drop_down_get_selected (GTK_DROP_DOWN (st->which));
      GPtrArray *tasks = gtk_check_button_get_active (GTK_CHECK_BUTTON (st->only_selected))
                           ? st->selected : NULL;

      if (n >= GANTRY_N_BASELINES)
        n = 0;
      if (clear)
        gantry_project_clear_baseline_for (st->project, tasks, n);
      else
        gantry_project_set_baseline_for (st->project, tasks, n);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      GantryTime t;

      /* A date alone means the end of that working day. */
      if (!gantry_time_parse_display (gtk_editable_get_text (GTK_EDITABLE (st->date)),
                                      (gint64) gantry_project_get_default_finish_time (st->project)
                                        * GANTRY_MS_MINUTE,
                                      &t, &error))
        {
          g_autofree char *msg = g_strdup_printf (_("Not a date: %s"), error->message);

          gtk_label_set_text (GTK_LABEL (st->error), msg);
          return;   /* the dialog stays open */
        }
      gantry_project_begin_group (st->project, _("Update Project"));
      gantry_project_apply (st->project, gantry_command_set (st->project, "status-date", t));
      gantry_project_update_progress (st->project, t);
      gantry_project_end_group (st->project);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
gantry_tracking_dialog_respond_ok (GtkWidget *dialog)
{
  gantry_tracking_dialog_respond (dialog, FALSE);
}

void
gantry_tracking_dialog_respond_clear (GtkWidget *dialog)
{
  gantry_tracking_dialog_respond (dialog, TRUE);
}

/* ---- window actions ------------------------------------------------------- */

static void
action_baseline (GtkWidget *widget, const char *name, GVariant *param)
{
  GantryWindow *win = GANTRY_WINDOW (widget);
  GantryProject *project = gantry_window_get_project (win);
  g_autoptr(GPtrArray) sel = NULL;
  GtkWidget *dialog;

  if (project == NULL)
    return;
  sel = gantry_task_table_get_selected_tasks (gantry_window_get_task_table (win));
  dialog = gantry_baseline_dialog_new (GTK_WINDOW (win), project, sel);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_update_project (GtkWidget *widget, const char *name, GVariant *param)
{
  GantryWindow *win = GANTRY_WINDOW (widget);
  GantryProject *project = gantry_window_get_project (win);
  GtkWidget *dialog;

  if (project == NULL)
    return;
  dialog = gantry_update_project_dialog_new (GTK_WINDOW (win), project);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
gantry_tracking_dialogs_install (GtkWidgetClass *window_class)
{
  gtk_widget_class_install_action (window_class, "tracking.baseline", NULL, action_baseline);
  gtk_widget_class_install_action (window_class, "tracking.update-project", NULL,
                                   action_update_project);
}

void
gantry_tracking_warn_mspdi_export (GtkWindow *parent, GantryProject *project)
{
  g_autofree char *warning = NULL;
  GtkWidget *dialog;

  g_return_if_fail (GANTRY_IS_PROJECT (project));

  warning = gantry_risk_mspdi_warning (project);
  if (warning == NULL)
    return;
  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_OK, "%s",
                                   _("Risks are not saved in MS Project XML"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", warning);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}
