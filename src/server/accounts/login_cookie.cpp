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

std::string attributes(bool secure) {
  return std::string{"; Path=/; HttpOnly; SameSite=Strict"} + (secure ? "; Secure" : "");
}

} // namespace

std::optional<std::string> login_token(const Request& request) {
  for (const auto& field : request.equal_range(http::field::cookie)) {
    std::string_view rest = field.value();
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
  return std::string{login_cookie_name} + "=" + std::string{token} +
         "; Max-Age=" + std::to_string(lifetime.count()) + attributes(secure);
}

std::string logout_cookie(bool secure) {
  return std::string{login_cookie_name} + "=; Max-Age=0" + attributes(secure);
}

} // namespace intervisie::server
