// SPDX-License-Identifier: EUPL-1.2
#include "cli/methods_command.hpp"

#include "cli/method_text.hpp"
#include "server/codec/method_json.hpp"
#include "server/codec/pretty_json.hpp"
#include "store/method_directory.hpp"

#include <iostream>
#include <memory>
#include <optional>

namespace intervisie::cli {

namespace {

struct MethodsOptions {
  std::string methods_dir;
  std::string language = "nl";
  bool json = false;
  std::string method_id;
};

std::optional<core::Catalogue> load(const MethodsOptions& options) {
  auto catalogue = store::load_catalogue(options.methods_dir);
  if (!catalogue) {
    std::cerr << "intervisie: cannot load the methods from " << options.methods_dir << ":\n";
    for (const core::MethodError& error : catalogue.error()) {
      std::cerr << "  " << error.describe() << "\n";
    }
    return std::nullopt;
  }
  return std::move(*catalogue);
}

Language language_of(const MethodsOptions& options) {
  return options.language == "en" ? Language::en : Language::nl;
}

int list_methods(const MethodsOptions& options) {
  const auto catalogue = load(options);
  if (!catalogue) {
    return exit_broken_catalogue;
  }
  if (options.json) {
    std::cout << server::pretty_json(server::to_json(*catalogue));
  } else {
    std::cout << describe_catalogue(*catalogue, language_of(options));
  }
  return 0;
}

int show_method(const MethodsOptions& options) {
  const auto catalogue = load(options);
  if (!catalogue) {
    return exit_broken_catalogue;
  }
  const core::Method* method = catalogue->find(options.method_id);
  if (method == nullptr) {
    std::string ids;
    for (const core::Method& known : catalogue->methods()) {
      ids += (ids.empty() ? "" : ", ") + known.id;
    }
    std::cerr << "intervisie: unknown method '" << options.method_id
              << "'; the methods are: " << ids << "\n";
    return exit_unknown_method;
  }
  if (options.json) {
    std::cout << server::pretty_json(server::to_json(*method));
  } else {
    std::cout << describe_method(*method, language_of(options));
  }
  return 0;
}

} // namespace

void add_methods_command(CLI::App& app, std::string default_methods_dir, int& exit_code) {
  // CLI11 keeps references to the option variables until parsing is over.
  auto options = std::make_shared<MethodsOptions>();
  options->methods_dir = std::move(default_methods_dir);

  CLI::App* methods = app.add_subcommand("methods", "List the methods (werkvormen) on offer");
  methods->add_option("--methods-dir", options->methods_dir, "Directory with the method files")
      ->envname("INTERVISIE_METHODS_DIR")
      ->capture_default_str();
  methods->add_option("--lang", options->language, "Language of the text: nl or en")
      ->check(CLI::IsMember({"nl", "en"}))
      ->capture_default_str();
  methods->add_flag("--json", options->json, "Print JSON, as GET /api/methods serves it");

  CLI::App* show = methods->add_subcommand("show", "Show the steps of one method");
  show->add_option("id", options->method_id, "Method id, e.g. incident")->required();
  // Options of `methods` may also follow `show <id>`.
  show->fallthrough();
  show->footer("The options of 'methods' (--json, --lang, --methods-dir) apply here too.");

  show->callback([options, &exit_code] { exit_code = show_method(*options); });
  methods->callback([options, methods, &exit_code] {
    if (methods->get_subcommands().empty()) {
      exit_code = list_methods(*options);
    }
  });
}

} // namespace intervisie::cli
