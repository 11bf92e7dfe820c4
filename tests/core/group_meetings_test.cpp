// SPDX-License-Identifier: EUPL-1.2
// Meetings: scheduling, signing up (signing up is taking part), cancelling, calling off, and the
// calendar's sequence.
#include "group_driver.hpp"

namespace intervisie::core::group::testing {
namespace {

using D = GroupDriver;
using Code = GroupRefusalCode;

cmd::ScheduleMeeting meeting_at(Instant starts_at, std::string place = "De Linde",
                                std::string link = "", int minutes = 120) {
  return {"m", starts_at, minutes, std::move(place), std::move(link)};
}

TEST(Meetings, AMemberSchedulesAMeetingAndIsSignedUpForIt) {
  D d;
  const MeetingId id = d.schedule(D::anna);
  const Meeting& meeting = d.meeting(id);
  EXPECT_EQ(meeting.scheduled_by, D::anna);
  EXPECT_EQ(meeting.signed_up, std::vector<AccountId>{D::anna});
  EXPECT_EQ(meeting.status, MeetingStatus::scheduled);
  EXPECT_EQ(meeting.sequence, 0u);
  EXPECT_EQ(meeting.minutes, 120);
  EXPECT_EQ(meeting.ends_at(), meeting.starts_at + 2h);
}

TEST(Meetings, AMeetingStartsInTheFuture) {
  D d;
  EXPECT_EQ(d.refused(D::fenna, meeting_at(d.now)), Code::in_the_past);
  d.ok(D::fenna, meeting_at(d.now + 1min));
}

TEST(Meetings, AMeetingLastsFromHalfAnHourToEightHours) {
  D d;
  EXPECT_EQ(d.refused(D::fenna, meeting_at(d.next_week(), "De Linde", "", 29)), Code::bad_length);
  EXPECT_EQ(d.refused(D::fenna, meeting_at(d.next_week(), "De Linde", "", 481)), Code::bad_length);
  d.ok(D::fenna, cmd::ScheduleMeeting{"short", d.next_week(), 30, "De Linde", ""});
  d.ok(D::fenna, cmd::ScheduleMeeting{"long", d.next_week(), 480, "De Linde", ""});
}

TEST(Meetings, AMeetingHasAPlaceOrAVideoLink) {
  D d;
  EXPECT_EQ(d.refused(D::fenna, meeting_at(d.next_week(), " ", "")), Code::no_place);
  d.ok(D::fenna, cmd::ScheduleMeeting{"online", d.next_week(), 90, "", "https://meet.example/x"});
  d.ok(D::fenna, cmd::ScheduleMeeting{"both", d.next_week(), 90, "Zaal 2", "http://video.nl/y"});
  EXPECT_EQ(d.meeting("online").video_link, "https://meet.example/x");
}

TEST(Meetings, AVideoLinkIsAWebAddress) {
  D d;
  for (const std::string link : {"meet.example/x", "ftp://meet.example", "https://", "https:///x",
                                 "https://a b", "javascript:alert(1)"})
    EXPECT_EQ(d.refused(D::fenna, meeting_at(d.next_week(), "", link)), Code::bad_link) << link;
  d.ok(D::fenna, meeting_at(d.next_week(), "", "HTTPS://Meet.Example/Room"));
}

TEST(Meetings, PlacesAndLinksAreLimitedTexts) {
  D d;
  EXPECT_EQ(d.refused(D::fenna, meeting_at(d.next_week(), std::string(201, 'p'))),
            Code::text_too_long);
  EXPECT_EQ(
      d.refused(D::fenna, meeting_at(d.next_week(), "", "https://x.nl/" + std::string(490, 'l'))),
      Code::text_too_long);
  EXPECT_EQ(d.refused(D::fenna, meeting_at(d.next_week(), "Zaal\x01")), Code::bad_text);
}

TEST(Meetings, AMeetingIdIsUsedOnce) {
  D d;
  d.ok(D::fenna, meeting_at(d.next_week()));
  EXPECT_EQ(d.refused(D::anna, meeting_at(d.next_week())), Code::duplicate_meeting);
  EXPECT_EQ(d.refused(D::anna, cmd::ScheduleMeeting{"", d.next_week(), 90, "Zaal", ""}),
            Code::bad_id);
}

TEST(Meetings, SigningUpIsTakingPart) {
  D d;
  const MeetingId id = d.schedule();
  d.ok(D::pieter, cmd::SignUp{id});
  EXPECT_EQ(d.meeting(id).signed_up, (std::vector<AccountId>{D::fenna, D::pieter}));
  EXPECT_EQ(d.refused(D::pieter, cmd::SignUp{id}), Code::already_signed_up);
}

TEST(Meetings, SigningUpAndCancellingEndWhenTheMeetingStarts) {
  D d;
  const MeetingId id = d.schedule();
  d.now = d.meeting(id).starts_at;
  EXPECT_EQ(d.refused(D::pieter, cmd::SignUp{id}), Code::meeting_started);
  EXPECT_EQ(d.refused(D::pieter, cmd::Cancel{id, ""}), Code::meeting_started);
  EXPECT_EQ(d.refused(D::fenna, cmd::WithdrawCancellation{id}), Code::meeting_started);
}

TEST(Meetings, CancellingTakesASignUpBackWithAnOptionalReason) {
  D d;
  const MeetingId id = d.schedule();
  d.ok(D::pieter, cmd::SignUp{id});
  d.ok(D::pieter, cmd::Cancel{id, "  Ziek kind.  "});
  const Meeting& meeting = d.meeting(id);
  EXPECT_FALSE(meeting.is_signed_up(D::pieter));
  ASSERT_EQ(meeting.cancellations.size(), 1u);
  EXPECT_EQ(meeting.cancellations[0].member, D::pieter);
  EXPECT_EQ(meeting.cancellations[0].reason, "Ziek kind.");
  EXPECT_EQ(meeting.cancellations[0].at, d.now);
  EXPECT_EQ(d.refused(D::pieter, cmd::Cancel{id, ""}), Code::already_cancelled);
}

TEST(Meetings, AMemberWhoNeverSignedUpMayStillCancel) {
  D d;
  const MeetingId id = d.schedule();
  d.ok(D::anna, cmd::Cancel{id, ""});
  EXPECT_TRUE(d.meeting(id).has_cancelled(D::anna));
}

TEST(Meetings, AReasonHasAtMost500Characters) {
  D d;
  const MeetingId id = d.schedule();
  EXPECT_EQ(d.refused(D::anna, cmd::Cancel{id, std::string(501, 'r')}), Code::text_too_long);
  d.ok(D::anna, cmd::Cancel{id, std::string(500, 'r')});
}

TEST(Meetings, SigningUpAfterCancellingWithdrawsTheCancellation) {
  D d;
  const MeetingId id = d.schedule();
  d.ok(D::anna, cmd::Cancel{id, ""});
  const GroupEvents events = d.ok(D::anna, cmd::SignUp{id});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<event::CancellationWithdrawn>(events[0].body));
  EXPECT_TRUE(d.meeting(id).is_signed_up(D::anna));
  EXPECT_TRUE(d.meeting(id).cancellations.empty());
}

TEST(Meetings, OnlyACancellationCanBeWithdrawn) {
  D d;
  const MeetingId id = d.schedule();
  EXPECT_EQ(d.refused(D::anna, cmd::WithdrawCancellation{id}), Code::not_cancelled);
}

TEST(Meetings, TheSchedulerCallsTheirMeetingOff) {
  D d;
  const MeetingId id = d.schedule(D::bram);
  d.ok(D::bram, cmd::CallOff{id});
  EXPECT_EQ(d.meeting(id).status, MeetingStatus::called_off);
  EXPECT_EQ(d.meeting(id).sequence, 1u); // the calendar shows it cancelled, same UID
  EXPECT_EQ(d.refused(D::bram, cmd::CallOff{id}), Code::meeting_called_off);
  EXPECT_EQ(d.refused(D::anna, cmd::SignUp{id}), Code::meeting_called_off);
  EXPECT_EQ(d.refused(D::anna, cmd::Cancel{id, ""}), Code::meeting_called_off);
}

TEST(Meetings, OnlyTheSchedulerOrFacilitatorCallsAMeetingOff) {
  D d;
  const MeetingId id = d.schedule(D::fenna);
  d.everyone_signs_up(id);
  for (const AccountId& member : {D::pieter, D::anna, D::bram})
    EXPECT_EQ(d.refused(member, cmd::CallOff{id}), Code::not_scheduler_or_facilitator);
  d.ok(D::pieter, cmd::SetFacilitator{id, D::anna});
  EXPECT_EQ(d.refused(D::pieter, cmd::CallOff{id}), Code::not_scheduler_or_facilitator)
      << "choosing the facilitator does not make you one";
  d.ok(D::anna, cmd::CallOff{id});
  EXPECT_EQ(d.meeting(id).status, MeetingStatus::called_off);
}

TEST(Meetings, AFacilitatorWhoHandedOverNoLongerCallsTheMeetingOff) {
  D d;
  const MeetingId id = d.schedule(D::fenna);
  d.ok(D::anna, cmd::SetFacilitator{id, D::anna});
  d.ok(D::anna, cmd::SetFacilitator{id, D::bram});
  EXPECT_EQ(d.refused(D::anna, cmd::CallOff{id}), Code::not_scheduler_or_facilitator);
  EXPECT_TRUE(d.meeting(id).may_call_off(D::bram));
  EXPECT_TRUE(d.meeting(id).may_call_off(D::fenna));
}

TEST(Meetings, WhenTheSchedulerHasLeftTheFacilitatorCallsTheMeetingOff) {
  D d;
  const MeetingId id = d.schedule(D::bram);
  d.ok(D::bram, cmd::Leave{});
  EXPECT_EQ(d.refused(D::anna, cmd::CallOff{id}), Code::not_scheduler_or_facilitator);
  // Any member may choose a facilitator, themselves too: then the meeting is theirs to call off.
  d.ok(D::anna, cmd::SetFacilitator{id, D::anna});
  d.ok(D::anna, cmd::CallOff{id});
}

TEST(Meetings, AMeetingThatStartedIsNoLongerCalledOff) {
  D d;
  const MeetingId id = d.schedule();
  d.now = d.meeting(id).starts_at + 1min;
  EXPECT_EQ(d.refused(D::fenna, cmd::CallOff{id}), Code::meeting_started);
}

TEST(Meetings, OnlyKnownMeetingsAndOnlyMembers) {
  D d;
  EXPECT_EQ(d.refused(D::anna, cmd::SignUp{"nowhere"}), Code::meeting_unknown);
  const MeetingId id = d.schedule();
  EXPECT_EQ(d.refused(D::outsider, cmd::SignUp{id}), Code::not_member);
}

TEST(Meetings, SignUpsAndCancellationsDoNotChangeWhatACalendarShows) {
  D d;
  const MeetingId id = d.schedule();
  d.ok(D::anna, cmd::SignUp{id});
  d.ok(D::bram, cmd::Cancel{id, ""});
  d.ok(D::bram, cmd::WithdrawCancellation{id});
  EXPECT_EQ(d.meeting(id).sequence, 0u);
}

TEST(Meetings, TheStateIsTheFoldOfTheHistory) {
  D d;
  const MeetingId id = d.schedule();
  d.everyone_signs_up(id);
  d.ok(D::anna, cmd::Cancel{id, "Vergadering."});
  EXPECT_EQ(replay(d.history()), d.state());
  EXPECT_EQ(d.state().version, d.history().size());
}

} // namespace
} // namespace intervisie::core::group::testing
