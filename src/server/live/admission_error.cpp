// SPDX-License-Identifier: EUPL-1.2
#include "server/live/admission_error.hpp"

#include "core/overloaded.hpp"

namespace intervisie::server {

std::optional<core::RefusalCode> AdmissionError::refusal() const {
  if (const auto* code = std::get_if<core::RefusalCode>(&reason))
    return *code;
  return std::nullopt;
}

std::string_view to_string(const AdmissionError& error) {
  return std::visit(core::Overloaded{
                        [](core::RefusalCode code) { return core::to_string(code); },
                        [](AdmissionFailure failure) -> std::string_view {
                          switch (failure) {
                          case AdmissionFailure::not_stored:
                          case AdmissionFailure::session_not_stored:
                            return "storage_failed";
                          case AdmissionFailure::unknown_method:
                            return "unknown_method";
                          }
                          return "storage_failed";
                        },
                    },
                    error.reason);
}

std::string_view message_en(const AdmissionError& error) {
  return std::visit(core::Overloaded{
                        [](core::RefusalCode code) { return core::message_en(code); },
                        [](AdmissionFailure failure) -> std::string_view {
                          switch (failure) {
                          case AdmissionFailure::not_stored:
                            return storage_failed_message;
                          case AdmissionFailure::session_not_stored:
                            return "The server could not store this.";
                          case AdmissionFailure::unknown_method:
                            return "There is no method with that id.";
                          }
                          return "The server could not store this.";
                        },
                    },
                    error.reason);
}

} // namespace intervisie::server
