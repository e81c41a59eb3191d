/* gantry-text.c — the text forms of the task table's compound columns
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gantry-text.h"

G_DEFINE_QUARK (gantry-text-error-quark, gantry_text_error)

void
gantry_resource_spec_free (GantryResourceSpec *spec)
{
  if (spec == NULL)
    return;
  g_free (spec->name);
  g_free (spec);
}

static void
get_context (GantryTask            *task,
             GantryDurationContext *ctx)
{
  GantryProject *project = gantry_task_get_project (task);
  GantryDurationContext def = GANTRY_DURATION_CONTEXT_DEFAULT;

  if (project != NULL)
    gantry_project_get_duration_context (project, ctx);
  else
    *ctx = def;
}

char *
gantry_text_format_units (double units)
{
  double pct = units * 100.0;

  if (fabs (pct - round (pct)) < 1e-6)
    return g_strdup_printf ("%.0f%%", round (pct));
  return g_strdup_printf ("%.1f%%", pct);
}

char *
gantry_text_format_predecessors (GantryTask *task)
{
  GPtrArray *preds;
  GString *s;
  GantryDurationContext ctx;

  g_return_val_if_fail (GANTRY_IS_TASK (task), NULL);

  preds = gantry_task_get_predecessors (task);
  s = g_string_new (NULL);
  if (preds == NULL)
    return g_string_free (s, FALSE);

  get_context (task, &ctx);
  for (guint i = 0; i < preds->len; i++)
    {
      GantryLink *link = g_ptr_array_index (preds, i);
      GantryTask *pred = gantry_link_get_predecessor (link);
      GantryLinkType type = gantry_link_get_link_type (link);
      gint64 lag = gantry_link_get_lag (link);

      if (s->len > 0)
        g_string_append_c (s, ';');
      g_string_append_printf (s, "%d", gantry_task_get_id (pred));
      if (type != GANTRY_LINK_FS || lag != 0)
        g_string_append (s, gantry_link_type_to_string (type));
      if (lag != 0)
        {
          g_autofree char *d = gantry_duration_format_short (lag < 0 ? -lag : lag,
                                                             gantry_link_get_lag_format (link),
                                                             &ctx);
          g_string_append_c (s, lag < 0 ? '-' : '+');
          g_string_append (s, d);
        }
    }
  return g_string_free (s, FALSE);
}

/* Would a link pred → succ close a loop, that is, does succ already come
 * before pred?  Successor links are followed; a link to a summary task
 * reaches its subtasks, and a link from a summary task leaves from each of
 * its subtasks too (so a subtask reaches its ancestors' successors). */
gboolean
gantry_text_link_would_loop (GantryTask *pred,
                             GantryTask *succ)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_return_val_if_fail (GANTRY_IS_TASK (pred), FALSE);
  g_return_val_if_fail (GANTRY_IS_TASK (succ), FALSE);

  g_ptr_array_add (stack, succ);
  while (stack->len > 0)
    {
      GantryTask *t = g_ptr_array_steal_index_fast (stack, stack->len - 1);

      if (t == pred)
        return TRUE;
      if (!g_hash_table_add (seen, t))
        continue;
      for (GantryTask *a = t; a != NULL; a = gantry_task_get_parent (a))
        {
          GPtrArray *succs = gantry_task_get_successors (a);

          for (guint i = 0; succs != NULL && i < succs->len; i++)
            g_ptr_array_add (stack, gantry_link_get_successor (g_ptr_array_index (succs, i)));
        }
      for (guint i = 0; i < gantry_task_get_n_children (t); i++)
        g_ptr_array_add (stack, gantry_task_get_child (t, i));
    }
  return FALSE;
}

static gboolean
parse_one_predecessor (GantryTask             *task,
                       GantryProject          *project,
                       const char             *item,
                       GantryPredecessorSpec  *spec,
                       GError                **error)
{
  const char *p = item;
  char *end = NULL;
  gint64 id;
  GantryDurationContext ctx;

  while (g_ascii_isspace (*p))
    p++;
  if (!g_ascii_isdigit (*p))
    {
      g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_SYNTAX,
                   _("“%s” does not start with a task ID"), item);
      return FALSE;
    }
  id = g_ascii_strtoll (p, &end, 10);
  p = end;
  if (id <= 0 || id > G_MAXINT)
    {
      g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_NO_TASK,
                   _("There is no task with ID %s"), item);
      return FALSE;
    }
  spec->predecessor = gantry_project_lookup_task_by_id (project, (int) id);
  if (spec->predecessor == NULL)
    {
      g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_NO_TASK,
                   _("There is no task with ID %d"), (int) id);
      return FALSE;
    }
  spec->type = GANTRY_LINK_FS;
  spec->lag = 0;
  spec->lag_format = GANTRY_FORMAT_DAYS;

  while (g_ascii_isspace (*p))
    p++;
  if (g_ascii_isalpha (p[0]) && g_ascii_isalpha (p[1]))
    {
      char t[3] = { g_ascii_toupper (p[0]), g_ascii_toupper (p[1]), 0 };

      if (!gantry_link_type_from_string (t, &spec->type))
        {
          g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_SYNTAX,
                       _("“%s”: the link type must be FS, SS, FF or SF"), item);
          return FALSE;
        }
      p += 2;
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '+' || *p == '-')
    {
      gboolean negative = (*p == '-');
      g_autoptr(GError) local = NULL;
      GantryDurationFormat fmt;
      GantryDuration lag;

      get_context (task, &ctx);
      p++;
      if (!gantry_duration_parse (p, &ctx, gantry_project_get_duration_format (project),
                                  FALSE, TRUE, &lag, &fmt, &local))
        {
          g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_SYNTAX,
                       _("“%s”: the lag is not a duration (%s)"), item, local->message);
          return FALSE;
        }
      spec->lag = negative ? -lag : lag;
      spec->lag_format = fmt;
    }
  else if (*p != '\0')
    {
      g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_SYNTAX,
                   _("“%s” is not a predecessor such as 3FS+2d"), item);
      return FALSE;
    }

  if (spec->predecessor == task)
    {
      g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_INVALID,
                   _("A task cannot be its own predecessor"));
      return FALSE;
    }
  if (gantry_task_is_ancestor_of (spec->predecessor, task)
      || gantry_task_is_ancestor_of (task, spec->predecessor))
    {
      g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_INVALID,
                   _("Task %d is a summary or subtask of this task and cannot be linked to it"),
                   (int) id);
      return FALSE;
    }
  if (gantry_project_find_link (project, spec->predecessor, task) == NULL
      && gantry_text_link_would_loop (spec->predecessor, task))
    {
      g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_INVALID,
                   _("Linking task %d before this task would make a loop"), (int) id);
      return FALSE;
    }
  return TRUE;
}

gboolean
gantry_text_parse_predecessors (GantryTask  *task,
                                const char  *text,
                                GPtrArray  **out,
                                GError     **error)
{
  g_autoptr(GPtrArray) specs = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) items = NULL;
  GantryProject *project;

  g_return_val_if_fail (GANTRY_IS_TASK (task), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  project = gantry_task_get_project (task);
  g_return_val_if_fail (project != NULL, FALSE);

  items = g_strsplit (text, ";", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      GantryPredecessorSpec *spec;

      g_strstrip (items[i]);
      if (items[i][0] == '\0')
        continue;
      spec = g_new0 (GantryPredecessorSpec, 1);
      if (!parse_one_predecessor (task, project, items[i], spec, error))
        {
          g_free (spec);
          return FALSE;
        }
      for (guint j = 0; j < specs->len; j++)
        {
          GantryPredecessorSpec *other = g_ptr_array_index (specs, j);

          if (other->predecessor == spec->predecessor)
            {
              g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_INVALID,
                           _("Task %d is listed twice"),
                           gantry_task_get_id (spec->predecessor));
              g_free (spec);
              return FALSE;
            }
        }
      g_ptr_array_add (specs, spec);
    }
  *out = g_steal_pointer (&specs);
  return TRUE;
}

char *
gantry_text_format_resources (GantryTask *task)
{
  GPtrArray *assignments;
  GString *s;

  g_return_val_if_fail (GANTRY_IS_TASK (task), NULL);

  s = g_string_new (NULL);
  assignments = gantry_task_get_assignments (task);
  for (guint i = 0; assignments != NULL && i < assignments->len; i++)
    {
      GantryAssignment *a = g_ptr_array_index (assignments, i);
      GantryResource *r = gantry_assignment_get_resource (a);
      double units = gantry_assignment_get_units (a);

      if (s->len > 0)
        g_string_append_c (s, ';');
      g_string_append (s, gantry_resource_get_name (r) ? gantry_resource_get_name (r) : "");
      if (gantry_resource_get_resource_type (r) == GANTRY_RESOURCE_WORK)
        {
          if (fabs (units - 1.0) > 1e-9)
            {
              g_autofree char *u = gantry_text_format_units (units);
              g_string_append_printf (s, "[%s]", u);
            }
        }
      else if (gantry_resource_get_resource_type (r) == GANTRY_RESOURCE_MATERIAL
               && fabs (units - 1.0) > 1e-9)
        g_string_append_printf (s, "[%g]", units);
    }
  return g_string_free (s, FALSE);
}

static GantryResource *
find_resource (GantryProject *project,
               const char    *name)
{
  GListModel *list = gantry_project_get_resources (project);
  guint n = g_list_model_get_n_items (list);
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GantryResource *fallback = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GantryResource) r = g_list_model_get_item (list, i);
      const char *rn = gantry_resource_get_name (r);
      g_autofree char *rf = NULL;

      if (rn == NULL)
        continue;
      if (strcmp (rn, name) == 0)
        return r;
      rf = g_utf8_casefold (rn, -1);
      if (fallback == NULL && strcmp (rf, folded) == 0)
        fallback = r;
    }
  return fallback;
}

static gboolean
parse_units (const char *text,
             gboolean    material,
             double     *units,
             GError    **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gboolean percent = FALSE;
  gsize len = strlen (copy);
  char *end = NULL;
  double v;

  if (len > 0 && copy[len - 1] == '%')
    {
      percent = TRUE;
      copy[--len] = '\0';
      g_strstrip (copy);
    }
  g_strdelimit (copy, ",", '.');
  v = g_ascii_strtod (copy, &end);
  if (copy[0] == '\0' || end == NULL || *end != '\0' || !isfinite (v))
    {
      g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_SYNTAX,
                   _("“%s” is not a number of units such as 50%%"), text);
      return FALSE;
    }
  if (percent || !material)
    v /= 100.0;
  if (v < 0 || v > 10000.0)
    {
      g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_INVALID,
                   _("Units “%s” are out of range"), text);
      return FALSE;
    }
  *units = v;
  return TRUE;
}

gboolean
gantry_text_parse_resources (GantryProject *project,
                             const char    *text,
                             GPtrArray    **out,
                             GError       **error)
{
  g_autoptr(GPtrArray) specs = g_ptr_array_new_with_free_func ((GDestroyNotify) gantry_resource_spec_free);
  const char *p = text;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  while (*p != '\0')
    {
      const char *start = p;
      const char *bracket = NULL;
      g_autofree char *name = NULL;
      GantryResourceSpec *spec;

      /* one item: up to ';' or ',' outside brackets */
      while (*p != '\0' && *p != ';' && *p != ',' && *p != '[')
        p++;
      if (*p == '[')
        {
          bracket = p;
          while (*p != '\0' && *p != ']')
            p++;
          if (*p != ']')
            {
              g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_SYNTAX,
                           _("“%s” has a “[” without its “]”"), start);
              return FALSE;
            }
          p++;
          while (g_ascii_isspace (*p))
            p++;
          if (*p != '\0' && *p != ';' && *p != ',')
            {
              g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_SYNTAX,
                           _("Unexpected text after “]” in “%s”"), start);
              return FALSE;
            }
        }
      name = g_strndup (start, (bracket ? bracket : p) - start);
      g_strstrip (name);
      if (*p != '\0')
        p++;

      if (name[0] == '\0')
        {
          if (bracket != NULL)
            {
              g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_SYNTAX,
                           _("Units without a resource name"));
              return FALSE;
            }
          continue;
        }

      spec = g_new0 (GantryResourceSpec, 1);
      spec->resource = find_resource (project, name);
      spec->name = g_steal_pointer (&name);
      spec->units = 1.0;
      if (bracket != NULL)
        {
          const char *close = strchr (bracket, ']');
          g_autofree char *inner = g_strndup (bracket + 1, close - bracket - 1);
          gboolean material = spec->resource != NULL
            && gantry_resource_get_resource_type (spec->resource) == GANTRY_RESOURCE_MATERIAL;

          if (!parse_units (inner, material, &spec->units, error))
            {
              gantry_resource_spec_free (spec);
              return FALSE;
            }
        }
      for (guint j = 0; j < specs->len; j++)
        {
          GantryResourceSpec *other = g_ptr_array_index (specs, j);

          if ((other->resource != NULL && other->resource == spec->resource)
              || g_strcmp0 (other->name, spec->name) == 0)
            {
              g_set_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_INVALID,
                           _("Resource “%s” is listed twice"), spec->name);
              gantry_resource_spec_free (spec);
              return FALSE;
            }
        }
      g_ptr_array_add (specs, spec);
    }
  *out = g_steal_pointer (&specs);
  return TRUE;
}

/* ---- money ---------------------------------------------------------------- */

char *
gantry_text_format_money (GantryProject *project,
                          double         amount)
{
  const char *symbol = project ? gantry_project_get_currency_symbol (project) : "$";
  int digits = 2, position = 0;
  g_autofree char *number = NULL;
  const char *sign = amount < 0 ? "-" : "";

  if (project != NULL)
    g_object_get (project, "currency-digits", &digits, "currency-symbol-position", &position,
                  NULL);
  digits = CLAMP (digits, 0, 6);
  if (symbol == NULL)
    symbol = "";
  if (!isfinite (amount))
    amount = 0;
  number = g_strdup_printf ("%'.*f", digits, fabs (amount));
  switch (position)
    {
    case 1:
      return g_strdup_printf ("%s%s%s", sign, number, symbol);
    case 2:
      return g_strdup_printf ("%s%s %s", sign, symbol, number);
    case 3:
      return g_strdup_printf ("%s%s %s", sign, number, symbol);
    default:
      return g_strdup_printf ("%s%s%s", sign, symbol, number);
    }
}

/* Is the separator at sep a digit grouping: three digits after it, then
 * the end, the decimal point or another separator ('.' or ',')? */
static gboolean
is_grouping (const char *sep)
{
  const char *p = sep + 1;

  for (int i = 0; i < 3; i++, p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return *p == '\0' || *p == '.' || *p == ',';
}

gboolean
gantry_text_parse_money (GantryProject *project,
                         const char    *text,
                         double        *amount)
{
  const char *symbol = project ? gantry_project_get_currency_symbol (project) : NULL;
  const struct lconv *lc = localeconv ();
  char group = (lc->thousands_sep != NULL && (lc->thousands_sep[0] == '.' || lc->thousands_sep[0] == ','))
               ? lc->thousands_sep[0] : '\0';
  g_autofree char *s = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *last_dot, *last_comma;
  char decimal;
  g_autoptr(GString) clean = NULL;
  char *end;
  double v;

  g_return_val_if_fail (amount != NULL, FALSE);

  if (symbol != NULL && *symbol != '\0')
    {
      char *at = strstr (s, symbol);

      if (at != NULL)
        memmove (at, at + strlen (symbol), strlen (at + strlen (symbol)) + 1);
    }
  /* "$" is what most people type when the project has none */
  if (g_str_has_prefix (s, "$"))
    memmove (s, s + 1, strlen (s));
  g_strstrip (s);
  if (*s == '\0')
    return FALSE;

  last_dot = strrchr (s, '.');
  last_comma = strrchr (s, ',');
  if (last_dot != NULL && last_comma != NULL)
    decimal = last_dot > last_comma ? '.' : ',';
  else if (last_dot == NULL && last_comma == NULL)
    decimal = '\0';
  else
    {
      const char *only = last_dot != NULL ? last_dot : last_comma;
      char c = *only;

      /* one kind: the locale's grouping when every use of it is followed by
       * three digits ("12,160" in English, "12.160" in German), else the
       * decimal point ("1,5", "1.5") */
      decimal = c;
      if (c == group)
        {
          gboolean all_groups = TRUE;

          for (const char *q = strchr (s, c); q != NULL; q = strchr (q + 1, c))
            all_groups &= is_grouping (q);
          if (all_groups)
            decimal = '\0';
        }
    }

  clean = g_string_new (NULL);
  for (const char *q = s; *q != '\0'; q++)
    {
      if (*q == decimal)
        g_string_append_c (clean, '.');
      else if (*q == '.' || *q == ',' || *q == ' ' || g_str_has_prefix (q, "\u00a0")
               || g_str_has_prefix (q, "\u202f"))
        {
          /* grouping: skip (the no-break spaces are two or three bytes) */
          if ((guchar) *q == 0xc2)
            q++;
          else if ((guchar) *q == 0xe2)
            q += 2;
        }
      else
        g_string_append_c (clean, *q);
    }
  v = g_ascii_strtod (clean->str, &end);
  if (clean->len == 0 || *end != '\0' || !isfinite (v) || fabs (v) > 1e15)
    return FALSE;
  *amount = v;
  return TRUE;
}
