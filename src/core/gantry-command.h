/* gantry-command.h — undoable edits of a GantryProject
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A command is built, then handed to gantry_project_apply(), which owns it
 * from then on.  Each knows how to undo itself.  Apply -> undo restores
 * every property of every object exactly; redo re-applies.
 */
#pragma once

#include "gantry-project.h"

G_BEGIN_DECLS

/* Sets one property of a task, link, resource, assignment, calendar or of
 * the project itself.  The old value is captured when applied. */
GantryCommand *gantry_command_set_property   (gpointer      object,
                                              const char   *property,
                                              const GValue *value);
/* Convenience: g_object_set-style for one property.  As with g_object_set,
 * the value must have the property's C type: pass (gint64) for int64
 * properties such as "duration" or "start".  A value out of the
 * property's range makes a command that apply() refuses. */
GantryCommand *gantry_command_set            (gpointer      object,
                                              const char   *property,
                                              ...);
/* Inserts task (a new, unparented task; the command takes a reference)
 * under parent at position (-1 appends). */
GantryCommand *gantry_command_insert_task    (GantryTask *parent, int position, GantryTask *task);
/* Removes the task with its subtree, and with the links and assignments
 * that touch any of them; undo restores all at the same places. */
GantryCommand *gantry_command_remove_task    (GantryTask *task);
/* Moves a task (with its subtree) to new_parent at position; indent and
 * outdent and move up/down are built on this. */
GantryCommand *gantry_command_move_task      (GantryTask *task, GantryTask *new_parent, int position);
GantryCommand *gantry_command_add_link       (GantryLink *link);
GantryCommand *gantry_command_remove_link    (GantryLink *link);
GantryCommand *gantry_command_add_resource   (GantryResource *resource, int position);
/* Removes the resource and its assignments. */
GantryCommand *gantry_command_remove_resource (GantryResource *resource);
GantryCommand *gantry_command_add_assignment (GantryAssignment *assignment);
GantryCommand *gantry_command_remove_assignment (GantryAssignment *assignment);
GantryCommand *gantry_command_add_calendar   (GantryCalendar *calendar);
/* Refuses (apply returns FALSE) while a task, resource, the project or a
 * derived calendar uses it. */
GantryCommand *gantry_command_remove_calendar (GantryCalendar *calendar);
/* Replaces the definition (weekdays, exceptions, work weeks) of calendar
 * with that of definition (copied). */
GantryCommand *gantry_command_set_calendar_definition (GantryCalendar *calendar,
                                                       GantryCalendar *definition);
GantryCommand *gantry_command_set_baseline   (GantryTask *task, guint n,
                                              const GantryBaseline *baseline /* NULL clears */);

/* Usually not needed directly: gantry_project_begin_group/end_group. */
void           gantry_command_free           (GantryCommand *cmd);
/* Translated, for the Undo menu item ("Undo Set Duration"). */
const char    *gantry_command_get_label      (GantryCommand *cmd);
void           gantry_command_set_label      (GantryCommand *cmd, const char *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GantryCommand, gantry_command_free)

G_END_DECLS
