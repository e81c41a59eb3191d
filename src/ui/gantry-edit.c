/* gantry-edit.c — the editing operations behind the Gantt view's actions
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gantry-edit.h"
#include "gantry-task-type.h"
#include "gantry-text.h"

/* ---- one-property commands -------------------------------------------- */

GantryCommand *
gantry_edit_cmd_int (gpointer object, const char *property, int value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT);
  g_value_set_int (&v, value);
  return gantry_command_set_property (object, property, &v);
}

GantryCommand *
gantry_edit_cmd_int64 (gpointer object, const char *property, gint64 value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  return gantry_command_set_property (object, property, &v);
}

GantryCommand *
gantry_edit_cmd_bool (gpointer object, const char *property, gboolean value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  return gantry_command_set_property (object, property, &v);
}

GantryCommand *
gantry_edit_cmd_double (gpointer object, const char *property, double value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  return gantry_command_set_property (object, property, &v);
}

GantryCommand *
gantry_edit_cmd_string (gpointer object, const char *property, const char *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  return gantry_command_set_property (object, property, &v);
}

/* ---- fields ------------------------------------------------------------ */

char *
gantry_edit_format_field (GantryTask  *task,
                          GantryField  field)
{
  GantryProject *project;
  GantryDurationContext ctx = GANTRY_DURATION_CONTEXT_DEFAULT;

  g_return_val_if_fail (GANTRY_IS_TASK (task), NULL);

  project = gantry_task_get_project (task);
  if (project != NULL)
    gantry_project_get_duration_context (project, &ctx);

  switch (field)
    {
    case GANTRY_FIELD_NAME:
      return g_strdup (gantry_task_get_name (task) ? gantry_task_get_name (task) : "");
    case GANTRY_FIELD_DURATION:
      return gantry_duration_format_long (gantry_task_get_duration (task),
                                          gantry_task_get_duration_format (task), &ctx);
    case GANTRY_FIELD_START:
      return gantry_task_get_start (task) == GANTRY_TIME_NONE
        ? g_strdup ("") : gantry_time_format_display (gantry_task_get_start (task), FALSE);
    case GANTRY_FIELD_FINISH:
      return gantry_task_get_finish (task) == GANTRY_TIME_NONE
        ? g_strdup ("") : gantry_time_format_display (gantry_task_get_finish (task), FALSE);
    case GANTRY_FIELD_PREDECESSORS:
      return gantry_text_format_predecessors (task);
    case GANTRY_FIELD_RESOURCES:
      return gantry_text_format_resources (task);
    case GANTRY_FIELD_PERCENT_COMPLETE:
      return g_strdup_printf ("%d%%", gantry_task_get_percent_complete (task));
    case GANTRY_FIELD_WORK:
      return gantry_duration_format_long (gantry_task_get_work (task), GANTRY_FORMAT_HOURS, &ctx);
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
apply_group (GantryProject  *project,
             const char     *label,
             GantryCommand **cmds,
             guint           n)
{
  gboolean ok = TRUE;

  gantry_project_begin_group (project, label);
  for (guint i = 0; i < n; i++)
    if (cmds[i] != NULL && !gantry_project_apply (project, cmds[i]))
      ok = FALSE;
  gantry_project_end_group (project);
  return ok;
}

static gboolean
parse_percent (const char *text,
               int        *out,
               GError    **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize len = strlen (copy);
  char *end = NULL;
  gint64 v;

  if (len > 0 && copy[len - 1] == '%')
    copy[len - 1] = '\0';
  g_strstrip (copy);
  v = g_ascii_strtoll (copy, &end, 10);
  if (copy[0] == '\0' || *end != '\0')
    {
      g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_SYNTAX,
                   _("“%s” is not a percentage between 0 and 100"), text);
      return FALSE;
    }
  if (v < 0 || v > 100)
    {
      g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_INVALID,
                   _("%% complete must be between 0 and 100, not %s"), text);
      return FALSE;
    }
  *out = (int) v;
  return TRUE;
}

gboolean
gantry_edit_set_field_text (GantryTask  *task,
                            GantryField  field,
                            const char  *text,
                            GError     **error)
{
  GantryProject *project;
  GantryDurationContext ctx;
  g_autofree char *current = NULL;

  g_return_val_if_fail (GANTRY_IS_TASK (task), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  project = gantry_task_get_project (task);
  g_return_val_if_fail (project != NULL, FALSE);
  gantry_project_get_duration_context (project, &ctx);

  current = gantry_edit_format_field (task, field);
  if (g_strcmp0 (current, text) == 0)
    return TRUE;

  switch (field)
    {
    case GANTRY_FIELD_NAME:
      {
        GantryCommand *cmd = gantry_edit_cmd_string (task, "name", text);
        return apply_group (project, _("Rename Task"), &cmd, 1);
      }

    case GANTRY_FIELD_DURATION:
      {
        GantryDuration d;
        GantryDurationFormat fmt;
        GantryCommand *cmds[2] = { NULL, };
        gboolean ok;

        if (gantry_task_get_summary (task) && !gantry_task_get_manual (task))
          {
            g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_INVALID,
                         _("A summary task’s duration comes from its subtasks"));
            return FALSE;
          }
        if (!gantry_duration_parse (text, &ctx, gantry_project_get_duration_format (project),
                                    FALSE, FALSE, &d, &fmt, error))
          return FALSE;
        /* the duration with its work assignments (Work = Duration ×
         * Units by task type), else the scheduler would derive the old
         * duration from the work again; one undo step */
        gantry_project_begin_group (project, _("Set Duration"));
        gantry_set_task_duration (project, task, d, NULL);
        cmds[0] = gantry_edit_cmd_int (task, "duration-format", fmt);
        if (gantry_task_get_milestone (task) != (d == 0))
          cmds[1] = gantry_edit_cmd_bool (task, "milestone", d == 0);
        ok = apply_group (project, _("Set Duration"), cmds, 2);
        gantry_project_end_group (project);
        return ok;
      }

    case GANTRY_FIELD_START:
    case GANTRY_FIELD_FINISH:
      {
        gboolean is_start = field == GANTRY_FIELD_START;
        int minutes = is_start ? gantry_project_get_default_start_time (project)
                               : gantry_project_get_default_finish_time (project);
        GantryTime t;
        GantryCommand *cmds[3] = { NULL, };

        if (!gantry_time_parse_display (text, (gint64) minutes * GANTRY_MS_MINUTE, &t, error))
          return FALSE;
        if (gantry_task_get_manual (task))
          {
            GantryTime s = gantry_task_get_start (task);
            GantryTime f = gantry_task_get_finish (task);

            if (is_start)
              {
                cmds[0] = gantry_edit_cmd_int64 (task, "start", t);
                if (s != GANTRY_TIME_NONE && f != GANTRY_TIME_NONE)
                  cmds[1] = gantry_edit_cmd_int64 (task, "finish", t + (f - s));
              }
            else
              {
                if (s != GANTRY_TIME_NONE && t < s)
                  {
                    g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_INVALID,
                                 _("The finish cannot be before the start"));
                    return FALSE;
                  }
                cmds[0] = gantry_edit_cmd_int64 (task, "finish", t);
              }
          }
        else
          {
            cmds[0] = gantry_edit_cmd_int (task, "constraint-type",
                                           is_start ? GANTRY_CONSTRAINT_SNET
                                                    : GANTRY_CONSTRAINT_FNET);
            cmds[1] = gantry_edit_cmd_int64 (task, "constraint-date", t);
          }
        return apply_group (project, is_start ? _("Set Start") : _("Set Finish"), cmds, 3);
      }

    case GANTRY_FIELD_PERCENT_COMPLETE:
      {
        int pc;
        GantryCommand *cmd;

        if (!parse_percent (text, &pc, error))
          return FALSE;
        if (pc == gantry_task_get_percent_complete (task))
          return TRUE;
        /* with MS Project's side effects (actual start/finish, actual and
         * remaining duration), as one undo step */
        (void) cmd;
        /* xgettext:no-c-format */
        gantry_project_begin_group (project, _("Set % Complete"));
        gantry_set_percent_complete (project, task, pc);
        gantry_project_end_group (project);
        return TRUE;
      }

    case GANTRY_FIELD_PREDECESSORS:
      {
        g_autoptr(GPtrArray) specs = NULL;

        if (!gantry_text_parse_predecessors (task, text, &specs, error))
          return FALSE;
        gantry_edit_set_predecessors (task, specs);
        return TRUE;
      }

    case GANTRY_FIELD_RESOURCES:
      {
        g_autoptr(GPtrArray) specs = NULL;

        if (!gantry_text_parse_resources (project, text, &specs, error))
          return FALSE;
        gantry_edit_set_resources (task, specs);
        return TRUE;
      }

    case GANTRY_FIELD_WORK:
      {
        GantryDuration w;
        GantryDurationFormat fmt;

        if (gantry_task_get_summary (task))
          {
            g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_INVALID,
                         _("A summary task’s work comes from its subtasks"));
            return FALSE;
          }
        if (!gantry_duration_parse (text, &ctx, GANTRY_FORMAT_HOURS, FALSE, FALSE, &w, &fmt, error))
          return FALSE;
        if (gantry_format_is_elapsed (fmt))
          {
            g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_INVALID,
                         _("Work is working time: “%s” is elapsed time"), text);
            return FALSE;
          }
        if (w == gantry_task_get_work (task))
          return TRUE;
        /* shared out over the work assignments by the task type's rules
         * (reference §2.9), one undo step */
        if (!gantry_set_task_work (project, task, w))
          {
            g_set_error_literal (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_INVALID,
                                 _("Work needs someone to do it: assign a work resource first"));
            return FALSE;
          }
        return TRUE;
      }

    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
gantry_edit_set_predecessors (GantryTask *task,
                              GPtrArray  *specs)
{
  GantryProject *project = gantry_task_get_project (task);
  g_autoptr(GPtrArray) cmds = g_ptr_array_new ();
  g_autoptr(GPtrArray) existing = NULL;
  GPtrArray *preds;
  gboolean ok;

  g_return_val_if_fail (project != NULL, FALSE);

  preds = gantry_task_get_predecessors (task);
  existing = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; preds != NULL && i < preds->len; i++)
    g_ptr_array_add (existing, g_object_ref (g_ptr_array_index (preds, i)));

  for (guint i = 0; i < existing->len; i++)
    {
      GantryLink *link = g_ptr_array_index (existing, i);
      GantryPredecessorSpec *spec = NULL;

      for (guint j = 0; j < specs->len; j++)
        {
          GantryPredecessorSpec *s = g_ptr_array_index (specs, j);
          if (s->predecessor == gantry_link_get_predecessor (link))
            spec = s;
        }
      if (spec == NULL)
        {
          g_ptr_array_add (cmds, gantry_command_remove_link (link));
          continue;
        }
      if (spec->type != gantry_link_get_link_type (link))
        g_ptr_array_add (cmds, gantry_edit_cmd_int (link, "link-type", spec->type));
      if (spec->lag != gantry_link_get_lag (link))
        g_ptr_array_add (cmds, gantry_edit_cmd_int64 (link, "lag", spec->lag));
      if (spec->lag != 0 && spec->lag_format != gantry_link_get_lag_format (link))
        g_ptr_array_add (cmds, gantry_edit_cmd_int (link, "lag-format", spec->lag_format));
    }
  for (guint j = 0; j < specs->len; j++)
    {
      GantryPredecessorSpec *s = g_ptr_array_index (specs, j);
      g_autoptr(GantryLink) link = NULL;

      if (gantry_project_find_link (project, s->predecessor, task) != NULL)
        continue;
      link = gantry_link_new (s->predecessor, task, s->type, s->lag, s->lag_format);
      g_ptr_array_add (cmds, gantry_command_add_link (link));
    }
  if (cmds->len == 0)
    return TRUE;
  ok = apply_group (project, _("Edit Predecessors"), (GantryCommand **) cmds->pdata, cmds->len);
  return ok;
}

gboolean
gantry_edit_set_resources (GantryTask *task,
                           GPtrArray  *specs)
{
  GantryProject *project = gantry_task_get_project (task);
  g_autoptr(GPtrArray) existing = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *assignments;
  gboolean changed = FALSE;

  g_return_val_if_fail (project != NULL, FALSE);

  assignments = gantry_task_get_assignments (task);
  for (guint i = 0; assignments != NULL && i < assignments->len; i++)
    g_ptr_array_add (existing, g_object_ref (g_ptr_array_index (assignments, i)));

  gantry_project_begin_group (project, _("Assign Resources"));
  for (guint i = 0; i < existing->len; i++)
    {
      GantryAssignment *a = g_ptr_array_index (existing, i);
      GantryResourceSpec *spec = NULL;

      for (guint j = 0; j < specs->len; j++)
        {
          GantryResourceSpec *s = g_ptr_array_index (specs, j);
          if (s->resource == gantry_assignment_get_resource (a))
            spec = s;
        }
      if (spec == NULL)
        {
          gantry_project_apply (project, gantry_command_remove_assignment (a));
          changed = TRUE;
        }
      else if (fabs (spec->units - gantry_assignment_get_units (a)) > 1e-9)
        {
          gantry_project_apply (project, gantry_edit_cmd_double (a, "units", spec->units));
          changed = TRUE;
        }
    }
  for (guint j = 0; j < specs->len; j++)
    {
      GantryResourceSpec *s = g_ptr_array_index (specs, j);
      GantryResource *resource = s->resource;
      g_autoptr(GantryAssignment) a = NULL;
      gboolean found = FALSE;
      GantryDuration work = 0;

      for (guint i = 0; i < existing->len && resource != NULL; i++)
        if (gantry_assignment_get_resource (g_ptr_array_index (existing, i)) == resource)
          found = TRUE;
      if (found)
        continue;
      if (resource == NULL)
        {
          g_autoptr(GantryResource) r = gantry_resource_new (gantry_project_next_resource_uid (project),
                                                             s->name);
          if (!gantry_project_apply (project, gantry_command_add_resource (r, -1)))
            continue;
          resource = r;
        }
      /* work resources: Work = Duration × Units for the first, and an
       * effort-driven task keeps its work when one is added (§2.9) */
      if (gantry_resource_get_resource_type (resource) == GANTRY_RESOURCE_WORK
          && s->units > 0 && gantry_assign_resource (project, task, resource, s->units) != NULL)
        {
          changed = TRUE;
          continue;
        }
      if (gantry_resource_get_resource_type (resource) == GANTRY_RESOURCE_WORK)
        work = (GantryDuration) llround ((double) gantry_task_get_duration (task) * s->units);
      a = gantry_assignment_new (gantry_project_next_assignment_uid (project),
                                 task, resource, s->units, work);
      gantry_project_apply (project, gantry_command_add_assignment (a));
      changed = TRUE;
    }
  gantry_project_end_group (project);
  return changed;
}

/* ---- outline operations ------------------------------------------------ */

static int
compare_outline (gconstpointer a,
                 gconstpointer b)
{
  GantryTask *ta = *(GantryTask **) a;
  GantryTask *tb = *(GantryTask **) b;
  g_autoptr(GArray) pa = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) pb = g_array_new (FALSE, FALSE, sizeof (int));
  guint i;

  for (GantryTask *t = ta; t != NULL && gantry_task_get_parent (t) != NULL; t = gantry_task_get_parent (t))
    {
      int pos = gantry_task_get_position (t);
      g_array_prepend_val (pa, pos);
    }
  for (GantryTask *t = tb; t != NULL && gantry_task_get_parent (t) != NULL; t = gantry_task_get_parent (t))
    {
      int pos = gantry_task_get_position (t);
      g_array_prepend_val (pb, pos);
    }
  for (i = 0; i < pa->len && i < pb->len; i++)
    {
      int x = g_array_index (pa, int, i);
      int y = g_array_index (pb, int, i);
      if (x != y)
        return x < y ? -1 : 1;
    }
  return (int) pa->len - (int) pb->len;
}

GPtrArray *
gantry_edit_top_tasks (GantryProject *project,
                       GPtrArray     *selection)
{
  g_autoptr(GHashTable) set = g_hash_table_new (NULL, NULL);
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), out);

  if (selection == NULL)
    return out;
  for (guint i = 0; i < selection->len; i++)
    g_hash_table_add (set, g_ptr_array_index (selection, i));
  for (guint i = 0; i < selection->len; i++)
    {
      GantryTask *t = g_ptr_array_index (selection, i);
      gboolean covered = FALSE;

      if (gantry_task_get_project (t) != project || gantry_task_get_parent (t) == NULL)
        continue;
      for (GantryTask *p = gantry_task_get_parent (t); p != NULL; p = gantry_task_get_parent (p))
        if (g_hash_table_contains (set, p))
          covered = TRUE;
      if (!covered && g_ptr_array_find (out, t, NULL) == FALSE)
        g_ptr_array_add (out, t);
    }
  g_ptr_array_sort (out, compare_outline);
  return out;
}

static GantryTask *
new_task (GantryProject *project)
{
  GantryTask *task = gantry_task_new (gantry_project_next_task_uid (project), _("New task"));
  GantryDurationContext ctx;
  gboolean manual = FALSE;

  gantry_project_get_duration_context (project, &ctx);
  gantry_task_set_duration (task, (GantryDuration) ctx.minutes_per_day * GANTRY_MS_MINUTE);
  gantry_task_set_duration_format (task, GANTRY_FORMAT_DAYS + GANTRY_FORMAT_ESTIMATED_OFFSET);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (project), "new-tasks-manual"))
    g_object_get (project, "new-tasks-manual", &manual, NULL);
  gantry_task_set_manual (task, manual);
  if (gantry_project_get_start (project) != GANTRY_TIME_NONE)
    {
      gantry_task_set_start (task, gantry_project_get_start (project));
      gantry_task_set_finish (task, gantry_project_get_start (project));
    }
  return task;
}

GantryTask *
gantry_edit_insert_task (GantryProject *project,
                         GantryTask    *before)
{
  g_autoptr(GantryTask) task = NULL;
  GantryTask *parent;
  int position;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), NULL);

  if (before != NULL && gantry_task_get_parent (before) != NULL)
    {
      parent = gantry_task_get_parent (before);
      position = gantry_task_get_position (before);
    }
  else
    {
      parent = gantry_project_get_root_task (project);
      position = -1;
    }
  task = new_task (project);
  gantry_project_begin_group (project, _("Insert Task"));
  if (!gantry_project_apply (project, gantry_command_insert_task (parent, position, task)))
    {
      gantry_project_end_group (project);
      return NULL;
    }
  gantry_project_end_group (project);
  return task;
}

gboolean
gantry_edit_delete_tasks (GantryProject *project,
                          GPtrArray     *tasks)
{
  g_autoptr(GPtrArray) tops = gantry_edit_top_tasks (project, tasks);

  if (tops->len == 0)
    return FALSE;
  gantry_project_begin_group (project, g_dngettext (GETTEXT_PACKAGE, "Delete Task",
                                                    "Delete Tasks", tops->len));
  for (guint i = tops->len; i > 0; i--)
    gantry_project_apply (project, gantry_command_remove_task (g_ptr_array_index (tops, i - 1)));
  gantry_project_end_group (project);
  return TRUE;
}

static gboolean
move (GantryProject *project,
      GantryTask    *task,
      GantryTask    *parent,
      int            position)
{
  return gantry_project_apply (project, gantry_command_move_task (task, parent, position));
}

gboolean
gantry_edit_indent (GantryProject *project,
                    GPtrArray     *tasks)
{
  g_autoptr(GPtrArray) tops = gantry_edit_top_tasks (project, tasks);
  gboolean changed = FALSE;

  if (tops->len == 0)
    return FALSE;
  gantry_project_begin_group (project, _("Indent"));
  for (guint i = 0; i < tops->len; i++)
    {
      GantryTask *t = g_ptr_array_index (tops, i);
      GantryTask *parent = gantry_task_get_parent (t);
      int pos = gantry_task_get_position (t);
      GantryTask *prev;

      if (pos <= 0)
        continue;
      prev = gantry_task_get_child (parent, pos - 1);
      changed |= move (project, t, prev, -1);
    }
  gantry_project_end_group (project);
  return changed;
}

gboolean
gantry_edit_outdent (GantryProject *project,
                     GPtrArray     *tasks)
{
  g_autoptr(GPtrArray) tops = gantry_edit_top_tasks (project, tasks);
  GantryTask *root = gantry_project_get_root_task (project);
  gboolean changed = FALSE;

  if (tops->len == 0)
    return FALSE;
  gantry_project_begin_group (project, _("Outdent"));
  for (guint i = tops->len; i > 0; i--)
    {
      GantryTask *t = g_ptr_array_index (tops, i - 1);
      GantryTask *parent = gantry_task_get_parent (t);
      GantryTask *grand;
      int ppos;

      if (parent == NULL || parent == root)
        continue;
      grand = gantry_task_get_parent (parent);
      ppos = gantry_task_get_position (parent);
      /* as in MS Project, the tasks below become its subtasks */
      while (gantry_task_get_n_children (parent) > (guint) gantry_task_get_position (t) + 1)
        {
          GantryTask *next = gantry_task_get_child (parent, gantry_task_get_position (t) + 1);
          if (!move (project, next, t, -1))
            break;
        }
      changed |= move (project, t, grand, ppos + 1);
    }
  gantry_project_end_group (project);
  return changed;
}

gboolean
gantry_edit_move_up (GantryProject *project,
                     GPtrArray     *tasks)
{
  g_autoptr(GPtrArray) tops = gantry_edit_top_tasks (project, tasks);
  gboolean changed = FALSE;

  if (tops->len == 0)
    return FALSE;
  /* a block at the top of its parent stays */
  for (guint i = 0; i < tops->len; i++)
    if (gantry_task_get_position (g_ptr_array_index (tops, i)) == 0)
      return FALSE;
  gantry_project_begin_group (project, _("Move Up"));
  for (guint i = 0; i < tops->len; i++)
    {
      GantryTask *t = g_ptr_array_index (tops, i);
      changed |= move (project, t, gantry_task_get_parent (t), gantry_task_get_position (t) - 1);
    }
  gantry_project_end_group (project);
  return changed;
}

gboolean
gantry_edit_move_down (GantryProject *project,
                       GPtrArray     *tasks)
{
  g_autoptr(GPtrArray) tops = gantry_edit_top_tasks (project, tasks);
  gboolean changed = FALSE;

  if (tops->len == 0)
    return FALSE;
  for (guint i = 0; i < tops->len; i++)
    {
      GantryTask *t = g_ptr_array_index (tops, i);
      if ((guint) gantry_task_get_position (t) + 1 >= gantry_task_get_n_children (gantry_task_get_parent (t)))
        return FALSE;
    }
  gantry_project_begin_group (project, _("Move Down"));
  for (guint i = tops->len; i > 0; i--)
    {
      GantryTask *t = g_ptr_array_index (tops, i - 1);
      changed |= move (project, t, gantry_task_get_parent (t), gantry_task_get_position (t) + 1);
    }
  gantry_project_end_group (project);
  return changed;
}

gboolean
gantry_edit_link (GantryProject *project,
                  GPtrArray     *tasks)
{
  gboolean changed = FALSE;

  if (tasks == NULL || tasks->len < 2)
    return FALSE;
  gantry_project_begin_group (project, _("Link Tasks"));
  for (guint i = 0; i + 1 < tasks->len; i++)
    {
      GantryTask *a = g_ptr_array_index (tasks, i);
      GantryTask *b = g_ptr_array_index (tasks, i + 1);
      g_autoptr(GantryLink) link = NULL;

      if (a == b || gantry_task_is_ancestor_of (a, b) || gantry_task_is_ancestor_of (b, a)
          || gantry_project_find_link (project, a, b) != NULL
          || gantry_project_find_link (project, b, a) != NULL
          || gantry_text_link_would_loop (a, b))
        continue;
      link = gantry_link_new (a, b, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
      changed |= gantry_project_apply (project, gantry_command_add_link (link));
    }
  gantry_project_end_group (project);
  return changed;
}

gboolean
gantry_edit_unlink (GantryProject *project,
                    GPtrArray     *tasks)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) set = g_hash_table_new (NULL, NULL);

  if (tasks == NULL || tasks->len == 0)
    return FALSE;
  for (guint i = 0; i < tasks->len; i++)
    g_hash_table_add (set, g_ptr_array_index (tasks, i));
  for (guint i = 0; i < tasks->len; i++)
    {
      GantryTask *t = g_ptr_array_index (tasks, i);
      GPtrArray *lists[2] = { gantry_task_get_predecessors (t), gantry_task_get_successors (t) };

      for (guint k = 0; k < 2; k++)
        for (guint j = 0; lists[k] != NULL && j < lists[k]->len; j++)
          {
            GantryLink *l = g_ptr_array_index (lists[k], j);
            GantryTask *other = k == 0 ? gantry_link_get_predecessor (l) : gantry_link_get_successor (l);

            if ((tasks->len == 1 || g_hash_table_contains (set, other))
                && !g_ptr_array_find (links, l, NULL))
              g_ptr_array_add (links, g_object_ref (l));
          }
    }
  if (links->len == 0)
    return FALSE;
  gantry_project_begin_group (project, _("Unlink Tasks"));
  for (guint i = 0; i < links->len; i++)
    gantry_project_apply (project, gantry_command_remove_link (g_ptr_array_index (links, i)));
  gantry_project_end_group (project);
  return TRUE;
}

gboolean
gantry_edit_toggle_milestone (GantryProject *project,
                              GPtrArray     *tasks)
{
  gboolean value = FALSE;

  if (tasks == NULL || tasks->len == 0)
    return FALSE;
  for (guint i = 0; i < tasks->len; i++)
    if (!gantry_task_get_milestone (g_ptr_array_index (tasks, i)))
      value = TRUE;
  gantry_project_begin_group (project, _("Toggle Milestone"));
  for (guint i = 0; i < tasks->len; i++)
    gantry_project_apply (project, gantry_edit_cmd_bool (g_ptr_array_index (tasks, i),
                                                         "milestone", value));
  gantry_project_end_group (project);
  return TRUE;
}

/* ---- clipboard form ----------------------------------------------------
 *
 * A GVariant "(ua(ia{sv})a(iiixi)a(isdx))": version, tasks in pre-order
 * (index of parent within the clip or -1, writable properties), links
 * (predecessor index, successor index, type, lag, lag format) and
 * assignments (task index, resource name, units, work).
 */
#define CLIP_VERSION 1
#define CLIP_TYPE "(ua(ia{sv})a(iiixi)a(isdx))"

static gboolean
skip_property (GParamSpec *pspec)
{
  static const char *skipped[] = { "uid", "id", "calendar", "wbs", "is-null", NULL };

  if ((pspec->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE
      || (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
    return TRUE;
  return g_strv_contains (skipped, pspec->name);
}

static GVariant *
value_to_variant (const GValue *v)
{
  GType t = G_VALUE_TYPE (v);

  if (t == G_TYPE_STRING)
    return g_value_get_string (v) ? g_variant_new_string (g_value_get_string (v)) : NULL;
  if (t == G_TYPE_INT)
    return g_variant_new_int32 (g_value_get_int (v));
  if (t == G_TYPE_UINT)
    return g_variant_new_uint32 (g_value_get_uint (v));
  if (t == G_TYPE_INT64)
    return g_variant_new_int64 (g_value_get_int64 (v));
  if (t == G_TYPE_BOOLEAN)
    return g_variant_new_boolean (g_value_get_boolean (v));
  if (t == G_TYPE_DOUBLE)
    return g_variant_new_double (g_value_get_double (v));
  if (G_TYPE_IS_ENUM (t))
    return g_variant_new_int32 (g_value_get_enum (v));
  return NULL;
}

static gboolean
variant_to_value (GVariant   *variant,
                  GParamSpec *pspec,
                  GValue     *v)
{
  GType t = pspec->value_type;

  g_value_init (v, t);
  if (t == G_TYPE_STRING && g_variant_is_of_type (variant, G_VARIANT_TYPE_STRING))
    g_value_set_string (v, g_variant_get_string (variant, NULL));
  else if (t == G_TYPE_INT && g_variant_is_of_type (variant, G_VARIANT_TYPE_INT32))
    g_value_set_int (v, g_variant_get_int32 (variant));
  else if (t == G_TYPE_UINT && g_variant_is_of_type (variant, G_VARIANT_TYPE_UINT32))
    g_value_set_uint (v, g_variant_get_uint32 (variant));
  else if (t == G_TYPE_INT64 && g_variant_is_of_type (variant, G_VARIANT_TYPE_INT64))
    g_value_set_int64 (v, g_variant_get_int64 (variant));
  else if (t == G_TYPE_BOOLEAN && g_variant_is_of_type (variant, G_VARIANT_TYPE_BOOLEAN))
    g_value_set_boolean (v, g_variant_get_boolean (variant));
  else if (t == G_TYPE_DOUBLE && g_variant_is_of_type (variant, G_VARIANT_TYPE_DOUBLE)
           && isfinite (g_variant_get_double (variant)))
    g_value_set_double (v, g_variant_get_double (variant));
  else if (G_TYPE_IS_ENUM (t) && g_variant_is_of_type (variant, G_VARIANT_TYPE_INT32)
           && g_enum_get_value (G_ENUM_CLASS (g_type_class_peek (t)), g_variant_get_int32 (variant)))
    g_value_set_enum (v, g_variant_get_int32 (variant));
  else
    return FALSE;
  /* clamp into the property's range instead of tripping a warning */
  g_param_value_validate (pspec, v);
  return TRUE;
}

static void
collect_subtree (GantryTask *task,
                 int         parent_index,
                 GPtrArray  *tasks,
                 GArray     *parents)
{
  int index = tasks->len;

  g_ptr_array_add (tasks, task);
  g_array_append_val (parents, parent_index);
  for (guint i = 0; i < gantry_task_get_n_children (task); i++)
    collect_subtree (gantry_task_get_child (task, i), index, tasks, parents);
}

GBytes *
gantry_edit_serialize_tasks (GantryProject *project,
                             GPtrArray     *selection)
{
  g_autoptr(GPtrArray) tops = gantry_edit_top_tasks (project, selection);
  g_autoptr(GPtrArray) tasks = g_ptr_array_new ();
  g_autoptr(GArray) parents = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);
  g_autoptr(GVariant) clip = NULL;
  GVariantBuilder tb, lb, ab;
  guint n_props = 0;
  g_autofree GParamSpec **props = NULL;

  for (guint i = 0; i < tops->len; i++)
    collect_subtree (g_ptr_array_index (tops, i), -1, tasks, parents);
  for (guint i = 0; i < tasks->len; i++)
    g_hash_table_insert (index, g_ptr_array_index (tasks, i), GINT_TO_POINTER (i + 1));

  props = g_object_class_list_properties (g_type_class_peek (GANTRY_TYPE_TASK), &n_props);

  g_variant_builder_init (&tb, G_VARIANT_TYPE ("a(ia{sv})"));
  g_variant_builder_init (&lb, G_VARIANT_TYPE ("a(iiixi)"));
  g_variant_builder_init (&ab, G_VARIANT_TYPE ("a(isdx)"));
  for (guint i = 0; i < tasks->len; i++)
    {
      GantryTask *t = g_ptr_array_index (tasks, i);
      GVariantBuilder pb;
      GPtrArray *succ = gantry_task_get_successors (t);
      GPtrArray *assignments = gantry_task_get_assignments (t);

      g_variant_builder_init (&pb, G_VARIANT_TYPE ("a{sv}"));
      for (guint p = 0; p < n_props; p++)
        {
          g_auto(GValue) v = G_VALUE_INIT;
          GVariant *var;

          if (skip_property (props[p]))
            continue;
          g_value_init (&v, props[p]->value_type);
          g_object_get_property (G_OBJECT (t), props[p]->name, &v);
          var = value_to_variant (&v);
          if (var != NULL)
            g_variant_builder_add (&pb, "{sv}", props[p]->name, var);
        }
      if (gantry_task_get_calendar (t) != NULL && gantry_calendar_get_name (gantry_task_get_calendar (t)))
        g_variant_builder_add (&pb, "{sv}", "x-calendar-name",
                               g_variant_new_string (gantry_calendar_get_name (gantry_task_get_calendar (t))));
      g_variant_builder_add (&tb, "(ia{sv})", g_array_index (parents, int, i), &pb);

      for (guint j = 0; succ != NULL && j < succ->len; j++)
        {
          GantryLink *l = g_ptr_array_index (succ, j);
          int s = GPOINTER_TO_INT (g_hash_table_lookup (index, gantry_link_get_successor (l)));

          if (s == 0)
            continue;
          g_variant_builder_add (&lb, "(iiixi)", (int) i, s - 1,
                                 (int) gantry_link_get_link_type (l),
                                 (gint64) gantry_link_get_lag (l),
                                 (int) gantry_link_get_lag_format (l));
        }
      for (guint j = 0; assignments != NULL && j < assignments->len; j++)
        {
          GantryAssignment *a = g_ptr_array_index (assignments, j);
          const char *name = gantry_resource_get_name (gantry_assignment_get_resource (a));

          g_variant_builder_add (&ab, "(isdx)", (int) i, name ? name : "",
                                 gantry_assignment_get_units (a),
                                 (gint64) gantry_assignment_get_work (a));
        }
    }
  clip = g_variant_ref_sink (g_variant_new ("(u" "a(ia{sv})a(iiixi)a(isdx))", (guint32) CLIP_VERSION,
                                            &tb, &lb, &ab));
  return g_variant_get_data_as_bytes (clip);
}

static GantryCalendar *
find_calendar (GantryProject *project,
               const char    *name)
{
  GListModel *list = gantry_project_get_calendars (project);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GantryCalendar) c = g_list_model_get_item (list, i);
      if (g_strcmp0 (gantry_calendar_get_name (c), name) == 0)
        return c;
    }
  return NULL;
}

gboolean
gantry_edit_paste_tasks (GantryProject *project,
                         GantryTask    *parent,
                         int            position,
                         GBytes        *data,
                         GPtrArray    **pasted,
                         GError       **error)
{
  g_autoptr(GVariant) raw = NULL;
  g_autoptr(GVariant) clip = NULL;
  g_autoptr(GVariant) vtasks = NULL;
  g_autoptr(GVariant) vlinks = NULL;
  g_autoptr(GVariant) vassign = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) tops = g_ptr_array_new ();
  GObjectClass *task_class;
  guint32 version;
  gsize n;
  int pos = position;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (GANTRY_IS_TASK (parent), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  raw = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (CLIP_TYPE), data, FALSE));
  clip = g_variant_get_normal_form (raw);
  g_variant_get (clip, "(u@a(ia{sv})@a(iiixi)@a(isdx))", &version, &vtasks, &vlinks, &vassign);
  n = g_variant_n_children (vtasks);
  if (version != CLIP_VERSION || n == 0)
    {
      g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_SYNTAX,
                   _("The clipboard holds no tasks Gantry can paste"));
      return FALSE;
    }

  /* validate the whole clip before changing anything */
  for (gsize i = 0; i < n; i++)
    {
      int p;
      g_variant_get_child (vtasks, i, "(i@a{sv})", &p, NULL);
      if (p < -1 || p >= (int) i)
        {
          g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_SYNTAX,
                       _("The tasks on the clipboard are damaged"));
          return FALSE;
        }
    }

  task_class = g_type_class_peek (GANTRY_TYPE_TASK);
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) props = NULL;
      GantryTask *t;
      GVariantIter iter;
      const char *key;
      GVariant *value;
      int p;

      g_variant_get_child (vtasks, i, "(i@a{sv})", &p, &props);
      t = gantry_task_new (0, NULL);
      g_variant_iter_init (&iter, props);
      while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
        {
          GParamSpec *pspec = g_object_class_find_property (task_class, key);
          g_auto(GValue) v = G_VALUE_INIT;

          if (g_str_equal (key, "x-calendar-name") && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
            {
              GantryCalendar *cal = find_calendar (project, g_variant_get_string (value, NULL));
              if (cal != NULL)
                gantry_task_set_calendar (t, cal);
              continue;
            }
          if (pspec == NULL || skip_property (pspec))
            continue;
          if (variant_to_value (value, pspec, &v))
            g_object_set_property (G_OBJECT (t), key, &v);
        }
      g_ptr_array_add (made, t);
      (void) p;
    }

  gantry_project_begin_group (project, _("Paste Tasks"));
  for (gsize i = 0; i < n; i++)
    {
      GantryTask *t = g_ptr_array_index (made, i);
      int p;
      GantryTask *under;
      int at;

      g_variant_get_child (vtasks, i, "(i@a{sv})", &p, NULL);
      gantry_task_set_uid (t, gantry_project_next_task_uid (project));
      if (p < 0)
        {
          under = parent;
          at = pos;
          if (pos >= 0)
            pos++;
          g_ptr_array_add (tops, t);
        }
      else
        {
          under = g_ptr_array_index (made, p);
          at = -1;
        }
      gantry_project_apply (project, gantry_command_insert_task (under, at, t));
    }
  for (gsize i = 0; i < g_variant_n_children (vlinks); i++)
    {
      int a, b, type, fmt;
      gint64 lag;
      g_autoptr(GantryLink) link = NULL;

      g_variant_get_child (vlinks, i, "(iiixi)", &a, &b, &type, &lag, &fmt);
      if (a < 0 || b < 0 || a >= (int) n || b >= (int) n || a == b
          || type < GANTRY_LINK_FF || type > GANTRY_LINK_SS || !gantry_format_is_valid (fmt))
        continue;
      link = gantry_link_new (g_ptr_array_index (made, a), g_ptr_array_index (made, b),
                              type, lag, fmt);
      gantry_project_apply (project, gantry_command_add_link (link));
    }
  for (gsize i = 0; i < g_variant_n_children (vassign); i++)
    {
      int ti;
      const char *name;
      double units;
      gint64 work;
      GantryResource *res = NULL;
      GListModel *resources = gantry_project_get_resources (project);
      g_autoptr(GantryAssignment) a = NULL;

      g_variant_get_child (vassign, i, "(i&sdx)", &ti, &name, &units, &work);
      if (ti < 0 || ti >= (int) n || name[0] == '\0' || !isfinite (units) || units < 0 || work < 0)
        continue;
      for (guint r = 0; r < g_list_model_get_n_items (resources) && res == NULL; r++)
        {
          g_autoptr(GantryResource) c = g_list_model_get_item (resources, r);
          if (g_strcmp0 (gantry_resource_get_name (c), name) == 0)
            res = c;
        }
      if (res == NULL)
        {
          g_autoptr(GantryResource) r = gantry_resource_new (gantry_project_next_resource_uid (project), name);
          if (!gantry_project_apply (project, gantry_command_add_resource (r, -1)))
            continue;
          res = r;
        }
      a = gantry_assignment_new (gantry_project_next_assignment_uid (project),
                                 g_ptr_array_index (made, ti), res, units, work);
      gantry_project_apply (project, gantry_command_add_assignment (a));
    }
  gantry_project_end_group (project);

  if (pasted != NULL)
    *pasted = g_steal_pointer (&tops);
  return TRUE;
}
