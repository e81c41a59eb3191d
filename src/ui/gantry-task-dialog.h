/* gantry-task-dialog.h — Task Information
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gantry-core.h"

G_BEGIN_DECLS

#define GANTRY_TYPE_TASK_DIALOG (gantry_task_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GantryTaskDialog, gantry_task_dialog, GANTRY, TASK_DIALOG, GtkWindow)

GtkWidget  *gantry_task_dialog_new    (GtkWindow *parent, GantryTask *task);
GantryTask *gantry_task_dialog_get_task (GantryTaskDialog *self);
/* Validates every tab and applies the changes as one undo step; on a bad
 * value shows it in the dialog, applies nothing and returns FALSE. */
gboolean    gantry_task_dialog_apply  (GantryTaskDialog *self, GError **error);
/* Named entry of the dialog ("name", "duration", "start", "finish",
 * "constraint-date", "deadline") for tests. */
GtkWidget  *gantry_task_dialog_get_field (GantryTaskDialog *self, const char *name);

/* The editable of row `row` (0 = first) of the Resources tab: field
 * "resource", "units" or "work"; NULL when there is no such row.  For
 * tests and accessibility tools. */
GtkWidget  *gantry_task_dialog_get_assignment_field (GantryTaskDialog *self,
                                                     guint             row,
                                                     const char       *field);
/* Adds an empty row to the Resources tab (as Assign Resource does). */
void        gantry_task_dialog_add_assignment_row   (GantryTaskDialog *self);

G_END_DECLS
