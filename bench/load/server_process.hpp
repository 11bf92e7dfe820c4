// SPDX-License-Identifier: EUPL-1.2
// The server under load, as a child process: started with a free port and the rate limit on
// session creation lifted, read from /proc while it runs, stopped at the end.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <expected>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace intervisie::load {

// A process as /proc sees it at one moment.
struct ProcessSample {
  bool valid = false;
  std::uint64_t rss_kib = 0;  // VmRSS
  std::uint64_t peak_kib = 0; // VmHWM
  double cpu_seconds = 0;     // user + system
};

ProcessSample sample_process(pid_t pid);

// How to start the server: the binary, its store, and what differs from the defaults.
struct ServerLaunch {
  std::filesystem::path binary;
  std::filesystem::path data_dir;
  unsigned threads = 0;   // serve --threads; 0: one per core
  std::uint16_t port = 0; // 0: any free port; a restarted server takes its old one again
  std::vector<std::string> extra_arguments;
  // Where the server's output goes; empty: this process's stderr.
  std::filesystem::path log_file;
};

class ServerProcess {
public:
  // Starts `binary serve` on 127.0.0.1 and waits until it says which port it listens on.
  static std::expected<std::unique_ptr<ServerProcess>, std::string>
  start(const ServerLaunch& launch);
  static std::expected<std::unique_ptr<ServerProcess>, std::string>
  start(const std::filesystem::path& binary, const std::filesystem::path& data_dir,
        unsigned threads) {
    return start(ServerLaunch{binary, data_dir, threads, 0, {}, {}});
  }

  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  ~ServerProcess();

  pid_t pid() const { return pid_; }
  std::uint16_t port() const { return port_; }

  // SIGTERM (the server makes what it acknowledged durable), SIGKILL after 10 s. Idempotent.
  void stop();
  // SIGKILL at once, as a crash or an OOM kill would end it; waits until it is gone.
  void kill_now();

private:
  ServerProcess(pid_t pid, std::uint16_t port, int output, int log);
  void reap();

  pid_t pid_;
  std::uint16_t port_;
  int output_; // the server's stdout, passed on to our stderr or the log file
  std::thread relay_;
  bool stopped_ = false;
};

// Raises this process's soft limit on open files to its hard limit (children inherit it);
// returns the limit now in force.
std::uint64_t raise_open_file_limit();

// The file system a directory is on ("ext4", "tmpfs", …): a tmpfs makes syncs free.
std::string file_system_of(const std::filesystem::path& dir);

} // namespace intervisie::load
