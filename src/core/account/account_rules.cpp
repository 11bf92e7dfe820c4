// SPDX-License-Identifier: EUPL-1.2
#include "core/account/account_rules.hpp"

#include "core/session/session_state.hpp"
#include "core/text/person_name.hpp"
#include "core/text/typed_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace intervisie::core::account {
namespace {

std::string lower(std::string_view text) {
  std::string result(text);
  std::ranges::transform(result, result.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  return result;
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::ranges::count_if(
      text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u; }));
}

// Passwords that any attacker tries first, in Dutch and English, at least ten characters
// long (shorter ones fail on length already). Compared in lower case.
constexpr std::array<std::string_view, 28> common_passwords = {
    "wachtwoord",    "wachtwoord1",  "wachtwoord123",    "welkom1234",    "welkomwelkom",
    "password123",   "password1234", "passwordpassword", "1234567890",    "12345678910",
    "123456789012",  "0987654321",   "qwertyuiop",       "qwerty123456",  "azertyuiop",
    "1q2w3e4r5t",    "intervisie",   "intervisie1",      "intervisie123", "iloveyou123",
    "abcdefghij",    "abc1234567",   "voorjaar2026",     "zomer2026!",    "letmein1234",
    "administrator", "geheim123456", "ikhouvanjou",
};

bool one_repeated_character(std::string_view text) {
  return std::ranges::all_of(text, [&](char c) { return c == text.front(); });
}

} // namespace

std::string_view to_string(AccountProblem problem) {
  switch (problem) {
  case AccountProblem::email_invalid:
    return "email_invalid";
  case AccountProblem::name_empty:
    return "name_empty";
  case AccountProblem::name_too_long:
    return "name_too_long";
  case AccountProblem::name_invalid:
    return "name_invalid";
  case AccountProblem::password_too_short:
    return "password_too_short";
  case AccountProblem::password_too_long:
    return "password_too_long";
  case AccountProblem::password_too_common:
    return "password_too_common";
  case AccountProblem::password_contains_email:
    return "password_contains_email";
  }
  return "unknown";
}

std::string_view explain(AccountProblem problem) {
  switch (problem) {
  case AccountProblem::email_invalid:
    return "This is not an e-mail address (name@example.nl).";
  case AccountProblem::name_empty:
    return "Fill in the name your group knows you by.";
  case AccountProblem::name_too_long:
    return "A name has at most 60 characters.";
  case AccountProblem::name_invalid:
    return "The name contains characters that cannot be shown.";
  case AccountProblem::password_too_short:
    return "A password needs at least 10 characters; a short sentence works well.";
  case AccountProblem::password_too_long:
    return "A password has at most 256 bytes.";
  case AccountProblem::password_too_common:
    return "This password is among the first ones anybody tries; choose another.";
  case AccountProblem::password_contains_email:
    return "The password may not contain your e-mail address or its name part.";
  }
  return "";
}

std::expected<std::string, AccountProblem> normalized_email(std::string_view raw) {
  while (!raw.empty() && std::isspace(static_cast<unsigned char>(raw.front())))
    raw.remove_prefix(1);
  while (!raw.empty() && std::isspace(static_cast<unsigned char>(raw.back())))
    raw.remove_suffix(1);
  const auto at = raw.find('@');
  if (raw.empty() || raw.size() > max_email_bytes || at == std::string_view::npos || at == 0 ||
      raw.find('@', at + 1) != std::string_view::npos)
    return std::unexpected(AccountProblem::email_invalid);
  const std::string_view domain = raw.substr(at + 1);
  const auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == domain.size() ||
      domain.find("..") != std::string_view::npos)
    return std::unexpected(AccountProblem::email_invalid);
  // Printable ASCII without spaces: enough for the addresses our users have, and nothing
  // that could turn into a header or a second address.
  if (!std::ranges::all_of(raw, [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte > 0x20 && byte < 0x7F && c != ',' && c != ';' && c != '<' && c != '>';
      }))
    return std::unexpected(AccountProblem::email_invalid);
  return lower(raw);
}

std::expected<std::string, AccountProblem> display_name(std::string_view raw) {
  const std::string_view name = trimmed(raw);
  const auto length = typed_length(name);
  if (!length)
    return std::unexpected(AccountProblem::name_invalid);
  if (*length == 0)
    return std::unexpected(AccountProblem::name_empty);
  if (*length > max_name_chars)
    return std::unexpected(AccountProblem::name_too_long);
  if (has_format_character(name))
    return std::unexpected(AccountProblem::name_invalid);
  return std::string{name};
}

std::expected<void, AccountProblem> check_password(std::string_view password,
                                                   std::string_view email) {
  if (password.size() > max_password_bytes)
    return std::unexpected(AccountProblem::password_too_long);
  if (code_points(password) < min_password_chars)
    return std::unexpected(AccountProblem::password_too_short);
  const std::string folded = lower(password);
  if (one_repeated_character(folded) ||
      std::ranges::find(common_passwords, std::string_view{folded}) != common_passwords.end())
    return std::unexpected(AccountProblem::password_too_common);
  const std::string address = lower(email);
  const std::string name_part = address.substr(0, address.find('@'));
  // A name part of three letters ("jan") may well appear in a good sentence by chance.
  if (!address.empty() && (folded.find(address) != std::string::npos ||
                           (name_part.size() >= 4 && folded.find(name_part) != std::string::npos)))
    return std::unexpected(AccountProblem::password_contains_email);
  return {};
}

} // namespace intervisie::core::account
