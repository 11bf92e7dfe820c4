// SPDX-License-Identifier: EUPL-1.2
// One keep-alive HTTP/1.1 connection to the server, opened on first use and again after it
// broke: the load tools' way of creating sessions and joining them.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <optional>
#include <string>

namespace intervisie::load {

class HttpConnection {
public:
  using Response = boost::beast::http::response<boost::beast::http::string_body>;

  HttpConnection(boost::asio::any_io_executor executor, boost::asio::ip::tcp::endpoint server);

  // The response, or nothing when the connection broke or could not be opened (the caller may
  // retry).
  boost::asio::awaitable<std::optional<Response>> post(std::string target, std::string body);

  void close();

private:
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  boost::asio::ip::tcp::endpoint server_;
  std::string host_;
  bool open_ = false;
};

} // namespace intervisie::load
