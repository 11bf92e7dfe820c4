// intervisie_beast_peer: a bare room-broadcast server on Boost.Beast, one thread, to compare
// Intervisie against (bench/compare/README.md). No validation, no storage: a text message goes
// as it is to everyone in the sender's room, the sender included. Rooms are `/rooms/<name>`;
// `/healthz` answers 200. Like Intervisie: permessage-deflate off, 64 KiB messages at most,
// TCP_NODELAY, a write queue per connection (here without a bound: the driver reads everything).
//   intervisie_beast_peer <port>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <cstdlib>
#include <deque>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using asio::ip::tcp;

class Member;
std::map<std::string, std::set<Member*>, std::less<>> rooms;

class Member : public std::enable_shared_from_this<Member> {
public:
  explicit Member(tcp::socket socket) : ws_(std::move(socket)) {}

  void accept(http::request<http::string_body> request, std::string room) {
    room_ = std::move(room);
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.read_message_max(64 * 1024);
    ws_.auto_fragment(false);
    ws_.async_accept(request, [self = shared_from_this()](beast::error_code error) {
      if (error)
        return;
      rooms[self->room_].insert(self.get());
      self->read();
    });
  }

  void send(const std::shared_ptr<const std::string>& message) {
    outbox_.push_back(message);
    if (outbox_.size() == 1)
      write_next();
  }

private:
  void read() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code error, std::size_t) {
      if (error)
        return self->leave();
      const auto data = self->buffer_.cdata();
      const auto message =
          std::make_shared<const std::string>(static_cast<const char*>(data.data()), data.size());
      self->buffer_.consume(self->buffer_.size());
      for (Member* member : rooms[self->room_])
        member->send(message);
      self->read();
    });
  }

  void write_next() {
    ws_.async_write(asio::buffer(*outbox_.front()),
                    [self = shared_from_this()](beast::error_code error, std::size_t) {
                      if (error)
                        return;
                      self->outbox_.pop_front();
                      if (!self->outbox_.empty())
                        self->write_next();
                    });
  }

  void leave() {
    const auto room = rooms.find(room_);
    if (room == rooms.end())
      return;
    room->second.erase(this);
    if (room->second.empty())
      rooms.erase(room);
  }

  websocket::stream<tcp::socket> ws_;
  beast::flat_buffer buffer_;
  std::deque<std::shared_ptr<const std::string>> outbox_;
  std::string room_;
};

// Reads one HTTP request: an upgrade to a room, or /healthz.
class Door : public std::enable_shared_from_this<Door> {
public:
  explicit Door(tcp::socket socket) : socket_(std::move(socket)) {}

  void read() {
    http::async_read(socket_, buffer_, request_,
                     [self = shared_from_this()](beast::error_code error, std::size_t) {
                       if (!error)
                         self->answer();
                     });
  }

private:
  void answer() {
    const std::string_view target = request_.target();
    constexpr std::string_view prefix = "/rooms/";
    if (websocket::is_upgrade(request_) && target.starts_with(prefix)) {
      std::string room(target.substr(prefix.size()));
      room = room.substr(0, room.find('?'));
      socket_.set_option(tcp::no_delay(true));
      std::make_shared<Member>(std::move(socket_))->accept(std::move(request_), std::move(room));
      return;
    }
    auto response = std::make_shared<http::response<http::string_body>>(
        target == "/healthz" ? http::status::ok : http::status::not_found, request_.version());
    response->body() = target == "/healthz" ? "ok\n" : "not found\n";
    response->prepare_payload();
    http::async_write(socket_, *response,
                      [self = shared_from_this(), response](beast::error_code, std::size_t) {
                        beast::error_code ignored;
                        self->socket_.shutdown(tcp::socket::shutdown_send, ignored);
                      });
  }

  tcp::socket socket_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
};

void accept(tcp::acceptor& acceptor) {
  acceptor.async_accept([&acceptor](beast::error_code error, tcp::socket socket) {
    if (!error)
      std::make_shared<Door>(std::move(socket))->read();
    accept(acceptor);
  });
}

} // namespace

int main(int argc, char** argv) {
  const auto port = static_cast<unsigned short>(argc > 1 ? std::atoi(argv[1]) : 8091);
  asio::io_context io(1);
  tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  accept(acceptor);
  std::cout << "listening on 127.0.0.1:" << acceptor.local_endpoint().port() << std::endl;
  io.run();
}
