// SPDX-License-Identifier: EUPL-1.2
// The stores a server runs on, whichever adapter keeps them: chosen by one setting, `--store`.
#pragma once

#include "store/account_store.hpp"
#include "store/event_store.hpp"
#include "store/group_store.hpp"
#include "store/key_ring_store.hpp"

#include <expected>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace intervisie::store {

// Accounts, groups and the key ring: rare writes, kept together (groups.db, or the same
// PostgreSQL database as the events).
class GroupsDatabase : public AccountStore, public GroupStore, public KeyRingStore {};

struct Stores {
  std::unique_ptr<EventStore> events;
  std::unique_ptr<GroupsDatabase> groups;
  // Other nodes may use the same stores at the same time (PostgreSQL): sessions are claimed
  // when first reached rather than all restored at start, and a master key is never made here.
  bool shared = false;
  std::string description; // for the log: where the data is, without a password
};

// Whether `location` names a PostgreSQL database: postgresql://… or postgres://….
bool is_postgresql_location(std::string_view location);

// `location`: a PostgreSQL URL, or empty for the embedded SQLite files in `data_dir`.
std::expected<Stores, StoreError> open_stores(std::string_view location,
                                              const std::filesystem::path& data_dir);

} // namespace intervisie::store
