/* gantry-resource-view.h — the Resources page: sheet and usage
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "gantry-core.h"
#include "gantry-usage-view.h"
#include "gantry-resource-engine.h"

G_BEGIN_DECLS

#define GANTRY_TYPE_RESOURCE_VIEW (gantry_resource_view_get_type ())
G_DECLARE_FINAL_TYPE (GantryResourceView, gantry_resource_view, GANTRY, RESOURCE_VIEW, GtkWidget)

/*
 * Actions (on the widget): "resources.add", "resources.delete" (the
 * selected resource), "resources.level" (opens the levelling options),
 * "resources.clear-leveling",
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

/* Levels the plan on a worker thread (the window stays responsive): a
 * modal progress window with Cancel appears when the run lasts longer
 * than the progress delay (300 ms; 0 shows it at once).  The result is one
 * undo step; Cancel, closing the view, or an edit of the plan meanwhile
 * leaves the plan and the undo stack as they were.  FALSE when no plan is
 * set or a run is already going. */
gboolean         gantry_resource_view_level        (GantryResourceView       *self,
                                                    const GantryLevelOptions *options);
gboolean         gantry_resource_view_is_leveling  (GantryResourceView *self);
/* The progress window while it is shown, else NULL. */
GtkWidget       *gantry_resource_view_get_level_progress (GantryResourceView *self);
void             gantry_resource_view_set_progress_delay (GantryResourceView *self,
                                                          guint               ms);

G_END_DECLS
