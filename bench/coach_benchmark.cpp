// SPDX-License-Identifier: EUPL-1.2
// The wording coach's speed and memory. Every sentence of the labelled training corpus
// (tests/data/coach/; the held-out sets stay unread, speed does not need them) is checked as its
// kind, with the real Dutch dictionary and the hidden-advice model the build trained.
// Budget (issue 5, DESIGN.md): at most 50 µs per sentence (median), at most 30 MB for the coach.
#include "core/coach/advice_model.hpp"
#include "core/coach/coach.hpp"
#include "language/hunspell_verb_oracle.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace intervisie::language {
namespace {

using core::coach::TextKind;

constexpr double budget_median_microseconds = 50;
constexpr double budget_megabytes = 30;

struct Sentence {
  TextKind kind;
  std::string text;
};

// Resident memory of this process in KiB, from /proc (Linux).
long resident_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with("VmRSS:"))
      return std::stol(line.substr(6));
  return -1;
}

std::vector<Sentence> corpus() {
  std::vector<Sentence> sentences;
  const std::filesystem::path root = std::filesystem::path(INTERVISIE_TEST_DATA_DIR) / "coach";
  for (auto [file, kind] : {std::pair{"questions.tsv", TextKind::question},
                            std::pair{"statements.tsv", TextKind::statement},
                            std::pair{"advice.tsv", TextKind::advice}}) {
    std::ifstream in(root / file);
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
      if (line.empty() || line.starts_with('#'))
        continue;
      if (std::exchange(header, false))
        continue;
      sentences.push_back({kind, line.substr(line.rfind('\t') + 1)});
    }
  }
  if (sentences.empty()) {
    std::cerr << "coach_benchmark: no corpus under " << root << "\n";
    std::exit(1);
  }
  return sentences;
}

struct Fixture {
  long kib_before = resident_kib();
  std::unique_ptr<HunspellVerbOracle> oracle;
  long kib_after = 0;
  std::vector<Sentence> sentences = corpus();

  Fixture() {
    auto opened = HunspellVerbOracle::open(default_dictionary);
    if (!opened) {
      std::cerr << "coach_benchmark: " << opened.error() << "\n";
      std::exit(1);
    }
    oracle = std::move(*opened);
    kib_after = resident_kib();
  }
};

Fixture& fixture() {
  static Fixture instance;
  return instance;
}

void CheckEverySentenceOfTheCorpus(benchmark::State& bench) {
  Fixture& f = fixture();
  const core::coach::Coach coach(*f.oracle);
  for (auto _ : bench)
    for (const Sentence& sentence : f.sentences) {
      auto verdict = coach.check(sentence.kind, sentence.text);
      benchmark::DoNotOptimize(verdict);
    }
  bench.SetItemsProcessed(bench.iterations() * static_cast<std::int64_t>(f.sentences.size()));
}
BENCHMARK(CheckEverySentenceOfTheCorpus)->Unit(benchmark::kMillisecond);

// Each sentence on its own, many times over: the median and the slowest sentence.
void print_per_sentence_figures() {
  Fixture& f = fixture();
  const core::coach::Coach coach(*f.oracle);
  constexpr int repeats = 50;
  std::vector<double> microseconds;
  for (const Sentence& sentence : f.sentences) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < repeats; ++i) {
      auto verdict = coach.check(sentence.kind, sentence.text);
      benchmark::DoNotOptimize(verdict);
    }
    const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
    microseconds.push_back(took.count() / repeats);
  }
  std::ranges::sort(microseconds);
  const double median = microseconds[microseconds.size() / 2];
  const double p99 = microseconds[microseconds.size() * 99 / 100];
  const double megabytes = static_cast<double>(f.kib_after - f.kib_before) / 1024.0;
  std::cout << "\n"
            << f.sentences.size() << " sentences: median " << median << " µs per sentence, p99 "
            << p99 << " µs, slowest " << microseconds.back() << " µs (budget "
            << budget_median_microseconds << " µs median) — "
            << (median <= budget_median_microseconds ? "within" : "OVER") << " budget\n"
            << "coach memory (dictionary loaded): " << megabytes << " MB resident (budget "
            << budget_megabytes << " MB) — " << (megabytes <= budget_megabytes ? "within" : "OVER")
            << " budget\n";
  const auto& model = core::coach::advice_model();
  std::cout << "hidden-advice model: " << model.weights.size() << " weights, "
            << model.weights.size_bytes() / 1024 << " KiB compiled in\n";
}

} // namespace
} // namespace intervisie::language

int main(int argc, char** argv) {
  intervisie::language::fixture(); // load before measuring, and measure the load itself
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv))
    return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  intervisie::language::print_per_sentence_figures();
  return 0;
}
