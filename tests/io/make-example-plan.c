/* make-example-plan.c — writes data/examples/crm-rollout.xml: an IT project
 * rolling out a CRM system, built through the core API, scheduled by the
 * engine and written by Gantry's MSPDI writer.
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   make-example-plan OUT.xml
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "gantry-core.h"
#include "gantry-mspdi.h"
#include "gantry-scheduler.h"

#define DAY (8 * GANTRY_MS_HOUR)   /* 1 working day at 480 min/day */

static GantryProject *P;
static int next_uid = 1;

static GantryTask *
add (GantryTask *parent, const char *name, double days)
{
  GantryTask *t = gantry_task_new (next_uid++, name);

  gantry_task_set_duration (t, (GantryDuration) (days * DAY));
  gantry_task_set_duration_format (t, GANTRY_FORMAT_DAYS);
  if (days == 0)
    gantry_task_set_milestone (t, TRUE);
  g_assert_true (gantry_project_add_task (P, parent ? parent : gantry_project_get_root_task (P),
                                          -1, t));
  g_object_unref (t);
  return t;
}

static void
add_link (GantryTask *pred, GantryTask *succ, GantryLinkType type, double lag_days)
{
  g_autoptr(GantryLink) l = gantry_link_new (pred, succ, type, (gint64) (lag_days * DAY),
                                             GANTRY_FORMAT_DAYS);
  g_assert_true (gantry_project_add_link (P, l));
}

static GantryResource *
person (const char *name, const char *initials, const char *group, double rate, double max_units)
{
  GantryResource *r = gantry_resource_new (gantry_project_next_resource_uid (P), name);

  gantry_resource_set_resource_type (r, GANTRY_RESOURCE_WORK);
  gantry_resource_set_initials (r, initials);
  gantry_resource_set_group (r, group);
  gantry_resource_set_standard_rate (r, rate);
  gantry_resource_set_overtime_rate (r, rate * 1.5);
  gantry_resource_set_max_units (r, max_units);
  g_assert_true (gantry_project_add_resource (P, -1, r));
  g_object_unref (r);
  return r;
}

static void
assign (GantryTask *t, GantryResource *r, double units)
{
  GantryDuration work = 0;
  g_autoptr(GantryAssignment) a = NULL;

  if (gantry_resource_get_resource_type (r) == GANTRY_RESOURCE_WORK)
    work = (GantryDuration) (gantry_task_get_duration (t) * units);
  a = gantry_assignment_new (gantry_project_next_assignment_uid (P), t, r, units, work);
  g_assert_true (gantry_project_add_assignment (P, a));
}

static void
holiday (GantryCalendar *cal, const char *name, int y, int m, int d, int days)
{
  GantryCalendarException ex = { 0 };
  gint64 day = gantry_time_day_number (gantry_time_make (y, m, d, 0, 0, 0));

  ex.name = (char *) name;
  ex.from_day = day;
  ex.to_day = day + days - 1;
  ex.recurrence = GANTRY_RECUR_NONE;
  ex.period = 1;
  ex.day.kind = GANTRY_DAY_NONWORKING;
  gantry_calendar_add_exception (cal, &ex);
}

static void
save_baseline (void)
{
  GPtrArray *all = gantry_project_get_all_tasks (P);

  for (guint i = 0; i < all->len; i++)
    {
      GantryTask *t = g_ptr_array_index (all, i);
      GantryBaseline b = { 0 };

      b.set = TRUE;
      b.start = gantry_task_get_start (t);
      b.finish = gantry_task_get_finish (t);
      b.duration = gantry_task_get_duration (t);
      b.duration_format = gantry_task_get_duration_format (t);
      b.work = gantry_task_get_work (t);
      b.cost = gantry_task_get_cost (t);
      gantry_task_set_baseline (t, 0, &b);
    }
}

static void
done (GantryTask *t, int percent)
{
  gantry_task_set_actual_start (t, gantry_task_get_start (t));
  gantry_task_set_percent_complete (t, percent);
  gantry_task_set_percent_work_complete (t, percent);
  gantry_task_set_actual_duration (t, gantry_task_get_duration (t) * percent / 100);
  gantry_task_set_remaining_duration (t, gantry_task_get_duration (t) - gantry_task_get_actual_duration (t));
  if (percent == 100)
    gantry_task_set_actual_finish (t, gantry_task_get_finish (t));
  for (guint i = 0; i < gantry_task_get_assignments (t)->len; i++)
    {
      GantryAssignment *a = g_ptr_array_index (gantry_task_get_assignments (t), i);

      gantry_assignment_set_actual_work (a, gantry_assignment_get_work (a) * percent / 100);
      gantry_assignment_set_percent_work_complete (a, percent);
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GantryCalendar *cal;
  GantryResource *pm, *ba, *dev1, *dev2, *data, *trainer, *ops, *licences, *travel;
  GantryTask *init, *kickoff, *workshops, *signoff;
  GantryTask *design, *solution, *migration_design, *design_ok;
  GantryTask *build, *configure, *integrations, *scripts, *build_done;
  GantryTask *test, *system_test, *uat, *go_no_go;
  GantryTask *deploy, *training, *migrate, *golive, *hypercare, *decommission;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s OUT.xml\n", argv[0]);
      return 2;
    }

  P = gantry_project_new ();
  g_object_set (P,
                "name", "crm-rollout.xml",
                "title", "CRM rollout",
                "subject", "Replace the legacy contact database with a hosted CRM",
                "company", "Northwind Traders",
                "manager", "Dana Whitfield",
                "author", "Dana Whitfield",
                "notes", "Roll out the new CRM to sales and support: requirements, design, "
                         "configuration, integrations, data migration, testing, training and "
                         "go-live, with two weeks of hypercare.",
                "start", gantry_time_make (2026, 3, 2, 8, 0, 0),
                "status-date", gantry_time_make (2026, 4, 10, 17, 0, 0),
                "currency-symbol", "€",
                "currency-code", "EUR",
                "currency-symbol-position", 3,
                NULL);

  /* The company calendar: Standard hours, public holidays, and the
   * Christmas closure every year. */
  cal = gantry_calendar_new_standard (1, "Northwind Standard");
  gantry_calendar_set_is_base_calendar (cal, TRUE);
  holiday (cal, "Good Friday", 2026, 4, 3, 1);
  holiday (cal, "Easter Monday", 2026, 4, 6, 1);
  holiday (cal, "Labour Day", 2026, 5, 1, 1);
  holiday (cal, "Ascension Day", 2026, 5, 14, 1);
  holiday (cal, "Whit Monday", 2026, 5, 25, 1);
  {
    GantryCalendarException xmas = { 0 };

    xmas.name = (char *) "Christmas Day";
    xmas.from_day = gantry_time_day_number (gantry_time_make (2026, 12, 25, 0, 0, 0));
    xmas.to_day = gantry_time_day_number (gantry_time_make (2030, 12, 25, 0, 0, 0));
    xmas.recurrence = GANTRY_RECUR_YEARLY_BY_DAY;
    xmas.period = 1;
    xmas.occurrences = 5;
    xmas.month = 11;
    xmas.month_day = 25;
    xmas.day.kind = GANTRY_DAY_NONWORKING;
    gantry_calendar_add_exception (cal, &xmas);
  }
  g_assert_true (gantry_project_add_calendar (P, cal));
  gantry_project_set_calendar (P, cal);
  g_object_unref (cal);

  pm = person ("Dana Whitfield", "DW", "PMO", 95, 0.5);
  ba = person ("Priya Raman", "PR", "Business analysis", 80, 1);
  dev1 = person ("Tomás Ortega", "TO", "CRM team", 85, 1);
  dev2 = person ("Mei Lin", "ML", "CRM team", 85, 1);
  data = person ("Jonas Berg", "JB", "Data", 90, 1);
  trainer = person ("Aisha Bello", "AB", "Enablement", 60, 1);
  ops = person ("IT Operations", "OPS", "IT", 70, 2);

  licences = gantry_resource_new (gantry_project_next_resource_uid (P), "CRM licences");
  gantry_resource_set_resource_type (licences, GANTRY_RESOURCE_MATERIAL);
  gantry_resource_set_material_label (licences, "seat");
  gantry_resource_set_standard_rate (licences, 45);
  gantry_project_add_resource (P, -1, licences);
  g_object_unref (licences);
  travel = gantry_resource_new (gantry_project_next_resource_uid (P), "Travel");
  gantry_resource_set_resource_type (travel, GANTRY_RESOURCE_COST);
  gantry_project_add_resource (P, -1, travel);
  g_object_unref (travel);

  init = add (NULL, "Initiation", 0);
  gantry_task_set_milestone (init, FALSE);
  kickoff = add (init, "Kick-off meeting", 1);
  workshops = add (init, "Requirements workshops", 5);
  signoff = add (init, "Requirements signed off", 0);

  design = add (NULL, "Design", 0);
  gantry_task_set_milestone (design, FALSE);
  solution = add (design, "Solution design", 10);
  migration_design = add (design, "Data migration design", 5);
  design_ok = add (design, "Design approved", 0);

  build = add (NULL, "Build", 0);
  gantry_task_set_milestone (build, FALSE);
  configure = add (build, "Configure CRM (sales and support)", 15);
  integrations = add (build, "Integrations: ERP, e-mail, telephony", 12);
  scripts = add (build, "Data migration scripts", 10);
  build_done = add (build, "Build complete", 0);

  test = add (NULL, "Test", 0);
  gantry_task_set_milestone (test, FALSE);
  system_test = add (test, "System and integration test", 10);
  uat = add (test, "User acceptance test", 8);
  go_no_go = add (test, "Go / no-go decision", 0);
  gantry_task_set_deadline (go_no_go, gantry_time_make (2026, 7, 24, 17, 0, 0));

  deploy = add (NULL, "Deploy and train", 0);
  gantry_task_set_milestone (deploy, FALSE);
  training = add (deploy, "Train sales and support users", 5);
  migrate = add (deploy, "Migrate production data", 2);
  golive = add (deploy, "Go-live", 0);
  gantry_task_set_fixed_cost (golive, 5000);
  hypercare = add (deploy, "Hypercare", 10);
  gantry_task_set_duration (hypercare, 14 * GANTRY_MS_DAY);
  gantry_task_set_duration_format (hypercare, GANTRY_FORMAT_ELAPSED_DAYS);
  decommission = add (deploy, "Decommission legacy database", 2);
  gantry_task_set_constraint_type (decommission, GANTRY_CONSTRAINT_SNET);
  gantry_task_set_constraint_date (decommission, gantry_time_make (2026, 6, 15, 8, 0, 0));

  /* Every link type, with lags and a lead. */
  add_link (kickoff, workshops, GANTRY_LINK_FS, 0);
  add_link (workshops, signoff, GANTRY_LINK_FS, 0);
  add_link (signoff, solution, GANTRY_LINK_FS, 0);
  add_link (solution, migration_design, GANTRY_LINK_SS, 3);       /* SS + 3d */
  add_link (solution, design_ok, GANTRY_LINK_FS, 0);
  add_link (migration_design, design_ok, GANTRY_LINK_FS, 0);
  add_link (design_ok, configure, GANTRY_LINK_FS, 0);
  add_link (configure, integrations, GANTRY_LINK_SS, 5);
  add_link (integrations, scripts, GANTRY_LINK_FF, 2);            /* FF + 2d */
  add_link (configure, build_done, GANTRY_LINK_FS, 0);
  add_link (integrations, build_done, GANTRY_LINK_FS, 0);
  add_link (scripts, build_done, GANTRY_LINK_FS, 0);
  add_link (build_done, system_test, GANTRY_LINK_FS, 0);
  add_link (system_test, uat, GANTRY_LINK_FS, -2);                /* 2-day lead */
  add_link (uat, go_no_go, GANTRY_LINK_FS, 0);
  add_link (uat, training, GANTRY_LINK_FS, -3);
  add_link (go_no_go, migrate, GANTRY_LINK_FS, 0);
  add_link (migrate, golive, GANTRY_LINK_FS, 0);
  add_link (golive, hypercare, GANTRY_LINK_FS, 0);
  add_link (golive, decommission, GANTRY_LINK_SF, 0);             /* SF: legacy runs until go-live */

  assign (kickoff, pm, 0.5);
  assign (kickoff, ba, 1);
  assign (kickoff, travel, 1);
  assign (workshops, ba, 1);
  assign (workshops, pm, 0.5);
  assign (solution, dev1, 1);
  assign (solution, ba, 0.5);
  assign (migration_design, data, 1);
  assign (configure, dev1, 1);
  assign (configure, licences, 120);
  assign (integrations, dev2, 1);
  assign (scripts, data, 1);
  assign (system_test, dev1, 0.5);
  assign (system_test, dev2, 0.5);
  assign (system_test, ops, 1);
  assign (uat, ba, 1);
  assign (training, trainer, 1);
  assign (migrate, data, 1);
  assign (migrate, ops, 1);
  assign (hypercare, dev1, 0.5);
  assign (decommission, ops, 1);

  gantry_project_renumber (P);
  problems = gantry_schedule_project (P);
  for (guint i = 0; problems && i < problems->len; i++)
    fprintf (stderr, "scheduling problem %u\n", i);

  /* The approved plan, then progress up to the status date. */
  save_baseline ();
  done (kickoff, 100);
  done (workshops, 100);
  done (signoff, 100);
  done (solution, 60);
  done (migration_design, 40);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = gantry_schedule_project (P);

  gantry_project_clear_history (P);
  if (!gantry_mspdi_save (P, argv[1], GANTRY_MSPDI_WRITE_DEFAULT, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  g_object_unref (P);
  return 0;
}
