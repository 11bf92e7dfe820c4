// SPDX-License-Identifier: EUPL-1.2
// Someone who deletes their account leaves a session nameless and wordless: their texts go,
// the facts of who asked and advised in which turn stay, and the others' words stay theirs.
#include "core/session/erasure.hpp"

#include "session_driver.hpp"

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;

// Incident: Pieter presents; everyone asks out loud but Bram, who writes; Anna notes the core of
// her own question; Anna and Bram observe, and Anna leaves a note for Pieter.
SessionDriver with_anna_everywhere() {
  SessionDriver s("incident");
  s.ok(D::fenna, command::Start{});
  s.ok(D::anna, command::ProposeIssue{"Mijn eigen kwestie."});
  s.ok(D::pieter, command::ProposeIssue{"Ik zeg te vaak ja."});
  s.ok(D::fenna, command::ChooseIssue{CandidateId{2}});
  s.next();
  s.ok(D::pieter, command::SetStatement{"Ik wil vaker nee zeggen."});
  s.next();
  for (std::size_t asked = 0; asked < 5 && s.turn(); ++asked) {
    const ParticipantId asker = *s.turn();
    s.ok(asker, command::AskQuestion{asker == D::bram ? "Wat zegt Bram?" : ""});
    s.ok(D::pieter, command::AnswerQuestion{});
  }
  for (const Question& question : s.state().questions)
    if (question.asker == D::anna)
      s.ok(D::anna, command::NoteKeyPoint{question.id, std::nullopt, "Anna's kern."});
  s.next(true); // the gossip
  s.ok(D::anna, command::AddObservation{"Anna zag iets."});
  s.ok(D::bram, command::AddObservation{"Bram zag iets."});
  s.ok(D::anna, command::AddNote{"Anna's notitie."});
  return s;
}

template <class Body> std::vector<Body> all_of(const std::vector<Event>& history) {
  std::vector<Body> found;
  for (const Event& event : history)
    if (const auto* body = std::get_if<Body>(&event.body))
      found.push_back(*body);
  return found;
}

TEST(SessionErasure, ANameBecomesOudLidAndEveryTextTheyWroteGoes) {
  SessionDriver s = with_anna_everywhere();
  const std::vector<Event> erased = erase_participant(s.history(), D::anna);
  for (const auto& joined : all_of<event::ParticipantJoined>(erased))
    EXPECT_NE(joined.name, "Anna");
  for (const auto& issue : all_of<event::IssueProposed>(erased))
    EXPECT_EQ(issue.text.empty(), issue.owner == D::anna);
  for (const auto& question : all_of<event::QuestionAsked>(erased))
    EXPECT_EQ(question.text, question.asker == D::bram ? "Wat zegt Bram?" : "");
  for (const auto& observation : all_of<event::ObservationAdded>(erased))
    EXPECT_EQ(observation.text.empty(), observation.author == D::anna);
  for (const auto& note : all_of<event::NoteAdded>(erased))
    EXPECT_TRUE(note.text.empty());
  const auto key_points = all_of<event::KeyPointNoted>(erased);
  ASSERT_EQ(key_points.size(), 1u);
  EXPECT_TRUE(key_points.front().text.empty()) << "the core of her own question";
  EXPECT_EQ(replay(erased).find_participant(D::anna)->name, "oud-lid");
}

TEST(SessionErasure, TheFactsStayAndTheHistoryStillReplays) {
  SessionDriver s = with_anna_everywhere();
  const std::vector<Event> erased = erase_participant(s.history(), D::anna);
  ASSERT_EQ(erased.size(), s.history().size());
  const SessionState after = replay(erased);
  EXPECT_EQ(after.questions.size(), s.state().questions.size());
  EXPECT_EQ(after.presenter, D::pieter);
  EXPECT_EQ(after.statements, s.state().statements) << "the presenter's words are not hers";
  for (std::size_t i = 0; i < after.questions.size(); ++i)
    EXPECT_EQ(after.questions[i].asker, s.state().questions[i].asker);
}

TEST(SessionErasure, SomeoneElsesWordsStayEvenWhenTheyWereTyped) {
  SessionDriver s = with_anna_everywhere();
  const std::vector<Event> erased = erase_participant(s.history(), D::bram);
  bool anna_kept = false;
  for (const auto& observation : all_of<event::ObservationAdded>(erased)) {
    if (observation.author == D::anna)
      anna_kept = observation.text == "Anna zag iets.";
    if (observation.author == D::bram) {
      EXPECT_TRUE(observation.text.empty());
    }
  }
  EXPECT_TRUE(anna_kept);
  EXPECT_EQ(replay(erased).find_participant(D::anna)->name, "Anna");
}

TEST(SessionErasure, AdviceClosingRemarksAndDisturbancesGoToo) {
  SessionDriver s = with_anna_everywhere();
  s.ok(D::anna, command::RaiseDisturbance{"Anna moet weg."});
  s.ok(D::fenna, command::ResolveDisturbance{});
  s.ok(D::fenna, command::CloseGossip{});
  s.ok(D::pieter, command::Reflect{"Herkenbaar."});
  s.next();
  s.ok(D::pieter, command::KeepStatement{});
  s.next();
  s.ok(D::fenna, command::EndPreparation{});
  while (const auto adviser = s.turn())
    s.ok(*adviser,
         command::GiveAdvice{"zou ik het vragen, zegt " + std::to_string(adviser->value)});
  s.next(true);
  s.ok(D::pieter, command::React{"Morgen nee.", ""});
  s.next();
  for (const ParticipantId p : {D::fenna, D::pieter, D::anna, D::bram, D::carla, D::daan})
    s.ok(p, command::ClosingRemark{"Slotwoord van " + std::to_string(p.value)});

  const std::vector<Event> erased = erase_participant(s.history(), D::anna);
  for (const auto& advice : all_of<event::AdviceGiven>(erased))
    EXPECT_EQ(advice.text.empty(), advice.adviser == D::anna);
  for (const auto& remark : all_of<event::ClosingRemarkMade>(erased))
    EXPECT_EQ(remark.text.empty(), remark.author == D::anna);
  for (const auto& disturbance : all_of<event::DisturbanceRaised>(erased))
    EXPECT_TRUE(disturbance.text.empty());
  EXPECT_EQ(replay(erased).advice.size(), s.state().advice.size());
}

} // namespace
} // namespace intervisie::core::testing
