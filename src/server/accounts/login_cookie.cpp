// SPDX-License-Identifier: EUPL-1.2
#include "server/accounts/login_cookie.hpp"

namespace intervisie::server {

namespace http = boost::beast::http;

namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ')
    text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ')
    text.remove_suffix(1);
  return text;
}

// Appends rather than concatenates: g++ 12 warns falsely (array-bounds) on a + chain here.
std::string cookie(std::string_view value, std::string_view max_age, bool secure) {
  std::string text{login_cookie_name};
  text.append("=").append(value).append("; Max-Age=").append(max_age);
  text.append("; Path=/; HttpOnly; SameSite=Strict");
  if (secure)
    text.append("; Secure");
  return text;
}

} // namespace

std::optional<std::string> login_token(const Request& request) {
  const auto [first, last] = request.equal_range(http::field::cookie);
  for (auto field = first; field != last; ++field) {
    std::string_view rest = field->value();
    while (!rest.empty()) {
      const auto end = rest.find(';');
      const std::string_view pair = trimmed(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
      const auto equals = pair.find('=');
      if (equals != std::string_view::npos && pair.substr(0, equals) == login_cookie_name &&
          equals + 1 < pair.size())
        return std::string{pair.substr(equals + 1)};
    }
  }
  return std::nullopt;
}

std::string login_cookie(std::string_view token, std::chrono::seconds lifetime, bool secure) {
  return cookie(token, std::to_string(lifetime.count()), secure);
}

std::string logout_cookie(bool secure) {
  return cookie("", "0", secure);
}

} // namespace intervisie::server
