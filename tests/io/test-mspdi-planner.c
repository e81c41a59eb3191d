/* test-mspdi-planner.c — GNOME Planner reads what Gantry exports: the
 * export goes through Planner's MS Project import stylesheet
 * (msp2planner.xsl, Debian package "planner") and the result holds the
 * same tasks (names, in order), links and resources.
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs xsltproc and the stylesheet (GANTRY_MSP2PLANNER overrides its
 * path); skips, saying so, without them.
 */
#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include "test-mspdi-common.h"

static char *stylesheet;

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
check_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GantryProject) p = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "xsltproc", NULL, NULL, NULL };
  GPtrArray *all;
  xmlDocPtr doc;
  guint n_tasks = 0, n_links = 0, n_resources = 0;
  int status, fd;
  g_autoptr(GPtrArray) planner_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (stylesheet == NULL)
    {
      g_test_skip ("msp2planner.xsl or xsltproc not found (install Debian's planner and xsltproc)");
      return;
    }
  p = gantry_mspdi_load (path, NULL, &error);
  g_assert_no_error (error);
  xml = save (p, 0);
  fd = g_file_open_tmp ("gantry-planner-XXXXXX.xml", &tmp, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (tmp, xml, -1, &error));
  argv[1] = stylesheet;
  argv[2] = tmp;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_unlink (tmp);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xsltproc failed: %s", err);

  doc = xmlReadMemory (out, strlen (out), NULL, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  all = gantry_project_get_all_tasks (p);
  {
    /* walk Planner's document in order */
    GPtrArray *stack = g_ptr_array_new ();

    g_ptr_array_add (stack, xmlDocGetRootElement (doc));
    while (stack->len > 0)
      {
        xmlNodePtr n = g_ptr_array_steal_index (stack, stack->len - 1);
        GPtrArray *kids = g_ptr_array_new ();

        if (xmlStrEqual (n->name, BAD_CAST "task"))
          {
            xmlChar *name = xmlGetProp (n, BAD_CAST "name");

            g_ptr_array_add (planner_names, g_strdup (name ? (const char *) name : ""));
            xmlFree (name);
            n_tasks++;
          }
        else if (xmlStrEqual (n->name, BAD_CAST "predecessor"))
          n_links++;
        else if (xmlStrEqual (n->name, BAD_CAST "resource"))
          n_resources++;
        for (xmlNodePtr c = n->children; c; c = c->next)
          if (c->type == XML_ELEMENT_NODE)
            g_ptr_array_add (kids, c);
        while (kids->len > 0)   /* push in reverse: visit in document order */
          g_ptr_array_add (stack, g_ptr_array_steal_index (kids, kids->len - 1));
        g_ptr_array_unref (kids);
      }
    g_ptr_array_unref (stack);
  }
  xmlFreeDoc (doc);
  g_test_message ("%s: %u tasks, %u links, %u resources in Planner", path, n_tasks, n_links,
                  n_resources);
  g_assert_cmpuint (n_tasks, ==, all->len);
  /* the same task names (Planner may put blank rows elsewhere) */
  for (guint i = 0; i < all->len; i++)
    {
      const char *name = gantry_task_get_name (g_ptr_array_index (all, i));
      g_ptr_array_add (names, (gpointer) (name ? name : ""));
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_sort (planner_names, compare_names);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpstr (g_ptr_array_index (planner_names, i), ==, g_ptr_array_index (names, i));
  g_assert_cmpuint (n_links, ==, g_list_model_get_n_items (gantry_project_get_links (p)));
  g_assert_cmpuint (n_resources, ==, g_list_model_get_n_items (gantry_project_get_resources (p)));
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("GANTRY_MSP2PLANNER");
  const char *xsl = env ? env : "/usr/share/planner/stylesheets/msp2planner.xsl";
  const char *dir = g_getenv ("GANTRY_CORPUS_DIR");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = NULL;
  g_autofree char *xsltproc = g_find_program_in_path ("xsltproc");

  g_test_init (&argc, &argv, NULL);
  if (xsltproc != NULL && g_file_test (xsl, G_FILE_TEST_EXISTS))
    stylesheet = g_strdup (xsl);

  g_test_add_data_func_full ("/mspdi/planner/example-plan",
                             g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                    "crm-rollout.xml", NULL),
                             check_file, g_free);
  if (dir != NULL)
    d = g_dir_open (dir, 0, NULL);
  for (const char *name; d && (name = g_dir_read_name (d)) != NULL;)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (files, g_strdup (name));
  g_ptr_array_sort (files, compare_names);
  for (guint i = 0; i < files->len; i++)
    {
      const char *name = g_ptr_array_index (files, i);
      g_autofree char *test = g_strdup_printf ("/mspdi/planner/corpus/%s", name);

      g_test_add_data_func_full (test, g_build_filename (dir, name, NULL), check_file, g_free);
    }
  return g_test_run ();
}
