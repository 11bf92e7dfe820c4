// Advice or a judgement dressed up as a question: "Heb je al eens geprobeerd om ...?",
// "Zou je niet beter ...?", "Waarom zeg je het niet gewoon?".
#pragma once

#include "core/coach/question_form.hpp"
#include "core/coach/verdict.hpp"
#include "core/coach/words.hpp"

#include <string>
#include <vector>

namespace intervisie::core::coach {

struct HiddenAdviceReading {
  bool found = false;
  Span span;                         // from the first to the last trigger
  std::vector<std::string> triggers; // as typed, in order
};

// `form` is the question's own reading: some phrases only give advice away in a closed
// question ("Heb je overwogen ..." does, "Wat heb je overwogen?" does not).
HiddenAdviceReading read_hidden_advice(std::string_view text, const std::vector<Word>& words,
                                       const QuestionFormReading& form);

} // namespace intervisie::core::coach
