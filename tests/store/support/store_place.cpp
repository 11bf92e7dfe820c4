// SPDX-License-Identifier: EUPL-1.2
#include "store_place.hpp"

#include "store/postgresql_event_store.hpp"
#include "store/postgresql_group_store.hpp"
#include "store/sqlite_event_store.hpp"
#include "store/sqlite_group_store.hpp"

#include "support/postgres_server.hpp"

#include <stdexcept>

namespace intervisie::store::testing {

std::string_view name_of(Backend backend) {
  return backend == Backend::sqlite ? "sqlite" : "postgresql";
}

StorePlace::StorePlace(Backend backend) : backend_{backend} {
  if (backend_ == Backend::sqlite)
    return;
  auto url = intervisie::testing::fresh_postgres_database();
  if (!url)
    throw std::runtime_error(url.error());
  url_ = std::move(*url);
}

std::expected<std::unique_ptr<EventStore>, StoreError> StorePlace::open_event_store() const {
  if (backend_ == Backend::sqlite)
    return open_sqlite_event_store(dir());
  return open_postgresql_event_store(url_);
}

std::expected<GroupStores, StoreError> StorePlace::open_group_stores() const {
  if (backend_ == Backend::sqlite) {
    auto store = open_sqlite_group_store(dir());
    if (!store)
      return std::unexpected(std::move(store.error()));
    return GroupStores{std::move(*store)};
  }
  auto store = open_postgresql_group_store(url_);
  if (!store)
    return std::unexpected(std::move(store.error()));
  return GroupStores{std::move(*store)};
}

} // namespace intervisie::store::testing
