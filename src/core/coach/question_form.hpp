// Open or closed: can the presenter answer with just "ja" or "nee"?
#pragma once

#include "core/coach/verdict.hpp"
#include "core/coach/words.hpp"

#include <vector>

namespace intervisie::core::coach {

struct QuestionFormReading {
  QuestionForm form;
  Span span; // the words that make it closed (or open)
  bool starts_with_question_word = false;
};

// Open: a question word after any lead-in, or an invitation to tell ("Kun je vertellen hoe",
// "Vertel eens"). Closed: everything else: verb first, a statement with a question mark,
// "Kun je vertellen óf ...".
QuestionFormReading read_question_form(const std::vector<Word>& words);

} // namespace intervisie::core::coach
