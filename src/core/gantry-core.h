/* gantry-core.h — the whole GTK-free model
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gantry-types.h"
#include "gantry-time.h"
#include "gantry-extras.h"
#include "gantry-calendar.h"
#include "gantry-task.h"
#include "gantry-link.h"
#include "gantry-resource.h"
#include "gantry-assignment.h"
#include "gantry-project.h"
#include "gantry-command.h"
#include "gantry-risk.h"
