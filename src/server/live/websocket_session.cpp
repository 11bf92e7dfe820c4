// SPDX-License-Identifier: EUPL-1.2
#include "server/live/websocket_session.hpp"

#include "server/codec/envelope.hpp"
#include "server/http/security_headers.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace intervisie::server {

namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;

WebSocketSession::WebSocketSession(boost::asio::ip::tcp::socket&& socket,
                                   std::shared_ptr<LiveSession> live, Seat seat,
                                   Subscription subscription, WebSocketLimits limits,
                                   std::shared_ptr<const void> hold)
    : stream_(std::move(socket)), live_(std::move(live)), seat_(seat), subscription_(subscription),
      limits_(limits), hold_(std::move(hold)) {}

// async_accept builds its answer before it returns: the request need not outlive this call.
void WebSocketSession::run(const beast::http::request<beast::http::string_body>& upgrade) {
  stream_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
  stream_.set_option(websocket::stream_base::decorator([](websocket::response_type& response) {
    response.set(beast::http::field::server, "intervisie");
  }));
  // Commands are small; anything bigger is not a command. Compression stays off (the default):
  // it costs memory per connection and invites compression side channels.
  stream_.read_message_max(limits_.read_message_max);
  // Unsent bytes wait in the queue, not in the kernel. How much is in flight is still TCP's
  // to decide, so a fast client on a long link is not slowed down. Not Linux: the kernel's way.
#ifdef TCP_NOTSENT_LOWAT
  ::setsockopt(beast::get_lowest_layer(stream_).socket().native_handle(), IPPROTO_TCP,
               TCP_NOTSENT_LOWAT, &limits_.unsent_bytes_max, sizeof limits_.unsent_bytes_max);
#endif
  stream_.async_accept(upgrade,
                       beast::bind_front_handler(&WebSocketSession::on_accept, shared_from_this()));
}

void WebSocketSession::on_accept(beast::error_code error) {
  if (error)
    return;
  attached_ = true;
  live_->attach(shared_from_this(), seat_, subscription_);
  read();
}

void WebSocketSession::read() {
  stream_.async_read(buffer_,
                     beast::bind_front_handler(&WebSocketSession::on_read, shared_from_this()));
}

void WebSocketSession::on_read(beast::error_code error, std::size_t) {
  if (error) {
    // Closed, timed out, too big (1009) or not UTF-8 in a text frame (1007): Beast has failed
    // the connection as RFC 6455 requires. The client resumes with `since`.
    closed_ = true;
    drop_queue();
    if (attached_)
      live_->detach(shared_from_this());
    return;
  }
  const std::string text = beast::buffers_to_string(buffer_.data());
  buffer_.consume(buffer_.size());
  // An idle connection keeps no read buffer: most of the time, nobody on it is speaking.
  buffer_.shrink_to_fit();
  auto command = parse_client_message(text);
  if (!command)
    live_->reply_error(shared_from_this(), server_message_error(command.error()));
  else
    live_->submit(shared_from_this(), std::move(*command));
  read();
}

// Sending dispatches: the connection runs on its session's strand, so a message the session
// sends is queued, and its write begun, at once.
void WebSocketSession::send(std::shared_ptr<const std::string> message) {
  boost::asio::dispatch(
      stream_.get_executor(), [self = shared_from_this(), message = std::move(message)]() mutable {
        if (self->closed_ || self->last_queued_)
          return;
        self->queued_bytes_ += message->size();
        self->queue_.push_back(std::move(message));
        // Only what waits beyond the backlog says that the client cannot keep up.
        if (self->queue_.size() - self->backlog_messages_ > self->limits_.queue_messages_max ||
            self->queued_bytes_ - self->backlog_bytes_ > self->limits_.queue_bytes_max) {
          self->close_now(); // too slow to keep up: it can resume with `since`
          return;
        }
        if (self->queue_.size() == 1)
          self->write_next();
      });
}

void WebSocketSession::send_backlog(std::vector<std::shared_ptr<const std::string>> messages) {
  boost::asio::dispatch(stream_.get_executor(),
                        [self = shared_from_this(), messages = std::move(messages)]() mutable {
                          if (self->closed_ || self->last_queued_ || messages.empty())
                            return;
                          // Nothing is sent to a connection before its backlog: the backlog is the
                          // queue's front.
                          const bool idle = self->queue_.empty();
                          for (auto& message : messages) {
                            self->queued_bytes_ += message->size();
                            self->backlog_bytes_ += message->size();
                            self->queue_.push_back(std::move(message));
                          }
                          self->backlog_messages_ += messages.size();
                          if (idle)
                            self->write_next();
                        });
}

void WebSocketSession::write_next() {
  stream_.text(true);
  stream_.async_write(boost::asio::buffer(*queue_.front()),
                      beast::bind_front_handler(&WebSocketSession::on_write, shared_from_this()));
}

void WebSocketSession::on_write(beast::error_code error, std::size_t) {
  if (error || closed_) {
    close_now();
    return;
  }
  queued_bytes_ -= queue_.front()->size();
  if (backlog_messages_ > 0) {
    --backlog_messages_;
    backlog_bytes_ -= queue_.front()->size();
  }
  queue_.pop_front();
  if (!queue_.empty())
    write_next();
  else if (last_queued_)
    close_in_order();
}

void WebSocketSession::disconnect() {
  boost::asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->close_now(); });
}

void WebSocketSession::send_last(std::shared_ptr<const std::string> message) {
  boost::asio::dispatch(stream_.get_executor(),
                        [self = shared_from_this(), message = std::move(message)]() mutable {
                          if (self->closed_ || self->last_queued_)
                            return;
                          // Exempt from the limits: it is the last, and it says why the end came.
                          self->last_queued_ = true;
                          self->queued_bytes_ += message->size();
                          self->queue_.push_back(std::move(message));
                          if (self->queue_.size() == 1)
                            self->write_next();
                        });
}

// A close frame after the last message (1000): the client learns the end was meant. The read
// loop ends when the client answers it; close_now makes sure the socket goes either way.
void WebSocketSession::close_in_order() {
  stream_.async_close(websocket::close_code::normal,
                      [self = shared_from_this()](beast::error_code) { self->close_now(); });
}

void WebSocketSession::close_now() {
  if (closed_)
    return;
  closed_ = true;
  drop_queue();
  beast::error_code ignored;
  beast::get_lowest_layer(stream_).socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both,
                                                     ignored);
  beast::get_lowest_layer(stream_).close();
}

// Forgets what waits to be sent, except a message being written: the write may read it until
// on_write runs (Beast's contract), even once the socket is closed.
void WebSocketSession::drop_queue() {
  if (!queue_.empty())
    queue_.erase(std::next(queue_.begin()), queue_.end());
  queued_bytes_ = 0;
  backlog_messages_ = 0;
  backlog_bytes_ = 0;
}

} // namespace intervisie::server
