/* gantry-usage-view.h — resource usage: timephased work and histogram
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "gantry-core.h"

G_BEGIN_DECLS

typedef enum
{
  GANTRY_USAGE_DAY,
  GANTRY_USAGE_WEEK,
  GANTRY_USAGE_MONTH,
} GantryUsageZoom;

#define GANTRY_TYPE_USAGE_VIEW (gantry_usage_view_get_type ())
G_DECLARE_FINAL_TYPE (GantryUsageView, gantry_usage_view, GANTRY, USAGE_VIEW, GtkWidget)

/* For each work resource: a row with its work per period (red where it is
 * over-allocated) and its total, a histogram lane (load against max
 * units), and one row per assignment nested under it. */
GtkWidget      *gantry_usage_view_new          (void);
void            gantry_usage_view_set_project  (GantryUsageView *self, GantryProject *project);
void            gantry_usage_view_set_zoom     (GantryUsageView *self, GantryUsageZoom zoom);
GantryUsageZoom gantry_usage_view_get_zoom     (GantryUsageView *self);
/* Recomputes the grid (after a reschedule). */
void            gantry_usage_view_refresh      (GantryUsageView *self);
/* For tests: the number of rows and of over-allocated resource cells. */
guint           gantry_usage_view_get_n_rows   (GantryUsageView *self);
guint           gantry_usage_view_get_n_over_cells (GantryUsageView *self);
/* Work (ms) shown for row / period, -1 when out of range. */
gint64          gantry_usage_view_get_cell     (GantryUsageView *self, guint row, guint period);

G_END_DECLS
