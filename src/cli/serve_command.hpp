// SPDX-License-Identifier: EUPL-1.2
// `intervisie serve`: the live server on a port, with its store in a data directory.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace intervisie::cli {

inline constexpr int exit_cannot_serve = 3;

// `default_web_dir` is served when --web-dir is not given and it holds a built web app.
void add_serve_command(CLI::App& app, std::string default_methods_dir,
                       const std::string& default_web_dir, int& exit_code);

} // namespace intervisie::cli
