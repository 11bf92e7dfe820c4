// SPDX-License-Identifier: EUPL-1.2
#include "nginx_process.hpp"

#include "child_process.hpp"

#include <chrono>
#include <csignal>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace intervisie::server::testing {
namespace {

constexpr const char* nginx_binary = "/usr/sbin/nginx";

bool accepts(std::uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool connected =
      ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

} // namespace

std::uint16_t free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    throw std::runtime_error("no free port: " + std::string(std::strerror(errno)));
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

NginxProcess::NginxProcess() : port_(free_port()) {}

NginxProcess::~NginxProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM); // the master stops its workers
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

std::string NginxProcess::log() const {
  std::ifstream file(dir_.path() / "error.log");
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

void NginxProcess::start(const std::vector<std::uint16_t>& node_ports) {
  const auto& dir = dir_.path();
  std::filesystem::create_directories(dir / "intervisie");
  {
    std::ofstream nodes(dir / "intervisie" / "nodes.conf");
    for (const std::uint16_t node : node_ports)
      nodes << "server 127.0.0.1:" << node << " max_fails=1 fail_timeout=2s;\n";
  }
  const std::string deploy = INTERVISIE_DEPLOY_DIR "/nginx/intervisie";
  {
    // What a deployment's nginx.conf and conf.d/intervisie.conf do, without TLS and on a free
    // loopback port; the routing and the proxy settings are the shipped files themselves.
    std::ofstream conf(dir / "nginx.conf");
    conf << "pid " << (dir / "nginx.pid").string() << ";\n"
         << "error_log " << (dir / "error.log").string() << " warn;\n"
         << "worker_processes 2;\n"
         << "events { worker_connections 4096; }\n"
         << "http {\n"
         << "  access_log off;\n"
         << "  include " << deploy << "/routing.conf;\n"
         << "  server {\n"
         << "    listen 127.0.0.1:" << port_ << ";\n"
         << "    location / { include " << deploy << "/proxy.conf; }\n"
         << "  }\n"
         << "}\n";
  }
  const std::string prefix = dir.string() + "/";
  const std::string conf = (dir / "nginx.conf").string();
  const std::string early_log = (dir / "error.log").string(); // before nginx.conf is read
  pid_ =
      start_child({nginx_binary, "-p", prefix, "-e", early_log, "-c", conf, "-g", "daemon off;"});
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!accepts(port_)) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("nginx ended at start: " + log());
    }
    if (std::chrono::steady_clock::now() > deadline)
      throw std::runtime_error("nginx did not listen within 10 s: " + log());
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

} // namespace intervisie::server::testing
