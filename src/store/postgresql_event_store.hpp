// SPDX-License-Identifier: EUPL-1.2
// The event store for many nodes: one PostgreSQL database, written by one thread per node with
// group commit (a batch is one transaction sent in pipeline mode), read through a small pool of
// connections.
#pragma once

#include "store/event_store.hpp"

#include <cstddef>
#include <expected>
#include <memory>
#include <string>

namespace intervisie::store {

struct PostgresOptions {
  // Most write requests in one transaction, so the first of a long queue is not kept waiting.
  // A batch is whatever queued up during the previous commit: many sessions share a commit
  // under load, and a quiet store adds no latency.
  std::size_t max_batch = 1024;
  // Read connections kept open between reads; more are opened while many threads read at once.
  std::size_t idle_readers = 4;
  // The name this store's node claims sessions under (EventStore::claim_session); unique among
  // the nodes sharing the database. Empty: one name for the whole process (host name, process
  // id and a random suffix), so the stores one process opens are one node.
  std::string node;
};

// This process's name among the nodes, the one its stores claim under by default.
const std::string& process_node_name();

// Connects to `url` (postgresql://user@host:port/database, or libpq's key=value form) and
// brings the event store's schema up to date (table schema_version), in one transaction under
// an advisory lock, so nodes starting together migrate once. Fails with `newer_schema` for a
// database written by a newer Intervisie and `io` when PostgreSQL cannot be reached.
// The stores of one process are one node, unless PostgresOptions::node names them apart (as
// tests of several nodes do).
std::expected<std::unique_ptr<EventStore>, StoreError>
open_postgresql_event_store(std::string url, const PostgresOptions& options = {});

} // namespace intervisie::store
