#include "adapters/reward/http_scorer.hpp"

#include <curl/curl.h>

#include <thread>

#include <nlohmann/json.hpp>

#include "harness/util/strings.hpp"

namespace rb::adapters {

namespace {

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* out)
{
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

struct Reply {
  long status = 0;
  std::string body;
  std::string transport_error;
};

Reply post(const HttpScorerOptions& options, const std::string& body)
{
  Reply reply;
  CURL* curl = curl_easy_init();
  if (curl == nullptr) {
    reply.transport_error = "curl_easy_init failed";
    return reply;
  }
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  std::string auth;
  if (!options.api_key.empty()) {
    auth = "Authorization: Bearer " + options.api_key;
    headers = curl_slist_append(headers, auth.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_URL, options.url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
  const CURLcode rc = curl_easy_perform(curl);
  if (rc != CURLE_OK) {
    reply.transport_error = curl_easy_strerror(rc);
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  return reply;
}

std::expected<std::vector<double>, Error> parse_scores(const std::string& body, std::size_t expected)
{
  try {
    const auto json = nlohmann::json::parse(body);
    const auto& scores = json.at("scores");
    if (!scores.is_array() || scores.size() != expected) {
      return std::unexpected(Error{ErrorKind::protocol, "reward model returned " + std::to_string(scores.size()) +
                                                            " scores for " + std::to_string(expected) + " items"});
    }
    std::vector<double> out;
    for (const auto& s : scores) {
      if (!s.is_number()) {
        return std::unexpected(Error{ErrorKind::protocol, "reward model returned a non-number score"});
      }
      out.push_back(s.get<double>());
    }
    return out;
  } catch (const std::exception& e) {
    return std::unexpected(Error{ErrorKind::protocol, "reward model reply is not {\"scores\": [...]}: " +
                                                          util::shorten(e.what(), 120)});
  }
}

}  // namespace

HttpScorer::HttpScorer(HttpScorerOptions options) : m_options(std::move(options)) {}

std::string HttpScorer::name() const
{
  if (!m_options.label.empty()) {
    return m_options.label;
  }
  return "rm:" + m_options.url + (m_options.model.empty() ? "" : "#" + m_options.model);
}

std::expected<std::vector<double>, Error> HttpScorer::score(std::span<const ScoreRequest> batch)
{
  nlohmann::json body{{"model", m_options.model}, {"items", nlohmann::json::array()}};
  for (const auto& item : batch) {
    nlohmann::json entry{{"problem", item.problem}, {"response", item.response}};
    if (m_options.send_oracle) {
      entry["oracle"] = item.oracle;
    }
    body["items"].push_back(std::move(entry));
  }
  const std::string text = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  Error last;
  for (int attempt = 0; attempt <= m_options.max_retries; ++attempt) {
    if (attempt > 0) {
      std::this_thread::sleep_for(m_options.backoff * (1 << std::min(attempt - 1, 6)));
    }
    const Reply reply = post(m_options, text);
    if (!reply.transport_error.empty()) {
      last = Error{ErrorKind::transport, "reward model " + m_options.url + ": " + reply.transport_error};
      continue;
    }
    if (reply.status == 429 || reply.status >= 500 || reply.status == 408) {
      last = Error{ErrorKind::http, "reward model " + m_options.url + ": HTTP " + std::to_string(reply.status),
                   static_cast<int>(reply.status)};
      continue;
    }
    if (reply.status != 200) {
      // A server echoing the key must not put it in a stored error.
      const std::string said = m_options.api_key.empty() ? reply.body
                                                         : util::replace_all(reply.body, m_options.api_key, "[redacted]");
      return std::unexpected(Error{ErrorKind::rejected,
                                   "reward model " + m_options.url + ": HTTP " + std::to_string(reply.status) + ": " +
                                       util::shorten(said, 200),
                                   static_cast<int>(reply.status)});
    }
    return parse_scores(reply.body, batch.size());
  }
  last.message += " (after " + std::to_string(m_options.max_retries + 1) + " attempts)";
  return std::unexpected(last);
}

}  // namespace rb::adapters
