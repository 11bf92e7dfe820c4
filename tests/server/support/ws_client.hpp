// SPDX-License-Identifier: EUPL-1.2
// Synchronous clients for integration tests: one HTTP request at a time, and a WebSocket that
// keeps every message it receives. Every wait has a timeout; nothing sleeps. A failure of the
// network (or a timeout) throws, which fails the test that ran into it with the reason.
// Boost.Beast stays in the .cpp: the tests that include this compile in a fraction of the time.
#pragma once

#include <boost/json/value.hpp>
#include <boost/system/error_code.hpp>

#include <chrono>
#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace intervisie::server::testing {

using Json = boost::json::value;
using namespace std::chrono_literals;

// Generous: a test waits this long only when something is wrong.
inline constexpr std::chrono::milliseconds default_timeout = 5s;

struct HttpResponse {
  unsigned status = 0;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  // The body as JSON; throws if it is not.
  Json json() const;
  std::string header(std::string_view name) const;
};

HttpResponse http_request(std::uint16_t port, const std::string& method, const std::string& target,
                          const std::string& body = {},
                          const std::vector<std::pair<std::string, std::string>>& headers = {},
                          std::chrono::milliseconds timeout = default_timeout);
HttpResponse http_get(std::uint16_t port, const std::string& target);
HttpResponse http_post(std::uint16_t port, const std::string& target, const std::string& body);

// One live connection. Received messages are parsed and kept in order; `wait_for` walks
// through them with a cursor, `received` shows them all.
class WsClient {
public:
  struct Options {
    std::optional<std::string> origin; // an Origin header on the upgrade, as a browser sends
  };

  // Opens the connection: the client, or the response with which the server declined the
  // upgrade. Throws if the TCP connection or the handshake itself fails.
  static std::expected<std::unique_ptr<WsClient>, HttpResponse>
  open(std::uint16_t port, const std::string& target, Options options = {});
  // The same, for when the upgrade must succeed.
  static std::unique_ptr<WsClient> connect(std::uint16_t port, const std::string& target,
                                           Options options = {});

  WsClient(const WsClient&) = delete;
  WsClient& operator=(const WsClient&) = delete;
  ~WsClient();

  // Frames as they are; the result says whether the write went through (a server that has
  // failed the connection may refuse the rest of a large frame).
  boost::system::error_code send_text(const std::string& text);
  boost::system::error_code send_binary(const std::string& bytes);

  // Sends {"type":"command","id":<fresh id>,"command":<command>}; returns the id.
  std::string send_command(const boost::json::object& command);
  // Sends the command and waits for its ack or error (events before it stay in `received`).
  Json command(const boost::json::object& command,
               std::chrono::milliseconds timeout = default_timeout);

  // Skips to the first message that satisfies `match`, and returns it; throws on timeout
  // or close, naming `what` and showing what did arrive.
  Json wait_for(const std::function<bool(const Json&)>& match, const std::string& what,
                std::chrono::milliseconds timeout = default_timeout);
  // Waits until `done()` holds (it is asked after each message); throws on timeout or close.
  void wait_until(const std::function<bool()>& done, const std::string& what,
                  std::chrono::milliseconds timeout = default_timeout);
  // Waits until an event, snapshot or patch with at least this seq has arrived; throws on
  // timeout.
  void wait_seq(std::uint64_t seq, std::chrono::milliseconds timeout = default_timeout);
  // Reads whatever has already arrived, without waiting.
  void poll();
  // Every message received so far, in order of arrival.
  const std::vector<Json>& received() const { return received_; }
  // The raw text of every message, for checks that a secret appears nowhere.
  const std::vector<std::string>& received_text() const { return received_text_; }
  // How many acks and errors have arrived so far.
  std::size_t answer_count() const { return answers_; }
  // The highest "seq" of any event, snapshot or patch received so far (0 if none).
  std::uint64_t last_seq() const { return last_seq_; }

  // Waits for the server to end the connection; its close code (0 if there was no close frame).
  std::optional<std::uint16_t> wait_closed(std::chrono::milliseconds timeout = default_timeout);
  bool closed() const { return closed_; }
  boost::system::error_code close_error() const { return close_error_; }

  // The orderly WebSocket close (1000).
  void close();
  // The network vanishes: the TCP connection ends without a close frame.
  void drop();

private:
  struct Io; // the io_context, the Beast stream and its buffer

  WsClient();
  void read_next();
  // Runs the I/O until `done()` or the deadline; false on timeout.
  bool run_until(const std::function<bool()>& done, std::chrono::steady_clock::time_point deadline);
  boost::system::error_code write(const std::string& bytes, bool text);

  std::unique_ptr<Io> io_;
  std::vector<Json> received_;
  std::vector<std::string> received_text_;
  std::size_t cursor_ = 0;
  std::uint64_t last_seq_ = 0;
  std::size_t answers_ = 0;
  std::uint64_t next_command_ = 1;
  bool reading_ = false;
  bool closed_ = false;
  boost::system::error_code close_error_;
  std::uint16_t close_code_ = 0;
};

// A JSON value's field, or null when absent: keeps checks on messages short.
const Json& field(const Json& json, std::string_view name);
// The message type ("event", "ack", …), or "" when it has none.
std::string type_of(const Json& message);
// For an event message: its event's kind.
std::string event_kind(const Json& message);

} // namespace intervisie::server::testing
