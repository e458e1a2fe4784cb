#include "reports/html/svg_parts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "reports/html/escape.hpp"

namespace rb::reports::html {

std::string style_colour(std::size_t i)
{
  static const char* const k_palette[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                          "#E69F00", "#56B4E9", "#000000", "#8C564B"};
  return k_palette[i % 8];
}

namespace parts {

namespace {

double transform(Scale scale, double v)
{
  switch (scale) {
    case Scale::linear:
      return v;
    case Scale::log10:
      return std::log10(v);
    case Scale::log2:
      return std::log2(v);
  }
  return v;
}

double nice_ceiling(double v)
{
  if (v <= 0) {
    return 1;
  }
  const double magnitude = std::pow(10.0, std::floor(std::log10(v)));
  for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (step * magnitude >= v) {
      return step * magnitude;
    }
  }
  return 10 * magnitude;
}

std::string si(double v)
{
  const double a = std::abs(v);
  if (a >= 1e6) {
    return fmt::format("{:g}M", v / 1e6);
  }
  if (a >= 1e3) {
    return fmt::format("{:g}k", v / 1e3);
  }
  return fmt::format("{:g}", v);
}

}  // namespace

double Mapper::operator()(double value) const
{
  const double a = transform(scale, lo);
  const double b = transform(scale, hi);
  const double t = b == a ? 0.5 : (transform(scale, value) - a) / (b - a);
  return pixel_lo + t * (pixel_hi - pixel_lo);
}

std::pair<double, double> fit_domain(const Axis& axis, const std::vector<double>& values)
{
  double lo = axis.min;
  double hi = axis.max;
  double data_lo = std::numeric_limits<double>::infinity();
  double data_hi = -std::numeric_limits<double>::infinity();
  for (const double v : values) {
    if (std::isfinite(v) && (axis.scale == Scale::linear || v > 0)) {
      data_lo = std::min(data_lo, v);
      data_hi = std::max(data_hi, v);
    }
  }
  if (!std::isfinite(data_lo)) {  // no data: a unit domain
    data_lo = axis.scale == Scale::linear ? 0 : 1;
    data_hi = axis.scale == Scale::linear ? 1 : 10;
  }
  if (axis.scale == Scale::log10) {
    lo = std::isnan(lo) ? std::pow(10.0, std::floor(std::log10(data_lo))) : lo;
    hi = std::isnan(hi) ? std::pow(10.0, std::ceil(std::log10(data_hi))) : hi;
    if (hi <= lo) {
      hi = lo * 10;
    }
  } else if (axis.scale == Scale::log2) {
    lo = std::isnan(lo) ? std::pow(2.0, std::floor(std::log2(data_lo))) : lo;
    hi = std::isnan(hi) ? std::pow(2.0, std::ceil(std::log2(data_hi))) : hi;
    if (hi <= lo) {
      hi = lo * 2;
    }
  } else {
    lo = std::isnan(lo) ? std::min(0.0, data_lo) : lo;
    hi = std::isnan(hi) ? nice_ceiling(data_hi) : hi;
    if (hi <= lo) {
      hi = lo + 1;
    }
  }
  return {lo, hi};
}

std::vector<double> ticks(Scale scale, double lo, double hi)
{
  std::vector<double> out;
  if (scale == Scale::log2) {
    for (double v = std::pow(2.0, std::ceil(std::log2(lo) - 1e-9)); v <= hi * (1 + 1e-9); v *= 2) {
      out.push_back(v);
    }
    return out;
  }
  if (scale == Scale::log10) {
    const int first = static_cast<int>(std::ceil(std::log10(lo) - 1e-9));
    const int last = static_cast<int>(std::floor(std::log10(hi) + 1e-9));
    const bool fine = last - first <= 2;  // few decades: 1, 2, 5 per decade
    for (int e = first - 1; e <= last; ++e) {
      for (const double m : fine ? std::vector<double>{1, 2, 5} : std::vector<double>{1}) {
        const double v = m * std::pow(10.0, e);
        if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
          out.push_back(v);
        }
      }
    }
    return out;
  }
  const double step = nice_ceiling((hi - lo) / 5);
  for (double v = std::ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    out.push_back(std::abs(v) < step * 1e-9 ? 0 : v);
  }
  return out;
}

std::string tick_label(double value, Unit unit)
{
  switch (unit) {
    case Unit::percent:
      return fmt::format("{:g}%", std::round(value * 1000) / 10);
    case Unit::dollars:
      return "$" + fmt::format("{:g}", value);
    case Unit::tokens:
    case Unit::millis:
    case Unit::number:
      return si(value);
  }
  return fmt::format("{:g}", value);
}

std::string num(double value)
{
  return fmt::format("{:.1f}", value);
}

std::string marker(std::size_t style, double x, double y, const std::string& colour)
{
  const std::string fill = fmt::format("fill=\"{}\" stroke=\"#fff\" stroke-width=\"0.8\"", colour);
  switch (style % 5) {
    case 0:
      return fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"4.5\" {}/>", num(x), num(y), fill);
    case 1:
      return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"8\" height=\"8\" {}/>", num(x - 4), num(y - 4),
                         fill);
    case 2:
      return fmt::format("<path d=\"M{} {}L{} {}L{} {}Z\" {}/>", num(x), num(y - 5), num(x + 5), num(y + 4),
                         num(x - 5), num(y + 4), fill);
    case 3:
      return fmt::format("<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" {}/>", num(x), num(y - 5.5), num(x + 5.5),
                         num(y), num(x), num(y + 5.5), num(x - 5.5), num(y), fill);
    default:
      return fmt::format("<path d=\"M{} {}h3v3h3v3h-3v3h-3v-3h-3v-3h3z\" {}/>", num(x - 1.5), num(y - 6),
                         fill);
  }
}

std::string legend(const std::vector<LegendEntry>& entries, double& height)
{
  std::string out = "<g class=\"legend\">";
  const std::size_t columns = 2;
  const double column_width = (k_right - k_left) / static_cast<double>(columns);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    const double x = k_left + static_cast<double>(i % columns) * column_width;
    const double y = k_legend_top + static_cast<double>(i / columns) * k_legend_row;
    const std::string colour = e.grey ? "#777" : style_colour(e.style);
    if (e.swatch) {
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"18\" height=\"10\" fill=\"{}\"{}/>", num(x + 3),
                         num(y - 5), colour, e.style % 2 == 1 ? " fill-opacity=\"0.6\"" : "");
    }
    if (e.line) {
      out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\"{}/>",
                         num(x), num(y), num(x + 24), num(y), colour,
                         e.dashed ? " stroke-dasharray=\"5 3\"" : "");
    }
    if (e.markers) {
      out += marker(e.style, x + 12, y, colour);
    }
    out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"legend-text\">{}</text>", num(x + 30), num(y + 4),
                       escape_html(e.name));
  }
  out += "</g>";
  height = k_legend_top + static_cast<double>((entries.size() + columns - 1) / columns) * k_legend_row + 6;
  return out;
}

std::string axes(const std::string& title, const Axis& x, const Mapper& mx,
                 const std::vector<double>& x_ticks, const Axis& y, const Mapper& my,
                 const std::vector<double>& y_ticks)
{
  std::string out;
  out +=
      fmt::format("<text x=\"{}\" y=\"22\" class=\"chart-title\">{}</text>", num(k_left), escape_html(title));
  out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"plot-frame\"/>", num(k_left),
                     num(k_top), num(k_right - k_left), num(k_bottom - k_top));
  for (const double t : y_ticks) {
    const double py = my(t);
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"grid\"/>", num(k_left), num(py),
                       num(k_right), num(py));
    out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"tick\" text-anchor=\"end\">{}</text>",
                       num(k_left - 6), num(py + 4), escape_html(tick_label(t, y.unit)));
  }
  for (const double t : x_ticks) {
    const double px = mx(t);
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"grid\"/>", num(px), num(k_top),
                       num(px), num(k_bottom));
    out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"tick\" text-anchor=\"middle\">{}</text>", num(px),
                       num(k_bottom + 16), escape_html(tick_label(t, x.unit)));
  }
  out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"axis-label\" text-anchor=\"middle\">{}</text>",
                     num((k_left + k_right) / 2), num(k_bottom + 38), escape_html(x.label));
  out += fmt::format(
      "<text x=\"18\" y=\"{}\" class=\"axis-label\" text-anchor=\"middle\" transform=\"rotate(-90 18 "
      "{})\">{}</text>",
      num((k_top + k_bottom) / 2), num((k_top + k_bottom) / 2), escape_html(y.label));
  return out;
}

std::string figure(const std::string& kind, const std::string& title, const std::string& svg_body,
                   double height, const std::vector<std::string>& notes)
{
  std::string out = fmt::format("<figure class=\"chart\" data-chart=\"{}\">", escape_html(kind));
  out += fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\"><title>{}</title>",
      num(k_width), num(height), escape_html(title));
  out += svg_body;
  out += "</svg>";
  if (!notes.empty()) {
    out += "<figcaption>";
    for (const auto& n : notes) {
      out += "<span class=\"note\">" + escape_html(n) + "</span> ";
    }
    out += "</figcaption>";
  }
  return out + "</figure>\n";
}

}  // namespace parts

std::string placeholder_figure(const std::string& kind, const std::string& title, const std::string& why)
{
  return fmt::format(
      "<figure class=\"chart placeholder\" data-chart=\"{}\"><div class=\"chart-title\">{}</div>"
      "<p class=\"not-measured\">{}</p></figure>\n",
      escape_html(kind), escape_html(title), escape_html(why));
}

}  // namespace rb::reports::html
