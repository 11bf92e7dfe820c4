// SPDX-License-Identifier: EUPL-1.2
// History and participation at a glance, and erasing a member who deletes their account.
#include "group_driver.hpp"

#include "core/group/erasure.hpp"
#include "core/group/participation.hpp"

#include <algorithm>

namespace intervisie::core::group::testing {
namespace {

using D = GroupDriver;

const MemberParticipation& row_of(const Participation& rows, const AccountId& member) {
  const auto found = std::ranges::find(rows, member, &MemberParticipation::member);
  EXPECT_NE(found, rows.end()) << member;
  static const MemberParticipation none;
  return found == rows.end() ? none : *found;
}

TEST(Participation, CasesPresentedMeetingsFacilitatedAndAttendance) {
  D d(4);
  const MeetingId first = d.schedule();
  d.ok(D::pieter, cmd::SignUp{first});
  d.ok(D::anna, cmd::SignUp{first});
  d.now = d.meeting(first).starts_at;
  d.ok(D::anna, cmd::StartCase{first, "s1", "incident"});
  d.ok(D::anna, cmd::RecordPresenter{"s1", D::pieter});
  d.ok(D::anna, cmd::StartCase{first, "s2", "balint"});
  d.ok(D::anna, cmd::RecordPresenter{"s2", D::fenna});

  const MeetingId called_off = d.schedule();
  d.ok(D::fenna, cmd::CallOff{called_off});
  const MeetingId second = d.schedule(D::pieter);
  d.ok(D::bram, cmd::SignUp{second});
  d.ok(D::fenna, cmd::SetFacilitator{second, D::bram});
  d.now = d.meeting(second).starts_at + 1h;
  d.join(D::carla, "Carla"); // after both meetings
  const MeetingId upcoming = d.schedule();
  d.everyone_signs_up(upcoming);

  const Participation rows = participation(d.state(), d.now);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].member, D::fenna);
  EXPECT_EQ(row_of(rows, D::fenna), (MemberParticipation{D::fenna, 1, 0, 1, 2}));
  EXPECT_EQ(row_of(rows, D::pieter), (MemberParticipation{D::pieter, 1, 0, 2, 2}));
  EXPECT_EQ(row_of(rows, D::anna), (MemberParticipation{D::anna, 0, 1, 1, 2}));
  EXPECT_EQ(row_of(rows, D::bram), (MemberParticipation{D::bram, 0, 1, 1, 2}));
  EXPECT_EQ(row_of(rows, D::carla), (MemberParticipation{D::carla, 0, 0, 0, 0}));
}

TEST(Participation, OnlyMeetingsSinceJoiningCount) {
  D d(2);
  const MeetingId before = d.schedule();
  d.now = d.meeting(before).starts_at + 3h;
  d.join(D::anna, "Anna");
  const MeetingId after = d.schedule();
  d.ok(D::anna, cmd::SignUp{after});
  d.now = d.meeting(after).starts_at;
  EXPECT_EQ(row_of(participation(d.state(), d.now), D::anna),
            (MemberParticipation{D::anna, 0, 0, 1, 1}));
  EXPECT_EQ(row_of(participation(d.state(), d.now), D::pieter),
            (MemberParticipation{D::pieter, 0, 0, 0, 2}));
}

TEST(Participation, AMeetingWaitingForANewDateHasNotBeenHeld) {
  D d(4);
  const MeetingId id = d.schedule();
  d.ok(D::pieter, cmd::Cancel{id, ""});
  d.ok(D::anna, cmd::Cancel{id, ""});
  d.now = d.meeting(id).starts_at + 3h;
  EXPECT_EQ(row_of(participation(d.state(), d.now), D::fenna).held_since_joining, 0u);
}

// A small history in which Anna takes part in every way that leaves a name or a text.
D history_with_anna() {
  D d(5);
  const MeetingId first = d.schedule();
  d.ok(D::anna, cmd::Cancel{first, "Mijn dochter is jarig."});
  d.ok(D::anna, cmd::WithdrawCancellation{first});
  d.now = d.meeting(first).starts_at;
  d.ok(D::pieter, cmd::StartCase{first, "annas-case", "incident"});
  d.ok(D::pieter, cmd::RecordPresenter{"annas-case", D::anna});
  d.ok(D::pieter, cmd::StartCase{first, "brams-case", "incident"});
  d.ok(D::pieter, cmd::RecordPresenter{"brams-case", D::bram});
  const MeetingId second = d.schedule();
  d.ok(D::anna, cmd::SetFacilitator{second, D::anna});
  d.ok(D::anna, cmd::RecordFollowUp{second, "brams-case", "Bram sprak zijn leidinggevende."});
  d.ok(D::fenna, cmd::SetFacilitator{second, D::carla});
  d.ok(D::carla, cmd::RecordFollowUp{second, "annas-case", "Anna belde de ouders."});
  d.ok(D::anna, cmd::Cancel{second, "Op vakantie in Italië."});
  d.ok(D::anna, cmd::Leave{});
  return d;
}

bool mentions(const GroupState& state, std::string_view text) {
  for (const Member& member : state.members)
    if (member.display_name.find(text) != std::string::npos)
      return true;
  for (const FormerMember& former : state.former_members)
    if (former.display_name.find(text) != std::string::npos)
      return true;
  for (const Meeting& meeting : state.meetings)
    for (const Cancellation& cancellation : meeting.cancellations)
      if (cancellation.reason.find(text) != std::string::npos)
        return true;
  for (const Case& treated : state.cases)
    if (treated.follow_up && treated.follow_up->note.find(text) != std::string::npos)
      return true;
  return false;
}

// Every name and free text an event carries.
bool history_mentions(const std::vector<GroupEvent>& events, std::string_view text) {
  const auto has = [&](const std::string& field) { return field.find(text) != std::string::npos; };
  return std::ranges::any_of(events, [&](const GroupEvent& e) {
    return std::visit(
        [&](const auto& body) {
          if constexpr (requires { body.display_name; })
            return has(body.display_name);
          else if constexpr (requires { body.reason; })
            return has(body.reason);
          else if constexpr (requires { body.note; })
            return has(body.note);
          else
            return false;
        },
        e.body);
  });
}

TEST(Erasure, AnErasedMemberIsCalledOudLidAndTheirFreeTextsAreGone) {
  const D d = history_with_anna();
  ASSERT_TRUE(mentions(d.state(), "Anna"));
  const std::vector<GroupEvent> erased = erase_member(d.history(), D::anna);
  ASSERT_EQ(erased.size(), d.history().size());
  EXPECT_TRUE(history_mentions(d.history(), "jarig"));
  EXPECT_FALSE(history_mentions(erased, "Anna"));
  EXPECT_FALSE(history_mentions(erased, "jarig"));
  const GroupState state = replay(erased);
  EXPECT_FALSE(mentions(state, "Anna"));
  EXPECT_FALSE(mentions(state, "Italië"));
  EXPECT_EQ(state.display_name(D::anna), "oud-lid");
  EXPECT_EQ(state.find_case("annas-case")->follow_up->note, "");
  // What others wrote about their own case stays.
  EXPECT_EQ(state.find_case("brams-case")->follow_up->note, "Bram sprak zijn leidinggevende.");
}

TEST(Erasure, TheFactsStayAndTheHistoryStillReplays) {
  const D d = history_with_anna();
  const GroupState state = replay(erase_member(d.history(), D::anna));
  EXPECT_EQ(state.find_case("annas-case")->presenter, D::anna);
  EXPECT_EQ(state.cases.size(), d.state().cases.size());
  EXPECT_EQ(state.meetings.size(), d.state().meetings.size());
  EXPECT_EQ(state.version, d.state().version);
}

TEST(Erasure, OtherMembersAreUntouched) {
  const D d = history_with_anna();
  EXPECT_EQ(erase_member(d.history(), D::outsider), d.history());
}

} // namespace
} // namespace intervisie::core::group::testing
