// SPDX-License-Identifier: EUPL-1.2
#include "store/postgresql/schema.hpp"

#include "store/postgresql/pg_error.hpp"

#include <string>

namespace intervisie::store::postgresql {

namespace {

// Any number will do, as long as it is always the same and no other program uses it: "intv".
constexpr std::int64_t schema_lock_key = 0x696e7476;

// schema_version_table_sql, for a table of that shape under another name.
std::string version_table_sql(std::string_view table) {
  std::string sql{schema_version_table_sql};
  const std::string_view name = "schema_version";
  if (const auto at = sql.find(name); at != std::string::npos)
    sql.replace(at, name.size(), table);
  return sql;
}

std::expected<void, StoreError> apply_missing(Connection& db, std::string_view table,
                                              std::span<const Migration> steps) {
  const std::string where = db.describe() + " (" + std::string{table} + ")";
  if (auto locked = db.exec("SELECT pg_advisory_xact_lock($1)", Params{}.int64(schema_lock_key),
                            "waiting for another node's schema update of " + db.describe());
      !locked)
    return std::unexpected(std::move(locked.error()));
  if (auto created = db.exec_script(version_table_sql(table), "creating " + std::string{table});
      !created)
    return created;
  auto current = db.exec("SELECT COALESCE(MAX(version), 0) FROM " + std::string{table},
                         "reading the schema version of " + where);
  if (!current)
    return std::unexpected(std::move(current.error()));
  const std::int64_t found = current->int64(0, 0);
  const std::int64_t known = steps.empty() ? 0 : steps.back().version;
  if (found > known)
    return std::unexpected(
        StoreError{StoreErrorCode::newer_schema, newer_schema_message(where, found, known)});

  const std::string record =
      "INSERT INTO " + std::string{table} + " (version, name) VALUES ($1, $2)";
  for (const Migration& step : steps) {
    if (step.version <= found)
      continue;
    const std::string doing = "updating the schema of " + where + " to version " +
                              std::to_string(step.version) + " (" + std::string{step.name} + ")";
    if (auto applied = db.exec_script(step.sql, doing); !applied)
      return applied;
    if (auto recorded = db.exec(record, Params{}.int64(step.version).text(step.name), doing);
        !recorded)
      return std::unexpected(std::move(recorded.error()));
  }
  return {};
}

} // namespace

std::expected<void, StoreError> migrate(Connection& db, std::string_view version_table,
                                        std::span<const Migration> steps) {
  if (auto begun = db.exec("BEGIN", "starting the schema update of " + db.describe()); !begun)
    return std::unexpected(std::move(begun.error()));
  auto applied = apply_missing(db, version_table, steps);
  if (!applied) {
    db.rollback(); // the first error says it all
    return applied;
  }
  if (auto committed = db.exec("COMMIT", "committing the schema update of " + db.describe());
      !committed)
    return std::unexpected(std::move(committed.error()));
  return {};
}

} // namespace intervisie::store::postgresql
