/* gantry-chart.h — the Gantt chart widget
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gantry-core.h"

G_BEGIN_DECLS

/*
 * GantryChart draws the bars of the rows of the task table beside it.
 *
 * It implements GtkScrollable: the horizontal adjustment scrolls time (in
 * pixels from the chart's origin).  The vertical position follows the
 * adjustment given with gantry_chart_set_vadjustment() — the one the task
 * table's GtkScrolledWindow uses — so both always show the same rows.  When
 * a GtkScrolledWindow sets the GtkScrollable "vadjustment" after that, the
 * shared one is kept.
 *
 * Zoom levels: 0 days/hours, 1 weeks/days, 2 months/weeks,
 * 3 quarters/months, 4 years/quarters, 5 years/quarters (compact).
 *
 * Accessibility (GTK 4.8 has no accessible objects that are not widgets):
 * the widget has the APPLICATION role and the label "Gantt chart"; bars are
 * reached with the keyboard (Up/Down move the shared selection) and the
 * widget's accessible description always describes the selected task (name,
 * dates, duration, progress, slack, resources), so a screen reader reads
 * the bar under the keyboard focus.
 *
 * Signals:
 *   "task-activated" (GantryTask *task): double click or Enter on a task.
 *   "context-menu" (GantryTask *task, double x, double y): right click or
 *       Menu key; task may be NULL (empty row); x, y in widget coordinates.
 */
#define GANTRY_TYPE_CHART (gantry_chart_get_type ())
G_DECLARE_FINAL_TYPE (GantryChart, gantry_chart, GANTRY, CHART, GtkWidget)

#define GANTRY_CHART_ZOOM_MIN 0
#define GANTRY_CHART_ZOOM_MAX 5

GtkWidget  *gantry_chart_new               (void);
void        gantry_chart_set_project       (GantryChart       *self,
                                            GantryProject     *project);
GantryProject *gantry_chart_get_project    (GantryChart       *self);
/* rows: the table's flattened GtkTreeListModel (items GtkTreeListRow whose
 * item is a GantryTask; a plain list of GantryTask works too).
 * selection: the table's selection model over the same rows. */
void        gantry_chart_set_model         (GantryChart       *self,
                                            GListModel        *rows,
                                            GtkSelectionModel *selection);
void        gantry_chart_set_vadjustment   (GantryChart       *self,
                                            GtkAdjustment     *vadj);
void        gantry_chart_set_row_height    (GantryChart       *self,
                                            int                row_height);
int         gantry_chart_get_row_height    (GantryChart       *self);
void        gantry_chart_set_header_height (GantryChart       *self,
                                            int                header_height);
int         gantry_chart_get_header_height (GantryChart       *self);
void        gantry_chart_set_zoom          (GantryChart       *self,
                                            int                zoom);
int         gantry_chart_get_zoom          (GantryChart       *self);
void        gantry_chart_scroll_to_task    (GantryChart       *self,
                                            GantryTask        *task);

G_END_DECLS
