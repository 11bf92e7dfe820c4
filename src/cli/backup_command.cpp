// SPDX-License-Identifier: EUPL-1.2
#include "cli/backup_command.hpp"

#include "store/sqlite/backup.hpp"

#include <iostream>
#include <memory>
#include <string>

namespace intervisie::cli {
namespace {

struct BackupOptions {
  std::string dir;
  std::string data_dir = "data";
  bool replace = false;
};

std::string listed(const std::vector<std::string>& files) {
  std::string out;
  for (const std::string& file : files)
    out += (out.empty() ? "" : ", ") + file;
  return out;
}

} // namespace

void add_backup_commands(CLI::App& app, int& exit_code) {
  auto backup = std::make_shared<BackupOptions>();
  CLI::App* back_up = app.add_subcommand(
      "backup", "Copy the stores into a new directory, also while the server runs");
  back_up->add_option("dir", backup->dir, "The new backup directory")->required();
  back_up->add_option("--data", backup->data_dir, "The server's data directory")
      ->capture_default_str();
  back_up->callback([backup, &exit_code] {
    auto copied = store::sqlite::back_up(backup->data_dir, backup->dir);
    if (!copied) {
      std::cerr << "intervisie backup: " << copied.error().message << "\n";
      exit_code = exit_backup_failed;
      return;
    }
    std::cout << "intervisie backup: " << listed(*copied) << " copied to " << backup->dir << "\n";
  });

  auto restoring = std::make_shared<BackupOptions>();
  CLI::App* restore = app.add_subcommand(
      "restore", "Bring a backup back into the data directory (stop the server first)");
  restore->add_option("dir", restoring->dir, "The backup directory")->required();
  restore->add_option("--data", restoring->data_dir, "The server's data directory")
      ->capture_default_str();
  restore->add_flag("--replace", restoring->replace,
                    "Overwrite the store that is in the data directory now");
  restore->callback([restoring, &exit_code] {
    auto restored = store::sqlite::restore(restoring->dir, restoring->data_dir, restoring->replace);
    if (!restored) {
      std::cerr << "intervisie restore: " << restored.error().message << "\n";
      exit_code = exit_backup_failed;
      return;
    }
    std::cout << "intervisie restore: " << listed(restored->files) << " brought back into "
              << restoring->data_dir;
    if (restored->erased_again > 0)
      std::cout << "; " << restored->erased_again
                << " sessions erased after the backup was made are erased in it again";
    std::cout << "\n";
  });
}

} // namespace intervisie::cli
