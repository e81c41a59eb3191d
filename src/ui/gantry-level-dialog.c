/* gantry-level-dialog.c — the Level Resources options and progress windows
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gantry-level-dialog.h"

/* ---- options ---------------------------------------------------------------- */

struct _GantryLevelDialog
{
  GtkWindow      parent_instance;

  GantryProject *project;
  GtkWidget     *whole;
  GtkWidget     *range;
  GtkWidget     *from;
  GtkWidget     *to;
  GtkWidget     *slack;
  GtkWidget     *error;
};

G_DEFINE_FINAL_TYPE (GantryLevelDialog, gantry_level_dialog, GTK_TYPE_WINDOW)

enum { SIGNAL_LEVEL, SIGNAL_CLEAR, N_SIGNALS };
static guint level_signals[N_SIGNALS];

static void
show_error (GantryLevelDialog *self, const char *text)
{
  gtk_label_set_text (GTK_LABEL (self->error), text != NULL ? text : "");
  gtk_widget_set_visible (self->error, text != NULL);
}

static gboolean
read_date (GantryLevelDialog *self, GtkWidget *entry, int minutes, const char *field,
           GantryTime *out, GError **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) local = NULL;

  if (gantry_time_parse_display (text, (gint64) minutes * GANTRY_MS_MINUTE, out, &local))
    return TRUE;
  /* TRANSLATORS: "From: “2026-13-01” is not a date." */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: “%s” is not a date."),
               field, text);
  (void) self;
  return FALSE;
}

gboolean
gantry_level_dialog_get_options (GantryLevelDialog  *self,
                                 GantryLevelOptions *out,
                                 GError            **error)
{
  g_autoptr(GError) local = NULL;
  GantryLevelOptions o = { GANTRY_TIME_NONE, GANTRY_TIME_NONE, FALSE };

  g_return_val_if_fail (GANTRY_IS_LEVEL_DIALOG (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  o.within_slack = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->slack));
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->range)))
    {
      if (!read_date (self, self->from, gantry_project_get_default_start_time (self->project),
                      _("From"), &o.from, &local)
          || !read_date (self, self->to, gantry_project_get_default_finish_time (self->project),
                         _("To"), &o.to, &local))
        ;
      else if (o.to <= o.from)
        g_set_error_literal (&local, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("The range ends before it starts."));
    }
  show_error (self, local != NULL ? local->message : NULL);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  *out = o;
  return TRUE;
}

gboolean
gantry_level_dialog_activate_level (GantryLevelDialog *self)
{
  GantryLevelOptions o;

  g_return_val_if_fail (GANTRY_IS_LEVEL_DIALOG (self), FALSE);
  if (!gantry_level_dialog_get_options (self, &o, NULL))
    return FALSE;
  g_signal_emit (self, level_signals[SIGNAL_LEVEL], 0);
  return TRUE;
}

void
gantry_level_dialog_set_range_text (GantryLevelDialog *self, const char *from, const char *to)
{
  g_return_if_fail (GANTRY_IS_LEVEL_DIALOG (self));
  if (from == NULL || to == NULL)
    {
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->whole), TRUE);
      return;
    }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->range), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->from), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to), to);
}

void
gantry_level_dialog_set_within_slack (GantryLevelDialog *self, gboolean within)
{
  g_return_if_fail (GANTRY_IS_LEVEL_DIALOG (self));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->slack), within);
}

static void
on_level_clicked (GtkButton *b, GantryLevelDialog *self)
{
  (void) b;
  gantry_level_dialog_activate_level (self);
}

static void
on_clear_clicked (GtkButton *b, GantryLevelDialog *self)
{
  (void) b;
  g_signal_emit (self, level_signals[SIGNAL_CLEAR], 0);
}

static void
on_range_toggled (GtkCheckButton *b, GParamSpec *pspec, GantryLevelDialog *self)
{
  gboolean on = gtk_check_button_get_active (b);

  (void) pspec;
  gtk_widget_set_sensitive (self->from, on);
  gtk_widget_set_sensitive (self->to, on);
  show_error (self, NULL);
}

static void
gantry_level_dialog_dispose (GObject *object)
{
  GantryLevelDialog *self = GANTRY_LEVEL_DIALOG (object);

  g_clear_object (&self->project);
  G_OBJECT_CLASS (gantry_level_dialog_parent_class)->dispose (object);
}

static void
gantry_level_dialog_class_init (GantryLevelDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gantry_level_dialog_dispose;
  level_signals[SIGNAL_LEVEL] = g_signal_new ("level", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  level_signals[SIGNAL_CLEAR] = g_signal_new ("clear", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gantry_level_dialog_init (GantryLevelDialog *self)
{
  (void) self;
}

static GtkWidget *
date_entry (const char *accessible_name)
{
  GtkWidget *e = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (e), 14);
  gtk_accessible_update_property (GTK_ACCESSIBLE (e), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  return e;
}

GtkWidget *
gantry_level_dialog_new (GtkWindow *parent, GantryProject *project)
{
  GantryLevelDialog *self;
  GtkWidget *box, *grid, *l, *buttons, *level, *cancel, *clear, *spacer, *hint;
  g_autofree char *from = NULL, *to = NULL;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), NULL);

  self = g_object_new (GANTRY_TYPE_LEVEL_DIALOG, "modal", TRUE, "transient-for", parent,
                       "resizable", FALSE, "title", _("Level Resources"), NULL);
  self->project = g_object_ref (project);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 14);
  gtk_widget_set_margin_bottom (box, 14);

  hint = gtk_label_new (_("Levelling delays tasks so that no resource works more than its "
                          "maximum units. Tasks are served by priority, then slack, then ID."));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 52);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), hint);

  l = gtk_label_new (_("Level"));
  gtk_widget_add_css_class (l, "heading");
  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_box_append (GTK_BOX (box), l);
  self->whole = gtk_check_button_new_with_mnemonic (_("The _whole project"));
  self->range = gtk_check_button_new_with_mnemonic (_("Only tasks _between these dates:"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (self->range), GTK_CHECK_BUTTON (self->whole));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->whole), TRUE);
  gtk_box_append (GTK_BOX (box), self->whole);
  gtk_box_append (GTK_BOX (box), self->range);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_widget_set_margin_start (grid, 28);
  self->from = date_entry (_("From"));
  self->to = date_entry (_("To"));
  from = gantry_time_format_display (gantry_project_get_start (project), FALSE);
  to = gantry_time_format_display (gantry_project_get_finish (project), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->from), from != NULL ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to), to != NULL ? to : "");
  l = gtk_label_new_with_mnemonic (_("_From"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), self->from);
  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_grid_attach (GTK_GRID (grid), l, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->from, 1, 0, 1, 1);
  l = gtk_label_new_with_mnemonic (_("_To"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), self->to);
  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_grid_attach (GTK_GRID (grid), l, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->to, 1, 1, 1, 1);
  gtk_box_append (GTK_BOX (box), grid);
  gtk_widget_set_sensitive (self->from, FALSE);
  gtk_widget_set_sensitive (self->to, FALSE);
  g_signal_connect (self->range, "notify::active", G_CALLBACK (on_range_toggled), self);

  self->slack = gtk_check_button_new_with_mnemonic (_("Level only within available _slack "
                                                      "(the project finish does not move)"));
  gtk_widget_set_margin_top (self->slack, 6);
  gtk_box_append (GTK_BOX (box), self->slack);

  self->error = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->error, "error");
  gtk_label_set_xalign (GTK_LABEL (self->error), 0);
  gtk_label_set_wrap (GTK_LABEL (self->error), TRUE);
  gtk_widget_set_visible (self->error, FALSE);
  gtk_box_append (GTK_BOX (box), self->error);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (buttons, 10);
  clear = gtk_button_new_with_mnemonic (_("Clea_r Levelling"));
  gtk_widget_set_tooltip_text (clear, _("Remove every levelling delay"));
  g_signal_connect (clear, "clicked", G_CALLBACK (on_clear_clicked), self);
  gtk_box_append (GTK_BOX (buttons), clear);
  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (buttons), spacer);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_box_append (GTK_BOX (buttons), cancel);
  level = gtk_button_new_with_mnemonic (_("_Level"));
  gtk_widget_add_css_class (level, "suggested-action");
  g_signal_connect (level, "clicked", G_CALLBACK (on_level_clicked), self);
  gtk_box_append (GTK_BOX (buttons), level);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_window_set_child (GTK_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), level);
  return GTK_WIDGET (self);
}

/* ---- progress --------------------------------------------------------------- */

struct _GantryLevelProgressWindow
{
  GtkWindow     parent_instance;

  GCancellable *cancellable;
  GtkWidget    *label;
  GtkWidget    *bar;
  GtkWidget    *cancel;
};

G_DEFINE_FINAL_TYPE (GantryLevelProgressWindow, gantry_level_progress_window, GTK_TYPE_WINDOW)

void
gantry_level_progress_window_cancel (GantryLevelProgressWindow *self)
{
  g_return_if_fail (GANTRY_IS_LEVEL_PROGRESS_WINDOW (self));
  if (self->cancellable != NULL && !g_cancellable_is_cancelled (self->cancellable))
    {
      g_cancellable_cancel (self->cancellable);
      gtk_label_set_text (GTK_LABEL (self->label), _("Cancelling…"));
      gtk_widget_set_sensitive (self->cancel, FALSE);
    }
}

void
gantry_level_progress_window_set_fraction (GantryLevelProgressWindow *self, double fraction)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GANTRY_IS_LEVEL_PROGRESS_WINDOW (self));
  fraction = CLAMP (fraction, 0.0, 1.0);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->bar), fraction);
  /* TRANSLATORS: progress, e.g. "42 %" */
  text = g_strdup_printf (_("%d %%"), (int) (fraction * 100 + 0.5));
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->bar), text);
}

double
gantry_level_progress_window_get_fraction (GantryLevelProgressWindow *self)
{
  g_return_val_if_fail (GANTRY_IS_LEVEL_PROGRESS_WINDOW (self), 0);
  return gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (self->bar));
}

static void
on_progress_cancel_clicked (GtkButton *b, GantryLevelProgressWindow *self)
{
  (void) b;
  gantry_level_progress_window_cancel (self);
}

/* Closing the window means Cancel; it stays until the run has stopped. */
static gboolean
gantry_level_progress_window_close_request (GtkWindow *window)
{
  gantry_level_progress_window_cancel (GANTRY_LEVEL_PROGRESS_WINDOW (window));
  return TRUE;
}

static void
gantry_level_progress_window_dispose (GObject *object)
{
  GantryLevelProgressWindow *self = GANTRY_LEVEL_PROGRESS_WINDOW (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (gantry_level_progress_window_parent_class)->dispose (object);
}

static void
gantry_level_progress_window_class_init (GantryLevelProgressWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gantry_level_progress_window_dispose;
  window_class->close_request = gantry_level_progress_window_close_request;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gantry_level_progress_window_init (GantryLevelProgressWindow *self)
{
  (void) self;
}

GtkWidget *
gantry_level_progress_window_new (GtkWindow *parent, GCancellable *cancellable)
{
  GantryLevelProgressWindow *self;
  GtkWidget *box, *buttons;

  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  self = g_object_new (GANTRY_TYPE_LEVEL_PROGRESS_WINDOW, "modal", TRUE, "transient-for", parent,
                       "resizable", FALSE, "deletable", TRUE, "title", _("Level Resources"),
                       "default-width", 380, NULL);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 16);
  gtk_widget_set_margin_bottom (box, 14);
  self->label = gtk_label_new (_("Levelling resources: delaying tasks so that no one is "
                                 "over-allocated…"));
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->label), 44);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_box_append (GTK_BOX (box), self->label);
  self->bar = gtk_progress_bar_new ();
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (self->bar), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Levelling progress"), -1);
  gtk_box_append (GTK_BOX (box), self->bar);
  gantry_level_progress_window_set_fraction (self, 0);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  self->cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_tooltip_text (self->cancel, _("Stop levelling and leave the plan as it was"));
  g_signal_connect (self->cancel, "clicked", G_CALLBACK (on_progress_cancel_clicked), self);
  gtk_box_append (GTK_BOX (buttons), self->cancel);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_window_set_child (GTK_WINDOW (self), box);
  return GTK_WIDGET (self);
}
