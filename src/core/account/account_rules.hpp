// SPDX-License-Identifier: EUPL-1.2
// What an account needs to be acceptable: an e-mail address that can receive mail, a name the
// group will recognise, and a password a person can remember and nobody can guess quickly.
#pragma once

#include <expected>
#include <string>
#include <string_view>

namespace intervisie::core::account {

enum class AccountProblem {
  email_invalid,
  name_empty,
  name_too_long,
  name_invalid, // not well-formed UTF-8, or control characters
  password_too_short,
  password_too_long,
  password_too_common,
  password_contains_email,
};

std::string_view to_string(AccountProblem problem);
// One sentence for a person, in English (the web app says it in Dutch by the code).
std::string_view explain(AccountProblem problem);

inline constexpr std::size_t min_password_chars = 10;
inline constexpr std::size_t max_password_bytes = 256;
inline constexpr std::size_t max_email_bytes = 254;

// The address as it is stored and compared: trimmed and in lower case.
std::expected<std::string, AccountProblem> normalized_email(std::string_view raw);
// The name shown to the group: trimmed, 1–60 characters.
std::expected<std::string, AccountProblem> display_name(std::string_view raw);
// Length in characters, not the kind of characters: a long sentence is a good password.
std::expected<void, AccountProblem> check_password(std::string_view password,
                                                   std::string_view email);

} // namespace intervisie::core::account
