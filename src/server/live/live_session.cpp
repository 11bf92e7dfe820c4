// SPDX-License-Identifier: EUPL-1.2
#include "server/live/live_session.hpp"

#include "server/live/stored_events.hpp"

#include "core/session/view.hpp"
#include "server/auth/token.hpp"
#include "server/codec/coach_json.hpp"
#include "server/codec/event_json.hpp"
#include "server/codec/state_json.hpp"

#include <boost/asio/post.hpp>
#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <utility>

namespace intervisie::server {
namespace {

constexpr std::size_t max_moved_tokens = 4;
constexpr std::ptrdiff_t max_connections_per_place = 8;

// The hashes of a place's old tokens, as one secret: separated by spaces (hashes have none).
std::string joined(const std::vector<std::string>& hashes) {
  std::string out;
  for (const std::string& hash : hashes)
    out += (out.empty() ? "" : " ") + hash;
  return out;
}

std::string_view message_in(Language language, core::RefusalCode code) {
  return language == Language::en ? core::message_en(code) : core::message_nl(code);
}

AdmissionError refusal_error(core::RefusalCode code) {
  return AdmissionError{code};
}

AdmissionError storage_error() {
  return AdmissionError{AdmissionFailure::not_stored};
}

template <class Visit> void each_admission(const core::Events& events, Visit visit) {
  for (const core::Event& event : events)
    if (const auto* admitted = std::get_if<core::event::ReturnAdmitted>(&event.body))
      visit(*admitted);
}

} // namespace

std::string participant_secret_name(core::ParticipantId participant) {
  return "participant:" + std::to_string(participant.value);
}

std::string moved_secret_name(core::ParticipantId participant) {
  return "moved:" + std::to_string(participant.value);
}

std::string return_secret_name(core::ReturnId request) {
  return "return:" + std::to_string(request.value);
}

LiveSession::LiveSession(const boost::asio::any_io_executor& executor, std::string id,
                         store::EventStore& store, Clock clock, DurableHistory history,
                         SessionSecrets secrets, const core::coach::Coach* coach)
    : strand_(boost::asio::make_strand(executor)), id_(std::move(id)), store_(store),
      clock_(std::move(clock)), coach_(coach), durable_state_(std::move(history.state)),
      history_(std::move(history.events)), decided_state_(durable_state_),
      decided_seq_(history_.size()), token_hashes_(std::move(secrets.token_hashes)),
      return_hashes_(std::move(secrets.return_hashes)), join_hash_(std::move(secrets.join_hash)),
      stored_join_code_(std::move(secrets.join_code)) {
  moved_hashes_ = std::move(secrets.moved_hashes);
  finished_ = durable_state_.phase == core::Phase::finished;
  // A place that moved before a restart: its old tokens are of an earlier generation.
  for (const auto& [participant, hashes] : moved_hashes_)
    if (!hashes.empty())
      seat_generations_[participant] = 1;
}

bool LiveSession::admits(std::string_view join_token) const {
  const std::string hash = token_hash(join_token);
  const std::scoped_lock lock(tokens_mutex_);
  if (erased_)
    return false;
  return same_secret(hash, join_hash_) ||
         (!code_token_hash_.empty() && same_secret(hash, code_token_hash_));
}

std::expected<void, std::string> LiveSession::take_join_code(JoinCodes& codes) {
  codes_ = &codes;
  std::string stored = std::exchange(stored_join_code_, {});
  if (durable_state_.phase == core::Phase::finished) {
    if (!stored.empty())
      if (auto erased =
              store_.put_secret(id_, store::Secret{std::string(join_code_secret_name), ""});
          !erased)
        return std::unexpected("erasing the join code of " + id_ + ": " + erased.error().message);
    return {};
  }
  const auto colon = stored.find(':');
  std::string code = colon == std::string::npos ? std::string{} : stored.substr(0, colon);
  std::string token = colon == std::string::npos ? std::string{} : stored.substr(colon + 1);
  if (JoinCodes::well_formed(code) && !token.empty() && codes.hold(code, id_)) {
    const std::scoped_lock lock(tokens_mutex_);
    if (!same_secret(token_hash(token), join_hash_))
      code_token_hash_ = token_hash(token);
    join_offer_ = JoinOffer{std::move(code), std::move(token)};
    return {};
  }
  // None yet (a session from before codes), or held by another: a fresh code. Only hashes of
  // the link's token are kept, so the code leads to a join token of its own.
  code = codes.issue(id_);
  if (token.empty())
    token = new_token();
  if (auto stored_code = store_.put_secret(
          id_, store::Secret{std::string(join_code_secret_name), code + ":" + token});
      !stored_code) {
    codes.release(code, id_);
    return std::unexpected("storing the join code of " + id_ + ": " + stored_code.error().message);
  }
  const std::scoped_lock lock(tokens_mutex_);
  if (!same_secret(token_hash(token), join_hash_))
    code_token_hash_ = token_hash(token);
  join_offer_ = JoinOffer{std::move(code), std::move(token)};
  return {};
}

std::optional<JoinOffer> LiveSession::join_offer() const {
  const std::scoped_lock lock(tokens_mutex_);
  return join_offer_;
}

void LiveSession::release_join_code() {
  std::optional<JoinOffer> offer;
  {
    const std::scoped_lock lock(tokens_mutex_);
    offer = std::exchange(join_offer_, std::nullopt);
    code_token_hash_.clear();
  }
  if (offer && codes_ != nullptr)
    codes_->release(offer->code, id_);
}

std::optional<core::ParticipantId> LiveSession::authenticate(std::string_view token) const {
  const auto seat = seat_of(token);
  if (!seat)
    return std::nullopt;
  // A token from before the place moved opens nothing but the news that it moved.
  const std::scoped_lock lock(tokens_mutex_);
  if (seat->generation < seat_generation(seat->participant))
    return std::nullopt;
  return seat->participant;
}

// Tokens read "<participant id>.<random>": the id says which hash to compare with.
std::optional<Seat> LiveSession::seat_of(std::string_view token) const {
  const auto dot = token.find('.');
  if (dot == std::string_view::npos)
    return std::nullopt;
  std::uint32_t id = 0;
  const auto parsed = std::from_chars(token.data(), token.data() + dot, id);
  if (parsed.ec != std::errc{} || parsed.ptr != token.data() + dot)
    return std::nullopt;
  const std::string hash = token_hash(token);
  const std::scoped_lock lock(tokens_mutex_);
  const core::ParticipantId participant{id};
  if (const auto found = token_hashes_.find(participant);
      found != token_hashes_.end() && same_secret(found->second, hash))
    return Seat{participant, seat_generation(participant)};
  if (const auto moved = moved_hashes_.find(participant); moved != moved_hashes_.end())
    for (const std::string& old : moved->second)
      if (same_secret(old, hash))
        return Seat{participant, 0}; // older than any current generation (at least 1)
  return std::nullopt;
}

std::uint64_t LiveSession::seat_generation(core::ParticipantId participant) const {
  const auto found = seat_generations_.find(participant);
  return found == seat_generations_.end() ? 0 : found->second;
}

void LiveSession::admit(std::string name, AdmissionDone done) {
  boost::asio::post(strand_, [self = shared_from_this(), name = std::move(name),
                              done = std::move(done)]() mutable {
    auto decided =
        core::decide(self->decided_state_, core::Command{std::nullopt, core::command::Join{name}},
                     self->clock_());
    if (!decided) {
      done(std::unexpected(refusal_error(decided.error().code)));
      return;
    }
    const core::ParticipantId newcomer = *decided->front().actor;
    std::string token = std::to_string(newcomer.value) + "." + new_token();
    std::string hash = token_hash(token);
    // The token's hash and the join are durable in one commit: a token is never handed out for
    // a place that a restart could forget, and nothing waits for the disk on the strand.
    self->append(std::move(*decided), {store::Secret{participant_secret_name(newcomer), hash}},
                 [self, newcomer, hash, token = std::move(token),
                  done = std::move(done)](std::optional<std::uint64_t> result) {
                   if (!result)
                     return done(std::unexpected(storage_error()));
                   {
                     const std::scoped_lock lock(self->tokens_mutex_);
                     self->token_hashes_[newcomer] = hash;
                   }
                   done(Admission{newcomer, token});
                 });
  });
}

void LiveSession::request_return(core::ParticipantId participant, bool proven, ReturnDone done) {
  boost::asio::post(
      strand_, [self = shared_from_this(), participant, proven, done = std::move(done)]() mutable {
        self->ask_to_return(participant, proven, std::move(done));
      });
}

void LiveSession::claim_place(std::string name, bool proven, ReturnDone done) {
  boost::asio::post(strand_, [self = shared_from_this(), name = std::move(name), proven,
                              done = std::move(done)]() mutable {
    const auto place = core::place_to_claim(self->decided_state_, name);
    if (!place) {
      done(std::unexpected(refusal_error(place.error().code)));
      return;
    }
    self->ask_to_return(*place, proven, std::move(done));
  });
}

void LiveSession::ask_to_return(core::ParticipantId participant, bool proven, ReturnDone done) {
  auto decided = core::decide(
      decided_state_,
      core::Command{std::nullopt, core::command::RequestReturn{participant, proven}}, clock_());
  if (!decided) {
    done(std::unexpected(refusal_error(decided.error().code)));
    return;
  }
  const core::ReturnId request =
      std::get<core::event::ReturnRequested>(decided->front().body).request;
  std::string token = std::to_string(participant.value) + "." + new_token();
  const std::string hash = token_hash(token);
  // Durable with the request, in one commit: whoever admits it admits a token that exists.
  std::vector<store::Secret> secrets{store::Secret{return_secret_name(request), hash}};
  {
    const std::scoped_lock lock(tokens_mutex_);
    return_hashes_[request] = hash; // a proven return is admitted at once, by these events
  }
  auto moved = move_seats(*decided, secrets);
  if (!moved) {
    const std::scoped_lock lock(tokens_mutex_);
    return_hashes_.erase(request);
    done(std::unexpected(moved.error()));
    return;
  }
  ReturnTicket ticket{request, participant, std::move(token), proven};
  append(std::move(*decided), std::move(secrets),
         [self = shared_from_this(), moves = std::move(*moved), ticket = std::move(ticket),
          done = std::move(done)](std::optional<std::uint64_t> result) {
           if (!result) {
             self->restore_seats(moves);
             {
               const std::scoped_lock lock(self->tokens_mutex_);
               self->return_hashes_.erase(ticket.request);
             }
             done(std::unexpected(storage_error()));
           } else {
             done(ticket);
           }
         });
}

void LiveSession::return_status(core::ReturnId request, std::string token,
                                std::function<void(std::optional<core::ReturnOutcome>)> done) {
  boost::asio::post(strand_, [self = shared_from_this(), request, token = std::move(token),
                              done = std::move(done)] {
    std::string expected;
    {
      const std::scoped_lock lock(self->tokens_mutex_);
      if (const auto found = self->return_hashes_.find(request);
          found != self->return_hashes_.end())
        expected = found->second;
    }
    // An unknown request costs what a known one costs: the same hashing and comparison.
    const bool known = !expected.empty();
    if (!same_secret(token_hash(token), known ? expected : token_hash("")) || !known) {
      done(std::nullopt);
      return;
    }
    const auto& outcomes = self->durable_state_.return_outcomes;
    // Stored, but its event not yet durable: still waiting.
    done(request.value <= outcomes.size() ? outcomes[request.value - 1]
                                          : core::ReturnOutcome::waiting);
  });
}

std::expected<std::vector<LiveSession::SeatMove>, AdmissionError>
LiveSession::move_seats(const core::Events& events, std::vector<store::Secret>& secrets) {
  std::vector<SeatMove> moves;
  std::optional<AdmissionError> failed;
  each_admission(events, [&](const core::event::ReturnAdmitted& admitted) {
    if (failed)
      return;
    std::string hash;
    {
      const std::scoped_lock lock(tokens_mutex_);
      if (const auto found = return_hashes_.find(admitted.request); found != return_hashes_.end())
        hash = found->second;
    }
    if (hash.empty()) {
      failed = refusal_error(core::RefusalCode::unknown_request);
      return;
    }
    SeatMove move{admitted.participant, std::nullopt, {}};
    std::vector<std::string> moved;
    {
      const std::scoped_lock lock(tokens_mutex_);
      if (const auto old = token_hashes_.find(admitted.participant); old != token_hashes_.end())
        move.old_hash = old->second;
      if (const auto old = moved_hashes_.find(admitted.participant); old != moved_hashes_.end())
        move.old_moved = old->second;
    }
    moved = move.old_moved;
    if (move.old_hash) {
      moved.push_back(*move.old_hash);
      // A handful is plenty: a place rarely moves more than once or twice in a meeting.
      if (moved.size() > max_moved_tokens)
        moved.erase(moved.begin());
      secrets.push_back(store::Secret{moved_secret_name(admitted.participant), joined(moved)});
    }
    secrets.push_back(store::Secret{participant_secret_name(admitted.participant), hash});
    const std::scoped_lock lock(tokens_mutex_);
    moved_hashes_[admitted.participant] = std::move(moved);
    token_hashes_[admitted.participant] = hash;
    ++seat_generations_[admitted.participant];
    moves.push_back(std::move(move));
  });
  if (failed) {
    restore_seats(moves);
    return std::unexpected(*failed);
  }
  return moves;
}

void LiveSession::restore_seats(const std::vector<SeatMove>& moves) {
  // The store wrote none of the move's secrets (they travel with its events): memory only.
  for (auto move = moves.rbegin(); move != moves.rend(); ++move) {
    const std::scoped_lock lock(tokens_mutex_);
    if (move->old_hash)
      token_hashes_[move->participant] = *move->old_hash;
    else
      token_hashes_.erase(move->participant);
    moved_hashes_[move->participant] = move->old_moved;
  }
}

std::expected<void, std::string> LiveSession::end_place(core::ParticipantId participant) {
  for (const std::string& name :
       {participant_secret_name(participant), moved_secret_name(participant)})
    if (auto erased = store_.put_secret(id_, store::Secret{name, ""}); !erased)
      return std::unexpected("ending a place in " + id_ + ": " + erased.error().message);
  {
    const std::scoped_lock lock(tokens_mutex_);
    token_hashes_.erase(participant);
    moved_hashes_.erase(participant);
  }
  boost::asio::post(strand_, [self = shared_from_this(), participant] {
    const auto before = self->connections_.size();
    std::erase_if(self->connections_, [&](const Connection& connection) {
      if (connection.participant() != participant)
        return false;
      if (const auto alive = connection.client.lock())
        alive->send_last(std::make_shared<const std::string>(server_message_error(
            std::nullopt, "place_ended",
            connection.language == Language::en
                ? "This account has been deleted; this place no longer opens."
                : "Dit account is verwijderd; deze plek gaat niet meer open.")));
      return true;
    });
    if (self->connections_.size() != before)
      self->broadcast_presence();
  });
  return {};
}

void LiveSession::close_for_erasure() {
  std::optional<JoinOffer> offer;
  {
    const std::scoped_lock lock(tokens_mutex_);
    erased_ = true;
    token_hashes_.clear();
    moved_hashes_.clear();
    return_hashes_.clear();
    code_token_hash_.clear();
    offer = std::exchange(join_offer_, std::nullopt);
  }
  if (offer && codes_ != nullptr)
    codes_->release(offer->code, id_); // in memory only: the store forgets the session's secrets
  boost::asio::post(strand_, [self = shared_from_this()] {
    for (const Connection& connection : self->connections_)
      if (const auto alive = connection.client.lock())
        alive->send_last(std::make_shared<const std::string>(server_message_error(
            std::nullopt, "session_erased",
            connection.language == Language::en
                ? "The content of this session has been erased; it no longer opens."
                : "De inhoud van deze bijeenkomst is gewist; ze gaat niet meer open.")));
    self->connections_.clear();
    self->views_.clear();
  });
}

void LiveSession::close_for_reload() {
  boost::asio::post(strand_, [self = shared_from_this()] {
    for (const Connection& connection : self->connections_)
      if (const auto alive = connection.client.lock())
        alive->disconnect();
    self->connections_.clear();
    self->views_.clear();
  });
}

std::shared_ptr<const std::string> LiveSession::seat_moved_message(Language language) const {
  return std::make_shared<const std::string>(server_message_error(
      std::nullopt, "seat_moved",
      language == Language::en
          ? "Your place has been opened on another device; this one is no longer connected."
          : "Je plek is op een ander apparaat geopend; dit apparaat is niet meer verbonden."));
}

void LiveSession::close_moved_seats(const core::Events& events) {
  bool closed = false;
  each_admission(events, [&](const core::event::ReturnAdmitted& admitted) {
    std::uint64_t current = 0;
    {
      const std::scoped_lock lock(tokens_mutex_);
      current = seat_generation(admitted.participant);
    }
    std::erase_if(connections_, [&](const Connection& connection) {
      if (connection.participant() != admitted.participant || connection.seat.generation >= current)
        return false;
      if (const auto alive = connection.client.lock())
        alive->send_last(seat_moved_message(connection.language));
      closed = true;
      return true;
    });
  });
  if (closed)
    broadcast_presence();
}

void LiveSession::attach(std::shared_ptr<Client> client, Seat seat, Subscription subscription) {
  boost::asio::post(strand_, [self = shared_from_this(), client = std::move(client), seat,
                              subscription] {
    const core::ParticipantId participant = seat.participant;
    {
      const std::scoped_lock lock(self->tokens_mutex_);
      // Opened with a token this place had before it moved to another device.
      if (seat.generation < self->seat_generation(participant)) {
        client->send_last(self->seat_moved_message(subscription.language));
        return;
      }
    }
    // A place is one person: a few tabs and devices, not hundreds of sockets on one token.
    if (std::ranges::count_if(self->connections_, [&](const Connection& open) {
          return open.participant() == participant;
        }) >= max_connections_per_place) {
      client->send_last(std::make_shared<const std::string>(server_message_error(
          std::nullopt, "too_many_connections",
          subscription.language == Language::en
              ? "This place is open on too many screens at once; close one and try again."
              : "Deze plek is op te veel schermen tegelijk open; sluit er een en probeer het "
                "opnieuw.")));
      return;
    }
    self->connections_.push_back(
        Connection{client, seat, subscription.language, subscription.stream});
    const std::optional<std::uint64_t> since =
        subscription.stream == Stream::events ? subscription.since : std::nullopt;
    const Connection& connection = self->connections_.back();
    std::vector<std::shared_ptr<const std::string>> backlog;
    if (since && *since <= self->history_.size()) {
      // After the end, the case is the presenter's alone: the others get its events without
      // their words.
      const bool forget = self->durable_state_.phase == core::Phase::finished &&
                          !core::keeps_the_case(self->durable_state_, participant);
      // Replaying from the start gives each past event the view it had when it happened.
      core::SessionState state;
      for (std::size_t i = 0; i < self->history_.size(); ++i) {
        const core::Event& event = self->history_[i];
        if (i >= *since)
          if (auto seen = core::view(event, state, participant))
            backlog.push_back(std::make_shared<const std::string>(server_message_event(
                i + 1, event_to_json(forget ? core::without_free_text(std::move(*seen)) : *seen))));
        core::apply(state, event);
      }
    } else if (connection.stream == Stream::patches) {
      // Everyone's patch connections hear what changed (the newcomer is connected now); this
      // one starts from the view they now hold.
      const boost::json::object view = self->send_patches(&connection);
      backlog.push_back(std::make_shared<const std::string>(
          server_message_snapshot(self->history_.size(), view)));
    } else {
      backlog.push_back(self->snapshot_for(participant));
    }
    client->send_backlog(std::move(backlog));
    // Its snapshot above already knows who is here, and the patch subscribers have heard.
    self->broadcast_presence(&connection, connection.stream == Stream::patches);
  });
}

void LiveSession::detach(std::shared_ptr<Client> client) {
  boost::asio::post(strand_, [self = shared_from_this(), client = std::move(client)] {
    const auto before = self->connections_.size();
    std::erase_if(self->connections_,
                  [&](const Connection& connection) { return connection.is(client); });
    if (self->connections_.size() != before)
      self->broadcast_presence();
  });
}

void LiveSession::reply_error(std::shared_ptr<Client> client, std::string message) {
  boost::asio::post(strand_, [client = std::move(client), message = std::move(message)]() mutable {
    client->send(std::make_shared<const std::string>(std::move(message)));
  });
}

void LiveSession::submit(std::shared_ptr<Client> client, ClientCommand command) {
  boost::asio::post(strand_, [self = shared_from_this(), client = std::move(client),
                              command = std::move(command)]() mutable {
    const Connection* connection = self->find(client);
    if (!connection)
      return; // detached while the command was on its way
    const Language language = connection->language;
    if (connection->participant() == beamer_viewer) {
      client->send(std::make_shared<const std::string>(server_message_error(
          command.id, "read_only",
          language == Language::en
              ? "The shared screen only shows the session; it cannot act."
              : "Het gedeelde scherm toont de sessie alleen; het kan niets doen.")));
      return;
    }
    if (std::holds_alternative<core::command::Join>(command.command)) {
      client->send(std::make_shared<const std::string>(server_message_error(
          command.id, "join_over_http",
          "Join through POST /api/sessions/{id}/participants, not over the live connection.")));
      return;
    }
    // Coming back is asked from the new device, which has no live connection yet.
    if (std::holds_alternative<core::command::RequestReturn>(command.command)) {
      client->send(std::make_shared<const std::string>(server_message_error(
          command.id, "join_over_http",
          "Ask to come back through POST /api/sessions/{id}/returns, not over the live "
          "connection.")));
      return;
    }
    auto decided = core::decide(
        self->decided_state_, core::Command{connection->participant(), std::move(command.command)},
        self->clock_(), self->away());
    if (!decided) {
      const core::RefusalCode code = decided.error().code;
      client->send(std::make_shared<const std::string>(
          server_message_error(command.id, core::to_string(code), message_in(language, code))));
      return;
    }
    std::vector<store::Secret> secrets;
    auto moved = self->move_seats(*decided, secrets);
    if (!moved) {
      client->send(std::make_shared<const std::string>(
          server_message_error(command.id, to_string(moved.error()), message_en(moved.error()))));
      return;
    }
    self->append(std::move(*decided), std::move(secrets),
                 [self, client, id = std::move(command.id),
                  moves = std::move(*moved)](std::optional<std::uint64_t> last_seq) {
                   if (!last_seq)
                     self->restore_seats(moves);
                   client->send(std::make_shared<const std::string>(
                       last_seq
                           ? server_message_ack(id, *last_seq)
                           : server_message_error(id, "storage_failed", storage_failed_message)));
                 });
  });
}

// On the strand: the events count for the next command at once; everyone hears of them, and
// `durable` runs, only once the store has made them durable.
void LiveSession::append(core::Events events, std::vector<store::Secret> secrets, Durable durable) {
  const bool was_finished = decided_state_.phase == core::Phase::finished;
  for (const core::Event& event : events)
    core::apply(decided_state_, event);
  // The event that ends the session erases the token its join code leads to, in its commit.
  if (!was_finished && decided_state_.phase == core::Phase::finished)
    secrets.push_back(store::Secret{std::string(join_code_secret_name), ""});
  const std::uint64_t expected = decided_seq_;
  decided_seq_ += events.size();
  auto records = records_of(events);
  store_.append(id_, expected, std::move(records), std::move(secrets),
                [self = shared_from_this(), events = std::move(events), generation = generation_,
                 durable = std::move(durable)](store::AppendResult result) mutable {
                  boost::asio::post(self->strand_,
                                    [self, events = std::move(events), generation,
                                     durable = std::move(durable), result = std::move(result)] {
                                      self->on_durable(events, generation, result, durable);
                                    });
                });
}

void LiveSession::on_durable(const core::Events& events, std::uint64_t generation,
                             const store::AppendResult& result, const Durable& durable) {
  if (!result) {
    // What was decided after this append expected it to succeed: start again from what is
    // durable. Later appends of the same generation fail as conflicts and change nothing more.
    const bool current = generation == generation_;
    if (current) {
      decided_state_ = durable_state_;
      decided_seq_ = history_.size();
      ++generation_;
    }
    const store::StoreErrorCode code = result.error().code;
    if (current &&
        (code == store::StoreErrorCode::fenced || code == store::StoreErrorCode::conflict)) {
      // Another node serves the session now (or wrote to it): this copy is stale. Its screens
      // reconnect, through the proxy, to the node that serves it.
      spdlog::warn("session {}: served elsewhere now ({}); its screens reconnect there", id_,
                   result.error().message);
      if (auto taken_over = std::exchange(taken_over_, nullptr))
        taken_over();
    } else if (current && !std::exchange(appends_failing_, true)) {
      spdlog::warn("session {}: what happens in it cannot be stored ({}); its commands get "
                   "storage_failed until the store can write again",
                   id_, result.error().message);
    }
    durable(std::nullopt);
    return;
  }
  appends_failing_ = false;
  for (const core::Event& event : events) {
    broadcast(event, history_.size() + 1);
    core::apply(durable_state_, event);
    history_.push_back(event);
  }
  close_moved_seats(events);
  if (durable_state_.phase == core::Phase::finished) {
    finished_ = true;
    release_join_code();
  }
  send_views();
  durable(history_.size());
}

void LiveSession::broadcast(const core::Event& event, std::uint64_t seq) {
  std::shared_ptr<const std::string> shared;
  for (const Connection& connection : connections_) {
    if (connection.stream == Stream::patches)
      continue; // its view's patch tells it what the event changed
    auto seen = core::view(event, durable_state_, connection.participant());
    if (!seen)
      continue;
    if (*seen == event) {
      if (!shared)
        shared =
            std::make_shared<const std::string>(server_message_event(seq, event_to_json(event)));
      connection.send(shared);
    } else {
      connection.send(
          std::make_shared<const std::string>(server_message_event(seq, event_to_json(*seen))));
    }
  }
}

boost::json::array LiveSession::connected() const {
  std::vector<std::uint32_t> ids;
  for (const Connection& connection : connections_)
    if (connection.participant() != beamer_viewer)
      ids.push_back(connection.participant().value);
  std::ranges::sort(ids);
  const auto [first, last] = std::ranges::unique(ids);
  ids.erase(first, last);
  return boost::json::array(ids.begin(), ids.end());
}

core::Away LiveSession::away() const {
  core::Away away;
  for (const core::Participant& participant : decided_state_.participants)
    away.add(participant.id);
  for (const Connection& connection : connections_)
    away.remove(connection.participant());
  return away;
}

void LiveSession::broadcast_presence(const Connection* fresh, bool patches_sent) {
  boost::json::array now_connected = connected();
  const bool changed = now_connected != last_connected_;
  last_connected_ = now_connected;
  boost::json::object presence{{"type", "presence"}, {"connected", std::move(now_connected)}};
  auto message = std::make_shared<const std::string>(boost::json::serialize(presence));
  bool patch_subscribers = false;
  for (const Connection& connection : connections_) {
    if (connection.stream == Stream::patches)
      patch_subscribers = true; // `connected` is part of its view: a patch tells it
    else
      connection.send(message);
  }
  if (!changed)
    return;
  // Who is away decides what the facilitator may do for others (may_for): their snapshot
  // stream hears of a change at once, not only with the next event.
  for (const Connection& connection : connections_)
    if (&connection != fresh && connection.stream == Stream::snapshots &&
        connection.participant() == durable_state_.facilitator)
      connection.send(snapshot_for(connection.participant()));
  if (patch_subscribers && !patches_sent)
    send_patches();
}

void LiveSession::send_views() {
  std::map<core::ParticipantId, std::shared_ptr<const std::string>> snapshots;
  for (const Connection& connection : connections_) {
    if (connection.stream != Stream::snapshots)
      continue;
    auto& snapshot = snapshots[connection.participant()];
    if (!snapshot)
      snapshot = snapshot_for(connection.participant());
    connection.send(snapshot);
  }
  send_patches();
}

boost::json::object LiveSession::send_patches(const Connection* newcomer) {
  std::vector<core::ParticipantId> viewers;
  for (const Connection& connection : connections_)
    if (connection.stream == Stream::patches)
      viewers.push_back(connection.participant());
  std::ranges::sort(viewers);
  const auto [first, last] = std::ranges::unique(viewers);
  viewers.erase(first, last);
  if (viewers.empty()) {
    views_.clear(); // made anew when someone subscribes again
    return {};
  }
  // One moment for the whole view: the timer and what each may do are read at the same time.
  const core::Instant now = clock_();
  ViewPatches::Context context{
      .now = now,
      .connected = connected(),
      .join_code = nullptr,
      .key_of = [this](core::ParticipantId viewer) { return view_key(viewer); },
      .own_of = [this, now](const core::SessionState& viewed,
                            core::ParticipantId viewer) { return own_view(viewed, viewer, now); },
      .mark_of = [this](const core::Question& question) { return coach_mark(question); },
  };
  {
    const std::scoped_lock lock(tokens_mutex_);
    if (join_offer_)
      context.join_code = boost::json::value(join_offer_->code);
  }
  auto update = views_.update(durable_state_, viewers, context,
                              newcomer ? std::optional{newcomer->participant()} : std::nullopt);
  for (const ViewPatches::Patch& patch : update.patches) {
    const auto message = std::make_shared<const std::string>(
        server_message_patch(history_.size(), patch.operations, {}));
    for (const Connection& connection : connections_)
      if (&connection != newcomer && connection.stream == Stream::patches &&
          connection.participant() == patch.viewer)
        connection.send(message);
  }
  return std::move(update.whole);
}

std::shared_ptr<const std::string>
LiveSession::snapshot_for(core::ParticipantId participant) const {
  return std::make_shared<const std::string>(
      server_message_snapshot(history_.size(), view_for(participant)));
}

ViewPatches::Key LiveSession::view_key(core::ParticipantId participant) const {
  return ViewPatches::Key{.cut = core::view_cut(durable_state_, participant),
                          .marked = coach_ != nullptr && durable_state_.coach_hints &&
                                    participant == durable_state_.facilitator};
}

boost::json::object LiveSession::shared_view(const core::SessionState& viewed, bool marked,
                                             core::Instant now) const {
  boost::json::object state = shared_view_to_json(viewed, now);
  state["connected"] = connected();
  {
    const std::scoped_lock lock(tokens_mutex_);
    state["join_code"] =
        join_offer_ ? boost::json::value(join_offer_->code) : boost::json::value(nullptr);
  }
  if (marked)
    mark_questions(state);
  return state;
}

boost::json::object LiveSession::own_view(const core::SessionState& viewed,
                                          core::ParticipantId participant,
                                          core::Instant now) const {
  // What this participant may do now, asked of the rules on the whole state (the shared
  // screen may do nothing, and is not told so).
  std::optional<ViewerAbilities> abilities;
  if (participant != beamer_viewer)
    abilities = abilities_of(durable_state_, participant, now, away());
  return viewer_to_json(viewed, participant, abilities ? &*abilities : nullptr);
}

boost::json::object LiveSession::view_for(core::ParticipantId participant) const {
  const core::Instant now = clock_();
  const ViewPatches::Key key = view_key(participant);
  const core::SessionState viewed = core::view(durable_state_, key.cut);
  boost::json::object state = shared_view(viewed, key.marked, now);
  set_viewer_fields(state, own_view(viewed, participant, now));
  return state;
}

void LiveSession::mark_questions(boost::json::object& state) const {
  auto* flip_chart = state.if_contains("flip_chart");
  auto* listed = flip_chart && flip_chart->is_object()
                     ? flip_chart->get_object().if_contains("questions")
                     : nullptr;
  if (listed == nullptr || !listed->is_array())
    return;
  for (boost::json::value& item : listed->get_array()) {
    const core::QuestionId id{static_cast<std::uint32_t>(item.at("id").to_number<std::uint64_t>())};
    if (const core::Question* question = durable_state_.find_question(id))
      if (boost::json::value mark = coach_mark(*question); !mark.is_null())
        item.get_object()["coach"] = std::move(mark);
  }
}

boost::json::value LiveSession::coach_mark(const core::Question& question) const {
  auto mark = coach_marks_.find(question.id);
  if (mark == coach_marks_.end()) {
    const bool open_questions = question.step < durable_state_.method->steps.size() &&
                                durable_state_.method->steps[question.step].open_questions;
    const auto verdict = coach_->check(core::coach::TextKind::question, question.text,
                                       {.judge_question_form = open_questions});
    // Only what is worth a look: a closed question where open ones are asked for, hidden advice.
    boost::json::value marked = nullptr;
    if (!verdict.hints.empty())
      marked = to_json(verdict, question.text);
    mark = coach_marks_.emplace(question.id, std::move(marked)).first;
  }
  return mark->second;
}

void LiveSession::read_state(std::function<void(const core::SessionState&)> reader) {
  boost::asio::post(strand_, [self = shared_from_this(), reader = std::move(reader)] {
    reader(self->durable_state_);
  });
}

void LiveSession::read_with_presence(
    std::function<void(const core::SessionState&, const std::vector<core::ParticipantId>&)>
        reader) {
  boost::asio::post(strand_, [self = shared_from_this(), reader = std::move(reader)] {
    std::vector<core::ParticipantId> present;
    for (const auto& id : self->connected())
      present.push_back(
          core::ParticipantId{static_cast<std::uint32_t>(id.to_number<std::uint64_t>())});
    reader(self->durable_state_, present);
  });
}

const LiveSession::Connection* LiveSession::find(const std::shared_ptr<Client>& client) const {
  const auto found = std::ranges::find_if(
      connections_, [&](const Connection& connection) { return connection.is(client); });
  return found == connections_.end() ? nullptr : &*found;
}

} // namespace intervisie::server
