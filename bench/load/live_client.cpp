// SPDX-License-Identifier: EUPL-1.2
#include "live_client.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/asio/detail/socket_option.hpp>

#include <netinet/in.h>

namespace intervisie::load {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using asio::ip::tcp;

// Linux: pick the source port at connect(), by the whole 4-tuple, not at bind().
using bind_address_no_port = asio::detail::socket_option::boolean<IPPROTO_IP, 24>;

// After a large message (the snapshot) the buffer is given back: idle clients stay small.
constexpr std::size_t buffer_keep_bytes = 2048;

} // namespace

LiveClient::LiveClient(asio::io_context& io, ClientObserver& observer, std::uint32_t meeting,
                       std::uint8_t slot)
    : io_(io), observer_(observer), meeting_(meeting), slot_(slot) {}

void LiveClient::connect(const tcp::endpoint& server, const asio::ip::address_v4& source,
                         const std::string& host, const std::string& target) {
  ++attempts;
  open_ = false;
  has_snapshot = false;
  buffer_.clear();
  outbox_.clear();
  ws_.emplace(io_);
  websocket::stream_base::timeout timeouts{};
  timeouts.handshake_timeout = std::chrono::seconds(30);
  timeouts.idle_timeout = websocket::stream_base::none(); // the server pings idle connections
  timeouts.keep_alive_pings = false;
  ws_->set_option(timeouts);
  ws_->auto_fragment(false);
  ws_->write_buffer_bytes(512); // commands are small; the default is 4 KiB per client
  ws_->text(true);

  auto& socket = ws_->next_layer();
  beast::error_code error;
  socket.open(tcp::v4(), error);
  if (!error)
    socket.set_option(bind_address_no_port(true), error);
  if (!error)
    socket.bind(tcp::endpoint(source, 0), error);
  if (error) {
    // Out of descriptors, say: reported after this call returns, like any other failure.
    asio::post(io_, [this, error] { fail(error, "socket"); });
    return;
  }
  socket.async_connect(server, [this, host, target](const beast::error_code& connected) {
    if (connected)
      return fail(connected, "connect");
    beast::error_code ignored;
    ws_->next_layer().set_option(tcp::no_delay(true), ignored);
    ws_->async_handshake(host, target, [this](const beast::error_code& handshaken) {
      if (handshaken)
        return fail(handshaken, "handshake");
      open_ = true;
      observer_.on_open(*this);
      read();
    });
  });
}

void LiveClient::fail(const beast::error_code& error, std::string_view stage) {
  beast::error_code ignored;
  ws_->next_layer().close(ignored);
  observer_.on_failed(*this, error, stage);
}

void LiveClient::read() {
  ws_->async_read(buffer_, [this](const beast::error_code& error, std::size_t) { on_read(error); });
}

void LiveClient::on_read(const beast::error_code& error) {
  if (error)
    return closed(error);
  const auto data = buffer_.cdata();
  observer_.on_message(*this, std::string_view(static_cast<const char*>(data.data()), data.size()));
  buffer_.consume(buffer_.size());
  if (buffer_.capacity() > buffer_keep_bytes)
    buffer_.shrink_to_fit();
  if (open_)
    read();
}

void LiveClient::send(std::string text) {
  if (!open_)
    return;
  outbox_.push_back(std::move(text));
  if (outbox_.size() == 1)
    write_next();
}

void LiveClient::write_next() {
  ws_->async_write(asio::buffer(outbox_.front()),
                   [this](const beast::error_code& error, std::size_t) {
                     if (error)
                       return; // the read side reports the closed connection
                     outbox_.erase(outbox_.begin());
                     if (!outbox_.empty() && open_)
                       write_next();
                   });
}

void LiveClient::close() {
  open_ = false;
  if (!ws_)
    return;
  beast::error_code ignored;
  ws_->next_layer().close(ignored);
}

void LiveClient::closed(const beast::error_code& error) {
  if (!open_)
    return;
  open_ = false; // the outbox stays: a write may still be using its first message
  observer_.on_closed(*this, error);
}

} // namespace intervisie::load
