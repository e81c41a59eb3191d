/* test-edit.c — the table's text forms and the editing operations
 * (GTK-free, no display needed)
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gantry-core.h"
#include "gantry-edit.h"
#include "gantry-scheduler.h"
#include "gantry-text.h"

#define DAY_MS ((gint64) 480 * GANTRY_MS_MINUTE)   /* default 8 h working day */

/* A, B (summary of B1, B2), C, D */
static GantryProject *
build_plan (void)
{
  GantryProject *p = gantry_project_new ();
  GantryTask *root = gantry_project_get_root_task (p);
  const char *names[] = { "A", "B", "C", "D" };
  GantryTask *b;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GantryTask) t = gantry_task_new (gantry_project_next_task_uid (p), names[i]);
      gantry_task_set_duration (t, DAY_MS);
      gantry_task_set_duration_format (t, GANTRY_FORMAT_DAYS);
      g_assert_true (gantry_project_add_task (p, root, -1, t));
    }
  b = gantry_task_get_child (root, 1);
  for (guint i = 1; i <= 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("B%u", i);
      g_autoptr(GantryTask) t = gantry_task_new (gantry_project_next_task_uid (p), name);
      gantry_task_set_duration (t, DAY_MS);
      gantry_task_set_duration_format (t, GANTRY_FORMAT_DAYS);
      g_assert_true (gantry_project_add_task (p, b, -1, t));
    }
  gantry_project_renumber (p);
  gantry_project_clear_history (p);
  return p;
}

/* Rows in order: A=1 B=2 B1=3 B2=4 C=5 D=6 */
static GantryTask *
task (GantryProject *p, const char *name)
{
  GPtrArray *all = gantry_project_get_all_tasks (p);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gantry_task_get_name (g_ptr_array_index (all, i)), name) == 0)
      return g_ptr_array_index (all, i);
  g_assert_not_reached ();
  return NULL;
}

/* "name@level[preds]|..." — the outline, links and assignments as text */
static char *
snapshot (GantryProject *p)
{
  GString *s = g_string_new (NULL);
  GPtrArray *all = gantry_project_get_all_tasks (p);

  for (guint i = 0; i < all->len; i++)
    {
      GantryTask *t = g_ptr_array_index (all, i);
      g_autofree char *preds = gantry_text_format_predecessors (t);
      g_autofree char *res = gantry_text_format_resources (t);

      g_string_append_printf (s, "%d:%s@%d[%s][%s]%s%s|", gantry_task_get_id (t),
                              gantry_task_get_name (t), gantry_task_get_outline_level (t),
                              preds, res, gantry_task_get_milestone (t) ? "M" : "",
                              gantry_task_get_summary (t) ? "S" : "");
    }
  return g_string_free (s, FALSE);
}

static GPtrArray *
tasks_of (GantryProject *p, ...)
{
  GPtrArray *out = g_ptr_array_new ();
  va_list ap;
  const char *name;

  va_start (ap, p);
  while ((name = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (out, task (p, name));
  va_end (ap);
  return out;
}

/* apply -> expect; undo -> before; redo -> expect */
static void
check_undo_redo (GantryProject *p, const char *before, const char *expect)
{
  g_autofree char *now = snapshot (p);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_cmpstr (now, ==, expect);
  g_assert_true (gantry_project_undo (p));
  undone = snapshot (p);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (gantry_project_redo (p));
  redone = snapshot (p);
  g_assert_cmpstr (redone, ==, expect);
}

static void
test_predecessors_roundtrip (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GantryTask *d = task (p, "D");
  GPtrArray *preds;

  /* the notation of the brief: ID, type, signed lag; FS without lag is the ID alone */
  g_assert_true (gantry_edit_set_field_text (d, GANTRY_FIELD_PREDECESSORS, "1FS+2d; 5ss", &error));
  g_assert_no_error (error);
  preds = gantry_task_get_predecessors (d);
  g_assert_cmpuint (preds->len, ==, 2);
  {
    GantryLink *l1 = gantry_project_find_link (p, task (p, "A"), d);
    GantryLink *l2 = gantry_project_find_link (p, task (p, "C"), d);
    g_assert_nonnull (l1);
    g_assert_nonnull (l2);
    g_assert_cmpint (gantry_link_get_link_type (l1), ==, GANTRY_LINK_FS);
    g_assert_cmpint (gantry_link_get_lag (l1), ==, 2 * DAY_MS);
    g_assert_cmpint (gantry_link_get_link_type (l2), ==, GANTRY_LINK_SS);
    g_assert_cmpint (gantry_link_get_lag (l2), ==, 0);
  }
  text = gantry_text_format_predecessors (d);
  g_assert_true (g_strcmp0 (text, "1FS+2d;5SS") == 0 || g_strcmp0 (text, "5SS;1FS+2d") == 0);

  /* a lead, and a plain FS */
  g_assert_true (gantry_edit_set_field_text (d, GANTRY_FIELD_PREDECESSORS, "5FF-1d;1", &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = gantry_text_format_predecessors (d);
  g_assert_true (g_strcmp0 (text, "1;5FF-1d") == 0 || g_strcmp0 (text, "5FF-1d;1") == 0);
  g_assert_cmpint (gantry_link_get_lag (gantry_project_find_link (p, task (p, "C"), d)), ==, -DAY_MS);

  /* the edit was one undo step */
  g_assert_true (gantry_project_undo (p));
  g_assert_cmpint (gantry_link_get_lag (gantry_project_find_link (p, task (p, "A"), d)), ==, 2 * DAY_MS);
}

static void
test_predecessors_errors (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  g_autofree char *before = NULL;
  struct { const char *text; int code; } bad[] = {
    { "99", GANTRY_TEXT_ERROR_NO_TASK },
    { "abc", GANTRY_TEXT_ERROR_SYNTAX },
    { "1XY", GANTRY_TEXT_ERROR_SYNTAX },
    { "1FS+zz", GANTRY_TEXT_ERROR_SYNTAX },
    { "1FS 2", GANTRY_TEXT_ERROR_SYNTAX },
    { "1;1SS", GANTRY_TEXT_ERROR_INVALID },
    { "6", GANTRY_TEXT_ERROR_INVALID },      /* itself */
  };
  GantryTask *d = task (p, "D");

  g_assert_true (gantry_edit_set_field_text (task (p, "A"), GANTRY_FIELD_PREDECESSORS, "6", NULL));
  before = snapshot (p);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_assert_false (gantry_edit_set_field_text (d, GANTRY_FIELD_PREDECESSORS, bad[i].text, &error));
      g_assert_error (error, GANTRY_TEXT_ERROR, bad[i].code);
      g_assert_cmpstr (error->message, !=, "");
      after = snapshot (p);
      g_assert_cmpstr (after, ==, before);
    }
  /* D -> A exists: A before D would make a loop */
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (gantry_edit_set_field_text (d, GANTRY_FIELD_PREDECESSORS, "1", &error));
    g_assert_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_INVALID);
  }
  /* a summary cannot be linked to its own subtask */
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (gantry_edit_set_field_text (task (p, "B1"), GANTRY_FIELD_PREDECESSORS, "2", &error));
    g_assert_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_INVALID);
  }
}

/* Loops through summary tasks are refused the same way by the table's
 * Predecessors cell and by Link Tasks: a link to a summary reaches its
 * subtasks, and a subtask follows its summary's links. */
static void
test_loops_through_summaries (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* B → C: B1 (a subtask of B) comes before C, so C → B1 is a loop */
  g_assert_true (gantry_edit_set_field_text (task (p, "C"), GANTRY_FIELD_PREDECESSORS, "2", NULL));
  /* A → B: A comes before B2, so B2 → A is a loop */
  g_assert_true (gantry_edit_set_field_text (task (p, "B"), GANTRY_FIELD_PREDECESSORS, "1", NULL));
  g_assert_true (gantry_text_link_would_loop (task (p, "C"), task (p, "B1")));
  g_assert_true (gantry_text_link_would_loop (task (p, "B2"), task (p, "A")));
  g_assert_true (gantry_text_link_would_loop (task (p, "C"), task (p, "A")));
  /* no path the other way: these may be linked */
  g_assert_false (gantry_text_link_would_loop (task (p, "B1"), task (p, "D")));
  g_assert_false (gantry_text_link_would_loop (task (p, "A"), task (p, "C")));
  g_assert_false (gantry_text_link_would_loop (task (p, "B1"), task (p, "B2")));

  before = snapshot (p);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (gantry_edit_set_field_text (task (p, "B1"), GANTRY_FIELD_PREDECESSORS, "5", &error));
    g_assert_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_INVALID);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (gantry_edit_set_field_text (task (p, "A"), GANTRY_FIELD_PREDECESSORS, "4", &error));
    g_assert_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_INVALID);
  }
  {
    g_autoptr(GPtrArray) pair = tasks_of (p, "C", "B1", NULL);

    g_assert_false (gantry_edit_link (p, pair));
  }
  after = snapshot (p);
  g_assert_cmpstr (after, ==, before);
}

/* Money as the project writes it (symbol position, digits) and as people
 * type it (with or without symbol and grouping). */
static void
test_money (void)
{
  g_autoptr(GantryProject) p = gantry_project_new ();
  struct { int position, digits; const char *symbol; double amount; const char *shown; } fmt[] = {
    { 0, 2, "$",  1250.5,  "$1250.50" },
    { 0, 2, "€",  -30,     "-€30.00" },
    { 1, 2, "€",  7.25,    "7.25€" },
    { 2, 0, "CHF", 99.6,   "CHF 100" },
    { 3, 0, "kr", 12,      "12 kr" },
  };
  struct { const char *text; gboolean ok; double amount; } in[] = {
    { "$1,250.50", TRUE, 1250.5 },     /* both marks: the last is the decimal point */
    { "1.250,50 $", TRUE, 1250.5 },
    { "45.5", TRUE, 45.5 },
    { "45,5", TRUE, 45.5 },            /* C locale: no grouping, so a decimal comma */
    { "  $ 12 ", TRUE, 12 },
    { "-7", TRUE, -7 },
    { "", FALSE, 0 },
    { "$", FALSE, 0 },
    { "12 apples", FALSE, 0 },
    { "1.2.3", FALSE, 0 },
    { "inf", FALSE, 0 },
    { "1e400", FALSE, 0 },
  };

  /* the C locale groups no digits */
  setlocale (LC_NUMERIC, "C.UTF-8");
  for (guint i = 0; i < G_N_ELEMENTS (fmt); i++)
    {
      g_autofree char *shown = NULL;

      g_object_set (p, "currency-symbol", fmt[i].symbol, "currency-symbol-position", fmt[i].position,
                    "currency-digits", fmt[i].digits, NULL);
      shown = gantry_text_format_money (p, fmt[i].amount);
      g_assert_cmpstr (shown, ==, fmt[i].shown);
    }
  g_object_set (p, "currency-symbol", "$", "currency-symbol-position", 0, "currency-digits", 2, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (in); i++)
    {
      double v = -1;

      g_test_message ("parse \"%s\"", in[i].text);
      g_assert_cmpint (gantry_text_parse_money (p, in[i].text, &v), ==, in[i].ok);
      if (in[i].ok)
        g_assert_cmpfloat_with_epsilon (v, in[i].amount, 1e-9);
    }

  /* a language that groups digits: German writes 12.160,00 and reads
   * "12.160" as twelve thousand, "1.5" as one and a half */
  {
    static const char *locales[] = { "de_DE.UTF-8", "de_DE.utf8", NULL };
    const char *loc = NULL;

    for (guint i = 0; locales[i] != NULL && loc == NULL; i++)
      if (setlocale (LC_NUMERIC, locales[i]) != NULL)
        loc = locales[i];
    if (loc != NULL)
      {
        g_autofree char *shown = NULL;
        double v = 0;

        g_object_set (p, "currency-symbol", "€", "currency-symbol-position", 3, NULL);
        shown = gantry_text_format_money (p, 12160);
        g_assert_cmpstr (shown, ==, "12.160,00 €");
        g_assert_true (gantry_text_parse_money (p, shown, &v));
        g_assert_cmpfloat (v, ==, 12160);
        g_assert_true (gantry_text_parse_money (p, "12.160", &v));
        g_assert_cmpfloat (v, ==, 12160);
        g_assert_true (gantry_text_parse_money (p, "1.5", &v));
        g_assert_cmpfloat (v, ==, 1.5);
        g_assert_true (gantry_text_parse_money (p, "1.234.567,8", &v));
        g_assert_cmpfloat_with_epsilon (v, 1234567.8, 1e-6);
        setlocale (LC_NUMERIC, "C.UTF-8");
      }
    else
      g_test_message ("no German locale: grouping not checked (install de_DE.UTF-8)");
  }
}

static void
test_resources (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  g_autoptr(GantryResource) ana = gantry_resource_new (gantry_project_next_resource_uid (p), "Ana");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GantryTask *a = task (p, "A");
  GListModel *resources = gantry_project_get_resources (p);
  const char *bad[] = { "Ana[50", "Ana[abc]", "Ana;ana", "[50%]", "Ana[50%]x", "Ana[-5%]" };

  g_assert_true (gantry_project_add_resource (p, -1, ana));
  gantry_project_clear_history (p);

  g_assert_true (gantry_edit_set_field_text (a, GANTRY_FIELD_RESOURCES, "Ana[50%]; Bob", &error));
  g_assert_no_error (error);
  /* Bob did not exist: created, as MS Project does */
  g_assert_cmpuint (g_list_model_get_n_items (resources), ==, 2);
  g_assert_cmpuint (gantry_task_get_assignments (a)->len, ==, 2);
  text = gantry_text_format_resources (a);
  g_assert_cmpstr (text, ==, "Ana[50%];Bob");
  g_assert_cmpfloat_with_epsilon (gantry_assignment_get_units (g_ptr_array_index (gantry_task_get_assignments (a), 0)),
                                  0.5, 1e-9);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) e = NULL;
      g_autofree char *again = NULL;

      g_assert_false (gantry_edit_set_field_text (a, GANTRY_FIELD_RESOURCES, bad[i], &e));
      g_assert_nonnull (e);
      again = gantry_text_format_resources (a);
      g_assert_cmpstr (again, ==, "Ana[50%];Bob");
    }

  /* one undo step removes both assignments and the new resource */
  g_assert_true (gantry_project_undo (p));
  g_assert_cmpuint (gantry_task_get_assignments (a)->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (resources), ==, 1);
}

static void
test_fields (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  GantryTask *a = task (p, "A");
  g_autoptr(GError) error = NULL;
  GantryTime expect;

  g_assert_true (gantry_edit_set_field_text (a, GANTRY_FIELD_DURATION, "3d", &error));
  g_assert_no_error (error);
  g_assert_cmpint (gantry_task_get_duration (a), ==, 3 * DAY_MS);
  g_assert_false (gantry_task_get_milestone (a));

  /* a zero duration makes a milestone, as in MS Project */
  g_assert_true (gantry_edit_set_field_text (a, GANTRY_FIELD_DURATION, "0d", &error));
  g_assert_cmpint (gantry_task_get_duration (a), ==, 0);
  g_assert_true (gantry_task_get_milestone (a));
  g_assert_true (gantry_project_undo (p));
  g_assert_cmpint (gantry_task_get_duration (a), ==, 3 * DAY_MS);
  g_assert_false (gantry_task_get_milestone (a));

  g_assert_false (gantry_edit_set_field_text (a, GANTRY_FIELD_DURATION, "-1d", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (gantry_edit_set_field_text (a, GANTRY_FIELD_DURATION, "soon", &error));
  g_clear_error (&error);
  g_assert_cmpint (gantry_task_get_duration (a), ==, 3 * DAY_MS);

  /* summaries take their duration from their subtasks */
  g_assert_false (gantry_edit_set_field_text (task (p, "B"), GANTRY_FIELD_DURATION, "9d", &error));
  g_assert_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_INVALID);
  g_clear_error (&error);

  /* a typed Start sets Start No Earlier Than at the default start time */
  g_assert_true (gantry_edit_set_field_text (a, GANTRY_FIELD_START, "2026-03-02", &error));
  g_assert_no_error (error);
  expect = gantry_time_make (2026, 3, 2, 8, 0, 0);
  g_assert_cmpint (gantry_task_get_constraint_type (a), ==, GANTRY_CONSTRAINT_SNET);
  g_assert_cmpint (gantry_task_get_constraint_date (a), ==, expect);
  /* a typed Finish sets Finish No Earlier Than at the default finish time */
  g_assert_true (gantry_edit_set_field_text (a, GANTRY_FIELD_FINISH, "2026-03-06", &error));
  g_assert_cmpint (gantry_task_get_constraint_type (a), ==, GANTRY_CONSTRAINT_FNET);
  g_assert_cmpint (gantry_task_get_constraint_date (a), ==, gantry_time_make (2026, 3, 6, 17, 0, 0));
  g_assert_true (gantry_project_undo (p));
  g_assert_cmpint (gantry_task_get_constraint_type (a), ==, GANTRY_CONSTRAINT_SNET);
  g_assert_false (gantry_edit_set_field_text (a, GANTRY_FIELD_START, "2026-13-45", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (gantry_task_get_constraint_date (a), ==, expect);

  g_assert_true (gantry_edit_set_field_text (a, GANTRY_FIELD_PERCENT_COMPLETE, "50%", &error));
  g_assert_cmpint (gantry_task_get_percent_complete (a), ==, 50);
  g_assert_false (gantry_edit_set_field_text (a, GANTRY_FIELD_PERCENT_COMPLETE, "150", &error));
  g_assert_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gantry_edit_set_field_text (a, GANTRY_FIELD_PERCENT_COMPLETE, "half", &error));
  g_clear_error (&error);
  g_assert_cmpint (gantry_task_get_percent_complete (a), ==, 50);

  g_assert_true (gantry_edit_set_field_text (a, GANTRY_FIELD_NAME, "Äpfel 🍎", &error));
  g_assert_cmpstr (gantry_task_get_name (a), ==, "Äpfel 🍎");
}

/* A duration typed into the table on a task with a work assignment
 * sticks after rescheduling (reference §2.9: Fixed Units, a changed
 * Duration recalculates Work = Duration × Units; I19: 5d at 100 % is
 * 40 h) and is one undo step. */
static void
test_duration_assigned (void)
{
  g_autoptr(GantryProject) p = gantry_project_new ();
  g_autoptr(GantryCalendar) cal = gantry_calendar_new_standard (1, "Standard");
  g_autoptr(GantryResource) ana = gantry_resource_new (gantry_project_next_resource_uid (p), "Ana");
  g_autoptr(GantryTask) t = gantry_task_new (gantry_project_next_task_uid (p), "T");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GantryAssignment *a;
  g_autofree char *text = NULL;

  gantry_project_add_calendar (p, cal);
  gantry_project_set_calendar (p, cal);
  gantry_project_set_start (p, gantry_time_make (2025, 4, 7, 8, 0, 0));
  gantry_task_set_duration (t, 5 * DAY_MS);
  gantry_task_set_duration_format (t, GANTRY_FORMAT_DAYS);
  g_assert_true (gantry_project_add_task (p, gantry_project_get_root_task (p), -1, t));
  g_assert_true (gantry_project_add_resource (p, -1, ana));
  g_assert_true (gantry_edit_set_field_text (t, GANTRY_FIELD_RESOURCES, "Ana", &error));
  g_assert_no_error (error);
  a = g_ptr_array_index (gantry_task_get_assignments (t), 0);
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 40 * GANTRY_MS_HOUR);
  problems = gantry_schedule_project (p);
  g_clear_pointer (&problems, g_ptr_array_unref);
  gantry_project_clear_history (p);

  g_assert_true (gantry_edit_set_field_text (t, GANTRY_FIELD_DURATION, "10d", &error));
  g_assert_no_error (error);
  problems = gantry_schedule_project (p);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 10 * DAY_MS);
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 80 * GANTRY_MS_HOUR);
  /* Mon 7 April + 10 working days: Friday 18 April 17:00 */
  g_assert_cmpint (gantry_task_get_finish (t), ==, gantry_time_make (2025, 4, 18, 17, 0, 0));
  text = gantry_edit_format_field (t, GANTRY_FIELD_DURATION);
  g_assert_cmpstr (text, ==, "10 days");

  /* one undo step gives back 5d and 40 h, which rescheduling keeps */
  g_assert_true (gantry_project_undo (p));
  g_assert_false (gantry_project_can_undo (p));
  problems = gantry_schedule_project (p);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 5 * DAY_MS);
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 40 * GANTRY_MS_HOUR);
  g_assert_cmpint (gantry_task_get_finish (t), ==, gantry_time_make (2025, 4, 11, 17, 0, 0));
}

static void
test_outline_ops (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  g_autofree char *s0 = snapshot (p);
  g_autofree char *s = NULL;
  g_autoptr(GPtrArray) sel = NULL;
  GantryTask *t;

  g_assert_cmpstr (s0, ==, "1:A@1[][]|2:B@1[][]S|3:B1@2[][]|4:B2@2[][]|5:C@1[][]|6:D@1[][]|");

  /* insert above C */
  t = gantry_edit_insert_task (p, task (p, "C"));
  g_assert_nonnull (t);
  gantry_task_set_name (t, "N");  /* (direct, for the snapshot) */
  s = snapshot (p);
  g_assert_cmpstr (s, ==, "1:A@1[][]|2:B@1[][]S|3:B1@2[][]|4:B2@2[][]|5:N@1[][]|6:C@1[][]|7:D@1[][]|");
  g_assert_true (gantry_project_undo (p));
  g_clear_pointer (&s, g_free);
  s = snapshot (p);
  g_assert_cmpstr (s, ==, s0);

  /* indent C under B; then C and D under B */
  sel = tasks_of (p, "C", "D", NULL);
  g_assert_true (gantry_edit_indent (p, sel));
  check_undo_redo (p, s0, "1:A@1[][]|2:B@1[][]S|3:B1@2[][]|4:B2@2[][]|5:C@2[][]|6:D@2[][]|");
  /* indent B2 under B1 */
  g_clear_pointer (&sel, g_ptr_array_unref);
  g_clear_pointer (&s, g_free);
  s = snapshot (p);
  sel = tasks_of (p, "B2", NULL);
  g_assert_true (gantry_edit_indent (p, sel));
  check_undo_redo (p, s, "1:A@1[][]|2:B@1[][]S|3:B1@2[][]S|4:B2@3[][]|5:C@2[][]|6:D@2[][]|");
  /* a first child cannot indent */
  g_clear_pointer (&sel, g_ptr_array_unref);
  sel = tasks_of (p, "A", NULL);
  g_assert_false (gantry_edit_indent (p, sel));

  /* outdent B1: the tasks below it (C, D) become its subtasks, as in MS Project */
  g_clear_pointer (&sel, g_ptr_array_unref);
  g_clear_pointer (&s, g_free);
  s = snapshot (p);
  sel = tasks_of (p, "B1", NULL);
  g_assert_true (gantry_edit_outdent (p, sel));
  check_undo_redo (p, s, "1:A@1[][]|2:B@1[][]|3:B1@1[][]S|4:B2@2[][]|5:C@2[][]|6:D@2[][]|");
  /* top-level tasks cannot outdent */
  g_clear_pointer (&sel, g_ptr_array_unref);
  sel = tasks_of (p, "A", NULL);
  g_assert_false (gantry_edit_outdent (p, sel));

  /* move down / up */
  g_clear_pointer (&s, g_free);
  s = snapshot (p);
  g_clear_pointer (&sel, g_ptr_array_unref);
  sel = tasks_of (p, "C", NULL);
  g_assert_true (gantry_edit_move_down (p, sel));
  check_undo_redo (p, s, "1:A@1[][]|2:B@1[][]|3:B1@1[][]S|4:B2@2[][]|5:D@2[][]|6:C@2[][]|");
  g_assert_false (gantry_edit_move_down (p, sel));  /* last child */
  g_clear_pointer (&s, g_free);
  s = snapshot (p);
  g_assert_true (gantry_edit_move_up (p, sel));
  check_undo_redo (p, s, "1:A@1[][]|2:B@1[][]|3:B1@1[][]S|4:B2@2[][]|5:C@2[][]|6:D@2[][]|");

  /* delete B1 with its subtree: one undo step brings all back */
  g_clear_pointer (&s, g_free);
  s = snapshot (p);
  g_clear_pointer (&sel, g_ptr_array_unref);
  sel = tasks_of (p, "B1", "C", NULL);
  g_assert_true (gantry_edit_delete_tasks (p, sel));
  check_undo_redo (p, s, "1:A@1[][]|2:B@1[][]|");
}

static void
test_link_ops (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  g_autofree char *s0 = snapshot (p);
  g_autofree char *s1 = NULL;
  g_autoptr(GPtrArray) sel = tasks_of (p, "A", "C", "D", NULL);
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GPtrArray) loop = NULL;

  g_assert_true (gantry_edit_link (p, sel));
  check_undo_redo (p, s0, "1:A@1[][]|2:B@1[][]S|3:B1@2[][]|4:B2@2[][]|5:C@1[1][]|6:D@1[5][]|");
  s1 = snapshot (p);
  /* linking D then A would close a loop: skipped, nothing changes */
  loop = tasks_of (p, "D", "A", NULL);
  g_assert_false (gantry_edit_link (p, loop));
  {
    g_autofree char *same = snapshot (p);
    g_assert_cmpstr (same, ==, s1);
  }
  /* unlink one task: all its links go */
  one = tasks_of (p, "C", NULL);
  g_assert_true (gantry_edit_unlink (p, one));
  check_undo_redo (p, s1, "1:A@1[][]|2:B@1[][]S|3:B1@2[][]|4:B2@2[][]|5:C@1[][]|6:D@1[][]|");
  /* toggle milestone */
  g_assert_true (gantry_edit_toggle_milestone (p, one));
  g_assert_true (gantry_task_get_milestone (task (p, "C")));
  g_assert_true (gantry_edit_toggle_milestone (p, one));
  g_assert_false (gantry_task_get_milestone (task (p, "C")));
  g_assert_true (gantry_project_undo (p));
  g_assert_true (gantry_task_get_milestone (task (p, "C")));
}

static void
test_paste (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  g_autoptr(GantryProject) other = build_plan ();
  g_autoptr(GPtrArray) sel = NULL;
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *s0 = NULL;
  g_autofree char *s = NULL;

  g_assert_true (gantry_edit_set_field_text (task (p, "B2"), GANTRY_FIELD_PREDECESSORS, "3SS+1d", NULL));
  g_assert_true (gantry_edit_set_field_text (task (p, "B2"), GANTRY_FIELD_RESOURCES, "Ana[25%]", NULL));
  g_assert_true (gantry_edit_set_field_text (task (p, "B1"), GANTRY_FIELD_PERCENT_COMPLETE, "40", NULL));
  /* B with its subtree, and the link B1->B2 among them; D's link to A is outside */
  sel = tasks_of (p, "B", "B1", NULL);
  data = gantry_edit_serialize_tasks (p, sel);
  g_assert_nonnull (data);

  s0 = snapshot (p);
  g_assert_true (gantry_edit_paste_tasks (p, gantry_project_get_root_task (p), 0, data, &pasted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pasted->len, ==, 1);
  s = snapshot (p);
  g_assert_cmpstr (s, ==,
                   "1:B@1[][]S|2:B1@2[][]|3:B2@2[2SS+1d][Ana[25%]]|"
                   "4:A@1[][]|5:B@1[][]S|6:B1@2[][]|7:B2@2[6SS+1d][Ana[25%]]|8:C@1[][]|9:D@1[][]|");
  g_assert_cmpint (gantry_task_get_percent_complete (task (p, "B1")), ==, 40);
  /* new UIDs */
  g_assert_cmpint (gantry_task_get_uid (g_ptr_array_index (pasted, 0)), !=,
                   gantry_task_get_uid (gantry_task_get_child (gantry_project_get_root_task (p), 2)));
  /* one undo step */
  g_assert_true (gantry_project_undo (p));
  g_clear_pointer (&s, g_free);
  s = snapshot (p);
  g_assert_cmpstr (s, ==, s0);

  /* into another plan: the resource comes along by name */
  g_assert_true (gantry_edit_paste_tasks (other, gantry_project_get_root_task (other), -1, data, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_resources (other)), ==, 1);
  g_assert_cmpuint (gantry_project_get_n_tasks (other), ==, 9);
}

static void
test_paste_bad (void)
{
  g_autoptr(GantryProject) p = build_plan ();
  g_autofree char *s0 = snapshot (p);
  const char *garbage[] = { "", "hello", "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff" };

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      g_autoptr(GBytes) b = g_bytes_new (garbage[i], strlen (garbage[i]));
      g_autoptr(GError) error = NULL;
      g_autofree char *s = NULL;

      g_assert_false (gantry_edit_paste_tasks (p, gantry_project_get_root_task (p), -1, b, NULL, &error));
      g_assert_error (error, GANTRY_TEXT_ERROR, GANTRY_TEXT_ERROR_SYNTAX);
      s = snapshot (p);
      g_assert_cmpstr (s, ==, s0);
    }
  /* a clip whose parent index points forward is refused whole */
  {
    GVariantBuilder tb;
    g_autoptr(GVariant) v = NULL;
    g_autoptr(GBytes) b = NULL;
    g_autoptr(GError) error = NULL;

    g_variant_builder_init (&tb, G_VARIANT_TYPE ("a(ia{sv})"));
    g_variant_builder_add (&tb, "(i@a{sv})", 1, g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0));
    g_variant_builder_add (&tb, "(i@a{sv})", -1, g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0));
    v = g_variant_ref_sink (g_variant_new ("(ua(ia{sv})a(iiixi)a(isdx))", 1, &tb, NULL, NULL));
    b = g_variant_get_data_as_bytes (v);
    g_assert_false (gantry_edit_paste_tasks (p, gantry_project_get_root_task (p), -1, b, NULL, &error));
    g_assert_nonnull (error);
    g_assert_cmpuint (gantry_project_get_n_tasks (p), ==, 6);
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/edit/predecessors", test_predecessors_roundtrip);
  g_test_add_func ("/ui/edit/predecessors-errors", test_predecessors_errors);
  g_test_add_func ("/ui/edit/loops-through-summaries", test_loops_through_summaries);
  g_test_add_func ("/ui/edit/money", test_money);
  g_test_add_func ("/ui/edit/resources", test_resources);
  g_test_add_func ("/ui/edit/fields", test_fields);
  g_test_add_func ("/ui/edit/duration-assigned", test_duration_assigned);
  g_test_add_func ("/ui/edit/outline", test_outline_ops);
  g_test_add_func ("/ui/edit/links", test_link_ops);
  g_test_add_func ("/ui/edit/paste", test_paste);
  g_test_add_func ("/ui/edit/paste-bad", test_paste_bad);
  return g_test_run ();
}
