/* gantry-tracking-dialogs.h — Set/Clear Baseline and Update Project
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small dialogs over gantry-tracking.h; each confirmed dialog makes one
 * undo step.  The window installs their actions with
 * gantry_tracking_dialogs_install():
 *   "tracking.baseline"        Set/Clear Baseline… (project or selection)
 *   "tracking.update-project"  Update Project… (status date)
 */
#pragma once

#include <gtk/gtk.h>

#include "gantry-core.h"

G_BEGIN_DECLS

/* selected: the tasks selected in the table (may be NULL or empty). */
GtkWidget *gantry_baseline_dialog_new       (GtkWindow     *parent,
                                             GantryProject *project,
                                             GPtrArray     *selected);
GtkWidget *gantry_update_project_dialog_new (GtkWindow     *parent,
                                             GantryProject *project);
/* Installs the two actions on a GantryWindow class. */
void       gantry_tracking_dialogs_install  (GtkWidgetClass *window_class);
/* After saving project as MS Project XML: tells the user that its risks
 * were not carried (nothing when it has none). */
void       gantry_tracking_warn_mspdi_export (GtkWindow     *parent,
                                              GantryProject *project);

/* For tests: confirm the dialog as if its button was pressed. */
void       gantry_tracking_dialog_respond   (GtkWidget *dialog, gboolean clear);
void       gantry_tracking_dialog_respond_ok    (GtkWidget *dialog);
void       gantry_tracking_dialog_respond_clear (GtkWidget *dialog);

G_END_DECLS
