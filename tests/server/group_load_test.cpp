// SPDX-License-Identifier: EUPL-1.2
// Loading the groups from the store: a history that does not fit (a damaged or hand-edited store)
// is refused with the group, the event's seq and the reason, not folded into a group that
// contradicts itself (core/group/history_check.hpp).
#include "server/codec/group_event_json.hpp"
#include "server/groups/group_registry.hpp"
#include "store/sqlite_group_store.hpp"

#include "support/server_process.hpp"

#include <gtest/gtest.h>

namespace intervisie::server {
namespace {

namespace group = core::group;
using testing::TempDir;

core::Instant at(std::int64_t ms) {
  return core::Instant{core::Duration{ms}};
}

TEST(GroupLoad, ADamagedHistoryIsRefusedWithTheGroupTheEventAndTheReason) {
  TempDir dir;
  auto store = store::open_sqlite_group_store(dir.path());
  ASSERT_TRUE(store) << store.error().message;
  const group::AccountId anna = "acc-anna";
  {
    GroupRegistry writer{**store, [] { return at(1'000); }};
    ASSERT_TRUE(writer.load());
    ASSERT_TRUE(writer.create("g-1", group::cmd::CreateGroup{"Dinsdaggroep", {}, "Anna"}, anna));
  }
  const std::uint64_t last = (*store)->group_events("g-1").value().size();
  // Anna joins a second time, as no engine would have written it.
  const group::GroupEvent twice{at(2'000), anna,
                                group::event::MemberJoined{anna, "Anna", std::nullopt, at(2'000)}};
  ASSERT_TRUE((*store)->append_group_events("g-1", last, {stored_group_event(twice)}));

  GroupRegistry reader{**store, [] { return at(3'000); }};
  const auto loaded = reader.load();
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error(), "group g-1, event " + std::to_string(last + 1) +
                                ": member \"acc-anna\" exists already");
}

} // namespace
} // namespace intervisie::server
