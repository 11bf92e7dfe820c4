// SPDX-License-Identifier: EUPL-1.2
#include "store/sealed/sealed_event_store.hpp"

#include "store/sealed/sealed_text.hpp"

namespace intervisie::store::sealed {

namespace {

std::string title_associated_data(std::string_view session_id) {
  return "intervisie title|" + std::string{session_id};
}

StoreError unreadable(std::string_view session_id, std::string_view what) {
  return StoreError{StoreErrorCode::corrupt, "the " + std::string{what} + " of session \"" +
                                                 std::string{session_id} +
                                                 "\" does not open with its data key"};
}

class SealedEventStore final : public EventStore {
public:
  SealedEventStore(std::unique_ptr<EventStore> inner, KeyRing& keys)
      : inner_{std::move(inner)}, keys_{keys} {}

  std::expected<void, StoreError> create_session(const NewSession& session) override {
    // find_or_create: a creation refused for its join code is tried again with another code.
    auto key = keys_.find_or_create(session_owner(session.session_id));
    if (!key)
      return std::unexpected(std::move(key.error()));
    NewSession sealed = session;
    sealed.title = seal(**key, session.title, title_associated_data(session.session_id));
    std::uint64_t seq = 0;
    for (NewEvent& event : sealed.events)
      event.payload =
          seal(**key, event.payload, event_associated_data(session.session_id, ++seq, event.kind));
    return inner_->create_session(sealed);
  }

  std::expected<void, StoreError> put_secret(std::string_view session_id,
                                             const Secret& secret) override {
    return inner_->put_secret(session_id, secret); // hashes: nothing to learn from them
  }

  using EventStore::append;
  void append(std::string session_id, std::uint64_t expected_last_seq, std::vector<NewEvent> events,
              std::vector<Secret> secrets, AppendDone done) override {
    auto key = key_for_writing(session_id);
    if (!key) {
      done(std::unexpected(std::move(key.error())));
      return;
    }
    std::uint64_t seq = expected_last_seq;
    for (NewEvent& event : events)
      event.payload =
          seal(**key, event.payload, event_associated_data(session_id, ++seq, event.kind));
    // Secrets are hashes (and a join code's own token): nothing to learn from them.
    inner_->append(std::move(session_id), expected_last_seq, std::move(events), std::move(secrets),
                   std::move(done));
  }

  std::expected<std::vector<StoredEvent>, StoreError> read(std::string_view session_id,
                                                           std::uint64_t after_seq) override {
    auto events = inner_->read(session_id, after_seq);
    if (!events || events->empty())
      return events;
    auto key = keys_.find(session_owner(session_id));
    for (StoredEvent& event : *events) {
      if (!is_sealed(event.payload))
        continue; // written before this store sealed anything
      if (!key)
        return std::unexpected(std::move(key.error()));
      auto plain =
          open(**key, event.payload, event_associated_data(session_id, event.seq, event.kind));
      if (!plain)
        return std::unexpected(unreadable(session_id, "event " + std::to_string(event.seq)));
      event.payload = std::move(*plain);
    }
    return events;
  }

  std::expected<SessionRecord, StoreError> find_session(std::string_view session_id) override {
    auto found = inner_->find_session(session_id);
    if (!found)
      return found;
    if (auto opened = open_title(*found); !opened)
      return std::unexpected(std::move(opened.error()));
    return found;
  }

  std::expected<std::vector<Secret>, StoreError>
  read_secrets(std::string_view session_id) override {
    return inner_->read_secrets(session_id);
  }

  std::expected<std::uint64_t, StoreError> claim_session(std::string_view session_id) override {
    return inner_->claim_session(session_id);
  }

  void set_claim_listener(std::function<void(const std::string&)> listener) override {
    inner_->set_claim_listener(std::move(listener));
  }

  std::expected<std::optional<std::string>, StoreError>
  session_of_join_code(std::string_view code) override {
    return inner_->session_of_join_code(code); // six digits: nothing to learn from them
  }

  std::expected<std::vector<SessionRecord>, StoreError>
  list_sessions(bool unfinished_only) override {
    auto sessions = inner_->list_sessions(unfinished_only);
    if (!sessions)
      return sessions;
    for (SessionRecord& session : *sessions)
      if (auto opened = open_title(session); !opened)
        return std::unexpected(std::move(opened.error()));
    return sessions;
  }

  std::expected<void, StoreError> erase_session(std::string_view session_id,
                                                std::int64_t at_ms) override {
    // The key first: from that moment every copy of the rows is unreadable, whatever happens
    // to the deletion after it.
    if (auto destroyed = keys_.destroy(session_owner(session_id)); !destroyed)
      return destroyed;
    return inner_->erase_session(session_id, at_ms);
  }

  std::expected<void, StoreError> rewrite_session(std::string_view session_id,
                                                  const std::vector<NewEvent>& events) override {
    auto key = key_for_writing(session_id);
    if (!key)
      return std::unexpected(std::move(key.error()));
    std::vector<NewEvent> sealed = events;
    std::uint64_t seq = 0;
    for (NewEvent& event : sealed)
      event.payload =
          seal(**key, event.payload, event_associated_data(session_id, ++seq, event.kind));
    return inner_->rewrite_session(session_id, sealed);
  }

  StoreStats stats() const override { return inner_->stats(); }

  void close() override { inner_->close(); }

private:
  // A session from before this store sealed anything gets its key at its first new event; an
  // erased session never gets one again.
  KeyResult key_for_writing(std::string_view session_id) {
    auto key = keys_.find(session_owner(session_id));
    if (key || key.error().code != StoreErrorCode::not_found)
      return key;
    auto session = inner_->find_session(session_id);
    if (!session)
      return std::unexpected(std::move(session.error()));
    if (session->erased_at_ms)
      return std::unexpected(StoreError{StoreErrorCode::not_found,
                                        "session \"" + std::string{session_id} + "\" was erased"});
    return keys_.find_or_create(session_owner(session_id));
  }

  // An erased session's title is empty; a title from before sealing is plain.
  std::expected<void, StoreError> open_title(SessionRecord& session) {
    if (!is_sealed(session.title))
      return {};
    auto key = keys_.find(session_owner(session.session_id));
    if (!key) {
      if (key.error().code != StoreErrorCode::not_found)
        return std::unexpected(std::move(key.error()));
      session.title.clear(); // its key was destroyed: the title went with it
      return {};
    }
    auto plain = open(**key, session.title, title_associated_data(session.session_id));
    if (!plain)
      return std::unexpected(unreadable(session.session_id, "title"));
    session.title = std::move(*plain);
    return {};
  }

  std::unique_ptr<EventStore> inner_;
  KeyRing& keys_;
};

} // namespace

std::string event_associated_data(std::string_view session_id, std::uint64_t seq,
                                  std::string_view kind) {
  return "intervisie event|" + std::string{session_id} + "|" + std::to_string(seq) + "|" +
         std::string{kind};
}

std::unique_ptr<EventStore> seal_event_store(std::unique_ptr<EventStore> inner, KeyRing& keys) {
  return std::make_unique<SealedEventStore>(std::move(inner), keys);
}

} // namespace intervisie::store::sealed
