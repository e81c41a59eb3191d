/* gantry-command.c — undoable edits of a GantryProject
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every command records, when applied, exactly what it needs to put the
 * model back: old property values, the positions of removed objects in
 * every list they were in (restored in reverse order of removal, so each
 * recorded index is valid again when it is used), and the row numbers.
 * Redo re-applies on the very state the first apply saw, so it records the
 * same things again.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gobject/gvaluecollector.h>
#include <string.h>

#include "gantry-core-private.h"

typedef enum
{
  CMD_INVALID,
  CMD_GROUP,
  CMD_SET_PROPERTY,
  CMD_INSERT_TASK,
  CMD_REMOVE_TASK,
  CMD_MOVE_TASK,
  CMD_ADD_LINK,
  CMD_REMOVE_LINK,
  CMD_ADD_RESOURCE,
  CMD_REMOVE_RESOURCE,
  CMD_ADD_ASSIGNMENT,
  CMD_REMOVE_ASSIGNMENT,
  CMD_ADD_CALENDAR,
  CMD_REMOVE_CALENDAR,
  CMD_CALENDAR_DEFINITION,
  CMD_BASELINE,
  CMD_ADD_RISK,
  CMD_REMOVE_RISK,
} CommandKind;

/* One object taken out of the model, and where it was. */
typedef struct
{
  GObject     *object;   /* GantryLink or GantryAssignment, ref'd */
  GantryPlace  place;
} Removed;

struct _GantryCommand
{
  CommandKind       kind;
  char             *label;

  /* The object the command is about (task, link, resource, ...), ref'd
   * unless it is the project itself (which owns the command). */
  GObject          *object;

  /* set-property */
  GParamSpec       *pspec;
  GValue            new_value;
  GValue            old_value;

  /* structure */
  GantryTask       *parent;        /* insert: requested parent; move: new parent */
  int               position;      /* requested position */
  GantryTask       *old_parent;    /* remove/move: where it was */
  int               old_position;
  int               index;         /* resource / calendar list position */
  GArray           *removed;       /* Removed, in removal order */
  GantryIdSnapshot *ids;
  gboolean          has_ids;

  /* calendar definition */
  GantryCalendar   *old_definition;
  GantryCalendar   *new_definition;

  /* baseline */
  guint             baseline_n;
  GantryBaseline    old_baseline;
  GantryBaseline    new_baseline;

  /* group */
  GPtrArray        *children;
};

static GantryCommand *
command_new (CommandKind kind, gpointer object)
{
  GantryCommand *cmd = g_new0 (GantryCommand, 1);

  cmd->kind = kind;
  if (object != NULL && !GANTRY_IS_PROJECT (object))
    cmd->object = g_object_ref (object);
  else
    cmd->object = object;   /* the project: not ref'd, it owns its history */
  cmd->position = -1;
  cmd->old_position = -1;
  cmd->index = -1;
  return cmd;
}

static void
removed_clear (gpointer data)
{
  Removed *r = data;

  g_clear_object (&r->object);
}

static void
clear_records (GantryCommand *cmd)
{
  if (cmd->removed)
    g_array_set_size (cmd->removed, 0);
  g_clear_pointer (&cmd->ids, _gantry_id_snapshot_free);
  cmd->has_ids = FALSE;
  g_clear_object (&cmd->old_parent);
  if (G_IS_VALUE (&cmd->old_value))
    g_value_unset (&cmd->old_value);
  g_clear_object (&cmd->old_definition);
}

void
gantry_command_free (GantryCommand *cmd)
{
  if (cmd == NULL)
    return;

  clear_records (cmd);
  g_clear_pointer (&cmd->removed, g_array_unref);
  if (cmd->object != NULL && !GANTRY_IS_PROJECT (cmd->object))
    g_object_unref (cmd->object);
  cmd->object = NULL;
  if (G_IS_VALUE (&cmd->new_value))
    g_value_unset (&cmd->new_value);
  if (cmd->pspec)
    g_param_spec_unref (cmd->pspec);
  g_clear_object (&cmd->parent);
  g_clear_object (&cmd->new_definition);
  g_clear_pointer (&cmd->children, g_ptr_array_unref);
  g_free (cmd->label);
  g_free (cmd);
}

const char *
gantry_command_get_label (GantryCommand *cmd)
{
  g_return_val_if_fail (cmd != NULL, NULL);

  if (cmd->label == NULL && cmd->kind == CMD_GROUP && cmd->children && cmd->children->len > 0)
    return gantry_command_get_label (g_ptr_array_index (cmd->children, 0));
  return cmd->label;
}

void
gantry_command_set_label (GantryCommand *cmd, const char *label)
{
  g_return_if_fail (cmd != NULL);

  g_free (cmd->label);
  cmd->label = g_strdup (label);
}

/* ---- labels -------------------------------------------------------------- */

typedef struct
{
  const char *property;
  const char *label;
} PropertyLabel;

static const PropertyLabel property_labels[] = {
  { "name", N_("Rename") },
  { "notes", N_("Edit Notes") },
  { "duration", N_("Set Duration") },
  { "duration-format", N_("Set Duration") },
  { "start", N_("Set Start") },
  { "finish", N_("Set Finish") },
  { "constraint-type", N_("Set Constraint") },
  { "constraint-date", N_("Set Constraint Date") },
  { "deadline", N_("Set Deadline") },
  { "task-type", N_("Set Task Type") },
  { "milestone", N_("Set Milestone") },
  { "manual", N_("Set Scheduling Mode") },
  { "active", N_("Set Active") },
  /* xgettext:no-c-format */
  { "percent-complete", N_("Set % Complete") },
  /* xgettext:no-c-format */
  { "percent-work-complete", N_("Set % Work Complete") },
  { "actual-start", N_("Set Actual Start") },
  { "actual-finish", N_("Set Actual Finish") },
  { "priority", N_("Set Priority") },
  { "calendar", N_("Set Calendar") },
  { "work", N_("Set Work") },
  { "fixed-cost", N_("Set Fixed Cost") },
  { "link-type", N_("Set Link Type") },
  { "lag", N_("Set Lag") },
  { "units", N_("Set Units") },
  { "max-units", N_("Set Max Units") },
  { "standard-rate", N_("Set Standard Rate") },
  { "overtime-rate", N_("Set Overtime Rate") },
  { "cost-per-use", N_("Set Cost per Use") },
  { "base", N_("Set Base Calendar") },
  { "status-date", N_("Set Status Date") },
  { "narrative", N_("Edit Status Narrative") },
};

static char *
label_for_property (const char *property)
{
  for (guint i = 0; i < G_N_ELEMENTS (property_labels); i++)
    if (g_strcmp0 (property_labels[i].property, property) == 0)
      return g_strdup (_(property_labels[i].label));
  return g_strdup (_("Change Property"));
}

/* ---- constructors ---------------------------------------------------------- */

static gboolean
is_model_object (gpointer object)
{
  return GANTRY_IS_TASK (object) || GANTRY_IS_LINK (object) || GANTRY_IS_RESOURCE (object)
         || GANTRY_IS_ASSIGNMENT (object) || GANTRY_IS_CALENDAR (object)
         || GANTRY_IS_PROJECT (object) || GANTRY_IS_RISK (object);
}

GantryCommand *
gantry_command_set_property (gpointer      object,
                             const char   *property,
                             const GValue *value)
{
  GantryCommand *cmd;
  GParamSpec *pspec;

  g_return_val_if_fail (G_IS_OBJECT (object) && is_model_object (object), NULL);
  g_return_val_if_fail (property != NULL, NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  if (pspec == NULL || !(pspec->flags & G_PARAM_WRITABLE)
      || (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
    {
      g_critical ("%s has no writable property “%s”", G_OBJECT_TYPE_NAME (object), property);
      return command_new (CMD_INVALID, NULL);
    }

  cmd = command_new (CMD_SET_PROPERTY, object);
  cmd->pspec = g_param_spec_ref (pspec);
  if (GANTRY_IS_RISK (object))
    cmd->label = g_strdup (_("Edit Risk"));
  else
    cmd->label = label_for_property (pspec->name);
  g_value_init (&cmd->new_value, pspec->value_type);

  /* A value of the wrong type, or out of range, makes a command that
   * refuses to apply (user input can be wrong; that is no crash). */
  if (!g_value_type_transformable (G_VALUE_TYPE (value), pspec->value_type)
      || !g_value_transform (value, &cmd->new_value)
      || g_param_value_validate (pspec, &cmd->new_value))
    cmd->kind = CMD_INVALID;

  return cmd;
}

GantryCommand *
gantry_command_set (gpointer object, const char *property, ...)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *error = NULL;
  GParamSpec *pspec;
  va_list args;

  g_return_val_if_fail (G_IS_OBJECT (object) && is_model_object (object), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  if (pspec == NULL)
    {
      g_critical ("%s has no property “%s”", G_OBJECT_TYPE_NAME (object), property);
      return command_new (CMD_INVALID, NULL);
    }

  va_start (args, property);
  G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
  va_end (args);
  if (error != NULL)
    {
      g_critical ("%s", error);
      return command_new (CMD_INVALID, NULL);
    }
  return gantry_command_set_property (object, property, &value);
}

GantryCommand *
gantry_command_insert_task (GantryTask *parent, int position, GantryTask *task)
{
  GantryCommand *cmd;

  g_return_val_if_fail (parent == NULL || GANTRY_IS_TASK (parent), NULL);
  g_return_val_if_fail (GANTRY_IS_TASK (task), NULL);

  cmd = command_new (CMD_INSERT_TASK, task);
  cmd->parent = parent ? g_object_ref (parent) : NULL;
  cmd->position = position;
  cmd->label = g_strdup (_("Insert Task"));
  return cmd;
}

GantryCommand *
gantry_command_remove_task (GantryTask *task)
{
  GantryCommand *cmd;

  g_return_val_if_fail (GANTRY_IS_TASK (task), NULL);

  cmd = command_new (CMD_REMOVE_TASK, task);
  cmd->label = g_strdup (_("Delete Task"));
  return cmd;
}

GantryCommand *
gantry_command_move_task (GantryTask *task, GantryTask *new_parent, int position)
{
  GantryCommand *cmd;

  g_return_val_if_fail (GANTRY_IS_TASK (task), NULL);
  g_return_val_if_fail (new_parent == NULL || GANTRY_IS_TASK (new_parent), NULL);

  cmd = command_new (CMD_MOVE_TASK, task);
  cmd->parent = new_parent ? g_object_ref (new_parent) : NULL;
  cmd->position = position;
  cmd->label = g_strdup (_("Move Task"));
  return cmd;
}

GantryCommand *
gantry_command_add_link (GantryLink *link)
{
  GantryCommand *cmd;

  g_return_val_if_fail (GANTRY_IS_LINK (link), NULL);

  cmd = command_new (CMD_ADD_LINK, link);
  cmd->label = g_strdup (_("Link Tasks"));
  return cmd;
}

GantryCommand *
gantry_command_remove_link (GantryLink *link)
{
  GantryCommand *cmd;

  g_return_val_if_fail (GANTRY_IS_LINK (link), NULL);

  cmd = command_new (CMD_REMOVE_LINK, link);
  cmd->label = g_strdup (_("Unlink Tasks"));
  return cmd;
}

GantryCommand *
gantry_command_add_resource (GantryResource *resource, int position)
{
  GantryCommand *cmd;

  g_return_val_if_fail (GANTRY_IS_RESOURCE (resource), NULL);

  cmd = command_new (CMD_ADD_RESOURCE, resource);
  cmd->position = position;
  cmd->label = g_strdup (_("Add Resource"));
  return cmd;
}

GantryCommand *
gantry_command_remove_resource (GantryResource *resource)
{
  GantryCommand *cmd;

  g_return_val_if_fail (GANTRY_IS_RESOURCE (resource), NULL);

  cmd = command_new (CMD_REMOVE_RESOURCE, resource);
  cmd->label = g_strdup (_("Delete Resource"));
  return cmd;
}

GantryCommand *
gantry_command_add_assignment (GantryAssignment *assignment)
{
  GantryCommand *cmd;

  g_return_val_if_fail (GANTRY_IS_ASSIGNMENT (assignment), NULL);

  cmd = command_new (CMD_ADD_ASSIGNMENT, assignment);
  cmd->label = g_strdup (_("Assign Resource"));
  return cmd;
}

GantryCommand *
gantry_command_remove_assignment (GantryAssignment *assignment)
{
  GantryCommand *cmd;

  g_return_val_if_fail (GANTRY_IS_ASSIGNMENT (assignment), NULL);

  cmd = command_new (CMD_REMOVE_ASSIGNMENT, assignment);
  cmd->label = g_strdup (_("Remove Assignment"));
  return cmd;
}

GantryCommand *
gantry_command_add_calendar (GantryCalendar *calendar)
{
  GantryCommand *cmd;

  g_return_val_if_fail (GANTRY_IS_CALENDAR (calendar), NULL);

  cmd = command_new (CMD_ADD_CALENDAR, calendar);
  cmd->label = g_strdup (_("Add Calendar"));
  return cmd;
}

GantryCommand *
gantry_command_remove_calendar (GantryCalendar *calendar)
{
  GantryCommand *cmd;

  g_return_val_if_fail (GANTRY_IS_CALENDAR (calendar), NULL);

  cmd = command_new (CMD_REMOVE_CALENDAR, calendar);
  cmd->label = g_strdup (_("Delete Calendar"));
  return cmd;
}

GantryCommand *
gantry_command_set_calendar_definition (GantryCalendar *calendar,
                                        GantryCalendar *definition)
{
  GantryCommand *cmd;

  g_return_val_if_fail (GANTRY_IS_CALENDAR (calendar), NULL);
  g_return_val_if_fail (GANTRY_IS_CALENDAR (definition), NULL);

  cmd = command_new (CMD_CALENDAR_DEFINITION, calendar);
  cmd->new_definition = gantry_calendar_copy (definition);
  cmd->label = g_strdup (_("Change Working Time"));
  return cmd;
}

GantryCommand *
gantry_command_set_baseline (GantryTask *task, guint n, const GantryBaseline *baseline)
{
  GantryCommand *cmd;

  g_return_val_if_fail (GANTRY_IS_TASK (task), NULL);

  if (n >= GANTRY_N_BASELINES)
    return command_new (CMD_INVALID, NULL);

  cmd = command_new (CMD_BASELINE, task);
  cmd->baseline_n = n;
  if (baseline != NULL)
    {
      cmd->new_baseline = *baseline;
      cmd->new_baseline.set = TRUE;
      cmd->new_baseline.interim = !!baseline->interim;
      cmd->new_baseline.estimated = !!baseline->estimated;
    }
  cmd->label = g_strdup (baseline ? _("Set Baseline") : _("Clear Baseline"));
  return cmd;
}

GantryCommand *
_gantry_command_new_group (const char *label)
{
  GantryCommand *cmd = command_new (CMD_GROUP, NULL);

  cmd->label = g_strdup (label);
  cmd->children = g_ptr_array_new_with_free_func ((GDestroyNotify) gantry_command_free);
  return cmd;
}

void
_gantry_command_group_add (GantryCommand *group, GantryCommand *cmd)
{
  g_assert (group->kind == CMD_GROUP);
  g_ptr_array_add (group->children, cmd);
}

guint
_gantry_command_group_get_n (GantryCommand *group)
{
  g_assert (group->kind == CMD_GROUP);
  return group->children->len;
}

/* ---- helpers ------------------------------------------------------------------ */

static GantryProject *
object_project (GObject *object)
{
  if (GANTRY_IS_PROJECT (object))
    return GANTRY_PROJECT (object);
  if (GANTRY_IS_TASK (object))
    return gantry_task_get_project (GANTRY_TASK (object));
  if (GANTRY_IS_LINK (object))
    return _gantry_link_get_in_project (GANTRY_LINK (object))
             ? gantry_task_get_project (gantry_link_get_predecessor (GANTRY_LINK (object)))
             : NULL;
  if (GANTRY_IS_RESOURCE (object))
    return gantry_resource_get_project (GANTRY_RESOURCE (object));
  if (GANTRY_IS_ASSIGNMENT (object))
    return _gantry_assignment_get_in_project (GANTRY_ASSIGNMENT (object))
             ? gantry_task_get_project (gantry_assignment_get_task (GANTRY_ASSIGNMENT (object)))
             : NULL;
  if (GANTRY_IS_CALENDAR (object))
    return _gantry_calendar_get_project (GANTRY_CALENDAR (object));
  if (GANTRY_IS_RISK (object))
    return gantry_risk_get_project (GANTRY_RISK (object));
  return NULL;
}

GantryProject *
_gantry_command_get_project (GantryCommand *cmd)
{
  if (cmd->object == NULL)
    return NULL;
  return object_project (cmd->object);
}

static void
record_removed (GantryCommand *cmd, gpointer object, const GantryPlace *place)
{
  Removed r;

  if (cmd->removed == NULL)
    {
      cmd->removed = g_array_new (FALSE, TRUE, sizeof (Removed));
      g_array_set_clear_func (cmd->removed, removed_clear);
    }
  r.object = g_object_ref (object);
  r.place = *place;
  g_array_append_val (cmd->removed, r);
}

static void
remove_link_recorded (GantryCommand *cmd, GantryProject *project, GantryLink *link)
{
  g_autoptr(GantryLink) keep = g_object_ref (link);
  GantryPlace place;

  _gantry_project_touch (project, GANTRY_CHANGE_LINKS, gantry_link_get_successor (link));
  _gantry_project_remove_link_at (project, link, &place);
  record_removed (cmd, link, &place);
}

static void
remove_assignment_recorded (GantryCommand *cmd, GantryProject *project, GantryAssignment *a)
{
  g_autoptr(GantryAssignment) keep = g_object_ref (a);
  GantryPlace place;

  _gantry_project_touch (project, GANTRY_CHANGE_ASSIGNMENTS, gantry_assignment_get_task (a));
  _gantry_project_remove_assignment_at (project, a, &place);
  record_removed (cmd, a, &place);
}

typedef struct
{
  gpointer object;
  int      index;
} Indexed;

static int
compare_indexed_desc (gconstpointer a, gconstpointer b)
{
  const Indexed *x = a, *y = b;

  return (x->index < y->index) - (x->index > y->index);
}

/* Removes links or assignments from the end of the project's list towards
 * the front: every removal then leaves the positions of the next ones
 * valid, so a big delete costs O(k log k + n), not O(k n). */
static void
remove_all_recorded (GantryCommand *cmd, GantryProject *project, GPtrArray *objects)
{
  g_autoptr(GArray) items = g_array_sized_new (FALSE, FALSE, sizeof (Indexed), objects->len);

  for (guint i = 0; i < objects->len; i++)
    {
      Indexed it;

      it.object = g_ptr_array_index (objects, i);
      it.index = GANTRY_IS_LINK (it.object)
                   ? _gantry_project_link_index (project, it.object)
                   : _gantry_project_assignment_index (project, it.object);
      g_array_append_val (items, it);
    }
  g_array_sort (items, compare_indexed_desc);
  for (guint i = 0; i < items->len; i++)
    {
      gpointer o = g_array_index (items, Indexed, i).object;

      if (GANTRY_IS_LINK (o))
        remove_link_recorded (cmd, project, o);
      else
        remove_assignment_recorded (cmd, project, o);
    }
}

/* Puts back everything recorded, in reverse order. */
static void
restore_removed (GantryCommand *cmd, GantryProject *project)
{
  if (cmd->removed == NULL)
    return;
  for (guint i = cmd->removed->len; i > 0; i--)
    {
      Removed *r = &g_array_index (cmd->removed, Removed, i - 1);

      if (GANTRY_IS_LINK (r->object))
        {
          _gantry_project_insert_link_at (project, GANTRY_LINK (r->object), &r->place);
          _gantry_project_touch (project, GANTRY_CHANGE_LINKS,
                                 gantry_link_get_successor (GANTRY_LINK (r->object)));
        }
      else
        {
          _gantry_project_insert_assignment_at (project, GANTRY_ASSIGNMENT (r->object),
                                                &r->place);
          _gantry_project_touch (project, GANTRY_CHANGE_ASSIGNMENTS,
                                 gantry_assignment_get_task (GANTRY_ASSIGNMENT (r->object)));
        }
    }
  g_array_set_size (cmd->removed, 0);
}

static void
save_ids (GantryCommand *cmd, GantryProject *project)
{
  g_clear_pointer (&cmd->ids, _gantry_id_snapshot_free);
  cmd->ids = _gantry_project_save_ids (project);
  cmd->has_ids = TRUE;
}

static void
restore_ids (GantryCommand *cmd, GantryProject *project)
{
  if (!cmd->has_ids)
    return;
  _gantry_project_restore_ids (project, cmd->ids);
  g_clear_pointer (&cmd->ids, _gantry_id_snapshot_free);
  cmd->has_ids = FALSE;
}

static void
touch_for_object (GantryProject *project, GObject *object, const char *property)
{
  if (GANTRY_IS_TASK (object))
    _gantry_project_touch (project, GANTRY_CHANGE_TASKS, GANTRY_TASK (object));
  else if (GANTRY_IS_LINK (object))
    _gantry_project_touch (project, GANTRY_CHANGE_LINKS,
                           gantry_link_get_successor (GANTRY_LINK (object)));
  else if (GANTRY_IS_ASSIGNMENT (object))
    _gantry_project_touch (project, GANTRY_CHANGE_ASSIGNMENTS,
                           gantry_assignment_get_task (GANTRY_ASSIGNMENT (object)));
  else if (GANTRY_IS_RESOURCE (object))
    {
      GPtrArray *assigns = gantry_resource_get_assignments (GANTRY_RESOURCE (object));

      _gantry_project_touch (project, GANTRY_CHANGE_RESOURCES, NULL);
      for (guint i = 0; i < assigns->len; i++)
        _gantry_project_touch (project, 0,
                               gantry_assignment_get_task (g_ptr_array_index (assigns, i)));
    }
  else if (GANTRY_IS_CALENDAR (object))
    _gantry_project_touch (project, GANTRY_CHANGE_CALENDARS, NULL);
  else if (GANTRY_IS_RISK (object))
    _gantry_project_touch (project, GANTRY_CHANGE_RISKS, NULL);
  else if (GANTRY_IS_PROJECT (object))
    {
      guint flags = GANTRY_CHANGE_PROJECT;

      if (g_strcmp0 (property, "calendar") == 0 || g_str_has_prefix (property, "minutes-per-")
          || g_strcmp0 (property, "days-per-month") == 0)
        flags |= GANTRY_CHANGE_CALENDARS;
      _gantry_project_touch (project, flags, NULL);
    }
}

static gboolean
baseline_equal (const GantryBaseline *a, const GantryBaseline *b)
{
  if (!a->set && !b->set)
    return TRUE;
  return a->set == b->set && a->interim == b->interim && a->start == b->start
         && a->finish == b->finish && a->duration == b->duration
         && a->duration_format == b->duration_format && a->estimated == b->estimated
         && a->work == b->work && a->cost == b->cost && a->bcws == b->bcws
         && a->bcwp == b->bcwp && a->fixed_cost == b->fixed_cost;
}

/* ---- apply --------------------------------------------------------------------- */

static GantryApplyResult
apply_set_property (GantryCommand *cmd, GantryProject *project)
{
  GObject *object = cmd->object;
  const char *name = cmd->pspec->name;
  g_auto(GValue) check = G_VALUE_INIT;

  if (object_project (object) != project)
    return GANTRY_APPLY_FAILED;

  /* Object-valued properties must point inside this project. */
  if (G_VALUE_HOLDS_OBJECT (&cmd->new_value))
    {
      GObject *target = g_value_get_object (&cmd->new_value);

      if (target != NULL && object_project (target) != project)
        return GANTRY_APPLY_FAILED;
    }

  /* A uid must stay unique. */
  if (g_strcmp0 (name, "uid") == 0)
    {
      int uid = g_value_get_int (&cmd->new_value);
      gpointer other = NULL;

      if (GANTRY_IS_TASK (object))
        other = gantry_project_lookup_task (project, uid);
      else if (GANTRY_IS_RESOURCE (object))
        other = gantry_project_lookup_resource (project, uid);
      else if (GANTRY_IS_CALENDAR (object))
        other = gantry_project_lookup_calendar (project, uid);
      else if (GANTRY_IS_ASSIGNMENT (object))
        other = gantry_project_lookup_assignment (project, uid);
      else if (GANTRY_IS_RISK (object))
        other = gantry_project_lookup_risk (project, uid);
      if ((other != NULL && other != (gpointer) object)
          || object == G_OBJECT (gantry_project_get_root_task (project)))
        return GANTRY_APPLY_FAILED;
    }

  /* A base calendar must not make a cycle. */
  if (GANTRY_IS_CALENDAR (object) && g_strcmp0 (name, "base") == 0)
    {
      for (GantryCalendar *c = g_value_get_object (&cmd->new_value); c != NULL;
           c = gantry_calendar_get_base (c))
        if (c == GANTRY_CALENDAR (object))
          return GANTRY_APPLY_FAILED;
    }

  if (G_IS_VALUE (&cmd->old_value))
    g_value_unset (&cmd->old_value);
  g_value_init (&cmd->old_value, cmd->pspec->value_type);
  g_object_get_property (object, name, &cmd->old_value);

  if (g_param_values_cmp (cmd->pspec, &cmd->old_value, &cmd->new_value) == 0)
    return GANTRY_APPLY_NOOP;

  g_object_set_property (object, name, &cmd->new_value);

  /* The setter may refuse (e.g. a base calendar that makes a cycle). */
  g_value_init (&check, cmd->pspec->value_type);
  g_object_get_property (object, name, &check);
  if (g_param_values_cmp (cmd->pspec, &check, &cmd->new_value) != 0)
    {
      g_object_set_property (object, name, &cmd->old_value);
      return GANTRY_APPLY_FAILED;
    }

  touch_for_object (project, object, name);
  return GANTRY_APPLY_DONE;
}

static GantryApplyResult
apply_insert_task (GantryCommand *cmd, GantryProject *project)
{
  GantryTask *task = GANTRY_TASK (cmd->object);
  GantryTask *parent = cmd->parent ? cmd->parent : gantry_project_get_root_task (project);

  if (gantry_task_get_project (parent) != project || gantry_task_get_project (task) != NULL
      || gantry_task_get_parent (task) != NULL)
    return GANTRY_APPLY_FAILED;

  save_ids (cmd, project);
  if (!gantry_project_add_task (project, parent, cmd->position, task))
    {
      g_clear_pointer (&cmd->ids, _gantry_id_snapshot_free);
      cmd->has_ids = FALSE;
      return GANTRY_APPLY_FAILED;
    }
  gantry_project_renumber (project);
  _gantry_project_touch (project, GANTRY_CHANGE_STRUCTURE, task);
  _gantry_project_touch (project, 0, parent);
  return GANTRY_APPLY_DONE;
}

static void
undo_insert_task (GantryCommand *cmd, GantryProject *project)
{
  GantryTask *task = GANTRY_TASK (cmd->object);
  GantryTask *parent = gantry_task_get_parent (task);

  _gantry_project_touch (project, GANTRY_CHANGE_STRUCTURE, parent);
  gantry_project_remove_task (project, task);
  restore_ids (cmd, project);
}

static GantryApplyResult
apply_remove_task (GantryCommand *cmd, GantryProject *project)
{
  GantryTask *task = GANTRY_TASK (cmd->object);
  g_autoptr(GPtrArray) subtree = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GHashTable) seen = NULL;

  if (gantry_task_get_project (task) != project
      || task == gantry_project_get_root_task (project))
    return GANTRY_APPLY_FAILED;

  save_ids (cmd, project);
  g_set_object (&cmd->old_parent, gantry_task_get_parent (task));
  cmd->old_position = gantry_task_get_position (task);

  subtree = g_ptr_array_new ();
  g_ptr_array_add (subtree, task);
  for (guint k = 0; k < subtree->len; k++)
    {
      GantryTask *t = g_ptr_array_index (subtree, k);
      for (guint i = 0; i < gantry_task_get_n_children (t); i++)
        g_ptr_array_add (subtree, gantry_task_get_child (t, i));
    }

  /* Links touching the subtree, each once. */
  links = g_ptr_array_new ();
  seen = g_hash_table_new (NULL, NULL);
  for (guint k = 0; k < subtree->len; k++)
    {
      GantryTask *t = g_ptr_array_index (subtree, k);
      GPtrArray *lists[2] = { gantry_task_get_predecessors (t), gantry_task_get_successors (t) };

      for (guint j = 0; j < 2; j++)
        for (guint i = 0; i < lists[j]->len; i++)
          if (g_hash_table_add (seen, g_ptr_array_index (lists[j], i)))
            g_ptr_array_add (links, g_ptr_array_index (lists[j], i));
    }
  remove_all_recorded (cmd, project, links);

  g_ptr_array_set_size (links, 0);
  for (guint k = 0; k < subtree->len; k++)
    {
      GPtrArray *assigns = gantry_task_get_assignments (g_ptr_array_index (subtree, k));

      for (guint i = 0; i < assigns->len; i++)
        g_ptr_array_add (links, g_ptr_array_index (assigns, i));
    }
  remove_all_recorded (cmd, project, links);

  _gantry_project_touch (project, GANTRY_CHANGE_STRUCTURE, cmd->old_parent);
  gantry_project_remove_task (project, task);
  gantry_project_renumber (project);
  return GANTRY_APPLY_DONE;
}

static void
undo_remove_task (GantryCommand *cmd, GantryProject *project)
{
  GantryTask *task = GANTRY_TASK (cmd->object);

  if (!gantry_project_add_task (project, cmd->old_parent, cmd->old_position, task))
    g_critical ("Undo could not restore task %d", gantry_task_get_uid (task));
  _gantry_project_touch (project, GANTRY_CHANGE_STRUCTURE, task);
  restore_removed (cmd, project);
  restore_ids (cmd, project);
}

static GantryApplyResult
apply_move_task (GantryCommand *cmd, GantryProject *project)
{
  GantryTask *task = GANTRY_TASK (cmd->object);
  GantryTask *new_parent = cmd->parent ? cmd->parent : gantry_project_get_root_task (project);
  GantryTask *old_parent;
  int old_position;

  if (gantry_task_get_project (task) != project
      || task == gantry_project_get_root_task (project)
      || gantry_task_get_project (new_parent) != project
      || new_parent == task || gantry_task_is_ancestor_of (task, new_parent))
    return GANTRY_APPLY_FAILED;

  old_parent = gantry_task_get_parent (task);
  old_position = gantry_task_get_position (task);
  if (old_parent == new_parent)
    {
      int last = (int) gantry_task_get_n_children (new_parent) - 1;
      int target = (cmd->position < 0 || cmd->position > last) ? last : cmd->position;

      if (target == old_position)
        return GANTRY_APPLY_NOOP;
    }

  save_ids (cmd, project);
  g_set_object (&cmd->old_parent, old_parent);
  cmd->old_position = old_position;
  if (!gantry_project_move_task (project, task, new_parent, cmd->position))
    {
      g_clear_pointer (&cmd->ids, _gantry_id_snapshot_free);
      cmd->has_ids = FALSE;
      return GANTRY_APPLY_FAILED;
    }
  gantry_project_renumber (project);
  _gantry_project_touch (project, GANTRY_CHANGE_STRUCTURE, task);
  _gantry_project_touch (project, 0, old_parent);
  _gantry_project_touch (project, 0, new_parent);
  return GANTRY_APPLY_DONE;
}

static void
undo_move_task (GantryCommand *cmd, GantryProject *project)
{
  GantryTask *task = GANTRY_TASK (cmd->object);
  GantryTask *from = gantry_task_get_parent (task);

  if (!gantry_project_move_task (project, task, cmd->old_parent, cmd->old_position))
    g_critical ("Undo could not move task %d back", gantry_task_get_uid (task));
  restore_ids (cmd, project);
  _gantry_project_touch (project, GANTRY_CHANGE_STRUCTURE, task);
  _gantry_project_touch (project, 0, from);
  _gantry_project_touch (project, 0, cmd->old_parent);
}

static GantryApplyResult
apply_remove_resource (GantryCommand *cmd, GantryProject *project)
{
  GantryResource *resource = GANTRY_RESOURCE (cmd->object);
  GPtrArray *assigns;

  if (gantry_resource_get_project (resource) != project)
    return GANTRY_APPLY_FAILED;

  save_ids (cmd, project);
  assigns = g_ptr_array_copy (gantry_resource_get_assignments (resource), NULL, NULL);
  remove_all_recorded (cmd, project, assigns);
  g_ptr_array_unref (assigns);
  cmd->index = _gantry_project_remove_resource_at (project, resource);
  gantry_project_renumber (project);
  _gantry_project_touch (project, GANTRY_CHANGE_RESOURCES, NULL);
  return GANTRY_APPLY_DONE;
}

static void
undo_remove_resource (GantryCommand *cmd, GantryProject *project)
{
  GantryResource *resource = GANTRY_RESOURCE (cmd->object);

  if (!gantry_project_add_resource (project, cmd->index, resource))
    g_critical ("Undo could not restore resource %d", gantry_resource_get_uid (resource));
  restore_removed (cmd, project);
  restore_ids (cmd, project);
  _gantry_project_touch (project, GANTRY_CHANGE_RESOURCES, NULL);
}

GantryApplyResult
_gantry_command_apply (GantryCommand *cmd, GantryProject *project)
{
  g_return_val_if_fail (cmd != NULL, GANTRY_APPLY_FAILED);

  clear_records (cmd);

  switch (cmd->kind)
    {
    case CMD_INVALID:
      return GANTRY_APPLY_FAILED;

    case CMD_GROUP:
      {
        gboolean any = FALSE;

        /* Only reached when a caller applies a group directly. */
        for (guint i = 0; i < cmd->children->len; i++)
          {
            GantryApplyResult r = _gantry_command_apply (g_ptr_array_index (cmd->children, i),
                                                         project);
            any |= (r == GANTRY_APPLY_DONE);
          }
        return any ? GANTRY_APPLY_DONE : GANTRY_APPLY_NOOP;
      }

    case CMD_SET_PROPERTY:
      return apply_set_property (cmd, project);

    case CMD_INSERT_TASK:
      return apply_insert_task (cmd, project);

    case CMD_REMOVE_TASK:
      return apply_remove_task (cmd, project);

    case CMD_MOVE_TASK:
      return apply_move_task (cmd, project);

    case CMD_ADD_LINK:
      {
        GantryLink *link = GANTRY_LINK (cmd->object);

        if (!gantry_project_add_link (project, link))
          return GANTRY_APPLY_FAILED;
        _gantry_project_touch (project, GANTRY_CHANGE_LINKS, gantry_link_get_successor (link));
        _gantry_project_touch (project, 0, gantry_link_get_predecessor (link));
        return GANTRY_APPLY_DONE;
      }

    case CMD_REMOVE_LINK:
      if (object_project (cmd->object) != project)
        return GANTRY_APPLY_FAILED;
      remove_link_recorded (cmd, project, GANTRY_LINK (cmd->object));
      _gantry_project_touch (project, 0,
                             gantry_link_get_predecessor (GANTRY_LINK (cmd->object)));
      return GANTRY_APPLY_DONE;

    case CMD_ADD_RESOURCE:
      save_ids (cmd, project);
      if (!gantry_project_add_resource (project, cmd->position, GANTRY_RESOURCE (cmd->object)))
        {
          g_clear_pointer (&cmd->ids, _gantry_id_snapshot_free);
          cmd->has_ids = FALSE;
          return GANTRY_APPLY_FAILED;
        }
      gantry_project_renumber (project);
      _gantry_project_touch (project, GANTRY_CHANGE_RESOURCES, NULL);
      return GANTRY_APPLY_DONE;

    case CMD_REMOVE_RESOURCE:
      return apply_remove_resource (cmd, project);

    case CMD_ADD_ASSIGNMENT:
      {
        GantryAssignment *a = GANTRY_ASSIGNMENT (cmd->object);

        if (!gantry_project_add_assignment (project, a))
          return GANTRY_APPLY_FAILED;
        _gantry_project_touch (project, GANTRY_CHANGE_ASSIGNMENTS, gantry_assignment_get_task (a));
        return GANTRY_APPLY_DONE;
      }

    case CMD_REMOVE_ASSIGNMENT:
      if (object_project (cmd->object) != project)
        return GANTRY_APPLY_FAILED;
      remove_assignment_recorded (cmd, project, GANTRY_ASSIGNMENT (cmd->object));
      return GANTRY_APPLY_DONE;

    case CMD_ADD_CALENDAR:
      {
        GantryCalendar *cal = GANTRY_CALENDAR (cmd->object);

        if (_gantry_calendar_get_project (cal) != NULL
            || gantry_project_lookup_calendar (project, gantry_calendar_get_uid (cal)) != NULL)
          return GANTRY_APPLY_FAILED;
        gantry_project_add_calendar (project, cal);
        _gantry_project_touch (project, GANTRY_CHANGE_CALENDARS, NULL);
        return GANTRY_APPLY_DONE;
      }

    case CMD_REMOVE_CALENDAR:
      {
        GantryCalendar *cal = GANTRY_CALENDAR (cmd->object);

        if (_gantry_calendar_get_project (cal) != project
            || _gantry_project_calendar_in_use (project, cal))
          return GANTRY_APPLY_FAILED;
        cmd->index = _gantry_project_remove_calendar_at (project, cal);
        _gantry_project_touch (project, GANTRY_CHANGE_CALENDARS, NULL);
        return GANTRY_APPLY_DONE;
      }

    case CMD_CALENDAR_DEFINITION:
      {
        GantryCalendar *cal = GANTRY_CALENDAR (cmd->object);

        if (_gantry_calendar_get_project (cal) != project)
          return GANTRY_APPLY_FAILED;
        if (gantry_calendar_definition_equal (cal, cmd->new_definition))
          return GANTRY_APPLY_NOOP;
        cmd->old_definition = gantry_calendar_copy (cal);
        gantry_calendar_set_definition (cal, cmd->new_definition);
        _gantry_project_touch (project, GANTRY_CHANGE_CALENDARS, NULL);
        return GANTRY_APPLY_DONE;
      }

    case CMD_BASELINE:
      {
        GantryTask *task = GANTRY_TASK (cmd->object);
        const GantryBaseline *old;

        if (gantry_task_get_project (task) != project)
          return GANTRY_APPLY_FAILED;
        old = gantry_task_get_baseline (task, cmd->baseline_n);
        memset (&cmd->old_baseline, 0, sizeof cmd->old_baseline);
        if (old != NULL)
          cmd->old_baseline = *old;
        if (baseline_equal (&cmd->old_baseline, &cmd->new_baseline))
          return GANTRY_APPLY_NOOP;
        gantry_task_set_baseline (task, cmd->baseline_n,
                                  cmd->new_baseline.set ? &cmd->new_baseline : NULL);
        _gantry_project_touch (project, GANTRY_CHANGE_TASKS, task);
        return GANTRY_APPLY_DONE;
      }

    case CMD_ADD_RISK:
      if (!gantry_project_add_risk (project, cmd->position, GANTRY_RISK (cmd->object)))
        return GANTRY_APPLY_FAILED;
      _gantry_project_touch (project, GANTRY_CHANGE_RISKS, NULL);
      return GANTRY_APPLY_DONE;

    case CMD_REMOVE_RISK:
      if (object_project (cmd->object) != project)
        return GANTRY_APPLY_FAILED;
      cmd->index = gantry_project_remove_risk (project, GANTRY_RISK (cmd->object));
      _gantry_project_touch (project, GANTRY_CHANGE_RISKS, NULL);
      return GANTRY_APPLY_DONE;

    default:
      g_assert_not_reached ();
    }
  return GANTRY_APPLY_FAILED;
}

void
_gantry_command_undo (GantryCommand *cmd, GantryProject *project)
{
  g_return_if_fail (cmd != NULL);

  switch (cmd->kind)
    {
    case CMD_INVALID:
      break;

    case CMD_GROUP:
      for (guint i = cmd->children->len; i > 0; i--)
        _gantry_command_undo (g_ptr_array_index (cmd->children, i - 1), project);
      break;

    case CMD_SET_PROPERTY:
      g_object_set_property (cmd->object, cmd->pspec->name, &cmd->old_value);
      touch_for_object (project, cmd->object, cmd->pspec->name);
      break;

    case CMD_INSERT_TASK:
      undo_insert_task (cmd, project);
      break;

    case CMD_REMOVE_TASK:
      undo_remove_task (cmd, project);
      break;

    case CMD_MOVE_TASK:
      undo_move_task (cmd, project);
      break;

    case CMD_ADD_LINK:
      {
        GantryLink *link = GANTRY_LINK (cmd->object);

        _gantry_project_touch (project, GANTRY_CHANGE_LINKS, gantry_link_get_successor (link));
        _gantry_project_touch (project, 0, gantry_link_get_predecessor (link));
        gantry_project_remove_link (project, link);
      }
      break;

    case CMD_REMOVE_LINK:
      restore_removed (cmd, project);
      _gantry_project_touch (project, 0,
                             gantry_link_get_predecessor (GANTRY_LINK (cmd->object)));
      break;

    case CMD_ADD_RESOURCE:
      _gantry_project_remove_resource_at (project, GANTRY_RESOURCE (cmd->object));
      restore_ids (cmd, project);
      _gantry_project_touch (project, GANTRY_CHANGE_RESOURCES, NULL);
      break;

    case CMD_REMOVE_RESOURCE:
      undo_remove_resource (cmd, project);
      break;

    case CMD_ADD_ASSIGNMENT:
      {
        GantryAssignment *a = GANTRY_ASSIGNMENT (cmd->object);

        _gantry_project_touch (project, GANTRY_CHANGE_ASSIGNMENTS, gantry_assignment_get_task (a));
        gantry_project_remove_assignment (project, a);
      }
      break;

    case CMD_REMOVE_ASSIGNMENT:
      restore_removed (cmd, project);
      break;

    case CMD_ADD_CALENDAR:
      _gantry_project_remove_calendar_at (project, GANTRY_CALENDAR (cmd->object));
      _gantry_project_touch (project, GANTRY_CHANGE_CALENDARS, NULL);
      break;

    case CMD_REMOVE_CALENDAR:
      _gantry_project_insert_calendar_at (project, cmd->index, GANTRY_CALENDAR (cmd->object));
      _gantry_project_touch (project, GANTRY_CHANGE_CALENDARS, NULL);
      break;

    case CMD_CALENDAR_DEFINITION:
      gantry_calendar_set_definition (GANTRY_CALENDAR (cmd->object), cmd->old_definition);
      _gantry_project_touch (project, GANTRY_CHANGE_CALENDARS, NULL);
      break;

    case CMD_BASELINE:
      gantry_task_set_baseline (GANTRY_TASK (cmd->object), cmd->baseline_n,
                                cmd->old_baseline.set ? &cmd->old_baseline : NULL);
      _gantry_project_touch (project, GANTRY_CHANGE_TASKS, GANTRY_TASK (cmd->object));
      break;

    case CMD_ADD_RISK:
      gantry_project_remove_risk (project, GANTRY_RISK (cmd->object));
      _gantry_project_touch (project, GANTRY_CHANGE_RISKS, NULL);
      break;

    case CMD_REMOVE_RISK:
      gantry_project_add_risk (project, cmd->index, GANTRY_RISK (cmd->object));
      _gantry_project_touch (project, GANTRY_CHANGE_RISKS, NULL);
      break;

    default:
      g_assert_not_reached ();
    }
}

void
_gantry_command_redo (GantryCommand *cmd, GantryProject *project)
{
  g_return_if_fail (cmd != NULL);

  if (cmd->kind == CMD_GROUP)
    {
      for (guint i = 0; i < cmd->children->len; i++)
        _gantry_command_redo (g_ptr_array_index (cmd->children, i), project);
      return;
    }

  /* The state is exactly the one the first apply saw. */
  if (_gantry_command_apply (cmd, project) == GANTRY_APPLY_FAILED)
    g_critical ("Redo of “%s” failed", cmd->label ? cmd->label : "?");
}

/* ---- risk register ------------------------------------------------------------ */

GantryCommand *
gantry_command_add_risk (GantryRisk *risk, int position)
{
  GantryCommand *cmd;

  g_return_val_if_fail (GANTRY_IS_RISK (risk), NULL);

  cmd = command_new (CMD_ADD_RISK, risk);
  cmd->position = position;
  cmd->label = g_strdup (_("Add Risk"));
  return cmd;
}

GantryCommand *
gantry_command_remove_risk (GantryRisk *risk)
{
  GantryCommand *cmd;

  g_return_val_if_fail (GANTRY_IS_RISK (risk), NULL);

  cmd = command_new (CMD_REMOVE_RISK, risk);
  cmd->label = g_strdup (_("Delete Risk"));
  return cmd;
}
