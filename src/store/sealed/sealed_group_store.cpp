// SPDX-License-Identifier: EUPL-1.2
#include "store/sealed/sealed_group_store.hpp"

#include "store/sealed/sealed_text.hpp"

namespace intervisie::store::sealed {

namespace {

std::string associated(std::string_view group_id, std::uint64_t seq, std::string_view kind) {
  return "intervisie group event|" + std::string{group_id} + "|" + std::to_string(seq) + "|" +
         std::string{kind};
}

class SealedGroupStore final : public GroupStore {
public:
  SealedGroupStore(GroupStore& inner, KeyRing& keys) : inner_{inner}, keys_{keys} {}

  std::expected<std::uint64_t, StoreError>
  append_group_events(std::string_view group_id, std::uint64_t expected_last_seq,
                      const std::vector<NewEvent>& events) override {
    auto key = key_for_writing(group_id);
    if (!key)
      return std::unexpected(std::move(key.error()));
    return inner_.append_group_events(group_id, expected_last_seq,
                                      sealed(**key, group_id, expected_last_seq, events));
  }

  std::expected<std::vector<GroupStream>, StoreError> all_groups() override {
    auto groups = inner_.all_groups();
    if (!groups)
      return groups;
    for (GroupStream& group : *groups)
      if (auto opened = open_events(group.group_id, group.events); !opened)
        return std::unexpected(std::move(opened.error()));
    return groups;
  }

  std::expected<std::vector<StoredEvent>, StoreError>
  group_events(std::string_view group_id) override {
    auto events = inner_.group_events(group_id);
    if (!events)
      return events;
    if (auto opened = open_events(group_id, *events); !opened)
      return std::unexpected(std::move(opened.error()));
    return events;
  }

  std::expected<GroupChanges, StoreError> group_changes(std::uint64_t after_version) override {
    return inner_.group_changes(after_version);
  }

  std::expected<void, StoreError> rewrite_group(std::string_view group_id,
                                                const std::vector<NewEvent>& events) override {
    auto key = key_for_writing(group_id);
    if (!key)
      return std::unexpected(std::move(key.error()));
    return inner_.rewrite_group(group_id, sealed(**key, group_id, 0, events));
  }

  std::expected<void, StoreError> put_invitation_link(std::string_view token_hash,
                                                      const InvitationLink& link) override {
    return inner_.put_invitation_link(token_hash, link);
  }
  std::expected<std::optional<InvitationLink>, StoreError>
  invitation_link(std::string_view token_hash) override {
    return inner_.invitation_link(token_hash);
  }
  std::expected<void, StoreError> put_session_seat(const SessionSeat& seat) override {
    return inner_.put_session_seat(seat);
  }
  std::expected<std::vector<SessionSeat>, StoreError>
  session_seats(std::string_view session_id) override {
    return inner_.session_seats(session_id);
  }
  std::expected<std::vector<SessionSeat>, StoreError>
  seats_of_account(std::string_view account_id) override {
    return inner_.seats_of_account(account_id);
  }
  std::expected<void, StoreError> remove_session_seats(std::string_view account_id) override {
    return inner_.remove_session_seats(account_id);
  }

private:
  std::expected<void, StoreError> open_events(std::string_view group_id,
                                              std::vector<StoredEvent>& events) {
    std::shared_ptr<const SecretKey> key;
    for (StoredEvent& event : events) {
      if (!is_sealed(event.payload))
        continue; // written before groups were sealed
      if (!key) {
        auto found = keys_.find(group_owner(group_id));
        if (!found)
          return std::unexpected(std::move(found.error()));
        key = *found;
      }
      auto plain = open(*key, event.payload, associated(group_id, event.seq, event.kind));
      if (!plain)
        return std::unexpected(
            StoreError{StoreErrorCode::corrupt, "event " + std::to_string(event.seq) +
                                                    " of group \"" + std::string{group_id} +
                                                    "\" does not open with its data key"});
      event.payload = std::move(*plain);
    }
    return {};
  }

  // A new group gets its key with its first event; a group from before sealing gets one with
  // its next write.
  KeyResult key_for_writing(std::string_view group_id) {
    return keys_.find_or_create(group_owner(group_id));
  }

  static std::vector<NewEvent> sealed(const SecretKey& key, std::string_view group_id,
                                      std::uint64_t after_seq,
                                      const std::vector<NewEvent>& events) {
    std::vector<NewEvent> out = events;
    std::uint64_t seq = after_seq;
    for (NewEvent& event : out)
      event.payload = seal(key, event.payload, associated(group_id, ++seq, event.kind));
    return out;
  }

  GroupStore& inner_;
  KeyRing& keys_;
};

} // namespace

std::unique_ptr<GroupStore> seal_group_store(GroupStore& inner, KeyRing& keys) {
  return std::make_unique<SealedGroupStore>(inner, keys);
}

} // namespace intervisie::store::sealed
