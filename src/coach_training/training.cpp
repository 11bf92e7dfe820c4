// SPDX-License-Identifier: EUPL-1.2
#include "coach_training/training.hpp"

#include "core/coach/question_form.hpp"
#include "core/coach/words.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace intervisie::coach_training {
namespace {

std::vector<std::string> cells_of(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream in(line);
  std::string cell;
  while (std::getline(in, cell, '\t'))
    cells.push_back(cell);
  return cells;
}

std::optional<AdviceCategory> category_from(std::string_view name) {
  static constexpr std::pair<std::string_view, AdviceCategory> names[] = {
      {"explicit_marker", AdviceCategory::explicit_marker},
      {"negated_suggestion", AdviceCategory::negated_suggestion},
      {"obligation_hindsight", AdviceCategory::obligation_hindsight},
      {"suggestion_as_question", AdviceCategory::suggestion_as_question},
      {"reproach", AdviceCategory::reproach},
      {"rhetorical_interpretation", AdviceCategory::rhetorical_interpretation},
  };
  for (const auto& [spelling, category] : names)
    if (spelling == name)
      return category;
  return std::nullopt;
}

float sigmoid(float x) {
  return 1.0f / (1.0f + std::exp(-x));
}

} // namespace

std::vector<Example> read_corpus(const std::string& path, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = "cannot read " + path;
    return {};
  }
  std::vector<Example> examples;
  const std::string source = std::filesystem::absolute(path).parent_path().filename().string();
  std::vector<std::string> header;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line.starts_with('#'))
      continue;
    std::vector<std::string> cells = cells_of(line);
    if (header.empty()) {
      header = std::move(cells);
      continue;
    }
    auto column = [&](std::string_view name) -> const std::string* {
      const auto found = std::ranges::find(header, name);
      return found == header.end() ? nullptr : &cells[found - header.begin()];
    };
    if (cells.size() != header.size() || !column("advice") || !column("text")) {
      error = path + ":" + std::to_string(number) + ": expected the columns of the header";
      return {};
    }
    Example example;
    example.text = *column("text");
    example.source = source;
    example.quoted = column("source") != nullptr;
    example.advice = *column("advice") == "yes";
    if (const std::string* category = column("category")) {
      example.category = *category;
      example.advice_category = category_from(*category);
      if (example.advice && !example.advice_category) {
        error = path + ":" + std::to_string(number) + ": unknown category " + *category;
        return {};
      }
    }
    const auto words = core::coach::words_of(example.text);
    const auto plain = core::coach::without_marks(words);
    const auto form = core::coach::read_question_form(words);
    for (const auto& feature : core::coach::advice_features(example.text, plain, words, form)) {
      example.features.emplace_back(feature.id, feature.value);
      example.priors.push_back(feature.prior);
    }
    examples.push_back(std::move(example));
  }
  return examples;
}

float Model::advice_score(const Example& example) const {
  float score = 0;
  for (const auto& [id, value] : example.features)
    if (auto found = weights.find(id); found != weights.end())
      score += found->second.advice * value;
  return score;
}

AdviceCategory Model::category(const Example& example) const {
  std::array<float, advice_category_count> scores{};
  for (const auto& [id, value] : example.features)
    if (auto found = weights.find(id); found != weights.end())
      for (std::size_t c = 0; c < advice_category_count; ++c)
        scores[c] += found->second.category[c] * value;
  return static_cast<AdviceCategory>(std::ranges::max_element(scores) - scores.begin());
}

Model train(const std::vector<const Example*>& examples, const TrainingOptions& options) {
  // Features seen in too few questions are left out.
  std::unordered_map<std::uint64_t, int> seen_in;
  for (const Example* example : examples) {
    std::vector<std::uint64_t> ids;
    for (const auto& [id, value] : example->features)
      ids.push_back(id);
    std::ranges::sort(ids);
    const auto [last, end] = std::ranges::unique(ids);
    ids.erase(last, end);
    for (std::uint64_t id : ids)
      ++seen_in[id];
  }
  // Each feature's weights and AdaGrad's sums of its squared gradients.
  struct Learning {
    Weights weights;
    Weights squared;
    float prior = 0;
  };
  std::unordered_map<std::uint64_t, Learning> learning;
  for (const Example* example : examples)
    for (std::size_t i = 0; i < example->features.size(); ++i) {
      const auto [id, value] = example->features[i];
      const float prior = example->priors[i];
      if (seen_in[id] >= options.min_count || prior != 0)
        learning.try_emplace(id, Learning{{prior, {}}, {}, prior});
    }

  std::mt19937 random(20240516);
  std::vector<std::size_t> order(examples.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  const float rate = options.learning_rate;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    // Fisher-Yates with the generator's own numbers: the same order on every standard library.
    for (std::size_t i = order.size(); i > 1; --i)
      std::swap(order[i - 1], order[random() % i]);
    for (std::size_t index : order) {
      const Example& example = *examples[index];
      std::vector<std::pair<Learning*, float>> active;
      for (const auto& [id, value] : example.features)
        if (auto found = learning.find(id); found != learning.end())
          active.emplace_back(&found->second, value);
      // Hides advice or not: logistic loss.
      float score = 0;
      for (const auto& [learned, value] : active)
        score += learned->weights.advice * value;
      const float advice_gradient = (sigmoid(score) - (example.advice ? 1.0f : 0.0f)) *
                                    example.weight *
                                    (example.advice ? options.advice_weight : 1.0f);
      // Which kind of advice, for questions that hide some: softmax loss.
      std::array<float, advice_category_count> category_gradient{};
      const bool categorised = example.advice && example.advice_category;
      if (categorised) {
        std::array<float, advice_category_count> scores{};
        for (const auto& [learned, value] : active)
          for (std::size_t c = 0; c < advice_category_count; ++c)
            scores[c] += learned->weights.category[c] * value;
        const float top = *std::ranges::max_element(scores);
        float sum = 0;
        for (float& s : scores)
          sum += (s = std::exp(s - top));
        for (std::size_t c = 0; c < advice_category_count; ++c)
          category_gradient[c] =
              (scores[c] / sum -
               (c == static_cast<std::size_t>(*example.advice_category) ? 1 : 0)) *
              example.weight;
      }
      for (const auto& [learned, value] : active) {
        Weights* weights = &learned->weights;
        Weights& sums = learned->squared;
        const float g = advice_gradient * value + options.l2 * (weights->advice - learned->prior);
        sums.advice += g * g;
        weights->advice -= rate * g / (std::sqrt(sums.advice) + 1e-6f);
        if (!categorised)
          continue;
        for (std::size_t c = 0; c < advice_category_count; ++c) {
          const float gc = category_gradient[c] * value + options.l2 * weights->category[c];
          sums.category[c] += gc * gc;
          weights->category[c] -= rate * gc / (std::sqrt(sums.category[c]) + 1e-6f);
        }
      }
    }
  }
  Model model;
  model.threshold = options.threshold;
  for (const auto& [id, learned] : learning)
    model.weights[id] = learned.weights;
  return model;
}

} // namespace intervisie::coach_training
