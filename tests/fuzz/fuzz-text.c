/* fuzz-text.c — libFuzzer harness for the task table's text parsers
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Predecessors ("3FS+2d;5SS") and resources ("Ana[50%];Bob") as a user
 * types them (src/ui/gantry-text.c is GTK-free).  A small plan with a
 * summary task, subtasks, a chain of links and two resources is built
 * once.  The first input byte picks the parser and the task, the rest is
 * the text.  Checks: success or an error; a parsed predecessor list never
 * names the task itself nor repeats a task; units are finite and positive.
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "gantry-fuzz-common.h"
#include "gantry-core.h"
#include "gantry-text.h"

static GantryProject *project;
static GantryTask *tasks[6];

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  GantryTask *root;
  static const char * const names[] = {
    "Design", "Build", "Build UI", "Build engine", "Test", "Release",
  };

  gantry_fuzz_init ();
  setlocale (LC_ALL, "C.UTF-8");

  project = gantry_project_new ();
  root = gantry_project_get_root_task (project);
  for (int i = 0; i < 6; i++)
    {
      GantryTask *parent = (i == 2 || i == 3) ? tasks[1] : root;   /* 2, 3 under "Build" */

      tasks[i] = gantry_task_new (i + 1, names[i]);
      gantry_task_set_duration (tasks[i], (gint64) (i + 1) * 8 * 3600 * 1000);
      if (!gantry_project_add_task (project, parent, -1, tasks[i]))
        abort ();
      g_object_unref (tasks[i]);   /* the project holds it */
    }
  gantry_project_renumber (project);
  {
    /* Design -> Test, Build UI -> Build engine, Test -> Release */
    static const int chain[][2] = { { 0, 4 }, { 2, 3 }, { 4, 5 } };

    for (gsize i = 0; i < G_N_ELEMENTS (chain); i++)
      {
        g_autoptr(GantryLink) link = gantry_link_new (tasks[chain[i][0]], tasks[chain[i][1]],
                                                      GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
        if (!gantry_project_add_link (project, link))
          abort ();
      }
  }
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(GantryResource) r = gantry_resource_new (i + 1, i == 0 ? "Ana" : "Bob");
      gantry_project_add_resource (project, -1, r);
    }
  return 0;
}

static void
check_predecessors (GantryTask *task, const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) specs = NULL;
  g_autoptr(GHashTable) seen = NULL;

  if (!gantry_text_parse_predecessors (task, text, &specs, &error))
    {
      if (error == NULL)
        abort ();
      return;
    }
  if (specs == NULL)
    abort ();
  seen = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < specs->len; i++)
    {
      GantryPredecessorSpec *spec = g_ptr_array_index (specs, i);

      if (spec->predecessor == NULL || spec->predecessor == task)
        abort ();
      if (!g_hash_table_add (seen, spec->predecessor))
        {
          g_printerr ("“%s”: a task is listed twice\n", text);
          abort ();
        }
    }
}

static void
check_resources (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) specs = NULL;

  if (!gantry_text_parse_resources (project, text, &specs, &error))
    {
      if (error == NULL)
        abort ();
      return;
    }
  if (specs == NULL)
    abort ();
  for (guint i = 0; i < specs->len; i++)
    {
      GantryResourceSpec *spec = g_ptr_array_index (specs, i);

      if (spec->name == NULL || !isfinite (spec->units) || spec->units < 0)
        {
          g_printerr ("“%s”: bad resource spec (units %g)\n", text, spec->units);
          abort ();
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = NULL;
  guint8 sel;

  if (size < 1 || size > 512)
    return 0;
  sel = data[0];
  text = gantry_fuzz_strndup (data + 1, size - 1);

  if (sel & 0x80)
    check_resources (text);
  else
    check_predecessors (tasks[sel % 6], text);
  return 0;
}
