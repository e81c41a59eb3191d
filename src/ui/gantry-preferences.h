/* gantry-preferences.h — the Preferences dialog (GSettings)
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gantry-core.h"

G_BEGIN_DECLS

/* A non-modal dialog (CSS class "gantry-preferences-dialog") whose
 * controls are bound to the settings: working hours, currency, date
 * format, autosave interval, keep unknown MS Project elements.  Widget
 * names: "working-start", "working-finish", "currency", "date-format",
 * "autosave-interval", "keep-unknown".  Without an installed schema it
 * says so instead. */
GtkWidget *gantry_preferences_dialog_new   (GtkWindow *parent);
/* Applies the defaults for new plans (working hours, currency) to project. */
void       gantry_preferences_apply_to_new_plan (GantryProject *project);

G_END_DECLS
