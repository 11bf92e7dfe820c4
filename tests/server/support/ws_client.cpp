// SPDX-License-Identifier: EUPL-1.2
#include "ws_client.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address_v4.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>

#include <stdexcept>

namespace intervisie::server::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;
using Clock = std::chrono::steady_clock;

asio::ip::tcp::endpoint loopback(std::uint16_t port) {
  return {asio::ip::address_v4::loopback(), port};
}

std::string host_of(std::uint16_t port) {
  return "127.0.0.1:" + std::to_string(port);
}

// Runs the one operation started on `io` to its end; `stream`'s own timeout bounds it.
void run_to_end(asio::io_context& io) {
  io.restart();
  io.run();
}

// The last few messages, to say what arrived instead of what was waited for.
std::string tail_of(const std::vector<std::string>& texts, std::size_t from) {
  std::string shown;
  const std::size_t start = texts.size() > from + 8 ? texts.size() - 8 : from;
  for (std::size_t i = start; i < texts.size(); ++i)
    shown += "\n  " + texts[i].substr(0, 400);
  return shown.empty() ? " (nothing)" : shown;
}

std::vector<std::pair<std::string, std::string>> headers_of(const http::fields& fields) {
  std::vector<std::pair<std::string, std::string>> headers;
  for (const auto& header : fields)
    headers.emplace_back(std::string(header.name_string()), std::string(header.value()));
  return headers;
}
} // namespace

struct WsClient::Io {
  asio::io_context context;
  websocket::stream<beast::tcp_stream> stream{context};
  beast::flat_buffer buffer;
};

WsClient::WsClient() : io_(std::make_unique<Io>()) {}

Json HttpResponse::json() const {
  boost::system::error_code error;
  Json parsed = boost::json::parse(body, error);
  if (error)
    throw std::runtime_error("not JSON (" + error.message() + "): " + body);
  return parsed;
}

std::string HttpResponse::header(std::string_view name) const {
  for (const auto& [key, value] : headers)
    if (beast::iequals(key, beast::string_view(name.data(), name.size())))
      return value;
  return {};
}

HttpResponse http_request(std::uint16_t port, const std::string& method, const std::string& target,
                          const std::string& body,
                          const std::vector<std::pair<std::string, std::string>>& headers,
                          std::chrono::milliseconds timeout) {
  asio::io_context io;
  beast::tcp_stream stream(io);
  beast::error_code error;

  stream.expires_after(timeout);
  stream.async_connect(loopback(port), [&](beast::error_code e) { error = e; });
  run_to_end(io);
  if (error)
    throw std::runtime_error("cannot connect to port " + std::to_string(port) + ": " +
                             error.message());

  http::request<http::string_body> request{http::string_to_verb(method), target, 11};
  request.set(http::field::host, host_of(port));
  if (!body.empty())
    request.set(http::field::content_type, "application/json");
  for (const auto& [name, value] : headers)
    request.set(name, value);
  request.body() = body;
  request.prepare_payload();
  stream.expires_after(timeout);
  http::async_write(stream, request, [&](beast::error_code e, std::size_t) { error = e; });
  run_to_end(io);
  // A write error is not the end: a server that refuses a body may answer before reading it.
  const beast::error_code write_error = error;

  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  stream.expires_after(timeout);
  http::async_read(stream, buffer, response, [&](beast::error_code e, std::size_t) { error = e; });
  run_to_end(io);
  if (error)
    throw std::runtime_error(method + " " + target + ": no response (" + error.message() +
                             (write_error ? "; the write failed: " + write_error.message() : "") +
                             ")");
  beast::error_code ignored;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  return HttpResponse{response.result_int(), response.body(), headers_of(response.base())};
}

HttpResponse http_get(std::uint16_t port, const std::string& target) {
  return http_request(port, "GET", target);
}

HttpResponse http_post(std::uint16_t port, const std::string& target, const std::string& body) {
  return http_request(port, "POST", target, body);
}

// --- WsClient ---------------------------------------------------------------------------------

std::expected<std::unique_ptr<WsClient>, HttpResponse>
WsClient::open(std::uint16_t port, const std::string& target, Options options) {
  std::unique_ptr<WsClient> client(new WsClient);
  auto& stream = client->io_->stream;
  const auto deadline = Clock::now() + default_timeout;

  bool done = false;
  beast::error_code error;
  beast::get_lowest_layer(stream).async_connect(loopback(port), [&](beast::error_code e) {
    error = e;
    done = true;
  });
  if (!client->run_until([&] { return done; }, deadline) || error)
    throw std::runtime_error("cannot connect to port " + std::to_string(port) + ": " +
                             (error ? error.message() : "timeout"));

  // The WebSocket keeps its own time; the TCP stream's timer would cut long idle reads.
  beast::get_lowest_layer(stream).expires_never();
  stream.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
  if (options.origin)
    stream.set_option(websocket::stream_base::decorator(
        [origin = *options.origin](websocket::request_type& request) {
          request.set(http::field::origin, origin);
        }));
  websocket::response_type response;
  done = false;
  stream.async_handshake(response, host_of(port), target, [&](beast::error_code e) {
    error = e;
    done = true;
  });
  if (!client->run_until([&] { return done; }, deadline))
    throw std::runtime_error("the WebSocket handshake for " + target + " timed out");
  if (error == websocket::error::upgrade_declined)
    return std::unexpected(
        HttpResponse{response.result_int(), response.body(), headers_of(response.base())});
  if (error)
    throw std::runtime_error("the WebSocket handshake for " + target +
                             " failed: " + error.message());
  client->read_next();
  return client;
}

std::unique_ptr<WsClient> WsClient::connect(std::uint16_t port, const std::string& target,
                                            Options options) {
  auto opened = open(port, target, std::move(options));
  if (!opened)
    throw std::runtime_error("the server declined the upgrade for " + target + ": " +
                             std::to_string(opened.error().status) + " " + opened.error().body);
  return std::move(*opened);
}

WsClient::~WsClient() {
  beast::error_code ignored;
  beast::get_lowest_layer(io_->stream).socket().close(ignored);
  // Lets the aborted read finish while this object is still whole.
  io_->context.restart();
  io_->context.poll();
}

void WsClient::read_next() {
  reading_ = true;
  io_->stream.async_read(io_->buffer, [this](beast::error_code error, std::size_t) {
    reading_ = false;
    if (error) {
      closed_ = true;
      close_error_ = error;
      close_code_ = static_cast<std::uint16_t>(io_->stream.reason().code);
      return;
    }
    std::string text = beast::buffers_to_string(io_->buffer.data());
    io_->buffer.consume(io_->buffer.size());
    boost::system::error_code parse_error;
    Json message = boost::json::parse(text, parse_error);
    if (parse_error)
      message = Json(text); // kept as it came, so a check shows it
    if (const auto* object = message.if_object()) {
      if (const auto* seq = object->if_contains("seq"); seq && seq->is_number()) {
        const std::string type = type_of(message);
        if (type == "event" || type == "snapshot" || type == "patch")
          last_seq_ = std::max(last_seq_, seq->to_number<std::uint64_t>());
      }
    }
    if (const std::string type = type_of(message); type == "ack" || type == "error")
      ++answers_;
    received_.push_back(std::move(message));
    received_text_.push_back(std::move(text));
    read_next();
  });
}

bool WsClient::run_until(const std::function<bool()>& done, Clock::time_point deadline) {
  while (!done()) {
    if (Clock::now() >= deadline)
      return false;
    if (io_->context.stopped())
      io_->context.restart();
    io_->context.run_one_until(deadline);
  }
  return true;
}

beast::error_code WsClient::write(const std::string& bytes, bool text) {
  if (closed_)
    return websocket::error::closed;
  io_->stream.text(text);
  bool done = false;
  beast::error_code error;
  io_->stream.async_write(asio::buffer(bytes), [&](beast::error_code e, std::size_t) {
    error = e;
    done = true;
  });
  if (!run_until([&] { return done; }, Clock::now() + default_timeout)) {
    drop();
    run_until([&] { return done; }, Clock::now() + default_timeout);
    throw std::runtime_error("a write of " + std::to_string(bytes.size()) + " bytes timed out");
  }
  return error;
}

beast::error_code WsClient::send_text(const std::string& text) {
  return write(text, true);
}

beast::error_code WsClient::send_binary(const std::string& bytes) {
  return write(bytes, false);
}

std::string WsClient::send_command(const boost::json::object& command) {
  std::string id = "c" + std::to_string(next_command_++);
  const auto error = send_text(boost::json::serialize(
      boost::json::object{{"type", "command"}, {"id", id}, {"command", command}}));
  if (error)
    throw std::runtime_error("cannot send command " + id + ": " + error.message());
  return id;
}

Json WsClient::command(const boost::json::object& command, std::chrono::milliseconds timeout) {
  const std::string id = send_command(command);
  return wait_for(
      [&](const Json& message) {
        const std::string type = type_of(message);
        return (type == "ack" || type == "error") && field(message, "id") == Json(id);
      },
      "the answer to " + id + " " + boost::json::serialize(command), timeout);
}

Json WsClient::wait_for(const std::function<bool(const Json&)>& match, const std::string& what,
                        std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  const std::size_t from = cursor_;
  for (;;) {
    while (cursor_ < received_.size())
      if (const Json& message = received_[cursor_++]; match(message))
        return message;
    const bool arrived = run_until([&] { return cursor_ < received_.size() || closed_; }, deadline);
    if (cursor_ < received_.size())
      continue;
    throw std::runtime_error(
        "waited in vain for " + what + " (" +
        (arrived ? "the connection closed: " + close_error_.message() : std::string("timeout")) +
        "); received instead:" + tail_of(received_text_, from));
  }
}

void WsClient::wait_until(const std::function<bool()>& done, const std::string& what,
                          std::chrono::milliseconds timeout) {
  const std::size_t from = received_.size();
  if (!run_until([&] { return done() || closed_; }, Clock::now() + timeout) || !done())
    throw std::runtime_error(
        "waited in vain for " + what + " (" +
        (closed_ ? "the connection closed: " + close_error_.message() : std::string("timeout")) +
        "); received meanwhile:" + tail_of(received_text_, from));
}

void WsClient::wait_seq(std::uint64_t seq, std::chrono::milliseconds timeout) {
  if (!run_until([&] { return last_seq_ >= seq || closed_; }, Clock::now() + timeout) ||
      last_seq_ < seq)
    throw std::runtime_error("waited in vain for seq " + std::to_string(seq) + " (last seen " +
                             std::to_string(last_seq_) + (closed_ ? ", closed" : "") + ")");
}

void WsClient::poll() {
  if (io_->context.stopped())
    io_->context.restart();
  io_->context.poll();
}

std::optional<std::uint16_t> WsClient::wait_closed(std::chrono::milliseconds timeout) {
  if (!run_until([&] { return closed_; }, Clock::now() + timeout))
    return std::nullopt;
  return close_code_;
}

void WsClient::close() {
  if (closed_)
    return;
  bool done = false;
  io_->stream.async_close(websocket::close_code::normal, [&](beast::error_code) { done = true; });
  const auto deadline = Clock::now() + default_timeout;
  run_until([&] { return done && !reading_; }, deadline);
  drop();
}

void WsClient::drop() {
  beast::error_code ignored;
  auto& socket = beast::get_lowest_layer(io_->stream).socket();
  socket.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  socket.close(ignored);
  io_->context.restart();
  io_->context.poll(); // the pending read ends with operation_aborted
  closed_ = true;
}

// --- reading messages ---------------------------------------------------------------------------

const Json& field(const Json& json, std::string_view name) {
  static const Json null;
  const auto* object = json.if_object();
  if (!object)
    return null;
  const auto* value = object->if_contains(name);
  return value ? *value : null;
}

std::string type_of(const Json& message) {
  const Json& type = field(message, "type");
  return type.is_string() ? std::string(type.get_string()) : std::string();
}

std::string event_kind(const Json& message) {
  const Json& kind = field(field(message, "event"), "kind");
  return kind.is_string() ? std::string(kind.get_string()) : std::string();
}

} // namespace intervisie::server::testing
