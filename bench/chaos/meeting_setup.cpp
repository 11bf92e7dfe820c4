// SPDX-License-Identifier: EUPL-1.2
#include "meeting_setup.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <chrono>

namespace intervisie::chaos {
namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
namespace json = boost::json;
using namespace std::chrono_literals;

// How long a request is sent again while the server does not answer: far longer than a restart.
constexpr auto give_up_after = 60s;

struct Answer {
  bool broke_before = false; // an earlier attempt's connection broke: it may have been done
  std::optional<json::object> created;
  unsigned status = 0;
  std::string code; // of a refusal
};

std::string text_of(const json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value && value->is_string() ? std::string(value->get_string()) : std::string();
}

asio::awaitable<Answer> post(load::HttpConnection& connection, std::string target, std::string body,
                             ChaosFigures& figures, std::uint32_t& requests_in_flight) {
  Answer answer;
  asio::steady_timer backoff(co_await asio::this_coro::executor);
  const auto deadline = std::chrono::steady_clock::now() + give_up_after;
  for (int attempt = 0; std::chrono::steady_clock::now() < deadline; ++attempt) {
    if (attempt > 0) {
      backoff.expires_after(
          std::min<std::chrono::milliseconds>(500ms, 25ms * (1 << std::min(attempt, 5))));
      co_await backoff.async_wait(asio::use_awaitable);
    }
    ++requests_in_flight;
    auto response = co_await connection.post(target, body);
    --requests_in_flight;
    if (!response) {
      answer.broke_before = true;
      ++figures.http_retries;
      continue;
    }
    answer.status = response->result_int();
    if (response->result() == http::status::service_unavailable ||
        response->result() == http::status::too_many_requests)
      continue;
    boost::system::error_code error;
    json::value parsed = json::parse(response->body(), error);
    if (!error && parsed.is_object()) {
      if (response->result() == http::status::created)
        answer.created = std::move(parsed.get_object());
      else
        answer.code = text_of(parsed.get_object(), "code");
    }
    co_return answer;
  }
  co_return answer;
}

core::ParticipantId id_of(const json::object& object) {
  const auto* value = object.if_contains("participant_id");
  return core::ParticipantId{value && value->is_number() ? value->to_number<std::uint32_t>() : 0U};
}

std::string session_body(const std::string& method, std::uint32_t number) {
  return json::serialize(json::object{{"method", method},
                                      {"title", "Chaos " + std::to_string(number)},
                                      {"facilitator_name", "Fenna"}});
}

std::string join_body(const std::string& join_token, std::size_t slot, int attempt) {
  static const char* const names[] = {"Pieter", "Anna", "Bram", "Carla", "Daan", "Eva", "Gijs"};
  std::string name = names[slot - 1];
  if (attempt > 0)
    name += " " + std::to_string(attempt + 1); // the first is in already, without a client
  return json::serialize(json::object{{"join_token", join_token}, {"name", name}});
}

} // namespace

asio::awaitable<std::optional<MeetingSetup>>
create_meeting(load::HttpConnection& connection, std::string method, std::uint32_t number,
               ChaosFigures& figures, std::uint32_t& requests_in_flight) {
  const Answer session = co_await post(connection, "/api/sessions", session_body(method, number),
                                       figures, requests_in_flight);
  if (!session.created) {
    figures.fail("a session could not be created (HTTP " + std::to_string(session.status) + ")");
    co_return std::nullopt;
  }
  MeetingSetup setup;
  setup.session_id = text_of(*session.created, "session_id");
  setup.people.push_back(Person{id_of(*session.created), text_of(*session.created, "token")});
  const std::string join_token = text_of(*session.created, "join_token");
  const std::string target = "/api/sessions/" + setup.session_id + "/participants";
  for (std::size_t slot = 1, attempt = 0; slot < 8; ++slot) {
    const Answer joined = co_await post(connection, target, join_body(join_token, slot, 0), figures,
                                        requests_in_flight);
    if (joined.created) {
      setup.people.push_back(Person{id_of(*joined.created), text_of(*joined.created, "token")});
      continue;
    }
    // A join whose answer was lost was done after all: that person is in without a client.
    // Join again under another name while there is room; a full session goes on as it is.
    if (joined.broke_before && joined.code == "group_full")
      break;
    if (joined.broke_before && joined.code == "name_taken" && attempt < 8) {
      const Answer again = co_await post(connection, target,
                                         join_body(join_token, slot, static_cast<int>(++attempt)),
                                         figures, requests_in_flight);
      if (again.created) {
        setup.people.push_back(Person{id_of(*again.created), text_of(*again.created, "token")});
        continue;
      }
      if (again.code == "group_full")
        break;
    }
    figures.fail("a join was refused (HTTP " + std::to_string(joined.status) + " " + joined.code +
                 ")");
    co_return std::nullopt;
  }
  co_return setup;
}

} // namespace intervisie::chaos
