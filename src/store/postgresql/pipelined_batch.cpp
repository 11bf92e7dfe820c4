// SPDX-License-Identifier: EUPL-1.2
#include "store/postgresql/pipelined_batch.hpp"

#include "store/postgresql/pg_error.hpp"
#include "store/postgresql/session_writes.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <cerrno>
#include <optional>
#include <string>
#include <variant>

namespace intervisie::store::postgresql {

namespace {

// Deadlocks and serialization failures (SQLSTATE class 40) are nobody's fault: try again.
constexpr int contention_retries = 3;

struct Committed {
  std::vector<std::vector<Result>> results; // per change sent, per statement
};
struct StatementFailed {
  std::size_t change = 0; // index among the changes sent
  StoreError error;
  std::string sqlstate;
};
struct CommitFailed {
  StoreError error;
  std::string sqlstate;
};
struct Lost {
  StoreError error;
};
using Sent = std::variant<Committed, StatementFailed, CommitFailed, Lost>;

// Sends everything that is buffered. Non-blocking while it sends, reading whatever results
// arrive meanwhile: in blocking mode a large batch could fill both socket buffers, the server
// waiting for us to read while we wait for it to read.
bool flush_all(PGconn* conn) {
  for (;;) {
    const int flushed = PQflush(conn);
    if (flushed == 0)
      return true;
    if (flushed < 0)
      return false;
    pollfd ready{.fd = PQsocket(conn), .events = POLLIN | POLLOUT, .revents = 0};
    if (::poll(&ready, 1, -1) < 0 && errno != EINTR)
      return false;
    if ((ready.revents & POLLIN) != 0 && PQconsumeInput(conn) == 0)
      return false;
  }
}

// The result of the next query in the pipeline, and the NULL that ends it. Null when the
// connection is lost.
std::optional<Result> next_result(PGconn* conn) {
  Result result{PQgetResult(conn)};
  if (result.native() == nullptr || is_lost(conn))
    return std::nullopt;
  if (PQresultStatus(result.native()) == PGRES_PIPELINE_SYNC)
    return result; // a sync point is not followed by a NULL
  while (PGresult* extra = PQgetResult(conn)) {
    PQclear(extra);
    if (is_lost(conn))
      return std::nullopt;
  }
  return result;
}

bool succeeded(const Result& result) {
  const ExecStatusType status = PQresultStatus(result.native());
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

bool send_text(PGconn* conn, const char* sql) {
  return PQsendQueryParams(conn, sql, 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
}

// `before`: what the server said last, when it said something (why it hung up, say).
Lost lost(PGconn* conn, std::size_t changes, const std::optional<StatementFailed>& before = {}) {
  Lost gone{connection_error(conn, "committing " + std::to_string(changes) +
                                       " writes to PostgreSQL: the connection was lost before the "
                                       "commit was confirmed, so none is acknowledged")};
  if (before)
    gone.error.message += " (" + before->error.message + ")";
  return gone;
}

Sent send_and_read(Connection& db, const std::vector<std::vector<Statement>*>& statements) {
  PGconn* conn = db.native();
  if (PQenterPipelineMode(conn) != 1)
    return lost(conn, statements.size());
  PQsetnonblocking(conn, 1);
  bool sent = send_text(conn, "BEGIN");
  for (const auto* change : statements)
    for (const Statement& statement : *change)
      sent = sent && PQsendQueryPrepared(conn, std::string{statement.name}.c_str(),
                                         statement.params.count(), statement.params.values(),
                                         nullptr, nullptr, 0) == 1;
  sent = sent && send_text(conn, "COMMIT") && PQpipelineSync(conn) == 1 && flush_all(conn);
  PQsetnonblocking(conn, 0);
  if (!sent)
    return lost(conn, statements.size());

  auto begun = next_result(conn);
  if (!begun)
    return lost(conn, statements.size());
  std::optional<StatementFailed> failed;
  if (!succeeded(*begun))
    return Lost{statement_error(conn, begun->native(), "starting a transaction")};
  Committed committed;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    std::vector<Result>& of_change = committed.results.emplace_back();
    for (std::size_t s = 0; s < statements[i]->size(); ++s) {
      auto result = next_result(conn);
      if (!result)
        return lost(conn, statements.size(), failed);
      if (!failed && PQresultStatus(result->native()) == PGRES_FATAL_ERROR)
        failed =
            StatementFailed{i, statement_error(conn, result->native(), "PostgreSQL refused it"),
                            sqlstate_of(result->native())};
      of_change.push_back(std::move(*result));
    }
  }
  auto commit = next_result(conn);
  auto sync = commit ? next_result(conn) : std::nullopt;
  if (!commit || !sync)
    return lost(conn, statements.size(), failed);
  PQexitPipelineMode(conn);
  if (failed) {
    db.rollback(); // the transaction is aborted and stays so until it is rolled back
    return std::move(*failed);
  }
  // A COMMIT that answers ROLLBACK did not commit: the transaction had failed.
  if (!succeeded(*commit) || std::string_view{PQcmdStatus(commit->native())} != "COMMIT") {
    CommitFailed refused{statement_error(conn, commit->native(), "committing"),
                         sqlstate_of(commit->native())};
    db.rollback();
    return refused;
  }
  return committed;
}

} // namespace

BatchOutcome commit_batch(Connection& db, std::span<const Change* const> changes,
                          std::string_view node) {
  BatchOutcome outcome;
  outcome.results.resize(changes.size(), std::unexpected(StoreError{}));
  std::vector<bool> answered(changes.size(), false);
  std::vector<std::vector<Statement>> statements(changes.size());
  for (std::size_t i = 0; i < changes.size(); ++i) {
    auto made = statements_for(*changes[i], node);
    if (made) {
      statements[i] = std::move(*made);
    } else {
      outcome.results[i] = std::unexpected(std::move(made.error()));
      answered[i] = true;
    }
  }

  int contention = 0;
  for (;;) {
    std::vector<std::size_t> pending;
    std::vector<std::vector<Statement>*> sending;
    for (std::size_t i = 0; i < changes.size(); ++i)
      if (!answered[i]) {
        pending.push_back(i);
        sending.push_back(&statements[i]);
      }
    if (pending.empty())
      return outcome; // every change was refused before it needed a transaction

    Sent sent = send_and_read(db, sending);
    if (auto* done = std::get_if<Committed>(&sent)) {
      for (std::size_t p = 0; p < pending.size(); ++p)
        outcome.results[pending[p]] = outcome_of(*changes[pending[p]], done->results[p]);
      outcome.committed = true;
      return outcome;
    }
    if (auto* failed = std::get_if<StatementFailed>(&sent)) {
      if (failed->sqlstate.starts_with("40") && ++contention <= contention_retries)
        continue;
      const std::size_t culprit = pending[failed->change];
      outcome.results[culprit] = std::unexpected(
          refusal_of(*changes[culprit], std::move(failed->error), failed->sqlstate));
      answered[culprit] = true;
      continue; // the others again, without it
    }
    StoreError error;
    if (auto* refused = std::get_if<CommitFailed>(&sent)) {
      if (refused->sqlstate.starts_with("40") && ++contention <= contention_retries)
        continue;
      error = std::move(refused->error);
      error.code = StoreErrorCode::io;
    } else {
      error = std::move(std::get<Lost>(sent).error);
      outcome.lost = true;
    }
    for (std::size_t i : pending)
      outcome.results[i] = std::unexpected(error);
    return outcome;
  }
}

} // namespace intervisie::store::postgresql
