/* test-mspdi-encodings.c — the traps of reference §1.8 and the encoding
 * rows E1–E7 of §4.6, in both directions (read, then write back)
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Golden values come from reference/mspdi-and-scheduling.md, not from the
 * code under test.
 */
#include "config.h"

#include <stdlib.h>

#include "gantry-test-helper.h"
#include "test-mspdi-common.h"

#define H  GANTRY_MS_HOUR
#define MINUTE GANTRY_MS_MINUTE

static const char *calendar_body =
  "<Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>"
  "<BaseCalendarUID>-1</BaseCalendarUID><WeekDays>"
  "<WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>"
  "<WeekDay><DayType>2</DayType><DayWorking>1</DayWorking><WorkingTimes>"
  "<WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>"
  "<WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime>"
  "</WorkingTimes></WeekDay></WeekDays></Calendar></Calendars>";

/* Two tasks, B linked to A with the given link XML fragment. */
static GantryProject *
load_link (const char *link_xml)
{
  g_autofree char *body = g_strdup_printf (
    "<CalendarUID>1</CalendarUID>%s<Tasks>"
    "<Task><UID>1</UID><ID>1</ID><Name>A</Name><OutlineLevel>1</OutlineLevel></Task>"
    "<Task><UID>2</UID><ID>2</ID><Name>B</Name><OutlineLevel>1</OutlineLevel>"
    "<PredecessorLink><PredecessorUID>1</PredecessorUID>%s</PredecessorLink></Task>"
    "</Tasks>", calendar_body, link_xml);

  return load_body (body, NULL);
}

static GantryLink *
only_link (GantryProject *p)
{
  GantryTask *b = gantry_project_lookup_task (p, 2);
  GPtrArray *preds = gantry_task_get_predecessors (b);

  g_assert_cmpuint (preds->len, ==, 1);
  g_assert_true (gantry_link_get_predecessor (g_ptr_array_index (preds, 0))
                 == gantry_project_lookup_task (p, 1));
  return g_ptr_array_index (preds, 0);
}

/* E1: 1d lag = LinkLag 4800 (tenths of a minute), LagFormat 7 */
static void
test_e1_day_lag (void)
{
  g_autoptr(GantryProject) p = load_link ("<Type>1</Type><LinkLag>4800</LinkLag><LagFormat>7</LagFormat>");
  GantryLink *l = only_link (p);
  g_autofree char *xml = NULL;

  g_assert_cmpint (gantry_link_get_lag (l), ==, 8 * H);
  g_assert_cmpint (gantry_link_get_lag_format (l), ==, GANTRY_FORMAT_DAYS);
  xml = save (p, 0);
  assert_xpath (xml, "Tasks/Task[2]/PredecessorLink/LinkLag", "4800");
  assert_xpath (xml, "Tasks/Task[2]/PredecessorLink/LagFormat", "7");
}

/* E2: -1h lag = -600 with format 5; the real file's -4800/5 = -8 h */
static void
test_e2_negative_lag (void)
{
  g_autoptr(GantryProject) p = load_link ("<Type>1</Type><LinkLag>-600</LinkLag><LagFormat>5</LagFormat>");
  g_autoptr(GantryProject) q = load_link ("<Type>1</Type><LinkLag>-4800</LinkLag><LagFormat>5</LagFormat>");
  g_autofree char *xml = NULL;

  g_assert_cmpint (gantry_link_get_lag (only_link (p)), ==, -1 * H);
  g_assert_cmpint (gantry_link_get_lag (only_link (q)), ==, -8 * H);
  xml = save (p, 0);
  assert_xpath (xml, "Tasks/Task[2]/PredecessorLink/LinkLag", "-600");
  assert_xpath (xml, "Tasks/Task[2]/PredecessorLink/LagFormat", "5");
}

/* E3 / trap 2: 1w = PT40H0M0S with DurationFormat 9; elapsed days store
 * real hours (1ed = PT24H0M0S); the format only picks the display unit. */
static void
test_e3_durations (void)
{
  g_autoptr(GantryProject) p = load_body (
    "<Tasks><Task><UID>1</UID><Name>W</Name><OutlineLevel>1</OutlineLevel>"
    "<Duration>PT40H0M0S</Duration><DurationFormat>9</DurationFormat></Task>"
    "<Task><UID>2</UID><Name>ED</Name><OutlineLevel>1</OutlineLevel>"
    "<Duration>PT24H0M0S</Duration><DurationFormat>8</DurationFormat></Task>"
    "<Task><UID>3</UID><Name>F</Name><OutlineLevel>1</OutlineLevel>"
    "<Duration>PT2H0M5.07S</Duration><DurationFormat>5</DurationFormat></Task>"
    "<Task><UID>4</UID><Name>Big</Name><OutlineLevel>1</OutlineLevel>"
    "<Duration>PT720H0M0S</Duration><DurationFormat>7</DurationFormat></Task></Tasks>", NULL);
  GantryTask *w = gantry_project_lookup_task (p, 1);
  GantryTask *ed = gantry_project_lookup_task (p, 2);
  GantryTask *f = gantry_project_lookup_task (p, 3);
  g_autofree char *xml = NULL;

  g_assert_cmpint (gantry_task_get_duration (w), ==, 40 * H);
  g_assert_cmpint (gantry_task_get_duration_format (w), ==, GANTRY_FORMAT_WEEKS);
  g_assert_cmpint (gantry_task_get_duration (ed), ==, 24 * H);
  g_assert_cmpint (gantry_task_get_duration_format (ed), ==, GANTRY_FORMAT_ELAPSED_DAYS);
  g_assert_cmpint (gantry_task_get_duration (f), ==, 2 * H + 5070);
  xml = save (p, 0);
  assert_xpath (xml, "Tasks/Task[1]/Duration", "PT40H0M0S");
  assert_xpath (xml, "Tasks/Task[1]/DurationFormat", "9");
  assert_xpath (xml, "Tasks/Task[2]/Duration", "PT24H0M0S");
  assert_xpath (xml, "Tasks/Task[3]/Duration", "PT2H0M5.07S");
  assert_xpath (xml, "Tasks/Task[4]/Duration", "PT720H0M0S");
}

/* E4 / trap 9: negative durations: both forms read, MS Project's written */
static void
test_e4_negative_duration (void)
{
  gint64 ms = 0;
  g_autofree char *s = NULL;

  g_assert_true (gantry_mspdi_parse_duration ("PT-8H0M0S", &ms));
  g_assert_cmpint (ms, ==, -8 * H);
  g_assert_true (gantry_mspdi_parse_duration ("-PT8H", &ms));
  g_assert_cmpint (ms, ==, -8 * H);
  g_assert_true (gantry_mspdi_parse_duration ("-PT8H0M0S", &ms));
  g_assert_cmpint (ms, ==, -8 * H);
  g_assert_true (gantry_mspdi_parse_duration ("PT0H0M0S", &ms));
  g_assert_cmpint (ms, ==, 0);
  g_assert_true (gantry_mspdi_parse_duration ("0", &ms));   /* Synchro */
  g_assert_cmpint (ms, ==, 0);
  g_assert_true (gantry_mspdi_parse_duration ("P1DT2H", &ms));
  g_assert_cmpint (ms, ==, 26 * H);
  g_assert_false (gantry_mspdi_parse_duration ("PT8X", &ms));
  g_assert_false (gantry_mspdi_parse_duration ("8 hours", &ms));
  g_assert_false (gantry_mspdi_parse_duration ("P", &ms));
  s = gantry_mspdi_format_duration (-8 * H);
  g_assert_cmpstr (s, ==, "PT-8H0M0S");
  g_clear_pointer (&s, g_free);
  s = gantry_mspdi_format_duration (0);
  g_assert_cmpstr (s, ==, "PT0H0M0S");
  g_clear_pointer (&s, g_free);
  s = gantry_mspdi_format_duration (-(2 * H + 30 * MINUTE + 500));
  g_assert_cmpstr (s, ==, "PT-2H30M0.5S");

  {
    g_autoptr(GantryProject) p = load_body (
      "<Tasks><Task><UID>1</UID><Name>N</Name><OutlineLevel>1</OutlineLevel>"
      "<ActualDuration>-PT8H</ActualDuration><RemainingDuration>PT-8H0M0S</RemainingDuration>"
      "</Task></Tasks>", NULL);
    GantryTask *t = gantry_project_lookup_task (p, 1);
    g_autofree char *xml = NULL;

    g_assert_cmpint (gantry_task_get_actual_duration (t), ==, -8 * H);
    g_assert_cmpint (gantry_task_get_remaining_duration (t), ==, -8 * H);
    xml = save (p, 0);
    assert_xpath (xml, "Tasks/Task[1]/ActualDuration", "PT-8H0M0S");
    assert_xpath (xml, "Tasks/Task[1]/RemainingDuration", "PT-8H0M0S");
  }
}

/* E5 / trap 1: slack in tenths of a minute: 9600 = 2 d of 8 h */
static void
test_e5_slack (void)
{
  g_autoptr(GantryProject) p = load_body (
    "<Tasks><Task><UID>1</UID><Name>S</Name><OutlineLevel>1</OutlineLevel>"
    "<FreeSlack>4800</FreeSlack><TotalSlack>9600</TotalSlack></Task></Tasks>", NULL);
  GantryTask *t = gantry_project_lookup_task (p, 1);
  g_autofree char *xml = NULL;

  g_assert_cmpint (gantry_task_get_total_slack (t), ==, 16 * H);
  g_assert_cmpint (gantry_task_get_free_slack (t), ==, 8 * H);
  xml = save (p, 0);
  assert_xpath (xml, "Tasks/Task[1]/TotalSlack", "9600");
  assert_xpath (xml, "Tasks/Task[1]/FreeSlack", "4800");
}

/* E6: an ExtendedAttribute (Text1) stays with its task, in place */
static void
test_e6_extended_attribute (void)
{
  g_autoptr(GantryProject) p = load_body (
    "<ExtendedAttributes><ExtendedAttribute><FieldID>188743731</FieldID>"
    "<FieldName>Text1</FieldName><Alias>Owner</Alias></ExtendedAttribute></ExtendedAttributes>"
    "<Tasks><Task><UID>1</UID><Name>T</Name><OutlineLevel>1</OutlineLevel>"
    "<ExtendedAttribute><FieldID>188743731</FieldID><Value>Kim &amp; Lee</Value></ExtendedAttribute>"
    "</Task></Tasks>", NULL);
  GantryTask *t = gantry_project_lookup_task (p, 1);
  const GantryExtra *e = gantry_extras_lookup (gantry_task_get_extras (t), "ExtendedAttribute");
  g_autofree char *xml = NULL;
  g_autofree char *why = NULL;

  g_assert_nonnull (e);
  g_assert_true (e->in_schema);
  g_assert_nonnull (strstr (e->xml, "188743731"));
  g_assert_nonnull (gantry_extras_lookup (gantry_project_get_extras (p), "ExtendedAttributes"));
  xml = save (p, 0);
  assert_xpath (xml, "Tasks/Task[1]/ExtendedAttribute/FieldID", "188743731");
  assert_xpath (xml, "Tasks/Task[1]/ExtendedAttribute/Value", "Kim & Lee");
  assert_xpath (xml, "ExtendedAttributes/ExtendedAttribute/Alias", "Owner");
  if (!validate (xml, &why))
    g_test_message ("%s", why);
}

/* E7 / trap 7: cost resource = Type 0 + IsCostResource 1; material = Type 0 */
static void
test_e7_cost_resource (void)
{
  g_autoptr(GantryProject) p = load_body (
    "<Resources>"
    "<Resource><UID>0</UID><ID>0</ID><Type>1</Type><IsNull>0</IsNull></Resource>"
    "<Resource><UID>1</UID><ID>1</ID><Name>Travel</Name><Type>0</Type><IsCostResource>1</IsCostResource></Resource>"
    "<Resource><UID>2</UID><ID>2</ID><Name>Cable</Name><Type>0</Type><MaterialLabel>m</MaterialLabel>"
    "<IsCostResource>0</IsCostResource></Resource>"
    "<Resource><UID>3</UID><ID>3</ID><Name>Ann</Name><Type>1</Type><MaxUnits>0.50</MaxUnits>"
    "<StandardRate>50</StandardRate><CostPerUse>9995</CostPerUse></Resource>"
    "</Resources>", NULL);
  g_autofree char *xml = NULL;
  GantryResource *ann = gantry_project_lookup_resource (p, 3);

  /* trap 4: the UID 0 placeholder is not a resource */
  g_assert_null (gantry_project_lookup_resource (p, 0));
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_resources (p)), ==, 3);
  g_assert_cmpint (gantry_resource_get_resource_type (gantry_project_lookup_resource (p, 1)), ==,
                   GANTRY_RESOURCE_COST);
  g_assert_cmpint (gantry_resource_get_resource_type (gantry_project_lookup_resource (p, 2)), ==,
                   GANTRY_RESOURCE_MATERIAL);
  g_assert_cmpint (gantry_resource_get_resource_type (ann), ==, GANTRY_RESOURCE_WORK);
  /* trap 1: units are fractions, rates per hour, CostPerUse in cents */
  g_assert_cmpfloat_with_epsilon (gantry_resource_get_max_units (ann), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (gantry_resource_get_standard_rate (ann), 50.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (gantry_resource_get_cost_per_use (ann), 99.95, 1e-9);

  xml = save (p, 0);
  assert_xpath (xml, "Resources/Resource[0]/UID", "0");   /* re-emitted */
  assert_xpath (xml, "Resources/Resource[1]/Type", "0");
  assert_xpath (xml, "Resources/Resource[1]/IsCostResource", "1");
  assert_xpath (xml, "Resources/Resource[2]/Type", "0");
  assert_xpath (xml, "Resources/Resource[2]/IsCostResource", "0");
  assert_xpath (xml, "Resources/Resource[3]/Type", "1");
  assert_xpath (xml, "Resources/Resource[3]/MaxUnits", "0.5");
  assert_xpath (xml, "Resources/Resource[3]/StandardRate", "50");
  assert_xpath (xml, "Resources/Resource[3]/CostPerUse", "9995");
}

/* Trap 1: costs in cents (may be fractional), assignment Delay in tenths
 * of a minute, Units as fractions (mspdiassignmentfields.xml values). */
static void
test_trap1_units (void)
{
  g_autoptr(GantryProject) p = load_body (
    "<Tasks><Task><UID>1</UID><Name>T</Name><OutlineLevel>1</OutlineLevel>"
    "<FixedCost>11108.45</FixedCost><Cost>409000</Cost>"
    "<LevelingDelay>14400</LevelingDelay><LevelingDelayFormat>8</LevelingDelayFormat></Task></Tasks>"
    "<Resources><Resource><UID>1</UID><Name>R</Name><Type>1</Type></Resource></Resources>"
    "<Assignments><Assignment><UID>5</UID><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID>"
    "<Cost>409000</Cost><Delay>550</Delay><Units>0.25</Units><Work>PT80H0M0S</Work></Assignment></Assignments>",
    NULL);
  GantryTask *t = gantry_project_lookup_task (p, 1);
  GantryAssignment *a = gantry_project_lookup_assignment (p, 5);
  g_autofree char *xml = NULL;

  g_assert_cmpfloat_with_epsilon (gantry_task_get_fixed_cost (t), 111.0845, 1e-9);
  g_assert_cmpfloat_with_epsilon (gantry_task_get_cost (t), 4090.0, 1e-9);
  g_assert_cmpint (gantry_task_get_leveling_delay (t), ==, 24 * H);   /* 1 ed */
  g_assert_nonnull (a);
  g_assert_cmpint (gantry_assignment_get_delay (a), ==, 55 * MINUTE);
  g_assert_cmpfloat_with_epsilon (gantry_assignment_get_units (a), 0.25, 1e-12);
  g_assert_cmpint (gantry_assignment_get_work (a), ==, 80 * H);
  g_assert_cmpfloat_with_epsilon (gantry_assignment_get_cost (a), 4090.0, 1e-9);
  xml = save (p, 0);
  assert_xpath (xml, "Tasks/Task[1]/FixedCost", "11108.45");
  assert_xpath (xml, "Tasks/Task[1]/Cost", "409000");
  assert_xpath (xml, "Tasks/Task[1]/LevelingDelay", "14400");
  assert_xpath (xml, "Assignments/Assignment[0]/Delay", "550");
  assert_xpath (xml, "Assignments/Assignment[0]/Units", "0.25");
  assert_xpath (xml, "Assignments/Assignment[0]/Cost", "409000");
}

/* Trap 3: Type 0 FF, 1 FS, 2 SF, 3 SS; absent = FS; links on the successor */
static void
test_trap3_link_types (void)
{
  const struct { const char *xml; GantryLinkType type; const char *out; } rows[] = {
    { "<Type>0</Type>", GANTRY_LINK_FF, "0" },
    { "<Type>1</Type>", GANTRY_LINK_FS, "1" },
    { "<Type>2</Type>", GANTRY_LINK_SF, "2" },
    { "<Type>3</Type>", GANTRY_LINK_SS, "3" },
    { "", GANTRY_LINK_FS, "1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GantryProject) p = load_link (rows[i].xml);
      GantryLink *l = only_link (p);
      g_autofree char *xml = NULL;

      g_assert_cmpint (gantry_link_get_link_type (l), ==, rows[i].type);
      g_assert_true (gantry_link_get_successor (l) == gantry_project_lookup_task (p, 2));
      xml = save (p, 0);
      assert_xpath (xml, "Tasks/Task[2]/PredecessorLink/Type", rows[i].out);
      assert_no_xpath (xml, "Tasks/Task[1]/PredecessorLink");
    }
}

/* Trap 4: hierarchy from file order + OutlineLevel; UID 0 is the root;
 * IsNull rows and IDs kept. */
static void
test_trap4_outline (void)
{
  g_autoptr(GantryProject) p = load_body (
    "<Tasks>"
    "<Task><UID>0</UID><ID>0</ID><Name>Whole</Name><OutlineLevel>0</OutlineLevel>"
    "<Notes>Project notes</Notes><Hyperlink>x</Hyperlink></Task>"
    "<Task><UID>10</UID><ID>1</ID><Name>Phase</Name><OutlineLevel>1</OutlineLevel></Task>"
    "<Task><UID>11</UID><ID>2</ID><Name>A</Name><OutlineLevel>2</OutlineLevel></Task>"
    "<Task><UID>12</UID><ID>3</ID><Name>A1</Name><OutlineLevel>3</OutlineLevel></Task>"
    "<Task><UID>13</UID><ID>4</ID><IsNull>1</IsNull><OutlineLevel>2</OutlineLevel></Task>"
    "<Task><UID>14</UID><ID>5</ID><Name>Next</Name><OutlineLevel>1</OutlineLevel></Task>"
    "</Tasks>", NULL);
  GantryTask *root = gantry_project_get_root_task (p);
  GantryTask *phase = gantry_project_lookup_task (p, 10);
  g_autofree char *xml = NULL;

  g_assert_cmpstr (gantry_task_get_name (root), ==, "Whole");
  {
    g_autofree char *notes = NULL;

    g_object_get (p, "notes", &notes, NULL);   /* UID 0's notes = the project's */
    g_assert_cmpstr (notes, ==, "Project notes");
  }
  g_assert_nonnull (gantry_extras_lookup (gantry_task_get_extras (root), "Hyperlink"));
  g_assert_cmpuint (gantry_task_get_n_children (root), ==, 2);
  g_assert_true (gantry_task_get_parent (phase) == root);
  g_assert_true (gantry_task_get_parent (gantry_project_lookup_task (p, 11)) == phase);
  g_assert_true (gantry_task_get_parent (gantry_project_lookup_task (p, 12))
                 == gantry_project_lookup_task (p, 11));
  g_assert_true (gantry_task_get_parent (gantry_project_lookup_task (p, 13)) == phase);
  g_assert_true (gantry_task_get_is_null (gantry_project_lookup_task (p, 13)));
  g_assert_true (gantry_task_get_parent (gantry_project_lookup_task (p, 14)) == root);
  g_assert_cmpint (gantry_task_get_id (gantry_project_lookup_task (p, 14)), ==, 5);

  /* MS Project's blank rows carry OutlineLevel 0: they keep their row
   * position and never become parents. */
  {
    g_autoptr(GantryProject) q = load_body (
      "<Tasks>"
      "<Task><UID>1</UID><Name>P</Name><OutlineLevel>1</OutlineLevel></Task>"
      "<Task><UID>2</UID><IsNull>1</IsNull><OutlineLevel>0</OutlineLevel></Task>"
      "<Task><UID>3</UID><Name>C</Name><OutlineLevel>2</OutlineLevel></Task>"
      "<Task><UID>4</UID><IsNull>1</IsNull><OutlineLevel>0</OutlineLevel></Task>"
      "</Tasks>", NULL);
    GPtrArray *order = gantry_project_get_all_tasks (q);

    g_assert_cmpuint (order->len, ==, 4);
    for (guint i = 0; i < 4; i++)
      g_assert_cmpint (gantry_task_get_uid (g_ptr_array_index (order, i)), ==, (int) i + 1);
    g_assert_true (gantry_task_get_parent (gantry_project_lookup_task (q, 2))
                   == gantry_project_lookup_task (q, 1));
    g_assert_true (gantry_task_get_parent (gantry_project_lookup_task (q, 3))
                   == gantry_project_lookup_task (q, 1));
    g_assert_cmpuint (gantry_task_get_n_children (gantry_project_lookup_task (q, 2)), ==, 0);
    /* no task had an ID: rows are numbered in file order */
    g_assert_cmpint (gantry_task_get_id (gantry_project_lookup_task (q, 3)), ==, 3);
  }

  xml = save (p, 0);
  assert_xpath (xml, "Tasks/Task[0]/UID", "0");
  assert_xpath (xml, "Tasks/Task[0]/OutlineLevel", "0");
  assert_xpath (xml, "Tasks/Task[0]/Hyperlink", "x");
  assert_xpath (xml, "Tasks/Task[0]/Notes", "Project notes");
  assert_xpath (xml, "Tasks/Task[3]/OutlineLevel", "3");
  assert_xpath (xml, "Tasks/Task[3]/OutlineNumber", "1.1.1");
  assert_xpath (xml, "Tasks/Task[4]/IsNull", "1");
  assert_xpath (xml, "Tasks/Task[4]/OutlineNumber", "1.2");
  assert_xpath (xml, "Tasks/Task[5]/OutlineNumber", "2");
  assert_xpath (xml, "Tasks/Task[1]/Summary", "1");
  assert_xpath (xml, "Tasks/Task[5]/Summary", "0");
}

/* Trap 5: BaseCalendarUID -1 and 0 mean "none"; derived calendars resolve */
static void
test_trap5_base_calendar (void)
{
  g_autoptr(GantryProject) p = load_body (
    "<Calendars>"
    "<Calendar><UID>1</UID><Name>Old</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID></Calendar>"
    "<Calendar><UID>2</UID><Name>New</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>0</BaseCalendarUID></Calendar>"
    "<Calendar><UID>3</UID><Name>Ann</Name><IsBaseCalendar>0</IsBaseCalendar><BaseCalendarUID>2</BaseCalendarUID></Calendar>"
    "</Calendars>"
    "<Resources><Resource><UID>1</UID><Name>Ann</Name><Type>1</Type><CalendarUID>3</CalendarUID></Resource></Resources>",
    NULL);
  GantryCalendar *c3 = gantry_project_lookup_calendar (p, 3);

  g_assert_null (gantry_calendar_get_base (gantry_project_lookup_calendar (p, 1)));
  g_assert_null (gantry_calendar_get_base (gantry_project_lookup_calendar (p, 2)));
  g_assert_true (gantry_calendar_get_base (c3) == gantry_project_lookup_calendar (p, 2));
  g_assert_true (gantry_resource_get_calendar (gantry_project_lookup_resource (p, 1)) == c3);
  /* A derived calendar without WeekDays uses its base for every day. */
  g_assert_cmpint (gantry_calendar_get_weekday (c3, 1)->kind, ==, GANTRY_DAY_DEFAULT);
}

/* Trap 6: recurring exceptions keep their recurrence (not the whole range
 * non-working); legacy DayType-0 entries are used only without
 * <Exceptions>; both forms are written, sorted by date. */
static void
test_trap6_exceptions (void)
{
  const char *week =
    "<WeekDay><DayType>2</DayType><DayWorking>1</DayWorking><WorkingTimes>"
    "<WorkingTime><FromTime>08:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime>"
    "</WorkingTimes></WeekDay>";
  g_autofree char *both = g_strdup_printf (
    "<Calendars><Calendar><UID>1</UID><Name>C</Name><IsBaseCalendar>1</IsBaseCalendar>"
    "<WeekDays>%s"
    "<WeekDay><DayType>0</DayType><DayWorking>0</DayWorking><TimePeriod>"
    "<FromDate>2019-01-07T00:00:00</FromDate><ToDate>2019-01-07T23:59:00</ToDate></TimePeriod></WeekDay>"
    "</WeekDays><Exceptions><Exception><EnteredByOccurrences>1</EnteredByOccurrences>"
    "<TimePeriod><FromDate>2019-01-07T00:00:00</FromDate><ToDate>2019-01-28T23:59:00</ToDate></TimePeriod>"
    "<Occurrences>4</Occurrences><Name>Mondays off</Name><Type>6</Type><Period>1</Period>"
    "<DaysOfWeek>2</DaysOfWeek><DayWorking>0</DayWorking></Exception></Exceptions>"
    "</Calendar></Calendars>", week);
  g_autofree char *legacy_only = g_strdup_printf (
    "<Calendars><Calendar><UID>1</UID><Name>C</Name><IsBaseCalendar>1</IsBaseCalendar>"
    "<WeekDays>%s"
    "<WeekDay><DayType>0</DayType><DayWorking>0</DayWorking><TimePeriod>"
    "<FromDate>2019-12-25T00:00:00</FromDate><ToDate>2019-12-26T23:59:00</ToDate></TimePeriod></WeekDay>"
    "<WeekDay><DayType>0</DayType><DayWorking>0</DayWorking><TimePeriod>"
    "<FromDate>2019-01-01T00:00:00</FromDate><ToDate>2019-01-01T23:59:00</ToDate></TimePeriod></WeekDay>"
    "</WeekDays></Calendar></Calendars>", week);
  g_autoptr(GantryProject) p = load_body (both, NULL);
  g_autoptr(GantryProject) q = load_body (legacy_only, NULL);
  GantryCalendar *c = gantry_project_lookup_calendar (p, 1);
  GantryCalendar *d = gantry_project_lookup_calendar (q, 1);
  const GantryCalendarException *ex;
  gint64 jan7 = gantry_time_day_number (gantry_time_make (2019, 1, 7, 0, 0, 0));
  g_autofree char *xml = NULL;
  g_autofree char *xml2 = NULL;

  g_assert_cmpuint (gantry_calendar_get_n_exceptions (c), ==, 1);
  ex = gantry_calendar_get_exception (c, 0);
  g_assert_cmpint (ex->recurrence, ==, GANTRY_RECUR_WEEKLY);
  g_assert_cmpint (ex->days_of_week, ==, 2);
  g_assert_cmpint (ex->occurrences, ==, 4);
  g_assert_true (gantry_calendar_exception_covers (ex, jan7));
  g_assert_false (gantry_calendar_exception_covers (ex, jan7 + 1));   /* a Tuesday */
  g_assert_true (gantry_calendar_exception_covers (ex, jan7 + 21));

  g_assert_cmpuint (gantry_calendar_get_n_exceptions (d), ==, 2);
  /* sorted by date */
  g_assert_cmpint (gantry_calendar_get_exception (d, 0)->from_day, <,
                   gantry_calendar_get_exception (d, 1)->from_day);

  xml = save (p, 0);
  /* The 7 week days (unspecified days of a base calendar are
   * non-working), then the legacy form: the 4 Mondays expanded, then
   * <Exceptions>. */
  assert_xpath (xml, "Calendars/Calendar/WeekDays/WeekDay[0]/DayType", "1");
  assert_xpath (xml, "Calendars/Calendar/WeekDays/WeekDay[0]/DayWorking", "0");
  assert_xpath (xml, "Calendars/Calendar/WeekDays/WeekDay[1]/DayType", "2");
  assert_xpath (xml, "Calendars/Calendar/WeekDays/WeekDay[1]/WorkingTimes/WorkingTime/ToTime", "17:00:00");
  assert_xpath (xml, "Calendars/Calendar/WeekDays/WeekDay[7]/DayType", "0");
  assert_xpath (xml, "Calendars/Calendar/WeekDays/WeekDay[7]/TimePeriod/FromDate", "2019-01-07T00:00:00");
  assert_xpath (xml, "Calendars/Calendar/WeekDays/WeekDay[7]/TimePeriod/ToDate", "2019-01-07T23:59:00");
  assert_xpath (xml, "Calendars/Calendar/WeekDays/WeekDay[8]/TimePeriod/FromDate", "2019-01-14T00:00:00");
  assert_xpath (xml, "Calendars/Calendar/WeekDays/WeekDay[10]/TimePeriod/FromDate", "2019-01-28T00:00:00");
  assert_no_xpath (xml, "Calendars/Calendar/WeekDays/WeekDay[11]");
  assert_xpath (xml, "Calendars/Calendar/Exceptions/Exception/Type", "6");
  assert_xpath (xml, "Calendars/Calendar/Exceptions/Exception/DaysOfWeek", "2");
  assert_xpath (xml, "Calendars/Calendar/Exceptions/Exception/Name", "Mondays off");

  xml2 = save (q, 0);
  assert_xpath (xml2, "Calendars/Calendar/WeekDays/WeekDay[7]/TimePeriod/FromDate", "2019-01-01T00:00:00");
  assert_xpath (xml2, "Calendars/Calendar/WeekDays/WeekDay[8]/TimePeriod/FromDate", "2019-12-25T00:00:00");
  assert_xpath (xml2, "Calendars/Calendar/Exceptions/Exception[0]/TimePeriod/FromDate", "2019-01-01T00:00:00");
  assert_xpath (xml2, "Calendars/Calendar/Exceptions/Exception[1]/TimePeriod/ToDate", "2019-12-26T23:59:00");
}

/* Trap 8: DurationFormat 21 / 53 are read as days and written back */
static void
test_trap8_null_format (void)
{
  g_autoptr(GantryProject) p = load_body (
    "<Tasks><Task><UID>0</UID><OutlineLevel>0</OutlineLevel><DurationFormat>21</DurationFormat></Task>"
    "<Task><UID>1</UID><Name>T</Name><OutlineLevel>1</OutlineLevel>"
    "<Duration>PT16H0M0S</Duration><DurationFormat>53</DurationFormat></Task></Tasks>", NULL);
  GantryTask *t = gantry_project_lookup_task (p, 1);
  g_autofree char *xml = NULL;

  g_assert_cmpint (gantry_format_get_unit (gantry_task_get_duration_format (t)), ==, GANTRY_UNIT_DAY);
  g_assert_cmpint (gantry_format_get_unit (gantry_task_get_duration_format (gantry_project_get_root_task (p))),
                   ==, GANTRY_UNIT_DAY);
  g_assert_cmpint (gantry_task_get_duration (t), ==, 16 * H);
  xml = save (p, 0);
  assert_xpath (xml, "Tasks/Task[1]/DurationFormat", "53");
  assert_xpath (xml, "Tasks/Task[0]/DurationFormat", "21");
}

/* Trap 10: dates carry no zone and never go through UTC: a time in the
 * Central European DST gap survives under TZ=Europe/Berlin. */
static void
test_trap10_no_zone (void)
{
  const char *old = g_getenv ("TZ");
  g_autofree char *saved = g_strdup (old);
  g_autofree char *xml = NULL;
  GantryTask *t;
  GantryProject *p;

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  tzset ();
  p = load_body (
    "<StartDate>2019-03-31T02:30:00</StartDate>"
    "<Tasks><Task><UID>1</UID><Name>T</Name><OutlineLevel>1</OutlineLevel>"
    "<Start>2019-03-31T02:30:00</Start><Finish>2019-10-27T02:30:00</Finish></Task></Tasks>", NULL);
  t = gantry_project_lookup_task (p, 1);
  g_assert_cmpint (gantry_task_get_start (t), ==, gantry_time_make (2019, 3, 31, 2, 30, 0));
  g_assert_cmpint (gantry_task_get_finish (t) - gantry_task_get_start (t), ==,
                   210 * GANTRY_MS_DAY);
  xml = save (p, 0);
  assert_xpath (xml, "StartDate", "2019-03-31T02:30:00");
  assert_xpath (xml, "Tasks/Task[1]/Start", "2019-03-31T02:30:00");
  assert_xpath (xml, "Tasks/Task[1]/Finish", "2019-10-27T02:30:00");
  g_object_unref (p);
  if (saved)
    g_setenv ("TZ", saved, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();
}

/* Trap 11: percent lags: LinkLag in tenths of a percent (documented
 * choice), model percent x 1000.  HonorConstraints 0, which every
 * MS Project file in the corpus carries while its UI default honours
 * constraints, reads as honouring and is written back as 0; 1 reads as
 * links winning. */
static void
test_trap11_percent_lag (void)
{
  g_autoptr(GantryProject) p = load_link ("<Type>1</Type><LinkLag>250</LinkLag><LagFormat>19</LagFormat>");
  g_autoptr(GantryProject) q = load_body ("<HonorConstraints>0</HonorConstraints>", NULL);
  GantryLink *l = only_link (p);
  g_autofree char *xml = NULL;
  g_autofree char *xml2 = NULL;

  g_assert_cmpint (gantry_link_get_lag (l), ==, 25000);
  g_assert_true (gantry_format_is_percent (gantry_link_get_lag_format (l)));
  xml = save (p, 0);
  assert_xpath (xml, "Tasks/Task[2]/PredecessorLink/LinkLag", "250");
  assert_xpath (xml, "Tasks/Task[2]/PredecessorLink/LagFormat", "19");
  g_assert_true (gantry_project_get_honor_constraints (q));
  xml2 = save (q, 0);
  assert_xpath (xml2, "HonorConstraints", "0");
  {
    g_autoptr(GantryProject) r = load_body ("<HonorConstraints>1</HonorConstraints>", NULL);
    g_autofree char *xml3 = NULL;

    g_assert_false (gantry_project_get_honor_constraints (r));
    xml3 = save (r, 0);
    assert_xpath (xml3, "HonorConstraints", "1");
  }
}

/* Trap 12: the -65535 null-resource assignment of a resource-less task
 * (how % complete survives) is kept and written back. */
static void
test_trap12_null_assignment (void)
{
  g_autoptr(GantryProject) p = load_body (
    "<Tasks><Task><UID>1</UID><Name>T</Name><OutlineLevel>1</OutlineLevel>"
    "<PercentComplete>100</PercentComplete><ActualFinish>2019-01-02T17:00:00</ActualFinish></Task></Tasks>"
    "<Assignments><Assignment><UID>3</UID><TaskUID>1</TaskUID><ResourceUID>-65535</ResourceUID>"
    "<PercentWorkComplete>100</PercentWorkComplete><Units>1</Units><Work>PT8H0M0S</Work>"
    "<TimephasedData><Type>2</Type><UID>3</UID><Start>2019-01-02T08:00:00</Start>"
    "<Finish>2019-01-02T17:00:00</Finish><Unit>2</Unit><Value>PT8H0M0S</Value></TimephasedData>"
    "</Assignment></Assignments>", NULL);
  GantryTask *t = gantry_project_lookup_task (p, 1);
  g_autofree char *xml = NULL;
  g_autofree char *why = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_assignments (p)), ==, 0);
  g_assert_nonnull (gantry_extras_lookup (gantry_task_get_extras (t), "Assignment"));
  g_assert_cmpint (gantry_task_get_percent_complete (t), ==, 100);
  g_assert_cmpint (gantry_task_get_actual_finish (t), ==, gantry_time_make (2019, 1, 2, 17, 0, 0));
  xml = save (p, 0);
  assert_xpath (xml, "Assignments/Assignment/ResourceUID", "-65535");
  assert_xpath (xml, "Assignments/Assignment/TaskUID", "1");
  assert_xpath (xml, "Assignments/Assignment/TimephasedData/Value", "PT8H0M0S");
  assert_xpath (xml, "Tasks/Task[1]/ActualFinish", "2019-01-02T17:00:00");
  assert_no_xpath (xml, "Tasks/Task[1]/Assignment");
  if (!validate (xml, &why))
    g_test_message ("%s", why);

  /* A Gantry assignment that took the placeholder's UID keeps it; the
   * placeholder gets a free one. */
  {
    g_autoptr(GantryResource) r = gantry_resource_new (1, "R");
    g_autoptr(GantryAssignment) a = NULL;
    g_autofree char *xml2 = NULL;
    g_autofree char *u0 = NULL;
    g_autofree char *u1 = NULL;

    g_assert_true (gantry_project_add_resource (p, -1, r));
    a = gantry_assignment_new (3, t, r, 1.0, 8 * H);
    g_assert_true (gantry_project_add_assignment (p, a));
    xml2 = save (p, 0);
    u0 = xpath_text (xml2, "Assignments/Assignment[0]/UID");
    u1 = xpath_text (xml2, "Assignments/Assignment[1]/UID");
    g_assert_cmpstr (u0, ==, "3");
    g_assert_nonnull (u1);
    g_assert_cmpstr (u1, !=, "3");
    assert_xpath (xml2, "Assignments/Assignment[1]/ResourceUID", "-65535");
  }
}

/* Lenient reading: out-of-order elements, both boolean spellings, a BOM */
static void
test_lenient (void)
{
  const char *doc =
    "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Project xmlns=\"http://schemas.microsoft.com/project\">"
    "<Tasks><Task><Milestone>true</Milestone><Name>M</Name><OutlineLevel>1</OutlineLevel>"
    "<UID>7</UID><EffortDriven>false</EffortDriven><Critical>1</Critical></Task></Tasks>"
    "<Name>P</Name><ScheduleFromStart>false</ScheduleFromStart>"
    "<Calendars><Calendar><UID>1</UID><Name>S</Name></Calendar></Calendars>"
    "<CalendarUID>1</CalendarUID>"
    "</Project>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GantryProject) p = gantry_mspdi_load_data (doc, strlen (doc), NULL, &error);
  GantryTask *t;
  g_autofree char *xml = NULL;
  g_autofree char *why = NULL;

  g_assert_no_error (error);
  t = gantry_project_lookup_task (p, 7);
  g_assert_nonnull (t);
  g_assert_true (gantry_task_get_milestone (t));
  g_assert_false (gantry_task_get_effort_driven (t));
  g_assert_true (gantry_task_get_critical (t));
  g_assert_false (gantry_project_get_schedule_from_start (p));
  g_assert_true (gantry_project_get_calendar (p) == gantry_project_lookup_calendar (p, 1));
  xml = save (p, 0);
  assert_xpath (xml, "Tasks/Task[1]/Milestone", "1");
  assert_xpath (xml, "ScheduleFromStart", "0");
  if (!validate (xml, &why))   /* written in schema order */
    g_test_message ("%s", why);
}

/* Elements outside the schema: kept, dropped by default, written in place
 * with KEEP_UNKNOWN; unknown elements never abort an import. */
static void
test_out_of_schema (void)
{
  g_autoptr(GantryProject) p = load_body (
    "<SaveVersion>14</SaveVersion><BuildNumber>16.0.1</BuildNumber><Name>P</Name>"
    "<Tasks><Task><UID>1</UID><Name>T</Name><f404065>abc</f404065><OutlineLevel>1</OutlineLevel>"
    "<Sprint><Id>3</Id></Sprint></Task></Tasks>", NULL);
  GantryTask *t = gantry_project_lookup_task (p, 1);
  const GantryExtra *e = gantry_extras_lookup (gantry_task_get_extras (t), "f404065");
  g_autofree char *plain = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *why = NULL;

  g_assert_nonnull (e);
  g_assert_false (e->in_schema);
  g_assert_nonnull (gantry_extras_lookup (gantry_task_get_extras (t), "Sprint"));
  plain = save (p, 0);
  assert_no_xpath (plain, "BuildNumber");
  assert_no_xpath (plain, "Tasks/Task[1]/f404065");
  if (!validate (plain, &why))
    g_test_message ("%s", why);

  kept = save (p, GANTRY_MSPDI_WRITE_KEEP_UNKNOWN);
  g_assert_nonnull (strstr (kept, "<SaveVersion>14</SaveVersion>\n\t<BuildNumber>16.0.1</BuildNumber>"));
  g_assert_nonnull (strstr (kept, "<Name>T</Name>\n\t\t\t<f404065>abc</f404065>"));
  assert_xpath (kept, "Tasks/Task[1]/Sprint/Id", "3");
}

/* A kept element in another namespace keeps its prefix, its declaration
 * and its attributes (with '&' and '"' in a value, and a prefixed one)
 * through import and export. */
static void
test_foreign_namespace_kept (void)
{
  g_autoptr(GantryProject) p = load_body (
    "<Tasks><Task><UID>1</UID><Name>T</Name><OutlineLevel>1</OutlineLevel>"
    "<x:Foo xmlns:x=\"urn:example:x\" a=\"1&amp;2&quot;\" y:b=\"c\" xmlns:y=\"urn:example:y\">"
    "<x:Bar>t&lt;u</x:Bar></x:Foo></Task></Tasks>", NULL);
  GantryTask *t = gantry_project_lookup_task (p, 1);
  const GantryExtra *e = gantry_extras_lookup (gantry_task_get_extras (t), "Foo");
  g_autofree char *kept = NULL;
  g_autoptr(GantryProject) again = NULL;
  g_autoptr(GError) error = NULL;
  xmlDocPtr doc;
  xmlNodePtr foo = NULL, bar;
  xmlChar *a, *b, *text;

  g_assert_nonnull (e);
  g_assert_false (e->in_schema);
  kept = save (p, GANTRY_MSPDI_WRITE_KEEP_UNKNOWN);
  doc = xmlReadMemory (kept, strlen (kept), NULL, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  {
    xmlNodePtr n = xmlDocGetRootElement (doc)->children;

    for (; n && !(n->type == XML_ELEMENT_NODE && xmlStrEqual (n->name, BAD_CAST "Tasks")); n = n->next);
    g_assert_nonnull (n);
    /* (the project summary task comes first) */
    for (xmlNodePtr task = n->children; task; task = task->next)
      for (n = task->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && xmlStrEqual (n->name, BAD_CAST "Foo"))
          foo = n;
  }
  g_assert_nonnull (foo);
  g_assert_nonnull (foo->ns);
  g_assert_cmpstr ((const char *) foo->ns->href, ==, "urn:example:x");
  a = xmlGetProp (foo, BAD_CAST "a");
  b = xmlGetNsProp (foo, BAD_CAST "b", BAD_CAST "urn:example:y");
  g_assert_cmpstr ((const char *) a, ==, "1&2\"");
  g_assert_cmpstr ((const char *) b, ==, "c");
  for (bar = foo->children; bar && bar->type != XML_ELEMENT_NODE; bar = bar->next);
  g_assert_nonnull (bar);
  g_assert_cmpstr ((const char *) bar->ns->href, ==, "urn:example:x");
  text = xmlNodeGetContent (bar);
  g_assert_cmpstr ((const char *) text, ==, "t<u");
  xmlFree (a);
  xmlFree (b);
  xmlFree (text);
  xmlFreeDoc (doc);

  /* and it reads back the same */
  again = gantry_mspdi_load_data (kept, strlen (kept), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gantry_extras_lookup (gantry_task_get_extras (gantry_project_lookup_task (again, 1)),
                                         "Foo")->xml, ==, e->xml);
}

/* data/examples/crm-rollout.xml: written by Gantry (make-example-plan),
 * valid, shows every feature, and Gantry writes it back byte for byte. */
static void
test_example_plan (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "crm-rollout.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *again = NULL;
  g_autofree char *why = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GantryProject) p = NULL;
  GPtrArray *all;
  GListModel *links, *resources;
  gboolean types[4] = { FALSE }, lead = FALSE, lag = FALSE, done = FALSE, partial = FALSE;
  gboolean kinds[3] = { FALSE }, recurring = FALSE;
  guint milestones = 0, baselines = 0, holidays = 0;
  GantryCalendar *cal;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  if (!validate (contents, &why))
    g_test_message ("%s", why);
  p = gantry_mspdi_load (path, NULL, &error);
  g_assert_no_error (error);

  all = gantry_project_get_all_tasks (p);
  g_assert_cmpuint (gantry_task_get_n_children (gantry_project_get_root_task (p)), >=, 5);
  for (guint i = 0; i < all->len; i++)
    {
      GantryTask *t = g_ptr_array_index (all, i);

      milestones += gantry_task_get_milestone (t);
      baselines += gantry_task_get_baseline (t, 0) != NULL;
      if (gantry_task_get_percent_complete (t) == 100
          && gantry_task_get_actual_finish (t) != GANTRY_TIME_NONE)
        done = TRUE;
      if (gantry_task_get_percent_complete (t) > 0 && gantry_task_get_percent_complete (t) < 100)
        partial = TRUE;
    }
  g_assert_cmpuint (milestones, >=, 4);
  g_assert_cmpuint (baselines, ==, all->len);
  g_assert_true (done && partial);

  links = gantry_project_get_links (p);
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(GantryLink) l = g_list_model_get_item (links, i);

      types[gantry_link_get_link_type (l)] = TRUE;
      lag = lag || gantry_link_get_lag (l) > 0;
      lead = lead || gantry_link_get_lag (l) < 0;
    }
  g_assert_true (types[0] && types[1] && types[2] && types[3] && lag && lead);

  resources = gantry_project_get_resources (p);
  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(GantryResource) r = g_list_model_get_item (resources, i);
      kinds[gantry_resource_get_resource_type (r)] = TRUE;
    }
  g_assert_true (kinds[GANTRY_RESOURCE_WORK] && kinds[GANTRY_RESOURCE_MATERIAL]
                 && kinds[GANTRY_RESOURCE_COST]);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_assignments (p)), >, 10);

  cal = gantry_project_get_calendar (p);
  g_assert_nonnull (cal);
  for (guint i = 0; i < gantry_calendar_get_n_exceptions (cal); i++)
    {
      const GantryCalendarException *ex = gantry_calendar_get_exception (cal, i);
      holidays += ex->day.kind == GANTRY_DAY_NONWORKING;
      recurring = recurring || ex->recurrence != GANTRY_RECUR_NONE;
    }
  g_assert_cmpuint (holidays, >=, 3);
  g_assert_true (recurring);

  /* A file Gantry wrote comes back from Gantry unchanged. */
  again = save (p, 0);
  g_assert_cmpstr (again, ==, contents);
}

/* Keeps only what MSPDI carries as written: in-schema extras (the reader
 * gives elements outside the schema a position marker, and does not keep
 * SaveVersion 14, the writer's default). */
static void
filter_extras (GantryExtras *extras)
{
  g_autoptr(GantryExtras) copy = gantry_extras_copy (extras);

  gantry_extras_clear (extras);
  for (guint i = 0; i < gantry_extras_get_n (copy); i++)
    {
      const GantryExtra *e = gantry_extras_get (copy, i);

      if (e->in_schema && !g_str_equal (e->xml, "<SaveVersion>14</SaveVersion>"))
        gantry_extras_append (extras, e->name, e->xml, e->in_schema);
    }
}

static void
filter_list (GListModel *list,
             GantryExtras *(*get) (gpointer))
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) o = g_list_model_get_item (list, i);
      filter_extras (get (o));
    }
}

/* A plan built in Gantry with every feature survives export -> import.
 * MSPDI has no place for Gantry's own document settings and status
 * narrative (the .gantry file keeps those), so they are cleared first. */
static void
test_full_plan_round_trip (void)
{
  g_autoptr(GantryProject) p = gantry_test_build_full_plan ();
  g_autoptr(GantryProject) q = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *full = NULL;
  g_autofree char *why = NULL;

  keys = gantry_project_list_settings (p);
  for (guint i = 0; i < keys->len; i++)
    gantry_project_set_setting (p, g_ptr_array_index (keys, i), NULL);
  g_object_set (p, "narrative", NULL, NULL);

  /* Extras from elsewhere (other namespaces, no position marker) come out
   * well-formed, in their namespace. */
  {
    g_autofree char *unknown = save (p, GANTRY_MSPDI_WRITE_KEEP_UNKNOWN);
    g_autoptr(GantryProject) u = gantry_mspdi_load_data (unknown, strlen (unknown), NULL, &error);
    const GantryExtra *e;

    g_assert_no_error (error);
    g_assert_nonnull (strstr (unknown, "urn:x"));
    e = gantry_extras_lookup (gantry_project_get_extras (u), "GanttViewState");
    g_assert_nonnull (e);
    g_assert_false (e->in_schema);
    g_assert_nonnull (strstr (e->xml, "xmlns:x=\"urn:x\""));
  }

  filter_extras (gantry_project_get_extras (p));
  filter_extras (gantry_task_get_extras (gantry_project_get_root_task (p)));
  for (guint i = 0; i < gantry_project_get_all_tasks (p)->len; i++)
    filter_extras (gantry_task_get_extras (g_ptr_array_index (gantry_project_get_all_tasks (p), i)));
  filter_list (gantry_project_get_links (p), (gpointer) gantry_link_get_extras);
  filter_list (gantry_project_get_resources (p), (gpointer) gantry_resource_get_extras);
  filter_list (gantry_project_get_assignments (p), (gpointer) gantry_assignment_get_extras);
  filter_list (gantry_project_get_calendars (p), (gpointer) gantry_calendar_get_extras);

  plain = save (p, 0);
  if (!validate (plain, &why))
    g_test_message ("%s", why);
  full = save (p, GANTRY_MSPDI_WRITE_KEEP_UNKNOWN);
  q = gantry_mspdi_load_data (full, strlen (full), NULL, &error);
  g_assert_no_error (error);
  gantry_test_assert_projects_equal (p, q);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mspdi/encoding/e1-day-lag", test_e1_day_lag);
  g_test_add_func ("/mspdi/encoding/e2-negative-lag", test_e2_negative_lag);
  g_test_add_func ("/mspdi/encoding/e3-durations", test_e3_durations);
  g_test_add_func ("/mspdi/encoding/e4-negative-duration", test_e4_negative_duration);
  g_test_add_func ("/mspdi/encoding/e5-slack", test_e5_slack);
  g_test_add_func ("/mspdi/encoding/e6-extended-attribute", test_e6_extended_attribute);
  g_test_add_func ("/mspdi/encoding/e7-cost-resource", test_e7_cost_resource);
  g_test_add_func ("/mspdi/trap/1-units", test_trap1_units);
  g_test_add_func ("/mspdi/trap/2-durations", test_e3_durations);
  g_test_add_func ("/mspdi/trap/3-link-types", test_trap3_link_types);
  g_test_add_func ("/mspdi/trap/4-outline", test_trap4_outline);
  g_test_add_func ("/mspdi/trap/5-base-calendar", test_trap5_base_calendar);
  g_test_add_func ("/mspdi/trap/6-exceptions", test_trap6_exceptions);
  g_test_add_func ("/mspdi/trap/7-cost-resource", test_e7_cost_resource);
  g_test_add_func ("/mspdi/trap/8-null-format", test_trap8_null_format);
  g_test_add_func ("/mspdi/trap/9-negative-duration", test_e4_negative_duration);
  g_test_add_func ("/mspdi/trap/10-no-zone", test_trap10_no_zone);
  g_test_add_func ("/mspdi/trap/11-percent-lag", test_trap11_percent_lag);
  g_test_add_func ("/mspdi/trap/12-null-assignment", test_trap12_null_assignment);
  g_test_add_func ("/mspdi/read/lenient", test_lenient);
  g_test_add_func ("/mspdi/read/out-of-schema", test_out_of_schema);
  g_test_add_func ("/mspdi/read/foreign-namespace-kept", test_foreign_namespace_kept);
  g_test_add_func ("/mspdi/example/crm-rollout", test_example_plan);
  g_test_add_func ("/mspdi/round-trip/full-plan", test_full_plan_round_trip);
  return g_test_run ();
}
