/* bench-mspdi.c — MSPDI import/export speed and memory on MS Project-shaped
 * files of 10 000 and 100 000 tasks.
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The generator writes what MS Project 2019 writes for every task (each
 * element of a 2019 task, see task-links-project2019-mspdi.xml), in groups
 * of 20 tasks under a summary task, FS chains inside a group, cross links
 * of all four types with lags between groups, a third of the tasks assigned
 * to one of N/50 resources (with timephased data).
 *
 * Each measurement runs in a child process, so ru_maxrss is that step's
 * peak.  Prints figures; never fails on time.
 *
 *   bench-mspdi                 10 000 and 100 000 tasks
 *   bench-mspdi --quick         10 000 only
 *   bench-mspdi --generate N F  just write a file
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <libxml/xmlreader.h>

#include "gantry-mspdi.h"

static void
date_str (char *buf, gsize size, gint64 day, int hour)
{
  GantryTime t = gantry_time_from_day_number (day) + hour * GANTRY_MS_HOUR;
  g_autofree char *s = gantry_time_format_iso (t);

  g_strlcpy (buf, s, size);
}

/* Working day number d (0-based) from Monday 2024-01-01, skipping weekends */
static gint64
work_day (int d)
{
  gint64 monday = gantry_time_day_number (gantry_time_make (2024, 1, 1, 0, 0, 0));
  return monday + (d / 5) * 7 + d % 5;
}

static void
write_task (FILE *f, int uid, int id, int level, gboolean summary, int day0, int days,
            int n_in_group)
{
  char s[32], e[32], cd[32];
  int outline_a = (id - 1) / 21 + 1;

  date_str (s, sizeof s, work_day (day0), 8);
  date_str (e, sizeof e, work_day (day0 + days - 1), 17);
  date_str (cd, sizeof cd, work_day (0), 9);
  fprintf (f,
    "\t\t<Task>\n\t\t\t<UID>%d</UID>\n\t\t\t<GUID>%08X-DBD2-E811-AC3F-4CEDDE6E5B57</GUID>\n"
    "\t\t\t<ID>%d</ID>\n\t\t\t<Name>%s %d</Name>\n\t\t\t<Active>1</Active>\n\t\t\t<Manual>0</Manual>\n"
    "\t\t\t<Type>0</Type>\n\t\t\t<IsNull>0</IsNull>\n\t\t\t<CreateDate>%s</CreateDate>\n",
    uid, (unsigned) uid, id, summary ? "Phase" : "Task", uid, cd);
  if (level == 1)
    fprintf (f, "\t\t\t<WBS>%d</WBS>\n\t\t\t<OutlineNumber>%d</OutlineNumber>\n", outline_a, outline_a);
  else
    fprintf (f, "\t\t\t<WBS>%d.%d</WBS>\n\t\t\t<OutlineNumber>%d.%d</OutlineNumber>\n",
             outline_a, n_in_group, outline_a, n_in_group);
  fprintf (f,
    "\t\t\t<OutlineLevel>%d</OutlineLevel>\n\t\t\t<Priority>500</Priority>\n"
    "\t\t\t<Start>%s</Start>\n\t\t\t<Finish>%s</Finish>\n\t\t\t<Duration>PT%dH0M0S</Duration>\n"
    "\t\t\t<ManualStart>%s</ManualStart>\n\t\t\t<ManualFinish>%s</ManualFinish>\n"
    "\t\t\t<ManualDuration>PT%dH0M0S</ManualDuration>\n\t\t\t<DurationFormat>7</DurationFormat>\n"
    "\t\t\t<FreeformDurationFormat>7</FreeformDurationFormat>\n\t\t\t<Work>PT%dH0M0S</Work>\n"
    "\t\t\t<ResumeValid>0</ResumeValid>\n\t\t\t<EffortDriven>0</EffortDriven>\n"
    "\t\t\t<Recurring>0</Recurring>\n\t\t\t<OverAllocated>0</OverAllocated>\n"
    "\t\t\t<Estimated>0</Estimated>\n\t\t\t<Milestone>0</Milestone>\n\t\t\t<Summary>%d</Summary>\n"
    "\t\t\t<DisplayAsSummary>0</DisplayAsSummary>\n\t\t\t<Critical>%d</Critical>\n"
    "\t\t\t<IsSubproject>0</IsSubproject>\n\t\t\t<IsSubprojectReadOnly>0</IsSubprojectReadOnly>\n"
    "\t\t\t<ExternalTask>0</ExternalTask>\n\t\t\t<EarlyStart>%s</EarlyStart>\n"
    "\t\t\t<EarlyFinish>%s</EarlyFinish>\n\t\t\t<LateStart>%s</LateStart>\n"
    "\t\t\t<LateFinish>%s</LateFinish>\n\t\t\t<StartVariance>0</StartVariance>\n"
    "\t\t\t<FinishVariance>0</FinishVariance>\n\t\t\t<WorkVariance>0.00</WorkVariance>\n"
    "\t\t\t<FreeSlack>0</FreeSlack>\n\t\t\t<TotalSlack>%d</TotalSlack>\n"
    "\t\t\t<StartSlack>0</StartSlack>\n\t\t\t<FinishSlack>0</FinishSlack>\n"
    "\t\t\t<FixedCost>0</FixedCost>\n\t\t\t<FixedCostAccrual>3</FixedCostAccrual>\n"
    "\t\t\t<PercentComplete>%d</PercentComplete>\n\t\t\t<PercentWorkComplete>0</PercentWorkComplete>\n"
    "\t\t\t<Cost>%d</Cost>\n\t\t\t<OvertimeCost>0</OvertimeCost>\n"
    "\t\t\t<OvertimeWork>PT0H0M0S</OvertimeWork>\n\t\t\t<ActualDuration>PT0H0M0S</ActualDuration>\n"
    "\t\t\t<ActualCost>0</ActualCost>\n\t\t\t<ActualOvertimeCost>0</ActualOvertimeCost>\n"
    "\t\t\t<ActualWork>PT0H0M0S</ActualWork>\n\t\t\t<ActualOvertimeWork>PT0H0M0S</ActualOvertimeWork>\n"
    "\t\t\t<RegularWork>PT0H0M0S</RegularWork>\n\t\t\t<RemainingDuration>PT%dH0M0S</RemainingDuration>\n"
    "\t\t\t<RemainingCost>0</RemainingCost>\n\t\t\t<RemainingWork>PT0H0M0S</RemainingWork>\n"
    "\t\t\t<RemainingOvertimeCost>0</RemainingOvertimeCost>\n"
    "\t\t\t<RemainingOvertimeWork>PT0H0M0S</RemainingOvertimeWork>\n\t\t\t<ACWP>0.00</ACWP>\n"
    "\t\t\t<CV>0.00</CV>\n\t\t\t<ConstraintType>0</ConstraintType>\n\t\t\t<CalendarUID>-1</CalendarUID>\n"
    "\t\t\t<LevelAssignments>1</LevelAssignments>\n\t\t\t<LevelingCanSplit>1</LevelingCanSplit>\n"
    "\t\t\t<LevelingDelay>0</LevelingDelay>\n\t\t\t<LevelingDelayFormat>8</LevelingDelayFormat>\n"
    "\t\t\t<IgnoreResourceCalendar>0</IgnoreResourceCalendar>\n\t\t\t<HideBar>0</HideBar>\n"
    "\t\t\t<Rollup>0</Rollup>\n\t\t\t<BCWS>0.00</BCWS>\n\t\t\t<BCWP>0.00</BCWP>\n"
    "\t\t\t<PhysicalPercentComplete>0</PhysicalPercentComplete>\n"
    "\t\t\t<EarnedValueMethod>0</EarnedValueMethod>\n",
    level, s, e, days * 8, s, e, days * 8, summary ? 0 : days * 8, summary, uid % 7 == 0,
    s, e, s, e, (uid % 5) * 4800, uid % 3 == 0 ? 50 : 0, uid % 4 * 125050, days * 8);
}

static void
write_link (FILE *f, int pred, int type, int lag, int format)
{
  fprintf (f,
    "\t\t\t<PredecessorLink>\n\t\t\t\t<PredecessorUID>%d</PredecessorUID>\n\t\t\t\t<Type>%d</Type>\n"
    "\t\t\t\t<CrossProject>0</CrossProject>\n\t\t\t\t<LinkLag>%d</LinkLag>\n"
    "\t\t\t\t<LagFormat>%d</LagFormat>\n\t\t\t</PredecessorLink>\n", pred, type, lag, format);
}

static void
end_task (FILE *f)
{
  fputs ("\t\t\t<ExtendedAttribute>\n\t\t\t\t<FieldID>188743731</FieldID>\n"
         "\t\t\t\t<Value>Owner text</Value>\n\t\t\t</ExtendedAttribute>\n"
         "\t\t\t<IsPublished>1</IsPublished>\n\t\t\t<CommitmentType>0</CommitmentType>\n"
         "\t\t</Task>\n", f);
}

static void
write_assignment (FILE *f, int uid, int task, int resource, int day0)
{
  char s[32], e[32];

  date_str (s, sizeof s, work_day (day0), 8);
  date_str (e, sizeof e, work_day (day0), 17);
  fprintf (f,
    "\t\t<Assignment>\n\t\t\t<UID>%d</UID>\n\t\t\t<GUID>%08X-DCD2-E811-AC3F-4CEDDE6E5B57</GUID>\n"
    "\t\t\t<TaskUID>%d</TaskUID>\n\t\t\t<ResourceUID>%d</ResourceUID>\n"
    "\t\t\t<PercentWorkComplete>0</PercentWorkComplete>\n\t\t\t<ActualCost>0</ActualCost>\n"
    "\t\t\t<ActualOvertimeCost>0</ActualOvertimeCost>\n\t\t\t<ActualOvertimeWork>PT0H0M0S</ActualOvertimeWork>\n"
    "\t\t\t<ActualWork>PT0H0M0S</ActualWork>\n\t\t\t<ACWP>0.00</ACWP>\n\t\t\t<Confirmed>0</Confirmed>\n"
    "\t\t\t<Cost>40000</Cost>\n\t\t\t<CostRateTable>0</CostRateTable>\n\t\t\t<RateScale>0</RateScale>\n"
    "\t\t\t<CostVariance>0</CostVariance>\n\t\t\t<CV>0.00</CV>\n\t\t\t<Delay>0</Delay>\n"
    "\t\t\t<Finish>%s</Finish>\n\t\t\t<FinishVariance>0</FinishVariance>\n"
    "\t\t\t<WorkVariance>0.00</WorkVariance>\n\t\t\t<HasFixedRateUnits>1</HasFixedRateUnits>\n"
    "\t\t\t<FixedMaterial>0</FixedMaterial>\n\t\t\t<LevelingDelay>0</LevelingDelay>\n"
    "\t\t\t<LevelingDelayFormat>7</LevelingDelayFormat>\n\t\t\t<LinkedFields>0</LinkedFields>\n"
    "\t\t\t<Milestone>0</Milestone>\n\t\t\t<Overallocated>0</Overallocated>\n"
    "\t\t\t<OvertimeCost>0</OvertimeCost>\n\t\t\t<OvertimeWork>PT0H0M0S</OvertimeWork>\n"
    "\t\t\t<RegularWork>PT8H0M0S</RegularWork>\n\t\t\t<RemainingCost>0</RemainingCost>\n"
    "\t\t\t<RemainingOvertimeCost>0</RemainingOvertimeCost>\n"
    "\t\t\t<RemainingOvertimeWork>PT0H0M0S</RemainingOvertimeWork>\n"
    "\t\t\t<RemainingWork>PT8H0M0S</RemainingWork>\n\t\t\t<ResponsePending>0</ResponsePending>\n"
    "\t\t\t<Start>%s</Start>\n\t\t\t<StartVariance>0</StartVariance>\n\t\t\t<Units>1</Units>\n"
    "\t\t\t<UpdateNeeded>0</UpdateNeeded>\n\t\t\t<VAC>0.00</VAC>\n\t\t\t<Work>PT8H0M0S</Work>\n"
    "\t\t\t<WorkContour>0</WorkContour>\n\t\t\t<BCWS>0.00</BCWS>\n\t\t\t<BCWP>0.00</BCWP>\n"
    "\t\t\t<BookingType>0</BookingType>\n\t\t\t<CreationDate>%s</CreationDate>\n"
    "\t\t\t<BudgetCost>0</BudgetCost>\n\t\t\t<BudgetWork>PT0H0M0S</BudgetWork>\n"
    "\t\t\t<TimephasedData>\n\t\t\t\t<Type>1</Type>\n\t\t\t\t<UID>%d</UID>\n"
    "\t\t\t\t<Start>%s</Start>\n\t\t\t\t<Finish>%s</Finish>\n\t\t\t\t<Unit>2</Unit>\n"
    "\t\t\t\t<Value>PT8H0M0S</Value>\n\t\t\t</TimephasedData>\n\t\t</Assignment>\n",
    uid, (unsigned) uid, task, resource, e, s, s, uid, s, e);
}

static void
generate (int n_tasks, const char *path)
{
  FILE *f = fopen (path, "w");
  int n_resources = MAX (1, n_tasks / 50);
  static char buf[1 << 20];
  int uid = 0, id = 0, asg = 0, group = 0;
  GArray *task_days = g_array_new (FALSE, FALSE, sizeof (int));

  g_assert_nonnull (f);
  setvbuf (f, buf, _IOFBF, sizeof buf);
  fputs ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<Project xmlns=\"http://schemas.microsoft.com/project\">\n"
         "\t<SaveVersion>14</SaveVersion>\n\t<BuildNumber>16.0.10730.20102</BuildNumber>\n"
         "\t<Name>bench.xml</Name>\n\t<GUID>0B08F6A0-5AD2-E811-AC3F-4CEDDE6E5B57</GUID>\n"
         "\t<Title>Benchmark</Title>\n\t<ScheduleFromStart>1</ScheduleFromStart>\n"
         "\t<StartDate>2024-01-01T08:00:00</StartDate>\n\t<FinishDate>2030-01-01T17:00:00</FinishDate>\n"
         "\t<FYStartDate>1</FYStartDate>\n\t<CriticalSlackLimit>0</CriticalSlackLimit>\n"
         "\t<CurrencyDigits>2</CurrencyDigits>\n\t<CurrencySymbol>$</CurrencySymbol>\n"
         "\t<CurrencyCode>USD</CurrencyCode>\n\t<CurrencySymbolPosition>0</CurrencySymbolPosition>\n"
         "\t<CalendarUID>1</CalendarUID>\n\t<DefaultStartTime>08:00:00</DefaultStartTime>\n"
         "\t<DefaultFinishTime>17:00:00</DefaultFinishTime>\n\t<MinutesPerDay>480</MinutesPerDay>\n"
         "\t<MinutesPerWeek>2400</MinutesPerWeek>\n\t<DaysPerMonth>20</DaysPerMonth>\n"
         "\t<Calendars>\n\t\t<Calendar>\n\t\t\t<UID>1</UID>\n\t\t\t<Name>Standard</Name>\n"
         "\t\t\t<IsBaseCalendar>1</IsBaseCalendar>\n\t\t\t<IsBaselineCalendar>0</IsBaselineCalendar>\n"
         "\t\t\t<BaseCalendarUID>-1</BaseCalendarUID>\n\t\t\t<WeekDays>\n", f);
  for (int d = 1; d <= 7; d++)
    {
      if (d == 1 || d == 7)
        fprintf (f, "\t\t\t\t<WeekDay>\n\t\t\t\t\t<DayType>%d</DayType>\n\t\t\t\t\t<DayWorking>0</DayWorking>\n"
                 "\t\t\t\t</WeekDay>\n", d);
      else
        fprintf (f, "\t\t\t\t<WeekDay>\n\t\t\t\t\t<DayType>%d</DayType>\n\t\t\t\t\t<DayWorking>1</DayWorking>\n"
                 "\t\t\t\t\t<WorkingTimes>\n\t\t\t\t\t\t<WorkingTime>\n\t\t\t\t\t\t\t<FromTime>08:00:00</FromTime>\n"
                 "\t\t\t\t\t\t\t<ToTime>12:00:00</ToTime>\n\t\t\t\t\t\t</WorkingTime>\n"
                 "\t\t\t\t\t\t<WorkingTime>\n\t\t\t\t\t\t\t<FromTime>13:00:00</FromTime>\n"
                 "\t\t\t\t\t\t\t<ToTime>17:00:00</ToTime>\n\t\t\t\t\t\t</WorkingTime>\n"
                 "\t\t\t\t\t</WorkingTimes>\n\t\t\t\t</WeekDay>\n", d);
    }
  fputs ("\t\t\t</WeekDays>\n\t\t</Calendar>\n\t</Calendars>\n\t<Tasks>\n", f);
  write_task (f, 0, 0, 0, TRUE, 0, 1, 0);
  fputs ("\t\t</Task>\n", f);
  /* uid 0 must not be given an outline level of 1 by write_task: patch */

  while (uid < n_tasks)
    {
      int summary_uid = ++uid;
      int day0 = group * 10;

      id++;
      write_task (f, summary_uid, id, 1, TRUE, day0, 20, 0);
      end_task (f);
      for (int k = 1; k <= 20 && uid < n_tasks; k++)
        {
          int t = ++uid;
          id++;
          write_task (f, t, id, 2, FALSE, day0 + k - 1, 1, k);
          if (k > 1)
            write_link (f, t - 1, 1, 0, 7);
          if (group > 0 && k % 5 == 0)
            {
              static const int lags[4] = { 4800, -600, 0, 24000 };
              static const int formats[4] = { 7, 5, 7, 9 };
              int type = (t / 5) % 4;
              write_link (f, t - 21, type, lags[type], formats[type]);
            }
          end_task (f);
        }
      group++;
    }
  fputs ("\t</Tasks>\n\t<Resources>\n\t\t<Resource>\n\t\t\t<UID>0</UID>\n\t\t\t<ID>0</ID>\n"
         "\t\t\t<Type>1</Type>\n\t\t\t<IsNull>0</IsNull>\n\t\t</Resource>\n", f);
  for (int r = 1; r <= n_resources; r++)
    fprintf (f, "\t\t<Resource>\n\t\t\t<UID>%d</UID>\n\t\t\t<ID>%d</ID>\n\t\t\t<Name>Person %d</Name>\n"
             "\t\t\t<Type>1</Type>\n\t\t\t<IsNull>0</IsNull>\n\t\t\t<Initials>P%d</Initials>\n"
             "\t\t\t<MaxUnits>1.00</MaxUnits>\n\t\t\t<StandardRate>50</StandardRate>\n"
             "\t\t\t<StandardRateFormat>2</StandardRateFormat>\n\t\t\t<OvertimeRate>0</OvertimeRate>\n"
             "\t\t\t<OvertimeRateFormat>2</OvertimeRateFormat>\n\t\t\t<CostPerUse>0</CostPerUse>\n"
             "\t\t\t<AccrueAt>3</AccrueAt>\n\t\t\t<IsCostResource>0</IsCostResource>\n"
             "\t\t</Resource>\n", r, r, r, r);
  fputs ("\t</Resources>\n\t<Assignments>\n", f);
  for (int t = 1; t <= n_tasks; t++)
    {
      gboolean summary = (t - 1) % 21 == 0;
      int day0 = ((t - 1) / 21) * 10 + ((t - 1) % 21);

      if (summary || t % 3 != 0)
        continue;
      write_assignment (f, ++asg, t, 1 + (t / 3) % n_resources, day0);
    }
  fputs ("\t</Assignments>\n</Project>\n", f);
  fclose (f);
  g_array_unref (task_days);
}

typedef struct
{
  double parse_wall, parse_cpu;     /* libxml2's bare streaming pass */
  double import_wall, import_cpu;
  double export_wall, export_cpu;
} Figures;

static double
cpu_now (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6
         + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

/* The floor: libxml2's xmlTextReader walking the file, expanding each
 * object as the importer does, and nothing else. */
static void
bare_parse (const char *path)
{
  xmlTextReaderPtr r = xmlReaderForFile (path, NULL, XML_PARSE_NONET | XML_PARSE_COMPACT
                                                     | XML_PARSE_NOBLANKS);
  int ret = xmlTextReaderRead (r);

  while (ret == 1)
    {
      if (xmlTextReaderNodeType (r) == XML_READER_TYPE_ELEMENT && xmlTextReaderDepth (r) == 2)
        {
          xmlTextReaderExpand (r);
          ret = xmlTextReaderNext (r);
        }
      else
        ret = xmlTextReaderRead (r);
    }
  xmlFreeTextReader (r);
}

/* In a child process (so ru_maxrss is this run's peak): bare parse,
 * import, export, each timed by wall clock and CPU. */
static Figures
measure (const char *in, const char *out, long *maxrss_kb)
{
  Figures fig = { 0 };
  int pipefd[2];
  pid_t pid;

  g_assert_cmpint (pipe (pipefd), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;
      GantryProject *p;
      gint64 t0;
      double c0;

      close (pipefd[0]);
      t0 = g_get_monotonic_time (); c0 = cpu_now ();
      bare_parse (in);
      fig.parse_wall = (g_get_monotonic_time () - t0) / 1e6; fig.parse_cpu = cpu_now () - c0;

      t0 = g_get_monotonic_time (); c0 = cpu_now ();
      p = gantry_mspdi_load (in, NULL, &error);
      fig.import_wall = (g_get_monotonic_time () - t0) / 1e6; fig.import_cpu = cpu_now () - c0;
      g_assert_no_error (error);

      t0 = g_get_monotonic_time (); c0 = cpu_now ();
      g_assert_true (gantry_mspdi_save (p, out, 0, &error));
      fig.export_wall = (g_get_monotonic_time () - t0) / 1e6; fig.export_cpu = cpu_now () - c0;
      g_assert_no_error (error);

      g_assert_cmpint (write (pipefd[1], &fig, sizeof fig), ==, sizeof fig);
      _exit (0);
    }
  else
    {
      struct rusage ru;
      int status;

      close (pipefd[1]);
      if (read (pipefd[0], &fig, sizeof fig) != sizeof fig)
        g_error ("benchmark child failed");
      close (pipefd[0]);
      wait4 (pid, &status, 0, &ru);
      *maxrss_kb = ru.ru_maxrss;
    }
  return fig;
}

static void
run (int n)
{
  const char *dir = g_get_tmp_dir ();
  g_autofree char *in = g_strdup_printf ("%s/gantry-bench-%d.xml", dir, n);
  g_autofree char *out = g_strdup_printf ("%s/gantry-bench-%d-out.xml", dir, n);
  GStatBuf st;
  Figures f;
  long rss;
  double mb;

  generate (n, in);
  g_stat (in, &st);
  mb = st.st_size / 1e6;
  printf ("%d tasks: %.1f MB (%d resources)\n", n, mb, n / 50);
  f = measure (in, out, &rss);
  printf ("    libxml2 bare streaming pass: %6.3f s wall, %6.3f s CPU\n", f.parse_wall, f.parse_cpu);
  printf ("    import:                      %6.3f s wall, %6.3f s CPU (%.0f MB/s; %.1fx the bare pass)\n",
          f.import_wall, f.import_cpu, mb / f.import_cpu, f.import_cpu / f.parse_cpu);
  printf ("    export:                      %6.3f s wall, %6.3f s CPU\n", f.export_wall, f.export_cpu);
  printf ("    peak RSS (whole run):        %.0f MB\n", rss / 1024.0);
  g_stat (out, &st);
  printf ("    exported file: %.1f MB\n", st.st_size / 1e6);
  fflush (stdout);
  g_unlink (in);
  g_unlink (out);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--generate"))
    {
      generate (atoi (argv[2]), argv[3]);
      return 0;
    }
  printf ("# MSPDI benchmark (targets: 10k import <= 0.5 s; 100k import <= 6 s, <= 1 GB; "
          "export at least as fast)\n# wall time depends on machine load; CPU time is the "
          "process's own\n");
  run (10000);
  if (!(argc > 1 && g_str_equal (argv[1], "--quick")))
    run (100000);
  return 0;
}
