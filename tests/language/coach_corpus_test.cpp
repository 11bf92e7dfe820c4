// The coach against the labelled corpus in tests/data/coach/: prints accuracy, precision and
// recall per check, lists what it got wrong, and fails below the quality bars of issue 5.
// Each bar holds for the corpus the coach was tuned on and, separately, for the held-out set
// (tests/data/coach/holdout/), written apart from the coach and never used to tune it.
#include "core/coach/coach.hpp"
#include "language/hunspell_verb_oracle.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace intervisie::language {
namespace {

using core::coach::Coach;
using core::coach::TextKind;

// Rows of a tab-separated corpus file, header and comments left out.
std::vector<std::vector<std::string>> rows_of(const std::string& name, std::size_t fields) {
  const std::filesystem::path path =
      std::filesystem::path(INTERVISIE_TEST_DATA_DIR) / "coach" / name;
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::vector<std::vector<std::string>> rows;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line.starts_with('#'))
      continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> row;
    std::stringstream cells(line);
    std::string cell;
    while (std::getline(cells, cell, '\t'))
      row.push_back(cell);
    EXPECT_EQ(row.size(), fields) << path << ": " << line;
    if (row.size() == fields)
      rows.push_back(std::move(row));
  }
  return rows;
}

struct Tally {
  int true_positive = 0, false_positive = 0, true_negative = 0, false_negative = 0;
  void add(bool expected, bool got) {
    (expected ? (got ? true_positive : false_negative) : (got ? false_positive : true_negative))++;
  }
  int total() const { return true_positive + false_positive + true_negative + false_negative; }
  double accuracy() const { return double(true_positive + true_negative) / total(); }
  double precision() const { return double(true_positive) / (true_positive + false_positive); }
  double recall() const { return double(true_positive) / (true_positive + false_negative); }
};

void print(std::string_view check, const Tally& tally) {
  std::cout << std::fixed << std::setprecision(1) << "  " << std::left << std::setw(16) << check
            << " n=" << tally.total() << "  accuracy " << 100 * tally.accuracy() << "%  precision "
            << 100 * tally.precision() << "%  recall " << 100 * tally.recall() << "%\n";
}

class CoachCorpusBase : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    auto opened = HunspellVerbOracle::open(default_dictionary);
    ASSERT_TRUE(opened) << opened.error();
    oracle_ = std::move(*opened).release();
  }
  static void TearDownTestSuite() {
    delete oracle_;
    oracle_ = nullptr;
  }
  static HunspellVerbOracle* oracle_;
};

HunspellVerbOracle* CoachCorpusBase::oracle_ = nullptr;

class CoachCorpus : public CoachCorpusBase, public ::testing::WithParamInterface<std::string> {};

INSTANTIATE_TEST_SUITE_P(Sets, CoachCorpus, ::testing::Values("", "holdout/"),
                         [](const ::testing::TestParamInfo<std::string>& set) {
                           return set.param.empty() ? std::string("tuning")
                                                    : std::string("held_out");
                         });

TEST_P(CoachCorpus, QuestionsAreOpenOrClosedAndHiddenAdviceIsCaught) {
  const Coach coach(*oracle_);
  Tally closed, advice;
  for (const auto& row : rows_of(GetParam() + "questions.tsv", 3)) {
    const auto verdict = coach.check(TextKind::question, row[2]);
    ASSERT_TRUE(verdict.question_form && verdict.hidden_advice);
    const bool want_closed = row[0] == "closed";
    const bool got_closed = *verdict.question_form == core::coach::QuestionForm::closed;
    closed.add(want_closed, got_closed);
    advice.add(row[1] == "yes", *verdict.hidden_advice);
    if (want_closed != got_closed)
      std::cout << "  form   want " << row[0] << ": " << row[2] << "\n";
    if ((row[1] == "yes") != *verdict.hidden_advice) {
      std::cout << "  advice want " << row[1] << ": " << row[2];
      for (const auto& hint : verdict.hints)
        for (const auto& trigger : hint.triggers)
          std::cout << " [" << trigger << "]";
      std::cout << "\n";
    }
  }
  print("open/closed", closed);
  print("hidden advice", advice);
  EXPECT_GE(closed.accuracy(), 0.97);
  EXPECT_GE(advice.precision(), 0.90);
  EXPECT_GE(advice.recall(), 0.85);
}

TEST_P(CoachCorpus, StatementsStartWithIkAndAVerbAndAreAboutNow) {
  const Coach coach(*oracle_);
  int right = 0, total = 0;
  Tally ok;
  for (const auto& row : rows_of(GetParam() + "statements.tsv", 2)) {
    const auto verdict = coach.check(TextKind::statement, row[1]);
    ASSERT_TRUE(verdict.statement);
    const std::string got(core::coach::to_string(*verdict.statement));
    ++total;
    right += got == row[0];
    ok.add(row[0] == "ok", got == "ok");
    if (got != row[0])
      std::cout << "  statement want " << row[0] << " got " << got << ": " << row[1] << "\n";
  }
  const double accuracy = double(right) / total;
  std::cout << std::fixed << std::setprecision(1) << "  statement        n=" << total
            << "  accuracy " << 100 * accuracy << "% (every verdict exact)\n";
  print("statement ok", ok);
  EXPECT_GE(accuracy, 0.97);
}

TEST_P(CoachCorpus, AdviceOpensWithTheShoesOfThePresenter) {
  const Coach coach(*oracle_);
  Tally opener;
  for (const auto& row : rows_of(GetParam() + "advice.tsv", 2)) {
    const auto verdict = coach.check(TextKind::advice, row[1]);
    ASSERT_TRUE(verdict.advice_opener);
    const bool got = *verdict.advice_opener == core::coach::AdviceOpener::present;
    opener.add(row[0] == "yes", got);
    if ((row[0] == "yes") != got)
      std::cout << "  opener want " << row[0] << ": " << row[1] << "\n";
  }
  print("advice opener", opener);
  EXPECT_GE(opener.accuracy(), 0.99);
}

} // namespace
} // namespace intervisie::language
