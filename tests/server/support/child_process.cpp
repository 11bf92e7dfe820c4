// SPDX-License-Identifier: EUPL-1.2
#include "child_process.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <stdexcept>

#include <sys/prctl.h>
#include <unistd.h>

namespace intervisie::server::testing {

pid_t start_child(const std::vector<std::string>& arguments, int stdout_fd, int stderr_fd) {
  // Made before fork: the child only dup2s and execs (nothing that may allocate).
  std::vector<char*> argv;
  for (const std::string& argument : arguments)
    argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0)
    throw std::runtime_error("fork: " + std::string(std::strerror(errno)));
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent)
      ::_exit(126); // the test process ended before the line above took effect
    if (stdout_fd >= 0)
      ::dup2(stdout_fd, STDOUT_FILENO);
    if (stderr_fd >= 0)
      ::dup2(stderr_fd, STDERR_FILENO);
    // Asio's sockets are not close-on-exec: a server started while the test's clients are
    // connected elsewhere would keep their ends open, and that connection would never close.
    ::close_range(3, ~0U, 0);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

} // namespace intervisie::server::testing
