/* test-mspdi-compare.h — element-by-element comparison of an MSPDI file
 * with Gantry's export of it (shared by the corpus and foreign-file tests)
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * compare_trees() checks that every element of the original that is in
 * the schema comes back in the export with the same value, except the
 * values Gantry recomputes (is_recomputed(), listed in the README).
 */
#pragma once

#include <math.h>
#include <string.h>

#include "test-mspdi-common.h"

static inline const char *
child_text (xmlNodePtr node,
            const char *name)
{
  for (xmlNodePtr c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && xmlStrEqual (c->name, BAD_CAST name))
      return c->children && c->children->content ? (const char *) c->children->content : "";
  return NULL;
}

static inline const char *
child_path_text (xmlNodePtr  node,
                 const char *a,
                 const char *b)
{
  for (xmlNodePtr c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && xmlStrEqual (c->name, BAD_CAST a))
      return child_text (c, b);
  return NULL;
}

/* The identity of a repeated element: its key fields, else its position. */
static inline char *
identity (xmlNodePtr node,
          int        position)
{
  const char *n = (const char *) node->name;
  const char *k;

  if (g_str_equal (n, "WeekDay"))
    {
      const char *dt = child_text (node, "DayType");
      const char *from = child_path_text (node, "TimePeriod", "FromDate");
      return g_strdup_printf ("%s/%s", dt ? dt : "?", from ? from : "");
    }
  if (g_str_equal (n, "Exception") || g_str_equal (n, "WorkWeek"))
    {
      const char *from = child_path_text (node, "TimePeriod", "FromDate");
      return g_strdup_printf ("%s", from ? from : "?");
    }
  if (g_str_equal (n, "TimephasedData"))
    return g_strdup_printf ("%s/%s/%s", child_text (node, "Type"), child_text (node, "UID"),
                            child_text (node, "Start"));
  if (g_str_equal (n, "Rate"))
    return g_strdup_printf ("%s/%s", child_text (node, "RateTable"), child_text (node, "RatesFrom"));
  if ((k = child_text (node, "FieldID")) != NULL)
    return g_strdup (k);
  if ((k = child_text (node, "UID")) != NULL && !g_str_equal (n, "Project"))
    return g_strdup (k);
  if ((k = child_text (node, "PredecessorUID")) != NULL)
    return g_strdup (k);
  if (g_str_equal (n, "Baseline"))
    {
      k = child_text (node, "Number");
      return g_strdup (k ? k : "0");
    }
  return g_strdup_printf ("#%d", position);
}

/* Collects leaf values by identity path: "Tasks/Task[3]/Baseline[1]/Work" */
static inline void
collect (xmlNodePtr  node,
         const char *key,
         const char *schema_path,
         GHashTable *leaves)
{
  const GantryMspdiSchemaNode *sch = gantry_mspdi_schema_lookup (schema_path);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  gboolean has_elements = FALSE;

  for (xmlNodePtr c = node->children; c; c = c->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *ckey = NULL;
      g_autofree char *cpath = NULL;
      int pos;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      has_elements = TRUE;
      if (sch != NULL && gantry_mspdi_schema_child_index (sch, (const char *) c->name) < 0)
        continue;   /* outside the schema */
      pos = GPOINTER_TO_INT (g_hash_table_lookup (counts, c->name));
      g_hash_table_insert (counts, (gpointer) c->name, GINT_TO_POINTER (pos + 1));
      id = identity (c, pos);
      ckey = g_strdup_printf ("%s/%s[%s]", key, (const char *) c->name, id);
      cpath = g_strdup_printf ("%s/%s", schema_path, (const char *) c->name);
      collect (c, ckey, cpath, leaves);
    }
  if (!has_elements)
    {
      xmlChar *t = xmlNodeGetContent (node);
      g_hash_table_insert (leaves, g_strdup (key), g_strstrip (g_strdup ((char *) t)));
      xmlFree (t);
    }
}

static inline gboolean
same_value (const char *a,
            const char *b)
{
  char *end_a, *end_b;
  double x, y;
  gint64 da, db;

  if (g_str_equal (a, b))
    return TRUE;
  if ((g_str_equal (a, "true") && g_str_equal (b, "1"))
      || (g_str_equal (a, "false") && g_str_equal (b, "0")))
    return TRUE;
  x = g_ascii_strtod (a, &end_a);
  y = g_ascii_strtod (b, &end_b);
  if (*a && *b && *end_a == '\0' && *end_b == '\0')
    return fabs (x - y) <= 1e-6 * MAX (1.0, fabs (x));
  if (gantry_mspdi_parse_duration (a, &da) && gantry_mspdi_parse_duration (b, &db))
    return da == db;
  /* The same wall-clock time spelt differently (other tools write
   * 2026-01-05T08:00, …T08:00:00.000 or …T08:00:00Z; a zone designator is
   * ignored: Gantry never converts zones). */
  if (strlen (a) >= 16 && a[4] == '-' && a[10] == 'T' && strlen (b) >= 16 && b[4] == '-'
      && gantry_time_parse_iso (a, &da, NULL) && gantry_time_parse_iso (b, &db, NULL))
    return da == db;
  return FALSE;
}

/* Values Gantry recomputes or normalises on export (README lists them). */
static inline gboolean
is_recomputed (const char *key,
               const char *orig,
               const char *exported)
{
  /* Legacy DayType-0 exception days are regenerated from <Exceptions>. */
  if (strstr (key, "/WeekDay[0/") != NULL)
    return TRUE;
  /* "No base calendar": -1 (≤ 2010), 0 (2013+) and UIDs that resolve to
   * no calendar (e.g. -65533) are all written -1.  (That real bases
   * survive is checked by the model comparison.) */
  if (g_str_has_suffix (key, "/BaseCalendarUID[#0]") && exported != NULL
      && g_str_equal (exported, "-1"))
    return TRUE;
  /* Blank rows (IsNull): MS Project writes OutlineLevel 0; Gantry writes
   * their place in the outline (the level of the row after them). */
  if (g_str_has_suffix (key, "/OutlineLevel[#0]") && g_str_equal (orig, "0"))
    return TRUE;
  /* A resource without a calendar: other tools write CalendarUID -1,
   * Gantry leaves it out (MS Project always names a calendar). */
  if (strstr (key, "/Resource[") != NULL && g_str_has_suffix (key, "/CalendarUID[#0]")
      && g_str_equal (orig, "-1") && exported == NULL)
    return TRUE;
  /* Outline numbers and the Summary flag follow from the outline. */
  if (g_str_has_suffix (key, "/OutlineNumber[#0]") || g_str_has_suffix (key, "/Summary[#0]"))
    return TRUE;
  return FALSE;
}

/* k is one of the repaired keys, or below one that ends in '/' */
static inline gboolean
is_repaired (const char * const *repaired,
             const char         *k)
{
  for (; *repaired; repaired++)
    if (g_str_equal (*repaired, k)
        || (g_str_has_suffix (*repaired, "/") && g_str_has_prefix (k, *repaired)))
      return TRUE;
  return FALSE;
}

/* original_len: the original's size in bytes (it may be UTF-16), or -1
 * when it is NUL-terminated.  repaired: NULL or the keys of values the
 * reader repaired on purpose (the caller checks the warning for each); a
 * key ending in '/' covers everything below it. */
static inline void
compare_trees_n (const char         *original,
                 gssize              original_len,
                 const char         *exported,
                 const char * const *repaired,
                 const char         *label)
{
  xmlDocPtr a = xmlReadMemory (original, original_len < 0 ? (int) strlen (original) : (int) original_len,
                               NULL, NULL, XML_PARSE_NONET);
  xmlDocPtr b = xmlReadMemory (exported, strlen (exported), NULL, NULL, XML_PARSE_NONET);
  g_autoptr(GHashTable) la = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) lb = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer k, v;
  guint n_checked = 0, n_bad = 0;

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  collect (xmlDocGetRootElement (a), "", "Project", la);
  collect (xmlDocGetRootElement (b), "", "Project", lb);
  g_hash_table_iter_init (&iter, la);
  while (g_hash_table_iter_next (&iter, &k, &v))
    {
      const char *e = g_hash_table_lookup (lb, k);

      n_checked++;
      if (e != NULL && same_value (v, e))
        continue;
      /* an empty element (other tools write <Notes/>) holds no value */
      if (e == NULL && *(const char *) v == '\0')
        continue;
      if (is_recomputed (k, v, e))
        continue;
      if (repaired != NULL && is_repaired (repaired, k))
        {
          g_test_message ("%s: %s: repaired: original “%s”, export “%s”", label, (const char *) k,
                          (const char *) v, e ? e : "missing");
          continue;
        }
      if (n_bad++ < 15)
        g_test_message ("%s: %s: original “%s”, export %s%s%s", label, (const char *) k,
                        (const char *) v, e ? "“" : "", e ? e : "missing", e ? "”" : "");
    }
  xmlFreeDoc (a);
  xmlFreeDoc (b);
  g_test_message ("%s: %u elements compared, %u differ", label, n_checked, n_bad);
  g_assert_cmpuint (n_bad, ==, 0);
  g_assert_cmpuint (n_checked, >, 10);
}

static inline void
compare_trees (const char *original,
               const char *exported,
               const char *label)
{
  compare_trees_n (original, -1, exported, NULL, label);
}
