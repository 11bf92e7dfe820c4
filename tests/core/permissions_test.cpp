// What each participant may do now is what the engine accepts, asked of decide() itself: the
// screens offer exactly that and nothing more.
#include "core/session/permissions.hpp"

#include "session_driver.hpp"

#include <random>

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;

template <class T>
constexpr std::size_t kind = [] {
  std::size_t index = 0;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((std::is_same_v<T, std::variant_alternative_t<I, CommandBody>> ? (index = I, 0) : 0), ...);
  }
  (std::make_index_sequence<std::variant_size_v<CommandBody>>{});
  return index;
}();

template <class T> bool may(const SessionDriver& s, ParticipantId who) {
  return permissions(s.state(), who, s.now, s.away).own.test(kind<T>);
}

template <class T> bool may_for(const SessionDriver& s, ParticipantId who, ParticipantId other) {
  const auto p = permissions(s.state(), who, s.now, s.away);
  const auto found = p.on_behalf.find(other);
  return found != p.on_behalf.end() && found->second.test(kind<T>);
}

SessionDriver question_rounds() {
  SessionDriver s("incident");
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::ProposeIssue{"Ik zeg te vaak ja."});
  s.ok(D::fenna, command::ChooseIssue{CandidateId{1}});
  s.next();
  s.ok(D::pieter, command::SetStatement{"Ik wil vaker nee zeggen."});
  s.next();
  return s;
}

TEST(Permissions, OnlyTheTurnHolderMayAsk) {
  SessionDriver s = question_rounds();
  EXPECT_TRUE(may<command::AskQuestion>(s, D::fenna));
  EXPECT_TRUE(may<command::Pass>(s, D::fenna));
  EXPECT_FALSE(may<command::AskQuestion>(s, D::anna)) << "a follow-up waits for your turn";
  EXPECT_FALSE(may<command::AskQuestion>(s, D::pieter));
}

TEST(Permissions, ThePresenterMayAnswerOnlyWhenAQuestionWaits) {
  SessionDriver s = question_rounds();
  EXPECT_FALSE(may<command::AnswerQuestion>(s, D::pieter));
  s.ok(D::fenna, command::AskQuestion{"Wat maakt het lastig?"});
  EXPECT_TRUE(may<command::AnswerQuestion>(s, D::pieter));
  EXPECT_TRUE(may<command::DeclineQuestion>(s, D::pieter));
  EXPECT_FALSE(may<command::AskQuestion>(s, D::anna)) << "the answer comes first";
}

TEST(Permissions, TheFacilitatorMayActForSomeoneAwayOnlyWhileTheyAreAway) {
  SessionDriver s = question_rounds();
  s.ok(D::fenna, command::Pass{});
  EXPECT_FALSE(may_for<command::Pass>(s, D::fenna, D::anna));
  s.away.add(D::anna);
  EXPECT_TRUE(may_for<command::Pass>(s, D::fenna, D::anna));
  EXPECT_TRUE(may_for<command::AskQuestion>(s, D::fenna, D::anna));
  EXPECT_FALSE(may_for<command::Pass>(s, D::bram, D::anna)) << "only the facilitator";
  EXPECT_FALSE(may_for<command::Pass>(s, D::fenna, D::bram)) << "not for someone who is here";
}

TEST(Permissions, MovingOnCountsWhenAConfirmationWouldPass) {
  SessionDriver s = question_rounds();
  EXPECT_TRUE(may<command::NextStep>(s, D::fenna));
  const StepReadiness soft = step_readiness(s.state(), D::fenna, s.now);
  EXPECT_FALSE(soft.ready);
  EXPECT_EQ(soft.missing, RefusalCode::step_rule_not_met);
  EXPECT_TRUE(soft.confirmable);
  s.ok(D::fenna, command::AskQuestion{"Wat maakt het lastig?"});
  const StepReadiness hard = step_readiness(s.state(), D::fenna, s.now);
  EXPECT_EQ(hard.missing, RefusalCode::answer_pending);
  EXPECT_FALSE(hard.confirmable) << "a question on the table cannot be skipped";
  EXPECT_FALSE(may<command::NextStep>(s, D::fenna));
}

TEST(Permissions, NobodyButTheFacilitatorMovesOn) {
  SessionDriver s = question_rounds();
  EXPECT_FALSE(may<command::NextStep>(s, D::anna));
  EXPECT_FALSE(may<command::CloseRounds>(s, D::anna));
  EXPECT_TRUE(may<command::CloseRounds>(s, D::fenna));
}

// Over many random moments: whatever a participant actually managed to do was in their list
// the moment before, and whatever was refused on their own account was not — for the sample
// the engine itself would have judged.
TEST(Permissions, AgreeWithTheEngineAtEveryMomentOfASession) {
  std::mt19937 random(20261205);
  for (int run = 0; run < 20; ++run) {
    SessionDriver s = question_rounds();
    for (int move = 0; move < 60 && s.state().phase == Phase::running; ++move) {
      const auto& people = s.state().participants;
      const ParticipantId who = people[random() % people.size()].id;
      const Permissions before = permissions(s.state(), who, s.now, s.away);
      std::vector<CommandBody> tries{command::Pass{},
                                     command::AskQuestion{"Wat dan?"},
                                     command::AnswerQuestion{},
                                     command::DeclineQuestion{},
                                     command::CloseRounds{},
                                     command::NextStep{true},
                                     command::AddObservation{"Stil."},
                                     command::CloseGossip{},
                                     command::Reflect{""},
                                     command::KeepStatement{},
                                     command::GiveAdvice{"zou ik rusten."},
                                     command::React{"Ja", ""},
                                     command::ClosingRemark{""},
                                     command::EndPreparation{}};
      CommandBody body = tries[random() % tries.size()];
      const std::size_t index = body.index();
      const bool accepted = s.send(who, std::move(body)).has_value();
      EXPECT_EQ(before.own.test(index), accepted)
          << "kind " << index << " for participant " << who.value << " at " << s.step_id();
    }
  }
}

} // namespace
} // namespace intervisie::core::testing
