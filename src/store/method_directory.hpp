// SPDX-License-Identifier: EUPL-1.2
// The method catalogue as shipped: every *.toml file of one directory.
#pragma once

#include "core/method/catalogue.hpp"

#include <expected>
#include <filesystem>
#include <vector>

namespace intervisie::store {

// Reads every *.toml file in `dir` (not its subdirectories; hidden files are skipped,
// as editors leave them behind) and builds the catalogue from them. Errors
// name the file as `dir / file name`; an unreadable directory or file is an error too.
std::expected<core::Catalogue, std::vector<core::MethodError>>
load_catalogue(const std::filesystem::path& dir);

} // namespace intervisie::store
