/* gantry-ui-test-helper.h — shared helpers for the display tests
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Renders widget (a realized, shown widget) at its scale factor and saves
 * it as file (a PNG name such as "risks-dark.png") in the test build
 * folder.  On a loaded machine the first frame may not be drawn yet, so it
 * retries (bounded) until the widget draws something; fails the test when
 * it never does. */
void gantry_ui_test_save_png (GtkWidget  *widget,
                              const char *file);
/* Runs n rounds of the main loop, each until nothing is pending. */
void gantry_ui_test_iterate  (guint       n);

G_END_DECLS
