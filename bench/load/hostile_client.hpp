// SPDX-License-Identifier: EUPL-1.2
// One hostile client on a raw socket, again and again: it connects, does its act (stops reading,
// goes quiet, sends too much), watches for the server's answer, then sends a byte now and then
// until a write fails: the server has closed its socket, and let go of the connection. After
// --hostile-pause it does it again. The kinds (slow_reader, half_open, oversized) differ only
// in their act and in what answer they look for.
#pragma once

#include "hostile_tally.hpp"
#include "meeting.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address_v4.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/error.hpp>

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace intervisie::load {

// What every hostile client shares, on the hostile clients' own thread.
class HostileContext {
public:
  HostileContext(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& server,
                 double pause_seconds);

  // Round robin over 127.0.2.1 … 127.0.2.4: apart from the meetings' 127.0.0.x, and enough
  // ephemeral ports for clients that reconnect every few seconds.
  boost::asio::ip::address_v4 next_source();
  // The pause before a client's next attempt: --hostile-pause, give or take half, so clients
  // that started together do not stay in step.
  Clock::duration next_pause();
  // Somewhere between `low` and `high`, at random.
  Clock::duration between(Clock::duration low, Clock::duration high);
  KindTally& tally(const std::string& kind) { return tallies[kind]; }

  boost::asio::io_context& io;
  const boost::asio::ip::tcp::endpoint server;
  const std::string host;
  bool stopping = false;
  std::map<std::string, KindTally> tallies;

private:
  Clock::duration pause_;
  std::mt19937_64 random_{17};
  std::vector<boost::asio::ip::address_v4> sources_;
  std::size_t next_source_ = 0;
};

class HostileClient {
public:
  HostileClient(HostileContext& context, std::string kind);
  HostileClient(const HostileClient&) = delete;
  HostileClient& operator=(const HostileClient&) = delete;
  virtual ~HostileClient() = default;

  void start(); // the first attempt
  void stop();  // closes the connection; no more attempts

protected:
  // Connected: do the act. Call mark_act() at the moment the server should start judging it.
  virtual void act() = 0;
  // More bytes in received(). Return false to stop reading (a slow reader after its upgrade).
  virtual bool on_received() { return true; }
  // The receive buffer to ask for before connecting (0: the system's).
  virtual int receive_buffer() const { return 0; }
  // Just before a connection the server let go of is closed here.
  virtual void on_released() {}

  void write(std::string bytes);
  void read(); // keeps reading into received() until the server ends its side
  void mark_act();
  // The server has answered (a status, a close frame, the end of its side): from now on a byte
  // is sent every 250 ms, until one is refused.
  void answered(const std::string& verdict);
  // Sends `payload` every `every` until a write fails (the connection was let go).
  void probe(std::string payload, Clock::duration every);
  void released(const std::string& verdict);

  KindTally& tally() { return context_.tally(kind_); }
  HostileContext& context() { return context_; }
  const HostileContext& context() const { return context_; }
  std::string_view received() const { return received_; }
  void clear_received() { received_.clear(); }
  boost::asio::ip::tcp::socket& socket() { return socket_; }
  Clock::time_point act_at() const { return act_at_; }
  bool is_answered() const { return answered_; }

private:
  void connect();
  void again();
  void arm_probe();
  void tick();
  void end_attempt();
  // A handler of an attempt that has ended since is ignored.
  bool stale(std::uint64_t attempt) const { return attempt != attempt_ || !open_; }

  HostileContext& context_;
  std::string kind_;
  boost::asio::ip::tcp::socket socket_;
  boost::asio::steady_timer timer_;
  std::array<char, 4096> chunk_{};
  std::string received_;
  std::string probe_payload_;
  Clock::duration probe_every_{};
  Clock::time_point act_at_;
  std::uint64_t attempt_ = 0;
  bool open_ = false;
  bool answered_ = false;
};

} // namespace intervisie::load
