/* gantry-cell-editor.h — a table cell that edits in place
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows a label; F2, Enter, typing a character or clicking it again when
 * it has the focus switches to a text field.  Enter or leaving commits,
 * Escape cancels.  (GTK 4.8's GtkEditableLabel mis-handles focus-out.)
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GANTRY_TYPE_CELL_EDITOR (gantry_cell_editor_get_type ())
G_DECLARE_FINAL_TYPE (GantryCellEditor, gantry_cell_editor, GANTRY, CELL_EDITOR, GtkWidget)

GtkWidget  *gantry_cell_editor_new           (void);
/* The committed text (what the label shows). */
const char *gantry_cell_editor_get_text      (GantryCellEditor *self);
void        gantry_cell_editor_set_text      (GantryCellEditor *self, const char *text);
void        gantry_cell_editor_set_xalign    (GantryCellEditor *self, float xalign);
gboolean    gantry_cell_editor_get_editing   (GantryCellEditor *self);
/* initial: text to start with, or NULL for the current text (selected) */
void        gantry_cell_editor_start_editing (GantryCellEditor *self, const char *initial);
/* The text field while editing (tests type into it). */
GtkEditable *gantry_cell_editor_get_entry    (GantryCellEditor *self);
/* Emits notify::editing; when commit, the typed text becomes the text. */
void        gantry_cell_editor_stop_editing  (GantryCellEditor *self, gboolean commit);

G_END_DECLS
