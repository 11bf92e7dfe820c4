// SPDX-License-Identifier: EUPL-1.2
// `intervisie purge`: erase now what the retention no longer keeps (with the server stopped; a
// running server does this itself at start and once a day).
#pragma once

#include <CLI/CLI.hpp>

namespace intervisie::cli {

inline constexpr int exit_purge_failed = 6;

void add_purge_command(CLI::App& app, int& exit_code);

} // namespace intervisie::cli
