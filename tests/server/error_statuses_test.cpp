// SPDX-License-Identifier: EUPL-1.2
// Errors are values, each type with one function for its HTTP status: a route chooses by the
// value (never by comparing wire codes), and the code and message on the wire stay the ones
// docs/protocol.md documents.
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

} // namespace
} // namespace intervisie::server
