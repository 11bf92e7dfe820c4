// SPDX-License-Identifier: EUPL-1.2
#include "descriptors.hpp"

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace intervisie::load {

std::optional<std::uint64_t> count_descriptors(pid_t pid) {
  if (pid <= 0)
    return std::nullopt;
  std::error_code error;
  std::filesystem::directory_iterator entries("/proc/" + std::to_string(pid) + "/fd", error);
  if (error)
    return std::nullopt;
  std::uint64_t count = 0;
  for (auto end = std::filesystem::directory_iterator(); entries != end; entries.increment(error)) {
    if (error)
      return std::nullopt;
    ++count;
  }
  return count;
}

std::optional<std::uint64_t> kernel_tcp_kib() {
  // "TCP: inuse 12 orphan 0 tw 3 alloc 14 mem 5": mem counts pages.
  std::ifstream file("/proc/net/sockstat");
  std::string word;
  bool tcp = false;
  while (file >> word) {
    if (word == "TCP:")
      tcp = true;
    else if (tcp && word == "mem") {
      std::uint64_t pages = 0;
      if (!(file >> pages))
        return std::nullopt;
      return pages * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE)) / 1024;
    } else if (tcp && word.back() == ':')
      return std::nullopt;
  }
  return std::nullopt;
}

} // namespace intervisie::load
