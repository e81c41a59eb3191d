/* gantry-cell-editor.c — a table cell that edits in place
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gantry-cell-editor.h"

struct _GantryCellEditor
{
  GtkWidget  parent_instance;

  GtkWidget *label;
  GtkWidget *text;       /* created on first use (a GtkText costs more than
                          * the rest of the cell: the table makes and drops
                          * thousands of cells when the outline changes) */
  float      xalign;
  gboolean   editing;
  guint      stop_source;
};

G_DEFINE_FINAL_TYPE (GantryCellEditor, gantry_cell_editor, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_EDITING, N_PROPS };
static GParamSpec *properties[N_PROPS];

static GtkWidget *ensure_text (GantryCellEditor *self);

const char *
gantry_cell_editor_get_text (GantryCellEditor *self)
{
  const char *text;

  g_return_val_if_fail (GANTRY_IS_CELL_EDITOR (self), NULL);
  text = gtk_inscription_get_text (GTK_INSCRIPTION (self->label));
  return text != NULL ? text : "";
}

void
gantry_cell_editor_set_text (GantryCellEditor *self,
                             const char       *text)
{
  g_return_if_fail (GANTRY_IS_CELL_EDITOR (self));

  gtk_inscription_set_text (GTK_INSCRIPTION (self->label), text ? text : "");
  if (!self->editing && self->text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->text), text ? text : "");
}

void
gantry_cell_editor_set_xalign (GantryCellEditor *self,
                               float             xalign)
{
  g_return_if_fail (GANTRY_IS_CELL_EDITOR (self));
  self->xalign = xalign;
  gtk_inscription_set_xalign (GTK_INSCRIPTION (self->label), xalign);
  if (self->text != NULL)
    gtk_editable_set_alignment (GTK_EDITABLE (self->text), xalign);
}

gboolean
gantry_cell_editor_get_editing (GantryCellEditor *self)
{
  g_return_val_if_fail (GANTRY_IS_CELL_EDITOR (self), FALSE);
  return self->editing;
}

GtkEditable *
gantry_cell_editor_get_entry (GantryCellEditor *self)
{
  g_return_val_if_fail (GANTRY_IS_CELL_EDITOR (self), NULL);
  return GTK_EDITABLE (ensure_text (self));
}

void
gantry_cell_editor_start_editing (GantryCellEditor *self,
                                  const char       *initial)
{
  g_return_if_fail (GANTRY_IS_CELL_EDITOR (self));

  if (self->editing)
    return;
  ensure_text (self);
  self->editing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->text),
                         initial ? initial : gantry_cell_editor_get_text (self));
  gtk_widget_set_visible (self->label, FALSE);
  gtk_widget_set_visible (self->text, TRUE);
  gtk_widget_grab_focus (self->text);
  if (initial == NULL)
    gtk_editable_select_region (GTK_EDITABLE (self->text), 0, -1);
  else
    gtk_editable_set_position (GTK_EDITABLE (self->text), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self), "editing");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

void
gantry_cell_editor_stop_editing (GantryCellEditor *self,
                                 gboolean          commit)
{
  gboolean had_focus;

  g_return_if_fail (GANTRY_IS_CELL_EDITOR (self));

  g_clear_handle_id (&self->stop_source, g_source_remove);
  if (!self->editing)
    return;
  had_focus = gtk_widget_has_focus (self->text);
  self->editing = FALSE;
  if (commit)
    gtk_inscription_set_text (GTK_INSCRIPTION (self->label), gtk_editable_get_text (GTK_EDITABLE (self->text)));
  gtk_widget_set_visible (self->label, TRUE);
  gtk_widget_set_visible (self->text, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "editing");
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

static void
on_text_activate (GtkText          *text,
                  GantryCellEditor *self)
{
  gantry_cell_editor_stop_editing (self, TRUE);
}

static gboolean
stop_soon (gpointer data)
{
  GantryCellEditor *self = data;

  self->stop_source = 0;
  if (!gtk_widget_has_focus (self->text))
    gantry_cell_editor_stop_editing (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_text_focus_leave (GtkEventControllerFocus *focus,
                     GantryCellEditor        *self)
{
  if (self->editing && self->stop_source == 0)
    self->stop_source = g_idle_add (stop_soon, self);
}

static gboolean
on_text_key (GtkEventControllerKey *key,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             GantryCellEditor      *self)
{
  if (keyval == GDK_KEY_Escape)
    {
      gantry_cell_editor_stop_editing (self, FALSE);
      return TRUE;
    }
  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_ISO_Left_Tab)
    {
      gantry_cell_editor_stop_editing (self, TRUE);
      return FALSE;   /* and move on */
    }
  return FALSE;
}

static gboolean
on_key (GtkEventControllerKey *key,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        GantryCellEditor      *self)
{
  gunichar c;

  if (self->editing)
    return FALSE;
  if ((keyval == GDK_KEY_F2 || keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
      && (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0)
    {
      gantry_cell_editor_start_editing (self, NULL);
      return TRUE;
    }
  c = gdk_keyval_to_unicode (keyval);
  if (c != 0 && g_unichar_isprint (c) && (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0)
    {
      char buf[8] = { 0, };
      g_unichar_to_utf8 (c, buf);
      gantry_cell_editor_start_editing (self, buf);
      return TRUE;
    }
  return FALSE;
}

static void
on_pressed (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            GantryCellEditor *self)
{
  if (self->editing || n_press != 1)
    return;
  /* a click on the focused cell edits it; the first click only focuses
   * (the row's own gesture selects it) */
  if (gtk_widget_has_focus (GTK_WIDGET (self)))
    gantry_cell_editor_start_editing (self, NULL);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
gantry_cell_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GantryCellEditor *self = GANTRY_CELL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_EDITING:
      g_value_set_boolean (value, self->editing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gantry_cell_editor_dispose (GObject *object)
{
  GantryCellEditor *self = GANTRY_CELL_EDITOR (object);

  g_clear_handle_id (&self->stop_source, g_source_remove);
  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_pointer (&self->text, gtk_widget_unparent);
  G_OBJECT_CLASS (gantry_cell_editor_parent_class)->dispose (object);
}

static void
gantry_cell_editor_class_init (GantryCellEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gantry_cell_editor_dispose;
  object_class->get_property = gantry_cell_editor_get_property;

  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "celleditor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TEXT_BOX);
}

static GtkWidget *
ensure_text (GantryCellEditor *self)
{
  GtkEventController *controller;

  if (self->text != NULL)
    return self->text;
  self->text = gtk_text_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->text), 3);
  gtk_editable_set_alignment (GTK_EDITABLE (self->text), self->xalign);
  gtk_editable_set_text (GTK_EDITABLE (self->text), gantry_cell_editor_get_text (self));
  gtk_widget_set_visible (self->text, FALSE);
  gtk_widget_insert_after (self->text, GTK_WIDGET (self), self->label);

  g_signal_connect (self->text, "activate", G_CALLBACK (on_text_activate), self);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_text_focus_leave), self);
  gtk_widget_add_controller (self->text, controller);
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_text_key), self);
  gtk_widget_add_controller (self->text, controller);
  return self->text;
}

static void
gantry_cell_editor_init (GantryCellEditor *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);

  /* a GtkInscription, not a GtkLabel: it sizes itself from the font, not
   * from its text, which is what a table cell wants (and is cheaper) */
  self->label = gtk_inscription_new (NULL);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (self->label), 0.0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (self->label),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

GtkWidget *
gantry_cell_editor_new (void)
{
  return g_object_new (GANTRY_TYPE_CELL_EDITOR, NULL);
}
