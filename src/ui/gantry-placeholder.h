/* gantry-placeholder.h — a hint shown over an empty list
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Wraps a list (column view in its scrolled window) in an overlay that
 * shows a centred title and hint while the list's model has no items,
 * e.g. "No resources yet" over an empty resource sheet.  The hint does
 * not take clicks: the list's header stays usable under it.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The placeholder box is named "gantry-placeholder" (tests look it up). */
#define GANTRY_PLACEHOLDER_NAME "gantry-placeholder"

GtkWidget *gantry_placeholder_wrap      (GtkWidget  *child,
                                         const char *title,
                                         const char *hint);
void       gantry_placeholder_set_model (GtkWidget  *wrapper,
                                         GListModel *model);
GtkWidget *gantry_placeholder_find      (GtkWidget  *ancestor);
/* For a child without a list model (a drawn view): show the hint while
 * empty is TRUE.  Ignored while a model is set. */
void       gantry_placeholder_set_empty (GtkWidget  *wrapper,
                                         gboolean    empty);

G_END_DECLS
