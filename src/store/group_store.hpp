// SPDX-License-Identifier: EUPL-1.2
// Where groups live: each group is a stream of events (core/group), like a session, plus the
// lookups its links need. An interface; the SQLite adapter is sqlite_group_store.hpp.
#pragma once

#include "store/event_store.hpp"

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace intervisie::store {

struct GroupStream {
  std::string group_id;
  std::vector<StoredEvent> events; // in seq order, from 1

  bool operator==(const GroupStream&) const = default;
};

// What a single-use invitation link points at; the link's token is kept only as a hash.
struct InvitationLink {
  std::string group_id;
  std::string invitation_id;

  bool operator==(const InvitationLink&) const = default;
};

// A member of a group who joined a live session of it: who presented a case is known by this.
struct SessionSeat {
  std::string session_id;
  std::uint32_t participant = 0;
  std::string account_id;

  bool operator==(const SessionSeat&) const = default;
};

// Which groups changed since a reader last looked: how each node of many keeps its groups in
// memory current. `version` counts every group write of every node; a reader passes it back.
struct GroupChanges {
  std::uint64_t version = 0;
  std::vector<std::string> group_ids; // changed after the version asked about, up to `version`

  bool operator==(const GroupChanges&) const = default;
};

// Thread-safe. Every write is durable when it returns success.
class GroupStore {
public:
  virtual ~GroupStore() = default;

  // Appends after `expected_last_seq` (0 creates the group): `conflict` when the group is at
  // another seq. Returns the new last seq.
  virtual std::expected<std::uint64_t, StoreError>
  append_group_events(std::string_view group_id, std::uint64_t expected_last_seq,
                      const std::vector<NewEvent>& events) = 0;
  // Every group with its events: what a starting server loads.
  virtual std::expected<std::vector<GroupStream>, StoreError> all_groups() = 0;
  // One group's events, in seq order; empty when there is no such group.
  virtual std::expected<std::vector<StoredEvent>, StoreError>
  group_events(std::string_view group_id) = 0;
  // The groups appended to or rewritten after `after_version` (by any node), and the version to
  // ask from next time. 0 asks for every group written since the store was made.
  virtual std::expected<GroupChanges, StoreError> group_changes(std::uint64_t after_version) = 0;
  // Replaces the payloads of a group's events, seq for seq (erasing a member who deleted their
  // account). `conflict` when the count differs from what is stored.
  virtual std::expected<void, StoreError> rewrite_group(std::string_view group_id,
                                                        const std::vector<NewEvent>& events) = 0;

  virtual std::expected<void, StoreError> put_invitation_link(std::string_view token_hash,
                                                              const InvitationLink& link) = 0;
  virtual std::expected<std::optional<InvitationLink>, StoreError>
  invitation_link(std::string_view token_hash) = 0;

  virtual std::expected<void, StoreError> put_session_seat(const SessionSeat& seat) = 0;
  // Read from the store every time, not kept in memory: any node may have written them.
  virtual std::expected<std::vector<SessionSeat>, StoreError>
  session_seats(std::string_view session_id) = 0;
  virtual std::expected<std::vector<SessionSeat>, StoreError>
  seats_of_account(std::string_view account_id) = 0;
  // Forgets which seats an account had (account deletion).
  virtual std::expected<void, StoreError> remove_session_seats(std::string_view account_id) = 0;
};

} // namespace intervisie::store
