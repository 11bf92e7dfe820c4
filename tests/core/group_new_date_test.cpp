// SPDX-License-Identifier: EUPL-1.2
// The second to cancel arranges the new appointment: proposing dates, answering, choosing, and
// the edge cases (cancelling after a reschedule, withdrawing, the rescheduler leaving).
#include "group_driver.hpp"

namespace intervisie::core::group::testing {
namespace {

using D = GroupDriver;
using Code = GroupRefusalCode;

// A meeting everyone signed up for, in a week.
struct NewDate : ::testing::Test {
  D d{8};
  MeetingId id = d.schedule();
  NewDate() { d.everyone_signs_up(id); }

  const Meeting& meeting() const { return d.meeting(id); }
  std::vector<Instant> three_dates() const {
    return {meeting().starts_at + std::chrono::days{1}, meeting().starts_at + std::chrono::days{2},
            meeting().starts_at + std::chrono::days{3}};
  }
  // Anna and Bram cancel, in that order: Bram arranges the new date.
  void two_cancel() {
    d.ok(D::anna, cmd::Cancel{id, "Ziek."});
    d.ok(D::bram, cmd::Cancel{id, ""});
  }
};

TEST_F(NewDate, TheFirstToCancelChangesNothingButTheirOwnPlace) {
  d.ok(D::anna, cmd::Cancel{id, ""});
  EXPECT_EQ(meeting().status, MeetingStatus::scheduled);
  EXPECT_EQ(meeting().rescheduler, std::nullopt);
}

TEST_F(NewDate, TheSecondToCancelBecomesResponsibleForTheNewAppointment) {
  d.ok(D::anna, cmd::Cancel{id, ""});
  const GroupEvents events = d.ok(D::bram, cmd::Cancel{id, ""});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<event::Cancelled>(events[0].body));
  EXPECT_EQ(std::get<event::NewDateNeeded>(events[1].body).rescheduler, D::bram);
  EXPECT_EQ(meeting().status, MeetingStatus::needs_new_date);
  EXPECT_EQ(meeting().rescheduler, D::bram);
  EXPECT_EQ(meeting().sequence, 1u); // a calendar shows the meeting is no longer certain
}

TEST_F(NewDate, AThirdCancellationLeavesTheResponsibilityWhereItIs) {
  two_cancel();
  const GroupEvents events = d.ok(D::carla, cmd::Cancel{id, ""});
  EXPECT_EQ(events.size(), 1u);
  EXPECT_EQ(meeting().rescheduler, D::bram);
  EXPECT_EQ(meeting().sequence, 1u);
}

TEST_F(NewDate, OnlyTheReschedulerProposesDates) {
  two_cancel();
  EXPECT_EQ(d.refused(D::anna, cmd::ProposeDates{id, three_dates()}), Code::not_rescheduler);
  d.ok(D::bram, cmd::ProposeDates{id, three_dates()});
  ASSERT_TRUE(meeting().proposal.has_value());
  EXPECT_EQ(meeting().proposal->dates, three_dates());
}

TEST_F(NewDate, DatesAreProposedOnlyForAMeetingThatNeedsANewDate) {
  EXPECT_EQ(d.refused(D::bram, cmd::ProposeDates{id, three_dates()}), Code::not_needing_new_date);
  EXPECT_EQ(d.refused(D::bram, cmd::AnswerDates{id, {true}}), Code::not_needing_new_date);
  EXPECT_EQ(d.refused(D::bram, cmd::ChooseDate{id, 0}), Code::not_needing_new_date);
}

TEST_F(NewDate, OneToFiveDifferentDatesInTheFuture) {
  two_cancel();
  const Instant later = meeting().starts_at + std::chrono::days{7};
  EXPECT_EQ(d.refused(D::bram, cmd::ProposeDates{id, {}}), Code::bad_dates);
  std::vector<Instant> six;
  for (int i = 1; i <= 6; ++i)
    six.push_back(later + std::chrono::days{i});
  EXPECT_EQ(d.refused(D::bram, cmd::ProposeDates{id, six}), Code::bad_dates);
  six.pop_back();
  d.ok(D::bram, cmd::ProposeDates{id, six});
  EXPECT_EQ(d.refused(D::bram, cmd::ProposeDates{id, {later, later}}), Code::bad_dates);
  EXPECT_EQ(d.refused(D::bram, cmd::ProposeDates{id, {later, d.now}}), Code::bad_dates);
}

TEST_F(NewDate, EveryMemberAnswersPerDateWhetherItSuits) {
  two_cancel();
  EXPECT_EQ(d.refused(D::anna, cmd::AnswerDates{id, {true, false, true}}), Code::no_proposal);
  d.ok(D::bram, cmd::ProposeDates{id, three_dates()});
  d.ok(D::anna, cmd::AnswerDates{id, {true, false, true}});
  d.ok(D::bram, cmd::AnswerDates{id, {true, true, true}});
  EXPECT_EQ(d.refused(D::carla, cmd::AnswerDates{id, {true}}), Code::bad_answers);
  EXPECT_EQ(meeting().proposal->answers.at(D::anna), (std::vector<bool>{true, false, true}));
  d.ok(D::anna, cmd::AnswerDates{id, {false, false, true}}); // a member may change their answer
  EXPECT_EQ(meeting().proposal->answers.at(D::anna), (std::vector<bool>{false, false, true}));
}

TEST_F(NewDate, ProposingAgainReplacesTheProposalAndItsAnswers) {
  two_cancel();
  d.ok(D::bram, cmd::ProposeDates{id, three_dates()});
  d.ok(D::anna, cmd::AnswerDates{id, {true, true, true}});
  const Instant other = meeting().starts_at + std::chrono::days{14};
  d.ok(D::bram, cmd::ProposeDates{id, {other}});
  EXPECT_EQ(meeting().proposal->dates, std::vector<Instant>{other});
  EXPECT_TRUE(meeting().proposal->answers.empty());
}

TEST_F(NewDate, OnlyTheReschedulerChoosesOneOfTheProposedDates) {
  two_cancel();
  EXPECT_EQ(d.refused(D::bram, cmd::ChooseDate{id, 0}), Code::no_proposal);
  d.ok(D::bram, cmd::ProposeDates{id, three_dates()});
  EXPECT_EQ(d.refused(D::anna, cmd::ChooseDate{id, 0}), Code::not_rescheduler);
  EXPECT_EQ(d.refused(D::bram, cmd::ChooseDate{id, 3}), Code::bad_choice);
}

TEST_F(NewDate, ChoosingMovesTheSameMeetingAndSignsUpThoseForWhomTheDateSuits) {
  two_cancel();
  d.ok(D::fenna, cmd::SetFacilitator{id, D::carla});
  d.ok(D::bram, cmd::ProposeDates{id, three_dates()});
  d.ok(D::anna, cmd::AnswerDates{id, {false, true, false}});
  d.ok(D::daan, cmd::AnswerDates{id, {true, true, true}});
  d.ok(D::fenna, cmd::AnswerDates{id, {false, true, true}});
  d.ok(D::bram, cmd::AnswerDates{id, {true, false, false}});
  const std::uint32_t sequence = meeting().sequence;
  const Instant chosen = three_dates()[1];
  d.ok(D::bram, cmd::ChooseDate{id, 1});
  EXPECT_EQ(meeting().id, id); // same meeting, same calendar UID
  EXPECT_EQ(meeting().starts_at, chosen);
  EXPECT_EQ(meeting().status, MeetingStatus::scheduled);
  EXPECT_EQ(meeting().sequence, sequence + 1);
  EXPECT_TRUE(meeting().cancellations.empty());
  EXPECT_EQ(meeting().rescheduler, std::nullopt);
  EXPECT_EQ(meeting().proposal, std::nullopt);
  // In the order they joined the group.
  EXPECT_EQ(meeting().signed_up, (std::vector<AccountId>{D::fenna, D::anna, D::daan}));
  EXPECT_EQ(meeting().facilitator, D::carla);
}

TEST_F(NewDate, AProposedDateThatHasPassedCannotBeChosen) {
  two_cancel();
  d.ok(D::bram, cmd::ProposeDates{id, {d.now + 1h, d.now + 2h}});
  d.now += 90min;
  EXPECT_EQ(d.refused(D::bram, cmd::ChooseDate{id, 0}), Code::in_the_past);
  d.ok(D::bram, cmd::ChooseDate{id, 1});
}

TEST_F(NewDate, CancellingAfterARescheduleCountsFromTheNewDate) {
  two_cancel();
  d.ok(D::bram, cmd::ProposeDates{id, three_dates()});
  d.ok(D::bram, cmd::ChooseDate{id, 0});
  d.ok(D::carla, cmd::Cancel{id, ""});
  EXPECT_EQ(meeting().status, MeetingStatus::scheduled); // Anna and Bram no longer count
  d.ok(D::fenna, cmd::Cancel{id, ""});
  EXPECT_EQ(meeting().status, MeetingStatus::needs_new_date);
  EXPECT_EQ(meeting().rescheduler, D::fenna);
}

TEST_F(NewDate, WithdrawingSoFewerThanTwoCancellationsRemainKeepsTheDateAfterAll) {
  two_cancel();
  d.ok(D::bram, cmd::ProposeDates{id, three_dates()});
  const GroupEvents events = d.ok(D::anna, cmd::WithdrawCancellation{id});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<event::RescheduleDropped>(events[1].body));
  EXPECT_EQ(meeting().status, MeetingStatus::scheduled);
  EXPECT_EQ(meeting().rescheduler, std::nullopt);
  EXPECT_EQ(meeting().proposal, std::nullopt); // proposals are dropped
  EXPECT_TRUE(meeting().is_signed_up(D::anna));
  EXPECT_EQ(meeting().sequence, 2u);
}

TEST_F(NewDate, WhenTheReschedulerWithdrawsTheNextCancellerTakesOver) {
  two_cancel();
  d.ok(D::carla, cmd::Cancel{id, ""});
  d.ok(D::daan, cmd::Cancel{id, ""});
  const GroupEvents events = d.ok(D::bram, cmd::WithdrawCancellation{id});
  ASSERT_EQ(events.size(), 2u);
  // Anna, Carla and Daan remain; the earliest after the first one is Carla.
  EXPECT_EQ(std::get<event::ReschedulerChanged>(events[1].body).rescheduler, D::carla);
  EXPECT_EQ(meeting().rescheduler, D::carla);
  EXPECT_EQ(meeting().status, MeetingStatus::needs_new_date);
}

TEST_F(NewDate, WhenTheReschedulerWithdrawsTheirProposalStandsForTheNextToChooseFrom) {
  two_cancel();
  d.ok(D::carla, cmd::Cancel{id, ""});
  d.ok(D::bram, cmd::ProposeDates{id, three_dates()});
  d.ok(D::bram, cmd::WithdrawCancellation{id});
  EXPECT_EQ(meeting().rescheduler, D::carla);
  EXPECT_TRUE(meeting().proposal.has_value());
  EXPECT_EQ(d.refused(D::bram, cmd::ChooseDate{id, 0}), Code::not_rescheduler);
  d.ok(D::carla, cmd::ChooseDate{id, 0});
}

TEST_F(NewDate, WhenTheFirstCancellerWithdrawsTheReschedulerStaysResponsible) {
  two_cancel();
  d.ok(D::carla, cmd::Cancel{id, ""});
  const GroupEvents events = d.ok(D::anna, cmd::WithdrawCancellation{id});
  EXPECT_EQ(events.size(), 1u);
  EXPECT_EQ(meeting().rescheduler, D::bram);
}

TEST_F(NewDate, WhenTheReschedulerLeavesTheGroupTheNextCancellerTakesOver) {
  two_cancel();
  d.ok(D::carla, cmd::Cancel{id, ""});
  const GroupEvents events = d.ok(D::bram, cmd::Leave{});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(std::get<event::MemberLeft>(events[0].body).meetings_left, std::vector<MeetingId>{id});
  EXPECT_EQ(meeting().rescheduler, D::carla);
  EXPECT_FALSE(meeting().has_cancelled(D::bram));
}

TEST_F(NewDate, WhenTheReschedulerLeavesWithOneCancellationLeftTheDateStands) {
  two_cancel();
  d.ok(D::bram, cmd::Leave{});
  EXPECT_EQ(meeting().status, MeetingStatus::scheduled);
  EXPECT_EQ(meeting().rescheduler, std::nullopt);
}

TEST_F(NewDate, WhenTheFirstCancellerLeavesTheDateStandsToo) {
  two_cancel();
  d.ok(D::anna, cmd::Leave{});
  EXPECT_EQ(meeting().status, MeetingStatus::scheduled);
}

TEST_F(NewDate, AMemberWhoLeavesTakesTheirAnswersWithThem) {
  two_cancel();
  d.ok(D::bram, cmd::ProposeDates{id, three_dates()});
  d.ok(D::carla, cmd::AnswerDates{id, {true, true, true}});
  d.ok(D::carla, cmd::Leave{});
  EXPECT_FALSE(meeting().proposal->answers.contains(D::carla));
  d.ok(D::bram, cmd::ChooseDate{id, 0});
  EXPECT_FALSE(meeting().is_signed_up(D::carla));
}

TEST_F(NewDate, AMeetingWaitingForANewDateCanStillBeCalledOffAfterItsOldDate) {
  two_cancel();
  d.now = meeting().starts_at + 1h;
  EXPECT_EQ(d.refused(D::anna, cmd::WithdrawCancellation{id}), Code::meeting_started);
  d.ok(D::bram, cmd::ProposeDates{id, three_dates()}); // a new date is still arranged
  d.ok(D::fenna, cmd::CallOff{id});
  EXPECT_EQ(meeting().status, MeetingStatus::called_off);
  EXPECT_EQ(d.refused(D::bram, cmd::ChooseDate{id, 0}), Code::meeting_called_off);
}

TEST_F(NewDate, TheHistoryReplaysToTheSameState) {
  two_cancel();
  d.ok(D::carla, cmd::Cancel{id, ""});
  d.ok(D::bram, cmd::ProposeDates{id, three_dates()});
  d.ok(D::anna, cmd::AnswerDates{id, {true, false, true}});
  d.ok(D::bram, cmd::Leave{});
  d.ok(D::carla, cmd::ChooseDate{id, 2});
  EXPECT_EQ(replay(d.history()), d.state());
}

} // namespace
} // namespace intervisie::core::group::testing
