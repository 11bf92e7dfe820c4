// SPDX-License-Identifier: EUPL-1.2
#include "server/http/socket_handover.hpp"

#include <boost/system/system_error.hpp>

#include <unistd.h>

namespace intervisie::server {

std::optional<boost::asio::ip::tcp::socket> onto(boost::asio::ip::tcp::socket socket,
                                                 const boost::asio::any_io_executor& executor) {
  boost::system::error_code error;
  const auto protocol = socket.local_endpoint(error).protocol();
  if (error)
    return std::nullopt;
  const auto descriptor = socket.release(error);
  if (error)
    return std::nullopt;
  try {
    return boost::asio::ip::tcp::socket(executor, protocol, descriptor);
  } catch (const boost::system::system_error&) {
    ::close(descriptor);
    return std::nullopt;
  }
}

} // namespace intervisie::server
