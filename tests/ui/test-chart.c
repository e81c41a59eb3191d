/* test-chart.c — the Gantt chart widget on a real display (Xvfb in CI)
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a plan through the core API, schedules it with GantryScheduler,
 * shows it in a window, drives the chart through the same code the
 * gestures run (gantry-chart-private.h) and checks the model: move,
 * resize, link, progress, and undo/redo of each.  Saves screenshots (PNG)
 * into the build folder at three zoom levels, light and dark.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "gantry-chart.h"
#include "gantry-chart-private.h"
#include "gantry-chart-scale.h"
#include "gantry-scheduler.h"
#include "gantry-ui-test-helper.h"

#define ROW_H    28
#define HEADER_H 48
#define DAY_WORK (480 * GANTRY_MS_MINUTE)

typedef struct
{
  GantryProject      *project;
  GtkWidget          *window;
  GantryChart        *chart;
  GtkTreeListModel   *tree;
  GtkSelectionModel  *selection;
  GantryScheduler    *scheduler;
  GantryTask         *activated;
  GantryTask         *menu_task;
  int                 n_menu;
} Fixture;

/* Lays out and draws the window until the chart has its size. */
static void
settle (Fixture *f)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gantry_ui_test_iterate (3);
  while (gtk_widget_get_width (GTK_WIDGET (f->chart)) <= 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  gantry_ui_test_iterate (3);
}

/* Redraws the chart and waits for the frame. */
static void
draw_now (Fixture *f)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->chart));
  gint64 before = clock ? gdk_frame_clock_get_frame_counter (clock) : 0;
  gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  gtk_widget_queue_draw (GTK_WIDGET (f->chart));
  while (clock != NULL && gdk_frame_clock_get_frame_counter (clock) < before + 2
         && g_get_monotonic_time () < end)
    {
      gantry_ui_test_iterate (1);
      g_usleep (2000);
    }
  gantry_ui_test_iterate (2);
}

static GantryTask *
add_task (GantryProject *p,
          GantryTask    *parent,
          const char    *name,
          double         days)
{
  g_autoptr(GantryTask) t = gantry_task_new (gantry_project_next_task_uid (p), name);

  gantry_task_set_duration (t, (GantryDuration) (days * DAY_WORK));
  gantry_task_set_duration_format (t, GANTRY_FORMAT_DAYS);
  if (days == 0)
    gantry_task_set_milestone (t, TRUE);
  g_assert_true (gantry_project_add_task (p, parent ? parent : gantry_project_get_root_task (p),
                                          -1, t));
  return t;
}

static void
add_link (GantryProject  *p,
          GantryTask     *a,
          GantryTask     *b,
          GantryLinkType  type,
          double          lag_days)
{
  g_autoptr(GantryLink) link = gantry_link_new (a, b, type, (gint64) (lag_days * DAY_WORK),
                                                GANTRY_FORMAT_DAYS);

  g_assert_true (gantry_project_add_link (p, link));
}

static void
assign (GantryProject  *p,
        GantryTask     *t,
        GantryResource *r,
        double          units)
{
  g_autoptr(GantryAssignment) a =
    gantry_assignment_new (gantry_project_next_assignment_uid (p), t, r, units,
                           (GantryDuration) (gantry_task_get_duration (t) * units));

  g_assert_true (gantry_project_add_assignment (p, a));
}

static GantryTask *
find_task (GantryProject *p,
           const char    *name)
{
  GPtrArray *all = gantry_project_get_all_tasks (p);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gantry_task_get_name (g_ptr_array_index (all, i)), name) == 0)
      return g_ptr_array_index (all, i);
  g_assert_not_reached ();
  return NULL;
}

/* A website relaunch: phases, milestones, every link type, resources,
 * a manual task, progress, a deadline, a baseline and a holiday. */
static GantryProject *
build_plan (void)
{
  GantryProject *p = gantry_project_new_default (gantry_time_make (2026, 3, 2, 8, 0, 0));
  GantryTask *root = gantry_project_get_root_task (p);
  GantryTask *plan, *build, *launch, *kick, *req, *design, *fe, *be, *api, *test, *docs, *review,
             *golive;
  g_autoptr(GantryResource) ana = gantry_resource_new (1, "Ana");
  g_autoptr(GantryResource) bob = gantry_resource_new (2, "Bob");
  g_autoptr(GantryResource) eve = gantry_resource_new (3, "Eve");
  GantryCalendarException holiday = { 0 };
  GPtrArray *all;

  while (gantry_task_get_n_children (root) > 0)
    gantry_project_remove_task (p, gantry_task_get_child (root, 0));

  g_assert_true (gantry_project_add_resource (p, -1, ana));
  g_assert_true (gantry_project_add_resource (p, -1, bob));
  g_assert_true (gantry_project_add_resource (p, -1, eve));

  plan = add_task (p, NULL, "Planning", 1);
  kick = add_task (p, plan, "Kickoff", 0);
  req = add_task (p, plan, "Requirements", 4);
  design = add_task (p, plan, "Design", 5);
  build = add_task (p, NULL, "Build", 1);
  fe = add_task (p, build, "Frontend", 8);
  be = add_task (p, build, "Backend", 10);
  api = add_task (p, build, "API documentation", 3);
  launch = add_task (p, NULL, "Launch", 1);
  test = add_task (p, launch, "Testing", 5);
  docs = add_task (p, launch, "User guide", 4);
  review = add_task (p, launch, "Vendor review", 3);
  golive = add_task (p, launch, "Go-live", 0);

  add_link (p, kick, req, GANTRY_LINK_FS, 0);
  add_link (p, req, design, GANTRY_LINK_FS, 0);
  add_link (p, design, fe, GANTRY_LINK_FS, 0);
  add_link (p, design, be, GANTRY_LINK_SS, 2);
  add_link (p, be, api, GANTRY_LINK_FF, 0);
  add_link (p, fe, test, GANTRY_LINK_FS, 0);
  add_link (p, be, test, GANTRY_LINK_FS, 0);
  add_link (p, test, docs, GANTRY_LINK_SS, 1);
  add_link (p, test, golive, GANTRY_LINK_FS, 0);

  gantry_task_set_manual (review, TRUE);
  gantry_task_set_start (review, gantry_time_make (2026, 4, 1, 8, 0, 0));
  gantry_task_set_finish (review, gantry_time_make (2026, 4, 3, 17, 0, 0));
  gantry_task_set_deadline (golive, gantry_time_make (2026, 4, 24, 17, 0, 0));
  gantry_task_set_percent_complete (kick, 100);
  gantry_task_set_percent_complete (design, 60);
  gantry_task_set_percent_complete (fe, 10);

  assign (p, req, ana, 1.0);
  assign (p, design, ana, 0.5);
  assign (p, design, eve, 1.0);
  assign (p, fe, ana, 1.0);
  assign (p, be, bob, 1.0);
  assign (p, test, eve, 0.5);
  assign (p, docs, ana, 0.5);

  /* Good Friday is a holiday in the project calendar. */
  holiday.name = (char *) "Good Friday";
  holiday.from_day = gantry_time_day_number (gantry_time_make (2026, 4, 3, 0, 0, 0));
  holiday.to_day = holiday.from_day;
  holiday.recurrence = GANTRY_RECUR_NONE;
  holiday.period = 1;
  holiday.day.kind = GANTRY_DAY_NONWORKING;
  gantry_calendar_add_exception (gantry_project_get_calendar (p), &holiday);

  g_object_set (p, "current-date", gantry_time_make (2026, 3, 18, 12, 0, 0), NULL);
  gantry_project_set_status_date (p, gantry_time_make (2026, 3, 13, 17, 0, 0));

  gantry_project_renumber (p);
  g_ptr_array_unref (gantry_schedule_project (p));

  /* Baseline 0 = the schedule before the design slipped by two days. */
  all = gantry_project_get_all_tasks (p);
  for (guint i = 0; i < all->len; i++)
    {
      GantryTask *t = g_ptr_array_index (all, i);
      GantryBaseline b = { 0 };
      gint64 shift = t == design || gantry_task_is_ancestor_of (build, t) || t == build
                     || gantry_task_is_ancestor_of (launch, t) || t == launch ? 2 * GANTRY_MS_DAY : 0;

      if (gantry_task_get_manual (t))
        continue;
      b.set = TRUE;
      b.start = gantry_task_get_start (t) - (t == design ? 0 : shift);
      b.finish = gantry_task_get_finish (t) - shift;
      b.duration = gantry_task_get_duration (t);
      b.duration_format = GANTRY_FORMAT_DAYS;
      gantry_task_set_baseline (t, 0, &b);
    }
  gantry_project_clear_history (p);
  return p;
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  GantryTask *task = item;

  if (gantry_task_get_n_children (task) == 0)
    return NULL;
  return G_LIST_MODEL (g_object_ref (task));
}

static void
on_activated (GantryChart *chart,
              GantryTask  *task,
              Fixture     *f)
{
  f->activated = task;
}

static void
on_context_menu (GantryChart *chart,
                 GantryTask  *task,
                 double       x,
                 double       y,
                 Fixture     *f)
{
  f->menu_task = task;
  f->n_menu++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const int *size = data;   /* window width, height; NULL: 1000 x 480 */

  f->project = build_plan ();
  f->scheduler = gantry_scheduler_new (f->project);
  gantry_scheduler_set_auto (f->scheduler, TRUE);
  f->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (gantry_project_get_root_task (f->project))),
                                     FALSE, TRUE, create_children, NULL, NULL);
  f->selection = GTK_SELECTION_MODEL (gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (f->tree))));

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), size ? size[0] : 1000, size ? size[1] : 480);
  f->chart = GANTRY_CHART (gantry_chart_new ());
  gantry_chart_set_row_height (f->chart, ROW_H);
  gantry_chart_set_header_height (f->chart, HEADER_H);
  gantry_chart_set_model (f->chart, G_LIST_MODEL (f->selection), f->selection);
  gantry_chart_set_project (f->chart, f->project);
  gantry_chart_set_zoom (f->chart, 1);
  g_signal_connect (f->chart, "task-activated", G_CALLBACK (on_activated), f);
  g_signal_connect (f->chart, "context-menu", G_CALLBACK (on_context_menu), f);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->chart));
  gtk_window_present (GTK_WINDOW (f->window));
  settle (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  gantry_ui_test_iterate (2);
  g_clear_object (&f->selection);
  g_clear_object (&f->tree);
  g_clear_object (&f->scheduler);
  g_clear_object (&f->project);
}

static graphene_rect_t
bar_of (Fixture    *f,
        GantryTask *task)
{
  graphene_rect_t r;

  g_assert_true (gantry_chart_test_get_bar (f->chart, task, &r));
  return r;
}

static gint64
undo_depth (GantryProject *p)
{
  gint64 n = 0;

  while (gantry_project_can_undo (p))
    {
      g_assert_true (gantry_project_undo (p));
      n++;
    }
  for (gint64 i = 0; i < n; i++)
    g_assert_true (gantry_project_redo (p));
  return n;
}

/* ---- geometry ---------------------------------------------------------- */

static void
test_geometry (Fixture       *f,
               gconstpointer  data)
{
  GantryTask *design = find_task (f->project, "Design");
  GantryTask *golive = find_task (f->project, "Go-live");
  graphene_rect_t r = bar_of (f, design);
  double x0 = gantry_chart_test_x_for_time (f->chart, gantry_task_get_start (design));
  double x1 = gantry_chart_test_x_for_time (f->chart, gantry_task_get_finish (design));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->selection));

  /* the bar spans start..finish, inside row "Design" (row 3) */
  g_assert_cmpfloat (fabs (r.origin.x - x0), <=, 1.0);
  g_assert_cmpfloat (fabs (r.origin.x + r.size.width - x1), <=, 1.0);
  g_assert_cmpfloat (r.origin.y, >=, HEADER_H + 3 * ROW_H);
  g_assert_cmpfloat (r.origin.y + r.size.height, <=, HEADER_H + 4 * ROW_H);

  /* zoom 1 draws 44 px per calendar day */
  g_assert_cmpfloat_with_epsilon (gantry_chart_test_x_for_time (f->chart, gantry_task_get_start (design) + GANTRY_MS_DAY) - x0,
                                  44.0, 0.01);

  /* a milestone is a diamond centred on its date */
  r = bar_of (f, golive);
  g_assert_cmpfloat (fabs (r.origin.x + r.size.width / 2 - gantry_chart_test_x_for_time (f->chart, gantry_task_get_start (golive))),
                     <=, 1.0);

  /* every row fits in the window: all were drawn, none more */
  g_assert_cmpuint (gantry_chart_test_get_n_drawn (f->chart), ==, n);
}

static void
test_visible_only (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GtkAdjustment) vadj = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  GantryTask *golive = find_task (f->project, "Go-live");
  GantryTask *planning = find_task (f->project, "Planning");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->selection));
  graphene_rect_t before, after, r;
  int body;

  /* a window showing four rows, scrolled by the shared adjustment */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->chart)), ==, HEADER_H + 4 * ROW_H);
  gantry_chart_set_vadjustment (f->chart, vadj);
  settle (f);
  body = gtk_widget_get_height (GTK_WIDGET (f->chart)) - HEADER_H;
  gtk_adjustment_configure (vadj, 0, 0, n * ROW_H, ROW_H, body, body);
  draw_now (f);
  g_assert_cmpuint (gantry_chart_test_get_n_drawn (f->chart), <=, (guint) (body / ROW_H) + 1);
  g_assert_cmpuint (gantry_chart_test_get_n_drawn (f->chart), <, n);
  g_assert_false (gantry_chart_test_get_bar (f->chart, golive, &r));

  before = bar_of (f, planning);
  gtk_adjustment_set_value (vadj, 2 * ROW_H);
  gantry_ui_test_iterate (3);
  g_assert_false (gantry_chart_test_get_bar (f->chart, planning, &after));
  gtk_adjustment_set_value (vadj, ROW_H / 2);
  gantry_ui_test_iterate (3);
  after = bar_of (f, planning);
  g_assert_cmpfloat_with_epsilon (after.origin.y, before.origin.y - ROW_H / 2, 0.01);

  /* scroll_to_task brings the last row into view */
  gantry_chart_scroll_to_task (f->chart, golive);
  gantry_ui_test_iterate (3);
  r = bar_of (f, golive);
  g_assert_cmpfloat (r.origin.x, >=, 0);
  g_assert_cmpfloat (r.origin.x, <, gtk_widget_get_width (GTK_WIDGET (f->chart)));
}

/* ---- pointer edits ------------------------------------------------------ */

static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  GantryTask *req = find_task (f->project, "Requirements");
  GantryTime start = gantry_task_get_start (req);
  GantryDuration duration = gantry_task_get_duration (req);
  graphene_rect_t r = bar_of (f, req);
  double y = r.origin.y + r.size.height / 2;
  double x = r.origin.x + r.size.width / 2;
  GantryTime expected;

  g_assert_false (gantry_project_can_undo (f->project));
  /* Requirements starts Monday 2 March 2026 08:00 after the kickoff. */
  g_assert_cmpint (start, ==, gantry_time_make (2026, 3, 2, 8, 0, 0));

  /* 7.4 days to the right at 44 px/day: snapped to 7 days */
  gantry_chart_test_drag (f->chart, x, y, x + 7.4 * 44, y, 0);
  expected = gantry_time_make (2026, 3, 9, 8, 0, 0);
  g_assert_cmpint (gantry_task_get_constraint_type (req), ==, GANTRY_CONSTRAINT_SNET);
  g_assert_cmpint (gantry_task_get_constraint_date (req), ==, expected);
  g_assert_cmpint (gantry_task_get_start (req), ==, expected);
  g_assert_cmpint (gantry_task_get_duration (req), ==, duration);
  /* the scheduler moved the successors: Design starts after Requirements */
  g_assert_cmpint (gantry_task_get_start (find_task (f->project, "Design")), >=,
                   gantry_task_get_finish (req));
  g_assert_cmpint (undo_depth (f->project), ==, 1);

  g_assert_true (gantry_project_undo (f->project));
  g_assert_cmpint (gantry_task_get_start (req), ==, start);
  g_assert_cmpint (gantry_task_get_constraint_type (req), ==, GANTRY_CONSTRAINT_ASAP);
  g_assert_true (gantry_project_redo (f->project));
  g_assert_cmpint (gantry_task_get_start (req), ==, expected);
  g_assert_cmpint (gantry_task_get_constraint_type (req), ==, GANTRY_CONSTRAINT_SNET);

  /* a drag shorter than the threshold changes nothing */
  gantry_project_undo (f->project);
  r = bar_of (f, req);
  x = r.origin.x + r.size.width / 2;
  gantry_chart_test_drag (f->chart, x, y, x + 2, y, 0);
  g_assert_cmpint (gantry_task_get_start (req), ==, start);
  /* nor does one that snaps back to where it was (0.3 days) */
  gantry_chart_test_drag (f->chart, x, y, x + 0.3 * 44, y, 0);
  g_assert_cmpint (gantry_task_get_start (req), ==, start);
  g_assert_false (gantry_project_can_undo (f->project));
}

static void
test_move_manual (Fixture       *f,
                  gconstpointer  data)
{
  GantryTask *review = find_task (f->project, "Vendor review");
  graphene_rect_t r = bar_of (f, review);
  double y = r.origin.y + r.size.height / 2;
  double x = r.origin.x + r.size.width / 2;

  /* a manual task moves by its dates, without a constraint */
  gantry_chart_test_drag (f->chart, x, y, x - 2 * 44, y, 0);
  g_assert_cmpint (gantry_task_get_start (review), ==, gantry_time_make (2026, 3, 30, 8, 0, 0));
  g_assert_cmpint (gantry_task_get_finish (review), ==, gantry_time_make (2026, 4, 1, 17, 0, 0));
  g_assert_cmpint (gantry_task_get_constraint_type (review), ==, GANTRY_CONSTRAINT_ASAP);
  g_assert_true (gantry_project_undo (f->project));
  g_assert_cmpint (gantry_task_get_start (review), ==, gantry_time_make (2026, 4, 1, 8, 0, 0));
  g_assert_cmpint (gantry_task_get_finish (review), ==, gantry_time_make (2026, 4, 3, 17, 0, 0));
  g_assert_false (gantry_project_can_undo (f->project));
}

static void
test_resize (Fixture       *f,
             gconstpointer  data)
{
  GantryTask *req = find_task (f->project, "Requirements");
  graphene_rect_t r = bar_of (f, req);
  double y = r.origin.y + r.size.height / 2;
  double end = r.origin.x + r.size.width;
  GantryTime friday_17 = gantry_time_make (2026, 3, 6, 17, 0, 0);

  /* 4 days: Mon 2 March 08:00 .. Thu 5 March 17:00 */
  g_assert_cmpint (gantry_task_get_finish (req), ==, gantry_time_make (2026, 3, 5, 17, 0, 0));
  g_assert_cmpint (gantry_task_get_duration (req), ==, 4 * DAY_WORK);

  /* grab the right end, drop it on Friday 17:00: 5 working days */
  gantry_chart_test_drag (f->chart, end - 1, y,
                          gantry_chart_test_x_for_time (f->chart, friday_17), y, 0);
  g_assert_cmpint (gantry_task_get_duration (req), ==, 5 * DAY_WORK);
  g_assert_cmpint (gantry_task_get_finish (req), ==, friday_17);
  g_assert_cmpint (gantry_task_get_constraint_type (req), ==, GANTRY_CONSTRAINT_ASAP);
  /* Fixed Units: Ana at 100 % now works 5 days (Work = Duration x Units) */
  g_assert_cmpint (gantry_assignment_get_work (g_ptr_array_index (gantry_task_get_assignments (req), 0)),
                   ==, 5 * DAY_WORK);
  g_assert_cmpint (undo_depth (f->project), ==, 1);

  g_assert_true (gantry_project_undo (f->project));
  g_assert_cmpint (gantry_task_get_duration (req), ==, 4 * DAY_WORK);
  g_assert_cmpint (gantry_task_get_finish (req), ==, gantry_time_make (2026, 3, 5, 17, 0, 0));
  g_assert_cmpint (gantry_assignment_get_work (g_ptr_array_index (gantry_task_get_assignments (req), 0)),
                   ==, 4 * DAY_WORK);
  g_assert_true (gantry_project_redo (f->project));
  g_assert_cmpint (gantry_task_get_duration (req), ==, 5 * DAY_WORK);

  /* over the weekend: dropped on Monday noon rounds to 5.5 -> 6 days?
   * No: working time Mon 2 .. Mon 9 12:00 is 5.5 days, rounded to whole
   * days at this zoom: 6 days, finishing Monday 9 March 17:00. */
  r = bar_of (f, req);
  end = r.origin.x + r.size.width;
  gantry_chart_test_drag (f->chart, end - 1, y,
                          gantry_chart_test_x_for_time (f->chart, gantry_time_make (2026, 3, 9, 12, 30, 0)),
                          y, 0);
  g_assert_cmpint (gantry_task_get_duration (req), ==, 6 * DAY_WORK);
  g_assert_cmpint (gantry_task_get_finish (req), ==, gantry_time_make (2026, 3, 9, 17, 0, 0));

  /* dragging the end before the start leaves one day, not zero */
  r = bar_of (f, req);
  end = r.origin.x + r.size.width;
  gantry_chart_test_drag (f->chart, end - 1, y, r.origin.x - 200, y, 0);
  g_assert_cmpint (gantry_task_get_duration (req), ==, DAY_WORK);
}

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  GantryTask *be = find_task (f->project, "Backend");
  graphene_rect_t r = bar_of (f, be);
  double y = r.origin.y + r.size.height / 2;

  g_assert_cmpint (gantry_task_get_percent_complete (be), ==, 0);
  /* at 0 % the progress handle is the bar's left end */
  gantry_chart_test_drag (f->chart, r.origin.x + 1, y, r.origin.x + r.size.width * 0.5, y, 0);
  g_assert_cmpint (gantry_task_get_percent_complete (be), ==, 50);
  g_assert_cmpint (gantry_task_get_start (be), ==, gantry_task_get_start (be));
  g_assert_cmpint (undo_depth (f->project), ==, 1);

  /* from 50 % to past the end: 100 % */
  gantry_chart_test_drag (f->chart, r.origin.x + r.size.width * 0.5, y,
                          r.origin.x + r.size.width + 300, y, 0);
  g_assert_cmpint (gantry_task_get_percent_complete (be), ==, 100);

  g_assert_true (gantry_project_undo (f->project));
  g_assert_cmpint (gantry_task_get_percent_complete (be), ==, 50);
  g_assert_true (gantry_project_undo (f->project));
  g_assert_cmpint (gantry_task_get_percent_complete (be), ==, 0);
  g_assert_true (gantry_project_redo (f->project));
  g_assert_cmpint (gantry_task_get_percent_complete (be), ==, 50);
}

/* The contrast ratio (WCAG) of the dialog's visible error message against
 * the window background: its Pango colour when it has one, else its CSS
 * colour. */
static double
rel_luminance (const GdkRGBA *c)
{
  double ch[3] = { c->red, c->green, c->blue };

  for (int i = 0; i < 3; i++)
    ch[i] = ch[i] <= 0.03928 ? ch[i] / 12.92 : pow ((ch[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

static GtkWidget *
find_error_text (GtkWidget *w)
{
  if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "error") && gtk_widget_get_mapped (w))
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_error_text (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static double
error_contrast (GtkWidget *dialog)
{
  GtkWidget *label = find_error_text (dialog);
  GtkStyleContext *ctx;
  PangoAttrList *attrs;
  GdkRGBA fg, bg;
  double a, b;

  g_assert_nonnull (label);
  ctx = gtk_widget_get_style_context (label);
  gtk_style_context_get_color (ctx, &fg);
  attrs = gtk_label_get_attributes (GTK_LABEL (label));
  if (attrs != NULL)
    {
      PangoAttrIterator *it = pango_attr_list_get_iterator (attrs);
      PangoAttrColor *col = (PangoAttrColor *) pango_attr_iterator_get (it, PANGO_ATTR_FOREGROUND);

      if (col != NULL)
        fg = (GdkRGBA) { col->color.red / 65535.0, col->color.green / 65535.0, col->color.blue / 65535.0, 1 };
      pango_attr_iterator_destroy (it);
    }
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (dialog), "window_bg_color", &bg)
                 || gtk_style_context_lookup_color (gtk_widget_get_style_context (dialog), "theme_bg_color", &bg));
  a = rel_luminance (&fg);
  b = rel_luminance (&bg);
  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

static void save_png (GtkWidget  *widget,
                      const char *name);

static void
test_link (Fixture       *f,
           gconstpointer  data)
{
  GantryTask *api = find_task (f->project, "API documentation");
  GantryTask *docs = find_task (f->project, "User guide");
  graphene_rect_t a = bar_of (f, api);
  graphene_rect_t b = bar_of (f, docs);
  GantryLink *link;
  GtkWidget *dialog;
  guint n_links = g_list_model_get_n_items (gantry_project_get_links (f->project));

  g_assert_null (gantry_project_find_link (f->project, api, docs));
  /* drag from the bar down to the other bar: MS Project's link gesture */
  gantry_chart_test_drag (f->chart, a.origin.x + a.size.width / 2, a.origin.y + a.size.height / 2,
                          b.origin.x + b.size.width / 2, b.origin.y + b.size.height / 2, 0);
  dialog = gantry_chart_test_get_link_dialog (f->chart);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (dialog));
  /* nothing changed yet: the move was not applied either */
  g_assert_null (gantry_project_find_link (f->project, api, docs));
  g_assert_false (gantry_project_can_undo (f->project));

  /* a bad lag is refused with a message, and the dialog stays */
  g_assert_false (gantry_chart_test_link_dialog_respond (f->chart, GANTRY_LINK_SS, "two days", TRUE));
  g_assert_cmpstr (gantry_chart_test_link_dialog_error (f->chart), !=, "");
  g_assert_nonnull (gantry_chart_test_get_link_dialog (f->chart));
  g_assert_null (gantry_project_find_link (f->project, api, docs));
  /* how the dialog looks with its message, light and dark */
  for (int dark = 0; dark <= 1; dark++)
    {
      g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", dark, NULL);
      gantry_ui_test_iterate (3);
      g_assert_true (gtk_widget_get_mapped (dialog));
      save_png (dialog, dark ? "chart-link-dialog-dark" : "chart-link-dialog-light");
      g_assert_cmpfloat (error_contrast (dialog), >=, 4.5);   /* WCAG AA, light and dark */
    }
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", FALSE, NULL);

  g_assert_true (gantry_chart_test_link_dialog_respond (f->chart, GANTRY_LINK_SS, "2d", TRUE));
  gantry_ui_test_iterate (2);
  g_assert_null (gantry_chart_test_get_link_dialog (f->chart));
  link = gantry_project_find_link (f->project, api, docs);
  g_assert_nonnull (link);
  g_assert_cmpint (gantry_link_get_link_type (link), ==, GANTRY_LINK_SS);
  g_assert_cmpint (gantry_link_get_lag (link), ==, 2 * DAY_WORK);
  g_assert_cmpint (gantry_link_get_lag_format (link), ==, GANTRY_FORMAT_DAYS);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_links (f->project)), ==, n_links + 1);
  g_assert_cmpint (undo_depth (f->project), ==, 1);

  g_assert_true (gantry_project_undo (f->project));
  g_assert_null (gantry_project_find_link (f->project, api, docs));
  g_assert_true (gantry_project_redo (f->project));
  g_assert_nonnull (gantry_project_find_link (f->project, api, docs));

  /* linking the same pair again edits that link (one more undo step) */
  gantry_ui_test_iterate (2);
  a = bar_of (f, api);
  b = bar_of (f, docs);
  gantry_chart_test_drag (f->chart, a.origin.x + a.size.width / 2, a.origin.y + a.size.height / 2,
                          b.origin.x + b.size.width / 2, b.origin.y + b.size.height / 2,
                          GDK_SHIFT_MASK);
  g_assert_true (gantry_chart_test_link_dialog_respond (f->chart, GANTRY_LINK_FF, "-1d", TRUE));
  link = gantry_project_find_link (f->project, api, docs);
  g_assert_cmpint (gantry_link_get_link_type (link), ==, GANTRY_LINK_FF);
  g_assert_cmpint (gantry_link_get_lag (link), ==, -DAY_WORK);
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_links (f->project)), ==, n_links + 1);
  g_assert_true (gantry_project_undo (f->project));
  link = gantry_project_find_link (f->project, api, docs);
  g_assert_cmpint (gantry_link_get_link_type (link), ==, GANTRY_LINK_SS);
  g_assert_cmpint (gantry_link_get_lag (link), ==, 2 * DAY_WORK);

  /* cancel changes nothing */
  gantry_chart_test_drag (f->chart, b.origin.x + b.size.width / 2, b.origin.y + b.size.height / 2,
                          b.origin.x + b.size.width / 2, b.origin.y + 3 * ROW_H, GDK_SHIFT_MASK);
  if (gantry_chart_test_get_link_dialog (f->chart) != NULL)
    g_assert_true (gantry_chart_test_link_dialog_respond (f->chart, GANTRY_LINK_FS, "0d", FALSE));
  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_links (f->project)), ==, n_links + 1);
}

static void
test_link_refused (Fixture       *f,
                   gconstpointer  data)
{
  GantryTask *req = find_task (f->project, "Requirements");
  GantryTask *kick = find_task (f->project, "Kickoff");
  GantryTask *plan = find_task (f->project, "Planning");
  GantryTask *test = find_task (f->project, "Testing");
  graphene_rect_t a, b;
  guint n_links = g_list_model_get_n_items (gantry_project_get_links (f->project));

  /* Requirements -> Kickoff would close a loop (Kickoff -> Requirements) */
  a = bar_of (f, req);
  b = bar_of (f, kick);
  gantry_chart_test_drag (f->chart, a.origin.x + a.size.width / 2, a.origin.y + 5,
                          b.origin.x + b.size.width / 2, b.origin.y + 5, 0);
  g_assert_null (gantry_chart_test_get_link_dialog (f->chart));

  /* a summary and its own subtask */
  a = bar_of (f, plan);
  gantry_chart_test_drag (f->chart, a.origin.x + a.size.width / 2, a.origin.y + 2,
                          b.origin.x + b.size.width / 2, b.origin.y + 5, 0);
  g_assert_null (gantry_chart_test_get_link_dialog (f->chart));

  /* Testing -> Requirements: a loop through Design and Backend */
  a = bar_of (f, test);
  b = bar_of (f, req);
  gantry_chart_test_drag (f->chart, a.origin.x + a.size.width / 2, a.origin.y + 5,
                          b.origin.x + b.size.width / 2, b.origin.y + 5, 0);
  g_assert_null (gantry_chart_test_get_link_dialog (f->chart));

  /* onto empty space */
  gantry_chart_test_drag (f->chart, a.origin.x + a.size.width / 2, a.origin.y + 5,
                          a.origin.x + a.size.width / 2, HEADER_H + 40 * ROW_H, 0);
  g_assert_null (gantry_chart_test_get_link_dialog (f->chart));

  g_assert_cmpuint (g_list_model_get_n_items (gantry_project_get_links (f->project)), ==, n_links);
  g_assert_false (gantry_project_can_undo (f->project));
}

static void
test_link_deleted_task (Fixture       *f,
                        gconstpointer  data)
{
  GantryTask *api = find_task (f->project, "API documentation");
  GantryTask *docs = find_task (f->project, "User guide");
  graphene_rect_t a = bar_of (f, api);
  graphene_rect_t b = bar_of (f, docs);

  gantry_chart_test_drag (f->chart, a.origin.x + a.size.width / 2, a.origin.y + 5,
                          b.origin.x + b.size.width / 2, b.origin.y + 5, 0);
  g_assert_nonnull (gantry_chart_test_get_link_dialog (f->chart));
  /* the successor is deleted while the dialog is open */
  g_assert_true (gantry_project_apply (f->project, gantry_command_remove_task (docs)));
  gantry_ui_test_iterate (2);
  g_assert_false (gantry_chart_test_link_dialog_respond (f->chart, GANTRY_LINK_FS, "0d", TRUE));
  g_assert_cmpstr (gantry_chart_test_link_dialog_error (f->chart), !=, "");
  g_assert_true (gantry_chart_test_link_dialog_respond (f->chart, GANTRY_LINK_FS, "0d", FALSE));
  g_assert_cmpint (undo_depth (f->project), ==, 1);
}

/* ---- clicks, selection, zoom, keyboard ----------------------------------- */

static gboolean
row_selected (Fixture    *f,
              GantryTask *task)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (f->selection), i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if ((GantryTask *) item == task)
        return gtk_selection_model_is_selected (f->selection, i);
    }
  return FALSE;
}

static void
test_clicks (Fixture       *f,
             gconstpointer  data)
{
  GantryTask *design = find_task (f->project, "Design");
  GantryTask *fe = find_task (f->project, "Frontend");
  graphene_rect_t r = bar_of (f, design);
  double x = r.origin.x + r.size.width / 2, y = r.origin.y + r.size.height / 2;
  graphene_rect_t r2 = bar_of (f, fe);

  gantry_chart_test_click (f->chart, x, y, 1, GDK_BUTTON_PRIMARY, 0);
  g_assert_true (row_selected (f, design));
  g_assert_null (f->activated);

  /* Ctrl adds, a plain click replaces */
  gantry_chart_test_click (f->chart, r2.origin.x + 3, r2.origin.y + 3, 1, GDK_BUTTON_PRIMARY,
                           GDK_CONTROL_MASK);
  g_assert_true (row_selected (f, design));
  g_assert_true (row_selected (f, fe));
  gantry_chart_test_click (f->chart, x, y, 1, GDK_BUTTON_PRIMARY, 0);
  g_assert_false (row_selected (f, fe));

  gantry_chart_test_click (f->chart, x, y, 2, GDK_BUTTON_PRIMARY, 0);
  g_assert_true (f->activated == design);

  gantry_chart_test_click (f->chart, r2.origin.x + 3, r2.origin.y + 3, 1, GDK_BUTTON_SECONDARY, 0);
  g_assert_cmpint (f->n_menu, ==, 1);
  g_assert_true (f->menu_task == fe);
  g_assert_true (row_selected (f, fe));

  /* below the last row: a menu for no task */
  gantry_chart_test_click (f->chart, x, HEADER_H + 30 * ROW_H, 1, GDK_BUTTON_SECONDARY, 0);
  g_assert_cmpint (f->n_menu, ==, 2);
  g_assert_null (f->menu_task);

  /* a summary bar cannot be dragged along time (its subtasks place it) */
  r = bar_of (f, find_task (f->project, "Build"));
  gantry_chart_test_drag (f->chart, r.origin.x + r.size.width / 2, r.origin.y + 2,
                          r.origin.x + r.size.width / 2 + 200, r.origin.y + 2, 0);

  /* clicks change no data */
  g_assert_false (gantry_project_can_undo (f->project));
}

static void
test_rubber_band (Fixture       *f,
                  gconstpointer  data)
{
  GantryTask *req = find_task (f->project, "Requirements");
  GantryTask *design = find_task (f->project, "Design");
  GantryTask *kick = find_task (f->project, "Kickoff");
  GantryTask *fe = find_task (f->project, "Frontend");
  graphene_rect_t a = bar_of (f, req);
  graphene_rect_t b = bar_of (f, design);

  /* from empty space above-left of Requirements' end to below Design's
   * start: both bars intersect; Kickoff's diamond and Frontend do not */
  gantry_chart_test_drag (f->chart, a.origin.x + a.size.width - 10, a.origin.y - 4,
                          b.origin.x + 10, b.origin.y + b.size.height + 2, 0);
  g_assert_true (row_selected (f, req));
  g_assert_true (row_selected (f, design));
  g_assert_false (row_selected (f, kick));
  g_assert_false (row_selected (f, fe));
  g_assert_false (gantry_project_can_undo (f->project));
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  GantryTask *design = find_task (f->project, "Design");
  GantryTime t = gantry_task_get_start (design);
  double x = gantry_chart_test_x_for_time (f->chart, t);
  int z = gantry_chart_get_zoom (f->chart);

  /* Ctrl+wheel down zooms out around the pointer */
  gantry_chart_test_scroll (f->chart, x, 0, 1, GDK_CONTROL_MASK);
  g_assert_cmpint (gantry_chart_get_zoom (f->chart), ==, z + 1);
  g_assert_cmpfloat (fabs (gantry_chart_test_x_for_time (f->chart, t) - x), <=, 1.0);
  gantry_chart_test_scroll (f->chart, x, 0, -1, GDK_CONTROL_MASK);
  g_assert_cmpint (gantry_chart_get_zoom (f->chart), ==, z);
  g_assert_cmpfloat (fabs (gantry_chart_test_x_for_time (f->chart, t) - x), <=, 1.0);

  /* the actions the +/- keys run */
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.zoom-in", NULL);
  g_assert_cmpint (gantry_chart_get_zoom (f->chart), ==, z - 1);
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.zoom-out", NULL);
  g_assert_cmpint (gantry_chart_get_zoom (f->chart), ==, z + 1);

  /* out-of-range zoom levels are clamped */
  gantry_chart_set_zoom (f->chart, 99);
  g_assert_cmpint (gantry_chart_get_zoom (f->chart), ==, GANTRY_CHART_ZOOM_MAX);
  gantry_chart_set_zoom (f->chart, -3);
  g_assert_cmpint (gantry_chart_get_zoom (f->chart), ==, GANTRY_CHART_ZOOM_MIN);
  /* zoom 0 is 20 px an hour */
  g_assert_cmpfloat_with_epsilon (gantry_chart_test_x_for_time (f->chart, t + GANTRY_MS_HOUR)
                                  - gantry_chart_test_x_for_time (f->chart, t), 20.0, 0.01);
  gantry_ui_test_iterate (3);

  /* plain wheel scrolls time sideways with Shift */
  {
    double before = gantry_chart_test_x_for_time (f->chart, t);

    gantry_chart_test_scroll (f->chart, x, 0, 1, GDK_SHIFT_MASK);
    g_assert_cmpfloat (gantry_chart_test_x_for_time (f->chart, t), <, before);
  }
}

/* Pinch zoom runs what the zoom gesture runs (GTK has no synthetic touch
 * events): spreading the fingers 1.6x zooms in one level, pinching them
 * 1.6x closer zooms out, and the time between the fingers stays put. */
static void
test_pinch_zoom (Fixture       *f,
                 gconstpointer  data)
{
  GantryTask *design = find_task (f->project, "Design");
  GantryTime t = gantry_task_get_start (design);
  double x;

  gantry_chart_set_zoom (f->chart, 1);
  gantry_ui_test_iterate (3);
  x = gantry_chart_test_x_for_time (f->chart, t);
  /* zoom 1: 44 px a calendar day */
  g_assert_cmpfloat_with_epsilon (gantry_chart_test_x_for_time (f->chart, t + GANTRY_MS_DAY) - x,
                                  44.0, 0.01);

  gantry_chart_test_pinch_begin (f->chart);
  /* small movements do nothing */
  gantry_chart_test_pinch (f->chart, 1.2, x);
  gantry_chart_test_pinch (f->chart, 0.8, x);
  g_assert_cmpint (gantry_chart_get_zoom (f->chart), ==, 1);
  /* spread: one level in, to zoom 0 (20 px an hour), around the fingers */
  gantry_chart_test_pinch (f->chart, 1.7, x);
  g_assert_cmpint (gantry_chart_get_zoom (f->chart), ==, 0);
  g_assert_cmpfloat_with_epsilon (gantry_chart_test_x_for_time (f->chart, t + GANTRY_MS_HOUR)
                                  - gantry_chart_test_x_for_time (f->chart, t), 20.0, 0.01);
  g_assert_cmpfloat (fabs (gantry_chart_test_x_for_time (f->chart, t) - x), <=, 1.0);
  /* further in than the last level: stays at it */
  gantry_chart_test_pinch (f->chart, 3.0, x);
  g_assert_cmpint (gantry_chart_get_zoom (f->chart), ==, GANTRY_CHART_ZOOM_MIN);
  /* pinch back: one level out per 1.6x closer, still around the fingers */
  gantry_chart_test_pinch (f->chart, 1.8, x);
  g_assert_cmpint (gantry_chart_get_zoom (f->chart), ==, 1);
  g_assert_cmpfloat_with_epsilon (gantry_chart_test_x_for_time (f->chart, t + GANTRY_MS_DAY)
                                  - gantry_chart_test_x_for_time (f->chart, t), 44.0, 0.01);
  g_assert_cmpfloat (fabs (gantry_chart_test_x_for_time (f->chart, t) - x), <=, 1.0);
  gantry_chart_test_pinch (f->chart, 1.0, x);
  g_assert_cmpint (gantry_chart_get_zoom (f->chart), ==, 2);
  g_assert_cmpfloat (fabs (gantry_chart_test_x_for_time (f->chart, t) - x), <=, 1.0);

  /* a new gesture starts from 1 again: spreading 1.7x goes back in once */
  gantry_chart_test_pinch_begin (f->chart);
  gantry_chart_test_pinch (f->chart, 1.7, x);
  g_assert_cmpint (gantry_chart_get_zoom (f->chart), ==, 1);
  /* zoom changes are view changes, not edits */
  g_assert_false (gantry_project_can_undo (f->project));
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  GantryTask *plan = find_task (f->project, "Planning");
  GantryTask *kick = find_task (f->project, "Kickoff");
  GantryTask *req = find_task (f->project, "Requirements");
  graphene_rect_t r = bar_of (f, plan);

  gtk_widget_grab_focus (GTK_WIDGET (f->chart));
  gantry_chart_test_click (f->chart, r.origin.x + r.size.width / 2, r.origin.y + 2, 1,
                           GDK_BUTTON_PRIMARY, 0);
  g_assert_true (row_selected (f, plan));
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.move-cursor", "(iib)", 0, 1, FALSE);
  g_assert_true (row_selected (f, kick));
  g_assert_false (row_selected (f, plan));
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.move-cursor", "(iib)", 0, 1, TRUE);
  g_assert_true (row_selected (f, kick));
  g_assert_true (row_selected (f, req));
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.activate", NULL);
  g_assert_true (f->activated == req);
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.move-cursor", "(iib)", 2, -1, FALSE);
  g_assert_true (row_selected (f, plan));
  g_assert_false (row_selected (f, req));
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.context-menu", NULL);
  g_assert_true (f->menu_task == plan);
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.move-cursor", "(iib)", 2, 1, FALSE);
  g_assert_true (row_selected (f, find_task (f->project, "Go-live")));

  /* Right scrolls time by one grid step (a day at zoom 1) */
  {
    GantryTime t = gantry_task_get_start (plan);
    double before = gantry_chart_test_x_for_time (f->chart, t);

    gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.scroll-horizontally", "i", 1);
    g_assert_cmpfloat_with_epsilon (gantry_chart_test_x_for_time (f->chart, t), before - 44, 0.51);
  }
  g_assert_false (gantry_project_can_undo (f->project));
}

static void
test_tooltip (Fixture       *f,
              gconstpointer  data)
{
  GantryTask *design = find_task (f->project, "Design");
  graphene_rect_t r = bar_of (f, design);
  g_autofree char *text = gantry_chart_test_tooltip (f->chart, r.origin.x + 4, r.origin.y + 4);
  g_autofree char *start = gantry_time_format_display (gantry_task_get_start (design), TRUE);
  g_autofree char *finish = gantry_time_format_display (gantry_task_get_finish (design), TRUE);
  g_autofree char *none = gantry_chart_test_tooltip (f->chart, r.origin.x + 4, 5);

  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "<b>Design</b>"));
  g_assert_nonnull (strstr (text, start));
  g_assert_nonnull (strstr (text, finish));
  g_assert_nonnull (strstr (text, "Duration: 5 days"));
  g_assert_nonnull (strstr (text, "Total slack:"));
  g_assert_nonnull (strstr (text, "Complete: 60%"));
  g_assert_nonnull (strstr (text, "Ana[50%]"));
  g_assert_null (none);
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  guint n_items = 0;

  draw_now (f);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (f->chart)), ==,
                   GTK_ACCESSIBLE_ROLE_LIST_BOX);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->chart)));
  /* one OPTION stand-in over each visible bar (unused ones are hidden
   * and have no size) */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->chart)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_width (child) > 0)
      {
        g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)), ==,
                         GTK_ACCESSIBLE_ROLE_OPTION);
        g_assert_false (gtk_widget_get_can_target (child));
        n_items++;
      }
  g_assert_cmpuint (n_items, ==, gantry_project_get_n_tasks (f->project));
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  GantryTask *root = gantry_project_get_root_task (f->project);
  g_autoptr(GantryTask) blank = gantry_task_new (gantry_project_next_task_uid (f->project), "No dates");
  graphene_rect_t r;

  /* a task without dates has no bar, and nothing breaks around it */
  gantry_task_set_start (blank, GANTRY_TIME_NONE);
  gantry_task_set_finish (blank, GANTRY_TIME_NONE);
  g_assert_true (gantry_project_add_task (f->project, root, -1, blank));
  gantry_ui_test_iterate (3);
  g_assert_false (gantry_chart_test_get_bar (f->chart, blank, &r));

  /* sizes out of range are clamped */
  gantry_chart_set_row_height (f->chart, -5);
  g_assert_cmpint (gantry_chart_get_row_height (f->chart), >=, 8);
  gantry_chart_set_header_height (f->chart, 100000);
  g_assert_cmpint (gantry_chart_get_header_height (f->chart), <=, 400);
  gantry_chart_set_row_height (f->chart, ROW_H);
  gantry_chart_set_header_height (f->chart, HEADER_H);
  gantry_ui_test_iterate (3);

  /* drags on the timescale and off every row do nothing */
  gantry_chart_test_drag (f->chart, 100, 10, 300, 20, 0);
  gantry_chart_test_drag (f->chart, 100, HEADER_H + 50 * ROW_H, 300, HEADER_H + 60 * ROW_H, 0);
  gantry_chart_test_click (f->chart, -50, -50, 2, GDK_BUTTON_PRIMARY, 0);
  gantry_chart_test_scroll (f->chart, 0, 1e9, 1e9, 0);
  g_assert_false (gantry_project_can_undo (f->project));

  /* a huge scroll stays inside the range; dates far away still draw */
  gtk_widget_queue_draw (GTK_WIDGET (f->chart));
  gantry_ui_test_iterate (3);

  /* no model / no project: draws nothing, breaks nothing */
  gantry_chart_set_model (f->chart, NULL, NULL);
  draw_now (f);
  g_assert_cmpuint (gantry_chart_test_get_n_drawn (f->chart), ==, 0);
  gantry_chart_test_drag (f->chart, 100, 100, 300, 120, 0);
  gantry_chart_set_project (f->chart, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (f->chart));
  gantry_ui_test_iterate (3);
  gantry_chart_test_click (f->chart, 100, 100, 2, GDK_BUTTON_PRIMARY, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.activate", NULL);
  g_assert_null (f->activated);
}

/* ---- the timescale (no display needed, but cheap here) ------------------- */

static void
test_scale (void)
{
  /* 2026-03-04 is a Wednesday; weeks start on Monday 2 March (or Sunday 1) */
  GantryTime wed = gantry_time_make (2026, 3, 4, 15, 30, 0);
  g_autofree char *q = NULL, *m = NULL, *y = NULL, *h = NULL;

  g_assert_cmpint (gantry_scale_floor (wed, GANTRY_SCALE_WEEK, 1, 1), ==, gantry_time_make (2026, 3, 2, 0, 0, 0));
  g_assert_cmpint (gantry_scale_floor (wed, GANTRY_SCALE_WEEK, 1, 0), ==, gantry_time_make (2026, 3, 1, 0, 0, 0));
  g_assert_cmpint (gantry_scale_floor (wed, GANTRY_SCALE_QUARTER, 1, 1), ==, gantry_time_make (2026, 1, 1, 0, 0, 0));
  g_assert_cmpint (gantry_scale_floor (wed, GANTRY_SCALE_HOUR, 6, 1), ==, gantry_time_make (2026, 3, 4, 12, 0, 0));
  g_assert_cmpint (gantry_scale_next (gantry_time_make (2026, 11, 1, 0, 0, 0), GANTRY_SCALE_QUARTER, 1), ==,
                   gantry_time_make (2027, 2, 1, 0, 0, 0));
  g_assert_cmpint (gantry_scale_next (gantry_time_make (2026, 12, 1, 0, 0, 0), GANTRY_SCALE_MONTH, 1), ==,
                   gantry_time_make (2027, 1, 1, 0, 0, 0));
  /* hour cells restart at midnight */
  g_assert_cmpint (gantry_scale_next (gantry_time_make (2026, 3, 4, 21, 0, 0), GANTRY_SCALE_HOUR, 5), ==,
                   gantry_time_make (2026, 3, 5, 0, 0, 0));
  /* the edges of time do not overflow */
  g_assert_cmpint (gantry_scale_next (gantry_time_make (9999, 12, 1, 0, 0, 0), GANTRY_SCALE_YEAR, 1), ==,
                   GANTRY_TIME_MAX);
  g_assert_cmpint (gantry_scale_floor (G_MININT64 + 5, GANTRY_SCALE_DAY, 1, 1), ==, GANTRY_TIME_MIN);

  /* labels in the C locale */
  q = gantry_scale_format_label (wed, GANTRY_SCALE_QUARTER, TRUE, 0);
  g_assert_cmpstr (q, ==, "Q1 2026");
  m = gantry_scale_format_label (wed, GANTRY_SCALE_MONTH, TRUE, 0);
  g_assert_cmpstr (m, ==, "March 2026");
  y = gantry_scale_format_label (wed, GANTRY_SCALE_YEAR, FALSE, 0);
  g_assert_cmpstr (y, ==, "2026");
  h = gantry_scale_format_label (wed, GANTRY_SCALE_HOUR, FALSE, 0);
  g_assert_cmpstr (h, ==, "15:30");

  /* snapping rounds to the nearest unit, both ways */
  g_assert_cmpint (gantry_scale_snap_delta (GANTRY_MS_DAY * 7 / 5, GANTRY_SCALE_DAY), ==, GANTRY_MS_DAY);
  g_assert_cmpint (gantry_scale_snap_delta (-GANTRY_MS_DAY * 8 / 5, GANTRY_SCALE_DAY), ==, -2 * GANTRY_MS_DAY);
  g_assert_cmpint (gantry_scale_snap_delta (GANTRY_MS_DAY * 4, GANTRY_SCALE_WEEK), ==, 7 * GANTRY_MS_DAY);
}

/* ---- progress line ------------------------------------------------------- */

static void
test_progress_line (Fixture       *f,
                    gconstpointer  data)
{
  GantryTask *req = find_task (f->project, "Requirements");
  GantryTask *design = find_task (f->project, "Design");
  GantryTask *fe = find_task (f->project, "Frontend");
  GantryTask *be = find_task (f->project, "Backend");
  GantryTime mon = gantry_time_make (2026, 3, 2, 8, 0, 0);
  g_autoptr(GArray) pts = NULL;
  double base, sx;
  /* rows of the tasks the line visits: Requirements 2, Design 3,
   * Frontend 5, Backend 6 (Kickoff is done, the summaries are skipped,
   * API documentation and the launch tasks start after the status date) */
  const int rows[4] = { 2, 3, 5, 6 };
  double px[4];

  /* off by default; the action toggles the property */
  g_assert_false (gantry_chart_get_show_progress_line (f->chart));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.show-progress-line", NULL));
  g_assert_true (gantry_chart_get_show_progress_line (f->chart));

  gantry_task_set_percent_complete (req, 50);
  draw_now (f);

  /* the schedule the hand computation below rests on */
  g_assert_cmpint (gantry_task_get_start (req), ==, mon);
  g_assert_cmpint (gantry_task_get_finish (req), ==, gantry_time_make (2026, 3, 5, 17, 0, 0));
  g_assert_cmpint (gantry_task_get_start (design), ==, gantry_time_make (2026, 3, 6, 8, 0, 0));
  g_assert_cmpint (gantry_task_get_finish (design), ==, gantry_time_make (2026, 3, 12, 17, 0, 0));
  g_assert_cmpint (gantry_task_get_start (fe), ==, gantry_time_make (2026, 3, 13, 8, 0, 0));
  g_assert_cmpint (gantry_task_get_finish (fe), ==, gantry_time_make (2026, 3, 24, 17, 0, 0));
  g_assert_cmpint (gantry_task_get_start (be), ==, gantry_time_make (2026, 3, 10, 8, 0, 0));

  /* 44 px a day from Monday 2 March 08:00 */
  base = gantry_chart_test_x_for_time (f->chart, mon);
  sx = base + 11 * 44 + 9 * 44 / 24.0;          /* status: Fri 13 March 17:00 */
  px[0] = base + 0.5 * (3 * 44 + 9 * 44 / 24.0);        /* 50 % of 2 Mar 08 .. 5 Mar 17 */
  px[1] = base + 4 * 44 + 0.6 * (6 * 44 + 9 * 44 / 24.0);  /* 60 % of 6 Mar 08 .. 12 Mar 17 */
  px[2] = base + 11 * 44 + 0.1 * (11 * 44 + 9 * 44 / 24.0); /* 10 % of 13 Mar 08 .. 24 Mar 17 */
  px[3] = base + 8 * 44;                                /* not started: its start, 10 Mar */

  pts = gantry_chart_test_get_progress_line (f->chart);
  g_assert_cmpuint (pts->len, ==, 2 + 3 * G_N_ELEMENTS (rows));
  /* from the top of the first row down to the bottom of the last (13 rows) */
  g_assert_cmpfloat (fabs (g_array_index (pts, graphene_point_t, 0).x - sx), <=, 1.0);
  g_assert_cmpfloat (g_array_index (pts, graphene_point_t, 0).y, ==, HEADER_H);
  g_assert_cmpfloat (fabs (g_array_index (pts, graphene_point_t, pts->len - 1).x - sx), <=, 1.0);
  g_assert_cmpfloat (g_array_index (pts, graphene_point_t, pts->len - 1).y, ==, HEADER_H + 13 * ROW_H);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      graphene_point_t *in = &g_array_index (pts, graphene_point_t, 1 + 3 * i);
      graphene_point_t *pp = &g_array_index (pts, graphene_point_t, 2 + 3 * i);
      graphene_point_t *out = &g_array_index (pts, graphene_point_t, 3 + 3 * i);
      double top = HEADER_H + rows[i] * ROW_H;

      g_assert_cmpfloat (fabs (in->x - sx), <=, 1.0);
      g_assert_cmpfloat (in->y, ==, top);
      g_assert_cmpfloat (fabs (pp->x - px[i]), <=, 1.0);
      g_assert_cmpfloat (pp->y, >, top);
      g_assert_cmpfloat (pp->y, <, top + ROW_H);
      g_assert_cmpfloat (fabs (out->x - sx), <=, 1.0);
      g_assert_cmpfloat (out->y, ==, top + ROW_H);
    }

  /* the line's tooltip: on Requirements' zig-zag, where it stands (its
   * progress point is 50 % of 2 Mar 08:00 .. 5 Mar 17:00 = 4 Mar 00:30,
   * before the status date); on the straight part, the status date; away
   * from the line, nothing */
  {
    double y_req = HEADER_H + rows[0] * ROW_H + ROW_H / 2.0;
    double y_done = HEADER_H + 0 * ROW_H + ROW_H / 2.0;     /* Kickoff: done, straight */
    g_autofree char *on_task = gantry_chart_test_tooltip (f->chart, (px[0] + sx) / 2, y_req);
    g_autofree char *on_line = gantry_chart_test_tooltip (f->chart, sx + 1, y_done);
    g_autofree char *off = gantry_chart_test_tooltip (f->chart, sx + 60, y_done);
    g_autofree char *status = gantry_time_format_display (gantry_time_make (2026, 3, 13, 17, 0, 0), TRUE);
    g_autofree char *point = gantry_time_format_display (gantry_time_make (2026, 3, 4, 0, 30, 0), TRUE);

    g_assert_nonnull (on_task);
    g_assert_nonnull (strstr (on_task, "Requirements: 50% complete"));
    g_assert_nonnull (strstr (on_task, point));
    g_assert_nonnull (strstr (on_task, "behind the status date"));
    g_assert_nonnull (on_line);
    g_assert_nonnull (strstr (on_line, status));
    g_assert_null (strstr (on_line, "complete"));
    g_assert_null (off);
  }

  /* finishing Requirements takes its zig-zag out */
  gantry_task_set_percent_complete (req, 100);
  draw_now (f);
  g_clear_pointer (&pts, g_array_unref);
  pts = gantry_chart_test_get_progress_line (f->chart);
  g_assert_cmpuint (pts->len, ==, 2 + 3 * 3);
  g_assert_cmpfloat (g_array_index (pts, graphene_point_t, 1).y, ==, HEADER_H + 3 * ROW_H);
  gantry_task_set_percent_complete (req, 50);

  /* screenshots, light and dark */
  for (int dark = 0; dark <= 1; dark++)
    {
      g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", dark, NULL);
      gantry_chart_scroll_to_task (f->chart, find_task (f->project, "Kickoff"));
      settle (f);
      draw_now (f);
      save_png (GTK_WIDGET (f->chart), dark ? "chart-progress-line-dark" : "chart-progress-line-light");
    }
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", FALSE, NULL);

  /* off again: the flag follows, the computed line does not depend on it */
  gantry_chart_set_show_progress_line (f->chart, FALSE);
  g_assert_false (gantry_chart_get_show_progress_line (f->chart));
  draw_now (f);
}

/* ---- labels ----------------------------------------------------------- */

/* Pixels of the chart as drawn (scale 1), BGRA premultiplied. */
static guchar *
render_pixels (Fixture *f, int *w_out, int *h_out, gsize *stride_out)
{
  GtkWidget *w = GTK_WIDGET (f->chart);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (w);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (w));
  int width = gtk_widget_get_width (w), height = gtk_widget_get_height (w);
  guchar *data;

  for (int tries = 0; node == NULL && tries < 100; tries++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        {
          gantry_ui_test_iterate (2);
          g_usleep (20000);
        }
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  data = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, data, (gsize) width * 4);
  *w_out = width;
  *h_out = height;
  *stride_out = (gsize) width * 4;
  return data;
}

/* The today line's orange (#e66100, the built-in light colour). */
static gboolean
is_today_orange (const guchar *px)
{
  return px[2] > 180 && px[1] > 60 && px[1] < 140 && px[0] < 60 && px[3] > 200;
}

/* The today line runs through Design's resource label ("Ana[50%], Eve"):
 * the label has a backing, so no line shows between its letters, while
 * the line is drawn elsewhere down the chart. */
static void
test_label_over_today_line (Fixture       *f,
                            gconstpointer  data)
{
  GantryTask *design = find_task (f->project, "Design");
  graphene_rect_t bar = bar_of (f, design);
  double end = bar.origin.x + bar.size.width;
  GantryTime t = gantry_task_get_finish (design);
  g_autofree guchar *pixels = NULL;
  int w, h, lx = -1, in_label = 0, elsewhere = 0;
  gsize stride;
  double mid = bar.origin.y + bar.size.height / 2.0;

  /* today a little right of the bar's end: under the label */
  while (gantry_chart_test_x_for_time (f->chart, t) < end + 24)
    t += GANTRY_MS_HOUR;
  g_object_set (f->project, "current-date", t, NULL);
  gantry_chart_test_drop_caches (f->chart);
  gtk_widget_queue_draw (GTK_WIDGET (f->chart));
  settle (f);
  bar = bar_of (f, design);
  mid = bar.origin.y + bar.size.height / 2.0;

  pixels = render_pixels (f, &w, &h, &stride);
  /* find the line: the column with the most orange */
  {
    int best = 0;

    for (int x = (int) end; x < MIN (w, (int) end + 60); x++)
      {
        int n = 0;

        for (int y = HEADER_H; y < h; y++)
          n += is_today_orange (pixels + y * stride + x * 4);
        if (n > best)
          best = n, lx = x;
      }
  }
  g_assert_cmpint (lx, >, (int) end);
  for (int y = HEADER_H; y < h; y++)
    {
      gboolean orange = FALSE;

      for (int x = lx - 1; x <= lx + 1; x++)
        orange |= is_today_orange (pixels + y * stride + x * 4);
      if (y >= mid - 4 && y <= mid + 4)
        in_label += orange;
      else
        elsewhere += orange;
    }
  g_assert_cmpint (elsewhere, >, 20);
  g_assert_cmpint (in_label, ==, 0);
}

/* ---- screenshots --------------------------------------------------------- */

/* name-scaleN.png, N = the widget's scale factor */
static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s-scale%d.png", name,
                                           gtk_widget_get_scale_factor (widget));

  gantry_ui_test_save_png (widget, file);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  const char *themes[] = { "light", "dark" };
  const int zooms[] = { 1, 2, 3 };
  GantryTask *design = find_task (f->project, "Design");
  graphene_rect_t r;

  /* Design selected, the pointer over Frontend */
  r = bar_of (f, design);
  gantry_chart_test_click (f->chart, r.origin.x + 3, r.origin.y + 3, 1, GDK_BUTTON_PRIMARY, 0);

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    {
      g_object_set (settings, "gtk-application-prefer-dark-theme", t == 1, NULL);
      for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
        {
          g_autofree char *name = g_strdup_printf ("chart-%s-zoom%d", themes[t], zooms[z]);

          gantry_chart_set_zoom (f->chart, zooms[z]);
          gantry_chart_scroll_to_task (f->chart, find_task (f->project, "Kickoff"));
          settle (f);
          save_png (GTK_WIDGET (f->chart), name);
        }
    }
  g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, NULL);
}

static const int small_window[2] = { 800, HEADER_H + 4 * ROW_H };
static const int shot_window[2] = { 1100, HEADER_H + 14 * ROW_H };

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/chart/scale", test_scale);
  if (!gtk_init_check ())
    {
      g_test_message ("no display: the chart tests need one (the README's test command "
                      "runs them under Xvfb)");
      return g_test_run ();
    }
  g_object_set (gtk_settings_get_default (), "gtk-theme-name", "Adwaita", NULL);

#define ADD_SIZED(path, size, func) \
  g_test_add ("/ui/chart/" path, Fixture, size, fixture_set_up, func, fixture_tear_down)
#define ADD(path, func) ADD_SIZED (path, NULL, func)
  ADD ("geometry", test_geometry);
  ADD_SIZED ("visible-only", small_window, test_visible_only);
  ADD ("move", test_move);
  ADD ("move-manual", test_move_manual);
  ADD ("resize", test_resize);
  ADD ("progress", test_progress);
  ADD ("link", test_link);
  ADD ("link-refused", test_link_refused);
  ADD ("link-deleted-task", test_link_deleted_task);
  ADD ("clicks", test_clicks);
  ADD ("rubber-band", test_rubber_band);
  ADD ("zoom", test_zoom);
  ADD ("pinch-zoom", test_pinch_zoom);
  ADD ("keyboard", test_keyboard);
  ADD ("tooltip", test_tooltip);
  ADD ("accessible", test_accessible);
  ADD ("bad-input", test_bad_input);
  ADD_SIZED ("screenshots", shot_window, test_screenshots);
  ADD ("label-over-today-line", test_label_over_today_line);
  ADD_SIZED ("progress-line", shot_window, test_progress_line);
#undef ADD
#undef ADD_SIZED
  return g_test_run ();
}
