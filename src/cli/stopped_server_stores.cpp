#include "cli/stopped_server_stores.hpp"

#include "store/sealed/master_key_file.hpp"
#include "store/sqlite_event_store.hpp"

namespace intervisie::cli {

void add_store_options(CLI::App& command, std::string& data_dir, std::string& master_key) {
  command.add_option("--data", data_dir, "The server's data directory")->capture_default_str();
  command
      .add_option("--master-key", master_key,
                  "The master key file (default: master.key in the data directory)")
      ->envname("INTERVISIE_MASTER_KEY_FILE");
}

std::expected<StoppedServerStores, std::string>
open_stopped_server_stores(const std::filesystem::path& data_dir,
                           const std::filesystem::path& master_key) {
  auto events = store::open_sqlite_event_store(data_dir);
  if (!events)
    return std::unexpected(events.error().message);
  auto groups = store::open_sqlite_group_store(data_dir);
  if (!groups)
    return std::unexpected(groups.error().message);
  return StoppedServerStores{std::move(*events), std::move(*groups),
                             store::sealed::master_key_path(data_dir, master_key)};
}

} // namespace intervisie::cli
