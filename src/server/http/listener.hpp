// SPDX-License-Identifier: EUPL-1.2
// Accepts connections and gives each its own strand and HttpSession.
#pragma once

#include "server/http/connection_counter.hpp"
#include "server/http/http_session.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

namespace intervisie::server {

class Listener : public std::enable_shared_from_this<Listener> {
public:
  // Binds at once, so a taken port is an error here rather than silence later.
  Listener(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint, Api& api,
           const HttpLimits& limits, WebSocketLimits websocket_limits);
  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
  void run() { accept(); }
  void stop();

private:
  void accept();
  void on_accept(boost::beast::error_code error, boost::asio::ip::tcp::socket socket);

  boost::asio::io_context& io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer retry_; // on the acceptor's strand
  Api& api_;
  HttpLimits limits_;
  WebSocketLimits websocket_limits_;
  std::shared_ptr<ConnectionCounter> connections_;
};

} // namespace intervisie::server
