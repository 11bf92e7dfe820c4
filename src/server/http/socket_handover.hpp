// SPDX-License-Identifier: EUPL-1.2
// Hands a connected socket to another executor of the same io_context: a live connection moves
// onto its session's strand once the upgrade says which session it is for.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <optional>

namespace intervisie::server {

// The same connection, now run by `executor`; nothing when the descriptor could not be moved
// (the socket is then closed).
std::optional<boost::asio::ip::tcp::socket> onto(boost::asio::ip::tcp::socket socket,
                                                 const boost::asio::any_io_executor& executor);

} // namespace intervisie::server
