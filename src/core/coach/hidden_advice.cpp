// SPDX-License-Identifier: EUPL-1.2
#include "core/coach/hidden_advice.hpp"

#include "core/coach/advice_model.hpp"

#include <algorithm>

namespace intervisie::core::coach {
namespace {

struct Heard {
  std::size_t first, last; // plain words
  float weight;
};

// The listened-for phrases that pushed towards advice most; else the one to three words that
// did. Phrases inside one already heard add nothing ("geprobeerd" in "al eens geprobeerd"),
// overlapping ones join.
std::vector<Heard> what_was_heard(const std::vector<AdviceFeature>& features,
                                  const std::vector<float>& contributions,
                                  const std::vector<float>& per_word) {
  std::vector<Heard> cues;
  float strongest = 0;
  for (std::size_t i = 0; i < features.size(); ++i)
    if (features[i].cue && contributions[i] > 0)
      strongest = std::max(strongest, contributions[i]);
  for (std::size_t i = 0; i < features.size(); ++i) {
    const AdviceFeature& feature = features[i];
    if (!feature.cue || contributions[i] <= 0 || contributions[i] < strongest / 3)
      continue;
    cues.push_back({feature.first, feature.last, contributions[i]});
  }
  std::ranges::sort(cues, std::ranges::greater{}, [](const Heard& h) { return h.last - h.first; });
  std::vector<Heard> heard;
  for (const Heard& cue : cues) {
    const bool inside = std::ranges::any_of(
        heard, [&](const Heard& h) { return h.first <= cue.first && cue.last <= h.last; });
    if (!inside)
      heard.push_back(cue);
  }
  if (heard.empty()) {
    Heard best{0, 0, 0};
    for (std::size_t first = 0; first < per_word.size(); ++first) {
      float sum = 0;
      for (std::size_t last = first; last < per_word.size() && last < first + 3; ++last) {
        sum += per_word[last];
        if (sum > best.weight)
          best = {first, last, sum};
      }
    }
    if (best.weight <= 0 && !per_word.empty())
      best = {0, per_word.size() - 1, 0}; // the question as a whole
    if (!per_word.empty())
      heard.push_back(best);
  }
  // Overlapping phrases are one thing heard: "niet verstandiger" and "verstandiger om".
  std::ranges::sort(heard, {}, &Heard::first);
  std::vector<Heard> merged;
  for (const Heard& h : heard) {
    if (!merged.empty() && h.first <= merged.back().last)
      merged.back().last = std::max(merged.back().last, h.last);
    else
      merged.push_back(h);
  }
  return merged;
}

} // namespace

HiddenAdviceReading read_hidden_advice(std::string_view text, const std::vector<Word>& words,
                                       const QuestionFormReading& form) {
  const std::vector<Word> plain = without_marks(words);
  const std::vector<AdviceFeature> features = advice_features(text, plain, words, form);
  const AdviceModel& model = advice_model();

  HiddenAdviceReading reading;
  std::array<float, advice_category_count> categories{};
  std::vector<float> contributions(features.size(), 0);
  std::vector<float> per_word(plain.size(), 0);
  for (std::size_t i = 0; i < features.size(); ++i) {
    const AdviceFeature& feature = features[i];
    const AdviceWeight* weight = model.find(feature.id);
    if (!weight)
      continue;
    contributions[i] = weight->advice * feature.value;
    reading.score += contributions[i];
    for (std::size_t c = 0; c < advice_category_count; ++c)
      categories[c] += weight->category[c] * feature.value;
    if (feature.first == AdviceFeature::none)
      continue;
    const float share = contributions[i] / static_cast<float>(feature.last - feature.first + 1);
    for (std::size_t w = feature.first; w <= feature.last && w < per_word.size(); ++w)
      per_word[w] += share;
  }
  reading.found = reading.score >= model.threshold;
  if (!reading.found)
    return reading;
  reading.category =
      static_cast<AdviceCategory>(std::ranges::max_element(categories) - categories.begin());
  for (const Heard& heard : what_was_heard(features, contributions, per_word)) {
    const Span span{plain[heard.first].begin, plain[heard.last].end};
    if (reading.triggers.empty())
      reading.span = span;
    reading.span.begin = std::min(reading.span.begin, span.begin);
    reading.span.end = std::max(reading.span.end, span.end);
    reading.triggers.emplace_back(text.substr(span.begin, span.end - span.begin));
  }
  return reading;
}

} // namespace intervisie::core::coach
