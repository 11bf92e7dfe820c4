// SPDX-License-Identifier: EUPL-1.2
#include "server/calendar/calendar_text.hpp"

#include <array>

namespace intervisie::server::calendar {

namespace {

bool is_control(unsigned char byte) {
  return byte < 0x20 || byte == 0x7F;
}

std::string_view trimmed(std::string_view text) {
  constexpr std::string_view blanks = " \t\r\n";
  const auto first = text.find_first_not_of(blanks);
  if (first == std::string_view::npos)
    return {};
  return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

} // namespace

std::string calendar_text(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\r') {
      clean += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n')
        ++i;
    } else if (byte == '\n' || byte == '\t' || !is_control(byte)) {
      clean += text[i];
    }
  }
  return std::string(trimmed(clean));
}

std::string calendar_link(std::string_view url) {
  constexpr std::array<char, 16> hex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                        '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
  std::string link;
  for (const char c : trimmed(url)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == ' ' || is_control(byte)) {
      link += '%';
      link += hex[byte >> 4];
      link += hex[byte & 0x0F];
    } else {
      link += c;
    }
  }
  return link;
}

} // namespace intervisie::server::calendar
