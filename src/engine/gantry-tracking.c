/* gantry-tracking.c — baselines, progress, variance and earned value
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gantry-tracking.h"
#include "gantry-workcal.h"

GantryTime
gantry_tracking_get_status_date (GantryProject *project)
{
  GantryTime t;
  gint64 now;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), GANTRY_TIME_NONE);

  t = gantry_project_get_status_date (project);
  if (t != GANTRY_TIME_NONE)
    return t;
  g_object_get (project, "current-date", &t, NULL);
  if (t != GANTRY_TIME_NONE)
    return t;
  /* Now, as floating local wall-clock time. */
  now = g_get_real_time () / 1000;
  {
    g_autoptr(GDateTime) dt = g_date_time_new_now_local ();

    now += (gint64) (g_date_time_get_utc_offset (dt) / 1000);
  }
  return now;
}

/* The calendar a task's working time follows. */
static GantryWorkCal *
task_workcal (GantryWorkCalCache *cache, GantryTask *task)
{
  GantryCalendar *cal = gantry_task_get_calendar (task);
  GantryProject *project = gantry_task_get_project (task);

  if (cal == NULL && project != NULL)
    cal = gantry_project_get_calendar (project);
  return gantry_workcal_cache_get (cache, cal);
}

static GantryTime
resolve_status_date (GantryTask *task, GantryTime status_date)
{
  GantryProject *project;

  if (status_date != GANTRY_TIME_NONE)
    return status_date;
  project = gantry_task_get_project (task);
  if (project == NULL)
    return G_MAXINT64;   /* no project: everything counts as due */
  return gantry_tracking_get_status_date (project);
}

/* Share (0..1) of [start, finish) that lies before t, in working time. */
static double
elapsed_share (GantryWorkCal *cal, GantryTime start, GantryTime finish, GantryTime t)
{
  GantryDuration total, done;

  if (t >= finish)
    return 1.0;
  if (t <= start)
    return 0.0;
  total = gantry_workcal_work_between (cal, start, finish);
  if (total <= 0)
    {
      /* No working time in the span: wall-clock share. */
      return (double) (t - start) / (double) (finish - start);
    }
  done = gantry_workcal_work_between (cal, start, t);
  return CLAMP ((double) done / (double) total, 0.0, 1.0);
}

static double
bcws_one (GantryWorkCalCache *cache, GantryTask *task, guint n, GantryTime status)
{
  const GantryBaseline *b = gantry_task_get_baseline (task, n);
  double fixed, spread, share;

  if (b == NULL || b->start == GANTRY_TIME_NONE || b->finish == GANTRY_TIME_NONE)
    return 0.0;

  if (b->finish <= b->start)
    return status >= b->start ? b->cost : 0.0;

  fixed = CLAMP (b->fixed_cost, -fabs (b->cost), fabs (b->cost));
  if (gantry_task_get_fixed_cost_accrual (task) == GANTRY_ACCRUE_PRORATED)
    fixed = 0.0;
  spread = b->cost - fixed;
  share = elapsed_share (task_workcal (cache, task), b->start, b->finish, status);

  {
    double pv = spread * share;

    if (gantry_task_get_fixed_cost_accrual (task) == GANTRY_ACCRUE_START && status >= b->start)
      pv += fixed;
    else if (gantry_task_get_fixed_cost_accrual (task) == GANTRY_ACCRUE_END
             && status >= b->finish)
      pv += fixed;
    return pv;
  }
}

double
gantry_tracking_bcws (GantryTask *task, guint baseline_n, GantryTime status_date)
{
  g_autoptr(GantryWorkCalCache) cache = NULL;

  g_return_val_if_fail (GANTRY_IS_TASK (task), 0.0);
  g_return_val_if_fail (baseline_n < GANTRY_N_BASELINES, 0.0);

  cache = gantry_workcal_cache_new ();
  return bcws_one (cache, task, baseline_n, resolve_status_date (task, status_date));
}

typedef struct
{
  double bac, bcws, bcwp, acwp, cost;
} Sums;

static void
sum_leaves (GantryWorkCalCache *cache, GantryTask *task, guint n, GantryTime status, Sums *s)
{
  guint nc = gantry_task_get_n_children (task);

  if (nc > 0)
    {
      for (guint i = 0; i < nc; i++)
        sum_leaves (cache, gantry_task_get_child (task, i), n, status, s);
      return;
    }
  if (gantry_task_get_is_null (task) || !gantry_task_get_active (task))
    return;

  {
    const GantryBaseline *b = gantry_task_get_baseline (task, n);
    double bac = b != NULL ? b->cost : 0.0;

    s->bac += bac;
    s->bcws += bcws_one (cache, task, n, status);
    s->bcwp += bac * CLAMP (gantry_task_get_percent_complete (task), 0, 100) / 100.0;
    s->acwp += gantry_task_get_actual_cost (task);
    s->cost += gantry_task_get_cost (task);
  }
}

void
gantry_tracking_earned_value (GantryTask        *task,
                              guint              baseline_n,
                              GantryTime         status_date,
                              GantryEarnedValue *out)
{
  g_autoptr(GantryWorkCalCache) cache = NULL;
  Sums s = { 0 };

  g_return_if_fail (out != NULL);
  memset (out, 0, sizeof *out);
  g_return_if_fail (GANTRY_IS_TASK (task));
  g_return_if_fail (baseline_n < GANTRY_N_BASELINES);

  cache = gantry_workcal_cache_new ();
  sum_leaves (cache, task, baseline_n, resolve_status_date (task, status_date), &s);

  out->bac = s.bac;
  out->bcws = s.bcws;
  out->bcwp = s.bcwp;
  out->acwp = s.acwp;
  out->sv = s.bcwp - s.bcws;
  out->cv = s.bcwp - s.acwp;
  out->spi = s.bcws != 0.0 ? s.bcwp / s.bcws : 0.0;
  out->cpi = s.acwp != 0.0 ? s.bcwp / s.acwp : 0.0;
  out->eac = out->cpi != 0.0 ? s.acwp + (s.bac - s.bcwp) / out->cpi : s.cost;
  out->vac = s.bac - out->eac;
  out->tcpi = (s.bac - s.acwp) != 0.0 ? (s.bac - s.bcwp) / (s.bac - s.acwp) : 0.0;
}

/* ---- variance ------------------------------------------------------------- */

gboolean
gantry_tracking_variance (GantryTask *task, guint baseline_n, GantryVariance *out)
{
  g_autoptr(GantryWorkCalCache) cache = NULL;
  const GantryBaseline *b;
  GantryWorkCal *cal;

  g_return_val_if_fail (out != NULL, FALSE);
  memset (out, 0, sizeof *out);
  g_return_val_if_fail (GANTRY_IS_TASK (task), FALSE);
  g_return_val_if_fail (baseline_n < GANTRY_N_BASELINES, FALSE);

  b = gantry_task_get_baseline (task, baseline_n);
  if (b == NULL)
    return FALSE;

  cache = gantry_workcal_cache_new ();
  cal = task_workcal (cache, task);
  if (b->start != GANTRY_TIME_NONE && gantry_task_get_start (task) != GANTRY_TIME_NONE)
    out->start = gantry_workcal_work_between (cal, b->start, gantry_task_get_start (task));
  if (b->finish != GANTRY_TIME_NONE && gantry_task_get_finish (task) != GANTRY_TIME_NONE)
    out->finish = gantry_workcal_work_between (cal, b->finish, gantry_task_get_finish (task));
  out->duration = gantry_task_get_duration (task) - b->duration;
  out->work = gantry_task_get_work (task) - b->work;
  out->cost = gantry_task_get_cost (task) - b->cost;
  return TRUE;
}

/* ---- setting baselines -------------------------------------------------- */

void
gantry_tracking_capture_baseline (GantryTask *task, GantryBaseline *out)
{
  g_return_if_fail (out != NULL);
  memset (out, 0, sizeof *out);
  g_return_if_fail (GANTRY_IS_TASK (task));

  out->set = TRUE;
  out->start = gantry_task_get_start (task);
  out->finish = gantry_task_get_finish (task);
  out->duration = gantry_task_get_duration (task);
  out->duration_format = gantry_task_get_duration_format (task);
  out->estimated = gantry_format_is_estimated (out->duration_format);
  out->work = gantry_task_get_work (task);
  out->cost = gantry_task_get_cost (task);
  out->fixed_cost = gantry_task_get_fixed_cost (task);
}

static GPtrArray *
tasks_or_all (GantryProject *project, GPtrArray *tasks)
{
  GPtrArray *all;

  if (tasks != NULL)
    return g_ptr_array_ref (tasks);
  all = g_ptr_array_new ();
  g_ptr_array_add (all, gantry_project_get_root_task (project));
  g_ptr_array_extend (all, gantry_project_get_all_tasks (project), NULL, NULL);
  return all;
}

static gboolean
apply_baselines (GantryProject *project, GPtrArray *tasks, guint n, gboolean clear)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *label = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (n < GANTRY_N_BASELINES, FALSE);

  if (n == 0)
    label = g_strdup (clear ? _("Clear Baseline") : _("Set Baseline"));
  else
    label = g_strdup_printf (clear ? _("Clear Baseline %u") : _("Set Baseline %u"), n);

  list = tasks_or_all (project, tasks);
  gantry_project_begin_group (project, label);
  for (guint i = 0; i < list->len; i++)
    {
      GantryTask *task = g_ptr_array_index (list, i);
      GantryBaseline b;

      if (!GANTRY_IS_TASK (task) || gantry_task_get_project (task) != project)
        continue;
      if (clear)
        {
          if (gantry_task_get_baseline (task, n) == NULL)
            continue;
          changed |= gantry_project_apply (project, gantry_command_set_baseline (task, n, NULL));
        }
      else
        {
          gantry_tracking_capture_baseline (task, &b);
          changed |= gantry_project_apply (project, gantry_command_set_baseline (task, n, &b));
        }
    }
  gantry_project_end_group (project);
  return changed;
}

gboolean
gantry_project_set_baseline_for (GantryProject *project, GPtrArray *tasks, guint baseline_n)
{
  return apply_baselines (project, tasks, baseline_n, FALSE);
}

gboolean
gantry_project_clear_baseline_for (GantryProject *project, GPtrArray *tasks, guint baseline_n)
{
  return apply_baselines (project, tasks, baseline_n, TRUE);
}

/* ---- update project ------------------------------------------------------- */

static gboolean
set_if_different_time (GantryProject *project, GantryTask *task, const char *prop,
                       gint64 value)
{
  gint64 old;

  g_object_get (task, prop, &old, NULL);
  if (old == value)
    return FALSE;
  return gantry_project_apply (project, gantry_command_set (task, prop, value));
}

gboolean
gantry_project_update_progress (GantryProject *project, GantryTime status_date)
{
  g_autoptr(GantryWorkCalCache) cache = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  GPtrArray *all;
  gboolean changed = FALSE;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), FALSE);

  if (status_date == GANTRY_TIME_NONE)
    status_date = gantry_tracking_get_status_date (project);

  cache = gantry_workcal_cache_new ();
  all = gantry_project_get_all_tasks (project);
  /* Hold references: applying commands may rebuild the cached array. */
  tasks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    g_ptr_array_add (tasks, g_object_ref (g_ptr_array_index (all, i)));

  gantry_project_begin_group (project, _("Update Project"));
  for (guint i = 0; i < tasks->len; i++)
    {
      GantryTask *task = g_ptr_array_index (tasks, i);
      GantryTime start = gantry_task_get_start (task);
      GantryTime finish = gantry_task_get_finish (task);
      GantryDuration dur = gantry_task_get_duration (task);
      int old_pc = gantry_task_get_percent_complete (task);
      int pc;

      if (gantry_task_get_summary (task) || gantry_task_get_is_null (task)
          || !gantry_task_get_active (task)
          || start == GANTRY_TIME_NONE || finish == GANTRY_TIME_NONE || start > status_date)
        continue;

      if (finish <= status_date)
        pc = 100;
      else if (dur <= 0)
        pc = start <= status_date ? 100 : 0;
      else
        {
          double share;

          if (gantry_format_is_elapsed (gantry_task_get_duration_format (task)))
            share = (double) (status_date - start) / (double) MAX (finish - start, 1);
          else
            share = elapsed_share (task_workcal (cache, task), start, finish, status_date);
          pc = (int) floor (share * 100.0 + 0.5);
          pc = CLAMP (pc, 0, 99);
        }
      if (pc <= old_pc)
        continue;

      if (gantry_task_get_actual_start (task) == GANTRY_TIME_NONE)
        changed |= set_if_different_time (project, task, "actual-start", start);
      changed |= gantry_project_apply (project,
                                       gantry_command_set (task, "percent-complete", pc));
      changed |= set_if_different_time (project, task, "actual-duration",
                                        (gint64) (dur * (double) pc / 100.0));
      changed |= set_if_different_time (project, task, "remaining-duration",
                                        dur - (gint64) (dur * (double) pc / 100.0));
      if (pc == 100 && gantry_task_get_actual_finish (task) == GANTRY_TIME_NONE)
        changed |= set_if_different_time (project, task, "actual-finish", finish);
    }
  gantry_project_end_group (project);
  return changed;
}
