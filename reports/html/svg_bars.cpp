// BarChart: groups of bars (one per series) with interval whiskers, on a linear y axis.
#include <fmt/format.h>

#include <algorithm>

#include "reports/html/escape.hpp"
#include "reports/html/svg_parts.hpp"

namespace rb::reports::html {

using namespace parts;

BarChart::BarChart(std::string kind, std::string title, Axis y, std::string x_label)
    : m_kind(std::move(kind)), m_title(std::move(title)), m_y(std::move(y)), m_x_label(std::move(x_label))
{
}

void BarChart::set_series(std::vector<std::string> names, std::vector<std::size_t> styles)
{
  m_names = std::move(names);
  m_styles = std::move(styles);
}

void BarChart::add_group(std::string label, std::vector<Bar> bars)
{
  m_groups.emplace_back(std::move(label), std::move(bars));
}

std::string BarChart::render() const
{
  std::vector<double> ys;
  for (const auto& [label, bars] : m_groups) {
    for (const auto& b : bars) {
      if (b.present) {
        ys.push_back(b.value);
        if (!std::isnan(b.high)) {
          ys.push_back(b.high);
        }
      }
    }
  }
  const auto [y_lo, y_hi] = fit_domain(m_y, ys);
  const Mapper my{m_y.scale, y_lo, y_hi, k_bottom, k_top};
  // The x axis is categorical: a linear mapper over group positions, no numeric ticks.
  const Axis x{m_x_label, Scale::linear, Unit::number, 0, 1};
  const Mapper mx{Scale::linear, 0, 1, k_left, k_right};
  std::string body = axes(m_title, x, mx, {}, m_y, my, ticks(m_y.scale, y_lo, y_hi));
  const double group_width =
      (k_right - k_left) / static_cast<double>(std::max<std::size_t>(1, m_groups.size()));
  const double bar_width =
      std::min(48.0, group_width * 0.8 / static_cast<double>(std::max<std::size_t>(1, m_names.size())));
  for (std::size_t g = 0; g < m_groups.size(); ++g) {
    const auto& [label, bars] = m_groups[g];
    const double centre = k_left + group_width * (static_cast<double>(g) + 0.5);
    const double first = centre - bar_width * static_cast<double>(bars.size()) / 2;
    body += fmt::format(
        "<g class=\"bar-group\"><text x=\"{}\" y=\"{}\" class=\"tick\" text-anchor=\"middle\">{}</text>",
        num(centre), num(k_bottom + 16), escape_html(label));
    for (std::size_t i = 0; i < bars.size(); ++i) {
      const Bar& b = bars[i];
      if (!b.present) {
        continue;
      }
      const std::size_t style = i < m_styles.size() ? m_styles[i] : i;
      const std::string colour = style_colour(style);
      const double x0 = first + bar_width * static_cast<double>(i);
      const double top = my(b.value);
      body += "<g class=\"bar\">";
      if (!b.tip.empty()) {
        body += "<title>" + escape_html(b.tip) + "</title>";
      }
      // Hatching every other style keeps neighbouring bars apart in greyscale print.
      body +=
          fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"{} stroke=\"#fff\"/>",
                      num(x0 + 1), num(top), num(bar_width - 2), num(std::max(0.0, k_bottom - top)), colour,
                      style % 2 == 1 ? " fill-opacity=\"0.6\"" : "");
      if (!std::isnan(b.low) && !std::isnan(b.high)) {
        const double cx = x0 + bar_width / 2;
        body += fmt::format(
            "<path d=\"M{0} {1}V{2}M{3} {1}h6M{3} {2}h6\" stroke=\"#222\" stroke-width=\"1.2\" "
            "fill=\"none\"/>",
            num(cx), num(my(b.low)), num(my(b.high)), num(cx - 3));
      }
      body += "</g>";
    }
    body += "</g>";
  }
  std::vector<LegendEntry> entries;
  for (std::size_t i = 0; i < m_names.size(); ++i) {
    entries.push_back({m_names[i], i < m_styles.size() ? m_styles[i] : i, false, false, false, false, true});
  }
  double height = 0;
  body += legend(entries, height);
  return figure(m_kind, m_title, body, height, m_notes);
}

}  // namespace rb::reports::html
