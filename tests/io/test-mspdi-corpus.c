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
#include "test-mspdi-compare.h"

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
