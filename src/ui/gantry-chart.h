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
 * Zoom levels (pixels per day): 0 days/hours (480), 1 weeks/days (44),
 * 2 months/weeks (14), 3 quarters/months (4), 4 years/quarters (1.3),
 * 5 years/quarters, compact (0.5).  Drags snap to whole hours (zoom 0),
 * days (1-3) or weeks (4-5).
 *
 * Drawn: non-working time of the project calendar (days, and hours at
 * zoom 0; not below 6 px a day), bars (normal, critical, manual, summary
 * bracket, milestone diamond, progress, deadline arrow), the baseline 0
 * ghost under each bar, dependency arrows routed as MS Project routes
 * them, the current date line (the project's "current-date", else now)
 * and the status date line, resource names at each bar's right.
 *
 * Pointer: drag a bar to move it (an automatic task gets a Start No
 * Earlier Than constraint, as in MS Project); drag its right end to change
 * the duration; drag the progress edge to set % complete; drag out of the
 * bar's row (or with Shift or Alt) onto another bar to link them (a small
 * dialog asks for type and lag); drag on empty space for a rubber-band
 * selection; double click activates; right click asks for a menu;
 * Ctrl+wheel and pinch zoom.  Each drag is one undo step.
 *
 * Keyboard (widget actions, so they can be bound and tested): Up/Down,
 * Page Up/Down, Home/End move the selection ("chart.move-cursor", Shift
 * extends), Left/Right scroll time ("chart.scroll-horizontally"), +/-
 * zoom ("chart.zoom-in", "chart.zoom-out"), Enter activates
 * ("chart.activate"), Menu or Shift+F10 asks for the context menu
 * ("chart.context-menu"), Ctrl+Space scrolls to the task
 * ("chart.scroll-to-task").
 *
 * Accessibility (GTK 4.8 has no accessible objects that are not widgets):
 * the chart has the LIST_BOX role (multi-selectable) and the label "Gantt
 * chart"; each visible bar has an invisible, untargetable child widget
 * with the OPTION role placed over it, labelled with the task's name,
 * dates, duration, slack, progress and resources, and marked SELECTED
 * when its row is selected.  The chart's accessible description follows
 * the keyboard cursor, so a screen reader reads the focused task.
 *
 * Colours follow the theme (text, background, borders, selection); bar
 * colours can be overridden with @define-color gantry_bar_color,
 * gantry_critical_color, gantry_manual_color, gantry_today_color,
 * gantry_status_color and gantry_deadline_color.
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
/* The progress line ("show-progress-line", action
 * "chart.show-progress-line"; off by default): from the status date line
 * out to the progress point of each task in progress or behind (started
 * before the status date, unfinished) or ahead, and back. */
void        gantry_chart_set_show_progress_line (GantryChart  *self,
                                                 gboolean      show);
gboolean    gantry_chart_get_show_progress_line (GantryChart  *self);

G_END_DECLS
