/* gantry-extras.c — MSPDI elements Gantry does not model, kept for export
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gantry-extras.h"
#include "gantry-core-private.h"

/* The strings of the items live in blocks: one per gantry_extras_append
 * (name and xml together), one per gantry_extras_append_many (all of its
 * items), freed together. */
struct _GantryExtras
{
  GArray    *items;    /* of GantryExtra */
  GPtrArray *blocks;   /* NULL until the first item */
};

GantryExtras *
gantry_extras_new (void)
{
  GantryExtras *extras = g_new0 (GantryExtras, 1);

  extras->items = g_array_new (FALSE, TRUE, sizeof (GantryExtra));
  return extras;
}

static void
add_block (GantryExtras *extras,
           gpointer      block)
{
  if (extras->blocks == NULL)
    extras->blocks = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (extras->blocks, block);
}

GantryExtras *
gantry_extras_copy (const GantryExtras *extras)
{
  GantryExtras *copy;

  g_return_val_if_fail (extras != NULL, NULL);

  copy = gantry_extras_new ();
  gantry_extras_append_many (copy, (const GantryExtra *) (gpointer) extras->items->data,
                             extras->items->len);
  return copy;
}

void
gantry_extras_free (GantryExtras *extras)
{
  if (extras == NULL)
    return;
  g_array_unref (extras->items);
  if (extras->blocks != NULL)
    g_ptr_array_unref (extras->blocks);
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
  gsize name_len, xml_len;

  g_return_if_fail (extras != NULL);
  g_return_if_fail (name != NULL);

  if (xml == NULL)
    xml = "";
  name_len = strlen (name) + 1;
  xml_len = strlen (xml) + 1;
  e.name = g_malloc (name_len + xml_len);
  memcpy (e.name, name, name_len);
  e.xml = e.name + name_len;
  memcpy (e.xml, xml, xml_len);
  e.in_schema = !!in_schema;
  add_block (extras, e.name);
  _GANTRY_MODEL_CHANGED ();
  g_array_append_val (extras->items, e);
}

void
gantry_extras_clear (GantryExtras *extras)
{
  g_return_if_fail (extras != NULL);
  _GANTRY_MODEL_CHANGED ();
  g_array_set_size (extras->items, 0);
  if (extras->blocks != NULL)
    g_ptr_array_set_size (extras->blocks, 0);
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

/* Appends n items at once (their strings are copied into one block): the
 * same as n calls of gantry_extras_append, faster for the MSPDI reader. */
void
gantry_extras_append_many (GantryExtras      *extras,
                           const GantryExtra *items,
                           guint              n)
{
  g_autofree GantryExtra *own = NULL;
  gsize total = 0;
  guint first;
  char *block, *p;

  g_return_if_fail (extras != NULL);
  g_return_if_fail (items != NULL || n == 0);

  if (n == 0)
    return;
  /* items inside extras' own array would move when it grows */
  if (extras->items->len > 0 && (const char *) items >= extras->items->data
      && (const char *) items < extras->items->data + extras->items->len * sizeof (GantryExtra))
    items = own = g_memdup2 (items, n * sizeof (GantryExtra));
  for (guint i = 0; i < n; i++)
    {
      g_return_if_fail (items[i].name != NULL);
      total += strlen (items[i].name) + 1 + (items[i].xml ? strlen (items[i].xml) : 0) + 1;
    }
  p = block = g_malloc (total);
  first = extras->items->len;
  g_array_set_size (extras->items, first + n);
  for (guint i = 0; i < n; i++)
    {
      GantryExtra *e = &g_array_index (extras->items, GantryExtra, first + i);
      const char *xml = items[i].xml ? items[i].xml : "";
      gsize name_len = strlen (items[i].name) + 1, xml_len = strlen (xml) + 1;
      gboolean in_schema = !!items[i].in_schema;

      memcpy (p, items[i].name, name_len);
      e->name = p;
      p += name_len;
      memcpy (p, xml, xml_len);
      e->xml = p;
      p += xml_len;
      e->in_schema = in_schema;
    }
  add_block (extras, block);
  _GANTRY_MODEL_CHANGED ();
}
