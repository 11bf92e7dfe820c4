// SPDX-License-Identifier: EUPL-1.2
#include "store/method_directory.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

namespace intervisie::store {

namespace {

core::MethodError file_error(const std::filesystem::path& path, std::string message) {
  return core::MethodError{path.string(), 0, 0, std::move(message)};
}

std::expected<std::string, core::MethodError> read_text(const std::filesystem::path& path) {
  std::ifstream file{path, std::ios::binary};
  if (!file) {
    return std::unexpected(file_error(path, "cannot open the file for reading"));
  }
  std::ostringstream text;
  text << file.rdbuf();
  if (file.bad()) {
    return std::unexpected(file_error(path, "cannot read the file"));
  }
  return std::move(text).str();
}

bool is_method_file(const std::filesystem::directory_entry& entry) {
  const std::filesystem::path& path = entry.path();
  std::error_code ignored;
  // A dangling link is kept: it must fail loudly, not make a method vanish.
  return path.extension() == ".toml" && !path.filename().string().starts_with('.') &&
         (entry.is_regular_file(ignored) || entry.is_symlink(ignored));
}

} // namespace

std::expected<core::Catalogue, std::vector<core::MethodError>>
load_catalogue(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  // The non-throwing increment: a directory that fails mid-way is an error value too.
  for (std::filesystem::directory_iterator entry{dir, error};
       !error && entry != std::filesystem::directory_iterator{}; entry.increment(error)) {
    if (is_method_file(*entry)) {
      files.push_back(entry->path());
    }
  }
  if (error) {
    return std::unexpected(
        std::vector{file_error(dir, "cannot read the methods directory: " + error.message())});
  }
  if (files.empty()) {
    return std::unexpected(
        std::vector{file_error(dir, "no method files (*.toml) in the methods directory")});
  }
  std::ranges::sort(files);

  std::vector<core::MethodSource> sources;
  std::vector<core::MethodError> errors;
  for (const auto& path : files) {
    auto text = read_text(path);
    if (!text) {
      errors.push_back(std::move(text.error()));
      continue;
    }
    sources.push_back(core::MethodSource{path.string(), std::move(*text)});
  }
  if (errors.empty()) {
    return core::Catalogue::build(std::move(sources));
  }
  // Some files could not be read: still report what is wrong in the others.
  if (!sources.empty()) {
    if (auto catalogue = core::Catalogue::build(std::move(sources)); !catalogue) {
      errors.insert(errors.end(), std::make_move_iterator(catalogue.error().begin()),
                    std::make_move_iterator(catalogue.error().end()));
    }
  }
  return std::unexpected(std::move(errors));
}

} // namespace intervisie::store
