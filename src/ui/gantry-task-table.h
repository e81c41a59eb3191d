/* gantry-task-table.h — the Gantt view's task table
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gantry-core.h"
#include "gantry-edit.h"

G_BEGIN_DECLS

/* Shared with the chart: every row is exactly this tall, and the column
 * header (the chart's timescale) exactly this tall, in logical pixels. */
#define GANTRY_TASK_TABLE_ROW_HEIGHT    28
#define GANTRY_TASK_TABLE_HEADER_HEIGHT 48

/* Column ids (also the names of the "columns.show-ID" actions). */
typedef enum
{
  GANTRY_COLUMN_ID,
  GANTRY_COLUMN_INDICATORS,
  GANTRY_COLUMN_NAME,
  GANTRY_COLUMN_DURATION,
  GANTRY_COLUMN_START,
  GANTRY_COLUMN_FINISH,
  GANTRY_COLUMN_PREDECESSORS,
  GANTRY_COLUMN_RESOURCES,
  GANTRY_COLUMN_PERCENT_COMPLETE,
  /* the task's total work (editable: shared over its assignments by the
   * task type's rules); hidden by default */
  GANTRY_COLUMN_WORK,
  /* against Baseline (0); hidden by default */
  GANTRY_COLUMN_START_VARIANCE,
  GANTRY_COLUMN_FINISH_VARIANCE,
  GANTRY_COLUMN_DURATION_VARIANCE,
  GANTRY_COLUMN_WORK_VARIANCE,
  GANTRY_COLUMN_COST_VARIANCE,
  /* earned value against Baseline at the status date; hidden by default */
  GANTRY_COLUMN_BCWS,
  GANTRY_COLUMN_BCWP,
  GANTRY_COLUMN_ACWP,
  GANTRY_COLUMN_SV,
  GANTRY_COLUMN_CV,
  GANTRY_COLUMN_SPI,
  GANTRY_COLUMN_CPI,
  GANTRY_COLUMN_EAC,
  GANTRY_COLUMN_VAC,
  GANTRY_COLUMN_TCPI,
  GANTRY_N_COLUMNS
} GantryColumn;

#define GANTRY_TYPE_TASK_TABLE (gantry_task_table_get_type ())
G_DECLARE_FINAL_TYPE (GantryTaskTable, gantry_task_table, GANTRY, TASK_TABLE, GtkWidget)

GtkWidget         *gantry_task_table_new                (void);
void               gantry_task_table_set_project        (GantryTaskTable *self,
                                                         GantryProject   *project);
GantryProject     *gantry_task_table_get_project        (GantryTaskTable *self);
/* The tasks the scheduler reports problems for (conflict indicator). */
void               gantry_task_table_set_problem_tasks  (GantryTaskTable *self,
                                                         GHashTable      *tasks);
/* Items are GtkTreeListRow (item: GantryTask).  Stable for the table's life. */
GtkSelectionModel *gantry_task_table_get_selection      (GantryTaskTable *self);
GtkAdjustment     *gantry_task_table_get_vadjustment    (GantryTaskTable *self);
GtkColumnView     *gantry_task_table_get_column_view    (GantryTaskTable *self);
/* Selected tasks in row order (transfer container). */
GPtrArray         *gantry_task_table_get_selected_tasks (GantryTaskTable *self);
/* Expands the task's ancestors, selects it and scrolls it into view. */
gboolean           gantry_task_table_select_task        (GantryTaskTable *self,
                                                         GantryTask      *task);
void               gantry_task_table_select_tasks       (GantryTaskTable *self,
                                                         GPtrArray       *tasks);
/* Row of task in the visible outline, or -1 when hidden/absent. */
int                gantry_task_table_find_row           (GantryTaskTable *self,
                                                         GantryTask      *task);
void               gantry_task_table_expand_all         (GantryTaskTable *self);
void               gantry_task_table_collapse_all       (GantryTaskTable *self);

GActionGroup      *gantry_task_table_get_column_actions (GantryTaskTable *self);
GMenuModel        *gantry_task_table_get_column_menu    (GantryTaskTable *self);

/* Starts inline editing of the name of the selected task. */
void               gantry_task_table_edit_selected      (GantryTaskTable *self);
/* The editable cell widget showing field of task, when it is on screen
 * (for tests and accessibility). */
GtkWidget         *gantry_task_table_find_cell          (GantryTaskTable *self,
                                                         GantryTask      *task,
                                                         GantryField      field);

/* The text of an earned-value column (GANTRY_COLUMN_BCWS .. _CV) for
 * task, in the project's currency (summaries roll up their leaves); NULL
 * for any other column. */
char              *gantry_task_table_format_earned_value (GantryTask   *task,
                                                          GantryColumn  column);

/* The text of a variance column (GANTRY_COLUMN_*_VARIANCE) for task:
 * start, finish and duration variance in the project's duration format,
 * work variance in its work format, cost variance in its currency; ""
 * when the task has no baseline.  NULL for other columns. */
char              *gantry_task_table_format_variance    (GantryTask      *task,
                                                         GantryColumn     column);
/* The over-allocation indicator's tooltip for task: names the
 * over-allocated resources (gantry_resource_get_overallocated) assigned
 * to it; NULL when none is. */
char              *gantry_task_table_overallocation_text (GantryTask     *task);

/* Shows the dates again after the display style changed (the "date-format"
 * preference, gantry_time_set_display_style): the date columns bind their
 * cells anew and widen to fit the style's longest date. */
void               gantry_task_table_refresh_dates      (GantryTaskTable *self);

G_END_DECLS
