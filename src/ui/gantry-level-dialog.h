/* gantry-level-dialog.h — the Level Resources options and progress windows
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "gantry-core.h"
#include "gantry-resource-engine.h"

G_BEGIN_DECLS

#define GANTRY_TYPE_LEVEL_DIALOG (gantry_level_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GantryLevelDialog, gantry_level_dialog, GANTRY, LEVEL_DIALOG, GtkWindow)

/* A modal window with the levelling options: the whole project or a date
 * range, "level only within available slack", and Clear Levelling.
 * Signals: "level" when the user presses Level with valid options (read
 * them with gantry_level_dialog_get_options), "clear" for Clear
 * Levelling.  The dialog does not close itself on either. */
GtkWidget *gantry_level_dialog_new              (GtkWindow     *parent,
                                                 GantryProject *project);
/* FALSE with an error naming the field when a date cannot be read or the
 * range is empty (the dialog shows the message too). */
gboolean   gantry_level_dialog_get_options      (GantryLevelDialog  *self,
                                                 GantryLevelOptions *out,
                                                 GError            **error);
/* What the fields hold, for tests and keyboard users: from/to NULL
 * selects the whole project. */
void       gantry_level_dialog_set_range_text   (GantryLevelDialog *self,
                                                 const char        *from,
                                                 const char        *to);
void       gantry_level_dialog_set_within_slack (GantryLevelDialog *self,
                                                 gboolean           within);
/* Presses Level: emits "level" and returns TRUE when the options are
 * valid. */
gboolean   gantry_level_dialog_activate_level   (GantryLevelDialog *self);

#define GANTRY_TYPE_LEVEL_PROGRESS_WINDOW (gantry_level_progress_window_get_type ())
G_DECLARE_FINAL_TYPE (GantryLevelProgressWindow, gantry_level_progress_window, GANTRY, LEVEL_PROGRESS_WINDOW, GtkWindow)

/* A modal window with a progress bar and Cancel, which (like Escape and
 * closing the window) cancels cancellable.  Whoever runs the levelling
 * destroys it when the run ends. */
GtkWidget *gantry_level_progress_window_new            (GtkWindow    *parent,
                                                 GCancellable *cancellable);
void       gantry_level_progress_window_set_fraction   (GantryLevelProgressWindow *self,
                                                 double               fraction);
double     gantry_level_progress_window_get_fraction   (GantryLevelProgressWindow *self);
/* Presses Cancel (for tests). */
void       gantry_level_progress_window_cancel         (GantryLevelProgressWindow *self);

G_END_DECLS
