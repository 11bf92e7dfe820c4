// SPDX-License-Identifier: EUPL-1.2
#include "store/postgresql/group_commit.hpp"

#include "store/postgresql/pg_error.hpp"
#include "store/postgresql/pipelined_batch.hpp"
#include "store/postgresql/session_writes.hpp"

#include <algorithm>
#include <future>
#include <iterator>

namespace intervisie::store::postgresql {

namespace {

StoreError closed_error() {
  return StoreError{StoreErrorCode::closed, "the event store is closed"};
}

} // namespace

std::expected<Connection, StoreError> open_writer(const std::string& url) {
  auto db = Connection::open(url, writer_role);
  if (!db)
    return std::unexpected(std::move(db.error()));
  if (auto prepared = prepare_session_writes(*db); !prepared)
    return std::unexpected(std::move(prepared.error()));
  return std::move(*db);
}

GroupCommit::GroupCommit(std::string url, std::string node, Connection db,
                         const PostgresOptions& options)
    : url_{std::move(url)}, node_{std::move(node)}, db_{std::move(db)},
      max_batch_{std::max<std::size_t>(options.max_batch, 1)}, thread_{[this] { run(); }} {}

GroupCommit::~GroupCommit() {
  stop();
}

void GroupCommit::submit(WriteRequest request) {
  bool wake = false;
  {
    std::unique_lock lock{mutex_};
    if (stopping_) {
      lock.unlock();
      request.done(std::unexpected(closed_error()));
      return;
    }
    queue_.push_back(std::move(request));
    wake = queue_.size() == 1; // the writer sleeps only on an empty queue
  }
  if (wake)
    wakeup_.notify_one();
}

AppendResult GroupCommit::submit_and_wait(Change change) {
  if (std::this_thread::get_id() == thread_.get_id()) {
    // Between batches here: no transaction is open, so this one can go right away.
    AppendResult result = std::unexpected(closed_error());
    std::vector<WriteRequest> one;
    one.push_back(
        WriteRequest{std::move(change), [&result](AppendResult r) { result = std::move(r); }});
    commit(one);
    return result;
  }
  std::promise<AppendResult> promise;
  auto future = promise.get_future();
  submit(WriteRequest{std::move(change),
                      [&promise](AppendResult result) { promise.set_value(std::move(result)); }});
  return future.get();
}

void GroupCommit::stop() {
  {
    std::lock_guard lock{mutex_};
    stopping_ = true;
  }
  wakeup_.notify_one();
  if (std::this_thread::get_id() != thread_.get_id()) // the writer cannot wait for itself
    std::call_once(joined_, [this] {
      thread_.join();
      db_.reset(); // the thread is gone: nobody else touches it
    });
}

StoreStats GroupCommit::stats() const {
  return StoreStats{
      .commits = commits_.load(std::memory_order_relaxed),
      .writes = writes_done_.load(std::memory_order_relaxed),
      .events = events_.load(std::memory_order_relaxed),
      .conflicts = conflicts_.load(std::memory_order_relaxed),
      .largest_batch = largest_batch_.load(std::memory_order_relaxed),
  };
}

void GroupCommit::run() {
  std::vector<WriteRequest> batch;
  batch.reserve(max_batch_);
  for (;;) {
    {
      std::unique_lock lock{mutex_};
      wakeup_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty())
        return; // stopping, and every request has been answered
      const auto taken = static_cast<std::ptrdiff_t>(std::min(queue_.size(), max_batch_));
      std::move(queue_.begin(), queue_.begin() + taken, std::back_inserter(batch));
      queue_.erase(queue_.begin(), queue_.begin() + taken);
    }
    commit(batch);
    batch.clear();
  }
}

std::expected<Connection*, StoreError> GroupCommit::connection() {
  // A connection the server closed while it sat idle is found here, before anything is sent:
  // the batch goes to a new one and loses nothing.
  if (db_ && !db_->is_alive())
    db_.reset();
  if (!db_) {
    auto opened = open_writer(url_);
    if (!opened)
      return std::unexpected(with_context(std::move(opened.error()), "reconnecting the writer"));
    db_.emplace(std::move(*opened));
  }
  return &*db_;
}

void GroupCommit::commit(std::vector<WriteRequest>& batch) {
  std::vector<AppendResult> results;
  if (auto db = connection(); !db) {
    results.assign(batch.size(), std::unexpected(db.error()));
  } else {
    std::vector<const Change*> changes;
    changes.reserve(batch.size());
    for (const WriteRequest& request : batch)
      changes.push_back(&request.change);
    BatchOutcome outcome = commit_batch(**db, changes, node_);
    if (outcome.lost)
      db_.reset(); // the next batch opens another
    if (outcome.committed)
      count(batch, outcome.results);
    results = std::move(outcome.results);
  }
  for (std::size_t i = 0; i < batch.size(); ++i)
    batch[i].done(std::move(results[i]));
}

void GroupCommit::count(const std::vector<WriteRequest>& batch,
                        const std::vector<AppendResult>& results) {
  std::uint64_t succeeded = 0;
  std::uint64_t events = 0;
  std::uint64_t conflicts = 0;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (results[i]) {
      ++succeeded;
      if (const auto* append = std::get_if<AppendEvents>(&batch[i].change))
        events += append->events.size();
    } else if (results[i].error().code == StoreErrorCode::conflict) {
      ++conflicts;
    }
  }
  commits_.fetch_add(1, std::memory_order_relaxed);
  writes_done_.fetch_add(succeeded, std::memory_order_relaxed);
  events_.fetch_add(events, std::memory_order_relaxed);
  conflicts_.fetch_add(conflicts, std::memory_order_relaxed);
  if (batch.size() > largest_batch_.load(std::memory_order_relaxed))
    largest_batch_.store(batch.size(), std::memory_order_relaxed); // one writer: no race
}

} // namespace intervisie::store::postgresql
