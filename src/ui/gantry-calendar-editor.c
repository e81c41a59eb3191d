/* gantry-calendar-editor.c — edits a project or resource calendar
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gantry-calendar-editor.h"

struct _GantryCalendarEditor
{
  GtkWindow        parent_instance;

  GantryProject   *project;
  GantryCalendar  *calendar;
  GtkWidget       *weekday[7];
  GtkWidget       *exceptions;   /* GtkBox of rows */
  GtkSizeGroup    *ex_columns[5]; /* the rows' fields line up as columns */
  GtkWidget       *work_weeks;   /* GtkBox of work-week boxes */
  GtkWidget       *no_weeks;     /* "None" label while there are none */
  GtkWidget       *error;
};

G_DEFINE_FINAL_TYPE (GantryCalendarEditor, gantry_calendar_editor, GTK_TYPE_WINDOW)

static const char *WEEKDAYS[] = { N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"),
                                  N_("Thursday"), N_("Friday"), N_("Saturday") };

/* ---- day text --------------------------------------------------------------- */

char *
gantry_calendar_format_day (const GantryDayDef *day)
{
  GString *s;
  int i;

  g_return_val_if_fail (day != NULL, NULL);
  if (day->kind == GANTRY_DAY_DEFAULT)
    return g_strdup (_("default"));
  if (day->kind == GANTRY_DAY_NONWORKING || day->n_ranges <= 0)
    return g_strdup (_("nonworking"));
  s = g_string_new (NULL);
  for (i = 0; i < day->n_ranges && i < GANTRY_CALENDAR_MAX_RANGES; i++)
    g_string_append_printf (s, "%s%02d:%02d-%02d:%02d", i > 0 ? ", " : "",
                            day->ranges[i].from / 60, day->ranges[i].from % 60,
                            day->ranges[i].to / 60, day->ranges[i].to % 60);
  return g_string_free (s, FALSE);
}

static gboolean
parse_clock (const char *s, int *minutes)
{
  int h, m, n = 0;

  if (sscanf (s, "%d:%d%n", &h, &m, &n) != 2 || s[n] != '\0' || h < 0 || h > 24 || m < 0
      || m > 59 || (h == 24 && m != 0))
    return FALSE;
  *minutes = h * 60 + m;
  return TRUE;
}

gboolean
gantry_calendar_parse_day (const char *text, GantryDayDef *out, GError **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) parts = NULL;
  GantryDayDef d = { 0 };
  int i;

  g_return_val_if_fail (out != NULL, FALSE);
  if (g_ascii_strcasecmp (t, "default") == 0 || g_strcmp0 (t, _("default")) == 0)
    {
      d.kind = GANTRY_DAY_DEFAULT;
      *out = d;
      return TRUE;
    }
  if (*t == '\0' || g_ascii_strcasecmp (t, "nonworking") == 0 || g_strcmp0 (t, _("nonworking")) == 0)
    {
      d.kind = GANTRY_DAY_NONWORKING;
      *out = d;
      return TRUE;
    }
  parts = g_strsplit_set (t, ",;", -1);
  d.kind = GANTRY_DAY_WORKING;
  for (i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) ends = NULL;
      int from, to;

      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      ends = g_strsplit (parts[i], "-", 3);
      if (g_strv_length (ends) != 2 || !parse_clock (g_strstrip (ends[0]), &from)
          || !parse_clock (g_strstrip (ends[1]), &to))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” is not a time range: write it like 08:00-12:00"), parts[i]);
          return FALSE;
        }
      if (to <= from || (d.n_ranges > 0 && from < d.ranges[d.n_ranges - 1].to))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s”: ranges must run forward and not overlap"), parts[i]);
          return FALSE;
        }
      if (d.n_ranges == GANTRY_CALENDAR_MAX_RANGES)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("A day has at most %d working ranges"), GANTRY_CALENDAR_MAX_RANGES);
          return FALSE;
        }
      d.ranges[d.n_ranges].from = from;
      d.ranges[d.n_ranges].to = to;
      d.n_ranges++;
    }
  if (d.n_ranges == 0)
    d.kind = GANTRY_DAY_NONWORKING;
  *out = d;
  return TRUE;
}

static gboolean
parse_date (const char *text, gint64 *day)
{
  GantryTime t;
  g_autofree char *s = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*s == '\0' || !gantry_time_parse_iso (s, &t, NULL))
    return FALSE;
  *day = gantry_time_day_number (t);
  return TRUE;
}

static char *
format_date (gint64 day)
{
  int y, m, d, h, mi, s;

  gantry_time_split (gantry_time_from_day_number (day), &y, &m, &d, &h, &mi, &s);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/* ---- rows --------------------------------------------------------------------- */

static GtkWidget *
entry (const char *text, int chars, const char *label)
{
  GtkWidget *e = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (e), text != NULL ? text : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (e), chars);
  gtk_accessible_update_property (GTK_ACCESSIBLE (e), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return e;
}

static void
on_remove_row (GtkButton *b, GtkWidget *row)
{
  (void) b;
  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (row)), row);
}

static void
add_exception_row (GantryCalendarEditor *self, const char *name, const char *from,
                   const char *to, const char *day, GantryRecurrence rec)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *recur, *remove;
  const char *recs[] = { _("Once"), _("Every year"), _("Every week"), NULL };

  recur = gtk_drop_down_new_from_strings (recs);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (recur),
                              rec == GANTRY_RECUR_YEARLY_BY_DAY ? 1 : rec == GANTRY_RECUR_WEEKLY ? 2 : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (recur), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Repeats"), -1);
  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_tooltip_text (remove, _("Remove this exception"));
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_row), row);
  g_object_set_data (G_OBJECT (row), "name", entry (name, 14, _("Exception name")));
  g_object_set_data (G_OBJECT (row), "from", entry (from, 10, _("From (YYYY-MM-DD)")));
  g_object_set_data (G_OBJECT (row), "to", entry (to, 10, _("To (YYYY-MM-DD)")));
  g_object_set_data (G_OBJECT (row), "day", entry (day, 18, _("Working time")));
  g_object_set_data (G_OBJECT (row), "recur", recur);
  {
    static const char *fields[] = { "name", "from", "to", "day", "recur" };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        GtkWidget *w = g_object_get_data (G_OBJECT (row), fields[i]);

        if (self->ex_columns[i] == NULL)
          self->ex_columns[i] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
        gtk_size_group_add_widget (self->ex_columns[i], w);
        gtk_box_append (GTK_BOX (row), w);
      }
  }
  gtk_box_append (GTK_BOX (row), remove);
  gtk_box_append (GTK_BOX (self->exceptions), row);
}

void
gantry_calendar_editor_add_exception (GantryCalendarEditor *self, const char *name,
                                      const char *from, const char *to, const char *day_text,
                                      GantryRecurrence recurrence)
{
  g_return_if_fail (GANTRY_IS_CALENDAR_EDITOR (self));
  add_exception_row (self, name, from, to, day_text, recurrence);
}

void
gantry_calendar_editor_set_weekday_text (GantryCalendarEditor *self, int weekday, const char *text)
{
  g_return_if_fail (GANTRY_IS_CALENDAR_EDITOR (self));
  g_return_if_fail (weekday >= 0 && weekday < 7);
  gtk_editable_set_text (GTK_EDITABLE (self->weekday[weekday]), text != NULL ? text : "");
}

static void
on_add_exception (GtkButton *b, GantryCalendarEditor *self)
{
  g_autofree char *today = format_date (gantry_time_day_number (gantry_project_get_start (self->project)));
  (void) b;
  add_exception_row (self, _("Holiday"), today, today, _("nonworking"), GANTRY_RECUR_NONE);
}

static void
update_no_weeks (GantryCalendarEditor *self)
{
  gtk_widget_set_visible (self->no_weeks, gtk_widget_get_first_child (self->work_weeks) == NULL);
}

static void
on_remove_week (GtkButton *b, GtkWidget *row)
{
  GantryCalendarEditor *self = g_object_get_data (G_OBJECT (row), "editor");

  (void) b;
  gtk_box_remove (GTK_BOX (self->work_weeks), row);
  update_no_weeks (self);
}

/* One work week: name, from, to, remove; under it the seven days
 * (Monday first), each "08:00-12:00, 13:00-17:00", "nonworking" or
 * "default" (as the calendar's normal week). */
static void
add_work_week_row (GantryCalendarEditor *self, const char *name, const char *from, const char *to,
                   const char *const days[7])
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *rm = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkWidget *e;
  int i;

  g_object_set_data (G_OBJECT (row), "editor", self);
  e = entry (name, 16, _("Work week name"));
  g_object_set_data (G_OBJECT (row), "name", e);
  gtk_box_append (GTK_BOX (top), e);
  e = entry (from, 10, _("From (YYYY-MM-DD)"));
  g_object_set_data (G_OBJECT (row), "from", e);
  gtk_box_append (GTK_BOX (top), e);
  gtk_box_append (GTK_BOX (top), gtk_label_new ("–"));
  e = entry (to, 10, _("To (YYYY-MM-DD)"));
  g_object_set_data (G_OBJECT (row), "to", e);
  gtk_box_append (GTK_BOX (top), e);
  gtk_widget_set_tooltip_text (rm, _("Remove this work week"));
  gtk_widget_add_css_class (rm, "flat");
  gtk_widget_set_hexpand (rm, TRUE);
  gtk_widget_set_halign (rm, GTK_ALIGN_END);
  g_signal_connect (rm, "clicked", G_CALLBACK (on_remove_week), row);
  gtk_box_append (GTK_BOX (top), rm);
  gtk_box_append (GTK_BOX (row), top);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_widget_set_margin_start (grid, 18);
  for (i = 0; i < 7; i++)
    {
      int wd = (i + 1) % 7;   /* Monday first */
      g_autofree char *key = g_strdup_printf ("day%d", wd);
      GtkWidget *l = gtk_label_new (_(WEEKDAYS[wd]));
      g_autofree char *label = g_strdup_printf ("%s, %s", name != NULL ? name : "", _(WEEKDAYS[wd]));

      gtk_label_set_xalign (GTK_LABEL (l), 0);
      gtk_widget_add_css_class (l, "dim-label");
      e = entry (days != NULL && days[wd] != NULL ? days[wd] : _("default"), 22, label);
      gtk_widget_set_hexpand (e, TRUE);
      g_object_set_data (G_OBJECT (row), key, e);
      gtk_grid_attach (GTK_GRID (grid), l, (i % 2) * 2, i / 2, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), e, (i % 2) * 2 + 1, i / 2, 1, 1);
    }
  gtk_box_append (GTK_BOX (row), grid);
  gtk_widget_set_margin_bottom (row, 8);
  gtk_box_append (GTK_BOX (self->work_weeks), row);
  update_no_weeks (self);
}

void
gantry_calendar_editor_add_work_week (GantryCalendarEditor *self, const char *name,
                                      const char *from, const char *to,
                                      const char *const day_texts[7])
{
  g_return_if_fail (GANTRY_IS_CALENDAR_EDITOR (self));
  add_work_week_row (self, name, from, to, day_texts);
}

static GtkWidget *
nth_child (GtkWidget *box, guint n)
{
  GtkWidget *c = gtk_widget_get_first_child (box);

  while (c != NULL && n-- > 0)
    c = gtk_widget_get_next_sibling (c);
  return c;
}

gboolean
gantry_calendar_editor_set_work_week_text (GantryCalendarEditor *self, guint index,
                                           const char *field, int weekday, const char *text)
{
  GtkWidget *row, *e;
  g_autofree char *key = NULL;

  g_return_val_if_fail (GANTRY_IS_CALENDAR_EDITOR (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  row = nth_child (self->work_weeks, index);
  if (row == NULL)
    return FALSE;
  key = strcmp (field, "day") == 0 ? g_strdup_printf ("day%d", CLAMP (weekday, 0, 6)) : g_strdup (field);
  e = g_object_get_data (G_OBJECT (row), key);
  if (e == NULL)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (e), text != NULL ? text : "");
  return TRUE;
}

gboolean
gantry_calendar_editor_remove_work_week (GantryCalendarEditor *self, guint index)
{
  GtkWidget *row;

  g_return_val_if_fail (GANTRY_IS_CALENDAR_EDITOR (self), FALSE);
  row = nth_child (self->work_weeks, index);
  if (row == NULL)
    return FALSE;
  gtk_box_remove (GTK_BOX (self->work_weeks), row);
  update_no_weeks (self);
  return TRUE;
}

guint
gantry_calendar_editor_get_n_work_weeks (GantryCalendarEditor *self)
{
  guint n = 0;

  g_return_val_if_fail (GANTRY_IS_CALENDAR_EDITOR (self), 0);
  for (GtkWidget *c = gtk_widget_get_first_child (self->work_weeks); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

static void
on_add_work_week (GtkButton *b, GantryCalendarEditor *self)
{
  g_autofree char *start = format_date (gantry_time_day_number (gantry_project_get_start (self->project)));
  g_autofree char *end = format_date (gantry_time_day_number (gantry_project_get_start (self->project)) + 27);

  (void) b;
  add_work_week_row (self, _("Work week"), start, end, NULL);
}

static int
week_cmp (gconstpointer a, gconstpointer b)
{
  const GantryWorkWeek *x = a, *y = b;

  return x->from_day < y->from_day ? -1 : x->from_day > y->from_day ? 1 : 0;
}

/* Reads the work-week rows into def; FALSE with an error naming the week
 * (and the day) on bad input or when two weeks overlap. */
static gboolean
read_work_weeks (GantryCalendarEditor *self, GantryCalendar *def, GError **error)
{
  g_autoptr(GArray) weeks = g_array_new (FALSE, TRUE, sizeof (GantryWorkWeek));
  gboolean ok = TRUE;
  guint i;

  g_array_set_clear_func (weeks, (GDestroyNotify) gantry_work_week_clear);
  for (GtkWidget *row = gtk_widget_get_first_child (self->work_weeks); row != NULL && ok;
       row = gtk_widget_get_next_sibling (row))
    {
      GantryWorkWeek ww = { 0 };
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (
                                            g_object_get_data (G_OBJECT (row), "name"))));
      int wd;

      if (!parse_date (gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "from")), &ww.from_day)
          || !parse_date (gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "to")), &ww.to_day)
          || ww.to_day < ww.from_day)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Work week “%s”: give its dates as YYYY-MM-DD, the first not after the last"),
                       name);
          return FALSE;
        }
      for (wd = 0; wd < 7; wd++)
        {
          g_autofree char *key = g_strdup_printf ("day%d", wd);
          g_autoptr(GError) e = NULL;

          if (!gantry_calendar_parse_day (gtk_editable_get_text (g_object_get_data (G_OBJECT (row), key)),
                                          &ww.days[wd], &e))
            {
              /* TRANSLATORS: "Work week “Summer”, Friday: <what is wrong>" */
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Work week “%s”, %s: %s"),
                           name, _(WEEKDAYS[wd]), e->message);
              return FALSE;
            }
        }
      ww.name = g_strdup (*name != '\0' ? name : _("Work week"));
      g_array_append_val (weeks, ww);
    }
  g_array_sort (weeks, week_cmp);
  for (i = 1; i < weeks->len; i++)
    {
      const GantryWorkWeek *a = &g_array_index (weeks, GantryWorkWeek, i - 1);
      const GantryWorkWeek *b = &g_array_index (weeks, GantryWorkWeek, i);

      if (b->from_day <= a->to_day)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Work weeks “%s” and “%s” overlap: a day can follow only one"),
                       a->name, b->name);
          return FALSE;
        }
    }
  for (i = 0; i < weeks->len; i++)
    gantry_calendar_add_work_week (def, &g_array_index (weeks, GantryWorkWeek, i));
  return TRUE;
}

/* ---- apply ------------------------------------------------------------------- */

gboolean
gantry_calendar_editor_apply (GantryCalendarEditor *self, GError **error)
{
  g_autoptr(GantryCalendar) def = NULL;
  GtkWidget *row;
  int wd;

  g_return_val_if_fail (GANTRY_IS_CALENDAR_EDITOR (self), FALSE);

  def = gantry_calendar_new (gantry_calendar_get_uid (self->calendar), NULL);
  for (wd = 0; wd < 7; wd++)
    {
      GantryDayDef d;
      g_autoptr(GError) e = NULL;

      if (!gantry_calendar_parse_day (gtk_editable_get_text (GTK_EDITABLE (self->weekday[wd])), &d, &e))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", _(WEEKDAYS[wd]), e->message);
          return FALSE;
        }
      gantry_calendar_set_weekday (def, wd, &d);
    }
  for (row = gtk_widget_get_first_child (self->exceptions); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GantryCalendarException ex = { 0 };
      const char *name = gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "name"));
      g_autoptr(GError) e = NULL;
      guint rec = gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (row), "recur"));

      if (!parse_date (gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "from")), &ex.from_day)
          || !parse_date (gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "to")), &ex.to_day)
          || ex.to_day < ex.from_day)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Exception “%s”: give its dates as YYYY-MM-DD, the first not after the last"),
                       name);
          return FALSE;
        }
      if (!gantry_calendar_parse_day (gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "day")),
                                      &ex.day, &e) || ex.day.kind == GANTRY_DAY_DEFAULT)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Exception “%s”: %s"), name,
                       e != NULL ? e->message : _("say “nonworking” or give working hours"));
          return FALSE;
        }
      ex.name = (char *) name;
      ex.period = 1;
      if (rec == 1)
        {
          int y, m, d, h, mi, s;
          gantry_time_split (gantry_time_from_day_number (ex.from_day), &y, &m, &d, &h, &mi, &s);
          ex.recurrence = GANTRY_RECUR_YEARLY_BY_DAY;
          ex.month = m - 1;
          ex.month_day = d;
          /* yearly from the first date until the second date's year ends */
          gantry_time_split (gantry_time_from_day_number (ex.to_day), &y, &m, &d, &h, &mi, &s);
          ex.to_day = gantry_time_day_number (gantry_time_make (MAX (y, 2100), 12, 31, 0, 0, 0));
        }
      else if (rec == 2)
        {
          ex.recurrence = GANTRY_RECUR_WEEKLY;
          ex.days_of_week = 1 << (int) (((ex.from_day + 4) % 7 + 7) % 7);
        }
      else
        ex.recurrence = GANTRY_RECUR_NONE;
      gantry_calendar_add_exception (def, &ex);
    }
  if (!read_work_weeks (self, def, error))
    return FALSE;
  if (gantry_calendar_definition_equal (def, self->calendar))
    return TRUE;
  if (!gantry_project_apply (self->project, gantry_command_set_calendar_definition (self->calendar, def)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The calendar could not be changed."));
      return FALSE;
    }
  return TRUE;
}

static void
on_apply (GtkButton *b, GantryCalendarEditor *self)
{
  g_autoptr(GError) error = NULL;

  (void) b;
  if (gantry_calendar_editor_apply (self, &error))
    gtk_window_destroy (GTK_WINDOW (self));
  else
    {
      gtk_label_set_text (GTK_LABEL (self->error), error->message);
      gtk_widget_set_visible (self->error, TRUE);
    }
}

static void
on_cancel (GtkButton *b, GantryCalendarEditor *self)
{
  (void) b;
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- GObject ------------------------------------------------------------------ */

static void
gantry_calendar_editor_dispose (GObject *object)
{
  GantryCalendarEditor *self = GANTRY_CALENDAR_EDITOR (object);

  g_clear_object (&self->project);
  g_clear_object (&self->calendar);
  for (guint i = 0; i < G_N_ELEMENTS (self->ex_columns); i++)
    g_clear_object (&self->ex_columns[i]);
  G_OBJECT_CLASS (gantry_calendar_editor_parent_class)->dispose (object);
}

static void
gantry_calendar_editor_class_init (GantryCalendarEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gantry_calendar_editor_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gantry_calendar_editor_init (GantryCalendarEditor *self)
{
  (void) self;
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *l = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_widget_add_css_class (l, "heading");
  gtk_widget_set_margin_top (l, 8);
  return l;
}

GtkWidget *
gantry_calendar_editor_new (GtkWindow *parent, GantryProject *project, GantryCalendar *calendar)
{
  GantryCalendarEditor *self;
  GtkWidget *box, *grid, *scroll, *buttons, *add, *apply, *cancel;
  g_autofree char *title = NULL;
  guint i;
  int wd;

  g_return_val_if_fail (GANTRY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (GANTRY_IS_CALENDAR (calendar), NULL);

  self = g_object_new (GANTRY_TYPE_CALENDAR_EDITOR, "modal", TRUE, "transient-for", parent,
                       "default-width", 760, "default-height", 720, NULL);
  self->project = g_object_ref (project);
  self->calendar = g_object_ref (calendar);
  title = g_strdup_printf (_("Calendar “%s”"), gantry_calendar_get_name (calendar) ? gantry_calendar_get_name (calendar) : "");
  gtk_window_set_title (GTK_WINDOW (self), title);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  gtk_box_append (GTK_BOX (box), heading (_("Working hours")));
  {
    GtkWidget *hint = gtk_label_new (_("Ranges like 08:00-12:00, 13:00-17:00; “nonworking”; or "
                                       "“default” to follow the base calendar."));
    gtk_label_set_xalign (GTK_LABEL (hint), 0);
    gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
    gtk_widget_add_css_class (hint, "dim-label");
    gtk_box_append (GTK_BOX (box), hint);
  }
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (i = 0; i < 7; i++)
    {
      /* Monday first */
      g_autofree char *text = gantry_calendar_format_day (gantry_calendar_get_weekday (calendar, (int) (i + 1) % 7));
      GtkWidget *l = gtk_label_new (_(WEEKDAYS[(i + 1) % 7]));

      wd = (int) (i + 1) % 7;

      gtk_label_set_xalign (GTK_LABEL (l), 0);
      self->weekday[wd] = entry (text, 32, _(WEEKDAYS[wd]));
      gtk_widget_set_hexpand (self->weekday[wd], TRUE);
      gtk_grid_attach (GTK_GRID (grid), l, 0, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), self->weekday[wd], 1, (int) i, 1, 1);
    }
  gtk_box_append (GTK_BOX (box), grid);

  gtk_box_append (GTK_BOX (box), heading (_("Exceptions (holidays, vacations, special days)")));
  self->exceptions = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  for (i = 0; i < gantry_calendar_get_n_exceptions (calendar); i++)
    {
      const GantryCalendarException *ex = gantry_calendar_get_exception (calendar, i);
      g_autofree char *from = format_date (ex->from_day);
      g_autofree char *to = format_date (ex->recurrence == GANTRY_RECUR_YEARLY_BY_DAY ? ex->from_day : ex->to_day);
      g_autofree char *day = gantry_calendar_format_day (&ex->day);

      add_exception_row (self, ex->name, from, to, day, ex->recurrence);
    }
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), self->exceptions);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroll, TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroll), 110);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroll), TRUE);
  gtk_box_append (GTK_BOX (box), scroll);
  add = gtk_button_new_with_mnemonic (_("_Add Exception"));
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_exception), self);
  gtk_box_append (GTK_BOX (box), add);

  gtk_box_append (GTK_BOX (box), heading (_("Work weeks")));
  {
    GtkWidget *hint = gtk_label_new (_("Other working hours for a date range (e.g. summer hours). "
                                       "Exceptions still apply within it."));
    gtk_label_set_xalign (GTK_LABEL (hint), 0);
    gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
    gtk_widget_add_css_class (hint, "dim-label");
    gtk_box_append (GTK_BOX (box), hint);
  }
  self->no_weeks = gtk_label_new (_("None: the working hours above apply all year."));
  gtk_label_set_xalign (GTK_LABEL (self->no_weeks), 0);
  gtk_widget_add_css_class (self->no_weeks, "dim-label");
  gtk_box_append (GTK_BOX (box), self->no_weeks);
  self->work_weeks = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  for (i = 0; i < gantry_calendar_get_n_work_weeks (calendar); i++)
    {
      const GantryWorkWeek *ww = gantry_calendar_get_work_week (calendar, i);
      g_autofree char *from = format_date (ww->from_day);
      g_autofree char *to = format_date (ww->to_day);
      char *days[7];

      for (wd = 0; wd < 7; wd++)
        days[wd] = gantry_calendar_format_day (&ww->days[wd]);
      add_work_week_row (self, ww->name, from, to, (const char *const *) days);
      for (wd = 0; wd < 7; wd++)
        g_free (days[wd]);
    }
  update_no_weeks (self);
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), self->work_weeks);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroll, TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroll), 120);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroll), TRUE);
  gtk_box_append (GTK_BOX (box), scroll);
  add = gtk_button_new_with_mnemonic (_("Add _Work Week"));
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_work_week), self);
  gtk_box_append (GTK_BOX (box), add);

  self->error = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->error, "error");
  gtk_label_set_wrap (GTK_LABEL (self->error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error), 0);
  gtk_widget_set_visible (self->error, FALSE);
  gtk_box_append (GTK_BOX (box), self->error);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  apply = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_add_css_class (apply, "suggested-action");
  g_signal_connect (cancel, "clicked", G_CALLBACK (on_cancel), self);
  g_signal_connect (apply, "clicked", G_CALLBACK (on_apply), self);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), apply);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_window_set_child (GTK_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), apply);
  return GTK_WIDGET (self);
}
