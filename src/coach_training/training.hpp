// SPDX-License-Identifier: EUPL-1.2
// Learning the hidden-advice model from labelled questions: logistic regression for "hides
// advice or a judgement" and a softmax over the categories, both over the coach's own features
// (core/coach/advice_features.hpp), with L2 regularisation and AdaGrad. Deterministic: the same
// corpus gives the same model on every machine.
#pragma once

#include "core/coach/advice_features.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace intervisie::coach_training {

using core::coach::advice_category_count;
using core::coach::AdviceCategory;

struct Example {
  std::string text;
  bool advice = false;
  std::string category; // as labelled; for the report
  std::string source;   // the corpus it came from (its folder: coach, public, ...); for the report
  float weight = 1;     // how much it counts in training (its corpus's weight)
  bool quoted = false;  // quoted from a public page (the file has a source column): for the report
  std::optional<AdviceCategory> advice_category;
  std::vector<std::pair<std::uint64_t, float>> features;
  std::vector<float> priors; // per feature: where its weight starts and is pulled back to
};

// Reads a questions file such as tests/data/coach/questions.tsv (columns advice, text and
// optionally category, found by the header; other columns such as form or source are ignored).
// Each example's source is the name of the file's folder.
std::vector<Example> read_corpus(const std::string& path, std::string& error);

struct Weights {
  float advice = 0;
  std::array<float, advice_category_count> category{};
};

struct Model {
  std::unordered_map<std::uint64_t, Weights> weights;
  float threshold = 0;
  float advice_score(const Example& example) const;
  AdviceCategory category(const Example& example) const;
};

struct TrainingOptions {
  int epochs = 30;
  float learning_rate = 0.3f;
  float l2 = 3e-2f;
  int min_count = 2;       // a feature seen in fewer questions is left out: it would only memorise
  float threshold = 0;     // hidden advice from this score up (chosen by cross-validation)
  float advice_weight = 1; // how much a question that hides advice counts against a neutral one
};

Model train(const std::vector<const Example*>& examples, const TrainingOptions& options);

} // namespace intervisie::coach_training
