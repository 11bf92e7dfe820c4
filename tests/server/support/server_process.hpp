// SPDX-License-Identifier: EUPL-1.2
// The real `intervisie serve` as a child process, for integration tests: on a free port (port 0,
// read back from its stdout), with a fresh temporary data directory that outlives restarts, so a
// test can kill the server and start it again on the same store. A test may give a data
// directory of its own instead (one on a small disk, say).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

namespace intervisie::server::testing {

// A directory under the system's temp directory, removed with everything in it at the end.
class TempDir {
public:
  TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

private:
  std::filesystem::path path_;
};

// A data directory the test provides and keeps; the server's log stays outside it.
struct OwnDataDir {
  std::filesystem::path path;
};

class ServerProcess {
public:
  // Starts the server at once; `extra_arguments` go after the standard ones, e.g.
  // {"--sessions-per-minute", "3"}. Throws when it does not come up (with its stderr).
  explicit ServerProcess(std::vector<std::string> extra_arguments = {});
  // The same, on the test's own data directory.
  explicit ServerProcess(OwnDataDir data_dir, std::vector<std::string> extra_arguments = {});
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  ~ServerProcess(); // kills a server still running

  std::uint16_t port() const { return port_; }
  bool running() const { return pid_ > 0; }
  const std::filesystem::path& data_dir() const { return data_dir_; }
  // What the server printed on stdout after the port line (e.g. how many sessions it restored).
  const std::string& banner() const { return banner_; }
  // Everything the server wrote on stderr so far, across restarts: for failure messages.
  std::string log() const;
  // Waits until the log contains `text` (woken by each write to it); false on timeout.
  bool wait_for_log(std::string_view text, std::chrono::milliseconds timeout) const;

  pid_t pid() const { return pid_; }

  // Sends the signal and waits for the process to end; returns its wait status.
  int kill(int signal = 9);
  // SIGTERM: the orderly stop; returns the exit code (or -signal if a signal ended it).
  int stop();
  // Starts the server again on the same data directory (after kill or stop); new port, or the
  // same one (a node behind a proxy that lists it by port).
  void restart();
  void restart_on_same_port();

private:
  void start(std::uint16_t port = 0);

  TempDir temp_; // the log, and the data directory unless the test gave one
  std::filesystem::path data_dir_;
  std::filesystem::path log_path_;
  std::vector<std::string> extra_arguments_;
  pid_t pid_ = -1;
  int stdout_fd_ = -1; // kept open while the server runs: it must never write into a closed pipe
  std::uint16_t port_ = 0;
  std::string banner_;
};

} // namespace intervisie::server::testing
