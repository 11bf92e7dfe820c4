// SPDX-License-Identifier: EUPL-1.2
#include "chaos_meeting.hpp"

#include "load/server_message.hpp"
#include "server/codec/command_json.hpp"
#include "server/codec/event_json.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace intervisie::chaos {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

// Replayed after the finish, an event carries none of the case's words (docs/protocol.md 4.2):
// to compare it with the copy received live, leave them out of both.
constexpr std::string_view case_words[] = {"text",    "note",     "draft",
                                           "essence", "tomorrow", "think_over"};

std::string without_case_words(const json::object& event) {
  json::object copy = event;
  for (std::string_view key : case_words)
    if (auto* value = copy.if_contains(key); value && value->is_string())
      *value = "";
  return json::serialize(copy);
}

std::string kind_of(const std::string& event_text) {
  boost::system::error_code error;
  const json::value event = json::parse(event_text, error);
  if (error || !event.is_object())
    return {};
  const auto* kind = event.get_object().if_contains("kind");
  return kind && kind->is_string() ? std::string(kind->get_string()) : std::string();
}

std::uint64_t seq_of(const json::object& message) {
  const auto* seq = message.if_contains("seq");
  return seq && seq->is_number() ? seq->to_number<std::uint64_t>() : 0;
}

std::string string_of(const json::object& message, std::string_view key) {
  const auto* value = message.if_contains(key);
  return value && value->is_string() ? std::string(value->get_string()) : std::string();
}

} // namespace

ChaosMeeting::ChaosMeeting(boost::asio::io_context& io, boost::asio::ip::tcp::endpoint server,
                           std::uint32_t number, MeetingSetup setup, bool reframe,
                           Clock::duration interval, ChaosFigures& figures)
    : io_(io), server_(server), number_(number), setup_(std::move(setup)), interval_(interval),
      figures_(figures), random_(number) {
  for (std::size_t i = 0; i <= setup_.people.size(); ++i) {
    Seat seat;
    seat.client =
        std::make_unique<load::LiveClient>(io_, *this, number_, static_cast<std::uint8_t>(i));
    // The last seat reads the whole history at the end, as the facilitator.
    seat.token = setup_.people[i < setup_.people.size() ? i : 0].token;
    seats_.push_back(std::move(seat));
  }
  for (const Person& person : setup_.people)
    cast_.people.push_back(person.id);
  cast_.reframe = reframe;
}

ChaosMeeting::~ChaosMeeting() {
  for (Seat& seat : seats_)
    seat.client->close();
}

void ChaosMeeting::start(Clock::time_point now) {
  ++figures_.meetings_started;
  progress_at_ = now;
  // Meetings start at random moments of their first interval, so commands spread evenly.
  next_move_at_ = now + std::chrono::duration_cast<Clock::duration>(
                            interval_ * std::uniform_real_distribution<double>(0, 1)(random_));
  for (std::size_t seat = 0; seat < setup_.people.size(); ++seat)
    connect(seat);
}

void ChaosMeeting::connect(std::size_t index) {
  Seat& seat = seats_[index];
  const bool reader = index == setup_.people.size();
  if (!reader && seat.seq > 0)
    ++figures_.resumes;
  seat.connecting = true;
  seat.live = false;
  const std::string host = server_.address().to_string() + ":" + std::to_string(server_.port());
  const std::string target = "/api/sessions/" + setup_.session_id + "/live?token=" + seat.token +
                             "&since=" + std::to_string(reader ? 0 : seat.seq);
  seat.client->connect(server_, boost::asio::ip::address_v4::loopback(), host, target);
}

void ChaosMeeting::on_open(load::LiveClient& client) {
  seats_[client.slot()].connecting = false;
}

void ChaosMeeting::on_failed(load::LiveClient& client, const boost::beast::error_code&,
                             std::string_view) {
  dropped(client.slot(), Clock::now());
}

void ChaosMeeting::on_closed(load::LiveClient& client, const boost::beast::error_code&) {
  dropped(client.slot(), Clock::now());
}

void ChaosMeeting::dropped(std::size_t index, Clock::time_point now) {
  if (stage_ == Stage::over)
    return;
  Seat& seat = seats_[index];
  seat.live = false;
  seat.connecting = false;
  ++seat.failures;
  // 25 ms, doubling to a second: a restart takes a few hundred milliseconds.
  seat.reconnect_at =
      now + std::min<Clock::duration>(1s, 25ms * (1U << std::min(seat.failures, 6U)));
  if (open_ && open_->seat == index) {
    // Whether it became durable is unknown: the resumed stream will say, and the autopilot
    // decides again from what it then shows.
    if (open_->sent_at < figures_.last_kill)
      ++figures_.commands_unanswered;
    else
      ++figures_.commands_into_dead;
    open_.reset();
  }
  if (index == setup_.people.size())
    history_.clear(); // read again from the start
}

void ChaosMeeting::server_killed() {
  for (Seat& seat : seats_)
    seat.live = false;
}

void ChaosMeeting::tick(Clock::time_point now, Clock::duration patience) {
  if (stage_ == Stage::over)
    return;
  const std::size_t seats_in_use =
      stage_ == Stage::reading_history ? seats_.size() : setup_.people.size();
  for (std::size_t index = 0; index < seats_in_use; ++index) {
    Seat& seat = seats_[index];
    if (!seat.client->is_open() && !seat.connecting && now >= seat.reconnect_at)
      connect(index);
  }
  if (now - progress_at_ > patience) {
    ++figures_.meetings_stuck;
    figures_.fail(
        "meeting " + std::to_string(number_) + " (" + setup_.session_id + "): no progress for " +
        std::to_string(std::chrono::duration_cast<std::chrono::seconds>(patience).count()) +
        " s, at version " + std::to_string(state_.version));
    end();
    return;
  }
  if (stage_ == Stage::running)
    send_next_move(now);
}

void ChaosMeeting::on_message(load::LiveClient& client, std::string_view text) {
  if (stage_ == Stage::over)
    return;
  const std::size_t index = client.slot();
  boost::system::error_code error;
  json::value parsed = json::parse(text, error);
  if (error || !parsed.is_object()) {
    ++figures_.unreadable;
    figures_.fail("an unreadable message: " + std::string(text.substr(0, 200)));
    return;
  }
  const json::object& message = parsed.get_object();
  const std::string type = string_of(message, "type");
  if (type == "event") {
    const auto* event = message.if_contains("event");
    if (!event || !event->is_object()) {
      ++figures_.unreadable;
      return;
    }
    on_event(index, seq_of(message), event->get_object());
  } else if (type == "ack" || type == "error") {
    on_reply(index, message, type == "ack");
  } else if (type == "presence") {
    seats_[index].live = true;
    seats_[index].failures = 0;
    if (index == setup_.people.size() && stage_ == Stage::reading_history)
      finish_history_check();
  } else if (type == "snapshot") {
    // Only when the server has fewer events than this client received (4.6): a loss.
    const std::uint64_t server_seq = seq_of(message);
    Seat& seat = seats_[index];
    if (server_seq < seat.seq) {
      figures_.seen_events_lost += seat.seq - server_seq;
      figures_.fail("meeting " + std::to_string(number_) + ": a client had seq " +
                    std::to_string(seat.seq) + ", the restarted server only " +
                    std::to_string(server_seq));
    }
    end();
  }
}

void ChaosMeeting::on_event(std::size_t index, std::uint64_t seq, const json::object& event) {
  progress_at_ = Clock::now();
  if (index == setup_.people.size()) {
    if (!history_.emplace(seq, without_case_words(event)).second) {
      ++figures_.duplicates;
      figures_.fail("the history read twice gave seq " + std::to_string(seq));
    }
    return;
  }
  ++figures_.events_received;
  Seat& seat = seats_[index];
  if (seq <= seat.seq) {
    ++figures_.duplicates;
    figures_.fail("meeting " + std::to_string(number_) + ": seq " + std::to_string(seq) +
                  " arrived after seq " + std::to_string(seat.seq));
    return;
  }
  seat.seq = seq;
  std::string text = json::serialize(event);
  if (copies_.size() < seq)
    copies_.resize(seq);
  if (copies_[seq - 1].empty()) {
    copies_[seq - 1] = std::move(text);
  } else if (copies_[seq - 1] != text) {
    ++figures_.diverged;
    figures_.fail("meeting " + std::to_string(number_) +
                  ": two clients got different events as seq " + std::to_string(seq));
  }
  if (index != 0)
    return;
  auto decoded = server::event_from_json(event);
  if (!decoded) {
    ++figures_.unreadable;
    figures_.fail("an event the codec cannot read: " + json::serialize(event).substr(0, 200));
    return;
  }
  core::apply(state_, *decoded);
}

void ChaosMeeting::on_reply(std::size_t index, const json::object& message, bool acked) {
  if (!open_ || open_->seat != index || string_of(message, "id") != open_->id)
    return;
  const Clock::time_point now = Clock::now();
  if (acked) {
    const std::uint64_t seq = seq_of(message);
    ++figures_.commands_acked;
    acked_seq_ = std::max(acked_seq_, seq);
    seats_[index].seq = std::max(seats_[index].seq, seq);
    const core::ParticipantId facilitator = setup_.people.front().id;
    if (open_->draft) {
      if (cast_.drafted_in_step != state_.step.index)
        cast_.drafted.clear();
      cast_.drafted_in_step = state_.step.index;
      cast_.drafted.insert(open_->drafter);
    }
    // Someone else's draft is theirs alone: the facilitator never receives it.
    if (!open_->draft || open_->drafter == facilitator)
      facilitator_needs_ = std::max(facilitator_needs_, seq);
    refused_in_a_row_ = 0;
    progress_at_ = now;
  } else {
    ++figures_.refusals[string_of(message, "code")];
    ++refused_in_a_row_;
  }
  open_.reset();
  next_move_at_ = now + std::chrono::duration_cast<Clock::duration>(
                            interval_ * std::uniform_real_distribution<double>(0.5, 1.5)(random_));
}

bool ChaosMeeting::everyone_live() const {
  return std::all_of(seats_.begin(), seats_.begin() + static_cast<long>(setup_.people.size()),
                     [](const Seat& seat) { return seat.live; });
}

std::size_t ChaosMeeting::seat_of(core::ParticipantId id) const {
  const auto found = std::ranges::find(cast_.people, id);
  return static_cast<std::size_t>(found - cast_.people.begin());
}

void ChaosMeeting::send_next_move(Clock::time_point now) {
  if (open_ || now < next_move_at_ || !everyone_live() || seats_[0].seq < facilitator_needs_)
    return;
  if (state_.phase == core::Phase::finished)
    return begin_history_check();
  auto stuck = [&](const std::string& why) {
    ++figures_.meetings_stuck;
    figures_.fail("meeting " + std::to_string(number_) + " (" + setup_.session_id + "): " + why);
    end();
  };
  if (refused_in_a_row_ >= 10)
    return stuck("refused ten times in a row");
  auto move = refused_in_a_row_ >= 3 ? std::optional(move_on(state_)) : next_move(state_, cast_);
  if (!move)
    return stuck("the autopilot has no move before the end");
  const std::size_t seat = seat_of(move->actor);
  if (seat >= setup_.people.size())
    return stuck("the autopilot's move is for someone without a client");
  OpenMove open{
      "m" + std::to_string(number_) + "-" + std::to_string(moves_sent_++), seat, false, {}, now};
  if (const auto* draft = std::get_if<core::command::WriteDraft>(&move->command)) {
    open.draft = true;
    open.drafter = draft->on_behalf_of.value_or(move->actor);
  }
  seats_[seat].client->send(
      load::command_message(open.id, json::serialize(server::command_to_json(move->command))));
  ++figures_.commands_sent;
  open_ = std::move(open);
}

void ChaosMeeting::begin_history_check() {
  stage_ = Stage::reading_history;
  history_.clear();
  connect(setup_.people.size());
}

void ChaosMeeting::finish_history_check() {
  const std::uint64_t failures_before = figures_.failures();
  const std::uint64_t stored = history_.empty() ? 0 : history_.rbegin()->first;
  const std::string name = "meeting " + std::to_string(number_) + " (" + setup_.session_id + ")";
  if (acked_seq_ > stored) {
    figures_.acked_events_lost += acked_seq_ - stored;
    figures_.fail(name + ": acknowledged up to seq " + std::to_string(acked_seq_) +
                  ", the store holds " + std::to_string(stored));
  }
  for (std::uint64_t seq = 1; seq <= std::max<std::uint64_t>(stored, copies_.size()); ++seq) {
    const std::string* live =
        seq <= copies_.size() && !copies_[seq - 1].empty() ? &copies_[seq - 1] : nullptr;
    const auto read = history_.find(seq);
    if (live && read != history_.end()) {
      boost::system::error_code error;
      const json::value event = json::parse(*live, error);
      if (error || !event.is_object() || without_case_words(event.get_object()) != read->second) {
        ++figures_.diverged;
        figures_.fail(name + ": seq " + std::to_string(seq) + " differs between live and store");
      }
    } else if (live && kind_of(*live) != "draft_written") {
      // The facilitator's read leaves out only the drafts of others.
      ++figures_.seen_events_lost;
      figures_.fail(name + ": seq " + std::to_string(seq) + " was received live, not stored");
    }
  }
  figures_.people_away_for_good += state_.participants.size() - setup_.people.size();
  if (figures_.failures() == failures_before) {
    checked_ = true;
    ++figures_.meetings_finished;
  }
  end();
}

void ChaosMeeting::end() {
  stage_ = Stage::over;
  for (Seat& seat : seats_)
    seat.client->close();
}

MeetingActivity ChaosMeeting::activity() const {
  MeetingActivity activity;
  if (stage_ == Stage::over)
    return activity;
  activity.command_in_flight = open_.has_value();
  activity.reading_history = stage_ == Stage::reading_history;
  activity.reconnecting = stage_ == Stage::running && !everyone_live();
  return activity;
}

} // namespace intervisie::chaos
