// SPDX-License-Identifier: EUPL-1.2
#include "cli/purge_command.hpp"

#include "cli/stopped_server_stores.hpp"

#include "server/groups/group_registry.hpp"
#include "server/retention/purge.hpp"
#include "store/sealed/open_key_ring.hpp"
#include "store/sealed/sealed_event_store.hpp"
#include "store/sealed/sealed_group_store.hpp"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

namespace intervisie::cli {
namespace {

struct PurgeOptions {
  std::string data_dir = "data";
  std::string master_key;
  std::string store;
  int retention_days = server::default_retention_days;
};

core::Instant now() {
  return std::chrono::time_point_cast<core::Duration>(std::chrono::system_clock::now());
}

std::expected<server::PurgeReport, std::string> purge_now(const PurgeOptions& options) {
  auto stores = open_stopped_server_stores(options.store, options.data_dir, options.master_key);
  if (!stores)
    return std::unexpected(stores.error());
  auto ring = store::sealed::open_key_ring(*stores->groups, stores->key_file);
  if (!ring)
    return std::unexpected(ring.error());
  auto sealed = store::sealed::seal_event_store(std::move(stores->events), **ring);
  auto group_events = store::sealed::seal_group_store(*stores->groups, **ring);
  // The groups' own retention needs their histories.
  server::GroupRegistry registry{*group_events, now};
  if (auto loaded = registry.load(); !loaded)
    return std::unexpected(loaded.error());
  server::Retention retention{options.retention_days};
  retention.set_group_days([&registry](const std::string& session_id) -> std::optional<int> {
    const auto group = registry.group_of_session(session_id);
    const auto state = group ? registry.state(*group) : std::nullopt;
    return state ? state->retention_days : std::nullopt;
  });
  const auto at =
      std::chrono::duration_cast<std::chrono::milliseconds>(now().time_since_epoch()).count();
  auto report =
      server::purge(*sealed, retention, at,
                    [&](const std::string& session_id) -> std::expected<void, std::string> {
                      if (auto erased = sealed->erase_session(session_id, at); !erased)
                        return std::unexpected(erased.error().message);
                      return {};
                    });
  sealed->close();
  return report;
}

} // namespace

void add_purge_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<PurgeOptions>();
  CLI::App* command = app.add_subcommand(
      "purge", "Erase the content of finished sessions whose retention is over (stop the server "
               "first; a running server does this daily)");
  add_store_options(*command, options->store, options->data_dir, options->master_key);
  command
      ->add_option("--retention-days", options->retention_days,
                   "The server's retention, exactly as given to intervisie serve (asked for, so "
                   "that a purge never erases sooner than the records promised)")
      ->check(CLI::Range(1, 3650))
      ->required();
  command->callback([options, &exit_code] {
    auto report = purge_now(*options);
    if (!report) {
      std::cerr << "intervisie purge: " << report.error() << "\n";
      exit_code = exit_purge_failed;
      return;
    }
    for (const std::string& failure : report->failures)
      std::cerr << "intervisie purge: " << failure << "\n";
    std::cout << "intervisie purge: erased the content of " << report->erased
              << " finished sessions\n";
    if (!report->failures.empty())
      exit_code = exit_purge_failed;
  });
}

} // namespace intervisie::cli
