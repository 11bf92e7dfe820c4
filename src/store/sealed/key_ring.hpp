// SPDX-License-Identifier: EUPL-1.2
// The data keys in use: each session and each group has its own, made when it is created, kept
// wrapped by the master key in a KeyRingStore and unwrapped in memory while the server runs.
// Destroying a key is how content is erased for good (crypto-shredding).
#pragma once

#include "store/key_ring_store.hpp"
#include "store/sealed/secret_key.hpp"

#include <expected>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace intervisie::store::sealed {

// Owners of data keys, as the key ring names them.
std::string session_owner(std::string_view session_id);
std::string group_owner(std::string_view group_id);

using KeyResult = std::expected<std::shared_ptr<const SecretKey>, StoreError>;

// Thread-safe.
class KeyRing {
public:
  KeyRing(KeyRingStore& store, const SecretKey& master);

  // Whether the master key opens the keys in the store: a wrong key file is found at start,
  // not as unreadable content later. A message naming both key ids when it does not.
  std::expected<void, std::string> check() const;

  // A new key for a new owner, durable before it is returned.
  KeyResult create(std::string_view owner);
  // The owner's key; `not_found` when it has none (never had one, or it was destroyed).
  KeyResult find(std::string_view owner);
  // The owner's key, made when it has none (content from before sealing meets its first write).
  KeyResult find_or_create(std::string_view owner);
  // Destroys the owner's key, in the store and in memory.
  std::expected<void, StoreError> destroy(std::string_view owner);

  const SecretKey& master() const { return master_; }

private:
  KeyRingStore& store_;
  const SecretKey master_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const SecretKey>> open_;
};

// A data key wrapped by `master` for `owner`: "<master key id>:<sealed key>", so a wrong master
// key is named, not guessed at.
std::string wrap(const SecretKey& master, std::string_view owner, const SecretKey& key);

// Wraps every key in `store` with `next` instead of `current`, in one transaction. The number of
// keys, or why nothing changed.
std::expected<std::size_t, std::string> rewrap_all(KeyRingStore& store, const SecretKey& current,
                                                   const SecretKey& next);

} // namespace intervisie::store::sealed
