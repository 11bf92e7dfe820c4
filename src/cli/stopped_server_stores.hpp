// SPDX-License-Identifier: EUPL-1.2
// The stores as a command sees them while no server runs (rotate-key, purge). SQLite: the event
// store takes the data directory's lock, so a running server makes this fail. PostgreSQL: the
// operator stops every node first (docs/deploy.md).
#pragma once

#include "store/event_store.hpp"

#include "store/stores.hpp"

#include <CLI/CLI.hpp>

#include <expected>
#include <filesystem>
#include <memory>
#include <string>

namespace intervisie::cli {

struct StoppedServerStores {
  std::unique_ptr<store::EventStore> events;
  std::unique_ptr<store::GroupsDatabase> groups;
  std::filesystem::path key_file; // --master-key, or master.key in the data directory
};

// --store (or INTERVISIE_STORE), --data and --master-key (or INTERVISIE_MASTER_KEY_FILE), as
// `intervisie serve` takes them.
void add_store_options(CLI::App& command, std::string& store, std::string& data_dir,
                       std::string& master_key);

std::expected<StoppedServerStores, std::string>
open_stopped_server_stores(const std::string& store, const std::filesystem::path& data_dir,
                           const std::filesystem::path& master_key);

} // namespace intervisie::cli
