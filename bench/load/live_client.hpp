// SPDX-License-Identifier: EUPL-1.2
// One participant's WebSocket connection, kept small: a Beast stream on a plain socket (no
// per-connection strand or stream timers; the load tool runs on one thread), a read buffer
// given back after large messages, and a write queue that is nearly always empty.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address_v4.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace intervisie::load {

class LiveClient;

// Told what happens to the clients; everything runs on the one thread of the io_context.
class ClientObserver {
public:
  virtual void on_open(LiveClient& client) = 0;
  // The connection or the handshake failed; `stage` says which.
  virtual void on_failed(LiveClient& client, const boost::beast::error_code& error,
                         std::string_view stage) = 0;
  virtual void on_message(LiveClient& client, std::string_view text) = 0;
  virtual void on_closed(LiveClient& client, const boost::beast::error_code& error) = 0;

protected:
  ~ClientObserver() = default;
};

class LiveClient {
public:
  LiveClient(boost::asio::io_context& io, ClientObserver& observer, std::uint32_t meeting,
             std::uint8_t slot);
  LiveClient(const LiveClient&) = delete;
  LiveClient& operator=(const LiveClient&) = delete;

  // Connects from `source` (port chosen at connect time, so every loopback source address
  // has the whole ephemeral range towards the server), then upgrades `target`.
  void connect(const boost::asio::ip::tcp::endpoint& server,
               const boost::asio::ip::address_v4& source, const std::string& host,
               const std::string& target);
  void send(std::string text);
  // Ends the connection here, without a closing handshake; the observer hears nothing more.
  void close();

  std::uint32_t meeting() const { return meeting_; }
  std::uint8_t slot() const { return slot_; }
  bool is_open() const { return open_; }

  std::uint64_t seq = 0; // the highest event seq received (or the snapshot's)
  bool has_snapshot = false;
  std::uint8_t attempts = 0; // connection attempts so far

private:
  using Stream = boost::beast::websocket::stream<boost::asio::ip::tcp::socket>;

  void fail(const boost::beast::error_code& error, std::string_view stage);
  void read();
  void on_read(const boost::beast::error_code& error);
  void write_next();
  void closed(const boost::beast::error_code& error);

  boost::asio::io_context& io_;
  ClientObserver& observer_;
  std::optional<Stream> ws_; // anew for every attempt
  boost::beast::flat_buffer buffer_;
  std::vector<std::string> outbox_; // the first is being written
  std::uint32_t meeting_;
  std::uint8_t slot_;
  bool open_ = false;
};

} // namespace intervisie::load
