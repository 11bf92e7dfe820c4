// SPDX-License-Identifier: EUPL-1.2
// The presenter's record: theirs alone, only at the end, and faithful to what they typed.
#include "core/report/presenter_record.hpp"

#include <gtest/gtest.h>

namespace intervisie::core {
namespace {

SessionState finished_balint_session() {
  SessionState state;
  state.title = "Nee zeggen";
  state.participants = {{ParticipantId{1}, "Fenna"},
                        {ParticipantId{2}, "Pieter"},
                        {ParticipantId{3}, "Anna"},
                        {ParticipantId{4}, "Bram"}};
  state.phase = Phase::finished;
  state.presenter = ParticipantId{2};
  state.statements = {"Hoe zeg ik nee?"};
  state.drafts = {{ParticipantId{3}, "Begin klein.", true, "Oefenen"},
                  {ParticipantId{4}, "Nog niet gedeeld", false, ""}};
  state.private_notes = {"# niet vergeten"};
  state.questions = {{QuestionId{1}, 2, 1, ParticipantId{3}, std::nullopt, "Wanneer?",
                      QuestionOutcome::rated, Rating::lukewarm, std::nullopt, ""}};
  return state;
}

TEST(PresenterRecordRules, OnlyThePresenterMayReadIt) {
  const SessionState state = finished_balint_session();
  EXPECT_EQ(presenter_record(state, ParticipantId{3}).error(), RecordRefusal::not_presenter);
  EXPECT_EQ(presenter_record(state, ParticipantId{0}).error(), RecordRefusal::not_presenter);
  EXPECT_TRUE(presenter_record(state, ParticipantId{2}).has_value());
}

TEST(PresenterRecordRules, ItIsReadyOnlyWhenTheSessionHasEnded) {
  SessionState state = finished_balint_session();
  state.phase = Phase::running;
  EXPECT_EQ(presenter_record(state, ParticipantId{2}).error(), RecordRefusal::session_not_finished);
}

TEST(PresenterRecordRules, AnUnsharedDraftNeverReachesTheRecord) {
  const auto record = presenter_record(finished_balint_session(), ParticipantId{2});
  ASSERT_EQ(record->shared_advice.size(), 1u);
  EXPECT_EQ(record->shared_advice[0].essence, "Oefenen");
  EXPECT_EQ(to_markdown(*record, Language::nl).find("Nog niet gedeeld"), std::string::npos);
}

TEST(PresenterRecordRules, TypedTextStaysTextInTheMarkdown) {
  const auto record = presenter_record(finished_balint_session(), ParticipantId{2});
  const std::string markdown = to_markdown(*record, Language::nl);
  EXPECT_NE(markdown.find("- \\# niet vergeten"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("1. Anna: Wanneer? — *lauw*"), std::string::npos) << markdown;
  EXPECT_NE(to_markdown(*record, Language::en).find("Wanneer? — *lukewarm*"), std::string::npos);
}

// Spoken contributions: one with a key point, the others without.
SessionState finished_incident_session() {
  SessionState state = finished_balint_session();
  state.drafts.clear();
  const auto asked = [](std::uint32_t id, std::uint32_t asker, std::string text,
                        std::optional<std::string> key_point) {
    return Question{.id = QuestionId{id},
                    .asker = ParticipantId{asker},
                    .text = std::move(text),
                    .outcome = QuestionOutcome::answered,
                    .key_point = std::move(key_point)};
  };
  state.questions = {asked(1, 3, "", "Wat ja zeggen je kost."), asked(2, 4, "", std::nullopt),
                     asked(3, 3, "Wanneer?", std::nullopt), asked(4, 3, "", std::nullopt),
                     asked(5, 4, "", std::nullopt)};
  state.observations = {{3, ParticipantId{4}, "Het werd stil bij thuis.", std::nullopt}};
  state.advice = {
      {.id = AdviceId{1}, .adviser = ParticipantId{1}, .text = ""},
      {.id = AdviceId{2}, .adviser = ParticipantId{3}, .text = "", .key_point = "Bel haar."},
      {.id = AdviceId{3},
       .adviser = ParticipantId{4},
       .text = "Als ik in jouw schoenen stond, dan wachtte ik."}};
  state.notes = {{6, ParticipantId{1}, "Eén keer per week nee."}};
  return state;
}

TEST(PresenterRecordRules, EveryContributionNamesItsAuthor) {
  const auto record = presenter_record(finished_incident_session(), ParticipantId{2});
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->questions[0].by, "Anna");
  EXPECT_TRUE(record->questions[0].spoken);
  EXPECT_EQ(record->questions[0].key_point, "Wat ja zeggen je kost.");
  EXPECT_FALSE(record->questions[2].spoken);
  EXPECT_EQ(record->observations[0].by, "Bram");
  EXPECT_EQ(record->advice[1].by, "Anna");
  EXPECT_EQ(record->advice[1].key_point, "Bel haar.");
  EXPECT_EQ(record->key_points[0].by, "Fenna");
}

TEST(PresenterRecordRules, SpokenItemsShowTheirKeyPointAndTheRestAreSummedUpByName) {
  const auto record = presenter_record(finished_incident_session(), ParticipantId{2});
  const std::string markdown = to_markdown(*record, Language::nl);
  EXPECT_NE(markdown.find("1. Anna (hardop): Wat ja zeggen je kost. — *beantwoord*"),
            std::string::npos)
      << markdown;
  EXPECT_NE(markdown.find("2. Anna: Wanneer? — *beantwoord*"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("Ook hardop gesteld, zonder kern: Bram (2), Anna\n"), std::string::npos)
      << markdown;
  EXPECT_NE(markdown.find("- Anna (hardop): Bel haar."), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("- Bram: Als ik in jouw schoenen"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("Ook hardop gegeven, zonder kern: Fenna\n"), std::string::npos)
      << markdown;
  EXPECT_NE(markdown.find("- Bram: Het werd stil bij thuis."), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("- Fenna: Eén keer per week nee."), std::string::npos) << markdown;
  EXPECT_EQ(markdown.find("(hardop) —"), std::string::npos) << "no empty spoken lines";
  const std::string english = to_markdown(*record, Language::en);
  EXPECT_NE(english.find("Also asked out loud, without a key point: Bram (2), Anna"),
            std::string::npos)
      << english;
  EXPECT_NE(english.find("- Anna (out loud): Bel haar."), std::string::npos) << english;
}

} // namespace
} // namespace intervisie::core
