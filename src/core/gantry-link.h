/* gantry-link.h — a dependency between two tasks
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gantry-types.h"
#include "gantry-extras.h"
#include "gantry-task.h"

G_BEGIN_DECLS

#define GANTRY_TYPE_LINK (gantry_link_get_type ())
G_DECLARE_FINAL_TYPE (GantryLink, gantry_link, GANTRY, LINK, GObject)

/*
 * Properties: "predecessor", "successor" (GantryTask*, construct-only),
 * "link-type" int (GantryLinkType), "lag" int64, "lag-format" int.
 *
 * The lag: for time formats, milliseconds (working time for working
 * formats, wall-clock for elapsed ones; negative = lead).  For percent
 * formats (19, 20, 51, 52) it is the percentage of the predecessor's
 * duration times 1000 (25 % = 25000).
 */
GantryLink     *gantry_link_new              (GantryTask     *predecessor,
                                              GantryTask     *successor,
                                              GantryLinkType  type,
                                              gint64          lag,
                                              GantryDurationFormat lag_format);
GantryTask     *gantry_link_get_predecessor  (GantryLink *self);
GantryTask     *gantry_link_get_successor    (GantryLink *self);
GantryLinkType  gantry_link_get_link_type    (GantryLink *self);
void            gantry_link_set_link_type    (GantryLink *self, GantryLinkType type);
gint64          gantry_link_get_lag          (GantryLink *self);
void            gantry_link_set_lag          (GantryLink *self, gint64 lag);
GantryDurationFormat gantry_link_get_lag_format (GantryLink *self);
void            gantry_link_set_lag_format   (GantryLink *self, GantryDurationFormat f);
GantryExtras   *gantry_link_get_extras       (GantryLink *self);

/* "FS", "SS", "FF", "SF" (not translated: MS Project shows these too). */
const char     *gantry_link_type_to_string   (GantryLinkType type);
gboolean        gantry_link_type_from_string (const char *s, GantryLinkType *out);

G_END_DECLS
