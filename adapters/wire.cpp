#include "adapters/wire.hpp"

#include "adapters/anthropic_wire.hpp"
#include "adapters/openai/chat_wire.hpp"
#include "adapters/openai/completions_wire.hpp"

namespace rb::adapters {

std::string_view to_string(Api api)
{
  switch (api) {
    case Api::chat:
      return "chat";
    case Api::completions:
      return "completions";
    case Api::messages:
      return "messages";
  }
  return "chat";
}

std::optional<Api> parse_api(std::string_view name)
{
  for (const Api api : {Api::chat, Api::completions, Api::messages}) {
    if (to_string(api) == name) {
      return api;
    }
  }
  return std::nullopt;
}

std::unique_ptr<Dialect> make_dialect(WireOptions options)
{
  if (!options.tags) {
    options.tags = std::make_shared<ReasoningTags>();
  }
  switch (options.api) {
    case Api::completions:
      return std::make_unique<openai::CompletionsDialect>(std::move(options));
    case Api::messages:
      return std::make_unique<anthropic::MessagesDialect>(std::move(options));
    case Api::chat:
      break;
  }
  return std::make_unique<openai::ChatDialect>(std::move(options));
}

}  // namespace rb::adapters
