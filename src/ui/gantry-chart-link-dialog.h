/* gantry-chart-link-dialog.h — the small dialog a link drag opens
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks for the type and lag of the link from predecessor to successor
 * (or edits the existing link between them), and applies it as one undo
 * step.  A lag that cannot be read shows an error in the dialog and
 * changes nothing.
 */
#pragma once

#include <gtk/gtk.h>

#include "gantry-core.h"

G_BEGIN_DECLS

#define GANTRY_TYPE_CHART_LINK_DIALOG (gantry_chart_link_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GantryChartLinkDialog, gantry_chart_link_dialog,
                      GANTRY, CHART_LINK_DIALOG, GtkWindow)

GtkWidget  *gantry_chart_link_dialog_new        (GtkWindow      *parent,
                                                 GantryTask     *predecessor,
                                                 GantryTask     *successor);
void        gantry_chart_link_dialog_set_values (GantryChartLinkDialog *self,
                                                 GantryLinkType  type,
                                                 const char     *lag);
/* Accept: validates, applies and closes (FALSE, staying open with an
 * error, when the lag is not valid).  Cancel: closes. */
gboolean    gantry_chart_link_dialog_respond    (GantryChartLinkDialog *self,
                                                 gboolean        accept);
const char *gantry_chart_link_dialog_get_error  (GantryChartLinkDialog *self);

G_END_DECLS
