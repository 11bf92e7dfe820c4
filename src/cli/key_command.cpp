// SPDX-License-Identifier: EUPL-1.2
#include "cli/key_command.hpp"

#include "cli/stopped_server_stores.hpp"

#include "store/sealed/master_key_file.hpp"
#include "store/sealed/rotate_master_key.hpp"

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

namespace intervisie::cli {
namespace {

struct KeyOptions {
  std::string data_dir = "data";
  std::string master_key; // empty: master.key in the data directory
  std::string keep_old;
  std::string store; // empty: the SQLite files in data_dir
};

std::expected<store::sealed::Rotation, std::string> rotate(const KeyOptions& options) {
  auto stores = open_stopped_server_stores(options.store, options.data_dir, options.master_key);
  if (!stores)
    return std::unexpected(stores.error());
  const std::filesystem::path& key_file = stores->key_file;
  if (!options.keep_old.empty()) {
    auto old = store::sealed::read_master_key(key_file);
    if (!old)
      return std::unexpected(old.error());
    if (auto kept = store::sealed::write_master_key(options.keep_old, *old); !kept)
      return std::unexpected(kept.error());
  }
  auto rotation = store::sealed::rotate_master_key(*stores->groups, key_file);
  stores->events->close();
  return rotation;
}

} // namespace

void add_key_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<KeyOptions>();
  CLI::App* command = app.add_subcommand(
      "rotate-key",
      "Make a new master key and wrap every data key with it (stop the server first)");
  add_store_options(*command, options->store, options->data_dir, options->master_key);
  command->add_option("--keep-old", options->keep_old,
                      "Also write the old key to this file (backups made before the rotation "
                      "need it)");
  auto new_file = std::make_shared<std::string>();
  CLI::App* make = app.add_subcommand(
      "new-master-key", "Make a master key file for nodes that share a PostgreSQL store (each "
                        "node gets a copy and names it with --master-key)");
  make->add_option("file", *new_file, "Where to write it (mode 0600); must not exist yet")
      ->required();
  make->callback([new_file, &exit_code] {
    std::error_code ignored;
    if (std::filesystem::exists(std::filesystem::symlink_status(*new_file, ignored))) {
      std::cerr << "intervisie new-master-key: " << *new_file
                << " exists already; a key file is never overwritten\n";
      exit_code = exit_key_failed;
      return;
    }
    const auto key = store::sealed::SecretKey::random();
    if (auto written = store::sealed::write_master_key(*new_file, key); !written) {
      std::cerr << "intervisie new-master-key: " << written.error() << "\n";
      exit_code = exit_key_failed;
      return;
    }
    std::cout << "intervisie new-master-key: master key " << key.id() << " written to " << *new_file
              << "\n";
  });

  command->callback([options, &exit_code] {
    auto rotation = rotate(*options);
    if (!rotation) {
      std::cerr << "intervisie rotate-key: " << rotation.error() << "\n";
      exit_code = exit_key_failed;
      return;
    }
    std::cout << "intervisie rotate-key: " << rotation->keys
              << " data keys are now wrapped with master key " << rotation->new_id << " (was "
              << rotation->old_id << ")\n";
  });
}

} // namespace intervisie::cli
