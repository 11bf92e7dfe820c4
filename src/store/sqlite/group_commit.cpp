// SPDX-License-Identifier: EUPL-1.2
#include "store/sqlite/group_commit.hpp"

#include "store/sqlite/failed_sync.hpp"
#include "store/sqlite/sqlite_error.hpp"

#include <algorithm>
#include <future>
#include <iterator>
#include <optional>
#include <string>

namespace intervisie::store::sqlite {

namespace {

StoreError closed_error() {
  return StoreError{StoreErrorCode::closed, "the event store is closed"};
}

} // namespace

GroupCommit::GroupCommit(SessionWrites writes, const SqliteOptions& options)
    : writes_{std::move(writes)}, batch_window_{options.batch_window},
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
    // The writer sleeps only on an empty queue, or in a batch window waiting for a full batch.
    wake = queue_.size() == 1 || queue_.size() == max_batch_;
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
    std::call_once(joined_, [this] { thread_.join(); });
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
      if (batch_window_.count() > 0 && !stopping_ && queue_.size() < max_batch_)
        wakeup_.wait_for(lock, batch_window_,
                         [this] { return stopping_ || queue_.size() >= max_batch_; });
      const auto taken = static_cast<std::ptrdiff_t>(std::min(queue_.size(), max_batch_));
      std::move(queue_.begin(), queue_.begin() + taken, std::back_inserter(batch));
      queue_.erase(queue_.begin(), queue_.begin() + taken);
    }
    commit(batch);
    batch.clear();
  }
}

void GroupCommit::commit(std::vector<WriteRequest>& batch) {
  std::vector<AppendResult> results;
  results.reserve(batch.size());
  std::optional<StoreError> batch_error;

  if (auto begun = writes_.begin(); !begun)
    batch_error = with_context(std::move(begun.error()), "starting a transaction");
  for (std::size_t i = 0; !batch_error && i < batch.size(); ++i) {
    results.push_back(writes_.apply(batch[i].change));
    if (!writes_.in_transaction()) // SQLite gave up the whole transaction (disk full, say)
      batch_error = StoreError{StoreErrorCode::io, "the transaction was rolled back: " +
                                                       results.back().error().message};
  }
  if (!batch_error) {
    if (auto committed = writes_.commit(); !committed) {
      stop_if_sync_failed(writes_.connection(), "the event store", committed.error());
      writes_.rollback();
      batch_error = with_context(std::move(committed.error()), "committing");
    }
  }

  if (batch_error) {
    // Nothing of this batch is durable: every request that had succeeded fails now.
    results.resize(batch.size(), std::unexpected(*batch_error));
    for (AppendResult& result : results)
      if (result)
        result = std::unexpected(*batch_error);
    failures_.failed(*batch_error);
  } else {
    count(batch, results);
    const auto failed = std::ranges::find_if(results, [](const AppendResult& result) {
      return !result && (result.error().code == StoreErrorCode::io ||
                         result.error().code == StoreErrorCode::corrupt);
    });
    if (failed != results.end())
      failures_.failed(failed->error());
    else
      failures_.succeeded();
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

} // namespace intervisie::store::sqlite
