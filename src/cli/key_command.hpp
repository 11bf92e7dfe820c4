// SPDX-License-Identifier: EUPL-1.2
// `intervisie rotate-key`: a new master key for the data keys (with the server stopped).
#pragma once

#include <CLI/CLI.hpp>

namespace intervisie::cli {

inline constexpr int exit_key_failed = 5;

void add_key_command(CLI::App& app, int& exit_code);

} // namespace intervisie::cli
