// SPDX-License-Identifier: EUPL-1.2
// Incident step 1: everyone may put issues on the flip chart; the facilitator (or a vote,
// one vote each) chooses one, and its owner becomes the presenter.
#include "session_driver.hpp"

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;

constexpr CandidateId first{1};
constexpr CandidateId second{2};
constexpr CandidateId third{3};

// An incident session in its inventory, with issues from Pieter, Anna and Bram.
SessionDriver inventory_with_three_issues(std::size_t people = 6) {
  SessionDriver s("incident", people);
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::ProposeIssue{"Ik weet niet hoe ik een collega aanspreek."});
  s.ok(D::anna, command::ProposeIssue{"Ik wil minder overwerken."});
  s.ok(D::bram, command::ProposeIssue{"Ik twijfel over een nieuwe functie."});
  return s;
}

TEST(Inventory, TheIncidentMethodBeginsWithTheInventory) {
  SessionDriver s("incident");
  s.ok(D::fenna, command::Start{});
  EXPECT_EQ(s.state().current_step()->kind, StepKind::inventory);
}

TEST(Inventory, EveryoneMayPutAnIssueOnTheFlipChart) {
  SessionDriver s("incident", 4);
  s.ok(D::fenna, command::Start{});
  for (const Participant& p : std::vector<Participant>(s.state().participants))
    s.ok(p.id, command::ProposeIssue{"Ik wil iets van " + p.name + "."});
  ASSERT_EQ(s.state().candidates.size(), 4u);
  EXPECT_EQ(s.state().candidates[1].owner, D::pieter);
  EXPECT_EQ(s.state().candidates[1].text, "Ik wil iets van Pieter.");
  EXPECT_EQ(s.state().candidates[1].id, second);
}

TEST(Inventory, IssuesGoOnTheFlipChartOnlyDuringTheInventory) {
  SessionDriver s("balint", 4);
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  s.ok(D::fenna, command::Start{});
  EXPECT_EQ(s.refused(D::anna, command::ProposeIssue{"Ik wil ook iets."}), RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(D::anna, command::Vote{first}), RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(D::fenna, command::ChooseIssue{first}), RefusalCode::wrong_step);
  EXPECT_EQ(s.refused(D::anna, command::WithdrawIssue{first}), RefusalCode::wrong_step);
}

TEST(Inventory, NothingGoesOnTheFlipChartBeforeTheStart) {
  SessionDriver s("incident", 4);
  EXPECT_EQ(s.refused(D::pieter, command::ProposeIssue{"Ik wil iets."}), RefusalCode::not_started);
}

TEST(Inventory, OnlyTheOwnerWithdrawsAnIssue) {
  SessionDriver s = inventory_with_three_issues();
  EXPECT_EQ(s.refused(D::fenna, command::WithdrawIssue{first}), RefusalCode::not_allowed_for_role);
  s.ok(D::pieter, command::WithdrawIssue{first});
  EXPECT_TRUE(s.state().candidates[0].withdrawn);
}

TEST(Inventory, AWithdrawnIssueCannotBeChosenOrVotedFor) {
  SessionDriver s = inventory_with_three_issues();
  s.ok(D::pieter, command::WithdrawIssue{first});
  EXPECT_EQ(s.refused(D::carla, command::Vote{first}), RefusalCode::issue_withdrawn);
  EXPECT_EQ(s.refused(D::fenna, command::ChooseIssue{first}), RefusalCode::issue_withdrawn);
  EXPECT_EQ(s.refused(D::pieter, command::WithdrawIssue{first}), RefusalCode::issue_withdrawn);
}

TEST(Inventory, WithdrawingAnIssueTakesItsVotesAway) {
  SessionDriver s = inventory_with_three_issues();
  s.ok(D::carla, command::Vote{first});
  s.ok(D::daan, command::Vote{first});
  s.ok(D::bram, command::Vote{second});
  s.ok(D::pieter, command::WithdrawIssue{first});
  EXPECT_EQ(s.state().votes.size(), 1u);
  s.ok(D::fenna, command::ChooseIssue{});
  EXPECT_EQ(s.state().presenter, D::anna);
}

TEST(Inventory, OnlyIssuesOnTheFlipChartCanBeChosen) {
  SessionDriver s = inventory_with_three_issues();
  EXPECT_EQ(s.refused(D::carla, command::Vote{CandidateId{0}}), RefusalCode::unknown_candidate);
  EXPECT_EQ(s.refused(D::carla, command::Vote{CandidateId{4}}), RefusalCode::unknown_candidate);
  EXPECT_EQ(s.refused(D::fenna, command::ChooseIssue{CandidateId{9}}),
            RefusalCode::unknown_candidate);
  EXPECT_EQ(s.refused(D::pieter, command::WithdrawIssue{CandidateId{9}}),
            RefusalCode::unknown_candidate);
}

TEST(Inventory, TheFacilitatorChoosesAndTheOwnerPresents) {
  SessionDriver s = inventory_with_three_issues();
  s.ok(D::fenna, command::ChooseIssue{second});
  EXPECT_EQ(s.state().chosen_candidate, second);
  EXPECT_EQ(s.state().presenter, D::anna);
  EXPECT_FALSE(s.state().is_adviser(D::anna));
}

TEST(Inventory, OnlyTheFacilitatorChooses) {
  SessionDriver s = inventory_with_three_issues();
  EXPECT_EQ(s.refused(D::pieter, command::ChooseIssue{first}), RefusalCode::not_allowed_for_role);
}

TEST(Inventory, EveryoneHasOneVote) {
  SessionDriver s = inventory_with_three_issues();
  s.ok(D::carla, command::Vote{first});
  s.ok(D::carla, command::Vote{third}); // a second vote replaces the first
  s.ok(D::daan, command::Vote{second});
  s.ok(D::pieter, command::Vote{third});
  EXPECT_EQ(s.state().votes.size(), 3u);
  EXPECT_EQ(s.state().votes.at(D::carla), third);
  s.ok(D::fenna, command::ChooseIssue{});
  EXPECT_EQ(s.state().presenter, D::bram);
}

TEST(Inventory, TheMostVotesDecide) {
  SessionDriver s = inventory_with_three_issues();
  s.ok(D::carla, command::Vote{second});
  s.ok(D::daan, command::Vote{second});
  s.ok(D::bram, command::Vote{first});
  s.ok(D::fenna, command::ChooseIssue{});
  EXPECT_EQ(s.state().chosen_candidate, second);
  EXPECT_EQ(s.state().presenter, D::anna);
}

TEST(Inventory, ATiedVoteIsLeftToTheFacilitator) {
  SessionDriver s = inventory_with_three_issues();
  s.ok(D::carla, command::Vote{first});
  s.ok(D::daan, command::Vote{second});
  EXPECT_EQ(s.refused(D::fenna, command::ChooseIssue{}), RefusalCode::vote_tied);
  s.ok(D::fenna, command::ChooseIssue{second});
  EXPECT_EQ(s.state().presenter, D::anna);
}

TEST(Inventory, WithoutVotesTheFacilitatorMustNameTheIssue) {
  SessionDriver s = inventory_with_three_issues();
  EXPECT_EQ(s.refused(D::fenna, command::ChooseIssue{}), RefusalCode::no_votes);
}

TEST(Inventory, TheFacilitatorsOwnIssueNeedsAnotherFacilitator) {
  SessionDriver s("incident", 4);
  s.ok(D::fenna, command::Start{});
  s.ok(D::fenna, command::ProposeIssue{"Ik wil beter begeleiden."});
  EXPECT_EQ(s.refused(D::fenna, command::ChooseIssue{first}),
            RefusalCode::facilitator_cannot_present);
  s.ok(D::fenna, command::HandOverFacilitator{D::anna});
  s.ok(D::anna, command::ChooseIssue{first});
  EXPECT_EQ(s.state().presenter, D::fenna);
  EXPECT_EQ(s.state().facilitator, D::anna);
}

TEST(Inventory, SomeoneMustBeLeftToAskThePresenter) {
  // Two people and an external facilitator: if Pieter presents, nobody asks him anything.
  SessionDriver s("incident", 2, false);
  s.ok(D::fenna, command::Start{});
  s.ok(D::pieter, command::ProposeIssue{"Ik wil iets."});
  EXPECT_EQ(s.refused(D::fenna, command::ChooseIssue{first}), RefusalCode::no_advisers);
}

TEST(Inventory, OnceChosenTheFlipChartIsClosed) {
  SessionDriver s = inventory_with_three_issues();
  s.ok(D::fenna, command::ChooseIssue{first});
  EXPECT_EQ(s.refused(D::carla, command::ProposeIssue{"Ik nog iets."}),
            RefusalCode::issue_already_chosen);
  EXPECT_EQ(s.refused(D::carla, command::Vote{second}), RefusalCode::issue_already_chosen);
  EXPECT_EQ(s.refused(D::anna, command::WithdrawIssue{second}), RefusalCode::issue_already_chosen);
  EXPECT_EQ(s.refused(D::fenna, command::ChooseIssue{second}), RefusalCode::issue_already_chosen);
  EXPECT_EQ(s.state().presenter, D::pieter);
}

TEST(Inventory, TheStepEndsOnlyWithAChosenIssue) {
  SessionDriver s = inventory_with_three_issues();
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{}), RefusalCode::step_not_complete);
  EXPECT_EQ(s.refused(D::fenna, command::NextStep{true}), RefusalCode::step_not_complete);
  s.ok(D::fenna, command::ChooseIssue{first});
  s.next();
  EXPECT_EQ(s.state().current_step()->kind, StepKind::statement);
}

TEST(Inventory, AProposedIssueNeedsText) {
  SessionDriver s("incident", 3);
  s.ok(D::fenna, command::Start{});
  EXPECT_EQ(s.refused(D::pieter, command::ProposeIssue{" \n "}), RefusalCode::text_empty);
}

} // namespace
} // namespace intervisie::core::testing
