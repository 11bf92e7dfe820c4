// SPDX-License-Identifier: EUPL-1.2
// Six-digit codes to join a session by typing them (the beamer shows one beside its QR code):
// random, unique among the unfinished sessions of this server, held while a session runs and
// released when it finishes. Thread-safe.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace intervisie::server {

class JoinCodes {
public:
  // A fresh code for the session, unlike any held now. A million codes leave room enough: a
  // server holds thousands of unfinished sessions at the very most.
  std::string issue(const std::string& session_id);
  // Holds a code read back from the store: false when another session holds it already.
  bool hold(const std::string& code, const std::string& session_id);
  // Gives the code back, if this session holds it.
  void release(const std::string& code, const std::string& session_id);
  std::optional<std::string> session_of(const std::string& code) const;

  // Whether `text` is a code: six digits.
  static bool well_formed(std::string_view text);

private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::string> sessions_; // code → session id
};

} // namespace intervisie::server
