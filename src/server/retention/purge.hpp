// SPDX-License-Identifier: EUPL-1.2
// Erasing what the retention no longer keeps: every finished session whose time is up. Run by
// the server at start and once a day (retention_schedule.hpp), and by `intervisie purge`.
#pragma once

#include "server/retention/retention.hpp"
#include "store/event_store.hpp"

#include <cstddef>
#include <expected>
#include <functional>
#include <string>
#include <vector>

namespace intervisie::server {

// Erases one session's content (SessionRegistry::erase in a running server).
using EraseSession = std::function<std::expected<void, std::string>(const std::string& session_id)>;

struct PurgeReport {
  std::size_t erased = 0;
  std::vector<std::string> failures; // one line per session that could not be erased
};

// The sessions erased (finished, not yet erased, kept until `now_ms` or earlier), or why the
// store could not be read. One session that fails does not stop the others.
std::expected<PurgeReport, std::string> purge(store::EventStore& store, const Retention& retention,
                                              std::int64_t now_ms, const EraseSession& erase);

} // namespace intervisie::server
