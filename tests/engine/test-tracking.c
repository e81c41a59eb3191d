/* test-tracking.c — baselines, variance, progress and earned value
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected figures are worked out by hand in the comments (Standard
 * calendar: Mon–Fri 08–12, 13–17; 1d = 8h), and, for the corpus, read
 * from the XML by this test itself.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "engine-test-util.h"
#include "gantry-test-helper.h"
#include "gantry-tracking.h"
#include "gantry-mspdi.h"
#include "gantry-store.h"
#include <glib/gstdio.h>

#define assert_money(got, want) g_assert_cmpfloat_with_epsilon ((got), (want), 0.005)

/* A: 10d from Mon 5 Jan 2026, fixed cost 1000 prorated.
 * B: 4d after A (Mon 19 – Thu 22 Jan), fixed cost 300 (accrual varies). */
typedef struct
{
  GantryProject *p;
  GantryTask    *sum, *a, *b;
} Plan;

static void
plan_init (Plan *pl, GantryAccrual b_accrual)
{
  pl->p = plan_new (T (2026, 1, 5, 8, 0));
  pl->sum = plan_task (pl->p, NULL, "Phase", DAY_MS, GANTRY_FORMAT_DAYS);
  gantry_task_set_milestone (pl->sum, FALSE);
  pl->a = plan_task (pl->p, pl->sum, "A", 10 * DAY_MS, GANTRY_FORMAT_DAYS);
  pl->b = plan_task (pl->p, pl->sum, "B", 4 * DAY_MS, GANTRY_FORMAT_DAYS);
  plan_link (pl->p, pl->a, pl->b, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  gantry_task_set_fixed_cost (pl->a, 1000);
  gantry_task_set_fixed_cost_accrual (pl->a, GANTRY_ACCRUE_PRORATED);
  gantry_task_set_fixed_cost (pl->b, 300);
  gantry_task_set_fixed_cost_accrual (pl->b, b_accrual);
  schedule (pl->p);
}

static void
plan_clear (Plan *pl)
{
  g_clear_object (&pl->p);
}

static void
test_set_baseline_one_step (void)
{
  Plan pl;

  plan_init (&pl, GANTRY_ACCRUE_END);
  assert_time (gantry_task_get_finish (pl.a), T (2026, 1, 16, 17, 0));
  assert_time (gantry_task_get_start (pl.b), T (2026, 1, 19, 8, 0));
  gantry_project_clear_history (pl.p);

  for (guint n = 0; n < GANTRY_N_BASELINES; n++)
    {
      const GantryBaseline *b;

      g_assert_true (gantry_project_set_baseline_for (pl.p, NULL, n));
      b = gantry_task_get_baseline (pl.a, n);
      g_assert_nonnull (b);
      assert_time (b->start, T (2026, 1, 5, 8, 0));
      assert_time (b->finish, T (2026, 1, 16, 17, 0));
      g_assert_cmpint (b->duration, ==, 10 * DAY_MS);
      assert_money (b->cost, 1000);
      b = gantry_task_get_baseline (gantry_project_get_root_task (pl.p), n);
      g_assert_nonnull (b);
      assert_money (b->cost, 1300);
    }
  /* Each set is one undo step. */
  g_assert_true (gantry_project_undo (pl.p));
  g_assert_null (gantry_task_get_baseline (pl.a, 10));
  g_assert_nonnull (gantry_task_get_baseline (pl.b, 9));
  g_assert_cmpstr (gantry_project_get_redo_label (pl.p), ==, "Set Baseline 10");

  /* Selected tasks only. */
  {
    g_autoptr(GPtrArray) sel = g_ptr_array_new ();

    g_ptr_array_add (sel, pl.b);
    g_assert_true (gantry_project_clear_baseline_for (pl.p, sel, 3));
    g_assert_null (gantry_task_get_baseline (pl.b, 3));
    g_assert_nonnull (gantry_task_get_baseline (pl.a, 3));
    g_assert_true (gantry_project_clear_baseline_for (pl.p, NULL, 3));
    g_assert_null (gantry_task_get_baseline (pl.a, 3));
    g_assert_true (gantry_project_undo (pl.p));
    g_assert_nonnull (gantry_task_get_baseline (pl.a, 3));
    g_assert_null (gantry_task_get_baseline (pl.b, 3));
    g_assert_true (gantry_project_undo (pl.p));
    g_assert_nonnull (gantry_task_get_baseline (pl.b, 3));
    /* Nothing to clear: no step. */
    g_assert_false (gantry_project_clear_baseline_for (pl.p, sel, 10));
  }
  plan_clear (&pl);
}

/* PV/EV/AC and the derived indices, by hand. */
static void
test_earned_value_hand (void)
{
  Plan pl;
  GantryEarnedValue ev;

  plan_init (&pl, GANTRY_ACCRUE_PRORATED);
  g_assert_true (gantry_project_set_baseline_for (pl.p, NULL, 0));

  /* The cost overruns after the baseline: A now costs 1250. */
  gantry_task_set_fixed_cost (pl.a, 1250);
  gantry_task_set_percent_complete (pl.a, 40);
  schedule (pl.p);
  /* Engine: actual cost = cost × % complete = 1250 × 0.4 = 500. */
  assert_money (gantry_task_get_actual_cost (pl.a), 500);

  /* Status Fri 9 Jan 17:00: 5 of A's 10 working days are past.
   * PV = 1000 × 5/10 = 500; EV = 1000 × 40 % = 400; AC = 500.
   * SV = -100, CV = -100, SPI = 0.8, CPI = 0.8,
   * EAC = 500 + (1000 - 400) / 0.8 = 1250, VAC = -250,
   * TCPI = (1000 - 400) / (1000 - 500) = 1.2. */
  gantry_tracking_earned_value (pl.a, 0, T (2026, 1, 9, 17, 0), &ev);
  assert_money (ev.bac, 1000);
  assert_money (ev.bcws, 500);
  assert_money (ev.bcwp, 400);
  assert_money (ev.acwp, 500);
  assert_money (ev.sv, -100);
  assert_money (ev.cv, -100);
  g_assert_cmpfloat_with_epsilon (ev.spi, 0.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (ev.cpi, 0.8, 1e-9);
  assert_money (ev.eac, 1250);
  assert_money (ev.vac, -250);
  g_assert_cmpfloat_with_epsilon (ev.tcpi, 1.2, 1e-9);

  /* Mid-day: Tue 6 Jan 10:00 is 10 working hours of 80: PV = 125. */
  assert_money (gantry_tracking_bcws (pl.a, 0, T (2026, 1, 6, 10, 0)), 125);
  /* A weekend adds nothing: Sat 10 Jan 12:00 = Fri 17:00. */
  assert_money (gantry_tracking_bcws (pl.a, 0, T (2026, 1, 10, 12, 0)), 500);
  /* Before the start and after the finish. */
  assert_money (gantry_tracking_bcws (pl.a, 0, T (2026, 1, 1, 8, 0)), 0);
  assert_money (gantry_tracking_bcws (pl.a, 0, T (2026, 3, 1, 8, 0)), 1000);

  /* Roll-up: summary and project sum their leaves.  Status Tue 20 Jan
   * 17:00: A fully planned (1000), B 2 of 4 days (150).  EV: 400 + 0.
   * AC: 500 + 0.  SV = -750, CV = -100, SPI = 400/1150. */
  gantry_tracking_earned_value (pl.sum, 0, T (2026, 1, 20, 17, 0), &ev);
  assert_money (ev.bac, 1300);
  assert_money (ev.bcws, 1150);
  assert_money (ev.bcwp, 400);
  assert_money (ev.acwp, 500);
  assert_money (ev.sv, -750);
  assert_money (ev.cv, -100);
  g_assert_cmpfloat_with_epsilon (ev.spi, 400.0 / 1150.0, 1e-9);
  /* EAC = 500 + 900 / 0.8 = 1625; VAC = -325; TCPI = 900 / 800. */
  assert_money (ev.eac, 1625);
  assert_money (ev.vac, -325);
  g_assert_cmpfloat_with_epsilon (ev.tcpi, 900.0 / 800.0, 1e-9);
  {
    GantryEarnedValue root;

    gantry_tracking_earned_value (gantry_project_get_root_task (pl.p), 0,
                                  T (2026, 1, 20, 17, 0), &root);
    g_assert_true (memcmp (&root, &ev, sizeof ev) == 0);
  }

  /* Default status date: the project's. */
  gantry_project_set_status_date (pl.p, T (2026, 1, 9, 17, 0));
  gantry_tracking_earned_value (pl.a, 0, GANTRY_TIME_NONE, &ev);
  assert_money (ev.bcws, 500);

  /* Against a baseline that is not set: everything 0, EAC = cost. */
  gantry_tracking_earned_value (pl.a, 4, GANTRY_TIME_NONE, &ev);
  assert_money (ev.bac, 0);
  assert_money (ev.bcws, 0);
  assert_money (ev.bcwp, 0);
  g_assert_cmpfloat (ev.spi, ==, 0);
  g_assert_cmpfloat (ev.cpi, ==, 0);
  assert_money (ev.eac, 1250);
  plan_clear (&pl);
}

/* Fixed cost accrual decides when B's 300 is planned. */
static void
test_earned_value_accrual (void)
{
  static const struct { GantryAccrual acc; double mid, before_finish, at_finish; } rows[] = {
    /* status Tue 20 Jan 17:00 (2 of 4 days), Thu 22 Jan 12:00, Thu 17:00 */
    { GANTRY_ACCRUE_START, 300, 300, 300 },
    { GANTRY_ACCRUE_PRORATED, 150, 262.5, 300 },
    { GANTRY_ACCRUE_END, 0, 0, 300 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      Plan pl;

      plan_init (&pl, rows[i].acc);
      gantry_project_set_baseline_for (pl.p, NULL, 2);
      assert_money (gantry_tracking_bcws (pl.b, 2, T (2026, 1, 20, 17, 0)), rows[i].mid);
      assert_money (gantry_tracking_bcws (pl.b, 2, T (2026, 1, 22, 12, 0)),
                    rows[i].before_finish);
      assert_money (gantry_tracking_bcws (pl.b, 2, T (2026, 1, 22, 17, 0)), rows[i].at_finish);
      /* Before B's baseline start nothing of it is planned. */
      assert_money (gantry_tracking_bcws (pl.b, 2, T (2026, 1, 16, 17, 0)), 0);
      plan_clear (&pl);
    }
}

/* Start, finish, duration, work and cost variance. */
static void
test_variance (void)
{
  g_autoptr(GantryProject) p = plan_new (T (2026, 1, 5, 8, 0));
  GantryTask *a = plan_task (p, NULL, "A", 5 * DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, NULL, "B", 2 * DAY_MS, GANTRY_FORMAT_DAYS);
  g_autoptr(GantryResource) r = gantry_resource_new (1, "Dev");
  g_autoptr(GantryAssignment) as = NULL;
  GantryVariance v;

  plan_link (p, a, b, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  gantry_resource_set_standard_rate (r, 50);   /* per hour */
  gantry_project_add_resource (p, -1, r);
  as = gantry_assignment_new (1, a, r, 1.0, 5 * DAY_MS);
  gantry_project_add_assignment (p, as);
  schedule (p);
  /* 40 h × 50 = 2000. */
  assert_money (gantry_task_get_cost (a), 2000);
  g_assert_false (gantry_tracking_variance (a, 0, &v));
  gantry_project_set_baseline_for (p, NULL, 0);
  g_assert_true (gantry_tracking_variance (a, 0, &v));
  g_assert_cmpint (v.start, ==, 0);
  g_assert_cmpint (v.finish, ==, 0);
  g_assert_cmpint (v.work, ==, 0);
  assert_money (v.cost, 0);

  /* A's work grows to 56h at 100 %: 7d, cost 2800; B slips 2 days. */
  gantry_project_apply (p, gantry_command_set (as, "work", (gint64) (56 * HOUR_MS)));
  schedule (p);
  g_assert_true (gantry_tracking_variance (a, 0, &v));
  g_assert_cmpint (v.start, ==, 0);
  g_assert_cmpint (v.finish, ==, 2 * DAY_MS);
  g_assert_cmpint (v.duration, ==, 2 * DAY_MS);
  g_assert_cmpint (v.work, ==, 16 * HOUR_MS);
  assert_money (v.cost, 800);
  g_assert_true (gantry_tracking_variance (b, 0, &v));
  g_assert_cmpint (v.start, ==, 2 * DAY_MS);
  g_assert_cmpint (v.finish, ==, 2 * DAY_MS);
  g_assert_cmpint (v.duration, ==, 0);

  /* A finishing earlier than planned is a negative variance. */
  gantry_project_apply (p, gantry_command_set (as, "work", (gint64) (32 * HOUR_MS)));
  schedule (p);
  g_assert_true (gantry_tracking_variance (b, 0, &v));
  g_assert_cmpint (v.start, ==, -1 * DAY_MS);
}

/* Update project, and completed work pinning its dates. */
static void
test_update_progress (void)
{
  Plan pl;
  GantryTime a_start, a_finish;

  plan_init (&pl, GANTRY_ACCRUE_END);
  gantry_project_clear_history (pl.p);
  a_start = gantry_task_get_start (pl.a);
  a_finish = gantry_task_get_finish (pl.a);

  /* Status Tue 20 Jan 17:00: A done; B 2 of 4 days = 50 %. */
  g_assert_true (gantry_project_update_progress (pl.p, T (2026, 1, 20, 17, 0)));
  g_assert_cmpint (gantry_task_get_percent_complete (pl.a), ==, 100);
  assert_time (gantry_task_get_actual_start (pl.a), a_start);
  assert_time (gantry_task_get_actual_finish (pl.a), a_finish);
  g_assert_cmpint (gantry_task_get_actual_duration (pl.a), ==, 10 * DAY_MS);
  g_assert_cmpint (gantry_task_get_remaining_duration (pl.a), ==, 0);
  g_assert_cmpint (gantry_task_get_percent_complete (pl.b), ==, 50);
  assert_time (gantry_task_get_actual_start (pl.b), T (2026, 1, 19, 8, 0));
  g_assert_true (gantry_task_get_actual_finish (pl.b) == GANTRY_TIME_NONE);
  g_assert_cmpint (gantry_task_get_actual_duration (pl.b), ==, 2 * DAY_MS);
  g_assert_cmpint (gantry_task_get_remaining_duration (pl.b), ==, 2 * DAY_MS);
  /* Summaries are rolled up by the engine, not marked. */
  g_assert_cmpstr (gantry_project_get_undo_label (pl.p), ==, "Update Project");

  /* Again at the same date: nothing to do, no new step. */
  g_assert_false (gantry_project_update_progress (pl.p, T (2026, 1, 20, 17, 0)));
  /* An earlier date never reduces progress. */
  g_assert_false (gantry_project_update_progress (pl.p, T (2026, 1, 12, 17, 0)));

  /* Completed work pins its dates: a new predecessor pushing A later
   * does not move it (actual start/finish win), B's remaining work
   * follows its actual start. */
  {
    GantryTask *pre = plan_task (pl.p, NULL, "Late input", 20 * DAY_MS, GANTRY_FORMAT_DAYS);

    plan_link (pl.p, pre, pl.a, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
    schedule (pl.p);
    assert_time (gantry_task_get_start (pl.a), a_start);
    assert_time (gantry_task_get_finish (pl.a), a_finish);
    assert_time (gantry_task_get_start (pl.b), T (2026, 1, 19, 8, 0));
    gantry_project_remove_task (pl.p, pre);
  }

  /* One undo step restores every task. */
  g_assert_true (gantry_project_undo (pl.p));
  g_assert_cmpint (gantry_task_get_percent_complete (pl.a), ==, 0);
  g_assert_cmpint (gantry_task_get_percent_complete (pl.b), ==, 0);
  g_assert_true (gantry_task_get_actual_start (pl.a) == GANTRY_TIME_NONE);
  g_assert_true (gantry_task_get_actual_finish (pl.a) == GANTRY_TIME_NONE);
  g_assert_false (gantry_project_can_undo (pl.p));
  plan_clear (&pl);
}

/* ---- corpus: MS Project's stored BCWS, BCWP, ACWP, SV, CV ------------------ */

/* Direct children of each <Task> named name, read from the raw XML (not
 * through Gantry's reader): uid -> value in currency units. */
static GHashTable *
stored_field (const char *xml, const char *name)
{
  GHashTable *out = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autofree char *open = g_strdup_printf ("<%s>", name);
  const char *tasks = strstr (xml, "<Tasks>");
  const char *end = tasks ? strstr (tasks, "</Tasks>") : NULL;
  const char *p = tasks;

  while (p != NULL && end != NULL && (p = strstr (p, "<Task>")) != NULL && p < end)
    {
      const char *t_end = strstr (p, "</Task>");
      const char *uid = strstr (p, "<UID>");
      const char *f = p;
      int depth_ok;

      if (t_end == NULL || uid == NULL || uid > t_end)
        break;
      /* The field at task level: not inside Baseline / ExtendedAttribute. */
      while ((f = strstr (f, open)) != NULL && f < t_end)
        {
          const char *bl = g_strrstr_len (p, f - p, "<Baseline>");
          const char *bl_end = g_strrstr_len (p, f - p, "</Baseline>");

          depth_ok = (bl == NULL || (bl_end != NULL && bl_end > bl));
          if (depth_ok)
            {
              double *v = g_new (double, 1);

              *v = g_ascii_strtod (f + strlen (open), NULL) / 100.0;
              g_hash_table_insert (out, GINT_TO_POINTER (atoi (uid + 5)), v);
              break;
            }
          f += strlen (open);
        }
      p = t_end;
    }
  return out;
}

static void
test_corpus (void)
{
  g_autoptr(GPtrArray) files = gantry_test_list_corpus_files ();
  guint n_files = 0, n_checked = 0, n_nonzero = 0;

  if (gantry_test_get_corpus_dir () == NULL)
    {
      g_test_skip ("GANTRY_CORPUS_DIR is not set or absent: no MS Project files");
      return;
    }

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *xml = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GantryProject) p = NULL;
      g_autoptr(GHashTable) bcws = NULL, bcwp = NULL, acwp = NULL, sv = NULL, cv = NULL;
      GHashTableIter it;
      gpointer key, value;

      g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
      if (strstr (xml, "<BCWS>") == NULL)
        continue;
      p = gantry_mspdi_load (path, NULL, &error);
      if (p == NULL)
        continue;   /* the MSPDI tests cover files Gantry refuses */
      n_files++;
      bcws = stored_field (xml, "BCWS");
      bcwp = stored_field (xml, "BCWP");
      acwp = stored_field (xml, "ACWP");
      sv = stored_field (xml, "SV");
      cv = stored_field (xml, "CV");

      g_hash_table_iter_init (&it, bcws);
      while (g_hash_table_iter_next (&it, &key, &value))
        {
          GantryTask *t = gantry_project_lookup_task (p, GPOINTER_TO_INT (key));
          GantryEarnedValue ev;
          double *want;

          if (t == NULL)
            continue;
          /* MS Project evaluates at the status date, else the current
           * date: Gantry's default. */
          gantry_tracking_earned_value (t, 0, GANTRY_TIME_NONE, &ev);
          if (g_test_verbose ())
            g_test_message ("%s task %d: BCWS %.2f BCWP %.2f ACWP %.2f", path,
                            GPOINTER_TO_INT (key), ev.bcws, ev.bcwp, ev.acwp);
          assert_money (ev.bcws, *(double *) value);
          if ((want = g_hash_table_lookup (bcwp, key)) != NULL)
            assert_money (ev.bcwp, *want);
          if ((want = g_hash_table_lookup (acwp, key)) != NULL)
            {
              assert_money (ev.acwp, *want);
              if (*want != 0.0)
                n_nonzero++;
            }
          if ((want = g_hash_table_lookup (sv, key)) != NULL)
            assert_money (ev.sv, *want);
          if ((want = g_hash_table_lookup (cv, key)) != NULL)
            assert_money (ev.cv, *want);
          n_checked++;
        }
    }
  g_test_message ("%u corpus files, %u tasks compared, %u with a non-zero ACWP",
                  n_files, n_checked, n_nonzero);
  g_assert_cmpuint (n_checked, >, 0);
  g_assert_cmpuint (n_nonzero, >, 0);
}

/* The kept MSPDI earned-value fields round-trip through the writer. */
static void
test_corpus_round_trip (void)
{
  const char *dir = gantry_test_get_corpus_dir ();
  g_autofree char *path = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GantryProject) p = NULL;
  g_autoptr(GError) error = NULL;
  static const char *fields[] = { "BCWS", "BCWP", "ACWP", "SV", "CV" };
  guint n_seen = 0;
  gsize len;

  if (dir == NULL)
    {
      g_test_skip ("GANTRY_CORPUS_DIR is not set or absent: no MS Project files");
      return;
    }
  path = g_build_filename (dir, "mspdiresource.xml", NULL);
  if (!g_file_get_contents (path, &xml, NULL, NULL))
    {
      g_test_skip ("mspdiresource.xml is not in the corpus");
      return;
    }
  p = gantry_mspdi_load (path, NULL, &error);
  g_assert_no_error (error);
  out = gantry_mspdi_save_to_data (p, GANTRY_MSPDI_WRITE_DEFAULT, &len, &error);
  g_assert_no_error (error);
  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_autoptr(GHashTable) a = stored_field (xml, fields[f]);
      g_autoptr(GHashTable) b = stored_field (out, fields[f]);
      GHashTableIter it;
      gpointer key, value;

      n_seen += g_hash_table_size (a);
      g_hash_table_iter_init (&it, a);
      while (g_hash_table_iter_next (&it, &key, &value))
        {
          double *got = g_hash_table_lookup (b, key);

          g_assert_nonnull (got);
          assert_money (*got, *(double *) value);
        }
    }
  g_assert_cmpuint (n_seen, >, 0);
}

/* All eleven baselines, set through the one-step helper, round-trip
 * through MS Project XML and .gantry with every field. */
static void
test_baselines_round_trip (void)
{
  Plan pl;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gantry-tracking-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "b.gantry", NULL);
  g_autoptr(GantryProject) from_xml = NULL;
  g_autoptr(GantryProject) from_store = NULL;
  gsize len;

  plan_init (&pl, GANTRY_ACCRUE_START);
  for (guint n = 0; n < GANTRY_N_BASELINES; n++)
    {
      /* each baseline different: A grows by a day before each one */
      gantry_task_set_duration (pl.a, (10 + n) * DAY_MS);
      schedule (pl.p);
      g_assert_true (gantry_project_set_baseline_for (pl.p, NULL, n));
    }
  xml = gantry_mspdi_save_to_data (pl.p, GANTRY_MSPDI_WRITE_DEFAULT, &len, &error);
  g_assert_no_error (error);
  from_xml = gantry_mspdi_load_data (xml, len, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gantry_store_save (pl.p, path, &error));
  from_store = gantry_store_load (path, &error);
  g_assert_no_error (error);
  for (guint n = 0; n < GANTRY_N_BASELINES; n++)
    {
      GantryProject *back[] = { from_xml, from_store };

      for (guint k = 0; k < G_N_ELEMENTS (back); k++)
        {
          GPtrArray *all = gantry_project_get_all_tasks (pl.p);

          for (guint i = 0; i < all->len; i++)
            {
              GantryTask *t = g_ptr_array_index (all, i);
              GantryTask *u = gantry_project_lookup_task (back[k], gantry_task_get_uid (t));
              const GantryBaseline *a = gantry_task_get_baseline (t, n);
              const GantryBaseline *b = gantry_task_get_baseline (u, n);

              g_assert_nonnull (a);
              g_assert_nonnull (b);
              assert_time (b->start, a->start);
              assert_time (b->finish, a->finish);
              g_assert_cmpint (b->duration, ==, a->duration);
              g_assert_cmpint (b->work, ==, a->work);
              assert_money (b->cost, a->cost);
              assert_money (b->fixed_cost, a->fixed_cost);
            }
        }
      g_assert_cmpint (gantry_task_get_baseline (pl.a, n)->duration, ==, (10 + n) * DAY_MS);
    }
  g_unlink (path);
  g_rmdir (dir);
  plan_clear (&pl);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tracking/baseline/set-clear-one-step", test_set_baseline_one_step);
  g_test_add_func ("/tracking/earned-value/hand", test_earned_value_hand);
  g_test_add_func ("/tracking/earned-value/accrual", test_earned_value_accrual);
  g_test_add_func ("/tracking/variance", test_variance);
  g_test_add_func ("/tracking/update-progress", test_update_progress);
  g_test_add_func ("/tracking/baseline/round-trip-11", test_baselines_round_trip);
  g_test_add_func ("/tracking/corpus/earned-value", test_corpus);
  g_test_add_func ("/tracking/corpus/round-trip", test_corpus_round_trip);
  return g_test_run ();
}
