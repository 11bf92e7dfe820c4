// SPDX-License-Identifier: EUPL-1.2
// `intervisie coach "tekst"`: the wording coach's verdict on a statement, question or advice as
// JSON; without a text it reads standard input and answers each line with one JSON object.
#pragma once

#include <CLI/CLI.hpp>

namespace intervisie::cli {

// Exit codes: a text the coach cannot read (not UTF-8, too long), and a missing dictionary.
inline constexpr int exit_bad_text = 1;
inline constexpr int exit_no_dictionary = 2;

void add_coach_command(CLI::App& app, int& exit_code);

} // namespace intervisie::cli
