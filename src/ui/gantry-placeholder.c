/* gantry-placeholder.c — a hint shown over an empty list
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gantry-placeholder.h"

typedef struct
{
  GtkWidget  *box;     /* borrowed: the overlay owns it */
  GListModel *model;   /* owned */
  gulong      handler;
} Placeholder;

static void
placeholder_free (gpointer data)
{
  Placeholder *ph = data;

  if (ph->model != NULL)
    {
      g_clear_signal_handler (&ph->handler, ph->model);
      g_object_unref (ph->model);
    }
  g_free (ph);
}

static void
update (Placeholder *ph)
{
  gboolean empty = ph->model == NULL || g_list_model_get_n_items (ph->model) == 0;

  gtk_widget_set_visible (ph->box, empty);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    data)
{
  (void) model; (void) position; (void) removed; (void) added;
  update (data);
}

/* Returns an overlay holding child, with the placeholder on top; hidden
 * until a model is set that has no items. */
GtkWidget *
gantry_placeholder_wrap (GtkWidget  *child,
                         const char *title,
                         const char *hint)
{
  GtkWidget *overlay, *box, *label;
  Placeholder *ph;

  g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), child);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_name (box, GANTRY_PLACEHOLDER_NAME);
  gtk_widget_add_css_class (box, "gantry-placeholder");
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_can_target (box, FALSE);
  gtk_widget_set_visible (box, FALSE);

  label = gtk_label_new (title);
  gtk_widget_add_css_class (label, "title");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  if (hint != NULL)
    {
      label = gtk_label_new (hint);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), box);

  ph = g_new0 (Placeholder, 1);
  ph->box = box;
  g_object_set_data_full (G_OBJECT (overlay), "gantry-placeholder", ph, placeholder_free);
  return overlay;
}

/* The placeholder shows while model (may be NULL) has no items. */
void
gantry_placeholder_set_model (GtkWidget  *wrapper,
                              GListModel *model)
{
  Placeholder *ph;

  g_return_if_fail (GTK_IS_OVERLAY (wrapper));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  ph = g_object_get_data (G_OBJECT (wrapper), "gantry-placeholder");
  g_return_if_fail (ph != NULL);
  if (ph->model == model)
    return;
  if (ph->model != NULL)
    {
      g_clear_signal_handler (&ph->handler, ph->model);
      g_clear_object (&ph->model);
    }
  if (model != NULL)
    {
      ph->model = g_object_ref (model);
      ph->handler = g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), ph);
    }
  update (ph);
}

/* The first placeholder box under ancestor (depth first), or NULL. */
GtkWidget *
gantry_placeholder_find (GtkWidget *ancestor)
{
  g_return_val_if_fail (GTK_IS_WIDGET (ancestor), NULL);

  if (g_strcmp0 (gtk_widget_get_name (ancestor), GANTRY_PLACEHOLDER_NAME) == 0)
    return ancestor;
  for (GtkWidget *c = gtk_widget_get_first_child (ancestor); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = gantry_placeholder_find (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Shows or hides the hint by hand, for a child that has no list model. */
void
gantry_placeholder_set_empty (GtkWidget *wrapper,
                              gboolean   empty)
{
  Placeholder *ph;

  g_return_if_fail (GTK_IS_OVERLAY (wrapper));

  ph = g_object_get_data (G_OBJECT (wrapper), "gantry-placeholder");
  g_return_if_fail (ph != NULL);
  if (ph->model == NULL)
    gtk_widget_set_visible (ph->box, empty);
}
