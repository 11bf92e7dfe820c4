// SPDX-License-Identifier: EUPL-1.2
// Every group, in memory, with its events in the group store: a command is decided by the core,
// made durable, then folded; readers get a copy of a group's state. With many nodes sharing one
// store, each call first catches up with what other nodes wrote (the store's change versions);
// an append that meets a change made meanwhile is decided again. Groups change at the pace of
// people planning meetings, so one mutex serves them all. Blocking: call it off the network
// threads.
#pragma once

#include "core/group/engine.hpp"
#include "store/group_store.hpp"

#include <expected>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

namespace intervisie::server {

// Why a command did not happen: the group's rules said no, or the store failed.
struct GroupFailure {
  std::variant<core::group::GroupRefusal, store::StoreError> reason;

  const core::group::GroupRefusal* refusal() const {
    return std::get_if<core::group::GroupRefusal>(&reason);
  }
};

class GroupRegistry {
public:
  using Clock = std::function<core::Instant()>;
  using Result = std::expected<core::group::GroupEvents, GroupFailure>;

  GroupRegistry(store::GroupStore& store, Clock clock) : store_{store}, clock_{std::move(clock)} {}

  // Loads every group from the store; the error names the group that cannot be read.
  std::expected<void, std::string> load();

  // A new group with the given id (the adapter's random one), created by `actor`.
  Result create(const std::string& group_id, const core::group::cmd::CreateGroup& command,
                const core::group::AccountId& actor);
  // `no_group` when there is no such group.
  Result execute(const std::string& group_id, const core::group::GroupCommand& command,
                 const core::group::AccountId& actor);
  // What execute() would say, without doing it (before starting a live session for a case).
  std::expected<void, core::group::GroupRefusal> check(const std::string& group_id,
                                                       const core::group::GroupCommand& command,
                                                       const core::group::AccountId& actor);

  std::optional<core::group::GroupState> state(const std::string& group_id) const;
  // The groups the account is a member of, oldest first.
  std::vector<std::string> groups_of(const core::group::AccountId& account) const;
  // The group that holds a meeting, or a case's live session.
  std::optional<std::string> group_of_meeting(const std::string& meeting_id) const;
  std::optional<std::string> group_of_session(const std::string& session_id) const;

  // Leaves every group and rewrites each history in which the account appears without its name
  // and free texts (core/group/erasure.hpp).
  std::expected<void, std::string> erase(const core::group::AccountId& account);

private:
  struct Entry {
    core::group::GroupState state;
    std::vector<core::group::GroupEvent> events;
  };

  Result append(const std::string& group_id, Entry& entry, core::group::GroupEvents events);
  void index(const std::string& group_id, const core::group::GroupEvent& event) const;
  // With the mutex held: takes the group as stored, in place of what memory had.
  std::expected<void, std::string> adopt(const std::string& group_id,
                                         const std::vector<store::StoredEvent>& stored) const;
  // With the mutex held: reloads every group written (by any node) since this one last looked.
  // A failure is logged; the caller then works with what memory has.
  void catch_up() const;

  store::GroupStore& store_;
  Clock clock_;
  mutable std::mutex mutex_;
  // A cache of the store, refreshed by reads too: hence mutable.
  mutable std::unordered_map<std::string, Entry> groups_;
  mutable std::vector<std::string> order_; // group ids in order of creation
  mutable std::unordered_map<std::string, std::string> meeting_groups_;
  mutable std::unordered_map<std::string, std::string> session_groups_;
  mutable std::uint64_t version_ = 0; // of the store's changes, as far as memory has them
};

} // namespace intervisie::server
