/* gantry-edit.h — the editing operations behind the Gantt view's actions
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK-free.  Every function applies its change as one command group (one
 * undo step) through gantry_project_apply, or changes nothing and returns
 * FALSE (with an error for the text setters).
 */
#pragma once

#include "gantry-core.h"

G_BEGIN_DECLS

typedef enum
{
  GANTRY_FIELD_NAME,
  GANTRY_FIELD_DURATION,
  GANTRY_FIELD_START,
  GANTRY_FIELD_FINISH,
  GANTRY_FIELD_PREDECESSORS,
  GANTRY_FIELD_RESOURCES,
  GANTRY_FIELD_PERCENT_COMPLETE,
  /* the task's total work, e.g. "40 hrs"; typing it shares it out over
   * the work assignments (gantry_set_task_work) */
  GANTRY_FIELD_WORK,
} GantryField;

/* The text the table shows for a field. */
char       *gantry_edit_format_field     (GantryTask *task, GantryField field);
/* Parses text for field and applies it (typing a Start sets SNET, a Finish
 * FNET, as MS Project does).  Unchanged values apply nothing. */
gboolean    gantry_edit_set_field_text   (GantryTask  *task,
                                          GantryField  field,
                                          const char  *text,
                                          GError     **error);

/* The tasks of selection that have no ancestor in it, in outline order
 * (transfer container). */
GPtrArray  *gantry_edit_top_tasks        (GantryProject *project, GPtrArray *selection);

/* Inserts a new task above before (or at the end when NULL); returns it. */
GantryTask *gantry_edit_insert_task      (GantryProject *project, GantryTask *before);
gboolean    gantry_edit_delete_tasks     (GantryProject *project, GPtrArray *tasks);
gboolean    gantry_edit_indent           (GantryProject *project, GPtrArray *tasks);
gboolean    gantry_edit_outdent          (GantryProject *project, GPtrArray *tasks);
gboolean    gantry_edit_move_up          (GantryProject *project, GPtrArray *tasks);
gboolean    gantry_edit_move_down        (GantryProject *project, GPtrArray *tasks);
/* Links the tasks in order, finish-to-start. */
gboolean    gantry_edit_link             (GantryProject *project, GPtrArray *tasks);
/* One task: removes all its links; several: the links among them. */
gboolean    gantry_edit_unlink           (GantryProject *project, GPtrArray *tasks);
gboolean    gantry_edit_toggle_milestone (GantryProject *project, GPtrArray *tasks);

/* Replaces task's predecessors / assignments (one group). */
gboolean    gantry_edit_set_predecessors (GantryTask *task, GPtrArray *specs /* GantryPredecessorSpec */);
gboolean    gantry_edit_set_resources    (GantryTask *task, GPtrArray *specs /* GantryResourceSpec */);

/* Helpers building one property command. */
GantryCommand *gantry_edit_cmd_int       (gpointer object, const char *property, int value);
GantryCommand *gantry_edit_cmd_int64     (gpointer object, const char *property, gint64 value);
GantryCommand *gantry_edit_cmd_bool      (gpointer object, const char *property, gboolean value);
GantryCommand *gantry_edit_cmd_double    (gpointer object, const char *property, double value);
GantryCommand *gantry_edit_cmd_string    (gpointer object, const char *property, const char *value);

/* Clipboard form of tasks (with their subtrees, the links among them and
 * their assignments by resource name). */
GBytes     *gantry_edit_serialize_tasks  (GantryProject *project, GPtrArray *tasks);
/* Pastes data under parent at position (-1 = end); the new top-level
 * tasks go to *pasted (transfer container) when non-NULL.  Bad data gets
 * an error and changes nothing. */
gboolean    gantry_edit_paste_tasks      (GantryProject *project,
                                          GantryTask    *parent,
                                          int            position,
                                          GBytes        *data,
                                          GPtrArray    **pasted,
                                          GError       **error);

#define GANTRY_TASKS_MIME_TYPE "application/x-gantry-tasks"

G_END_DECLS
