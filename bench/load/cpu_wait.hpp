// SPDX-License-Identifier: EUPL-1.2
// How long a process's threads have waited for a core (/proc/PID/task/*/schedstat): on a machine
// shared with other work, what that work cost the process, apart from what it did itself.
#pragma once

#include <sys/types.h>

#include <optional>

namespace intervisie::load {

// Seconds the threads alive now have spent runnable but not running, since they started.
std::optional<double> cpu_wait_seconds(pid_t pid);

} // namespace intervisie::load
