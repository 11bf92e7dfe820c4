// SPDX-License-Identifier: EUPL-1.2
// The hidden-advice model: a linear classifier over the features of advice_features.hpp, one
// score for "hides advice or a judgement" and one per category. It is trained when the project
// is built, from tests/data/coach/questions.tsv, by src/coach_training/; the weights are
// compiled in, so the coach reads no file and needs no network.
#pragma once

#include "core/coach/advice_features.hpp"

#include <array>
#include <cstdint>
#include <span>

namespace intervisie::core::coach {

struct AdviceWeight {
  std::uint64_t id; // advice_feature_id of the feature's name
  float advice;     // towards "hides advice or a judgement" (log-odds)
  std::array<float, advice_category_count> category;
};

struct AdviceModel {
  std::span<const AdviceWeight> weights; // sorted by id
  float threshold;                       // hidden advice from this summed score up
  // The weights of a feature, or nullptr for a feature the corpus never showed often enough.
  const AdviceWeight* find(std::uint64_t id) const;
};

// The model the build trained (generated: advice_model_weights.cpp in the build tree).
const AdviceModel& advice_model();

} // namespace intervisie::core::coach
