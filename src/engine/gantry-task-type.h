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

G_END_DECLS
