// SPDX-License-Identifier: EUPL-1.2
// Open or closed: can the presenter answer with just "ja" or "nee"?
#pragma once

#include "core/coach/verdict.hpp"
#include "core/coach/words.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace intervisie::core::coach {

// "Kun je vertellen hoe ...": a request that can be granted with "ja"; the seed asks for
// questions that cannot. It reads well as an invitation: "Vertel eens hoe ...".
struct PoliteRequest {
  Span request;                 // "Kun je vertellen", "Zou je kunnen uitleggen"
  std::string_view imperative;  // the same, inviting: "Vertel eens", "Leg eens uit"
  std::size_t rest_begin;       // where what is asked about begins ("hoe de overdracht ...")
  bool asks_open;               // a question word follows the request
  std::optional<Span> question; // that question word ("hoe", "op welke manier")
};

struct QuestionFormReading {
  QuestionForm form;
  Span span; // the words that make it closed (or open)
  // A question word opens what is asked, also inside a polite request ("Kun je vertellen hoe").
  bool starts_with_question_word = false;
  std::optional<PoliteRequest> polite_request;
};

// Open: a question word after any lead-in, or an invitation in the imperative ("Vertel eens").
// Closed: everything else: verb first, a statement with a question mark, a polite request
// ("Kun je vertellen hoe ...", "Mag ik vragen wat ..."), "Kun je vertellen óf ...".
QuestionFormReading read_question_form(const std::vector<Word>& words);

} // namespace intervisie::core::coach
