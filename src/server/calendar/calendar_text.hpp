// SPDX-License-Identifier: EUPL-1.2
// Text as a calendar file can carry it. libical escapes and folds, but passes a lone carriage
// return and other control characters through as they are (or drops them), and its parser trims
// the blanks around a value; cleaning first makes what a calendar shows equal what we meant.
#pragma once

#include <string>
#include <string_view>

namespace intervisie::server::calendar {

// Line breaks become "\n", other control characters but tab go, surrounding blanks are trimmed.
std::string calendar_text(std::string_view text);

// A link without spaces or control characters (percent-encoded): a URI value is not escaped.
std::string calendar_link(std::string_view url);

} // namespace intervisie::server::calendar
