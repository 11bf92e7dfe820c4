// The presenter's record: theirs alone, only at the end, and faithful to what they typed.
#include "core/report/presenter_record.hpp"

#include <gtest/gtest.h>

namespace intervisie::core {
namespace {

SessionState finished_balint_session() {
  SessionState state;
  state.title = "Nee zeggen";
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
  EXPECT_NE(markdown.find("Wanneer? — *lauw*"), std::string::npos) << markdown;
  EXPECT_NE(to_markdown(*record, Language::en).find("Wanneer? — *lukewarm*"), std::string::npos);
}

} // namespace
} // namespace intervisie::core
