// SPDX-License-Identifier: EUPL-1.2
// `intervisie rotate-key`: a new master key, and every data key wrapped with it instead of the
// old one. The content itself is not touched (its data keys stay), so it takes a moment however
// much is stored. Safe against a crash at any point: the new key is written to its own file
// first, the store takes the new wrappings in one transaction, and only then is the file renamed
// into place; a start after a crash in between finishes the rename (open_key_ring.hpp).
#pragma once

#include "store/key_ring_store.hpp"
#include "store/sealed/secret_key.hpp"

#include <expected>
#include <filesystem>
#include <string>

namespace intervisie::store::sealed {

struct Rotation {
  std::string old_id;
  std::string new_id;
  std::size_t keys = 0; // data keys rewrapped
};

// Where a rotation keeps the new key until the store has taken it.
std::filesystem::path pending_master_key_file(const std::filesystem::path& key_file);

std::expected<Rotation, std::string> rotate_master_key(KeyRingStore& store,
                                                       const std::filesystem::path& key_file);

} // namespace intervisie::store::sealed
