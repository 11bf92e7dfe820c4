// SPDX-License-Identifier: EUPL-1.2
#include "server/http/qr_svg.hpp"

#include <qrencode.h>

#include <memory>

namespace intervisie::server {

std::expected<std::string, std::string> qr_svg(std::string_view text) {
  if (text.empty())
    return std::unexpected("There is no text to encode.");
  if (text.size() > max_qr_text_bytes)
    return std::unexpected("The text is longer than " + std::to_string(max_qr_text_bytes) +
                           " bytes.");
  const std::string data(text); // libqrencode wants a terminated string
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeData(static_cast<int>(data.size()),
                        reinterpret_cast<const unsigned char*>(data.data()), 0, QR_ECLEVEL_M),
      &QRcode_free);
  if (!code)
    return std::unexpected("The text cannot be put in a QR code.");

  constexpr int quiet = 4;
  const int width = code->width;
  const int size = width + 2 * quiet;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
                    std::to_string(size) + " " + std::to_string(size) +
                    "\" shape-rendering=\"crispEdges\" role=\"img\">"
                    "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"";
  // One horizontal run of dark modules per path segment keeps the image small.
  for (int y = 0; y < width; ++y) {
    int x = 0;
    while (x < width) {
      if (!(code->data[y * width + x] & 1)) {
        ++x;
        continue;
      }
      const int start = x;
      while (x < width && (code->data[y * width + x] & 1))
        ++x;
      svg += "M" + std::to_string(start + quiet) + " " + std::to_string(y + quiet) + "h" +
             std::to_string(x - start) + "v1h-" + std::to_string(x - start) + "z";
    }
  }
  svg += "\"/></svg>";
  return svg;
}

} // namespace intervisie::server
