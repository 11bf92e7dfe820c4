// SPDX-License-Identifier: EUPL-1.2
#include "server/live/session_registry.hpp"

#include "core/session/erasure.hpp"
#include "server/live/stored_events.hpp"

#include "server/auth/token.hpp"
#include "server/codec/event_json.hpp"

#include <boost/asio/post.hpp>
#include <boost/json.hpp>
#include <charconv>
#include <ranges>
#include <spdlog/spdlog.h>

namespace intervisie::server {
namespace {

// The number in a secret's name such as "participant:3"; nothing for another name.
std::optional<std::uint32_t> numbered(std::string_view name, std::string_view prefix) {
  if (!name.starts_with(prefix))
    return std::nullopt;
  std::uint32_t number = 0;
  const std::string_view digits = name.substr(prefix.size());
  const auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (parsed.ec != std::errc{} || parsed.ptr != digits.data() + digits.size())
    return std::nullopt;
  return number;
}

} // namespace

SessionRegistry::SessionRegistry(boost::asio::any_io_executor executor,
                                 boost::asio::any_io_executor blocking, store::EventStore& store,
                                 const core::Catalogue& catalogue, LiveSession::Clock clock,
                                 const core::coach::Coach* coach)
    : executor_(std::move(executor)), blocking_(std::move(blocking)), store_(store),
      catalogue_(catalogue), clock_(std::move(clock)), coach_(coach) {
  store_.set_claim_listener([this](const std::string& session_id) { let_go(session_id); });
}

void SessionRegistry::let_go(const std::string& session_id) {
  if (const auto live = take(session_id))
    live->close_for_reload();
}

void SessionRegistry::watch(LiveSession& live) {
  live.set_taken_over([this, id = live.id()] { let_go(id); });
}

void SessionRegistry::create(const NewSessionRequest& request, CreateDone done) {
  boost::asio::post(blocking_,
                    [this, request, done = std::move(done)] { create_blocking(request, done); });
}

void SessionRegistry::create_blocking(const NewSessionRequest& request, const CreateDone& done) {
  const core::Method* method = catalogue_.find(request.method_id);
  if (!method) {
    done(std::unexpected(AdmissionError{AdmissionFailure::unknown_method}));
    return;
  }
  const core::Instant now = clock_();
  auto events = core::create_session(std::make_shared<const core::Method>(*method),
                                     core::SessionSettings{request.title, request.facilitator_name,
                                                           request.facilitator_takes_turns},
                                     now);
  if (!events) {
    done(std::unexpected(AdmissionError{events.error().code}));
    return;
  }
  const core::ParticipantId facilitator = *events->back().actor;
  CreatedSession created{new_session_id(), facilitator,
                         std::to_string(facilitator.value) + "." + new_token(), new_token(),
                         std::to_string(beamer_viewer.value) + "." + new_token()};
  const std::string facilitator_hash = token_hash(created.token);
  const std::string join_hash = token_hash(created.join_token);
  const std::string beamer_hash = token_hash(created.beamer_token);
  // The code is unique on this node at once, and across nodes by the store's key: another
  // node's session may hold it, then another code is tried.
  // The session and its first events in one commit: a creation that fails leaves nothing.
  std::vector<store::NewEvent> first_events = records_of(*events);
  std::expected<void, store::StoreError> stored;
  std::string join_code;
  for (int attempt = 1;; ++attempt) {
    created.join_code = codes_.issue(created.session_id);
    join_code = created.join_code + ":" + created.join_token;
    stored = store_.create_session(store::NewSession{
        .session_id = created.session_id,
        .method_id = method->id,
        .title = std::get<core::event::SessionCreated>(events->front().body).title,
        .created_at_ms = now.time_since_epoch().count(),
        .secrets = {{std::string(join_secret_name), join_hash},
                    {std::string(join_code_secret_name), join_code},
                    {participant_secret_name(facilitator), facilitator_hash},
                    {participant_secret_name(beamer_viewer), beamer_hash}},
        .join_code = created.join_code,
        .events = first_events});
    if (stored)
      break;
    codes_.release(created.join_code, created.session_id);
    if (stored.error().code != store::StoreErrorCode::conflict || attempt == 5)
      break;
  }
  if (!stored) {
    spdlog::error("creating a session failed: {}", stored.error().message);
    done(std::unexpected(AdmissionError{AdmissionFailure::session_not_stored}));
    return;
  }
  auto live = std::make_shared<LiveSession>(
      executor_, created.session_id, store_, clock_, history_of(std::move(*events)),
      SessionSecrets{
          .token_hashes = {{facilitator, facilitator_hash}, {beamer_viewer, beamer_hash}},
          .join_hash = join_hash,
          .join_code = join_code},
      coach_);
  (void)live->take_join_code(codes_); // the code just issued, already stored: nothing can fail
  watch(*live);
  {
    const std::scoped_lock lock(mutex_);
    sessions_[created.session_id] = live;
  }
  done(std::move(created));
}

std::shared_ptr<LiveSession> SessionRegistry::held(const std::string& session_id) const {
  const std::scoped_lock lock(mutex_);
  const auto found = sessions_.find(session_id);
  return found != sessions_.end() ? found->second : nullptr;
}

void SessionRegistry::find(const std::string& session_id, Found found) {
  if (auto live = held(session_id))
    return found(std::move(live));
  boost::asio::post(blocking_, [this, session_id, found = std::move(found)] {
    found(find_blocking(session_id));
  });
}

std::shared_ptr<LiveSession> SessionRegistry::find_blocking(const std::string& session_id) {
  if (auto live = held(session_id))
    return live;
  auto loaded = load(session_id);
  if (!loaded)
    return nullptr;
  const std::scoped_lock lock(mutex_);
  if (erased_.contains(session_id))
    return nullptr; // erased while it was being loaded
  // Another thread may have loaded it meanwhile: keep the first, so there is one live session.
  return sessions_.try_emplace(session_id, *loaded).first->second;
}

std::expected<void, std::string> SessionRegistry::erase(const std::string& session_id,
                                                        std::int64_t at_ms) {
  {
    const std::scoped_lock lock(mutex_);
    erased_.insert(session_id); // before it leaves memory: a load meanwhile must not keep it
  }
  if (const auto live = take(session_id))
    live->close_for_erasure();
  if (auto erased = store_.erase_session(session_id, at_ms); !erased) {
    if (erased.error().code == store::StoreErrorCode::not_found)
      return {};
    const std::scoped_lock lock(mutex_);
    erased_.erase(session_id); // the store still holds it; it loads again as it is
    return std::unexpected("erasing session " + session_id + ": " + erased.error().message);
  }
  return {};
}

std::expected<DurableHistory, std::string>
SessionRegistry::read_history(const std::string& session_id) {
  auto stored = store_.read(session_id, 0);
  if (!stored)
    return std::unexpected(stored.error().message);
  return history_of(session_id, *stored);
}

std::shared_ptr<LiveSession> SessionRegistry::take(const std::string& session_id) {
  const std::scoped_lock lock(mutex_);
  const auto found = sessions_.find(session_id);
  if (found == sessions_.end())
    return nullptr;
  auto live = std::move(found->second);
  sessions_.erase(found);
  return live;
}

std::size_t SessionRegistry::evict_unused(core::Instant now, const Eviction& limits) {
  std::vector<std::shared_ptr<LiveSession>> leaving;
  {
    const std::scoped_lock lock(mutex_);
    for (auto it = sessions_.begin(); it != sessions_.end();) {
      // Only the registry holds it: no screen, request or write of the session is under way,
      // and nobody can take it without this lock (find, take). A connection or a write in
      // flight holds the session itself, so a session in use never leaves.
      if (it->second.use_count() != 1) {
        unused_since_.erase(it->first);
        ++it;
        continue;
      }
      const auto [since, fresh] = unused_since_.try_emplace(it->first, now);
      const auto limit = it->second->finished() ? limits.finished_after : limits.unfinished_after;
      if (fresh || now - since->second < limit) {
        ++it;
        continue;
      }
      unused_since_.erase(since);
      leaving.push_back(std::move(it->second));
      it = sessions_.erase(it);
    }
    // Sessions that left otherwise (erased, taken over) are no longer watched.
    std::erase_if(unused_since_,
                  [&](const auto& entry) { return !sessions_.contains(entry.first); });
  }
  // Destroyed outside the lock: a session's history can be long.
  return leaving.size();
}

std::size_t SessionRegistry::in_memory() const {
  const std::scoped_lock lock(mutex_);
  return sessions_.size();
}

bool SessionRegistry::erased(const std::string& session_id) const {
  const std::scoped_lock lock(mutex_);
  return erased_.contains(session_id);
}

std::optional<CodedSession> SessionRegistry::find_by_code_blocking(const std::string& code) {
  // A session served here answers from memory; any other from the store, without being loaded
  // here: the node that serves it is the one its connections reach.
  if (const auto here = codes_.session_of(code)) {
    const auto live = held(*here);
    if (auto offer = live ? live->join_offer() : std::nullopt)
      return CodedSession{*here, std::move(*offer)};
  }
  auto session_id = store_.session_of_join_code(code);
  if (!session_id) {
    spdlog::error("looking up a join code failed: {}", session_id.error().message);
    return std::nullopt;
  }
  if (!*session_id || erased(**session_id))
    return std::nullopt;
  auto secrets = store_.read_secrets(**session_id);
  if (!secrets)
    return std::nullopt;
  for (const store::Secret& secret : *secrets)
    if (secret.name == join_code_secret_name && secret.value.starts_with(code + ":") &&
        secret.value.size() > code.size() + 1)
      return CodedSession{**session_id, JoinOffer{code, secret.value.substr(code.size() + 1)}};
  return std::nullopt;
}

std::expected<std::size_t, std::string> SessionRegistry::restore_unfinished() {
  auto all = store_.list_sessions(false);
  if (!all)
    return std::unexpected(all.error().message);
  std::vector<store::SessionRecord> unfinished;
  for (store::SessionRecord& record : *all) {
    if (record.erased_at_ms) {
      const std::scoped_lock lock(mutex_);
      erased_.insert(record.session_id);
    } else if (!record.finished) {
      unfinished.push_back(std::move(record));
    }
  }
  const auto* records = &unfinished;
  for (const store::SessionRecord& record : *records) {
    auto loaded = load(record.session_id);
    if (!loaded)
      return std::unexpected(loaded.error());
    const std::scoped_lock lock(mutex_);
    sessions_.try_emplace(record.session_id, *loaded);
  }
  return records->size();
}

std::expected<void, std::string>
SessionRegistry::erase_participant(const std::string& session_id, core::ParticipantId participant) {
  // Appends may come in between reading and rewriting: the rewrite then finds another count
  // and is tried again on the longer history.
  for (int attempt = 0;; ++attempt) {
    auto history = read_history(session_id);
    if (!history)
      return std::unexpected(history.error());
    auto done = store_.rewrite_session(
        session_id, records_of(core::erase_participant(std::move(history->events), participant)));
    if (done)
      break;
    if (done.error().code != store::StoreErrorCode::conflict || attempt == 4)
      return std::unexpected("erasing a participant of session " + session_id + ": " +
                             done.error().message);
  }
  if (const auto live = take(session_id))
    live->close_for_reload();
  return {};
}

std::expected<std::shared_ptr<LiveSession>, std::string>
SessionRegistry::load(const std::string& session_id) {
  if (erased(session_id))
    return std::unexpected("session " + session_id + " was erased");
  if (auto record = store_.find_session(session_id); !record || record->erased_at_ms)
    return std::unexpected("session " + session_id + (record ? " was erased" : " is not there"));
  // Claimed before its history is read: whatever the node that served it before still
  // appends is either in that history or refused (`fenced`).
  if (auto claimed = store_.claim_session(session_id); !claimed)
    return std::unexpected("claiming session " + session_id + ": " + claimed.error().message);
  auto secrets = store_.read_secrets(session_id);
  if (!secrets)
    return std::unexpected(secrets.error().message);
  auto history = read_history(session_id);
  if (!history)
    return std::unexpected(history.error());
  SessionSecrets kept;
  for (const store::Secret& secret : *secrets) {
    if (secret.name == join_secret_name)
      kept.join_hash = secret.value;
    else if (const auto participant = numbered(secret.name, "participant:"))
      kept.token_hashes[core::ParticipantId{*participant}] = secret.value;
    else if (const auto moved = numbered(secret.name, "moved:")) {
      auto& hashes = kept.moved_hashes[core::ParticipantId{*moved}];
      for (auto word : std::views::split(secret.value, ' '))
        if (!word.empty())
          hashes.emplace_back(word.begin(), word.end());
    } else if (const auto request = numbered(secret.name, "return:"))
      kept.return_hashes[core::ReturnId{*request}] = secret.value;
    else if (secret.name == join_code_secret_name)
      kept.join_code = secret.value;
  }
  auto live = std::make_shared<LiveSession>(executor_, session_id, store_, clock_,
                                            std::move(*history), std::move(kept), coach_);
  if (auto coded = live->take_join_code(codes_); !coded)
    return std::unexpected(coded.error());
  watch(*live);
  return live;
}

} // namespace intervisie::server
