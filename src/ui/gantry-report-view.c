/* gantry-report-view.c — the Report view
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the pages of the status report exactly as they print (the same
 * GantryReportDoc draws them here, in the print dialog's preview and in
 * the PDF), next to the status summary the PM writes.  Built in code
 * rather than from a template so it needs no entry in the window's
 * resource bundle.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gantry-report-view.h"

#define PAGE_GAP     24.0
#define RELAYOUT_MS  300
#define NARRATIVE_MS 800

struct _GantryReportView
{
  GtkWidget        parent_instance;

  GtkWidget       *box;
  GtkWidget       *date_button;
  GtkWidget       *calendar;
  GtkWidget       *paper;
  GtkWidget       *orientation;
  GtkWidget       *pages;
  GtkWidget       *text_view;
  GtkTextBuffer   *buffer;

  GantryProject   *project;
  gulong           changed_id;
  gulong           narrative_id;
  gulong           status_id;

  GantryReportDoc *doc;
  guint            relayout_id;
  guint            narrative_timeout_id;
  gboolean         updating_buffer;
  gboolean         stale;          /* changed while hidden */
};

G_DEFINE_FINAL_TYPE (GantryReportView, gantry_report_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- layout ------------------------------------------------------------ */

static void
current_page_setup (GantryReportView *self,
                    GantryPageSetup  *setup)
{
  GantryPaperSize paper = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->paper)) == 1
                          ? GANTRY_PAPER_LETTER : GANTRY_PAPER_A4;
  GantryPageOrientation orient =
    gtk_drop_down_get_selected (GTK_DROP_DOWN (self->orientation)) == 1
    ? GANTRY_ORIENTATION_LANDSCAPE : GANTRY_ORIENTATION_PORTRAIT;

  gantry_page_setup_init (setup, paper, orient);
}

static double
page_scale (GantryReportView *self,
            int               width)
{
  const GantryPageSetup *s = gantry_report_doc_get_page_setup (self->doc);

  return CLAMP ((width - 2 * PAGE_GAP) / s->width, 0.2, 1.4);
}

static void
update_content_height (GantryReportView *self)
{
  int width = gtk_widget_get_width (self->pages);
  guint n;
  double scale, page_h;

  if (self->doc == NULL || width <= 0)
    {
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->pages), 0);
      return;
    }
  n = gantry_report_doc_get_n_pages (self->doc);
  scale = page_scale (self, width);
  page_h = gantry_report_doc_get_page_setup (self->doc)->height * scale;
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->pages),
                                       (int) (PAGE_GAP + n * (page_h + PAGE_GAP)));
}

void
gantry_report_view_refresh (GantryReportView *self)
{
  g_autoptr(GantryReportData) data = NULL;
  GantryPageSetup setup;

  g_return_if_fail (GANTRY_IS_REPORT_VIEW (self));

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  g_clear_pointer (&self->doc, gantry_report_doc_free);
  self->stale = FALSE;
  if (self->project != NULL)
    {
      current_page_setup (self, &setup);
      data = gantry_report_data_new (self->project, GANTRY_TIME_NONE, 0, NULL);
      self->doc = gantry_report_layout (data, &setup, NULL);
    }
  update_content_height (self);
  gtk_widget_queue_draw (self->pages);
}

static gboolean
relayout_cb (gpointer user_data)
{
  GantryReportView *self = user_data;

  self->relayout_id = 0;
  gantry_report_view_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_relayout (GantryReportView *self)
{
  /* Hidden (another view is showing): lay out when shown again, so edits
   * in the Gantt view of a large plan do not pay for the report. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->relayout_id == 0)
    self->relayout_id = g_timeout_add (RELAYOUT_MS, relayout_cb, self);
}

static void
gantry_report_view_map (GtkWidget *widget)
{
  GantryReportView *self = GANTRY_REPORT_VIEW (widget);

  GTK_WIDGET_CLASS (gantry_report_view_parent_class)->map (widget);
  if (self->stale)
    gantry_report_view_refresh (self);
}

static void
draw_pages (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  GantryReportView *self = user_data;
  const GantryPageSetup *s;
  double scale, y, cx1, cy1, cx2, cy2;
  guint n;

  cairo_set_source_rgb (cr, 0.85, 0.86, 0.88);
  cairo_paint (cr);
  if (self->doc == NULL)
    return;

  s = gantry_report_doc_get_page_setup (self->doc);
  scale = page_scale (self, width);
  n = gantry_report_doc_get_n_pages (self->doc);
  cairo_clip_extents (cr, &cx1, &cy1, &cx2, &cy2);
  y = PAGE_GAP;
  for (guint i = 0; i < n; i++, y += s->height * scale + PAGE_GAP)
    {
      double pw = s->width * scale, ph = s->height * scale;
      double x = MAX ((width - pw) / 2, PAGE_GAP / 2);

      if (y > cy2 || y + ph < cy1)
        continue;   /* draw only the pages in view */
      cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
      cairo_rectangle (cr, x + 1.5, y + 2, pw, ph);
      cairo_fill (cr);
      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, scale, scale);
      cairo_rectangle (cr, 0, 0, s->width, s->height);
      cairo_clip (cr);
      gantry_report_doc_render_page (self->doc, cr, i, TRUE);
      cairo_restore (cr);
    }
}

static void
pages_resized (GtkDrawingArea *area,
               int             width,
               int             height,
               gpointer        user_data)
{
  update_content_height (GANTRY_REPORT_VIEW (user_data));
}

/* ---- status date and summary ------------------------------------------ */

static void calendar_day_selected (GtkCalendar *calendar, gpointer user_data);

static void
update_date_label (GantryReportView *self)
{
  GantryTime t = self->project != NULL ? gantry_project_get_status_date (self->project)
                                       : GANTRY_TIME_NONE;
  g_autofree char *label = NULL;

  if (t == GANTRY_TIME_NONE)
    label = g_strdup (_("Status date: today"));
  else
    {
      g_autofree char *d = gantry_time_format_display (t, FALSE);
      g_autoptr(GDateTime) dt = NULL;
      int y, mo, day, h, mi, s;

      label = g_strdup_printf (_("Status date: %s"), d);
      /* Open the calendar on the status date. */
      gantry_time_split (t, &y, &mo, &day, &h, &mi, &s);
      dt = g_date_time_new_local (y, mo, day, 12, 0, 0);
      if (dt != NULL)
        {
          g_signal_handlers_block_by_func (self->calendar, calendar_day_selected, self);
          gtk_calendar_select_day (GTK_CALENDAR (self->calendar), dt);
          g_signal_handlers_unblock_by_func (self->calendar, calendar_day_selected, self);
        }
    }
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->date_button), label);
}

static void
calendar_day_selected (GtkCalendar *calendar,
                       gpointer     user_data)
{
  GantryReportView *self = user_data;
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);
  GantryTime t;

  if (self->project == NULL)
    return;
  t = gantry_time_make (g_date_time_get_year (dt), g_date_time_get_month (dt),
                        g_date_time_get_day_of_month (dt), 0, 0, 0)
      + (gint64) gantry_project_get_default_finish_time (self->project) * GANTRY_MS_MINUTE;
  if (t != gantry_project_get_status_date (self->project))
    {
      GantryCommand *cmd = gantry_command_set (self->project, "status-date", (gint64) t, NULL);

      gantry_command_set_label (cmd, _("Set Status Date"));
      gantry_project_apply (self->project, cmd);
    }
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->date_button));
}

static char *
dup_narrative (GantryProject *project)
{
  char *text = NULL;

  g_object_get (project, "narrative", &text, NULL);
  return text;
}

static void
commit_narrative (GantryReportView *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *old = NULL;

  g_clear_handle_id (&self->narrative_timeout_id, g_source_remove);
  if (self->project == NULL)
    return;
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  old = dup_narrative (self->project);
  if (g_strcmp0 (text, old != NULL ? old : "") != 0)
    {
      GantryCommand *cmd = gantry_command_set (self->project, "narrative", text, NULL);

      gantry_command_set_label (cmd, _("Edit Status Summary"));
      gantry_project_apply (self->project, cmd);
    }
}

static gboolean
narrative_timeout_cb (gpointer user_data)
{
  GantryReportView *self = user_data;

  self->narrative_timeout_id = 0;
  commit_narrative (self);
  return G_SOURCE_REMOVE;
}

static void
buffer_changed (GtkTextBuffer *buffer,
                gpointer       user_data)
{
  GantryReportView *self = user_data;

  if (self->updating_buffer)
    return;
  g_clear_handle_id (&self->narrative_timeout_id, g_source_remove);
  self->narrative_timeout_id = g_timeout_add (NARRATIVE_MS, narrative_timeout_cb, self);
}

static void
load_narrative (GantryReportView *self)
{
  g_autofree char *text = self->project != NULL ? dup_narrative (self->project) : NULL;
  GtkTextIter start, end;
  g_autofree char *current = NULL;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  current = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, text != NULL ? text : "") == 0)
    return;
  self->updating_buffer = TRUE;
  gtk_text_buffer_set_text (self->buffer, text != NULL ? text : "", -1);
  self->updating_buffer = FALSE;
}

static void
project_changed (GantryProject *project,
                 guint          flags,
                 GPtrArray     *tasks,
                 gpointer       user_data)
{
  queue_relayout (GANTRY_REPORT_VIEW (user_data));
}

static void
narrative_notify (GObject    *object,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  GantryReportView *self = user_data;

  /* An undo or a load: show it, unless the user is typing right now. */
  if (self->narrative_timeout_id == 0)
    load_narrative (self);
  queue_relayout (self);
}

static void
status_notify (GObject    *object,
               GParamSpec *pspec,
               gpointer    user_data)
{
  GantryReportView *self = user_data;

  update_date_label (self);
  queue_relayout (self);
}

static void
setup_changed (GObject    *object,
               GParamSpec *pspec,
               gpointer    user_data)
{
  gantry_report_view_refresh (GANTRY_REPORT_VIEW (user_data));
}

void
gantry_report_view_set_project (GantryReportView *self,
                                GantryProject    *project)
{
  g_return_if_fail (GANTRY_IS_REPORT_VIEW (self));
  g_return_if_fail (project == NULL || GANTRY_IS_PROJECT (project));

  if (self->project == project)
    return;
  if (self->project != NULL)
    {
      commit_narrative (self);
      g_clear_signal_handler (&self->changed_id, self->project);
      g_clear_signal_handler (&self->narrative_id, self->project);
      g_clear_signal_handler (&self->status_id, self->project);
    }
  g_set_object (&self->project, project);
  if (project != NULL)
    {
      self->changed_id = g_signal_connect (project, "changed", G_CALLBACK (project_changed), self);
      self->narrative_id = g_signal_connect (project, "notify::narrative",
                                             G_CALLBACK (narrative_notify), self);
      self->status_id = g_signal_connect (project, "notify::status-date",
                                          G_CALLBACK (status_notify), self);
    }
  load_narrative (self);
  update_date_label (self);
  gtk_widget_set_sensitive (self->box, project != NULL);
  gantry_report_view_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

GantryProject *
gantry_report_view_get_project (GantryReportView *self)
{
  g_return_val_if_fail (GANTRY_IS_REPORT_VIEW (self), NULL);
  return self->project;
}

GantryReportDoc *
gantry_report_view_get_doc (GantryReportView *self)
{
  g_return_val_if_fail (GANTRY_IS_REPORT_VIEW (self), NULL);
  return self->doc;
}

/* ---- printing ---------------------------------------------------------- */

typedef struct
{
  GantryProject          *project;
  GantryPrintKind         kind;
  GantryGanttPrintOptions gopts;
  GantryReportDoc        *doc;
} PrintJob;

static void
print_job_free (gpointer p)
{
  PrintJob *job = p;

  g_clear_object (&job->project);
  g_clear_pointer (&job->doc, gantry_report_doc_free);
  g_free (job);
}

static void
begin_print (GtkPrintOperation *op,
             GtkPrintContext   *context,
             gpointer           user_data)
{
  PrintJob *job = user_data;
  GtkPageSetup *ps = gtk_print_context_get_page_setup (context);
  GantryPageSetup setup;

  gantry_page_setup_init (&setup, GANTRY_PAPER_A4, GANTRY_ORIENTATION_PORTRAIT);
  setup.width = gtk_page_setup_get_paper_width (ps, GTK_UNIT_POINTS);
  setup.height = gtk_page_setup_get_paper_height (ps, GTK_UNIT_POINTS);
  /* Our margins, but never inside what the printer cannot reach. */
  setup.margin_top = MAX (setup.margin_top, gtk_page_setup_get_top_margin (ps, GTK_UNIT_POINTS));
  setup.margin_bottom = MAX (setup.margin_bottom,
                             gtk_page_setup_get_bottom_margin (ps, GTK_UNIT_POINTS));
  setup.margin_left = MAX (setup.margin_left, gtk_page_setup_get_left_margin (ps, GTK_UNIT_POINTS));
  setup.margin_right = MAX (setup.margin_right,
                            gtk_page_setup_get_right_margin (ps, GTK_UNIT_POINTS));
  if (!gantry_page_setup_is_valid (&setup))
    gantry_page_setup_init (&setup, GANTRY_PAPER_A4, GANTRY_ORIENTATION_PORTRAIT);

  g_clear_pointer (&job->doc, gantry_report_doc_free);
  if (job->kind == GANTRY_PRINT_GANTT)
    job->doc = gantry_gantt_print_layout (job->project, &setup, &job->gopts, NULL);
  else
    {
      g_autoptr(GantryReportData) data = gantry_report_data_new (job->project, GANTRY_TIME_NONE,
                                                                 0, NULL);

      job->doc = gantry_report_layout (data, &setup, NULL);
    }
  gtk_print_operation_set_n_pages (op, job->doc != NULL
                                       ? (int) gantry_report_doc_get_n_pages (job->doc) : 1);
}

static void
draw_page (GtkPrintOperation *op,
           GtkPrintContext   *context,
           int                page_nr,
           gpointer           user_data)
{
  PrintJob *job = user_data;

  if (job->doc != NULL && page_nr >= 0)
    gantry_report_doc_render_page (job->doc, gtk_print_context_get_cairo_context (context),
                                   (guint) page_nr, FALSE);
}

static void
show_error (GtkWindow  *parent,
            const char *primary,
            const char *secondary)
{
  GtkWidget *dialog = gtk_message_dialog_new (parent,
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
gantry_print_project (GtkWindow                     *parent,
                      GantryProject                 *project,
                      GantryPrintKind                kind,
                      const GantryGanttPrintOptions *gantt_opts)
{
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  g_autofree char *job_name = NULL;
  PrintJob *job;

  g_return_if_fail (GANTRY_IS_PROJECT (project));

  job = g_new0 (PrintJob, 1);
  job->project = g_object_ref (project);
  job->kind = kind;
  if (gantt_opts != NULL)
    job->gopts = *gantt_opts;
  else
    gantry_gantt_print_options_init (&job->gopts);

  op = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, kind == GANTRY_PRINT_GANTT
                                              ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                              : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (op, page_setup);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  job_name = gantry_report_dup_project_title (project);
  gtk_print_operation_set_job_name (op, job_name);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print), job);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page), job);
  g_object_set_data_full (G_OBJECT (op), "gantry-print-job", job, print_job_free);

  if (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (parent, _("Could not print"), error->message);
}

static void
export_response (GtkNativeDialog *dialog,
                 int              response,
                 gpointer         user_data)
{
  GantryReportView *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->doc != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        show_error (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                    _("Could not export the report"),
                    _("Choose a local file to write the PDF to."));
      else if (!gantry_report_doc_write_pdf (self->doc, path, &error))
        show_error (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                    _("Could not export the report"), error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
action_export (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GantryReportView *self = GANTRY_REPORT_VIEW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->project == NULL)
    return;
  commit_narrative (self);
  gantry_report_view_refresh (self);
  chooser = gtk_file_chooser_native_new (_("Export Report as PDF"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: default file name of the exported report; %s is the plan */
  title = gantry_report_dup_project_title (self->project);
  g_strdelimit (title, "/", '-');
  name = g_strdup_printf (_("%s — status report.pdf"), title);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_print (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GantryReportView *self = GANTRY_REPORT_VIEW (widget);

  if (self->project == NULL)
    return;
  commit_narrative (self);
  gantry_print_project (GTK_WINDOW (gtk_widget_get_root (widget)), self->project,
                        GANTRY_PRINT_REPORT, NULL);
}

static void
action_refresh (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gantry_report_view_refresh (GANTRY_REPORT_VIEW (widget));
}

/* ---- the widget -------------------------------------------------------- */

static void
gantry_report_view_dispose (GObject *object)
{
  GantryReportView *self = GANTRY_REPORT_VIEW (object);

  if (self->project != NULL)
    {
      commit_narrative (self);
      g_clear_signal_handler (&self->changed_id, self->project);
      g_clear_signal_handler (&self->narrative_id, self->project);
      g_clear_signal_handler (&self->status_id, self->project);
    }
  g_clear_handle_id (&self->relayout_id, g_source_remove);
  g_clear_handle_id (&self->narrative_timeout_id, g_source_remove);
  g_clear_object (&self->project);
  g_clear_pointer (&self->doc, gantry_report_doc_free);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (gantry_report_view_parent_class)->dispose (object);
}

static void
gantry_report_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GantryReportView *self = GANTRY_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gantry_report_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GantryReportView *self = GANTRY_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      gantry_report_view_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gantry_report_view_class_init (GantryReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gantry_report_view_dispose;
  object_class->get_property = gantry_report_view_get_property;
  object_class->set_property = gantry_report_view_set_property;
  widget_class->map = gantry_report_view_map;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, GANTRY_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "report.print", NULL, action_print);
  gtk_widget_class_install_action (widget_class, "report.export-pdf", NULL, action_export);
  gtk_widget_class_install_action (widget_class, "report.refresh", NULL, action_refresh);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "report.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "report.refresh", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gantryreportview");
}

static void
gantry_report_view_init (GantryReportView *self)
{
  GtkWidget *toolbar, *paned, *scroller, *side, *label, *hint, *text_scroller, *button, *spacer;
  GtkWidget *popover;
  const char *papers[] = { N_("A4"), N_("Letter"), NULL };
  const char *orients[] = { N_("Portrait"), N_("Landscape"), NULL };
  const char *tpapers[3], *torients[3];

  for (guint i = 0; i < 3; i++)
    {
      tpapers[i] = papers[i] != NULL ? _(papers[i]) : NULL;
      torients[i] = orients[i] != NULL ? _(orients[i]) : NULL;
    }

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (toolbar, "toolbar");
  gtk_box_append (GTK_BOX (self->box), toolbar);

  self->date_button = gtk_menu_button_new ();
  gtk_widget_set_tooltip_text (self->date_button,
                               _("The date the report describes progress against"));
  self->calendar = gtk_calendar_new ();
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), self->calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->date_button), popover);
  g_signal_connect (self->calendar, "day-selected", G_CALLBACK (calendar_day_selected), self);
  gtk_box_append (GTK_BOX (toolbar), self->date_button);

  self->paper = gtk_drop_down_new_from_strings (tpapers);
  gtk_widget_set_tooltip_text (self->paper, _("Paper size"));
  g_signal_connect (self->paper, "notify::selected", G_CALLBACK (setup_changed), self);
  gtk_box_append (GTK_BOX (toolbar), self->paper);
  self->orientation = gtk_drop_down_new_from_strings (torients);
  gtk_widget_set_tooltip_text (self->orientation, _("Page orientation"));
  g_signal_connect (self->orientation, "notify::selected", G_CALLBACK (setup_changed), self);
  gtk_box_append (GTK_BOX (toolbar), self->orientation);

  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (toolbar), spacer);

  button = gtk_button_new_with_mnemonic (_("_Export PDF…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "report.export-pdf");
  gtk_box_append (GTK_BOX (toolbar), button);
  button = gtk_button_new_with_mnemonic (_("_Print…"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "report.print");
  gtk_box_append (GTK_BOX (toolbar), button);

  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (self->box), paned);

  self->pages = gtk_drawing_area_new ();
  gtk_widget_set_hexpand (self->pages, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->pages), draw_pages, self, NULL);
  g_signal_connect (self->pages, "resize", G_CALLBACK (pages_resized), self);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->pages);
  gtk_paned_set_start_child (GTK_PANED (paned), scroller);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), TRUE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_size_request (scroller, 320, -1);

  side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (side, 12);
  gtk_widget_set_margin_end (side, 12);
  gtk_widget_set_margin_top (side, 12);
  gtk_widget_set_margin_bottom (side, 12);
  gtk_widget_set_size_request (side, 260, -1);
  label = gtk_label_new (_("Status Summary"));
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (side), label);
  hint = gtk_label_new (_("What stakeholders should know this week. It is printed near the "
                          "top of the report and saved with the plan."));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (side), hint);

  self->text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->text_view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->text_view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->text_view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->text_view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status summary"), -1);
  self->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  g_signal_connect (self->buffer, "changed", G_CALLBACK (buffer_changed), self);
  text_scroller = gtk_scrolled_window_new ();
  gtk_widget_add_css_class (text_scroller, "frame");
  gtk_widget_set_vexpand (text_scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (text_scroller), self->text_view);
  gtk_box_append (GTK_BOX (side), text_scroller);
  gtk_paned_set_end_child (GTK_PANED (paned), side);
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);

  gtk_widget_set_sensitive (self->box, FALSE);
  update_date_label (self);
}

GtkWidget *
gantry_report_view_new (void)
{
  return g_object_new (GANTRY_TYPE_REPORT_VIEW, NULL);
}
