// SPDX-License-Identifier: EUPL-1.2
// How long a group keeps the content of its cases: the server's default until a member chooses.
#include "group_driver.hpp"

namespace intervisie::core::group::testing {
namespace {

using D = GroupDriver;
using Code = GroupRefusalCode;

TEST(Retention, AGroupUsesTheServersDefaultUntilAMemberChooses) {
  D d;
  EXPECT_EQ(d.state().retention_days, std::nullopt);
  d.ok(D::pieter, cmd::SetRetention{14});
  EXPECT_EQ(d.state().retention_days, 14);
}

TEST(Retention, ZeroDaysGoesBackToTheServersDefault) {
  D d;
  d.ok(D::anna, cmd::SetRetention{90});
  d.ok(D::anna, cmd::SetRetention{0});
  EXPECT_EQ(d.state().retention_days, std::nullopt);
}

TEST(Retention, AGroupKeepsCasesForOneDayToAYear) {
  D d;
  d.ok(D::anna, cmd::SetRetention{1});
  d.ok(D::anna, cmd::SetRetention{365});
  EXPECT_EQ(d.refused(D::anna, cmd::SetRetention{366}), Code::bad_retention);
  EXPECT_EQ(d.refused(D::anna, cmd::SetRetention{-1}), Code::bad_retention);
  EXPECT_EQ(d.state().retention_days, 365);
}

TEST(Retention, OnlyMembersChooseIt) {
  D d;
  EXPECT_EQ(d.refused(D::outsider, cmd::SetRetention{7}), Code::not_member);
}

} // namespace
} // namespace intervisie::core::group::testing
