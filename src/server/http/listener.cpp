#include "server/http/listener.hpp"

#include <boost/asio/strand.hpp>

namespace intervisie::server {

Listener::Listener(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint,
                   Api& api, HttpLimits limits, WebSocketLimits websocket_limits)
    : io_(io), acceptor_(boost::asio::make_strand(io)), api_(api), limits_(limits),
      websocket_limits_(websocket_limits) {
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
  if (!error) {
    socket.set_option(boost::asio::ip::tcp::no_delay(true));
    std::make_shared<HttpSession>(std::move(socket), api_, limits_, websocket_limits_)->run();
  }
  accept();
}

void Listener::stop() {
  boost::asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
    boost::system::error_code ignored;
    self->acceptor_.close(ignored);
  });
}

} // namespace intervisie::server
