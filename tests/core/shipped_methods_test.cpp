// SPDX-License-Identifier: EUPL-1.2
// The three methods we ship, checked against the domain source (DESIGN.md, "The methods").
#include "core/method/catalogue.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace intervisie::core {
namespace {

using ::testing::ElementsAre;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream file{path, std::ios::binary};
  std::ostringstream text;
  text << file.rdbuf();
  return std::move(text).str();
}

const Catalogue& shipped() {
  static const Catalogue catalogue = [] {
    std::vector<MethodSource> sources;
    for (const char* name : {"incident.toml", "fresh-questioning.toml", "balint.toml"}) {
      const auto path = std::filesystem::path{INTERVISIE_METHODS_DIR} / name;
      sources.push_back({path.string(), read_file(path)});
    }
    auto built = Catalogue::build(std::move(sources));
    if (!built) {
      for (const MethodError& error : built.error()) {
        ADD_FAILURE() << error.describe();
      }
      std::abort();
    }
    return std::move(*built);
  }();
  return catalogue;
}

const Method& method(std::string_view id) {
  const Method* found = shipped().find(id);
  if (found == nullptr) {
    ADD_FAILURE() << "no method " << id;
    std::abort();
  }
  return *found;
}

std::vector<StepKind> kinds_of(const Method& m) {
  std::vector<StepKind> kinds;
  for (const Step& step : m.steps) {
    kinds.push_back(step.kind);
  }
  return kinds;
}

// Sentence ends: '.', '!' or '?' followed by a space, or at the very end.
int sentences_in(std::string_view text) {
  int count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool end = text[i] == '.' || text[i] == '!' || text[i] == '?';
    if (end && (i + 1 == text.size() || text[i + 1] == ' ')) {
      ++count;
    }
  }
  return count;
}

TEST(ShippedMethods, AllThreeLoad) {
  EXPECT_EQ(shipped().methods().size(), 3U);
  EXPECT_EQ(method("incident").name.nl, "Incidentmethode");
  EXPECT_EQ(method("fresh-questioning").name.en, "Fresh Questioning");
  EXPECT_EQ(method("balint").name.nl, "Balintmethode");
}

TEST(ShippedMethods, IncidentHasNineStepsInTheSourceOrder) {
  const Method& incident = method("incident");
  EXPECT_THAT(kinds_of(incident),
              ElementsAre(StepKind::inventory, StepKind::statement, StepKind::question_rounds,
                          StepKind::gossip, StepKind::reframe, StepKind::question_rounds,
                          StepKind::advice, StepKind::presenter_reaction, StepKind::closing));
  EXPECT_FALSE(incident.has_scribe);
}

TEST(ShippedMethods, IncidentStepFiveBranchesToSixOrSeven) {
  const Method& incident = method("incident");
  const Step& reframe = incident.steps[4];
  ASSERT_TRUE(reframe.branches.has_value());
  EXPECT_EQ(incident.step_index(reframe.branches->on_reframe), 5U);
  EXPECT_EQ(incident.step_index(reframe.branches->on_keep), 6U);
}

TEST(ShippedMethods, IncidentQuestionRoundsAreOpenAndAnsweredAtOnce) {
  const Method& incident = method("incident");
  for (std::size_t index : {2U, 5U}) {
    EXPECT_EQ(incident.steps[index].answer_mode, AnswerMode::answer);
    EXPECT_TRUE(incident.steps[index].open_questions);
    EXPECT_FALSE(incident.steps[index].scribe_records);
  }
  EXPECT_TRUE(incident.steps[3].presenter_reflects);
}

TEST(ShippedMethods, IncidentGivesTimeToPrepareQuestionsAndAdvice) {
  const Method& incident = method("incident");
  EXPECT_GT(incident.steps[1].preparation_minutes, 0);
  EXPECT_GT(incident.steps[6].preparation_minutes, 0);
  EXPECT_NE(incident.steps[6].rule.nl.find("Als ik in jouw schoenen stond, dan…"),
            std::string::npos);
}

TEST(ShippedMethods, FreshQuestioningRatesQuestionsAndHasAScribe) {
  const Method& fresh = method("fresh-questioning");
  EXPECT_THAT(kinds_of(fresh), ElementsAre(StepKind::statement, StepKind::question_rounds,
                                           StepKind::gossip, StepKind::presenter_reflection));
  EXPECT_TRUE(fresh.has_scribe);
  EXPECT_EQ(fresh.steps[1].answer_mode, AnswerMode::rate);
  EXPECT_TRUE(fresh.steps[1].scribe_records);
  EXPECT_FALSE(fresh.steps[2].presenter_reflects);
  EXPECT_THAT(fresh.steps[2].listeners, ElementsAre(Party::presenter));
}

TEST(ShippedMethods, BalintAllowsClosedQuestionsAndWrittenAdvice) {
  const Method& balint = method("balint");
  EXPECT_THAT(kinds_of(balint),
              ElementsAre(StepKind::statement, StepKind::question_rounds, StepKind::written_advice,
                          StepKind::share_advice, StepKind::presenter_reaction));
  EXPECT_FALSE(balint.has_scribe);
  EXPECT_EQ(balint.steps[1].answer_mode, AnswerMode::answer);
  EXPECT_FALSE(balint.steps[1].open_questions);
  EXPECT_EQ(balint.steps[2].minutes, 20);
}

TEST(ShippedMethods, MinutesFitAMeetingSlot) {
  EXPECT_THAT(method("incident").total_minutes(),
              ::testing::AllOf(::testing::Ge(75), ::testing::Le(90)));
  EXPECT_THAT(method("fresh-questioning").total_minutes(),
              ::testing::AllOf(::testing::Ge(40), ::testing::Le(50)));
  EXPECT_THAT(method("balint").total_minutes(),
              ::testing::AllOf(::testing::Ge(60), ::testing::Le(70)));
}

TEST(ShippedMethods, EveryTextIsWrittenInBothLanguages) {
  for (const Method& m : shipped().methods()) {
    std::vector<const LocalizedText*> texts{&m.name, &m.purpose};
    for (const Step& step : m.steps) {
      texts.insert(texts.end(), {&step.title, &step.rule, &step.instruction});
    }
    for (const LocalizedText* text : texts) {
      EXPECT_FALSE(text->nl.empty()) << m.id;
      EXPECT_FALSE(text->en.empty()) << m.id;
    }
    // Names may be the same in both (Fresh Questioning); sentences are translated.
    for (const Step& step : m.steps) {
      EXPECT_NE(step.rule.nl, step.rule.en) << m.id << "/" << step.id;
      EXPECT_NE(step.instruction.nl, step.instruction.en) << m.id << "/" << step.id;
    }
  }
}

TEST(ShippedMethods, EveryRuleIsOneSentence) {
  for (const Method& m : shipped().methods()) {
    for (const Step& step : m.steps) {
      EXPECT_EQ(sentences_in(step.rule.nl), 1) << m.id << "/" << step.id << ": " << step.rule.nl;
      EXPECT_EQ(sentences_in(step.rule.en), 1) << m.id << "/" << step.id << ": " << step.rule.en;
    }
  }
}

TEST(ShippedMethods, EveryInstructionIsAtMostThreeSentences) {
  for (const Method& m : shipped().methods()) {
    for (const Step& step : m.steps) {
      EXPECT_LE(sentences_in(step.instruction.nl), 3) << m.id << "/" << step.id;
      EXPECT_LE(sentences_in(step.instruction.en), 3) << m.id << "/" << step.id;
    }
  }
}

} // namespace
} // namespace intervisie::core
