// SPDX-License-Identifier: EUPL-1.2
// One connected participant as the live session sees it: somewhere to send messages to.
// The WebSocket connection implements it; tests can implement it without sockets.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace intervisie::server {

class Client {
public:
  virtual ~Client() = default;
  // Thread-safe and never blocks. The message is shared by every receiver: serialised once.
  virtual void send(std::shared_ptr<const std::string> message) = 0;
  // What the client asked for on connecting: its snapshot, or every event it missed. Sent before
  // anything later, and never taken for falling behind, however large: a big session or a long
  // absence must not stop anyone from coming back.
  virtual void send_backlog(std::vector<std::shared_ptr<const std::string>> messages) {
    for (auto& message : messages)
      send(std::move(message));
  }
  // Ends the connection; the participant may come back and resume with `since`.
  virtual void disconnect() = 0;
  // Sends this message after everything queued, then closes the connection in good order;
  // nothing is sent after it. For a connection that must end and should know why.
  virtual void send_last(std::shared_ptr<const std::string> message) = 0;
};

} // namespace intervisie::server
