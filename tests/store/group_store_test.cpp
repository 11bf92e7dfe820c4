// SPDX-License-Identifier: EUPL-1.2
// The groups store's contract (accounts, logins, group streams, invitation links, seats), as
// every adapter must keep it; run against SQLite (groups.db) and PostgreSQL: accounts, logins
// and group streams are kept exactly, a taken address or a stale sequence number is a conflict
// that writes nothing, and everything is there after reopening.
#include "support/store_place.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace intervisie::store {
namespace {

using testing::Backend;
using testing::GroupStores;
using testing::StorePlace;

class GroupStoreTest : public ::testing::TestWithParam<Backend> {
protected:
  GroupStores open() const {
    auto stores = place.open_group_stores();
    if (!stores)
      throw std::runtime_error(stores.error().message);
    return std::move(*stores);
  }

  StorePlace place{GetParam()};
};

const Account anna{"acc-anna", "anna@school.nl", "Anna", "$argon2id$…", 1000, 0};

TEST_P(GroupStoreTest, AnAccountIsFoundByIdAndByAddressAndAnAddressIsTakenOnce) {
  const GroupStores stores = open();
  ASSERT_TRUE(stores.accounts().create_account(anna));
  EXPECT_EQ(stores.accounts().account("acc-anna").value(), anna);
  EXPECT_EQ(stores.accounts().account_by_email("anna@school.nl").value(), anna);
  EXPECT_EQ(stores.accounts().account("nobody").value(), std::nullopt);

  Account twin = anna;
  twin.id = "acc-twin";
  const auto taken = stores.accounts().create_account(twin);
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code, StoreErrorCode::conflict);
  EXPECT_EQ(stores.accounts().account("acc-twin").value(), std::nullopt);
}

TEST_P(GroupStoreTest, ChangingOrDeletingAnAccountThatIsNotThereIsNotFound) {
  const GroupStores stores = open();
  Account ghost = anna;
  ghost.id = "acc-ghost";
  EXPECT_EQ(stores.accounts().update_account(ghost).error().code, StoreErrorCode::not_found);
  EXPECT_EQ(stores.accounts().delete_account("acc-ghost").error().code, StoreErrorCode::not_found);
}

TEST_P(GroupStoreTest, DeletingAnAccountEndsItsLogins) {
  const GroupStores stores = open();
  ASSERT_TRUE(stores.accounts().create_account(anna));
  const Login here{"hash-1", "acc-anna", "csrf-1", 1000, 2000};
  ASSERT_TRUE(stores.accounts().add_login(here));
  EXPECT_EQ(stores.accounts().login("hash-1").value(), here);
  ASSERT_TRUE(stores.accounts().delete_account("acc-anna"));
  EXPECT_EQ(stores.accounts().login("hash-1").value(), std::nullopt);
  EXPECT_EQ(stores.accounts().account("acc-anna").value(), std::nullopt);
}

TEST_P(GroupStoreTest, TheFirstServerKeyStays) {
  const GroupStores stores = open();
  EXPECT_EQ(stores.accounts().server_key("feed", "first").value(), "first");
  EXPECT_EQ(stores.accounts().server_key("feed", "second").value(), "first");
}

TEST_P(GroupStoreTest, AGroupStreamGrowsOnlyFromTheSequenceItWasReadAt) {
  const GroupStores stores = open();
  const std::vector<NewEvent> two{{"group_created", "{}", 10}, {"member_joined", "{}", 20}};
  EXPECT_EQ(stores.groups().append_group_events("g-1", 0, two).value(), 2u);
  const auto stale = stores.groups().append_group_events("g-1", 1, {{"left", "{}", 30}});
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, StoreErrorCode::conflict);
  EXPECT_EQ(stores.groups().append_group_events("g-2", 0, {{"group_created", "{}", 15}}).value(),
            1u);

  const auto groups = stores.groups().all_groups().value();
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].group_id, "g-1");
  EXPECT_EQ(groups[0].events, (std::vector<StoredEvent>{{1, "group_created", "{}", 10},
                                                        {2, "member_joined", "{}", 20}}));
  EXPECT_EQ(groups[1].events, (std::vector<StoredEvent>{{1, "group_created", "{}", 15}}));
}

TEST_P(GroupStoreTest, EverythingIsThereAfterReopening) {
  {
    const GroupStores stores = open();
    ASSERT_TRUE(stores.accounts().create_account(anna));
    ASSERT_TRUE(stores.groups().append_group_events("g-1", 0, {{"group_created", "{}", 10}}));
    ASSERT_TRUE(stores.groups().put_invitation_link("token-hash", {"g-1", "inv-1"}));
    ASSERT_TRUE(stores.groups().put_session_seat({"s-1", 2, "acc-anna"}));
    ASSERT_TRUE(stores.groups().put_session_seat({"s-1", 1, "acc-bram"}));
  }
  const GroupStores stores = open();
  EXPECT_EQ(stores.accounts().account("acc-anna").value(), anna);
  EXPECT_EQ(stores.groups().all_groups().value().size(), 1u);
  EXPECT_EQ(stores.groups().invitation_link("token-hash").value(),
            (InvitationLink{"g-1", "inv-1"}));
  EXPECT_EQ(stores.groups().invitation_link("other").value(), std::nullopt);
  EXPECT_EQ(stores.groups().session_seats("s-1").value(),
            (std::vector<SessionSeat>{{"s-1", 1, "acc-bram"}, {"s-1", 2, "acc-anna"}}));
  EXPECT_EQ(stores.groups().seats_of_account("acc-anna").value(),
            (std::vector<SessionSeat>{{"s-1", 2, "acc-anna"}}));
  ASSERT_TRUE(stores.groups().remove_session_seats("acc-anna"));
  EXPECT_EQ(stores.groups().session_seats("s-1").value(),
            (std::vector<SessionSeat>{{"s-1", 1, "acc-bram"}}));
  EXPECT_EQ(stores.groups().seats_of_account("acc-anna").value(), std::vector<SessionSeat>{});
  EXPECT_EQ(stores.groups().session_seats("s-2").value(), std::vector<SessionSeat>{});
}

TEST_P(GroupStoreTest, EveryGroupWriteIsAChangeThatAReaderSeesOnceInOrder) {
  const GroupStores stores = open();
  GroupStore& store = stores.groups();
  const GroupChanges none = store.group_changes(0).value();
  EXPECT_EQ(none.group_ids, std::vector<std::string>{});

  ASSERT_TRUE(store.append_group_events("g-1", 0, {{"group_created", "{}", 10}}));
  ASSERT_TRUE(store.append_group_events("g-2", 0, {{"group_created", "{}", 11}}));
  const GroupChanges first = store.group_changes(none.version).value();
  EXPECT_EQ(first.group_ids, (std::vector<std::string>{"g-1", "g-2"}));
  EXPECT_EQ(store.group_changes(first.version).value().group_ids, std::vector<std::string>{});

  // A rewrite (someone erased) counts too; the group changed last comes last.
  ASSERT_TRUE(store.rewrite_group("g-1", {{"group_created", "{\"x\":1}", 10}}));
  ASSERT_TRUE(store.append_group_events("g-2", 1, {{"member_joined", "{}", 12}}));
  const GroupChanges second = store.group_changes(first.version).value();
  EXPECT_EQ(second.group_ids, (std::vector<std::string>{"g-1", "g-2"}));
  EXPECT_GT(second.version, first.version);
  EXPECT_EQ(store.group_events("g-1").value(),
            (std::vector<StoredEvent>{{1, "group_created", "{\"x\":1}", 10}}));
  EXPECT_EQ(store.group_events("none").value(), std::vector<StoredEvent>{});

  // A refused write is no change.
  ASSERT_FALSE(store.append_group_events("g-2", 0, {{"group_created", "{}", 13}}));
  EXPECT_EQ(store.group_changes(second.version).value().version, second.version);
}
TEST_P(GroupStoreTest, AnAccountsNameAndPasswordChangeButItsAddressStays) {
  const GroupStores stores = open();
  ASSERT_TRUE(stores.accounts().create_account(anna));
  Account renamed = anna;
  renamed.display_name = "Anna de Vries";
  renamed.password_hash = "$argon2id$new";
  renamed.feed_generation = 3;
  renamed.email = "ignored@school.nl";
  ASSERT_TRUE(stores.accounts().update_account(renamed));
  renamed.email = anna.email;
  EXPECT_EQ(stores.accounts().account("acc-anna").value(), renamed);
}

TEST_P(GroupStoreTest, LoggingOutEverywhereEndsEveryLoginOfThatAccountOnly) {
  const GroupStores stores = open();
  ASSERT_TRUE(stores.accounts().create_account(anna));
  Account bram{"acc-bram", "bram@school.nl", "Bram", "$argon2id$…", 1000, 0};
  ASSERT_TRUE(stores.accounts().create_account(bram));
  ASSERT_TRUE(stores.accounts().add_login({"hash-1", "acc-anna", "csrf-1", 1000, 2000}));
  ASSERT_TRUE(stores.accounts().add_login({"hash-2", "acc-anna", "csrf-2", 1000, 2000}));
  ASSERT_TRUE(stores.accounts().add_login({"hash-3", "acc-bram", "csrf-3", 1000, 2000}));
  ASSERT_TRUE(stores.accounts().remove_login("hash-1"));
  EXPECT_EQ(stores.accounts().login("hash-1").value(), std::nullopt);
  EXPECT_NE(stores.accounts().login("hash-2").value(), std::nullopt);
  ASSERT_TRUE(stores.accounts().remove_logins("acc-anna"));
  EXPECT_EQ(stores.accounts().login("hash-2").value(), std::nullopt);
  EXPECT_NE(stores.accounts().login("hash-3").value(), std::nullopt);
}

TEST_P(GroupStoreTest, AGroupIsRewrittenSeqForSeqOnlyWhenNothingWasAppendedMeanwhile) {
  const GroupStores stores = open();
  ASSERT_TRUE(stores.groups().append_group_events(
      "g-1", 0, {{"group_created", "{\"by\":\"Anna\"}", 10}, {"member_joined", "{}", 20}}));
  EXPECT_EQ(stores.groups().rewrite_group("g-1", {{"group_created", "{}", 10}}).error().code,
            StoreErrorCode::conflict);
  ASSERT_TRUE(stores.groups().rewrite_group(
      "g-1", {{"group_created", "{\"by\":\"oud-lid\"}", 0}, {"member_joined", "{}", 0}}));
  EXPECT_EQ(stores.groups().all_groups().value().front().events,
            (std::vector<StoredEvent>{{1, "group_created", "{\"by\":\"oud-lid\"}", 10},
                                      {2, "member_joined", "{}", 20}}))
      << "times stay";
}

TEST_P(GroupStoreTest, GroupsAndSeatsComeInTheOrderOfTheirIdsByteForByte) {
  const GroupStores stores = open();
  for (const char* id : {"g-b", "G-z", "g-a", "g-\xc3\xa9"})
    ASSERT_TRUE(stores.groups().append_group_events(id, 0, {{"group_created", "{}", 10}}));
  const std::vector<GroupStream> groups = stores.groups().all_groups().value();
  std::vector<std::string> ids;
  for (const GroupStream& group : groups)
    ids.push_back(group.group_id);
  EXPECT_EQ(ids, (std::vector<std::string>{"G-z", "g-a", "g-b", "g-\xc3\xa9"}));
}

TEST_P(GroupStoreTest, ASharedCountGrowsWithinItsWindowAndForgetsEarlierOnes) {
  const GroupStores stores = open();
  AccountStore& store = stores.accounts();
  EXPECT_EQ(store.count_in_window("failed_join_codes", 60'000, 0).value(), 0);
  EXPECT_EQ(store.count_in_window("failed_join_codes", 60'000, 1).value(), 1);
  EXPECT_EQ(store.count_in_window("failed_join_codes", 60'000, 1).value(), 2);
  EXPECT_EQ(store.count_in_window("other", 60'000, 0).value(), 0) << "each name its own";
  EXPECT_EQ(store.count_in_window("failed_join_codes", 120'000, 1).value(), 1) << "a new window";
  EXPECT_EQ(store.count_in_window("failed_join_codes", 60'000, 0).value(), 0)
      << "an earlier window is forgotten";
}

INSTANTIATE_TEST_SUITE_P(Stores, GroupStoreTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql),
                         [](const auto& backend) {
                           return std::string{testing::name_of(backend.param)};
                         });

} // namespace
} // namespace intervisie::store
