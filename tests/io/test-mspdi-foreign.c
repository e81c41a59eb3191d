/* test-mspdi-foreign.c — MSPDI files written by tools other than MS Project
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures in tests/io/foreign/ are hand-written in the shapes other
 * tools produce (each file's comment says which shape and which traps).
 * Every fixture gets the corpus checks: it imports; import -> export ->
 * import gives the same model; the export validates against the XSD; every
 * element of the original that is in the schema comes back with the same
 * value (test-mspdi-compare.h, shared with the corpus test); and after
 * scheduling, every automatically scheduled task keeps the Start and Finish
 * the file stored.  The stored dates were worked out by hand with MS
 * Project's rules (reference §2: Standard calendar 8-12 13-17 Mon-Fri, FS
 * successors start at the next working time, lags on the successor's
 * calendar), so they are golden values, not Gantry's output.
 *
 * Then per-fixture checks of the traps: the values that need repair come
 * with a warning naming the line and the element, and nothing is lost.
 */
#include "config.h"

#include <stdlib.h>

#include "gantry-scheduler.h"
#include "gantry-test-helper.h"
#include "test-mspdi-compare.h"

typedef struct
{
  const char *file;       /* in tests/io/foreign/ */
  const char *encoding;   /* re-encode the file to this before reading (NULL: as is) */
  const char *repaired[8]; /* values repaired on import (with a warning: see the traps) */
} Fixture;

static const Fixture FIXTURES[] = {
  { "mpxj-writer.xml", NULL, { NULL } },
  { "mpxj-writer.xml", "UTF-16", { NULL } },    /* .NET/PowerShell exporters write UTF-16 */
  { "minimal-converter.xml", NULL, { "/Tasks[#0]/Task[11]/OutlineLevel[#0]", NULL } },
  { "js-gantt-export.xml", NULL, { NULL } },
  { "scheduler-latin1.xml", NULL, { NULL } },
  { "prefixed-namespace.xml", NULL, { NULL } },
  { "no-namespace.xml", NULL, { NULL } },
  { "weekend-only-calendar.xml", NULL, { NULL } },
  { "dotnet-serializer.xml", NULL, { NULL } },
  /* UID 0 is MS Project's: the task and the resource numbered 0 get fresh
   * UIDs, and what referred to them follows */
  { "zero-based-uids.xml", NULL, { "/Tasks[#0]/Task[0]/", "/Resources[#0]/Resource[0]/",
                                   "/Tasks[#0]/Task[1]/PredecessorLink[0]/",
                                   "/Assignments[#0]/Assignment[0]/TaskUID[#0]",
                                   "/Assignments[#0]/Assignment[0]/ResourceUID[#0]", NULL } },
};

/* The fixture's bytes; re-encoded (with a byte order mark and the matching
 * declaration) when the fixture asks for it. */
static char *
fixture_bytes (const Fixture *f,
               gsize         *len)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "io", "foreign", f->file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) utf8 = NULL;
  char *data = NULL, *converted;
  const char *decl_end;
  gsize out_len;

  g_assert_true (g_file_get_contents (path, &data, len, &error));
  g_assert_no_error (error);
  if (f->encoding == NULL)
    return data;

  /* <?xml version="1.0" encoding="UTF-16"?> + the rest, then convert */
  decl_end = strstr (data, "?>");
  g_assert_nonnull (decl_end);
  utf8 = g_string_new ("\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"");
  g_string_append_printf (utf8, "%s\"?>%s", f->encoding, decl_end + 2);
  g_free (data);
  converted = g_convert (utf8->str, utf8->len, "UTF-16LE", "UTF-8", NULL, &out_len, &error);
  g_assert_no_error (error);
  *len = out_len;
  return converted;
}

static GantryProject *
load_fixture (const Fixture *f,
              char         **bytes,
              gsize         *len,
              GPtrArray    **warnings)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GantryProject *p;
  gsize n;

  data = fixture_bytes (f, &n);
  p = gantry_mspdi_load_data (data, n, warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (p);
  for (guint i = 0; warnings && *warnings && i < (*warnings)->len; i++)
    g_test_message ("%s: warning: %s", f->file, (const char *) g_ptr_array_index (*warnings, i));
  if (bytes)
    *bytes = g_steal_pointer (&data);
  if (len)
    *len = n;
  return p;
}

/* True when one of the warnings contains every one of the words. */
static gboolean
has_warning (GPtrArray  *warnings,
             const char *word,
             ...)
{
  for (guint i = 0; warnings && i < warnings->len; i++)
    {
      const char *w = g_ptr_array_index (warnings, i);
      gboolean all = TRUE;
      va_list ap;

      va_start (ap, word);
      for (const char *x = word; x != NULL && all; x = va_arg (ap, const char *))
        all = strstr (w, x) != NULL;
      va_end (ap);
      if (all)
        return TRUE;
    }
  return FALSE;
}

/* ---- the corpus checks, for every fixture -------------------------------- */

static void
test_round_trip (gconstpointer data)
{
  const Fixture *f = data;
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

  p1 = load_fixture (f, &original, &len, &warnings);

  exported = save (p1, GANTRY_MSPDI_WRITE_DEFAULT);
  if (!validate (exported, &why))
    g_test_message ("not validated: %s", why);
  compare_trees_n (original, len, exported, f->repaired, f->file);

  full = save (p1, GANTRY_MSPDI_WRITE_KEEP_UNKNOWN);
  p2 = gantry_mspdi_load_data (full, strlen (full), NULL, &error);
  g_assert_no_error (error);
  gantry_test_assert_projects_equal (p1, p2);

  exported2 = save (p2, GANTRY_MSPDI_WRITE_DEFAULT);
  g_assert_cmpstr (exported, ==, exported2);
  full2 = save (p2, GANTRY_MSPDI_WRITE_KEEP_UNKNOWN);
  g_assert_cmpstr (full, ==, full2);
}

typedef struct
{
  GantryTask *task;
  GantryTime  start, finish;
} Stored;

static void
collect_auto (GantryTask *task,
              GArray     *out)
{
  if (gantry_task_get_parent (task) != NULL && !gantry_task_get_manual (task)
      && gantry_task_get_active (task) && !gantry_task_get_is_null (task))
    {
      Stored s = { task, gantry_task_get_start (task), gantry_task_get_finish (task) };

      g_array_append_val (out, s);
    }
  for (guint i = 0; i < gantry_task_get_n_children (task); i++)
    collect_auto (gantry_task_get_child (task, i), out);
}

static void
test_schedule (gconstpointer data)
{
  const Fixture *f = data;
  g_autoptr(GantryProject) p = load_fixture (f, NULL, NULL, NULL);
  g_autoptr(GArray) stored = g_array_new (FALSE, FALSE, sizeof (Stored));
  g_autoptr(GPtrArray) problems = NULL;
  guint n_bad = 0;

  collect_auto (gantry_project_get_root_task (p), stored);
  g_assert_cmpuint (stored->len, >=, 2);
  problems = gantry_schedule_project (p);
  for (guint i = 0; problems && i < problems->len; i++)
    g_test_message ("problem: %s", ((GantryProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_true (problems == NULL || problems->len == 0);

  for (guint i = 0; i < stored->len; i++)
    {
      Stored *s = &g_array_index (stored, Stored, i);
      GantryTime gs = gantry_task_get_start (s->task), gf = gantry_task_get_finish (s->task);

      g_assert_true (s->start != GANTRY_TIME_NONE && s->finish != GANTRY_TIME_NONE);
      if (gs / GANTRY_MS_MINUTE != s->start / GANTRY_MS_MINUTE
          || gf / GANTRY_MS_MINUTE != s->finish / GANTRY_MS_MINUTE)
        {
          g_autofree char *a = gantry_time_format_iso (s->start);
          g_autofree char *b = gantry_time_format_iso (s->finish);
          g_autofree char *c = gantry_time_format_iso (gs);
          g_autofree char *d = gantry_time_format_iso (gf);

          g_test_message ("task %d “%s”: file %s – %s, Gantry %s – %s",
                          gantry_task_get_uid (s->task), gantry_task_get_name (s->task), a, b, c, d);
          n_bad++;
        }
    }
  g_assert_cmpuint (n_bad, ==, 0);
}

/* ---- the traps of each shape -------------------------------------------- */

static GantryTask *
task (GantryProject *p,
      int            uid)
{
  GantryTask *t = gantry_project_lookup_task (p, uid);

  if (t == NULL)
    g_error ("task UID %d missing", uid);
  return t;
}

static void
assert_time (GantryTime  t,
             const char *iso)
{
  g_autofree char *s = gantry_time_format_iso (t);

  g_assert_cmpstr (s, ==, iso);
}

/* MPXJ's shape: nothing to repair, so no warnings; the ExtendedAttribute
 * definition's alias and the value come back; UTF-16 reads the same. */
static void
test_mpxj (void)
{
  const Fixture utf8 = { "mpxj-writer.xml", NULL, { NULL } };
  const Fixture utf16 = { "mpxj-writer.xml", "UTF-16", { NULL } };
  g_autoptr(GPtrArray) w1 = NULL;
  g_autoptr(GPtrArray) w2 = NULL;
  g_autoptr(GantryProject) p = load_fixture (&utf8, NULL, NULL, &w1);
  g_autoptr(GantryProject) q = load_fixture (&utf16, NULL, NULL, &w2);
  g_autofree char *xml = save (p, GANTRY_MSPDI_WRITE_DEFAULT);

  g_assert_cmpuint (w1->len, ==, 0);
  g_assert_cmpuint (w2->len, ==, 0);
  gantry_test_assert_projects_equal (p, q);
  g_assert_cmpstr (gantry_project_get_currency_symbol (p), ==, "€");
  assert_xpath (xml, "ExtendedAttributes/ExtendedAttribute/Alias", "Owner");
  assert_xpath (xml, "Tasks/Task[2]/ExtendedAttribute/Value", "Ana");
  /* the link to the summary task with its one-day lag */
  assert_xpath (xml, "Tasks/Task[4]/PredecessorLink/PredecessorUID", "1");
  assert_xpath (xml, "Tasks/Task[4]/PredecessorLink/LinkLag", "4800");
  /* a resource without a calendar */
  g_assert_null (gantry_resource_get_calendar (gantry_project_lookup_resource (p, 1)));
}

/* Minimal exporters: everything optional missing. */
static void
test_minimal (void)
{
  const Fixture f = { "minimal-converter.xml", NULL, { NULL } };
  g_autoptr(GPtrArray) w = NULL;
  g_autoptr(GantryProject) p = load_fixture (&f, NULL, NULL, &w);
  g_autofree char *xml = save (p, GANTRY_MSPDI_WRITE_DEFAULT);
  GListModel *links = gantry_project_get_links (p);
  g_autoptr(GantryLink) l = NULL;

  /* OutlineLevel 1 then 3: the row goes one level down, with a warning
   * that names the line and the element */
  g_assert_true (gantry_task_get_parent (task (p, 11)) == task (p, 10));
  g_assert_true (gantry_task_get_parent (task (p, 12)) == task (p, 10));
  g_assert_true (has_warning (w, "Line 27,", "<OutlineLevel>", "task 11", NULL));
  /* CDATA notes keep their text; an empty Notes is no notes */
  g_assert_cmpstr (gantry_task_get_notes (task (p, 11)), ==,
                   "Three quotes <at least> & compare \"insurance\"");
  g_assert_true (gantry_task_get_notes (task (p, 10)) == NULL
                 || *gantry_task_get_notes (task (p, 10)) == '\0');
  /* a link with only PredecessorUID: finish-to-start, no lag */
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
  l = g_list_model_get_item (links, 0);
  g_assert_cmpint (gantry_link_get_link_type (l), ==, GANTRY_LINK_FS);
  g_assert_cmpint (gantry_link_get_lag (l), ==, 0);
  /* a milestone that lasts a day stays both */
  g_assert_true (gantry_task_get_milestone (task (p, 12)));
  g_assert_cmpint (gantry_task_get_duration (task (p, 12)), ==, 8 * GANTRY_MS_HOUR);
  /* no Duration: the working time from Start to Finish, with a warning */
  g_assert_true (has_warning (w, "task 13 has no Duration", NULL));
  g_assert_cmpint (gantry_task_get_duration (task (p, 13)), ==, 16 * GANTRY_MS_HOUR);
  /* the writer supplies what the schema requires */
  assert_xpath (xml, "SaveVersion", "14");
  assert_xpath (xml, "Tasks/Task[2]/OutlineNumber", "1.1");
}

/* JavaScript widgets: BOM, CRLF, ISO dates with Z and milliseconds or
 * without seconds, true/false, long fractions, manual tasks. */
static void
test_js (void)
{
  const Fixture f = { "js-gantt-export.xml", NULL, { NULL } };
  g_autoptr(GPtrArray) w = NULL;
  g_autoptr(GantryProject) p = load_fixture (&f, NULL, NULL, &w);
  g_autofree char *xml = save (p, GANTRY_MSPDI_WRITE_DEFAULT);
  GantryAssignment *a = gantry_project_lookup_assignment (p, 7);

  g_assert_cmpuint (w->len, ==, 0);
  assert_time (gantry_project_get_start (p), "2026-03-02T08:00:00");
  assert_time (gantry_task_get_start (task (p, 2)), "2026-03-04T08:00:00");
  assert_time (gantry_task_get_finish (task (p, 1)), "2026-03-03T17:00:00");
  g_assert_cmpint (gantry_task_get_duration (task (p, 2)), ==, 8 * GANTRY_MS_HOUR);
  g_assert_true (gantry_task_get_manual (task (p, 3)));
  g_assert_false (gantry_task_get_manual (task (p, 1)));
  g_assert_nonnull (a);
  g_assert_cmpfloat_with_epsilon (gantry_assignment_get_units (a), 1.0 / 3.0, 1e-12);
  assert_xpath (xml, "Tasks/Task[2]/Start", "2026-03-04T08:00:00");
  /* a Baseline without its Number is baseline 0 */
  g_assert_nonnull (gantry_task_get_baseline (task (p, 1), 0));
  assert_time (gantry_task_get_baseline (task (p, 1), 0)->start, "2026-03-02T08:00:00");
  assert_xpath (xml, "Tasks/Task[1]/Baseline/Number", "0");
}

/* Other schedulers: Latin-1, long names, ID gaps and a duplicate ID,
 * legacy holidays, negative lag, SNET, an element outside the schema. */
static void
test_latin1 (void)
{
  const Fixture f = { "scheduler-latin1.xml", NULL, { NULL } };
  g_autoptr(GPtrArray) w = NULL;
  g_autoptr(GantryProject) p = load_fixture (&f, NULL, NULL, &w);
  g_autofree char *xml = save (p, GANTRY_MSPDI_WRITE_DEFAULT);
  g_autofree char *full = save (p, GANTRY_MSPDI_WRITE_KEEP_UNKNOWN);
  const char *name = gantry_task_get_name (task (p, 100));

  g_assert_cmpstr (gantry_task_get_name (task (p, 101)), ==, "Fundament (Béton C25/30)");
  g_assert_true (g_str_has_prefix (name, "Baustelleneinrichtung und Vorbereitung des Geländes"));
  g_assert_cmpint (g_utf8_strlen (name, -1), >, 255);
  assert_xpath (xml, "Tasks/Task[1]/Name", name);   /* [0]: the UID 0 summary */
  assert_xpath (xml, "Author", "Jörg Müller");
  g_assert_cmpstr (gantry_task_get_wbs (task (p, 103)), ==, "A1030");
  /* the tool's own element: kept, written back on request only */
  assert_no_xpath (xml, "Tasks/Task[1]/ActivityCodeValue");
  assert_xpath (full, "Tasks/Task[1]/ActivityCodeValue", "ERD");
}

static void
test_prefixed (void)
{
  const Fixture f = { "prefixed-namespace.xml", NULL, { NULL } };
  g_autoptr(GPtrArray) w = NULL;
  g_autoptr(GantryProject) p = load_fixture (&f, NULL, NULL, &w);
  GantryAssignment *a = gantry_project_lookup_assignment (p, 1);

  g_assert_cmpstr (gantry_project_get_name (p), ==, "Conference");
  g_assert_cmpuint (gantry_project_get_n_tasks (p), >=, 2);
  g_assert_nonnull (a);
  g_assert_cmpfloat (gantry_assignment_get_units (a), ==, 2.0);
  /* the outline from OutlineNumber alone, with a warning for each level */
  g_assert_true (gantry_task_get_parent (task (p, 1)) == task (p, 5));
  g_assert_true (gantry_task_get_parent (task (p, 2)) == task (p, 5));
  g_assert_true (has_warning (w, "<OutlineNumber>", "task 2 has no OutlineLevel", "1.2", NULL));
  /* the calendar that came last is the project's */
  g_assert_true (gantry_project_get_calendar (p) == gantry_project_lookup_calendar (p, 3));
}

/* Loose exports: no namespace (a warning, read anyway), UTC offsets
 * ignored (no zone conversion), fractional hours, decimals for whole
 * numbers, an attribute value without its definition. */
static void
test_no_namespace (void)
{
  const Fixture f = { "no-namespace.xml", NULL, { NULL } };
  g_autoptr(GPtrArray) w = NULL;
  g_autoptr(GantryProject) p = load_fixture (&f, NULL, NULL, &w);
  g_autofree char *xml = save (p, GANTRY_MSPDI_WRITE_DEFAULT);
  g_autofree char *why = NULL;

  g_assert_true (has_warning (w, "namespace", NULL));
  assert_time (gantry_task_get_start (task (p, 2)), "2026-06-01T16:30:00");
  g_assert_cmpint (gantry_task_get_duration (task (p, 1)), ==, 7 * GANTRY_MS_HOUR + 30 * GANTRY_MS_MINUTE);
  g_assert_cmpint (gantry_task_get_priority (task (p, 2)), ==, 700);
  /* the export has the namespace, and the value without a definition */
  g_assert_nonnull (strstr (xml, "<Project xmlns=\"http://schemas.microsoft.com/project\""));
  assert_xpath (xml, "Tasks/Task[1]/ExtendedAttribute/FieldID", "188743734");
  assert_xpath (xml, "Tasks/Task[1]/ExtendedAttribute/Value", "Finance");
  if (!validate (xml, &why))
    g_test_message ("not validated: %s", why);
}

/* Base calendars that leave week days out get MS Project's standard
 * week for them, with a warning naming the calendar's line. */
static void
test_weekend_only (void)
{
  const Fixture f = { "weekend-only-calendar.xml", NULL, { NULL } };
  g_autoptr(GPtrArray) w = NULL;
  g_autoptr(GantryProject) p = load_fixture (&f, NULL, NULL, &w);
  GantryCalendar *standard = gantry_project_lookup_calendar (p, 1);
  GantryCalendar *contractor = gantry_project_lookup_calendar (p, 2);
  const GantryDayDef *mon = gantry_calendar_get_weekday (standard, 1);
  const GantryDayDef *sat = gantry_calendar_get_weekday (contractor, 6);

  g_assert_true (has_warning (w, "Line 13,", "<Calendar>", "base calendar 1", "5 of the 7", NULL));
  g_assert_true (has_warning (w, "Line 41,", "<Calendar>", "base calendar 2", "7 of the 7", NULL));
  g_assert_cmpint (mon->kind, ==, GANTRY_DAY_WORKING);
  g_assert_cmpint (mon->n_ranges, ==, 2);
  g_assert_cmpint (mon->ranges[0].from, ==, 8 * 60);
  g_assert_cmpint (mon->ranges[1].to, ==, 17 * 60);
  g_assert_cmpint (sat->kind, ==, GANTRY_DAY_NONWORKING);
  g_assert_cmpuint (gantry_calendar_get_n_exceptions (standard), ==, 1);
}

/* .NET's TimeSpan spelling: a day is 24 hours (xsd:duration), so
 * P1DT8H is 32 hours of work, four 8-hour days. */
static void
test_dotnet (void)
{
  const Fixture f = { "dotnet-serializer.xml", NULL, { NULL } };
  g_autoptr(GPtrArray) w = NULL;
  g_autoptr(GantryProject) p = load_fixture (&f, NULL, NULL, &w);
  g_autofree char *xml = save (p, GANTRY_MSPDI_WRITE_DEFAULT);

  g_assert_cmpuint (w->len, ==, 0);
  g_assert_cmpint (gantry_task_get_duration (task (p, 1)), ==, 32 * GANTRY_MS_HOUR);
  assert_xpath (xml, "Tasks/Task[1]/Duration", "PT32H0M0S");
  assert_xpath (xml, "Tasks/Task[1]/Start", "2026-07-06T08:00:00");
}

/* Numbered from 0: the first task and resource are real ones, not MS
 * Project's placeholders; they get fresh UIDs, the link and the assignment
 * follow them. */
static void
test_zero_based (void)
{
  const Fixture f = { "zero-based-uids.xml", NULL, { NULL } };
  g_autoptr(GPtrArray) w = NULL;
  g_autoptr(GantryProject) p = load_fixture (&f, NULL, NULL, &w);
  GantryTask *first = gantry_project_lookup_task_by_id (p, 1);
  GListModel *links = gantry_project_get_links (p);
  g_autoptr(GantryLink) l = NULL;
  GantryAssignment *a;

  g_assert_true (has_warning (w, "Line 14,", "<OutlineLevel>", "task UID 0", NULL));
  g_assert_true (has_warning (w, "Line 34,", "<Resource>", "resource UID 0", NULL));
  g_assert_nonnull (first);
  g_assert_cmpstr (gantry_task_get_name (first), ==, "Refine backlog");
  g_assert_cmpint (gantry_task_get_uid (first), >, 1);
  g_assert_true (gantry_task_get_parent (first) == gantry_project_get_root_task (p));
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
  l = g_list_model_get_item (links, 0);
  g_assert_true (gantry_link_get_predecessor (l) == first);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_assignments (p)), ==, 1);
  a = g_list_model_get_item (gantry_project_get_assignments (p), 0);
  g_assert_true (gantry_assignment_get_task (a) == first);
  g_assert_cmpstr (gantry_resource_get_name (gantry_assignment_get_resource (a)), ==, "Team");
  g_object_unref (a);
}

/* Values spelt the way a spreadsheet or a hand-written script would
 * ("FS", "2 days", "06/01/2026 08:00", "1d"): each is refused with a
 * warning naming its line and element; the rest of the task is kept. */
static void
test_bad_values (void)
{
  g_autoptr(GPtrArray) w = NULL;
  g_autoptr(GantryProject) p = load_body (
    "<Tasks>\n"
    "<Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel>\n"
    "<Start>2026-06-01T08:00:00</Start><Duration>PT8H0M0S</Duration></Task>\n"
    "<Task><UID>2</UID><Name>B</Name><OutlineLevel>1</OutlineLevel>\n"
    "<Start>06/01/2026 08:00</Start>\n"
    "<Duration>2 days</Duration>\n"
    "<PredecessorLink><PredecessorUID>1</PredecessorUID>\n"
    "<Type>FS</Type>\n"
    "<LinkLag>1d</LinkLag></PredecessorLink></Task>\n"
    "</Tasks>\n", &w);
  GantryTask *b = task (p, 2);
  GListModel *links = gantry_project_get_links (p);

  for (guint i = 0; i < w->len; i++)
    g_test_message ("warning: %s", (const char *) g_ptr_array_index (w, i));
  g_assert_true (has_warning (w, "Line 7,", "<Start>", "06/01/2026 08:00", NULL));
  g_assert_true (has_warning (w, "Line 8,", "<Duration>", "2 days", NULL));
  g_assert_true (has_warning (w, "Line 10,", "<Type>", "FS", NULL));
  g_assert_true (has_warning (w, "Line 11,", "<LinkLag>", "1d", NULL));
  g_assert_cmpstr (gantry_task_get_name (b), ==, "B");
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
}

static void
test_no_reference (void)
{
  g_test_skip ("mspdi_pj15.xsd not found (GANTRY_REFERENCE_DIR)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (FIXTURES); i++)
    {
      const Fixture *f = &FIXTURES[i];
      g_autofree char *base = g_strdup_printf ("/mspdi/foreign/%s%s%s", f->file,
                                               f->encoding ? "/" : "", f->encoding ? f->encoding : "");
      g_autofree char *t1 = g_strconcat (base, "/round-trip", NULL);
      g_autofree char *t2 = g_strconcat (base, "/schedule", NULL);

      g_test_add_data_func (t1, f, test_round_trip);
      g_test_add_data_func (t2, f, test_schedule);
    }
  g_test_add_func ("/mspdi/foreign/traps/mpxj", test_mpxj);
  g_test_add_func ("/mspdi/foreign/traps/minimal", test_minimal);
  g_test_add_func ("/mspdi/foreign/traps/js", test_js);
  g_test_add_func ("/mspdi/foreign/traps/latin1", test_latin1);
  g_test_add_func ("/mspdi/foreign/traps/prefixed", test_prefixed);
  g_test_add_func ("/mspdi/foreign/traps/no-namespace", test_no_namespace);
  g_test_add_func ("/mspdi/foreign/traps/bad-values", test_bad_values);
  g_test_add_func ("/mspdi/foreign/traps/weekend-only-calendar", test_weekend_only);
  g_test_add_func ("/mspdi/foreign/traps/dotnet", test_dotnet);
  g_test_add_func ("/mspdi/foreign/traps/zero-based-uids", test_zero_based);
  if (g_getenv ("GANTRY_REFERENCE_DIR") == NULL)
    g_test_add_func ("/mspdi/foreign/schema-absent", test_no_reference);
  return g_test_run ();
}
