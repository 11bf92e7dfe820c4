// SPDX-License-Identifier: EUPL-1.2
// Where the data keys live, each wrapped (sealed) by the master key: one per session and one per
// group. Separate from what they encrypt, so destroying one key makes its content unreadable
// everywhere it was copied (crypto-shredding). An interface; the SQLite adapter keeps them in
// groups.db.
#pragma once

#include "store/event_store.hpp"

#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace intervisie::store {

struct WrappedKey {
  std::string owner; // "session:<id>" or "group:<id>"
  std::string wrapped;

  bool operator==(const WrappedKey&) const = default;
};

// Thread-safe. Every write is durable when it returns success.
class KeyRingStore {
public:
  virtual ~KeyRingStore() = default;

  // Adds a key; `conflict` when the owner has one already (keys are never replaced one by one).
  virtual std::expected<void, StoreError> add_wrapped_key(const WrappedKey& key) = 0;
  virtual std::expected<std::optional<std::string>, StoreError>
  wrapped_key(std::string_view owner) = 0;
  // Destroys the key: no live row holds it any more. SQLite overwrites its bytes and empties the
  // log, so no copy of the file made afterwards keeps it. PostgreSQL overwrites, then deletes
  // the row; old row versions stay on disk until vacuum, and in the WAL and in backups: their
  // life is the operator's to bound (docs/deploy.md). Destroying a key that is not there
  // succeeds.
  virtual std::expected<void, StoreError> destroy_wrapped_key(std::string_view owner) = 0;
  virtual std::expected<std::vector<WrappedKey>, StoreError> wrapped_keys() = 0;
  // Replaces every key's wrapping in one transaction (a new master key): `conflict` unless
  // `keys` names exactly the owners that are there now.
  virtual std::expected<void, StoreError> rewrap_keys(const std::vector<WrappedKey>& keys) = 0;
};

} // namespace intervisie::store
