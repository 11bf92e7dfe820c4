// SPDX-License-Identifier: EUPL-1.2
// Brings a SQLite store's schema up to date, or refuses a store from a newer build.
#pragma once

#include "store/event_store.hpp"
#include "store/migrations.hpp"
#include "store/sqlite/connection.hpp"

#include <expected>
#include <span>

namespace intervisie::store::sqlite {

// Applies the steps the store has not had yet, in order, all in one transaction: a failure
// leaves the store as it was. `steps` is every migration; tests pass a prefix to build old
// stores.
std::expected<void, StoreError> migrate(Connection& db,
                                        std::span<const Migration> steps = migrations());

} // namespace intervisie::store::sqlite
