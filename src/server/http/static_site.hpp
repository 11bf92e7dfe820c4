// SPDX-License-Identifier: EUPL-1.2
// The built web app (web/dist), held in memory: it is small, it never changes while the server
// runs, and serving from memory keeps file I/O off the network threads.
#pragma once

#include <expected>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace intervisie::server {

class StaticSite {
public:
  struct File {
    std::string content;
    std::string gzipped;    // a precompressed copy (name.gz next to it), or empty
    std::string type;       // Content-Type
    bool immutable = false; // content-hashed names (assets/): cached for a year
  };

  // An empty site: the server answers the API only.
  StaticSite() = default;

  // Every file under `root`; fails when `root` is not a directory that has an index.html.
  static std::expected<StaticSite, std::string> load(const std::filesystem::path& root);

  bool empty() const { return files_.empty(); }

  // The file for a request path ("/", "/assets/app.js", "/join/abc"): a path whose last segment
  // has no dot is a page of the app and gets index.html; an unknown file gets nothing.
  const File* find(std::string_view path) const;

private:
  std::map<std::string, File, std::less<>> files_; // by path relative to the root, "/"-separated
};

} // namespace intervisie::server
