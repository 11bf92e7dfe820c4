// SPDX-License-Identifier: EUPL-1.2
// Every read of the event store, as statements prepared once on each read connection.
#pragma once

#include "store/event_store.hpp"
#include "store/postgresql/connection.hpp"

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace intervisie::store::postgresql {

// Prepares the reads on a new read connection.
std::expected<void, StoreError> prepare_session_reads(Connection& db);

std::expected<SessionRecord, StoreError> find_session(Connection& db, std::string_view session_id);
std::expected<std::vector<StoredEvent>, StoreError>
read_events(Connection& db, std::string_view session_id, std::uint64_t after_seq);
std::expected<std::vector<Secret>, StoreError> read_secrets(Connection& db,
                                                            std::string_view session_id);
std::expected<std::vector<SessionRecord>, StoreError> list_sessions(Connection& db,
                                                                    bool unfinished_only);
// The unfinished session that holds the join code, if any.
std::expected<std::optional<std::string>, StoreError> session_of_join_code(Connection& db,
                                                                           std::string_view code);

} // namespace intervisie::store::postgresql
