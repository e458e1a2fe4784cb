#include "adapters/reward/scorer_spec.hpp"

#include <cstdlib>

#include "adapters/reward/http_scorer.hpp"
#include "harness/core/error.hpp"

namespace rb::adapters {

namespace {

constexpr std::string_view k_default_sim_url = "http://127.0.0.1:8377";

/// serve-sim's base URL, with any trailing "/" or "/v1" removed.
std::string sim_base_url()
{
  const char* env = std::getenv("REASONBENCH_SIM_URL");
  std::string url = env != nullptr && *env != '\0' ? env : std::string(k_default_sim_url);
  while (url.ends_with('/')) {
    url.pop_back();
  }
  if (url.ends_with("/v1")) {
    url.resize(url.size() - 3);
  }
  return url;
}

}  // namespace

ScorerSpec parse_scorer_spec(std::string_view spec, std::string_view where)
{
  const std::string prefix = std::string(where) + ": scorer '" + std::string(spec) + "': ";
  ScorerSpec out;
  if (spec.starts_with("sim:")) {
    out.model = std::string(spec.substr(4));
    out.url = sim_base_url() + "/v1/reward";
    out.simulated = true;
  } else {
    const std::size_t hash = spec.rfind('#');
    if (hash == std::string_view::npos) {
      throw ConfigError(prefix + "expected sim:NAME or URL#NAME (e.g. http://localhost:8001/v1/reward#my-prm)");
    }
    out.url = std::string(spec.substr(0, hash));
    out.model = std::string(spec.substr(hash + 1));
    if (!out.url.starts_with("http://") && !out.url.starts_with("https://")) {
      throw ConfigError(prefix + "the URL must start with http:// or https://");
    }
  }
  if (out.model.empty()) {
    throw ConfigError(prefix + "the reward model name is empty");
  }
  return out;
}

std::unique_ptr<Scorer> make_scorer(std::string_view spec, std::string_view api_key_env, std::string_view where)
{
  const ScorerSpec parsed = parse_scorer_spec(spec, where);
  HttpScorerOptions options;
  options.url = parsed.url;
  options.model = parsed.model;
  options.label = std::string(spec);
  options.send_oracle = parsed.simulated;
  if (!api_key_env.empty()) {
    const char* key = std::getenv(std::string(api_key_env).c_str());
    if (key == nullptr || *key == '\0') {
      throw ConfigError(std::string(where) + ": the scorer's API key variable " + std::string(api_key_env) +
                        " is not set");
    }
    options.api_key = key;
  }
  return std::make_unique<HttpScorer>(std::move(options));
}

}  // namespace rb::adapters
