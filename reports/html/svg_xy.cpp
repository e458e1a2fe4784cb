// XyChart: points, lines and vertical error bars on linear or log axes.
#include <fmt/format.h>

#include "reports/html/escape.hpp"
#include "reports/html/svg_parts.hpp"

namespace rb::reports::html {

using namespace parts;

XyChart::XyChart(std::string kind, std::string title, Axis x, Axis y)
    : m_kind(std::move(kind)), m_title(std::move(title)), m_x(std::move(x)), m_y(std::move(y))
{
}

bool XyChart::empty() const
{
  for (const auto& s : m_series) {
    if (!s.points.empty()) {
      return false;
    }
  }
  return true;
}

std::string XyChart::render() const
{
  std::vector<double> xs;
  std::vector<double> ys;
  for (const auto& s : m_series) {
    for (const auto& p : s.points) {
      xs.push_back(p.x);
      ys.push_back(p.y);
      if (!std::isnan(p.y_low) && !std::isnan(p.y_high)) {
        ys.push_back(p.y_low);
        ys.push_back(p.y_high);
      }
    }
  }
  const auto [x_lo, x_hi] = fit_domain(m_x, xs);
  const auto [y_lo, y_hi] = fit_domain(m_y, ys);
  const Mapper mx{m_x.scale, x_lo, x_hi, k_left + 8, k_right - 8};
  const Mapper my{m_y.scale, y_lo, y_hi, k_bottom, k_top};
  std::string body =
      axes(m_title, m_x, mx, ticks(m_x.scale, x_lo, x_hi), m_y, my, ticks(m_y.scale, y_lo, y_hi));
  const auto visible = [&](const Point& p) {
    return std::isfinite(p.x) && std::isfinite(p.y) && (m_x.scale == Scale::linear || p.x > 0) &&
           (m_y.scale == Scale::linear || p.y > 0);
  };
  std::vector<LegendEntry> entries;
  for (const auto& s : m_series) {
    const std::string colour = s.grey ? "#777" : style_colour(s.style);
    body += fmt::format("<g class=\"series\" data-series=\"{}\">", escape_html(s.name));
    if (s.line) {
      std::string path;
      for (const auto& p : s.points) {
        if (visible(p)) {
          path += fmt::format("{}{} {}", path.empty() ? "M" : "L", num(mx(p.x)), num(my(p.y)));
        }
      }
      if (!path.empty()) {
        body += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{}/>", path, colour,
                            s.dashed ? " stroke-dasharray=\"6 4\"" : "");
      }
    }
    for (const auto& p : s.points) {
      if (!visible(p) || (!s.markers && !p.ring)) {
        continue;  // a plain line (a CDF): its points need no marks of their own
      }
      const double px = mx(p.x);
      const double py = my(p.y);
      body += "<g class=\"point\">";
      if (!p.tip.empty()) {
        body += "<title>" + escape_html(p.tip) + "</title>";
      }
      if (!std::isnan(p.y_low) && !std::isnan(p.y_high)) {
        body += fmt::format(
            "<path d=\"M{0} {1}V{2}M{3} {1}h8M{3} {2}h8\" stroke=\"{4}\" stroke-width=\"1.2\" "
            "fill=\"none\"/>",
            num(px), num(my(p.y_low)), num(my(p.y_high)), num(px - 4), colour);
      }
      if (p.ring) {
        body += fmt::format(
            "<circle cx=\"{}\" cy=\"{}\" r=\"8\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.2\"/>",
            num(px), num(py));
      }
      if (s.markers) {
        body += marker(s.style, px, py, colour);
      }
      body += "</g>";
    }
    body += "</g>";
    entries.push_back({s.name, s.style, s.dashed, s.grey, s.line, s.markers});
  }
  double height = 0;
  body += legend(entries, height);
  return figure(m_kind, m_title, body, height, m_notes);
}

}  // namespace rb::reports::html
