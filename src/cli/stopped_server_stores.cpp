// SPDX-License-Identifier: EUPL-1.2
#include "cli/stopped_server_stores.hpp"

#include "store/sealed/master_key_file.hpp"

namespace intervisie::cli {

void add_store_options(CLI::App& command, std::string& store, std::string& data_dir,
                       std::string& master_key) {
  command
      .add_option("--store", store,
                  "A PostgreSQL URL (postgresql://user@host/database) shared by many nodes; "
                  "default: the SQLite files in the data directory")
      ->envname("INTERVISIE_STORE");
  command.add_option("--data", data_dir, "The server's data directory")->capture_default_str();
  command
      .add_option("--master-key", master_key,
                  "The master key file (default: master.key in the data directory)")
      ->envname("INTERVISIE_MASTER_KEY_FILE");
}

std::expected<StoppedServerStores, std::string>
open_stopped_server_stores(const std::string& store, const std::filesystem::path& data_dir,
                           const std::filesystem::path& master_key) {
  auto stores = store::open_stores(store, data_dir);
  if (!stores)
    return std::unexpected(stores.error().message);
  return StoppedServerStores{std::move(stores->events), std::move(stores->groups),
                             store::sealed::master_key_path(data_dir, master_key)};
}

} // namespace intervisie::cli
