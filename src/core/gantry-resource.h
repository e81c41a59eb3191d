/* gantry-resource.h — a person, material or cost resource
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gantry-types.h"
#include "gantry-extras.h"
#include "gantry-calendar.h"

G_BEGIN_DECLS

typedef struct _GantryProject GantryProject;

#define GANTRY_TYPE_RESOURCE (gantry_resource_get_type ())
G_DECLARE_FINAL_TYPE (GantryResource, gantry_resource, GANTRY, RESOURCE, GObject)

/*
 * Properties: "uid" int, "id" int, "name", "initials", "group", "email",
 * "notes", "material-label" (strings), "resource-type" int
 * (GantryResourceType), "max-units" double (fraction, 1.0 = 100 %),
 * "standard-rate", "overtime-rate" double (currency per hour; for material
 * resources per unit), "cost-per-use" double (currency units),
 * "accrue-at" int (GantryAccrual, default PRORATED), "calendar"
 * (GantryCalendar*, the resource's own, may be NULL = project calendar),
 * "generic", "inactive" bool.
 * Computed (engine): "work" int64 ms, "cost" double, "overallocated" bool,
 * "peak-units" double.
 */
GantryResource *gantry_resource_new            (int uid, const char *name);
int             gantry_resource_get_uid        (GantryResource *self);
void            gantry_resource_set_uid        (GantryResource *self, int uid);
int             gantry_resource_get_id         (GantryResource *self);
void            gantry_resource_set_id         (GantryResource *self, int id);
const char     *gantry_resource_get_name       (GantryResource *self);
void            gantry_resource_set_name       (GantryResource *self, const char *name);
const char     *gantry_resource_get_initials   (GantryResource *self);
void            gantry_resource_set_initials   (GantryResource *self, const char *s);
const char     *gantry_resource_get_group      (GantryResource *self);
void            gantry_resource_set_group      (GantryResource *self, const char *s);
const char     *gantry_resource_get_email      (GantryResource *self);
void            gantry_resource_set_email      (GantryResource *self, const char *s);
const char     *gantry_resource_get_notes      (GantryResource *self);
void            gantry_resource_set_notes      (GantryResource *self, const char *s);
const char     *gantry_resource_get_material_label (GantryResource *self);
void            gantry_resource_set_material_label (GantryResource *self, const char *s);
GantryResourceType gantry_resource_get_resource_type (GantryResource *self);
void            gantry_resource_set_resource_type (GantryResource *self, GantryResourceType t);
double          gantry_resource_get_max_units  (GantryResource *self);
void            gantry_resource_set_max_units  (GantryResource *self, double units);
double          gantry_resource_get_standard_rate (GantryResource *self);
void            gantry_resource_set_standard_rate (GantryResource *self, double rate);
double          gantry_resource_get_overtime_rate (GantryResource *self);
void            gantry_resource_set_overtime_rate (GantryResource *self, double rate);
double          gantry_resource_get_cost_per_use (GantryResource *self);
void            gantry_resource_set_cost_per_use (GantryResource *self, double cost);
GantryAccrual   gantry_resource_get_accrue_at  (GantryResource *self);
void            gantry_resource_set_accrue_at  (GantryResource *self, GantryAccrual a);
GantryCalendar *gantry_resource_get_calendar   (GantryResource *self);
void            gantry_resource_set_calendar   (GantryResource *self, GantryCalendar *cal);
gboolean        gantry_resource_get_generic    (GantryResource *self);
void            gantry_resource_set_generic    (GantryResource *self, gboolean v);
gboolean        gantry_resource_get_inactive   (GantryResource *self);
void            gantry_resource_set_inactive   (GantryResource *self, gboolean v);

GantryDuration  gantry_resource_get_work       (GantryResource *self);
double          gantry_resource_get_cost       (GantryResource *self);
gboolean        gantry_resource_get_overallocated (GantryResource *self);
double          gantry_resource_get_peak_units (GantryResource *self);
/* Engine batch write of the computed values. */
void            gantry_resource_set_computed   (GantryResource *self,
                                                GantryDuration  work,
                                                double          cost,
                                                gboolean        overallocated,
                                                double          peak_units);

/* This resource's assignments (owned by the resource; do not modify). */
GPtrArray      *gantry_resource_get_assignments (GantryResource *self);
GantryProject  *gantry_resource_get_project     (GantryResource *self);
GantryExtras   *gantry_resource_get_extras      (GantryResource *self);

G_END_DECLS
