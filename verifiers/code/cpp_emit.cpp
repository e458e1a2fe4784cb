#include "verifiers/code/cpp_emit.hpp"

namespace rb::verifiers::code {

std::string_view cpp_emit_header()
{
  static constexpr std::string_view k_header = R"RBCPP(
#include <fcntl.h>
#include <unistd.h>
namespace rb_emit {
inline int g_fd = 1;
// Runs before any static constructor of the program: results get a private descriptor and the
// program's own stdout goes to /dev/null, so its prints never mix with results.
__attribute__((constructor(101))) inline void init() {
  g_fd = ::dup(1);
  int null_fd = ::open("/dev/null", O_WRONLY);
  ::dup2(null_fd, 1);
  ::close(null_fd);
}
inline void write_all(const std::string& s) {
  const char* p = s.data();
  size_t n = s.size();
  while (n > 0) {
    ssize_t w = ::write(g_fd, p, n);
    if (w <= 0) return;
    p += w;
    n -= static_cast<size_t>(w);
  }
}
inline void str(std::string& o, const std::string& s) {
  o += '"';
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') { o += '\\'; o += static_cast<char>(c); }
    else if (c < 0x20 || c >= 0x7f) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", c); o += b; }
    else o += static_cast<char>(c);
  }
  o += '"';
}
inline void real(std::string& o, double v) {
  char b[40];
  if (std::isnan(v)) std::snprintf(b, sizeof b, "nan");
  else if (std::isinf(v)) std::snprintf(b, sizeof b, v > 0 ? "inf" : "-inf");
  else std::snprintf(b, sizeof b, "%.17g", v);
  o += "{\"$f\":\""; o += b; o += "\"}";
}
template <class T> struct is_vector : std::false_type {};
template <class T, class A> struct is_vector<std::vector<T, A>> : std::true_type {};
template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
template <class T> struct is_tuple : std::false_type {};
template <class... T> struct is_tuple<std::tuple<T...>> : std::true_type {};
template <class A, class B> struct is_tuple<std::pair<A, B>> : std::true_type {};
template <class T> struct is_map : std::false_type {};
template <class K, class V, class C, class A> struct is_map<std::map<K, V, C, A>> : std::true_type {};
template <class K, class V, class H, class E, class A> struct is_map<std::unordered_map<K, V, H, E, A>> : std::true_type {};
template <class T> struct is_set : std::false_type {};
template <class K, class C, class A> struct is_set<std::set<K, C, A>> : std::true_type {};
template <class K, class H, class E, class A> struct is_set<std::unordered_set<K, H, E, A>> : std::true_type {};
template <class T> inline constexpr bool unsupported = false;
template <class T> void put(std::string& o, const T& v);
template <class Seq> void items(std::string& o, const Seq& seq) {
  bool first = true;
  for (const auto& x : seq) { if (!first) o += ','; first = false; put(o, x); }
}
template <class T> void put(std::string& o, const T& v) {
  if constexpr (std::is_same_v<T, bool>) o += v ? "true" : "false";
  else if constexpr (std::is_same_v<T, char>) str(o, std::string(1, v));
  else if constexpr (std::is_integral_v<T>) o += std::to_string(v);
  else if constexpr (std::is_floating_point_v<T>) real(o, static_cast<double>(v));
  else if constexpr (std::is_same_v<T, std::string>) str(o, v);
  else if constexpr (std::is_same_v<T, const char*> || std::is_same_v<T, char*>) str(o, v == nullptr ? "" : v);
  else if constexpr (std::is_same_v<T, std::nullopt_t>) o += "null";
  else if constexpr (is_optional<T>::value) { if (v) put(o, *v); else o += "null"; }
  else if constexpr (is_vector<T>::value) { o += '['; items(o, v); o += ']'; }
  else if constexpr (is_tuple<T>::value) {
    o += "{\"$tuple\":[";
    bool first = true;
    std::apply([&](const auto&... x) { ((o += first ? "" : ",", first = false, put(o, x)), ...); }, v);
    o += "]}";
  }
  else if constexpr (is_set<T>::value) { o += "{\"$set\":["; items(o, v); o += "]}"; }
  else if constexpr (is_map<T>::value) {
    o += "{\"$dict\":[";
    bool first = true;
    for (const auto& kv : v) { if (!first) o += ','; first = false; o += '['; put(o, kv.first); o += ','; put(o, kv.second); o += ']'; }
    o += "]}";
  }
  else static_assert(unsupported<T>, "rb_emit: this result type cannot be compared");
}
template <class F> void call(int i, const char* key, F&& f) {
  std::string o = std::string("{\"") + key + "\":" + std::to_string(i) + ",";
  try {
    auto v = f();
    o += "\"v\":";
    put(o, v);
  } catch (const std::exception& e) {
    o += "\"error\":";
    str(o, std::string("exception: ") + e.what());
  } catch (...) {
    o += "\"error\":\"exception\"";
  }
  o += "}\n";
  write_all(o);
}
template <class F> void call(int i, F&& f) { call(i, "i", f); }
inline void done(int n, long long reference_us = -1) {
  std::string o = "{\"done\":" + std::to_string(n);
  if (reference_us >= 0) o += ",\"reference_us\":" + std::to_string(reference_us);
  write_all(o + "}\n");
  ::_exit(0);
}
}  // namespace rb_emit
)RBCPP";
  return k_header;
}

}  // namespace rb::verifiers::code
