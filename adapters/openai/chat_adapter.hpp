#pragma once
// The Chat Completions adapter under its first name: HttpAdapter (adapters/http_adapter.hpp)
// speaking Api::chat, the default. Kept so code written against it keeps compiling.
#include "adapters/http_adapter.hpp"

namespace rb::adapters::openai {

using ChatOptions = HttpAdapterOptions;
using ChatAdapter = HttpAdapter;
using adapters::k_default_max_response_bytes;
using adapters::k_oracle_header;
using adapters::TokenLimitField;

}  // namespace rb::adapters::openai
