// SPDX-License-Identifier: EUPL-1.2
// The store as a killed server left it, checked before the next start reads it: a copy of the
// database files (the -shm index is left behind, as a reboot would), opened by SQLite, which
// replays its log; then SQLite's integrity check of both databases, and every session's events
// numbered 1 … last_seq without a gap.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace intervisie::chaos {

struct StoreCheck {
  bool ok = false;
  std::string problem; // when not ok
  std::uint64_t sessions = 0;
  std::uint64_t events = 0;
  std::uint64_t log_bytes = 0; // the -wal file of intervisie.db as the kill left it
};

StoreCheck check_crash_image(const std::filesystem::path& data_dir,
                             const std::filesystem::path& scratch_dir);

} // namespace intervisie::chaos
