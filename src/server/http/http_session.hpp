// SPDX-License-Identifier: EUPL-1.2
// One HTTP connection: reads a request, lets the API answer it, writes the response, and so on
// while the client keeps the connection alive; hands an upgrade over to a WebSocketSession.
#pragma once

#include <array>

#include "server/http/api.hpp"
#include "server/http/request_head.hpp"
#include "server/live/websocket_session.hpp"

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <memory>
#include <optional>

namespace intervisie::server {

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
  // `hold` is this connection's place among its address's (ConnectionCounter), kept while the
  // connection lives, also after an upgrade.
  HttpSession(boost::asio::ip::tcp::socket&& socket, std::string client_address, Api& api,
              HttpLimits limits, WebSocketLimits websocket_limits,
              std::shared_ptr<const void> hold);
  void run();

private:
  void read();
  void on_header(boost::beast::error_code error, std::size_t bytes);
  void on_read(boost::beast::error_code error, std::size_t bytes);
  void respond(Response response);
  // Hands the connection to the live session authorize_live found, or refuses the upgrade.
  void upgrade(const Request& request, std::expected<LiveTarget, Response> target);
  void on_write(bool keep_alive, boost::beast::error_code error, std::size_t bytes);
  void close();
  void drain(); // reads and drops what the client still sends, until it closes too

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<RequestParser> parser_;
  std::shared_ptr<Response> response_;
  std::array<char, 4096> drained_{};
  Api& api_;
  HttpLimits limits_;
  WebSocketLimits websocket_limits_;
  std::string client_address_;
  std::shared_ptr<const void> hold_;
};

} // namespace intervisie::server
