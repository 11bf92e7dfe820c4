// SPDX-License-Identifier: EUPL-1.2
// What one participant may see: a Balint draft only to its author until shared; the
// presenter's private notes and notes on answers only to the presenter. The rest is shared.
#include "session_driver.hpp"

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;

const std::vector<ParticipantId> everyone{D::fenna, D::pieter, D::anna, D::bram, D::carla, D::daan};

SessionDriver balint_writing() {
  SessionDriver s("balint");
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::SetStatement{"Ik wil beter omgaan met een boze ouder."});
  s.next();
  s.ok(D::fenna, command::AskQuestion{"Wat zei de ouder precies?"});
  s.ok(D::pieter, command::AnswerQuestion{"Ik merkte dat ik boos werd."});
  s.ok(D::fenna, command::CloseRounds{});
  s.next();
  return s;
}

TEST(View, WithNothingPrivateEveryoneSeesTheWholeState) {
  SessionDriver s("balint");
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
  for (ParticipantId viewer : everyone)
    EXPECT_EQ(view(s.state(), viewer), s.state()) << "participant " << viewer.value;
}

TEST(View, ADraftIsSeenOnlyByItsAuthorUntilShared) {
  SessionDriver s = balint_writing();
  s.ok(D::anna, command::WriteDraft{"Geheim advies van Anna."});
  s.ok(D::bram, command::WriteDraft{"Geheim advies van Bram."});
  for (ParticipantId viewer : everyone) {
    const SessionState seen = view(s.state(), viewer);
    for (const Draft& draft : seen.drafts)
      EXPECT_EQ(draft.author, viewer)
          << "participant " << viewer.value << " sees a draft of " << draft.author.value;
  }
  EXPECT_EQ(view(s.state(), D::anna).drafts.size(), 1u);
  EXPECT_EQ(view(s.state(), D::anna).drafts[0].text, "Geheim advies van Anna.");
}

TEST(View, ADraftEventGoesOnlyToItsAuthor) {
  SessionDriver s = balint_writing();
  const SessionState before = s.state();
  const Events events = s.ok(D::anna, command::WriteDraft{"Geheim advies van Anna."});
  ASSERT_EQ(events.size(), 1u);
  for (ParticipantId viewer : everyone) {
    const auto seen = view(events[0], before, viewer);
    if (viewer == D::anna) {
      EXPECT_EQ(seen, events[0]);
    } else {
      EXPECT_FALSE(seen.has_value()) << "participant " << viewer.value;
    }
  }
}

TEST(View, ASharedDraftIsSeenByEveryone) {
  SessionDriver s = balint_writing();
  for (ParticipantId adviser : s.state().turn_order())
    s.ok(adviser, command::WriteDraft{"Advies."});
  s.next();
  const SessionState before = s.state();
  const Events shared = s.ok(D::fenna, command::ShareAdvice{"De kern."});
  for (ParticipantId viewer : everyone) {
    EXPECT_EQ(view(shared[0], before, viewer), shared[0]);
    const SessionState seen = view(s.state(), viewer);
    const Draft* draft = seen.find_draft(D::fenna);
    ASSERT_NE(draft, nullptr) << "participant " << viewer.value;
    EXPECT_EQ(draft->text, "Advies.");
    EXPECT_EQ(draft->essence, "De kern.");
  }
  // The drafts not yet shared stay with their authors.
  EXPECT_EQ(view(s.state(), D::pieter).drafts.size(), 1u);
}

TEST(View, PrivateNotesAreSeenOnlyByThePresenter) {
  SessionDriver s = balint_writing();
  const SessionState before = s.state();
  const Events note = s.ok(D::pieter, command::WritePrivateNote{"Ik werd boos, waarom?"});
  EXPECT_EQ(view(s.state(), D::pieter).private_notes,
            std::vector<std::string>{"Ik werd boos, waarom?"});
  EXPECT_EQ(view(note[0], before, D::pieter), note[0]);
  for (ParticipantId viewer : {D::fenna, D::anna, D::bram, D::carla, D::daan}) {
    EXPECT_TRUE(view(s.state(), viewer).private_notes.empty()) << "participant " << viewer.value;
    EXPECT_FALSE(view(note[0], before, viewer).has_value()) << "participant " << viewer.value;
  }
}

TEST(View, AnswerNotesAreSeenOnlyByThePresenter) {
  SessionDriver s = balint_writing();
  EXPECT_EQ(view(s.state(), D::pieter).questions[0].answer_note, "Ik merkte dat ik boos werd.");
  for (ParticipantId viewer : {D::fenna, D::anna, D::bram, D::carla, D::daan}) {
    const SessionState seen = view(s.state(), viewer);
    EXPECT_TRUE(seen.questions[0].answer_note.empty()) << "participant " << viewer.value;
    // That the question was answered is no secret.
    EXPECT_EQ(seen.questions[0].outcome, QuestionOutcome::answered);
    EXPECT_EQ(seen.questions[0].text, "Wat zei de ouder precies?");
  }
}

TEST(View, AnAnswerEventReachesEveryoneWithoutItsNote) {
  SessionDriver s("balint");
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
  s.next();
  s.ok(D::fenna, command::AskQuestion{"Wat zei de ouder?"});
  const SessionState before = s.state();
  const Events answered = s.ok(D::pieter, command::AnswerQuestion{"Mijn eigen aantekening."});
  ASSERT_EQ(answered.size(), 1u);
  EXPECT_EQ(view(answered[0], before, D::pieter), answered[0]);
  for (ParticipantId viewer : {D::fenna, D::anna, D::bram, D::carla, D::daan}) {
    const auto seen = view(answered[0], before, viewer);
    ASSERT_TRUE(seen.has_value()) << "participant " << viewer.value;
    const auto& body = std::get<event::QuestionAnswered>(seen->body);
    EXPECT_EQ(body.question, QuestionId{1});
    EXPECT_TRUE(body.note.empty());
  }
}

TEST(View, PublicEventsReachEveryoneUnchanged) {
  SessionDriver s = balint_writing();
  const std::size_t from = s.history().size();
  s.ok(D::fenna, command::AdjustTime{60});
  s.ok(D::anna, command::RaiseDisturbance{"Lawaai."});
  s.ok(D::fenna, command::ResolveDisturbance{});
  const SessionState& state = s.state();
  for (std::size_t i = from; i < s.history().size(); ++i)
    for (ParticipantId viewer : everyone)
      EXPECT_EQ(view(s.history()[i], state, viewer), s.history()[i]);
}

TEST(View, TheSharedScreenNeverLearnsWhoRaisedADisturbance) {
  SessionDriver s("balint");
  const Events raised = s.ok(D::anna, command::RaiseDisturbance{"Ik moet zo weg."});
  constexpr ParticipantId wall{0};
  EXPECT_EQ(view(s.state(), D::bram).disturbance->raised_by, D::anna);
  EXPECT_FALSE(view(s.state(), wall).disturbance->raised_by.has_value());
  EXPECT_EQ(view(s.state(), wall).disturbance->text, "Ik moet zo weg.");
  const SessionState before =
      replay(std::vector<Event>(s.history().begin(), s.history().end() - 1));
  EXPECT_EQ(view(raised.front(), before, D::bram)->actor, D::anna);
  EXPECT_FALSE(view(raised.front(), before, wall)->actor.has_value());
}

// Balint with Pieter presenting, through to the end.
SessionDriver balint_finished() {
  SessionDriver s("balint");
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::SetStatement{"Ik wil beter omgaan met een boze ouder."});
  s.next();
  s.ok(D::fenna, command::AskQuestion{"Wat zei de ouder precies?"});
  s.ok(D::fenna, command::AnswerQuestion{"Dat ik niet luisterde."});
  while (s.state().phase != Phase::finished)
    s.next(true);
  return s;
}

TEST(View, AfterTheEndOnlyThePresenterKeepsTheCase) {
  const SessionDriver s = balint_finished();
  const SessionState presenter = view(s.state(), D::pieter);
  EXPECT_EQ(presenter.statements.size(), 1u);
  EXPECT_EQ(presenter.questions.size(), 1u);
  for (const ParticipantId viewer : {D::fenna, D::anna, ParticipantId{0}}) {
    const SessionState seen = view(s.state(), viewer);
    EXPECT_TRUE(seen.statements.empty()) << "viewer " << viewer.value;
    EXPECT_TRUE(seen.questions.empty()) << "viewer " << viewer.value;
    EXPECT_EQ(seen.title, s.state().title) << "the meeting's name is no case text";
    EXPECT_EQ(seen.participants, s.state().participants);
  }
  EXPECT_TRUE(keeps_the_case(s.state(), D::pieter));
  EXPECT_FALSE(keeps_the_case(s.state(), D::fenna));
}

TEST(View, AfterTheEndTheFacilitatorKeepsTheCaseOfAPresenterWithoutADevice) {
  SessionDriver s("balint");
  const ParticipantId zoe =
      std::get<event::ParticipantAdded>(s.ok(D::fenna, command::AddParticipant{"Zoë"}).front().body)
          .participant;
  s.ok(D::fenna, command::AssignPresenter{zoe});
  s.ok(D::fenna, command::Start{});
  s.ok(D::fenna, command::SetStatement{"Ik wil beter omgaan met een boze ouder."});
  while (s.state().phase != Phase::finished)
    s.next(true);
  EXPECT_EQ(view(s.state(), D::fenna).statements.size(), 1u);
  EXPECT_TRUE(view(s.state(), D::anna).statements.empty());
}

TEST(View, WithoutFreeTextAnEventCarriesNoWordsOfTheCase) {
  const SessionDriver s = balint_finished();
  std::size_t blanked = 0;
  for (const Event& event : s.history()) {
    const Event bare = without_free_text(event);
    EXPECT_EQ(bare.actor, event.actor);
    EXPECT_EQ(bare.at, event.at);
    std::visit(
        [&](const auto& body) {
          if constexpr (requires { body.text; }) {
            EXPECT_TRUE(body.text.empty()) << kind_name(bare.body);
            ++blanked;
          }
          if constexpr (requires { body.note; }) {
            EXPECT_TRUE(body.note.empty());
          }
          if constexpr (requires { body.name; }) {
            EXPECT_FALSE(body.name.empty()) << "names stay";
          }
        },
        bare.body);
  }
  EXPECT_GE(blanked, 2u);
  const Event reaction{at_minute(1), D::pieter, event::ReactionGiven{"Morgen bel ik.", "Waarom."}};
  EXPECT_EQ(std::get<event::ReactionGiven>(without_free_text(reaction).body),
            (event::ReactionGiven{"", ""}));
  const Event shared{at_minute(1), D::anna, event::AdviceShared{D::anna, "Mijn advies.", "Kern."}};
  EXPECT_EQ(std::get<event::AdviceShared>(without_free_text(shared).body),
            (event::AdviceShared{D::anna, "", ""}));
}

TEST(View, ANewcomerSeesNoPrivateText) {
  SessionDriver s = balint_writing();
  s.ok(D::anna, command::WriteDraft{"Geheim."});
  s.ok(D::pieter, command::WritePrivateNote{"Voor mij."});
  const ParticipantId eva = s.join("Eva");
  const SessionState seen = view(s.state(), eva);
  EXPECT_TRUE(seen.drafts.empty());
  EXPECT_TRUE(seen.private_notes.empty());
  EXPECT_TRUE(seen.questions[0].answer_note.empty());
}

} // namespace
} // namespace intervisie::core::testing
