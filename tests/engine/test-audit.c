/* test-audit.c — reference §2 rules the corpus does not exercise
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test is a small hand-written MS Project XML file, loaded with
 * gantry_mspdi_load_data and scheduled, so the reader and the scheduler
 * are checked together the way `gantry-cli schedule` runs them.  Every
 * expected date is worked out by hand from the rule of
 * shared/reference/mspdi-and-scheduling.md named in the comment (never
 * from Gantry's output).  Tests whose rule is tagged [I] (inferred) in the
 * reference carry "inferred" in their path.
 *
 * Calendar of the days used (Standard: Mon–Fri 08:00–12:00, 13:00–17:00):
 *   Mon 2025-04-14 … Fri 04-18, Sat 19, Sun 20, Mon 21 … Fri 25, Mon 28.
 */
#include "config.h"

#include <string.h>

#include "engine-test-util.h"
#include "gantry-mspdi.h"

/* ---- building a file --------------------------------------------------- */

#define STD_WEEK \
  "<WeekDays>" \
  "<WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>" \
  WORKDAY (2) WORKDAY (3) WORKDAY (4) WORKDAY (5) WORKDAY (6) \
  "<WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>" \
  "</WeekDays>"
#define WORKDAY(n) \
  "<WeekDay><DayType>" #n "</DayType><DayWorking>1</DayWorking><WorkingTimes>" \
  "<WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>" \
  "<WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime>" \
  "</WorkingTimes></WeekDay>"

/* a task: UID (= ID), outline level, Duration (PT…), more elements */
#define TASK(uid, lvl, dur, extra) \
  "<Task><UID>" #uid "</UID><ID>" #uid "</ID><Name>T" #uid "</Name>" \
  "<OutlineLevel>" #lvl "</OutlineLevel><Duration>" dur "</Duration>" \
  "<DurationFormat>7</DurationFormat>" extra "</Task>"
#define SUMMARY(uid, lvl, extra) \
  "<Task><UID>" #uid "</UID><ID>" #uid "</ID><Name>S" #uid "</Name>" \
  "<OutlineLevel>" #lvl "</OutlineLevel><Summary>1</Summary>" extra "</Task>"
/* LinkLag in tenths of a minute; Type 0 FF, 1 FS, 2 SF, 3 SS */
#define LINK(pred, type, lag, fmt) \
  "<PredecessorLink><PredecessorUID>" #pred "</PredecessorUID><Type>" #type \
  "</Type><LinkLag>" #lag "</LinkLag><LagFormat>" #fmt "</LagFormat></PredecessorLink>"
#define CONSTRAINT(type, date) \
  "<ConstraintType>" #type "</ConstraintType><ConstraintDate>" date "</ConstraintDate>"

typedef struct
{
  const char *start;          /* Project StartDate; default Mon 2025-04-14 08:00 */
  const char *project_extra;  /* more Project elements before the calendars */
  int         calendar_uid;     /* Project CalendarUID; 0: 1 (Standard) */
  const char *honor;            /* HonorConstraints; NULL: "0" (honour, README) */
  const char *finish;         /* set: ScheduleFromStart 0 from this FinishDate */
  int         minutes_per_day;  /* 0: 480 */
  int         days_per_month;   /* 0: 20 */
  const char *std_extra;      /* Exceptions / WorkWeeks of the Standard calendar */
  const char *calendars;      /* more Calendar elements */
  const char *tasks;
  const char *resources;
  const char *assignments;
} Plan;

static GantryProject *
load_plan (const Plan *plan)
{
  int mpd = plan->minutes_per_day ? plan->minutes_per_day : 480;
  int dpm = plan->days_per_month ? plan->days_per_month : 20;
  g_autofree char *xml = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Project xmlns=\"http://schemas.microsoft.com/project\">"
    "<SaveVersion>14</SaveVersion><Name>audit</Name>"
    "<ScheduleFromStart>%d</ScheduleFromStart>"
    "<StartDate>%s</StartDate><FinishDate>%s</FinishDate>"
    "<CalendarUID>%d</CalendarUID>"
    "<DefaultStartTime>08:00:00</DefaultStartTime>"
    "<DefaultFinishTime>17:00:00</DefaultFinishTime>"
    "<MinutesPerDay>%d</MinutesPerDay><MinutesPerWeek>%d</MinutesPerWeek>"
    "<DaysPerMonth>%d</DaysPerMonth>"
    "<HonorConstraints>%s</HonorConstraints>%s"
    "<Calendars><Calendar><UID>1</UID><Name>Standard</Name>"
    "<IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID>"
    STD_WEEK "%s</Calendar>%s</Calendars>"
    "<Tasks>%s</Tasks><Resources>%s</Resources><Assignments>%s</Assignments>"
    "</Project>\n",
    plan->finish ? 0 : 1,
    plan->start ? plan->start : "2025-04-14T08:00:00",
    plan->finish ? plan->finish : (plan->start ? plan->start : "2025-04-14T08:00:00"),
    plan->calendar_uid ? plan->calendar_uid : 1,
    mpd, mpd * 5, dpm,
    plan->honor ? plan->honor : "0",
    plan->project_extra ? plan->project_extra : "",
    plan->std_extra ? plan->std_extra : "",
    plan->calendars ? plan->calendars : "",
    plan->tasks ? plan->tasks : "",
    plan->resources ? plan->resources : "",
    plan->assignments ? plan->assignments : "");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  GantryProject *p = gantry_mspdi_load_data (xml, strlen (xml), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  problems = gantry_schedule_project (p);
  return p;
}

static GantryTask *
task (GantryProject *p, int uid)
{
  GantryTask *t = gantry_project_lookup_task (p, uid);

  g_assert_nonnull (t);
  return t;
}

#define assert_dates(p, uid, s, f) G_STMT_START {           \
    assert_time (gantry_task_get_start (task ((p), (uid))), (s));  \
    assert_time (gantry_task_get_finish (task ((p), (uid))), (f)); \
  } G_STMT_END

#define D1 "PT8H0M0S"
#define D2 "PT16H0M0S"
#define D3 "PT24H0M0S"
#define D4 "PT32H0M0S"
#define D5 "PT40H0M0S"

#define ANYDAY(n, from, to) \
  "<WeekDay><DayType>" #n "</DayType><DayWorking>1</DayWorking><WorkingTimes>" \
  "<WorkingTime><FromTime>" from "</FromTime><ToTime>" to "</ToTime></WorkingTime>" \
  "</WorkingTimes></WeekDay>"
/* UID 2: 24 hours every day (ToTime 00:00 = midnight at the end of the day) */
#define CAL_24H \
  "<Calendar><UID>2</UID><Name>24 Hours</Name><IsBaseCalendar>1</IsBaseCalendar>" \
  "<BaseCalendarUID>-1</BaseCalendarUID><WeekDays>" \
  ANYDAY (1, "00:00:00", "00:00:00") ANYDAY (2, "00:00:00", "00:00:00") \
  ANYDAY (3, "00:00:00", "00:00:00") ANYDAY (4, "00:00:00", "00:00:00") \
  ANYDAY (5, "00:00:00", "00:00:00") ANYDAY (6, "00:00:00", "00:00:00") \
  ANYDAY (7, "00:00:00", "00:00:00") "</WeekDays></Calendar>"
/* UID 3: MS Project's Night Shift base calendar: Mon 23:00–24:00;
 * Tue–Fri 00:00–03:00, 04:00–08:00, 23:00–24:00; Sat 00:00–03:00, 04:00–08:00 */
#define NIGHT_DAY(n) \
  "<WeekDay><DayType>" #n "</DayType><DayWorking>1</DayWorking><WorkingTimes>" \
  "<WorkingTime><FromTime>00:00:00</FromTime><ToTime>03:00:00</ToTime></WorkingTime>" \
  "<WorkingTime><FromTime>04:00:00</FromTime><ToTime>08:00:00</ToTime></WorkingTime>" \
  "<WorkingTime><FromTime>23:00:00</FromTime><ToTime>00:00:00</ToTime></WorkingTime>" \
  "</WorkingTimes></WeekDay>"
#define CAL_NIGHT \
  "<Calendar><UID>3</UID><Name>Night Shift</Name><IsBaseCalendar>1</IsBaseCalendar>" \
  "<BaseCalendarUID>-1</BaseCalendarUID><WeekDays>" \
  "<WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>" \
  ANYDAY (2, "23:00:00", "00:00:00") NIGHT_DAY (3) NIGHT_DAY (4) NIGHT_DAY (5) \
  NIGHT_DAY (6) \
  "<WeekDay><DayType>7</DayType><DayWorking>1</DayWorking><WorkingTimes>" \
  "<WorkingTime><FromTime>00:00:00</FromTime><ToTime>03:00:00</ToTime></WorkingTime>" \
  "<WorkingTime><FromTime>04:00:00</FromTime><ToTime>08:00:00</ToTime></WorkingTime>" \
  "</WorkingTimes></WeekDay></WeekDays></Calendar>"
#define EXCEPTION(from, to, working, times) \
  "<Exception><EnteredByOccurrences>0</EnteredByOccurrences><TimePeriod>" \
  "<FromDate>" from "</FromDate><ToDate>" to "</ToDate></TimePeriod>" \
  "<Occurrences>1</Occurrences><Name>x</Name><Type>1</Type>" \
  "<DayWorking>" #working "</DayWorking>" times "</Exception>"
#define GOOD_FRIDAY \
  "<Exceptions>" EXCEPTION ("2025-04-18T00:00:00", "2025-04-18T23:59:00", 0, "") "</Exceptions>"

/* ---- §2.6 ALAP: placed at its late dates; successors see them --------- */

static void
test_alap_successors (void)
{
  /* 1: 5d Mon–Fri sets the project finish Fri 17:00.  2: ALAP 1d and
   * 3: 3d Mon–Wed both drive 4 (FS).  4 has no successor: LF Fri 17:00,
   * LS Fri 08:00, so 2's LF = Fri 08:00 ≡ Thu 17:00 and 2 sits Thu.  The
   * forward pass rerun gives 4 ES = max (Thu 17:00 → Fri 08:00, Thu 08:00).
   * 5 (ALAP) → 6 (ALAP): 6 Fri, 5 Thu. */
  Plan plan = { .tasks =
    TASK (1, 1, D5, "")
    TASK (2, 1, D1, "<ConstraintType>1</ConstraintType>")
    TASK (3, 1, D3, "")
    TASK (4, 1, D1, LINK (2, 1, 0, 7) LINK (3, 1, 0, 7))
    TASK (5, 1, D1, "<ConstraintType>1</ConstraintType>")
    TASK (6, 1, D1, "<ConstraintType>1</ConstraintType>" LINK (5, 1, 0, 7)) };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 2, T (2025, 4, 17, 8, 0), T (2025, 4, 17, 17, 0));
  assert_dates (p, 4, T (2025, 4, 18, 8, 0), T (2025, 4, 18, 17, 0));
  assert_dates (p, 6, T (2025, 4, 18, 8, 0), T (2025, 4, 18, 17, 0));
  assert_dates (p, 5, T (2025, 4, 17, 8, 0), T (2025, 4, 17, 17, 0));
}

/* ---- §2.5 constraints with links (HonorConstraints 0 = honour) -------- */

static void
test_constraints_with_links (void)
{
  /* 1: 3d Mon–Wed.  2 SNET Tue, FS: links push it to Thu.  3 SNET Fri: Fri.
   * 4 MFO Tue 17:00, 5 MSO Tue 08:00, 6 SNLT Tue 08:00, 7 FNLT Tue 17:00:
   * the constraint beats the FS link: Tue 08:00–17:00. */
  Plan plan = { .tasks =
    TASK (1, 1, D3, "")
    TASK (2, 1, D1, CONSTRAINT (4, "2025-04-15T08:00:00") LINK (1, 1, 0, 7))
    TASK (3, 1, D1, CONSTRAINT (4, "2025-04-18T08:00:00") LINK (1, 1, 0, 7))
    TASK (4, 1, D1, CONSTRAINT (3, "2025-04-15T17:00:00") LINK (1, 1, 0, 7))
    TASK (5, 1, D1, CONSTRAINT (2, "2025-04-15T08:00:00") LINK (1, 1, 0, 7))
    TASK (6, 1, D1, CONSTRAINT (5, "2025-04-15T08:00:00") LINK (1, 1, 0, 7))
    TASK (7, 1, D1, CONSTRAINT (7, "2025-04-15T17:00:00") LINK (1, 1, 0, 7))
    TASK (8, 1, D1, CONSTRAINT (6, "2025-04-18T17:00:00") LINK (1, 1, 0, 7)) };
  g_autoptr (GantryProject) p = load_plan (&plan);
  int uid;

  assert_dates (p, 2, T (2025, 4, 17, 8, 0), T (2025, 4, 17, 17, 0));
  assert_dates (p, 3, T (2025, 4, 18, 8, 0), T (2025, 4, 18, 17, 0));
  for (uid = 4; uid <= 7; uid++)
    assert_dates (p, uid, T (2025, 4, 15, 8, 0), T (2025, 4, 15, 17, 0));
  /* FNET Fri 17:00: ES = max (Thu 08:00, Fri 17:00 − 1d) */
  assert_dates (p, 8, T (2025, 4, 18, 8, 0), T (2025, 4, 18, 17, 0));
}

static void
test_constraints_links_win_inferred (void)
{
  /* HonorConstraints 1 (links win, [I]): MFO/MSO/SNLT/FNLT Tue lose to the
   * FS link from a Mon–Wed task: Thu 08:00–17:00. */
  Plan plan = { .honor = "1", .tasks =
    TASK (1, 1, D3, "")
    TASK (4, 1, D1, CONSTRAINT (3, "2025-04-15T17:00:00") LINK (1, 1, 0, 7))
    TASK (5, 1, D1, CONSTRAINT (2, "2025-04-15T08:00:00") LINK (1, 1, 0, 7))
    TASK (6, 1, D1, CONSTRAINT (5, "2025-04-15T08:00:00") LINK (1, 1, 0, 7))
    TASK (7, 1, D1, CONSTRAINT (7, "2025-04-15T17:00:00") LINK (1, 1, 0, 7)) };
  g_autoptr (GantryProject) p = load_plan (&plan);
  int uid;

  for (uid = 4; uid <= 7; uid++)
    assert_dates (p, uid, T (2025, 4, 17, 8, 0), T (2025, 4, 17, 17, 0));
}

/* ---- §2.4 elapsed lags on every link type ------------------------------ */

static void
test_elapsed_lags (void)
{
  /* 1: 1d Mon 08:00–17:00. */
  Plan plan = { .tasks =
    TASK (1, 1, D1, "")
    /* FF +1ed: EF ≥ Tue 17:00 */
    TASK (2, 1, D1, LINK (1, 0, 14400, 8))
    /* SF +30eh: EF ≥ Mon 08:00 + 30 h = Tue 14:00, ES = Tue 14:00 − 8 h = Mon 14:00 */
    TASK (3, 1, D1, LINK (1, 2, 18000, 6))
    /* FS +1ew: Mon 17:00 + 7 × 24 h = Mon 21 17:00 → Tue 22 08:00 */
    TASK (4, 1, D1, LINK (1, 1, 100800, 10))
    /* FS +1emo: Mon 17:00 + 30 × 24 h = Wed 05-14 17:00 → Thu 05-15 08:00 */
    TASK (5, 1, D1, LINK (1, 1, 432000, 12))
    /* SS +90em: Mon 09:30 */
    TASK (6, 1, D1, LINK (1, 3, 900, 4)) };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 2, T (2025, 4, 15, 8, 0), T (2025, 4, 15, 17, 0));
  assert_dates (p, 3, T (2025, 4, 14, 14, 0), T (2025, 4, 15, 14, 0));
  assert_dates (p, 4, T (2025, 4, 22, 8, 0), T (2025, 4, 22, 17, 0));
  assert_dates (p, 5, T (2025, 5, 15, 8, 0), T (2025, 5, 15, 17, 0));
  assert_dates (p, 6, T (2025, 4, 14, 9, 30), T (2025, 4, 15, 9, 30));
}

/* ---- §2.4 percent lags (README: LinkLag in tenths of a percent) -------- */

static void
test_percent_lags (void)
{
  /* 1: 4d Mon–Thu. */
  Plan plan = { .tasks =
    TASK (1, 1, D4, "")
    /* FF 50 % = 2d: EF ≥ Thu 17:00 + 16 h = Mon 21 17:00 */
    TASK (2, 1, D1, LINK (1, 0, 500, 19))
    /* SF 75 % = 3d: EF ≥ Mon 08:00 + 24 h = Wed 17:00 */
    TASK (3, 1, D1, LINK (1, 2, 750, 19))
    /* SS 25 % = 1d: Mon 17:00 → Tue 08:00 */
    TASK (4, 1, D1, LINK (1, 3, 250, 19)) };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 2, T (2025, 4, 21, 8, 0), T (2025, 4, 21, 17, 0));
  assert_dates (p, 3, T (2025, 4, 16, 8, 0), T (2025, 4, 16, 17, 0));
  assert_dates (p, 4, T (2025, 4, 15, 8, 0), T (2025, 4, 15, 17, 0));
}

/* ---- §2.4 leads move backwards over non-working time (inferred, S9) ---- */

static void
test_negative_lags_weekend_inferred (void)
{
  /* 1: 1d SNET Mon 21 08:00 → Mon 21 08:00–17:00. */
  Plan plan = { .tasks =
    TASK (1, 1, D1, CONSTRAINT (4, "2025-04-21T08:00:00"))
    /* FS −2d: Mon 17:00 − 16 h = Fri 18 08:00 */
    TASK (2, 1, D1, LINK (1, 1, -9600, 7))
    /* FF −4h: EF ≥ Mon 12:00, ES = Mon 12:00 − 8 h = Fri 13:00 */
    TASK (3, 1, D1, LINK (1, 0, -2400, 5))
    /* SS −1d: Mon 08:00 − 8 h = Fri 08:00 */
    TASK (4, 1, D1, LINK (1, 3, -4800, 7))
    /* FS −1ed: Sun 17:00 → Mon 08:00 */
    TASK (5, 1, D1, LINK (1, 1, -14400, 8))
    /* SS −1h: Fri 16:00, 8 h → Mon 16:00 */
    TASK (6, 1, D1, LINK (1, 3, -600, 5))
    /* FF −1d (the Bryntum case, S9): EF ≥ Mon 17:00 − 8 h = Mon 08:00,
     * ES = 8 h before it = Fri 08:00, which finishes Fri 17:00 */
    TASK (7, 1, D1, LINK (1, 0, -4800, 7)) };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 1, T (2025, 4, 21, 8, 0), T (2025, 4, 21, 17, 0));
  assert_dates (p, 2, T (2025, 4, 18, 8, 0), T (2025, 4, 18, 17, 0));
  assert_dates (p, 3, T (2025, 4, 18, 13, 0), T (2025, 4, 21, 12, 0));
  assert_dates (p, 4, T (2025, 4, 18, 8, 0), T (2025, 4, 18, 17, 0));
  assert_dates (p, 5, T (2025, 4, 21, 8, 0), T (2025, 4, 21, 17, 0));
  assert_dates (p, 6, T (2025, 4, 18, 16, 0), T (2025, 4, 21, 16, 0));
  assert_dates (p, 7, T (2025, 4, 18, 8, 0), T (2025, 4, 18, 17, 0));
}

static void
test_negative_lags_holiday_inferred (void)
{
  /* Fri 18 is a holiday: leads skip it back to Thu 17. */
  Plan plan = { .std_extra = GOOD_FRIDAY, .tasks =
    TASK (1, 1, D1, CONSTRAINT (4, "2025-04-21T08:00:00"))
    TASK (2, 1, D1, LINK (1, 3, -4800, 7))
    TASK (3, 1, D1, LINK (1, 1, -9600, 7)) };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 2, T (2025, 4, 17, 8, 0), T (2025, 4, 17, 17, 0));
  assert_dates (p, 3, T (2025, 4, 17, 8, 0), T (2025, 4, 17, 17, 0));
}

/* ---- §2.2 lags on the successor's calendar ----------------------------- */

static void
test_lag_on_successor_calendar (void)
{
  /* 1: 1d Mon 08–17 (Standard).  2: 24-hour task calendar, FS +1d: 8 h of
   * the 24-hour calendar after Mon 17:00 = Tue 01:00, then 8 h: Tue 09:00. */
  Plan plan = { .calendars = CAL_24H, .tasks =
    TASK (1, 1, D1, "")
    TASK (2, 1, D1, "<CalendarUID>2</CalendarUID>" LINK (1, 1, 4800, 7)) };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 2, T (2025, 4, 15, 1, 0), T (2025, 4, 15, 9, 0));
}

/* ---- §1.4/§2.1 24-hour and night-shift calendars ----------------------- */

static void
test_24h_and_night_shift (void)
{
  Plan plan = { .calendars = CAL_24H CAL_NIGHT, .tasks =
    /* 3d = 24 working hours (480 min/day) from Mon 08:00 on 24 h: Tue 08:00 */
    TASK (1, 1, D3, "<CalendarUID>2</CalendarUID>")
    /* night shift 1d: Mon 23:00–24:00, Tue 00–03, 04–08 → Tue 08:00 */
    TASK (2, 1, D1, "<CalendarUID>3</CalendarUID>")
    /* night shift 2d: … Tue 23–24, Wed 00–03, 04–08 → Wed 08:00 */
    TASK (3, 1, D2, "<CalendarUID>3</CalendarUID>")
    /* Standard FS after 3: Wed 08:00–17:00 */
    TASK (4, 1, D1, LINK (3, 1, 0, 7))
    /* night shift FS after 2 (Tue 08:00): next night start Tue 23:00 */
    TASK (5, 1, D1, "<CalendarUID>3</CalendarUID>" LINK (2, 1, 0, 7)) };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 1, T (2025, 4, 14, 8, 0), T (2025, 4, 15, 8, 0));
  assert_dates (p, 2, T (2025, 4, 14, 23, 0), T (2025, 4, 15, 8, 0));
  assert_dates (p, 3, T (2025, 4, 14, 23, 0), T (2025, 4, 16, 8, 0));
  assert_dates (p, 4, T (2025, 4, 16, 8, 0), T (2025, 4, 16, 17, 0));
  assert_dates (p, 5, T (2025, 4, 15, 23, 0), T (2025, 4, 16, 8, 0));
}

/* ---- §1.4 working exceptions, work weeks, derived calendars ------------ */

static void
test_working_exception (void)
{
  /* Sat 19 works 08:00–12:00: 2d from Fri 08:00 = Fri 8 h + Sat 4 h +
   * Mon 4 h → Mon 21 12:00. */
  Plan plan = {
    .std_extra = "<Exceptions>"
      EXCEPTION ("2025-04-19T00:00:00", "2025-04-19T23:59:00", 1,
                 "<WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime>"
                 "<ToTime>12:00:00</ToTime></WorkingTime></WorkingTimes>")
      "</Exceptions>",
    .tasks = TASK (1, 1, D2, CONSTRAINT (4, "2025-04-18T08:00:00")) };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 1, T (2025, 4, 18, 8, 0), T (2025, 4, 21, 12, 0));
}

#define HALF_DAY(n) ANYDAY (n, "08:00:00", "12:00:00")

static void
test_work_week (void)
{
  /* Work week Apr 21–25: Mon–Fri 08:00–12:00 only. */
  Plan plan = {
    .std_extra = "<WorkWeeks><WorkWeek><TimePeriod><FromDate>2025-04-21T00:00:00</FromDate>"
      "<ToDate>2025-04-25T23:59:00</ToDate></TimePeriod><Name>short</Name><WeekDays>"
      HALF_DAY (2) HALF_DAY (3) HALF_DAY (4) HALF_DAY (5) HALF_DAY (6)
      "</WeekDays></WorkWeek></WorkWeeks>",
    .tasks =
      /* 2d from Mon 21: 4 h a day → Thu 24 12:00 */
      TASK (1, 1, D2, CONSTRAINT (4, "2025-04-21T08:00:00"))
      /* 1.5d from Fri 18 13:00: Fri 4 h (normal week), Mon 4 h, Tue 4 h */
      TASK (2, 1, "PT12H0M0S", CONSTRAINT (4, "2025-04-18T13:00:00")) };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 1, T (2025, 4, 21, 8, 0), T (2025, 4, 24, 12, 0));
  assert_dates (p, 2, T (2025, 4, 18, 13, 0), T (2025, 4, 22, 12, 0));
}

/* ---- §2.1/§2.2 resource calendars ------------------------------------- */

/* 10: R1's calendar, derived from Standard, Tue 15 off; 11: R2's, no changes */
#define RES_CALENDARS \
  "<Calendar><UID>10</UID><Name>R1</Name><IsBaseCalendar>0</IsBaseCalendar>" \
  "<BaseCalendarUID>1</BaseCalendarUID><Exceptions>" \
  EXCEPTION ("2025-04-15T00:00:00", "2025-04-15T23:59:00", 0, "") \
  "</Exceptions></Calendar>" \
  "<Calendar><UID>11</UID><Name>R2</Name><IsBaseCalendar>0</IsBaseCalendar>" \
  "<BaseCalendarUID>1</BaseCalendarUID></Calendar>"
#define RESOURCE(uid, type, cal) \
  "<Resource><UID>" #uid "</UID><ID>" #uid "</ID><Name>R" #uid "</Name><Type>" #type \
  "</Type><CalendarUID>" #cal "</CalendarUID></Resource>"
#define ASSIGN(uid, t, r, units, work) \
  "<Assignment><UID>" #uid "</UID><TaskUID>" #t "</TaskUID><ResourceUID>" #r \
  "</ResourceUID><Units>" #units "</Units><Work>" work "</Work></Assignment>"

static void
test_resource_calendars (void)
{
  Plan plan = {
    .calendars = CAL_24H RES_CALENDARS,
    .resources = RESOURCE (1, 1, 10) RESOURCE (2, 1, 11) RESOURCE (3, 0, -1),
    .tasks =
      /* R1 and R2 16 h each: R1 skips Tue → Wed 17:00, R2 Tue 17:00; the
       * task finishes with the latest assignment */
      TASK (1, 1, D2, "<Work>PT32H0M0S</Work>")
      /* the same with the Standard task calendar and IgnoreResourceCalendar */
      TASK (2, 1, D2, "<Work>PT32H0M0S</Work><CalendarUID>1</CalendarUID>"
            "<IgnoreResourceCalendar>1</IgnoreResourceCalendar>")
      /* 24 h task calendar ∩ R2 (Standard) → Mon 08–17 */
      TASK (3, 1, D1, "<Work>PT8H0M0S</Work><CalendarUID>2</CalendarUID>")
      /* … ignoring R2's calendar: 8 h on 24 h → Mon 16:00 */
      TASK (4, 1, D1, "<Work>PT8H0M0S</Work><CalendarUID>2</CalendarUID>"
            "<IgnoreResourceCalendar>1</IgnoreResourceCalendar>")
      /* a material resource does not drive dates */
      TASK (5, 1, D1, ""),
    .assignments =
      ASSIGN (1, 1, 1, 1, "PT16H0M0S") ASSIGN (2, 1, 2, 1, "PT16H0M0S")
      ASSIGN (3, 2, 1, 1, "PT16H0M0S") ASSIGN (4, 2, 2, 1, "PT16H0M0S")
      ASSIGN (5, 3, 2, 1, "PT8H0M0S") ASSIGN (6, 4, 2, 1, "PT8H0M0S")
      ASSIGN (7, 5, 3, 5, "PT40H0M0S") };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 1, T (2025, 4, 14, 8, 0), T (2025, 4, 16, 17, 0));
  assert_dates (p, 2, T (2025, 4, 14, 8, 0), T (2025, 4, 15, 17, 0));
  assert_dates (p, 3, T (2025, 4, 14, 8, 0), T (2025, 4, 14, 17, 0));
  assert_dates (p, 4, T (2025, 4, 14, 8, 0), T (2025, 4, 14, 16, 0));
  assert_dates (p, 5, T (2025, 4, 14, 8, 0), T (2025, 4, 14, 17, 0));
}


static void
test_resource_exception_beats_base_holiday (void)
{
  /* §1.4: a derived calendar's own exception comes before anything it
   * inherits.  Standard has Fri 18 off; R1's calendar works Fri 18
   * 08:00–17:00 without a break.  16 h for R1 from Thu 17 08:00: Thu 8 h,
   * then Fri 08:00 + 8 h → Fri 16:00.
   * Without resources the same 2d runs Thu + Mon → Mon 21 17:00. */
  Plan plan = {
    .std_extra = GOOD_FRIDAY,
    .calendars =
      "<Calendar><UID>10</UID><Name>R1</Name><IsBaseCalendar>0</IsBaseCalendar>"
      "<BaseCalendarUID>1</BaseCalendarUID><Exceptions>"
      EXCEPTION ("2025-04-18T00:00:00", "2025-04-18T23:59:00", 1,
                 "<WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime>"
                 "<ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes>")
      "</Exceptions></Calendar>",
    .resources = RESOURCE (1, 1, 10),
    .tasks =
      TASK (1, 1, "PT16H0M0S", "<Work>PT16H0M0S</Work>" CONSTRAINT (4, "2025-04-17T08:00:00"))
      TASK (2, 1, D2, CONSTRAINT (4, "2025-04-17T08:00:00")),
    .assignments = ASSIGN (1, 1, 1, 1, "PT16H0M0S") };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 1, T (2025, 4, 17, 8, 0), T (2025, 4, 18, 16, 0));
  assert_dates (p, 2, T (2025, 4, 17, 8, 0), T (2025, 4, 21, 17, 0));
}

/* ---- §2.10 actuals ----------------------------------------------------- */

static void
test_actuals (void)
{
  Plan plan = { .tasks =
    /* actual start Wed, 0 %: the actual start pins the start */
    TASK (1, 1, D2, "<PercentComplete>0</PercentComplete>"
          "<ActualStart>2025-04-16T08:00:00</ActualStart>")
    /* done Tue–Wed (100 %), FS successor Thu */
    TASK (2, 1, D2, "<PercentComplete>100</PercentComplete>"
          "<ActualStart>2025-04-15T08:00:00</ActualStart>"
          "<ActualFinish>2025-04-16T17:00:00</ActualFinish>"
          "<ActualDuration>PT16H0M0S</ActualDuration>"
          "<RemainingDuration>PT0H0M0S</RemainingDuration>")
    TASK (3, 1, D1, LINK (2, 1, 0, 7))
    /* 50 % of 4d from Tue: remaining 2d after Wed → Fri 17:00 */
    TASK (4, 1, D4, "<PercentComplete>50</PercentComplete>"
          "<ActualStart>2025-04-15T08:00:00</ActualStart>"
          "<ActualDuration>PT16H0M0S</ActualDuration>"
          "<RemainingDuration>PT16H0M0S</RemainingDuration>") };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 1, T (2025, 4, 16, 8, 0), T (2025, 4, 17, 17, 0));
  assert_dates (p, 2, T (2025, 4, 15, 8, 0), T (2025, 4, 16, 17, 0));
  assert_dates (p, 3, T (2025, 4, 17, 8, 0), T (2025, 4, 17, 17, 0));
  assert_dates (p, 4, T (2025, 4, 15, 8, 0), T (2025, 4, 18, 17, 0));
}

/* ---- inactive tasks (inferred: they no longer drive their successors) -- */

static void
test_inactive_predecessor_inferred (void)
{
  Plan plan = { .tasks =
    TASK (1, 1, D5, "<Active>0</Active>")
    TASK (2, 1, D1, LINK (1, 1, 0, 7)) };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 2, T (2025, 4, 14, 8, 0), T (2025, 4, 14, 17, 0));
}

/* ---- §1.5.2 LevelingDelay (elapsed, tenths of a minute) ---------------- */

static void
test_leveling_delay (void)
{
  Plan plan = { .tasks =
    /* 2ed from Mon 08:00: Wed 08:00 */
    TASK (1, 1, D1, "<LevelingDelay>28800</LevelingDelay><LevelingDelayFormat>8</LevelingDelayFormat>")
    /* FS after 1 (Wed 17:00) plus 1ed: Thu 17:00 → Fri 08:00 */
    TASK (2, 1, D1, "<LevelingDelay>14400</LevelingDelay><LevelingDelayFormat>8</LevelingDelayFormat>"
          LINK (1, 1, 0, 7)) };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 1, T (2025, 4, 16, 8, 0), T (2025, 4, 16, 17, 0));
  assert_dates (p, 2, T (2025, 4, 18, 8, 0), T (2025, 4, 18, 17, 0));
}

static void
test_leveling_delay_working (void)
{
  /* [M] S3 addLevelingDelay: a delay given in working units (2d =
   * LevelingDelay 9600, format 7) runs on the task's calendar: Mon 08:00
   * + 16 working hours = Tue 17:00 → Wed 08:00 (elapsed it would be
   * Tue 00:00 → Tue 08:00).  2h (1200, format 5): Mon 10:00. */
  Plan plan = { .tasks =
    TASK (1, 1, D1, "<LevelingDelay>9600</LevelingDelay><LevelingDelayFormat>7</LevelingDelayFormat>")
    TASK (2, 1, D1, "<LevelingDelay>1200</LevelingDelay><LevelingDelayFormat>5</LevelingDelayFormat>") };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 1, T (2025, 4, 16, 8, 0), T (2025, 4, 16, 17, 0));
  assert_dates (p, 2, T (2025, 4, 14, 10, 0), T (2025, 4, 15, 10, 0));
}

/* ---- §1.3 project start on a Saturday; start milestone ----------------- */

static void
test_start_on_saturday (void)
{
  Plan plan = { .start = "2025-04-19T08:00:00", .tasks =
    TASK (1, 1, D1, "")
    TASK (2, 1, "PT0H0M0S", "<Milestone>1</Milestone>") };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 1, T (2025, 4, 21, 8, 0), T (2025, 4, 21, 17, 0));
  assert_dates (p, 2, T (2025, 4, 21, 8, 0), T (2025, 4, 21, 8, 0));
}

/* ---- §1.3 a 09:00–18:00 project calendar, MinutesPerDay 480 ------------ */

static void
test_nine_to_six (void)
{
  Plan plan = { .start = "2025-04-14T09:00:00", .calendar_uid = 4,
    .calendars =
      "<Calendar><UID>4</UID><Name>Nine</Name><IsBaseCalendar>1</IsBaseCalendar>"
      "<BaseCalendarUID>-1</BaseCalendarUID><WeekDays>"
      "<WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>"
      "<WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>"
#define NINE(n) "<WeekDay><DayType>" #n "</DayType><DayWorking>1</DayWorking><WorkingTimes>" \
      "<WorkingTime><FromTime>09:00:00</FromTime><ToTime>13:00:00</ToTime></WorkingTime>" \
      "<WorkingTime><FromTime>14:00:00</FromTime><ToTime>18:00:00</ToTime></WorkingTime>" \
      "</WorkingTimes></WeekDay>"
      NINE (2) NINE (3) NINE (4) NINE (5) NINE (6)
      "</WeekDays></Calendar>",
    .tasks =
      TASK (1, 1, D1, "")
      TASK (2, 1, D2, LINK (1, 1, 0, 7))
      /* SNET Fri 18 09:00, 1.5d: Fri 8 h, Mon 4 h → Mon 13:00 */
      TASK (3, 1, "PT12H0M0S", CONSTRAINT (4, "2025-04-18T09:00:00")) };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 1, T (2025, 4, 14, 9, 0), T (2025, 4, 14, 18, 0));
  assert_dates (p, 2, T (2025, 4, 15, 9, 0), T (2025, 4, 16, 18, 0));
  assert_dates (p, 3, T (2025, 4, 18, 9, 0), T (2025, 4, 21, 13, 0));
}

/* ---- §1.3/§2.1 MinutesPerDay 450, DaysPerMonth 22 ---------------------- */

static void
test_minutes_per_day_450 (void)
{
  /* Durations and lags are stored in hours/tenths of minutes already
   * converted with the project's factors: 1d = 7.5 h, 1mo = 22 × 7.5 = 165 h. */
  Plan plan = { .minutes_per_day = 450, .days_per_month = 22, .tasks =
    /* 1d: Mon 08:00–16:30 */
    TASK (1, 1, "PT7H30M0S", "")
    /* FS +1d (4500): Mon 16:30 + 7.5 h = Tue 16:00; 7.5 h → Wed 15:30 */
    TASK (2, 1, "PT7H30M0S", LINK (1, 1, 4500, 7))
    /* 1mo = 165 h = 20 standard days + 5 h: Mon 05-12 14:00 */
    "<Task><UID>3</UID><ID>3</ID><Name>M</Name><OutlineLevel>1</OutlineLevel>"
    "<Duration>PT165H0M0S</Duration><DurationFormat>11</DurationFormat></Task>" };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 1, T (2025, 4, 14, 8, 0), T (2025, 4, 14, 16, 30));
  assert_dates (p, 2, T (2025, 4, 15, 16, 0), T (2025, 4, 16, 15, 30));
  assert_dates (p, 3, T (2025, 4, 14, 8, 0), T (2025, 5, 12, 14, 0));
}

/* ---- §2.7 links to and from summaries, with lags ----------------------- */

static void
test_summary_links_with_lags (void)
{
  Plan plan = { .tasks =
    TASK (1, 1, D2, "")                              /* Mon–Tue */
    SUMMARY (2, 1, LINK (1, 1, 4800, 7))             /* FS +1d into the summary */
    TASK (3, 2, D1, "")                              /* Tue 17 + 1d → Thu */
    TASK (4, 2, D1, LINK (3, 1, 0, 7))               /* Fri */
    TASK (5, 1, D1, LINK (2, 1, 4800, 7))            /* Fri 17 + 1d → Tue 22 */
    TASK (6, 1, D1, LINK (2, 3, 4800, 7)) };         /* SS +1d: Thu 17 → Fri */
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 3, T (2025, 4, 17, 8, 0), T (2025, 4, 17, 17, 0));
  assert_dates (p, 4, T (2025, 4, 18, 8, 0), T (2025, 4, 18, 17, 0));
  assert_dates (p, 2, T (2025, 4, 17, 8, 0), T (2025, 4, 18, 17, 0));
  assert_dates (p, 5, T (2025, 4, 22, 8, 0), T (2025, 4, 22, 17, 0));
  assert_dates (p, 6, T (2025, 4, 18, 8, 0), T (2025, 4, 18, 17, 0));
}

static void
test_summary_constraint_inferred (void)
{
  /* A summary's SNET holds its subtasks back (MPXJ does not model it). */
  Plan plan = { .tasks =
    SUMMARY (1, 1, CONSTRAINT (4, "2025-04-16T08:00:00"))
    TASK (2, 2, D1, "")
    TASK (3, 2, D1, LINK (2, 1, 0, 7)) };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 2, T (2025, 4, 16, 8, 0), T (2025, 4, 16, 17, 0));
  assert_dates (p, 3, T (2025, 4, 17, 8, 0), T (2025, 4, 17, 17, 0));
  assert_dates (p, 1, T (2025, 4, 16, 8, 0), T (2025, 4, 17, 17, 0));
}


static void
test_summary_fnlt_slack_inferred (void)
{
  /* A summary's FNLT Wed 17:00 over a 5d Mon–Fri subtask: dates stay
   * (FNLT has no forward effect on a summary's subtasks), the subtask's
   * late finish is Wed 17:00, so its total slack is −2d and it is critical
   * (like a deadline, reference §2.6). */
  Plan plan = { .tasks =
    SUMMARY (1, 1, CONSTRAINT (7, "2025-04-16T17:00:00"))
    TASK (2, 2, D5, "") };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 2, T (2025, 4, 14, 8, 0), T (2025, 4, 18, 17, 0));
  assert_time (gantry_task_get_late_finish (task (p, 2)), T (2025, 4, 16, 17, 0));
  g_assert_cmpint (gantry_task_get_total_slack (task (p, 2)), ==, -2 * DAY_MS);
  g_assert_true (gantry_task_get_critical (task (p, 2)));
}

/* Editing a summary's constraint reschedules its subtasks incrementally,
 * to the same dates as a fresh full pass. */
static void
test_summary_constraint_incremental_inferred (void)
{
  g_autoptr (GantryProject) p = plan_new (T (2025, 4, 14, 8, 0));
  g_autoptr (GantryScheduler) s = gantry_scheduler_new (p);
  g_autoptr (GPtrArray) edited = g_ptr_array_new ();
  GantryTask *sum = plan_task (p, NULL, "S", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *a = plan_task (p, sum, "A", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *b = plan_task (p, sum, "B", DAY_MS, GANTRY_FORMAT_DAYS);
  GantryTask *c = plan_task (p, NULL, "C", DAY_MS, GANTRY_FORMAT_DAYS);

  plan_link (p, a, b, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  plan_link (p, sum, c, GANTRY_LINK_FS, 0, GANTRY_FORMAT_DAYS);
  gantry_scheduler_run (s);
  assert_time (gantry_task_get_start (a), T (2025, 4, 14, 8, 0));
  assert_time (gantry_task_get_start (c), T (2025, 4, 16, 8, 0));

  gantry_task_set_constraint_type (sum, GANTRY_CONSTRAINT_SNET);
  gantry_task_set_constraint_date (sum, T (2025, 4, 16, 8, 0));
  g_ptr_array_add (edited, sum);
  gantry_scheduler_run_incremental (s, edited);
  /* A Wed, B Thu, summary Wed–Thu, C (FS after the summary) Fri */
  assert_time (gantry_task_get_start (a), T (2025, 4, 16, 8, 0));
  assert_time (gantry_task_get_start (b), T (2025, 4, 17, 8, 0));
  assert_time (gantry_task_get_start (sum), T (2025, 4, 16, 8, 0));
  assert_time (gantry_task_get_finish (sum), T (2025, 4, 17, 17, 0));
  assert_time (gantry_task_get_start (c), T (2025, 4, 18, 8, 0));

  /* back to ASAP */
  gantry_task_set_constraint_type (sum, GANTRY_CONSTRAINT_ASAP);
  gantry_scheduler_run_incremental (s, edited);
  assert_time (gantry_task_get_start (a), T (2025, 4, 14, 8, 0));
  assert_time (gantry_task_get_start (c), T (2025, 4, 16, 8, 0));

  /* FNLT Mon 17:00 on the summary: dates stay (A Mon, B Tue, C Wed); B's
   * late finish min (C's LS Wed 08:00, Mon 17:00) = Mon 17:00, and A's is
   * B's late start Mon 08:00; a fresh full pass agrees */
  gantry_task_set_constraint_type (sum, GANTRY_CONSTRAINT_FNLT);
  gantry_task_set_constraint_date (sum, T (2025, 4, 14, 17, 0));
  gantry_scheduler_run_incremental (s, edited);
  assert_time (gantry_task_get_start (b), T (2025, 4, 15, 8, 0));
  assert_time (gantry_task_get_late_finish (b), T (2025, 4, 14, 17, 0));
  assert_time (gantry_task_get_late_finish (a), T (2025, 4, 14, 8, 0));
  {
    GantryTime lf_a = gantry_task_get_late_finish (a), lf_b = gantry_task_get_late_finish (b);
    g_autoptr (GantryScheduler) fresh = gantry_scheduler_new (p);

    gantry_scheduler_run (fresh);
    assert_time (gantry_task_get_late_finish (a), lf_a);
    assert_time (gantry_task_get_late_finish (b), lf_b);
  }
}


static void
test_milestone_placement_inferred (void)
{
  /* §2.8: a milestone (duration 0, or the flag set) with predecessors
   * stays at the end of a working period: the flagged 1d task 2 starts
   * Fri 17:00 and runs 8 h to Mon 17:00 ([M] S3 tests the flag). */
  Plan plan = { .tasks =
    TASK (1, 1, D1, CONSTRAINT (4, "2025-04-18T08:00:00"))   /* Fri */
    TASK (2, 1, D1, "<Milestone>1</Milestone>" LINK (1, 1, 0, 7))
    TASK (3, 1, "PT0H0M0S", "<Milestone>1</Milestone>" LINK (1, 1, 0, 7))
    /* FS +1d after Mon 14 08–17 (task 4): Tue 17:00, kept */
    TASK (4, 1, D1, "")
    TASK (5, 1, "PT0H0M0S", "<Milestone>1</Milestone>" LINK (4, 1, 4800, 7))
    /* SS +4h: Mon 12:00, the end of the morning period, kept */
    TASK (6, 1, "PT0H0M0S", "<Milestone>1</Milestone>" LINK (4, 3, 2400, 5))
    /* FS +1ed after Fri 17:00: Sat 17:00 is no period end → Mon 08:00 */
    TASK (7, 1, "PT0H0M0S", "<Milestone>1</Milestone>" LINK (1, 1, 14400, 8)) };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 2, T (2025, 4, 18, 17, 0), T (2025, 4, 21, 17, 0));
  assert_dates (p, 3, T (2025, 4, 18, 17, 0), T (2025, 4, 18, 17, 0));
  assert_dates (p, 5, T (2025, 4, 15, 17, 0), T (2025, 4, 15, 17, 0));
  assert_dates (p, 6, T (2025, 4, 14, 12, 0), T (2025, 4, 14, 12, 0));
  assert_dates (p, 7, T (2025, 4, 21, 8, 0), T (2025, 4, 21, 8, 0));
}

static void
test_from_finish_asap_and_alap_inferred (void)
{
  /* §2.11: from the finish Fri 18 17:00 the ALAP tasks sit at their late
   * dates; the project start is the earliest late start (task 3, 4d: Tue);
   * the ASAP task 2 sits at its early dates from there. */
  Plan plan = { .finish = "2025-04-18T17:00:00", .tasks =
    TASK (1, 1, D2, "<ConstraintType>1</ConstraintType>")
    TASK (2, 1, D1, "<ConstraintType>0</ConstraintType>")
    TASK (3, 1, D4, "<ConstraintType>1</ConstraintType>")
    TASK (4, 1, D1, "<ConstraintType>1</ConstraintType>" LINK (1, 1, 0, 7)) };
  g_autoptr (GantryProject) p = load_plan (&plan);

  /* 4 Fri; 1 FS before it: Wed–Thu; 3 Tue–Fri; 2 at the start Tue */
  assert_dates (p, 4, T (2025, 4, 18, 8, 0), T (2025, 4, 18, 17, 0));
  assert_dates (p, 1, T (2025, 4, 16, 8, 0), T (2025, 4, 17, 17, 0));
  assert_dates (p, 3, T (2025, 4, 15, 8, 0), T (2025, 4, 18, 17, 0));
  assert_dates (p, 2, T (2025, 4, 15, 8, 0), T (2025, 4, 15, 17, 0));
}

static void
test_manual_summary_inferred (void)
{
  /* A manually scheduled summary keeps its own dates and does not move
   * its automatically scheduled subtasks. */
  Plan plan = { .tasks =
    SUMMARY (1, 1, "<Manual>1</Manual><Start>2025-04-16T08:00:00</Start>"
             "<Finish>2025-04-17T17:00:00</Finish><ManualStart>2025-04-16T08:00:00</ManualStart>"
             "<ManualFinish>2025-04-17T17:00:00</ManualFinish><Duration>PT16H0M0S</Duration>")
    TASK (2, 2, D1, "") };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 1, T (2025, 4, 16, 8, 0), T (2025, 4, 17, 17, 0));
  assert_dates (p, 2, T (2025, 4, 14, 8, 0), T (2025, 4, 14, 17, 0));
}

static void
test_units_and_resource_weekend (void)
{
  /* §2.1: each assignment runs Work / Units on its calendar; the task
   * finishes with the latest.  R1 100 % 8 h: Mon.  R2 50 % 8 h: 16 h,
   * Mon–Tue.  R3 works Saturdays 08–12 (derived calendar): 16 h from
   * Fri 08:00 = Fri 8, Sat 4, Mon 4 → Mon 21 12:00. */
  Plan plan = {
    .calendars = RES_CALENDARS
      "<Calendar><UID>12</UID><Name>R3</Name><IsBaseCalendar>0</IsBaseCalendar>"
      "<BaseCalendarUID>1</BaseCalendarUID><WeekDays>" HALF_DAY (7)
      "</WeekDays></Calendar>",
    .resources = RESOURCE (1, 1, 11) RESOURCE (2, 1, 11) RESOURCE (3, 1, 12),
    .tasks =
      TASK (1, 1, D2, "<Work>PT16H0M0S</Work>")
      TASK (2, 1, D2, "<Work>PT16H0M0S</Work>" CONSTRAINT (4, "2025-04-18T08:00:00")),
    .assignments =
      ASSIGN (1, 1, 1, 1, "PT8H0M0S") ASSIGN (2, 1, 2, 0.5, "PT8H0M0S")
      ASSIGN (3, 2, 3, 1, "PT16H0M0S") };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 1, T (2025, 4, 14, 8, 0), T (2025, 4, 15, 17, 0));
  assert_dates (p, 2, T (2025, 4, 18, 8, 0), T (2025, 4, 21, 12, 0));
}


static void
test_sf_before_project_start (void)
{
  /* [M] S3 holds only FF-derived starts at the project start (README):
   * SF 0 from a task starting at the project start Mon 08:00, successor
   * 1d: finish ≥ Mon 08:00, start Fri 11 08:00; the finish is kept at
   * Mon 08:00 as MS Project stored it in C21 (reference §2.3). */
  Plan plan = { .tasks =
    TASK (1, 1, D1, "")
    TASK (2, 1, D1, LINK (1, 2, 0, 7)) };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 2, T (2025, 4, 11, 8, 0), T (2025, 4, 14, 8, 0));
}

/* ---- §1.5.2 a milestone flag on a task with a duration ----------------- */

static void
test_milestone_with_duration (void)
{
  Plan plan = { .tasks =
    TASK (1, 1, D2, "<Milestone>1</Milestone>")
    TASK (2, 1, D1, LINK (1, 1, 0, 7)) };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 1, T (2025, 4, 14, 8, 0), T (2025, 4, 15, 17, 0));
  assert_dates (p, 2, T (2025, 4, 16, 8, 0), T (2025, 4, 16, 17, 0));
}


/* Bad input: a summary SNET without a date, a leveling delay with an
 * unknown format or a negative value schedule like ASAP / no delay. */
static void
test_bad_input (void)
{
  Plan plan = { .tasks =
    SUMMARY (1, 1, "<ConstraintType>4</ConstraintType>")
    TASK (2, 2, D1, "")
    TASK (3, 1, D1, "<LevelingDelay>-4800</LevelingDelay><LevelingDelayFormat>7</LevelingDelayFormat>")
    /* an unknown format counts as elapsed (the default, ed): 1ed → Tue 08:00 */
    TASK (4, 1, D1, "<LevelingDelay>14400</LevelingDelay><LevelingDelayFormat>77</LevelingDelayFormat>") };
  g_autoptr (GantryProject) p = load_plan (&plan);

  assert_dates (p, 2, T (2025, 4, 14, 8, 0), T (2025, 4, 14, 17, 0));
  assert_dates (p, 3, T (2025, 4, 14, 8, 0), T (2025, 4, 14, 17, 0));
  assert_dates (p, 4, T (2025, 4, 15, 8, 0), T (2025, 4, 15, 17, 0));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  g_test_add_func ("/engine/audit/alap-successors", test_alap_successors);
  g_test_add_func ("/engine/audit/constraints-with-links", test_constraints_with_links);
  g_test_add_func ("/engine/audit/inferred/constraints-links-win", test_constraints_links_win_inferred);
  g_test_add_func ("/engine/audit/elapsed-lags", test_elapsed_lags);
  g_test_add_func ("/engine/audit/percent-lags", test_percent_lags);
  g_test_add_func ("/engine/audit/inferred/negative-lags-weekend", test_negative_lags_weekend_inferred);
  g_test_add_func ("/engine/audit/inferred/negative-lags-holiday", test_negative_lags_holiday_inferred);
  g_test_add_func ("/engine/audit/lag-on-successor-calendar", test_lag_on_successor_calendar);
  g_test_add_func ("/engine/audit/24h-and-night-shift", test_24h_and_night_shift);
  g_test_add_func ("/engine/audit/working-exception", test_working_exception);
  g_test_add_func ("/engine/audit/work-week", test_work_week);
  g_test_add_func ("/engine/audit/resource-calendars", test_resource_calendars);
  g_test_add_func ("/engine/audit/resource-exception-beats-base-holiday",
                   test_resource_exception_beats_base_holiday);
  g_test_add_func ("/engine/audit/actuals", test_actuals);
  g_test_add_func ("/engine/audit/inferred/inactive-predecessor", test_inactive_predecessor_inferred);
  g_test_add_func ("/engine/audit/leveling-delay", test_leveling_delay);
  g_test_add_func ("/engine/audit/leveling-delay-working", test_leveling_delay_working);
  g_test_add_func ("/engine/audit/start-on-saturday", test_start_on_saturday);
  g_test_add_func ("/engine/audit/nine-to-six", test_nine_to_six);
  g_test_add_func ("/engine/audit/minutes-per-day-450", test_minutes_per_day_450);
  g_test_add_func ("/engine/audit/summary-links-with-lags", test_summary_links_with_lags);
  g_test_add_func ("/engine/audit/inferred/summary-constraint", test_summary_constraint_inferred);
  g_test_add_func ("/engine/audit/inferred/summary-fnlt-slack", test_summary_fnlt_slack_inferred);
  g_test_add_func ("/engine/audit/inferred/summary-constraint-incremental",
                   test_summary_constraint_incremental_inferred);
  g_test_add_func ("/engine/audit/inferred/milestone-placement", test_milestone_placement_inferred);
  g_test_add_func ("/engine/audit/inferred/from-finish-asap-alap", test_from_finish_asap_and_alap_inferred);
  g_test_add_func ("/engine/audit/inferred/manual-summary", test_manual_summary_inferred);
  g_test_add_func ("/engine/audit/units-and-resource-weekend", test_units_and_resource_weekend);
  g_test_add_func ("/engine/audit/sf-before-project-start", test_sf_before_project_start);
  g_test_add_func ("/engine/audit/milestone-with-duration", test_milestone_with_duration);
  g_test_add_func ("/engine/audit/bad-input", test_bad_input);
  return g_test_run ();
}
