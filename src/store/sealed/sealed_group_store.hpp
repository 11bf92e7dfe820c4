// SPDX-License-Identifier: EUPL-1.2
// The group store, with the payload of every group event sealed with the group's own data key
// (names, reasons for cancelling, follow-up notes, places, video links). Invitation links and
// seats are hashes and ids, and pass through as they are.
#pragma once

#include "store/group_store.hpp"
#include "store/sealed/key_ring.hpp"

#include <memory>

namespace intervisie::store::sealed {

std::unique_ptr<GroupStore> seal_group_store(GroupStore& inner, KeyRing& keys);

} // namespace intervisie::store::sealed
