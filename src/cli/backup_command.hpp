// SPDX-License-Identifier: EUPL-1.2
// `intervisie backup DIR` and `intervisie restore DIR`: a consistent copy of the stores while the
// server runs, and bringing it back while it does not.
#pragma once

#include <CLI/CLI.hpp>

namespace intervisie::cli {

inline constexpr int exit_backup_failed = 4;

void add_backup_commands(CLI::App& app, int& exit_code);

} // namespace intervisie::cli
