/* gantry-project.h — a plan: owns tasks, links, resources, assignments and
 * calendars, hands out list models, and applies every user change as an
 * undoable command.
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gantry-types.h"
#include "gantry-time.h"
#include "gantry-extras.h"
#include "gantry-calendar.h"
#include "gantry-task.h"
#include "gantry-link.h"
#include "gantry-resource.h"
#include "gantry-assignment.h"

G_BEGIN_DECLS

typedef struct _GantryCommand GantryCommand;

#define GANTRY_TYPE_PROJECT (gantry_project_get_type ())
G_DECLARE_FINAL_TYPE (GantryProject, gantry_project, GANTRY, PROJECT, GObject)

/*
 * Properties (all with explicit notify):
 *   "name", "title", "manager", "company", "author", "subject", "notes",
 *   "narrative" (the status-report text the PM writes) — strings;
 *   "start", "finish", "status-date", "current-date" — int64 GantryTime;
 *   "schedule-from-start" bool (default TRUE);
 *   "calendar" GantryCalendar* (the project calendar);
 *   "minutes-per-day" int (480), "minutes-per-week" int (2400),
 *   "days-per-month" int (20);
 *   "default-start-time", "default-finish-time" int (minutes from midnight,
 *       480 / 1020);
 *   "currency-symbol" string ("$"), "currency-code" string ("USD"),
 *   "currency-digits" int (2), "currency-symbol-position" int (0);
 *   "critical-slack-limit" int (days, 0); "multiple-critical-paths" bool;
 *   "honor-constraints" bool (TRUE); "default-task-type" int;
 *   "new-tasks-effort-driven" bool; "new-tasks-manual" bool;
 *   "duration-format" int (default display format, 7 = days);
 *   "work-format" int (MSPDI WorkFormat, 2 = hours);
 *   "week-start-day" int (0 = Sunday, default 1);
 *   "modified" bool (read-only: undo position != saved position);
 *   "can-undo", "can-redo" bool (read-only).
 *
 * Signals:
 *   "changed" (guint flags, GPtrArray *tasks): emitted once at the end of
 *       each outermost command group / command, and after undo and redo.
 *       tasks: the tasks the change touched (may be empty when flags say
 *       STRUCTURE or CALENDARS: then assume everything).
 *       A scheduler listens to this; core never calls the engine.
 */
typedef enum
{
  GANTRY_CHANGE_TASKS       = 1 << 0,   /* task fields changed */
  GANTRY_CHANGE_STRUCTURE   = 1 << 1,   /* tasks inserted/removed/moved */
  GANTRY_CHANGE_LINKS       = 1 << 2,
  GANTRY_CHANGE_RESOURCES   = 1 << 3,
  GANTRY_CHANGE_ASSIGNMENTS = 1 << 4,
  GANTRY_CHANGE_CALENDARS   = 1 << 5,
  GANTRY_CHANGE_PROJECT     = 1 << 6,   /* project properties */
} GantryChangeFlags;

GantryProject  *gantry_project_new                (void);
/* A new empty plan as the GUI's New makes it: Standard calendar, start
 * today 08:00, one task row ready. (start may be GANTRY_TIME_NONE = today) */
GantryProject  *gantry_project_new_default        (GantryTime start);

const char     *gantry_project_get_name           (GantryProject *self);
void            gantry_project_set_name           (GantryProject *self, const char *name);
const char     *gantry_project_get_manager        (GantryProject *self);
void            gantry_project_set_manager        (GantryProject *self, const char *manager);
GantryTime      gantry_project_get_start          (GantryProject *self);
void            gantry_project_set_start          (GantryProject *self, GantryTime t);
GantryTime      gantry_project_get_finish         (GantryProject *self);
void            gantry_project_set_finish         (GantryProject *self, GantryTime t);
GantryTime      gantry_project_get_status_date    (GantryProject *self);
void            gantry_project_set_status_date    (GantryProject *self, GantryTime t);
gboolean        gantry_project_get_schedule_from_start (GantryProject *self);
void            gantry_project_set_schedule_from_start (GantryProject *self, gboolean v);
GantryCalendar *gantry_project_get_calendar       (GantryProject *self);
void            gantry_project_set_calendar       (GantryProject *self, GantryCalendar *cal);
/* Filled from minutes-per-day / -week and days-per-month. */
void            gantry_project_get_duration_context (GantryProject *self,
                                                     GantryDurationContext *ctx);
int             gantry_project_get_default_start_time (GantryProject *self);
int             gantry_project_get_default_finish_time (GantryProject *self);
int             gantry_project_get_critical_slack_limit (GantryProject *self);
gboolean        gantry_project_get_multiple_critical_paths (GantryProject *self);
gboolean        gantry_project_get_honor_constraints (GantryProject *self);
const char     *gantry_project_get_currency_symbol (GantryProject *self);
GantryDurationFormat gantry_project_get_duration_format (GantryProject *self);

/* ---- contents ---------------------------------------------------------- */

/* The invisible root task (MSPDI task UID 0, the project summary).  Its
 * children are the top-level tasks; it is a GListModel of them. */
GantryTask     *gantry_project_get_root_task      (GantryProject *self);
/* List models (item types: GantryResource, GantryCalendar, GantryLink). */
GListModel     *gantry_project_get_resources      (GantryProject *self);
GListModel     *gantry_project_get_calendars      (GantryProject *self);
GListModel     *gantry_project_get_links          (GantryProject *self);
GListModel     *gantry_project_get_assignments    (GantryProject *self);

/* Every task except the root, in outline (pre-)order.  Cached; valid until
 * the next structural change.  Owned by the project. */
GPtrArray      *gantry_project_get_all_tasks      (GantryProject *self);
guint           gantry_project_get_n_tasks        (GantryProject *self);

GantryTask     *gantry_project_lookup_task        (GantryProject *self, int uid);
GantryResource *gantry_project_lookup_resource    (GantryProject *self, int uid);
GantryCalendar *gantry_project_lookup_calendar    (GantryProject *self, int uid);
GantryAssignment *gantry_project_lookup_assignment (GantryProject *self, int uid);
/* Task whose row ID is id, or NULL. */
GantryTask     *gantry_project_lookup_task_by_id  (GantryProject *self, int id);
int             gantry_project_next_task_uid      (GantryProject *self);
int             gantry_project_next_resource_uid  (GantryProject *self);
int             gantry_project_next_calendar_uid  (GantryProject *self);
int             gantry_project_next_assignment_uid (GantryProject *self);
/* Renumbers every task's "id" in outline order (1..n) and every
 * resource's in list order. */
void            gantry_project_renumber           (GantryProject *self);

/*
 * Direct structure edits, NOT undoable: for loaders (MSPDI, .gantry), the
 * engine and the commands themselves.  User edits go through commands.
 * position -1 appends.  Adding takes a reference.  UIDs must be unique
 * (returns FALSE and does nothing on a duplicate UID or a bad argument).
 * add_link does no cycle check (the engine reports cycles); it refuses a
 * link from a task to itself and an exact duplicate.
 * move_task: position is the index the task has afterwards among
 * new_parent's children (-1 or too large = last); it refuses a move under
 * the task itself or one of its descendants.  Removing a task removes its
 * subtree and every link and assignment touching it; removing a resource
 * removes its assignments; remove_calendar does not clear references.
 */
gboolean        gantry_project_add_task           (GantryProject *self, GantryTask *parent,
                                                   int position, GantryTask *task);
void            gantry_project_remove_task        (GantryProject *self, GantryTask *task);
gboolean        gantry_project_move_task          (GantryProject *self, GantryTask *task,
                                                   GantryTask *new_parent, int position);
gboolean        gantry_project_add_link           (GantryProject *self, GantryLink *link);
void            gantry_project_remove_link        (GantryProject *self, GantryLink *link);
/* The link from pred to succ, or NULL. */
GantryLink     *gantry_project_find_link          (GantryProject *self, GantryTask *pred,
                                                   GantryTask *succ);
gboolean        gantry_project_add_resource       (GantryProject *self, int position,
                                                   GantryResource *resource);
void            gantry_project_remove_resource    (GantryProject *self, GantryResource *resource);
gboolean        gantry_project_add_assignment     (GantryProject *self, GantryAssignment *a);
void            gantry_project_remove_assignment  (GantryProject *self, GantryAssignment *a);
gboolean        gantry_project_add_calendar       (GantryProject *self, GantryCalendar *cal);
void            gantry_project_remove_calendar    (GantryProject *self, GantryCalendar *cal);

/* ---- commands and undo ------------------------------------------------- */

/* Applies cmd (taking ownership), pushes it on the undo stack (dropping
 * the redo part), and emits "changed" unless inside a group.  Returns
 * FALSE, and frees cmd, when the command cannot apply (e.g. a move under
 * its own descendant); nothing changes then. */
gboolean        gantry_project_apply              (GantryProject *self, GantryCommand *cmd);
/* Groups: everything applied between begin and end is one undo step with
 * this label (groups nest; the outermost one counts). */
void            gantry_project_begin_group        (GantryProject *self, const char *label);
void            gantry_project_end_group          (GantryProject *self);
gboolean        gantry_project_can_undo           (GantryProject *self);
gboolean        gantry_project_can_redo           (GantryProject *self);
gboolean        gantry_project_undo               (GantryProject *self);
gboolean        gantry_project_redo               (GantryProject *self);
/* Translated label of the step undo/redo would take, or NULL. */
const char     *gantry_project_get_undo_label     (GantryProject *self);
const char     *gantry_project_get_redo_label     (GantryProject *self);
gboolean        gantry_project_get_modified       (GantryProject *self);
/* Call after a successful save: the current undo position is "saved". */
void            gantry_project_mark_saved         (GantryProject *self);
/* Drops the whole history (after loading). */
void            gantry_project_clear_history      (GantryProject *self);

GantryExtras   *gantry_project_get_extras         (GantryProject *self);
/* Extras at the Project level that are whole sections (e.g.
 * "ExtendedAttributes", "OutlineCodes", "WBSMasks"): the same mechanism. */

/* Document settings that are not undoable (e.g. view settings, keep-unknown
 * preference): a string map saved in .gantry. */
const char     *gantry_project_get_setting        (GantryProject *self, const char *key);
void            gantry_project_set_setting        (GantryProject *self, const char *key,
                                                   const char *value /* NULL removes */);
/* Keys in sorted order (free the container only). */
GPtrArray      *gantry_project_list_settings      (GantryProject *self);

G_END_DECLS
