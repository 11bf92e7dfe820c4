// SPDX-License-Identifier: EUPL-1.2
// Two nodes sharing one group store: each sees what the other wrote, at its next request, and a
// command decided on a stale copy is decided again on the group as it is now.
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

class TwoNodes : public ::testing::Test {
protected:
  void SetUp() override {
    auto opened = store::open_sqlite_group_store(dir.path());
    ASSERT_TRUE(opened) << opened.error().message;
    store = std::move(*opened);
    first = std::make_unique<GroupRegistry>(*store, [] { return at(1'000); });
    second = std::make_unique<GroupRegistry>(*store, [] { return at(2'000); });
    ASSERT_TRUE(first->load());
    ASSERT_TRUE(second->load());
  }

  TempDir dir;
  std::unique_ptr<store::SqliteGroupStore> store;
  std::unique_ptr<GroupRegistry> first;
  std::unique_ptr<GroupRegistry> second;
  const group::AccountId anna = "acc-anna";
};

TEST_F(TwoNodes, AGroupMadeOnOneNodeIsThereOnTheOtherAtItsNextRequest) {
  ASSERT_TRUE(first->create("g-1", group::cmd::CreateGroup{"Dinsdaggroep", {}, "Anna"}, anna));
  const auto seen = second->state("g-1");
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->name, "Dinsdaggroep");
  EXPECT_EQ(second->groups_of(anna), std::vector<std::string>{"g-1"});
}

TEST_F(TwoNodes, ACommandOnAStaleCopyIsDecidedAgainOnTheGroupAsItIsNow) {
  ASSERT_TRUE(first->create("g-1", group::cmd::CreateGroup{"Dinsdaggroep", {}, "Anna"}, anna));
  ASSERT_TRUE(second->state("g-1")); // the second node has the group as created
  const std::size_t created = store->group_events("g-1").value().size();
  ASSERT_TRUE(first->execute("g-1", group::cmd::SetRetention{60}, anna));
  ASSERT_TRUE(second->execute("g-1", group::cmd::SetRetention{90}, anna));
  EXPECT_EQ(first->state("g-1")->retention_days, 90);
  EXPECT_EQ(store->group_events("g-1").value().size(), created + 2);
}

TEST_F(TwoNodes, AGroupChangedOnOneNodeWhileTheOtherHoldsItInMemoryReadsAsChanged) {
  ASSERT_TRUE(first->create("g-1", group::cmd::CreateGroup{"Dinsdaggroep", {}, "Anna"}, anna));
  EXPECT_EQ(second->state("g-1")->retention_days, std::nullopt);
  ASSERT_TRUE(first->execute("g-1", group::cmd::SetRetention{60}, anna));
  EXPECT_EQ(second->state("g-1")->retention_days, 60);
}

} // namespace
} // namespace intervisie::server
