#include "cli/stopped_server_stores.hpp"

#include "store/sealed/master_key_file.hpp"
#include "store/sqlite_event_store.hpp"

namespace intervisie::cli {

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
