// SPDX-License-Identifier: EUPL-1.2
#include "write_fault.hpp"

#include "child_process.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <poll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace intervisie::server::testing {

namespace {

// Long enough for a loaded machine: attaching stops each thread of the server once.
constexpr std::chrono::seconds attach_timeout{10};
constexpr std::chrono::seconds detach_timeout{10};

std::filesystem::path find_strace() {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const std::filesystem::path candidate = std::filesystem::path(dir) / "strace";
    if (::access(candidate.c_str(), X_OK) == 0)
      return candidate;
  }
  return {};
}

std::string calls_of(Fault fault) {
  switch (fault) {
  case Fault::read_only:
    return "pwrite64,pwritev,pwritev2,write,writev,ftruncate,fallocate,unlink,unlinkat,rename,"
           "renameat,renameat2";
  case Fault::sync_fails:
    return "fsync,fdatasync";
  }
  return {};
}

std::string errno_of(Fault fault) {
  return fault == Fault::read_only ? "EROFS" : "EIO";
}

// Reads strace's stderr until it says it attached (all threads of the process at once), or
// until it ends or the time is up; what it said.
std::expected<std::string, std::string> wait_attached(int fd) {
  std::string said;
  const auto deadline = std::chrono::steady_clock::now() + attach_timeout;
  while (said.find("attached") == std::string::npos) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0)
      return std::unexpected("strace did not attach in time: " + said);
    pollfd ready{fd, POLLIN, 0};
    const int polled = ::poll(&ready, 1, static_cast<int>(left.count()));
    if (polled < 0 && errno == EINTR)
      continue;
    if (polled <= 0)
      continue;
    std::array<char, 512> chunk{};
    const ssize_t got = ::read(fd, chunk.data(), chunk.size());
    if (got < 0 && errno == EINTR)
      continue;
    if (got <= 0)
      return std::unexpected("strace ended before it attached: " + said);
    said.append(chunk.data(), static_cast<std::size_t>(got));
  }
  return said;
}

} // namespace

std::expected<std::unique_ptr<WriteFault>, std::string>
WriteFault::inject(pid_t server, const std::vector<std::filesystem::path>& files, Fault fault) {
  const std::filesystem::path strace = find_strace();
  if (strace.empty())
    return std::unexpected("strace is not installed (apt-get install strace)");
  char pattern[] = "/tmp/intervisie-strace-XXXXXX";
  const int trace_fd = ::mkstemp(pattern);
  if (trace_fd < 0)
    throw std::runtime_error("cannot make the trace file: " + std::string(std::strerror(errno)));
  ::close(trace_fd);
  const std::string calls = calls_of(fault);
  std::vector<std::string> arguments = {strace.string(),
                                        "-f",
                                        "-p",
                                        std::to_string(server),
                                        "-o",
                                        pattern,
                                        "-e",
                                        "trace=" + calls,
                                        "-e",
                                        "inject=" + calls + ":error=" + errno_of(fault)};
  for (const std::filesystem::path& file : files) {
    arguments.emplace_back("-P");
    arguments.push_back(file.string());
  }
  std::array<int, 2> err{};
  if (::pipe2(err.data(), O_CLOEXEC) != 0)
    throw std::runtime_error("pipe: " + std::string(std::strerror(errno)));
  const pid_t pid = start_child(arguments, -1, err[1]);
  ::close(err[1]);
  // Kept open while strace runs: a write of its into a closed pipe would end it mid-trace.
  auto made = std::unique_ptr<WriteFault>(new WriteFault(pid, err[0], pattern));
  if (auto attached = wait_attached(err[0]); !attached)
    return std::unexpected(attached.error() + made->trace());
  return made;
}

WriteFault::WriteFault(pid_t strace, int stderr_fd, std::filesystem::path trace_file)
    : strace_(strace), stderr_fd_(stderr_fd), trace_file_(std::move(trace_file)) {}

WriteFault::~WriteFault() {
  lift();
  std::error_code ignored;
  std::filesystem::remove(trace_file_, ignored);
}

bool WriteFault::ended(std::chrono::milliseconds timeout) {
  if (strace_ <= 0)
    return true;
  // A pidfd becomes readable when the process ends: no polling loop, no SIGCHLD handler.
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, strace_, 0));
  if (pidfd >= 0) {
    pollfd done{pidfd, POLLIN, 0};
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (::poll(&done, 1, static_cast<int>(std::max<long>(left.count(), 0))) < 0 && errno == EINTR)
        continue;
      break;
    }
    ::close(pidfd);
  }
  int status = 0;
  pid_t reaped = 0;
  while ((reaped = ::waitpid(strace_, &status, WNOHANG)) < 0 && errno == EINTR) {
  }
  if (reaped != strace_)
    return false;
  strace_ = -1;
  ::close(stderr_fd_);
  stderr_fd_ = -1;
  return true;
}

void WriteFault::lift() {
  if (strace_ <= 0)
    return;
  // On SIGINT strace detaches from every thread, which then runs on untraced, and exits.
  ::kill(strace_, SIGINT);
  if (ended(detach_timeout))
    return;
  // Stuck (strace can be, detaching from a process that is ending): the kernel detaches the
  // threads of a tracer that is killed.
  ::kill(strace_, SIGKILL);
  (void)ended(detach_timeout);
}

std::string WriteFault::trace() const {
  std::ifstream file(trace_file_);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

std::vector<std::filesystem::path> store_files(const std::filesystem::path& data_dir) {
  std::vector<std::filesystem::path> files;
  for (const char* name : {"intervisie.db", "groups.db"})
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      files.push_back(data_dir / (std::string(name) + suffix));
  return files;
}

} // namespace intervisie::server::testing
