// SPDX-License-Identifier: EUPL-1.2
// One participant's live connection: a read loop that hands commands to the live session, and
// a bounded write queue in the manner of Boost.Beast's chat example. A client that cannot keep
// up is disconnected rather than allowed to hold messages (or the session) back; it resumes
// with `since`.
#pragma once

#include "server/live/client.hpp"
#include "server/live/live_session.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/container/devector.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace intervisie::server {

struct WebSocketLimits {
  std::size_t read_message_max = 64 * 1024;
  std::size_t queue_messages_max = 512;
  std::size_t queue_bytes_max = 4 * 1024 * 1024;
  // What the kernel may hold for the connection that it has not yet sent (TCP_NOTSENT_LOWAT);
  // the rest waits in the queue, where the limits above see it. Left to itself, Linux grows a
  // send buffer to 4 MiB (tcp_wmem) for a client that stops reading before anything waits in
  // the queue: thousands of such clients held gigabytes of kernel memory, and none was dropped.
  int unsent_bytes_max = 16 * 1024;
};

class WebSocketSession : public Client, public std::enable_shared_from_this<WebSocketSession> {
public:
  WebSocketSession(boost::asio::ip::tcp::socket&& socket, std::shared_ptr<LiveSession> live,
                   Seat seat, Subscription subscription, WebSocketLimits limits,
                   std::shared_ptr<const void> hold = {});

  // Completes the upgrade this request asked for, then starts the read loop.
  void run(const boost::beast::http::request<boost::beast::http::string_body>& upgrade);

  void send(std::shared_ptr<const std::string> message) override;
  void send_backlog(std::vector<std::shared_ptr<const std::string>> messages) override;
  void disconnect() override;
  void send_last(std::shared_ptr<const std::string> message) override;

private:
  void on_accept(boost::beast::error_code error);
  void read();
  void on_read(boost::beast::error_code error, std::size_t bytes);
  void write_next();
  void drop_queue();
  void on_write(boost::beast::error_code error, std::size_t bytes);
  void close_now();
  void close_in_order();

  boost::beast::websocket::stream<boost::beast::tcp_stream> stream_;
  boost::beast::flat_buffer buffer_;
  std::shared_ptr<LiveSession> live_;
  Seat seat_;
  Subscription subscription_;
  WebSocketLimits limits_;
  std::shared_ptr<const void> hold_; // the connection's place among its address's
  // Not std::deque: that allocates a block of its own even when empty, on every connection.
  boost::container::devector<std::shared_ptr<const std::string>> queue_;
  std::size_t queued_bytes_ = 0;
  // The part of the queue's front that is the backlog (send_backlog): exempt from the limits.
  std::size_t backlog_messages_ = 0;
  std::size_t backlog_bytes_ = 0;
  bool attached_ = false;
  bool closed_ = false;
  bool last_queued_ = false; // send_last: nothing more is queued, and the close follows it
};

} // namespace intervisie::server
