// SPDX-License-Identifier: EUPL-1.2
// A disk of a few MiB that a test can fill up and empty again: a tmpfs mounted on a fresh
// temporary directory, for a server whose data directory runs out of space mid-meeting.
// Mounting needs root (CAP_SYS_ADMIN); without it a test skips, saying why.
#pragma once

#include <cstdint>
#include <expected>
#include <filesystem>
#include <memory>
#include <string>

namespace intervisie::server::testing {

class SmallDisk {
public:
  // The mounted disk, or why there is none here (for GTEST_SKIP).
  static std::expected<std::unique_ptr<SmallDisk>, std::string> mount(std::uint64_t bytes);

  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;
  // Unmounts (lazily: files a killed server left open do not keep it) and removes the directory.
  ~SmallDisk();

  const std::filesystem::path& path() const { return path_; }
  // Bytes that a new file could still take.
  std::uint64_t available() const;

  // Takes every byte that is left with one filler file, until writing more fails with ENOSPC.
  void fill();
  // Removes the filler: the space is there again.
  void release();

private:
  explicit SmallDisk(std::filesystem::path path);

  std::filesystem::path path_;
  std::filesystem::path filler_;
};

} // namespace intervisie::server::testing
