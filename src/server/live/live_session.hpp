// One running session in the server: the engine's state, the people connected to it, and the
// path from a command to durable events to everyone's view. All work runs on the session's own
// strand, so a session needs no locks and sessions never wait for each other.
#pragma once

#include "core/coach/coach.hpp"
#include "core/session/engine.hpp"
#include "server/codec/envelope.hpp"
#include "server/live/client.hpp"
#include "store/event_store.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/strand.hpp>
#include <boost/json/array.hpp>

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

using Language = core::Language;

// The shared screen (beamer) connects as this id: it sees what every participant may see, and
// nothing private; it cannot send commands. Participants are numbered from 1.
inline constexpr core::ParticipantId beamer_viewer{0};

// How one connection wants to hear about the session.
struct Subscription {
  std::optional<std::uint64_t> since; // resume: every event after this seq, not a snapshot
  Language language = Language::nl;
  // Also a fresh snapshot after every change, for clients that show the state rather than fold
  // the events themselves (the web app). A snapshot subscription always starts with one.
  bool snapshots = false;
};

// A newcomer's admission: their id and the token they connect with.
struct Admission {
  core::ParticipantId participant;
  std::string token;
};

// Why an admission failed: the engine refused (group_full, name_taken, …) or the store failed.
struct AdmissionError {
  std::string code;
  std::string message;
};

class LiveSession : public std::enable_shared_from_this<LiveSession> {
public:
  using Clock = std::function<core::Instant()>;
  using AdmissionDone = std::function<void(std::expected<Admission, AdmissionError>)>;

  // `history` is every durable event of the session, in seq order (seq = index + 1).
  // `token_hashes` maps participant ids to the hashes of their tokens.
  LiveSession(boost::asio::any_io_executor executor, std::string id, store::EventStore& store,
              Clock clock, std::vector<core::Event> history,
              std::map<core::ParticipantId, std::string> token_hashes, std::string join_hash,
              const core::coach::Coach* coach = nullptr);

  const std::string& id() const { return id_; }

  // Whether this is the session's join token; thread-safe.
  bool admits(std::string_view join_token) const;

  // Records the first events of a new session (create_session's); `done` runs once durable.
  void record_creation(core::Events events, std::function<void(std::optional<std::uint64_t>)> done);

  // Which participant a token belongs to, if any; thread-safe, constant time per comparison.
  std::optional<core::ParticipantId> authenticate(std::string_view token) const;

  // Admits a newcomer by name (the server has checked the join token). `done` runs on the
  // session's strand once the admission is durable.
  // `claim`: take over the place of someone the facilitator added without a device.
  void admit(std::string name, bool claim, AdmissionDone done);

  // A connection of `participant`: it gets a snapshot of its view (or, with `since`, every
  // event after that seq it may see), then live events. Thread-safe.
  void attach(std::shared_ptr<Client> client, core::ParticipantId participant,
              Subscription subscription);
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
    core::ParticipantId participant;
    Language language = Language::nl;
    bool snapshots = false;

    bool is(const std::shared_ptr<Client>& other) const {
      return !client.owner_before(other) && !other.owner_before(client);
    }
    void send(std::shared_ptr<const std::string> message) const {
      if (const auto alive = client.lock())
        alive->send(std::move(message));
    }
  };

  // The new last seq once durable; nothing when the store failed (it has been logged).
  using Durable = std::function<void(std::optional<std::uint64_t>)>;
  void append(core::Events events, Durable durable);
  void on_durable(const core::Events& events, std::uint64_t generation,
                  const store::AppendResult& result, const Durable& durable);
  void broadcast(const core::Event& event, std::uint64_t seq);
  void broadcast_presence();
  boost::json::array connected() const;
  // Every participant without an open live connection: the facilitator may act for them.
  core::Away away() const;
  std::shared_ptr<const std::string> snapshot_for(const Connection& connection) const;
  // The facilitator's view: each question the coach flags carries "coach" (never anyone else's).
  void mark_questions(boost::json::object& state) const;
  const Connection* find(const std::shared_ptr<Client>& client) const;

  boost::asio::strand<boost::asio::any_io_executor> strand_;
  std::string id_;
  store::EventStore& store_;
  Clock clock_;
  // Marks the questions the coach flags in the facilitator's snapshots; null: no marks.
  const core::coach::Coach* coach_;
  mutable std::map<core::QuestionId, boost::json::value> coach_marks_; // by question, cached

  // What clients have been told: durable events only.
  core::SessionState durable_state_;
  std::vector<core::Event> history_;
  // What the next command is judged against: durable plus events still on their way to disk.
  core::SessionState decided_state_;
  std::uint64_t decided_seq_ = 0;
  std::uint64_t generation_ = 0; // bumped when a failed append discards what was decided after it

  std::vector<Connection> connections_;

  mutable std::mutex tokens_mutex_;
  std::map<core::ParticipantId, std::string> token_hashes_;
  const std::string join_hash_;
};

// The name under which a participant's token hash is kept in the store.
std::string participant_secret_name(core::ParticipantId participant);
inline constexpr std::string_view join_secret_name = "join";

} // namespace intervisie::server
