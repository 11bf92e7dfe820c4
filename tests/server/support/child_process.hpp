// SPDX-License-Identifier: EUPL-1.2
// Starting a program the tests drive (the server, nginx) as a child that dies with the test
// process: a test binary that crashes leaves nothing running behind it.
#pragma once

#include <string>
#include <vector>

#include <sys/types.h>

namespace intervisie::server::testing {

// Forks and execs `arguments` (the first is the program's path). `stdout_fd` and `stderr_fd`,
// when not -1, become the child's standard output and error. Throws when fork fails; a child
// that cannot exec ends with status 127.
pid_t start_child(const std::vector<std::string>& arguments, int stdout_fd = -1,
                  int stderr_fd = -1);

} // namespace intervisie::server::testing
