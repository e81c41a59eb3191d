/* gantry-task-type.c — Work = Duration × Units, effort-driven, progress
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gantry-task-type.h"
#include "gantry-scheduler.h"

static void
set_int64 (GantryProject *project, gpointer object, const char *prop, gint64 v)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, v);
  gantry_project_apply (project, gantry_command_set_property (object, prop, &value));
  g_value_unset (&value);
}

static void
set_int (GantryProject *project, gpointer object, const char *prop, int v)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, v);
  gantry_project_apply (project, gantry_command_set_property (object, prop, &value));
  g_value_unset (&value);
}

static void
set_double (GantryProject *project, gpointer object, const char *prop, double v)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, v);
  gantry_project_apply (project, gantry_command_set_property (object, prop, &value));
  g_value_unset (&value);
}

static gboolean
is_work_assignment (GantryAssignment *a)
{
  GantryResource *r = gantry_assignment_get_resource (a);

  return r != NULL && gantry_resource_get_resource_type (r) == GANTRY_RESOURCE_WORK;
}

GantryAssignment *
gantry_assign_resource (GantryProject  *project,
                        GantryTask     *task,
                        GantryResource *resource,
                        double          units)
{
  g_autoptr (GPtrArray) existing = g_ptr_array_new ();
  GPtrArray *as;
  GantryTaskType type;
  GantryDuration dur, total = 0;
  double sum_units = units;
  gboolean share;
  GantryAssignment *a;
  guint k;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (GANTRY_IS_TASK (task), NULL);
  g_return_val_if_fail (GANTRY_IS_RESOURCE (resource), NULL);
  if (!(units > 0) || gantry_task_get_project (task) != project
      || gantry_resource_get_project (resource) != project)
    return NULL;

  type = gantry_task_get_task_type (task);
  dur = gantry_task_get_duration (task);
  as = gantry_task_get_assignments (task);
  for (k = 0; as != NULL && k < as->len; k++)
    {
      GantryAssignment *e = g_ptr_array_index (as, k);
      if (!is_work_assignment (e))
        continue;
      g_ptr_array_add (existing, e);
      total += gantry_assignment_get_work (e);
      sum_units += gantry_assignment_get_units (e);
    }
  share = existing->len > 0 && gantry_resource_get_resource_type (resource) == GANTRY_RESOURCE_WORK
          && (gantry_task_get_effort_driven (task) || type == GANTRY_TASK_FIXED_WORK);

  gantry_project_begin_group (project, _("Assign Resource"));
  if (!share)
    {
      GantryDuration work = (GantryDuration) ((double) dur * units + 0.5);
      if (gantry_resource_get_resource_type (resource) != GANTRY_RESOURCE_WORK)
        work = 0;
      else if (type == GANTRY_TASK_FIXED_WORK && existing->len == 0 && gantry_task_get_work (task) > 0)
        work = gantry_task_get_work (task);
      a = gantry_assignment_new (gantry_project_next_assignment_uid (project), task, resource,
                                 units, work);
      gantry_project_apply (project, gantry_command_add_assignment (a));
      g_object_unref (a);
      if (work > 0)
        set_int64 (project, task, "work", total + work);
    }
  else
    {
      GantryDuration new_work = (GantryDuration) ((double) total * units / sum_units + 0.5);

      for (k = 0; k < existing->len; k++)
        {
          GantryAssignment *e = g_ptr_array_index (existing, k);
          double u = gantry_assignment_get_units (e);
          GantryDuration w = (GantryDuration) ((double) total * u / sum_units + 0.5);
          set_int64 (project, e, "work", w);
          if (type == GANTRY_TASK_FIXED_DURATION && dur > 0)
            set_double (project, e, "units", (double) w / (double) dur);
        }
      a = gantry_assignment_new (gantry_project_next_assignment_uid (project), task, resource,
                                 type == GANTRY_TASK_FIXED_DURATION && dur > 0
                                 ? (double) new_work / (double) dur : units,
                                 new_work);
      gantry_project_apply (project, gantry_command_add_assignment (a));
      g_object_unref (a);
      if (type != GANTRY_TASK_FIXED_DURATION)
        set_int64 (project, task, "duration", (GantryDuration) ((double) total / sum_units + 0.5));
      set_int64 (project, task, "work", total);
    }
  gantry_project_end_group (project);
  return a;
}

void
gantry_set_percent_complete (GantryProject *project,
                             GantryTask    *task,
                             int            percent)
{
  GantryDuration dur, actual;

  g_return_if_fail (GANTRY_IS_PROJECT (project));
  g_return_if_fail (GANTRY_IS_TASK (task));
  percent = CLAMP (percent, 0, 100);
  dur = gantry_task_get_duration (task);
  actual = dur * percent / 100;

  /* xgettext:no-c-format */
  gantry_project_begin_group (project, _("Set % Complete"));
  set_int (project, task, "percent-complete", percent);
  if (percent > 0 && gantry_task_get_actual_start (task) == GANTRY_TIME_NONE)
    set_int64 (project, task, "actual-start", gantry_task_get_start (task));
  if (percent == 0)
    set_int64 (project, task, "actual-start", GANTRY_TIME_NONE);
  set_int64 (project, task, "actual-duration", actual);
  set_int64 (project, task, "remaining-duration", dur - actual);
  if (percent == 100)
    set_int64 (project, task, "actual-finish", gantry_task_get_finish (task));
  else if (gantry_task_get_actual_finish (task) != GANTRY_TIME_NONE)
    set_int64 (project, task, "actual-finish", GANTRY_TIME_NONE);
  gantry_project_end_group (project);
}

void
gantry_set_task_duration (GantryProject  *project,
                          GantryTask     *task,
                          GantryDuration  duration,
                          const char     *label)
{
  GPtrArray *as;
  GantryTaskType type;
  GantryDuration total = 0;
  gboolean any = FALSE;
  guint k;

  g_return_if_fail (GANTRY_IS_PROJECT (project));
  g_return_if_fail (GANTRY_IS_TASK (task));
  g_return_if_fail (gantry_task_get_project (task) == project);
  if (duration < 0)
    duration = 0;

  type = gantry_task_get_task_type (task);
  as = gantry_task_get_assignments (task);

  gantry_project_begin_group (project, label != NULL ? label : _("Set Duration"));
  if (gantry_task_get_duration (task) != duration)
    set_int64 (project, task, "duration", duration);
  for (k = 0; as != NULL && k < as->len; k++)
    {
      GantryAssignment *a = g_ptr_array_index (as, k);
      double units = gantry_assignment_get_units (a);
      GantryDuration work = gantry_assignment_get_work (a);
      GantryDuration overtime = MAX (gantry_assignment_get_overtime_work (a), 0);
      /* a work contour works the units at its average share only (the
       * scheduler lasts work / (units x average)); a fixed-duration task
       * does not follow its assignments, so its work keeps Duration x Units */
      double avg = type == GANTRY_TASK_FIXED_DURATION
                   ? 1.0 : gantry_work_contour_average (gantry_assignment_get_work_contour (a));

      if (!is_work_assignment (a) || !(units > 0))
        continue;
      any = TRUE;
      if (type == GANTRY_TASK_FIXED_WORK)
        {
          /* the work stays; the units follow (none when the work is all
           * overtime or the duration is zero) */
          if (duration > 0 && work > overtime)
            {
              double u = (double) (work - overtime) / ((double) duration * avg);
              if (fabs (u - units) > 1e-9)
                set_double (project, a, "units", u);
            }
        }
      else
        {
          GantryDuration w = (GantryDuration) llround (units * avg * (double) duration) + overtime;
          if (w != work)
            set_int64 (project, a, "work", w);
          work = w;
        }
      total += work;
    }
  if (any && gantry_task_get_work (task) != total)
    set_int64 (project, task, "work", total);
  gantry_project_end_group (project);
}

/* The task's Work becomes the sum of its work assignments' work. */
static void
roll_up_work (GantryProject *project, GantryTask *task)
{
  GPtrArray *as = gantry_task_get_assignments (task);
  GantryDuration total = 0;
  gboolean any = FALSE;
  guint k;

  for (k = 0; as != NULL && k < as->len; k++)
    {
      GantryAssignment *a = g_ptr_array_index (as, k);
      if (!is_work_assignment (a))
        continue;
      any = TRUE;
      total += gantry_assignment_get_work (a);
    }
  if (any && gantry_task_get_work (task) != total)
    set_int64 (project, task, "work", total);
}

static gboolean
assignment_editable (GantryProject *project, GantryAssignment *a)
{
  GantryTask *task = gantry_assignment_get_task (a);

  return task != NULL && gantry_task_get_project (task) == project && is_work_assignment (a);
}

gboolean
gantry_set_assignment_work (GantryProject    *project,
                            GantryAssignment *assignment,
                            GantryDuration    work)
{
  GantryTask *task;
  GantryDuration dur, overtime;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (GANTRY_IS_ASSIGNMENT (assignment), FALSE);
  if (work < 0 || !assignment_editable (project, assignment))
    return FALSE;

  task = gantry_assignment_get_task (assignment);
  dur = gantry_task_get_duration (task);
  overtime = MAX (gantry_assignment_get_overtime_work (assignment), 0);
  gantry_project_begin_group (project, _("Set Work"));
  if (gantry_assignment_get_work (assignment) != work)
    set_int64 (project, assignment, "work", work);
  if (gantry_task_get_task_type (task) == GANTRY_TASK_FIXED_DURATION)
    {
      /* the duration stays: Units = Work ÷ Duration */
      if (dur > 0 && work > overtime)
        {
          double u = (double) (work - overtime) / (double) dur;
          if (fabs (u - gantry_assignment_get_units (assignment)) > 1e-9)
            set_double (project, assignment, "units", u);
        }
    }
  /* Fixed Units and Fixed Work keep the units: the scheduler gives the
   * assignment Work ÷ Units of its resource's working time, and the task
   * the longest of its assignments */
  roll_up_work (project, task);
  gantry_project_end_group (project);
  return TRUE;
}

gboolean
gantry_set_assignment_units (GantryProject    *project,
                             GantryAssignment *assignment,
                             double            units)
{
  GantryTask *task;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (GANTRY_IS_ASSIGNMENT (assignment), FALSE);
  if (!(units > 0) || !isfinite (units) || !assignment_editable (project, assignment))
    return FALSE;

  task = gantry_assignment_get_task (assignment);
  gantry_project_begin_group (project, _("Set Units"));
  if (fabs (units - gantry_assignment_get_units (assignment)) > 1e-12)
    set_double (project, assignment, "units", units);
  if (gantry_task_get_task_type (task) == GANTRY_TASK_FIXED_DURATION)
    {
      /* the duration stays: Work = Duration × Units (plus overtime) */
      GantryDuration w = (GantryDuration) llround (units * (double) gantry_task_get_duration (task))
                         + MAX (gantry_assignment_get_overtime_work (assignment), 0);
      if (w != gantry_assignment_get_work (assignment))
        set_int64 (project, assignment, "work", w);
    }
  /* Fixed Units and Fixed Work keep the work: the duration follows */
  roll_up_work (project, task);
  gantry_project_end_group (project);
  return TRUE;
}

gboolean
gantry_set_task_work (GantryProject  *project,
                      GantryTask     *task,
                      GantryDuration  work)
{
  g_autoptr(GPtrArray) was = g_ptr_array_new ();
  GPtrArray *as;
  GantryDuration old_total = 0, given = 0;
  double sum_units = 0;
  guint k;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (GANTRY_IS_TASK (task), FALSE);
  if (work < 0 || gantry_task_get_project (task) != project || gantry_task_get_summary (task))
    return FALSE;
  as = gantry_task_get_assignments (task);
  for (k = 0; as != NULL && k < as->len; k++)
    {
      GantryAssignment *a = g_ptr_array_index (as, k);
      if (!is_work_assignment (a))
        continue;
      g_ptr_array_add (was, a);
      old_total += MAX (gantry_assignment_get_work (a), 0);
      sum_units += MAX (gantry_assignment_get_units (a), 0);
    }
  if (was->len == 0)
    return FALSE;   /* no one to do it: MS Project needs a work resource too */

  gantry_project_begin_group (project, _("Set Work"));
  for (k = 0; k < was->len; k++)
    {
      GantryAssignment *a = g_ptr_array_index (was, k);
      GantryDuration w;

      /* shared out as the work was (as the units are when there was none);
       * the last one takes the rounding */
      if (k + 1 == was->len)
        w = work - given;
      else if (old_total > 0)
        w = (GantryDuration) llround ((double) work * (double) MAX (gantry_assignment_get_work (a), 0)
                                      / (double) old_total);
      else if (sum_units > 0)
        w = (GantryDuration) llround ((double) work * gantry_assignment_get_units (a) / sum_units);
      else
        w = work / (GantryDuration) was->len;
      given += w;
      gantry_set_assignment_work (project, a, w);
    }
  gantry_project_end_group (project);
  return TRUE;
}
