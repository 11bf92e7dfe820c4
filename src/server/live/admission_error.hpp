// SPDX-License-Identifier: EUPL-1.2
// Why a newcomer was not admitted, a return not asked for, or a session not made: the engine
// refused (a core::RefusalCode), or something the engine does not judge failed. Routes choose
// by these values, never by the wire code; the code and message on the wire come from here.
#pragma once

#include "core/session/refusal.hpp"

#include <optional>
#include <string_view>
#include <variant>

namespace intervisie::server {

enum class AdmissionFailure {
  not_stored,         // an admission or a return could not be stored
  session_not_stored, // a new session could not be stored
  unknown_method,     // a new session names a method the catalogue does not have
};

// What a client is told when the store fails; the details go to the server's log only.
inline constexpr std::string_view storage_failed_message =
    "The server could not store this; nothing of it was kept. Try again in a moment.";

struct AdmissionError {
  std::variant<core::RefusalCode, AdmissionFailure> reason;

  // The engine's refusal; nothing when something else failed.
  std::optional<core::RefusalCode> refusal() const;
  bool is(core::RefusalCode code) const { return refusal() == code; }
  bool operator==(const AdmissionError&) const = default;
};

// The wire code: the refusal's ("place_without_device"), "storage_failed" or "unknown_method".
std::string_view to_string(const AdmissionError& error);
// One sentence in English, as docs/protocol.md gives it.
std::string_view message_en(const AdmissionError& error);

} // namespace intervisie::server
