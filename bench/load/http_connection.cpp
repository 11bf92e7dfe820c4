// SPDX-License-Identifier: EUPL-1.2
#include "http_connection.hpp"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <chrono>

namespace intervisie::load {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;

HttpConnection::HttpConnection(asio::any_io_executor executor, tcp::endpoint server)
    : stream_(std::move(executor)), server_(server),
      host_(server.address().to_string() + ":" + std::to_string(server.port())) {}

asio::awaitable<std::optional<HttpConnection::Response>> HttpConnection::post(std::string target,
                                                                              std::string body) {
  beast::error_code error;
  if (!open_) {
    stream_.expires_after(std::chrono::seconds(30));
    co_await stream_.async_connect(server_, asio::redirect_error(asio::use_awaitable, error));
    if (error) {
      close();
      co_return std::nullopt;
    }
    stream_.socket().set_option(tcp::no_delay(true));
    open_ = true;
  }
  http::request<http::string_body> request{http::verb::post, target, 11};
  request.set(http::field::host, host_);
  request.set(http::field::content_type, "application/json");
  request.keep_alive(true);
  request.body() = std::move(body);
  request.prepare_payload();
  stream_.expires_after(std::chrono::seconds(60));
  co_await http::async_write(stream_, request, asio::redirect_error(asio::use_awaitable, error));
  Response response;
  if (!error)
    co_await http::async_read(stream_, buffer_, response,
                              asio::redirect_error(asio::use_awaitable, error));
  if (error) {
    close();
    co_return std::nullopt;
  }
  if (!response.keep_alive())
    close();
  co_return response;
}

void HttpConnection::close() {
  beast::error_code ignored;
  stream_.socket().close(ignored);
  buffer_.clear();
  open_ = false;
}

} // namespace intervisie::load
