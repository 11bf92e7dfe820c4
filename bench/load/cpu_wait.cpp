// SPDX-License-Identifier: EUPL-1.2
#include "cpu_wait.hpp"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace intervisie::load {

std::optional<double> cpu_wait_seconds(pid_t pid) {
  if (pid <= 0)
    return std::nullopt;
  std::error_code error;
  std::filesystem::directory_iterator tasks("/proc/" + std::to_string(pid) + "/task", error);
  if (error)
    return std::nullopt;
  // "<ns on a core> <ns waiting on a run queue> <time slices>"
  std::uint64_t waited_ns = 0;
  for (auto end = std::filesystem::directory_iterator(); tasks != end; tasks.increment(error)) {
    if (error)
      return std::nullopt;
    std::ifstream schedstat(tasks->path() / "schedstat");
    std::uint64_t running = 0, waiting = 0;
    if (schedstat >> running >> waiting)
      waited_ns += waiting;
  }
  return static_cast<double>(waited_ns) / 1e9;
}

} // namespace intervisie::load
