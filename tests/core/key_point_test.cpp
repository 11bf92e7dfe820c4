// SPDX-License-Identifier: EUPL-1.2
// A question asked or an advice given out loud leaves no words: its speaker, the scribe, the
// facilitator or the presenter notes its core in one line, so the record is worth taking home.
#include "session_driver.hpp"

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;

// Incident, six people, in the (spoken) question rounds: Fenna asked out loud, Pieter answered.
SessionDriver after_a_spoken_question() {
  SessionDriver s("incident");
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::ProposeIssue{"Ik zeg te vaak ja."});
  s.ok(D::fenna, command::ChooseIssue{CandidateId{1}});
  s.next();
  s.ok(D::pieter, command::SetStatement{"Ik wil vaker nee zeggen."});
  s.next();
  s.ok(D::fenna, command::AskQuestion{""});
  s.ok(D::pieter, command::AnswerQuestion{});
  return s;
}

constexpr QuestionId first_question{1};

command::NoteKeyPoint on_question(QuestionId question, std::string text) {
  return command::NoteKeyPoint{question, std::nullopt, std::move(text)};
}

TEST(KeyPoints, TheAskerNotesTheCoreOfTheirSpokenQuestion) {
  SessionDriver s = after_a_spoken_question();
  const Events noted = s.ok(D::fenna, on_question(first_question, "Wat ja zeggen je kost."));
  const auto& event = std::get<event::KeyPointNoted>(noted.front().body);
  EXPECT_FALSE(event.recorded_by.has_value()) << "the asker wrote it";
  const Question& question = s.state().questions.front();
  EXPECT_EQ(question.key_point, "Wat ja zeggen je kost.");
  EXPECT_FALSE(question.key_point_by.has_value());
  EXPECT_TRUE(question.text.empty()) << "the question itself stays as it was asked";
}

TEST(KeyPoints, TheFacilitatorTheScribeOrThePresenterMayNoteItAndTheStateSaysWho) {
  SessionDriver s = after_a_spoken_question();
  EXPECT_EQ(s.refused(D::bram, on_question(first_question, "Iets.")),
            RefusalCode::not_allowed_for_role)
      << "another adviser does not write in Fenna's name";
  s.ok(D::pieter, on_question(first_question, "Wat ja zeggen me kost."));
  EXPECT_EQ(s.state().questions.front().key_point_by, D::pieter);
}

TEST(KeyPoints, ALaterKeyPointReplacesTheEarlierAlsoInALaterStep) {
  SessionDriver s = after_a_spoken_question();
  s.ok(D::pieter, on_question(first_question, "Eerste versie."));
  s.next(true); // the gossip round: people catch up
  s.ok(D::fenna, on_question(first_question, "Wat ja zeggen je kost."));
  EXPECT_EQ(s.state().questions.front().key_point, "Wat ja zeggen je kost.");
  EXPECT_FALSE(s.state().questions.front().key_point_by.has_value());
}

TEST(KeyPoints, AreOnlyForWhatWasSaidOutLoud) {
  SessionDriver s = after_a_spoken_question();
  s.ok(D::anna, command::AskQuestion{"Wanneer zeg je ja?"});
  EXPECT_EQ(s.refused(D::anna, on_question(QuestionId{2}, "Wanneer.")),
            RefusalCode::already_written);
}

TEST(KeyPoints, NameExactlyOneQuestionOrOneAdvice) {
  SessionDriver s = after_a_spoken_question();
  EXPECT_EQ(s.refused(D::fenna, command::NoteKeyPoint{std::nullopt, std::nullopt, "Iets."}),
            RefusalCode::wrong_target);
  EXPECT_EQ(s.refused(D::fenna, command::NoteKeyPoint{first_question, AdviceId{1}, "Iets."}),
            RefusalCode::wrong_target);
  EXPECT_EQ(s.refused(D::fenna, on_question(QuestionId{9}, "Iets.")),
            RefusalCode::unknown_question);
  EXPECT_EQ(s.refused(D::fenna, command::NoteKeyPoint{std::nullopt, AdviceId{1}, "Iets."}),
            RefusalCode::unknown_advice);
}

TEST(KeyPoints, AreOneLineOfAtMostThreeHundredCharacters) {
  SessionDriver s = after_a_spoken_question();
  s.ok(D::fenna, on_question(first_question, "Wat het kost \n\n en wat het oplevert"));
  EXPECT_EQ(s.state().questions.front().key_point, "Wat het kost en wat het oplevert");
  s.ok(D::fenna, on_question(first_question, std::string(300, 'k')));
  EXPECT_EQ(s.refused(D::fenna, on_question(first_question, std::string(301, 'k'))),
            RefusalCode::key_point_too_long);
  EXPECT_EQ(s.refused(D::fenna, on_question(first_question, " \n ")), RefusalCode::text_empty);
}

TEST(KeyPoints, AdviceIsNumberedInTheOrderGivenAndGetsItsKeyPointToo) {
  SessionDriver s = after_a_spoken_question();
  s.next(true); // gossip
  s.next(true); // reframe
  s.ok(D::pieter, command::KeepStatement{});
  s.next(); // advice
  s.ok(D::fenna, command::EndPreparation{});
  s.ok(D::fenna, command::GiveAdvice{""});
  s.ok(D::anna, command::GiveAdvice{"zou ik eerst met haar praten."});
  s.ok(D::bram, command::GiveAdvice{""});
  ASSERT_EQ(s.state().advice.size(), 3u);
  EXPECT_EQ(s.state().advice[0].id, AdviceId{1});
  EXPECT_EQ(s.state().advice[2].id, AdviceId{3});
  s.ok(D::fenna, command::NoteKeyPoint{std::nullopt, AdviceId{3}, "Eerst slapen, dan beslissen."});
  EXPECT_EQ(s.state().advice[2].key_point, "Eerst slapen, dan beslissen.");
  EXPECT_EQ(s.state().advice[2].key_point_by, D::fenna);
  EXPECT_EQ(s.refused(D::anna, command::NoteKeyPoint{std::nullopt, AdviceId{2}, "Praten."}),
            RefusalCode::already_written);
}

TEST(KeyPoints, WaitForTheStartAndStopAtTheEnd) {
  SessionDriver lobby("incident");
  EXPECT_EQ(lobby.refused(D::fenna, on_question(first_question, "Iets.")),
            RefusalCode::not_started);
  SessionDriver s = after_a_spoken_question();
  while (s.state().phase != Phase::finished) {
    if (s.step_id() == "reframe")
      s.ok(D::pieter, command::KeepStatement{});
    s.next(true);
  }
  EXPECT_EQ(s.refused(D::fenna, on_question(first_question, "Te laat.")),
            RefusalCode::session_finished);
}

} // namespace
} // namespace intervisie::core::testing
