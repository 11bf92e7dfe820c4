// SPDX-License-Identifier: EUPL-1.2
// What a process holds beside memory, as /proc shows it: its open descriptors (every connection
// is one), and the kernel's memory for TCP buffers, where bytes a slow reader has not taken wait.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>

namespace intervisie::load {

// The entries of /proc/PID/fd; nothing when the process is not known or not readable.
std::optional<std::uint64_t> count_descriptors(pid_t pid);

// The whole machine's TCP buffer memory in KiB (the `mem` pages of /proc/net/sockstat).
std::optional<std::uint64_t> kernel_tcp_kib();

} // namespace intervisie::load
