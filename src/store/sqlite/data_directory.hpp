// SPDX-License-Identifier: EUPL-1.2
// The data directory, held by one process at a time: two servers writing one store would each
// believe they alone hold its live sessions.
#pragma once

#include "store/event_store.hpp"

#include <expected>
#include <filesystem>

namespace intervisie::store::sqlite {

class DataDirectory {
public:
  // Creates `dir` when missing and locks it (an flock, released by the kernel even on kill -9).
  static std::expected<DataDirectory, StoreError> open(const std::filesystem::path& dir);

  DataDirectory(DataDirectory&& other) noexcept;
  DataDirectory& operator=(DataDirectory&& other) noexcept;
  DataDirectory(const DataDirectory&) = delete;
  DataDirectory& operator=(const DataDirectory&) = delete;
  ~DataDirectory();

  const std::filesystem::path& path() const { return path_; }

  // Makes the names of new files durable: SQLite syncs what files hold, not the directory.
  std::expected<void, StoreError> sync() const;

private:
  DataDirectory(std::filesystem::path path, int fd) : path_{std::move(path)}, fd_{fd} {}

  std::filesystem::path path_;
  int fd_ = -1;
};

} // namespace intervisie::store::sqlite
