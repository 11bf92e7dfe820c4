// SPDX-License-Identifier: EUPL-1.2
#include "account_client.hpp"

#include <boost/beast/core/string.hpp>
#include <boost/json.hpp>

#include <atomic>

namespace intervisie::server::testing {

std::string login_cookie_of(const HttpResponse& response) {
  for (const auto& [name, value] : response.headers) {
    if (!boost::beast::iequals(name, "Set-Cookie"))
      continue;
    const std::string prefix = "intervisie_login=";
    if (value.starts_with(prefix))
      return value.substr(prefix.size(), value.find(';') - prefix.size());
  }
  return {};
}

void AccountClient::remember(const HttpResponse& response) {
  if (response.status != 200 && response.status != 201)
    return;
  cookie_ = login_cookie_of(response);
  const auto json = response.json().as_object();
  csrf_ = std::string(json.at("csrf_token").as_string());
  account_id_ = std::string(json.at("account").at("id").as_string());
  display_name_ = std::string(json.at("account").at("display_name").as_string());
}

HttpResponse AccountClient::sign_up(const std::string& email, const std::string& password,
                                    const std::string& display_name) {
  auto response =
      http_request(port_, "POST", "/api/accounts",
                   boost::json::serialize(boost::json::object{
                       {"email", email}, {"password", password}, {"display_name", display_name}}));
  remember(response);
  return response;
}

HttpResponse AccountClient::log_in(const std::string& email, const std::string& password) {
  auto response = http_request(
      port_, "POST", "/api/login",
      boost::json::serialize(boost::json::object{{"email", email}, {"password", password}}));
  remember(response);
  return response;
}

HttpResponse AccountClient::send(const std::string& method, const std::string& target,
                                 const std::string& body,
                                 std::vector<std::pair<std::string, std::string>> headers) const {
  if (!cookie_.empty())
    headers.emplace_back("Cookie", "intervisie_login=" + cookie_);
  return http_request(port_, method, target, body, headers);
}

HttpResponse AccountClient::get(const std::string& target) const {
  return send("GET", target, {}, {});
}

HttpResponse AccountClient::post(const std::string& target, const boost::json::object& body) const {
  return send("POST", target, boost::json::serialize(body), {{"X-CSRF-Token", csrf_}});
}

HttpResponse AccountClient::del(const std::string& target, const boost::json::object& body) const {
  return send("DELETE", target, boost::json::serialize(body), {{"X-CSRF-Token", csrf_}});
}

std::string unique_email(std::string_view name) {
  static std::atomic<int> counter{0};
  return std::string{name} + "." + std::to_string(++counter) + "@example.nl";
}

} // namespace intervisie::server::testing
