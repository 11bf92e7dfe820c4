// SPDX-License-Identifier: EUPL-1.2
// Errors are values, each type with one function for its HTTP status: a route chooses by the
// value (never by comparing wire codes), and the code and message on the wire stay the ones
// docs/protocol.md and docs/api.md document.
#include "server/groups/group_errors.hpp"
#include "server/http/session_access.hpp"
#include "server/live/admission_error.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace intervisie::server {
namespace {

namespace http = boost::beast::http;
using core::RefusalCode;

boost::json::object body_of(const Response& response) {
  return boost::json::parse(response.body()).as_object();
}

TEST(AdmissionErrors, RefusalsAboutPeopleAreConflictsAndTheRestCannotBeDoneAsGiven) {
  for (const RefusalCode code :
       {RefusalCode::group_full, RefusalCode::name_taken, RefusalCode::session_finished,
        RefusalCode::place_without_device, RefusalCode::no_place_to_claim})
    EXPECT_EQ(status_of(AdmissionError{code}), http::status::conflict) << core::to_string(code);
  EXPECT_EQ(status_of(AdmissionError{RefusalCode::name_too_long}),
            http::status::unprocessable_entity);
  EXPECT_EQ(status_of(AdmissionError{AdmissionFailure::unknown_method}),
            http::status::unprocessable_entity);
  EXPECT_EQ(status_of(AdmissionError{AdmissionFailure::not_stored}),
            http::status::service_unavailable);
  EXPECT_EQ(status_of(AdmissionError{AdmissionFailure::session_not_stored}),
            http::status::service_unavailable);
}

TEST(AdmissionErrors, AnAdmissionIsAskedWhatItIsNotWhatItIsCalled) {
  const AdmissionError without_device{RefusalCode::place_without_device};
  EXPECT_TRUE(without_device.is(RefusalCode::place_without_device));
  EXPECT_FALSE(without_device.is(RefusalCode::name_taken));
  EXPECT_FALSE(AdmissionError{AdmissionFailure::not_stored}.refusal().has_value());
  EXPECT_EQ(to_string(without_device), "place_without_device");
  EXPECT_EQ(message_en(without_device), core::message_en(RefusalCode::place_without_device));
}

TEST(AdmissionErrors, TheWireKeepsTheDocumentedCodesAndMessages) {
  EXPECT_EQ(to_string(AdmissionError{AdmissionFailure::unknown_method}), "unknown_method");
  EXPECT_EQ(message_en(AdmissionError{AdmissionFailure::unknown_method}),
            "There is no method with that id.");
  EXPECT_EQ(to_string(AdmissionError{AdmissionFailure::session_not_stored}), "storage_failed");
  EXPECT_EQ(message_en(AdmissionError{AdmissionFailure::session_not_stored}),
            "The server could not store this.");
  EXPECT_EQ(to_string(AdmissionError{AdmissionFailure::not_stored}), "storage_failed");
  EXPECT_EQ(message_en(AdmissionError{AdmissionFailure::not_stored}),
            "The server could not store this; nothing of it was kept. Try again in a moment.");

  const Request request{http::verb::post, "/api/sessions", 11};
  const Response taken = error_response(request, AdmissionError{RefusalCode::name_taken}, "Own.");
  EXPECT_EQ(taken.result(), http::status::conflict);
  EXPECT_EQ(body_of(taken).at("code"), "name_taken");
  EXPECT_EQ(body_of(taken).at("message"), "Own.");
}

TEST(GroupRouteErrors, EachHasItsDocumentedStatusCodeAndMessage) {
  struct Expected {
    GroupRouteError error;
    http::status status;
    std::string_view code;
  };
  for (const Expected& expected : {
           Expected{GroupRouteError::group_unknown, http::status::not_found, "group_unknown"},
           Expected{GroupRouteError::meeting_unknown, http::status::not_found, "meeting_unknown"},
           Expected{GroupRouteError::feed_unknown, http::status::not_found, "feed_unknown"},
           Expected{GroupRouteError::store_unreachable, http::status::service_unavailable,
                    "storage_failed"},
           Expected{GroupRouteError::report_not_yours, http::status::forbidden, "not_presenter"},
           Expected{GroupRouteError::forget_not_yours, http::status::forbidden, "not_presenter"},
           Expected{GroupRouteError::case_erased, http::status::gone, "case_erased"},
           Expected{GroupRouteError::report_not_ready, http::status::conflict,
                    "session_not_finished"},
           Expected{GroupRouteError::forget_too_early, http::status::conflict,
                    "session_not_finished"},
           Expected{GroupRouteError::erase_failed, http::status::internal_server_error,
                    "storage_failed"},
       }) {
    EXPECT_EQ(status_of(expected.error), expected.status) << expected.code;
    EXPECT_EQ(to_string(expected.error), expected.code);
    EXPECT_FALSE(message_en(expected.error).empty()) << expected.code;
  }
  EXPECT_EQ(message_en(GroupRouteError::report_not_yours),
            "Only the member who brought in a case reads what was said.");
  EXPECT_EQ(message_en(GroupRouteError::forget_too_early),
            "A case can be erased once the session has ended.");
}

TEST(GroupRouteErrors, TheGroupsRulesAndTheStoreEachHaveTheirStatus) {
  using Code = core::group::GroupRefusalCode;
  const Request request{http::verb::post, "/api/groups/g/leave", 11};
  EXPECT_EQ(status_of(Code::not_member), http::status::not_found);
  EXPECT_EQ(status_of(Code::not_rescheduler), http::status::forbidden);
  EXPECT_EQ(status_of(Code::group_full), http::status::conflict);
  EXPECT_EQ(status_of(Code::bad_dates), http::status::unprocessable_entity);

  const Response refused = error_response(
      request, GroupFailure{core::group::GroupRefusal{Code::bad_link, "video_link"}});
  EXPECT_EQ(refused.result(), http::status::unprocessable_entity);
  EXPECT_EQ(body_of(refused).at("code"), "bad_link");
  EXPECT_EQ(body_of(refused).at("field"), "video_link");
  EXPECT_TRUE(body_of(refused).contains("message_nl"));

  const Response failed =
      error_response(request, GroupFailure{store::StoreError{store::StoreErrorCode::io, "disk"}});
  EXPECT_EQ(failed.result(), http::status::service_unavailable);
  EXPECT_EQ(body_of(failed).at("code"), "storage_failed");
  EXPECT_EQ(body_of(failed).at("message"),
            "The change could not be stored; nothing was changed. Try again.");

  const Response method = error_response(request, UnknownMethod{"poem"});
  EXPECT_EQ(method.result(), http::status::unprocessable_entity);
  EXPECT_EQ(body_of(method).at("message"), "There is no method poem.");
}

} // namespace
} // namespace intervisie::server
