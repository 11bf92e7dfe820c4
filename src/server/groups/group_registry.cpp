// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/group_registry.hpp"

#include "core/group/erasure.hpp"
#include "core/group/history_check.hpp"
#include "server/codec/group_event_json.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

namespace intervisie::server {

namespace group = core::group;

namespace {

GroupFailure refused(group::GroupRefusalCode code) {
  return GroupFailure{group::GroupRefusal{code}};
}

std::vector<store::NewEvent> to_stored(const group::GroupEvents& events) {
  std::vector<store::NewEvent> stored;
  stored.reserve(events.size());
  for (const group::GroupEvent& event : events)
    stored.push_back(stored_group_event(event));
  return stored;
}

} // namespace

std::expected<void, std::string> GroupRegistry::load() {
  // The version first: what is written meanwhile is read again at the next catch-up.
  auto changes = store_.group_changes(0);
  if (!changes)
    return std::unexpected("the groups cannot be read: " + changes.error().message);
  auto streams = store_.all_groups();
  if (!streams)
    return std::unexpected("the groups cannot be read: " + streams.error().message);
  std::lock_guard lock{mutex_};
  for (store::GroupStream& stream : *streams)
    if (auto adopted = adopt(stream.group_id, stream.events); !adopted)
      return adopted;
  version_ = changes->version;
  return {};
}

std::expected<void, std::string>
GroupRegistry::adopt(const std::string& group_id,
                     const std::vector<store::StoredEvent>& stored) const {
  Entry entry;
  // Folded as it is read, so an event that does not fit the group before it is refused here,
  // not folded into a group that contradicts itself (core/group/history_check.hpp).
  for (const store::StoredEvent& one : stored) {
    const std::string where = "group " + group_id + ", event " + std::to_string(one.seq) + ": ";
    auto event = group_event_from_stored(one);
    if (!event)
      return std::unexpected(where + event.error().message);
    if (auto fit = group::fits(entry.state, *event); !fit)
      return std::unexpected(where + fit.error());
    group::apply(entry.state, *event);
    index(group_id, *event);
    entry.events.push_back(std::move(*event));
  }
  const core::Instant created = entry.state.created_at;
  const bool known = groups_.contains(group_id);
  groups_.insert_or_assign(group_id, std::move(entry));
  if (!known) // in order of creation, wherever it was created
    order_.insert(std::ranges::upper_bound(
                      order_, created, {},
                      [this](const std::string& id) { return groups_.at(id).state.created_at; }),
                  group_id);
  return {};
}

void GroupRegistry::catch_up() const {
  auto changes = store_.group_changes(version_);
  if (!changes) {
    spdlog::error("groups: cannot see what other nodes changed: {}", changes.error().message);
    return;
  }
  for (const std::string& group_id : changes->group_ids) {
    auto events = store_.group_events(group_id);
    if (!events) {
      spdlog::error("groups: cannot read group {}: {}", group_id, events.error().message);
      return; // the version stays, so the next request tries again
    }
    if (auto adopted = adopt(group_id, *events); !adopted) {
      spdlog::error("groups: {}", adopted.error());
      return;
    }
  }
  version_ = changes->version;
}

void GroupRegistry::index(const std::string& group_id, const group::GroupEvent& event) const {
  if (const auto* scheduled = std::get_if<group::event::MeetingScheduled>(&event.body))
    meeting_groups_[scheduled->meeting] = group_id;
  else if (const auto* started = std::get_if<group::event::CaseStarted>(&event.body))
    session_groups_[started->session] = group_id;
}

GroupRegistry::Result GroupRegistry::append(const std::string& group_id, Entry& entry,
                                            group::GroupEvents events) {
  auto written = store_.append_group_events(group_id, entry.events.size(), to_stored(events));
  if (!written)
    return std::unexpected(GroupFailure{std::move(written.error())});
  for (const group::GroupEvent& event : events) {
    group::apply(entry.state, event);
    index(group_id, event);
    entry.events.push_back(event);
  }
  return events;
}

GroupRegistry::Result GroupRegistry::create(const std::string& group_id,
                                            const group::cmd::CreateGroup& command,
                                            const group::AccountId& actor) {
  std::lock_guard lock{mutex_};
  catch_up();
  if (groups_.contains(group_id))
    return std::unexpected(refused(group::GroupRefusalCode::group_exists));
  Entry entry;
  auto events = group::decide(entry.state, command, actor, clock_());
  if (!events)
    return std::unexpected(GroupFailure{events.error()});
  auto appended = append(group_id, entry, std::move(*events));
  if (appended) {
    groups_.emplace(group_id, std::move(entry));
    order_.push_back(group_id);
  }
  return appended;
}

GroupRegistry::Result GroupRegistry::execute(const std::string& group_id,
                                             const group::GroupCommand& command,
                                             const group::AccountId& actor) {
  std::lock_guard lock{mutex_};
  catch_up();
  // Another node may write the group between our catch-up and our append: then the append is
  // a conflict, and the command is decided again on the group as it is now.
  for (int attempt = 1;; ++attempt) {
    const auto found = groups_.find(group_id);
    if (found == groups_.end())
      return std::unexpected(refused(group::GroupRefusalCode::no_group));
    auto events = group::decide(found->second.state, command, actor, clock_());
    if (!events)
      return std::unexpected(GroupFailure{events.error()});
    auto appended = append(group_id, found->second, std::move(*events));
    const auto* failure =
        appended ? nullptr : std::get_if<store::StoreError>(&appended.error().reason);
    if (!failure || failure->code != store::StoreErrorCode::conflict || attempt == 3)
      return appended;
    catch_up();
  }
}

std::expected<void, group::GroupRefusal> GroupRegistry::check(const std::string& group_id,
                                                              const group::GroupCommand& command,
                                                              const group::AccountId& actor) {
  std::lock_guard lock{mutex_};
  catch_up();
  const auto found = groups_.find(group_id);
  if (found == groups_.end())
    return std::unexpected(group::GroupRefusal{group::GroupRefusalCode::no_group});
  auto events = group::decide(found->second.state, command, actor, clock_());
  if (!events)
    return std::unexpected(events.error());
  return {};
}

std::optional<group::GroupState> GroupRegistry::state(const std::string& group_id) const {
  std::lock_guard lock{mutex_};
  catch_up();
  const auto found = groups_.find(group_id);
  if (found == groups_.end())
    return std::nullopt;
  return found->second.state;
}

std::vector<std::string> GroupRegistry::groups_of(const group::AccountId& account) const {
  std::lock_guard lock{mutex_};
  catch_up();
  std::vector<std::string> ids;
  for (const std::string& id : order_)
    if (groups_.at(id).state.is_member(account))
      ids.push_back(id);
  return ids;
}

std::optional<std::string> GroupRegistry::group_of_meeting(const std::string& meeting_id) const {
  std::lock_guard lock{mutex_};
  catch_up();
  const auto found = meeting_groups_.find(meeting_id);
  if (found == meeting_groups_.end())
    return std::nullopt;
  return found->second;
}

std::optional<std::string> GroupRegistry::group_of_session(const std::string& session_id) const {
  std::lock_guard lock{mutex_};
  catch_up();
  const auto found = session_groups_.find(session_id);
  if (found == session_groups_.end())
    return std::nullopt;
  return found->second;
}

std::expected<void, std::string> GroupRegistry::erase(const group::AccountId& account) {
  std::lock_guard lock{mutex_};
  catch_up();
  for (const std::string& id : order_) {
    Entry& entry = groups_.at(id);
    if (entry.state.is_member(account)) {
      auto events = group::decide(entry.state, group::cmd::Leave{}, account, clock_());
      if (!events)
        return std::unexpected("cannot leave group " + id + ": " +
                               std::string{group::to_string(events.error().code)});
      if (auto left = append(id, entry, std::move(*events)); !left)
        return std::unexpected("cannot leave group " + id);
    }
    const bool appears = entry.state.find_former_member(account) != nullptr;
    if (!appears)
      continue;
    auto erased = group::erase_member(entry.events, account);
    if (auto rewritten = store_.rewrite_group(id, to_stored(erased)); !rewritten)
      return std::unexpected("cannot erase the history of group " + id + ": " +
                             rewritten.error().message);
    entry.events = std::move(erased);
    entry.state = group::replay(entry.events);
  }
  return {};
}

} // namespace intervisie::server
