// SPDX-License-Identifier: EUPL-1.2
// The key ring a server starts with: the master key read from its file (made there at the very
// first start, when no data key exists yet) and checked against every wrapped data key.
#pragma once

#include "store/key_ring_store.hpp"
#include "store/sealed/key_ring.hpp"

#include <expected>
#include <filesystem>
#include <memory>
#include <string>

namespace intervisie::store::sealed {

// Whether a missing key file may be made here: on a store of its own, at the very first start;
// never on a store that several nodes share (two nodes starting at once would each make one).
enum class NewMasterKey { when_empty, never };

// A missing key file while data keys exist, a key file others can read, or a key that is not
// the one the data keys were wrapped with: a message that says which and what to do. Never a
// new key over data that an old one encrypted.
std::expected<std::unique_ptr<KeyRing>, std::string>
open_key_ring(KeyRingStore& store, const std::filesystem::path& key_file,
              NewMasterKey new_key = NewMasterKey::when_empty);

} // namespace intervisie::store::sealed
