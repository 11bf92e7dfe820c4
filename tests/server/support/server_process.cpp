// SPDX-License-Identifier: EUPL-1.2
#include "server_process.hpp"

#include "child_process.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace intervisie::server::testing {
namespace {

using Clock = std::chrono::steady_clock;

// Long enough for a loaded CI machine; the budget for a normal start is 100 ms.
constexpr std::chrono::seconds start_timeout{10};
constexpr std::chrono::seconds stop_timeout{10};

constexpr std::string_view port_line = "intervisie: listening on port ";

// Waits for the child to end, up to `timeout`; its wait status, or nothing if it is still there.
// A pidfd becomes readable when the process ends: no polling loop, no SIGCHLD handler.
std::optional<int> wait_for_exit(pid_t pid, std::chrono::milliseconds timeout) {
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  if (pidfd >= 0) {
    pollfd ended{pidfd, POLLIN, 0};
    const auto deadline = Clock::now() + timeout;
    for (;;) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      const int polled = ::poll(&ended, 1, static_cast<int>(std::max<long>(left.count(), 0)));
      if (polled < 0 && errno == EINTR)
        continue;
      break;
    }
    ::close(pidfd);
  }
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid)
      return status;
    if (done < 0 && errno == EINTR)
      continue;
    return std::nullopt;
  }
}

} // namespace

TempDir::TempDir() {
  std::string pattern = std::filesystem::temp_directory_path() / "intervisie-server-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr)
    throw std::runtime_error("cannot make a temp directory: " + std::string(std::strerror(errno)));
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

ServerProcess::ServerProcess(std::vector<std::string> extra_arguments)
    : ServerProcess(OwnDataDir{}, std::move(extra_arguments)) {}

ServerProcess::ServerProcess(OwnDataDir data_dir, std::vector<std::string> extra_arguments)
    : data_dir_(data_dir.path.empty() ? temp_.path() / "data" : std::move(data_dir.path)),
      log_path_(temp_.path() / "server.log"), extra_arguments_(std::move(extra_arguments)) {
  start();
}

ServerProcess::~ServerProcess() {
  if (running())
    kill(SIGKILL);
}

std::string ServerProcess::log() const {
  std::ifstream file(log_path_);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

bool ServerProcess::wait_for_log(std::string_view text, std::chrono::milliseconds timeout) const {
  const int watch = ::inotify_init1(IN_CLOEXEC);
  if (watch < 0)
    throw std::runtime_error("inotify_init1: " + std::string(std::strerror(errno)));
  // Watched before the first look: a line written in between still wakes the poll below.
  if (::inotify_add_watch(watch, log_path_.c_str(), IN_MODIFY) < 0) {
    const int error = errno;
    ::close(watch);
    throw std::runtime_error("watching the server log: " + std::string(std::strerror(error)));
  }
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    if (log().find(text) != std::string::npos) {
      ::close(watch);
      return true;
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      ::close(watch);
      return false;
    }
    pollfd changed{watch, POLLIN, 0};
    if (::poll(&changed, 1, static_cast<int>(left.count())) > 0) {
      std::array<char, 4096> events{};
      (void)::read(watch, events.data(), events.size());
    }
  }
}

void ServerProcess::start(std::uint16_t port) {
  std::vector<std::string> arguments = {INTERVISIE_BINARY, "serve", "--port", std::to_string(port),
                                        "--host", "127.0.0.1", "--data", data_dir_.string(),
                                        "--methods-dir", INTERVISIE_METHODS_DIR,
                                        // Hundreds of accounts are made in the tests.
                                        "--minimal-password-cost"};
  arguments.insert(arguments.end(), extra_arguments_.begin(), extra_arguments_.end());

  std::array<int, 2> out{};
  if (::pipe2(out.data(), O_CLOEXEC) != 0)
    throw std::runtime_error("pipe: " + std::string(std::strerror(errno)));
  // Opened before fork: the child only dup2s and execs (nothing that may allocate).
  const int log_fd = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (log_fd < 0)
    throw std::runtime_error("cannot open the server log: " + std::string(std::strerror(errno)));
  // If the test binary dies, the server goes with it: no servers left behind.
  pid_ = start_child(arguments, out[1], log_fd);
  ::close(out[1]);
  ::close(log_fd);
  stdout_fd_ = out[0];

  // Read stdout until the port line and the line after it have arrived.
  std::string text;
  const auto deadline = Clock::now() + start_timeout;
  std::size_t newlines = 0;
  while (newlines < 2) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0)
      break;
    pollfd ready{stdout_fd_, POLLIN, 0};
    const int polled = ::poll(&ready, 1, static_cast<int>(left.count()));
    if (polled < 0 && errno == EINTR)
      continue;
    if (polled <= 0)
      break;
    std::array<char, 512> chunk{};
    const ssize_t got = ::read(stdout_fd_, chunk.data(), chunk.size());
    if (got < 0 && errno == EINTR)
      continue;
    if (got <= 0)
      break; // the server ended (or closed stdout) before it said where it listens
    text.append(chunk.data(), static_cast<std::size_t>(got));
    newlines = static_cast<std::size_t>(std::ranges::count(text, '\n'));
  }
  const auto at = text.find(port_line);
  const auto end = at == std::string::npos ? at : text.find('\n', at);
  if (end == std::string::npos) {
    kill(SIGKILL);
    throw std::runtime_error("the server did not say its port; stdout: \"" + text +
                             "\"; stderr: " + log());
  }
  port_ = static_cast<std::uint16_t>(
      std::stoul(text.substr(at + port_line.size(), end - at - port_line.size())));
  banner_ = text.substr(end + 1);
}

int ServerProcess::kill(int signal) {
  if (!running())
    return 0;
  ::kill(pid_, signal);
  auto status = wait_for_exit(pid_, stop_timeout);
  if (!status) {
    ::kill(pid_, SIGKILL);
    status = wait_for_exit(pid_, stop_timeout);
  }
  pid_ = -1;
  ::close(stdout_fd_);
  stdout_fd_ = -1;
  return status.value_or(-1);
}

int ServerProcess::stop() {
  const int status = kill(SIGTERM);
  if (WIFEXITED(status))
    return WEXITSTATUS(status);
  return WIFSIGNALED(status) ? -WTERMSIG(status) : -1;
}

void ServerProcess::restart() {
  if (running())
    throw std::logic_error("restart: the server is still running");
  start();
}

void ServerProcess::restart_on_same_port() {
  if (running())
    throw std::logic_error("restart: the server is still running");
  start(port_);
}

} // namespace intervisie::server::testing
