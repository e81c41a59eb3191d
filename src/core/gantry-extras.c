/* gantry-extras.c — MSPDI elements Gantry does not model, kept for export
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gantry-extras.h"
#include "gantry-core-private.h"

struct _GantryExtras
{
  GArray *items;   /* of GantryExtra */
};

static void
extra_clear (gpointer data)
{
  GantryExtra *e = data;

  g_clear_pointer (&e->name, g_free);
  g_clear_pointer (&e->xml, g_free);
}

GantryExtras *
gantry_extras_new (void)
{
  GantryExtras *extras = g_new0 (GantryExtras, 1);

  extras->items = g_array_new (FALSE, TRUE, sizeof (GantryExtra));
  g_array_set_clear_func (extras->items, extra_clear);
  return extras;
}

GantryExtras *
gantry_extras_copy (const GantryExtras *extras)
{
  GantryExtras *copy;

  g_return_val_if_fail (extras != NULL, NULL);

  copy = gantry_extras_new ();
  for (guint i = 0; i < extras->items->len; i++)
    {
      const GantryExtra *e = &g_array_index (extras->items, GantryExtra, i);
      gantry_extras_append (copy, e->name, e->xml, e->in_schema);
    }
  return copy;
}

void
gantry_extras_free (GantryExtras *extras)
{
  if (extras == NULL)
    return;
  g_array_unref (extras->items);
  g_free (extras);
}

guint
gantry_extras_get_n (const GantryExtras *extras)
{
  g_return_val_if_fail (extras != NULL, 0);
  return extras->items->len;
}

const GantryExtra *
gantry_extras_get (const GantryExtras *extras, guint i)
{
  g_return_val_if_fail (extras != NULL, NULL);
  g_return_val_if_fail (i < extras->items->len, NULL);
  return &g_array_index (extras->items, GantryExtra, i);
}

const GantryExtra *
gantry_extras_lookup (const GantryExtras *extras, const char *name)
{
  g_return_val_if_fail (extras != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < extras->items->len; i++)
    {
      const GantryExtra *e = &g_array_index (extras->items, GantryExtra, i);
      if (g_strcmp0 (e->name, name) == 0)
        return e;
    }
  return NULL;
}

void
gantry_extras_append (GantryExtras *extras,
                      const char   *name,
                      const char   *xml,
                      gboolean      in_schema)
{
  GantryExtra e;

  g_return_if_fail (extras != NULL);
  g_return_if_fail (name != NULL);

  e.name = g_strdup (name);
  e.xml = g_strdup (xml ? xml : "");
  e.in_schema = !!in_schema;
  _GANTRY_MODEL_CHANGED ();
  g_array_append_val (extras->items, e);
}

void
gantry_extras_clear (GantryExtras *extras)
{
  g_return_if_fail (extras != NULL);
  _GANTRY_MODEL_CHANGED ();
  g_array_set_size (extras->items, 0);
}

gboolean
gantry_extras_equal (const GantryExtras *a, const GantryExtras *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (a->items->len != b->items->len)
    return FALSE;
  for (guint i = 0; i < a->items->len; i++)
    {
      const GantryExtra *ea = &g_array_index (a->items, GantryExtra, i);
      const GantryExtra *eb = &g_array_index (b->items, GantryExtra, i);

      if (g_strcmp0 (ea->name, eb->name) != 0 || g_strcmp0 (ea->xml, eb->xml) != 0
          || ea->in_schema != eb->in_schema)
        return FALSE;
    }
  return TRUE;
}
