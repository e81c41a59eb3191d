/* gantry-task-type.h — Work = Duration × Units, effort-driven, progress
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Edits whose side effects MS Project derives from the task type
 * (reference §2.9, §2.10).  Each applies one undoable command group.
 */
#pragma once

#include "gantry-core.h"

G_BEGIN_DECLS

/* Assigns resource to task at units.  The first work assignment gets
 * Work = Duration × Units.  Adding one to a task that already has work
 * assignments, when the task is effort-driven (Fixed Work always is),
 * keeps the total work and shares it out again: Fixed Units and Fixed
 * Work tasks get a shorter or longer duration, Fixed Duration tasks new
 * units.  Returns the new assignment (borrowed) or NULL when it cannot
 * be made (units <= 0, resource or task not in project). */
GantryAssignment *gantry_assign_resource      (GantryProject  *project,
                                               GantryTask     *task,
                                               GantryResource *resource,
                                               double          units);
/* Sets % complete with MS Project's side effects: ActualStart = Start
 * when progress starts, ActualDuration / RemainingDuration from the
 * duration, ActualFinish = Finish at 100 %. */
void              gantry_set_percent_complete (GantryProject *project,
                                               GantryTask    *task,
                                               int            percent);

/* Sets task's duration with MS Project's side effects on its work
 * assignments (Work = Duration × Units, reference §2.9): Fixed Units and
 * Fixed Duration tasks get Work = Duration × Units (plus any overtime
 * work) on each assignment, Fixed Work tasks keep their work and get
 * Units = Work ÷ Duration.  The task's Work becomes the assignments' sum.
 * A Fixed Work task cannot take a zero duration while it has work; it
 * keeps its units then.  Applies one command group labelled label (or
 * "Set Duration" when NULL); callers may nest it in their own group to
 * add the duration format, milestone flag or finish. */
void              gantry_set_task_duration    (GantryProject  *project,
                                               GantryTask     *task,
                                               GantryDuration  duration,
                                               const char     *label);

/* Sets an assignment's work (a work resource's), as MS Project does
 * (reference §2.9, Work = Duration × Units): Fixed Units and Fixed Work
 * tasks keep the units and get a new duration (the scheduler gives the
 * assignment Work ÷ Units of its resource's working time); Fixed Duration
 * tasks keep the duration and get Units = Work ÷ Duration.  The task's
 * Work becomes the sum of its assignments'.  One undo step "Set Work".
 * FALSE (nothing changes) for negative work or an assignment that is not
 * a work resource's on a task of project. */
gboolean          gantry_set_assignment_work  (GantryProject    *project,
                                               GantryAssignment *assignment,
                                               GantryDuration    work);
/* Sets an assignment's units: Fixed Units and Fixed Work tasks keep the
 * work (the duration follows), Fixed Duration tasks get Work = Duration ×
 * Units.  One undo step "Set Units"; FALSE for units <= 0. */
gboolean          gantry_set_assignment_units (GantryProject    *project,
                                               GantryAssignment *assignment,
                                               double            units);
/* Sets a task's total work: shared out over its work assignments in
 * proportion to their work (their units when they have none), each as
 * gantry_set_assignment_work.  FALSE for a summary, negative work, or a
 * task without work assignments. */
gboolean          gantry_set_task_work        (GantryProject  *project,
                                               GantryTask     *task,
                                               GantryDuration  work);

G_END_DECLS
