/* gantry-calendar.c — working-time calendars (definition only)
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gantry-core-private.h"

struct _GantryCalendar
{
  GObject         parent_instance;

  int             uid;
  char           *name;
  GantryCalendar *base;
  gboolean        is_base_calendar;
  gboolean        is_baseline_calendar;

  GantryDayDef    days[7];
  GArray         *exceptions;   /* GantryCalendarException, sorted by from_day */
  GArray         *work_weeks;   /* GantryWorkWeek */
  guint           stamp;

  GantryExtras   *extras;
  GantryProject  *project;      /* weak, set while in a project */
};

G_DEFINE_FINAL_TYPE (GantryCalendar, gantry_calendar, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UID,
  PROP_NAME,
  PROP_BASE,
  PROP_IS_BASE_CALENDAR,
  PROP_IS_BASELINE_CALENDAR,
  N_PROPS
};

enum {
  DEFINITION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- day definitions ----------------------------------------------------- */

static void
day_def_normalize (GantryDayDef *out, const GantryDayDef *in)
{
  memset (out, 0, sizeof *out);
  if (in == NULL)
    return;
  out->kind = in->kind;
  if (out->kind != GANTRY_DAY_WORKING && out->kind != GANTRY_DAY_NONWORKING)
    out->kind = GANTRY_DAY_DEFAULT;
  if (out->kind == GANTRY_DAY_WORKING)
    {
      out->n_ranges = CLAMP (in->n_ranges, 0, GANTRY_CALENDAR_MAX_RANGES);
      for (int i = 0; i < out->n_ranges; i++)
        {
          out->ranges[i].from = CLAMP (in->ranges[i].from, 0, 1440);
          out->ranges[i].to = CLAMP (in->ranges[i].to, 0, 1440);
        }
    }
}

static gboolean
day_def_equal (const GantryDayDef *a, const GantryDayDef *b)
{
  if (a->kind != b->kind || a->n_ranges != b->n_ranges)
    return FALSE;
  for (int i = 0; i < a->n_ranges; i++)
    if (a->ranges[i].from != b->ranges[i].from || a->ranges[i].to != b->ranges[i].to)
      return FALSE;
  return TRUE;
}

static void
standard_weekday (int weekday, GantryDayDef *out)
{
  memset (out, 0, sizeof *out);
  if (weekday == 0 || weekday == 6)
    out->kind = GANTRY_DAY_NONWORKING;
  else
    {
      out->kind = GANTRY_DAY_WORKING;
      out->n_ranges = 2;
      out->ranges[0].from = 8 * 60;
      out->ranges[0].to = 12 * 60;
      out->ranges[1].from = 13 * 60;
      out->ranges[1].to = 17 * 60;
    }
}

/* ---- exceptions and work weeks ----------------------------------------- */

void
gantry_calendar_exception_clear (GantryCalendarException *ex)
{
  if (ex == NULL)
    return;
  g_clear_pointer (&ex->name, g_free);
}

void
gantry_work_week_clear (GantryWorkWeek *ww)
{
  if (ww == NULL)
    return;
  g_clear_pointer (&ww->name, g_free);
}

static void
exception_copy (GantryCalendarException *dst, const GantryCalendarException *src)
{
  *dst = *src;
  dst->name = g_strdup (src->name);
  day_def_normalize (&dst->day, &src->day);
}

static void
work_week_copy (GantryWorkWeek *dst, const GantryWorkWeek *src)
{
  *dst = *src;
  dst->name = g_strdup (src->name);
  for (int i = 0; i < 7; i++)
    day_def_normalize (&dst->days[i], &src->days[i]);
}

static gboolean
exception_equal (const GantryCalendarException *a, const GantryCalendarException *b)
{
  return g_strcmp0 (a->name, b->name) == 0
         && a->from_day == b->from_day && a->to_day == b->to_day
         && a->recurrence == b->recurrence && a->period == b->period
         && a->occurrences == b->occurrences
         && !a->entered_by_occurrences == !b->entered_by_occurrences
         && a->days_of_week == b->days_of_week && a->month_item == b->month_item
         && a->month_position == b->month_position && a->month == b->month
         && a->month_day == b->month_day && day_def_equal (&a->day, &b->day);
}

static gboolean
work_week_equal (const GantryWorkWeek *a, const GantryWorkWeek *b)
{
  if (g_strcmp0 (a->name, b->name) != 0 || a->from_day != b->from_day || a->to_day != b->to_day)
    return FALSE;
  for (int i = 0; i < 7; i++)
    if (!day_def_equal (&a->days[i], &b->days[i]))
      return FALSE;
  return TRUE;
}

static int
weekday_of_day (gint64 day)
{
  return (int) (((day % 7) + 7 + 4) % 7);
}

static void
split_day (gint64 day, int *y, int *m, int *d)
{
  gantry_time_split (gantry_time_from_day_number (day), y, m, d, NULL, NULL, NULL);
}

static gint64
day_of (int y, int m, int d)
{
  return gantry_time_day_number (gantry_time_make (y, m, d, 0, 0, 0));
}

static gboolean
item_matches (int item, int weekday)
{
  switch (item)
    {
    case 0:
      return TRUE;
    case 1:
      return weekday >= 1 && weekday <= 5;
    case 2:
      return weekday == 0 || weekday == 6;
    default:
      return weekday == item - 3;
    }
}

/* Day of month (1..31) of the position-th item of a month, or 0. */
static int
nth_in_month (int year, int month, int position, int item)
{
  int dim, first_wd, count = 0;

  if (year < 1 || year > 9999 || month < 1 || month > 12 || item < 0 || item > 9)
    return 0;
  dim = gantry_date_days_in_month (year, month);
  first_wd = weekday_of_day (day_of (year, month, 1));

  if (position >= 4)
    {
      for (int d = dim; d >= 1; d--)
        if (item_matches (item, (first_wd + d - 1) % 7))
          return d;
      return 0;
    }
  for (int d = 1; d <= dim; d++)
    if (item_matches (item, (first_wd + d - 1) % 7) && count++ == MAX (position, 0))
      return d;
  return 0;
}

/* The day of month an exception occurs on in year/month (1-based), or 0. */
static int
occurrence_in_month (const GantryCalendarException *ex, int year, int month)
{
  switch (ex->recurrence)
    {
    case GANTRY_RECUR_MONTHLY_BY_DAY:
    case GANTRY_RECUR_YEARLY_BY_DAY:
      if (year < 1 || year > 9999)
        return 0;
      return CLAMP (ex->month_day, 1, gantry_date_days_in_month (year, month));
    case GANTRY_RECUR_MONTHLY_BY_POS:
    case GANTRY_RECUR_YEARLY_BY_POS:
      return nth_in_month (year, month, ex->month_position, ex->month_item);
    default:
      return 0;
    }
}

static int
popcount7 (int mask)
{
  int n = 0;

  for (int i = 0; i < 7; i++)
    if (mask & (1 << i))
      n++;
  return n;
}

/* Mon–Fri days in [a, b). */
static gint64
weekdays_between (gint64 a, gint64 b)
{
  gint64 n = b - a, full = n / 7 * 5;

  for (gint64 d = a + n / 7 * 7; d < b; d++)
    if (item_matches (1, weekday_of_day (d)))
      full++;
  return full;
}

gboolean
gantry_calendar_exception_covers (const GantryCalendarException *ex,
                                  gint64                         day)
{
  int period, y, m, d, fy, fm, fd;
  gint64 idx = 0;

  g_return_val_if_fail (ex != NULL, FALSE);

  if (day < ex->from_day)
    return FALSE;
  if (day > ex->to_day && !(ex->entered_by_occurrences && ex->to_day < ex->from_day))
    return FALSE;

  period = MAX (ex->period, 1);

  switch (ex->recurrence)
    {
    case GANTRY_RECUR_DAILY:
    case GANTRY_RECUR_BY_DAY_COUNT:
      if ((day - ex->from_day) % period != 0)
        return FALSE;
      idx = (day - ex->from_day) / period;
      break;

    case GANTRY_RECUR_BY_WEEKDAY_COUNT:
      {
        gint64 w;

        if (!item_matches (1, weekday_of_day (day)))
          return FALSE;
        w = weekdays_between (ex->from_day, day);
        if (w % period != 0)
          return FALSE;
        idx = w / period;
      }
      break;

    case GANTRY_RECUR_WEEKLY:
      {
        int mask = ex->days_of_week & 0x7f;
        int wd = weekday_of_day (day), fwd = weekday_of_day (ex->from_day);
        gint64 weeks;

        if (mask == 0)
          mask = 1 << fwd;
        if (!(mask & (1 << wd)))
          return FALSE;
        weeks = ((day - wd) - (ex->from_day - fwd)) / 7;
        if (weeks % period != 0)
          return FALSE;
        idx = weeks / period * popcount7 (mask) + popcount7 (mask & ((1 << wd) - 1))
              - popcount7 (mask & ((1 << fwd) - 1));
      }
      break;

    case GANTRY_RECUR_MONTHLY_BY_DAY:
    case GANTRY_RECUR_MONTHLY_BY_POS:
      {
        gint64 months;
        int first;

        split_day (day, &y, &m, &d);
        split_day (ex->from_day, &fy, &fm, &fd);
        months = ((gint64) y * 12 + m) - ((gint64) fy * 12 + fm);
        if (months % period != 0)
          return FALSE;
        if (d != occurrence_in_month (ex, y, m))
          return FALSE;
        first = occurrence_in_month (ex, fy, fm);
        idx = months / period - ((first == 0 || first < fd) ? 1 : 0);
      }
      break;

    case GANTRY_RECUR_YEARLY_BY_DAY:
    case GANTRY_RECUR_YEARLY_BY_POS:
      {
        gint64 years;
        int first;

        split_day (day, &y, &m, &d);
        split_day (ex->from_day, &fy, &fm, &fd);
        if (m != CLAMP (ex->month, 0, 11) + 1)
          return FALSE;
        years = y - fy;
        if (years % period != 0)
          return FALSE;
        if (d != occurrence_in_month (ex, y, m))
          return FALSE;
        first = occurrence_in_month (ex, fy, m);
        idx = years / period
              - ((first == 0 || day_of (fy, m, first) < ex->from_day) ? 1 : 0);
      }
      break;

    case GANTRY_RECUR_NONE:
    default:
      return TRUE;
    }

  if (ex->entered_by_occurrences && ex->occurrences > 0 && idx >= ex->occurrences)
    return FALSE;
  return TRUE;
}

/* ---- GObject --------------------------------------------------------- */

static void
gantry_calendar_finalize (GObject *object)
{
  GantryCalendar *self = GANTRY_CALENDAR (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->base);
  g_clear_pointer (&self->exceptions, g_array_unref);
  g_clear_pointer (&self->work_weeks, g_array_unref);
  g_clear_pointer (&self->extras, gantry_extras_free);

  G_OBJECT_CLASS (gantry_calendar_parent_class)->finalize (object);
}

static void
gantry_calendar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GantryCalendar *self = GANTRY_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_UID:
      g_value_set_int (value, self->uid);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_BASE:
      g_value_set_object (value, self->base);
      break;
    case PROP_IS_BASE_CALENDAR:
      g_value_set_boolean (value, self->is_base_calendar);
      break;
    case PROP_IS_BASELINE_CALENDAR:
      g_value_set_boolean (value, self->is_baseline_calendar);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gantry_calendar_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GantryCalendar *self = GANTRY_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_UID:
      gantry_calendar_set_uid (self, g_value_get_int (value));
      break;
    case PROP_NAME:
      gantry_calendar_set_name (self, g_value_get_string (value));
      break;
    case PROP_BASE:
      if (!gantry_calendar_set_base (self, g_value_get_object (value)))
        g_warning ("Refusing a base calendar that would make a cycle");
      break;
    case PROP_IS_BASE_CALENDAR:
      gantry_calendar_set_is_base_calendar (self, g_value_get_boolean (value));
      break;
    case PROP_IS_BASELINE_CALENDAR:
      gantry_calendar_set_is_baseline_calendar (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gantry_calendar_class_init (GantryCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gantry_calendar_finalize;
  object_class->get_property = gantry_calendar_get_property;
  object_class->set_property = gantry_calendar_set_property;

  properties[PROP_UID] = g_param_spec_int ("uid", NULL, NULL, G_MININT, G_MAXINT, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_BASE] = g_param_spec_object ("base", NULL, NULL, GANTRY_TYPE_CALENDAR, rw);
  properties[PROP_IS_BASE_CALENDAR] =
    g_param_spec_boolean ("is-base-calendar", NULL, NULL, TRUE, rw);
  properties[PROP_IS_BASELINE_CALENDAR] =
    g_param_spec_boolean ("is-baseline-calendar", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GantryCalendar::definition-changed:
   *
   * Emitted after the weekdays, exceptions or work weeks changed.
   */
  signals[DEFINITION_CHANGED] =
    g_signal_new ("definition-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
exception_clear_func (gpointer data)
{
  gantry_calendar_exception_clear (data);
}

static void
work_week_clear_func (gpointer data)
{
  gantry_work_week_clear (data);
}

static void
gantry_calendar_init (GantryCalendar *self)
{
  self->is_base_calendar = TRUE;
  self->exceptions = g_array_new (FALSE, TRUE, sizeof (GantryCalendarException));
  g_array_set_clear_func (self->exceptions, exception_clear_func);
  self->work_weeks = g_array_new (FALSE, TRUE, sizeof (GantryWorkWeek));
  g_array_set_clear_func (self->work_weeks, work_week_clear_func);
  self->extras = gantry_extras_new ();
}

static void
definition_changed (GantryCalendar *self)
{
  self->stamp++;
  _GANTRY_MODEL_CHANGED ();
  g_signal_emit (self, signals[DEFINITION_CHANGED], 0);
}

/* ---- public API ---------------------------------------------------------- */

GantryCalendar *
gantry_calendar_new (int uid, const char *name)
{
  return g_object_new (GANTRY_TYPE_CALENDAR, "uid", uid, "name", name, NULL);
}

GantryCalendar *
gantry_calendar_new_standard (int uid, const char *name)
{
  GantryCalendar *self = gantry_calendar_new (uid, name);

  for (int i = 0; i < 7; i++)
    standard_weekday (i, &self->days[i]);
  return self;
}

int
gantry_calendar_get_uid (GantryCalendar *self)
{
  g_return_val_if_fail (GANTRY_IS_CALENDAR (self), 0);
  return self->uid;
}

void
gantry_calendar_set_uid (GantryCalendar *self, int uid)
{
  g_return_if_fail (GANTRY_IS_CALENDAR (self));

  if (self->uid == uid)
    return;
  if (self->project && !_gantry_project_uid_changing (self->project, self, self->uid, uid))
    return;
  self->uid = uid;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
}

const char *
gantry_calendar_get_name (GantryCalendar *self)
{
  g_return_val_if_fail (GANTRY_IS_CALENDAR (self), NULL);
  return self->name;
}

void
gantry_calendar_set_name (GantryCalendar *self, const char *name)
{
  g_return_if_fail (GANTRY_IS_CALENDAR (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

GantryCalendar *
gantry_calendar_get_base (GantryCalendar *self)
{
  g_return_val_if_fail (GANTRY_IS_CALENDAR (self), NULL);
  return self->base;
}

gboolean
gantry_calendar_set_base (GantryCalendar *self, GantryCalendar *base)
{
  g_return_val_if_fail (GANTRY_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (base == NULL || GANTRY_IS_CALENDAR (base), FALSE);

  for (GantryCalendar *c = base; c != NULL; c = c->base)
    if (c == self)
      return FALSE;

  if (g_set_object (&self->base, base))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE]);
      /* The effective working time changed: the engine must recompile. */
      definition_changed (self);
    }
  return TRUE;
}

gboolean
gantry_calendar_get_is_base_calendar (GantryCalendar *self)
{
  g_return_val_if_fail (GANTRY_IS_CALENDAR (self), FALSE);
  return self->is_base_calendar;
}

void
gantry_calendar_set_is_base_calendar (GantryCalendar *self, gboolean value)
{
  g_return_if_fail (GANTRY_IS_CALENDAR (self));

  value = !!value;
  if (self->is_base_calendar == value)
    return;
  self->is_base_calendar = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_BASE_CALENDAR]);
}

gboolean
gantry_calendar_get_is_baseline_calendar (GantryCalendar *self)
{
  g_return_val_if_fail (GANTRY_IS_CALENDAR (self), FALSE);
  return self->is_baseline_calendar;
}

void
gantry_calendar_set_is_baseline_calendar (GantryCalendar *self, gboolean value)
{
  g_return_if_fail (GANTRY_IS_CALENDAR (self));

  value = !!value;
  if (self->is_baseline_calendar == value)
    return;
  self->is_baseline_calendar = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_BASELINE_CALENDAR]);
}

const GantryDayDef *
gantry_calendar_get_weekday (GantryCalendar *self, int weekday)
{
  g_return_val_if_fail (GANTRY_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (weekday >= 0 && weekday < 7, NULL);
  return &self->days[weekday];
}

void
gantry_calendar_set_weekday (GantryCalendar *self, int weekday, const GantryDayDef *def)
{
  GantryDayDef norm;

  g_return_if_fail (GANTRY_IS_CALENDAR (self));
  g_return_if_fail (weekday >= 0 && weekday < 7);

  day_def_normalize (&norm, def);
  if (day_def_equal (&norm, &self->days[weekday]))
    return;
  self->days[weekday] = norm;
  definition_changed (self);
}

guint
gantry_calendar_get_n_exceptions (GantryCalendar *self)
{
  g_return_val_if_fail (GANTRY_IS_CALENDAR (self), 0);
  return self->exceptions->len;
}

const GantryCalendarException *
gantry_calendar_get_exception (GantryCalendar *self, guint i)
{
  g_return_val_if_fail (GANTRY_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (i < self->exceptions->len, NULL);
  return &g_array_index (self->exceptions, GantryCalendarException, i);
}

static void
insert_exception_sorted (GArray *array, const GantryCalendarException *ex)
{
  GantryCalendarException copy;
  guint lo = 0, hi = array->len;

  /* Upper bound: after every exception with the same from_day. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (array, GantryCalendarException, mid).from_day <= ex->from_day)
        lo = mid + 1;
      else
        hi = mid;
    }
  exception_copy (&copy, ex);
  g_array_insert_val (array, lo, copy);
}

void
gantry_calendar_add_exception (GantryCalendar *self, const GantryCalendarException *ex)
{
  g_return_if_fail (GANTRY_IS_CALENDAR (self));
  g_return_if_fail (ex != NULL);

  insert_exception_sorted (self->exceptions, ex);
  definition_changed (self);
}

void
gantry_calendar_remove_exception (GantryCalendar *self, guint i)
{
  g_return_if_fail (GANTRY_IS_CALENDAR (self));
  g_return_if_fail (i < self->exceptions->len);

  g_array_remove_index (self->exceptions, i);
  definition_changed (self);
}

guint
gantry_calendar_get_n_work_weeks (GantryCalendar *self)
{
  g_return_val_if_fail (GANTRY_IS_CALENDAR (self), 0);
  return self->work_weeks->len;
}

const GantryWorkWeek *
gantry_calendar_get_work_week (GantryCalendar *self, guint i)
{
  g_return_val_if_fail (GANTRY_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (i < self->work_weeks->len, NULL);
  return &g_array_index (self->work_weeks, GantryWorkWeek, i);
}

void
gantry_calendar_add_work_week (GantryCalendar *self, const GantryWorkWeek *ww)
{
  GantryWorkWeek copy;

  g_return_if_fail (GANTRY_IS_CALENDAR (self));
  g_return_if_fail (ww != NULL);

  work_week_copy (&copy, ww);
  g_array_append_val (self->work_weeks, copy);
  definition_changed (self);
}

void
gantry_calendar_remove_work_week (GantryCalendar *self, guint i)
{
  g_return_if_fail (GANTRY_IS_CALENDAR (self));
  g_return_if_fail (i < self->work_weeks->len);

  g_array_remove_index (self->work_weeks, i);
  definition_changed (self);
}

void
gantry_calendar_set_definition (GantryCalendar *self, GantryCalendar *src)
{
  g_return_if_fail (GANTRY_IS_CALENDAR (self));
  g_return_if_fail (GANTRY_IS_CALENDAR (src));

  if (self == src)
    return;

  memcpy (self->days, src->days, sizeof self->days);
  g_array_set_size (self->exceptions, 0);
  for (guint i = 0; i < src->exceptions->len; i++)
    {
      GantryCalendarException copy;
      exception_copy (&copy, &g_array_index (src->exceptions, GantryCalendarException, i));
      g_array_append_val (self->exceptions, copy);
    }
  g_array_set_size (self->work_weeks, 0);
  for (guint i = 0; i < src->work_weeks->len; i++)
    {
      GantryWorkWeek copy;
      work_week_copy (&copy, &g_array_index (src->work_weeks, GantryWorkWeek, i));
      g_array_append_val (self->work_weeks, copy);
    }
  definition_changed (self);
}

gboolean
gantry_calendar_definition_equal (GantryCalendar *a, GantryCalendar *b)
{
  g_return_val_if_fail (GANTRY_IS_CALENDAR (a), FALSE);
  g_return_val_if_fail (GANTRY_IS_CALENDAR (b), FALSE);

  for (int i = 0; i < 7; i++)
    if (!day_def_equal (&a->days[i], &b->days[i]))
      return FALSE;
  if (a->exceptions->len != b->exceptions->len || a->work_weeks->len != b->work_weeks->len)
    return FALSE;
  for (guint i = 0; i < a->exceptions->len; i++)
    if (!exception_equal (&g_array_index (a->exceptions, GantryCalendarException, i),
                          &g_array_index (b->exceptions, GantryCalendarException, i)))
      return FALSE;
  for (guint i = 0; i < a->work_weeks->len; i++)
    if (!work_week_equal (&g_array_index (a->work_weeks, GantryWorkWeek, i),
                          &g_array_index (b->work_weeks, GantryWorkWeek, i)))
      return FALSE;
  return TRUE;
}

GantryCalendar *
gantry_calendar_copy (GantryCalendar *self)
{
  GantryCalendar *copy;

  g_return_val_if_fail (GANTRY_IS_CALENDAR (self), NULL);

  copy = gantry_calendar_new (self->uid, self->name);
  copy->base = self->base ? g_object_ref (self->base) : NULL;
  copy->is_base_calendar = self->is_base_calendar;
  copy->is_baseline_calendar = self->is_baseline_calendar;
  gantry_extras_free (copy->extras);
  copy->extras = gantry_extras_copy (self->extras);
  gantry_calendar_set_definition (copy, self);
  return copy;
}

guint
gantry_calendar_get_stamp (GantryCalendar *self)
{
  g_return_val_if_fail (GANTRY_IS_CALENDAR (self), 0);
  return self->stamp;
}

void
gantry_calendar_resolve_day (GantryCalendar *self, gint64 day_number, GantryDayDef *out)
{
  int weekday;
  guint depth = 0;

  g_return_if_fail (GANTRY_IS_CALENDAR (self));
  g_return_if_fail (out != NULL);

  weekday = weekday_of_day (day_number);

  /* Precedence: exceptions (this calendar's, then its bases': a company
   * holiday applies to every resource) > work week > normal week, each
   * falling back to the base calendar when it says "use base". */
  for (GantryCalendar *c = self; c != NULL && depth < 64; c = c->base, depth++)
    {
      /* Later exceptions win over earlier ones covering the same day. */
      for (guint i = c->exceptions->len; i > 0; i--)
        {
          const GantryCalendarException *ex =
            &g_array_index (c->exceptions, GantryCalendarException, i - 1);

          if (ex->day.kind != GANTRY_DAY_DEFAULT
              && gantry_calendar_exception_covers (ex, day_number))
            {
              *out = ex->day;
              return;
            }
        }
    }

  depth = 0;
  for (GantryCalendar *c = self; c != NULL && depth < 64; c = c->base, depth++)
    {
      for (guint i = c->work_weeks->len; i > 0; i--)
        {
          const GantryWorkWeek *ww = &g_array_index (c->work_weeks, GantryWorkWeek, i - 1);

          if (day_number >= ww->from_day && day_number <= ww->to_day
              && ww->days[weekday].kind != GANTRY_DAY_DEFAULT)
            {
              *out = ww->days[weekday];
              return;
            }
        }
      if (c->days[weekday].kind != GANTRY_DAY_DEFAULT)
        {
          *out = c->days[weekday];
          return;
        }
    }

  /* Nothing defines the day: MS Project's standard week. */
  standard_weekday (weekday, out);
}

GantryExtras *
gantry_calendar_get_extras (GantryCalendar *self)
{
  g_return_val_if_fail (GANTRY_IS_CALENDAR (self), NULL);
  return self->extras;
}

void
_gantry_calendar_set_project (GantryCalendar *calendar, GantryProject *project)
{
  calendar->project = project;
}

GantryProject *
_gantry_calendar_get_project (GantryCalendar *calendar)
{
  return calendar->project;
}
