// SPDX-License-Identifier: EUPL-1.2
// Advice or a judgement dressed up as a question: "Heb je al eens geprobeerd om ...?",
// "Is het niet verstandiger om ...?", "Had je dat niet moeten melden?", "Zou een gesprek met je
// teamleider iets opleveren?", "Waarom laat je je nog steeds zo behandelen?", "Kan het zijn dat
// je gewoon moe bent?". A linear model decides (advice_model.hpp); the phrases that weighed
// most are what the hint names.
#pragma once

#include "core/coach/advice_features.hpp"
#include "core/coach/question_form.hpp"
#include "core/coach/verdict.hpp"
#include "core/coach/words.hpp"

#include <string>
#include <vector>

namespace intervisie::core::coach {

struct HiddenAdviceReading {
  bool found = false;
  AdviceCategory category = AdviceCategory::explicit_marker; // when found: which kind
  Span span;                                                 // from the first to the last trigger
  std::vector<std::string> triggers;                         // as typed, in order
  float score = 0; // the model's sum; found from its threshold up
};

// `form` is the question's own reading: some phrases only give advice away in a closed
// question ("Heb je overwogen ..." does, "Wat heb je overwogen?" does not).
HiddenAdviceReading read_hidden_advice(std::string_view text, const std::vector<Word>& words,
                                       const QuestionFormReading& form);

} // namespace intervisie::core::coach
