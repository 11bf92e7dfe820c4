// SPDX-License-Identifier: EUPL-1.2
// The JSON bodies of the HTTP routes (docs/api.md, docs/protocol.md 2): the first byte picks a
// route, the rest is its body. Each decoder must refuse what it cannot read with a CodecError
// that names the problem, and never crash or read out of bounds.
// The account, return and join-code routes read their bodies inline (src/server/accounts,
// src/server/http); their readers are repeated here field for field, with the account rules the
// routes apply next (an e-mail address, a display name, a password's strength).
#include "core/account/account_rules.hpp"
#include "server/codec/group_request_json.hpp"
#include "server/codec/object_reader.hpp"
#include "server/codec/request_body.hpp"
#include "server/codec/session_request_json.hpp"
#include "support/fuzz_support.hpp"

#include <array>
#include <functional>

namespace {

using namespace intervisie;
using server::ObjectReader;
using server::Presence;
using server::Source;

// A decoder's answer: a value, or an error that says something.
template <class T> void check(const std::expected<T, server::CodecError>& decoded) {
  if (!decoded)
    fuzz::require(!decoded.error().message.empty(), "a refused body says why");
}

// As AccountApi reads a body: one object, then its fields (src/server/accounts/account_api.cpp).
void account_body(std::string_view body, std::string_view what,
                  const std::function<void(ObjectReader&)>& read) {
  auto object = server::body_object(body);
  if (!object)
    return;
  ObjectReader reader{*object, std::string(what), "", Source::client};
  read(reader);
  (void)reader.finish();
}

void sign_up(std::string_view body) {
  account_body(body, "new account", [](ObjectReader& reader) {
    const std::string email = reader.text("email");
    const std::string password = reader.text("password");
    const std::string name = reader.text("display_name");
    if (reader.failed())
      return;
    const auto normalized = core::account::normalized_email(email);
    (void)core::account::display_name(name);
    (void)core::account::check_password(password, normalized.value_or(email));
  });
}

void log_in(std::string_view body) {
  account_body(body, "login", [](ObjectReader& reader) {
    const std::string email = reader.text("email");
    (void)reader.text("password");
    (void)core::account::normalized_email(email);
  });
}

const std::array<std::function<void(std::string_view)>, 23> routes{
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
    [](std::string_view body) {
      if (auto none = server::no_fields_from_json(body, "leave"); !none)
        fuzz::require(!none.error().message.empty(), "a refused body says why");
    },
    [](std::string_view body) { check(server::new_session_from_json(body)); },
    [](std::string_view body) { check(server::join_from_json(body)); },
    [](std::string_view body) { check(server::join_token_from_json(body)); },
    [](std::string_view body) { check(server::coach_request_from_json(body)); },
    sign_up,
    log_in,
    [](std::string_view body) {
      account_body(body, "logout", [](ObjectReader& reader) {
        (void)reader.boolean("everywhere", Presence::optional);
      });
    },
    [](std::string_view body) {
      account_body(body, "account deletion",
                   [](ObjectReader& reader) { (void)reader.text("password"); });
    },
    [](std::string_view body) {
      account_body(body, "return", [](ObjectReader& reader) {
        (void)reader.text("join_token");
        (void)reader.id<core::ParticipantTag>("participant");
      });
    },
    [](std::string_view body) {
      account_body(body, "join code", [](ObjectReader& reader) { (void)reader.text("code"); });
    },
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0)
    return 0;
  const auto& route = routes[data[0] % routes.size()];
  route(fuzz::text_of(data + 1, size - 1));
  return 0;
}
