/* gantry-preferences.c — the Preferences dialog (GSettings)
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "gantry-preferences.h"
#include "gantry-recovery.h"

void
gantry_preferences_apply_to_new_plan (GantryProject *project)
{
  GSettings *settings = gantry_settings_get ();
  g_autofree char *currency = NULL;
  guint start, finish;

  g_return_if_fail (GANTRY_IS_PROJECT (project));

  if (settings == NULL)
    return;
  start = g_settings_get_uint (settings, "working-hours-start");
  finish = g_settings_get_uint (settings, "working-hours-finish");
  if (start < finish)
    g_object_set (project, "default-start-time", (int) start, "default-finish-time", (int) finish, NULL);
  currency = g_settings_get_string (settings, "currency");
  g_strstrip (currency);
  if (strlen (currency) == 3)
    {
      g_autofree char *code = g_ascii_strup (currency, -1);
      g_object_set (project, "currency-code", code, NULL);
    }
}

/* ---- mappings ---------------------------------------------------------- */

static gboolean
uint_to_double (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
double_to_uint (const GValue       *value,
                const GVariantType *type,
                gpointer            user_data)
{
  double d = g_value_get_double (value);

  return g_variant_new_uint32 (d <= 0 ? 0 : (guint32) (d + 0.5));
}

static const char *date_nicks[] = { "locale", "iso", "locale-long" };

static gboolean
nick_to_index (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (date_nicks); i++)
    if (g_strcmp0 (nick, date_nicks[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
index_to_nick (const GValue       *value,
               const GVariantType *type,
               gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  if (i >= G_N_ELEMENTS (date_nicks))
    return NULL;
  return g_variant_new_string (date_nicks[i]);
}

/* Working-hour spin buttons show and take HH:MM (minutes after midnight). */
static gboolean
on_time_output (GtkSpinButton *spin,
                gpointer       user_data)
{
  int minutes = (int) gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_time_input (GtkSpinButton *spin,
               double        *new_value,
               gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  g_auto(GStrv) parts = g_strsplit (text, ":", 2);
  guint64 h = 0, m = 0;

  if (parts[0] == NULL
      || !g_ascii_string_to_unsigned (g_strstrip (parts[0]), 10, 0, 24, &h, NULL)
      || (parts[1] != NULL && !g_ascii_string_to_unsigned (g_strstrip (parts[1]), 10, 0, 59, &m, NULL)))
    {
      /* refused: keep the value (GTK would otherwise take 0) */
      *new_value = gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
      gtk_widget_error_bell (GTK_WIDGET (spin));
      return TRUE;
    }
  *new_value = (double) (h * 60 + m);
  return TRUE;
}

/* ---- dialog ------------------------------------------------------------ */

static GtkWidget *
add_row (GtkGrid    *grid,
         int         row,
         const char *label_text,
         GtkWidget  *control,
         const char *name)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), control);
  gtk_widget_set_name (control, name);
  gtk_widget_set_halign (control, GTK_ALIGN_START);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, control, 1, row, 1, 1);
  return control;
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  return label;
}

static GtkWidget *
time_spin (double lower,
           double upper)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, 15);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 6);
  g_signal_connect (spin, "output", G_CALLBACK (on_time_output), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (on_time_input), NULL);
  return spin;
}

GtkWidget *
gantry_preferences_dialog_new (GtkWindow *parent)
{
  GSettings *settings = gantry_settings_get ();
  GtkWidget *dialog, *grid, *w, *hbox, *note;
  GtkGrid *g;
  int row = 0;
  const char *formats[] = { N_("Language default (short)"), N_("ISO 8601 (2026-03-02)"),
                            N_("Language default (long)"), NULL };
  const char *translated[G_N_ELEMENTS (formats)];

  dialog = gtk_dialog_new ();
  gtk_window_set_title (GTK_WINDOW (dialog), _("Preferences"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_resizable (GTK_WINDOW (dialog), FALSE);
  gtk_widget_add_css_class (dialog, "gantry-preferences-dialog");

  grid = gtk_grid_new ();
  g = GTK_GRID (grid);
  gtk_grid_set_row_spacing (g, 8);
  gtk_grid_set_column_spacing (g, 12);
  gtk_widget_set_margin_start (grid, 24);
  gtk_widget_set_margin_end (grid, 24);
  gtk_widget_set_margin_top (grid, 18);
  gtk_widget_set_margin_bottom (grid, 24);
  gtk_box_append (GTK_BOX (gtk_dialog_get_content_area (GTK_DIALOG (dialog))), grid);

  if (settings == NULL)
    {
      gtk_grid_attach (g, gtk_label_new (_("The settings schema org.gantryplanner.Gantry is not installed, so preferences cannot be changed.")),
                       0, 0, 1, 1);
      return dialog;
    }

  gtk_grid_attach (g, heading (_("New Plans")), 0, row++, 2, 1);
  hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  w = time_spin (0, 1439);
  gtk_widget_set_name (w, "working-start");
  g_settings_bind_with_mapping (settings, "working-hours-start", w, "value", G_SETTINGS_BIND_DEFAULT,
                                uint_to_double, double_to_uint, NULL, NULL);
  gtk_box_append (GTK_BOX (hbox), w);
  /* Translators: between the start and the end of the working day */
  gtk_box_append (GTK_BOX (hbox), gtk_label_new (_("to")));
  w = time_spin (1, 1440);
  gtk_widget_set_name (w, "working-finish");
  g_settings_bind_with_mapping (settings, "working-hours-finish", w, "value", G_SETTINGS_BIND_DEFAULT,
                                uint_to_double, double_to_uint, NULL, NULL);
  gtk_box_append (GTK_BOX (hbox), w);
  add_row (g, row++, _("_Working hours"), hbox, "working-hours");

  w = gtk_entry_new ();
  gtk_entry_set_max_length (GTK_ENTRY (w), 3);
  gtk_editable_set_width_chars (GTK_EDITABLE (w), 5);
  gtk_entry_set_placeholder_text (GTK_ENTRY (w), _("EUR"));
  gtk_widget_set_tooltip_text (w, _("ISO 4217 code, for example EUR or USD; empty uses the language’s currency"));
  g_settings_bind (settings, "currency", w, "text", G_SETTINGS_BIND_DEFAULT);
  add_row (g, row++, _("_Currency"), w, "currency");

  gtk_grid_attach (g, heading (_("Display")), 0, row++, 2, 1);
  for (guint i = 0; formats[i] != NULL; i++)
    translated[i] = _(formats[i]);
  translated[G_N_ELEMENTS (formats) - 1] = NULL;
  w = gtk_drop_down_new_from_strings (translated);
  g_settings_bind_with_mapping (settings, "date-format", w, "selected", G_SETTINGS_BIND_DEFAULT,
                                nick_to_index, index_to_nick, NULL, NULL);
  add_row (g, row++, _("_Date format"), w, "date-format");

  gtk_grid_attach (g, heading (_("Files")), 0, row++, 2, 1);
  hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  w = gtk_spin_button_new_with_range (0, 1440, 1);
  gtk_widget_set_name (w, "autosave-interval");
  g_settings_bind_with_mapping (settings, "autosave-interval", w, "value", G_SETTINGS_BIND_DEFAULT,
                                uint_to_double, double_to_uint, NULL, NULL);
  gtk_box_append (GTK_BOX (hbox), w);
  /* Translators: after the autosave interval spin button */
  gtk_box_append (GTK_BOX (hbox), gtk_label_new (_("minutes (0 turns autosave off)")));
  add_row (g, row++, _("_Autosave every"), hbox, "autosave-row");

  w = gtk_check_button_new_with_mnemonic (_("_Keep MS Project elements Gantry does not understand"));
  g_settings_bind (settings, "keep-unknown-mspdi", w, "active", G_SETTINGS_BIND_DEFAULT);
  gtk_widget_set_name (w, "keep-unknown");
  gtk_grid_attach (g, w, 0, row++, 2, 1);
  note = gtk_label_new (_("When saving MS Project XML, also write back the elements outside the schema that were read, so that Microsoft Project keeps them."));
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (note), 48);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_grid_attach (g, note, 0, row++, 2, 1);
  return dialog;
}
