// SPDX-License-Identifier: EUPL-1.2
#include "store/postgresql/claim_watch.hpp"

#include "store/postgresql/session_writes.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>

namespace intervisie::store::postgresql {

namespace {

constexpr int reconnect_ms = 1'000;

} // namespace

ClaimWatch::ClaimWatch(std::string url, std::string node)
    : url_{std::move(url)}, node_{std::move(node)}, wake_fd_{
                                                        ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)} {}

ClaimWatch::~ClaimWatch() {
  stop();
  if (wake_fd_ >= 0)
    ::close(wake_fd_);
}

void ClaimWatch::listen(Listener listener) {
  std::call_once(started_, [&] {
    listener_ = std::move(listener);
    {
      std::lock_guard lock{mutex_};
      listening_ = true;
    }
    std::promise<void> ready;
    auto listening = ready.get_future();
    thread_ = std::thread{[this, &ready] { run(&ready); }};
    listening.wait();
  });
}

void ClaimWatch::claiming(const std::string& session_id) {
  std::lock_guard lock{mutex_};
  ++held_[session_id].pending;
}

void ClaimWatch::claimed(const std::string& session_id, std::uint64_t epoch) {
  std::lock_guard lock{mutex_};
  Held& held = held_[session_id];
  --held.pending;
  held.epoch = std::max(held.epoch, epoch);
  settle(session_id);
}

void ClaimWatch::not_claimed(const std::string& session_id) {
  std::lock_guard lock{mutex_};
  const auto found = held_.find(session_id);
  if (found == held_.end())
    return;
  --found->second.pending;
  if (found->second.pending == 0 && found->second.epoch == 0)
    held_.erase(found);
  else
    settle(session_id);
}

void ClaimWatch::settle(const std::string& session_id) {
  const auto found = held_.find(session_id);
  if (found == held_.end() || found->second.pending > 0)
    return;
  if (found->second.other_epoch > found->second.epoch) {
    held_.erase(found);
    if (listening_) {
      to_tell_.push_back(session_id);
      wake();
    }
  } else {
    found->second.other_epoch = 0;
  }
}

void ClaimWatch::stop() {
  {
    std::lock_guard lock{mutex_};
    stopping_ = true;
  }
  wake();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id())
    thread_.join();
}

void ClaimWatch::wake() {
  const std::uint64_t one = 1;
  if (wake_fd_ >= 0)
    (void)::write(wake_fd_, &one, sizeof one); // a full counter wakes the thread as well
}

bool ClaimWatch::wait(int timeout_ms) {
  pollfd woken{.fd = wake_fd_, .events = POLLIN, .revents = 0};
  ::poll(&woken, 1, timeout_ms);
  std::lock_guard lock{mutex_};
  return !stopping_;
}

void ClaimWatch::tell(const std::vector<std::string>& sessions) {
  for (const std::string& session_id : sessions)
    listener_(session_id);
}

bool ClaimWatch::connect(std::optional<Connection>& db) {
  auto opened = Connection::open(url_, watch_role);
  if (!opened) {
    spdlog::warn("not hearing other nodes' claims for now: {}", opened.error().message);
    return false;
  }
  if (auto listening = opened->exec("LISTEN " + std::string{claims_channel}, "listening");
      !listening) {
    spdlog::warn("not hearing other nodes' claims for now: {}", listening.error().message);
    return false;
  }
  db.emplace(std::move(*opened));
  return true;
}

void ClaimWatch::run(std::promise<void>* ready) {
  std::optional<Connection> db;
  for (;;) {
    if (!db) {
      const bool listening = connect(db);
      if (listening)
        catch_up(*db);
      if (ready != nullptr) {
        ready->set_value(); // listen() returns: from now on nothing goes unheard
        ready = nullptr;
      }
      if (!listening) {
        if (!wait(reconnect_ms))
          return;
        continue;
      }
    }
    pollfd ready_fds[2] = {{.fd = PQsocket(db->native()), .events = POLLIN, .revents = 0},
                           {.fd = wake_fd_, .events = POLLIN, .revents = 0}};
    if (::poll(ready_fds, 2, -1) < 0 && errno != EINTR) {
      db.reset();
      continue;
    }
    if ((ready_fds[1].revents & POLLIN) != 0) {
      std::uint64_t count = 0;
      (void)::read(wake_fd_, &count, sizeof count);
      std::vector<std::string> lost;
      {
        std::lock_guard lock{mutex_};
        if (stopping_)
          return;
        lost.swap(to_tell_);
      }
      tell(lost);
    }
    if ((ready_fds[0].revents & (POLLIN | POLLERR | POLLHUP)) == 0)
      continue;
    if (PQconsumeInput(db->native()) == 0) {
      spdlog::warn("the connection that hears other nodes' claims was lost; opening another");
      db.reset();
      continue;
    }
    while (PGnotify* notice = PQnotifies(db->native())) {
      const std::string payload = notice->extra;
      PQfreemem(notice);
      heard(payload);
    }
  }
}

void ClaimWatch::heard(std::string_view payload) {
  // "epoch\tnode\tsession", as the claim statement writes it.
  const auto first = payload.find('\t');
  const auto second = first == std::string_view::npos ? first : payload.find('\t', first + 1);
  if (second == std::string_view::npos)
    return;
  std::uint64_t epoch = 0;
  std::from_chars(payload.data(), payload.data() + first, epoch);
  const std::string_view node = payload.substr(first + 1, second - first - 1);
  const std::string session_id{payload.substr(second + 1)};
  if (node == node_)
    return; // our own claim
  std::vector<std::string> lost;
  {
    std::lock_guard lock{mutex_};
    const auto found = held_.find(session_id);
    if (found == held_.end())
      return;
    if (found->second.pending > 0) {
      found->second.other_epoch = std::max(found->second.other_epoch, epoch);
    } else if (epoch > found->second.epoch) {
      held_.erase(found);
      lost.push_back(session_id);
    }
  }
  tell(lost);
}

void ClaimWatch::catch_up(Connection& db) {
  std::vector<std::string_view> sessions;
  std::vector<std::string> ids;
  {
    std::lock_guard lock{mutex_};
    for (const auto& [session_id, held] : held_)
      ids.push_back(session_id);
  }
  if (ids.empty())
    return;
  for (const std::string& id : ids)
    sessions.push_back(id);
  auto rows = db.exec("SELECT epoch, node, session_id FROM session_claims"
                      " WHERE session_id = ANY ($1::text[]) AND node <> $2::text",
                      Params{}.text_array(sessions).text(node_), "reading the claims");
  if (!rows) {
    spdlog::warn("cannot catch up with other nodes' claims: {}", rows.error().message);
    return;
  }
  // Each as if it had been heard just now.
  for (int row = 0; row < rows->rows(); ++row)
    heard(std::to_string(rows->int64(row, 0)) + "\t" + rows->text(row, 1) + "\t" +
          rows->text(row, 2));
}

} // namespace intervisie::store::postgresql
