// SPDX-License-Identifier: EUPL-1.2
#include "server_process.hpp"

#include <cerrno>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include <fcntl.h>
#include <linux/magic.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/statfs.h>
#include <sys/wait.h>
#include <unistd.h>

namespace intervisie::load {
namespace {

constexpr std::string_view listening_line = "intervisie: listening on port ";

// The number after `field:` in /proc/PID/status, in kB.
std::uint64_t status_field(const std::string& status, std::string_view field) {
  const auto at = status.find(field);
  if (at == std::string::npos)
    return 0;
  std::size_t i = at + field.size();
  while (i < status.size() && (status[i] == ':' || status[i] == ' ' || status[i] == '\t'))
    ++i;
  std::uint64_t value = 0;
  std::from_chars(status.data() + i, status.data() + status.size(), value);
  return value;
}

bool wait_for_exit(pid_t pid, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid || done < 0)
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

} // namespace

ProcessSample sample_process(pid_t pid) {
  ProcessSample sample;
  if (pid <= 0)
    return sample;
  std::ifstream status_file("/proc/" + std::to_string(pid) + "/status");
  std::ifstream stat_file("/proc/" + std::to_string(pid) + "/stat");
  if (!status_file || !stat_file)
    return sample;
  std::stringstream status;
  status << status_file.rdbuf();
  sample.rss_kib = status_field(status.str(), "VmRSS");
  sample.peak_kib = status_field(status.str(), "VmHWM");
  // /proc/PID/stat: the command name may hold spaces, so count fields after its ')'.
  std::string stat((std::istreambuf_iterator<char>(stat_file)), std::istreambuf_iterator<char>());
  const auto close = stat.rfind(')');
  if (close == std::string::npos)
    return sample;
  std::istringstream fields(stat.substr(close + 2));
  std::string field;
  std::uint64_t utime = 0;
  std::uint64_t stime = 0;
  for (int i = 3; fields >> field; ++i) { // field 3 is the state
    if (i == 14)
      utime = std::stoull(field);
    if (i == 15) {
      stime = std::stoull(field);
      break;
    }
  }
  sample.cpu_seconds =
      static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
  sample.valid = true;
  return sample;
}

std::expected<std::unique_ptr<ServerProcess>, std::string>
ServerProcess::start(const ServerLaunch& launch) {
  const std::filesystem::path& binary = launch.binary;
  if (::access(binary.c_str(), X_OK) != 0)
    return std::unexpected("cannot run the server " + binary.string() +
                           " (build it, or say where it is with --server)");
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0)
    return std::unexpected("pipe: " + std::string(std::strerror(errno)));

  std::vector<std::string> args = {binary.string(), "serve", "--host", "127.0.0.1", "--port",
                                   std::to_string(launch.port), "--data", launch.data_dir.string(),
                                   "--sessions-per-minute", "1000000",
                                   // Thousands of clients, all from this machine's address.
                                   "--connections-per-address", "0"};
  if (launch.threads > 0) {
    args.push_back("--threads");
    args.push_back(std::to_string(launch.threads));
  }
  args.insert(args.end(), launch.extra_arguments.begin(), launch.extra_arguments.end());
  int log = -1;
  if (!launch.log_file.empty()) {
    log = ::open(launch.log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (log < 0)
      return std::unexpected("cannot write " + launch.log_file.string() + ": " +
                             std::strerror(errno));
  }
  std::vector<char*> argv;
  for (std::string& arg : args)
    argv.push_back(arg.data());
  argv.push_back(nullptr);

  const pid_t pid = ::fork();
  if (pid < 0)
    return std::unexpected("fork: " + std::string(std::strerror(errno)));
  if (pid == 0) {
    // The child: dies with the load tool, so a run can never leave a server behind.
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    ::dup2(pipe_fds[1], STDOUT_FILENO);
    if (log >= 0)
      ::dup2(log, STDERR_FILENO);
    const int null = ::open("/dev/null", O_RDONLY);
    if (null >= 0)
      ::dup2(null, STDIN_FILENO);
    // Asio's sockets are not close-on-exec: a server started again while clients are connected
    // would keep their ends open, and the server would never see those connections close.
    ::close_range(3, ~0U, 0);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  const int output = pipe_fds[0];

  // Read until the line with the port, for at most 30 s (a large store is restored first).
  std::string seen;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (true) {
    const auto newline = seen.find('\n', seen.find(listening_line));
    if (const auto at = seen.find(listening_line);
        at != std::string::npos && newline != std::string::npos) {
      std::uint16_t port = 0;
      const char* first = seen.data() + at + listening_line.size();
      std::from_chars(first, seen.data() + newline, port);
      if (port == 0)
        break;
      // What came after the port line is passed on like the rest.
      const std::string_view rest = std::string_view(seen).substr(newline + 1);
      (void)!::write(log >= 0 ? log : STDERR_FILENO, rest.data(), rest.size());
      return std::unique_ptr<ServerProcess>(new ServerProcess(pid, port, output, log));
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0)
      break;
    pollfd ready{output, POLLIN, 0};
    if (::poll(&ready, 1, static_cast<int>(left.count())) <= 0)
      break;
    char chunk[512];
    const ssize_t got = ::read(output, chunk, sizeof chunk);
    if (got <= 0)
      break;
    seen.append(chunk, static_cast<std::size_t>(got));
  }
  ::close(output);
  if (log >= 0)
    ::close(log);
  ::kill(pid, SIGKILL);
  wait_for_exit(pid, std::chrono::seconds(5));
  return std::unexpected("the server did not say which port it listens on" +
                         (seen.empty() ? std::string() : "; it said: " + seen));
}

ServerProcess::ServerProcess(pid_t pid, std::uint16_t port, int output, int log)
    : pid_(pid), port_(port), output_(output), relay_([output, log] {
        const int to = log >= 0 ? log : STDERR_FILENO;
        char chunk[512];
        ssize_t got = 0;
        while ((got = ::read(output, chunk, sizeof chunk)) > 0)
          (void)!::write(to, chunk, static_cast<std::size_t>(got));
        if (log >= 0)
          ::close(log);
      }) {}

ServerProcess::~ServerProcess() {
  stop();
}

void ServerProcess::stop() {
  if (stopped_)
    return;
  stopped_ = true;
  ::kill(pid_, SIGTERM);
  if (!wait_for_exit(pid_, std::chrono::seconds(10))) {
    ::kill(pid_, SIGKILL);
    wait_for_exit(pid_, std::chrono::seconds(5));
  }
  reap();
}

void ServerProcess::kill_now() {
  if (stopped_)
    return;
  stopped_ = true;
  ::kill(pid_, SIGKILL);
  wait_for_exit(pid_, std::chrono::seconds(10));
  reap();
}

void ServerProcess::reap() {
  if (relay_.joinable())
    relay_.join(); // the pipe ends with the server
  ::close(output_);
}

std::uint64_t raise_open_file_limit() {
  rlimit limit{};
  ::getrlimit(RLIMIT_NOFILE, &limit);
  if (limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
    ::getrlimit(RLIMIT_NOFILE, &limit);
  }
  return limit.rlim_cur;
}

std::string file_system_of(const std::filesystem::path& dir) {
  struct statfs info {};
  if (::statfs(dir.c_str(), &info) != 0)
    return "unknown";
  switch (static_cast<unsigned long>(info.f_type)) {
  case EXT4_SUPER_MAGIC:
    return "ext4";
  case TMPFS_MAGIC:
    return "tmpfs (syncs are free: commit latency is not measured)";
  case OVERLAYFS_SUPER_MAGIC:
    return "overlayfs";
  case BTRFS_SUPER_MAGIC:
    return "btrfs";
  case XFS_SUPER_MAGIC:
    return "xfs";
  default:
    return "other";
  }
}

} // namespace intervisie::load
