// SPDX-License-Identifier: EUPL-1.2
#include "cli/coach_command.hpp"

#include "core/coach/coach.hpp"
#include "core/session/session_text.hpp"
#include "language/hunspell_verb_oracle.hpp"
#include "server/codec/coach_json.hpp"
#include "server/codec/pretty_json.hpp"

#include <boost/json/serialize.hpp>

#include <iostream>
#include <memory>
#include <optional>
#include <string>

namespace intervisie::cli {
namespace {

struct CoachOptions {
  std::optional<std::string> text;
  std::string kind = "auto";
  bool closed_questions_fine = false;
  bool json = false; // JSON is what this prints; the flag says so for scripts that ask
  std::string dictionary = std::string(language::default_dictionary);
};

// One verdict as JSON, or an error object when the text cannot be read.
boost::json::object verdict_json(const core::coach::Coach& coach, const CoachOptions& options,
                                 const std::string& text, bool& failed) {
  if (auto checked = core::session_text(text); !checked) {
    failed = true;
    return {{"error", core::to_string(checked.error().code)},
            {"message", core::message_en(checked.error().code)}};
  }
  const auto kind = options.kind == "auto" ? core::coach::guess_kind(text)
                                           : *core::coach::text_kind_from_string(options.kind);
  return server::to_json(
      coach.check(kind, text, {.judge_question_form = !options.closed_questions_fine}), text);
}

int run(const CoachOptions& options) {
  auto dictionary = language::HunspellVerbOracle::open(options.dictionary);
  if (!dictionary) {
    std::cerr << "intervisie coach: " << dictionary.error() << "\n";
    return exit_no_dictionary;
  }
  const core::coach::Coach coach(**dictionary);
  bool failed = false;
  if (options.text) {
    std::cout << server::pretty_json(verdict_json(coach, options, *options.text, failed));
    return failed ? exit_bad_text : 0;
  }
  // One JSON object per line read, in order; an unreadable line gets an error object.
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    std::cout << boost::json::serialize(verdict_json(coach, options, line, failed)) << "\n";
  }
  return failed ? exit_bad_text : 0;
}

} // namespace

void add_coach_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CoachOptions>();
  CLI::App* coach = app.add_subcommand(
      "coach", "Hints on the wording of a statement, question or advice (Dutch), as JSON");
  coach->add_option("text", options->text,
                    "The text to check; without it, each line of standard input is checked");
  coach->add_option("--kind", options->kind, "statement, question, advice, or auto (guess)")
      ->check(CLI::IsMember({"auto", "statement", "question", "advice"}))
      ->capture_default_str();
  coach->add_flag("--closed-questions-fine", options->closed_questions_fine,
                  "Do not judge open or closed (as in the Balint method)");
  coach->add_flag("--json", options->json, "Print JSON (the default and only format)");
  coach
      ->add_option("--dictionary", options->dictionary,
                   "Dutch Hunspell dictionary, without .aff/.dic")
      ->envname("INTERVISIE_DICTIONARY")
      ->capture_default_str();
  coach->callback([options, &exit_code] { exit_code = run(*options); });
}

} // namespace intervisie::cli
