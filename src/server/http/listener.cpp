// SPDX-License-Identifier: EUPL-1.2
#include "server/http/listener.hpp"

#include <boost/asio/strand.hpp>

#include <algorithm>

namespace intervisie::server {

Listener::Listener(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint,
                   Api& api, const HttpLimits& limits, WebSocketLimits websocket_limits)
    : io_(io), acceptor_(boost::asio::make_strand(io)), retry_(acceptor_.get_executor()), api_(api),
      limits_(limits), websocket_limits_(websocket_limits),
      connections_(std::make_shared<ConnectionCounter>(limits.connections_per_address)) {
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(boost::asio::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(boost::asio::socket_base::max_listen_connections);
}

void Listener::accept() {
  acceptor_.async_accept(
      boost::asio::make_strand(io_),
      boost::beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
}

void Listener::on_accept(boost::beast::error_code error, boost::asio::ip::tcp::socket socket) {
  if (error == boost::asio::error::operation_aborted)
    return;
  if (error) {
    // Out of file descriptors (or another passing failure): accepting again at once would
    // fail again at once and spin a core. Wait a little; connections that close free room.
    retry_.expires_after(std::chrono::milliseconds(100));
    retry_.async_wait([self = shared_from_this()](boost::beast::error_code waited) {
      if (!waited && self->acceptor_.is_open())
        self->accept();
    });
    return;
  }
  boost::beast::error_code ignored; // a peer that is already gone fails later, in its session
  socket.set_option(boost::asio::ip::tcp::no_delay(true), ignored);
  const auto peer = socket.remote_endpoint(ignored);
  std::string address = ignored ? std::string("unknown") : peer.address().to_string();
  // A trusted proxy carries many clients: it is not held to one client's share.
  const bool proxy =
      std::ranges::find(limits_.trusted_proxies, address) != limits_.trusted_proxies.end();
  auto hold = proxy ? std::make_shared<const int>(0) : connections_->admit(address);
  if (!hold) {
    socket.close(ignored); // this address holds all the connections it may
    return accept();
  }
  std::make_shared<HttpSession>(std::move(socket), std::move(address), api_, limits_,
                                websocket_limits_, std::move(hold))
      ->run();
  accept();
}

void Listener::stop() {
  boost::asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
    boost::system::error_code ignored;
    self->acceptor_.close(ignored);
    self->retry_.cancel();
  });
}

} // namespace intervisie::server
