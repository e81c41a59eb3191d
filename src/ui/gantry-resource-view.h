/* gantry-resource-view.h — the Resources page: sheet and usage
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "gantry-core.h"
#include "gantry-usage-view.h"

G_BEGIN_DECLS

#define GANTRY_TYPE_RESOURCE_VIEW (gantry_resource_view_get_type ())
G_DECLARE_FINAL_TYPE (GantryResourceView, gantry_resource_view, GANTRY, RESOURCE_VIEW, GtkWidget)

/*
 * Actions (on the widget): "resources.add", "resources.delete" (the
 * selected resource), "resources.level", "resources.clear-leveling",
 * "resources.zoom" (int: GantryUsageZoom).  Every change is one undo step.
 */
GtkWidget       *gantry_resource_view_new          (void);
void             gantry_resource_view_set_project  (GantryResourceView *self,
                                                    GantryProject      *project);
GantryUsageView *gantry_resource_view_get_usage    (GantryResourceView *self);
GtkColumnView   *gantry_resource_view_get_sheet    (GantryResourceView *self);
/* Recomputes costs, totals and over-allocation now (it also happens in an
 * idle after each change). */
void             gantry_resource_view_refresh      (GantryResourceView *self);
/* Applies text typed into the sheet cell of column (its title's
 * property name, e.g. "max-units") for resource, as a user edit would;
 * FALSE when the text is not valid for the column. */
gboolean         gantry_resource_view_edit_cell    (GantryResourceView *self,
                                                    GantryResource     *resource,
                                                    const char         *property,
                                                    const char         *text);

G_END_DECLS
