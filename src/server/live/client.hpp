// One connected participant as the live session sees it: somewhere to send messages to.
// The WebSocket connection implements it; tests can implement it without sockets.
#pragma once

#include <memory>
#include <string>

namespace intervisie::server {

class Client {
public:
  virtual ~Client() = default;
  // Thread-safe and never blocks. The message is shared by every receiver: serialised once.
  virtual void send(std::shared_ptr<const std::string> message) = 0;
  // Ends the connection; the participant may come back and resume with `since`.
  virtual void disconnect() = 0;
};

} // namespace intervisie::server
