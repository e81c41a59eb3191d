/* gantry-ui-test-helper.c — shared helpers for the display tests
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gantry-ui-test-helper.h"

void
gantry_ui_test_save_png (GtkWidget  *widget,
                         const char *file)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int scale = gtk_widget_get_scale_factor (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  g_assert_cmpint (w, >, 0);
  g_assert_cmpint (h, >, 0);
  for (int tries = 0; node == NULL && tries < 100; tries++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gtk_snapshot_scale (snapshot, scale, scale);
      gdk_paintable_snapshot (paintable, snapshot, w, h);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        {
          for (int i = 0; i < 10 && g_main_context_iteration (NULL, FALSE); i++)
            ;
          g_usleep (20000);
        }
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, w * scale, h * scale));
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, w * scale);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, h * scale);
  path = g_test_build_filename (G_TEST_BUILT, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

void
gantry_ui_test_iterate (guint n)
{
  for (guint i = 0; i < n; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}
