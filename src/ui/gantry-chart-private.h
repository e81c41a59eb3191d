/* gantry-chart-private.h — test entry points of the Gantt chart
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These run exactly the code the gestures run (the gesture callbacks call
 * the same functions), so tests can drive the chart without an input
 * device.  Coordinates are widget coordinates in logical pixels.
 */
#pragma once

#include "gantry-chart.h"

G_BEGIN_DECLS

/* Press at (x0, y0), move to (x1, y1) in a few steps, release. */
void        gantry_chart_test_drag          (GantryChart     *self,
                                             double           x0,
                                             double           y0,
                                             double           x1,
                                             double           y1,
                                             GdkModifierType  state);
/* A click with n_press presses of button (1 left, 3 right). */
void        gantry_chart_test_click         (GantryChart     *self,
                                             double           x,
                                             double           y,
                                             int              n_press,
                                             guint            button,
                                             GdkModifierType  state);
/* Ctrl+wheel: dy < 0 zooms in around x. */
void        gantry_chart_test_scroll        (GantryChart     *self,
                                             double           x,
                                             double           dx,
                                             double           dy,
                                             GdkModifierType  state);
/* Pinch: what the zoom gesture's begin and scale-changed run (scale is
 * the fingers' distance over the starting one, cx the x between them). */
void        gantry_chart_test_pinch_begin   (GantryChart     *self);
void        gantry_chart_test_pinch         (GantryChart     *self,
                                             double           scale,
                                             double           cx);
/* The bar of task in widget coordinates; FALSE when its row is not shown. */
gboolean    gantry_chart_test_get_bar       (GantryChart     *self,
                                             GantryTask      *task,
                                             graphene_rect_t *bar);
double      gantry_chart_test_x_for_time    (GantryChart     *self,
                                             GantryTime       t);
/* The link dialog the last link drag opened (NULL when none is open). */
GtkWidget  *gantry_chart_test_get_link_dialog (GantryChart   *self);
/* Fills the dialog (type, lag text) and presses Link (accept) or Cancel.
 * Returns FALSE when the dialog refused the input (and stays open). */
gboolean    gantry_chart_test_link_dialog_respond (GantryChart *self,
                                                   GantryLinkType type,
                                                   const char    *lag,
                                                   gboolean       accept);
/* Text of the dialog's error label ("" when none). */
const char *gantry_chart_test_link_dialog_error (GantryChart *self);
/* Drops the render-node caches (benchmarks: a cold frame). */
void        gantry_chart_test_drop_caches   (GantryChart     *self);
/* Number of tasks the last snapshot drew (visible rows only). */
guint       gantry_chart_test_get_n_drawn   (GantryChart     *self);
/* The tooltip text for the point (NULL when none). */
char       *gantry_chart_test_tooltip       (GantryChart     *self,
                                             double           x,
                                             double           y);
/* Vertices (graphene_point_t, widget coordinates) of the progress line
 * over the visible rows (empty when there is no status date). */
GArray     *gantry_chart_test_get_progress_line (GantryChart *self);

G_END_DECLS
