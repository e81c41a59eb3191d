/* gantry-risk-view.h — the Risks page: register table and P × I matrix
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table of the project's risks (inline editing of title, probability,
 * impact, status, owner, mitigation; add and delete), every edit an undoable
 * command, beside a 5 × 5 probability × impact heat map counting the risks
 * that are not closed in each cell.
 *
 * Actions (installed on the widget): "risk.add", "risk.delete" (the
 * selected risk).
 */
#pragma once

#include <gtk/gtk.h>

#include "gantry-core.h"

G_BEGIN_DECLS

#define GANTRY_TYPE_RISK_VIEW (gantry_risk_view_get_type ())
G_DECLARE_FINAL_TYPE (GantryRiskView, gantry_risk_view, GANTRY, RISK_VIEW, GtkWidget)

GtkWidget  *gantry_risk_view_new            (void);
void        gantry_risk_view_set_project    (GantryRiskView *self, GantryProject *project);
GantryProject *gantry_risk_view_get_project (GantryRiskView *self);
/* The selected risk, or NULL (borrowed). */
GantryRisk *gantry_risk_view_get_selected   (GantryRiskView *self);
void        gantry_risk_view_select         (GantryRiskView *self, GantryRisk *risk);
/* Risks that are not closed with this probability and impact (1..5), as
 * the matrix shows them. */
guint       gantry_risk_view_count_cell     (GantryRiskView *self, int probability, int impact);
/* The matrix widget (for screenshots). */
GtkWidget  *gantry_risk_view_get_matrix     (GantryRiskView *self);

G_END_DECLS
