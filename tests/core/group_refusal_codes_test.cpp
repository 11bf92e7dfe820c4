// SPDX-License-Identifier: EUPL-1.2
// Every group refusal has its own code. This file triggers each GroupRefusalCode once through
// decide(), so a reader sees at a glance that every code can really happen and what makes it
// happen. The rule tests cover each in context.
#include "group_driver.hpp"

#include <functional>
#include <iostream>
#include <map>

namespace intervisie::core::group::testing {
namespace {

using D = GroupDriver;
using C = GroupRefusalCode;

struct Scenario {
  C expected;
  std::function<C()> trigger;
};

// Anna and Bram cancelled the meeting "meeting-1": Bram arranges a new date.
D needing_new_date() {
  D d;
  const MeetingId id = d.schedule();
  d.ok(D::anna, cmd::Cancel{id, ""});
  d.ok(D::bram, cmd::Cancel{id, ""});
  return d;
}

// Anna facilitates "meeting-1", at which she has started case "case-1".
D with_case() {
  D d;
  const MeetingId id = d.schedule();
  d.now = d.meeting(id).starts_at;
  d.ok(D::anna, cmd::StartCase{id, "case-1", "incident"});
  return d;
}

std::vector<Scenario> scenarios() {
  return {
      {C::no_group,
       [] {
         D d;
         return decide(GroupState{}, cmd::SignUp{"m"}, D::fenna, d.now).error().code;
       }},
      {C::group_exists,
       [] {
         return D().refused(D::fenna, cmd::CreateGroup{"Weer", {}, "Fenna"});
       }},
      {C::not_member, [] { return D().refused(D::outsider, cmd::Leave{}); }},
      {C::bad_id,
       [] {
         return D().refused(D::fenna, cmd::CreateInvitation{"", std::nullopt});
       }},
      {C::group_full,
       [] {
         return D(8).refused(D::fenna, cmd::CreateInvitation{"i", std::nullopt});
       }},
      {C::already_member,
       [] {
         D d;
         return d.refused(D::anna, cmd::AcceptInvitation{d.invite(), "Anna", true});
       }},
      {C::name_taken,
       [] {
         D d;
         return d.refused(D::hanna, cmd::AcceptInvitation{d.invite(), "Anna", true});
       }},
      {C::ground_rules_not_accepted,
       [] {
         D d;
         return d.refused(D::hanna, cmd::AcceptInvitation{d.invite(), "Hanna", false});
       }},
      {C::too_many_rules,
       [] {
         return decide(GroupState{},
                       cmd::CreateGroup{"Groep", std::vector<std::string>(11, "Regel"), "Fenna"},
                       D::fenna, moment(0))
             .error()
             .code;
       }},
      {C::invitation_unknown,
       [] {
         return D().refused(D::hanna, cmd::AcceptInvitation{"nope", "Hanna", true});
       }},
      {C::invitation_used,
       [] {
         D d;
         const InvitationId invitation = d.invite();
         d.ok(D::hanna, cmd::AcceptInvitation{invitation, "Hanna", true});
         return d.refused(D::fenna, cmd::RevokeInvitation{invitation});
       }},
      {C::invitation_expired,
       [] {
         D d;
         const InvitationId invitation = d.invite();
         d.now += std::chrono::days{8};
         return d.refused(D::hanna, cmd::AcceptInvitation{invitation, "Hanna", true});
       }},
      {C::invitation_revoked,
       [] {
         D d;
         const InvitationId invitation = d.invite();
         d.ok(D::fenna, cmd::RevokeInvitation{invitation});
         return d.refused(D::hanna, cmd::AcceptInvitation{invitation, "Hanna", true});
       }},
      {C::bad_expiry,
       [] {
         D d;
         return d.refused(D::fenna, cmd::CreateInvitation{"i", d.now - 1h});
       }},
      {C::duplicate_invitation,
       [] {
         D d;
         return d.refused(D::fenna, cmd::CreateInvitation{d.invite(), std::nullopt});
       }},
      {C::meeting_unknown, [] { return D().refused(D::anna, cmd::SignUp{"nowhere"}); }},
      {C::duplicate_meeting,
       [] {
         D d;
         return d.refused(D::anna,
                          cmd::ScheduleMeeting{d.schedule(), d.next_week(), 90, "Zaal", ""});
       }},
      {C::meeting_started,
       [] {
         D d;
         const MeetingId id = d.schedule();
         d.now = d.meeting(id).starts_at;
         return d.refused(D::anna, cmd::SignUp{id});
       }},
      {C::meeting_called_off,
       [] {
         D d;
         const MeetingId id = d.schedule();
         d.ok(D::fenna, cmd::CallOff{id});
         return d.refused(D::anna, cmd::SignUp{id});
       }},
      {C::in_the_past,
       [] {
         D d;
         return d.refused(D::fenna, cmd::ScheduleMeeting{"m", d.now - 1h, 90, "Zaal", ""});
       }},
      {C::bad_length,
       [] {
         D d;
         return d.refused(D::fenna, cmd::ScheduleMeeting{"m", d.next_week(), 10, "Zaal", ""});
       }},
      {C::no_place,
       [] {
         D d;
         return d.refused(D::fenna, cmd::ScheduleMeeting{"m", d.next_week(), 90, "", ""});
       }},
      {C::bad_link,
       [] {
         D d;
         return d.refused(D::fenna, cmd::ScheduleMeeting{"m", d.next_week(), 90, "", "zoom"});
       }},
      {C::already_signed_up,
       [] {
         D d;
         return d.refused(D::fenna, cmd::SignUp{d.schedule()});
       }},
      {C::already_cancelled,
       [] {
         D d = needing_new_date();
         return d.refused(D::bram, cmd::Cancel{"meeting-1", ""});
       }},
      {C::not_cancelled,
       [] {
         D d;
         return d.refused(D::anna, cmd::WithdrawCancellation{d.schedule()});
       }},
      {C::not_scheduler_or_facilitator,
       [] {
         D d;
         return d.refused(D::anna, cmd::CallOff{d.schedule(D::fenna)});
       }},
      {C::not_needing_new_date,
       [] {
         D d;
         return d.refused(D::anna, cmd::AnswerDates{d.schedule(), {true}});
       }},
      {C::awaiting_new_date,
       [] {
         D d = needing_new_date();
         d.now = d.meeting("meeting-1").starts_at;
         return d.refused(D::fenna, cmd::StartCase{"meeting-1", "s", "incident"});
       }},
      {C::not_rescheduler,
       [] {
         D d = needing_new_date();
         return d.refused(D::anna, cmd::ProposeDates{"meeting-1", {d.next_week()}});
       }},
      {C::bad_dates,
       [] {
         return needing_new_date().refused(D::bram, cmd::ProposeDates{"meeting-1", {}});
       }},
      {C::no_proposal,
       [] {
         return needing_new_date().refused(D::bram, cmd::ChooseDate{"meeting-1", 0});
       }},
      {C::bad_answers,
       [] {
         D d = needing_new_date();
         d.ok(D::bram, cmd::ProposeDates{"meeting-1", {d.next_week()}});
         return d.refused(D::anna, cmd::AnswerDates{"meeting-1", {true, true}});
       }},
      {C::bad_choice,
       [] {
         D d = needing_new_date();
         d.ok(D::bram, cmd::ProposeDates{"meeting-1", {d.next_week()}});
         return d.refused(D::bram, cmd::ChooseDate{"meeting-1", 1});
       }},
      {C::member_unknown,
       [] {
         D d;
         return d.refused(D::anna, cmd::SetFacilitator{d.schedule(), D::outsider});
       }},
      {C::already_facilitator,
       [] {
         D d = with_case();
         return d.refused(D::fenna, cmd::SetFacilitator{"meeting-1", D::anna});
       }},
      {C::not_facilitator,
       [] {
         D d = with_case();
         return d.refused(D::bram, cmd::StartCase{"meeting-1", "case-2", "incident"});
       }},
      {C::not_meeting_time,
       [] {
         D d;
         return d.refused(D::anna, cmd::StartCase{d.schedule(), "s", "incident"});
       }},
      {C::case_unknown,
       [] {
         return D().refused(D::anna, cmd::RecordPresenter{"case-9", D::pieter});
       }},
      {C::duplicate_case,
       [] {
         D d = with_case();
         return d.refused(D::anna, cmd::StartCase{"meeting-1", "case-1", "balint"});
       }},
      {C::presenter_already_recorded,
       [] {
         D d = with_case();
         d.ok(D::anna, cmd::RecordPresenter{"case-1", D::pieter});
         return d.refused(D::anna, cmd::RecordPresenter{"case-1", D::bram});
       }},
      {C::follow_up_not_due,
       [] {
         return with_case().refused(D::anna, cmd::RecordFollowUp{"meeting-1", "case-1", ""});
       }},
      {C::follow_up_already_recorded,
       [] {
         D d = with_case();
         d.ok(D::anna, cmd::RecordPresenter{"case-1", D::pieter});
         const MeetingId next = d.schedule();
         d.ok(D::anna, cmd::SetFacilitator{next, D::anna});
         d.ok(D::anna, cmd::RecordFollowUp{next, "case-1", ""});
         return d.refused(D::anna, cmd::RecordFollowUp{next, "case-1", ""});
       }},
      {C::empty_text,
       [] {
         D d;
         return d.refused(D::hanna, cmd::AcceptInvitation{d.invite(), " ", true});
       }},
      {C::text_too_long,
       [] {
         D d;
         return d.refused(D::anna, cmd::Cancel{d.schedule(), std::string(501, 'x')});
       }},
      {C::bad_text,
       [] {
         D d;
         return d.refused(D::anna, cmd::Cancel{d.schedule(), "\xFF"});
       }},
      {C::bad_retention, [] { return D{}.refused(D::anna, cmd::SetRetention{366}); }},
  };
}

// Every code of the catalogue (src/core/group/refusals.json): a new one needs a scenario above.
constexpr std::size_t code_count = group_refusal_code_count;

TEST(GroupRefusalCodes, EveryCodeIsTriggeredByTheRuleItNames) {
  std::map<std::size_t, GroupRefusalCode> covered;
  for (const Scenario& scenario : scenarios()) {
    const GroupRefusalCode actual = scenario.trigger();
    EXPECT_EQ(actual, scenario.expected) << "scenario for " << to_string(scenario.expected);
    if (actual == scenario.expected)
      covered.emplace(static_cast<std::size_t>(actual), actual);
  }
  std::cout << "group refusal codes covered: " << covered.size() << " of " << code_count << "\n";
  for (std::size_t i = 0; i < code_count; ++i)
    EXPECT_TRUE(covered.contains(i))
        << "not covered: " << to_string(static_cast<GroupRefusalCode>(i));
}

TEST(GroupRefusalCodes, EveryCodeHasAWireNameAndMessagesInBothLanguages) {
  std::map<std::string_view, GroupRefusalCode> names;
  for (std::size_t i = 0; i < code_count; ++i) {
    const auto code = static_cast<GroupRefusalCode>(i);
    EXPECT_FALSE(to_string(code).empty());
    EXPECT_FALSE(message_nl(code).empty()) << to_string(code);
    EXPECT_FALSE(message_en(code).empty()) << to_string(code);
    EXPECT_TRUE(names.emplace(to_string(code), code).second)
        << "two codes share " << to_string(code);
  }
}

} // namespace
} // namespace intervisie::core::group::testing
