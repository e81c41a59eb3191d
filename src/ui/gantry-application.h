/* gantry-application.h — the GtkApplication
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GANTRY_TYPE_APPLICATION (gantry_application_get_type ())
G_DECLARE_FINAL_TYPE (GantryApplication, gantry_application, GANTRY, APPLICATION, GtkApplication)

GantryApplication *gantry_application_new (GApplicationFlags extra_flags);
/* Registers the UI resources (templates, CSS); safe to call twice. */
void               gantry_ui_register_resources (void);

G_END_DECLS
