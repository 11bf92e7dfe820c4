// SPDX-License-Identifier: EUPL-1.2
#include "server/http/http_session.hpp"

#include "server/http/client_address.hpp"
#include "server/http/socket_handover.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

namespace intervisie::server {

namespace beast = boost::beast;
namespace http = boost::beast::http;

HttpSession::HttpSession(boost::asio::ip::tcp::socket&& socket, std::string client_address,
                         Api& api, HttpLimits limits, WebSocketLimits websocket_limits,
                         std::shared_ptr<const void> hold)
    : stream_(std::move(socket)), api_(api), limits_(std::move(limits)),
      websocket_limits_(websocket_limits), client_address_(std::move(client_address)),
      hold_(std::move(hold)) {}

void HttpSession::run() {
  // On the connection's strand from the start, as every later handler will be.
  boost::asio::dispatch(stream_.get_executor(),
                        beast::bind_front_handler(&HttpSession::read, shared_from_this()));
}

void HttpSession::read() {
  parser_.emplace();
  limit(*parser_, limits_);
  stream_.expires_after(std::chrono::seconds(30));
  http::async_read_header(stream_, buffer_, *parser_,
                          beast::bind_front_handler(&HttpSession::on_header, shared_from_this()));
}

void HttpSession::on_header(beast::error_code error, std::size_t bytes) {
  if (error)
    return on_read(error, bytes);
  if (framing_unknown(parser_->get())) {
    Request head;
    head.version(11);
    head.keep_alive(false);
    return respond(error_response(head, http::status::bad_request, "bad_request",
                                  "Transfer-Encoding must end in chunked."));
  }
  if (parser_->is_done())
    return on_read({}, 0);
  http::async_read(stream_, buffer_, *parser_,
                   beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
}

void HttpSession::on_read(beast::error_code error, std::size_t) {
  if (error == http::error::end_of_stream)
    return close();
  if (error == http::error::body_limit || error == http::error::header_limit) {
    Request head;
    head.version(11);
    head.keep_alive(false);
    return respond(error_response(head, http::status::payload_too_large, "too_large",
                                  "This request is larger than the server accepts."));
  }
  if (error && error.category() == http::make_error_code(http::error::bad_method).category()) {
    Request head; // not HTTP as we know it: say so once, then close
    head.version(11);
    head.keep_alive(false);
    return respond(error_response(head, http::status::bad_request, "bad_request",
                                  "This is not an HTTP request the server can read."));
  }
  if (error)
    return; // timeout or reset: nothing to answer

  Request request = parser_->release();
  if (beast::websocket::is_upgrade(request)) {
    // The session may have to be loaded first: its answer comes back to this connection's strand.
    auto upgrade = std::make_shared<Request>(std::move(request));
    api_.authorize_live(*upgrade, [self = shared_from_this(), upgrade](auto target) mutable {
      boost::asio::post(self->stream_.get_executor(),
                        [self, upgrade, target = std::move(target)]() mutable {
                          self->upgrade(*upgrade, std::move(target));
                        });
    });
    return;
  }
  const std::string client = client_address(request, client_address_, limits_.trusted_proxies);
  api_.handle(std::move(request), client, [self = shared_from_this()](Response response) {
    boost::asio::post(
        self->stream_.get_executor(),
        [self, response = std::move(response)]() mutable { self->respond(std::move(response)); });
  });
}

void HttpSession::upgrade(const Request& request, std::expected<LiveTarget, Response> target) {
  if (!target)
    return respond(std::move(target.error()));
  stream_.expires_never(); // the WebSocket keeps its own timeouts
  auto socket = onto(stream_.release_socket(), target->live->executor());
  if (!socket)
    return; // the descriptor could not move: the client sees the connection end, and retries
  std::make_shared<WebSocketSession>(std::move(*socket), std::move(target->live), target->seat,
                                     target->subscription, websocket_limits_, std::move(hold_))
      ->run(request);
}

void HttpSession::respond(Response response) {
  response_ = std::make_shared<Response>(std::move(response));
  const bool keep_alive = response_->keep_alive();
  http::async_write(
      stream_, *response_,
      beast::bind_front_handler(&HttpSession::on_write, shared_from_this(), keep_alive));
}

void HttpSession::on_write(bool keep_alive, beast::error_code error, std::size_t) {
  response_.reset();
  if (error)
    return;
  if (!keep_alive)
    return close();
  read();
}

// A lingering close: closing a socket with unread input resets the connection, and a client
// still sending a too-large body would then lose the answer that explains why.
void HttpSession::close() {
  beast::error_code ignored;
  stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
  stream_.expires_after(std::chrono::seconds(5));
  drain();
}

void HttpSession::drain() {
  stream_.async_read_some(boost::asio::buffer(drained_),
                          [self = shared_from_this()](beast::error_code error, std::size_t) {
                            if (!error)
                              self->drain();
                          });
}

} // namespace intervisie::server
