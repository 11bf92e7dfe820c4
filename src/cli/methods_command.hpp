// SPDX-License-Identifier: EUPL-1.2
// `intervisie methods` and `intervisie methods show <id>`: the catalogue as a person or a
// script (--json) reads it.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace intervisie::cli {

// Exit codes, so scripts can tell a typo from a broken installation.
inline constexpr int exit_unknown_method = 1;
inline constexpr int exit_broken_catalogue = 2;

// Registers the subcommand on `app`; when it runs, its exit code lands in `exit_code`.
// `default_methods_dir` applies unless --methods-dir or INTERVISIE_METHODS_DIR says otherwise.
void add_methods_command(CLI::App& app, std::string default_methods_dir, int& exit_code);

} // namespace intervisie::cli
