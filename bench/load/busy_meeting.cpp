// SPDX-License-Identifier: EUPL-1.2
#include "busy_meeting.hpp"

#include "server_message.hpp"

namespace intervisie::load {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view start_command = R"({"kind":"start"})";
constexpr std::string_view add_time = R"({"kind":"adjust_time","seconds":60})";
constexpr std::string_view take_time = R"({"kind":"adjust_time","seconds":-60})";

} // namespace

BusyMeeting::BusyMeeting(HostileContext& context, std::string target, double commands_per_second,
                         BusyCounts& counts)
    : context_(context), target_(std::move(target)),
      interval_(std::chrono::duration_cast<Clock::duration>(
          std::chrono::duration<double>(1.0 / commands_per_second))),
      counts_(counts), client_(context.io, *this, 0, 0), timer_(context.io),
      reconnect_(context.io) {}

void BusyMeeting::start() {
  client_.connect(context_.server, context_.next_source(), context_.host, target_);
}

void BusyMeeting::stop() {
  stopped_ = true;
  timer_.cancel();
  reconnect_.cancel();
  client_.close();
}

void BusyMeeting::connect_later() {
  if (stopped_ || context_.stopping)
    return;
  ++counts_.reconnects;
  open_id_.clear();
  reconnect_.expires_after(1s);
  reconnect_.async_wait([this](const boost::system::error_code& error) {
    if (!error && !stopped_)
      start();
  });
}

void BusyMeeting::on_open(LiveClient&) {}

void BusyMeeting::on_failed(LiveClient&, const boost::beast::error_code&, std::string_view) {
  connect_later();
}

void BusyMeeting::on_closed(LiveClient&, const boost::beast::error_code&) {
  connect_later();
}

void BusyMeeting::on_message(LiveClient&, std::string_view text) {
  const auto message = parse_server_message(text);
  if (!message || stopped_)
    return;
  switch (message->type) {
  case MessageType::snapshot:
    if (!started_ && open_id_.empty())
      send(start_command);
    break;
  case MessageType::ack:
  case MessageType::error:
    if (message->id != open_id_)
      break;
    open_id_.clear();
    if (message->type == MessageType::ack)
      ++counts_.acked;
    else
      ++counts_.error_codes[message->code];
    if (!started_) {
      started_ = true; // refused: it had started before this connection
      next_due_ = Clock::now();
      tick();
    }
    break;
  default:
    break;
  }
}

void BusyMeeting::tick() {
  if (stopped_ || context_.stopping)
    return;
  if (!client_.is_open()) {
    // connect_later brings it back; the pace picks up from then
  } else if (!open_id_.empty()) {
    ++counts_.skipped;
  } else {
    send(forward_ ? add_time : take_time);
    forward_ = !forward_;
  }
  next_due_ += interval_;
  if (next_due_ < Clock::now())
    next_due_ = Clock::now() + interval_; // behind: no burst to catch up
  timer_.expires_at(next_due_);
  timer_.async_wait([this](const boost::system::error_code& error) {
    if (!error)
      tick();
  });
}

void BusyMeeting::send(std::string_view command) {
  open_id_.assign(1, 'b'); // appended: g++ 12 warns falsely (-Wrestrict) about "b" + …
  open_id_ += std::to_string(++commands_);
  ++counts_.sent;
  client_.send(command_message(open_id_, command));
}

} // namespace intervisie::load
