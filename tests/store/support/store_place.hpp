// SPDX-License-Identifier: EUPL-1.2
// Where one test keeps its stores, for either adapter: a fresh directory (SQLite's files, the
// master key's file) and, for PostgreSQL, a fresh database on the test server as well. Contract
// tests take the backend as a parameter and open every store through this.
#pragma once

#include "store/account_store.hpp"
#include "store/event_store.hpp"
#include "store/group_store.hpp"
#include "store/key_ring_store.hpp"

#include "temp_dir.hpp"

#include <expected>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace intervisie::store::testing {

enum class Backend { sqlite, postgresql };

std::string_view name_of(Backend backend);

// The accounts, groups and key ring of one place: one object behind three ports.
class GroupStores {
public:
  template <class Store>
  explicit GroupStores(std::unique_ptr<Store> store)
      : accounts_{store.get()}, groups_{store.get()}, keys_{store.get()}, owner_{std::move(store)} {
  }

  AccountStore& accounts() const { return *accounts_; }
  GroupStore& groups() const { return *groups_; }
  KeyRingStore& keys() const { return *keys_; }

private:
  AccountStore* accounts_;
  GroupStore* groups_;
  KeyRingStore* keys_;
  std::shared_ptr<void> owner_;
};

class StorePlace {
public:
  // Throws, failing the test with the server's log, when PostgreSQL does not start.
  explicit StorePlace(Backend backend);

  std::expected<std::unique_ptr<EventStore>, StoreError> open_event_store() const;
  std::expected<GroupStores, StoreError> open_group_stores() const;

  Backend backend() const { return backend_; }
  const std::filesystem::path& dir() const { return dir_.path(); }
  const std::string& url() const { return url_; } // PostgreSQL only

private:
  Backend backend_;
  TempDir dir_;
  std::string url_;
};

} // namespace intervisie::store::testing
