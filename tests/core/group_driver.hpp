// SPDX-License-Identifier: EUPL-1.2
// Drives one group in tests the way the server will: decide, then apply what was decided,
// keeping the whole history so a test can check that the state is its fold.
#pragma once

#include "core/group/engine.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace intervisie::core::group {
// Refusal codes print by their wire name in failure messages.
inline void PrintTo(GroupRefusalCode code, std::ostream* out) {
  *out << to_string(code);
}
} // namespace intervisie::core::group

namespace intervisie::core::group::testing {

using namespace std::chrono_literals;

// Day `day` after Monday 5 January 2026, at hour:minute UTC.
inline Instant moment(int day, int hour = 0, int minute = 0) {
  return Instant{std::chrono::sys_days{std::chrono::January / 5 / 2026} + std::chrono::days{day} +
                 std::chrono::hours{hour} + std::chrono::minutes{minute}};
}

class GroupDriver {
public:
  // Fenna creates "Dinsdaggroep"; then Pieter, Anna, Bram, Carla, Daan, Eva, Gijs join, each
  // by an invitation of Fenna's, until the group has `members`.
  explicit GroupDriver(std::size_t members = 6) {
    ok(fenna, cmd::CreateGroup{"Dinsdaggroep", {"We beginnen op tijd."}, "Fenna"});
    for (std::size_t i = 1; i < members; ++i)
      join(everyone[i], names[i]);
  }

  static inline const AccountId fenna = "account-fenna";
  static inline const AccountId pieter = "account-pieter";
  static inline const AccountId anna = "account-anna";
  static inline const AccountId bram = "account-bram";
  static inline const AccountId carla = "account-carla";
  static inline const AccountId daan = "account-daan";
  static inline const AccountId eva = "account-eva";
  static inline const AccountId gijs = "account-gijs";
  static inline const AccountId hanna = "account-hanna"; // the ninth: never fits
  static inline const AccountId outsider = "account-outsider";
  static inline const std::vector<AccountId> everyone{fenna, pieter, anna, bram, carla,
                                                      daan,  eva,    gijs, hanna};
  static inline const std::vector<std::string> names{"Fenna", "Pieter", "Anna", "Bram", "Carla",
                                                     "Daan",  "Eva",    "Gijs", "Hanna"};

  const GroupState& state() const { return state_; }
  const std::vector<GroupEvent>& history() const { return history_; }
  const Meeting& meeting(const MeetingId& id) const {
    const Meeting* found = state_.find_meeting(id);
    EXPECT_NE(found, nullptr) << id;
    static const Meeting none;
    return found ? *found : none;
  }

  std::expected<GroupEvents, GroupRefusal> send(const AccountId& actor, GroupCommand command) {
    now += 1s;
    auto decided = decide(state_, command, actor, now);
    if (decided)
      for (const GroupEvent& event : *decided) {
        apply(state_, event);
        history_.push_back(event);
      }
    return decided;
  }

  // The command must succeed.
  GroupEvents ok(const AccountId& actor, GroupCommand command) {
    auto decided = send(actor, std::move(command));
    EXPECT_TRUE(decided.has_value()) << "refused: " << to_string(decided.error().code);
    return decided.value_or(GroupEvents{});
  }

  // The command must be refused, and the state must stay exactly as it was.
  GroupRefusalCode refused(const AccountId& actor, GroupCommand command) {
    const GroupState before = state_;
    auto decided = send(actor, std::move(command));
    EXPECT_FALSE(decided.has_value()) << "was accepted";
    EXPECT_EQ(state_, before);
    return decided ? GroupRefusalCode{} : decided.error().code;
  }

  InvitationId invite(const AccountId& by = fenna) {
    const InvitationId id = "invitation-" + std::to_string(++invitations_);
    ok(by, cmd::CreateInvitation{id, std::nullopt});
    return id;
  }

  void join(const AccountId& account, const std::string& name) {
    ok(account, cmd::AcceptInvitation{invite(), name, true});
  }

  // A meeting in a week, 19:00-21:00 in "De Linde", scheduled by Fenna unless said otherwise.
  MeetingId schedule(const AccountId& by = fenna, std::optional<Instant> starts_at = std::nullopt) {
    const MeetingId id = "meeting-" + std::to_string(++meetings_);
    ok(by, cmd::ScheduleMeeting{id, starts_at.value_or(next_week()), 120, "De Linde", ""});
    return id;
  }

  Instant next_week() const {
    return std::chrono::floor<std::chrono::days>(now) + std::chrono::days{7} + 19h;
  }

  // Everyone in the group signs up for the meeting (who has not yet).
  void everyone_signs_up(const MeetingId& id) {
    for (const Member& member : std::vector<Member>(state_.members))
      if (!meeting(id).is_signed_up(member.account))
        ok(member.account, cmd::SignUp{id});
  }

  Instant now = moment(0, 9);

private:
  GroupState state_;
  std::vector<GroupEvent> history_;
  int invitations_ = 0;
  int meetings_ = 0;
};

} // namespace intervisie::core::group::testing
