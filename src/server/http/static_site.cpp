// SPDX-License-Identifier: EUPL-1.2
#include "server/http/static_site.hpp"

#include <fstream>
#include <sstream>

namespace intervisie::server {
namespace {

std::string content_type(const std::filesystem::path& path) {
  static const std::map<std::string, std::string, std::less<>> types{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".json", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"}};
  const auto found = types.find(path.extension().string());
  return found == types.end() ? "application/octet-stream" : found->second;
}

std::expected<std::string, std::string> read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return std::unexpected("cannot read " + path.string());
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

} // namespace

std::expected<StaticSite, std::string> StaticSite::load(const std::filesystem::path& root) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(root / "index.html", error))
    return std::unexpected(root.string() + " has no index.html (is the web app built?)");
  StaticSite site;
  std::map<std::string, std::string> gzipped;
  for (auto entry = std::filesystem::recursive_directory_iterator(root, error);
       !error && entry != std::filesystem::recursive_directory_iterator(); entry.increment(error)) {
    // Only what the build put there: no dot-files or dot-directories (.env, .git), and no
    // symbolic link, which could lead out of the web directory.
    const std::string name = entry->path().filename().string();
    if (entry->is_symlink(error) || name.starts_with('.')) {
      if (entry->is_directory(error))
        entry.disable_recursion_pending();
      continue;
    }
    if (!entry->is_regular_file(error))
      continue;
    auto content = read_all(entry->path());
    if (!content)
      return std::unexpected(content.error());
    const std::string relative = entry->path().lexically_relative(root).generic_string();
    if (entry->path().extension() == ".gz") {
      gzipped[relative.substr(0, relative.size() - 3)] = std::move(*content);
      continue;
    }
    site.files_[relative] =
        File{std::move(*content), {}, content_type(entry->path()), relative.starts_with("assets/")};
  }
  if (error)
    return std::unexpected("cannot list " + root.string() + ": " + error.message());
  for (auto& [name, content] : gzipped)
    if (const auto found = site.files_.find(name); found != site.files_.end())
      found->second.gzipped = std::move(content);
  return site;
}

const StaticSite::File* StaticSite::find(std::string_view path) const {
  if (path.starts_with('/'))
    path.remove_prefix(1);
  if (const auto found = files_.find(path); found != files_.end())
    return &found->second;
  const std::string_view last =
      path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1);
  if (last.find('.') != std::string_view::npos)
    return nullptr;
  const auto index = files_.find("index.html");
  return index == files_.end() ? nullptr : &index->second;
}

} // namespace intervisie::server
