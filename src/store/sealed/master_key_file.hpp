// SPDX-License-Identifier: EUPL-1.2
// The master key's file: one line, "intervisie-master-key-v1 <key>", mode 0600, kept out of the
// databases (beside them by default, or wherever a deployment keeps its secrets).
#pragma once

#include "store/sealed/secret_key.hpp"

#include <expected>
#include <filesystem>
#include <string>

namespace intervisie::store::sealed {

inline constexpr std::string_view master_key_file_name = "master.key";

// Where the master key is: `given` (--master-key), or master.key in the data directory.
std::filesystem::path master_key_path(const std::filesystem::path& data_dir,
                                      const std::filesystem::path& given);

// The key in `file`; a message that names the file when it is missing, unreadable, readable by
// others (a key anyone can read protects nothing) or not a key file.
std::expected<SecretKey, std::string> read_master_key(const std::filesystem::path& file);

// Writes `key` to `file` as a whole or not at all (a new file synced, then renamed over the
// old one, then the directory synced), mode 0600.
std::expected<void, std::string> write_master_key(const std::filesystem::path& file,
                                                  const SecretKey& key);

} // namespace intervisie::store::sealed
