#include "harness/cli/wiring.hpp"

#include "adapters/registry.hpp"
#include "suites/registry.hpp"
#include "verifiers/behaviour/analyzer.hpp"
#include "verifiers/registry.hpp"

namespace rb::cli {

runner::PlanFactories registry_factories()
{
  runner::PlanFactories f;
  f.load_suite = [](const config::SuiteConfig& suite, int run_limit) {
    Suite loaded = suites::load_suite(suite.name, {suite.data, suite.prompt, suite.limit > 0 ? suite.limit : run_limit});
    loaded.name = config::suite_key(suite);
    return loaded;
  };
  f.make_verifier = [](std::string_view name) { return verifiers::make_verifier(name); };
  f.make_adapter = [](const config::ModelConfig& model) { return adapters::make_adapter(model); };
  f.is_simulated = [](const config::ModelConfig& model) { return adapters::is_simulated(model); };
  f.make_behaviour_analyzer = [] { return std::make_unique<verifiers::behaviour::RuleBehaviourAnalyzer>(); };
  return f;
}

}  // namespace rb::cli
