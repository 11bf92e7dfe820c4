// SPDX-License-Identifier: EUPL-1.2
// What the hidden-advice model looks at in a question: its words, word pairs and triples, the
// letters inside words (typos, inflections), how the question opens, and the phrases a trainer
// listens for ("waarom ... niet", "had je ... moeten", "wat houdt je tegen"). The trainer
// (src/coach_training/) and the coach read a question through this one function.
#pragma once

#include "core/coach/question_form.hpp"
#include "core/coach/words.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace intervisie::core::coach {

// The kinds of hidden advice and judgement in the corpus (tests/data/coach/README.md).
enum class AdviceCategory {
  explicit_marker,
  negated_suggestion,
  obligation_hindsight,
  suggestion_as_question,
  reproach,
  rhetorical_interpretation,
};
inline constexpr std::size_t advice_category_count = 6;

struct AdviceFeature {
  std::uint64_t id; // hash of the feature's name
  float value;
  std::size_t first; // the plain words it covers, [first, last]; none for the form features
  std::size_t last;
  bool cue;    // a listened-for phrase: its words are what a hint names
  float prior; // the weight a trainer would give it before seeing the corpus
  static constexpr std::size_t none = static_cast<std::size_t>(-1);
};

// A feature by name, for the trainer's report; `plain` are the words without marks.
using AdviceFeatureSink = std::function<void(std::string_view name, const AdviceFeature&)>;
void for_each_advice_feature(std::string_view text, const std::vector<Word>& plain,
                             const std::vector<Word>& words, const QuestionFormReading& form,
                             const AdviceFeatureSink& sink);

std::vector<AdviceFeature> advice_features(std::string_view text, const std::vector<Word>& plain,
                                           const std::vector<Word>& words,
                                           const QuestionFormReading& form);

std::uint64_t advice_feature_id(std::string_view name);

} // namespace intervisie::core::coach
