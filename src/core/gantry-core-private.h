/* gantry-core-private.h — internal API shared by the core model files
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not installed and not for other layers: the project uses these to keep
 * the back-references (parent, project, link and assignment arrays) of its
 * objects consistent.
 */
#pragma once

#include "gantry-core.h"

G_BEGIN_DECLS

/* ---- gantry-task.c ----------------------------------------------------- */

void        _gantry_task_set_project        (GantryTask *task, GantryProject *project);
/* Inserts child (ref taken) at position (-1 or past the end appends);
 * returns the index used.  Emits items-changed and the derived notifies. */
guint       _gantry_task_insert_child       (GantryTask *parent, int position, GantryTask *child);
/* Removes child at its index; returns the index it had. */
guint       _gantry_task_remove_child       (GantryTask *parent, GantryTask *child);
void        _gantry_task_notify_outline     (GantryTask *task, gboolean recursive);
/* Per-task arrays (borrowed pointers; the project owns the objects). */
void        _gantry_ptr_array_insert        (GPtrArray *array, int index, gpointer item);
int         _gantry_ptr_array_remove        (GPtrArray *array, gpointer item);

/* ---- gantry-link.c / gantry-assignment.c ------------------------------- */

gboolean    _gantry_link_get_in_project     (GantryLink *link);
void        _gantry_link_set_in_project     (GantryLink *link, gboolean in_project);
gboolean    _gantry_assignment_get_in_project (GantryAssignment *a);
void        _gantry_assignment_set_in_project (GantryAssignment *a, gboolean in_project);

/* ---- gantry-resource.c ------------------------------------------------- */

void        _gantry_resource_set_project    (GantryResource *resource, GantryProject *project);
GPtrArray  *_gantry_resource_peek_assignments (GantryResource *resource);

/* ---- gantry-calendar.c ------------------------------------------------- */

void        _gantry_calendar_set_project    (GantryCalendar *calendar, GantryProject *project);
GantryProject *_gantry_calendar_get_project (GantryCalendar *calendar);

/* ---- gantry-project.c -------------------------------------------------- */

/* Called by the uid setters while the object is in a project; FALSE when
 * the new uid is taken (then the setter refuses the change). */
gboolean    _gantry_project_uid_changing    (GantryProject *project, gpointer object,
                                             int old_uid, int new_uid);

/* Position-exact insertion and removal used by the undo commands. */
typedef struct
{
  int list_index;      /* in the project's list */
  int index_a;         /* link: in pred's successors; assignment: in task's array */
  int index_b;         /* link: in succ's predecessors; assignment: in resource's */
} GantryPlace;

void        _gantry_project_remove_link_at  (GantryProject *self, GantryLink *link,
                                             GantryPlace *out_place);
void        _gantry_project_insert_link_at  (GantryProject *self, GantryLink *link,
                                             const GantryPlace *place);
void        _gantry_project_remove_assignment_at (GantryProject *self, GantryAssignment *a,
                                                  GantryPlace *out_place);
void        _gantry_project_insert_assignment_at (GantryProject *self, GantryAssignment *a,
                                                  const GantryPlace *place);
int         _gantry_project_remove_resource_at (GantryProject *self, GantryResource *r);
int         _gantry_project_remove_calendar_at (GantryProject *self, GantryCalendar *c);
void        _gantry_project_insert_calendar_at (GantryProject *self, int index,
                                                GantryCalendar *c);
/* Position in the project's list of links / assignments, or -1. */
int         _gantry_project_link_index      (GantryProject *self, GantryLink *link);
int         _gantry_project_assignment_index (GantryProject *self, GantryAssignment *a);
gboolean    _gantry_project_calendar_in_use (GantryProject *self, GantryCalendar *c);

/* Change accounting for the "changed" signal. */
void        _gantry_project_touch           (GantryProject *self, guint flags,
                                             GantryTask *task);

/* Row-number bookkeeping for the structure commands: NULL when every task
 * and resource id already equals its row (renumbering restores them);
 * otherwise a snapshot to restore exactly. */
typedef struct _GantryIdSnapshot GantryIdSnapshot;
GantryIdSnapshot *_gantry_project_save_ids  (GantryProject *self);
void        _gantry_project_restore_ids     (GantryProject *self, GantryIdSnapshot *snap);
void        _gantry_id_snapshot_free        (GantryIdSnapshot *snap);

/* ---- change serial (defined in gantry-task.c) -------------------------- */

/* Bumped by every change of what scheduling reads: each property
 * notification of a task, link, assignment or resource, a calendar's
 * definition, extras, and every outline, link or assignment list edit.
 * The engine compares it with the value it saw when it last read the
 * model, and reuses what it read when nothing changed.  Atomic: levelling
 * edits a copy of the plan on a worker thread while the GUI edits the
 * plan, and every change must get a serial of its own. */
extern _Atomic guint64 _gantry_model_serial;
/* The serial of the last change that is not a field edit of one task's
 * scheduling inputs: outline, link and assignment list edits, calendar
 * definitions, extras.  Field edits of a task, of a link (its
 * successor), of an assignment (its task) or of a resource (the tasks
 * it is assigned to) stamp those tasks with the new serial instead
 * (_gantry_task_stamp), so a reader that saw serial S need re-read only
 * the tasks stamped after S while this one is still <= S. */
extern _Atomic guint64 _gantry_model_shape_serial;
#define _GANTRY_MODEL_CHANGED() (_gantry_model_shape_serial = ++_gantry_model_serial)
/* Records a change of task's scheduling inputs (defined in gantry-task.c). */
void        _gantry_task_stamp              (GantryTask *task);
/* The serial of the task's last stamp (0: never changed). */
guint64     _gantry_task_get_stamp          (GantryTask *task);
/* The tasks of the latest stamps: slot (serial % _GANTRY_STAMP_LOG) holds
 * the task stamped with that serial (a serial that stamped nothing leaves
 * an older task there).  A reader that saw serial S, while
 * _gantry_model_serial - S <= _GANTRY_STAMP_LOG, finds every task stamped
 * since S in the slots of S+1 .. _gantry_model_serial.  The pointers are
 * never dereferenced here: compare them only with tasks you hold.  The
 * slots are atomic: the levelling worker stamps the tasks of its copy of
 * the plan on another thread (they never match a task of the plan). */
#define _GANTRY_STAMP_LOG 16384
extern GantryTask *_Atomic _gantry_stamp_log[_GANTRY_STAMP_LOG];

/* ---- bulk reads for the engine ----------------------------------------- */

/* A task's scheduling inputs, read in one call (no per-field function
 * calls and type checks: the engine reads 100 000s of tasks per pass).
 * The arrays are borrowed. */
typedef struct
{
  GantryTask          *parent;
  GPtrArray           *predecessors;
  GPtrArray           *assignments;
  GantryCalendar      *calendar;
  GantryDuration       duration, work, leveling_delay;
  GantryDurationFormat duration_format;
  GantryConstraintType constraint_type;
  GantryTaskType       task_type;
  GantryTime           constraint_date, deadline;
  GantryTime           actual_start, actual_finish;
  GantryTime           start, finish;
  int                  percent_complete;
  double               fixed_cost;
  gboolean             manual, active, is_null, milestone, ignore_resource_calendar;
  guint                n_children;
} GantryTaskInputs;

void        _gantry_task_get_inputs         (GantryTask *task, GantryTaskInputs *out);
/* A link's predecessor, type, lag and lag format in one call. */
GantryTask *_gantry_link_get_inputs         (GantryLink *link, GantryLinkType *type,
                                             gint64 *lag, GantryDurationFormat *lag_format);

/* ---- gantry-command.c -------------------------------------------------- */

typedef enum
{
  GANTRY_APPLY_FAILED,
  GANTRY_APPLY_NOOP,     /* valid but changed nothing: not pushed */
  GANTRY_APPLY_DONE,
} GantryApplyResult;

GantryApplyResult _gantry_command_apply     (GantryCommand *cmd, GantryProject *project);
void        _gantry_command_undo            (GantryCommand *cmd, GantryProject *project);
void        _gantry_command_redo            (GantryCommand *cmd, GantryProject *project);
/* The project the command's target belongs to, or NULL. */
GantryProject *_gantry_command_get_project  (GantryCommand *cmd);
GantryCommand *_gantry_command_new_group    (const char *label);
void        _gantry_command_group_add       (GantryCommand *group, GantryCommand *cmd);
guint       _gantry_command_group_get_n     (GantryCommand *group);

G_END_DECLS
