// groups.db: accounts, logins and group streams are kept exactly, a taken address or a stale
// sequence number is a conflict that writes nothing, and everything is there after reopening.
#include "store/sqlite_group_store.hpp"

#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace intervisie::store {
namespace {

using testing::TempDir;

std::unique_ptr<SqliteGroupStore> open_in(const TempDir& dir) {
  auto store = open_sqlite_group_store(dir.path());
  if (!store)
    throw std::runtime_error(store.error().message);
  return std::move(*store);
}

const Account anna{"acc-anna", "anna@school.nl", "Anna", "$argon2id$…", 1000, 0};

TEST(SqliteGroupStore, AnAccountIsFoundByIdAndByAddressAndAnAddressIsTakenOnce) {
  TempDir dir;
  auto store = open_in(dir);
  ASSERT_TRUE(store->create_account(anna));
  EXPECT_EQ(store->account("acc-anna").value(), anna);
  EXPECT_EQ(store->account_by_email("anna@school.nl").value(), anna);
  EXPECT_EQ(store->account("nobody").value(), std::nullopt);

  Account twin = anna;
  twin.id = "acc-twin";
  const auto taken = store->create_account(twin);
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code, StoreErrorCode::conflict);
  EXPECT_EQ(store->account("acc-twin").value(), std::nullopt);
}

TEST(SqliteGroupStore, ChangingOrDeletingAnAccountThatIsNotThereIsNotFound) {
  TempDir dir;
  auto store = open_in(dir);
  Account ghost = anna;
  ghost.id = "acc-ghost";
  EXPECT_EQ(store->update_account(ghost).error().code, StoreErrorCode::not_found);
  EXPECT_EQ(store->delete_account("acc-ghost").error().code, StoreErrorCode::not_found);
}

TEST(SqliteGroupStore, DeletingAnAccountEndsItsLogins) {
  TempDir dir;
  auto store = open_in(dir);
  ASSERT_TRUE(store->create_account(anna));
  const Login here{"hash-1", "acc-anna", "csrf-1", 1000, 2000};
  ASSERT_TRUE(store->add_login(here));
  EXPECT_EQ(store->login("hash-1").value(), here);
  ASSERT_TRUE(store->delete_account("acc-anna"));
  EXPECT_EQ(store->login("hash-1").value(), std::nullopt);
  EXPECT_EQ(store->account("acc-anna").value(), std::nullopt);
}

TEST(SqliteGroupStore, TheFirstServerKeyStays) {
  TempDir dir;
  auto store = open_in(dir);
  EXPECT_EQ(store->server_key("feed", "first").value(), "first");
  EXPECT_EQ(store->server_key("feed", "second").value(), "first");
}

TEST(SqliteGroupStore, AGroupStreamGrowsOnlyFromTheSequenceItWasReadAt) {
  TempDir dir;
  auto store = open_in(dir);
  const std::vector<NewEvent> two{{"group_created", "{}", 10}, {"member_joined", "{}", 20}};
  EXPECT_EQ(store->append_group_events("g-1", 0, two).value(), 2u);
  const auto stale = store->append_group_events("g-1", 1, {{"left", "{}", 30}});
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, StoreErrorCode::conflict);
  EXPECT_EQ(store->append_group_events("g-2", 0, {{"group_created", "{}", 15}}).value(), 1u);

  const auto groups = store->all_groups().value();
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].group_id, "g-1");
  EXPECT_EQ(groups[0].events, (std::vector<StoredEvent>{{1, "group_created", "{}", 10},
                                                        {2, "member_joined", "{}", 20}}));
  EXPECT_EQ(groups[1].events, (std::vector<StoredEvent>{{1, "group_created", "{}", 15}}));
}

TEST(SqliteGroupStore, EverythingIsThereAfterReopening) {
  TempDir dir;
  {
    auto store = open_in(dir);
    ASSERT_TRUE(store->create_account(anna));
    ASSERT_TRUE(store->append_group_events("g-1", 0, {{"group_created", "{}", 10}}));
    ASSERT_TRUE(store->put_invitation_link("token-hash", {"g-1", "inv-1"}));
    ASSERT_TRUE(store->put_session_seat({"s-1", 2, "acc-anna"}));
    ASSERT_TRUE(store->put_session_seat({"s-1", 1, "acc-bram"}));
  }
  auto store = open_in(dir);
  EXPECT_EQ(store->account("acc-anna").value(), anna);
  EXPECT_EQ(store->all_groups().value().size(), 1u);
  EXPECT_EQ(store->invitation_link("token-hash").value(), (InvitationLink{"g-1", "inv-1"}));
  EXPECT_EQ(store->invitation_link("other").value(), std::nullopt);
  EXPECT_EQ(store->session_seats("s-1").value(),
            (std::vector<SessionSeat>{{"s-1", 1, "acc-bram"}, {"s-1", 2, "acc-anna"}}));
  EXPECT_EQ(store->seats_of_account("acc-anna").value(),
            (std::vector<SessionSeat>{{"s-1", 2, "acc-anna"}}));
  ASSERT_TRUE(store->remove_session_seats("acc-anna"));
  EXPECT_EQ(store->session_seats("s-1").value(),
            (std::vector<SessionSeat>{{"s-1", 1, "acc-bram"}}));
  EXPECT_EQ(store->seats_of_account("acc-anna").value(), std::vector<SessionSeat>{});
  EXPECT_EQ(store->session_seats("s-2").value(), std::vector<SessionSeat>{});
}

TEST(SqliteGroupStore, EveryGroupWriteIsAChangeThatAReaderSeesOnceInOrder) {
  TempDir dir;
  auto store = open_in(dir);
  const GroupChanges none = store->group_changes(0).value();
  EXPECT_EQ(none.group_ids, std::vector<std::string>{});

  ASSERT_TRUE(store->append_group_events("g-1", 0, {{"group_created", "{}", 10}}));
  ASSERT_TRUE(store->append_group_events("g-2", 0, {{"group_created", "{}", 11}}));
  const GroupChanges first = store->group_changes(none.version).value();
  EXPECT_EQ(first.group_ids, (std::vector<std::string>{"g-1", "g-2"}));
  EXPECT_EQ(store->group_changes(first.version).value().group_ids, std::vector<std::string>{});

  // A rewrite (someone erased) counts too; the group changed last comes last.
  ASSERT_TRUE(store->rewrite_group("g-1", {{"group_created", "{\"x\":1}", 10}}));
  ASSERT_TRUE(store->append_group_events("g-2", 1, {{"member_joined", "{}", 12}}));
  const GroupChanges second = store->group_changes(first.version).value();
  EXPECT_EQ(second.group_ids, (std::vector<std::string>{"g-1", "g-2"}));
  EXPECT_GT(second.version, first.version);
  EXPECT_EQ(store->group_events("g-1").value(),
            (std::vector<StoredEvent>{{1, "group_created", "{\"x\":1}", 10}}));
  EXPECT_EQ(store->group_events("none").value(), std::vector<StoredEvent>{});

  // A refused write is no change.
  ASSERT_FALSE(store->append_group_events("g-2", 0, {{"group_created", "{}", 13}}));
  EXPECT_EQ(store->group_changes(second.version).value().version, second.version);
}

} // namespace
} // namespace intervisie::store
