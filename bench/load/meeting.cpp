// SPDX-License-Identifier: EUPL-1.2
#include "meeting.hpp"

#include <algorithm>

namespace intervisie::load {
namespace {

constexpr std::uint8_t facilitator = 0;
constexpr std::uint8_t presenter = 1; // proposes the issue that is chosen

struct SetupCommand {
  std::uint8_t slot;
  std::string_view command;
};

// From the lobby to incident step 3, the question rounds.
constexpr std::array<SetupCommand, 6> setup_commands = {{
    {facilitator, R"({"kind":"start"})"},
    {presenter, R"({"kind":"propose_issue","text":"Ik loop vast in gesprekken met boze ouders."})"},
    {facilitator, R"({"kind":"choose_issue","candidate":1})"},
    {facilitator, R"({"kind":"next_step"})"},
    {presenter,
     R"({"kind":"set_statement","text":"Ik wil rustig blijven als een ouder boos wordt."})"},
    {facilitator, R"({"kind":"next_step"})"},
}};

constexpr std::string_view question =
    R"({"kind":"ask_question","text":"Wat maakt dit gesprek voor jou zo lastig?"})";
constexpr std::string_view answer =
    R"({"kind":"answer_question","note":"Ik voel me aangevallen."})";

std::uint64_t microseconds(Clock::duration duration) {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::microseconds>(duration).count());
}

} // namespace

Meeting::Meeting(boost::asio::io_context& io, MeetingSeed seed, RunStats& stats, bool rooms)
    : timer_(io), seed_(std::move(seed)), stats_(stats), rooms_(rooms) {
  // The facilitator takes turns too; the turn order is the order of joining, presenter left out.
  for (std::uint8_t slot = 0; slot < clients_per_meeting; ++slot)
    if (slot != presenter)
      order_.push_back(slot);
}

void Meeting::on_client_open(LiveClient& client) {
  // A room has no snapshot and nothing to set up: the meeting is ready once all eight are in.
  if (!rooms_)
    return;
  client.has_snapshot = true;
  if (phase_ == MeetingPhase::connecting &&
      std::ranges::all_of(clients_, [](const LiveClient* c) { return c->has_snapshot; }))
    phase_ = MeetingPhase::ready;
}

void Meeting::on_ack(Clock::time_point now) {
  open_.acked = true;
  if (open_.measured) {
    ++stats_.commands.acked;
    stats_.acked.add(microseconds(now - open_.sent_at));
  }
  if (open_.kind == Kind::ask) {
    awaiting_answer_ = true;
  } else if (open_.kind == Kind::answer) {
    awaiting_answer_ = false;
    position_ = (position_ + 1) % order_.size();
  }
  if (open_.delivered)
    complete(now);
  else
    check_delivered(now);
}

void Meeting::on_message(LiveClient& client, const ServerMessage& message, Clock::time_point now) {
  switch (message.type) {
  case MessageType::snapshot:
    client.seq = message.seq;
    client.has_snapshot = true;
    seq_ = std::max(seq_, message.seq);
    if (phase_ == MeetingPhase::connecting &&
        std::ranges::all_of(clients_, [](const LiveClient* c) { return c->has_snapshot; })) {
      phase_ = MeetingPhase::preparing;
      next_setup_command();
    }
    break;
  case MessageType::event:
    if (stats_.measuring)
      ++stats_.commands.events_received;
    client.seq = std::max(client.seq, message.seq);
    seq_ = std::max(seq_, message.seq);
    check_delivered(now);
    break;
  case MessageType::ack:
    if (open_.active && message.id == open_.id)
      on_ack(now);
    break;
  case MessageType::command:
    // A room's copy of a command: this client has it; the sender's own copy is its ack.
    if (stats_.measuring)
      ++stats_.commands.events_received;
    if (!rooms_ || !open_.active || message.id != open_.id)
      break;
    client.seq = std::max(client.seq, open_.first_seq);
    seq_ = std::max(seq_, open_.first_seq);
    if (client.slot() == open_.slot && !open_.acked)
      on_ack(now);
    else
      check_delivered(now);
    break;
  case MessageType::error:
    if (open_.active && message.id == open_.id) {
      if (open_.kind == Kind::setup) {
        ++stats_.setup_refused;
        const std::string_view command = setup_commands[setup_step_ - 1].command;
        ++stats_.setup_error_codes[message.code + " (to " + std::string(command) + ")"];
        phase_ = MeetingPhase::failed;
      } else if (open_.measured) {
        ++stats_.commands.refused;
        ++stats_.commands.error_codes[message.code];
      }
      complete(now);
    } else if (stats_.measuring) {
      ++stats_.commands.error_codes["(unmatched) " + message.code];
    }
    break;
  case MessageType::presence:
  case MessageType::other:
    break;
  }
}

void Meeting::on_client_closed(LiveClient&, Clock::time_point now) {
  if (phase_ == MeetingPhase::connecting)
    phase_ = MeetingPhase::failed;
  // Whoever is left may now be everyone the open command still waited for.
  check_delivered(now);
}

void Meeting::check_timeout(Clock::time_point now, Clock::duration limit) {
  if (!open_.active || now - open_.sent_at < limit)
    return;
  if (open_.kind == Kind::setup)
    phase_ = MeetingPhase::failed;
  else if (open_.measured)
    ++stats_.commands.timed_out;
  complete(now);
}

void Meeting::send(std::uint8_t slot, Kind kind, std::string_view command) {
  // Appended, not "c" + …: g++ 12 at -O3 warns falsely (-Wrestrict) about the latter.
  std::string id(1, 'c');
  id += std::to_string(++commands_);
  open_ = OpenCommand{.active = true,
                      .kind = kind,
                      .id = std::move(id),
                      .slot = slot,
                      .sent_at = Clock::now(),
                      .first_seq = seq_ + 1,
                      .measured = stats_.measuring && kind != Kind::setup};
  if (open_.measured)
    ++stats_.commands.sent;
  clients_[slot]->send(command_message(open_.id, command));
}

void Meeting::next_setup_command() {
  if (setup_step_ == setup_commands.size()) {
    phase_ = MeetingPhase::ready;
    return;
  }
  const SetupCommand& next = setup_commands[setup_step_++];
  send(next.slot, Kind::setup, next.command);
}

void Meeting::next_traffic_command() {
  if (awaiting_answer_)
    send(presenter, Kind::answer, answer);
  else
    send(order_[position_], Kind::ask, question);
}

// Delivered once every client still open has seen the command's first event.
void Meeting::check_delivered(Clock::time_point now) {
  if (!open_.active || open_.delivered)
    return;
  for (const LiveClient* client : clients_)
    if (client->is_open() && client->seq < open_.first_seq)
      return;
  open_.delivered = true;
  if (open_.measured) {
    ++stats_.commands.delivered;
    stats_.delivered.add(microseconds(now - open_.sent_at));
  }
  if (open_.acked)
    complete(now);
}

void Meeting::complete(Clock::time_point) {
  open_.active = false;
  if (phase_ == MeetingPhase::preparing) {
    next_setup_command();
    return;
  }
  if (traffic_ && due_pending_ && phase_ == MeetingPhase::ready) {
    due_pending_ = false;
    if (stats_.measuring)
      ++stats_.commands.late;
    next_traffic_command();
  }
}

void Meeting::start_traffic(Clock::time_point first, Clock::duration interval) {
  if (phase_ != MeetingPhase::ready)
    return;
  traffic_ = true;
  interval_ = interval;
  next_due_ = first;
  arm_timer();
}

void Meeting::stop_traffic() {
  traffic_ = false;
  due_pending_ = false;
  timer_.cancel();
}

void Meeting::arm_timer() {
  timer_.expires_at(next_due_);
  timer_.async_wait([this](const boost::system::error_code& error) {
    if (!error && traffic_)
      on_due();
  });
}

void Meeting::on_due() {
  if (phase_ == MeetingPhase::ready) {
    if (open_.active)
      due_pending_ = true;
    else
      next_traffic_command();
  }
  next_due_ += interval_;
  arm_timer();
}

} // namespace intervisie::load
