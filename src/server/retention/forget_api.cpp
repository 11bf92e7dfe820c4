// SPDX-License-Identifier: EUPL-1.2
#include "server/retention/forget_api.hpp"

#include "core/report/presenter_record.hpp"
#include "server/http/session_access.hpp"

#include <boost/asio/post.hpp>
#include <spdlog/spdlog.h>

#include <chrono>

namespace intervisie::server {

namespace http = boost::beast::http;

ForgetApi::ForgetApi(SessionRegistry& sessions, LiveSession::Clock clock,
                     boost::asio::any_io_executor blocking)
    : sessions_{sessions}, clock_{std::move(clock)}, blocking_{std::move(blocking)} {}

bool ForgetApi::handle(Request& request, const std::vector<std::string>& segments,
                       const std::string&, Respond& respond) {
  if (segments.size() != 4 || segments[0] != "api" || segments[1] != "sessions" ||
      segments[3] != "content" || request.method() != http::verb::delete_)
    return false;
  forget(request, segments[2], std::move(respond));
  return true;
}

void ForgetApi::forget(const Request& request, const std::string& session_id, Respond respond) {
  // Knowing a session's id (128 random bits) shows no more than that it existed.
  if (sessions_.erased(session_id))
    return respond(error_response(request, http::status::gone, "case_erased",
                                  "The content of this session has been erased."));
  sessions_.find(session_id,
                 [this, head = head_of(request), session_id,
                  token = std::string(bearer_token(request)),
                  respond = std::move(respond)](const std::shared_ptr<LiveSession>& live) mutable {
                   const auto reader = participant_of(live.get(), token);
                   if (!reader)
                     return respond(unauthorized(head));
                   forget_when_finished(*live, head, *reader, std::move(respond));
                 });
}

void ForgetApi::forget_when_finished(LiveSession& live, const Request& head,
                                     core::ParticipantId reader, Respond respond) {
  const std::string session_id = live.id();
  // Who may forget is who may read the record: the presenter (or the facilitator of a presenter
  // without a device), once the session has ended.
  live.read_state([this, head = Request{head}, session_id, reader,
                   respond = std::move(respond)](const core::SessionState& state) mutable {
    if (auto record = core::presenter_record(state, reader); !record)
      return respond(record.error() == core::RecordRefusal::not_presenter
                         ? error_response(head, http::status::forbidden, "not_presenter",
                                          "Only the presenter can erase this case.")
                         : error_response(head, http::status::conflict, "session_not_finished",
                                          "A case can be erased once the session has ended."));
    boost::asio::post(blocking_, [this, head, session_id, respond = std::move(respond)] {
      const auto now =
          std::chrono::duration_cast<std::chrono::milliseconds>(clock_().time_since_epoch())
              .count();
      if (auto erased = sessions_.erase(session_id, now); !erased) {
        spdlog::error("{}", erased.error());
        return respond(error_response(head, http::status::internal_server_error, "storage_failed",
                                      "The server could not erase this case; try again."));
      }
      respond(json_response(head, http::status::ok, R"({"erased":true})"));
    });
  });
}

} // namespace intervisie::server
