/* gantry-chart-scale.h — the Gantt chart's zoom levels and timescale units
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK-free: calendar units (hours to years), their boundaries, their
 * localised labels, and the zoom table.  The chart draws the timescale,
 * its grid and its snapping from these.
 */
#pragma once

#include "gantry-core.h"

G_BEGIN_DECLS

typedef enum
{
  GANTRY_SCALE_HOUR,
  GANTRY_SCALE_DAY,
  GANTRY_SCALE_WEEK,
  GANTRY_SCALE_MONTH,
  GANTRY_SCALE_QUARTER,
  GANTRY_SCALE_YEAR,
} GantryScaleUnit;

typedef struct
{
  double          px_per_day;   /* logical pixels per calendar day */
  GantryScaleUnit major;        /* upper tier */
  GantryScaleUnit minor;        /* lower tier (grid lines) */
  GantryScaleUnit snap;         /* drags move by whole units of this */
  gboolean        shade_hours;  /* shade non-working hours, not only days */
} GantryZoomLevel;

#define GANTRY_SCALE_N_ZOOM 6

/* zoom 0 (days/hours) ... 5 (years/quarters, compact); clamped. */
const GantryZoomLevel *gantry_scale_get_zoom_level (int zoom);

/* The start of the unit (of step units; step matters for hours only,
 * counted from midnight) that contains t.  week_start: 0 = Sunday. */
GantryTime  gantry_scale_floor        (GantryTime      t,
                                       GantryScaleUnit unit,
                                       int             step,
                                       int             week_start);
/* The start of the next unit after the unit start t. */
GantryTime  gantry_scale_next         (GantryTime      t,
                                       GantryScaleUnit unit,
                                       int             step);
/* Approximate length of one unit, in ms of calendar time. */
gint64      gantry_scale_unit_ms      (GantryScaleUnit unit);

/* The number of label forms of unit (longest first), and the label of the
 * unit starting at t in form variant, localised (translatable formats).
 * major: the upper tier carries more context (year, month). */
guint       gantry_scale_n_label_variants (GantryScaleUnit unit,
                                           gboolean        major);
char       *gantry_scale_format_label (GantryTime      t,
                                       GantryScaleUnit unit,
                                       gboolean        major,
                                       guint           variant);

/* Rounds delta (ms) to a whole number of snap units (ms of calendar
 * time: 1 h, 1 d, 7 d or 30 d). */
gint64      gantry_scale_snap_delta   (gint64          delta,
                                       GantryScaleUnit snap);

G_END_DECLS
