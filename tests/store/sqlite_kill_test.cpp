// SPDX-License-Identifier: EUPL-1.2
// kill -9 while appending: every event whose append was acknowledged is there afterwards.
#include "store/sqlite_event_store.hpp"

#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <csignal>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace intervisie::store {
namespace {

using testing::TempDir;

constexpr std::size_t sessions = 4;

// What the child reports through the pipe after each acknowledged append. Smaller than
// PIPE_BUF, so each write arrives whole.
struct Ack {
  std::uint32_t session = 0;
  std::uint64_t seq = 0;
};

std::string session_name(std::size_t i) {
  return "s" + std::to_string(i);
}

// The payload says which event it is, so the check can tell a wrong event from a right one.
std::string payload_of(std::size_t session, std::uint64_t seq) {
  return "{\"session\":" + std::to_string(session) + ",\"seq\":" + std::to_string(seq) + "," +
         std::string(150, 'x') + "}";
}

// The child: appends to every session, pipelined, until it is killed; reports each ack.
[[noreturn]] void append_until_killed(const std::filesystem::path& dir, int acks_out) {
  auto opened = open_sqlite_event_store(dir);
  if (!opened)
    std::_Exit(2);
  EventStore& store = **opened;
  for (std::size_t s = 0; s < sessions; ++s) {
    auto found = store.find_session(session_name(s));
    if (!found)
      std::_Exit(3);
    // Each session appends its next batch when its previous one is acknowledged, from `done`:
    // the shape of a server's strands, and many sessions per commit.
    struct Chain {
      EventStore& store;
      std::size_t session;
      int out;
      void next(std::uint64_t last) {
        std::vector<NewEvent> events;
        const std::uint64_t count = 1 + last % 3;
        for (std::uint64_t seq = last + 1; seq <= last + count; ++seq)
          events.push_back(NewEvent{.kind = "k", .payload = payload_of(session, seq), .at_ms = 0});
        store.append(session_name(session), last, std::move(events), [this](AppendResult r) {
          if (!r)
            std::_Exit(4);
          const Ack ack{static_cast<std::uint32_t>(session), *r};
          if (::write(out, &ack, sizeof ack) != sizeof ack)
            std::_Exit(5);
          next(*r);
        });
      }
    };
    (new Chain{store, s, acks_out})->next(found->last_seq); // lives until the kill
  }
  for (;;)
    ::pause();
}

// Kills and reaps the child however the test ends, so no appender outlives a failed test.
struct Child {
  explicit Child(pid_t started) : pid{started} {}
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child() {
    if (pid > 0) {
      ::kill(pid, SIGKILL);
      wait();
    }
  }
  int wait() {
    int status = 0;
    ::waitpid(pid, &status, 0);
    pid = -1;
    return status;
  }

  pid_t pid;
};

struct Fd {
  explicit Fd(int opened) : fd{opened} {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { ::close(fd); }

  int fd;
};

TEST(KillDuringAppends, EveryAcknowledgedEventSurvives) {
  TempDir dir;
  {
    auto store = open_sqlite_event_store(dir.path());
    ASSERT_TRUE(store) << store.error().message;
    for (std::size_t s = 0; s < sessions; ++s)
      ASSERT_TRUE((*store)->create_session(NewSession{.session_id = session_name(s)}));
  }

  std::random_device seed_source;
  const unsigned seed = seed_source();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 random{seed};
  std::uniform_int_distribution<int> lifetime_ms{0, 200};

  std::array<std::uint64_t, sessions> acked{};
  constexpr int rounds = 5;
  for (int round = 0; round < rounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    int pipe_fds[2];
    ASSERT_EQ(::pipe(pipe_fds), 0);
    Child child{::fork()};
    ASSERT_GE(child.pid, 0);
    if (child.pid == 0) {
      ::close(pipe_fds[0]);
      append_until_killed(dir.path(), pipe_fds[1]);
    }
    ::close(pipe_fds[1]);
    Fd acks_in{pipe_fds[0]};

    // Kill at a random moment after the first ack; acks still in the pipe were sent before.
    using clock = std::chrono::steady_clock;
    auto kill_at = clock::now() + std::chrono::seconds{30}; // no ack by then: give up
    bool killed = false;
    std::size_t acks_this_round = 0;
    for (;;) {
      if (!killed && clock::now() >= kill_at) {
        ASSERT_EQ(::kill(child.pid, SIGKILL), 0);
        killed = true;
      }
      pollfd readable{.fd = acks_in.fd, .events = POLLIN, .revents = 0};
      ::poll(&readable, 1, killed ? -1 : 5);
      if ((readable.revents & (POLLIN | POLLHUP)) == 0)
        continue;
      Ack ack;
      const ssize_t got = ::read(acks_in.fd, &ack, sizeof ack);
      if (got == 0)
        break; // the child is gone and the pipe is drained
      ASSERT_EQ(got, static_cast<ssize_t>(sizeof ack));
      ASSERT_LT(ack.session, sessions);
      ASSERT_GT(ack.seq, acked[ack.session]) << "acks of one session come in order";
      acked[ack.session] = ack.seq;
      if (acks_this_round++ == 0)
        kill_at = clock::now() + std::chrono::milliseconds{lifetime_ms(random)};
    }
    const int status = child.wait();
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        << "the child ended by itself, status " << status;
    ASSERT_GT(acks_this_round, 0u) << "the child acknowledged nothing";

    auto store = open_sqlite_event_store(dir.path());
    ASSERT_TRUE(store) << store.error().message;
    for (std::size_t s = 0; s < sessions; ++s) {
      auto events = (*store)->read(session_name(s), 0);
      ASSERT_TRUE(events) << events.error().message;
      ASSERT_GE(events->size(), acked[s]) << "session " << s << " lost acknowledged events";
      for (std::size_t i = 0; i < events->size(); ++i) {
        ASSERT_EQ((*events)[i].seq, i + 1);
        ASSERT_EQ((*events)[i].payload, payload_of(s, i + 1));
      }
      // What was committed but not yet acknowledged counts too: the next round goes on from it.
      acked[s] = events->size();
      EXPECT_EQ((*store)->find_session(session_name(s))->last_seq, events->size());
    }
  }
}

} // namespace
} // namespace intervisie::store
