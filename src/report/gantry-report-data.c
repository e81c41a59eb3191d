/* gantry-report-data.c — what the stakeholder status report says
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gantry-report-data.h"

#define N_COST_ROWS 8

static char *dup_string_property (gpointer object, const char *name);

static void
task_row_free (gpointer p)
{
  GantryReportTaskRow *row = p;

  g_free (row->name);
  g_free (row->resources);
  g_free (row);
}

static void
resource_row_free (gpointer p)
{
  GantryReportResourceRow *row = p;

  g_free (row->name);
  g_free (row);
}

static void
cost_row_free (gpointer p)
{
  GantryReportCostRow *row = p;

  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row);
}

static void
risk_free (gpointer p)
{
  GantryReportRisk *risk = p;

  g_free (risk->title);
  g_free (risk->owner);
  g_free (risk->response);
  g_free (risk);
}

char *
gantry_report_dup_project_title (GantryProject *project)
{
  char *title = dup_string_property (project, "title");
  const char *name;

  if (title != NULL && *g_strstrip (title) != '\0')
    return title;
  g_free (title);
  name = gantry_project_get_name (project);
  if (name != NULL && *name != '\0')
    return g_strdup (name);
  return g_strdup (_("Untitled plan"));
}

GantryTime
gantry_report_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return gantry_time_make (g_date_time_get_year (now),
                           g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now), 0, 0, 0);
}

const char *
gantry_health_to_string (GantryHealth health,
                         gboolean     for_cost)
{
  switch (health)
    {
    case GANTRY_HEALTH_ON_TRACK:
      return _("On track");
    case GANTRY_HEALTH_AT_RISK:
      return _("At risk");
    case GANTRY_HEALTH_LATE:
      return for_cost ? _("Over budget") : _("Late");
    case GANTRY_HEALTH_NONE:
    default:
      return _("Not assessed");
    }
}

/* A task that carries work: not a summary, active, not a blank row. */
static gboolean
is_work_task (GantryTask *task)
{
  return !gantry_task_get_summary (task)
         && gantry_task_get_active (task)
         && !gantry_task_get_is_null (task);
}

static gboolean
is_complete (GantryTask *task)
{
  return gantry_task_get_percent_complete (task) >= 100
         || gantry_task_get_actual_finish (task) != GANTRY_TIME_NONE;
}

static GantryDuration
task_actual_work (GantryTask *task)
{
  GantryDuration aw = gantry_task_get_actual_work (task);
  GantryDuration w = gantry_task_get_work (task);

  if (aw > 0)
    return aw;
  if (w <= 0)
    return 0;
  return (GantryDuration) ((double) w * gantry_task_get_percent_work_complete (task) / 100.0);
}

static char *
dup_resource_names (GantryTask *task)
{
  GPtrArray *assignments = gantry_task_get_assignments (task);
  GString *s = g_string_new (NULL);

  for (guint i = 0; assignments != NULL && i < assignments->len; i++)
    {
      GantryResource *r = gantry_assignment_get_resource (g_ptr_array_index (assignments, i));
      const char *name = r != NULL ? gantry_resource_get_name (r) : NULL;

      if (name == NULL || *name == '\0')
        continue;
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, name);
    }
  return g_string_free (s, FALSE);
}

static GantryReportTaskRow *
task_row_new (GantryTask *task,
              guint       flags)
{
  GantryReportTaskRow *row = g_new0 (GantryReportTaskRow, 1);
  const GantryBaseline *bl = gantry_task_get_baseline (task, 0);
  const char *name = gantry_task_get_name (task);

  row->uid = gantry_task_get_uid (task);
  row->id = gantry_task_get_id (task);
  row->name = g_strdup (name != NULL ? name : "");
  row->start = gantry_task_get_start (task);
  row->finish = gantry_task_get_finish (task);
  row->baseline_start = bl != NULL ? bl->start : GANTRY_TIME_NONE;
  row->baseline_finish = bl != NULL ? bl->finish : GANTRY_TIME_NONE;
  row->deadline = gantry_task_get_deadline (task);
  row->percent_complete = gantry_task_get_percent_complete (task);
  row->total_slack = gantry_task_get_total_slack (task);
  row->duration = gantry_task_get_duration (task);
  row->resources = dup_resource_names (task);
  row->flags = flags;
  return row;
}

/* Comparisons, with the row ID as the tie-breaker so order is stable. */
static int
cmp_time (GantryTime a,
          GantryTime b)
{
  return a < b ? -1 : (a > b ? 1 : 0);
}

static int
cmp_rows_by_finish (gconstpointer pa,
                    gconstpointer pb)
{
  const GantryReportTaskRow *a = *(GantryReportTaskRow * const *) pa;
  const GantryReportTaskRow *b = *(GantryReportTaskRow * const *) pb;
  int c = cmp_time (a->finish, b->finish);

  return c != 0 ? c : a->id - b->id;
}

static int
cmp_rows_by_finish_desc (gconstpointer pa,
                         gconstpointer pb)
{
  const GantryReportTaskRow *a = *(GantryReportTaskRow * const *) pa;
  const GantryReportTaskRow *b = *(GantryReportTaskRow * const *) pb;
  int c = cmp_time (b->finish, a->finish);

  return c != 0 ? c : a->id - b->id;
}

static int
cmp_rows_by_start (gconstpointer pa,
                   gconstpointer pb)
{
  const GantryReportTaskRow *a = *(GantryReportTaskRow * const *) pa;
  const GantryReportTaskRow *b = *(GantryReportTaskRow * const *) pb;
  int c = cmp_time (a->start, b->start);

  return c != 0 ? c : a->id - b->id;
}

static int
cmp_rows_by_slip (gconstpointer pa,
                  gconstpointer pb)
{
  const GantryReportTaskRow *a = *(GantryReportTaskRow * const *) pa;
  const GantryReportTaskRow *b = *(GantryReportTaskRow * const *) pb;
  int c = cmp_time (b->finish - b->baseline_finish, a->finish - a->baseline_finish);

  return c != 0 ? c : a->id - b->id;
}

static int
cmp_resources (gconstpointer pa,
               gconstpointer pb)
{
  const GantryReportResourceRow *a = *(GantryReportResourceRow * const *) pa;
  const GantryReportResourceRow *b = *(GantryReportResourceRow * const *) pb;
  double ra = a->max_units > 0 ? a->peak_units / a->max_units : a->peak_units;
  double rb = b->max_units > 0 ? b->peak_units / b->max_units : b->peak_units;

  if (ra != rb)
    return ra > rb ? -1 : 1;
  return a->uid - b->uid;
}

static int
cmp_cost_rows (gconstpointer pa,
               gconstpointer pb)
{
  const GantryReportCostRow *a = *(GantryReportCostRow * const *) pa;
  const GantryReportCostRow *b = *(GantryReportCostRow * const *) pb;

  /* Ties keep outline order (the sort is stable). */
  if (a->forecast != b->forecast)
    return a->forecast > b->forecast ? -1 : 1;
  return 0;
}

/* Fraction of [from, to] that lies before t: 0 before, 1 after, linear
 * in between.  A zero-length span is a step at from. */
static double
linear_fraction (GantryTime t,
                 GantryTime from,
                 GantryTime to)
{
  if (t <= from)
    return t == from && to <= from ? 1.0 : 0.0;
  if (t >= to)
    return 1.0;
  return (double) (t - from) / (double) (to - from);
}

typedef struct
{
  GantryTime     start, finish;   /* forecast span */
  GantryTime     done_from, done_to;
  GantryTime     rem_from, rem_to;
  GantryDuration work, done;
  GantryTime     bl_start, bl_finish;
  GantryDuration bl_work;
  gboolean       has_bl;
} WorkSpan;

/* Picks a sampling step so the series has at most ~60 points. */
static gint64
burndown_step (GantryTime from,
               GantryTime to)
{
  static const gint64 days[] = { 1, 7, 14, 28, 56, 91, 182, 364 };
  gint64 span = to - from;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    if (span / (days[i] * GANTRY_MS_DAY) <= 60)
      return days[i] * GANTRY_MS_DAY;
  return span / 60 + 1;
}

static void
compute_burndown (GantryReportData *data,
                  GArray           *spans)
{
  GantryTime lo = G_MAXINT64, hi = G_MININT64;
  GantryTime sd = data->status_date;
  GantryTime first, t;
  gint64 step;
  gboolean any_bl = FALSE;

  for (guint i = 0; i < spans->len; i++)
    {
      WorkSpan *w = &g_array_index (spans, WorkSpan, i);

      lo = MIN (lo, w->start);
      hi = MAX (hi, w->finish);
      if (w->has_bl)
        {
          lo = MIN (lo, w->bl_start);
          hi = MAX (hi, w->bl_finish);
          any_bl = TRUE;
        }
    }
  if (spans->len == 0 || lo >= hi)
    return;

  lo = MIN (lo, sd);
  hi = MAX (hi, sd);
  first = gantry_time_day_start (lo);
  step = burndown_step (first, hi);

  /* Sample times: first, first+step, ... up to and including one past hi,
   * plus the status date itself. */
  for (t = first; ; t += step)
    {
      gboolean last = t >= hi;
      GantryTime ts[2];
      guint n_ts = 0;

      if (t > sd && t - step < sd)
        ts[n_ts++] = sd;
      ts[n_ts++] = t;
      for (guint k = 0; k < n_ts; k++)
        {
          GantryTime x = ts[k];
          double done = 0, planned = 0, bl = 0;
          GantryReportPoint p;

          for (guint i = 0; i < spans->len; i++)
            {
              WorkSpan *w = &g_array_index (spans, WorkSpan, i);

              if (x <= sd)
                done += w->done * linear_fraction (x, w->done_from, w->done_to);
              else
                planned += (w->work - w->done) * linear_fraction (x, w->rem_from, w->rem_to);
              if (w->has_bl)
                bl += w->bl_work * linear_fraction (x, w->bl_start, w->bl_finish);
            }
          p.t = x;
          if (x <= sd)
            {
              p.work = data->total_work - (GantryDuration) llround (done);
              g_array_append_val (data->burndown_actual, p);
            }
          if (x >= sd)
            {
              p.work = data->total_work - data->actual_work - (GantryDuration) llround (planned);
              g_array_append_val (data->burndown_remaining, p);
            }
          if (any_bl)
            {
              p.work = data->baseline_work - (GantryDuration) llround (bl);
              g_array_append_val (data->burndown_baseline, p);
            }
        }
      if (last)
        break;
    }
}

static GantryTime
resolve_status_date (GantryProject *project,
                     GantryTime     status_date)
{
  GantryTime t = status_date;

  if (t == GANTRY_TIME_NONE)
    t = gantry_project_get_status_date (project);
  if (t == GANTRY_TIME_NONE)
    {
      gint64 current = GANTRY_TIME_NONE;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (project), "current-date"))
        g_object_get (project, "current-date", &current, NULL);
      t = current;
    }
  if (t == GANTRY_TIME_NONE)
    t = gantry_report_today ()
        + (gint64) gantry_project_get_default_finish_time (project) * GANTRY_MS_MINUTE;
  return t;
}

static char *
dup_string_property (gpointer    object,
                     const char *name)
{
  char *value = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (object), name))
    g_object_get (object, name, &value, NULL);
  return value;
}

static int
int_property (gpointer    object,
              const char *name,
              int         fallback)
{
  int value = fallback;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (object), name))
    g_object_get (object, name, &value, NULL);
  return value;
}

char *
gantry_report_format_date (GantryTime t)
{
  int y, mo, d, h, mi, sec;
  g_autoptr(GDateTime) dt = NULL;

  if (t == GANTRY_TIME_NONE || t < GANTRY_TIME_MIN || t > GANTRY_TIME_MAX)
    return g_strdup ("—");
  gantry_time_split (t, &y, &mo, &d, &h, &mi, &sec);
  dt = g_date_time_new_utc (y, mo, d, 0, 0, 0);
  if (dt == NULL)
    return g_strdup ("—");
  /* Translators: a date in printed reports, see g_date_time_format() */
  return g_date_time_format (dt, C_("report date", "%-d %b %Y"));
}

static void
assess_schedule (GantryReportData *data)
{
  guint n_late = data->late_tasks->len + data->milestones_late->len;

  if (data->baseline_finish != GANTRY_TIME_NONE && data->finish != GANTRY_TIME_NONE
      && data->finish > data->baseline_finish)
    {
      gint64 slip = data->finish - data->baseline_finish;
      gint64 span = data->baseline_finish - data->baseline_start;
      g_autofree char *f = gantry_report_format_date (data->finish);
      g_autofree char *b = gantry_report_format_date (data->baseline_finish);
      double slip_days = (double) slip / GANTRY_MS_DAY;

      if (span > 0 && slip * 10 > span)
        {
          data->schedule_health = GANTRY_HEALTH_LATE;
          data->schedule_rule =
            g_strdup_printf (_("Forecast finish %s is %.0f days after the baseline finish %s: "
                               "more than 10 %% of the baseline span."),
                             f, ceil (slip_days), b);
        }
      else
        {
          data->schedule_health = GANTRY_HEALTH_AT_RISK;
          data->schedule_rule =
            g_strdup_printf (_("Forecast finish %s is after the baseline finish %s "
                               "(within 10 %% of the baseline span)."),
                             f, b);
        }
      return;
    }

  if (n_late > 0)
    {
      data->schedule_health = GANTRY_HEALTH_AT_RISK;
      data->schedule_rule =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u task or milestone is behind the status date.",
                                      "%u tasks or milestones are behind the status date.",
                                      n_late),
                         n_late);
      return;
    }

  data->schedule_health = GANTRY_HEALTH_ON_TRACK;
  if (data->baseline_finish != GANTRY_TIME_NONE)
    data->schedule_rule = g_strdup (_("Forecast finish is on or before the baseline finish, "
                                      "and no task is behind the status date."));
  else
    data->schedule_rule = g_strdup (_("No baseline is set; no task is behind the status date."));
}

static void
assess_cost (GantryReportData *data)
{
  double earned;

  if (data->cost_baseline <= 0)
    {
      data->cost_health = GANTRY_HEALTH_NONE;
      data->cost_rule = g_strdup (_("No cost baseline is set: nothing to compare against."));
      return;
    }

  if (data->cost_forecast > data->cost_baseline * 1.10)
    {
      data->cost_health = GANTRY_HEALTH_LATE;
      data->cost_rule =
        g_strdup_printf (_("Forecast cost is %.0f %% over the baseline: more than 10 %%."),
                         floor ((data->cost_forecast / data->cost_baseline - 1.0) * 100.0));
      return;
    }
  if (data->cost_forecast > data->cost_baseline)
    {
      data->cost_health = GANTRY_HEALTH_AT_RISK;
      /* xgettext:no-c-format */
      data->cost_rule = g_strdup (_("Forecast cost is over the baseline (by 10 % or less)."));
      return;
    }
  earned = data->cost_baseline * data->percent_complete_duration / 100.0;
  if (data->cost_actual > earned * 1.10)
    {
      data->cost_health = GANTRY_HEALTH_AT_RISK;
      /* xgettext:no-c-format */
      data->cost_rule = g_strdup (_("Cost spent so far is more than 10 % above the budget "
                                    "earned by the work done."));
      return;
    }
  data->cost_health = GANTRY_HEALTH_ON_TRACK;
  data->cost_rule = g_strdup (_("Forecast cost is within the baseline, and spending "
                                "matches the work done."));
}

static GantryTask *
top_level_ancestor (GantryTask *task,
                    GantryTask *root)
{
  GantryTask *t = task;

  while (t != NULL)
    {
      GantryTask *parent = gantry_task_get_parent (t);

      if (parent == NULL || parent == root)
        return t;
      t = parent;
    }
  return task;
}

/* The risk register's top risks: every risk that is not closed, highest
 * score (probability × impact) first, then the more probable, then the
 * register's order.  Probability levels 1..5 are read as the middle of
 * their bands: 10, 30, 50, 70, 90 %.  The response is the mitigation, or
 * for a risk that occurred, its contingency. */
typedef struct
{
  GantryRisk *risk;
  guint       index;
} RankedRisk;

static int
cmp_ranked_risks (gconstpointer a, gconstpointer b)
{
  const RankedRisk *x = a, *y = b;
  int sx = gantry_risk_get_score (x->risk), sy = gantry_risk_get_score (y->risk);

  if (sx != sy)
    return sy - sx;
  if (gantry_risk_get_probability (x->risk) != gantry_risk_get_probability (y->risk))
    return gantry_risk_get_probability (y->risk) - gantry_risk_get_probability (x->risk);
  return (int) x->index - (int) y->index;
}

static void
fill_risks (GantryReportData *data, GantryProject *project)
{
  GListModel *risks = gantry_project_get_risks (project);
  guint n = g_list_model_get_n_items (risks);
  g_autoptr(GArray) ranked = g_array_sized_new (FALSE, FALSE, sizeof (RankedRisk), n);

  for (guint i = 0; i < n; i++)
    {
      GantryRisk *risk = g_list_model_get_item (risks, i);
      RankedRisk rr = { risk, i };

      g_object_unref (risk);   /* the register keeps it alive */
      if (gantry_risk_get_status (risk) != GANTRY_RISK_CLOSED)
        g_array_append_val (ranked, rr);
    }
  g_array_sort (ranked, cmp_ranked_risks);
  for (guint i = 0; i < ranked->len; i++)
    {
      GantryRisk *risk = g_array_index (ranked, RankedRisk, i).risk;
      GantryResource *owner = gantry_risk_get_owner (risk);
      GantryReportRisk *row = g_new0 (GantryReportRisk, 1);
      const char *response = gantry_risk_get_status (risk) == GANTRY_RISK_OCCURRED
                               ? gantry_risk_get_contingency (risk)
                               : gantry_risk_get_mitigation (risk);

      row->title = g_strdup (gantry_risk_get_title (risk) != NULL
                               ? gantry_risk_get_title (risk) : "");
      if (owner != NULL && gantry_resource_get_project (owner) == project)
        row->owner = g_strdup (gantry_resource_get_name (owner));
      row->probability = (2 * gantry_risk_get_probability (risk) - 1) / 10.0;
      row->impact = gantry_risk_get_impact (risk);
      row->response = g_strdup (response);
      g_ptr_array_add (data->risks, row);
    }
}

GantryReportData *
gantry_report_data_new (GantryProject *project,
                        GantryTime     status_date,
                        int            upcoming_days,
                        const char    *narrative)
{
  GantryReportData *data;
  GPtrArray *tasks;
  GantryTask *root;
  GListModel *resources;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GHashTable) cost_by_top = NULL;
  g_autoptr(GPtrArray) cost_list = NULL;
  double dur_sum = 0, dur_done = 0;
  GantryTime upcoming_end, next_week_end;
  GantryTime lo = G_MAXINT64, hi = G_MININT64, blo = G_MAXINT64, bhi = G_MININT64;
  const char *s;
  int wsd;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (upcoming_days >= 0, NULL);

  data = g_new0 (GantryReportData, 1);
  data->ref_count = 1;

  /* MS Project keeps the file name in Name and the project's title in
   * Title: the title is what people call the project. */
  data->project_name = gantry_report_dup_project_title (project);
  data->manager = g_strdup (gantry_project_get_manager (project));
  if (narrative != NULL)
    data->narrative = g_strdup (narrative);
  else
    data->narrative = dup_string_property (project, "narrative");
  s = gantry_project_get_currency_symbol (project);
  data->currency_symbol = g_strdup (s != NULL ? s : "");

  data->status_date = resolve_status_date (project, status_date);
  data->upcoming_days = upcoming_days > 0 ? upcoming_days : 28;
  data->minutes_per_day = int_property (project, "minutes-per-day", 480);
  if (data->minutes_per_day <= 0)
    data->minutes_per_day = 480;
  wsd = int_property (project, "week-start-day", 1);
  data->week_start_day = wsd >= 0 && wsd <= 6 ? wsd : 1;
  {
    GantryTime day = gantry_time_day_start (data->status_date);
    int back = (gantry_time_weekday (day) - data->week_start_day + 7) % 7;

    data->this_week = day - back * GANTRY_MS_DAY;
  }
  upcoming_end = data->status_date + (gint64) data->upcoming_days * GANTRY_MS_DAY;
  next_week_end = data->this_week + 14 * GANTRY_MS_DAY;

  data->milestones_completed = g_ptr_array_new_with_free_func (task_row_free);
  data->milestones_upcoming = g_ptr_array_new_with_free_func (task_row_free);
  data->milestones_late = g_ptr_array_new_with_free_func (task_row_free);
  data->late_tasks = g_ptr_array_new_with_free_func (task_row_free);
  data->slipping_tasks = g_ptr_array_new_with_free_func (task_row_free);
  data->critical_tasks = g_ptr_array_new_with_free_func (task_row_free);
  data->week_tasks = g_ptr_array_new_with_free_func (task_row_free);
  data->burndown_actual = g_array_new (FALSE, FALSE, sizeof (GantryReportPoint));
  data->burndown_remaining = g_array_new (FALSE, FALSE, sizeof (GantryReportPoint));
  data->burndown_baseline = g_array_new (FALSE, FALSE, sizeof (GantryReportPoint));
  data->cost_rows = g_ptr_array_new_with_free_func (cost_row_free);
  data->overallocated = g_ptr_array_new_with_free_func (resource_row_free);
  data->risks = g_ptr_array_new_with_free_func (risk_free);

  spans = g_array_new (FALSE, TRUE, sizeof (WorkSpan));
  cost_by_top = g_hash_table_new (NULL, NULL);
  cost_list = g_ptr_array_new_with_free_func (cost_row_free);
  root = gantry_project_get_root_task (project);
  tasks = gantry_project_get_all_tasks (project);

  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      GantryTask *task = g_ptr_array_index (tasks, i);
      const GantryBaseline *bl;
      GantryTime start, finish, sd = data->status_date;
      GantryDuration dur, work, done;
      int pc;
      gboolean complete, milestone;
      WorkSpan w = { 0, };

      if (!is_work_task (task))
        continue;

      start = gantry_task_get_start (task);
      finish = gantry_task_get_finish (task);
      if (start == GANTRY_TIME_NONE || finish == GANTRY_TIME_NONE)
        continue;  /* not scheduled: nothing to say about its dates */
      if (finish < start)
        finish = start;
      bl = gantry_task_get_baseline (task, 0);
      dur = MAX (gantry_task_get_duration (task), 0);
      work = MAX (gantry_task_get_work (task), 0);
      done = MIN (task_actual_work (task), work);
      pc = CLAMP (gantry_task_get_percent_complete (task), 0, 100);
      complete = is_complete (task);
      milestone = gantry_task_get_milestone (task);

      data->n_tasks++;
      if (complete)
        data->n_complete++;
      lo = MIN (lo, start);
      hi = MAX (hi, finish);
      dur_sum += dur;
      dur_done += (double) dur * pc / 100.0;
      data->total_work += work;
      data->actual_work += done;

      if (bl != NULL && bl->start != GANTRY_TIME_NONE && bl->finish != GANTRY_TIME_NONE)
        {
          blo = MIN (blo, bl->start);
          bhi = MAX (bhi, MAX (bl->finish, bl->start));
          data->baseline_work += MAX (bl->work, 0);
          w.has_bl = TRUE;
          w.bl_start = bl->start;
          w.bl_finish = MAX (bl->finish, bl->start);
          w.bl_work = MAX (bl->work, 0);
        }
      if (bl != NULL)
        data->cost_baseline += bl->cost;
      data->cost_actual += gantry_task_get_actual_cost (task);
      data->cost_forecast += gantry_task_get_cost (task);

      /* Burndown spans. */
      w.start = start;
      w.finish = finish;
      w.work = work;
      w.done = done;
      {
        GantryTime done_end = start + (GantryTime) ((double) (finish - start) * pc / 100.0);

        w.done_from = MIN (start, sd);
        w.done_to = MIN (done_end, sd);
        w.rem_from = MAX (done_end, sd);
        w.rem_to = MAX (finish, sd);
      }
      g_array_append_val (spans, w);

      /* Cost by top-level task. */
      {
        GantryTask *top = top_level_ancestor (task, root);
        GantryReportCostRow *row = g_hash_table_lookup (cost_by_top, top);

        if (row == NULL)
          {
            const char *name = gantry_task_get_name (top);

            row = g_new0 (GantryReportCostRow, 1);
            row->name = g_strdup (name != NULL ? name : "");
            g_hash_table_insert (cost_by_top, top, row);
            g_ptr_array_add (cost_list, row);
          }
        row->baseline += bl != NULL ? bl->cost : 0;
        row->actual += gantry_task_get_actual_cost (task);
        row->forecast += gantry_task_get_cost (task);
      }

      if (milestone)
        {
          guint flags = 0;

          data->n_milestones++;
          if (bl != NULL && bl->finish != GANTRY_TIME_NONE && finish > bl->finish)
            flags |= GANTRY_REPORT_PAST_BASELINE;
          {
            GantryTime dl = gantry_task_get_deadline (task);

            if (dl != GANTRY_TIME_NONE && finish > dl)
              flags |= GANTRY_REPORT_PAST_DEADLINE;
          }
          if (finish < sd)
            flags |= GANTRY_REPORT_NOT_FINISHED;

          if (complete)
            g_ptr_array_add (data->milestones_completed, task_row_new (task, 0));
          else if (flags != 0)
            g_ptr_array_add (data->milestones_late, task_row_new (task, flags));
          else if (finish >= sd && finish < upcoming_end)
            g_ptr_array_add (data->milestones_upcoming, task_row_new (task, 0));
        }

      if (complete)
        continue;

      /* Late against the status date. */
      {
        guint flags = 0;

        if (finish < sd)
          flags |= GANTRY_REPORT_NOT_FINISHED;
        if (pc == 0 && start < sd && gantry_task_get_actual_start (task) == GANTRY_TIME_NONE)
          flags |= GANTRY_REPORT_NOT_STARTED;
        if (flags != 0 && !milestone)
          g_ptr_array_add (data->late_tasks, task_row_new (task, flags));
      }

      if (!milestone && bl != NULL && bl->finish != GANTRY_TIME_NONE && finish > bl->finish)
        g_ptr_array_add (data->slipping_tasks,
                         task_row_new (task, GANTRY_REPORT_PAST_BASELINE));

      if (gantry_task_get_critical (task))
        g_ptr_array_add (data->critical_tasks, task_row_new (task, 0));

      {
        guint flags = 0;

        if (start >= data->this_week && start < data->this_week + 7 * GANTRY_MS_DAY)
          flags |= GANTRY_REPORT_STARTS_THIS_WEEK;
        else if (start >= data->this_week + 7 * GANTRY_MS_DAY && start < next_week_end)
          flags |= GANTRY_REPORT_STARTS_NEXT_WEEK;
        if (finish >= data->this_week && finish < data->this_week + 7 * GANTRY_MS_DAY)
          flags |= GANTRY_REPORT_DUE_THIS_WEEK;
        else if (finish >= data->this_week + 7 * GANTRY_MS_DAY && finish < next_week_end)
          flags |= GANTRY_REPORT_DUE_NEXT_WEEK;
        if (flags != 0)
          g_ptr_array_add (data->week_tasks, task_row_new (task, flags));
      }
    }

  data->start = data->n_tasks > 0 ? lo : GANTRY_TIME_NONE;
  data->finish = data->n_tasks > 0 ? hi : GANTRY_TIME_NONE;
  data->baseline_start = blo != G_MAXINT64 ? blo : GANTRY_TIME_NONE;
  data->baseline_finish = bhi != G_MININT64 ? bhi : GANTRY_TIME_NONE;

  if (dur_sum > 0)
    data->percent_complete_duration = 100.0 * dur_done / dur_sum;
  else if (data->n_tasks > 0)
    data->percent_complete_duration = 100.0 * data->n_complete / data->n_tasks;
  data->percent_complete_work = data->total_work > 0
                                ? 100.0 * (double) data->actual_work / (double) data->total_work
                                : -1.0;

  data->cost_remaining = data->cost_forecast - data->cost_actual;
  data->cost_variance = data->cost_forecast - data->cost_baseline;

  g_ptr_array_sort (data->milestones_completed, cmp_rows_by_finish_desc);
  g_ptr_array_sort (data->milestones_upcoming, cmp_rows_by_finish);
  g_ptr_array_sort (data->milestones_late, cmp_rows_by_finish);
  g_ptr_array_sort (data->late_tasks, cmp_rows_by_finish);
  g_ptr_array_sort (data->slipping_tasks, cmp_rows_by_slip);
  g_ptr_array_sort (data->critical_tasks, cmp_rows_by_start);
  g_ptr_array_sort (data->week_tasks, cmp_rows_by_start);

  compute_burndown (data, spans);

  /* Cost rows: the largest top-level tasks, the rest as "Other". */
  g_ptr_array_sort (cost_list, cmp_cost_rows);
  for (guint i = 0; i < cost_list->len; i++)
    {
      GantryReportCostRow *row = g_ptr_array_index (cost_list, i);

      if (i < N_COST_ROWS - 1 || cost_list->len == N_COST_ROWS)
        {
          g_ptr_array_index (cost_list, i) = NULL;
          g_ptr_array_add (data->cost_rows, row);
        }
      else
        {
          GantryReportCostRow *other;

          if (data->cost_rows->len < N_COST_ROWS)
            {
              other = g_new0 (GantryReportCostRow, 1);
              other->name = g_strdup (_("Other"));
              g_ptr_array_add (data->cost_rows, other);
            }
          other = g_ptr_array_index (data->cost_rows, N_COST_ROWS - 1);
          other->baseline += row->baseline;
          other->actual += row->actual;
          other->forecast += row->forecast;
        }
    }

  resources = gantry_project_get_resources (project);
  for (guint i = 0; resources != NULL && i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(GantryResource) r = g_list_model_get_item (resources, i);
      GantryReportResourceRow *row;
      const char *name;

      if (!gantry_resource_get_overallocated (r))
        continue;
      name = gantry_resource_get_name (r);
      row = g_new0 (GantryReportResourceRow, 1);
      row->uid = gantry_resource_get_uid (r);
      row->name = g_strdup (name != NULL ? name : "");
      row->peak_units = gantry_resource_get_peak_units (r);
      row->max_units = gantry_resource_get_max_units (r);
      row->work = gantry_resource_get_work (r);
      g_ptr_array_add (data->overallocated, row);
    }
  g_ptr_array_sort (data->overallocated, cmp_resources);

  fill_risks (data, project);
  assess_schedule (data);
  assess_cost (data);

  return data;
}

GantryReportData *
gantry_report_data_ref (GantryReportData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_atomic_int_inc (&data->ref_count);
  return data;
}

void
gantry_report_data_unref (GantryReportData *data)
{
  g_return_if_fail (data != NULL);

  if (!g_atomic_int_dec_and_test (&data->ref_count))
    return;

  g_free (data->project_name);
  g_free (data->manager);
  g_free (data->narrative);
  g_free (data->currency_symbol);
  g_free (data->schedule_rule);
  g_free (data->cost_rule);
  g_ptr_array_unref (data->milestones_completed);
  g_ptr_array_unref (data->milestones_upcoming);
  g_ptr_array_unref (data->milestones_late);
  g_ptr_array_unref (data->late_tasks);
  g_ptr_array_unref (data->slipping_tasks);
  g_ptr_array_unref (data->critical_tasks);
  g_ptr_array_unref (data->week_tasks);
  g_array_unref (data->burndown_actual);
  g_array_unref (data->burndown_remaining);
  g_array_unref (data->burndown_baseline);
  g_ptr_array_unref (data->cost_rows);
  g_ptr_array_unref (data->overallocated);
  g_ptr_array_unref (data->risks);
  g_free (data);
}
