// SPDX-License-Identifier: EUPL-1.2
// coach_trainer: trains the wording coach's hidden-advice model from the labelled questions and
// writes it as C++ for the build (--out), or estimates how well it generalises by k-fold
// cross-validation (--cross-validate K), or shows what it weighs in one question (--explain).
#include "coach_training/training.hpp"

#include "core/coach/advice_model.hpp"

#include "core/coach/question_form.hpp"
#include "core/coach/words.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace intervisie::coach_training {
namespace {

struct Arguments {
  std::vector<std::pair<std::string, float>> corpora; // each with the weight given before it
  float corpus_weight = 1;
  std::string out;
  int folds = 0;
  std::string explain;
  TrainingOptions training;
};

void usage() {
  std::cerr << "usage: coach_trainer --corpus questions.tsv [--corpus more.tsv ...] "
               "[--threshold T] (--out model.cpp | --cross-validate K | --explain TEXT)\n";
}

struct Tally {
  int true_positive = 0, false_positive = 0, true_negative = 0, false_negative = 0;
  void add(bool expected, bool got) {
    (expected ? (got ? true_positive : false_negative) : (got ? false_positive : true_negative))++;
  }
  double precision() const { return double(true_positive) / (true_positive + false_positive); }
  double recall() const { return double(true_positive) / (true_positive + false_negative); }
};

std::vector<const Example*> all_of(const std::vector<Example>& examples) {
  std::vector<const Example*> all;
  for (const Example& example : examples)
    all.push_back(&example);
  return all;
}

// Stratified by labelled category: each fold holds its share of every kind of question.
int cross_validate(const std::vector<Example>& examples, int folds,
                   const TrainingOptions& options) {
  std::map<std::string, std::vector<std::size_t>> by_category;
  for (std::size_t i = 0; i < examples.size(); ++i)
    by_category[examples[i].category + (examples[i].advice ? "+" : "-")].push_back(i);
  std::vector<int> fold_of(examples.size());
  int next = 0;
  for (auto& [category, members] : by_category)
    for (std::size_t i : members)
      fold_of[i] = next++ % folds;

  std::vector<bool> flagged(examples.size());
  std::vector<float> scores(examples.size());
  std::vector<AdviceCategory> heard_as(examples.size());
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<const Example*> training;
    for (std::size_t i = 0; i < examples.size(); ++i)
      if (fold_of[i] != fold)
        training.push_back(&examples[i]);
    const Model model = train(training, options);
    for (std::size_t i = 0; i < examples.size(); ++i)
      if (fold_of[i] == fold) {
        scores[i] = model.advice_score(examples[i]) - model.threshold;
        flagged[i] = scores[i] >= 0;
        heard_as[i] = model.category(examples[i]);
      }
  }

  Tally total;
  std::map<std::string, Tally> per_category;
  std::map<std::string, int> right_kind;
  for (std::size_t i = 0; i < examples.size(); ++i) {
    total.add(examples[i].advice, flagged[i]);
    per_category[examples[i].category].add(examples[i].advice, flagged[i]);
    if (flagged[i] && examples[i].advice_category && heard_as[i] == *examples[i].advice_category)
      ++right_kind[examples[i].category];
  }
  std::printf("%d-fold cross-validation, %zu questions (each judged by a model that never saw "
              "it)\n\n",
              folds, examples.size());
  std::printf("| category | advice | n | flagged | not flagged | recall / false alarms | "
              "kind heard right |\n|---|---|---|---|---|---|---|\n");
  for (const auto& [category, tally] : per_category) {
    const bool advice = tally.true_positive + tally.false_negative > 0;
    const int n =
        tally.true_positive + tally.false_positive + tally.true_negative + tally.false_negative;
    if (advice)
      std::printf("| %s | yes | %d | %d | %d | recall %.1f%% | %d of %d |\n", category.c_str(), n,
                  tally.true_positive, tally.false_negative, 100 * tally.recall(),
                  right_kind[category], tally.true_positive);
    else
      std::printf("| %s | no | %d | %d | %d | false alarms %.1f%% | |\n", category.c_str(), n,
                  tally.false_positive, tally.true_negative, 100.0 * tally.false_positive / n);
  }
  std::printf("\nhidden advice: precision %.1f%%, recall %.1f%% (tp %d, fp %d, fn %d, tn %d)\n",
              100 * total.precision(), 100 * total.recall(), total.true_positive,
              total.false_positive, total.false_negative, total.true_negative);
  if (std::getenv("COACH_TRAINER_ERRORS"))
    for (std::size_t i = 0; i < examples.size(); ++i)
      if (flagged[i] != examples[i].advice)
        std::printf("  %s %+.2f %s %s: %s\n", examples[i].advice ? "missed" : "false ",
                    static_cast<double>(scores[i]), examples[i].source.c_str(),
                    examples[i].category.c_str(), examples[i].text.c_str());
  std::map<std::string, Tally> per_source;
  for (std::size_t i = 0; i < examples.size(); ++i) {
    per_source[examples[i].source].add(examples[i].advice, flagged[i]);
    if (examples[i].quoted)
      per_source["(all quoted)"].add(examples[i].advice, flagged[i]);
  }
  std::printf("\nper source:");
  for (const auto& [source, tally] : per_source)
    std::printf("  %s P %.1f%% R %.1f%% (n %d)", source.c_str(), 100 * tally.precision(),
                100 * tally.recall(),
                tally.true_positive + tally.false_positive + tally.true_negative +
                    tally.false_negative);
  std::printf("\nif the threshold moved:");
  for (float shift : {-1.0f, -0.5f, 0.5f, 1.0f, 1.5f}) {
    Tally moved;
    for (std::size_t i = 0; i < examples.size(); ++i)
      moved.add(examples[i].advice, scores[i] >= shift);
    std::printf("  %+.1f: P %.1f%% R %.1f%%", static_cast<double>(shift), 100 * moved.precision(),
                100 * moved.recall());
  }
  // The threshold a build should use: the one that hears most while precision stays at 90 %,
  // over all questions and over those quoted from public pages (said outside intervision); and
  // the precision left where recall reaches 85 %.
  for (const bool public_only : {false, true}) {
    float best_shift = 0, recall_shift = 0;
    Tally best, at_recall;
    double best_recall = -1, best_precision = -1;
    for (float shift = -6.0f; shift <= 6.0f; shift += 0.05f) {
      Tally moved;
      for (std::size_t i = 0; i < examples.size(); ++i)
        if (!public_only || examples[i].quoted)
          moved.add(examples[i].advice, scores[i] >= shift);
      if (moved.true_positive > 0 && moved.precision() >= 0.9 && moved.recall() > best_recall) {
        best = moved;
        best_recall = moved.recall();
        best_shift = shift;
      }
      if (moved.recall() >= 0.85 && moved.precision() > best_precision) {
        at_recall = moved;
        best_precision = moved.precision();
        recall_shift = shift;
      }
    }
    std::printf("\n%s: precision >= 90%% from %+.2f on: P %.1f%% R %.1f%%; recall >= 85%% up to "
                "%+.2f: P %.1f%% R %.1f%%",
                public_only ? "quoted from public pages" : "all", static_cast<double>(best_shift),
                100 * best.precision(), 100 * best.recall(), static_cast<double>(recall_shift),
                100 * at_recall.precision(), 100 * at_recall.recall());
  }
  // How well the scores rank questions quoted from public pages, whatever the threshold: the
  // chance that one with hidden advice scores above one without (area under the ROC curve).
  std::vector<float> with, without;
  for (std::size_t i = 0; i < examples.size(); ++i)
    if (examples[i].quoted)
      (examples[i].advice ? with : without).push_back(scores[i]);
  double above = 0;
  for (float a : with)
    for (float b : without)
      above += a > b ? 1 : a == b ? 0.5 : 0;
  if (!with.empty() && !without.empty())
    std::printf("\nquoted from public pages: AUC %.3f",
                above / double(with.size() * without.size()));
  std::printf("\n");
  return 0;
}

int write_model(const std::vector<Example>& examples, const std::string& out,
                const TrainingOptions& options) {
  const Model model = train(all_of(examples), options);
  std::vector<std::pair<std::uint64_t, Weights>> kept;
  for (const auto& [id, weights] : model.weights) {
    float largest = std::abs(weights.advice);
    for (float w : weights.category)
      largest = std::max(largest, std::abs(w));
    if (largest >= 1e-4f)
      kept.emplace_back(id, weights);
  }
  std::ranges::sort(kept, {}, [](const auto& entry) { return entry.first; });
  Tally tally;
  for (const Example& example : examples)
    tally.add(example.advice, model.advice_score(example) >= model.threshold);

  const std::string temporary = out + ".tmp";
  {
    std::ofstream file(temporary);
    if (!file) {
      std::cerr << "coach_trainer: cannot write " << out << "\n";
      return 1;
    }
    file << "// Generated by coach_trainer (src/coach_training/) from the coach's labelled "
            "questions,\n// tests/data/coach/*questions.tsv. Do not edit: change the corpus or the "
            "trainer.\n"
            "#include \"core/coach/advice_model.hpp\"\n\nnamespace intervisie::core::coach {\n"
            "namespace {\n\nconstexpr AdviceWeight weights[] = {\n";
    char line[512];
    for (const auto& [id, weights] : kept) {
      std::snprintf(line, sizeof line, "    {0x%016llxull, %.6ef, {",
                    static_cast<unsigned long long>(id), static_cast<double>(weights.advice));
      file << line;
      for (std::size_t c = 0; c < advice_category_count; ++c) {
        std::snprintf(line, sizeof line, "%s%.5ef", c == 0 ? "" : ", ",
                      static_cast<double>(weights.category[c]));
        file << line;
      }
      file << "}},\n";
    }
    std::snprintf(line, sizeof line, "%.6ef", static_cast<double>(model.threshold));
    file << "};\n\n} // namespace\n\nconst AdviceModel& advice_model() {\n"
            "  static const AdviceModel model{weights, "
         << line << "};\n  return model;\n}\n\n} // namespace intervisie::core::coach\n";
  }
  std::rename(temporary.c_str(), out.c_str());
  std::printf("coach_trainer: %zu questions, %zu weights kept (%zu KiB); on its own corpus "
              "precision %.1f%%, recall %.1f%%\n",
              examples.size(), kept.size(), kept.size() * sizeof(core::coach::AdviceWeight) / 1024,
              100 * tally.precision(), 100 * tally.recall());
  return 0;
}

int explain(const std::vector<Example>& examples, const std::string& text,
            const TrainingOptions& options) {
  const Model model = train(all_of(examples), options);
  const auto words = core::coach::words_of(text);
  const auto plain = core::coach::without_marks(words);
  const auto form = core::coach::read_question_form(words);
  std::vector<std::pair<float, std::string>> weighed;
  float score = 0;
  core::coach::for_each_advice_feature(
      text, plain, words, form, [&](std::string_view name, const core::coach::AdviceFeature& f) {
        if (auto found = model.weights.find(f.id); found != model.weights.end()) {
          weighed.emplace_back(found->second.advice * f.value, std::string(name));
          score += found->second.advice * f.value;
        }
      });
  std::ranges::sort(
      weighed, [](const auto& a, const auto& b) { return std::abs(a.first) > std::abs(b.first); });
  std::printf("score %.3f (threshold %.3f)\n", static_cast<double>(score),
              static_cast<double>(model.threshold));
  for (std::size_t i = 0; i < weighed.size() && i < 25; ++i)
    std::printf("  %+.3f  %s\n", static_cast<double>(weighed[i].first), weighed[i].second.c_str());
  return 0;
}

} // namespace
} // namespace intervisie::coach_training

int main(int argc, char** argv) {
  using namespace intervisie::coach_training;
  Arguments arguments;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--corpus")
      arguments.corpora.emplace_back(argv[i + 1], arguments.corpus_weight);
    else if (flag == "--weight")
      arguments.corpus_weight = std::stof(argv[i + 1]);
    else if (flag == "--advice-weight")
      arguments.training.advice_weight = std::stof(argv[i + 1]);
    else if (flag == "--out")
      arguments.out = argv[i + 1];
    else if (flag == "--cross-validate")
      arguments.folds = std::stoi(argv[i + 1]);
    else if (flag == "--explain")
      arguments.explain = argv[i + 1];
    else if (flag == "--epochs")
      arguments.training.epochs = std::stoi(argv[i + 1]);
    else if (flag == "--rate")
      arguments.training.learning_rate = std::stof(argv[i + 1]);
    else if (flag == "--l2")
      arguments.training.l2 = std::stof(argv[i + 1]);
    else if (flag == "--threshold")
      arguments.training.threshold = std::stof(argv[i + 1]);
    else if (flag == "--min-count")
      arguments.training.min_count = std::stoi(argv[i + 1]);
    else {
      usage();
      return 2;
    }
  }
  if (arguments.corpora.empty() ||
      (arguments.out.empty() && arguments.folds < 2 && arguments.explain.empty())) {
    usage();
    return 2;
  }
  std::vector<Example> examples;
  for (const auto& [corpus, weight] : arguments.corpora) {
    std::string error;
    std::vector<Example> read = read_corpus(corpus, error);
    if (!error.empty()) {
      std::cerr << "coach_trainer: " << error << "\n";
      return 1;
    }
    for (Example& example : read)
      example.weight = weight;
    std::ranges::move(read, std::back_inserter(examples));
  }
  if (arguments.folds >= 2)
    return cross_validate(examples, arguments.folds, arguments.training);
  if (!arguments.explain.empty())
    return explain(examples, arguments.explain, arguments.training);
  return write_model(examples, arguments.out, arguments.training);
}
