/* gantry-test-helper.c — shared helpers for the test programs
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "gantry-test-helper.h"

/* ======================================================================
 * The full plan
 * ==================================================================== */

#define T(y, mo, d, h, mi) gantry_time_make (y, mo, d, h, mi, 0)
#define DAY(y, mo, d) gantry_time_day_number (gantry_time_make (y, mo, d, 0, 0, 0))
#define H(n) ((gint64) (n) * GANTRY_MS_HOUR)

static void
add_extras (GantryExtras *extras, const char *name, const char *value)
{
  g_autofree char *xml = g_strdup_printf ("<%s>%s</%s>", name, value, name);
  g_autofree char *vendor = g_strdup_printf ("<x:Vendor%s xmlns:x=\"urn:x\">ü</x:Vendor%s>",
                                             name, name);
  g_autofree char *vendor_name = g_strdup_printf ("Vendor%s", name);

  gantry_extras_append (extras, name, xml, TRUE);
  gantry_extras_append (extras, vendor_name, vendor, FALSE);
}

static GantryDayDef
working_day (int n, ...)
{
  GantryDayDef def = { GANTRY_DAY_WORKING, 0, { { 0, 0 } } };
  va_list args;

  va_start (args, n);
  for (int i = 0; i < n; i++)
    {
      def.ranges[i].from = va_arg (args, int);
      def.ranges[i].to = va_arg (args, int);
    }
  va_end (args);
  def.n_ranges = n;
  return def;
}

static void
add_exception (GantryCalendar *cal, const char *name, gint64 from, gint64 to,
               GantryRecurrence recurrence, int period, int occurrences,
               int days_of_week, int month_item, int month_position, int month, int month_day,
               const GantryDayDef *day)
{
  GantryCalendarException ex = { 0 };
  GantryDayDef nonworking = { GANTRY_DAY_NONWORKING, 0, { { 0, 0 } } };

  ex.name = (char *) name;
  ex.from_day = from;
  ex.to_day = to;
  ex.recurrence = recurrence;
  ex.period = period;
  ex.occurrences = occurrences;
  ex.entered_by_occurrences = occurrences > 0;
  ex.days_of_week = days_of_week;
  ex.month_item = month_item;
  ex.month_position = month_position;
  ex.month = month;
  ex.month_day = month_day;
  ex.day = day ? *day : nonworking;
  gantry_calendar_add_exception (cal, &ex);
}

static GantryTask *
add_task (GantryProject *p, GantryTask *parent, int uid, const char *name)
{
  g_autoptr(GantryTask) t = gantry_task_new (uid, name);

  gantry_task_set_duration (t, 8 * GANTRY_MS_HOUR);
  gantry_task_set_duration_format (t, GANTRY_FORMAT_DAYS);
  g_assert_true (gantry_project_add_task (p, parent, -1, t));
  add_extras (gantry_task_get_extras (t), "Hyperlink", name ? name : "");
  return t;
}

static void
set_dates (GantryTask *t, GantryTime start, GantryTime finish)
{
  gantry_task_set_start (t, start);
  gantry_task_set_finish (t, finish);
}

static GantryLink *
add_link (GantryProject *p, GantryTask *pred, GantryTask *succ, GantryLinkType type,
          gint64 lag, GantryDurationFormat fmt)
{
  g_autoptr(GantryLink) link = gantry_link_new (pred, succ, type, lag, fmt);

  g_assert_true (gantry_project_add_link (p, link));
  add_extras (gantry_link_get_extras (link), "CrossProject", "0");
  return link;
}

static GantryAssignment *
add_assignment (GantryProject *p, int uid, GantryTask *t, GantryResource *r,
                double units, gint64 work, gint64 delay)
{
  g_autoptr(GantryAssignment) a = gantry_assignment_new (uid, t, r, units, work);

  gantry_assignment_set_delay (a, delay);
  g_assert_true (gantry_project_add_assignment (p, a));
  add_extras (gantry_assignment_get_extras (a), "Hyperlink", "assignment");
  return a;
}

GantryProject *
gantry_test_build_full_plan (void)
{
  GantryProject *p = gantry_project_new ();
  g_autoptr(GantryCalendar) standard = gantry_calendar_new_standard (1, "Standard");
  g_autoptr(GantryCalendar) night = gantry_calendar_new (2, "Night shift");
  g_autoptr(GantryCalendar) alice_cal = gantry_calendar_new (3, "Alice Ång");
  g_autoptr(GantryCalendar) baseline_cal = gantry_calendar_new_standard (4, "Baseline “2025”");
  g_autoptr(GantryResource) alice = gantry_resource_new (1, "Alice Ång");
  g_autoptr(GantryResource) bob = gantry_resource_new (2, "Bob");
  g_autoptr(GantryResource) concrete = gantry_resource_new (3, "Concrete");
  g_autoptr(GantryResource) travel = gantry_resource_new (4, "Travel");
  GantryDayDef def, off = { GANTRY_DAY_NONWORKING, 0, { { 0, 0 } } };
  GantryWorkWeek ww = { 0 };
  GantryBaseline b0 = { 0 }, b5 = { 0 };
  GantryTask *phase1, *req, *arch, *sketch, *review, *signoff;
  GantryTask *phase2, *backend, *frontend, *integration, *launch, *blank, *docs;

  /* ---- project ---- */
  g_object_set (p,
                "name", "Full plan",
                "title", "Every feature — ünïcødé ✓",
                "manager", "Zoë Ødegård",
                "company", "Gantry Ltd",
                "author", "Tester",
                "subject", "Tests",
                "notes", "Project notes\nsecond line ☃",
                "narrative", "On track. Risks: “supplier” delay ↯",
                "start", T (2026, 1, 5, 8, 0),
                "finish", T (2026, 6, 30, 17, 0),
                "status-date", T (2026, 2, 13, 17, 0),
                "current-date", T (2026, 2, 16, 8, 0),
                "schedule-from-start", TRUE,
                "default-start-time", 8 * 60,
                "default-finish-time", 17 * 60,
                "currency-symbol", "€",
                "currency-code", "EUR",
                "currency-digits", 2,
                "currency-symbol-position", 3,
                "critical-slack-limit", 1,
                "multiple-critical-paths", TRUE,
                "honor-constraints", FALSE,
                "default-task-type", GANTRY_TASK_FIXED_DURATION,
                "new-tasks-effort-driven", TRUE,
                "new-tasks-manual", FALSE,
                "duration-format", GANTRY_FORMAT_DAYS + GANTRY_FORMAT_ESTIMATED_OFFSET,
                "work-format", 2,
                "week-start-day", 0,
                NULL);
  gantry_extras_append (gantry_project_get_extras (p), "ExtendedAttributes",
                        "<ExtendedAttributes><ExtendedAttribute><FieldID>188743731</FieldID>"
                        "<FieldName>Text1</FieldName><Alias>Risk</Alias></ExtendedAttribute>"
                        "</ExtendedAttributes>", TRUE);
  gantry_extras_append (gantry_project_get_extras (p), "SaveVersion", "<SaveVersion>14</SaveVersion>",
                        TRUE);
  gantry_extras_append (gantry_project_get_extras (p), "GanttViewState",
                        "<x:GanttViewState xmlns:x=\"urn:x\"/>", FALSE);
  gantry_project_set_setting (p, "view.zoom", "3");
  gantry_project_set_setting (p, "ui.columns", "name,duration,start");
  gantry_project_set_setting (p, "empty", "");

  /* ---- calendars ---- */
  add_exception (standard, "New Year", DAY (2026, 1, 1), DAY (2026, 1, 1), GANTRY_RECUR_NONE,
                 1, 0, 0, 0, 0, 0, 0, NULL);
  add_extras (gantry_calendar_get_extras (standard), "GUID", "0000-1111");
  g_assert_true (gantry_project_add_calendar (p, standard));
  gantry_project_set_calendar (p, standard);

  for (int wd = 0; wd < 7; wd++)
    {
      def = (wd == 0 || wd == 6) ? off : working_day (2, 0, 6 * 60, 22 * 60, 1440);
      gantry_calendar_set_weekday (night, wd, &def);
    }
  add_extras (gantry_calendar_get_extras (night), "GUID", "2222");
  g_assert_true (gantry_project_add_calendar (p, night));

  /* Alice: derived from Standard; Fridays mornings only, exceptions of
   * every recurrence type, a summer work week. */
  gantry_calendar_set_is_base_calendar (alice_cal, FALSE);
  g_assert_true (gantry_calendar_set_base (alice_cal, standard));
  def = working_day (1, 8 * 60, 12 * 60);
  gantry_calendar_set_weekday (alice_cal, 5, &def);
  add_exception (alice_cal, "Holiday", DAY (2026, 2, 2), DAY (2026, 2, 6), GANTRY_RECUR_NONE,
                 1, 0, 0, 0, 0, 0, 0, NULL);
  add_exception (alice_cal, "Every other day", DAY (2026, 3, 2), DAY (2026, 3, 6),
                 GANTRY_RECUR_DAILY, 2, 3, 0, 0, 0, 0, 0, NULL);
  add_exception (alice_cal, "Gym", DAY (2026, 4, 6), DAY (2026, 5, 29), GANTRY_RECUR_WEEKLY,
                 1, 0, (1 << 1) | (1 << 3), 0, 0, 0, 0, NULL);
  add_exception (alice_cal, "Payday", DAY (2026, 1, 15), DAY (2026, 12, 15),
                 GANTRY_RECUR_MONTHLY_BY_DAY, 1, 0, 0, 0, 0, 0, 15, NULL);
  add_exception (alice_cal, "First Monday", DAY (2026, 1, 5), DAY (2026, 12, 7),
                 GANTRY_RECUR_MONTHLY_BY_POS, 1, 0, 0, 3 + 1, 0, 0, 0, NULL);
  add_exception (alice_cal, "Independence", DAY (2026, 7, 4), DAY (2030, 7, 4),
                 GANTRY_RECUR_YEARLY_BY_DAY, 1, 5, 0, 0, 0, 6, 4, NULL);
  add_exception (alice_cal, "Thanksgiving", DAY (2026, 11, 26), DAY (2028, 11, 23),
                 GANTRY_RECUR_YEARLY_BY_POS, 1, 3, 0, 3 + 4, 3, 10, 0, NULL);
  add_exception (alice_cal, "Every 10 days", DAY (2026, 9, 1), DAY (2026, 9, 30),
                 GANTRY_RECUR_BY_DAY_COUNT, 10, 0, 0, 0, 0, 0, 0, NULL);
  add_exception (alice_cal, "Every 5 weekdays", DAY (2026, 10, 1), DAY (2026, 10, 31),
                 GANTRY_RECUR_BY_WEEKDAY_COUNT, 5, 0, 0, 0, 0, 0, 0, NULL);
  def = working_day (1, 9 * 60, 13 * 60);
  add_exception (alice_cal, "Saturday shift", DAY (2026, 3, 7), DAY (2026, 3, 7),
                 GANTRY_RECUR_NONE, 1, 0, 0, 0, 0, 0, 0, &def);
  ww.name = (char *) "Summer hours";
  ww.from_day = DAY (2026, 6, 1);
  ww.to_day = DAY (2026, 8, 31);
  for (int wd = 1; wd <= 4; wd++)
    ww.days[wd] = working_day (1, 7 * 60, 15 * 60);
  ww.days[5] = off;
  gantry_calendar_add_work_week (alice_cal, &ww);
  add_extras (gantry_calendar_get_extras (alice_cal), "GUID", "3333");
  g_assert_true (gantry_project_add_calendar (p, alice_cal));

  gantry_calendar_set_is_baseline_calendar (baseline_cal, TRUE);
  g_assert_true (gantry_project_add_calendar (p, baseline_cal));

  /* ---- resources ---- */
  g_object_set (alice,
                "initials", "AÅ", "group", "Development", "email", "alice@example.org",
                "notes", "Prefers mornings ☀", "max-units", 1.0, "standard-rate", 50.0,
                "overtime-rate", 75.0, "cost-per-use", 10.0, "accrue-at", GANTRY_ACCRUE_START,
                "calendar", alice_cal, NULL);
  g_object_set (bob,
                "initials", "B", "group", "Development", "max-units", 0.5,
                "standard-rate", 40.0, "overtime-rate", 60.0, "generic", TRUE,
                "calendar", standard, NULL);
  g_object_set (concrete,
                "resource-type", GANTRY_RESOURCE_MATERIAL, "material-label", "t",
                "standard-rate", 120.0, "accrue-at", GANTRY_ACCRUE_END, NULL);
  g_object_set (travel,
                "resource-type", GANTRY_RESOURCE_COST, "accrue-at", GANTRY_ACCRUE_PRORATED,
                "inactive", TRUE, NULL);
  add_extras (gantry_resource_get_extras (alice), "Hyperlink", "https://example.org/alice");
  add_extras (gantry_resource_get_extras (bob), "Phonetics", "bɒb");
  add_extras (gantry_resource_get_extras (concrete), "Code", "C-30");
  add_extras (gantry_resource_get_extras (travel), "Code", "TRV");
  g_assert_true (gantry_project_add_resource (p, -1, alice));
  g_assert_true (gantry_project_add_resource (p, -1, bob));
  g_assert_true (gantry_project_add_resource (p, -1, concrete));
  g_assert_true (gantry_project_add_resource (p, -1, travel));

  /* ---- tasks: three outline levels ---- */
  phase1 = add_task (p, NULL, 1, "Phase 1 — Design");
  req = add_task (p, phase1, 2, "Requirements");
  arch = add_task (p, phase1, 3, "Architecture");
  sketch = add_task (p, arch, 4, "Sketch");
  review = add_task (p, arch, 5, "Review ✓");
  signoff = add_task (p, phase1, 6, "Spec sign-off");
  phase2 = add_task (p, NULL, 7, "Phase 2 — Build");
  backend = add_task (p, phase2, 8, "Backend");
  frontend = add_task (p, phase2, 9, "Frontend");
  integration = add_task (p, phase2, 10, "Integration");
  launch = add_task (p, NULL, 11, "Launch 🚀");
  blank = add_task (p, NULL, 12, NULL);
  docs = add_task (p, NULL, 13, "Docs");

  set_dates (phase1, T (2026, 1, 5, 8, 0), T (2026, 1, 16, 17, 0));
  set_dates (phase2, T (2026, 1, 19, 8, 0), T (2026, 3, 13, 17, 0));

  /* Requirements: done, with actuals, SNET, deadline, notes. */
  g_object_set (req,
                "duration", 3 * 8 * GANTRY_MS_HOUR, "duration-format", GANTRY_FORMAT_DAYS,
                "constraint-type", GANTRY_CONSTRAINT_SNET,
                "constraint-date", T (2026, 1, 5, 8, 0),
                "deadline", T (2026, 1, 9, 17, 0), "priority", 700,
                "notes", "Gather requirements — «interviews», naïve café, 日本語",
                "percent-complete", 100, "percent-work-complete", 100,
                "actual-start", T (2026, 1, 5, 8, 0), "actual-finish", T (2026, 1, 7, 17, 0),
                "actual-duration", 3 * 8 * GANTRY_MS_HOUR, "remaining-duration", (gint64) 0,
                "wbs", "1.1", NULL);
  set_dates (req, T (2026, 1, 5, 8, 0), T (2026, 1, 7, 17, 0));

  /* Sketch: estimated, effort-driven fixed work, ALAP. */
  g_object_set (sketch,
                "duration", 2 * 8 * GANTRY_MS_HOUR,
                "duration-format", GANTRY_FORMAT_DAYS + GANTRY_FORMAT_ESTIMATED_OFFSET,
                "task-type", GANTRY_TASK_FIXED_WORK, "effort-driven", TRUE,
                "constraint-type", GANTRY_CONSTRAINT_ALAP, "work", H (16), NULL);
  set_dates (sketch, T (2026, 1, 8, 8, 0), T (2026, 1, 9, 17, 0));

  /* Review: a milestone with MSO. */
  g_object_set (review,
                "duration", (gint64) 0, "milestone", TRUE,
                "constraint-type", GANTRY_CONSTRAINT_MSO,
                "constraint-date", T (2026, 1, 12, 8, 0), NULL);
  set_dates (review, T (2026, 1, 12, 8, 0), T (2026, 1, 12, 8, 0));

  /* Sign-off: elapsed duration, FNET. */
  g_object_set (signoff,
                "duration", 2 * GANTRY_MS_DAY, "duration-format", GANTRY_FORMAT_ELAPSED_DAYS,
                "constraint-type", GANTRY_CONSTRAINT_FNET,
                "constraint-date", T (2026, 1, 14, 17, 0), NULL);
  set_dates (signoff, T (2026, 1, 13, 8, 0), T (2026, 1, 15, 8, 0));

  /* Backend: fixed units, MFO, task calendar, progress, fixed cost,
   * leveling delay. */
  g_object_set (backend,
                "duration", 2 * 40 * GANTRY_MS_HOUR, "duration-format", GANTRY_FORMAT_WEEKS,
                "task-type", GANTRY_TASK_FIXED_UNITS,
                "constraint-type", GANTRY_CONSTRAINT_MFO,
                "constraint-date", T (2026, 1, 30, 17, 0),
                "calendar", night, "ignore-resource-calendar", TRUE,
                "percent-complete", 40, "percent-work-complete", 35,
                "actual-start", T (2026, 1, 19, 8, 0),
                "actual-duration", 32 * GANTRY_MS_HOUR,
                "remaining-duration", 48 * GANTRY_MS_HOUR,
                "fixed-cost", 1000.5, "fixed-cost-accrual", GANTRY_ACCRUE_START,
                "leveling-delay", GANTRY_MS_DAY,
                "leveling-delay-format", GANTRY_FORMAT_ELAPSED_DAYS,
                "work", H (60), NULL);
  set_dates (backend, T (2026, 1, 19, 8, 0), T (2026, 1, 30, 17, 0));

  /* Frontend: fixed duration, manual, months, SNLT, hidden bar. */
  g_object_set (frontend,
                "duration", 20 * 8 * GANTRY_MS_HOUR, "duration-format", GANTRY_FORMAT_MONTHS,
                "task-type", GANTRY_TASK_FIXED_DURATION, "manual", TRUE,
                "constraint-type", GANTRY_CONSTRAINT_SNLT,
                "constraint-date", T (2026, 2, 2, 8, 0), "hide-bar", TRUE, NULL);
  set_dates (frontend, T (2026, 2, 2, 8, 0), T (2026, 2, 27, 17, 0));

  /* Integration: hours, FNLT, inactive, rollup. */
  g_object_set (integration,
                "duration", H (30), "duration-format", GANTRY_FORMAT_HOURS,
                "constraint-type", GANTRY_CONSTRAINT_FNLT,
                "constraint-date", T (2026, 3, 13, 17, 0),
                "active", FALSE, "rollup", TRUE, NULL);
  set_dates (integration, T (2026, 3, 9, 8, 0), T (2026, 3, 12, 15, 0));

  /* Launch: milestone, ASAP, own WBS code, deadline. */
  g_object_set (launch,
                "duration", (gint64) 0, "milestone", TRUE, "wbs", "L-1",
                "deadline", T (2026, 3, 20, 17, 0), NULL);
  set_dates (launch, T (2026, 3, 13, 17, 0), T (2026, 3, 13, 17, 0));

  /* A blank MSPDI row. */
  g_object_set (blank, "is-null", TRUE, NULL);

  /* Docs: elapsed minutes, estimated. */
  g_object_set (docs,
                "duration", 90 * GANTRY_MS_MINUTE,
                "duration-format", GANTRY_FORMAT_ELAPSED_MINUTES + GANTRY_FORMAT_ESTIMATED_OFFSET,
                "percent-complete", 50, "actual-start", T (2026, 1, 5, 8, 0), NULL);
  set_dates (docs, T (2026, 1, 5, 8, 0), T (2026, 1, 5, 9, 30));

  /* ---- baselines 0 and 5 ---- */
  b0.start = T (2026, 1, 5, 8, 0);
  b0.finish = T (2026, 1, 7, 17, 0);
  b0.duration = 3 * 8 * GANTRY_MS_HOUR;
  b0.duration_format = GANTRY_FORMAT_DAYS;
  b0.work = H (24);
  b0.cost = 1234.56;
  b0.bcws = 100.25;
  b0.bcwp = 90.5;
  b0.fixed_cost = 12.5;
  gantry_task_set_baseline (req, 0, &b0);
  gantry_task_set_baseline (backend, 0, &b0);
  b5 = b0;
  b5.interim = TRUE;
  b5.estimated = TRUE;
  b5.duration_format = GANTRY_FORMAT_DAYS + GANTRY_FORMAT_ESTIMATED_OFFSET;
  b5.start = T (2026, 1, 6, 8, 0);
  gantry_task_set_baseline (req, 5, &b5);
  gantry_task_set_baseline (launch, 5, &b5);

  /* ---- links: all four types, working/elapsed/percent/negative lags ---- */
  add_link (p, req, sketch, GANTRY_LINK_FS, 8 * GANTRY_MS_HOUR, GANTRY_FORMAT_DAYS);
  add_link (p, sketch, review, GANTRY_LINK_SS, 4 * GANTRY_MS_HOUR, GANTRY_FORMAT_ELAPSED_HOURS);
  add_link (p, review, signoff, GANTRY_LINK_FF, -8 * GANTRY_MS_HOUR, GANTRY_FORMAT_DAYS);
  add_link (p, signoff, backend, GANTRY_LINK_SF, -50000, GANTRY_FORMAT_ELAPSED_PERCENT);
  add_link (p, backend, frontend, GANTRY_LINK_SS, 25000, GANTRY_FORMAT_PERCENT);
  add_link (p, frontend, integration, GANTRY_LINK_FS, 14 * GANTRY_MS_DAY,
            GANTRY_FORMAT_ELAPSED_WEEKS);
  add_link (p, integration, launch, GANTRY_LINK_FF, 0, GANTRY_FORMAT_DAYS);
  add_link (p, arch, backend, GANTRY_LINK_FS, 40 * GANTRY_MS_HOUR,
            GANTRY_FORMAT_WEEKS + GANTRY_FORMAT_ESTIMATED_OFFSET);

  /* ---- assignments ---- */
  add_assignment (p, 1, sketch, alice, 1.0, H (16), H (1));
  {
    GantryAssignment *a = add_assignment (p, 2, backend, bob, 0.5, H (40), 0);

    g_object_set (a, "actual-work", H (16), "overtime-work", H (2),
                  "percent-work-complete", 40, "work-contour", 3, "cost-rate-table", 1, NULL);
  }
  add_assignment (p, 3, integration, concrete, 5.0, 0, 0);
  add_assignment (p, 4, frontend, travel, 0.0, 0, 0);
  add_assignment (p, 5, backend, alice, 0.25, H (20), 30 * GANTRY_MS_MINUTE);

  /* The root task carries the project summary's notes in MSPDI. */
  gantry_task_set_name (gantry_project_get_root_task (p), "Full plan");

  gantry_project_renumber (p);
  gantry_project_clear_history (p);
  return p;
}

/* ======================================================================
 * Deep equality
 * ==================================================================== */

static void G_GNUC_PRINTF (1, 2)
fail (const char *format, ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, msg);
}

static const char *
nn (const char *s)
{
  return s ? s : "";
}

static char *
describe (GObject *object)
{
  if (object == NULL)
    return g_strdup ("(null)");
  if (GANTRY_IS_TASK (object))
    return g_strdup_printf ("task UID %d “%s”", gantry_task_get_uid (GANTRY_TASK (object)),
                            nn (gantry_task_get_name (GANTRY_TASK (object))));
  if (GANTRY_IS_RESOURCE (object))
    return g_strdup_printf ("resource UID %d “%s”",
                            gantry_resource_get_uid (GANTRY_RESOURCE (object)),
                            nn (gantry_resource_get_name (GANTRY_RESOURCE (object))));
  if (GANTRY_IS_CALENDAR (object))
    return g_strdup_printf ("calendar UID %d “%s”",
                            gantry_calendar_get_uid (GANTRY_CALENDAR (object)),
                            nn (gantry_calendar_get_name (GANTRY_CALENDAR (object))));
  if (GANTRY_IS_ASSIGNMENT (object))
    return g_strdup_printf ("assignment UID %d",
                            gantry_assignment_get_uid (GANTRY_ASSIGNMENT (object)));
  if (GANTRY_IS_LINK (object))
    return g_strdup_printf ("link %d→%d",
                            gantry_task_get_uid (gantry_link_get_predecessor (GANTRY_LINK (object))),
                            gantry_task_get_uid (gantry_link_get_successor (GANTRY_LINK (object))));
  if (GANTRY_IS_PROJECT (object))
    return g_strdup ("project");
  return g_strdup (G_OBJECT_TYPE_NAME (object));
}

static gboolean
referenced_equal (GObject *a, GObject *b)
{
  GParamSpec *uid;
  int ua, ub;

  if (a == NULL || b == NULL)
    return a == b;
  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  uid = g_object_class_find_property (G_OBJECT_GET_CLASS (a), "uid");
  if (uid == NULL)
    return TRUE;
  g_object_get (a, "uid", &ua, NULL);
  g_object_get (b, "uid", &ub, NULL);
  return ua == ub;
}

static gboolean
values_equal (GParamSpec *pspec, const GValue *a, const GValue *b)
{
  if (G_VALUE_HOLDS_OBJECT (a))
    return referenced_equal (g_value_get_object (a), g_value_get_object (b));
  if (G_VALUE_HOLDS_DOUBLE (a))
    {
      double x = g_value_get_double (a), y = g_value_get_double (b);
      return x == y || fabs (x - y) <= 1e-9 * MAX (1.0, MAX (fabs (x), fabs (y)));
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

static char *
value_to_string (const GValue *v)
{
  if (G_VALUE_HOLDS_OBJECT (v))
    return describe (g_value_get_object (v));
  return g_strdup_value_contents (v);
}

static void
compare_properties (GObject *a, GObject *b)
{
  g_autofree GParamSpec **specs = NULL;
  guint n;

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    {
      g_autofree char *da = describe (a);
      g_autofree char *db = describe (b);
      fail ("%s and %s are of different types", da, db);
      return;
    }

  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = specs[i];
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if (!(pspec->flags & G_PARAM_READABLE))
        continue;
      if (GANTRY_IS_PROJECT (a)
          && (g_str_equal (pspec->name, "modified") || g_str_equal (pspec->name, "can-undo")
              || g_str_equal (pspec->name, "can-redo")))
        continue;

      g_value_init (&va, pspec->value_type);
      g_value_init (&vb, pspec->value_type);
      g_object_get_property (a, pspec->name, &va);
      g_object_get_property (b, pspec->name, &vb);
      if (!values_equal (pspec, &va, &vb))
        {
          g_autofree char *what = describe (a);
          g_autofree char *sa = value_to_string (&va);
          g_autofree char *sb = value_to_string (&vb);

          fail ("%s: property “%s” differs: %s vs %s", what, pspec->name, sa, sb);
        }
    }
}

static void
compare_extras (GObject *owner, GantryExtras *a, GantryExtras *b)
{
  g_autofree char *what = NULL;

  if (gantry_extras_equal (a, b))
    return;
  what = describe (owner);
  if (gantry_extras_get_n (a) != gantry_extras_get_n (b))
    {
      fail ("%s: %u extras vs %u", what, gantry_extras_get_n (a), gantry_extras_get_n (b));
      return;
    }
  for (guint i = 0; i < gantry_extras_get_n (a); i++)
    {
      const GantryExtra *ea = gantry_extras_get (a, i);
      const GantryExtra *eb = gantry_extras_get (b, i);

      if (g_strcmp0 (ea->name, eb->name) != 0 || g_strcmp0 (ea->xml, eb->xml) != 0
          || ea->in_schema != eb->in_schema)
        fail ("%s: extra #%u differs: %s %s (%d) vs %s %s (%d)", what, i, ea->name, ea->xml,
              ea->in_schema, eb->name, eb->xml, eb->in_schema);
    }
}

static void
append_day (GString *s, const GantryDayDef *d)
{
  static const char *kinds[] = { "default", "nonworking", "working" };

  g_string_append (s, kinds[CLAMP ((int) d->kind, 0, 2)]);
  for (int i = 0; i < d->n_ranges; i++)
    g_string_append_printf (s, " %d-%d", d->ranges[i].from, d->ranges[i].to);
}

static char *
dump_definition (GantryCalendar *cal)
{
  GString *s = g_string_new (NULL);

  for (int wd = 0; wd < 7; wd++)
    {
      g_string_append_printf (s, "\n  day %d: ", wd);
      append_day (s, gantry_calendar_get_weekday (cal, wd));
    }
  for (guint i = 0; i < gantry_calendar_get_n_exceptions (cal); i++)
    {
      const GantryCalendarException *ex = gantry_calendar_get_exception (cal, i);

      g_string_append_printf (s, "\n  exception “%s” %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT
                              " type %d period %d occ %d by-occ %d dow %d item %d pos %d"
                              " month %d mday %d: ",
                              nn (ex->name), ex->from_day, ex->to_day, ex->recurrence,
                              ex->period, ex->occurrences, ex->entered_by_occurrences,
                              ex->days_of_week, ex->month_item, ex->month_position, ex->month,
                              ex->month_day);
      append_day (s, &ex->day);
    }
  for (guint i = 0; i < gantry_calendar_get_n_work_weeks (cal); i++)
    {
      const GantryWorkWeek *ww = gantry_calendar_get_work_week (cal, i);

      g_string_append_printf (s, "\n  work week “%s” %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT,
                              nn (ww->name), ww->from_day, ww->to_day);
      for (int wd = 0; wd < 7; wd++)
        {
          g_string_append_printf (s, "; %d: ", wd);
          append_day (s, &ww->days[wd]);
        }
    }
  return g_string_free (s, FALSE);
}

static void
compare_calendars (GantryCalendar *a, GantryCalendar *b)
{
  compare_properties (G_OBJECT (a), G_OBJECT (b));
  if (!gantry_calendar_definition_equal (a, b))
    {
      g_autofree char *what = describe (G_OBJECT (a));
      g_autofree char *da = dump_definition (a);
      g_autofree char *db = dump_definition (b);

      fail ("%s: definitions differ:%s\n-- vs --%s", what, da, db);
    }
  compare_extras (G_OBJECT (a), gantry_calendar_get_extras (a), gantry_calendar_get_extras (b));
}

static void
compare_baselines (GantryTask *a, GantryTask *b)
{
  for (guint n = 0; n < GANTRY_N_BASELINES; n++)
    {
      const GantryBaseline *ba = gantry_task_get_baseline (a, n);
      const GantryBaseline *bb = gantry_task_get_baseline (b, n);
      g_autofree char *what = NULL;

      if (ba == NULL && bb == NULL)
        continue;
      what = describe (G_OBJECT (a));
      if (ba == NULL || bb == NULL)
        {
          fail ("%s: baseline %u is %s vs %s", what, n, ba ? "set" : "unset", bb ? "set" : "unset");
          continue;
        }
#define CMP(field, fmt) \
      if (ba->field != bb->field) \
        fail ("%s: baseline %u field " #field " differs: %" fmt " vs %" fmt, what, n, \
              ba->field, bb->field)
      CMP (interim, "d");
      CMP (start, G_GINT64_FORMAT);
      CMP (finish, G_GINT64_FORMAT);
      CMP (duration, G_GINT64_FORMAT);
      CMP (duration_format, "d");
      CMP (estimated, "d");
      CMP (work, G_GINT64_FORMAT);
#undef CMP
#define CMPD(field) \
      if (fabs (ba->field - bb->field) > 1e-9 * MAX (1.0, fabs (ba->field))) \
        fail ("%s: baseline %u field " #field " differs: %g vs %g", what, n, ba->field, bb->field)
      CMPD (cost);
      CMPD (bcws);
      CMPD (bcwp);
      CMPD (fixed_cost);
#undef CMPD
    }
}

static char *
link_key (GantryLink *link)
{
  return g_strdup_printf ("%d>%d", gantry_task_get_uid (gantry_link_get_predecessor (link)),
                          gantry_task_get_uid (gantry_link_get_successor (link)));
}

static char *
object_key (gpointer object)
{
  if (GANTRY_IS_LINK (object))
    return link_key (object);
  return g_strdup_printf ("%d", gantry_assignment_get_uid (object));
}

/* Compares two arrays of links or assignments, in order or as sets. */
static void
compare_object_arrays (const char *what, GPtrArray *a, GPtrArray *b, gboolean ordered)
{
  g_autoptr(GHashTable) by_key = NULL;

  if (a->len != b->len)
    {
      fail ("%s: %u items vs %u", what, a->len, b->len);
      return;
    }
  if (ordered)
    {
      for (guint i = 0; i < a->len; i++)
        {
          g_autofree char *ka = object_key (g_ptr_array_index (a, i));
          g_autofree char *kb = object_key (g_ptr_array_index (b, i));

          if (g_strcmp0 (ka, kb) != 0)
            fail ("%s: item %u is %s vs %s", what, i, ka, kb);
          compare_properties (g_ptr_array_index (a, i), g_ptr_array_index (b, i));
        }
      return;
    }

  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < b->len; i++)
    g_hash_table_insert (by_key, object_key (g_ptr_array_index (b, i)), g_ptr_array_index (b, i));
  for (guint i = 0; i < a->len; i++)
    {
      g_autofree char *ka = object_key (g_ptr_array_index (a, i));
      GObject *other = g_hash_table_lookup (by_key, ka);

      if (other == NULL)
        fail ("%s: %s is missing from the second plan", what, ka);
      else
        compare_properties (g_ptr_array_index (a, i), other);
    }
}

static GPtrArray *
list_to_array (GListModel *model)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

static void
compare_tasks (GantryTask *a, GantryTask *b, gboolean ordered)
{
  g_autofree char *what = describe (G_OBJECT (a));
  g_autofree char *preds = g_strdup_printf ("%s predecessors", what);
  g_autofree char *succs = g_strdup_printf ("%s successors", what);
  g_autofree char *assigns = g_strdup_printf ("%s assignments", what);
  GantryTask *pa = gantry_task_get_parent (a), *pb = gantry_task_get_parent (b);

  if (!referenced_equal ((GObject *) pa, (GObject *) pb))
    fail ("%s: parent differs", what);
  if (gantry_task_get_position (a) != gantry_task_get_position (b))
    fail ("%s: position %d vs %d", what, gantry_task_get_position (a),
          gantry_task_get_position (b));
  compare_properties (G_OBJECT (a), G_OBJECT (b));
  compare_extras (G_OBJECT (a), gantry_task_get_extras (a), gantry_task_get_extras (b));
  compare_baselines (a, b);
  compare_object_arrays (preds, gantry_task_get_predecessors (a),
                         gantry_task_get_predecessors (b), TRUE);
  compare_object_arrays (succs, gantry_task_get_successors (a),
                         gantry_task_get_successors (b), ordered);
  compare_object_arrays (assigns, gantry_task_get_assignments (a),
                         gantry_task_get_assignments (b), ordered);
}

/* The risk register: in order (its order is the user's). */
static void
compare_risks (GantryProject *a, GantryProject *b)
{
  GListModel *ra = gantry_project_get_risks (a);
  GListModel *rb = gantry_project_get_risks (b);
  guint n = g_list_model_get_n_items (ra);

  if (n != g_list_model_get_n_items (rb))
    {
      fail ("project risks: %u vs %u", n, g_list_model_get_n_items (rb));
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (ra, i);
      g_autoptr(GObject) y = g_list_model_get_item (rb, i);

      compare_properties (x, y);
    }
}

static void
compare_projects (GantryProject *a, GantryProject *b, gboolean ordered)
{
  GPtrArray *ta, *tb;
  g_autoptr(GPtrArray) la = NULL, lb = NULL;
  g_autoptr(GPtrArray) keys_a = NULL, keys_b = NULL;
  GListModel *ra, *rb, *ca, *cb;

  g_assert_true (GANTRY_IS_PROJECT (a));
  g_assert_true (GANTRY_IS_PROJECT (b));

  /* Project properties, extras, settings. */
  compare_properties (G_OBJECT (a), G_OBJECT (b));
  compare_extras (G_OBJECT (a), gantry_project_get_extras (a), gantry_project_get_extras (b));
  keys_a = gantry_project_list_settings (a);
  keys_b = gantry_project_list_settings (b);
  if (keys_a->len != keys_b->len)
    fail ("project: %u settings vs %u", keys_a->len, keys_b->len);
  for (guint i = 0; i < MIN (keys_a->len, keys_b->len); i++)
    {
      const char *k = g_ptr_array_index (keys_a, i);

      if (g_strcmp0 (k, g_ptr_array_index (keys_b, i)) != 0)
        fail ("project: setting key “%s” vs “%s”", k, (char *) g_ptr_array_index (keys_b, i));
      else if (g_strcmp0 (gantry_project_get_setting (a, k), gantry_project_get_setting (b, k)))
        fail ("project: setting “%s” is “%s” vs “%s”", k, gantry_project_get_setting (a, k),
              gantry_project_get_setting (b, k));
    }

  /* Calendars, in order. */
  ca = gantry_project_get_calendars (a);
  cb = gantry_project_get_calendars (b);
  if (g_list_model_get_n_items (ca) != g_list_model_get_n_items (cb))
    fail ("project: %u calendars vs %u", g_list_model_get_n_items (ca),
          g_list_model_get_n_items (cb));
  for (guint i = 0; i < MIN (g_list_model_get_n_items (ca), g_list_model_get_n_items (cb)); i++)
    {
      g_autoptr(GantryCalendar) x = g_list_model_get_item (ca, i);
      g_autoptr(GantryCalendar) y = g_list_model_get_item (cb, i);

      compare_calendars (x, y);
    }

  /* Resources, in order. */
  ra = gantry_project_get_resources (a);
  rb = gantry_project_get_resources (b);
  if (g_list_model_get_n_items (ra) != g_list_model_get_n_items (rb))
    fail ("project: %u resources vs %u", g_list_model_get_n_items (ra),
          g_list_model_get_n_items (rb));
  for (guint i = 0; i < MIN (g_list_model_get_n_items (ra), g_list_model_get_n_items (rb)); i++)
    {
      g_autoptr(GantryResource) x = g_list_model_get_item (ra, i);
      g_autoptr(GantryResource) y = g_list_model_get_item (rb, i);
      g_autofree char *what = describe (G_OBJECT (x));
      g_autofree char *assigns = g_strdup_printf ("%s assignments", what);

      compare_properties (G_OBJECT (x), G_OBJECT (y));
      compare_extras (G_OBJECT (x), gantry_resource_get_extras (x), gantry_resource_get_extras (y));
      compare_object_arrays (assigns, gantry_resource_get_assignments (x),
                             gantry_resource_get_assignments (y), ordered);
    }

  /* The outline, in order, with the root task. */
  compare_tasks (gantry_project_get_root_task (a), gantry_project_get_root_task (b), ordered);
  ta = gantry_project_get_all_tasks (a);
  tb = gantry_project_get_all_tasks (b);
  if (ta->len != tb->len)
    fail ("project: %u tasks vs %u", ta->len, tb->len);
  if (gantry_project_get_n_tasks (a) != gantry_project_get_n_tasks (b))
    fail ("project: n_tasks %u vs %u", gantry_project_get_n_tasks (a),
          gantry_project_get_n_tasks (b));
  for (guint i = 0; i < MIN (ta->len, tb->len); i++)
    {
      GantryTask *x = g_ptr_array_index (ta, i);
      GantryTask *y = g_ptr_array_index (tb, i);

      if (gantry_task_get_uid (x) != gantry_task_get_uid (y))
        {
          fail ("outline row %u: task UID %d vs %d", i, gantry_task_get_uid (x),
                gantry_task_get_uid (y));
          continue;
        }
      compare_tasks (x, y, ordered);
    }

  /* Links and assignments of the whole project. */
  la = list_to_array (gantry_project_get_links (a));
  lb = list_to_array (gantry_project_get_links (b));
  compare_object_arrays ("project links", la, lb, ordered);
  g_clear_pointer (&la, g_ptr_array_unref);
  g_clear_pointer (&lb, g_ptr_array_unref);
  la = list_to_array (gantry_project_get_assignments (a));
  lb = list_to_array (gantry_project_get_assignments (b));
  compare_object_arrays ("project assignments", la, lb, ordered);
  for (guint i = 0; i < la->len && i < lb->len; i++)
    {
      GObject *x = g_ptr_array_index (la, i);
      GantryAssignment *y = gantry_project_lookup_assignment (
          b, gantry_assignment_get_uid (GANTRY_ASSIGNMENT (x)));

      if (y != NULL)
        compare_extras (x, gantry_assignment_get_extras (GANTRY_ASSIGNMENT (x)),
                        gantry_assignment_get_extras (y));
    }
  g_clear_pointer (&la, g_ptr_array_unref);
  g_clear_pointer (&lb, g_ptr_array_unref);

  /* Link extras (matched by endpoints). */
  la = list_to_array (gantry_project_get_links (a));
  for (guint i = 0; i < la->len; i++)
    {
      GantryLink *x = g_ptr_array_index (la, i);
      GantryTask *p = gantry_project_lookup_task (
          b, gantry_task_get_uid (gantry_link_get_predecessor (x)));
      GantryTask *s = gantry_project_lookup_task (
          b, gantry_task_get_uid (gantry_link_get_successor (x)));
      GantryLink *y = (p && s) ? gantry_project_find_link (b, p, s) : NULL;

      if (y != NULL)
        compare_extras (G_OBJECT (x), gantry_link_get_extras (x), gantry_link_get_extras (y));
    }

  compare_risks (a, b);
}

void
gantry_test_assert_projects_equal (GantryProject *a, GantryProject *b)
{
  compare_projects (a, b, FALSE);
}

void
gantry_test_assert_projects_identical (GantryProject *a, GantryProject *b)
{
  compare_projects (a, b, TRUE);
}

/* ======================================================================
 * Corpus
 * ==================================================================== */

const char *
gantry_test_get_corpus_dir (void)
{
  const char *dir = g_getenv ("GANTRY_CORPUS_DIR");

  if (dir == NULL || *dir == '\0' || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return dir;
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
gantry_test_list_corpus_files (void)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *dir = gantry_test_get_corpus_dir ();
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (dir == NULL)
    return files;
  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    return files;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (files, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (files, compare_paths);
  return files;
}

/* ======================================================================
 * Risk register (issue 8)
 * ====================================================================== */

void
gantry_test_add_risks (GantryProject *p)
{
  static const int linked[] = { 3, 5, 999 };   /* 999: a task that is not in the plan */
  g_autoptr(GantryRisk) r1 = gantry_risk_new (7, "Supplier “ACME” delivers late ↯");
  g_autoptr(GantryRisk) r2 = gantry_risk_new (2, "Key developer leaves");
  g_autoptr(GantryRisk) r3 = gantry_risk_new (3, NULL);

  g_object_set (r1, "description", "Hardware for the\nlab", "probability", 4, "impact", 5,
                "owner", gantry_project_lookup_resource (p, 2), "status", GANTRY_RISK_MITIGATING,
                "mitigation", "Second supplier on standby", "contingency", "Rent hardware",
                "trigger-date", gantry_time_make (2026, 3, 2, 8, 0, 0), NULL);
  gantry_risk_set_task_uids (r1, linked, G_N_ELEMENTS (linked));
  g_object_set (r2, "probability", 1, "impact", 1, "status", GANTRY_RISK_CLOSED, NULL);
  g_object_set (r3, "probability", 5, "impact", 2, "status", GANTRY_RISK_OCCURRED,
                "owner", gantry_project_lookup_resource (p, 1), NULL);
  g_assert_true (gantry_project_add_risk (p, -1, r1));
  g_assert_true (gantry_project_add_risk (p, -1, r2));
  g_assert_true (gantry_project_add_risk (p, -1, r3));
}
