/* gantry-cli-commands.h — the subcommands of gantry-cli
 *
 * Copyright 2026 The Gantry authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each takes argv with argv[0] = the subcommand name, and returns the
 * process exit status: 0 success, 1 "problems found" (check), 2 usage
 * or input errors, 3 output errors.
 */
#pragma once

int gantry_cli_info        (int argc, char **argv);
int gantry_cli_check       (int argc, char **argv);
int gantry_cli_convert     (int argc, char **argv);
int gantry_cli_schedule    (int argc, char **argv);
int gantry_cli_report      (int argc, char **argv);
int gantry_cli_print_gantt (int argc, char **argv);
int gantry_cli_level       (int argc, char **argv);
