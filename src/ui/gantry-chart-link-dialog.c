/* gantry-chart-link-dialog.c — the small dialog a link drag opens
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gantry-chart-link-dialog.h"

struct _GantryChartLinkDialog
{
  GtkWindow    parent_instance;

  GantryTask  *predecessor;
  GantryTask  *successor;
  GtkWidget   *type_dropdown;
  GtkWidget   *lag_entry;
  GtkWidget   *error_label;
  GtkWidget   *accept_button;
};

G_DEFINE_FINAL_TYPE (GantryChartLinkDialog, gantry_chart_link_dialog, GTK_TYPE_WINDOW)

/* The dropdown's order, as in MS Project's Task Dependency dialog. */
static const GantryLinkType type_order[] = {
  GANTRY_LINK_FS, GANTRY_LINK_SS, GANTRY_LINK_FF, GANTRY_LINK_SF,
};

static void
gantry_chart_link_dialog_dispose (GObject *object)
{
  GantryChartLinkDialog *self = GANTRY_CHART_LINK_DIALOG (object);

  g_clear_object (&self->predecessor);
  g_clear_object (&self->successor);
  G_OBJECT_CLASS (gantry_chart_link_dialog_parent_class)->dispose (object);
}

/* GTK 4.8's Adwaita has one error colour, a dark red that cannot be read
 * on the dark theme's background: there the message takes the lighter red
 * the chart and the usage view use for errors. */
static void
update_error_colour (GantryChartLinkDialog *self)
{
  GtkStyleContext *ctx = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA bg, red;
  PangoAttrList *attrs;

  if (self->error_label == NULL)
    return;
  if ((!gtk_style_context_lookup_color (ctx, "window_bg_color", &bg)
       && !gtk_style_context_lookup_color (ctx, "theme_bg_color", &bg))
      || 0.2126 * bg.red + 0.7152 * bg.green + 0.0722 * bg.blue >= 0.45)
    {
      gtk_label_set_attributes (GTK_LABEL (self->error_label), NULL);   /* the theme's */
      return;
    }
  gdk_rgba_parse (&red, "#ff7b63");
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_foreground_new ((guint16) (red.red * 65535),
                                                            (guint16) (red.green * 65535),
                                                            (guint16) (red.blue * 65535)));
  gtk_label_set_attributes (GTK_LABEL (self->error_label), attrs);
  pango_attr_list_unref (attrs);
}

static void
gantry_chart_link_dialog_css_changed (GtkWidget         *widget,
                                      GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (gantry_chart_link_dialog_parent_class)->css_changed (widget, change);
  update_error_colour (GANTRY_CHART_LINK_DIALOG (widget));
}

static void
gantry_chart_link_dialog_class_init (GantryChartLinkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gantry_chart_link_dialog_dispose;
  widget_class->css_changed = gantry_chart_link_dialog_css_changed;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gantry_chart_link_dialog_init (GantryChartLinkDialog *self)
{
}

static void
set_error (GantryChartLinkDialog *self,
           const char            *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL && *message != '\0');
  if (message != NULL && *message != '\0')
    {
      gtk_widget_add_css_class (self->lag_entry, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->lag_entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->lag_entry, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->lag_entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
on_accept_clicked (GtkButton             *button,
                   GantryChartLinkDialog *self)
{
  gantry_chart_link_dialog_respond (self, TRUE);
}

static void
on_cancel_clicked (GtkButton             *button,
                   GantryChartLinkDialog *self)
{
  gantry_chart_link_dialog_respond (self, FALSE);
}

static void
on_lag_changed (GtkEditable           *editable,
                GantryChartLinkDialog *self)
{
  set_error (self, NULL);
}

static GtkWidget *
field_label (const char *mnemonic,
             GtkWidget  *target)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "dim-label");
  if (target != NULL)
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), target);
  return label;
}

static GtkWidget *
name_label (GantryTask *task)
{
  const char *name = gantry_task_get_name (task);
  GtkWidget *label = gtk_label_new (name && *name ? name : _("Unnamed task"));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  return label;
}

GtkWidget *
gantry_chart_link_dialog_new (GtkWindow  *parent,
                              GantryTask *predecessor,
                              GantryTask *successor)
{
  GantryChartLinkDialog *self;
  GantryProject *project;
  GantryLink *existing;
  GantryDurationContext ctx = GANTRY_DURATION_CONTEXT_DEFAULT;
  GantryDurationFormat format = GANTRY_FORMAT_DAYS;
  GtkWidget *box, *grid, *buttons, *cancel;
  GtkStringList *types;
  g_autofree char *lag = NULL;
  guint selected = 0;

  g_return_val_if_fail (GANTRY_IS_TASK (predecessor), NULL);
  g_return_val_if_fail (GANTRY_IS_TASK (successor), NULL);

  project = gantry_task_get_project (predecessor);
  existing = project ? gantry_project_find_link (project, predecessor, successor) : NULL;
  if (project != NULL)
    {
      gantry_project_get_duration_context (project, &ctx);
      format = gantry_project_get_duration_format (project);
      if (!gantry_format_is_valid (format) || gantry_format_is_percent (format))
        format = GANTRY_FORMAT_DAYS;
    }

  self = g_object_new (GANTRY_TYPE_CHART_LINK_DIALOG,
                       "title", existing ? _("Edit Link") : _("Link Tasks"),
                       "modal", TRUE,
                       "resizable", FALSE,
                       "destroy-with-parent", TRUE,
                       "transient-for", parent,
                       NULL);
  self->predecessor = g_object_ref (predecessor);
  self->successor = g_object_ref (successor);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_window_set_child (GTK_WINDOW (self), box);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_box_append (GTK_BOX (box), grid);

  types = gtk_string_list_new (NULL);
  gtk_string_list_append (types, _("Finish-to-Start (FS)"));
  gtk_string_list_append (types, _("Start-to-Start (SS)"));
  gtk_string_list_append (types, _("Finish-to-Finish (FF)"));
  gtk_string_list_append (types, _("Start-to-Finish (SF)"));
  self->type_dropdown = gtk_drop_down_new (G_LIST_MODEL (types), NULL);
  self->lag_entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (self->lag_entry), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->lag_entry), 10);
  gtk_widget_set_tooltip_text (self->lag_entry,
                               _("Time between the tasks, e.g. 2d, 4h, -1d (a lead) or 50%"));

  gtk_grid_attach (GTK_GRID (grid), field_label (_("From"), NULL), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), name_label (predecessor), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), field_label (_("To"), NULL), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), name_label (successor), 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), field_label (_("_Type"), self->type_dropdown), 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->type_dropdown, 1, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), field_label (_("_Lag"), self->lag_entry), 0, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->lag_entry, 1, 3, 1, 1);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0.0);
  gtk_label_set_max_width_chars (GTK_LABEL (self->error_label), 40);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->lag_entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), self->error_label);
  update_error_colour (self);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  self->accept_button = gtk_button_new_with_mnemonic (existing ? _("_Apply") : _("_Link"));
  gtk_widget_add_css_class (self->accept_button, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), self->accept_button);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->accept_button);

  g_signal_connect (cancel, "clicked", G_CALLBACK (on_cancel_clicked), self);
  g_signal_connect (self->accept_button, "clicked", G_CALLBACK (on_accept_clicked), self);
  g_signal_connect (self->lag_entry, "changed", G_CALLBACK (on_lag_changed), self);

  if (existing != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (type_order); i++)
        if (type_order[i] == gantry_link_get_link_type (existing))
          selected = i;
      if (gantry_format_is_percent (gantry_link_get_lag_format (existing)))
        lag = g_strdup_printf ("%g%%", gantry_link_get_lag (existing) / 1000.0);
      else
        lag = gantry_duration_format_short (gantry_link_get_lag (existing),
                                            gantry_link_get_lag_format (existing), &ctx);
    }
  else
    lag = gantry_duration_format_short (0, format, &ctx);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->type_dropdown), selected);
  gtk_editable_set_text (GTK_EDITABLE (self->lag_entry), lag ? lag : "0");
  gtk_widget_grab_focus (self->type_dropdown);

  return GTK_WIDGET (self);
}

void
gantry_chart_link_dialog_set_values (GantryChartLinkDialog *self,
                                     GantryLinkType         type,
                                     const char            *lag)
{
  g_return_if_fail (GANTRY_IS_CHART_LINK_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (type_order); i++)
    if (type_order[i] == type)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->type_dropdown), i);
  if (lag != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->lag_entry), lag);
}

const char *
gantry_chart_link_dialog_get_error (GantryChartLinkDialog *self)
{
  g_return_val_if_fail (GANTRY_IS_CHART_LINK_DIALOG (self), "");

  return gtk_widget_get_visible (self->error_label)
         ? gtk_label_get_text (GTK_LABEL (self->error_label)) : "";
}

static gboolean
set_link_property (GantryProject *project,
                   GantryLink    *link,
                   const char    *property,
                   const GValue  *value)
{
  return gantry_project_apply (project, gantry_command_set_property (link, property, value));
}

static gboolean
apply_link (GantryChartLinkDialog *self,
            GantryProject         *project,
            GantryLinkType         type,
            gint64                 lag,
            GantryDurationFormat   lag_format)
{
  GantryLink *existing = gantry_project_find_link (project, self->predecessor, self->successor);
  gboolean ok = TRUE;

  gantry_project_begin_group (project, existing ? _("Edit Link") : _("Link Tasks"));
  if (existing != NULL)
    {
      g_auto(GValue) v_type = G_VALUE_INIT;
      g_auto(GValue) v_lag = G_VALUE_INIT;
      g_auto(GValue) v_format = G_VALUE_INIT;

      g_value_init (&v_type, G_TYPE_INT);
      g_value_set_int (&v_type, type);
      g_value_init (&v_lag, G_TYPE_INT64);
      g_value_set_int64 (&v_lag, lag);
      g_value_init (&v_format, G_TYPE_INT);
      g_value_set_int (&v_format, lag_format);
      if (gantry_link_get_link_type (existing) != type)
        ok &= set_link_property (project, existing, "link-type", &v_type);
      if (gantry_link_get_lag_format (existing) != lag_format)
        ok &= set_link_property (project, existing, "lag-format", &v_format);
      if (gantry_link_get_lag (existing) != lag)
        ok &= set_link_property (project, existing, "lag", &v_lag);
    }
  else
    {
      g_autoptr(GantryLink) link = gantry_link_new (self->predecessor, self->successor,
                                                    type, lag, lag_format);

      ok = gantry_project_apply (project, gantry_command_add_link (link));
    }
  gantry_project_end_group (project);
  return ok;
}

gboolean
gantry_chart_link_dialog_respond (GantryChartLinkDialog *self,
                                  gboolean               accept)
{
  g_autoptr(GError) error = NULL;
  GantryDurationContext ctx = GANTRY_DURATION_CONTEXT_DEFAULT;
  GantryDurationFormat default_format = GANTRY_FORMAT_DAYS;
  GantryDurationFormat lag_format;
  GantryProject *project;
  GantryLinkType type;
  gint64 lag;
  guint selected;

  g_return_val_if_fail (GANTRY_IS_CHART_LINK_DIALOG (self), FALSE);

  if (!accept)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return TRUE;
    }

  project = gantry_task_get_project (self->predecessor);
  if (project == NULL || gantry_task_get_project (self->successor) != project)
    {
      set_error (self, _("One of the tasks was deleted; the link cannot be made."));
      return FALSE;
    }
  gantry_project_get_duration_context (project, &ctx);
  default_format = gantry_project_get_duration_format (project);
  if (!gantry_format_is_valid (default_format) || gantry_format_is_percent (default_format))
    default_format = GANTRY_FORMAT_DAYS;

  if (!gantry_duration_parse (gtk_editable_get_text (GTK_EDITABLE (self->lag_entry)),
                              &ctx, default_format, TRUE, TRUE, &lag, &lag_format, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The lag is not valid: %s"), error->message);

      set_error (self, message);
      gtk_widget_grab_focus (self->lag_entry);
      return FALSE;
    }

  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->type_dropdown));
  type = type_order[MIN (selected, G_N_ELEMENTS (type_order) - 1)];

  if (!apply_link (self, project, type, lag, lag_format))
    {
      set_error (self, _("These tasks cannot be linked."));
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
