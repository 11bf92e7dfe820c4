// SPDX-License-Identifier: EUPL-1.2
// Every refusal has its own code. This file triggers each RefusalCode once through decide()
// (title_required and title_too_long only exist for create_session, no_place_to_claim for
// place_to_claim, and what a step lacks before moving on for next_step_readiness), so a reader
// sees at a glance
// that every code can really happen and what makes it happen. The rule tests cover each in context.
#include "core/session/readiness.hpp"
#include "session_driver.hpp"

#include <functional>
#include <iostream>
#include <map>

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;

SessionDriver lobby(const std::string& method_id, std::size_t people = 6,
                    bool facilitator_takes_turns = true) {
  return SessionDriver(method_id, people, facilitator_takes_turns);
}

SessionDriver started(const std::string& method_id, std::size_t people = 6) {
  SessionDriver s(method_id, people);
  if (method_id != "incident") {
    s.ok(D::fenna, command::AssignPresenter{D::pieter});
    if (method_id == "fresh-questioning")
      s.ok(D::fenna, command::AssignScribe{D::anna});
  }
  s.ok(D::fenna, command::Start{});
  return s;
}

SessionDriver inventory() {
  SessionDriver s = started("incident");
  s.ok(D::pieter, command::ProposeIssue{"Ik wil iets."});
  s.ok(D::anna, command::ProposeIssue{"Ik wil iets anders."});
  return s;
}

SessionDriver questions(const std::string& method_id) {
  SessionDriver s = started(method_id);
  if (method_id == "incident") {
    s.ok(D::pieter, command::ProposeIssue{"Ik wil iets."});
    s.ok(D::fenna, command::ChooseIssue{CandidateId{1}});
    s.next();
  }
  s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
  s.next();
  return s;
}

SessionDriver gossip() {
  SessionDriver s = questions("incident");
  s.next(true);
  return s;
}

SessionDriver balint_writing() {
  SessionDriver s = questions("balint");
  s.next(true);
  return s;
}

SessionDriver balint_sharing() {
  SessionDriver s = balint_writing();
  s.next(true);
  return s;
}

// What the facilitator's next_step readiness names as missing.
RefusalCode missing(const SessionDriver& s) {
  return next_step_readiness(s.state(), s.now).missing.value_or(RefusalCode{});
}

struct Scenario {
  RefusalCode expected;
  std::function<RefusalCode()> trigger;
};

// How each code comes about, in the order of the enum.
std::vector<Scenario> scenarios() {
  using C = RefusalCode;
  return {
      {C::unknown_participant,
       [] { return lobby("balint").refused(ParticipantId{42}, command::Start{}); }},
      {C::not_allowed_for_role, [] { return lobby("balint").refused(D::anna, command::Start{}); }},
      {C::not_your_turn,
       [] { return questions("incident").refused(D::bram, command::AskQuestion{"Wat?"}); }},
      {C::not_their_turn,
       [] {
         return questions("fresh-questioning")
             .refused(D::anna, command::AskQuestion{"Wat?", D::bram});
       }},
      {C::presenter_listens,
       [] { return gossip().refused(D::pieter, command::AddObservation{"Maar!"}); }},
      {C::not_started,
       [] { return lobby("incident").refused(D::pieter, command::ProposeIssue{"Ik wil."}); }},
      {C::already_started, [] { return started("balint").refused(D::fenna, command::Start{}); }},
      {C::session_finished,
       [] {
         SessionDriver s = started("balint");
         s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
         for (int step = 0; step < 5; ++step)
           s.next(true);
         return s.refused(D::anna, command::RaiseDisturbance{"Nog iets."});
       }},
      {C::wrong_step,
       [] { return started("balint").refused(D::anna, command::GiveAdvice{"zou ik..."}); }},
      {C::step_not_complete,
       [] { return started("incident").refused(D::fenna, command::NextStep{true}); }},
      {C::step_rule_not_met,
       [] { return questions("balint").refused(D::fenna, command::NextStep{false}); }},
      {C::disturbance_open,
       [] {
         SessionDriver s = started("balint");
         s.ok(D::anna, command::RaiseDisturbance{"Alarm."});
         return s.refused(D::pieter, command::SetStatement{"Ik wil iets."});
       }},
      {C::no_disturbance,
       [] { return started("balint").refused(D::fenna, command::ResolveDisturbance{}); }},
      {C::session_paused,
       [] {
         SessionDriver s = started("balint");
         s.ok(D::fenna, command::Pause{});
         return s.refused(D::pieter, command::SetStatement{"Ik wil iets."});
       }},
      {C::already_paused,
       [] {
         SessionDriver s = started("balint");
         s.ok(D::fenna, command::Pause{});
         return s.refused(D::fenna, command::Pause{});
       }},
      {C::not_paused, [] { return started("balint").refused(D::fenna, command::Resume{}); }},
      {C::group_full,
       [] { return lobby("balint", 8).refused(std::nullopt, command::Join{"Iris"}); }},
      {C::name_taken, [] { return lobby("balint").refused(std::nullopt, command::Join{"anna"}); }},
      {C::name_too_long,
       [] { return lobby("balint").refused(std::nullopt, command::Join{std::string(61, 'n')}); }},
      {C::too_few_participants,
       [] { return lobby("incident", 1).refused(D::fenna, command::Start{}); }},
      {C::no_advisers,
       [] {
         SessionDriver s = lobby("balint", 2, false);
         s.ok(D::fenna, command::AssignPresenter{D::pieter});
         return s.refused(D::fenna, command::Start{});
       }},
      {C::presenter_required, [] { return lobby("balint").refused(D::fenna, command::Start{}); }},
      {C::scribe_required,
       [] {
         SessionDriver s = lobby("fresh-questioning");
         s.ok(D::fenna, command::AssignPresenter{D::pieter});
         return s.refused(D::fenna, command::Start{});
       }},
      {C::no_scribe_in_method,
       [] { return lobby("balint").refused(D::fenna, command::AssignScribe{D::anna}); }},
      {C::facilitator_cannot_present,
       [] { return lobby("balint").refused(D::fenna, command::AssignPresenter{D::fenna}); }},
      {C::scribe_cannot_present,
       [] {
         SessionDriver s = lobby("fresh-questioning");
         s.ok(D::fenna, command::AssignPresenter{D::pieter});
         return s.refused(D::fenna, command::AssignScribe{D::pieter});
       }},
      {C::already_facilitator,
       [] { return lobby("balint").refused(D::fenna, command::HandOverFacilitator{D::fenna}); }},
      {C::presenter_already_chosen,
       [] { return started("balint").refused(D::fenna, command::AssignPresenter{D::anna}); }},
      {C::text_empty,
       [] { return started("balint").refused(D::pieter, command::SetStatement{" "}); }},
      {C::text_too_long,
       [] {
         return started("balint").refused(D::pieter, command::SetStatement{std::string(4001, 'x')});
       }},
      {C::invalid_text,
       [] { return started("balint").refused(D::pieter, command::SetStatement{"\xC3("}); }},
      {C::title_required,
       [] {
         const auto created =
             create_session(shipped_method("balint"), SessionSettings{"", "Fenna"}, at_minute(0));
         return created ? RefusalCode{} : created.error().code;
       }},
      {C::title_too_long,
       [] {
         const auto created =
             create_session(shipped_method("balint"),
                            SessionSettings{std::string(201, 't'), "Fenna"}, at_minute(0));
         return created ? RefusalCode{} : created.error().code;
       }},
      {C::unknown_candidate,
       [] { return inventory().refused(D::bram, command::Vote{CandidateId{7}}); }},
      {C::issue_withdrawn,
       [] {
         SessionDriver s = inventory();
         s.ok(D::pieter, command::WithdrawIssue{CandidateId{1}});
         return s.refused(D::bram, command::Vote{CandidateId{1}});
       }},
      {C::issue_already_chosen,
       [] {
         SessionDriver s = inventory();
         s.ok(D::fenna, command::ChooseIssue{CandidateId{1}});
         return s.refused(D::bram, command::Vote{CandidateId{2}});
       }},
      {C::no_votes, [] { return inventory().refused(D::fenna, command::ChooseIssue{}); }},
      {C::vote_tied,
       [] {
         SessionDriver s = inventory();
         s.ok(D::bram, command::Vote{CandidateId{1}});
         s.ok(D::carla, command::Vote{CandidateId{2}});
         return s.refused(D::fenna, command::ChooseIssue{});
       }},
      {C::statement_required,
       [] { return started("balint").refused(D::fenna, command::NextStep{true}); }},
      {C::answer_pending,
       [] {
         SessionDriver s = questions("incident");
         s.ok(D::fenna, command::AskQuestion{"Wat?"});
         return s.refused(D::fenna, command::CloseRounds{});
       }},
      {C::no_question_pending,
       [] { return questions("incident").refused(D::pieter, command::AnswerQuestion{}); }},
      {C::unknown_question,
       [] {
         return questions("fresh-questioning")
             .refused(D::pieter, command::RateQuestion{QuestionId{5}, Rating::warm});
       }},
      {C::question_declined_before,
       [] {
         SessionDriver s = questions("incident");
         s.ok(D::fenna, command::AskQuestion{"Waarom?"});
         s.ok(D::pieter, command::DeclineQuestion{});
         for (ParticipantId adviser : {D::anna, D::bram, D::carla, D::daan})
           s.ok(adviser, command::Pass{});
         return s.refused(D::fenna, command::AskQuestion{"Waarom?"});
       }},
      {C::question_declined,
       [] {
         SessionDriver s = questions("fresh-questioning");
         s.ok(D::fenna, command::AskQuestion{"Waarom?"});
         s.ok(D::pieter, command::DeclineQuestion{});
         return s.refused(D::pieter, command::RateQuestion{QuestionId{1}, Rating::cold});
       }},
      {C::rounds_closed,
       [] {
         SessionDriver s = questions("incident");
         s.ok(D::fenna, command::CloseRounds{});
         return s.refused(D::fenna, command::AskQuestion{"Nog eentje?"});
       }},
      {C::rounds_in_progress,
       [] {
         SessionDriver s("balint", 5, false);
         s.ok(D::fenna, command::AssignPresenter{D::pieter});
         s.ok(D::fenna, command::Start{});
         s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
         s.next();
         return s.refused(D::fenna, command::HandOverFacilitator{D::anna});
       }},
      {C::preparation_running,
       [] {
         SessionDriver s = started("balint");
         s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
         s.ok(D::pieter, command::StartPreparation{});
         return s.refused(D::pieter, command::StartPreparation{});
       }},
      {C::not_preparing,
       [] { return started("balint").refused(D::fenna, command::EndPreparation{}); }},
      {C::gossip_still_open, [] { return gossip().refused(D::pieter, command::Reflect{"Ik..."}); }},
      {C::gossip_closed,
       [] {
         SessionDriver s = gossip();
         s.ok(D::fenna, command::CloseGossip{});
         return s.refused(D::anna, command::AddObservation{"Nog iets."});
       }},
      {C::already_shared,
       [] {
         SessionDriver s = balint_sharing();
         s.ok(D::fenna, command::ShareAdvice{"De kern."});
         return s.refused(D::fenna, command::WriteDraft{"Toch anders."});
       }},
      {C::nothing_to_share,
       [] { return balint_sharing().refused(D::fenna, command::ShareAdvice{""}); }},
      {C::time_out_of_range,
       [] { return started("balint").refused(D::fenna, command::AdjustTime{0}); }},
      {C::setting_unchanged,
       [] { return lobby("balint").refused(D::fenna, command::SetCoachHints{true}); }},
      {C::not_allowed_to_record,
       [] { return questions("incident").refused(D::anna, command::Pass{D::fenna}); }},
      {C::has_own_device,
       [] { return questions("incident").refused(D::fenna, command::Pass{D::anna}); }},
      {C::no_place_to_claim,
       [] {
         // Asked before a return request is made (place_to_claim), not by decide() itself.
         const auto place = place_to_claim(lobby("incident").state(), "Zoë");
         return place ? RefusalCode{} : place.error().code;
       }},
      {C::place_without_device,
       [] {
         SessionDriver s = lobby("incident", 3);
         s.ok(D::fenna, command::AddParticipant{"Bram"});
         return s.refused(std::nullopt, command::Join{"Bram"});
       }},
      {C::wrong_target,
       [] {
         return questions("incident")
             .refused(D::fenna, command::NoteKeyPoint{std::nullopt, std::nullopt, "De kern."});
       }},
      {C::unknown_advice,
       [] {
         return questions("incident")
             .refused(D::fenna, command::NoteKeyPoint{std::nullopt, AdviceId{3}, "De kern."});
       }},
      {C::already_written,
       [] {
         SessionDriver s = questions("incident");
         s.ok(D::fenna, command::AskQuestion{"Waarom?"});
         return s.refused(D::fenna, command::NoteKeyPoint{QuestionId{1}, std::nullopt, "Waarom."});
       }},
      {C::key_point_too_long,
       [] {
         SessionDriver s = questions("incident");
         s.ok(D::fenna, command::AskQuestion{""});
         return s.refused(
             D::fenna, command::NoteKeyPoint{QuestionId{1}, std::nullopt, std::string(301, 'k')});
       }},
      {C::unknown_request,
       [] { return lobby("incident").refused(D::fenna, command::AdmitReturn{ReturnId{1}}); }},
      {C::issue_not_chosen, [] { return missing(inventory()); }},
      {C::reframe_undecided,
       [] {
         SessionDriver s = gossip();
         s.next(true);
         return missing(s);
       }},
      {C::rounds_still_open, [] { return missing(questions("incident")); }},
      {C::reflection_missing,
       [] {
         SessionDriver s = gossip();
         s.ok(D::fenna, command::CloseGossip{});
         return missing(s);
       }},
      {C::turns_remaining, [] { return missing(balint_sharing()); }},
      {C::drafts_missing, [] { return missing(balint_writing()); }},
      {C::reaction_missing,
       [] {
         SessionDriver s = balint_sharing();
         s.next(true);
         return missing(s);
       }},
      {C::closing_remarks_missing,
       [] {
         SessionDriver s = gossip();
         s.next(true);
         s.ok(D::pieter, command::KeepStatement{});
         for (int step = 0; step < 3; ++step)
           s.next(true);
         return missing(s);
       }},
  };
}

// Every code of the catalogue (src/core/session/refusals.json): a new one needs a scenario above.
constexpr std::size_t code_count = refusal_code_count;

TEST(RefusalCodes, EveryCodeIsTriggeredByTheRuleItNames) {
  std::map<std::size_t, RefusalCode> covered;
  for (const Scenario& scenario : scenarios()) {
    const RefusalCode actual = scenario.trigger();
    EXPECT_EQ(actual, scenario.expected) << "scenario for " << to_string(scenario.expected);
    if (actual == scenario.expected)
      covered.emplace(static_cast<std::size_t>(actual), actual);
  }
  std::string list;
  for (const auto& [index, code] : covered)
    list += std::string(to_string(code)) + " ";
  std::cout << "refusal codes covered (" << covered.size() << " of " << code_count << "): " << list
            << "\n";
  for (std::size_t i = 0; i < code_count; ++i)
    EXPECT_TRUE(covered.contains(i)) << "not covered: " << to_string(static_cast<RefusalCode>(i));
}

TEST(RefusalCodes, EveryCodeHasAWireNameAndMessagesInBothLanguages) {
  std::map<std::string_view, RefusalCode> names;
  for (std::size_t i = 0; i < code_count; ++i) {
    const auto code = static_cast<RefusalCode>(i);
    EXPECT_FALSE(to_string(code).empty());
    EXPECT_FALSE(message_nl(code).empty()) << to_string(code);
    EXPECT_FALSE(message_en(code).empty()) << to_string(code);
    EXPECT_TRUE(names.emplace(to_string(code), code).second)
        << "two codes share " << to_string(code);
  }
}

} // namespace
} // namespace intervisie::core::testing
