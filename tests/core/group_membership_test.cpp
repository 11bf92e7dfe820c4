// SPDX-License-Identifier: EUPL-1.2
// Who belongs to a group: creating it, the ground rules, invitations, never more than 8, leaving.
#include "group_driver.hpp"

#include "core/group/ground_rules.hpp"

namespace intervisie::core::group::testing {
namespace {

using D = GroupDriver;
using Code = GroupRefusalCode;

TEST(GroupMembership, CreatingAGroupMakesTheCreatorItsFirstMemberWhoAcceptsTheGroundRules) {
  D d(1);
  const GroupState& state = d.state();
  EXPECT_TRUE(state.created);
  EXPECT_EQ(state.name, "Dinsdaggroep");
  EXPECT_EQ(state.own_rules, std::vector<std::string>{"We beginnen op tijd."});
  EXPECT_EQ(state.created_by, D::fenna);
  ASSERT_EQ(state.members.size(), 1u);
  const Member& fenna = state.members.front();
  EXPECT_EQ(fenna.account, D::fenna);
  EXPECT_EQ(fenna.display_name, "Fenna");
  EXPECT_EQ(fenna.rules_accepted_at, state.created_at);
  EXPECT_EQ(fenna.invitation, std::nullopt);
  EXPECT_TRUE(state.is_member(D::fenna));
}

TEST(GroupMembership, AGroupIsCreatedOnce) {
  D d(1);
  EXPECT_EQ(d.refused(D::pieter, cmd::CreateGroup{"Nog een", {}, "Pieter"}), Code::group_exists);
}

TEST(GroupMembership, NothingButCreatingHappensBeforeThereIsAGroup) {
  const GroupState empty;
  const auto decided = decide(empty, cmd::Leave{}, D::fenna, moment(0));
  ASSERT_FALSE(decided.has_value());
  EXPECT_EQ(decided.error().code, Code::no_group);
}

TEST(GroupMembership, AGroupAddsAtMostTenRulesOfItsOwnOfAtMost300CharactersEach) {
  const GroupState empty;
  const auto create = [&](std::vector<std::string> rules) {
    return decide(empty, cmd::CreateGroup{"Groep", std::move(rules), "Fenna"}, D::fenna, moment(0));
  };
  EXPECT_TRUE(create(std::vector<std::string>(10, "Telefoons gaan weg.")).has_value());
  EXPECT_EQ(create(std::vector<std::string>(11, "Telefoons gaan weg.")).error().code,
            Code::too_many_rules);
  EXPECT_TRUE(create({std::string(300, 'x')}).has_value());
  const auto too_long = create({std::string(301, 'x')});
  EXPECT_EQ(too_long.error().code, Code::text_too_long);
  EXPECT_EQ(too_long.error().field, "own_rules");
  EXPECT_EQ(create({"  "}).error().code, Code::empty_text);
}

TEST(GroupMembership, TheFixedGroundRulesAndConditionsAreKnownByKey) {
  EXPECT_EQ(ground_rules.size(), 9u);
  EXPECT_EQ(ground_rules[2], "second_to_cancel_arranges");
  EXPECT_EQ(conditions.size(), 6u);
}

TEST(GroupMembership, AMemberInvitesAndTheInviteeJoinsByAcceptingTheGroundRules) {
  D d(1);
  const InvitationId invitation = d.invite();
  const Invitation* made = d.state().find_invitation(invitation);
  ASSERT_NE(made, nullptr);
  EXPECT_EQ(made->invited_by, D::fenna);
  EXPECT_EQ(made->status(d.now), InvitationStatus::open);
  d.ok(D::pieter, cmd::AcceptInvitation{invitation, "Pieter", true});
  const Member* pieter = d.state().find_member(D::pieter);
  ASSERT_NE(pieter, nullptr);
  EXPECT_EQ(pieter->rules_accepted_at, d.now);
  EXPECT_EQ(pieter->joined_at, d.now);
  EXPECT_EQ(pieter->invitation, invitation);
  EXPECT_EQ(d.state().find_invitation(invitation)->status(d.now), InvitationStatus::used);
}

TEST(GroupMembership, JoiningNeedsTheGroundRulesAcceptedExplicitly) {
  D d(1);
  const InvitationId invitation = d.invite();
  EXPECT_EQ(d.refused(D::pieter, cmd::AcceptInvitation{invitation, "Pieter", false}),
            Code::ground_rules_not_accepted);
  d.ok(D::pieter, cmd::AcceptInvitation{invitation, "Pieter", true});
}

TEST(GroupMembership, AnInvitationIsUsedOnce) {
  D d(1);
  const InvitationId invitation = d.invite();
  d.ok(D::pieter, cmd::AcceptInvitation{invitation, "Pieter", true});
  EXPECT_EQ(d.refused(D::anna, cmd::AcceptInvitation{invitation, "Anna", true}),
            Code::invitation_used);
}

TEST(GroupMembership, AnInvitationExpiresAfterSevenDaysUnlessSaidOtherwise) {
  D d(1);
  const InvitationId invitation = d.invite();
  EXPECT_EQ(d.state().find_invitation(invitation)->expires_at, d.now + std::chrono::days{7});
  d.now += std::chrono::days{7};
  EXPECT_EQ(d.refused(D::pieter, cmd::AcceptInvitation{invitation, "Pieter", true}),
            Code::invitation_expired);
}

TEST(GroupMembership, AnInvitationLivesAtMostThirtyDays) {
  D d(1);
  d.ok(D::fenna, cmd::CreateInvitation{"month", d.now + std::chrono::days{30}});
  EXPECT_EQ(d.refused(D::fenna, cmd::CreateInvitation{"longer", d.now + std::chrono::days{31}}),
            Code::bad_expiry);
  EXPECT_EQ(d.refused(D::fenna, cmd::CreateInvitation{"gone", d.now}), Code::bad_expiry);
}

TEST(GroupMembership, ARevokedInvitationCannotBeUsed) {
  D d(2);
  const InvitationId invitation = d.invite(D::pieter);
  d.ok(D::fenna, cmd::RevokeInvitation{invitation}); // any member may revoke
  EXPECT_EQ(d.refused(D::anna, cmd::AcceptInvitation{invitation, "Anna", true}),
            Code::invitation_revoked);
  EXPECT_EQ(d.refused(D::fenna, cmd::RevokeInvitation{invitation}), Code::invitation_revoked);
}

TEST(GroupMembership, InvitationsAreKnownByTheirIdOnce) {
  D d(1);
  d.ok(D::fenna, cmd::CreateInvitation{"abc", std::nullopt});
  EXPECT_EQ(d.refused(D::fenna, cmd::CreateInvitation{"abc", std::nullopt}),
            Code::duplicate_invitation);
  EXPECT_EQ(d.refused(D::pieter, cmd::AcceptInvitation{"xyz", "Pieter", true}),
            Code::invitation_unknown);
  EXPECT_EQ(d.refused(D::fenna, cmd::CreateInvitation{"", std::nullopt}), Code::bad_id);
}

TEST(GroupMembership, OnlyMembersInvite) {
  D d(1);
  EXPECT_EQ(d.refused(D::outsider, cmd::CreateInvitation{"x", std::nullopt}), Code::not_member);
}

TEST(GroupMembership, AMemberCannotJoinTwice) {
  D d(2);
  const InvitationId invitation = d.invite();
  EXPECT_EQ(d.refused(D::pieter, cmd::AcceptInvitation{invitation, "Pieter", true}),
            Code::already_member);
}

TEST(GroupMembership, NeverMoreThanEightMembers) {
  D d(8);
  EXPECT_EQ(d.state().members.size(), 8u);
  EXPECT_EQ(d.refused(D::fenna, cmd::CreateInvitation{"ninth", std::nullopt}), Code::group_full);
}

TEST(GroupMembership, AnInvitationMadeWhileThereWasRoomFindsTheGroupFull) {
  D d(6);
  const InvitationId for_gijs = d.invite();
  const InvitationId for_hanna = d.invite();
  d.join(D::eva, "Eva");
  d.ok(D::gijs, cmd::AcceptInvitation{for_gijs, "Gijs", true});
  EXPECT_EQ(d.refused(D::hanna, cmd::AcceptInvitation{for_hanna, "Hanna", true}), Code::group_full);
}

TEST(GroupMembership, AGroupOfFewerThanFiveIsSmall) {
  EXPECT_TRUE(is_small(D(4).state()));
  EXPECT_FALSE(is_small(D(5).state()));
}

TEST(GroupMembership, NoTwoMembersGoByTheSameName) {
  D d(2);
  EXPECT_EQ(d.refused(D::anna, cmd::AcceptInvitation{d.invite(), " pieter ", true}),
            Code::name_taken);
  EXPECT_EQ(d.refused(D::anna, cmd::AcceptInvitation{d.invite(), "Pi\xD0\xB5ter", true}),
            Code::name_taken)
      << "a Cyrillic e";
  EXPECT_EQ(d.refused(D::anna, cmd::AcceptInvitation{d.invite(), "Pie\xE2\x80\x8Dter", true}),
            Code::bad_text)
      << "an invisible joiner";
}

TEST(GroupMembership, DisplayNamesAreTrimmedAndLimited) {
  D d(1);
  const InvitationId invitation = d.invite();
  EXPECT_EQ(d.refused(D::anna, cmd::AcceptInvitation{invitation, std::string(61, 'a'), true}),
            Code::text_too_long);
  EXPECT_EQ(d.refused(D::anna, cmd::AcceptInvitation{invitation, "\t", true}), Code::empty_text);
  EXPECT_EQ(d.refused(D::anna, cmd::AcceptInvitation{invitation, "Ann\xC3", true}), Code::bad_text);
  d.ok(D::anna, cmd::AcceptInvitation{invitation, "  Anna\n", true});
  EXPECT_EQ(d.state().find_member(D::anna)->display_name, "Anna");
}

TEST(GroupMembership, AMemberMayLeaveAtAnyTimeAndIsRememberedAsAFormerMember) {
  D d(3);
  d.ok(D::anna, cmd::Leave{});
  EXPECT_FALSE(d.state().is_member(D::anna));
  const FormerMember* anna = d.state().find_former_member(D::anna);
  ASSERT_NE(anna, nullptr);
  EXPECT_EQ(anna->display_name, "Anna");
  EXPECT_EQ(anna->left_at, d.now);
  EXPECT_EQ(d.state().display_name(D::anna), "Anna");
  EXPECT_EQ(d.refused(D::anna, cmd::Leave{}), Code::not_member);
}

TEST(GroupMembership, AFormerMemberMayBeInvitedBack) {
  D d(3);
  d.ok(D::anna, cmd::Leave{});
  d.join(D::anna, "Anna");
  EXPECT_TRUE(d.state().is_member(D::anna));
  EXPECT_EQ(d.state().find_former_member(D::anna), nullptr);
}

TEST(GroupMembership, LeavingMakesRoomInAFullGroup) {
  D d(8);
  d.ok(D::bram, cmd::Leave{});
  d.join(D::hanna, "Hanna");
  EXPECT_EQ(d.state().members.size(), 8u);
}

TEST(GroupMembership, LeavingClearsSignUpsAndCancellationsForMeetingsStillToComeOnly) {
  D d(4);
  const MeetingId past = d.schedule(D::fenna, d.now + 1h);
  d.ok(D::anna, cmd::SignUp{past});
  const MeetingId future = d.schedule();
  const MeetingId other = d.schedule();
  d.ok(D::anna, cmd::SignUp{future});
  d.ok(D::anna, cmd::Cancel{other, "Op reis."});
  d.ok(D::fenna, cmd::SetFacilitator{future, D::anna});
  d.now += 2h; // the first meeting has taken place
  const GroupEvents left = d.ok(D::anna, cmd::Leave{});
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(std::get<event::MemberLeft>(left.front().body).meetings_left,
            (std::vector<MeetingId>{future, other}));
  EXPECT_TRUE(d.meeting(past).is_signed_up(D::anna)); // history stays as it was
  EXPECT_FALSE(d.meeting(future).is_signed_up(D::anna));
  EXPECT_EQ(d.meeting(future).facilitator, std::nullopt);
  EXPECT_FALSE(d.meeting(other).has_cancelled(D::anna));
}

TEST(GroupMembership, TheInvitationsOfAMemberWhoLeftStayValid) {
  D d(3);
  const InvitationId invitation = d.invite(D::anna);
  d.ok(D::anna, cmd::Leave{});
  d.ok(D::bram, cmd::AcceptInvitation{invitation, "Bram", true});
}

} // namespace
} // namespace intervisie::core::group::testing
