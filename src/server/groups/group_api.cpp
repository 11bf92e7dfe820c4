// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/group_api.hpp"

#include "server/live/created_session_json.hpp"

#include "core/report/presenter_record.hpp"
#include "server/auth/token.hpp"
#include "server/calendar/ics.hpp"
#include "server/codec/object_reader.hpp"
#include "server/codec/report_json.hpp"
#include "server/groups/case_sessions.hpp"
#include "server/groups/group_json.hpp"
#include "server/groups/meeting_calendar.hpp"
#include "server/http/json_body.hpp"
#include "server/http/security_headers.hpp"

#include <boost/asio/post.hpp>
#include <boost/json.hpp>
#include <sodium.h>

#include <future>

#include <spdlog/spdlog.h>

namespace intervisie::server {

namespace http = boost::beast::http;
namespace group = core::group;
namespace json = boost::json;
using Code = group::GroupRefusalCode;

struct GroupApi::Call {
  Request request;
  std::vector<std::string> segments;
  Respond respond;
  std::optional<Caller> caller;

  void answer(Response response) { respond(std::move(response)); }
  void answer_json(http::status status, const json::object& body) {
    answer(json_response(request, status, json::serialize(body)));
  }
  void error(http::status status, std::string_view code, std::string_view message) {
    answer(error_response(request, status, code, message));
  }
  bool is(http::verb verb, std::initializer_list<std::string_view> tail, std::size_t from) const {
    if (request.method() != verb || segments.size() != from + tail.size())
      return false;
    std::size_t i = from;
    for (std::string_view part : tail)
      if (segments[i++] != part)
        return false;
    return true;
  }
};

namespace {

std::int64_t millis(core::Instant instant) {
  return instant.time_since_epoch().count();
}

// Refusals about things a person cannot see are "not found"; about timing or someone else's
// state, conflicts; about who may do it, forbidden; the rest, a request that cannot be done as
// given.
http::status status_of(Code code) {
  switch (code) {
  case Code::no_group:
  case Code::not_member:
  case Code::meeting_unknown:
  case Code::case_unknown:
  case Code::invitation_unknown:
    return http::status::not_found;
  case Code::not_rescheduler:
  case Code::not_facilitator:
  case Code::not_scheduler_or_facilitator:
    return http::status::forbidden;
  case Code::group_full:
  case Code::group_exists:
  case Code::already_member:
  case Code::name_taken:
  case Code::invitation_used:
  case Code::invitation_expired:
  case Code::invitation_revoked:
  case Code::duplicate_invitation:
  case Code::duplicate_meeting:
  case Code::duplicate_case:
  case Code::meeting_started:
  case Code::meeting_called_off:
  case Code::already_signed_up:
  case Code::already_cancelled:
  case Code::not_cancelled:
  case Code::not_needing_new_date:
  case Code::awaiting_new_date:
  case Code::no_proposal:
  case Code::already_facilitator:
  case Code::not_meeting_time:
  case Code::presenter_already_recorded:
  case Code::follow_up_not_due:
  case Code::follow_up_already_recorded:
    return http::status::conflict;
  default:
    return http::status::unprocessable_entity;
  }
}

Response refusal_response(const Request& request, const group::GroupRefusal& refusal) {
  json::object body{{"code", group::to_string(refusal.code)},
                    {"message", group::message_en(refusal.code)},
                    {"message_nl", group::message_nl(refusal.code)}};
  if (!refusal.field.empty())
    body["field"] = refusal.field;
  return json_response(request, status_of(refusal.code), json::serialize(body));
}

Response failure_response(const Request& request, const GroupFailure& failure) {
  if (const auto* refusal = failure.refusal())
    return refusal_response(request, *refusal);
  return error_response(request, http::status::service_unavailable, "storage_failed",
                        "The change could not be stored; nothing was changed. Try again.");
}

Response calendar_response(const Request& request, std::string body, std::string_view filename) {
  Response response{http::status::ok, request.version()};
  response.set(http::field::content_type, "text/calendar; charset=utf-8");
  response.set(http::field::content_disposition,
               "attachment; filename=\"" + std::string{filename} + "\"");
  add_security_headers(response.base());
  response.keep_alive(request.keep_alive());
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}

Response storage_failed(const Request& request) {
  return error_response(request, http::status::service_unavailable, "storage_failed",
                        "The store cannot be reached now; nothing was changed. Try again.");
}

} // namespace

GroupApi::GroupApi(GroupRegistry& groups, SessionSeats& seats, store::GroupStore& store,
                   store::AccountStore& accounts, const Authenticator& authenticator,
                   SessionRegistry& sessions, const core::Catalogue& catalogue,
                   std::string public_url, Clock clock, boost::asio::any_io_executor blocking)
    : groups_{groups}, seats_{seats}, store_{store}, accounts_{accounts},
      authenticator_{authenticator}, sessions_{sessions}, catalogue_{catalogue},
      public_url_{std::move(public_url)}, clock_{std::move(clock)}, blocking_{std::move(blocking)} {
}

bool GroupApi::handle(Request& request, const std::vector<std::string>& segments,
                      const std::string&, Respond& respond) {
  if (segments.size() < 2 || segments[0] != "api")
    return false;
  const std::string& area = segments[1];
  if (area != "groups" && area != "meetings" && area != "invitations" && area != "calendar")
    return false;
  boost::asio::post(blocking_, [this, call = std::make_shared<Call>(
                                          Call{std::move(request), segments, std::move(respond),
                                               std::nullopt})] { route(*call); });
  return true;
}

void GroupApi::route(Call& call) {
  const auto& segments = call.segments;
  if (segments[1] == "calendar")
    return calendar_feed(call);
  if (segments[1] == "invitations" && segments.size() >= 3)
    return invitation_routes(call, segments[2]);

  auto caller = authenticator_.caller(call.request);
  if (!caller)
    return call.answer(std::move(caller.error()));
  call.caller = std::move(*caller);

  if (segments[1] == "groups" && call.is(http::verb::post, {}, 2)) {
    auto body = json_object_body(call.request);
    if (!body)
      return call.answer(std::move(body.error()));
    ObjectReader reader{*body, "new group", "", Source::client};
    group::cmd::CreateGroup command;
    command.name = reader.text("name");
    if (const json::array* own = reader.array("own_rules", Presence::optional))
      for (const json::value& rule : *own) {
        if (!rule.is_string()) {
          reader.fail(CodecErrorCode::wrong_type, "own_rules", "every rule must be a string");
          break;
        }
        command.own_rules.emplace_back(rule.get_string());
      }
    command.display_name = reader.text("display_name", Presence::optional);
    if (auto error = reader.finish())
      return call.answer(bad_body(call.request, *error));
    if (command.display_name.empty())
      command.display_name = call.caller->account.display_name;
    const std::string group_id = new_session_id();
    auto created = groups_.create(group_id, command, call.caller->account.id);
    if (!created)
      return call.answer(failure_response(call.request, created.error()));
    return call.answer_json(http::status::created,
                            group_view_for(group_id, call.caller->account.id));
  }
  if (segments[1] == "groups" && segments.size() >= 3)
    return group_routes(call, segments[2]);
  if (segments[1] == "meetings" && segments.size() >= 3)
    return meeting_routes(call, segments[2]);
  call.error(http::status::not_found, "not_found", "There is nothing here.");
}

void GroupApi::group_routes(Call& call, const std::string& group_id) {
  const std::string& me = call.caller->account.id;
  auto state = groups_.state(group_id);
  if (!state || !state->is_member(me))
    return call.error(http::status::not_found, "group_unknown",
                      "There is no group here that you are a member of.");
  auto done = [&](GroupRegistry::Result result, http::status status) {
    if (!result)
      return call.answer(failure_response(call.request, result.error()));
    call.answer_json(status, group_view_for(group_id, me));
  };

  if (call.is(http::verb::get, {}, 3)) {
    learn_presenters(group_id);
    return call.answer_json(http::status::ok, group_view_for(group_id, me));
  }
  if (call.is(http::verb::post, {"retention"}, 3)) {
    auto body = json_object_body(call.request);
    if (!body)
      return call.answer(std::move(body.error()));
    // null: back to the server's default (0 in the group's history).
    const json::value* given = body->if_contains("days");
    const bool server_default = given != nullptr && given->is_null();
    if (server_default)
      body->erase("days");
    ObjectReader reader{*body, "retention", "", Source::client};
    const auto days = server_default ? 0
                                     : reader.integer("days", group::min_retention_days,
                                                      group::max_retention_days);
    if (auto error = reader.finish())
      return call.answer(bad_body(call.request, *error));
    return done(groups_.execute(group_id, group::cmd::SetRetention{static_cast<int>(days)}, me),
                http::status::ok);
  }
  if (call.is(http::verb::post, {"invitations"}, 3)) {
    auto body = json_object_body(call.request);
    if (!body)
      return call.answer(std::move(body.error()));
    ObjectReader reader{*body, "invitation", "", Source::client};
    const auto days = reader.integer("expires_in_days", 1, 30, Presence::optional);
    if (auto error = reader.finish())
      return call.answer(bad_body(call.request, *error));
    const std::string token = new_token();
    const std::string invitation_id = new_session_id();
    std::optional<core::Instant> expires_at;
    if (days > 0)
      expires_at = clock_() + std::chrono::days{days};
    auto made =
        groups_.execute(group_id, group::cmd::CreateInvitation{invitation_id, expires_at}, me);
    if (!made)
      return call.answer(failure_response(call.request, made.error()));
    if (!store_.put_invitation_link(token_hash(token), {group_id, invitation_id}))
      return call.answer(storage_failed(call.request));
    const auto after = groups_.state(group_id);
    const group::Invitation* invitation = after->find_invitation(invitation_id);
    return call.answer_json(http::status::created,
                            json::object{{"invitation_id", invitation_id},
                                         {"token", token},
                                         {"url", public_url_ + "/uitnodiging/" + token},
                                         {"expires_at", millis(invitation->expires_at)}});
  }
  if (call.request.method() == http::verb::delete_ && call.segments.size() == 5 &&
      call.segments[3] == "invitations") {
    if (auto refused = fields_refused(call.request, "revocation"))
      return call.answer(std::move(*refused));
    return done(groups_.execute(group_id, group::cmd::RevokeInvitation{call.segments[4]}, me),
                http::status::ok);
  }
  if (call.is(http::verb::post, {"leave"}, 3)) {
    if (auto refused = fields_refused(call.request, "leave"))
      return call.answer(std::move(*refused));
    auto left = groups_.execute(group_id, group::cmd::Leave{}, me);
    if (!left)
      return call.answer(failure_response(call.request, left.error()));
    return call.answer_json(http::status::ok, json::object{{"left", group_id}});
  }
  if (call.is(http::verb::post, {"meetings"}, 3)) {
    auto body = json_object_body(call.request);
    if (!body)
      return call.answer(std::move(body.error()));
    ObjectReader reader{*body, "new meeting", "", Source::client};
    group::cmd::ScheduleMeeting command;
    command.meeting_id = new_session_id();
    command.starts_at =
        core::Instant{core::Duration{reader.integer("starts_at", 0, std::int64_t{1} << 50)}};
    command.minutes = static_cast<int>(reader.integer("minutes", 1, 24 * 60));
    command.place = reader.text("place", Presence::optional);
    command.video_link = reader.text("video_link", Presence::optional);
    if (auto error = reader.finish())
      return call.answer(bad_body(call.request, *error));
    auto scheduled = groups_.execute(group_id, command, me);
    if (!scheduled)
      return call.answer(failure_response(call.request, scheduled.error()));
    return call.answer_json(http::status::created,
                            meeting_view_for(group_id, command.meeting_id, me));
  }
  if (call.is(http::verb::get, {"cases"}, 3) || call.segments.size() == 6) {
    if (call.is(http::verb::get, {"cases", call.segments[4], "report"}, 3))
      return case_report(call, group_id, call.segments[4]);
    if (call.is(http::verb::delete_, {"cases", call.segments[4], "content"}, 3))
      return forget_case(call, group_id, call.segments[4]);
  }
  call.error(http::status::not_found, "not_found", "There is nothing here.");
}

void GroupApi::meeting_routes(Call& call, const std::string& meeting_id) {
  const std::string& me = call.caller->account.id;
  const auto group_id = groups_.group_of_meeting(meeting_id);
  auto state = group_id ? groups_.state(*group_id) : std::nullopt;
  if (!state || !state->is_member(me) || !state->find_meeting(meeting_id))
    return call.error(http::status::not_found, "meeting_unknown",
                      "There is no meeting here in a group of yours.");
  auto view = [&] { return meeting_view_for(*group_id, meeting_id, me); };
  auto done = [&](GroupRegistry::Result result) {
    if (!result)
      return call.answer(failure_response(call.request, result.error()));
    call.answer_json(http::status::ok, view());
  };
  auto body = [&]() -> std::optional<json::object> {
    auto parsed = json_object_body(call.request);
    if (!parsed) {
      call.answer(std::move(parsed.error()));
      return std::nullopt;
    }
    return std::move(*parsed);
  };

  if (call.is(http::verb::get, {}, 3)) {
    learn_presenters(*group_id);
    return call.answer_json(http::status::ok, view());
  }
  if (call.is(http::verb::get, {"calendar.ics"}, 3)) {
    const auto* meeting = state->find_meeting(meeting_id);
    return call.answer(calendar_response(
        call.request,
        calendar::meeting_ics(
            meeting_event(*state, *meeting, public_url_ + "/bijeenkomst/" + meeting_id, clock_())),
        "intervisie-bijeenkomst.ics"));
  }
  if (call.request.method() != http::verb::post || call.segments.size() < 4)
    return call.error(http::status::not_found, "not_found", "There is nothing here.");
  const std::string& action = call.segments[3];
  // These routes take no fields: a body with any is refused before anything happens.
  if (action == "signup" || action == "call-off" ||
      (action == "cases" && call.segments.size() == 6))
    if (auto refused = fields_refused(call.request, action))
      return call.answer(std::move(*refused));

  if (call.segments.size() == 4 && action == "signup") {
    // Signing up again after cancelling is withdrawing the cancellation: the rules differ.
    if (state->find_meeting(meeting_id)->has_cancelled(me))
      return done(groups_.execute(*group_id, group::cmd::WithdrawCancellation{meeting_id}, me));
    return done(groups_.execute(*group_id, group::cmd::SignUp{meeting_id}, me));
  }
  if (call.segments.size() == 4 && action == "call-off")
    return done(groups_.execute(*group_id, group::cmd::CallOff{meeting_id}, me));
  if (call.segments.size() == 4 && action == "cases")
    return start_case(call, *group_id, meeting_id);
  if (call.segments.size() == 6 && action == "cases" && call.segments[5] == "participants")
    return join_case(call, *group_id, meeting_id, call.segments[4]);
  if (call.segments.size() != 4)
    return call.error(http::status::not_found, "not_found", "There is nothing here.");

  auto object = body();
  if (!object)
    return;
  ObjectReader reader{*object, action, "", Source::client};
  group::GroupCommand command;
  if (action == "cancel") {
    command = group::cmd::Cancel{meeting_id, reader.text("reason", Presence::optional)};
  } else if (action == "proposals") {
    group::cmd::ProposeDates propose{meeting_id, {}};
    if (const json::array* dates = reader.array("dates"))
      for (const json::value& date : *dates) {
        if (!date.is_int64()) {
          reader.fail(CodecErrorCode::wrong_type, "dates",
                      "every date must be an integer (milliseconds since 1970, UTC)");
          break;
        }
        propose.dates.push_back(core::Instant{core::Duration{date.get_int64()}});
      }
    command = std::move(propose);
  } else if (action == "answers") {
    group::cmd::AnswerDates answer{meeting_id, {}};
    if (const json::array* suits = reader.array("suits"))
      for (const json::value& suit : *suits) {
        if (!suit.is_bool()) {
          reader.fail(CodecErrorCode::wrong_type, "suits", "every answer must be true or false");
          break;
        }
        answer.suits.push_back(suit.get_bool());
      }
    command = std::move(answer);
  } else if (action == "choice") {
    command = group::cmd::ChooseDate{meeting_id,
                                     static_cast<std::size_t>(reader.integer("index", 0, 100))};
  } else if (action == "facilitator") {
    command = group::cmd::SetFacilitator{meeting_id, reader.text("member")};
  } else if (action == "follow-ups") {
    command = group::cmd::RecordFollowUp{meeting_id, reader.text("session_id"),
                                         reader.text("note", Presence::optional)};
  } else {
    return call.error(http::status::not_found, "not_found", "There is nothing here.");
  }
  if (auto error = reader.finish())
    return call.answer(bad_body(call.request, *error));
  done(groups_.execute(*group_id, command, me));
}

void GroupApi::invitation_routes(Call& call, const std::string& token) {
  auto link = store_.invitation_link(token_hash(token));
  if (!link)
    return call.answer(storage_failed(call.request));
  auto state = *link ? groups_.state((*link)->group_id) : std::nullopt;
  const group::Invitation* invitation =
      state ? state->find_invitation((*link)->invitation_id) : nullptr;
  if (!invitation)
    return call.answer(refusal_response(call.request, {Code::invitation_unknown}));

  if (call.is(http::verb::get, {}, 3)) {
    switch (invitation->status(clock_())) {
    case group::InvitationStatus::used:
      return call.answer(refusal_response(call.request, {Code::invitation_used}));
    case group::InvitationStatus::revoked:
      return call.answer(refusal_response(call.request, {Code::invitation_revoked}));
    case group::InvitationStatus::expired:
      return call.answer(refusal_response(call.request, {Code::invitation_expired}));
    case group::InvitationStatus::open:
      break;
    }
    json::object view = group_view((*link)->group_id, *state, "", clock_(), {});
    // Before joining, the invitee sees what they would join, not who is in it or what happened.
    json::object preview{{"group", json::object{{"name", state->name},
                                                {"member_count", state->members.size()},
                                                {"max_members", view["max_members"]},
                                                {"notice", view["notice"]}}},
                         {"invited_by", state->display_name(invitation->invited_by).value_or("")},
                         {"expires_at", millis(invitation->expires_at)},
                         {"ground_rules", view["ground_rules"]},
                         {"conditions", view["conditions"]}};
    return call.answer_json(http::status::ok, preview);
  }
  if (!call.is(http::verb::post, {"accept"}, 3))
    return call.error(http::status::not_found, "not_found", "There is nothing here.");
  auto caller = authenticator_.caller(call.request);
  if (!caller)
    return call.answer(std::move(caller.error()));
  auto body = json_object_body(call.request);
  if (!body)
    return call.answer(std::move(body.error()));
  ObjectReader reader{*body, "acceptance", "", Source::client};
  group::cmd::AcceptInvitation accept{(*link)->invitation_id,
                                      reader.text("display_name", Presence::optional),
                                      reader.boolean("accept_ground_rules")};
  if (auto error = reader.finish())
    return call.answer(bad_body(call.request, *error));
  if (accept.display_name.empty())
    accept.display_name = caller->account.display_name;
  auto joined = groups_.execute((*link)->group_id, accept, caller->account.id);
  if (!joined)
    return call.answer(failure_response(call.request, joined.error()));
  call.answer_json(http::status::ok, group_view_for((*link)->group_id, caller->account.id));
}

std::string GroupApi::feed_key(const store::Account& account) {
  {
    std::lock_guard lock{feed_secret_mutex_};
    if (feed_secret_.empty()) {
      auto secret = accounts_.server_key("calendar_feed", new_token());
      if (!secret)
        return {};
      feed_secret_ = std::move(*secret);
    }
  }
  const std::string message = account.id + ":" + std::to_string(account.feed_generation);
  std::array<unsigned char, 16> mac{};
  crypto_generichash(mac.data(), mac.size(), reinterpret_cast<const unsigned char*>(message.data()),
                     message.size(), reinterpret_cast<const unsigned char*>(feed_secret_.data()),
                     std::min<std::size_t>(feed_secret_.size(), crypto_generichash_KEYBYTES_MAX));
  std::string hex(mac.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  hex.pop_back();
  return hex;
}

void GroupApi::calendar_feed(Call& call) {
  // /api/calendar/{account}/{key}.ics
  const auto& segments = call.segments;
  auto not_found = [&] {
    call.error(http::status::not_found, "feed_unknown", "This calendar link is not valid.");
  };
  if (call.request.method() != http::verb::get || segments.size() != 4 ||
      !segments[3].ends_with(".ics"))
    return not_found();
  auto account = accounts_.account(segments[2]);
  if (!account)
    return call.answer(storage_failed(call.request));
  const std::string given = segments[3].substr(0, segments[3].size() - 4);
  const std::string expected = *account ? feed_key(**account) : feed_key(store::Account{});
  if (!*account || expected.empty() || !same_secret(given, expected))
    return not_found();
  std::vector<calendar::CalendarEvent> events;
  for (const std::string& group_id : groups_.groups_of((*account)->id)) {
    auto state = groups_.state(group_id);
    for (const group::Meeting& meeting : state->meetings)
      events.push_back(
          meeting_event(*state, meeting, public_url_ + "/bijeenkomst/" + meeting.id, clock_()));
  }
  call.answer(calendar_response(call.request, calendar::calendar_feed("Intervisie", events),
                                "intervisie.ics"));
}

void GroupApi::start_case(Call& call, const std::string& group_id, const std::string& meeting_id) {
  const std::string me = call.caller->account.id;
  auto body = json_object_body(call.request);
  if (!body)
    return call.answer(std::move(body.error()));
  ObjectReader reader{*body, "new case", "", Source::client};
  const std::string method = reader.text("method");
  std::string title = reader.text("title", Presence::optional);
  const bool takes_turns = reader.boolean("facilitator_takes_turns", Presence::optional) ||
                           !body->contains("facilitator_takes_turns");
  if (auto error = reader.finish())
    return call.answer(bad_body(call.request, *error));
  if (catalogue_.find(method) == nullptr)
    return call.error(http::status::unprocessable_entity, "unknown_method",
                      "There is no method " + method + ".");
  // Ask the group first, so no live session is made for a case the rules do not allow.
  if (auto allowed =
          groups_.check(group_id, group::cmd::StartCase{meeting_id, "check", method}, me);
      !allowed)
    return call.answer(refusal_response(call.request, allowed.error()));
  auto state = groups_.state(group_id);
  if (title.empty())
    title = state->name;
  const std::string name = state->find_member(me)->display_name;
  auto shared = std::make_shared<Call>(std::move(call));
  sessions_.create(
      NewSessionRequest{method, title, name, takes_turns},
      [this, shared, group_id, meeting_id, method,
       me](std::expected<CreatedSession, AdmissionError> created) {
        boost::asio::post(blocking_, [this, shared, group_id, meeting_id, method, me,
                                      created = std::move(created)] {
          Call& pending = *shared;
          if (!created)
            return pending.error(http::status::service_unavailable, to_string(created.error()),
                                 message_en(created.error()));
          auto started = groups_.execute(
              group_id, group::cmd::StartCase{meeting_id, created->session_id, method}, me);
          if (!started)
            return pending.answer(failure_response(pending.request, started.error()));
          if (!seats_.record({created->session_id, created->facilitator.value, me}))
            return pending.answer(storage_failed(pending.request));
          pending.answer_json(http::status::created, created_session_json(*created, public_url_));
        });
      });
}

void GroupApi::join_case(Call& call, const std::string& group_id, const std::string& meeting_id,
                         const std::string& session_id) {
  const std::string me = call.caller->account.id;
  auto state = groups_.state(group_id);
  const group::Case* treated = state->find_case(session_id);
  auto live = treated && treated->meeting == meeting_id ? sessions_.find(session_id) : nullptr;
  if (!live)
    return call.answer(refusal_response(call.request, {Code::case_unknown}));
  const std::string name = state->find_member(me)->display_name;
  auto shared = std::make_shared<Call>(std::move(call));
  auto seated = [this, shared, session_id, me](std::expected<Admission, AdmissionError> admission) {
    boost::asio::post(blocking_, [this, shared, session_id, me, admission = std::move(admission)] {
      Call& pending = *shared;
      if (!admission)
        return pending.error(http::status::conflict, to_string(admission.error()),
                             message_en(admission.error()));
      if (!seats_.record({session_id, admission->participant.value, me}))
        return pending.answer(storage_failed(pending.request));
      pending.answer_json(http::status::created,
                          json::object{{"session_id", session_id},
                                       {"participant_id", admission->participant.value},
                                       {"token", admission->token},
                                       {"live_url", "/api/sessions/" + session_id + "/live"}});
    });
  };
  // Coming back needs no one to vouch: the account is the proof (a proven return).
  auto returned = [seated](std::expected<ReturnTicket, AdmissionError> ticket) {
    if (!ticket)
      return seated(std::unexpected(ticket.error()));
    seated(Admission{ticket->participant, ticket->token});
  };
  // A member who already has a seat in this session takes it back, on this device, at once.
  if (const auto place = seats_.place_of(session_id, me))
    return live->request_return(core::ParticipantId{*place}, true, returned);
  // A member whom the facilitator added by name (no device) takes over that place likewise.
  live->admit(name,
              [live, name, seated, returned](std::expected<Admission, AdmissionError> admission) {
                if (!admission && admission.error().is(core::RefusalCode::place_without_device))
                  return live->claim_place(name, true, returned);
                seated(std::move(admission));
              });
}

std::optional<std::uint32_t> GroupApi::presenters_place(Call& call, const std::string& group_id,
                                                        const std::string& session_id,
                                                        std::string_view not_presenter) {
  const std::string& me = call.caller->account.id;
  learn_presenters(group_id);
  auto state = groups_.state(group_id);
  const group::Case* treated = state->find_case(session_id);
  if (!treated) {
    call.answer(refusal_response(call.request, {Code::case_unknown}));
    return std::nullopt;
  }
  const auto place = seats_.place_of(session_id, me);
  if (!treated->presenter || *treated->presenter != me || !place) {
    call.error(http::status::forbidden, "not_presenter", std::string{not_presenter});
    return std::nullopt;
  }
  return place;
}

void GroupApi::case_report(Call& call, const std::string& group_id, const std::string& session_id) {
  const auto place = presenters_place(call, group_id, session_id,
                                      "Only the member who brought in a case reads what was said.");
  if (!place)
    return;
  if (sessions_.erased(session_id))
    return call.error(http::status::gone, "case_erased",
                      "The content of this case has been erased; the facts stay in the history.");
  auto live = sessions_.find(session_id);
  if (!live)
    return call.answer(refusal_response(call.request, {Code::case_unknown}));
  auto promise = std::make_shared<std::promise<Response>>();
  auto future = promise->get_future();
  // A copy of the head: the callback may outlive this call when the session is slow to answer.
  Request request{call.request.method(), call.request.target(), call.request.version()};
  request.keep_alive(call.request.keep_alive());
  const auto language =
      request.target().find("lang=en") != std::string_view::npos ? Language::en : Language::nl;
  live->read_state([promise, request, participant = core::ParticipantId{*place}, language,
                    retention = retention_, session_id](const core::SessionState& session) {
    auto record = core::presenter_record(session, participant);
    if (!record)
      return promise->set_value(error_response(request, http::status::conflict,
                                               "session_not_finished",
                                               "The record is ready when the session has ended."));
    std::optional<std::int64_t> kept_until;
    if (retention && record->finished_at)
      kept_until =
          retention->kept_until_ms(session_id, record->finished_at->time_since_epoch().count());
    promise->set_value(json_response(
        request, http::status::ok, json::serialize(record_to_json(*record, language, kept_until))));
  });
  if (future.wait_for(std::chrono::seconds{5}) != std::future_status::ready)
    return call.error(http::status::service_unavailable, "busy", "The session did not answer.");
  call.answer(future.get());
}

void GroupApi::forget_case(Call& call, const std::string& group_id, const std::string& session_id) {
  const auto place = presenters_place(call, group_id, session_id,
                                      "Only the member who brought in a case can erase it.");
  if (!place)
    return;
  if (sessions_.erased(session_id))
    return call.answer_json(http::status::ok, json::object{{"erased", true}});
  auto live = sessions_.find(session_id);
  if (!live)
    return call.answer(refusal_response(call.request, {Code::case_unknown}));
  auto finished = std::make_shared<std::promise<bool>>();
  auto answer = finished->get_future();
  live->read_state(
      [finished, participant = core::ParticipantId{*place}](const core::SessionState& session) {
        finished->set_value(core::presenter_record(session, participant).has_value());
      });
  if (answer.wait_for(std::chrono::seconds{5}) != std::future_status::ready)
    return call.error(http::status::service_unavailable, "busy", "The session did not answer.");
  if (!answer.get())
    return call.error(http::status::conflict, "session_not_finished",
                      "A case can be erased once the session has ended.");
  const auto now =
      std::chrono::duration_cast<std::chrono::milliseconds>(clock_().time_since_epoch()).count();
  if (auto erased = sessions_.erase(session_id, now); !erased) {
    spdlog::error("{}", erased.error());
    return call.error(http::status::internal_server_error, "storage_failed",
                      "The server could not erase this case; try again.");
  }
  call.answer_json(http::status::ok, json::object{{"erased", true}});
}

void GroupApi::add_erasure_facts(json::object& view, const group::GroupState& state,
                                 bool group_itself) const {
  if (auto* cases = view.if_contains("cases"); cases && cases->is_array())
    for (json::value& seen : cases->get_array())
      if (auto* one = seen.if_object())
        if (const auto* id = one->if_contains("session_id"); id && id->is_string())
          (*one)["erased"] = sessions_.erased(std::string{id->get_string()});
  if (group_itself) {
    view["retention_days"] =
        state.retention_days.value_or(retention_ ? retention_->server_days() : 30);
    view["retention_is_default"] = !state.retention_days.has_value();
  }
}

void GroupApi::learn_presenters(const std::string& group_id) {
  auto state = groups_.state(group_id);
  if (!state)
    return;
  for (const group::Case& treated : state->cases) {
    if (treated.presenter)
      continue;
    auto live = sessions_.find(treated.session);
    if (!live)
      continue;
    const auto read = read_case_session(*live);
    if (!read || !read->presenter)
      continue;
    if (auto account = seats_.account_at(treated.session, read->presenter->value))
      // A refusal (the member left meanwhile) only means it stays unknown.
      (void)groups_.execute(group_id, group::cmd::RecordPresenter{treated.session, *account},
                            treated.facilitator);
  }
}

json::object GroupApi::group_view_for(const std::string& group_id, const std::string& viewer) {
  const auto state = groups_.state(group_id);
  const core::Instant now = clock_();
  json::object view =
      group_view(group_id, *state, viewer, now, live_case_sessions(sessions_, *state, now));
  add_erasure_facts(view, *state, true);
  return view;
}

json::object GroupApi::meeting_view_for(const std::string& group_id, const std::string& meeting_id,
                                        const std::string& viewer) {
  const auto state = groups_.state(group_id);
  const core::Instant now = clock_();
  json::object view = meeting_view(group_id, *state, *state->find_meeting(meeting_id), viewer, now,
                                   live_case_sessions(sessions_, *state, now));
  add_erasure_facts(view, *state, false);
  return view;
}

json::object GroupApi::about(const store::Account& account) {
  json::array groups;
  for (const std::string& id : groups_.groups_of(account.id))
    groups.push_back(group_summary(id, *groups_.state(id)));
  return json::object{{"groups", std::move(groups)},
                      {"calendar_feed_url", calendar_feed_url(account)}};
}

std::string GroupApi::calendar_feed_url(const store::Account& account) {
  return public_url_ + "/api/calendar/" + account.id + "/" + feed_key(account) + ".ics";
}

json::object GroupApi::exported(const store::Account& account) {
  json::array groups;
  for (const std::string& id : groups_.groups_of(account.id))
    groups.push_back(member_export(id, *groups_.state(id), account.id));
  return json::object{{"groups", std::move(groups)}};
}

std::expected<void, std::string> GroupApi::erase(const store::Account& account) {
  if (auto erased = groups_.erase(account.id); !erased)
    return erased;
  // Its places in live sessions end with it: its tokens answer 401 from now on. A case it
  // presented is its own story: it is erased whole, as "Vergeet deze casus" would.
  const auto now =
      std::chrono::duration_cast<std::chrono::milliseconds>(clock_().time_since_epoch()).count();
  for (const auto& [session_id, participant] : seats_.places_of(account.id)) {
    const auto live = sessions_.find(session_id);
    if (!live)
      continue;
    const auto read = read_case_session(*live);
    if (read && read->presenter && read->presenter->value == participant) {
      if (auto erased = sessions_.erase(session_id, now); !erased)
        return erased;
    } else {
      if (auto ended = live->end_place(core::ParticipantId{participant}); !ended)
        return std::unexpected(ended.error());
      // Their words go too, and their name: in the others' cases they become "oud-lid".
      if (auto erased = sessions_.erase_participant(session_id, core::ParticipantId{participant});
          !erased)
        return erased;
    }
  }
  if (auto forgotten = seats_.forget(account.id); !forgotten)
    return std::unexpected(forgotten.error().message);
  return {};
}

} // namespace intervisie::server
