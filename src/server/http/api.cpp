// SPDX-License-Identifier: EUPL-1.2
#include "server/http/api.hpp"

#include "server/live/created_session_json.hpp"

#include "core/report/presenter_record.hpp"
#include "core/session/session_text.hpp"
#include "server/auth/token.hpp"
#include "server/codec/coach_json.hpp"
#include "server/codec/method_json.hpp"
#include "server/codec/report_json.hpp"
#include "server/codec/session_request_json.hpp"
#include "server/codec/wire_names.hpp"
#include "server/http/json_body.hpp"
#include "server/http/origin.hpp"
#include "server/http/qr_svg.hpp"
#include "server/http/query_params.hpp"
#include "server/http/return_api.hpp"
#include "server/http/security_headers.hpp"
#include "server/http/session_access.hpp"

#include <boost/json.hpp>
#include <boost/url/parse.hpp>

namespace intervisie::server {
namespace {

namespace http = boost::beast::http;

// A name already in the session may be that person's own, from a phone that died: the answer
// says how to come back rather than to pick another name.
std::string_view join_refusal_message(const AdmissionError& error) {
  if (error.is(core::RefusalCode::name_taken))
    return "That name is already taken in this session. Is it you, on another device? Then ask "
           "to come back to your place (POST /api/sessions/{id}/returns); otherwise pick "
           "another name.";
  if (error.is(core::RefusalCode::place_without_device))
    return "Someone with this name takes part without a device. Is that you? Then ask to come "
           "back to your place: send this again with \"claim\":true.";
  return message_en(error);
}

} // namespace

Api::Api(SessionRegistry& registry, const core::Catalogue& catalogue, ApiConfig config,
         LiveSession::Clock clock, const StaticSite& site, const core::coach::Coach* coach)
    : registry_(registry), catalogue_json_(boost::json::serialize(to_json(catalogue))),
      config_(std::move(config)), clock_(std::move(clock)),
      session_creation_(config_.sessions_per_minute), site_(site), coach_(coach),
      coach_checks_(config_.coach_checks_per_minute) {}

void Api::handle(Request request, const std::string& client_address, Respond respond) {
  const auto url = boost::urls::parse_origin_form(request.target());
  if (!url) {
    respond(error_response(request, http::status::bad_request, "bad_target",
                           "The request target cannot be read."));
    return;
  }
  std::vector<std::string> segments;
  for (const auto& segment : url->segments())
    segments.push_back(segment);
  const auto method = request.method();
  for (Routes* routes : more_routes_)
    if (routes->handle(request, segments, client_address, respond))
      return;

  if (segments == std::vector<std::string>{"healthz"} && method == http::verb::get)
    return respond(json_response(request, http::status::ok, R"({"status":"ok"})"));
  if (segments == std::vector<std::string>{"api", "methods"} && method == http::verb::get)
    return respond(json_response(request, http::status::ok, catalogue_json_));
  if (segments == std::vector<std::string>{"api", "sessions"} && method == http::verb::post)
    return create_session(request, client_address, std::move(respond));
  if (segments.size() == 4 && segments[0] == "api" && segments[1] == "sessions" &&
      segments[3] == "participants" && method == http::verb::post)
    return join_session(request, segments[2], std::move(respond));
  if (segments.size() == 4 && segments[0] == "api" && segments[1] == "sessions" &&
      segments[3] == "invitation" && method == http::verb::post)
    return invitation(request, segments[2], std::move(respond));
  if (segments.size() == 4 && segments[0] == "api" && segments[1] == "sessions" &&
      segments[3] == "live")
    return respond(error_response(request, http::status::upgrade_required, "upgrade_required",
                                  "The live connection is a WebSocket."));
  if (segments.size() == 4 && segments[0] == "api" && segments[1] == "sessions" &&
      segments[3] == "report" && method == http::verb::get)
    return report(request, segments[2], std::move(respond));
  if (segments == std::vector<std::string>{"api", "qr.svg"} && method == http::verb::get)
    return respond(qr_code(request));
  if (segments == std::vector<std::string>{"api", "coach"} && method == http::verb::post)
    return respond(coach(request, client_address));
  const bool api = !segments.empty() && segments[0] == "api";
  if (!api && (method == http::verb::get || method == http::verb::head))
    return respond(page(request, url->path()));
  respond(error_response(request, http::status::not_found, "not_found", "There is nothing here."));
}

void Api::create_session(const Request& request, const std::string& client_address,
                         Respond respond) {
  if (!session_creation_.allow(client_address, clock_()))
    return respond(error_response(request, http::status::too_many_requests, "rate_limited",
                                  "Too many new sessions from this address; wait a minute."));
  auto body = new_session_from_json(request.body());
  if (!body)
    return respond(bad_body(request, body.error()));
  registry_.create(
      NewSessionRequest{std::move(body->method), std::move(body->title),
                        std::move(body->facilitator_name), body->facilitator_takes_turns},
      [head = head_of(request), public_url = config_.public_url,
       respond = std::move(respond)](std::expected<CreatedSession, AdmissionError> created) {
        if (!created)
          return respond(error_response(head, created.error()));
        respond(json_response(head, http::status::created,
                              boost::json::serialize(created_session_json(*created, public_url))));
      });
}

void Api::join_session(const Request& request, const std::string& session_id, Respond respond) {
  auto body = join_from_json(request.body());
  if (!body)
    return respond(bad_body(request, body.error()));
  registry_.find(
      session_id, [this, head = head_of(request), session_id, body = std::move(*body),
                   respond = std::move(respond)](const std::shared_ptr<LiveSession>& live) mutable {
        // An unknown session and a wrong token look alike, down to the work done to check them.
        if (!admitted(live.get(), body.join_token))
          return respond(unauthorized(head));
        // A group's case: a member's name, and the place that goes with it, are theirs; they come
        // in by logging in, so an outsider with the link can neither take nor block it.
        if (case_members_ != nullptr && case_members_->is_members_name(session_id, body.name))
          return respond(error_response(
              head, http::status::conflict, "member_name",
              "This name belongs to a member of the group: log in to take your own place."));
        // "That's me": a request to come back to the place without a device under this name, which
        // someone in the group admits; typing a name alone no longer takes anyone's place.
        if (body.claim)
          return live->claim_place(std::move(body.name), false,
                                   [head, respond = std::move(respond)](
                                       std::expected<ReturnTicket, AdmissionError> ticket) {
                                     if (!ticket)
                                       return respond(error_response(head, ticket.error()));
                                     respond(waiting_ticket(head, *ticket));
                                   });
        live->admit(std::move(body.name), [head, respond = std::move(respond)](auto admission) {
          if (!admission)
            return respond(
                error_response(head, admission.error(), join_refusal_message(admission.error())));
          respond(json_response(
              head, http::status::created,
              boost::json::serialize(boost::json::object{
                  {"participant_id", admission->participant.value}, {"token", admission->token}})));
        });
      });
}

// What the join page shows before anyone joins: the meeting's name, who invited, and who is in
// already (so that someone coming back on another device can find their own name).
void Api::invitation(const Request& request, const std::string& session_id, Respond respond) {
  auto join_token = join_token_from_json(request.body());
  if (!join_token)
    return respond(bad_body(request, join_token.error()));
  registry_.find(session_id,
                 [head = head_of(request), join_token = std::move(*join_token),
                  respond = std::move(respond)](const std::shared_ptr<LiveSession>& live) mutable {
                   if (!admitted(live.get(), join_token))
                     return respond(unauthorized(head));
                   answer_invitation(*live, head, std::move(respond));
                 });
}

void Api::answer_invitation(LiveSession& live, const Request& head, Respond respond) {
  live.read_with_presence([head, respond = std::move(respond)](
                              const core::SessionState& state,
                              const std::vector<core::ParticipantId>& present) {
    boost::json::array people;
    for (const core::Participant& p : state.participants)
      people.push_back(
          boost::json::object{{"id", p.id.value},
                              {"name", p.name},
                              {"device", p.has_device},
                              {"connected", std::ranges::find(present, p.id) != present.end()}});
    const core::Participant* facilitator = state.find_participant(state.facilitator);
    boost::json::object method;
    if (state.method)
      method = boost::json::object{{"id", state.method->id},
                                   {"name", boost::json::object{{"nl", state.method->name.nl},
                                                                {"en", state.method->name.en}}}};
    respond(json_response(head, http::status::ok,
                          boost::json::serialize(boost::json::object{
                              {"title", state.title},
                              {"method", std::move(method)},
                              {"invited_by", facilitator ? facilitator->name : std::string()},
                              {"phase", wire_name(state.phase)},
                              {"full", state.participants.size() >= core::max_participants},
                              {"participants", std::move(people)}})));
  });
}

// The presenter's record, for the presenter only, once the session is over. The token comes in
// the Authorization header: a URL with a secret in it ends up in histories and logs.
void Api::report(const Request& request, const std::string& session_id, Respond respond) {
  if (registry_.erased(session_id))
    return respond(error_response(request, http::status::gone, "case_erased",
                                  "The content of this session has been erased."));
  const auto url = boost::urls::parse_origin_form(request.target());
  const Language language = url ? report_language(url->params()) : Language::nl;
  registry_.find(session_id,
                 [this, head = head_of(request), token = std::string(bearer_token(request)),
                  language, session_id,
                  respond = std::move(respond)](const std::shared_ptr<LiveSession>& live) mutable {
                   const auto reader = participant_of(live.get(), token);
                   if (!reader)
                     return respond(unauthorized(head));
                   answer_report(*live, head, *reader, language, std::move(respond));
                 });
}

void Api::answer_report(LiveSession& live, const Request& head, core::ParticipantId reader,
                        Language language, Respond respond) {
  live.read_state([head, reader, language, retention = retention_, session_id = live.id(),
                   respond = std::move(respond)](const core::SessionState& state) {
    auto record = core::presenter_record(state, reader);
    if (!record)
      return respond(record.error() == core::RecordRefusal::not_presenter
                         ? error_response(head, http::status::forbidden, "not_presenter",
                                          "Only the presenter can open this record.")
                         : error_response(head, http::status::conflict, "session_not_finished",
                                          "The record is ready when the session has ended."));
    respond(
        json_response(head, http::status::ok,
                      boost::json::serialize(record_to_json(
                          *record, language,
                          retention && record->finished_at
                              ? std::optional{retention->kept_until_ms(
                                    session_id, record->finished_at->time_since_epoch().count())}
                              : std::nullopt))));
  });
}

// The wording coach for a text being typed. Nothing is stored: the text is checked and
// forgotten, so a hint never leaves a trace of a half-written question.
Response Api::coach(const Request& request, const std::string& client_address) {
  if (coach_ == nullptr)
    return error_response(request, http::status::service_unavailable, "coach_unavailable",
                          "The wording coach is not available on this server.");
  if (!coach_checks_.allow(client_address, clock_()))
    return error_response(request, http::status::too_many_requests, "rate_limited",
                          "Too many checks from this address; wait a moment.");
  auto body = coach_request_from_json(request.body());
  if (!body)
    return bad_body(request, body.error());
  core::coach::CoachOptions options;
  if (body->open_questions)
    options.judge_question_form = *body->open_questions;
  // The same limits as any text in a session: well-formed UTF-8, at most max_text_chars.
  if (auto checked = core::session_text(body->text); !checked)
    return error_response(request, http::status::unprocessable_entity,
                          core::to_string(checked.error().code),
                          core::message_en(checked.error().code));
  return json_response(
      request, http::status::ok,
      boost::json::serialize(to_json(coach_->check(body->kind, body->text, options), body->text)));
}

Response Api::qr_code(const Request& request) const {
  const auto url = boost::urls::parse_origin_form(request.target());
  auto svg = qr_svg(url ? qr_text(url->params()) : std::string());
  if (!svg)
    return error_response(request, http::status::bad_request, "bad_qr_text", svg.error());
  Response response{http::status::ok, request.version()};
  response.set(http::field::content_type, "image/svg+xml");
  add_security_headers(response.base());
  response.keep_alive(request.keep_alive());
  response.body() = std::move(*svg);
  response.prepare_payload();
  return response;
}

Response Api::page(const Request& request, std::string_view path) const {
  const StaticSite::File* file = site_.find(path);
  if (!file) {
    if (site_.empty())
      return error_response(request, http::status::not_found, "no_web_app",
                            "This server runs without its web app (see --web-dir).");
    return error_response(request, http::status::not_found, "not_found", "There is nothing here.");
  }
  Response response{http::status::ok, request.version()};
  response.set(http::field::content_type, file->type);
  add_security_headers(response.base());
  // Hashed assets never change; the page itself is checked each time so a new build shows.
  response.set(http::field::cache_control,
               file->immutable ? "public, max-age=31536000, immutable" : "no-cache");
  bool gzip = false;
  if (!file->gzipped.empty()) {
    response.set(http::field::vary, "Accept-Encoding");
    const auto accepted = request.find(http::field::accept_encoding);
    gzip = accepted != request.end() && accepted->value().find("gzip") != std::string_view::npos;
  }
  if (gzip)
    response.set(http::field::content_encoding, "gzip");
  response.keep_alive(request.keep_alive());
  const std::string& body = gzip ? file->gzipped : file->content;
  if (request.method() == http::verb::head) {
    response.content_length(body.size());
  } else {
    response.body() = body;
    response.prepare_payload();
  }
  return response;
}

bool Api::origin_allowed(const Request& request) const {
  return server::origin_allowed(request, config_.public_url, config_.allowed_origins,
                                /*host_may_vouch=*/true);
}

void Api::authorize_live(const Request& request, Authorized done) {
  auto target = live_target(request);
  if (!target)
    return done(std::unexpected(std::move(target.error())));
  const std::string session_id = target->session_id; // before the lambda takes `target`
  registry_.find(session_id, [head = head_of(request), target = std::move(*target),
                              done = std::move(done)](std::shared_ptr<LiveSession> live) mutable {
    const auto seat = live ? live->seat_of(target.token) : std::nullopt;
    if (!seat) {
      if (!live)
        check_against_nothing(target.token);
      return done(std::unexpected(unauthorized(head)));
    }
    done(LiveTarget{std::move(live), *seat, target.subscription});
  });
}

std::expected<Api::AskedLiveTarget, Response> Api::live_target(const Request& request) const {
  if (!origin_allowed(request))
    return std::unexpected(error_response(request, http::status::forbidden, "bad_origin",
                                          "This page may not open a live connection here."));
  const auto url = boost::urls::parse_origin_form(request.target());
  if (!url)
    return std::unexpected(unauthorized(request));
  std::vector<std::string> segments;
  for (const auto& segment : url->segments())
    segments.push_back(segment);
  if (segments.size() != 4 || segments[0] != "api" || segments[1] != "sessions" ||
      segments[3] != "live")
    return std::unexpected(
        error_response(request, http::status::not_found, "not_found", "There is nothing here."));
  auto query = live_query(url->params());
  if (!query)
    return std::unexpected(error_response(request, http::status::bad_request,
                                          to_string(query.error()), explain(query.error())));
  return AskedLiveTarget{segments[2], std::move(query->token), query->subscription};
}

} // namespace intervisie::server
