// SPDX-License-Identifier: EUPL-1.2
// A store that cannot write says so in the log once, with the cause, and once more when it can
// again: however many writes fail in between (a full disk refuses every command of a meeting).
#include "store/write_failure_log.hpp"

#include <gtest/gtest.h>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <string>
#include <vector>

namespace intervisie::store {
namespace {

// The default logger writes into a buffer while it lives, then is put back.
class CapturedLog {
public:
  CapturedLog()
      : sink_{std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(100)},
        previous_{spdlog::default_logger()} {
    auto logger = std::make_shared<spdlog::logger>("captured", sink_);
    logger->set_pattern("%l %v");
    spdlog::set_default_logger(std::move(logger));
  }
  CapturedLog(const CapturedLog&) = delete;
  CapturedLog& operator=(const CapturedLog&) = delete;
  ~CapturedLog() { spdlog::set_default_logger(previous_); }

  std::vector<std::string> lines() const { return sink_->last_formatted(); }

private:
  std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> sink_;
  std::shared_ptr<spdlog::logger> previous_;
};

const StoreError disk_full{StoreErrorCode::io, "committing: database or disk is full"};

TEST(WriteFailureLog, ManyFailedWritesAreOneLineWithTheCauseAndTheRecoveryAnother) {
  CapturedLog log;
  WriteFailureLog failures{"the event store", "commands get storage_failed until it can"};
  failures.succeeded();
  for (int i = 0; i < 50; ++i)
    failures.failed(disk_full);
  EXPECT_TRUE(failures.failing());
  failures.succeeded();
  failures.succeeded();
  EXPECT_FALSE(failures.failing());

  const auto lines = log.lines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].rfind("error the event store cannot write: committing: database or disk is "
                           "full; commands get storage_failed until it can",
                           0),
            0u)
      << lines[0];
  EXPECT_EQ(lines[1].rfind("info the event store writes again, after ", 0), 0u) << lines[1];
  EXPECT_NE(lines[1].find(" in which 50 writes failed"), std::string::npos) << lines[1];
}

TEST(WriteFailureLog, ARunOfFailuresAfterARecoveryIsToldAgain) {
  CapturedLog log;
  WriteFailureLog failures{"groups.db", "what writes there gets storage_failed"};
  failures.failed(disk_full);
  failures.succeeded();
  failures.failed(disk_full);
  EXPECT_EQ(log.lines().size(), 3u);
}

TEST(WriteFailureLog, AConflictOrAnUnknownSessionSaysNothingAboutTheDisk) {
  CapturedLog log;
  WriteFailureLog failures{"the event store", "commands get storage_failed until it can"};
  failures.failed(StoreError{StoreErrorCode::conflict, "session \"s1\" is at seq 3, not 2"});
  failures.failed(no_such_session("s2"));
  failures.failed(StoreError{StoreErrorCode::closed, "the event store is closed"});
  EXPECT_FALSE(failures.failing());
  EXPECT_TRUE(log.lines().empty());
}

} // namespace
} // namespace intervisie::store
