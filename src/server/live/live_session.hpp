// SPDX-License-Identifier: EUPL-1.2
// One running session in the server: the engine's state, the people connected to it, and the
// path from a command to durable events to everyone's view. All work runs on the session's own
// strand, so a session needs no locks and sessions never wait for each other.
#pragma once

#include "core/coach/coach.hpp"
#include "core/session/engine.hpp"
#include "core/session/view.hpp"
#include "server/codec/envelope.hpp"
#include "server/live/admission_error.hpp"
#include "server/live/client.hpp"
#include "server/live/join_codes.hpp"
#include "server/live/stored_events.hpp"
#include "server/live/subscription.hpp"
#include "server/live/view_patches.hpp"
#include "store/event_store.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/strand.hpp>
#include <boost/json/array.hpp>

#include <atomic>
#include <cstdint>
#include <expected>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace intervisie::server {

// The shared screen (beamer) connects as this id: it sees what every participant may see, and
// nothing private; it cannot send commands. Participants are numbered from 1.
inline constexpr core::ParticipantId beamer_viewer{0};

// A newcomer's admission: their id and the token they connect with.
struct Admission {
  core::ParticipantId participant;
  std::string token;
};

// A place, and which of its tokens opened the connection: when a place moves to a new device
// (a return), every connection made with an older token of it is closed ("seat_moved").
struct Seat {
  core::ParticipantId participant;
  std::uint64_t generation = 0;
};

// A request to come back to one's place on another device. Its token opens the live connection
// once the request is admitted (at once for a proven return), never before.
struct ReturnTicket {
  core::ReturnId request;
  core::ParticipantId participant;
  std::string token;
  bool admitted = false;
};

// What a session keeps in the store beside its events (hashes only), read back on a restart.
struct SessionSecrets {
  std::map<core::ParticipantId, std::string> token_hashes; // "participant:<id>"
  std::string join_hash;                                   // "join"
  std::map<core::ReturnId, std::string> return_hashes;     // "return:<request>"
  // "moved:<id>": the hashes of a place's tokens from before it moved to another device, so that
  // an old device that comes back hears "seat_moved" instead of an unknown-token refusal.
  std::map<core::ParticipantId, std::vector<std::string>> moved_hashes;
  // "join_code": "<six digits>:<join token>" while the session runs; empty once it finished.
  // The code leads to the join token, so the token is kept with it, and only as long.
  std::string join_code;
};

// What the six-digit code of a running session leads to.
struct JoinOffer {
  std::string code;
  std::string join_token;
};

class LiveSession : public std::enable_shared_from_this<LiveSession> {
public:
  using Clock = std::function<core::Instant()>;
  using AdmissionDone = std::function<void(std::expected<Admission, AdmissionError>)>;
  using ReturnDone = std::function<void(std::expected<ReturnTicket, AdmissionError>)>;

  // `history`: every durable event of the session and their state (history_of; {} for a new one).
  LiveSession(const boost::asio::any_io_executor& executor, std::string id,
              store::EventStore& store, Clock clock, DurableHistory history, SessionSecrets secrets,
              const core::coach::Coach* coach = nullptr);

  // The session's strand. Its live connections run on it too: what the session sends them is
  // written at once, without a hop to another thread.
  boost::asio::any_io_executor executor() const { return strand_; }
  const std::string& id() const { return id_; }
  // Whether the session's end is durable; thread-safe.
  bool finished() const { return finished_.load(std::memory_order_relaxed); }

  // Whether this is the session's join token; thread-safe.
  bool admits(std::string_view join_token) const;

  // Gives the session its join code, once, before anyone else can reach the session: the one
  // kept in the store, or a fresh one when it has none (or another session holds it). A
  // finished session has none (and what was kept for it is erased). Why not, when it fails.
  std::expected<void, std::string> take_join_code(JoinCodes& codes);
  // The code and the join token it leads to, while the session runs; thread-safe.
  std::optional<JoinOffer> join_offer() const;

  // The account that sat in this place was deleted: none of the place's tokens opens anything
  // any more (kept as such, across restarts), and its open screens are closed ("place_ended").
  std::expected<void, std::string> end_place(core::ParticipantId participant);

  // The session's content is being erased: from now on no token or join link opens it, its join
  // code is free again, and its open screens are closed ("session_erased"). Thread-safe.
  void close_for_erasure();
  // The session's history was rewritten in the store (someone erased from it): the open screens
  // are disconnected, as in a restart, and reconnect to the session as the store now holds it
  // (a snapshot, or the events after `since`: the rewritten texts come only with a snapshot).
  void close_for_reload();

  // `taken_over` runs (on the strand, once) when the store refuses an append because another
  // node serves the session now, or wrote to it: this copy is stale. Set before it is shared.
  void set_taken_over(std::function<void()> taken_over) { taken_over_ = std::move(taken_over); }

  // Which participant a token belongs to, if any; thread-safe, constant time per comparison.
  std::optional<core::ParticipantId> authenticate(std::string_view token) const;
  // The same, with which of the place's tokens it is: what a live connection is opened with.
  std::optional<Seat> seat_of(std::string_view token) const;

  // Admits a newcomer by name (the server has checked the join token). `done` runs on the
  // session's strand once the admission is durable.
  void admit(std::string name, AdmissionDone done);

  // Asks to come back to `participant`'s place from a new device (the server has checked the
  // join token, or, for a `proven` return, the member's account: then it is admitted at once).
  // The ticket's token is durable before anyone hears of the request; `done` runs on the
  // session's strand once the request is durable.
  void request_return(core::ParticipantId participant, bool proven, ReturnDone done);
  // The same for the place without a device under `name`: "that's me" on the join page.
  void claim_place(std::string name, bool proven, ReturnDone done);
  // What became of a request, for the holder of its token; nothing for any other token.
  void return_status(core::ReturnId request, std::string token,
                     std::function<void(std::optional<core::ReturnOutcome>)> done);

  // A connection of `seat`: it gets a snapshot of its view (or, with `since`, every event after
  // that seq it may see), then live events; a seat that has moved on gets "seat_moved".
  // Thread-safe.
  void attach(std::shared_ptr<Client> client, Seat seat, Subscription subscription);
  void detach(std::shared_ptr<Client> client);

  // A command from a connected participant: answered by ack once durable, or by error.
  void submit(std::shared_ptr<Client> client, ClientCommand command);

  // Runs `reader` on the session's strand with everything durable so far.
  void read_state(std::function<void(const core::SessionState&)> reader);

  // Like read_state, with who is connected now (the shared screen not counted).
  void read_with_presence(
      std::function<void(const core::SessionState&, const std::vector<core::ParticipantId>&)>
          reader);

  // A bad message from a connected client, answered on the session's strand (keeps order).
  void reply_error(std::shared_ptr<Client> client, std::string message);

private:
  struct Connection {
    // Not owned: the connection's own I/O keeps it alive. Owning it here would make a cycle
    // (the connection holds its session) that outlives a server stopped mid-meeting.
    std::weak_ptr<Client> client;
    Seat seat;
    Language language = Language::nl;
    Stream stream = Stream::events;

    core::ParticipantId participant() const { return seat.participant; }
    bool is(const std::shared_ptr<Client>& other) const {
      return !client.owner_before(other) && !other.owner_before(client);
    }
    void send(std::shared_ptr<const std::string> message) const {
      if (const auto alive = client.lock())
        alive->send(std::move(message));
    }
  };
  // A place whose token was replaced by a return's, and the token hash it had before.
  struct SeatMove {
    core::ParticipantId participant;
    std::optional<std::string> old_hash;
    std::vector<std::string> old_moved; // moved_hashes_ before the move
  };

  // The new last seq once durable; nothing when the store failed (it has been logged).
  using Durable = std::function<void(std::optional<std::uint64_t>)>;
  // `secrets` become durable with the events, in one commit.
  void append(core::Events events, std::vector<store::Secret> secrets, Durable durable);
  void on_durable(const core::Events& events, std::uint64_t generation,
                  const store::AppendResult& result, const Durable& durable);
  void broadcast(const core::Event& event, std::uint64_t seq);
  // `fresh`: a connection just attached, whose snapshot is up to date already; `patches_sent`:
  // the patch subscribers have heard of it already.
  void broadcast_presence(const Connection* fresh = nullptr, bool patches_sent = false);
  boost::json::array connected() const;
  // Every participant without an open live connection: the facilitator may act for them.
  core::Away away() const;
  ViewPatches::Key view_key(core::ParticipantId participant) const;
  // The shared part, with who is connected, the join code and (`marked`) the coach's marks.
  boost::json::object shared_view(const core::SessionState& viewed, bool marked,
                                  core::Instant now) const;
  boost::json::object own_view(const core::SessionState& viewed, core::ParticipantId participant,
                               core::Instant now) const;
  // The state as `participant` sees it now: the shared part with its own fields set in it.
  boost::json::object view_for(core::ParticipantId participant) const;
  std::shared_ptr<const std::string> snapshot_for(core::ParticipantId participant) const;
  // After a change: every snapshot subscriber gets its view (made once per viewer), every patch
  // subscriber what changed in it.
  void send_views();
  // Every patch subscriber hears what changed in its view. `newcomer` hears nothing: its view
  // whole is returned, for its snapshot.
  boost::json::object send_patches(const Connection* newcomer = nullptr);
  // The facilitator's view: each question the coach flags carries "coach" (never anyone else's).
  void mark_questions(boost::json::object& state) const;
  boost::json::value coach_mark(const core::Question& question) const; // null: nothing to flag
  const Connection* find(const std::shared_ptr<Client>& client) const;

  // On the strand: a return request, its token durable with it.
  void ask_to_return(core::ParticipantId participant, bool proven, ReturnDone done);
  // Before admissions are appended: each admitted place's token becomes its request's (the
  // secrets to store with the events are added to `secrets`), so the new device can connect as
  // soon as anyone hears of it; the old token stops working.
  std::expected<std::vector<SeatMove>, AdmissionError>
  move_seats(const core::Events& events, std::vector<store::Secret>& secrets);
  // When those admissions could not be stored after all: the places get their old tokens back.
  void restore_seats(const std::vector<SeatMove>& moves);
  // Once admissions are durable: the connections still open on the old devices hear
  // "seat_moved" and are closed.
  void close_moved_seats(const core::Events& events);
  std::uint64_t seat_generation(core::ParticipantId participant) const; // tokens_mutex_ held
  std::shared_ptr<const std::string> seat_moved_message(Language language) const;
  // When the session has finished: its code is free again, and the token kept with it erased.
  void release_join_code();

  boost::asio::strand<boost::asio::any_io_executor> strand_;
  std::string id_;
  store::EventStore& store_;
  Clock clock_;
  // Marks the questions the coach flags in the facilitator's snapshots; null: no marks.
  const core::coach::Coach* coach_;
  mutable std::map<core::QuestionId, boost::json::value> coach_marks_; // by question, cached

  // What clients have been told: durable events only.
  core::SessionState durable_state_;
  std::atomic<bool> finished_{false}; // durable_state_ is finished: readable off the strand
  std::vector<core::Event> history_;
  // What the next command is judged against: durable plus events still on their way to disk.
  core::SessionState decided_state_;
  std::uint64_t decided_seq_ = 0;
  std::uint64_t generation_ = 0; // bumped when a failed append discards what was decided after it
  // The last append failed, and the log has said so: once per run of failures, not per command.
  bool appends_failing_ = false;
  std::function<void()> taken_over_;

  std::vector<Connection> connections_;
  // The view every patch subscriber of a participant has now: what its next patch starts from.
  ViewPatches views_;
  boost::json::array last_connected_; // as the last presence message said

  mutable std::mutex tokens_mutex_;
  std::map<core::ParticipantId, std::string> token_hashes_;
  std::map<core::ParticipantId, std::uint64_t> seat_generations_; // bumped when a seat moves
  std::map<core::ParticipantId, std::vector<std::string>> moved_hashes_;
  std::map<core::ReturnId, std::string> return_hashes_;
  const std::string join_hash_;
  std::string stored_join_code_;        // as read from the store, until take_join_code
  JoinCodes* codes_ = nullptr;          // set by take_join_code
  std::optional<JoinOffer> join_offer_; // while the session runs
  std::string code_token_hash_;         // the code's join token, when it is not the link's
  bool erased_ = false;                 // close_for_erasure was called
};

// The names under which a session's secrets are kept in the store.
std::string participant_secret_name(core::ParticipantId participant);
std::string moved_secret_name(core::ParticipantId participant);
std::string return_secret_name(core::ReturnId request);
inline constexpr std::string_view join_secret_name = "join";
inline constexpr std::string_view join_code_secret_name = "join_code";

} // namespace intervisie::server
