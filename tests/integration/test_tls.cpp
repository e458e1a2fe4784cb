// HTTPS end to end: serve-sim behind a TLS front (tests/support/tls_proxy.py, a self-signed
// certificate from tests/fixtures/tls/), reached through the real transport (the epoll loop,
// libcurl, OpenSSL), streamed and whole. The certificate is verified: trusted through the model's
// `ca_file` it works; without it every request is an error naming the certificate, and no answer
// is stored as if the server had given it.
#include <catch2/catch.hpp>

#include "tests/support/test_env.hpp"

using namespace rb::test;

namespace {

std::string tls_fixture(const std::string& name)
{
  return source_dir() + "/tests/fixtures/tls/" + name;
}

/// Starts the TLS front for `backend_port` and reads the port it listens on.
class TlsFront {
 public:
  TlsFront(int backend_port, const std::string& log_dir)
  {
    const std::string out = log_dir + "/tls.out";
    const std::string err = log_dir + "/tls.err";
    m_process = std::make_unique<Background>(
        std::vector<std::string>{"/usr/bin/python3", source_dir() + "/tests/support/tls_proxy.py",
                                 tls_fixture("server_cert.pem"), tls_fixture("server_key.pem"),
                                 std::to_string(backend_port)},
        out, err);
    m_port = wait_for_port(*m_process, out, err, "listening on ", "tls_proxy.py");
  }
  std::string url() const { return "https://127.0.0.1:" + std::to_string(m_port) + "/v1"; }

 private:
  std::unique_ptr<Background> m_process;
  int m_port = 0;
};

std::string run_file(const std::string& db, const std::string& url, const std::string& ca_file)
{
  std::string text = "[run]\nname = \"tls\"\ndb = \"" + db + "\"\nconcurrency = 8\nsamples = 2\n"
                     "[[suite]]\nname = \"gen:arith?n=10&seed=2\"\n";
  for (const char* stream : {"true", "false"}) {
    text += std::string("[[model]]\nspec = \"sim:") + url + "#r1-like\"\nlabel = \"" +
            (std::string(stream) == "true" ? "streamed" : "whole") + "\"\nstream = " + stream +
            "\n";
    if (!ca_file.empty()) {
      text += "ca_file = \"" + ca_file + "\"\n";
    }
  }
  return text;
}

}  // namespace

TEST_CASE("https: a server with a private certificate is reached through ca_file, streamed and whole", "[e2e][tls]")
{
  TempDir dir;
  SimServerProcess sim("", dir.path().string());
  TlsFront front(sim.port(), dir.path().string());

  const std::string db = dir.file("tls.db");
  write_file(dir.file("run.toml"), run_file(db, front.url(), tls_fixture("server_cert.pem")));
  const auto r = run_command({binary(), "run", dir.file("run.toml")});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(count_rows(db, "SELECT count(*) FROM samples WHERE error = ''") == 40);
  // Model keys carry "(SIMULATED)" after the label.
  CHECK(count_rows(db, "SELECT count(*) FROM samples WHERE model LIKE 'streamed%' AND chunks > 1") == 20);
  CHECK(count_rows(db, "SELECT count(*) FROM samples WHERE model LIKE 'whole%' AND chunks = 0") == 20);
  CHECK(count_rows(db, "SELECT count(*) FROM verdicts WHERE verdict = 'error'") == 0);

  // The same server without trusting its certificate: verification is on, nothing is answered.
  const std::string untrusted = dir.file("untrusted.db");
  write_file(dir.file("untrusted.toml"), run_file(untrusted, front.url(), ""));
  const auto u = run_command({binary(), "run", dir.file("untrusted.toml")});
  INFO(u.err);
  CHECK(count_rows(untrusted, "SELECT count(*) FROM samples WHERE error = ''") == 0);
  CHECK(count_rows(untrusted, "SELECT count(*) FROM samples WHERE error LIKE '%certificate%'") == 40);
  // Not retried: the same certificate fails again (and the message says what to set).
  CHECK(count_rows(untrusted, "SELECT count(*) FROM samples WHERE retries = 0 AND error LIKE '%ca_file%'") == 40);

  // A ca_file that cannot be read is one error line naming the model and the key.
  write_file(dir.file("missing.toml"), run_file(dir.file("m.db"), front.url(), dir.file("no-such.pem")));
  const auto m = run_command({binary(), "run", dir.file("missing.toml")});
  CHECK(m.exit_code == 2);
  CHECK(lines_of(m.err).size() == 1);
  CHECK_THAT(m.err, Catch::Contains("ca_file") && Catch::Contains("no-such.pem") && Catch::Contains("cannot be read"));
}
