// SPDX-License-Identifier: EUPL-1.2
// Every read of the store, as statements prepared once on one read connection.
#pragma once

#include "store/event_store.hpp"
#include "store/sqlite/connection.hpp"

#include <cstdint>
#include <expected>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace intervisie::store::sqlite {

class SessionReads {
public:
  static std::expected<SessionReads, StoreError> open(const std::filesystem::path& file);

  SessionReads(SessionReads&&) noexcept;
  SessionReads& operator=(SessionReads&&) noexcept;
  ~SessionReads();

  std::expected<std::vector<StoredEvent>, StoreError> read(std::string_view session_id,
                                                           std::uint64_t after_seq);
  std::expected<SessionRecord, StoreError> find_session(std::string_view session_id);
  std::expected<std::vector<Secret>, StoreError> read_secrets(std::string_view session_id);
  std::expected<std::vector<SessionRecord>, StoreError> list_sessions(bool unfinished_only);
  std::expected<std::optional<std::string>, StoreError> session_of_join_code(std::string_view code);

private:
  struct Statements;
  SessionReads(Connection db, std::unique_ptr<Statements> statements);

  Connection db_;
  std::unique_ptr<Statements> statements_;
};

} // namespace intervisie::store::sqlite
