// SPDX-License-Identifier: EUPL-1.2
// The JSON bodies of the HTTP routes (docs/api.md, docs/protocol.md 2): the first byte picks a
// route, the rest is its body. Each decoder must refuse what it cannot read with a CodecError
// that names the problem, and never crash or read out of bounds.
// The account routes apply the core's account rules to what they read (an e-mail address, a
// display name, a password's strength); so does this fuzzer.
#include "core/account/account_rules.hpp"
#include "server/codec/account_request_json.hpp"
#include "server/codec/group_request_json.hpp"
#include "server/codec/join_code_json.hpp"
#include "server/codec/request_body.hpp"
#include "server/codec/return_request_json.hpp"
#include "server/codec/session_request_json.hpp"
#include "support/fuzz_support.hpp"

#include <array>
#include <functional>

namespace {

using namespace intervisie;

// A decoder's answer: a value, or an error that says something.
template <class T> void check(const std::expected<T, server::CodecError>& decoded) {
  if (!decoded)
    fuzz::require(!decoded.error().message.empty(), "a refused body says why");
}

// As AccountApi takes a new account: the body, then the rules
// (src/server/accounts/account_api.cpp).
void sign_up(std::string_view body) {
  const auto account = server::new_account_from_json(body);
  check(account);
  if (!account)
    return;
  const auto email = core::account::normalized_email(account->email);
  (void)core::account::display_name(account->display_name);
  (void)core::account::check_password(account->password, email.value_or(account->email));
}

void log_in(std::string_view body) {
  const auto login = server::login_from_json(body);
  check(login);
  if (login)
    (void)core::account::normalized_email(login->email);
}

void no_fields(std::string_view body, std::string_view what) {
  if (auto none = server::no_fields_from_json(body, what); !none)
    fuzz::require(!none.error().message.empty(), "a refused body says why");
}

// A join code as the route takes it: no spaces left, and a code only if six digits.
void join_code(std::string_view body) {
  const auto code = server::join_code_from_json(body);
  check(code);
  if (code)
    fuzz::require(code->find(' ') == std::string::npos, "a join code is read without spaces",
                  *code);
}

const std::array<std::function<void(std::string_view)>, 24> routes{
    [](std::string_view body) { check(server::new_group_from_json(body)); },
    [](std::string_view body) { check(server::retention_from_json(body)); },
    [](std::string_view body) { check(server::invitation_days_from_json(body)); },
    [](std::string_view body) { check(server::acceptance_from_json(body, "i-1")); },
    [](std::string_view body) { check(server::new_meeting_from_json(body)); },
    [](std::string_view body) { check(server::cancellation_from_json(body, "m-1")); },
    [](std::string_view body) { check(server::proposal_from_json(body, "m-1")); },
    [](std::string_view body) { check(server::answers_from_json(body, "m-1")); },
    [](std::string_view body) { check(server::choice_from_json(body, "m-1")); },
    [](std::string_view body) { check(server::facilitator_from_json(body, "m-1")); },
    [](std::string_view body) { check(server::follow_up_from_json(body, "m-1")); },
    [](std::string_view body) { check(server::new_case_from_json(body)); },
    [](std::string_view body) { no_fields(body, "leave"); },
    [](std::string_view body) { check(server::new_session_from_json(body)); },
    [](std::string_view body) { check(server::join_from_json(body)); },
    [](std::string_view body) { check(server::join_token_from_json(body)); },
    [](std::string_view body) { check(server::coach_request_from_json(body)); },
    sign_up,
    log_in,
    [](std::string_view body) { check(server::logout_everywhere_from_json(body)); },
    [](std::string_view body) { check(server::account_deletion_from_json(body)); },
    [](std::string_view body) { no_fields(body, "calendar feed"); },
    [](std::string_view body) { check(server::return_from_json(body)); },
    join_code,
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0)
    return 0;
  const auto& route = routes[data[0] % routes.size()];
  route(fuzz::text_of(data + 1, size - 1));
  return 0;
}
