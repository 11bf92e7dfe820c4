// SPDX-License-Identifier: EUPL-1.2
// intervisie_beast_peer: a bare room-broadcast server on Boost.Beast, one thread, to compare
// Intervisie against (bench/compare/README.md). No validation, no storage: a text message goes
// as it is to everyone in the sender's room, the sender included. Rooms are `/rooms/<name>`;
// `/healthz` answers 200. Like Intervisie: permessage-deflate off, 64 KiB messages at most,
// TCP_NODELAY, a write queue per connection (here without a bound: the driver reads everything).
// With --durable DIR it also appends each message to a SQLite table (WAL, synchronous = FULL, as
// Intervisie's store) and commits it before anyone hears of it: the cheapest durable broadcast,
// one commit and one fdatasync per message, on the one thread.
//   intervisie_beast_peer <port> [--durable DIR]
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <sqlite3.h>

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

// The durable log of --durable: one prepared insert, committed per message (autocommit).
class Log {
public:
  explicit Log(const std::string& dir) {
    const std::string path = dir + "/peer.sqlite";
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK ||
        sqlite3_exec(db_,
                     "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                     "CREATE TABLE IF NOT EXISTS messages (room TEXT NOT NULL, seq INTEGER NOT "
                     "NULL, body TEXT NOT NULL, PRIMARY KEY (room, seq)) WITHOUT ROWID;",
                     nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(db_, "INSERT INTO messages (room, seq, body) VALUES (?, ?, ?)", -1,
                           &insert_, nullptr) != SQLITE_OK) {
      std::cerr << "cannot open " << path << ": " << sqlite3_errmsg(db_) << "\n";
      std::exit(1);
    }
  }

  void append(const std::string& room, long long seq, const std::string& body) {
    sqlite3_bind_text(insert_, 1, room.data(), static_cast<int>(room.size()), SQLITE_STATIC);
    sqlite3_bind_int64(insert_, 2, seq);
    sqlite3_bind_text(insert_, 3, body.data(), static_cast<int>(body.size()), SQLITE_STATIC);
    if (sqlite3_step(insert_) != SQLITE_DONE) {
      std::cerr << "cannot append: " << sqlite3_errmsg(db_) << "\n";
      std::exit(1);
    }
    sqlite3_reset(insert_);
  }

private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
};

Log* durable_log = nullptr;
std::map<std::string, long long, std::less<>> room_seq;

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
      if (durable_log)
        durable_log->append(self->room_, ++room_seq[self->room_], *message);
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
  std::unique_ptr<Log> log;
  if (argc > 3 && std::string_view(argv[2]) == "--durable") {
    log = std::make_unique<Log>(argv[3]);
    durable_log = log.get();
  }
  asio::io_context io(1);
  tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  accept(acceptor);
  std::cout << "listening on 127.0.0.1:" << acceptor.local_endpoint().port() << std::endl;
  io.run();
}
