// SPDX-License-Identifier: EUPL-1.2
// A stored group history that does not fit is refused with the reason, one rule at a time
// (core/group/history_check.hpp): the engine's own histories always fit (random_groups_test).
#include "group_driver.hpp"

#include "core/group/history_check.hpp"

namespace intervisie::core::group::testing {
namespace {

using D = GroupDriver;

// Why `body`, by `actor`, cannot follow the driver's group; empty when it fits.
std::string misfit(const D& d, GroupEventBody body, const AccountId& actor = D::fenna) {
  const auto fit = fits(d.state(), GroupEvent{d.now, actor, std::move(body)});
  return fit ? std::string() : fit.error();
}

TEST(GroupHistoryCheck, TheEnginesOwnHistoryFits) {
  D d(3);
  const MeetingId id = d.schedule();
  d.now = d.meeting(id).starts_at; // a case starts in its meeting
  d.ok(D::fenna, cmd::StartCase{id, "s1", "incident"});
  GroupState state;
  for (const GroupEvent& event : d.history()) {
    EXPECT_TRUE(fits(state, event)) << kind_name(event.body);
    apply(state, event);
  }
}

TEST(GroupHistoryCheck, AHistoryStartsWithTheGroupsCreationAndHasItOnce) {
  const auto first = fits(GroupState{}, GroupEvent{{}, D::fenna, event::SignedUp{"m"}});
  ASSERT_FALSE(first);
  EXPECT_EQ(first.error(), "a group's history starts with group_created");
  EXPECT_TRUE(fits(GroupState{}, GroupEvent{{}, D::fenna, event::GroupCreated{"G", {}}}));
  D d(1);
  EXPECT_EQ(misfit(d, event::GroupCreated{"Again", {}}), "the group was created already");
}

TEST(GroupHistoryCheck, AMemberJoinsOnceAndByAnInvitationThatExists) {
  D d(2);
  EXPECT_EQ(misfit(d, event::MemberJoined{D::pieter, "Pieter", std::nullopt, d.now}),
            "member \"account-pieter\" exists already");
  EXPECT_EQ(misfit(d, event::MemberJoined{D::anna, "Anna", "invitation-9", d.now}),
            "invitation \"invitation-9\" does not exist");
  EXPECT_EQ(misfit(d, event::MemberJoined{"", "Niemand", std::nullopt, d.now}),
            "member without an id");
  EXPECT_EQ(misfit(d, event::MemberJoined{D::anna, "Anna", "invitation-1", d.now}), "");
}

TEST(GroupHistoryCheck, OnlyAMemberLeavesAndOnlyMeetingsThatExist) {
  D d(2);
  EXPECT_EQ(misfit(d, event::MemberLeft{D::anna, {}}), "member \"account-anna\" is not a member");
  EXPECT_EQ(misfit(d, event::MemberLeft{D::pieter, {"meeting-7"}}),
            "meeting \"meeting-7\" does not exist");
}

TEST(GroupHistoryCheck, ANewInvitationMeetingOrCaseHasAnIdOfItsOwn) {
  D d(2);
  const InvitationId invitation = d.invite();
  const MeetingId id = d.schedule();
  d.now = d.meeting(id).starts_at; // a case starts in its meeting
  d.ok(D::fenna, cmd::StartCase{id, "s1", "incident"});
  EXPECT_EQ(misfit(d, event::InvitationCreated{invitation, d.now}),
            "invitation \"invitation-2\" exists already");
  EXPECT_EQ(misfit(d, event::MeetingScheduled{id, d.now, 120, "", ""}),
            "meeting \"meeting-1\" exists already");
  EXPECT_EQ(misfit(d, event::CaseStarted{id, "s1", "incident", D::fenna}),
            "case \"s1\" exists already");
}

TEST(GroupHistoryCheck, WhatAnEventNamesExists) {
  D d(2);
  EXPECT_EQ(misfit(d, event::InvitationRevoked{"invitation-9"}),
            "invitation \"invitation-9\" does not exist");
  for (GroupEventBody body : std::vector<GroupEventBody>{
           event::MeetingCalledOff{"m"}, event::SignedUp{"m"}, event::Cancelled{"m", ""},
           event::CancellationWithdrawn{"m"}, event::NewDateNeeded{"m", D::fenna},
           event::ReschedulerChanged{"m", D::fenna}, event::RescheduleDropped{"m"},
           event::DatesProposed{"m", {}}, event::DatesAnswered{"m", {}},
           event::MeetingMoved{"m", {}, {}}, event::FacilitatorSet{"m", D::fenna},
           event::CaseStarted{"m", "s9", "incident", D::fenna}})
    EXPECT_EQ(misfit(d, body), "meeting \"m\" does not exist") << kind_name(body);
  EXPECT_EQ(misfit(d, event::PresenterRecorded{"s9", D::fenna}), "case \"s9\" does not exist");
  EXPECT_EQ(misfit(d, event::FollowUpRecorded{"s9", "Gedaan."}), "case \"s9\" does not exist");
}

TEST(GroupHistoryCheck, DateAnswersAnswerTheProposalOnePerDate) {
  D d(2);
  const MeetingId id = d.schedule();
  EXPECT_EQ(misfit(d, event::DatesAnswered{id, {true}}),
            "meeting \"meeting-1\" has no dates proposed to answer");
  d.ok(D::fenna, cmd::Cancel{id, ""});
  d.ok(D::pieter, cmd::Cancel{id, ""});
  d.ok(D::pieter, cmd::ProposeDates{id, {d.next_week() + std::chrono::days{1}}});
  EXPECT_EQ(misfit(d, event::DatesAnswered{id, {true, false}}), "2 answers to 1 proposed dates");
  EXPECT_EQ(misfit(d, event::DatesAnswered{id, {true}}), "");
}

TEST(GroupHistoryCheck, ARetentionIsTheDefaultOrOneToThreeHundredSixtyFiveDays) {
  D d(1);
  EXPECT_EQ(misfit(d, event::RetentionSet{0}), "");
  EXPECT_EQ(misfit(d, event::RetentionSet{365}), "");
  EXPECT_EQ(misfit(d, event::RetentionSet{366}), "a retention of 366 days");
  EXPECT_EQ(misfit(d, event::RetentionSet{-1}), "a retention of -1 days");
}

} // namespace
} // namespace intervisie::core::group::testing
