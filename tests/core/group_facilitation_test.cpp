// SPDX-License-Identifier: EUPL-1.2
// The facilitator per meeting, the suggested rotation, cases and their presenters, follow-up.
#include "group_driver.hpp"

#include "core/group/follow_up.hpp"
#include "core/group/rotation.hpp"

namespace intervisie::core::group::testing {
namespace {

using D = GroupDriver;
using Code = GroupRefusalCode;

TEST(Facilitator, AnyMemberChoosesTheFacilitatorOfAMeetingAmongTheMembers) {
  D d;
  const MeetingId id = d.schedule();
  d.ok(D::pieter, cmd::SetFacilitator{id, D::anna});
  EXPECT_EQ(d.meeting(id).facilitator, D::anna);
  EXPECT_EQ(d.refused(D::pieter, cmd::SetFacilitator{id, D::anna}), Code::already_facilitator);
  EXPECT_EQ(d.refused(D::pieter, cmd::SetFacilitator{id, D::outsider}), Code::member_unknown);
  EXPECT_EQ(d.meeting(id).sequence, 0u);
}

// Meetings one week apart; each is held with the given facilitator.
struct Rotation : ::testing::Test {
  D d{5};
  MeetingId held(const AccountId& facilitator) {
    const MeetingId id = d.schedule();
    d.ok(D::fenna, cmd::SetFacilitator{id, facilitator});
    d.now = d.meeting(id).starts_at + 3h;
    return id;
  }
};

TEST_F(Rotation, NobodySignedUpMeansNoSuggestion) {
  const MeetingId id = d.schedule();
  d.ok(D::fenna, cmd::Cancel{id, ""});
  EXPECT_EQ(suggest_facilitator(d.state(), id), std::nullopt);
  EXPECT_EQ(suggest_facilitator(d.state(), "nowhere"), std::nullopt);
}

TEST_F(Rotation, AmongThoseSignedUpTheOneWhoFacilitatedLeast) {
  held(D::fenna);
  held(D::pieter);
  held(D::fenna);
  const MeetingId next = d.schedule();
  d.ok(D::pieter, cmd::SignUp{next});
  EXPECT_EQ(suggest_facilitator(d.state(), next), D::pieter); // once against Fenna's twice
  d.ok(D::anna, cmd::SignUp{next});
  EXPECT_EQ(suggest_facilitator(d.state(), next), D::anna); // never facilitated
}

TEST_F(Rotation, TiesGoToWhoeverFacilitatedLongestAgo) {
  held(D::anna);
  held(D::pieter);
  const MeetingId next = d.schedule();
  d.ok(D::anna, cmd::SignUp{next});
  d.ok(D::pieter, cmd::SignUp{next});
  d.ok(D::fenna, cmd::Cancel{next, ""});
  EXPECT_EQ(suggest_facilitator(d.state(), next), D::anna);
}

TEST_F(Rotation, ThenToTheEarlierMember) {
  const MeetingId next = d.schedule();
  d.ok(D::bram, cmd::SignUp{next});
  d.ok(D::anna, cmd::SignUp{next});
  d.ok(D::fenna, cmd::Cancel{next, ""});
  EXPECT_EQ(suggest_facilitator(d.state(), next), D::anna); // Anna joined before Bram
}

TEST_F(Rotation, CalledOffMeetingsDoNotCount) {
  held(D::pieter);
  const MeetingId off = d.schedule();
  d.ok(D::fenna, cmd::SetFacilitator{off, D::anna});
  d.ok(D::fenna, cmd::CallOff{off});
  const MeetingId next = d.schedule();
  d.ok(D::anna, cmd::SignUp{next});
  d.ok(D::pieter, cmd::SignUp{next});
  d.ok(D::fenna, cmd::Cancel{next, ""});
  EXPECT_EQ(suggest_facilitator(d.state(), next), D::anna);
}

struct Cases : ::testing::Test {
  D d{6};
  MeetingId id = d.schedule();
  Instant start() const { return d.meeting(id).starts_at; }
};

TEST_F(Cases, WhoeverStartsTheFirstCaseBecomesFacilitatorIfNoneWasChosen) {
  d.now = start();
  const GroupEvents events = d.ok(D::anna, cmd::StartCase{id, "session-1", "incident"});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(std::get<event::FacilitatorSet>(events[0].body).member, D::anna);
  EXPECT_EQ(d.meeting(id).facilitator, D::anna);
  const Case* started = d.state().find_case("session-1");
  ASSERT_NE(started, nullptr);
  EXPECT_EQ(started->meeting, id);
  EXPECT_EQ(started->method, "incident");
  EXPECT_EQ(started->facilitator, D::anna);
  EXPECT_EQ(started->started_at, d.now);
  EXPECT_EQ(started->presenter, std::nullopt);
}

TEST_F(Cases, OnlyTheMeetingsFacilitatorStartsCases) {
  d.ok(D::fenna, cmd::SetFacilitator{id, D::pieter});
  d.now = start();
  EXPECT_EQ(d.refused(D::anna, cmd::StartCase{id, "session-1", "incident"}), Code::not_facilitator);
  const GroupEvents events = d.ok(D::pieter, cmd::StartCase{id, "session-1", "incident"});
  EXPECT_EQ(events.size(), 1u);
}

TEST_F(Cases, AMeetingHoldsSeveralCasesEachStartedOnce) {
  d.now = start();
  d.ok(D::anna, cmd::StartCase{id, "session-1", "incident"});
  d.ok(D::anna, cmd::StartCase{id, "session-2", "balint"});
  EXPECT_EQ(d.state().cases_of(id).size(), 2u);
  EXPECT_EQ(d.refused(D::anna, cmd::StartCase{id, "session-1", "balint"}), Code::duplicate_case);
  EXPECT_EQ(d.refused(D::anna, cmd::StartCase{id, "", "balint"}), Code::bad_id);
  EXPECT_EQ(d.refused(D::anna, cmd::StartCase{id, "session-3", ""}), Code::bad_id);
}

TEST_F(Cases, ACaseStartsFromAnHourBeforeUntilAnHourAfterTheMeeting) {
  d.now = start() - 61min;
  EXPECT_EQ(d.refused(D::anna, cmd::StartCase{id, "early", "incident"}), Code::not_meeting_time);
  d.now = start() - 60min;
  d.ok(D::anna, cmd::StartCase{id, "first", "incident"});
  d.now = d.meeting(id).ends_at() + 60min - 1s; // the driver adds a second per command
  d.ok(D::anna, cmd::StartCase{id, "last", "incident"});
  d.now = d.meeting(id).ends_at() + 61min;
  EXPECT_EQ(d.refused(D::anna, cmd::StartCase{id, "late", "incident"}), Code::not_meeting_time);
}

TEST_F(Cases, NoCaseInAMeetingThatIsCalledOffOrWaitsForANewDate) {
  d.ok(D::anna, cmd::Cancel{id, ""});
  d.ok(D::bram, cmd::Cancel{id, ""});
  d.now = start();
  EXPECT_EQ(d.refused(D::fenna, cmd::StartCase{id, "s", "incident"}), Code::awaiting_new_date);
  d.ok(D::fenna, cmd::CallOff{id});
  EXPECT_EQ(d.refused(D::fenna, cmd::StartCase{id, "s", "incident"}), Code::meeting_called_off);
}

TEST_F(Cases, TheGroupRecordsWhichMemberPresentedOnce) {
  d.now = start();
  d.ok(D::anna, cmd::StartCase{id, "session-1", "incident"});
  EXPECT_EQ(d.refused(D::anna, cmd::RecordPresenter{"session-9", D::pieter}), Code::case_unknown);
  EXPECT_EQ(d.refused(D::anna, cmd::RecordPresenter{"session-1", D::outsider}),
            Code::member_unknown);
  d.ok(D::anna, cmd::RecordPresenter{"session-1", D::pieter});
  EXPECT_EQ(d.state().find_case("session-1")->presenter, D::pieter);
  EXPECT_EQ(d.refused(D::anna, cmd::RecordPresenter{"session-1", D::bram}),
            Code::presenter_already_recorded);
}

TEST_F(Cases, APresenterWhoHasLeftSinceIsStillRecorded) {
  d.now = start();
  d.ok(D::anna, cmd::StartCase{id, "session-1", "incident"});
  d.ok(D::pieter, cmd::Leave{});
  d.ok(D::anna, cmd::RecordPresenter{"session-1", D::pieter});
}

// Two meetings a week apart; at the first, Pieter and Bram present.
struct FollowUps : ::testing::Test {
  D d{6};
  MeetingId first = d.schedule();
  MeetingId second;
  FollowUps() {
    d.now = d.meeting(first).starts_at;
    d.ok(D::anna, cmd::StartCase{first, "pieter-case", "incident"});
    d.ok(D::anna, cmd::RecordPresenter{"pieter-case", D::pieter});
    d.ok(D::anna, cmd::StartCase{first, "bram-case", "balint"});
    d.ok(D::anna, cmd::RecordPresenter{"bram-case", D::bram});
    d.ok(D::anna, cmd::StartCase{first, "unknown-case", "balint"});
    second = d.schedule();
    d.ok(D::fenna, cmd::SetFacilitator{second, D::carla});
  }
  static std::vector<SessionId> sessions(const std::vector<Case>& cases) {
    std::vector<SessionId> result;
    for (const Case& c : cases)
      result.push_back(c.session);
    return result;
  }
};

TEST_F(FollowUps, AtTheNextMeetingThePreviousPresentersAreDue) {
  EXPECT_EQ(sessions(follow_ups_due(d.state(), second)),
            (std::vector<SessionId>{"pieter-case", "bram-case"}));
  EXPECT_TRUE(follow_ups_due(d.state(), first).empty());
  EXPECT_EQ(previous_meeting(d.state(), second)->id, first);
  EXPECT_EQ(next_meeting(d.state(), first)->id, second);
}

TEST_F(FollowUps, TheNextMeetingsFacilitatorMarksItDoneWithANoteForThePresenter) {
  EXPECT_EQ(d.refused(D::anna, cmd::RecordFollowUp{second, "pieter-case", ""}),
            Code::not_facilitator);
  d.ok(D::carla, cmd::RecordFollowUp{second, "pieter-case", " Het gesprek is gevoerd. "});
  const Case* done = d.state().find_case("pieter-case");
  ASSERT_TRUE(done->follow_up.has_value());
  EXPECT_EQ(done->follow_up->note, "Het gesprek is gevoerd.");
  EXPECT_EQ(done->follow_up->recorded_by, D::carla);
  EXPECT_EQ(sessions(follow_ups_due(d.state(), second)), std::vector<SessionId>{"bram-case"});
  EXPECT_EQ(d.refused(D::carla, cmd::RecordFollowUp{second, "pieter-case", ""}),
            Code::follow_up_already_recorded);
  d.ok(D::carla, cmd::RecordFollowUp{second, "bram-case", ""}); // the note is optional
}

TEST_F(FollowUps, OnlyACaseWithAKnownPresenterAndANextMeetingIsDue) {
  EXPECT_EQ(d.refused(D::carla, cmd::RecordFollowUp{second, "unknown-case", ""}),
            Code::follow_up_not_due);
  EXPECT_EQ(d.refused(D::carla, cmd::RecordFollowUp{second, "nothing", ""}), Code::case_unknown);
  d.ok(D::fenna, cmd::CallOff{second});
  EXPECT_EQ(d.refused(D::carla, cmd::RecordFollowUp{second, "pieter-case", ""}),
            Code::follow_up_not_due);
}

TEST_F(FollowUps, TheRoundBelongsToTheNextMeetingNotAnyOther) {
  EXPECT_EQ(d.refused(D::carla, cmd::RecordFollowUp{first, "pieter-case", ""}),
            Code::follow_up_not_due);
  const MeetingId third = d.schedule(D::fenna, d.meeting(second).starts_at + std::chrono::days{7});
  d.ok(D::fenna, cmd::SetFacilitator{third, D::carla});
  EXPECT_EQ(d.refused(D::carla, cmd::RecordFollowUp{third, "pieter-case", ""}),
            Code::follow_up_not_due);
  EXPECT_EQ(d.refused(D::carla, cmd::RecordFollowUp{"elsewhere", "pieter-case", ""}),
            Code::follow_up_not_due);
  d.ok(D::carla, cmd::RecordFollowUp{second, "pieter-case", ""});
}

TEST_F(FollowUps, ACalledOffMeetingInBetweenIsSkipped) {
  d.ok(D::fenna, cmd::CallOff{second});
  const MeetingId third = d.schedule(D::fenna, d.meeting(second).starts_at + std::chrono::days{7});
  EXPECT_EQ(follow_ups_due(d.state(), third).size(), 2u);
}

TEST_F(FollowUps, APresenterWhoLeftIsNoLongerDue) {
  d.now = d.meeting(first).ends_at();
  d.ok(D::bram, cmd::Leave{});
  EXPECT_EQ(sessions(follow_ups_due(d.state(), second)), std::vector<SessionId>{"pieter-case"});
}

TEST_F(FollowUps, TheNoteHasAtMost1000Characters) {
  EXPECT_EQ(d.refused(D::carla, cmd::RecordFollowUp{second, "pieter-case", std::string(1001, 'n')}),
            Code::text_too_long);
}

} // namespace
} // namespace intervisie::core::group::testing
