// SPDX-License-Identifier: EUPL-1.2
#include "core/text/person_name.hpp"

#include "core/text/typed_text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <memory>

namespace intervisie::core {
namespace {

// ICU's confusable data, read once; getting a skeleton only reads it, from any thread.
const USpoofChecker* spoof_checker() {
  static const std::unique_ptr<USpoofChecker, decltype(&uspoof_close)> checker = [] {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker* opened = uspoof_open(&status);
    return std::unique_ptr<USpoofChecker, decltype(&uspoof_close)>(
        U_SUCCESS(status) ? opened : nullptr, &uspoof_close);
  }();
  return checker.get();
}

} // namespace

bool has_format_character(std::string_view name) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(name.data());
  const auto length = static_cast<std::int32_t>(name.size());
  for (std::int32_t at = 0; at < length;) {
    UChar32 code = 0;
    U8_NEXT(bytes, at, length, code);
    if (code >= 0 && u_charType(code) == U_FORMAT_CHAR)
      return true;
  }
  return false;
}

std::string name_key(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* folding = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<std::int32_t>(name.size())));
  if (U_SUCCESS(status))
    text = folding->normalize(text, status);
  const USpoofChecker* checker = spoof_checker();
  if (U_SUCCESS(status) && checker != nullptr) {
    icu::UnicodeString skeleton;
    uspoof_getSkeletonUnicodeString(checker, 0, text, skeleton, &status);
    if (U_SUCCESS(status))
      text = skeleton;
  }
  std::string folded;
  text.toUTF8String(folded);
  // ICU missing its data would be a broken installation; the names then still compare as before.
  return comparable(U_SUCCESS(status) ? folded : std::string(name));
}

} // namespace intervisie::core
