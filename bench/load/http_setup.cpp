// SPDX-License-Identifier: EUPL-1.2
#include "http_setup.hpp"

#include "http_connection.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>

namespace intervisie::load {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;

constexpr int attempts_max = 8;

struct Shared {
  tcp::endpoint server;
  std::vector<MeetingSeed>& seeds;
  SetupCounts& counts;
  std::size_t next = 0;
  std::size_t running = 0;
  asio::steady_timer all_done;
};

// The object of a 201 response, or nothing after counting why not.
asio::awaitable<std::optional<boost::json::object>> created(HttpConnection& connection,
                                                            Shared& shared,
                                                            const std::string& target,
                                                            const std::string& body) {
  asio::steady_timer backoff(co_await asio::this_coro::executor);
  for (int attempt = 0; attempt < attempts_max; ++attempt) {
    if (attempt > 0) {
      ++shared.counts.retries;
      backoff.expires_after(std::chrono::milliseconds(50 << std::min(attempt, 6)));
      co_await backoff.async_wait(asio::use_awaitable);
    }
    ++shared.counts.requests;
    auto response = co_await connection.post(target, body);
    if (!response) {
      ++shared.counts.failures["connection broken"];
      continue;
    }
    const auto status = response->result();
    if (status == http::status::created) {
      boost::system::error_code error;
      auto json = boost::json::parse(response->body(), error);
      if (!error && json.is_object())
        co_return std::move(json.get_object());
      ++shared.counts.failures["unreadable 201 body"];
      co_return std::nullopt;
    }
    ++shared.counts.failures["HTTP " + std::to_string(response->result_int()) + " " +
                             response->body().substr(0, 120)];
    if (status != http::status::too_many_requests && status != http::status::service_unavailable)
      co_return std::nullopt;
  }
  co_return std::nullopt;
}

std::string text_of(const boost::json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

std::uint32_t id_of(const boost::json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value != nullptr && value->is_number() ? value->to_number<std::uint32_t>() : 0;
}

// Bodies are built outside the coroutines: g++ 12 cannot keep the string literals of a braced
// initialiser in a coroutine frame ("array used as initializer").
std::string new_session_body(std::size_t index) {
  return boost::json::serialize(boost::json::object{{"method", "incident"},
                                                    {"title", "Load " + std::to_string(index)},
                                                    {"facilitator_name", "Begeleider"}});
}

std::string join_body(const std::string& join_token, std::size_t slot) {
  return boost::json::serialize(boost::json::object{{"join_token", join_token},
                                                    {"name", "Deelnemer " + std::to_string(slot)}});
}

asio::awaitable<bool> create_one(HttpConnection& connection, Shared& shared, std::size_t index,
                                 MeetingSeed& seed) {
  const auto session =
      co_await created(connection, shared, "/api/sessions", new_session_body(index));
  if (!session)
    co_return false;
  seed.session_id = text_of(*session, "session_id");
  seed.people[0] = Person{id_of(*session, "participant_id"), text_of(*session, "token")};
  const std::string join_token = text_of(*session, "join_token");
  const std::string target = "/api/sessions/" + seed.session_id + "/participants";
  for (std::size_t slot = 1; slot < clients_per_meeting; ++slot) {
    const auto joined = co_await created(connection, shared, target, join_body(join_token, slot));
    if (!joined)
      co_return false;
    seed.people[slot] = Person{id_of(*joined, "participant_id"), text_of(*joined, "token")};
  }
  co_return true;
}

asio::awaitable<void> worker(std::shared_ptr<Shared> shared) {
  HttpConnection connection(co_await asio::this_coro::executor, shared->server);
  while (shared->next < shared->seeds.size()) {
    const std::size_t index = shared->next++;
    MeetingSeed& seed = shared->seeds[index];
    seed.complete = co_await create_one(connection, *shared, index, seed);
    if (!seed.complete)
      ++shared->counts.failed_meetings;
  }
  if (--shared->running == 0)
    shared->all_done.cancel();
}

} // namespace

asio::awaitable<void> create_meetings(tcp::endpoint server, std::vector<MeetingSeed>& seeds,
                                      std::size_t concurrency, SetupCounts& counts) {
  const auto executor = co_await asio::this_coro::executor;
  auto shared =
      std::make_shared<Shared>(Shared{server, seeds, counts, 0, 0, asio::steady_timer(executor)});
  const std::size_t workers = std::min(concurrency, seeds.size());
  if (workers == 0)
    co_return;
  shared->running = workers;
  shared->all_done.expires_at(asio::steady_timer::time_point::max());
  for (std::size_t i = 0; i < workers; ++i)
    asio::co_spawn(executor, worker(shared), asio::detached);
  beast::error_code ignored;
  while (shared->running > 0)
    co_await shared->all_done.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
}

} // namespace intervisie::load
