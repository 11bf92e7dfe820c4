// SPDX-License-Identifier: EUPL-1.2
#include "hostile_client.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/asio/detail/socket_option.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/write.hpp>

#include <netinet/in.h>
#include <netinet/tcp.h>

namespace intervisie::load {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

// Linux: pick the source port at connect(), by the whole 4-tuple, not at bind().
using bind_address_no_port = asio::detail::socket_option::boolean<IPPROTO_IP, 24>;

constexpr std::size_t sources = 4;
// What is kept of the server's bytes: enough for a 101 head, a small snapshot and a close frame.
constexpr std::size_t received_max = 1 << 20;
constexpr auto answered_probe_every = 250ms;

std::uint64_t microseconds(Clock::duration duration) {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::microseconds>(duration).count());
}

// What a failed read or write says about the server's side.
std::string describe(const boost::beast::error_code& error) {
  if (error == asio::error::eof)
    return "EOF";
  if (error == asio::error::connection_reset)
    return "reset";
  if (error == asio::error::broken_pipe)
    return "broken pipe";
  return error.message();
}

// The kernel has seen the server reset the connection (after a byte of ours reached a closed
// socket): the next write would fail.
bool reset_seen(tcp::socket& socket) {
  tcp_info info{};
  socklen_t size = sizeof info;
  if (::getsockopt(socket.native_handle(), IPPROTO_TCP, TCP_INFO, &info, &size) != 0)
    return false;
  return info.tcpi_state == TCP_CLOSE;
}

} // namespace

HostileContext::HostileContext(asio::io_context& context, const tcp::endpoint& endpoint,
                               double pause_seconds)
    : io(context), server(endpoint),
      host(endpoint.address().to_string() + ":" + std::to_string(endpoint.port())),
      pause_(std::chrono::duration_cast<Clock::duration>(
          std::chrono::duration<double>(pause_seconds))) {
  for (std::uint32_t i = 1; i <= sources; ++i)
    sources_.push_back(asio::ip::make_address_v4(0x7f000200u + i));
}

asio::ip::address_v4 HostileContext::next_source() {
  return sources_[next_source_++ % sources_.size()];
}

Clock::duration HostileContext::next_pause() {
  return between(pause_ / 2, pause_ + pause_ / 2);
}

Clock::duration HostileContext::between(Clock::duration low, Clock::duration high) {
  std::uniform_int_distribution<Clock::rep> ticks(low.count(), high.count());
  return Clock::duration(ticks(random_));
}

HostileClient::HostileClient(HostileContext& context, std::string kind)
    : context_(context), kind_(std::move(kind)), socket_(context.io), timer_(context.io) {}

void HostileClient::start() {
  connect();
}

void HostileClient::stop() {
  if (open_)
    ++tally().open_at_stop;
  end_attempt();
  timer_.cancel();
}

void HostileClient::connect() {
  if (context_.stopping)
    return;
  ++attempt_;
  ++tally().attempts;
  received_.clear();
  answered_ = false;
  boost::beast::error_code error;
  socket_.open(tcp::v4(), error);
  if (!error)
    socket_.set_option(bind_address_no_port(true), error);
  if (!error && receive_buffer() > 0)
    socket_.set_option(asio::socket_base::receive_buffer_size(receive_buffer()), error);
  if (!error)
    socket_.bind(tcp::endpoint(context_.next_source(), 0), error);
  if (error) {
    ++tally().connect_failures;
    ++tally().verdicts["could not connect: " + error.message()];
    socket_.close(error);
    return again();
  }
  socket_.async_connect(context_.server,
                        [this, attempt = attempt_](const boost::beast::error_code& connected) {
                          if (attempt != attempt_ || context_.stopping)
                            return;
                          if (connected) {
                            ++tally().connect_failures;
                            ++tally().verdicts["could not connect: " + connected.message()];
                            boost::beast::error_code ignored;
                            socket_.close(ignored);
                            return again();
                          }
                          open_ = true;
                          ++tally().open;
                          act_at_ = Clock::now();
                          act();
                        });
}

void HostileClient::again() {
  if (context_.stopping)
    return;
  timer_.expires_after(context_.next_pause());
  timer_.async_wait([this](const boost::system::error_code& error) {
    if (!error)
      connect();
  });
}

void HostileClient::write(std::string bytes) {
  auto shared = std::make_shared<const std::string>(std::move(bytes));
  asio::async_write(
      socket_, asio::buffer(*shared),
      [this, shared, attempt = attempt_](const boost::beast::error_code& error, std::size_t) {
        if (stale(attempt) || !error)
          return;
        answered(describe(error));
        released(describe(error));
      });
}

void HostileClient::read() {
  socket_.async_read_some(
      asio::buffer(chunk_),
      [this, attempt = attempt_](const boost::beast::error_code& error, std::size_t bytes) {
        if (stale(attempt))
          return;
        if (received_.size() < received_max)
          received_.append(chunk_.data(), std::min(bytes, received_max - received_.size()));
        if (error) {
          answered(describe(error));
          // The end of the server's side; a reset says its socket is gone too.
          if (error != asio::error::eof)
            released(describe(error));
          return;
        }
        if (on_received() && open_)
          read();
      });
}

void HostileClient::mark_act() {
  act_at_ = Clock::now();
}

void HostileClient::answered(const std::string& verdict) {
  if (answered_ || !open_)
    return;
  answered_ = true;
  KindTally& counts = tally();
  ++counts.answered;
  counts.answered_after.add(microseconds(Clock::now() - act_at_));
  ++counts.verdicts[verdict];
  probe(std::string(1, '\0'), answered_probe_every);
}

void HostileClient::probe(std::string payload, Clock::duration every) {
  probe_payload_ = std::move(payload);
  probe_every_ = every;
  arm_probe(); // replaces a tick that was due later
}

void HostileClient::arm_probe() {
  timer_.expires_after(probe_every_);
  timer_.async_wait([this, attempt = attempt_](const boost::system::error_code& error) {
    if (!error && !stale(attempt))
      tick();
  });
}

void HostileClient::tick() {
  if (reset_seen(socket_))
    return released("reset");
  write(probe_payload_);
  arm_probe();
}

void HostileClient::released(const std::string& verdict) {
  if (!open_)
    return;
  KindTally& counts = tally();
  ++counts.released;
  counts.released_after.add(microseconds(Clock::now() - act_at_));
  if (!answered_)
    ++counts.verdicts[verdict]; // let go without a word first: that is its answer
  on_released();
  end_attempt();
  again();
}

void HostileClient::end_attempt() {
  if (open_)
    --tally().open;
  open_ = false;
  boost::beast::error_code ignored;
  socket_.close(ignored);
}

} // namespace intervisie::load
