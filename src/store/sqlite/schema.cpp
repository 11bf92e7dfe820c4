// SPDX-License-Identifier: EUPL-1.2
#include "store/sqlite/schema.hpp"

#include "store/sqlite/sqlite_error.hpp"

#include <string>

namespace intervisie::store::sqlite {

namespace {

std::expected<std::int64_t, StoreError> single_number(Connection& db, std::string_view sql) {
  auto statement = db.prepare(sql);
  if (!statement)
    return std::unexpected(std::move(statement.error()));
  auto use = statement->use();
  auto row = statement->step();
  if (!row)
    return std::unexpected(std::move(row.error()));
  return *row ? statement->int64_at(0) : 0;
}

std::expected<void, StoreError> apply_missing(Connection& db, std::span<const Migration> steps) {
  const std::string where = db.file().string();
  // sqlite_master: SQLite's catalogue. A file with tables of its own but no schema_version is
  // another program's database; better to refuse it than to add our tables to it.
  auto has_version = single_number(
      db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
  auto tables = single_number(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
  if (!has_version || !tables)
    return std::unexpected(!has_version ? has_version.error() : tables.error());
  if (*has_version == 0 && *tables > 0)
    return std::unexpected(
        StoreError{StoreErrorCode::corrupt, where + " is not an Intervisie store (it has tables of "
                                                    "another program and no schema_version)"});

  if (auto created = db.exec(std::string{schema_version_table_sql}, "creating schema_version");
      !created)
    return created;
  auto current = single_number(db, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
  if (!current)
    return std::unexpected(std::move(current.error()));
  const std::int64_t known = steps.empty() ? 0 : steps.back().version;
  if (*current > known)
    return std::unexpected(
        StoreError{StoreErrorCode::newer_schema, newer_schema_message(where, *current, known)});

  auto record = db.prepare("INSERT INTO schema_version (version, name) VALUES (?, ?)");
  if (!record)
    return std::unexpected(std::move(record.error()));
  for (const Migration& step : steps) {
    if (step.version <= *current)
      continue;
    const std::string doing = "updating the schema of " + where + " to version " +
                              std::to_string(step.version) + " (" + std::string{step.name} + ")";
    if (auto applied = db.exec(std::string{step.sql}, doing); !applied)
      return applied;
    auto use = record->use();
    if (auto recorded = record->bind(1, step.version).bind(2, step.name).run(); !recorded)
      return std::unexpected(with_context(std::move(recorded.error()), doing));
  }
  return {};
}

} // namespace

std::expected<void, StoreError> migrate(Connection& db, std::span<const Migration> steps) {
  // IMMEDIATE: take the write lock before reading the version, so nobody migrates in between.
  if (auto begun =
          db.exec("BEGIN IMMEDIATE", "starting the schema update of " + db.file().string());
      !begun)
    return begun;
  auto applied = apply_missing(db, steps);
  if (!applied) {
    if (db.in_transaction())
      (void)db.exec("ROLLBACK", "undoing the schema update"); // the first error says it all
    return applied;
  }
  return db.exec("COMMIT", "committing the schema update of " + db.file().string());
}

} // namespace intervisie::store::sqlite
