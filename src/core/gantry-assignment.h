/* gantry-assignment.h — a resource working on a task
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gantry-types.h"
#include "gantry-extras.h"
#include "gantry-task.h"
#include "gantry-resource.h"

G_BEGIN_DECLS

#define GANTRY_TYPE_ASSIGNMENT (gantry_assignment_get_type ())
G_DECLARE_FINAL_TYPE (GantryAssignment, gantry_assignment, GANTRY, ASSIGNMENT, GObject)

/*
 * Properties: "uid" int, "task" GantryTask*, "resource" GantryResource*
 * (construct-only), "units" double (fraction, 1.0 = 100 %; for material
 * resources units per task), "work" int64 (ms), "delay" int64 (ms of
 * working time before the assignment starts), "actual-work" int64,
 * "overtime-work" int64, "percent-work-complete" int, "work-contour" int
 * (MSPDI 0..8), "cost-rate-table" int (0..4).
 * Computed (engine): "start", "finish" int64, "cost" double.
 */
GantryAssignment *gantry_assignment_new        (int             uid,
                                                GantryTask     *task,
                                                GantryResource *resource,
                                                double          units,
                                                GantryDuration  work);
int             gantry_assignment_get_uid      (GantryAssignment *self);
void            gantry_assignment_set_uid      (GantryAssignment *self, int uid);
GantryTask     *gantry_assignment_get_task     (GantryAssignment *self);
GantryResource *gantry_assignment_get_resource (GantryAssignment *self);
double          gantry_assignment_get_units    (GantryAssignment *self);
void            gantry_assignment_set_units    (GantryAssignment *self, double units);
GantryDuration  gantry_assignment_get_work     (GantryAssignment *self);
void            gantry_assignment_set_work     (GantryAssignment *self, GantryDuration work);
GantryDuration  gantry_assignment_get_delay    (GantryAssignment *self);
void            gantry_assignment_set_delay    (GantryAssignment *self, GantryDuration delay);
GantryDuration  gantry_assignment_get_actual_work (GantryAssignment *self);
void            gantry_assignment_set_actual_work (GantryAssignment *self, GantryDuration w);
GantryDuration  gantry_assignment_get_overtime_work (GantryAssignment *self);
void            gantry_assignment_set_overtime_work (GantryAssignment *self, GantryDuration w);
int             gantry_assignment_get_percent_work_complete (GantryAssignment *self);
void            gantry_assignment_set_percent_work_complete (GantryAssignment *self, int pc);
int             gantry_assignment_get_work_contour (GantryAssignment *self);
void            gantry_assignment_set_work_contour (GantryAssignment *self, int contour);
int             gantry_assignment_get_cost_rate_table (GantryAssignment *self);
void            gantry_assignment_set_cost_rate_table (GantryAssignment *self, int table);

GantryTime      gantry_assignment_get_start    (GantryAssignment *self);
GantryTime      gantry_assignment_get_finish   (GantryAssignment *self);
double          gantry_assignment_get_cost     (GantryAssignment *self);
void            gantry_assignment_set_computed (GantryAssignment *self,
                                                GantryTime start,
                                                GantryTime finish,
                                                double     cost);

GantryExtras   *gantry_assignment_get_extras   (GantryAssignment *self);

G_END_DECLS
