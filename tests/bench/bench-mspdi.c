/* bench-mspdi.c — MSPDI import/export speed and memory on MS Project-shaped
 * files of 1 000, 10 000 and 100 000 tasks.
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The generator writes what MS Project 2019 writes, element for element
 * and in its order (copied from the corpus files saved by Project 2019:
 * task-links-project2019-mspdi.xml and task-text-project2019-mspdi.xml for
 * a task, a link and a custom text field, assignment-assignments-
 * project2019-mspdi.xml for the project header, a resource, its calendar
 * and an assignment with its timephased work), tab-indented as MS Project
 * writes it.  The shape is the issue's: groups of 20 tasks under a summary
 * task, FS chains inside a group, cross links of all four types with lags
 * between groups, a third of the tasks assigned to one of N/50 resources.
 * A real 2019 task is about 3.0 KB of XML (2.9-3.1 KB in those files), an
 * assignment 1.9 KB, so the files are about 3.9 KB per task, not the
 * issue's 2.7 KB.
 *
 * With --ms-null-assignments the file also has what MS Project 2019 writes
 * for every task without a resource: an assignment to the null resource
 * (-65535) with its timephased data (5.1 KB per task).
 *
 * Each measurement runs in a fresh child process, so ru_maxrss is that
 * run's peak.  Prints figures (min and median of the runs); never fails on
 * time.
 *
 *   bench-mspdi [--runs N]              1 000, 10 000, 100 000 tasks, N runs each (3)
 *   bench-mspdi --quick                 10 000 only, one run
 *   bench-mspdi --tasks N [--runs R]    N tasks only
 *   bench-mspdi --ms-null-assignments   the same with null-resource assignments
 *   bench-mspdi --generate N FILE [--ms-null-assignments]   just write a file
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <libxml/parser.h>

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

/* A task as Project 2019 writes it, up to its PredecessorLinks. */
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
  if (level <= 1)
    fprintf (f, "\t\t\t<WBS>%d</WBS>\n\t\t\t<OutlineNumber>%d</OutlineNumber>\n",
             level ? outline_a : 0, level ? outline_a : 0);
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

/* The end of a task; Project 2019 writes a custom field's value last. */
static void
end_task (FILE *f, int uid)
{
  fprintf (f, "\t\t\t<IsPublished>1</IsPublished>\n\t\t\t<CommitmentType>0</CommitmentType>\n"
           "\t\t\t<ExtendedAttribute>\n\t\t\t\t<FieldID>188743731</FieldID>\n"
           "\t\t\t\t<Value>Owner %d</Value>\n\t\t\t</ExtendedAttribute>\n"
           "\t\t</Task>\n", uid % 97);
}

/* An assignment as Project 2019 writes it, with one day of timephased
 * work (the generated tasks last one day). */
static void
write_assignment (FILE *f, int uid, int task, int resource, int day0)
{
  char s[32], e[32], cd[32];

  date_str (s, sizeof s, work_day (day0), 8);
  date_str (e, sizeof e, work_day (day0), 17);
  date_str (cd, sizeof cd, work_day (0), 9);
  fprintf (f,
    "\t\t<Assignment>\n\t\t\t<UID>%d</UID>\n\t\t\t<GUID>%08X-DCD2-E811-AC3F-4CEDDE6E5B57</GUID>\n"
    "\t\t\t<TaskUID>%d</TaskUID>\n\t\t\t<ResourceUID>%d</ResourceUID>\n"
    "\t\t\t<PercentWorkComplete>0</PercentWorkComplete>\n\t\t\t<ActualCost>0</ActualCost>\n"
    "\t\t\t<ActualOvertimeCost>0</ActualOvertimeCost>\n\t\t\t<ActualOvertimeWork>PT0H0M0S</ActualOvertimeWork>\n"
    "\t\t\t<ActualWork>PT0H0M0S</ActualWork>\n\t\t\t<ACWP>0.00</ACWP>\n\t\t\t<Confirmed>0</Confirmed>\n"
    "\t\t\t<Cost>%d</Cost>\n\t\t\t<CostRateTable>0</CostRateTable>\n\t\t\t<RateScale>0</RateScale>\n"
    "\t\t\t<CostVariance>0</CostVariance>\n\t\t\t<CV>0.00</CV>\n\t\t\t<Delay>0</Delay>\n"
    "\t\t\t<Finish>%s</Finish>\n\t\t\t<FinishVariance>0</FinishVariance>\n"
    "\t\t\t<WorkVariance>0.00</WorkVariance>\n\t\t\t<HasFixedRateUnits>1</HasFixedRateUnits>\n"
    "\t\t\t<FixedMaterial>0</FixedMaterial>\n\t\t\t<LevelingDelay>0</LevelingDelay>\n"
    "\t\t\t<LevelingDelayFormat>7</LevelingDelayFormat>\n\t\t\t<LinkedFields>0</LinkedFields>\n"
    "\t\t\t<Milestone>0</Milestone>\n\t\t\t<Overallocated>0</Overallocated>\n"
    "\t\t\t<OvertimeCost>0</OvertimeCost>\n\t\t\t<OvertimeWork>PT0H0M0S</OvertimeWork>\n"
    "\t\t\t<RegularWork>PT8H0M0S</RegularWork>\n\t\t\t<RemainingCost>%d</RemainingCost>\n"
    "\t\t\t<RemainingOvertimeCost>0</RemainingOvertimeCost>\n"
    "\t\t\t<RemainingOvertimeWork>PT0H0M0S</RemainingOvertimeWork>\n"
    "\t\t\t<RemainingWork>PT8H0M0S</RemainingWork>\n\t\t\t<ResponsePending>0</ResponsePending>\n"
    "\t\t\t<Start>%s</Start>\n\t\t\t<StartVariance>0</StartVariance>\n\t\t\t<Units>1</Units>\n"
    "\t\t\t<UpdateNeeded>0</UpdateNeeded>\n\t\t\t<VAC>0.00</VAC>\n\t\t\t<Work>PT8H0M0S</Work>\n"
    "\t\t\t<WorkContour>0</WorkContour>\n\t\t\t<BCWS>0.00</BCWS>\n\t\t\t<BCWP>0.00</BCWP>\n"
    "\t\t\t<BookingType>0</BookingType>\n\t\t\t<CreationDate>%s</CreationDate>\n"
    "\t\t\t<BudgetCost>0</BudgetCost>\n\t\t\t<BudgetWork>PT0H0M0S</BudgetWork>\n"
    "\t\t\t<TimephasedData>\n\t\t\t\t<Type>1</Type>\n\t\t\t\t<UID>%d</UID>\n"
    "\t\t\t\t<Start>%s</Start>\n\t\t\t\t<Finish>%s</Finish>\n\t\t\t\t<Unit>1</Unit>\n"
    "\t\t\t\t<Value>PT8H0M0S</Value>\n\t\t\t</TimephasedData>\n\t\t</Assignment>\n",
    uid, (unsigned) uid, task, resource, resource > 0 ? 40000 : 0, e, resource > 0 ? 40000 : 0,
    s, cd, uid, s, e);
}

/* A work resource as Project 2019 writes it (with its own calendar). */
static void
write_resource (FILE *f, int r, int calendar_uid)
{
  char cd[32];

  date_str (cd, sizeof cd, work_day (0), 9);
  fprintf (f,
    "\t\t<Resource>\n\t\t\t<UID>%d</UID>\n\t\t\t<GUID>%08X-DAD2-E811-AC3F-4CEDDE6E5B57</GUID>\n"
    "\t\t\t<ID>%d</ID>\n\t\t\t<Name>Person %d</Name>\n\t\t\t<Type>1</Type>\n\t\t\t<IsNull>0</IsNull>\n"
    "\t\t\t<Initials>P%d</Initials>\n\t\t\t<MaxUnits>1.00</MaxUnits>\n\t\t\t<PeakUnits>1.00</PeakUnits>\n"
    "\t\t\t<OverAllocated>0</OverAllocated>\n\t\t\t<CanLevel>1</CanLevel>\n\t\t\t<AccrueAt>3</AccrueAt>\n"
    "\t\t\t<Work>PT400H0M0S</Work>\n\t\t\t<RegularWork>PT400H0M0S</RegularWork>\n"
    "\t\t\t<OvertimeWork>PT0H0M0S</OvertimeWork>\n\t\t\t<ActualWork>PT0H0M0S</ActualWork>\n"
    "\t\t\t<RemainingWork>PT400H0M0S</RemainingWork>\n\t\t\t<ActualOvertimeWork>PT0H0M0S</ActualOvertimeWork>\n"
    "\t\t\t<RemainingOvertimeWork>PT0H0M0S</RemainingOvertimeWork>\n"
    "\t\t\t<PercentWorkComplete>0</PercentWorkComplete>\n\t\t\t<StandardRate>50</StandardRate>\n"
    "\t\t\t<StandardRateFormat>2</StandardRateFormat>\n\t\t\t<Cost>2000000</Cost>\n"
    "\t\t\t<OvertimeRate>0</OvertimeRate>\n\t\t\t<OvertimeRateFormat>2</OvertimeRateFormat>\n"
    "\t\t\t<OvertimeCost>0</OvertimeCost>\n\t\t\t<CostPerUse>0</CostPerUse>\n\t\t\t<ActualCost>0</ActualCost>\n"
    "\t\t\t<ActualOvertimeCost>0</ActualOvertimeCost>\n\t\t\t<RemainingCost>2000000</RemainingCost>\n"
    "\t\t\t<RemainingOvertimeCost>0</RemainingOvertimeCost>\n\t\t\t<WorkVariance>0.00</WorkVariance>\n"
    "\t\t\t<CostVariance>0</CostVariance>\n\t\t\t<SV>0.00</SV>\n\t\t\t<CV>0.00</CV>\n\t\t\t<ACWP>0.00</ACWP>\n"
    "\t\t\t<CalendarUID>%d</CalendarUID>\n\t\t\t<BCWS>0.00</BCWS>\n\t\t\t<BCWP>0.00</BCWP>\n"
    "\t\t\t<IsGeneric>0</IsGeneric>\n\t\t\t<IsInactive>0</IsInactive>\n\t\t\t<IsEnterprise>0</IsEnterprise>\n"
    "\t\t\t<BookingType>0</BookingType>\n\t\t\t<CreationDate>%s</CreationDate>\n"
    "\t\t\t<IsCostResource>0</IsCostResource>\n\t\t\t<IsBudget>0</IsBudget>\n\t\t</Resource>\n",
    r, (unsigned) r, r, r, r, calendar_uid, cd);
}

static const char project_head[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Project xmlns=\"http://schemas.microsoft.com/project\">\n"
  "\t<SaveVersion>14</SaveVersion>\n\t<BuildNumber>16.0.10730.20102</BuildNumber>\n"
  "\t<Name>bench.xml</Name>\n\t<GUID>0B08F6A0-5AD2-E811-AC3F-4CEDDE6E5B57</GUID>\n"
  "\t<Title>Benchmark</Title>\n\t<CreationDate>2024-01-01T08:00:00</CreationDate>\n"
  "\t<LastSaved>2024-01-01T09:00:00</LastSaved>\n\t<ScheduleFromStart>1</ScheduleFromStart>\n"
  "\t<StartDate>2024-01-01T08:00:00</StartDate>\n\t<FinishDate>2030-01-01T17:00:00</FinishDate>\n"
  "\t<FYStartDate>1</FYStartDate>\n\t<CriticalSlackLimit>0</CriticalSlackLimit>\n"
  "\t<CurrencyDigits>2</CurrencyDigits>\n\t<CurrencySymbol>$</CurrencySymbol>\n"
  "\t<CurrencyCode>USD</CurrencyCode>\n\t<CurrencySymbolPosition>0</CurrencySymbolPosition>\n"
  "\t<CalendarUID>1</CalendarUID>\n\t<DefaultStartTime>08:00:00</DefaultStartTime>\n"
  "\t<DefaultFinishTime>17:00:00</DefaultFinishTime>\n\t<MinutesPerDay>480</MinutesPerDay>\n"
  "\t<MinutesPerWeek>2400</MinutesPerWeek>\n\t<DaysPerMonth>20</DaysPerMonth>\n"
  "\t<DefaultTaskType>0</DefaultTaskType>\n\t<DefaultFixedCostAccrual>3</DefaultFixedCostAccrual>\n"
  "\t<DefaultStandardRate>0</DefaultStandardRate>\n\t<DefaultOvertimeRate>0</DefaultOvertimeRate>\n"
  "\t<DurationFormat>7</DurationFormat>\n\t<WorkFormat>2</WorkFormat>\n"
  "\t<EditableActualCosts>0</EditableActualCosts>\n\t<HonorConstraints>0</HonorConstraints>\n"
  "\t<InsertedProjectsLikeSummary>1</InsertedProjectsLikeSummary>\n"
  "\t<MultipleCriticalPaths>0</MultipleCriticalPaths>\n\t<NewTasksEffortDriven>0</NewTasksEffortDriven>\n"
  "\t<NewTasksEstimated>1</NewTasksEstimated>\n\t<SplitsInProgressTasks>1</SplitsInProgressTasks>\n"
  "\t<SpreadActualCost>0</SpreadActualCost>\n\t<SpreadPercentComplete>0</SpreadPercentComplete>\n"
  "\t<TaskUpdatesResource>1</TaskUpdatesResource>\n\t<FiscalYearStart>0</FiscalYearStart>\n"
  "\t<WeekStartDay>1</WeekStartDay>\n\t<MoveCompletedEndsBack>0</MoveCompletedEndsBack>\n"
  "\t<MoveRemainingStartsBack>0</MoveRemainingStartsBack>\n"
  "\t<MoveRemainingStartsForward>0</MoveRemainingStartsForward>\n"
  "\t<MoveCompletedEndsForward>0</MoveCompletedEndsForward>\n"
  "\t<BaselineForEarnedValue>0</BaselineForEarnedValue>\n"
  "\t<AutoAddNewResourcesAndTasks>1</AutoAddNewResourcesAndTasks>\n"
  "\t<CurrentDate>2024-01-01T08:00:00</CurrentDate>\n"
  "\t<MicrosoftProjectServerURL>1</MicrosoftProjectServerURL>\n\t<Autolink>0</Autolink>\n"
  "\t<NewTaskStartDate>0</NewTaskStartDate>\n\t<NewTasksAreManual>0</NewTasksAreManual>\n"
  "\t<DefaultTaskEVMethod>0</DefaultTaskEVMethod>\n\t<ProjectExternallyEdited>0</ProjectExternallyEdited>\n"
  "\t<ExtendedCreationDate>1984-01-01T00:00:00</ExtendedCreationDate>\n\t<ActualsInSync>0</ActualsInSync>\n"
  "\t<RemoveFileProperties>0</RemoveFileProperties>\n\t<AdminProject>0</AdminProject>\n"
  "\t<UpdateManuallyScheduledTasksWhenEditingLinks>1</UpdateManuallyScheduledTasksWhenEditingLinks>\n"
  "\t<KeepTaskOnNearestWorkingTimeWhenMadeAutoScheduled>0</KeepTaskOnNearestWorkingTimeWhenMadeAutoScheduled>\n"
  "\t<Views>\n\t\t<View>\n\t\t\t<Name>Gantt &amp;with Timeline</Name>\n\t\t</View>\n"
  "\t\t<View>\n\t\t\t<Name>&amp;Gantt Chart</Name>\n\t\t\t<IsCustomized>true</IsCustomized>\n\t\t</View>\n"
  "\t</Views>\n\t<Filters>\n\t\t<Filter>\n\t\t\t<Name>&amp;All Tasks</Name>\n\t\t</Filter>\n\t</Filters>\n"
  "\t<Groups>\n\t\t<Group>\n\t\t\t<Name>&amp;No Group</Name>\n\t\t</Group>\n\t</Groups>\n"
  "\t<Tables>\n\t\t<Table>\n\t\t\t<Name>&amp;Entry</Name>\n\t\t\t<IsCustomized>true</IsCustomized>\n"
  "\t\t</Table>\n\t</Tables>\n\t<Maps/>\n\t<Reports/>\n\t<Drawings/>\n\t<DataLinks/>\n"
  "\t<VBAProjects>\n\t\t<VBAProject>\n\t\t\t<Name>ThisProject</Name>\n"
  "\t\t\t<IsCustomized>true</IsCustomized>\n\t\t</VBAProject>\n\t</VBAProjects>\n"
  "\t<OutlineCodes/>\n\t<WBSMasks/>\n\t<ExtendedAttributes>\n\t\t<ExtendedAttribute>\n"
  "\t\t\t<FieldID>188743731</FieldID>\n\t\t\t<FieldName>Text1</FieldName>\n"
  "\t\t\t<Guid>000039B7-8BBE-4CEB-82C4-FA8C0B400033</Guid>\n\t\t\t<SecondaryPID>255869028</SecondaryPID>\n"
  "\t\t\t<SecondaryGuid>000039B7-8BBE-4CEB-82C4-FA8C0F404064</SecondaryGuid>\n"
  "\t\t</ExtendedAttribute>\n\t</ExtendedAttributes>\n";

static void
generate (int         n_tasks,
          const char *path,
          gboolean    null_assignments)
{
  FILE *f = fopen (path, "w");
  int n_resources = MAX (1, n_tasks / 50);
  static char buf[1 << 20];
  int uid = 0, id = 0, asg = 0, group = 0;

  g_assert_nonnull (f);
  setvbuf (f, buf, _IOFBF, sizeof buf);
  fputs (project_head, f);
  fputs ("\t<Calendars>\n\t\t<Calendar>\n\t\t\t<UID>1</UID>\n"
         "\t\t\t<GUID>0C08F6A0-5AD2-E811-AC3F-4CEDDE6E5B57</GUID>\n\t\t\t<Name>Standard</Name>\n"
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
  fputs ("\t\t\t</WeekDays>\n\t\t</Calendar>\n", f);
  /* Project 2019 gives every work resource a calendar of its own */
  for (int r = 1; r <= n_resources; r++)
    fprintf (f, "\t\t<Calendar>\n\t\t\t<UID>%d</UID>\n\t\t\t<GUID>%08X-DAD2-E811-AC3F-4CEDDE6E5B57</GUID>\n"
             "\t\t\t<Name>Person %d</Name>\n\t\t\t<IsBaseCalendar>0</IsBaseCalendar>\n"
             "\t\t\t<IsBaselineCalendar>0</IsBaselineCalendar>\n\t\t\t<BaseCalendarUID>1</BaseCalendarUID>\n"
             "\t\t</Calendar>\n", r + 1, (unsigned) r, r);
  fputs ("\t</Calendars>\n\t<Tasks>\n", f);
  write_task (f, 0, 0, 0, TRUE, 0, 1, 0);
  fputs ("\t\t\t<IsPublished>1</IsPublished>\n\t\t\t<CommitmentType>0</CommitmentType>\n\t\t</Task>\n", f);

  while (uid < n_tasks)
    {
      int summary_uid = ++uid;
      int day0 = group * 10;

      id++;
      write_task (f, summary_uid, id, 1, TRUE, day0, 20, 0);
      end_task (f, summary_uid);
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
          end_task (f, t);
        }
      group++;
    }
  fputs ("\t</Tasks>\n\t<Resources>\n\t\t<Resource>\n\t\t\t<UID>0</UID>\n\t\t\t<ID>0</ID>\n"
         "\t\t\t<Type>1</Type>\n\t\t\t<IsNull>0</IsNull>\n\t\t</Resource>\n", f);
  for (int r = 1; r <= n_resources; r++)
    write_resource (f, r, r + 1);
  fputs ("\t</Resources>\n\t<Assignments>\n", f);
  for (int t = 1; t <= n_tasks; t++)
    {
      gboolean summary = (t - 1) % 21 == 0;
      int day0 = ((t - 1) / 21) * 10 + ((t - 1) % 21);

      if (summary)
        continue;
      if (t % 3 == 0)
        write_assignment (f, ++asg, t, 1 + (t / 3) % n_resources, day0);
      else if (null_assignments)
        write_assignment (f, ++asg, t, -65535, day0);
    }
  fputs ("\t</Assignments>\n</Project>\n", f);
  g_assert_cmpint (fclose (f), ==, 0);
}

/* ---- measuring ---------------------------------------------------------- */

typedef struct
{
  double parse_wall, parse_cpu;     /* libxml2's bare SAX2 pass */
  double import_wall, import_cpu;
  double export_wall, export_cpu;
  long   import_rss_kb;             /* peak RSS once imported */
  long   rss_kb;                    /* peak RSS of the whole run */
} Figures;

static double
cpu_now (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6
         + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

/* The floor: libxml2's SAX2 push parser (the importer's) reading the file
 * with callbacks that do nothing. */
static void
bare_parse (const char *path)
{
  xmlSAXHandler sax;
  FILE *f = fopen (path, "rb");
  static char chunk[256 * 1024];
  xmlParserCtxtPtr ctxt;
  size_t n;

  memset (&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  ctxt = xmlCreatePushParserCtxt (&sax, NULL, NULL, 0, path);
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET);
  while ((n = fread (chunk, 1, sizeof chunk, f)) > 0)
    xmlParseChunk (ctxt, chunk, (int) n, 0);
  xmlParseChunk (ctxt, NULL, 0, 1);
  xmlFreeParserCtxt (ctxt);
  fclose (f);
}

/* One run in a child process (so ru_maxrss is this run's peak): bare
 * parse, import, export, each timed by wall clock and CPU. */
static Figures
measure (const char *in, const char *out)
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
      struct rusage ru;
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
      getrusage (RUSAGE_SELF, &ru);
      fig.import_rss_kb = ru.ru_maxrss;

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
      fig.rss_kb = ru.ru_maxrss;
    }
  return fig;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* "min / median" of field (an offset into Figures) over runs */
static void
min_median (const Figures *runs,
            int            n,
            gsize          offset,
            double        *min,
            double        *median)
{
  g_autofree double *v = g_new (double, n);

  for (int i = 0; i < n; i++)
    v[i] = G_STRUCT_MEMBER (double, &runs[i], offset);
  qsort (v, n, sizeof (double), compare_double);
  *min = v[0];
  *median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
print_row (const char    *what,
           const Figures *runs,
           int            n,
           gsize          wall,
           gsize          cpu)
{
  double wmin, wmed, cmin, cmed;

  min_median (runs, n, wall, &wmin, &wmed);
  min_median (runs, n, cpu, &cmin, &cmed);
  printf ("    %-28s wall %6.3f / %6.3f s   CPU %6.3f / %6.3f s\n", what, wmin, wmed, cmin, cmed);
}

static void
run (int      n,
     int      n_runs,
     gboolean null_assignments)
{
  const char *dir = g_get_tmp_dir ();
  g_autofree char *in = g_strdup_printf ("%s/gantry-bench-%d-%d.xml", dir, n, (int) getpid ());
  g_autofree char *out = g_strdup_printf ("%s/gantry-bench-%d-%d-out.xml", dir, n, (int) getpid ());
  g_autofree Figures *runs = g_new0 (Figures, n_runs);
  GStatBuf st;
  double mb, imin, imed;
  long rss = 0, import_rss = 0;

  generate (n, in, null_assignments);
  g_stat (in, &st);
  mb = st.st_size / 1e6;
  printf ("%d tasks%s: %.1f MB, %.2f KB per task (%d resources); %d run%s, min / median:\n",
          n, null_assignments ? " with null-resource assignments" : "", mb,
          st.st_size / 1024.0 / n, MAX (1, n / 50), n_runs, n_runs > 1 ? "s" : "");
  fflush (stdout);
  for (int i = 0; i < n_runs; i++)
    {
      runs[i] = measure (in, out);
      rss = MAX (rss, runs[i].rss_kb);
      import_rss = MAX (import_rss, runs[i].import_rss_kb);
    }
  print_row ("libxml2 bare SAX2 pass:", runs, n_runs, G_STRUCT_OFFSET (Figures, parse_wall),
             G_STRUCT_OFFSET (Figures, parse_cpu));
  print_row ("import:", runs, n_runs, G_STRUCT_OFFSET (Figures, import_wall),
             G_STRUCT_OFFSET (Figures, import_cpu));
  print_row ("export:", runs, n_runs, G_STRUCT_OFFSET (Figures, export_wall),
             G_STRUCT_OFFSET (Figures, export_cpu));
  min_median (runs, n_runs, G_STRUCT_OFFSET (Figures, import_cpu), &imin, &imed);
  printf ("    import: %.0f MB/s of CPU (best run)\n", mb / imin);
  printf ("    peak RSS: %.0f MB after import, %.0f MB whole run (max of runs)\n",
          import_rss / 1024.0, rss / 1024.0);
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
  gboolean quick = FALSE, null_assignments = FALSE;
  int n_runs = 3, only = 0;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--ms-null-assignments"))
      null_assignments = TRUE;
  if (argc >= 4 && g_str_equal (argv[1], "--generate"))
    {
      generate (atoi (argv[2]), argv[3], null_assignments);
      return 0;
    }
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--quick"))
        quick = TRUE;
      else if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        n_runs = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--tasks") && i + 1 < argc)
        only = atoi (argv[++i]);
    }
  printf ("# MSPDI benchmark (targets: 10k import <= 0.5 s; 100k import <= 6 s, <= 1 GB; "
          "export at least as fast)\n# wall time depends on machine load; CPU time is the "
          "process's own\n");
  n_runs = MAX (n_runs, 1);
  if (quick || only > 0)
    {
      run (only > 0 ? only : 10000, quick ? 1 : n_runs, null_assignments);
      return 0;
    }
  run (1000, n_runs, null_assignments);
  run (10000, n_runs, null_assignments);
  run (100000, n_runs, null_assignments);
  return 0;
}
