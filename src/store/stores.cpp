// SPDX-License-Identifier: EUPL-1.2
#include "store/stores.hpp"

#include "store/postgresql/connection.hpp"
#include "store/postgresql_event_store.hpp"
#include "store/postgresql_group_store.hpp"
#include "store/sqlite_event_store.hpp"
#include "store/sqlite_group_store.hpp"

namespace intervisie::store {

bool is_postgresql_location(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::expected<Stores, StoreError> open_stores(std::string_view location,
                                              const std::filesystem::path& data_dir) {
  if (!location.empty() && !is_postgresql_location(location))
    return std::unexpected(StoreError{
        StoreErrorCode::io, "--store must be a PostgreSQL URL (postgresql://user@host/database) "
                            "or left out for the SQLite files in the data directory"});
  if (location.empty()) {
    auto events = open_sqlite_event_store(data_dir);
    if (!events)
      return std::unexpected(std::move(events.error()));
    auto groups = open_sqlite_group_store(data_dir);
    if (!groups)
      return std::unexpected(std::move(groups.error()));
    return Stores{std::move(*events), std::move(*groups), false, "SQLite in " + data_dir.string()};
  }
  const std::string url{location};
  auto events = open_postgresql_event_store(url);
  if (!events)
    return std::unexpected(std::move(events.error()));
  auto groups = open_postgresql_group_store(url);
  if (!groups)
    return std::unexpected(std::move(groups.error()));
  return Stores{std::move(*events), std::move(*groups), true,
                postgresql::describe_url(url) + " as node " + process_node_name()};
}

} // namespace intervisie::store
