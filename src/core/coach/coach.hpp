// SPDX-License-Identifier: EUPL-1.2
// The Dutch wording coach: gentle hints on a statement, a question or an advice while it is
// being typed. Pure: the dictionary comes in as a VerbOracle.
#pragma once

#include "core/coach/verb_lexicon.hpp"
#include "core/coach/verdict.hpp"

#include <optional>
#include <string_view>

namespace intervisie::core::coach {

struct CoachOptions {
  // The Balint variant welcomes closed questions: its method file switches this off.
  bool judge_question_form = true;
};

class Coach {
public:
  explicit Coach(const VerbOracle& oracle) : oracle_(oracle) {}

  Verdict check(TextKind kind, std::string_view text, const CoachOptions& options = {}) const;

private:
  const VerbOracle& oracle_;
};

// The kind a text most likely is, for callers that do not say: a question if it ends with a
// question mark, advice if it opens with "als ik", a statement if it starts with "ik", else a
// question.
TextKind guess_kind(std::string_view text);

std::string_view to_string(TextKind kind);
std::optional<TextKind> text_kind_from_string(std::string_view name);
std::string_view to_string(StatementVerdict verdict);
std::string_view to_string(QuestionForm form);
std::string_view to_string(AdviceOpener opener);
std::string_view to_string(Check check);

} // namespace intervisie::core::coach
