// SPDX-License-Identifier: EUPL-1.2
// nginx in front of several nodes, for the cluster tests: Debian's nginx as a child process, on a
// free loopback port, with the routing and proxy files of deploy/nginx/ included as shipped.
#pragma once

#include "server_process.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include <sys/types.h>

namespace intervisie::server::testing {

class NginxProcess {
public:
  // The port nginx will listen on: known before the nodes start, so they can be told their
  // public URL. Then start() with the nodes' ports.
  NginxProcess();
  NginxProcess(const NginxProcess&) = delete;
  NginxProcess& operator=(const NginxProcess&) = delete;
  ~NginxProcess();

  void start(const std::vector<std::uint16_t>& node_ports);
  std::uint16_t port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string log() const; // its error log, for failure messages

private:
  TempDir dir_;
  std::uint16_t port_ = 0;
  pid_t pid_ = -1;
};

// A loopback TCP port that nobody listens on now.
std::uint16_t free_port();

} // namespace intervisie::server::testing
